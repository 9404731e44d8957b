/* quorum-table-view.c: one budget table: its rows, a search, a variance and details
 *
 * The table's rows in a column view over a tree list model: the top-level
 * rows and the stated total, a group's rows made only when it is first
 * expanded. The model chain is
 *
 *   GtkTreeListModel → GtkFilterListModel → GtkSortListModel → selection
 *
 * with a second sort model and selection over the same filter for the
 * variance view. The filter and the sorters are only attached while they
 * do something (a search, a sort column), so a plain table costs nothing
 * beyond its tree.
 *
 * Searching looks at each row's label, note and id (casefolded once, on the
 * first search). A row is shown when it matches, when a row above it
 * matches (a group shows its rows) or when a row beneath it matches (a
 * group is kept, and expanded, for the matches in it).
 *
 * GTK 4.8 has no cell focus and no gtk_column_view_scroll_to(): showing a
 * cell selects, scrolls to and focuses its row with the list's own
 * "list.scroll-to-item" action, marks the cell and scrolls its column into
 * view once it is laid out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-table-cell.h"
#include "quorum-table-details.h"
#include "quorum-table-item.h"
#include "quorum-table-view.h"
#include "quorum-ui-util.h"

struct _QuorumTableView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkToggleButton *table_button;
  GtkToggleButton *variance_button;
  GtkToggleButton *search_button;
  GtkToggleButton *details_button;
  GtkMenuButton *menu_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *match_label;
  AdwFlap *flap;
  GtkStack *content_stack;
  GtkScrolledWindow *table_scroll;
  GtkColumnView *column_view;
  GtkColumnViewColumn *label_column;
  GtkDropDown *from_dropdown;
  GtkDropDown *to_dropdown;
  GtkColumnView *variance_view;
  GtkColumnViewColumn *variance_label_column;
  GtkColumnViewColumn *from_column;
  GtkColumnViewColumn *to_column;
  GtkColumnViewColumn *difference_column;
  GtkColumnViewColumn *change_column;
  QuorumTableDetails *details;

  /* owned */
  GSimpleActionGroup *actions;
  QuorumStore *store;
  QuorumBudgetDocument *document;
  QuorumTable *table;
  GtkTreeListModel *tree;
  GtkCustomFilter *filter;
  GtkFilterListModel *filter_model;
  GtkSorter *row_sorter;            /* the total last, then the column view's, by level */
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;
  GtkSorter *variance_row_sorter;
  GtkSortListModel *variance_sort_model;
  GtkSingleSelection *variance_selection;
  GPtrArray *value_columns;         /* of GtkColumnViewColumn, one per table column */
  GHashTable *haystacks;            /* QuorumRow* → casefolded label, note and id */
  GHashTable *shown_rows;           /* QuorumRow* set while searching, else NULL */
  char *query;                      /* casefolded; NULL when not searching */
  guint n_matches;
  guint from_index;
  guint to_index;
  guint variance_chars;
  QuorumRow *target_row;            /* the cell show_cell() asked for; not a reference */
  int target_column;
  guint scroll_tick;
  guint sync_idle;
  guint bulk;                       /* bulk_begin() depth */
  guint bulk_off;                   /* > 0: bulk_begin() does nothing */
  gboolean bulk_had_focus;
};

G_DEFINE_FINAL_TYPE (QuorumTableView, quorum_table_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A table column's cells know their column by this. */
typedef struct
{
  QuorumTableView *self;
  guint index;
  guint chars;
  char *kind;    /* "value:COLUMN-ID" */
} ValueColumn;

static void
value_column_free (gpointer data)
{
  ValueColumn *column = data;

  g_free (column->kind);
  g_free (column);
}

/* The cells' own data, to bind them again where they are; the kind says
 * which column a cell is in (for tests and tools): "label", "value:ID",
 * "from", "to", "difference" or "change". */
#define KIND_KEY "quorum-cell-kind"
#define LIST_ITEM_KEY "quorum-list-item"

/* More groups than this opened at once are opened away from the view. */
#define BULK_GROUPS 8
#define COLUMN_KEY "quorum-value-column"
#define REBIND_KEY "quorum-rebind"

typedef void (*RebindFunc) (GtkSignalListItemFactory *factory,
                            GtkListItem              *list_item,
                            QuorumTableView          *self);

static void update_details (QuorumTableView *self);
static void update_content_page (QuorumTableView *self);
static void apply_query (QuorumTableView *self,
                         const char      *text);

/* --- helpers --------------------------------------------------------------- */

/* Returns: (transfer full) (nullable): the item of a tree row; NULL for a
 * row whose group was collapsed, which list items and sorters may still
 * hold for a moment in GTK 4.8 */
static QuorumTableItem *
row_item (gpointer tree_row)
{
  return tree_row != NULL ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (tree_row)) : NULL;
}

static guint
n_table_columns (QuorumTableView *self)
{
  return self->table != NULL ? quorum_table_get_n_columns (self->table) : 0;
}

static gboolean
showing_variance (QuorumTableView *self)
{
  return gtk_toggle_button_get_active (self->variance_button);
}

static const char *
unit_label (const char *unit)
{
  if (g_strcmp0 (unit, "GBP") == 0)
    return _("Pounds");
  if (g_strcmp0 (unit, "count") == 0)
    return _("Counts");
  if (g_strcmp0 (unit, "fte") == 0)
    return _("Full-time equivalents");
  return unit;
}

/* Text for searching: casefolded and normalised, so that "Sme" finds "SME". */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
}

/* The widest figure of a column, in characters, so that its cells keep one
 * width whatever rows are in view. */
static void
column_chars (GListModel *rows,
              guint       column,
              gint64     *widest,
              gboolean   *any_negative)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      const QuorumValue *value = quorum_row_get_effective (row, column);
      GListModel *children = quorum_row_get_children (row);

      if (quorum_value_is_amount (value))
        {
          gint64 magnitude = ABS (value->amount);

          /* Pence make a figure longer: count them in. */
          if (magnitude % 100 != 0)
            magnitude = magnitude / 100 * 100 + 99;
          *widest = MAX (*widest, magnitude);
          *any_negative |= value->amount < 0;
        }
      if (children != NULL)
        column_chars (children, column, widest, any_negative);
    }
}

static guint
measure_column (QuorumTable *table,
                guint        column)
{
  gint64 widest = 0;
  gboolean any_negative = FALSE;
  QuorumRow *total = quorum_table_get_total (table);
  g_autofree char *text = NULL;

  column_chars (quorum_table_get_rows (table), column, &widest, &any_negative);
  if (total != NULL && quorum_value_is_amount (quorum_row_get_effective (total, column)))
    widest = MAX (widest, ABS (quorum_row_get_effective (total, column)->amount));
  text = quorum_amount_format_display (widest, quorum_table_get_unit (table));
  return MAX (6, g_utf8_strlen (text, -1) + (any_negative ? 1 : 0));
}

/* --- header titles ----------------------------------------------------------- */

/* GTK 4.8's column titles are a label and a sort arrow in a box, in column
 * order, under the column view's "header" child; nothing public reaches
 * them. Found here to wrap long titles and to read which column sorts. */
static GtkWidget *
column_view_header (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      return child;
  return NULL;
}

/* A column's title in at most three lines, broken between words, so that
 * a long label ("Variance Draft Budget 2020/21 to Estimated Outturn
 * 2019/20") does not make its column of figures wide: GTK 4.8's column
 * titles neither wrap nor ellipsize. */
static char *
wrap_title (const char *label)
{
  g_auto(GStrv) words = g_strsplit (label, " ", -1);
  guint length = g_utf8_strlen (label, -1);

  for (guint width = MAX (16, (length + 2) / 3); ; width++)
    {
      GString *out = g_string_new (NULL);
      guint line = 0, lines = 1;

      for (guint i = 0; words[i] != NULL; i++)
        {
          guint word = g_utf8_strlen (words[i], -1);

          if (line > 0 && line + 1 + word > width)
            {
              g_string_append_c (out, '\n');
              lines++;
              line = 0;
            }
          else if (line > 0)
            {
              g_string_append_c (out, ' ');
              line++;
            }
          g_string_append (out, words[i]);
          line += word;
        }
      if (lines <= 3 || width >= length)
        return g_string_free (out, FALSE);
      g_string_free (out, TRUE);
    }
}

/* GTK 4.8's column titles are a label and a sort indicator in a box, in
 * column order, under the column view's "header" child; nothing public
 * reaches them. Found here to align the titles of figures right and to
 * give each its label whole in a tooltip. */
static void
style_titles (GtkColumnView *view)
{
  GtkWidget *header = column_view_header (view);
  GListModel *columns = gtk_column_view_get_columns (view);
  guint i = 0;

  if (header == NULL)
    return;
  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL;
       title = gtk_widget_get_next_sibling (title), i++)
    {
      GtkWidget *box = gtk_widget_get_first_child (title);
      GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autofree char *tooltip = NULL;
      gboolean figure;

      if (!GTK_IS_LABEL (label) || column == NULL)
        continue;
      figure = !gtk_column_view_column_get_expand (column);
      tooltip = g_strdelimit (g_strdup (gtk_column_view_column_get_title (column)), "\n", ' ');
      gtk_widget_set_tooltip_text (title, tooltip);
      gtk_label_set_xalign (GTK_LABEL (label), figure ? 1 : 0);
      gtk_label_set_justify (GTK_LABEL (label), figure ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
    }
}

