/* quorum-table-view-select.c: the rows and the cells selected in a table
 *
 * Rows, in the table and in the variance: a multi-selection over slots
 * (quorum_ui_slot_selection_new): a click selects a row, Ctrl+click adds
 * or takes away one, Shift+click and Shift+↑ ↓ select a run, Ctrl+A every
 * row shown; the selection follows its rows when a search or a sort
 * changes what is shown. The details show the row the cursor is on (the
 * slot model's "cursor-item": the row selected last).
 *
 * Cells, in the table: a click on a figure focuses it and selects it
 * alone; ← and → move the focused cell along its row, selected alone, its
 * row the only one selected (← from the first figure goes back to the
 * row, → from the row's label to its first figure); Shift+click on a
 * figure and Shift+← → extend the
 * cells selected from the focused cell's column to that one, in every row
 * selected: a rectangle, which Copy copies. ↑ and ↓ take the focused cell
 * along, selected alone; a click on a row's label, or Ctrl+A, selects rows
 * whole again; Ctrl+click adds or takes away a row, the columns selected
 * staying. Without a focused cell, Shift+← → still close and open groups.
 *
 * The focused cell is the view's target (QuorumTableItem:target-column,
 * drawn with a ring); the cells selected are the figures of the selected
 * rows in the columns from range_anchor to target_column. Each figure
 * knows whether its row is selected (its list item's "selected") and is
 * told the columns (quorum_table_cell_set_range()): no state is kept per
 * row, so the cells selected follow their rows through a search or a sort.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-slot-model.h"
#include "quorum-table-view-private.h"
#include "quorum-ui-util.h"

/* --- rows ------------------------------------------------------------------------ */

GtkMultiSelection *
_quorum_table_view_shown_selection (QuorumTableView *self)
{
  return _quorum_table_view_showing_variance (self) ? self->variance_selection : self->selection;
}

static GtkColumnView *
shown_view (QuorumTableView *self)
{
  return _quorum_table_view_showing_variance (self) ? self->variance_view : self->column_view;
}

/* The tree rows under @selection's slots, in the order shown: read there,
 * a long list is not given a slot per row. */
static GListModel *
shown_rows (GtkMultiSelection *selection)
{
  return quorum_slot_model_get_model (quorum_ui_slot_selection_get_slots (selection));
}

/* Returns: (transfer none) (nullable): the tree row @selection's cursor is on */
GtkTreeListRow *
_quorum_table_view_cursor_tree_row (GtkMultiSelection *selection)
{
  return quorum_slot_model_get_cursor_item (quorum_ui_slot_selection_get_slots (selection));
}

/* Returns: where the cursor is, or GTK_INVALID_LIST_POSITION */
guint
_quorum_table_view_cursor_position (GtkMultiSelection *selection)
{
  return quorum_slot_model_get_cursor_position (quorum_ui_slot_selection_get_slots (selection));
}

/* Returns: (transfer none) (nullable): the row @selection's cursor is on */
QuorumRow *
_quorum_table_view_cursor_row (GtkMultiSelection *selection)
{
  g_autoptr(QuorumTableItem) item =
    _quorum_table_view_row_item (_quorum_table_view_cursor_tree_row (selection));

  return item != NULL ? quorum_table_item_get_row (item) : NULL;
}

/* Returns: the row of @model's tree row at @position, or NULL */
static QuorumRow *
row_at (GListModel *model,
        guint       position)
{
  g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, position);
  g_autoptr(QuorumTableItem) item = _quorum_table_view_row_item (tree_row);

  return item != NULL ? quorum_table_item_get_row (item) : NULL;
}

/* Returns: where @row is in @model (of tree rows), or GTK_INVALID_LIST_POSITION */
static guint
find_position (GListModel *model,
               QuorumRow  *row)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    if (row_at (model, i) == row)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Selects @row alone, scrolls to it and, if @focus, focuses the view shown. */
gboolean
_quorum_table_view_select_row (QuorumTableView *self,
                               QuorumRow       *row,
                               gboolean         focus)
{
  GtkMultiSelection *selection = _quorum_table_view_shown_selection (self);
  guint position = find_position (shown_rows (selection), row);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), position, TRUE);
  _quorum_table_view_scroll_to (self, shown_view (self), position);
  if (focus)
    gtk_widget_grab_focus (GTK_WIDGET (shown_view (self)));
  return TRUE;
}

/* Selects, in the view shown, the rows of @rows (QuorumRow) that it shows,
 * and only those; the cursor goes on @cursor, scrolled to, if it is one. */
