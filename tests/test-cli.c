/* test-cli.c: quorum-cli run as a process
 *
 * The executable is $QUORUM_CLI; the bundled sample store is
 * $QUORUM_SAMPLE_STORE. Every run has a time limit, so a hang is a failure
 * rather than a stuck test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#define RUN_TIMEOUT_MS 30000

typedef struct
{
  char **env;             /* the child's environment */
  int status;             /* exit status */
  char *out;
  char *err;
  gboolean done;
  gboolean timed_out;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->env, g_strfreev);
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Helpers ------------------------------------------------------------------ */

/* Writes a fixture, its single quotes turned into double quotes. */
static void
write_file (const char *dir,
            const char *relpath,
            const char *content)
{
  g_autofree char *text = quorum_test_dq (content);

  quorum_test_write_file (dir, relpath, text, -1);
}

static char *
make_tmp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("quorum-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The environment of a run: the test's own, without $QUORUM_STORE. With
 * G_TEST_OPTION_ISOLATE_DIRS, $XDG_DATA_HOME is a fresh folder. */
static void
run_init (Run *run)
{
  const char *asan;

  memset (run, 0, sizeof *run);
  run->env = g_get_environ ();
  run->env = g_environ_unsetenv (run->env, "QUORUM_STORE");

  /* quorum-cli does not isolate its directories and needs no full unwind
   * (see tests/meson.build); under AddressSanitizer that saves minutes */
  asan = g_environ_getenv (run->env, "ASAN_OPTIONS");
  if (asan != NULL)
    {
      g_autofree char *fast = g_strconcat (asan, ":fast_unwind_on_malloc=1", NULL);

      run->env = g_environ_setenv (run->env, "ASAN_OPTIONS", fast, TRUE);
    }
}

static void
run_setenv (Run        *run,
            const char *name,
            const char *value)
{
  if (value == NULL)
    run->env = g_environ_unsetenv (run->env, name);
  else
    run->env = g_environ_setenv (run->env, name, value, TRUE);
}

static void
communicated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &out, &err, &error);
  g_assert_no_error (error);
  /* an empty output may have no data at all */
  data = g_bytes_get_data (out, &size);
  run->out = size > 0 ? g_strndup (data, size) : g_strdup ("");
  g_assert_cmpuint (strlen (run->out), ==, size);
  data = g_bytes_get_data (err, &size);
  run->err = size > 0 ? g_strndup (data, size) : g_strdup ("");
  run->done = TRUE;
}

static gboolean
timed_out (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs quorum-cli with @argv (NULL-terminated, without the program) and
 * returns its exit status; a crash or a hang fails the test. */
static int
run_argv (Run                *run,
          const char * const *argv)
{
  const char *cli = g_getenv ("QUORUM_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timeout = g_timeout_source_new (RUN_TIMEOUT_MS);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  command = g_strjoinv (" ", (char **) args->pdata);
  g_test_message ("running: %s", command);

  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->done = run->timed_out = FALSE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, run->env);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  g_main_context_push_thread_default (context);
  g_source_set_callback (timeout, timed_out, run, NULL);
  g_source_attach (timeout, context);
  g_subprocess_communicate_async (process, NULL, NULL, communicated, run);
  while (!run->done && !run->timed_out)
    g_main_context_iteration (context, TRUE);
  if (run->timed_out)
    {
      g_subprocess_force_exit (process);
      while (!run->done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  if (run->out[0] != '\0')
    g_test_message ("stdout:\n%s", run->out);
  if (run->err[0] != '\0')
    g_test_message ("stderr:\n%s", run->err);

  if (run->timed_out)
    g_error ("%s did not finish within %d s", command, RUN_TIMEOUT_MS / 1000);
  if (g_subprocess_get_if_signaled (process))
    g_error ("%s was killed by signal %d", command, g_subprocess_get_term_sig (process));
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  return run->status;
}

#define run_cli(run, ...) run_argv ((run), (const char * const []) { __VA_ARGS__, NULL })

static GPtrArray *
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (out, g_strdup (lines[i]));
  return out;
}

static const char * const both_documents[] = { "sec-budget-2018-21", "sec-budget-2020-23", NULL };

static gboolean
is_amount (const char *text)
{
  return g_regex_match_simple ("^-?[0-9]+\\.[0-9][0-9]$", text, 0, 0);
}

/* Parses a JSON output and returns its root object. */
static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_steal_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

/* A finding of `check --format json` as a text line. */
static char *
finding_line (JsonObject *finding,
              gboolean    with_rule)
{
  static const char * const keys[] = {
    "severity", "document", "table", "row", "column", "stated", "computed", "difference", "rule",
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) fields = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (keys) - (with_rule ? 0 : 1); i++)
    g_strv_builder_add (builder, string_member (finding, keys[i]));
  fields = g_strv_builder_end (builder);
  return g_strjoinv ("\t", fields);
}

/* check ------------------------------------------------------------------- */

static void
test_check_text (void)
{
  g_auto(Run) run;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) expected = quorum_test_read_expected (both_documents);

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "check"), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out, "\n"));

  lines = split_lines (run.out);
  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (lines, i), "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      g_assert_true (g_str_equal (fields[0], "rounding") || g_str_equal (fields[0], "mismatch"));
      for (guint f = 5; f < 8; f++)
        g_assert_true (is_amount (fields[f]));
    }
  g_assert_cmpuint (lines->len, ==, 29);
  quorum_test_assert_same_lines (lines, expected);
}

