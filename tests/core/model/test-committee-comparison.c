/* test-committee-comparison.c: the committees compared, in each table of costs by committee
 *
 * Every expected figure is read from the sample store's JSON files here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-model-test-json.h"

static QuorumStore *store;

static JsonObject *
first_table (JsonObject *document,
             const char *role)
{
  JsonArray *tables = json_object_get_array_member (document, "tables");

  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      JsonObject *table = json_array_get_object_element (tables, t);

      if (g_str_equal (json_object_get_string_member (table, "role"), role))
        return table;
    }
  return NULL;
}

/* The JSON row's parts (the columns without "sum"), their sum, and its stated total. */
static void
json_row_sums (JsonObject *table,
               JsonObject *row,
               gint64     *parts,
               gboolean   *has_stated,
               gint64     *stated)
{
  JsonArray *columns = json_object_get_array_member (table, "columns");
  JsonObject *values = json_object_get_object_member (row, "values");

  *parts = 0;
  *has_stated = FALSE;
  for (guint c = 0; c < json_array_get_length (columns); c++)
    {
      JsonObject *column = json_array_get_object_element (columns, c);
      const char *id = json_object_get_string_member (column, "id");
      gint64 amount;

      if (!json_object_has_member (values, id) ||
          !quorum_model_test_json_hundredths (json_object_get_member (values, id), &amount))
        continue;
      if (json_object_has_member (column, "sum"))
        {
          *has_stated = TRUE;
          *stated = amount;
        }
      else
        g_assert_true (quorum_amount_add (*parts, amount, parts));
    }
}

static void
test_lines (void)
{
  GListModel *documents = quorum_store_get_documents (store);
  guint n_compared = 0;

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, d);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *json =
        quorum_model_test_read_document (quorum_budget_document_get_id (document), parser);
      JsonObject *table = first_table (json, "committee-costs");
      JsonArray *rows;
      g_autoptr(QuorumCommitteeComparison) comparison =
        quorum_committee_comparison_new_first (document, quorum_store_get_committees (store));
      int total_cell;

      if (table == NULL)
        {
          g_assert_null (comparison);
          continue;
        }
      n_compared++;
      g_assert_nonnull (comparison);
      total_cell = quorum_committee_comparison_get_total_cell (comparison);
      g_assert_cmpint (total_cell, >=, 0);
      rows = json_object_get_array_member (table, "rows");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparison)), ==,
                        json_array_get_length (rows));
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          g_autoptr(QuorumFigureLine) line =
            g_list_model_get_item (G_LIST_MODEL (comparison), r);
          gint64 parts, stated = 0, shown, difference = 0;
          gboolean has_stated;

          g_assert_cmpstr (quorum_figure_line_get_label (line), ==,
                           json_object_get_string_member (row, "label"));
          json_row_sums (table, row, &parts, &has_stated, &stated);
          g_assert_true (quorum_figure_line_get_amount (line, total_cell, &shown));
          /* The total shown is the stated one; without one, the sum. */
          g_assert_cmpint (shown, ==, has_stated ? stated : parts);
          /* Marked exactly where the parts do not add up to it, and the
           * difference brings them to it. */
          g_assert_true (quorum_committee_comparison_get_difference (comparison, r, &difference)
                         == (has_stated && stated != parts));
          g_assert_true (quorum_figure_line_get_warning (line, total_cell) ==
                         (has_stated && stated != parts));
          g_assert_cmpint (parts + difference, ==, shown);
        }
    }
  g_assert_cmpuint (n_compared, >, 0);
}

/* SSC's total: the document states £1 less than its parts. The committee's
 * page and the chart take it from the same line: the stated total, marked,
 * and parts plus the difference come to it. */