/* Returns: the index of the column sorting @view, or -1. Its title's sort
 * indicator (after the label) has the class "ascending" or "descending". */
static int
sort_column_index (GtkColumnView *view,
                   gboolean      *descending)
{
  GtkWidget *header = column_view_header (view);
  int i = 0;

  *descending = FALSE;
  if (header == NULL)
    return -1;
  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL;
       title = gtk_widget_get_next_sibling (title), i++)
    {
      GtkWidget *box = gtk_widget_get_first_child (title);
      GtkWidget *indicator = box != NULL ? gtk_widget_get_last_child (box) : NULL;

      if (indicator == NULL || !gtk_widget_get_visible (indicator))
        continue;
      if (gtk_widget_has_css_class (indicator, "descending"))
        {
          *descending = TRUE;
          return i;
        }
      if (gtk_widget_has_css_class (indicator, "ascending"))
        return i;
    }
  return -1;
}

/* --- cells ------------------------------------------------------------------- */

static QuorumTableCellFlags
row_flags (QuorumTableItem *item)
{
  QuorumRowKind kind = quorum_row_get_kind (quorum_table_item_get_row (item));

  if (kind == QUORUM_ROW_TOTAL)
    return QUORUM_TABLE_CELL_TOTAL;
  if (kind == QUORUM_ROW_GROUP)
    return QUORUM_TABLE_CELL_GROUP;
  return 0;
}

static void
update_value_cell (QuorumTableView *self,
                   QuorumTableCell *cell,
                   QuorumTableItem *item,
                   guint            column)
{
  QuorumCellSource source = quorum_table_item_get_source (item, column);
  QuorumTableCellFlags flags = row_flags (item);
  QuorumSeverity severity = QUORUM_SEVERITY_ROUNDING;
  gboolean has_finding = quorum_table_item_get_severity (item, column, &severity);
  g_autofree char *explanation = NULL;
  gint64 amount;

  if (source == QUORUM_CELL_COMPUTED)
    flags |= QUORUM_TABLE_CELL_COMPUTED;
  else if (source == QUORUM_CELL_NA)
    flags |= QUORUM_TABLE_CELL_NA;
  if (quorum_table_item_get_amount (item, column, &amount) && amount < 0)
    flags |= QUORUM_TABLE_CELL_NEGATIVE;
  if (has_finding)
    flags |= severity == QUORUM_SEVERITY_MISMATCH ? QUORUM_TABLE_CELL_MISMATCH
                                                  : QUORUM_TABLE_CELL_ROUNDING;
  if (self->target_row != NULL && quorum_table_item_get_row (item) == self->target_row &&
      (int) column == self->target_column && !showing_variance (self))
    flags |= QUORUM_TABLE_CELL_TARGET;

  /* Only a marked cell pays for an explanation. */
  if (has_finding || source == QUORUM_CELL_COMPUTED)
    explanation = quorum_table_item_dup_explanation (item, column);

  quorum_table_cell_set_text (cell, quorum_table_item_get_text (item, column));
  quorum_table_cell_set_icon_name (cell, has_finding ? quorum_table_severity_icon_name (severity)
                                                     : NULL);
  quorum_table_cell_set_flags (cell, flags);
  quorum_table_cell_set_explanation (cell, explanation);
}

static void
setup_value_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                ValueColumn              *column)
{
  GtkWidget *cell = quorum_table_cell_new (1, column->chars);

  g_object_set_data (G_OBJECT (cell), KIND_KEY, column->kind);
  g_object_set_data (G_OBJECT (cell), LIST_ITEM_KEY, list_item);
  g_object_set_data (G_OBJECT (cell), COLUMN_KEY, column);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_value_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ValueColumn              *column)
{
  g_autoptr(QuorumTableItem) item = row_item (gtk_list_item_get_item (list_item));
  QuorumTableCell *cell = QUORUM_TABLE_CELL (gtk_list_item_get_child (list_item));

  quorum_table_cell_set_chars (cell, column->chars);
  if (item == NULL)
    return;
  update_value_cell (column->self, cell, item, column->index);
}

/* Binds the cells in view again, where they are: after the target cell or
 * the variance's columns change. */
static void
refresh_cells (QuorumTableView *self,
               GtkWidget       *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ValueColumn *column = g_object_get_data (G_OBJECT (child), COLUMN_KEY);
      RebindFunc rebind = g_object_get_data (G_OBJECT (child), REBIND_KEY);
      GtkListItem *list_item = g_object_get_data (G_OBJECT (child), LIST_ITEM_KEY);

      if (list_item == NULL)
        refresh_cells (self, child);
      else if (gtk_list_item_get_item (list_item) == NULL)
        continue;
      else if (column != NULL)
        bind_value_cb (NULL, list_item, column);
      else if (rebind != NULL)
        rebind (NULL, list_item, self);
    }
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                QuorumTableView          *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 14);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 36);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (inscription, TRUE);
  gtk_widget_set_valign (inscription, GTK_ALIGN_CENTER);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), inscription);
  gtk_widget_add_css_class (expander, "row-label");
  g_object_set_data (G_OBJECT (expander), KIND_KEY, (gpointer) "label");
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               QuorumTableView          *self)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *inscription = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(QuorumTableItem) item = row_item (tree_row);
  QuorumRowKind kind;
  const char *label;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), tree_row);
  if (item == NULL)
    return;
  kind = quorum_row_get_kind (quorum_table_item_get_row (item));
  label = quorum_row_get_label (quorum_table_item_get_row (item));
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), label);
  gtk_widget_set_tooltip_text (inscription, label);
  if (kind == QUORUM_ROW_TOTAL)
    gtk_widget_add_css_class (expander, "total");
  else
    gtk_widget_remove_css_class (expander, "total");
  if (kind == QUORUM_ROW_GROUP)
    gtk_widget_add_css_class (expander, "group");
  else
    gtk_widget_remove_css_class (expander, "group");
}

static void
unbind_label_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 QuorumTableView          *self)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);
}

/* --- variance cells ------------------------------------------------------------ */

static gboolean
variance_ready (QuorumTableView *self)
{
  guint n = n_table_columns (self);

  return self->from_index < n && self->to_index < n;
}

/* The figures of a row's variance; FALSE when either side is blank. N/A
 * counts as 0, as in every sum. */
static gboolean
row_variance (QuorumTableView *self,
              QuorumTableItem *item,
              gint64          *difference,
              gint64          *percent,
              gboolean        *has_percent)
{
  QuorumCellSource from_source, to_source;
  gint64 from = 0, to = 0;

  if (!variance_ready (self))
    return FALSE;
  from_source = quorum_table_item_get_source (item, self->from_index);
  to_source = quorum_table_item_get_source (item, self->to_index);
  if (from_source == QUORUM_CELL_EMPTY || to_source == QUORUM_CELL_EMPTY)
    return FALSE;
  quorum_table_item_get_amount (item, self->from_index, &from);
  quorum_table_item_get_amount (item, self->to_index, &to);
  *has_percent = quorum_amount_change (from, to, difference, percent) &&
                 from_source != QUORUM_CELL_NA;
  return TRUE;
}

static void bind_from_cb       (GtkSignalListItemFactory *factory,
                                GtkListItem              *list_item,
                                QuorumTableView          *self);
static void bind_to_cb         (GtkSignalListItemFactory *factory,
                                GtkListItem              *list_item,
                                QuorumTableView          *self);
static void bind_difference_cb (GtkSignalListItemFactory *factory,
                                GtkListItem              *list_item,
                                QuorumTableView          *self);
static void bind_change_cb     (GtkSignalListItemFactory *factory,
                                GtkListItem              *list_item,
                                QuorumTableView          *self);

static void
setup_variance_cell_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        QuorumTableView          *self)
{
  GtkWidget *cell = quorum_table_cell_new (1, self->variance_chars);
  GtkColumnViewColumn *column = NULL;
  RebindFunc rebind;

  /* One setup for three columns: which one is told by the factory. */
  if (factory == (gpointer) gtk_column_view_column_get_factory (self->from_column))
    column = self->from_column;
  else if (factory == (gpointer) gtk_column_view_column_get_factory (self->to_column))
    column = self->to_column;
  rebind = column == self->from_column ? bind_from_cb
         : column == self->to_column ? bind_to_cb
         : bind_difference_cb;
  g_object_set_data (G_OBJECT (cell), KIND_KEY,
                     (gpointer) (column == self->from_column ? "from"
                                 : column == self->to_column ? "to" : "difference"));
  g_object_set_data (G_OBJECT (cell), LIST_ITEM_KEY, list_item);
  g_object_set_data (G_OBJECT (cell), REBIND_KEY, rebind);
  gtk_list_item_set_child (list_item, cell);
}

