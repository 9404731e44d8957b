/* quorum-committee-comparison-view.c: the committees compared, in one table of costs
 *
 * One document's table of costs by committee (a QuorumCommitteeComparison,
 * computed in the core), as a chart of stacked bars by component and as a
 * column view that sorts on the figures. Where the document's total is not
 * the sum of a committee's components, the table marks the total and the
 * chart shows the difference, so that both come to the same total.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-committee-comparison-view.h"
#include "quorum-figure-ui.h"
#include "quorum-ui-util.h"

struct _QuorumCommitteeComparisonView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkDropDown *document_dropdown;
  GtkDropDown *table_dropdown;
  GtkDropDown *sort_dropdown;
  GtkWidget *table_chooser;
  GtkStack *compare_stack;
  GtkLabel *compare_caption;
  QuorumChart *compare_chart;
  GtkColumnView *compare_view;
  GtkColumnViewColumn *label_column;
  GtkLabel *compare_total_label;
  GtkLabel *compare_missing_label;

  /* owned */
  QuorumUiColumnFold *fold;    /* the columns it folds when narrow */
  QuorumStore *store;
  GPtrArray *documents;        /* of QuorumBudgetDocument, as in document_dropdown */
  GPtrArray *tables;           /* of QuorumTable, as in table_dropdown */
  QuorumCommitteeComparison *comparison;
  GtkSortListModel *sorted;
  GtkColumnViewColumn *total_column;
  GArray *sort_options;        /* of SortOption, as in sort_dropdown */
  QuorumBudgetDocument *document; /* the one whose tables are offered */
  QuorumTable *table;          /* the one compared */
  gboolean with_year;          /* the parts are named with their year */
};

/* A way to sort the comparison, for the keyboard: GTK 4.8's column
 * headings take only clicks. */
typedef struct
{
  GtkColumnViewColumn *column; /* NULL: the document's order */
  GtkSortType direction;
} SortOption;

G_DEFINE_FINAL_TYPE (QuorumCommitteeComparisonView, quorum_committee_comparison_view,
                     ADW_TYPE_BIN)

static QuorumBudgetDocument *
chosen_document (QuorumCommitteeComparisonView *self)
{
  guint i = gtk_drop_down_get_selected (self->document_dropdown);

  return self->documents != NULL && i < self->documents->len
         ? g_ptr_array_index (self->documents, i) : NULL;
}

static QuorumTable *
chosen_table (QuorumCommitteeComparisonView *self)
{
  guint i = gtk_drop_down_get_selected (self->table_dropdown);

  return self->tables != NULL && i < self->tables->len ? g_ptr_array_index (self->tables, i)
                                                        : NULL;
}

static const char *
column_name (QuorumColumn *column,
             gboolean      with_year)
{
  const char *component = quorum_figure_ui_component_label (quorum_column_get_component (column));

  return component != NULL && !with_year ? component : quorum_column_get_label (column);
}

/* The position of @line in the comparison, in the document's order. */
static guint
line_position (QuorumCommitteeComparison *comparison,
               QuorumFigureLine          *line)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (comparison));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumFigureLine) other = g_list_model_get_item (G_LIST_MODEL (comparison), i);

      if (other == line)
        return i;
    }
  g_return_val_if_reached (0);
}

/* The chart: each line's parts stacked, and, where the document's total is
 * not their sum, the difference, so that each bar comes to the total the
 * table shows (the committee's page shows the same one). Its bars are in
 * the table's order, whatever it is sorted by. */
