/* test-meeting-page.c: a meeting's page and the meetings calendar
 *
 * Meeting 39's page is read back from its widgets and compared with
 * secp-39.json, read here with json-glib: every agenda item's number and
 * title, every outcome's verb and text, every action's ref and current
 * status. The calendar's split into upcoming and past meetings, and its
 * committee filter, are worked out from the meeting files too. "Today" is
 * fixed (TODAY).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-meeting-page.h"
#include "quorum-meetings-calendar.h"
#include "quorum-ui-test-util.h"
#include "meetings-test-util.h"

typedef struct
{
  QuorumStore *store;
  GListModel *meetings;
  QuorumActionLog *log;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = quorum_store_dup_sample_path ();

  fixture->store = quorum_store_new (path);
  g_assert_true (quorum_store_load (fixture->store, NULL, NULL));
  fixture->meetings = load_meetings (fixture->store);
  fixture->log = quorum_action_log_new (fixture->meetings);
  quorum_action_log_set_today (fixture->log, TODAY);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->log);
  g_clear_object (&fixture->meetings);
  g_clear_object (&fixture->store);
}

static QuorumMeeting *
find_meeting (GListModel *meetings,
              const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (meetings, i);

      if (g_strcmp0 (quorum_meeting_get_id (meeting), id) == 0)
        return meeting;
    }
  return NULL;
}

/* Every label's text at or under @widget, and the pills' words apart. */
static void
collect_labels (GtkWidget  *widget,
                GHashTable *texts,
                GHashTable *pills)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      g_hash_table_add (texts, g_strdup (text));
      if (pills != NULL && parent != NULL && gtk_widget_has_css_class (parent, "status-pill") &&
          gtk_widget_get_visible (parent))
        g_hash_table_add (pills, g_strdup (text));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts, pills);
}

static GHashTable *
string_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The rows of the list box named @name under @widget. */
static GPtrArray *
list_rows (GtkWidget  *widget,
           const char *name)
{
  GtkWidget *list = quorum_test_find_named (widget, name);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list);
  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      g_ptr_array_add (rows, row);
  return rows;
}

static void
assert_has (GHashTable *texts,
            const char *text,
            const char *where)
{
  if (!g_hash_table_contains (texts, text))
    g_error ("%s does not show “%s”", where, text);
}

/* An outcome's verb is the minutes' word for its kind, in capitals;
 * "other" has none (its text carries it). */
static char *
expected_verb (JsonObject *outcome)
{
  const char *kind = json_object_get_string_member (outcome, "kind");

  return strcmp (kind, "other") == 0 ? NULL : g_ascii_strup (kind, -1);
}

static void
assert_item_row (GtkWidget  *row,
                 JsonObject *item)
{
  g_autoptr(GHashTable) texts = string_set ();
  g_autoptr(GHashTable) pills = string_set ();
  const char *number = json_object_get_string_member (item, "number");
  g_autofree char *where = g_strdup_printf ("agenda item %s", number);
  JsonArray *outcomes = json_object_get_array_member (item, "outcomes");
  JsonArray *papers = json_object_has_member (item, "papers")
                      ? json_object_get_array_member (item, "papers") : NULL;
  guint n_verbs = 0;

  collect_labels (row, texts, pills);
  assert_has (texts, number, where);
  assert_has (texts, json_object_get_string_member (item, "title"), where);
  if (json_object_has_member (item, "summary"))
    assert_has (texts, json_object_get_string_member (item, "summary"), where);
  for (guint i = 0; outcomes != NULL && i < json_array_get_length (outcomes); i++)
    {
      JsonObject *outcome = json_array_get_object_element (outcomes, i);
      g_autofree char *verb = expected_verb (outcome);

      assert_has (texts, json_object_get_string_member (outcome, "text"), where);
      if (verb != NULL)
        {
          assert_has (pills, verb, where);
          n_verbs++;
        }
      if (json_object_has_member (outcome, "by"))
        {
          g_autofree char *by = g_strdup_printf ("by %s",
                                                 json_object_get_string_member (outcome, "by"));

          assert_has (texts, by, where);
        }
    }
  /* No pill but the outcomes' verbs. */
  g_assert_cmpuint (g_hash_table_size (pills), <=, n_verbs);
  for (guint i = 0; papers != NULL && i < json_array_get_length (papers); i++)
    {
      JsonObject *paper = json_array_get_object_element (papers, i);

      assert_has (texts, json_object_get_string_member (paper, "title"), where);
      /* Meeting 39's papers are not in the store. */
      assert_has (texts, "Not held in this store", where);
    }
}

