/* quorum-meeting.h: a meeting, its attendance, agenda, outcomes and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-action.h"
#include "quorum-action-update.h"
#include "quorum-agenda-item.h"
#include "quorum-attendee.h"
#include "quorum-item-outcome.h"
#include "quorum-paper.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MEETING (quorum_meeting_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMeeting, quorum_meeting, QUORUM, MEETING, GObject)

QuorumMeeting *quorum_meeting_new_from_data       (const char    *file,
                                                   const char    *data,
                                                   gsize          length,
                                                   GPtrArray     *problems);
const char    *quorum_meeting_get_id              (QuorumMeeting *self);
const char    *quorum_meeting_get_file            (QuorumMeeting *self);
const char    *quorum_meeting_get_committee       (QuorumMeeting *self);
gint64         quorum_meeting_get_number          (QuorumMeeting *self);
const char    *quorum_meeting_get_reference       (QuorumMeeting *self);
const char    *quorum_meeting_get_title           (QuorumMeeting *self);
const char    *quorum_meeting_get_date            (QuorumMeeting *self);
const char    *quorum_meeting_get_start           (QuorumMeeting *self);
const char    *quorum_meeting_get_end             (QuorumMeeting *self);
const char    *quorum_meeting_get_venue           (QuorumMeeting *self);
const char    *quorum_meeting_get_note            (QuorumMeeting *self);
const char    *quorum_meeting_get_status          (QuorumMeeting *self);
const char    *quorum_meeting_get_minutes         (QuorumMeeting *self);
const char    *quorum_meeting_get_classification  (QuorumMeeting *self);
GListModel    *quorum_meeting_get_attendance      (QuorumMeeting *self);
GListModel    *quorum_meeting_get_items           (QuorumMeeting *self);
QuorumAgendaItem *quorum_meeting_find_item        (QuorumMeeting *self,
                                                   const char    *number);
GListModel    *quorum_meeting_get_actions         (QuorumMeeting *self);
GListModel    *quorum_meeting_get_action_updates  (QuorumMeeting *self);
int            quorum_meeting_compare             (QuorumMeeting *a,
                                                   QuorumMeeting *b);

gboolean       quorum_time_is_valid               (const char    *text);

G_END_DECLS
