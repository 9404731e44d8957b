/* test-store.c: loading store folders, good and bad
 *
 * Every bad file is tried in a store whose other files are good: its
 * problem must name the file, the JSON path and (where the reader knows it)
 * the line and column, and the rest of the store must still load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

/* Helpers ------------------------------------------------------------------ */

static const char good_committees[] =
  "{'format': 'quorum.committees/1', 'committees': [\n"
  "  {'id': 'panel', 'short': 'Panel', 'name': 'SEC Panel', 'established': '2013-09-23'},\n"
  "  {'id': 'opsg', 'short': 'OPSG', 'name': 'Operations Group', 'meets': 'monthly'}\n"
  "]}\n";

static const char good_budget[] =
  "{'format': 'quorum.budget/1', 'id': 'good', 'title': 'Good', 'status': 'approved',\n"
  " 'effective': '2020-04-01', 'currency': 'GBP', 'tables': [\n"
  "  {'id': 't', 'role': 'budget', 'unit': 'GBP', 'columns': [{'id': 'a', 'year': '2020/21'}],\n"
  "   'rows': [{'id': 'x', 'values': {'a': 1}}], 'total': {'values': {'a': 2}}}]}\n";

static const char good_package[] =
  "{'format': 'quorum.work-package/1', 'id': 'wp-good', 'kind': 'quarterly',\n"
  " 'quarter': '2020/21 Q1', 'title': 'OPSG support', 'committee': 'opsg',\n"
  " 'start': '2020-04-01', 'end': '2020-06-30',\n"
  " 'estimate': {'cost': 178000, 'days': {'grade-4': 60}}, 'status': 'submitted'}\n";

static const char second_package[] =
  "{'format': 'quorum.work-package/1', 'id': 'wp-two', 'kind': 'project-brief',\n"
  " 'quarter': '2020/21 Q2', 'title': 'A project', 'estimate': {'cost': 1000.5},\n"
  " 'actual': {'cost': 990, 'reported': '2020-10-20'}, 'status': 'draft'}\n";

static const char good_decision[] =
  "{'format': 'quorum.decision/1', 'id': 'd-1', 'work_package': 'wp-good',\n"
  " 'decision': 'approve', 'by': 'Adam Carden', 'role': 'SECCo Board',\n"
  " 'at': '2020-03-12T10:31:00Z'}\n";

/* A temporary store of good files: 2 committees, 1 budget document, 2 work
 * packages, 1 decision. */
static char *
make_store (void)
{
  g_autoptr(GError) error = NULL;
  char *store = g_dir_make_tmp ("quorum-store-XXXXXX", &error);
  g_autofree char *committees = quorum_test_dq (good_committees);
  g_autofree char *budget = quorum_test_dq (good_budget);
  g_autofree char *package = quorum_test_dq (good_package);
  g_autofree char *second = quorum_test_dq (second_package);
  g_autofree char *decision = quorum_test_dq (good_decision);

  g_assert_no_error (error);
  quorum_test_write_file (store, "committees.json", committees, -1);
  quorum_test_write_file (store, "budgets/good.json", budget, -1);
  quorum_test_write_file (store, "work-packages/wp-good.json", package, -1);
  quorum_test_write_file (store, "work-packages/wp-two.json", second, -1);
  quorum_test_write_file (store, "decisions/wp-good/d-1.json", decision, -1);
  return store;
}

static QuorumStore *
load_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  QuorumStore *store = quorum_store_new (path);
  GListModel *problems;

  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);

  problems = quorum_store_get_problems (store);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *text = quorum_problem_to_string (problem);

      g_test_message ("problem: %s", text);
    }
  return store;
}

/* Line and column (in characters, from 1) of the first @needle in @text. */
static void
position_of (const char *text,
             const char *needle,
             guint      *line,
             guint      *column)
{
  const char *at = strstr (text, needle);
  const char *line_start = text;

  g_assert_nonnull (at);
  *line = 1;
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

/* The good files of make_store() are all there. */
static void
assert_rest_loads (QuorumStore *store,
                   gboolean     committees_broken)
{
  QuorumBudgetDocument *good = quorum_store_find_document (store, "good");
  GListModel *packages = quorum_store_get_work_packages (store);
  g_autoptr(QuorumWorkPackage) first = NULL;
  g_autoptr(QuorumWorkPackage) second = NULL;
  g_autoptr(QuorumDecision) decision = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_committees (store)), ==,
                    committees_broken ? 0 : 2);
  if (!committees_broken)
    {
      QuorumCommittee *opsg = quorum_store_find_committee (store, "opsg");

      g_assert_nonnull (opsg);
      g_assert_cmpstr (quorum_committee_get_short_name (opsg), ==, "OPSG");
      g_assert_cmpstr (quorum_committee_get_meets (opsg), ==, "monthly");
      g_assert_cmpstr (quorum_committee_get_established (quorum_store_find_committee (store,
                                                                                      "panel")),
                       ==, "2013-09-23");
    }

  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (store)), ==, 1);
  g_assert_nonnull (good);
  g_assert_cmpuint (quorum_budget_document_get_n_findings (good), ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (packages), ==, 2);
  first = g_list_model_get_item (packages, 0);
  second = g_list_model_get_item (packages, 1);
  g_assert_cmpstr (quorum_work_package_get_id (first), ==, "wp-good");
  g_assert_cmpstr (quorum_work_package_get_id (second), ==, "wp-two");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_work_package_get_decisions (first)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_work_package_get_decisions (second)), ==, 0);
  decision = g_list_model_get_item (quorum_work_package_get_decisions (first), 0);
  g_assert_cmpstr (quorum_decision_get_id (decision), ==, "d-1");
  g_assert_true (quorum_work_package_get_latest (first) == decision);
}

/* Good stores ---------------------------------------------------------------- */

static void
test_good_store (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = load_store (path);
  QuorumWorkPackage *package;
  gint64 cost = 0;

  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 0);
  g_assert_cmpstr (quorum_store_get_path (store), ==, path);
  assert_rest_loads (store, FALSE);
  g_assert_null (quorum_store_find_document (store, "nope"));
  g_assert_null (quorum_store_find_committee (store, "nope"));

  package = g_list_model_get_item (quorum_store_get_work_packages (store), 1);
  g_object_unref (package);   /* the store keeps it */
  g_assert_cmpstr (quorum_work_package_get_kind (package), ==, "project-brief");
  g_assert_cmpint (quorum_work_package_get_estimate (package), ==, 100050);
  g_assert_true (quorum_work_package_get_actual (package, &cost));
  g_assert_cmpint (cost, ==, 99000);
  g_assert_null (quorum_work_package_get_latest (package));

  quorum_test_rm_rf (path);
}

/* A package's decisions are in time order, then by id; the last is its
 * outcome, whatever the file names. */
