/* quorum-meetings-calendar.h: the meetings to come and those held, by committee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MEETINGS_CALENDAR (quorum_meetings_calendar_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMeetingsCalendar, quorum_meetings_calendar,
                      QUORUM, MEETINGS_CALENDAR, AdwBin)

GtkWidget  *quorum_meetings_calendar_new            (void);
void        quorum_meetings_calendar_set_meetings   (QuorumMeetingsCalendar *self,
                                                     GListModel             *meetings);
void        quorum_meetings_calendar_set_committees (QuorumMeetingsCalendar *self,
                                                     GListModel             *committees);
const char *quorum_meetings_calendar_get_today      (QuorumMeetingsCalendar *self);
void        quorum_meetings_calendar_set_today      (QuorumMeetingsCalendar *self,
                                                     const char             *today);
const char *quorum_meetings_calendar_get_committee  (QuorumMeetingsCalendar *self);
void        quorum_meetings_calendar_set_committee  (QuorumMeetingsCalendar *self,
                                                     const char             *id);
GListModel *quorum_meetings_calendar_get_upcoming   (QuorumMeetingsCalendar *self);
GListModel *quorum_meetings_calendar_get_past       (QuorumMeetingsCalendar *self);

/* Shared with the meeting's page. */
char       *quorum_meeting_format_when              (QuorumMeeting          *meeting);
void        quorum_meeting_status_pill_set          (GtkWidget              *pill,
                                                     QuorumMeeting          *meeting);

void        quorum_meetings_calendar_export_to      (QuorumMeetingsCalendar *self,
                                                     GFile                  *file,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);

GtkWidget  *quorum_meeting_row_new                  (gpointer                item,
                                                     gpointer                user_data);

void        quorum_meetings_export_to               (GtkWidget              *widget,
                                                     GListModel             *meetings,
                                                     GListModel             *committees,
                                                     GFile                  *file,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
gboolean    quorum_meetings_export_finish           (GAsyncResult           *result,
                                                     GError                **error);
void        quorum_meetings_export_choose           (GtkWidget              *widget,
                                                     GListModel             *meetings,
                                                     GListModel             *committees,
                                                     const char             *title,
                                                     const char             *name);

G_END_DECLS
