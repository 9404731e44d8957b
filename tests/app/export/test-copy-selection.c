/* test-copy-selection.c: Copy (Ctrl+C) of several rows and of a range of cells
 *
 * Drives the real window on the sample store. In a budget table: rows
 * selected as Ctrl+click selects them, then sorted and searched, copied in
 * the order shown while the selection follows its rows; a cell shown by
 * another view, the cells selected grown and shrunk with Shift+→ and
 * Shift+←, rows added with Ctrl+click, ← → moving the focused cell; then
 * the same with the pointer (the X server's, through xdotool): a click on
 * a figure, Shift+click, Ctrl+click and a click on a row's label. In the
 * Checks, Work Packages and Actions lists, several rows. Each time both
 * forms on the clipboard are read back: the tab-separated text must be
 * exactly the cells expected, amounts as plain numbers checked against the
 * store's files, and the HTML table the same rows and cells. With
 * QUORUM_SCREENSHOT_DIR set, saves table-cells-selected.png and its -dark
 * twin there. Runs under Xvfb; skips without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "export-test-util.h"
#include "quorum-actions-view.h"
#include "quorum-application.h"
#include "quorum-budgets-view.h"
#include "quorum-checks-view.h"
#include "quorum-core.h"
#include "quorum-figure-test-util.h"
#include "quorum-table-cell.h"
#include "quorum-table-item.h"
#include "quorum-table-view.h"
#include "quorum-ui-test-util.h"
#include "quorum-work-packages-view.h"

#define DOCUMENT "sec-budget-2020-23"
#define TABLE "projections"

static QuorumApplication *app;
static GHashTable *lines;   /* the table's rows in its file: id → label, values (TSV) */

/* The first table's rows in the document's file, each with its label and
 * its values as amounts' texts ("1082102.00"), tab-separated. */
static GHashTable *
read_lines (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("QUORUM_SAMPLE_STORE"), "budgets",
                                            DOCUMENT ".json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *table;
  JsonArray *columns, *rows;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  table = json_array_get_object_element (json_object_get_array_member (
    json_node_get_object (json_parser_get_root (parser)), "tables"), 0);
  g_assert_cmpstr (json_object_get_string_member (table, "id"), ==, TABLE);
  columns = json_object_get_array_member (table, "columns");
  rows = json_object_get_array_member (table, "rows");
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonObject *values = json_object_get_object_member (row, "values");
      GString *tsv = g_string_new (json_object_get_string_member (row, "label"));

      for (guint c = 0; c < json_array_get_length (columns); c++)
        g_string_append_printf (tsv, "\t%.2f", json_object_get_double_member (
          values, json_object_get_string_member (json_array_get_object_element (columns, c),
                                                 "id")));
      g_hash_table_insert (out, g_strdup (json_object_get_string_member (row, "id")),
                           g_string_free (tsv, FALSE));
    }
  g_assert_cmpuint (g_hash_table_size (out), ==, 4);
  return out;
}

/* The lines of the rows @ids (NULL-terminated) as the file states them:
 * whole, or with @first > 0 only the values of columns @first to @last
 * (1 for the first column of figures). */
static char *
expected (const char * const *ids,
          guint               first,
          guint               last)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *line = g_hash_table_lookup (lines, ids[i]);
      g_auto(GStrv) cells = NULL;

      g_assert_nonnull (line);
      if (i > 0)
        g_string_append_c (out, '\n');
      if (first == 0)
        {
          g_string_append (out, line);
          continue;
        }
      cells = g_strsplit (line, "\t", -1);
      g_assert_cmpuint (last, <, g_strv_length (cells));
      for (guint c = first; c <= last; c++)
        g_string_append_printf (out, "%s%s", c > first ? "\t" : "", cells[c]);
    }
  return g_string_free (out, FALSE);
}