static void
test_ssc (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *json = quorum_model_test_read_document ("sec-budget-2020-23", parser);
  JsonObject *table = first_table (json, "committee-costs");
  JsonArray *rows = json_object_get_array_member (table, "rows");
  QuorumBudgetDocument *document = quorum_store_find_document (store, "sec-budget-2020-23");
  g_autoptr(QuorumCommitteeComparison) comparison = NULL;
  QuorumFigureLine *line;
  JsonObject *ssc = NULL;
  gint64 parts, stated = 0, page_total, chart_total, difference;
  gboolean has_stated;
  int total_cell;

  for (guint r = 0; r < json_array_get_length (rows); r++)
    if (g_strcmp0 (json_object_get_string_member_with_default (
                     json_array_get_object_element (rows, r), "committee", NULL), "ssc") == 0)
      ssc = json_array_get_object_element (rows, r);
  g_assert_nonnull (ssc);
  json_row_sums (table, ssc, &parts, &has_stated, &stated);
  g_assert_true (has_stated);
  /* The sample's disagreement: were it fixed, this test would say so. */
  g_assert_cmpint (parts, !=, stated);

  g_assert_nonnull (document);
  comparison = quorum_committee_comparison_new (
    document, quorum_budget_document_find_table (document,
                                                 json_object_get_string_member (table, "id")),
    quorum_store_get_committees (store));
  line = quorum_committee_comparison_find_committee (comparison, "ssc");
  g_assert_nonnull (line);
  g_assert_true (line == quorum_committee_comparison_find_row (
                   comparison, json_object_get_string_member (ssc, "id")));
  total_cell = quorum_committee_comparison_get_total_cell (comparison);
  g_assert_true (quorum_figure_line_get_amount (line, total_cell, &page_total));
  g_assert_cmpint (page_total, ==, stated);
  g_assert_true (quorum_figure_line_get_warning (line, total_cell));
  g_assert_nonnull (quorum_figure_line_get_tooltip (line, total_cell));
  g_assert_true (quorum_committee_comparison_get_differs (comparison));

  /* The chart's bar: each part, then the difference. */
  chart_total = 0;
  for (guint p = 0; p < quorum_committee_comparison_get_n_parts (comparison); p++)
    {
      gint64 amount;

      if (quorum_figure_line_get_amount (line, quorum_committee_comparison_get_part (comparison,
                                                                                   p),
                                         &amount))
        g_assert_true (quorum_amount_add (chart_total, amount, &chart_total));
    }
  g_assert_cmpint (chart_total, ==, parts);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (comparison)); i++)
    {
      g_autoptr(QuorumFigureLine) item = g_list_model_get_item (G_LIST_MODEL (comparison), i);

      if (item == line)
        {
          g_assert_true (quorum_committee_comparison_get_difference (comparison, i,
                                                                     &difference));
          g_assert_true (quorum_amount_add (chart_total, difference, &chart_total));
        }
    }
  g_assert_cmpint (chart_total, ==, page_total);
}

/* The register's short names, read from committees.json; an unknown id as it is. */
static void
test_short_names (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *path = g_build_filename (sample, "committees.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *committees;
  JsonObject *first, *second;
  const char *ids[] = { NULL, NULL, "no-such-committee", NULL };
  g_autofree char *expected = NULL;
  g_autofree char *names = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  committees = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                             "committees");
  g_assert_cmpuint (json_array_get_length (committees), >=, 2);
  first = json_array_get_object_element (committees, 0);
  second = json_array_get_object_element (committees, 1);
  ids[0] = json_object_get_string_member (first, "id");
  ids[1] = json_object_get_string_member (second, "id");
  expected = g_strdup_printf ("%s, %s, no-such-committee",
                              json_object_get_string_member (first, "short"),
                              json_object_get_string_member (second, "short"));
  names = quorum_committee_short_names (quorum_store_get_committees (store), ids);
  g_assert_cmpstr (names, ==, expected);
  g_assert_null (quorum_committee_short_names (quorum_store_get_committees (store), NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  int status;

  g_test_init (&argc, &argv, NULL);
  store = quorum_store_new (path);
  g_assert_true (quorum_store_load (store, NULL, NULL));

  g_test_add_func ("/committee-comparison/lines", test_lines);
  g_test_add_func ("/committee-comparison/ssc", test_ssc);
  g_test_add_func ("/committee-comparison/short-names", test_short_names);

  status = g_test_run ();
  g_clear_object (&store);
  return status;
}
