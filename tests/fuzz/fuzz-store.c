/* fuzz-store.c: arbitrary bytes into every store-file loader, then the checks and exports
 *
 * Built as a libFuzzer target with -Dfuzzing=true (build-aux/run-fuzz), and
 * in every build as part of `fuzz-replay`, which runs the committed corpus
 * and the regression inputs through the same function under the test
 * suite's sanitizers.
 *
 * The input is read as a budget document named `fuzz.json`, as a work
 * package, as a decision on `wp`, as a meeting, and through the JSON
 * reader. Whatever loads has its checks recomputed at a second tolerance,
 * its findings read, every table exported as CSV and JSON, and itself
 * written back out. Where two readers read the same thing they must agree:
 * the JSON cursor and the tree reader accept the same texts and refuse the
 * others with the same error, and the direct meeting reader reads only
 * what the strict loader loads, into the same meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-store.h"

#include <string.h>

#include "quorum-core.h"
#include "quorum-json-cursor.h"
#include "quorum-meeting-dump.h"
#include "quorum-meetings-private.h"

/* Reads every byte of a result, so the sanitizers see a bad string. */
static void
consume (const char *text)
{
  volatile gsize length = text != NULL ? strlen (text) : 0;

  (void) length;
}

static void
exercise_document (QuorumBudgetDocument *document)
{
  GListModel *tables = quorum_budget_document_get_tables (document);
  GListModel *findings = quorum_budget_document_get_findings (document);
  g_autofree char *years = quorum_budget_document_dup_years (document);
  g_autofree char *json = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *stated = quorum_amount_format (quorum_finding_get_stated (finding));

      consume (stated);
      (void) quorum_finding_get_difference (finding);
    }

  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(QuorumTable) table = g_list_model_get_item (tables, i);
      g_autoptr(GString) csv = g_string_new (NULL);
      g_autoptr(JsonNode) node = quorum_export_table_json (table);
      g_autofree char *text = quorum_json_node_to_string (node);

      quorum_export_table_csv (table, csv);
      consume (csv->str);
      consume (text);
    }

  quorum_budget_document_set_tolerance (document, 0);
  (void) quorum_budget_document_get_n_mismatches (document);
  quorum_budget_document_set_tolerance (document, 100000);
  json = quorum_budget_document_to_json (document);
  consume (json);
  consume (years);
}

static void
exercise_package (QuorumWorkPackage *package)
{
  const char * const *grades = quorum_work_package_get_grades (package);
  gint64 amount, percent;

  for (guint i = 0; grades[i] != NULL; i++)
    {
      (void) quorum_work_package_get_estimate_days (package, grades[i], &amount);
      (void) quorum_work_package_get_actual_days (package, grades[i], &amount);
    }
  (void) quorum_work_package_get_variance (package, &amount, &percent);
  (void) quorum_work_package_get_outcome (package);
}

/* The cursor accepts what the tree reader accepts, and refuses the rest
 * with the same error. */
static void
compare_json_readers (const char *text,
                      gsize       size)
{
  g_autoptr(QuorumJsonCursor) cursor = NULL;
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  const GError *cursor_error;
  QuorumJsonToken token;

  if (size >= G_MAXUINT32)
    return;
  cursor = quorum_json_cursor_new (text, size);
  while ((token = quorum_json_cursor_next (cursor)) != QUORUM_JSON_TOKEN_END &&
         token != QUORUM_JSON_TOKEN_ERROR)
    ;
  cursor_error = quorum_json_cursor_get_error (cursor, NULL, NULL);
  tree = quorum_json_tree_parse (text, size, NULL, NULL, &error);
  g_assert_true ((tree != NULL) == (token == QUORUM_JSON_TOKEN_END));
  if (tree == NULL)
    {
      g_assert_nonnull (cursor_error);
      g_assert_cmpint (cursor_error->code, ==, error->code);
      g_assert_cmpstr (cursor_error->message, ==, error->message);
    }
}

/* What the direct meeting reader reads, the strict loader loads alike. */
static void
exercise_meeting (const char *text,
                  gsize       size,
                  GPtrArray  *problems)
{
  g_autoptr(QuorumMeeting) meeting = quorum_meeting_new_from_data ("fuzz.json", text, size,
                                                                   problems);
  g_autoptr(QuorumMeeting) direct = _quorum_meeting_read ("fuzz.json", text, size);
  g_autoptr(QuorumMeeting) strict = NULL;
  g_autofree char *direct_dump = NULL;
  g_autofree char *strict_dump = NULL;

  if (direct == NULL)
    return;
  strict = _quorum_meeting_load_strict ("fuzz.json", text, size, NULL);
  g_assert_nonnull (strict);
  direct_dump = quorum_meeting_dump (direct);
  strict_dump = quorum_meeting_dump (strict);
  g_assert_cmpstr (direct_dump, ==, strict_dump);
  g_assert_nonnull (meeting);
  consume (quorum_meeting_get_title (meeting));
}

int
quorum_fuzz_store_one_input (const guint8 *data,
                             gsize         size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumBudgetDocument) document = NULL;
  g_autoptr(QuorumWorkPackage) package = NULL;
  g_autoptr(QuorumDecision) decision = NULL;

  document = quorum_budget_document_new_from_data ("fuzz.json", (const char *) data, size,
                                                   problems);
  if (document != NULL)
    exercise_document (document);

  package = quorum_work_package_new_from_data ("fuzz.json", (const char *) data, size,
                                               problems);
  decision = quorum_decision_new_from_data ("fuzz.json", "wp", (const char *) data, size,
                                            problems);
  exercise_meeting ((const char *) data, size, problems);
  compare_json_readers ((const char *) data, size);
  if (package != NULL)
    {
      if (decision != NULL)
        quorum_work_package_add_decision (package, decision);
      exercise_package (package);
    }
  if (decision != NULL)
    {
      g_autofree char *text = quorum_decision_to_data (decision, NULL);

      consume (text);
    }

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = quorum_problem_to_string (g_ptr_array_index (problems, i));

      consume (text);
    }
  return 0;
}
