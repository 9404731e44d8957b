/* quorum-meetings-calendar.c: the meetings to come and those held, by committee
 *
 * Two boxed lists over the same meetings: those on or after today, soonest
 * first, and those before it, newest first. Each is a GtkFilterListModel
 * (today and the committee chosen) under a GtkSortListModel, bound to its
 * GtkListBox; a row says when and where in words and shows the meeting's
 * state (held, its minutes; scheduled; cancelled) in a pill that says it in
 * words too. Activating a row emits ::meeting-activated.
 *
 * "Today" is the `today` property: bind it to the action log's, or leave it
 * unset for the computer's date.
 *
 * "Export Calendar…" saves the meetings shown (the committee chosen, past
 * and to come) as iCalendar; quorum_meetings_export_choose() and
 * quorum_meetings_export_to(), shared with the meeting's page, ask for the
 * file and write it off the main thread, with a toast or an error dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-application.h"
#include "quorum-meetings-calendar.h"
#include "quorum-ui-util.h"

struct _QuorumMeetingsCalendar
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkDropDown *committee_dropdown;
  GtkWidget *upcoming_group;
  GtkListBox *upcoming_list;
  GtkWidget *past_group;
  GtkListBox *past_list;
  AdwStatusPage *empty_page;
  GtkWidget *export_button;

  /* owned */
  GListModel *meetings;
  GListModel *committees;
  GtkMapListModel *committee_names;     /* short names, after "All Committees" */
  GtkCustomFilter *upcoming_filter;
  GtkCustomFilter *past_filter;
  GtkSortListModel *upcoming;
  GtkSortListModel *past;
  GtkFilterListModel *upcoming_filtered;
  GtkFilterListModel *past_filtered;
  char *today;                          /* as set, or NULL for the computer's date */
  char *committee;                      /* an id, or NULL for all */
};

G_DEFINE_FINAL_TYPE (QuorumMeetingsCalendar, quorum_meetings_calendar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TODAY,
  PROP_COMMITTEE,
  N_PROPS
};