static guint
count (const char *text,
       const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

/* Copies, then checks both forms: the text is exactly @tsv, and the HTML
 * table has exactly its lines as rows, in order, amounts right-aligned. */
static void
assert_copied (QuorumWindow *window,
               const char   *tsv)
{
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_auto(GStrv) want = g_strsplit (tsv, "\n", -1);
  const char *at;

  quorum_test_copy_and_read (window, &text, &html);
  g_assert_cmpstr (text, ==, tsv);
  g_assert_null (strstr (text, "£"));
  g_assert_cmpuint (count (html, "<tr>"), ==, g_strv_length (want));
  at = html;
  for (guint i = 0; want[i] != NULL; i++)
    {
      g_autofree char *row = quorum_test_html_row (want[i]);

      at = strstr (at, row);
      g_assert_nonnull (at);
    }
}

/* --- the table ----------------------------------------------------------------- */

static QuorumTableView *
table_view (QuorumWindow *window)
{
  GtkWidget *view = quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_BUDGETS_VIEW);

  return view != NULL ? quorum_budgets_view_get_table_view (QUORUM_BUDGETS_VIEW (view)) : NULL;
}

static GtkWidget *
table_rows (QuorumWindow *window)
{
  return quorum_test_find_named (GTK_WIDGET (table_view (window)), "table-rows");
}

static GtkSelectionModel *
table_selection (QuorumWindow *window)
{
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (table_rows (window)));
}

static const char *
row_id_at (QuorumTableView *table,
           guint            position)
{
  g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (quorum_table_view_get_rows (table),
                                                              position);
  g_autoptr(QuorumTableItem) item = gtk_tree_list_row_get_item (tree_row);

  return quorum_row_get_id (quorum_table_item_get_row (item));
}

/* Where the row @id is shown. */
static guint
position_of (QuorumTableView *table,
             const char      *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (quorum_table_view_get_rows (table)); i++)
    if (g_str_equal (row_id_at (table, i), id))
      return i;
  g_error ("row %s not shown", id);
}

/* A Ctrl+click on the row @id, as the list does it: added to the rows selected. */
static void
add_row (QuorumWindow *window,
         const char   *id)
{
  g_assert_true (gtk_selection_model_select_item (table_selection (window),
                                                  position_of (table_view (window), id),
                                                  FALSE));
  quorum_test_iterate ();
}

typedef struct
{
  QuorumWindow *window;
  const char *row;          /* the row the cursor is on, or NULL for any */
  guint n_rows;             /* how many are selected */
  int first;                /* the cells selected: -1 for rows whole */
  int last;
} Selected;

static gboolean
is_selected (gpointer data)
{
  Selected *want = data;
  QuorumTableView *table = table_view (want->window);
  g_autoptr(GtkBitset) rows = NULL;
  QuorumRow *cursor;
  guint first, last;
  gboolean cells;

  if (table == NULL || !gtk_widget_get_mapped (GTK_WIDGET (table)))
    return FALSE;
  rows = gtk_selection_model_get_selection (table_selection (want->window));
  cursor = quorum_table_view_get_selected_row (table);
  cells = quorum_table_view_get_cell_range (table, &first, &last);
  return gtk_bitset_get_size (rows) == want->n_rows &&
         (want->row == NULL || (cursor != NULL && g_str_equal (quorum_row_get_id (cursor),
                                                               want->row))) &&
         (want->first < 0 ? !cells : cells && (int) first == want->first &&
                                     (int) last == want->last);
}

/* Waits until @n_rows rows are selected, the cursor on @row (unless NULL)
 * and the cells of columns @first to @last (-1: the rows whole); else
 * fails, saying what is selected. */
static void
wait_selected (QuorumWindow *window,
               const char   *row,
               guint         n_rows,
               int           first,
               int           last)
{
  Selected want = { window, row, n_rows, first, last };
  QuorumTableView *table;
  g_autoptr(GtkBitset) rows = NULL;
  QuorumRow *cursor;
  guint have_first = 0, have_last = 0;
  gboolean cells;

  if (quorum_test_wait_for (is_selected, &want))
    return;
  table = table_view (window);
  rows = gtk_selection_model_get_selection (table_selection (window));
  cursor = quorum_table_view_get_selected_row (table);
  cells = quorum_table_view_get_cell_range (table, &have_first, &have_last);
  g_error ("wanted %u rows, the cursor on %s, cells %d to %d; have %u rows, the cursor on %s, "
           "cells %d to %d", n_rows, row, first, last, (guint) gtk_bitset_get_size (rows),
           cursor != NULL ? quorum_row_get_id (cursor) : "none", cells ? (int) have_first : -1,
           cells ? (int) have_last : -1);
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *out)
{
  if (QUORUM_IS_TABLE_CELL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, out);
}

