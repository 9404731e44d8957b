/* test-export-grid.c: the grid that export and the clipboard share, as
 * tab-separated text and as an HTML table
 *
 * A spreadsheet pasting from the clipboard takes the HTML table or the
 * tab-separated text: every cell must land in its own cell (a tab or a
 * line break inside a text must not split it), amounts must be plain
 * numbers, negative ones included, and markup in a label must stay text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <string.h>

static QuorumGrid *
sample_grid (void)
{
  QuorumGrid *grid = quorum_grid_new ();

  quorum_grid_begin_row (grid);
  quorum_grid_set_header (grid, TRUE);
  quorum_grid_add_text (grid, "Row");
  quorum_grid_add_text (grid, "2019/20 <draft> & \"final\"");
  quorum_grid_add_text (grid, "Change");
  quorum_grid_begin_row (grid);
  quorum_grid_add_text (grid, "Tab\there, line\nbreak");
  quorum_grid_add_amount (grid, 123450);
  quorum_grid_add_amount (grid, -39759500);
  quorum_grid_begin_row (grid);
  quorum_grid_add_text (grid, "=SUM(A1:A2)");
  quorum_grid_add_text (grid, NULL);
  quorum_grid_add_amount (grid, -5);
  return grid;
}

/* Tab-separated: one line per row, one field per cell, nothing split. */
static void
test_tsv (void)
{
  g_autoptr(QuorumGrid) grid = sample_grid ();
  g_autofree char *tsv = quorum_grid_to_tsv (grid);
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "Row\t2019/20 <draft> & \"final\"\tChange");
  /* A tab or a line break in a text is a space: the row keeps its cells. */
  g_assert_cmpstr (lines[1], ==, "Tab here, line break\t1234.50\t-397595.00");
  /* A formula is neutralised as in CSV; an empty cell stays a field. */
  g_assert_cmpstr (lines[2], ==, "'=SUM(A1:A2)\t\t-0.05");
  g_assert_cmpuint (quorum_grid_get_n_rows (grid), ==, 3);
}

/* HTML: escaped, line breaks kept as <br>, amounts as plain numbers. */
static void
test_html (void)
{
  g_autoptr(QuorumGrid) grid = sample_grid ();
  g_autofree char *html = quorum_grid_to_html (grid);

  g_assert_nonnull (strstr (html, "charset=utf-8"));
  g_assert_nonnull (strstr (html, "<tr><th>Row</th><th>2019/20 &lt;draft&gt; &amp; "
                                  "&quot;final&quot;</th><th>Change</th></tr>"));
  g_assert_nonnull (strstr (html, "<tr><td>Tab\there, line<br>break</td>"
                                  "<td align=\"right\">1234.50</td>"
                                  "<td align=\"right\">-397595.00</td></tr>"));
  /* The HTML is read as cell contents, not typed input: the text as it is. */
  g_assert_nonnull (strstr (html, "<tr><td>=SUM(A1:A2)</td><td></td>"
                                  "<td align=\"right\">-0.05</td></tr>"));
  g_assert_null (strstr (html, "<draft>"));
  g_assert_null (strstr (html, "£"));
}

/* Without a header, every row is <td>; one cell is one cell. */
static void
test_single_cell (void)
{
  g_autoptr(QuorumGrid) grid = quorum_grid_new ();
  g_autofree char *tsv = NULL;
  g_autofree char *html = NULL;

  quorum_grid_add_amount (grid, -39759500);
  tsv = quorum_grid_to_tsv (grid);
  html = quorum_grid_to_html (grid);
  g_assert_cmpstr (tsv, ==, "-397595.00");
  g_assert_nonnull (strstr (html, "<table>\n<tr><td align=\"right\">-397595.00</td></tr>\n"
                                  "</table>"));
  g_assert_null (strstr (html, "<th"));
}

/* CSV from the same grid: RFC 4180, neutralised text, amounts as they are. */
static void
test_csv (void)
{
  g_autoptr(QuorumGrid) grid = sample_grid ();
  g_autoptr(GString) out = g_string_new (NULL);

  quorum_grid_append_csv (grid, out);
  g_assert_cmpstr (out->str, ==,
                   "Row,\"2019/20 <draft> & \"\"final\"\"\",Change\r\n"
                   "\"Tab\there, line\nbreak\",1234.50,-397595.00\r\n"
                   "'=SUM(A1:A2),,-0.05\r\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/grid/tsv", test_tsv);
  g_test_add_func ("/export/grid/html", test_html);
  g_test_add_func ("/export/grid/single-cell", test_single_cell);
  g_test_add_func ("/export/grid/csv", test_csv);
  return g_test_run ();
}
