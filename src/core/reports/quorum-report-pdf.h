/* quorum-report-pdf.h: a report written as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-report-layout.h"

G_BEGIN_DECLS

gboolean quorum_report_write_pdf (QuorumReport         *report,
                                  const char           *path,
                                  QuorumReportProgress  progress,
                                  gpointer              user_data,
                                  GCancellable         *cancellable,
                                  GError              **error);

G_END_DECLS
