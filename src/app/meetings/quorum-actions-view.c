/* quorum-actions-view.c: every action across meetings, filtered
 *
 * A column view over the store's action log (QuorumActionLog), each
 * action with its current status, owner, due date and the meeting that
 * raised it; an overdue one is marked with an icon and the word, not by
 * colour alone. Filters: open, overdue or closed; committee; owner; and a
 * search over refs, owners and texts. The selected action's history of
 * updates is listed beside it.
 *
 * Cells are GtkBuilderListItemFactory templates in the .ui, bound to the
 * action's properties; the filter is one GtkCustomFilter over the log,
 * sorted first so that a search only narrows or widens what is shown.
 * The column view shows a QuorumSlotModel over the filtered actions: when
 * a search changes which actions are shown, the rows keep their widgets
 * and rebind them to the slot's new action (GTK 4.8 would destroy and
 * build again every row), and the selection follows the actions selected.
 * Several can be selected (Ctrl+click, Shift+click, Ctrl+A) and copied; the
 * history beside them is of the one the user is on (the slot model's
 * cursor).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-actions-view.h"
#include "quorum-note-button.h"
#include "quorum-searchable.h"
#include "quorum-slot-model.h"
#include "quorum-text-cell.h"
#include "quorum-ui-util.h"

struct _QuorumActionsView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkDropDown *show_dropdown;
  GtkDropDown *committee_dropdown;
  GtkDropDown *owner_dropdown;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkColumnView *column_view;
  GtkWidget *details;
  GtkLabel *details_ref;
  GtkLabel *details_text;
  GtkLabel *details_raised;
  GtkWidget *note_button;           /* in the details, after details_raised */
  GtkListBox *history_list;
  AdwStatusPage *empty_page;

  /* owned */
  QuorumStore *store;
  QuorumActionLog *log;
  GListModel *committees;
  GtkCustomFilter *filter;
  GtkSortListModel *sorted;       /* the log in the column view's order */
  GtkFilterListModel *filtered;   /* of sorted: a keystroke never re-sorts */
  GtkMultiSelection *selection;   /* of slots of filtered: the rows keep their widgets */
  GtkStringList *committee_ids;   /* parallel to the committee dropdown, after "All" */
  GtkStringList *owners;          /* parallel to the owner dropdown, after "Any" */
  QuorumActionsShow show;
  char *committee;
  char *owner;
  char *search;                   /* casefolded, or NULL */
  guint n_open;                   /* in the whole log, counted when it or today changes */
  guint n_overdue;
};

