/* quorum-table-cell.c: a figure in a budget table, with its marker
 *
 * One widget that draws its marker icon and its figure itself: GTK 4.8's
 * column view keeps some 200 rows made, each with a cell per column, so a
 * cell of three widgets (a box, an image and a label) would be some 6,000
 * widgets for a table of ten columns. The figure is right-aligned in
 * tabular digits; the marker's place is kept when there is none, so that
 * figures stay aligned on their last digit and a column keeps its width
 * (the width of @chars digits) as rows scroll in. The cell's font and
 * colour come from CSS (quorum-table-view.css), through its style classes.
 * Setters do nothing when nothing changes: binding a cell again as rows
 * scroll costs a few comparisons.
 *
 * A cell made with quorum_table_cell_new_for() shows a QuorumTableItem: its
 * "item" is bound to its list item's row (see quorum-table-view.c), its
 * "column" and "to-column" to the variance's columns, and it follows its
 * item's "target-column". Nothing binds it again from outside. Its
 * "row-selected" is bound to its list item's "selected", and its view
 * tells it which columns of the selected rows are the cells selected
 * (quorum_table_cell_set_range()): a figure among them is framed, read as
 * "selected" and has the selected state.
 *
 * A figure with a private note is marked too: a folded corner at its end,
 * the note icon (when no finding's icon is there) and "Has a note" with
 * the note in its tooltip
 * and accessible description. A cell finds the notes through its window
 * once rooted, and shows them again when notes are added or deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-notes-ui.h"
#include "quorum-table-cell.h"
#include "quorum-table-view.h"
#include "quorum-ui-a11y.h"

#define NOTE_ICON_NAME "document-edit-symbolic"

#define MARKER_SIZE 16
#define MARKER_SPACING 4

struct _QuorumTableCell
{
  GtkWidget parent_instance;

  char *text;
  char *icon_name;
  char *explanation;
  GtkIconPaintable *icon;   /* looked up when first drawn */
  PangoLayout *layout;      /* made when first measured or drawn, for a font */
  guint serial;             /* the serial of the widget's Pango context then */
  /* the font's, asked for once per font (font_serial): -1 until then */
  guint font_serial;
  int digit;                /* a digit's width, in Pango units */
  int line_height;          /* a line's height and baseline, in pixels */
  int line_baseline;
  float xalign;
  guint chars;
  QuorumTableCellFlags flags;

  /* what it shows */
  QuorumTableItem *item;
  gulong target_handler;
  QuorumTableCellKind kind;
  guint column;
  guint to_column;
  gboolean row_selected;            /* its list item's */
  int range_first;                  /* the columns of the cells selected, or -1 */
  int range_last;

  /* its window's notes, while rooted */
  QuorumNotes *notes;
  QuorumTableView *view;            /* not a reference */
  gulong notes_handler;
  gulong root_handler;
  gboolean noted;                   /* its figure has a note */
  QuorumNote *note;                 /* that note, followed as it is edited */
};

