/* test-budgets.c: the budgets view: documents, tables, a table's cells, groups,
 * sorting, searching, the variance, showing a cell, reloading, 20,000 rows
 *
 * Drives a QuorumBudgetsView in a plain window, on the bundled sample store
 * (read only) and on a generated 20,000-row store. Expected figures are read
 * from the sample's JSON files and tests/data/expected/DOCUMENT.findings, and
 * formatted with the core's quorum_amount_format_display(). Runs under Xvfb
 * (build-aux/run-tests); skips cleanly without a display.
 *
 * With QUORUM_SCREENSHOT_DIR set, /budgets/screenshots also saves PNGs of
 * the view there, light and dark (it needs ImageMagick's `import`).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-budgets-view.h"
#include "quorum-core.h"
#include "quorum-table-cell.h"
#include "quorum-table-item.h"
#include "quorum-table-view.h"
#include "quorum-ui-test-util.h"

static QuorumApplication *app;
static QuorumStore *sample;
static char *sample_path;

typedef struct
{
  GtkWindow *window;
  QuorumBudgetsView *view;
  QuorumTableView *table;
  QuorumStore *store;
} Fixture;

/* --- the main loop ------------------------------------------------------------- */

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/* --- the sample's JSON --------------------------------------------------------- */

static JsonObject *
json_document (const char *document_id)
{
  static GHashTable *parsers;
  JsonParser *parser;

  if (parsers == NULL)
    parsers = g_hash_table_new (g_str_hash, g_str_equal);
  parser = g_hash_table_lookup (parsers, document_id);
  if (parser == NULL)
    {
      g_autofree char *file = g_strconcat (document_id, ".json", NULL);
      g_autofree char *path = g_build_filename (sample_path, "budgets", file, NULL);
      g_autoptr(GError) error = NULL;

      parser = json_parser_new ();
      g_assert_true (json_parser_load_from_file (parser, path, &error));
      g_assert_no_error (error);
      g_hash_table_insert (parsers, g_strdup (document_id), parser);
    }
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
json_table (const char *document_id,
            const char *table_id)
{
  JsonArray *tables = json_object_get_array_member (json_document (document_id), "tables");

  for (guint i = 0; i < json_array_get_length (tables); i++)
    {
      JsonObject *table = json_array_get_object_element (tables, i);

      if (g_str_equal (json_object_get_string_member (table, "id"), table_id))
        return table;
    }
  g_assert_not_reached ();
}

static JsonObject *
json_find_in (JsonArray  *rows,
              const char *row_id)
{
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonObject *found;

      if (g_str_equal (json_object_get_string_member (row, "id"), row_id))
        return row;
      if (json_object_has_member (row, "rows") &&
          (found = json_find_in (json_object_get_array_member (row, "rows"), row_id)) != NULL)
        return found;
    }
  return NULL;
}

static JsonObject *
json_row (JsonObject *table,
          const char *row_id)
{
  if (g_str_equal (row_id, "@total"))
    return json_object_get_object_member (table, "total");
  return json_find_in (json_object_get_array_member (table, "rows"), row_id);
}

/* Returns: FALSE when the row states no value there (absent or null) */
static gboolean
json_amount (JsonObject *row,
             const char *column_id,
             gint64     *hundredths)
{
  JsonObject *values = json_object_get_object_member (row, "values");
  JsonNode *node;

  if (!json_object_has_member (values, column_id))
    return FALSE;
  node = json_object_get_member (values, column_id);
  if (JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  /* Two decimals at most, far below 2^53: rounding the double is exact. */
  {
    double scaled = json_node_get_double (node) * 100;

    *hundredths = (gint64) (scaled + (scaled < 0 ? -0.5 : 0.5));
  }
  return TRUE;
}

static guint
json_count_rows (JsonArray *rows,
                 gboolean   deep)
{
  guint n = 0;

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      n++;
      if (deep && json_object_has_member (row, "rows"))
        n += json_count_rows (json_object_get_array_member (row, "rows"), TRUE);
    }
  return n;
}

static char *
money (gint64 hundredths)
{
  return quorum_amount_format_display (hundredths, "GBP");
}

static char *
signed_money (gint64 hundredths)
{
  g_autofree char *text = money (hundredths);

  return hundredths > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

/* The findings of a document, as tests/data/expected/ lists them. */
typedef struct
{
  char *severity;
  char *table;
  char *row;
  char *column;
  gint64 stated;
  gint64 computed;
  gint64 difference;
} ExpectedFinding;

static void
expected_finding_free (gpointer data)
{
  ExpectedFinding *finding = data;

  g_free (finding->severity);
  g_free (finding->table);
  g_free (finding->row);
  g_free (finding->column);
  g_free (finding);
}

static GPtrArray *
expected_findings (const char *document_id)
{
  g_autofree char *file = g_strconcat (document_id, ".findings", NULL);
  g_autofree char *path = g_build_filename (QUORUM_TEST_EXPECTED_DIR, file, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *findings = g_ptr_array_new_with_free_func (expected_finding_free);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      ExpectedFinding *finding;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      finding = g_new0 (ExpectedFinding, 1);
      finding->severity = g_strdup (fields[0]);
      finding->table = g_strdup (fields[2]);
      finding->row = g_strdup (fields[3]);
      finding->column = g_strdup (fields[4]);
      g_assert_true (quorum_amount_parse (fields[5], &finding->stated, NULL));
      g_assert_true (quorum_amount_parse (fields[6], &finding->computed, NULL));
      g_assert_true (quorum_amount_parse (fields[7], &finding->difference, NULL));
      g_ptr_array_add (findings, finding);
    }
  return findings;
}

/* --- the view ------------------------------------------------------------------- */

static void
fixture_set_up_with (Fixture     *f,
                     QuorumStore *store,
                     int          width,
                     int          height)
{
  f->store = g_object_ref (store);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, height);
  f->view = QUORUM_BUDGETS_VIEW (quorum_budgets_view_new ());
  quorum_budgets_view_set_store (f->view, store);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  g_assert_true (quorum_test_wait_for (is_mapped, f->view));
  f->table = quorum_budgets_view_get_table_view (f->view);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_set_up_with (f, sample, 1200, 760);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  quorum_test_iterate ();
  g_clear_object (&f->store);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (out, "%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)))
    g_string_append_printf (out, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static gboolean
shows (gpointer    widget,
       const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  collect_labels (GTK_WIDGET (widget), out);
  return strstr (out->str, text) != NULL;
}

static GListModel *
rows (Fixture *f)
{
  return quorum_table_view_get_rows (f->table);
}

/* The ids of the rows shown, in order. */
static GPtrArray *
row_ids (GListModel *model)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, i);
      g_autoptr(QuorumTableItem) item = gtk_tree_list_row_get_item (tree_row);

      g_ptr_array_add (ids, g_strdup (quorum_row_get_id (quorum_table_item_get_row (item))));
    }
  return ids;
}

static guint
position_of (GListModel *model,
             const char *row_id)
{
  g_autoptr(GPtrArray) ids = row_ids (model);
  guint position;

  if (!g_ptr_array_find_with_equal_func (ids, row_id, g_str_equal, &position))
    return GTK_INVALID_LIST_POSITION;
  return position;
}

static GtkTreeListRow *
tree_row_of (GListModel *model,
             const char *row_id)
{
  guint position = position_of (model, row_id);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  return g_list_model_get_item (model, position);
}

typedef struct
{
  GtkWidget *root;
  const char *row_id;
  QuorumTableCellKind kind;
  guint column;
  GtkWidget *found;
} CellQuery;

