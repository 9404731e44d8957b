/* quorum-text-cell.h: a list cell's text, laid out once per text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_TEXT_CELL (quorum_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (QuorumTextCell, quorum_text_cell, QUORUM, TEXT_CELL, GtkWidget)

GtkWidget  *quorum_text_cell_new      (gboolean        wrap);
const char *quorum_text_cell_get_text (QuorumTextCell *self);
void        quorum_text_cell_set_text (QuorumTextCell *self,
                                       const char     *text);
gboolean    quorum_text_cell_get_wrap (QuorumTextCell *self);
void        quorum_text_cell_set_wrap (QuorumTextCell *self,
                                       gboolean        wrap);

G_END_DECLS