/* The figure of the row @id in @column, as shown. */
static GtkWidget *
figure (QuorumWindow *window,
        const char   *id,
        guint         column)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_cells (table_rows (window), cells);
  for (guint i = 0; i < cells->len; i++)
    {
      QuorumTableCell *cell = g_ptr_array_index (cells, i);
      QuorumTableItem *item = quorum_table_cell_get_item (cell);

      if (item != NULL && quorum_table_cell_get_column (cell) == column &&
          g_str_equal (quorum_row_get_id (quorum_table_item_get_row (item)), id))
        return GTK_WIDGET (cell);
    }
  g_error ("no figure of %s in column %u", id, column);
}

/* How many figures shown are framed as selected, and whether they say so. */
static guint
count_in_range (QuorumWindow *window)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint n = 0;

  collect_cells (table_rows (window), cells);
  for (guint i = 0; i < cells->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (cells, i), "in-range"))
      n++;
  return n;
}

static void
show_table (QuorumWindow *window,
            const char   *row,
            const char   *column,
            guint         n_rows,
            int           first)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-paper", "(ssss)",
                                             DOCUMENT, TABLE, row, column));
  wait_selected (window, *row != '\0' ? row : NULL, n_rows, first, first);
}

/* Rows selected as Ctrl+click selects them: copied whole, in the order
 * shown; sorted, then searched, the selection follows its rows. */
