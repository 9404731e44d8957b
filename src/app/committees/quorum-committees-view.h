/* quorum-committees-view.h: every committee of the register, its figures, and a comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-chart.h"
#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_COMMITTEES_VIEW (quorum_committees_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumCommitteesView, quorum_committees_view,
                      QUORUM, COMMITTEES_VIEW, AdwBin)

QuorumStore *quorum_committees_view_get_store            (QuorumCommitteesView *self);
void         quorum_committees_view_set_store            (QuorumCommitteesView *self,
                                                          QuorumStore          *store);
const char  *quorum_committees_view_get_committee        (QuorumCommitteesView *self);
gboolean     quorum_committees_view_show_committee       (QuorumCommitteesView *self,
                                                          const char           *committee_id);
gboolean     quorum_committees_view_show_comparison      (QuorumCommitteesView *self,
                                                          const char           *document_id,
                                                          const char           *table_id);
GListModel  *quorum_committees_view_get_comparison       (QuorumCommitteesView *self);
QuorumChart *quorum_committees_view_get_comparison_chart (QuorumCommitteesView *self);

G_END_DECLS
