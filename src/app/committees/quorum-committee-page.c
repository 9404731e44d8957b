/* quorum-committee-page.c: a committee of the register, and every figure about it
 *
 * What the committee is, and every figure the budgets give about it
 * (through quorum_figures_for_committee()): its costs by component, its
 * staff by grade, its meetings a year, and any other budget line that
 * names it. Its total cost is the one its document's comparison shows
 * (QuorumCommitteeComparison), marked where the document's total is not
 * the sum of its parts. A committee that no document has a figure for says
 * so.
 *
 * Above the figures, its meetings (to come, soonest first, then held,
 * latest first) and its open actions (overdue ones marked in words and
 * with an icon): list boxes bound to filtered, sorted models over the
 * store's meetings and action log, so they follow a reload, and "today"
 * is the action log's. A row activates win.show-meeting or win.show-action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-committee-page.h"
#include "quorum-figure-ui.h"
#include "quorum-meetings-calendar.h"
#include "quorum-ui-util.h"

struct _QuorumCommitteePage
{
  AdwBin parent_instance;

  /* template widgets */
  GtkScrolledWindow *committee_scroller;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *facts_label;
  GtkLabel *note_label;
  GtkWidget *sections_box;
  GtkListBox *meetings_list;
  GtkListBox *actions_list;

  /* owned */
  QuorumStore *store;
  char *committee;                      /* the id shown */
  GtkCustomFilter *meetings_filter;
  GtkCustomSorter *meetings_sorter;
  GtkFilterListModel *meetings;         /* of the store's meetings */
  GtkSortListModel *meetings_sorted;
  GtkCustomFilter *actions_filter;
  GtkFilterListModel *actions;          /* of the store's action log */
};

G_DEFINE_FINAL_TYPE (QuorumCommitteePage, quorum_committee_page, ADW_TYPE_BIN)

