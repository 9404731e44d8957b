/* quorum-sync-state.c: STORE/.quorum/sync-state.json, what the last sync saw of each
 * file: its ETag and SHA-256, for the remote it was synced with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-private.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "quorum-file-util.h"
#include "quorum-json.h"
#include "quorum-store-layout.h"

static char *
state_path (const char *store_path)
{
  return quorum_store_layout_sync_state (store_path);
}

JsonObject *
_quorum_sync_state_load (QuorumSync *self)
{
  g_autofree char *path = state_path (self->store_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  if (!json_parser_load_from_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return json_object_new ();
  root = json_node_get_object (json_parser_get_root (parser));
  /* ETags of another remote mean nothing here. */
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "remote", ""),
                 self->remote_url) != 0 ||
      !json_object_has_member (root, "files") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "files")))
    return json_object_new ();
  return json_object_ref (json_object_get_object_member (root, "files"));
}

const char *
_quorum_sync_state_get (QuorumSync *self,
                        const char *relpath,
                        const char *member)
{
  JsonNode *node = json_object_get_member (self->state, relpath);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_string_member_with_default (json_node_get_object (node), member,
                                                     NULL);
}

void
_quorum_sync_state_set (QuorumSync *self,
                        const char *relpath,
                        const char *etag,
                        const char *sha256)
{
  JsonObject *entry = json_object_new ();

  if (etag != NULL)
    json_object_set_string_member (entry, "etag", etag);
  if (sha256 != NULL)
    json_object_set_string_member (entry, "sha256", sha256);
  json_object_set_object_member (self->state, relpath, entry);
}

gboolean
_quorum_sync_state_save (QuorumSync  *self,
                         gboolean     complete,
                         GError     **error)
{
  g_autofree char *previous = quorum_sync_dup_last_sync (self->store_path);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *path = state_path (self->store_path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;

  json_object_set_string_member (object, "format", "quorum.sync-state/1");
  json_object_set_string_member (object, "remote", self->remote_url);
  /* The last complete sync: a sync with failures keeps the previous one. */
  if (complete)
    json_object_set_string_member (object, "last_sync", stamp);
  else if (previous != NULL)
    json_object_set_string_member (object, "last_sync", previous);
  json_object_set_object_member (object, "files", json_object_ref (self->state));
  json_node_take_object (root, object);
  text = quorum_json_node_to_string (root);
  data = g_strconcat (text, "\n", NULL);
  return _quorum_folder_make (folder, error) &&
         _quorum_file_replace (path, data, strlen (data), error);
}

/**
 * quorum_sync_dup_last_sync:
 *
 * Returns: (transfer full) (nullable): when the store last synced
 *   completely (RFC 3339, UTC), or %NULL if never
 */
char *
quorum_sync_dup_last_sync (const char *store_path)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_return_val_if_fail (store_path != NULL, NULL);

  path = state_path (store_path);
  if (!json_parser_load_from_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member_with_default (root, "last_sync", NULL));
}

char *
_quorum_sync_sha256_of_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}
