/* quorum-note-row.h: one note in the Notes view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_NOTE_ROW (quorum_note_row_get_type ())

G_DECLARE_FINAL_TYPE (QuorumNoteRow, quorum_note_row, QUORUM, NOTE_ROW, AdwActionRow)

GtkWidget  *quorum_note_row_new      (QuorumNote    *note);
QuorumNote *quorum_note_row_get_note (QuorumNoteRow *self);

G_END_DECLS
