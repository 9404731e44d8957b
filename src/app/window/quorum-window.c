/* quorum-window.c: the main window
 *
 * Opens a store on a worker thread and shows it in views picked in a
 * sidebar that folds away on narrow windows: the overview (filled in
 * quorum-window-overview.c), the checks, the work packages, each opening
 * onto its own page, and the budget pressure. The window keeps one
 * QuorumStore per folder opened, which watches itself once loaded: what
 * changes on disk (a decision taken with quorum-cli, a sync) is reloaded
 * by the store, changing its models only where files changed, so the
 * views bound to them keep their state; a file that cannot be loaded is
 * named in a banner while the rest of the store stays usable. Another store is opened from the
 * primary menu (Open Store…, Recent Stores). Deciding on a package is in
 * quorum-window-decide.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-searchable.h"
#include "quorum-ui-a11y.h"
#include "quorum-ui-util.h"
#include "quorum-window-private.h"

G_DEFINE_FINAL_TYPE (QuorumWindow, quorum_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The view names are the content stack's pages and the sidebar rows' names. */
static void
select_sidebar_row (QuorumWindow *self,
                    const char   *view)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), view) == 0)
      {
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
        return;
      }
}

/* The search entry of a view, when it has one: Ctrl+F goes there. */
static void finding_activated_cb (QuorumWindow  *self,
                                  QuorumFinding *finding);

/* The view in @page, built the first time it is asked for. */
static GtkWidget *
build_view (AdwBin *page,
            GType   type)
{
  if (adw_bin_get_child (page) == NULL)
    adw_bin_set_child (page, g_object_new (type, NULL));
  return adw_bin_get_child (page);
}

/* Builds the view of a page of the content stack the first time it is
 * shown; returns the view (or @page itself, for the overview). */
static GtkWidget *
ensure_view (QuorumWindow *self,
             GtkWidget    *page)
{
  if (page == NULL || G_OBJECT_TYPE (page) != ADW_TYPE_BIN)
    return page;

  if (page == GTK_WIDGET (self->budgets_page))
    self->budgets_view =
      QUORUM_BUDGETS_VIEW (build_view (self->budgets_page, QUORUM_TYPE_BUDGETS_VIEW));
  else if (page == GTK_WIDGET (self->committees_page))
    self->committees_view =
      QUORUM_COMMITTEES_VIEW (build_view (self->committees_page, QUORUM_TYPE_COMMITTEES_VIEW));
  else if (page == GTK_WIDGET (self->meetings_page))
    self->meetings_view =
      QUORUM_MEETINGS_VIEW (build_view (self->meetings_page, QUORUM_TYPE_MEETINGS_VIEW));
  else if (page == GTK_WIDGET (self->actions_page))
    self->actions_view =
      QUORUM_ACTIONS_VIEW (build_view (self->actions_page, QUORUM_TYPE_ACTIONS_VIEW));
  else if (page == GTK_WIDGET (self->notes_page))
    self->notes_view =
      QUORUM_NOTES_VIEW (build_view (self->notes_page, QUORUM_TYPE_NOTES_VIEW));
  else if (page == GTK_WIDGET (self->pressure_page))
    self->pressure_view =
      QUORUM_PRESSURE_VIEW (build_view (self->pressure_page, QUORUM_TYPE_PRESSURE_VIEW));
  else if (page == GTK_WIDGET (self->checks_page) && self->checks_view == NULL)
    {
      self->checks_view =
        QUORUM_CHECKS_VIEW (build_view (self->checks_page, QUORUM_TYPE_CHECKS_VIEW));
      g_signal_connect_object (self->checks_view, "finding-activated",
                               G_CALLBACK (finding_activated_cb), self, G_CONNECT_SWAPPED);
    }
  else if (page == GTK_WIDGET (self->work_packages_page) && self->work_packages_view == NULL)
    {
      self->work_packages_view = QUORUM_WORK_PACKAGES_VIEW (
        build_view (self->work_packages_page, QUORUM_TYPE_WORK_PACKAGES_VIEW));
      g_signal_connect_object (self->work_packages_view, "package-activated",
                               G_CALLBACK (_quorum_window_show_package), self,
                               G_CONNECT_SWAPPED);
    }
  return adw_bin_get_child (ADW_BIN (page));
}

