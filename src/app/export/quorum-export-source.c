/* quorum-export-source.c: what the view shown offers to Export… and Copy
 *
 * A source is made when Export… or Copy is asked for, from the view shown:
 * a budget table (the Budgets view with a table open), the Checks list, the
 * work packages or the actions. It keeps what it exports (the table, or the
 * items in the order shown, after the view's filters), so that a reload
 * while the save dialog is open changes nothing of it, and what is
 * selected in the view's column view, for Copy: the rows selected, in the
 * order shown, or in a table the cells selected (the same columns of each
 * row selected: a rectangle; one cell when a cell is focused alone). The
 * core lays out both (quorum-export.h); the view only says which items.
 * Private notes are left out unless asked for (a choice in the save
 * dialog); Copy never takes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-export-source.h"

#include <glib/gi18n.h>
#include <string.h>

#include "quorum-actions-view.h"
#include "quorum-budgets-view.h"
#include "quorum-checks-view.h"
#include "quorum-slot.h"
#include "quorum-table-item.h"
#include "quorum-work-packages-view.h"

struct _QuorumExportSource
{
  GObject parent_instance;

  QuorumExportKind kind;
  char *name;                   /* a file name without its extension */
  char *title;                  /* what is exported, in words */
  gboolean red;                 /* holds an item classified red */
  QuorumBudgetDocument *document;
  QuorumTable *table;
  QuorumNotes *notes;           /* nullable: the store's private notes */
  GListStore *items;            /* the list exported, in the order shown */
  GListStore *selected;         /* of the items selected, in the order shown */
  int first_column;             /* -1, or the cells selected in each row selected: */
  int last_column;              /* those columns of the table */
};

G_DEFINE_FINAL_TYPE (QuorumExportSource, quorum_export_source, G_TYPE_OBJECT)

static void
quorum_export_source_finalize (GObject *object)
{
  QuorumExportSource *self = QUORUM_EXPORT_SOURCE (object);

  g_free (self->name);
  g_free (self->title);
  g_clear_object (&self->document);
  g_clear_object (&self->table);
  g_clear_object (&self->notes);
  g_clear_object (&self->items);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (quorum_export_source_parent_class)->finalize (object);
}

static void
quorum_export_source_class_init (QuorumExportSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quorum_export_source_finalize;
}

static void
quorum_export_source_init (QuorumExportSource *self)
{
  self->selected = g_list_store_new (G_TYPE_OBJECT);
  self->first_column = self->last_column = -1;
}

/* The column view @view shows (the table's or the variance's, a stack's
 * page shown), mapped or not: a package's page may be over the list. */
static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return NULL;
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found = find_column_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An item of a column view's model as the core exports it: a list shows its
 * items in slots (QuorumSlot), and a table's rows are tree rows of
 * QuorumTableItem. */
static GObject *
export_item (GObject *item)
{
  g_autoptr(GObject) inner = NULL;

  if (QUORUM_IS_SLOT (item))
    item = quorum_slot_get_item (QUORUM_SLOT (item));
  if (GTK_IS_TREE_LIST_ROW (item))
    {
      inner = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
      item = inner;
    }
  if (QUORUM_IS_TABLE_ITEM (item))
    return g_object_ref (G_OBJECT (quorum_table_item_get_row (QUORUM_TABLE_ITEM (item))));
  return item != NULL ? g_object_ref (item) : NULL;
}

static GType
item_type (QuorumExportKind kind)
{
  switch (kind)
    {
    case QUORUM_EXPORT_TABLE: return QUORUM_TYPE_ROW;
    case QUORUM_EXPORT_FINDINGS: return QUORUM_TYPE_FINDING;
    case QUORUM_EXPORT_WORK_PACKAGES: return QUORUM_TYPE_WORK_PACKAGE;
    case QUORUM_EXPORT_ACTIONS:
    default: return QUORUM_TYPE_ACTION;
    }
}

