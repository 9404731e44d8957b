/* quorum-forecast-view.c: each document's meeting forecasts, by committee and year
 *
 * For the document picked, each table of role `meetings`: a chart of the
 * meetings each committee holds a year, and the table itself, a row per
 * committee and a column per year, with its total and, where the document
 * gives a rate per meeting, what the meetings cost at it: the core's
 * QuorumMeetingForecast, shown as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-figure-ui.h"
#include "quorum-forecast-view.h"
#include "quorum-ui-util.h"

typedef struct
{
  char *table_id;
  QuorumMeetingForecast *lines; /* a list of QuorumFigureLine */
  QuorumChart *chart;          /* owned by tables_box */
} Shown;

struct _QuorumForecastView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkDropDown *document_dropdown;
  GtkScrolledWindow *scroller;
  GtkWidget *tables_box;

  /* owned */
  QuorumStore *store;
  GPtrArray *documents;        /* of QuorumBudgetDocument, as in document_dropdown */
  GPtrArray *shown;            /* of Shown, one per table shown */
  guint rebuild_id;
  QuorumBudgetDocument *document; /* the one whose tables are shown */
};

G_DEFINE_FINAL_TYPE (QuorumForecastView, quorum_forecast_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
shown_free (Shown *shown)
{
  g_free (shown->table_id);
  g_object_unref (shown->lines);
  g_free (shown);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* What the figures are, and the rate the document costs them at. */
static char *
caption_text (QuorumMeetingForecast *forecast)
{
  gint64 rate = 0;
  gboolean has_rate = quorum_meeting_forecast_get_rate (forecast, &rate);

  if (has_rate && quorum_meeting_forecast_get_same_rate (forecast))
    {
      g_autofree char *rate_amount = quorum_ui_format_amount (rate);

      /* TRANSLATORS: %s is the rate a document costs its meeting rooms at */
      return g_strdup_printf (_("Meetings a year by committee, as the document forecasts them. "
                                "The document costs its meeting rooms at %s a meeting."),
                              rate_amount);
    }
  if (has_rate)
    return g_strdup (_("Meetings a year by committee, as the document forecasts them. The "
                       "document gives some rows a rate per meeting."));
  return g_strdup (_("Meetings a year by committee, as the document forecasts them. The "
                     "document states no rate per meeting."));
}

/* The rows that cover several committees, or NULL. */
static char *
shared_text (QuorumMeetingForecast *forecast)
{
  GString *shared = g_string_new (NULL);

  for (guint i = 0; i < quorum_meeting_forecast_get_n_rows (forecast); i++)
    {
      g_autoptr(QuorumFigureLine) line = g_list_model_get_item (G_LIST_MODEL (forecast), i);
      const char *detail = quorum_figure_line_get_detail (line);

      if (detail != NULL && strchr (detail, ',') != NULL)
        {
          /* TRANSLATORS: a row of a meeting forecast that covers several
           * committees, e.g. "“Panel/Board and PFCG” covers SEC Panel, SECCo
           * Board, PFCG"; the rows are listed with "; " between them */
          g_autofree char *row = g_strdup_printf (_("“%s” covers %s"),
                                                  quorum_figure_line_get_label (line), detail);

          g_string_append_printf (shared, "%s%s", shared->len > 0 ? "; " : "", row);
        }
    }
  if (shared->len == 0)
    {
      g_string_free (shared, TRUE);
      return NULL;
    }
  {
    g_autofree char *rows = g_string_free (shared, FALSE);

    /* TRANSLATORS: %s is the list of rows that cover several committees,
     * e.g. "“Panel/Board and PFCG” covers SEC Panel, SECCo Board, PFCG" */
    return g_strdup_printf (_("%s: each such row counts once here, and in full on the page of "
                              "each committee it lists."), rows);
  }
}

/* The chart: a bar per year for each row. */
static GtkWidget *
forecast_chart_new (QuorumMeetingForecast *forecast)
{
  GListModel *columns = quorum_table_get_columns (quorum_meeting_forecast_get_table (forecast));
  guint n_columns = g_list_model_get_n_items (columns);
  guint n_rows = quorum_meeting_forecast_get_n_rows (forecast);
  GtkWidget *chart = quorum_chart_new ();
  g_autoptr(GStrvBuilder) categories = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) series = g_strv_builder_new ();
  g_auto(GStrv) category_names = NULL;
  g_auto(GStrv) series_names = NULL;
  g_autofree gint64 *values = g_new (gint64, MAX (n_rows * n_columns, 1));

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(QuorumFigureLine) line = g_list_model_get_item (G_LIST_MODEL (forecast), r);

      g_strv_builder_add (categories, quorum_figure_line_get_label (line));
      for (guint c = 0; c < n_columns; c++)
        if (!quorum_figure_line_get_amount (line, c, &values[r * n_columns + c]))
          values[r * n_columns + c] = QUORUM_CHART_NO_VALUE;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
      g_autofree char *title = quorum_figure_ui_column_title (column);

      g_strv_builder_add (series, title);
    }
  category_names = g_strv_builder_end (categories);
  series_names = g_strv_builder_end (series);
  quorum_chart_set_stacked (QUORUM_CHART (chart), FALSE);
  quorum_chart_set_unit (QUORUM_CHART (chart), "count");
  quorum_chart_set_title (QUORUM_CHART (chart), _("Meetings by committee and year"));
  quorum_chart_set_value_title (QUORUM_CHART (chart), _("Meetings a year"));
  quorum_chart_set_category_title (QUORUM_CHART (chart), _("Committee"));
  quorum_chart_set_data (QUORUM_CHART (chart), (const char * const *) category_names,
                         (const char * const *) series_names, values);
  gtk_widget_set_name (chart, "meetings-chart");
  gtk_widget_add_css_class (chart, "card");
  return chart;
}