static void
test_check_json (void)
{
  g_auto(Run) run;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected = quorum_test_read_expected (both_documents);
  static const char * const rules[] = { "group", "total", "percent", "column", "cross-check",
                                        NULL };
  JsonObject *object;
  JsonArray *findings;
  guint n_cross_checks = 0;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "check", "--format", "json"), ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = parse_json (run.out);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")),
                    ==, 0);
  findings = json_object_get_array_member (object, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 29);

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      const char *rule = string_member (finding, "rule");
      gint64 stated = 0, computed = 0, difference = 0;

      g_assert_true (g_strv_contains (rules, rule));
      g_assert_true (is_amount (string_member (finding, "stated")));
      g_assert_true (is_amount (string_member (finding, "computed")));
      g_assert_true (is_amount (string_member (finding, "difference")));
      g_assert_true (quorum_amount_parse (string_member (finding, "stated"), &stated, NULL));
      g_assert_true (quorum_amount_parse (string_member (finding, "computed"), &computed, NULL));
      g_assert_true (quorum_amount_parse (string_member (finding, "difference"), &difference,
                                          NULL));
      g_assert_cmpint (difference, ==, stated - computed);

      /* a cross-check carries its label, the others have none */
      if (g_str_equal (rule, "cross-check"))
        {
          n_cross_checks++;
          g_assert_true (json_object_has_member (finding, "label"));
        }
      else
        g_assert_cmpuint (json_object_get_size (finding), ==, 9);

      g_ptr_array_add (lines, finding_line (finding, FALSE));
    }
  quorum_test_assert_same_lines (lines, expected);
  g_assert_cmpuint (n_cross_checks, ==, 7);

  /* some rules, checked by hand against the documents */
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      g_autofree char *line = finding_line (json_array_get_object_element (findings, i), TRUE);

      if (g_str_has_prefix (line, "rounding\tsec-budget-2018-21\toverview\tcontingency\t"))
        g_assert_true (g_str_has_suffix (line, "\tpercent"));
      if (g_str_has_prefix (line, "mismatch\tsec-budget-2018-21\tprojects\t@total\t"))
        g_assert_true (g_str_has_suffix (line, "\ttotal"));
      if (g_str_has_prefix (line, "mismatch\tsec-budget-2020-23\toverview\tsecas\t"))
        g_assert_true (g_str_has_suffix (line, "\tgroup"));
      if (g_str_has_prefix (line, "rounding\tsec-budget-2020-23\tcosts-by-committee\tssc\ttotal"))
        g_assert_true (g_str_has_suffix (line, "\tcolumn"));
      if (g_str_has_prefix (line, "mismatch\tsec-budget-2018-21\taccommodation\t"))
        g_assert_true (g_str_has_suffix (line, "\tcross-check"));
    }
}

/* The severity a finding line should have at @tolerance. */
static char *
with_tolerance (const char *line,
                gint64      tolerance)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  gint64 difference = 0;

  g_assert_true (quorum_amount_parse (fields[7], &difference, NULL));
  g_free (fields[0]);
  fields[0] = g_strdup (ABS (difference) <= tolerance ? "rounding" : "mismatch");
  return g_strjoinv ("\t", fields);
}

