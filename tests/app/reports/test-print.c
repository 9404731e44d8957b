/* test-print.c: printing from the window (win.print, Ctrl+P)
 *
 * Drives the real window under Xvfb and prints through GtkPrintOperation
 * to a PDF without the dialog (the controller's export filename, which
 * runs GTK_PRINT_OPERATION_ACTION_EXPORT), then reads the PDF back with
 * pdftotext: a budget table as displayed (one group closed, the others
 * open) with every figure shown read from the store's file; a generated
 * table of thousands of rows, its column headers and "Page N of M" on
 * every page and every row once; meeting 39's pack with its agenda and the
 * committee's open actions, without and then with a private note. A
 * document classified red asks before anything is printed (and a reload
 * while it asks changes nothing printed); a file that cannot be written is
 * named in an error. The print dialog's Notes tab, and Cancel, in the
 * dialog and while printing. Waits on conditions, never sleeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gtk/gtkunixprint.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-core.h"
#include "quorum-print-controller.h"
#include "quorum-test-util.h"
#include "quorum-ui-test-util.h"
#include "quorum-window-private.h"
#include "meetings-test-util.h"

#define NOTE_TEXT "Ask the Chair how the review of sub-committee costs will be reported"

static QuorumApplication *app;

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path != NULL)
    return TRUE;
  g_test_skip ("poppler-utils is not installed (build-aux/install-deps)");
  return FALSE;
}

static gboolean
not_busy (gpointer data)
{
  return !quorum_print_controller_get_busy (data);
}

typedef struct
{
  int result;
  guint n_finished;
} Finished;

static void
finished_cb (QuorumPrintController *controller,
             int                    result,
             Finished              *finished)
{
  finished->result = result;
  finished->n_finished++;
}

/* The label (or button) showing @text under @widget, if any. */
static GtkWidget *
find_text (GtkWidget  *widget,
           GType       type,
           const char *text)
{
  const char *shown = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                      : GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget))
                      : NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && g_strcmp0 (shown, text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the primary menu's Print… item can be chosen (win.print is
 * enabled), from the menu of the header bar shown. */
static int
can_print (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget))
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (widget);
      GtkPopover *popover;
      GtkWidget *item;

      /* The main menu's popover is built the first time it opens. */
      if (gtk_menu_button_get_popover (button) == NULL)
        {
          gtk_menu_button_popup (button);
          gtk_menu_button_popdown (button);
        }
      popover = gtk_menu_button_get_popover (button);
      item = popover != NULL ? find_text (GTK_WIDGET (popover), GTK_TYPE_LABEL, "Print…") : NULL;

      if (item != NULL)
        return gtk_widget_is_sensitive (item) ? 1 : 0;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int found = can_print (child);

      if (found >= 0)
        return found;
    }
  return -1;
}

static gboolean
print_enabled (gpointer data)
{
  return can_print (data) == 1;
}

/* Ctrl+P's action, printing to @pdf; the operation's result. */
static int
print_to (QuorumWindow *window,
          const char   *pdf)
{
  QuorumPrintController *controller = _quorum_window_get_print_controller (window);
  Finished finished = { -1, 0 };
  gulong handler = g_signal_connect (controller, "finished", G_CALLBACK (finished_cb),
                                     &finished);

  quorum_print_controller_set_export_filename (controller, pdf);
  g_assert_true (quorum_test_wait_until (print_enabled, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_true (quorum_test_wait_until (not_busy, controller));
  g_signal_handler_disconnect (controller, handler);
  g_assert_cmpuint (finished.n_finished, ==, 1);
  return finished.result;
}

/* The text of each page of @pdf, laid out as printed. */
static GPtrArray *
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; pages[i] != NULL && pages[i + 1] != NULL; i++)
    g_ptr_array_add (list, g_strdup (pages[i]));
  return list;
}

static char *
all_text (GPtrArray *pages)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint p = 0; p < pages->len; p++)
    g_string_append (all, g_ptr_array_index (pages, p));
  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* "Page N of M" on every page, and @classification. */
static void
assert_furniture (GPtrArray  *pages,
                  const char *classification)
{
  for (guint p = 0; p < pages->len; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, pages->len);

      g_assert_nonnull (strstr (g_ptr_array_index (pages, p), number));
      g_assert_nonnull (strstr (g_ptr_array_index (pages, p), classification));
    }
}

