/* test-export-lists.c: the four kinds the app exports (a table, the findings,
 * the work packages, the actions), as CSV and JSON files
 *
 * Each export is written to a temporary folder with quorum_export_write_async
 * (as the app does), read back, and checked against values read from the
 * sample store's files with json-glib (the findings against
 * tests/data/expected, computed by hand). Private notes are left out
 * unless asked for, then in a last column or a "note" member. A file that
 * cannot be written gives an error naming it, and leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-core.h"
#include "quorum-test-util.h"

typedef struct
{
  QuorumStore *store;
  char *dir;
} Fixture;

static JsonNode *
read_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
read_store_json (const char *relpath)
{
  g_autofree char *path = g_build_filename (g_getenv ("QUORUM_SAMPLE_STORE"), relpath, NULL);

  return read_json (path);
}

/* A number of a store file as an amount's text: 1082102 → "1082102.00". */
static char *
file_amount (JsonObject *object,
             const char *member)
{
  return g_strdup_printf ("%.2f", json_object_get_double_member (object, member));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_getenv ("QUORUM_SAMPLE_STORE"));
  fixture->store = quorum_store_new (g_getenv ("QUORUM_SAMPLE_STORE"));
  g_assert_true (quorum_store_load (fixture->store, NULL, &error));
  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("quorum-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  quorum_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->store);
}

static void
write_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Writes @contents as the app does, off the main thread, and waits for it. */
static gboolean
write_file (const char  *path,
            const char  *contents,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));
  g_autoptr(GAsyncResult) result = NULL;

  quorum_export_write_async (path, bytes, NULL, write_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return quorum_export_write_finish (result, error);
}

/* Writes @contents (freed here) to @name in the fixture's folder, and reads it back. */
static char *
export_and_read (Fixture    *fixture,
                 const char *name,
                 char       *contents)
{
  g_autofree char *owned = contents;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (write_file (path, owned, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static char *
json_text (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  json_node_unref (node);
  return g_steal_pointer (&text);
}

static char *
grid_csv (QuorumGrid *grid)
{
  GString *out = g_string_new (NULL);

  quorum_grid_append_csv (grid, out);
  quorum_grid_free (grid);
  return g_string_free (out, FALSE);
}

/* The table: each top-level row of the file, by label and values. */
static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonNode) root = read_store_json ("budgets/sec-budget-2020-23.json");
  JsonObject *file_table = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "tables"), 0);
  const char *table_id = json_object_get_string_member (file_table, "id");
  QuorumBudgetDocument *document = quorum_store_find_document (fixture->store,
                                                               "sec-budget-2020-23");
  QuorumTable *table = quorum_budget_document_find_table (document, table_id);
  g_autoptr(GString) csv_out = g_string_new (NULL);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) exported = NULL;
  JsonArray *columns = json_object_get_array_member (file_table, "columns");
  JsonArray *rows = json_object_get_array_member (file_table, "rows");
  JsonArray *cells;
  guint checked = 0;

  quorum_export_table_csv (table, csv_out);
  csv = export_and_read (fixture, "table.csv", g_strdup (csv_out->str));
  json = export_and_read (fixture, "table.json", json_text (quorum_export_table_json (table)));
  exported = json_from_string (json, NULL);
  cells = json_object_get_array_member (json_node_get_object (exported), "cells");

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonObject *values = json_object_get_object_member (row, "values");
      g_autoptr(GString) line = g_string_new (NULL);
      gboolean all = TRUE;

      if (values == NULL)
        continue;
      quorum_export_csv_text (line, json_object_get_string_member (row, "label"));
      for (guint c = 0; c < json_array_get_length (columns); c++)
        {
          const char *column = json_object_get_string_member (
            json_array_get_object_element (columns, c), "id");
          g_autofree char *amount = NULL;

          if (!json_object_has_member (values, column) ||
              json_node_is_null (json_object_get_member (values, column)))
            {
              all = FALSE;
              break;
            }
          amount = file_amount (values, column);
          g_string_append_printf (line, ",%s", amount);

          /* The same figure in the JSON export, as the cell's stated value. */
          for (guint i = 0; i < json_array_get_length (cells); i++)
            {
              JsonObject *cell = json_array_get_object_element (cells, i);

              if (g_str_equal (json_object_get_string_member (cell, "row"),
                               json_object_get_string_member (row, "id")) &&
                  g_str_equal (json_object_get_string_member (cell, "column"), column))
                g_assert_cmpstr (json_object_get_string_member (cell, "stated"), ==, amount);
            }
        }
      if (!all)
        continue;
      g_string_append (line, "\r\n");
      g_assert_nonnull (strstr (csv, line->str));
      checked++;
    }
  g_assert_cmpuint (checked, >, 3);
}