G_DEFINE_FINAL_TYPE (QuorumTableCell, quorum_table_cell, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (QuorumTableCellKind, quorum_table_cell_kind,
  G_DEFINE_ENUM_VALUE (QUORUM_TABLE_CELL_VALUE, "value"),
  G_DEFINE_ENUM_VALUE (QUORUM_TABLE_CELL_FROM, "from"),
  G_DEFINE_ENUM_VALUE (QUORUM_TABLE_CELL_TO, "to"),
  G_DEFINE_ENUM_VALUE (QUORUM_TABLE_CELL_DIFFERENCE, "difference"),
  G_DEFINE_ENUM_VALUE (QUORUM_TABLE_CELL_CHANGE, "change"))

enum {
  PROP_0,
  PROP_ITEM,
  PROP_KIND,
  PROP_COLUMN,
  PROP_TO_COLUMN,
  PROP_CHARS,
  PROP_ROW_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  QuorumTableCellFlags flag;
  const char *css_class;
} flag_classes[] = {
  { QUORUM_TABLE_CELL_COMPUTED, "computed" },
  { QUORUM_TABLE_CELL_COMPUTED, "dim-label" },
  { QUORUM_TABLE_CELL_NEGATIVE, "negative" },
  { QUORUM_TABLE_CELL_MISMATCH, "mismatch" },
  { QUORUM_TABLE_CELL_MISMATCH, "error" },
  { QUORUM_TABLE_CELL_ROUNDING, "rounding" },
  { QUORUM_TABLE_CELL_ROUNDING, "warning" },
  { QUORUM_TABLE_CELL_TOTAL, "total" },
  { QUORUM_TABLE_CELL_GROUP, "group" },
  { QUORUM_TABLE_CELL_NA, "not-applicable" },
  { QUORUM_TABLE_CELL_NA, "dim-label" },
  { QUORUM_TABLE_CELL_TARGET, "target" },
  { QUORUM_TABLE_CELL_IN_RANGE, "in-range" },
};

/* The layout of the figure, made again when the cell's font has changed
 * (bold for a total, slanted for a computed figure): its Pango context's
 * serial moves then, and not for a change of colour alone. It is given
 * the figure's text here, when it is measured or drawn: a row bound again
 * out of view lays nothing out. */
static PangoLayout *
ensure_layout (QuorumTableCell *self)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  const char *text = self->text != NULL ? self->text : "";

  if (self->layout != NULL && self->serial != serial)
    g_clear_object (&self->layout);
  if (self->layout == NULL)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      self->serial = serial;
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      /* Tabular figures, so that digits line up down a column. */
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (self->layout, attributes);
      pango_attr_list_unref (attributes);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
    }
  else if (strcmp (pango_layout_get_text (self->layout), text) != 0)
    pango_layout_set_text (self->layout, text, -1);
  return self->layout;
}

/* Forgets what was known of the font when it has changed. */
static void
check_font (QuorumTableCell *self)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (self->font_serial == serial)
    return;
  self->font_serial = serial;
  self->digit = -1;
  self->line_height = -1;
}

/* @chars digits, in the cell's font. */
static int
text_width (QuorumTableCell *self)
{
  check_font (self);
  if (self->digit < 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->digit = pango_font_metrics_get_approximate_digit_width (metrics);
      pango_font_metrics_unref (metrics);
    }
  return PANGO_PIXELS_CEIL (self->digit * (int) self->chars);
}

/* A line of figures is as high as any other in the same font: the height
 * is laid out once per font, with the text shown then. */
static void
line_size (QuorumTableCell *self,
           int              for_size,
           int             *height,
           int             *baseline)
{
  check_font (self);
  if (self->line_height < 0)
    {
      PangoLayout *layout = ensure_layout (self);

      /* At the width it is drawn at (see snapshot), so that drawing it
       * does not lay it out again. */
      if (for_size >= 0)
        pango_layout_set_width (layout,
                                MAX (0, for_size - MARKER_SIZE - MARKER_SPACING) * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, NULL, &self->line_height);
      self->line_baseline = PANGO_PIXELS (pango_layout_get_baseline (layout));
    }
  *height = self->line_height;
  *baseline = self->line_baseline;
}

static void
quorum_table_cell_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  QuorumTableCell *self = QUORUM_TABLE_CELL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = MARKER_SIZE + MARKER_SPACING + text_width (self);
    }
  else
    {
      int height, baseline;

      line_size (self, for_size, &height, &baseline);
      *minimum = *natural = MAX (height, MARKER_SIZE);
      *minimum_baseline = *natural_baseline = baseline + (*minimum - height) / 2;
    }
}

