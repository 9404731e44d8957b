/* quorum-table-view-variance.c: two columns of a table compared row by row
 *
 * The variance is a second column view over the same filtered rows: the
 * two figures compared, their difference and the change in percent. Its
 * cells bind their columns to the view's "variance-from" and "variance-to"
 * and their width to "variance-chars": choosing other columns changes them
 * where they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-table-view-private.h"
#include "quorum-ui-util.h"

static gboolean
variance_ready (QuorumTableView *self)
{
  guint n = self->table != NULL ? quorum_table_get_n_columns (self->table) : 0;

  return self->from_index < n && self->to_index < n;
}

/* --- cells -------------------------------------------------------------------- */

static void
setup_variance_cell (QuorumTableView     *self,
                     GtkListItem         *list_item,
                     QuorumTableCellKind  kind)
{
  GtkWidget *cell = _quorum_table_view_setup_cell (self, list_item, kind, 0,
                                                   kind == QUORUM_TABLE_CELL_CHANGE
                                                   ? 9 : self->variance_chars);

  g_object_bind_property (self, kind == QUORUM_TABLE_CELL_TO ? "variance-to" : "variance-from",
                          cell, "column", G_BINDING_SYNC_CREATE);
  if (kind == QUORUM_TABLE_CELL_DIFFERENCE || kind == QUORUM_TABLE_CELL_CHANGE)
    g_object_bind_property (self, "variance-to", cell, "to-column", G_BINDING_SYNC_CREATE);
  if (kind != QUORUM_TABLE_CELL_CHANGE)
    g_object_bind_property (self, "variance-chars", cell, "chars", G_BINDING_SYNC_CREATE);
}

static void
setup_from_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               QuorumTableView          *self)
{
  setup_variance_cell (self, list_item, QUORUM_TABLE_CELL_FROM);
}

static void
setup_to_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             QuorumTableView          *self)
{
  setup_variance_cell (self, list_item, QUORUM_TABLE_CELL_TO);
}

static void
setup_difference_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     QuorumTableView          *self)
{
  setup_variance_cell (self, list_item, QUORUM_TABLE_CELL_DIFFERENCE);
}

static void
setup_change_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 QuorumTableView          *self)
{
  setup_variance_cell (self, list_item, QUORUM_TABLE_CELL_CHANGE);
}

/* --- sorting ------------------------------------------------------------------ */

static int
compare_side (QuorumTableView *self,
              gconstpointer    a,
              gconstpointer    b,
              guint            column)
{
  gint64 amount_a = 0, amount_b = 0;
  gboolean has_a, has_b;

  if (!variance_ready (self))
    return GTK_ORDERING_EQUAL;
  has_a = a != NULL && quorum_table_item_get_amount ((QuorumTableItem *) a, column, &amount_a);
  has_b = b != NULL && quorum_table_item_get_amount ((QuorumTableItem *) b, column, &amount_b);
  return _quorum_table_view_compare_keys (has_a, amount_a, has_b, amount_b);
}

static int
compare_from (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  QuorumTableView *self = user_data;

  return compare_side (self, a, b, self->from_index);
}

static int
compare_to (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  QuorumTableView *self = user_data;

  return compare_side (self, a, b, self->to_index);
}

/* By the difference, or by the change in percent; blank below any. */
static gboolean
change_key (QuorumTableView *self,
            gconstpointer    item,
            gboolean         by_percent,
            gint64          *key)
{
  gint64 difference = 0, percent = 0;
  gboolean has_percent = FALSE;

  if (item == NULL ||
      !quorum_table_item_get_change ((QuorumTableItem *) item, self->from_index, self->to_index,
                                     &difference, &percent, &has_percent) ||
      (by_percent && !has_percent))
    return FALSE;
  *key = by_percent ? percent : difference;
  return TRUE;
}

static int
compare_changes (QuorumTableView *self,
                 gconstpointer    a,
                 gconstpointer    b,
                 gboolean         by_percent)
{
  gint64 key_a = 0, key_b = 0;
  gboolean has_a = change_key (self, a, by_percent, &key_a);
  gboolean has_b = change_key (self, b, by_percent, &key_b);

  return _quorum_table_view_compare_keys (has_a, key_a, has_b, key_b);
}