enum {
  SIGNAL_MEETING_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- words shared with the meeting's page ------------------------------------ */

/**
 * quorum_meeting_format_when:
 *
 * Returns: (transfer full): when and where @meeting is, in people's words:
 *   "Friday 9 December 2016, 10:00–13:00 · Gemserv, 8 Fenchurch Place, …"
 */
char *
quorum_meeting_format_when (QuorumMeeting *meeting)
{
  const char *date = quorum_meeting_get_date (meeting);
  const char *start = quorum_meeting_get_start (meeting);
  const char *end = quorum_meeting_get_end (meeting);
  const char *venue = quorum_meeting_get_venue (meeting);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  int year, month, mday;
  char rest;

  g_return_val_if_fail (QUORUM_IS_MEETING (meeting), NULL);

  if (date != NULL && sscanf (date, "%4d-%2d-%2d%c", &year, &month, &mday, &rest) == 3)
    when = g_date_time_new_utc (year, month, mday, 0, 0, 0);
  /* TRANSLATORS: a meeting's day, as g_date_time_format() writes it, e.g.
   * "Friday 9 December 2016" */
  day = when != NULL ? g_date_time_format (when, _("%A %-d %B %Y")) : g_strdup (date);
  if (start != NULL && end != NULL)
    /* TRANSLATORS: a meeting's day, its start and its end, e.g.
     * "Friday 9 December 2016, 10:00–13:00" */
    time = g_strdup_printf (_("%s, %s–%s"), day, start, end);
  else if (start != NULL)
    /* TRANSLATORS: a meeting's day and its start, e.g. "Friday 9 December 2016, 10:00" */
    time = g_strdup_printf (_("%s, %s"), day, start);
  else
    time = g_steal_pointer (&day);
  if (venue == NULL)
    return g_steal_pointer (&time);
  /* TRANSLATORS: when a meeting is, then where */
  return g_strdup_printf (_("%s · %s"), time, venue);
}

/**
 * quorum_meeting_status_pill_set:
 * @pill: from quorum_ui_pill_new()
 *
 * Shows whether @meeting was held (and the state of its minutes), is
 * scheduled or was cancelled, in words.
 */
void
quorum_meeting_status_pill_set (GtkWidget     *pill,
                                QuorumMeeting *meeting)
{
  const char *status = quorum_meeting_get_status (meeting);
  const char *minutes = quorum_meeting_get_minutes (meeting);

  g_return_if_fail (QUORUM_IS_MEETING (meeting));

  if (g_strcmp0 (status, "cancelled") == 0)
    quorum_ui_pill_set (pill, NULL, C_("meeting", "Cancelled"), "neutral");
  else if (g_strcmp0 (status, "held") != 0)
    quorum_ui_pill_set (pill, NULL, C_("meeting", "Scheduled"), "accent");
  else if (g_strcmp0 (minutes, "final") == 0)
    quorum_ui_pill_set (pill, NULL, _("Held · Final Minutes"), "success");
  else if (g_strcmp0 (minutes, "draft") == 0)
    quorum_ui_pill_set (pill, NULL, _("Held · Draft Minutes"), "warning");
  else
    quorum_ui_pill_set (pill, NULL, _("Held · No Minutes"), "neutral");
}

/* Like g_set_str() (GLib 2.76). */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* --- the lists ------------------------------------------------------------------ */

static char *
dup_today (QuorumMeetingsCalendar *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL)
    return g_strdup (self->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
in_committee (QuorumMeetingsCalendar *self,
              QuorumMeeting          *meeting)
{
  return self->committee == NULL ||
         g_strcmp0 (quorum_meeting_get_committee (meeting), self->committee) == 0;
}

static gboolean
upcoming_func (gpointer item,
               gpointer user_data)
{
  QuorumMeetingsCalendar *self = user_data;
  g_autofree char *today = dup_today (self);

  return in_committee (self, item) && g_strcmp0 (quorum_meeting_get_date (item), today) >= 0;
}

static gboolean
past_func (gpointer item,
           gpointer user_data)
{
  QuorumMeetingsCalendar *self = user_data;
  g_autofree char *today = dup_today (self);

  return in_committee (self, item) && g_strcmp0 (quorum_meeting_get_date (item), today) < 0;
}

static int
soonest_first (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return quorum_meeting_compare ((QuorumMeeting *) a, (QuorumMeeting *) b);
}

static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return quorum_meeting_compare ((QuorumMeeting *) b, (QuorumMeeting *) a);
}

/**
 * quorum_meeting_row_new:
 * @item: a #QuorumMeeting
 *
 * Returns: (transfer floating): an activatable row: the meeting's title,
 *   when and where in words, and its state in a pill
 */
GtkWidget *
quorum_meeting_row_new (gpointer item,
                        gpointer user_data)
{
  QuorumMeeting *meeting = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = quorum_ui_pill_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *when = quorum_meeting_format_when (meeting);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quorum_meeting_get_title (meeting));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, when);
  quorum_meeting_status_pill_set (pill, meeting);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
row_activated_cb (GtkListBox             *list,
                  GtkListBoxRow          *row,
                  QuorumMeetingsCalendar *self)
{
  GListModel *model = list == self->upcoming_list ? G_LIST_MODEL (self->upcoming)
                                                  : G_LIST_MODEL (self->past);
  g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (model,
                                                            gtk_list_box_row_get_index (row));

  if (meeting != NULL)
    g_signal_emit (self, signals[SIGNAL_MEETING_ACTIVATED], 0, meeting);
}

