/* quorum-report-layout.h: a report's pages on A4, laid out lazily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "quorum-report.h"

G_BEGIN_DECLS

/**
 * QuorumReportProgress:
 * @fraction: how much is done, 0 to 1
 *
 * Called now and then while a report is paginated or written.
 */
typedef void (*QuorumReportProgress) (double   fraction,
                                      gpointer user_data);

#define QUORUM_TYPE_REPORT_LAYOUT (quorum_report_layout_get_type ())
G_DECLARE_FINAL_TYPE (QuorumReportLayout, quorum_report_layout,
                      QUORUM, REPORT_LAYOUT, GObject)

QuorumReportLayout *quorum_report_layout_new           (QuorumReport         *report);
QuorumReport       *quorum_report_layout_get_report    (QuorumReportLayout   *self);
gboolean            quorum_report_layout_paginate      (QuorumReportLayout   *self,
                                                        QuorumReportProgress  progress,
                                                        gpointer              user_data,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
gboolean            quorum_report_layout_paginate_step (QuorumReportLayout   *self,
                                                        guint                 units,
                                                        double               *fraction);
guint               quorum_report_layout_get_n_pages   (QuorumReportLayout   *self);
gboolean            quorum_report_layout_get_landscape (QuorumReportLayout   *self);
void                quorum_report_layout_get_page_size (QuorumReportLayout   *self,
                                                        double               *width,
                                                        double               *height);
void                quorum_report_layout_draw_page     (QuorumReportLayout   *self,
                                                        cairo_t              *cr,
                                                        guint                 page);

G_END_DECLS