static void
setup_change_cell_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      QuorumTableView          *self)
{
  GtkWidget *cell = quorum_table_cell_new (1, 9);

  g_object_set_data (G_OBJECT (cell), KIND_KEY, (gpointer) "change");
  g_object_set_data (G_OBJECT (cell), LIST_ITEM_KEY, list_item);
  g_object_set_data (G_OBJECT (cell), REBIND_KEY, bind_change_cb);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_side (QuorumTableView *self,
           GtkListItem     *list_item,
           guint            column)
{
  QuorumTableCell *cell = QUORUM_TABLE_CELL (gtk_list_item_get_child (list_item));
  g_autoptr(QuorumTableItem) item = row_item (gtk_list_item_get_item (list_item));

  quorum_table_cell_set_chars (cell, self->variance_chars);
  if (item == NULL)
    return;
  if (column >= n_table_columns (self))
    {
      quorum_table_cell_set_text (cell, NULL);
      return;
    }
  update_value_cell (self, cell, item, column);
}

static void
bind_from_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              QuorumTableView          *self)
{
  bind_side (self, list_item, self->from_index);
}

static void
bind_to_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            QuorumTableView          *self)
{
  bind_side (self, list_item, self->to_index);
}

static void
bind_difference_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    QuorumTableView          *self)
{
  QuorumTableCell *cell = QUORUM_TABLE_CELL (gtk_list_item_get_child (list_item));
  g_autoptr(QuorumTableItem) item = row_item (gtk_list_item_get_item (list_item));
  QuorumTableCellFlags flags;
  g_autofree char *text = NULL;
  gint64 difference = 0, percent = 0;
  gboolean has_percent;
  const char *icon = NULL;
  g_autofree char *explanation = NULL;

  if (item == NULL)
    return;
  flags = row_flags (item);
  if (!row_variance (self, item, &difference, &percent, &has_percent))
    {
      flags |= QUORUM_TABLE_CELL_NA;
      text = g_strdup ("—");
      explanation = g_strdup (_("No difference: one of the two figures is blank"));
    }
  else
    {
      const char *from = quorum_table_item_get_text (item, self->from_index);
      const char *to = quorum_table_item_get_text (item, self->to_index);

      text = quorum_table_format_signed (difference, quorum_table_item_get_unit (item));
      if (difference > 0)
        {
          icon = "go-up-symbolic";
          /* TRANSLATORS: e.g. "An increase from £824,986 to £1,082,102" */
          explanation = g_strdup_printf (_("An increase from %s to %s"), from, to);
        }
      else if (difference < 0)
        {
          icon = "go-down-symbolic";
          /* TRANSLATORS: e.g. "A decrease from £1,694,000 to £1,232,000" */
          explanation = g_strdup_printf (_("A decrease from %s to %s"), from, to);
          flags |= QUORUM_TABLE_CELL_NEGATIVE;
        }
      else
        explanation = g_strdup (_("No change"));
    }
  quorum_table_cell_set_chars (cell, self->variance_chars);
  quorum_table_cell_set_text (cell, text);
  quorum_table_cell_set_icon_name (cell, icon);
  quorum_table_cell_set_flags (cell, flags);
  quorum_table_cell_set_explanation (cell, explanation);
}

static void
bind_change_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                QuorumTableView          *self)
{
  QuorumTableCell *cell = QUORUM_TABLE_CELL (gtk_list_item_get_child (list_item));
  g_autoptr(QuorumTableItem) item = row_item (gtk_list_item_get_item (list_item));
  QuorumTableCellFlags flags;
  g_autofree char *text = NULL;
  gint64 difference = 0, percent = 0;
  gboolean has_percent = FALSE;
  const char *explanation = NULL;

  if (item == NULL)
    return;
  flags = row_flags (item);
  if (row_variance (self, item, &difference, &percent, &has_percent) && has_percent)
    {
      text = quorum_table_format_percent (percent);
      if (percent < 0)
        flags |= QUORUM_TABLE_CELL_NEGATIVE;
    }
  else
    {
      text = g_strdup ("—");
      flags |= QUORUM_TABLE_CELL_NA;
      explanation = _("No percentage: the first figure is zero, N/A or blank");
    }
  quorum_table_cell_set_text (cell, text);
  quorum_table_cell_set_flags (cell, flags);
  quorum_table_cell_set_explanation (cell, explanation);
}

/* --- sorting ------------------------------------------------------------------- */

/* Blank and N/A figures below any amount: last when the largest come
 * first (GTK reverses the whole order for a descending sort). */
static int
compare_cells (QuorumTableItem *a,
               QuorumTableItem *b,
               guint            column)
{
  gint64 amount_a = 0, amount_b = 0;
  gboolean has_a = a != NULL && quorum_table_item_get_amount (a, column, &amount_a);
  gboolean has_b = b != NULL && quorum_table_item_get_amount (b, column, &amount_b);

  if (!has_a || !has_b)
    return !has_b - !has_a;
  return (amount_a > amount_b) - (amount_a < amount_b);
}

static int
compare_value (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ValueColumn *column = user_data;

  return compare_cells ((QuorumTableItem *) a, (QuorumTableItem *) b, column->index);
}

static int
compare_from (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  QuorumTableView *self = user_data;

  if (!variance_ready (self))
    return 0;
  return compare_cells ((QuorumTableItem *) a, (QuorumTableItem *) b, self->from_index);
}

static int
compare_to (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  QuorumTableView *self = user_data;

  if (!variance_ready (self))
    return 0;
  return compare_cells ((QuorumTableItem *) a, (QuorumTableItem *) b, self->to_index);
}

static int
compare_variance (QuorumTableView *self,
                  gconstpointer    a,
                  gconstpointer    b,
                  gboolean         by_percent)
{
  gint64 diff_a = 0, diff_b = 0, pct_a = 0, pct_b = 0;
  gboolean pa = FALSE, pb = FALSE;
  gboolean has_a = a != NULL && row_variance (self, (QuorumTableItem *) a, &diff_a, &pct_a, &pa);
  gboolean has_b = b != NULL && row_variance (self, (QuorumTableItem *) b, &diff_b, &pct_b, &pb);

  if (by_percent)
    {
      has_a = has_a && pa;
      has_b = has_b && pb;
      diff_a = pct_a;
      diff_b = pct_b;
    }
  if (!has_a || !has_b)
    return !has_b - !has_a;
  return (diff_a > diff_b) - (diff_a < diff_b);
}

static int
compare_difference (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return compare_variance (user_data, a, b, FALSE);
}

static int
compare_change (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_variance (user_data, a, b, TRUE);
}

/* The stated total stays last, whatever the order. */
static int
compare_total_last (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  g_autoptr(QuorumTableItem) item_a = row_item ((gpointer) a);
  g_autoptr(QuorumTableItem) item_b = row_item ((gpointer) b);
  gboolean total_a = item_a != NULL && quorum_table_item_is_total (item_a);
  gboolean total_b = item_b != NULL && quorum_table_item_is_total (item_b);

  return total_a - total_b;
}

static GtkSorter *
label_sorter_new (void)
{
  GtkExpression *expression = gtk_property_expression_new (QUORUM_TYPE_TABLE_ITEM, NULL,
                                                            "label");

  return GTK_SORTER (gtk_string_sorter_new (expression));
}

static GtkSorter *
row_sorter_new (GtkColumnView *view)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkSorter *by_level =
    GTK_SORTER (gtk_tree_list_row_sorter_new (g_object_ref (gtk_column_view_get_sorter (view))));

  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (compare_total_last,
                                                                      NULL, NULL)));
  gtk_multi_sorter_append (sorter, by_level);
  return GTK_SORTER (sorter);
}

static gboolean
sync_sort_actions (gpointer user_data)
{
  QuorumTableView *self = user_data;
  GAction *sort_by = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-by");
  GAction *descending = g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                    "sort-descending");
  gboolean inverted = FALSE;
  int index = sort_column_index (self->column_view, &inverted);
  const char *id = "";

  if (index == 0)
    id = "@label";
  else if (index > 0 && (guint) index <= n_table_columns (self))
    {
      g_autoptr(QuorumColumn) column =
        g_list_model_get_item (quorum_table_get_columns (self->table), index - 1);

      id = quorum_column_get_id (column);
    }
  self->sync_idle = 0;
  g_simple_action_set_state (G_SIMPLE_ACTION (sort_by), g_variant_new_string (id));
  if (index >= 0)
    g_simple_action_set_state (G_SIMPLE_ACTION (descending), g_variant_new_boolean (inverted));
  return G_SOURCE_REMOVE;
}

/* The sort models sort only while a column does: unsorted, they pass the
 * tree through, and expanding a group costs no sorting. */
static void
view_sorter_changed_cb (QuorumTableView *self)
{
  gboolean sorted = gtk_sorter_get_order (gtk_column_view_get_sorter (self->column_view)) !=
                    GTK_SORTER_ORDER_NONE;

  if (sorted != (gtk_sort_list_model_get_sorter (self->sort_model) != NULL))
    gtk_sort_list_model_set_sorter (self->sort_model, sorted ? self->row_sorter : NULL);
  /* The titles show the new order after this: read them then, for the
   * Sort menu, which follows clicks on the titles. */
  if (self->sync_idle == 0)
    self->sync_idle = g_idle_add (sync_sort_actions, self);
}

