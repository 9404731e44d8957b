/* quorum-sync.c: sync a store with a remote HTTPS server
 *
 * The protocol is written down in docs/sync.md. In short:
 *
 *  1. List the remote: WebDAV PROPFIND (Depth: 1) on the base URL and the
 *     store's folders; where the server does not speak WebDAV, GET
 *     index.json (`quorum.index/1`, written by `quorum-cli publish-index`).
 *  2. Pull: every listed file that differs from the local copy is fetched
 *     with a conditional GET (If-None-Match: the ETag stored at the last
 *     sync), validated exactly as loading would, and staged in
 *     STORE/.quorum/staging/. A file unchanged since the last sync (same
 *     ETag, or same SHA-256 in index.json, and the local copy untouched)
 *     is not requested at all.
 *  3. Apply, holding the store's lock: each staged file's previous version
 *     goes into a backup, then the staged file is renamed into place. A
 *     local decision is never replaced: a different remote file of the
 *     same name is a conflict.
 *  4. Push: every local decision with an outbox marker is sent with PUT
 *     and If-None-Match: * (create only). 412 means the remote has one of
 *     that name: the same bytes count as sent, different ones are a
 *     conflict.
 *
 * Every request runs on a worker thread with libsoup's synchronous API,
 * with a timeout, bounded retries with backoff for transient failures, a
 * size limit on bodies, and the caller's GCancellable. Redirects are never
 * followed, so credentials only ever go to the server named. A sync cut
 * short anywhere leaves each local file as it was or completely new.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-sync.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include <errno.h>
#include <string.h>

#include "quorum-backup.h"
#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-json.h"
#include "quorum-load-context.h"
#include "quorum-store.h"
#include "quorum-store-layout.h"
#include "quorum-store-lock.h"

#define DEFAULT_TIMEOUT_SECONDS 30
#define DEFAULT_RETRIES         3
#define DEFAULT_BACKOFF_MS      500
#define LOCK_WAIT_MS            10000

G_DEFINE_QUARK (quorum-sync-error-quark, quorum_sync_error)

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

  /* One run's state, touched by the worker thread only while it runs. */
  SoupSession *session;
  GUri *base;
  GListStore *items;
  GPtrArray *pending_items;  /* made on the worker, published at the end */
  GHashTable *remote;        /* relpath → RemoteFile */
  JsonObject *state;         /* relpath → {etag, sha256} from the last sync */
  char *listing;
  guint n_requests;
  guint64 bytes_received;
  guint64 bytes_sent;
  gboolean running;
  GMutex progress_lock;
  GSource *progress_source;   /* pending emission, under progress_lock */
  guint progress_done;
  guint progress_total;
  guint64 progress_bytes;
};

G_DEFINE_FINAL_TYPE (QuorumSync, quorum_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE_PATH,
  PROP_REMOTE_URL,
  PROP_DRY_RUN,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remote_file_free (RemoteFile *file)
{
  g_free (file->etag);
  g_free (file->sha256);
  g_free (file);
}

static void
staged_free (Staged *staged)
{
  if (staged->staged != NULL)
    g_unlink (staged->staged);
  g_free (staged->relpath);
  g_free (staged->staged);
  g_free (staged->etag);
  g_free (staged->sha256);
  g_free (staged);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Staged, staged_free)

static void
wipe (char **secret)
{
  if (*secret != NULL)
    {
      memset (*secret, 0, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

static void drop_progress (QuorumSync *self);

static void
quorum_sync_finalize (GObject *object)
{
  QuorumSync *self = (QuorumSync *) object;

  drop_progress (self);
  g_mutex_clear (&self->progress_lock);

  g_free (self->store_path);
  g_free (self->remote_url);
  g_free (self->user);
  wipe (&self->secret);
  g_free (self->ca_file);
  g_clear_object (&self->tls_database);
  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->pending_items, g_ptr_array_unref);
  g_clear_pointer (&self->remote, g_hash_table_unref);
  g_clear_pointer (&self->state, json_object_unref);
  g_free (self->listing);

  G_OBJECT_CLASS (quorum_sync_parent_class)->finalize (object);
}

static void
quorum_sync_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  QuorumSync *self = QUORUM_SYNC (object);

  switch (prop_id)
    {
    case PROP_STORE_PATH: g_value_set_string (value, self->store_path); break;
    case PROP_REMOTE_URL: g_value_set_string (value, self->remote_url); break;
    case PROP_DRY_RUN: g_value_set_boolean (value, self->dry_run); break;
    case PROP_RUNNING: g_value_set_boolean (value, self->running); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_sync_class_init (QuorumSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_sync_finalize;
  object_class->get_property = quorum_sync_get_property;

  properties[PROP_STORE_PATH] = g_param_spec_string ("store-path", NULL, NULL, NULL, flags);
  properties[PROP_REMOTE_URL] = g_param_spec_string ("remote-url", NULL, NULL, NULL, flags);
  properties[PROP_DRY_RUN] =
    g_param_spec_boolean ("dry-run", NULL, NULL, FALSE, flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, flags | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumSync::progress:
   * @files_done: files handled so far
   * @files_total: files to handle (grows once the listing is known)
   * @bytes: bytes received and sent so far
   *
   * Emitted on the thread that started quorum_sync_run_async().
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT64);
}

static void
quorum_sync_init (QuorumSync *self)
{
  self->connect_timeout = DEFAULT_TIMEOUT_SECONDS;
  self->read_timeout = DEFAULT_TIMEOUT_SECONDS;
  self->retries = DEFAULT_RETRIES;
  self->backoff_ms = DEFAULT_BACKOFF_MS;
  self->max_file_size = QUORUM_MAX_FILE_BYTES;
  self->backups_kept = QUORUM_DEFAULT_BACKUPS_KEPT;
  self->items = g_list_store_new (QUORUM_TYPE_SYNC_ITEM);
  g_mutex_init (&self->progress_lock);
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * quorum_sync_new:
 * @store_path: the local store
 * @remote_url: the remote store's base URL: `https://…`, or `http://` to
 *   this computer only (127.0.0.1, ::1, localhost)
 *
 * Returns: (transfer full) (nullable): a sync, or %NULL with
 *   %QUORUM_SYNC_ERROR_URL
 */
QuorumSync *
quorum_sync_new (const char  *store_path,
                 const char  *remote_url,
                 GError     **error)
{
  g_autoptr(QuorumSync) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *scheme;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (remote_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uri = g_uri_parse (remote_url, G_URI_FLAGS_ENCODED_PATH, &parse_error);
  if (uri == NULL)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_URL,
                   _("“%s” is not a URL: %s"), remote_url, parse_error->message);
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_URL,
                   _("“%s” is not an https:// URL"), remote_url);
      return NULL;
    }
  if (g_ascii_strcasecmp (scheme, "http") == 0 && !host_is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_URL,
                   _("“%s” is plain http:// to another computer: anyone on the way could "
                     "read or change the store; use https://"), remote_url);
      return NULL;
    }
  if (g_uri_get_user (uri) != NULL || g_uri_get_password (uri) != NULL ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_URL,
                   _("the remote URL must not hold a user, password, query or fragment: "
                     "give credentials separately"));
      return NULL;
    }

  self = g_object_new (QUORUM_TYPE_SYNC, NULL);
  self->store_path = g_strdup (store_path);
  self->remote_url = g_str_has_suffix (remote_url, "/") ? g_strdup (remote_url)
                                                         : g_strconcat (remote_url, "/", NULL);
  return g_steal_pointer (&self);
}

/**
 * quorum_sync_set_basic_auth:
 *
 * HTTP Basic authentication. The password is kept in memory only for the
 * sync's life, is never logged, and is wiped when replaced or freed.
 */
void
quorum_sync_set_basic_auth (QuorumSync *self,
                            const char *user,
                            const char *password)
{
  g_return_if_fail (QUORUM_IS_SYNC (self));
  g_return_if_fail (!self->running);

  g_free (self->user);
  self->user = g_strdup (user);
  wipe (&self->secret);
  self->secret = g_strdup (password);
  self->bearer = FALSE;
}

/**
 * quorum_sync_set_bearer_token:
 *
 * A bearer token (`Authorization: Bearer …`) instead of Basic.
 */
void
quorum_sync_set_bearer_token (QuorumSync *self,
                              const char *token)
{
  g_return_if_fail (QUORUM_IS_SYNC (self));
  g_return_if_fail (!self->running);

  g_clear_pointer (&self->user, g_free);
  wipe (&self->secret);
  self->secret = g_strdup (token);
  self->bearer = TRUE;
}

/**
 * quorum_sync_set_ca_file:
 * @ca_file: (nullable): PEM certificates to trust instead of the system's
 *   CAs; %NULL for the system's
 */
gboolean
quorum_sync_set_ca_file (QuorumSync  *self,
                         const char  *ca_file,
                         GError     **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (QUORUM_IS_SYNC (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  if (ca_file != NULL)
    {
      database = g_tls_file_database_new (ca_file, &local_error);
      if (database == NULL)
        {
          g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CERTIFICATE,
                       _("%s: not a file of CA certificates: %s"), ca_file,
                       local_error->message);
          return FALSE;
        }
    }
  g_free (self->ca_file);
  self->ca_file = g_strdup (ca_file);
  g_set_object (&self->tls_database, database);
  return TRUE;
}

/**
 * quorum_sync_set_dry_run:
 *
 * Lists the remote and reports what would be fetched and sent, without
 * downloading a body, sending anything or writing locally.
 */
void
quorum_sync_set_dry_run (QuorumSync *self,
                         gboolean    dry_run)
{
  g_return_if_fail (QUORUM_IS_SYNC (self));

  dry_run = !!dry_run;
  if (self->dry_run == dry_run)
    return;
  self->dry_run = dry_run;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRY_RUN]);
}