static void searchable_iface_init (QuorumSearchableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumActionsView, quorum_actions_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (QUORUM_TYPE_SEARCHABLE,
                                                      searchable_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTION_LOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- closures for the cells' templates ---------------------------------- */

static char *
status_text (GtkListItem *item,
             const char  *status,
             gboolean     overdue)
{
  if (overdue)
    return g_strdup (C_("action", "Overdue"));
  if (g_strcmp0 (status, "closed") == 0)
    return g_strdup (C_("action", "Closed"));
  return g_strdup (C_("action", "Open"));
}

static char *
due_text (GtkListItem *item,
          const char  *due)
{
  char *text = quorum_ui_format_date (due);

  return text != NULL ? text : g_strdup ("—");
}

static char *
raised_text (GtkListItem *item,
             const char  *meeting,
             const char  *date)
{
  g_autofree char *when = quorum_ui_format_date (date);

  if (meeting == NULL)
    return g_strdup (_("Before these records"));
  /* TRANSLATORS: where an action was raised: a date and a meeting id */
  return g_strdup_printf (_("%s (%s)"), when != NULL ? when : date, meeting);
}

static char *
owner_text (GtkListItem *item,
            const char  *owner)
{
  return g_strdup (owner != NULL ? owner : "—");
}

/* A string sorter's key: GTK 4.8's GtkStringSorter cannot take NULL (an
 * action with no due date, owner or meeting), which sorts first. */
static char *
sort_key (gpointer    item,
          const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

/* --- filtering ------------------------------------------------------------ */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  QuorumActionsView *self = user_data;
  QuorumAction *action = item;

  switch (self->show)
    {
    case QUORUM_ACTIONS_SHOW_OPEN:
      if (!quorum_action_get_open (action))
        return FALSE;
      break;
    case QUORUM_ACTIONS_SHOW_OVERDUE:
      if (!quorum_action_get_overdue (action))
        return FALSE;
      break;
    case QUORUM_ACTIONS_SHOW_CLOSED:
      if (quorum_action_get_open (action))
        return FALSE;
      break;
    case QUORUM_ACTIONS_SHOW_ALL:
    default:
      break;
    }
  if (self->committee != NULL &&
      g_strcmp0 (quorum_action_get_committee (action), self->committee) != 0)
    return FALSE;
  if (self->owner != NULL && g_strcmp0 (quorum_action_get_owner (action), self->owner) != 0)
    return FALSE;
  if (self->search != NULL && !quorum_action_matches (action, self->search))
    return FALSE;
  return TRUE;
}

/* The open and overdue actions of the whole log: counted when the log or
 * today changes, not at each keystroke of a search. */
static void
count_open (QuorumActionsView *self)
{
  self->n_overdue = 0;
  self->n_open = self->log != NULL
                 ? quorum_action_log_count_open (self->log, NULL, &self->n_overdue) : 0;
}

static void
update_count (QuorumActionsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = self->log != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->log)) : 0;
  guint overdue = self->n_overdue;
  guint open = self->n_open;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;

  /* TRANSLATORS: how many actions are open and overdue in the whole store */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open, %u overdue",
                                         "%u open, %u overdue", open), open, overdue);
  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action · %s",
                                         "%u actions · %s", total), total, counts);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action shown · %s",
                                         "%u of %u actions shown · %s", total),
                            shown, total, counts);
  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Actions"));
      adw_status_page_set_description (self->empty_page,
                                       _("Actions raised at meetings are listed here."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Actions"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another filter or search."));
    }
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "actions" : "empty");
}

static void
refilter (QuorumActionsView *self,
          GtkFilterChange    change)
{
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

/* --- the selected action's history ------------------------------------------ */

static GtkWidget *
create_update_row (gpointer item,
                   gpointer user_data)
{
  QuorumActionUpdate *update = item;
  g_autofree char *date = quorum_ui_format_date (quorum_action_update_get_date (update));
  const char *status = quorum_action_update_get_status (update);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *pill = quorum_ui_pill_new ();
  g_autofree char *title = NULL;

  /* TRANSLATORS: an update on an action: the date and id of the meeting */
  title = g_strdup_printf (_("%s, %s"), date != NULL ? date : "",
                           quorum_action_update_get_meeting (update));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (quorum_action_update_get_text (update) != NULL)
    adw_action_row_set_subtitle (row, quorum_action_update_get_text (update));
  adw_action_row_set_subtitle_lines (row, 0);
  quorum_ui_pill_set (pill, NULL,
                      g_strcmp0 (status, "closed") == 0 ? C_("action", "Closed")
                                                        : C_("action", "Open"),
                      g_strcmp0 (status, "closed") == 0 ? "neutral" : "accent");
  adw_action_row_add_suffix (row, pill);
  return GTK_WIDGET (row);
}

static void
show_details (QuorumActionsView *self,
              QuorumAction      *action)
{
  g_autofree char *raised = NULL;

  gtk_widget_set_visible (self->details, action != NULL);
  if (action == NULL)
    {
      gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
      return;
    }
  gtk_label_set_text (self->details_ref, quorum_action_get_ref (action));
  gtk_label_set_text (self->details_text, quorum_action_get_text (action) != NULL
                                          ? quorum_action_get_text (action)
                                          : _("Raised before these records begin; "
                                              "only its updates are known."));
  raised = raised_text (NULL, quorum_action_get_meeting (action),
                        quorum_action_get_date (action));
  gtk_label_set_text (self->details_raised, raised);
  quorum_note_button_set_target (QUORUM_NOTE_BUTTON (self->note_button),
                                 g_variant_new ("(sssss)", "action",
                                                quorum_action_get_ref (action), "", "", ""));
  gtk_list_box_bind_model (self->history_list, quorum_action_get_updates (action),
                           create_update_row, NULL, NULL);
}

static void
selection_changed_cb (QuorumActionsView *self)
{
  show_details (self, quorum_slot_model_get_cursor_item (
    quorum_ui_slot_selection_get_slots (self->selection)));
}

/* --- the filters' choices ----------------------------------------------------- */

static void
fill_committees (QuorumActionsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = self->committees != NULL ? g_list_model_get_n_items (self->committees) : 0;

  gtk_string_list_splice (self->committee_ids, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->committee_ids)), NULL);
  gtk_string_list_append (labels, _("All Committees"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumCommittee) committee = g_list_model_get_item (self->committees, i);

      gtk_string_list_append (labels, quorum_committee_get_short_name (committee));
      gtk_string_list_append (self->committee_ids, quorum_committee_get_id (committee));
    }
  gtk_drop_down_set_model (self->committee_dropdown, G_LIST_MODEL (labels));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
