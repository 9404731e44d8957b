/* quorum-export.c: a budget table as CSV or JSON, as quorum-cli export writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-export.h"

#include <string.h>

#include "quorum-amount.h"

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
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
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

static void
csv_row (GString     *out,
         QuorumTable *table,
         QuorumRow   *row)
{
  guint n_columns = quorum_table_get_n_columns (table);
  GListModel *children;

  quorum_export_csv_text (out, quorum_row_get_label (row));
  for (guint c = 0; c < n_columns; c++)
    {
      const QuorumValue *value = quorum_row_get_effective (row, c);

      g_string_append_c (out, ',');
      if (value->kind == QUORUM_VALUE_NA)
        g_string_append (out, "N/A");
      else if (value->kind == QUORUM_VALUE_AMOUNT)
        {
          g_autofree char *text = quorum_amount_format (value->amount);

          g_string_append (out, text);
        }
    }
  g_string_append (out, "\r\n");

  children = quorum_row_get_children (row);
  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

      csv_row (out, table, child);
    }
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
  GListModel *columns = quorum_table_get_columns (table);
  GListModel *rows = quorum_table_get_rows (table);

  quorum_export_csv_text (out, "Row");
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);

      g_string_append_c (out, ',');
      quorum_export_csv_text (out, quorum_column_get_label (column));
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      csv_row (out, table, row);
    }
  if (quorum_table_get_total (table) != NULL)
    csv_row (out, table, quorum_table_get_total (table));
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

