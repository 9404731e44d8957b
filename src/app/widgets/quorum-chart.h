/* quorum-chart.h: a bar chart of figures, stacked or grouped, with its text alternative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A cell of the chart's matrix with no figure: no bar, "no figure" in words. */
#define QUORUM_CHART_NO_VALUE G_MININT64

#define QUORUM_TYPE_CHART (quorum_chart_get_type ())

G_DECLARE_FINAL_TYPE (QuorumChart, quorum_chart, QUORUM, CHART, GtkWidget)

GtkWidget  *quorum_chart_new                  (void);

void        quorum_chart_set_data             (QuorumChart        *self,
                                               const char * const *categories,
                                               const char * const *series,
                                               const gint64       *values);
void        quorum_chart_clear                (QuorumChart        *self);
guint       quorum_chart_get_n_categories     (QuorumChart        *self);
guint       quorum_chart_get_n_series         (QuorumChart        *self);
const char *quorum_chart_get_category         (QuorumChart        *self,
                                               guint               category);
const char *quorum_chart_get_series_name      (QuorumChart        *self,
                                               guint               series);
gint64      quorum_chart_get_value            (QuorumChart        *self,
                                               guint               category,
                                               guint               series);

const char *quorum_chart_get_title            (QuorumChart        *self);
void        quorum_chart_set_title            (QuorumChart        *self,
                                               const char         *title);
const char *quorum_chart_get_category_title   (QuorumChart        *self);
void        quorum_chart_set_category_title   (QuorumChart        *self,
                                               const char         *title);
const char *quorum_chart_get_value_title      (QuorumChart        *self);
void        quorum_chart_set_value_title      (QuorumChart        *self,
                                               const char         *title);
const char *quorum_chart_get_unit             (QuorumChart        *self);
void        quorum_chart_set_unit             (QuorumChart        *self,
                                               const char         *unit);
gboolean    quorum_chart_get_stacked          (QuorumChart        *self);
void        quorum_chart_set_stacked          (QuorumChart        *self,
                                               gboolean            stacked);

const char *quorum_chart_get_text_alternative (QuorumChart        *self);
char       *quorum_chart_dup_segment_text     (QuorumChart        *self,
                                               guint               category,
                                               guint               series);
gboolean    quorum_chart_get_segment_bounds   (QuorumChart        *self,
                                               guint               category,
                                               guint               series,
                                               graphene_rect_t    *bounds);
gboolean    quorum_chart_get_segment_at       (QuorumChart        *self,
                                               double              x,
                                               double              y,
                                               guint              *category,
                                               guint              *series);

G_END_DECLS
