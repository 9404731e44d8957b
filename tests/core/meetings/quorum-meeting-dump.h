/* quorum-meeting-dump.h: a meeting as text, to compare two readings of a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-meeting.h"

G_BEGIN_DECLS

char *quorum_meeting_dump (QuorumMeeting *meeting);

G_END_DECLS
