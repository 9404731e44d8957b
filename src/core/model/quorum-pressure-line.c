/* quorum-pressure-line.c: one budget line's provision against the packages drawing on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-pressure-line.h"
#include <glib/gi18n-lib.h>

#include "quorum-amount.h"
#include "quorum-budget-document.h"
#include "quorum-table.h"
#include "quorum-work-package.h"

struct _QuorumPressureLine
{
  GObject parent_instance;

  char *document;
  char *table;
  char *row;
  char *column;
  char *year;
  char *label;
  gboolean is_project;
  gint64 provision;
  gint64 committed;
  gint64 spent;
  gint64 projected;
  gboolean released;
  guint n_packages;
  guint n_approved;
};

G_DEFINE_FINAL_TYPE (QuorumPressureLine, quorum_pressure_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TABLE,
  PROP_ROW,
  PROP_COLUMN,
  PROP_YEAR,
  PROP_LABEL,
  PROP_IS_PROJECT,
  PROP_PROVISION,
  PROP_COMMITTED,
  PROP_SPENT,
  PROP_PROJECTED,
  PROP_REMAINING,
  PROP_OVER,
  PROP_RELEASED,
  PROP_N_PACKAGES,
  PROP_N_APPROVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_pressure_line_finalize (GObject *object)
{
  QuorumPressureLine *self = (QuorumPressureLine *) object;

  g_free (self->document);
  g_free (self->table);
  g_free (self->row);
  g_free (self->column);
  g_free (self->year);
  g_free (self->label);

  G_OBJECT_CLASS (quorum_pressure_line_parent_class)->finalize (object);
}

static void
quorum_pressure_line_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumPressureLine *self = QUORUM_PRESSURE_LINE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_string (value, self->document); break;
    case PROP_TABLE: g_value_set_string (value, self->table); break;
    case PROP_ROW: g_value_set_string (value, self->row); break;
    case PROP_COLUMN: g_value_set_string (value, self->column); break;
    case PROP_YEAR: g_value_set_string (value, self->year); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_IS_PROJECT: g_value_set_boolean (value, self->is_project); break;
    case PROP_PROVISION: g_value_set_int64 (value, self->provision); break;
    case PROP_COMMITTED: g_value_set_int64 (value, self->committed); break;
    case PROP_SPENT: g_value_set_int64 (value, self->spent); break;
    case PROP_PROJECTED: g_value_set_int64 (value, self->projected); break;
    case PROP_REMAINING:
      g_value_set_int64 (value, quorum_pressure_line_get_remaining (self));
      break;
    case PROP_OVER: g_value_set_boolean (value, quorum_pressure_line_get_over (self)); break;
    case PROP_RELEASED: g_value_set_boolean (value, self->released); break;
    case PROP_N_PACKAGES: g_value_set_uint (value, self->n_packages); break;
    case PROP_N_APPROVED: g_value_set_uint (value, self->n_approved); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_pressure_line_class_init (QuorumPressureLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_pressure_line_finalize;
  object_class->get_property = quorum_pressure_line_get_property;

  properties[PROP_DOCUMENT] = g_param_spec_string ("document", NULL, NULL, NULL, flags);
  properties[PROP_TABLE] = g_param_spec_string ("table", NULL, NULL, NULL, flags);
  properties[PROP_ROW] = g_param_spec_string ("row", NULL, NULL, NULL, flags);
  properties[PROP_COLUMN] = g_param_spec_string ("column", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_string ("year", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_IS_PROJECT] = g_param_spec_boolean ("is-project", NULL, NULL, FALSE, flags);
  properties[PROP_PROVISION] =
    g_param_spec_int64 ("provision", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_COMMITTED] =
    g_param_spec_int64 ("committed", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_SPENT] =
    g_param_spec_int64 ("spent", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_PROJECTED] =
    g_param_spec_int64 ("projected", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_REMAINING] =
    g_param_spec_int64 ("remaining", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_OVER] = g_param_spec_boolean ("over", NULL, NULL, FALSE, flags);
  properties[PROP_RELEASED] = g_param_spec_boolean ("released", NULL, NULL, FALSE, flags);
  properties[PROP_N_PACKAGES] =
    g_param_spec_uint ("n-packages", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_APPROVED] =
    g_param_spec_uint ("n-approved", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_pressure_line_init (QuorumPressureLine *self)
{
}

static char *
line_key (const char *document,
          const char *table,
          const char *row,
          const char *column)
{
  return g_strjoin ("\x1f", document, table, row, column, NULL);
}

/* Adds without overflow: amounts read are below 10^15 hundredths, and a
 * store cannot hold the ~9000 packages on one line it takes to overflow;
 * if it ever did, the sum saturates rather than wraps. */
