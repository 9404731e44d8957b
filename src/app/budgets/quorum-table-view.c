/* quorum-table-view.c: one budget table: its rows, a search, a variance and details
 *
 * The table's rows in a column view over a tree list model: the top-level
 * rows and the stated total, a group's rows made only when it is first
 * expanded. The model chain is
 *
 *   GtkTreeListModel → GtkFilterListModel → GtkSortListModel → selection
 *
 * with a second sort model and selection over the same filter for the
 * variance view. The filter and the sorters are only attached while they
 * do something (a search, a sort column), so a plain table costs nothing
 * beyond its tree. Each selection is a multi-selection over a
 * QuorumSlotModel of its sort model (quorum_ui_slot_selection_new): when a
 * search or a sort changes the rows shown, the column view's rows keep
 * their widgets and are rebound (GTK 4.8 would build a row again for each
 * item new to it), and the rows selected stay selected. The rows and cells
 * selected are quorum-table-view-select.c's.
 *
 * Cells follow their rows: a row's label is a GtkBuilderListItemFactory in
 * the template (quorum-table-view.ui), a figure a QuorumTableCell whose
 * "item" is bound to its list item's row; the cell marked as the one to
 * show follows its QuorumTableItem's "target-column". Nothing binds a cell
 * again from outside, and nothing here walks the column view's children.
 *
 * This file has the class, its columns and the details;
 * quorum-table-view-private.h lists the others.
 *
 * GTK 4.8 has no cell focus and no gtk_column_view_scroll_to(): showing a
 * cell selects its row, scrolls to it with the list's own
 * "list.scroll-to-item" action (activated from one of the view's own cells,
 * whose ancestors the list is), focuses the view, and scrolls the marked
 * cell's column into view once it is laid out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-slot-model.h"
#include "quorum-table-view-private.h"
#include "quorum-ui-util.h"

G_DEFINE_FINAL_TYPE (QuorumTableView, quorum_table_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_DOCUMENT,
  PROP_VARIANCE_FROM,
  PROP_VARIANCE_TO,
  PROP_VARIANCE_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many frames a scroll waits for the rows to be made. */
#define SCROLL_TRIES 30

/* --- helpers --------------------------------------------------------------- */

/* Returns: (transfer full) (nullable): the item of a tree row; NULL for a
 * row whose group was collapsed, which list items and sorters may still
 * hold for a moment in GTK 4.8 */
QuorumTableItem *
_quorum_table_view_row_item (gpointer tree_row)
{
  tree_row = _quorum_table_view_tree_row (tree_row);
  return tree_row != NULL ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (tree_row)) : NULL;
}

/* Returns: (transfer none) (nullable): the tree row a selection's slot
 * shows; @slot itself when it is a tree row already */
GtkTreeListRow *
_quorum_table_view_tree_row (gpointer slot)
{
  if (slot != NULL && QUORUM_IS_SLOT (slot))
    return quorum_slot_get_item (slot);
  return slot;
}

gboolean
_quorum_table_view_showing_variance (QuorumTableView *self)
{
  return gtk_toggle_button_get_active (self->variance_button);
}

static const char *
unit_label (const char *unit)
{
  if (g_strcmp0 (unit, "GBP") == 0)
    return _("Pounds");
  if (g_strcmp0 (unit, "count") == 0)
    return _("Counts");
  if (g_strcmp0 (unit, "fte") == 0)
    return _("Full-time equivalents");
  return unit;
}

/* The widest figure of a column, in characters, so that its cells keep one
 * width whatever rows are in view. */
static void
column_chars (GListModel *rows,
              guint       column,
              gint64     *widest,
              gboolean   *any_negative)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      const QuorumValue *value = quorum_row_get_effective (row, column);
      GListModel *children = quorum_row_get_children (row);

      if (quorum_value_is_amount (value))
        {
          gint64 magnitude = ABS (value->amount);

          /* Pence make a figure longer: count them in. */
          if (magnitude % 100 != 0)
            magnitude = magnitude / 100 * 100 + 99;
          *widest = MAX (*widest, magnitude);
          *any_negative |= value->amount < 0;
        }
      if (children != NULL)
        column_chars (children, column, widest, any_negative);
    }
}

