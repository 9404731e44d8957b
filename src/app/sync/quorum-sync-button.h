/* quorum-sync-button.h: the header bar's sync button and its popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-sync-controller.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_SYNC_BUTTON (quorum_sync_button_get_type ())

G_DECLARE_FINAL_TYPE (QuorumSyncButton, quorum_sync_button, QUORUM, SYNC_BUTTON, AdwBin)

GtkWidget            *quorum_sync_button_new            (QuorumSyncController *controller);
QuorumSyncController *quorum_sync_button_get_controller (QuorumSyncButton     *self);
void                  quorum_sync_button_set_controller (QuorumSyncButton     *self,
                                                         QuorumSyncController *controller);
void                  quorum_sync_button_popup          (QuorumSyncButton     *self);

G_END_DECLS
