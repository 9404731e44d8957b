/* quorum-sync-item.c: what a sync did with one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-item.h"
#include <glib/gi18n-lib.h>

struct _QuorumSyncItem
{
  GObject parent_instance;

  char *path;
  QuorumSyncAction action;
  guint64 bytes;
  char *message;
};

G_DEFINE_FINAL_TYPE (QuorumSyncItem, quorum_sync_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_ACTION,
  PROP_BYTES,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_sync_item_finalize (GObject *object)
{
  QuorumSyncItem *self = (QuorumSyncItem *) object;

  g_free (self->path);
  g_free (self->message);

  G_OBJECT_CLASS (quorum_sync_item_parent_class)->finalize (object);
}

static void
quorum_sync_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QuorumSyncItem *self = QUORUM_SYNC_ITEM (object);

  switch (prop_id)
    {
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_ACTION: g_value_set_int (value, self->action); break;
    case PROP_BYTES: g_value_set_uint64 (value, self->bytes); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_sync_item_class_init (QuorumSyncItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_sync_item_finalize;
  object_class->get_property = quorum_sync_item_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_ACTION] =
    g_param_spec_int ("action", NULL, NULL, QUORUM_SYNC_FETCHED, QUORUM_SYNC_TO_REVIEW,
                      QUORUM_SYNC_UNCHANGED, flags);
  properties[PROP_BYTES] = g_param_spec_uint64 ("bytes", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_sync_item_init (QuorumSyncItem *self)
{
}

/**
 * quorum_sync_item_new:
 * @path: the file's path in the store, with `/` separators
 * @bytes: bytes transferred for it
 * @message: (nullable): what went wrong, for failures
 *
 * Returns: (transfer full): a new item
 */
QuorumSyncItem *
quorum_sync_item_new (const char       *path,
                      QuorumSyncAction  action,
                      guint64           bytes,
                      const char       *message)
{
  QuorumSyncItem *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (QUORUM_TYPE_SYNC_ITEM, NULL);
  self->path = g_strdup (path);
  self->action = action;
  self->bytes = bytes;
  self->message = g_strdup (message);
  return self;
}

const char *
quorum_sync_item_get_path (QuorumSyncItem *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_ITEM (self), NULL);
  return self->path;
}

QuorumSyncAction
quorum_sync_item_get_action (QuorumSyncItem *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_ITEM (self), QUORUM_SYNC_FAILED);
  return self->action;
}

guint64
quorum_sync_item_get_bytes (QuorumSyncItem *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_ITEM (self), 0);
  return self->bytes;
}

const char *
quorum_sync_item_get_message (QuorumSyncItem *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_ITEM (self), NULL);
  return self->message;
}

/**
 * quorum_sync_action_to_string:
 *
 * Returns: the action as quorum-cli prints it: `fetched`, `unchanged`,
 *   `sent`, `already-sent`, `refused`, `conflict`, `removed-remotely`,
 *   `failed`, `would-fetch`, `would-send` or `to-review`
 */
const char *
quorum_sync_action_to_string (QuorumSyncAction action)
{
  static const char * const names[] = {
    "fetched", "unchanged", "sent", "already-sent", "refused", "conflict",
    "removed-remotely", "failed", "would-fetch", "would-send", "to-review",
  };

  g_return_val_if_fail (action < QUORUM_SYNC_N_ACTIONS, NULL);
  return names[action];
}

/**
 * quorum_sync_action_is_failure:
 *
 * Returns: %TRUE for the actions that leave something not synced
 */
gboolean
quorum_sync_action_is_failure (QuorumSyncAction action)
{
  return action == QUORUM_SYNC_REFUSED || action == QUORUM_SYNC_CONFLICT ||
         action == QUORUM_SYNC_FAILED;
}
