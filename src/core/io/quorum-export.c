/* quorum-export.c: a budget table as CSV or JSON, as quorum-cli export writes it;
 * writing an export to a file, crash-safely, on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-export.h"

#include <string.h>

#include "quorum-amount.h"
#include "quorum-file-util.h"

static JsonNode *
amount_node (const QuorumValue *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (value == NULL || value->kind != QUORUM_VALUE_AMOUNT)
    return json_node_init_null (node);
  {
    g_autofree char *text = quorum_amount_format (value->amount);

    json_node_set_string (node, text);
  }
  return node;
}

/**
 * quorum_export_text_is_formula:
 * @text: (nullable): a text cell
 *
 * Returns: whether a spreadsheet would run @text as a formula: it begins
 *   with `=`, `+`, `-` or `@` (or, for some, a tab or a carriage return
 *   before one)
 */
gboolean
quorum_export_text_is_formula (const char *text)
{
  return text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/**
 * quorum_export_csv_text:
 * @out: where the field is appended
 * @text: (nullable): a text cell (a label, a title, a note): never an amount
 *
 * Appends @text as one CSV field. A spreadsheet runs a cell that begins
 * with `=`, `+`, `-` or `@` as a formula (and some take a tab or a carriage
 * return before one), so such a text gets a leading `'`, which shows it as
 * text; then RFC 4180 quoting, for a field holding a comma, a quote or a
 * line break. Amounts are written as they are, negative ones included:
 * they are never passed here.
 */
void
quorum_export_csv_text (GString    *out,
                        const char *text)
{
  g_autoptr(GString) field = NULL;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  field = g_string_new (NULL);
  if (quorum_export_text_is_formula (text))
    g_string_append_c (field, '\'');
  g_string_append (field, text);
  if (strpbrk (field->str, ",\"\r\n") == NULL)
    {
      g_string_append_len (out, field->str, field->len);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field->str; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * quorum_export_grid_value:
 * @value: (nullable): a cell of a budget table
 *
 * Adds @value to @grid: an amount as a plain number, N/A as `N/A`, a value
 * neither stated nor computable as an empty cell.
 */
void
quorum_export_grid_value (QuorumGrid        *grid,
                          const QuorumValue *value)
{
  g_return_if_fail (grid != NULL);

  if (value != NULL && value->kind == QUORUM_VALUE_AMOUNT)
    quorum_grid_add_amount (grid, value->amount);
  else
    quorum_grid_add_text (grid, value != NULL && value->kind == QUORUM_VALUE_NA ? "N/A" : NULL);
}

static void
grid_rows (QuorumGrid  *grid,
           QuorumTable *table,
           const char  *document_id,
           QuorumNotes *notes,
           QuorumRow   *row)
{
  GListModel *children = quorum_row_get_children (row);

  quorum_export_grid_item (grid, QUORUM_EXPORT_TABLE, table, row);
  if (notes != NULL)
    {
      g_autofree char *note = quorum_export_dup_note (notes, QUORUM_EXPORT_TABLE, document_id,
                                                      table, row);

      quorum_grid_add_text (grid, note);
    }
  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

      grid_rows (grid, table, document_id, notes, child);
    }
}

/**
 * quorum_export_table_grid:
 *
 * Returns: (transfer full): @table as a grid: a header of column labels,
 *   then one line per row (children after their parent), the total last
 */
QuorumGrid *
quorum_export_table_grid (QuorumTable *table)
{
  return quorum_export_table_grid_full (table, NULL, NULL);
}

/**
 * quorum_export_table_grid_full:
 * @document_id: (nullable): the table's document, for @notes
 * @notes: (nullable): private notes to add in a last column, `Note`;
 *   %NULL leaves them out, as every export does unless asked
 *
 * Returns: (transfer full): quorum_export_table_grid()'s grid, with the
 *   notes on each row and its cells when @notes is given
 */
QuorumGrid *
quorum_export_table_grid_full (QuorumTable *table,
                               const char  *document_id,
                               QuorumNotes *notes)
{
  GListModel *rows;
  QuorumGrid *grid;

  g_return_val_if_fail (QUORUM_IS_TABLE (table), NULL);
  g_return_val_if_fail (notes == NULL || document_id != NULL, NULL);

  rows = quorum_table_get_rows (table);
  grid = quorum_grid_new ();
  quorum_export_grid_header (grid, QUORUM_EXPORT_TABLE, table);
  if (notes != NULL)
    quorum_grid_add_text (grid, "Note");
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      grid_rows (grid, table, document_id, notes, row);
    }
  if (quorum_table_get_total (table) != NULL)
    grid_rows (grid, table, document_id, notes, quorum_table_get_total (table));
  return grid;
}

/**
 * quorum_export_table_csv:
 * @out: where the table is appended
 *
 * Appends @table as displayed: one header line of column labels, then one
 * line per row (children after their parent), the total last; RFC 4180
 * quoting, CRLF line ends; N/A as `N/A`, a value neither stated nor
 * computable as an empty field. A label that a spreadsheet would run as a
 * formula is neutralised (quorum_export_csv_text()); amounts never are.
 */
void
quorum_export_table_csv (QuorumTable *table,
                         GString     *out)
{
  g_autoptr(QuorumGrid) grid = NULL;

  g_return_if_fail (QUORUM_IS_TABLE (table));
  g_return_if_fail (out != NULL);

  grid = quorum_export_table_grid (table);
  quorum_grid_append_csv (grid, out);
}

static void
json_cells (JsonArray   *cells,
            QuorumTable *table,
            QuorumRow   *row)
{
  GListModel *columns = quorum_table_get_columns (table);
  GListModel *children = quorum_row_get_children (row);

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
      JsonObject *cell = json_object_new ();
      const QuorumValue *stated = quorum_row_get_stated (row, c);

      json_object_set_string_member (cell, "row", quorum_row_get_id (row));
      json_object_set_string_member (cell, "column", quorum_column_get_id (column));
      json_object_set_member (cell, "stated", amount_node (stated));
      json_object_set_member (cell, "computed", amount_node (quorum_row_get_computed (row, c)));
      json_object_set_member (cell, "effective", amount_node (quorum_row_get_effective (row, c)));
      if (stated->kind == QUORUM_VALUE_NA)
        json_object_set_boolean_member (cell, "na", TRUE);
      json_array_add_object_element (cells, cell);
    }

  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

      json_cells (cells, table, child);
    }
}