static void
test_check_tolerance (void)
{
  static const struct
  {
    const char *option;
    gint64 tolerance;
  } steps[] = {
    { "0", 0 }, { "0.40", 40 }, { "0.2", 20 }, { "1", 100 }, { "100000", 10000000 },
    { "1e3", 100000 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_auto(Run) run;
      g_autoptr(GPtrArray) lines = NULL;
      g_autoptr(GPtrArray) json_lines = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) expected = quorum_test_read_expected (both_documents);
      g_autoptr(GPtrArray) adjusted = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *option = g_strdup_printf ("--tolerance=%s", steps[s].option);
      JsonArray *findings;

      for (guint i = 0; i < expected->len; i++)
        g_ptr_array_add (adjusted, with_tolerance (g_ptr_array_index (expected, i),
                                                   steps[s].tolerance));

      run_init (&run);
      g_assert_cmpint (run_cli (&run, "check", "--tolerance", steps[s].option), ==, 0);
      lines = split_lines (run.out);
      quorum_test_assert_same_lines (lines, adjusted);

      g_assert_cmpint (run_cli (&run, "check", option, "--format=json"), ==, 0);
      root = parse_json (run.out);
      findings = json_object_get_array_member (json_node_get_object (root), "findings");
      for (guint i = 0; i < json_array_get_length (findings); i++)
        g_ptr_array_add (json_lines, finding_line (json_array_get_object_element (findings, i),
                                                   FALSE));
      quorum_test_assert_same_lines (json_lines, adjusted);
    }
}

static void
test_check_documents (void)
{
  g_auto(Run) run;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  static const char * const first[] = { "sec-budget-2018-21", NULL };

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "check", "sec-budget-2018-21"), ==, 0);
  lines = split_lines (run.out);
  expected = quorum_test_read_expected (first);
  g_assert_cmpuint (lines->len, ==, 5);
  quorum_test_assert_same_lines (lines, expected);
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_clear_pointer (&expected, g_ptr_array_unref);

  /* named documents come in the order named */
  g_assert_cmpint (run_cli (&run, "check", "sec-budget-2020-23", "sec-budget-2018-21"), ==, 0);
  g_assert_true (g_str_has_prefix (strchr (run.out, '\t') + 1, "sec-budget-2020-23\t"));
  lines = split_lines (run.out);
  expected = quorum_test_read_expected (both_documents);
  quorum_test_assert_same_lines (lines, expected);
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* an unknown id is an error, but the others are still checked */
  g_assert_cmpint (run_cli (&run, "check", "nope"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no valid budget document “nope” in this store"));

  g_assert_cmpint (run_cli (&run, "check", "sec-budget-2018-21", "nope"), ==, 1);
  lines = split_lines (run.out);
  g_assert_cmpuint (lines->len, ==, 5);
  g_assert_nonnull (strstr (run.err, "“nope”"));
}

/* A store with one good document (one finding) and broken ones. */
static char *
make_broken_store (void)
{
  char *store = make_tmp ();

  write_file (store, "committees.json",
              "{'format': 'quorum.committees/1', 'committees': [{'id': 'opsg'}]}");
  write_file (store, "budgets/good.json",
              "{'format': 'quorum.budget/1', 'id': 'good', 'tables': [\n"
              " {'id': 't', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x', 'values': {'a': 1}}],\n"
              "  'total': {'values': {'a': 1.5}}}]}");
  write_file (store, "budgets/broken.json",
              "{\n  'format': 'quorum.budget/1',\n  'id': 'broken',,\n  'tables': []\n}");
  write_file (store, "budgets/dangling.json",
              "{'format': 'quorum.budget/1', 'id': 'dangling', 'tables': [\n"
              " {'id': 't', 'columns': [{'id': 'a'}],\n"
              "  'rows': [{'id': 'p', 'percent': 5, 'of': ['nope']}]}]}");
  return store;
}

static void
test_check_broken_store (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_broken_store ();
  g_autofree char *broken = g_build_filename (store, "budgets", "broken.json", NULL);
  g_autofree char *dangling = g_build_filename (store, "budgets", "dangling.json", NULL);
  g_autofree char *broken_line =
    g_strdup_printf ("%s:3:18: $: expected a member name in quotes, found “,”\n", broken);
  g_autofree char *dangling_line =
    g_strdup_printf ("%s:3:45: $.tables[0].rows[0].of[0]: no row “nope” in table “t”\n",
                     dangling);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *errors;
  JsonObject *error;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "check"), ==, 1);
  /* each problem on stderr as FILE:LINE:COLUMN: PATH: message */
  g_assert_nonnull (strstr (run.err, broken_line));
  g_assert_nonnull (strstr (run.err, dangling_line));
  /* the good document is still checked */
  g_assert_cmpstr (run.out, ==, "rounding\tgood\tt\t@total\ta\t1.50\t1.00\t0.50\n");

  g_assert_cmpint (run_cli (&run, "--store", store, "check", "--format", "json"), ==, 1);
  root = parse_json (run.out);
  errors = json_object_get_array_member (json_node_get_object (root), "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  error = json_array_get_object_element (errors, 0);
  g_assert_cmpstr (json_object_get_string_member (error, "file"), ==, broken);
  g_assert_cmpstr (json_object_get_string_member (error, "path"), ==, "$");
  g_assert_cmpint (json_object_get_int_member (error, "line"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (error, "column"), ==, 18);
  g_assert_cmpstr (json_object_get_string_member (error, "message"), ==,
                   "expected a member name in quotes, found “,”");
  error = json_array_get_object_element (errors, 1);
  g_assert_cmpstr (json_object_get_string_member (error, "file"), ==, dangling);
  g_assert_cmpstr (json_object_get_string_member (error, "path"), ==,
                   "$.tables[0].rows[0].of[0]");
  g_assert_cmpint (json_object_get_int_member (error, "line"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (error, "column"), ==, 45);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "findings")), ==, 1);

  /* a store that does not exist */
  g_assert_cmpint (run_cli (&run, "--store", "/nonexistent/quorum", "check"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "/nonexistent/quorum"));
  g_assert_nonnull (strstr (run.err, "does not exist"));

  quorum_test_rm_rf (store);
}

