/* quorum-table-view-notes.h: what a table's private note is on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-table-view.h"

G_BEGIN_DECLS

GVariant *quorum_table_view_dup_note_target (QuorumTableView *self);

G_END_DECLS