static void
fill_chart (QuorumCommitteeComparisonView *self,
            gboolean                       with_year)
{
  QuorumCommitteeComparison *comparison = self->comparison;
  GListModel *sorted = G_LIST_MODEL (self->sorted);
  QuorumTable *table = quorum_committee_comparison_get_table (comparison);
  GListModel *columns = quorum_table_get_columns (table);
  guint n_parts = quorum_committee_comparison_get_n_parts (comparison);
  gboolean differs = quorum_committee_comparison_get_differs (comparison);
  guint n_series = n_parts + (differs ? 1 : 0);
  guint n_lines = g_list_model_get_n_items (G_LIST_MODEL (comparison));
  g_autoptr(GStrvBuilder) categories = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) series = g_strv_builder_new ();
  g_auto(GStrv) category_names = NULL;
  g_auto(GStrv) series_names = NULL;
  g_autofree gint64 *values = g_new (gint64, MAX (n_lines * n_series, 1));

  for (guint r = 0; r < n_lines; r++)
    {
      g_autoptr(QuorumFigureLine) line = g_list_model_get_item (sorted, r);
      gint64 difference;

      if (quorum_committee_comparison_get_difference (comparison, line_position (comparison, line),
                                                      &difference))
        {
          /* TRANSLATORS: a committee whose stated total is not the sum of
           * its parts, e.g. "SSC ≠" */
          g_autofree char *marked = g_strdup_printf (_("%s ≠"),
                                                     quorum_figure_line_get_label (line));

          g_strv_builder_add (categories, marked);
          values[r * n_series + n_parts] = difference;
        }
      else
        {
          g_strv_builder_add (categories, quorum_figure_line_get_label (line));
          if (differs)
            values[r * n_series + n_parts] = QUORUM_CHART_NO_VALUE;
        }
      for (guint p = 0; p < n_parts; p++)
        if (!quorum_figure_line_get_amount (line, quorum_committee_comparison_get_part (comparison,
                                                                                       p),
                                            &values[r * n_series + p]))
          values[r * n_series + p] = QUORUM_CHART_NO_VALUE;
    }
  for (guint p = 0; p < n_parts; p++)
    {
      g_autoptr(QuorumColumn) column =
        g_list_model_get_item (columns, quorum_committee_comparison_get_part (comparison, p));

      g_strv_builder_add (series, column_name (column, with_year));
    }
  if (differs)
    g_strv_builder_add (series, _("Stated total less the parts (≠)"));
  category_names = g_strv_builder_end (categories);
  series_names = g_strv_builder_end (series);
  quorum_chart_set_data (self->compare_chart, (const char * const *) category_names,
                         (const char * const *) series_names, values);
}

static void
fill_chart_titles (QuorumCommitteeComparisonView *self,
                   GPtrArray                     *years,
                   const char                    *unit)
{
  g_autofree char *year_list = NULL;
  g_autofree char *chart_title = NULL;
  g_autofree char *unit_title = NULL;
  g_autofree const char **year_array = (const char **) g_new0 (char *, years->len + 1);

  for (guint y = 0; y < years->len; y++)
    year_array[y] = g_ptr_array_index (years, y);
  year_list = g_strjoinv (", ", (char **) year_array);
  chart_title = years->len > 0
                /* TRANSLATORS: a chart's title, e.g. "Costs by committee, 2020/21" */
                ? g_strdup_printf (_("Costs by committee, %s"), year_list)
                : g_strdup (_("Costs by committee"));
  quorum_chart_set_title (self->compare_chart, chart_title);
  quorum_chart_set_unit (self->compare_chart, unit);
  unit_title = g_strcmp0 (unit, "GBP") == 0 ? g_strdup (_("Cost (£)"))
                                             : g_strdup_printf (_("Cost (%s)"), unit);
  quorum_chart_set_value_title (self->compare_chart, unit_title);
  quorum_chart_set_category_title (self->compare_chart, _("Committee or service area"));
}

/* Narrower than this, the table shows the committees and their totals
 * only: the chart above shows the parts. */
#define NARROW_WIDTH 820

/* Every column but the committees' (the template's). */
static void
remove_figure_columns (QuorumCommitteeComparisonView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->compare_view);

  gtk_column_view_sort_by_column (self->compare_view, NULL, GTK_SORT_ASCENDING);
  while (g_list_model_get_n_items (columns) > 1)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 1);

      gtk_column_view_remove_column (self->compare_view, column);
    }
  self->total_column = NULL;
  quorum_ui_column_fold_set_columns (self->fold, NULL, NULL, NULL);
}

