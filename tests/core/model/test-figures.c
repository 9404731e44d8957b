/* test-figures.c: the figures the browsing views are built from
 *
 * Checked against the sample store's files, read here with json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"

#include <string.h>

static QuorumStore *
load_sample (void)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  QuorumStore *store = quorum_store_new (path);

  g_assert_true (quorum_store_load (store, NULL, NULL));
  return store;
}

static JsonObject *
read_document (const char *id,
               JsonParser *parser)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (sample, "budgets", name, NULL);

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_change (void)
{
  gint64 difference = 0, percent = 0;

  g_assert_true (quorum_amount_change (40000, 50000, &difference, &percent));
  g_assert_cmpint (difference, ==, 10000);
  g_assert_cmpint (percent, ==, 2500);
  /* −1/3: −33.333…% → −33.33 */
  g_assert_true (quorum_amount_change (300, 200, &difference, &percent));
  g_assert_cmpint (percent, ==, -3333);
  /* 2/3 of a percent: 0.6666…% → 0.67 */
  g_assert_true (quorum_amount_change (30000, 30200, NULL, &percent));
  g_assert_cmpint (percent, ==, 67);
  /* From a negative base the sign follows the movement. */
  g_assert_true (quorum_amount_change (-100, -50, &difference, &percent));
  g_assert_cmpint (difference, ==, 50);
  g_assert_cmpint (percent, ==, 5000);
  g_assert_false (quorum_amount_change (0, 5, &difference, &percent));
  g_assert_cmpint (difference, ==, 5);
}

/* The headline totals: the total row of each document's first budget
 * table with one, oldest document first. */
static void
test_headline (void)
{
  g_autoptr(QuorumStore) store = load_sample ();
  g_autoptr(GListModel) figures = quorum_figures_headline (quorum_store_get_documents (store));
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *doc = read_document ("sec-budget-2018-21", parser);
  JsonArray *tables = json_object_get_array_member (doc, "tables");
  JsonObject *first = NULL;
  g_autoptr(QuorumFigure) figure = NULL;
  guint n_first = 0;

  for (guint i = 0; i < json_array_get_length (tables) && first == NULL; i++)
    {
      JsonObject *t = json_array_get_object_element (tables, i);

      if (g_str_equal (json_object_get_string_member (t, "role"), "budget") &&
          json_object_has_member (t, "total"))
        first = t;
    }
  g_assert_nonnull (first);
  n_first = json_array_get_length (json_object_get_array_member (first, "columns"));

  g_assert_cmpuint (g_list_model_get_n_items (figures), >=, n_first);
  figure = g_list_model_get_item (figures, 0);
  g_assert_cmpstr (quorum_figure_get_document (figure), ==, "sec-budget-2018-21");
  g_assert_cmpstr (quorum_figure_get_table (figure), ==,
                   json_object_get_string_member (first, "id"));
  g_assert_cmpstr (quorum_figure_get_row (figure), ==, "@total");
  g_clear_object (&figure);

  /* The later document follows, and 2020/21 appears in both. */
  {
    guint in_2020 = 0;
    const char *previous = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
      {
        g_autoptr(QuorumFigure) each = g_list_model_get_item (figures, i);

        if (previous != NULL)
          g_assert_cmpstr (previous, <=, quorum_figure_get_effective (each));
        previous = quorum_figure_get_effective (each);
        in_2020 += g_strcmp0 (quorum_figure_get_year (each), "2020/21") == 0;
      }
    g_assert_cmpuint (in_2020, >=, 2);
  }
}

static void
test_committee (void)
{
  g_autoptr(QuorumStore) store = load_sample ();
  g_autoptr(GListModel) figures =
    quorum_figures_for_committee (quorum_store_get_documents (store), "tabasc");
  gboolean cost = FALSE, fte = FALSE, meetings = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (figures), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(QuorumFigure) figure = g_list_model_get_item (figures, i);
      const char *role = quorum_figure_get_role (figure);

      g_assert_true (quorum_figure_is_about_committee (figure, "tabasc"));
      cost = cost || g_strcmp0 (role, "committee-costs") == 0;
      fte = fte || g_strcmp0 (role, "staffing") == 0;
      if (g_strcmp0 (role, "meetings") == 0 &&
          g_strcmp0 (quorum_figure_get_document (figure), "sec-budget-2020-23") == 0)
        {
          gint64 rate = 0, cost_at_rate = 0;

          meetings = TRUE;
          /* The document ties meetings to rooms at £1,000 a meeting. */
          g_assert_true (quorum_figure_get_rate (figure, &rate));
          g_assert_cmpint (rate, ==, 100000);
          g_assert_true (quorum_figure_get_cost_at_rate (figure, &cost_at_rate));
          g_assert_cmpint (cost_at_rate, ==, quorum_figure_get_amount (figure) * 1000);
        }
    }
  g_assert_true (cost);
  g_assert_true (fte);
  g_assert_true (meetings);
}

