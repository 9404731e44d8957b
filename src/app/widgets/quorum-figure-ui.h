/* quorum-figure-ui.h: how the committees and meetings views show figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

const char          *quorum_figure_ui_component_label (const char         *component);
const char          *quorum_figure_ui_phase_label     (const char         *phase);
const char          *quorum_figure_ui_meets_label     (const char         *meets);
char                *quorum_figure_ui_format          (gint64              amount,
                                                       const char         *unit);
char                *quorum_figure_ui_format_figure   (QuorumFigure       *figure);
char                *quorum_figure_ui_column_title    (QuorumColumn       *column);
guint                quorum_figure_ui_figure_chars    (const char         *text);
char                *quorum_figure_ui_committee_names (QuorumStore        *store,
                                                       const char * const *committee_ids);
GPtrArray           *quorum_figure_ui_documents_with  (GListModel         *documents,
                                                       const char         *role);
void                 quorum_figure_ui_show_documents  (GtkDropDown        *dropdown,
                                                       GPtrArray          *documents,
                                                       const char         *keep_id);
GtkColumnViewColumn *quorum_figure_ui_add_label_column (GtkColumnView     *column_view,
                                                        const char        *title,
                                                        gboolean           sortable);
GtkColumnViewColumn *quorum_figure_ui_add_cell_column (GtkColumnView      *column_view,
                                                       const char         *title,
                                                       guint               cell,
                                                       gboolean            sortable);
void                 quorum_figure_ui_setup_drop_down (GtkDropDown       *drop_down);
void                 quorum_figure_ui_clear_columns   (GtkColumnView      *column_view);
void                 quorum_figure_ui_remove_children (GtkWidget          *box);

G_END_DECLS
