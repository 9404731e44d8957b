/* quorum-pressure-view.c: each budget line's provision against what is committed and spent
 *
 * Lists quorum_pressure_compute()'s lines: for each budget line the work
 * packages draw on, its provision, what the Board has committed, what is
 * spent and projected, and whether the line is over its provision (or, for
 * a project provision, released by an approved brief). The lines are
 * computed again whenever a package's outcome changes or the store loads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-figure-columns.h"
#include "quorum-figure-ui.h"
#include "quorum-pressure-view.h"
#include "quorum-ui-util.h"

typedef enum
{
  MONEY_PROVISION,
  MONEY_COMMITTED,
  MONEY_SPENT,
  MONEY_PROJECTED,
  MONEY_REMAINING,
  N_MONEY
} Money;

struct _QuorumPressureView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkImage *summary_icon;
  GtkLabel *summary_label;
  GtkColumnView *column_view;
  GtkColumnViewColumn *money_columns[N_MONEY];
  GtkColumnViewColumn *year_column;
  GtkColumnViewColumn *approved_column;

  /* owned */
  QuorumUiColumnFold *fold;    /* the columns it folds when narrow */
  QuorumStore *store;
  GListStore *lines;           /* of QuorumPressureLine */
  guint recompute_id;
  guint decimals[N_MONEY];      /* each figure column's precision */
  guint chars[N_MONEY];         /* and its widest figure's length */
  QuorumFigureColumns *money_cells; /* those columns' cells */
};

G_DEFINE_FINAL_TYPE (QuorumPressureView, quorum_pressure_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Narrower than these, the list folds its columns: first the committed
 * estimates and the count of approvals (the spent and projected figures
 * include them; a package's page has them), then all but what remains. */
#define MEDIUM_WIDTH 1000
#define NARROW_WIDTH 600

/* --- cells ---------------------------------------------------------------- */

/* The line's document title, from the store when it has the document. */
static const char *
document_title (QuorumPressureView   *self,
                QuorumPressureLine   *line,
                QuorumBudgetDocument **document)
{
  const char *document_id = quorum_pressure_line_get_document (line);

  *document = NULL;
  if (self->store != NULL && document_id != NULL)
    *document = quorum_store_find_document (self->store, document_id);
  return *document != NULL ? quorum_budget_document_get_title (*document) : document_id;
}

static char *
line_document_cb (GtkListItem        *item,
                  QuorumPressureLine *line,
                  QuorumPressureView *self)
{
  QuorumBudgetDocument *document;

  return line != NULL ? g_strdup (document_title (self, line, &document)) : NULL;
}

/* Where the line is: its document, table and year. */
static char *
line_where_cb (GtkListItem        *item,
               QuorumPressureLine *line,
               QuorumPressureView *self)
{
  QuorumBudgetDocument *document;
  const char *title;
  const char *table_id;
  QuorumTable *table = NULL;

  if (line == NULL)
    return NULL;
  title = document_title (self, line, &document);
  table_id = quorum_pressure_line_get_table (line);
  if (document != NULL)
    table = quorum_budget_document_find_table (document, table_id);
  /* TRANSLATORS: where a budget line is: a document, a table, a year */
  return g_strdup_printf (_("%s · %s · %s"), title,
                          table != NULL ? quorum_table_get_title (table) : table_id,
                          quorum_pressure_line_get_year (line));
}

static GStrv
line_title_classes_cb (GtkListItem *item,
                       gboolean     over,
                       gpointer     data)
{
  return g_strdupv ((char **) (over ? (const char *[]) { "heading", NULL }
                                    : (const char *[]) { NULL }));
}

/* Binds @widget's @property to @callback (@type) over the line's @name
 * (the line itself for NULL), with the view as the callback's data. */
static void
bind_line (GtkListItem        *item,
           GtkWidget          *widget,
           const char         *property,
           const char         *name,
           GType               type,
           GCallback           callback,
           QuorumPressureView *self)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  if (name != NULL)
    expression = gtk_property_expression_new (QUORUM_TYPE_PRESSURE_LINE, expression, name);
  if (callback != NULL)
    expression = gtk_cclosure_expression_new (type, NULL, 1, &expression, callback, self, NULL);
  gtk_expression_bind (expression, widget, property, item);
}

/* The line's label over its document and year, with a warning when over:
 * each widget bound to the item (no bind callback). */
static void
setup_line_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               QuorumPressureView       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *title = quorum_ui_cell_new (0, 26);
  GtkWidget *subtitle = quorum_ui_cell_new (0, 26);

  gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Over provision"), -1);
  /* The column that gives way on narrow windows, cut in the middle, where
   * lines and documents differ ("Smart Homes … Pilot", "SEC Panel … 2023");
   * a tooltip has it all. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (title), 4);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (subtitle), 4);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (subtitle),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
  gtk_widget_set_name (title, "line-cell");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);

  bind_line (item, icon, "visible", "over", G_TYPE_NONE, NULL, self);
  bind_line (item, title, "text", "label", G_TYPE_NONE, NULL, self);
  bind_line (item, title, "css-classes", "over", G_TYPE_STRV,
             G_CALLBACK (line_title_classes_cb), self);
  /* The year has a column of its own; the tooltip has it all. */
  bind_line (item, subtitle, "text", NULL, G_TYPE_STRING, G_CALLBACK (line_document_cb), self);
  bind_line (item, box, "tooltip-text", NULL, G_TYPE_STRING, G_CALLBACK (line_where_cb), self);
}

