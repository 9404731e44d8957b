/* quorum-table-view-sort.c: a table's rows sorted by a column
 *
 * Each column sorts by a GtkSorter of its own (the label's a string sorter
 * over an expression, the figures' by amount, blank below any); the column
 * view's sorter goes under a GtkTreeListRowSorter, so that a group's rows
 * stay under it, after a numeric sorter that keeps the stated total last.
 * The Sort menu's actions sort, and follow clicks on the titles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-table-view-private.h"

/* Blank and N/A figures below any amount: last when the largest come
 * first (GTK reverses the whole order for a descending sort). */
int
_quorum_table_view_compare_keys (gboolean has_a,
                                 gint64   a,
                                 gboolean has_b,
                                 gint64   b)
{
  if (!has_a || !has_b)
    return !has_b - !has_a;
  return (a > b) - (a < b);
}

/* A column of figures keeps a custom sorter, comparing the amounts with
 * no GValue between (blank below any): a numeric sorter over an expression
 * would evaluate it through a closure for each comparison unless sort keys
 * are kept, which was not measured under GtkTreeListRowSorter. */
static int
compare_value (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  QuorumValueColumn *column = user_data;
  gint64 amount_a = 0, amount_b = 0;
  gboolean has_a, has_b;

  if (column->self->probing && column->self->probed_column < 0)
    column->self->probed_column = column->index + 1;
  has_a = a != NULL && quorum_table_item_get_amount ((QuorumTableItem *) a, column->index,
                                                     &amount_a);
  has_b = b != NULL && quorum_table_item_get_amount ((QuorumTableItem *) b, column->index,
                                                     &amount_b);
  return _quorum_table_view_compare_keys (has_a, amount_a, has_b, amount_b);
}

static char *
label_key (QuorumTableItem *item,
           gpointer         user_data)
{
  QuorumTableView *self = user_data;

  if (self->probing && self->probed_column < 0)
    self->probed_column = 0;
  return item != NULL ? g_strdup (quorum_row_get_label (quorum_table_item_get_row (item))) : NULL;
}

static GtkSorter *
label_sorter_new (QuorumTableView *self)
{
  GtkExpression *label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                      G_CALLBACK (label_key), self, NULL);

  return GTK_SORTER (gtk_string_sorter_new (label));
}

/* The stated total last (FALSE before TRUE), then the column view's order,
 * level by level: a group's rows stay under it. */
GtkSorter *
_quorum_table_view_row_sorter_new (GtkColumnView *view)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkExpression *item = gtk_property_expression_new (GTK_TYPE_TREE_LIST_ROW, NULL, "item");
  GtkExpression *is_total = gtk_property_expression_new (QUORUM_TYPE_TABLE_ITEM, item,
                                                         "is-total");
  GtkSorter *by_level =
    GTK_SORTER (gtk_tree_list_row_sorter_new (g_object_ref (gtk_column_view_get_sorter (view))));

  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_numeric_sorter_new (is_total)));
  gtk_multi_sorter_append (sorter, by_level);
  return GTK_SORTER (sorter);
}

static GtkColumnViewColumn *
probed_column (QuorumTableView *self)
{
  if (self->probed_column == 0)
    return self->label_column;
  if (self->probed_column > 0 && (guint) self->probed_column <= self->value_columns->len)
    return ((QuorumValueColumn *) g_ptr_array_index (self->value_columns,
                                                     self->probed_column - 1))->column;
  return NULL;
}

/* Which column sorts the table, and which way. GTK 4.8 does not say: its
 * sorter is asked to compare two rows, and the column whose sorter it asks
 * first is the one; two rows that column tells apart say which way.
 *
 * Returns: %FALSE when the rows cannot tell (fewer than two) */
static gboolean
probe_sort_column (QuorumTableView      *self,
                   GtkColumnViewColumn **column,
                   gboolean             *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GListModel *root = self->tree != NULL ? gtk_tree_list_model_get_model (self->tree) : NULL;
  guint n = root != NULL ? g_list_model_get_n_items (root) : 0;
  g_autoptr(QuorumTableItem) first = n >= 2 ? g_list_model_get_item (root, 0) : NULL;
  g_autoptr(QuorumTableItem) second = n >= 2 ? g_list_model_get_item (root, 1) : NULL;

  *column = NULL;
  if (gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    return TRUE;
  if (first == NULL)
    return FALSE;
  self->probed_column = -1;
  self->probing = TRUE;
  gtk_sorter_compare (sorter, first, second);
  self->probing = FALSE;
  if ((*column = probed_column (self)) == NULL)
    return FALSE;
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(QuorumTableItem) other = g_list_model_get_item (root, i);
      GtkOrdering own = gtk_sorter_compare (gtk_column_view_column_get_sorter (*column),
                                            first, other);

      if (own != GTK_ORDERING_EQUAL)
        {
          *descending = gtk_sorter_compare (sorter, first, other) != own;
          break;
        }
    }
  return TRUE;
}

