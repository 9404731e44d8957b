/* quorum-sync.h: sync a store with a remote HTTPS server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "quorum-sync-item.h"

G_BEGIN_DECLS

#define QUORUM_SYNC_ERROR (quorum_sync_error_quark ())

/**
 * QuorumSyncError:
 * @QUORUM_SYNC_ERROR_URL: the remote URL is not usable (not https, or
 *   plain http to a host other than this computer)
 * @QUORUM_SYNC_ERROR_OFFLINE: no network
 * @QUORUM_SYNC_ERROR_UNREACHABLE: the server could not be reached or did
 *   not answer in time
 * @QUORUM_SYNC_ERROR_CREDENTIALS: the server refused the credentials
 * @QUORUM_SYNC_ERROR_CERTIFICATE: the server's certificate is not trusted
 * @QUORUM_SYNC_ERROR_SERVER: the server answered with an error
 * @QUORUM_SYNC_ERROR_PROTOCOL: the server's answer made no sense (a bad
 *   listing, a redirect to another host, a body over the size limit)
 * @QUORUM_SYNC_ERROR_FILES: some files could not be synced; the others
 *   were (see the items)
 * @QUORUM_SYNC_ERROR_LOCAL: the local store could not be written
 * @QUORUM_SYNC_ERROR_DEADLINE: the sync took longer than
 *   #QuorumSync:sync-timeout
 */
typedef enum
{
  QUORUM_SYNC_ERROR_URL,
  QUORUM_SYNC_ERROR_OFFLINE,
  QUORUM_SYNC_ERROR_UNREACHABLE,
  QUORUM_SYNC_ERROR_CREDENTIALS,
  QUORUM_SYNC_ERROR_CERTIFICATE,
  QUORUM_SYNC_ERROR_SERVER,
  QUORUM_SYNC_ERROR_PROTOCOL,
  QUORUM_SYNC_ERROR_FILES,
  QUORUM_SYNC_ERROR_LOCAL,
  QUORUM_SYNC_ERROR_DEADLINE,
} QuorumSyncError;

GQuark quorum_sync_error_quark (void);

#define QUORUM_TYPE_SYNC (quorum_sync_get_type ())

G_DECLARE_FINAL_TYPE (QuorumSync, quorum_sync, QUORUM, SYNC, GObject)

QuorumSync  *quorum_sync_new                (const char           *store_path,
                                             const char           *remote_url,
                                             GError              **error);
void         quorum_sync_set_basic_auth     (QuorumSync           *self,
                                             const char           *user,
                                             const char           *password);
void         quorum_sync_set_bearer_token   (QuorumSync           *self,
                                             const char           *token);
gboolean     quorum_sync_set_ca_file        (QuorumSync           *self,
                                             const char           *ca_file,
                                             GError              **error);
void         quorum_sync_set_dry_run        (QuorumSync           *self,
                                             gboolean              dry_run);
void         quorum_sync_set_timeouts       (QuorumSync           *self,
                                             guint                 connect_seconds,
                                             guint                 read_seconds);
void         quorum_sync_set_retries        (QuorumSync           *self,
                                             guint                 retries,
                                             guint                 first_backoff_ms);
void         quorum_sync_set_max_file_size  (QuorumSync           *self,
                                             gsize                 bytes);
void         quorum_sync_set_backups_kept   (QuorumSync           *self,
                                             guint                 n);

gboolean     quorum_sync_run                (QuorumSync           *self,
                                             GCancellable         *cancellable,
                                             GError              **error);
void         quorum_sync_run_async          (QuorumSync           *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     quorum_sync_run_finish         (QuorumSync           *self,
                                             GAsyncResult         *result,
                                             GError              **error);

GListModel  *quorum_sync_get_items          (QuorumSync           *self);
guint        quorum_sync_get_n_requests     (QuorumSync           *self);
guint64      quorum_sync_get_bytes_received (QuorumSync           *self);
guint64      quorum_sync_get_bytes_sent     (QuorumSync           *self);
const char  *quorum_sync_get_listing        (QuorumSync           *self);

char        *quorum_sync_dup_last_sync      (const char           *store_path);
gboolean     quorum_sync_write_index        (const char           *store_path,
                                             GError              **error);
gboolean     quorum_sync_write_index_report (const char           *store_path,
                                             GPtrArray           **skipped,
                                             GError              **error);

G_END_DECLS