static gint64
add (gint64 a,
     gint64 b)
{
  gint64 sum;

  if (quorum_amount_add (a, b, &sum))
    return sum;
  return (b > 0) ? G_MAXINT64 / 2 : G_MININT64 / 2;
}

static void
add_package (QuorumPressureLine *line,
             QuorumWorkPackage  *package)
{
  gboolean approved = quorum_work_package_get_outcome (package) == QUORUM_OUTCOME_APPROVED &&
                      g_strcmp0 (quorum_work_package_get_status (package), "withdrawn") != 0;
  gint64 actual = 0;
  gboolean has_actual = quorum_work_package_get_actual (package, &actual);

  line->n_packages++;
  if (approved)
    {
      line->n_approved++;
      line->committed = add (line->committed, quorum_work_package_get_estimate (package));
      if (g_strcmp0 (quorum_work_package_get_kind (package), "project-brief") == 0)
        line->released = TRUE;
    }
  if (has_actual)
    {
      line->spent = add (line->spent, actual);
      line->projected = add (line->projected, actual);
    }
  else if (approved)
    line->projected = add (line->projected, quorum_work_package_get_estimate (package));
}

static void
collect_rows (GListModel *rows,
              GPtrArray  *out)
{
  guint n = rows != NULL ? g_list_model_get_n_items (rows) : 0;

  for (guint i = 0; i < n; i++)
    {
      QuorumRow *row = g_list_model_get_item (rows, i);

      g_ptr_array_add (out, row);
      collect_rows (quorum_row_get_children (row), out);
    }
}

/**
 * quorum_pressure_compute:
 * @documents: the store's budget documents
 * @work_packages: the store's work packages, with their budget lines
 *   resolved
 *
 * For every budget line that packages draw on, in a year: the provision,
 * what approved packages commit (their estimates), what out-turns have
 * spent, and the projection (out-turn where reported, else the approved
 * estimate). For the project tables of every document that packages draw
 * on, every provision with a figure, and whether an approved project
 * brief has released it. Lines come in document, table, row and column
 * order.
 *
 * Returns: (transfer full): a list of #QuorumPressureLine
 */
