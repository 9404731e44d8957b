/* test-cli.c: quorum-cli run as a process
 *
 * The executable is $QUORUM_CLI; the bundled sample store is
 * $QUORUM_SAMPLE_STORE. Every run has a time limit, so a hang is a failure
 * rather than a stuck test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-run.h"
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

/* Helpers ------------------------------------------------------------------ */

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
  { { "work-packages", "--quarter", "2020/21Q5" },
    "--quarter: “2020/21Q5” is not a quarter written like “2020/21 Q1”" },
  { { "work-packages", "--outcome", "maybe" },
    "--outcome is awaiting, approved, rejected or deferred, not “maybe”" },
  { { "work-packages", "--format", "xml" }, "--format is text or json, not “xml”" },
  { { "work-packages", "extra" }, "work-packages takes no arguments, only options; “extra”" },
  { { "decide" }, "decide needs a WORK-PACKAGE-ID and approve, reject or defer" },
  { { "decide", "wp-2020-21-q4-tabasc", "approve" }, "decide needs --by NAME" },
  { { "decide", "wp-2020-21-q4-tabasc", "approve", "--by", " \t " }, "decide needs --by NAME" },
  { { "decide", "wp-2020-21-q4-tabasc", "maybe", "--by", "X" },
    "the decision is approve, reject or defer, not “maybe”" },
  { { "decide", "wp-2020-21-q4-tabasc", "approve", "now", "--by=X" },
    "decide takes two arguments; “now” is extra" },
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
  /* so is a budget; it is not a file, not read, and reported */
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
  g_assert_nonnull (strstr (run.err, "dir.json"));

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

/* work-packages and decide ------------------------------------------------- */

/* The sample's packages no decision has been recorded on yet. Its
 * contingency drawdown has one, a deferral, so it is not among them. */
static const char * const sample_awaiting[] = {
  "wp-2020-21-q4-party-engagement", "wp-2020-21-q4-privacy",
  "wp-2020-21-project-security-threat-mapping", "wp-2020-21-q4-ssc", "wp-2020-21-q4-tabasc",
  NULL
};

static JsonNode *
read_json (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return parse_json (text);
}

/* An amount of a JSON file, in hundredths; it has at most two decimals. */
static gint64
node_hundredths (JsonNode *node)
{
  double value;
  gint64 hundredths;

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node) * 100;
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
  value = json_node_get_double (node);
  hundredths = (gint64) (value * 100 + (value < 0 ? -0.5 : 0.5));
  g_assert_cmpfloat_with_epsilon (hundredths / 100.0, value, 1e-6);
  return hundredths;
}

/* Hundredths with two decimals, written here rather than by the core. */
static char *
format_hundredths (gint64 value)
{
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", value < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

static const char *
optional_string (JsonObject *object,
                 const char *member)
{
  return json_object_has_member (object, member) ? string_member (object, member) : NULL;
}

/* What decisions/PACKAGE/ of @store makes the outcome: the latest decision
 * by time, then by id, read from the files; "awaiting" without one, and a
 * "*" when that decision has an outbox marker. */
static char *
expected_outcome (const char *store,
                  const char *package_id)
{
  g_autofree char *folder = g_build_filename (store, "decisions", package_id, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GDateTime) latest_at = NULL;
  g_autofree char *latest_id = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *marker_name = NULL;
  const char *outcome;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(JsonNode) root = read_json (path);
      JsonObject *object = json_node_get_object (root);
      const char *id = string_member (object, "id");
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (string_member (object, "at"),
                                                               NULL);
      int order;

      g_assert_nonnull (at);
      order = latest_at == NULL ? 1 : g_date_time_compare (at, latest_at);
      if (order > 0 || (order == 0 && strcmp (id, latest_id) > 0))
        {
          g_clear_pointer (&latest_at, g_date_time_unref);
          latest_at = g_date_time_ref (at);
          g_free (latest_id);
          latest_id = g_strdup (id);
          g_free (latest);
          latest = g_strdup (string_member (object, "decision"));
        }
    }

  if (latest == NULL)
    return g_strdup ("awaiting");
  outcome = g_str_equal (latest, "approve") ? "approved"
            : g_str_equal (latest, "reject") ? "rejected" : "deferred";
  marker_name = g_strconcat (latest_id, ".json", NULL);
  marker = g_build_filename (store, ".quorum", "outbox", package_id, marker_name, NULL);
  return g_strconcat (outcome, g_file_test (marker, G_FILE_TEST_IS_REGULAR) ? "*" : "", NULL);
}

/* The `work-packages` line of a package, from its file and its decisions. */
static char *
expected_package_line (const char *store,
                       const char *file)
{
  g_autoptr(JsonNode) root = read_json (file);
  JsonObject *object = json_node_get_object (root);
  JsonObject *estimate = json_object_get_object_member (object, "estimate");
  const char *id = string_member (object, "id");
  const char *committee = optional_string (object, "committee");
  g_autofree char *outcome = expected_outcome (store, id);
  g_autofree char *cost = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *variance = NULL;
  gint64 estimated;

  g_assert_nonnull (estimate);
  estimated = node_hundredths (json_object_get_member (estimate, "cost"));
  cost = format_hundredths (estimated);
  if (json_object_has_member (object, "actual"))
    {
      JsonObject *out_turn = json_object_get_object_member (object, "actual");
      gint64 spent = node_hundredths (json_object_get_member (out_turn, "cost"));

      actual = format_hundredths (spent);
      variance = format_hundredths (spent - estimated);
    }

  return g_strjoin ("\t", id, string_member (object, "quarter"),
                    committee != NULL ? committee : "-", string_member (object, "kind"),
                    string_member (object, "status"), outcome, cost,
                    actual != NULL ? actual : "-", variance != NULL ? variance : "-",
                    string_member (object, "title"), NULL);
}

/* Every package's expected line, in no particular order. */
static GPtrArray *
expected_package_lines (const char *store)
{
  g_autofree char *folder = g_build_filename (store, "work-packages", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_ptr_array_add (lines, expected_package_line (store, path));
    }
  return lines;
}

