/* quorum-note-editor.h: the dialog that writes a private note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_NOTE_EDITOR (quorum_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (QuorumNoteEditor, quorum_note_editor, QUORUM, NOTE_EDITOR,
                      AdwMessageDialog)

AdwMessageDialog *quorum_note_editor_new      (GtkWindow        *parent,
                                               const char       *target,
                                               const char       *text,
                                               gboolean          existing);
char             *quorum_note_editor_dup_text (AdwMessageDialog *dialog);
void              quorum_note_editor_set_text (AdwMessageDialog *dialog,
                                               const char       *text);

G_END_DECLS