static const char *
expected_status_word (Expected   *expected,
                      const char *ref)
{
  if (expected_overdue (expected, ref))
    return "Overdue";
  if (g_strcmp0 (g_hash_table_lookup (expected->status, ref), "closed") == 0)
    return "Closed";
  return "Open";
}

/* The row of the list @name that shows @ref. */
static GtkWidget *
row_showing (GtkWidget  *widget,
             const char *name,
             const char *ref)
{
  g_autoptr(GPtrArray) rows = list_rows (widget, name);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GHashTable) texts = string_set ();

      collect_labels (rows->pdata[i], texts, NULL);
      if (g_hash_table_contains (texts, ref))
        return rows->pdata[i];
    }
  g_error ("no row of %s shows %s", name, ref);
  return NULL;
}

static void
assert_actions (GtkWidget  *page,
                JsonObject *root)
{
  JsonArray *actions = json_object_get_array_member (root, "actions");
  JsonArray *updates = json_object_get_array_member (root, "action_updates");
  g_autoptr(GPtrArray) action_rows = list_rows (page, "meeting-actions");
  g_autoptr(GPtrArray) update_rows = list_rows (page, "meeting-updates");
  Expected expected;
  guint n_overdue = 0;

  expected_read (&expected);
  g_assert_cmpuint (action_rows->len, ==, json_array_get_length (actions));
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonObject *action = json_array_get_object_element (actions, i);
      const char *ref = json_object_get_string_member (action, "ref");
      g_autoptr(GHashTable) texts = string_set ();
      g_autoptr(GHashTable) pills = string_set ();

      collect_labels (row_showing (page, "meeting-actions", ref), texts, pills);
      assert_has (pills, expected_status_word (&expected, ref), ref);
      g_assert_cmpuint (g_hash_table_size (pills), ==, 1);
      n_overdue += expected_overdue (&expected, ref);
    }
  /* On this day some of meeting 39's actions are overdue. */
  g_assert_cmpuint (n_overdue, >, 0);

  g_assert_cmpuint (update_rows->len, ==, json_array_get_length (updates));
  for (guint i = 0; i < json_array_get_length (updates); i++)
    {
      JsonObject *update = json_array_get_object_element (updates, i);
      const char *ref = json_object_get_string_member (update, "ref");
      const char *status = json_object_get_string_member (update, "status");
      g_autoptr(GHashTable) texts = string_set ();
      g_autoptr(GHashTable) pills = string_set ();

      collect_labels (row_showing (page, "meeting-updates", ref), texts, pills);
      assert_has (texts, json_object_get_string_member (update, "text"), ref);
      assert_has (pills, strcmp (status, "closed") == 0 ? "Closed" : "Open", ref);
    }
  expected_clear (&expected);
}

static void
assert_attendance (GtkWidget  *page,
                   JsonObject *root)
{
  JsonArray *attendance = json_object_get_array_member (root, "attendance");
  GtkWidget *row = quorum_test_find_named (page, "meeting-attendance");
  guint present = 0, part = 0, apologies = 0;
  g_autofree char *counts = NULL;

  for (guint i = 0; i < json_array_get_length (attendance); i++)
    {
      const char *presence = json_object_get_string_member (
        json_array_get_object_element (attendance, i), "presence");

      present += strcmp (presence, "present") == 0;
      part += strcmp (presence, "part") == 0;
      apologies += strcmp (presence, "apologies") == 0;
    }
  g_assert_cmpuint (present + part + apologies, ==, json_array_get_length (attendance));
  g_assert_nonnull (row);
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  counts = g_strdup_printf ("%u present, %u in part, %u %s", present, part, apologies,
                            apologies == 1 ? "apology" : "apologies");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, counts);
  /* Collapsed: nobody's name is shown until it is expanded. */
  g_assert_false (quorum_test_label_shown (row, json_object_get_string_member (
    json_array_get_object_element (attendance, 0), "name")));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_true (quorum_test_wait_label (row, json_object_get_string_member (
    json_array_get_object_element (attendance, 0), "name")));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
}

