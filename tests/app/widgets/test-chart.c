/* test-chart.c: QuorumChart's layout apart from its drawing
 *
 * The committees' tests show the chart on the sample store's figures; these
 * look at the geometry the chart computes in size_allocate and draws from:
 * negative figures, grouped bars, the focused segment's bubble, and that a
 * layout is only ever the one of the figures shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "quorum-chart-layout.h"
#include "quorum-chart.h"
#include "quorum-ui-test-util.h"

static const char * const categories[] = { "Alpha", "Beta", NULL };
static const char * const series[] = { "2020/21", "2021/22", "2022/23", NULL };
static const gint64 values[] = {
  150000, -50000, 20000,
  QUORUM_CHART_NO_VALUE, 300000, 0,
};

static QuorumChartData
data_of (gboolean stacked)
{
  return (QuorumChartData) {
    .title = "Figures",
    .category_title = "committee",
    .value_title = "Cost",
    .unit = "GBP",
    .stacked = stacked,
    .categories = (char * const *) categories,
    .series = (char * const *) series,
    .n_categories = 2,
    .n_series = 3,
    .values = values,
  };
}

/* The zero line's x: the one rule drawn in the axis's ink. */
static double
zero_x (const QuorumChartLayout *layout)
{
  double x = -1;
  guint n = 0;

  for (guint i = 0; i < layout->rules->len; i++)
    {
      QuorumChartRule *rule = &g_array_index (layout->rules, QuorumChartRule, i);

      if (rule->ink == QUORUM_CHART_INK_AXIS)
        {
          x = rule->rect.origin.x;
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 1);
  return x;
}

static void
test_stacked_layout (void)
{
  GtkWidget *widget = g_object_ref_sink (quorum_chart_new ());
  QuorumChartData data = data_of (TRUE);
  QuorumChartLayout layout;
  const QuorumChartSegment *positive, *negative, *third, *beta;
  double zero;

  _quorum_chart_layout_init (&layout);
  _quorum_chart_layout_compute (&layout, widget, &data, 600, 300);

  /* A swatch per series; a segment per figure that is neither missing
   * nor zero. */
  g_assert_cmpuint (layout.swatches->len, ==, 3);
  g_assert_cmpuint (layout.segments->len, ==, 4);
  g_assert_null (_quorum_chart_layout_find (&layout, 1, 0));
  g_assert_null (_quorum_chart_layout_find (&layout, 1, 2));

  /* Positives end to end right of zero, negatives left of it. */
  zero = zero_x (&layout);
  positive = _quorum_chart_layout_find (&layout, 0, 0);
  negative = _quorum_chart_layout_find (&layout, 0, 1);
  third = _quorum_chart_layout_find (&layout, 0, 2);
  g_assert_nonnull (positive);
  g_assert_nonnull (negative);
  g_assert_nonnull (third);
  g_assert_cmpfloat_with_epsilon (negative->rect.origin.x + negative->rect.size.width,
                                  positive->rect.origin.x, 1.0);
  g_assert_cmpfloat (negative->rect.origin.x, <, zero);
  g_assert_cmpfloat (positive->rect.origin.x + positive->rect.size.width, >, zero + 1);
  g_assert_cmpfloat_with_epsilon (third->rect.origin.x,
                                  positive->rect.origin.x + positive->rect.size.width, 0.01);
  /* In proportion: 1,500 against 500. */
  g_assert_cmpfloat_with_epsilon (positive->rect.size.width / negative->rect.size.width,
                                  3.0, 0.05);
  /* The bars in their bands, one under the other. */
  beta = _quorum_chart_layout_find (&layout, 1, 1);
  g_assert_nonnull (beta);
  g_assert_cmpfloat (beta->rect.origin.y, >=,
                     positive->rect.origin.y + positive->rect.size.height);
  g_assert_cmpfloat_with_epsilon (beta->rect.origin.y - positive->rect.origin.y, layout.band,
                                  0.01);

  /* What is found where it is. */
  for (guint i = 0; i < layout.segments->len; i++)
    {
      const QuorumChartSegment *segment =
        &g_array_index (layout.segments, QuorumChartSegment, i);
      const QuorumChartSegment *hit =
        _quorum_chart_layout_hit (&layout,
                                  segment->rect.origin.x + segment->rect.size.width / 2,
                                  segment->rect.origin.y + segment->rect.size.height / 2);

      g_assert_true (hit == segment);
    }
  g_assert_null (_quorum_chart_layout_hit (&layout, 1, 1));

  /* Every piece of text inside the chart. */
  for (guint i = 0; i < layout.texts->len; i++)
    {
      QuorumChartText *text = &g_array_index (layout.texts, QuorumChartText, i);

      g_assert_nonnull (text->layout);
      g_assert_cmpfloat (text->origin.x, >=, 0);
      g_assert_cmpfloat (text->origin.x, <, 600);
    }

  _quorum_chart_layout_clear (&layout);
  g_assert_cmpuint (layout.segments->len, ==, 0);
  g_assert_cmpuint (layout.texts->len, ==, 0);
  _quorum_chart_layout_finish (&layout);
  g_object_unref (widget);
}

static void
test_grouped_layout (void)
{
  GtkWidget *widget = g_object_ref_sink (quorum_chart_new ());
  QuorumChartData data = data_of (FALSE);
  QuorumChartLayout layout;
  const QuorumChartSegment *zero_bar;
  gint64 total;
  double zero;

  _quorum_chart_layout_init (&layout);
  _quorum_chart_layout_compute (&layout, widget, &data, 600, 400);

  /* Grouped, a zero is a bar too (a hairline), a missing figure is none. */
  g_assert_cmpuint (layout.segments->len, ==, 5);
  g_assert_null (_quorum_chart_layout_find (&layout, 1, 0));
  zero_bar = _quorum_chart_layout_find (&layout, 1, 2);
  g_assert_nonnull (zero_bar);
  g_assert_cmpfloat (zero_bar->rect.size.width, ==, 1);

  /* Side by side within each band, each from zero. */
  zero = zero_x (&layout);
  for (guint c = 0; c < 2; c++)
    for (guint s = 0; s + 1 < 3; s++)
      {
        const QuorumChartSegment *a = _quorum_chart_layout_find (&layout, c, s);
        const QuorumChartSegment *b = _quorum_chart_layout_find (&layout, c, s + 1);

        if (a == NULL || b == NULL)
          continue;
        g_assert_cmpfloat_with_epsilon (b->rect.origin.y, a->rect.origin.y + a->rect.size.height,
                                        0.01);
        g_assert_cmpfloat (a->rect.origin.y, >=, layout.plot_y + c * layout.band);
        g_assert_cmpfloat (b->rect.origin.y + b->rect.size.height, <=,
                           layout.plot_y + (c + 1) * layout.band);
      }
  /* A negative bar ends at zero, a positive one starts there. */
  g_assert_cmpfloat_with_epsilon (_quorum_chart_layout_find (&layout, 0, 1)->rect.origin.x +
                                  _quorum_chart_layout_find (&layout, 0, 1)->rect.size.width,
                                  zero, 1.0);
  g_assert_cmpfloat_with_epsilon (_quorum_chart_layout_find (&layout, 0, 0)->rect.origin.x,
                                  zero, 1.0);

  /* A bar's total counts every figure it has, and only those. */
  g_assert_true (_quorum_chart_data_total (&data, 0, &total));
  g_assert_cmpint (total, ==, 120000);
  g_assert_true (_quorum_chart_data_total (&data, 1, &total));
  g_assert_cmpint (total, ==, 300000);

  _quorum_chart_layout_finish (&layout);
  g_object_unref (widget);
}

static void
test_bubble (void)
{
  GtkWidget *widget = g_object_ref_sink (quorum_chart_new ());
  QuorumChartData data = data_of (TRUE);
  QuorumChartLayout layout;
  const QuorumChartSegment *segment;

  _quorum_chart_layout_init (&layout);
  _quorum_chart_layout_compute (&layout, widget, &data, 600, 300);

  /* On a bar: outlined, the words in a box inside the chart. */
  segment = _quorum_chart_layout_find (&layout, 1, 1);
  _quorum_chart_layout_bubble (&layout, widget, 1, 1, "Beta — 2021/22: £3,000");
  g_assert_true (layout.bubble.shown);
  g_assert_cmpfloat_with_epsilon (layout.bubble.outline.origin.x, segment->rect.origin.x - 2,
                                  0.01);
  g_assert_cmpfloat_with_epsilon (layout.bubble.outline.size.width,
                                  segment->rect.size.width + 4, 0.01);
  g_assert_nonnull (layout.bubble.text.layout);
  g_assert_cmpfloat (layout.bubble.box.origin.x, >=, 2);
  g_assert_cmpfloat (layout.bubble.box.origin.x + layout.bubble.box.size.width, <=, 598);
  g_assert_cmpfloat (layout.bubble.box.origin.y, >=, 2);
  g_assert_cmpfloat (layout.bubble.box.origin.y + layout.bubble.box.size.height, <=, 298);
  g_assert_true (graphene_rect_contains_point (&layout.bubble.box, &layout.bubble.text.origin));

  /* No bar (no figure): no outline, the bubble by the label. */
  _quorum_chart_layout_bubble (&layout, widget, 1, 0, "Beta — 2020/21: no figure");
  g_assert_true (layout.bubble.shown);
  g_assert_cmpfloat (layout.bubble.outline.size.width, ==, 0);
  g_assert_cmpfloat (layout.bubble.box.origin.x, <, 12 + layout.label_w);

  /* None. */
  _quorum_chart_layout_bubble (&layout, widget, -1, -1, NULL);
  g_assert_false (layout.bubble.shown);
  g_assert_null (layout.bubble.text.layout);

  _quorum_chart_layout_finish (&layout);
  g_object_unref (widget);
}

/* A condition: the chart @data has laid out its first segment. */
static gboolean
laid_out (gpointer data)
{
  graphene_rect_t bounds;

  return quorum_chart_get_segment_bounds (data, 0, 0, &bounds);
}

static void
wait_for_layout (QuorumChart *chart)
{
  g_assert_true (quorum_test_wait_for (laid_out, chart));
}

/* In a window: laid out when allocated, forgotten when the figures change,
 * laid out again for the new ones. */
static void
test_widget (void)
{
  const char * const one[] = { "Gamma", NULL };
  const gint64 big[] = { 90000000, 1, 2 };
  QuorumChart *chart = QUORUM_CHART (quorum_chart_new ());
  GtkWidget *window = gtk_window_new ();
  graphene_rect_t before, after;
  int minimum, natural, minimum_more, natural_more;

  quorum_chart_set_data (chart, categories, series, values);
  g_assert_false (quorum_chart_get_segment_bounds (chart, 0, 0, &before));
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 600,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >, 0);
  g_assert_cmpint (natural, >=, minimum);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 400);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_layout (chart);
  g_assert_true (quorum_chart_get_segment_bounds (chart, 0, 0, &before));
  g_assert_false (quorum_chart_get_segment_bounds (chart, 1, 0, &after));

  /* New figures: the old geometry is gone at once, the new one follows. */
  quorum_chart_set_data (chart, one, series, big);
  g_assert_false (quorum_chart_get_segment_bounds (chart, 0, 0, &after));
  wait_for_layout (chart);
  g_assert_true (quorum_chart_get_segment_bounds (chart, 0, 0, &after));
  g_assert_false (quorum_chart_get_segment_bounds (chart, 1, 1, &after));
  g_assert_cmpfloat (after.size.width, >, before.size.width);

  /* Fewer bands ask for less height. */
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 600,
                      &minimum_more, &natural_more, NULL, NULL);
  g_assert_cmpint (natural_more, <, natural);

  /* Grouped, the same figures lay out as a bar per series. */
  quorum_chart_set_stacked (chart, FALSE);
  wait_for_layout (chart);
  g_assert_true (quorum_chart_get_segment_bounds (chart, 0, 2, &after));
  g_assert_nonnull (strstr (quorum_chart_get_text_alternative (chart),
                            "Gamma: 2020/21 £900,000, 2021/22 £0.01, 2022/23 £0.02."));

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_iterate ();
}