GListModel *
quorum_pressure_compute (GListModel *documents,
                         GListModel *work_packages)
{
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GHashTable) used_documents = NULL;
  GListStore *result;
  guint n_packages, n_documents;

  g_return_val_if_fail (G_IS_LIST_MODEL (documents), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (work_packages), NULL);

  lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  used_documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  result = g_list_store_new (QUORUM_TYPE_PRESSURE_LINE);

  n_packages = g_list_model_get_n_items (work_packages);
  for (guint i = 0; i < n_packages; i++)
    {
      g_autoptr(QuorumWorkPackage) package = g_list_model_get_item (work_packages, i);
      const char *document, *table, *row, *column;
      g_autofree char *key = NULL;
      QuorumPressureLine *line;

      if (!quorum_work_package_get_budget_ref (package, &document, &table, &row, NULL) ||
          !quorum_work_package_get_budget_line (package, &column, NULL, NULL))
        continue;
      key = line_key (document, table, row, column);
      if ((line = g_hash_table_lookup (lines, key)) == NULL)
        {
          line = g_object_new (QUORUM_TYPE_PRESSURE_LINE, NULL);
          g_hash_table_insert (lines, g_steal_pointer (&key), line);
        }
      add_package (line, package);
      g_hash_table_add (used_documents, g_strdup (document));
    }

  n_documents = g_list_model_get_n_items (documents);
  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, d);
      const char *document_id = quorum_budget_document_get_id (document);
      GListModel *tables = quorum_budget_document_get_tables (document);
      guint n_tables = g_list_model_get_n_items (tables);

      if (!g_hash_table_contains (used_documents, document_id))
        continue;

      for (guint t = 0; t < n_tables; t++)
        {
          g_autoptr(QuorumTable) table = g_list_model_get_item (tables, t);
          g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
          GListModel *columns = quorum_table_get_columns (table);
          gboolean is_project = g_strcmp0 (quorum_table_get_role (table), "projects") == 0;
          guint n_columns = g_list_model_get_n_items (columns);

          collect_rows (quorum_table_get_rows (table), rows);
          for (guint r = 0; r < rows->len; r++)
            for (guint c = 0; c < n_columns; c++)
              {
                QuorumRow *row = g_ptr_array_index (rows, r);
                g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
                g_autofree char *key = line_key (document_id, quorum_table_get_id (table),
                                                 quorum_row_get_id (row),
                                                 quorum_column_get_id (column));
                const QuorumValue *value =
                  quorum_row_get_effective (row, quorum_column_get_index (column));
                QuorumPressureLine *line = g_hash_table_lookup (lines, key);

                if (line == NULL && is_project && quorum_column_get_year (column) != NULL &&
                    !quorum_column_is_computed (column) &&
                    quorum_row_get_kind (row) == QUORUM_ROW_LINE &&
                    quorum_value_is_amount (value) && value->amount != 0)
                  line = g_object_new (QUORUM_TYPE_PRESSURE_LINE, NULL);
                else if (line != NULL)
                  g_object_ref (line);
                else
                  continue;

                line->document = g_strdup (document_id);
                line->table = g_strdup (quorum_table_get_id (table));
                line->row = g_strdup (quorum_row_get_id (row));
                line->column = g_strdup (quorum_column_get_id (column));
                line->year = g_strdup (quorum_column_get_year (column));
                line->label = g_strdup (quorum_row_get_label (row));
                line->is_project = is_project;
                line->provision = quorum_value_is_amount (value) ? value->amount : 0;
                g_list_store_append (result, line);
                g_object_unref (line);
              }
        }
    }

  return G_LIST_MODEL (result);
}

#define GETTER(field) \
  const char * \
  quorum_pressure_line_get_##field (QuorumPressureLine *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), NULL); \
    return self->field; \
  }

GETTER (document)
GETTER (table)
GETTER (row)
GETTER (column)
GETTER (year)
GETTER (label)

gboolean
quorum_pressure_line_get_is_project (QuorumPressureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), FALSE);
  return self->is_project;
}

gint64
quorum_pressure_line_get_provision (QuorumPressureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), 0);
  return self->provision;
}

/**
 * quorum_pressure_line_get_committed:
 *
 * Returns: the estimates of the approved packages on the line
 */
gint64
quorum_pressure_line_get_committed (QuorumPressureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), 0);
  return self->committed;
}

/**
 * quorum_pressure_line_get_spent:
 *
 * Returns: the out-turns reported on the line's packages
 */
gint64
quorum_pressure_line_get_spent (QuorumPressureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), 0);
  return self->spent;
}

/**
 * quorum_pressure_line_get_projected:
 *
 * Returns: out-turns where reported, plus the estimates of approved
 *   packages not yet reported
 */
gint64
quorum_pressure_line_get_projected (QuorumPressureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), 0);
  return self->projected;
}

/**
 * quorum_pressure_line_get_remaining:
 *
 * Returns: the provision less the projection; negative when over
 */
gint64
quorum_pressure_line_get_remaining (QuorumPressureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), 0);
  return self->provision - self->projected;
}

/**
 * quorum_pressure_line_get_over:
 *
 * Returns: %TRUE when approved estimates or the projection exceed the
 *   provision
 */
gboolean
quorum_pressure_line_get_over (QuorumPressureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), FALSE);
  return self->committed > self->provision || self->projected > self->provision;
}

/**
 * quorum_pressure_line_get_released:
 *
 * Returns: for a project provision, %TRUE once an approved project brief
 *   draws on it
 */
gboolean
quorum_pressure_line_get_released (QuorumPressureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), FALSE);
  return self->released;
}

guint
quorum_pressure_line_get_n_packages (QuorumPressureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), 0);
  return self->n_packages;
}

guint
quorum_pressure_line_get_n_approved (QuorumPressureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_LINE (self), 0);
  return self->n_approved;
}
