/* quorum-meeting-page.c: one meeting, its attendance, agenda, outcomes and actions
 *
 * The page reads like the minutes: the meeting's title, committee, when
 * and where, its state and note; who attended (collapsed, with the
 * counts); every agenda item in the minutes' order with its presenter,
 * summary, papers and outcomes; the actions raised, each with its current
 * status from the action log; and the updates heard on earlier actions.
 *
 * The agenda, its papers and outcomes, the actions and the updates are
 * GtkListBoxes bound to the meeting's list models, so a long meeting's
 * rows are made by the list boxes, not by a loop here. An outcome's verb
 * (NOTED, AGREED …) is a pill of the word itself, styled per kind. A paper
 * the store holds is an activatable row that emits ::open-paper.
 * "Add to Calendar…" saves the meeting as iCalendar (the meetings
 * calendar's quorum_meetings_export_choose()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-meeting-page.h"
#include "quorum-meetings-calendar.h"
#include "quorum-note-button.h"
#include "quorum-ui-util.h"

struct _QuorumMeetingPage
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *committee_label;
  GtkLabel *when_label;
  GtkBox *status_box;
  GtkWidget *note_group;
  GtkLabel *note_label;
  AdwPreferencesGroup *attendance_group;
  AdwPreferencesGroup *agenda_group;
  GtkListBox *agenda_list;
  GtkWidget *actions_group;
  GtkListBox *actions_list;
  GtkWidget *updates_group;
  GtkListBox *updates_list;
  GtkWidget *export_button;

  /* owned */
  GtkWidget *status_pill;
  GtkWidget *attendance_row;
  QuorumMeeting *meeting;
  QuorumActionLog *log;
  GListModel *committees;
};

G_DEFINE_FINAL_TYPE (QuorumMeetingPage, quorum_meeting_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_ACTION_LOG,
  N_PROPS
};

enum {
  SIGNAL_OPEN_PAPER,
  SIGNAL_ACTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- small pieces ---------------------------------------------------------------- */

static GtkWidget *
decorative_icon (const char *icon_name)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return image;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The ref of an action as a row's prefix: the minutes' own, e.g. SECP39/07. */
static GtkWidget *
ref_label (const char *ref)
{
  GtkWidget *label = gtk_label_new (ref);

  gtk_widget_add_css_class (label, "meeting-action-ref");
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  return label;
}

/* The minutes' verb for an outcome, in capitals as minutes write it; ""
 * for "other", whose text begins with the minutes' own word. */
static const char *
outcome_verb (QuorumItemOutcomeKind kind)
{
  switch (kind)
    {
    /* TRANSLATORS: what a meeting did with an agenda item, in capitals as
     * minutes write it */
    case QUORUM_ITEM_OUTCOME_KIND_NOTED: return C_("meeting outcome", "NOTED");
    case QUORUM_ITEM_OUTCOME_KIND_AGREED: return C_("meeting outcome", "AGREED");
    case QUORUM_ITEM_OUTCOME_KIND_APPROVED: return C_("meeting outcome", "APPROVED");
    case QUORUM_ITEM_OUTCOME_KIND_REJECTED: return C_("meeting outcome", "REJECTED");
    case QUORUM_ITEM_OUTCOME_KIND_DEFERRED: return C_("meeting outcome", "DEFERRED");
    case QUORUM_ITEM_OUTCOME_KIND_OTHER:
    default: return "";
    }
}

static const char *
outcome_pill_kind (QuorumItemOutcomeKind kind)
{
  switch (kind)
    {
    case QUORUM_ITEM_OUTCOME_KIND_AGREED: return "accent";
    case QUORUM_ITEM_OUTCOME_KIND_APPROVED: return "success";
    case QUORUM_ITEM_OUTCOME_KIND_REJECTED: return "error";
    case QUORUM_ITEM_OUTCOME_KIND_DEFERRED: return "warning";
    case QUORUM_ITEM_OUTCOME_KIND_NOTED:
    case QUORUM_ITEM_OUTCOME_KIND_OTHER:
    default: return "neutral";
    }
}

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, "member") == 0)
    return C_("attendee", "Member");
  if (g_strcmp0 (role, "alternate") == 0)
    return C_("attendee", "Alternate");
  if (g_strcmp0 (role, "observer") == 0)
    return C_("attendee", "Observer");
  if (g_strcmp0 (role, "participant") == 0)
    return C_("attendee", "Participant");
  if (g_strcmp0 (role, "secretary") == 0)
    return C_("attendee", "Secretary");
  if (g_strcmp0 (role, "secretariat") == 0)
    return C_("attendee", "Secretariat");
  return role;
}

