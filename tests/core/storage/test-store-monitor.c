/* test-store-monitor.c: a watched store reloads what changed, and only that
 *
 * A store of three work packages (one with a decision, one drawing on the
 * budget document) is loaded and watched; each test changes files on disk
 * and waits (a main loop, failing after a timeout) for the store's
 * "changed" signal, then checks the items-changed the work packages'
 * model emitted and that the objects of unchanged files are the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char committees_file[] =
  "{'format': 'quorum.committees/1', 'committees': [\n"
  "  {'id': 'opsg', 'short': 'OPSG', 'name': 'Operations Group'}]}\n";

/* PROVISION is replaced by the row's value. */
static const char budget_file[] =
  "{'format': 'quorum.budget/1', 'id': 'plan', 'title': 'Plan', 'status': 'approved',\n"
  " 'tables': [{'id': 't', 'role': 'budget', 'columns': [{'id': 'a', 'year': '2020/21'}],\n"
  "   'rows': [{'id': 'x', 'values': {'a': PROVISION}}],\n"
  "   'total': {'values': {'a': PROVISION}}}]}\n";

/* ID and TITLE are replaced. */
static const char package_file[] =
  "{'format': 'quorum.work-package/1', 'id': 'ID', 'kind': 'quarterly',\n"
  " 'quarter': '2020/21 Q1', 'title': 'TITLE', 'committee': 'opsg',\n"
  " 'budget_ref': {'document': 'plan', 'table': 't', 'row': 'x'},\n"
  " 'start': '2020-04-01', 'end': '2020-06-30',\n"
  " 'estimate': {'cost': 1000}, 'status': 'submitted'}\n";

static const char decision_file[] =
  "{'format': 'quorum.decision/1', 'id': 'ID', 'work_package': 'wp-a',\n"
  " 'decision': 'defer', 'by': 'Adam Carden', 'at': 'AT'}\n";

typedef struct
{
  char *dir;
  QuorumStore *store;
  GListModel *packages;
  GArray *changes;        /* of Change, as the work packages' model emitted them */
  GMainLoop *loop;
  gboolean changed;
} Fixture;

typedef struct
{
  guint position, removed, added;
} Change;

static char *
fill (const char *template,
      const char *key,
      const char *value,
      const char *key2,
      const char *value2)
{
  g_autoptr(GString) text = g_string_new (template);
  g_autofree char *dq = NULL;

  g_string_replace (text, key, value, 0);
  if (key2 != NULL)
    g_string_replace (text, key2, value2, 0);
  dq = quorum_test_dq (text->str);
  return g_steal_pointer (&dq);
}

static void
write_package (Fixture    *fixture,
               const char *id,
               const char *title)
{
  g_autofree char *relpath = g_strdup_printf ("work-packages/%s.json", id);
  g_autofree char *text = fill (package_file, "ID", id, "TITLE", title);

  quorum_test_write_file (fixture->dir, relpath, text, -1);
}

static void
write_budget (Fixture    *fixture,
              const char *provision)
{
  g_autofree char *text = fill (budget_file, "PROVISION", provision, NULL, NULL);

  quorum_test_write_file (fixture->dir, "budgets/plan.json", text, -1);
}

