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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-amount.h"
#include "quorum-chart.h"

#define PAD 12.0
#define GAP 6.0
#define SWATCH 12.0
#define LEGEND_SPACING 18.0
#define PLOT_MIN_WIDTH 120.0
#define PLOT_NAT_WIDTH 420.0
#define LABEL_MIN_WIDTH 72.0
#define BAR_MAX_THICKNESS 28.0
#define GROUPED_BAR_MAX_THICKNESS 18.0

typedef struct
{
  guint category;
  guint series;
  graphene_rect_t rect;
} Segment;

typedef struct
{
  double line_h;       /* a line of body text */
  double small_h;      /* a line of small text: ticks, axis titles, bar values */
  double title_h;
  double label_w;      /* the widest category label */
  double value_w;      /* the widest value written at a bar's end */
  double tick_w;       /* the widest tick value */
  double min_band;     /* a category's band, at least and naturally */
  double nat_band;
  double max_band;
} Metrics;

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

  GArray *segments;            /* of Segment, from the last layout */
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

/* Whole pixels, without libm. */
static int
floor_px (double value)
{
  int i = (int) value;

  return i > value ? i - 1 : i;
}

static int
ceil_px (double value)
{
  int i = (int) value;

  return i < value ? i + 1 : i;
}

/* --- data ------------------------------------------------------------------- */

static gint64
value_at (QuorumChart *self,
          guint        category,
          guint        series)
{
  return self->values[category * self->n_series + series];
}

/* The bar's total: every figure it has; FALSE when it has none. */
static gboolean
category_total (QuorumChart *self,
                guint        category,
                gint64      *total)
{
  gboolean any = FALSE;

  *total = 0;
  for (guint s = 0; s < self->n_series; s++)
    {
      gint64 value = value_at (self, category, s);

      if (value == QUORUM_CHART_NO_VALUE)
        continue;
      *total += value;
      any = TRUE;
    }
  return any;
}

/* How far the bars reach either side of zero. */
static void
value_range (QuorumChart *self,
             gint64      *min,
             gint64      *max)
{
  *min = 0;
  *max = 0;
  for (guint c = 0; c < self->n_categories; c++)
    {
      gint64 positive = 0, negative = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          gint64 value = value_at (self, c, s);

          if (value == QUORUM_CHART_NO_VALUE)
            continue;
          if (self->stacked)
            {
              if (value > 0)
                positive += value;
              else
                negative += value;
            }
          else
            {
              positive = MAX (positive, value);
              negative = MIN (negative, value);
            }
        }
      *max = MAX (*max, positive);
      *min = MIN (*min, negative);
    }
}

static char *
format_value (QuorumChart *self,
              gint64       value)
{
  return quorum_amount_format_display (value, self->unit != NULL ? self->unit : "count");
}

static void
update_text_alternative (QuorumChart *self)
{
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
      gint64 total;

      g_string_append_printf (text, "%s%s:", text->len > 0 ? " " : "", self->categories[c]);
      for (guint s = 0; s < self->n_series; s++)
        {
          gint64 value = value_at (self, c, s);
          g_autofree char *amount = NULL;

          if (value == QUORUM_CHART_NO_VALUE)
            /* TRANSLATORS: in a chart's description, a series a bar has no figure for */
            g_string_append_printf (text, _(" %s no figure"), self->series[s]);
          else
            {
              amount = format_value (self, value);
              g_string_append_printf (text, " %s %s", self->series[s], amount);
            }
          g_string_append_c (text, s + 1 < self->n_series ? ',' : '.');
        }
      if (self->stacked && self->n_series > 1 && category_total (self, c, &total))
        {
          g_autofree char *amount = format_value (self, total);

          g_string_truncate (text, text->len - 1);
          /* TRANSLATORS: in a chart's description, the end of a stacked bar's figures */
          g_string_append_printf (text, _(", total %s."), amount);
        }
    }

  g_free (self->text_alternative);
  self->text_alternative = g_string_free (text, FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title != NULL ? self->title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text_alternative,
                                  -1);
}

/* --- text ------------------------------------------------------------------- */

