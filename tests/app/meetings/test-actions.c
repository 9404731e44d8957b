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
#include "quorum-text-cell.h"
#include "quorum-ui-test-util.h"
#include "meetings-test-util.h"

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

/* The refs of the sample's actions of one committee: raised at its meetings,
 * or, for one raised before the records begin, reported at them. */
static GHashTable *committee_refs;

static GHashTable *
refs_of_committee (const char *committee)
{
  g_autofree char *dir = meetings_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) raised = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *lists[] = { "actions", "action_updates" };
  GHashTableIter iter;
  gpointer key;
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *m = read_meeting_json (parser, name);
      gboolean mine = g_strcmp0 (json_object_get_string_member (m, "committee"), committee) == 0;

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          JsonArray *list = json_object_has_member (m, lists[l])
                            ? json_object_get_array_member (m, lists[l]) : NULL;

          for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
            {
              const char *ref = json_object_get_string_member (
                json_array_get_object_element (list, i), "ref");

              if (l == 0)
                g_hash_table_add (raised, g_strdup (ref));
              if (l == 0 && mine)
                g_hash_table_add (refs, g_strdup (ref));
              else if (mine)
                g_hash_table_add (reported, g_strdup (ref));
            }
        }
    }
  g_hash_table_iter_init (&iter, reported);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (raised, key))
      g_hash_table_add (refs, g_strdup (key));
  return refs;
}

static gboolean
want_committee (Expected *e, const char *ref)
{
  return g_hash_table_contains (committee_refs, ref);
}

static gboolean
want_search_narrowed (Expected *e, const char *ref)
{
  return g_str_has_prefix (ref, "SECP39/12");
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
  g_assert_true (quorum_test_wait_label (GTK_WIDGET (view), "Overdue"));
  quorum_actions_view_set_show (view, QUORUM_ACTIONS_SHOW_OPEN);
  assert_shows (view, &expected, want_open);
  quorum_actions_view_set_show (view, QUORUM_ACTIONS_SHOW_CLOSED);
  assert_shows (view, &expected, want_closed);

  /* Another day: nothing was due before 1 January 2017. */
  quorum_action_log_set_today (log, "2017-01-01");
  quorum_actions_view_set_show (view, QUORUM_ACTIONS_SHOW_OVERDUE);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_actions_view_get_shown (view)), ==, 0);
  g_assert_true (quorum_test_wait_label (GTK_WIDGET (view), "No Matching Actions"));
  quorum_action_log_set_today (log, TODAY);
  assert_shows (view, &expected, expected_overdue);

  quorum_actions_view_set_show (view, QUORUM_ACTIONS_SHOW_ALL);
  quorum_actions_view_set_owner (view, "SECAS");
  assert_shows (view, &expected, want_secas);
  quorum_actions_view_set_owner (view, NULL);
  quorum_actions_view_set_search (view, "secp39/1");
  assert_shows (view, &expected, want_search);
  /* A search set over another (the entry emptied, then refilled) narrows
   * it, as a keystroke does. */
  quorum_actions_view_set_search (view, "secp39/12");
  assert_shows (view, &expected, want_search_narrowed);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_actions_view_get_shown (view)), >, 0);
  quorum_actions_view_set_search (view, NULL);
  quorum_actions_view_set_committee (view, "tabasc");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_actions_view_get_shown (view)), ==, 0);
  quorum_actions_view_set_committee (view, "sec-panel");
  committee_refs = refs_of_committee ("sec-panel");
  g_assert_cmpuint (g_hash_table_size (committee_refs), >, 0);
  assert_shows (view, &expected, want_committee);
  g_clear_pointer (&committee_refs, g_hash_table_unref);

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
  g_assert_true (quorum_test_wait_label (GTK_WIDGET (view), "SECP38/07"));
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

/* The refs the column view's rows show, of the actions in @log. */
typedef struct
{
  QuorumActionsView *view;
  QuorumActionLog *log;
} Rows;

/* The text a label or a list's text cell shows, or NULL. */
static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (QUORUM_IS_TEXT_CELL (widget))
    return quorum_text_cell_get_text (QUORUM_TEXT_CELL (widget));
  return NULL;
}

static void
collect_refs (GtkWidget       *widget,
              QuorumActionLog *log,
              GHashTable      *refs)
{
  const char *text = shown_text (widget);

  if (text != NULL && gtk_widget_get_mapped (widget) &&
      quorum_action_log_find (log, text) != NULL)
    g_assert_true (g_hash_table_add (refs, g_strdup (text)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_refs (child, log, refs);
}

/* Whether the rows show the refs of exactly the actions shown. */
static gboolean
rows_show_shown (gpointer data)
{
  Rows *rows = data;
  GtkWidget *list = quorum_test_find_named (GTK_WIDGET (rows->view), "actions-list");
  g_autoptr(GHashTable) drawn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) shown = shown_refs (rows->view);
  GHashTableIter iter;
  gpointer key;

  collect_refs (list, rows->log, drawn);
  if (g_hash_table_size (drawn) != g_hash_table_size (shown))
    return FALSE;
  g_hash_table_iter_init (&iter, shown);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (drawn, key))
      return FALSE;
  return TRUE;
}