static void
write_decision (Fixture    *fixture,
                const char *id,
                const char *at)
{
  g_autofree char *relpath = g_strdup_printf ("decisions/wp-a/%s.json", id);
  g_autofree char *text = fill (decision_file, "ID", id, "AT", at);

  quorum_test_write_file (fixture->dir, relpath, text, -1);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

static void
store_changed_cb (QuorumStore *store,
                  Fixture     *fixture)
{
  fixture->changed = TRUE;
  g_main_loop_quit (fixture->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("the store did not reload within 20 s");
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the store has applied a reload. */
static void
wait_for_reload (Fixture *fixture)
{
  guint timeout = g_timeout_add_seconds (20, timeout_cb, NULL);

  fixture->changed = FALSE;
  while (!fixture->changed)
    g_main_loop_run (fixture->loop);
  g_source_remove (timeout);
}

static void
assert_changes (Fixture     *fixture,
                const Change expected[],
                guint        n_expected)
{
  g_assert_cmpuint (fixture->changes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      Change *got = &g_array_index (fixture->changes, Change, i);

      g_assert_cmpuint (got->position, ==, expected[i].position);
      g_assert_cmpuint (got->removed, ==, expected[i].removed);
      g_assert_cmpuint (got->added, ==, expected[i].added);
    }
  g_array_set_size (fixture->changes, 0);
}

/* The item at @position, which @model holds. */
static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;
}

static gpointer
package_at (Fixture *fixture,
            guint    position)
{
  return item_at (fixture->packages, position);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  return (int) ((const Change *) a)->position - (int) ((const Change *) b)->position;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *committees = quorum_test_dq (committees_file);

  fixture->dir = g_dir_make_tmp ("quorum-monitor-XXXXXX", &error);
  g_assert_no_error (error);
  quorum_test_write_file (fixture->dir, "committees.json", committees, -1);
  write_budget (fixture, "5000");
  write_package (fixture, "wp-a", "First");
  write_package (fixture, "wp-b", "Second");
  write_package (fixture, "wp-c", "Third");
  write_decision (fixture, "d-1", "2020-03-12T10:31:00Z");

  fixture->store = quorum_store_new (fixture->dir);
  g_assert_true (quorum_store_load (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (fixture->store)), ==, 0);
  fixture->packages = quorum_store_get_work_packages (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->packages), ==, 3);

  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  fixture->loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (fixture->packages, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (store_changed_cb), fixture);
  quorum_store_watch (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->packages, fixture);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  g_clear_pointer (&fixture->changes, g_array_unref);
  quorum_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* One package file changes: its item alone is replaced. */
static void
test_changed_file (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer a = package_at (fixture, 0), b = package_at (fixture, 1), c = package_at (fixture, 2);
  gpointer document = item_at (quorum_store_get_documents (fixture->store), 0);
  gpointer committee = item_at (quorum_store_get_committees (fixture->store), 0);
  gpointer decision = item_at (quorum_work_package_get_decisions (a), 0);
  const Change expected[] = { { 1, 1, 1 } };

  write_package (fixture, "wp-b", "Second, amended");
  wait_for_reload (fixture);

  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  g_assert_true (package_at (fixture, 0) == a);
  g_assert_true (package_at (fixture, 1) != b);
  g_assert_true (package_at (fixture, 2) == c);
  g_assert_cmpstr (quorum_work_package_get_title (package_at (fixture, 1)), ==,
                   "Second, amended");
  g_assert_true (item_at (quorum_store_get_documents (fixture->store), 0) == document);
  g_assert_true (item_at (quorum_store_get_committees (fixture->store), 0) == committee);
  /* The kept package keeps its decision, and the new one has its budget line. */
  g_assert_cmpuint (g_list_model_get_n_items (quorum_work_package_get_decisions (a)), ==, 1);
  g_assert_true (item_at (quorum_work_package_get_decisions (a), 0) == decision);
  g_assert_true (quorum_work_package_get_budget_line (package_at (fixture, 1), NULL, NULL,
                                                      NULL));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (fixture->store)), ==, 0);
}

/* A broken file becomes a problem naming it; the rest stays. */
static void
test_broken_file (Fixture       *fixture,
                  gconstpointer  data)
{
  gpointer a = package_at (fixture, 0), b = package_at (fixture, 1);
  g_autofree char *path = g_build_filename (fixture->dir, "work-packages", "wp-c.json", NULL);
  GListModel *problems = quorum_store_get_problems (fixture->store);
  g_autoptr(QuorumProblem) problem = NULL;
  const Change removed[] = { { 2, 1, 0 } };
  const Change added[] = { { 2, 0, 1 } };

  quorum_test_write_file (fixture->dir, "work-packages/wp-c.json",
                          "{\"format\": \"quorum.work-package/1\", \"id\": 7}", -1);
  wait_for_reload (fixture);

  assert_changes (fixture, removed, G_N_ELEMENTS (removed));
  g_assert_true (package_at (fixture, 0) == a);
  g_assert_true (package_at (fixture, 1) == b);
  g_assert_cmpuint (g_list_model_get_n_items (problems), >, 0);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpstr (quorum_problem_get_file (problem), ==, path);

  /* Fixed, it is back and the problems are gone. */
  write_package (fixture, "wp-c", "Third");
  wait_for_reload (fixture);
  assert_changes (fixture, added, G_N_ELEMENTS (added));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
}