/* Order of `work-packages`: quarter, committee (none first), id. */
static int
compare_package_lines (const char *a,
                       const char *b)
{
  g_auto(GStrv) fa = g_strsplit (a, "\t", -1);
  g_auto(GStrv) fb = g_strsplit (b, "\t", -1);
  int order = strcmp (fa[1], fb[1]);

  if (order == 0 && !g_str_equal (fa[2], fb[2]))
    order = g_str_equal (fa[2], "-") ? -1 : g_str_equal (fb[2], "-") ? 1 : strcmp (fa[2], fb[2]);
  return order != 0 ? order : strcmp (fa[0], fb[0]);
}

/* Checks the shape and order of `work-packages` text output. */
static GPtrArray *
package_lines (const char *out)
{
  GPtrArray *lines = split_lines (out);

  g_assert_true (out[0] == '\0' || g_str_has_suffix (out, "\n"));
  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (lines, i), "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 10);
      g_assert_true (quorum_quarter_is_valid (fields[1]));
      g_assert_true (is_amount (fields[6]));
      g_assert_true (g_str_equal (fields[7], "-") || is_amount (fields[7]));
      g_assert_true (g_str_equal (fields[8], "-") || is_amount (fields[8]));
      g_assert_true (g_str_equal (fields[7], "-") == g_str_equal (fields[8], "-"));
      if (i > 0)
        g_assert_cmpint (compare_package_lines (g_ptr_array_index (lines, i - 1),
                                                g_ptr_array_index (lines, i)), <, 0);
    }
  return lines;
}

/* The OUTCOME of a `work-packages` line, without its "*". */
static char *
line_outcome (const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);

  g_assert_cmpuint (g_strv_length (fields), ==, 10);
  return g_strndup (fields[5], strcspn (fields[5], "*"));
}

/* The fields of the line of @id, or NULL. */
static GStrv
package_fields (GPtrArray  *lines,
                const char *id)
{
  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (lines, i), "\t", -1);

      if (g_str_equal (fields[0], id))
        return g_steal_pointer (&fields);
    }
  return NULL;
}

static char *
package_outcome (GPtrArray  *lines,
                 const char *id)
{
  g_auto(GStrv) fields = package_fields (lines, id);

  g_assert_nonnull (fields);
  return g_strdup (fields[5]);
}

/* The ids of `work-packages` text output, joined by spaces, in order. */
static char *
package_ids (const char *out)
{
  g_autoptr(GPtrArray) lines = package_lines (out);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (lines, i), "\t", -1);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", fields[0]);
    }
  return g_strdup (ids->str);
}

/* Asserts a line FILE[:LINE:COLUMN]: PATH: … on stderr, with @message in it. */
static void
assert_problem (const char *err,
                const char *file,
                const char *path,
                const char *message)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  g_autofree char *infix = g_strdup_printf (": %s: ", path);
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL && !found; i++)
    found = g_str_has_prefix (lines[i], file) && lines[i][strlen (file)] == ':' &&
            strstr (lines[i], infix) != NULL && strstr (lines[i], message) != NULL;
  if (!found)
    g_test_message ("stderr has no “%s: %s: …%s…”", file, path, message);
  g_assert_true (found);
}

static JsonObject *
json_package (JsonNode   *root,
              const char *id)
{
  JsonArray *list = json_object_get_array_member (json_node_get_object (root),
                                                  "work_packages");

  g_assert_nonnull (list);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *package = json_array_get_object_element (list, i);

      if (g_str_equal (string_member (package, "id"), id))
        return package;
    }
  g_test_message ("no work package “%s” in the JSON output", id);
  g_assert_not_reached ();
}

/* Copies a folder tree with plain reads and writes. */
static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  dir = g_dir_open (from, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        {
          copy_tree (source, target);
          continue;
        }
      g_file_get_contents (source, &data, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (target, data, length, &error);
      g_assert_no_error (error);
    }
}

/* A temporary copy of the bundled sample store. */
static char *
make_sample_copy (void)
{
  char *store = make_tmp ();

  copy_tree (g_getenv ("QUORUM_SAMPLE_STORE"), store);
  return store;
}

static void
list_tree_into (const char *root,
                const char *relative,
                GPtrArray  *names)
{
  g_autofree char *folder = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *path = g_build_filename (root, child, NULL);
      gsize size = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (names, g_strconcat (child, "/", NULL));
          list_tree_into (root, child, names);
          continue;
        }
      {
        GStatBuf buf;

        g_assert_cmpint (g_stat (path, &buf), ==, 0);
        size = (gsize) buf.st_size;
      }
      g_ptr_array_add (names, g_strdup_printf ("%s %" G_GSIZE_FORMAT, child, size));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every file (with its size) and folder under @root, hidden ones too. */
static char *
list_tree (const char *root)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  list_tree_into (root, "", names);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* The names in a folder, hidden ones too, sorted and joined by spaces. */
static char *
folder_names (const char *folder)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The seal the store format gives a decision's fields, computed here. */
static char *
expected_seal (JsonObject *decision)
{
  static const char * const fields[] = {
    "format", "id", "work_package", "decision", "by", "role", "at", "comment",
  };
  g_autoptr(GString) canonical = g_string_new (NULL);
  g_autofree char *digest = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = optional_string (decision, fields[i]);

      if (value == NULL)
        g_string_append (canonical, "-\n");
      else
        g_string_append_printf (canonical, "%" G_GSIZE_FORMAT ":%s\n", strlen (value), value);
    }
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical->str, canonical->len);
  return g_strconcat ("sha256:", digest, NULL);
}

/* The file `decide` says it wrote; it exists. */
static char *
decided_file (Run *run)
{
  g_auto(GStrv) lines = g_strsplit (run->out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "File: "))
      {
        g_assert_true (g_file_test (lines[i] + 6, G_FILE_TEST_IS_REGULAR));
        return g_strdup (lines[i] + 6);
      }
  g_test_message ("no “File: ” line in: %s", run->out);
  g_assert_not_reached ();
}

