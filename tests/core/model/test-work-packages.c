/* test-work-packages.c: work packages, their budget lines, decisions and budget pressure
 *
 * The sample store's figures are checked against its files, read here with
 * json-glib, so that a change to the data that the code mishandles fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

/* Helpers ------------------------------------------------------------------ */

static const char committees[] =
  "{'format': 'quorum.committees/1', 'committees': [\n"
  "  {'id': 'opsg', 'short': 'OPSG', 'name': 'Operations Group', 'meets': 'monthly'}\n"
  "]}\n";

/* One line with a 2020/21 provision of 1000.00 split into two parts and a
 * total, and a project table with two provisions. */
static const char budget[] =
  "{'format': 'quorum.budget/1', 'id': 'b', 'title': 'B', 'status': 'approved',\n"
  " 'effective': '2020-04-01', 'currency': 'GBP', 'tables': [\n"
  "  {'id': 'costs', 'role': 'committee-costs', 'unit': 'GBP', 'columns': [\n"
  "    {'id': 'core', 'year': '2020/21', 'phase': 'approved', 'component': 'core-team'},\n"
  "    {'id': 'sme', 'year': '2020/21', 'phase': 'approved', 'component': 'sme'},\n"
  "    {'id': 'total', 'year': '2020/21', 'phase': 'approved', 'sum': ['core', 'sme']},\n"
  "    {'id': 'next', 'year': '2021/22', 'phase': 'estimated'},\n"
  "    {'id': 'next-too', 'year': '2021/22', 'phase': 'estimated'}],\n"
  "   'rows': [{'id': 'opsg', 'label': 'OPSG', 'committee': 'opsg',\n"
  "             'values': {'core': 600, 'sme': 400, 'next': 1, 'next-too': 2}}]},\n"
  "  {'id': 'projects', 'role': 'projects', 'unit': 'GBP', 'columns': [\n"
  "    {'id': 'y1', 'year': '2020/21', 'phase': 'approved'}],\n"
  "   'rows': [{'id': 'p1', 'label': 'Project one', 'values': {'y1': 500}},\n"
  "            {'id': 'p2', 'label': 'Project two', 'values': {'y1': 300}}]}]}\n";

static char *
package_text (const char *id,
              const char *kind,
              const char *quarter,
              const char *ref,
              const char *estimate,
              const char *actual,
              const char *status)
{
  g_autofree char *text =
    g_strdup_printf ("{'format': 'quorum.work-package/1', 'id': '%s', 'kind': '%s',\n"
                     " 'quarter': '%s', 'title': 'Package %s', %s\n"
                     " 'estimate': {'cost': %s, 'days': {'grade-4': 10, 'grade-2': 2.5}},\n"
                     " %s 'status': '%s'}\n",
                     id, kind, quarter, id, ref, estimate, actual, status);

  return quorum_test_dq (text);
}

static void
write_package (const char *store,
               const char *id,
               const char *kind,
               const char *quarter,
               const char *ref,
               const char *estimate,
               const char *actual,
               const char *status)
{
  g_autofree char *text = package_text (id, kind, quarter, ref, estimate, actual, status);
  g_autofree char *relpath = g_strdup_printf ("work-packages/%s.json", id);

  quorum_test_write_file (store, relpath, text, -1);
}

static void
write_decision (const char *store,
                const char *package,
                const char *id,
                const char *decision,
                const char *at,
                gboolean    sealed)
{
  g_autofree char *seal = NULL;
  g_autofree char *text = NULL;
  g_autofree char *relpath = g_strdup_printf ("decisions/%s/%s.json", package, id);

  if (sealed)
    {
      g_autofree char *value =
        quorum_decision_compute_seal (id, package, decision, "A Person", NULL, at, NULL,
                                      NULL);

      seal = g_strdup_printf (", \"seal\": \"%s\"", value);
    }
  text = g_strdup_printf ("{\"format\": \"quorum.decision/1\", \"id\": \"%s\", "
                          "\"work_package\": \"%s\", \"decision\": \"%s\", "
                          "\"by\": \"A Person\", \"at\": \"%s\"%s}\n",
                          id, package, decision, at, seal != NULL ? seal : "");
  quorum_test_write_file (store, relpath, text, -1);
}

static GPtrArray *made;   /* folders to remove at the end */