/* A new file is added at its place; a deleted one removed, and a decision
 * on a package that went becomes a problem. */
static void
test_added_and_deleted (Fixture       *fixture,
                        gconstpointer  data)
{
  gpointer b = package_at (fixture, 1), c = package_at (fixture, 2);
  g_autofree char *a_path = g_build_filename (fixture->dir, "work-packages", "wp-a.json", NULL);
  g_autofree char *d_path = g_build_filename (fixture->dir, "decisions", "wp-a", "d-1.json",
                                              NULL);
  GListModel *problems = quorum_store_get_problems (fixture->store);
  g_autoptr(QuorumProblem) problem = NULL;
  const Change added[] = { { 2, 0, 1 } };
  const Change removed[] = { { 0, 1, 0 } };

  write_package (fixture, "wp-bb", "Between");
  wait_for_reload (fixture);
  assert_changes (fixture, added, G_N_ELEMENTS (added));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->packages), ==, 4);
  g_assert_cmpstr (quorum_work_package_get_id (package_at (fixture, 2)), ==, "wp-bb");
  g_assert_true (package_at (fixture, 1) == b);
  g_assert_true (package_at (fixture, 3) == c);

  g_assert_cmpint (g_unlink (a_path), ==, 0);
  wait_for_reload (fixture);
  assert_changes (fixture, removed, G_N_ELEMENTS (removed));
  g_assert_true (package_at (fixture, 0) == b);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpstr (quorum_problem_get_file (problem), ==, d_path);
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$.work_package");
}

/* Derived data follows: a new decision on a kept package, and a budget
 * line that changed with its document, re-signal the same object. */
static void
test_derived (Fixture       *fixture,
              gconstpointer  data)
{
  gpointer a = package_at (fixture, 0), b = package_at (fixture, 1), c = package_at (fixture, 2);
  const Change decided[] = { { 0, 1, 1 } };
  const Change all_three[] = { { 0, 1, 1 }, { 1, 1, 1 }, { 2, 1, 1 } };
  gint64 provision = 0;

  g_assert_cmpint (quorum_work_package_get_outcome (a), ==, QUORUM_OUTCOME_DEFERRED);
  write_decision (fixture, "d-2", "2020-04-12T10:31:00Z");
  wait_for_reload (fixture);
  assert_changes (fixture, decided, G_N_ELEMENTS (decided));
  g_assert_true (package_at (fixture, 0) == a);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_work_package_get_decisions (a)), ==, 2);

  write_budget (fixture, "7000");
  wait_for_reload (fixture);
  /* Each package is signalled on its own (the order is a hash table's). */
  g_array_sort (fixture->changes, compare_changes);
  assert_changes (fixture, all_three, G_N_ELEMENTS (all_three));
  g_assert_true (package_at (fixture, 0) == a);
  g_assert_true (package_at (fixture, 1) == b);
  g_assert_true (package_at (fixture, 2) == c);
  g_assert_true (quorum_work_package_get_budget_line (b, NULL, NULL, &provision));
  g_assert_cmpint (provision, ==, 700000);
}

/* A decision taken here keeps its object through the reload its file
 * causes; one whose file is deleted goes with its package replaced. */
static void
test_decided_here (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer a = package_at (fixture, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDecision) decision = NULL;
  g_autofree char *first = g_build_filename (fixture->dir, "decisions", "wp-a", "d-1.json",
                                             NULL);
  const Change replaced[] = { { 0, 1, 1 } };
  GListModel *decisions;

  decision = quorum_store_decide (fixture->store, "wp-a", "approve", "Adam Carden", NULL, NULL,
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decision);
  wait_for_reload (fixture);
  assert_changes (fixture, NULL, 0);
  decisions = quorum_work_package_get_decisions (a);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 2);
  g_assert_true (quorum_decision_get_pending_sync (decision));

  g_assert_cmpint (g_unlink (first), ==, 0);
  wait_for_reload (fixture);
  assert_changes (fixture, replaced, G_N_ELEMENTS (replaced));
  g_assert_true (package_at (fixture, 0) != a);
  decisions = quorum_work_package_get_decisions (package_at (fixture, 0));
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 1);
  g_assert_true (item_at (decisions, 0) == (gpointer) decision);
}

