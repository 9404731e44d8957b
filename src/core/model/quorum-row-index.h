/* quorum-row-index.h: a table's rows by id, at every depth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-row.h"

G_BEGIN_DECLS

typedef struct _QuorumRowIndex QuorumRowIndex;

QuorumRowIndex *_quorum_row_index_new     (void);
void            _quorum_row_index_free    (QuorumRowIndex *index);
QuorumRow      *_quorum_row_index_lookup  (QuorumRowIndex *index,
                                           const char     *id);
void            _quorum_row_index_add     (QuorumRowIndex *index,
                                           QuorumRow      *row);
void            _quorum_row_index_foreach (QuorumRowIndex *index,
                                           GFunc           func,
                                           gpointer        user_data);

G_END_DECLS
