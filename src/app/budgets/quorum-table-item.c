/* quorum-table-item.c: one row of a budget table, as the table views show it
 *
 * An item wraps a QuorumRow for the list models of the table views. It is
 * made when its row first comes into a model (the top-level rows when a
 * table opens, a group's rows when the group is first expanded), and it
 * formats each of its cells once, the first time the cell is shown, so that
 * scrolling through 20,000 rows only formats what comes into view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-table-item.h"

struct _QuorumTableItem
{
  GObject parent_instance;

  QuorumRow *row;
  QuorumTable *table;    /* the row's, for its columns' precision */
  const char *unit;      /* interned */
  GListStore *children;  /* of QuorumTableItem; made on first use */
  char **texts;          /* one per column, formatted on first use */
  int target_column;     /* the cell another view asked to show, or -1 */
};

G_DEFINE_FINAL_TYPE (QuorumTableItem, quorum_table_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROW,
  PROP_LABEL,
  PROP_IS_TOTAL,
  PROP_LABEL_CLASSES,
  PROP_TARGET_COLUMN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_table_item_finalize (GObject *object)
{
  QuorumTableItem *self = (QuorumTableItem *) object;

  if (self->texts != NULL)
    {
      guint n = quorum_row_get_n_values (self->row);

      for (guint i = 0; i < n; i++)
        g_free (self->texts[i]);
      g_free (self->texts);
    }
  g_clear_object (&self->children);
  g_clear_object (&self->row);
  g_clear_object (&self->table);

  G_OBJECT_CLASS (quorum_table_item_parent_class)->finalize (object);
}

/* The style classes of the row's label: a group's and the total's are bold
 * (quorum-table-view.css). */
static const char * const *
label_classes (QuorumTableItem *self)
{
  static const char * const line[] = { "row-label", NULL };
  static const char * const group[] = { "row-label", "group", NULL };
  static const char * const total[] = { "row-label", "total", NULL };

  switch (quorum_row_get_kind (self->row))
    {
    case QUORUM_ROW_GROUP: return group;
    case QUORUM_ROW_TOTAL: return total;
    default: return line;
    }
}

static void
quorum_table_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumTableItem *self = QUORUM_TABLE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ROW: g_value_set_object (value, self->row); break;
    case PROP_LABEL: g_value_set_string (value, quorum_row_get_label (self->row)); break;
    case PROP_IS_TOTAL: g_value_set_boolean (value, quorum_table_item_is_total (self)); break;
    case PROP_LABEL_CLASSES: g_value_set_boxed (value, label_classes (self)); break;
    case PROP_TARGET_COLUMN: g_value_set_int (value, self->target_column); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_table_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumTableItem *self = QUORUM_TABLE_ITEM (object);

  switch (prop_id)
    {
    case PROP_TARGET_COLUMN:
      quorum_table_item_set_target_column (self, g_value_get_int (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_table_item_class_init (QuorumTableItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_table_item_finalize;
  object_class->get_property = quorum_table_item_get_property;
  object_class->set_property = quorum_table_item_set_property;

  properties[PROP_ROW] =
    g_param_spec_object ("row", NULL, NULL, QUORUM_TYPE_ROW,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_TOTAL] =
    g_param_spec_boolean ("is-total", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* For the label's widget: "row-label", and "group" or "total". */
  properties[PROP_LABEL_CLASSES] =
    g_param_spec_boxed ("label-classes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The column of the cell another view asked to show, or -1: its cell
   * is marked. */
  properties[PROP_TARGET_COLUMN] =
    g_param_spec_int ("target-column", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_table_item_init (QuorumTableItem *self)
{
  self->target_column = -1;
}

/**
 * quorum_table_item_new:
 * @row: a row of @table
 * @table: the table, whose unit and columns' precision the cells follow
 *
 * Returns: (transfer full): an item for @row
 */
QuorumTableItem *
quorum_table_item_new (QuorumRow   *row,
                       QuorumTable *table)
{
  QuorumTableItem *self;

  g_return_val_if_fail (QUORUM_IS_ROW (row), NULL);
  g_return_val_if_fail (QUORUM_IS_TABLE (table), NULL);

  self = g_object_new (QUORUM_TYPE_TABLE_ITEM, NULL);
  self->row = g_object_ref (row);
  self->table = g_object_ref (table);
  self->unit = g_intern_string (quorum_table_get_unit (table));
  return self;
}

/**
 * quorum_table_item_get_row:
 *
 * Returns: (transfer none): the row
 */
QuorumRow *
quorum_table_item_get_row (QuorumTableItem *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), NULL);
  return self->row;
}

/**
 * quorum_table_item_get_unit:
 *
 * Returns: (nullable): the unit of the row's table
 */
const char *
quorum_table_item_get_unit (QuorumTableItem *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), NULL);
  return self->unit;
}

/**
 * quorum_table_item_is_total:
 *
 * Returns: %TRUE for the table's stated total row
 */
gboolean
quorum_table_item_is_total (QuorumTableItem *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), FALSE);
  return quorum_row_get_kind (self->row) == QUORUM_ROW_TOTAL;
}

/**
 * quorum_table_item_get_target_column:
 *
 * Returns: the column of the cell marked as the one to show, or -1
 */
int
quorum_table_item_get_target_column (QuorumTableItem *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), -1);
  return self->target_column;
}

