/* test-export-ui.c: Copy (Ctrl+C) and Export… (Ctrl+Shift+E) in the window
 *
 * Drives the real window on the sample store: a table's row, a cell and a
 * finding copied, then the clipboard's formats and both contents read back
 * (text/plain;charset=utf-8 as tab-separated text, text/html as a table),
 * checked against the store's files; Ctrl+C in a search entry copying the
 * entry's text; a table exported through the save dialog, the work packages
 * to JSON, a file that cannot be written, a red document asked about first,
 * and private notes only when asked for in the save dialog. Runs under
 * Xvfb; skips without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-budgets-view.h"
#include "quorum-checks-view.h"
#include "quorum-core.h"
#include "quorum-exporter.h"
#include "quorum-window.h"
#include "quorum-work-packages-view.h"
#include "quorum-test-util.h"
#include "quorum-ui-test-util.h"
#include "export-test-util.h"

#define DOCUMENT "sec-budget-2020-23"

static QuorumApplication *app;
static char *tmp_dir;

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  return g_strjoinv (new, parts);
}

static JsonNode *
read_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The first table of the document's file, and its first row with a value
 * in every column: its id, label and values as amounts' texts. */
typedef struct
{
  char *table;
  char *row;
  char *column;     /* the first column's id */
  GString *tsv;     /* label, then each value */
  char *first;      /* the first value */
} FileRow;

static void
file_row_clear (FileRow *row)
{
  g_free (row->table);
  g_free (row->row);
  g_free (row->column);
  g_string_free (row->tsv, TRUE);
  g_free (row->first);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileRow, file_row_clear)

static void
read_file_row (const char *store,
               FileRow    *out)
{
  g_autofree char *path = g_build_filename (store, "budgets", DOCUMENT ".json", NULL);
  g_autoptr(JsonNode) root = read_json (path);
  JsonObject *table = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "tables"), 0);
  JsonArray *columns = json_object_get_array_member (table, "columns");
  JsonArray *rows = json_object_get_array_member (table, "rows");

  out->table = g_strdup (json_object_get_string_member (table, "id"));
  out->column = g_strdup (json_object_get_string_member (
    json_array_get_object_element (columns, 0), "id"));
  for (guint r = 0; r < json_array_get_length (rows) && out->row == NULL; r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonObject *values = json_object_get_object_member (row, "values");
      GString *tsv = g_string_new (json_object_get_string_member (row, "label"));
      gboolean all = values != NULL;

      for (guint c = 0; all && c < json_array_get_length (columns); c++)
        {
          const char *id = json_object_get_string_member (
            json_array_get_object_element (columns, c), "id");
          JsonNode *value = json_object_get_member (values, id);

          all = value != NULL && JSON_NODE_HOLDS_VALUE (value);
          if (all)
            g_string_append_printf (tsv, "\t%.2f", json_node_get_double (value));
          if (all && c == 0)
            out->first = g_strdup_printf ("%.2f", json_node_get_double (value));
        }
      if (!all)
        {
          g_string_free (tsv, TRUE);
          g_clear_pointer (&out->first, g_free);
          continue;
        }
      out->row = g_strdup (json_object_get_string_member (row, "id"));
      out->tsv = tsv;
    }
  g_assert_nonnull (out->row);
}

typedef struct
{
  QuorumWindow *window;
  const char *row;
  int column;        /* -1: the row only */
} Shown;

static gboolean
row_selected (gpointer data)
{
  Shown *shown = data;
  GtkWidget *view = quorum_test_find_type (GTK_WIDGET (shown->window), QUORUM_TYPE_BUDGETS_VIEW);
  QuorumTableView *table;
  QuorumRow *row;

  if (view == NULL)
    return FALSE;
  table = quorum_budgets_view_get_table_view (QUORUM_BUDGETS_VIEW (view));
  if (table == NULL || !gtk_widget_get_mapped (GTK_WIDGET (table)))
    return FALSE;
  row = quorum_table_view_get_selected_row (table);
  return row != NULL && g_strcmp0 (quorum_row_get_id (row), shown->row) == 0;
}