/* A figure cell says what it shows: its row's item, its kind and column. */
static void
search_cell (GtkWidget *widget,
             CellQuery *query)
{
  if (query->found != NULL)
    return;
  if (QUORUM_IS_TABLE_CELL (widget) && gtk_widget_get_mapped (widget))
    {
      QuorumTableCell *cell = QUORUM_TABLE_CELL (widget);
      QuorumTableItem *item = quorum_table_cell_get_item (cell);

      if (item != NULL && quorum_table_cell_get_kind (cell) == query->kind &&
          (query->kind != QUORUM_TABLE_CELL_VALUE ||
           quorum_table_cell_get_column (cell) == query->column) &&
          g_str_equal (quorum_row_get_id (quorum_table_item_get_row (item)), query->row_id))
        {
          query->found = widget;
          return;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    search_cell (child, query);
}

static gboolean
cell_exists (gpointer data)
{
  CellQuery *query = data;

  query->found = NULL;
  search_cell (query->root, query);
  return query->found != NULL;
}

/* The cell of a row in a column of the table (kind "value:ID") or of the
 * variance ("from", "to", "difference", "change"), once it is shown. */
static QuorumTableCell *
cell_at (Fixture    *f,
         const char *view_name,
         const char *row_id,
         const char *kind)
{
  GtkWidget *view = quorum_test_find_named (GTK_WIDGET (f->table), view_name);
  GListModel *model = g_str_equal (view_name, "variance-rows")
                      ? quorum_table_view_get_variance_rows (f->table) : rows (f);
  guint position = position_of (model, row_id);
  CellQuery query = { view, row_id, QUORUM_TABLE_CELL_VALUE, 0, NULL };

  g_assert_nonnull (view);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  if (g_str_has_prefix (kind, "value:"))
    {
      QuorumColumn *column = quorum_table_find_column (quorum_table_view_get_table (f->table),
                                                       kind + strlen ("value:"));

      g_assert_nonnull (column);
      query.column = quorum_column_get_index (column);
    }
  else
    {
      g_autoptr(GEnumClass) kinds = g_type_class_ref (QUORUM_TYPE_TABLE_CELL_KIND);
      GEnumValue *value = g_enum_get_value_by_nick (kinds, kind);

      g_assert_nonnull (value);
      query.kind = value->value;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
  if (!quorum_test_wait_for (cell_exists, &query))
    g_error ("no cell %s of row %s in %s", kind, row_id, view_name);
  g_assert_true (QUORUM_IS_TABLE_CELL (query.found));
  return QUORUM_TABLE_CELL (query.found);
}

static QuorumTableCell *
table_cell (Fixture    *f,
            const char *row_id,
            const char *column_id)
{
  g_autofree char *kind = g_strconcat ("value:", column_id, NULL);

  return cell_at (f, "table-rows", row_id, kind);
}

static gboolean
table_shown (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (quorum_budgets_view_get_page (f->view), "table") == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (f->table));
}

static void
open_table (Fixture    *f,
            const char *document_id,
            const char *table_id)
{
  quorum_budgets_view_show_table (f->view, document_id, table_id);
  g_assert_true (quorum_test_wait_for (table_shown, f));
  g_assert_cmpstr (quorum_table_get_id (quorum_table_view_get_table (f->table)), ==, table_id);
  quorum_test_wait_still (GTK_WIDGET (f->window));
}

static void
activate_action (Fixture    *f,
                 const char *name,
                 GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->table), name, parameter));
  quorum_test_wait_still (GTK_WIDGET (f->window));
}

/* Presses @key on @widget (quorum_test_press_key()), then lets the rows settle. */
static void
press_key (GtkWidget  *widget,
           const char *key)
{
  quorum_test_press_key (widget, key);
  quorum_test_wait_still (widget);
}

/* --- tests ------------------------------------------------------------------------ */

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *list = quorum_test_find_named (GTK_WIDGET (f->view), "budget-documents");
  GListModel *documents = quorum_store_get_documents (sample);
  GtkWidget *tables;
  JsonArray *json_tables;

  g_assert_cmpstr (quorum_budgets_view_get_page (f->view), ==, "documents");
  g_assert_nonnull (list);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, i);
      const char *id = quorum_budget_document_get_id (document);
      g_autofree char *name = g_strconcat ("document:", id, NULL);
      g_autoptr(GPtrArray) expected = expected_findings (id);
      g_autofree char *years = quorum_budget_document_dup_years (document);
      g_autofree char *badge = NULL;
      guint n_mismatches = 0;
      GtkWidget *row = quorum_test_find_named (list, name);

      for (guint j = 0; j < expected->len; j++)
        if (g_str_equal (((ExpectedFinding *) g_ptr_array_index (expected, j))->severity,
                         "mismatch"))
          n_mismatches++;
      badge = g_strdup_printf ("%u mismatches · %u rounding", n_mismatches,
                               expected->len - n_mismatches);

      g_assert_nonnull (row);
      g_assert_true (shows (row, json_object_get_string_member (json_document (id), "title")));
      g_assert_true (shows (row, "Approved"));
      g_assert_true (shows (row, years));
      g_assert_true (shows (row, badge));
    }

  /* Into a document: its tables, each with its findings. */
  g_signal_emit_by_name (list, "row-activated",
                         quorum_test_find_named (list, "document:sec-budget-2020-23"));
  quorum_test_wait_still (GTK_WIDGET (f->window));
  g_assert_cmpstr (quorum_budgets_view_get_page (f->view), ==, "tables");
  tables = quorum_test_find_named (GTK_WIDGET (f->view), "budget-tables");
  json_tables = json_object_get_array_member (json_document ("sec-budget-2020-23"), "tables");
  for (guint i = 0; i < json_array_get_length (json_tables); i++)
    {
      JsonObject *json = json_array_get_object_element (json_tables, i);
      g_autofree char *name = g_strconcat ("table:", json_object_get_string_member (json, "id"),
                                           NULL);
      GtkWidget *row = quorum_test_find_named (tables, name);

      g_assert_nonnull (row);
      g_assert_true (shows (row, json_object_get_string_member (json, "title")));
    }
  g_assert_true (shows (quorum_test_find_named (tables, "table:costs-by-committee"),
                        "4 rounding"));
  g_assert_true (shows (quorum_test_find_named (tables, "table:costs-by-committee"),
                        "Costs by committee · Pounds · 4 columns"));
  g_assert_true (shows (quorum_test_find_named (tables, "table:accommodation"), "1 mismatch"));
  g_assert_true (shows (quorum_test_find_named (tables, "table:meetings"), "Adds up"));

  /* Into a table, and back twice. */
  g_signal_emit_by_name (tables, "row-activated",
                         quorum_test_find_named (tables, "table:projects"));
  g_assert_true (quorum_test_wait_for (table_shown, f));
  g_assert_cmpstr (quorum_table_get_id (quorum_table_view_get_table (f->table)), ==, "projects");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->table), "budgets.back", NULL));
  quorum_test_wait_still (GTK_WIDGET (f->window));
  g_assert_cmpstr (quorum_budgets_view_get_page (f->view), ==, "tables");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "budgets.back", NULL));
  quorum_test_wait_still (GTK_WIDGET (f->window));
  g_assert_cmpstr (quorum_budgets_view_get_page (f->view), ==, "documents");
}

