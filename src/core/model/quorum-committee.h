/* quorum-committee.h: one entry of the committee register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_COMMITTEE (quorum_committee_get_type ())

G_DECLARE_FINAL_TYPE (QuorumCommittee, quorum_committee, QUORUM, COMMITTEE, GObject)

const char *quorum_committee_get_id           (QuorumCommittee *self);
const char *quorum_committee_get_short_name   (QuorumCommittee *self);
const char *quorum_committee_get_name         (QuorumCommittee *self);
const char *quorum_committee_get_service_area (QuorumCommittee *self);
const char *quorum_committee_get_established  (QuorumCommittee *self);
const char *quorum_committee_get_meets        (QuorumCommittee *self);
const char *quorum_committee_get_note         (QuorumCommittee *self);

G_END_DECLS
