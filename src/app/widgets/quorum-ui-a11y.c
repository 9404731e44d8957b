/* quorum-ui-a11y.c: what a screen reader hears of the views, and Tab
 *
 * GTK 4.8 gives a widget with no accessible label its class name over
 * AT-SPI ("GtkListItemWidget", "GtkColumnViewCell", "GtkToggleButton").
 * The rows and cells of list and column views are GTK's private widgets,
 * made and recycled by the views' factories, and a drop-down's button is
 * GTK's too; 4.8's AT-SPI backend has no table interface either (the
 * ROW_INDEX, COL_INDEX and COL_COUNT relations are not sent, and column
 * titles are not header cells). So a window is watched here:
 *
 *  - every cell of a column view is named from its row, its column's title
 *    and what it shows ("Projects, Approved 2019/20: £435,000, mismatch"),
 *    every row from its label and its figures, every list view's row from
 *    what it shows; this is done after every frame the list is painted in,
 *    so that a row rebound while scrolling is named before it is read;
 *  - a drop-down's button is named from the drop-down's label (its
 *    mnemonic label or, lacking one, its tooltip) and the choice shown;
 *  - images are decorative (what they mean is always said in words beside
 *    them), so they are hidden from assistive technology;
 *  - a list or table is one Tab stop: Tab and Shift+Tab leave it and the
 *    arrows move inside it.
 *
 * A widget that shows more than its text (a figure and its finding) says
 * what to read with quorum_ui_a11y_set_text().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-ui-a11y.h"

/* New widgets (rows of a list box, a page's lists) are looked for at most
 * this often, in microseconds; rows of the lists found are named every frame. */
#define PREPARE_INTERVAL_US (250 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  GtkWidget *window;
  GPtrArray *lists;  /* GWeakRef *: the column and list views found */
  gint64     last_prepare;
  gulong     handler;
} Watch;

/* Each looked up once: the rows' cells are named after every frame. */
#define QUARK(name) \
  static GQuark name##_quark (void) \
  { \
    static GQuark quark; \
    if (quark == 0) \
      quark = g_quark_from_static_string ("quorum-a11y-" #name); \
    return quark; \
  }
QUARK (name)         /* the accessible label last set */
QUARK (text)         /* what to read of a widget, from quorum_ui_a11y_set_text() */
QUARK (done)         /* a widget seen by prepare() */
QUARK (label_column) /* the title of a column view's column that names its rows */
QUARK (watch)        /* a window's Watch */
QUARK (mnemonic)     /* the label of a button named without its underscore */
QUARK (role)         /* a list cell's child's accessible role, plus one */
#undef QUARK

/* Sets @widget's accessible label, unless it already says @name. */
static void
set_name (GtkWidget  *widget,
          const char *name)
{
  if (g_strcmp0 (g_object_get_qdata (G_OBJECT (widget), name_quark ()), name) == 0)
    return;
  g_object_set_qdata_full (G_OBJECT (widget), name_quark (), g_strdup (name), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
}

/* What @widget shows in words, appended to @out (", " between parts). */
static void
append_text (GtkWidget *widget,
             GString   *out)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), text_quark ());

  if (!gtk_widget_get_visible (widget))
    return;
  if (text == NULL && GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  else if (text == NULL && GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (text == NULL && GTK_IS_IMAGE (widget))
    return;
  if (text != NULL)
    {
      if (*text != '\0')
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", text);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_text (child, out);
}

static char *
dup_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  if (widget != NULL)
    append_text (widget, out);
  return g_string_free (out, FALSE);
}

/**
 * quorum_ui_a11y_set_text:
 * @text: (nullable): what a screen reader reads of @widget in a list's
 *   cell names, e.g. "£435,000, mismatch"; %NULL for what it shows
 *
 * Also @widget's accessible label until its list names it.
 */
void
quorum_ui_a11y_set_text (GtkWidget  *widget,
                         const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_qdata_full (G_OBJECT (widget), text_quark (), g_strdup (text), g_free);
  set_name (widget, text != NULL ? text : "");
}

/**
 * quorum_ui_a11y_set_label_column:
 * @title: the title of the column whose cells name their rows (the first
 *   column unless set): found by title, so that hidden or reordered columns
 *   do not matter
 */
void
quorum_ui_a11y_set_label_column (GtkColumnView *column_view,
                                 const char    *title)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_object_set_qdata_full (G_OBJECT (column_view), label_column_quark (), g_strdup (title),
                           g_free);
}