static void
test_work_packages_text (void)
{
  g_auto(Run) run;
  const char *sample = g_getenv ("QUORUM_SAMPLE_STORE");
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) expected = expected_package_lines (sample);
  g_autoptr(GPtrArray) awaiting = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) fields = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *line = NULL;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "work-packages"), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = package_lines (run.out);
  g_assert_cmpuint (lines->len, ==, 40);

  /* the outcomes follow the decision files: the packages without one await
   * a decision, the others have their latest */
  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(GStrv) row = g_strsplit (g_ptr_array_index (lines, i), "\t", -1);

      if (g_str_equal (row[5], "awaiting"))
        g_ptr_array_add (awaiting, g_strdup (row[0]));
    }
  g_ptr_array_add (awaiting, NULL);
  g_assert_true (g_strv_equal ((const char * const *) awaiting->pdata, sample_awaiting));
  outcome = package_outcome (lines, "wp-2020-21-contingency-opsg");
  g_assert_cmpstr (outcome, ==, "deferred");
  g_clear_pointer (&outcome, g_free);
  /* deferred, then approved */
  outcome = package_outcome (lines, "wp-2020-21-q1-ssc");
  g_assert_cmpstr (outcome, ==, "approved");

  /* one line as read from its file; no committee is "-" */
  fields = package_fields (lines, "wp-2020-21-q4-tabasc");
  g_assert_nonnull (fields);
  line = g_strjoinv ("\t", fields);
  g_assert_cmpstr (line, ==,
                   "wp-2020-21-q4-tabasc\t2020/21 Q4\ttabasc\tquarterly\tsubmitted\tawaiting\t"
                   "168569.00\t-\t-\tTABASC support, January to March 2021");
  g_clear_pointer (&fields, g_strfreev);
  fields = package_fields (lines, "wp-2020-21-q4-privacy");
  g_assert_nonnull (fields);
  g_assert_cmpstr (fields[2], ==, "-");

  /* every line: estimate, out-turn and variance as in the package files */
  g_assert_cmpuint (expected->len, ==, 40);
  quorum_test_assert_same_lines (lines, expected);
}

/* Each filter lists exactly the lines of the full list it matches, in order. */
typedef struct
{
  const char *args[8];
  const char *quarter;
  const char *outcome;
  const char *committee;
  guint n;
  const char *ids;        /* the packages listed, or NULL */
} Filter;

static const Filter filters[] = {
  { { "--quarter", "2020/21 Q4" }, "2020/21 Q4", NULL, NULL, 11, NULL },
  { { "--outcome", "awaiting" }, NULL, "awaiting", NULL, 5,
    "wp-2020-21-q4-party-engagement wp-2020-21-q4-privacy "
    "wp-2020-21-project-security-threat-mapping wp-2020-21-q4-ssc wp-2020-21-q4-tabasc" },
  { { "--quarter", "2020/21 Q4", "--committee", "opsg", "--outcome", "approved" },
    "2020/21 Q4", "approved", "opsg", 1, "wp-2020-21-q4-opsg" },
  { { "--format", "text", "--outcome", "awaiting", "--committee", "ssc" }, NULL, "awaiting",
    "ssc", 2,
    "wp-2020-21-project-security-threat-mapping wp-2020-21-q4-ssc" },
  { { "--committee", "pfcg" }, NULL, NULL, "pfcg", 0, "" },
};

static gboolean
filter_matches (const Filter *filter,
                const char   *line)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  g_autofree char *outcome = line_outcome (line);

  return (filter->quarter == NULL || g_str_equal (filter->quarter, fields[1])) &&
         (filter->outcome == NULL || g_str_equal (filter->outcome, outcome)) &&
         (filter->committee == NULL || g_str_equal (filter->committee, fields[2]));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return compare_package_lines (*(const char * const *) a, *(const char * const *) b);
}

