/* quorum-print-job.h: what a view shows, to print: the objects it needs, held
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"
#include "quorum-table-view.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_PRINT_JOB (quorum_print_job_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPrintJob, quorum_print_job, QUORUM, PRINT_JOB, GObject)

QuorumPrintJob *quorum_print_job_new_for_table_view   (QuorumTableView    *view);
QuorumPrintJob *quorum_print_job_new_for_checks       (GListModel         *documents);
QuorumPrintJob *quorum_print_job_new_for_work_package (QuorumStore        *store,
                                                       QuorumWorkPackage  *work_package);
QuorumPrintJob *quorum_print_job_new_for_meeting      (QuorumStore        *store,
                                                       QuorumMeeting      *meeting,
                                                       QuorumNotes        *notes);
const char     *quorum_print_job_get_title            (QuorumPrintJob     *self);
gboolean        quorum_print_job_get_offers_notes     (QuorumPrintJob     *self);
QuorumReport   *quorum_print_job_build                (QuorumPrintJob     *self,
                                                       gboolean            allow_red,
                                                       gboolean            with_notes,
                                                       GError            **error);

G_END_DECLS
