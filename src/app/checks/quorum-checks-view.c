/* quorum-checks-view.c: every finding of every budget document
 *
 * A figure that does not add up, one a row: its severity, where it is
 * (document, table, row, column), why it is flagged (its rule) and the
 * stated and computed amounts. The figures keep their width and show one
 * precision (pence on all when one has them); the names and the rule give
 * way, wrapped onto two lines and then cut, the rule keeping room to be
 * read; below SIGN_WIDTH the severity is its sign alone, and on a narrow
 * view each finding is a card beside the figures that matter most: its
 * row, and beneath it its column and rule, wrapped.
 * Filtered by severity, by document and by a search in the names; a
 * finding activated (Enter or a double click) is handed to the window,
 * which opens the cell in the Budgets view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-checks-view.h"
#include "quorum-figure-columns.h"
#include "quorum-figure-ui.h"
#include "quorum-searchable.h"
#include "quorum-ui-a11y.h"
#include "quorum-ui-util.h"

/* Narrower than this, the view shows the severity, a card (the row, its
 * column and rule), the computed figure and the difference only. */
#define NARROW_WIDTH 600
/* Narrower than this, the severity shows as its sign alone (named in its
 * tooltip): the names and the rule take the room of its word. */
#define SIGN_WIDTH 1200

typedef enum
{
  FIGURE_STATED,
  FIGURE_COMPUTED,
  FIGURE_DIFFERENCE,
  N_FIGURES
} Figure;

struct _QuorumChecksView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkDropDown *severity_dropdown;
  GtkDropDown *document_dropdown;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkColumnView *column_view;
  GtkColumnViewColumn *severity_column;
  GtkColumnViewColumn *severity_icon_column;
  GtkColumnViewColumn *document_column;
  GtkColumnViewColumn *table_column;
  GtkColumnViewColumn *row_column;
  GtkColumnViewColumn *card_column;
  GtkColumnViewColumn *column_column;
  GtkColumnViewColumn *rule_column;
  GtkColumnViewColumn *figure_columns[N_FIGURES];

  /* owned */
  QuorumUiColumnFold *fold;    /* the columns it folds when narrow */
  QuorumStore *store;
  GtkMapListModel *document_findings; /* each document's findings model */
  GtkFlattenListModel *findings; /* every finding of every document, following them */
  GtkStringList *document_names; /* the document drop-down: All, then each title */
  GPtrArray *document_ids;       /* parallel to document_names; NULL for All */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  char *search;                  /* casefolded, or NULL */
  guint decimals;                /* of every figure shown: 0 or 2 */
  guint figure_chars[N_FIGURES]; /* each column's widest figure's length */
  QuorumFigureColumns *figure_cells; /* the figures' columns' cells */
};

