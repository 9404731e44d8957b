/* quorum-sync-push.c: send the decisions waiting in STORE/.quorum/outbox/, create
 * only (PUT with If-None-Match: *)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-private.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <string.h>

#include "quorum-file-util.h"
#include "quorum-load-context.h"
#include "quorum-store.h"
#include "quorum-store-layout.h"
#include "quorum-store-lock.h"

static gboolean
make_folders (QuorumSync    *self,
              const char    *package_id,
              GCancellable  *cancellable,
              GError       **error)
{
  const char *folders[] = { "decisions/", NULL, NULL };
  g_autofree char *sub = g_strconcat ("decisions/", package_id, "/", NULL);

  folders[1] = sub;
  /* decisions/ itself is not made again when the listing showed it. */
  for (guint i = self->remote_has_decisions ? 1 : 0; folders[i] != NULL; i++)
    {
      g_autofree char *url = g_strconcat (self->remote_url, folders[i], NULL);
      g_auto(Response) response = { 0 };

      if (!_quorum_sync_send (self, "MKCOL", url, NULL, NULL, NULL, FALSE, &response,
                              cancellable, error) ||
          !_quorum_sync_check_status (self, &response, folders[i], error))
        return FALSE;
      if (i == 0)
        self->remote_has_decisions = TRUE;
    }
  return TRUE;
}

gboolean
_quorum_sync_push_decision (QuorumSync    *self,
                            const char    *package_id,
                            const char    *decision_id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *relpath = g_strdup_printf ("decisions/%s/%s.json", package_id, decision_id);
  g_autofree char *marker_file = quorum_store_layout_outbox (self->store_path, package_id,
                                                             decision_id);
  g_autofree char *url = NULL;
  g_autofree char *data = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!_quorum_store_file_read (self->store_path, relpath, QUORUM_MAX_FILE_BYTES, &data, &length,
                                NULL))
    return TRUE;   /* a marker whose write was cut short: nothing to send */
  if (self->dry_run)
    {
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_WOULD_SEND, length, NULL);
      return TRUE;
    }

  url = _quorum_sync_url_for (self, relpath);
  body = g_bytes_new_take (g_steal_pointer (&data), length);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  g_hash_table_insert (headers, (char *) "If-None-Match", (char *) "*");

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_auto(Response) response = { 0 };

      if (!_quorum_sync_send (self, "PUT", url, headers, body, "application/json", FALSE,
                              &response, cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
              local_error->domain == QUORUM_SYNC_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          _quorum_sync_add_item (self, relpath, QUORUM_SYNC_FAILED, 0, local_error->message);
          return TRUE;
        }
      if (!_quorum_sync_check_status (self, &response, relpath, error))
        return FALSE;

      if (SOUP_STATUS_IS_SUCCESSFUL (response.status))
        {
          g_autoptr(QuorumStoreLock) lock = NULL;

          lock = quorum_store_lock_acquire (self->store_path, LOCK_WAIT_MS, cancellable, NULL);
          g_unlink (marker_file);
          _quorum_sync_state_set (self, relpath, response.etag, sha);
          _quorum_sync_add_item (self, relpath, QUORUM_SYNC_SENT, length, NULL);
          return TRUE;
        }
      if (response.status == 409 && attempt == 0)
        {
          /* The folder for this package does not exist on the remote yet. */
          if (!make_folders (self, package_id, cancellable, error))
            return FALSE;
          continue;
        }
      if (response.status == 412)
        {
          g_auto(Response) existing = { 0 };
          g_autofree char *remote_sha = NULL;

          if (!_quorum_sync_send (self, "GET", url, NULL, NULL, NULL, TRUE, &existing,
                                  cancellable, error) ||
              !_quorum_sync_check_status (self, &existing, relpath, error))
            return FALSE;
          if (existing.body != NULL)
            remote_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, existing.body);
          if (g_strcmp0 (remote_sha, sha) == 0)
            {
              g_unlink (marker_file);
              _quorum_sync_state_set (self, relpath, existing.etag, sha);
              _quorum_sync_add_item (self, relpath, QUORUM_SYNC_ALREADY_SENT, 0, NULL);
            }
          else
            _quorum_sync_add_item (self, relpath, QUORUM_SYNC_CONFLICT, 0,
                                   _("the remote already holds a different decision of "
                                     "this name; yours was kept and not sent"));
          return TRUE;
        }
      if (response.status == 405 || response.status == 501 || response.status == 403)
        {
          _quorum_sync_add_item (self, relpath, QUORUM_SYNC_FAILED, 0,
                                 _("the remote does not accept decisions (it is "
                                   "read-only, e.g. a static host); it stays awaiting "
                                   "sync"));
          return TRUE;
        }
      {
        g_autofree char *message = g_strdup_printf (_("the server answered %u %s"),
                                                    response.status,
                                                    _quorum_sync_status_phrase (response.status));

        _quorum_sync_add_item (self, relpath, QUORUM_SYNC_FAILED, 0, message);
        return TRUE;
      }
    }
  return TRUE;
}

