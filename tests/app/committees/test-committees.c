/* test-committees.c: the chart and the committees on the sample store
 *
 * Each view is placed in a window of its own, as the main window will host
 * it, on the bundled sample store (read-only: nothing here writes). Every
 * expected figure is read from the store's JSON files here, never written
 * into the test. Runs under Xvfb (build-aux/run-tests); skips cleanly
 * without a display.
 *
 * With QUORUM_SCREENSHOT_DIR set, also saves the screenshots of
 * docs/screenshots (committees.png, committees-compare.png;
 * "-dark" ones when run with ADW_DEBUG_COLOR_SCHEME=prefer-dark).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-chart.h"
#include "quorum-committees-view.h"
#include "quorum-core.h"
#include "quorum-figure-line.h"
#include "quorum-figure-test-util.h"
#include "quorum-ui-test-util.h"

static QuorumStore *store;

/* --- the store's JSON ------------------------------------------------------- */

static gboolean
row_is_about (JsonObject *row,
              const char *committee_id)
{
  if (json_object_has_member (row, "committee") &&
      g_strcmp0 (json_object_get_string_member (row, "committee"), committee_id) == 0)
    return TRUE;
  if (json_object_has_member (row, "committees"))
    {
      JsonArray *ids = json_object_get_array_member (row, "committees");

      for (guint i = 0; i < json_array_get_length (ids); i++)
        if (g_strcmp0 (json_array_get_string_element (ids, i), committee_id) == 0)
          return TRUE;
    }
  return FALSE;
}

static JsonObject *
find_column (JsonObject *table,
             const char *column_id)
{
  JsonArray *columns = json_object_get_array_member (table, "columns");

  for (guint c = 0; c < json_array_get_length (columns); c++)
    {
      JsonObject *column = json_array_get_object_element (columns, c);

      if (g_str_equal (json_object_get_string_member (column, "id"), column_id))
        return column;
    }
  g_assert_not_reached ();
}

/* --- widgets ---------------------------------------------------------------- */

static void
collect_groups (GtkWidget *widget,
                GPtrArray *out)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_groups (child, out);
}

/* The shown group whose title has @title and whose description has
 * @description (NULL: any). */
static GtkWidget *
find_group (GtkWidget  *root,
            const char *title,
            const char *description)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *description_markup = description != NULL
                                        ? g_markup_escape_text (description, -1) : NULL;

  collect_groups (root, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (groups, i);
      const char *group_description = adw_preferences_group_get_description (group);

      if (strstr (adw_preferences_group_get_title (group), title_markup) != NULL &&
          (description == NULL ||
           (group_description != NULL && strstr (group_description, description_markup))))
        return GTK_WIDGET (group);
    }
  g_error ("no group “%s” (%s)", title, description != NULL ? description : "any");
}

static GtkWidget *
find_label_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_action_rows (GtkWidget *widget,
                     GPtrArray *out)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_action_rows (child, out);
}

/* The value shown beside @title in @group; NULL if no row has that title. */
static const char *
row_value (GtkWidget  *group,
           const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_action_rows (group, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *value;

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) != 0)
        continue;
      value = find_label_with_class (row, "row-value");
      g_assert_nonnull (value);
      return gtk_label_get_text (GTK_LABEL (value));
    }
  return NULL;
}

static const char *
row_subtitle (GtkWidget  *group,
              const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_action_rows (group, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
    }
  return NULL;
}

/* The pixel at (@x, @y) of @texture, as 0xAARRGGBB. */
static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels[y * width + x];
}

/* --- the chart -------------------------------------------------------------- */

typedef struct
{
  GtkWidget *widget;
  int width;
} WidthAbove;

/* A condition: the widget is wider than the width. */
static gboolean
width_above (gpointer data)
{
  WidthAbove *above = data;

  return gtk_widget_get_width (above->widget) > above->width;
}

