/* quorum-work-package-page.h: one work package, its figures and its decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_WORK_PACKAGE_PAGE (quorum_work_package_page_get_type ())

G_DECLARE_FINAL_TYPE (QuorumWorkPackagePage, quorum_work_package_page, QUORUM, WORK_PACKAGE_PAGE,
                      AdwBin)

QuorumWorkPackage *quorum_work_package_page_get_work_package (QuorumWorkPackagePage *self);
void               quorum_work_package_page_set_work_package (QuorumWorkPackagePage *self,
                                                              QuorumStore           *store,
                                                              QuorumWorkPackage     *work_package);
gboolean           quorum_work_package_page_get_busy         (QuorumWorkPackagePage *self);
void               quorum_work_package_page_set_busy         (QuorumWorkPackagePage *self,
                                                              gboolean               busy);

G_END_DECLS