/* --- figures ---------------------------------------------------------------- */

/* The figures' cells are made here: each column shows one precision (two
 * decimals on all when one has pence, as the core decides over every line),
 * so that the points line up. A negative remainder carries its minus sign;
 * the colour only repeats it. */

static gint64
line_money (QuorumPressureLine *line,
            Money               money)
{
  switch (money)
    {
    case MONEY_PROVISION: return quorum_pressure_line_get_provision (line);
    case MONEY_COMMITTED: return quorum_pressure_line_get_committed (line);
    case MONEY_SPENT: return quorum_pressure_line_get_spent (line);
    case MONEY_PROJECTED: return quorum_pressure_line_get_projected (line);
    case MONEY_REMAINING:
    default: return quorum_pressure_line_get_remaining (line);
    }
}

static const char * const money_cell_names[N_MONEY] = {
  "provision-cell", "committed-cell", "spent-cell", "projected-cell", "remaining-cell",
};

static void
show_money (gpointer     view,
            GtkListItem *item,
            guint        kind)
{
  QuorumPressureView *self = view;
  Money money = kind;
  gint64 amount = line_money (gtk_list_item_get_item (item), money);
  g_autofree char *text = quorum_amount_format_decimals (amount, "GBP", self->decimals[money]);
  gboolean negative = money == MONEY_REMAINING && amount < 0;

  quorum_ui_cell_set_text (item, text);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                                 self->chars[money]);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                                 self->chars[money]);
  if (negative)
    gtk_widget_set_css_classes (gtk_list_item_get_child (item),
                                (const char *[]) { "numeric", "error", "over", NULL });
  else
    gtk_widget_set_css_classes (gtk_list_item_get_child (item),
                                (const char *[]) { "numeric", NULL });
}

/* The columns' precision, from every line; the cells bound show it. */
static void
update_money (QuorumPressureView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  g_autofree gint64 *amounts = g_new (gint64, MAX (n, 1));
  gboolean changed = FALSE;

  for (Money m = 0; m < N_MONEY; m++)
    {
      guint decimals, chars;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QuorumPressureLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines),
                                                                      i);

          amounts[i] = line_money (line, m);
        }
      decimals = quorum_amount_decimals (amounts, n, "GBP");
      changed |= decimals != self->decimals[m];
      self->decimals[m] = decimals;
      chars = 8;
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = quorum_amount_format_decimals (amounts[i], "GBP", decimals);

          chars = MAX (chars, quorum_figure_ui_figure_chars (text));
        }
      /* A remainder below zero is in bold: a little wider. */
      if (m == MONEY_REMAINING)
        chars++;
      changed |= chars != self->chars[m];
      self->chars[m] = chars;
    }
  if (changed)
    quorum_figure_columns_show_all (self->money_cells);
}

static void
setup_money_columns (QuorumPressureView *self)
{
  self->money_cells = quorum_figure_columns_new (self->money_columns, money_cell_names,
                                                 self->chars, N_MONEY, show_money, self);
  g_signal_connect_object (self->lines, "items-changed", G_CALLBACK (update_money), self,
                           G_CONNECT_SWAPPED);
}

