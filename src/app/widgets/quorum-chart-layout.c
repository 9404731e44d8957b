/* quorum-chart-layout.c: a chart's figures and where everything of it goes
 *
 * Pure geometry: where the title, the legend, the axis and its ticks, the
 * category labels, the bars' segments and their values go in a given size,
 * and how much room the chart asks for. Text is measured (and kept, laid
 * out) with Pango in the widget's font; nothing is drawn here and no colour
 * is chosen: each piece names its ink, QuorumChart resolves it from the
 * theme when it draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-amount.h"
#include "quorum-chart-layout.h"
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
#define SMALL_SCALE 0.9
#define TITLE_SCALE 1.1

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

/* The value axis: from axis_min to axis_max in steps, over plot_x + plot_w. */
typedef struct
{
  gint64 min;
  gint64 max;
  gint64 step;
  double plot_x;
  double plot_w;
} Axis;

/* --- data ------------------------------------------------------------------- */

/* a + b through quorum_amount_add(); a sum past the amounts' range stays at
 * its edge (it takes thousands of amounts at the limit to get there). */
static gint64
sum (gint64 a,
     gint64 b)
{
  const gint64 edge = G_MAXINT64 - QUORUM_AMOUNT_LIMIT;
  gint64 out;

  if (quorum_amount_add (a, b, &out))
    return out;
  return b > 0 ? edge : -edge;
}

gint64
_quorum_chart_data_value (const QuorumChartData *data,
                          guint                  category,
                          guint                  series)
{
  return data->values[category * data->n_series + series];
}

/* The bar's total: every figure it has; FALSE when it has none. */
gboolean
_quorum_chart_data_total (const QuorumChartData *data,
                          guint                  category,
                          gint64                *total)
{
  gboolean any = FALSE;

  *total = 0;
  for (guint s = 0; s < data->n_series; s++)
    {
      gint64 value = _quorum_chart_data_value (data, category, s);

      if (value == QUORUM_CHART_NO_VALUE)
        continue;
      *total = sum (*total, value);
      any = TRUE;
    }
  return any;
}

char *
_quorum_chart_data_format (const QuorumChartData *data,
                           gint64                 value)
{
  return quorum_amount_format_display (value, data->unit != NULL ? data->unit : "count");
}