static guint
measure_column (QuorumTable *table,
                guint        column)
{
  gint64 widest = 0;
  gboolean any_negative = FALSE;
  QuorumRow *total = quorum_table_get_total (table);
  g_autofree char *text = NULL;

  column_chars (quorum_table_get_rows (table), column, &widest, &any_negative);
  if (total != NULL && quorum_value_is_amount (quorum_row_get_effective (total, column)))
    widest = MAX (widest, ABS (quorum_row_get_effective (total, column)->amount));
  text = quorum_amount_format_display (widest, quorum_table_get_unit (table));
  return MAX (6, g_utf8_strlen (text, -1) + (any_negative ? 1 : 0));
}

/* A column's title in at most three lines, broken between words, so that
 * a long label ("Variance Draft Budget 2020/21 to Estimated Outturn
 * 2019/20") does not make its column of figures wide: GTK 4.8's column
 * titles neither wrap nor ellipsize. */
char *
_quorum_table_view_wrap_title (const char *label)
{
  g_auto(GStrv) words = g_strsplit (label, " ", -1);
  guint length = g_utf8_strlen (label, -1);

  for (guint width = MAX (16, (length + 2) / 3); ; width++)
    {
      GString *out = g_string_new (NULL);
      guint line = 0, lines = 1;

      for (guint i = 0; words[i] != NULL; i++)
        {
          guint word = g_utf8_strlen (words[i], -1);

          if (line > 0 && line + 1 + word > width)
            {
              g_string_append_c (out, '\n');
              lines++;
              line = 0;
            }
          else if (line > 0)
            {
              g_string_append_c (out, ' ');
              line++;
            }
          g_string_append (out, words[i]);
          line += word;
        }
      if (lines <= 3 || width >= length)
        return g_string_free (out, FALSE);
      g_string_free (out, TRUE);
    }
}

/* --- cells ------------------------------------------------------------------- */

static void
forget_cell (gpointer  data,
             GObject  *cell)
{
  QuorumTableView *self = data;

  g_hash_table_remove (self->cells, cell);
}

/**
 * _quorum_table_view_setup_cell:
 *
 * Makes a list item's figure cell, its "item" bound to the list item's row.
 *
 * Returns: (transfer none): the cell
 */
GtkWidget *
_quorum_table_view_setup_cell (QuorumTableView     *self,
                               GtkListItem         *list_item,
                               QuorumTableCellKind  kind,
                               guint                column,
                               guint                chars)
{
  GtkWidget *cell = quorum_table_cell_new_for (kind, column, chars);
  GtkExpression *slot = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  GtkExpression *row = gtk_property_expression_new (QUORUM_TYPE_SLOT, slot, "item");

  gtk_expression_bind (gtk_property_expression_new (GTK_TYPE_TREE_LIST_ROW, row, "item"),
                       cell, "item", list_item);
  gtk_expression_bind (gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "selected"),
                       cell, "row-selected", list_item);
  quorum_table_cell_set_range (QUORUM_TABLE_CELL (cell), self->range_first, self->range_last);
  g_hash_table_add (self->cells, cell);
  g_object_weak_ref (G_OBJECT (cell), forget_cell, self);
  gtk_list_item_set_child (list_item, cell);
  return cell;
}

/* Returns: (nullable): a figure cell of @view that is shown, the marked
 * one if @target */
static GtkWidget *
cell_in (QuorumTableView *self,
         GtkColumnView   *view,
         gboolean         target)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    if (gtk_widget_get_mapped (cell) && gtk_widget_is_ancestor (cell, GTK_WIDGET (view)) &&
        (!target ||
         (quorum_table_cell_get_flags (cell) & QUORUM_TABLE_CELL_TARGET) != 0))
      return cell;
  return NULL;
}

