/* quorum-meetings-view.h: each document's meeting forecasts, by committee and year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-chart.h"
#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MEETINGS_VIEW (quorum_meetings_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMeetingsView, quorum_meetings_view, QUORUM, MEETINGS_VIEW, AdwBin)

QuorumStore *quorum_meetings_view_get_store       (QuorumMeetingsView *self);
void         quorum_meetings_view_set_store       (QuorumMeetingsView *self,
                                                   QuorumStore        *store);
const char  *quorum_meetings_view_get_document    (QuorumMeetingsView *self);
gboolean     quorum_meetings_view_set_document    (QuorumMeetingsView *self,
                                                   const char         *document_id);
guint        quorum_meetings_view_get_n_tables    (QuorumMeetingsView *self);
const char  *quorum_meetings_view_get_table_id    (QuorumMeetingsView *self,
                                                   guint               table);
GListModel  *quorum_meetings_view_get_table_lines (QuorumMeetingsView *self,
                                                   guint               table);
QuorumChart *quorum_meetings_view_get_table_chart (QuorumMeetingsView *self,
                                                   guint               table);

G_END_DECLS
