/* quorum-store-layout.c: where a store keeps its private files
 *
 * Everything under STORE/.quorum/ belongs to this copy of the store:
 *
 *   lock                  the write lock (QuorumStoreLock)
 *   sync-state.json       what the last sync saw of each file
 *   staging/RELPATH       files downloaded by a sync, not yet applied
 *   outbox/WP/ID.json     a decision made here, not yet sent
 *   backups/ID/           copies taken before a restore (QuorumBackup)
 *   notes/                private notes
 *
 * This file is the one place that spells those paths.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-store-layout.h"

#include <string.h>

char *
quorum_store_layout_private_dir (const char *store_path)
{
  g_return_val_if_fail (store_path != NULL, NULL);

  return g_build_filename (store_path, QUORUM_STORE_PRIVATE_DIR, NULL);
}

char *
quorum_store_layout_lock (const char *store_path)
{
  g_return_val_if_fail (store_path != NULL, NULL);

  return g_build_filename (store_path, QUORUM_STORE_PRIVATE_DIR, "lock", NULL);
}

char *
quorum_store_layout_sync_state (const char *store_path)
{
  g_return_val_if_fail (store_path != NULL, NULL);

  return g_build_filename (store_path, QUORUM_STORE_PRIVATE_DIR, "sync-state.json", NULL);
}

char *
quorum_store_layout_backups (const char *store_path)
{
  g_return_val_if_fail (store_path != NULL, NULL);

  return g_build_filename (store_path, QUORUM_STORE_PRIVATE_DIR, "backups", NULL);
}

/* STORE/.quorum/staging, or the staged copy of RELPATH when it is given. */
char *
quorum_store_layout_staging (const char *store_path,
                             const char *relpath)
{
  g_return_val_if_fail (store_path != NULL, NULL);

  return g_build_filename (store_path, QUORUM_STORE_PRIVATE_DIR, "staging", relpath, NULL);
}

/* STORE/.quorum/outbox, its folder for PACKAGE_ID, or the marker of
 * DECISION_ID in it: each argument may be NULL, and those after it are
 * then ignored. */
char *
quorum_store_layout_outbox (const char *store_path,
                            const char *package_id,
                            const char *decision_id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (store_path != NULL, NULL);

  if (package_id != NULL && decision_id != NULL)
    name = g_strconcat (decision_id, ".json", NULL);
  return g_build_filename (store_path, QUORUM_STORE_PRIVATE_DIR, "outbox", package_id,
                           package_id != NULL ? name : NULL, NULL);
}

char *
quorum_store_layout_notes (const char *store_path)
{
  g_return_val_if_fail (store_path != NULL, NULL);

  return g_build_filename (store_path, QUORUM_STORE_PRIVATE_DIR, "notes", NULL);
}

/* Whether PATH (absolute) lies in some store's private folder. */
gboolean
quorum_store_layout_is_private (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return strstr (path, G_DIR_SEPARATOR_S QUORUM_STORE_PRIVATE_DIR G_DIR_SEPARATOR_S) != NULL;
}