static void
setup_value_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                QuorumValueColumn        *column)
{
  _quorum_table_view_setup_cell (column->self, list_item, QUORUM_TABLE_CELL_VALUE,
                                 column->index, column->chars);
}

/* A row's label in its tooltip, whole, looked up when the tooltip is asked
 * for: a tooltip text set as each row is bound would ask the display where
 * the pointer is, a round trip a row. */
static gboolean
label_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (label));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* --- scrolling ----------------------------------------------------------------- */

static gboolean
scroll_now (QuorumTableView *self)
{
  GtkWidget *cell = cell_in (self, self->scroll_view, FALSE);

  return cell != NULL &&
         gtk_widget_activate_action (cell, "list.scroll-to-item", "u", self->scroll_position);
}

/* Scrolls the target cell's column into view. */
static gboolean
scroll_to_target (QuorumTableView *self)
{
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->table_scroll);
  GtkWidget *target = cell_in (self, self->column_view, TRUE);
  graphene_rect_t bounds;
  double value, page;

  if (target == NULL ||
      !gtk_widget_compute_bounds (target, GTK_WIDGET (self->column_view), &bounds))
    return FALSE;
  value = gtk_adjustment_get_value (hadjustment);
  page = gtk_adjustment_get_page_size (hadjustment);
  /* The column view scrolls itself: its coordinates are those of the view port. */
  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (hadjustment, value + bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > page)
    gtk_adjustment_set_value (hadjustment, value + bounds.origin.x + bounds.size.width - page);
  return TRUE;
}

/* What could not be scrolled to at once (no row made yet), once there is. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  QuorumTableView *self = user_data;

  if (self->scroll_view != NULL && scroll_now (self))
    self->scroll_view = NULL;
  else if (self->scroll_view == NULL && self->scroll_target && scroll_to_target (self))
    self->scroll_target = FALSE;
  if ((self->scroll_view != NULL || self->scroll_target) && --self->scroll_tries > 0)
    return G_SOURCE_CONTINUE;
  self->scroll_view = NULL;
  self->scroll_target = FALSE;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_later (QuorumTableView *self)
{
  self->scroll_tries = SCROLL_TRIES;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, self,
                                                      NULL);
}

/* Scrolls the focused cell's column into view, once it is laid out. */
void
_quorum_table_view_scroll_to_target (QuorumTableView *self)
{
  self->scroll_target = TRUE;
  scroll_later (self);
}

/* Scrolls @view to the row at @position, at once or when its rows are made. */
void
_quorum_table_view_scroll_to (QuorumTableView *self,
                              GtkColumnView   *view,
                              guint            position)
{
  self->scroll_view = view;
  self->scroll_position = position;
  if (scroll_now (self))
    self->scroll_view = NULL;
  else
    scroll_later (self);
}

/* --- the page shown and the details ------------------------------------------------ */

void
_quorum_table_view_update_content_page (QuorumTableView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  const char *page = _quorum_table_view_showing_variance (self) ? "variance" : "table";

  if (n == 0 && self->query != NULL)
    page = "no-match";
  gtk_stack_set_visible_child_name (self->content_stack, page);
}

/* Focuses @column of @row (with its @item), or no cell: -1 or no row. No
 * focused cell, no cells selected. */
void
_quorum_table_view_set_target (QuorumTableView *self,
                               QuorumRow       *row,
                               QuorumTableItem *item,
                               int              column)
{
  if (self->target_item != NULL && self->target_item != item)
    quorum_table_item_set_target_column (self->target_item, -1);
  g_set_object (&self->target_item, item);
  self->target_row = row;
  self->target_column = row != NULL ? column : -1;
  if (item != NULL)
    quorum_table_item_set_target_column (item, column);
  if (self->target_column < 0)
    self->range_anchor = -1;
  _quorum_table_view_update_range (self);
}