static PangoLayout *
make_layout (QuorumChart *self,
             const char  *text,
             double       scale,
             gboolean     bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Figures line up: tabular numbers. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

#define SMALL_SCALE 0.9
#define TITLE_SCALE 1.1

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

static double
text_width (QuorumChart *self,
            const char  *text,
            double       scale)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, scale, FALSE);
  double width;

  text_size (layout, &width, NULL);
  return width;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* --- geometry --------------------------------------------------------------- */

static void
measure_metrics (QuorumChart *self,
                 Metrics     *m)
{
  g_autoptr(PangoLayout) body = make_layout (self, "Ag", 1.0, FALSE);
  g_autoptr(PangoLayout) small = make_layout (self, "Ag", SMALL_SCALE, FALSE);
  gint64 min, max;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  memset (m, 0, sizeof *m);
  text_size (body, NULL, &m->line_h);
  text_size (small, NULL, &m->small_h);
  if (self->title != NULL)
    {
      g_autoptr(PangoLayout) title = make_layout (self, self->title, TITLE_SCALE, TRUE);

      text_size (title, NULL, &m->title_h);
    }

  for (guint c = 0; c < self->n_categories; c++)
    m->label_w = MAX (m->label_w, text_width (self, self->categories[c], 1.0));
  if (self->category_title != NULL)
    m->label_w = MAX (m->label_w, text_width (self, self->category_title, SMALL_SCALE));

  for (guint c = 0; c < self->n_categories; c++)
    {
      gint64 total;

      if (self->stacked && category_total (self, c, &total))
        {
          g_autofree char *text = format_value (self, total);

          m->value_w = MAX (m->value_w, text_width (self, text, SMALL_SCALE));
        }
      for (guint s = 0; !self->stacked && s < self->n_series; s++)
        {
          g_autofree char *text = NULL;

          if (value_at (self, c, s) == QUORUM_CHART_NO_VALUE)
            continue;
          text = format_value (self, value_at (self, c, s));
          m->value_w = MAX (m->value_w, text_width (self, text, SMALL_SCALE));
        }
    }

  value_range (self, &min, &max);
  min_text = format_value (self, min);
  max_text = format_value (self, max);
  m->tick_w = MAX (text_width (self, min_text, SMALL_SCALE),
                   text_width (self, max_text, SMALL_SCALE));

  if (self->stacked || self->n_series <= 1)
    {
      m->min_band = m->line_h + 6;
      m->nat_band = m->line_h * 1.8;
      m->max_band = m->line_h * 2.6;
    }
  else
    {
      m->min_band = self->n_series * 6 + 8;
      m->nat_band = self->n_series * (m->small_h + 1) + m->line_h * 0.8;
      m->max_band = self->n_series * GROUPED_BAR_MAX_THICKNESS + m->line_h;
      m->min_band = MAX (m->min_band, m->line_h + 4);
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

/* Lays the legend out in @width from (@x, @y), drawing it on @snapshot if
 * there is one. Returns its height. */
static double
legend (QuorumChart  *self,
        GtkSnapshot  *snapshot,
        const Colors *colors,
        double        x,
        double        y,
        double        width)
{
  double cx = 0, cy = 0, row_h = 0;

  if (self->n_series == 0)
    return 0;

  for (guint s = 0; s < self->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->series[s], 1.0, FALSE);
      double w, h, item_w;

      text_size (layout, &w, &h);
      item_w = SWATCH + GAP + w;
      if (cx > 0 && cx + item_w > width)
        {
          cx = 0;
          cy += row_h + GAP;
          row_h = 0;
        }
      row_h = MAX (row_h, h);
      if (snapshot != NULL)
        {
          GdkRGBA color;
          GskRoundedRect swatch;

          series_color (colors, s, &color);
          gsk_rounded_rect_init_from_rect (&swatch,
                                           &GRAPHENE_RECT_INIT (x + cx, y + cy + (h - SWATCH) / 2,
                                                                SWATCH, SWATCH),
                                           3);
          gtk_snapshot_push_rounded_clip (snapshot, &swatch);
          gtk_snapshot_append_color (snapshot, &color, &swatch.bounds);
          gtk_snapshot_pop (snapshot);
          pango_layout_set_width (layout, MAX (1, width - SWATCH - GAP) * PANGO_SCALE);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          draw_layout (snapshot, layout, x + cx + SWATCH + GAP, y + cy, &colors->fg);
        }
      cx += item_w + LEGEND_SPACING;
    }
  return cy + row_h;
}

static double
header_height (QuorumChart   *self,
               const Metrics *m,
               double         width)
{
  double height = PAD;

  if (self->title != NULL)
    height += m->title_h + GAP;
  if (self->n_series > 0)
    height += legend (self, NULL, NULL, 0, 0, MAX (1, width - 2 * PAD)) + 2 * GAP;
  if (self->category_title != NULL)
    height += m->small_h + 4;
  return height;
}

static double
footer_height (QuorumChart   *self,
               const Metrics *m)
{
  double height = GAP + m->small_h + PAD;

  if (self->value_title != NULL)
    height += GAP + m->small_h;
  return height;
}

/* A round step for about @n ticks over @range hundredths: 1, 2, 2.5 or 5
 * times a power of ten, never finer than one whole unit for counts. */
static gint64
nice_step (QuorumChart *self,
           gint64       range,
           guint        n)
{
  gint64 raw = MAX (1, (range + n - 1) / MAX (n, 1));
  gint64 magnitude = 1;

  if (g_strcmp0 (self->unit, "fte") != 0)
    raw = MAX (raw, 100);
  while (magnitude <= raw / 10)
    magnitude *= 10;
  if (magnitude >= raw)
    return magnitude;
  if (2 * magnitude >= raw)
    return 2 * magnitude;
  if (magnitude >= 10 && 25 * (magnitude / 10) >= raw)
    return 25 * (magnitude / 10);
  if (5 * magnitude >= raw)
    return 5 * magnitude;
  return 10 * magnitude;
}

static gint64
floor_to (gint64 value,
          gint64 step)
{
  gint64 q = value / step;

  if (value % step != 0 && value < 0)
    q--;
  return q * step;
}

static gint64
ceil_to (gint64 value,
         gint64 step)
{
  gint64 q = value / step;

  if (value % step != 0 && value > 0)
    q++;
  return q * step;
}


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

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
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

/* Shows @text in a bubble over @anchor, inside the widget. */
static void
draw_bubble (QuorumChart           *self,
             GtkSnapshot           *snapshot,
             const Colors          *colors,
             const graphene_rect_t *anchor,
             const char            *text)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(PangoLayout) layout = make_layout (self, text, 1.0, FALSE);
  GskRoundedRect box;
  GdkRGBA border = colors->fg;
  double w, h, x, y;

  pango_layout_set_width (layout, MAX (1, width - 4 * PAD) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  text_size (layout, &w, &h);
  w += 2 * GAP + 4;
  h += 2 * GAP;
  x = CLAMP (anchor->origin.x + anchor->size.width / 2 - w / 2, 2, MAX (2, width - w - 2));
  y = anchor->origin.y - h - 4;
  if (y < 2)
    y = anchor->origin.y + anchor->size.height + 4;
  y = CLAMP (y, 2, MAX (2, height - h - 2));

  border.alpha *= 0.25;
  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x, y, w, h), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &colors->bubble_bg, &box.bounds);
  gtk_snapshot_pop (snapshot);
  append_outline (snapshot, &box.bounds, 6, 1, &border);
  draw_layout (snapshot, layout, x + GAP + 2, y + GAP, &colors->fg);
}