static void
test_table_cells (Fixture       *f,
                  gconstpointer  data)
{
  JsonObject *json = json_table ("sec-budget-2020-23", "costs-by-committee");
  JsonArray *json_rows = json_object_get_array_member (json, "rows");
  JsonArray *json_columns = json_object_get_array_member (json, "columns");
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) expected = expected_findings ("sec-budget-2020-23");
  guint n_checked = 0;

  open_table (f, "sec-budget-2020-23", "costs-by-committee");

  /* Every row, in the document's order, then the stated total. */
  ids = row_ids (rows (f));
  g_assert_cmpuint (ids->len, ==, json_array_get_length (json_rows) + 1);
  for (guint i = 0; i < json_array_get_length (json_rows); i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==,
                     json_object_get_string_member (json_array_get_object_element (json_rows, i),
                                                    "id"));
  g_assert_cmpstr (g_ptr_array_index (ids, ids->len - 1), ==, "@total");

  /* One column per table column, titled with its label, after the rows'. */
  {
    GtkWidget *view = quorum_test_find_named (GTK_WIDGET (f->table), "table-rows");
    GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));

    g_assert_cmpuint (g_list_model_get_n_items (columns), ==,
                      json_array_get_length (json_columns) + 1);
    for (guint i = 0; i < json_array_get_length (json_columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i + 1);
        JsonObject *json_column = json_array_get_object_element (json_columns, i);
        /* Long titles are broken into lines between words. */
        g_autofree char *title =
          g_strdelimit (g_strdup (gtk_column_view_column_get_title (column)), "\n", ' ');

        g_assert_cmpstr (title, ==, json_object_get_string_member (json_column, "label"));
      }
  }

  /* Every stated figure as the JSON has it, in pounds with separators. */
  for (guint i = 0; i < json_array_get_length (json_rows); i++)
    {
      JsonObject *row = json_array_get_object_element (json_rows, i);

      for (guint c = 0; c < json_array_get_length (json_columns); c++)
        {
          const char *column = json_object_get_string_member (
            json_array_get_object_element (json_columns, c), "id");
          QuorumTableCell *cell = table_cell (f, json_object_get_string_member (row, "id"),
                                              column);
          gint64 amount;

          if (json_amount (row, column, &amount))
            {
              g_autofree char *text = money (amount);

              g_assert_cmpstr (quorum_table_cell_get_text (cell), ==, text);
              g_assert_true (g_str_has_prefix (text, "£"));
              g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "numeric"));
              g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "computed"));
            }
          else
            g_assert_cmpstr (quorum_table_cell_get_text (cell), ==, "");
        }
    }
  /* e.g. £425,485 */
  {
    gint64 amount;
    g_autofree char *text = NULL;

    g_assert_true (json_amount (json_row (json, "panel-board"), "core-team", &amount));
    text = money (amount);
    g_assert_cmpstr (quorum_table_cell_get_text (table_cell (f, "panel-board", "core-team")), ==,
                     text);
  }

  /* The total is last and bold; its figures are the stated ones. */
  {
    gint64 amount;
    g_autofree char *text = NULL;
    QuorumTableCell *cell = table_cell (f, "@total", "core-team");

    g_assert_true (json_amount (json_row (json, "@total"), "core-team", &amount));
    text = money (amount);
    g_assert_cmpstr (quorum_table_cell_get_text (cell), ==, text);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "total"));
  }

  /* Each finding's cell is marked, and says what does not add up. */
  for (guint i = 0; i < expected->len; i++)
    {
      ExpectedFinding *finding = g_ptr_array_index (expected, i);
      g_autofree char *stated = NULL;
      g_autofree char *computed = NULL;
      g_autofree char *difference = NULL;
      const char *tooltip;
      QuorumTableCell *cell;
      gboolean mismatch;

      if (!g_str_equal (finding->table, "costs-by-committee"))
        continue;
      mismatch = g_str_equal (finding->severity, "mismatch");
      cell = table_cell (f, finding->row, finding->column);
      stated = money (finding->stated);
      computed = money (finding->computed);
      difference = signed_money (finding->difference);
      tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (cell));

      g_assert_cmpstr (quorum_table_cell_get_text (cell), ==, stated);
      g_assert_cmpstr (quorum_table_cell_get_icon_name (cell), ==,
                       mismatch ? "dialog-warning-symbolic" : "help-about-symbolic");
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), mismatch ? "error"
                                                                            : "warning"));
      g_assert_nonnull (tooltip);
      g_assert_nonnull (strstr (tooltip, mismatch ? "Mismatch" : "Rounding"));
      g_assert_nonnull (g_strstr_len (tooltip, -1, stated));
      g_assert_nonnull (strstr (tooltip, computed));
      g_assert_nonnull (strstr (tooltip, difference));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 4);

  /* A cell without a finding has no marker and no tooltip. */
  g_assert_null (quorum_table_cell_get_icon_name (table_cell (f, "opsg", "core-team")));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (table_cell (f, "opsg", "core-team"))));
}

static void
test_computed_and_negative (Fixture       *f,
                            gconstpointer  data)
{
  JsonObject *json = json_table ("sec-budget-2020-23", "overview");
  JsonObject *row = json_row (json, "core-team-sme");
  gint64 approved, outturn, discount;
  g_autofree char *expected = NULL;
  g_autofree char *negative = NULL;
  const char *tooltip;
  QuorumTableCell *cell;

  open_table (f, "sec-budget-2020-23", "overview");
  g_assert_true (quorum_table_view_set_row_expanded (f->table, "secas", TRUE));
  quorum_test_wait_frame (GTK_WIDGET (f->window));

  /* The variance column is a difference of two columns: a line that does
   * not state it shows what the formula gives, styled apart. */
  g_assert_false (json_amount (row, "variance", &approved));
  g_assert_true (json_amount (row, "2020-21-approved", &approved));
  g_assert_true (json_amount (row, "2019-20-outturn", &outturn));
  expected = money (approved - outturn);
  cell = table_cell (f, "core-team-sme", "variance");
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (cell));
  g_assert_cmpstr (quorum_table_cell_get_text (cell), ==, expected);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "computed"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "dim-label"));
  g_assert_cmpstr (tooltip, ==, "Computed: not stated in the document");

  /* A stated figure is not. */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (table_cell (f, "core-team-sme",
                                                                    "2020-21-approved")),
                                            "computed"));

  /* N/A is shown as such. */
  cell = table_cell (f, "contingency", "2019-20-outturn");
  g_assert_cmpstr (quorum_table_cell_get_text (cell), ==, "N/A");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "not-applicable"));

  /* A negative has a real minus and its own class. */
  g_assert_true (json_amount (json_row (json, "discount"), "2019-20-outturn", &discount));
  g_assert_cmpint (discount, <, 0);
  negative = money (discount);
  g_assert_true (g_str_has_prefix (negative, "−£"));
  cell = table_cell (f, "discount", "2019-20-outturn");
  g_assert_cmpstr (quorum_table_cell_get_text (cell), ==, negative);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "negative"));
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  JsonObject *json = json_table ("sec-budget-2018-21", "overview");
  JsonArray *json_rows = json_object_get_array_member (json, "rows");
  JsonObject *secas = json_row (json, "secas");
  guint top = json_count_rows (json_rows, FALSE) + 1;
  guint children = json_count_rows (json_object_get_array_member (secas, "rows"), FALSE);
  g_autoptr(GtkTreeListRow) tree_row = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  GtkWidget *column_view;
  guint position;

  open_table (f, "sec-budget-2018-21", "overview");
  g_assert_cmpuint (children, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, top);

  /* Expanded as a click on its expander does. */
  tree_row = tree_row_of (rows (f), "secas");
  g_assert_true (gtk_tree_list_row_is_expandable (tree_row));
  gtk_tree_list_row_set_expanded (tree_row, TRUE);
  quorum_test_wait_frame (GTK_WIDGET (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, top + children);
  ids = row_ids (rows (f));
  position = position_of (rows (f), "secas");
  for (guint i = 0; i < children; i++)
    {
      JsonObject *child = json_array_get_object_element (json_object_get_array_member (secas,
                                                                                      "rows"), i);

      g_assert_cmpstr (g_ptr_array_index (ids, position + 1 + i), ==,
                       json_object_get_string_member (child, "id"));
    }
  /* The group's label cell has its expander's row. */
  {
    QuorumTableCell *cell = table_cell (f, "secas", "2017-18-budget");

    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "group"));
  }

  /* Collapsed, then the keyboard's way: Enter on the row toggles it. */
  gtk_tree_list_row_set_expanded (tree_row, FALSE);
  quorum_test_wait_frame (GTK_WIDGET (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, top);
  g_signal_emit_by_name (quorum_test_find_named (GTK_WIDGET (f->table), "table-rows"), "activate",
                         position_of (rows (f), "secas"));
  quorum_test_wait_frame (GTK_WIDGET (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, top + children);

  /* Expand all and collapse all, from the table's menu. */
  activate_action (f, "table.collapse-all", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, top);
  activate_action (f, "table.expand-all", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==,
                    json_count_rows (json_rows, TRUE) + 1);

  /* The keys of the shortcuts window on the selected group: + opens it,
   * − closes it, * opens it and every group in it. */
  activate_action (f, "table.collapse-all", NULL);
  column_view = quorum_test_find_named (GTK_WIDGET (f->table), "table-rows");
  gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)),
                                   position_of (rows (f), "secas"), TRUE);
  press_key (column_view, "plus");
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, top + children);
  press_key (column_view, "minus");
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, top);
  press_key (column_view, "<Shift>Right");
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, top + children);
  press_key (column_view, "<Shift>Left");
  press_key (column_view, "asterisk");
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==,
                    top + json_count_rows (json_object_get_array_member (secas, "rows"), TRUE));
}

typedef struct
{
  const char *id;
  gint64 amount;
  gboolean has;
} Sortable;

