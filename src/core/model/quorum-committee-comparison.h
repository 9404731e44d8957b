/* quorum-committee-comparison.h: one table of costs by committee, a line per committee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-budget-document.h"
#include "quorum-figure-line.h"
#include "quorum-table.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_COMMITTEE_COMPARISON (quorum_committee_comparison_get_type ())

G_DECLARE_FINAL_TYPE (QuorumCommitteeComparison, quorum_committee_comparison,
                      QUORUM, COMMITTEE_COMPARISON, GObject)

QuorumCommitteeComparison *
quorum_committee_comparison_new            (QuorumBudgetDocument      *document,
                                            QuorumTable               *table,
                                            GListModel                *committees);
QuorumCommitteeComparison *
quorum_committee_comparison_new_first      (QuorumBudgetDocument      *document,
                                            GListModel                *committees);
QuorumBudgetDocument *
quorum_committee_comparison_get_document   (QuorumCommitteeComparison *self);
QuorumTable *
quorum_committee_comparison_get_table      (QuorumCommitteeComparison *self);
guint    quorum_committee_comparison_get_n_cells    (QuorumCommitteeComparison *self);
int      quorum_committee_comparison_get_total_cell (QuorumCommitteeComparison *self);
guint    quorum_committee_comparison_get_n_parts    (QuorumCommitteeComparison *self);
guint    quorum_committee_comparison_get_part       (QuorumCommitteeComparison *self,
                                                     guint                      part);
gboolean quorum_committee_comparison_get_difference (QuorumCommitteeComparison *self,
                                                     guint                      position,
                                                     gint64                    *difference);
gboolean quorum_committee_comparison_get_differs    (QuorumCommitteeComparison *self);
QuorumFigureLine *
quorum_committee_comparison_find_committee (QuorumCommitteeComparison *self,
                                            const char                *committee_id);
QuorumFigureLine *
quorum_committee_comparison_find_row       (QuorumCommitteeComparison *self,
                                            const char                *row_id);
char *
quorum_committee_comparison_dup_missing    (QuorumCommitteeComparison *self);

G_END_DECLS