static void
detach_view_cb (gpointer key,
                gpointer value,
                gpointer user_data)
{
  g_object_set (key, "store", NULL, NULL);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (key), "notes") != NULL)
    g_object_set (key, "notes", NULL, NULL);
}

/* A view is given the store when it is first shown: the views not shown
 * build nothing before the first frame, nor after each reload (they follow
 * the store's models once given it). */
static void
attach_view (QuorumWindow *self,
             GtkWidget    *view)
{
  if (self->store == NULL || self->attached == NULL || view == NULL ||
      g_hash_table_contains (self->attached, view))
    return;
  /* Every view has a "store" property; the overview is the window's own. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (view), "store") == NULL)
    return;
  g_hash_table_add (self->attached, g_object_ref (view));
  g_object_set (view, "store", self->store, NULL);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (view), "notes") != NULL)
    g_object_set (view, "notes", self->notes, NULL);
}

static void
view_changed_cb (QuorumWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->content_stack);
  GtkStackPage *page;
  gboolean searchable;

  if (child == NULL || self->attached == NULL)
    return;
  page = gtk_stack_get_page (self->content_stack, child);
  child = ensure_view (self, child);
  attach_view (self, child);
  searchable = QUORUM_IS_SEARCHABLE (child);
  adw_window_title_set_title (self->window_title, gtk_stack_page_get_title (page));
  select_sidebar_row (self, gtk_stack_page_get_name (page));
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), searchable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", searchable);
  _quorum_window_update_export (self);
}

/**
 * _quorum_window_ensure_view:
 * @name: a view's name, e.g. `meetings`
 *
 * Shows the view @name, built and given the store if it was not yet.
 *
 * Returns: (transfer none) (nullable): the view
 */
GtkWidget *
_quorum_window_ensure_view (QuorumWindow *self,
                            const char   *name)
{
  GtkWidget *view;

  _quorum_window_show_view (self, name);
  view = ensure_view (self, gtk_stack_get_child_by_name (self->content_stack, name));
  attach_view (self, view);
  return view;
}

/**
 * _quorum_window_show_view:
 * @view: a view's name, e.g. `checks`
 *
 * Shows @view (the list of the views, not a package's page), unless the
 * window has no such view.
 */
void
_quorum_window_show_view (QuorumWindow *self,
                          const char   *view)
{
  if (gtk_stack_get_child_by_name (self->content_stack, view) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->content_stack, view);
  adw_leaflet_set_visible_child_name (self->content_leaflet, "views");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
sidebar_row_activated_cb (QuorumWindow  *self,
                          GtkListBoxRow *row)
{
  _quorum_window_show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "store") == 0)
    _quorum_window_show_view (self, g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  GtkWidget *child = ensure_view (self, gtk_stack_get_visible_child (self->content_stack));
  const char *why_not = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "store") != 0)
    return;
  adw_leaflet_set_visible_child_name (self->content_leaflet, "views");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  if (QUORUM_IS_SEARCHABLE (child) &&
      !quorum_searchable_focus_search (QUORUM_SEARCHABLE (child), &why_not))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (why_not));
}

/* A finding of the Checks view: its cell, in the Budgets view. */
static void
finding_activated_cb (QuorumWindow  *self,
                      QuorumFinding *finding)
{
  _quorum_window_show_view (self, "budgets");
  quorum_budgets_view_show_cell (self->budgets_view,
                                 quorum_finding_get_document_id (finding),
                                 quorum_finding_get_table_id (finding),
                                 quorum_finding_get_row_id (finding),
                                 quorum_finding_get_column_id (finding));
}

