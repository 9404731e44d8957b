/* quorum-checks.c: effective values and findings, as the store format defines them
 *
 * Every stated figure that the document also lets us compute is checked
 * against the figures directly beneath it, using their effective values
 * (stated where given, otherwise computed), so one wrong subtotal yields one
 * finding. Rows are evaluated depth-first with a visiting mark, so rows or
 * columns that refer to each other are reported as a loop, never followed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-model-private.h"
#include <glib/gi18n-lib.h>
#include "quorum-amount.h"
#include "quorum-error.h"

/* Evaluation recurses along the rows a row is computed from; a longer chain
 * (percentages of percentages of …) is refused rather than let overflow the
 * stack. Groups alone nest at most about 30 deep (the JSON depth limit). */
#define MAX_CHAIN 1000

/* A row's mark: unvisited, being visited, or done; a done row's mark also
 * holds its height, the longest chain of computed rows beneath it (a line
 * has height 0), so the chain limit does not depend on the rows' order. */
typedef enum
{
  UNVISITED,
  VISITING,
  DONE,
} Mark;

#define DONE_MARK(height) (DONE + (height))
#define MARK_HEIGHT(mark) ((mark) - DONE)

typedef struct
{
  QuorumTable *table;
  gboolean *regular;        /* per column: not computed */
  GError *error;
  char *error_path;
  QuorumRow *error_row;     /* or */
  JsonNode *error_node;     /* a column's */
  guint depth;              /* of evaluate_row()'s recursion */
  QuorumColumn *column;     /* the computed column whose cells are being finished */
  GHashTable *finished;     /* of QuorumRow: its cells in @column finished */
} Evaluation;

/* Adds @value into @sum; N/A counts as 0. Returns FALSE on overflow. */
static gboolean
accumulate (const QuorumValue *value,
            gint64            *sum,
            gboolean          *has_amount)
{
  if (value->kind != QUORUM_VALUE_AMOUNT)
    return TRUE;
  *has_amount = TRUE;
  return quorum_amount_add (*sum, value->amount, sum);
}

