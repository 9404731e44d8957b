/* quorum-figure-ui.c: how the committees and meetings views show figures
 *
 * Figures keep their unit everywhere (pounds, counts, FTE), components and
 * phases read as words, and a budget table becomes a GtkColumnView of
 * #QuorumFigureLine items whose columns sort on the figures themselves,
 * never on their text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-figure-line.h"
#include "quorum-figure-ui.h"
#include "quorum-ui-util.h"

/**
 * quorum_figure_ui_component_label:
 * @component: (nullable): a column's or row's `component`
 *
 * Returns: (nullable): the cost component in words, e.g. “Core team”
 */
const char *
quorum_figure_ui_component_label (const char *component)
{
  if (component == NULL)
    return NULL;
  if (g_str_equal (component, "core-team"))
    return _("Core team");
  if (g_str_equal (component, "sme"))
    return _("Subject matter experts");
  if (g_str_equal (component, "independent-chair"))
    return _("Independent chair");
  if (g_str_equal (component, "support"))
    return _("Support");
  if (g_str_equal (component, "accommodation"))
    return _("Accommodation");
  if (g_str_equal (component, "discount"))
    return _("Discount");
  if (g_str_equal (component, "other"))
    return C_("cost component", "Other");
  return component;
}

/**
 * quorum_figure_ui_phase_label:
 * @phase: (nullable): a column's `phase`
 *
 * Returns: (nullable): e.g. “approved”, to follow a year
 */
const char *
quorum_figure_ui_phase_label (const char *phase)
{
  if (phase == NULL)
    return NULL;
  if (g_str_equal (phase, "draft"))
    return C_("budget phase", "draft");
  if (g_str_equal (phase, "estimated"))
    return C_("budget phase", "estimated");
  if (g_str_equal (phase, "approved"))
    return C_("budget phase", "approved");
  if (g_str_equal (phase, "outturn"))
    return C_("budget phase", "out-turn");
  if (g_str_equal (phase, "actual"))
    return C_("budget phase", "actual");
  return phase;
}

/**
 * quorum_figure_ui_meets_label:
 * @meets: (nullable): a committee's `meets`
 *
 * Returns: (nullable): how often it meets, to follow “Meets”, e.g.
 *   “monthly”
 */
const char *
quorum_figure_ui_meets_label (const char *meets)
{
  if (meets == NULL)
    return NULL;
  if (g_str_equal (meets, "monthly"))
    return C_("meets", "monthly");
  if (g_str_equal (meets, "twice-monthly"))
    return C_("meets", "twice a month");
  if (g_str_equal (meets, "fortnightly"))
    return C_("meets", "fortnightly");
  if (g_str_equal (meets, "weekly"))
    return C_("meets", "weekly");
  if (g_str_equal (meets, "quarterly"))
    return C_("meets", "quarterly");
  return meets;
}

/**
 * quorum_figure_ui_format:
 * @unit: (nullable): `GBP`, `count` or `fte`
 *
 * Returns: (transfer full): e.g. `£462,581`, `12` or `1.2 FTE`
 */
char *
quorum_figure_ui_format (gint64      amount,
                         const char *unit)
{
  g_autofree char *number = quorum_amount_format_display (amount, unit);

  if (g_strcmp0 (unit, "fte") == 0)
    /* TRANSLATORS: full-time equivalent staff, e.g. "1.2 FTE" */
    return g_strdup_printf (_("%s FTE"), number);
  return g_steal_pointer (&number);
}

/**
 * quorum_figure_ui_format_figure:
 *
 * Returns: (transfer full): the figure in its unit, or “N/A”
 */
char *
quorum_figure_ui_format_figure (QuorumFigure *figure)
{
  if (quorum_figure_get_is_na (figure))
    return g_strdup (_("N/A"));
  return quorum_figure_ui_format (quorum_figure_get_amount (figure),
                                  quorum_figure_get_unit (figure));
}

/**
 * quorum_figure_ui_column_title:
 *
 * Returns: (transfer full): a column's heading: its year and phase where it
 *   has them (“2020/21 estimated”), else its label
 */
char *
quorum_figure_ui_column_title (QuorumColumn *column)
{
  const char *year = quorum_column_get_year (column);
  const char *phase = quorum_figure_ui_phase_label (quorum_column_get_phase (column));

  if (year == NULL || quorum_column_get_formula (column) != QUORUM_FORMULA_NONE)
    return g_strdup (quorum_column_get_label (column));
  if (phase == NULL)
    return g_strdup (year);
  /* TRANSLATORS: a budget year and its phase, e.g. "2020/21 estimated" */
  return g_strdup_printf (_("%s %s"), year, phase);
}

/**
 * quorum_figure_ui_figure_chars:
 * @text: a figure as shown, e.g. `£1,220,159.00`
 *
 * How many characters wide a cell must be to show @text whole: a cell
 * counts in digits' widths, a separator or a point is about half one, and
 * a sign or a pound sign a little more than one (so one more, to spare).
 *
 * Returns: the width for quorum_ui_cell_new()
 */
