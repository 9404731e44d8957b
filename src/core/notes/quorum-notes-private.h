/* quorum-notes-private.h: what QuorumNotes needs of QuorumNote and its resolver
 *
 * Private to the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-note.h"
#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_NOTE_FORMAT "quorum.note"

gboolean _quorum_note_check_target (QuorumNote  *self,
                                    GError     **error);
void     _quorum_note_set_saved    (QuorumNote  *self,
                                    const char  *id,
                                    const char  *file,
                                    const char  *text,
                                    const char  *created,
                                    const char  *updated);
void     _quorum_note_set_text     (QuorumNote  *self,
                                    const char  *text,
                                    const char  *updated);
char    *_quorum_note_to_data      (QuorumNote  *self,
                                    const char  *id,
                                    const char  *text,
                                    const char  *created,
                                    const char  *updated,
                                    gsize       *length);
void     _quorum_note_set_resolved (QuorumNote  *self,
                                    gboolean     detached,
                                    const char  *label);

/* quorum-notes-resolve.c */
void     _quorum_notes_resolve_notes (GPtrArray   *notes,
                                      QuorumStore *store,
                                      GListModel  *meetings);

G_END_DECLS