static void
test_work_packages_filters (void)
{
  g_auto(Run) run;
  g_autoptr(GPtrArray) all_lines = expected_package_lines (g_getenv ("QUORUM_SAMPLE_STORE"));

  /* the whole list as the files give it, in order */
  g_ptr_array_sort (all_lines, compare_lines);
  run_init (&run);

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(GString) expected = g_string_new (NULL);
      guint n = 0;

      g_ptr_array_add (args, "work-packages");
      for (guint i = 0; filters[f].args[i] != NULL; i++)
        g_ptr_array_add (args, (char *) filters[f].args[i]);
      g_ptr_array_add (args, NULL);
      for (guint i = 0; i < all_lines->len; i++)
        if (filter_matches (&filters[f], g_ptr_array_index (all_lines, i)))
          {
            g_string_append_printf (expected, "%s\n", (char *) g_ptr_array_index (all_lines, i));
            n++;
          }

      g_assert_cmpint (run_argv (&run, (const char * const *) args->pdata), ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpstr (run.out, ==, expected->str);
      g_assert_cmpuint (n, ==, filters[f].n);
      if (filters[f].ids != NULL)
        {
          g_autofree char *ids = package_ids (run.out);

          g_assert_cmpstr (ids, ==, filters[f].ids);
        }
    }

  /* a committee the register does not have */
  g_assert_cmpint (run_cli (&run, "work-packages", "--committee", "nosuch"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no committee “nosuch”"));
}

static void
test_work_packages_json (void)
{
  g_auto(Run) run;
  const char *sample = g_getenv ("QUORUM_SAMPLE_STORE");
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *previous = NULL;
  JsonObject *object, *package, *ref;
  JsonArray *list;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "work-packages", "--format", "json"), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")),
                    ==, 0);
  list = json_object_get_array_member (object, "work_packages");
  g_assert_nonnull (list);
  g_assert_cmpuint (json_array_get_length (list), ==, 40);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      const char *id;
      g_autofree char *name = NULL;
      g_autofree char *file = NULL;
      g_autofree char *folder = NULL;
      g_autofree char *estimate = NULL;
      g_autofree char *outcome = NULL;
      g_autoptr(JsonNode) file_root = NULL;
      g_autofree char *key = NULL;
      g_autoptr(GDir) dir = NULL;
      JsonObject *source;
      JsonArray *decisions;
      guint n_files = 0;

      package = json_array_get_object_element (list, i);
      id = string_member (package, "id");
      /* the text's order: quarter, committee, id */
      key = g_strjoin ("\t", id, string_member (package, "quarter"),
                       json_object_get_null_member (package, "committee")
                         ? "-" : string_member (package, "committee"), NULL);
      if (previous != NULL)
        g_assert_cmpint (compare_package_lines (previous, key), <, 0);
      g_free (previous);
      previous = g_steal_pointer (&key);

      name = g_strconcat (id, ".json", NULL);
      file = g_build_filename (sample, "work-packages", name, NULL);
      file_root = read_json (file);
      source = json_node_get_object (file_root);
      estimate = format_hundredths (node_hundredths (
        json_object_get_member (json_object_get_object_member (source, "estimate"), "cost")));
      g_assert_cmpstr (string_member (package, "estimate"), ==, estimate);
      g_assert_true (is_amount (string_member (package, "estimate")));
      g_assert_cmpstr (string_member (package, "quarter"), ==,
                       string_member (source, "quarter"));
      g_assert_cmpstr (string_member (package, "status"), ==, string_member (source, "status"));
      g_assert_cmpstr (string_member (package, "title"), ==, string_member (source, "title"));
      if (json_object_has_member (source, "actual"))
        g_assert_true (is_amount (string_member (package, "actual")));
      else
        g_assert_true (json_object_get_null_member (package, "actual"));
      outcome = expected_outcome (sample, id);
      g_assert_cmpstr (string_member (package, "outcome"), ==, outcome);

      /* every decision file, each sealed and synced */
      folder = g_build_filename (sample, "decisions", id, NULL);
      dir = g_dir_open (folder, 0, NULL);
      while (dir != NULL && g_dir_read_name (dir) != NULL)
        n_files++;
      decisions = json_object_get_array_member (package, "decisions");
      g_assert_nonnull (decisions);
      g_assert_cmpuint (json_array_get_length (decisions), ==, n_files);
      for (guint d = 0; d < json_array_get_length (decisions); d++)
        {
          JsonObject *decision = json_array_get_object_element (decisions, d);
          g_autofree char *decision_name =
            g_strconcat (string_member (decision, "id"), ".json", NULL);

          g_assert_cmpstr (string_member (decision, "seal"), ==, "valid");
          g_assert_false (json_object_get_boolean_member (decision, "pending_sync"));
          g_assert_true (g_str_has_prefix (string_member (decision, "file"), folder));
          g_assert_true (g_str_has_suffix (string_member (decision, "file"), decision_name));
          if (d > 0)
            g_assert_cmpstr (string_member (json_array_get_object_element (decisions, d - 1),
                                            "at"), <=, string_member (decision, "at"));
        }
    }

  /* deferred, then approved: both shown, oldest first */
  package = json_package (root, "wp-2020-21-q1-ssc");
  list = json_object_get_array_member (package, "decisions");
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_cmpstr (string_member (json_array_get_object_element (list, 0), "decision"), ==,
                   "defer");
  g_assert_cmpstr (string_member (json_array_get_object_element (list, 1), "decision"), ==,
                   "approve");
  g_assert_cmpstr (string_member (package, "outcome"), ==, "approved");
  g_assert_true (is_amount (string_member (package, "variance")));
  g_assert_true (is_amount (string_member (package, "variance_percent")));

  /* a package awaiting a decision, with its budget line */
  package = json_package (root, "wp-2020-21-q4-tabasc");
  g_assert_cmpstr (string_member (package, "estimate"), ==, "168569.00");
  g_assert_cmpstr (string_member (package, "outcome"), ==, "awaiting");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (package, "decisions")),
                    ==, 0);
  g_assert_true (json_object_get_null_member (package, "variance"));
  ref = json_object_get_object_member (package, "budget_ref");
  g_assert_nonnull (ref);
  g_assert_cmpstr (string_member (ref, "document"), ==, "sec-budget-2020-23");
  g_assert_cmpstr (string_member (ref, "table"), ==, "costs-by-committee");
  g_assert_cmpstr (string_member (ref, "row"), ==, "tabasc");
  g_assert_true (is_amount (string_member (ref, "provision")));
  g_assert_true (json_object_get_null_member (ref, "problem"));
}

