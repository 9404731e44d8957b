/* quorum-agenda-item.h: an item on a meeting's agenda, its papers and outcomes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_AGENDA_ITEM (quorum_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (QuorumAgendaItem, quorum_agenda_item, QUORUM, AGENDA_ITEM, GObject)

const char *quorum_agenda_item_get_meeting   (QuorumAgendaItem *self);
const char *quorum_agenda_item_get_number    (QuorumAgendaItem *self);
const char *quorum_agenda_item_get_title     (QuorumAgendaItem *self);
const char *quorum_agenda_item_get_presenter (QuorumAgendaItem *self);
const char *quorum_agenda_item_get_summary   (QuorumAgendaItem *self);
GListModel *quorum_agenda_item_get_papers    (QuorumAgendaItem *self);
GListModel *quorum_agenda_item_get_outcomes  (QuorumAgendaItem *self);

G_END_DECLS