/* --- attendance --------------------------------------------------------------------- */

static GtkWidget *
attendee_row (QuorumAttendee *attendee)
{
  const char *presence = quorum_attendee_get_presence (attendee);
  const char *category = quorum_attendee_get_category (attendee);
  const char *role = role_label (quorum_attendee_get_role (attendee));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = quorum_ui_pill_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quorum_attendee_get_name (attendee));
  if (category != NULL && role != NULL)
    /* TRANSLATORS: an attendee's constituency or organisation, then role */
    subtitle = g_strdup_printf (_("%s · %s"), category, role);
  else
    subtitle = g_strdup (category != NULL ? category : role);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (g_strcmp0 (presence, "part") == 0)
    quorum_ui_pill_set (pill, NULL, C_("attendance", "In Part"), "accent");
  else if (g_strcmp0 (presence, "apologies") == 0)
    quorum_ui_pill_set (pill, NULL, C_("attendance", "Apologies"), "neutral");
  else
    quorum_ui_pill_set (pill, NULL, C_("attendance", "Present"), "success");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  return row;
}

static char *
attendance_counts (GListModel *attendance)
{
  guint present = 0, part = 0, apologies = 0;
  g_autofree char *n_present = NULL;
  g_autofree char *n_part = NULL;
  g_autofree char *n_apologies = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(QuorumAttendee) attendee = g_list_model_get_item (attendance, i);
      const char *presence = quorum_attendee_get_presence (attendee);

      if (g_strcmp0 (presence, "part") == 0)
        part++;
      else if (g_strcmp0 (presence, "apologies") == 0)
        apologies++;
      else
        present++;
    }
  n_present = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u present", "%u present",
                                            present), present);
  n_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in part", "%u in part", part),
                            part);
  n_apologies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u apology", "%u apologies",
                                              apologies), apologies);
  /* TRANSLATORS: e.g. "20 present, 4 in part, 2 apologies" */
  return g_strdup_printf (_("%s, %s, %s"), n_present, n_part, n_apologies);
}

/* An AdwExpanderRow takes no model (libadwaita 1.2): the row is made anew
 * for each meeting. */
static void
show_attendance (QuorumMeetingPage *self)
{
  GListModel *attendance = quorum_meeting_get_attendance (self->meeting);
  guint n = g_list_model_get_n_items (attendance);
  g_autofree char *counts = NULL;

  if (self->attendance_row != NULL)
    adw_preferences_group_remove (self->attendance_group, self->attendance_row);
  self->attendance_row = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_group), n > 0);
  if (n == 0)
    return;

  counts = attendance_counts (attendance);
  self->attendance_row = adw_expander_row_new ();
  gtk_widget_set_name (self->attendance_row, "meeting-attendance");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->attendance_row), _("Attendance"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->attendance_row), counts);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self->attendance_row),
                               decorative_icon ("system-users-symbolic"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumAttendee) attendee = g_list_model_get_item (attendance, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self->attendance_row), attendee_row (attendee));
    }
  adw_preferences_group_add (self->attendance_group, self->attendance_row);
}

/* --- the agenda ---------------------------------------------------------------------- */

/* Where @paper is on the meeting's agenda: its item's number and its place
 * among the item's papers. */