/* Records decisions on a copy of the sample store. */
static void
test_decide (void)
{
  g_auto(Run) run;
  const char *sample = g_getenv ("QUORUM_SAMPLE_STORE");
  g_autofree char *sample_before = list_tree (sample);
  g_autofree char *sample_after = NULL;
  g_autofree char *store = make_sample_copy ();
  g_autofree char *store_after = NULL;
  g_autofree char *folder = g_build_filename (store, "decisions", "wp-2020-21-q4-tabasc", NULL);
  g_autofree char *file = NULL;
  g_autofree char *base = NULL;
  g_autofree char *marker_name = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *recorded = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) marker_root = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_auto(GStrv) fields = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *stamp = NULL;
  JsonObject *decision, *package;
  JsonArray *decisions;
  const char *comment = "As the “TBEC” plan says: \"within provision\".\nSee minutes.";
  gboolean same_second = FALSE;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-2020-21-q4-tabasc", "approve",
                            "--by", "Zoë O'Brien", "--role", "SECCo Board",
                            "--comment", comment), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  file = decided_file (&run);
  g_assert_true (g_str_has_prefix (file, folder));
  g_assert_true (g_str_has_suffix (file, "-zoe-o-brien.json"));
  base = g_path_get_basename (file);
  g_assert_true (g_regex_match_simple ("^[0-9]{8}t[0-9]{6}z-zoe-o-brien\\.json$", base, 0, 0));
  g_assert_nonnull (strstr (run.out, "Outcome: approved (awaiting sync)\n"));

  /* the file: the fields given, sealed */
  root = read_json (file);
  decision = json_node_get_object (root);
  g_assert_cmpstr (string_member (decision, "format"), ==, "quorum.decision/1");
  g_assert_true (g_str_has_prefix (base, string_member (decision, "id")));
  g_assert_cmpuint (strlen (base), ==, strlen (string_member (decision, "id")) + 5);
  g_assert_cmpstr (string_member (decision, "work_package"), ==, "wp-2020-21-q4-tabasc");
  g_assert_cmpstr (string_member (decision, "decision"), ==, "approve");
  g_assert_cmpstr (string_member (decision, "by"), ==, "Zoë O'Brien");
  g_assert_cmpstr (string_member (decision, "role"), ==, "SECCo Board");
  g_assert_cmpstr (string_member (decision, "comment"), ==, comment);
  at = g_date_time_new_from_iso8601 (string_member (decision, "at"), NULL);
  g_assert_nonnull (at);
  g_assert_true (g_str_has_suffix (string_member (decision, "at"), "Z"));
  stamp = g_date_time_format (at, "%Y%m%dt%H%M%Sz-");
  g_assert_true (g_str_has_prefix (base, stamp));
  recorded = g_strdup_printf ("Recorded approve on wp-2020-21-q4-tabasc by Zoë O'Brien at %s\n",
                              string_member (decision, "at"));
  g_assert_true (g_str_has_prefix (run.out, recorded));
  g_assert_true (g_str_has_prefix (string_member (decision, "seal"), "sha256:"));
  seal = expected_seal (decision);
  g_assert_cmpstr (string_member (decision, "seal"), ==, seal);
  g_assert_cmpuint (json_object_get_size (decision), ==, 9);

  /* awaiting sync: a marker in the outbox; no temporary file is left */
  marker_name = g_strconcat (string_member (decision, "id"), ".json", NULL);
  marker = g_build_filename (store, ".quorum", "outbox", "wp-2020-21-q4-tabasc", marker_name,
                             NULL);
  g_assert_true (g_file_test (marker, G_FILE_TEST_IS_REGULAR));
  marker_root = read_json (marker);
  g_assert_cmpstr (string_member (json_node_get_object (marker_root), "seal"), ==, seal);
  listing = folder_names (folder);
  g_assert_cmpstr (listing, ==, base);

  /* the package's outcome is now approved, awaiting sync; the list still
   * follows the files, markers included */
  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages", "--outcome", "approved"),
                   ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = package_lines (run.out);
  fields = package_fields (lines, "wp-2020-21-q4-tabasc");
  g_assert_nonnull (fields);
  g_assert_cmpstr (fields[5], ==, "approved*");
  expected = expected_package_lines (store);
  for (guint i = expected->len; i > 0; i--)
    {
      g_autofree char *outcome = line_outcome (g_ptr_array_index (expected, i - 1));

      if (!g_str_equal (outcome, "approved"))
        g_ptr_array_remove_index (expected, i - 1);
    }
  g_assert_cmpuint (expected->len, ==, 34);
  quorum_test_assert_same_lines (lines, expected);
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_clear_pointer (&fields, g_strfreev);

  /* Two decisions by one person in one second: the second gets its own
   * file, -2, and is the outcome. Each try starts as a second begins. */
  for (guint attempt = 0; attempt < 5 && !same_second; attempt++)
    {
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *first_at = NULL;
      g_autofree char *want = NULL;
      g_autofree char *second_name = NULL;
      g_autoptr(JsonNode) first_root = NULL;
      g_autoptr(JsonNode) second_root = NULL;
      JsonObject *second_decision;

      g_usleep (G_USEC_PER_SEC - g_get_real_time () % G_USEC_PER_SEC);
      g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-2020-21-q4-ssc",
                                "approve", "--by", "Zoë O'Brien"), ==, 0);
      first = decided_file (&run);
      g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-2020-21-q4-ssc",
                                "reject", "--by", "Zoë O'Brien"), ==, 0);
      second = decided_file (&run);
      g_assert_cmpstr (first, !=, second);
      g_assert_nonnull (strstr (run.out, "Outcome: rejected (awaiting sync)\n"));

      first_root = read_json (first);
      second_root = read_json (second);
      first_at = g_strdup (string_member (json_node_get_object (first_root), "at"));
      second_decision = json_node_get_object (second_root);
      if (!g_str_equal (first_at, string_member (second_decision, "at")))
        continue;
      same_second = TRUE;

      g_assert_true (g_str_has_suffix (first, "-zoe-o-brien.json"));
      want = g_strdup_printf ("%.*s-2.json", (int) (strlen (first) - 5), first);
      g_assert_cmpstr (second, ==, want);
      second_name = g_strconcat (string_member (second_decision, "id"), ".json", NULL);
      g_assert_true (g_str_has_suffix (second, second_name));
      g_assert_true (g_str_has_suffix (second_name, "-zoe-o-brien-2.json"));
      g_free (seal);
      seal = expected_seal (second_decision);
      g_assert_cmpstr (string_member (second_decision, "seal"), ==, seal);
      g_assert_cmpstr (string_member (json_node_get_object (first_root), "decision"), ==,
                       "approve");
      g_assert_cmpstr (string_member (second_decision, "decision"), ==, "reject");
    }
  /* Under valgrind two runs never fit in one second; the suffix itself is
   * tested in-process by test-work-packages (/work-packages/decide-collision). */
  if (!same_second)
    g_test_message ("two decisions never landed in the same second: the -2 check did not run");

  /* both packages in JSON: the new decisions sealed and awaiting sync */
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages", "--format", "json",
                            "--quarter", "2020/21 Q4"), ==, 0);
  root = parse_json (run.out);
  package = json_package (root, "wp-2020-21-q4-tabasc");
  g_assert_cmpstr (string_member (package, "outcome"), ==, "approved");
  decisions = json_object_get_array_member (package, "decisions");
  g_assert_cmpuint (json_array_get_length (decisions), ==, 1);
  decision = json_array_get_object_element (decisions, 0);
  g_assert_cmpstr (string_member (decision, "seal"), ==, "valid");
  g_assert_true (json_object_get_boolean_member (decision, "pending_sync"));
  g_assert_cmpstr (string_member (decision, "by"), ==, "Zoë O'Brien");
  g_assert_cmpstr (string_member (decision, "comment"), ==, comment);
  g_assert_cmpstr (string_member (decision, "file"), ==, file);
  package = json_package (root, "wp-2020-21-q4-ssc");
  g_assert_cmpstr (string_member (package, "outcome"), ==, "rejected");
  decisions = json_object_get_array_member (package, "decisions");
  g_assert_cmpuint (json_array_get_length (decisions), >=, 2);
  decision = json_array_get_object_element (decisions, json_array_get_length (decisions) - 1);
  if (same_second)
    g_assert_true (g_str_has_suffix (string_member (decision, "id"), "-zoe-o-brien-2"));
  g_assert_cmpstr (string_member (decision, "seal"), ==, "valid");
  g_assert_true (json_object_get_boolean_member (decision, "pending_sync"));

  /* a package the store does not have, a closed one: nothing is written */
  g_free (listing);
  listing = list_tree (store);
  g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-nosuch", "approve",
                            "--by", "X"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no work package “wp-nosuch”"));
  g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-2020-21-q1-opsg", "reject",
                            "--by", "X"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "wp-2020-21-q1-opsg is closed"));
  store_after = list_tree (store);
  g_assert_cmpstr (store_after, ==, listing);

  /* the sample store itself was never touched */
  sample_after = list_tree (sample);
  g_assert_cmpstr (sample_after, ==, sample_before);

  quorum_test_rm_rf (store);
}

/* A fixture store: one committee and one budget document whose tables give
 * provisions for 2020/21 only. */