static void
test_rows (void)
{
  QuorumWindow *window =
    quorum_test_open_window (app, g_getenv ("QUORUM_SAMPLE_STORE"), 1200, 760);
  QuorumTableView *table;
  g_autofree char *tsv = NULL;

  show_table (window, "secco-ops", "", 1, -1);
  table = table_view (window);
  add_row (window, "projects");
  add_row (window, "contingency");
  /* The details show the row selected last. */
  wait_selected (window, "contingency", 3, -1, -1);
  tsv = expected ((const char *[]) { "secco-ops", "projects", "contingency", NULL }, 0, 0);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);

  /* Largest first: projects (1,191,750) is now above secco-ops (1,082,102). */
  gtk_widget_activate_action (GTK_WIDGET (table), "table.sort-by", "s", "2020-21-approved");
  gtk_widget_activate_action (GTK_WIDGET (table), "table.sort-descending", NULL);
  quorum_test_iterate ();
  g_assert_cmpstr (row_id_at (table, 0), ==, "secas");
  wait_selected (window, "contingency", 3, -1, -1);
  tsv = expected ((const char *[]) { "projects", "secco-ops", "contingency", NULL }, 0, 0);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);

  /* "projects" shows Projects and Contingency (its note): secco-ops is
   * gone from the selection, the others stay; they stay alone after. */
  quorum_table_view_set_search_text (table, "projects");
  wait_selected (window, "contingency", 2, -1, -1);
  /* Back from the search entry, whose Ctrl+C copies its text. */
  g_assert_true (quorum_table_view_focus_rows (table));
  tsv = expected ((const char *[]) { "projects", "contingency", NULL }, 0, 0);
  assert_copied (window, tsv);
  quorum_table_view_set_search_text (table, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.sort-by", "s", ""));
  wait_selected (window, "contingency", 2, -1, -1);
  g_assert_true (quorum_table_view_focus_rows (table));
  assert_copied (window, tsv);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A cell shown by another view, then Shift+← →, Ctrl+click and ← →. */
static void
test_cells_keys (void)
{
  QuorumWindow *window =
    quorum_test_open_window (app, g_getenv ("QUORUM_SAMPLE_STORE"), 1200, 760);
  GtkWidget *rows;
  g_autofree char *tsv = NULL;

  /* The second column of SECAS alone. */
  show_table (window, "secas", "2021-22-estimated", 1, 1);
  rows = table_rows (window);
  tsv = expected ((const char *[]) { "secas", NULL }, 2, 2);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);

  quorum_test_press_key (rows, "<Shift>Right");
  wait_selected (window, "secas", 1, 1, 2);
  tsv = expected ((const char *[]) { "secas", NULL }, 2, 3);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);

  /* Two rows more: the same columns of each, in the order shown. */
  add_row (window, "contingency");
  add_row (window, "secco-ops");
  wait_selected (window, "secco-ops", 3, 1, 2);
  g_assert_cmpuint (count_in_range (window), ==, 6);
  tsv = expected ((const char *[]) { "secco-ops", "secas", "contingency", NULL }, 2, 3);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);

  /* From the focused cell (column 2, on secco-ops) to the first column. */
  quorum_test_press_key (rows, "<Shift>Left");
  quorum_test_press_key (rows, "<Shift>Left");
  wait_selected (window, "secco-ops", 3, 0, 1);
  g_assert_true (gtk_widget_has_css_class (figure (window, "secco-ops", 0), "target"));
  tsv = expected ((const char *[]) { "secco-ops", "secas", "contingency", NULL }, 1, 2);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);

  /* → moves the focused cell, its row alone; ← from the first figure: the row. */
  quorum_test_press_key (rows, "Right");
  wait_selected (window, "secco-ops", 1, 1, 1);
  g_assert_cmpuint (count_in_range (window), ==, 1);
  tsv = expected ((const char *[]) { "secco-ops", NULL }, 2, 2);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);
  quorum_test_press_key (rows, "Left");
  quorum_test_press_key (rows, "Left");
  wait_selected (window, "secco-ops", 1, -1, -1);
  g_assert_cmpuint (count_in_range (window), ==, 0);
  tsv = expected ((const char *[]) { "secco-ops", NULL }, 0, 0);
  assert_copied (window, tsv);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs xdotool on @window's X window with @arguments (WINDOW in them
 * stands for it), and fails if it does. */
static void
xdotool (QuorumWindow *window,
         const char   *arguments)
{
  GtkNative *native = GTK_NATIVE (window);
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (
    gtk_native_get_surface (native)));
  g_auto(GStrv) parts = g_strsplit (arguments, "WINDOW", -1);
  g_autofree char *joined = g_strjoinv (xid, parts);
  g_autofree char *command = g_strconcat ("xdotool ", joined, NULL);
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Clicks the middle of @widget with the X server's pointer, as a user
 * would, holding @modifier (an xdotool key name) if not NULL. */
static void
click (GtkWidget  *widget,
       const char *modifier)
{
  GtkNative *native = gtk_widget_get_native (widget);
  float middle_x = gtk_widget_get_width (widget) / 2.f;
  float middle_y = gtk_widget_get_height (widget) / 2.f;
  graphene_point_t point;
  double surface_x, surface_y;
  g_autofree char *arguments = NULL;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (middle_x, middle_y), &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  arguments = g_strdup_printf ("mousemove --window WINDOW %d %d %s %s click 1 %s %s",
                               (int) (point.x + surface_x), (int) (point.y + surface_y),
                               modifier != NULL ? "keydown" : "", modifier != NULL ? modifier : "",
                               modifier != NULL ? "keyup" : "", modifier != NULL ? modifier : "");
  xdotool (QUORUM_WINDOW (native), arguments);
}

/* Presses @keys (xdotool's names: "shift+Right") in @window, given the X
 * server's focus: the key events go through GTK's own dispatch. */
static void
press_real (QuorumWindow *window,
            const char   *keys)
{
  g_autofree char *arguments = g_strdup_printf ("windowfocus --sync WINDOW key --clearmodifiers %s",
                                                keys);

  xdotool (window, arguments);
}

