/* quorum-sync-notifier.h: desktop notifications for syncs in the background
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-sync-controller.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_SYNC_NOTIFIER (quorum_sync_notifier_get_type ())

G_DECLARE_FINAL_TYPE (QuorumSyncNotifier, quorum_sync_notifier, QUORUM, SYNC_NOTIFIER, GObject)

QuorumSyncNotifier *quorum_sync_notifier_new (GApplication         *application,
                                              QuorumSyncController *controller);

G_END_DECLS