static void
test_chart (void)
{
  const char * const categories[] = { "TABASC", "OPSG", "TAG", NULL };
  const char * const series[] = { "Core team", "Experts", NULL };
  const gint64 values[] = {
    46258100, 14308500,
    62615600, 8585100,
    48201200, QUORUM_CHART_NO_VALUE,
  };
  QuorumChart *chart = QUORUM_CHART (quorum_chart_new ());
  GtkWindow *window;
  const char *text;
  graphene_rect_t bounds;
  guint category, series_index;
  g_autofree char *segment = NULL;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autofree char *accessible_error = NULL;

  quorum_chart_set_title (chart, "Costs by committee");
  quorum_chart_set_value_title (chart, "Cost");
  quorum_chart_set_category_title (chart, "committee");
  quorum_chart_set_data (chart, categories, series, values);
  g_assert_cmpuint (quorum_chart_get_n_categories (chart), ==, 3);
  g_assert_cmpuint (quorum_chart_get_n_series (chart), ==, 2);
  g_assert_cmpint (quorum_chart_get_value (chart, 1, 1), ==, 8585100);
  g_assert_cmpint (quorum_chart_get_value (chart, 2, 1), ==, QUORUM_CHART_NO_VALUE);

  /* Every bar and value in words. */
  text = quorum_chart_get_text_alternative (chart);
  g_assert_nonnull (strstr (text, "Cost by committee."));
  g_assert_nonnull (strstr (text, "TABASC: Core team £462,581, Experts £143,085, "
                                  "total £605,666."));
  g_assert_nonnull (strstr (text, "OPSG: Core team £626,156, Experts £85,851, total £712,007."));
  g_assert_nonnull (strstr (text, "TAG: Core team £482,012, Experts no figure, total £482,012."));
  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Costs by committee");
  accessible_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                         text);
  g_assert_null (accessible_error);

  /* Drawn, each segment where the pointer finds it, its tooltip's words. */
  window = quorum_figure_test_host (GTK_WIDGET (chart), "Chart", 640, 400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >=, 300);
  for (guint c = 0; c < 3; c++)
    for (guint s = 0; s < 2; s++)
      {
        gboolean drawn = quorum_chart_get_segment_bounds (chart, c, s, &bounds);

        g_assert_true (drawn == (values[c * 2 + s] != QUORUM_CHART_NO_VALUE));
        if (!drawn)
          continue;
        g_assert_cmpfloat (bounds.size.width, >, 1);
        g_assert_true (quorum_chart_get_segment_at (chart,
                                                    bounds.origin.x + bounds.size.width / 2,
                                                    bounds.origin.y + bounds.size.height / 2,
                                                    &category, &series_index));
        g_assert_cmpuint (category, ==, c);
        g_assert_cmpuint (series_index, ==, s);
      }
  /* Bars are in proportion: OPSG's core team is the longest segment. */
  g_assert_true (quorum_chart_get_segment_bounds (chart, 1, 0, &bounds));
  {
    graphene_rect_t other;

    g_assert_true (quorum_chart_get_segment_bounds (chart, 0, 0, &other));
    g_assert_cmpfloat (bounds.size.width, >, other.size.width);
  }
  g_assert_false (quorum_chart_get_segment_at (chart, 1, 1, NULL, NULL));
  segment = quorum_chart_dup_segment_text (chart, 0, 1);
  g_assert_cmpstr (segment, ==, "TABASC — Experts: £143,085 of £605,666");
  g_clear_pointer (&segment, g_free);
  segment = quorum_chart_dup_segment_text (chart, 2, 1);
  g_assert_cmpstr (segment, ==, "TAG — Experts: no figure");

  /* Rendered without a critical (they are fatal here), in the accent
   * colour; in dark colours once the style changes. */
  g_assert_true (quorum_chart_get_segment_bounds (chart, 0, 1, &bounds));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  quorum_test_wait_frame (chart);
  light = quorum_figure_test_render (GTK_WIDGET (chart));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  quorum_test_wait_frame (chart);
  dark = quorum_figure_test_render (GTK_WIDGET (chart));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  quorum_test_wait_frame (chart);
  {
    int x = bounds.origin.x + bounds.size.width / 2;
    int y = bounds.origin.y + bounds.size.height / 2;

    /* The second series is in a palette for each, opaque. */
    g_assert_cmpuint (pixel_at (light, x, y), !=, pixel_at (dark, x, y));
    g_assert_cmphex (pixel_at (light, x, y) >> 24, ==, 0xff);
    g_assert_cmphex (pixel_at (dark, x, y) >> 24, ==, 0xff);
  }

  /* Larger, the chart grows with its window. */
  {
    int before = gtk_widget_get_width (GTK_WIDGET (chart));
    WidthAbove wider = { GTK_WIDGET (chart), before };

    gtk_window_set_default_size (window, 900, 500);
    /* Resized by the X server, then laid out. */
    g_assert_true (quorum_test_wait_for (width_above, &wider));
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >, before);
  }

  /* Nothing to show: it says so. */
  quorum_chart_clear (chart);
  g_assert_nonnull (strstr (quorum_chart_get_text_alternative (chart), "No figures."));
  quorum_test_wait_frame (chart);
  g_clear_object (&light);
  light = quorum_figure_test_render (GTK_WIDGET (chart));
  quorum_figure_test_destroy (window);
}

/* --- the committees --------------------------------------------------------- */