/* A row of a table, then one cell: both copied as numbers, not "£1,234". */
static void
test_copy_table (void)
{
  const char *sample = g_getenv ("QUORUM_SAMPLE_STORE");
  g_auto(FileRow) expected = { NULL };
  g_autofree char *tsv = NULL;
  g_autofree char *html = NULL;
  g_autofree char *row_html = NULL;
  QuorumWindow *window = quorum_test_open_window (app, sample, 1200, 760);
  Shown shown = { window, NULL, -1 };

  read_file_row (sample, &expected);
  shown.row = expected.row;

  /* The row alone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-paper", "(ssss)", DOCUMENT,
                              expected.table, expected.row, "");
  g_assert_true (quorum_test_wait_for (row_selected, &shown));
  quorum_test_copy_and_read (window, &tsv, &html);
  g_assert_cmpstr (tsv, ==, expected.tsv->str);
  row_html = quorum_test_html_row (expected.tsv->str);
  g_assert_nonnull (strstr (html, row_html));
  g_assert_null (strstr (tsv, "£"));
  g_clear_pointer (&tsv, g_free);
  g_clear_pointer (&html, g_free);

  /* One cell, pointed at: its figure alone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-paper", "(ssss)", DOCUMENT,
                              expected.table, expected.row, expected.column);
  g_assert_true (quorum_test_wait_for (row_selected, &shown));
  quorum_test_iterate ();
  quorum_test_copy_and_read (window, &tsv, &html);
  g_assert_cmpstr (tsv, ==, expected.first);
  g_clear_pointer (&row_html, g_free);
  row_html = quorum_test_html_row (expected.first);
  g_assert_nonnull (strstr (html, row_html));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkSelectionModel *
list_model (QuorumWindow *window,
            GType         view_type)
{
  GtkWidget *view = quorum_test_find_type (GTK_WIDGET (window), view_type);
  GtkWidget *column_view = view != NULL ? quorum_test_find_type (view, GTK_TYPE_COLUMN_VIEW)
                                        : NULL;

  return column_view != NULL ? gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)) : NULL;
}

static gboolean
list_filled (gpointer data)
{
  GtkSelectionModel *model = list_model (data, GPOINTER_TO_SIZE (g_object_get_data (data,
                                                                                    "type")));

  return model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static GtkSelectionModel *
show_list (QuorumWindow *window,
           const char   *name,
           GType         type)
{
  g_object_set_data (G_OBJECT (window), "type", GSIZE_TO_POINTER (type));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name));
  g_assert_true (quorum_test_wait_for (list_filled, window));
  return list_model (window, type);
}

/* A finding copied: its line of the hand-computed findings. */
static void
test_copy_finding (void)
{
  static const char * const ids[] = { "sec-budget-2018-21", DOCUMENT, NULL };
  g_autoptr(GPtrArray) expected = quorum_test_read_expected (ids);
  QuorumWindow *window =
    quorum_test_open_window (app, g_getenv ("QUORUM_SAMPLE_STORE"), 1200, 760);
  GtkSelectionModel *model = show_list (window, "checks", QUORUM_TYPE_CHECKS_VIEW);
  g_autofree char *tsv = NULL;
  g_autofree char *html = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *line = NULL;
  g_autofree char *row_html = NULL;

  g_assert_true (gtk_selection_model_select_item (model, 1, TRUE));
  quorum_test_copy_and_read (window, &tsv, &html);
  g_assert_null (strchr (tsv, '\n'));
  fields = g_strsplit (tsv, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 10);
  /* A row id such as @total is text: neutralised in the tab-separated text. */
  if (fields[3][0] == '\'')
    memmove (fields[3], fields[3] + 1, strlen (fields[3]));
  g_free (fields[8]);
  fields[8] = NULL;
  line = g_strjoinv ("\t", fields);
  g_assert_true (g_ptr_array_find_with_equal_func (expected, line, g_str_equal, NULL));
  /* Two amounts as plain numbers in the HTML too. */
  row_html = g_strdup_printf ("<td align=\"right\">%s</td><td align=\"right\">%s</td>",
                              fields[5], fields[6]);
  g_assert_nonnull (strstr (html, row_html));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *entry;
  const char *text;
} EntryText;

/* Ctrl+C in the search entry copies the entry's text, not the row selected. */
static void
test_copy_entry (void)
{
  QuorumWindow *window =
    quorum_test_open_window (app, g_getenv ("QUORUM_SAMPLE_STORE"), 1200, 760);
  GtkSelectionModel *model = show_list (window, "work-packages", QUORUM_TYPE_WORK_PACKAGES_VIEW);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GtkWidget *view = quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_WORK_PACKAGES_VIEW);
  GtkWidget *entry = quorum_test_find_type (view, GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *text = NULL;

  g_assert_true (gtk_selection_model_select_item (model, 0, TRUE));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Smart");
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
  quorum_test_iterate ();
  gdk_clipboard_set_text (clipboard, "nothing copied yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy", NULL));
  quorum_test_iterate ();
  text = quorum_test_clipboard_text (clipboard);
  g_assert_cmpstr (text, ==, "Smart");
  g_assert_false (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                         "text/html"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- Export… ----------------------------------------------------------------- */

typedef struct
{
  gboolean done;
  gboolean written;
  char *path;
} Finished;

static void
finished_cb (QuorumExporter *exporter,
             const char     *path,
             gboolean        written,
             Finished       *finished)
{
  finished->done = TRUE;
  finished->written = written;
  g_free (finished->path);
  finished->path = g_strdup (path);
}

static gboolean
is_done (gpointer data)
{
  return ((Finished *) data)->done;
}

static QuorumExporter *
exporter_for (QuorumWindow *window,
              GType         view_type,
              Finished     *finished)
{
  GtkWidget *view = quorum_test_find_type (GTK_WIDGET (window), view_type);
  g_autoptr(QuorumExportSource) source =
    quorum_export_source_new_for_view (view, quorum_window_get_store (window),
                                       quorum_window_get_notes (window));
  QuorumExporter *exporter;

  g_assert_nonnull (source);
  exporter = quorum_exporter_new (GTK_WINDOW (window), source);
  g_signal_connect (exporter, "finished", G_CALLBACK (finished_cb), finished);
  return exporter;
}

static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return GTK_FILE_CHOOSER (window);
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_chooser () != NULL;
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* Ctrl+Shift+E on a table: the save dialog, a name without an extension
 * and the CSV filter: a .csv file of the table, its row as in the file. */
static void
test_export_table (void)
{
  const char *sample = g_getenv ("QUORUM_SAMPLE_STORE");
  g_auto(FileRow) expected = { NULL };
  g_autofree char *path = g_build_filename (tmp_dir, "table.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (tmp_dir);
  g_autoptr(GError) error = NULL;
  QuorumWindow *window = quorum_test_open_window (app, sample, 1200, 760);
  Shown shown = { window, NULL, -1 };
  GtkFileChooser *chooser;
  g_auto(GStrv) cells = NULL;

  read_file_row (sample, &expected);
  shown.row = expected.row;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-paper", "(ssss)", DOCUMENT,
                              expected.table, expected.row, "");
  g_assert_true (quorum_test_wait_for (row_selected, &shown));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (quorum_test_wait_for (chooser_shown, NULL));
  chooser = find_chooser ();
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, "table");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (quorum_test_wait_for (file_written, path));

  g_file_get_contents (path, &csv, NULL, &error);
  g_assert_no_error (error);
  cells = g_strsplit (expected.tsv->str, "\t", -1);
  line = g_strjoinv (",", cells);
  g_assert_true (g_str_has_prefix (csv, "Row,"));
  g_assert_nonnull (strstr (csv, line));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The work packages to JSON, as listed; then a file that cannot be written. */
static void
test_export_packages (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "packages.json", NULL);
  g_autofree char *blocker = g_build_filename (tmp_dir, "a-file", NULL);
  g_autofree char *bad = g_build_filename (blocker, "packages.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(JsonNode) root = NULL;
  QuorumWindow *window =
    quorum_test_open_window (app, g_getenv ("QUORUM_SAMPLE_STORE"), 1200, 760);
  GtkSelectionModel *model = show_list (window, "work-packages", QUORUM_TYPE_WORK_PACKAGES_VIEW);
  Finished finished = { FALSE };
  QuorumExporter *exporter;
  AdwMessageDialog *dialog;
  JsonArray *packages;

  exporter = exporter_for (window, QUORUM_TYPE_WORK_PACKAGES_VIEW, &finished);
  quorum_exporter_save (exporter, file);
  g_object_unref (exporter);
  g_assert_true (quorum_test_wait_for (is_done, &finished));
  g_assert_true (finished.written);
  g_assert_cmpstr (finished.path, ==, path);

  root = read_json (path);
  packages = json_object_get_array_member (json_node_get_object (root), "work_packages");
  g_assert_cmpuint (json_array_get_length (packages), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (model)));
  for (guint i = 0; i < json_array_get_length (packages); i++)
    {
      JsonObject *package = json_array_get_object_element (packages, i);
      g_autofree char *relpath = g_strdup_printf ("work-packages/%s.json",
                                                  json_object_get_string_member (package, "id"));
      g_autofree char *source = g_build_filename (g_getenv ("QUORUM_SAMPLE_STORE"), relpath,
                                                  NULL);
      g_autoptr(JsonNode) file_root = read_json (source);
      JsonObject *estimate = json_object_get_object_member (json_node_get_object (file_root),
                                                            "estimate");
      g_autofree char *cost = g_strdup_printf ("%.2f",
                                               json_object_get_double_member (estimate, "cost"));

      g_assert_cmpstr (json_object_get_string_member (package, "estimate"), ==, cost);
    }

  /* Under a regular file: the error names the file. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  finished = (Finished) { FALSE };
  exporter = exporter_for (window, QUORUM_TYPE_WORK_PACKAGES_VIEW, &finished);
  quorum_exporter_save (exporter, bad_file);
  g_object_unref (exporter);
  g_assert_true (quorum_test_wait_for (is_done, &finished));
  g_assert_false (finished.written);
  g_assert_true (quorum_test_wait_for (quorum_test_dialog_shown, (gpointer) "Export Failed"));
  dialog = quorum_test_find_dialog ("Export Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), bad));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_free (finished.path);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
table_shown (gpointer data)
{
  GtkWidget *view = quorum_test_find_type (GTK_WIDGET (data), QUORUM_TYPE_BUDGETS_VIEW);
  QuorumTableView *table = view != NULL
                           ? quorum_budgets_view_get_table_view (QUORUM_BUDGETS_VIEW (view))
                           : NULL;

  return table != NULL && gtk_widget_get_mapped (GTK_WIDGET (table));
}

/* A red document: nothing is written until the export is confirmed. */
static void
test_export_red (void)
{
  g_autofree char *store = g_build_filename (tmp_dir, "red-store", NULL);
  g_autofree char *budget = g_build_filename (store, "budgets", DOCUMENT ".json", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "red.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *red = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FileRow) expected = { NULL };
  Finished finished = { FALSE };
  QuorumExporter *exporter;
  QuorumWindow *window;
  AdwMessageDialog *dialog;

  g_assert_true (quorum_store_copy_folder (g_getenv ("QUORUM_SAMPLE_STORE"), store, NULL,
                                           &error));
  g_assert_no_error (error);
  g_file_get_contents (budget, &text, NULL, &error);
  g_assert_no_error (error);
  /* Classified red (the sample's document states no classification: white). */
  g_assert_null (strstr (text, "\"classification\""));
  red = replace (text, "\"format\": \"quorum.budget/1\",",
                 "\"format\": \"quorum.budget/1\", \"classification\": \"red\",");
  g_assert_cmpstr (red, !=, text);
  g_file_set_contents (budget, red, -1, &error);
  g_assert_no_error (error);

  window = quorum_test_open_window (app, store, 1200, 760);
  read_file_row (store, &expected);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-paper", "(ssss)", DOCUMENT,
                              expected.table, "", "");
  g_assert_true (quorum_test_wait_for (table_shown, window));

  /* Cancelled: nothing written. */
  exporter = exporter_for (window, QUORUM_TYPE_BUDGETS_VIEW, &finished);
  quorum_exporter_save (exporter, file);
  g_assert_true (quorum_test_wait_for (quorum_test_dialog_shown, (gpointer) "Export Red Items?"));
  dialog = quorum_test_find_dialog ("Export Red Items?");
  quorum_test_respond (dialog, "_Cancel");
  g_assert_true (quorum_test_wait_for (is_done, &finished));
  g_assert_false (finished.written);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_object_unref (exporter);

  /* Confirmed: written. */
  finished = (Finished) { FALSE };
  exporter = exporter_for (window, QUORUM_TYPE_BUDGETS_VIEW, &finished);
  quorum_exporter_save (exporter, file);
  g_assert_true (quorum_test_wait_for (quorum_test_dialog_shown, (gpointer) "Export Red Items?"));
  dialog = quorum_test_find_dialog ("Export Red Items?");
  quorum_test_respond (dialog, "_Export");
  g_assert_true (quorum_test_wait_for (is_done, &finished));
  g_assert_true (finished.written);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_object_unref (exporter);
  g_free (finished.path);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
notes_loaded (gpointer data)
{
  QuorumNotes *notes = quorum_window_get_notes (data);

  return notes != NULL && g_list_model_get_n_items (G_LIST_MODEL (notes)) == 1;
}

/* Ctrl+Shift+E on the work packages with "Include my private notes"
 * ticked in the save dialog: the note in a last column; not ticked: none. */
static void
test_export_notes (void)
{
  g_autofree char *store = g_build_filename (tmp_dir, "noted-store", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (tmp_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) loaded = quorum_store_new (store);
  g_autoptr(QuorumNotes) notes = NULL;
  g_autoptr(QuorumWorkPackage) package = NULL;
  g_autoptr(QuorumNote) note = NULL;
  QuorumWindow *window;

  g_assert_true (quorum_store_copy_folder (g_getenv ("QUORUM_SAMPLE_STORE"), store, NULL,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (quorum_store_load (loaded, NULL, &error));
  g_assert_no_error (error);
  notes = quorum_notes_new (loaded);
  g_assert_true (quorum_notes_load (notes, NULL, &error));
  package = g_list_model_get_item (quorum_store_get_work_packages (loaded), 0);
  note = quorum_note_new_on_work_package (quorum_work_package_get_id (package));
  g_assert_true (quorum_notes_add (notes, note, "Ask about the overrun", NULL, &error));
  g_assert_no_error (error);

  window = quorum_test_open_window (app, store, 1200, 760);
  g_assert_true (quorum_test_wait_for (notes_loaded, window));
  show_list (window, "work-packages", QUORUM_TYPE_WORK_PACKAGES_VIEW);
  for (guint ticked = 0; ticked < 2; ticked++)
    {
      g_autofree char *name = g_strdup_printf ("noted-%u.csv", ticked);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_autofree char *csv = NULL;
      g_autofree char *line = g_strdup_printf ("\r\n%s,", quorum_work_package_get_id (package));
      g_autofree char *row = NULL;
      const char *start;
      GtkFileChooser *chooser;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
      g_assert_true (quorum_test_wait_for (chooser_shown, NULL));
      chooser = find_chooser ();
      g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, &error));
      g_assert_no_error (error);
      gtk_file_chooser_set_current_name (chooser, name);
      /* Off unless ticked. */
      g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "notes"), ==, "false");
      gtk_file_chooser_set_choice (chooser, "notes", ticked ? "true" : "false");
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
      g_assert_true (quorum_test_wait_for (file_written, path));

      g_file_get_contents (path, &csv, NULL, &error);
      g_assert_no_error (error);
      start = strstr (csv, line);
      g_assert_nonnull (start);
      row = g_strndup (start + 2, strstr (start + 2, "\r\n") - (start + 2));
      g_assert_cmpint (g_str_has_suffix (row, ",Ask about the overrun"), ==, ticked);
      g_assert_cmpint (strstr (csv, ",Title,Note\r\n") != NULL, ==, ticked);
      g_assert_cmpint (strstr (csv, "Ask about the overrun") != NULL, ==, ticked);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* tests/data/expected, for quorum_test_read_expected (). */
  g_setenv ("G_TEST_SRCDIR", QUORUM_TEST_SRCDIR, TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under Xvfb (build-aux/run-tests does)");
      return 77;
    }
  adw_init ();
  tmp_dir = g_dir_make_tmp ("quorum-export-ui-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/export-ui/copy-table", test_copy_table);
  g_test_add_func ("/export-ui/copy-finding", test_copy_finding);
  g_test_add_func ("/export-ui/copy-entry", test_copy_entry);
  g_test_add_func ("/export-ui/export-table", test_export_table);
  g_test_add_func ("/export-ui/export-packages", test_export_packages);
  g_test_add_func ("/export-ui/export-red", test_export_red);
  g_test_add_func ("/export-ui/export-notes", test_export_notes);

  status = g_test_run ();
  g_clear_object (&app);
  quorum_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}
