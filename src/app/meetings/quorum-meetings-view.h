/* quorum-meetings-view.h: the meetings: their calendar, a meeting's page, the forecast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MEETINGS_VIEW (quorum_meetings_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMeetingsView, quorum_meetings_view, QUORUM, MEETINGS_VIEW, AdwBin)

QuorumStore *quorum_meetings_view_get_store    (QuorumMeetingsView *self);
void         quorum_meetings_view_set_store    (QuorumMeetingsView *self,
                                                QuorumStore        *store);
gboolean     quorum_meetings_view_show_meeting (QuorumMeetingsView *self,
                                                const char         *meeting_id);
void         quorum_meetings_view_show_forecast (QuorumMeetingsView *self);
const char  *quorum_meetings_view_get_shown_meeting (QuorumMeetingsView *self);

G_END_DECLS