static gboolean
is_row (GtkWidget *widget)
{
  return g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0;
}

/* Whether @widget is a cell to assistive technology. Its role is set when
 * it is made, and asking GTK for it every frame for every cell of a list
 * costs more than the rest of naming the cell: it is kept. */
static gboolean
is_cell_role (GtkWidget *widget)
{
  GtkAccessibleRole role = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (widget),
                                                                 role_quark ()));

  if (role == 0)
    {
      role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) + 1;
      g_object_set_qdata (G_OBJECT (widget), role_quark (), GUINT_TO_POINTER (role));
    }
  return role - 1 == GTK_ACCESSIBLE_ROLE_CELL || role - 1 == GTK_ACCESSIBLE_ROLE_GRID_CELL;
}

/* The words of a table's cell and row names, translated once a frame, not
 * once a cell. */
typedef struct
{
  const char *blank;
  const char *cell;
  const char *cell_in_row;
  const char *row_part;
} TableWords;

static void
table_words_init (TableWords *words)
{
  /* TRANSLATORS: what a screen reader says of an empty cell */
  words->blank = _("blank");
  /* TRANSLATORS: a cell's accessible name: "Row: Projects" */
  words->cell = _("%s: %s");
  /* TRANSLATORS: a cell's accessible name: its row, its column and what
   * it shows: "Projects, Approved 2019/20: £435,000, mismatch" */
  words->cell_in_row = _("%s, %s: %s");
  /* TRANSLATORS: a row's accessible name: its label, then each of its
   * cells, "Projects; Approved 2019/20: £435,000" */
  words->row_part = _("; %s: %s");
}

/* Where @cell starts along its row, in the reading direction. */
static float
cell_start (GtkWidget *cell,
            GtkWidget *row)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (cell, row, &GRAPHENE_POINT_INIT (0, 0), &point))
    return 0;
  return gtk_widget_get_direction (row) == GTK_TEXT_DIR_RTL ? -point.x : point.x;
}

/* A row's visible cells in the order of its visible columns. GTK 4.8 adds
 * the cells of a column shown after the row was made (a view's column
 * folded away and back) after the others, so their order is where they
 * are laid out, not the order of the row's children. */
static GPtrArray *
row_cells (GtkWidget *row)
{
  GPtrArray *cells = g_ptr_array_new ();

  for (GtkWidget *cell = gtk_widget_get_first_child (row);
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    if (gtk_widget_get_visible (cell))
      {
        guint i = cells->len;

        /* An insertion sort: a row has a few cells, and it keeps their order
         * when they are not laid out yet. */
        while (i > 0 && cell_start (g_ptr_array_index (cells, i - 1), row) >
                        cell_start (cell, row))
          i--;
        g_ptr_array_insert (cells, i, cell);
      }
  return cells;
}

/* One row of a column view: its cells in the order of the visible columns.
 * The formats are the translations of table_words_init()'s literals. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
name_table_row (GtkWidget        *row,
                GPtrArray        *titles,
                guint             label_column,
                const TableWords *words)
{
  g_autoptr(GPtrArray) cells = row_cells (row);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) row_name = g_string_new (NULL);
  const char *label;

  for (guint i = 0; i < cells->len; i++)
    g_ptr_array_add (texts, dup_text (gtk_widget_get_first_child (g_ptr_array_index (cells, i))));
  if (cells->len == 0)
    return;
  label = label_column < texts->len ? g_ptr_array_index (texts, label_column)
                                    : g_ptr_array_index (texts, 0);
  g_string_append (row_name, label);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      GtkWidget *child = gtk_widget_get_first_child (cell);
      const char *title = i < titles->len ? g_ptr_array_index (titles, i) : "";
      const char *text = g_ptr_array_index (texts, i);
      g_autofree char *name = NULL;

      if (*text == '\0')
        text = words->blank;
      if (*title == '\0')
        name = g_strdup (text);
      else if (text == label || *label == '\0')
        name = g_strdup_printf (words->cell, title, text);
      else
        name = g_strdup_printf (words->cell_in_row, label, title, text);
      set_name (cell, name);
      /* A figure cell of ours is a cell too; an empty label would be read
       * by its class name. */
      if (child != NULL && (is_cell_role (child) || text != g_ptr_array_index (texts, i)))
        set_name (child, name);
      if (text != label && *title != '\0')
        g_string_append_printf (row_name, words->row_part, title, text);
    }
  set_name (row, row_name->str);
}
#pragma GCC diagnostic pop