static void
test_collect (void)
{
  g_autoptr(QuorumStore) store = load_sample ();
  g_autoptr(GListModel) all = quorum_figures_collect (quorum_store_get_documents (store), NULL);
  g_autoptr(GListModel) meetings =
    quorum_figures_collect (quorum_store_get_documents (store), "meetings");
  gboolean any_computed = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (meetings), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (all), >, g_list_model_get_n_items (meetings));
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(QuorumFigure) figure = g_list_model_get_item (meetings, i);

      g_assert_cmpstr (quorum_figure_get_unit (figure), ==, "count");
    }
  for (guint i = 0; i < g_list_model_get_n_items (all) && !any_computed; i++)
    {
      g_autoptr(QuorumFigure) figure = g_list_model_get_item (all, i);

      any_computed = quorum_figure_get_is_computed (figure);
    }
  g_assert_true (any_computed);
}

/* In @json_table (read from the file), each row naming null for an operand
 * of a difference column: that cell is N/A in the store, with no finding. */
static guint
check_na_differences (QuorumTable *table,
                      JsonArray   *columns,
                      JsonArray   *rows)
{
  guint n_found = 0;

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonObject *values = json_object_has_member (row, "values")
                           ? json_object_get_object_member (row, "values") : NULL;

      for (guint c = 0; values != NULL && c < json_array_get_length (columns); c++)
        {
          JsonObject *column = json_array_get_object_element (columns, c);
          JsonArray *operands = json_object_has_member (column, "difference")
                                ? json_object_get_array_member (column, "difference") : NULL;

          for (guint o = 0; operands != NULL && o < json_array_get_length (operands); o++)
            {
              const char *operand = json_array_get_string_element (operands, o);
              QuorumRow *store_row;
              QuorumColumn *store_column;
              GPtrArray *findings;
              guint index;

              if (!json_object_has_member (values, operand) ||
                  !JSON_NODE_HOLDS_NULL (json_object_get_member (values, operand)))
                continue;
              store_row = quorum_table_find_row (table, json_object_get_string_member (row, "id"));
              store_column = quorum_table_find_column (
                table, json_object_get_string_member (column, "id"));
              g_assert_nonnull (store_row);
              g_assert_nonnull (store_column);
              index = quorum_column_get_index (store_column);
              g_assert_cmpint (quorum_row_get_effective (store_row, index)->kind, ==,
                               QUORUM_VALUE_NA);
              findings = quorum_row_get_findings (store_row, index);
              g_assert_true (findings == NULL || findings->len == 0);
              n_found++;
              break;
            }
        }
      if (json_object_has_member (row, "rows"))
        n_found += check_na_differences (table, columns,
                                         json_object_get_array_member (row, "rows"));
    }
  return n_found;
}

/* A difference with an N/A operand is N/A and never checked: Table 2 of
 * 2020-23 leaves the contingency's 2019/20 outturn blank (null), so its
 * variance is N/A, not the 2020/21 figure. */
static void
test_na_difference (void)
{
  g_autoptr(QuorumStore) store = load_sample ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = read_document ("sec-budget-2020-23", parser);
  JsonArray *tables = json_object_get_array_member (root, "tables");
  QuorumBudgetDocument *document = quorum_store_find_document (store, "sec-budget-2020-23");
  guint n_found = 0;

  g_assert_nonnull (document);
  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      JsonObject *json_table = json_array_get_object_element (tables, t);
      QuorumTable *table = quorum_budget_document_find_table (
        document, json_object_get_string_member (json_table, "id"));

      g_assert_nonnull (table);
      n_found += check_na_differences (table, json_object_get_array_member (json_table, "columns"),
                                       json_object_get_array_member (json_table, "rows"));
    }
  /* The contingency of Table 2, at least. */
  g_assert_cmpuint (n_found, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/change", test_change);
  g_test_add_func ("/figures/headline", test_headline);
  g_test_add_func ("/figures/committee", test_committee);
  g_test_add_func ("/figures/collect", test_collect);
  g_test_add_func ("/figures/na-difference", test_na_difference);

  return g_test_run ();
}