static int
compare_difference (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return compare_changes (user_data, a, b, FALSE);
}

static int
compare_change (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_changes (user_data, a, b, TRUE);
}

static void
set_custom_sorter (GtkColumnViewColumn *column,
                   GCompareDataFunc     compare,
                   gpointer             user_data)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, user_data, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

static void
variance_sorter_changed_cb (QuorumTableView *self)
{
  gboolean sorted = gtk_sorter_get_order (gtk_column_view_get_sorter (self->variance_view)) !=
                    GTK_SORTER_ORDER_NONE;

  if (sorted != (gtk_sort_list_model_get_sorter (self->variance_sort_model) != NULL))
    gtk_sort_list_model_set_sorter (self->variance_sort_model,
                                    sorted ? self->variance_row_sorter : NULL);
}

/* --- the columns compared ------------------------------------------------------ */

static void
update_titles (QuorumTableView *self)
{
  GListModel *columns;
  g_autoptr(QuorumColumn) from = NULL;
  g_autoptr(QuorumColumn) to = NULL;
  g_autofree char *from_title = NULL;
  g_autofree char *to_title = NULL;

  if (!variance_ready (self))
    return;
  columns = quorum_table_get_columns (self->table);
  from = g_list_model_get_item (columns, self->from_index);
  to = g_list_model_get_item (columns, self->to_index);
  from_title = _quorum_table_view_wrap_title (quorum_column_get_label (from));
  to_title = _quorum_table_view_wrap_title (quorum_column_get_label (to));
  gtk_column_view_column_set_title (self->from_column, from_title);
  gtk_column_view_column_set_title (self->to_column, to_title);
}

/* The column a drop-down's position offers, or GTK_INVALID_LIST_POSITION. */
static guint
choice_column (QuorumTableView *self,
               guint            position)
{
  if (self->variance_choices == NULL || position >= self->variance_choices->len)
    return GTK_INVALID_LIST_POSITION;
  return g_array_index (self->variance_choices, guint, position);
}

/* The drop-downs' position of @column, or GTK_INVALID_LIST_POSITION. */
static guint
choice_position (QuorumTableView *self,
                 guint            column)
{
  for (guint i = 0; self->variance_choices != NULL && i < self->variance_choices->len; i++)
    if (g_array_index (self->variance_choices, guint, i) == column)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* New figures in the same rows: the cells follow the view's properties,
 * the sorters are told. */
static void
variance_columns_changed_cb (QuorumTableView *self)
{
  GtkColumnViewColumn *columns[] = {
    self->from_column, self->to_column, self->difference_column, self->change_column,
  };
  guint from = choice_column (self, gtk_drop_down_get_selected (self->from_dropdown));
  guint to = choice_column (self, gtk_drop_down_get_selected (self->to_dropdown));

  if (from == self->from_index && to == self->to_index)
    return;
  self->from_index = from;
  self->to_index = to;
  update_titles (self);
  _quorum_table_view_notify_variance (self);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    gtk_sorter_changed (gtk_column_view_column_get_sorter (columns[i]),
                        GTK_SORTER_CHANGE_DIFFERENT);
}

/* A new table: its columns to choose from, the first two compared. A
 * column worked out from others (a variance of the document's own) is not
 * offered: compared with what it is made of, it says nothing new. */
void
_quorum_table_view_update_variance (QuorumTableView *self)
{
  GListModel *columns = quorum_table_get_columns (self->table);
  guint n = g_list_model_get_n_items (columns);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean possible;

  if (self->variance_choices == NULL)
    self->variance_choices = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_set_size (self->variance_choices, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);

      if (quorum_column_get_formula (column) != QUORUM_FORMULA_NONE)
        continue;
      g_array_append_val (self->variance_choices, i);
      gtk_string_list_append (labels, quorum_column_get_label (column));
    }
  possible = self->variance_choices->len >= 2;
  g_signal_handlers_block_by_func (self->from_dropdown, variance_columns_changed_cb, self);
  g_signal_handlers_block_by_func (self->to_dropdown, variance_columns_changed_cb, self);
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (labels));
  self->from_index = possible ? choice_column (self, 0) : GTK_INVALID_LIST_POSITION;
  self->to_index = possible ? choice_column (self, 1) : GTK_INVALID_LIST_POSITION;
  gtk_drop_down_set_selected (self->from_dropdown, possible ? 0 : GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->to_dropdown, possible ? 1 : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->from_dropdown, variance_columns_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->to_dropdown, variance_columns_changed_cb, self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->variance_button), possible);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->variance_button),
                               possible ? _("Compare Two Columns Row by Row")
                                        : _("A variance needs two columns; this table has one"));
  if (!possible && _quorum_table_view_showing_variance (self))
    gtk_toggle_button_set_active (self->table_button, TRUE);
  update_titles (self);
  _quorum_table_view_notify_variance (self);
}

