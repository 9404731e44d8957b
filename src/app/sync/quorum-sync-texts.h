/* quorum-sync-texts.h: a sync's state in plain words, for the controller's
 * status and the sync button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char  *quorum_sync_text_synced_when   (const char   *last_sync);
guint  quorum_sync_count_failed_files (GListModel   *items);
char  *quorum_sync_text_failure       (const GError *error,
                                       GListModel   *items,
                                       guint         n_awaiting,
                                       gboolean      had_secret,
                                       gboolean      token,
                                       gboolean      bad_ca_file);
char  *quorum_sync_text_summary       (GListModel   *items,
                                       gboolean      succeeded);

G_END_DECLS
