/* quorum-work-package.h: a quarterly work package and its decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-decision.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_WORK_PACKAGE (quorum_work_package_get_type ())

G_DECLARE_FINAL_TYPE (QuorumWorkPackage, quorum_work_package, QUORUM, WORK_PACKAGE, GObject)

QuorumWorkPackage *quorum_work_package_new_from_data   (const char         *file,
                                                         const char         *data,
                                                         gsize               length,
                                                         GPtrArray          *problems);
const char        *quorum_work_package_get_id          (QuorumWorkPackage  *self);
const char        *quorum_work_package_get_kind        (QuorumWorkPackage  *self);
const char        *quorum_work_package_get_quarter     (QuorumWorkPackage  *self);
const char        *quorum_work_package_get_title       (QuorumWorkPackage  *self);
const char        *quorum_work_package_get_committee   (QuorumWorkPackage  *self);
const char        *quorum_work_package_get_status      (QuorumWorkPackage  *self);
gint64             quorum_work_package_get_estimate    (QuorumWorkPackage  *self);
gboolean           quorum_work_package_get_actual      (QuorumWorkPackage  *self,
                                                        gint64             *cost);
GListModel        *quorum_work_package_get_decisions   (QuorumWorkPackage  *self);
QuorumDecision    *quorum_work_package_get_latest      (QuorumWorkPackage  *self);
void               quorum_work_package_add_decision    (QuorumWorkPackage  *self,
                                                        QuorumDecision     *decision);

gboolean           quorum_quarter_is_valid             (const char         *text);

G_END_DECLS