static void
quorum_committee_page_dispose (GObject *object)
{
  QuorumCommitteePage *self = (QuorumCommitteePage *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (quorum_store_get_action_log (self->store), self);
  g_clear_object (&self->store);
  g_clear_object (&self->meetings_sorted);
  g_clear_object (&self->meetings);
  g_clear_object (&self->meetings_filter);
  g_clear_object (&self->meetings_sorter);
  g_clear_object (&self->actions);
  g_clear_object (&self->actions_filter);
  g_clear_pointer (&self->committee, g_free);
  /* The bin's child is a template child: unparented here, or GTK 4.8's
   * gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_COMMITTEE_PAGE);

  G_OBJECT_CLASS (quorum_committee_page_parent_class)->dispose (object);
}

/* --- meetings and open actions --------------------------------------------------- */

static const char *
page_today (QuorumCommitteePage *self)
{
  return self->store != NULL ? quorum_action_log_get_today (quorum_store_get_action_log (
                                                              self->store))
                             : NULL;
}

static gboolean
meeting_of_committee (gpointer item,
                      gpointer user_data)
{
  QuorumCommitteePage *self = user_data;

  return self->committee != NULL &&
         g_strcmp0 (quorum_meeting_get_committee (item), self->committee) == 0;
}

/* Those on or after today, soonest first, then those before, latest first. */
static int
upcoming_then_past (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  QuorumMeeting *meeting_a = (QuorumMeeting *) a;
  QuorumMeeting *meeting_b = (QuorumMeeting *) b;
  const char *today = page_today (user_data);
  gboolean past_a = g_strcmp0 (quorum_meeting_get_date (meeting_a), today) < 0;
  gboolean past_b = g_strcmp0 (quorum_meeting_get_date (meeting_b), today) < 0;

  if (past_a != past_b)
    return past_a ? 1 : -1;
  return past_a ? quorum_meeting_compare (meeting_b, meeting_a)
                : quorum_meeting_compare (meeting_a, meeting_b);
}

static gboolean
open_action_of_committee (gpointer item,
                          gpointer user_data)
{
  QuorumCommitteePage *self = user_data;

  return self->committee != NULL && quorum_action_get_open (item) &&
         g_strcmp0 (quorum_action_get_committee (item), self->committee) == 0;
}

/* What the action is: its text; for one raised before the records begin,
 * the first paragraph of its latest update. */
static char *
dup_action_text (QuorumAction *action)
{
  GListModel *updates = quorum_action_get_updates (action);
  guint n = g_list_model_get_n_items (updates);
  g_autoptr(QuorumActionUpdate) latest = n > 0 ? g_list_model_get_item (updates, n - 1) : NULL;
  const char *text = latest != NULL ? quorum_action_update_get_text (latest) : NULL;

  if (quorum_action_get_text (action) != NULL)
    return g_strdup (quorum_action_get_text (action));
  if (text == NULL)
    return g_strdup (_("Raised before these records begin"));
  return g_strndup (text, strcspn (text, "\n"));
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  QuorumAction *action = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  const char *owner = quorum_action_get_owner (action);
  g_autofree char *text = dup_action_text (action);
  g_autofree char *due = quorum_ui_format_date (quorum_action_get_due (action));
  g_autofree char *due_text = due != NULL
    /* TRANSLATORS: when an action is due, e.g. "Due 31 January 2017" */
    ? g_strdup_printf (_("Due %s"), due)
    : g_strdup (_("No due date"));
  /* TRANSLATORS: an action's ref, owner and due date,
   * e.g. "SECP39/01 · SECAS · Due 31 January 2017" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                               quorum_action_get_ref (action),
                                               owner != NULL ? owner : _("No owner"),
                                               due_text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, quorum_action_get_ref (action));
  if (quorum_action_get_overdue (action))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *word = gtk_label_new (_("Overdue"));

      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), word);
      gtk_widget_add_css_class (box, "warning");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static GtkWidget *
empty_row (const char *name,
           const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
meeting_activated_cb (GtkListBox          *list,
                      GtkListBoxRow       *row,
                      QuorumCommitteePage *self)
{
  g_autoptr(QuorumMeeting) meeting =
    g_list_model_get_item (G_LIST_MODEL (self->meetings_sorted), gtk_list_box_row_get_index (row));

  if (meeting != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-meeting", "s",
                                quorum_meeting_get_id (meeting));
}

static void
action_activated_cb (GtkListBox          *list,
                     GtkListBoxRow       *row,
                     QuorumCommitteePage *self)
{
  g_autoptr(QuorumAction) action =
    g_list_model_get_item (G_LIST_MODEL (self->actions), gtk_list_box_row_get_index (row));

  if (action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-action", "s",
                                quorum_action_get_ref (action));
}

/* A new today: meetings move from upcoming to past, actions become
 * overdue; the rows are made again. */
static void
today_changed_cb (QuorumCommitteePage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->meetings_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_list_model_set_model (self->actions, NULL);
  gtk_filter_list_model_set_model (self->actions,
                                   G_LIST_MODEL (quorum_store_get_action_log (self->store)));
}

static void
show_meetings_and_actions (QuorumCommitteePage *self,
                           QuorumStore         *store,
                           QuorumCommittee     *committee)
{
  QuorumActionLog *log = quorum_store_get_action_log (store);

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (quorum_store_get_action_log (self->store), self);
      g_set_object (&self->store, store);
      g_signal_connect_object (log, "notify::today", G_CALLBACK (today_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_free (self->committee);
  self->committee = g_strdup (quorum_committee_get_id (committee));
  gtk_filter_list_model_set_model (self->meetings, quorum_store_get_meetings (store));
  gtk_filter_list_model_set_model (self->actions, G_LIST_MODEL (log));
  gtk_filter_changed (GTK_FILTER (self->meetings_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->meetings_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->actions_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* --- GObject ------------------------------------------------------------------------- */

static void
quorum_committee_page_class_init (QuorumCommitteePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_committee_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-committee-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteePage, committee_scroller);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteePage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteePage, note_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteePage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteePage, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteePage, actions_list);
  gtk_widget_class_bind_template_callback (widget_class, meeting_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, action_activated_cb);
}

static void
quorum_committee_page_init (QuorumCommitteePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->meetings_filter = gtk_custom_filter_new (meeting_of_committee, self, NULL);
  self->meetings_sorter = gtk_custom_sorter_new (upcoming_then_past, self, NULL);
  self->meetings = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (
                                                                   self->meetings_filter)));
  self->meetings_sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->meetings)),
                                                   g_object_ref (GTK_SORTER (
                                                                   self->meetings_sorter)));
  gtk_list_box_bind_model (self->meetings_list, G_LIST_MODEL (self->meetings_sorted),
                           quorum_meeting_row_new, NULL, NULL);
  gtk_list_box_set_placeholder (self->meetings_list,
                                empty_row ("no-meetings", _("No meetings in the store")));

  self->actions_filter = gtk_custom_filter_new (open_action_of_committee, self, NULL);
  self->actions = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (
                                                                  self->actions_filter)));
  gtk_list_box_bind_model (self->actions_list, G_LIST_MODEL (self->actions),
                           create_action_row, NULL, NULL);
  gtk_list_box_set_placeholder (self->actions_list,
                                empty_row ("no-actions", _("No open actions")));
}

