/* quorum-sync-controller.h: when and how the app syncs its store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-core.h"

G_BEGIN_DECLS

/**
 * QuorumSyncState:
 * @QUORUM_SYNC_STATE_IDLE: configured; no sync has run since the store was
 *   set (or the last one was cancelled)
 * @QUORUM_SYNC_STATE_SYNCING: a sync is running
 * @QUORUM_SYNC_STATE_SUCCEEDED: the last sync synced everything
 * @QUORUM_SYNC_STATE_FAILED: the last sync failed, or some files could
 *   not be synced (see the error and the items)
 * @QUORUM_SYNC_STATE_NOT_CONFIGURED: no remote address is set
 */
typedef enum
{
  QUORUM_SYNC_STATE_IDLE,
  QUORUM_SYNC_STATE_SYNCING,
  QUORUM_SYNC_STATE_SUCCEEDED,
  QUORUM_SYNC_STATE_FAILED,
  QUORUM_SYNC_STATE_NOT_CONFIGURED,
} QuorumSyncState;

#define QUORUM_TYPE_SYNC_STATE (quorum_sync_state_get_type ())
GType quorum_sync_state_get_type (void);

#define QUORUM_TYPE_SYNC_CONTROLLER (quorum_sync_controller_get_type ())

G_DECLARE_FINAL_TYPE (QuorumSyncController, quorum_sync_controller, QUORUM, SYNC_CONTROLLER,
                      GObject)

QuorumSyncController *quorum_sync_controller_new            (GSettings            *settings,
                                                             QuorumStore          *store);
GSettings            *quorum_sync_controller_get_settings   (QuorumSyncController *self);
QuorumStore          *quorum_sync_controller_get_store      (QuorumSyncController *self);
void                  quorum_sync_controller_set_store      (QuorumSyncController *self,
                                                             QuorumStore          *store);
QuorumSyncState       quorum_sync_controller_get_state      (QuorumSyncController *self);
double                quorum_sync_controller_get_progress   (QuorumSyncController *self);
guint                 quorum_sync_controller_get_files_done (QuorumSyncController *self);
guint                 quorum_sync_controller_get_files_total (QuorumSyncController *self);
guint64               quorum_sync_controller_get_bytes      (QuorumSyncController *self);
const char           *quorum_sync_controller_get_status_text (QuorumSyncController *self);
const char           *quorum_sync_controller_get_last_sync  (QuorumSyncController *self);
const GError         *quorum_sync_controller_get_error      (QuorumSyncController *self);
GListModel           *quorum_sync_controller_get_items      (QuorumSyncController *self);
guint                 quorum_sync_controller_get_n_awaiting (QuorumSyncController *self);
char                 *quorum_sync_controller_dup_remote_url (QuorumSyncController *self);
GActionGroup         *quorum_sync_controller_get_actions    (QuorumSyncController *self);
gboolean              quorum_sync_controller_get_background (QuorumSyncController *self);

void                  quorum_sync_controller_sync           (QuorumSyncController *self);
void                  quorum_sync_controller_cancel         (QuorumSyncController *self);

G_END_DECLS
