/* quorum-store-write.c: recording decisions in a store, copying a store
 *
 * A decision is a new, sealed file written crash-safely under the store's
 * write lock; once written it is registered with the store's files, so
 * that the reload its write causes keeps the same object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-store-private.h"
#include <glib/gi18n-lib.h>
#include "quorum-model-private.h"
#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-load-context.h"
#include "quorum-store-layout.h"
#include "quorum-store-lock.h"
#include "quorum-work-package.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Picks the decision's file name in @dir_fd: its id, or the id with -2,
 * -3, … when the same person decided the same package in the same second. */
static char *
free_decision_name (int             dir_fd,
                    QuorumDecision *decision,
                    const char     *base,
                    guint          *attempt)
{
  for (; *attempt < 100; (*attempt)++)
    {
      g_autofree char *id = *attempt == 1 ? g_strdup (base)
                                          : g_strdup_printf ("%s-%u", base, *attempt);
      g_autofree char *name = NULL;

      if (!quorum_id_is_valid (id))
        break;
      name = g_strconcat (id, ".json", NULL);
      if (faccessat (dir_fd, name, F_OK, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT)
        {
          _quorum_decision_set_id (decision, id);
          return g_steal_pointer (&name);
        }
    }
  return NULL;
}

/* How long a write waits for another writer to finish before giving up. */
#define WRITE_LOCK_WAIT_MS 3000

/* The decision and its outbox marker, each in its folder of the store. */
typedef struct
{
  int decisions_fd;
  int outbox_fd;
} DecisionFolders;

static void
decision_folders_clear (DecisionFolders *folders)
{
  if (folders->decisions_fd >= 0)
    close (folders->decisions_fd);
  if (folders->outbox_fd >= 0)
    close (folders->outbox_fd);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DecisionFolders, decision_folders_clear)

/* Opens (creating) decisions/PACKAGE/ and .quorum/outbox/PACKAGE/ through
 * one descriptor of the store, never following a symbolic link. */
static gboolean
open_decision_folders (const char       *store_path,
                       const char       *package_id,
                       DecisionFolders  *folders,
                       GError          **error)
{
  g_autofree char *decisions = g_build_filename ("decisions", package_id, NULL);
  g_autofree char *outbox = g_build_filename (QUORUM_STORE_PRIVATE_DIR, "outbox", package_id,
                                              NULL);
  int root_fd;

  if ((root_fd = _quorum_dir_open (store_path, error)) < 0)
    return FALSE;
  folders->decisions_fd = _quorum_dir_open_at (root_fd, store_path, decisions, TRUE, error);
  if (folders->decisions_fd >= 0)
    folders->outbox_fd = _quorum_dir_open_at (root_fd, store_path, outbox, TRUE, error);
  close (root_fd);
  return folders->outbox_fd >= 0;
}

/* Writes a new decision file, never replacing one; runs on any thread. */
static gboolean
write_decision (const char      *store_path,
                QuorumDecision  *decision,
                GCancellable    *cancellable,
                GError         **error)
{
  const char *package_id = quorum_decision_get_work_package (decision);
  g_autofree char *folder = g_build_filename (store_path, "decisions", package_id, NULL);
  g_autofree char *base = g_strdup (quorum_decision_get_id (decision));
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_auto(DecisionFolders) folders = { -1, -1 };
  guint attempt = 1;

  lock = quorum_store_lock_acquire (store_path, WRITE_LOCK_WAIT_MS, cancellable, error);
  if (lock == NULL)
    return FALSE;
  if (!open_decision_folders (store_path, package_id, &folders, error))
    return FALSE;

  for (;;)
    {
      g_autofree char *name = free_decision_name (folders.decisions_fd, decision, base,
                                                  &attempt);
      g_autofree char *path = NULL;
      g_autofree char *marker = NULL;
      g_autofree char *marker_name = NULL;
      g_autofree char *marker_data = NULL;
      g_autofree char *data = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (name == NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO,
                       _("%s: too many decisions with the same name in the same second"),
                       folder);
          return FALSE;
        }
      path = g_build_filename (folder, name, NULL);

      /* The outbox marker first: a crash between the two leaves a marker
       * without a decision, which sync ignores, rather than a decision
       * that would never be sent. */
      marker = quorum_store_layout_outbox (store_path, package_id,
                                           quorum_decision_get_id (decision));
      marker_name = g_path_get_basename (marker);
      marker_data = g_strdup_printf ("{\n  \"format\": \"quorum.outbox/1\",\n"
                                     "  \"seal\": \"%s\"\n}\n",
                                     quorum_decision_get_seal (decision));
      if (!_quorum_file_replace_at (folders.outbox_fd, marker_name, marker, marker_data,
                                    strlen (marker_data), error))
        return FALSE;

      data = quorum_decision_to_data (decision, &length);
      if (_quorum_file_write_new_at (folders.decisions_fd, name, path, data, length,
                                     &local_error))
        {
          _quorum_decision_set_file (decision, path);
          _quorum_decision_set_pending_sync (decision, TRUE);
          return TRUE;
        }
      unlinkat (folders.outbox_fd, marker_name, 0);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Someone took the name since we looked: try the next one. */
      attempt++;
    }
}

