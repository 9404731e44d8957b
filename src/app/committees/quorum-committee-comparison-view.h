/* quorum-committee-comparison-view.h: the committees compared, in one table of costs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-chart.h"
#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_COMMITTEE_COMPARISON_VIEW (quorum_committee_comparison_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumCommitteeComparisonView, quorum_committee_comparison_view,
                      QUORUM, COMMITTEE_COMPARISON_VIEW, AdwBin)

void         quorum_committee_comparison_view_reload    (QuorumCommitteeComparisonView *self,
                                                         QuorumStore                   *store);
gboolean     quorum_committee_comparison_view_choose    (QuorumCommitteeComparisonView *self,
                                                         const char                *document_id,
                                                         const char                *table_id);
GListModel  *quorum_committee_comparison_view_get_lines (QuorumCommitteeComparisonView *self);
QuorumChart *quorum_committee_comparison_view_get_chart (QuorumCommitteeComparisonView *self);

G_END_DECLS
