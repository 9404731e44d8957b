/* quorum-table-view-expand.c: a table's groups, opened and closed
 *
 * The rows are a GtkTreeListModel over the top-level rows and the stated
 * total; a group's rows are made only when it is first expanded. + and −
 * (or Shift+→ and Shift+←, when no cell is focused) open and close the
 * group the cursor is on; * opens everything in it. Many groups at once
 * are opened or closed away from the view (bulk_begin() and bulk_end()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-table-view-private.h"

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = quorum_table_item_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

/**
 * _quorum_table_view_set_tree:
 * @table: (nullable): the table whose rows to show
 *
 * The top-level rows, then the stated total, in a new tree.
 */
void
_quorum_table_view_set_tree (QuorumTableView *self,
                             QuorumTable     *table)
{
  g_autoptr(GListStore) root = NULL;
  GListModel *rows;
  QuorumRow *total;
  guint n;

  gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_clear_object (&self->tree);
  if (table == NULL)
    return;
  rows = quorum_table_get_rows (table);
  n = g_list_model_get_n_items (rows);
  root = g_list_store_new (QUORUM_TYPE_TABLE_ITEM);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      g_autoptr(QuorumTableItem) item = quorum_table_item_new (row, table);

      g_list_store_append (root, item);
    }
  total = quorum_table_get_total (table);
  if (total != NULL)
    {
      g_autoptr(QuorumTableItem) item = quorum_table_item_new (total, table);

      g_list_store_append (root, item);
    }
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&root)), FALSE, FALSE,
                                        create_children, NULL, NULL);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->tree));
}

/* Expands @tree_row and every group below it, or only those in @only. */
static void
expand_below (GtkTreeListRow *tree_row,
              GHashTable     *only)
{
  g_autoptr(QuorumTableItem) item = _quorum_table_view_row_item (tree_row);
  GListModel *children;
  guint n;

  if (item == NULL ||
      (only != NULL && !g_hash_table_contains (only, quorum_table_item_get_row (item))))
    return;
  children = quorum_table_item_get_children (item);
  if (children == NULL)
    return;
  gtk_tree_list_row_set_expanded (tree_row, TRUE);
  n = g_list_model_get_n_items (children);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumTableItem) child = g_list_model_get_item (children, i);
      g_autoptr(GtkTreeListRow) child_row = NULL;

      /* Lines are skipped without making their tree rows. */
      if (quorum_row_get_children (quorum_table_item_get_row (child)) == NULL)
        continue;
      child_row = gtk_tree_list_row_get_child_row (tree_row, i);
      if (child_row != NULL)
        expand_below (child_row, only);
    }
}

/* A view about to lose its rows gives up the focus first: GTK 4.8 does not
 * take well to the focused row going with its model.
 *
 * Returns: %TRUE when the view had the focus */
static gboolean
set_view_model (GtkColumnView     *view,
                GtkSelectionModel *model)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (view));

  if (gtk_column_view_get_model (view) == model)
    return had_focus;
  if (model == NULL && had_focus)
    gtk_root_set_focus (root, NULL);
  gtk_column_view_set_model (view, model);
  return had_focus;
}

/* Only the view shown has the rows: a hidden column view would still make
 * and bind its 200 or so rows at each change. */
void
_quorum_table_view_attach_views (QuorumTableView *self)
{
  gboolean variance = _quorum_table_view_showing_variance (self);

  if (self->bulk > 0)
    return;
  set_view_model (self->column_view, variance ? NULL : GTK_SELECTION_MODEL (self->selection));
  set_view_model (self->variance_view,
                  variance ? GTK_SELECTION_MODEL (self->variance_selection) : NULL);
}

static void
set_sorting (QuorumTableView *self,
             gboolean         on)
{
  GtkColumnView *views[] = { self->column_view, self->variance_view };
  GtkSortListModel *models[] = { self->sort_model, self->variance_sort_model };
  GtkSorter *sorters[] = { self->row_sorter, self->variance_row_sorter };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gboolean sorted = gtk_sorter_get_order (gtk_column_view_get_sorter (views[i])) !=
                        GTK_SORTER_ORDER_NONE;

      if (sorted)
        gtk_sort_list_model_set_sorter (models[i], on ? sorters[i] : NULL);
    }
}

/* GTK 4.8's column view takes a time in proportion to all the rows for
 * each change of its model, and its sort list model scans all the rows for
 * each row a collapse removes: opening or closing 200 groups of 20,000 rows
 * one at a time would take a minute. Many changes at once are made with
 * the rows away from the view and unsorted, then sorted and shown once. */