static void
name_column_view (GtkColumnView *column_view)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);
  const char *label_title = g_object_get_qdata (G_OBJECT (column_view), label_column_quark ());
  guint label_column = 0;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  TableWords words;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);

      if (!gtk_column_view_column_get_visible (column))
        continue;
      if (label_title != NULL && g_strcmp0 (title, label_title) == 0)
        label_column = titles->len;
      g_ptr_array_add (titles, (gpointer) (title != NULL ? title : ""));
    }
  table_words_init (&words);
  /* The rows are the children of GTK's list inside the column view, after
   * the row of column titles. */
  for (GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       list != NULL;
       list = gtk_widget_get_next_sibling (list))
    if (g_strcmp0 (gtk_widget_get_css_name (list), "header") == 0)
      /* TRANSLATORS: the row of a table's column titles */
      set_name (list, _("Column titles"));
    else if (GTK_IS_LIST_VIEW (list))
      {
        /* TRANSLATORS: the list of a table's rows, under its column titles */
        set_name (list, _("Rows"));
        for (GtkWidget *row = gtk_widget_get_first_child (list);
             row != NULL;
             row = gtk_widget_get_next_sibling (row))
          if (is_row (row))
            name_table_row (row, titles, label_column, &words);
      }
}

static void
name_list_view (GtkListView *list_view)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (is_row (row))
      {
        g_autofree char *text = dup_text (gtk_widget_get_first_child (row));

        set_name (row, text);
      }
}

/* Tab and Shift+Tab leave a list or table: it stops taking focus while the
 * window moves the focus on, so the move goes past it. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkWidget             *list)
{
  GtkDirectionType direction;
  GtkRoot *root = gtk_widget_get_root (list);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL)
    return FALSE;
  /* A list box row's own controls (a switch, a button) are still Tab stops. */
  if (GTK_IS_LIST_BOX (list) && !GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (root)))
    return FALSE;
  if (keyval == GDK_KEY_ISO_Left_Tab ||
      ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK) != 0))
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else
    return FALSE;
  gtk_widget_set_can_focus (list, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return TRUE;
}

static void
make_one_tab_stop (GtkWidget *list)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), list);
  gtk_widget_add_controller (list, controller);
}

/* The text of a drop-down's choice. */
static char *
dup_choice (GtkDropDown *drop_down,
            GtkWidget   *button)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return g_strdup ("");
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  return dup_text (gtk_widget_get_first_child (button));
}

static void
name_drop_down (GtkDropDown *drop_down)
{
  GtkWidget *button = NULL;
  GList *labels = gtk_widget_list_mnemonic_labels (GTK_WIDGET (drop_down));
  g_autofree char *label = NULL;
  g_autofree char *choice = NULL;
  g_autofree char *name = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL && button == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      button = child;
  if (labels != NULL && GTK_IS_LABEL (labels->data))
    label = g_strdup (gtk_label_get_text (labels->data));
  else
    label = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down)));
  g_list_free (labels);
  if (button == NULL || label == NULL)
    return;
  choice = dup_choice (drop_down, button);
  /* TRANSLATORS: a drop-down's button: "Severity: All Severities" */
  name = *choice != '\0' ? g_strdup_printf (_("%s: %s"), label, choice) : g_strdup (label);
  set_name (button, name);
}

/* GTK 4.8 names a button with a mnemonic twice, "_Export Calendar… Export
 * Calendar…": gtk_button_set_label() sets the button's accessible label to
 * the text with its underscore, and the button is also labelled by its
 * label. The label alone names it. */
