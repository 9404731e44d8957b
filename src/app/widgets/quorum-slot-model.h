/* quorum-slot-model.h: a list model of stable slots over another list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "quorum-slot.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_SLOT_MODEL (quorum_slot_model_get_type ())

G_DECLARE_FINAL_TYPE (QuorumSlotModel, quorum_slot_model, QUORUM, SLOT_MODEL, GObject)

QuorumSlotModel *quorum_slot_model_new       (GListModel      *model);
GListModel      *quorum_slot_model_get_model (QuorumSlotModel *self);
void             quorum_slot_model_set_model (QuorumSlotModel *self,
                                              GListModel      *model);
void             quorum_slot_model_follow_selection (QuorumSlotModel   *self,
                                                     GtkSelectionModel *selection);
gpointer         quorum_slot_model_get_cursor_item  (QuorumSlotModel   *self);
guint            quorum_slot_model_get_cursor_position (QuorumSlotModel *self);
void             quorum_slot_model_set_cursor       (QuorumSlotModel   *self,
                                                     guint              position);

G_END_DECLS