static gboolean
paper_position (QuorumMeetingPage *self,
                QuorumPaper       *paper,
                const char       **number,
                guint             *position)
{
  GListModel *items = quorum_meeting_get_items (self->meeting);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (items, i);
      GListModel *papers = quorum_agenda_item_get_papers (item);

      for (guint j = 0; j < g_list_model_get_n_items (papers); j++)
        {
          g_autoptr(QuorumPaper) other = g_list_model_get_item (papers, j);

          if (other == paper)
            {
              *number = quorum_agenda_item_get_number (item);
              *position = j;
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* meeting-page.open-paper (item number, position): a paper row activated. */
static void
open_paper_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  QuorumMeetingPage *self = QUORUM_MEETING_PAGE (widget);
  QuorumAgendaItem *item;
  g_autoptr(QuorumPaper) paper = NULL;
  const char *number;
  guint position;

  if (self->meeting == NULL)
    return;
  g_variant_get (parameter, "(&su)", &number, &position);
  item = quorum_meeting_find_item (self->meeting, number);
  if (item != NULL)
    paper = g_list_model_get_item (quorum_agenda_item_get_papers (item), position);
  if (paper != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_PAPER], 0, paper);
}

static char *
paper_target (QuorumPaper *paper)
{
  if (quorum_paper_get_ref_kind (paper) == QUORUM_PAPER_REF_WORK_PACKAGE)
    /* TRANSLATORS: where a paper is in the store: a work package's id */
    return g_strdup_printf (_("Work package %s"), quorum_paper_get_work_package (paper));
  if (quorum_paper_get_table (paper) != NULL)
    /* TRANSLATORS: where a paper is in the store: a budget document's id and a table's */
    return g_strdup_printf (_("Budget %s, table %s"), quorum_paper_get_document (paper),
                            quorum_paper_get_table (paper));
  /* TRANSLATORS: where a paper is in the store: a budget document's id */
  return g_strdup_printf (_("Budget %s"), quorum_paper_get_document (paper));
}

static GtkWidget *
create_paper_row (gpointer item,
                  gpointer user_data)
{
  QuorumPaper *paper = item;
  QuorumMeetingPage *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  const char *number;
  guint position;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quorum_paper_get_title (paper));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             decorative_icon ("x-office-document-symbolic"));
  if (quorum_paper_get_linked (paper) && paper_position (self, paper, &number, &position))
    {
      g_autofree char *target = paper_target (paper);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), target);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), decorative_icon ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open this paper"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "meeting-page.open-paper");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(su)", number, position);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not held in this store"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "meeting-paper-unlinked");
    }
  return row;
}

/* Rows of the agenda are GtkGrids, not boxes in boxes: GTK 4.8 lays out a
 * wrapped label in a vertical box in a horizontal one some 25 times as
 * often, which made meeting 39 take seconds to show. */
static GtkWidget *
create_outcome_row (gpointer item,
                    gpointer user_data)
{
  QuorumItemOutcome *outcome = item;
  const char *verb = outcome_verb (quorum_item_outcome_get_kind (outcome));
  const char *by = quorum_item_outcome_get_by (outcome);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *pill = quorum_ui_pill_new ();
  GtkWidget *text = wrapped_label (quorum_item_outcome_get_text (outcome), NULL);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_add_css_class (pill, "meeting-outcome-verb");
  gtk_widget_add_css_class (pill, quorum_item_outcome_get_kind_name (outcome));
  quorum_ui_pill_set (pill, NULL, verb,
                      outcome_pill_kind (quorum_item_outcome_get_kind (outcome)));
  gtk_widget_set_valign (pill, GTK_ALIGN_START);
  /* The verbs line up in a column, each centred in its pill. */
  gtk_widget_set_hexpand (gtk_widget_get_last_child (pill), TRUE);
  gtk_widget_set_hexpand (pill, FALSE);
  /* "Other" has no verb of its own: its text begins with the minutes' word. */
  gtk_widget_set_visible (pill, verb != NULL && verb[0] != '\0');
  gtk_grid_attach (GTK_GRID (grid), pill, 0, 0, 1, 1);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_grid_attach (GTK_GRID (grid), text, 1, 0, 1, 1);
  if (by != NULL)
    {
      /* TRANSLATORS: who resolved an outcome, when it was not the meeting as a whole */
      g_autofree char *by_text = g_strdup_printf (_("by %s"), by);
      GtkWidget *by_label = wrapped_label (by_text, "caption");

      gtk_widget_add_css_class (by_label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), by_label, 1, 1, 1, 1);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
bound_list (GListModel                 *model,
            GtkListBoxCreateWidgetFunc  create,
            gpointer                    user_data,
            const char                 *css_class,
            const char                 *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, css_class);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), model, create, user_data, NULL);
  gtk_widget_set_visible (list, g_list_model_get_n_items (model) > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return list;
}