static char *
make_store (void)
{
  g_autoptr(GError) error = NULL;
  char *store = g_dir_make_tmp ("quorum-wp-XXXXXX", &error);
  g_autofree char *c = quorum_test_dq (committees);
  g_autofree char *b = quorum_test_dq (budget);
  const char *line = "'budget_ref': {'document': 'b', 'table': 'costs', 'row': 'opsg'},";

  g_assert_no_error (error);
  quorum_test_write_file (store, "committees.json", c, -1);
  quorum_test_write_file (store, "budgets/b.json", b, -1);
  write_package (store, "q1", "quarterly", "2020/21 Q1", line, "300",
                 "'actual': {'cost': 350.5, 'reported': '2020-07-20'},", "closed");
  write_package (store, "q2", "quarterly", "2020/21 Q2", line, "400", "", "submitted");
  write_package (store, "q3", "quarterly", "2020/21 Q3", line, "500", "", "submitted");
  write_package (store, "brief", "project-brief", "2020/21 Q2",
                 "'budget_ref': {'document': 'b', 'table': 'projects', 'row': 'p1'},",
                 "450", "", "submitted");
  g_ptr_array_add (made, g_strdup (store));
  return store;
}

static QuorumStore *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  QuorumStore *store = quorum_store_new (path);

  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* The problems of a store, one "FILE-BASENAME PATH MESSAGE" line each. */
static char *
problems_text (QuorumStore *store)
{
  GListModel *problems = quorum_store_get_problems (store);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *base = g_path_get_basename (quorum_problem_get_file (problem));

      g_string_append_printf (out, "%s %s %s\n", base, quorum_problem_get_path (problem),
                              quorum_problem_get_message (problem));
    }
  return g_string_free (out, FALSE);
}

static QuorumPressureLine *
find_line (GListModel *lines,
           const char *row,
           const char *column)
{
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(QuorumPressureLine) line = g_list_model_get_item (lines, i);

      if (g_str_equal (quorum_pressure_line_get_row (line), row) &&
          g_str_equal (quorum_pressure_line_get_column (line), column))
        return line;
    }
  return NULL;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Tests -------------------------------------------------------------------- */

static void
test_model (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = load (path);
  g_autofree char *problems = problems_text (store);
  QuorumWorkPackage *q1 = quorum_store_find_work_package (store, "q1");
  const char * const *grades;
  const char *column, *label;
  gint64 provision, amount, percent, days;

  g_assert_cmpstr (problems, ==, "");
  g_assert_nonnull (q1);
  g_assert_cmpint (quorum_work_package_get_estimate (q1), ==, 30000);
  g_assert_true (quorum_work_package_get_actual (q1, &amount));
  g_assert_cmpint (amount, ==, 35050);
  g_assert_true (quorum_work_package_get_variance (q1, &amount, &percent));
  g_assert_cmpint (amount, ==, 5050);
  /* 50.50 / 300 = 16.8333…% */
  g_assert_cmpint (percent, ==, 1683);
  g_assert_false (quorum_work_package_get_variance (quorum_store_find_work_package (store,
                                                                                   "q2"),
                                                    &amount, &percent));

  grades = quorum_work_package_get_grades (q1);
  g_assert_cmpstrv (grades, ((const char * const []) { "grade-4", "grade-2", NULL }));
  g_assert_true (quorum_work_package_get_estimate_days (q1, "grade-2", &days));
  g_assert_cmpint (days, ==, 250);
  g_assert_false (quorum_work_package_get_estimate_days (q1, "grade-6", &days));
  g_assert_false (quorum_work_package_get_actual_days (q1, "grade-2", &days));

  /* The provision is the 2020/21 approved total: the sum column, 600 + 400. */
  g_assert_true (quorum_work_package_get_budget_line (q1, &column, &label, &provision));
  g_assert_cmpstr (column, ==, "total");
  g_assert_cmpstr (label, ==, "OPSG");
  g_assert_cmpint (provision, ==, 100000);
  g_assert_null (quorum_work_package_get_budget_problem (q1));

  g_assert_cmpint (quorum_work_package_get_outcome (q1), ==, QUORUM_OUTCOME_AWAITING);
  g_assert_cmpstr (quorum_work_package_get_classification (q1), ==, "white");
}