/* Usage errors ------------------------------------------------------------ */

typedef struct
{
  const char *args[6];
  const char *message;    /* a substring of stderr, or NULL */
} Usage;

static const Usage usage_errors[] = {
  { { NULL }, "Usage: quorum-cli" },
  { { "frobnicate" }, "unknown command “frobnicate”" },
  { { "--bogus", "check" }, "unknown option “--bogus”" },
  { { "--store" }, "--store" },
  { { "check", "--store" }, "Missing argument for --store" },
  { { "check", "--bogus" }, "--bogus" },
  { { "check", "-x" }, "-x" },
  { { "check", "--format", "xml" }, "--format is text or json, not “xml”" },
  { { "check", "--format=csv" }, "--format is text or json, not “csv”" },
  { { "check", "--format" }, "--format" },
  { { "check", "--tolerance", "abc" }, "--tolerance" },
  { { "check", "--tolerance", "0.001" }, "more than two decimal places" },
  { { "check", "--tolerance=-1" }, "--tolerance cannot be negative" },
  { { "check", "--tolerance", "1e13" }, "too large" },
  { { "export" }, "export needs a DOCUMENT-ID" },
  { { "export", "--format", "json" }, "export needs a DOCUMENT-ID" },
  { { "export", "a", "b" }, "export takes one DOCUMENT-ID" },
  { { "export", "sec-budget-2018-21", "--format", "xml" }, "--format is csv or json, not “xml”" },
  { { "export", "sec-budget-2018-21", "--format", "text" }, "--format is csv or json" },
  { { "export", "sec-budget-2018-21", "--table" }, "--table" },
  { { "export", "sec-budget-2018-21", "--tolerance", "1" }, "--tolerance" },
};

static void
test_usage (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (usage_errors); i++)
    {
      g_auto(Run) run;

      run_init (&run);
      g_assert_cmpint (run_argv (&run, usage_errors[i].args), ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, usage_errors[i].message));
    }
}

