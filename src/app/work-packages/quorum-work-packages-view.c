/* quorum-work-packages-view.c: the store's work packages, filtered and sorted
 *
 * A column view over the store's packages: filtered by outcome, status and
 * committee, sorted by quarter then committee (or by the column the user
 * picks). Activating a row emits ::package-activated. The view follows
 * each package's outcome, so a new decision shows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-figure-columns.h"
#include "quorum-ui-util.h"
#include "quorum-work-packages-view.h"

typedef enum
{
  MONEY_ESTIMATE,
  MONEY_ACTUAL,
  MONEY_VARIANCE,
  N_MONEY
} Money;

struct _QuorumWorkPackagesView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkStack *list_stack;
  GtkDropDown *outcome_dropdown;
  GtkDropDown *status_dropdown;
  GtkDropDown *committee_dropdown;
  GtkLabel *count_label;
  GtkColumnView *column_view;
  GtkColumnViewColumn *quarter_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *wrapped_title_column; /* the title on two lines, when narrow */
  GtkColumnViewColumn *committee_column;
  GtkColumnViewColumn *money_columns[N_MONEY];
  guint decimals[N_MONEY];      /* each figure column's precision */
  QuorumFigureColumns *money_cells; /* those columns' cells */

  /* owned */
  QuorumUiColumnFold *fold;    /* the columns it folds when narrow */
  QuorumStore *store;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkCustomFilter *filter;
  GPtrArray *committee_ids;    /* of char*, one per committee_dropdown item; NULL = any */
};

