/* quorum-checks-view.h: every finding of every budget document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_CHECKS_VIEW (quorum_checks_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumChecksView, quorum_checks_view, QUORUM, CHECKS_VIEW, AdwBin)

/* The severity filter: the positions of the Severity drop-down. */
typedef enum
{
  QUORUM_CHECKS_SEVERITY_ALL,
  QUORUM_CHECKS_SEVERITY_MISMATCH,
  QUORUM_CHECKS_SEVERITY_ROUNDING,
} QuorumChecksSeverity;

GtkWidget   *quorum_checks_view_new               (void);
QuorumStore *quorum_checks_view_get_store         (QuorumChecksView     *self);
void         quorum_checks_view_set_store         (QuorumChecksView     *self,
                                                   QuorumStore          *store);
void         quorum_checks_view_set_severity      (QuorumChecksView     *self,
                                                   QuorumChecksSeverity  severity);
void         quorum_checks_view_set_document      (QuorumChecksView     *self,
                                                   const char           *document_id);
GListModel  *quorum_checks_view_get_shown         (QuorumChecksView     *self);

G_END_DECLS