static int
compare_sortable (gconstpointer a,
                  gconstpointer b)
{
  const Sortable *x = a, *y = b;

  /* As the view: blank below any figure. */
  if (!x->has || !y->has)
    return !!x->has - !!y->has;
  return (x->amount > y->amount) - (x->amount < y->amount);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  JsonObject *json = json_table ("sec-budget-2020-23", "costs-by-committee");
  JsonArray *json_rows = json_object_get_array_member (json, "rows");
  guint n = json_array_get_length (json_rows);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Sortable));
  g_autoptr(GPtrArray) ids = NULL;
  gboolean descending;

  open_table (f, "sec-budget-2020-23", "costs-by-committee");
  for (guint i = 0; i < n; i++)
    {
      JsonObject *row = json_array_get_object_element (json_rows, i);
      Sortable s = { json_object_get_string_member (row, "id"), 0, FALSE };

      s.has = json_amount (row, "sme", &s.amount);
      g_array_append_val (expected, s);
    }
  g_array_sort (expected, compare_sortable);

  /* Smallest first, by the Sort menu (the keyboard's way)… */
  activate_action (f, "table.sort-by", g_variant_new_string ("sme"));
  ids = row_ids (rows (f));
  g_assert_cmpuint (ids->len, ==, n + 1);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==, g_array_index (expected, Sortable, i).id);
  g_assert_cmpstr (g_ptr_array_index (ids, n), ==, "@total");
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* …largest first, the total still last… */
  g_assert_cmpstr (quorum_table_view_get_sort (f->table, &descending), ==, "sme");
  g_assert_false (descending);
  activate_action (f, "table.sort-descending", NULL);  /* toggled on */
  g_assert_cmpstr (quorum_table_view_get_sort (f->table, &descending), ==, "sme");
  g_assert_true (descending);
  ids = row_ids (rows (f));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==,
                     g_array_index (expected, Sortable, n - 1 - i).id);
  g_assert_cmpstr (g_ptr_array_index (ids, n), ==, "@total");
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* …and back to the document's order. A click on a column's title says
   * so in the menu too. */
  activate_action (f, "table.sort-by", g_variant_new_string (""));
  ids = row_ids (rows (f));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==,
                     json_object_get_string_member (json_array_get_object_element (json_rows, i),
                                                    "id"));
  {
    GtkColumnView *view =
      GTK_COLUMN_VIEW (quorum_test_find_named (GTK_WIDGET (f->table), "table-rows"));
    g_autoptr(GtkColumnViewColumn) column =
      g_list_model_get_item (gtk_column_view_get_columns (view), 4);

    gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
    quorum_test_wait_frame (GTK_WIDGET (f->window));
    g_assert_cmpstr (quorum_table_view_get_sort (f->table, &descending), ==, "total");
    g_assert_true (descending);
  }
}

static void
test_sort_groups (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = NULL;
  guint secas, last_top = 0;

  open_table (f, "sec-budget-2018-21", "overview");
  activate_action (f, "table.expand-all", NULL);
  activate_action (f, "table.sort-descending", NULL);  /* toggled on */
  activate_action (f, "table.sort-by", g_variant_new_string ("2017-18-budget"));

  /* Children stay under their parent, sorted among themselves. */
  ids = row_ids (rows (f));
  secas = position_of (rows (f), "secas");
  g_assert_cmpuint (secas, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "core-team");
  g_assert_cmpstr (g_ptr_array_index (ids, 2), ==, "coe");
  g_assert_cmpstr (g_ptr_array_index (ids, 3), ==, "accommodation");
  /* Support Costs states no 2017/18 figure: last of its group. */
  g_assert_cmpstr (g_ptr_array_index (ids, 4), ==, "support-costs");
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), "contingency") ||
        g_str_equal (g_ptr_array_index (ids, i), "projects") ||
        g_str_equal (g_ptr_array_index (ids, i), "secco-ops"))
      last_top = i;
  g_assert_cmpuint (last_top, ==, ids->len - 2);
  g_assert_cmpstr (g_ptr_array_index (ids, ids->len - 1), ==, "@total");
}

/* The oracle: the rows a search shows, as the view's rule says. */
static gboolean
oracle_row (JsonObject *row,
            const char *needle,
            gboolean    inherited,
            GPtrArray  *shown,
            guint      *n_matches)
{
  g_autofree char *text = g_strjoin ("\n", json_object_get_string_member (row, "label"),
                                     json_object_get_string_member_with_default (row, "note", ""),
                                     json_object_get_string_member (row, "id"), NULL);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  gboolean matches = strstr (folded, needle) != NULL;
  gboolean below = FALSE;
  guint position = shown->len;

  g_ptr_array_add (shown, NULL);
  if (json_object_has_member (row, "rows"))
    {
      JsonArray *children = json_object_get_array_member (row, "rows");

      for (guint i = 0; i < json_array_get_length (children); i++)
        below |= oracle_row (json_array_get_object_element (children, i), needle,
                             inherited || matches, shown, n_matches);
    }
  if (matches)
    (*n_matches)++;
  if (inherited || matches || below)
    shown->pdata[position] = (gpointer) json_object_get_string_member (row, "id");
  return matches || below;
}

static GPtrArray *
oracle (JsonObject *table,
        const char *query,
        guint      *n_matches)
{
  JsonArray *json_rows = json_object_get_array_member (table, "rows");
  g_autofree char *needle = g_utf8_casefold (query, -1);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *shown = g_ptr_array_new ();

  *n_matches = 0;
  for (guint i = 0; i < json_array_get_length (json_rows); i++)
    oracle_row (json_array_get_object_element (json_rows, i), needle, FALSE, all, n_matches);
  for (guint i = 0; i < all->len; i++)
    if (all->pdata[i] != NULL)
      g_ptr_array_add (shown, all->pdata[i]);
  if (strstr ("total\n@total", needle) != NULL)
    {
      g_ptr_array_add (shown, (gpointer) "@total");
      (*n_matches)++;
    }
  return shown;
}

static void
assert_search (Fixture    *f,
               JsonObject *json,
               const char *query)
{
  guint n_matches;
  g_autoptr(GPtrArray) expected = oracle (json, query, &n_matches);
  g_autoptr(GPtrArray) ids = NULL;

  quorum_table_view_set_search_text (f->table, query);
  quorum_test_wait_frame (GTK_WIDGET (f->window));
  ids = row_ids (rows (f));
  g_assert_cmpuint (ids->len, ==, expected->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==, g_ptr_array_index (expected, i));
  g_assert_cmpuint (quorum_table_view_get_n_matches (f->table), ==, n_matches);
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  JsonObject *json = json_table ("sec-budget-2018-21", "overview");
  GtkWidget *entry;
  g_autoptr(GPtrArray) ids = NULL;

  open_table (f, "sec-budget-2018-21", "overview");

  /* Ctrl+F's action opens the search and focuses it. */
  activate_action (f, "table.search", NULL);
  entry = quorum_test_find_named (GTK_WIDGET (f->table), "search-entry");
  g_assert_true (gtk_widget_get_mapped (entry));
  g_assert_true (gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)),
                                         entry));

  /* A line in a group: its group stays, expanded, before it. */
  assert_search (f, json, "Community of Expert");
  ids = row_ids (rows (f));
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "secas");
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "coe");
  g_assert_true (shows (f->table, "1 matching row"));

  /* Typed on, one letter at a time, as in the entry. */
  assert_search (f, json, "supp");
  assert_search (f, json, "suppo");
  assert_search (f, json, "support");
  assert_search (f, json, "Support Costs");
  assert_search (f, json, "accommodation");
  /* A group that matches shows its rows. */
  assert_search (f, json, "SECAS Services");
  /* Notes and ids are searched too. */
  assert_search (f, json, "CPI figure");
  assert_search (f, json, "secco-ops");

  /* Nothing matches: a page says so. */
  quorum_table_view_set_search_text (f->table, "no such row anywhere");
  quorum_test_wait_frame (GTK_WIDGET (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==, 0);
  g_assert_true (shows (f->table, "No Matching Rows"));

  /* The entry's own text searches, once it has paused. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "projects");
  g_signal_emit_by_name (entry, "search-changed");
  quorum_test_wait_frame (GTK_WIDGET (f->window));
  g_assert_cmpuint (position_of (rows (f), "projects"), !=, GTK_INVALID_LIST_POSITION);

  /* Closing the search shows every row again (the groups stay open). */
  g_signal_emit_by_name (entry, "stop-search");
  quorum_test_wait_frame (GTK_WIDGET (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (rows (f)), ==,
                    json_count_rows (json_object_get_array_member (json, "rows"), FALSE) + 1 +
                    json_count_rows (json_object_get_array_member (json_row (json, "secas"),
                                                                   "rows"), FALSE));
}

/* Each column shows one precision: Table 7's FTE columns have tenths, so
 * a whole 1 reads 1.0 beside 0.6; the figures read from the file. */
static void
test_column_precision (Fixture       *f,
                       gconstpointer  data)
{
  JsonObject *json = json_table ("sec-budget-2020-23", "core-team-fte");
  JsonArray *columns = json_object_get_array_member (json, "columns");
  JsonArray *rows = json_object_get_array_member (json, "rows");
  guint n_checked = 0, n_whole = 0;

  open_table (f, "sec-budget-2020-23", "core-team-fte");
  for (guint c = 0; c < json_array_get_length (columns); c++)
    {
      const char *column_id = json_object_get_string_member (
        json_array_get_object_element (columns, c), "id");
      g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint decimals;

      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          gint64 amount;

          if (json_amount (json_array_get_object_element (rows, r), column_id, &amount))
            g_array_append_val (amounts, amount);
        }
      decimals = quorum_amount_decimals ((const gint64 *) (gpointer) amounts->data,
                                         amounts->len, "fte");
      g_assert_cmpuint (decimals, >, 0);
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          gint64 amount;
          g_autofree char *expected = NULL;

          if (!json_amount (row, column_id, &amount))
            continue;
          expected = quorum_amount_format_decimals (amount, "fte", decimals);
          n_whole += amount % 100 == 0;
          g_assert_cmpstr (quorum_table_cell_get_text (table_cell (
                             f, json_object_get_string_member (row, "id"), column_id)), ==,
                           expected);
          n_checked++;
        }
    }
  /* Some figures are whole, and show the column's decimals all the same. */
  g_assert_cmpuint (n_checked, >, 2);
  g_assert_cmpuint (n_whole, >, 0);
}

