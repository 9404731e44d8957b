/* quorum-figure.h: one figure of a budget, with everything it is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-budget-document.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_FIGURE (quorum_figure_get_type ())

G_DECLARE_FINAL_TYPE (QuorumFigure, quorum_figure, QUORUM, FIGURE, GObject)

GListModel *quorum_figures_collect           (GListModel    *documents,
                                              const char    *role);
GListModel *quorum_figures_for_committee     (GListModel    *documents,
                                              const char    *committee_id);
GListModel *quorum_figures_headline          (GListModel    *documents);

const char *quorum_figure_get_document       (QuorumFigure  *self);
const char *quorum_figure_get_document_title (QuorumFigure  *self);
const char *quorum_figure_get_effective      (QuorumFigure  *self);
const char *quorum_figure_get_table          (QuorumFigure  *self);
const char *quorum_figure_get_table_title    (QuorumFigure  *self);
const char *quorum_figure_get_role           (QuorumFigure  *self);
const char *quorum_figure_get_unit           (QuorumFigure  *self);
const char *quorum_figure_get_row            (QuorumFigure  *self);
const char *quorum_figure_get_row_label      (QuorumFigure  *self);
const char *quorum_figure_get_column         (QuorumFigure  *self);
const char *quorum_figure_get_column_label   (QuorumFigure  *self);
const char *quorum_figure_get_year           (QuorumFigure  *self);
const char *quorum_figure_get_phase          (QuorumFigure  *self);
const char *quorum_figure_get_component      (QuorumFigure  *self);
const char *quorum_figure_get_grade          (QuorumFigure  *self);
const char *quorum_figure_get_committee      (QuorumFigure  *self);
const char * const *quorum_figure_get_committees (QuorumFigure *self);
const char *quorum_figure_get_service_area   (QuorumFigure  *self);
gint64      quorum_figure_get_amount         (QuorumFigure  *self);
gboolean    quorum_figure_get_is_na          (QuorumFigure  *self);
gboolean    quorum_figure_get_is_computed    (QuorumFigure  *self);
gboolean    quorum_figure_get_rate           (QuorumFigure  *self,
                                              gint64        *rate);
gboolean    quorum_figure_get_cost_at_rate   (QuorumFigure  *self,
                                              gint64        *cost);
gboolean    quorum_figure_is_about_committee (QuorumFigure  *self,
                                              const char    *committee_id);

gboolean    quorum_amount_change             (gint64         from,
                                              gint64         to,
                                              gint64        *difference,
                                              gint64        *percent_hundredths);

G_END_DECLS
