/* quorum-sync-pull.c: fetch what changed on the remote, validate it as loading
 * would, stage it in STORE/.quorum/staging/, then apply it under the lock
 * with backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-sync-private.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "quorum-backup.h"
#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-problem.h"
#include "quorum-store.h"
#include "quorum-store-layout.h"
#include "quorum-store-lock.h"
#include "quorum-sync-fate.h"

void
_quorum_sync_staged_free (Staged *staged)
{
  if (staged->staged != NULL)
    g_unlink (staged->staged);
  g_free (staged->relpath);
  g_free (staged->staged);
  g_free (staged->etag);
  g_free (staged->sha256);
  g_free (staged);
}


#define STAGING_RELPATH QUORUM_STORE_PRIVATE_DIR "/staging"

/* Writes a fetched file to STORE/.quorum/staging/RELPATH, through the
 * store's descriptor: no symbolic link below the store is followed. */
static gboolean
stage (QuorumSync  *self,
       Staged      *staged,
       GBytes      *body,
       GError     **error)
{
  g_autofree char *relpath = g_strconcat (STAGING_RELPATH "/", staged->relpath, NULL);
  const char *data;
  gsize size;

  data = g_bytes_get_data (body, &size);
  if (!_quorum_store_file_replace (self->store_path, relpath, data, size, error))
    return FALSE;
  staged->staged = quorum_store_layout_staging (self->store_path, staged->relpath);
  return TRUE;
}

/* Removes what is stale in @dir_fd (a staging folder): files older than
 * @before (seconds since the epoch), and folders as old left empty. */
static void
sweep_folder (int     dir_fd,
              time_t  before)
{
  DIR *dir = fdopendir (dup (dir_fd));
  struct dirent *entry;

  if (dir == NULL)
    return;
  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;

      if (g_str_equal (entry->d_name, ".") || g_str_equal (entry->d_name, "..") ||
          fstatat (dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          int child = openat (dir_fd, entry->d_name,
                              O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

          if (child < 0)
            continue;
          sweep_folder (child, before);
          close (child);
          if (st.st_mtime < before)
            unlinkat (dir_fd, entry->d_name, AT_REMOVEDIR);  /* only if empty */
        }
      else if (st.st_mtime < before)
        unlinkat (dir_fd, entry->d_name, 0);
    }
  closedir (dir);
}

/* A sync killed (kill -9, a power cut) leaves its staged files behind. Any
 * older than a sync may last (its deadline) belongs to no running sync:
 * they are removed, under the store's lock. */
void
_quorum_sync_sweep_staging (QuorumSync *self)
{
  g_autoptr(QuorumStoreLock) lock = NULL;
  int root_fd, dir_fd;

  if ((root_fd = _quorum_dir_open (self->store_path, NULL)) < 0)
    return;
  dir_fd = _quorum_dir_open_at (root_fd, self->store_path, STAGING_RELPATH, FALSE, NULL);
  close (root_fd);
  if (dir_fd < 0)
    return;  /* nothing staged ever: leave the store as it is */
  lock = quorum_store_lock_acquire (self->store_path, LOCK_WAIT_MS, NULL, NULL);
  if (lock != NULL)
    sweep_folder (dir_fd, time (NULL) - (time_t) self->sync_timeout);
  close (dir_fd);
}

/* A decision made here whose outbox marker is still there. */
static gboolean
in_outbox (QuorumSync *self,
           const char *relpath)
{
  g_auto(GStrv) parts = g_strsplit (relpath, "/", 3);
  g_autofree char *id = NULL;
  g_autofree char *marker = NULL;

  if (g_strv_length (parts) != 3 || !g_str_has_suffix (parts[2], ".json"))
    return FALSE;
  id = g_strndup (parts[2], strlen (parts[2]) - 5);
  marker = quorum_store_layout_outbox (self->store_path, parts[1], id);
  return g_file_test (marker, G_FILE_TEST_EXISTS);
}

/* Checks a fetched body and stages it; a bad file is an item. */
static gboolean
accept_body (QuorumSync    *self,
             const char    *relpath,
             RemoteFile    *remote,
             const char    *local_sha,
             Response      *response,
             GPtrArray     *staged_files,
             GError       **error)
{
  /* Problems name the remote file: the local copy is not the one at fault. */
  g_autofree char *remote_name = _quorum_sync_url_for (self, relpath);
  gboolean is_decision = g_str_has_prefix (relpath, "decisions/");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(Staged) staged = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sha = NULL;
  const char *data;
  gsize size;

  data = g_bytes_get_data (response->body, &size);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
  if (remote->sha256 != NULL && !g_str_equal (sha, remote->sha256))
    {
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_REFUSED, size,
                             _("the file does not match the checksum in index.json (changed "
                               "while syncing, or damaged on the way); the local copy was "
                               "kept"));
      return TRUE;
    }
  if (g_strcmp0 (sha, local_sha) == 0)
    {
      _quorum_sync_state_set (self, relpath, response->etag, sha);
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_UNCHANGED, size, NULL);
      return TRUE;
    }
  if (is_decision && local_sha != NULL)
    {
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_CONFLICT, size,
                             _("the remote holds a different decision of the same name; "
                               "decisions are never replaced, so neither was changed"));
      return TRUE;
    }

  problems = g_ptr_array_new_with_free_func (g_object_unref);
  if (!quorum_store_validate_data (relpath, remote_name, data, size, problems))
    {
      g_autofree char *first = problems->len > 0
                                 ? quorum_problem_to_string (g_ptr_array_index (problems, 0))
                                 : g_strdup (_("not a valid store file"));
      g_autofree char *message = g_strdup_printf (_("the remote file is invalid, so the local "
                                                    "copy was kept: %s"), first);

      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_REFUSED, size, message);
      return TRUE;
    }

  staged = g_new0 (Staged, 1);
  staged->relpath = g_strdup (relpath);
  staged->etag = g_strdup (response->etag);
  staged->sha256 = g_steal_pointer (&sha);
  staged->is_decision = is_decision;
  staged->bytes = size;
  if (!stage (self, staged, response->body, &local_error))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_LOCAL, "%s",
                   local_error->message);
      return FALSE;
    }
  g_ptr_array_add (staged_files, g_steal_pointer (&staged));
  return TRUE;
}