/* A drop-down's open list shows one check mark. */
static gboolean
one_check_shown (gpointer data)
{
  g_autoptr(GPtrArray) checks = quorum_test_find_all_named (data, "choice-check");

  return checks->len == 1;
}

/* What the table's rows draw: the labels and the rows of the figure cells
 * mapped, each in a set. */
static void
collect_drawn (GtkWidget  *widget,
               GHashTable *labels,
               GHashTable *cell_rows)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)))
    g_hash_table_add (labels, g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (widget))));
  if (QUORUM_IS_TABLE_CELL (widget) && quorum_table_cell_get_item (QUORUM_TABLE_CELL (widget)))
    g_hash_table_add (cell_rows, g_strdup (quorum_row_get_id (quorum_table_item_get_row (
                                   quorum_table_cell_get_item (QUORUM_TABLE_CELL (widget))))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_drawn (child, labels, cell_rows);
}

/* Whether the table's rows draw exactly the rows shown (all on screen). */
static gboolean
rows_drawn (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) cell_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr(GHashTable) shown_labels = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (rows (f));

  collect_drawn (quorum_test_find_named (GTK_WIDGET (f->table), "table-rows"), labels,
                 cell_rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (rows (f), i);
      g_autoptr(QuorumTableItem) item = gtk_tree_list_row_get_item (tree_row);
      QuorumRow *row = quorum_table_item_get_row (item);

      if (!g_hash_table_contains (cell_rows, quorum_row_get_id (row)) ||
          !g_hash_table_contains (labels, quorum_row_get_label (row)))
        return FALSE;
      g_hash_table_add (shown_labels, (gpointer) quorum_row_get_label (row));
    }
  return g_hash_table_size (cell_rows) == n &&
         g_hash_table_size (labels) == g_hash_table_size (shown_labels);
}

static const char *
selected_id (Fixture *f)
{
  QuorumRow *row = quorum_table_view_get_selected_row (f->table);

  return row != NULL ? quorum_row_get_id (row) : NULL;
}

/* A search narrows and widens the rows shown: the rows kept are rebound
 * and draw the rows now at their places, and the selection stays on the
 * row selected while it is shown. */
static void
test_rebind (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *column_view;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *last = NULL;
  guint position;

  open_table (f, "sec-budget-2018-21", "overview");
  column_view = quorum_test_find_named (GTK_WIDGET (f->table), "table-rows");
  quorum_table_view_set_search_text (f->table, "Support Costs");
  g_assert_true (quorum_test_wait_for (rows_drawn, f));
  ids = row_ids (rows (f));
  g_assert_cmpuint (ids->len, >, 1);
  last = g_strdup (g_ptr_array_index (ids, ids->len - 1));
  position = position_of (rows (f), last);
  gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)),
                                   position, TRUE);
  g_assert_cmpstr (selected_id (f), ==, last);

  /* All the rows again: the row selected moves down, its place rebound. */
  quorum_table_view_set_search_text (f->table, "");
  g_assert_cmpuint (position_of (rows (f), last), >, position);
  g_assert_cmpstr (selected_id (f), ==, last);
  quorum_table_view_set_search_text (f->table, "Support Costs");
  g_assert_true (quorum_test_wait_for (rows_drawn, f));
  g_assert_cmpstr (selected_id (f), ==, last);
  g_assert_cmpuint (position_of (rows (f), last), ==, position);

  /* Another search: what it shows is drawn, and the selection goes. */
  quorum_table_view_set_search_text (f->table, "accommodation");
  g_assert_cmpuint (position_of (rows (f), last), ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (quorum_test_wait_for (rows_drawn, f));
  g_assert_null (selected_id (f));
}

static void
test_variance (Fixture       *f,
               gconstpointer  data)
{
  JsonObject *json = json_table ("sec-budget-2020-23", "overview");
  const char *rows_to_check[] = { "secco-ops", "secas", "projects", "@total" };
  GtkWidget *variance_button;

  open_table (f, "sec-budget-2020-23", "overview");
  quorum_table_view_set_variance (f->table, TRUE);
  quorum_test_wait_still (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (
                   quorum_test_find_named (GTK_WIDGET (f->table), "variance-rows")));
  g_assert_true (quorum_table_view_set_variance_columns (f->table, "2019-20-outturn",
                                                         "2020-21-approved"));
  quorum_test_wait_frame (GTK_WIDGET (f->window));

  for (guint i = 0; i < G_N_ELEMENTS (rows_to_check); i++)
    {
      JsonObject *row = json_row (json, rows_to_check[i]);
      gint64 from, to, difference, percent;
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;
      g_autofree char *difference_text = NULL;
      g_autofree char *percent_text = NULL;
      QuorumTableCell *cell;

      g_assert_true (json_amount (row, "2019-20-outturn", &from));
      g_assert_true (json_amount (row, "2020-21-approved", &to));
      g_assert_true (quorum_amount_change (from, to, &difference, &percent));
      from_text = money (from);
      to_text = money (to);
      difference_text = signed_money (difference);
      /* One decimal, as every percentage. */
      percent_text = quorum_amount_format_percent (percent);

      g_assert_cmpstr (quorum_table_cell_get_text (cell_at (f, "variance-rows", rows_to_check[i],
                                                            "from")), ==, from_text);
      g_assert_cmpstr (quorum_table_cell_get_text (cell_at (f, "variance-rows", rows_to_check[i],
                                                            "to")), ==, to_text);
      cell = cell_at (f, "variance-rows", rows_to_check[i], "difference");
      g_assert_cmpstr (quorum_table_cell_get_text (cell), ==, difference_text);
      g_assert_cmpstr (quorum_table_cell_get_icon_name (cell), ==,
                       difference > 0 ? "go-up-symbolic"
                       : difference < 0 ? "go-down-symbolic" : NULL);
      g_assert_cmpstr (quorum_table_cell_get_text (cell_at (f, "variance-rows", rows_to_check[i],
                                                            "change")), ==, percent_text);
    }

  /* The drop-downs offer the columns a document states, not one worked out
   * from others (a "difference" column), and the list marks the one chosen.
   * The Table's sort is greyed out, and the menu says why. */
  {
    JsonArray *columns = json_object_get_array_member (json, "columns");
    GtkDropDown *to = GTK_DROP_DOWN (quorum_test_find_named (GTK_WIDGET (f->table),
                                                             "variance-to"));
    GListModel *offered = gtk_drop_down_get_model (to);
    GtkWidget *menu_button = quorum_test_find_named (GTK_WIDGET (f->table), "table-menu");
    guint n_offered = 0;

    for (guint c = 0; c < json_array_get_length (columns); c++)
      {
        JsonObject *column = json_array_get_object_element (columns, c);

        if (json_object_has_member (column, "difference"))
          {
            g_assert_false (quorum_table_view_set_variance_columns (
              f->table, "2019-20-outturn", json_object_get_string_member (column, "id")));
            continue;
          }
        g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (offered), n_offered), ==,
                         json_object_get_string_member (column, "label"));
        n_offered++;
      }
    g_assert_cmpuint (g_list_model_get_n_items (offered), ==, n_offered);
    g_assert_cmpuint (n_offered, <, json_array_get_length (columns));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (offered),
                                                 gtk_drop_down_get_selected (to)), ==,
                     json_object_get_string_member (json_array_get_object_element (columns, 2),
                                                    "label"));
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (menu_button), "heading"));
    g_assert_true (gtk_widget_activate (GTK_WIDGET (to)));
    /* Mapped: shown beside the chosen column only, once the list is up. */
    g_assert_true (quorum_test_wait_for (one_check_shown, to));
    gtk_popover_popdown (GTK_POPOVER (quorum_test_find_type (GTK_WIDGET (to),
                                                             GTK_TYPE_POPOVER)));
    gtk_widget_grab_focus (GTK_WIDGET (f->table));
    quorum_test_wait_frame (GTK_WIDGET (f->window));
  }

  /* The contingency's 2019/20 out-turn is N/A: no difference (a difference
   * with N/A is N/A), no percentage. */
  g_assert_cmpstr (quorum_table_cell_get_text (cell_at (f, "variance-rows", "contingency",
                                                        "difference")), ==, "N/A");
  g_assert_cmpstr (quorum_table_cell_get_text (cell_at (f, "variance-rows", "contingency",
                                                        "change")), ==, "—");

  /* The other way round: a decrease, marked by its sign and its icon. */
  g_assert_true (quorum_table_view_set_variance_columns (f->table, "2020-21-approved",
                                                         "2019-20-outturn"));
  quorum_test_wait_frame (GTK_WIDGET (f->window));
  {
    QuorumTableCell *cell = cell_at (f, "variance-rows", "secco-ops", "difference");

    g_assert_true (g_str_has_prefix (quorum_table_cell_get_text (cell), "−£"));
    g_assert_cmpstr (quorum_table_cell_get_icon_name (cell), ==, "go-down-symbolic");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "negative"));
    g_assert_true (g_str_has_prefix (quorum_table_cell_get_text (
                     cell_at (f, "variance-rows", "secco-ops", "change")), "−"));
  }

  /* A table of one column has no variance to offer. */
  open_table (f, "sec-budget-2018-21", "tech-effectiveness");
  variance_button = quorum_test_find_named (GTK_WIDGET (f->table), "mode-variance");
  g_assert_false (gtk_widget_get_sensitive (variance_button));
  g_assert_true (gtk_widget_get_mapped (
                   quorum_test_find_named (GTK_WIDGET (f->table), "table-rows")));
}