static void
update_state (QuorumMeetingsCalendar *self)
{
  guint n_upcoming = g_list_model_get_n_items (G_LIST_MODEL (self->upcoming));
  guint n_past = g_list_model_get_n_items (G_LIST_MODEL (self->past));
  guint total = self->meetings != NULL ? g_list_model_get_n_items (self->meetings) : 0;

  gtk_widget_set_visible (self->upcoming_group, n_upcoming > 0 || n_past == 0);
  gtk_widget_set_visible (self->past_group, n_past > 0);
  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Meetings"));
      adw_status_page_set_description (self->empty_page,
                                       _("Meetings of the Panel and its sub-committees "
                                         "are listed here."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Meetings for This Committee"));
      adw_status_page_set_description (self->empty_page, _("Choose another committee."));
    }
  gtk_stack_set_visible_child_name (self->stack, n_upcoming + n_past > 0 ? "meetings" : "empty");
  gtk_widget_set_sensitive (self->export_button, n_upcoming + n_past > 0);
}

static void
refilter (QuorumMeetingsCalendar *self)
{
  gtk_filter_changed (GTK_FILTER (self->upcoming_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->past_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

/* --- the committee chosen ---------------------------------------------------------- */

static gpointer
committee_name (gpointer item,
                gpointer user_data)
{
  g_autoptr(QuorumCommittee) committee = item;

  return gtk_string_object_new (quorum_committee_get_short_name (committee));
}

/* The dropdown's position for the committee chosen: 0 is all of them. */
static guint
committee_position (QuorumMeetingsCalendar *self)
{
  guint n = self->committees != NULL ? g_list_model_get_n_items (self->committees) : 0;

  for (guint i = 0; self->committee != NULL && i < n; i++)
    {
      g_autoptr(QuorumCommittee) committee = g_list_model_get_item (self->committees, i);

      if (g_strcmp0 (quorum_committee_get_id (committee), self->committee) == 0)
        return i + 1;
    }
  return 0;
}

static void
committee_changed_cb (QuorumMeetingsCalendar *self)
{
  guint selected = gtk_drop_down_get_selected (self->committee_dropdown);
  g_autoptr(QuorumCommittee) committee = NULL;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->committees == NULL)
    {
      quorum_meetings_calendar_set_committee (self, NULL);
      return;
    }
  committee = g_list_model_get_item (self->committees, selected - 1);
  if (committee != NULL)
    quorum_meetings_calendar_set_committee (self, quorum_committee_get_id (committee));
}

/* --- GObject ---------------------------------------------------------------------- */

/* --- exporting ------------------------------------------------------------------- */

/* The UIDs' host: the sync remote's, else NULL for the default. */
static char *
dup_export_host (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *application = GTK_IS_WINDOW (root)
                                ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  GSettings *settings = QUORUM_IS_APPLICATION (application)
    ? quorum_application_get_settings (QUORUM_APPLICATION (application)) : NULL;
  g_autofree char *url = settings != NULL ? g_settings_get_string (settings, "remote-url")
                                          : NULL;
  g_autoptr(GUri) uri = url != NULL && url[0] != '\0'
                        ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return host != NULL && host[0] != '\0' ? g_strdup (host) : NULL;
}

static void
export_done (GtkWidget *widget,
             GFile     *file,
             guint      n_left_out,
             GError    *error)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  if (error == NULL && overlay != NULL)
    {
      /* TRANSLATORS: a toast once a calendar file is written, e.g.
       * "Saved to meetings.ics" */
      g_autofree char *saved = g_strdup_printf (_("Saved to %s"), name);

      if (n_left_out > 0)
        /* TRANSLATORS: a toast: the file written, then how many meetings
         * classified red it does not have, e.g.
         * "Saved to meetings.ics · 2 red meetings left out" */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u red meeting left out",
                                              "%s · %u red meetings left out", n_left_out),
                                 saved, n_left_out);
      else
        title = g_steal_pointer (&saved);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
      return;
    }
  if (error == NULL)
    return;
  /* TRANSLATORS: the heading of a dialog, e.g. "Could Not Save meetings.ics" */
  title = g_strdup_printf (_("Could Not Save “%s”"), name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title,
                                   error->message);
  gtk_widget_set_name (dialog, "export-error");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  guint n_left_out = 0;
  gboolean ok = quorum_calendar_write_finish (result, &n_left_out, &error);

  export_done (g_task_get_source_object (task), g_task_get_task_data (task), n_left_out,
               error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * quorum_meetings_export_to:
 * @widget: the widget exporting, in a window (for the toast and the dialog)
 * @meetings: a list model of #QuorumMeeting
 * @committees: (nullable): the register, for the committees' names
 * @file: a local file to write
 * @callback: (nullable): called once written or failed
 *
 * Writes @meetings to @file as iCalendar, crash-safely and off the main
 * thread, the UIDs' host the sync remote's; then shows a toast ("Saved to
 * meetings.ics", with how many red meetings were left out) or a dialog
 * naming the file and the error. Finish with quorum_meetings_export_finish().
 */
void
quorum_meetings_export_to (GtkWidget           *widget,
                           GListModel          *meetings,
                           GListModel          *committees,
                           GFile               *file,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *host = NULL;
  const char *path;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_LIST_MODEL (meetings));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (widget, NULL, callback, user_data);
  g_task_set_source_tag (task, quorum_meetings_export_to);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  path = g_file_peek_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("%s is not a local file"), uri);

      export_done (widget, file, 0, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  host = dup_export_host (widget);
  quorum_calendar_write_async (meetings, committees, host, path, NULL, export_written_cb,
                               g_steal_pointer (&task));
}

/**
 * quorum_meetings_export_finish:
 *
 * Returns: whether the file was written
 */
gboolean
quorum_meetings_export_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == quorum_meetings_export_to,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GtkWidget *widget;
  GListModel *meetings;
  GListModel *committees;
} ExportChoice;

static void
export_choice_free (ExportChoice *choice)
{
  g_object_unref (choice->widget);
  g_object_unref (choice->meetings);
  g_clear_object (&choice->committees);
  g_free (choice);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    ExportChoice    *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    quorum_meetings_export_to (choice->widget, choice->meetings, choice->committees, file,
                               NULL, NULL);
  export_choice_free (choice);
  g_object_unref (native);
}

/**
 * quorum_meetings_export_choose:
 * @widget: the widget exporting, in a window
 * @meetings: a list model of #QuorumMeeting, as it is now
 * @committees: (nullable): the register
 * @title: the save dialog's title
 * @name: the file name to suggest, e.g. "meetings.ics"
 *
 * Asks where to save @meetings (a save dialog suggesting @name), then
 * quorum_meetings_export_to() there.
 */
void
quorum_meetings_export_choose (GtkWidget  *widget,
                               GListModel *meetings,
                               GListModel *committees,
                               const char *title,
                               const char *name)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ExportChoice *choice;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_LIST_MODEL (meetings));

  native = gtk_file_chooser_native_new (title,
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  choice = g_new0 (ExportChoice, 1);
  choice->widget = g_object_ref (widget);
  choice->meetings = g_object_ref (meetings);
  choice->committees = committees != NULL ? g_object_ref (committees) : NULL;
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The meetings shown: the committee chosen's, to come then held. */
static GListModel *
dup_shown (QuorumMeetingsCalendar *self)
{
  GListStore *shown = g_list_store_new (QUORUM_TYPE_MEETING);
  GListModel *lists[] = { G_LIST_MODEL (self->upcoming), G_LIST_MODEL (self->past) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (lists[l], i);

        g_list_store_append (shown, meeting);
      }
  return G_LIST_MODEL (shown);
}

static void
export_clicked_cb (QuorumMeetingsCalendar *self)
{
  g_autoptr(GListModel) shown = dup_shown (self);

  quorum_meetings_export_choose (GTK_WIDGET (self), shown, self->committees,
                                 _("Export Calendar"), "meetings.ics");
}

/**
 * quorum_meetings_calendar_export_to:
 * @file: a local file to write
 * @callback: (nullable): called once written or failed
 *
 * What "Export Calendar…" does once the file is chosen: writes the
 * meetings shown to @file (see quorum_meetings_export_to()).
 */
void
quorum_meetings_calendar_export_to (QuorumMeetingsCalendar *self,
                                    GFile                  *file,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  g_autoptr(GListModel) shown = NULL;

  g_return_if_fail (QUORUM_IS_MEETINGS_CALENDAR (self));
  g_return_if_fail (G_IS_FILE (file));

  shown = dup_shown (self);
  quorum_meetings_export_to (GTK_WIDGET (self), shown, self->committees, file, callback,
                             user_data);
}

/* --- GObject ---------------------------------------------------------------------- */

static void
quorum_meetings_calendar_dispose (GObject *object)
{
  QuorumMeetingsCalendar *self = QUORUM_MEETINGS_CALENDAR (object);

  /* The bin's child may be a template child: unparented here, or GTK 4.8's
   * gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_MEETINGS_CALENDAR);
  g_clear_object (&self->upcoming);
  g_clear_object (&self->past);
  g_clear_object (&self->upcoming_filtered);
  g_clear_object (&self->past_filtered);
  g_clear_object (&self->upcoming_filter);
  g_clear_object (&self->past_filter);
  g_clear_object (&self->committee_names);
  g_clear_object (&self->meetings);
  g_clear_object (&self->committees);

  G_OBJECT_CLASS (quorum_meetings_calendar_parent_class)->dispose (object);
}

static void
quorum_meetings_calendar_finalize (GObject *object)
{
  QuorumMeetingsCalendar *self = QUORUM_MEETINGS_CALENDAR (object);

  g_free (self->today);
  g_free (self->committee);

  G_OBJECT_CLASS (quorum_meetings_calendar_parent_class)->finalize (object);
}

static void
quorum_meetings_calendar_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  QuorumMeetingsCalendar *self = QUORUM_MEETINGS_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_TODAY: g_value_set_string (value, self->today); break;
    case PROP_COMMITTEE: g_value_set_string (value, self->committee); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_meetings_calendar_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  QuorumMeetingsCalendar *self = QUORUM_MEETINGS_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_TODAY:
      quorum_meetings_calendar_set_today (self, g_value_get_string (value));
      break;
    case PROP_COMMITTEE:
      quorum_meetings_calendar_set_committee (self, g_value_get_string (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_meetings_calendar_class_init (QuorumMeetingsCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = quorum_meetings_calendar_dispose;
  object_class->finalize = quorum_meetings_calendar_finalize;
  object_class->get_property = quorum_meetings_calendar_get_property;
  object_class->set_property = quorum_meetings_calendar_set_property;

  /**
   * QuorumMeetingsCalendar:today:
   *
   * The day that divides upcoming meetings from past ones, `YYYY-MM-DD`;
   * %NULL for the computer's date.
   */
  properties[PROP_TODAY] = g_param_spec_string ("today", NULL, NULL, NULL, flags);
  /**
   * QuorumMeetingsCalendar:committee:
   *
   * The id of the committee whose meetings are shown, or %NULL for all.
   */
  properties[PROP_COMMITTEE] = g_param_spec_string ("committee", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumMeetingsCalendar::meeting-activated:
   * @meeting: the #QuorumMeeting whose row was activated
   */
  signals[SIGNAL_MEETING_ACTIVATED] =
    g_signal_new ("meeting-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, QUORUM_TYPE_MEETING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-meetings-calendar.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsCalendar, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsCalendar,
                                        committee_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsCalendar, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsCalendar, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsCalendar, past_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsCalendar, past_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsCalendar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsCalendar, export_button);
  gtk_widget_class_bind_template_callback (widget_class, committee_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static GtkSortListModel *
sorted_list (QuorumMeetingsCalendar *self,
             GtkCustomFilter        *filter,
             GtkFilterListModel    **filtered,
             GCompareDataFunc        compare,
             GtkListBox             *list)
{
  GtkSortListModel *sorted;

  *filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (filter)));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (*filtered)),
                                    GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL)));
  gtk_list_box_bind_model (list, G_LIST_MODEL (sorted), quorum_meeting_row_new, NULL, NULL);
  g_signal_connect_object (sorted, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  return sorted;
}