static void
variance_sorter_changed_cb (QuorumTableView *self)
{
  gboolean sorted = gtk_sorter_get_order (gtk_column_view_get_sorter (self->variance_view)) !=
                    GTK_SORTER_ORDER_NONE;

  if (sorted != (gtk_sort_list_model_get_sorter (self->variance_sort_model) != NULL))
    gtk_sort_list_model_set_sorter (self->variance_sort_model,
                                    sorted ? self->variance_row_sorter : NULL);
}

static void
set_custom_sorter (GtkColumnViewColumn *column,
                   GCompareDataFunc     compare,
                   gpointer             user_data)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, user_data, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

/* --- the tree ------------------------------------------------------------------ */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = quorum_table_item_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

static void
expand_below (GtkTreeListRow *tree_row,
              GHashTable     *only)
{
  g_autoptr(QuorumTableItem) item = row_item (tree_row);
  GListModel *children;
  guint n;

  if (item == NULL ||
      (only != NULL && !g_hash_table_contains (only, quorum_table_item_get_row (item))))
    return;
  children = quorum_table_item_get_children (item);
  if (children == NULL)
    return;
  gtk_tree_list_row_set_expanded (tree_row, TRUE);
  n = g_list_model_get_n_items (children);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumTableItem) child = g_list_model_get_item (children, i);
      g_autoptr(GtkTreeListRow) child_row = NULL;

      /* Lines are skipped without making their tree rows. */
      if (quorum_row_get_children (quorum_table_item_get_row (child)) == NULL)
        continue;
      child_row = gtk_tree_list_row_get_child_row (tree_row, i);
      if (child_row != NULL)
        expand_below (child_row, only);
    }
}

static GtkWidget *list_view_of (GtkColumnView *view);

/* A view about to lose its rows gives up the focus first: GTK 4.8 does not
 * take well to the focused row going with its model.
 *
 * Returns: %TRUE when the view had the focus */
static gboolean
set_view_model (QuorumTableView    *self,
                GtkColumnView      *view,
                GtkSelectionModel  *model)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (view));

  if (gtk_column_view_get_model (view) == model)
    return had_focus;
  if (model == NULL && had_focus)
    gtk_root_set_focus (root, NULL);
  gtk_column_view_set_model (view, model);
  return had_focus;
}

/* Only the view shown has the rows: a hidden column view would still make
 * and bind its 200 or so rows at each change. */
static void
attach_views (QuorumTableView *self)
{
  gboolean variance = showing_variance (self);
  GtkSelectionModel *table = variance ? NULL : GTK_SELECTION_MODEL (self->selection);
  GtkSelectionModel *other = variance ? GTK_SELECTION_MODEL (self->variance_selection) : NULL;

  if (self->bulk > 0)
    return;
  set_view_model (self, self->column_view, table);
  set_view_model (self, self->variance_view, other);
}

static void
set_sorting (QuorumTableView *self,
             gboolean         on)
{
  GtkColumnView *views[] = { self->column_view, self->variance_view };
  GtkSortListModel *models[] = { self->sort_model, self->variance_sort_model };
  GtkSorter *sorters[] = { self->row_sorter, self->variance_row_sorter };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gboolean sorted = gtk_sorter_get_order (gtk_column_view_get_sorter (views[i])) !=
                        GTK_SORTER_ORDER_NONE;

      if (sorted)
        gtk_sort_list_model_set_sorter (models[i], on ? sorters[i] : NULL);
    }
}

/* GTK 4.8's column view takes a time in proportion to all the rows for
 * each change of its model, and its sort list model scans all the rows for
 * each row a collapse removes: opening or closing 200 groups of 20,000 rows
 * one at a time would take a minute. Many changes at once are made with
 * the rows away from the view and unsorted, then sorted and shown once. */
static void
bulk_begin (QuorumTableView *self)
{
  if (self->bulk_off > 0)
    return;
  if (self->bulk++ > 0)
    return;
  self->bulk_had_focus = set_view_model (self, self->column_view, NULL);
  self->bulk_had_focus |= set_view_model (self, self->variance_view, NULL);
  set_sorting (self, FALSE);
}

static void
bulk_end (QuorumTableView *self)
{
  gboolean variance;
  GtkSingleSelection *selection;
  guint position;
  GtkWidget *list;

  if (self->bulk_off > 0)
    return;
  g_return_if_fail (self->bulk > 0);
  if (--self->bulk > 0)
    return;
  set_sorting (self, TRUE);
  attach_views (self);

  /* Back to the row selected, if any. */
  variance = showing_variance (self);
  selection = variance ? self->variance_selection : self->selection;
  position = gtk_single_selection_get_selected (selection);
  list = list_view_of (variance ? self->variance_view : self->column_view);
  if (position != GTK_INVALID_LIST_POSITION && list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  if (self->bulk_had_focus && list != NULL)
    gtk_widget_grab_focus (list);
}

/* How many groups of @only are closed (not looking below closed ones). */
static guint
count_closed_below (GtkTreeListRow *tree_row,
                    GHashTable     *only)
{
  g_autoptr(QuorumTableItem) item = row_item (tree_row);
  GListModel *children;
  guint n, closed = 0;

  if (item == NULL || !g_hash_table_contains (only, quorum_table_item_get_row (item)))
    return 0;
  if (!gtk_tree_list_row_get_expanded (tree_row))
    return 1;
  children = quorum_table_item_get_children (item);
  n = children != NULL ? g_list_model_get_n_items (children) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumTableItem) child = g_list_model_get_item (children, i);
      g_autoptr(GtkTreeListRow) child_row = NULL;

      if (!g_hash_table_contains (only, quorum_table_item_get_row (child)))
        continue;
      child_row = gtk_tree_list_row_get_child_row (tree_row, i);
      if (child_row != NULL)
        closed += count_closed_below (child_row, only);
    }
  return closed;
}

static guint
count_closed (QuorumTableView *self,
              GHashTable      *only)
{
  guint n = g_list_model_get_n_items (gtk_tree_list_model_get_model (self->tree));
  guint closed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_child_row (self->tree, i);

      if (tree_row != NULL)
        closed += count_closed_below (tree_row, only);
    }
  return closed;
}

/* Expands every group, or only those in @only. */
static void
expand_groups (QuorumTableView *self,
               GHashTable      *only)
{
  GListModel *root;
  guint n;

  if (self->tree == NULL)
    return;
  bulk_begin (self);
  root = gtk_tree_list_model_get_model (self->tree);
  n = g_list_model_get_n_items (root);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_child_row (self->tree, i);

      if (tree_row != NULL)
        expand_below (tree_row, only);
    }
  bulk_end (self);
}

/* The ids of the expanded rows, to expand them again after a reload. */
static GHashTable *
expanded_ids (QuorumTableView *self)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = self->tree != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, i);

      g_autoptr(QuorumTableItem) item = row_item (tree_row);

      if (item != NULL && gtk_tree_list_row_get_expanded (tree_row))
        {
          g_hash_table_add (ids, g_strdup (quorum_row_get_id (quorum_table_item_get_row (item))));
        }
    }
  return ids;
}

static void
expand_ids_below (GtkTreeListRow *tree_row,
                  GHashTable     *ids)
{
  g_autoptr(QuorumTableItem) item = row_item (tree_row);
  GListModel *children;
  guint n;

  if (item == NULL ||
      !g_hash_table_contains (ids, quorum_row_get_id (quorum_table_item_get_row (item))))
    return;
  children = quorum_table_item_get_children (item);
  if (children == NULL)
    return;
  gtk_tree_list_row_set_expanded (tree_row, TRUE);
  n = g_list_model_get_n_items (children);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) child_row = gtk_tree_list_row_get_child_row (tree_row, i);

      if (child_row != NULL)
        expand_ids_below (child_row, ids);
    }
}

/* The indices from the top of the rows down to @target, or FALSE. */
static gboolean
find_path (GListModel *rows,
           QuorumRow  *target,
           GArray     *path)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      GListModel *children = quorum_row_get_children (row);

      g_array_append_val (path, i);
      if (row == target || (children != NULL && find_path (children, target, path)))
        return TRUE;
      g_array_set_size (path, path->len - 1);
    }
  return FALSE;
}

/* Expands the rows above @row. Returns: (transfer full) (nullable): its tree row */
static GtkTreeListRow *
reveal_row (QuorumTableView *self,
            QuorumRow       *row)
{
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkTreeListRow *tree_row;

  if (row == quorum_table_get_total (self->table))
    {
      GListModel *root = gtk_tree_list_model_get_model (self->tree);

      return gtk_tree_list_model_get_child_row (self->tree, g_list_model_get_n_items (root) - 1);
    }
  if (!find_path (quorum_table_get_rows (self->table), row, path))
    return NULL;

  tree_row = gtk_tree_list_model_get_child_row (self->tree, g_array_index (path, guint, 0));
  for (guint i = 1; tree_row != NULL && i < path->len; i++)
    {
      GtkTreeListRow *child;

      gtk_tree_list_row_set_expanded (tree_row, TRUE);
      child = gtk_tree_list_row_get_child_row (tree_row, g_array_index (path, guint, i));
      g_object_unref (tree_row);
      tree_row = child;
    }
  return tree_row;
}