/**
 * quorum_sync_set_timeouts:
 * @connect_seconds: for connecting (including TLS); 0 for the default, 30
 * @read_seconds: for each read or write once connected; 0 for the default, 30
 */
void
quorum_sync_set_timeouts (QuorumSync *self,
                          guint       connect_seconds,
                          guint       read_seconds)
{
  g_return_if_fail (QUORUM_IS_SYNC (self));

  self->connect_timeout = connect_seconds > 0 ? connect_seconds : DEFAULT_TIMEOUT_SECONDS;
  self->read_timeout = read_seconds > 0 ? read_seconds : DEFAULT_TIMEOUT_SECONDS;
}

/**
 * quorum_sync_set_retries:
 * @retries: how many times a transient failure (a connection error, a
 *   timeout, 5xx, 429) is retried
 * @first_backoff_ms: the wait before the first retry; it doubles each time
 */
void
quorum_sync_set_retries (QuorumSync *self,
                         guint       retries,
                         guint       first_backoff_ms)
{
  g_return_if_fail (QUORUM_IS_SYNC (self));

  self->retries = MIN (retries, 10);
  self->backoff_ms = MIN (first_backoff_ms, 60000);
}

/**
 * quorum_sync_set_max_file_size:
 *
 * A remote file larger than this is refused without being read in full
 * (default and maximum: the 16 MiB a store file may have).
 */
void
quorum_sync_set_max_file_size (QuorumSync *self,
                               gsize       bytes)
{
  g_return_if_fail (QUORUM_IS_SYNC (self));
  self->max_file_size = MIN (bytes, (gsize) QUORUM_MAX_FILE_BYTES);
}

/**
 * quorum_sync_set_backups_kept:
 *
 * How many backups of replaced files to keep (default 5).
 */
void
quorum_sync_set_backups_kept (QuorumSync *self,
                              guint       n)
{
  g_return_if_fail (QUORUM_IS_SYNC (self));
  self->backups_kept = MAX (n, 1);
}

/* Helpers on the worker thread ---------------------------------------------- */

static void
add_item (QuorumSync       *self,
          const char       *relpath,
          QuorumSyncAction  action,
          guint64           bytes,
          const char       *message)
{
  g_ptr_array_add (self->pending_items, quorum_sync_item_new (relpath, action, bytes, message));
}

/* Progress is coalesced: the worker updates the figures and schedules at
 * most one idle on the caller's context; finishing the run drops any that
 * is still pending, so nothing outlives the run. */
static gboolean
emit_progress (gpointer user_data)
{
  QuorumSync *self = user_data;
  guint done, total;
  guint64 bytes;

  g_mutex_lock (&self->progress_lock);
  done = self->progress_done;
  total = self->progress_total;
  bytes = self->progress_bytes;
  g_clear_pointer (&self->progress_source, g_source_unref);
  g_mutex_unlock (&self->progress_lock);

  g_signal_emit (self, signals[PROGRESS], 0, done, total, bytes);
  return G_SOURCE_REMOVE;
}

static void
report_progress (QuorumSync   *self,
                 GMainContext *context,
                 guint         done,
                 guint         total)
{
  if (context == NULL)
    return;

  g_mutex_lock (&self->progress_lock);
  self->progress_done = done;
  self->progress_total = total;
  self->progress_bytes = self->bytes_received + self->bytes_sent;
  if (self->progress_source == NULL)
    {
      self->progress_source = g_idle_source_new ();
      g_source_set_priority (self->progress_source, G_PRIORITY_DEFAULT);
      g_source_set_callback (self->progress_source, emit_progress, self, NULL);
      g_source_attach (self->progress_source, context);
    }
  g_mutex_unlock (&self->progress_lock);
}

static void
drop_progress (QuorumSync *self)
{
  g_mutex_lock (&self->progress_lock);
  if (self->progress_source != NULL)
    {
      g_source_destroy (self->progress_source);
      g_clear_pointer (&self->progress_source, g_source_unref);
    }
  g_mutex_unlock (&self->progress_lock);
}