static void
test_quarters (void)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  QuorumOutcome outcome;

  g_assert_true (quorum_quarter_get_dates ("2020/21 Q4", &first, &last));
  g_assert_cmpstr (first, ==, "2021-01-01");
  g_assert_cmpstr (last, ==, "2021-03-31");
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&last, g_free);
  g_assert_true (quorum_quarter_get_dates ("1999/00 Q2", &first, &last));
  g_assert_cmpstr (first, ==, "1999-07-01");
  g_assert_cmpstr (last, ==, "1999-09-30");

  for (const char * const *bad = (const char * const []) {
         "2020/21 Q0", "2020/21 Q5", "2020/22 Q1", "2020/21Q1", "2020/21 q1", "", NULL };
       *bad != NULL; bad++)
    g_assert_false (quorum_quarter_is_valid (*bad));

  g_assert_true (quorum_outcome_from_string ("deferred", &outcome));
  g_assert_cmpint (outcome, ==, QUORUM_OUTCOME_DEFERRED);
  g_assert_false (quorum_outcome_from_string ("defer", &outcome));
  g_assert_cmpstr (quorum_outcome_to_string (QUORUM_OUTCOME_AWAITING), ==, "awaiting");
}

/* A missing document, table or row, a quarter outside the table's years, and
 * two columns that tie: each is a problem on the package file, and the
 * package still loads with the reason. */
