/* quorum-report-private.h: a report's blocks, shared with the layout engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-report.h"

G_BEGIN_DECLS

typedef enum
{
  QUORUM_REPORT_BLOCK_HEADING,
  QUORUM_REPORT_BLOCK_PARAGRAPH,
  QUORUM_REPORT_BLOCK_KEY_VALUES,
  QUORUM_REPORT_BLOCK_TABLE,
} QuorumReportBlockKind;

typedef struct
{
  char **cells;             /* n_columns strings, never NULL */
  guint8 *marks;            /* n_columns QuorumReportMark, or NULL */
  guint8 depth;
  guint8 style;             /* QuorumReportRowStyle */
} QuorumReportRow;

typedef struct
{
  QuorumReportBlockKind kind;
  char *text;               /* heading, paragraph */
  guint level;              /* heading: 1, or 2 for a subheading */
  GPtrArray *pairs;         /* key values: key, value, key, value… */
  guint n_columns;          /* table */
  char **headers;
  guint32 figures;          /* bit c set: column c holds figures */
  GArray *rows;             /* of QuorumReportRow */
} QuorumReportBlock;

const QuorumReportBlock *_quorum_report_get_block (QuorumReport *self,
                                                   guint         index);

G_END_DECLS