/**
 * quorum_table_item_set_target_column:
 * @column: a column's index, or -1 for none
 *
 * Marks the cell another view asked to show; its cell widget follows.
 */
void
quorum_table_item_set_target_column (QuorumTableItem *self,
                                     int              column)
{
  g_return_if_fail (QUORUM_IS_TABLE_ITEM (self));

  column = MAX (column, -1);
  if (self->target_column == column)
    return;
  self->target_column = column;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_COLUMN]);
}

/**
 * quorum_table_item_get_change:
 * @from: the column compared from
 * @to: the column compared to
 * @difference: (out): @to less @from
 * @percent: (out): the difference in hundredths of a percent of @from
 * @has_percent: (out): whether there is a percentage (@from is a figure,
 *   not zero nor N/A)
 *
 * The figures of the row's variance. A difference is not a sum: with N/A
 * on either side, it is N/A too.
 *
 * Returns: %FALSE when either side is blank or N/A (or a column is out of
 *   range)
 */
gboolean
quorum_table_item_get_change (QuorumTableItem *self,
                              guint            from,
                              guint            to,
                              gint64          *difference,
                              gint64          *percent,
                              gboolean        *has_percent)
{
  QuorumCellSource from_source, to_source;
  gint64 from_amount = 0, to_amount = 0;
  guint n;

  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), FALSE);

  n = quorum_row_get_n_values (self->row);
  if (from >= n || to >= n)
    return FALSE;
  from_source = quorum_table_item_get_source (self, from);
  to_source = quorum_table_item_get_source (self, to);
  if (from_source == QUORUM_CELL_EMPTY || to_source == QUORUM_CELL_EMPTY ||
      from_source == QUORUM_CELL_NA || to_source == QUORUM_CELL_NA)
    return FALSE;
  quorum_table_item_get_amount (self, from, &from_amount);
  quorum_table_item_get_amount (self, to, &to_amount);
  *has_percent = quorum_amount_change (from_amount, to_amount, difference, percent) &&
                 from_source != QUORUM_CELL_NA;
  return TRUE;
}

/**
 * quorum_table_item_get_children:
 *
 * Returns: (transfer none) (nullable): the items of a group's rows, made
 *   on the first call; %NULL for a row that is not a group
 */
GListModel *
quorum_table_item_get_children (QuorumTableItem *self)
{
  GListModel *rows;
  guint n;

  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), NULL);

  if (self->children != NULL)
    return G_LIST_MODEL (self->children);
  rows = quorum_row_get_children (self->row);
  if (rows == NULL || (n = g_list_model_get_n_items (rows)) == 0)
    return NULL;

  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(QuorumRow) child = g_list_model_get_item (rows, i);

        g_ptr_array_add (items, quorum_table_item_new (child, self->table));
      }
    self->children = g_list_store_new (QUORUM_TYPE_TABLE_ITEM);
    g_list_store_splice (self->children, 0, 0, items->pdata, items->len);
  }
  return G_LIST_MODEL (self->children);
}

/**
 * quorum_table_item_get_source:
 * @column: a column's index
 *
 * Returns: where the figure the cell shows comes from
 */
