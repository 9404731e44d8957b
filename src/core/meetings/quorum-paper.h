/* quorum-paper.h: a paper on a meeting's agenda, perhaps linked to the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  QUORUM_PAPER_REF_NONE,          /* a paper the store does not hold */
  QUORUM_PAPER_REF_DOCUMENT,      /* a budget document, maybe a table, row and column */
  QUORUM_PAPER_REF_WORK_PACKAGE,
} QuorumPaperRefKind;

#define QUORUM_TYPE_PAPER (quorum_paper_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPaper, quorum_paper, QUORUM, PAPER, GObject)

const char         *quorum_paper_get_title        (QuorumPaper *self);
QuorumPaperRefKind  quorum_paper_get_ref_kind     (QuorumPaper *self);
const char         *quorum_paper_get_document     (QuorumPaper *self);
const char         *quorum_paper_get_table        (QuorumPaper *self);
const char         *quorum_paper_get_row          (QuorumPaper *self);
const char         *quorum_paper_get_column       (QuorumPaper *self);
const char         *quorum_paper_get_work_package (QuorumPaper *self);
gboolean            quorum_paper_get_linked       (QuorumPaper *self);

G_END_DECLS
