/* quorum-table.c: one table of a budget document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-model-private.h"
#include "quorum-amount.h"

G_DEFINE_FINAL_TYPE (QuorumTable, quorum_table, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ROLE,
  PROP_UNIT,
  PROP_N_FINDINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_table_finalize (GObject *object)
{
  QuorumTable *self = (QuorumTable *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->role);
  g_free (self->unit);
  g_clear_object (&self->columns);
  g_clear_object (&self->rows);
  g_clear_object (&self->total);
  g_clear_pointer (&self->row_index, _quorum_row_index_free);
  g_clear_pointer (&self->column_index, g_hash_table_unref);
  g_free (self->json_path);
  g_free (self->decimals);

  G_OBJECT_CLASS (quorum_table_parent_class)->finalize (object);
}

static void
quorum_table_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QuorumTable *self = QUORUM_TABLE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_ROLE: g_value_set_string (value, self->role); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_N_FINDINGS: g_value_set_uint (value, self->n_findings); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_table_class_init (QuorumTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_table_finalize;
  object_class->get_property = quorum_table_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_N_FINDINGS] =
    g_param_spec_uint ("n-findings", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_table_init (QuorumTable *self)
{
  self->columns = g_list_store_new (QUORUM_TYPE_COLUMN);
  self->rows = _quorum_row_list_new ();
  self->row_index = _quorum_row_index_new ();
  self->column_index = g_hash_table_new (g_str_hash, g_str_equal);
}

QuorumTable *
_quorum_table_new (void)
{
  return g_object_new (QUORUM_TYPE_TABLE, NULL);
}

#define GETTER(type, field, fallback) \
  type \
  quorum_table_get_##field (QuorumTable *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_TABLE (self), fallback); \
    return self->field; \
  }

GETTER (const char *, id, NULL)
GETTER (const char *, title, NULL)
GETTER (const char *, role, NULL)
GETTER (const char *, unit, NULL)
GETTER (guint, n_columns, 0)
GETTER (guint, n_findings, 0)

/**
 * quorum_table_get_columns:
 *
 * Returns: (transfer none): the columns, a list of #QuorumColumn
 */
GListModel *
quorum_table_get_columns (QuorumTable *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE (self), NULL);
  return G_LIST_MODEL (self->columns);
}

/**
 * quorum_table_find_column:
 *
 * Returns: (transfer none) (nullable): the column with that id
 */
QuorumColumn *
quorum_table_find_column (QuorumTable *self,
                          const char  *column_id)
{
  g_return_val_if_fail (QUORUM_IS_TABLE (self), NULL);
  g_return_val_if_fail (column_id != NULL, NULL);

  return g_hash_table_lookup (self->column_index, column_id);
}

/**
 * quorum_table_get_rows:
 *
 * Returns: (transfer none): the top-level rows, a list of #QuorumRow
 */
GListModel *
quorum_table_get_rows (QuorumTable *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/**
 * quorum_table_get_total:
 *
 * Returns: (transfer none) (nullable): the stated total row
 */
QuorumRow *
quorum_table_get_total (QuorumTable *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE (self), NULL);
  return self->total;
}

/**
 * quorum_table_find_row:
 * @row_id: a row id at any depth, or `@total`
 *
 * Returns: (transfer none) (nullable): the row
 */
QuorumRow *
quorum_table_find_row (QuorumTable *self,
                       const char  *row_id)
{
  g_return_val_if_fail (QUORUM_IS_TABLE (self), NULL);
  g_return_val_if_fail (row_id != NULL, NULL);

  if (g_str_equal (row_id, "@total"))
    return self->total;
  return _quorum_row_index_lookup (self->row_index, row_id);
}

typedef struct
{
  guint n_columns;
  GArray **amounts;       /* per column, of gint64 */
} ColumnAmounts;

static void
add_column_amounts (gpointer data,
                    gpointer user_data)
{
  QuorumRow *row = data;
  ColumnAmounts *columns = user_data;

  for (guint c = 0; c < columns->n_columns && c < row->n_values; c++)
    {
      const QuorumValue *effective = _quorum_row_effective (row, c);

      if (effective->kind == QUORUM_VALUE_AMOUNT)
        g_array_append_val (columns->amounts[c], effective->amount);
    }
}

/**
 * quorum_table_get_decimals:
 * @column: a column's index
 *
 * How many decimals the figures of a column show, so that all show the
 * same: quorum_amount_decimals() over the figures of every row (the total
 * too) in the table's unit: two for pounds when any has pence, else none.
 * Worked out once, on the first call.
 *
 * Returns: 0, 1 or 2
 */
guint
quorum_table_get_decimals (QuorumTable *self,
                           guint        column)
{
  g_return_val_if_fail (QUORUM_IS_TABLE (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  if (self->decimals == NULL)
    {
      GArray **amounts = g_new (GArray *, self->n_columns);
      ColumnAmounts columns = { self->n_columns, amounts };

      for (guint c = 0; c < self->n_columns; c++)
        amounts[c] = g_array_new (FALSE, FALSE, sizeof (gint64));
      _quorum_row_index_foreach (self->row_index, add_column_amounts, &columns);
      if (self->total != NULL)
        add_column_amounts (self->total, &columns);
      self->decimals = g_new0 (guint8, self->n_columns);
      for (guint c = 0; c < self->n_columns; c++)
        {
          self->decimals[c] = quorum_amount_decimals ((const gint64 *) (gpointer) amounts[c]->data,
                                                      amounts[c]->len, self->unit);
          g_array_unref (amounts[c]);
        }
      g_free (amounts);
    }
  return self->decimals[column];
}
