/* quorum-notes-ui.h: what views share about private notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "quorum-core.h"

G_BEGIN_DECLS

QuorumNotes *quorum_notes_ui_for_widget    (GtkWidget   *widget);
QuorumNote  *quorum_notes_ui_first         (GPtrArray   *notes);
char        *quorum_notes_ui_dup_title     (QuorumNote  *note);
char        *quorum_notes_ui_dup_updated   (QuorumNote  *note);
char        *quorum_notes_ui_dup_marker    (QuorumNote  *note);
GVariant    *quorum_notes_ui_target        (QuorumNote  *note);
gboolean     quorum_notes_ui_parse_target  (GVariant    *target,
                                            QuorumNoteTargetKind *kind,
                                            const char **ids);
QuorumNote  *quorum_notes_ui_lookup_target (QuorumNotes *notes,
                                            GVariant    *target);
QuorumNote  *quorum_notes_ui_new_note      (GVariant    *target);
gboolean     quorum_notes_ui_open_target   (GtkWidget   *widget,
                                            QuorumNote  *note);

G_END_DECLS
