/* quorum-budgets-view.c: the store's budget documents, their tables, and a table
 *
 * Three pages in an always-folded leaflet, so the view reads the same at
 * any width and has the leaflet's back gestures, Alt+← and the mouse's
 * back button: the documents (title, status, years and a badge of their
 * findings), a document's tables (title, role, unit and their findings),
 * and a table (QuorumTableView). Each page but the first has a back
 * button, the action `budgets.back`.
 *
 * The view follows the store: when it loads again, the document and the
 * table open stay open if they are still there (the table view keeps its
 * expanded groups, selection, search and sort), and the view steps back to
 * the tables or the documents when they are not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-budgets-view.h"
#include "quorum-searchable.h"
#include "quorum-table-view.h"
#include "quorum-ui-util.h"

struct _QuorumBudgetsView
{
  AdwBin parent_instance;

  /* template widgets */
  AdwLeaflet *leaflet;
  GtkStack *documents_stack;
  GtkListBox *documents_list;
  GtkLabel *document_title_label;
  GtkLabel *document_subtitle_label;
  AdwPreferencesGroup *tables_group;
  GtkListBox *tables_list;
  QuorumTableView *table_view;

  /* owned */
  QuorumStore *store;
  QuorumBudgetDocument *document;
  char *document_id;
  char *table_id;
  char *pending_document_id;  /* asked for before the store had it */
  char *pending_table_id;
  char *pending_row_id;
  char *pending_column_id;
};

static void searchable_iface_init (QuorumSearchableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumBudgetsView, quorum_budgets_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (QUORUM_TYPE_SEARCHABLE,
                                                      searchable_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DOCUMENT_ROW_PREFIX "document:"
#define TABLE_ROW_PREFIX "table:"

/* --- words ------------------------------------------------------------------- */

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("budget status", "Draft");
  if (g_strcmp0 (status, "consultation") == 0)
    return C_("budget status", "In consultation");
  if (g_strcmp0 (status, "approved") == 0)
    return C_("budget status", "Approved");
  if (g_strcmp0 (status, "superseded") == 0)
    return C_("budget status", "Superseded");
  return C_("budget status", "Status not stated");
}

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, "budget") == 0)
    return C_("table role", "Budget lines by year");
  if (g_strcmp0 (role, "committee-costs") == 0)
    return C_("table role", "Costs by committee");
  if (g_strcmp0 (role, "staffing") == 0)
    return C_("table role", "Staffing");
  if (g_strcmp0 (role, "meetings") == 0)
    return C_("table role", "Meetings");
  if (g_strcmp0 (role, "projects") == 0)
    return C_("table role", "Projects");
  return C_("table role", "Other");
}

static const char *
unit_label (const char *unit)
{
  if (g_strcmp0 (unit, "GBP") == 0)
    return C_("table unit", "Pounds");
  if (g_strcmp0 (unit, "count") == 0)
    return C_("table unit", "Counts");
  if (g_strcmp0 (unit, "fte") == 0)
    return C_("table unit", "Full-time equivalents");
  return unit;
}

/* A badge of findings: in words, in a colour, with the same in its
 * accessible description and tooltip. */
static GtkWidget *
findings_badge_new (guint n_findings,
                    guint n_mismatches)
{
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  GtkWidget *badge;
  guint n_rounding = n_findings - n_mismatches;

  text = quorum_ui_findings_badge_text (n_findings, n_mismatches);

  if (n_findings == 0)
    description = g_strdup (_("Every checked figure adds up"));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u figure does not add up: %u beyond the "
                                                "tolerance, %u within it",
                                                "%u figures do not add up: %u beyond the "
                                                "tolerance, %u within it", n_findings),
                                   n_findings, n_mismatches, n_rounding);

  badge = gtk_label_new (text);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "findings-badge");
  gtk_widget_add_css_class (badge, n_mismatches > 0 ? "mismatch"
                                   : n_findings > 0 ? "rounding" : "clean");
  gtk_widget_set_tooltip_text (badge, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  return badge;
}

static void
add_chevron (GtkWidget *row)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
}

