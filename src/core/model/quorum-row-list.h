/* quorum-row-list.h: the rows of a table or of a group, a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-row.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_ROW_LIST (quorum_row_list_get_type ())

G_DECLARE_FINAL_TYPE (QuorumRowList, quorum_row_list, QUORUM, ROW_LIST, GObject)

QuorumRowList *_quorum_row_list_new    (void);
void           _quorum_row_list_append (QuorumRowList *self,
                                        QuorumRow     *row);

G_END_DECLS