static void
test_budget_ref_problems (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = NULL;
  g_autofree char *problems = NULL;
  struct {
    const char *id, *quarter, *ref, *expected;
  } cases[] = {
    { "no-doc", "2020/21 Q1", "'budget_ref': {'document': 'x', 'table': 'costs', 'row': 'opsg'},",
      "no-doc.json $.budget_ref.document there is no budget document “x” in the store" },
    { "no-table", "2020/21 Q1", "'budget_ref': {'document': 'b', 'table': 'x', 'row': 'opsg'},",
      "no-table.json $.budget_ref.table b has no table “x”" },
    { "no-row", "2020/21 Q1", "'budget_ref': {'document': 'b', 'table': 'costs', 'row': 'x'},",
      "no-row.json $.budget_ref.row table “costs” of b has no row “x”" },
    { "late", "2025/26 Q1", "'budget_ref': {'document': 'b', 'table': 'costs', 'row': 'opsg'},",
      "late.json $.quarter the quarter 2025/26 Q1 is out of range: table “costs” of b has no "
      "column for 2025/26 (its years: 2020/21, 2021/22)" },
    { "tie", "2021/22 Q1", "'budget_ref': {'document': 'b', 'table': 'costs', 'row': 'opsg'},",
      "tie.json $.budget_ref table “costs” of b has several columns for 2021/22; name one in "
      "budget_ref.column" },
    { "col-year", "2020/21 Q1",
      "'budget_ref': {'document': 'b', 'table': 'costs', 'row': 'opsg', 'column': 'next'},",
      "col-year.json $.quarter the quarter 2020/21 Q1 is out of range: column “next” is for "
      "2021/22" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    write_package (path, cases[i].id, "quarterly", cases[i].quarter, cases[i].ref, "1", "",
                   "submitted");
  /* Naming the column resolves the tie. */
  write_package (path, "named", "quarterly", "2021/22 Q1",
                 "'budget_ref': {'document': 'b', 'table': 'costs', 'row': 'opsg', "
                 "'column': 'next-too'},", "1", "", "submitted");

  store = load (path);
  problems = problems_text (store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      QuorumWorkPackage *package = quorum_store_find_work_package (store, cases[i].id);
      const char *message = strchr (strchr (cases[i].expected, ' ') + 1, ' ') + 1;

      g_assert_nonnull (strstr (problems, cases[i].expected));
      g_assert_nonnull (package);
      g_assert_false (quorum_work_package_get_budget_line (package, NULL, NULL, NULL));
      g_assert_cmpstr (quorum_work_package_get_budget_problem (package), ==, message);
    }
  g_assert_true (quorum_work_package_get_budget_line (
                   quorum_store_find_work_package (store, "named"), NULL, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==,
                    G_N_ELEMENTS (cases));
}

/* A quarter that is not a quarter, or dates outside it: the file is an error. */
static void
test_bad_quarters (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *early = NULL;

  write_package (path, "q5", "quarterly", "2020/21 Q5", "", "1", "", "submitted");
  early = package_text ("early", "quarterly", "2020/21 Q2", "'start': '2020-06-30',", "1", "",
                        "submitted");
  quorum_test_write_file (path, "work-packages/early.json", early, -1);

  store = load (path);
  problems = problems_text (store);
  g_assert_nonnull (strstr (problems, "q5.json $.quarter “2020/21 Q5” is not a quarter"));
  g_assert_nonnull (strstr (problems, "early.json $.start the start 2020-06-30 is before its "
                                      "quarter, 2020/21 Q2 (2020-07-01 to 2020-09-30)"));
  g_assert_null (quorum_store_find_work_package (store, "q5"));
  g_assert_null (quorum_store_find_work_package (store, "early"));
  g_assert_nonnull (quorum_store_find_work_package (store, "q1"));
}

/* Two decisions at the same second: the one whose id sorts last is the
 * outcome, whichever decision it holds. */
static void
test_same_timestamp (void)
{
  for (guint order = 0; order < 2; order++)
    {
      g_autofree char *path = make_store ();
      g_autoptr(QuorumStore) store = NULL;
      QuorumWorkPackage *q2;
      const char *at = "2020-06-11T10:00:00Z";

      write_decision (path, "q2", "t-a", order == 0 ? "reject" : "approve", at, TRUE);
      write_decision (path, "q2", "t-b", order == 0 ? "approve" : "reject", at, TRUE);
      /* An earlier decision with a later-sorting id does not win. */
      write_decision (path, "q2", "z-early", "defer", "2020-06-10T10:00:00Z", TRUE);
      store = load (path);
      q2 = quorum_store_find_work_package (store, "q2");
      g_assert_cmpint (quorum_work_package_get_outcome (q2), ==,
                       order == 0 ? QUORUM_OUTCOME_APPROVED : QUORUM_OUTCOME_REJECTED);
      g_assert_cmpstr (quorum_decision_get_id (quorum_work_package_get_latest (q2)), ==, "t-b");
    }
}

/* A sealed decision changed by hand is reported, shown, and not counted. */
static void
test_broken_seal (void)
{
  g_autofree char *path = make_store ();
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumDecision) first = NULL;
  g_autofree char *problems = NULL;
  QuorumWorkPackage *q2;
  GListModel *decisions;

  write_decision (path, "q2", "d-early", "defer", "2020-06-01T10:00:00Z", TRUE);
  write_decision (path, "q2", "d-late", "reject", "2020-06-11T10:00:00Z", TRUE);
  write_decision (path, "q3", "d-unsealed", "approve", "2020-06-11T10:00:00Z", FALSE);

  /* Someone turns the rejection into an approval in a text editor. */
  file = g_build_filename (path, "decisions", "q2", "d-late.json", NULL);
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "\"reject\"", "\"approve\"", 0), ==, 1);
  g_assert_true (g_file_set_contents (file, edited->str, -1, NULL));

  store = load (path);
  problems = problems_text (store);
  g_assert_cmpstr (problems, ==,
                   "d-late.json $.seal the decision was changed after it was written (its "
                   "content no longer matches its seal); it is shown but not counted\n");

  q2 = quorum_store_find_work_package (store, "q2");
  decisions = quorum_work_package_get_decisions (q2);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 2);
  first = g_list_model_get_item (decisions, 1);
  g_assert_cmpstr (quorum_decision_get_id (first), ==, "d-late");
  g_assert_cmpint (quorum_decision_get_seal_state (first), ==, QUORUM_SEAL_BROKEN);
  /* The outcome falls back to the last decision that can be trusted. */
  g_assert_cmpint (quorum_work_package_get_outcome (q2), ==, QUORUM_OUTCOME_DEFERRED);
  g_assert_cmpstr (quorum_decision_get_id (quorum_work_package_get_latest (q2)), ==, "d-early");

  /* A decision without a seal (another tool wrote it) counts. */
  q2 = quorum_store_find_work_package (store, "q3");
  g_assert_cmpint (quorum_work_package_get_outcome (q2), ==, QUORUM_OUTCOME_APPROVED);
  g_assert_cmpint (quorum_decision_get_seal_state (quorum_work_package_get_latest (q2)), ==,
                   QUORUM_SEAL_NONE);
}

static void
test_unknown_package (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = NULL;
  g_autofree char *problems = NULL;

  write_decision (path, "nosuch", "d", "approve", "2020-06-11T10:00:00Z", TRUE);
  store = load (path);
  problems = problems_text (store);
  g_assert_cmpstr (problems, ==,
                   "d.json $.work_package a decision on “nosuch”, but there is no work "
                   "package with that id; the decision is kept but not shown\n");
}

