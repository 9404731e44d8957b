/* quorum-grid.h: rows of typed cells, written as CSV, tab-separated text or HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _QuorumGrid QuorumGrid;

QuorumGrid *quorum_grid_new          (void);
void        quorum_grid_free         (QuorumGrid  *grid);
void        quorum_grid_begin_row    (QuorumGrid  *grid);
void        quorum_grid_add_text     (QuorumGrid  *grid,
                                      const char  *text);
void        quorum_grid_add_amount   (QuorumGrid  *grid,
                                      gint64       amount);
void        quorum_grid_set_header   (QuorumGrid  *grid,
                                      gboolean     header);
guint       quorum_grid_get_n_rows   (QuorumGrid  *grid);
void        quorum_grid_append_csv   (QuorumGrid  *grid,
                                      GString     *out);
char       *quorum_grid_to_tsv       (QuorumGrid  *grid);
char       *quorum_grid_to_html      (QuorumGrid  *grid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumGrid, quorum_grid_free)

G_END_DECLS
