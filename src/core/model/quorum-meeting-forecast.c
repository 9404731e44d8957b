/* quorum-meeting-forecast.c: a document's table of meetings, with its total and cost
 *
 * A table of role `meetings` as a list of QuorumFigureLine, a cell per
 * column (a year): a line per row at every depth, in order; then the
 * total, as the table states it or, where it states none, the sum of its
 * top-level rows (a stated total that is not that sum is marked); then,
 * where the document gives a rate per meeting, what the meetings cost at
 * it (quorum_figure_get_cost_at_rate()). Every sum goes through
 * quorum_amount_add().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-amount.h"
#include "quorum-figure.h"
#include "quorum-figure-line.h"
#include "quorum-meeting-forecast.h"

struct _QuorumMeetingForecast
{
  GObject parent_instance;

  QuorumTable *table;
  GListStore *lines;           /* of QuorumFigureLine */
  GHashTable *figures;         /* "row\ncolumn" → QuorumFigure */
  guint n_rows;
  gboolean has_rate;
  gboolean same_rate;
  gint64 rate;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumMeetingForecast, quorum_meeting_forecast, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return QUORUM_TYPE_FIGURE_LINE;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (QUORUM_MEETING_FORECAST (model)->lines));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (QUORUM_MEETING_FORECAST (model)->lines), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
quorum_meeting_forecast_finalize (GObject *object)
{
  QuorumMeetingForecast *self = (QuorumMeetingForecast *) object;

  g_clear_object (&self->table);
  g_clear_object (&self->lines);
  g_clear_pointer (&self->figures, g_hash_table_unref);

  G_OBJECT_CLASS (quorum_meeting_forecast_parent_class)->finalize (object);
}

static void
quorum_meeting_forecast_class_init (QuorumMeetingForecastClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quorum_meeting_forecast_finalize;
}

static void
quorum_meeting_forecast_init (QuorumMeetingForecast *self)
{
  self->lines = g_list_store_new (QUORUM_TYPE_FIGURE_LINE);
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->same_rate = TRUE;
}

static QuorumFigure *
lookup (QuorumMeetingForecast *self,
        const char            *row,
        QuorumColumn          *column)
{
  g_autofree char *key = g_strconcat (row, "\n", quorum_column_get_id (column), NULL);

  return g_hash_table_lookup (self->figures, key);
}

static char *
format_count (gint64 amount)
{
  return quorum_amount_format_display (amount, "count");
}

/* “£14,000 at £1,000 a meeting” */
static char *
cost_text (gint64 cost,
           gint64 rate)
{
  g_autofree char *cost_amount = quorum_amount_format_display (cost, "GBP");
  g_autofree char *rate_amount = quorum_amount_format_display (rate, "GBP");

  /* TRANSLATORS: what meetings cost at a rate, e.g. "£14,000 at £1,000 a meeting" */
  return g_strdup_printf (_("%s at %s a meeting"), cost_amount, rate_amount);
}

static void
add_row_lines (QuorumMeetingForecast *self,
               GListModel            *rows,
               GListModel            *committees)
{
  GListModel *columns = quorum_table_get_columns (self->table);
  guint n_columns = g_list_model_get_n_items (columns);

  for (guint r = 0; rows != NULL && r < g_list_model_get_n_items (rows); r++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, r);
      const char * const *ids = quorum_row_get_committees (row);
      g_autoptr(QuorumFigureLine) line =
        quorum_figure_line_new (QUORUM_FIGURE_LINE_ROW, quorum_row_get_id (row),
                                quorum_row_get_label (row), n_columns);
      g_autofree char *names = quorum_committee_short_names (committees, ids);

      if (names == NULL && quorum_row_get_committee (row) == NULL)
        names = g_strdup (_("No committee"));
      quorum_figure_line_set_detail (line, names);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
          QuorumFigure *figure = lookup (self, quorum_row_get_id (row), column);
          g_autofree char *text = NULL;
          g_autofree char *tooltip = NULL;
          gint64 cost, rate;

          if (figure == NULL)
            continue;
          text = quorum_figure_get_is_na (figure)
                 ? g_strdup (_("N/A")) : format_count (quorum_figure_get_amount (figure));
          if (quorum_figure_get_rate (figure, &rate) &&
              quorum_figure_get_cost_at_rate (figure, &cost))
            tooltip = cost_text (cost, rate);
          quorum_figure_line_set_cell (line, c, quorum_figure_get_amount (figure), text,
                                       tooltip, FALSE);
        }
      g_list_store_append (self->lines, line);
      self->n_rows++;
      add_row_lines (self, quorum_row_get_children (row), committees);
    }
}

/* The sum of the top-level rows in @column, and of their costs at their
 * rates. FALSE when no row has a figure or a sum is out of range. */