static char *
url_for (QuorumSync *self,
         const char *relpath)
{
  g_autoptr(GString) out = g_string_new (self->remote_url);
  g_auto(GStrv) parts = g_strsplit (relpath, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (parts[i], NULL, FALSE);

      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, escaped);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static SoupMessage *
new_message (QuorumSync *self,
             const char *method,
             const char *url)
{
  SoupMessage *message = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  /* Never follow a redirect: credentials go only to the server named. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  if (self->secret != NULL)
    {
      g_autofree char *value = NULL;

      if (self->bearer)
        value = g_strconcat ("Bearer ", self->secret, NULL);
      else
        {
          g_autofree char *pair = g_strconcat (self->user != NULL ? self->user : "", ":",
                                               self->secret, NULL);
          g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

          value = g_strconcat ("Basic ", encoded, NULL);
          memset (pair, 0, strlen (pair));
        }
      soup_message_headers_replace (headers, "Authorization", value);
      memset (value, 0, strlen (value));
    }
  return message;
}

static gboolean
is_transient_status (guint status)
{
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

static gboolean
is_transient_error (GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
         g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE) ||
         /* A handshake cut short (the server going away), not a bad certificate. */
         g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_EOF) ||
         g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_MISC) ||
         g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING) ||
         g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING);
}

/* Turns a transport failure into words a member understands. */
static GError *
transport_error (QuorumSync *self,
                 GError     *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) ||
      g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_CERTIFICATE_REQUIRED))
    return g_error_new (QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CERTIFICATE,
                        _("The server's certificate is not trusted (%s): its identity cannot "
                          "be checked, so nothing was sent or received"), error->message);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_UNREACHABLE,
                        _("The secure connection to %s failed (%s)"), self->remote_url,
                        error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_UNREACHABLE,
                        _("%s did not answer in time (%s)"), self->remote_url, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      error->domain == G_RESOLVER_ERROR)
    return g_error_new (QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_OFFLINE,
                        _("Offline: %s cannot be reached (%s)"), self->remote_url,
                        error->message);
  return g_error_new (QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_UNREACHABLE,
                      _("%s cannot be reached (%s)"), self->remote_url, error->message);
}

static void
backoff (QuorumSync   *self,
         guint         attempt,
         GCancellable *cancellable)
{
  guint64 wait_ms = (guint64) self->backoff_ms << MIN (attempt, 10u);
  gint64 until = g_get_monotonic_time () + (gint64) wait_ms * 1000;

  while (g_get_monotonic_time () < until && !g_cancellable_is_cancelled (cancellable))
    g_usleep (10 * 1000);
}

/* Reads a body, refusing one over the limit without reading it all. */
static GBytes *
read_body (QuorumSync    *self,
           SoupMessage   *message,
           GInputStream  *stream,
           const char    *relpath,
           gboolean      *too_large,
           GCancellable  *cancellable,
           GError       **error)
{
  goffset declared = soup_message_headers_get_content_length (
                       soup_message_get_response_headers (message));
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 buffer[16384];

  *too_large = FALSE;
  if (declared > 0 && (guint64) declared > self->max_file_size)
    {
      *too_large = TRUE;
      g_input_stream_close (stream, NULL, NULL);
      return NULL;
    }
  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (body->len + (gsize) n > self->max_file_size)
        {
          *too_large = TRUE;
          g_input_stream_close (stream, NULL, NULL);
          return NULL;
        }
      g_byte_array_append (body, buffer, (guint) n);
      self->bytes_received += (guint64) n;
    }
  if (!g_input_stream_close (stream, cancellable, error))
    return NULL;
  (void) relpath;
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

typedef struct
{
  guint status;
  GBytes *body;          /* nullable */
  char *etag;            /* nullable */
  char *location;        /* nullable, for 3xx */
  gboolean too_large;
} Response;

static void
response_clear (Response *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->etag, g_free);
  g_clear_pointer (&response->location, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Response, response_clear)

/* Sends one request, retrying transient failures. A non-2xx status is not
 * an error here; a transport failure is (already in plain words). */
static gboolean
send (QuorumSync    *self,
      const char    *method,
      const char    *url,
      GHashTable    *headers,
      GBytes        *request_body,
      const char    *content_type,
      gboolean       want_body,
      Response      *response,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GError) last_error = NULL;

  memset (response, 0, sizeof *response);
  for (guint attempt = 0; attempt <= self->retries; attempt++)
    {
      g_autoptr(SoupMessage) message = new_message (self, method, url);
      g_autoptr(GInputStream) stream = NULL;
      GHashTableIter iter;
      gpointer name, value;

      if (attempt > 0)
        backoff (self, attempt - 1, cancellable);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (headers != NULL)
        {
          g_hash_table_iter_init (&iter, headers);
          while (g_hash_table_iter_next (&iter, &name, &value))
            soup_message_headers_replace (soup_message_get_request_headers (message), name,
                                          value);
        }
      if (request_body != NULL)
        {
          soup_message_set_request_body_from_bytes (message, content_type, request_body);
          self->bytes_sent += g_bytes_get_size (request_body);
        }

      self->n_requests++;
      g_clear_error (&last_error);
      stream = soup_session_send (self->session, message, cancellable, &last_error);
      if (stream != NULL)
        {
          SoupMessageHeaders *response_headers = soup_message_get_response_headers (message);

          response->status = soup_message_get_status (message);
          if (is_transient_status (response->status) && attempt < self->retries)
            {
              g_input_stream_close (stream, NULL, NULL);
              continue;
            }
          g_free (response->etag);
          response->etag = g_strdup (soup_message_headers_get_one (response_headers, "ETag"));
          g_free (response->location);
          response->location = g_strdup (soup_message_headers_get_one (response_headers,
                                                                       "Location"));
          if (want_body && SOUP_STATUS_IS_SUCCESSFUL (response->status))
            {
              response->body = read_body (self, message, stream, url, &response->too_large,
                                          cancellable, &last_error);
              if (response->body == NULL && !response->too_large)
                {
                  if (g_error_matches (last_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                    break;
                  /* A body cut short: retry like any transport failure. */
                  if (attempt < self->retries)
                    continue;
                  break;
                }
            }
          else
            g_input_stream_close (stream, NULL, NULL);
          return TRUE;
        }
      if (g_error_matches (last_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          !is_transient_error (last_error))
        break;
    }

  if (g_error_matches (last_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&last_error));
  else
    g_propagate_error (error, transport_error (self, last_error));
  return FALSE;
}

/* An answer that stops the whole sync: credentials, redirects, errors. */
static gboolean
check_status (QuorumSync  *self,
              Response    *response,
              const char  *what,
              GError     **error)
{
  if (response->status == 401 || response->status == 403)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CREDENTIALS,
                   response->status == 401
                     ? _("%s refused the credentials (HTTP 401): check the user name and "
                         "password or token")
                     : _("%s refused access (HTTP 403): the account may not read this store"),
                   self->remote_url);
      return FALSE;
    }
  if (SOUP_STATUS_IS_REDIRECTION (response->status) && response->status != 304)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s redirected %s to %s: Quorum does not follow redirects, so that "
                     "credentials only go to the server named; use the new address if it "
                     "is right"), self->remote_url, what,
                   response->location != NULL ? response->location : _("another address"));
      return FALSE;
    }
  return TRUE;
}

