/* quorum-budget-document.h: one published budget, with its tables and findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-table.h"

G_BEGIN_DECLS

/* The default tolerance: £1.00, or 1.00 of a table's unit. */
#define QUORUM_DEFAULT_TOLERANCE 100

#define QUORUM_TYPE_BUDGET_DOCUMENT (quorum_budget_document_get_type ())

G_DECLARE_FINAL_TYPE (QuorumBudgetDocument, quorum_budget_document,
                      QUORUM, BUDGET_DOCUMENT, GObject)

QuorumBudgetDocument *quorum_budget_document_new_from_data     (const char            *file,
                                                                const char            *data,
                                                                gsize                  length,
                                                                GPtrArray             *problems);
const char           *quorum_budget_document_get_id            (QuorumBudgetDocument  *self);
const char           *quorum_budget_document_get_title         (QuorumBudgetDocument  *self);
const char           *quorum_budget_document_get_version       (QuorumBudgetDocument  *self);
const char           *quorum_budget_document_get_status        (QuorumBudgetDocument  *self);
const char           *quorum_budget_document_get_effective     (QuorumBudgetDocument  *self);
const char           *quorum_budget_document_get_currency      (QuorumBudgetDocument  *self);
const char           *quorum_budget_document_get_source        (QuorumBudgetDocument  *self);
const char           *quorum_budget_document_get_classification (QuorumBudgetDocument *self);
const char           *quorum_budget_document_get_file          (QuorumBudgetDocument  *self);
char                 *quorum_budget_document_dup_years         (QuorumBudgetDocument  *self);
GListModel           *quorum_budget_document_get_tables        (QuorumBudgetDocument  *self);
QuorumTable          *quorum_budget_document_find_table        (QuorumBudgetDocument  *self,
                                                                const char            *table_id);
GListModel           *quorum_budget_document_get_findings      (QuorumBudgetDocument  *self);
guint                 quorum_budget_document_get_n_findings    (QuorumBudgetDocument  *self);
guint                 quorum_budget_document_get_n_mismatches  (QuorumBudgetDocument  *self);
gint64                quorum_budget_document_get_tolerance     (QuorumBudgetDocument  *self);
void                  quorum_budget_document_set_tolerance     (QuorumBudgetDocument  *self,
                                                                gint64                 tolerance);
char                 *quorum_budget_document_to_json           (QuorumBudgetDocument  *self);

G_END_DECLS