static void
quorum_meetings_calendar_init (QuorumMeetingsCalendar *self)
{
  GListStore *choices = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkStringList) all = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->upcoming_filter = gtk_custom_filter_new (upcoming_func, self, NULL);
  self->past_filter = gtk_custom_filter_new (past_func, self, NULL);
  self->upcoming = sorted_list (self, self->upcoming_filter, &self->upcoming_filtered,
                                soonest_first, self->upcoming_list);
  self->past = sorted_list (self, self->past_filter, &self->past_filtered,
                            newest_first, self->past_list);

  self->committee_names = gtk_map_list_model_new (NULL, committee_name, NULL, NULL);
  gtk_string_list_append (all, _("All Committees"));
  g_list_store_append (choices, all);
  g_list_store_append (choices, self->committee_names);
  gtk_drop_down_set_model (self->committee_dropdown,
                           G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (choices))));
  g_object_unref (gtk_drop_down_get_model (self->committee_dropdown));
  update_state (self);
}

GtkWidget *
quorum_meetings_calendar_new (void)
{
  return g_object_new (QUORUM_TYPE_MEETINGS_CALENDAR, NULL);
}

/**
 * quorum_meetings_calendar_set_meetings:
 * @meetings: (nullable): a list model of #QuorumMeeting
 */