QuorumCellSource
quorum_table_item_get_source (QuorumTableItem *self,
                              guint            column)
{
  const QuorumValue *stated;
  const QuorumValue *computed;

  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), QUORUM_CELL_EMPTY);

  stated = quorum_row_get_stated (self->row, column);
  if (stated->kind == QUORUM_VALUE_AMOUNT)
    return QUORUM_CELL_STATED;
  if (stated->kind == QUORUM_VALUE_NA)
    return QUORUM_CELL_NA;
  computed = quorum_row_get_computed (self->row, column);
  if (computed->kind == QUORUM_VALUE_NA)
    return QUORUM_CELL_NA;
  if (computed->kind != QUORUM_VALUE_ABSENT)
    return QUORUM_CELL_COMPUTED;
  return QUORUM_CELL_EMPTY;
}

/**
 * quorum_table_item_get_amount:
 * @column: a column's index
 * @amount: (out) (optional): the figure the cell shows, in hundredths
 *
 * Returns: %TRUE when the cell shows an amount (not N/A, not blank)
 */
gboolean
quorum_table_item_get_amount (QuorumTableItem *self,
                              guint            column,
                              gint64          *amount)
{
  const QuorumValue *value;

  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), FALSE);

  value = quorum_row_get_effective (self->row, column);
  if (!quorum_value_is_amount (value))
    return FALSE;
  if (amount != NULL)
    *amount = value->amount;
  return TRUE;
}

/**
 * quorum_table_item_get_text:
 * @column: a column's index
 *
 * Returns: what the cell shows: e.g. `£1,082,102`, `−£602,738`, `12.5`,
 *   `N/A`, or an empty string for a blank cell; formatted on the first call
 */
const char *
quorum_table_item_get_text (QuorumTableItem *self,
                            guint            column)
{
  guint n;

  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), NULL);

  n = quorum_row_get_n_values (self->row);
  g_return_val_if_fail (column < n, NULL);

  if (self->texts == NULL)
    self->texts = g_new0 (char *, n);
  if (self->texts[column] == NULL)
    {
      const QuorumValue *value = quorum_row_get_effective (self->row, column);

      if (value->kind == QUORUM_VALUE_AMOUNT)
        /* One precision down a column: £262,148.00 above £225,921.50. */
        self->texts[column] =
          quorum_amount_format_decimals (value->amount, self->unit,
                                         quorum_table_get_decimals (self->table, column));
      else if (value->kind == QUORUM_VALUE_NA)
        /* TRANSLATORS: a figure the document gives as not applicable */
        self->texts[column] = g_strdup (C_("figure", "N/A"));
      else
        self->texts[column] = g_strdup ("");
    }
  return self->texts[column];
}

/**
 * quorum_table_item_get_severity:
 * @column: a column's index
 * @severity: (out) (optional): the worst of the cell's findings
 *
 * Returns: %TRUE when the cell's figure does not add up
 */
gboolean
quorum_table_item_get_severity (QuorumTableItem *self,
                                guint            column,
                                QuorumSeverity  *severity)
{
  GPtrArray *findings;
  QuorumSeverity worst = QUORUM_SEVERITY_ROUNDING;

  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), FALSE);

  findings = quorum_row_get_findings (self->row, column);
  if (findings == NULL || findings->len == 0)
    return FALSE;
  for (guint i = 0; i < findings->len; i++)
    worst = MAX (worst, quorum_finding_get_severity (g_ptr_array_index (findings, i)));
  if (severity != NULL)
    *severity = worst;
  return TRUE;
}

/**
 * quorum_table_format_signed:
 * @unit: (nullable): `GBP`, `count` or `fte`
 *
 * Returns: (transfer full): a difference, always with its sign when it is
 *   not zero: e.g. `+£235,300`, `−£1` or `£0`
 */
