/* quorum-store-layout.h: where a store keeps its private files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* STORE/.quorum/: the store's own files, never synced or published. */
#define QUORUM_STORE_PRIVATE_DIR ".quorum"

char     *quorum_store_layout_private_dir (const char *store_path);
char     *quorum_store_layout_lock        (const char *store_path);
char     *quorum_store_layout_sync_state  (const char *store_path);
char     *quorum_store_layout_backups     (const char *store_path);
char     *quorum_store_layout_staging     (const char *store_path,
                                           const char *relpath);
char     *quorum_store_layout_outbox      (const char *store_path,
                                           const char *package_id,
                                           const char *decision_id);
char     *quorum_store_layout_notes       (const char *store_path);
gboolean  quorum_store_layout_is_private  (const char *path);

G_END_DECLS