/* Meeting 39 as its minutes give it. */
static void
test_minutes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = read_meeting_json (parser, "secp-39.json");
  QuorumMeeting *meeting = find_meeting (fixture->meetings, "secp-39");
  GtkWidget *page = quorum_meeting_page_new ();
  JsonArray *items = json_object_get_array_member (root, "items");
  g_autoptr(GPtrArray) rows = NULL;
  GtkWindow *window;

  g_assert_nonnull (meeting);
  quorum_meeting_page_set_committees (QUORUM_MEETING_PAGE (page),
                                      quorum_store_get_committees (fixture->store));
  quorum_meeting_page_set_action_log (QUORUM_MEETING_PAGE (page), fixture->log);
  quorum_meeting_page_set_meeting (QUORUM_MEETING_PAGE (page), meeting);
  window = show_in_window (page, "Meeting", 900, 800);
  g_assert_true (quorum_test_wait_label (page, json_object_get_string_member (root, "title")));
  g_assert_true (quorum_test_label_shown (page, "Held · Final Minutes"));
  g_assert_false (quorum_test_label_shown (page, "No agenda is recorded for this meeting"));

  rows = list_rows (page, "meeting-agenda");
  /* Every item, in the minutes' order. */
  g_assert_cmpuint (rows->len, ==, json_array_get_length (items));
  for (guint i = 0; i < rows->len; i++)
    assert_item_row (rows->pdata[i], json_array_get_object_element (items, i));
  assert_actions (page, root);
  assert_attendance (page, root);

  gtk_window_destroy (window);
}

static void
paper_opened_cb (QuorumMeetingPage *page,
                 QuorumPaper       *paper,
                 QuorumPaper      **opened)
{
  g_set_object (opened, paper);
}

static void
action_activated_cb (QuorumMeetingPage *page,
                     const char        *ref,
                     char             **activated)
{
  g_free (*activated);
  *activated = g_strdup (ref);
}

/* The AdwPreferencesRow titled @title at or under @widget. */
static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A meeting of the test's own, with a paper the store holds and one it
 * does not. */
static const char linked_meeting[] =
  "{ \"format\": \"quorum.meeting/1\", \"id\": \"test-linked\", \"committee\": \"ssc\","
  "  \"title\": \"Test Meeting\", \"date\": \"2017-03-01\", \"status\": \"held\","
  "  \"minutes\": \"draft\","
  "  \"items\": [ { \"number\": \"1\", \"title\": \"The budget\","
  "    \"papers\": [ { \"title\": \"The 2020-23 budget\","
  "                    \"ref\": { \"document\": \"sec-budget-2020-23\" } },"
  "                  { \"title\": \"A paper elsewhere\" } ],"
  "    \"outcomes\": [ { \"kind\": \"deferred\", \"text\": \"the budget to March\" } ] } ],"
  "  \"actions\": [ { \"ref\": \"TEST1/01\", \"item\": \"1\", \"owner\": \"SECAS\","
  "                   \"text\": \"bring the budget back\", \"status\": \"open\" } ] }";

