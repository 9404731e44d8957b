/* test-actions.c: the Actions view on the sample store's meetings
 *
 * The expected actions are worked out here from the meeting files, read
 * with json-glib, so that a change to the data the view mishandles fails.
 * "Today" is fixed, so overdue means the same on every run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-actions-view.h"
#include "quorum-core.h"
#include "quorum-meeting-links.h"
#include "quorum-ui-test-util.h"

#define TODAY "2017-02-01"

static char *
meetings_dir (void)
{
  g_autofree char *store = quorum_store_dup_sample_path ();

  return g_build_filename (store, "meetings", NULL);
}

/* The sample store's meetings, linked as the store links them. */
static GListModel *
load_meetings (QuorumStore *store)
{
  g_autofree char *dir = meetings_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) committees = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *model = g_list_store_new (QUORUM_TYPE_MEETING);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      g_ptr_array_add (meetings, quorum_meeting_new_from_data (path, data, length, problems));
    }
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (quorum_store_get_committees (store)); i++)
    g_ptr_array_add (committees, g_list_model_get_item (quorum_store_get_committees (store), i));
  _quorum_meetings_link (meetings, committees, documents, packages, problems);
  for (guint i = 0; i < meetings->len; i++)
    g_list_store_append (model, g_ptr_array_index (meetings, i));
  return G_LIST_MODEL (model);
}

typedef struct
{
  GHashTable *status;    /* ref → "open"/"closed", the current status */
  GHashTable *due;       /* ref → due date */
  GHashTable *owner;     /* ref → owner */
} Expected;

/* Worked out from the files: a ref's status is its latest update's, where
 * "latest" is by meeting date; the sample has one update at most per ref
 * and meeting. */
static void
expected_read (Expected *expected)
{
  g_autofree char *dir = meetings_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) update_date = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                             g_free, g_free);
  const char *name;

  expected->status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  expected->due = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  expected->owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;
      JsonArray *list;
      const char *date;

      g_assert_true (json_parser_load_from_file (parser, path, NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      date = json_object_get_string_member (root, "date");
      list = json_object_get_array_member (root, "actions");
      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonObject *action = json_array_get_object_element (list, i);
          const char *ref = json_object_get_string_member (action, "ref");

          if (!g_hash_table_contains (update_date, ref))
            g_hash_table_insert (expected->status, g_strdup (ref),
                                 g_strdup (json_object_get_string_member (action, "status")));
          if (json_object_has_member (action, "due"))
            g_hash_table_insert (expected->due, g_strdup (ref),
                                 g_strdup (json_object_get_string_member (action, "due")));
          if (json_object_has_member (action, "owner"))
            g_hash_table_insert (expected->owner, g_strdup (ref),
                                 g_strdup (json_object_get_string_member (action, "owner")));
        }
      list = json_object_get_array_member (root, "action_updates");
      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonObject *update = json_array_get_object_element (list, i);
          const char *ref = json_object_get_string_member (update, "ref");
          const char *before = g_hash_table_lookup (update_date, ref);

          if (before != NULL && strcmp (before, date) > 0)
            continue;
          g_hash_table_insert (update_date, g_strdup (ref), g_strdup (date));
          g_hash_table_insert (expected->status, g_strdup (ref),
                               g_strdup (json_object_get_string_member (update, "status")));
        }
    }
  g_assert_cmpuint (g_hash_table_size (expected->status), >, 0);
}

static void
expected_clear (Expected *expected)
{
  g_hash_table_unref (expected->status);
  g_hash_table_unref (expected->due);
  g_hash_table_unref (expected->owner);
}

static gboolean
expected_overdue (Expected   *expected,
                  const char *ref)
{
  const char *due = g_hash_table_lookup (expected->due, ref);

  return due != NULL && strcmp (due, TODAY) < 0 &&
         g_strcmp0 (g_hash_table_lookup (expected->status, ref), "open") == 0;
}

/* The refs the view shows, in a hash set. */
static GHashTable *
shown_refs (QuorumActionsView *view)
{
  GListModel *shown = quorum_actions_view_get_shown (view);
  GHashTable *refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(QuorumAction) action = g_list_model_get_item (shown, i);

      g_hash_table_add (refs, g_strdup (quorum_action_get_ref (action)));
    }
  return refs;
}

static void
assert_shows (QuorumActionsView *view,
              Expected          *expected,
              gboolean         (*want) (Expected *, const char *))
{
  g_autoptr(GHashTable) refs = shown_refs (view);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, expected->status);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean wanted = want (expected, key);

      if (wanted != g_hash_table_contains (refs, key))
        g_error ("%s is %s, and should not be", (char *) key, wanted ? "hidden" : "shown");
      n += wanted;
    }
  g_assert_cmpuint (g_hash_table_size (refs), ==, n);
}

static gboolean
want_all (Expected *e, const char *ref)
{
  return TRUE;
}

