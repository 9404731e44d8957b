/* quorum-table-item.h: one row of a budget table, as the table views show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-core.h"

G_BEGIN_DECLS

/* Where the figure a cell shows comes from. */
typedef enum
{
  QUORUM_CELL_EMPTY,     /* not stated and not computable: shown blank */
  QUORUM_CELL_NA,        /* stated as N/A */
  QUORUM_CELL_STATED,    /* stated in the document */
  QUORUM_CELL_COMPUTED,  /* not stated: what the rows or the column's formula give */
} QuorumCellSource;

#define QUORUM_TYPE_TABLE_ITEM (quorum_table_item_get_type ())

G_DECLARE_FINAL_TYPE (QuorumTableItem, quorum_table_item, QUORUM, TABLE_ITEM, GObject)

QuorumTableItem  *quorum_table_item_new              (QuorumRow       *row,
                                                      QuorumTable     *table);
QuorumRow        *quorum_table_item_get_row          (QuorumTableItem *self);
const char       *quorum_table_item_get_unit         (QuorumTableItem *self);
gboolean          quorum_table_item_is_total         (QuorumTableItem *self);
GListModel       *quorum_table_item_get_children     (QuorumTableItem *self);
int               quorum_table_item_get_target_column (QuorumTableItem *self);
void              quorum_table_item_set_target_column (QuorumTableItem *self,
                                                       int              column);
gboolean          quorum_table_item_get_change       (QuorumTableItem *self,
                                                      guint            from,
                                                      guint            to,
                                                      gint64          *difference,
                                                      gint64          *percent,
                                                      gboolean        *has_percent);
QuorumCellSource  quorum_table_item_get_source       (QuorumTableItem *self,
                                                      guint            column);
gboolean          quorum_table_item_get_amount       (QuorumTableItem *self,
                                                      guint            column,
                                                      gint64          *amount);
const char       *quorum_table_item_get_text         (QuorumTableItem *self,
                                                      guint            column);
gboolean          quorum_table_item_get_severity     (QuorumTableItem *self,
                                                      guint            column,
                                                      QuorumSeverity  *severity);
char             *quorum_table_item_dup_explanation  (QuorumTableItem *self,
                                                      guint            column);

char             *quorum_table_format_signed         (gint64           hundredths,
                                                      const char      *unit);
char             *quorum_table_format_percent        (gint64           hundredths);
char             *quorum_table_describe_finding      (QuorumFinding   *finding,
                                                      const char      *unit);
const char       *quorum_table_severity_icon_name    (QuorumSeverity   severity);
const char       *quorum_table_severity_label        (QuorumSeverity   severity);

G_END_DECLS
