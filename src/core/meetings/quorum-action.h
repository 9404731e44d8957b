/* quorum-action.h: a numbered action, followed up across meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_ACTION (quorum_action_get_type ())

G_DECLARE_FINAL_TYPE (QuorumAction, quorum_action, QUORUM, ACTION, GObject)

const char *quorum_action_get_ref           (QuorumAction *self);
const char *quorum_action_get_meeting       (QuorumAction *self);
const char *quorum_action_get_date          (QuorumAction *self);
const char *quorum_action_get_committee     (QuorumAction *self);
const char *quorum_action_get_item          (QuorumAction *self);
const char *quorum_action_get_owner         (QuorumAction *self);
const char *quorum_action_get_text          (QuorumAction *self);
const char *quorum_action_get_due           (QuorumAction *self);
const char *quorum_action_get_raised_status (QuorumAction *self);
const char *quorum_action_get_status        (QuorumAction *self);
gboolean    quorum_action_get_open          (QuorumAction *self);
gboolean    quorum_action_get_overdue       (QuorumAction *self);
gboolean    quorum_action_is_overdue_on     (QuorumAction *self,
                                             const char   *today);
gboolean    quorum_action_get_before_records (QuorumAction *self);
GListModel *quorum_action_get_updates       (QuorumAction *self);
gboolean    quorum_action_matches           (QuorumAction *self,
                                             const char   *needle);

gboolean    quorum_action_ref_is_valid      (const char   *ref);

G_END_DECLS