static void
test_decision_order (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumWorkPackage) package = NULL;
  g_autofree char *outcome = NULL;
  static const char * const order[] = { "d-1", "b", "a", "c" };
  GListModel *decisions;

  quorum_test_write_file (path, "decisions/wp-good/a.json",
              "{\"format\": \"quorum.decision/1\", \"id\": \"a\", \"work_package\": \"wp-good\","
              " \"decision\": \"approve\", \"by\": \"A\", \"at\": \"2020-03-13T09:00:00Z\"}", -1);
  quorum_test_write_file (path, "decisions/wp-good/b.json",
              "{\"format\": \"quorum.decision/1\", \"id\": \"b\", \"work_package\": \"wp-good\","
              " \"decision\": \"reject\", \"by\": \"B\", \"at\": \"2020-03-12T11:00:00Z\"}", -1);
  /* the same instant as a, written differently: the id decides */
  quorum_test_write_file (path, "decisions/wp-good/c.json",
              "{\"format\": \"quorum.decision/1\", \"id\": \"c\", \"work_package\": \"wp-good\","
              " \"decision\": \"defer\", \"by\": \"C\", \"at\": \"2020-03-13T09:00:00.000Z\","
              " \"comment\": \"Later.\"}", -1);

  store = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 0);
  package = g_list_model_get_item (quorum_store_get_work_packages (store), 0);
  decisions = quorum_work_package_get_decisions (package);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(QuorumDecision) decision = g_list_model_get_item (decisions, i);

      g_assert_cmpstr (quorum_decision_get_id (decision), ==, order[i]);
    }
  g_assert_cmpstr (quorum_decision_get_decision (quorum_work_package_get_latest (package)), ==,
                   "defer");
  g_assert_cmpstr (quorum_decision_get_comment (quorum_work_package_get_latest (package)), ==,
                   "Later.");
  g_object_get (package, "outcome", &outcome, NULL);
  g_assert_cmpstr (outcome, ==, "defer");

  quorum_test_rm_rf (path);
}

/* Reading a store again replaces what was read, it does not add to it. */
static void
test_reload (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = load_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_build_filename (path, "budgets", "good.json", NULL);

  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  assert_rest_loads (store, FALSE);

  /* the document breaks: the reload drops it and reports it */
  g_file_set_contents (broken, "{", -1, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_committees (store)), ==, 2);

  quorum_test_rm_rf (path);
}

/* Files that are not .json, hidden files and folders are not read. (A
 * folder named like a file is reported: test-hostile-store.) */
static void
test_ignored_files (void)
{
  g_autofree char *path = make_store ();
  g_autofree char *folder = g_build_filename (path, "budgets", "folder", NULL);
  g_autoptr(QuorumStore) store = NULL;

  quorum_test_write_file (path, "budgets/README.txt", "not JSON", -1);
  quorum_test_write_file (path, "budgets/.hidden.json", "not JSON", -1);
  quorum_test_write_file (path, "budgets/good.json~", "not JSON", -1);
  quorum_test_write_file (path, "decisions/wp-good/notes.md", "not JSON", -1);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  store = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 0);
  assert_rest_loads (store, FALSE);

  quorum_test_rm_rf (path);
}

/* An empty folder is an empty store, short of its committee register. */
static void
test_empty_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("quorum-store-XXXXXX", &error);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumProblem) problem = NULL;
  g_autofree char *register_path = NULL;

  g_assert_no_error (error);
  store = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_work_packages (store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_committees (store)), ==, 0);
  /* the register and the budgets folder (test-hostile-store) are missing */
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 2);
  problem = g_list_model_get_item (quorum_store_get_problems (store), 0);
  register_path = g_build_filename (path, "committees.json", NULL);
  g_assert_cmpstr (quorum_problem_get_file (problem), ==, register_path);
  g_assert_cmpstr (quorum_problem_get_message (problem), ==, "the committee register is missing");

  quorum_test_rm_rf (path);
}

static void
test_missing_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("quorum-store-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (base, "nope", NULL);
  g_autofree char *file = g_build_filename (base, "file", NULL);
  g_autoptr(QuorumStore) store = quorum_store_new (missing);
  g_autoptr(QuorumStore) file_store = quorum_store_new (file);

  g_assert_no_error (error);
  g_assert_false (quorum_store_load (store, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (store)), ==, 0);
  g_clear_error (&error);

  /* a file where the folder should be */
  quorum_test_write_file (base, "file", "{}", -1);
  g_assert_false (quorum_store_load (file_store, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND);

  quorum_test_rm_rf (base);
}

/* The sample store ------------------------------------------------------------ */

static GPtrArray *
finding_lines (QuorumBudgetDocument *document)
{
  GListModel *findings = quorum_budget_document_get_findings (document);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *stated = quorum_amount_format (quorum_finding_get_stated (finding));
      g_autofree char *computed = quorum_amount_format (quorum_finding_get_computed (finding));
      g_autofree char *difference =
        quorum_amount_format (quorum_finding_get_difference (finding));

      g_ptr_array_add (lines, g_strjoin ("\t",
                                         quorum_severity_to_string (
                                           quorum_finding_get_severity (finding)),
                                         quorum_finding_get_document_id (finding),
                                         quorum_finding_get_table_id (finding),
                                         quorum_finding_get_row_id (finding),
                                         quorum_finding_get_column_id (finding),
                                         stated, computed, difference, NULL));
    }
  return lines;
}

static void
test_sample_store (void)
{
  const char *path = g_getenv ("QUORUM_SAMPLE_STORE");
  g_autoptr(QuorumStore) store = NULL;
  static const char * const ids[] = { "sec-budget-2018-21", "sec-budget-2020-23" };
  static const char * const years[] = { "2017/18–2020/21", "2019/20–2022/23" };
  static const guint n_tables[] = { 10, 11 };

  g_assert_nonnull (path);
  store = load_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (store)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_committees (store)), >=, 9);
  g_assert_nonnull (quorum_store_find_committee (store, "opsg"));
  g_assert_nonnull (quorum_store_find_committee (store, "tabasc"));

  for (guint d = 0; d < G_N_ELEMENTS (ids); d++)
    {
      g_autoptr(QuorumBudgetDocument) document =
        g_list_model_get_item (quorum_store_get_documents (store), d);
      g_autoptr(GPtrArray) got = NULL;
      const char * const one[] = { ids[d], NULL };
      g_autoptr(GPtrArray) expected = quorum_test_read_expected (one);
      g_autofree char *span = quorum_budget_document_dup_years (document);

      /* documents are listed by file name */
      g_assert_cmpstr (quorum_budget_document_get_id (document), ==, ids[d]);
      g_assert_cmpstr (span, ==, years[d]);
      g_assert_cmpuint (g_list_model_get_n_items (quorum_budget_document_get_tables (document)),
                        ==, n_tables[d]);
      g_assert_cmpint (quorum_budget_document_get_tolerance (document), ==,
                       QUORUM_DEFAULT_TOLERANCE);

      got = finding_lines (document);
      g_test_message ("%s: %u findings, %u expected", ids[d], got->len, expected->len);
      g_assert_cmpuint (expected->len, >, 0);
      quorum_test_assert_same_lines (got, expected);
    }
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GError **error = user_data;

  if (quorum_store_load_finish (QUORUM_STORE (source), result, error))
    g_object_set_data (source, "loaded", GINT_TO_POINTER (1));
  else
    g_object_set_data (source, "failed", GINT_TO_POINTER (1));
}

