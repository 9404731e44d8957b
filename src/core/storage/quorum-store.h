/* quorum-store.h: a store folder: committees, budgets, work packages, decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-action-log.h"
#include "quorum-budget-document.h"
#include "quorum-committee.h"
#include "quorum-meeting.h"
#include "quorum-work-package.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_STORE (quorum_store_get_type ())

G_DECLARE_FINAL_TYPE (QuorumStore, quorum_store, QUORUM, STORE, GObject)

/* Called on each valid budget document as it is read: see
 * quorum_store_load_each_document(). */
typedef void (*QuorumStoreDocumentFunc) (QuorumBudgetDocument *document,
                                         gpointer              user_data);

QuorumStore          *quorum_store_new              (const char           *path);
const char           *quorum_store_get_path         (QuorumStore          *self);
gboolean              quorum_store_load             (QuorumStore          *self,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
gboolean              quorum_store_load_each_document (QuorumStore        *self,
                                                     QuorumStoreDocumentFunc func,
                                                     gpointer              user_data,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void                  quorum_store_load_async       (QuorumStore          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean              quorum_store_load_finish      (QuorumStore          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void                  quorum_store_watch            (QuorumStore          *self);
GListModel           *quorum_store_get_committees   (QuorumStore          *self);
GListModel           *quorum_store_get_documents    (QuorumStore          *self);
GListModel           *quorum_store_get_work_packages (QuorumStore         *self);
GListModel           *quorum_store_get_problems     (QuorumStore          *self);
QuorumCommittee      *quorum_store_find_committee   (QuorumStore          *self,
                                                     const char           *committee_id);
QuorumBudgetDocument *quorum_store_find_document    (QuorumStore          *self,
                                                     const char           *document_id);
QuorumWorkPackage    *quorum_store_find_work_package (QuorumStore         *self,
                                                     const char           *work_package_id);
GListModel           *quorum_store_get_meetings     (QuorumStore          *self);
QuorumMeeting        *quorum_store_find_meeting     (QuorumStore          *self,
                                                     const char           *meeting_id);
QuorumActionLog      *quorum_store_get_action_log   (QuorumStore          *self);

QuorumDecision       *quorum_store_decide           (QuorumStore          *self,
                                                     const char           *work_package_id,
                                                     const char           *decision,
                                                     const char           *by,
                                                     const char           *role,
                                                     const char           *comment,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void                  quorum_store_decide_async     (QuorumStore          *self,
                                                     const char           *work_package_id,
                                                     const char           *decision,
                                                     const char           *by,
                                                     const char           *role,
                                                     const char           *comment,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
QuorumDecision       *quorum_store_decide_finish    (QuorumStore          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

gboolean              quorum_store_is_sample        (QuorumStore          *self);
gboolean              quorum_store_is_loaded        (QuorumStore          *self);
gboolean              quorum_store_path_is_valid    (const char           *relpath);
gboolean              quorum_store_validate_data    (const char           *relpath,
                                                     const char           *file,
                                                     const char           *data,
                                                     gsize                 length,
                                                     GPtrArray            *problems);
gboolean              quorum_store_copy_folder      (const char           *from,
                                                     const char           *to,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
char                 *quorum_store_dup_user_path    (void);
char                 *quorum_store_dup_default_path (void);
char                 *quorum_store_dup_sample_path  (void);

G_END_DECLS
