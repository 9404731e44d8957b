/* quorum-figure-line.h: a line of a view's table of figures, a cell per column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  QUORUM_FIGURE_LINE_ROW,      /* a row of the document's table */
  QUORUM_FIGURE_LINE_TOTAL,    /* the table's total, or the rows' sum */
  QUORUM_FIGURE_LINE_DERIVED,  /* worked out from the total, e.g. a cost at a rate */
} QuorumFigureLineKind;

#define QUORUM_TYPE_FIGURE_LINE (quorum_figure_line_get_type ())

G_DECLARE_FINAL_TYPE (QuorumFigureLine, quorum_figure_line, QUORUM, FIGURE_LINE, GObject)

QuorumFigureLine     *quorum_figure_line_new          (QuorumFigureLineKind  kind,
                                                       const char           *id,
                                                       const char           *label,
                                                       guint                 n_cells);
QuorumFigureLineKind  quorum_figure_line_get_kind     (QuorumFigureLine     *self);
const char           *quorum_figure_line_get_id       (QuorumFigureLine     *self);
const char           *quorum_figure_line_get_label    (QuorumFigureLine     *self);
const char           *quorum_figure_line_get_detail   (QuorumFigureLine     *self);
void                  quorum_figure_line_set_detail   (QuorumFigureLine     *self,
                                                       const char           *detail);
guint                 quorum_figure_line_get_n_cells  (QuorumFigureLine     *self);
void                  quorum_figure_line_set_cell     (QuorumFigureLine     *self,
                                                       guint                 cell,
                                                       gint64                amount,
                                                       const char           *text,
                                                       const char           *tooltip,
                                                       gboolean              warning);
gboolean              quorum_figure_line_get_amount   (QuorumFigureLine     *self,
                                                       guint                 cell,
                                                       gint64               *amount);
const char           *quorum_figure_line_get_text     (QuorumFigureLine     *self,
                                                       guint                 cell);
const char           *quorum_figure_line_get_tooltip  (QuorumFigureLine     *self,
                                                       guint                 cell);
gboolean              quorum_figure_line_get_warning  (QuorumFigureLine     *self,
                                                       guint                 cell);

char                 *quorum_committee_short_names    (GListModel           *committees,
                                                       const char * const   *ids);

G_END_DECLS