static void
test_help (void)
{
  g_auto(Run) run;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--help"), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage: quorum-cli"));
  g_assert_cmpint (run_cli (&run, "--version"), ==, 0);
  g_assert_cmpstr (run.out, ==, "quorum-cli 0.1.0\n");
  g_assert_cmpint (run_cli (&run, "check", "--help"), ==, 0);
  g_assert_nonnull (strstr (run.out, "--tolerance"));
  g_assert_cmpint (run_cli (&run, "export", "--help"), ==, 0);
  g_assert_nonnull (strstr (run.out, "--table"));
}

/* export ------------------------------------------------------------------ */

static char *
make_export_store (void)
{
  char *store = make_tmp ();

  write_file (store, "committees.json", "{'format': 'quorum.committees/1', 'committees': []}");
  write_file (store, "budgets/exp.json",
              "{'format': 'quorum.budget/1', 'id': 'exp', 'tables': [\n"
              " {'id': 'main', 'columns': [{'id': 'a', 'label': 'Plain'},\n"
              "   {'id': 'b', 'label': 'Cost, \\'net\\''}, {'id': 'c', 'label': 'Sum',"
              " 'sum': ['a', 'b']}],\n"
              "  'rows': [\n"
              "   {'id': 'g', 'label': 'Group', 'rows': [\n"
              "     {'id': 'x', 'label': 'Line, one', 'values': {'a': 1, 'b': null}},\n"
              "     {'id': 'y', 'label': 'Say \\'hi\\'', 'values': {'a': 2.5, 'b': 3}}]},\n"
              "   {'id': 'n', 'label': 'Nothing', 'values': {}}],\n"
              "  'total': {'label': 'Total', 'values': {'a': 3.5}}},\n"
              " {'id': 'other', 'columns': [{'id': 'q', 'label': 'Q'}],\n"
              "  'rows': [{'id': 'r', 'label': 'Two\\nlines', 'values': {'q': -0.05}}]}]}");
  write_file (store, "budgets/broken.json", "{'format': 'quorum.budget/1', 'id': 'broken'}");
  return store;
}

static const char main_csv[] =
  "Row,Plain,\"Cost, \"\"net\"\"\",Sum\r\n"
  "Group,3.50,3.00,6.50\r\n"
  "\"Line, one\",1.00,N/A,1.00\r\n"
  "\"Say \"\"hi\"\"\",2.50,3.00,5.50\r\n"
  "Nothing,,,\r\n"
  "Total,3.50,3.00,6.50\r\n";

static const char other_csv[] =
  "Row,Q\r\n"
  "\"Two\nlines\",-0.05\r\n";