fill_owners (QuorumActionsView *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = self->log != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->log)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumAction) action = g_list_model_get_item (G_LIST_MODEL (self->log), i);
      const char *owner = quorum_action_get_owner (action);

      if (owner != NULL && g_hash_table_add (seen, (gpointer) owner))
        g_ptr_array_add (owners, (gpointer) owner);
    }
  g_ptr_array_sort (owners, compare_strings);
  g_ptr_array_add (owners, NULL);
  gtk_string_list_splice (self->owners, 0, g_list_model_get_n_items (G_LIST_MODEL (self->owners)),
                          (const char * const *) owners->pdata);
  gtk_string_list_append (labels, _("Any Owner"));
  gtk_string_list_splice (labels, 1, 0, (const char * const *) owners->pdata);
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (labels));
}

static void
show_changed_cb (QuorumActionsView *self)
{
  quorum_actions_view_set_show (self, gtk_drop_down_get_selected (self->show_dropdown));
}

static void
committee_changed_cb (QuorumActionsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->committee_dropdown);

  quorum_actions_view_set_committee (self, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                           ? NULL
                                           : gtk_string_list_get_string (self->committee_ids,
                                                                         selected - 1));
}

static void
owner_changed_cb (QuorumActionsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);

  quorum_actions_view_set_owner (self, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                       ? NULL
                                       : gtk_string_list_get_string (self->owners,
                                                                     selected - 1));
}

