/* quorum-decision.h: a Board decision on a work package (append-only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_DECISION (quorum_decision_get_type ())

G_DECLARE_FINAL_TYPE (QuorumDecision, quorum_decision, QUORUM, DECISION, GObject)

QuorumDecision *quorum_decision_new_from_data      (const char     *file,
                                                    const char     *work_package_id,
                                                    const char     *data,
                                                    gsize           length,
                                                    GPtrArray      *problems);
const char     *quorum_decision_get_id             (QuorumDecision *self);
const char     *quorum_decision_get_work_package   (QuorumDecision *self);
const char     *quorum_decision_get_decision       (QuorumDecision *self);
const char     *quorum_decision_get_by             (QuorumDecision *self);
const char     *quorum_decision_get_role           (QuorumDecision *self);
const char     *quorum_decision_get_at             (QuorumDecision *self);
const char     *quorum_decision_get_comment        (QuorumDecision *self);
const char     *quorum_decision_get_file           (QuorumDecision *self);
int             quorum_decision_compare            (QuorumDecision *a,
                                                    QuorumDecision *b);

gboolean        quorum_timestamp_is_valid          (const char     *text);

G_END_DECLS