static void
fail (Evaluation *ev,
      QuorumRow  *row,
      QuorumError code,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static void
fail (Evaluation *ev,
      QuorumRow  *row,
      QuorumError code,
      const char *format,
      ...)
{
  va_list args;

  if (ev->error != NULL)
    return;

  va_start (args, format);
  ev->error = g_error_new_valist (QUORUM_ERROR, code, format, args);
  va_end (args);
  ev->error_path = row != NULL ? NULL : g_strdup (ev->table->json_path);
  ev->error_row = row;
}


static void evaluate_row (Evaluation *ev,
                          QuorumRow  *row);

static void
sum_rows (Evaluation  *ev,
          QuorumRow   *row,
          QuorumRow  **operands,
          guint        n_operands)
{
  for (guint c = 0; c < row->n_values && ev->error == NULL; c++)
    {
      gint64 sum = 0;
      gboolean has_amount = FALSE;

      if (!ev->regular[c])
        continue;

      for (guint i = 0; i < n_operands; i++)
        if (!accumulate (_quorum_row_effective (operands[i], c), &sum, &has_amount))
          {
            fail (ev, row, QUORUM_ERROR_LIMIT, _("row “%s” adds up to more than can be held"),
                  _quorum_row_id (row));
            return;
          }

      if (!has_amount)
        continue;

      if (row->kind == QUORUM_ROW_PERCENTAGE)
        {
          if (!quorum_amount_percent_of (sum, _quorum_row_extra (row)->percent, &sum))
            {
              fail (ev, row, QUORUM_ERROR_LIMIT, _("row “%s” is out of range"),
                    _quorum_row_id (row));
              return;
            }
        }

      _quorum_row_set_computed (row, c, sum);
    }
}

static void
evaluate_row (Evaluation *ev,
              QuorumRow  *row)
{
  guint mark = row->mark;
  g_autofree QuorumRow **operands = NULL;
  guint n_operands = 0;
  guint height = 0;

  if (ev->error != NULL || mark >= DONE)
    return;

  if (mark == VISITING)
    {
      fail (ev, row, QUORUM_ERROR_LOOP,
            _("row “%s” refers to itself through its rows or “of” (a loop); "
            "its value cannot be computed"), _quorum_row_id (row));
      return;
    }

  row->mark = VISITING;

  if (row->kind == QUORUM_ROW_GROUP)
    {
      n_operands = g_list_model_get_n_items (_quorum_row_children (row));
      operands = g_new0 (QuorumRow *, n_operands + 1);
      for (guint i = 0; i < n_operands; i++)
        {
          operands[i] = g_list_model_get_item (_quorum_row_children (row), i);
          g_object_unref (operands[i]);   /* the list keeps it alive */
        }
    }
  else if (row->kind == QUORUM_ROW_PERCENTAGE && _quorum_row_extra (row)->of_rows != NULL)
    {
      n_operands = g_strv_length (row->extra->of);
      operands = g_memdup2 (row->extra->of_rows, sizeof (QuorumRow *) * (n_operands + 1));
    }
  else if (row->kind == QUORUM_ROW_TOTAL)
    {
      GListModel *rows = G_LIST_MODEL (ev->table->rows);

      n_operands = g_list_model_get_n_items (rows);
      operands = g_new0 (QuorumRow *, n_operands + 1);
      for (guint i = 0; i < n_operands; i++)
        {
          operands[i] = g_list_model_get_item (rows, i);
          g_object_unref (operands[i]);
        }
    }

  if (n_operands > 0 && ev->depth >= MAX_CHAIN)
    {
      fail (ev, row, QUORUM_ERROR_LIMIT,
            _("row “%s” is computed through a chain of more than %u rows"),
            _quorum_row_id (row), MAX_CHAIN);
      return;
    }
  ev->depth++;
  for (guint i = 0; i < n_operands; i++)
    evaluate_row (ev, operands[i]);
  ev->depth--;
  if (ev->error != NULL)
    return;

  /* The depth above guards the stack when the chain runs top-down; the
   * height refuses the same chain listed bottom-up. */
  for (guint i = 0; i < n_operands; i++)
    {
      guint below = MARK_HEIGHT (operands[i]->mark);

      height = MAX (height, below + 1);
    }
  if (height > MAX_CHAIN)
    {
      fail (ev, row, QUORUM_ERROR_LIMIT,
            _("row “%s” is computed through a chain of more than %u rows"),
            _quorum_row_id (row), MAX_CHAIN);
      return;
    }

  if (n_operands > 0)
    sum_rows (ev, row, operands, n_operands);

  /* Its effective values are now final (worked out when asked for). */
  row->mark = DONE_MARK (height);
}

static void
evaluate_column_cell (Evaluation   *ev,
                      QuorumColumn *column,
                      QuorumRow    *row)
{
  guint n = g_strv_length (column->operands);
  gboolean has_amount = FALSE;
  gint64 result = 0;

  for (guint i = 0; i < n; i++)
    {
      const QuorumValue *value = _quorum_row_effective (row, column->operand_index[i]);
      gint64 term;

      /* N/A counts as 0 in a sum, but a difference with an operand that
       * does not apply does not apply either: N/A, never checked. */
      if (value->kind == QUORUM_VALUE_NA && column->formula == QUORUM_FORMULA_DIFFERENCE)
        {
          _quorum_row_set_computed_na (row, column->index);
          g_hash_table_add (ev->finished, row);
          return;
        }
      if (value->kind != QUORUM_VALUE_AMOUNT)
        continue;
      has_amount = TRUE;
      term = value->amount;
      if (column->formula == QUORUM_FORMULA_DIFFERENCE && i == 1)
        term = -term;
      if (!quorum_amount_add (result, term, &result))
        {
          fail (ev, row, QUORUM_ERROR_LIMIT, _("column “%s” of row “%s” is out of range"),
                column->id, _quorum_row_id (row));
          return;
        }
    }

  if (has_amount)
    _quorum_row_set_computed (row, column->index, result);
  g_hash_table_add (ev->finished, row);
}

static void
evaluate_column_rows (Evaluation   *ev,
                      QuorumColumn *column,
                      GListModel   *rows)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n && ev->error == NULL; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      evaluate_column_cell (ev, column, row);
      if (_quorum_row_children (row) != NULL)
        evaluate_column_rows (ev, column, _quorum_row_children (row));
    }
}

static void
evaluate_column (Evaluation   *ev,
                 QuorumColumn *column,
                 Mark         *marks)
{
  guint n;

  if (ev->error != NULL || marks[column->index] == DONE)
    return;
  if (marks[column->index] == VISITING)
    {
      ev->error = g_error_new (QUORUM_ERROR, QUORUM_ERROR_LOOP,
                               _("column “%s” is computed from itself (a loop); "
                               "its values cannot be computed"), column->id);
      ev->error_path = g_strdup (column->json_path);
      ev->error_node = column->node;
      return;
    }

  marks[column->index] = VISITING;
  n = g_strv_length (column->operands);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumColumn) operand =
        g_list_model_get_item (G_LIST_MODEL (ev->table->columns), column->operand_index[i]);

      if (operand->formula != QUORUM_FORMULA_NONE)
        evaluate_column (ev, operand, marks);
    }
  if (ev->error != NULL)
    return;

  ev->column = column;
  evaluate_column_rows (ev, column, G_LIST_MODEL (ev->table->rows));
  if (ev->table->total != NULL)
    evaluate_column_cell (ev, column, ev->table->total);
  if (ev->error == NULL)
    {
      ev->column = NULL;
      g_hash_table_remove_all (ev->finished);
    }

  marks[column->index] = DONE;
}

