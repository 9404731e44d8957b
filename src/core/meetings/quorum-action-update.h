/* quorum-action-update.h: progress on an action, reported at a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_ACTION_UPDATE (quorum_action_update_get_type ())

G_DECLARE_FINAL_TYPE (QuorumActionUpdate, quorum_action_update, QUORUM, ACTION_UPDATE, GObject)

const char *quorum_action_update_get_ref     (QuorumActionUpdate *self);
const char *quorum_action_update_get_meeting (QuorumActionUpdate *self);
const char *quorum_action_update_get_date    (QuorumActionUpdate *self);
const char *quorum_action_update_get_status  (QuorumActionUpdate *self);
const char *quorum_action_update_get_text    (QuorumActionUpdate *self);
guint       quorum_action_update_get_index   (QuorumActionUpdate *self);

G_END_DECLS
