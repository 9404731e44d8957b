/* quorum-meeting-page.h: one meeting, its attendance, agenda, outcomes and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MEETING_PAGE (quorum_meeting_page_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMeetingPage, quorum_meeting_page, QUORUM, MEETING_PAGE, AdwBin)

GtkWidget       *quorum_meeting_page_new            (void);
QuorumMeeting   *quorum_meeting_page_get_meeting    (QuorumMeetingPage *self);
void             quorum_meeting_page_set_meeting    (QuorumMeetingPage *self,
                                                     QuorumMeeting     *meeting);
QuorumActionLog *quorum_meeting_page_get_action_log (QuorumMeetingPage *self);
void             quorum_meeting_page_set_action_log (QuorumMeetingPage *self,
                                                     QuorumActionLog   *log);
void             quorum_meeting_page_set_committees (QuorumMeetingPage *self,
                                                     GListModel        *committees);

void             quorum_meeting_page_export_to      (QuorumMeetingPage *self,
                                                     GFile             *file,
                                                     GAsyncReadyCallback callback,
                                                     gpointer           user_data);

G_END_DECLS
