/* quorum-table-cell.h: a figure in a budget table, with its marker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "quorum-table-item.h"

G_BEGIN_DECLS

/* How a cell is styled; each flag is a style class (see
 * quorum-budgets-view.css), and each has words too: a marker icon, a sign
 * or a tooltip, never colour alone. */
typedef enum
{
  QUORUM_TABLE_CELL_COMPUTED = 1 << 0,  /* not stated: dimmed and slanted */
  QUORUM_TABLE_CELL_NEGATIVE = 1 << 1,  /* below zero */
  QUORUM_TABLE_CELL_MISMATCH = 1 << 2,  /* does not add up */
  QUORUM_TABLE_CELL_ROUNDING = 1 << 3,  /* off by no more than the tolerance */
  QUORUM_TABLE_CELL_TOTAL    = 1 << 4,  /* the table's stated total */
  QUORUM_TABLE_CELL_GROUP    = 1 << 5,  /* a group's subtotal */
  QUORUM_TABLE_CELL_NA       = 1 << 6,  /* N/A */
  QUORUM_TABLE_CELL_TARGET   = 1 << 7,  /* the focused cell, or the one another view showed */
  QUORUM_TABLE_CELL_IN_RANGE = 1 << 8,  /* among the cells selected: framed, "selected" */
} QuorumTableCellFlags;

/* What a cell shows of its row: a column's figure in the table, or one of
 * the variance's four (the two figures compared, their difference and the
 * change in percent). */
typedef enum
{
  QUORUM_TABLE_CELL_VALUE,       /* "column"'s figure; marked when it is the row's target */
  QUORUM_TABLE_CELL_FROM,        /* "column"'s figure, never marked */
  QUORUM_TABLE_CELL_TO,          /* "column"'s figure, never marked */
  QUORUM_TABLE_CELL_DIFFERENCE,  /* "to-column" less "column" */
  QUORUM_TABLE_CELL_CHANGE,      /* the difference in percent of "column" */
} QuorumTableCellKind;

#define QUORUM_TYPE_TABLE_CELL_KIND (quorum_table_cell_kind_get_type ())
GType quorum_table_cell_kind_get_type (void) G_GNUC_CONST;

#define QUORUM_TYPE_TABLE_CELL (quorum_table_cell_get_type ())

G_DECLARE_FINAL_TYPE (QuorumTableCell, quorum_table_cell, QUORUM, TABLE_CELL, GtkWidget)

GtkWidget            *quorum_table_cell_new_for         (QuorumTableCellKind   kind,
                                                         guint                 column,
                                                         guint                 chars);
QuorumTableCellKind   quorum_table_cell_get_kind        (QuorumTableCell      *self);
QuorumTableItem      *quorum_table_cell_get_item        (QuorumTableCell      *self);
void                  quorum_table_cell_set_item        (QuorumTableCell      *self,
                                                         QuorumTableItem      *item);
guint                 quorum_table_cell_get_column      (QuorumTableCell      *self);
void                  quorum_table_cell_set_columns     (QuorumTableCell      *self,
                                                         guint                 column,
                                                         guint                 to_column);
void                  quorum_table_cell_set_chars       (QuorumTableCell      *self,
                                                         guint                 chars);
void                  quorum_table_cell_set_text        (QuorumTableCell      *self,
                                                         const char           *text);
const char           *quorum_table_cell_get_text        (QuorumTableCell      *self);
void                  quorum_table_cell_set_icon_name   (QuorumTableCell      *self,
                                                         const char           *icon_name);
const char           *quorum_table_cell_get_icon_name   (QuorumTableCell      *self);
void                  quorum_table_cell_set_flags       (QuorumTableCell      *self,
                                                         QuorumTableCellFlags  flags);
QuorumTableCellFlags  quorum_table_cell_get_flags       (QuorumTableCell      *self);
void                  quorum_table_cell_set_explanation (QuorumTableCell      *self,
                                                         const char           *explanation);
void                  quorum_table_cell_set_row_selected (QuorumTableCell     *self,
                                                          gboolean             selected);
void                  quorum_table_cell_set_range       (QuorumTableCell      *self,
                                                         int                   first,
                                                         int                   last);

G_END_DECLS