guint
quorum_figure_ui_figure_chars (const char *text)
{
  guint halves = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    halves += *p == ',' || *p == '.' ? 1 : 2;
  return (halves + 1) / 2 + 1;
}

/**
 * quorum_figure_ui_committee_names:
 * @committee_ids: (nullable): committee ids
 *
 * Returns: (transfer full) (nullable): their short names, e.g. “SEC Panel,
 *   SECCo Board, PFCG”
 */
char *
quorum_figure_ui_committee_names (QuorumStore        *store,
                                  const char * const *committee_ids)
{
  GString *names;

  if (committee_ids == NULL || committee_ids[0] == NULL)
    return NULL;
  names = g_string_new (NULL);
  for (guint i = 0; committee_ids[i] != NULL; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            quorum_ui_committee_short_name (store, committee_ids[i]));
  return g_string_free (names, FALSE);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  QuorumBudgetDocument *da = *(QuorumBudgetDocument **) a;
  QuorumBudgetDocument *db = *(QuorumBudgetDocument **) b;
  int order = g_strcmp0 (quorum_budget_document_get_effective (db),
                         quorum_budget_document_get_effective (da));

  return order != 0 ? order : g_strcmp0 (quorum_budget_document_get_id (da),
                                         quorum_budget_document_get_id (db));
}

/**
 * quorum_figure_ui_documents_with:
 * @role: a table role, e.g. `meetings`
 *
 * Returns: (transfer full) (element-type QuorumBudgetDocument): the
 *   documents with a table of @role, newest first
 */
GPtrArray *
quorum_figure_ui_documents_with (GListModel *documents,
                                 const char *role)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, d);
      GListModel *tables = quorum_budget_document_get_tables (document);

      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(QuorumTable) table = g_list_model_get_item (tables, t);

          if (g_strcmp0 (quorum_table_get_role (table), role) == 0)
            {
              g_ptr_array_add (out, g_object_ref (document));
              break;
            }
        }
    }
  g_ptr_array_sort (out, compare_newest_first);
  return out;
}

/**
 * quorum_figure_ui_show_documents:
 * @documents: (element-type QuorumBudgetDocument): the documents to offer,
 *   in order
 * @keep_id: (nullable): the id of the document to keep selected
 *
 * Offers the titles of @documents in @dropdown and selects the document
 * whose id is @keep_id where it still is, else the first. The caller holds
 * @documents before it calls, so that the drop-down's notify::selected
 * handler finds the document that is selected.
 */
void
quorum_figure_ui_show_documents (GtkDropDown *dropdown,
                                 GPtrArray   *documents,
                                 const char  *keep_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (documents != NULL);

  for (guint d = 0; d < documents->len; d++)
    {
      QuorumBudgetDocument *document = g_ptr_array_index (documents, d);

      gtk_string_list_append (names, quorum_budget_document_get_title (document));
      if (g_strcmp0 (quorum_budget_document_get_id (document), keep_id) == 0)
        selected = d;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}

/* --- drop-downs ---------------------------------------------------------------- */

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean in_list = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (in_list)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
    }
  else
    {
      /* The button gives way on a narrow window. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, GPOINTER_TO_INT (user_data)
                                      ? NULL : gtk_string_object_get_string (string));
}

static GtkListItemFactory *
choice_factory_new (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb),
                    GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), GINT_TO_POINTER (in_list));
  return factory;
}

/**
 * quorum_figure_ui_setup_drop_down:
 * @drop_down: a drop-down of #GtkStringObject items (a document's title, a
 *   table's)
 *
 * Long titles are ellipsized in the button, with a tooltip, and wrapped
 * in the list, so that the drop-down never sets a window's width.
 */
void
quorum_figure_ui_setup_drop_down (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) factory = choice_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = choice_factory_new (TRUE);

  gtk_drop_down_set_factory (drop_down, factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);
}

/* --- column view columns ------------------------------------------------------ */

static void
set_line_style (GtkWidget        *widget,
                QuorumFigureLine *line)
{
  if (quorum_figure_line_get_kind (line) == QUORUM_FIGURE_LINE_TOTAL)
    gtk_widget_add_css_class (widget, "heading");
  else
    gtk_widget_remove_css_class (widget, "heading");
}

/* The line's property @name, of a list item's line. */
static GtkExpression *
line_property (const char *name)
{
  GtkExpression *line = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  return gtk_property_expression_new (QUORUM_TYPE_FIGURE_LINE, line, name);
}

static gboolean
is_set (GObject    *list_item,
        const char *text,
        gpointer    user_data)
{
  return text != NULL;
}

static char *
detail_or_label (GObject    *list_item,
                 const char *detail,
                 const char *label,
                 gpointer    user_data)
{
  return g_strdup (detail != NULL ? detail : label);
}

static GStrv
line_classes (GObject          *list_item,
              QuorumFigureLine *line,
              gpointer          user_data)
{
  const char *heading[] = { "heading", NULL };
  const char *none[] = { NULL };

  if (line != NULL && quorum_figure_line_get_kind (line) == QUORUM_FIGURE_LINE_TOTAL)
    return g_strdupv ((char **) heading);
  return g_strdupv ((char **) none);
}