/* The items shown and those selected, from the column view's model. */
static void
read_column_view (QuorumExportSource *self,
                  GtkColumnView      *view)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  g_autoptr(GtkBitset) selection = NULL;
  guint n;

  if (model == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  selection = gtk_selection_model_get_selection (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = NULL;
      g_autoptr(GObject) object = NULL;

      /* A table exports its own rows: only those selected are looked at. */
      if (self->kind == QUORUM_EXPORT_TABLE && !gtk_bitset_contains (selection, i))
        continue;
      item = g_list_model_get_item (G_LIST_MODEL (model), i);
      object = export_item (item);
      if (object == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (object, item_type (self->kind)))
        continue;
      if (self->kind != QUORUM_EXPORT_TABLE)
        g_list_store_append (self->items, object);
      if (gtk_bitset_contains (selection, i))
        g_list_store_append (self->selected, object);
    }
}

/* The cells selected in the table, if any (not in the variance). */
static void
read_cell_range (QuorumExportSource *self,
                 QuorumTableView    *table_view)
{
  guint first, last;

  if (!quorum_table_view_get_cell_range (table_view, &first, &last) ||
      last >= quorum_table_get_n_columns (self->table))
    return;
  self->first_column = first;
  self->last_column = last;
}

static gboolean
is_red (const char *classification)
{
  return quorum_report_classification_rank (classification) >= 3;
}

/* Whether an item of a list is classified red (its document, itself, its meeting). */
static gboolean
item_is_red (QuorumStore *store,
             GObject     *item)
{
  if (QUORUM_IS_FINDING (item))
    {
      QuorumBudgetDocument *document =
        quorum_store_find_document (store, quorum_finding_get_document_id (QUORUM_FINDING (item)));

      return document != NULL && is_red (quorum_budget_document_get_classification (document));
    }
  if (QUORUM_IS_WORK_PACKAGE (item))
    return is_red (quorum_work_package_get_classification (QUORUM_WORK_PACKAGE (item)));
  if (QUORUM_IS_ACTION (item))
    {
      /* An action raised outside a meeting (a follow-up's) has none. */
      const char *meeting_id = quorum_action_get_meeting (QUORUM_ACTION (item));
      QuorumMeeting *meeting =
        meeting_id != NULL ? quorum_store_find_meeting (store, meeting_id) : NULL;

      return meeting != NULL && is_red (quorum_meeting_get_classification (meeting));
    }
  return FALSE;
}

/* What @view exports; returns the widget whose column view lists it, or
 * NULL when @view exports nothing. */
static GtkWidget *
set_kind (QuorumExportSource *self,
          GtkWidget          *view)
{
  if (QUORUM_IS_BUDGETS_VIEW (view))
    {
      QuorumTableView *table_view =
        quorum_budgets_view_get_table_view (QUORUM_BUDGETS_VIEW (view));

      if (table_view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (table_view)) ||
          quorum_table_view_get_table (table_view) == NULL)
        return NULL;
      self->kind = QUORUM_EXPORT_TABLE;
      self->table = g_object_ref (quorum_table_view_get_table (table_view));
      self->document = g_object_ref (quorum_table_view_get_document (table_view));
      self->name = g_strdup_printf ("%s-%s", quorum_budget_document_get_id (self->document),
                                    quorum_table_get_id (self->table));
      self->title = g_strdup (quorum_table_get_title (self->table));
      return GTK_WIDGET (table_view);
    }
  if (QUORUM_IS_CHECKS_VIEW (view))
    {
      self->kind = QUORUM_EXPORT_FINDINGS;
      self->name = g_strdup ("checks");
      self->title = g_strdup (_("The Checks list"));
    }
  else if (QUORUM_IS_WORK_PACKAGES_VIEW (view))
    {
      self->kind = QUORUM_EXPORT_WORK_PACKAGES;
      self->name = g_strdup ("work-packages");
      self->title = g_strdup (_("The work packages"));
    }
  else if (QUORUM_IS_ACTIONS_VIEW (view))
    {
      self->kind = QUORUM_EXPORT_ACTIONS;
      self->name = g_strdup ("actions");
      self->title = g_strdup (_("The actions"));
    }
  else
    return NULL;
  self->items = g_list_store_new (G_TYPE_OBJECT);
  return view;
}

