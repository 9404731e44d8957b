/* quorum-figure-columns.h: a view's columns of figures, their cells made,
 * kept while bound and shown again on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_FIGURE_COLUMNS (quorum_figure_columns_get_type ())

G_DECLARE_FINAL_TYPE (QuorumFigureColumns, quorum_figure_columns, QUORUM, FIGURE_COLUMNS,
                      GObject)

/* Shows @item's figure of kind @kind (the index of its column) in the cell
 * quorum_figure_columns_new() made. */
typedef void (*QuorumFigureColumnsShowFunc) (gpointer     view,
                                             GtkListItem *item,
                                             guint        kind);

QuorumFigureColumns *quorum_figure_columns_new      (GtkColumnViewColumn * const *columns,
                                                     const char * const          *cell_names,
                                                     const guint                 *chars,
                                                     guint                        n_kinds,
                                                     QuorumFigureColumnsShowFunc  show,
                                                     gpointer                     view);
void                 quorum_figure_columns_show_all (QuorumFigureColumns         *self);

G_END_DECLS