/* The label of the row @id, as shown. */
static GtkWidget *
label (QuorumWindow *window,
       const char   *id)
{
  GtkWidget *cell = figure (window, id, 0);
  GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (cell));

  return quorum_test_find_type (row, GTK_TYPE_INSCRIPTION);
}

/* With QUORUM_SCREENSHOT_DIR set, the window as table-cells-selected.png
 * and table-cells-selected-dark.png there. */
static void
save_screenshots (QuorumWindow *window)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (g_getenv ("QUORUM_SCREENSHOT_DIR") == NULL)
    return;
  quorum_figure_test_save_screenshot (GTK_WIDGET (window), "table-cells-selected");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  quorum_figure_test_save_screenshot (GTK_WIDGET (window), "table-cells-selected");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The same with the pointer: a figure clicked, then Shift+click on another
 * (the rows between and the columns between), Ctrl+click on a row's label
 * (a row more, the same columns), and a click on a label (that row whole). */
static void
test_cells_pointer (void)
{
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  QuorumWindow *window;
  g_autofree char *tsv = NULL;

  if (xdotool_path == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("clicks need xdotool on X11 (build-aux/install-deps installs it)");
      return;
    }
  /* The size of the other screenshots of a table, given the X server's
   * focus: selected rows look as they do in a focused window. */
  window = quorum_test_open_window (app, g_getenv ("QUORUM_SAMPLE_STORE"), 1100, 640);
  show_table (window, "", "", 0, -1);
  xdotool (window, "windowfocus --sync WINDOW");

  click (figure (window, "secco-ops", 0), NULL);
  wait_selected (window, "secco-ops", 1, 0, 0);
  tsv = expected ((const char *[]) { "secco-ops", NULL }, 1, 1);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);

  click (figure (window, "projects", 1), "shift");
  wait_selected (window, "projects", 3, 0, 1);
  g_assert_true (gtk_widget_has_css_class (figure (window, "projects", 1), "target"));
  tsv = expected ((const char *[]) { "secco-ops", "secas", "projects", NULL }, 1, 2);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);

  click (label (window, "contingency"), "ctrl");
  wait_selected (window, "contingency", 4, 0, 1);
  g_assert_cmpuint (count_in_range (window), ==, 8);
  save_screenshots (window);
  tsv = expected ((const char *[]) { "secco-ops", "secas", "projects", "contingency", NULL },
                  1, 2);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);

  click (label (window, "secas"), NULL);
  wait_selected (window, "secas", 1, -1, -1);
  g_assert_cmpuint (count_in_range (window), ==, 0);
  tsv = expected ((const char *[]) { "secas", NULL }, 0, 0);
  assert_copied (window, tsv);
  g_clear_pointer (&tsv, g_free);

  /* Keys as the user presses them, the focus in the row (its expander,
   * which has Shift+← → of its own): the cells grow, Shift+↓ adds a row,
   * ↓ takes the focused cell along alone, Ctrl+A selects every row whole. */
  click (figure (window, "secas", 1), NULL);
  wait_selected (window, "secas", 1, 1, 1);
  press_real (window, "shift+Right");
  wait_selected (window, "secas", 1, 1, 2);
  press_real (window, "shift+Down");
  wait_selected (window, "projects", 2, 1, 2);
  tsv = expected ((const char *[]) { "secas", "projects", NULL }, 2, 3);
  assert_copied (window, tsv);
  press_real (window, "Down");
  wait_selected (window, "contingency", 1, 2, 2);
  press_real (window, "Left");
  wait_selected (window, "contingency", 1, 1, 1);
  press_real (window, "ctrl+a");
  wait_selected (window, "contingency", 5, -1, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- the lists --------------------------------------------------------------------- */

typedef struct
{
  QuorumWindow *window;
  GType type;
} List;

static GtkSelectionModel *
list_model (List *list)
{
  GtkWidget *view = quorum_test_find_type (GTK_WIDGET (list->window), list->type);
  GtkWidget *column_view = view != NULL ? quorum_test_find_type (view, GTK_TYPE_COLUMN_VIEW)
                                        : NULL;

  return column_view != NULL ? gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)) : NULL;
}