/* The details of the row the cursor is on; the focused cell goes along,
 * in its column. */
void
_quorum_table_view_update_details (QuorumTableView *self)
{
  GtkTreeListRow *tree_row =
    _quorum_table_view_cursor_tree_row (_quorum_table_view_shown_selection (self));
  g_autoptr(QuorumTableItem) item = _quorum_table_view_row_item (tree_row);
  QuorumRow *row = item != NULL ? quorum_table_item_get_row (item) : NULL;

  if (row != self->target_row && self->target_row != NULL)
    _quorum_table_view_set_target (self, row, item, self->target_column);
  quorum_table_details_set_row (self->details, self->store, self->table, row);
  quorum_table_details_set_target_column (self->details,
                                          row != NULL && row == self->target_row
                                          ? self->target_column : -1);
}

static void update_menu (QuorumTableView *self);

static void
mode_toggled_cb (QuorumTableView *self,
                 GtkToggleButton *button)
{
  gboolean variance = _quorum_table_view_showing_variance (self);
  GtkMultiSelection *from = variance ? self->selection : self->variance_selection;
  g_autoptr(GHashTable) rows = NULL;
  GAction *sort_by, *descending;

  /* Both buttons notify; act once, for the one made active. */
  if (!gtk_toggle_button_get_active (button))
    return;
  sort_by = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-by");
  descending = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-descending");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (sort_by), !variance);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (descending), !variance);
  update_menu (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button),
                               variance ? _("Table Menu: in Variance, sort by clicking a "
                                            "column’s heading")
                                        : _("Table Menu"));

  /* The stack moves the focus to the page shown, then the rows follow. */
  _quorum_table_view_update_content_page (self);
  _quorum_table_view_attach_views (self);
  /* The rows selected in one view are selected in the other. */
  rows = _quorum_table_view_dup_selected_rows (self, from);
  if (g_hash_table_size (rows) > 0)
    _quorum_table_view_select_rows (self, rows, _quorum_table_view_cursor_row (from));
  _quorum_table_view_update_details (self);
}

/* --- columns -------------------------------------------------------------------- */

static void
value_column_free (gpointer  data,
                   GClosure *closure)
{
  QuorumValueColumn *column = data;

  g_free (column->id);
  g_free (column);
}

static void
remove_value_columns (QuorumTableView *self)
{
  g_autoptr(GPtrArray) columns = g_steal_pointer (&self->value_columns);

  self->value_columns = g_ptr_array_new ();
  /* Each column's data goes with its factory. */
  for (guint i = 0; i < columns->len; i++)
    gtk_column_view_remove_column (self->column_view,
                                   ((QuorumValueColumn *) g_ptr_array_index (columns, i))->column);
}

static gboolean
same_columns (QuorumTableView *self,
              QuorumTable     *table)
{
  GListModel *columns = quorum_table_get_columns (table);

  if (self->value_columns->len != g_list_model_get_n_items (columns))
    return FALSE;
  for (guint i = 0; i < self->value_columns->len; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);
      QuorumValueColumn *shown = g_ptr_array_index (self->value_columns, i);

      if (g_strcmp0 (shown->id, quorum_column_get_id (column)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
add_value_column (QuorumTableView *self,
                  QuorumColumn    *column,
                  guint            index)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  QuorumValueColumn *data = g_new0 (QuorumValueColumn, 1);
  g_autofree char *title = _quorum_table_view_wrap_title (quorum_column_get_label (column));
  g_autoptr(GtkSorter) sorter = NULL;
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  data->self = self;
  data->index = index;
  data->id = g_strdup (quorum_column_get_id (column));
  data->chars = measure_column (self->table, index);
  sorter = _quorum_table_view_value_sorter_new (data);
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_value_cb), data,
                         value_column_free, 0);
  view_column = gtk_column_view_column_new (title, factory);
  data->column = view_column;
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_ptr_array_add (self->value_columns, data);
  self->variance_chars = MAX (self->variance_chars, data->chars + 1);
}