static gboolean
want_open (Expected *e, const char *ref)
{
  return g_strcmp0 (g_hash_table_lookup (e->status, ref), "open") == 0;
}

static gboolean
want_closed (Expected *e, const char *ref)
{
  return !want_open (e, ref);
}

static gboolean
want_secas (Expected *e, const char *ref)
{
  return g_strcmp0 (g_hash_table_lookup (e->owner, ref), "SECAS") == 0;
}

static gboolean
want_search (Expected *e, const char *ref)
{
  return g_str_has_prefix (ref, "SECP39/1");
}

static gboolean
label_shown (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_shown (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until TEXT is shown under WIDGET, 20 s at most. */
static gboolean
wait_for_label (GtkWidget  *widget,
                const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint source = g_timeout_add (50, wake, NULL);
  gboolean found;

  while (!(found = label_shown (widget, text)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  return found;
}

static void
test_filters (void)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(QuorumActionLog) log = NULL;
  GtkWidget *window = gtk_window_new ();
  QuorumActionsView *view = QUORUM_ACTIONS_VIEW (quorum_actions_view_new ());
  Expected expected;
  GHashTableIter iter;
  gpointer key;
  guint n_overdue = 0;

  g_assert_true (quorum_store_load (store, NULL, NULL));
  meetings = load_meetings (store);
  log = quorum_action_log_new (meetings);
  quorum_action_log_set_today (log, TODAY);
  expected_read (&expected);
  g_hash_table_iter_init (&iter, expected.status);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n_overdue += expected_overdue (&expected, key);
  /* The sample has overdue actions on this day, and others that are not. */
  g_assert_cmpuint (n_overdue, >, 0);

  quorum_actions_view_set_committees (view, quorum_store_get_committees (store));
  quorum_actions_view_set_action_log (view, log);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));

  assert_shows (view, &expected, want_all);
  quorum_actions_view_set_show (view, QUORUM_ACTIONS_SHOW_OVERDUE);
  assert_shows (view, &expected, expected_overdue);
  /* Each overdue one says so in words. */
  g_assert_true (wait_for_label (GTK_WIDGET (view), "Overdue"));
  quorum_actions_view_set_show (view, QUORUM_ACTIONS_SHOW_OPEN);
  assert_shows (view, &expected, want_open);
  quorum_actions_view_set_show (view, QUORUM_ACTIONS_SHOW_CLOSED);
  assert_shows (view, &expected, want_closed);

  /* Another day: nothing was due before 1 January 2017. */
  quorum_action_log_set_today (log, "2017-01-01");
  quorum_actions_view_set_show (view, QUORUM_ACTIONS_SHOW_OVERDUE);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_actions_view_get_shown (view)), ==, 0);
  g_assert_true (wait_for_label (GTK_WIDGET (view), "No Matching Actions"));
  quorum_action_log_set_today (log, TODAY);
  assert_shows (view, &expected, expected_overdue);

  quorum_actions_view_set_show (view, QUORUM_ACTIONS_SHOW_ALL);
  quorum_actions_view_set_owner (view, "SECAS");
  assert_shows (view, &expected, want_secas);
  quorum_actions_view_set_owner (view, NULL);
  quorum_actions_view_set_search (view, "secp39/1");
  assert_shows (view, &expected, want_search);
  quorum_actions_view_set_search (view, NULL);
  quorum_actions_view_set_committee (view, "tabasc");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_actions_view_get_shown (view)), ==, 0);
  quorum_actions_view_set_committee (view, "sec-panel");
  assert_shows (view, &expected, want_all);

  expected_clear (&expected);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Selecting an action lists its updates, oldest first. */
static void
test_history (void)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(QuorumActionLog) log = NULL;
  GtkWidget *window = gtk_window_new ();
  QuorumActionsView *view = QUORUM_ACTIONS_VIEW (quorum_actions_view_new ());
  GtkWidget *history;
  QuorumAction *action;
  guint n_rows = 0;

  g_assert_true (quorum_store_load (store, NULL, NULL));
  meetings = load_meetings (store);
  log = quorum_action_log_new (meetings);
  quorum_actions_view_set_action_log (view, log);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  /* SECP38/07 was raised before these records: it is known by its update. */
  action = quorum_action_log_find (log, "SECP38/07");
  g_assert_nonnull (action);
  g_assert_true (quorum_actions_view_select (view, "SECP38/07"));
  g_assert_true (wait_for_label (GTK_WIDGET (view), "SECP38/07"));
  history = quorum_test_find_named (GTK_WIDGET (view), "action-history");
  g_assert_nonnull (history);
  g_assert_true (gtk_widget_get_mapped (history));
  for (GtkWidget *row = gtk_widget_get_first_child (history); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows += ADW_IS_ACTION_ROW (row);
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (quorum_action_get_updates (action)));
  g_assert_cmpuint (n_rows, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/actions/filters", test_filters);
  g_test_add_func ("/actions/history", test_history);

  return g_test_run ();
}
