/* quorum-ui-test-util.c: helpers shared by the UI test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-ui-test-util.h"

#include <string.h>

#include "quorum-core.h"

/* Runs what is pending in the main loop, without waiting. */
void
quorum_test_iterate (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The first widget at or under @widget whose name is @name. */
GtkWidget *
quorum_test_find_named (GtkWidget  *widget,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = quorum_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first label at or under @widget that reads @text, shown or not. */
GtkWidget *
quorum_test_find_label (GtkWidget  *widget,
                        const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = quorum_test_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget at or under @widget of @type or a subtype. */
GtkWidget *
quorum_test_find_type (GtkWidget *widget,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = quorum_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, out);
}

/* Every mapped widget at or under @widget whose name is @name, in order. */
GPtrArray *
quorum_test_find_all_named (GtkWidget  *widget,
                            const char *name)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_named (widget, name, out);
  return out;
}

/* @widget (a GtkInscription or a GtkLabel) lies wholly inside @area (a
 * scrolled window: its visible part) and inside its window, and its text
 * fits its width: nothing of it is clipped or ellipsized. */
void
quorum_test_assert_fully_visible (GtkWidget *widget,
                                  GtkWidget *area)
{
  const char *text = GTK_IS_INSCRIPTION (widget)
                     ? gtk_inscription_get_text (GTK_INSCRIPTION (widget))
                     : gtk_label_get_text (GTK_LABEL (widget));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  GtkWidget *containers[] = { area, GTK_WIDGET (gtk_widget_get_root (widget)) };
  int text_width;

  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, containers[i], &bounds));
      if (bounds.origin.x < 0 ||
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (containers[i]) + 0.5)
        g_error ("“%s” (%s) is at %g–%g, outside 0–%d of its %s", text,
                 gtk_widget_get_name (widget), bounds.origin.x,
                 bounds.origin.x + bounds.size.width, gtk_widget_get_width (containers[i]),
                 G_OBJECT_TYPE_NAME (containers[i]));
    }
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  if (text_width > gtk_widget_get_width (widget))
    g_error ("“%s” (%s) needs %d px, has %d", text, gtk_widget_get_name (widget), text_width,
             gtk_widget_get_width (widget));
}

/* How many decimals the number in @text has (the last point's digits). */
guint
quorum_test_decimals (const char *text)
{
  const char *point = strrchr (text, '.');

  return point != NULL ? (guint) strspn (point + 1, "0123456789") : 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
snapshot_into (const char *path,
               GString    *out)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_string_append_printf (out, "%s\n", child);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        snapshot_into (child, out);
      else if (g_file_get_contents (child, &contents, &length, NULL))
        g_string_append_len (out, contents, length);
    }
}

/* Every file and folder under @path with its content, sorted, to see that
 * nothing changed. */