/* The findings of every document: the hand-computed lines, in CSV and JSON. */
static void
test_findings (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const ids[] = { "sec-budget-2018-21", "sec-budget-2020-23", NULL };
  g_autoptr(GPtrArray) expected = quorum_test_read_expected (ids);
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) from_json = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListStore) findings = g_list_store_new (QUORUM_TYPE_FINDING);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) exported = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *array;

  for (guint d = 0; ids[d] != NULL; d++)
    {
      GListModel *list = quorum_budget_document_get_findings (
        quorum_store_find_document (fixture->store, ids[d]));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) finding = g_list_model_get_item (list, i);

          g_list_store_append (findings, finding);
        }
    }
  csv = export_and_read (fixture, "checks.csv",
                         grid_csv (quorum_export_list_grid (QUORUM_EXPORT_FINDINGS,
                                                            G_LIST_MODEL (findings))));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "Severity,Document,Table,Row,Column,Stated,Computed,Difference,Rule,Label");
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 9);

      g_assert_cmpuint (g_strv_length (fields), ==, 9);
      fields[8] = (g_free (fields[8]), NULL);
      /* A row id such as @total is text: neutralised as every text cell. */
      if (fields[3][0] == '\'')
        memmove (fields[3], fields[3] + 1, strlen (fields[3]));
      g_ptr_array_add (got, g_strjoinv ("\t", fields));
    }
  quorum_test_assert_same_lines (got, expected);

  json = export_and_read (fixture, "checks.json",
                          json_text (quorum_export_list_json (QUORUM_EXPORT_FINDINGS,
                                                              G_LIST_MODEL (findings))));
  exported = json_from_string (json, NULL);
  array = json_object_get_array_member (json_node_get_object (exported), "findings");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *finding = json_array_get_object_element (array, i);
      static const char * const members[] = { "severity", "document", "table", "row", "column",
                                              "stated", "computed", "difference", NULL };
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();

      for (guint m = 0; members[m] != NULL; m++)
        g_ptr_array_add (fields, (char *) json_object_get_string_member (finding, members[m]));
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (from_json, g_strjoinv ("\t", (char **) fields->pdata));
    }
  quorum_test_assert_same_lines (from_json, expected);
}

/* Each package file's id, quarter, title and estimate, in CSV and JSON. */
static void
test_work_packages (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *packages = quorum_store_get_work_packages (fixture->store);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) exported = NULL;
  JsonArray *array;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (packages), >, 0);
  csv = export_and_read (fixture, "packages.csv",
                         grid_csv (quorum_export_list_grid (QUORUM_EXPORT_WORK_PACKAGES,
                                                            packages)));
  json = export_and_read (fixture, "packages.json",
                          json_text (quorum_export_list_json (QUORUM_EXPORT_WORK_PACKAGES,
                                                              packages)));
  exported = json_from_string (json, NULL);
  array = json_object_get_array_member (json_node_get_object (exported), "work_packages");
  g_assert_cmpuint (json_array_get_length (array), ==, g_list_model_get_n_items (packages));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, g_list_model_get_n_items (packages) + 2);

  for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(QuorumWorkPackage) package = g_list_model_get_item (packages, i);
      g_autofree char *relpath = g_strdup_printf ("work-packages/%s.json",
                                                  quorum_work_package_get_id (package));
      g_autoptr(JsonNode) root = read_store_json (relpath);
      JsonObject *file = json_node_get_object (root);
      g_autofree char *estimate = file_amount (json_object_get_object_member (file, "estimate"),
                                               "cost");
      g_autofree char *prefix = g_strdup_printf ("%s,%s,",
                                                 json_object_get_string_member (file, "id"),
                                                 json_object_get_string_member (file, "quarter"));
      JsonObject *item = json_array_get_object_element (array, i);
      gboolean found = FALSE;

      for (guint l = 1; lines[l] != NULL; l++)
        if (g_str_has_prefix (lines[l], prefix))
          {
            g_auto(GStrv) fields = g_strsplit (lines[l], ",", 10);

            g_assert_cmpstr (fields[6], ==, estimate);
            found = TRUE;
          }
      g_assert_true (found);
      g_assert_cmpstr (json_object_get_string_member (item, "id"), ==,
                       json_object_get_string_member (file, "id"));
      g_assert_cmpstr (json_object_get_string_member (item, "estimate"), ==, estimate);
      g_assert_cmpstr (json_object_get_string_member (item, "title"), ==,
                       json_object_get_string_member (file, "title"));
    }
}