char *
quorum_table_format_signed (gint64      hundredths,
                            const char *unit)
{
  g_autofree char *text = quorum_amount_format_display (hundredths, unit);

  if (hundredths > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

/**
 * quorum_table_format_percent:
 * @hundredths: a change in hundredths of a percent
 *
 * Returns: (transfer full): e.g. `+4.5%`, `−10.0%` or `0.0%`: one decimal,
 *   as every percentage (quorum_amount_format_percent())
 */
char *
quorum_table_format_percent (gint64 hundredths)
{
  return quorum_amount_format_percent (hundredths);
}

static const char *
rule_basis (QuorumRule rule)
{
  switch (rule)
    {
    case QUORUM_RULE_GROUP: return _("the rows beneath it added up");
    case QUORUM_RULE_TOTAL: return _("the table’s rows added up");
    case QUORUM_RULE_PERCENT: return _("the percentage of the rows it is taken of");
    case QUORUM_RULE_COLUMN: return _("the column’s formula");
    case QUORUM_RULE_CROSS_CHECK: return _("the figure it is checked against");
    default: return _("the figures beneath it");
    }
}

/**
 * quorum_table_severity_label:
 *
 * Returns: @severity in words: “Mismatch” or “Rounding”
 */
const char *
quorum_table_severity_label (QuorumSeverity severity)
{
  return severity == QUORUM_SEVERITY_MISMATCH ? C_("finding", "Mismatch")
                                              : C_("finding", "Rounding");
}

/**
 * quorum_table_severity_icon_name:
 *
 * Returns: the marker of a cell with a finding of @severity: a warning
 *   triangle for a mismatch, an "i" in a circle for a rounding difference
 */
const char *
quorum_table_severity_icon_name (QuorumSeverity severity)
{
  return severity == QUORUM_SEVERITY_MISMATCH ? "dialog-warning-symbolic"
                                              : "help-about-symbolic";
}

/**
 * quorum_table_describe_finding:
 * @unit: (nullable): the table's unit
 *
 * Returns: (transfer full): @finding for people, one fact a line: what it
 *   is, what was stated, what the figures add up to and the difference
 */
char *
quorum_table_describe_finding (QuorumFinding *finding,
                               const char    *unit)
{
  g_autofree char *stated = NULL;
  g_autofree char *computed = NULL;
  g_autofree char *difference = NULL;
  QuorumSeverity severity;
  GString *out;

  g_return_val_if_fail (QUORUM_IS_FINDING (finding), NULL);

  severity = quorum_finding_get_severity (finding);
  stated = quorum_amount_format_display (quorum_finding_get_stated (finding), unit);
  computed = quorum_amount_format_display (quorum_finding_get_computed (finding), unit);
  difference = quorum_table_format_signed (quorum_finding_get_difference (finding), unit);

  out = g_string_new (NULL);
  if (severity == QUORUM_SEVERITY_MISMATCH)
    g_string_append (out, _("Mismatch: this figure does not add up"));
  else
    g_string_append (out, _("Rounding: this figure is off by no more than the tolerance"));
  g_string_append_c (out, '\n');
  /* TRANSLATORS: the figure as the document states it, e.g. "Stated: £664,239" */
  g_string_append_printf (out, _("Stated: %s"), stated);
  g_string_append_c (out, '\n');
  /* TRANSLATORS: e.g. "Computed: £664,238 (the rows beneath it added up)" */
  g_string_append_printf (out, _("Computed: %s (%s)"), computed,
                          rule_basis (quorum_finding_get_rule (finding)));
  g_string_append_c (out, '\n');
  /* TRANSLATORS: stated less computed, e.g. "Difference: +£1" */
  g_string_append_printf (out, _("Difference: %s"), difference);
  if (quorum_finding_get_label (finding) != NULL)
    g_string_append_printf (out, "\n%s", quorum_finding_get_label (finding));
  return g_string_free (out, FALSE);
}

/**
 * quorum_table_item_dup_explanation:
 * @column: a column's index
 *
 * Returns: (transfer full) (nullable): why the cell is marked (its
 *   findings, or that its figure is computed), for its tooltip and
 *   accessible description; %NULL for a plain stated figure
 */
char *
quorum_table_item_dup_explanation (QuorumTableItem *self,
                                   guint            column)
{
  GPtrArray *findings;
  GString *out;

  g_return_val_if_fail (QUORUM_IS_TABLE_ITEM (self), NULL);

  findings = quorum_row_get_findings (self->row, column);
  if (findings != NULL && findings->len > 0)
    {
      out = g_string_new (NULL);
      for (guint i = 0; i < findings->len; i++)
        {
          g_autofree char *text = quorum_table_describe_finding (g_ptr_array_index (findings, i),
                                                                 self->unit);

          if (i > 0)
            g_string_append (out, "\n\n");
          g_string_append (out, text);
        }
      return g_string_free (out, FALSE);
    }

  if (quorum_table_item_get_source (self, column) == QUORUM_CELL_COMPUTED)
    return g_strdup (_("Computed: not stated in the document"));
  return NULL;
}