static void
run_async (QuorumStore   *store,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  quorum_store_load_async (store, cancellable, loaded, error);
  /* nothing is published before the result is collected */
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (store)), ==, 0);
  while (g_object_get_data (G_OBJECT (store), "loaded") == NULL &&
         g_object_get_data (G_OBJECT (store), "failed") == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
}

static void
on_timeout (gpointer user_data)
{
  g_error ("timed out waiting for quorum_store_load_async()");
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_store_load_finish (QUORUM_STORE (source), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

static void
test_async (void)
{
  g_autoptr(QuorumStore) store = quorum_store_new (g_getenv ("QUORUM_SAMPLE_STORE"));
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint timeout = g_timeout_add_once (30000, on_timeout, NULL);

  quorum_store_load_async (store, NULL, async_done, loop);
  g_main_loop_run (loop);
  g_source_remove (timeout);

  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (store)), ==, 2);
  g_assert_nonnull (quorum_store_find_document (store, "sec-budget-2020-23"));
}

static void
test_async_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("quorum-store-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (base, "nope", NULL);
  g_autoptr(QuorumStore) store = quorum_store_new (missing);
  g_autoptr(QuorumStore) cancelled = quorum_store_new (g_getenv ("QUORUM_SAMPLE_STORE"));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_assert_no_error (error);
  run_async (store, NULL, &error);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  run_async (cancelled, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (cancelled)), ==, 0);

  quorum_test_rm_rf (base);
}

/* The store paths ----------------------------------------------------------- */

static void
test_default_path (void)
{
  g_autofree char *user_store = g_build_filename (g_get_user_data_dir (), "quorum", "store",
                                                  NULL);
  g_autofree char *path = NULL;
  const char *sample = g_getenv ("QUORUM_SAMPLE_STORE");

  g_assert_nonnull (sample);

  g_setenv ("QUORUM_STORE", "/some/where", TRUE);
  path = quorum_store_dup_default_path ();
  g_assert_cmpstr (path, ==, "/some/where");
  g_clear_pointer (&path, g_free);

  /* an empty $QUORUM_STORE counts as unset */
  g_setenv ("QUORUM_STORE", "", TRUE);
  path = quorum_store_dup_default_path ();
  g_assert_cmpstr (path, ==, sample);
  g_clear_pointer (&path, g_free);

  g_unsetenv ("QUORUM_STORE");
  path = quorum_store_dup_default_path ();
  g_assert_cmpstr (path, ==, sample);
  g_clear_pointer (&path, g_free);

  g_assert_cmpint (g_mkdir_with_parents (user_store, 0700), ==, 0);
  path = quorum_store_dup_default_path ();
  g_assert_cmpstr (path, ==, user_store);
  g_clear_pointer (&path, g_free);

  path = quorum_store_dup_sample_path ();
  g_assert_cmpstr (path, ==, sample);
  g_clear_pointer (&path, g_free);

  quorum_test_rm_rf (user_store);
}

/* Unknown fields survive a rewrite ------------------------------------------ */

static const char unknown_fields[] =
  "{\n"
  "  'x-first': 1,\n"
  "  'format': 'quorum.budget/1',\n"
  "  'id': 'keep',\n"
  "  'x-object': {\n"
  "    'b': [\n"
  "      1.50,\n"
  "      1e3,\n"
  "      -0\n"
  "    ],\n"
  "    'a': null\n"
  "  },\n"
  "  'tables': [\n"
  "    {\n"
  "      'id': 't',\n"
  "      'x-table': 'kept',\n"
  "      'columns': [\n"
  "        {\n"
  "          'id': 'a',\n"
  "          'x-column': true\n"
  "        }\n"
  "      ],\n"
  "      'rows': [\n"
  "        {\n"
  "          'x-row': 2.50,\n"
  "          'id': 'x',\n"
  "          'values': {\n"
  "            'a': 602737.8\n"
  "          },\n"
  "          'rows': [\n"
  "            {\n"
  "              'id': 'y',\n"
  "              'values': {\n"
  "                'a': 6.027378e5\n"
  "              },\n"
  "              'x-child': []\n"
  "            }\n"
  "          ]\n"
  "        }\n"
  "      ],\n"
  "      'total': {\n"
  "        'values': {\n"
  "          'a': 602737.80\n"
  "        },\n"
  "        'x-total': {}\n"
  "      }\n"
  "    }\n"
  "  ],\n"
  "  'checks': [\n"
  "    {\n"
  "      'left': 't/x/a',\n"
  "      'right': 't/y/a',\n"
  "      'factor': 1.0,\n"
  "      'x-check': 'kept'\n"
  "    }\n"
  "  ],\n"
  "  'x-last': 'é'\n"
  "}\n";

static void
test_unknown_fields (void)
{
  g_autofree char *text = quorum_test_dq (unknown_fields);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumBudgetDocument) document = NULL;
  g_autoptr(QuorumBudgetDocument) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_again = NULL;
  QuorumRow *x;

  document = quorum_budget_document_new_from_data ("budgets/keep.json", text, strlen (text),
                                                   problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (document);
  x = quorum_table_find_row (quorum_budget_document_find_table (document, "t"), "x");
  g_assert_cmpint (quorum_row_get_stated (x, 0)->amount, ==, 60273780);
  g_assert_cmpint (quorum_row_get_computed (x, 0)->amount, ==, 60273780);
  g_assert_cmpuint (quorum_budget_document_get_n_findings (document), ==, 0);

  /* byte for byte, even after the tolerance changed */
  quorum_budget_document_set_tolerance (document, 0);
  written = quorum_budget_document_to_json (document);
  g_assert_cmpstr (written, ==, text);

  again = quorum_budget_document_new_from_data ("budgets/keep.json", written, strlen (written),
                                                problems);
  g_assert_nonnull (again);
  written_again = quorum_budget_document_to_json (again);
  g_assert_cmpstr (written_again, ==, text);
}

/* Bad files ----------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *file;       /* relative to the store */
  const char *content;    /* single quotes become double; NULL: remove the file */
  guint n_problems;
  const char *path;       /* of the first problem */
  const char *needle;     /* its position is this text's, or NULL: */
  guint line;             /* … this position (0: not known) */
  guint column;
  const char *message;    /* a substring of its message */
} BadFile;

#define BUDGET_HEAD "{'format': 'quorum.budget/1', 'id': 'bad', "
#define ONE_TABLE(columns, rows) \
  BUDGET_HEAD "'tables': [{'id': 't', 'columns': [" columns "], 'rows': [" rows "]}]}"