static void searchable_iface_init (QuorumSearchableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumChecksView, quorum_checks_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (QUORUM_TYPE_SEARCHABLE,
                                                      searchable_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where a finding is, in the words of the documents. */
typedef struct
{
  const char *document;
  const char *table;
  const char *row;
  const char *column;
} Place;

static void
resolve_place (QuorumChecksView *self,
               QuorumFinding    *finding,
               Place            *place)
{
  QuorumBudgetDocument *document = NULL;
  QuorumTable *table = NULL;
  const char *row_id = quorum_finding_get_row_id (finding);
  const char *column_id = quorum_finding_get_column_id (finding);

  place->document = quorum_finding_get_document_id (finding);
  place->table = quorum_finding_get_table_id (finding);
  place->row = row_id;
  place->column = column_id;

  if (self->store != NULL)
    document = quorum_store_find_document (self->store, place->document);
  if (document != NULL)
    {
      place->document = quorum_budget_document_get_title (document);
      table = quorum_budget_document_find_table (document, place->table);
    }
  if (table == NULL)
    return;
  if (quorum_table_get_title (table) != NULL)
    place->table = quorum_table_get_title (table);

  if (g_strcmp0 (row_id, "@total") == 0)
    place->row = _("Total");
  else if (row_id != NULL)
    {
      QuorumRow *row = quorum_table_find_row (table, row_id);

      if (row != NULL && quorum_row_get_label (row) != NULL)
        place->row = quorum_row_get_label (row);
    }
  if (column_id != NULL)
    {
      QuorumColumn *column = quorum_table_find_column (table, column_id);

      if (column != NULL && quorum_column_get_label (column) != NULL)
        place->column = quorum_column_get_label (column);
    }
}

static gboolean
contains_casefolded (const char *text,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  QuorumChecksView *self = user_data;
  QuorumFinding *finding = item;
  guint severity = gtk_drop_down_get_selected (self->severity_dropdown);
  guint document = gtk_drop_down_get_selected (self->document_dropdown);
  Place place;

  if (severity == QUORUM_CHECKS_SEVERITY_MISMATCH &&
      quorum_finding_get_severity (finding) != QUORUM_SEVERITY_MISMATCH)
    return FALSE;
  if (severity == QUORUM_CHECKS_SEVERITY_ROUNDING &&
      quorum_finding_get_severity (finding) != QUORUM_SEVERITY_ROUNDING)
    return FALSE;
  if (document != GTK_INVALID_LIST_POSITION && document > 0 &&
      document < self->document_ids->len &&
      g_strcmp0 (g_ptr_array_index (self->document_ids, document),
                 quorum_finding_get_document_id (finding)) != 0)
    return FALSE;

  if (self->search == NULL)
    return TRUE;
  resolve_place (self, finding, &place);
  return contains_casefolded (place.document, self->search) ||
         contains_casefolded (place.table, self->search) ||
         contains_casefolded (place.row, self->search) ||
         contains_casefolded (place.column, self->search) ||
         contains_casefolded (quorum_finding_get_row_id (finding), self->search) ||
         contains_casefolded (quorum_finding_get_label (finding), self->search);
}

static void
update_count (QuorumChecksView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", all),
                            all);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u finding",
                                         "%u of %u findings", all), shown, all);
  gtk_label_set_text (self->count_label, text);

  if (all == 0)
    gtk_stack_set_visible_child_name (self->stack, "clean");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "findings");
}

static void
filter_changed_cb (QuorumChecksView *self)
{
  /* Before the list is made, there is nothing to filter. */
  if (self->filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
search_changed_cb (QuorumChecksView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);
  filter_changed_cb (self);
}

/* A document's findings, for document_findings. */
static gpointer
map_document_findings (gpointer item,
                       gpointer user_data)
{
  g_autoptr(QuorumBudgetDocument) document = item;

  return g_object_ref (quorum_budget_document_get_findings (document));
}

/* The documents changed (a store opened or reloaded): the findings follow
 * them by themselves (a flattened map of the documents); the document
 * filter offers them again, keeping the chosen document when it is still
 * there. */
static void
documents_changed_cb (QuorumChecksView *self)
{
  GListModel *documents = self->store != NULL ? quorum_store_get_documents (self->store) : NULL;
  guint n = documents != NULL ? g_list_model_get_n_items (documents) : 0;
  guint selected = gtk_drop_down_get_selected (self->document_dropdown);
  g_autofree char *chosen = NULL;
  guint reselect = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected < self->document_ids->len)
    chosen = g_strdup (g_ptr_array_index (self->document_ids, selected));

  /* The ids first: the filter reads them as soon as the drop-down changes. */
  g_ptr_array_set_size (self->document_ids, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, i);

      g_ptr_array_add (self->document_ids, g_strdup (quorum_budget_document_get_id (document)));
      if (g_strcmp0 (chosen, quorum_budget_document_get_id (document)) == 0)
        reselect = i + 1;
    }
  gtk_string_list_splice (self->document_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->document_names)) - 1,
                          NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, i);

      gtk_string_list_append (self->document_names, quorum_budget_document_get_title (document));
    }
  gtk_drop_down_set_selected (self->document_dropdown, reselect);
  filter_changed_cb (self);
}

/* --- cells ---------------------------------------------------------------- */

/* The severity and the amounts are GtkBuilderListItemFactory templates in
 * the view's .ui, bound to the finding's properties through the closures
 * below; the place's four columns, which need the store, are made here,
 * bound to the finding all the same. */

static gboolean
is_mismatch (const char *severity)
{
  return g_strcmp0 (severity, quorum_severity_to_string (QUORUM_SEVERITY_MISMATCH)) == 0;
}

static GStrv
severity_classes_cb (GtkListItem *item,
                     const char  *severity,
                     gpointer     data)
{
  return g_strdupv ((char **) (const char *[]) {
    "status-pill", is_mismatch (severity) ? "error" : "warning", NULL });
}