void
_quorum_table_view_select_rows (QuorumTableView *self,
                                GHashTable      *rows,
                                QuorumRow       *cursor)
{
  GtkMultiSelection *selection = _quorum_table_view_shown_selection (self);
  GListModel *shown = shown_rows (selection);
  guint n = g_list_model_get_n_items (shown);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, n);
  guint left = g_hash_table_size (rows);
  guint at = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n && left > 0; i++)
    {
      QuorumRow *row = row_at (shown, i);

      if (row == NULL || !g_hash_table_contains (rows, row))
        continue;
      gtk_bitset_add (selected, i);
      left--;
      if (row == cursor)
        at = i;
    }
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (selection), selected, mask);
  quorum_slot_model_set_cursor (quorum_ui_slot_selection_get_slots (selection), at);
  if (at != GTK_INVALID_LIST_POSITION)
    _quorum_table_view_scroll_to (self, shown_view (self), at);
}

/* Returns: (transfer full): the rows @selection selects, a set of QuorumRow */
GHashTable *
_quorum_table_view_dup_selected_rows (QuorumTableView   *self,
                                      GtkMultiSelection *selection)
{
  GHashTable *rows = g_hash_table_new (NULL, NULL);
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (selection));
  GListModel *shown = shown_rows (selection);
  GtkBitsetIter iter;
  guint i;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, set, &i);
       more;
       more = gtk_bitset_iter_next (&iter, &i))
    {
      QuorumRow *row = row_at (shown, i);

      if (row != NULL)
        g_hash_table_add (rows, row);
    }
  return rows;
}

/* Returns: (transfer full) (nullable): the ids of the rows selected in the
 *   view shown, the cursor's first, to select them again after a reload */
char **
_quorum_table_view_save_selection (QuorumTableView *self)
{
  GtkMultiSelection *selection = _quorum_table_view_shown_selection (self);
  g_autoptr(GHashTable) rows = _quorum_table_view_dup_selected_rows (self, selection);
  QuorumRow *cursor = _quorum_table_view_cursor_row (selection);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer row;

  if (g_hash_table_size (rows) == 0)
    return NULL;
  if (cursor != NULL && g_hash_table_contains (rows, cursor))
    g_strv_builder_add (ids, quorum_row_get_id (cursor));
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    if (row != cursor)
      g_strv_builder_add (ids, quorum_row_get_id (row));
  return g_strv_builder_end (ids);
}

/* After a reload: the rows of those ids selected again, the cursor on the first. */
void
_quorum_table_view_restore_selection (QuorumTableView *self,
                                      char           **ids)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  QuorumRow *cursor = NULL;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      QuorumRow *row = quorum_table_find_row (self->table, ids[i]);

      if (row == NULL)
        continue;
      g_hash_table_add (rows, row);
      if (i == 0)
        cursor = row;
    }
  if (g_hash_table_size (rows) > 0)
    _quorum_table_view_select_rows (self, rows, cursor);
}

/* --- cells ----------------------------------------------------------------------- */

/* Tells the figures which columns of the selected rows are selected: from
 * the anchor's to the focused cell's, or none. */
void
_quorum_table_view_update_range (QuorumTableView *self)
{
  int first = -1, last = -1;
  GHashTableIter iter;
  gpointer cell;

  if (self->range_anchor >= 0 && self->target_column >= 0)
    {
      first = MIN (self->range_anchor, self->target_column);
      last = MAX (self->range_anchor, self->target_column);
    }
  if (first == self->range_first && last == self->range_last)
    return;
  self->range_first = first;
  self->range_last = last;
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    quorum_table_cell_set_range (cell, first, last);
}

/* The cells selected: from the column @anchor to the focused cell's, in
 * the rows selected; -1: none, the rows whole. */
void
_quorum_table_view_set_range (QuorumTableView *self,
                              int              anchor)
{
  self->range_anchor = self->target_column >= 0 ? anchor : -1;
  _quorum_table_view_update_range (self);
}

/* The details say which of the row's figures is focused, when the cursor
 * is on its row already (otherwise the selection moves there next). */
static void
show_target_details (QuorumTableView *self)
{
  if (self->target_row != NULL &&
      self->target_row == _quorum_table_view_cursor_row (self->selection))
    _quorum_table_view_update_details (self);
}

/**
 * _quorum_table_view_move_cell:
 * @step: -1 for ←, 1 for →
 * @extend: whether Shift is down: the cells selected grow or shrink
 *
 * Moves the focused cell along the cursor's row (← and → mirrored right
 * to left); without @extend, the row is then the only one selected.
 *
 * Returns: whether the key did something: Shift with no focused cell is
 *   the groups' to open or close
 */
