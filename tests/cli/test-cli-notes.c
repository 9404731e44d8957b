/* test-cli-notes.c: quorum-cli notes, the private notes and their targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-run.h"
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <string.h>

/* A copy of the sample store with three notes: on a cell, on a work
 * package that is not there, and on a meeting item, whose text holds a
 * line break, a tab and a bidi control. */
static char *
make_store (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *sample = quorum_store_dup_sample_path ();
  char *store = g_build_filename (tmp, "store", NULL);
  const char *argv[] = { "cp", "-R", sample, store, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  write_file (store, ".quorum/notes/20261206t101500z-3f9c.json",
              "{'format': 'quorum.note/1', 'id': '20261206t101500z-3f9c',\n"
              " 'target': {'document': 'sec-budget-2020-23', 'table': 'overview',\n"
              "            'row': 'projects', 'column': '2019-20-approved'},\n"
              " 'text': 'Ask SECAS why.', 'created': '2026-12-06T10:15:00Z',\n"
              " 'updated': '2026-12-06T11:00:00Z'}\n");
  write_file (store, ".quorum/notes/20261201t090000z-0001.json",
              "{'format': 'quorum.note/1', 'id': '20261201t090000z-0001',\n"
              " 'target': {'work_package': 'wp-gone'}, 'text': 'Gone',\n"
              " 'created': '2026-12-01T09:00:00Z', 'updated': '2026-12-01T09:00:00Z'}\n");
  write_file (store, ".quorum/notes/20261202t090000z-0002.json",
              "{'format': 'quorum.note/1', 'id': '20261202t090000z-0002',\n"
              " 'target': {'meeting': 'secp-39', 'item': '6'},\n"
              " 'text': 'line one\\nline two\\t\\u202ered',\n"
              " 'created': '2026-12-02T09:00:00Z', 'updated': '2026-12-02T09:00:00Z'}\n");
  return store;
}

static void
remove_store (const char *store)
{
  g_autofree char *tmp = g_path_get_dirname (store);

  quorum_test_rm_rf (tmp);
}

static void
test_text (void)
{
  g_autofree char *store = make_store ();
  g_auto(Run) run;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) cell = NULL;
  g_auto(GStrv) package = NULL;
  g_auto(GStrv) meeting = NULL;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "notes"), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");

  /* Sorted by target: documents, then work packages, then meetings. */
  cell = g_strsplit (lines[0], "\t", -1);
  package = g_strsplit (lines[1], "\t", -1);
  meeting = g_strsplit (lines[2], "\t", -1);
  g_assert_cmpuint (g_strv_length (cell), ==, 5);
  g_assert_cmpstr (cell[0], ==, "20261206t101500z-3f9c");
  g_assert_true (g_str_has_prefix (cell[1], "SEC Panel Budget 2020–2023 · "));
  g_assert_true (g_str_has_suffix (cell[1], " · Projects · 2019/20 Approved Budget"));
  g_assert_cmpstr (cell[2], ==, "2026-12-06T11:00:00Z");
  g_assert_cmpstr (cell[3], ==, "no");
  g_assert_cmpstr (cell[4], ==, "Ask SECAS why.");

  g_assert_cmpstr (package[0], ==, "20261201t090000z-0001");
  g_assert_cmpstr (package[1], ==, "wp-gone");
  g_assert_cmpstr (package[3], ==, "yes");

  /* A meeting the store holds is not detached, and is named by its title;
   * the text stays on one line, its bidi control shown, not sent. */
  g_assert_cmpuint (g_strv_length (meeting), ==, 5);
  {
    g_autoptr(QuorumStore) loaded = quorum_store_new (store);
    g_autofree char *label = NULL;

    g_assert_true (quorum_store_load (loaded, NULL, NULL));
    g_assert_nonnull (quorum_store_find_meeting (loaded, "secp-39"));
    label = g_strdup_printf ("%s · item 6",
                             quorum_meeting_get_title (quorum_store_find_meeting (loaded,
                                                                                  "secp-39")));
    g_assert_cmpstr (meeting[1], ==, label);
  }
  g_assert_cmpstr (meeting[3], ==, "no");
  g_assert_cmpstr (meeting[4], ==, "line one line two \\u202ered");
  g_assert_null (strstr (run.out, "\u202e"));

  remove_store (store);
}