static char *
make_package_store (void)
{
  char *store = make_tmp ();

  write_file (store, "committees.json",
              "{'format': 'quorum.committees/1', 'committees': [{'id': 'opsg'}]}");
  write_file (store, "budgets/b.json",
              "{'format': 'quorum.budget/1', 'id': 'b', 'tables': [\n"
              " {'id': 't', 'columns': [{'id': 'y20', 'year': '2020/21', 'phase': 'approved'}],\n"
              "  'rows': [{'id': 'opsg', 'label': 'OPSG', 'values': {'y20': 1000}}]},\n"
              " {'id': 'costs', 'columns': [\n"
              "   {'id': 'est', 'year': '2020/21', 'phase': 'estimated'},\n"
              "   {'id': 'core', 'year': '2020/21', 'phase': 'approved'},\n"
              "   {'id': 'sme', 'year': '2020/21', 'phase': 'approved'},\n"
              "   {'id': 'total', 'year': '2020/21', 'phase': 'approved',"
              " 'sum': ['core', 'sme']}],\n"
              "  'rows': [{'id': 'tag', 'label': 'TAG',"
              " 'values': {'est': 50, 'core': 300, 'sme': 45.5}}]},\n"
              " {'id': 'phases', 'columns': [\n"
              "   {'id': 'draft', 'year': '2020/21', 'phase': 'draft'},\n"
              "   {'id': 'est', 'year': '2020/21', 'phase': 'estimated'}],\n"
              "  'rows': [{'id': 'ssc', 'label': 'SSC', 'values': {'draft': 70, 'est': 60}}]},\n"
              " {'id': 'tied', 'columns': [\n"
              "   {'id': 'a', 'year': '2020/21', 'phase': 'approved'},\n"
              "   {'id': 'b', 'year': '2020/21', 'phase': 'approved'}],\n"
              "  'rows': [{'id': 'x', 'values': {'a': 1, 'b': 2}}]}]}");
  return store;
}

/* Writes work-packages/ID.json: a submitted package, with @extra members. */
static void
write_package (const char *store,
               const char *id,
               const char *quarter,
               const char *extra)
{
  g_autofree char *relpath = g_strdup_printf ("work-packages/%s.json", id);
  g_autofree char *text =
    g_strdup_printf ("{'format': 'quorum.work-package/1', 'id': '%s', 'kind': 'quarterly',\n"
                     " 'quarter': '%s', 'title': 'Package %s', 'estimate': {'cost': 100},\n"
                     " 'status': 'submitted'%s%s}\n",
                     id, quarter, id, extra != NULL ? ", " : "", extra != NULL ? extra : "");

  write_file (store, relpath, text);
}

/* Writes decisions/PACKAGE/ID.json, unsealed, as a person would. */
static void
write_decision (const char *store,
                const char *package,
                const char *id,
                const char *decision,
                const char *at)
{
  g_autofree char *relpath = g_strdup_printf ("decisions/%s/%s.json", package, id);
  g_autofree char *text =
    g_strdup_printf ("{'format': 'quorum.decision/1', 'id': '%s', 'work_package': '%s',\n"
                     " 'decision': '%s', 'by': 'A Person', 'at': '%s'}\n",
                     id, package, decision, at);

  write_file (store, relpath, text);
}

static char *
store_file (const char *store,
            const char *relpath)
{
  return g_build_filename (store, relpath, NULL);
}

/* Where nothing may be written: the sample store, drafts, withdrawn packages. */
static void
test_decide_refused (void)
{
  g_auto(Run) run;
  const char *sample = g_getenv ("QUORUM_SAMPLE_STORE");
  g_autofree char *sample_before = list_tree (sample);
  g_autofree char *sample_after = NULL;
  g_autofree char *fixture = make_package_store ();
  g_autofree char *fixture_before = NULL;
  g_autofree char *fixture_after = NULL;
  g_autofree char *dotdot = g_build_filename (sample, "budgets", "..", NULL);

  run_init (&run);

  /* the bundled sample store, however it is named, and as the default store */
  g_assert_cmpint (run_cli (&run, "--store", sample, "decide", "wp-2020-21-q4-tabasc",
                            "approve", "--by", "X"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "read-only"));
  g_assert_cmpint (run_cli (&run, "--store", dotdot, "decide", "wp-2020-21-q4-tabasc",
                            "reject", "--by", "X"), ==, 1);
  g_assert_nonnull (strstr (run.err, "read-only"));
  g_assert_cmpint (run_cli (&run, "decide", "wp-2020-21-q4-ssc", "defer", "--by", "X"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "read-only"));
  sample_after = list_tree (sample);
  g_assert_cmpstr (sample_after, ==, sample_before);

  /* drafts and withdrawn packages are not for the Board */
  write_file (fixture, "work-packages/wp-draft.json",
              "{'format': 'quorum.work-package/1', 'id': 'wp-draft', 'kind': 'quarterly',"
              " 'quarter': '2020/21 Q1', 'title': 'Draft', 'estimate': {'cost': 1},"
              " 'status': 'draft'}");
  write_file (fixture, "work-packages/wp-withdrawn.json",
              "{'format': 'quorum.work-package/1', 'id': 'wp-withdrawn', 'kind': 'quarterly',"
              " 'quarter': '2020/21 Q1', 'title': 'Withdrawn', 'estimate': {'cost': 1},"
              " 'status': 'withdrawn'}");
  fixture_before = list_tree (fixture);
  g_assert_cmpint (run_cli (&run, "--store", fixture, "decide", "wp-draft", "approve",
                            "--by", "X"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "wp-draft is a draft"));
  g_assert_cmpint (run_cli (&run, "--store", fixture, "decide", "wp-withdrawn", "approve",
                            "--by", "X"), ==, 1);
  g_assert_nonnull (strstr (run.err, "wp-withdrawn was withdrawn"));
  fixture_after = list_tree (fixture);
  g_assert_cmpstr (fixture_after, ==, fixture_before);

  quorum_test_rm_rf (fixture);
}