static void
set_value_columns (QuorumTableView *self)
{
  GListModel *columns = self->table != NULL ? quorum_table_get_columns (self->table) : NULL;
  guint n = columns != NULL ? g_list_model_get_n_items (columns) : 0;

  gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (self->variance_view, NULL, GTK_SORT_ASCENDING);
  remove_value_columns (self);
  self->variance_chars = 8;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);

      add_value_column (self, column, i);
    }
  _quorum_table_view_notify_variance (self);
}

static void
update_menu (QuorumTableView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) rows = g_menu_new ();
  g_autoptr(GMenu) sort = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  GListModel *columns = self->table != NULL ? quorum_table_get_columns (self->table) : NULL;
  guint n = columns != NULL ? g_list_model_get_n_items (columns) : 0;

  g_menu_append (rows, _("_Expand All"), "table.expand-all");
  g_menu_append (rows, _("_Collapse All"), "table.collapse-all");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (rows));

  g_menu_append (sort, _("_Document Order"), "table.sort-by::");
  g_menu_append (sort, _("By _Row Label"), "table.sort-by::@label");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (quorum_column_get_label (column), NULL);
      GVariant *target = g_variant_new_string (quorum_column_get_id (column));

      g_menu_item_set_action_and_target_value (item, "table.sort-by", target);
      g_menu_append_item (sort, item);
    }
  /* The Table's sort does not apply to the variance (greyed out there): the
   * menu and its button's tooltip say why and what does. */
  g_menu_append_section (menu, _quorum_table_view_showing_variance (self)
                               ? _("Sort (in Variance, click a column’s heading)")
                               : _("Sort"),
                         G_MENU_MODEL (sort));
  g_menu_append (order, _("_Largest First"), "table.sort-descending");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));

  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

/* The title and, below it, the document and the unit. */
static void
update_header (QuorumTableView *self)
{
  g_autoptr(GString) subtitle = NULL;
  const char *title = self->table != NULL ? quorum_table_get_title (self->table) : NULL;

  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  if (self->table == NULL)
    {
      gtk_label_set_text (self->subtitle_label, NULL);
      return;
    }
  subtitle = g_string_new (self->document != NULL
                           ? quorum_budget_document_get_title (self->document) : NULL);
  g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                          unit_label (quorum_table_get_unit (self->table)));
  gtk_label_set_text (self->subtitle_label, subtitle->str);
}

/* --- actions -------------------------------------------------------------------- */

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  QuorumTableView *self = user_data;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
details_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  QuorumTableView *self = user_data;

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
expand_all_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  quorum_table_view_expand_all (user_data);
}

static void
collapse_all_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  quorum_table_view_collapse_all (user_data);
}

static const GActionEntry action_entries[] = {
  { .name = "search", .activate = search_action },
  { .name = "details", .activate = details_action },
  { .name = "expand-all", .activate = expand_all_action },
  { .name = "collapse-all", .activate = collapse_all_action },
  { .name = "sort-by", .parameter_type = "s", .state = "''",
    .change_state = _quorum_table_view_sort_by_action },
  { .name = "sort-descending", .state = "false",
    .change_state = _quorum_table_view_sort_descending_action },
};

/* --- the object ------------------------------------------------------------------- */

void
_quorum_table_view_notify_variance (QuorumTableView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANCE_FROM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANCE_TO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANCE_CHARS]);
}

static void
clear_models (QuorumTableView *self)
{
  _quorum_table_view_set_target (self, NULL, NULL, -1);
  _quorum_table_view_clear_search (self);
  _quorum_table_view_set_tree (self, NULL);
}

