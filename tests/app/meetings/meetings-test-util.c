/* meetings-test-util.c: the sample store's meetings, for the meetings' UI tests
 *
 * The meetings are loaded and linked as the store will load them (the
 * store does not read meetings/ yet); what a test expects is read from
 * the same files with json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "meetings-test-util.h"
#include "quorum-meeting-links.h"
#include "quorum-ui-test-util.h"

char *
meetings_dir (void)
{
  g_autofree char *store = quorum_store_dup_sample_path ();

  return g_build_filename (store, "meetings", NULL);
}

/* Links @meetings (of QuorumMeeting) to the committees, documents and work
 * packages of @store, as the store does once every file has loaded. */
void
link_meetings (QuorumStore *store,
               GPtrArray   *meetings)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *lists[3] = {
    quorum_store_get_committees (store),
    quorum_store_get_documents (store),
    quorum_store_get_work_packages (store),
  };
  GPtrArray *arrays[3];

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      arrays[l] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
        g_ptr_array_add (arrays[l], g_list_model_get_item (lists[l], i));
    }
  _quorum_meetings_link (meetings, arrays[0], arrays[1], arrays[2], problems);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    g_ptr_array_unref (arrays[l]);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The sample store's meetings, linked as the store links them. */
GListModel *
load_meetings (QuorumStore *store)
{
  g_autofree char *dir = meetings_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *model = g_list_store_new (QUORUM_TYPE_MEETING);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      g_ptr_array_add (meetings, quorum_meeting_new_from_data (path, data, length, problems));
    }
  g_assert_cmpuint (problems->len, ==, 0);
  link_meetings (store, meetings);
  for (guint i = 0; i < meetings->len; i++)
    g_list_store_append (model, g_ptr_array_index (meetings, i));
  return G_LIST_MODEL (model);
}

/* The root object of the sample meeting file @name (e.g. "secp-39.json"),
 * read with json-glib; owned by @parser. */
JsonObject *
read_meeting_json (JsonParser *parser,
                   const char *name)
{
  g_autofree char *dir = meetings_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Worked out from the files: a ref's status is its latest update's, where
 * "latest" is by meeting date; the sample has one update at most per ref
 * and meeting. */
void
expected_read (Expected *expected)
{
  g_autofree char *dir = meetings_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) update_date = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                             g_free, g_free);
  const char *name;

  expected->status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  expected->due = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  expected->owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;
      JsonArray *list;
      const char *date;

      g_assert_true (json_parser_load_from_file (parser, path, NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      date = json_object_get_string_member (root, "date");
      list = json_object_get_array_member (root, "actions");
      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonObject *action = json_array_get_object_element (list, i);
          const char *ref = json_object_get_string_member (action, "ref");

          if (!g_hash_table_contains (update_date, ref))
            g_hash_table_insert (expected->status, g_strdup (ref),
                                 g_strdup (json_object_get_string_member (action, "status")));
          if (json_object_has_member (action, "due"))
            g_hash_table_insert (expected->due, g_strdup (ref),
                                 g_strdup (json_object_get_string_member (action, "due")));
          if (json_object_has_member (action, "owner"))
            g_hash_table_insert (expected->owner, g_strdup (ref),
                                 g_strdup (json_object_get_string_member (action, "owner")));
        }
      list = json_object_get_array_member (root, "action_updates");
      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonObject *update = json_array_get_object_element (list, i);
          const char *ref = json_object_get_string_member (update, "ref");
          const char *before = g_hash_table_lookup (update_date, ref);

          if (before != NULL && strcmp (before, date) > 0)
            continue;
          g_hash_table_insert (update_date, g_strdup (ref), g_strdup (date));
          g_hash_table_insert (expected->status, g_strdup (ref),
                               g_strdup (json_object_get_string_member (update, "status")));
        }
    }
  g_assert_cmpuint (g_hash_table_size (expected->status), >, 0);
}

void
expected_clear (Expected *expected)
{
  g_hash_table_unref (expected->status);
  g_hash_table_unref (expected->due);
  g_hash_table_unref (expected->owner);
}

gboolean
expected_overdue (Expected   *expected,
                  const char *ref)
{
  const char *due = g_hash_table_lookup (expected->due, ref);

  return due != NULL && strcmp (due, TODAY) < 0 &&
         g_strcmp0 (g_hash_table_lookup (expected->status, ref), "open") == 0;
}

/* The app's style sheet, which AdwApplication loads from its resources
 * and these tests, having none, load here once. */
static void
ensure_style (void)
{
  static GtkCssProvider *provider;

  if (provider != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/secpanel/Quorum/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* @view in a window of its own under a header bar, with the app's style,
 * shown. */
GtkWindow *
show_in_window (GtkWidget  *view,
                const char *title,
                int         width,
                int         height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  ensure_style ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* With QUORUM_SCREENSHOT_DIR set, saves @widget as NAME.png there, or
 * NAME-dark.png in the dark style. */
void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("QUORUM_SCREENSHOT_DIR");
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;
  /* Every row laid out, every transition over. */
  quorum_test_wait_still (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s%s.png", dir, name, dark ? "-dark" : "");
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}
