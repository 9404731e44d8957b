/* quorum-window.c: the main window
 *
 * Opens a store on a worker thread and shows it in three views, picked in
 * a sidebar that folds away on narrow windows: the overview (its budget
 * documents with status, years and findings, its committees, and every
 * file that could not be loaded, each with the place of the error), the
 * work packages, each opening onto its own page, and the budget pressure.
 * Deciding on a package is in quorum-window-decide.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-ui-util.h"
#include "quorum-window-private.h"

G_DEFINE_FINAL_TYPE (QuorumWindow, quorum_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The file's path inside the store, which is what people recognise. */
static const char *
path_in_store (QuorumWindow *self,
               const char   *file)
{
  const char *root = quorum_store_get_path (self->store);
  gsize len = strlen (root);

  if (g_str_has_prefix (file, root) && file[len] == '/')
    return file + len + 1;
  return file;
}

static char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return g_strdup (_("Draft"));
  if (g_strcmp0 (status, "consultation") == 0)
    return g_strdup (_("In consultation"));
  if (g_strcmp0 (status, "approved") == 0)
    return g_strdup (_("Approved"));
  if (g_strcmp0 (status, "superseded") == 0)
    return g_strdup (_("Superseded"));
  return g_strdup (_("Status not stated"));
}

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  QuorumBudgetDocument *document = item;
  QuorumWindow *self = user_data;
  guint n_findings = quorum_budget_document_get_n_findings (document);
  guint n_mismatches = quorum_budget_document_get_n_mismatches (document);
  guint n_tables = g_list_model_get_n_items (quorum_budget_document_get_tables (document));
  g_autofree char *status = status_label (quorum_budget_document_get_status (document));
  g_autofree char *years = quorum_budget_document_dup_years (document);
  g_autofree char *tables = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u table",
                                                          "%u tables", n_tables), n_tables);
  g_autofree char *subtitle = NULL;
  g_autofree char *badge_text = NULL;
  g_autofree char *badge_description = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  GString *parts = g_string_new (status);

  if (years != NULL)
    g_string_append_printf (parts, " · %s", years);
  if (quorum_budget_document_get_version (document) != NULL)
    g_string_append_printf (parts, " · %s %s", _("version"),
                            quorum_budget_document_get_version (document));
  g_string_append_printf (parts, " · %s · %s", tables,
                          path_in_store (self, quorum_budget_document_get_file (document)));
  subtitle = g_string_free (parts, FALSE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 quorum_budget_document_get_title (document));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  if (n_findings == 0)
    badge_text = g_strdup (_("Adds up"));
  else if (n_mismatches == 0)
    badge_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rounding", "%u rounding",
                                               n_findings), n_findings);
  else if (n_mismatches == n_findings)
    badge_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mismatch", "%u mismatches",
                                               n_mismatches), n_mismatches);
  else
    badge_text = g_strdup_printf (_("%u mismatches · %u rounding"),
                                  n_mismatches, n_findings - n_mismatches);
  if (n_findings == 0)
    badge_description = g_strdup (_("Every checked figure adds up"));
  else
    badge_description = g_strdup_printf (_("%u figures do not add up: %u beyond the "
                                           "tolerance, %u within it (rounding)"),
                                         n_findings, n_mismatches, n_findings - n_mismatches);

  badge = gtk_label_new (badge_text);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "findings-badge");
  gtk_widget_add_css_class (badge, n_mismatches > 0 ? "mismatch"
                                   : n_findings > 0 ? "rounding" : "clean");
  gtk_widget_set_tooltip_text (badge, badge_description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, badge_description, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  return row;
}

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer user_data)
{
  QuorumProblem *problem = item;
  QuorumWindow *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *subtitle = NULL;

  if (quorum_problem_get_line (problem) > 0)
    subtitle = g_strdup_printf (_("Line %u, column %u · %s\n%s"),
                                quorum_problem_get_line (problem),
                                quorum_problem_get_column (problem),
                                quorum_problem_get_path (problem),
                                quorum_problem_get_message (problem));
  else
    subtitle = g_strdup_printf ("%s\n%s", quorum_problem_get_path (problem),
                                quorum_problem_get_message (problem));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 path_in_store (self, quorum_problem_get_file (problem)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static GtkWidget *
create_committee_row (gpointer item,
                      gpointer user_data)
{
  QuorumCommittee *committee = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  GString *subtitle = g_string_new (NULL);

  if (g_strcmp0 (quorum_committee_get_short_name (committee),
                 quorum_committee_get_name (committee)) == 0)
    title = g_strdup (quorum_committee_get_name (committee));
  else
    title = g_strdup_printf ("%s — %s", quorum_committee_get_short_name (committee),
                             quorum_committee_get_name (committee));

  if (quorum_committee_get_service_area (committee) != NULL)
    g_string_append (subtitle, quorum_committee_get_service_area (committee));
  if (quorum_committee_get_meets (committee) != NULL)
    g_string_append_printf (subtitle, "%s%s %s", subtitle->len ? " · " : "", _("meets"),
                            quorum_committee_get_meets (committee));

  if (quorum_committee_get_note (committee) != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? "\n" : "",
                            quorum_committee_get_note (committee));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  g_string_free (subtitle, TRUE);

  return row;
}

static void
update_summaries (QuorumWindow *self)
{
  GListModel *documents = quorum_store_get_documents (self->store);
  GListModel *problems = quorum_store_get_problems (self->store);
  GListModel *committees = quorum_store_get_committees (self->store);
  guint n_documents = g_list_model_get_n_items (documents);
  guint n_problems = g_list_model_get_n_items (problems);
  guint n_committees = g_list_model_get_n_items (committees);
  g_autofree char *documents_text = NULL;
  g_autofree char *committees_text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_problems > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->committees_group), n_committees > 0);

  if (n_documents == 0)
    documents_text = g_strdup (_("This store has no budget documents that could be loaded."));
  else
    documents_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u document in budgets/",
                                                   "%u documents in budgets/", n_documents),
                                      n_documents);
  adw_preferences_group_set_description (self->documents_group, documents_text);

  committees_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u committee in the register",
                                                  "%u committees in the register",
                                                  n_committees), n_committees);
  adw_preferences_group_set_description (self->committees_group, committees_text);
}

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