static const char *
status_phrase (guint status)
{
  const char *phrase = soup_status_get_phrase (status);

  return phrase != NULL ? phrase : "";
}

/* Listing -------------------------------------------------------------------- */

typedef struct
{
  QuorumSync *self;
  const char *base_path;   /* the URL path the hrefs are relative to */
  GString *text;
  char *href;
  char *etag;
  gint64 size;
  gboolean collection;
  gboolean in_response;
  GPtrArray *folders;      /* relative folder paths found */
  GHashTable *files;       /* relpath → RemoteFile */
  guint n_responses;
} DavParse;

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

static void
dav_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  DavParse *parse = user_data;
  const char *name = local_name (element);

  g_string_truncate (parse->text, 0);
  if (g_str_equal (name, "response"))
    {
      parse->in_response = TRUE;
      g_clear_pointer (&parse->href, g_free);
      g_clear_pointer (&parse->etag, g_free);
      parse->size = -1;
      parse->collection = FALSE;
    }
  else if (g_str_equal (name, "collection") && parse->in_response)
    parse->collection = TRUE;
}

/* An href, made relative to the listing's base; NULL if outside it. */
static char *
relative_href (DavParse   *parse,
               const char *href)
{
  g_autofree char *path = NULL;
  g_autofree char *decoded = NULL;
  g_autoptr(GUri) uri = g_uri_parse (href, G_URI_FLAGS_ENCODED_PATH, NULL);
  const char *rest;

  path = uri != NULL ? g_strdup (g_uri_get_path (uri)) : g_strdup (href);
  decoded = g_uri_unescape_string (path, NULL);
  if (decoded == NULL || !g_str_has_prefix (decoded, parse->base_path))
    return NULL;
  rest = decoded + strlen (parse->base_path);
  return g_strdup (rest);
}

static void
dav_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  DavParse *parse = user_data;
  const char *name = local_name (element);

  if (!parse->in_response)
    return;
  if (g_str_equal (name, "href") && parse->href == NULL)
    parse->href = g_strstrip (g_strdup (parse->text->str));
  else if (g_str_equal (name, "getetag"))
    {
      g_free (parse->etag);
      parse->etag = g_strstrip (g_strdup (parse->text->str));
    }
  else if (g_str_equal (name, "getcontentlength"))
    parse->size = g_ascii_strtoll (parse->text->str, NULL, 10);
  else if (g_str_equal (name, "response"))
    {
      g_autofree char *relpath = parse->href != NULL ? relative_href (parse, parse->href) : NULL;

      parse->in_response = FALSE;
      parse->n_responses++;
      if (relpath == NULL)
        return;
      if (parse->collection)
        {
          if (g_str_has_suffix (relpath, "/"))
            relpath[strlen (relpath) - 1] = '\0';
          if (relpath[0] != '\0')
            g_ptr_array_add (parse->folders, g_steal_pointer (&relpath));
        }
      else if (quorum_store_path_is_valid (relpath))
        {
          RemoteFile *file = g_new0 (RemoteFile, 1);

          file->etag = parse->etag != NULL && parse->etag[0] != '\0'
                         ? g_steal_pointer (&parse->etag) : NULL;
          file->size = parse->size;
          g_hash_table_replace (parse->files, g_steal_pointer (&relpath), file);
        }
    }
}

static void
dav_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  DavParse *parse = user_data;

  if (parse->text->len + length < 64 * 1024)
    g_string_append_len (parse->text, text, (gssize) length);
}

static const char propfind_body[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<D:propfind xmlns:D=\"DAV:\"><D:prop>"
  "<D:resourcetype/><D:getetag/><D:getcontentlength/>"
  "</D:prop></D:propfind>\n";

/* PROPFIND one folder. Returns FALSE with @error for a fatal failure; sets
 * *not_dav when the server does not do WebDAV there. */
static gboolean
propfind (QuorumSync    *self,
          const char    *folder,
          GPtrArray     *subfolders,
          gboolean      *not_dav,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *url = folder[0] == '\0' ? g_strdup (self->remote_url)
                                           : g_strconcat (self->remote_url, folder, "/", NULL);
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) body = g_bytes_new_static (propfind_body, sizeof propfind_body - 1);
  g_auto(Response) response = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *base_path = NULL;
  g_autoptr(GUri) uri = NULL;
  GMarkupParser parser = { dav_start, dav_end, dav_text, NULL, NULL };
  DavParse parse = { 0 };
  const char *data;
  gsize size;
  gboolean ok;

  *not_dav = FALSE;
  g_hash_table_insert (headers, (char *) "Depth", (char *) "1");
  if (!send (self, "PROPFIND", url, headers, body, "application/xml", TRUE, &response,
             cancellable, error))
    return FALSE;
  if (!check_status (self, &response, folder[0] ? folder : _("the store"), error))
    return FALSE;
  if (response.status != 207)
    {
      *not_dav = TRUE;
      return TRUE;
    }
  if (response.too_large || response.body == NULL)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s: the WebDAV listing is over the size limit"), url);
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_PATH, NULL);
  base_path = g_uri_unescape_string (g_uri_get_path (self->base), NULL);
  parse.self = self;
  parse.base_path = base_path;
  parse.text = g_string_new (NULL);
  parse.folders = subfolders;
  parse.files = self->remote;
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &parse, NULL);
  data = g_bytes_get_data (response.body, &size);
  ok = g_markup_parse_context_parse (context, data, (gssize) size, &parse_error) &&
       g_markup_parse_context_end_parse (context, &parse_error);
  g_string_free (parse.text, TRUE);
  g_free (parse.href);
  g_free (parse.etag);
  if (!ok || parse.n_responses == 0)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s: the WebDAV listing cannot be read: %s"), url,
                   parse_error != NULL ? parse_error->message : _("no entries"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
list_webdav (QuorumSync    *self,
             gboolean      *not_dav,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);
  gboolean sub_not_dav;

  if (!propfind (self, "", top, not_dav, cancellable, error) || *not_dav)
    return !*not_dav ? FALSE : TRUE;

  for (guint i = 0; i < top->len; i++)
    {
      const char *folder = g_ptr_array_index (top, i);

      if (g_str_equal (folder, "budgets") || g_str_equal (folder, "work-packages"))
        {
          if (!propfind (self, folder, ignored, &sub_not_dav, cancellable, error))
            return FALSE;
        }
      else if (g_str_equal (folder, "decisions"))
        {
          if (!propfind (self, folder, decisions, &sub_not_dav, cancellable, error))
            return FALSE;
        }
    }
  for (guint i = 0; i < decisions->len; i++)
    {
      const char *folder = g_ptr_array_index (decisions, i);
      const char *name = strchr (folder, '/') != NULL ? strchr (folder, '/') + 1 : "";

      if (g_str_has_prefix (folder, "decisions/") && quorum_id_is_valid (name) &&
          !propfind (self, folder, ignored, &sub_not_dav, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
list_index (QuorumSync    *self,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *url = g_strconcat (self->remote_url, "index.json", NULL);
  g_auto(Response) response = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  JsonObject *root;
  JsonArray *files;
  const char *data;
  gsize size;

  if (!send (self, "GET", url, NULL, NULL, NULL, TRUE, &response, cancellable, error) ||
      !check_status (self, &response, "index.json", error))
    return FALSE;
  if (response.status == 404)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s is not a Quorum store: it speaks neither WebDAV nor has an "
                     "index.json (a static host needs `quorum-cli publish-index`)"),
                   self->remote_url);
      return FALSE;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (response.status))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_SERVER,
                   _("%s: the server answered %u %s"), url, response.status,
                   status_phrase (response.status));
      return FALSE;
    }
  if (response.too_large)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s is over the size limit"), url);
      return FALSE;
    }

  data = g_bytes_get_data (response.body, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, &parse_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s is not valid JSON: %s"), url,
                   parse_error != NULL ? parse_error->message : _("not an object"));
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""),
                 "quorum.index/1") != 0 ||
      !json_object_has_member (root, "files") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "files")))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s: $.format is not “quorum.index/1”, or $.files is missing"), url);
      return FALSE;
    }
  files = json_object_get_array_member (root, "files");
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *path = entry ? json_object_get_string_member_with_default (entry, "path",
                                                                            NULL) : NULL;
      const char *sha256 = entry ? json_object_get_string_member_with_default (entry,
                                                                              "sha256", NULL)
                                 : NULL;
      RemoteFile *file;

      if (!quorum_store_path_is_valid (path) || sha256 == NULL || strlen (sha256) != 64)
        {
          g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                       _("%s: $.files[%u] is not a store file with its sha256"), url, i);
          return FALSE;
        }
      file = g_new0 (RemoteFile, 1);
      file->sha256 = g_ascii_strdown (sha256, -1);
      file->size = json_object_get_int_member_with_default (entry, "size", -1);
      g_hash_table_replace (self->remote, g_strdup (path), file);
    }
  return TRUE;
}