/* Adds @file to @files unless it is there. */
static void
add_file_once (GPtrArray  *files,
               const char *file)
{
  if (!g_ptr_array_find_with_equal_func (files, file, g_str_equal, NULL))
    g_ptr_array_add (files, (gpointer) file);
}

/* "; 40 work packages and 12 meetings are affected": the files that load
 * but lack what a broken one held (the core's knock-on problems). */
static char *
dup_affected_text (GPtrArray *affected)
{
  guint n_packages = 0, n_meetings = 0, n_others;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last = NULL;
  g_autofree char *list = NULL;

  if (affected->len == 0)
    return g_strdup ("");
  for (guint i = 0; i < affected->len; i++)
    if (g_str_has_prefix (affected->pdata[i], "work-packages/"))
      n_packages++;
    else if (g_str_has_prefix (affected->pdata[i], "meetings/"))
      n_meetings++;
  n_others = affected->len - n_packages - n_meetings;
  if (n_packages > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u work package",
                                                          "%u work packages", n_packages),
                                             n_packages));
  if (n_meetings > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting",
                                                          "%u meetings", n_meetings),
                                             n_meetings));
  if (n_others > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other file",
                                                          "%u other files", n_others),
                                             n_others));
  last = g_ptr_array_steal_index (parts, parts->len - 1);
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);
  if (*list != '\0')
    /* Translators: "40 work packages" and "12 meetings" */
    return g_strdup_printf (_("; %s and %s are affected"), list, last);
  return affected->len == 1 ? g_strdup_printf (_("; %s is affected"), last)
                            : g_strdup_printf (_("; %s are affected"), last);
}

/* The banner, over every view: one line saying which files have errors
 * (the root causes) and how many others they affect; Show Problems lists
 * them. */
static void
update_banner (QuorumWindow *self)
{
  GListModel *problems = quorum_store_get_problems (self->store);
  guint n = g_list_model_get_n_items (problems);
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  g_autoptr(GPtrArray) affected = g_ptr_array_new ();
  g_autofree char *text = NULL;
  g_autofree char *affected_text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);
      const char *file = _quorum_window_path_in_store (self, quorum_problem_get_file (problem));

      if (quorum_problem_get_caused_by (problem) == NULL)
        add_file_once (roots, file);
      else
        add_file_once (affected, file);
    }
  affected_text = dup_affected_text (affected);

  if (n == 1 && roots->len == 1)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, 0);

      text = g_strdup_printf (_("%s could not be loaded: %s"), (char *) roots->pdata[0],
                              quorum_problem_get_message (problem));
    }
  else if (roots->len == 1 && affected->len == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s could not be loaded: %u error",
                                         "%s could not be loaded: %u errors", n),
                            (char *) roots->pdata[0], n);
  else if (roots->len == 1)
    /* Translators: the second %s is "; 40 work packages are affected" */
    text = g_strdup_printf (_("%s has errors%s"), (char *) roots->pdata[0], affected_text);
  else if (n > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file has errors%s",
                                         "%u files have errors%s", roots->len),
                            roots->len, affected_text);

  if (text != NULL)
    {
      gtk_label_set_text (self->banner_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->banner_label), text);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, n > 0);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  GtkAdjustment *adjustment;

  _quorum_window_show_view (self, "overview");
  /* The problems come first on the overview. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->overview_scroller);
  gtk_adjustment_set_value (adjustment, 0);
  gtk_widget_child_focus (GTK_WIDGET (self->problems_list), GTK_DIR_TAB_FORWARD);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->content_leaflet), "package") == 0)
    adw_leaflet_set_visible_child_name (self->content_leaflet, "views");
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

/* After a reload the package shown may be a new object (its file changed):
 * show the store's, or go back to the list when it is gone. */
