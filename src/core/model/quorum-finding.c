/* quorum-finding.c: a stated figure that does not add up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-finding.h"

#include <glib/gi18n-lib.h>

struct _QuorumFinding
{
  GObject parent_instance;

  QuorumSeverity severity;
  QuorumRule rule;
  char *document_id;
  char *table_id;
  char *row_id;
  char *column_id;
  char *label;
  gint64 stated;
  gint64 computed;
};

G_DEFINE_FINAL_TYPE (QuorumFinding, quorum_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_RULE,
  PROP_DOCUMENT_ID,
  PROP_TABLE_ID,
  PROP_ROW_ID,
  PROP_COLUMN_ID,
  PROP_LABEL,
  PROP_STATED,
  PROP_COMPUTED,
  PROP_DIFFERENCE,
  PROP_RULE_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_finding_finalize (GObject *object)
{
  QuorumFinding *self = (QuorumFinding *) object;

  g_free (self->document_id);
  g_free (self->table_id);
  g_free (self->row_id);
  g_free (self->column_id);
  g_free (self->label);

  G_OBJECT_CLASS (quorum_finding_parent_class)->finalize (object);
}

static void
quorum_finding_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QuorumFinding *self = QUORUM_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_string (value, quorum_severity_to_string (self->severity));
      break;
    case PROP_RULE: g_value_set_string (value, quorum_rule_to_string (self->rule)); break;
    case PROP_DOCUMENT_ID: g_value_set_string (value, self->document_id); break;
    case PROP_TABLE_ID: g_value_set_string (value, self->table_id); break;
    case PROP_ROW_ID: g_value_set_string (value, self->row_id); break;
    case PROP_COLUMN_ID: g_value_set_string (value, self->column_id); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_STATED: g_value_set_int64 (value, self->stated); break;
    case PROP_COMPUTED: g_value_set_int64 (value, self->computed); break;
    case PROP_DIFFERENCE: g_value_set_int64 (value, self->stated - self->computed); break;
    case PROP_RULE_DESCRIPTION:
      g_value_take_string (value, quorum_finding_describe_rule (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_finding_class_init (QuorumFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_finding_finalize;
  object_class->get_property = quorum_finding_get_property;

  properties[PROP_SEVERITY] = g_param_spec_string ("severity", NULL, NULL, NULL, flags);
  properties[PROP_RULE] = g_param_spec_string ("rule", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT_ID] = g_param_spec_string ("document-id", NULL, NULL, NULL, flags);
  properties[PROP_TABLE_ID] = g_param_spec_string ("table-id", NULL, NULL, NULL, flags);
  properties[PROP_ROW_ID] = g_param_spec_string ("row-id", NULL, NULL, NULL, flags);
  properties[PROP_COLUMN_ID] = g_param_spec_string ("column-id", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_STATED] =
    g_param_spec_int64 ("stated", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_COMPUTED] =
    g_param_spec_int64 ("computed", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_DIFFERENCE] =
    g_param_spec_int64 ("difference", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_RULE_DESCRIPTION] =
    g_param_spec_string ("rule-description", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_finding_init (QuorumFinding *self)
{
}

QuorumFinding *
quorum_finding_new (QuorumSeverity  severity,
                    QuorumRule      rule,
                    const char     *document_id,
                    const char     *table_id,
                    const char     *row_id,
                    const char     *column_id,
                    gint64          stated,
                    gint64          computed)
{
  QuorumFinding *self;

  g_return_val_if_fail (document_id != NULL, NULL);
  g_return_val_if_fail (table_id != NULL, NULL);
  g_return_val_if_fail (row_id != NULL, NULL);
  g_return_val_if_fail (column_id != NULL, NULL);

  self = g_object_new (QUORUM_TYPE_FINDING, NULL);
  self->severity = severity;
  self->rule = rule;
  self->document_id = g_strdup (document_id);
  self->table_id = g_strdup (table_id);
  self->row_id = g_strdup (row_id);
  self->column_id = g_strdup (column_id);
  self->stated = stated;
  self->computed = computed;

  return self;
}

QuorumSeverity
quorum_finding_get_severity (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), 0);
  return self->severity;
}

QuorumRule
quorum_finding_get_rule (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), 0);
  return self->rule;
}

const char *
quorum_finding_get_document_id (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), NULL);
  return self->document_id;
}

const char *
quorum_finding_get_table_id (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), NULL);
  return self->table_id;
}

const char *
quorum_finding_get_row_id (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), NULL);
  return self->row_id;
}

const char *
quorum_finding_get_column_id (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), NULL);
  return self->column_id;
}

gint64
quorum_finding_get_stated (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), 0);
  return self->stated;
}

gint64
quorum_finding_get_computed (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), 0);
  return self->computed;
}

/**
 * quorum_finding_get_difference:
 *
 * Returns: stated − computed, in hundredths
 */
gint64
quorum_finding_get_difference (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), 0);
  return self->stated - self->computed;
}

/**
 * quorum_finding_get_label:
 *
 * Returns: (nullable): a description, e.g. a cross-check's label
 */
const char *
quorum_finding_get_label (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), NULL);
  return self->label;
}

void
quorum_finding_set_label (QuorumFinding *self,
                          const char    *label)
{
  g_return_if_fail (QUORUM_IS_FINDING (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
quorum_severity_to_string (QuorumSeverity severity)
{
  return severity == QUORUM_SEVERITY_ROUNDING ? "rounding" : "mismatch";
}

const char *
quorum_rule_to_string (QuorumRule rule)
{
  static const char * const names[] = { "group", "total", "percent", "column", "cross-check" };

  g_return_val_if_fail (rule <= QUORUM_RULE_CROSS_CHECK, NULL);
  return names[rule];
}

/**
 * quorum_finding_describe_rule:
 *
 * Why the figure is flagged, in words: the rule that worked out the
 * computed figure, e.g. “Total: the table’s rows added up”, or for a
 * cross-check its label, e.g. “Cross-check: Table 1 2017/18 budget equals
 * the Table 2 total”. Also the `rule-description` property.
 *
 * Returns: (transfer full): the sentence
 */
char *
quorum_finding_describe_rule (QuorumFinding *self)
{
  g_return_val_if_fail (QUORUM_IS_FINDING (self), NULL);

  switch (self->rule)
    {
    case QUORUM_RULE_GROUP:
      return g_strdup (_("Group sum: the rows beneath it added up"));
    case QUORUM_RULE_TOTAL:
      return g_strdup (_("Total: the table’s rows added up"));
    case QUORUM_RULE_PERCENT:
      return g_strdup (_("Percentage: of the rows it is taken of"));
    case QUORUM_RULE_COLUMN:
      return g_strdup (_("Column formula: worked out from other columns"));
    case QUORUM_RULE_CROSS_CHECK:
    default:
      if (self->label != NULL)
        /* TRANSLATORS: why a figure is flagged; %s is the cross-check's
         * label, e.g. "Table 1 2017/18 budget equals the Table 2 total" */
        return g_strdup_printf (_("Cross-check: %s"), self->label);
      return g_strdup (_("Cross-check: a figure in another table"));
    }
}