/* --- rows -------------------------------------------------------------------- */

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  QuorumBudgetDocument *document = item;
  guint n_tables = g_list_model_get_n_items (quorum_budget_document_get_tables (document));
  g_autofree char *years = quorum_budget_document_dup_years (document);
  g_autofree char *name = g_strconcat (DOCUMENT_ROW_PREFIX,
                                       quorum_budget_document_get_id (document), NULL);
  g_autofree char *tables = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u table",
                                                          "%u tables", n_tables), n_tables);
  GString *subtitle = g_string_new (status_label (quorum_budget_document_get_status (document)));
  g_autofree char *subtitle_text = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (years != NULL)
    g_string_append_printf (subtitle, " · %s", years);
  g_string_append_printf (subtitle, " · %s", tables);
  subtitle_text = g_string_free (subtitle, FALSE);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 quorum_budget_document_get_title (document));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_text);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             findings_badge_new (
                               quorum_budget_document_get_n_findings (document),
                               quorum_budget_document_get_n_mismatches (document)));
  add_chevron (row);
  return row;
}

static GtkWidget *
create_table_row (gpointer item,
                  gpointer user_data)
{
  QuorumBudgetsView *self = user_data;
  QuorumTable *table = item;
  GListModel *findings = quorum_budget_document_get_findings (self->document);
  guint n = g_list_model_get_n_items (findings);
  guint n_columns = quorum_table_get_n_columns (table);
  guint n_findings = 0, n_mismatches = 0;
  g_autofree char *name = g_strconcat (TABLE_ROW_PREFIX, quorum_table_get_id (table), NULL);
  g_autofree char *columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column",
                                                           "%u columns", n_columns), n_columns);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s",
                                               role_label (quorum_table_get_role (table)),
                                               unit_label (quorum_table_get_unit (table)),
                                               columns);
  GtkWidget *row = adw_action_row_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (quorum_finding_get_table_id (finding), quorum_table_get_id (table)) != 0)
        continue;
      n_findings++;
      if (quorum_finding_get_severity (finding) == QUORUM_SEVERITY_MISMATCH)
        n_mismatches++;
    }

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quorum_table_get_title (table));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), findings_badge_new (n_findings, n_mismatches));
  add_chevron (row);
  return row;
}

static GtkWidget *
find_row (GtkListBox *list,
          const char *prefix,
          const char *id)
{
  g_autofree char *name = g_strconcat (prefix, id, NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
      return GTK_WIDGET (row);
  return NULL;
}

/* --- navigation ---------------------------------------------------------------- */

static void
set_document (QuorumBudgetsView    *self,
              QuorumBudgetDocument *document)
{
  g_autofree char *years = NULL;
  GString *subtitle;
  g_autofree char *subtitle_text = NULL;

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  if (document == NULL)
    {
      gtk_list_box_bind_model (self->tables_list, NULL, NULL, NULL, NULL);
      return;
    }

  g_free (self->document_id);
  self->document_id = g_strdup (quorum_budget_document_get_id (document));
  years = quorum_budget_document_dup_years (document);
  subtitle = g_string_new (status_label (quorum_budget_document_get_status (document)));
  if (years != NULL)
    g_string_append_printf (subtitle, " · %s", years);
  subtitle_text = g_string_free (subtitle, FALSE);
  gtk_label_set_text (self->document_title_label, quorum_budget_document_get_title (document));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->document_title_label),
                               quorum_budget_document_get_title (document));
  gtk_label_set_text (self->document_subtitle_label, subtitle_text);
  adw_preferences_group_set_description (self->tables_group,
                                         quorum_budget_document_get_source (document));
  gtk_list_box_bind_model (self->tables_list, quorum_budget_document_get_tables (document),
                           create_table_row, self, NULL);
}

static void
clear_pending (QuorumBudgetsView *self)
{
  g_clear_pointer (&self->pending_document_id, g_free);
  g_clear_pointer (&self->pending_table_id, g_free);
  g_clear_pointer (&self->pending_row_id, g_free);
  g_clear_pointer (&self->pending_column_id, g_free);
}