static QuorumCommitteesView *
new_committees_view (GtkWindow **window)
{
  GtkWidget *view = g_object_new (QUORUM_TYPE_COMMITTEES_VIEW, "store", store, NULL);

  *window = quorum_figure_test_host (view, "Committees", 1100, 760);
  return QUORUM_COMMITTEES_VIEW (view);
}

static void
select_committee (QuorumCommitteesView *view,
                  const char           *committee_id)
{
  g_autofree char *name = g_strconcat ("committee-", committee_id, NULL);
  GtkWidget *row = quorum_test_find_named (GTK_WIDGET (view), name);
  GtkWidget *list = quorum_test_find_named (GTK_WIDGET (view), "committees-list");

  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
  g_signal_emit_by_name (list, "row-activated", row);
  quorum_test_iterate ();
  g_assert_cmpstr (quorum_committees_view_get_committee (view), ==, committee_id);
}

/* Whether any row of any table of any budget is about the committee. */
static gboolean
has_figures (GPtrArray  *budgets,
             const char *committee_id)
{
  for (guint b = 0; b < budgets->len; b++)
    {
      JsonArray *tables = json_object_get_array_member (g_ptr_array_index (budgets, b),
                                                        "tables");

      for (guint t = 0; t < json_array_get_length (tables); t++)
        {
          JsonObject *table = json_array_get_object_element (tables, t);
          g_autoptr(GPtrArray) rows = g_ptr_array_new ();

          quorum_figure_test_collect_json_rows (json_object_get_array_member (table, "rows"),
                                                rows);
          for (guint r = 0; r < rows->len; r++)
            if (row_is_about (g_ptr_array_index (rows, r), committee_id))
              return TRUE;
        }
    }
  return FALSE;
}

static void
test_committees_list (void)
{
  g_autoptr(JsonObject) register_json = quorum_figure_test_load_json ("committees.json");
  JsonArray *committees = json_object_get_array_member (register_json, "committees");
  g_autoptr(GPtrArray) budgets = quorum_figure_test_load_budgets ();
  GtkWindow *window;
  QuorumCommitteesView *view = new_committees_view (&window);
  GtkWidget *list = quorum_test_find_named (GTK_WIDGET (view), "committees-list");
  g_autoptr(GString) accessible = g_string_new (NULL);
  guint n_rows = 0, n_without = 0;

  g_assert_cmpuint (json_array_get_length (committees), >, 0);
  for (guint i = 0; i < json_array_get_length (committees); i++)
    {
      JsonObject *committee = json_array_get_object_element (committees, i);
      const char *id = json_object_get_string_member (committee, "id");
      g_autofree char *name = g_strconcat ("committee-", id, NULL);
      GtkWidget *row = quorum_test_find_named (list, name);
      g_autofree char *short_name = g_strconcat ("label:",
                                                 json_object_get_string_member (committee,
                                                                                "short"),
                                                 "\n", NULL);
      gboolean without = quorum_test_find_named (row, "no-figures") != NULL;

      g_assert_true (GTK_IS_LIST_BOX_ROW (row));
      quorum_figure_test_assert_shows (row, short_name);
      if (json_object_has_member (committee, "service_area"))
        quorum_figure_test_assert_shows (row, json_object_get_string_member (committee,
                                                                             "service_area"));
      /* "No figures in any document" exactly where no budget row is about it. */
      g_assert_true (without == !has_figures (budgets, id));
      if (without)
        {
          quorum_figure_test_assert_shows (row, "No figures in any document");
          n_without++;
        }

      /* The row reads as one sentence to assistive technologies. */
      g_string_assign (accessible, json_object_get_string_member (committee, "short"));
      if (g_strcmp0 (json_object_get_string_member (committee, "name"),
                     json_object_get_string_member (committee, "short")) != 0)
        g_string_append_printf (accessible, ", %s",
                                json_object_get_string_member (committee, "name"));
      if (json_object_has_member (committee, "service_area"))
        g_string_append_printf (accessible, ", %s",
                                json_object_get_string_member (committee, "service_area"));
      if (without)
        g_string_append (accessible, ", No figures in any document");
      gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str);
    }
  /* The sample has committees without figures (CSC, TBEC, …). */
  g_assert_cmpuint (n_without, >, 0);

  /* Nothing else: the comparison and one row per committee. */
  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) &&
        g_str_has_prefix (gtk_widget_get_name (child), "committee-"))
      n_rows++;
  g_assert_cmpuint (n_rows, ==, json_array_get_length (committees));
  g_assert_nonnull (quorum_test_find_named (list, "compare"));

  /* A committee without figures says so on its page too. */
  for (guint i = 0; i < json_array_get_length (committees); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (committees,
                                                                                     i), "id");

      if (has_figures (budgets, id))
        continue;
      select_committee (view, id);
      g_assert_nonnull (quorum_test_find_named (GTK_WIDGET (view), "no-figures"));
      quorum_figure_test_assert_shows (view, "row:No figures in any document");
      break;
    }
  quorum_figure_test_destroy (window);
}