#define BUDGET "budgets/bad.json"
#define PACKAGE "work-packages/wp-bad.json"
#define PACKAGE_HEAD "{'format': 'quorum.work-package/1', 'id': 'wp-bad', "
#define DECISION "decisions/wp-good/d-2.json"
#define DECISION_HEAD "{'format': 'quorum.decision/1', "

static const BadFile bad_files[] = {
  /* not JSON, not a budget document */
  { "invalid-json", BUDGET,
    "{\n  'format': 'quorum.budget/1',\n  'id': 'bad',,\n  'tables': []\n}",
    1, "$", NULL, 3, 15, "expected a member name in quotes, found “,”" },
  { "invalid-json-string", BUDGET, "{'format': 'quorum.budget/1', 'id': 'bad\n', 'tables': []}",
    1, "$", NULL, 1, 41, "control character in a string" },
  { "empty-file", BUDGET, "\n\n", 1, "$", NULL, 3, 1, "unexpected end of file" },
  { "zero-bytes", BUDGET, "", 1, "$", NULL, 1, 1, "unexpected end of file" },
  { "not-an-object", BUDGET, "[1, 2]", 1, "$", NULL, 1, 1, "expected an object, found an array" },
  { "string-root", BUDGET, "'quorum.budget/1'", 1, "$", NULL, 1, 1,
    "expected an object, found a string" },
  { "missing-format", BUDGET, "{'id': 'bad', 'tables': []}", 1, "$", NULL, 1, 1,
    "required member “format” is missing" },
  { "format-not-string", BUDGET, "{'format': 1, 'id': 'bad', 'tables': []}", 1, "$.format",
    "1,", 0, 0, "expected a string, found a number" },
  { "unknown-format", BUDGET, "{'format': 'quorum.banana/1', 'id': 'bad', 'tables': []}",
    1, "$.format", "'quorum.banana/1'", 0, 0,
    "unknown format “quorum.banana/1”, expected “quorum.budget/1”" },
  { "other-kind", BUDGET, "{'format': 'quorum.committees/1', 'committees': []}",
    1, "$.format", "'quorum.committees/1'", 0, 0, "unknown format “quorum.committees/1”" },
  { "version-zero", BUDGET, "{'format': 'quorum.budget/0', 'id': 'bad', 'tables': []}",
    1, "$.format", "'quorum.budget/0'", 0, 0, "unknown format" },
  { "newer-version", BUDGET, "{'format': 'quorum.budget/2', 'id': 'bad', 'tables': []}",
    1, "$.format", "'quorum.budget/2'", 0, 0,
    "format “quorum.budget/2” is newer than this version of Quorum understands "
    "(quorum.budget/1); the file is left untouched" },
  { "id-not-file-name", BUDGET, "{'format': 'quorum.budget/1', 'id': 'other', 'tables': []}",
    1, "$.id", "'other'", 0, 0, "the id “other” does not match the file name “bad.json”" },
  { "invalid-id", "budgets/Bad_Id.json",
    "{'format': 'quorum.budget/1', 'id': 'Bad_Id', 'tables': []}",
    1, "$.id", "'Bad_Id'", 0, 0, "“Bad_Id” is not a valid id" },
  { "missing-id", BUDGET, "{'format': 'quorum.budget/1', 'tables': []}",
    1, "$", NULL, 1, 1, "required member “id” is missing" },
  { "missing-tables", BUDGET, "{'format': 'quorum.budget/1', 'id': 'bad'}",
    1, "$", NULL, 1, 1, "required member “tables” is missing" },

  /* wrong types */
  { "title-not-string", BUDGET, BUDGET_HEAD "'title': 5, 'tables': []}",
    1, "$.title", "5,", 0, 0, "expected a string, found a number" },
  { "tables-not-array", BUDGET, BUDGET_HEAD "'tables': {}}",
    1, "$.tables", "{}", 0, 0, "expected an array, found an object" },
  { "table-not-object", BUDGET, BUDGET_HEAD "'tables': [true]}",
    1, "$.tables[0]", "true", 0, 0, "expected an object, found a boolean" },
  { "row-not-object", BUDGET, ONE_TABLE ("{'id': 'a'}", "5"),
    1, "$.tables[0].rows[0]", "5]", 0, 0, "expected an object, found a number" },
  { "values-not-object", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'values': [1]}"),
    1, "$.tables[0].rows[0].values", "[1]", 0, 0, "expected an object, found an array" },
  { "label-null", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'label': null}"),
    1, "$.tables[0].rows[0].label", "null", 0, 0, "expected a string, found null" },
  { "percent-string", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'x'}, {'id': 'p', 'percent': '5', 'of': ['x']}"),
    1, "$.tables[0].rows[1].percent", "'5'", 0, 0, "expected a number, found a string" },
  { "of-not-array", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'x'}, {'id': 'p', 'percent': 5, 'of': 'x'}"),
    1, "$.tables[0].rows[1].of", "'x'}]", 0, 0, "expected an array, found a string" },
  { "of-without-percent", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'x'}, {'id': 'p', 'of': ['x']}"),
    1, "$.tables[0].rows[1]", "{'id': 'p'", 0, 0, "“of” needs a “percent”" },
  { "of-empty", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': 'p', 'percent': 5, 'of': []}"),
    1, "$.tables[0].rows[0]", "{'id': 'p'", 0, 0, "“of” names no rows" },
  { "group-and-percent", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'x'}, {'id': 'p', 'percent': 5, 'of': ['x'], 'rows': []}"),
    1, "$.tables[0].rows[1]", "{'id': 'p'", 0, 0,
    "a row is a group (“rows”) or a percentage (“percent”), not both" },
  { "no-columns", BUDGET, ONE_TABLE ("", ""),
    1, "$.tables[0].columns", "[]", 0, 0, "a table needs at least one column" },

  /* amounts */
  { "three-decimals", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'x',\n  'values': {'a': 1.005}}"),
    1, "$.tables[0].rows[0].values.a", "1.005", 0, 0,
    "1.005 has more than two decimal places" },
  { "too-large", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'values': {'a': 1e13}}"),
    1, "$.tables[0].rows[0].values.a", "1e13", 0, 0,
    "1e13 is too large: magnitudes of 10^13 or more are not allowed" },
  { "too-large-negative", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'values': {'a': -10000000000000}}"),
    1, "$.tables[0].rows[0].values.a", "-1000", 0, 0, "too large" },
  { "string-for-number", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'values': {'a': '12'}}"),
    1, "$.tables[0].rows[0].values.a", "'12'", 0, 0, "expected a number or null, found a string" },
  { "bool-for-number", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'values': {'a': true}}"),
    1, "$.tables[0].rows[0].values.a", "true", 0, 0,
    "expected a number or null, found a boolean" },
  { "bad-rate", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'rate': 0.001}"),
    1, "$.tables[0].rows[0].rate", "0.001", 0, 0, "more than two decimal places" },
  { "null-rate", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'rate': null}"),
    1, "$.tables[0].rows[0].rate", "null", 0, 0, "expected a number, found null" },
  { "unknown-column-value", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'values': {'a': 1, 'zz': 17}}"),
    1, "$.tables[0].rows[0].values.zz", "17", 0, 0, "no column “zz” in table “t”" },
  { "unknown-column-total", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': [],"
    " 'total': {'values': {'Q-1': 17}}}]}",
    1, "$.tables[0].total.values[\"Q-1\"]", "17", 0, 0, "no column “Q-1” in table “t”" },
  { "too-many-problems", BUDGET, NULL /* built in the test */,
    100, "$.tables[0].rows[0].values.a", "1.001", 0, 0, "more than two decimal places" },

  /* ids */
  { "duplicate-row", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': 'x'}, {'id': 'x', 'values': {}}"),
    1, "$.tables[0].rows[1]", "'x', 'values'", 0, 0, "row id “x” is used twice in table “t”" },
  { "duplicate-row-deeper", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'x'}, {'id': 'g', 'rows': [{'id': 'x', 'note': 'n'}]}"),
    1, "$.tables[0].rows[1].rows[0]", "'x', 'note'", 0, 0, "row id “x” is used twice" },
  { "duplicate-row-shallower", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'g', 'rows': [{'id': 'x'}]}, {'id': 'x', 'note': 'n'}"),
    1, "$.tables[0].rows[1]", "'x', 'note'", 0, 0, "row id “x” is used twice" },
  { "invalid-row-id", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': '@total'}"),
    1, "$.tables[0].rows[0].id", "'@total'", 0, 0, "“@total” is not a valid id" },
  { "duplicate-table", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': []},"
    " {'id': 't', 'title': 'again', 'columns': [{'id': 'a'}], 'rows': []}]}",
    1, "$.tables[1]", "{'id': 't', 'title'", 0, 0, "table id “t” is used twice" },
  { "duplicate-column", BUDGET, ONE_TABLE ("{'id': 'a'}, {'id': 'a', 'label': 'A2'}", ""),
    1, "$.tables[0].columns[1]", "{'id': 'a', 'label'", 0, 0,
    "column id “a” is used twice in table “t”" },

  /* references */
  { "unknown-of-row", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'x'}, {'id': 'p', 'percent': 5, 'of': ['x', 'nope']}"),
    1, "$.tables[0].rows[1].of[1]", "'nope'", 0, 0, "no row “nope” in table “t”" },
  { "unknown-sum-operand", BUDGET,
    ONE_TABLE ("{'id': 'a'}, {'id': 's', 'sum': ['a', 'nope']}", ""),
    1, "$.tables[0].columns[1].sum[1]", "'nope'", 0, 0, "no column “nope” in table “t”" },
  { "empty-sum", BUDGET, ONE_TABLE ("{'id': 'a'}, {'id': 's', 'sum': []}", ""),
    1, "$.tables[0].columns[1].sum", "[]", 0, 0, "“sum” names no columns" },
  { "difference-one-operand", BUDGET,
    ONE_TABLE ("{'id': 'a'}, {'id': 'v', 'difference': ['a']}", ""),
    1, "$.tables[0].columns[1].difference", "['a']", 0, 0,
    "“difference” names exactly two columns" },
  { "difference-three-operands", BUDGET,
    ONE_TABLE ("{'id': 'a'}, {'id': 'v', 'difference': ['a', 'a', 'a']}", ""),
    1, "$.tables[0].columns[1].difference", "['a', 'a', 'a']", 0, 0,
    "“difference” names exactly two columns" },
  { "sum-and-difference", BUDGET,
    ONE_TABLE ("{'id': 'a'}, {'id': 'v', 'sum': ['a'], 'difference': ['a', 'a']}", ""),
    1, "$.tables[0].columns[1]", "{'id': 'v'", 0, 0, "“sum” or “difference”, not both" },
  { "cross-check-no-table", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x'}]}],"
    " 'checks': [{'left': 'nope/x/a', 'right': 't/x/a'}]}",
    1, "$.checks[0].left", "'nope/x/a'", 0, 0, "“nope/x/a”: no table “nope”" },
  { "cross-check-no-row", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x'}]}],"
    " 'checks': [{'left': 't/x/a', 'right': 't/nope/a'}]}",
    1, "$.checks[0].right", "'t/nope/a'", 0, 0, "“t/nope/a”: no row “nope” in table “t”" },
  { "cross-check-no-total", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x'}]}],"
    " 'checks': [{'left': 't/x/a', 'right': 't/@total/a'}]}",
    1, "$.checks[0].right", "'t/@total/a'", 0, 0, "no row “@total” in table “t”" },
  { "cross-check-no-column", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x'}]}],"
    " 'checks': [{'left': 't/x/nope', 'right': 't/x/a'}]}",
    1, "$.checks[0].left", "'t/x/nope'", 0, 0, "“t/x/nope”: no column “nope” in table “t”" },
  { "cross-check-malformed", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x'}]}],"
    " 'checks': [{'left': 't/x/a', 'right': 't/x'}]}",
    1, "$.checks[0].right", "'t/x'", 0, 0, "“t/x” is not a reference written TABLE/ROW/COLUMN" },
  { "cross-check-too-long", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x'}]}],"
    " 'checks': [{'left': 't/x/a/b', 'right': 't/x/a'}]}",
    1, "$.checks[0].left", "'t/x/a/b'", 0, 0, "is not a reference written TABLE/ROW/COLUMN" },
  { "cross-check-no-left", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x'}]}],"
    " 'checks': [{'right': 't/x/a'}]}",
    1, "$.checks[0]", "{'right'", 0, 0, "required member “left” is missing" },
  { "cross-check-out-of-range", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'x', 'values': {'a': 9000000000000}}, {'id': 'y', 'values': {'a': 10000000000}}]}],"
    " 'checks': [{'left': 't/x/a', 'right': 't/y/a', 'factor': 1000}]}",
    1, "$.checks[0]", "{'left'", 0, 0,
    "“t/y/a” × 1000.00 is out of range: magnitudes of 10^13 or more are not allowed" },
  { "cross-check-large-group", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'x', 'values': {'a': 9000000000000}},"
    " {'id': 'g', 'rows': [{'id': 'y', 'values': {'a': 9000000000000}},"
    "                      {'id': 'z', 'values': {'a': 9000000000000}}]}]}],"
    " 'checks': [{'left': 't/x/a', 'right': 't/g/a'}]}",
    1, "$.checks[0]", "{'left'", 0, 0, "“t/g/a” × 1.00 is out of range" },
  { "cross-check-bad-factor", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x'}]}],"
    " 'checks': [{'left': 't/x/a', 'right': 't/x/a', 'factor': '1000'}]}",
    1, "$.checks[0].factor", "'1000'", 0, 0, "expected a number, found a string" },

  /* dates, years and enumerations */
  { "bad-date", BUDGET, BUDGET_HEAD "'effective': '2018-02-30', 'tables': []}",
    1, "$.effective", "'2018-02-30'", 0, 0, "“2018-02-30” is not a date written YYYY-MM-DD" },
  { "bad-date-format", BUDGET, BUDGET_HEAD "'effective': '1/4/2018', 'tables': []}",
    1, "$.effective", "'1/4/2018'", 0, 0, "is not a date written YYYY-MM-DD" },
  { "bad-year", BUDGET, ONE_TABLE ("{'id': 'a', 'year': '2020/22'}", ""),
    1, "$.tables[0].columns[0].year", "'2020/22'", 0, 0,
    "“2020/22” is not a regulatory year written like 2020/21" },
  { "bad-year-format", BUDGET, ONE_TABLE ("{'id': 'a', 'year': '2020-21'}", ""),
    1, "$.tables[0].columns[0].year", "'2020-21'", 0, 0, "is not a regulatory year" },
  { "bad-status", BUDGET, BUDGET_HEAD "'status': 'final', 'tables': []}",
    1, "$.status", "'final'", 0, 0,
    "“final” is not one of: draft, consultation, approved, superseded" },
  { "bad-classification", BUDGET, BUDGET_HEAD "'classification': 'secret', 'tables': []}",
    1, "$.classification", "'secret'", 0, 0, "“secret” is not one of: white, green, amber, red" },
  { "bad-currency", BUDGET, BUDGET_HEAD "'currency': 'EUR', 'tables': []}",
    1, "$.currency", "'EUR'", 0, 0, "currency “EUR” is not supported" },
  { "bad-role", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'role': 'budgets', 'columns': [{'id': 'a'}],"
    " 'rows': []}]}",
    1, "$.tables[0].role", "'budgets'", 0, 0, "“budgets” is not one of: budget, committee-costs" },
  { "bad-unit", BUDGET,
    BUDGET_HEAD "'tables': [{'id': 't', 'unit': 'EUR', 'columns': [{'id': 'a'}], 'rows': []}]}",
    1, "$.tables[0].unit", "'EUR'", 0, 0, "“EUR” is not one of: GBP, count, fte" },
  { "bad-phase", BUDGET, ONE_TABLE ("{'id': 'a', 'phase': 'planned'}", ""),
    1, "$.tables[0].columns[0].phase", "'planned'", 0, 0,
    "“planned” is not one of: draft, estimated, approved, outturn, actual" },
  { "bad-column-component", BUDGET, ONE_TABLE ("{'id': 'a', 'component': 'staff'}", ""),
    1, "$.tables[0].columns[0].component", "'staff'", 0, 0, "“staff” is not one of: core-team" },
  { "bad-row-component", BUDGET, ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'component': 'Support'}"),
    1, "$.tables[0].rows[0].component", "'Support'", 0, 0, "“Support” is not one of" },
  { "bad-committees-list", BUDGET,
    ONE_TABLE ("{'id': 'a'}", "{'id': 'x', 'committees': ['ok', 7]}"),
    1, "$.tables[0].rows[0].committees[1]", "7]", 0, 0, "expected a string, found a number" },

  /* the committee register */
  { "committees-missing", "committees.json", NULL,
    1, "$", NULL, 0, 0, "the committee register is missing" },
  { "committees-duplicate", "committees.json",
    "{'format': 'quorum.committees/1', 'committees': [\n"
    "  {'id': 'panel', 'name': 'SEC Panel'},\n"
    "  {'id': 'panel', 'name': 'Again'}]}",
    1, "$.committees[1]", "{'id': 'panel', 'name': 'Again'", 0, 0,
    "committee id “panel” is used twice" },
  { "committees-bad-date", "committees.json",
    "{'format': 'quorum.committees/1', 'committees': [{'id': 'panel', 'established': '2013'}]}",
    1, "$.committees[0].established", "'2013'", 0, 0, "“2013” is not a date" },
  { "committees-newer", "committees.json", "{'format': 'quorum.committees/2', 'committees': []}",
    1, "$.format", "'quorum.committees/2'", 0, 0, "is newer than this version" },
  { "committees-not-array", "committees.json", "{'format': 'quorum.committees/1'}",
    1, "$", NULL, 1, 1, "required member “committees” is missing" },
  { "committees-invalid", "committees.json", "{'format': 'quorum.committees/1', 'committees': [",
    1, "$", NULL, 1, 50, "unexpected end of file" },

  /* work packages */
  { "package-bad-quarter", PACKAGE,
    PACKAGE_HEAD "'kind': 'quarterly', 'quarter': '2020/21 Q5', 'title': 'T',"
    " 'estimate': {'cost': 1}, 'status': 'draft'}",
    1, "$.quarter", "'2020/21 Q5'", 0, 0,
    "“2020/21 Q5” is not a quarter written like 2020/21 Q1" },
  { "package-bad-quarter-year", PACKAGE,
    PACKAGE_HEAD "'kind': 'quarterly', 'quarter': '2020/22 Q1', 'title': 'T',"
    " 'estimate': {'cost': 1}, 'status': 'draft'}",
    1, "$.quarter", "'2020/22 Q1'", 0, 0, "is not a quarter" },
  { "package-end-before-start", PACKAGE,
    PACKAGE_HEAD "'kind': 'quarterly', 'quarter': '2020/21 Q1', 'title': 'T',"
    " 'start': '2020-06-30', 'end': '2020-04-01', 'estimate': {'cost': 1}, 'status': 'draft'}",
    1, "$.end", "'2020-04-01'", 0, 0, "the end 2020-04-01 is before the start 2020-06-30" },
  { "package-missing-estimate", PACKAGE,
    PACKAGE_HEAD "'kind': 'quarterly', 'quarter': '2020/21 Q1', 'title': 'T', 'status': 'draft'}",
    1, "$", NULL, 1, 1, "required member “estimate” is missing" },
  { "package-estimate-without-cost", PACKAGE,
    PACKAGE_HEAD "'kind': 'quarterly', 'quarter': '2020/21 Q1', 'title': 'T',"
    " 'estimate': {'days': {}}, 'status': 'draft'}",
    1, "$.estimate", "{'days'", 0, 0, "required member “cost” is missing" },
  { "package-negative-days", PACKAGE,
    PACKAGE_HEAD "'kind': 'quarterly', 'quarter': '2020/21 Q1', 'title': 'T',"
    " 'estimate': {'cost': 1, 'days': {'grade-4': -1}}, 'status': 'draft'}",
    1, "$.estimate.days[\"grade-4\"]", "-1", 0, 0, "days cannot be negative" },
  { "package-bad-kind", PACKAGE,
    PACKAGE_HEAD "'kind': 'monthly', 'quarter': '2020/21 Q1', 'title': 'T',"
    " 'estimate': {'cost': 1}, 'status': 'draft'}",
    1, "$.kind", "'monthly'", 0, 0, "“monthly” is not one of: quarterly, project-brief" },
  { "package-bad-status", PACKAGE,
    PACKAGE_HEAD "'kind': 'quarterly', 'quarter': '2020/21 Q1', 'title': 'T',"
    " 'estimate': {'cost': 1}, 'status': 'approved'}",
    1, "$.status", "'approved'", 0, 0, "“approved” is not one of: draft, submitted" },
  { "package-id-not-file-name", PACKAGE,
    "{'format': 'quorum.work-package/1', 'id': 'wp-other', 'kind': 'quarterly',"
    " 'quarter': '2020/21 Q1', 'title': 'T', 'estimate': {'cost': 1}, 'status': 'draft'}",
    1, "$.id", "'wp-other'", 0, 0,
    "the id “wp-other” does not match the file name “wp-bad.json”" },
  { "package-newer", PACKAGE, "{'format': 'quorum.work-package/3'}",
    1, "$.format", "'quorum.work-package/3'", 0, 0, "is newer than this version" },

  /* decisions */
  { "decision-id-not-file-name", DECISION,
    DECISION_HEAD "'id': 'd-3', 'work_package': 'wp-good', 'decision': 'reject', 'by': 'B',"
    " 'at': '2020-03-13T10:31:00Z'}",
    1, "$.id", "'d-3'", 0, 0, "the id “d-3” does not match the file name “d-2.json”" },
  { "decision-other-folder", DECISION,
    DECISION_HEAD "'id': 'd-2', 'work_package': 'wp-two', 'decision': 'reject', 'by': 'B',"
    " 'at': '2020-03-13T10:31:00Z'}",
    1, "$.work_package", "'wp-two'", 0, 0,
    "the decision names “wp-two” but is filed under decisions/wp-good/" },
  { "decision-unknown-package", "decisions/wp-none/d-9.json",
    DECISION_HEAD "'id': 'd-9', 'work_package': 'wp-none', 'decision': 'defer', 'by': 'B',"
    " 'at': '2020-03-13T10:31:00Z'}",
    1, "$.work_package", NULL, 0, 0,
    "a decision on “wp-none”, but there is no work package with that id" },
  { "decision-bad-time", DECISION,
    DECISION_HEAD "'id': 'd-2', 'work_package': 'wp-good', 'decision': 'reject', 'by': 'B',"
    " 'at': '2020-03-13 10:31'}",
    1, "$.at", "'2020-03-13 10:31'", 0, 0, "is not an RFC 3339 timestamp in UTC" },
  { "decision-local-time", DECISION,
    DECISION_HEAD "'id': 'd-2', 'work_package': 'wp-good', 'decision': 'reject', 'by': 'B',"
    " 'at': '2020-03-13T10:31:00+01:00'}",
    1, "$.at", "'2020-03-13T10:31:00+01:00'", 0, 0, "is not an RFC 3339 timestamp in UTC" },
  { "decision-bad-decision", DECISION,
    DECISION_HEAD "'id': 'd-2', 'work_package': 'wp-good', 'decision': 'maybe', 'by': 'B',"
    " 'at': '2020-03-13T10:31:00Z'}",
    1, "$.decision", "'maybe'", 0, 0, "“maybe” is not one of: approve, reject, defer" },
  { "decision-nobody", DECISION,
    DECISION_HEAD "'id': 'd-2', 'work_package': 'wp-good', 'decision': 'defer', 'by': '  ',"
    " 'at': '2020-03-13T10:31:00Z'}",
    1, "$.by", "'  '", 0, 0, "who decided must be named" },
  { "decision-empty", DECISION, "", 1, "$", NULL, 1, 1, "unexpected end of file" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *store_path = make_store ();
  g_autofree char *file = g_build_filename (store_path, bad->file, NULL);
  g_autofree char *content = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumProblem) problem = NULL;
  GListModel *problems;
  guint line = bad->line, column = bad->column;

  if (g_str_equal (bad->name, "too-many-problems"))
    {
      /* 150 bad amounts: the first 99 are listed, then a note */
      GString *text = g_string_new (ONE_TABLE ("{'id': 'a'}", ""));

      g_string_truncate (text, text->len - 4);
      for (guint i = 0; i < 150; i++)
        g_string_append_printf (text, "%s{'id': 'r%u', 'values': {'a': 1.001}}",
                                i > 0 ? ", " : "", i);
      g_string_append (text, "]}]}");
      content = quorum_test_dq (text->str);
      g_string_free (text, TRUE);
    }
  else if (bad->content != NULL)
    content = quorum_test_dq (bad->content);

  if (content != NULL)
    quorum_test_write_file (store_path, bad->file, content, -1);
  else
    g_assert_cmpint (g_remove (file), ==, 0);

  store = load_store (store_path);
  problems = quorum_store_get_problems (store);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, bad->n_problems);
  problem = g_list_model_get_item (problems, 0);

  if (bad->needle != NULL)
    {
      g_autofree char *needle = quorum_test_dq (bad->needle);

      position_of (content, needle, &line, &column);
    }

  g_assert_cmpstr (quorum_problem_get_file (problem), ==, file);
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, bad->path);
  g_assert_cmpuint (quorum_problem_get_line (problem), ==, line);
  g_assert_cmpuint (quorum_problem_get_column (problem), ==, column);
  g_assert_nonnull (strstr (quorum_problem_get_message (problem), bad->message));

  /* every problem of the file names it */
  for (guint i = 1; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(QuorumProblem) other = g_list_model_get_item (problems, i);

      g_assert_cmpstr (quorum_problem_get_file (other), ==, file);
    }
  if (bad->n_problems == 100)
    {
      g_autoptr(QuorumProblem) last = g_list_model_get_item (problems, 99);

      g_assert_cmpstr (quorum_problem_get_message (last), ==,
                       "too many errors; the rest are not listed");
    }

  assert_rest_loads (store, g_str_equal (bad->file, "committees.json"));

  quorum_test_rm_rf (store_path);
}