/* Local state ------------------------------------------------------------------ */

static char *
state_path (const char *store_path)
{
  return quorum_store_layout_sync_state (store_path);
}

static JsonObject *
load_state (QuorumSync *self)
{
  g_autofree char *path = state_path (self->store_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  if (!json_parser_load_from_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return json_object_new ();
  root = json_node_get_object (json_parser_get_root (parser));
  /* ETags of another remote mean nothing here. */
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "remote", ""),
                 self->remote_url) != 0 ||
      !json_object_has_member (root, "files") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "files")))
    return json_object_new ();
  return json_object_ref (json_object_get_object_member (root, "files"));
}

static const char *
state_get (QuorumSync *self,
           const char *relpath,
           const char *member)
{
  JsonNode *node = json_object_get_member (self->state, relpath);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_string_member_with_default (json_node_get_object (node), member,
                                                     NULL);
}

static void
state_set (QuorumSync *self,
           const char *relpath,
           const char *etag,
           const char *sha256)
{
  JsonObject *entry = json_object_new ();

  if (etag != NULL)
    json_object_set_string_member (entry, "etag", etag);
  if (sha256 != NULL)
    json_object_set_string_member (entry, "sha256", sha256);
  json_object_set_object_member (self->state, relpath, entry);
}

static gboolean
save_state (QuorumSync  *self,
            gboolean     complete,
            GError     **error)
{
  g_autofree char *previous = quorum_sync_dup_last_sync (self->store_path);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *path = state_path (self->store_path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;

  json_object_set_string_member (object, "format", "quorum.sync-state/1");
  json_object_set_string_member (object, "remote", self->remote_url);
  /* The last complete sync: a sync with failures keeps the previous one. */
  if (complete)
    json_object_set_string_member (object, "last_sync", stamp);
  else if (previous != NULL)
    json_object_set_string_member (object, "last_sync", previous);
  json_object_set_object_member (object, "files", json_object_ref (self->state));
  json_node_take_object (root, object);
  text = quorum_json_node_to_string (root);
  data = g_strconcat (text, "\n", NULL);
  return _quorum_folder_make (folder, error) &&
         _quorum_file_replace (path, data, strlen (data), error);
}

/**
 * quorum_sync_dup_last_sync:
 *
 * Returns: (transfer full) (nullable): when the store last synced
 *   completely (RFC 3339, UTC), or %NULL if never
 */
char *
quorum_sync_dup_last_sync (const char *store_path)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_return_val_if_fail (store_path != NULL, NULL);

  path = state_path (store_path);
  if (!json_parser_load_from_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member_with_default (root, "last_sync", NULL));
}

static char *
sha256_of_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* Pull ------------------------------------------------------------------------- */

static gboolean
stage (QuorumSync  *self,
       Staged      *staged,
       GBytes      *body,
       GError     **error)
{
  g_autofree char *target = quorum_store_layout_staging (self->store_path, staged->relpath);
  g_autofree char *folder = g_path_get_dirname (target);
  const char *data;
  gsize size;

  data = g_bytes_get_data (body, &size);
  if (!_quorum_folder_make (folder, error) ||
      !_quorum_file_replace (target, data, size, error))
    return FALSE;
  staged->staged = g_steal_pointer (&target);
  return TRUE;
}

/* Fetches one file if it changed; adds it to @staged when it must be
 * written locally. A fatal error (credentials, redirect, transport) stops
 * the sync; a bad file is an item and the sync goes on. */
