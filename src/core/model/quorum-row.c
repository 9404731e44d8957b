/* quorum-row.c: a row of a budget table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-model-private.h"

#include <string.h>

G_DEFINE_FINAL_TYPE (QuorumRow, quorum_row, G_TYPE_OBJECT)

/* A table holds as many rows as its file has lines: see quorum-model-private.h. */
G_STATIC_ASSERT (sizeof (QuorumRow) <= 64);

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_NOTE,
  PROP_COMMITTEE,
  PROP_SERVICE_AREA,
  PROP_COMPONENT,
  PROP_KIND,
  PROP_DEPTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const QuorumValue _quorum_value_absent = { QUORUM_VALUE_ABSENT, 0 };
const QuorumRowExtra _quorum_row_no_extra = { 0 };

static void
row_extra_free (QuorumRow      *row,
                QuorumRowExtra *extra)
{
  for (guint i = 0; extra->findings != NULL && i < row->n_values; i++)
    g_clear_pointer (&extra->findings[i], g_ptr_array_unref);
  g_free (extra->findings);
  g_free (extra->note);
  g_free (extra->committee);
  g_strfreev (extra->committees);
  g_free (extra->service_area);
  g_free (extra->component);
  g_free (extra->rate_unit);
  g_strfreev (extra->of);
  g_free (extra->of_rows);
  g_free (extra->effective);
  g_clear_object (&extra->children);
  g_free (extra);
}

static void
quorum_row_finalize (GObject *object)
{
  QuorumRow *self = (QuorumRow *) object;

  if (self->extra != NULL)
    row_extra_free (self, self->extra);
  g_free (self->stated);   /* the id and label too */
  g_free (self->computed);

  G_OBJECT_CLASS (quorum_row_parent_class)->finalize (object);
}

static void
quorum_row_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  QuorumRow *self = QUORUM_ROW (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, _quorum_row_id (self)); break;
    case PROP_LABEL: g_value_set_string (value, _quorum_row_label (self)); break;
    case PROP_NOTE: g_value_set_string (value, _quorum_row_extra (self)->note); break;
    case PROP_COMMITTEE: g_value_set_string (value, _quorum_row_extra (self)->committee); break;
    case PROP_SERVICE_AREA:
      g_value_set_string (value, _quorum_row_extra (self)->service_area);
      break;
    case PROP_COMPONENT: g_value_set_string (value, _quorum_row_extra (self)->component); break;
    case PROP_KIND: g_value_set_uint (value, self->kind); break;
    case PROP_DEPTH: g_value_set_uint (value, self->depth); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_row_class_init (QuorumRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_row_finalize;
  object_class->get_property = quorum_row_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_COMMITTEE] = g_param_spec_string ("committee", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE_AREA] = g_param_spec_string ("service-area", NULL, NULL, NULL, flags);
  properties[PROP_COMPONENT] = g_param_spec_string ("component", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, QUORUM_ROW_TOTAL, 0, flags);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_row_init (QuorumRow *self)
{
}

/* A row of @n_values cells, with its @id and @label (either may be NULL),
 * copied into one block with its stated values: a large table has as many
 * rows as lines in its file. */
QuorumRow *
_quorum_row_new (guint       n_values,
                 const char *id,
                 const char *label)
{
  QuorumRow *self = g_object_new (QUORUM_TYPE_ROW, NULL);
  gsize values_size = n_values * sizeof (QuorumValue);
  gsize id_size = id != NULL ? strlen (id) + 1 : 0;
  gsize label_size = label != NULL ? strlen (label) + 1 : 0;
  char *strings;

  g_assert (n_values <= G_MAXUINT16);
  g_assert (id_size <= G_MAXUINT8);   /* an id has at most 64 characters */

  /* The stated values; the computed ones are made for the rows that have
   * one (groups, percentages, totals, computed columns), the effective
   * ones are worked out from both, and the findings' array is made for
   * the few rows that have one. */
  self->n_values = n_values;
  self->stated = g_malloc0 (values_size + id_size + label_size);
  /* NULL for a row with no values, id or label (a table with no columns):
   * no pointer arithmetic on it then. */
  if (self->stated != NULL)
    {
      strings = (char *) self->stated + values_size;
      if (id != NULL)
        memcpy (strings, id, id_size);
      if (label != NULL)
        memcpy (strings + id_size, label, label_size);
    }
  self->id_size = id_size;
  self->has_label = label != NULL;

  return self;
}

