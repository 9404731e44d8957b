/* quorum-value.h: one cell of a budget table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  QUORUM_VALUE_ABSENT,   /* not stated, not computable */
  QUORUM_VALUE_NA,       /* stated as null: "N/A", counted as 0 in sums */
  QUORUM_VALUE_AMOUNT,   /* an exact amount in hundredths */
} QuorumValueKind;

typedef struct
{
  QuorumValueKind kind;
  gint64 amount;
} QuorumValue;

static inline gboolean
quorum_value_is_amount (const QuorumValue *value)
{
  return value != NULL && value->kind == QUORUM_VALUE_AMOUNT;
}

G_END_DECLS