void
_quorum_table_view_bulk_begin (QuorumTableView *self)
{
  if (self->bulk++ > 0)
    return;
  self->bulk_had_focus = set_view_model (self->column_view, NULL);
  self->bulk_had_focus |= set_view_model (self->variance_view, NULL);
  set_sorting (self, FALSE);
}

void
_quorum_table_view_bulk_end (QuorumTableView *self)
{
  gboolean variance;
  GtkColumnView *view;
  guint position;

  g_return_if_fail (self->bulk > 0);
  if (--self->bulk > 0)
    return;
  set_sorting (self, TRUE);
  _quorum_table_view_attach_views (self);

  /* Back to the row the cursor is on, if any. */
  variance = _quorum_table_view_showing_variance (self);
  view = variance ? self->variance_view : self->column_view;
  position = _quorum_table_view_cursor_position (_quorum_table_view_shown_selection (self));
  if (position != GTK_INVALID_LIST_POSITION)
    _quorum_table_view_scroll_to (self, view, position);
  if (self->bulk_had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (view));
}

/* Below each top-level row, expands every group (or those in @only), or
 * collapses the top-level groups; many at once away from the view. */
static void
set_groups_expanded (QuorumTableView *self,
                     gboolean         expanded,
                     GHashTable      *only)
{
  guint n;

  if (self->tree == NULL)
    return;
  _quorum_table_view_bulk_begin (self);
  n = g_list_model_get_n_items (gtk_tree_list_model_get_model (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_child_row (self->tree, i);

      if (tree_row != NULL && expanded)
        expand_below (tree_row, only);
      else if (tree_row != NULL)
        gtk_tree_list_row_set_expanded (tree_row, FALSE);
    }
  _quorum_table_view_bulk_end (self);
}

/* Expands every group, or only those in @only. */
void
_quorum_table_view_expand_groups (QuorumTableView *self,
                                  GHashTable      *only)
{
  set_groups_expanded (self, TRUE, only);
}

/* Returns: (transfer full): the ids of the expanded groups, to expand
 *   them again after a reload */
GHashTable *
_quorum_table_view_save_expanded (QuorumTableView *self)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = self->tree != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(QuorumTableItem) item = _quorum_table_view_row_item (tree_row);

      if (item != NULL && gtk_tree_list_row_get_expanded (tree_row))
        g_hash_table_add (ids, g_strdup (quorum_row_get_id (quorum_table_item_get_row (item))));
    }
  return ids;
}

/* Expands the groups of @ids (if any) again, in the rows the tree has now. */
void
_quorum_table_view_restore_expanded (QuorumTableView *self,
                                     GHashTable      *ids)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer id;

  if (self->tree == NULL || ids == NULL || g_hash_table_size (ids) == 0)
    return;
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      QuorumRow *row = quorum_table_find_row (self->table, id);

      if (row != NULL)
        g_hash_table_add (rows, row);
    }
  /* A group is only opened with those above it, as before the reload. */
  _quorum_table_view_expand_groups (self, rows);
}

/* The indices from the top of the rows down to @target, or FALSE. */
static gboolean
find_path (GListModel *rows,
           QuorumRow  *target,
           GArray     *path)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      GListModel *children = quorum_row_get_children (row);

      g_array_append_val (path, i);
      if (row == target || (children != NULL && find_path (children, target, path)))
        return TRUE;
      g_array_set_size (path, path->len - 1);
    }
  return FALSE;
}

/* Expands the rows above @row. Returns: (transfer full) (nullable): its tree row */
GtkTreeListRow *
_quorum_table_view_reveal_row (QuorumTableView *self,
                               QuorumRow       *row)
{
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkTreeListRow *tree_row;

  if (row == quorum_table_get_total (self->table))
    {
      GListModel *root = gtk_tree_list_model_get_model (self->tree);

      return gtk_tree_list_model_get_child_row (self->tree, g_list_model_get_n_items (root) - 1);
    }
  if (!find_path (quorum_table_get_rows (self->table), row, path))
    return NULL;

  tree_row = gtk_tree_list_model_get_child_row (self->tree, g_array_index (path, guint, 0));
  for (guint i = 1; tree_row != NULL && i < path->len; i++)
    {
      GtkTreeListRow *child;

      gtk_tree_list_row_set_expanded (tree_row, TRUE);
      child = gtk_tree_list_row_get_child_row (tree_row, g_array_index (path, guint, i));
      g_object_unref (tree_row);
      tree_row = child;
    }
  return tree_row;
}

