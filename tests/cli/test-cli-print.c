/* test-cli-print.c: quorum-cli print and pack, read back with pdftotext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-run.h"
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("poppler-utils is not installed (build-aux/install-deps)");
  return path != NULL;
}

/* The PDF's text with every run of white space as one space. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static char *
copy_sample (const char *tmp)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  char *store = g_build_filename (tmp, "store", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_store_copy_folder (sample, store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_print_table (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *pdf = g_build_filename (tmp, "projections.pdf", NULL);
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *file = g_build_filename (sample, "budgets", "sec-budget-2020-23.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) run;
  JsonArray *tables;

  if (!have_pdftotext ())
    return;
  run_init (&run);
  g_assert_cmpint (run_cli (&run, "print", "sec-budget-2020-23", "--table", "projections",
                            "--output", pdf), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "SEC Panel Budget 2020–2023"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));

  /* Every stated figure of the table, by value, from the store's file. */
  json_parser_load_from_file (parser, file, &error);
  g_assert_no_error (error);
  tables = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "tables");
  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      JsonObject *table = json_array_get_object_element (tables, t);
      JsonArray *rows = json_object_get_array_member (table, "rows");

      if (!g_str_equal (json_object_get_string_member (table, "id"), "projections"))
        continue;
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *values = json_object_get_object_member (
            json_array_get_object_element (rows, r), "values");
          g_autoptr(GList) members = json_object_get_members (values);

          for (GList *m = members; m != NULL; m = m->next)
            {
              gint64 pounds = json_object_get_int_member (values, m->data);
              g_autofree char *figure = quorum_amount_format_display (pounds * 100, "GBP");

              g_assert_nonnull (strstr (text, figure));
            }
        }
    }

  /* Printing over it replaces it whole, and leaves no temporary file. */
  g_assert_cmpint (run_cli (&run, "print", "sec-budget-2020-23", "--output", pdf), ==, 0);
  g_assert_cmpuint (count_files (tmp), ==, 1);
  g_free (text);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Table 2"));
  quorum_test_rm_rf (tmp);
}

static void
test_print_errors (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *missing = g_build_filename (tmp, "no-such-folder", "out.pdf", NULL);
  g_autofree char *folder = g_build_filename (tmp, "a-folder.pdf", NULL);
  g_auto(Run) run;

  run_init (&run);
  /* A file that cannot be written: a clear error naming it. */
  g_assert_cmpint (run_cli (&run, "print", "sec-budget-2020-23", "--output", missing), ==, 1);
  g_assert_nonnull (strstr (run.err, missing));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (run_cli (&run, "print", "sec-budget-2020-23", "--output", folder), ==, 1);
  g_assert_nonnull (strstr (run.err, folder));

  /* Usage errors. */
  g_assert_cmpint (run_cli (&run, "print", "sec-budget-2020-23"), ==, 2);
  g_assert_nonnull (strstr (run.err, "--output"));
  g_assert_cmpint (run_cli (&run, "print", "sec-budget-2020-23", "--variance", "a-b",
                            "--output", missing), ==, 2);
  g_assert_cmpint (run_cli (&run, "pack", "--output", missing), ==, 2);
  /* What the store does not hold. */
  g_assert_cmpint (run_cli (&run, "print", "no-such-document", "--output", missing), ==, 1);
  g_assert_cmpint (run_cli (&run, "print", "sec-budget-2020-23", "--table", "nope",
                            "--output", missing), ==, 1);
  g_assert_cmpint (run_cli (&run, "print", "sec-budget-2020-23", "--variance", "a:b",
                            "--output", missing), ==, 1);
  g_assert_nonnull (strstr (run.err, "“a”"));
  g_assert_cmpint (run_cli (&run, "pack", "no-such-meeting", "--output", missing), ==, 1);
  g_assert_cmpuint (count_files (tmp), ==, 1);

  /* --help says how to print red. */
  g_assert_cmpint (run_cli (&run, "print", "--help"), ==, 0);
  g_assert_nonnull (strstr (run.out, "--allow-red"));
  g_assert_cmpint (run_cli (&run, "pack", "--help"), ==, 0);
  g_assert_nonnull (strstr (run.out, "--allow-red"));
  g_assert_nonnull (strstr (run.out, "--with-notes"));
  quorum_test_rm_rf (tmp);
}

static void
test_print_red (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *store = copy_sample (tmp);
  g_autofree char *file = g_build_filename (store, "budgets", "sec-budget-2018-21.json", NULL);
  g_autofree char *pdf = g_build_filename (tmp, "red.pdf", NULL);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) red = NULL;
  g_auto(Run) run;

  if (!have_pdftotext ())
    return;
  g_assert_true (g_file_get_contents (file, &data, NULL, NULL));
  red = g_string_new (data);
  g_assert_cmpuint (g_string_replace (red, "\"classification\": \"white\"",
                                      "\"classification\": \"red\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (file, red->str, red->len, NULL));

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "print", "sec-budget-2018-21",
                            "--output", pdf), ==, 1);
  g_assert_nonnull (strstr (run.err, "red"));
  g_assert_nonnull (strstr (run.err, "--allow-red"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_cli (&run, "--store", store, "print", "sec-budget-2018-21",
                            "--allow-red", "--output", pdf), ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "RED"));
  quorum_test_rm_rf (tmp);
}

static void
test_pack (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *store = copy_sample (tmp);
  g_autofree char *pdf = g_build_filename (tmp, "pack.pdf", NULL);
  g_autofree char *file = g_build_filename (store, "meetings", "secp-39.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *with = NULL, *without = NULL;
  g_auto(Run) run;
  JsonArray *items, *actions;

  if (!have_pdftotext ())
    return;
  write_file (store, ".quorum/notes/20261202t090000z-0002.json",
              "{'format': 'quorum.note/1', 'id': '20261202t090000z-0002',\n"
              " 'target': {'meeting': 'secp-39', 'item': '6'},\n"
              " 'text': 'Ask about the contingency line',\n"
              " 'created': '2026-12-02T09:00:00Z', 'updated': '2026-12-02T09:00:00Z'}\n");
  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "pack", "secp-39", "--output", pdf), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  without = pdf_text (pdf);
  g_assert_cmpint (run_cli (&run, "--store", store, "pack", "secp-39", "--with-notes",
                            "--output", pdf), ==, 0);
  with = pdf_text (pdf);
  g_assert_null (strstr (without, "Ask about the contingency line"));
  g_assert_nonnull (strstr (with, "Ask about the contingency line"));

  /* The agenda's titles and the actions raised, from the meeting's file. */
  json_parser_load_from_file (parser, file, &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *heading = g_strdup_printf ("%s. %s",
                                                  json_object_get_string_member (item, "number"),
                                                  json_object_get_string_member (item, "title"));

      g_assert_nonnull (strstr (without, heading));
    }
  actions = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "actions");
  g_assert_cmpuint (json_array_get_length (actions), >, 0);
  g_assert_nonnull (strstr (without, "Open actions"));
  quorum_test_rm_rf (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/print/table", test_print_table);
  g_test_add_func ("/cli/print/errors", test_print_errors);
  g_test_add_func ("/cli/print/red", test_print_red);
  g_test_add_func ("/cli/pack", test_pack);
  return g_test_run ();
}