/* A failed evaluation leaves some cells unfinished: they keep no effective
 * value (absent), the finished ones theirs, for the checks still read on
 * the document's failed load. */
static void
keep_unfinished (Evaluation *ev,
                 const Mark *column_marks,
                 QuorumRow  *row)
{
  gboolean regular_done = row->mark >= DONE;
  QuorumValue *effective = g_new0 (QuorumValue, row->n_values);
  GListModel *children = _quorum_row_children (row);

  for (guint c = 0; c < row->n_values; c++)
    {
      gboolean done;

      if (ev->regular[c])
        done = regular_done;
      else if (ev->column != NULL && ev->column->index == c)
        done = g_hash_table_contains (ev->finished, row);
      else
        done = column_marks[c] == DONE;
      if (done)
        effective[c] = *_quorum_row_effective (row, c);
    }
  g_free (_quorum_row_extra_mut (row)->effective);
  row->extra->effective = effective;

  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

      keep_unfinished (ev, column_marks, child);
    }
}

/* Every row of @row's tree unvisited, as read. */
static void
clear_marks (QuorumRow *row)
{
  GListModel *children = _quorum_row_children (row);

  row->mark = UNVISITED;
  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

      clear_marks (child);
    }
}

/**
 * _quorum_table_evaluate:
 * @table: a table whose references are all resolved
 * @error_path: (out): the JSON path of what failed, unless it is a row
 * @error_row: (out): the row that failed, if one did
 * @error_node: (out): else the node of the column that failed, if one did
 *
 * Computes every cell's computed and effective value.
 *
 * Returns: %FALSE on a loop or an out-of-range sum
 */
gboolean
_quorum_table_evaluate (QuorumTable  *table,
                        char        **error_path,
                        QuorumRow   **error_row,
                        JsonNode    **error_node,
                        GError      **error)
{
  Evaluation ev = { .table = table };
  g_autofree Mark *column_marks = g_new0 (Mark, table->n_columns + 1);
  GListModel *rows = G_LIST_MODEL (table->rows);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      clear_marks (row);
    }
  if (table->total != NULL)
    clear_marks (table->total);
  ev.finished = g_hash_table_new (NULL, NULL);
  ev.regular = g_new0 (gboolean, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (G_LIST_MODEL (table->columns), c);

      ev.regular[c] = column->formula == QUORUM_FORMULA_NONE;
    }

  /* Regular columns: rows depend on their children and their “of” rows. */
  for (guint i = 0; i < n && ev.error == NULL; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      evaluate_row (&ev, row);
    }

  /* Rows reachable only through “of” inside groups are reached above via
   * their groups; the total last. */
  if (ev.error == NULL && table->total != NULL)
    evaluate_row (&ev, table->total);

  /* Computed columns, each after the columns it is computed from. */
  for (guint c = 0; c < table->n_columns && ev.error == NULL; c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (G_LIST_MODEL (table->columns), c);

      if (column->formula != QUORUM_FORMULA_NONE)
        evaluate_column (&ev, column, column_marks);
    }

  if (ev.error != NULL)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

          keep_unfinished (&ev, column_marks, row);
        }
      if (table->total != NULL)
        keep_unfinished (&ev, column_marks, table->total);
    }
  g_hash_table_unref (ev.finished);
  g_free (ev.regular);

  if (ev.error != NULL)
    {
      *error_path = ev.error_path;
      *error_row = ev.error_row;
      *error_node = ev.error_node;
      g_propagate_error (error, ev.error);
      return FALSE;
    }
  return TRUE;
}

/* Findings ---------------------------------------------------------------- */

typedef struct
{
  QuorumBudgetDocument *document;
  QuorumTable *table;
  GPtrArray *findings;
  guint n_mismatches;
} Collector;

static QuorumFinding *
add_finding (Collector  *collector,
             QuorumRule  rule,
             QuorumRow  *row,
             guint       column,
             gint64      stated,
             gint64      computed)
{
  g_autoptr(QuorumColumn) col =
    g_list_model_get_item (G_LIST_MODEL (collector->table->columns), column);
  gint64 difference = stated - computed;
  gint64 magnitude = difference < 0 ? -difference : difference;
  QuorumSeverity severity = magnitude <= collector->document->tolerance
                            ? QUORUM_SEVERITY_ROUNDING : QUORUM_SEVERITY_MISMATCH;
  QuorumFinding *finding = quorum_finding_new (severity, rule, collector->document->id,
                                               collector->table->id, _quorum_row_id (row), col->id,
                                               stated, computed);

  if (severity == QUORUM_SEVERITY_MISMATCH)
    collector->n_mismatches++;
  _quorum_row_add_finding (row, column, finding);
  g_ptr_array_add (collector->findings, finding);
  return finding;
}

