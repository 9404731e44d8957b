/* quorum-figure-test-util.c: what the committees and meetings tests share
 *
 * The sample store's JSON, read with json-glib, and a window to host a
 * view in, its texts and its screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "quorum-figure-test-util.h"
#include "quorum-ui-test-util.h"

/* --- the store's JSON ------------------------------------------------------- */

JsonObject *
quorum_figure_test_load_json (const char *relpath)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *path = g_build_filename (sample, relpath, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The budget documents' JSON, in file name order. */
GPtrArray *
quorum_figure_test_load_budgets (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *dir_path = g_build_filename (sample, "budgets", NULL);
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
    g_ptr_array_add (budgets, quorum_figure_test_load_json (g_ptr_array_index (names, i)));
  return budgets;
}

/* A JSON number in hundredths, exactly (two decimals at most, as the
 * format allows). FALSE for null (N/A). */
gboolean
quorum_figure_test_json_hundredths (JsonNode *node,
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
void
quorum_figure_test_collect_json_rows (JsonArray *rows,
                                      GPtrArray *out)
{
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_ptr_array_add (out, row);
      if (json_object_has_member (row, "rows"))
        quorum_figure_test_collect_json_rows (json_object_get_array_member (row, "rows"), out);
    }
}

/* The rate per meeting: the factor of the cross-check whose right side is
 * the meetings table's total. */
gboolean
quorum_figure_test_meeting_rate (JsonObject *budget,
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
        return quorum_figure_test_json_hundredths (json_object_get_member (check, "factor"), rate);
    }
  return FALSE;
}

char *
quorum_figure_test_format (gint64      hundredths,
                           const char *unit)
{
  return quorum_amount_format_display (hundredths, unit);
}

/* --- widgets ---------------------------------------------------------------- */

static gboolean
drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* Runs the main loop until @widget is shown, laid out and painted. */
void
quorum_figure_test_wait_until_drawn (GtkWidget *widget)
{
  g_assert_true (quorum_test_wait_for (drawn, widget));
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

char *
quorum_figure_test_texts_of (gpointer widget)
{
  GString *out = g_string_new (NULL);

  collect_texts (GTK_WIDGET (widget), out);
  return g_string_free (out, FALSE);
}

void
quorum_figure_test_assert_shows (gpointer    widget,
                                 const char *text)
{
  g_autofree char *texts = quorum_figure_test_texts_of (widget);

  if (strstr (texts, text) == NULL)
    g_error ("“%s” is not shown; shown:\n%s", text, texts);
}

GtkWindow *
quorum_figure_test_host (GtkWidget  *view,
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
  quorum_figure_test_wait_until_drawn (view);
  return GTK_WINDOW (window);
}

GdkTexture *
quorum_figure_test_render (GtkWidget *widget)
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

void
quorum_figure_test_save_screenshot (GtkWidget  *widget,
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
  quorum_test_wait_still (widget);
  file = g_strdup_printf ("%s%s.png", name, dark ? "-dark" : "");
  path = g_build_filename (dir, file, NULL);
  texture = quorum_figure_test_render (widget);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

void
quorum_figure_test_destroy (GtkWindow *window)
{
  gtk_window_destroy (window);
  quorum_test_iterate ();
}

