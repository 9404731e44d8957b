/* quorum-committee-page.h: a committee of the register, and every figure about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_COMMITTEE_PAGE (quorum_committee_page_get_type ())

G_DECLARE_FINAL_TYPE (QuorumCommitteePage, quorum_committee_page, QUORUM, COMMITTEE_PAGE, AdwBin)

void quorum_committee_page_show (QuorumCommitteePage *self,
                                 QuorumStore         *store,
                                 QuorumCommittee     *committee);

G_END_DECLS