static void
quorum_table_view_dispose (GObject *object)
{
  QuorumTableView *self = (QuorumTableView *) object;
  GHashTableIter iter;
  gpointer cell;

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_handle_id (&self->sync_idle, g_source_remove);
  if (self->cells != NULL)
    {
      g_hash_table_iter_init (&iter, self->cells);
      while (g_hash_table_iter_next (&iter, &cell, NULL))
        g_object_weak_unref (cell, forget_cell, self);
      g_hash_table_remove_all (self->cells);
    }
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->variance_view),
                                            self);
      gtk_column_view_set_model (self->column_view, NULL);
      gtk_column_view_set_model (self->variance_view, NULL);
    }
  if (self->filter_model != NULL)
    clear_models (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->variance_selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->variance_sort_model);
  g_clear_object (&self->row_sorter);
  g_clear_object (&self->variance_row_sorter);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->actions);
  g_clear_object (&self->table);
  g_clear_object (&self->document);
  g_clear_object (&self->store);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_TABLE_VIEW);

  G_OBJECT_CLASS (quorum_table_view_parent_class)->dispose (object);
}

static void
quorum_table_view_finalize (GObject *object)
{
  QuorumTableView *self = (QuorumTableView *) object;

  g_clear_pointer (&self->value_columns, g_ptr_array_unref);
  g_clear_pointer (&self->variance_choices, g_array_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);

  G_OBJECT_CLASS (quorum_table_view_parent_class)->finalize (object);
}

static void
quorum_table_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumTableView *self = QUORUM_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE: g_value_set_object (value, self->table); break;
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_VARIANCE_FROM: g_value_set_uint (value, self->from_index); break;
    case PROP_VARIANCE_TO: g_value_set_uint (value, self->to_index); break;
    case PROP_VARIANCE_CHARS: g_value_set_uint (value, self->variance_chars); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
uint_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, name)

static void
quorum_table_view_class_init (QuorumTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_table_view_dispose;
  object_class->finalize = quorum_table_view_finalize;
  object_class->get_property = quorum_table_view_get_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, QUORUM_TYPE_TABLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, QUORUM_TYPE_BUDGET_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The variance's columns compared, and the width of its figures: its
   * cells are bound to them. */
  properties[PROP_VARIANCE_FROM] = uint_property ("variance-from");
  properties[PROP_VARIANCE_TO] = uint_property ("variance-to");
  properties[PROP_VARIANCE_CHARS] = uint_property ("variance-chars");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template's list item factories look these up. */
  g_type_ensure (QUORUM_TYPE_TABLE_DETAILS);
  g_type_ensure (QUORUM_TYPE_TABLE_ITEM);
  g_type_ensure (QUORUM_TYPE_SLOT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-table-view.ui");
  BIND_CHILD (title_label);
  BIND_CHILD (subtitle_label);
  BIND_CHILD (table_button);
  BIND_CHILD (variance_button);
  BIND_CHILD (search_button);
  BIND_CHILD (details_button);
  BIND_CHILD (menu_button);
  BIND_CHILD (search_bar);
  BIND_CHILD (search_entry);
  BIND_CHILD (match_label);
  BIND_CHILD (flap);
  BIND_CHILD (content_stack);
  BIND_CHILD (table_scroll);
  BIND_CHILD (column_view);
  BIND_CHILD (label_column);
  BIND_CHILD (from_dropdown);
  BIND_CHILD (to_dropdown);
  BIND_CHILD (variance_view);
  BIND_CHILD (variance_label_column);
  BIND_CHILD (from_column);
  BIND_CHILD (to_column);
  BIND_CHILD (difference_column);
  BIND_CHILD (change_column);
  BIND_CHILD (details);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_query_tooltip_cb);
  _quorum_table_view_class_init_expand (widget_class);
  _quorum_table_view_class_init_search (widget_class);
  _quorum_table_view_class_init_variance (widget_class);
}

#undef BIND_CHILD