/* Puts @child under the item's title, past its number. */
static void
attach_below (GtkWidget *grid,
              GtkWidget *child)
{
  GtkWidget *last = gtk_widget_get_last_child (grid);
  int row = 0;

  gtk_grid_query_child (GTK_GRID (grid), last, NULL, &row, NULL, NULL);
  gtk_grid_attach (GTK_GRID (grid), child, 1, row + 1, 1, 1);
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  QuorumAgendaItem *agenda_item = item;
  const char *presenter = quorum_agenda_item_get_presenter (agenda_item);
  const char *summary = quorum_agenda_item_get_summary (agenda_item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *number = gtk_label_new (quorum_agenda_item_get_number (agenda_item));
  GtkWidget *title = wrapped_label (quorum_agenda_item_get_title (agenda_item), "heading");
  GtkWidget *note;
  g_autofree char *row_label = NULL;

  gtk_widget_add_css_class (grid, "meeting-item");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (number, "meeting-item-number");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "heading");
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_grid_attach (GTK_GRID (grid), number, 0, 0, 1, 1);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_grid_attach (GTK_GRID (grid), title, 1, 0, 1, 1);

  if (presenter != NULL)
    {
      /* TRANSLATORS: who presented an agenda item */
      g_autofree char *text = g_strdup_printf (_("Presented by %s"), presenter);
      GtkWidget *label = wrapped_label (text, "caption");

      gtk_widget_add_css_class (label, "dim-label");
      attach_below (grid, label);
    }
  if (summary != NULL)
    {
      GtkWidget *label = wrapped_label (summary, "meeting-item-summary");

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      attach_below (grid, label);
    }
  attach_below (grid, bound_list (quorum_agenda_item_get_papers (agenda_item), create_paper_row,
                                  user_data, "boxed-list", _("Papers")));
  attach_below (grid, bound_list (quorum_agenda_item_get_outcomes (agenda_item),
                                  create_outcome_row, NULL, "meeting-outcomes", _("Outcomes")));
  /* The user's private note on the item: win.edit-note (quorum-window-notes.c). */
  note = quorum_note_button_new ();
  gtk_widget_set_halign (note, GTK_ALIGN_START);
  quorum_note_button_set_target (QUORUM_NOTE_BUTTON (note),
                                 g_variant_new ("(sssss)", "meeting",
                                                quorum_agenda_item_get_meeting (agenda_item),
                                                quorum_agenda_item_get_number (agenda_item),
                                                "", ""));
  attach_below (grid, note);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* TRANSLATORS: an agenda item for screen readers: its number and title */
  row_label = g_strdup_printf (_("Item %s: %s"), quorum_agenda_item_get_number (agenda_item),
                               quorum_agenda_item_get_title (agenda_item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  row_label, -1);
  return row;
}

/* --- actions and updates --------------------------------------------------------------- */

/* meeting-page.show-action (ref): an action's row activated. */
static void
show_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_ACTION_ACTIVATED], 0,
                 g_variant_get_string (parameter, NULL));
}

static void
action_pill_set (GtkWidget  *pill,
                 const char *status,
                 gboolean    overdue)
{
  if (overdue)
    quorum_ui_pill_set (pill, "alarm-symbolic", C_("action", "Overdue"), "error");
  else if (g_strcmp0 (status, "closed") == 0)
    quorum_ui_pill_set (pill, NULL, C_("action", "Closed"), "neutral");
  else
    quorum_ui_pill_set (pill, NULL, C_("action", "Open"), "accent");
}