/* Returns: where @row is in @model (of tree rows), or GTK_INVALID_LIST_POSITION */
static guint
find_position (GListModel *model,
               QuorumRow  *row)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, i);
      g_autoptr(QuorumTableItem) item = row_item (tree_row);

      if (item != NULL && quorum_table_item_get_row (item) == row)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static QuorumRow *
selected_row (GtkSingleSelection *selection)
{
  GtkTreeListRow *tree_row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(QuorumTableItem) item = NULL;

  item = row_item (tree_row);
  return item != NULL ? quorum_table_item_get_row (item) : NULL;
}

static GtkWidget *
list_view_of (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Selects, scrolls to and focuses @row in the view shown. */
static gboolean
select_row (QuorumTableView *self,
            QuorumRow       *row,
            gboolean         focus)
{
  gboolean variance = showing_variance (self);
  GtkSingleSelection *selection = variance ? self->variance_selection : self->selection;
  GtkColumnView *view = variance ? self->variance_view : self->column_view;
  guint position = find_position (G_LIST_MODEL (selection), row);
  GtkWidget *list = list_view_of (view);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (selection, position);
  if (list != NULL)
    {
      gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
      if (focus)
        gtk_widget_grab_focus (list);
    }
  return TRUE;
}

/* --- searching ------------------------------------------------------------------ */

static void
add_haystacks (GHashTable *haystacks,
               GListModel *rows)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      GListModel *children = quorum_row_get_children (row);
      g_autofree char *text = g_strjoin ("\n", quorum_row_get_label (row) ?: "",
                                         quorum_row_get_note (row) ?: "",
                                         quorum_row_get_id (row) ?: "", NULL);

      g_hash_table_insert (haystacks, row, fold (text));
      if (children != NULL)
        add_haystacks (haystacks, children);
    }
}

static void
ensure_haystacks (QuorumTableView *self)
{
  QuorumRow *total;

  if (self->haystacks != NULL)
    return;
  self->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  add_haystacks (self->haystacks, quorum_table_get_rows (self->table));
  total = quorum_table_get_total (self->table);
  if (total != NULL)
    {
      g_autofree char *text = g_strjoin ("\n", quorum_row_get_label (total) ?: "",
                                         quorum_row_get_id (total), NULL);

      g_hash_table_insert (self->haystacks, total, fold (text));
    }
}

/* Marks what @row's subtree shows; returns whether a row in it matches. */
static gboolean
mark_shown (QuorumTableView *self,
            QuorumRow       *row,
            gboolean         inherited,
            GHashTable      *expand)
{
  const char *haystack = g_hash_table_lookup (self->haystacks, row);
  gboolean matches = haystack != NULL && strstr (haystack, self->query) != NULL;
  GListModel *children = quorum_row_get_children (row);
  gboolean below = FALSE;
  guint n = children != NULL ? g_list_model_get_n_items (children) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

      below |= mark_shown (self, child, inherited || matches, expand);
    }
  if (matches)
    self->n_matches++;
  if (inherited || matches || below)
    g_hash_table_add (self->shown_rows, row);
  if (below)
    g_hash_table_add (expand, row);
  return matches || below;
}

static gboolean
filter_func (gpointer tree_row,
             gpointer user_data)
{
  QuorumTableView *self = user_data;
  g_autoptr(QuorumTableItem) item = NULL;

  if (self->shown_rows == NULL)
    return TRUE;
  item = row_item (tree_row);
  return item != NULL && g_hash_table_contains (self->shown_rows,
                                                quorum_table_item_get_row (item));
}

static void
update_match_label (QuorumTableView *self)
{
  g_autofree char *text = NULL;

  if (self->query != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matching row", "%u matching rows",
                                         self->n_matches), self->n_matches);
  gtk_label_set_text (self->match_label, text);
}

/* Applies a search at once (the entry waits for a pause in typing). */
static void
apply_query (QuorumTableView *self,
             const char      *text)
{
  g_autofree char *needle = NULL;
  g_autoptr(GHashTable) expand = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean more_strict, bulk;
  QuorumRow *total;
  GListModel *rows;
  guint n;

  if (self->table == NULL)
    return;
  if (*stripped != '\0')
    needle = fold (stripped);
  if (g_strcmp0 (needle, self->query) == 0)
    return;

  if (needle == NULL)
    {
      g_clear_pointer (&self->query, g_free);
      g_clear_pointer (&self->shown_rows, g_hash_table_unref);
      self->n_matches = 0;
      gtk_filter_list_model_set_filter (self->filter_model, NULL);
      update_match_label (self);
      update_content_page (self);
      return;
    }

  ensure_haystacks (self);
  more_strict = self->query != NULL && strstr (needle, self->query) != NULL;
  g_free (self->query);
  self->query = g_steal_pointer (&needle);
  g_clear_pointer (&self->shown_rows, g_hash_table_unref);
  self->shown_rows = g_hash_table_new (NULL, NULL);
  self->n_matches = 0;
  expand = g_hash_table_new (NULL, NULL);

  rows = quorum_table_get_rows (self->table);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      mark_shown (self, row, FALSE, expand);
    }
  total = quorum_table_get_total (self->table);
  if (total != NULL)
    mark_shown (self, total, FALSE, expand);

  /* Filter first, so that the rows expanded next are filtered as they come;
   * groups to open by the dozen are opened away from the view. */
  bulk = g_hash_table_size (expand) > BULK_GROUPS && count_closed (self, expand) > BULK_GROUPS;
  if (bulk)
    bulk_begin (self);
  if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter),
                        more_strict ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
  if (g_hash_table_size (expand) > 0)
    {
      /* Opening a few groups is done in view. */
      if (!bulk)
        self->bulk_off++;
      expand_groups (self, expand);
      if (!bulk)
        self->bulk_off--;
    }
  if (bulk)
    bulk_end (self);

  update_match_label (self);
  update_content_page (self);
}

static void
search_changed_cb (QuorumTableView *self)
{
  apply_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search goes to the first match. */
static void
search_activate_cb (QuorumTableView *self)
{
  GListModel *rows = quorum_table_view_get_rows (self);
  guint n = g_list_model_get_n_items (rows);

  search_changed_cb (self);
  if (self->query == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (rows, i);
      g_autoptr(QuorumTableItem) item = row_item (tree_row);
      QuorumRow *row = item != NULL ? quorum_table_item_get_row (item) : NULL;
      const char *haystack = row != NULL ? g_hash_table_lookup (self->haystacks, row) : NULL;

      if (haystack != NULL && self->query != NULL && strstr (haystack, self->query) != NULL)
        {
          select_row (self, row, TRUE);
          return;
        }
    }
}

static void
stop_search_cb (QuorumTableView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_cb (QuorumTableView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      apply_query (self, NULL);
    }
}

/* --- pages, selection and details -------------------------------------------------- */

static void
update_content_page (QuorumTableView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  const char *page = showing_variance (self) ? "variance" : "table";

  if (n == 0 && self->query != NULL)
    page = "no-match";
  gtk_stack_set_visible_child_name (self->content_stack, page);
}

static void
update_details (QuorumTableView *self)
{
  GtkSingleSelection *selection = showing_variance (self) ? self->variance_selection
                                                          : self->selection;
  QuorumRow *row = selected_row (selection);

  if (row != self->target_row && self->target_row != NULL)
    {
      self->target_row = NULL;
      self->target_column = -1;
      refresh_cells (self, GTK_WIDGET (self->column_view));
    }
  quorum_table_details_set_row (self->details, self->store, self->table, row);
  quorum_table_details_set_target_column (self->details,
                                          row != NULL && row == self->target_row
                                          ? self->target_column : -1);
}

static void
mode_toggled_cb (QuorumTableView *self,
                 GtkToggleButton *button)
{
  gboolean variance = showing_variance (self);
  GtkSingleSelection *from = variance ? self->selection : self->variance_selection;
  GAction *sort_by, *descending;
  QuorumRow *row;

  /* Both buttons notify; act once, for the one made active. */
  if (!gtk_toggle_button_get_active (button))
    return;
  sort_by = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-by");
  descending = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-descending");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (sort_by), !variance);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (descending), !variance);

  /* The stack moves the focus to the page shown, then the rows follow. */
  update_content_page (self);
  attach_views (self);
  /* The row selected in one view is selected in the other. */
  row = selected_row (from);
  if (row != NULL)
    select_row (self, row, FALSE);
  update_details (self);
}

static void
activate_row (QuorumTableView    *self,
              GtkSingleSelection *selection,
              guint               position)
{
  g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (G_LIST_MODEL (selection), position);

  if (tree_row == NULL)
    return;
  if (gtk_tree_list_row_is_expandable (tree_row))
    gtk_tree_list_row_set_expanded (tree_row, !gtk_tree_list_row_get_expanded (tree_row));
  else
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
activate_cb (QuorumTableView *self,
             guint            position)
{
  activate_row (self, self->selection, position);
}

static void
variance_activate_cb (QuorumTableView *self,
                      guint            position)
{
  activate_row (self, self->variance_selection, position);
}

/* + and − (or Shift+→ and Shift+←) open and close the selected group; * opens
 * everything in it. In GTK 4.8 the expander's own keys only work with the
 * focus in the expander, which a column view row never gives it. */
static gboolean
expand_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  QuorumTableView *self = user_data;
  GtkSingleSelection *selection = widget == GTK_WIDGET (self->column_view)
                                  ? self->selection : self->variance_selection;
  GtkTreeListRow *tree_row = gtk_single_selection_get_selected_item (selection);
  int what = g_variant_get_int32 (args);

  if (tree_row == NULL || !gtk_tree_list_row_is_expandable (tree_row))
    return FALSE;
  if (what == 2)
    expand_below (tree_row, NULL);
  else
    gtk_tree_list_row_set_expanded (tree_row, what == 1);
  return TRUE;
}

static void
add_expand_keys (QuorumTableView *self,
                 GtkColumnView   *view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { const char *keys; int what; } keys[] = {
    { "plus|KP_Add|<Shift>Right", 1 },
    { "minus|KP_Subtract|<Shift>Left", 0 },
    { "asterisk|KP_Multiply", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string (keys[i].keys),
                                         gtk_callback_action_new (expand_key_cb, self, NULL),
                                         "i", keys[i].what);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}

/* Scrolls the target cell's column into view once the row is laid out. */
static gboolean
scroll_to_target_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  QuorumTableView *self = user_data;
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->table_scroll);
  GtkWidget *target = NULL;
  GtkWidget *stack[64];
  guint depth = 0;
  graphene_rect_t bounds;
  double value, page;

  /* Depth-first for the marked cell. */
  stack[depth++] = GTK_WIDGET (self->column_view);
  while (depth > 0 && target == NULL)
    {
      GtkWidget *w = stack[--depth];

      if (QUORUM_IS_TABLE_CELL (w) &&
          (quorum_table_cell_get_flags (QUORUM_TABLE_CELL (w)) & QUORUM_TABLE_CELL_TARGET) != 0)
        target = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && depth < 64;
           c = gtk_widget_get_next_sibling (c))
        stack[depth++] = c;
    }

  self->scroll_tick = 0;
  if (target == NULL ||
      !gtk_widget_compute_bounds (target, GTK_WIDGET (self->column_view), &bounds))
    return G_SOURCE_REMOVE;

  value = gtk_adjustment_get_value (hadjustment);
  page = gtk_adjustment_get_page_size (hadjustment);
  /* The column view scrolls itself: its coordinates are those of the view port. */
  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (hadjustment, value + bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > page)
    gtk_adjustment_set_value (hadjustment, value + bounds.origin.x + bounds.size.width - page);
  return G_SOURCE_REMOVE;
}

