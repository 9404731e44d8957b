/* quorum-committee-comparison.c: one table of costs by committee, a line per committee
 *
 * A document's table of role `committee-costs` as a list of
 * QuorumFigureLine, one per row without children (a committee or a service
 * area), with a cell per column of the table: the components (the columns
 * without a formula, "the parts") and the total (the first column that
 * sums them; without one, a cell more, the sum of the parts).
 *
 * Each line's total is the one figure the views show for it: the
 * comparison's table, its chart and the committee's own page. Where the
 * document states a total that is not the sum of its parts (SSC in the
 * 2020–23 budget: its parts are rounded to the pound and add up to £1
 * more), the cell is marked and the difference is kept
 * (quorum_committee_comparison_get_difference()), so that a chart of the
 * parts can show it and add up to the same total. Every sum goes through
 * quorum_amount_add().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-amount.h"
#include "quorum-committee.h"
#include "quorum-committee-comparison.h"
#include "quorum-finding.h"

struct _QuorumCommitteeComparison
{
  GObject parent_instance;

  QuorumBudgetDocument *document;
  QuorumTable *table;
  GListModel *committees;      /* the register; nullable */
  GListStore *lines;           /* of QuorumFigureLine, in the document's order */
  GPtrArray *rows;             /* of QuorumRow, as lines */
  GArray *differences;         /* of gint64, as lines: stated total − parts */
  GArray *parts;               /* of guint: the cells of the components */
  guint n_cells;
  int total_cell;
  gboolean added_total;        /* the total cell is one more than the columns */
  gboolean differs;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumCommitteeComparison, quorum_committee_comparison,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return QUORUM_TYPE_FIGURE_LINE;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (QUORUM_COMMITTEE_COMPARISON (model)->lines));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (QUORUM_COMMITTEE_COMPARISON (model)->lines),
                                position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
quorum_committee_comparison_finalize (GObject *object)
{
  QuorumCommitteeComparison *self = (QuorumCommitteeComparison *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->table);
  g_clear_object (&self->committees);
  g_clear_object (&self->lines);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->differences, g_array_unref);
  g_clear_pointer (&self->parts, g_array_unref);

  G_OBJECT_CLASS (quorum_committee_comparison_parent_class)->finalize (object);
}

static void
quorum_committee_comparison_class_init (QuorumCommitteeComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quorum_committee_comparison_finalize;
}

static void
quorum_committee_comparison_init (QuorumCommitteeComparison *self)
{
  self->lines = g_list_store_new (QUORUM_TYPE_FIGURE_LINE);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->differences = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->parts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->total_cell = -1;
}

static void
collect_leaves (GListModel *rows,
                GPtrArray  *out)
{
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      GListModel *children = quorum_row_get_children (row);

      if (children != NULL && g_list_model_get_n_items (children) > 0)
        collect_leaves (children, out);
      else
        g_ptr_array_add (out, g_object_ref (row));
    }
}

/* “Security & Privacy · SSC”: the row's service area and committees, when
 * the label does not already say them. */
static char *
row_detail (QuorumCommitteeComparison *self,
            QuorumRow                 *row)
{
  const char *area = quorum_row_get_service_area (row);
  const char * const *ids = quorum_row_get_committees (row);
  const char *one[] = { quorum_row_get_committee (row), NULL };
  g_autofree char *names = quorum_committee_short_names (self->committees,
                                                         ids != NULL && ids[0] != NULL
                                                         ? ids : one);

  if (names != NULL && g_strcmp0 (names, quorum_row_get_label (row)) == 0)
    g_clear_pointer (&names, g_free);
  if (area != NULL && names != NULL)
    return g_strdup_printf (_("%s · %s"), area, names);
  return g_strdup (area != NULL ? area : names);
}

/* One cell as the document states it, with a tooltip when the check
 * engine found it does not add up. */
static void
set_row_cell (QuorumFigureLine *line,
              QuorumRow        *row,
              guint             column)
{
  const QuorumValue *value = quorum_row_get_effective (row, column);
  GPtrArray *findings = quorum_row_get_findings (row, column);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (value == NULL || value->kind == QUORUM_VALUE_ABSENT)
    return;
  text = value->kind == QUORUM_VALUE_NA ? g_strdup (_("N/A"))
                                        : quorum_amount_format_display (value->amount, "GBP");
  if (findings != NULL && findings->len > 0)
    {
      QuorumFinding *finding = g_ptr_array_index (findings, 0);
      g_autofree char *computed =
        quorum_amount_format_display (quorum_finding_get_computed (finding), "GBP");

      /* TRANSLATORS: a stated figure that does not add up, e.g.
       * "Stated as £1,634,853; its parts add up to £1,634,854" */
      tooltip = g_strdup_printf (_("Stated as %s; its parts add up to %s"), text, computed);
    }
  quorum_figure_line_set_cell (line, column,
                               value->kind == QUORUM_VALUE_AMOUNT ? value->amount : 0,
                               text, tooltip, tooltip != NULL);
}