G_DEFINE_FINAL_TYPE (QuorumWorkPackagesView, quorum_work_packages_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_PACKAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The status filter's items after “All”, in order. */
static const char * const statuses[] = { "draft", "submitted", "withdrawn", "closed" };

/* committee_ids entry for the packages that name no committee */
#define NO_COMMITTEE ""

/* Narrower than this, the list folds its columns. */
#define MEDIUM_WIDTH 1000
#define NARROW_WIDTH 600

/* --- sorting -------------------------------------------------------------- */

/* Each column sorts with the sorter its template gives it: string and
 * numeric sorters over QuorumWorkPackage's properties, the closures below
 * where a value is the view's to work out. */

/* NULL sorts after any text. */
static int
compare_text (const char *a,
              const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_utf8_collate (a, b);
}

/* A package without a committee after those with one. */
static gboolean
is_none_cb (QuorumWorkPackage *wp,
            const char        *text,
            gpointer           data)
{
  return text == NULL;
}

static char *
committee_name_cb (QuorumWorkPackage      *wp,
                   const char             *committee,
                   QuorumWorkPackagesView *self)
{
  const char *name = quorum_ui_committee_short_name (self->store, committee);

  /* Never NULL: GTK 4.8's GtkStringSorter cannot take it (is_none_cb()
   * has put those last already). */
  return g_strdup (name != NULL ? name : "");
}

/* --- filtering ------------------------------------------------------------ */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  QuorumWorkPackagesView *self = user_data;
  QuorumWorkPackage *wp = item;
  guint outcome = gtk_drop_down_get_selected (self->outcome_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint committee = gtk_drop_down_get_selected (self->committee_dropdown);

  /* Item 0 of each filter is “All”; the outcome filter's others follow QuorumOutcome. */
  if (outcome != 0 && outcome != GTK_INVALID_LIST_POSITION &&
      quorum_work_package_get_outcome (wp) != (QuorumOutcome) (outcome - 1))
    return FALSE;

  if (status != 0 && status != GTK_INVALID_LIST_POSITION && status <= G_N_ELEMENTS (statuses) &&
      g_strcmp0 (quorum_work_package_get_status (wp), statuses[status - 1]) != 0)
    return FALSE;

  if (committee != 0 && committee < self->committee_ids->len)
    {
      const char *wanted = g_ptr_array_index (self->committee_ids, committee);
      const char *have = quorum_work_package_get_committee (wp);

      if (g_strcmp0 (have != NULL ? have : NO_COMMITTEE, wanted) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
filter_changed_cb (QuorumWorkPackagesView *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
outcome_changed_cb (QuorumWorkPackagesView *self)
{
  /* Only the outcome filter looks at outcomes. */
  if (gtk_drop_down_get_selected (self->outcome_dropdown) != 0)
    filter_changed_cb (self);
}

/* --- cells ---------------------------------------------------------------- */

/* The cells are GtkBuilderListItemFactory templates in the view's .ui,
 * bound to the package's properties through these closures; only the
 * committee's, which needs the store, is made here. */

static char *
committee_text_cb (GtkListItem            *item,
                   const char             *committee,
                   QuorumWorkPackagesView *self)
{
  const char *name = quorum_ui_committee_short_name (self->store, committee);

  /* TRANSLATORS: in the Committee column, for a package that names none */
  return g_strdup (name != NULL ? name : C_("committee", "None"));
}

static GStrv
committee_classes_cb (GtkListItem *item,
                      const char  *committee,
                      gpointer     data)
{
  return g_strdupv ((char **) (committee != NULL ? (const char *[]) { NULL }
                                                 : (const char *[]) { "dim-label", NULL }));
}

/* Binds @cell's @property to @callback over the package's committee, with
 * the view as the callback's data. */
static void
bind_committee (GtkListItem            *item,
                GtkWidget              *cell,
                const char             *property,
                GType                   type,
                GCallback               callback,
                QuorumWorkPackagesView *self)
{
  GtkExpression *committee = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  committee = gtk_property_expression_new (QUORUM_TYPE_WORK_PACKAGE, committee, "committee");
  gtk_expression_bind (gtk_cclosure_expression_new (type, NULL, 1, &committee, callback, self,
                                                    NULL),
                       cell, property, item);
}

/* The committee's short name needs the store: the cell is bound to the
 * package's committee through closures with the view as data. */
static void
setup_committee_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    QuorumWorkPackagesView   *self)
{
  GtkWidget *cell = quorum_ui_cell_new (0, 10);

  gtk_widget_set_name (cell, "committee-cell");
  /* It gives way to the figures, cut in the middle, where names differ,
   * with the whole name in the tooltip. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 4);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
  gtk_list_item_set_child (item, cell);
  bind_committee (item, cell, "tooltip-text", G_TYPE_STRING, G_CALLBACK (committee_text_cb),
                  self);
  bind_committee (item, cell, "text", G_TYPE_STRING, G_CALLBACK (committee_text_cb), self);
  bind_committee (item, cell, "css-classes", G_TYPE_STRV, G_CALLBACK (committee_classes_cb),
                  self);
}

/* The translatable words of the cell templates, which xgettext does not
 * read inside the .ui's CDATA; GtkBuilder translates them from the
 * application's domain. */
static const char * const cell_strings[] G_GNUC_UNUSED = {
  N_("Awaiting sync: a decision written on this computer is not yet sent to the remote "
     "server"),
  N_("Awaiting sync"),
};

/* --- figures ---------------------------------------------------------------- */

/* The estimate, the out-turn and the variance are made here: each column
 * shows one precision (two decimals on all when one has pence, as the core
 * decides over every package), so that the points line up. */

static char *
money_text (QuorumWorkPackagesView  *self,
            QuorumWorkPackage       *wp,
            Money                    money,
            const char             **css_class)
{
  gint64 actual;
  char *text;

  *css_class = NULL;
  switch (money)
    {
    case MONEY_ESTIMATE:
      return quorum_amount_format_decimals (quorum_work_package_get_estimate (wp), "GBP",
                                            self->decimals[money]);
    case MONEY_ACTUAL:
      if (quorum_work_package_get_actual (wp, &actual))
        return quorum_amount_format_decimals (actual, "GBP", self->decimals[money]);
      *css_class = "dim-label";
      /* TRANSLATORS: in the Out-turn column, while none is reported */
      return g_strdup (C_("out-turn", "Not reported"));
    case MONEY_VARIANCE:
    default:
      text = quorum_ui_format_variance_decimals (wp, self->decimals[money], css_class);
      return text != NULL ? text : g_strdup ("—");
    }
}

static const char * const money_cell_names[N_MONEY] = {
  "estimate-cell", "actual-cell", "variance-cell",
};
/* The cells' width in characters: a variance has its percentage too. */
static const guint money_chars[N_MONEY] = { 11, 11, 20 };

static void
show_money (gpointer     view,
            GtkListItem *item,
            guint        kind)
{
  QuorumWorkPackagesView *self = view;
  Money money = kind;
  GtkWidget *cell = gtk_list_item_get_child (item);
  const char *css_class;
  g_autofree char *text = money_text (self, gtk_list_item_get_item (item), money, &css_class);

  quorum_ui_cell_set_text (item, text);
  gtk_widget_set_css_classes (cell, (const char *[]) { "numeric", css_class, NULL });
  gtk_widget_set_tooltip_text (cell, money == MONEY_VARIANCE && css_class != NULL
                                     ? _("The out-turn is over the estimate") : NULL);
}

static void
setup_money_columns (QuorumWorkPackagesView *self)
{
  self->money_cells = quorum_figure_columns_new (self->money_columns, money_cell_names,
                                                 money_chars, N_MONEY, show_money, self);
}

/* The columns' precision, from every package of the store. */
static void
update_money (QuorumWorkPackagesView *self)
{
  GListModel *packages = self->store != NULL ? quorum_store_get_work_packages (self->store)
                                             : NULL;
  guint n = packages != NULL ? g_list_model_get_n_items (packages) : 0;
  GArray *amounts[N_MONEY];
  gboolean changed = FALSE;

  for (Money m = 0; m < N_MONEY; m++)
    amounts[m] = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumWorkPackage) wp = g_list_model_get_item (packages, i);
      gint64 estimate = quorum_work_package_get_estimate (wp);
      gint64 actual, variance, percent;

      g_array_append_val (amounts[MONEY_ESTIMATE], estimate);
      if (quorum_work_package_get_actual (wp, &actual))
        g_array_append_val (amounts[MONEY_ACTUAL], actual);
      if (quorum_work_package_get_variance (wp, &variance, &percent))
        g_array_append_val (amounts[MONEY_VARIANCE], variance);
    }
  for (Money m = 0; m < N_MONEY; m++)
    {
      guint decimals = quorum_amount_decimals ((const gint64 *) (gpointer) amounts[m]->data,
                                               amounts[m]->len, "GBP");

      changed |= decimals != self->decimals[m];
      self->decimals[m] = decimals;
      g_array_unref (amounts[m]);
    }
  if (changed)
    quorum_figure_columns_show_all (self->money_cells);
}

/* The outcome, then a sync icon while a decision written here is not yet
 * sent: only an icon, to keep the table narrow; its tooltip and accessible
 * label say what it means. */
static GStrv
outcome_classes_cb (GtkListItem *item,
                    int          outcome,
                    gpointer     data)
{
  return g_strdupv ((char **) (const char *[]) {
    "status-pill", quorum_ui_outcome_css_class (outcome), NULL });
}

static char *
outcome_icon_cb (GtkListItem *item,
                 int          outcome,
                 gpointer     data)
{
  return g_strdup (quorum_ui_outcome_icon_name (outcome));
}

static char *
outcome_label_cb (GtkListItem *item,
                  int          outcome,
                  gpointer     data)
{
  return g_strdup (quorum_outcome_get_label (outcome));
}

/* A decision added notifies the outcome, even when it stays the same:
 * @outcome is there to have this evaluated again then. */
static gboolean
pending_sync_cb (GtkListItem       *item,
                 QuorumWorkPackage *wp,
                 int                outcome,
                 gpointer           data)
{
  return wp != NULL && quorum_ui_has_pending_sync (wp);
}

static char *
status_label_cb (GtkListItem *item,
                 const char  *status,
                 gpointer     data)
{
  return g_strdup (quorum_ui_status_label (status));
}

/* --- the list --------------------------------------------------------------- */

static void
activate_cb (QuorumWorkPackagesView *self,
             guint                   position)
{
  g_autoptr(QuorumWorkPackage) wp = g_list_model_get_item (G_LIST_MODEL (self->sort_model),
                                                          position);

  if (wp != NULL)
    g_signal_emit (self, signals[SIGNAL_PACKAGE_ACTIVATED], 0, wp);
}

static void
update_count (QuorumWorkPackagesView *self)
{
  GListModel *packages = self->store ? quorum_store_get_work_packages (self->store) : NULL;
  guint total = packages ? g_list_model_get_n_items (packages) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u work package",
                                         "%u work packages", total), total);
  else
    /* TRANSLATORS: e.g. "5 of 40 work packages" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u work package",
                                         "%u of %u work packages", total), shown, total);
  gtk_label_set_text (self->count_label, text);

  /* No packages yet while a store loads (or before the window gives the
   * view one) is not an empty store. */
  gtk_stack_set_visible_child_name (self->stack,
                                    total > 0 ? "packages"
                                    : self->store == NULL || !quorum_store_is_loaded (self->store)
                                    ? "loading" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "no-match");
}

static void
set_string_items (GtkDropDown        *dropdown,
                  const char * const *items)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (items);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static int
compare_committee_ids (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  QuorumWorkPackagesView *self = user_data;

  return compare_text (quorum_ui_committee_short_name (self->store, *(const char **) a),
                       quorum_ui_committee_short_name (self->store, *(const char **) b));
}

/* The committee filter offers the committees the packages name, by short name. */
static void
update_committees (QuorumWorkPackagesView *self)
{
  GListModel *packages = quorum_store_get_work_packages (self->store);
  guint selected = gtk_drop_down_get_selected (self->committee_dropdown);
  g_autofree char *keep = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean any_without = FALSE;
  guint n = g_list_model_get_n_items (packages);
  guint new_selected = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->committee_ids->len &&
      g_ptr_array_index (self->committee_ids, selected) != NULL)
    keep = g_strdup (g_ptr_array_index (self->committee_ids, selected));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumWorkPackage) wp = g_list_model_get_item (packages, i);
      const char *id = quorum_work_package_get_committee (wp);

      if (id == NULL)
        any_without = TRUE;
      else if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (id));
    }
  g_ptr_array_sort_with_data (ids, compare_committee_ids, self);
  if (any_without)
    g_ptr_array_add (ids, g_strdup (NO_COMMITTEE));
  g_ptr_array_insert (ids, 0, NULL);

  g_ptr_array_add (labels, (char *) C_("filter", "All"));
  for (guint i = 1; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (g_str_equal (id, NO_COMMITTEE))
        g_ptr_array_add (labels, (char *) C_("committee", "None"));
      else
        g_ptr_array_add (labels, (char *) quorum_ui_committee_short_name (self->store, id));
      if (keep != NULL && g_str_equal (id, keep))
        new_selected = i;
    }
  g_ptr_array_add (labels, NULL);

  g_ptr_array_unref (self->committee_ids);
  self->committee_ids = g_steal_pointer (&ids);
  g_signal_handlers_block_by_func (self->committee_dropdown, filter_changed_cb, self);
  set_string_items (self->committee_dropdown, (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->committee_dropdown, new_selected);
  g_signal_handlers_unblock_by_func (self->committee_dropdown, filter_changed_cb, self);
  /* The packages are new: a committee filter must look at them again. */
  if (keep != NULL)
    filter_changed_cb (self);
}