static void
test_open_paper (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumPaper) opened = NULL;
  g_autofree char *activated = NULL;
  QuorumMeetingPage *page = QUORUM_MEETING_PAGE (quorum_meeting_page_new ());
  QuorumAgendaItem *item;
  GtkWidget *linked_row, *unlinked_row;
  GtkWindow *window;

  g_ptr_array_add (meetings, quorum_meeting_new_from_data ("test-linked.json", linked_meeting,
                                                           sizeof linked_meeting - 1, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (meetings->pdata[0]);
  link_meetings (fixture->store, meetings);
  item = quorum_meeting_find_item (meetings->pdata[0], "1");
  {
    g_autoptr(QuorumPaper) held = g_list_model_get_item (quorum_agenda_item_get_papers (item), 0);
    g_autoptr(QuorumPaper) elsewhere = g_list_model_get_item (
      quorum_agenda_item_get_papers (item), 1);

    g_assert_true (quorum_paper_get_linked (held));
    g_assert_false (quorum_paper_get_linked (elsewhere));
  }

  g_signal_connect (page, "open-paper", G_CALLBACK (paper_opened_cb), &opened);
  g_signal_connect (page, "action-activated", G_CALLBACK (action_activated_cb), &activated);
  quorum_meeting_page_set_meeting (page, meetings->pdata[0]);
  window = show_in_window (GTK_WIDGET (page), "Meeting", 900, 700);
  g_assert_true (quorum_test_wait_label (GTK_WIDGET (page), "The 2020-23 budget"));
  g_assert_true (quorum_test_label_shown (GTK_WIDGET (page), "Held · Draft Minutes"));
  g_assert_true (quorum_test_label_shown (GTK_WIDGET (page), "DEFERRED"));

  linked_row = find_row_titled (GTK_WIDGET (page), "The 2020-23 budget");
  unlinked_row = find_row_titled (GTK_WIDGET (page), "A paper elsewhere");
  g_assert_nonnull (linked_row);
  g_assert_nonnull (unlinked_row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (linked_row)));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (unlinked_row)));
  g_assert_true (quorum_test_label_shown (unlinked_row, "Not held in this store"));
  g_assert_false (quorum_test_label_shown (linked_row, "Not held in this store"));

  /* Activating the row, as Enter or a click does. */
  gtk_widget_activate (unlinked_row);
  g_assert_null (opened);
  g_assert_true (gtk_widget_activate (linked_row));
  g_assert_nonnull (opened);
  g_assert_cmpstr (quorum_paper_get_title (opened), ==, "The 2020-23 budget");
  g_assert_cmpstr (quorum_paper_get_document (opened), ==, "sec-budget-2020-23");

  /* An action's row names it. */
  g_assert_true (gtk_widget_activate (row_showing (GTK_WIDGET (page), "meeting-actions",
                                                   "TEST1/01")));
  g_assert_cmpstr (activated, ==, "TEST1/01");

  /* A meeting still to come: no agenda yet, and the page says so. */
  quorum_meeting_page_set_meeting (page, find_meeting (fixture->meetings,
                                                       "sec-panel-2017-02-10"));
  g_assert_true (quorum_test_wait_label (GTK_WIDGET (page),
                                         "No agenda is recorded for this meeting"));
  g_assert_true (quorum_test_label_shown (GTK_WIDGET (page), "Scheduled"));
  g_assert_null (quorum_test_find_named (GTK_WIDGET (page), "meeting-attendance"));

  gtk_window_destroy (window);
}

/* --- the calendar --------------------------------------------------------- */

typedef struct
{
  char *id;
  char *committee;
  char *date;
  char *start;
} MeetingInfo;

static void
meeting_info_free (gpointer data)
{
  MeetingInfo *info = data;

  g_free (info->id);
  g_free (info->committee);
  g_free (info->date);
  g_free (info->start);
  g_free (info);
}

static int
meeting_info_compare (gconstpointer a,
                      gconstpointer b)
{
  const MeetingInfo *x = *(MeetingInfo **) a;
  const MeetingInfo *y = *(MeetingInfo **) b;
  int c = g_strcmp0 (x->date, y->date);

  if (c == 0)
    c = g_strcmp0 (x->start, y->start);
  if (c == 0)
    c = g_strcmp0 (x->id, y->id);
  return c;
}

/* Every sample meeting's id, committee, date and start, read from the files,
 * soonest first. */
static GPtrArray *
read_meeting_infos (void)
{
  g_autofree char *dir = meetings_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *infos = g_ptr_array_new_with_free_func (meeting_info_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root = read_meeting_json (parser, name);
      MeetingInfo *info = g_new0 (MeetingInfo, 1);

      info->id = g_strdup (json_object_get_string_member (root, "id"));
      info->committee = g_strdup (json_object_get_string_member (root, "committee"));
      info->date = g_strdup (json_object_get_string_member (root, "date"));
      info->start = g_strdup (json_object_get_string_member_with_default (root, "start", NULL));
      g_ptr_array_add (infos, info);
    }
  g_ptr_array_sort (infos, meeting_info_compare);
  return infos;
}

/* The ids of @committee's meetings (all for %NULL) on or after @today
 * (@upcoming) or before it, soonest first when upcoming, newest first
 * when past. */
static GPtrArray *
expected_ids (GPtrArray  *infos,
              const char *today,
              const char *committee,
              gboolean    upcoming)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < infos->len; i++)
    {
      MeetingInfo *info = infos->pdata[upcoming ? i : infos->len - 1 - i];

      if (committee != NULL && strcmp (info->committee, committee) != 0)
        continue;
      if ((strcmp (info->date, today) >= 0) == upcoming)
        g_ptr_array_add (ids, info->id);
    }
  return ids;
}

static void
assert_ids (GListModel *model,
            GPtrArray  *ids,
            GtkWidget  *calendar,
            const char *list_name)
{
  g_autoptr(GPtrArray) rows = list_rows (calendar, list_name);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (model, i);

      g_assert_cmpstr (quorum_meeting_get_id (meeting), ==, ids->pdata[i]);
    }
  /* A row for each. */
  g_assert_cmpuint (rows->len, ==, ids->len);
  g_ptr_array_unref (ids);
}