/* Files over 16 MiB are refused before they are read. */
static void
test_oversized (void)
{
  g_autofree char *store_path = make_store ();
  g_autofree char *path = g_build_filename (store_path, "budgets", "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumProblem) problem = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *big = NULL;
  gsize size = 17 * 1024 * 1024;

  /* a sparse file: no 17 MiB written */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (stream), "{", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), size, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  store = load_store (store_path);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 1);
  problem = g_list_model_get_item (quorum_store_get_problems (store), 0);
  g_assert_cmpstr (quorum_problem_get_file (problem), ==, path);
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$");
  g_assert_cmpuint (quorum_problem_get_line (problem), ==, 0);
  g_assert_nonnull (strstr (quorum_problem_get_message (problem), "over the 16 MiB limit"));
  assert_rest_loads (store, FALSE);

  /* the same limit holds for data handed over directly */
  big = g_malloc0 (size);
  big[0] = '{';
  g_assert_null (quorum_budget_document_new_from_data ("budgets/huge.json", big, size, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (quorum_problem_get_message (g_ptr_array_index (problems, 0)),
                            "16 MiB"));

  quorum_test_rm_rf (store_path);
}

/* A budget document that cannot be loaded is the root cause of the problems
 * of the packages drawing on it: they load, and their problems say which file
 * caused them. A package naming a document that never was is its own cause. */
