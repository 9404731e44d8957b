/* quorum-store-lock.h: one writer at a time on a store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_STORE_LOCK (quorum_store_lock_get_type ())

G_DECLARE_FINAL_TYPE (QuorumStoreLock, quorum_store_lock, QUORUM, STORE_LOCK, GObject)

QuorumStoreLock *quorum_store_lock_acquire        (const char       *store_path,
                                                   guint             wait_ms,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
gboolean         quorum_store_lock_get_was_stale  (QuorumStoreLock  *self);
char            *quorum_store_lock_dup_holder     (const char       *store_path);

G_END_DECLS