/* Returns: (transfer full) (nullable): the ids of the columns compared */
char **
_quorum_table_view_save_variance (QuorumTableView *self)
{
  GListModel *columns;
  g_autoptr(QuorumColumn) from = NULL;
  g_autoptr(QuorumColumn) to = NULL;

  if (!variance_ready (self))
    return NULL;
  columns = quorum_table_get_columns (self->table);
  from = g_list_model_get_item (columns, self->from_index);
  to = g_list_model_get_item (columns, self->to_index);
  return g_strdupv ((char *[]) { (char *) quorum_column_get_id (from),
                                 (char *) quorum_column_get_id (to), NULL });
}

void
_quorum_table_view_restore_variance (QuorumTableView  *self,
                                     char            **ids)
{
  if (ids != NULL)
    quorum_table_view_set_variance_columns (self, ids[0], ids[1]);
}

void
_quorum_table_view_class_init_variance (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, variance_columns_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_from_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_to_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_difference_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_change_cb);
}

void
_quorum_table_view_init_variance (QuorumTableView *self)
{
  self->from_index = GTK_INVALID_LIST_POSITION;
  self->to_index = GTK_INVALID_LIST_POSITION;
  self->variance_chars = 12;

  self->variance_row_sorter = _quorum_table_view_row_sorter_new (self->variance_view);
  self->variance_sort_model =
    gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), NULL);
  self->variance_selection =
    quorum_ui_slot_selection_new (g_object_ref (G_LIST_MODEL (self->variance_sort_model)));

  set_custom_sorter (self->from_column, compare_from, self);
  set_custom_sorter (self->to_column, compare_to, self);
  set_custom_sorter (self->difference_column, compare_difference, self);
  set_custom_sorter (self->change_column, compare_change, self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->variance_view), "changed",
                           G_CALLBACK (variance_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * quorum_table_view_set_variance:
 * @variance: %TRUE for the variance, %FALSE for the table
 */
void
quorum_table_view_set_variance (QuorumTableView *self,
                                gboolean         variance)
{
  g_return_if_fail (QUORUM_IS_TABLE_VIEW (self));

  if (variance && !gtk_widget_get_sensitive (GTK_WIDGET (self->variance_button)))
    return;
  gtk_toggle_button_set_active (variance ? self->variance_button : self->table_button, TRUE);
}

/**
 * quorum_table_view_set_variance_columns:
 * @from_id: the column compared from
 * @to_id: the column compared to
 *
 * Returns: %TRUE when the table has both columns and offers them (a
 *   column worked out from others is not offered)
 */
gboolean
quorum_table_view_set_variance_columns (QuorumTableView *self,
                                        const char      *from_id,
                                        const char      *to_id)
{
  QuorumColumn *from, *to;

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), FALSE);

  if (self->table == NULL ||
      (from = quorum_table_find_column (self->table, from_id)) == NULL ||
      (to = quorum_table_find_column (self->table, to_id)) == NULL)
    return FALSE;
  if (choice_position (self, quorum_column_get_index (from)) == GTK_INVALID_LIST_POSITION ||
      choice_position (self, quorum_column_get_index (to)) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (self->from_dropdown,
                              choice_position (self, quorum_column_get_index (from)));
  gtk_drop_down_set_selected (self->to_dropdown,
                              choice_position (self, quorum_column_get_index (to)));
  return TRUE;
}