static void
fill_columns (QuorumCommitteeComparisonView *self,
              gboolean                       with_year)
{
  QuorumCommitteeComparison *comparison = self->comparison;
  QuorumTable *table = quorum_committee_comparison_get_table (comparison);
  GListModel *columns = quorum_table_get_columns (table);
  guint n_columns = g_list_model_get_n_items (columns);
  int total_cell = quorum_committee_comparison_get_total_cell (comparison);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  remove_figure_columns (self);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
      GtkColumnViewColumn *view_column =
        quorum_figure_ui_add_cell_column (self->compare_view,
                                          (int) c == total_cell ? _("Total")
                                          : column_name (column, with_year),
                                          c, TRUE);

      if ((int) c == total_cell)
        self->total_column = view_column;
      else
        g_ptr_array_add (parts, view_column);
    }
  if (total_cell >= (int) n_columns)
    self->total_column = quorum_figure_ui_add_cell_column (self->compare_view,
                                                           _("Total"), total_cell, TRUE);
  /* Narrow, the table shows the committees and their totals only. */
  g_ptr_array_add (parts, NULL);
  quorum_ui_column_fold_set_columns (self->fold, NULL,
                                     (GtkColumnViewColumn **) parts->pdata, NULL);
}

static void
fold (GtkWidget *widget,
      int        width)
{
  quorum_ui_column_fold_apply (QUORUM_COMMITTEE_COMPARISON_VIEW (widget)->fold, width);
}

/* The table's own total, as it states it; and the committees no row is
 * about. */
static void
fill_notes (QuorumCommitteeComparisonView *self,
            gboolean                       with_year)
{
  QuorumTable *table = quorum_committee_comparison_get_table (self->comparison);
  GListModel *columns = quorum_table_get_columns (table);
  QuorumRow *total_row = quorum_table_get_total (table);
  int total_cell = quorum_committee_comparison_get_total_cell (self->comparison);
  g_autofree char *missing = quorum_committee_comparison_dup_missing (self->comparison);
  GString *total_text = g_string_new (NULL);

  for (guint c = 0; total_row != NULL && c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
      const QuorumValue *value = quorum_row_get_effective (total_row, c);
      g_autofree char *amount = NULL;

      if (!quorum_value_is_amount (value))
        continue;
      amount = quorum_ui_format_amount (value->amount);
      if (total_text->len > 0)
        /* TRANSLATORS: separates the figures of the table's total row */
        g_string_append (total_text, _(", "));
      /* TRANSLATORS: a column of the table's total row and its figure,
       * e.g. "Core team £4,701,883" */
      g_string_append_printf (total_text, C_("column and figure", "%1$s %2$s"),
                              (int) c == total_cell ? _("Total")
                              : column_name (column, with_year), amount);
    }
  if (total_text->len > 0)
    {
      /* TRANSLATORS: the table's total row, e.g. "The table's total: Core team £4,701,883, …" */
      g_autofree char *text = g_strdup_printf (_("The table’s total: %s."), total_text->str);

      gtk_label_set_label (self->compare_total_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->compare_total_label), total_text->len > 0);
  g_string_free (total_text, TRUE);

  if (missing != NULL)
    {
      /* TRANSLATORS: the committees a table has no row for, e.g.
       * "No row of this table is about PFCG, CSC, TBEC." */
      g_autofree char *text = g_strdup_printf (_("No row of this table is about %s."), missing);

      gtk_label_set_label (self->compare_missing_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->compare_missing_label), missing != NULL);
}