/* A value row; @subtitle under its title when there is one. */
static void
add_figure_row (GtkListBox *list_box,
                const char *title,
                const char *value,
                const char *subtitle)
{
  GtkWidget *label = quorum_ui_add_value_row (list_box, title, value);

  gtk_widget_add_css_class (label, "numeric");
  if (subtitle != NULL)
    {
      GtkWidget *row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
}

/* A heading and an explanation for a kind of figure. */
static GtkWidget *
add_section (QuorumCommitteePage *self,
             const char           *title,
             const char           *description)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-3");
  gtk_box_append (GTK_BOX (section), heading);
  if (description != NULL)
    {
      GtkWidget *text = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_widget_add_css_class (text, "dim-label");
      gtk_box_append (GTK_BOX (section), text);
    }
  gtk_box_append (GTK_BOX (self->sections_box), section);
  return section;
}

/* A group of figures in @section: a boxed list under a title. */
static GtkListBox *
add_group (GtkWidget  *section,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list_box = gtk_list_box_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);

  /* The group's title and description are markup. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title_markup);
  if (description != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (description, -1);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), markup);
    }
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list_box, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list_box);
  gtk_box_append (GTK_BOX (section), group);
  return GTK_LIST_BOX (list_box);
}

typedef struct
{
  QuorumFigure *first;
  GPtrArray *figures;          /* of QuorumFigure */
  GPtrArray *years;            /* of const char*, each once */
} Group;

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->figures);
  g_ptr_array_unref (group->years);
  g_free (group);
}

static gboolean
is_other_role (const char *role)
{
  return g_strcmp0 (role, "committee-costs") != 0 && g_strcmp0 (role, "staffing") != 0 &&
         g_strcmp0 (role, "meetings") != 0;
}

/* The figures of @role (any other role when @role is NULL), grouped by
 * document and table, and by row too when @by_row; in the figures' order. */
static GPtrArray *
group_figures (GListModel *figures,
               const char *role,
               gboolean    by_row)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(QuorumFigure) figure = g_list_model_get_item (figures, i);
      const char *figure_role = quorum_figure_get_role (figure);
      const char *year = quorum_figure_get_year (figure);
      gboolean wanted = role != NULL ? g_strcmp0 (figure_role, role) == 0
                                     : is_other_role (figure_role);
      char *key;
      Group *group;

      if (!wanted)
        continue;
      key = g_strjoin ("\n", quorum_figure_get_document (figure),
                       quorum_figure_get_table (figure),
                       by_row ? quorum_figure_get_row (figure) : "", NULL);
      group = g_hash_table_lookup (by_key, key);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->first = figure;
          group->figures = g_ptr_array_new_with_free_func (g_object_unref);
          group->years = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_key, key, group);
        }
      else
        g_free (key);
      if (year != NULL && !g_ptr_array_find_with_equal_func (group->years, year, g_str_equal,
                                                             NULL))
        g_ptr_array_add (group->years, (gpointer) year);
      g_ptr_array_add (group->figures, g_object_ref (figure));
    }
  return groups;
}

