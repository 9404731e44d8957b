/* quorum-report-builders.h: reports of budget tables, checks, work packages
 * and meeting packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-budget-document.h"
#include "quorum-meeting.h"
#include "quorum-notes.h"
#include "quorum-report.h"
#include "quorum-store.h"
#include "quorum-work-package.h"

G_BEGIN_DECLS

/**
 * QuorumReportNote:
 * @target: what the note is on: a meeting id, an agenda item's number, a
 *   budget document id, a work package id or an action's ref
 * @label: (nullable): how to name the target in print
 * @text: the note
 *
 * A private note to print in a meeting pack next to what it is on.
 */
typedef struct
{
  const char *target;
  const char *label;
  const char *text;
} QuorumReportNote;

/**
 * QuorumReportOptions:
 * @allow_red: print items classified red (refused otherwise)
 * @collapsed: a budget table's groups collapsed: group rows only
 * @variance_from: (nullable): a column id; with @variance_to, adds
 *   difference and % change columns
 * @variance_to: (nullable): a column id
 * @printed: (nullable): the date printed; today when %NULL
 * @notes: (nullable) (array length=n_notes): private notes for a meeting pack
 * @n_notes: how many
 * @rows: (nullable) (array length=n_rows): with one table, the rows to print
 *   and their order, as a view shows them (groups open or closed, sorted,
 *   filtered; the total among them where shown), instead of every row; each
 *   is indented by its own depth
 * @n_rows: how many
 * @variance_only: with a variance, the two columns compared and their
 *   difference only, as the Budgets view's variance shows them
 */
typedef struct
{
  gboolean allow_red;
  gboolean collapsed;
  const char *variance_from;
  const char *variance_to;
  const char *printed;
  const QuorumReportNote *notes;
  guint n_notes;
  QuorumRow * const *rows;
  guint n_rows;
  gboolean variance_only;
} QuorumReportOptions;

QuorumReport *quorum_report_new_for_table        (QuorumBudgetDocument       *document,
                                                  QuorumTable                *table,
                                                  const QuorumReportOptions  *options,
                                                  GError                    **error);
QuorumReport *quorum_report_new_for_checks       (GListModel                 *documents,
                                                  const QuorumReportOptions  *options,
                                                  GError                    **error);
QuorumReport *quorum_report_new_for_work_package (QuorumStore                *store,
                                                  QuorumWorkPackage          *work_package,
                                                  const QuorumReportOptions  *options,
                                                  GError                    **error);
QuorumReport *quorum_report_new_for_meeting      (QuorumStore                *store,
                                                  QuorumMeeting              *meeting,
                                                  const QuorumReportOptions  *options,
                                                  GError                    **error);

GArray       *quorum_report_notes_for_meeting    (QuorumNotes                *notes,
                                                  QuorumMeeting              *meeting);

G_END_DECLS