/**
 * quorum_export_source_new_for_view:
 * @view: the view shown in the window
 * @store: the window's store
 * @notes: (nullable): the store's private notes, exported only when asked
 *
 * Returns: (transfer full) (nullable): what @view exports and has selected,
 *   or %NULL when it has nothing to export (a view of another kind, the
 *   Budgets view without a table open)
 */
QuorumExportSource *
quorum_export_source_new_for_view (GtkWidget   *view,
                                   QuorumStore *store,
                                   QuorumNotes *notes)
{
  g_autoptr(QuorumExportSource) self = NULL;
  GtkColumnView *column_view;
  GtkWidget *list;

  g_return_val_if_fail (view == NULL || GTK_IS_WIDGET (view), NULL);
  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (notes == NULL || QUORUM_IS_NOTES (notes), NULL);

  self = g_object_new (QUORUM_TYPE_EXPORT_SOURCE, NULL);
  if (notes != NULL)
    self->notes = g_object_ref (notes);
  if (view == NULL || (list = set_kind (self, view)) == NULL)
    return NULL;
  column_view = find_column_view (list);
  if (column_view != NULL)
    read_column_view (self, column_view);
  if (QUORUM_IS_TABLE_VIEW (list))
    read_cell_range (self, QUORUM_TABLE_VIEW (list));

  if (self->kind == QUORUM_EXPORT_TABLE)
    self->red = is_red (quorum_budget_document_get_classification (self->document));
  for (guint i = 0; !self->red && self->items != NULL &&
       i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      self->red = item_is_red (store, item);
    }
  return g_steal_pointer (&self);
}

QuorumExportKind
quorum_export_source_get_kind (QuorumExportSource *self)
{
  g_return_val_if_fail (QUORUM_IS_EXPORT_SOURCE (self), QUORUM_EXPORT_TABLE);
  return self->kind;
}

/**
 * quorum_export_source_get_name:
 *
 * Returns: a file name for the export, without its extension: `checks`,
 *   `work-packages`, `actions`, or `DOCUMENT-TABLE`
 */
const char *
quorum_export_source_get_name (QuorumExportSource *self)
{
  g_return_val_if_fail (QUORUM_IS_EXPORT_SOURCE (self), NULL);
  return self->name;
}

/**
 * quorum_export_source_get_title:
 *
 * Returns: what is exported, in words: the table's title, or the list's
 */
const char *
quorum_export_source_get_title (QuorumExportSource *self)
{
  g_return_val_if_fail (QUORUM_IS_EXPORT_SOURCE (self), NULL);
  return self->title;
}

/**
 * quorum_export_source_get_red:
 *
 * Returns: whether the export holds an item classified red: the table's
 *   document, a finding's document, a package, an action's meeting
 */
gboolean
quorum_export_source_get_red (QuorumExportSource *self)
{
  g_return_val_if_fail (QUORUM_IS_EXPORT_SOURCE (self), FALSE);
  return self->red;
}

/**
 * quorum_export_source_has_notes:
 *
 * Returns: whether the store has private notes that an export could hold
 */
gboolean
quorum_export_source_has_notes (QuorumExportSource *self)
{
  g_return_val_if_fail (QUORUM_IS_EXPORT_SOURCE (self), FALSE);
  return self->notes != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->notes)) > 0;
}

