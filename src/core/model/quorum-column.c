/* quorum-column.c: a column of a budget table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-model-private.h"

G_DEFINE_FINAL_TYPE (QuorumColumn, quorum_column, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_YEAR,
  PROP_PHASE,
  PROP_COMPONENT,
  PROP_GRADE,
  PROP_INDEX,
  PROP_COMPUTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_column_finalize (GObject *object)
{
  QuorumColumn *self = (QuorumColumn *) object;

  g_free (self->id);
  g_free (self->label);
  g_free (self->year);
  g_free (self->phase);
  g_free (self->component);
  g_free (self->grade);
  g_strfreev (self->operands);
  g_free (self->operand_index);
  g_free (self->json_path);

  G_OBJECT_CLASS (quorum_column_parent_class)->finalize (object);
}

static void
quorum_column_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumColumn *self = QUORUM_COLUMN (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_YEAR: g_value_set_string (value, self->year); break;
    case PROP_PHASE: g_value_set_string (value, self->phase); break;
    case PROP_COMPONENT: g_value_set_string (value, self->component); break;
    case PROP_GRADE: g_value_set_string (value, self->grade); break;
    case PROP_INDEX: g_value_set_uint (value, self->index); break;
    case PROP_COMPUTED: g_value_set_boolean (value, self->formula != QUORUM_FORMULA_NONE); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_column_class_init (QuorumColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_column_finalize;
  object_class->get_property = quorum_column_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_string ("year", NULL, NULL, NULL, flags);
  properties[PROP_PHASE] = g_param_spec_string ("phase", NULL, NULL, NULL, flags);
  properties[PROP_COMPONENT] = g_param_spec_string ("component", NULL, NULL, NULL, flags);
  properties[PROP_GRADE] = g_param_spec_string ("grade", NULL, NULL, NULL, flags);
  properties[PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COMPUTED] = g_param_spec_boolean ("computed", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_column_init (QuorumColumn *self)
{
}

QuorumColumn *
_quorum_column_new (void)
{
  return g_object_new (QUORUM_TYPE_COLUMN, NULL);
}

#define GETTER(type, field, fallback) \
  type \
  quorum_column_get_##field (QuorumColumn *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_COLUMN (self), fallback); \
    return self->field; \
  }

GETTER (const char *, id, NULL)
GETTER (const char *, label, NULL)
GETTER (const char *, year, NULL)
GETTER (const char *, phase, NULL)
GETTER (const char *, component, NULL)
GETTER (const char *, grade, NULL)
GETTER (guint, index, 0)
GETTER (QuorumFormula, formula, QUORUM_FORMULA_NONE)

/**
 * quorum_column_get_operands:
 *
 * Returns: (nullable) (transfer none): the ids a computed column adds up,
 *   or for a difference, the two ids a − b
 */
const char * const *
quorum_column_get_operands (QuorumColumn *self)
{
  g_return_val_if_fail (QUORUM_IS_COLUMN (self), NULL);
  return (const char * const *) self->operands;
}

gboolean
quorum_column_is_computed (QuorumColumn *self)
{
  g_return_val_if_fail (QUORUM_IS_COLUMN (self), FALSE);
  return self->formula != QUORUM_FORMULA_NONE;
}