/* --- columns -------------------------------------------------------------------- */

static void
remove_value_columns (QuorumTableView *self)
{
  for (guint i = 0; i < self->value_columns->len; i++)
    gtk_column_view_remove_column (self->column_view,
                                   g_ptr_array_index (self->value_columns, i));
  g_ptr_array_set_size (self->value_columns, 0);
}

static gboolean
same_columns (QuorumTableView *self,
              QuorumTable     *table)
{
  GListModel *columns = quorum_table_get_columns (table);

  if (self->value_columns->len != g_list_model_get_n_items (columns))
    return FALSE;
  for (guint i = 0; i < self->value_columns->len; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);
      const char *id = g_object_get_data (g_ptr_array_index (self->value_columns, i),
                                          "quorum-column-id");

      if (g_strcmp0 (id, quorum_column_get_id (column)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
add_value_columns (QuorumTableView *self)
{
  GListModel *columns = quorum_table_get_columns (self->table);
  guint n = g_list_model_get_n_items (columns);

  self->variance_chars = 8;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      GtkColumnViewColumn *view_column;
      ValueColumn *data = g_new0 (ValueColumn, 1);
      g_autofree char *title = wrap_title (quorum_column_get_label (column));

      data->self = self;
      data->index = i;
      data->chars = measure_column (self->table, i);
      data->kind = g_strconcat ("value:", quorum_column_get_id (column), NULL);
      self->variance_chars = MAX (self->variance_chars, data->chars + 1);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_value_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_value_cb), data);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_value, data, NULL));

      view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      /* The data goes with the column. */
      g_object_set_data_full (G_OBJECT (view_column), "quorum-value-column", data,
                              value_column_free);
      g_object_set_data_full (G_OBJECT (view_column), "quorum-column-id",
                              g_strdup (quorum_column_get_id (column)), g_free);
      gtk_column_view_append_column (self->column_view, view_column);
      g_ptr_array_add (self->value_columns, view_column);
    }
  style_titles (self->column_view);
}

static void
update_menu (QuorumTableView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) rows = g_menu_new ();
  g_autoptr(GMenu) sort = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  GListModel *columns = self->table != NULL ? quorum_table_get_columns (self->table) : NULL;
  guint n = columns != NULL ? g_list_model_get_n_items (columns) : 0;

  g_menu_append (rows, _("_Expand All"), "table.expand-all");
  g_menu_append (rows, _("_Collapse All"), "table.collapse-all");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (rows));

  g_menu_append (sort, _("_Document Order"), "table.sort-by::");
  g_menu_append (sort, _("By _Row Label"), "table.sort-by::@label");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (quorum_column_get_label (column), NULL);
      GVariant *target = g_variant_new_string (quorum_column_get_id (column));

      g_menu_item_set_action_and_target_value (item, "table.sort-by", target);
      g_menu_append_item (sort, item);
    }
  g_menu_append_section (menu, _("Sort"), G_MENU_MODEL (sort));
  g_menu_append (order, _("_Largest First"), "table.sort-descending");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));

  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
update_variance_titles (QuorumTableView *self)
{
  g_autoptr(QuorumColumn) from = NULL;
  g_autoptr(QuorumColumn) to = NULL;
  g_autofree char *from_title = NULL;
  g_autofree char *to_title = NULL;

  if (!variance_ready (self))
    return;
  from = g_list_model_get_item (quorum_table_get_columns (self->table), self->from_index);
  to = g_list_model_get_item (quorum_table_get_columns (self->table), self->to_index);
  from_title = wrap_title (quorum_column_get_label (from));
  to_title = wrap_title (quorum_column_get_label (to));
  gtk_column_view_column_set_title (self->from_column, from_title);
  gtk_column_view_column_set_title (self->to_column, to_title);
  style_titles (self->variance_view);
}

static void
rebind_variance (QuorumTableView *self)
{
  GtkSorter *sorters[] = {
    gtk_column_view_column_get_sorter (self->from_column),
    gtk_column_view_column_get_sorter (self->to_column),
    gtk_column_view_column_get_sorter (self->difference_column),
    gtk_column_view_column_get_sorter (self->change_column),
  };
  update_variance_titles (self);
  for (guint i = 0; i < G_N_ELEMENTS (sorters); i++)
    gtk_sorter_changed (sorters[i], GTK_SORTER_CHANGE_DIFFERENT);
  /* New figures in the same rows. */
  refresh_cells (self, GTK_WIDGET (self->variance_view));
}

static void
variance_columns_changed_cb (QuorumTableView *self)
{
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);

  if (from == self->from_index && to == self->to_index)
    return;
  self->from_index = from;
  self->to_index = to;
  rebind_variance (self);
}

static void
update_variance_choices (QuorumTableView *self)
{
  GListModel *columns = quorum_table_get_columns (self->table);
  guint n = g_list_model_get_n_items (columns);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean possible = n >= 2;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);

      gtk_string_list_append (labels, quorum_column_get_label (column));
    }
  g_signal_handlers_block_by_func (self->from_dropdown, variance_columns_changed_cb, self);
  g_signal_handlers_block_by_func (self->to_dropdown, variance_columns_changed_cb, self);
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (labels));
  self->from_index = possible ? 0 : GTK_INVALID_LIST_POSITION;
  self->to_index = possible ? 1 : GTK_INVALID_LIST_POSITION;
  gtk_drop_down_set_selected (self->from_dropdown, self->from_index);
  gtk_drop_down_set_selected (self->to_dropdown, self->to_index);
  g_signal_handlers_unblock_by_func (self->from_dropdown, variance_columns_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->to_dropdown, variance_columns_changed_cb, self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->variance_button), possible);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->variance_button),
                               possible ? _("Compare Two Columns Row by Row")
                                        : _("A variance needs two columns; this table has one"));
  if (!possible && showing_variance (self))
    gtk_toggle_button_set_active (self->table_button, TRUE);
  update_variance_titles (self);
}

/* The chosen column in a drop-down's button, shortened when the view is
 * narrow; the list shows each label whole. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_list_item_set_child (list_item, label);
}

static void
setup_choice_list_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (string));
}

static void
set_choice_factories (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_choice_list_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

/* --- actions -------------------------------------------------------------------- */

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  QuorumTableView *self = user_data;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
details_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  QuorumTableView *self = user_data;

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
expand_all_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  quorum_table_view_expand_all (user_data);
}

static void
collapse_all_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  quorum_table_view_collapse_all (user_data);
}

