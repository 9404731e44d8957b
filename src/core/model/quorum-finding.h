/* quorum-finding.h: a stated figure that does not add up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  QUORUM_SEVERITY_ROUNDING,
  QUORUM_SEVERITY_MISMATCH,
} QuorumSeverity;

typedef enum
{
  QUORUM_RULE_GROUP,
  QUORUM_RULE_TOTAL,
  QUORUM_RULE_PERCENT,
  QUORUM_RULE_COLUMN,
  QUORUM_RULE_CROSS_CHECK,
} QuorumRule;

#define QUORUM_TYPE_FINDING (quorum_finding_get_type ())

G_DECLARE_FINAL_TYPE (QuorumFinding, quorum_finding, QUORUM, FINDING, GObject)

QuorumFinding  *quorum_finding_new             (QuorumSeverity  severity,
                                                QuorumRule      rule,
                                                const char     *document_id,
                                                const char     *table_id,
                                                const char     *row_id,
                                                const char     *column_id,
                                                gint64          stated,
                                                gint64          computed);
QuorumSeverity  quorum_finding_get_severity    (QuorumFinding  *self);
QuorumRule      quorum_finding_get_rule        (QuorumFinding  *self);
const char     *quorum_finding_get_document_id (QuorumFinding  *self);
const char     *quorum_finding_get_table_id    (QuorumFinding  *self);
const char     *quorum_finding_get_row_id      (QuorumFinding  *self);
const char     *quorum_finding_get_column_id   (QuorumFinding  *self);
gint64          quorum_finding_get_stated      (QuorumFinding  *self);
gint64          quorum_finding_get_computed    (QuorumFinding  *self);
gint64          quorum_finding_get_difference  (QuorumFinding  *self);
const char     *quorum_finding_get_label       (QuorumFinding  *self);
void            quorum_finding_set_label       (QuorumFinding  *self,
                                                const char     *label);
char           *quorum_finding_describe_rule   (QuorumFinding  *self);

const char     *quorum_severity_to_string      (QuorumSeverity  severity);
const char     *quorum_rule_to_string          (QuorumRule      rule);

G_END_DECLS
