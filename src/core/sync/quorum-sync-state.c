/* quorum-sync-state.c: STORE/.quorum/sync-state.json, what the last sync saw of each
 * file: its ETag and SHA-256, for the remote it was synced with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-private.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "quorum-file-util.h"
#include "quorum-load-context.h"
#include "quorum-json.h"
#include "quorum-store-layout.h"

/* quorum_store_layout_sync_state (), relative to the store. */
#define STATE_RELPATH QUORUM_STORE_PRIVATE_DIR "/sync-state.json"

/* The record's root object, or NULL; read within the size limit, never
 * through a symbolic link below the store. */
static JsonObject *
load_root (const char *store_path)
{
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;

  if (!_quorum_store_file_read (store_path, STATE_RELPATH, QUORUM_MAX_FILE_BYTES, &data, &length,
                                NULL) ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
object_member_or_new (JsonObject *object,
                      const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return json_object_new ();
  return json_object_ref (json_node_get_object (node));
}

/* Loads the record into self->state and self->listed_before; ETags of
 * another remote mean nothing here. */
void
_quorum_sync_state_load (QuorumSync *self)
{
  g_autoptr(JsonObject) root = load_root (self->store_path);

  if (root != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (root, "remote", ""),
                 self->remote_url) != 0)
    g_clear_pointer (&root, json_object_unref);
  self->state = object_member_or_new (root, "files");
  self->listed_before = object_member_or_new (root, "listing");
  self->listed_now = json_object_new ();
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
  json_object_set_object_member (object, "listing", json_object_ref (self->listed_now));
  json_node_take_object (root, object);
  text = quorum_json_node_to_string (root);
  data = g_strconcat (text, "\n", NULL);
  return _quorum_store_file_replace (self->store_path, STATE_RELPATH, data, strlen (data),
                                     error);
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
  g_autoptr(JsonObject) root = NULL;

  g_return_val_if_fail (store_path != NULL, NULL);

  root = load_root (store_path);
  if (root == NULL)
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (root, "last_sync", NULL));
}

/* The SHA-256 of a store file, read within the size limit and never through
 * a symbolic link; NULL if it cannot be read (missing, too large, not a
 * regular file). */
char *
_quorum_sync_sha256_of_file (QuorumSync *self,
                             const char *relpath)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!_quorum_store_file_read (self->store_path, relpath, QUORUM_MAX_FILE_BYTES, &data, &length,
                                NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}