/* A total a pound under its parts (a sliver below zero) takes its own
 * width: no step of the axis, no grid line, left of zero. */
static void
test_sliver_below_zero (void)
{
  static const gint64 sliver_values[] = { 100000000, -100, 50000000, 0 };
  GtkWidget *widget = g_object_ref_sink (quorum_chart_new ());
  QuorumChartData data = data_of (TRUE);
  QuorumChartLayout layout;
  double zero;

  data.n_series = 2;
  data.values = sliver_values;
  _quorum_chart_layout_init (&layout);
  _quorum_chart_layout_compute (&layout, widget, &data, 600, 300);
  zero = zero_x (&layout);
  for (guint i = 0; i < layout.rules->len; i++)
    g_assert_cmpfloat (g_array_index (layout.rules, QuorumChartRule, i).rect.origin.x, >=,
                       zero);
  /* The sliver is still drawn, left of zero. */
  g_assert_nonnull (_quorum_chart_layout_find (&layout, 0, 1));
  g_assert_cmpfloat (_quorum_chart_layout_find (&layout, 0, 1)->rect.origin.x, <=, zero);
  _quorum_chart_layout_clear (&layout);
  g_object_unref (widget);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chart/layout/stacked", test_stacked_layout);
  g_test_add_func ("/chart/layout/grouped", test_grouped_layout);
  g_test_add_func ("/chart/layout/bubble", test_bubble);
  g_test_add_func ("/chart/layout/sliver-below-zero", test_sliver_below_zero);
  g_test_add_func ("/chart/widget", test_widget);
  return g_test_run ();
}