/* The actions of meeting SECP 39, as its file has them. */
static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  GListModel *log = G_LIST_MODEL (quorum_store_get_action_log (fixture->store));
  g_autoptr(JsonNode) root = read_store_json ("meetings/secp-39.json");
  JsonArray *actions = json_object_get_array_member (json_node_get_object (root), "actions");
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) exported = NULL;
  JsonArray *array;

  csv = export_and_read (fixture, "actions.csv",
                         grid_csv (quorum_export_list_grid (QUORUM_EXPORT_ACTIONS, log)));
  json = export_and_read (fixture, "actions.json",
                          json_text (quorum_export_list_json (QUORUM_EXPORT_ACTIONS, log)));
  exported = json_from_string (json, NULL);
  array = json_object_get_array_member (json_node_get_object (exported), "actions");
  g_assert_cmpuint (json_array_get_length (array), ==, g_list_model_get_n_items (log));
  g_assert_true (g_str_has_prefix (csv, "Ref,Status,Overdue,Due,Owner,Raised at,Committee,"
                                        "Item,Text\r\n"));
  g_assert_cmpuint (json_array_get_length (actions), >, 0);

  for (guint a = 0; a < json_array_get_length (actions); a++)
    {
      JsonObject *action = json_array_get_object_element (actions, a);
      const char *ref = json_object_get_string_member (action, "ref");
      g_autoptr(GString) text = g_string_new (",");
      g_autofree char *start = g_strdup_printf ("\r\n%s,", ref);
      gboolean found = FALSE;

      quorum_export_csv_text (text, json_object_get_string_member (action, "text"));
      g_string_append (text, "\r\n");
      g_assert_nonnull (strstr (csv, start));
      g_assert_nonnull (strstr (strstr (csv, start) + 2, text->str));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *item = json_array_get_object_element (array, i);

          if (!g_str_equal (json_object_get_string_member (item, "ref"), ref))
            continue;
          g_assert_cmpstr (json_object_get_string_member (item, "owner"), ==,
                           json_object_get_string_member (action, "owner"));
          g_assert_cmpstr (json_object_get_string_member (item, "raised_at"), ==, "secp-39");
          found = TRUE;
        }
      g_assert_true (found);
    }
}