/* The title of a figure's row on a committee's page: the year and phase. */
static char *
year_title (JsonObject *column)
{
  const char *year = json_object_get_string_member (column, "year");
  const char *phase = json_object_has_member (column, "phase")
                      ? json_object_get_string_member (column, "phase") : NULL;

  if (g_strcmp0 (phase, "outturn") == 0)
    phase = "out-turn";
  return phase != NULL ? g_strdup_printf ("%s %s", year, phase) : g_strdup (year);
}

static const char *
component_label (const char *component)
{
  if (g_strcmp0 (component, "core-team") == 0)
    return "Core team";
  if (g_strcmp0 (component, "sme") == 0)
    return "Subject matter experts";
  if (g_strcmp0 (component, "independent-chair") == 0)
    return "Independent chair";
  return NULL;
}

static void
test_committee_page (void)
{
  g_autoptr(JsonObject) register_json = quorum_figure_test_load_json ("committees.json");
  JsonArray *committees = json_object_get_array_member (register_json, "committees");
  g_autoptr(GPtrArray) budgets = quorum_figure_test_load_budgets ();
  GtkWindow *window;
  QuorumCommitteesView *view = new_committees_view (&window);
  JsonObject *tabasc = NULL;
  guint n_costs = 0, n_fte = 0, n_meetings = 0;
  gboolean costs_2020_21 = FALSE;

  for (guint i = 0; i < json_array_get_length (committees); i++)
    {
      JsonObject *committee = json_array_get_object_element (committees, i);

      if (g_str_equal (json_object_get_string_member (committee, "id"), "tabasc"))
        tabasc = committee;
    }
  g_assert_nonnull (tabasc);

  select_committee (view, "tabasc");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (quorum_test_find_named (GTK_WIDGET (view),
                                                              "committee-title"))),
                   ==, json_object_get_string_member (tabasc, "name"));
  quorum_figure_test_assert_shows (view, json_object_get_string_member (tabasc, "note"));
  /* Established and meets, from the register, as dates and words. */
  g_assert_cmpstr (json_object_get_string_member (tabasc, "established"), ==, "2015-11-01");
  g_assert_cmpstr (json_object_get_string_member (tabasc, "meets"), ==, "monthly");
  quorum_figure_test_assert_shows (view, "label:Established 1 November 2015 · Meets monthly\n");

  for (guint b = 0; b < budgets->len; b++)
    {
      JsonObject *budget = g_ptr_array_index (budgets, b);
      const char *document_title = json_object_get_string_member (budget, "title");
      JsonArray *tables = json_object_get_array_member (budget, "tables");

      for (guint t = 0; t < json_array_get_length (tables); t++)
        {
          JsonObject *table = json_array_get_object_element (tables, t);
          const char *role = json_object_get_string_member (table, "role");
          const char *table_title = json_object_get_string_member (table, "title");
          g_autoptr(GPtrArray) rows = g_ptr_array_new ();
          gint64 rate = 0;
          gboolean has_rate = g_str_equal (role, "meetings") &&
                              quorum_figure_test_meeting_rate (
                                budget, json_object_get_string_member (table, "id"), &rate);

          quorum_figure_test_collect_json_rows (json_object_get_array_member (table, "rows"),
                                                rows);
          for (guint r = 0; r < rows->len; r++)
            {
              JsonObject *row = g_ptr_array_index (rows, r);
              JsonObject *row_values = json_object_get_object_member (row, "values");
              g_autoptr(GList) ids = NULL;
              GtkWidget *group;

              if (!row_is_about (row, "tabasc"))
                continue;
              if (!g_str_equal (role, "committee-costs") && !g_str_equal (role, "staffing") &&
                  !g_str_equal (role, "meetings"))
                continue;
              group = find_group (GTK_WIDGET (view), document_title, table_title);
              ids = json_object_get_members (row_values);
              for (GList *l = ids; l != NULL; l = l->next)
                {
                  JsonObject *column = find_column (table, l->data);
                  gint64 amount;
                  g_autofree char *expected = NULL;
                  g_autofree char *title = NULL;

                  g_assert_true (quorum_figure_test_json_hundredths (
                                   json_object_get_member (row_values, l->data), &amount));
                  if (g_str_equal (role, "committee-costs"))
                    {
                      const char *component = json_object_has_member (column, "component")
                        ? json_object_get_string_member (column, "component") : NULL;

                      title = g_strdup (component != NULL
                                        ? component_label (component)
                                        : json_object_get_string_member (column, "label"));
                      expected = quorum_figure_test_format (amount, "GBP");
                      costs_2020_21 = costs_2020_21 ||
                                      g_strcmp0 (json_object_get_string_member (column, "year"),
                                                 "2020/21") == 0;
                      n_costs++;
                    }
                  else if (g_str_equal (role, "staffing"))
                    {
                      g_autofree char *number = quorum_figure_test_format (amount, "fte");
                      const char *grade = json_object_get_string_member (column, "grade");

                      g_assert_true (g_str_has_prefix (grade, "grade-"));
                      title = g_strdup_printf ("Grade %s", grade + strlen ("grade-"));
                      expected = g_strdup_printf ("%s FTE", number);
                      n_fte++;
                    }
                  else
                    {
                      g_autofree char *number = quorum_figure_test_format (amount, "count");

                      title = year_title (column);
                      expected = g_strdup_printf (amount == 100 ? "%s meeting" : "%s meetings",
                                                  number);
                      if (has_rate)
                        {
                          gint64 cost;
                          g_autofree char *cost_text = NULL;
                          g_autofree char *rate_text = quorum_figure_test_format (rate, "GBP");
                          g_autofree char *subtitle = NULL;

                          g_assert_true (quorum_amount_mul_hundredths (amount, rate, &cost));
                          cost_text = quorum_figure_test_format (cost, "GBP");
                          subtitle = g_strdup_printf ("%s at %s a meeting", cost_text, rate_text);
                          g_assert_cmpstr (row_subtitle (group, title), ==, subtitle);
                        }
                      n_meetings++;
                    }
                  g_assert_nonnull (title);
                  if (g_strcmp0 (row_value (group, title), expected) != 0)
                    g_error ("%s / %s / %s: “%s” shown, “%s” in %s", document_title, table_title,
                             title, row_value (group, title), expected,
                             json_object_get_string_member (budget, "id"));
                }
            }
        }
    }
  /* The sample gives TABASC costs for 2020/21, FTE by grade and meetings. */
  g_assert_true (costs_2020_21);
  g_assert_cmpuint (n_costs, >, 0);
  g_assert_cmpuint (n_fte, >, 0);
  g_assert_cmpuint (n_meetings, >, 0);
  quorum_figure_test_assert_shows (view, "2020/21 — ");

  quorum_figure_test_save_screenshot (GTK_WIDGET (window), "committees");

  /* A row that covers several committees counts for each: PFCG's meetings
   * are those of "Panel/Board and PFCG", and the page says so. */
  select_committee (view, "pfcg");
  quorum_figure_test_assert_shows (view, "counts in full for each committee it lists");
  quorum_figure_test_destroy (window);
}