static void
test_export_csv (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_export_store ();
  g_autofree char *both = g_strconcat (main_csv, "\r\n", other_csv, NULL);

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "export", "exp"), ==, 0);
  g_assert_cmpstr (run.out, ==, both);
  g_assert_cmpstr (run.err, ==, "");

  g_assert_cmpint (run_cli (&run, "--store", store, "export", "exp", "--format", "csv"), ==, 0);
  g_assert_cmpstr (run.out, ==, both);

  g_assert_cmpint (run_cli (&run, "--store", store, "export", "--table", "main", "exp"), ==, 0);
  g_assert_cmpstr (run.out, ==, main_csv);

  g_assert_cmpint (run_cli (&run, "--store", store, "export", "exp", "--table=other"), ==, 0);
  g_assert_cmpstr (run.out, ==, other_csv);

  /* an unknown table, an unknown document, a document that did not load */
  g_assert_cmpint (run_cli (&run, "--store", store, "export", "exp", "--table", "nope"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no table “nope” in document “exp”"));

  g_assert_cmpint (run_cli (&run, "--store", store, "export", "nope"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no budget document “nope”"));

  g_assert_cmpint (run_cli (&run, "--store", store, "export", "broken"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "broken.json"));
  g_assert_nonnull (strstr (run.err, "required member “tables” is missing"));

  quorum_test_rm_rf (store);
}

typedef struct
{
  const char *row;
  const char *column;
  const char *stated;     /* NULL: JSON null */
  const char *computed;
  const char *effective;
} Cell;

static void
assert_json_cell (JsonObject *cell,
                  const Cell *expected)
{
  static const char * const members[] = { "stated", "computed", "effective" };
  const char *values[] = { expected->stated, expected->computed, expected->effective };

  g_assert_cmpstr (json_object_get_string_member (cell, "row"), ==, expected->row);
  g_assert_cmpstr (json_object_get_string_member (cell, "column"), ==, expected->column);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (cell, members[i]);

      g_assert_nonnull (node);
      if (values[i] == NULL)
        g_assert_true (JSON_NODE_HOLDS_NULL (node));
      else
        g_assert_cmpstr (json_node_get_string (node), ==, values[i]);
    }
}

static void
test_export_json (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_export_store ();
  g_autoptr(JsonNode) root = NULL;
  static const Cell main_cells[] = {
    { "g", "a", NULL, "3.50", "3.50" },
    { "g", "b", NULL, "3.00", "3.00" },
    { "g", "c", NULL, "6.50", "6.50" },
    { "x", "a", "1.00", NULL, "1.00" },
    { "x", "b", NULL, NULL, NULL },
    { "x", "c", NULL, "1.00", "1.00" },
    { "y", "a", "2.50", NULL, "2.50" },
    { "y", "b", "3.00", NULL, "3.00" },
    { "y", "c", NULL, "5.50", "5.50" },
    { "n", "a", NULL, NULL, NULL },
    { "n", "b", NULL, NULL, NULL },
    { "n", "c", NULL, NULL, NULL },
    { "@total", "a", "3.50", "3.50", "3.50" },
    { "@total", "b", NULL, "3.00", "3.00" },
    { "@total", "c", NULL, "6.50", "6.50" },
  };
  JsonObject *object;
  JsonArray *tables, *cells;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "export", "exp", "--format", "json"), ==, 0);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "document"), ==, "exp");
  tables = json_object_get_array_member (object, "tables");
  g_assert_cmpuint (json_array_get_length (tables), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tables, 0),
                                                  "id"), ==, "main");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tables, 1),
                                                  "id"), ==, "other");

  cells = json_object_get_array_member (json_array_get_object_element (tables, 0), "cells");
  g_assert_cmpuint (json_array_get_length (cells), ==, G_N_ELEMENTS (main_cells));
  for (guint i = 0; i < G_N_ELEMENTS (main_cells); i++)
    assert_json_cell (json_array_get_object_element (cells, i), &main_cells[i]);
  /* N/A is marked as such */
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (cells, 4),
                                                 "na"));
  g_assert_false (json_object_has_member (json_array_get_object_element (cells, 3), "na"));

  cells = json_object_get_array_member (json_array_get_object_element (tables, 1), "cells");
  g_assert_cmpuint (json_array_get_length (cells), ==, 1);
  assert_json_cell (json_array_get_object_element (cells, 0),
                    &(Cell) { "r", "q", "-0.05", NULL, "-0.05" });

  /* one table */
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpint (run_cli (&run, "--store", store, "export", "exp", "--format=json",
                            "--table", "other"), ==, 0);
  root = parse_json (run.out);
  tables = json_object_get_array_member (json_node_get_object (root), "tables");
  g_assert_cmpuint (json_array_get_length (tables), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tables, 0),
                                                  "id"), ==, "other");

  quorum_test_rm_rf (store);
}

/* The sample store exports too; its first table's header is checked. */
static void
test_export_sample (void)
{
  g_auto(Run) run;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "export", "sec-budget-2018-21", "--table", "summary"), ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "Row,2017/18 Budget,2018/19 Estimated Budget,2018/19 Approved Budget\r\n"
                   "SEC Panel Budget,6995100.00,6753600.00,6767775.00\r\n");
}

/* Store selection ---------------------------------------------------------- */

/* A store whose only document, @id, has one finding naming it. */
static void
write_tagged_store (const char *path,
                    const char *id)
{
  g_autofree char *relpath = g_strdup_printf ("budgets/%s.json", id);
  g_autofree char *document =
    g_strdup_printf ("{'format': 'quorum.budget/1', 'id': '%s', 'tables': [{'id': 't',"
                     " 'columns': [{'id': 'a'}], 'rows': [{'id': 'x', 'values': {'a': 1}}],"
                     " 'total': {'values': {'a': 9}}}]}", id);

  write_file (path, "committees.json", "{'format': 'quorum.committees/1', 'committees': []}");
  write_file (path, relpath, document);
}