static void
test_show_cell (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = expected_findings ("sec-budget-2020-23");
  QuorumTableCell *cell;
  QuorumRow *row;

  /* From anywhere to a cell in a group: the group opens, the row is
   * selected and the cell marked. */
  quorum_budgets_view_show_cell (f->view, "sec-budget-2020-23", "overview", "discount",
                                 "2020-21-approved");
  g_assert_true (quorum_test_wait_for (table_shown, f));
  quorum_test_wait_still (GTK_WIDGET (f->window));
  row = quorum_table_view_get_selected_row (f->table);
  g_assert_nonnull (row);
  g_assert_cmpstr (quorum_row_get_id (row), ==, "discount");
  /* The row has the keyboard focus. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, quorum_test_find_named (GTK_WIDGET (f->table),
                                                              "table-rows")));
  }
  cell = table_cell (f, "discount", "2020-21-approved");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "target"));
  /* The details pane (closed) has it. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (quorum_test_find_named (GTK_WIDGET (f->table),
                                                              "details-title"))), ==,
                   "Contractual Discount");

  /* A search that hides the row is cleared. */
  quorum_table_view_set_search_text (f->table, "projects");
  quorum_test_wait_frame (GTK_WIDGET (f->window));
  g_assert_cmpuint (position_of (rows (f), "core-team-sme"), ==, GTK_INVALID_LIST_POSITION);
  quorum_budgets_view_show_cell (f->view, "sec-budget-2020-23", "overview", "core-team-sme",
                                 "2019-20-approved");
  quorum_test_wait_still (GTK_WIDGET (f->window));
  g_assert_cmpstr (quorum_row_get_id (quorum_table_view_get_selected_row (f->table)), ==,
                   "core-team-sme");

  /* Every finding of the document, as the Checks view sends them. */
  for (guint i = 0; i < expected->len; i++)
    {
      ExpectedFinding *finding = g_ptr_array_index (expected, i);

      quorum_budgets_view_show_cell (f->view, "sec-budget-2020-23", finding->table,
                                     finding->row, finding->column);
      quorum_test_wait_still (GTK_WIDGET (f->window));
      g_assert_cmpstr (quorum_table_get_id (quorum_table_view_get_table (f->table)), ==,
                       finding->table);
      row = quorum_table_view_get_selected_row (f->table);
      g_assert_nonnull (row);
      g_assert_cmpstr (quorum_row_get_id (row), ==, finding->row);
      cell = table_cell (f, finding->row, finding->column);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "target"));
      g_assert_nonnull (quorum_table_cell_get_icon_name (cell));
    }
}

typedef struct
{
  GtkWidget *widget;
  gboolean mapped;
} MappedWait;