static char *
severity_icon_cb (GtkListItem *item,
                  const char  *severity,
                  gpointer     data)
{
  return g_strdup (is_mismatch (severity) ? "dialog-error-symbolic" : "dialog-warning-symbolic");
}

static char *
severity_label_cb (GtkListItem *item,
                   const char  *severity,
                   gpointer     data)
{
  return g_strdup (is_mismatch (severity) ? _("Mismatch") : _("Rounding"));
}

/* --- figures ---------------------------------------------------------------- */

static const char * const figure_cell_names[N_FIGURES] = {
  "stated-cell", "computed-cell", "difference-cell",
};

static gint64
finding_figure (QuorumFinding *finding,
                Figure         figure)
{
  switch (figure)
    {
    case FIGURE_STATED: return quorum_finding_get_stated (finding);
    case FIGURE_COMPUTED: return quorum_finding_get_computed (finding);
    case FIGURE_DIFFERENCE:
    default: return quorum_finding_get_difference (finding);
    }
}

/* A figure as the view shows it: at the view's precision, a difference
 * with its sign. */
static char *
figure_text (QuorumChecksView *self,
             QuorumFinding    *finding,
             Figure            figure)
{
  gint64 amount = finding_figure (finding, figure);
  g_autofree char *text = quorum_amount_format_decimals (amount, "GBP", self->decimals);

  if (figure == FIGURE_DIFFERENCE && amount > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

static void
show_figure (gpointer     view,
             GtkListItem *item,
             guint        kind)
{
  QuorumChecksView *self = view;
  Figure figure = kind;
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  g_autofree char *text = figure_text (self, gtk_list_item_get_item (item), figure);

  gtk_inscription_set_min_chars (cell, self->figure_chars[figure]);
  gtk_inscription_set_nat_chars (cell, self->figure_chars[figure]);
  gtk_inscription_set_text (cell, text);
}

static void
setup_figure_columns (QuorumChecksView *self)
{
  self->figure_cells = quorum_figure_columns_new (self->figure_columns, figure_cell_names,
                                                  self->figure_chars, N_FIGURES, show_figure,
                                                  self);
}

/* The figures' precision and width follow every finding, shown or not, so
 * that filtering does not change them: the core decides the precision (two
 * decimals when any figure has pence), and the columns are as wide as the
 * widest figure, so that they never give way to the names. */
static void
update_figures (QuorumChecksView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  g_autoptr(GArray) amounts = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n * N_FIGURES);
  guint chars[N_FIGURES] = { 4, 4, 4 };
  guint decimals = self->decimals;
  gboolean changed;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      for (Figure f = 0; f < N_FIGURES; f++)
        {
          gint64 amount = finding_figure (finding, f);

          g_array_append_val (amounts, amount);
        }
    }
  self->decimals = quorum_amount_decimals ((const gint64 *) (gpointer) amounts->data,
                                           amounts->len, "GBP");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      for (Figure f = 0; f < N_FIGURES; f++)
        {
          g_autofree char *text = figure_text (self, finding, f);

          chars[f] = MAX (chars[f], quorum_figure_ui_figure_chars (text));
        }
    }
  changed = decimals != self->decimals;
  for (Figure f = 0; f < N_FIGURES; f++)
    {
      changed |= chars[f] != self->figure_chars[f];
      self->figure_chars[f] = chars[f];
    }
  if (changed)
    quorum_figure_columns_show_all (self->figure_cells);
}

/* On a narrow view, the computed figure and difference win the space, the
 * severity shows as its sign alone (named in its tooltip), and the row,
 * the column and the rule share one column, a card that wraps; the
 * document and the table are in its tooltip, and in the Budgets view a
 * finding opens. The view lays its child out itself (no layout manager),
 * to know its width. */
static void
set_up_fold (QuorumChecksView *self)
{
  GtkColumnViewColumn *narrow_hides[] = {
    self->document_column, self->table_column, self->row_column, self->column_column,
    self->rule_column, self->figure_columns[FIGURE_STATED], NULL,
  };
  GtkColumnViewColumn *narrow_shows[] = { self->card_column, NULL };

  self->fold = quorum_ui_column_fold_new (0, NARROW_WIDTH);
  quorum_ui_column_fold_set_columns (self->fold, NULL, narrow_hides, narrow_shows);
}

