/* quorum-grid.c: rows of typed cells, written as CSV, tab-separated text or HTML
 *
 * What Quorum exports and copies is first laid out as a grid: rows of cells,
 * each a text (a label, an id, a status) or an amount. The same grid is then
 * written as a CSV file, or as the two forms a spreadsheet takes from the
 * clipboard: tab-separated text and an HTML table. Amounts are plain numbers
 * (`-1234.50`, never `£1,234`), so that a spreadsheet reads them as numbers.
 *
 * A text that a spreadsheet would run as a formula (beginning with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading `'` in CSV and in the
 * tab-separated text, which spreadsheets parse as typed input; the HTML
 * table, which they read as cell contents, keeps the text as it is, escaped.
 * Amounts are never altered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-grid.h"

#include <string.h>

#include "quorum-amount.h"
#include "quorum-export.h"

typedef struct
{
  char *text;        /* nullable: an empty cell */
  gboolean amount;   /* the text is a formatted amount */
} GridCell;

struct _QuorumGrid
{
  GPtrArray *rows;   /* of GArray of GridCell */
  gboolean header;   /* the first row names the columns */
};

static void
cell_clear (gpointer data)
{
  GridCell *cell = data;

  g_free (cell->text);
}

static void
row_free (gpointer data)
{
  g_array_unref (data);
}

/**
 * quorum_grid_new:
 *
 * Returns: (transfer full): an empty grid
 */
QuorumGrid *
quorum_grid_new (void)
{
  QuorumGrid *grid = g_new0 (QuorumGrid, 1);

  grid->rows = g_ptr_array_new_with_free_func (row_free);
  return grid;
}

void
quorum_grid_free (QuorumGrid *grid)
{
  if (grid == NULL)
    return;
  g_ptr_array_unref (grid->rows);
  g_free (grid);
}

/**
 * quorum_grid_begin_row:
 *
 * Starts a new row: the cells added next go in it.
 */
void
quorum_grid_begin_row (QuorumGrid *grid)
{
  GArray *row;

  g_return_if_fail (grid != NULL);

  row = g_array_new (FALSE, TRUE, sizeof (GridCell));
  g_array_set_clear_func (row, cell_clear);
  g_ptr_array_add (grid->rows, row);
}

static void
add_cell (QuorumGrid *grid,
          char       *text,
          gboolean    amount)
{
  GridCell cell = { text, amount };

  if (grid->rows->len == 0)
    quorum_grid_begin_row (grid);
  g_array_append_val (g_ptr_array_index (grid->rows, grid->rows->len - 1), cell);
}

/**
 * quorum_grid_add_text:
 * @text: (nullable): a text cell; %NULL for an empty cell
 */
void
quorum_grid_add_text (QuorumGrid *grid,
                      const char *text)
{
  g_return_if_fail (grid != NULL);

  add_cell (grid, text != NULL ? g_utf8_make_valid (text, -1) : NULL, FALSE);
}

/**
 * quorum_grid_add_amount:
 * @amount: hundredths, written as a plain number (`-1234.50`)
 */
void
quorum_grid_add_amount (QuorumGrid *grid,
                        gint64      amount)
{
  g_return_if_fail (grid != NULL);

  add_cell (grid, quorum_amount_format (amount), TRUE);
}

/**
 * quorum_grid_set_header:
 * @header: whether the first row names the columns (`<th>` in HTML)
 */
void
quorum_grid_set_header (QuorumGrid *grid,
                        gboolean    header)
{
  g_return_if_fail (grid != NULL);
  grid->header = header;
}

guint
quorum_grid_get_n_rows (QuorumGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);
  return grid->rows->len;
}

/**
 * quorum_grid_append_csv:
 * @out: where the CSV is appended
 *
 * Appends the grid as CSV: RFC 4180 quoting, CRLF line ends, text cells
 * that a spreadsheet would run as formulas neutralised
 * (quorum_export_csv_text()), amounts as they are.
 */
void
quorum_grid_append_csv (QuorumGrid *grid,
                        GString    *out)
{
  g_return_if_fail (grid != NULL);
  g_return_if_fail (out != NULL);

  for (guint r = 0; r < grid->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (grid->rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          GridCell *cell = &g_array_index (row, GridCell, c);

          if (c > 0)
            g_string_append_c (out, ',');
          if (cell->amount)
            g_string_append (out, cell->text);
          else
            quorum_export_csv_text (out, cell->text);
        }
      g_string_append (out, "\r\n");
    }
}

/**
 * quorum_grid_to_tsv:
 *
 * Returns: (transfer full): the grid as tab-separated text, rows joined by
 *   `\n` (no line end after the last): a tab or a line break inside a
 *   text becomes a space, and a text a spreadsheet would run as a formula
 *   gets a leading `'`; amounts are plain numbers
 */
char *
quorum_grid_to_tsv (QuorumGrid *grid)
{
  GString *out;

  g_return_val_if_fail (grid != NULL, NULL);

  out = g_string_new (NULL);
  for (guint r = 0; r < grid->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (grid->rows, r);

      if (r > 0)
        g_string_append_c (out, '\n');
      for (guint c = 0; c < row->len; c++)
        {
          GridCell *cell = &g_array_index (row, GridCell, c);

          if (c > 0)
            g_string_append_c (out, '\t');
          if (cell->text == NULL)
            continue;
          if (!cell->amount && quorum_export_text_is_formula (cell->text))
            g_string_append_c (out, '\'');
          for (const char *p = cell->text; *p != '\0'; p++)
            g_string_append_c (out, *p == '\t' || *p == '\r' || *p == '\n' ? ' ' : *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
append_html_text (GString    *out,
                  const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;
      gsize length = strlen (lines[i]);

      if (length > 0 && lines[i][length - 1] == '\r')
        lines[i][length - 1] = '\0';
      escaped = g_markup_escape_text (lines[i], -1);
      if (i > 0)
        g_string_append (out, "<br>");
      g_string_append (out, escaped);
    }
}

/**
 * quorum_grid_to_html:
 *
 * Returns: (transfer full): the grid as an HTML table, in UTF-8, each
 *   cell's text escaped and its line breaks as `<br>`; the first row in
 *   `<th>` cells when it is a header
 */
char *
quorum_grid_to_html (QuorumGrid *grid)
{
  GString *out;

  g_return_val_if_fail (grid != NULL, NULL);

  out = g_string_new ("<html><head><meta http-equiv=\"content-type\" "
                      "content=\"text/html; charset=utf-8\"></head><body><table>\n");
  for (guint r = 0; r < grid->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (grid->rows, r);
      const char *tag = grid->header && r == 0 ? "th" : "td";

      g_string_append (out, "<tr>");
      for (guint c = 0; c < row->len; c++)
        {
          GridCell *cell = &g_array_index (row, GridCell, c);

          g_string_append_printf (out, cell->amount ? "<%s align=\"right\">" : "<%s>", tag);
          if (cell->text != NULL)
            append_html_text (out, cell->text);
          g_string_append_printf (out, "</%s>", tag);
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</table></body></html>\n");
  return g_string_free (out, FALSE);
}
