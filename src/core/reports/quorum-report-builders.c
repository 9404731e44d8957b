/* quorum-report-builders.c: reports of budget tables, checks and work packages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-report-builders-private.h"

#include <glib/gi18n.h>

#include "quorum-amount.h"
#include "quorum-decision.h"
#include "quorum-error.h"
#include "quorum-figure.h"
#include "quorum-finding.h"
#include "quorum-pressure-line.h"

/**
 * _quorum_report_allow:
 * @what: names the item in the error
 *
 * A red item is never printed without an explicit confirmation.
 */
gboolean
_quorum_report_allow (const char                *classification,
                      const char                *what,
                      const QuorumReportOptions *options,
                      GError                   **error)
{
  if (quorum_report_classification_rank (classification) < 3
      || (options != NULL && options->allow_red))
    return TRUE;
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED,
               _("%s is classified red: it is printed only when red is explicitly allowed"),
               what);
  return FALSE;
}

char *
_quorum_report_amount (gint64 amount)
{
  return quorum_amount_format_display (amount, "GBP");
}

static char *
value_text (const QuorumValue *value,
            const char        *unit)
{
  if (value->kind == QUORUM_VALUE_NA)
    return g_strdup (_("N/A"));
  if (value->kind == QUORUM_VALUE_AMOUNT)
    return quorum_amount_format_display (value->amount, unit);
  return g_strdup ("");
}

static QuorumReportMark
cell_mark (QuorumRow *row,
           guint      column)
{
  GPtrArray *findings = quorum_row_get_findings (row, column);
  QuorumReportMark mark = QUORUM_REPORT_MARK_NONE;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      if (quorum_finding_get_severity (g_ptr_array_index (findings, i))
          == QUORUM_SEVERITY_MISMATCH)
        return QUORUM_REPORT_MARK_MISMATCH;
      mark = QUORUM_REPORT_MARK_ROUNDING;
    }
  return mark;
}

static char *
percent_text (gint64 percent_hundredths)
{
  g_autofree char *number = quorum_amount_format_display (percent_hundredths, "count");

  return g_strdup_printf ("%s%s%%", percent_hundredths > 0 ? "+" : "", number);
}

typedef struct
{
  QuorumTable *table;
  const char *unit;
  guint n_columns;
  int from, to;             /* variance columns, or -1 */
  gboolean collapsed;
  guint shown[QUORUM_REPORT_MAX_COLUMNS];   /* the table's columns printed */
  guint n_shown;
} TableWalk;

static void
add_table_row (QuorumReport *report,
               TableWalk    *walk,
               QuorumRow    *row)
{
  char *cells[QUORUM_REPORT_MAX_COLUMNS + 1] = { NULL };
  QuorumReportMark marks[QUORUM_REPORT_MAX_COLUMNS] = { 0 };
  QuorumRowKind kind = quorum_row_get_kind (row);
  guint n = 0;

  cells[n++] = g_strdup (quorum_row_get_label (row));
  for (guint i = 0; i < walk->n_shown; i++)
    {
      marks[n] = cell_mark (row, walk->shown[i]);
      cells[n++] = value_text (quorum_row_get_effective (row, walk->shown[i]), walk->unit);
    }
  if (walk->from >= 0)
    {
      const QuorumValue *from = quorum_row_get_effective (row, walk->from);
      const QuorumValue *to = quorum_row_get_effective (row, walk->to);
      gint64 difference, percent;

      if (quorum_value_is_amount (from) && quorum_value_is_amount (to))
        {
          gboolean has_percent = quorum_amount_change (from->amount, to->amount, &difference,
                                                       &percent);

          cells[n++] = quorum_amount_format_display (difference, walk->unit);
          cells[n++] = has_percent ? percent_text (percent) : g_strdup ("—");
        }
      else
        {
          cells[n++] = g_strdup ("");
          cells[n++] = g_strdup ("");
        }
    }
  quorum_report_add_row (report, (const char * const *) cells, marks,
                         kind == QUORUM_ROW_TOTAL ? 0 : quorum_row_get_depth (row),
                         kind == QUORUM_ROW_TOTAL ? QUORUM_REPORT_ROW_TOTAL
                         : kind == QUORUM_ROW_GROUP ? QUORUM_REPORT_ROW_GROUP
                         : QUORUM_REPORT_ROW_LINE);
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
}