/* The table: a row per committee, a column per year, the total and the
 * cost. */
static GtkWidget *
forecast_table_new (QuorumMeetingForecast *forecast)
{
  QuorumTable *table = quorum_meeting_forecast_get_table (forecast);
  GListModel *columns = quorum_table_get_columns (table);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *column_view = gtk_column_view_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  quorum_figure_ui_add_label_column (GTK_COLUMN_VIEW (column_view), _("Committee"), FALSE);
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);
      g_autofree char *title = quorum_figure_ui_column_title (column);

      quorum_figure_ui_add_cell_column (GTK_COLUMN_VIEW (column_view), title, c, FALSE);
    }
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (forecast)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (column_view), GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_reorderable (GTK_COLUMN_VIEW (column_view), FALSE);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (column_view), TRUE);
  gtk_widget_set_name (column_view, "meetings-list");
  gtk_widget_add_css_class (column_view, "data-table");
  gtk_widget_add_css_class (column_view, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  quorum_table_get_title (table), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), column_view);
  return scrolled;
}

static void
add_table (QuorumForecastView    *self,
           QuorumMeetingForecast *forecast)
{
  QuorumTable *table = quorum_meeting_forecast_get_table (forecast);
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *caption = caption_text (forecast);
  g_autofree char *shared = shared_text (forecast);
  Shown *shown = g_new0 (Shown, 1);

  shown->table_id = g_strdup (quorum_table_get_id (table));
  shown->lines = g_object_ref (forecast);
  shown->chart = QUORUM_CHART (forecast_chart_new (forecast));
  g_ptr_array_add (self->shown, shown);

  gtk_box_append (GTK_BOX (section), wrapped_label (quorum_table_get_title (table), "title-3"));
  gtk_box_append (GTK_BOX (section), wrapped_label (caption, "dim-label"));
  gtk_box_append (GTK_BOX (section), forecast_table_new (forecast));
  if (shared != NULL)
    gtk_box_append (GTK_BOX (section), wrapped_label (shared, "dim-label"));
  /* The chart after the table: the figures first, then their picture. */
  gtk_box_append (GTK_BOX (section), GTK_WIDGET (shown->chart));
  gtk_box_append (GTK_BOX (self->tables_box), section);
}

static QuorumBudgetDocument *
chosen_document (QuorumForecastView *self)
{
  guint i = gtk_drop_down_get_selected (self->document_dropdown);

  return self->documents != NULL && i < self->documents->len
         ? g_ptr_array_index (self->documents, i) : NULL;
}