/* (1) A decision on a package the store does not have. */
static void
test_work_packages_orphan_decision (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_package_store ();
  g_autofree char *orphan = NULL;
  g_autofree char *ids = NULL;

  write_package (store, "wp-a", "2020/21 Q1", NULL);
  write_decision (store, "wp-nosuch", "20200312t103100z-a-person", "approve",
                  "2020-03-12T10:31:00Z");
  orphan = store_file (store, "decisions/wp-nosuch/20200312t103100z-a-person.json");

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages"), ==, 1);
  assert_problem (run.err, orphan, "$.work_package",
                  "a decision on “wp-nosuch”, but there is no work package with that id");
  ids = package_ids (run.out);
  g_assert_cmpstr (ids, ==, "wp-a");
  g_assert_nonnull (strstr (run.out, "\tawaiting\t"));


  quorum_test_rm_rf (store);
}

/* (2) The latest decision is the latest in time, then the greatest id. */
static void
test_work_packages_same_time (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_package_store ();
  g_autoptr(GPtrArray) lines = NULL;
  static const struct
  {
    const char *package;
    const char *outcome;
  } outcomes[] = {
    { "wp-one", "approved" }, { "wp-two", "rejected" }, { "wp-three", "approved" },
    { "wp-four", "deferred" }, { "wp-five", "rejected" },
  };

  /* the same time: b-person's decision wins, whichever it is */
  write_package (store, "wp-one", "2020/21 Q1", NULL);
  write_decision (store, "wp-one", "20200312t103100z-b-person", "approve",
                  "2020-03-12T10:31:00Z");
  write_decision (store, "wp-one", "20200312t103100z-a-person", "reject",
                  "2020-03-12T10:31:00Z");
  write_package (store, "wp-two", "2020/21 Q1", NULL);
  write_decision (store, "wp-two", "20200312t103100z-a-person", "approve",
                  "2020-03-12T10:31:00Z");
  write_decision (store, "wp-two", "20200312t103100z-b-person", "reject",
                  "2020-03-12T10:31:00Z");
  /* time comes before the id, whatever the file names say */
  write_package (store, "wp-three", "2020/21 Q1", NULL);
  write_decision (store, "wp-three", "a-later", "approve", "2020-03-12T11:00:00Z");
  write_decision (store, "wp-three", "z-earlier", "reject", "2020-03-12T10:59:59Z");
  /* the same instant, written with a fraction of a second */
  write_package (store, "wp-four", "2020/21 Q1", NULL);
  write_decision (store, "wp-four", "d-1", "approve", "2020-03-12T10:31:00.250Z");
  write_decision (store, "wp-four", "d-2", "defer", "2020-03-12T10:31:00.750Z");
  write_decision (store, "wp-four", "d-3", "reject", "2020-03-12T10:31:00.500Z");
  /* the same person's tenth decision in one second comes after the ninth */
  write_package (store, "wp-five", "2020/21 Q1", NULL);
  write_decision (store, "wp-five", "20200312t103100z-a-person-9", "approve",
                  "2020-03-12T10:31:00Z");
  write_decision (store, "wp-five", "20200312t103100z-a-person-10", "reject",
                  "2020-03-12T10:31:00Z");

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages"), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = package_lines (run.out);
  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (outcomes));
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autofree char *outcome = package_outcome (lines, outcomes[i].package);

      g_assert_cmpstr (outcome, ==, outcomes[i].outcome);
    }

  quorum_test_rm_rf (store);
}

/* A title with a tab or a line break stays one line of ten fields. */
static void
test_work_packages_title_fields (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_package_store ();
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  write_file (store, "work-packages/wp-odd.json",
              "{'format': 'quorum.work-package/1', 'id': 'wp-odd', 'kind': 'quarterly',\n"
              " 'quarter': '2020/21 Q1', 'title': 'Line one\\nline\\ttwo',\n"
              " 'estimate': {'cost': 100}, 'status': 'submitted'}\n");
  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages"), ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 10);
  g_assert_cmpstr (fields[9], ==, "Line one line two");

  quorum_test_rm_rf (store);
}