GPtrArray *
_quorum_sync_list_outbox (QuorumSync *self)
{
  g_autofree char *outbox = quorum_store_layout_outbox (self->store_path, NULL, NULL);
  g_autoptr(GDir) dir = g_dir_open (outbox, 0, NULL);
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  const char *package;

  while (dir != NULL && (package = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *sub = g_build_filename (outbox, package, NULL);
      g_autoptr(GDir) inner = NULL;
      const char *name;

      if (!quorum_id_is_valid (package) || (inner = g_dir_open (sub, 0, NULL)) == NULL)
        continue;
      while ((name = g_dir_read_name (inner)) != NULL)
        {
          g_autofree char *id = g_str_has_suffix (name, ".json")
                                  ? g_strndup (name, strlen (name) - 5) : NULL;

          if (id != NULL && quorum_id_is_valid (id))
            g_ptr_array_add (pairs, g_strconcat (package, "/", id, NULL));
        }
    }
  g_ptr_array_sort (pairs, (GCompareFunc) g_strcmp0);
  return pairs;
}

/* What a decision file decided, and who: "approve (by A Member)". */
static char *
describe_decision (QuorumSync *self,
                   const char *relpath,
                   char      **out_value)
{
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  gsize length;

  if (!_quorum_store_file_read (self->store_path, relpath, QUORUM_MAX_FILE_BYTES, &data, &length,
                                NULL) ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  *out_value = g_strdup (json_object_get_string_member_with_default (root, "decision", "?"));
  /* Translators: a decision and who made it: "approve by Adam Carden". */
  return g_strdup_printf (_("%s by %s"), *out_value,
                          json_object_get_string_member_with_default (root, "by", "?"));
}

/* Decisions this sync brought together (fetched or sent) that decide the
 * same work package differently: the store goes by the latest file name,
 * silently; this says so, once per package, for someone to review. */
void
_quorum_sync_review_decisions (QuorumSync *self)
{
  g_autoptr(GHashTable) packages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GList) keys = NULL;
  guint n_items = self->pending_items->len;

  for (guint i = 0; i < n_items; i++)
    {
      QuorumSyncItem *item = g_ptr_array_index (self->pending_items, i);
      QuorumSyncAction action = quorum_sync_item_get_action (item);
      const char *relpath = quorum_sync_item_get_path (item);
      g_auto(GStrv) parts = g_strsplit (relpath, "/", 3);
      GPtrArray *list;

      if ((action != QUORUM_SYNC_FETCHED && action != QUORUM_SYNC_SENT) ||
          g_strv_length (parts) != 3 || !g_str_equal (parts[0], "decisions"))
        continue;
      list = g_hash_table_lookup (packages, parts[1]);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (packages, g_strdup (parts[1]), list);
        }
      g_ptr_array_add (list, g_strdup (relpath));
    }

  keys = g_list_sort (g_hash_table_get_keys (packages), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      GPtrArray *list = g_hash_table_lookup (packages, l->data);
      g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *first = NULL;
      gboolean differ = FALSE;

      for (guint i = 0; list->len > 1 && i < list->len; i++)
        {
          g_autofree char *value = NULL;
          char *text = describe_decision (self, g_ptr_array_index (list, i), &value);

          if (text == NULL)
            continue;
          g_ptr_array_add (said, text);
          if (first == NULL)
            first = g_steal_pointer (&value);
          else if (!g_str_equal (first, value))
            differ = TRUE;
        }
      if (differ)
        {
          g_autofree char *relfolder = g_strconcat ("decisions/", (char *) l->data, "/", NULL);
          g_autofree char *joined = NULL;
          g_autofree char *message = NULL;

          g_ptr_array_add (said, NULL);
          joined = g_strjoinv ("; ", (char **) said->pdata);
          message = g_strdup_printf (_("decided differently in this sync (%s); the latest "
                                       "file counts: review it"), joined);
          _quorum_sync_add_item (self, relfolder, QUORUM_SYNC_TO_REVIEW, 0, message);
        }
    }
}