static void
fill_comparison_figures (QuorumCommitteeComparisonView *self,
                         QuorumTable                   *table)
{
  QuorumBudgetDocument *document = chosen_document (self);
  GListModel *columns = quorum_table_get_columns (table);
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  GString *caption = g_string_new (NULL);

  g_clear_object (&self->comparison);
  self->comparison = quorum_committee_comparison_new (document, table,
                                                      quorum_store_get_committees (self->store));
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
      const char *year = quorum_column_get_year (column);

      if (year != NULL && !g_ptr_array_find_with_equal_func (years, year, g_str_equal, NULL))
        g_ptr_array_add (years, (gpointer) year);
    }
  fill_columns (self, years->len > 1);
  self->with_year = years->len > 1;
  gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (self->comparison));
  fill_chart (self, years->len > 1);
  fill_chart_titles (self, years, quorum_table_get_unit (table));
  fill_notes (self, years->len > 1);

  if (quorum_committee_comparison_get_differs (self->comparison))
    /* TRANSLATORS: what the comparison shows: a table (the first %s) of a
     * document (the second), e.g. "Table 3: Total costs…, in SEC Panel
     * Budget 2020–2023. Each bar…" */
    g_string_append_printf (caption, _("%s, in %s. Each bar adds up a committee’s components; "
                                       "where the document’s own total is not their sum, the "
                                       "table and the chart mark it with ≠."),
                            quorum_table_get_title (table),
                            quorum_budget_document_get_title (document));
  else
    /* TRANSLATORS: what the comparison shows: a table (the first %s) of a
     * document (the second), e.g. "Table 3: Total costs…, in SEC Panel
     * Budget 2020–2023." */
    g_string_append_printf (caption, _("%s, in %s."), quorum_table_get_title (table),
                            quorum_budget_document_get_title (document));
  gtk_label_set_label (self->compare_caption, caption->str);
  g_string_free (caption, TRUE);
}

/* The sort options: the document's order, the committees by name, and
 * each column of figures both ways. */
static void
refill_sort_options (QuorumCommitteeComparisonView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->compare_view);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  SortOption option = { NULL, GTK_SORT_ASCENDING };

  g_array_set_size (self->sort_options, 0);
  gtk_string_list_append (names, _("Order of the document"));
  g_array_append_val (self->sort_options, option);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      option.column = column;
      if (i == 0)
        {
          /* TRANSLATORS: a way to sort, by a column of names, e.g. "Committee, A to Z" */
          first = g_strdup_printf (_("%s, A to Z"), title);
          second = g_strdup_printf (_("%s, Z to A"), title);
        }
      else
        {
          /* TRANSLATORS: a way to sort, by a column of figures, e.g. "Total, largest first" */
          first = g_strdup_printf (_("%s, largest first"), title);
          second = g_strdup_printf (_("%s, smallest first"), title);
        }
      option.direction = i == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING;
      gtk_string_list_append (names, first);
      g_array_append_val (self->sort_options, option);
      option.direction = i == 0 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;
      gtk_string_list_append (names, second);
      g_array_append_val (self->sort_options, option);
    }
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->sort_dropdown, 0);
}

static gboolean sorted_as (QuorumCommitteeComparisonView *self,
                           SortOption                    *option);

static void
sort_chosen_cb (QuorumCommitteeComparisonView *self)
{
  guint i = gtk_drop_down_get_selected (self->sort_dropdown);
  SortOption *option;

  if (i >= self->sort_options->len)
    return;
  option = &g_array_index (self->sort_options, SortOption, i);
  /* Already in that order, as when the drop-down follows a heading. */
  if (sorted_as (self, option))
    return;
  gtk_column_view_sort_by_column (self->compare_view, option->column, option->direction);
}

/* Whether the comparison is in @option's order. GTK 4.8 cannot say which
 * heading sorts the column view; both sorts are stable, so the orders are
 * the same when the sort is. */
static gboolean
sorted_as (QuorumCommitteeComparisonView *self,
           SortOption           *option)
{
  GListModel *shown = G_LIST_MODEL (self->sorted);
  GListModel *lines = G_LIST_MODEL (self->comparison);
  guint n = lines != NULL ? g_list_model_get_n_items (lines) : 0;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  GtkSorter *sorter = option->column != NULL ? gtk_column_view_column_get_sorter (option->column)
                                             : NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_list_model_get_item (lines, i));
  /* An insertion sort: stable, and there are a few dozen lines at most. */
  for (guint i = 1; sorter != NULL && i < n; i++)
    for (guint j = i; j > 0; j--)
      {
        GtkOrdering ordering = gtk_sorter_compare (sorter, order->pdata[j - 1], order->pdata[j]);

        if (option->direction == GTK_SORT_DESCENDING)
          ordering = -ordering;
        if (ordering != GTK_ORDERING_LARGER)
          break;
        {
          gpointer swap = order->pdata[j - 1];

          order->pdata[j - 1] = order->pdata[j];
          order->pdata[j] = swap;
        }
      }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);

      if (item != order->pdata[i])
        return FALSE;
    }
  return TRUE;
}