static gboolean
pull_file (QuorumSync    *self,
           const char    *relpath,
           RemoteFile    *remote,
           GPtrArray     *staged_files,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *local = g_build_filename (self->store_path, relpath, NULL);
  g_autofree char *local_sha = sha256_of_file (local);
  const char *known_etag = state_get (self, relpath, "etag");
  const char *known_sha = state_get (self, relpath, "sha256");
  gboolean is_decision = g_str_has_prefix (relpath, "decisions/");
  gboolean local_untouched = local_sha != NULL && g_strcmp0 (local_sha, known_sha) == 0;
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *url = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_auto(Response) response = { 0 };
  g_autoptr(Staged) staged = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;

  /* A decision made here and still to be sent is the push's business: it
   * reports it once, sent, already there, or in conflict. */
  if (is_decision && local_sha != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (relpath, "/", 3);
      g_autofree char *id = g_strndup (parts[2], strlen (parts[2]) - 5);
      g_autofree char *marker = quorum_store_layout_outbox (self->store_path, parts[1], id);

      if (g_file_test (marker, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  /* Unchanged without asking: the same checksum, or the same ETag as last
   * time while the local copy is what that sync wrote. */
  if ((remote->sha256 != NULL && g_strcmp0 (remote->sha256, local_sha) == 0) ||
      (remote->etag != NULL && local_untouched && g_strcmp0 (remote->etag, known_etag) == 0))
    {
      if (!self->dry_run)
        state_set (self, relpath, remote->etag != NULL ? remote->etag : known_etag, local_sha);
      add_item (self, relpath, QUORUM_SYNC_UNCHANGED, 0, NULL);
      return TRUE;
    }
  if (self->dry_run)
    {
      add_item (self, relpath,
                is_decision && local_sha != NULL ? QUORUM_SYNC_CONFLICT
                                                 : QUORUM_SYNC_WOULD_FETCH,
                0, NULL);
      return TRUE;
    }

  url = url_for (self, relpath);
  if (local_untouched && known_etag != NULL)
    g_hash_table_insert (headers, (char *) "If-None-Match", (char *) known_etag);
  if (!send (self, "GET", url, headers, NULL, NULL, TRUE, &response, cancellable,
             &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (local_error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CERTIFICATE) ||
          g_error_matches (local_error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_OFFLINE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      add_item (self, relpath, QUORUM_SYNC_FAILED, 0, local_error->message);
      return TRUE;
    }
  if (!check_status (self, &response, relpath, error))
    return FALSE;
  if (response.status == 304)
    {
      state_set (self, relpath, response.etag != NULL ? response.etag : known_etag, local_sha);
      add_item (self, relpath, QUORUM_SYNC_UNCHANGED, 0, NULL);
      return TRUE;
    }
  if (response.status == 404)
    {
      add_item (self, relpath, QUORUM_SYNC_FAILED, 0,
                _("listed by the server but not found when fetched (HTTP 404)"));
      return TRUE;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (response.status))
    {
      g_autofree char *message = g_strdup_printf (_("the server answered %u %s"),
                                                  response.status,
                                                  status_phrase (response.status));

      add_item (self, relpath, QUORUM_SYNC_FAILED, 0, message);
      return TRUE;
    }
  if (response.too_large)
    {
      g_autofree char *message =
        g_strdup_printf (_("over the size limit of %" G_GSIZE_FORMAT " bytes; the local "
                           "copy was kept"), self->max_file_size);

      add_item (self, relpath, QUORUM_SYNC_REFUSED, 0, message);
      return TRUE;
    }

  data = g_bytes_get_data (response.body, &size);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
  if (remote->sha256 != NULL && !g_str_equal (sha, remote->sha256))
    {
      add_item (self, relpath, QUORUM_SYNC_REFUSED, size,
                _("the file does not match the checksum in index.json (changed while "
                  "syncing, or damaged on the way); the local copy was kept"));
      return TRUE;
    }
  if (g_strcmp0 (sha, local_sha) == 0)
    {
      state_set (self, relpath, response.etag, sha);
      add_item (self, relpath, QUORUM_SYNC_UNCHANGED, size, NULL);
      return TRUE;
    }
  if (is_decision && local_sha != NULL)
    {
      add_item (self, relpath, QUORUM_SYNC_CONFLICT, size,
                _("the remote holds a different decision of the same name; decisions are "
                  "never replaced, so neither was changed"));
      return TRUE;
    }

  problems = g_ptr_array_new_with_free_func (g_object_unref);
  if (!quorum_store_validate_data (relpath, local, data, size, problems))
    {
      g_autofree char *first = problems->len > 0
                                 ? quorum_problem_to_string (g_ptr_array_index (problems, 0))
                                 : g_strdup (_("not a valid store file"));
      g_autofree char *message = g_strdup_printf (_("the remote file is invalid, so the local "
                                                    "copy was kept: %s"), first);

      add_item (self, relpath, QUORUM_SYNC_REFUSED, size, message);
      return TRUE;
    }

  staged = g_new0 (Staged, 1);
  staged->relpath = g_strdup (relpath);
  staged->etag = g_strdup (response.etag);
  staged->sha256 = g_steal_pointer (&sha);
  staged->is_decision = is_decision;
  staged->bytes = size;
  if (!stage (self, staged, response.body, &local_error))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_LOCAL, "%s",
                   local_error->message);
      return FALSE;
    }
  g_ptr_array_add (staged_files, g_steal_pointer (&staged));
  return TRUE;
}

/* Writes the staged files into the store, under the lock, with backups. */
static gboolean
apply (QuorumSync    *self,
       GPtrArray     *staged_files,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_autoptr(QuorumBackup) backup = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = NULL;

  if (staged_files->len == 0)
    return TRUE;

  lock = quorum_store_lock_acquire (self->store_path, LOCK_WAIT_MS, cancellable, &local_error);
  if (lock == NULL)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_LOCAL, "%s",
                   local_error->message);
      return FALSE;
    }
  reason = g_strdup_printf (_("sync with %s"), self->remote_url);
  backup = quorum_backup_begin (self->store_path, reason, &local_error);
  if (backup == NULL)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_LOCAL, "%s",
                   local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < staged_files->len; i++)
    {
      Staged *staged = g_ptr_array_index (staged_files, i);
      g_autofree char *target = g_build_filename (self->store_path, staged->relpath, NULL);
      g_autofree char *folder = g_path_get_dirname (target);
      gboolean written;

      /* Past this point a cancel would leave the sync half-applied for no
       * gain: every file is already here and valid; finish. */
      if (!_quorum_folder_make (folder, &local_error))
        break;
      if (staged->is_decision)
        {
          /* Create-only, as for decisions made here. */
          written = link (staged->staged, target) == 0 || errno == EEXIST;
          if (!written)
            g_set_error (&local_error, QUORUM_ERROR, QUORUM_ERROR_IO, "%s: %s", target,
                         g_strerror (errno));
          else
            written = _quorum_folder_sync (folder, &local_error);
        }
      else
        {
          written = quorum_backup_keep (backup, staged->relpath, &local_error) &&
                    g_rename (staged->staged, target) == 0;
          if (written)
            {
              g_clear_pointer (&staged->staged, g_free);
              written = _quorum_folder_sync (folder, &local_error);
            }
          else if (local_error == NULL)
            g_set_error (&local_error, QUORUM_ERROR, QUORUM_ERROR_IO, "%s: %s", target,
                         g_strerror (errno));
        }
      if (!written)
        break;
      state_set (self, staged->relpath, staged->etag, staged->sha256);
      add_item (self, staged->relpath, QUORUM_SYNC_FETCHED, staged->bytes, NULL);
    }

  if (!quorum_backup_finish (backup, self->backups_kept, local_error ? NULL : &local_error) ||
      local_error != NULL)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_LOCAL,
                   _("The store could not be written: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Push ------------------------------------------------------------------------- */

static gboolean
make_folders (QuorumSync    *self,
              const char    *package_id,
              GCancellable  *cancellable,
              GError       **error)
{
  const char *folders[] = { "decisions/", NULL, NULL };
  g_autofree char *sub = g_strconcat ("decisions/", package_id, "/", NULL);

  folders[1] = sub;
  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autofree char *url = g_strconcat (self->remote_url, folders[i], NULL);
      g_auto(Response) response = { 0 };

      if (!send (self, "MKCOL", url, NULL, NULL, NULL, FALSE, &response, cancellable, error) ||
          !check_status (self, &response, folders[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
push_decision (QuorumSync    *self,
               const char    *package_id,
               const char    *decision_id,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *relpath = g_strdup_printf ("decisions/%s/%s.json", package_id, decision_id);
  g_autofree char *local = g_build_filename (self->store_path, relpath, NULL);
  g_autofree char *marker_file = quorum_store_layout_outbox (self->store_path, package_id,
                                                             decision_id);
  g_autofree char *url = NULL;
  g_autofree char *data = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!g_file_get_contents (local, &data, &length, NULL))
    return TRUE;   /* a marker whose write was cut short: nothing to send */
  if (self->dry_run)
    {
      add_item (self, relpath, QUORUM_SYNC_WOULD_SEND, length, NULL);
      return TRUE;
    }

  url = url_for (self, relpath);
  body = g_bytes_new_take (g_steal_pointer (&data), length);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  g_hash_table_insert (headers, (char *) "If-None-Match", (char *) "*");

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_auto(Response) response = { 0 };

      if (!send (self, "PUT", url, headers, body, "application/json", FALSE, &response,
                 cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
              local_error->domain == QUORUM_SYNC_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          add_item (self, relpath, QUORUM_SYNC_FAILED, 0, local_error->message);
          return TRUE;
        }
      if (!check_status (self, &response, relpath, error))
        return FALSE;

      if (SOUP_STATUS_IS_SUCCESSFUL (response.status))
        {
          g_autoptr(QuorumStoreLock) lock = NULL;

          lock = quorum_store_lock_acquire (self->store_path, LOCK_WAIT_MS, cancellable, NULL);
          g_unlink (marker_file);
          state_set (self, relpath, response.etag, sha);
          add_item (self, relpath, QUORUM_SYNC_SENT, length, NULL);
          return TRUE;
        }
      if (response.status == 409 && attempt == 0)
        {
          /* The folder for this package does not exist on the remote yet. */
          if (!make_folders (self, package_id, cancellable, error))
            return FALSE;
          continue;
        }
      if (response.status == 412)
        {
          g_auto(Response) existing = { 0 };
          g_autofree char *remote_sha = NULL;

          if (!send (self, "GET", url, NULL, NULL, NULL, TRUE, &existing, cancellable, error) ||
              !check_status (self, &existing, relpath, error))
            return FALSE;
          if (existing.body != NULL)
            remote_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, existing.body);
          if (g_strcmp0 (remote_sha, sha) == 0)
            {
              g_unlink (marker_file);
              state_set (self, relpath, existing.etag, sha);
              add_item (self, relpath, QUORUM_SYNC_ALREADY_SENT, 0, NULL);
            }
          else
            add_item (self, relpath, QUORUM_SYNC_CONFLICT, 0,
                      _("the remote already holds a different decision of this name; yours "
                        "was kept and not sent"));
          return TRUE;
        }
      if (response.status == 405 || response.status == 501 || response.status == 403)
        {
          add_item (self, relpath, QUORUM_SYNC_FAILED, 0,
                    _("the remote does not accept decisions (it is read-only, e.g. a static "
                      "host); it stays awaiting sync"));
          return TRUE;
        }
      {
        g_autofree char *message = g_strdup_printf (_("the server answered %u %s"),
                                                    response.status,
                                                    status_phrase (response.status));

        add_item (self, relpath, QUORUM_SYNC_FAILED, 0, message);
        return TRUE;
      }
    }
  return TRUE;
}

static GPtrArray *
list_outbox (QuorumSync *self)
{
  g_autofree char *outbox = quorum_store_layout_outbox (self->store_path, NULL, NULL);
  g_autoptr(GDir) dir = g_dir_open (outbox, 0, NULL);
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  const char *package;

  while (dir != NULL && (package = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *sub = g_build_filename (outbox, package, NULL);
      g_autoptr(GDir) inner = NULL;
      const char *name;

      if (!quorum_id_is_valid (package) || (inner = g_dir_open (sub, 0, NULL)) == NULL)
        continue;
      while ((name = g_dir_read_name (inner)) != NULL)
        {
          g_autofree char *id = g_str_has_suffix (name, ".json")
                                  ? g_strndup (name, strlen (name) - 5) : NULL;

          if (id != NULL && quorum_id_is_valid (id))
            g_ptr_array_add (pairs, g_strconcat (package, "/", id, NULL));
        }
    }
  g_ptr_array_sort (pairs, (GCompareFunc) g_strcmp0);
  return pairs;
}

/* The run ---------------------------------------------------------------------- */

static void
collect_local (const char *store_path,
               const char *relfolder,
               GPtrArray  *out)
{
  g_autofree char *folder = g_build_filename (store_path, relfolder, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *relpath = relfolder[0] ? g_strconcat (relfolder, "/", name, NULL)
                                              : g_strdup (name);
      g_autofree char *full = g_build_filename (store_path, relpath, NULL);

      if (name[0] == '.')
        continue;
      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        collect_local (store_path, relpath, out);
      else if (quorum_store_path_is_valid (relpath))
        g_ptr_array_add (out, g_steal_pointer (&relpath));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
run (QuorumSync    *self,
     GMainContext  *context,
     GCancellable  *cancellable,
     GError       **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) staged = g_ptr_array_new_with_free_func ((GDestroyNotify) staged_free);
  g_autoptr(GPtrArray) local = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) outbox = NULL;
  g_autofree char *staging = NULL;
  GHashTableIter iter;
  gpointer key;
  gboolean not_dav = FALSE;
  guint done = 0, total, failures = 0;

  self->session = soup_session_new_with_options ("timeout", self->read_timeout,
                                                 "idle-timeout", self->read_timeout,
                                                 "user-agent", "Quorum/" QUORUM_VERSION " ",
                                                 NULL);
  if (self->tls_database != NULL)
    soup_session_set_tls_database (self->session, self->tls_database);
  /* The connect timeout applies until the connection is up. */
  if (self->connect_timeout != self->read_timeout)
    g_object_set (self->session, "timeout", MAX (self->connect_timeout, self->read_timeout),
                  NULL);
  self->base = g_uri_parse (self->remote_url, G_URI_FLAGS_ENCODED_PATH, NULL);
  self->remote = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) remote_file_free);
  self->state = load_state (self);

  if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()) &&
      !host_is_loopback (g_uri_get_host (self->base)))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_OFFLINE,
                   _("Offline: there is no network, so %s cannot be reached; everything "
                     "keeps working and decisions wait to be sent"), self->remote_url);
      return FALSE;
    }

  /* 1. List. */
  report_progress (self, context, 0, 0);
  if (!list_webdav (self, &not_dav, cancellable, error))
    return FALSE;
  if (not_dav)
    {
      if (!list_index (self, cancellable, error))
        return FALSE;
      self->listing = g_strdup ("index.json");
    }
  else
    self->listing = g_strdup ("webdav");

  g_hash_table_iter_init (&iter, self->remote);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, g_strdup (key));
  g_ptr_array_sort (paths, compare_strings);
  outbox = list_outbox (self);
  total = paths->len + outbox->len;
  report_progress (self, context, 0, total);

  /* 2. Pull into staging. */
  staging = quorum_store_layout_staging (self->store_path, NULL);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *relpath = g_ptr_array_index (paths, i);

      if (!pull_file (self, relpath, g_hash_table_lookup (self->remote, relpath), staged,
                      cancellable, error))
        return FALSE;
      report_progress (self, context, ++done, total);
    }

  /* Files synced before that the remote no longer lists stay here. */
  collect_local (self->store_path, "", local);
  g_ptr_array_sort (local, compare_strings);
  for (guint i = 0; i < local->len; i++)
    {
      const char *relpath = g_ptr_array_index (local, i);

      if (!g_hash_table_contains (self->remote, relpath) &&
          json_object_has_member (self->state, relpath))
        {
          add_item (self, relpath, QUORUM_SYNC_REMOVED_REMOTELY, 0,
                    _("no longer on the remote; kept here until you remove it"));
          if (!self->dry_run)
            json_object_remove_member (self->state, relpath);
        }
    }

  /* 3. Apply. */
  if (!self->dry_run && !apply (self, staged, cancellable, error))
    return FALSE;

  /* 4. Push. */
  for (guint i = 0; i < outbox->len; i++)
    {
      const char *pair = g_ptr_array_index (outbox, i);
      g_autofree char *package = g_strndup (pair, strchr (pair, '/') - pair);

      if (!push_decision (self, package, strchr (pair, '/') + 1, cancellable, error))
        return FALSE;
      report_progress (self, context, ++done, total);
    }

  for (guint i = 0; i < self->pending_items->len; i++)
    if (quorum_sync_action_is_failure (
          quorum_sync_item_get_action (g_ptr_array_index (self->pending_items, i))))
      failures++;

  if (!self->dry_run)
    {
      g_autoptr(GError) local_error = NULL;

      if (!save_state (self, failures == 0, &local_error))
        {
          g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_LOCAL,
                       _("The sync record could not be written: %s"), local_error->message);
          return FALSE;
        }
    }
  if (failures > 0)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES,
                   g_dngettext (GETTEXT_PACKAGE, "%u file could not be synced",
                                "%u files could not be synced", failures), failures);
      return FALSE;
    }
  return TRUE;
}