/* A file that cannot be written: a clear error naming it; nothing left. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Under a regular file, not a folder: refused even to root. */
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "checks.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_false (write_file (path, "a,b\r\n", &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "not-a-folder"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
add_note (QuorumNotes *notes,
          QuorumNote  *note,
          const char  *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_notes_add (notes, note, text, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (note);
}

/* Notes on a package, a row and one of its cells: only when asked for. */
static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *store_path = g_build_filename (fixture->dir, "store", NULL);
  g_autoptr(QuorumStore) store = quorum_store_new (store_path);
  g_autoptr(QuorumNotes) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumWorkPackage) package = NULL;
  g_autoptr(QuorumColumn) column = NULL;
  g_autoptr(QuorumGrid) without = NULL;
  g_autoptr(QuorumGrid) with = NULL;
  g_autoptr(QuorumGrid) table_with = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) table_notes = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) csv_with = g_string_new (NULL);
  g_autoptr(GString) table_csv = g_string_new (NULL);
  g_autofree char *line = NULL;
  g_autofree char *cell_note = NULL;
  QuorumBudgetDocument *document;
  QuorumTable *table;
  GListModel *packages;
  JsonArray *array;

  g_assert_true (quorum_store_copy_folder (g_getenv ("QUORUM_SAMPLE_STORE"), store_path, NULL,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  notes = quorum_notes_new (store);
  g_assert_true (quorum_notes_load (notes, NULL, &error));
  g_assert_no_error (error);

  packages = quorum_store_get_work_packages (store);
  package = g_list_model_get_item (packages, 0);
  document = quorum_store_find_document (store, "sec-budget-2020-23");
  table = g_list_model_get_item (quorum_budget_document_get_tables (document), 0);
  g_object_unref (table);
  column = g_list_model_get_item (quorum_table_get_columns (table), 0);
  add_note (notes, quorum_note_new_on_work_package (quorum_work_package_get_id (package)),
            "Ask about the overrun");
  add_note (notes, quorum_note_new_on_document ("sec-budget-2020-23", quorum_table_get_id (table),
                                                "contingency", NULL), "=Why so large?");
  add_note (notes, quorum_note_new_on_document ("sec-budget-2020-23", quorum_table_get_id (table),
                                                "contingency", quorum_column_get_id (column)),
            "Check, the Treasurer");

  /* Left out unless asked for. */
  without = quorum_export_list_grid (QUORUM_EXPORT_WORK_PACKAGES, packages);
  quorum_grid_append_csv (without, csv);
  g_assert_null (strstr (csv->str, "Note"));
  g_assert_null (strstr (csv->str, "Ask about the overrun"));

  with = quorum_export_list_grid_full (QUORUM_EXPORT_WORK_PACKAGES, packages, notes);
  quorum_grid_append_csv (with, csv_with);
  g_assert_true (g_str_has_prefix (csv_with->str, "ID,Quarter,Committee,Kind,Status,Outcome,"
                                                  "Estimate,Actual,Variance,Title,Note\r\n"));
  line = g_strdup_printf ("\r\n%s,", quorum_work_package_get_id (package));
  g_assert_nonnull (strstr (csv_with->str, line));
  {
    const char *start = strstr (csv_with->str, line) + 2;
    g_autofree char *row = g_strndup (start, strstr (start, "\r\n") - start);

    g_assert_true (g_str_has_suffix (row, ",Ask about the overrun"));
  }

  json = quorum_export_list_json_full (QUORUM_EXPORT_WORK_PACKAGES, packages, notes);
  array = json_object_get_array_member (json_node_get_object (json), "work_packages");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      gboolean noted = g_str_equal (json_object_get_string_member (item, "id"),
                                    quorum_work_package_get_id (package));

      g_assert_true (json_object_has_member (item, "note"));
      g_assert_cmpstr (json_object_get_string_member (item, "note"), ==,
                       noted ? "Ask about the overrun" : NULL);
    }

  /* A row's note, then its cell's after the column's label; neutralised. */
  table_with = quorum_export_table_grid_full (table, "sec-budget-2020-23", notes);
  quorum_grid_append_csv (table_with, table_csv);
  cell_note = g_strdup_printf (",\"'=Why so large?\n%s: Check, the Treasurer\"\r\n",
                               quorum_column_get_label (column));
  g_assert_nonnull (strstr (table_csv->str, cell_note));
  g_assert_nonnull (strstr (table_csv->str, ",Note\r\n"));
  table_notes = quorum_export_table_notes_json (table, "sec-budget-2020-23", notes);
  array = json_node_get_array (table_notes);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "row"), ==, "contingency");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/lists/table", Fixture, NULL, fixture_set_up, test_table,
              fixture_tear_down);
  g_test_add ("/export/lists/findings", Fixture, NULL, fixture_set_up, test_findings,
              fixture_tear_down);
  g_test_add ("/export/lists/work-packages", Fixture, NULL, fixture_set_up, test_work_packages,
              fixture_tear_down);
  g_test_add ("/export/lists/actions", Fixture, NULL, fixture_set_up, test_actions,
              fixture_tear_down);
  g_test_add ("/export/lists/notes", Fixture, NULL, fixture_set_up, test_notes,
              fixture_tear_down);
  g_test_add ("/export/lists/unwritable", Fixture, NULL, fixture_set_up, test_unwritable,
              fixture_tear_down);
  return g_test_run ();
}
