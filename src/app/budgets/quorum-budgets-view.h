/* quorum-budgets-view.h: the store's budget documents, their tables, and a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"
#include "quorum-table-view.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_BUDGETS_VIEW (quorum_budgets_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumBudgetsView, quorum_budgets_view, QUORUM, BUDGETS_VIEW, AdwBin)

GtkWidget       *quorum_budgets_view_new            (void);
QuorumStore     *quorum_budgets_view_get_store      (QuorumBudgetsView *self);
void             quorum_budgets_view_set_store      (QuorumBudgetsView *self,
                                                     QuorumStore       *store);
void             quorum_budgets_view_show_documents (QuorumBudgetsView *self);
gboolean         quorum_budgets_view_show_document  (QuorumBudgetsView *self,
                                                     const char        *document_id);
void             quorum_budgets_view_show_table     (QuorumBudgetsView *self,
                                                     const char        *document_id,
                                                     const char        *table_id);
void             quorum_budgets_view_show_cell      (QuorumBudgetsView *self,
                                                     const char        *document_id,
                                                     const char        *table_id,
                                                     const char        *row_id,
                                                     const char        *column_id);
const char      *quorum_budgets_view_get_page       (QuorumBudgetsView *self);
QuorumTableView *quorum_budgets_view_get_table_view (QuorumBudgetsView *self);

G_END_DECLS