static void
test_seal_format (void)
{
  /* Computed by hand: sha256sum of the canonical text below. */
  g_autofree char *seal = quorum_decision_compute_seal ("i", "wp", "approve", "Zoë", NULL,
                                                        "2020-03-12T10:31:00Z", NULL, NULL);
  const char *canonical = "17:quorum.decision/1\n1:i\n2:wp\n7:approve\n4:Zoë\n-\n"
                          "20:2020-03-12T10:31:00Z\n-\n";
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  g_autofree char *expected = g_strconcat ("sha256:", digest, NULL);
  /* A decision that names its meeting seals it too, after the rest. */
  g_autofree char *with_meeting =
    quorum_decision_compute_seal ("i", "wp", "approve", "Zoë", NULL, "2020-03-12T10:31:00Z",
                                  NULL, "secco-board-2020-03-12");
  g_autofree char *canonical_meeting = g_strconcat (canonical, "22:secco-board-2020-03-12\n",
                                                    NULL);
  g_autofree char *digest_meeting = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                                   canonical_meeting, -1);
  g_autofree char *expected_meeting = g_strconcat ("sha256:", digest_meeting, NULL);

  g_assert_cmpstr (seal, ==, expected);
  g_assert_cmpstr (with_meeting, ==, expected_meeting);
}

static void
test_decide (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = load (path);
  g_autoptr(QuorumStore) again = NULL;
  g_autoptr(QuorumDecision) first = NULL;
  g_autoptr(QuorumDecision) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (path, "decisions", "q2", NULL);
  g_autofree char *marker = NULL;
  g_autofree char *data = NULL;
  g_autofree char *written = NULL;
  g_autofree char *base = NULL;
  QuorumWorkPackage *q2 = quorum_store_find_work_package (store, "q2");
  QuorumDecision *reloaded;
  gsize length;

  first = quorum_store_decide (store, "q2", "approve", "  Zoë O'Brien ", "SECCo Board",
                               "Fine.\n\"Quoted\"", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpstr (quorum_decision_get_by (first), ==, "Zoë O'Brien");
  g_assert_true (g_str_has_suffix (quorum_decision_get_id (first), "z-zoe-o-brien"));
  g_assert_true (quorum_decision_get_pending_sync (first));
  g_assert_cmpint (quorum_work_package_get_outcome (q2), ==, QUORUM_OUTCOME_APPROVED);

  /* The file holds exactly what the decision says, sealed. */
  g_assert_true (g_file_get_contents (quorum_decision_get_file (first), &written, NULL, NULL));
  data = quorum_decision_to_data (first, &length);
  g_assert_cmpstr (written, ==, data);
  g_assert_nonnull (strstr (written, "\"seal\": \"sha256:"));
  base = g_path_get_basename (quorum_decision_get_file (first));
  marker = g_build_filename (path, ".quorum", "outbox", "q2", base, NULL);
  g_assert_true (g_file_test (marker, G_FILE_TEST_IS_REGULAR));

  /* The same person again in the same second: a new file, never the old one. */
  second = quorum_store_decide (store, "q2", "defer", "Zoë O'Brien", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  if (g_str_equal (quorum_decision_get_at (first), quorum_decision_get_at (second)))
    {
      g_autofree char *suffixed = g_strconcat (quorum_decision_get_id (first), "-2", NULL);

      g_assert_cmpstr (quorum_decision_get_id (second), ==, suffixed);
    }
  g_assert_cmpuint (count_files (folder), ==, 2);
  g_assert_cmpint (quorum_work_package_get_outcome (q2), ==, QUORUM_OUTCOME_DEFERRED);

  /* Loading again gives the same decisions, valid seals, awaiting sync. */
  again = load (path);
  q2 = quorum_store_find_work_package (again, "q2");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_work_package_get_decisions (q2)), ==, 2);
  reloaded = quorum_work_package_get_latest (q2);
  g_assert_cmpstr (quorum_decision_get_id (reloaded), ==, quorum_decision_get_id (second));
  g_assert_cmpint (quorum_decision_get_seal_state (reloaded), ==, QUORUM_SEAL_VALID);
  g_assert_true (quorum_decision_get_pending_sync (reloaded));
  g_assert_null (quorum_decision_get_role (reloaded));
  g_assert_cmpint (quorum_work_package_get_outcome (q2), ==, QUORUM_OUTCOME_DEFERRED);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (again)), ==, 0);
}

