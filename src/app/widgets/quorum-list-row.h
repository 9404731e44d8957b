/* quorum-list-row.h: a list row with a title, a subtitle, prefixes and suffixes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_LIST_ROW (quorum_list_row_get_type ())

G_DECLARE_FINAL_TYPE (QuorumListRow, quorum_list_row, QUORUM, LIST_ROW, AdwPreferencesRow)

GtkWidget  *quorum_list_row_new                (void);
const char *quorum_list_row_get_subtitle       (QuorumListRow *self);
void        quorum_list_row_set_subtitle       (QuorumListRow *self,
                                                const char    *subtitle);
void        quorum_list_row_set_subtitle_lines (QuorumListRow *self,
                                                int            lines);
void        quorum_list_row_set_icon_name      (QuorumListRow *self,
                                                const char    *icon_name);
void        quorum_list_row_add_prefix         (QuorumListRow *self,
                                                GtkWidget     *widget);
void        quorum_list_row_add_suffix         (QuorumListRow *self,
                                                GtkWidget     *widget);

G_END_DECLS
