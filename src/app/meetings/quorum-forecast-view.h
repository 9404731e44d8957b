/* quorum-forecast-view.h: each document's meeting forecasts, by committee and year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-chart.h"
#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_FORECAST_VIEW (quorum_forecast_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumForecastView, quorum_forecast_view, QUORUM, FORECAST_VIEW, AdwBin)

QuorumStore *quorum_forecast_view_get_store       (QuorumForecastView *self);
void         quorum_forecast_view_set_store       (QuorumForecastView *self,
                                                   QuorumStore        *store);
const char  *quorum_forecast_view_get_document    (QuorumForecastView *self);
gboolean     quorum_forecast_view_set_document    (QuorumForecastView *self,
                                                   const char         *document_id);
guint        quorum_forecast_view_get_n_tables    (QuorumForecastView *self);
const char  *quorum_forecast_view_get_table_id    (QuorumForecastView *self,
                                                   guint               table);
GListModel  *quorum_forecast_view_get_table_lines (QuorumForecastView *self,
                                                   guint               table);
QuorumChart *quorum_forecast_view_get_table_chart (QuorumForecastView *self,
                                                   guint               table);

G_END_DECLS