static void
name_mnemonic_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  GtkWidget *child = gtk_button_get_child (button);
  const char *text;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;
  text = GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : NULL;
  if (text == NULL ||
      g_strcmp0 (g_object_get_qdata (G_OBJECT (button), mnemonic_quark ()), label) == 0)
    return;
  /* Again whenever the label changes: GTK sets the accessible label again. */
  g_object_set_qdata_full (G_OBJECT (button), mnemonic_quark (), g_strdup (label), g_free);
  g_object_set_qdata (G_OBJECT (button), name_quark (), NULL);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  set_name (GTK_WIDGET (button), text);
}

static void
prepare (GtkWidget *widget,
         Watch     *watch)
{
  if (g_object_get_qdata (G_OBJECT (widget), done_quark ()) == NULL)
    {
      g_object_set_qdata (G_OBJECT (widget), done_quark (), GINT_TO_POINTER (TRUE));
      if (GTK_IS_IMAGE (widget))
        gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                     -1);
      else if (GTK_IS_DROP_DOWN (widget))
        g_signal_connect (widget, "notify::selected-item", G_CALLBACK (name_drop_down), NULL);
      if (GTK_IS_COLUMN_VIEW (widget) || (GTK_IS_LIST_VIEW (widget) &&
                                          !GTK_IS_COLUMN_VIEW (gtk_widget_get_parent (widget))))
        {
          GWeakRef *ref = g_new0 (GWeakRef, 1);

          g_weak_ref_init (ref, widget);
          g_ptr_array_add (watch->lists, ref);
          make_one_tab_stop (widget);
        }
      else if (GTK_IS_LIST_BOX (widget))
        make_one_tab_stop (widget);
    }
  if (GTK_IS_BUTTON (widget))
    name_mnemonic_button (GTK_BUTTON (widget));
  else if (GTK_IS_FLOW_BOX_CHILD (widget))
    {
      /* A filter chip: what it shows, its label and its choice. */
      g_autofree char *text = dup_text (widget);

      set_name (widget, text);
    }
  if (GTK_IS_DROP_DOWN (widget))
    {
      /* Its button and popover are GTK's: named, not walked. */
      name_drop_down (GTK_DROP_DOWN (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    prepare (child, watch);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Watch         *watch)
{
  gint64 now = g_get_monotonic_time ();

  if (now - watch->last_prepare > PREPARE_INTERVAL_US)
    {
      watch->last_prepare = now;
      prepare (watch->window, watch);
    }
  for (guint i = 0; i < watch->lists->len; )
    {
      g_autoptr(GtkWidget) list = g_weak_ref_get (g_ptr_array_index (watch->lists, i));

      if (list == NULL)
        {
          g_ptr_array_remove_index_fast (watch->lists, i);
          continue;
        }
      i++;
      if (!gtk_widget_get_mapped (list))
        continue;
      if (GTK_IS_COLUMN_VIEW (list))
        name_column_view (GTK_COLUMN_VIEW (list));
      else
        name_list_view (GTK_LIST_VIEW (list));
    }
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
watch_free (Watch *watch)
{
  g_ptr_array_unref (watch->lists);
  g_free (watch);
}

static void
window_realize_cb (GtkWidget *window,
                   Watch     *watch)
{
  watch->handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                     G_CALLBACK (after_paint_cb), watch);
}

static void
window_unrealize_cb (GtkWidget *window,
                     Watch     *watch)
{
  g_clear_signal_handler (&watch->handler, gtk_widget_get_frame_clock (window));
}

/**
 * quorum_ui_a11y_prepare:
 * @root: a window
 *
 * Names what GTK leaves unnamed in @root, now and as it changes, and makes
 * its lists one Tab stop each (see the top of this file).
 */
void
quorum_ui_a11y_prepare (GtkWidget *root)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_WINDOW (root));

  if (g_object_get_qdata (G_OBJECT (root), watch_quark ()) != NULL)
    return;
  watch = g_new0 (Watch, 1);
  watch->window = root;
  watch->lists = g_ptr_array_new_with_free_func (free_weak_ref);
  g_object_set_qdata_full (G_OBJECT (root), watch_quark (), watch, (GDestroyNotify) watch_free);
  g_signal_connect (root, "realize", G_CALLBACK (window_realize_cb), watch);
  g_signal_connect (root, "unrealize", G_CALLBACK (window_unrealize_cb), watch);
  if (gtk_widget_get_realized (root))
    window_realize_cb (root, watch);
}