static void
quorum_table_cell_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  QuorumTableCell *self = QUORUM_TABLE_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int text_area = MAX (0, width - MARKER_SIZE - MARKER_SPACING);
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->icon_name != NULL)
    {
      if (self->icon == NULL)
        {
          GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

          self->icon = gtk_icon_theme_lookup_icon (theme, self->icon_name, NULL, MARKER_SIZE,
                                                   gtk_widget_get_scale_factor (widget),
                                                   gtk_widget_get_direction (widget), 0);
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (rtl ? width - MARKER_SIZE : 0,
                                                    (height - MARKER_SIZE) / 2));
      /* Symbolic, in the cell's colour: the error or warning colour of a finding. */
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (self->icon), snapshot,
                                                MARKER_SIZE, MARKER_SIZE,
                                                (GdkRGBA[]) { color, color, color, color }, 4);
      gtk_snapshot_restore (snapshot);
    }

  if (self->noted)
    {
      /* A folded corner at the cell's top end: a shape, whatever the colours. */
      float x = rtl ? 0 : width;
      float size = 7;
      graphene_rect_t corner = GRAPHENE_RECT_INIT (rtl ? 0 : width - size, 0, size, size);

      gtk_snapshot_push_clip (snapshot, &corner);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, 0));
      gtk_snapshot_rotate (snapshot, 45);
      /* A square turned by 45°, centred on the corner and clipped: a triangle. */
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (-size * G_SQRT2 / 2, -size * G_SQRT2 / 2,
                                                      size * G_SQRT2, size * G_SQRT2));
      gtk_snapshot_restore (snapshot);
      gtk_snapshot_pop (snapshot);
    }

  if (self->text != NULL && *self->text != '\0' && text_area > 0)
    {
      PangoLayout *layout = ensure_layout (self);
      int text_width, text_height;
      float x;

      pango_layout_set_width (layout, text_area * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      x = (text_area - text_width) * (rtl ? 1 - self->xalign : self->xalign);
      if (!rtl)
        x += MARKER_SIZE + MARKER_SPACING;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (height - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
quorum_table_cell_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (quorum_table_cell_parent_class)->css_changed (widget, change);

  /* A new font makes a new layout (ensure_layout), the width is the
   * column's, in digits, and the icon takes the colour as it is drawn. */
  gtk_widget_queue_draw (widget);
}

static void
quorum_table_cell_direction_changed (GtkWidget        *widget,
                                     GtkTextDirection  previous)
{
  QuorumTableCell *self = QUORUM_TABLE_CELL (widget);

  g_clear_object (&self->layout);
  g_clear_object (&self->icon);
  gtk_widget_queue_draw (widget);
}

static void update (QuorumTableCell *self);

/* The note shown, whose edits show at once. */
static void
follow_note (QuorumTableCell *self,
             QuorumNote      *note)
{
  if (self->note == note)
    return;
  if (self->note != NULL)
    g_signal_handlers_disconnect_by_func (self->note, update, self);
  g_set_object (&self->note, note);
  if (note != NULL)
    g_signal_connect_swapped (note, "notify::text", G_CALLBACK (update), self);
}

/* The notes of the cell's window, followed while the cell is rooted. */
static void
set_notes (QuorumTableCell *self,
           QuorumNotes     *notes)
{
  if (self->notes == notes)
    return;
  if (self->notes != NULL)
    g_clear_signal_handler (&self->notes_handler, self->notes);
  g_set_object (&self->notes, notes);
  if (notes != NULL)
    self->notes_handler = g_signal_connect_swapped (notes, "items-changed",
                                                    G_CALLBACK (update), self);
}

static void
root_notes_changed_cb (QuorumTableCell *self)
{
  set_notes (self, self->view != NULL ? quorum_notes_ui_for_widget (GTK_WIDGET (self)) : NULL);
  update (self);
}

static void
quorum_table_cell_root (GtkWidget *widget)
{
  QuorumTableCell *self = QUORUM_TABLE_CELL (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (quorum_table_cell_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  self->view = (QuorumTableView *) gtk_widget_get_ancestor (widget, QUORUM_TYPE_TABLE_VIEW);
  if (self->view != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (root), "notes") != NULL)
    self->root_handler = g_signal_connect_swapped (root, "notify::notes",
                                                   G_CALLBACK (root_notes_changed_cb), self);
  root_notes_changed_cb (self);
}

static void
quorum_table_cell_unroot (GtkWidget *widget)
{
  QuorumTableCell *self = QUORUM_TABLE_CELL (widget);

  if (self->root_handler != 0)
    g_clear_signal_handler (&self->root_handler, gtk_widget_get_root (widget));
  set_notes (self, NULL);
  follow_note (self, NULL);
  self->view = NULL;

  GTK_WIDGET_CLASS (quorum_table_cell_parent_class)->unroot (widget);
}

static void
quorum_table_cell_finalize (GObject *object)
{
  QuorumTableCell *self = (QuorumTableCell *) object;

  if (self->item != NULL)
    g_clear_signal_handler (&self->target_handler, self->item);
  g_clear_object (&self->item);
  follow_note (self, NULL);
  g_clear_object (&self->layout);
  g_clear_object (&self->icon);
  g_free (self->text);
  g_free (self->icon_name);
  g_free (self->explanation);

  G_OBJECT_CLASS (quorum_table_cell_parent_class)->finalize (object);
}

static void
quorum_table_cell_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumTableCell *self = QUORUM_TABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_ITEM: g_value_set_object (value, self->item); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_COLUMN: g_value_set_uint (value, self->column); break;
    case PROP_TO_COLUMN: g_value_set_uint (value, self->to_column); break;
    case PROP_CHARS: g_value_set_uint (value, self->chars); break;
    case PROP_ROW_SELECTED: g_value_set_boolean (value, self->row_selected); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_table_cell_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumTableCell *self = QUORUM_TABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_ITEM: quorum_table_cell_set_item (self, g_value_get_object (value)); break;
    case PROP_KIND: self->kind = g_value_get_enum (value); break;
    case PROP_COLUMN:
      quorum_table_cell_set_columns (self, g_value_get_uint (value), self->to_column);
      break;
    case PROP_TO_COLUMN:
      quorum_table_cell_set_columns (self, self->column, g_value_get_uint (value));
      break;
    case PROP_CHARS: quorum_table_cell_set_chars (self, g_value_get_uint (value)); break;
    case PROP_ROW_SELECTED:
      quorum_table_cell_set_row_selected (self, g_value_get_boolean (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_table_cell_class_init (QuorumTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = quorum_table_cell_finalize;
  object_class->get_property = quorum_table_cell_get_property;
  object_class->set_property = quorum_table_cell_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, QUORUM_TYPE_TABLE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, QUORUM_TYPE_TABLE_CELL_KIND, QUORUM_TABLE_CELL_VALUE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO_COLUMN] =
    g_param_spec_uint ("to-column", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHARS] =
    g_param_spec_uint ("chars", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SELECTED] =
    g_param_spec_boolean ("row-selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->measure = quorum_table_cell_measure;
  widget_class->snapshot = quorum_table_cell_snapshot;
  widget_class->css_changed = quorum_table_cell_css_changed;
  widget_class->direction_changed = quorum_table_cell_direction_changed;
  widget_class->root = quorum_table_cell_root;
  widget_class->unroot = quorum_table_cell_unroot;

  gtk_widget_class_set_css_name (widget_class, "figure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CELL);
}

static void
quorum_table_cell_init (QuorumTableCell *self)
{
  self->xalign = 1;
  self->range_first = self->range_last = -1;
  self->digit = -1;
  self->line_height = -1;
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
}

/**
 * quorum_table_cell_set_chars:
 * @chars: how wide, in digits
 */
void
quorum_table_cell_set_chars (QuorumTableCell *self,
                             guint            chars)
{
  g_return_if_fail (QUORUM_IS_TABLE_CELL (self));

  if (self->chars == chars)
    return;
  self->chars = chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHARS]);
}

void
quorum_table_cell_set_text (QuorumTableCell *self,
                            const char      *text)
{
  g_return_if_fail (QUORUM_IS_TABLE_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  quorum_ui_a11y_set_text (GTK_WIDGET (self), text);
  /* The width is the column's; only the drawing changes. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * quorum_table_cell_get_text:
 *
 * Returns: (nullable): the figure shown
 */
const char *
quorum_table_cell_get_text (QuorumTableCell *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_CELL (self), NULL);
  return self->text;
}

/**
 * quorum_table_cell_set_icon_name:
 * @icon_name: (nullable): a symbolic icon before the figure, or %NULL
 */
void
quorum_table_cell_set_icon_name (QuorumTableCell *self,
                                 const char      *icon_name)
{
  g_return_if_fail (QUORUM_IS_TABLE_CELL (self));

  if (g_strcmp0 (self->icon_name, icon_name) == 0)
    return;
  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
  g_clear_object (&self->icon);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * quorum_table_cell_get_icon_name:
 *
 * Returns: (nullable): the marker's icon
 */
const char *
quorum_table_cell_get_icon_name (QuorumTableCell *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_CELL (self), NULL);
  return self->icon_name;
}

void
quorum_table_cell_set_flags (QuorumTableCell      *self,
                             QuorumTableCellFlags  flags)
{
  QuorumTableCellFlags changed;

  g_return_if_fail (QUORUM_IS_TABLE_CELL (self));

  changed = self->flags ^ flags;
  if (changed == 0)
    return;
  /* Removed first: two flags may share a class (dim-label). */
  for (guint i = 0; i < G_N_ELEMENTS (flag_classes); i++)
    if ((changed & flag_classes[i].flag) != 0 && (flags & flag_classes[i].flag) == 0)
      gtk_widget_remove_css_class (GTK_WIDGET (self), flag_classes[i].css_class);
  for (guint i = 0; i < G_N_ELEMENTS (flag_classes); i++)
    if ((flags & flag_classes[i].flag) != 0)
      gtk_widget_add_css_class (GTK_WIDGET (self), flag_classes[i].css_class);
  if ((changed & QUORUM_TABLE_CELL_IN_RANGE) != 0 && (flags & QUORUM_TABLE_CELL_IN_RANGE) != 0)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
  else if ((changed & QUORUM_TABLE_CELL_IN_RANGE) != 0)
    gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED);
  self->flags = flags;
}

QuorumTableCellFlags
quorum_table_cell_get_flags (QuorumTableCell *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_CELL (self), 0);
  return self->flags;
}

/**
 * quorum_table_cell_set_explanation:
 * @explanation: (nullable): what the cell's marker or style means
 *
 * Sets the cell's tooltip and its accessible description.
 */
void
quorum_table_cell_set_explanation (QuorumTableCell *self,
                                   const char      *explanation)
{
  g_return_if_fail (QUORUM_IS_TABLE_CELL (self));

  if (g_strcmp0 (self->explanation, explanation) == 0)
    return;
  g_free (self->explanation);
  self->explanation = g_strdup (explanation);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), explanation);
  if (explanation != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    explanation, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* --- what a cell shows of its item ---------------------------------------- */

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
show (QuorumTableCell      *self,
      const char           *text,
      const char           *icon_name,
      QuorumTableCellFlags  flags,
      const char           *explanation)
{
  g_autoptr(GString) spoken = g_string_new (text);

  quorum_table_cell_set_text (self, text);
  quorum_table_cell_set_icon_name (self, icon_name);
  quorum_table_cell_set_flags (self, flags);
  quorum_table_cell_set_explanation (self, explanation);
  /* What a screen reader says of the cell: the figure and what its marks
   * mean, e.g. "£435,000, mismatch" (its row and column are added by its
   * list); the explanation is its description. */
  if ((flags & QUORUM_TABLE_CELL_MISMATCH) != 0)
    g_string_append_printf (spoken, ", %s", _("mismatch"));
  if ((flags & QUORUM_TABLE_CELL_ROUNDING) != 0)
    g_string_append_printf (spoken, ", %s", _("rounding difference"));
  if ((flags & QUORUM_TABLE_CELL_COMPUTED) != 0)
    g_string_append_printf (spoken, ", %s", _("computed"));
  if (self->noted)
    g_string_append_printf (spoken, ", %s", _("has a note"));
  if ((flags & QUORUM_TABLE_CELL_IN_RANGE) != 0)
    /* TRANSLATORS: said of a figure among the cells selected, to copy */
    g_string_append_printf (spoken, ", %s", C_("cell", "selected"));
  quorum_ui_a11y_set_text (GTK_WIDGET (self), spoken->str);
}

/* Whether the cell is among the cells selected: a figure of a selected row,
 * in the columns selected. */
static gboolean
in_range (QuorumTableCell *self)
{
  return self->kind == QUORUM_TABLE_CELL_VALUE && self->row_selected && self->range_first >= 0 &&
         (int) self->column >= self->range_first && (int) self->column <= self->range_last;
}

/* The note on the cell's figure, if any: only looked for when the store has notes. */
static QuorumNote *
find_note (QuorumTableCell *self)
{
  QuorumBudgetDocument *document;
  QuorumTable *table;
  g_autoptr(QuorumColumn) column = NULL;

  if (self->notes == NULL || self->view == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->notes)) == 0)
    return NULL;
  document = quorum_table_view_get_document (self->view);
  table = quorum_table_view_get_table (self->view);
  if (document == NULL || table == NULL)
    return NULL;
  column = g_list_model_get_item (quorum_table_get_columns (table), self->column);
  if (column == NULL)
    return NULL;
  return quorum_notes_ui_first (quorum_notes_lookup_document (
    self->notes, quorum_budget_document_get_id (document), quorum_table_get_id (table),
    quorum_row_get_id (quorum_table_item_get_row (self->item)), quorum_column_get_id (column)));
}

/* A column's figure, marked as its source, findings and note say. */
static void
show_value (QuorumTableCell *self)
{
  QuorumTableItem *item = self->item;
  guint column = self->column;
  QuorumCellSource source = quorum_table_item_get_source (item, column);
  QuorumTableCellFlags flags = row_flags (item);
  QuorumSeverity severity = QUORUM_SEVERITY_ROUNDING;
  gboolean has_finding = quorum_table_item_get_severity (item, column, &severity);
  g_autofree char *explanation = NULL;
  QuorumNote *note;
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
  if (self->kind == QUORUM_TABLE_CELL_VALUE &&
      quorum_table_item_get_target_column (item) == (int) column)
    flags |= QUORUM_TABLE_CELL_TARGET;
  if (in_range (self))
    flags |= QUORUM_TABLE_CELL_IN_RANGE;

  /* Only a marked cell pays for an explanation. */
  if (has_finding || source == QUORUM_CELL_COMPUTED)
    explanation = quorum_table_item_dup_explanation (item, column);
  note = find_note (self);
  self->noted = note != NULL;
  follow_note (self, note);
  if (note != NULL)
    {
      g_autofree char *marker = quorum_notes_ui_dup_marker (note);
      char *both = explanation != NULL ? g_strconcat (explanation, "\n", marker, NULL)
                                       : g_steal_pointer (&marker);

      g_free (explanation);
      explanation = both;
    }
  show (self, quorum_table_item_get_text (item, column),
        has_finding ? quorum_table_severity_icon_name (severity)
                    : note != NULL ? NOTE_ICON_NAME : NULL, flags, explanation);
}

static void
show_difference (QuorumTableCell *self)
{
  QuorumTableItem *item = self->item;
  QuorumTableCellFlags flags = row_flags (item);
  gint64 difference = 0, percent = 0;
  gboolean has_percent;
  g_autofree char *text = NULL;
  g_autofree char *explanation = NULL;
  const char *from, *to, *icon = NULL;

  if (!quorum_table_item_get_change (item, self->column, self->to_column,
                                     &difference, &percent, &has_percent))
    {
      if (quorum_table_item_get_source (item, self->column) == QUORUM_CELL_NA ||
          quorum_table_item_get_source (item, self->to_column) == QUORUM_CELL_NA)
        show (self, C_("figure", "N/A"), NULL, flags | QUORUM_TABLE_CELL_NA,
              _("Not applicable: one of the two figures is N/A"));
      else
        show (self, "—", NULL, flags | QUORUM_TABLE_CELL_NA,
              _("No difference: one of the two figures is blank"));
      return;
    }
  from = quorum_table_item_get_text (item, self->column);
  to = quorum_table_item_get_text (item, self->to_column);
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
  show (self, text, icon, flags, explanation);
}

static void
show_change (QuorumTableCell *self)
{
  QuorumTableItem *item = self->item;
  QuorumTableCellFlags flags = row_flags (item);
  gint64 difference = 0, percent = 0;
  gboolean has_percent = FALSE;
  g_autofree char *text = NULL;

  if (!quorum_table_item_get_change (item, self->column, self->to_column,
                                     &difference, &percent, &has_percent) || !has_percent)
    {
      show (self, "—", NULL, flags | QUORUM_TABLE_CELL_NA,
            _("No percentage: the first figure is zero, N/A or blank"));
      return;
    }
  text = quorum_table_format_percent (percent);
  show (self, text, NULL, flags | (percent < 0 ? QUORUM_TABLE_CELL_NEGATIVE : 0), NULL);
}

static void
update (QuorumTableCell *self)
{
  gboolean was_noted = self->noted;

  if (self->item == NULL)
    return;
  self->noted = FALSE;
  switch (self->kind)
    {
    case QUORUM_TABLE_CELL_DIFFERENCE:
      show_difference (self);
      break;
    case QUORUM_TABLE_CELL_CHANGE:
      show_change (self);
      break;
    default:
      if (self->column < quorum_row_get_n_values (quorum_table_item_get_row (self->item)))
        show_value (self);
      else
        show (self, NULL, NULL, row_flags (self->item), NULL);
    }
  if (was_noted != self->noted)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * quorum_table_cell_new_for:
 * @kind: what it shows of its row
 * @column: the column it shows (or compares from)
 * @chars: how wide, in digits
 *
 * Returns: (transfer floating): a right-aligned cell for a table's rows
 */
GtkWidget *
quorum_table_cell_new_for (QuorumTableCellKind kind,
                           guint               column,
                           guint               chars)
{
  QuorumTableCell *self = g_object_new (QUORUM_TYPE_TABLE_CELL, "kind", kind, NULL);

  self->column = column;
  self->chars = chars;
  return GTK_WIDGET (self);
}

QuorumTableCellKind
quorum_table_cell_get_kind (QuorumTableCell *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_CELL (self), QUORUM_TABLE_CELL_VALUE);
  return self->kind;
}

/**
 * quorum_table_cell_get_item:
 *
 * Returns: (transfer none) (nullable): the row shown
 */
QuorumTableItem *
quorum_table_cell_get_item (QuorumTableCell *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_CELL (self), NULL);
  return self->item;
}

