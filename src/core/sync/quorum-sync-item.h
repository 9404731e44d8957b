/* quorum-sync-item.h: what a sync did with one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * QuorumSyncAction:
 * @QUORUM_SYNC_FETCHED: downloaded, validated and written locally
 * @QUORUM_SYNC_UNCHANGED: the same on both sides; no body downloaded
 * @QUORUM_SYNC_SENT: a local decision sent to the remote
 * @QUORUM_SYNC_ALREADY_SENT: the remote already had this very decision
 * @QUORUM_SYNC_REFUSED: the remote file is invalid (or too large); the
 *   local copy was kept
 * @QUORUM_SYNC_CONFLICT: both sides have a different file of that name;
 *   neither was changed
 * @QUORUM_SYNC_REMOVED_REMOTELY: gone from the remote; kept locally
 * @QUORUM_SYNC_FAILED: the transfer failed; nothing changed
 * @QUORUM_SYNC_WOULD_FETCH: (dry run) would be downloaded
 * @QUORUM_SYNC_WOULD_SEND: (dry run) would be sent
 * @QUORUM_SYNC_TO_REVIEW: a work package that members decided differently
 *   in decisions this sync brought together (fetched or sent); the store
 *   goes by the latest file name, so someone should look
 */
typedef enum
{
  QUORUM_SYNC_FETCHED,
  QUORUM_SYNC_UNCHANGED,
  QUORUM_SYNC_SENT,
  QUORUM_SYNC_ALREADY_SENT,
  QUORUM_SYNC_REFUSED,
  QUORUM_SYNC_CONFLICT,
  QUORUM_SYNC_REMOVED_REMOTELY,
  QUORUM_SYNC_FAILED,
  QUORUM_SYNC_WOULD_FETCH,
  QUORUM_SYNC_WOULD_SEND,
  QUORUM_SYNC_TO_REVIEW,
} QuorumSyncAction;

#define QUORUM_SYNC_N_ACTIONS (QUORUM_SYNC_TO_REVIEW + 1)

#define QUORUM_TYPE_SYNC_ITEM (quorum_sync_item_get_type ())

G_DECLARE_FINAL_TYPE (QuorumSyncItem, quorum_sync_item, QUORUM, SYNC_ITEM, GObject)

QuorumSyncItem   *quorum_sync_item_new          (const char       *path,
                                                 QuorumSyncAction  action,
                                                 guint64           bytes,
                                                 const char       *message);
const char       *quorum_sync_item_get_path     (QuorumSyncItem   *self);
QuorumSyncAction  quorum_sync_item_get_action   (QuorumSyncItem   *self);
guint64           quorum_sync_item_get_bytes    (QuorumSyncItem   *self);
const char       *quorum_sync_item_get_message  (QuorumSyncItem   *self);
const char       *quorum_sync_action_to_string  (QuorumSyncAction  action);
gboolean          quorum_sync_action_is_failure (QuorumSyncAction  action);

G_END_DECLS