static gboolean
sync_sort_actions (gpointer user_data)
{
  QuorumTableView *self = user_data;
  GAction *sort_by = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-by");
  GAction *order = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-descending");
  g_autoptr(GVariant) state = g_action_get_state (order);
  gboolean descending = g_variant_get_boolean (state);
  GtkColumnViewColumn *column;
  const char *id = "";

  self->sync_idle = 0;
  if (!probe_sort_column (self, &column, &descending))
    return G_SOURCE_REMOVE;
  if (column == self->label_column)
    id = "@label";
  else if (column != NULL)
    id = ((QuorumValueColumn *) g_ptr_array_index (self->value_columns,
                                                   self->probed_column - 1))->id;
  g_simple_action_set_state (G_SIMPLE_ACTION (sort_by), g_variant_new_string (id));
  if (column != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (order), g_variant_new_boolean (descending));
  return G_SOURCE_REMOVE;
}

/* The sort models sort only while a column does: unsorted, they pass the
 * tree through, and expanding a group costs no sorting. */
static void
view_sorter_changed_cb (QuorumTableView *self)
{
  gboolean sorted = gtk_sorter_get_order (gtk_column_view_get_sorter (self->column_view)) !=
                    GTK_SORTER_ORDER_NONE;

  if (sorted != (gtk_sort_list_model_get_sorter (self->sort_model) != NULL))
    gtk_sort_list_model_set_sorter (self->sort_model, sorted ? self->row_sorter : NULL);
  /* Read the order once the change is done, for the Sort menu, which
   * follows clicks on the titles. */
  if (self->sync_idle == 0)
    self->sync_idle = g_idle_add (sync_sort_actions, self);
}

static GtkColumnViewColumn *
column_for_id (QuorumTableView *self,
               const char      *id)
{
  if (g_strcmp0 (id, "@label") == 0)
    return self->label_column;
  for (guint i = 0; i < self->value_columns->len; i++)
    {
      QuorumValueColumn *column = g_ptr_array_index (self->value_columns, i);

      if (g_strcmp0 (column->id, id) == 0)
        return column->column;
    }
  return NULL;
}

static void
sort (QuorumTableView *self,
      const char      *id,
      gboolean         descending)
{
  gtk_column_view_sort_by_column (self->column_view, column_for_id (self, id),
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

void
_quorum_table_view_sort_by_action (GSimpleAction *action,
                                   GVariant      *value,
                                   gpointer       user_data)
{
  QuorumTableView *self = user_data;
  GAction *descending = g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                    "sort-descending");
  g_autoptr(GVariant) state = g_action_get_state (descending);

  g_simple_action_set_state (action, value);
  sort (self, g_variant_get_string (value, NULL), g_variant_get_boolean (state));
}

void
_quorum_table_view_sort_descending_action (GSimpleAction *action,
                                           GVariant      *value,
                                           gpointer       user_data)
{
  QuorumTableView *self = user_data;
  GAction *sort_by = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-by");
  g_autoptr(GVariant) state = g_action_get_state (sort_by);
  const char *id = g_variant_get_string (state, NULL);

  g_simple_action_set_state (action, value);
  if (*id != '\0')
    sort (self, id, g_variant_get_boolean (value));
}

/* Returns: (transfer full): the sorter of a column of figures */
GtkSorter *
_quorum_table_view_value_sorter_new (QuorumValueColumn *column)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_value, column, NULL));
}

void
_quorum_table_view_init_sort (QuorumTableView *self)
{
  g_autoptr(GtkSorter) label_sorter = label_sorter_new (self);
  g_autoptr(GtkSorter) variance_label_sorter = label_sorter_new (self);

  self->row_sorter = _quorum_table_view_row_sorter_new (self->column_view);
  gtk_column_view_column_set_sorter (self->label_column, label_sorter);
  gtk_column_view_column_set_sorter (self->variance_label_column, variance_label_sorter);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * quorum_table_view_get_sort:
 * @descending: (out) (optional): whether the largest come first
 *
 * Returns: the id of the column the table is sorted by, `@label` for the
 *   rows' labels, or an empty string for the document's order
 */
const char *
quorum_table_view_get_sort (QuorumTableView *self,
                            gboolean        *descending)
{
  GAction *sort_by, *order;
  g_autoptr(GVariant) by = NULL;
  g_autoptr(GVariant) inverted = NULL;

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);

  sort_by = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-by");
  order = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-descending");
  by = g_action_get_state (sort_by);
  inverted = g_action_get_state (order);
  if (descending != NULL)
    *descending = g_variant_get_boolean (inverted);
  return g_intern_string (g_variant_get_string (by, NULL));
}
