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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-table-cell.h"

#define MARKER_SIZE 16
#define MARKER_SPACING 4

struct _QuorumTableCell
{
  GtkWidget parent_instance;

  char *text;
  char *icon_name;
  char *explanation;
  GtkIconPaintable *icon;   /* looked up when first drawn */
  PangoLayout *layout;      /* made when first measured or drawn */
  float xalign;
  guint chars;
  QuorumTableCellFlags flags;
};

G_DEFINE_FINAL_TYPE (QuorumTableCell, quorum_table_cell, GTK_TYPE_WIDGET)

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
};

static PangoLayout *
ensure_layout (QuorumTableCell *self)
{
  if (self->layout == NULL)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      /* Tabular figures, so that digits line up down a column. */
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (self->layout, attributes);
      pango_attr_list_unref (attributes);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
    }
  return self->layout;
}

static int
text_width (QuorumTableCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int digit = pango_font_metrics_get_approximate_digit_width (metrics);

  pango_font_metrics_unref (metrics);
  return PANGO_PIXELS_CEIL (digit * (int) self->chars);
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
      PangoLayout *layout = ensure_layout (self);
      int height, baseline;

      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      baseline = PANGO_PIXELS (pango_layout_get_baseline (layout));
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
  QuorumTableCell *self = QUORUM_TABLE_CELL (widget);

  GTK_WIDGET_CLASS (quorum_table_cell_parent_class)->css_changed (widget, change);

  /* The font may have changed (bold for a total, slanted for a computed
   * figure): the layout is made again. The width is the column's, in
   * digits, and the icon takes the colour as it is drawn. */
  g_clear_object (&self->layout);
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

static void
quorum_table_cell_finalize (GObject *object)
{
  QuorumTableCell *self = (QuorumTableCell *) object;

  g_clear_object (&self->layout);
  g_clear_object (&self->icon);
  g_free (self->text);
  g_free (self->icon_name);
  g_free (self->explanation);

  G_OBJECT_CLASS (quorum_table_cell_parent_class)->finalize (object);
}

static void
quorum_table_cell_class_init (QuorumTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = quorum_table_cell_finalize;
  widget_class->measure = quorum_table_cell_measure;
  widget_class->snapshot = quorum_table_cell_snapshot;
  widget_class->css_changed = quorum_table_cell_css_changed;
  widget_class->direction_changed = quorum_table_cell_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "figure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CELL);
}

static void
quorum_table_cell_init (QuorumTableCell *self)
{
  self->xalign = 1;
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
}

/**
 * quorum_table_cell_new:
 * @xalign: 1 for figures, 0 for text
 * @chars: how wide, in digits, whatever it shows
 *
 * Returns: (transfer floating): a cell
 */
GtkWidget *
quorum_table_cell_new (float xalign,
                       guint chars)
{
  QuorumTableCell *self = g_object_new (QUORUM_TYPE_TABLE_CELL, NULL);

  self->xalign = xalign;
  self->chars = chars;
  return GTK_WIDGET (self);
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
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
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