/* GET one file; with If-None-Match: @known_etag when @conditional. */
static gboolean
fetch_file (QuorumSync    *self,
            const char    *relpath,
            RemoteFile    *remote,
            const char    *local_sha,
            const char    *known_etag,
            gboolean       conditional,
            GPtrArray     *staged_files,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *url = _quorum_sync_url_for (self, relpath);
  g_auto(Response) response = { 0 };
  g_autoptr(GError) local_error = NULL;

  gboolean sent;

  if (conditional)
    g_hash_table_insert (headers, (char *) "If-None-Match", (char *) known_etag);
  self->expected_size = remote->size;
  sent = _quorum_sync_send (self, "GET", url, headers, NULL, NULL, TRUE, &response, cancellable,
                            &local_error);
  self->expected_size = -1;
  if (!sent)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (local_error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_DEADLINE) ||
          g_error_matches (local_error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CERTIFICATE) ||
          g_error_matches (local_error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_OFFLINE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_FAILED, 0, local_error->message);
      return TRUE;
    }
  if (!_quorum_sync_check_status (self, &response, relpath, error))
    return FALSE;
  if (response.status == 304)
    {
      _quorum_sync_state_set (self, relpath,
                              response.etag != NULL ? response.etag : known_etag, local_sha);
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_UNCHANGED, 0, NULL);
      return TRUE;
    }
  if (response.status == 404)
    {
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_FAILED, 0,
                             _("listed by the server but not found when fetched (HTTP 404)"));
      return TRUE;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (response.status))
    {
      g_autofree char *message = g_strdup_printf (_("the server answered %u %s"),
                                                  response.status,
                                                  _quorum_sync_status_phrase (response.status));

      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_FAILED, 0, message);
      return TRUE;
    }
  if (response.too_large)
    {
      g_autofree char *message =
        g_strdup_printf (_("over the size limit of %lu bytes; the local "
                           "copy was kept"), (gulong) self->max_file_size);

      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_REFUSED, 0, message);
      return TRUE;
    }
  return accept_body (self, relpath, remote, local_sha, &response, staged_files, error);
}

/* Does what quorum_sync_decide_fate() says with one listed file; adds it
 * to @staged_files when it must be written locally. A fatal error
 * (credentials, redirect, transport) stops the sync; a bad file is an
 * item and the sync goes on. */
