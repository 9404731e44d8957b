/* quorum-work-packages-view.h: the store's work packages, filtered and sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_WORK_PACKAGES_VIEW (quorum_work_packages_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumWorkPackagesView, quorum_work_packages_view,
                      QUORUM, WORK_PACKAGES_VIEW, AdwBin)

QuorumStore *quorum_work_packages_view_get_store     (QuorumWorkPackagesView *self);
void         quorum_work_packages_view_set_store     (QuorumWorkPackagesView *self,
                                                      QuorumStore            *store);
GListModel  *quorum_work_packages_view_get_shown     (QuorumWorkPackagesView *self);
void         quorum_work_packages_view_clear_filters (QuorumWorkPackagesView *self);

G_END_DECLS