void
quorum_meetings_calendar_set_meetings (QuorumMeetingsCalendar *self,
                                       GListModel             *meetings)
{
  g_return_if_fail (QUORUM_IS_MEETINGS_CALENDAR (self));
  g_return_if_fail (meetings == NULL || G_IS_LIST_MODEL (meetings));

  if (!g_set_object (&self->meetings, meetings))
    return;
  gtk_filter_list_model_set_model (self->upcoming_filtered, meetings);
  gtk_filter_list_model_set_model (self->past_filtered, meetings);
  update_state (self);
}

/**
 * quorum_meetings_calendar_set_committees:
 * @committees: (nullable): the register, a list model of #QuorumCommittee
 */
void
quorum_meetings_calendar_set_committees (QuorumMeetingsCalendar *self,
                                         GListModel             *committees)
{
  g_return_if_fail (QUORUM_IS_MEETINGS_CALENDAR (self));
  g_return_if_fail (committees == NULL || G_IS_LIST_MODEL (committees));

  if (!g_set_object (&self->committees, committees))
    return;
  gtk_map_list_model_set_model (self->committee_names, committees);
  gtk_drop_down_set_selected (self->committee_dropdown, committee_position (self));
}

const char *
quorum_meetings_calendar_get_today (QuorumMeetingsCalendar *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETINGS_CALENDAR (self), NULL);
  return self->today;
}