/* A decision whose id is taken (the same person, the same second) gets the
 * next free suffix and never touches the file in the way. */
static void
test_decide_collision (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = load (path);
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *in_the_way = NULL;

  /* Take the name for this second and the next few, with -2 as well. */
  for (int s = 0; s < 4; s++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, s);
      g_autofree char *stamp = g_date_time_format (then, "%Y%m%dt%H%M%Sz");
      g_autofree char *first = g_strdup_printf ("decisions/q2/%s-a-member.json", stamp);
      g_autofree char *second = g_strdup_printf ("decisions/q2/%s-a-member-2.json", stamp);

      quorum_test_write_file (path, first, "in the way\n", -1);
      quorum_test_write_file (path, second, "in the way\n", -1);
    }

  decision = quorum_store_decide (store, "q2", "approve", "A Member", NULL, NULL, NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (quorum_decision_get_id (decision), "-a-member-3"));
  g_assert_true (g_file_get_contents (quorum_decision_get_file (decision), &in_the_way, NULL,
                                      NULL));
  g_assert_nonnull (strstr (in_the_way, "\"seal\": \"sha256:"));

  /* The files in the way are as they were. */
  {
    g_autofree char *stamp = g_date_time_format (now, "%Y%m%dt%H%M%Sz");
    g_autofree char *first = g_strdup_printf ("%s/decisions/q2/%s-a-member.json", path, stamp);
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (first, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "in the way\n");
  }
}

static void
test_decide_refused (void)
{
  g_autofree char *path = make_store ();
  g_autofree char *sample_path = quorum_store_dup_sample_path ();
  g_autoptr(QuorumStore) store = load (path);
  g_autoptr(QuorumStore) sample = load (sample_path);
  g_autofree char *decisions = g_build_filename (path, "decisions", NULL);
  struct {
    QuorumStore *store;
    const char *package, *decision, *by;
    int code;
    const char *message;
  } cases[] = {
    { store, "nosuch", "approve", "A", QUORUM_ERROR_NOT_FOUND, "no work package “nosuch”" },
    { store, "q1", "approve", "A", QUORUM_ERROR_NOT_ALLOWED, "q1 is closed" },
    { store, "q2", "maybe", "A", QUORUM_ERROR_INVALID, "“maybe” is not a decision" },
    { store, "q2", "approve", " \t", QUORUM_ERROR_INVALID, "who decided must be named" },
    { store, "q2", "approve", "\xff", QUORUM_ERROR_INVALID, "must be UTF-8" },
    { sample, "wp-2020-21-q4-ssc", "approve", "A", QUORUM_ERROR_NOT_ALLOWED, "read-only" },
  };

  g_assert_true (quorum_store_is_sample (sample));
  g_assert_false (quorum_store_is_sample (store));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumDecision) decision =
        quorum_store_decide (cases[i].store, cases[i].package, cases[i].decision, cases[i].by,
                             NULL, NULL, NULL, &error);

      g_assert_null (decision);
      g_assert_error (error, QUORUM_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
  /* Nothing was written anywhere. */
  g_assert_false (g_file_test (decisions, G_FILE_TEST_EXISTS));
}

static void
decided_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  QuorumDecision **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = quorum_store_decide_finish (QUORUM_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
failed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **out = user_data;

  g_assert_null (quorum_store_decide_finish (QUORUM_STORE (object), result, out));
}

