/* quorum-actions-view.h: every action across meetings, filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

typedef enum
{
  QUORUM_ACTIONS_SHOW_ALL,
  QUORUM_ACTIONS_SHOW_OPEN,
  QUORUM_ACTIONS_SHOW_OVERDUE,
  QUORUM_ACTIONS_SHOW_CLOSED,
} QuorumActionsShow;

#define QUORUM_TYPE_ACTIONS_VIEW (quorum_actions_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumActionsView, quorum_actions_view, QUORUM, ACTIONS_VIEW, AdwBin)

GtkWidget       *quorum_actions_view_new            (void);
void             quorum_actions_view_set_store      (QuorumActionsView *self,
                                                     QuorumStore       *store);
QuorumActionLog *quorum_actions_view_get_action_log (QuorumActionsView *self);
void             quorum_actions_view_set_action_log (QuorumActionsView *self,
                                                     QuorumActionLog   *log);
void             quorum_actions_view_set_committees (QuorumActionsView *self,
                                                     GListModel        *committees);
void             quorum_actions_view_set_show       (QuorumActionsView *self,
                                                     QuorumActionsShow  show);
void             quorum_actions_view_set_committee  (QuorumActionsView *self,
                                                     const char        *committee);
void             quorum_actions_view_set_owner      (QuorumActionsView *self,
                                                     const char        *owner);
void             quorum_actions_view_set_search     (QuorumActionsView *self,
                                                     const char        *text);
GListModel      *quorum_actions_view_get_shown      (QuorumActionsView *self);
gboolean         quorum_actions_view_select         (QuorumActionsView *self,
                                                     const char        *ref);

G_END_DECLS
