/* test-forecast.c: the meeting forecasts on the sample store
 *
 * The view is placed in a window of its own, as the main window will host
 * it, on the bundled sample store (read-only: nothing here writes). Every
 * expected figure is read from the store's JSON files here, never written
 * into the test. Runs under Xvfb (build-aux/run-tests); skips cleanly
 * without a display.
 *
 * With QUORUM_SCREENSHOT_DIR set, also saves docs/screenshots/meetings.png
 * ("-dark" when run with ADW_DEBUG_COLOR_SCHEME=prefer-dark).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-chart.h"
#include "quorum-core.h"
#include "quorum-forecast-view.h"
#include "quorum-figure-test-util.h"
#include "quorum-ui-test-util.h"

static QuorumStore *store;

/* --- the meetings ----------------------------------------------------------- */

static void
test_meetings (void)
{
  g_autoptr(GPtrArray) budgets = quorum_figure_test_load_budgets ();
  GtkWidget *view = g_object_new (QUORUM_TYPE_FORECAST_VIEW, "store", store, NULL);
  QuorumForecastView *meetings = QUORUM_FORECAST_VIEW (view);
  GtkWindow *window = quorum_figure_test_host (view, "Meetings", 1100, 760);
  guint n_tables = 0;
  gboolean any_rate = FALSE;

  for (guint b = 0; b < budgets->len; b++)
    {
      JsonObject *budget = g_ptr_array_index (budgets, b);
      const char *document_id = json_object_get_string_member (budget, "id");
      JsonArray *tables = json_object_get_array_member (budget, "tables");
      guint shown = 0;

      for (guint t = 0; t < json_array_get_length (tables); t++)
        {
          JsonObject *table = json_array_get_object_element (tables, t);
          JsonArray *columns = json_object_get_array_member (table, "columns");
          JsonArray *top_rows = json_object_get_array_member (table, "rows");
          g_autoptr(GPtrArray) rows = g_ptr_array_new ();
          GListModel *lines;
          QuorumChart *chart;
          gint64 rate = 0;
          gboolean has_rate;
          g_autoptr(QuorumFigureLine) total = NULL;
          g_autoptr(QuorumFigureLine) cost = NULL;

          if (!g_str_equal (json_object_get_string_member (table, "role"), "meetings"))
            continue;
          if (shown == 0)
            {
              g_assert_true (quorum_forecast_view_set_document (meetings, document_id));
              quorum_test_iterate ();
              g_assert_cmpstr (quorum_forecast_view_get_document (meetings), ==, document_id);
            }
          g_assert_cmpstr (quorum_forecast_view_get_table_id (meetings, shown), ==,
                           json_object_get_string_member (table, "id"));
          lines = quorum_forecast_view_get_table_lines (meetings, shown);
          chart = quorum_forecast_view_get_table_chart (meetings, shown);
          shown++;
          n_tables++;

          /* A line per row, then the total, then the cost at the rate. */
          quorum_figure_test_collect_json_rows (top_rows, rows);
          has_rate = quorum_figure_test_meeting_rate (budget,
                                                      json_object_get_string_member (table, "id"),
                                                      &rate);
          any_rate = any_rate || has_rate;
          g_assert_cmpuint (g_list_model_get_n_items (lines), ==, rows->len + 1 + has_rate);
          total = g_list_model_get_item (lines, rows->len);
          g_assert_cmpint (quorum_figure_line_get_kind (total), ==, QUORUM_FIGURE_LINE_TOTAL);
          if (has_rate)
            {
              g_autofree char *rate_text = quorum_figure_test_format (rate, "GBP");
              g_autofree char *label = g_strdup_printf ("Cost at %s a meeting", rate_text);

              cost = g_list_model_get_item (lines, rows->len + 1);
              g_assert_cmpstr (quorum_figure_line_get_label (cost), ==, label);
              quorum_figure_test_assert_shows (view, label);
            }

          for (guint r = 0; r < rows->len; r++)
            {
              g_autoptr(QuorumFigureLine) line = g_list_model_get_item (lines, r);
              JsonObject *row = g_ptr_array_index (rows, r);

              g_assert_cmpstr (quorum_figure_line_get_label (line), ==,
                               json_object_get_string_member (row, "label"));
              g_assert_nonnull (strstr (quorum_chart_get_text_alternative (chart),
                                        json_object_get_string_member (row, "label")));
            }

          for (guint c = 0; c < json_array_get_length (columns); c++)
            {
              const char *id = json_object_get_string_member (
                json_array_get_object_element (columns, c), "id");
              gint64 sum = 0, shown_total, shown_cost, expected_cost;
              g_autofree char *sum_text = NULL;

              /* Each row's count as the document states it… */
              for (guint r = 0; r < rows->len; r++)
                {
                  g_autoptr(QuorumFigureLine) line = g_list_model_get_item (lines, r);
                  JsonObject *values = json_object_get_object_member (
                    g_ptr_array_index (rows, r), "values");
                  gint64 amount, line_amount;

                  if (!json_object_has_member (values, id))
                    {
                      g_assert_false (quorum_figure_line_get_amount (line, c, NULL));
                      continue;
                    }
                  g_assert_true (quorum_figure_test_json_hundredths (
                                   json_object_get_member (values, id), &amount));
                  g_assert_true (quorum_figure_line_get_amount (line, c, &line_amount));
                  g_assert_cmpint (line_amount, ==, amount);
                }
              /* … the total, the sum of the (top-level) rows … */
              for (guint r = 0; r < json_array_get_length (top_rows); r++)
                {
                  JsonObject *values = json_object_get_object_member (
                    json_array_get_object_element (top_rows, r), "values");
                  gint64 amount;

                  if (json_object_has_member (values, id) &&
                      quorum_figure_test_json_hundredths (json_object_get_member (values, id),
                                                          &amount))
                    g_assert_true (quorum_amount_add (sum, amount, &sum));
                }
              g_assert_true (quorum_figure_line_get_amount (total, c, &shown_total));
              g_assert_cmpint (shown_total, ==, sum);
              sum_text = quorum_figure_test_format (sum, "count");
              g_assert_cmpstr (quorum_figure_line_get_text (total, c), ==, sum_text);
              g_assert_false (quorum_figure_line_get_warning (total, c));

              /* … and the cost, that count times the rate. */
              if (!has_rate)
                continue;
              g_assert_true (quorum_amount_mul_hundredths (sum, rate, &expected_cost));
              g_assert_true (quorum_figure_line_get_amount (cost, c, &shown_cost));
              g_assert_cmpint (shown_cost, ==, expected_cost);
            }
        }
      if (shown > 0)
        {
          g_assert_cmpuint (quorum_forecast_view_get_n_tables (meetings), ==, shown);
          /* The chart's words and the table's cells are on screen. */
          quorum_figure_test_assert_shows (view, "cell:Total\n");
        }
    }
  g_assert_cmpuint (n_tables, >, 0);
  g_assert_true (any_rate);

  /* The screenshot: the newest document. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (quorum_test_find_named (view, "meetings-document")),
                              0);
  quorum_figure_test_save_screenshot (GTK_WIDGET (window), "meetings");
  quorum_figure_test_destroy (window);
}

/* A store that loads again keeps the document chosen, where it still is,
 * and shows the new store's tables of it. */
static void
test_reload_keeps_document (void)
{
  g_autoptr(GPtrArray) budgets = quorum_figure_test_load_budgets ();
  GtkWidget *view = g_object_new (QUORUM_TYPE_FORECAST_VIEW, "store", store, NULL);
  QuorumForecastView *meetings = QUORUM_FORECAST_VIEW (view);
  GtkWindow *window = quorum_figure_test_host (view, "Meetings", 1100, 760);
  g_autofree char *store_path = quorum_store_dup_sample_path ();
  g_autoptr(QuorumStore) again = quorum_store_new (store_path);
  g_autoptr(GError) error = NULL;
  const char *first = quorum_forecast_view_get_document (meetings);
  g_autofree char *chosen = NULL;
  guint n_tables;

  /* The document first offered is the newest; choose any other one. */
  g_assert_nonnull (first);
  for (guint b = 0; b < budgets->len && chosen == NULL; b++)
    {
      const char *id = json_object_get_string_member (g_ptr_array_index (budgets, b), "id");

      if (!g_str_equal (id, first) && quorum_forecast_view_set_document (meetings, id))
        chosen = g_strdup (id);
    }
  g_assert_nonnull (chosen);
  quorum_test_iterate ();
  g_assert_cmpstr (quorum_forecast_view_get_document (meetings), ==, chosen);
  n_tables = quorum_forecast_view_get_n_tables (meetings);
  g_assert_cmpuint (n_tables, >, 0);

  g_assert_true (quorum_store_load (again, NULL, &error));
  g_assert_no_error (error);
  quorum_forecast_view_set_store (meetings, again);
  quorum_test_iterate ();
  g_assert_cmpstr (quorum_forecast_view_get_document (meetings), ==, chosen);
  g_assert_cmpuint (quorum_forecast_view_get_n_tables (meetings), ==, n_tables);

  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *store_path = quorum_store_dup_sample_path ();
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The chart's accessible description is read back through GTK's test
   * context (the suite's GTK_A11Y=none has none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under Xvfb (build-aux/run-tests does)");
      return 77;
    }
  adw_init ();

  store = quorum_store_new (store_path);
  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/meetings/forecasts", test_meetings);
  g_test_add_func ("/meetings/reload-keeps-document", test_reload_keeps_document);

  status = g_test_run ();
  g_clear_object (&store);
  return status;
}