/* The action selected (at most one is, here), or NULL. */
static const char *
selected_ref (QuorumActionsView *view)
{
  GtkWidget *list = quorum_test_find_named (GTK_WIDGET (view), "actions-list");
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (list));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr(GObject) slot = NULL;
  g_autoptr(QuorumAction) action = NULL;

  g_assert_cmpuint (gtk_bitset_get_size (selected), <=, 1);
  if (gtk_bitset_is_empty (selected))
    return NULL;
  slot = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_minimum (selected));
  g_object_get (slot, "item", &action, NULL);
  return quorum_action_get_ref (action);
}

/* The rows are rebound to other actions as a search narrows and widens
 * what is shown: each shows the action at its place, and the selection
 * stays on the action selected while it is shown, then is cleared. */
static void
test_rebind (void)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  GtkWidget *window = gtk_window_new ();
  QuorumActionsView *view = QUORUM_ACTIONS_VIEW (quorum_actions_view_new ());
  Rows rows = { view, NULL };
  const char *searches[] = { "secp39/1", "secp39/12", "secp39/1", "secp39/" };
  GtkWidget *details;

  g_assert_true (quorum_store_load (store, NULL, NULL));
  rows.log = quorum_store_get_action_log (store);
  g_object_set (view, "store", store, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 1000);
  gtk_window_present (GTK_WINDOW (window));
  details = quorum_test_find_named (GTK_WIDGET (view), "action-details");
  g_assert_nonnull (details);

  /* Each search below moves SECP39/12, or gives its row another action. */
  quorum_actions_view_set_search (view, "secp39/");
  g_assert_true (quorum_test_wait_until (rows_show_shown, &rows));
  g_assert_true (quorum_actions_view_select (view, "SECP39/12"));
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      quorum_actions_view_set_search (view, searches[i]);
      g_assert_true (quorum_test_wait_until (rows_show_shown, &rows));
      g_assert_cmpstr (selected_ref (view), ==, "SECP39/12");
      g_assert_true (gtk_widget_get_visible (details));
      g_assert_true (quorum_test_wait_label (details, "SECP39/12"));
    }
  quorum_actions_view_set_search (view, "secp39/13");
  g_assert_true (quorum_test_wait_until (rows_show_shown, &rows));
  g_assert_null (selected_ref (view));
  g_assert_false (gtk_widget_get_visible (details));
  quorum_actions_view_set_search (view, "secp39/");
  g_assert_true (quorum_test_wait_until (rows_show_shown, &rows));
  g_assert_null (selected_ref (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every column sorts both ways, actions with no due date, owner or meeting
 * included (GTK 4.8's string sorter would be critical on a NULL), and an
 * ascending sort by due date puts the dates in order. The store's own
 * action log is used, as the window does. */
static void
test_sort (void)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  GtkWidget *window = gtk_window_new ();
  QuorumActionsView *view = QUORUM_ACTIONS_VIEW (quorum_actions_view_new ());
  GtkColumnView *column_view;
  GListModel *columns;
  GListModel *shown;
  guint n;

  g_assert_true (quorum_store_load (store, NULL, NULL));
  g_object_set (view, "store", store, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  column_view = GTK_COLUMN_VIEW (quorum_test_find_named (GTK_WIDGET (view), "actions-list"));
  g_assert_nonnull (column_view);
  columns = gtk_column_view_get_columns (column_view);
  shown = quorum_actions_view_get_shown (view);
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, ==,
                    g_list_model_get_n_items (G_LIST_MODEL (quorum_store_get_action_log (store))));
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      const char *title = gtk_column_view_column_get_title (column);

      if (gtk_column_view_column_get_sorter (column) == NULL)
        continue;
      gtk_column_view_sort_by_column (column_view, column, GTK_SORT_DESCENDING);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
      gtk_column_view_sort_by_column (column_view, column, GTK_SORT_ASCENDING);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
      if (g_strcmp0 (title, "Due") != 0)
        continue;
      for (guint i = 1; i < n; i++)
        {
          g_autoptr(QuorumAction) a = g_list_model_get_item (shown, i - 1);
          g_autoptr(QuorumAction) b = g_list_model_get_item (shown, i);

          g_assert_cmpint (g_strcmp0 (quorum_action_get_due (a), quorum_action_get_due (b)),
                           <=, 0);
        }
    }
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
  g_test_add_func ("/actions/sort", test_sort);
  g_test_add_func ("/actions/rebind", test_rebind);

  return g_test_run ();
}
