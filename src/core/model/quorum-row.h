/* quorum-row.h: a row of a budget table (a line, a group, a percentage or the total)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-finding.h"
#include "quorum-value.h"

G_BEGIN_DECLS

typedef enum
{
  QUORUM_ROW_LINE,
  QUORUM_ROW_GROUP,
  QUORUM_ROW_PERCENTAGE,
  QUORUM_ROW_TOTAL,
} QuorumRowKind;

#define QUORUM_TYPE_ROW (quorum_row_get_type ())

G_DECLARE_FINAL_TYPE (QuorumRow, quorum_row, QUORUM, ROW, GObject)

const char         *quorum_row_get_id           (QuorumRow *self);
const char         *quorum_row_get_label        (QuorumRow *self);
const char         *quorum_row_get_note         (QuorumRow *self);
const char         *quorum_row_get_committee    (QuorumRow *self);
const char * const *quorum_row_get_committees   (QuorumRow *self);
const char         *quorum_row_get_service_area (QuorumRow *self);
const char         *quorum_row_get_component    (QuorumRow *self);
QuorumRowKind       quorum_row_get_kind         (QuorumRow *self);
gboolean            quorum_row_get_rate         (QuorumRow *self,
                                                 gint64    *rate);
const char         *quorum_row_get_rate_unit    (QuorumRow *self);
gboolean            quorum_row_get_percent      (QuorumRow *self,
                                                 gint64    *percent_hundredths);
const char * const *quorum_row_get_of           (QuorumRow *self);
GListModel         *quorum_row_get_children     (QuorumRow *self);
guint               quorum_row_get_depth        (QuorumRow *self);
guint               quorum_row_get_n_values     (QuorumRow *self);
const QuorumValue  *quorum_row_get_stated       (QuorumRow *self,
                                                 guint      column);
const QuorumValue  *quorum_row_get_computed     (QuorumRow *self,
                                                 guint      column);
const QuorumValue  *quorum_row_get_effective    (QuorumRow *self,
                                                 guint      column);
GPtrArray          *quorum_row_get_findings     (QuorumRow *self,
                                                 guint      column);

G_END_DECLS