/* A heading sorted the comparison: the drop-down follows, unless what it
 * says is still the order shown. */
static void
sorter_changed_cb (QuorumCommitteeComparisonView *self)
{
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);

  if (self->sort_options == NULL ||
      (selected < self->sort_options->len &&
       sorted_as (self, &g_array_index (self->sort_options, SortOption, selected))))
    return;
  selected = GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < self->sort_options->len && selected == GTK_INVALID_LIST_POSITION; i++)
    if (sorted_as (self, &g_array_index (self->sort_options, SortOption, i)))
      selected = i;
  gtk_drop_down_set_selected (self->sort_dropdown, selected);
}

/* The table was sorted again: the chart's bars follow. */
static void
sorted_changed_cb (QuorumCommitteeComparisonView *self)
{
  if (self->comparison != NULL &&
      gtk_sort_list_model_get_model (self->sorted) == G_LIST_MODEL (self->comparison))
    fill_chart (self, self->with_year);
}

static void
fill_comparison (QuorumCommitteeComparisonView *self)
{
  QuorumTable *table = chosen_table (self);

  if (table == NULL)
    {
      gtk_sort_list_model_set_model (self->sorted, NULL);
      g_clear_object (&self->comparison);
      remove_figure_columns (self);
      refill_sort_options (self);
      quorum_chart_clear (self->compare_chart);
      gtk_stack_set_visible_child_name (self->compare_stack, "empty");
      return;
    }
  fill_comparison_figures (self, table);
  refill_sort_options (self);
  gtk_stack_set_visible_child_name (self->compare_stack, "table");
}

static void
refill_tables (QuorumCommitteeComparisonView *self)
{
  QuorumBudgetDocument *document = chosen_document (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->tables, g_ptr_array_unref);
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  if (document != NULL)
    {
      GListModel *tables = quorum_budget_document_get_tables (document);

      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(QuorumTable) table = g_list_model_get_item (tables, t);

          if (g_strcmp0 (quorum_table_get_role (table), "committee-costs") != 0)
            continue;
          g_ptr_array_add (self->tables, g_object_ref (table));
          gtk_string_list_append (names, quorum_table_get_title (table));
        }
    }
  gtk_drop_down_set_model (self->table_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->table_dropdown, 0);
  gtk_widget_set_visible (self->table_chooser, self->tables->len > 1);
}

/* The table chosen is compared; comparing it again is nothing. */
static void
table_changed_cb (QuorumCommitteeComparisonView *self)
{
  QuorumTable *table = chosen_table (self);

  if (table != NULL && table == self->table)
    return;
  g_set_object (&self->table, table);
  fill_comparison (self);
}

/* The document chosen offers its tables; offering them again is nothing.
 * Its state is held before a drop-down changes, so a notification always
 * finds what is selected. */
static void
document_changed_cb (QuorumCommitteeComparisonView *self)
{
  if (!g_set_object (&self->document, chosen_document (self)))
    return;
  refill_tables (self);
  table_changed_cb (self);
}

static void
refill_documents (QuorumCommitteeComparisonView *self)
{
  QuorumBudgetDocument *was = chosen_document (self);
  g_autofree char *keep_id = was != NULL ? g_strdup (quorum_budget_document_get_id (was)) : NULL;

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  self->documents = self->store != NULL
    ? quorum_figure_ui_documents_with (quorum_store_get_documents (self->store),
                                       "committee-costs")
    : g_ptr_array_new_with_free_func (g_object_unref);
  quorum_figure_ui_show_documents (self->document_dropdown, self->documents, keep_id);
  document_changed_cb (self);
}

