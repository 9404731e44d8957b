/* test-export-csv.c: CSV export, and no formula reaches a spreadsheet
 *
 * A label in a store is anyone's text. A spreadsheet opening the CSV runs a
 * cell beginning with =, +, - or @ (and, in some, a tab or a carriage
 * return before one) as a formula: such a text cell gets a leading ', an
 * amount is never altered, negative ones included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <string.h>

static QuorumBudgetDocument *
load_document (const char *tables)
{
  g_autofree char *t = quorum_test_dq (tables);
  g_autofree char *text = g_strdup_printf ("{\"format\": \"quorum.budget/1\", \"id\": \"t\",\n"
                                           "\"title\": \"T\", \"tables\": [%s]}\n", t);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  QuorumBudgetDocument *document;

  document = quorum_budget_document_new_from_data ("budgets/t.json", text, strlen (text),
                                                   problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *problem = quorum_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("unexpected problem: %s", problem);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (document);
  return document;
}

static char *
export_csv (QuorumBudgetDocument *document)
{
  GString *out = g_string_new (NULL);

  quorum_export_table_csv (quorum_budget_document_find_table (document, "x"), out);
  return g_string_free (out, FALSE);
}

static char *
csv_text (const char *text)
{
  GString *out = g_string_new (NULL);

  quorum_export_csv_text (out, text);
  return g_string_free (out, FALSE);
}

/* Each character a spreadsheet starts a formula with, and the plain cases. */
static void
test_text_cells (void)
{
  static const struct { const char *text; const char *csv; } cases[] = {
    { "=1+2", "'=1+2" },
    { "+44 20 7946 0000", "'+44 20 7946 0000" },
    { "-5", "'-5" },
    { "@SUM(A1:A2)", "'@SUM(A1:A2)" },
    { "\t=1", "'\t=1" },
    { "\r=1", "\"'\r=1\"" },
    { "=HYPERLINK(\"http://127.0.0.1/\",\"x\")",
      "\"'=HYPERLINK(\"\"http://127.0.0.1/\"\",\"\"x\"\")\"" },
    { "=a,b", "\"'=a,b\"" },
    { "Projects", "Projects" },
    { "a=b", "a=b" },
    { "a, \"b\"", "\"a, \"\"b\"\"\"" },
    { "'quoted", "'quoted" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = csv_text (cases[i].text);

      g_assert_cmpstr (got, ==, cases[i].csv);
    }
}

/* A whole table: row and column labels neutralised, amounts as they are. */
static void
test_table (void)
{
  g_autoptr(QuorumBudgetDocument) document = load_document (
    "{'id': 'x', 'title': 'X', 'columns': ["
    " {'id': 'a', 'label': '=cmd|/C calc!A0'}, {'id': 'b', 'label': '2019/20'}],"
    " 'rows': ["
    "  {'id': 'r1', 'label': '=SUM(1,2)', 'values': {'a': -5, 'b': -0.05}},"
    "  {'id': 'r2', 'label': '@attack', 'values': {'a': 10, 'b': null}},"
    "  {'id': 'r3', 'label': '-minus', 'values': {'a': -1234567.8}},"
    "  {'id': 'r4', 'label': 'Plain', 'values': {'a': 0}}]}");
  g_autofree char *csv = export_csv (document);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "Row,'=cmd|/C calc!A0,2019/20");
  g_assert_cmpstr (lines[1], ==, "\"'=SUM(1,2)\",-5.00,-0.05");
  g_assert_cmpstr (lines[2], ==, "'@attack,10.00,N/A");
  g_assert_cmpstr (lines[3], ==, "'-minus,-1234567.80,");
  g_assert_cmpstr (lines[4], ==, "Plain,0.00,");
  g_assert_cmpstr (lines[5], ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv/text-cells", test_text_cells);
  g_test_add_func ("/export/csv/table", test_table);
  return g_test_run ();
}