static GtkColumnViewColumn *
find_view_column (GtkColumnView *column_view,
                  const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("no column “%s”", title);
}

static const char *
selected_string (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
select_string (GtkDropDown *drop_down,
               const char  *text)
{
  GListModel *items = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (items), i), text))
      {
        gtk_drop_down_set_selected (drop_down, i);
        quorum_test_iterate ();
        return;
      }
  g_error ("no “%s” to choose", text);
}

typedef struct
{
  const char *label;
  gint64 total;
} Expected;

static int
compare_expected_total (gconstpointer a,
                        gconstpointer b)
{
  const Expected *ea = a, *eb = b;

  return (ea->total < eb->total) - (ea->total > eb->total);
}

/* The chart's bars are the comparison's lines, in the order shown. */
static void
assert_chart_in_order (QuorumChart *chart,
                       GListModel  *lines)
{
  guint n = g_list_model_get_n_items (lines);

  g_assert_cmpuint (quorum_chart_get_n_categories (chart), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumFigureLine) line = g_list_model_get_item (lines, i);

      g_assert_true (g_str_has_prefix (quorum_chart_get_category (chart, i),
                                       quorum_figure_line_get_label (line)));
    }
}

static void
test_comparison (void)
{
  g_autoptr(GPtrArray) budgets = quorum_figure_test_load_budgets ();
  g_autoptr(JsonObject) register_json = quorum_figure_test_load_json ("committees.json");
  JsonArray *committees = json_object_get_array_member (register_json, "committees");
  GtkWindow *window;
  QuorumCommitteesView *view = new_committees_view (&window);
  GtkWidget *list = quorum_test_find_named (GTK_WIDGET (view), "committees-list");
  GtkColumnView *column_view =
    GTK_COLUMN_VIEW (quorum_test_find_named (GTK_WIDGET (view), "compare-list"));
  GtkDropDown *documents =
    GTK_DROP_DOWN (quorum_test_find_named (GTK_WIDGET (view), "compare-document"));
  GtkDropDown *sort = GTK_DROP_DOWN (quorum_test_find_named (GTK_WIDGET (view), "compare-sort"));
  GListModel *lines = quorum_committees_view_get_comparison (view);
  QuorumChart *chart = quorum_committees_view_get_comparison_chart (view);
  guint n_compared = 0;

  /* The comparison row, as a user picks it. */
  gtk_list_box_select_row (GTK_LIST_BOX (list),
                           GTK_LIST_BOX_ROW (quorum_test_find_named (list, "compare")));
  quorum_test_iterate ();
  g_assert_null (quorum_committees_view_get_committee (view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_view)));

  for (guint b = 0; b < budgets->len; b++)
    {
      JsonObject *budget = g_ptr_array_index (budgets, b);
      JsonArray *tables = json_object_get_array_member (budget, "tables");
      JsonObject *table = NULL;
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Expected));
      const char *text;

      /* The document's first table of costs by committee, if any. */
      for (guint t = 0; t < json_array_get_length (tables) && table == NULL; t++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (tables, t),
                                                        "role"), "committee-costs"))
          table = json_array_get_object_element (tables, t);
      if (table == NULL)
        continue;

      /* Picked in the drop-down by its title. */
      select_string (documents, json_object_get_string_member (budget, "title"));
      n_compared++;

      /* One line per (committee) row of the table, with its figures. */
      quorum_figure_test_collect_json_rows (json_object_get_array_member (table, "rows"), rows);
      g_assert_cmpuint (g_list_model_get_n_items (lines), ==, rows->len);
      text = quorum_chart_get_text_alternative (chart);
      for (guint r = 0; r < rows->len; r++)
        {
          JsonObject *row = g_ptr_array_index (rows, r);
          JsonObject *row_values = json_object_get_object_member (row, "values");
          JsonArray *columns = json_object_get_array_member (table, "columns");
          Expected e = { json_object_get_string_member (row, "label"), 0 };
          gboolean found = FALSE;

          g_assert_nonnull (strstr (text, e.label));
          for (guint i = 0; i < g_list_model_get_n_items (lines) && !found; i++)
            {
              g_autoptr(QuorumFigureLine) line = g_list_model_get_item (lines, i);

              if (!g_str_equal (quorum_figure_line_get_label (line), e.label))
                continue;
              found = TRUE;
              for (guint c = 0; c < json_array_get_length (columns); c++)
                {
                  JsonObject *column = json_array_get_object_element (columns, c);
                  const char *id = json_object_get_string_member (column, "id");
                  gint64 amount, shown;
                  g_autofree char *formatted = NULL;

                  if (!json_object_has_member (row_values, id) ||
                      !quorum_figure_test_json_hundredths (json_object_get_member (row_values,
                                                                                   id),
                                                           &amount))
                    continue;
                  g_assert_true (quorum_figure_line_get_amount (line, c, &shown));
                  g_assert_cmpint (shown, ==, amount);
                  formatted = quorum_figure_test_format (amount, "GBP");
                  g_assert_cmpstr (quorum_figure_line_get_text (line, c), ==, formatted);
                  if (json_object_has_member (column, "sum"))
                    e.total = amount;
                  else
                    {
                      /* Each component's value is in the chart's words. */
                      g_autofree char *words = g_strdup_printf ("%s %s",
                                                                component_label (
                                                                  json_object_get_string_member (
                                                                    column, "component")),
                                                                formatted);

                      g_assert_nonnull (strstr (text, words));
                    }
                }
            }
          g_assert_true (found);
          g_array_append_val (expected, e);
        }

      /* Sorted by the total, biggest first, then smallest first. */
      g_array_sort (expected, compare_expected_total);
      gtk_column_view_sort_by_column (column_view, find_view_column (column_view, "Total"),
                                      GTK_SORT_DESCENDING);
      quorum_test_iterate ();
      for (guint i = 0; i < expected->len; i++)
        {
          g_autoptr(QuorumFigureLine) line = g_list_model_get_item (lines, i);
          Expected *e = &g_array_index (expected, Expected, i);
          g_autoptr(QuorumFigureLine) next = i + 1 < expected->len
                                             ? g_list_model_get_item (lines, i + 1) : NULL;

          /* Equal totals may come in either order. */
          if (next == NULL || e->total != g_array_index (expected, Expected, i + 1).total)
            g_assert_cmpstr (quorum_figure_line_get_label (line), ==, e->label);
        }
      /* The sort drop-down (for the keyboard) follows the heading… */
      g_assert_cmpstr (selected_string (sort), ==, "Total, largest first");
      gtk_column_view_sort_by_column (column_view, find_view_column (column_view, "Total"),
                                      GTK_SORT_ASCENDING);
      quorum_test_iterate ();
      {
        g_autoptr(QuorumFigureLine) first = g_list_model_get_item (lines, 0);
        Expected *smallest = &g_array_index (expected, Expected, expected->len - 1);

        g_assert_cmpstr (quorum_figure_line_get_label (first), ==, smallest->label);
      }
      g_assert_cmpstr (selected_string (sort), ==, "Total, smallest first");

      /* … and sorts: back to the document's order, then by the total. */
      select_string (sort, "Order of the document");
      for (guint r = 0; r < rows->len; r++)
        {
          g_autoptr(QuorumFigureLine) line = g_list_model_get_item (lines, r);

          g_assert_cmpstr (quorum_figure_line_get_label (line), ==,
                           json_object_get_string_member (g_ptr_array_index (rows, r), "label"));
        }
      select_string (sort, "Total, largest first");
      {
        g_autoptr(QuorumFigureLine) first = g_list_model_get_item (lines, 0);

        g_assert_cmpstr (quorum_figure_line_get_label (first), ==,
                         g_array_index (expected, Expected, 0).label);
      }
      /* The chart's bars follow the table's order. */
      assert_chart_in_order (chart, lines);

      /* The register's committees that no row is about are named. */
      for (guint i = 0; i < json_array_get_length (committees); i++)
        {
          JsonObject *committee = json_array_get_object_element (committees, i);
          const char *id = json_object_get_string_member (committee, "id");
          gboolean about = FALSE;

          for (guint r = 0; r < rows->len; r++)
            about = about || row_is_about (g_ptr_array_index (rows, r), id);
          if (!about)
            {
              GtkWidget *missing = quorum_test_find_named (GTK_WIDGET (view), "compare-missing");

              g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (missing)),
                                        json_object_get_string_member (committee, "short")));
            }
        }
    }
  g_assert_cmpuint (n_compared, >, 0);

  /* The screenshot: the newest document, sorted by the total. */
  gtk_drop_down_set_selected (documents, 0);
  gtk_column_view_sort_by_column (column_view, find_view_column (column_view, "Total"),
                                  GTK_SORT_DESCENDING);
  quorum_figure_test_save_screenshot (GTK_WIDGET (window), "committees-compare");
  quorum_figure_test_destroy (window);
}