static GtkColumnViewColumn *
column_for_id (QuorumTableView *self,
               const char      *id)
{
  if (g_strcmp0 (id, "@label") == 0)
    return self->label_column;
  for (guint i = 0; i < self->value_columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->value_columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), "quorum-column-id"), id) == 0)
        return column;
    }
  return NULL;
}

static void
sort (QuorumTableView *self,
      const char      *id,
      gboolean         descending)
{
  GtkColumnViewColumn *column = column_for_id (self, id);

  gtk_column_view_sort_by_column (self->column_view, column,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static void
sort_by_action (GSimpleAction *action,
                GVariant      *value,
                gpointer       user_data)
{
  QuorumTableView *self = user_data;
  GAction *descending = g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                    "sort-descending");
  g_autoptr(GVariant) state = g_action_get_state (descending);

  g_simple_action_set_state (action, value);
  sort (self, g_variant_get_string (value, NULL), g_variant_get_boolean (state));
}

static void
sort_descending_action (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  QuorumTableView *self = user_data;
  GAction *sort_by = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-by");
  g_autoptr(GVariant) state = g_action_get_state (sort_by);
  const char *id = g_variant_get_string (state, NULL);

  g_simple_action_set_state (action, value);
  if (*id != '\0')
    sort (self, id, g_variant_get_boolean (value));
}

static const GActionEntry action_entries[] = {
  { .name = "search", .activate = search_action },
  { .name = "details", .activate = details_action },
  { .name = "expand-all", .activate = expand_all_action },
  { .name = "collapse-all", .activate = collapse_all_action },
  { .name = "sort-by", .parameter_type = "s", .state = "''", .change_state = sort_by_action },
  { .name = "sort-descending", .state = "false", .change_state = sort_descending_action },
};

/* --- the object ------------------------------------------------------------------- */

static void
clear_models (QuorumTableView *self)
{
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_clear_object (&self->tree);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_clear_pointer (&self->shown_rows, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  self->n_matches = 0;
  self->target_row = NULL;
  self->target_column = -1;
}

static void
quorum_table_view_dispose (GObject *object)
{
  QuorumTableView *self = (QuorumTableView *) object;

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_handle_id (&self->sync_idle, g_source_remove);
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->variance_view),
                                            self);
      gtk_column_view_set_model (self->column_view, NULL);
      gtk_column_view_set_model (self->variance_view, NULL);
    }
  if (self->filter_model != NULL)
    clear_models (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->variance_selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->variance_sort_model);
  g_clear_object (&self->row_sorter);
  g_clear_object (&self->variance_row_sorter);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->actions);
  g_clear_object (&self->table);
  g_clear_object (&self->document);
  g_clear_object (&self->store);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_TABLE_VIEW);

  G_OBJECT_CLASS (quorum_table_view_parent_class)->dispose (object);
}

static void
quorum_table_view_finalize (GObject *object)
{
  QuorumTableView *self = (QuorumTableView *) object;

  g_clear_pointer (&self->value_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_table_view_parent_class)->finalize (object);
}

static void
quorum_table_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumTableView *self = QUORUM_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE: g_value_set_object (value, self->table); break;
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_table_view_class_init (QuorumTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_table_view_dispose;
  object_class->finalize = quorum_table_view_finalize;
  object_class->get_property = quorum_table_view_get_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, QUORUM_TYPE_TABLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, QUORUM_TYPE_BUDGET_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_TABLE_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, table_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, variance_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, search_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, details_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, match_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, flap);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, table_scroll);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, label_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, variance_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, variance_label_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, from_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, to_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, difference_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, change_column);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableView, details);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, variance_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, variance_columns_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_variance_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_change_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_from_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_to_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_difference_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_change_cb);
}

/* The tables' styles, once for the display. */
static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
                                       "/io/github/secpanel/Quorum/quorum-table-view.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
quorum_table_view_init (QuorumTableView *self)
{
  g_autoptr(GtkSorter) label_sorter = label_sorter_new ();
  g_autoptr(GtkSorter) variance_label_sorter = label_sorter_new ();

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->value_columns = g_ptr_array_new ();
  self->target_column = -1;
  self->from_index = GTK_INVALID_LIST_POSITION;
  self->to_index = GTK_INVALID_LIST_POSITION;
  self->variance_chars = 12;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "table", G_ACTION_GROUP (self->actions));

  /* No key capture: + and − open and close groups. Ctrl+F searches. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);

  /* The model chain; the tree goes in when a table does. */
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, NULL);
  self->row_sorter = row_sorter_new (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  self->variance_row_sorter = row_sorter_new (self->variance_view);
  self->variance_sort_model =
    gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), NULL);
  self->variance_selection =
    gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->variance_sort_model)));
  gtk_single_selection_set_autoselect (self->variance_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->variance_selection, TRUE);
  attach_views (self);

  gtk_column_view_column_set_sorter (self->label_column, label_sorter);
  gtk_column_view_column_set_sorter (self->variance_label_column, variance_label_sorter);
  set_custom_sorter (self->from_column, compare_from, self);
  set_custom_sorter (self->to_column, compare_to, self);
  set_custom_sorter (self->difference_column, compare_difference, self);
  set_custom_sorter (self->change_column, compare_change, self);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->variance_view), "changed",
                           G_CALLBACK (variance_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_details), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->variance_selection, "notify::selected-item",
                           G_CALLBACK (update_details), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (update_content_page), self, G_CONNECT_SWAPPED);

  add_expand_keys (self, self->column_view);
  add_expand_keys (self, self->variance_view);
  set_choice_factories (self->from_dropdown);
  set_choice_factories (self->to_dropdown);
  /* The titles are made with the view's header. */
  g_signal_connect (self->column_view, "map", G_CALLBACK (style_titles), NULL);
  g_signal_connect (self->variance_view, "map", G_CALLBACK (style_titles), NULL);
  update_menu (self);
}

/**
 * quorum_table_view_set_table:
 * @store: (nullable): the store, whose register names committees
 * @document: (nullable): the table's document
 * @table: (nullable): the table to show
 *
 * Shows @table. When it is the table already shown (by document and table
 * id: the store has loaded again), the expanded groups, the selected row,
 * the search, the sort and the variance's columns stay as they were.
 */
void
quorum_table_view_set_table (QuorumTableView      *self,
                             QuorumStore          *store,
                             QuorumBudgetDocument *document,
                             QuorumTable          *table)
{
  g_autoptr(GHashTable) expanded = NULL;
  g_autofree char *selected_id = NULL;
  g_autofree char *search = NULL;
  g_autofree char *from_id = NULL;
  g_autofree char *to_id = NULL;
  g_autoptr(GListStore) root = NULL;
  g_autoptr(GString) subtitle = NULL;
  gboolean reload;
  GListModel *rows;
  QuorumRow *total;
  guint n;

  g_return_if_fail (QUORUM_IS_TABLE_VIEW (self));
  g_return_if_fail (table == NULL || QUORUM_IS_TABLE (table));

  if (self->table == table)
    return;

  reload = self->table != NULL && table != NULL && document != NULL && self->document != NULL &&
           g_str_equal (quorum_table_get_id (self->table), quorum_table_get_id (table)) &&
           g_str_equal (quorum_budget_document_get_id (self->document),
                        quorum_budget_document_get_id (document));
  if (reload)
    {
      QuorumRow *row = selected_row (showing_variance (self) ? self->variance_selection
                                                             : self->selection);

      expanded = expanded_ids (self);
      selected_id = row != NULL ? g_strdup (quorum_row_get_id (row)) : NULL;
      search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      if (variance_ready (self))
        {
          GListModel *columns = quorum_table_get_columns (self->table);
          g_autoptr(QuorumColumn) from = g_list_model_get_item (columns, self->from_index);
          g_autoptr(QuorumColumn) to = g_list_model_get_item (columns, self->to_index);

          from_id = g_strdup (quorum_column_get_id (from));
          to_id = g_strdup (quorum_column_get_id (to));
        }
    }

  clear_models (self);
  g_set_object (&self->store, store);
  g_set_object (&self->document, document);
  g_set_object (&self->table, table);
  quorum_table_details_set_row (self->details, NULL, NULL, NULL);

  if (!reload)
    {
      g_signal_handlers_block_by_func (self->search_bar, search_mode_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      g_signal_handlers_unblock_by_func (self->search_bar, search_mode_cb, self);
      gtk_toggle_button_set_active (self->table_button, TRUE);
    }

  /* Columns: kept on a reload with the same columns, so is the sort. */
  if (table == NULL || !reload || !same_columns (self, table))
    {
      gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
      gtk_column_view_sort_by_column (self->variance_view, NULL, GTK_SORT_ASCENDING);
      remove_value_columns (self);
      if (table != NULL)
        add_value_columns (self);
    }
  update_menu (self);

  if (table == NULL)
    {
      gtk_label_set_text (self->title_label, NULL);
      gtk_label_set_text (self->subtitle_label, NULL);
      update_content_page (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
      return;
    }

  gtk_label_set_text (self->title_label, quorum_table_get_title (table));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), quorum_table_get_title (table));
  subtitle = g_string_new (document != NULL ? quorum_budget_document_get_title (document) : NULL);
  g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                          unit_label (quorum_table_get_unit (table)));
  gtk_label_set_text (self->subtitle_label, subtitle->str);

  /* The top-level rows, then the stated total. */
  rows = quorum_table_get_rows (table);
  n = g_list_model_get_n_items (rows);
  root = g_list_store_new (QUORUM_TYPE_TABLE_ITEM);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      g_autoptr(QuorumTableItem) item = quorum_table_item_new (row, quorum_table_get_unit (table));

      g_list_store_append (root, item);
    }
  total = quorum_table_get_total (table);
  if (total != NULL)
    {
      g_autoptr(QuorumTableItem) item = quorum_table_item_new (total,
                                                               quorum_table_get_unit (table));

      g_list_store_append (root, item);
    }
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&root)), FALSE, FALSE,
                                        create_children, NULL, NULL);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->tree));

  update_variance_choices (self);
  if (from_id != NULL)
    quorum_table_view_set_variance_columns (self, from_id, to_id);

  if (expanded != NULL)
    {
      GListModel *top = gtk_tree_list_model_get_model (self->tree);

      bulk_begin (self);
      for (guint i = 0; i < g_list_model_get_n_items (top); i++)
        {
          g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_child_row (self->tree, i);

          expand_ids_below (tree_row, expanded);
        }
      bulk_end (self);
    }
  if (search != NULL)
    apply_query (self, search);
  if (selected_id != NULL)
    {
      QuorumRow *row = quorum_table_find_row (table, selected_id);

      if (row != NULL)
        select_row (self, row, FALSE);
    }

  update_match_label (self);
  update_content_page (self);
  update_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * quorum_table_view_get_table:
 *
 * Returns: (transfer none) (nullable): the table shown
 */
