/* quorum-pressure-view.h: each budget line's provision against what is committed and spent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_PRESSURE_VIEW (quorum_pressure_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPressureView, quorum_pressure_view, QUORUM, PRESSURE_VIEW, AdwBin)

QuorumStore *quorum_pressure_view_get_store (QuorumPressureView *self);
void         quorum_pressure_view_set_store (QuorumPressureView *self,
                                             QuorumStore        *store);
GListModel  *quorum_pressure_view_get_lines (QuorumPressureView *self);

G_END_DECLS
