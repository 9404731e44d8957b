/* quorum-notes.h: a store's private notes, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-note.h"
#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_NOTES (quorum_notes_get_type ())

G_DECLARE_FINAL_TYPE (QuorumNotes, quorum_notes, QUORUM, NOTES, GObject)

QuorumNotes *quorum_notes_new             (QuorumStore          *store);
const char  *quorum_notes_get_store_path  (QuorumNotes          *self);
GListModel  *quorum_notes_get_problems    (QuorumNotes          *self);

gboolean     quorum_notes_load            (QuorumNotes          *self,
                                           GCancellable         *cancellable,
                                           GError              **error);
void         quorum_notes_load_async      (QuorumNotes          *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean     quorum_notes_load_finish     (QuorumNotes          *self,
                                           GAsyncResult         *result,
                                           GError              **error);

gboolean     quorum_notes_add             (QuorumNotes          *self,
                                           QuorumNote           *note,
                                           const char           *text,
                                           GCancellable         *cancellable,
                                           GError              **error);
void         quorum_notes_add_async       (QuorumNotes          *self,
                                           QuorumNote           *note,
                                           const char           *text,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean     quorum_notes_add_finish      (QuorumNotes          *self,
                                           GAsyncResult         *result,
                                           GError              **error);
gboolean     quorum_notes_edit            (QuorumNotes          *self,
                                           QuorumNote           *note,
                                           const char           *text,
                                           GCancellable         *cancellable,
                                           GError              **error);
void         quorum_notes_edit_async      (QuorumNotes          *self,
                                           QuorumNote           *note,
                                           const char           *text,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean     quorum_notes_edit_finish     (QuorumNotes          *self,
                                           GAsyncResult         *result,
                                           GError              **error);
gboolean     quorum_notes_delete          (QuorumNotes          *self,
                                           QuorumNote           *note,
                                           GCancellable         *cancellable,
                                           GError              **error);
void         quorum_notes_delete_async    (QuorumNotes          *self,
                                           QuorumNote           *note,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean     quorum_notes_delete_finish   (QuorumNotes          *self,
                                           GAsyncResult         *result,
                                           GError              **error);

void         quorum_notes_resolve         (QuorumNotes          *self,
                                           QuorumStore          *store,
                                           GListModel           *meetings);
QuorumNote  *quorum_notes_find            (QuorumNotes          *self,
                                           const char           *id);
GPtrArray   *quorum_notes_lookup          (QuorumNotes          *self,
                                           const char           *target_key);
GPtrArray   *quorum_notes_lookup_document (QuorumNotes          *self,
                                           const char           *document,
                                           const char           *table,
                                           const char           *row,
                                           const char           *column);

G_END_DECLS