/* The sum of @line's parts; FALSE when it has none or it is out of range. */
static gboolean
sum_parts (QuorumCommitteeComparison *self,
           QuorumFigureLine          *line,
           gint64                    *sum)
{
  gboolean any = FALSE, ok = TRUE;

  *sum = 0;
  for (guint p = 0; p < self->parts->len; p++)
    {
      gint64 amount;

      if (quorum_figure_line_get_amount (line, g_array_index (self->parts, guint, p), &amount))
        {
          ok = ok && quorum_amount_add (*sum, amount, sum);
          any = TRUE;
        }
    }
  return any && ok;
}

/* The line's total: the stated one, marked where it is not the sum of the
 * parts; without a total column, the sum. */
static gint64
reconcile_total (QuorumCommitteeComparison *self,
                 QuorumFigureLine          *line)
{
  guint total = (guint) self->total_cell;
  gint64 sum, stated, difference = 0;

  if (self->total_cell < 0 || !sum_parts (self, line, &sum))
    return 0;
  if (self->added_total)
    {
      g_autofree char *text = quorum_amount_format_display (sum, "GBP");

      quorum_figure_line_set_cell (line, total, sum, text, _("The sum of the components"),
                                   FALSE);
      return 0;
    }
  if (!quorum_figure_line_get_amount (line, total, &stated) || stated == sum ||
      !quorum_amount_add (stated, -sum, &difference))
    return 0;
  {
    g_autofree char *text = g_strdup (quorum_figure_line_get_text (line, total));
    g_autofree char *sum_text = quorum_amount_format_display (sum, "GBP");
    g_autofree char *tooltip =
      g_strdup_printf (_("Stated as %s; its parts add up to %s"), text, sum_text);

    quorum_figure_line_set_cell (line, total, stated, text, tooltip, TRUE);
  }
  self->differs = TRUE;
  return difference;
}

static void
find_cells (QuorumCommitteeComparison *self)
{
  GListModel *columns = quorum_table_get_columns (self->table);
  guint n_columns = g_list_model_get_n_items (columns);

  self->n_cells = n_columns;
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);

      if (quorum_column_get_formula (column) == QUORUM_FORMULA_NONE)
        g_array_append_val (self->parts, c);
      else if (quorum_column_get_formula (column) == QUORUM_FORMULA_SUM && self->total_cell < 0)
        self->total_cell = c;
    }
  /* No total column: one more cell, the sum of the parts. */
  if (self->total_cell < 0 && self->parts->len > 1)
    {
      self->total_cell = self->n_cells++;
      self->added_total = TRUE;
    }
}

/**
 * quorum_committee_comparison_new:
 * @document: a budget document
 * @table: one of its tables of role `committee-costs`
 * @committees: (nullable): the register, to name the committees of a row
 *   and those no row is about
 *
 * Returns: (transfer full): the comparison, a list of #QuorumFigureLine in
 *   the document's order
 */
QuorumCommitteeComparison *
quorum_committee_comparison_new (QuorumBudgetDocument *document,
                                 QuorumTable          *table,
                                 GListModel           *committees)
{
  QuorumCommitteeComparison *self;

  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (document), NULL);
  g_return_val_if_fail (QUORUM_IS_TABLE (table), NULL);
  g_return_val_if_fail (committees == NULL || G_IS_LIST_MODEL (committees), NULL);

  self = g_object_new (QUORUM_TYPE_COMMITTEE_COMPARISON, NULL);
  self->document = g_object_ref (document);
  self->table = g_object_ref (table);
  self->committees = committees != NULL ? g_object_ref (committees) : NULL;
  find_cells (self);

  collect_leaves (quorum_table_get_rows (table), self->rows);
  for (guint r = 0; r < self->rows->len; r++)
    {
      QuorumRow *row = g_ptr_array_index (self->rows, r);
      g_autoptr(QuorumFigureLine) line =
        quorum_figure_line_new (QUORUM_FIGURE_LINE_ROW, quorum_row_get_id (row),
                                quorum_row_get_label (row), self->n_cells);
      g_autofree char *detail = row_detail (self, row);
      gint64 difference;

      quorum_figure_line_set_detail (line, detail);
      for (guint c = 0; c < g_list_model_get_n_items (quorum_table_get_columns (table)); c++)
        set_row_cell (line, row, c);
      difference = reconcile_total (self, line);
      g_array_append_val (self->differences, difference);
      g_list_store_append (self->lines, line);
    }
  return self;
}

/**
 * quorum_committee_comparison_new_first:
 *
 * Returns: (transfer full) (nullable): the comparison of the document's
 *   first table of role `committee-costs`, if it has one
 */
QuorumCommitteeComparison *
quorum_committee_comparison_new_first (QuorumBudgetDocument *document,
                                       GListModel           *committees)
{
  GListModel *tables;

  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (document), NULL);

  tables = quorum_budget_document_get_tables (document);
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(QuorumTable) table = g_list_model_get_item (tables, t);

      if (g_strcmp0 (quorum_table_get_role (table), "committee-costs") == 0)
        return quorum_committee_comparison_new (document, table, committees);
    }
  return NULL;
}