static void
assert_split (QuorumMeetingsCalendar *calendar,
              GPtrArray              *infos,
              const char             *today,
              const char             *committee)
{
  g_assert_cmpstr (quorum_meetings_calendar_get_today (calendar), ==, today);
  g_assert_cmpstr (quorum_meetings_calendar_get_committee (calendar), ==, committee);
  assert_ids (quorum_meetings_calendar_get_upcoming (calendar),
              expected_ids (infos, today, committee, TRUE), GTK_WIDGET (calendar),
              "calendar-upcoming");
  assert_ids (quorum_meetings_calendar_get_past (calendar),
              expected_ids (infos, today, committee, FALSE), GTK_WIDGET (calendar),
              "calendar-past");
}

/* The position of @id in @committees. */
static guint
committee_index (GListModel *committees,
                 const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (committees); i++)
    {
      g_autoptr(QuorumCommittee) committee = g_list_model_get_item (committees, i);

      if (g_strcmp0 (quorum_committee_get_id (committee), id) == 0)
        return i;
    }
  g_error ("no committee %s", id);
  return 0;
}

/* secp-39's row says when and where in words. */
static void
assert_when (GtkWidget *calendar)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = read_meeting_json (parser, "secp-39.json");
  GtkWidget *row = find_row_titled (calendar, json_object_get_string_member (root, "title"));
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *weekday = NULL;
  g_autofree char *expected = NULL;

  g_assert_nonnull (row);
  g_assert_cmpint (sscanf (json_object_get_string_member (root, "date"), "%d-%d-%d",
                           &year, &month, &day), ==, 3);
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  weekday = g_date_time_format (date, "%A %-d %B %Y");
  expected = g_strdup_printf ("%s, %s–%s · %s", weekday,
                              json_object_get_string_member (root, "start"),
                              json_object_get_string_member (root, "end"),
                              json_object_get_string_member (root, "venue"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
  g_assert_true (g_str_has_prefix (expected, "Friday 9 December 2016, 10:00–13:00 · "));
  g_assert_true (quorum_test_label_shown (row, "Held · Final Minutes"));
}

static void
meeting_activated_cb (QuorumMeetingsCalendar *calendar,
                      QuorumMeeting          *meeting,
                      QuorumMeeting         **activated)
{
  g_set_object (activated, meeting);
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) infos = read_meeting_infos ();
  GListModel *committees = quorum_store_get_committees (fixture->store);
  QuorumMeetingsCalendar *calendar = QUORUM_MEETINGS_CALENDAR (quorum_meetings_calendar_new ());
  g_autoptr(QuorumMeeting) activated = NULL;
  g_autoptr(GPtrArray) past = NULL;
  GtkDropDown *dropdown;
  GtkWindow *window;

  quorum_meetings_calendar_set_committees (calendar, committees);
  quorum_meetings_calendar_set_meetings (calendar, fixture->meetings);
  g_object_bind_property (fixture->log, "today", calendar, "today", G_BINDING_SYNC_CREATE);
  g_signal_connect (calendar, "meeting-activated", G_CALLBACK (meeting_activated_cb),
                    &activated);
  window = show_in_window (GTK_WIDGET (calendar), "Meetings", 900, 700);
  g_assert_true (quorum_test_wait_label (GTK_WIDGET (calendar), "Upcoming"));

  /* On this day the sample has meetings on both sides. */
  g_assert_cmpuint (g_list_model_get_n_items (quorum_meetings_calendar_get_upcoming (calendar)),
                    >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_meetings_calendar_get_past (calendar)),
                    >, 1);
  assert_split (calendar, infos, TODAY, NULL);
  assert_when (GTK_WIDGET (calendar));
  g_assert_true (quorum_test_label_shown (GTK_WIDGET (calendar), "Scheduled"));

  /* Chosen in the dropdown: "All Committees", then the register's order. */
  dropdown = GTK_DROP_DOWN (quorum_test_find_named (GTK_WIDGET (calendar),
                                                    "calendar-committee"));
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  gtk_drop_down_set_selected (dropdown, committee_index (committees, "smki-pma") + 1);
  assert_split (calendar, infos, TODAY, "smki-pma");
  quorum_meetings_calendar_set_committee (calendar, "ssc");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==,
                    committee_index (committees, "ssc") + 1);
  assert_split (calendar, infos, TODAY, "ssc");

  /* A committee with no meetings in the sample. */
  quorum_meetings_calendar_set_committee (calendar, "opsg");
  assert_split (calendar, infos, TODAY, "opsg");
  g_assert_true (quorum_test_wait_label (GTK_WIDGET (calendar), "No Meetings for This Committee"));
  quorum_meetings_calendar_set_committee (calendar, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  /* Another day, through the log's today. */
  quorum_action_log_set_today (fixture->log, "2016-12-09");
  assert_split (calendar, infos, "2016-12-09", NULL);
  quorum_action_log_set_today (fixture->log, TODAY);
  assert_split (calendar, infos, TODAY, NULL);

  /* Activating the newest past meeting's row. */
  past = list_rows (GTK_WIDGET (calendar), "calendar-past");
  g_assert_true (gtk_widget_activate (past->pdata[0]));
  g_assert_nonnull (activated);
  {
    g_autoptr(GPtrArray) ids = expected_ids (infos, TODAY, NULL, FALSE);

    g_assert_cmpstr (quorum_meeting_get_id (activated), ==, ids->pdata[0]);
  }

  gtk_window_destroy (window);
}