static void
quorum_table_view_init (QuorumTableView *self)
{
  /* The tables' styles, once for the display. */
  quorum_ui_add_css_resource ("/io/github/secpanel/Quorum/quorum-table-view.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->value_columns = g_ptr_array_new ();
  self->cells = g_hash_table_new (NULL, NULL);
  self->target_column = -1;
  self->probed_column = -1;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "table", G_ACTION_GROUP (self->actions));

  /* The model chain; the tree goes in when a table does. */
  _quorum_table_view_init_search (self);
  self->filter_model = gtk_filter_list_model_new (NULL, NULL);
  _quorum_table_view_init_sort (self);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              NULL);
  self->selection = quorum_ui_slot_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  _quorum_table_view_init_variance (self);
  _quorum_table_view_init_select (self);
  _quorum_table_view_init_expand (self);
  _quorum_table_view_attach_views (self);

  g_signal_connect_object (quorum_ui_slot_selection_get_slots (self->selection),
                           "notify::cursor-item", G_CALLBACK (_quorum_table_view_update_details),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (quorum_ui_slot_selection_get_slots (self->variance_selection),
                           "notify::cursor-item", G_CALLBACK (_quorum_table_view_update_details),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (_quorum_table_view_update_content_page), self,
                           G_CONNECT_SWAPPED);
  update_menu (self);
}

static gboolean
is_reload (QuorumTableView      *self,
           QuorumBudgetDocument *document,
           QuorumTable          *table)
{
  return self->table != NULL && table != NULL && document != NULL && self->document != NULL &&
         g_str_equal (quorum_table_get_id (self->table), quorum_table_get_id (table)) &&
         g_str_equal (quorum_budget_document_get_id (self->document),
                      quorum_budget_document_get_id (document));
}

/**
 * quorum_table_view_set_table:
 * @store: (nullable): the store, whose register names committees
 * @document: (nullable): the table's document
 * @table: (nullable): the table to show
 *
 * Shows @table. When it is the table already shown (by document and table
 * id: the store has loaded again), the expanded groups, the selected rows,
 * the search, the sort and the variance's columns stay as they were: each
 * is saved by ids and restored in the new rows.
 */
void
quorum_table_view_set_table (QuorumTableView      *self,
                             QuorumStore          *store,
                             QuorumBudgetDocument *document,
                             QuorumTable          *table)
{
  g_autoptr(GHashTable) expanded = NULL;
  g_auto(GStrv) variance = NULL;
  g_auto(GStrv) selected_ids = NULL;
  gboolean reload;

  g_return_if_fail (QUORUM_IS_TABLE_VIEW (self));
  g_return_if_fail (table == NULL || QUORUM_IS_TABLE (table));

  if (self->table == table)
    return;
  reload = is_reload (self, document, table);
  if (reload)
    {
      expanded = _quorum_table_view_save_expanded (self);
      variance = _quorum_table_view_save_variance (self);
      selected_ids = _quorum_table_view_save_selection (self);
    }

  clear_models (self);
  g_set_object (&self->store, store);
  g_set_object (&self->document, document);
  g_set_object (&self->table, table);
  quorum_table_details_set_row (self->details, NULL, NULL, NULL);
  if (!reload)
    {
      _quorum_table_view_reset_search (self);
      gtk_toggle_button_set_active (self->table_button, TRUE);
    }
  /* Columns: kept on a reload with the same columns, so is the sort. */
  if (table == NULL || !reload || !same_columns (self, table))
    set_value_columns (self);
  update_menu (self);
  update_header (self);
  _quorum_table_view_set_tree (self, table);

  if (table != NULL)
    {
      _quorum_table_view_update_variance (self);
      _quorum_table_view_restore_variance (self, variance);
      _quorum_table_view_restore_expanded (self, expanded);
      /* The entry keeps the search across a reload; a new table has none. */
      _quorum_table_view_apply_query (self,
                                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      _quorum_table_view_restore_selection (self, selected_ids);
      _quorum_table_view_update_details (self);
    }
  _quorum_table_view_update_match_label (self);
  _quorum_table_view_update_content_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * quorum_table_view_get_table:
 *
 * Returns: (transfer none) (nullable): the table shown
 */
QuorumTable *
quorum_table_view_get_table (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);
  return self->table;
}

/**
 * quorum_table_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document of the table shown
 */
QuorumBudgetDocument *
quorum_table_view_get_document (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);
  return self->document;
}