static void
add_table_rows (QuorumReport *report,
                TableWalk    *walk,
                GListModel   *rows)
{
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      add_table_row (report, walk, row);
      if (!walk->collapsed)
        add_table_rows (report, walk, quorum_row_get_children (row));
    }
}

static gboolean
find_variance (QuorumBudgetDocument      *document,
               TableWalk                 *walk,
               const QuorumReportOptions *options,
               GError                   **error)
{
  const char *ids[2] = { options->variance_from, options->variance_to };
  int *indexes[2] = { &walk->from, &walk->to };

  for (guint i = 0; i < 2; i++)
    {
      QuorumColumn *column = quorum_table_find_column (walk->table, ids[i]);

      if (column == NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                       _("%s: no column “%s” in table “%s”"),
                       quorum_budget_document_get_file (document), ids[i],
                       quorum_table_get_id (walk->table));
          return FALSE;
        }
      *indexes[i] = (int) quorum_column_get_index (column);
    }
  return TRUE;
}

/**
 * _quorum_report_add_table:
 *
 * Adds a budget table as the Budgets view shows it: a heading, its rows
 * (groups expanded unless @options says collapsed, or the rows @options
 * lists), its total, and with a variance the difference and % change
 * between two columns (and only those two with variance_only).
 */
gboolean
_quorum_report_add_table (QuorumReport              *report,
                          QuorumBudgetDocument      *document,
                          QuorumTable               *table,
                          const QuorumReportOptions *options,
                          GError                   **error)
{
  TableWalk walk = { table, quorum_table_get_unit (table), quorum_table_get_n_columns (table),
                     -1, -1, options->collapsed, { 0 }, 0 };
  const char *headers[QUORUM_REPORT_MAX_COLUMNS + 1] = { NULL };
  GListModel *columns = quorum_table_get_columns (table);
  guint n = 0, extra = 0;

  if (options->variance_from != NULL || options->variance_to != NULL)
    {
      if (options->variance_from == NULL || options->variance_to == NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("a variance needs two columns, FROM:TO"));
          return FALSE;
        }
      if (!find_variance (document, &walk, options, error))
        return FALSE;
      extra = 2;
    }
  if (extra > 0 && options->variance_only)
    {
      walk.shown[walk.n_shown++] = (guint) walk.from;
      walk.shown[walk.n_shown++] = (guint) walk.to;
    }
  else
    for (guint c = 0; c < walk.n_columns && c < QUORUM_REPORT_MAX_COLUMNS; c++)
      walk.shown[walk.n_shown++] = c;
  if (1 + walk.n_shown + extra > QUORUM_REPORT_MAX_COLUMNS)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT,
                   _("%s: table “%s” has more columns than a page can print (%u)"),
                   quorum_budget_document_get_file (document), quorum_table_get_id (table),
                   QUORUM_REPORT_MAX_COLUMNS - 1 - extra);
      return FALSE;
    }

  quorum_report_add_heading (report, quorum_table_get_title (table));
  headers[n++] = _("Line");
  for (guint i = 0; i < walk.n_shown; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, walk.shown[i]);

      headers[n++] = quorum_column_get_label (column);
    }
  if (extra > 0)
    {
      headers[n++] = _("Difference");
      headers[n++] = _("% change");
    }
  quorum_report_begin_table (report, headers, ((1u << n) - 1) & ~1u);
  if (options->rows != NULL)
    {
      /* As a view shows them: its rows, its order, its total. */
      for (guint i = 0; i < options->n_rows; i++)
        add_table_row (report, &walk, options->rows[i]);
      return TRUE;
    }
  add_table_rows (report, &walk, quorum_table_get_rows (table));
  if (quorum_table_get_total (table) != NULL)
    add_table_row (report, &walk, quorum_table_get_total (table));
  return TRUE;
}

/**
 * quorum_report_new_for_table:
 * @table: (nullable): one of @document's tables, or %NULL for all of them
 *   (then @options may not list rows)
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 *   (%QUORUM_ERROR_NOT_ALLOWED for a red document without allow_red)
 */