static void
test_problem_causes (void)
{
  g_autofree char *store_path = make_store ();
  g_autofree char *budget = quorum_test_dq (good_budget);
  g_autofree char *broken = NULL;
  g_autofree char *broken_file = g_build_filename (store_path, "budgets", "broken.json", NULL);
  g_autoptr(GString) text = g_string_new (budget);
  g_autoptr(QuorumStore) store = NULL;
  GListModel *problems;
  guint line, column, n_caused = 0, n_root = 0;
  gboolean root_seen = FALSE;

  /* The document's id is its file's name; its "title" loses its colon. */
  g_string_replace (text, "\"id\": \"good\"", "\"id\": \"broken\"", 1);
  g_assert_nonnull (strstr (text->str, "\"title\": "));
  g_string_replace (text, "\"title\": ", "\"title\" ", 1);
  broken = g_string_free (g_steal_pointer (&text), FALSE);
  position_of (broken, "\"title\" ", &line, &column);
  quorum_test_write_file (store_path, "budgets/broken.json", broken, -1);
  quorum_test_write_file (store_path, "work-packages/wp-ref.json",
                          "{\"format\": \"quorum.work-package/1\", \"id\": \"wp-ref\", "
                          "\"kind\": \"quarterly\", \"quarter\": \"2020/21 Q1\", "
                          "\"title\": \"Drawing on the broken one\", \"status\": \"draft\", "
                          "\"estimate\": {\"cost\": 1}, "
                          "\"budget_ref\": {\"document\": \"broken\", \"table\": \"t\", "
                          "\"row\": \"x\"}}", -1);
  quorum_test_write_file (store_path, "work-packages/wp-none.json",
                          "{\"format\": \"quorum.work-package/1\", \"id\": \"wp-none\", "
                          "\"kind\": \"quarterly\", \"quarter\": \"2020/21 Q1\", "
                          "\"title\": \"Drawing on nothing\", \"status\": \"draft\", "
                          "\"estimate\": {\"cost\": 1}, "
                          "\"budget_ref\": {\"document\": \"nosuch\", \"table\": \"t\", "
                          "\"row\": \"x\"}}", -1);

  store = load_store (store_path);
  problems = quorum_store_get_problems (store);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);
      const char *file = quorum_problem_get_file (problem);
      const char *cause = quorum_problem_get_caused_by (problem);

      if (g_str_equal (file, broken_file))
        {
          /* The root cause, with its place, before anything it causes. */
          g_assert_null (cause);
          g_assert_cmpuint (n_caused, ==, 0);
          g_assert_cmpuint (quorum_problem_get_line (problem), ==, line);
          root_seen = TRUE;
          n_root++;
        }
      else if (g_str_has_suffix (file, "wp-ref.json"))
        {
          g_assert_cmpstr (cause, ==, broken_file);
          g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$.budget_ref.document");
          n_caused++;
        }
      else
        {
          g_assert_true (g_str_has_suffix (file, "wp-none.json"));
          g_assert_null (cause);
        }
    }
  g_assert_true (root_seen);
  g_assert_cmpuint (n_root, ==, 1);
  g_assert_cmpuint (n_caused, ==, 1);
  /* The affected package loads; only its budget line is missing. */
  g_assert_nonnull (quorum_store_find_work_package (store, "wp-ref"));
  g_assert_nonnull (quorum_work_package_get_budget_problem (quorum_store_find_work_package (
                                                              store, "wp-ref")));
  quorum_test_rm_rf (store_path);
}

