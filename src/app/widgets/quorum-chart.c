/* quorum-chart.c: a bar chart of figures, stacked or grouped, with its text alternative
 *
 * Horizontal bars: one band per category (a committee) down the left, one
 * segment per series (a cost component, a year) along the value axis,
 * stacked end to end or grouped side by side. Drawn with GtkSnapshot in the
 * theme's colours (the accent first, then a palette for light or dark chosen
 * by the foreground colour), text in the widget's font through Pango, tick
 * values through quorum_amount_format_display() in the chart's unit.
 *
 * To assistive technologies the chart is an image, labelled by its title
 * and described by every bar and value in words. A tooltip names the
 * segment under the pointer; with the keyboard, the arrow keys move from
 * segment to segment and the chart says which one it is on. The views that
 * show a chart show its numbers in a table too.
 *
 * Where everything goes is computed once per allocation, in size_allocate,
 * by quorum-chart-layout.c (QuorumChartLayout); snapshot only draws that
 * layout, and measure, the tooltips, the pointer and the keyboard read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "quorum-chart-layout.h"
#include "quorum-chart.h"

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA axis;
  GdkRGBA accent;
  GdkRGBA bubble_bg;
  gboolean dark;
} Colors;

struct _QuorumChart
{
  GtkWidget parent_instance;

  char *title;
  char *category_title;
  char *value_title;
  char *unit;
  gboolean stacked;

  char **categories;
  char **series;
  guint n_categories;
  guint n_series;
  gint64 *values;              /* n_categories × n_series, by category */

  char *text_alternative;

  QuorumChartLayout layout;    /* from the last size_allocate */
  int hover_category;          /* -1: none */
  int hover_series;
  int focus_category;          /* -1: none */
  int focus_series;
};