/* The document of the one finding `check` printed. */
static char *
checked_document (Run *run)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_cmpint (run->status, ==, 0);
  lines = split_lines (run->out);
  g_assert_cmpuint (lines->len, >=, 1);
  fields = g_strsplit (g_ptr_array_index (lines, 0), "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 8);
  return g_strdup (fields[1]);
}

static void
test_store_selection (void)
{
  g_auto(Run) run;
  g_autofree char *base = make_tmp ();
  g_autofree char *a = g_build_filename (base, "a", NULL);
  g_autofree char *b = g_build_filename (base, "b", NULL);
  g_autofree char *data_home = g_build_filename (base, "data", NULL);
  g_autofree char *empty_home = g_build_filename (base, "empty", NULL);
  g_autofree char *user_store = g_build_filename (data_home, "quorum", "store", NULL);
  g_autofree char *store_option = g_strdup_printf ("--store=%s", a);
  g_autofree char *doc = NULL;

  write_tagged_store (a, "from-option");
  write_tagged_store (b, "from-env");
  write_tagged_store (user_store, "from-user");
  g_assert_cmpint (g_mkdir_with_parents (empty_home, 0700), ==, 0);

  run_init (&run);
  run_setenv (&run, "QUORUM_STORE", b);
  run_setenv (&run, "XDG_DATA_HOME", data_home);

  /* --store first, in either spelling, before or after the command */
  run_cli (&run, "--store", a, "check");
  doc = checked_document (&run);
  g_assert_cmpstr (doc, ==, "from-option");
  g_clear_pointer (&doc, g_free);
  run_cli (&run, store_option, "check");
  doc = checked_document (&run);
  g_assert_cmpstr (doc, ==, "from-option");
  g_clear_pointer (&doc, g_free);
  run_cli (&run, "check", "--store", a);
  doc = checked_document (&run);
  g_assert_cmpstr (doc, ==, "from-option");
  g_clear_pointer (&doc, g_free);
  /* the later of two wins (and, under LeakSanitizer, nothing leaks) */
  run_cli (&run, "--store", b, "check", "--store", a);
  doc = checked_document (&run);
  g_assert_cmpstr (doc, ==, "from-option");
  g_clear_pointer (&doc, g_free);
  run_cli (&run, "--store", a, "--store", b, "check");
  doc = checked_document (&run);
  g_assert_cmpstr (doc, ==, "from-env");
  g_clear_pointer (&doc, g_free);

  /* then $QUORUM_STORE */
  run_cli (&run, "check");
  doc = checked_document (&run);
  g_assert_cmpstr (doc, ==, "from-env");
  g_clear_pointer (&doc, g_free);

  /* then the user's store, where it exists */
  run_setenv (&run, "QUORUM_STORE", NULL);
  run_cli (&run, "check");
  doc = checked_document (&run);
  g_assert_cmpstr (doc, ==, "from-user");
  g_clear_pointer (&doc, g_free);
  run_setenv (&run, "QUORUM_STORE", "");
  run_cli (&run, "check");
  doc = checked_document (&run);
  g_assert_cmpstr (doc, ==, "from-user");
  g_clear_pointer (&doc, g_free);

  /* else the sample store */
  run_setenv (&run, "XDG_DATA_HOME", empty_home);
  run_cli (&run, "check");
  doc = checked_document (&run);
  g_assert_true (g_str_has_prefix (doc, "sec-budget-20"));
  g_clear_pointer (&doc, g_free);

  /* which $QUORUM_SAMPLE_STORE names */
  run_setenv (&run, "QUORUM_SAMPLE_STORE", b);
  run_cli (&run, "check");
  doc = checked_document (&run);
  g_assert_cmpstr (doc, ==, "from-env");

  quorum_test_rm_rf (base);
}

/* Hostile stores ------------------------------------------------------------ */

static void
write_sparse (const char *path,
              goffset     size)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (stream), "[", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), size, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
}