/* The row's extra members, made on first use. */
QuorumRowExtra *
_quorum_row_extra_mut (QuorumRow *row)
{
  if (row->extra == NULL)
    row->extra = g_new0 (QuorumRowExtra, 1);
  return row->extra;
}

static gboolean
row_extra_is_empty (const QuorumRowExtra *extra)
{
  return extra->note == NULL && extra->committee == NULL && extra->committees == NULL &&
         extra->service_area == NULL && extra->component == NULL && extra->rate_unit == NULL &&
         !extra->has_rate && extra->rate == 0 && extra->percent == 0 && extra->of == NULL &&
         extra->of_rows == NULL && extra->effective == NULL && extra->findings == NULL &&
         extra->children == NULL;
}

/* Takes what @extra holds into @row, unless it holds nothing; @extra is
 * left empty. */
void
_quorum_row_take_extra (QuorumRow      *row,
                        QuorumRowExtra *extra)
{
  g_assert (row->extra == NULL);

  if (!row_extra_is_empty (extra))
    row->extra = g_memdup2 (extra, sizeof *extra);
  *extra = _quorum_row_no_extra;
}

void
_quorum_row_set_computed (QuorumRow *row,
                          guint      column,
                          gint64     amount)
{
  g_assert (column < row->n_values);

  if (row->computed == NULL)
    row->computed = g_new0 (QuorumValue, row->n_values);
  row->computed[column].kind = QUORUM_VALUE_AMOUNT;
  row->computed[column].amount = amount;
}

/* A computed cell that does not apply: N/A (a difference with an N/A operand). */
void
_quorum_row_set_computed_na (QuorumRow *row,
                             guint      column)
{
  g_assert (column < row->n_values);

  if (row->computed == NULL)
    row->computed = g_new0 (QuorumValue, row->n_values);
  row->computed[column].kind = QUORUM_VALUE_NA;
  row->computed[column].amount = 0;
}

void
_quorum_row_add_finding (QuorumRow     *row,
                         guint          column,
                         QuorumFinding *finding)
{
  QuorumRowExtra *extra = _quorum_row_extra_mut (row);

  g_assert (column < row->n_values);

  if (extra->findings == NULL)
    extra->findings = g_new0 (GPtrArray *, row->n_values);
  if (extra->findings[column] == NULL)
    extra->findings[column] = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (extra->findings[column], g_object_ref (finding));
}

void
_quorum_row_clear_findings (QuorumRow *row)
{
  GPtrArray **findings = _quorum_row_extra (row)->findings;

  for (guint i = 0; findings != NULL && i < row->n_values; i++)
    g_clear_pointer (&findings[i], g_ptr_array_unref);
}

#define GETTER(type, field, fallback) \
  type \
  quorum_row_get_##field (QuorumRow *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_ROW (self), fallback); \
    return self->field; \
  }

#define EXTRA_GETTER(type, field, fallback) \
  type \
  quorum_row_get_##field (QuorumRow *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_ROW (self), fallback); \
    return _quorum_row_extra (self)->field; \
  }

const char *
quorum_row_get_id (QuorumRow *self)
{
  g_return_val_if_fail (QUORUM_IS_ROW (self), NULL);
  return _quorum_row_id (self);
}

const char *
quorum_row_get_label (QuorumRow *self)
{
  g_return_val_if_fail (QUORUM_IS_ROW (self), NULL);
  return _quorum_row_label (self);
}

EXTRA_GETTER (const char *, note, NULL)
EXTRA_GETTER (const char *, committee, NULL)
EXTRA_GETTER (const char *, service_area, NULL)
EXTRA_GETTER (const char *, component, NULL)
GETTER (QuorumRowKind, kind, QUORUM_ROW_LINE)
GETTER (guint, depth, 0)
GETTER (guint, n_values, 0)

/**
 * quorum_row_get_committees:
 *
 * Returns: (nullable) (transfer none): the committees a meetings row covers
 */