static void
refresh_package_page (QuorumWindow *self)
{
  QuorumWorkPackage *shown = _quorum_window_get_package (self);
  QuorumWorkPackage *now = NULL;

  if (self->package_page == NULL ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->content_leaflet), "package") != 0)
    return;
  if (shown != NULL)
    now = quorum_store_find_work_package (self->store, quorum_work_package_get_id (shown));
  if (now != NULL)
    quorum_work_package_page_set_work_package (self->package_page, self->store, now);
  else
    adw_leaflet_set_visible_child_name (self->content_leaflet, "views");
}

#define QUORUM_WINDOW_SPINNER_DELAY_MS 500

static gboolean
start_spinner_cb (gpointer user_data)
{
  QuorumWindow *self = user_data;

  self->spinner_source = 0;
  gtk_spinner_start (self->loading_spinner);
  return G_SOURCE_REMOVE;
}

/* Shows @name of the window's stack: `loading`, `error` or `store`, each
 * page hidden (neither styled nor measured) until first shown. A page
 * shown before the window's first frame is not faded in: the store that
 * loads before it is the first thing drawn, with no loading page under it.
 * The loading page's spinner turns once a load has taken half a second:
 * none flashes by on a quick one, and drawing it (sixty frames a second,
 * in software on some machines) takes nothing from a short load. */
static void
show_page (QuorumWindow *self,
           const char   *name)
{
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  gtk_spinner_stop (self->loading_spinner);
  if (g_str_equal (name, "loading"))
    self->spinner_source = g_timeout_add (QUORUM_WINDOW_SPINNER_DELAY_MS, start_spinner_cb,
                                          self);
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, name), TRUE);
  gtk_stack_set_visible_child_full (self->stack, name,
                                    self->painted ? gtk_stack_get_transition_type (self->stack)
                                                  : GTK_STACK_TRANSITION_TYPE_NONE);
}

static void
stop_paint_watch (QuorumWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_clear_signal_handler (&self->paint_handler, clock);
}

static void
after_paint_cb (GdkFrameClock *clock,
                QuorumWindow  *self)
{
  /* A frame before the window's first layout drew nothing. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    return;
  self->painted = TRUE;
  g_clear_signal_handler (&self->paint_handler, clock);
}

static void
realize_cb (QuorumWindow *self)
{
  if (!self->painted && self->paint_handler == 0)
    self->paint_handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                            "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
show_load_error (QuorumWindow *self,
                 const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  show_page (self, "error");
  /* No decision waits for a store that did not open. */
  g_clear_pointer (&self->resume_work_package, g_free);
  g_clear_pointer (&self->resume_decision, g_free);
}

/* The store applied a load or a reload (its own, after files changed on
 * disk): the views bound to its models have followed already. */
static void
store_changed_cb (QuorumWindow *self)
{
  /* After a reload that failed (the folder was away), the store is back. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    show_page (self, "store");
  _quorum_window_update_overview (self);
  update_banner (self);
  refresh_package_page (self);
  _quorum_window_notes_store_changed (self);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  QuorumStore *store = QUORUM_STORE (object);
  g_autoptr(QuorumWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!quorum_store_load_finish (store, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_load_error (self, error);
      return;
    }

  if (store != self->store)
    return;

  show_page (self, "store");
  view_changed_cb (self);
  /* From now on the store reloads what changes on disk by itself. */
  quorum_store_watch (store);
  _quorum_window_notes_store_loaded (self);
  _quorum_window_resume_decision (self);
}

static void
reload (QuorumWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (gtk_stack_get_visible_child_name (self->stack) == NULL ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "store"))
    show_page (self, "loading");

  quorum_store_load_async (self->store, self->cancellable, load_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);

  if (self->store != NULL)
    reload (self);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);

  if (self->sync != NULL)
    quorum_sync_controller_sync (self->sync);
}

static void
cancel_sync_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);

  if (self->sync != NULL)
    quorum_sync_controller_cancel (self->sync);
}

