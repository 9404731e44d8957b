/* quorum-attendee.h: one line of a meeting's attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_ATTENDEE (quorum_attendee_get_type ())

G_DECLARE_FINAL_TYPE (QuorumAttendee, quorum_attendee, QUORUM, ATTENDEE, GObject)

const char *quorum_attendee_get_name     (QuorumAttendee *self);
const char *quorum_attendee_get_category (QuorumAttendee *self);
const char *quorum_attendee_get_role     (QuorumAttendee *self);
const char *quorum_attendee_get_presence (QuorumAttendee *self);

G_END_DECLS
