/* test-committee-meetings.c: a committee's meetings and open actions, and
 * the overview's next meeting and action counts
 *
 * Every expected value is worked out here from data/sample-store/meetings/
 * *.json with json-glib: a committee's meetings (to come, soonest first,
 * then held, latest first), its open actions (an action's committee is the
 * committee of the meeting that raised it, or of the meeting that reported
 * on it when none did) and which are overdue, the next meeting on or after
 * today and the counts. "Today" is fixed on the store's action log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-committee-page.h"
#include "quorum-window.h"
#include "quorum-ui-test-util.h"
#include "meetings-test-util.h"

typedef struct
{
  char *id;
  char *committee;
  char *date;
  char *start;
  char *title;
  char *status;
} MeetingJson;

static void
meeting_json_free (MeetingJson *meeting)
{
  g_free (meeting->id);
  g_free (meeting->committee);
  g_free (meeting->date);
  g_free (meeting->start);
  g_free (meeting->title);
  g_free (meeting->status);
  g_free (meeting);
}

static char *
dup_member (JsonObject *object,
            const char *member)
{
  return json_object_has_member (object, member)
         ? g_strdup (json_object_get_string_member (object, member)) : NULL;
}

/* Every meeting file; @committee_of gets ref → committee for each action. */
static GPtrArray *
read_meetings (GHashTable *committee_of)
{
  g_autofree char *dir = meetings_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) meeting_json_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;
      MeetingJson *meeting;
      JsonArray *list;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      root = read_meeting_json (parser, name);
      meeting = g_new0 (MeetingJson, 1);
      meeting->id = dup_member (root, "id");
      meeting->committee = dup_member (root, "committee");
      meeting->date = dup_member (root, "date");
      meeting->start = dup_member (root, "start");
      meeting->title = dup_member (root, "title");
      meeting->status = dup_member (root, "status");
      g_ptr_array_add (meetings, meeting);
      /* Raised here: this committee's. Reported on only: the reporter's. */
      list = json_object_get_array_member (root, "actions");
      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        g_hash_table_insert (committee_of,
                             dup_member (json_array_get_object_element (list, i), "ref"),
                             g_strdup (meeting->committee));
      list = json_object_get_array_member (root, "action_updates");
      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          char *ref = dup_member (json_array_get_object_element (list, i), "ref");

          if (!g_hash_table_contains (committee_of, ref))
            g_hash_table_insert (committee_of, ref, g_strdup (meeting->committee));
          else
            g_free (ref);
        }
    }
  g_assert_cmpuint (meetings->len, >, 0);
  return meetings;
}

static int
compare_json (const MeetingJson *a,
              const MeetingJson *b)
{
  int c = g_strcmp0 (a->date, b->date);

  if (c == 0)
    c = g_strcmp0 (a->start, b->start);
  return c != 0 ? c : g_strcmp0 (a->id, b->id);
}

static int
upcoming_then_past (gconstpointer pa,
                    gconstpointer pb)
{
  const MeetingJson *a = *(MeetingJson **) pa;
  const MeetingJson *b = *(MeetingJson **) pb;
  gboolean past_a = strcmp (a->date, TODAY) < 0;
  gboolean past_b = strcmp (b->date, TODAY) < 0;

  if (past_a != past_b)
    return past_a ? 1 : -1;
  return past_a ? compare_json (b, a) : compare_json (a, b);
}

/* The rows of the list box named @name: their titles, or names. */
static GPtrArray *
row_texts (GtkWidget  *root,
           const char *name,
           gboolean    names)
{
  GtkWidget *list = quorum_test_find_named (root, name);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (list);
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);

      if (row == NULL)
        break;
      g_ptr_array_add (texts, g_strdup (names ? gtk_widget_get_name (GTK_WIDGET (row))
                                              : adw_preferences_row_get_title (
                                                  ADW_PREFERENCES_ROW (row))));
    }
  return texts;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static char *last_activated;

static void
record_activation (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  g_free (last_activated);
  last_activated = g_strdup_printf ("%s(%s)", g_action_get_name (G_ACTION (action)),
                                    g_variant_get_string (parameter, NULL));
}