G_DEFINE_FINAL_TYPE (QuorumChart, quorum_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CATEGORY_TITLE,
  PROP_VALUE_TITLE,
  PROP_UNIT,
  PROP_STACKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* After the accent, for series 1, 2, …: GNOME's palette, darker shades on a
 * light background and lighter ones on a dark background, none of them blue
 * (the default accent). Neighbouring segments are also kept apart by a gap. */
static const char * const light_palette[] = {
  "#26a269", "#c64600", "#9141ac", "#e5a50a", "#c01c28", "#865e3c", "#1a5fb4", "#63452c",
};
static const char * const dark_palette[] = {
  "#57e389", "#ffa348", "#dc8add", "#f8e45c", "#f66151", "#cdab8f", "#99c1f1", "#deddda",
};

/* --- data ------------------------------------------------------------------- */

static QuorumChartData
chart_data (QuorumChart *self)
{
  return (QuorumChartData) {
    .title = self->title,
    .category_title = self->category_title,
    .value_title = self->value_title,
    .unit = self->unit,
    .stacked = self->stacked,
    .categories = self->categories,
    .series = self->series,
    .n_categories = self->n_categories,
    .n_series = self->n_series,
    .values = self->values,
  };
}

static void
update_text_alternative (QuorumChart *self)
{
  QuorumChartData data = chart_data (self);
  GString *text = g_string_new (NULL);

  if (self->value_title != NULL && self->category_title != NULL)
    /* TRANSLATORS: the start of a chart's description, e.g. "Cost by committee." */
    g_string_append_printf (text, _("%s by %s."), self->value_title,
                            self->category_title);
  else if (self->value_title != NULL)
    g_string_append_printf (text, "%s.", self->value_title);

  if (self->n_categories == 0 || self->n_series == 0)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", _("No figures."));

  for (guint c = 0; c < self->n_categories; c++)
    {
      g_autoptr(GString) figures = g_string_new (NULL);
      g_autofree char *bar = NULL;
      gint64 total;

      for (guint s = 0; s < self->n_series; s++)
        {
          gint64 value = _quorum_chart_data_value (&data, c, s);
          g_autofree char *amount = NULL;
          g_autofree char *figure = NULL;

          if (value == QUORUM_CHART_NO_VALUE)
            /* TRANSLATORS: in a chart's description, a series a bar has no
             * figure for, e.g. "Experts no figure" */
            figure = g_strdup_printf (_("%s no figure"), self->series[s]);
          else
            {
              amount = _quorum_chart_data_format (&data, value);
              /* TRANSLATORS: in a chart's description, a series and its
               * figure, e.g. "Core team £626,156" */
              figure = g_strdup_printf (C_("series and figure", "%s %s"), self->series[s],
                                        amount);
            }
          /* TRANSLATORS: the separator between a bar's figures */
          g_string_append_printf (figures, "%s%s", s > 0 ? _(", ") : "", figure);
        }
      if (self->stacked && self->n_series > 1 && _quorum_chart_data_total (&data, c, &total))
        {
          g_autofree char *amount = _quorum_chart_data_format (&data, total);

          /* TRANSLATORS: one stacked bar of a chart's description, e.g.
           * "OPSG: Core team £626,156, Experts £85,851, total £712,007." */
          bar = g_strdup_printf (_("%s: %s, total %s."), self->categories[c], figures->str,
                                 amount);
        }
      else
        /* TRANSLATORS: one bar of a chart's description, e.g.
         * "OPSG: 2020/21 £626,156, 2021/22 no figure." */
        bar = g_strdup_printf (_("%s: %s."), self->categories[c], figures->str);
      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", bar);
    }

  g_free (self->text_alternative);
  self->text_alternative = g_string_free (text, FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title != NULL ? self->title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text_alternative,
                                  -1);
}

/* The focused segment's bubble, in the layout. */
static void
layout_focus (QuorumChart *self)
{
  g_autofree char *text = NULL;

  if (self->focus_category >= 0 && self->focus_series >= 0 &&
      (guint) self->focus_category < self->n_categories &&
      (guint) self->focus_series < self->n_series)
    text = quorum_chart_dup_segment_text (self, self->focus_category, self->focus_series);
  _quorum_chart_layout_bubble (&self->layout, GTK_WIDGET (self),
                               text != NULL ? self->focus_category : -1,
                               self->focus_series, text);
}

/* --- drawing ---------------------------------------------------------------- */

static void
get_colors (QuorumChart *self,
            Colors      *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  double luminance;

  gtk_style_context_get_color (context, &colors->fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &colors->accent))
    gdk_rgba_parse (&colors->accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "popover_bg_color", &colors->bubble_bg) &&
      !gtk_style_context_lookup_color (context, "view_bg_color", &colors->bubble_bg))
    gdk_rgba_parse (&colors->bubble_bg, "#ffffff");
  colors->bubble_bg.alpha = 1;

  /* The theme is dark when its text is light. */
  luminance = 0.2126 * colors->fg.red + 0.7152 * colors->fg.green + 0.0722 * colors->fg.blue;
  colors->dark = luminance > 0.5;

  colors->dim = colors->fg;
  colors->dim.alpha *= 0.75;
  colors->grid = colors->fg;
  colors->grid.alpha *= 0.12;
  colors->axis = colors->fg;
  colors->axis.alpha *= 0.45;
}

static const GdkRGBA *
ink_color (const Colors   *colors,
           QuorumChartInk  ink)
{
  switch (ink)
    {
    case QUORUM_CHART_INK_DIM: return &colors->dim;
    case QUORUM_CHART_INK_GRID: return &colors->grid;
    case QUORUM_CHART_INK_AXIS: return &colors->axis;
    case QUORUM_CHART_INK_FG:
    default: return &colors->fg;
    }
}

static void
series_color (const Colors *colors,
              guint         series,
              GdkRGBA      *color)
{
  const char * const *palette = colors->dark ? dark_palette : light_palette;

  if (series == 0)
    *color = colors->accent;
  else
    gdk_rgba_parse (color, palette[(series - 1) % G_N_ELEMENTS (light_palette)]);
}

