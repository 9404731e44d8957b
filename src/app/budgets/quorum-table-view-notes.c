/* quorum-table-view-notes.c: what a table's private note is on
 *
 * Ctrl+Alt+N (win.note-selection) notes on what is selected in the table
 * shown: the cell another view pointed at (a finding, a paper, a note) when
 * it is in the row selected, else the row selected, else the table. The
 * cells show their own marker (quorum-table-cell.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-table-view-notes.h"
#include "quorum-table-view-private.h"

/**
 * quorum_table_view_dup_note_target:
 *
 * Returns: (transfer floating) (nullable): the target of a note on the
 *   cell, row or table selected, as win.edit-note's parameter; %NULL when
 *   no table is shown
 */
GVariant *
quorum_table_view_dup_note_target (QuorumTableView *self)
{
  QuorumRow *row;
  const char *row_id = "", *column_id = "";

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);

  if (self->document == NULL || self->table == NULL)
    return NULL;
  row = quorum_table_view_get_selected_row (self);
  if (row != NULL)
    {
      row_id = quorum_row_get_id (row);
      if (row == self->target_row && self->target_column >= 0 &&
          (guint) self->target_column < self->value_columns->len)
        {
          QuorumValueColumn *column = g_ptr_array_index (self->value_columns,
                                                         self->target_column);

          column_id = column->id;
        }
    }
  return g_variant_new ("(sssss)", quorum_note_target_kind_to_string (QUORUM_NOTE_TARGET_DOCUMENT),
                        quorum_budget_document_get_id (self->document),
                        quorum_table_get_id (self->table), row_id, column_id);
}
