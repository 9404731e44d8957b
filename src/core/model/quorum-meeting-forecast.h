/* quorum-meeting-forecast.h: a document's table of meetings, with its total and cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-budget-document.h"
#include "quorum-table.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_MEETING_FORECAST (quorum_meeting_forecast_get_type ())

G_DECLARE_FINAL_TYPE (QuorumMeetingForecast, quorum_meeting_forecast,
                      QUORUM, MEETING_FORECAST, GObject)

GListModel            *quorum_meeting_forecasts_new          (QuorumBudgetDocument  *document,
                                                              GListModel            *committees);
QuorumMeetingForecast *quorum_meeting_forecast_new           (QuorumBudgetDocument  *document,
                                                              QuorumTable           *table,
                                                              GListModel            *committees);
QuorumTable           *quorum_meeting_forecast_get_table     (QuorumMeetingForecast *self);
guint                  quorum_meeting_forecast_get_n_rows    (QuorumMeetingForecast *self);
gboolean               quorum_meeting_forecast_get_rate      (QuorumMeetingForecast *self,
                                                              gint64                *rate);
gboolean               quorum_meeting_forecast_get_same_rate (QuorumMeetingForecast *self);

G_END_DECLS