const char * const *
quorum_row_get_committees (QuorumRow *self)
{
  g_return_val_if_fail (QUORUM_IS_ROW (self), NULL);
  return (const char * const *) _quorum_row_extra (self)->committees;
}

/**
 * quorum_row_get_of:
 *
 * Returns: (nullable) (transfer none): the rows a percentage is taken of
 */
const char * const *
quorum_row_get_of (QuorumRow *self)
{
  g_return_val_if_fail (QUORUM_IS_ROW (self), NULL);
  return (const char * const *) _quorum_row_extra (self)->of;
}

gboolean
quorum_row_get_rate (QuorumRow *self,
                     gint64    *rate)
{
  const QuorumRowExtra *extra;

  g_return_val_if_fail (QUORUM_IS_ROW (self), FALSE);

  extra = _quorum_row_extra (self);
  if (extra->has_rate && rate != NULL)
    *rate = extra->rate;
  return extra->has_rate;
}

/**
 * quorum_row_get_rate_unit:
 *
 * Returns: (nullable): what the row's rate is per (`meeting`, `day`,
 *   `month`, `year` or `fte`), or %NULL when the document does not say
 */
const char *
quorum_row_get_rate_unit (QuorumRow *self)
{
  g_return_val_if_fail (QUORUM_IS_ROW (self), NULL);
  return _quorum_row_extra (self)->rate_unit;
}

gboolean
quorum_row_get_percent (QuorumRow *self,
                        gint64    *percent_hundredths)
{
  g_return_val_if_fail (QUORUM_IS_ROW (self), FALSE);

  if (self->kind == QUORUM_ROW_PERCENTAGE && percent_hundredths != NULL)
    *percent_hundredths = _quorum_row_extra (self)->percent;
  return self->kind == QUORUM_ROW_PERCENTAGE;
}

/**
 * quorum_row_get_children:
 *
 * Returns: (transfer none) (nullable): the rows of a group, or %NULL
 */
GListModel *
quorum_row_get_children (QuorumRow *self)
{
  g_return_val_if_fail (QUORUM_IS_ROW (self), NULL);
  return _quorum_row_children (self);
}

/**
 * quorum_row_get_stated:
 * @column: a column index
 *
 * Returns: (transfer none): the value the document states, possibly absent
 */
const QuorumValue *
quorum_row_get_stated (QuorumRow *self,
                       guint      column)
{
  g_return_val_if_fail (QUORUM_IS_ROW (self), &_quorum_value_absent);
  g_return_val_if_fail (column < self->n_values, &_quorum_value_absent);
  return &self->stated[column];
}

/**
 * quorum_row_get_computed:
 * @column: a column index
 *
 * Returns: (transfer none): what the rows or columns beneath add up to,
 *   absent where nothing can be computed
 */
const QuorumValue *
quorum_row_get_computed (QuorumRow *self,
                         guint      column)
{
  g_return_val_if_fail (QUORUM_IS_ROW (self), &_quorum_value_absent);
  g_return_val_if_fail (column < self->n_values, &_quorum_value_absent);
  return _quorum_row_computed (self, column);
}

/**
 * quorum_row_get_effective:
 * @column: a column index
 *
 * Returns: (transfer none): the stated value where there is one, otherwise
 *   the computed one
 */
const QuorumValue *
quorum_row_get_effective (QuorumRow *self,
                          guint      column)
{
  g_return_val_if_fail (QUORUM_IS_ROW (self), &_quorum_value_absent);
  g_return_val_if_fail (column < self->n_values, &_quorum_value_absent);
  return _quorum_row_effective (self, column);
}

/**
 * quorum_row_get_findings:
 * @column: a column index
 *
 * Returns: (transfer none) (nullable) (element-type QuorumFinding): the
 *   findings on this cell, or %NULL
 */
GPtrArray *
quorum_row_get_findings (QuorumRow *self,
                         guint      column)
{
  GPtrArray **findings;

  g_return_val_if_fail (QUORUM_IS_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_values, NULL);
  findings = _quorum_row_extra (self)->findings;
  return findings != NULL ? findings[column] : NULL;
}
