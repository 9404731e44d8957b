/* quorum-backup.c: the previous versions of files a sync replaced
 *
 * Before a sync replaces files, their previous versions are kept in
 * STORE/.quorum/backups/ID/ (ID is the UTC time, `20261201t140211z`), as
 * hard links where the file system allows (a replaced file's old content
 * is never written to again, so the link costs nothing) or copies, with a
 * manifest, backup.json, written last. Only the newest N backups are kept.
 * Restoring writes each file of a backup back into the store, crash-safely
 * and under the store's lock, after backing up the versions it replaces,
 * so a restore can itself be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-backup.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-json.h"
#include "quorum-load-context.h"
#include "quorum-store.h"
#include "quorum-store-layout.h"
#include "quorum-store-lock.h"

struct _QuorumBackup
{
  GObject parent_instance;

  char *store_path;
  char *folder;
  char *id;
  char *created;
  char *reason;
  GPtrArray *files;   /* relative paths, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (QuorumBackup, quorum_backup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_backup_finalize (GObject *object)
{
  QuorumBackup *self = (QuorumBackup *) object;

  g_free (self->store_path);
  g_free (self->folder);
  g_free (self->id);
  g_free (self->created);
  g_free (self->reason);
  g_ptr_array_unref (self->files);

  G_OBJECT_CLASS (quorum_backup_parent_class)->finalize (object);
}

static void
quorum_backup_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumBackup *self = QUORUM_BACKUP (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_CREATED: g_value_set_string (value, self->created); break;
    case PROP_REASON: g_value_set_string (value, self->reason); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_backup_class_init (QuorumBackupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_backup_finalize;
  object_class->get_property = quorum_backup_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_backup_init (QuorumBackup *self)
{
  self->files = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->files, NULL);
}

static char *
backups_folder (const char *store_path)
{
  return quorum_store_layout_backups (store_path);
}

/* STORE/.quorum/backups/, created if need be, reached without following a
 * symbolic link (a hostile store's link would take backups elsewhere). */
static int
open_backups_folder (const char  *store_path,
                     GError     **error)
{
  g_autofree char *relpath = g_build_filename (QUORUM_STORE_PRIVATE_DIR, "backups", NULL);
  int root_fd, fd;

  if ((root_fd = _quorum_dir_open (store_path, error)) < 0)
    return -1;
  fd = _quorum_dir_open_at (root_fd, store_path, relpath, TRUE, error);
  close (root_fd);
  return fd;
}

/**
 * quorum_backup_begin:
 * @reason: what the backup is for, e.g. "sync with https://…"
 *
 * Starts a backup: an empty, uniquely named folder.
 *
 * Returns: (transfer full) (nullable): the backup
 */
QuorumBackup *
quorum_backup_begin (const char  *store_path,
                     const char  *reason,
                     GError     **error)
{
  g_autoptr(QuorumBackup) self = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *parent = NULL;
  g_autofree char *stamp = NULL;
  int parent_fd, saved_errno;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parent = backups_folder (store_path);
  if ((parent_fd = open_backups_folder (store_path, error)) < 0)
    return NULL;

  self = g_object_new (QUORUM_TYPE_BACKUP, NULL);
  self->store_path = g_strdup (store_path);
  self->reason = g_strdup (reason);
  self->created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  stamp = g_date_time_format (now, "%Y%m%dt%H%M%Sz");

  for (guint n = 1; n < 100; n++)
    {
      g_free (self->id);
      self->id = n == 1 ? g_strdup (stamp) : g_strdup_printf ("%s-%u", stamp, n);
      g_free (self->folder);
      self->folder = g_build_filename (parent, self->id, NULL);
      if (mkdirat (parent_fd, self->id, 0755) == 0)
        {
          close (parent_fd);
          return g_steal_pointer (&self);
        }
      if (errno != EEXIST)
        break;
    }
  saved_errno = errno;
  close (parent_fd);
  errno = saved_errno;
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, _("%s: could not create a backup: %s"),
               parent, g_strerror (errno));
  return NULL;
}

/**
 * quorum_backup_keep:
 * @relpath: a path in the store
 *
 * Keeps the current version of @relpath, if there is one, before it is
 * replaced.
 */
