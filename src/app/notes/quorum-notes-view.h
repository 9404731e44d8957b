/* quorum-notes-view.h: every private note, by what it is on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_NOTES_VIEW (quorum_notes_view_get_type ())

G_DECLARE_FINAL_TYPE (QuorumNotesView, quorum_notes_view, QUORUM, NOTES_VIEW, AdwBin)

QuorumNotes *quorum_notes_view_get_notes  (QuorumNotesView *self);
void         quorum_notes_view_set_notes  (QuorumNotesView *self,
                                           QuorumNotes     *notes);
void         quorum_notes_view_set_search (QuorumNotesView *self,
                                           const char      *text);
GtkListBox  *quorum_notes_view_get_list   (QuorumNotesView *self);

G_END_DECLS