static void
draw_text (GtkSnapshot           *snapshot,
           const QuorumChartText *text,
           const Colors          *colors)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &text->origin);
  gtk_snapshot_append_layout (snapshot, text->layout, ink_color (colors, text->ink));
  gtk_snapshot_restore (snapshot);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                double                 radius,
                const GdkRGBA         *color)
{
  GskRoundedRect box;

  gsk_rounded_rect_init_from_rect (&box, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, color, &box.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                double                 radius,
                double                 width,
                const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, radius);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* The bars' segments in their series' colours, the one under the pointer
 * shaded. */
static void
draw_segments (QuorumChart  *self,
               GtkSnapshot  *snapshot,
               const Colors *colors)
{
  GArray *segments = self->layout.segments;

  for (guint i = 0; i < segments->len; i++)
    {
      QuorumChartSegment *segment = &g_array_index (segments, QuorumChartSegment, i);
      graphene_rect_t rect = segment->rect;
      GdkRGBA color;

      series_color (colors, segment->series, &color);
      /* A hairline of background between neighbouring segments and bars. */
      if (rect.size.width > 2)
        rect.size.width -= 1;
      if (!self->stacked && rect.size.height > 3)
        rect.size.height -= 1;
      gtk_snapshot_append_color (snapshot, &color, &rect);
      if ((int) segment->category == self->hover_category &&
          (int) segment->series == self->hover_series)
        {
          GdkRGBA shade = colors->dark ? (GdkRGBA) { 1, 1, 1, 0.25 } : (GdkRGBA) { 0, 0, 0, 0.2 };

          gtk_snapshot_append_color (snapshot, &shade, &rect);
        }
    }
}

/* The focused segment outlined, and in words in a bubble. */
static void
draw_bubble (QuorumChart  *self,
             GtkSnapshot  *snapshot,
             const Colors *colors)
{
  const QuorumChartBubble *bubble = &self->layout.bubble;
  GdkRGBA border = colors->fg;

  if (!bubble->shown)
    return;
  if (bubble->outline.size.width > 0)
    append_outline (snapshot, &bubble->outline, 2, 2, &colors->fg);
  border.alpha *= 0.25;
  append_rounded (snapshot, &bubble->box, 6, &colors->bubble_bg);
  append_outline (snapshot, &bubble->box, 6, 1, &border);
  draw_text (snapshot, &bubble->text, colors);
}

/* --- GtkWidget -------------------------------------------------------------- */

static GtkSizeRequestMode
quorum_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
quorum_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  QuorumChartData data = chart_data (QUORUM_CHART (widget));

  _quorum_chart_measure (widget, &data, orientation, for_size, minimum, natural);
}

static void
quorum_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  QuorumChart *self = QUORUM_CHART (widget);
  QuorumChartData data = chart_data (self);

  _quorum_chart_layout_compute (&self->layout, widget, &data, width, height);
  layout_focus (self);
}

/* Draws the layout of the last size_allocate, in the theme's colours. */
static void
quorum_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  QuorumChart *self = QUORUM_CHART (widget);
  QuorumChartLayout *layout = &self->layout;
  Colors colors;

  get_colors (self, &colors);
  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA ring = colors.accent;

      ring.alpha *= 0.5;
      append_outline (snapshot,
                      &GRAPHENE_RECT_INIT (1, 1, layout->width - 2, layout->height - 2),
                      8, 2, &ring);
    }
  for (guint i = 0; i < layout->rules->len; i++)
    {
      QuorumChartRule *rule = &g_array_index (layout->rules, QuorumChartRule, i);

      gtk_snapshot_append_color (snapshot, ink_color (&colors, rule->ink), &rule->rect);
    }
  for (guint i = 0; i < layout->swatches->len; i++)
    {
      QuorumChartSegment *swatch = &g_array_index (layout->swatches, QuorumChartSegment, i);
      GdkRGBA color;

      series_color (&colors, swatch->series, &color);
      append_rounded (snapshot, &swatch->rect, 3, &color);
    }
  for (guint i = 0; i < layout->texts->len; i++)
    draw_text (snapshot, &g_array_index (layout->texts, QuorumChartText, i), &colors);
  draw_segments (self, snapshot, &colors);
  if (gtk_widget_has_focus (widget) && self->focus_category >= 0)
    draw_bubble (self, snapshot, &colors);
}

static void
quorum_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (quorum_chart_parent_class)->css_changed (widget, change);

  /* The font, the colours or the dark variant may have changed. */
  gtk_widget_queue_resize (widget);
}

static gboolean
quorum_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  QuorumChart *self = QUORUM_CHART (widget);
  const QuorumChartSegment *segment = _quorum_chart_layout_hit (&self->layout, x, y);
  g_autofree char *text = NULL;
  GdkRectangle area;

  if (segment == NULL)
    return FALSE;

  text = quorum_chart_dup_segment_text (self, segment->category, segment->series);
  gtk_tooltip_set_text (tooltip, text);
  _quorum_chart_segment_area (segment, &area);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

/* --- events ----------------------------------------------------------------- */