/* Whatever is in the store, quorum-cli ends, and says what was wrong. */
static void
test_hostile_store (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_tmp ();
  g_autofree char *deep = g_strnfill (200000, '[');
  g_autofree char *huge = g_build_filename (store, "budgets", "huge.json", NULL);
  g_autofree char *binary_path = g_build_filename (store, "budgets", "binary.json", NULL);
  g_autofree char *committees_dir = g_build_filename (store, "committees.json", NULL);
  g_autofree char *budget_dir = g_build_filename (store, "budgets", "dir.json", NULL);
  g_autoptr(GString) long_number = g_string_new ("{'format': 'quorum.budget/1', 'id': 'long',"
                                                 " 'tables': [], 'n': ");
  g_autoptr(JsonNode) root = NULL;
  static const char binary[] = "\x00\xff\xfe{\x01\x02\"format\x00";
  static const char * const bad_files[] = {
    "deep.json", "huge.json", "binary.json", "loop.json", "columns.json", "long.json",
    "exponent.json", "utf8.json", "wp-x.json",
  };
  JsonArray *errors;
  g_autoptr(GError) error = NULL;

  /* the committee register is a folder */
  g_assert_cmpint (g_mkdir_with_parents (committees_dir, 0700), ==, 0);
  /* so is a budget; it is not a file and not read */
  g_assert_cmpint (g_mkdir_with_parents (budget_dir, 0700), ==, 0);
  write_file (store, "budgets/deep.json", deep);
  write_sparse (huge, 17 * 1024 * 1024);
  g_file_set_contents (binary_path, binary, sizeof binary - 1, &error);
  g_assert_no_error (error);
  write_file (store, "budgets/loop.json",
              "{'format': 'quorum.budget/1', 'id': 'loop', 'tables': [{'id': 't',"
              " 'columns': [{'id': 'a'}], 'rows': [{'id': 'g', 'rows': ["
              "  {'id': 'p', 'percent': 5, 'of': ['g']}]}]}]}");
  write_file (store, "budgets/columns.json",
              "{'format': 'quorum.budget/1', 'id': 'columns', 'tables': [{'id': 't',"
              " 'columns': [{'id': 'a', 'sum': ['b']}, {'id': 'b', 'difference': ['a', 'a']}],"
              " 'rows': [{'id': 'x'}]}]}");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (long_number, '9');
  g_string_append (long_number, "}");
  write_file (store, "budgets/long.json", long_number->str);
  write_file (store, "budgets/exponent.json",
              "{'format': 'quorum.budget/1', 'id': 'exponent', 'tables': [{'id': 't',"
              " 'columns': [{'id': 'a'}], 'rows': [{'id': 'x', 'values': {'a': 1e999999999}}]}]}");
  write_file (store, "budgets/utf8.json", "{'format': 'quorum.budget/1', 'id': '\xc3\x28'}");
  write_file (store, "work-packages/wp-x.json", "{'format': 'quorum.work-package/1'}");
  write_file (store, "decisions/wp-x/d.json", "null");

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "check"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    g_assert_nonnull (strstr (run.err, bad_files[i]));
  g_assert_nonnull (strstr (run.err, "committees.json"));
  g_assert_nonnull (strstr (run.err, "loop"));
  g_assert_null (strstr (run.err, "dir.json"));

  g_assert_cmpint (run_cli (&run, "--store", store, "check", "--format", "json"), ==, 1);
  root = parse_json (run.out);
  errors = json_object_get_array_member (json_node_get_object (root), "errors");
  g_assert_cmpuint (json_array_get_length (errors), >=, G_N_ELEMENTS (bad_files) + 1);

  g_assert_cmpint (run_cli (&run, "--store", store, "export", "loop"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "loop.json"));
  g_assert_null (strstr (run.err, "deep.json"));

  g_assert_cmpint (run_cli (&run, "--store", store, "export", "deep", "--format", "json"), ==, 1);
  g_assert_nonnull (strstr (run.err, "nested deeper than 64 levels"));

  quorum_test_rm_rf (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/check/text", test_check_text);
  g_test_add_func ("/cli/check/json", test_check_json);
  g_test_add_func ("/cli/check/tolerance", test_check_tolerance);
  g_test_add_func ("/cli/check/documents", test_check_documents);
  g_test_add_func ("/cli/check/broken-store", test_check_broken_store);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/export/csv", test_export_csv);
  g_test_add_func ("/cli/export/json", test_export_json);
  g_test_add_func ("/cli/export/sample", test_export_sample);
  g_test_add_func ("/cli/store-selection", test_store_selection);
  g_test_add_func ("/cli/hostile-store", test_hostile_store);

  return g_test_run ();
}