static void
check_committee (QuorumCommitteePage *page,
                 GtkWidget           *window,
                 QuorumStore         *store,
                 QuorumCommittee     *committee,
                 GPtrArray           *meetings,
                 GHashTable          *committee_of,
                 Expected            *expected)
{
  const char *id = quorum_committee_get_id (committee);
  g_autoptr(GPtrArray) want = g_ptr_array_new ();
  g_autoptr(GPtrArray) want_refs = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  GtkWidget *actions_list;
  GHashTableIter iter;
  gpointer ref, status;

  quorum_committee_page_show (page, store, committee);
  for (guint i = 0; i < meetings->len; i++)
    if (g_strcmp0 (((MeetingJson *) meetings->pdata[i])->committee, id) == 0)
      g_ptr_array_add (want, meetings->pdata[i]);
  g_ptr_array_sort (want, upcoming_then_past);

  titles = row_texts (window, "committee-meetings", FALSE);
  if (want->len == 0)
    g_assert_nonnull (quorum_test_find_named (window, "no-meetings"));
  g_assert_cmpuint (titles->len, ==, want->len);
  for (guint i = 0; i < want->len; i++)
    g_assert_cmpstr (titles->pdata[i], ==, ((MeetingJson *) want->pdata[i])->title);

  g_hash_table_iter_init (&iter, expected->status);
  while (g_hash_table_iter_next (&iter, &ref, &status))
    if (g_str_equal (status, "open") &&
        g_strcmp0 (g_hash_table_lookup (committee_of, ref), id) == 0)
      g_ptr_array_add (want_refs, ref);
  g_ptr_array_sort (want_refs, compare_strings);
  refs = row_texts (window, "committee-actions", TRUE);
  g_ptr_array_sort (refs, compare_strings);
  if (want_refs->len == 0)
    g_assert_nonnull (quorum_test_find_named (window, "no-actions"));
  g_assert_cmpuint (refs->len, ==, want_refs->len);
  actions_list = quorum_test_find_named (window, "committee-actions");
  for (guint i = 0; i < want_refs->len; i++)
    {
      GtkWidget *row;

      g_assert_cmpstr (refs->pdata[i], ==, want_refs->pdata[i]);
      row = quorum_test_find_named (actions_list, want_refs->pdata[i]);
      g_assert_nonnull (row);
      /* Overdue in words (and with an icon), and only then. */
      g_assert_cmpint (has_label (row, "Overdue"), ==,
                       expected_overdue (expected, want_refs->pdata[i]));
    }

  /* The first row of each list opens its meeting or action. */
  if (want->len > 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (
        GTK_LIST_BOX (quorum_test_find_named (window, "committee-meetings")), 0);
      g_autofree char *target = g_strdup_printf ("show-meeting(%s)",
                                                 ((MeetingJson *) want->pdata[0])->id);

      g_signal_emit_by_name (row, "activate");
      g_assert_cmpstr (last_activated, ==, target);
    }
  if (want_refs->len > 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (actions_list), 0);

      g_clear_pointer (&last_activated, g_free);
      g_signal_emit_by_name (row, "activate");
      g_assert_true (g_str_has_prefix (last_activated, "show-action("));
    }
}

static void
test_committee_page (void)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(GHashTable) committee_of = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, g_free);
  g_autoptr(GPtrArray) meetings = read_meetings (committee_of);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { "show-meeting", record_activation, "s", NULL, NULL, { 0 } },
    { "show-action", record_activation, "s", NULL, NULL, { 0 } },
  };
  QuorumCommitteePage *page;
  GListModel *committees;
  GtkWindow *window;
  Expected expected;
  guint n_with_actions = 0;

  g_assert_true (quorum_store_load (store, NULL, NULL));
  quorum_action_log_set_today (quorum_store_get_action_log (store), TODAY);
  expected_read (&expected);
  page = g_object_new (QUORUM_TYPE_COMMITTEE_PAGE, NULL);
  window = show_in_window (GTK_WIDGET (page), "Committee", 900, 800);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));

  committees = quorum_store_get_committees (store);
  g_assert_cmpuint (g_list_model_get_n_items (committees), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (committees); i++)
    {
      g_autoptr(QuorumCommittee) committee = g_list_model_get_item (committees, i);
      guint n_overdue;

      n_with_actions += quorum_action_log_count_open (quorum_store_get_action_log (store),
                                                      quorum_committee_get_id (committee),
                                                      &n_overdue) > 0;
      check_committee (page, GTK_WIDGET (window), store, committee, meetings, committee_of,
                       &expected);
    }
  /* The sample has a committee with open actions: the test saw some rows. */
  g_assert_cmpuint (n_with_actions, >, 0);

  g_clear_pointer (&last_activated, g_free);
  expected_clear (&expected);
  gtk_window_destroy (window);
}