static AdwActionRow *
action_row_new (const char *ref,
                const char *text,
                GtkWidget  *pill)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text != NULL ? text : ref);
  adw_action_row_set_title_lines (row, 0);
  adw_action_row_add_prefix (row, ref_label (ref));
  adw_action_row_add_suffix (row, pill);
  adw_action_row_add_suffix (row, decorative_icon ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Show this action’s history"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "meeting-page.show-action");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", ref);
  return row;
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  QuorumMeetingPage *self = user_data;
  QuorumAction *raised = item;
  const char *ref = quorum_action_get_ref (raised);
  QuorumAction *current = self->log != NULL ? quorum_action_log_find (self->log, ref) : NULL;
  const char *owner = quorum_action_get_owner (raised);
  g_autofree char *due = quorum_ui_format_date (quorum_action_get_due (raised));
  g_autofree char *due_text = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *pill = quorum_ui_pill_new ();
  AdwActionRow *row;

  if (current != NULL)
    action_pill_set (pill, quorum_action_get_status (current),
                     quorum_action_is_overdue_on (current,
                                                  quorum_action_log_get_today (self->log)));
  else
    action_pill_set (pill, quorum_action_get_raised_status (raised), FALSE);
  /* TRANSLATORS: when an action is due, e.g. "due 31 January 2017" */
  due_text = due != NULL ? g_strdup_printf (_("due %s"), due) : g_strdup (_("no due date"));
  /* TRANSLATORS: an action's owner, then when it is due */
  subtitle = g_strdup_printf (_("%s · %s"), owner != NULL ? owner : _("No owner"), due_text);
  row = action_row_new (ref, quorum_action_get_text (raised), pill);
  adw_action_row_set_subtitle (row, subtitle);
  return GTK_WIDGET (row);
}

static GtkWidget *
create_update_row (gpointer item,
                   gpointer user_data)
{
  QuorumActionUpdate *update = item;
  GtkWidget *pill = quorum_ui_pill_new ();

  action_pill_set (pill, quorum_action_update_get_status (update), FALSE);
  return GTK_WIDGET (action_row_new (quorum_action_update_get_ref (update),
                                     quorum_action_update_get_text (update), pill));
}

/* The current status of each action depends on the log and its today. */
static void
show_actions (QuorumMeetingPage *self)
{
  GListModel *actions = self->meeting != NULL ? quorum_meeting_get_actions (self->meeting) : NULL;

  gtk_list_box_bind_model (self->actions_list, actions, create_action_row, self, NULL);
  gtk_widget_set_visible (self->actions_group,
                          actions != NULL && g_list_model_get_n_items (actions) > 0);
}

/* --- the meeting ------------------------------------------------------------------------- */

static char *
committee_text (QuorumMeetingPage *self)
{
  const char *id = quorum_meeting_get_committee (self->meeting);
  const char *reference = quorum_meeting_get_reference (self->meeting);
  const char *name = id;
  guint n = self->committees != NULL ? g_list_model_get_n_items (self->committees) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumCommittee) committee = g_list_model_get_item (self->committees, i);

      if (g_strcmp0 (quorum_committee_get_id (committee), id) == 0)
        {
          name = quorum_committee_get_name (committee);
          break;
        }
    }
  if (reference == NULL)
    return g_strdup (name);
  /* TRANSLATORS: a meeting's committee, then the secretariat's reference */
  return g_strdup_printf (_("%s · %s"), name, reference);
}