static JsonNode *
table_json (QuorumExportSource *self,
            QuorumNotes        *notes)
{
  const char *document_id = quorum_budget_document_get_id (self->document);
  JsonObject *object = json_object_new ();
  JsonArray *tables = json_array_new ();
  JsonNode *node;

  json_object_set_string_member (object, "document", document_id);
  json_array_add_element (tables, quorum_export_table_json (self->table));
  json_object_set_array_member (object, "tables", tables);
  if (notes != NULL)
    json_object_set_member (object, "notes",
                            quorum_export_table_notes_json (self->table, document_id, notes));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/**
 * quorum_export_source_to_bytes:
 * @with_notes: whether to add the private notes on what is exported
 *
 * Returns: (transfer full): the export as a file's contents: CSV (text
 *   cells neutralised against formulas; the notes in a last column) or
 *   JSON (as quorum-cli prints it: a table as `export`, a list as `check`,
 *   `work-packages`, `actions`; the notes as `"note"` members)
 */
GBytes *
quorum_export_source_to_bytes (QuorumExportSource *self,
                               QuorumExportFormat  format,
                               gboolean            with_notes)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  QuorumNotes *notes;

  g_return_val_if_fail (QUORUM_IS_EXPORT_SOURCE (self), NULL);

  notes = with_notes ? self->notes : NULL;
  if (format == QUORUM_EXPORT_FORMAT_CSV)
    {
      g_autoptr(QuorumGrid) grid = NULL;

      if (self->kind == QUORUM_EXPORT_TABLE)
        grid = quorum_export_table_grid_full (self->table,
                                              quorum_budget_document_get_id (self->document),
                                              notes);
      else
        grid = quorum_export_list_grid_full (self->kind, G_LIST_MODEL (self->items), notes);
      quorum_grid_append_csv (grid, out);
      return g_string_free_to_bytes (g_steal_pointer (&out));
    }

  if (self->kind == QUORUM_EXPORT_TABLE)
    node = table_json (self, notes);
  else
    node = quorum_export_list_json_full (self->kind, G_LIST_MODEL (self->items), notes);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * quorum_export_source_dup_selected:
 *
 * Returns: (transfer full) (nullable): what is selected, for Copy, in the
 *   order shown and without a header: in a table with cells selected, a
 *   line per row selected of its figures in the columns selected (amounts
 *   as plain numbers); else a line per row or item selected, whole;
 *   %NULL when nothing is
 */
QuorumGrid *
quorum_export_source_dup_selected (QuorumExportSource *self)
{
  GListModel *selected;
  QuorumGrid *grid;

  g_return_val_if_fail (QUORUM_IS_EXPORT_SOURCE (self), NULL);

  selected = G_LIST_MODEL (self->selected);
  if (g_list_model_get_n_items (selected) == 0)
    return NULL;
  grid = quorum_grid_new ();
  for (guint i = 0; i < g_list_model_get_n_items (selected); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (selected, i);

      if (self->first_column < 0)
        {
          quorum_export_grid_item (grid, self->kind, self->table, item);
          continue;
        }
      quorum_grid_begin_row (grid);
      for (int c = self->first_column; c <= self->last_column; c++)
        quorum_export_grid_value (grid, quorum_row_get_effective (QUORUM_ROW (item), c));
    }
  return grid;
}

/**
 * quorum_export_content_new:
 *
 * Returns: (transfer full): @grid for the clipboard: tab-separated text
 *   (`text/plain;charset=utf-8`) and an HTML table (`text/html`), the two
 *   forms a spreadsheet pastes into cells
 */
GdkContentProvider *
quorum_export_content_new (QuorumGrid *grid)
{
  g_autoptr(GBytes) tsv = NULL;
  g_autoptr(GBytes) html = NULL;
  GdkContentProvider *providers[2];
  char *text;

  g_return_val_if_fail (grid != NULL, NULL);

  text = quorum_grid_to_tsv (grid);
  tsv = g_bytes_new_take (text, strlen (text));
  text = quorum_grid_to_html (grid);
  html = g_bytes_new_take (text, strlen (text));
  providers[0] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", tsv);
  providers[1] = gdk_content_provider_new_for_bytes ("text/html", html);
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}