gboolean
_quorum_table_view_move_cell (QuorumTableView *self,
                              int              step,
                              gboolean         extend)
{
  g_autoptr(QuorumTableItem) item =
    _quorum_table_view_row_item (_quorum_table_view_cursor_tree_row (self->selection));
  int n = self->value_columns->len;
  int column, anchor;

  if (_quorum_table_view_showing_variance (self) || item == NULL || n == 0)
    return FALSE;
  if (gtk_widget_get_direction (GTK_WIDGET (self->column_view)) == GTK_TEXT_DIR_RTL)
    step = -step;
  if (self->target_column < 0 || self->target_row != quorum_table_item_get_row (item))
    {
      /* From the row as a whole: → to its first figure. */
      if (extend || step < 0)
        return FALSE;
      column = 0;
    }
  else
    column = CLAMP (self->target_column + step, extend ? 0 : -1, n - 1);
  if (!extend)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
                                     _quorum_table_view_cursor_position (self->selection), TRUE);
  if (column < 0)
    {
      _quorum_table_view_set_target (self, NULL, NULL, -1);
      _quorum_table_view_update_details (self);
      return TRUE;
    }
  anchor = !extend ? column : self->range_anchor >= 0 ? self->range_anchor : self->target_column;
  _quorum_table_view_set_target (self, quorum_table_item_get_row (item), item, column);
  _quorum_table_view_set_range (self, anchor);
  show_target_details (self);
  _quorum_table_view_scroll_to_target (self);
  return TRUE;
}

static gboolean
move_cell_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return _quorum_table_view_move_cell (user_data, g_variant_get_int32 (args), FALSE);
}

/* Returns: (nullable): the figure of the table at @picked, a figure or
 * the cell of the column view around it (its padding) */
static QuorumTableCell *
figure_at (QuorumTableView *self,
           GtkWidget       *picked)
{
  GHashTableIter iter;
  gpointer cell;

  if (QUORUM_IS_TABLE_CELL (picked))
    return QUORUM_TABLE_CELL (picked);
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    if (gtk_widget_get_parent (cell) == picked)
      return cell;
  return NULL;
}

/* A press in the table's rows, before the list selects on release: a
 * figure focused and selected alone, or with Shift the cells from the
 * focused one to it; a row's label, the row whole. Ctrl+click is the
 * list's: a row added or taken away. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            QuorumTableView *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  QuorumTableCell *cell;
  QuorumTableItem *item;
  int column, anchor;

  if (n_press != 1 || picked == NULL || (state & GDK_CONTROL_MASK) != 0 ||
      gtk_widget_get_ancestor (picked, GTK_TYPE_LIST_VIEW) == NULL)
    return;
  cell = figure_at (self, picked);
  item = cell != NULL ? quorum_table_cell_get_item (cell) : NULL;
  if (item == NULL || quorum_table_cell_get_kind (cell) != QUORUM_TABLE_CELL_VALUE)
    {
      _quorum_table_view_set_target (self, NULL, NULL, -1);
      return;
    }
  column = quorum_table_cell_get_column (cell);
  anchor = column;
  if ((state & GDK_SHIFT_MASK) != 0)
    anchor = self->range_anchor >= 0 ? self->range_anchor
             : self->target_column >= 0 ? self->target_column : column;
  _quorum_table_view_set_target (self, quorum_table_item_get_row (item), item, column);
  _quorum_table_view_set_range (self, anchor);
  show_target_details (self);
}

static gboolean
is_move_key (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: case GDK_KEY_Down: case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down: case GDK_KEY_Home: case GDK_KEY_KP_Home: case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Keys the list handles, seen first: ↑ ↓ (without Shift, which extends
 * the rows) take the focused cell along selected alone; Ctrl+A selects
 * rows whole. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                QuorumTableView       *self)
{
  GdkModifierType modifiers = state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK);

  if (modifiers == GDK_CONTROL_MASK && (keyval == GDK_KEY_a || keyval == GDK_KEY_A))
    _quorum_table_view_set_target (self, NULL, NULL, -1);
  else if (modifiers == 0 && is_move_key (keyval) && self->target_column >= 0)
    _quorum_table_view_set_range (self, self->target_column);
  return FALSE;
}

void
_quorum_table_view_init_select (QuorumTableView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  const struct { const char *keys; int step; } moves[] = {
    { "Left|KP_Left", -1 },
    { "Right|KP_Right", 1 },
  };

  self->range_anchor = self->range_first = self->range_last = -1;
  quorum_ui_column_view_fix_ctrl_click (self->column_view);
  quorum_ui_column_view_fix_ctrl_click (self->variance_view);

  /* Seen before the rows' own gestures, and not claimed: the list still selects. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string (moves[i].keys),
                                       gtk_callback_action_new (move_cell_cb, self, NULL),
                                       "i", moves[i].step));
  /* Before the list, which moves nowhere on ← →, and the window, which
   * would move the focus out of the table. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
}

/**
 * quorum_table_view_get_cell_range:
 * @first: (out) (optional): the first column of the cells selected
 * @last: (out) (optional): the last
 *
 * Returns: %TRUE when cells are selected in the table (not the variance):
 *   in each row selected, its figures in the columns from @first to
 *   @last, which Copy copies; %FALSE when rows are selected whole
 */
gboolean
quorum_table_view_get_cell_range (QuorumTableView *self,
                                  guint           *first,
                                  guint           *last)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), FALSE);

  if (_quorum_table_view_showing_variance (self) || self->range_first < 0)
    return FALSE;
  if (first != NULL)
    *first = self->range_first;
  if (last != NULL)
    *last = self->range_last;
  return TRUE;
}