static void
page_changed_cb (QuorumBudgetsView *self)
{
  const char *page = adw_leaflet_get_visible_child_name (self->leaflet);
  GtkWidget *row = NULL;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  /* The focus goes where the user came from, for the keyboard. */
  if (g_strcmp0 (page, "documents") == 0 && self->document_id != NULL)
    row = find_row (self->documents_list, DOCUMENT_ROW_PREFIX, self->document_id);
  else if (g_strcmp0 (page, "tables") == 0)
    {
      if (self->table_id != NULL)
        row = find_row (self->tables_list, TABLE_ROW_PREFIX, self->table_id);
      if (row == NULL)
        row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->tables_list, 0));
    }
  if (row != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (row);
  else if (g_strcmp0 (page, "table") == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    quorum_table_view_focus_rows (self->table_view);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  QuorumBudgetsView *self = QUORUM_BUDGETS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
document_activated_cb (QuorumBudgetsView *self,
                       GtkListBoxRow     *row)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  if (g_str_has_prefix (name, DOCUMENT_ROW_PREFIX))
    quorum_budgets_view_show_document (self, name + strlen (DOCUMENT_ROW_PREFIX));
}

static void
table_activated_cb (QuorumBudgetsView *self,
                    GtkListBoxRow     *row)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  if (self->document_id != NULL && g_str_has_prefix (name, TABLE_ROW_PREFIX))
    quorum_budgets_view_show_table (self, self->document_id, name + strlen (TABLE_ROW_PREFIX));
}

/* The store loaded (again): keep what is open if it is still there. */
static void
documents_changed_cb (QuorumBudgetsView *self)
{
  GListModel *documents = quorum_store_get_documents (self->store);
  const char *page = adw_leaflet_get_visible_child_name (self->leaflet);
  QuorumBudgetDocument *document = NULL;
  QuorumTable *table = NULL;

  gtk_stack_set_visible_child_name (self->documents_stack,
                                    g_list_model_get_n_items (documents) > 0 ? "list" : "empty");

  if (self->pending_document_id != NULL &&
      quorum_store_find_document (self->store, self->pending_document_id) != NULL)
    {
      g_autofree char *document_id = g_steal_pointer (&self->pending_document_id);
      g_autofree char *table_id = g_steal_pointer (&self->pending_table_id);
      g_autofree char *row_id = g_steal_pointer (&self->pending_row_id);
      g_autofree char *column_id = g_steal_pointer (&self->pending_column_id);

      if (row_id != NULL)
        quorum_budgets_view_show_cell (self, document_id, table_id, row_id, column_id);
      else if (table_id != NULL)
        quorum_budgets_view_show_table (self, document_id, table_id);
      else
        quorum_budgets_view_show_document (self, document_id);
      return;
    }

  if (self->document_id != NULL)
    document = quorum_store_find_document (self->store, self->document_id);
  if (document == NULL)
    {
      g_clear_pointer (&self->document_id, g_free);
      g_clear_pointer (&self->table_id, g_free);
      set_document (self, NULL);
      quorum_table_view_set_table (self->table_view, NULL, NULL, NULL);
      if (g_strcmp0 (page, "documents") != 0)
        adw_leaflet_set_visible_child_name (self->leaflet, "documents");
      return;
    }

  set_document (self, document);
  if (self->table_id != NULL)
    table = quorum_budget_document_find_table (document, self->table_id);
  if (table == NULL)
    {
      g_clear_pointer (&self->table_id, g_free);
      quorum_table_view_set_table (self->table_view, NULL, NULL, NULL);
      if (g_strcmp0 (page, "table") == 0)
        adw_leaflet_set_visible_child_name (self->leaflet, "tables");
      return;
    }
  quorum_table_view_set_table (self->table_view, self->store, document, table);
}

/* --- the object ------------------------------------------------------------------- */

static void
quorum_budgets_view_dispose (GObject *object)
{
  QuorumBudgetsView *self = (QuorumBudgetsView *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (quorum_store_get_documents (self->store), self);
  if (self->documents_list != NULL)
    {
      gtk_list_box_bind_model (self->documents_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->tables_list, NULL, NULL, NULL, NULL);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->store);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_BUDGETS_VIEW);

  G_OBJECT_CLASS (quorum_budgets_view_parent_class)->dispose (object);
}