/* The file just written for @decision, as a load would have found it, so
 * that the next reload keeps the decision; runs on any thread. */
static QuorumStoreFile *
written_file (QuorumDecision *decision)
{
  QuorumStoreFile *file = _quorum_store_file_new (QUORUM_STORE_FILE_DECISION,
                                                  quorum_decision_get_file (decision),
                                                  quorum_decision_get_work_package (decision));
  g_autofree char *data = NULL;
  gsize length;

  g_ptr_array_add (file->objects, g_object_ref (decision));
  file->pending = TRUE;
  if (_quorum_store_stamp_file (file->path, &file->stamp) &&
      g_file_get_contents (file->path, &data, &length, NULL))
    _quorum_store_stamp_read (&file->stamp, NULL, data, length);
  return file;
}

static QuorumDecision *
prepare_decision (QuorumStore        *self,
                  const char         *work_package_id,
                  const char         *decision,
                  const char         *by,
                  const char         *role,
                  const char         *comment,
                  QuorumWorkPackage **out_package,
                  GError            **error)
{
  QuorumWorkPackage *package;

  if ((package = quorum_store_find_work_package (self, work_package_id)) == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("there is no work package “%s” in the store %s"),
                   work_package_id, self->path);
      return NULL;
    }
  if (quorum_store_is_sample (self))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED,
                   _("%s is the bundled sample store, which is read-only; make a copy of it "
                     "to record decisions"), self->path);
      return NULL;
    }
  if (!quorum_work_package_can_decide (package, error))
    return NULL;

  *out_package = package;
  return quorum_decision_new (work_package_id, decision, by, role, comment, NULL, error);
}

/**
 * quorum_store_decide:
 * @decision: `approve`, `reject` or `defer`
 * @role: (nullable)
 * @comment: (nullable)
 *
 * Records a decision on a submitted package as a new, sealed file
 * (written crash-safely, never replacing a file) and marks it as
 * awaiting sync. Blocks on disk I/O: the app uses
 * quorum_store_decide_async().
 *
 * Returns: (transfer full) (nullable): the decision, now also the
 *   package's latest
 */