static void
search_changed_cb (QuorumActionsView *self)
{
  quorum_actions_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Overdue depends on today. */
static void
today_changed_cb (QuorumActionsView *self)
{
  count_open (self);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
log_changed_cb (QuorumActionsView *self)
{
  fill_owners (self);
  count_open (self);
  update_count (self);
}

/* --- GObject ----------------------------------------------------------------- */

static void
quorum_actions_view_dispose (GObject *object)
{
  QuorumActionsView *self = QUORUM_ACTIONS_VIEW (object);

  quorum_actions_view_set_store (self, NULL);
  quorum_actions_view_set_action_log (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_ACTIONS_VIEW);
  g_clear_object (&self->committees);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->committee_ids);
  g_clear_object (&self->owners);

  G_OBJECT_CLASS (quorum_actions_view_parent_class)->dispose (object);
}

static void
quorum_actions_view_finalize (GObject *object)
{
  QuorumActionsView *self = QUORUM_ACTIONS_VIEW (object);

  g_free (self->committee);
  g_free (self->owner);
  g_free (self->search);

  G_OBJECT_CLASS (quorum_actions_view_parent_class)->finalize (object);
}

static void
quorum_actions_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  QuorumActionsView *self = QUORUM_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_ACTION_LOG: g_value_set_object (value, self->log); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_actions_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  QuorumActionsView *self = QUORUM_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      quorum_actions_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_ACTION_LOG:
      quorum_actions_view_set_action_log (self, g_value_get_object (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_actions_view_class_init (QuorumActionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_actions_view_dispose;
  object_class->finalize = quorum_actions_view_finalize;
  object_class->get_property = quorum_actions_view_get_property;
  object_class->set_property = quorum_actions_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_LOG] =
    g_param_spec_object ("action-log", NULL, NULL, QUORUM_TYPE_ACTION_LOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_ACTION);
  g_type_ensure (QUORUM_TYPE_SLOT);
  g_type_ensure (QUORUM_TYPE_TEXT_CELL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-actions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, show_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, committee_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, details);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, details_ref);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, details_text);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, details_raised);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, history_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumActionsView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, show_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, committee_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, due_text);
  gtk_widget_class_bind_template_callback (widget_class, raised_text);
  gtk_widget_class_bind_template_callback (widget_class, owner_text);
  gtk_widget_class_bind_template_callback (widget_class, sort_key);
}

static void
quorum_actions_view_init (QuorumActionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->committee_ids = gtk_string_list_new (NULL);
  self->owners = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  /* Sorted, then filtered: the filter keeps the sorted order, so a search
   * or a filter changes only which rows are shown and never sorts again. */
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (
                                                  self->column_view)));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = quorum_ui_slot_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  quorum_ui_column_view_fix_ctrl_click (self->column_view);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (quorum_ui_slot_selection_get_slots (self->selection),
                           "notify::cursor-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  fill_committees (self);
  fill_owners (self);
  update_count (self);
  /* The user's private note on the action (quorum-window-notes.c writes it). */
  self->note_button = quorum_note_button_new ();
  gtk_widget_set_name (self->note_button, "note-button");
  gtk_widget_set_halign (self->note_button, GTK_ALIGN_START);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->details_raised))),
                              self->note_button, GTK_WIDGET (self->details_raised));
  show_details (self, NULL);
}

GtkWidget *
quorum_actions_view_new (void)
{
  return g_object_new (QUORUM_TYPE_ACTIONS_VIEW, NULL);
}

QuorumActionLog *
quorum_actions_view_get_action_log (QuorumActionsView *self)
{
  g_return_val_if_fail (QUORUM_IS_ACTIONS_VIEW (self), NULL);
  return self->log;
}

/**
 * quorum_actions_view_set_action_log:
 * @log: (nullable): the store's action log
 */
void
quorum_actions_view_set_action_log (QuorumActionsView *self,
                                    QuorumActionLog   *log)
{
  g_return_if_fail (QUORUM_IS_ACTIONS_VIEW (self));
  g_return_if_fail (log == NULL || QUORUM_IS_ACTION_LOG (log));

  if (self->log == log)
    return;
  if (self->log != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->log, log_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->log, today_changed_cb, self);
    }
  g_set_object (&self->log, log);
  count_open (self);
  if (self->sorted != NULL)
    gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (log));
  if (log != NULL)
    {
      g_signal_connect_swapped (log, "items-changed", G_CALLBACK (log_changed_cb), self);
      g_signal_connect_swapped (log, "notify::today", G_CALLBACK (today_changed_cb), self);
    }
  if (self->filtered != NULL)
    log_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_LOG]);
}

/**
 * quorum_actions_view_set_store:
 * @store: (nullable): the store whose action log and committees to show
 */
