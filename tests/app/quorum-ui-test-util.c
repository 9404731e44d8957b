/* quorum-ui-test-util.c: helpers shared by the UI test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-ui-test-util.h"

#include <string.h>

#include "quorum-core.h"

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

/* --- waiting: on a condition or a signal, never for a time ---------------------- */

/* Sets the gboolean at @data once the deadline has passed. */
static gboolean
deadline_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* A deadline QUORUM_TEST_WAIT_SECONDS away: a timeout source that sets
 * *@expired, at a high priority so that it fires however busy the loop
 * is. */
static guint
add_deadline (gboolean *expired)
{
  g_autoptr(GSource) source = g_timeout_source_new_seconds (QUORUM_TEST_WAIT_SECONDS);

  *expired = FALSE;
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_callback (source, deadline_cb, expired, NULL);
  g_source_set_name (source, "quorum-test-deadline");
  return g_source_attach (source, NULL);
}

static void
remove_deadline (guint     id,
                 gboolean  expired)
{
  if (!expired)
    g_source_remove (id);
}

/* Runs what is ready in the main loop (idle callbacks, events already
 * received, timeouts already due), without waiting for anything that is
 * not: as many iterations as there is something ready, a few hundred at
 * most (an idle callback that never ends would otherwise spin). */
void
quorum_test_iterate (void)
{
  for (int i = 0; i < 500 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @condition (@data) holds, or
 * QUORUM_TEST_WAIT_SECONDS have passed; whether it holds. Nothing more runs
 * once it holds (an idle callback added before stays pending). No sleep
 * and no busy loop: each iteration blocks until a source is dispatched; a
 * slow wake-up timer dispatches one now and then for a condition that
 * changes outside the main loop (a server thread's counter, a file). */
gboolean
quorum_test_wait_until (QuorumTestCondition condition,
                        gpointer            data)
{
  gboolean expired;
  guint deadline = add_deadline (&expired);
  guint wake = g_timeout_add (250, wake_cb, NULL);
  gboolean holds;

  while (!(holds = condition (data)) && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  remove_deadline (deadline, expired);
  return holds;
}

static void
count_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
}

typedef struct
{
  GtkWidget *native;
  GdkFrameClock *clock;
  gulong handler;
  guint painted;
} FrameWait;

/* Whether every window of @waits has painted a frame since the wait began,
 * or has been hidden (a closed dialog paints no more). */
static gboolean
frames_painted (GArray *waits)
{
  for (guint i = 0; i < waits->len; i++)
    {
      FrameWait *wait = &g_array_index (waits, FrameWait, i);

      if (wait->painted == 0 && gtk_widget_get_mapped (wait->native))
        return FALSE;
    }
  return TRUE;
}

/* Asks the frame clock of each of @natives (shown GtkNatives) for a frame
 * and runs the main loop until each has painted one ("after-paint"): what
 * was queued before (a resize, a restyle, a draw) is laid out and drawn in
 * it. The frame is asked for, not a draw of the whole window queued: the
 * frame lays out and paints what GTK itself queued, and nothing is
 * repainted for the test's sake (a whole window's repaint at every wait
 * cost more CPU than the wait). Fails the test, naming @place, after
 * QUORUM_TEST_WAIT_SECONDS. */
static void
wait_frames (GPtrArray  *natives,
             const char *place)
{
  g_autoptr(GArray) waits = g_array_new (FALSE, TRUE, sizeof (FrameWait));
  gboolean expired;
  guint deadline;

  quorum_test_iterate ();
  for (guint i = 0; i < natives->len; i++)
    {
      GtkWidget *native = g_ptr_array_index (natives, i);
      FrameWait wait = { g_object_ref (native), gtk_widget_get_frame_clock (native), 0, 0 };

      if (wait.clock == NULL)
        g_error ("%s: a %s has no frame clock (not realized): no frame to wait for", place,
                 G_OBJECT_TYPE_NAME (native));
      g_object_ref (wait.clock);
      g_array_append_val (waits, wait);
    }
  /* Connected only once in the array: the counters do not move. */
  for (guint i = 0; i < waits->len; i++)
    {
      FrameWait *wait = &g_array_index (waits, FrameWait, i);

      wait->handler = g_signal_connect (wait->clock, "after-paint",
                                        G_CALLBACK (count_paint_cb), &wait->painted);
      gdk_frame_clock_request_phase (wait->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    }

  deadline = add_deadline (&expired);
  while (!frames_painted (waits) && !expired)
    g_main_context_iteration (NULL, TRUE);
  remove_deadline (deadline, expired);

  for (guint i = 0; i < waits->len; i++)
    {
      FrameWait *wait = &g_array_index (waits, FrameWait, i);

      if (wait->painted == 0 && gtk_widget_get_mapped (wait->native))
        g_error ("%s: the %s painted no frame in %d s", place, G_OBJECT_TYPE_NAME (wait->native),
                 QUORUM_TEST_WAIT_SECONDS);
      g_signal_handler_disconnect (wait->clock, wait->handler);
      g_object_unref (wait->clock);
      g_object_unref (wait->native);
    }
  quorum_test_iterate ();
}

/* Waits until the window (or popover) holding @widget has laid out and
 * painted a frame, after what is ready in the main loop has run; then runs
 * what that frame made ready. Fails the test, naming @place, if no frame
 * comes in QUORUM_TEST_WAIT_SECONDS. Use quorum_test_wait_frame(). */
void
quorum_test_wait_frame_at (gpointer    widget,
                           const char *place)
{
  g_autoptr(GPtrArray) natives = g_ptr_array_new ();
  GtkNative *native;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  native = gtk_widget_get_native (widget);
  if (native == NULL || !gtk_widget_get_mapped (GTK_WIDGET (native)))
    g_error ("%s: the %s is in no shown window: no frame to wait for", place,
             G_OBJECT_TYPE_NAME (widget));
  g_ptr_array_add (natives, native);
  wait_frames (natives, place);
}

/* Whether a stack, leaflet, flap or revealer under @widget (mapped) is in
 * the middle of a transition. */
static gboolean
in_transition (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if ((GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget))) ||
      (ADW_IS_LEAFLET (widget) &&
       adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget))) ||
      (GTK_IS_REVEALER (widget) &&
       gtk_revealer_get_child_revealed (GTK_REVEALER (widget)) !=
       gtk_revealer_get_reveal_child (GTK_REVEALER (widget))))
    return TRUE;
  if (ADW_IS_FLAP (widget))
    {
      double progress = adw_flap_get_reveal_progress (ADW_FLAP (widget));

      if (progress > 0 && progress < 1)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (in_transition (child))
      return TRUE;
  return FALSE;
}

/* As quorum_test_wait_frame_at(), then frame after frame until no stack,
 * leaflet, flap or revealer of the window is in a transition: the page
 * left is unmapped, a flap or a banner fully shown or gone. Fails the test
 * after QUORUM_TEST_WAIT_SECONDS. Use quorum_test_wait_still(). */
void
quorum_test_wait_still_at (gpointer    widget,
                           const char *place)
{
  gint64 deadline = g_get_monotonic_time () + QUORUM_TEST_WAIT_SECONDS * G_USEC_PER_SEC;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  quorum_test_wait_frame_at (widget, place);
  while (in_transition (GTK_WIDGET (gtk_widget_get_root (widget))))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s: a transition in the %s has not ended in %d s", place,
                 G_OBJECT_TYPE_NAME (gtk_widget_get_root (widget)), QUORUM_TEST_WAIT_SECONDS);
      quorum_test_wait_frame_at (widget, place);
    }
}

