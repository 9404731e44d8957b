/* quorum-note-button.h: Add Note… or Edit Note… on one target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_NOTE_BUTTON (quorum_note_button_get_type ())

G_DECLARE_FINAL_TYPE (QuorumNoteButton, quorum_note_button, QUORUM, NOTE_BUTTON, GtkButton)

GtkWidget *quorum_note_button_new        (void);
void       quorum_note_button_set_target (QuorumNoteButton *self,
                                          GVariant         *target);
GVariant  *quorum_note_button_get_target (QuorumNoteButton *self);

G_END_DECLS
