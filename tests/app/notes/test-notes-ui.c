/* test-notes-ui.c: private notes in the window
 *
 * Drives the real window on a temporary copy of the sample store: a note
 * added on a budget cell through win.note-selection (Ctrl+Alt+N) and the
 * note editor, its marker on the cell, its row in the Notes view, editing
 * and deleting it; a note whose target is gone listed as detached; and on
 * the bundled sample, the write refused, the copy offered and nothing
 * written. Runs under Xvfb; skips cleanly without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-core.h"
#include "quorum-note-editor.h"
#include "quorum-notes-view.h"
#include "quorum-table-cell.h"
#include "quorum-window.h"
#include "quorum-ui-test-util.h"

static QuorumApplication *app;
static char *data_home;       /* $XDG_DATA_HOME, a temporary folder */

/* The editor with @heading is up: type @text and click @label. */
static void
write_in_editor (const char *heading,
                 const char *text,
                 const char *label)
{
  AdwMessageDialog *editor;

  g_assert_true (quorum_test_wait_for (quorum_test_dialog_shown, (gpointer) heading));
  editor = quorum_test_find_dialog (heading);
  if (text != NULL)
    quorum_note_editor_set_text (editor, text);
  quorum_test_respond (editor, label);
}

/* A cell of the sample, read from the store: the first table's first row
 * with a figure, and its first column. */
typedef struct
{
  char *document;
  char *table;
  char *row;
  char *column;
} Cell;

static void
cell_clear (Cell *cell)
{
  g_free (cell->document);
  g_free (cell->table);
  g_free (cell->row);
  g_free (cell->column);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cell, cell_clear)

static void
first_cell (QuorumStore *store,
            Cell        *cell)
{
  g_autoptr(QuorumBudgetDocument) document =
    g_list_model_get_item (quorum_store_get_documents (store), 0);
  g_autoptr(QuorumTable) table = NULL;
  g_autoptr(QuorumColumn) column = NULL;
  GListModel *rows;

  g_assert_nonnull (document);
  table = g_list_model_get_item (quorum_budget_document_get_tables (document), 0);
  g_assert_nonnull (table);
  column = g_list_model_get_item (quorum_table_get_columns (table), 0);
  g_assert_nonnull (column);
  rows = quorum_table_get_rows (table);
  for (guint i = 0; i < g_list_model_get_n_items (rows) && cell->row == NULL; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      if (quorum_row_get_n_values (row) > 0)
        cell->row = g_strdup (quorum_row_get_id (row));
    }
  g_assert_nonnull (cell->row);
  cell->document = g_strdup (quorum_budget_document_get_id (document));
  cell->table = g_strdup (quorum_table_get_id (table));
  cell->column = g_strdup (quorum_column_get_id (column));
}

static GVariant *
cell_target (Cell *cell)
{
  return g_variant_new ("(sssss)", "document", cell->document, cell->table, cell->row,
                        cell->column);
}

/* The figure cell shown for @cell's row in its first column. */
static QuorumTableCell *
find_cell (GtkWidget  *widget,
           const char *row_id)
{
  if (QUORUM_IS_TABLE_CELL (widget) && gtk_widget_get_mapped (widget))
    {
      QuorumTableCell *cell = QUORUM_TABLE_CELL (widget);
      QuorumTableItem *item = quorum_table_cell_get_item (cell);

      if (item != NULL && quorum_table_cell_get_kind (cell) == QUORUM_TABLE_CELL_VALUE &&
          quorum_table_cell_get_column (cell) == 0 &&
          g_strcmp0 (quorum_row_get_id (quorum_table_item_get_row (item)), row_id) == 0)
        return cell;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      QuorumTableCell *found = find_cell (child, row_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  QuorumWindow *window;
  const char *row;
  const char *text;     /* NULL: no note marked */
} Marker;

static gboolean
cell_marked (gpointer data)
{
  Marker *marker = data;
  QuorumTableCell *cell = find_cell (GTK_WIDGET (marker->window), marker->row);
  const char *tooltip;
  g_autofree char *expected = NULL;

  if (cell == NULL)
    return FALSE;
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (cell));
  if (marker->text == NULL)
    return tooltip == NULL || strstr (tooltip, "Has a note") == NULL;
  expected = g_strdup_printf ("Has a note: %s", marker->text);
  return tooltip != NULL && strstr (tooltip, expected) != NULL &&
         g_strcmp0 (quorum_table_cell_get_icon_name (cell), "document-edit-symbolic") == 0;
}

static gboolean
notes_count_is (QuorumWindow *window,
                guint         n)
{
  QuorumNotes *notes = quorum_window_get_notes (window);

  return notes != NULL && g_list_model_get_n_items (G_LIST_MODEL (notes)) == n;
}

static gboolean
one_note (gpointer data)
{
  return notes_count_is (data, 1);
}

static gboolean
no_note (gpointer data)
{
  return notes_count_is (data, 0);
}

typedef struct
{
  QuorumWindow *window;
  const char *id;
  const char *text;     /* the row's subtitle */
  gboolean detached;
} Listed;

static gboolean
note_listed (gpointer data)
{
  Listed *listed = data;
  GtkWidget *row = quorum_test_find_named (GTK_WIDGET (listed->window), listed->id);
  GtkWidget *mark;

  if (row == NULL || !ADW_IS_ACTION_ROW (row) || !gtk_widget_get_mapped (row) ||
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), listed->text) != 0)
    return FALSE;
  mark = quorum_test_find_label (row, "Detached");
  return mark != NULL && gtk_widget_get_visible (mark) == listed->detached;
}