/* win.sync while none runs and a remote is set; win.cancel-sync while one runs. */
static void
sync_state_cb (QuorumWindow *self)
{
  QuorumSyncState state = self->sync != NULL ? quorum_sync_controller_get_state (self->sync)
                                             : QUORUM_SYNC_STATE_NOT_CONFIGURED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync",
                                 state != QUORUM_SYNC_STATE_NOT_CONFIGURED &&
                                 state != QUORUM_SYNC_STATE_SYNCING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-sync",
                                 state == QUORUM_SYNC_STATE_SYNCING);
}

#define QUORUM_WINDOW_MAX_RECENT 8

/* Opened by the member (not at start-up): kept for next time and at the
 * top of the recent stores, the app's and GNOME's. */
void
_quorum_window_open_and_remember (QuorumWindow *self,
                                  const char   *path)
{
  GSettings *settings = _quorum_window_get_settings (self);

  if (settings != NULL)
    {
      g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-stores");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) updated = NULL;
      guint n = 1;

      g_strv_builder_add (builder, path);
      for (guint i = 0; recent[i] != NULL && n < QUORUM_WINDOW_MAX_RECENT; i++)
        if (g_strcmp0 (recent[i], path) != 0)
          {
            g_strv_builder_add (builder, recent[i]);
            n++;
          }
      updated = g_strv_builder_end (builder);
      g_settings_set_string (settings, "store-path", path);
      g_settings_set_strv (settings, "recent-stores", (const char * const *) updated);
    }
  _quorum_window_add_recent (path);
  quorum_window_open_store (self, path);
}

/* Recent Stores, newest first, by their folder names. */
static void
update_recent_menu (QuorumWindow *self)
{
  GSettings *settings = _quorum_window_get_settings (self);
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_section);
  if (settings == NULL)
    return;
  recent = g_settings_get_strv (settings, "recent-stores");
  for (guint i = 0; recent[i] != NULL && i < QUORUM_WINDOW_MAX_RECENT; i++)
    {
      g_autofree char *basename = g_path_get_basename (recent[i]);
      g_auto(GStrv) parts = g_strsplit (basename, "_", -1);
      /* A menu label's underscores are mnemonics: double them. */
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }
  if (recent[0] == NULL)
    {
      /* An item without an action is shown greyed out. */
      g_menu_append (self->recent_section, _("No Recent Stores"), "win.no-recent-stores");
    }
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _quorum_window_open_and_remember (QUORUM_WINDOW (widget),
                                    g_variant_get_string (parameter, NULL));
}

static void
chooser_response_cb (QuorumWindow         *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    path = g_file_get_path (folder);
  g_clear_object (&self->chooser);
  if (path != NULL)
    _quorum_window_open_and_remember (self, path);
}

static void
open_store_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Open Store"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->store != NULL && !quorum_store_is_sample (self->store))
    {
      g_autoptr(GFile) current = g_file_new_for_path (quorum_store_get_path (self->store));

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Settings keep a view by its name; an unknown name leaves the view as it is. */
static gboolean
view_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  GtkStack *content_stack = user_data;
  const char *view = g_variant_get_string (variant, NULL);

  if (gtk_stack_get_child_by_name (content_stack, view) == NULL)
    return FALSE;
  g_value_set_string (value, view);
  return TRUE;
}

/**
 * _quorum_window_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, or %NULL
 *   when the schema is not installed
 */
GSettings *
_quorum_window_get_settings (QuorumWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!QUORUM_IS_APPLICATION (application))
    return NULL;
  return quorum_application_get_settings (QUORUM_APPLICATION (application));
}

/* The package page, built the first time a package is opened: until then
 * the leaflet neither styles nor measures its hundred-odd widgets. */
