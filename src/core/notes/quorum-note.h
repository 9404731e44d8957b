/* quorum-note.h: a private note on a budget cell, a work package, a meeting or an action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * QuorumNoteTargetKind:
 * @QUORUM_NOTE_TARGET_DOCUMENT: a budget document, or one of its tables,
 *   rows or cells (`{"document", "table"?, "row"?, "column"?}`)
 * @QUORUM_NOTE_TARGET_WORK_PACKAGE: a work package (`{"work_package"}`)
 * @QUORUM_NOTE_TARGET_MEETING: a meeting, or one of its agenda items
 *   (`{"meeting", "item"?}`)
 * @QUORUM_NOTE_TARGET_ACTION: an action, by its ref (`{"action"}`)
 */
typedef enum
{
  QUORUM_NOTE_TARGET_DOCUMENT,
  QUORUM_NOTE_TARGET_WORK_PACKAGE,
  QUORUM_NOTE_TARGET_MEETING,
  QUORUM_NOTE_TARGET_ACTION,
} QuorumNoteTargetKind;

GType quorum_note_target_kind_get_type (void);
#define QUORUM_TYPE_NOTE_TARGET_KIND (quorum_note_target_kind_get_type ())

const char *quorum_note_target_kind_to_string (QuorumNoteTargetKind kind);

#define QUORUM_TYPE_NOTE (quorum_note_get_type ())

G_DECLARE_FINAL_TYPE (QuorumNote, quorum_note, QUORUM, NOTE, GObject)

QuorumNote *quorum_note_new_on_document      (const char  *document,
                                              const char  *table,
                                              const char  *row,
                                              const char  *column);
QuorumNote *quorum_note_new_on_work_package  (const char  *work_package);
QuorumNote *quorum_note_new_on_meeting       (const char  *meeting,
                                              const char  *item);
QuorumNote *quorum_note_new_on_action        (const char  *ref);
QuorumNote *quorum_note_new_from_data        (const char  *file,
                                              const char  *data,
                                              gsize        length,
                                              GPtrArray   *problems);

const char *quorum_note_get_id               (QuorumNote  *self);
const char *quorum_note_get_file             (QuorumNote  *self);
QuorumNoteTargetKind quorum_note_get_target_kind (QuorumNote *self);
const char *quorum_note_get_document         (QuorumNote  *self);
const char *quorum_note_get_table            (QuorumNote  *self);
const char *quorum_note_get_row              (QuorumNote  *self);
const char *quorum_note_get_column           (QuorumNote  *self);
const char *quorum_note_get_work_package     (QuorumNote  *self);
const char *quorum_note_get_meeting          (QuorumNote  *self);
const char *quorum_note_get_item             (QuorumNote  *self);
const char *quorum_note_get_action           (QuorumNote  *self);
const char *quorum_note_get_text             (QuorumNote  *self);
const char *quorum_note_get_created          (QuorumNote  *self);
const char *quorum_note_get_updated          (QuorumNote  *self);
gboolean    quorum_note_get_detached         (QuorumNote  *self);
const char *quorum_note_get_label            (QuorumNote  *self);
const char *quorum_note_get_target_key       (QuorumNote  *self);
int         quorum_note_compare              (QuorumNote  *a,
                                              QuorumNote  *b);
gboolean    quorum_note_validate_text        (const char  *text,
                                              GError     **error);

char       *quorum_note_target_key           (QuorumNoteTargetKind kind,
                                              const char  *first,
                                              const char  *second,
                                              const char  *third,
                                              const char  *fourth);

G_END_DECLS