static void
test_json (void)
{
  g_autofree char *store = make_store ();
  g_auto(Run) run;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *note, *target;
  JsonArray *notes;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "notes", "--format", "json"), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")), ==,
                    0);
  notes = json_object_get_array_member (object, "notes");
  g_assert_cmpuint (json_array_get_length (notes), ==, 3);

  note = json_array_get_object_element (notes, 0);
  g_assert_cmpstr (json_object_get_string_member (note, "id"), ==, "20261206t101500z-3f9c");
  target = json_object_get_object_member (note, "target");
  g_assert_cmpuint (json_object_get_size (target), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (target, "document"), ==, "sec-budget-2020-23");
  g_assert_cmpstr (json_object_get_string_member (target, "table"), ==, "overview");
  g_assert_cmpstr (json_object_get_string_member (target, "row"), ==, "projects");
  g_assert_cmpstr (json_object_get_string_member (target, "column"), ==, "2019-20-approved");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (note, "label"),
                                   " · Projects · 2019/20 Approved Budget"));
  g_assert_cmpstr (json_object_get_string_member (note, "text"), ==, "Ask SECAS why.");
  g_assert_cmpstr (json_object_get_string_member (note, "created"), ==, "2026-12-06T10:15:00Z");
  g_assert_cmpstr (json_object_get_string_member (note, "updated"), ==, "2026-12-06T11:00:00Z");
  g_assert_false (json_object_get_boolean_member (note, "detached"));

  note = json_array_get_object_element (notes, 1);
  target = json_object_get_object_member (note, "target");
  g_assert_cmpuint (json_object_get_size (target), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (target, "work_package"), ==, "wp-gone");
  g_assert_true (json_object_get_boolean_member (note, "detached"));

  note = json_array_get_object_element (notes, 2);
  target = json_object_get_object_member (note, "target");
  g_assert_cmpstr (json_object_get_string_member (target, "meeting"), ==, "secp-39");
  g_assert_cmpstr (json_object_get_string_member (target, "item"), ==, "6");
  g_assert_cmpstr (json_object_get_string_member (note, "text"), ==,
                   "line one\nline two\t\u202ered");

  remove_store (store);
}

/* A broken note is an error naming the file and the place; the others list. */
static void
test_broken (void)
{
  g_autofree char *store = make_store ();
  g_autofree char *file = g_build_filename (store, ".quorum", "notes",
                                            "20261203t000000z-0003.json", NULL);
  g_autofree char *expected = g_strconcat (file, ":2:12: $.target: ", NULL);
  g_auto(Run) run;
  g_auto(Run) json_run;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *errors;
  JsonObject *error;

  write_file (store, ".quorum/notes/20261203t000000z-0003.json",
              "{'format': 'quorum.note/1', 'id': '20261203t000000z-0003',\n"
              " 'target': 'sec-budget-2020-23', 'text': 'x',\n"
              " 'created': '2026-12-03T00:00:00Z', 'updated': '2026-12-03T00:00:00Z'}\n");
  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "notes"), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, expected));
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);

  run_init (&json_run);
  g_assert_cmpint (run_cli (&json_run, "--store", store, "notes", "--format", "json"), ==, 1);
  root = parse_json (json_run.out);
  errors = json_object_get_array_member (json_node_get_object (root), "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  error = json_array_get_object_element (errors, 0);
  g_assert_cmpstr (json_object_get_string_member (error, "file"), ==, file);
  g_assert_cmpstr (json_object_get_string_member (error, "path"), ==, "$.target");
  g_assert_cmpint (json_object_get_int_member (error, "line"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (error, "column"), ==, 12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "notes")), ==, 3);

  remove_store (store);
}

/* The bundled sample store has no notes, and listing them writes nothing. */
static void
test_sample (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *notes_dir = quorum_store_layout_notes (sample);
  g_auto(Run) run;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", sample, "notes"), ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_false (g_file_test (notes_dir, G_FILE_TEST_EXISTS));
}

static void
test_usage (void)
{
  g_auto(Run) format;
  g_auto(Run) extra;
  g_auto(Run) help;

  run_init (&format);
  g_assert_cmpint (run_cli (&format, "notes", "--format", "csv"), ==, 2);
  g_assert_nonnull (strstr (format.err, "--format is text or json"));
  run_init (&extra);
  g_assert_cmpint (run_cli (&extra, "notes", "extra"), ==, 2);
  run_init (&help);
  g_assert_cmpint (run_cli (&help, "--help"), ==, 0);
  g_assert_nonnull (strstr (help.out, "  notes [--format text|json]\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/notes/text", test_text);
  g_test_add_func ("/cli/notes/json", test_json);
  g_test_add_func ("/cli/notes/broken", test_broken);
  g_test_add_func ("/cli/notes/sample", test_sample);
  g_test_add_func ("/cli/notes/usage", test_usage);
  return g_test_run ();
}