static void
test_decide_async (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = load (path);
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *folder = g_build_filename (path, "decisions", "q3", NULL);
  QuorumWorkPackage *q3 = quorum_store_find_work_package (store, "q3");
  gboolean notified = FALSE;

  g_signal_connect_swapped (q3, "notify::outcome", G_CALLBACK (g_nullify_pointer), &notified);
  notified = TRUE;
  quorum_store_decide_async (store, "q3", "reject", "A Person", NULL, "Too much.", NULL,
                             decided_cb, &decision);
  /* The package changes only when the write has finished, on this thread. */
  g_assert_cmpint (quorum_work_package_get_outcome (q3), ==, QUORUM_OUTCOME_AWAITING);
  while (decision == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (notified);
  g_assert_cmpint (quorum_work_package_get_outcome (q3), ==, QUORUM_OUTCOME_REJECTED);
  g_assert_true (quorum_work_package_get_latest (q3) == decision);
  g_assert_cmpuint (count_files (folder), ==, 1);

  /* Cancelled before the worker runs: nothing written, nothing changed. */
  g_cancellable_cancel (cancellable);
  quorum_store_decide_async (store, "q3", "approve", "A Person", NULL, NULL, cancellable,
                             failed_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (folder), ==, 1);
  g_assert_cmpint (quorum_work_package_get_outcome (q3), ==, QUORUM_OUTCOME_REJECTED);
}

static void
test_pressure (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GListModel) lines = NULL;
  QuorumPressureLine *line;

  write_decision (path, "q1", "a1", "approve", "2020-03-12T10:00:00Z", TRUE);
  write_decision (path, "q2", "a2", "approve", "2020-06-11T10:00:00Z", TRUE);
  write_decision (path, "q3", "a3", "reject", "2020-09-10T10:00:00Z", TRUE);
  store = load (path);
  lines = quorum_pressure_compute (quorum_store_get_documents (store),
                                   quorum_store_get_work_packages (store));

  /* The OPSG line, then both project provisions, in table order. */
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 3);
  line = find_line (lines, "opsg", "total");
  g_assert_nonnull (line);
  g_assert_cmpstr (quorum_pressure_line_get_year (line), ==, "2020/21");
  g_assert_cmpint (quorum_pressure_line_get_provision (line), ==, 100000);
  /* Approved: q1 (300) and q2 (400); q3 was rejected. */
  g_assert_cmpint (quorum_pressure_line_get_committed (line), ==, 70000);
  g_assert_cmpint (quorum_pressure_line_get_spent (line), ==, 35050);
  /* q1's out-turn 350.50 and q2's estimate 400 */
  g_assert_cmpint (quorum_pressure_line_get_projected (line), ==, 75050);
  g_assert_cmpint (quorum_pressure_line_get_remaining (line), ==, 24950);
  g_assert_false (quorum_pressure_line_get_over (line));
  g_assert_cmpuint (quorum_pressure_line_get_n_packages (line), ==, 3);
  g_assert_cmpuint (quorum_pressure_line_get_n_approved (line), ==, 2);
  g_assert_false (quorum_pressure_line_get_is_project (line));

  line = find_line (lines, "p1", "y1");
  g_assert_true (quorum_pressure_line_get_is_project (line));
  g_assert_false (quorum_pressure_line_get_released (line));
  line = find_line (lines, "p2", "y1");
  g_assert_cmpint (quorum_pressure_line_get_provision (line), ==, 30000);
  g_assert_cmpuint (quorum_pressure_line_get_n_packages (line), ==, 0);
  g_assert_false (quorum_pressure_line_get_released (line));
  g_clear_object (&lines);

  /* Approving q3 takes the line over its provision; approving the brief
   * releases its provision. */
  g_clear_object (&store);
  write_decision (path, "q3", "a4", "approve", "2020-09-24T10:00:00Z", TRUE);
  write_decision (path, "brief", "a5", "approve", "2020-06-11T10:00:00Z", TRUE);
  store = load (path);
  lines = quorum_pressure_compute (quorum_store_get_documents (store),
                                   quorum_store_get_work_packages (store));
  line = find_line (lines, "opsg", "total");
  g_assert_cmpint (quorum_pressure_line_get_committed (line), ==, 120000);
  g_assert_cmpint (quorum_pressure_line_get_projected (line), ==, 125050);
  g_assert_cmpint (quorum_pressure_line_get_remaining (line), ==, -25050);
  g_assert_true (quorum_pressure_line_get_over (line));
  line = find_line (lines, "p1", "y1");
  g_assert_true (quorum_pressure_line_get_released (line));
  g_assert_cmpint (quorum_pressure_line_get_committed (line), ==, 45000);
  g_assert_false (quorum_pressure_line_get_over (line));
}

/* The sample store: every package loads, its budget line resolves, and
 * the figures match the files. */