/* “Table 3: … · row “TABASC” · shared with …” */
static char *
group_description (QuorumCommitteePage *self,
                   QuorumFigure         *figure,
                   gboolean              with_row)
{
  const char *table = quorum_figure_get_table_title (figure);
  const char *row = quorum_figure_get_row_label (figure);
  const char * const *ids = quorum_figure_get_committees (figure);
  g_autofree char *names =
    quorum_committee_short_names (quorum_store_get_committees (self->store), ids);
  guint n_names = ids != NULL ? g_strv_length ((char **) ids) : 0;

  /* One sentence each, so that a translation can put its parts in its own
   * order. */
  if (with_row && names != NULL)
    /* TRANSLATORS: a table, the row a figure is on and the committees the
     * row is about, e.g. "Budget summary · row “TABASC” · for SEC Panel, SECCo Board" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s · row “%2$s” · for %3$s",
                                         "%1$s · row “%2$s” · for %3$s", n_names),
                            table, row, names);
  if (with_row)
    /* TRANSLATORS: a table and the row a figure is on, e.g.
     * "Budget summary · row “TABASC”" */
    return g_strdup_printf (_("%1$s · row “%2$s”"), table, row);
  if (names != NULL)
    /* TRANSLATORS: a table and the committees a figure is about, e.g.
     * "Budget summary · for SEC Panel, SECCo Board" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s · for %2$s", "%1$s · for %2$s",
                                         n_names),
                            table, names);
  return g_strdup (table);
}

static char *
figure_title (QuorumFigure *figure,
              Group        *group,
              const char   *name)
{
  const char *year = quorum_figure_get_year (figure);

  if (group->years->len > 1 && year != NULL)
    /* TRANSLATORS: a year and what a figure is, e.g. "2020/21 · Core team" */
    return g_strdup_printf (_("%s · %s"), year, name);
  return g_strdup (name);
}

static const char *
computed_note (QuorumFigure *figure)
{
  return quorum_figure_get_is_computed (figure)
         ? _("Not stated in the document: worked out from its other figures")
         : NULL;
}

static char *
group_years (Group *group)
{
  g_autofree const char **years = (const char **) g_new0 (char *, group->years->len + 1);

  for (guint i = 0; i < group->years->len; i++)
    years[i] = g_ptr_array_index (group->years, i);
  return g_strjoinv (", ", (char **) years);
}

/* The comparison of the table @figure is in: the one source of the
 * committees' totals. */
static QuorumCommitteeComparison *
group_comparison (QuorumCommitteePage *self,
                  QuorumFigure         *figure)
{
  QuorumBudgetDocument *document =
    quorum_store_find_document (self->store, quorum_figure_get_document (figure));
  QuorumTable *table = document != NULL
    ? quorum_budget_document_find_table (document, quorum_figure_get_table (figure)) : NULL;

  return table != NULL
         ? quorum_committee_comparison_new (document, table,
                                            quorum_store_get_committees (self->store))
         : NULL;
}

/* Whether @figure is a total the comparison marks as not the sum of its
 * parts; @note then says so. */
static gboolean
comparison_total_differs (QuorumCommitteeComparison *comparison,
                          QuorumFigure              *figure,
                          const char               **note)
{
  QuorumFigureLine *line = comparison != NULL
    ? quorum_committee_comparison_find_row (comparison, quorum_figure_get_row (figure)) : NULL;
  int total_cell = comparison != NULL ? quorum_committee_comparison_get_total_cell (comparison)
                                      : -1;
  g_autoptr(QuorumColumn) column = NULL;
  GListModel *columns;

  if (line == NULL || total_cell < 0)
    return FALSE;
  columns = quorum_table_get_columns (quorum_committee_comparison_get_table (comparison));
  if ((guint) total_cell >= g_list_model_get_n_items (columns))
    return FALSE;
  column = g_list_model_get_item (columns, total_cell);
  if (g_strcmp0 (quorum_column_get_id (column), quorum_figure_get_column (figure)) != 0 ||
      !quorum_figure_line_get_warning (line, total_cell))
    return FALSE;
  *note = quorum_figure_line_get_tooltip (line, total_cell);
  return TRUE;
}