QuorumTable *
quorum_table_view_get_table (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);
  return self->table;
}

/**
 * quorum_table_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document of the table shown
 */
QuorumBudgetDocument *
quorum_table_view_get_document (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);
  return self->document;
}

/**
 * quorum_table_view_show_cell:
 * @row_id: a row id at any depth, or `@total`
 * @column_id: (nullable): a column id, or %NULL for the row alone
 *
 * Shows the table (not the variance), expands the groups above the row,
 * selects it, scrolls to it and gives it the focus, marks the cell and
 * scrolls its column into view, and shows the row's details. A search that
 * hides the row is cleared.
 *
 * Returns: %TRUE when the table has the row (and the column, if given)
 */
gboolean
quorum_table_view_show_cell (QuorumTableView *self,
                             const char      *row_id,
                             const char      *column_id)
{
  QuorumColumn *column = NULL;
  g_autoptr(GtkTreeListRow) tree_row = NULL;
  QuorumRow *row;

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (row_id != NULL, FALSE);

  if (self->table == NULL || (row = quorum_table_find_row (self->table, row_id)) == NULL)
    return FALSE;
  if (column_id != NULL && (column = quorum_table_find_column (self->table, column_id)) == NULL)
    return FALSE;

  gtk_toggle_button_set_active (self->table_button, TRUE);
  if (self->shown_rows != NULL && !g_hash_table_contains (self->shown_rows, row))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  tree_row = reveal_row (self, row);
  if (tree_row == NULL)
    return FALSE;

  self->target_row = row;
  self->target_column = column != NULL ? (int) quorum_column_get_index (column) : -1;
  if (!select_row (self, row, TRUE))
    return FALSE;
  /* Selecting the row may have been a change that cleared the target. */
  self->target_row = row;
  self->target_column = column != NULL ? (int) quorum_column_get_index (column) : -1;
  refresh_cells (self, GTK_WIDGET (self->column_view));
  update_details (self);

  if (column != NULL && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                      scroll_to_target_cb, self, NULL);
  return TRUE;
}

/**
 * quorum_table_view_focus_rows:
 *
 * Gives the focus to the rows of the view shown (the table or the
 * variance), on the row selected or the row last focused.
 *
 * Returns: whether the focus went there
 */
gboolean
quorum_table_view_focus_rows (QuorumTableView *self)
{
  GtkWidget *list;

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), FALSE);

  list = list_view_of (showing_variance (self) ? self->variance_view : self->column_view);
  return list != NULL && gtk_widget_grab_focus (list);
}

/**
 * quorum_table_view_get_rows:
 *
 * Returns: (transfer none): the rows the table shows, in order: a model of
 *   #GtkTreeListRow whose items are #QuorumTableItem
 */
GListModel *
quorum_table_view_get_rows (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * quorum_table_view_get_variance_rows:
 *
 * Returns: (transfer none): the rows the variance shows, in order
 */
GListModel *
quorum_table_view_get_variance_rows (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);
  return G_LIST_MODEL (self->variance_selection);
}

/**
 * quorum_table_view_get_selected_row:
 *
 * Returns: (transfer none) (nullable): the row selected in the view shown
 */
QuorumRow *
quorum_table_view_get_selected_row (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);
  return selected_row (showing_variance (self) ? self->variance_selection : self->selection);
}

void
quorum_table_view_expand_all (QuorumTableView *self)
{
  g_return_if_fail (QUORUM_IS_TABLE_VIEW (self));
  expand_groups (self, NULL);
}

void
quorum_table_view_collapse_all (QuorumTableView *self)
{
  guint n;

  g_return_if_fail (QUORUM_IS_TABLE_VIEW (self));

  if (self->tree == NULL)
    return;
  bulk_begin (self);
  n = g_list_model_get_n_items (gtk_tree_list_model_get_model (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_child_row (self->tree, i);

      if (tree_row != NULL)
        gtk_tree_list_row_set_expanded (tree_row, FALSE);
    }
  bulk_end (self);
}

/**
 * quorum_table_view_set_row_expanded:
 * @row_id: a group's id
 *
 * Expands or collapses a group (expanding the groups above it first).
 *
 * Returns: %TRUE when the table has a group of that id
 */
gboolean
quorum_table_view_set_row_expanded (QuorumTableView *self,
                                    const char      *row_id,
                                    gboolean         expanded)
{
  g_autoptr(GtkTreeListRow) tree_row = NULL;
  QuorumRow *row;

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), FALSE);

  if (self->table == NULL || (row = quorum_table_find_row (self->table, row_id)) == NULL)
    return FALSE;
  tree_row = reveal_row (self, row);
  if (tree_row == NULL || !gtk_tree_list_row_is_expandable (tree_row))
    return FALSE;
  gtk_tree_list_row_set_expanded (tree_row, expanded);
  return TRUE;
}

/**
 * quorum_table_view_get_sort:
 * @descending: (out) (optional): whether the largest come first
 *
 * Returns: the id of the column the table is sorted by, `@label` for the
 *   rows' labels, or an empty string for the document's order
 */
const char *
quorum_table_view_get_sort (QuorumTableView *self,
                            gboolean        *descending)
{
  GAction *sort_by, *order;
  g_autoptr(GVariant) by = NULL;
  g_autoptr(GVariant) inverted = NULL;
  const char *id;

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), NULL);

  sort_by = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-by");
  order = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sort-descending");
  by = g_action_get_state (sort_by);
  inverted = g_action_get_state (order);
  if (descending != NULL)
    *descending = g_variant_get_boolean (inverted);
  /* The state lives as long as the action holds it. */
  id = g_variant_get_string (by, NULL);
  return g_intern_string (id);
}

/**
 * quorum_table_view_set_search_text:
 * @text: (nullable): what to search for; %NULL or empty for every row
 *
 * Opens the search bar with @text and applies it at once.
 */
void
quorum_table_view_set_search_text (QuorumTableView *self,
                                   const char      *text)
{
  g_return_if_fail (QUORUM_IS_TABLE_VIEW (self));

  if (text != NULL && *text != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  apply_query (self, text);
}

/**
 * quorum_table_view_get_n_matches:
 *
 * Returns: how many rows match the search themselves (not counting the
 *   groups kept for them)
 */
guint
quorum_table_view_get_n_matches (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), 0);
  return self->n_matches;
}

/**
 * quorum_table_view_set_variance:
 * @variance: %TRUE for the variance, %FALSE for the table
 */
void
quorum_table_view_set_variance (QuorumTableView *self,
                                gboolean         variance)
{
  g_return_if_fail (QUORUM_IS_TABLE_VIEW (self));

  if (variance && !gtk_widget_get_sensitive (GTK_WIDGET (self->variance_button)))
    return;
  gtk_toggle_button_set_active (variance ? self->variance_button : self->table_button, TRUE);
}

/**
 * quorum_table_view_set_variance_columns:
 * @from_id: the column compared from
 * @to_id: the column compared to
 *
 * Returns: %TRUE when the table has both columns
 */
gboolean
quorum_table_view_set_variance_columns (QuorumTableView *self,
                                        const char      *from_id,
                                        const char      *to_id)
{
  QuorumColumn *from, *to;

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), FALSE);

  if (self->table == NULL ||
      (from = quorum_table_find_column (self->table, from_id)) == NULL ||
      (to = quorum_table_find_column (self->table, to_id)) == NULL)
    return FALSE;
  gtk_drop_down_set_selected (self->from_dropdown, quorum_column_get_index (from));
  gtk_drop_down_set_selected (self->to_dropdown, quorum_column_get_index (to));
  return TRUE;
}
