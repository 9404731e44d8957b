/* quorum-figure.c: one figure of a budget, with everything it is about
 *
 * The browsing views work on figures rather than on tables: a figure is one
 * cell (a row in a column) with its document, table, year, phase, component,
 * grade, committee and service area, so that "what does TABASC cost in every
 * document" or "how did the 2020/21 total move from one document to the
 * next" are filters over a list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-figure.h"

#include <string.h>

#include "quorum-amount.h"
#include "quorum-model-private.h"

struct _QuorumFigure
{
  GObject parent_instance;

  QuorumBudgetDocument *document;
  QuorumTable *table;
  QuorumRow *row;
  QuorumColumn *column;
  QuorumValue value;
  gboolean computed;
  gboolean has_rate;
  gint64 rate;
};

G_DEFINE_FINAL_TYPE (QuorumFigure, quorum_figure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_YEAR,
  PROP_ROW_LABEL,
  PROP_COLUMN_LABEL,
  PROP_AMOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_figure_dispose (GObject *object)
{
  QuorumFigure *self = (QuorumFigure *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->table);
  g_clear_object (&self->row);
  g_clear_object (&self->column);

  G_OBJECT_CLASS (quorum_figure_parent_class)->dispose (object);
}

static void
quorum_figure_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumFigure *self = QUORUM_FIGURE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_string (value, quorum_figure_get_document (self)); break;
    case PROP_YEAR: g_value_set_string (value, quorum_figure_get_year (self)); break;
    case PROP_ROW_LABEL: g_value_set_string (value, quorum_figure_get_row_label (self)); break;
    case PROP_COLUMN_LABEL:
      g_value_set_string (value, quorum_figure_get_column_label (self));
      break;
    case PROP_AMOUNT: g_value_set_int64 (value, self->value.amount); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_figure_class_init (QuorumFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = quorum_figure_dispose;
  object_class->get_property = quorum_figure_get_property;

  properties[PROP_DOCUMENT] = g_param_spec_string ("document", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_string ("year", NULL, NULL, NULL, flags);
  properties[PROP_ROW_LABEL] = g_param_spec_string ("row-label", NULL, NULL, NULL, flags);
  properties[PROP_COLUMN_LABEL] =
    g_param_spec_string ("column-label", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_figure_init (QuorumFigure *self)
{
}

static QuorumFigure *
figure_new (QuorumBudgetDocument *document,
            QuorumTable          *table,
            QuorumRow            *row,
            QuorumColumn         *column,
            const QuorumValue    *value,
            gboolean              computed)
{
  QuorumFigure *self = g_object_new (QUORUM_TYPE_FIGURE, NULL);

  self->document = g_object_ref (document);
  self->table = g_object_ref (table);
  self->row = g_object_ref (row);
  self->column = g_object_ref (column);
  self->value = *value;
  self->computed = computed;
  self->has_rate = quorum_row_get_rate (row, &self->rate);
  return self;
}

/* The document's rate per meeting: the factor of a cross-check that ties a
 * line to a meetings table (the meeting-room line at £1,000 a meeting). */
static gboolean
meeting_rate (QuorumBudgetDocument *document,
              gint64               *rate)
{
  for (guint i = 0; document->cross_checks != NULL && i < document->cross_checks->len; i++)
    {
      QuorumCrossCheck *check = g_ptr_array_index (document->cross_checks, i);

      if (check->right_table != NULL &&
          g_strcmp0 (quorum_table_get_role (check->right_table), "meetings") == 0 &&
          check->factor > 0)
        {
          *rate = check->factor;
          return TRUE;
        }
    }
  return FALSE;
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

static void
collect_table (QuorumBudgetDocument *document,
               QuorumTable          *table,
               GListStore           *out,
               const char           *committee_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *columns = quorum_table_get_columns (table);
  guint n_columns = g_list_model_get_n_items (columns);
  gint64 rate = 0;
  gboolean has_meeting_rate = g_strcmp0 (quorum_table_get_role (table), "meetings") == 0 &&
                              meeting_rate (document, &rate);

  collect_rows (quorum_table_get_rows (table), rows);
  if (quorum_table_get_total (table) != NULL)
    g_ptr_array_add (rows, g_object_ref (quorum_table_get_total (table)));

  for (guint r = 0; r < rows->len; r++)
    {
      QuorumRow *row = g_ptr_array_index (rows, r);

      if (committee_id != NULL)
        {
          const char * const *committees = quorum_row_get_committees (row);

          if (g_strcmp0 (quorum_row_get_committee (row), committee_id) != 0 &&
              (committees == NULL || !g_strv_contains (committees, committee_id)))
            continue;
        }
      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
          const QuorumValue *stated = quorum_row_get_stated (row, c);
          const QuorumValue *effective = quorum_row_get_effective (row, c);
          QuorumFigure *figure;

          if (effective == NULL || effective->kind == QUORUM_VALUE_ABSENT)
            continue;
          figure = figure_new (document, table, row, column, effective,
                               stated == NULL || stated->kind == QUORUM_VALUE_ABSENT);
          if (!figure->has_rate && has_meeting_rate)
            {
              figure->has_rate = TRUE;
              figure->rate = rate;
            }
          g_list_store_append (out, figure);
          g_object_unref (figure);
        }
    }
}