static gboolean
list_filled (gpointer data)
{
  GtkSelectionModel *model = list_model (data);

  return model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) > 3;
}

/* The item a list's row shows (a slot's, in the Actions). */
static gpointer
list_item (GtkSelectionModel *model,
           guint              position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), position);
  gpointer inner = item;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "item") != NULL)
    g_object_get (item, "item", &inner, NULL);
  else
    g_object_ref (inner);
  /* The list holds it. */
  g_object_unref (inner);
  return inner;
}

typedef struct
{
  const char *view;
  GType type;
  guint n_fields;
  guint key_field;                        /* the field that names the item */
  const char *(*get_key) (gpointer item);
  int amount_field;                       /* a field that is an amount, or -1 */
} ListKind;

/* Rows 3 and 1 of a list, selected as Ctrl+click selects them, copied in
 * the order shown: a line each, of its fields, the item's key among them
 * and an amount as a plain number. */
static void
check_list (QuorumWindow   *window,
            const ListKind *kind)
{
  List list = { window, kind->type };
  GtkSelectionModel *model;
  g_autofree char *tsv = NULL;
  g_autofree char *html = NULL;
  g_auto(GStrv) rows = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             kind->view));
  g_assert_true (quorum_test_wait_for (list_filled, &list));
  model = list_model (&list);
  g_assert_true (gtk_selection_model_select_item (model, 3, TRUE));
  g_assert_true (gtk_selection_model_select_item (model, 1, FALSE));
  quorum_test_copy_and_read (window, &tsv, &html);
  rows = g_strsplit (tsv, "\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 2);
  g_assert_cmpuint (count (html, "<tr>"), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) fields = g_strsplit (rows[i], "\t", -1);
      g_autofree char *row_html = quorum_test_html_row (rows[i]);

      g_assert_cmpuint (g_strv_length (fields), ==, kind->n_fields);
      g_assert_cmpstr (fields[kind->key_field], ==,
                       kind->get_key (list_item (model, i == 0 ? 1 : 3)));
      if (kind->amount_field >= 0)
        g_assert_true (g_regex_match_simple ("^-?[0-9]+\\.[0-9][0-9]$",
                                             fields[kind->amount_field], 0, 0));
      /* The two forms differ only where a text is neutralised (a leading '). */
      if (strchr (rows[i], '\'') == NULL)
        g_assert_nonnull (strstr (html, row_html));
    }
}

static const char *
finding_table (gpointer item)
{
  return quorum_finding_get_table_id (item);
}

static const char *
package_id (gpointer item)
{
  return quorum_work_package_get_id (item);
}

static const char *
action_ref (gpointer item)
{
  return quorum_action_get_ref (item);
}

static void
test_lists (void)
{
  const ListKind kinds[] = {
    { "checks", QUORUM_TYPE_CHECKS_VIEW, 10, 2, finding_table, 5 },
    { "work-packages", QUORUM_TYPE_WORK_PACKAGES_VIEW, 10, 0, package_id, 6 },
    { "actions", QUORUM_TYPE_ACTIONS_VIEW, 9, 0, action_ref, -1 },
  };
  QuorumWindow *window =
    quorum_test_open_window (app, g_getenv ("QUORUM_SAMPLE_STORE"), 1200, 760);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    check_list (window, &kinds[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  app = quorum_test_app_init (&argc, &argv, &data_home);
  if (app == NULL)
    return 77;
  lines = read_lines ();

  g_test_add_func ("/copy-selection/rows", test_rows);
  g_test_add_func ("/copy-selection/cells-keys", test_cells_keys);
  g_test_add_func ("/copy-selection/cells-pointer", test_cells_pointer);
  g_test_add_func ("/copy-selection/lists", test_lists);

  status = g_test_run ();
  g_clear_object (&app);
  g_hash_table_unref (lines);
  quorum_test_rm_rf (data_home);
  return status;
}