static void
quorum_budgets_view_finalize (GObject *object)
{
  QuorumBudgetsView *self = (QuorumBudgetsView *) object;

  g_free (self->document_id);
  g_free (self->table_id);
  clear_pending (self);

  G_OBJECT_CLASS (quorum_budgets_view_parent_class)->finalize (object);
}

static void
quorum_budgets_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  QuorumBudgetsView *self = QUORUM_BUDGETS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_PAGE: g_value_set_string (value, quorum_budgets_view_get_page (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_budgets_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  QuorumBudgetsView *self = QUORUM_BUDGETS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: quorum_budgets_view_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_budgets_view_class_init (QuorumBudgetsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_budgets_view_dispose;
  object_class->finalize = quorum_budgets_view_finalize;
  object_class->get_property = quorum_budgets_view_get_property;
  object_class->set_property = quorum_budgets_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The page shown: documents, tables or table (what Print prints). */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumBudgetsView|budgets.back:
   *
   * Goes back a page: from a table to its document's tables, from the
   * tables to the documents.
   */
  gtk_widget_class_install_action (widget_class, "budgets.back", NULL, back_action);

  g_type_ensure (QUORUM_TYPE_TABLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-budgets-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumBudgetsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QuorumBudgetsView, documents_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumBudgetsView, documents_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumBudgetsView, document_title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumBudgetsView,
                                        document_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumBudgetsView, tables_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumBudgetsView, tables_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumBudgetsView, table_view);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activated_cb);
}

static void
quorum_budgets_view_init (QuorumBudgetsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->documents_stack, "empty");
}

/**
 * quorum_budgets_view_new:
 *
 * Returns: (transfer floating): a view with no store yet
 */
GtkWidget *
quorum_budgets_view_new (void)
{
  return g_object_new (QUORUM_TYPE_BUDGETS_VIEW, NULL);
}

/**
 * quorum_budgets_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown
 */
QuorumStore *
quorum_budgets_view_get_store (QuorumBudgetsView *self)
{
  g_return_val_if_fail (QUORUM_IS_BUDGETS_VIEW (self), NULL);
  return self->store;
}

/**
 * quorum_budgets_view_set_store:
 * @store: (nullable): the store whose budgets to show
 *
 * Shows the budget documents of @store, and follows them as it loads.
 */