/* --- the overview ---------------------------------------------------------------- */

static QuorumApplication *app;

typedef struct
{
  GtkWidget *window;
  const char *row;
  char *title;
} RowWait;

static gboolean
row_has_title (gpointer data)
{
  RowWait *wait = data;
  GtkWidget *row = quorum_test_find_named (wait->window, wait->row);

  return row != NULL && ADW_IS_PREFERENCES_ROW (row) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), wait->title) == 0;
}

static const MeetingJson *
next_from (GPtrArray  *meetings,
           const char *today)
{
  const MeetingJson *next = NULL;

  for (guint i = 0; i < meetings->len; i++)
    {
      const MeetingJson *meeting = meetings->pdata[i];

      if (strcmp (meeting->date, today) >= 0 && g_strcmp0 (meeting->status, "cancelled") != 0 &&
          (next == NULL || compare_json (meeting, next) < 0))
        next = meeting;
    }
  return next;
}

static void
test_overview (void)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  g_autoptr(GHashTable) committee_of = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, g_free);
  g_autoptr(GPtrArray) meetings = read_meetings (committee_of);
  QuorumWindow *window = quorum_window_new (app);
  const MeetingJson *next = next_from (meetings, TODAY);
  const MeetingJson *after;
  g_autofree char *day_after = NULL;
  guint n_open = 0, n_overdue = 0;
  GHashTableIter iter;
  gpointer ref, status;
  Expected expected;
  RowWait wait = { GTK_WIDGET (window), NULL, NULL };
  g_autoptr(GDate) date = g_date_new ();

  g_assert_nonnull (next);
  expected_read (&expected);
  g_hash_table_iter_init (&iter, expected.status);
  while (g_hash_table_iter_next (&iter, &ref, &status))
    if (g_str_equal (status, "open"))
      {
        n_open++;
        n_overdue += expected_overdue (&expected, ref);
      }

  quorum_window_open_store (window, path);
  quorum_action_log_set_today (quorum_store_get_action_log (quorum_window_get_store (window)),
                               TODAY);
  gtk_window_present (GTK_WINDOW (window));

  wait.row = "next-meeting";
  wait.title = g_strdup_printf ("Next: %s", next->title);
  g_assert_true (quorum_test_wait_until (row_has_title, &wait));
  g_free (wait.title);
  wait.row = "open-actions";
  wait.title = g_strdup_printf ("%u open action%s, %u overdue", n_open, n_open == 1 ? "" : "s",
                                n_overdue);
  g_assert_true (quorum_test_wait_until (row_has_title, &wait));
  g_free (wait.title);

  /* The day after the next meeting: the one after it is next. */
  g_date_set_parse (date, next->date);
  g_assert_true (g_date_valid (date));
  g_date_add_days (date, 1);
  day_after = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                               g_date_get_month (date), g_date_get_day (date));
  after = next_from (meetings, day_after);
  quorum_action_log_set_today (quorum_store_get_action_log (quorum_window_get_store (window)),
                               day_after);
  wait.row = "next-meeting";
  wait.title = after != NULL ? g_strdup_printf ("Next: %s", after->title)
                             : g_strdup ("No meetings scheduled");
  g_assert_true (quorum_test_wait_until (row_has_title, &wait));
  g_free (wait.title);

  /* Long after every meeting: none is scheduled. */
  quorum_action_log_set_today (quorum_store_get_action_log (quorum_window_get_store (window)),
                               "2999-01-01");
  wait.title = g_strdup ("No meetings scheduled");
  g_assert_true (quorum_test_wait_until (row_has_title, &wait));
  g_free (wait.title);

  expected_clear (&expected);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under Xvfb");
      return 77;
    }
  adw_init ();
  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/committee-meetings/page", test_committee_page);
  g_test_add_func ("/committee-meetings/overview", test_overview);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
