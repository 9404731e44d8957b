/* quorum-table-view.h: one budget table: its rows, a search, a variance and details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_TABLE_VIEW (quorum_table_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumTableView, quorum_table_view, QUORUM, TABLE_VIEW, AdwBin)

void                  quorum_table_view_set_table            (QuorumTableView      *self,
                                                              QuorumStore          *store,
                                                              QuorumBudgetDocument *document,
                                                              QuorumTable          *table);
QuorumTable          *quorum_table_view_get_table            (QuorumTableView      *self);
QuorumBudgetDocument *quorum_table_view_get_document         (QuorumTableView      *self);
gboolean              quorum_table_view_show_cell            (QuorumTableView      *self,
                                                              const char           *row_id,
                                                              const char           *column_id);
gboolean              quorum_table_view_focus_rows           (QuorumTableView      *self);
GListModel           *quorum_table_view_get_rows             (QuorumTableView      *self);
GListModel           *quorum_table_view_get_variance_rows    (QuorumTableView      *self);
QuorumRow            *quorum_table_view_get_selected_row     (QuorumTableView      *self);
gboolean              quorum_table_view_get_cell_range       (QuorumTableView      *self,
                                                              guint                *first,
                                                              guint                *last);
void                  quorum_table_view_expand_all           (QuorumTableView      *self);
void                  quorum_table_view_collapse_all         (QuorumTableView      *self);
gboolean              quorum_table_view_set_row_expanded     (QuorumTableView      *self,
                                                              const char           *row_id,
                                                              gboolean              expanded);
const char           *quorum_table_view_get_sort             (QuorumTableView      *self,
                                                              gboolean             *descending);
void                  quorum_table_view_set_search_text      (QuorumTableView      *self,
                                                              const char           *text);
guint                 quorum_table_view_get_n_matches        (QuorumTableView      *self);
gboolean              quorum_table_view_get_variance         (QuorumTableView      *self);
void                  quorum_table_view_set_variance         (QuorumTableView      *self,
                                                              gboolean              variance);
gboolean              quorum_table_view_set_variance_columns (QuorumTableView      *self,
                                                              const char           *from_id,
                                                              const char           *to_id);

G_END_DECLS