/* Every rate of the sample says what it is per, as its note (the document's
 * own text) does: "£675 per month" is a rate of 675 with rate_unit month. */
static void
check_rate_units (GListModel *rows,
                  guint      *n_rates)
{
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      gint64 rate;

      if (quorum_row_get_rate (row, &rate))
        {
          g_autofree char *amount = quorum_amount_format_display (rate, "GBP");
          g_autofree char *phrase = g_strdup_printf ("%s per %s", amount,
                                                     quorum_row_get_rate_unit (row));

          g_test_message ("%s: %s", quorum_row_get_id (row), phrase);
          g_assert_nonnull (quorum_row_get_rate_unit (row));
          g_assert_nonnull (quorum_row_get_note (row));
          g_assert_nonnull (strstr (quorum_row_get_note (row), phrase));
          (*n_rates)++;
        }
      check_rate_units (quorum_row_get_children (row), n_rates);
    }
}

static void
test_sample_rate_units (void)
{
  g_autoptr(QuorumStore) store = load_store (g_getenv ("QUORUM_SAMPLE_STORE"));
  GListModel *documents = quorum_store_get_documents (store);
  guint n_rates = 0;

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, d);
      GListModel *tables = quorum_budget_document_get_tables (document);

      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(QuorumTable) table = g_list_model_get_item (tables, t);

          check_rate_units (quorum_table_get_rows (table), &n_rates);
        }
    }
  g_assert_cmpuint (n_rates, >, 0);
}

