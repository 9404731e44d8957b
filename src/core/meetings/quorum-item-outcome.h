/* quorum-item-outcome.h: what a meeting resolved on an agenda item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  QUORUM_ITEM_OUTCOME_KIND_NOTED,
  QUORUM_ITEM_OUTCOME_KIND_AGREED,
  QUORUM_ITEM_OUTCOME_KIND_APPROVED,
  QUORUM_ITEM_OUTCOME_KIND_REJECTED,
  QUORUM_ITEM_OUTCOME_KIND_DEFERRED,
  QUORUM_ITEM_OUTCOME_KIND_OTHER,
} QuorumItemOutcomeKind;

#define QUORUM_TYPE_ITEM_OUTCOME (quorum_item_outcome_get_type ())

G_DECLARE_FINAL_TYPE (QuorumItemOutcome, quorum_item_outcome, QUORUM, ITEM_OUTCOME, GObject)

QuorumItemOutcomeKind  quorum_item_outcome_get_kind       (QuorumItemOutcome     *self);
const char        *quorum_item_outcome_get_kind_name  (QuorumItemOutcome     *self);
const char        *quorum_item_outcome_get_verb       (QuorumItemOutcome     *self);
const char        *quorum_item_outcome_get_text       (QuorumItemOutcome     *self);
const char        *quorum_item_outcome_get_by         (QuorumItemOutcome     *self);

const char        *quorum_item_outcome_kind_to_string (QuorumItemOutcomeKind  kind);
const char        *quorum_item_outcome_kind_verb      (QuorumItemOutcomeKind  kind);

G_END_DECLS