static void
packages_changed_cb (QuorumWorkPackagesView *self,
                     guint                   position,
                     guint                   removed,
                     guint                   added,
                     GListModel             *packages)
{
  quorum_ui_watch_outcomes (packages, position, added, G_CALLBACK (outcome_changed_cb), self);
  update_money (self);
  update_committees (self);
  update_count (self);
}

/* --- the object ------------------------------------------------------------- */

static void
quorum_work_packages_view_dispose (GObject *object)
{
  QuorumWorkPackagesView *self = (QuorumWorkPackagesView *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (quorum_store_get_work_packages (self->store), self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->money_cells);

  /* The bin's child is a template child: unparented here, or GTK 4.8's
   * gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_WORK_PACKAGES_VIEW);

  g_clear_pointer (&self->fold, quorum_ui_column_fold_free);
  G_OBJECT_CLASS (quorum_work_packages_view_parent_class)->dispose (object);
}

static void
quorum_work_packages_view_finalize (GObject *object)
{
  QuorumWorkPackagesView *self = (QuorumWorkPackagesView *) object;

  g_clear_pointer (&self->committee_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_work_packages_view_parent_class)->finalize (object);
}

static void
quorum_work_packages_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  QuorumWorkPackagesView *self = QUORUM_WORK_PACKAGES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_work_packages_view_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  QuorumWorkPackagesView *self = QUORUM_WORK_PACKAGES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: quorum_work_packages_view_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* --- layout --------------------------------------------------------------- */

/* Below MEDIUM_WIDTH the quarter and the committee give way to the
 * package's title, which names both in the sample's packages (the
 * committee filter remains). On a narrow view, the package, its outcome and
 * its status win the space; the figures are on the package's page (the
 * variance alone is wider than an outcome's badge), and the title wraps
 * onto two lines (a column of its own, shown only then, so that a wider
 * list keeps rows of one line). */
static void
set_up_fold (QuorumWorkPackagesView *self)
{
  GtkColumnViewColumn *medium_hides[] = { self->quarter_column, self->committee_column, NULL };
  GtkColumnViewColumn *narrow_hides[] = {
    self->money_columns[MONEY_ESTIMATE], self->money_columns[MONEY_ACTUAL],
    self->money_columns[MONEY_VARIANCE], self->title_column, NULL,
  };
  GtkColumnViewColumn *narrow_shows[] = { self->wrapped_title_column, NULL };

  self->fold = quorum_ui_column_fold_new (MEDIUM_WIDTH, NARROW_WIDTH);
  quorum_ui_column_fold_set_columns (self->fold, medium_hides, narrow_hides, narrow_shows);
}

/* Folds the columns below MEDIUM_WIDTH and NARROW_WIDTH. */
static void
fold (GtkWidget *widget,
      int        width)
{
  quorum_ui_column_fold_apply (QUORUM_WORK_PACKAGES_VIEW (widget)->fold, width);
}

static void
quorum_work_packages_view_class_init (QuorumWorkPackagesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_work_packages_view_dispose;
  object_class->finalize = quorum_work_packages_view_finalize;
  object_class->get_property = quorum_work_packages_view_get_property;
  object_class->set_property = quorum_work_packages_view_set_property;
  /* It lays its child out itself, to know its width. */
  quorum_ui_bin_class_fold_on_width (widget_class, fold);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumWorkPackagesView::package-activated:
   * @work_package: the package
   *
   * The user asks to open @work_package.
   */
  signals[SIGNAL_PACKAGE_ACTIVATED] =
    g_signal_new ("package-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, QUORUM_TYPE_WORK_PACKAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-work-packages-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView,
                                        committee_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView, quarter_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView, title_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView,
                                        wrapped_title_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagesView, committee_column);
  gtk_widget_class_bind_template_child_full (widget_class, "estimate_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumWorkPackagesView,
                                                              money_columns[MONEY_ESTIMATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "actual_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumWorkPackagesView,
                                                              money_columns[MONEY_ACTUAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "variance_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumWorkPackagesView,
                                                              money_columns[MONEY_VARIANCE]));
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, is_none_cb);
  gtk_widget_class_bind_template_callback (widget_class, committee_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_committee_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_icon_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, pending_sync_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_label_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           quorum_work_packages_view_clear_filters);
}

static void
quorum_work_packages_view_init (QuorumWorkPackagesView *self)
{
  const char *outcomes[] = {
    C_("filter", "All"),
    quorum_outcome_get_label (QUORUM_OUTCOME_AWAITING),
    quorum_outcome_get_label (QUORUM_OUTCOME_APPROVED),
    quorum_outcome_get_label (QUORUM_OUTCOME_REJECTED),
    quorum_outcome_get_label (QUORUM_OUTCOME_DEFERRED),
    NULL
  };
  const char *status_labels[G_N_ELEMENTS (statuses) + 2] = { C_("filter", "All") };
  g_autoptr(GtkMultiSelection) selection = NULL;
  GtkMultiSorter *sorter;
  GtkColumnViewColumn *agenda[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  setup_money_columns (self);
  set_up_fold (self);
  agenda[0] = self->quarter_column;
  agenda[1] = self->committee_column;
  agenda[2] = self->title_column;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    status_labels[i + 1] = quorum_ui_status_label (statuses[i]);
  self->committee_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->committee_ids, NULL);

  g_signal_handlers_block_by_func (self->outcome_dropdown, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->status_dropdown, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->committee_dropdown, filter_changed_cb, self);
  set_string_items (self->outcome_dropdown, outcomes);
  set_string_items (self->status_dropdown, status_labels);
  set_string_items (self->committee_dropdown, (const char *[]) { C_("filter", "All"), NULL });
  g_signal_handlers_unblock_by_func (self->outcome_dropdown, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->status_dropdown, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->committee_dropdown, filter_changed_cb, self);

  /* The column the user sorts by first, then the agenda's order: quarter,
   * then committee, then title, with those columns' own sorters. */
  sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  for (guint i = 0; i < G_N_ELEMENTS (agenda); i++)
    gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_column_get_sorter (agenda[i])));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              GTK_SORTER (sorter));
  /* Several packages can be selected (Ctrl+click, Shift+click, Ctrl+A) and copied. */
  selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  quorum_ui_column_view_fix_ctrl_click (self->column_view);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);

  update_count (self);
}

