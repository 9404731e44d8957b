/* quorum-chart-layout.h: a chart's figures and where everything of it goes
 *
 * The chart's geometry, apart from its widget: QuorumChart computes a
 * QuorumChartLayout in size_allocate and draws it in snapshot; measure,
 * the tooltips and keyboard navigation read the same layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The figures a chart shows and how, owned by the QuorumChart. */
typedef struct
{
  const char *title;
  const char *category_title;
  const char *value_title;
  const char *unit;
  gboolean stacked;
  char * const *categories;
  char * const *series;
  guint n_categories;
  guint n_series;
  const gint64 *values;        /* n_categories × n_series, by category */
} QuorumChartData;

/* What colour a piece is drawn in, resolved from the theme when drawing. */
typedef enum
{
  QUORUM_CHART_INK_FG,
  QUORUM_CHART_INK_DIM,
  QUORUM_CHART_INK_GRID,
  QUORUM_CHART_INK_AXIS,
} QuorumChartInk;

typedef struct
{
  PangoLayout *layout;         /* owned */
  graphene_point_t origin;
  QuorumChartInk ink;
} QuorumChartText;

typedef struct
{
  graphene_rect_t rect;
  QuorumChartInk ink;
} QuorumChartRule;

/* A legend's swatch or a bar's segment, in its series' colour. */
typedef struct
{
  guint category;              /* 0 for a swatch */
  guint series;
  graphene_rect_t rect;
} QuorumChartSegment;

typedef struct
{
  gboolean shown;
  graphene_rect_t outline;     /* around the focused segment; empty when none */
  graphene_rect_t box;
  QuorumChartText text;
} QuorumChartBubble;

typedef struct
{
  double width;
  double height;
  GArray *texts;               /* of QuorumChartText */
  GArray *rules;               /* of QuorumChartRule: grid lines and the axis */
  GArray *swatches;            /* of QuorumChartSegment: the legend */
  GArray *segments;            /* of QuorumChartSegment: the bars */
  double label_w;              /* the category labels' column, from PAD */
  double plot_y;
  double band;                 /* a category's band, from plot_y down */
  QuorumChartBubble bubble;    /* the focused segment in words */
} QuorumChartLayout;

gint64   _quorum_chart_data_value      (const QuorumChartData *data,
                                        guint                  category,
                                        guint                  series);
gboolean _quorum_chart_data_total      (const QuorumChartData *data,
                                        guint                  category,
                                        gint64                *total);
char    *_quorum_chart_data_format     (const QuorumChartData *data,
                                        gint64                 value);

void     _quorum_chart_layout_init     (QuorumChartLayout     *layout);
void     _quorum_chart_layout_clear    (QuorumChartLayout     *layout);
void     _quorum_chart_layout_finish   (QuorumChartLayout     *layout);
void     _quorum_chart_layout_compute  (QuorumChartLayout     *layout,
                                        GtkWidget             *widget,
                                        const QuorumChartData *data,
                                        double                 width,
                                        double                 height);
void     _quorum_chart_layout_bubble   (QuorumChartLayout     *layout,
                                        GtkWidget             *widget,
                                        int                    category,
                                        int                    series,
                                        const char            *text);
void     _quorum_chart_measure         (GtkWidget             *widget,
                                        const QuorumChartData *data,
                                        GtkOrientation         orientation,
                                        int                    for_size,
                                        int                   *minimum,
                                        int                   *natural);
const QuorumChartSegment *
         _quorum_chart_layout_find     (const QuorumChartLayout *layout,
                                        guint                    category,
                                        guint                    series);
const QuorumChartSegment *
         _quorum_chart_layout_hit      (const QuorumChartLayout *layout,
                                        double                   x,
                                        double                   y);
void     _quorum_chart_segment_area    (const QuorumChartSegment *segment,
                                        GdkRectangle             *area);

G_END_DECLS