/* A line's label and, beneath it, its detail: bound to the line's
 * properties, so that a detail set later shows too. */
static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = quorum_ui_cell_new (0, 24);
  GtkWidget *detail = quorum_ui_cell_new (0, 24);
  GtkExpression *tooltip_params[] = { line_property ("detail"), line_property ("label") };
  GtkExpression *shown_params[] = { line_property ("detail") };
  GtkExpression *style_params[] = {
    gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
  };

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (title), 8);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (detail), 8);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_expression_bind (line_property ("label"), title, "text", item);
  gtk_expression_bind (line_property ("detail"), detail, "text", item);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_BOOLEAN, NULL, 1, shown_params,
                                                    G_CALLBACK (is_set), NULL, NULL),
                       detail, "visible", item);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, tooltip_params,
                                                    G_CALLBACK (detail_or_label), NULL, NULL),
                       box, "tooltip-text", item);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRV, NULL, 1, style_params,
                                                    G_CALLBACK (line_classes), NULL, NULL),
                       title, "css-classes", item);
  gtk_list_item_set_child (item, box);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  /* Room for £1,634,853 and the ≠ beside a figure that is not the sum of
   * its parts: figures never give way to the labels. */
  gtk_list_item_set_child (item, quorum_ui_cell_new (1, 13));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  QuorumFigureLine *line = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  guint index = GPOINTER_TO_UINT (user_data);
  const char *text = quorum_figure_line_get_text (line, index);
  gboolean warning = quorum_figure_line_get_warning (line, index);

  if (warning)
    {
      /* Never by colour alone: a sign beside the figure, and the tooltip. */
      g_autofree char *marked = g_strdup_printf ("%s ≠", text != NULL ? text : "");

      gtk_inscription_set_text (GTK_INSCRIPTION (cell), marked);
      gtk_widget_add_css_class (cell, "warning");
    }
  else
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), text != NULL ? text : "—");
      gtk_widget_remove_css_class (cell, "warning");
    }
  gtk_widget_set_tooltip_text (cell, quorum_figure_line_get_tooltip (line, index));
  set_line_style (cell, line);
}

static int
compare_label (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_utf8_collate (quorum_figure_line_get_label ((QuorumFigureLine *) a),
                         quorum_figure_line_get_label ((QuorumFigureLine *) b));
}

/* By the figure; a line without one after any with. */
static int
compare_cell (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint index = GPOINTER_TO_UINT (user_data);
  gint64 amount_a = 0, amount_b = 0;
  gboolean has_a = quorum_figure_line_get_amount ((QuorumFigureLine *) a, index, &amount_a);
  gboolean has_b = quorum_figure_line_get_amount ((QuorumFigureLine *) b, index, &amount_b);

  if (!has_a || !has_b)
    return !has_a - !has_b;
  return (amount_a > amount_b) - (amount_a < amount_b);
}

static GtkColumnViewColumn *
add_column (GtkColumnView   *column_view,
            const char      *title,
            GCallback        setup,
            GCallback        bind,
            GCompareDataFunc compare,
            gpointer         user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, user_data);
  if (bind != NULL)
    g_signal_connect (factory, "bind", bind, user_data);
  column = gtk_column_view_column_new (title, factory);
  if (compare != NULL)
    {
      g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare, user_data, NULL);

      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
    }
  gtk_column_view_append_column (column_view, column);
  g_object_unref (column);
  return column;
}

/**
 * quorum_figure_ui_add_label_column:
 * @sortable: whether it sorts by the label
 *
 * Appends a column showing each #QuorumFigureLine's label and detail.
 *
 * Returns: (transfer none): the column
 */
GtkColumnViewColumn *
quorum_figure_ui_add_label_column (GtkColumnView *column_view,
                                   const char    *title,
                                   gboolean       sortable)
{
  GtkColumnViewColumn *column = add_column (column_view, title, G_CALLBACK (setup_label_cb),
                                            NULL, sortable ? compare_label : NULL, NULL);

  gtk_column_view_column_set_expand (column, TRUE);
  return column;
}

/**
 * quorum_figure_ui_add_cell_column:
 * @cell: which cell of each #QuorumFigureLine
 * @sortable: whether it sorts by the figures
 *
 * Appends a column of figures.
 *
 * Returns: (transfer none): the column
 */
GtkColumnViewColumn *
quorum_figure_ui_add_cell_column (GtkColumnView *column_view,
                                  const char    *title,
                                  guint          cell,
                                  gboolean       sortable)
{
  return add_column (column_view, title, G_CALLBACK (setup_cell_cb), G_CALLBACK (bind_cell_cb),
                     sortable ? compare_cell : NULL, GUINT_TO_POINTER (cell));
}

/**
 * quorum_figure_ui_clear_columns:
 *
 * Removes every column of @column_view.
 */
void
quorum_figure_ui_clear_columns (GtkColumnView *column_view)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (column_view, column);
    }
}

/**
 * quorum_figure_ui_remove_children:
 * @box: a #GtkBox
 *
 * Removes every child of @box.
 */
void
quorum_figure_ui_remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}