static gboolean
mapped_is (gpointer data)
{
  MappedWait *wait = data;

  return gtk_widget_get_mapped (wait->widget) == wait->mapped;
}

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  JsonObject *row = json_row (json_table ("sec-budget-2018-21", "overview"), "secas");
  MappedWait details;
  GtkWidget *values;
  gint64 amount;
  g_autofree char *text = NULL;

  quorum_budgets_view_show_cell (f->view, "sec-budget-2018-21", "overview", "secas", NULL);
  g_assert_true (quorum_test_wait_for (table_shown, f));
  /* F9 opens and closes the details. They may be open already: the pane
   * is shown beside the table when the window is wide enough, and the
   * window may reach its width only now on a loaded machine. */
  quorum_test_wait_still (GTK_WIDGET (f->window));
  details.widget = quorum_test_find_named (GTK_WIDGET (f->table), "details-title");
  details.mapped = !gtk_widget_get_mapped (details.widget);
  press_key (GTK_WIDGET (f->table), "F9");
  g_assert_true (quorum_test_wait_until (mapped_is, &details));
  if (!details.mapped)
    {
      details.mapped = TRUE;
      press_key (GTK_WIDGET (f->table), "F9");
      g_assert_true (quorum_test_wait_until (mapped_is, &details));
    }
  g_assert_true (shows (quorum_test_find_named (GTK_WIDGET (f->table), "details-title"),
                        "SECAS Services"));
  g_assert_true (shows (quorum_test_find_named (GTK_WIDGET (f->table), "details-note"),
                        json_object_get_string_member (row, "note")));
  values = quorum_test_find_named (GTK_WIDGET (f->table), "details-values");
  g_assert_true (json_amount (row, "2017-18-budget", &amount));
  text = money (amount);
  g_assert_true (shows (values, "2017/18 Budget"));
  g_assert_true (shows (values, text));
  g_assert_true (shows (values, "Stated: "));
  g_assert_true (shows (values, "Computed: "));

  /* A committee's row names it from the register. */
  quorum_budgets_view_show_cell (f->view, "sec-budget-2020-23", "costs-by-committee", "opsg",
                                 NULL);
  quorum_test_wait_still (GTK_WIDGET (f->window));
  g_assert_true (shows (quorum_test_find_named (GTK_WIDGET (f->table), "details-title"), "OPSG"));

  /* The total's details name no internal id ("Row id @total"). */
  quorum_budgets_view_show_cell (f->view, "sec-budget-2018-21", "overview", "@total", NULL);
  quorum_test_wait_still (GTK_WIDGET (f->window));
  g_assert_true (shows (quorum_test_find_named (GTK_WIDGET (f->table), "details-title"),
                        json_object_get_string_member (json_row (json_table ("sec-budget-2018-21",
                                                                             "overview"),
                                                                 "@total"), "label")));
  g_assert_false (shows (GTK_WIDGET (f->table), "@total"));
  g_assert_false (shows (GTK_WIDGET (f->table), "Row id"));

  /* A rate says what it is per, as the file states it ("£150 per day"),
   * never "per unit". */
  for (guint i = 0; i < 2; i++)
    {
      const char *ids[] = { "contractor-space-rental", "panel-chair-office" };
      JsonObject *rated = json_row (json_table ("sec-budget-2018-21", "accommodation"), ids[i]);
      GtkWidget *about;
      g_autofree char *rate = money (json_object_get_int_member (rated, "rate") * 100);
      g_autofree char *expected =
        g_strdup_printf ("%s per %s", rate, json_object_get_string_member (rated, "rate_unit"));

      quorum_budgets_view_show_cell (f->view, "sec-budget-2018-21", "accommodation", ids[i],
                                     NULL);
      quorum_test_wait_still (GTK_WIDGET (f->window));
      about = quorum_test_find_named (GTK_WIDGET (f->table), "details-about");
      g_assert_true (shows (about, "Rate"));
      g_assert_true (shows (about, expected));
      g_assert_false (shows (about, "per unit"));
    }
}

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *parent = g_dir_make_tmp ("quorum-budgets-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (parent, "store", NULL);
  g_autofree char *document = g_build_filename (path, "budgets", "sec-budget-2018-21.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  QuorumTable *before;
  g_autoptr(GtkBitset) selection = NULL;

  g_assert_true (quorum_store_copy_folder (sample_path, path, NULL, &error));
  g_assert_no_error (error);
  store = quorum_store_new (path);
  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  quorum_budgets_view_set_store (f->view, store);
  quorum_test_wait_frame (GTK_WIDGET (f->window));

  quorum_budgets_view_show_cell (f->view, "sec-budget-2018-21", "overview", "coe",
                                 "2018-19-approved");
  g_assert_true (quorum_test_wait_for (table_shown, f));
  quorum_test_wait_still (GTK_WIDGET (f->window));
  before = quorum_table_view_get_table (f->table);

  /* The document's file changes (a reload keeps the objects of unchanged
   * files) and the store loads again: new objects, the same table, still
   * open. */
  g_assert_true (g_file_get_contents (document, &contents, NULL, NULL));
  changed = g_strconcat (contents, "\n", NULL);
  g_assert_true (g_file_set_contents (document, changed, -1, NULL));
  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  quorum_test_wait_still (GTK_WIDGET (f->window));
  g_assert_cmpstr (quorum_budgets_view_get_page (f->view), ==, "table");
  g_assert_true (quorum_table_view_get_table (f->table) != before);
  g_assert_cmpstr (quorum_table_get_id (quorum_table_view_get_table (f->table)), ==, "overview");
  /* One row is selected in the column view (a slot showing the row). */
  selection = gtk_selection_model_get_selection (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (quorum_test_find_named (GTK_WIDGET (f->table), "table-rows"))));
  g_assert_cmpuint (gtk_bitset_get_size (selection), ==, 1);
  g_assert_cmpstr (quorum_row_get_id (quorum_table_view_get_selected_row (f->table)), ==, "coe");
  {
    g_autoptr(GtkTreeListRow) secas = tree_row_of (rows (f), "secas");

    g_assert_true (gtk_tree_list_row_get_expanded (secas));
  }

  quorum_budgets_view_set_store (f->view, sample);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", parent);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  }
}

static void
test_reload_gone (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *parent = g_dir_make_tmp ("quorum-budgets-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (parent, "store", NULL);
  g_autofree char *gone = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_store_copy_folder (sample_path, path, NULL, &error));
  g_assert_no_error (error);
  store = quorum_store_new (path);
  g_assert_true (quorum_store_load (store, NULL, &error));
  quorum_budgets_view_set_store (f->view, store);
  quorum_budgets_view_show_table (f->view, "sec-budget-2018-21", "meetings");
  g_assert_true (quorum_test_wait_for (table_shown, f));

  /* The document goes: back to the documents. */
  gone = g_build_filename (path, "budgets", "sec-budget-2018-21.json", NULL);
  g_assert_cmpint (g_unlink (gone), ==, 0);
  g_assert_true (quorum_store_load (store, NULL, &error));
  quorum_test_wait_still (GTK_WIDGET (f->window));
  g_assert_cmpstr (quorum_budgets_view_get_page (f->view), ==, "documents");
  g_assert_null (quorum_table_view_get_table (f->table));
  g_assert_null (quorum_test_find_named (GTK_WIDGET (f->view), "document:sec-budget-2018-21"));

  quorum_budgets_view_set_store (f->view, sample);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", parent);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  }
}

static void save_screenshot (GtkWindow  *window,
                             const char *name,
                             gboolean    dark);

static int
min_width (gpointer widget)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (widget), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  return minimum;
}

/* On a phone's width: every page fits, the details pane folds over the table. */
static void
test_narrow (void)
{
  Fixture f = { NULL };
  GtkWidget *flap;

  fixture_set_up_with (&f, sample, 360, 640);
  g_assert_cmpint (min_width (f.view), <=, 360);
  quorum_budgets_view_show_document (f.view, "sec-budget-2020-23");
  quorum_test_wait_still (GTK_WIDGET (f.window));
  g_assert_cmpint (min_width (f.view), <=, 360);
  quorum_budgets_view_show_cell (f.view, "sec-budget-2020-23", "overview", "discount",
                                 "2020-21-approved");
  g_assert_true (quorum_test_wait_for (table_shown, &f));
  g_assert_cmpint (min_width (f.view), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f.window)), <=, 360);

  activate_action (&f, "table.details", NULL);
  flap = gtk_widget_get_ancestor (quorum_test_find_named (GTK_WIDGET (f.table), "details-title"),
                                  ADW_TYPE_FLAP);
  g_assert_true (adw_flap_get_folded (ADW_FLAP (flap)));
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_cmpint (min_width (f.view), <=, 360);

  activate_action (&f, "table.details", NULL);
  quorum_table_view_set_variance (f.table, TRUE);
  quorum_test_wait_still (GTK_WIDGET (f.window));
  g_assert_cmpint (min_width (f.view), <=, 360);
  if (g_getenv ("QUORUM_SCREENSHOT_DIR") != NULL)
    save_screenshot (f.window, "budgets-narrow", FALSE);
  fixture_tear_down (&f, NULL);
}

/* --- 20,000 rows ------------------------------------------------------------------ */