/* (3) A sealed decision edited by hand is shown but not counted. */
static void
test_work_packages_broken_seal (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_package_store ();
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *outcome = NULL;
  JsonObject *package, *decision;
  JsonArray *decisions, *errors;

  /* approved by hand, without a seal; then rejected with quorum-cli */
  write_package (store, "wp-a", "2020/21 Q1", NULL);
  write_decision (store, "wp-a", "20200312t103100z-a-person", "approve",
                  "2020-03-12T10:31:00Z");
  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-a", "reject",
                            "--by", "Zoë O'Brien", "--comment", "Over the provision."), ==, 0);
  file = decided_file (&run);
  g_assert_nonnull (strstr (run.out, "Outcome: rejected (awaiting sync)\n"));

  g_file_get_contents (file, &data, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (data);
  g_assert_cmpuint (g_string_replace (edited, "Over the provision.", "Within the provision.", 0),
                    ==, 1);
  g_file_set_contents (file, edited->str, edited->len, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages"), ==, 1);
  assert_problem (run.err, file, "$.seal", "changed after it was written");
  lines = package_lines (run.out);
  g_assert_cmpuint (lines->len, ==, 1);
  /* the earlier approval is the outcome again */
  outcome = package_outcome (lines, "wp-a");
  g_assert_cmpstr (outcome, ==, "approved");

  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages", "--format", "json"), ==, 1);
  root = parse_json (run.out);
  errors = json_object_get_array_member (json_node_get_object (root), "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  g_assert_cmpstr (string_member (json_array_get_object_element (errors, 0), "file"), ==, file);
  g_assert_cmpstr (string_member (json_array_get_object_element (errors, 0), "path"), ==,
                   "$.seal");
  package = json_package (root, "wp-a");
  g_assert_cmpstr (string_member (package, "outcome"), ==, "approved");
  decisions = json_object_get_array_member (package, "decisions");
  g_assert_cmpuint (json_array_get_length (decisions), ==, 2);
  decision = json_array_get_object_element (decisions, 0);
  g_assert_cmpstr (string_member (decision, "decision"), ==, "approve");
  g_assert_cmpstr (string_member (decision, "seal"), ==, "none");
  decision = json_array_get_object_element (decisions, 1);
  g_assert_cmpstr (string_member (decision, "decision"), ==, "reject");
  g_assert_cmpstr (string_member (decision, "seal"), ==, "broken");
  g_assert_cmpstr (string_member (decision, "comment"), ==, "Within the provision.");
  g_assert_cmpstr (string_member (decision, "file"), ==, file);

  quorum_test_rm_rf (store);
}

/* (4), (5) Budget lines and quarters. */
static void
test_work_packages_budget_ref (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_package_store ();
  g_autofree char *ids = NULL;
  g_autoptr(JsonNode) root = NULL;
  static const char * const good[] = { "wp-good", "wp-sum", "wp-phase", "wp-none" };
  static const struct
  {
    const char *package;
    const char *path;
    const char *message;
  } problems[] = {
    { "wp-norow", "$.budget_ref.row", "table “t” of b has no row “nosuch”" },
    { "wp-nodoc", "$.budget_ref.document", "no budget document “nosuch”" },
    { "wp-notable", "$.budget_ref.table", "b has no table “nosuch”" },
    { "wp-nocolumn", "$.budget_ref.column", "no column “nosuch”" },
    { "wp-future", "$.quarter", "the quarter 2025/26 Q1 is out of range" },
    { "wp-named", "$.quarter", "the quarter 2021/22 Q1 is out of range" },
    { "wp-tied", "$.budget_ref", "several columns for 2020/21" },
    { "wp-q5", "$.quarter", "“2020/21 Q5” is not a quarter" },
    { "wp-early", "$.start", "the start 2020-04-01 is before its quarter" },
  };
  JsonObject *ref;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    write_package (store, good[i], "2020/21 Q2",
                   i == 0 ? "'budget_ref': {'document': 'b', 'table': 't', 'row': 'opsg'}"
                   : i == 1 ? "'budget_ref': {'document': 'b', 'table': 'costs', 'row': 'tag'}"
                   : i == 2 ? "'budget_ref': {'document': 'b', 'table': 'phases', 'row': 'ssc'}"
                   : NULL);
  write_package (store, "wp-norow", "2020/21 Q1",
                 "'budget_ref': {'document': 'b', 'table': 't', 'row': 'nosuch'}");
  write_package (store, "wp-nodoc", "2020/21 Q1",
                 "'budget_ref': {'document': 'nosuch', 'table': 't', 'row': 'opsg'}");
  write_package (store, "wp-notable", "2020/21 Q1",
                 "'budget_ref': {'document': 'b', 'table': 'nosuch', 'row': 'opsg'}");
  write_package (store, "wp-nocolumn", "2020/21 Q1",
                 "'budget_ref': {'document': 'b', 'table': 't', 'row': 'opsg',"
                 " 'column': 'nosuch'}");
  write_package (store, "wp-future", "2025/26 Q1",
                 "'budget_ref': {'document': 'b', 'table': 't', 'row': 'opsg'}");
  write_package (store, "wp-named", "2021/22 Q1",
                 "'budget_ref': {'document': 'b', 'table': 't', 'row': 'opsg', 'column': 'y20'}");
  write_package (store, "wp-tied", "2020/21 Q1",
                 "'budget_ref': {'document': 'b', 'table': 'tied', 'row': 'x'}");
  write_package (store, "wp-q5", "2020/21 Q5", NULL);
  write_package (store, "wp-early", "2020/21 Q2", "'start': '2020-04-01'");

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
    {
      g_autofree char *relpath = g_strdup_printf ("work-packages/%s.json", problems[i].package);
      g_autofree char *file = store_file (store, relpath);

      assert_problem (run.err, file, problems[i].path, problems[i].message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *relpath = g_strdup_printf ("work-packages/%s.json", good[i]);
      g_autofree char *file = store_file (store, relpath);

      g_assert_null (strstr (run.err, file));
    }
  /* a bad budget line is the package's problem, but the package is listed;
   * a file with errors is not */
  ids = package_ids (run.out);
  g_assert_cmpstr (ids, ==,
                   "wp-nocolumn wp-nodoc wp-norow wp-notable wp-tied "
                   "wp-good wp-none wp-phase wp-sum wp-named wp-future");

  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages", "--format", "json"), ==, 1);
  root = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "errors")), ==, G_N_ELEMENTS (problems));
  /* the quarter's year column */
  ref = json_object_get_object_member (json_package (root, "wp-good"), "budget_ref");
  g_assert_cmpstr (string_member (ref, "column"), ==, "y20");
  g_assert_cmpstr (string_member (ref, "label"), ==, "OPSG");
  g_assert_cmpstr (string_member (ref, "provision"), ==, "1000.00");
  g_assert_true (json_object_get_null_member (ref, "problem"));
  /* approved before estimated, and the sum column over its parts */
  ref = json_object_get_object_member (json_package (root, "wp-sum"), "budget_ref");
  g_assert_cmpstr (string_member (ref, "column"), ==, "total");
  g_assert_cmpstr (string_member (ref, "provision"), ==, "345.50");
  /* estimated before draft */
  ref = json_object_get_object_member (json_package (root, "wp-phase"), "budget_ref");
  g_assert_cmpstr (string_member (ref, "column"), ==, "est");
  g_assert_cmpstr (string_member (ref, "provision"), ==, "60.00");
  g_assert_true (json_object_get_null_member (json_package (root, "wp-none"), "budget_ref"));
  /* an unresolved line has no provision, and says why */
  ref = json_object_get_object_member (json_package (root, "wp-norow"), "budget_ref");
  g_assert_true (json_object_get_null_member (ref, "provision"));
  g_assert_nonnull (strstr (string_member (ref, "problem"), "no row “nosuch”"));
  ref = json_object_get_object_member (json_package (root, "wp-future"), "budget_ref");
  g_assert_true (json_object_get_null_member (ref, "provision"));
  g_assert_nonnull (strstr (string_member (ref, "problem"), "out of range"));

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
  g_test_add_func ("/cli/work-packages/text", test_work_packages_text);
  g_test_add_func ("/cli/work-packages/filters", test_work_packages_filters);
  g_test_add_func ("/cli/work-packages/json", test_work_packages_json);
  g_test_add_func ("/cli/work-packages/orphan-decision", test_work_packages_orphan_decision);
  g_test_add_func ("/cli/work-packages/same-time", test_work_packages_same_time);
  g_test_add_func ("/cli/work-packages/broken-seal", test_work_packages_broken_seal);
  g_test_add_func ("/cli/work-packages/budget-ref", test_work_packages_budget_ref);
  g_test_add_func ("/cli/work-packages/title-fields", test_work_packages_title_fields);
  g_test_add_func ("/cli/decide/record", test_decide);
  g_test_add_func ("/cli/decide/refused", test_decide_refused);

  return g_test_run ();
}