static void
show_meeting (QuorumMeetingPage *self)
{
  GListModel *items;
  GListModel *updates;
  g_autofree char *when = NULL;
  g_autofree char *committee = NULL;
  g_autofree char *n_items = NULL;
  const char *note;
  gboolean red;

  gtk_stack_set_visible_child_name (self->stack, self->meeting != NULL ? "meeting" : "empty");
  if (self->meeting == NULL)
    {
      gtk_list_box_bind_model (self->agenda_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->updates_list, NULL, NULL, NULL, NULL);
      show_actions (self);
      return;
    }

  gtk_label_set_text (self->title_label, quorum_meeting_get_title (self->meeting));
  /* A meeting classified red is never exported. */
  red = g_strcmp0 (quorum_meeting_get_classification (self->meeting), "red") == 0;
  gtk_widget_set_sensitive (self->export_button, !red);
  gtk_widget_set_tooltip_text (self->export_button,
                               red ? _("A meeting classified red is never exported")
                                   : _("Save this meeting as an iCalendar file"));
  committee = committee_text (self);
  gtk_label_set_text (self->committee_label, committee);
  when = quorum_meeting_format_when (self->meeting);
  gtk_label_set_text (self->when_label, when);
  quorum_meeting_status_pill_set (self->status_pill, self->meeting);
  note = quorum_meeting_get_note (self->meeting);
  gtk_widget_set_visible (self->note_group, note != NULL);
  gtk_label_set_text (self->note_label, note != NULL ? note : "");

  show_attendance (self);

  items = quorum_meeting_get_items (self->meeting);
  n_items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                          g_list_model_get_n_items (items)),
                             g_list_model_get_n_items (items));
  /* A meeting still to come has no agenda yet: the list says so. */
  adw_preferences_group_set_description (self->agenda_group,
                                         g_list_model_get_n_items (items) > 0 ? n_items : NULL);
  gtk_list_box_bind_model (self->agenda_list, items, create_item_row, self, NULL);

  show_actions (self);
  updates = quorum_meeting_get_action_updates (self->meeting);
  gtk_list_box_bind_model (self->updates_list, updates, create_update_row, self, NULL);
  gtk_widget_set_visible (self->updates_group, g_list_model_get_n_items (updates) > 0);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* --- Add to Calendar ---------------------------------------------------------- */

static GListModel *
dup_meeting_list (QuorumMeetingPage *self)
{
  GListStore *list = g_list_store_new (QUORUM_TYPE_MEETING);

  g_list_store_append (list, self->meeting);
  return G_LIST_MODEL (list);
}

static void
export_clicked_cb (QuorumMeetingPage *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autofree char *name = NULL;

  if (self->meeting == NULL)
    return;
  list = dup_meeting_list (self);
  name = g_strdup_printf ("%s.ics", quorum_meeting_get_id (self->meeting));
  quorum_meetings_export_choose (GTK_WIDGET (self), list, self->committees,
                                 _("Add to Calendar"), name);
}

/**
 * quorum_meeting_page_export_to:
 * @file: a local file to write
 * @callback: (nullable): called once written or failed; finish with
 *   quorum_meetings_export_finish()
 *
 * What "Add to Calendar…" does once the file is chosen: writes the
 * meeting shown to @file as iCalendar.
 */
void
quorum_meeting_page_export_to (QuorumMeetingPage   *self,
                               GFile               *file,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GListModel) list = NULL;

  g_return_if_fail (QUORUM_IS_MEETING_PAGE (self));
  g_return_if_fail (self->meeting != NULL);
  g_return_if_fail (G_IS_FILE (file));

  list = dup_meeting_list (self);
  quorum_meetings_export_to (GTK_WIDGET (self), list, self->committees, file, callback,
                             user_data);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