static gboolean
sum_rows (QuorumMeetingForecast *self,
          QuorumColumn          *column,
          gint64                *sum,
          gboolean              *any_cost,
          gint64                *costs)
{
  GListModel *rows = quorum_table_get_rows (self->table);
  gboolean any = FALSE, ok = TRUE;

  *sum = 0;
  *costs = 0;
  *any_cost = FALSE;
  for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, r);
      QuorumFigure *figure = lookup (self, quorum_row_get_id (row), column);
      gint64 cost;

      if (figure == NULL)
        continue;
      ok = ok && quorum_amount_add (*sum, quorum_figure_get_amount (figure), sum);
      any = TRUE;
      if (quorum_figure_get_cost_at_rate (figure, &cost))
        {
          ok = ok && quorum_amount_add (*costs, cost, costs);
          *any_cost = TRUE;
        }
    }
  return any && ok;
}

static void
set_total_cell (QuorumFigureLine  *total,
                guint              c,
                const QuorumValue *stated,
                gboolean           has_sum,
                gint64             sum)
{
  gboolean is_stated = quorum_value_is_amount (stated);
  gboolean differs = is_stated && (!has_sum || stated->amount != sum);
  gint64 shown = is_stated ? stated->amount : sum;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (!has_sum && !is_stated)
    return;
  text = format_count (shown);
  if (differs && has_sum)
    {
      g_autofree char *sum_text = format_count (sum);

      /* TRANSLATORS: a stated total that is not the sum of its rows,
       * e.g. "Stated as 162; the rows add up to 161" */
      tooltip = g_strdup_printf (_("Stated as %s; the rows add up to %s"), text, sum_text);
    }
  else if (!is_stated)
    tooltip = g_strdup (_("The document states no total: the sum of the rows"));
  quorum_figure_line_set_cell (total, c, shown, text, tooltip, differs && has_sum);
}

/* At the document's rate, the stated total costs what its cross-check
 * says; without a stated total, each row at its rate. */
static void
set_cost_cell (QuorumFigureLine *cost,
               guint             c,
               QuorumFigure     *total_figure,
               gboolean          any_cost,
               gint64            row_costs)
{
  gint64 total_cost, total_rate = 0;

  if (total_figure != NULL && quorum_figure_get_cost_at_rate (total_figure, &total_cost))
    {
      g_autofree char *cost_amount = quorum_amount_format_display (total_cost, "GBP");
      g_autofree char *count = format_count (quorum_figure_get_amount (total_figure));
      g_autofree char *rate_amount = NULL;
      g_autofree char *tooltip = NULL;

      quorum_figure_get_rate (total_figure, &total_rate);
      rate_amount = quorum_amount_format_display (total_rate, "GBP");
      /* TRANSLATORS: how a cost is worked out, e.g. "162 meetings × £1,000" */
      tooltip = g_strdup_printf (_("%s meetings × %s"), count, rate_amount);
      quorum_figure_line_set_cell (cost, c, total_cost, cost_amount, tooltip, FALSE);
    }
  else if (any_cost)
    {
      g_autofree char *cost_amount = quorum_amount_format_display (row_costs, "GBP");

      quorum_figure_line_set_cell (cost, c, row_costs, cost_amount,
                                   _("Each row’s meetings at its rate"), FALSE);
    }
}

static void
add_total_lines (QuorumMeetingForecast *self)
{
  GListModel *columns = quorum_table_get_columns (self->table);
  guint n_columns = g_list_model_get_n_items (columns);
  QuorumRow *total_row = quorum_table_get_total (self->table);
  g_autoptr(QuorumFigureLine) total =
    quorum_figure_line_new (QUORUM_FIGURE_LINE_TOTAL, "@total", _("Total"), n_columns);
  g_autoptr(QuorumFigureLine) cost = NULL;

  if (self->has_rate)
    {
      g_autofree char *rate_amount = quorum_amount_format_display (self->rate, "GBP");
      /* TRANSLATORS: the label of a table's line, e.g. "Cost at £1,000 a meeting" */
      g_autofree char *label = self->same_rate
                               ? g_strdup_printf (_("Cost at %s a meeting"), rate_amount)
                               : g_strdup (_("Cost at the rows’ rates"));

      cost = quorum_figure_line_new (QUORUM_FIGURE_LINE_DERIVED, "@cost", label, n_columns);
      quorum_figure_line_set_detail (cost, _("The total at the document’s rate"));
    }
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
      const QuorumValue *stated = total_row != NULL ? quorum_row_get_effective (total_row, c)
                                                    : NULL;
      gint64 sum, row_costs;
      gboolean any_cost;
      gboolean has_sum = sum_rows (self, column, &sum, &any_cost, &row_costs);

      set_total_cell (total, c, stated, has_sum, sum);
      if (cost != NULL && (has_sum || quorum_value_is_amount (stated)))
        set_cost_cell (cost, c, lookup (self, "@total", column), any_cost, row_costs);
    }
  g_list_store_append (self->lines, total);
  if (cost != NULL)
    g_list_store_append (self->lines, cost);
}

