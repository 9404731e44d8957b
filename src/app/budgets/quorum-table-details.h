/* quorum-table-details.h: everything about one row of a budget table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_TABLE_DETAILS (quorum_table_details_get_type ())

G_DECLARE_FINAL_TYPE (QuorumTableDetails, quorum_table_details, QUORUM, TABLE_DETAILS, AdwBin)

void       quorum_table_details_set_row           (QuorumTableDetails *self,
                                                   QuorumStore        *store,
                                                   QuorumTable        *table,
                                                   QuorumRow          *row);
QuorumRow *quorum_table_details_get_row           (QuorumTableDetails *self);
void       quorum_table_details_set_target_column (QuorumTableDetails *self,
                                                   int                 column);

G_END_DECLS