QuorumReport *
quorum_report_new_for_table (QuorumBudgetDocument       *document,
                             QuorumTable                *table,
                             const QuorumReportOptions  *options,
                             GError                    **error)
{
  static const QuorumReportOptions defaults = { 0 };
  g_autoptr(QuorumReport) report = NULL;
  const char *classification;
  GListModel *tables;

  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (document), NULL);
  g_return_val_if_fail (table == NULL || QUORUM_IS_TABLE (table), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (table != NULL || options == NULL || options->rows == NULL, NULL);

  options = options != NULL ? options : &defaults;
  classification = quorum_budget_document_get_classification (document);
  if (!_quorum_report_allow (classification, quorum_budget_document_get_file (document),
                             options, error))
    return NULL;

  report = quorum_report_new (quorum_budget_document_get_title (document),
                              quorum_budget_document_get_version (document),
                              classification, options->printed);
  tables = quorum_budget_document_get_tables (document);
  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(QuorumTable) each = g_list_model_get_item (tables, i);

      if (table != NULL && each != table)
        continue;
      if (!_quorum_report_add_table (report, document, each, options, error))
        return NULL;
    }
  quorum_report_add_legend (report);
  return g_steal_pointer (&report);
}

static void
add_findings (QuorumReport         *report,
              QuorumBudgetDocument *document)
{
  GListModel *findings = quorum_budget_document_get_findings (document);
  const char *headers[] = { _("Table"), _("Line"), _("Column"), _("Rule"), _("Stated"),
                            _("Computed"), _("Difference"), NULL };

  quorum_report_add_heading (report, quorum_budget_document_get_title (document));
  if (g_list_model_get_n_items (findings) == 0)
    {
      quorum_report_add_paragraph (report, _("Every figure adds up."));
      return;
    }
  quorum_report_begin_table (report, headers, 0x70);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (findings, i);
      QuorumTable *table = quorum_budget_document_find_table (
        document, quorum_finding_get_table_id (finding));
      QuorumColumn *column = table != NULL ? quorum_table_find_column (
        table, quorum_finding_get_column_id (finding)) : NULL;
      const char *unit = table != NULL ? quorum_table_get_unit (table) : NULL;
      g_autofree char *stated = quorum_amount_format_display (
        quorum_finding_get_stated (finding), unit);
      g_autofree char *computed = quorum_amount_format_display (
        quorum_finding_get_computed (finding), unit);
      g_autofree char *difference = quorum_amount_format_display (
        quorum_finding_get_difference (finding), unit);
      const char *cells[] = {
        table != NULL ? quorum_table_get_title (table) : quorum_finding_get_table_id (finding),
        quorum_finding_get_label (finding) != NULL ? quorum_finding_get_label (finding)
                                                   : quorum_finding_get_row_id (finding),
        column != NULL ? quorum_column_get_label (column)
                       : quorum_finding_get_column_id (finding),
        quorum_rule_to_string (quorum_finding_get_rule (finding)),
        stated, computed, difference, NULL
      };
      QuorumReportMark marks[7] = { 0 };

      marks[6] = quorum_finding_get_severity (finding) == QUORUM_SEVERITY_MISMATCH
                   ? QUORUM_REPORT_MARK_MISMATCH : QUORUM_REPORT_MARK_ROUNDING;
      quorum_report_add_row (report, cells, marks, 0, QUORUM_REPORT_ROW_LINE);
    }
}

/**
 * quorum_report_new_for_checks:
 * @documents: a list of #QuorumBudgetDocument
 *
 * The Checks list: every document's findings, marked by severity.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
QuorumReport *
quorum_report_new_for_checks (GListModel                 *documents,
                              const QuorumReportOptions  *options,
                              GError                    **error)
{
  static const QuorumReportOptions defaults = { 0 };
  g_autoptr(QuorumReport) report = NULL;
  int rank = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (documents), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options = options != NULL ? options : &defaults;
  report = quorum_report_new (_("Checks"), NULL, NULL, options->printed);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, i);
      const char *classification = quorum_budget_document_get_classification (document);

      if (!_quorum_report_allow (classification, quorum_budget_document_get_file (document),
                                 options, error))
        return NULL;
      if (quorum_report_classification_rank (classification) > rank)
        {
          rank = quorum_report_classification_rank (classification);
          quorum_report_set_classification (report, classification);
        }
      add_findings (report, document);
    }
  quorum_report_add_legend (report);
  return g_steal_pointer (&report);
}