/**
 * quorum_meeting_forecast_new:
 * @document: a budget document
 * @table: one of its tables of role `meetings`
 * @committees: (nullable): the register, to name the committees of a row
 *
 * Returns: (transfer full): the forecast, a list of #QuorumFigureLine with
 *   a cell per column: a line per row, the total, and the cost at the
 *   document's rate where it gives one
 */
QuorumMeetingForecast *
quorum_meeting_forecast_new (QuorumBudgetDocument *document,
                             QuorumTable          *table,
                             GListModel           *committees)
{
  QuorumMeetingForecast *self;
  g_autoptr(GListStore) documents = NULL;
  g_autoptr(GListModel) figures = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (document), NULL);
  g_return_val_if_fail (QUORUM_IS_TABLE (table), NULL);
  g_return_val_if_fail (committees == NULL || G_IS_LIST_MODEL (committees), NULL);

  self = g_object_new (QUORUM_TYPE_MEETING_FORECAST, NULL);
  self->table = g_object_ref (table);
  documents = g_list_store_new (QUORUM_TYPE_BUDGET_DOCUMENT);
  g_list_store_append (documents, document);
  figures = quorum_figures_collect (G_LIST_MODEL (documents), "meetings");
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(QuorumFigure) figure = g_list_model_get_item (figures, i);

      if (g_strcmp0 (quorum_figure_get_table (figure), quorum_table_get_id (table)) != 0)
        continue;
      g_hash_table_insert (self->figures, g_strconcat (quorum_figure_get_row (figure), "\n",
                                                       quorum_figure_get_column (figure),
                                                       NULL),
                           g_object_ref (figure));
    }

  g_hash_table_iter_init (&iter, self->figures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gint64 rate;

      if (!quorum_figure_get_rate (value, &rate))
        continue;
      if (self->has_rate && rate != self->rate)
        self->same_rate = FALSE;
      self->rate = rate;
      self->has_rate = TRUE;
    }

  add_row_lines (self, quorum_table_get_rows (table), committees);
  add_total_lines (self);
  return self;
}

/**
 * quorum_meeting_forecasts_new:
 * @document: a budget document
 * @committees: (nullable): the register
 *
 * Returns: (transfer full): a #QuorumMeetingForecast for each of the
 *   document's tables of role `meetings`, in order
 */
GListModel *
quorum_meeting_forecasts_new (QuorumBudgetDocument *document,
                              GListModel           *committees)
{
  GListStore *out;
  GListModel *tables;

  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (document), NULL);

  out = g_list_store_new (QUORUM_TYPE_MEETING_FORECAST);
  tables = quorum_budget_document_get_tables (document);
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(QuorumTable) table = g_list_model_get_item (tables, t);
      g_autoptr(QuorumMeetingForecast) forecast = NULL;

      if (g_strcmp0 (quorum_table_get_role (table), "meetings") != 0)
        continue;
      forecast = quorum_meeting_forecast_new (document, table, committees);
      g_list_store_append (out, forecast);
    }
  return G_LIST_MODEL (out);
}

QuorumTable *
quorum_meeting_forecast_get_table (QuorumMeetingForecast *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING_FORECAST (self), NULL);
  return self->table;
}

/**
 * quorum_meeting_forecast_get_n_rows:
 *
 * Returns: how many lines are the table's rows (the first ones)
 */
guint
quorum_meeting_forecast_get_n_rows (QuorumMeetingForecast *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING_FORECAST (self), 0);
  return self->n_rows;
}

/**
 * quorum_meeting_forecast_get_rate:
 * @rate: (out) (optional): a rate per meeting the document gives
 *
 * Returns: whether the document gives the table's figures a rate
 */
gboolean
quorum_meeting_forecast_get_rate (QuorumMeetingForecast *self,
                                  gint64                *rate)
{
  g_return_val_if_fail (QUORUM_IS_MEETING_FORECAST (self), FALSE);

  if (rate != NULL)
    *rate = self->rate;
  return self->has_rate;
}

/**
 * quorum_meeting_forecast_get_same_rate:
 *
 * Returns: whether every figure with a rate has the same one
 */
gboolean
quorum_meeting_forecast_get_same_rate (QuorumMeetingForecast *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING_FORECAST (self), FALSE);
  return self->same_rate;
}