static void
set_hover (QuorumChart *self,
           int          category,
           int          series)
{
  if (self->hover_category == category && self->hover_series == series)
    return;
  self->hover_category = category;
  self->hover_series = series;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           QuorumChart              *self)
{
  const QuorumChartSegment *segment = _quorum_chart_layout_hit (&self->layout, x, y);

  if (segment != NULL)
    set_hover (self, segment->category, segment->series);
  else
    set_hover (self, -1, -1);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          QuorumChart              *self)
{
  set_hover (self, -1, -1);
}

static void
set_focus_segment (QuorumChart *self,
                   int          category,
                   int          series)
{
  self->focus_category = self->n_categories > 0 ? CLAMP (category, 0,
                                                         (int) self->n_categories - 1) : -1;
  self->focus_series = self->n_series > 0 ? CLAMP (series, 0, (int) self->n_series - 1) : -1;
  if (self->focus_series < 0)
    self->focus_category = -1;
  layout_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            QuorumChart     *self)
{
  const QuorumChartSegment *segment;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  segment = _quorum_chart_layout_hit (&self->layout, x, y);
  if (segment != NULL)
    set_focus_segment (self, segment->category, segment->series);
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                QuorumChart             *self)
{
  if (self->focus_category < 0)
    set_focus_segment (self, 0, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                QuorumChart             *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                QuorumChart           *self)
{
  int category = MAX (self->focus_category, 0);
  int series = MAX (self->focus_series, 0);

  if (self->n_categories == 0 || self->n_series == 0 ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: category--; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: category++; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: series--; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: series++; break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home: category = 0; series = 0; break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      category = self->n_categories - 1;
      series = self->n_series - 1;
      break;
    default: return FALSE;
    }
  set_focus_segment (self, category, series);
  return TRUE;
}

static void
dark_changed_cb (QuorumChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- GObject ---------------------------------------------------------------- */

static void
quorum_chart_finalize (GObject *object)
{
  QuorumChart *self = (QuorumChart *) object;

  g_free (self->title);
  g_free (self->category_title);
  g_free (self->value_title);
  g_free (self->unit);
  g_strfreev (self->categories);
  g_strfreev (self->series);
  g_free (self->values);
  g_free (self->text_alternative);
  _quorum_chart_layout_finish (&self->layout);

  G_OBJECT_CLASS (quorum_chart_parent_class)->finalize (object);
}

static void
quorum_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QuorumChart *self = QUORUM_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_CATEGORY_TITLE: g_value_set_string (value, self->category_title); break;
    case PROP_VALUE_TITLE: g_value_set_string (value, self->value_title); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_STACKED: g_value_set_boolean (value, self->stacked); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  QuorumChart *self = QUORUM_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE: quorum_chart_set_title (self, g_value_get_string (value)); break;
    case PROP_CATEGORY_TITLE:
      quorum_chart_set_category_title (self, g_value_get_string (value));
      break;
    case PROP_VALUE_TITLE: quorum_chart_set_value_title (self, g_value_get_string (value)); break;
    case PROP_UNIT: quorum_chart_set_unit (self, g_value_get_string (value)); break;
    case PROP_STACKED: quorum_chart_set_stacked (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_chart_class_init (QuorumChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_chart_finalize;
  object_class->get_property = quorum_chart_get_property;
  object_class->set_property = quorum_chart_set_property;

  widget_class->get_request_mode = quorum_chart_get_request_mode;
  widget_class->measure = quorum_chart_measure;
  widget_class->size_allocate = quorum_chart_size_allocate;
  widget_class->snapshot = quorum_chart_snapshot;
  widget_class->css_changed = quorum_chart_css_changed;
  widget_class->query_tooltip = quorum_chart_query_tooltip;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_TITLE] =
    g_param_spec_string ("category-title", NULL, NULL, NULL, flags);
  properties[PROP_VALUE_TITLE] = g_param_spec_string ("value-title", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, "GBP", flags);
  properties[PROP_STACKED] = g_param_spec_boolean ("stacked", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
quorum_chart_init (QuorumChart *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->unit = g_strdup ("GBP");
  self->stacked = TRUE;
  _quorum_chart_layout_init (&self->layout);
  self->hover_category = self->hover_series = -1;
  self->focus_category = self->focus_series = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  update_text_alternative (self);
}

/* --- public ----------------------------------------------------------------- */

/**
 * quorum_chart_new:
 *
 * Returns: (transfer floating): an empty chart
 */
GtkWidget *
quorum_chart_new (void)
{
  return g_object_new (QUORUM_TYPE_CHART, NULL);
}

/**
 * quorum_chart_set_data:
 * @categories: the bars' names, one per band (committees)
 * @series: the series' names, one per segment of a bar (components, years)
 * @values: g_strv_length (@categories) × g_strv_length (@series) figures in
 *   hundredths of the chart's unit, category by category:
 *   `values[category * n_series + series]`; %QUORUM_CHART_NO_VALUE for none
 *
 * Shows new figures; the text alternative follows.
 */
void
quorum_chart_set_data (QuorumChart        *self,
                       const char * const *categories,
                       const char * const *series,
                       const gint64       *values)
{
  guint n;

  g_return_if_fail (QUORUM_IS_CHART (self));
  g_return_if_fail (categories != NULL && series != NULL);

  g_strfreev (self->categories);
  g_strfreev (self->series);
  self->categories = g_strdupv ((char **) categories);
  self->series = g_strdupv ((char **) series);
  self->n_categories = g_strv_length (self->categories);
  self->n_series = g_strv_length (self->series);
  n = self->n_categories * self->n_series;
  g_return_if_fail (n == 0 || values != NULL);
  g_free (self->values);
  self->values = n > 0 ? g_memdup2 (values, n * sizeof (gint64)) : NULL;

  self->hover_category = self->hover_series = -1;
  if (self->focus_category >= (int) self->n_categories ||
      self->focus_series >= (int) self->n_series)
    self->focus_category = self->focus_series = -1;
  _quorum_chart_layout_clear (&self->layout);

  update_text_alternative (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * quorum_chart_clear:
 *
 * Shows no figures.
 */
void
quorum_chart_clear (QuorumChart *self)
{
  const char * const none[] = { NULL };

  g_return_if_fail (QUORUM_IS_CHART (self));
  quorum_chart_set_data (self, none, none, NULL);
}

guint
quorum_chart_get_n_categories (QuorumChart *self)
{
  g_return_val_if_fail (QUORUM_IS_CHART (self), 0);
  return self->n_categories;
}

guint
quorum_chart_get_n_series (QuorumChart *self)
{
  g_return_val_if_fail (QUORUM_IS_CHART (self), 0);
  return self->n_series;
}

const char *
quorum_chart_get_category (QuorumChart *self,
                           guint        category)
{
  g_return_val_if_fail (QUORUM_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->n_categories, NULL);
  return self->categories[category];
}

const char *
quorum_chart_get_series_name (QuorumChart *self,
                              guint        series)
{
  g_return_val_if_fail (QUORUM_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->n_series, NULL);
  return self->series[series];
}

/**
 * quorum_chart_get_value:
 *
 * Returns: the figure, or %QUORUM_CHART_NO_VALUE
 */
gint64
quorum_chart_get_value (QuorumChart *self,
                        guint        category,
                        guint        series)
{
  g_return_val_if_fail (QUORUM_IS_CHART (self), QUORUM_CHART_NO_VALUE);
  g_return_val_if_fail (category < self->n_categories && series < self->n_series,
                        QUORUM_CHART_NO_VALUE);
  {
    QuorumChartData data = chart_data (self);

    return _quorum_chart_data_value (&data, category, series);
  }
}

#define STRING_ACCESSORS(name, NAME, relayout) \
  const char * \
  quorum_chart_get_##name (QuorumChart *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_CHART (self), NULL); \
    return self->name; \
  } \
  \
  void \
  quorum_chart_set_##name (QuorumChart *self, \
                           const char  *name) \
  { \
    g_return_if_fail (QUORUM_IS_CHART (self)); \
    if (!set_string (&self->name, name)) \
      return; \
    update_text_alternative (self); \
    if (relayout) \
      gtk_widget_queue_resize (GTK_WIDGET (self)); \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]); \
  }

/* GLib 2.74 has no g_set_str(). */
static gboolean
set_string (char       **str,
           const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;
  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

STRING_ACCESSORS (title, TITLE, TRUE)
STRING_ACCESSORS (category_title, CATEGORY_TITLE, TRUE)
STRING_ACCESSORS (value_title, VALUE_TITLE, TRUE)
STRING_ACCESSORS (unit, UNIT, TRUE)

gboolean
quorum_chart_get_stacked (QuorumChart *self)
{
  g_return_val_if_fail (QUORUM_IS_CHART (self), TRUE);
  return self->stacked;
}

/**
 * quorum_chart_set_stacked:
 * @stacked: %TRUE for a bar per category with its series end to end (parts
 *   of a whole: cost components); %FALSE for a bar per series side by side
 *   (figures to compare: years)
 */
void
quorum_chart_set_stacked (QuorumChart *self,
                          gboolean     stacked)
{
  g_return_if_fail (QUORUM_IS_CHART (self));

  stacked = !!stacked;
  if (self->stacked == stacked)
    return;
  self->stacked = stacked;
  update_text_alternative (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
}

/**
 * quorum_chart_get_text_alternative:
 *
 * Returns: every bar and value in words: the chart's accessible
 *   description
 */
const char *
quorum_chart_get_text_alternative (QuorumChart *self)
{
  g_return_val_if_fail (QUORUM_IS_CHART (self), NULL);
  return self->text_alternative;
}

/**
 * quorum_chart_dup_segment_text:
 *
 * Returns: (transfer full): what a segment is, in words, as its tooltip
 *   says: e.g. `TABASC — Core team: £462,581 of £677,666`
 */
char *
quorum_chart_dup_segment_text (QuorumChart *self,
                               guint        category,
                               guint        series)
{
  QuorumChartData data = chart_data (self);
  gint64 value, total;
  g_autofree char *amount = NULL;
  g_autofree char *total_text = NULL;

  g_return_val_if_fail (QUORUM_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->n_categories && series < self->n_series, NULL);

  value = _quorum_chart_data_value (&data, category, series);
  if (value == QUORUM_CHART_NO_VALUE)
    /* TRANSLATORS: a chart's bar and a series it has no figure for,
     * e.g. "TAG — Independent chair: no figure" */
    return g_strdup_printf (_("%s — %s: no figure"), self->categories[category],
                            self->series[series]);

  amount = _quorum_chart_data_format (&data, value);
  if (!self->stacked || self->n_series < 2 ||
      !_quorum_chart_data_total (&data, category, &total))
    /* TRANSLATORS: a chart's bar, a series and its figure, e.g. "TAG — 2020/21: 20" */
    return g_strdup_printf (_("%s — %s: %s"), self->categories[category],
                            self->series[series], amount);
  total_text = _quorum_chart_data_format (&data, total);
  /* TRANSLATORS: a chart's bar, a part of it and its figure out of the bar's
   * total, e.g. "TABASC — Core team: £462,581 of £677,666" */
  return g_strdup_printf (_("%s — %s: %s of %s"), self->categories[category],
                          self->series[series], amount, total_text);
}

/**
 * quorum_chart_get_segment_bounds:
 * @bounds: (out): where the segment is drawn, in the chart's coordinates
 *
 * Returns: %FALSE when the segment is not drawn (no figure, zero, or the
 *   chart not yet allocated)
 */
gboolean
quorum_chart_get_segment_bounds (QuorumChart     *self,
                                 guint            category,
                                 guint            series,
                                 graphene_rect_t *bounds)
{
  const QuorumChartSegment *segment;

  g_return_val_if_fail (QUORUM_IS_CHART (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  segment = _quorum_chart_layout_find (&self->layout, category, series);
  if (segment == NULL)
    return FALSE;
  *bounds = segment->rect;
  return TRUE;
}

/**
 * quorum_chart_get_segment_at:
 * @category: (out) (optional): the segment's category
 * @series: (out) (optional): the segment's series
 *
 * Returns: %TRUE if a segment is drawn at (@x, @y)
 */
gboolean
quorum_chart_get_segment_at (QuorumChart *self,
                             double       x,
                             double       y,
                             guint       *category,
                             guint       *series)
{
  const QuorumChartSegment *segment;

  g_return_val_if_fail (QUORUM_IS_CHART (self), FALSE);

  segment = _quorum_chart_layout_hit (&self->layout, x, y);
  if (segment == NULL)
    return FALSE;
  if (category != NULL)
    *category = segment->category;
  if (series != NULL)
    *series = segment->series;
  return TRUE;
}