void
quorum_actions_view_set_store (QuorumActionsView *self,
                               QuorumStore       *store)
{
  g_return_if_fail (QUORUM_IS_ACTIONS_VIEW (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  quorum_actions_view_set_committees (self, store != NULL ? quorum_store_get_committees (store)
                                                          : NULL);
  quorum_actions_view_set_action_log (self, store != NULL ? quorum_store_get_action_log (store)
                                                          : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * quorum_actions_view_set_committees:
 * @committees: (nullable): the register, a list model of #QuorumCommittee
 */
void
quorum_actions_view_set_committees (QuorumActionsView *self,
                                    GListModel        *committees)
{
  g_return_if_fail (QUORUM_IS_ACTIONS_VIEW (self));

  g_set_object (&self->committees, committees);
  fill_committees (self);
}

void
quorum_actions_view_set_show (QuorumActionsView *self,
                              QuorumActionsShow  show)
{
  g_return_if_fail (QUORUM_IS_ACTIONS_VIEW (self));

  if (show > QUORUM_ACTIONS_SHOW_CLOSED || show == self->show)
    return;
  self->show = show;
  if (gtk_drop_down_get_selected (self->show_dropdown) != show)
    gtk_drop_down_set_selected (self->show_dropdown, show);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * quorum_actions_view_set_committee:
 * @committee: (nullable): a committee id, or %NULL for all
 */
void
quorum_actions_view_set_committee (QuorumActionsView *self,
                                   const char        *committee)
{
  g_return_if_fail (QUORUM_IS_ACTIONS_VIEW (self));

  if (g_strcmp0 (committee, self->committee) == 0)
    return;
  g_free (self->committee);
  self->committee = g_strdup (committee);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * quorum_actions_view_set_owner:
 * @owner: (nullable): an owner as the minutes name them, or %NULL for any
 */
void
quorum_actions_view_set_owner (QuorumActionsView *self,
                               const char        *owner)
{
  g_return_if_fail (QUORUM_IS_ACTIONS_VIEW (self));

  if (g_strcmp0 (owner, self->owner) == 0)
    return;
  g_free (self->owner);
  self->owner = g_strdup (owner);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Each keystroke that adds to the search only narrows what is shown, and
 * one that removes from it only widens it: the filter model then checks
 * only the rows that may change. */
void
quorum_actions_view_set_search (QuorumActionsView *self,
                                const char        *text)
{
  g_autofree char *folded = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (QUORUM_IS_ACTIONS_VIEW (self));

  if (text != NULL && *text != '\0')
    folded = g_utf8_casefold (text, -1);
  if (g_strcmp0 (folded, self->search) == 0)
    return;
  if (self->search == NULL || (folded != NULL && strstr (folded, self->search) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL || strstr (self->search, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  /* Replacing the entry's text empties it first, and an empty search entry
   * says so at once: without the block, that would clear the search just
   * set (and a later keystroke's "more strict" would then show everything). */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                 text != NULL ? text : "") != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
    }
  refilter (self, change);
}

/**
 * quorum_actions_view_get_shown:
 * Returns: (transfer none): the actions shown, in the column view's order
 */
GListModel *
quorum_actions_view_get_shown (QuorumActionsView *self)
{
  g_return_val_if_fail (QUORUM_IS_ACTIONS_VIEW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/* Selects the action @ref where it is shown, and shows its history. */
gboolean
quorum_actions_view_select (QuorumActionsView *self,
                            const char        *ref)
{
  GListModel *shown;

  g_return_val_if_fail (QUORUM_IS_ACTIONS_VIEW (self), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  shown = G_LIST_MODEL (self->filtered);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(QuorumAction) action = g_list_model_get_item (shown, i);

      if (g_str_equal (quorum_action_get_ref (action), ref))
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

/* --- QuorumSearchable ---------------------------------------------------------------- */

static gboolean
focus_search (QuorumSearchable  *searchable,
              const char       **why_not)
{
  gtk_widget_grab_focus (GTK_WIDGET (QUORUM_ACTIONS_VIEW (searchable)->search_entry));
  return TRUE;
}

static void
searchable_iface_init (QuorumSearchableInterface *iface)
{
  iface->focus_search = focus_search;
}