void
quorum_budgets_view_set_store (QuorumBudgetsView *self,
                               QuorumStore       *store)
{
  GListModel *documents;

  g_return_if_fail (QUORUM_IS_BUDGETS_VIEW (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (quorum_store_get_documents (self->store), self);
  g_clear_pointer (&self->document_id, g_free);
  g_clear_pointer (&self->table_id, g_free);
  clear_pending (self);
  set_document (self, NULL);
  quorum_table_view_set_table (self->table_view, NULL, NULL, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "documents");
  g_set_object (&self->store, store);

  documents = store != NULL ? quorum_store_get_documents (store) : NULL;
  gtk_list_box_bind_model (self->documents_list, documents, create_document_row, self, NULL);
  if (store != NULL)
    {
      g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changed_cb),
                               self, G_CONNECT_SWAPPED);
      documents_changed_cb (self);
    }
  else
    gtk_stack_set_visible_child_name (self->documents_stack, "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * quorum_budgets_view_show_documents:
 *
 * Goes back to the list of documents.
 */
void
quorum_budgets_view_show_documents (QuorumBudgetsView *self)
{
  g_return_if_fail (QUORUM_IS_BUDGETS_VIEW (self));
  adw_leaflet_set_visible_child_name (self->leaflet, "documents");
}

/**
 * quorum_budgets_view_show_document:
 * @document_id: a budget document's id
 *
 * Shows the tables of a document. Asked before the store has loaded it,
 * the view shows it once it has.
 *
 * Returns: %TRUE when the store has the document now
 */
gboolean
quorum_budgets_view_show_document (QuorumBudgetsView *self,
                                   const char        *document_id)
{
  QuorumBudgetDocument *document;

  g_return_val_if_fail (QUORUM_IS_BUDGETS_VIEW (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  document = self->store != NULL ? quorum_store_find_document (self->store, document_id) : NULL;
  if (document == NULL)
    {
      clear_pending (self);
      self->pending_document_id = g_strdup (document_id);
      return FALSE;
    }
  clear_pending (self);
  if (g_strcmp0 (self->document_id, document_id) != 0)
    g_clear_pointer (&self->table_id, g_free);
  set_document (self, document);
  adw_leaflet_set_visible_child_name (self->leaflet, "tables");
  return TRUE;
}

/**
 * quorum_budgets_view_show_table:
 * @document_id: a budget document's id
 * @table_id: the id of one of its tables
 *
 * Opens a table. Asked before the store has loaded the document, the view
 * opens the table once it has; a document without that table shows its
 * tables.
 */
void
quorum_budgets_view_show_table (QuorumBudgetsView *self,
                                const char        *document_id,
                                const char        *table_id)
{
  QuorumTable *table;

  g_return_if_fail (QUORUM_IS_BUDGETS_VIEW (self));
  g_return_if_fail (document_id != NULL);
  g_return_if_fail (table_id != NULL);

  if (!quorum_budgets_view_show_document (self, document_id))
    {
      self->pending_table_id = g_strdup (table_id);
      return;
    }
  table = quorum_budget_document_find_table (self->document, table_id);
  if (table == NULL)
    {
      g_clear_pointer (&self->table_id, g_free);
      return;
    }

  g_free (self->table_id);
  self->table_id = g_strdup (table_id);
  quorum_table_view_set_table (self->table_view, self->store, self->document, table);
  adw_leaflet_set_visible_child_name (self->leaflet, "table");
}

/**
 * quorum_budgets_view_show_cell:
 * @document_id: a budget document's id
 * @table_id: the id of one of its tables
 * @row_id: a row id at any depth, or `@total`
 * @column_id: (nullable): a column id, or %NULL for the row
 *
 * Opens the table, expands the groups above the row, selects the row,
 * scrolls to it and gives it the focus, and marks the cell and scrolls its
 * column into view: where the Checks view sends a finding.
 */
void
quorum_budgets_view_show_cell (QuorumBudgetsView *self,
                               const char        *document_id,
                               const char        *table_id,
                               const char        *row_id,
                               const char        *column_id)
{
  g_return_if_fail (QUORUM_IS_BUDGETS_VIEW (self));
  g_return_if_fail (row_id != NULL);

  quorum_budgets_view_show_table (self, document_id, table_id);
  if (self->pending_document_id != NULL)
    {
      self->pending_row_id = g_strdup (row_id);
      self->pending_column_id = g_strdup (column_id);
      return;
    }
  if (g_strcmp0 (self->table_id, table_id) == 0)
    quorum_table_view_show_cell (self->table_view, row_id, column_id);
}

/**
 * quorum_budgets_view_get_page:
 *
 * Returns: the page shown: `documents`, `tables` or `table`
 */
const char *
quorum_budgets_view_get_page (QuorumBudgetsView *self)
{
  g_return_val_if_fail (QUORUM_IS_BUDGETS_VIEW (self), NULL);
  return adw_leaflet_get_visible_child_name (self->leaflet);
}

/**
 * quorum_budgets_view_get_table_view:
 *
 * Returns: (transfer none): the view of the table open
 */
QuorumTableView *
quorum_budgets_view_get_table_view (QuorumBudgetsView *self)
{
  g_return_val_if_fail (QUORUM_IS_BUDGETS_VIEW (self), NULL);
  return self->table_view;
}

/* --- QuorumSearchable ---------------------------------------------------------------- */

static gboolean
focus_search (QuorumSearchable  *searchable,
              const char       **why_not)
{
  QuorumBudgetsView *self = QUORUM_BUDGETS_VIEW (searchable);

  /* The rows of the table shown; the list of documents has no search. */
  if (self->table_view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->table_view)))
    {
      *why_not = _("Open a table to search its rows");
      return FALSE;
    }
  gtk_widget_activate_action (GTK_WIDGET (self->table_view), "table.search", NULL);
  return TRUE;
}

static void
searchable_iface_init (QuorumSearchableInterface *iface)
{
  iface->focus_search = focus_search;
}
