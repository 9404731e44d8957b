/* quorum-store-monitor.h: watches a store's folders and reloads what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Changes on disk are reloaded this long after the last of a burst. */
#define QUORUM_STORE_MONITOR_DELAY_MS 500

typedef struct _QuorumStore QuorumStore;

#define QUORUM_TYPE_STORE_MONITOR (quorum_store_monitor_get_type ())

G_DECLARE_FINAL_TYPE (QuorumStoreMonitor, quorum_store_monitor, QUORUM, STORE_MONITOR, GObject)

QuorumStoreMonitor *quorum_store_monitor_new (QuorumStore *store);

G_END_DECLS