/* Below SIGN_WIDTH the severity is its sign alone (its word in the
 * tooltip); narrower than NARROW_WIDTH, the other columns fold too. */
static void
fold (GtkWidget *widget,
      int        width)
{
  QuorumChecksView *self = QUORUM_CHECKS_VIEW (widget);

  quorum_ui_column_fold_apply (self->fold, width);
  gtk_column_view_column_set_visible (self->severity_icon_column, width < SIGN_WIDTH);
  gtk_column_view_column_set_visible (self->severity_column, width >= SIGN_WIDTH);
}

typedef enum
{
  PART_DOCUMENT,
  PART_TABLE,
  PART_ROW,
  PART_COLUMN,
} Part;

static char *
place_text (QuorumChecksView *self,
            QuorumFinding    *finding,
            Part              part)
{
  Place place;

  if (finding == NULL)
    return NULL;
  resolve_place (self, finding, &place);
  switch (part)
    {
    case PART_DOCUMENT: return g_strdup (place.document);
    case PART_TABLE: return g_strdup (place.table);
    case PART_ROW: return g_strdup (place.row);
    case PART_COLUMN:
    default: return g_strdup (place.column);
    }
}

#define PLACE_COLUMN(name, PART, min_chars, chars) \
  static char * \
  name##_text_cb (GtkListItem      *item, \
                  QuorumFinding    *finding, \
                  QuorumChecksView *self) \
  { \
    return place_text (self, finding, PART); \
  } \
  \
  static void \
  setup_##name##_cb (GtkSignalListItemFactory *factory, \
                     GtkListItem              *item, \
                     QuorumChecksView         *self) \
  { \
    setup_place (item, #name "-cell", min_chars, chars, G_CALLBACK (name##_text_cb), self); \
  }

/* A place's cell, its text and tooltip bound to the finding through
 * @text_cb, with the view (whose store names the place) as data. */
static void
setup_place (GtkListItem      *item,
             const char       *name,
             guint             min_chars,
             guint             chars,
             GCallback         text_cb,
             QuorumChecksView *self)
{
  GtkWidget *cell = quorum_ui_cell_new (0, chars);
  const char * const bound[] = { "text", "tooltip-text" };

  /* Names give way to the figures, wrapped onto two lines, with the whole
   * in the tooltip; a document's title is cut in the middle, where titles
   * differ ("SEC Panel Budget 2020–2023"), the others keep their start
   * ("Table 2: …"). The row and the column, what a finding is about, keep
   * room for a long word ("Contingency", "Approved") rather than break
   * inside it. */
  gtk_widget_set_name (cell, name);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 2);
  if (g_str_equal (name, "document-cell"))
    gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                       GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);

  gtk_list_item_set_child (item, cell);
  for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
    {
      GtkExpression *finding = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

      gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &finding,
                                                        text_cb, self, NULL),
                           cell, bound[i], item);
    }
}

PLACE_COLUMN (document, PART_DOCUMENT, 6, 20)
PLACE_COLUMN (table, PART_TABLE, 6, 22)
PLACE_COLUMN (row, PART_ROW, 10, 16)
PLACE_COLUMN (column, PART_COLUMN, 8, 16)

/* --- the narrow card ------------------------------------------------------ */

static GtkWidget *
card_label_new (const char *name,
                guint       max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* At words, not word-char: see HACKING (the view can be the first frame). */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (label), 13);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* A finding as a card, on a narrow view: its row's label, and beneath it,
 * dimmed, its column and rule, each wrapped as far as it needs (labels in
 * a grid: see HACKING); the whole place is in its tooltip. */