static void
run_prepare (QuorumSync *self)
{
  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_pointer (&self->remote, g_hash_table_unref);
  g_clear_pointer (&self->state, json_object_unref);
  g_clear_pointer (&self->listing, g_free);
  g_clear_pointer (&self->pending_items, g_ptr_array_unref);
  self->pending_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->n_requests = 0;
  self->bytes_received = 0;
  self->bytes_sent = 0;
  g_list_store_remove_all (self->items);
  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
run_publish (QuorumSync *self)
{
  drop_progress (self);
  g_list_store_splice (self->items, 0, 0, self->pending_items->pdata,
                       self->pending_items->len);
  g_clear_object (&self->session);
  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/**
 * quorum_sync_run:
 *
 * Syncs, blocking; quorum-cli uses it. The items say what happened to
 * each file.
 *
 * Returns: %TRUE if everything synced; else %FALSE with a
 *   %QUORUM_SYNC_ERROR (or %G_IO_ERROR_CANCELLED)
 */
gboolean
quorum_sync_run (QuorumSync    *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_SYNC (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  run_prepare (self);
  ok = run (self, NULL, cancellable, error);
  run_publish (self);
  return ok;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  QuorumSync *self = source_object;
  GError *error = NULL;

  if (run (self, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * quorum_sync_run_async:
 *
 * Syncs on a worker thread, emitting #QuorumSync::progress on the calling
 * thread's main context. Cancel with @cancellable at any point.
 */
void
quorum_sync_run_async (QuorumSync          *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (QUORUM_IS_SYNC (self));
  g_return_if_fail (!self->running);

  run_prepare (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_sync_run_async);
  g_task_set_task_data (task, g_main_context_ref_thread_default (),
                        (GDestroyNotify) g_main_context_unref);
  g_task_run_in_thread (task, run_thread);
}

gboolean
quorum_sync_run_finish (QuorumSync    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (QUORUM_IS_SYNC (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (self->running)
    run_publish (self);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * quorum_sync_get_items:
 *
 * Returns: (transfer none): a list of #QuorumSyncItem: what the last run
 *   did with each file, filled when it finishes
 */
GListModel *
quorum_sync_get_items (QuorumSync *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
quorum_sync_get_n_requests (QuorumSync *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC (self), 0);
  return self->n_requests;
}

guint64
quorum_sync_get_bytes_received (QuorumSync *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC (self), 0);
  return self->bytes_received;
}

guint64
quorum_sync_get_bytes_sent (QuorumSync *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC (self), 0);
  return self->bytes_sent;
}

/**
 * quorum_sync_get_listing:
 *
 * Returns: (nullable): how the last run listed the remote: `webdav` or
 *   `index.json`
 */
const char *
quorum_sync_get_listing (QuorumSync *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC (self), NULL);
  return self->listing;
}

/* publish-index ---------------------------------------------------------------- */

static gboolean
is_red (const char *contents,
        gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;

  if (!json_parser_load_from_data (parser, contents, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  return g_strcmp0 (json_object_get_string_member_with_default (root, "classification", ""),
                    "red") == 0;
}

/**
 * quorum_sync_write_index:
 *
 * Writes STORE/index.json (`quorum.index/1`: every store file's path, size
 * and SHA-256), for a remote that is a static web host. Files classified
 * `red` are not listed: they are never published to such a host.
 */
gboolean
quorum_sync_write_index (const char  *store_path,
                         GError     **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  g_autofree char *target = NULL;
  g_autoptr(QuorumStoreLock) lock = NULL;

  g_return_val_if_fail (store_path != NULL, FALSE);

  if (!g_file_test (store_path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("%s: the store folder does not exist or is not a folder"), store_path);
      return FALSE;
    }
  collect_local (store_path, "", paths);
  g_ptr_array_sort (paths, compare_strings);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "quorum.index/1");
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *relpath = g_ptr_array_index (paths, i);
      g_autofree char *full = g_build_filename (store_path, relpath, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sha = NULL;
      gsize length;

      if (!g_file_get_contents (full, &contents, &length, error))
        return FALSE;
      if (is_red (contents, length))
        continue;
      sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, relpath);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) length);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, sha);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = quorum_json_node_to_string (root);
  data = g_strconcat (text, "\n", NULL);
  target = g_build_filename (store_path, "index.json", NULL);
  lock = quorum_store_lock_acquire (store_path, LOCK_WAIT_MS, NULL, error);
  return lock != NULL && _quorum_file_replace (target, data, strlen (data), error);
}