/* The labels that start the lines of @text (a cell ends at two spaces). */
static GHashTable *
line_labels (const char *text)
{
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *start = lines[i] + strspn (lines[i], " ");
      const char *end = strstr (start, "  ");

      if (*start != '\0')
        g_hash_table_add (labels, end != NULL ? g_strndup (start, end - start)
                                              : g_strdup (start));
    }
  return labels;
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

static JsonObject *
find_table (JsonNode   *root,
            const char *id)
{
  JsonArray *tables = json_object_get_array_member (json_node_get_object (root), "tables");

  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      JsonObject *table = json_array_get_object_element (tables, t);

      if (g_strcmp0 (json_object_get_string_member (table, "id"), id) == 0)
        return table;
    }
  g_assert_not_reached ();
}

/* A figure as printed, from the number in the file. */
static char *
figure_text (JsonNode   *node,
             const char *unit)
{
  gint64 hundredths;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("N/A");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    hundredths = json_node_get_int (node) * 100;
  else
    {
      double value = json_node_get_double (node);

      hundredths = (gint64) (value * 100 + (value < 0 ? -0.5 : 0.5));
    }
  return quorum_amount_format_display (hundredths, unit);
}

/* Every figure of @row is in @text; returns how many. */
static guint
assert_figures (const char *text,
                JsonObject *row,
                const char *unit)
{
  JsonObject *values = json_object_get_object_member (row, "values");
  g_autoptr(GList) members = values != NULL ? json_object_get_members (values) : NULL;
  guint n = 0;

  for (GList *m = members; m != NULL; m = m->next, n++)
    {
      g_autofree char *figure = figure_text (json_object_get_member (values, m->data), unit);

      if (strstr (text, figure) == NULL)
        g_error ("row “%s”: %s is not printed", json_object_get_string_member (row, "label"),
                 figure);
    }
  return n;
}

static QuorumTableView *
show_table (QuorumWindow *window,
            const char   *document_id,
            const char   *table_id)
{
  QuorumBudgetsView *budgets = QUORUM_BUDGETS_VIEW (_quorum_window_ensure_view (window,
                                                                                "budgets"));
  QuorumTableView *view = quorum_budgets_view_get_table_view (budgets);

  quorum_budgets_view_show_table (budgets, document_id, table_id);
  g_assert_cmpstr (quorum_budgets_view_get_page (budgets), ==, "table");
  g_assert_nonnull (quorum_table_view_get_table (view));
  return view;
}

typedef struct
{
  QuorumTableView *view;
  guint n_rows;
} RowCount;

static gboolean
rows_shown (gpointer data)
{
  RowCount *count = data;

  return g_list_model_get_n_items (quorum_table_view_get_rows (count->view)) == count->n_rows;
}

/* A table as displayed: its first group closed, every other open. */
static void
test_table (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("quorum-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "table.pdf", NULL);
  g_autofree char *file = g_build_filename (sample, "budgets", "sec-budget-2020-23.json", NULL);
  g_autoptr(JsonNode) root = read_json (file);
  JsonObject *table = find_table (root, "secco-ops");
  JsonArray *rows = json_object_get_array_member (table, "rows");
  const char *unit = json_object_get_string_member (table, "unit");
  const char *closed = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) labels = NULL;
  QuorumWindow *window;
  RowCount count = { NULL, 1 };   /* the total */
  guint n_figures = 0;

  if (!have_pdftotext ())
    return;
  window = quorum_test_open_window (app, sample, 1200, 760);
  /* The overview and the list of documents have nothing to print. */
  g_assert_cmpint (can_print (GTK_WIDGET (window)), ==, 0);
  _quorum_window_ensure_view (window, "budgets");
  g_assert_cmpint (can_print (GTK_WIDGET (window)), ==, 0);

  count.view = show_table (window, "sec-budget-2020-23", "secco-ops");
  quorum_table_view_expand_all (count.view);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);

      count.n_rows++;
      if (!json_object_has_member (row, "rows"))
        continue;
      if (closed == NULL)
        closed = json_object_get_string_member (row, "id");
      else
        count.n_rows += json_array_get_length (json_object_get_array_member (row, "rows"));
    }
  g_assert_nonnull (closed);
  g_assert_true (quorum_table_view_set_row_expanded (count.view, closed, FALSE));
  g_assert_true (quorum_test_wait_until (rows_shown, &count));

  g_assert_cmpint (print_to (window, pdf), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  pages = pdf_pages (pdf);
  assert_furniture (pages, "WHITE");
  text = all_text (pages);
  labels = line_labels (text);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonArray *children = json_object_has_member (row, "rows")
                              ? json_object_get_array_member (row, "rows") : NULL;
      gboolean open = g_strcmp0 (json_object_get_string_member (row, "id"), closed) != 0;

      n_figures += assert_figures (text, row, unit);
      for (guint c = 0; children != NULL && c < json_array_get_length (children); c++)
        {
          JsonObject *child = json_array_get_object_element (children, c);
          const char *label = json_object_get_string_member (child, "label");

          /* A closed group's lines are not printed; an open one's are. */
          g_assert_true (g_hash_table_contains (labels, label) == open);
          if (open)
            n_figures += assert_figures (text, child, unit);
        }
    }
  n_figures += assert_figures (text, json_object_get_object_member (table, "total"), unit);
  g_assert_cmpuint (n_figures, >, 20);

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (dir);
}