/**
 * quorum_meetings_calendar_set_today:
 * @today: (nullable): `YYYY-MM-DD`, or %NULL for the computer's date
 */
void
quorum_meetings_calendar_set_today (QuorumMeetingsCalendar *self,
                                    const char             *today)
{
  g_return_if_fail (QUORUM_IS_MEETINGS_CALENDAR (self));

  if (!set_string (&self->today, today))
    return;
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

const char *
quorum_meetings_calendar_get_committee (QuorumMeetingsCalendar *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETINGS_CALENDAR (self), NULL);
  return self->committee;
}

/**
 * quorum_meetings_calendar_set_committee:
 * @id: (nullable): a committee's id, or %NULL for every committee
 */
void
quorum_meetings_calendar_set_committee (QuorumMeetingsCalendar *self,
                                        const char             *id)
{
  g_return_if_fail (QUORUM_IS_MEETINGS_CALENDAR (self));

  if (!set_string (&self->committee, id))
    return;
  refilter (self);
  if (gtk_drop_down_get_selected (self->committee_dropdown) != committee_position (self))
    gtk_drop_down_set_selected (self->committee_dropdown, committee_position (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMITTEE]);
}

/**
 * quorum_meetings_calendar_get_upcoming:
 *
 * Returns: (transfer none): the meetings shown as upcoming, soonest first
 */
GListModel *
quorum_meetings_calendar_get_upcoming (QuorumMeetingsCalendar *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETINGS_CALENDAR (self), NULL);
  return G_LIST_MODEL (self->upcoming);
}

/**
 * quorum_meetings_calendar_get_past:
 *
 * Returns: (transfer none): the meetings shown as past, newest first
 */
GListModel *
quorum_meetings_calendar_get_past (QuorumMeetingsCalendar *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETINGS_CALENDAR (self), NULL);
  return G_LIST_MODEL (self->past);
}