static void
check_row (Collector *collector,
           QuorumRow *row)
{
  /* A row with nothing computed (most lines) has nothing to check. */
  for (guint c = 0; row->computed != NULL && c < row->n_values; c++)
    {
      g_autoptr(QuorumColumn) column = NULL;
      const QuorumValue *stated = &row->stated[c];
      const QuorumValue *computed = &row->computed[c];
      QuorumRule rule;

      if (stated->kind != QUORUM_VALUE_AMOUNT || computed->kind != QUORUM_VALUE_AMOUNT)
        continue;
      if (stated->amount == computed->amount)
        continue;

      column = g_list_model_get_item (G_LIST_MODEL (collector->table->columns), c);
      if (column->formula != QUORUM_FORMULA_NONE)
        rule = QUORUM_RULE_COLUMN;
      else if (row->kind == QUORUM_ROW_GROUP)
        rule = QUORUM_RULE_GROUP;
      else if (row->kind == QUORUM_ROW_PERCENTAGE)
        rule = QUORUM_RULE_PERCENT;
      else if (row->kind == QUORUM_ROW_TOTAL)
        rule = QUORUM_RULE_TOTAL;
      else
        continue;

      add_finding (collector, rule, row, c, stated->amount, computed->amount);
    }

  if (_quorum_row_children (row) != NULL)
    {
      GListModel *children = _quorum_row_children (row);
      guint n = g_list_model_get_n_items (children);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

          check_row (collector, child);
        }
    }
}

static void
clear_row_findings (QuorumRow *row)
{
  _quorum_row_clear_findings (row);
  if (_quorum_row_children (row) != NULL)
    {
      GListModel *children = _quorum_row_children (row);
      guint n = g_list_model_get_n_items (children);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

          clear_row_findings (child);
        }
    }
}

/**
 * _quorum_cross_check_evaluate:
 * @stated: (out): the left side's effective value
 * @computed: (out): the right side's effective value × factor, rounded
 *
 * Returns: %TRUE if both sides have an amount, so the check applies
 */
gboolean
_quorum_cross_check_evaluate (QuorumCrossCheck *check,
                              gint64           *stated,
                              gint64           *computed)
{
  const QuorumValue *left, *right;

  if (check->left_row == NULL || check->right_row == NULL)
    return FALSE;

  left = _quorum_row_effective (check->left_row, check->left_column);
  right = _quorum_row_effective (check->right_row, check->right_column);
  if (left->kind != QUORUM_VALUE_AMOUNT || right->kind != QUORUM_VALUE_AMOUNT)
    return FALSE;

  *stated = left->amount;
  return quorum_amount_mul_hundredths (right->amount, check->factor, computed);
}

/**
 * _quorum_document_collect_findings:
 *
 * Recomputes the document's findings at its tolerance: tables in order,
 * rows depth-first (a group before its children) and columns in order
 * within each row, the total row last; then the cross-checks in order.
 */
void
_quorum_document_collect_findings (QuorumBudgetDocument *document)
{
  Collector collector = { .document = document };
  GListModel *tables = G_LIST_MODEL (document->tables);
  guint n_tables = g_list_model_get_n_items (tables);

  collector.findings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(QuorumTable) table = g_list_model_get_item (tables, t);
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (table->rows));
      guint before = collector.findings->len;

      collector.table = table;
      for (guint i = 0; i < n_rows; i++)
        {
          g_autoptr(QuorumRow) row = g_list_model_get_item (G_LIST_MODEL (table->rows), i);

          clear_row_findings (row);
          check_row (&collector, row);
        }
      if (table->total != NULL)
        {
          _quorum_row_clear_findings (table->total);
          check_row (&collector, table->total);
        }
      table->n_findings = collector.findings->len - before;
    }

  for (guint i = 0; i < document->cross_checks->len; i++)
    {
      QuorumCrossCheck *check = g_ptr_array_index (document->cross_checks, i);
      gint64 stated, computed;
      QuorumFinding *finding;

      if (!_quorum_cross_check_evaluate (check, &stated, &computed) || stated == computed)
        continue;

      collector.table = check->left_table;
      finding = add_finding (&collector, QUORUM_RULE_CROSS_CHECK, check->left_row,
                             check->left_column, stated, computed);
      quorum_finding_set_label (finding, check->label);
      check->left_table->n_findings++;
    }

  g_list_store_splice (document->findings, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (document->findings)),
                       collector.findings->pdata, collector.findings->len);
  document->n_mismatches = collector.n_mismatches;
  g_ptr_array_unref (collector.findings);
}