/* How a problem reads, as quorum-cli prints it. */
static void
test_problem_to_string (void)
{
  g_autoptr(QuorumProblem) with = quorum_problem_new ("budgets/a.json", "$.id", 3, 14, "bad");
  g_autoptr(QuorumProblem) without = quorum_problem_new ("budgets/a.json", "$", 0, 0, "worse");
  g_autofree char *a = quorum_problem_to_string (with);
  g_autofree char *b = quorum_problem_to_string (without);

  g_assert_cmpstr (a, ==, "budgets/a.json:3:14: $.id: bad");
  g_assert_cmpstr (b, ==, "budgets/a.json: $: worse");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/good", test_good_store);
  g_test_add_func ("/store/reload", test_reload);
  g_test_add_func ("/store/decision-order", test_decision_order);
  g_test_add_func ("/store/ignored-files", test_ignored_files);
  g_test_add_func ("/store/empty", test_empty_store);
  g_test_add_func ("/store/missing", test_missing_store);
  g_test_add_func ("/store/sample", test_sample_store);
  g_test_add_func ("/store/async", test_async);
  g_test_add_func ("/store/async-errors", test_async_errors);
  g_test_add_func ("/store/default-path", test_default_path);
  g_test_add_func ("/store/unknown-fields", test_unknown_fields);
  g_test_add_func ("/store/oversized", test_oversized);
  g_test_add_func ("/store/problem-to-string", test_problem_to_string);
  g_test_add_func ("/store/problem-causes", test_problem_causes);
  g_test_add_func ("/store/sample-rate-units", test_sample_rate_units);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/bad/%s", bad_files[i].name);

      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }

  return g_test_run ();
}