/* The button's label is its "expected" data (mapped or not, as in a folded pane). */
static gboolean
button_labelled (gpointer data)
{
  GtkWidget *button = data;

  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)),
                    g_object_get_data (G_OBJECT (button), "expected")) == 0;
}

static gboolean
button_says (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && button_labelled (data);
}

static gboolean
page_shown (QuorumWindow *window,
            const char   *page)
{
  GtkWidget *view = quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_NOTES_VIEW);
  GtkWidget *stack = view != NULL ? quorum_test_find_type (view, GTK_TYPE_STACK) : NULL;

  return stack != NULL && gtk_widget_get_mapped (stack) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), page) == 0;
}

static gboolean
empty_shown (gpointer data)
{
  return page_shown (data, "empty");
}

static gboolean
no_match_shown (gpointer data)
{
  return page_shown (data, "no-match");
}

static void
show_notes_view (QuorumWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "notes");
  quorum_test_iterate ();
}

static char *
note_file (const char *store,
           QuorumNote *note)
{
  g_autofree char *name = g_strconcat (quorum_note_get_id (note), ".json", NULL);

  return g_build_filename (store, ".quorum", "notes", name, NULL);
}

/* Add, see, edit and delete a note on a cell, as a user does. */
static void
test_cell_note (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *parent = g_dir_make_tmp ("quorum-notes-XXXXXX", NULL);
  g_autofree char *store = g_build_filename (parent, "store", NULL);
  g_autofree char *file = NULL;
  g_autofree char *id = NULL;
  g_auto(Cell) cell = { NULL };
  g_autoptr(GError) error = NULL;
  QuorumWindow *window;
  QuorumNote *note;
  Marker marker;
  Listed listed;

  g_assert_true (quorum_store_copy_folder (sample, store, NULL, &error));
  g_assert_no_error (error);
  window = quorum_test_open_window (app, store, 1200, 760);
  first_cell (quorum_window_get_store (window), &cell);

  /* The cell, shown from elsewhere, then Ctrl+Alt+N on it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-paper", "(ssss)", cell.document,
                              cell.table, cell.row, cell.column);
  marker = (Marker) { window, cell.row, NULL };
  g_assert_true (quorum_test_wait_for (cell_marked, &marker));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.note-selection", NULL);
  write_in_editor ("Add Note", "Ask the Treasurer about this figure.", "_Save");
  g_assert_true (quorum_test_wait_for (one_note, window));

  note = g_list_model_get_item (G_LIST_MODEL (quorum_window_get_notes (window)), 0);
  g_object_unref (note);
  g_assert_cmpstr (quorum_note_get_document (note), ==, cell.document);
  g_assert_cmpstr (quorum_note_get_row (note), ==, cell.row);
  g_assert_cmpstr (quorum_note_get_column (note), ==, cell.column);
  g_assert_false (quorum_note_get_detached (note));
  id = g_strdup (quorum_note_get_id (note));
  file = note_file (store, note);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  marker.text = "Ask the Treasurer about this figure.";
  g_assert_true (quorum_test_wait_for (cell_marked, &marker));
  /* The row's details offer the same note, for the cell shown. */
  {
    GtkWidget *details_button = quorum_test_find_named (GTK_WIDGET (window),
                                                        "details-note-button");

    g_assert_nonnull (details_button);
    g_object_set_data (G_OBJECT (details_button), "expected", (gpointer) "Edit Note…");
    g_assert_true (quorum_test_wait_for (button_labelled, details_button));
  }

  /* Edited with Ctrl+Alt+N on the cell: the cell follows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.note-selection", NULL);
  write_in_editor ("Edit Note", "Asked: the figure is the restated one.", "_Save");
  marker.text = "Asked: the figure is the restated one.";
  g_assert_true (quorum_test_wait_for (cell_marked, &marker));

  /* Its row in the Notes view. */
  show_notes_view (window);
  listed = (Listed) { window, id, "Asked: the figure is the restated one.", FALSE };
  g_assert_true (quorum_test_wait_for (note_listed, &listed));

  /* Edited from its row's button: the row follows. */
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.edit-note", cell_target (&cell));
  write_in_editor ("Edit Note", "Asked twice: the figure is the restated one.", "_Save");
  listed.text = "Asked twice: the figure is the restated one.";
  g_assert_true (quorum_test_wait_for (note_listed, &listed));
  g_assert_cmpstr (quorum_note_get_text (note), ==,
                   "Asked twice: the figure is the restated one.");

  /* Deleted: the file, the row and the marker go. */
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.edit-note", cell_target (&cell));
  write_in_editor ("Edit Note", NULL, "_Delete");
  g_assert_true (quorum_test_wait_for (no_note, window));
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_true (quorum_test_wait_for (empty_shown, window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-paper", "(ssss)", cell.document,
                              cell.table, cell.row, cell.column);
  marker.text = NULL;
  g_assert_true (quorum_test_wait_for (cell_marked, &marker));

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_iterate ();
  quorum_test_rm_rf (parent);
}

/* A note whose work package is not in the store is listed, as detached. */
static void
test_detached (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *parent = g_dir_make_tmp ("quorum-notes-XXXXXX", NULL);
  g_autofree char *store = g_build_filename (parent, "store", NULL);
  g_autoptr(GError) error = NULL;
  QuorumWindow *window;
  QuorumNote *note;
  Listed listed;

  g_assert_true (quorum_store_copy_folder (sample, store, NULL, &error));
  g_assert_no_error (error);
  window = quorum_test_open_window (app, store, 1200, 760);
  g_assert_null (quorum_store_find_work_package (quorum_window_get_store (window),
                                                 "wp-no-such-package"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-note", "(sssss)", "work_package",
                              "wp-no-such-package", "", "", "");
  write_in_editor ("Add Note", "Was on the agenda in March.", "_Save");
  g_assert_true (quorum_test_wait_for (one_note, window));
  note = g_list_model_get_item (G_LIST_MODEL (quorum_window_get_notes (window)), 0);
  g_object_unref (note);
  g_assert_true (quorum_note_get_detached (note));

  show_notes_view (window);
  listed = (Listed) { window, quorum_note_get_id (note), "Was on the agenda in March.", TRUE };
  g_assert_true (quorum_test_wait_for (note_listed, &listed));

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_iterate ();
  quorum_test_rm_rf (parent);
}

/* The work package page's note button, and the Notes view's search. */
static void
test_package_note (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *parent = g_dir_make_tmp ("quorum-notes-XXXXXX", NULL);
  g_autofree char *store = g_build_filename (parent, "store", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumWorkPackage) package = NULL;
  QuorumWindow *window;
  QuorumNote *note;
  GtkWidget *button, *view;
  Listed listed;

  g_assert_true (quorum_store_copy_folder (sample, store, NULL, &error));
  g_assert_no_error (error);
  window = quorum_test_open_window (app, store, 1200, 760);
  package = g_list_model_get_item (
    quorum_store_get_work_packages (quorum_window_get_store (window)), 0);
  g_assert_nonnull (package);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-work-package", "s",
                              quorum_work_package_get_id (package));
  button = quorum_test_find_named (GTK_WIDGET (window), "note-button");
  g_assert_nonnull (button);
  g_object_set_data (G_OBJECT (button), "expected", (gpointer) "Add Note…");
  g_assert_true (quorum_test_wait_for (button_says, button));

  /* Ctrl+Alt+N on the page notes on its package, as the button does. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.note-selection", NULL);
  write_in_editor ("Add Note", "Check the estimate.", "_Save");
  g_assert_true (quorum_test_wait_for (one_note, window));
  note = g_list_model_get_item (G_LIST_MODEL (quorum_window_get_notes (window)), 0);
  g_object_unref (note);
  g_assert_cmpstr (quorum_note_get_work_package (note), ==, quorum_work_package_get_id (package));
  g_object_set_data (G_OBJECT (button), "expected", (gpointer) "Edit Note…");
  g_assert_true (quorum_test_wait_for (button_says, button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Has a note: Check the estimate.");

  /* Found by the search, by its text or by its package's title; not by other words. */
  show_notes_view (window);
  view = quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_NOTES_VIEW);
  quorum_notes_view_set_search (QUORUM_NOTES_VIEW (view), "no such words");
  g_assert_true (quorum_test_wait_for (no_match_shown, window));
  quorum_notes_view_set_search (QUORUM_NOTES_VIEW (view), "ESTIMATE");
  listed = (Listed) { window, quorum_note_get_id (note), "Check the estimate.", FALSE };
  g_assert_true (quorum_test_wait_for (note_listed, &listed));
  quorum_notes_view_set_search (QUORUM_NOTES_VIEW (view), quorum_work_package_get_title (package));
  g_assert_true (quorum_test_wait_for (note_listed, &listed));

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_iterate ();
  quorum_test_rm_rf (parent);
}

