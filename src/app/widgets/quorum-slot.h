/* quorum-slot.h: a place in a QuorumSlotModel, showing one item at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_SLOT (quorum_slot_get_type ())

G_DECLARE_FINAL_TYPE (QuorumSlot, quorum_slot, QUORUM, SLOT, GObject)

QuorumSlot *quorum_slot_new      (gpointer    item);
gpointer    quorum_slot_get_item (QuorumSlot *self);
void        quorum_slot_set_item (QuorumSlot *self,
                                  gpointer    item);

G_END_DECLS