static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               QuorumChecksView         *self)
{
  GtkWidget *card = gtk_grid_new ();
  GtkWidget *detail = card_label_new ("card-detail", 32);

  gtk_widget_set_name (card, "card-cell");
  gtk_widget_set_valign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (card, 4);
  gtk_widget_set_margin_bottom (card, 4);
  gtk_grid_set_row_spacing (GTK_GRID (card), 2);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_grid_attach (GTK_GRID (card), card_label_new ("card-row", 24), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (card), detail, 0, 1, 1, 1);
  gtk_list_item_set_child (item, card);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              QuorumChecksView         *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  GtkWidget *row = gtk_grid_get_child_at (GTK_GRID (card), 0, 0);
  GtkWidget *detail = gtk_grid_get_child_at (GTK_GRID (card), 0, 1);
  QuorumFinding *finding = gtk_list_item_get_item (item);
  g_autofree char *rule = quorum_finding_describe_rule (finding);
  g_autofree char *text = NULL;
  g_autofree char *place_tip = NULL;
  Place place;

  resolve_place (self, finding, &place);
  /* TRANSLATORS: a finding on a narrow view, beneath its row: its column
   * and why it is flagged, "Approved 2020/21 · Percentage: of the rows…" */
  text = place.column != NULL ? g_strdup_printf (_("%1$s · %2$s"), place.column, rule)
                              : g_strdup (rule);
  /* TRANSLATORS: where a finding is, in a tooltip: its document, table,
   * row and column */
  place_tip = g_strdup_printf (_("%1$s › %2$s › %3$s › %4$s"), place.document, place.table,
                               place.row != NULL ? place.row : "",
                               place.column != NULL ? place.column : "");
  gtk_label_set_text (GTK_LABEL (row), place.row != NULL ? place.row : "");
  gtk_label_set_text (GTK_LABEL (detail), text);
  gtk_widget_set_tooltip_text (card, place_tip);
  /* A finding's cells are read with its row's label; the card says the
   * rest as its description. */
  quorum_ui_a11y_set_text (card, place.row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

static void
activate_cb (QuorumChecksView *self,
             guint             position)
{
  g_autoptr(QuorumFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                            position);

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static void
quorum_checks_view_dispose (GObject *object)
{
  QuorumChecksView *self = QUORUM_CHECKS_VIEW (object);

  quorum_checks_view_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_CHECKS_VIEW);

  g_clear_pointer (&self->fold, quorum_ui_column_fold_free);
  G_OBJECT_CLASS (quorum_checks_view_parent_class)->dispose (object);
}

static void
quorum_checks_view_finalize (GObject *object)
{
  QuorumChecksView *self = QUORUM_CHECKS_VIEW (object);

  g_clear_object (&self->findings);
  g_clear_object (&self->document_findings);
  g_clear_object (&self->document_names);
  g_clear_pointer (&self->document_ids, g_ptr_array_unref);
  g_clear_object (&self->filter);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->search, g_free);
  g_clear_object (&self->figure_cells);

  G_OBJECT_CLASS (quorum_checks_view_parent_class)->finalize (object);
}

static void
quorum_checks_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumChecksView *self = QUORUM_CHECKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_checks_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QuorumChecksView *self = QUORUM_CHECKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: quorum_checks_view_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_checks_view_class_init (QuorumChecksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_checks_view_dispose;
  object_class->finalize = quorum_checks_view_finalize;
  object_class->get_property = quorum_checks_view_get_property;
  object_class->set_property = quorum_checks_view_set_property;
  quorum_ui_bin_class_fold_on_width (widget_class, fold);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumChecksView::finding-activated:
   * @finding: the #QuorumFinding
   *
   * A finding was activated: show its cell.
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, QUORUM_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/quorum-checks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, count_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, severity_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, severity_icon_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, document_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, table_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, row_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, card_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, column_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumChecksView, rule_column);
  gtk_widget_class_bind_template_child_full (widget_class, "stated_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumChecksView,
                                                              figure_columns[FIGURE_STATED]));
  gtk_widget_class_bind_template_child_full (widget_class, "computed_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumChecksView,
                                                              figure_columns[FIGURE_COMPUTED]));
  gtk_widget_class_bind_template_child_full (widget_class, "difference_column", FALSE,
                                             G_STRUCT_OFFSET (QuorumChecksView,
                                                              figure_columns[FIGURE_DIFFERENCE]));
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, severity_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, severity_icon_cb);
  gtk_widget_class_bind_template_callback (widget_class, severity_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_document_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_table_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_column_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_card_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_card_cb);
}