/* On the bundled sample, the note is refused and the user's copy offered. */
static void
test_sample_refused (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *before = quorum_test_snapshot_tree (sample);
  g_autofree char *after = NULL;
  g_autofree char *user_store = quorum_store_dup_user_path ();
  g_auto(Cell) cell = { NULL };
  QuorumWindow *window;
  gboolean unchanged;

  g_assert_true (g_str_has_prefix (user_store, data_home));
  window = quorum_test_open_window (app, sample, 1200, 760);
  g_assert_true (quorum_store_is_sample (quorum_window_get_store (window)));
  first_cell (quorum_window_get_store (window), &cell);

  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.edit-note", cell_target (&cell));
  write_in_editor ("Add Note", "Not to be written here.", "_Save");
  g_assert_true (quorum_test_wait_for (quorum_test_dialog_shown,
                                       (gpointer) "The Sample Store Is Read-Only"));
  g_assert_true (no_note (window));
  quorum_test_respond (quorum_test_find_dialog ("The Sample Store Is Read-Only"), "_Cancel");
  g_assert_false (g_file_test (user_store, G_FILE_TEST_EXISTS));

  /* Making one's own copy opens it, and the editor again with the text typed. */
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.edit-note", cell_target (&cell));
  write_in_editor ("Add Note", "Kept in my own store.", "_Save");
  g_assert_true (quorum_test_wait_for (quorum_test_dialog_shown,
                                       (gpointer) "The Sample Store Is Read-Only"));
  quorum_test_respond (quorum_test_find_dialog ("The Sample Store Is Read-Only"),
                       "_Make My Own Copy");
  write_in_editor ("Add Note", NULL, "_Save");
  g_assert_cmpstr (quorum_store_get_path (quorum_window_get_store (window)), ==, user_store);
  g_assert_true (quorum_test_wait_for (one_note, window));
  {
    g_autoptr(QuorumNote) note = g_list_model_get_item (
      G_LIST_MODEL (quorum_window_get_notes (window)), 0);

    g_assert_cmpstr (quorum_note_get_text (note), ==, "Kept in my own store.");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_iterate ();
  g_settings_reset (quorum_application_get_settings (app), "store-path");

  after = quorum_test_snapshot_tree (sample);
  unchanged = g_str_equal (before, after);
  g_assert_true (unchanged);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = quorum_test_app_init (&argc, &argv, &data_home);
  if (app == NULL)
    return 77;

  g_test_add_func ("/notes/cell-note", test_cell_note);
  g_test_add_func ("/notes/detached", test_detached);
  g_test_add_func ("/notes/package-note", test_package_note);
  g_test_add_func ("/notes/sample-refused", test_sample_refused);

  status = g_test_run ();
  g_clear_object (&app);
  quorum_test_rm_rf (data_home);
  g_free (data_home);
  return status;
}