/* A table of thousands of rows, every group open: laid out a few
 * thousand rows at a time, its column headers and "Page N of M" on every
 * page, every row printed once. */
static void
test_large_table (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quorum-print-XXXXXX", NULL);
  g_autofree char *store = g_build_filename (dir, "store", NULL);
  g_autofree char *pdf = g_build_filename (dir, "large.pdf", NULL);
  g_autofree char *file = g_build_filename (store, "budgets", "synthetic-large.json", NULL);
  const char *argv[] = { "python3", QUORUM_GENERATE_LARGE_STORE, store, "--rows", "5000",
                         "--columns", "4", "--groups", "25", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) labels = NULL;
  JsonObject *table;
  JsonArray *rows, *columns;
  QuorumWindow *window;
  RowCount count = { NULL, 1 };
  int status;

  if (!have_pdftotext ())
    return;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  root = read_json (file);
  table = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "tables"), 0);
  rows = json_object_get_array_member (table, "rows");
  columns = json_object_get_array_member (table, "columns");
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);

      count.n_rows += 1 + (json_object_has_member (row, "rows")
                           ? json_array_get_length (json_object_get_array_member (row, "rows"))
                           : 0);
    }
  g_assert_cmpuint (count.n_rows, >, 4000);

  window = quorum_test_open_window (app, store, 1200, 760);
  count.view = show_table (window,
                           json_object_get_string_member (json_node_get_object (root), "id"),
                           json_object_get_string_member (table, "id"));
  quorum_table_view_expand_all (count.view);
  g_assert_true (quorum_test_wait_until (rows_shown, &count));
  g_assert_cmpint (print_to (window, pdf), ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  pages = pdf_pages (pdf);
  g_assert_cmpuint (pages->len, >, 20);
  /* The headers wrap in their columns: each column's first word (its year). */
  for (guint c = 0; c < json_array_get_length (columns); c++)
    {
      const char *label = json_object_get_string_member (
        json_array_get_object_element (columns, c), "label");

      g_ptr_array_add (years, g_strndup (label, strcspn (label, " ")));
    }
  for (guint p = 0; p < pages->len; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, pages->len);
      const char *page = g_ptr_array_index (pages, p);

      g_assert_nonnull (strstr (page, number));
      g_assert_nonnull (strstr (page, "Line"));
      for (guint c = 0; c < years->len; c++)
        if (strstr (page, g_ptr_array_index (years, c)) == NULL)
          g_error ("page %u has no header “%s”", p + 1, (char *) g_ptr_array_index (years, c));
    }
  text = all_text (pages);
  labels = line_labels (text);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonArray *children = json_object_has_member (row, "rows")
                              ? json_object_get_array_member (row, "rows") : NULL;

      g_assert_true (g_hash_table_contains (labels, json_object_get_string_member (row,
                                                                                   "label")));
      for (guint c = 0; children != NULL && c < json_array_get_length (children); c++)
        {
          const char *label = json_object_get_string_member (
            json_array_get_object_element (children, c), "label");

          if (!g_hash_table_contains (labels, label))
            g_error ("row “%s” is not printed", label);
        }
    }
  assert_figures (text, json_object_get_object_member (table, "total"),
                  json_object_get_string_member (table, "unit"));

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (dir);
}

