/* quorum-action-log.h: every action across meetings, with its current status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-action.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_ACTION_LOG (quorum_action_log_get_type ())

G_DECLARE_FINAL_TYPE (QuorumActionLog, quorum_action_log, QUORUM, ACTION_LOG, GObject)

QuorumActionLog *quorum_action_log_new          (GListModel      *meetings);
GListModel      *quorum_action_log_get_meetings (QuorumActionLog *self);
void             quorum_action_log_set_meetings (QuorumActionLog *self,
                                                 GListModel      *meetings);
const char      *quorum_action_log_get_today    (QuorumActionLog *self);
void             quorum_action_log_set_today    (QuorumActionLog *self,
                                                 const char      *today);
QuorumAction    *quorum_action_log_find         (QuorumActionLog *self,
                                                 const char      *ref);
guint            quorum_action_log_count_open   (QuorumActionLog *self,
                                                 const char      *committee,
                                                 guint           *n_overdue);

int              quorum_action_ref_compare      (const char      *a,
                                                 const char      *b);

G_END_DECLS