gboolean
_quorum_sync_pull_file (QuorumSync    *self,
                        const char    *relpath,
                        RemoteFile    *remote,
                        GPtrArray     *staged_files,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *local_sha = _quorum_sync_sha256_of_file (self, relpath);
  QuorumSyncFacts facts = {
    .local_present = local_sha != NULL,
    .local_sha256 = local_sha,
    .synced = json_object_has_member (self->state, relpath),
    .synced_etag = _quorum_sync_state_get (self, relpath, "etag"),
    .synced_sha256 = _quorum_sync_state_get (self, relpath, "sha256"),
    .listed = TRUE,
    .remote_etag = remote->etag,
    .remote_sha256 = remote->sha256,
    .remote_size = remote->size,
    .is_decision = g_str_has_prefix (relpath, "decisions/"),
    .dry_run = self->dry_run,
  };
  QuorumSyncFate fate;

  facts.in_outbox = facts.is_decision && local_sha != NULL && in_outbox (self, relpath);
  fate = quorum_sync_decide_fate (&facts);
  switch (fate)
    {
    case QUORUM_SYNC_FATE_PUSH:
    case QUORUM_SYNC_FATE_LOCAL_ONLY:
    case QUORUM_SYNC_FATE_REMOVED_REMOTELY:
      return TRUE;
    case QUORUM_SYNC_FATE_KEEP:
      if (!self->dry_run)
        _quorum_sync_state_set (self, relpath,
                                remote->etag != NULL ? remote->etag : facts.synced_etag,
                                local_sha);
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_UNCHANGED, 0, NULL);
      return TRUE;
    case QUORUM_SYNC_FATE_WOULD_FETCH:
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_WOULD_FETCH, 0, NULL);
      return TRUE;
    case QUORUM_SYNC_FATE_CONFLICT:
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_CONFLICT, 0, NULL);
      return TRUE;
    case QUORUM_SYNC_FATE_REVALIDATE:
    case QUORUM_SYNC_FATE_FETCH:
    default:
      return fetch_file (self, relpath, remote, local_sha, facts.synced_etag,
                         fate == QUORUM_SYNC_FATE_REVALIDATE, staged_files, cancellable, error);
    }
}

/* Moves one staged file into place, through descriptors of its folder
 * and of its staging folder: no symbolic link below the store is
 * followed. A decision is created only (link), as those made here. */
static gboolean
apply_one (QuorumSync    *self,
           QuorumBackup  *backup,
           Staged        *staged,
           GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (staged->relpath);
  g_autofree char *base = g_path_get_basename (staged->relpath);
  g_autofree char *staging = g_strconcat (STAGING_RELPATH "/", folder, NULL);
  g_autofree char *target = g_build_filename (self->store_path, staged->relpath, NULL);
  int root_fd, dir_fd = -1, staging_fd = -1;
  gboolean ok = FALSE;

  if ((root_fd = _quorum_dir_open (self->store_path, error)) < 0)
    return FALSE;
  if ((dir_fd = _quorum_dir_open_at (root_fd, self->store_path, folder, TRUE, error)) < 0 ||
      (staging_fd = _quorum_dir_open_at (root_fd, self->store_path, staging, FALSE,
                                         error)) < 0)
    goto out;
  if (staged->is_decision)
    {
      if (linkat (staging_fd, base, dir_fd, base, 0) != 0 && errno != EEXIST)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, "%s: %s", target,
                       g_strerror (errno));
          goto out;
        }
    }
  else
    {
      if (!quorum_backup_keep (backup, staged->relpath, error))
        goto out;
      if (renameat (staging_fd, base, dir_fd, base) != 0)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, "%s: %s", target,
                       g_strerror (errno));
          goto out;
        }
      g_clear_pointer (&staged->staged, g_free);
    }
  if (fsync (dir_fd) != 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, "%s: %s", target, g_strerror (errno));
      goto out;
    }
  ok = TRUE;
out:
  close (root_fd);
  if (dir_fd >= 0)
    close (dir_fd);
  if (staging_fd >= 0)
    close (staging_fd);
  return ok;
}

/* Writes the staged files into the store, under the lock, with backups. */
gboolean
_quorum_sync_apply (QuorumSync    *self,
                   GPtrArray     *staged_files,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_autoptr(QuorumBackup) backup = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = NULL;

  if (staged_files->len == 0)
    return TRUE;

  lock = quorum_store_lock_acquire (self->store_path, LOCK_WAIT_MS, cancellable, &local_error);
  if (lock == NULL)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_LOCAL, "%s",
                   local_error->message);
      return FALSE;
    }
  reason = g_strdup_printf (_("sync with %s"), self->remote_url);
  backup = quorum_backup_begin (self->store_path, reason, &local_error);
  if (backup == NULL)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_LOCAL, "%s",
                   local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < staged_files->len; i++)
    {
      Staged *staged = g_ptr_array_index (staged_files, i);

      /* Past this point a cancel would leave the sync half-applied for no
       * gain: every file is already here and valid; finish. */
      if (!apply_one (self, backup, staged, &local_error))
        break;
      _quorum_sync_state_set (self, staged->relpath, staged->etag, staged->sha256);
      _quorum_sync_add_item (self, staged->relpath, QUORUM_SYNC_FETCHED, staged->bytes, NULL);
    }

  if (!quorum_backup_finish (backup, self->backups_kept, local_error ? NULL : &local_error) ||
      local_error != NULL)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_LOCAL,
                   _("The store could not be written: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}
