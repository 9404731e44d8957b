/* quorum-table.h: one table of a budget document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-column.h"
#include "quorum-row.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_TABLE (quorum_table_get_type ())

G_DECLARE_FINAL_TYPE (QuorumTable, quorum_table, QUORUM, TABLE, GObject)

const char   *quorum_table_get_id          (QuorumTable *self);
const char   *quorum_table_get_title       (QuorumTable *self);
const char   *quorum_table_get_role        (QuorumTable *self);
const char   *quorum_table_get_unit        (QuorumTable *self);
GListModel   *quorum_table_get_columns     (QuorumTable *self);
guint         quorum_table_get_n_columns   (QuorumTable *self);
guint         quorum_table_get_decimals    (QuorumTable *self,
                                            guint        column);
QuorumColumn *quorum_table_find_column     (QuorumTable *self,
                                            const char  *column_id);
GListModel   *quorum_table_get_rows        (QuorumTable *self);
QuorumRow    *quorum_table_get_total       (QuorumTable *self);
QuorumRow    *quorum_table_find_row        (QuorumTable *self,
                                            const char  *row_id);
guint         quorum_table_get_n_findings  (QuorumTable *self);

G_END_DECLS