/* SSC: the document states a total £1 short of its parts. Its page and the
 * comparison's chart show one figure, the stated total, both marked. */
static void
test_ssc_total (void)
{
  g_autoptr(GPtrArray) budgets = quorum_figure_test_load_budgets ();
  GtkWindow *window;
  QuorumCommitteesView *view = new_committees_view (&window);
  JsonObject *budget = NULL, *table = NULL, *ssc = NULL, *total_column = NULL;
  JsonArray *columns, *rows;
  gint64 stated = 0, parts = 0, chart_total = 0;
  g_autofree char *stated_text = NULL;
  g_autofree char *page_value = NULL;
  QuorumChart *chart;
  gboolean found = FALSE;

  /* The newest document's table of costs by committee, and its SSC row. */
  for (guint b = 0; b < budgets->len; b++)
    {
      JsonArray *tables = json_object_get_array_member (g_ptr_array_index (budgets, b),
                                                        "tables");

      for (guint t = 0; t < json_array_get_length (tables); t++)
        {
          JsonObject *candidate = json_array_get_object_element (tables, t);
          JsonArray *candidate_rows = json_object_get_array_member (candidate, "rows");

          if (!g_str_equal (json_object_get_string_member (candidate, "role"),
                            "committee-costs"))
            continue;
          for (guint r = 0; r < json_array_get_length (candidate_rows) && table == NULL; r++)
            if (row_is_about (json_array_get_object_element (candidate_rows, r), "ssc"))
              {
                budget = g_ptr_array_index (budgets, b);
                table = candidate;
                ssc = json_array_get_object_element (candidate_rows, r);
              }
        }
    }
  g_assert_nonnull (ssc);
  columns = json_object_get_array_member (table, "columns");
  rows = json_object_get_array_member (table, "rows");
  g_assert_cmpuint (json_array_get_length (rows), >, 0);
  for (guint c = 0; c < json_array_get_length (columns); c++)
    {
      JsonObject *column = json_array_get_object_element (columns, c);
      JsonObject *values = json_object_get_object_member (ssc, "values");
      const char *id = json_object_get_string_member (column, "id");
      gint64 amount;

      if (!json_object_has_member (values, id) ||
          !quorum_figure_test_json_hundredths (json_object_get_member (values, id), &amount))
        continue;
      if (json_object_has_member (column, "sum"))
        {
          stated = amount;
          total_column = column;
        }
      else
        g_assert_true (quorum_amount_add (parts, amount, &parts));
    }
  g_assert_nonnull (total_column);
  /* The disagreement is in the sample. */
  g_assert_cmpint (stated, !=, parts);
  stated_text = quorum_figure_test_format (stated, "GBP");

  /* The page: the stated total, marked. */
  select_committee (view, "ssc");
  page_value = g_strdup (row_value (find_group (GTK_WIDGET (view),
                                                json_object_get_string_member (budget, "title"),
                                                json_object_get_string_member (table, "title")),
                                    json_object_get_string_member (total_column, "label")));
  g_assert_true (g_str_has_prefix (page_value, stated_text));
  g_assert_nonnull (strstr (page_value, "≠"));

  /* The chart: SSC's bar, marked, comes to the same total. */
  g_assert_true (quorum_committees_view_show_comparison (
                   view, json_object_get_string_member (budget, "id"),
                   json_object_get_string_member (table, "id")));
  quorum_test_iterate ();
  chart = quorum_committees_view_get_comparison_chart (view);
  for (guint c = 0; c < quorum_chart_get_n_categories (chart); c++)
    {
      if (!g_str_has_prefix (quorum_chart_get_category (chart, c),
                             json_object_get_string_member (ssc, "label")) ||
          strstr (quorum_chart_get_category (chart, c), "≠") == NULL)
        continue;
      found = TRUE;
      for (guint s = 0; s < quorum_chart_get_n_series (chart); s++)
        if (quorum_chart_get_value (chart, c, s) != QUORUM_CHART_NO_VALUE)
          g_assert_true (quorum_amount_add (chart_total, quorum_chart_get_value (chart, c, s),
                                            &chart_total));
    }
  g_assert_true (found);
  g_assert_cmpint (chart_total, ==, stated);
  {
    g_autofree char *chart_text = quorum_figure_test_format (chart_total, "GBP");

    g_assert_true (g_str_has_prefix (page_value, chart_text));
  }
  quorum_figure_test_destroy (window);
}

