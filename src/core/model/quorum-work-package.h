/* quorum-work-package.h: a quarterly work package and its decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-decision.h"

G_BEGIN_DECLS

/**
 * QuorumOutcome:
 * The Board's outcome of a package: its latest decision whose seal is not
 * broken, or %QUORUM_OUTCOME_AWAITING while there is none.
 */
typedef enum
{
  QUORUM_OUTCOME_AWAITING,
  QUORUM_OUTCOME_APPROVED,
  QUORUM_OUTCOME_REJECTED,
  QUORUM_OUTCOME_DEFERRED,
} QuorumOutcome;

#define QUORUM_TYPE_WORK_PACKAGE (quorum_work_package_get_type ())

G_DECLARE_FINAL_TYPE (QuorumWorkPackage, quorum_work_package, QUORUM, WORK_PACKAGE, GObject)

QuorumWorkPackage  *quorum_work_package_new_from_data   (const char         *file,
                                                         const char         *data,
                                                         gsize               length,
                                                         GPtrArray          *problems);
const char         *quorum_work_package_get_id          (QuorumWorkPackage  *self);
const char         *quorum_work_package_get_file        (QuorumWorkPackage  *self);
const char         *quorum_work_package_get_kind        (QuorumWorkPackage  *self);
const char         *quorum_work_package_get_quarter     (QuorumWorkPackage  *self);
const char         *quorum_work_package_get_title       (QuorumWorkPackage  *self);
const char         *quorum_work_package_get_committee   (QuorumWorkPackage  *self);
const char         *quorum_work_package_get_service_area (QuorumWorkPackage *self);
const char         *quorum_work_package_get_description (QuorumWorkPackage  *self);
const char         *quorum_work_package_get_start       (QuorumWorkPackage  *self);
const char         *quorum_work_package_get_end         (QuorumWorkPackage  *self);
const char         *quorum_work_package_get_status      (QuorumWorkPackage  *self);
const char         *quorum_work_package_get_classification (QuorumWorkPackage *self);
gint64              quorum_work_package_get_estimate    (QuorumWorkPackage  *self);
gboolean            quorum_work_package_get_actual      (QuorumWorkPackage  *self,
                                                         gint64             *cost);
const char         *quorum_work_package_get_reported    (QuorumWorkPackage  *self);
const char * const *quorum_work_package_get_grades      (QuorumWorkPackage  *self);
gboolean            quorum_work_package_get_estimate_days (QuorumWorkPackage *self,
                                                         const char         *grade,
                                                         gint64             *days);
gboolean            quorum_work_package_get_actual_days (QuorumWorkPackage  *self,
                                                         const char         *grade,
                                                         gint64             *days);
gboolean            quorum_work_package_get_variance    (QuorumWorkPackage  *self,
                                                         gint64             *amount,
                                                         gint64             *percent_hundredths);

gboolean            quorum_work_package_get_budget_ref  (QuorumWorkPackage  *self,
                                                         const char        **document,
                                                         const char        **table,
                                                         const char        **row,
                                                         const char        **column);
gboolean            quorum_work_package_get_budget_line (QuorumWorkPackage  *self,
                                                         const char        **column,
                                                         const char        **label,
                                                         gint64             *provision);
const char         *quorum_work_package_get_budget_problem (QuorumWorkPackage *self);

GListModel         *quorum_work_package_get_decisions   (QuorumWorkPackage  *self);
QuorumDecision     *quorum_work_package_get_latest      (QuorumWorkPackage  *self);
QuorumOutcome       quorum_work_package_get_outcome     (QuorumWorkPackage  *self);
gboolean            quorum_work_package_can_decide      (QuorumWorkPackage  *self,
                                                         GError            **error);
char               *quorum_work_package_dup_cannot_decide_reason (QuorumWorkPackage *self);
void                quorum_work_package_add_decision    (QuorumWorkPackage  *self,
                                                         QuorumDecision     *decision);

gboolean            quorum_quarter_is_valid             (const char         *text);
gboolean            quorum_quarter_get_dates            (const char         *quarter,
                                                         char              **first_day,
                                                         char              **last_day);
const char         *quorum_outcome_to_string            (QuorumOutcome       outcome);
gboolean            quorum_outcome_from_string          (const char         *text,
                                                         QuorumOutcome      *outcome);
const char         *quorum_outcome_get_label            (QuorumOutcome       outcome);

/* Private to the core: set by the store once the budget line is resolved. */
void                _quorum_work_package_set_budget_line (QuorumWorkPackage *self,
                                                         const char         *column,
                                                         const char         *label,
                                                         gint64              provision);
void                _quorum_work_package_set_budget_problem (QuorumWorkPackage *self,
                                                         const char         *problem);

G_END_DECLS