static void
view_changed_cb (QuorumWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->content_stack);
  GtkStackPage *page = gtk_stack_get_page (self->content_stack, child);

  adw_window_title_set_title (self->window_title, gtk_stack_page_get_title (page));
  select_sidebar_row (self, gtk_stack_page_get_name (page));
}

static void
sidebar_row_activated_cb (QuorumWindow  *self,
                          GtkListBoxRow *row)
{
  gtk_stack_set_visible_child_name (self->content_stack, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_set_visible_child_name (self->content_leaflet, "views");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
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

/* After a reload the store holds new package objects: show the new one, or
 * go back to the list when it is gone. */
static void
refresh_package_page (QuorumWindow *self)
{
  QuorumWorkPackage *shown = quorum_work_package_page_get_work_package (self->package_page);
  QuorumWorkPackage *now = NULL;

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->content_leaflet), "package") != 0)
    return;
  if (shown != NULL)
    now = quorum_store_find_work_package (self->store, quorum_work_package_get_id (shown));
  if (now != NULL)
    quorum_work_package_page_set_work_package (self->package_page, self->store, now);
  else
    adw_leaflet_set_visible_child_name (self->content_leaflet, "views");
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
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      /* No decision waits for a store that did not open. */
      g_clear_pointer (&self->resume_work_package, g_free);
      g_clear_pointer (&self->resume_decision, g_free);
      return;
    }

  if (store != self->store)
    return;

  update_summaries (self);
  refresh_package_page (self);
  gtk_stack_set_visible_child_name (self->stack, "store");
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
    gtk_stack_set_visible_child_name (self->stack, "loading");

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

/**
 * _quorum_window_show_package:
 *
 * Opens the page of @work_package, a package of the window's store.
 */
void
_quorum_window_show_package (QuorumWindow      *self,
                             QuorumWorkPackage *work_package)
{
  quorum_work_package_page_set_work_package (self->package_page, self->store, work_package);
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

  g_return_if_fail (QUORUM_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_set_object (&self->store, NULL);
  self->store = quorum_store_new (path);

  gtk_list_box_bind_model (self->documents_list, quorum_store_get_documents (self->store),
                           create_document_row, self, NULL);
  gtk_list_box_bind_model (self->problems_list, quorum_store_get_problems (self->store),
                           create_problem_row, self, NULL);
  gtk_list_box_bind_model (self->committees_list, quorum_store_get_committees (self->store),
                           create_committee_row, self, NULL);
  quorum_work_packages_view_set_store (self->work_packages_view, self->store);
  quorum_pressure_view_set_store (self->pressure_view, self->store);
  adw_leaflet_set_visible_child_name (self->content_leaflet, "views");

  if (quorum_store_is_sample (self->store))
    shown = g_strdup (_("Sample store (read-only)"));
  else
    shown = quorum_ui_display_path (path);
  adw_window_title_set_subtitle (self->window_title, shown);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_WORK_PACKAGES_VIEW);
  g_type_ensure (QUORUM_TYPE_PRESSURE_VIEW);
  g_type_ensure (QUORUM_TYPE_WORK_PACKAGE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/quorum-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, content_leaflet);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, problems_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, documents_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, documents_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, committees_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, committees_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, work_packages_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, pressure_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumWindow, package_page);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, _quorum_window_show_package);
  gtk_widget_class_bind_template_callback (widget_class, _quorum_window_decide);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
}

static void
quorum_window_init (QuorumWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->decide_cancellable = g_cancellable_new ();
  /* Folded, the window opens on the last view, not on the sidebar. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  view_changed_cb (self);
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
    }

  return self;
}