static gboolean
find_segment (QuorumChart *self,
              guint        category,
              guint        series,
              Segment    **out)
{
  for (guint i = 0; self->segments != NULL && i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);

      if (segment->category == category && segment->series == series)
        {
          *out = segment;
          return TRUE;
        }
    }
  return FALSE;
}

/* Lays the chart out in @width × @height: the segments for hit testing,
 * and, given a @snapshot, everything drawn. */
static void
layout_chart (QuorumChart *self,
              GtkSnapshot *snapshot,
              double       width,
              double       height)
{
  Metrics m;
  Colors colors;
  double y = PAD, label_w, plot_x, plot_w, plot_y, plot_h, band, bottom;
  gint64 min, max, step, axis_min, axis_max;
  guint n_ticks;

  g_array_set_size (self->segments, 0);
  measure_metrics (self, &m);
  get_colors (self, &colors);

  if (snapshot != NULL && gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      GdkRGBA ring = colors.accent;

      ring.alpha *= 0.5;
      append_outline (snapshot, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 8, 2, &ring);
    }

  if (self->title != NULL)
    {
      if (snapshot != NULL)
        {
          g_autoptr(PangoLayout) title = make_layout (self, self->title, TITLE_SCALE, TRUE);

          pango_layout_set_width (title, MAX (1, width - 2 * PAD) * PANGO_SCALE);
          pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
          draw_layout (snapshot, title, PAD, y, &colors.fg);
        }
      y += m.title_h + GAP;
    }

  if (self->n_categories == 0 || self->n_series == 0)
    {
      if (snapshot != NULL)
        {
          g_autoptr(PangoLayout) empty = make_layout (self, _("No figures"), 1.0, FALSE);

          draw_layout (snapshot, empty, PAD, y, &colors.dim);
        }
      return;
    }

  y += legend (self, snapshot, &colors, PAD, y, MAX (1, width - 2 * PAD)) + 2 * GAP;

  label_w = MIN (m.label_w, MAX (LABEL_MIN_WIDTH, (width - 2 * PAD) * 0.35));
  plot_x = PAD + label_w + 2 * GAP;
  plot_w = width - PAD - MAX (m.value_w + GAP, m.tick_w / 2) - plot_x;
  plot_w = MAX (plot_w, 1);

  if (self->category_title != NULL)
    {
      if (snapshot != NULL)
        {
          g_autoptr(PangoLayout) title = make_layout (self, self->category_title,
                                                      SMALL_SCALE, TRUE);

          pango_layout_set_width (title, MAX (1, width - 2 * PAD) * PANGO_SCALE);
          pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
          draw_layout (snapshot, title, PAD, y, &colors.dim);
        }
      y += m.small_h + 4;
    }

  band = (height - y - footer_height (self, &m)) / self->n_categories;
  band = CLAMP (band, m.min_band, m.max_band);
  plot_y = y;
  plot_h = band * self->n_categories;

  /* The value axis: round ticks, a little more than a tick label apart. */
  value_range (self, &min, &max);
  for (n_ticks = (guint) CLAMP (plot_w / (m.tick_w * 1.2 + 16), 1, 10); ; n_ticks--)
    {
      gint64 n_gaps;

      step = nice_step (self, max - min, n_ticks);
      axis_min = floor_to (min, step);
      axis_max = ceil_to (max, step);
      if (axis_max == axis_min)
        axis_max = axis_min + step;
      /* Fewer ticks until their values fit side by side. */
      n_gaps = (axis_max - axis_min) / step;
      if (n_ticks <= 1 || plot_w / n_gaps >= m.tick_w + 12)
        break;
    }

#define X_OF(v) (plot_x + (double) ((v) - axis_min) / (double) (axis_max - axis_min) * plot_w)

  bottom = plot_y + plot_h;
  if (snapshot != NULL)
    {
      for (gint64 tick = axis_min; tick <= axis_max; tick += step)
        {
          g_autofree char *text = format_value (self, tick);
          g_autoptr(PangoLayout) layout = make_layout (self, text, SMALL_SCALE, FALSE);
          double x = X_OF (tick), w;

          append_rect (snapshot, tick == 0 ? &colors.axis : &colors.grid,
                       floor_px (x), plot_y, 1, plot_h + 3);
          text_size (layout, &w, NULL);
          draw_layout (snapshot, layout, CLAMP (x - w / 2, 0, MAX (0, width - w)),
                       bottom + GAP, &colors.dim);
        }
      if (self->value_title != NULL)
        {
          g_autoptr(PangoLayout) title = make_layout (self, self->value_title,
                                                      SMALL_SCALE, TRUE);
          double w;

          text_size (title, &w, NULL);
          draw_layout (snapshot, title, MAX (PAD, plot_x + plot_w / 2 - w / 2),
                       bottom + GAP + m.small_h + GAP, &colors.dim);
        }
    }

  for (guint c = 0; c < self->n_categories; c++)
    {
      double band_y = plot_y + c * band;
      gint64 positive = 0, negative = 0;

      if (snapshot != NULL)
        {
          g_autoptr(PangoLayout) label = make_layout (self, self->categories[c], 1.0, FALSE);
          double h;

          pango_layout_set_width (label, MAX (1, label_w) * PANGO_SCALE);
          pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
          text_size (label, NULL, &h);
          draw_layout (snapshot, label, PAD, band_y + (band - h) / 2, &colors.fg);
        }

      if (self->stacked || self->n_series <= 1)
        {
          double thickness = MIN (band * 0.62, BAR_MAX_THICKNESS);
          double bar_y = band_y + (band - thickness) / 2;
          gint64 total;

          for (guint s = 0; s < self->n_series; s++)
            {
              gint64 value = value_at (self, c, s);
              Segment segment = { c, s, GRAPHENE_RECT_INIT (0, 0, 0, 0) };
              double x0, x1;

              if (value == QUORUM_CHART_NO_VALUE || value == 0)
                continue;
              if (value > 0)
                {
                  x0 = X_OF (positive);
                  x1 = X_OF (positive + value);
                  positive += value;
                }
              else
                {
                  x0 = X_OF (negative + value);
                  x1 = X_OF (negative);
                  negative += value;
                }
              graphene_rect_init (&segment.rect, x0, bar_y, MAX (x1 - x0, 1), thickness);
              g_array_append_val (self->segments, segment);
            }
          if (snapshot != NULL && category_total (self, c, &total))
            {
              g_autofree char *text = format_value (self, total);
              g_autoptr(PangoLayout) layout = make_layout (self, text, SMALL_SCALE, FALSE);
              double h;

              text_size (layout, NULL, &h);
              draw_layout (snapshot, layout, X_OF (positive) + GAP, band_y + (band - h) / 2,
                           &colors.dim);
            }
        }
      else
        {
          double thickness = MIN ((band - m.line_h * 0.5) / self->n_series,
                                  GROUPED_BAR_MAX_THICKNESS);
          double group_y = band_y + (band - thickness * self->n_series) / 2;

          for (guint s = 0; s < self->n_series; s++)
            {
              gint64 value = value_at (self, c, s);
              Segment segment = { c, s, GRAPHENE_RECT_INIT (0, 0, 0, 0) };
              double x0 = X_OF (MIN (value, 0)), x1 = X_OF (MAX (value, 0));

              if (value == QUORUM_CHART_NO_VALUE)
                continue;
              graphene_rect_init (&segment.rect, x0, group_y + s * thickness,
                                  MAX (x1 - x0, 1), thickness);
              g_array_append_val (self->segments, segment);
              if (snapshot != NULL && thickness >= m.small_h * 0.7)
                {
                  g_autofree char *text = format_value (self, value);
                  g_autoptr(PangoLayout) layout = make_layout (self, text, SMALL_SCALE * 0.9,
                                                               FALSE);
                  double h;

                  text_size (layout, NULL, &h);
                  draw_layout (snapshot, layout, x1 + 4,
                               segment.rect.origin.y + (thickness - h) / 2, &colors.dim);
                }
            }
        }
    }
#undef X_OF

  if (snapshot == NULL)
    return;

  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);
      graphene_rect_t rect = segment->rect;
      GdkRGBA color;

      series_color (&colors, segment->series, &color);
      /* A hairline of background between neighbouring segments and bars. */
      if (rect.size.width > 2)
        rect.size.width -= 1;
      if (!self->stacked && rect.size.height > 3)
        rect.size.height -= 1;
      gtk_snapshot_append_color (snapshot, &color, &rect);
      if ((int) segment->category == self->hover_category &&
          (int) segment->series == self->hover_series)
        {
          GdkRGBA shade = colors.dark ? (GdkRGBA) { 1, 1, 1, 0.25 } : (GdkRGBA) { 0, 0, 0, 0.2 };

          gtk_snapshot_append_color (snapshot, &shade, &rect);
        }
    }

  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focus_category >= 0)
    {
      Segment *segment;
      g_autofree char *text = quorum_chart_dup_segment_text (self, self->focus_category,
                                                             self->focus_series);
      graphene_rect_t anchor;

      if (find_segment (self, self->focus_category, self->focus_series, &segment))
        {
          graphene_rect_inset_r (&segment->rect, -2, -2, &anchor);
          append_outline (snapshot, &anchor, 2, 2, &colors.fg);
        }
      else
        /* No bar (no figure, or zero): the bubble points at the label. */
        graphene_rect_init (&anchor, PAD, plot_y + self->focus_category * band, label_w, band);
      draw_bubble (self, snapshot, &colors, &anchor, text);
    }
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
  QuorumChart *self = QUORUM_CHART (widget);
  Metrics m;

  measure_metrics (self, &m);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      double side = 2 * PAD + 2 * GAP + MAX (m.value_w + GAP, m.tick_w / 2);

      *minimum = ceil_px (side + MIN (m.label_w, LABEL_MIN_WIDTH) + PLOT_MIN_WIDTH);
      *natural = ceil_px (side + m.label_w + PLOT_NAT_WIDTH);
    }
  else
    {
      double width = for_size >= 0 ? for_size : 2 * PAD + m.label_w + PLOT_NAT_WIDTH;
      double fixed = header_height (self, &m, width) + footer_height (self, &m);
      guint n = MAX (self->n_categories, 1);

      if (self->n_series == 0 || self->n_categories == 0)
        fixed += m.line_h;
      *minimum = ceil_px (fixed + n * m.min_band);
      *natural = ceil_px (fixed + n * m.nat_band);
    }
}