static char *
packages_text_cb (GtkListItem *item,
                  guint        n_approved,
                  guint        n_packages,
                  gpointer     data)
{
  /* TRANSLATORS: in the Approved column: approved packages of all those
   * drawing on a line, e.g. "3 of 4" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u", "%u of %u", n_packages),
                          n_approved, n_packages);
}

typedef struct
{
  const char *icon_name;
  const char *label;
  const char *kind;
  const char *tooltip;
} Status;

/* A line's status: short, so that the badge is never cut; the tooltip
 * says the rest. */
static Status
line_status (QuorumPressureLine *line)
{
  if (line == NULL)
    return (Status) { NULL, NULL, "neutral", NULL };
  if (quorum_pressure_line_get_over (line))
    return (Status) { "dialog-warning-symbolic", _("Over provision"), "error", NULL };
  if (!quorum_pressure_line_get_is_project (line))
    return (Status) { "object-select-symbolic", _("Within provision"), "success", NULL };
  if (quorum_pressure_line_get_released (line))
    /* TRANSLATORS: a project provision's status, short: in a narrow badge */
    return (Status) { "object-select-symbolic", C_("provision", "Released"), "success",
                      _("Released by an approved brief") };
  return (Status) { "changes-prevent-symbolic", _("Not released"), "neutral",
                    _("No approved brief has released this project provision yet") };
}

static char *
status_tooltip_cb (GtkListItem        *item,
                   QuorumPressureLine *line,
                   gpointer            data)
{
  return g_strdup (line_status (line).tooltip);
}

static GStrv
status_classes_cb (GtkListItem        *item,
                   QuorumPressureLine *line,
                   gpointer            data)
{
  return g_strdupv ((char **) (const char *[]) { "status-pill", line_status (line).kind, NULL });
}

static char *
status_icon_cb (GtkListItem        *item,
                QuorumPressureLine *line,
                gpointer            data)
{
  return g_strdup (line_status (line).icon_name);
}

static char *
status_label_cb (GtkListItem        *item,
                 QuorumPressureLine *line,
                 gpointer            data)
{
  return g_strdup (line_status (line).label);
}

/* --- computing ------------------------------------------------------------ */

static void
update_summary (QuorumPressureView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  g_autoptr(GString) over = g_string_new (NULL);
  guint n_over = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumPressureLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      if (!quorum_pressure_line_get_over (line))
        continue;
      /* TRANSLATORS: separates the lines listed as over provision */
      g_string_append_printf (over, "%s%s (%s)", n_over > 0 ? _(", ") : "",
                              quorum_pressure_line_get_label (line),
                              quorum_pressure_line_get_year (line));
      n_over++;
    }

  if (n_over == 0)
    text = g_strdup (_("Every budget line is within its provision"));
  else
    /* TRANSLATORS: %u is a count, %s the lines, e.g. "OPSG (2020/21)" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u budget line is over its provision: %s",
                                         "%u budget lines are over their provision: %s",
                                         n_over), n_over, over->str);

  gtk_label_set_text (self->summary_label, text);
  gtk_image_set_from_icon_name (self->summary_icon, n_over > 0 ? "dialog-warning-symbolic"
                                                               : "object-select-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), n_over > 0 ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), n_over > 0 ? "error" : "success");
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "lines" : "empty");
}

static gboolean
recompute_cb (gpointer user_data)
{
  QuorumPressureView *self = user_data;
  g_autoptr(GListModel) computed = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  self->recompute_id = 0;

  if (self->store != NULL)
    {
      computed = quorum_pressure_compute (quorum_store_get_documents (self->store),
                                          quorum_store_get_work_packages (self->store));
      n = g_list_model_get_n_items (computed);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (computed, i));
    }

  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       items->pdata, items->len);
  update_summary (self);

  return G_SOURCE_REMOVE;
}

/* Coalesces the store's splices and a burst of outcomes into one computation. */
static void
queue_recompute (QuorumPressureView *self)
{
  if (self->recompute_id == 0)
    self->recompute_id = g_idle_add_full (G_PRIORITY_DEFAULT, recompute_cb, self, NULL);
}

static void
packages_changed_cb (QuorumPressureView *self,
                     guint               position,
                     guint               removed,
                     guint               added,
                     GListModel         *packages)
{
  quorum_ui_watch_outcomes (packages, position, added, G_CALLBACK (queue_recompute), self);
  queue_recompute (self);
}

static void
disconnect_store (QuorumPressureView *self)
{
  if (self->store == NULL)
    return;
  g_signal_handlers_disconnect_by_data (quorum_store_get_work_packages (self->store), self);
  g_signal_handlers_disconnect_by_data (quorum_store_get_documents (self->store), self);
}

/* --- the object ------------------------------------------------------------- */

static void
quorum_pressure_view_dispose (GObject *object)
{
  QuorumPressureView *self = (QuorumPressureView *) object;

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  disconnect_store (self);
  g_clear_object (&self->store);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->lines);

  /* The bin's child is a template child: unparented here, or GTK 4.8's
   * gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_PRESSURE_VIEW);
  g_clear_object (&self->money_cells);

  g_clear_pointer (&self->fold, quorum_ui_column_fold_free);
  G_OBJECT_CLASS (quorum_pressure_view_parent_class)->dispose (object);
}

static void
quorum_pressure_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumPressureView *self = QUORUM_PRESSURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_pressure_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QuorumPressureView *self = QUORUM_PRESSURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: quorum_pressure_view_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* --- layout --------------------------------------------------------------- */

/* On a narrow view, the line, what remains of its provision and its status
 * win the space; the rest is on the work packages' pages. */
static void
set_up_fold (QuorumPressureView *self)
{
  GtkColumnViewColumn *medium_hides[] = {
    self->money_columns[MONEY_COMMITTED], self->approved_column, NULL,
  };
  GtkColumnViewColumn *narrow_hides[] = {
    self->year_column, self->money_columns[MONEY_PROVISION],
    self->money_columns[MONEY_SPENT], self->money_columns[MONEY_PROJECTED], NULL,
  };

  self->fold = quorum_ui_column_fold_new (MEDIUM_WIDTH, NARROW_WIDTH);
  quorum_ui_column_fold_set_columns (self->fold, medium_hides, narrow_hides, NULL);
}

/* Folds the columns below MEDIUM_WIDTH and NARROW_WIDTH. */
static void
fold (GtkWidget *widget,
      int        width)
{
  quorum_ui_column_fold_apply (QUORUM_PRESSURE_VIEW (widget)->fold, width);
}

static void
quorum_pressure_view_class_init (QuorumPressureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_pressure_view_dispose;
  object_class->get_property = quorum_pressure_view_get_property;
  object_class->set_property = quorum_pressure_view_set_property;
  /* It lays its child out itself, to know its width. */
  quorum_ui_bin_class_fold_on_width (widget_class, fold);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-pressure-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumPressureView, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumPressureView, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumPressureView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumPressureView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumPressureView, year_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumPressureView, approved_column);
  gtk_widget_class_bind_template_child_full (widget_class, "provision_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumPressureView,
                                                              money_columns[MONEY_PROVISION]));
  gtk_widget_class_bind_template_child_full (widget_class, "committed_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumPressureView,
                                                              money_columns[MONEY_COMMITTED]));
  gtk_widget_class_bind_template_child_full (widget_class, "spent_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumPressureView,
                                                              money_columns[MONEY_SPENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "projected_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumPressureView,
                                                              money_columns[MONEY_PROJECTED]));
  gtk_widget_class_bind_template_child_full (widget_class, "remaining_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumPressureView,
                                                              money_columns[MONEY_REMAINING]));
  gtk_widget_class_bind_template_callback (widget_class, setup_line_cb);
  gtk_widget_class_bind_template_callback (widget_class, packages_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_icon_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_tooltip_cb);
}