/* Enter on a group opens or closes it; on a line, shows its details. */
static void
activate_row (QuorumTableView   *self,
              GtkMultiSelection *selection,
              guint              position)
{
  g_autoptr(GObject) slot = g_list_model_get_item (G_LIST_MODEL (selection), position);
  GtkTreeListRow *tree_row = _quorum_table_view_tree_row (slot);

  if (tree_row == NULL)
    return;
  if (gtk_tree_list_row_is_expandable (tree_row))
    gtk_tree_list_row_set_expanded (tree_row, !gtk_tree_list_row_get_expanded (tree_row));
  else
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
activate_cb (QuorumTableView *self,
             guint            position)
{
  activate_row (self, self->selection, position);
}

static void
variance_activate_cb (QuorumTableView *self,
                      guint            position)
{
  activate_row (self, self->variance_selection, position);
}

/* The keys of the group the cursor is on (GTK 4.8's expander has its own,
 * but only for the row whose expander has the focus). */
static gboolean
expand_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  QuorumTableView *self = user_data;
  GtkMultiSelection *selection = widget == GTK_WIDGET (self->column_view)
                                 ? self->selection : self->variance_selection;
  GtkTreeListRow *tree_row = _quorum_table_view_cursor_tree_row (selection);
  int what = g_variant_get_int32 (args);

  /* Shift+→ and Shift+←: the focused cell's, if any (in the table), else
   * open and close. */
  if (what >= 3)
    {
      if (widget == GTK_WIDGET (self->column_view) &&
          _quorum_table_view_move_cell (self, what == 3 ? 1 : -1, TRUE))
        return TRUE;
      what = what == 3 ? 1 : 0;
    }
  if (tree_row == NULL || !gtk_tree_list_row_is_expandable (tree_row))
    return FALSE;
  if (what == 2)
    expand_below (tree_row, NULL);
  else
    gtk_tree_list_row_set_expanded (tree_row, what == 1);
  return TRUE;
}

static void
add_expand_keys (QuorumTableView *self,
                 GtkColumnView   *view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { const char *keys; int what; } keys[] = {
    { "plus|KP_Add", 1 },
    { "minus|KP_Subtract", 0 },
    { "asterisk|KP_Multiply", 2 },
    /* Open or close, unless a cell is focused: then the cells selected grow. */
    { "<Shift>Right|<Shift>KP_Right", 3 },
    { "<Shift>Left|<Shift>KP_Left", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string (keys[i].keys),
                                         gtk_callback_action_new (expand_key_cb, self, NULL),
                                         "i", keys[i].what);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  /* F9, the Menu key or Shift+F10 on a row: its details, where each marked
   * figure's finding is explained, without the mouse. */
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("F9|Menu|<Shift>F10"),
                      gtk_named_action_new ("table.details")));
  /* Before the row's GtkTreeExpander, which has the focus and takes
   * Shift+← → for its own row, even one that is not a group. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}

void
_quorum_table_view_class_init_expand (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, variance_activate_cb);
}

void
_quorum_table_view_init_expand (QuorumTableView *self)
{
  add_expand_keys (self, self->column_view);
  add_expand_keys (self, self->variance_view);
}

void
quorum_table_view_expand_all (QuorumTableView *self)
{
  g_return_if_fail (QUORUM_IS_TABLE_VIEW (self));
  _quorum_table_view_expand_groups (self, NULL);
}

void
quorum_table_view_collapse_all (QuorumTableView *self)
{
  g_return_if_fail (QUORUM_IS_TABLE_VIEW (self));
  set_groups_expanded (self, FALSE, NULL);
}

/**
 * quorum_table_view_set_row_expanded:
 * @row_id: a group's id
 *
 * Expands or collapses a group (expanding the groups above it first).
 *
 * Returns: %TRUE when the table has a group of that id
 */
gboolean
quorum_table_view_set_row_expanded (QuorumTableView *self,
                                    const char      *row_id,
                                    gboolean         expanded)
{
  g_autoptr(GtkTreeListRow) tree_row = NULL;
  QuorumRow *row;

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), FALSE);

  if (self->table == NULL || (row = quorum_table_find_row (self->table, row_id)) == NULL)
    return FALSE;
  tree_row = _quorum_table_view_reveal_row (self, row);
  if (tree_row == NULL || !gtk_tree_list_row_is_expandable (tree_row))
    return FALSE;
  gtk_tree_list_row_set_expanded (tree_row, expanded);
  return TRUE;
}