static void
fill_costs (QuorumCommitteePage *self,
            GListModel           *figures)
{
  g_autoptr(GPtrArray) groups = group_figures (figures, "committee-costs", TRUE);
  QuorumCommitteeComparison *comparison = NULL;
  GtkWidget *section;

  if (groups->len == 0)
    return;
  section = add_section (self, _("Costs by Component"),
                         _("The core team, subject matter experts and independent chair, as each "
                           "document's table of costs by committee gives them."));
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      g_autofree char *years = group_years (group);
      g_autofree char *title = NULL;
      g_autofree char *description = group_description (self, group->first, TRUE);
      GtkListBox *list_box;

      /* TRANSLATORS: a group of figures: the years, then the document,
       * e.g. "2020/21 — SEC Panel Budget 2020–2023" */
      title = g_strdup_printf (_("%s — %s"), years[0] != '\0' ? years : _("No year"),
                               quorum_figure_get_document_title (group->first));
      list_box = add_group (section, title, description);
      comparison = group_comparison (self, group->first);
      for (guint i = 0; i < group->figures->len; i++)
        {
          QuorumFigure *figure = g_ptr_array_index (group->figures, i);
          const char *component = quorum_figure_ui_component_label (
            quorum_figure_get_component (figure));
          g_autofree char *name = figure_title (figure, group, component != NULL
                                                ? component
                                                : quorum_figure_get_column_label (figure));
          g_autofree char *value = quorum_figure_ui_format_figure (figure);
          const char *note = computed_note (figure);
          g_autofree char *marked = NULL;

          /* The total as the comparison (and its chart) shows it, marked
           * where the document's total is not the sum of the parts. */
          if (comparison_total_differs (comparison, figure, &note))
            {
              marked = g_steal_pointer (&value);
              value = g_strdup_printf (_("%s ≠"), marked);
            }
          add_figure_row (list_box, name, value, note);
        }
      g_clear_object (&comparison);
    }
}

static char *
grade_name (QuorumFigure *figure)
{
  if (quorum_figure_get_grade (figure) != NULL)
    return quorum_ui_grade_label (quorum_figure_get_grade (figure));
  /* A table whose rows are grades: the row names the grade. */
  return g_strdup (quorum_figure_get_row_label (figure));
}

static void
fill_staffing (QuorumCommitteePage *self,
               GListModel           *figures)
{
  g_autoptr(GPtrArray) groups = group_figures (figures, "staffing", FALSE);
  GtkWidget *section;

  if (groups->len == 0)
    return;
  section = add_section (self, _("Staff by Grade"),
                         _("Full-time equivalent staff (FTE) of each grade, from each "
                           "document's staffing tables."));
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      g_autofree char *years = group_years (group);
      g_autofree char *description = group_description (self, group->first, TRUE);
      g_autofree char *title =
        g_strdup_printf (_("%s — %s"), years[0] != '\0' ? years : _("No year"),
                         quorum_figure_get_document_title (group->first));
      GtkListBox *list_box = add_group (section, title, description);

      for (guint i = 0; i < group->figures->len; i++)
        {
          QuorumFigure *figure = g_ptr_array_index (group->figures, i);
          g_autofree char *grade = grade_name (figure);
          g_autofree char *name = figure_title (figure, group, grade);
          g_autofree char *value = quorum_figure_ui_format_figure (figure);

          add_figure_row (list_box, name, value, computed_note (figure));
        }

      /* With grades in the columns, the committee's FTE in each year. */
      for (guint y = 0; y < MAX (group->years->len, 1); y++)
        {
          const char *year = group->years->len > 0 ? g_ptr_array_index (group->years, y) : NULL;
          gint64 sum = 0;
          guint n = 0;
          gboolean ok = TRUE;
          g_autofree char *value = NULL;
          g_autofree char *name = NULL;

          for (guint i = 0; i < group->figures->len; i++)
            {
              QuorumFigure *figure = g_ptr_array_index (group->figures, i);

              if (quorum_figure_get_grade (figure) == NULL ||
                  g_strcmp0 (quorum_figure_get_year (figure), year) != 0)
                continue;
              ok = ok && quorum_amount_add (sum, quorum_figure_get_amount (figure), &sum);
              n++;
            }
          if (n < 2 || !ok)
            continue;
          value = quorum_figure_ui_format (sum, "fte");
          name = group->years->len > 1 && year != NULL
                 /* TRANSLATORS: the sum of a committee's FTE of every grade in a year */
                 ? g_strdup_printf (_("%s · All grades"), year)
                 : g_strdup (_("All grades"));
          add_figure_row (list_box, name, value, _("The sum of the grades above"));
        }
    }
}