static QuorumWorkPackagePage *
ensure_package_page (QuorumWindow *self)
{
  if (self->package_page != NULL)
    return self->package_page;

  self->package_page = g_object_new (QUORUM_TYPE_WORK_PACKAGE_PAGE, NULL);
  g_object_bind_property (self->leaflet, "folded", self->package_page,
                          "show-start-title-buttons", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->package_page, "decide", G_CALLBACK (_quorum_window_decide),
                           self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->package_bin, GTK_WIDGET (self->package_page));
  return self->package_page;
}

/**
 * _quorum_window_get_package:
 *
 * Returns: (transfer none) (nullable): the package of the package page
 *   (shown or not), %NULL when no package was opened
 */
QuorumWorkPackage *
_quorum_window_get_package (QuorumWindow *self)
{
  if (self->package_page == NULL)
    return NULL;
  return quorum_work_package_page_get_work_package (self->package_page);
}

/**
 * _quorum_window_show_package:
 *
 * Opens the page of @work_package, a package of the window's store.
 */
void
_quorum_window_show_package (QuorumWindow      *self,
                             QuorumWorkPackage *work_package)
{
  quorum_work_package_page_set_work_package (ensure_package_page (self), self->store,
                                             work_package);
  gtk_stack_set_visible_child_name (self->content_stack, "work-packages");
  adw_leaflet_set_visible_child_name (self->content_leaflet, "package");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/**
 * quorum_window_open_store:
 * @path: a store folder
 *
 * Shows the store at @path, loading it on a worker thread.
 */
void
quorum_window_open_store (QuorumWindow *self,
                          const char   *path)
{
  g_autofree char *shown = NULL;
  g_autofree char *user_path = NULL;
  g_autofree char *display = NULL;

  g_return_if_fail (QUORUM_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, NULL);
  self->store = quorum_store_new (path);
  g_signal_connect_swapped (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (self->store, "load-failed", G_CALLBACK (show_load_error), self);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  _quorum_window_notes_open_store (self);

  _quorum_window_bind_overview (self);
  if (self->sync != NULL)
    quorum_sync_controller_set_store (self->sync, self->store);
  /* The views shown before no longer show the old store. */
  g_hash_table_foreach (self->attached, detach_view_cb, NULL);
  g_hash_table_remove_all (self->attached);
  attach_view (self, ensure_view (self, gtk_stack_get_visible_child (self->content_stack)));
  adw_leaflet_set_visible_child_name (self->content_leaflet, "views");

  /* The user's own copy is named so; its folder is in the tooltip. */
  user_path = quorum_store_dup_user_path ();
  display = quorum_ui_display_path (path);
  if (quorum_store_is_sample (self->store))
    shown = g_strdup (_("Sample store (read-only)"));
  else if (g_strcmp0 (user_path, path) == 0)
    shown = g_strdup (_("Your own copy"));
  else
    shown = g_strdup (display);
  adw_window_title_set_subtitle (self->window_title, shown);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), display);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * quorum_window_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown
 */
QuorumStore *
quorum_window_get_store (QuorumWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_WINDOW (self), NULL);
  return self->store;
}

static void
quorum_window_dispose (GObject *object)
{
  QuorumWindow *self = (QuorumWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->attached, g_hash_table_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->sync != NULL)
    {
      quorum_sync_controller_cancel (self->sync);
      g_signal_handlers_disconnect_by_data (self->sync, self);
      if (self->sync_button != NULL)
        quorum_sync_button_set_controller (self->sync_button, NULL);
    }
  g_clear_object (&self->sync_notifier);
  g_clear_object (&self->sync);
  g_cancellable_cancel (self->decide_cancellable);
  g_clear_object (&self->decide_cancellable);
  if (self->documents_list != NULL)
    {
      gtk_list_box_bind_model (self->documents_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->problems_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->committees_list, NULL, NULL, NULL, NULL);
    }
  g_clear_object (&self->store);
  _quorum_window_clear_decide_state (self);
  _quorum_window_notes_dispose (self);
  _quorum_window_print_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_WINDOW);

  G_OBJECT_CLASS (quorum_window_parent_class)->dispose (object);
}