quorum_meeting_page_dispose (GObject *object)
{
  QuorumMeetingPage *self = QUORUM_MEETING_PAGE (object);

  quorum_meeting_page_set_action_log (self, NULL);
  /* The bin's child may be a template child: unparented here, or GTK 4.8's
   * gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_MEETING_PAGE);
  self->attendance_row = NULL;
  self->status_pill = NULL;
  g_clear_object (&self->meeting);
  g_clear_object (&self->committees);

  G_OBJECT_CLASS (quorum_meeting_page_parent_class)->dispose (object);
}

static void
quorum_meeting_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  QuorumMeetingPage *self = QUORUM_MEETING_PAGE (object);

  switch (prop_id)
    {
    case PROP_MEETING: g_value_set_object (value, self->meeting); break;
    case PROP_ACTION_LOG: g_value_set_object (value, self->log); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_meeting_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  QuorumMeetingPage *self = QUORUM_MEETING_PAGE (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      quorum_meeting_page_set_meeting (self, g_value_get_object (value));
      break;
    case PROP_ACTION_LOG:
      quorum_meeting_page_set_action_log (self, g_value_get_object (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_meeting_page_class_init (QuorumMeetingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = quorum_meeting_page_dispose;
  object_class->get_property = quorum_meeting_page_get_property;
  object_class->set_property = quorum_meeting_page_set_property;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, QUORUM_TYPE_MEETING, flags);
  properties[PROP_ACTION_LOG] =
    g_param_spec_object ("action-log", NULL, NULL, QUORUM_TYPE_ACTION_LOG, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumMeetingPage::open-paper:
   * @paper: a #QuorumPaper the store holds
   */
  signals[SIGNAL_OPEN_PAPER] =
    g_signal_new ("open-paper", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, QUORUM_TYPE_PAPER);
  /**
   * QuorumMeetingPage::action-activated:
   * @ref: the action's ref, e.g. `SECP39/07`
   */
  signals[SIGNAL_ACTION_ACTIVATED] =
    g_signal_new ("action-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "meeting-page.open-paper", "(su)",
                                   open_paper_action);
  gtk_widget_class_install_action (widget_class, "meeting-page.show-action", "s",
                                   show_action_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-meeting-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, committee_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, note_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, actions_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, actions_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, updates_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, updates_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingPage, export_button);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
quorum_meeting_page_init (QuorumMeetingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->status_pill = quorum_ui_pill_new ();
  gtk_widget_set_name (self->status_pill, "meeting-status");
  gtk_box_append (self->status_box, self->status_pill);
  show_meeting (self);
}

GtkWidget *
quorum_meeting_page_new (void)
{
  return g_object_new (QUORUM_TYPE_MEETING_PAGE, NULL);
}

QuorumMeeting *
quorum_meeting_page_get_meeting (QuorumMeetingPage *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING_PAGE (self), NULL);
  return self->meeting;
}

/**
 * quorum_meeting_page_set_meeting:
 * @meeting: (nullable): the meeting to show
 */
void
quorum_meeting_page_set_meeting (QuorumMeetingPage *self,
                                 QuorumMeeting     *meeting)
{
  g_return_if_fail (QUORUM_IS_MEETING_PAGE (self));
  g_return_if_fail (meeting == NULL || QUORUM_IS_MEETING (meeting));

  if (!g_set_object (&self->meeting, meeting))
    return;
  show_meeting (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

QuorumActionLog *
quorum_meeting_page_get_action_log (QuorumMeetingPage *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING_PAGE (self), NULL);
  return self->log;
}

/**
 * quorum_meeting_page_set_action_log:
 * @log: (nullable): the store's action log, for each action's current status
 */
void
quorum_meeting_page_set_action_log (QuorumMeetingPage *self,
                                    QuorumActionLog   *log)
{
  g_return_if_fail (QUORUM_IS_MEETING_PAGE (self));
  g_return_if_fail (log == NULL || QUORUM_IS_ACTION_LOG (log));

  if (self->log == log)
    return;
  if (self->log != NULL)
    g_signal_handlers_disconnect_by_func (self->log, show_actions, self);
  g_set_object (&self->log, log);
  if (log != NULL)
    {
      g_signal_connect_swapped (log, "items-changed", G_CALLBACK (show_actions), self);
      g_signal_connect_swapped (log, "notify::today", G_CALLBACK (show_actions), self);
    }
  if (self->actions_list != NULL)
    show_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_LOG]);
}

/**
 * quorum_meeting_page_set_committees:
 * @committees: (nullable): the register, a list model of #QuorumCommittee,
 *   for the committee's name
 */
void
quorum_meeting_page_set_committees (QuorumMeetingPage *self,
                                    GListModel        *committees)
{
  g_return_if_fail (QUORUM_IS_MEETING_PAGE (self));
  g_return_if_fail (committees == NULL || G_IS_LIST_MODEL (committees));

  if (!g_set_object (&self->committees, committees))
    return;
  if (self->meeting != NULL)
    {
      g_autofree char *committee = committee_text (self);

      gtk_label_set_text (self->committee_label, committee);
    }
}
