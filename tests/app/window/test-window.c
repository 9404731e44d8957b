/* test-window.c: the real main window, on the sample store and a broken one
 *
 * Runs under Xvfb (build-aux/run-tests); skips cleanly without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-core.h"
#include "quorum-preferences-window.h"
#include "quorum-list-row.h"
#include "quorum-window.h"
#include "quorum-ui-test-util.h"

static QuorumApplication *app;

static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "row:%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "subtitle:%s\n",
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (QUORUM_IS_LIST_ROW (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "subtitle:%s\n",
                            quorum_list_row_get_subtitle (QUORUM_LIST_ROW (widget)));
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "label:%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static char *
window_texts (GtkWidget *window)
{
  GString *out = g_string_new (NULL);

  collect_texts (window, out);
  return g_string_free (out, FALSE);
}

/* A condition: the window @window shows its store, or why it cannot. */
static gboolean
store_shown (gpointer window)
{
  g_autofree char *texts = window_texts (GTK_WIDGET (window));

  /* The store page shows the documents group once loading has finished. */
  return strstr (texts, "label:Budget Documents") != NULL ||
         strstr (texts, "The Store Could Not Be Opened") != NULL;
}

static QuorumWindow *
open_window (QuorumApplication *application,
             const char        *path)
{
  QuorumWindow *window = quorum_window_new (application);

  quorum_window_open_store (window, path);
  gtk_window_present (GTK_WINDOW (window));
  /* Then laid out and painted, every row mapped. */
  g_assert_true (quorum_test_wait_for (store_shown, window));
  return window;
}