gboolean
quorum_backup_keep (QuorumBackup  *self,
                    const char    *relpath,
                    GError       **error)
{
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  GStatBuf st;

  g_return_val_if_fail (QUORUM_IS_BACKUP (self), FALSE);
  g_return_val_if_fail (quorum_store_path_is_valid (relpath), FALSE);

  source = g_build_filename (self->store_path, relpath, NULL);
  /* Only a regular file is the store's; a symbolic link is never followed. */
  if (g_lstat (source, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;
  target = g_build_filename (self->folder, relpath, NULL);
  folder = g_path_get_dirname (target);
  if (!_quorum_folder_make (folder, error))
    return FALSE;

  if (link (source, target) != 0)
    {
      g_autofree char *data = NULL;
      gsize length;

      /* Another file system, or no hard links: copy it. */
      if (!_quorum_file_read_bounded (AT_FDCWD, source, QUORUM_MAX_FILE_BYTES, &data, &length,
                                      error) ||
          !_quorum_file_write_new (target, data, length, error))
        return FALSE;
    }
  g_ptr_array_insert (self->files, self->files->len - 1, g_strdup (relpath));
  return TRUE;
}

static int
compare_ids_newest_first (gconstpointer a,
                          gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_ids (const char *store_path)
{
  g_autofree char *parent = backups_folder (store_path);
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *manifest = g_build_filename (parent, name, "backup.json", NULL);

      if (name[0] != '.' && g_file_test (manifest, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (ids, g_strdup (name));
    }
  g_ptr_array_sort (ids, compare_ids_newest_first);
  return ids;
}

/**
 * quorum_backup_finish:
 * @keep: how many backups to keep, newest first (at least this one)
 *
 * Writes the manifest, which makes the backup complete; a backup of no
 * files is removed instead. Then removes the oldest backups beyond @keep,
 * and any folder an interrupted backup left without a manifest.
 */
gboolean
quorum_backup_finish (QuorumBackup  *self,
                      guint          keep,
                      GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *parent = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (QUORUM_IS_BACKUP (self), FALSE);

  if (self->files->len == 1)
    {
      _quorum_remove_tree (self->folder);
      return TRUE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "quorum.backup/1");
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, self->created);
  if (self->reason != NULL)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, self->reason);
    }
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->files->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->files, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = quorum_json_node_to_string (root);
  data = g_strconcat (text, "\n", NULL);
  manifest = g_build_filename (self->folder, "backup.json", NULL);
  if (!_quorum_file_write_new (manifest, data, strlen (data), error))
    return FALSE;

  /* Prune: the oldest complete backups beyond @keep, and incomplete ones. */
  ids = list_ids (self->store_path);
  parent = backups_folder (self->store_path);
  for (guint i = MAX (keep, 1); i < ids->len; i++)
    {
      g_autofree char *old = g_build_filename (parent, g_ptr_array_index (ids, i), NULL);

      _quorum_remove_tree (old);
    }
  dir = g_dir_open (parent, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder = g_build_filename (parent, name, NULL);
      g_autofree char *other = g_build_filename (folder, "backup.json", NULL);

      if (!g_str_equal (name, self->id) && !g_file_test (other, G_FILE_TEST_EXISTS))
        _quorum_remove_tree (folder);
    }
  return TRUE;
}

static QuorumBackup *
load_backup (const char  *store_path,
             const char  *id,
             GError     **error)
{
  g_autoptr(QuorumBackup) self = g_object_new (QUORUM_TYPE_BACKUP, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *parent = backups_folder (store_path);
  g_autofree char *manifest = NULL;
  JsonObject *object;
  JsonArray *files;

  self->store_path = g_strdup (store_path);
  self->id = g_strdup (id);
  self->folder = g_build_filename (parent, id, NULL);
  manifest = g_build_filename (self->folder, "backup.json", NULL);

  if (!json_parser_load_from_file (parser, manifest, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      (object = json_node_get_object (json_parser_get_root (parser))) == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""),
                 "quorum.backup/1") != 0 ||
      !json_object_has_member (object, "files") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "files")))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s: not a Quorum backup manifest"), manifest);
      return NULL;
    }
  self->created = g_strdup (json_object_get_string_member_with_default (object, "created",
                                                                         NULL));
  self->reason = g_strdup (json_object_get_string_member_with_default (object, "reason", NULL));
  files = json_object_get_array_member (object, "files");
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      const char *relpath = JSON_NODE_HOLDS_VALUE (node) &&
                            json_node_get_value_type (node) == G_TYPE_STRING
                              ? json_node_get_string (node) : NULL;

      if (!quorum_store_path_is_valid (relpath))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("%s: $.files[%u] is not a path in a store"), manifest, i);
          return NULL;
        }
      g_ptr_array_insert (self->files, self->files->len - 1, g_strdup (relpath));
    }
  return g_steal_pointer (&self);
}

