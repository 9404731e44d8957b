/* test-meeting-forecast.c: each document's meeting forecasts, with their totals and costs
 *
 * Every expected figure is read from the sample store's JSON files here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-model-test-json.h"

static QuorumStore *store;

static void
collect_json_rows (JsonArray *rows,
                   GPtrArray *out)
{
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_ptr_array_add (out, row);
      if (json_object_has_member (row, "rows"))
        collect_json_rows (json_object_get_array_member (row, "rows"), out);
    }
}

/* The rate per meeting: the factor of the cross-check whose right side is
 * the meetings table's total. */
static gboolean
meeting_rate (JsonObject *budget,
              const char *table_id,
              gint64     *rate)
{
  JsonArray *checks = json_object_has_member (budget, "checks")
                      ? json_object_get_array_member (budget, "checks") : NULL;
  g_autofree char *prefix = g_strconcat (table_id, "/@total/", NULL);

  for (guint i = 0; checks != NULL && i < json_array_get_length (checks); i++)
    {
      JsonObject *check = json_array_get_object_element (checks, i);

      if (g_str_has_prefix (json_object_get_string_member (check, "right"), prefix) &&
          json_object_has_member (check, "factor"))
        return quorum_model_test_json_hundredths (json_object_get_member (check, "factor"), rate);
    }
  return FALSE;
}

static void
check_column (QuorumMeetingForecast *forecast,
              JsonObject            *table,
              GPtrArray             *rows,
              guint                  c,
              gboolean               has_rate,
              gint64                 rate)
{
  JsonArray *top_rows = json_object_get_array_member (table, "rows");
  const char *id = json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (table, "columns"), c), "id");
  g_autoptr(QuorumFigureLine) total = g_list_model_get_item (G_LIST_MODEL (forecast), rows->len);
  gint64 sum = 0, shown, expected_cost, shown_cost;

  for (guint r = 0; r < rows->len; r++)
    {
      g_autoptr(QuorumFigureLine) line = g_list_model_get_item (G_LIST_MODEL (forecast), r);
      JsonObject *values = json_object_get_object_member (g_ptr_array_index (rows, r), "values");
      gint64 amount, line_amount;

      if (!json_object_has_member (values, id))
        {
          g_assert_false (quorum_figure_line_get_amount (line, c, NULL));
          continue;
        }
      g_assert_true (quorum_model_test_json_hundredths (json_object_get_member (values, id),
                                                        &amount));
      g_assert_true (quorum_figure_line_get_amount (line, c, &line_amount));
      g_assert_cmpint (line_amount, ==, amount);
    }
  for (guint r = 0; r < json_array_get_length (top_rows); r++)
    {
      JsonObject *values = json_object_get_object_member (
        json_array_get_object_element (top_rows, r), "values");
      gint64 amount;

      if (json_object_has_member (values, id) &&
          quorum_model_test_json_hundredths (json_object_get_member (values, id), &amount))
        g_assert_true (quorum_amount_add (sum, amount, &sum));
    }
  g_assert_true (quorum_figure_line_get_amount (total, c, &shown));
  g_assert_cmpint (shown, ==, sum);
  g_assert_false (quorum_figure_line_get_warning (total, c));
  if (has_rate)
    {
      g_autoptr(QuorumFigureLine) cost = g_list_model_get_item (G_LIST_MODEL (forecast),
                                                                 rows->len + 1);

      g_assert_true (quorum_amount_mul_hundredths (sum, rate, &expected_cost));
      g_assert_true (quorum_figure_line_get_amount (cost, c, &shown_cost));
      g_assert_cmpint (shown_cost, ==, expected_cost);
    }
}

static void
test_forecasts (void)
{
  GListModel *documents = quorum_store_get_documents (store);
  guint n_tables = 0;
  gboolean any_rate = FALSE;

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, d);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *json =
        quorum_model_test_read_document (quorum_budget_document_get_id (document), parser);
      JsonArray *tables = json_object_get_array_member (json, "tables");
      g_autoptr(GListModel) forecasts =
        quorum_meeting_forecasts_new (document, quorum_store_get_committees (store));
      guint shown = 0;

      for (guint t = 0; t < json_array_get_length (tables); t++)
        {
          JsonObject *table = json_array_get_object_element (tables, t);
          JsonArray *columns = json_object_get_array_member (table, "columns");
          g_autoptr(GPtrArray) rows = g_ptr_array_new ();
          g_autoptr(QuorumMeetingForecast) forecast = NULL;
          g_autoptr(QuorumFigureLine) total = NULL;
          gint64 rate = 0, forecast_rate = 0;
          gboolean has_rate;

          if (!g_str_equal (json_object_get_string_member (table, "role"), "meetings"))
            continue;
          forecast = g_list_model_get_item (forecasts, shown++);
          n_tables++;
          g_assert_cmpstr (quorum_table_get_id (quorum_meeting_forecast_get_table (forecast)),
                           ==, json_object_get_string_member (table, "id"));
          collect_json_rows (json_object_get_array_member (table, "rows"), rows);
          has_rate = meeting_rate (json, json_object_get_string_member (table, "id"), &rate);
          any_rate = any_rate || has_rate;
          g_assert_cmpuint (quorum_meeting_forecast_get_n_rows (forecast), ==, rows->len);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (forecast)), ==,
                            rows->len + 1 + has_rate);
          g_assert_true (quorum_meeting_forecast_get_rate (forecast, &forecast_rate) ==
                         has_rate);
          if (has_rate)
            g_assert_cmpint (forecast_rate, ==, rate);
          total = g_list_model_get_item (G_LIST_MODEL (forecast), rows->len);
          g_assert_cmpint (quorum_figure_line_get_kind (total), ==, QUORUM_FIGURE_LINE_TOTAL);
          for (guint r = 0; r < rows->len; r++)
            {
              g_autoptr(QuorumFigureLine) line =
                g_list_model_get_item (G_LIST_MODEL (forecast), r);

              g_assert_cmpint (quorum_figure_line_get_kind (line), ==, QUORUM_FIGURE_LINE_ROW);
              g_assert_cmpstr (quorum_figure_line_get_label (line), ==,
                               json_object_get_string_member (g_ptr_array_index (rows, r),
                                                              "label"));
            }
          for (guint c = 0; c < json_array_get_length (columns); c++)
            check_column (forecast, table, rows, c, has_rate, rate);
        }
      g_assert_cmpuint (g_list_model_get_n_items (forecasts), ==, shown);
    }
  g_assert_cmpuint (n_tables, >, 0);
  g_assert_true (any_rate);
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

  g_test_add_func ("/meeting-forecast/forecasts", test_forecasts);

  status = g_test_run ();
  g_clear_object (&store);
  return status;
}