static void
quorum_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  layout_chart (QUORUM_CHART (widget), NULL, width, height);
}

static void
quorum_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  layout_chart (QUORUM_CHART (widget), snapshot,
                gtk_widget_get_width (widget), gtk_widget_get_height (widget));
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
  g_autofree char *text = NULL;
  Segment *segment;
  guint category, series;

  if (!quorum_chart_get_segment_at (self, x, y, &category, &series) ||
      !find_segment (self, category, series, &segment))
    return FALSE;

  text = quorum_chart_dup_segment_text (self, category, series);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              floor_px (segment->rect.origin.x),
                              floor_px (segment->rect.origin.y),
                              ceil_px (segment->rect.size.width),
                              ceil_px (segment->rect.size.height) });
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
  guint category, series;

  if (quorum_chart_get_segment_at (self, x, y, &category, &series))
    set_hover (self, category, series);
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
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            QuorumChart     *self)
{
  guint category, series;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (quorum_chart_get_segment_at (self, x, y, &category, &series))
    set_focus_segment (self, category, series);
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
  g_array_unref (self->segments);

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
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
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
  g_array_set_size (self->segments, 0);

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
  return value_at (self, category, series);
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
  gint64 value, total;
  g_autofree char *amount = NULL;
  g_autofree char *total_text = NULL;

  g_return_val_if_fail (QUORUM_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->n_categories && series < self->n_series, NULL);

  value = value_at (self, category, series);
  if (value == QUORUM_CHART_NO_VALUE)
    /* TRANSLATORS: a chart's bar and a series it has no figure for,
     * e.g. "TAG — Independent chair: no figure" */
    return g_strdup_printf (_("%s — %s: no figure"), self->categories[category],
                            self->series[series]);

  amount = format_value (self, value);
  if (!self->stacked || self->n_series < 2 || !category_total (self, category, &total))
    /* TRANSLATORS: a chart's bar, a series and its figure, e.g. "TAG — 2020/21: 20" */
    return g_strdup_printf (_("%s — %s: %s"), self->categories[category],
                            self->series[series], amount);
  total_text = format_value (self, total);
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
  Segment *segment;

  g_return_val_if_fail (QUORUM_IS_CHART (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (!find_segment (self, category, series, &segment))
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
  g_return_val_if_fail (QUORUM_IS_CHART (self), FALSE);

  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);

      if (graphene_rect_contains_point (&segment->rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (category != NULL)
            *category = segment->category;
          if (series != NULL)
            *series = segment->series;
          return TRUE;
        }
    }
  return FALSE;
}
