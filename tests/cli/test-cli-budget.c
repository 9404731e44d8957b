/* test-cli-budget.c: quorum-cli check on a store over its memory budget
 *
 * check holds one document at a time (quorum_store_load_each_document()),
 * so documents that together go over the store's memory budget, each
 * within it, are all checked; a command that keeps the whole store still
 * refuses the one that crosses it. The store comes from
 * build-aux/generate-large-store; the budget is lowered to 1 MiB through
 * $QUORUM_TEST_STORE_BUDGET_MIB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-run.h"
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#define N_DOCUMENTS 3
#define BUDGET_MIB "1"

/* A store of N_DOCUMENTS copies of a generated 1,500-row document, each
 * under its own id; their files' sizes go to @sizes. */
static char *
generate_store (const char *parent,
                goffset     sizes[N_DOCUMENTS])
{
  char *store = g_build_filename (parent, "store", NULL);
  g_autofree char *source = g_build_filename (store, "budgets", "synthetic-large.json", NULL);
  const char *argv[] = { "python3", QUORUM_GENERATE_LARGE_STORE, store, "--rows", "1500", NULL };
  const char *id = "\"id\": \"synthetic-large\"";
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  char *at;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (g_file_get_contents (source, &text, NULL, &error));
  g_assert_no_error (error);
  at = strstr (text, id);
  g_assert_nonnull (at);
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("budgets/synthetic-large-%u.json", i);
      g_autofree char *path = g_build_filename (store, name, NULL);
      g_autofree char *copy = g_strdup_printf ("%.*s\"id\": \"synthetic-large-%u\"%s",
                                               (int) (at - text), text, i, at + strlen (id));

      quorum_test_write_file (store, name, copy, -1);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      sizes[i] = st.st_size;
    }
  g_assert_cmpint (g_unlink (source), ==, 0);
  return store;
}

static void
test_check_over_budget (void)
{
  g_autofree char *parent = g_dir_make_tmp ("quorum-cli-budget-XXXXXX", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", parent);
  g_autofree char *unlimited = NULL;
  g_autofree char *crossing = NULL;
  g_autofree char *store = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run;
  goffset sizes[N_DOCUMENTS];
  goffset total = 0;
  JsonArray *findings;

  g_assert_nonnull (parent);
  store = generate_store (parent, sizes);
  /* each fits in the budget, all of them do not */
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_assert_cmpint (sizes[i], <, 1024 * 1024 / 2);
      total += sizes[i];
    }
  g_assert_cmpint (total, >, 1024 * 1024);

  /* the findings without the lowered budget */
  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "check"), ==, 0);
  unlimited = g_steal_pointer (&run.out);

  /* check under the budget checks every document, and finds the same */
  run_setenv (&run, "QUORUM_TEST_STORE_BUDGET_MIB", BUDGET_MIB);
  g_assert_cmpint (run_cli (&run, "--store", store, "check"), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, unlimited);
  g_assert_cmpint (run_cli (&run, "--store", store, "check", "--format", "json"), ==, 0);
  root = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "errors")), ==, 0);
  findings = json_object_get_array_member (json_node_get_object (root), "findings");
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("synthetic-large-%u", i);
      gboolean seen = FALSE;

      for (guint f = 0; f < json_array_get_length (findings) && !seen; f++)
        seen = g_str_equal (json_object_get_string_member (
                              json_array_get_object_element (findings, f), "document"), id);
      g_assert_true (seen);
    }

  /* a command that keeps the whole store still refuses the file that
   * would take it over the budget: the last, in name order */
  crossing = g_build_filename (store, "budgets", "synthetic-large-2.json", NULL);
  g_assert_cmpint (run_cli (&run, "--store", store, "export", "synthetic-large-2"), ==, 1);
  g_assert_nonnull (strstr (run.err, crossing));
  g_assert_nonnull (strstr (run.err, "not loaded: the store is over its memory budget "
                                     "(1 MiB of files in all)"));
  g_assert_cmpint (run_cli (&run, "--store", store, "export", "synthetic-large-1"), ==, 0);

  g_assert_cmpint (system (command), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/check/over-budget", test_check_over_budget);

  return g_test_run ();
}