/* Scrolls the page so that the agenda's item @index (or the actions raised,
 * for -1) is at the top; the page's top for item 0. */
static void
scroll_page_to (GtkWidget *page,
                int        index)
{
  GtkWidget *scroller = quorum_test_find_named (page, "meeting-scroller");
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (
                                                 GTK_SCROLLED_WINDOW (scroller))));
  g_autoptr(GPtrArray) rows = list_rows (page, "meeting-agenda");
  GtkWidget *target = index >= 0 ? rows->pdata[index]
                                 : gtk_widget_get_parent (quorum_test_find_named (
                                     page, "meeting-actions"));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (target, content, &GRAPHENE_POINT_INIT (0, 0),
                                           &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            index == 0 ? 0 : point.y - 12);
}

/* With QUORUM_SCREENSHOT_DIR set, saves both widgets in the light and the
 * dark style (docs/screenshots/). */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *page = quorum_meeting_page_new ();
  GtkWidget *calendar = quorum_meetings_calendar_new ();
  GtkWindow *page_window, *calendar_window;

  if (g_getenv ("QUORUM_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set QUORUM_SCREENSHOT_DIR to save screenshots");
      return;
    }
  quorum_meeting_page_set_committees (QUORUM_MEETING_PAGE (page),
                                      quorum_store_get_committees (fixture->store));
  quorum_meeting_page_set_action_log (QUORUM_MEETING_PAGE (page), fixture->log);
  quorum_meeting_page_set_meeting (QUORUM_MEETING_PAGE (page),
                                   find_meeting (fixture->meetings, "secp-39"));
  page_window = show_in_window (page, "SEC Panel Meeting 39", 960, 760);
  quorum_meetings_calendar_set_committees (QUORUM_MEETINGS_CALENDAR (calendar),
                                           quorum_store_get_committees (fixture->store));
  quorum_meetings_calendar_set_meetings (QUORUM_MEETINGS_CALENDAR (calendar),
                                         fixture->meetings);
  quorum_meetings_calendar_set_today (QUORUM_MEETINGS_CALENDAR (calendar), TODAY);
  calendar_window = show_in_window (calendar, "Meetings", 960, 760);

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      scroll_page_to (page, 0);
      save_screenshot (GTK_WIDGET (page_window), "meeting-page");
      scroll_page_to (page, 5);
      save_screenshot (GTK_WIDGET (page_window), "meeting-page-agenda");
      scroll_page_to (page, -1);
      save_screenshot (GTK_WIDGET (page_window), "meeting-page-actions");
      save_screenshot (GTK_WIDGET (calendar_window), "meetings-calendar");
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (page_window);
  gtk_window_destroy (calendar_window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/meeting-page/minutes", Fixture, NULL, fixture_set_up, test_minutes,
              fixture_tear_down);
  g_test_add ("/meeting-page/open-paper", Fixture, NULL, fixture_set_up, test_open_paper,
              fixture_tear_down);

  g_test_add ("/meeting-page/calendar", Fixture, NULL, fixture_set_up, test_calendar,
              fixture_tear_down);

  g_test_add ("/meeting-page/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);

  return g_test_run ();
}