/* Writes @text over the file at @relpath, in place (the same inode), and
 * gives it @times (access, modification) if not NULL. */
static void
overwrite (Fixture               *fixture,
           const char            *relpath,
           const char            *text,
           const struct timespec *times)
{
  g_autofree char *path = g_build_filename (fixture->dir, relpath, NULL);
  int fd = open (path, O_WRONLY | O_TRUNC | O_CLOEXEC);
  gsize length = strlen (text);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text, length), ==, (gssize) length);
  g_assert_cmpint (close (fd), ==, 0);
  if (times != NULL)
    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

/* A file rewritten in place with as many bytes and its modification time
 * put back (as `cp -p`, `rsync -t` or `touch -r` can) is read again: its
 * status change time tells. */
static void
test_times_put_back (Fixture       *fixture,
                     gconstpointer  data)
{
  gpointer a = package_at (fixture, 0), b = package_at (fixture, 1);
  g_autofree char *path = g_build_filename (fixture->dir, "work-packages", "wp-b.json", NULL);
  g_autofree char *text = fill (package_file, "ID", "wp-b", "TITLE", "Sekond");
  const Change expected[] = { { 1, 1, 1 } };
  struct stat before, after;

  g_assert_cmpint (stat (path, &before), ==, 0);
  overwrite (fixture, "work-packages/wp-b.json", text,
             (struct timespec[]) { before.st_atim, before.st_mtim });
  g_assert_cmpint (stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  wait_for_reload (fixture);

  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  g_assert_true (package_at (fixture, 0) == a);
  g_assert_true (package_at (fixture, 1) != b);
  g_assert_cmpstr (quorum_work_package_get_title (package_at (fixture, 1)), ==, "Sekond");
}

/* A file read while racily clean (here: changed in the future, so always
 * within the file system's clock tick of the reading) keeps a checksum:
 * rewritten with the same bytes it keeps its object; with other bytes of
 * the same length under the same times, it is read again. */
static void
test_racily_clean (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *relpath = "work-packages/wp-b.json";
  g_autofree char *amended = fill (package_file, "ID", "wp-b", "TITLE", "Second, amended");
  g_autofree char *emended = fill (package_file, "ID", "wp-b", "TITLE", "Second, emended");
  struct timespec times[2];
  const Change replaced[] = { { 1, 1, 1 } };
  gpointer b;

  g_assert_cmpint (clock_gettime (CLOCK_REALTIME, &times[0]), ==, 0);
  times[1] = times[0];
  times[1].tv_sec += 24 * 60 * 60;

  overwrite (fixture, relpath, amended, times);
  wait_for_reload (fixture);
  assert_changes (fixture, replaced, G_N_ELEMENTS (replaced));
  b = package_at (fixture, 1);
  g_assert_cmpstr (quorum_work_package_get_title (b), ==, "Second, amended");

  /* Another file (another inode), the same bytes and times. */
  quorum_test_write_file (fixture->dir, relpath, amended, -1);
  overwrite (fixture, relpath, amended, times);
  wait_for_reload (fixture);
  assert_changes (fixture, NULL, 0);
  g_assert_true (package_at (fixture, 1) == b);

  overwrite (fixture, relpath, emended, times);
  wait_for_reload (fixture);
  assert_changes (fixture, replaced, G_N_ELEMENTS (replaced));
  g_assert_true (package_at (fixture, 1) != b);
  g_assert_cmpstr (quorum_work_package_get_title (package_at (fixture, 1)), ==,
                   "Second, emended");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store-monitor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("changed-file", test_changed_file);
  ADD ("broken-file", test_broken_file);
  ADD ("added-and-deleted", test_added_and_deleted);
  ADD ("derived", test_derived);
  ADD ("decided-here", test_decided_here);
  ADD ("times-put-back", test_times_put_back);
  ADD ("racily-clean", test_racily_clean);
#undef ADD

  return g_test_run ();
}