static void
quorum_checks_view_init (QuorumChecksView *self)
{
  static const char *severities[] = { N_("All"), N_("Mismatch"), N_("Rounding"), NULL };
  g_autoptr(GtkStringList) severity_names = gtk_string_list_new (NULL);
  GtkMultiSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  setup_figure_columns (self);
  set_up_fold (self);
  /* A finding's cells are read with its row's label: "Projects, Stated: …". */
  quorum_ui_a11y_set_label_column (self->column_view, _("Row"));

  for (guint i = 0; severities[i] != NULL; i++)
    gtk_string_list_append (severity_names, _(severities[i]));
  gtk_drop_down_set_model (self->severity_dropdown, G_LIST_MODEL (severity_names));

  self->document_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->document_names, _("All Documents"));
  self->document_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->document_ids, NULL);
  gtk_drop_down_set_model (self->document_dropdown, G_LIST_MODEL (self->document_names));
  /* A long title is cut in the button, so that the bar stays one line. */
  quorum_figure_ui_setup_drop_down (self->document_dropdown);

  self->document_findings = gtk_map_list_model_new (NULL, map_document_findings, NULL, NULL);
  self->findings =
    gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->document_findings)));
  g_signal_connect_object (self->findings, "items-changed", G_CALLBACK (update_figures), self,
                           G_CONNECT_SWAPPED);
  update_figures (self);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->findings)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* Several findings can be selected (Ctrl+click, Shift+click, Ctrl+A) and copied. */
  selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  quorum_ui_column_view_fix_ctrl_click (self->column_view);
  g_object_unref (selection);

  update_count (self);
}

GtkWidget *
quorum_checks_view_new (void)
{
  return g_object_new (QUORUM_TYPE_CHECKS_VIEW, NULL);
}

/**
 * quorum_checks_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store whose findings are shown
 */
QuorumStore *
quorum_checks_view_get_store (QuorumChecksView *self)
{
  g_return_val_if_fail (QUORUM_IS_CHECKS_VIEW (self), NULL);
  return self->store;
}

/**
 * quorum_checks_view_set_store:
 * @store: (nullable): the store whose findings to show; they follow its
 *   loads and reloads
 */
void
quorum_checks_view_set_store (QuorumChecksView *self,
                              QuorumStore      *store)
{
  g_return_if_fail (QUORUM_IS_CHECKS_VIEW (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (quorum_store_get_documents (self->store), self);
  g_set_object (&self->store, store);
  /* The findings first: documents_changed_cb() counts them. */
  if (self->document_findings != NULL)
    gtk_map_list_model_set_model (self->document_findings,
                                  store != NULL ? quorum_store_get_documents (store) : NULL);
  if (store != NULL)
    g_signal_connect_object (quorum_store_get_documents (store), "items-changed",
                             G_CALLBACK (documents_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->findings != NULL)
    documents_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * quorum_checks_view_set_severity:
 *
 * Shows the findings of @severity only (or all).
 */
void
quorum_checks_view_set_severity (QuorumChecksView     *self,
                                 QuorumChecksSeverity  severity)
{
  g_return_if_fail (QUORUM_IS_CHECKS_VIEW (self));
  gtk_drop_down_set_selected (self->severity_dropdown, severity);
}

/**
 * quorum_checks_view_set_document:
 * @document_id: (nullable): a document's id, or %NULL for every document
 *
 * Shows the findings of one document only; also clears the search, so that
 * the view shows what was asked for.
 */
void
quorum_checks_view_set_document (QuorumChecksView *self,
                                 const char       *document_id)
{
  guint position = 0;

  g_return_if_fail (QUORUM_IS_CHECKS_VIEW (self));

  for (guint i = 1; document_id != NULL && i < self->document_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->document_ids, i), document_id) == 0)
      position = i;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->document_dropdown, position);
}

/**
 * quorum_checks_view_get_shown:
 *
 * Returns: (transfer none): the findings shown, after the filters
 */
GListModel *
quorum_checks_view_get_shown (QuorumChecksView *self)
{
  g_return_val_if_fail (QUORUM_IS_CHECKS_VIEW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/* --- QuorumSearchable ---------------------------------------------------------------- */

static gboolean
focus_search (QuorumSearchable  *searchable,
              const char       **why_not)
{
  gtk_widget_grab_focus (GTK_WIDGET (QUORUM_CHECKS_VIEW (searchable)->search_entry));
  return TRUE;
}

static void
searchable_iface_init (QuorumSearchableInterface *iface)
{
  iface->focus_search = focus_search;
}