static char *
generate_large_store (void)
{
  g_autofree char *parent = g_dir_make_tmp ("quorum-large-XXXXXX", NULL);
  char *path = g_build_filename (parent, "store", NULL);
  const char *argv[] = { "python3", QUORUM_GENERATE_LARGE_STORE, path, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return path;
}

static void
test_large (void)
{
  g_autofree char *path = generate_large_store ();
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", parent);
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(GError) error = NULL;
  QuorumBudgetDocument *document;
  QuorumTable *table;
  Fixture f = { NULL };
  guint n_all, n_top, n_groups = 0, n_shown = 0, n_matches = 0;
  GListModel *top;

  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  document = quorum_store_find_document (store, "synthetic-large");
  g_assert_nonnull (document);
  table = quorum_budget_document_find_table (document, "lines");
  top = quorum_table_get_rows (table);
  n_top = g_list_model_get_n_items (top);
  n_all = n_top;
  for (guint i = 0; i < n_top; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (top, i);
      GListModel *children = quorum_row_get_children (row);

      if (children != NULL)
        {
          n_all += g_list_model_get_n_items (children);
          n_groups++;
        }
    }
  g_assert_cmpuint (n_all, >=, 20000);

  fixture_set_up_with (&f, store, 1200, 760);
  open_table (&f, "synthetic-large", "lines");
  g_assert_cmpuint (g_list_model_get_n_items (rows (&f)), ==, n_top + 1);

  activate_action (&f, "table.expand-all", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows (&f)), ==, n_all + 1);

  /* "group 7": groups 7 and 70–79, their lines ("Line 4 of group 7"). */
  for (guint i = 0; i < n_top; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (top, i);
      GListModel *children = quorum_row_get_children (row);
      g_autofree char *label = g_utf8_casefold (quorum_row_get_label (row), -1);
      g_autofree char *note = g_utf8_casefold (quorum_row_get_note (row) ?: "", -1);
      gboolean group_matches = strstr (label, "group 7") || strstr (note, "group 7");
      guint line_matches = 0;

      for (guint j = 0; children != NULL && j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(QuorumRow) child = g_list_model_get_item (children, j);
          g_autofree char *child_label = g_utf8_casefold (quorum_row_get_label (child), -1);

          if (strstr (child_label, "group 7"))
            line_matches++;
        }
      n_matches += line_matches + (group_matches ? 1 : 0);
      if (group_matches)
        n_shown += 1 + (children != NULL ? g_list_model_get_n_items (children) : 0);
      else if (line_matches > 0)
        n_shown += 1 + line_matches;
    }
  g_assert_cmpuint (n_matches, >, 0);

  /* Typed a letter at a time. */
  {
    const char *query = "group 7";

    for (guint i = 1; i <= strlen (query); i++)
      {
        g_autofree char *prefix = g_strndup (query, i);

        quorum_table_view_set_search_text (f.table, prefix);
        quorum_test_iterate ();
      }
  }
  quorum_test_wait_frame (GTK_WIDGET (f.window));
  g_assert_cmpuint (quorum_table_view_get_n_matches (f.table), ==, n_matches);
  g_assert_cmpuint (g_list_model_get_n_items (rows (&f)), ==, n_shown);

  /* Cleared: everything, still expanded. */
  quorum_table_view_set_search_text (f.table, NULL);
  quorum_test_wait_frame (GTK_WIDGET (f.window));
  g_assert_cmpuint (g_list_model_get_n_items (rows (&f)), ==, n_all + 1);

  /* Sorted with 20,000 rows open: the groups' lines stay in their group. */
  activate_action (&f, "table.sort-by", g_variant_new_string ("y0"));
  g_assert_cmpuint (g_list_model_get_n_items (rows (&f)), ==, n_all + 1);
  {
    g_autoptr(GPtrArray) ids = row_ids (rows (&f));
    const char *group = NULL;

    for (guint i = 0; i < ids->len; i++)
      {
        const char *id = g_ptr_array_index (ids, i);

        if (g_str_has_prefix (id, "g") && strchr (id, '-') == NULL)
          group = id;
        else if (g_str_has_prefix (id, "g"))
          {
            g_assert_nonnull (group);
            g_assert_true (g_str_has_prefix (id, group) && id[strlen (group)] == '-');
          }
      }
    g_assert_cmpstr (g_ptr_array_index (ids, ids->len - 1), ==, "@total");
  }

  /* Closed and opened again, sorted. */
  activate_action (&f, "table.collapse-all", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows (&f)), ==, n_top + 1);
  g_assert_cmpuint (n_groups, ==, 200);
  activate_action (&f, "table.expand-all", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows (&f)), ==, n_all + 1);
  quorum_table_view_set_search_text (f.table, "group 7");
  quorum_test_wait_frame (GTK_WIDGET (f.window));
  g_assert_cmpuint (g_list_model_get_n_items (rows (&f)), ==, n_shown);

  fixture_tear_down (&f, NULL);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

/* --- screenshots -------------------------------------------------------------------- */

static void
save_screenshot (GtkWindow  *window,
                 const char *name,
                 gboolean    dark)
{
  const char *dir = g_getenv ("QUORUM_SCREENSHOT_DIR");
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, dark ? "-dark" : "");
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *command = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  int status;

  /* What the window has drawn reaches the X server before import asks. */
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (window)));
  /* The whole screen, so that a tooltip shows; cropped to the window,
   * which has no decorations and sits at the top left of the screen. */
  command = g_strdup_printf ("import -window root -crop %dx%d+0+0 +repage '%s'",
                             width, height, path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("saved %s", path);
}

/* Puts the pointer at @x, @y of @widget, as a user would, so that a tooltip
 * shows: GTK 4 has no way to, so the X server is asked to move it. */
static void
point_at (GtkWidget *widget,
          double     x,
          double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkDisplay *display = gtk_widget_get_display (widget);
  graphene_point_t point;
  double surface_x, surface_y;

  if (!GDK_IS_X11_DISPLAY (display))
    return;
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XWarpPointer (gdk_x11_display_get_xdisplay (display), None,
                gdk_x11_surface_get_xid (gtk_native_get_surface (native)), 0, 0, 0, 0,
                (int) (point.x + surface_x), (int) (point.y + surface_y));
  XFlush (gdk_x11_display_get_xdisplay (display));
}

static void
hover (GtkWidget *widget)
{
  point_at (widget, gtk_widget_get_width (widget) / 2, gtk_widget_get_height (widget) / 2);
}

/* The pointer away from anything with a tooltip: the bottom left corner. */
static void
hover_away (GtkWindow *window)
{
  point_at (GTK_WIDGET (window), 4, gtk_widget_get_height (GTK_WIDGET (window)) - 4);
}

/* A condition: the window @data shows a tooltip. */
static gboolean
tooltip_shown (gpointer data)
{
  GType type = g_type_from_name ("GtkTooltipWindow");
  GtkWidget *tooltip = type != 0 ? quorum_test_find_type (data, type) : NULL;

  return tooltip != NULL && gtk_widget_get_mapped (tooltip);
}

static gboolean
tooltip_hidden (gpointer data)
{
  return !tooltip_shown (data);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  Fixture f = { NULL };

  if (g_getenv ("QUORUM_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set QUORUM_SCREENSHOT_DIR to save screenshots");
      return;
    }

  for (int dark = 0; dark <= 1; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      fixture_set_up_with (&f, sample, 1100, 640);
      gtk_window_set_decorated (f.window, FALSE);
      quorum_test_wait_still (GTK_WIDGET (f.window));
      save_screenshot (f.window, "budgets-documents", dark);

      quorum_budgets_view_show_document (f.view, "sec-budget-2020-23");
      quorum_test_wait_still (GTK_WIDGET (f.window));
      save_screenshot (f.window, "budgets-tables", dark);

      /* A group open, a cell shown from elsewhere, a finding's tooltip. */
      quorum_budgets_view_show_cell (f.view, "sec-budget-2020-23", "overview", "secas",
                                     "2019-20-approved");
      quorum_table_view_set_row_expanded (f.table, "secas", TRUE);
      quorum_test_wait_still (GTK_WIDGET (f.window));
      hover (GTK_WIDGET (table_cell (&f, "@total", "2020-21-approved")));
      g_assert_true (quorum_test_wait_for (tooltip_shown, f.window));
      save_screenshot (f.window, "budgets-table", dark);

      hover_away (f.window);
      g_assert_true (quorum_test_wait_for (tooltip_hidden, f.window));
      activate_action (&f, "table.details", NULL);
      save_screenshot (f.window, "budgets-details", dark);
      activate_action (&f, "table.details", NULL);

      /* The variance of the 2018–21 budget's first year, its groups open. */
      quorum_budgets_view_show_table (f.view, "sec-budget-2018-21", "overview");
      quorum_test_wait_still (GTK_WIDGET (f.window));
      activate_action (&f, "table.expand-all", NULL);
      quorum_table_view_set_variance (f.table, TRUE);
      quorum_table_view_set_variance_columns (f.table, "2017-18-budget", "2018-19-approved");
      hover_away (f.window);
      quorum_test_wait_still (GTK_WIDGET (f.window));
      save_screenshot (f.window, "budgets-variance", dark);

      fixture_tear_down (&f, NULL);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under Xvfb (build-aux/run-tests does)");
      return 77;
    }
  adw_init ();

  /* The application's stylesheet, as in the app. */
  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  sample_path = quorum_store_dup_sample_path ();
  sample = quorum_store_new (sample_path);
  g_assert_true (quorum_store_load (sample, NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/budgets/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("documents", test_documents);
  ADD ("table-cells", test_table_cells);
  ADD ("computed-and-negative", test_computed_and_negative);
  ADD ("groups", test_groups);
  ADD ("sort", test_sort);
  ADD ("sort-groups", test_sort_groups);
  ADD ("filter", test_filter);
  ADD ("rebind", test_rebind);
  ADD ("variance", test_variance);
  ADD ("column-precision", test_column_precision);
  ADD ("show-cell", test_show_cell);
  ADD ("details", test_details);
  ADD ("reload", test_reload);
  ADD ("reload-gone", test_reload_gone);
#undef ADD
  g_test_add_func ("/budgets/narrow", test_narrow);
  g_test_add_func ("/budgets/large", test_large);
  g_test_add_func ("/budgets/screenshots", test_screenshots);

  status = g_test_run ();
  g_clear_object (&sample);
  g_clear_pointer (&sample_path, g_free);
  g_clear_object (&app);
  return status;
}