QuorumDecision *
quorum_store_decide (QuorumStore   *self,
                     const char    *work_package_id,
                     const char    *decision,
                     const char    *by,
                     const char    *role,
                     const char    *comment,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(QuorumDecision) result = NULL;
  g_autoptr(QuorumStoreFile) written = NULL;
  QuorumWorkPackage *package = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (work_package_id != NULL, NULL);
  g_return_val_if_fail (decision != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = prepare_decision (self, work_package_id, decision, by, role, comment, &package,
                             error);
  if (result == NULL || !write_decision (self->path, result, cancellable, error))
    return NULL;

  written = written_file (result);
  quorum_work_package_add_decision (package, result);
  _quorum_store_add_written (self, written);
  return g_steal_pointer (&result);
}

typedef struct
{
  char *store_path;
  QuorumDecision *decision;
  QuorumWorkPackage *package;
  QuorumStoreFile *written;   /* once written */
} DecideData;

static void
decide_data_free (DecideData *data)
{
  g_free (data->store_path);
  g_clear_object (&data->decision);
  g_clear_object (&data->package);
  g_clear_pointer (&data->written, _quorum_store_file_unref);
  g_free (data);
}

static void
decide_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DecideData *data = task_data;
  GError *error = NULL;

  if (write_decision (data->store_path, data->decision, cancellable, &error))
    {
      data->written = written_file (data->decision);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

static void
decide_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DecideData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Back on the caller's thread: the models change here only. */
  quorum_work_package_add_decision (data->package, data->decision);
  _quorum_store_add_written (g_task_get_source_object (task), data->written);
  g_task_return_pointer (task, g_object_ref (data->decision), g_object_unref);
}

/**
 * quorum_store_decide_async:
 *
 * Like quorum_store_decide(), writing on a worker thread. When the
 * callback runs the package already holds the new decision.
 */
void
quorum_store_decide_async (QuorumStore         *self,
                           const char          *work_package_id,
                           const char          *decision,
                           const char          *by,
                           const char          *role,
                           const char          *comment,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(QuorumDecision) prepared = NULL;
  QuorumWorkPackage *package = NULL;
  GError *error = NULL;
  DecideData *data;

  g_return_if_fail (QUORUM_IS_STORE (self));
  g_return_if_fail (work_package_id != NULL);
  g_return_if_fail (decision != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_store_decide_async);

  prepared = prepare_decision (self, work_package_id, decision, by, role, comment, &package,
                               &error);
  if (prepared == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (DecideData, 1);
  data->store_path = g_strdup (self->path);
  data->decision = g_steal_pointer (&prepared);
  data->package = g_object_ref (package);
  g_task_set_task_data (task, data, (GDestroyNotify) decide_data_free);

  worker = g_task_new (self, cancellable, decide_written_cb, g_object_ref (task));
  g_task_set_source_tag (worker, decide_thread);
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, decide_thread);
}

/**
 * quorum_store_decide_finish:
 *
 * Returns: (transfer full) (nullable): the decision recorded
 */
QuorumDecision *
quorum_store_decide_finish (QuorumStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
copy_tree (GFile         *from,
           GFile         *to,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  if (!g_file_make_directory (to, cancellable, error))
    return FALSE;
  children = g_file_enumerate_children (from, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable,
                                        error);
  if (children == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;
      g_autoptr(GFile) target = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        return TRUE;
      /* The store's own state (outbox, sync records) stays with the original. */
      if (g_file_info_get_name (info)[0] == '.')
        continue;
      target = g_file_get_child (to, g_file_info_get_name (info));
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!copy_tree (child, target, cancellable, error))
            return FALSE;
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        {
          if (!g_file_copy (child, target, G_FILE_COPY_NONE, cancellable, NULL, NULL, error))
            return FALSE;
        }
    }
}

/**
 * quorum_store_copy_folder:
 * @from: a store folder
 * @to: a folder that must not exist yet
 *
 * Copies a store (typically the sample, to start one's own) into a
 * temporary folder beside @to, then renames it into place, so @to either
 * does not exist or holds the complete copy. Blocks on disk I/O.
 */
gboolean
quorum_store_copy_folder (const char    *from,
                          const char    *to,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) staging = NULL;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s: the folder already exists"), to);
      return FALSE;
    }
  parent = g_path_get_dirname (to);
  base = g_path_get_basename (to);
  if (!_quorum_folder_make (parent, error))
    return FALSE;

  template = g_strdup_printf (".%s.XXXXXX", base);
  temporary = g_build_filename (parent, template, NULL);
  if (g_mkdtemp (temporary) == NULL || g_rmdir (temporary) != 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, "%s: %s", parent, g_strerror (errno));
      return FALSE;
    }

  source = g_file_new_for_path (from);
  staging = g_file_new_for_path (temporary);
  if (!copy_tree (source, staging, cancellable, error))
    {
      _quorum_remove_tree (temporary);
      return FALSE;
    }
  if (g_rename (temporary, to) != 0)
    {
      int saved_errno = errno;

      _quorum_remove_tree (temporary);
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, "%s: %s", to, g_strerror (saved_errno));
      return FALSE;
    }
  return _quorum_folder_sync (parent, error);
}