QuorumBudgetDocument *
quorum_committee_comparison_get_document (QuorumCommitteeComparison *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), NULL);
  return self->document;
}

QuorumTable *
quorum_committee_comparison_get_table (QuorumCommitteeComparison *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), NULL);
  return self->table;
}

/**
 * quorum_committee_comparison_get_n_cells:
 *
 * Returns: the lines' cells: the table's columns, and one more (the sum of
 *   the parts) when the table has no total column
 */
guint
quorum_committee_comparison_get_n_cells (QuorumCommitteeComparison *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), 0);
  return self->n_cells;
}

/**
 * quorum_committee_comparison_get_total_cell:
 *
 * Returns: the cell of the lines' totals, or -1 when there is none
 */
int
quorum_committee_comparison_get_total_cell (QuorumCommitteeComparison *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), -1);
  return self->total_cell;
}

guint
quorum_committee_comparison_get_n_parts (QuorumCommitteeComparison *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), 0);
  return self->parts->len;
}

/**
 * quorum_committee_comparison_get_part:
 *
 * Returns: the cell of a component, a column without a formula
 */
guint
quorum_committee_comparison_get_part (QuorumCommitteeComparison *self,
                                      guint                      part)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), 0);
  g_return_val_if_fail (part < self->parts->len, 0);
  return g_array_index (self->parts, guint, part);
}

/**
 * quorum_committee_comparison_get_difference:
 * @position: a line, in the document's order
 * @difference: (out) (optional): its stated total less the sum of its parts
 *
 * Returns: whether the line's stated total is not the sum of its parts
 */
gboolean
quorum_committee_comparison_get_difference (QuorumCommitteeComparison *self,
                                            guint                      position,
                                            gint64                    *difference)
{
  gint64 value;

  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), FALSE);
  g_return_val_if_fail (position < self->differences->len, FALSE);

  value = g_array_index (self->differences, gint64, position);
  if (difference != NULL)
    *difference = value;
  return value != 0;
}

/**
 * quorum_committee_comparison_get_differs:
 *
 * Returns: whether any line's stated total is not the sum of its parts
 */
gboolean
quorum_committee_comparison_get_differs (QuorumCommitteeComparison *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), FALSE);
  return self->differs;
}

/**
 * quorum_committee_comparison_find_committee:
 *
 * Returns: (transfer none) (nullable): the line of the row whose committee
 *   is @committee_id
 */
QuorumFigureLine *
quorum_committee_comparison_find_committee (QuorumCommitteeComparison *self,
                                            const char                *committee_id)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), NULL);
  g_return_val_if_fail (committee_id != NULL, NULL);

  for (guint r = 0; r < self->rows->len; r++)
    if (g_strcmp0 (quorum_row_get_committee (g_ptr_array_index (self->rows, r)),
                   committee_id) == 0)
      {
        g_autoptr(QuorumFigureLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), r);

        return line;
      }
  return NULL;
}

/**
 * quorum_committee_comparison_find_row:
 *
 * Returns: (transfer none) (nullable): the line of the row @row_id
 */
QuorumFigureLine *
quorum_committee_comparison_find_row (QuorumCommitteeComparison *self,
                                      const char                *row_id)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), NULL);
  g_return_val_if_fail (row_id != NULL, NULL);

  for (guint r = 0; r < self->rows->len; r++)
    if (g_strcmp0 (quorum_row_get_id (g_ptr_array_index (self->rows, r)), row_id) == 0)
      {
        g_autoptr(QuorumFigureLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), r);

        return line;
      }
  return NULL;
}

/**
 * quorum_committee_comparison_dup_missing:
 *
 * Returns: (transfer full) (nullable): the short names of the register's
 *   committees that no row is about, e.g. “PFCG, CSC, TBEC”
 */
char *
quorum_committee_comparison_dup_missing (QuorumCommitteeComparison *self)
{
  GString *missing;

  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON (self), NULL);

  missing = g_string_new (NULL);
  for (guint i = 0; self->committees != NULL && i < g_list_model_get_n_items (self->committees);
       i++)
    {
      g_autoptr(QuorumCommittee) committee = g_list_model_get_item (self->committees, i);
      const char *id = quorum_committee_get_id (committee);
      gboolean found = FALSE;

      for (guint r = 0; r < self->rows->len && !found; r++)
        {
          QuorumRow *row = g_ptr_array_index (self->rows, r);
          const char * const *ids = quorum_row_get_committees (row);

          found = g_strcmp0 (quorum_row_get_committee (row), id) == 0 ||
                  (ids != NULL && g_strv_contains (ids, id));
        }
      if (!found)
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                quorum_committee_get_short_name (committee));
    }
  if (missing->len == 0)
    {
      g_string_free (missing, TRUE);
      return NULL;
    }
  return g_string_free (missing, FALSE);
}