/**
 * quorum_work_packages_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown
 */
QuorumStore *
quorum_work_packages_view_get_store (QuorumWorkPackagesView *self)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGES_VIEW (self), NULL);
  return self->store;
}

/**
 * quorum_work_packages_view_set_store:
 * @store: (nullable): the store whose packages to show
 *
 * Shows the packages of @store; the view follows them as the store loads.
 */
void
quorum_work_packages_view_set_store (QuorumWorkPackagesView *self,
                                     QuorumStore            *store)
{
  GListModel *packages;

  g_return_if_fail (QUORUM_IS_WORK_PACKAGES_VIEW (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (quorum_store_get_work_packages (self->store), self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (update_count), self,
                             G_CONNECT_SWAPPED);

  /* The filter model first: packages_changed_cb() may refilter, which must
   * see the filter model already up to date with the packages. */
  packages = store != NULL ? quorum_store_get_work_packages (store) : NULL;
  gtk_filter_list_model_set_model (self->filter_model, packages);
  if (packages != NULL)
    {
      g_signal_connect_object (packages, "items-changed", G_CALLBACK (packages_changed_cb),
                               self, G_CONNECT_SWAPPED);
      packages_changed_cb (self, 0, 0, g_list_model_get_n_items (packages), packages);
    }
  else
    update_count (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * quorum_work_packages_view_get_shown:
 *
 * Returns: (transfer none): the packages shown, filtered and in their order
 */
GListModel *
quorum_work_packages_view_get_shown (QuorumWorkPackagesView *self)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGES_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

/**
 * quorum_work_packages_view_clear_filters:
 *
 * Shows every package again.
 */
void
quorum_work_packages_view_clear_filters (QuorumWorkPackagesView *self)
{
  g_return_if_fail (QUORUM_IS_WORK_PACKAGES_VIEW (self));

  gtk_drop_down_set_selected (self->outcome_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->committee_dropdown, 0);
}
