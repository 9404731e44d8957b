/* quorum-report-builders-private.h: what the report builders share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-report-builders.h"

G_BEGIN_DECLS

gboolean _quorum_report_allow          (const char                *classification,
                                        const char                *what,
                                        const QuorumReportOptions *options,
                                        GError                   **error);
gboolean _quorum_report_add_table      (QuorumReport              *report,
                                        QuorumBudgetDocument      *document,
                                        QuorumTable               *table,
                                        const QuorumReportOptions *options,
                                        GError                   **error);
void     _quorum_report_add_package    (QuorumReport              *report,
                                        QuorumStore               *store,
                                        QuorumWorkPackage         *work_package);
char    *_quorum_report_amount         (gint64                     amount);

G_END_DECLS
