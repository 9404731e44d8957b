/* quorum-column.h: a column of a budget table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  QUORUM_FORMULA_NONE,
  QUORUM_FORMULA_SUM,
  QUORUM_FORMULA_DIFFERENCE,
} QuorumFormula;

#define QUORUM_TYPE_COLUMN (quorum_column_get_type ())

G_DECLARE_FINAL_TYPE (QuorumColumn, quorum_column, QUORUM, COLUMN, GObject)

const char          *quorum_column_get_id        (QuorumColumn *self);
const char          *quorum_column_get_label     (QuorumColumn *self);
const char          *quorum_column_get_year      (QuorumColumn *self);
const char          *quorum_column_get_phase     (QuorumColumn *self);
const char          *quorum_column_get_component (QuorumColumn *self);
const char          *quorum_column_get_grade     (QuorumColumn *self);
guint                quorum_column_get_index     (QuorumColumn *self);
QuorumFormula        quorum_column_get_formula   (QuorumColumn *self);
const char * const  *quorum_column_get_operands  (QuorumColumn *self);
gboolean             quorum_column_is_computed   (QuorumColumn *self);

G_END_DECLS