static void
quorum_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumWindow *self = QUORUM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_NOTES: g_value_set_object (value, self->notes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_window_class_init (QuorumWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_window_dispose;
  object_class->get_property = quorum_window_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_object ("notes", NULL, NULL, QUORUM_TYPE_NOTES,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_SYNC_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/quorum-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, content_leaflet);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, loading_menu_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, error_menu_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, overview_scroller);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, headline_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, headline_bin);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, links_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, problems_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, documents_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, documents_description);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, documents_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, committees_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, committees_description);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, committees_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, budgets_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, committees_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, meetings_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, actions_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, checks_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, work_packages_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, pressure_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, notes_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, package_bin);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.open-store", NULL, open_store_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  _quorum_window_class_init_meetings (widget_class);
  _quorum_window_class_init_notes (widget_class);
  _quorum_window_class_init_print (widget_class);
  _quorum_window_class_init_export (widget_class);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-sync", NULL, cancel_sync_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL,
                                   show_problems_action);
}

/* win.show-help-overlay: the shortcuts window, built the first time it is
 * asked for. GtkApplication builds it for each new window when it is at
 * gtk/help-overlay.ui, which was a tenth of the work before a window's
 * first frame; QuorumApplication sets the accelerator GTK would. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/secpanel/Quorum/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* It keeps its own action, this one. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* A main menu button's popover, built the first time it opens: each of
 * the three (the loading, error and store pages') would otherwise build
 * eighty-odd widgets with the window. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  QuorumWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
quorum_window_init (QuorumWindow *self)
{
  static const GActionEntry entries[] = {
    { "show-help-overlay", show_help_overlay_action },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (stop_paint_watch), NULL);
  gtk_menu_button_set_create_popup_func (self->loading_menu_button, create_primary_menu, self,
                                         NULL);
  gtk_menu_button_set_create_popup_func (self->error_menu_button, create_primary_menu, self,
                                         NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);

  self->decide_cancellable = g_cancellable_new ();
  self->attached = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  _quorum_window_init_overview (self);
  _quorum_window_init_print (self);
  /* Folded, the window opens on the last view, not on the sidebar. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  view_changed_cb (self);
  /* Names for what GTK leaves unnamed; each list one Tab stop. */
  quorum_ui_a11y_prepare (GTK_WIDGET (self));
}

QuorumWindow *
quorum_window_new (QuorumApplication *application)
{
  QuorumWindow *self;
  GSettings *settings;

  g_return_val_if_fail (QUORUM_IS_APPLICATION (application), NULL);

  self = g_object_new (QUORUM_TYPE_WINDOW, "application", application, NULL);

  settings = quorum_application_get_settings (application);
  if (settings != NULL)
    {
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind_with_mapping (settings, "last-view", self->content_stack,
                                    "visible-child-name", G_SETTINGS_BIND_DEFAULT,
                                    view_from_setting, NULL, self->content_stack, NULL);
      g_signal_connect_object (settings, "changed::recent-stores",
                               G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);

      /* The store is set when one is opened. */
      self->sync = quorum_sync_controller_new (settings, NULL);
      g_signal_connect_object (self->sync, "notify::state", G_CALLBACK (sync_state_cb), self,
                               G_CONNECT_SWAPPED);
      quorum_sync_button_set_controller (self->sync_button, self->sync);
      /* sync.now and sync.cancel, as on the button, for the whole window. */
      gtk_widget_insert_action_group (GTK_WIDGET (self), "sync",
                                      quorum_sync_controller_get_actions (self->sync));
      gtk_widget_set_visible (GTK_WIDGET (self->sync_button), TRUE);
    }
  sync_state_cb (self);
  update_recent_menu (self);
  _quorum_window_init_desktop (self, application);

  return self;
}