/* Where there is no room for the parts' columns, the comparison shows the
 * committees and their totals (the chart shows the parts), every total
 * inside the table; where there is, every column. */
static void
test_comparison_narrow (void)
{
  const int widths[] = { 780, 1240 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkWidget *view = g_object_new (QUORUM_TYPE_COMMITTEES_VIEW, "store", store, NULL);
      GtkWindow *window = quorum_figure_test_host (view, "Committees", widths[w], 760);
      GtkWidget *list = quorum_test_find_named (view, "committees-list");
      GtkWidget *column_view = quorum_test_find_named (view, "compare-list");
      GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
      gboolean narrow = widths[w] < 1000;
      guint n_shown = 0;

      gtk_list_box_select_row (GTK_LIST_BOX (list),
                               GTK_LIST_BOX_ROW (quorum_test_find_named (list, "compare")));
      quorum_test_wait_frame (view);
      g_assert_cmpuint (g_list_model_get_n_items (columns), >, 2);
      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
          gboolean total = c == g_list_model_get_n_items (columns) - 1;

          if (total)
            g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "Total");
          g_assert_true (gtk_column_view_column_get_visible (column) ==
                         (c == 0 || total || !narrow));
          n_shown += gtk_column_view_column_get_visible (column);
        }
      g_assert_cmpuint (n_shown, ==, narrow ? 2 : g_list_model_get_n_items (columns));
      /* The column view is no wider than the room it is given. */
      g_assert_cmpint (gtk_widget_get_width (column_view), <=,
                       gtk_widget_get_width (gtk_widget_get_parent (column_view)));
      quorum_figure_test_destroy (window);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *store_path = quorum_store_dup_sample_path ();
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The chart's accessible role, label and description are read back
   * through GTK's test context (the suite's GTK_A11Y=none has none). */
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

  g_test_add_func ("/committees/chart", test_chart);
  g_test_add_func ("/committees/list", test_committees_list);
  g_test_add_func ("/committees/page", test_committee_page);
  g_test_add_func ("/committees/comparison", test_comparison);
  g_test_add_func ("/committees/comparison-narrow", test_comparison_narrow);
  g_test_add_func ("/committees/ssc-total", test_ssc_total);

  status = g_test_run ();
  g_clear_object (&store);
  return status;
}