static void
fill_meetings (QuorumCommitteePage *self,
               GListModel           *figures)
{
  g_autoptr(GPtrArray) groups = group_figures (figures, "meetings", TRUE);
  gboolean shared = FALSE;
  GtkWidget *section;

  if (groups->len == 0)
    return;
  for (guint g = 0; g < groups->len; g++)
    {
      const char * const *committees =
        quorum_figure_get_committees (((Group *) g_ptr_array_index (groups, g))->first);

      shared = shared || (committees != NULL && committees[0] != NULL && committees[1] != NULL);
    }
  section = add_section (self, _("Meetings"),
                         shared
                         ? _("Meetings a year, from each document's meeting forecast. A row "
                             "that covers several committees counts in full for each "
                             "committee it lists.")
                         : _("Meetings a year, from each document's meeting forecast."));
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      g_autofree char *description = group_description (self, group->first, TRUE);
      GtkListBox *list_box = add_group (section,
                                        quorum_figure_get_document_title (group->first),
                                        description);

      for (guint i = 0; i < group->figures->len; i++)
        {
          QuorumFigure *figure = g_ptr_array_index (group->figures, i);
          g_autofree char *value = NULL;
          g_autofree char *cost_text = NULL;
          gint64 amount = quorum_figure_get_amount (figure);
          gint64 cost, rate;
          const char *year = quorum_figure_get_year (figure);
          const char *phase = quorum_figure_ui_phase_label (quorum_figure_get_phase (figure));
          g_autofree char *name = year == NULL
                                  ? g_strdup (quorum_figure_get_column_label (figure))
                                  : phase == NULL
                                  ? g_strdup (year)
                                  : g_strdup_printf (_("%s %s"), year, phase);

          if (quorum_figure_get_is_na (figure))
            value = g_strdup (_("N/A"));
          else
            {
              g_autofree char *number = quorum_amount_format_display (amount, "count");
              gulong n = amount % 100 == 0 ? (gulong) ABS (amount / 100) : 2;

              /* TRANSLATORS: a number of meetings, e.g. "12 meetings" */
              value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s meeting",
                                                    "%s meetings", n), number);
            }
          if (quorum_figure_get_rate (figure, &rate) &&
              quorum_figure_get_cost_at_rate (figure, &cost))
            {
              g_autofree char *cost_amount = quorum_ui_format_amount (cost);
              g_autofree char *rate_amount = quorum_ui_format_amount (rate);

              /* TRANSLATORS: what meetings cost at the document's rate,
               * e.g. "£12,000 at £1,000 a meeting" */
              cost_text = g_strdup_printf (_("%s at %s a meeting"), cost_amount, rate_amount);
            }
          add_figure_row (list_box, name, value, cost_text);
        }
    }
}

