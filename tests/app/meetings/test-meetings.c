/* test-meetings.c: the meeting forecasts on the sample store
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
#include "quorum-meetings-view.h"
#include "quorum-ui-test-util.h"

static QuorumStore *store;
static char *store_path;

/* --- the store's JSON ------------------------------------------------------- */

static JsonObject *
load_json (const char *relpath)
{
  g_autofree char *path = g_build_filename (store_path, relpath, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The budget documents' JSON, in file name order. */
static GPtrArray *
load_budgets (void)
{
  g_autofree char *dir_path = g_build_filename (store_path, "budgets", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *budgets = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_build_filename ("budgets", name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (budgets, load_json (g_ptr_array_index (names, i)));
  return budgets;
}

/* A JSON number in hundredths, exactly (two decimals at most, as the
 * format allows). FALSE for null (N/A). */
static gboolean
json_hundredths (JsonNode *node,
                 gint64   *out)
{
  char text[64];
  g_autoptr(GError) error = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node) * 100;
      return TRUE;
    }
  g_ascii_formatd (text, sizeof text, "%.2f", json_node_get_double (node));
  g_assert_true (quorum_amount_parse (text, out, &error));
  g_assert_no_error (error);
  return TRUE;
}

/* Every row of a table, at every depth, in order. */
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
        return json_hundredths (json_object_get_member (check, "factor"), rate);
    }
  return FALSE;
}

static char *
format (gint64      hundredths,
        const char *unit)
{
  return quorum_amount_format_display (hundredths, unit);
}

/* --- widgets ---------------------------------------------------------------- */

/* A few frames: what was queued is laid out and drawn. */
static void
settle (void)
{
  for (int i = 0; i < 10; i++)
    {
      quorum_test_iterate ();
      g_usleep (20000);
    }
  quorum_test_iterate ();
}

static void
wait_until_drawn (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  quorum_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (widget));
}

static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (out, "row:%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "label:%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_INSCRIPTION (widget))
    g_string_append_printf (out, "cell:%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static char *
texts_of (gpointer widget)
{
  GString *out = g_string_new (NULL);

  collect_texts (GTK_WIDGET (widget), out);
  return g_string_free (out, FALSE);
}

static void
assert_shows (gpointer    widget,
              const char *text)
{
  g_autofree char *texts = texts_of (widget);

  if (strstr (texts, text) == NULL)
    g_error ("“%s” is not shown; shown:\n%s", text, texts);
}

static GtkWindow *
host (GtkWidget  *view,
      const char *title,
      int         width,
      int         height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (view);
  return GTK_WINDOW (window);
}

static GdkTexture *
render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("QUORUM_SCREENSHOT_DIR");
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (dir == NULL)
    return;
  /* Every row drawn, every transition over. */
  settle ();
  settle ();
  file = g_strdup_printf ("%s%s.png", name, dark ? "-dark" : "");
  path = g_build_filename (dir, file, NULL);
  texture = render (widget);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
destroy (GtkWindow *window)
{
  gtk_window_destroy (window);
  quorum_test_iterate ();
}

/* --- the meetings ----------------------------------------------------------- */

static void
test_meetings (void)
{
  g_autoptr(GPtrArray) budgets = load_budgets ();
  GtkWidget *view = g_object_new (QUORUM_TYPE_MEETINGS_VIEW, "store", store, NULL);
  QuorumMeetingsView *meetings = QUORUM_MEETINGS_VIEW (view);
  GtkWindow *window = host (view, "Meetings", 1100, 760);
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
              g_assert_true (quorum_meetings_view_set_document (meetings, document_id));
              quorum_test_iterate ();
              g_assert_cmpstr (quorum_meetings_view_get_document (meetings), ==, document_id);
            }
          g_assert_cmpstr (quorum_meetings_view_get_table_id (meetings, shown), ==,
                           json_object_get_string_member (table, "id"));
          lines = quorum_meetings_view_get_table_lines (meetings, shown);
          chart = quorum_meetings_view_get_table_chart (meetings, shown);
          shown++;
          n_tables++;

          /* A line per row, then the total, then the cost at the rate. */
          collect_json_rows (top_rows, rows);
          has_rate = meeting_rate (budget, json_object_get_string_member (table, "id"), &rate);
          any_rate = any_rate || has_rate;
          g_assert_cmpuint (g_list_model_get_n_items (lines), ==, rows->len + 1 + has_rate);
          total = g_list_model_get_item (lines, rows->len);
          g_assert_cmpint (quorum_figure_line_get_kind (total), ==, QUORUM_FIGURE_LINE_TOTAL);
          if (has_rate)
            {
              g_autofree char *rate_text = format (rate, "GBP");
              g_autofree char *label = g_strdup_printf ("Cost at %s a meeting", rate_text);

              cost = g_list_model_get_item (lines, rows->len + 1);
              g_assert_cmpstr (quorum_figure_line_get_label (cost), ==, label);
              assert_shows (view, label);
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
                  g_assert_true (json_hundredths (json_object_get_member (values, id), &amount));
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
                      json_hundredths (json_object_get_member (values, id), &amount))
                    sum += amount;
                }
              g_assert_true (quorum_figure_line_get_amount (total, c, &shown_total));
              g_assert_cmpint (shown_total, ==, sum);
              sum_text = format (sum, "count");
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
          g_assert_cmpuint (quorum_meetings_view_get_n_tables (meetings), ==, shown);
          /* The chart's words and the table's cells are on screen. */
          assert_shows (view, "cell:Total\n");
        }
    }
  g_assert_cmpuint (n_tables, >, 0);
  g_assert_true (any_rate);

  /* The screenshot: the newest document. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (quorum_test_find_named (view, "meetings-document")),
                              0);
  save_screenshot (GTK_WIDGET (window), "meetings");
  destroy (window);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
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

  store_path = quorum_store_dup_sample_path ();
  store = quorum_store_new (store_path);
  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/meetings/forecasts", test_meetings);

  status = g_test_run ();
  g_clear_object (&store);
  g_free (store_path);
  return status;
}
