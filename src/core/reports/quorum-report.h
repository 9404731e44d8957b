/* quorum-report.h: a printable report, blocks of text and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * QuorumReportMark:
 * @QUORUM_REPORT_MARK_NONE: no finding
 * @QUORUM_REPORT_MARK_ROUNDING: a rounding difference (◇)
 * @QUORUM_REPORT_MARK_MISMATCH: figures that do not add up (◆)
 *
 * A finding on a printed figure, drawn as a symbol before it that reads in
 * black and white, and explained in the report's legend.
 */
typedef enum
{
  QUORUM_REPORT_MARK_NONE,
  QUORUM_REPORT_MARK_ROUNDING,
  QUORUM_REPORT_MARK_MISMATCH,
} QuorumReportMark;

typedef enum
{
  QUORUM_REPORT_ROW_LINE,
  QUORUM_REPORT_ROW_GROUP,   /* bold */
  QUORUM_REPORT_ROW_TOTAL,   /* bold, with a rule above */
} QuorumReportRowStyle;

#define QUORUM_REPORT_MAX_COLUMNS 32

#define QUORUM_TYPE_REPORT (quorum_report_get_type ())
G_DECLARE_FINAL_TYPE (QuorumReport, quorum_report, QUORUM, REPORT, GObject)

QuorumReport *quorum_report_new               (const char          *title,
                                               const char          *version,
                                               const char          *classification,
                                               const char          *printed);
const char   *quorum_report_get_title         (QuorumReport        *self);
const char   *quorum_report_get_version       (QuorumReport        *self);
const char   *quorum_report_get_classification (QuorumReport       *self);
void          quorum_report_set_classification (QuorumReport       *self,
                                                const char         *classification);
const char   *quorum_report_get_printed       (QuorumReport        *self);
guint         quorum_report_get_n_blocks      (QuorumReport        *self);
void          quorum_report_add_heading       (QuorumReport        *self,
                                               const char          *text);
void          quorum_report_add_subheading    (QuorumReport        *self,
                                               const char          *text);
void          quorum_report_add_paragraph     (QuorumReport        *self,
                                               const char          *text);
void          quorum_report_add_key_value     (QuorumReport        *self,
                                               const char          *key,
                                               const char          *value);
void          quorum_report_begin_table       (QuorumReport        *self,
                                               const char * const  *headers,
                                               guint32              figure_columns);
void          quorum_report_add_row           (QuorumReport        *self,
                                               const char * const  *cells,
                                               const QuorumReportMark *marks,
                                               guint                depth,
                                               QuorumReportRowStyle style);
void          quorum_report_add_legend        (QuorumReport        *self);
const char   *quorum_report_mark_symbol       (QuorumReportMark     mark);
int           quorum_report_classification_rank (const char        *classification);

G_END_DECLS