static void
fill_other (QuorumCommitteePage *self,
            GListModel           *figures)
{
  g_autoptr(GPtrArray) groups = group_figures (figures, NULL, FALSE);
  GtkWidget *section;

  if (groups->len == 0)
    return;
  section = add_section (self, _("Budget Lines and Projects"),
                         _("Other lines of the budgets that name the committee."));
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      GtkListBox *list_box = add_group (section,
                                        quorum_figure_get_document_title (group->first),
                                        quorum_figure_get_table_title (group->first));

      for (guint i = 0; i < group->figures->len; i++)
        {
          QuorumFigure *figure = g_ptr_array_index (group->figures, i);
          g_autofree char *value = quorum_figure_ui_format_figure (figure);
          g_autofree char *column = g_strdup (quorum_figure_get_column_label (figure));
          g_autofree char *subtitle = NULL;

          if (quorum_figure_get_is_computed (figure))
            /* TRANSLATORS: a column, and that the figure is worked out,
             * not stated, e.g. "2020/21 · computed" */
            subtitle = g_strdup_printf (_("%s · computed"), column);
          add_figure_row (list_box, quorum_figure_get_row_label (figure), value,
                          subtitle != NULL ? subtitle : column);
        }
    }
}

/**
 * quorum_committee_page_show:
 * @store: the store whose documents give the figures
 * @committee: a committee of its register
 *
 * Shows the committee and every figure about it, from the top.
 */
void
quorum_committee_page_show (QuorumCommitteePage *self,
                            QuorumStore         *store,
                            QuorumCommittee     *committee)
{
  g_autoptr(GListModel) figures = NULL;
  const char *short_name = quorum_committee_get_short_name (committee);
  const char *area = quorum_committee_get_service_area (committee);
  g_autofree char *established =
    quorum_ui_format_date (quorum_committee_get_established (committee));
  const char *meets = quorum_figure_ui_meets_label (quorum_committee_get_meets (committee));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->committee_scroller);

  g_return_if_fail (QUORUM_IS_COMMITTEE_PAGE (self));
  g_return_if_fail (QUORUM_IS_STORE (store));
  g_return_if_fail (QUORUM_IS_COMMITTEE (committee));

  show_meetings_and_actions (self, store, committee);
  figures = quorum_figures_for_committee (quorum_store_get_documents (store),
                                          quorum_committee_get_id (committee));
  gtk_label_set_label (self->title_label, quorum_committee_get_name (committee));
  if (area != NULL)
    {
      /* TRANSLATORS: a committee's short name and service area,
       * e.g. "TABASC · Technical Operations" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), short_name, area);

      gtk_label_set_label (self->subtitle_label, subtitle);
    }
  else
    gtk_label_set_label (self->subtitle_label, short_name);

  {
    g_autofree char *established_text = established != NULL
      /* TRANSLATORS: when a committee was established, e.g. "Established 1 November 2015" */
      ? g_strdup_printf (_("Established %s"), established)
      : g_strdup (_("Date established not stated"));
    g_autofree char *meets_text = meets != NULL
      /* TRANSLATORS: how often a committee meets, e.g. "Meets monthly" */
      ? g_strdup_printf (_("Meets %s"), meets)
      : g_strdup (_("How often it meets not stated"));
    /* TRANSLATORS: two facts about a committee, e.g.
     * "Established 1 November 2015 · Meets monthly" */
    g_autofree char *facts = g_strdup_printf (_("%s · %s"), established_text, meets_text);

    gtk_label_set_label (self->facts_label, facts);
  }
  gtk_label_set_label (self->note_label, quorum_committee_get_note (committee));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label),
                          quorum_committee_get_note (committee) != NULL);

  quorum_figure_ui_remove_children (self->sections_box);
  if (g_list_model_get_n_items (figures) == 0)
    {
      GtkWidget *section = add_section (self, _("Figures"), NULL);
      GtkListBox *list_box = add_group (section, _("No figures in any document"), NULL);
      g_autofree char *text =
        g_strdup_printf (_("No table of this store's budget documents has a row about %s."),
                         short_name);
      GtkWidget *row = quorum_ui_add_text_row (list_box, _("No figures in any document"), text);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

      gtk_widget_add_css_class (icon, "dim-label");
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_name (row, "no-figures");
    }
  else
    {
      fill_costs (self, figures);
      fill_staffing (self, figures);
      fill_meetings (self, figures);
      fill_other (self, figures);
    }

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}