static void
json_row_notes (JsonArray   *array,
                QuorumTable *table,
                const char  *document_id,
                QuorumNotes *notes,
                QuorumRow   *row)
{
  GListModel *children = quorum_row_get_children (row);
  g_autofree char *note = quorum_export_dup_note (notes, QUORUM_EXPORT_TABLE, document_id, table,
                                                  row);

  if (note != NULL)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "row", quorum_row_get_id (row));
      json_object_set_string_member (object, "note", note);
      json_array_add_object_element (array, object);
    }
  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

      json_row_notes (array, table, document_id, notes, child);
    }
}

/**
 * quorum_export_table_notes_json:
 * @document_id: the table's document
 * @notes: the store's private notes
 *
 * Returns: (transfer full): `[{"row", "note"}…]`, the notes on each row of
 *   @table and its cells (as quorum_export_dup_note() writes them)
 */
JsonNode *
quorum_export_table_notes_json (QuorumTable *table,
                                const char  *document_id,
                                QuorumNotes *notes)
{
  GListModel *rows;
  JsonArray *array;
  JsonNode *node;

  g_return_val_if_fail (QUORUM_IS_TABLE (table), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);
  g_return_val_if_fail (QUORUM_IS_NOTES (notes), NULL);

  rows = quorum_table_get_rows (table);
  array = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      json_row_notes (array, table, document_id, notes, row);
    }
  if (quorum_table_get_total (table) != NULL)
    json_row_notes (array, table, document_id, notes, quorum_table_get_total (table));
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

/**
 * quorum_export_table_json:
 *
 * Returns: (transfer full): `{"id", "cells": [{"row", "column", "stated",
 *   "computed", "effective"}…]}`, amounts as decimal strings, `null` where
 *   a value is not stated or not computable
 */
JsonNode *
quorum_export_table_json (QuorumTable *table)
{
  JsonObject *object = json_object_new ();
  JsonArray *cells = json_array_new ();
  GListModel *rows = quorum_table_get_rows (table);
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "id", quorum_table_get_id (table));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      json_cells (cells, table, row);
    }
  if (quorum_table_get_total (table) != NULL)
    json_cells (cells, table, quorum_table_get_total (table));
  json_object_set_array_member (object, "cells", cells);
  json_node_take_object (node, object);
  return node;
}


/**
 * quorum_export_write:
 * @path: the file to write (replaced if it exists)
 * @contents: what to write
 *
 * Writes @contents to @path crash-safely: a temporary file beside it,
 * synced, then renamed over it. On an error @path is left as it was and
 * the error names it.
 */
gboolean
quorum_export_write (const char  *path,
                     GBytes      *contents,
                     GError     **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (contents, &length);
  return _quorum_file_replace (path, data != NULL ? data : "", length, error);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "quorum-export-path");
  GError *error = NULL;

  if (quorum_export_write (path, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * quorum_export_write_async:
 * @path: the file to write (replaced if it exists)
 * @contents: what to write
 *
 * quorum_export_write() on a worker thread.
 */
void
quorum_export_write_async (const char          *path,
                           GBytes              *contents,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (contents != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_export_write_async);
  g_object_set_data_full (G_OBJECT (task), "quorum-export-path", g_strdup (path), g_free);
  g_task_set_task_data (task, g_bytes_ref (contents), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_thread);
}

gboolean
quorum_export_write_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