static gboolean
notes_loaded (gpointer data)
{
  QuorumWindow *window = data;
  QuorumNotes *notes = NULL;
  gboolean loaded;

  g_object_get (window, "notes", &notes, NULL);
  loaded = notes != NULL && g_list_model_get_n_items (G_LIST_MODEL (notes)) > 0;
  g_clear_object (&notes);
  return loaded;
}

/* Meeting 39's pack: its agenda, the committee's open actions; a private
 * note only when asked for. */
static void
test_meeting_pack (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quorum-print-XXXXXX", NULL);
  g_autofree char *store_path = quorum_test_copy_sample (dir);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *with_notes = g_build_filename (dir, "pack-notes.pdf", NULL);
  g_autofree char *file = g_build_filename (store_path, "meetings", "secp-39.json", NULL);
  g_autoptr(JsonNode) root = read_json (file);
  JsonObject *meeting_json = json_node_get_object (root);
  JsonArray *items = json_object_get_array_member (meeting_json, "items");
  g_autoptr(QuorumStore) writer = quorum_store_new (store_path);
  g_autoptr(QuorumNotes) notes = NULL;
  g_autoptr(QuorumNote) note = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *text = NULL, *flat = NULL, *note_flat = NULL;
  QuorumMeetingsView *meetings;
  QuorumActionLog *log;
  QuorumWindow *window;
  guint n_open = 0;

  if (!have_pdftotext ())
    return;
  /* A note on the meeting's first item, written before the window opens. */
  g_assert_true (quorum_store_load (writer, NULL, &error));
  notes = quorum_notes_new (writer);
  g_assert_true (quorum_notes_load (notes, NULL, &error));
  note = quorum_note_new_on_meeting (json_object_get_string_member (meeting_json, "id"),
                                     json_object_get_string_member (
                                       json_array_get_object_element (items, 0), "number"));
  g_assert_true (quorum_notes_add (notes, note, NOTE_TEXT, NULL, &error));
  g_assert_no_error (error);

  window = quorum_test_open_window (app, store_path, 1200, 760);
  g_assert_true (quorum_test_wait_until (notes_loaded, window));
  log = quorum_store_get_action_log (quorum_window_get_store (window));
  quorum_action_log_set_today (log, TODAY);
  meetings = QUORUM_MEETINGS_VIEW (_quorum_window_ensure_view (window, "meetings"));
  /* The calendar has nothing to print; a meeting's page has its pack. */
  g_assert_cmpint (can_print (GTK_WIDGET (window)), ==, 0);
  g_assert_true (quorum_meetings_view_show_meeting (
    meetings, json_object_get_string_member (meeting_json, "id")));

  g_assert_false (quorum_print_controller_get_include_notes (
    _quorum_window_get_print_controller (window)));
  g_assert_cmpint (print_to (window, pdf), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  pages = pdf_pages (pdf);
  assert_furniture (pages, "WHITE");
  text = all_text (pages);
  flat = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *heading = g_strdup_printf ("%s. %s",
                                                  json_object_get_string_member (item, "number"),
                                                  json_object_get_string_member (item, "title"));

      if (strstr (flat, heading) == NULL)
        g_error ("the pack has no agenda item “%s”", heading);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log)); i++)
    {
      g_autoptr(QuorumAction) action = g_list_model_get_item (G_LIST_MODEL (log), i);

      if (g_strcmp0 (quorum_action_get_committee (action),
                     json_object_get_string_member (meeting_json, "committee")) != 0)
        continue;
      n_open += quorum_action_get_open (action);
      g_assert_true ((strstr (text, quorum_action_get_ref (action)) != NULL)
                     == quorum_action_get_open (action));
    }
  g_assert_cmpuint (n_open, >, 0);
  note_flat = g_strndup (NOTE_TEXT, 30);
  g_assert_null (strstr (flat, note_flat));

  /* Asked for (the print dialog's Notes tab), the note is printed. */
  quorum_print_controller_set_include_notes (_quorum_window_get_print_controller (window), TRUE);
  g_assert_cmpint (print_to (window, with_notes), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_clear_pointer (&pages, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&flat, g_free);
  pages = pdf_pages (with_notes);
  text = all_text (pages);
  flat = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
  g_assert_nonnull (strstr (flat, note_flat));

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (dir);
}

