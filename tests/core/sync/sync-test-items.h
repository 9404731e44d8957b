/* sync-test-items.h: what a sync's items say, for the sync tests
 *
 * Header-only: each test includes it after quorum-core.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-core.h"

/* How many of @sync's items have @action. */
static inline guint
count_action (QuorumSync       *sync,
              QuorumSyncAction  action)
{
  GListModel *items = quorum_sync_get_items (sync);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);

      n += quorum_sync_item_get_action (item) == action;
    }
  return n;
}

/* The message of @sync's first item for @path, or NULL. */
static inline const char *
item_message (QuorumSync *sync,
              const char *path)
{
  GListModel *items = quorum_sync_get_items (sync);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (quorum_sync_item_get_path (item), path))
        return quorum_sync_item_get_message (item);
    }
  return NULL;
}