static void
test_sample_store (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window;
  g_autofree char *texts = NULL;

  window = open_window (app, sample);
  texts = window_texts (GTK_WIDGET (window));

  g_assert_nonnull (strstr (texts, "row:SEC Panel Approved Budget 2018–2021\n"));
  g_assert_nonnull (strstr (texts, "row:SEC Panel Budget 2020–2023\n"));
  g_assert_nonnull (strstr (texts, "subtitle:Approved · 2017/18–2020/21 · version 1.0 · "
                                   "10 tables · budgets/sec-budget-2018-21.json\n"));
  g_assert_nonnull (strstr (texts, "label:4 mismatches · 1 rounding\n"));
  g_assert_nonnull (strstr (texts, "label:6 mismatches · 18 rounding\n"));
  g_assert_nonnull (strstr (texts, "label:2 documents in budgets/\n"));
  g_assert_nonnull (strstr (texts, "row:TABASC — Technical Architecture and Business "
                                   "Architecture Sub-Committee\n"));
  /* No load errors: the problems group stays hidden. */
  g_assert_null (strstr (texts, "Files That Could Not Be Loaded"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_broken_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quorum-window-XXXXXX", NULL);
  g_autofree char *budgets = g_build_filename (dir, "budgets", NULL);
  g_autofree char *committees = g_build_filename (dir, "committees.json", NULL);
  g_autofree char *good = g_build_filename (budgets, "good.json", NULL);
  g_autofree char *bad = g_build_filename (budgets, "bad.json", NULL);
  g_autofree char *texts = NULL;
  QuorumWindow *window;

  g_assert_cmpint (g_mkdir (budgets, 0700), ==, 0);
  g_assert_true (g_file_set_contents (committees,
                                      "{\"format\": \"quorum.committees/1\", \"committees\": "
                                      "[{\"id\": \"tag\", \"short\": \"TAG\", "
                                      "\"name\": \"Technical Architecture Group\"}]}", -1, NULL));
  g_assert_true (g_file_set_contents (good,
                                      "{\"format\": \"quorum.budget/1\", \"id\": \"good\",\n"
                                      " \"title\": \"Good & Plain\", \"status\": \"draft\",\n"
                                      " \"tables\": [{\"id\": \"t\", "
                                      "\"columns\": [{\"id\": \"a\", "
                                      "\"year\": \"2020/21\"}],\n"
                                      "  \"rows\": [{\"id\": \"x\", \"values\": {\"a\": 1}}],\n"
                                      "  \"total\": {\"values\": {\"a\": 3}}}]}\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad,
                                      "{\"format\": \"quorum.budget/1\",\n"
                                      " \"id\": \"bad\",\n"
                                      " \"tables\": [{\"id\": \"t\", \"columns\": [],\n"
                                      "   \"rows\": 12.345}]}\n", -1, NULL));

  window = open_window (app, dir);
  texts = window_texts (GTK_WIDGET (window));

  g_assert_nonnull (strstr (texts, "label:Files That Could Not Be Loaded\n"));
  g_assert_nonnull (strstr (texts, "row:budgets/bad.json\n"));
  g_assert_nonnull (strstr (texts, "subtitle:Line 3, column 36 · $.tables[0].columns\n"
                                   "a table needs at least one column\n"));
  g_assert_nonnull (strstr (texts, "subtitle:Line 4, column 12 · $.tables[0].rows\n"
                                   "expected an array, found a number\n"));
  /* The good document still loads, with its one finding. */
  g_assert_nonnull (strstr (texts, "row:Good & Plain\n"));
  g_assert_nonnull (strstr (texts, "label:1 mismatch\n"));
  g_assert_nonnull (strstr (texts, "label:1 document in budgets/\n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_missing_store (void)
{
  g_autofree char *texts = NULL;
  QuorumWindow *window;

  window = open_window (app, "/nonexistent/quorum-store");
  texts = window_texts (GTK_WIDGET (window));

  g_assert_nonnull (strstr (texts, "The Store Could Not Be Opened"));
  g_assert_nonnull (strstr (texts, "/nonexistent/quorum-store: the store folder does not exist"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Until the store has loaded, the window shows its loading page alone (the
 * store's page is hidden: not styled nor measured for the first frame),
 * with a spinner that turns only once a load has taken half a second (the
 * sample store's does not). */
static void
test_loading_page (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = quorum_window_new (app);
  GtkWidget *spinner, *store_page;

  quorum_window_open_store (window, sample);
  gtk_window_present (GTK_WINDOW (window));
  spinner = quorum_test_find_type (GTK_WIDGET (window), GTK_TYPE_SPINNER);
  store_page = quorum_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
  g_assert_nonnull (spinner);
  g_assert_nonnull (store_page);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_false (gtk_widget_get_visible (store_page));

  g_assert_true (quorum_test_wait_for (store_shown, window));
  g_assert_true (gtk_widget_get_visible (store_page));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The preferences row titled @title, under @widget. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Preferences' style row sets the "style" setting, which the style manager
 * follows; without a server, the server's address has the focus. */
static void
test_preferences (void)
{
  GSettings *settings = quorum_application_get_settings (app);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  QuorumPreferencesWindow *preferences;
  GtkWidget *style_row, *url_row, *focus;
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT,
                                     ADW_COLOR_SCHEME_FORCE_DARK };
  const char * const names[] = { "default", "light", "dark" };

  g_settings_set_string (settings, "remote-url", "");
  preferences = quorum_preferences_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (preferences));
  quorum_test_wait_frame (preferences);

  url_row = find_row (GTK_WIDGET (preferences), "Server _Address");
  g_assert_nonnull (url_row);
  focus = gtk_window_get_focus (GTK_WINDOW (preferences));
  g_assert_nonnull (focus);
  g_assert_true (focus == url_row || gtk_widget_is_ancestor (focus, url_row));

  style_row = find_row (GTK_WIDGET (preferences), "_Style");
  g_assert_nonnull (style_row);
  g_assert_cmpstr (g_settings_get_string (settings, "style"), ==, "default");
  for (gint i = G_N_ELEMENTS (schemes) - 1; i >= 0; i--)
    {
      g_autofree char *style = NULL;

      adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), i);
      quorum_test_iterate ();
      style = g_settings_get_string (settings, "style");
      g_assert_cmpstr (style, ==, names[i]);
      g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, schemes[i]);
    }
  g_assert_false (adw_style_manager_get_dark (manager) &&
                  adw_style_manager_get_color_scheme (manager) == ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "style");
  g_settings_reset (settings, "remote-url");
}

/* The borders @node draws, CSS outlines among them, at any depth. */
static guint
count_borders (GskRenderNode *node)
{
  guint n = 0;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_BORDER_NODE:
      return 1;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_borders (gsk_container_node_get_child (node, i));
      return n;
    case GSK_TRANSFORM_NODE:
      return count_borders (gsk_transform_node_get_child (node));
    case GSK_CLIP_NODE:
      return count_borders (gsk_clip_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      return count_borders (gsk_rounded_clip_node_get_child (node));
    case GSK_OPACITY_NODE:
      return count_borders (gsk_opacity_node_get_child (node));
    case GSK_DEBUG_NODE:
      return count_borders (gsk_debug_node_get_child (node));
    default:
      return 0;
    }
}

/* The borders @widget draws itself, as it would in the window. */
static guint
widget_borders (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  return node != NULL ? count_borders (node) : 0;
}

typedef struct
{
  GtkWindow *window;
  GtkWidget *label;
  guint unfocused;
} FocusRing;

/* Whether the label, focused from the keyboard, draws more borders than
 * unfocused. GTK gives the focus widget its FOCUS_VISIBLE state only while
 * its window is the active one, and with no window manager another test's
 * window (the UI tests run two at a time on one X server) may take that
 * from it: the window is presented again until it is active. */
static gboolean
focus_ring_drawn (gpointer data)
{
  FocusRing *ring = data;

  if (!gtk_window_is_active (ring->window))
    {
      gtk_window_present (ring->window);
      return FALSE;
    }
  gtk_window_set_focus_visible (ring->window, TRUE);
  if (gtk_root_get_focus (GTK_ROOT (ring->window)) != ring->label)
    gtk_widget_grab_focus (ring->label);
  return (gtk_widget_get_state_flags (ring->label) & GTK_STATE_FLAG_FOCUS_VISIBLE) != 0 &&
         widget_borders (ring->label) > ring->unfocused;
}

/* A selectable label is a Tab stop: reached by the keyboard, it shows a
 * focus ring (an outline), as the other Tab stops do; the comparison's
 * total on the Committees view is one. */
static void
test_focus_ring (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = quorum_test_open_window (app, sample, 1100, 720);
  FocusRing ring = { GTK_WINDOW (window), NULL, 0 };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "committees"));
  g_assert_true (quorum_test_wait_laid_out (window, "compare-total"));
  ring.label = quorum_test_find_named (GTK_WIDGET (window), "compare-total");
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (ring.label)));
  g_assert_true (gtk_widget_get_focusable (ring.label));
  ring.unfocused = widget_borders (ring.label);

  g_assert_true (quorum_test_wait_until (focus_ring_drawn, &ring));

  /* Focused by a click (no focus ring wanted), it draws none. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  quorum_test_wait_frame (window);
  g_assert_false (gtk_widget_get_state_flags (ring.label) & GTK_STATE_FLAG_FOCUS_VISIBLE);
  g_assert_cmpuint (widget_borders (ring.label), ==, ring.unfocused);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  app = quorum_test_app_init (&argc, &argv, &data_home);
  if (app == NULL)
    return 77;

  g_test_add_func ("/window/sample-store", test_sample_store);
  g_test_add_func ("/window/broken-store", test_broken_store);
  g_test_add_func ("/window/missing-store", test_missing_store);
  g_test_add_func ("/window/loading-page", test_loading_page);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/focus-ring", test_focus_ring);

  status = g_test_run ();
  g_clear_object (&app);
  quorum_test_rm_rf (data_home);
  return status;
}