static void
fill_tables (QuorumForecastView *self)
{
  QuorumBudgetDocument *document = chosen_document (self);
  g_autoptr(GListModel) forecasts = NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  /* The drop-down says which document to show; showing it again is nothing. */
  if (!g_set_object (&self->document, document))
    return;

  g_ptr_array_set_size (self->shown, 0);
  quorum_figure_ui_remove_children (self->tables_box);
  if (document == NULL)
    return;

  forecasts = quorum_meeting_forecasts_new (document, quorum_store_get_committees (self->store));
  for (guint t = 0; t < g_list_model_get_n_items (forecasts); t++)
    {
      g_autoptr(QuorumMeetingForecast) forecast = g_list_model_get_item (forecasts, t);

      add_table (self, forecast);
    }
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
document_changed_cb (QuorumForecastView *self)
{
  fill_tables (self);
}

static void
rebuild (QuorumForecastView *self)
{
  g_autofree char *keep_id = self->document != NULL
                            ? g_strdup (quorum_budget_document_get_id (self->document)) : NULL;

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  self->documents = self->store != NULL
    ? quorum_figure_ui_documents_with (quorum_store_get_documents (self->store), "meetings")
    : g_ptr_array_new_with_free_func (g_object_unref);
  quorum_figure_ui_show_documents (self->document_dropdown, self->documents, keep_id);

  gtk_stack_set_visible_child_name (self->stack, self->documents->len > 0 ? "meetings"
                                                                          : "empty");
  fill_tables (self);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  QuorumForecastView *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (QuorumForecastView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
disconnect_store (QuorumForecastView *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (quorum_store_get_documents (self->store), self);
}

static void
quorum_forecast_view_dispose (GObject *object)
{
  QuorumForecastView *self = (QuorumForecastView *) object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  disconnect_store (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  /* The bin's child is a template child: unparented here, or GTK 4.8's
   * gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_FORECAST_VIEW);

  G_OBJECT_CLASS (quorum_forecast_view_parent_class)->dispose (object);
}

static void
quorum_forecast_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumForecastView *self = QUORUM_FORECAST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_forecast_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QuorumForecastView *self = QUORUM_FORECAST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: quorum_forecast_view_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_forecast_view_class_init (QuorumForecastViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_forecast_view_dispose;
  object_class->get_property = quorum_forecast_view_get_property;
  object_class->set_property = quorum_forecast_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-forecast-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumForecastView, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumForecastView, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumForecastView, scroller);
  gtk_widget_class_bind_template_child (widget_class, QuorumForecastView, tables_box);
  gtk_widget_class_bind_template_callback (widget_class, document_changed_cb);
}

static void
quorum_forecast_view_init (QuorumForecastView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  quorum_figure_ui_setup_drop_down (self->document_dropdown);
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) shown_free);
  rebuild (self);
}

/**
 * quorum_forecast_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown
 */
QuorumStore *
quorum_forecast_view_get_store (QuorumForecastView *self)
{
  g_return_val_if_fail (QUORUM_IS_FORECAST_VIEW (self), NULL);
  return self->store;
}

/**
 * quorum_forecast_view_set_store:
 * @store: (nullable): the store whose meeting forecasts to show
 */
void
quorum_forecast_view_set_store (QuorumForecastView *self,
                                QuorumStore        *store)
{
  g_return_if_fail (QUORUM_IS_FORECAST_VIEW (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (self->store == store)
    return;

  disconnect_store (self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (quorum_store_get_documents (store), "items-changed",
                             G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * quorum_forecast_view_get_document:
 *
 * Returns: (nullable): the id of the document shown
 */
const char *
quorum_forecast_view_get_document (QuorumForecastView *self)
{
  QuorumBudgetDocument *document;

  g_return_val_if_fail (QUORUM_IS_FORECAST_VIEW (self), NULL);

  document = chosen_document (self);
  return document != NULL ? quorum_budget_document_get_id (document) : NULL;
}

/**
 * quorum_forecast_view_set_document:
 * @document_id: a document with a table of meetings
 *
 * Returns: %FALSE if the store has no such document with meetings
 */
gboolean
quorum_forecast_view_set_document (QuorumForecastView *self,
                                   const char         *document_id)
{
  g_return_val_if_fail (QUORUM_IS_FORECAST_VIEW (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  for (guint d = 0; self->documents != NULL && d < self->documents->len; d++)
    if (g_str_equal (quorum_budget_document_get_id (g_ptr_array_index (self->documents, d)),
                     document_id))
      {
        gtk_drop_down_set_selected (self->document_dropdown, d);
        return TRUE;
      }
  return FALSE;
}

/**
 * quorum_forecast_view_get_n_tables:
 *
 * Returns: how many tables of meetings the document shown has
 */
guint
quorum_forecast_view_get_n_tables (QuorumForecastView *self)
{
  g_return_val_if_fail (QUORUM_IS_FORECAST_VIEW (self), 0);
  return self->shown->len;
}

const char *
quorum_forecast_view_get_table_id (QuorumForecastView *self,
                                   guint               table)
{
  g_return_val_if_fail (QUORUM_IS_FORECAST_VIEW (self), NULL);
  g_return_val_if_fail (table < self->shown->len, NULL);
  return ((Shown *) g_ptr_array_index (self->shown, table))->table_id;
}

/**
 * quorum_forecast_view_get_table_lines:
 *
 * Returns: (transfer none): the lines of a table shown, a model of
 *   #QuorumFigureLine with a cell per column: a line per row, then the
 *   total and, where the document gives a rate, the cost at it
 */
GListModel *
quorum_forecast_view_get_table_lines (QuorumForecastView *self,
                                      guint               table)
{
  g_return_val_if_fail (QUORUM_IS_FORECAST_VIEW (self), NULL);
  g_return_val_if_fail (table < self->shown->len, NULL);
  return G_LIST_MODEL (((Shown *) g_ptr_array_index (self->shown, table))->lines);
}

/**
 * quorum_forecast_view_get_table_chart:
 *
 * Returns: (transfer none): the chart of a table shown
 */
QuorumChart *
quorum_forecast_view_get_table_chart (QuorumForecastView *self,
                                      guint               table)
{
  g_return_val_if_fail (QUORUM_IS_FORECAST_VIEW (self), NULL);
  g_return_val_if_fail (table < self->shown->len, NULL);
  return ((Shown *) g_ptr_array_index (self->shown, table))->chart;
}