/* Clicks the button @label of the dialog @heading, as a user does. */
static void
click (const char *heading,
       const char *label)
{
  AdwMessageDialog *dialog = quorum_test_find_dialog (heading);
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = find_text (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
dialog_gone (gpointer data)
{
  return quorum_test_find_dialog (data) == NULL;
}

typedef struct
{
  QuorumStore *store;
  QuorumBudgetDocument *before;
} Reloaded;

/* The store reloaded the document: a new object for it. */
static gboolean
document_replaced (gpointer data)
{
  Reloaded *reloaded = data;
  QuorumBudgetDocument *now = quorum_store_find_document (
    reloaded->store, quorum_budget_document_get_id (reloaded->before));

  return now != NULL && now != reloaded->before;
}

/* A document classified red: asked first; Cancel prints nothing, Print
 * prints it, as it was when printing started though the store reloaded it
 * while asking. */
static void
test_red_asks (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quorum-print-XXXXXX", NULL);
  g_autofree char *store = quorum_test_copy_sample (dir);
  g_autofree char *pdf = g_build_filename (dir, "red.pdf", NULL);
  g_autofree char *file = g_build_filename (store, "budgets", "sec-budget-2018-21.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *red = NULL;
  g_autoptr(GRegex) level = g_regex_new ("\"classification\": *\"[a-z]+\"", 0, 0, NULL);
  g_autoptr(GRegex) title = g_regex_new ("\"title\": *\"[^\"]+(?=\")", 0, 0, NULL);
  g_autofree char *renamed = NULL, *text = NULL;
  Reloaded reloaded;
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumTable) first = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  QuorumPrintController *controller;
  g_autoptr(QuorumBudgetDocument) document = NULL;
  QuorumWindow *window;

  if (!have_pdftotext ())
    return;
  g_assert_true (g_file_get_contents (file, &json, NULL, &error));
  g_assert_true (g_regex_match (level, json, 0, NULL));
  red = g_regex_replace_literal (level, json, -1, 0, "\"classification\": \"red\"", 0, NULL);
  g_assert_true (g_file_set_contents (file, red, -1, &error));

  window = quorum_test_open_window (app, store, 1200, 760);
  controller = _quorum_window_get_print_controller (window);
  document = g_object_ref (quorum_store_find_document (quorum_window_get_store (window),
                                                       "sec-budget-2018-21"));
  g_assert_cmpstr (quorum_budget_document_get_classification (document), ==, "red");
  first = g_list_model_get_item (quorum_budget_document_get_tables (document), 0);
  show_table (window, "sec-budget-2018-21", quorum_table_get_id (first));
  quorum_print_controller_set_export_filename (controller, pdf);

  /* Asked; cancelled: nothing printed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_true (quorum_test_wait_until (quorum_test_dialog_shown, "Print a Red Document?"));
  g_assert_true (quorum_print_controller_get_busy (controller));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  click ("Print a Red Document?", "_Cancel");
  g_assert_true (quorum_test_wait_until (not_busy, controller));
  g_assert_true (quorum_test_wait_until (dialog_gone, "Print a Red Document?"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Asked; meanwhile the store reloads the document, renamed on disk;
   * confirmed: what was shown when printing started is printed, marked
   * RED on every page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_true (quorum_test_wait_until (quorum_test_dialog_shown, "Print a Red Document?"));
  g_assert_true (g_regex_match (title, red, 0, NULL));
  renamed = g_regex_replace (title, red, -1, 0, "\\0 (revised)", 0, NULL);
  g_assert_true (g_file_set_contents (file, renamed, -1, &error));
  reloaded = (Reloaded) { quorum_window_get_store (window), document };
  g_assert_true (quorum_test_wait_until (document_replaced, &reloaded));
  click ("Print a Red Document?", "_Print");
  g_assert_true (quorum_test_wait_until (not_busy, controller));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  pages = pdf_pages (pdf);
  g_assert_cmpuint (pages->len, >, 0);
  assert_furniture (pages, "RED");
  text = all_text (pages);
  g_assert_null (strstr (text, "(revised)"));

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (dir);
}

/* Printing to a file that cannot be made (under /dev/null, which fails as
 * root too): an error naming the file, not a crash. */
static void
test_unwritable (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  const char *pdf = "/dev/null/quorum/checks.pdf";
  QuorumWindow *window = quorum_test_open_window (app, sample, 1200, 760);
  AdwMessageDialog *dialog;

  _quorum_window_ensure_view (window, "checks");
  g_assert_cmpint (print_to (window, pdf), ==, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_true (quorum_test_wait_until (quorum_test_dialog_shown, "Could Not Print"));
  dialog = quorum_test_find_dialog ("Could Not Print");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), pdf));
  click ("Could Not Print", "_Close");
  g_assert_true (quorum_test_wait_until (dialog_gone, "Could Not Print"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The print dialog's Notes tab for a meeting pack, then Cancel: nothing
 * printed, the controller free again. With QUORUM_SCREENSHOT_DIR set, the
 * dialog on its Notes tab is saved there as print-dialog.png. */
static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (window) && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

static gboolean
print_dialog_shown (gpointer data)
{
  return find_print_dialog () != NULL;
}

static void
test_dialog_cancel (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = quorum_test_open_window (app, sample, 1200, 760);
  QuorumPrintController *controller = _quorum_window_get_print_controller (window);
  QuorumMeetingsView *meetings;
  GtkWidget *dialog, *notebook, *check;
  Finished finished = { -1, 0 };
  int n_pages;

  quorum_action_log_set_today (quorum_store_get_action_log (quorum_window_get_store (window)),
                               TODAY);
  meetings = QUORUM_MEETINGS_VIEW (_quorum_window_ensure_view (window, "meetings"));
  g_assert_true (quorum_meetings_view_show_meeting (meetings, "secp-39"));
  g_assert_true (quorum_test_wait_until (print_enabled, window));
  g_signal_connect (controller, "finished", G_CALLBACK (finished_cb), &finished);
  quorum_print_controller_set_export_filename (controller, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_true (quorum_test_wait_until (print_dialog_shown, NULL));
  dialog = find_print_dialog ();
  g_assert_true (quorum_print_controller_get_busy (controller));

  /* The Notes tab: its check, off. */
  notebook = quorum_test_find_type (dialog, GTK_TYPE_NOTEBOOK);
  g_assert_nonnull (notebook);
  check = find_text (dialog, GTK_TYPE_LABEL, "Include my private notes");
  g_assert_nonnull (check);
  check = gtk_widget_get_ancestor (check, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  n_pages = gtk_notebook_get_n_pages (GTK_NOTEBOOK (notebook));
  for (int i = 0; i < n_pages; i++)
    if (gtk_widget_is_ancestor (check, gtk_notebook_get_nth_page (GTK_NOTEBOOK (notebook), i)))
      gtk_notebook_set_current_page (GTK_NOTEBOOK (notebook), i);
  g_assert_true (gtk_widget_get_mapped (check));
  save_screenshot (dialog, "print-dialog");

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_true (quorum_test_wait_until (not_busy, controller));
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_cmpint (finished.result, ==, GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_signal_handlers_disconnect_by_data (controller, &finished);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
cancel_cb (gpointer data)
{
  quorum_print_controller_cancel (data);
  return G_SOURCE_REMOVE;
}

/* Cancelled while it prints (as the progress dialog's Cancel does): the
 * job ends cancelled and the controller is free again. */
static void
test_cancel (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("quorum-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "cancelled.pdf", NULL);
  QuorumWindow *window = quorum_test_open_window (app, sample, 1200, 760);
  QuorumPrintController *controller = _quorum_window_get_print_controller (window);

  _quorum_window_ensure_view (window, "checks");
  /* Runs in the operation's own loop, before its first page. */
  g_idle_add (cancel_cb, controller);
  g_assert_cmpint (print_to (window, pdf), ==, GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_assert_false (quorum_print_controller_get_busy (controller));
  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (dir);
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

  g_test_add_func ("/print/table", test_table);
  g_test_add_func ("/print/large-table", test_large_table);
  g_test_add_func ("/print/meeting-pack", test_meeting_pack);
  g_test_add_func ("/print/red-asks", test_red_asks);
  g_test_add_func ("/print/unwritable", test_unwritable);
  g_test_add_func ("/print/dialog-cancel", test_dialog_cancel);
  g_test_add_func ("/print/cancel", test_cancel);

  status = g_test_run ();
  g_clear_object (&app);
  quorum_test_rm_rf (data_home);
  return status;
}