/**
 * quorum_backup_list:
 *
 * Returns: (transfer full): the store's complete backups, newest first; a
 *   backup whose manifest cannot be read is left out
 */
GListModel *
quorum_backup_list (const char  *store_path,
                    GError     **error)
{
  GListStore *list;
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (store_path != NULL, NULL);

  list = g_list_store_new (QUORUM_TYPE_BACKUP);
  ids = list_ids (store_path);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(QuorumBackup) backup = load_backup (store_path, g_ptr_array_index (ids, i),
                                                    &local_error);

      if (backup != NULL)
        g_list_store_append (list, backup);
      else
        g_debug ("%s", local_error->message);
    }
  return G_LIST_MODEL (list);
}

/**
 * quorum_backup_restore:
 * @restored: (out) (optional) (transfer full): the paths written back
 *
 * Writes every file of backup @backup_id back into the store, under the
 * store's lock, keeping the versions it replaces in a new backup first.
 */
gboolean
quorum_backup_restore (const char    *store_path,
                       const char    *backup_id,
                       guint          keep,
                       GStrv         *restored,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(QuorumBackup) backup = NULL;
  g_autoptr(QuorumBackup) before = NULL;
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_autoptr(GStrvBuilder) done = g_strv_builder_new ();
  g_autofree char *reason = NULL;

  g_return_val_if_fail (store_path != NULL, FALSE);
  g_return_val_if_fail (backup_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!quorum_id_is_valid (backup_id) || (backup = load_backup (store_path, backup_id,
                                                                NULL)) == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("%s: there is no backup “%s”"), store_path, backup_id);
      return FALSE;
    }

  lock = quorum_store_lock_acquire (store_path, 3000, cancellable, error);
  if (lock == NULL)
    return FALSE;

  reason = g_strdup_printf (_("before restoring backup %s"), backup_id);
  if ((before = quorum_backup_begin (store_path, reason, error)) == NULL)
    return FALSE;

  for (guint i = 0; i + 1 < backup->files->len; i++)
    {
      const char *relpath = g_ptr_array_index (backup->files, i);
      g_autofree char *source = g_build_filename (backup->folder, relpath, NULL);
      g_autofree char *data = NULL;
      gsize length;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !_quorum_file_read_bounded (AT_FDCWD, source, QUORUM_MAX_FILE_BYTES, &data, &length,
                                      error) ||
          !quorum_backup_keep (before, relpath, error) ||
          !_quorum_store_file_replace (store_path, relpath, data, length, error))
        {
          /* What was restored so far stays restored, and backed up. */
          quorum_backup_finish (before, keep + 1, NULL);
          return FALSE;
        }
      g_strv_builder_add (done, relpath);
    }

  /* One more than kept, so the backup being restored is not pruned away. */
  if (!quorum_backup_finish (before, keep + 1, error))
    return FALSE;
  if (restored != NULL)
    *restored = g_strv_builder_end (done);
  return TRUE;
}

const char *
quorum_backup_get_id (QuorumBackup *self)
{
  g_return_val_if_fail (QUORUM_IS_BACKUP (self), NULL);
  return self->id;
}

const char *
quorum_backup_get_created (QuorumBackup *self)
{
  g_return_val_if_fail (QUORUM_IS_BACKUP (self), NULL);
  return self->created;
}

const char *
quorum_backup_get_reason (QuorumBackup *self)
{
  g_return_val_if_fail (QUORUM_IS_BACKUP (self), NULL);
  return self->reason;
}

/**
 * quorum_backup_get_files:
 *
 * Returns: (transfer none): the store paths the backup holds
 */
const char * const *
quorum_backup_get_files (QuorumBackup *self)
{
  g_return_val_if_fail (QUORUM_IS_BACKUP (self), NULL);
  return (const char * const *) self->files->pdata;
}