static void
quorum_committee_comparison_view_dispose (GObject *object)
{
  QuorumCommitteeComparisonView *self = (QuorumCommitteeComparisonView *) object;

  if (self->compare_view != NULL)
    gtk_column_view_set_model (self->compare_view, NULL);
  g_clear_object (&self->sorted);
  g_clear_object (&self->comparison);
  g_clear_object (&self->store);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->table);
  g_clear_pointer (&self->sort_options, g_array_unref);

  /* The bin's child is a template child: unparented here, or GTK 4.8's
   * gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_COMMITTEE_COMPARISON_VIEW);

  g_clear_pointer (&self->fold, quorum_ui_column_fold_free);
  G_OBJECT_CLASS (quorum_committee_comparison_view_parent_class)->dispose (object);
}

static void
quorum_committee_comparison_view_class_init (QuorumCommitteeComparisonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_committee_comparison_view_dispose;
  /* It lays its child out itself, to know its width. */
  quorum_ui_bin_class_fold_on_width (widget_class, fold);

  g_type_ensure (QUORUM_TYPE_CHART);
  g_type_ensure (QUORUM_TYPE_FIGURE_LINE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-committee-comparison-view.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteeComparisonView, name)
  BIND (document_dropdown);
  BIND (table_dropdown);
  BIND (sort_dropdown);
  BIND (table_chooser);
  BIND (compare_stack);
  BIND (compare_caption);
  BIND (compare_chart);
  BIND (compare_view);
  BIND (label_column);
  BIND (compare_total_label);
  BIND (compare_missing_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, document_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_chosen_cb);
}

static void
quorum_committee_comparison_view_init (QuorumCommitteeComparisonView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  self->fold = quorum_ui_column_fold_new (0, NARROW_WIDTH);
  quorum_figure_ui_setup_drop_down (self->document_dropdown);
  quorum_figure_ui_setup_drop_down (self->table_dropdown);
  quorum_figure_ui_setup_drop_down (self->sort_dropdown);
  self->sort_options = g_array_new (FALSE, FALSE, sizeof (SortOption));
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (
                                                                self->compare_view)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->compare_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (gtk_column_view_get_sorter (self->compare_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (sorted_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * quorum_committee_comparison_view_reload:
 * @store: (nullable): the store whose documents to compare the committees in
 *
 * Refills the choice of documents (keeping the one chosen) and the
 * comparison.
 */
void
quorum_committee_comparison_view_reload (QuorumCommitteeComparisonView *self,
                                         QuorumStore                   *store)
{
  g_return_if_fail (QUORUM_IS_COMMITTEE_COMPARISON_VIEW (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  g_set_object (&self->store, store);
  refill_documents (self);
}

/**
 * quorum_committee_comparison_view_choose:
 * @document_id: (nullable): the document to compare the committees in, or
 *   %NULL for the one chosen
 * @table_id: (nullable): its table of costs by committee, or %NULL for the
 *   first
 *
 * Returns: %FALSE if there is no such document or table
 */
gboolean
quorum_committee_comparison_view_choose (QuorumCommitteeComparisonView *self,
                                         const char                    *document_id,
                                         const char                    *table_id)
{
  gboolean found = TRUE;

  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON_VIEW (self), FALSE);

  if (document_id != NULL)
    {
      found = FALSE;
      for (guint d = 0; self->documents != NULL && d < self->documents->len && !found; d++)
        if (g_str_equal (quorum_budget_document_get_id (g_ptr_array_index (self->documents, d)),
                         document_id))
          {
            gtk_drop_down_set_selected (self->document_dropdown, d);
            found = TRUE;
          }
    }
  if (found && table_id != NULL)
    {
      found = FALSE;
      for (guint t = 0; self->tables != NULL && t < self->tables->len && !found; t++)
        if (g_str_equal (quorum_table_get_id (g_ptr_array_index (self->tables, t)), table_id))
          {
            gtk_drop_down_set_selected (self->table_dropdown, t);
            found = TRUE;
          }
    }
  return found;
}

/**
 * quorum_committee_comparison_view_get_lines:
 *
 * Returns: (transfer none): the comparison's lines in the order shown, a
 *   model of #QuorumFigureLine
 */
GListModel *
quorum_committee_comparison_view_get_lines (QuorumCommitteeComparisonView *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

/**
 * quorum_committee_comparison_view_get_chart:
 *
 * Returns: (transfer none): the comparison's chart
 */
QuorumChart *
quorum_committee_comparison_view_get_chart (QuorumCommitteeComparisonView *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEE_COMPARISON_VIEW (self), NULL);
  return self->compare_chart;
}