/* How far the bars reach either side of zero. */
static void
value_range (const QuorumChartData *data,
             gint64                *min,
             gint64                *max)
{
  *min = 0;
  *max = 0;
  for (guint c = 0; c < data->n_categories; c++)
    {
      gint64 positive = 0, negative = 0;

      for (guint s = 0; s < data->n_series; s++)
        {
          gint64 value = _quorum_chart_data_value (data, c, s);

          if (value == QUORUM_CHART_NO_VALUE)
            continue;
          if (data->stacked && value > 0)
            positive = sum (positive, value);
          else if (data->stacked)
            negative = sum (negative, value);
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

/* --- text ------------------------------------------------------------------- */

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

static PangoLayout *
make_text (GtkWidget  *widget,
           const char *text,
           double      scale,
           gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
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
text_width (GtkWidget  *widget,
            const char *text,
            double      scale)
{
  g_autoptr(PangoLayout) layout = make_text (widget, text, scale, FALSE);
  double width;

  text_size (layout, &width, NULL);
  return width;
}

/* Keeps @text (taking it) at (@x, @y) in @ink. */
static void
add_text (QuorumChartLayout *layout,
          PangoLayout       *text,
          double             x,
          double             y,
          QuorumChartInk     ink)
{
  QuorumChartText item = { text, GRAPHENE_POINT_INIT (x, y), ink };

  g_array_append_val (layout->texts, item);
}

/* A one-line text ellipsized to @width. */
static PangoLayout *
make_line (GtkWidget  *widget,
           const char *text,
           double      scale,
           gboolean    bold,
           double      width)
{
  PangoLayout *line = make_text (widget, text, scale, bold);

  pango_layout_set_width (line, MAX (1, width) * PANGO_SCALE);
  pango_layout_set_ellipsize (line, PANGO_ELLIPSIZE_END);
  return line;
}

/* --- metrics ---------------------------------------------------------------- */

static void
measure_values (GtkWidget             *widget,
                const QuorumChartData *data,
                Metrics               *m)
{
  for (guint c = 0; c < data->n_categories; c++)
    {
      gint64 total;

      if (data->stacked && _quorum_chart_data_total (data, c, &total))
        {
          g_autofree char *text = _quorum_chart_data_format (data, total);

          m->value_w = MAX (m->value_w, text_width (widget, text, SMALL_SCALE));
        }
      for (guint s = 0; !data->stacked && s < data->n_series; s++)
        {
          gint64 value = _quorum_chart_data_value (data, c, s);
          g_autofree char *text = NULL;

          if (value == QUORUM_CHART_NO_VALUE)
            continue;
          text = _quorum_chart_data_format (data, value);
          m->value_w = MAX (m->value_w, text_width (widget, text, SMALL_SCALE));
        }
    }
}

static void
measure_metrics (GtkWidget             *widget,
                 const QuorumChartData *data,
                 Metrics               *m)
{
  g_autoptr(PangoLayout) body = make_text (widget, "Ag", 1.0, FALSE);
  g_autoptr(PangoLayout) small = make_text (widget, "Ag", SMALL_SCALE, FALSE);
  gint64 min, max;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  memset (m, 0, sizeof *m);
  text_size (body, NULL, &m->line_h);
  text_size (small, NULL, &m->small_h);
  if (data->title != NULL)
    {
      g_autoptr(PangoLayout) title = make_text (widget, data->title, TITLE_SCALE, TRUE);

      text_size (title, NULL, &m->title_h);
    }

  for (guint c = 0; c < data->n_categories; c++)
    m->label_w = MAX (m->label_w, text_width (widget, data->categories[c], 1.0));
  if (data->category_title != NULL)
    m->label_w = MAX (m->label_w, text_width (widget, data->category_title, SMALL_SCALE));
  measure_values (widget, data, m);

  value_range (data, &min, &max);
  min_text = _quorum_chart_data_format (data, min);
  max_text = _quorum_chart_data_format (data, max);
  m->tick_w = MAX (text_width (widget, min_text, SMALL_SCALE),
                   text_width (widget, max_text, SMALL_SCALE));

  if (data->stacked || data->n_series <= 1)
    {
      m->min_band = m->line_h + 6;
      m->nat_band = m->line_h * 1.8;
      m->max_band = m->line_h * 2.6;
    }
  else
    {
      m->min_band = data->n_series * 6 + 8;
      m->nat_band = data->n_series * (m->small_h + 1) + m->line_h * 0.8;
      m->max_band = data->n_series * GROUPED_BAR_MAX_THICKNESS + m->line_h;
      m->min_band = MAX (m->min_band, m->line_h + 4);
    }
}

/* Lays the legend out in @width from (@x, @y), into @layout if there is
 * one (else only measured). Returns its height. */
static double
legend (QuorumChartLayout     *layout,
        GtkWidget             *widget,
        const QuorumChartData *data,
        double                 x,
        double                 y,
        double                 width)
{
  double cx = 0, cy = 0, row_h = 0;

  for (guint s = 0; s < data->n_series; s++)
    {
      g_autoptr(PangoLayout) text = make_text (widget, data->series[s], 1.0, FALSE);
      double w, h, item_w;

      text_size (text, &w, &h);
      item_w = SWATCH + GAP + w;
      if (cx > 0 && cx + item_w > width)
        {
          cx = 0;
          cy += row_h + GAP;
          row_h = 0;
        }
      row_h = MAX (row_h, h);
      if (layout != NULL)
        {
          QuorumChartSegment swatch = {
            0, s, GRAPHENE_RECT_INIT (x + cx, y + cy + (h - SWATCH) / 2, SWATCH, SWATCH)
          };

          g_array_append_val (layout->swatches, swatch);
          pango_layout_set_width (text, MAX (1, width - SWATCH - GAP) * PANGO_SCALE);
          pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
          add_text (layout, g_steal_pointer (&text), x + cx + SWATCH + GAP, y + cy,
                    QUORUM_CHART_INK_FG);
        }
      cx += item_w + LEGEND_SPACING;
    }
  return cy + row_h;
}

static double
header_height (GtkWidget             *widget,
               const QuorumChartData *data,
               const Metrics         *m,
               double                 width)
{
  double height = PAD;

  if (data->title != NULL)
    height += m->title_h + GAP;
  if (data->n_series > 0)
    height += legend (NULL, widget, data, 0, 0, MAX (1, width - 2 * PAD)) + 2 * GAP;
  if (data->category_title != NULL)
    height += m->small_h + 4;
  return height;
}

static double
footer_height (const QuorumChartData *data,
               const Metrics         *m)
{
  double height = GAP + m->small_h + PAD;

  if (data->value_title != NULL)
    height += GAP + m->small_h;
  return height;
}

void
_quorum_chart_measure (GtkWidget             *widget,
                       const QuorumChartData *data,
                       GtkOrientation         orientation,
                       int                    for_size,
                       int                   *minimum,
                       int                   *natural)
{
  Metrics m;

  measure_metrics (widget, data, &m);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      double side = 2 * PAD + 2 * GAP + MAX (m.value_w + GAP, m.tick_w / 2);

      *minimum = ceil_px (side + MIN (m.label_w, LABEL_MIN_WIDTH) + PLOT_MIN_WIDTH);
      *natural = ceil_px (side + m.label_w + PLOT_NAT_WIDTH);
    }
  else
    {
      double width = for_size >= 0 ? for_size : 2 * PAD + m.label_w + PLOT_NAT_WIDTH;
      double fixed = header_height (widget, data, &m, width) + footer_height (data, &m);
      guint n = MAX (data->n_categories, 1);

      if (data->n_series == 0 || data->n_categories == 0)
        fixed += m.line_h;
      *minimum = ceil_px (fixed + n * m.min_band);
      *natural = ceil_px (fixed + n * m.nat_band);
    }
}

/* --- the value axis --------------------------------------------------------- */

/* A round step for about @n ticks over @range hundredths: 1, 2, 2.5 or 5
 * times a power of ten, never finer than one whole unit for counts. */
static gint64
nice_step (const QuorumChartData *data,
           gint64                 range,
           guint                  n)
{
  gint64 raw = MAX (1, (range + n - 1) / MAX (n, 1));
  gint64 magnitude = 1;

  if (g_strcmp0 (data->unit, "fte") != 0)
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

/* Round ticks, a little more than a tick label apart. */
static void
choose_axis (const QuorumChartData *data,
             const Metrics         *m,
             Axis                  *axis)
{
  gint64 min, max;

  value_range (data, &min, &max);
  for (guint n_ticks = (guint) CLAMP (axis->plot_w / (m->tick_w * 1.2 + 16), 1, 10); ;
       n_ticks--)
    {
      gint64 n_gaps;

      axis->step = nice_step (data, sum (max, -min), n_ticks);
      axis->min = floor_to (min, axis->step);
      /* A sliver below zero (a stated total a pound under its parts) takes
       * its own width, not a whole step of the axis. */
      if (min < 0 && min > -(axis->step / 20))
        axis->min = min;
      axis->max = ceil_to (max, axis->step);
      if (axis->max == axis->min)
        axis->max = sum (axis->min, axis->step);
      /* Fewer ticks until their values fit side by side. */
      n_gaps = (axis->max - axis->min) / axis->step;
      if (n_ticks <= 1 || axis->plot_w / n_gaps >= m->tick_w + 12)
        break;
    }
}

static double
x_of (const Axis *axis,
      gint64      value)
{
  return axis->plot_x + (double) (value - axis->min) / (double) (axis->max - axis->min) *
                        axis->plot_w;
}

/* The grid, the zero line, the tick values and the value axis's title. */
static void
layout_axis (QuorumChartLayout     *layout,
             GtkWidget             *widget,
             const QuorumChartData *data,
             const Metrics         *m,
             const Axis            *axis,
             double                 plot_h)
{
  double bottom = layout->plot_y + plot_h;

  for (gint64 tick = ceil_to (axis->min, axis->step); tick <= axis->max; )
    {
      g_autofree char *text = _quorum_chart_data_format (data, tick);
      PangoLayout *label = make_text (widget, text, SMALL_SCALE, FALSE);
      double x = x_of (axis, tick), w;
      QuorumChartRule rule = {
        GRAPHENE_RECT_INIT (floor_px (x), layout->plot_y, 1, plot_h + 3),
        tick == 0 ? QUORUM_CHART_INK_AXIS : QUORUM_CHART_INK_GRID
      };

      g_array_append_val (layout->rules, rule);
      text_size (label, &w, NULL);
      add_text (layout, label, CLAMP (x - w / 2, 0, MAX (0, layout->width - w)),
                bottom + GAP, QUORUM_CHART_INK_DIM);
      if (!quorum_amount_add (tick, axis->step, &tick))
        break;
    }
  if (data->value_title != NULL)
    {
      PangoLayout *title = make_text (widget, data->value_title, SMALL_SCALE, TRUE);
      double w;

      text_size (title, &w, NULL);
      add_text (layout, title, MAX (PAD, axis->plot_x + axis->plot_w / 2 - w / 2),
                bottom + GAP + m->small_h + GAP, QUORUM_CHART_INK_DIM);
    }
}

/* --- the bars --------------------------------------------------------------- */

/* Keeps @text, in small type of @scale, centred on @y_mid from @x. */
static void
add_value (QuorumChartLayout *layout,
           GtkWidget         *widget,
           const char        *text,
           double             scale,
           double             x,
           double             y_mid)
{
  PangoLayout *value = make_text (widget, text, scale, FALSE);
  double h;

  text_size (value, NULL, &h);
  add_text (layout, value, x, y_mid - h / 2, QUORUM_CHART_INK_DIM);
}

/* A bar of segments end to end: positives right of zero, negatives left. */
static void
layout_stacked (QuorumChartLayout     *layout,
                GtkWidget             *widget,
                const QuorumChartData *data,
                const Axis            *axis,
                guint                  c,
                double                 band_y)
{
  double thickness = MIN (layout->band * 0.62, BAR_MAX_THICKNESS);
  double bar_y = band_y + (layout->band - thickness) / 2;
  gint64 positive = 0, negative = 0, total;

  for (guint s = 0; s < data->n_series; s++)
    {
      gint64 value = _quorum_chart_data_value (data, c, s);
      QuorumChartSegment segment = { c, s, GRAPHENE_RECT_INIT (0, 0, 0, 0) };
      double x0, x1;

      if (value == QUORUM_CHART_NO_VALUE || value == 0)
        continue;
      if (value > 0)
        {
          x0 = x_of (axis, positive);
          positive = sum (positive, value);
          x1 = x_of (axis, positive);
        }
      else
        {
          x1 = x_of (axis, negative);
          negative = sum (negative, value);
          x0 = x_of (axis, negative);
        }
      graphene_rect_init (&segment.rect, x0, bar_y, MAX (x1 - x0, 1), thickness);
      g_array_append_val (layout->segments, segment);
    }
  if (_quorum_chart_data_total (data, c, &total))
    {
      g_autofree char *text = _quorum_chart_data_format (data, total);

      add_value (layout, widget, text, SMALL_SCALE, x_of (axis, positive) + GAP,
                 band_y + layout->band / 2);
    }
}

/* A bar per series, side by side, each with its value when there is room. */
static void
layout_grouped (QuorumChartLayout     *layout,
                GtkWidget             *widget,
                const QuorumChartData *data,
                const Metrics         *m,
                const Axis            *axis,
                guint                  c,
                double                 band_y)
{
  double thickness = MIN ((layout->band - m->line_h * 0.5) / data->n_series,
                          GROUPED_BAR_MAX_THICKNESS);
  double group_y = band_y + (layout->band - thickness * data->n_series) / 2;

  for (guint s = 0; s < data->n_series; s++)
    {
      gint64 value = _quorum_chart_data_value (data, c, s);
      QuorumChartSegment segment = { c, s, GRAPHENE_RECT_INIT (0, 0, 0, 0) };
      double x0, x1;

      if (value == QUORUM_CHART_NO_VALUE)
        continue;
      x0 = x_of (axis, MIN (value, 0));
      x1 = x_of (axis, MAX (value, 0));
      graphene_rect_init (&segment.rect, x0, group_y + s * thickness,
                          MAX (x1 - x0, 1), thickness);
      g_array_append_val (layout->segments, segment);
      if (thickness >= m->small_h * 0.7)
        {
          g_autofree char *text = _quorum_chart_data_format (data, value);

          add_value (layout, widget, text, SMALL_SCALE * 0.9, x1 + 4,
                     segment.rect.origin.y + thickness / 2);
        }
    }
}

static void
layout_bars (QuorumChartLayout     *layout,
             GtkWidget             *widget,
             const QuorumChartData *data,
             const Metrics         *m,
             const Axis            *axis)
{
  for (guint c = 0; c < data->n_categories; c++)
    {
      double band_y = layout->plot_y + c * layout->band;
      PangoLayout *label = make_text (widget, data->categories[c], 1.0, FALSE);
      double h;

      pango_layout_set_width (label, MAX (1, layout->label_w) * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      text_size (label, NULL, &h);
      add_text (layout, label, PAD, band_y + (layout->band - h) / 2, QUORUM_CHART_INK_FG);

      if (data->stacked || data->n_series <= 1)
        layout_stacked (layout, widget, data, axis, c, band_y);
      else
        layout_grouped (layout, widget, data, m, axis, c, band_y);
    }
}

/* --- the layout ------------------------------------------------------------- */

static void
clear_text (gpointer data)
{
  QuorumChartText *text = data;

  g_clear_object (&text->layout);
}

void
_quorum_chart_layout_init (QuorumChartLayout *layout)
{
  memset (layout, 0, sizeof *layout);
  layout->texts = g_array_new (FALSE, FALSE, sizeof (QuorumChartText));
  g_array_set_clear_func (layout->texts, clear_text);
  layout->rules = g_array_new (FALSE, FALSE, sizeof (QuorumChartRule));
  layout->swatches = g_array_new (FALSE, FALSE, sizeof (QuorumChartSegment));
  layout->segments = g_array_new (FALSE, FALSE, sizeof (QuorumChartSegment));
}

/* Forgets where everything was (the figures changed, or finalize): nothing
 * is drawn or found until the next layout. */
void
_quorum_chart_layout_clear (QuorumChartLayout *layout)
{
  g_array_set_size (layout->texts, 0);
  g_array_set_size (layout->rules, 0);
  g_array_set_size (layout->swatches, 0);
  g_array_set_size (layout->segments, 0);
  g_clear_object (&layout->bubble.text.layout);
  layout->bubble.shown = FALSE;
  layout->width = layout->height = 0;
  layout->label_w = layout->plot_y = layout->band = 0;
}

/* Frees what _quorum_chart_layout_init() made. */
void
_quorum_chart_layout_finish (QuorumChartLayout *layout)
{
  _quorum_chart_layout_clear (layout);
  g_clear_pointer (&layout->texts, g_array_unref);
  g_clear_pointer (&layout->rules, g_array_unref);
  g_clear_pointer (&layout->swatches, g_array_unref);
  g_clear_pointer (&layout->segments, g_array_unref);
}

/* Lays the chart's figures out in @width × @height. */
void
_quorum_chart_layout_compute (QuorumChartLayout     *layout,
                              GtkWidget             *widget,
                              const QuorumChartData *data,
                              double                 width,
                              double                 height)
{
  Metrics m;
  Axis axis;
  double y = PAD;

  _quorum_chart_layout_clear (layout);
  layout->width = width;
  layout->height = height;
  measure_metrics (widget, data, &m);

  if (data->title != NULL)
    {
      add_text (layout, make_line (widget, data->title, TITLE_SCALE, TRUE, width - 2 * PAD),
                PAD, y, QUORUM_CHART_INK_FG);
      y += m.title_h + GAP;
    }

  if (data->n_categories == 0 || data->n_series == 0)
    {
      add_text (layout, make_text (widget, _("No figures"), 1.0, FALSE), PAD, y,
                QUORUM_CHART_INK_DIM);
      return;
    }

  y += legend (layout, widget, data, PAD, y, MAX (1, width - 2 * PAD)) + 2 * GAP;

  layout->label_w = MIN (m.label_w, MAX (LABEL_MIN_WIDTH, (width - 2 * PAD) * 0.35));
  axis.plot_x = PAD + layout->label_w + 2 * GAP;
  axis.plot_w = width - PAD - MAX (m.value_w + GAP, m.tick_w / 2) - axis.plot_x;
  axis.plot_w = MAX (axis.plot_w, 1);

  if (data->category_title != NULL)
    {
      add_text (layout, make_line (widget, data->category_title, SMALL_SCALE, TRUE,
                                   width - 2 * PAD),
                PAD, y, QUORUM_CHART_INK_DIM);
      y += m.small_h + 4;
    }

  layout->band = (height - y - footer_height (data, &m)) / data->n_categories;
  layout->band = CLAMP (layout->band, m.min_band, m.max_band);
  layout->plot_y = y;

  choose_axis (data, &m, &axis);
  layout_axis (layout, widget, data, &m, &axis, layout->band * data->n_categories);
  layout_bars (layout, widget, data, &m, &axis);
}

/* Puts @text, what the segment (@category, @series) is in words, in a
 * bubble over it (over its label when it has no bar), inside the chart;
 * a @category of -1 for none. */
void
_quorum_chart_layout_bubble (QuorumChartLayout *layout,
                             GtkWidget         *widget,
                             int                category,
                             int                series,
                             const char        *text)
{
  QuorumChartBubble *bubble = &layout->bubble;
  const QuorumChartSegment *segment;
  graphene_rect_t anchor;
  double w, h, x, y;

  g_clear_object (&bubble->text.layout);
  bubble->shown = category >= 0 && series >= 0 && layout->band > 0;
  if (!bubble->shown)
    return;

  segment = _quorum_chart_layout_find (layout, category, series);
  if (segment != NULL)
    {
      graphene_rect_inset_r (&segment->rect, -2, -2, &bubble->outline);
      anchor = bubble->outline;
    }
  else
    {
      /* No bar (no figure, or zero): the bubble points at the label. */
      graphene_rect_init (&bubble->outline, 0, 0, 0, 0);
      graphene_rect_init (&anchor, PAD, layout->plot_y + category * layout->band,
                          layout->label_w, layout->band);
    }

  bubble->text.layout = make_text (widget, text, 1.0, FALSE);
  bubble->text.ink = QUORUM_CHART_INK_FG;
  pango_layout_set_width (bubble->text.layout, MAX (1, layout->width - 4 * PAD) * PANGO_SCALE);
  pango_layout_set_wrap (bubble->text.layout, PANGO_WRAP_WORD_CHAR);
  text_size (bubble->text.layout, &w, &h);
  w += 2 * GAP + 4;
  h += 2 * GAP;
  x = CLAMP (anchor.origin.x + anchor.size.width / 2 - w / 2, 2,
             MAX (2, layout->width - w - 2));
  y = anchor.origin.y - h - 4;
  if (y < 2)
    y = anchor.origin.y + anchor.size.height + 4;
  y = CLAMP (y, 2, MAX (2, layout->height - h - 2));
  graphene_rect_init (&bubble->box, x, y, w, h);
  bubble->text.origin = GRAPHENE_POINT_INIT (x + GAP + 2, y + GAP);
}

const QuorumChartSegment *
_quorum_chart_layout_find (const QuorumChartLayout *layout,
                           guint                    category,
                           guint                    series)
{
  for (guint i = 0; i < layout->segments->len; i++)
    {
      const QuorumChartSegment *segment =
        &g_array_index (layout->segments, QuorumChartSegment, i);

      if (segment->category == category && segment->series == series)
        return segment;
    }
  return NULL;
}

const QuorumChartSegment *
_quorum_chart_layout_hit (const QuorumChartLayout *layout,
                          double                   x,
                          double                   y)
{
  for (guint i = 0; i < layout->segments->len; i++)
    {
      const QuorumChartSegment *segment =
        &g_array_index (layout->segments, QuorumChartSegment, i);

      if (graphene_rect_contains_point (&segment->rect, &GRAPHENE_POINT_INIT (x, y)))
        return segment;
    }
  return NULL;
}

/* The whole pixels a segment covers: its tooltip's area. */
void
_quorum_chart_segment_area (const QuorumChartSegment *segment,
                            GdkRectangle             *area)
{
  area->x = floor_px (segment->rect.origin.x);
  area->y = floor_px (segment->rect.origin.y);
  area->width = ceil_px (segment->rect.size.width);
  area->height = ceil_px (segment->rect.size.height);
}