/* The figures of every table of @role (or all) of every document, of
 * rows about @committee_id (or all). */
static GListModel *
collect_documents (GListModel *documents,
                   const char *role,
                   const char *committee_id)
{
  GListStore *out = g_list_store_new (QUORUM_TYPE_FIGURE);

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, d);
      GListModel *tables = quorum_budget_document_get_tables (document);

      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(QuorumTable) table = g_list_model_get_item (tables, t);

          if (role == NULL || g_strcmp0 (quorum_table_get_role (table), role) == 0)
            collect_table (document, table, out, committee_id);
        }
    }
  return G_LIST_MODEL (out);
}

/**
 * quorum_figures_collect:
 * @documents: a list of #QuorumBudgetDocument
 * @role: (nullable): only tables of this role (`meetings`, …), or all
 *
 * Returns: (transfer full): every figure (stated, computed or N/A) of those
 *   tables, a list of #QuorumFigure in document, table, row and column
 *   order
 */
GListModel *
quorum_figures_collect (GListModel *documents,
                        const char *role)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (documents), NULL);

  return collect_documents (documents, role, NULL);
}

/**
 * quorum_figures_for_committee:
 *
 * Returns: (transfer full): every figure of a row about the committee
 *   (its `committee`, or one of its `committees`), in every table of every
 *   document: its costs by component, its staff by grade, its meetings
 */
GListModel *
quorum_figures_for_committee (GListModel *documents,
                              const char *committee_id)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (documents), NULL);
  g_return_val_if_fail (committee_id != NULL, NULL);

  return collect_documents (documents, NULL, committee_id);
}

static int
compare_effective (gconstpointer a,
                   gconstpointer b)
{
  QuorumBudgetDocument *da = *(QuorumBudgetDocument **) a;
  QuorumBudgetDocument *db = *(QuorumBudgetDocument **) b;
  int order = g_strcmp0 (quorum_budget_document_get_effective (da),
                         quorum_budget_document_get_effective (db));

  return order != 0 ? order : g_strcmp0 (quorum_budget_document_get_id (da),
                                         quorum_budget_document_get_id (db));
}

/**
 * quorum_figures_headline:
 *
 * The headline total of every document for every year it states: the
 * total row of its first `budget` table that has one, in each column with
 * a year (variance columns left out). Documents come oldest first (by
 * their effective date), so a year's figures read as it moved from one
 * document to the next: estimated in one, approved or out-turn in a later
 * one.
 *
 * Returns: (transfer full): a list of #QuorumFigure
 */
GListModel *
quorum_figures_headline (GListModel *documents)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *out;

  g_return_val_if_fail (G_IS_LIST_MODEL (documents), NULL);

  out = g_list_store_new (QUORUM_TYPE_FIGURE);
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    g_ptr_array_add (sorted, g_list_model_get_item (documents, d));
  g_ptr_array_sort (sorted, compare_effective);

  for (guint d = 0; d < sorted->len; d++)
    {
      QuorumBudgetDocument *document = g_ptr_array_index (sorted, d);
      GListModel *tables = quorum_budget_document_get_tables (document);

      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(QuorumTable) table = g_list_model_get_item (tables, t);
          QuorumRow *total = quorum_table_get_total (table);
          GListModel *columns = quorum_table_get_columns (table);

          if (g_strcmp0 (quorum_table_get_role (table), "budget") != 0 || total == NULL)
            continue;
          for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
            {
              g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
              const QuorumValue *effective = quorum_row_get_effective (total, c);
              const QuorumValue *stated = quorum_row_get_stated (total, c);
              QuorumFigure *figure;

              if (quorum_column_get_year (column) == NULL ||
                  quorum_column_get_formula (column) == QUORUM_FORMULA_DIFFERENCE ||
                  !quorum_value_is_amount (effective))
                continue;
              figure = figure_new (document, table, total, column, effective,
                                   stated == NULL || stated->kind == QUORUM_VALUE_ABSENT);
              g_list_store_append (out, figure);
              g_object_unref (figure);
            }
          break;
        }
    }
  return G_LIST_MODEL (out);
}

/**
 * quorum_amount_change:
 * @difference: (out) (optional): @to − @from
 * @percent_hundredths: (out) (optional): the change as a percentage of
 *   @from, in hundredths of a percent, rounded half away from zero
 *
 * Returns: %FALSE when @from is 0 (no percentage; @difference is still set)
 */