static void
quorum_pressure_view_init (QuorumPressureView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->lines = g_list_store_new (QUORUM_TYPE_PRESSURE_LINE);
  setup_money_columns (self);
  set_up_fold (self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->lines)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  update_summary (self);
}

/**
 * quorum_pressure_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown
 */
QuorumStore *
quorum_pressure_view_get_store (QuorumPressureView *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_VIEW (self), NULL);
  return self->store;
}

/**
 * quorum_pressure_view_set_store:
 * @store: (nullable): the store whose budget lines to show
 */
void
quorum_pressure_view_set_store (QuorumPressureView *self,
                                QuorumStore        *store)
{
  GListModel *packages;

  g_return_if_fail (QUORUM_IS_PRESSURE_VIEW (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (self->store == store)
    return;

  disconnect_store (self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      packages = quorum_store_get_work_packages (store);
      g_signal_connect_object (packages, "items-changed", G_CALLBACK (packages_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (quorum_store_get_documents (store), "items-changed",
                               G_CALLBACK (queue_recompute), self, G_CONNECT_SWAPPED);
      quorum_ui_watch_outcomes (packages, 0, g_list_model_get_n_items (packages),
                                G_CALLBACK (queue_recompute), self);
    }
  queue_recompute (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * quorum_pressure_view_get_lines:
 *
 * Returns: (transfer none): the lines shown, a model of #QuorumPressureLine
 */
GListModel *
quorum_pressure_view_get_lines (QuorumPressureView *self)
{
  g_return_val_if_fail (QUORUM_IS_PRESSURE_VIEW (self), NULL);
  return G_LIST_MODEL (self->lines);
}