/* Waits until every shown window has painted a frame. */
static void
wait_all_frames (const char *place)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) natives = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWidget *window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (window))
        g_ptr_array_add (natives, window);
      else
        g_object_unref (window);
    }
  if (natives->len > 0)
    wait_frames (natives, place);
}

/* As quorum_test_wait_until(), then, once @condition holds, waits until
 * every shown window has laid out and painted a frame (as a widget that
 * has just been shown needs), and checks @condition again. */
gboolean
quorum_test_wait_for (QuorumTestCondition condition,
                      gpointer            data)
{
  if (!quorum_test_wait_until (condition, data))
    return FALSE;
  wait_all_frames (G_STRLOC);
  return condition (data);
}

/* What quorum_test_wait_width(), _wait_laid_out() and _wait_label() wait
 * for: a width, or a widget's name, or a label's text. */
typedef struct
{
  GtkWidget *widget;
  int width;
  const char *text;
} LayoutWait;

static gboolean
near_width (gpointer data)
{
  LayoutWait *wait = data;

  return ABS (gtk_widget_get_width (wait->widget) - wait->width) <= 24;
}

/* Runs the main loop until @widget (a window, once resized) is @width
 * wide, less the decorations' few pixels, and painted; whether it is. */
gboolean
quorum_test_wait_width (gpointer widget,
                        int      width)
{
  LayoutWait wait = { widget, width, NULL };

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return quorum_test_wait_for (near_width, &wait);
}

static gboolean
named_laid_out (gpointer data)
{
  LayoutWait *wait = data;
  g_autoptr(GPtrArray) found = quorum_test_find_all_named (wait->widget, wait->text);

  return found->len > 0 && gtk_widget_get_width (found->pdata[0]) > 0;
}

/* Runs the main loop until a mapped widget named @name under @widget (a
 * list's cell) has a width, and it is painted; whether it has. */
gboolean
quorum_test_wait_laid_out (gpointer    widget,
                           const char *name)
{
  LayoutWait wait = { widget, 0, name };

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return quorum_test_wait_for (named_laid_out, &wait);
}

/* Whether a mapped label at or under @widget reads exactly @text. */
gboolean
quorum_test_label_shown (gpointer    widget,
                         const char *text)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (quorum_test_label_shown (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
label_wait_shown (gpointer data)
{
  LayoutWait *wait = data;

  return quorum_test_label_shown (wait->widget, wait->text);
}

/* Runs the main loop until a mapped label under @widget reads @text, and
 * it is painted; whether it does. */
gboolean
quorum_test_wait_label (gpointer    widget,
                        const char *text)
{
  LayoutWait wait = { widget, 0, text };

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return quorum_test_wait_for (label_wait_shown, &wait);
}

/* A condition: the window @window shows its store: the store has loaded
 * and the window's stack shows its page (not "loading"; what the page
 * shows first, the sidebar or a view, depends on the width). */
gboolean
quorum_test_store_loaded (gpointer window)
{
  QuorumStore *store = quorum_window_get_store (QUORUM_WINDOW (window));
  GtkWidget *stack = quorum_test_find_type (GTK_WIDGET (window), GTK_TYPE_STACK);

  return store != NULL && quorum_store_is_loaded (store) && stack != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "store") == 0;
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