static void
test_sample (void)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  g_autoptr(QuorumStore) store = load (path);
  g_autofree char *problems = problems_text (store);
  g_autoptr(GListModel) lines = NULL;
  GListModel *packages = quorum_store_get_work_packages (store);
  g_autofree char *folder = g_build_filename (path, "work-packages", NULL);
  guint outcomes[4] = { 0 };
  gint64 opsg_committed = 0, opsg_projected = 0, opsg_spent = 0;
  guint n_files = count_files (folder);
  QuorumPressureLine *line;
  gboolean any_over = FALSE;

  g_assert_cmpstr (problems, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (packages), ==, n_files);
  g_assert_cmpuint (n_files, >=, 36);

  for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(QuorumWorkPackage) package = g_list_model_get_item (packages, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      GListModel *decisions = quorum_work_package_get_decisions (package);
      JsonObject *root, *estimate;
      const char *row = NULL;
      gint64 actual = 0, cost;
      gboolean approved;

      g_assert_true (json_parser_load_from_file (parser, quorum_work_package_get_file (package),
                                                 &error));
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      estimate = json_object_get_object_member (root, "estimate");
      /* Two decimals at most, so rounding the double to hundredths is exact. */
      cost = (gint64) (json_object_get_double_member (estimate, "cost") * 100 + 0.5);
      g_assert_cmpint (quorum_work_package_get_estimate (package), ==, cost);
      g_assert_true (quorum_work_package_get_budget_line (package, NULL, NULL, NULL));
      g_assert_true (g_str_has_suffix (quorum_work_package_get_description (package),
                                       "Illustrative sample data: not a published SECCo "
                                       "work package."));

      for (guint j = 0; j < g_list_model_get_n_items (decisions); j++)
        {
          g_autoptr(QuorumDecision) decision = g_list_model_get_item (decisions, j);

          g_assert_cmpint (quorum_decision_get_seal_state (decision), ==, QUORUM_SEAL_VALID);
          g_assert_false (quorum_decision_get_pending_sync (decision));
        }
      outcomes[quorum_work_package_get_outcome (package)]++;

      quorum_work_package_get_budget_ref (package, NULL, NULL, &row, NULL);
      approved = quorum_work_package_get_outcome (package) == QUORUM_OUTCOME_APPROVED;
      if (g_str_equal (row, "opsg") && g_str_equal (quorum_work_package_get_kind (package),
                                                    "quarterly"))
        {
          gboolean has_actual = quorum_work_package_get_actual (package, &actual);

          if (approved)
            opsg_committed += quorum_work_package_get_estimate (package);
          if (has_actual)
            opsg_spent += actual;
          opsg_projected += has_actual ? actual
                                       : approved ? quorum_work_package_get_estimate (package)
                                                  : 0;
        }
    }
  /* Every outcome is represented in the sample. */
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    g_assert_cmpuint (outcomes[i], >, 0);

  lines = quorum_pressure_compute (quorum_store_get_documents (store), packages);
  line = find_line (lines, "opsg", "total");
  g_assert_nonnull (line);
  g_assert_cmpint (quorum_pressure_line_get_committed (line), ==, opsg_committed);
  g_assert_cmpint (quorum_pressure_line_get_spent (line), ==, opsg_spent);
  g_assert_cmpint (quorum_pressure_line_get_projected (line), ==, opsg_projected);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(QuorumPressureLine) each = g_list_model_get_item (lines, i);

      any_over = any_over || quorum_pressure_line_get_over (each);
    }
  g_assert_true (any_over);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  made = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/work-packages/model", test_model);
  g_test_add_func ("/work-packages/quarters", test_quarters);
  g_test_add_func ("/work-packages/budget-ref-problems", test_budget_ref_problems);
  g_test_add_func ("/work-packages/bad-quarters", test_bad_quarters);
  g_test_add_func ("/work-packages/same-timestamp", test_same_timestamp);
  g_test_add_func ("/work-packages/broken-seal", test_broken_seal);
  g_test_add_func ("/work-packages/unknown-package", test_unknown_package);
  g_test_add_func ("/work-packages/seal-format", test_seal_format);
  g_test_add_func ("/work-packages/decide", test_decide);
  g_test_add_func ("/work-packages/decide-collision", test_decide_collision);
  g_test_add_func ("/work-packages/decide-refused", test_decide_refused);
  g_test_add_func ("/work-packages/decide-async", test_decide_async);
  g_test_add_func ("/work-packages/pressure", test_pressure);
  g_test_add_func ("/work-packages/sample", test_sample);

  status = g_test_run ();
  for (guint i = 0; i < made->len; i++)
    quorum_test_rm_rf (g_ptr_array_index (made, i));
  g_ptr_array_unref (made);
  return status;
}