char *
quorum_test_snapshot_tree (const char *path)
{
  GString *out = g_string_new (NULL);

  snapshot_into (path, out);
  return g_string_free (out, FALSE);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition (@data) holds, or
 * QUORUM_TEST_WAIT_SECONDS have passed; whether it holds. Nothing more runs
 * once it holds (an idle callback added before stays pending). No sleep:
 * the loop blocks until something happens, and a slow timer wakes it to see
 * the deadline. */
gboolean
quorum_test_wait_until (QuorumTestCondition condition,
                        gpointer            data)
{
  gint64 deadline = g_get_monotonic_time () + QUORUM_TEST_WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (250, wake_cb, NULL);
  gboolean holds;

  while (!(holds = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return holds;
}

/* As quorum_test_wait_until(), then runs what is pending (as a frame's
 * layout, once a widget shows). */
gboolean
quorum_test_wait_for (QuorumTestCondition condition,
                      gpointer            data)
{
  quorum_test_wait_until (condition, data);
  quorum_test_iterate ();
  return condition (data);
}

/* A condition: the window @window shows its store (the sidebar's Overview
 * row is mapped once the store has loaded). */
gboolean
quorum_test_store_loaded (gpointer window)
{
  GtkWidget *sidebar_row = quorum_test_find_named (GTK_WIDGET (window), "overview");

  return sidebar_row != NULL && gtk_widget_get_mapped (sidebar_row);
}

/* A new window of @app on the store at @path, presented, once the store
 * has loaded; @width and @height are its default size, or -1 to leave the
 * window's own. */
QuorumWindow *
quorum_test_open_window (QuorumApplication *app,
                         const char        *path,
                         int                width,
                         int                height)
{
  QuorumWindow *window = quorum_window_new (app);

  if (width > 0 || height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  quorum_window_open_store (window, path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (quorum_test_wait_for (quorum_test_store_loaded, window));
  return window;
}

typedef gboolean (*DialogMatch) (GtkWidget     *window,
                                 gconstpointer  data);

static AdwMessageDialog *
find_toplevel_dialog (DialogMatch   match,
                      gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (window) && match (window, data))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_heading (GtkWidget     *window,
             gconstpointer  heading)
{
  return ADW_IS_MESSAGE_DIALOG (window) &&
         g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0;
}

static gboolean
has_type (GtkWidget     *window,
          gconstpointer  type)
{
  return G_OBJECT_TYPE (window) == (GType) GPOINTER_TO_SIZE (type);
}

/* The visible message dialog (of any subclass) whose heading is @heading,
 * if there is one. */
AdwMessageDialog *
quorum_test_find_dialog (const char *heading)
{
  return find_toplevel_dialog (has_heading, heading);
}

/* The visible message dialog of exactly @type (AdwMessageDialog or a
 * subclass), if there is one. */
AdwMessageDialog *
quorum_test_find_dialog_of_type (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, ADW_TYPE_MESSAGE_DIALOG), NULL);

  return find_toplevel_dialog (has_type, GSIZE_TO_POINTER (type));
}

/* A condition: a dialog with the heading @heading (a string) is shown. */
gboolean
quorum_test_dialog_shown (gpointer heading)
{
  return quorum_test_find_dialog (heading) != NULL;
}

/* A condition: a dialog of exactly the type @type (a GType, as a pointer
 * with GSIZE_TO_POINTER) is shown. */
gboolean
quorum_test_dialog_of_type_shown (gpointer type)
{
  return quorum_test_find_dialog_of_type ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

/* Clicks the response button of @dialog (an AdwMessageDialog) labelled
 * @label, as a user does (adw_message_dialog_response() would not close
 * the dialog): the button is there and sensitive, and the dialog closes. */
void
quorum_test_respond (gpointer    dialog,
                     const char *label)
{
  GtkWidget *button = NULL;
  GtkWidget *walk = GTK_WIDGET (dialog);

  /* Depth-first over the dialog's widgets for a button with this label. */
  while (walk != NULL && button == NULL)
    {
      if (GTK_IS_BUTTON (walk) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (walk)), label) == 0)
        button = walk;
      else if (gtk_widget_get_first_child (walk) != NULL)
        walk = gtk_widget_get_first_child (walk);
      else
        {
          while (walk != GTK_WIDGET (dialog) && gtk_widget_get_next_sibling (walk) == NULL)
            walk = gtk_widget_get_parent (walk);
          walk = walk == GTK_WIDGET (dialog) ? NULL : gtk_widget_get_next_sibling (walk);
        }
    }
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_ref (dialog);
  g_signal_emit_by_name (button, "clicked");
  quorum_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
}

/* A copy of the sample store in @parent/store; its path. */
char *
quorum_test_copy_sample (const char *parent)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  char *store = g_build_filename (parent, "store", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_store_copy_folder (sample, store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* A timeout or signal callback: sets the gboolean at @flag. */
gboolean
quorum_test_set_flag_cb (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Does what pressing @key on @widget does: runs the action of the shortcut
 * of @widget's own shortcut controllers that has @key among its triggers
 * (GTK 4 has no public way to synthesize a key event); fails when none
 * has, or when the action does nothing. */
void
quorum_test_press_key (GtkWidget  *widget,
                       const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *triggers =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) alternatives = g_strsplit (triggers, "|", -1);

          if (g_strv_contains ((const char * const *) alternatives, key))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              quorum_test_iterate ();
              return;
            }
        }
    }
  g_error ("no shortcut %s on %s", key, G_OBJECT_TYPE_NAME (widget));
}

/* A copy of the sample store in a new temporary folder named after @tmpl
 * (as g_dir_make_tmp() takes it), whose path goes to @out_parent; the
 * store's path. */
char *
quorum_test_copy_sample_to_tmp (const char  *tmpl,
                                char       **out_parent)
{
  g_autofree char *parent = g_dir_make_tmp (tmpl, NULL);
  char *store;

  g_assert_nonnull (parent);
  store = quorum_test_copy_sample (parent);
  *out_parent = g_steal_pointer (&parent);
  return store;
}

/* A condition: the gboolean at @flag is TRUE. */
gboolean
quorum_test_flag_is_set (gpointer flag)
{
  return *(gboolean *) flag;
}

/* Starts a UI test program: $XDG_DATA_HOME becomes a new temporary folder,
 * whose path goes to @out_data_home (the user's own store and GNOME's
 * recent files go there, never to the real ones), then g_test_init() (not
 * G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's XDG_DATA_DIRS for the
 * MIME database and icons; settings are in memory, GSETTINGS_BACKEND),
 * GTK, libadwaita and a registered, non-unique application. Without a
 * display the test is skipped and the folder removed: NULL, and main()
 * returns 77. */
QuorumApplication *
quorum_test_app_init (int    *argc,
                      char ***argv,
                      char  **out_data_home)
{
  g_autofree char *data_home = g_dir_make_tmp ("quorum-data-XXXXXX", NULL);
  QuorumApplication *app;

  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under Xvfb (build-aux/run-tests does)");
      quorum_test_rm_rf (data_home);
      return NULL;
    }
  adw_init ();

  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  *out_data_home = g_steal_pointer (&data_home);
  return app;
}