gboolean
quorum_amount_change (gint64  from,
                      gint64  to,
                      gint64 *difference,
                      gint64 *percent_hundredths)
{
  /* Amounts are below 10^15 in magnitude: the difference cannot overflow. */
  gint64 diff = to - from;
  gint64 percent;

  if (difference != NULL)
    *difference = diff;
  if (!quorum_amount_ratio_percent (diff, from < 0 ? -from : from, &percent))
    return FALSE;
  if (percent_hundredths != NULL)
    *percent_hundredths = percent;
  return TRUE;
}

#define STRING_GETTER(name, expression) \
  const char * \
  quorum_figure_get_##name (QuorumFigure *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_FIGURE (self), NULL); \
    return expression; \
  }

STRING_GETTER (document, quorum_budget_document_get_id (self->document))
STRING_GETTER (document_title, quorum_budget_document_get_title (self->document))
STRING_GETTER (effective, quorum_budget_document_get_effective (self->document))
STRING_GETTER (table, quorum_table_get_id (self->table))
STRING_GETTER (table_title, quorum_table_get_title (self->table))
STRING_GETTER (role, quorum_table_get_role (self->table))
STRING_GETTER (unit, quorum_table_get_unit (self->table))
STRING_GETTER (row, quorum_row_get_id (self->row))
STRING_GETTER (row_label, quorum_row_get_label (self->row))
STRING_GETTER (column, quorum_column_get_id (self->column))
STRING_GETTER (column_label, quorum_column_get_label (self->column))
STRING_GETTER (year, quorum_column_get_year (self->column))
STRING_GETTER (phase, quorum_column_get_phase (self->column))
STRING_GETTER (component, quorum_column_get_component (self->column) != NULL
                            ? quorum_column_get_component (self->column)
                            : quorum_row_get_component (self->row))
STRING_GETTER (grade, quorum_column_get_grade (self->column) != NULL
                        ? quorum_column_get_grade (self->column)
                        : NULL)
STRING_GETTER (committee, quorum_row_get_committee (self->row))
STRING_GETTER (service_area, quorum_row_get_service_area (self->row))

const char * const *
quorum_figure_get_committees (QuorumFigure *self)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE (self), NULL);
  return quorum_row_get_committees (self->row);
}

/**
 * quorum_figure_get_amount:
 *
 * Returns: the figure in hundredths of its unit; 0 for N/A
 */
gint64
quorum_figure_get_amount (QuorumFigure *self)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE (self), 0);
  return self->value.kind == QUORUM_VALUE_AMOUNT ? self->value.amount : 0;
}

gboolean
quorum_figure_get_is_na (QuorumFigure *self)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE (self), FALSE);
  return self->value.kind == QUORUM_VALUE_NA;
}

/**
 * quorum_figure_get_is_computed:
 *
 * Returns: %TRUE when the document does not state the figure and it was
 *   computed (a group's sum, a percentage, a sum column)
 */
gboolean
quorum_figure_get_is_computed (QuorumFigure *self)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE (self), FALSE);
  return self->computed;
}

/**
 * quorum_figure_get_rate:
 * @rate: (out) (optional): the rate per unit, in hundredths of a pound
 *
 * Returns: %TRUE if the row states a rate, or the figure is a meeting
 *   count in a document that states a rate per meeting
 */
gboolean
quorum_figure_get_rate (QuorumFigure *self,
                        gint64       *rate)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE (self), FALSE);

  if (self->has_rate && rate != NULL)
    *rate = self->rate;
  return self->has_rate;
}

/**
 * quorum_figure_get_cost_at_rate:
 * @cost: (out) (optional): the figure times its rate, in pence
 *
 * Returns: %TRUE if there is a rate and the product is in range
 */
gboolean
quorum_figure_get_cost_at_rate (QuorumFigure *self,
                                gint64       *cost)
{
  gint64 product;

  g_return_val_if_fail (QUORUM_IS_FIGURE (self), FALSE);

  if (!self->has_rate || self->value.kind != QUORUM_VALUE_AMOUNT ||
      !quorum_amount_mul_hundredths (self->rate, self->value.amount, &product))
    return FALSE;
  if (cost != NULL)
    *cost = product;
  return TRUE;
}

/**
 * quorum_figure_is_about_committee:
 *
 * Returns: %TRUE if the figure's row names the committee
 */
gboolean
quorum_figure_is_about_committee (QuorumFigure *self,
                                  const char   *committee_id)
{
  const char * const *committees;

  g_return_val_if_fail (QUORUM_IS_FIGURE (self), FALSE);

  committees = quorum_row_get_committees (self->row);
  return g_strcmp0 (quorum_row_get_committee (self->row), committee_id) == 0 ||
         (committees != NULL && committee_id != NULL &&
          g_strv_contains (committees, committee_id));
}
