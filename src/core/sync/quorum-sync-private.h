/* quorum-sync-private.h: what the files of QuorumSync share
 *
 * QuorumSync is split by concern, each file around this header:
 *
 *   quorum-sync.c          the class, its settings and the run's steps
 *   quorum-sync-http.c     requests: authentication, retries, TLS errors
 *                          in plain words, body size limits
 *   quorum-sync-listing.c  listing the remote (WebDAV PROPFIND or
 *                          index.json), the local store's files, and
 *                          `publish-index`
 *   quorum-sync-state.c    .quorum/sync-state.json: what the last sync saw
 *   quorum-sync-fate.c     what to do with one file: a pure decision
 *   quorum-sync-pull.c     fetching, validating, staging and applying
 *   quorum-sync-push.c     sending decisions from the outbox
 *
 * Everything here runs on the sync's worker thread while it runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "quorum-sync.h"

G_BEGIN_DECLS

#define LOCK_WAIT_MS 10000

/* Defaults of the settings documented in docs/sync.md ("Robustness"). */
#define QUORUM_SYNC_DEFAULT_MIN_RATE          1024     /* bytes per second */
#define QUORUM_SYNC_DEFAULT_SYNC_TIMEOUT      3600     /* seconds */
#define QUORUM_SYNC_DEFAULT_MAX_LISTED_FILES  20000
#define QUORUM_SYNC_DEFAULT_MAX_FAILURES      20       /* consecutive failed files */

typedef struct
{
  char *etag;     /* nullable */
  char *sha256;   /* nullable (not in a WebDAV listing) */
  gint64 size;
} RemoteFile;

typedef struct
{
  char *relpath;
  char *staged;   /* the downloaded, validated file in .quorum/staging/ */
  char *etag;
  char *sha256;
  gboolean is_decision;
  guint64 bytes;
} Staged;

struct _QuorumSync
{
  GObject parent_instance;

  char *store_path;
  char *remote_url;      /* always ends with '/' */
  char *user;
  char *secret;          /* password or token; never logged */
  gboolean bearer;
  char *ca_file;
  GTlsDatabase *tls_database;
  gboolean dry_run;
  guint connect_timeout;
  guint read_timeout;
  guint retries;
  guint backoff_ms;
  gsize max_file_size;
  guint backups_kept;
  guint file_timeout;        /* seconds, plus the size at min_rate: one file's deadline */
  guint min_rate;            /* bytes per second a transfer must at least reach */
  guint sync_timeout;        /* seconds: the whole sync's deadline */
  guint max_listed_files;
  guint max_failures_in_row;

  /* One run's state, touched by the worker thread only while it runs. */
  SoupSession *session;
  GUri *base;
  GListStore *items;
  GPtrArray *pending_items;  /* made on the worker, published at the end */
  GHashTable *remote;        /* relpath → RemoteFile */
  JsonObject *state;         /* relpath → {etag, sha256} from the last sync */
  JsonObject *listed_before; /* the last sync's listing: {index: {etag, files},
                                folders: {decisions/WP: {etag, files}}} */
  JsonObject *listed_now;    /* the same for this sync, saved with the state */
  char *listing;
  gboolean remote_has_decisions;  /* the listing showed decisions/ */
  guint n_requests;
  guint64 bytes_received;
  guint64 bytes_sent;
  gboolean running;
  gint64 sync_deadline;      /* monotonic µs */
  gint64 expected_size;      /* the listed size of the file being fetched, or -1 */
  guint failures_in_row;
  guint n_not_tried;         /* files left out after too many failures in a row */
  GTlsCertificateFlags tls_errors;  /* why the last certificate was refused */
  GMutex progress_lock;
  GSource *progress_source;   /* pending emission, under progress_lock */
  guint progress_done;
  guint progress_total;
  guint64 progress_bytes;
};

typedef struct
{
  guint status;
  GBytes *body;          /* nullable */
  char *etag;            /* nullable */
  char *location;        /* nullable, for 3xx */
  gboolean too_large;
} Response;

/* quorum-sync.c */
void         _quorum_sync_add_item          (QuorumSync        *self,
                                             const char        *relpath,
                                             QuorumSyncAction   action,
                                             guint64            bytes,
                                             const char        *message);

/* quorum-sync-http.c */
char        *_quorum_sync_url_for           (QuorumSync        *self,
                                             const char        *relpath);
void         _quorum_sync_response_clear    (Response          *response);
gboolean     _quorum_sync_send              (QuorumSync        *self,
                                             const char        *method,
                                             const char        *url,
                                             GHashTable        *headers,
                                             GBytes            *request_body,
                                             const char        *content_type,
                                             gboolean           want_body,
                                             Response          *response,
                                             GCancellable      *cancellable,
                                             GError           **error);
gboolean     _quorum_sync_check_status      (QuorumSync        *self,
                                             Response          *response,
                                             const char        *what,
                                             GError           **error);
const char  *_quorum_sync_status_phrase     (guint              status);

/* quorum-sync-listing.c */
void         _quorum_sync_remote_file_free  (RemoteFile        *file);
gboolean     _quorum_sync_list_webdav       (QuorumSync        *self,
                                             gboolean          *not_dav,
                                             GCancellable      *cancellable,
                                             GError           **error);
gboolean     _quorum_sync_list_index        (QuorumSync        *self,
                                             GCancellable      *cancellable,
                                             GError           **error);
void         _quorum_sync_collect_local     (const char        *store_path,
                                             const char        *relfolder,
                                             GPtrArray         *out,
                                             GPtrArray         *skipped);
int          _quorum_sync_compare_strings   (gconstpointer      a,
                                             gconstpointer      b);

/* quorum-sync-state.c */
void         _quorum_sync_state_load        (QuorumSync        *self);
const char  *_quorum_sync_state_get         (QuorumSync        *self,
                                             const char        *relpath,
                                             const char        *member);
void         _quorum_sync_state_set         (QuorumSync        *self,
                                             const char        *relpath,
                                             const char        *etag,
                                             const char        *sha256);
gboolean     _quorum_sync_state_save        (QuorumSync        *self,
                                             gboolean           complete,
                                             GError           **error);
char        *_quorum_sync_sha256_of_file    (QuorumSync        *self,
                                             const char        *relpath);

/* quorum-sync-pull.c */
void         _quorum_sync_staged_free       (Staged            *staged);
void         _quorum_sync_sweep_staging     (QuorumSync        *self);
gboolean     _quorum_sync_pull_file         (QuorumSync        *self,
                                             const char        *relpath,
                                             RemoteFile        *remote,
                                             GPtrArray         *staged_files,
                                             GCancellable      *cancellable,
                                             GError           **error);
gboolean     _quorum_sync_apply             (QuorumSync        *self,
                                             GPtrArray         *staged_files,
                                             GCancellable      *cancellable,
                                             GError           **error);

/* quorum-sync-push.c */
void         _quorum_sync_review_decisions  (QuorumSync        *self);
GPtrArray   *_quorum_sync_list_outbox       (QuorumSync        *self);
gboolean     _quorum_sync_push_decision     (QuorumSync        *self,
                                             const char        *package_id,
                                             const char        *decision_id,
                                             GCancellable      *cancellable,
                                             GError           **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Response, _quorum_sync_response_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Staged, _quorum_sync_staged_free)

G_END_DECLS