/**
 * quorum_table_cell_set_item:
 * @item: (nullable): the row to show
 *
 * Shows @item, and follows its "target-column".
 */
void
quorum_table_cell_set_item (QuorumTableCell *self,
                            QuorumTableItem *item)
{
  g_return_if_fail (QUORUM_IS_TABLE_CELL (self));
  g_return_if_fail (item == NULL || QUORUM_IS_TABLE_ITEM (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_clear_signal_handler (&self->target_handler, self->item);
  g_set_object (&self->item, item);
  if (item != NULL && self->kind == QUORUM_TABLE_CELL_VALUE)
    self->target_handler = g_signal_connect_swapped (item, "notify::target-column",
                                                     G_CALLBACK (update), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

guint
quorum_table_cell_get_column (QuorumTableCell *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_CELL (self), 0);
  return self->column;
}

/**
 * quorum_table_cell_set_columns:
 * @column: the column shown, or compared from
 * @to_column: the column compared to
 */
void
quorum_table_cell_set_columns (QuorumTableCell *self,
                               guint            column,
                               guint            to_column)
{
  g_return_if_fail (QUORUM_IS_TABLE_CELL (self));

  if (self->column == column && self->to_column == to_column)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->column != column)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN]);
  if (self->to_column != to_column)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_COLUMN]);
  self->column = column;
  self->to_column = to_column;
  update (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * quorum_table_cell_set_row_selected:
 * @selected: whether the cell's row is selected (its list item's "selected")
 */
void
quorum_table_cell_set_row_selected (QuorumTableCell *self,
                                    gboolean         selected)
{
  gboolean was;

  g_return_if_fail (QUORUM_IS_TABLE_CELL (self));

  selected = !!selected;
  if (self->row_selected == selected)
    return;
  was = in_range (self);
  self->row_selected = selected;
  if (in_range (self) != was)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_SELECTED]);
}

/**
 * quorum_table_cell_set_range:
 * @first: the first column of the cells selected, or -1 when none are
 * @last: the last
 *
 * Which columns of the selected rows are the cells selected: a figure of
 * a selected row in one of them is marked as selected.
 */
void
quorum_table_cell_set_range (QuorumTableCell *self,
                             int              first,
                             int              last)
{
  gboolean was;

  g_return_if_fail (QUORUM_IS_TABLE_CELL (self));

  if (first < 0 || last < first)
    first = last = -1;
  if (self->range_first == first && self->range_last == last)
    return;
  was = in_range (self);
  self->range_first = first;
  self->range_last = last;
  if (in_range (self) != was)
    update (self);
}