/**
 * quorum_table_view_show_cell:
 * @row_id: a row id at any depth, or `@total`
 * @column_id: (nullable): a column id, or %NULL for the row alone
 *
 * Shows the table (not the variance), expands the groups above the row,
 * selects it alone, scrolls to it and gives it the focus, focuses and
 * selects the cell and scrolls its column into view, and shows the row's
 * details. A search that hides the row is cleared.
 *
 * Returns: %TRUE when the table has the row (and the column, if given)
 */
gboolean
quorum_table_view_show_cell (QuorumTableView *self,
                             const char      *row_id,
                             const char      *column_id)
{
  QuorumColumn *column = NULL;
  g_autoptr(GtkTreeListRow) tree_row = NULL;
  g_autoptr(QuorumTableItem) item = NULL;
  QuorumRow *row;
  int index;

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (row_id != NULL, FALSE);

  if (self->table == NULL || (row = quorum_table_find_row (self->table, row_id)) == NULL)
    return FALSE;
  if (column_id != NULL && (column = quorum_table_find_column (self->table, column_id)) == NULL)
    return FALSE;

  gtk_toggle_button_set_active (self->table_button, TRUE);
  if (_quorum_table_view_row_hidden (self, row))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  tree_row = _quorum_table_view_reveal_row (self, row);
  if (tree_row == NULL || (item = gtk_tree_list_row_get_item (tree_row)) == NULL)
    return FALSE;

  index = column != NULL ? (int) quorum_column_get_index (column) : -1;
  _quorum_table_view_set_target (self, row, item, index);
  if (!_quorum_table_view_select_row (self, row, TRUE))
    return FALSE;
  /* Selecting the row may have been a change that moved the target. The
   * cell is focused and selected alone; without a column, the row. */
  _quorum_table_view_set_target (self, row, item, index);
  _quorum_table_view_set_range (self, index);
  _quorum_table_view_update_details (self);
  if (column != NULL)
    _quorum_table_view_scroll_to_target (self);
  return TRUE;
}

/**
 * quorum_table_view_focus_rows:
 *
 * Gives the focus to the rows of the view shown (the table or the
 * variance), on the row selected or the row last focused.
 *
 * Returns: whether the focus went there
 */
gboolean
quorum_table_view_focus_rows (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), FALSE);

  return gtk_widget_grab_focus (GTK_WIDGET (_quorum_table_view_showing_variance (self)
                                            ? self->variance_view : self->column_view));
}

/**
 * quorum_table_view_get_rows:
 *
 * Returns: (transfer none): the rows the table shows, in order: a model of
 *   #GtkTreeListRow whose items are #QuorumTableItem
 */
GListModel *
quorum_table_view_get_rows (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

/**
 * quorum_table_view_get_variance_rows:
 *
 * Returns: (transfer none): the rows the variance shows, in order
 */
GListModel *
quorum_table_view_get_variance_rows (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);
  return G_LIST_MODEL (self->variance_sort_model);
}

/**
 * quorum_table_view_get_selected_row:
 *
 * Returns: (transfer none) (nullable): of the rows selected in the view
 *   shown, the one the cursor is on: the details' (the row selected last)
 */
QuorumRow *
quorum_table_view_get_selected_row (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);
  return _quorum_table_view_cursor_row (_quorum_table_view_shown_selection (self));
}

/**
 * quorum_table_view_get_variance:
 *
 * Returns: %TRUE when the variance is shown, %FALSE for the table
 */
gboolean
quorum_table_view_get_variance (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), FALSE);
  return _quorum_table_view_showing_variance (self);
}
