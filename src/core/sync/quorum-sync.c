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
 * Each step lives in a file of its own around quorum-sync-private.h (see
 * there); this one holds the class and the run.
 *
 * Every request runs on a worker thread with libsoup's synchronous API,
 * with a timeout, bounded retries with backoff for transient failures, a
 * size limit on bodies, and the caller's GCancellable. Redirects are never
 * followed, so credentials only ever go to the server named. A sync cut
 * short anywhere leaves each local file as it was or completely new.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-private.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "quorum-backup.h"
#include "quorum-load-context.h"
#include "quorum-store.h"
#include "quorum-store-layout.h"
#include "quorum-sync-fate.h"

#define DEFAULT_TIMEOUT_SECONDS 30
#define DEFAULT_RETRIES         3
#define DEFAULT_BACKOFF_MS      500

G_DEFINE_QUARK (quorum-sync-error-quark, quorum_sync_error)

G_DEFINE_FINAL_TYPE (QuorumSync, quorum_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE_PATH,
  PROP_REMOTE_URL,
  PROP_DRY_RUN,
  PROP_RUNNING,
  PROP_FILE_TIMEOUT,
  PROP_MIN_RATE,
  PROP_SYNC_TIMEOUT,
  PROP_MAX_LISTED_FILES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  g_clear_pointer (&self->listed_before, json_object_unref);
  g_clear_pointer (&self->listed_now, json_object_unref);
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
    case PROP_FILE_TIMEOUT: g_value_set_uint (value, self->file_timeout); break;
    case PROP_MIN_RATE: g_value_set_uint (value, self->min_rate); break;
    case PROP_SYNC_TIMEOUT: g_value_set_uint (value, self->sync_timeout); break;
    case PROP_MAX_LISTED_FILES: g_value_set_uint (value, self->max_listed_files); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_sync_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  QuorumSync *self = QUORUM_SYNC (object);

  g_return_if_fail (!self->running);
  switch (prop_id)
    {
    case PROP_FILE_TIMEOUT: self->file_timeout = g_value_get_uint (value); break;
    case PROP_MIN_RATE: self->min_rate = g_value_get_uint (value); break;
    case PROP_SYNC_TIMEOUT: self->sync_timeout = g_value_get_uint (value); break;
    case PROP_MAX_LISTED_FILES: self->max_listed_files = g_value_get_uint (value); break;
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
  object_class->set_property = quorum_sync_set_property;

  properties[PROP_STORE_PATH] = g_param_spec_string ("store-path", NULL, NULL, NULL, flags);
  properties[PROP_REMOTE_URL] = g_param_spec_string ("remote-url", NULL, NULL, NULL, flags);
  properties[PROP_DRY_RUN] =
    g_param_spec_boolean ("dry-run", NULL, NULL, FALSE, flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, flags | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * QuorumSync:file-timeout:
   *
   * One file's deadline is this many seconds plus its size at
   * #QuorumSync:min-rate: a server that sends a file slower than that is
   * given up on (the file fails; the sync goes on).
   */
  properties[PROP_FILE_TIMEOUT] =
    g_param_spec_uint ("file-timeout", NULL, NULL, 1, 24 * 3600, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /**
   * QuorumSync:min-rate:
   *
   * The slowest transfer accepted, in bytes per second (see
   * #QuorumSync:file-timeout).
   */
  properties[PROP_MIN_RATE] =
    g_param_spec_uint ("min-rate", NULL, NULL, 1, G_MAXUINT, QUORUM_SYNC_DEFAULT_MIN_RATE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /**
   * QuorumSync:sync-timeout:
   *
   * The whole sync's deadline, in seconds: past it the sync stops with
   * %QUORUM_SYNC_ERROR_DEADLINE, and nothing is applied.
   */
  properties[PROP_SYNC_TIMEOUT] =
    g_param_spec_uint ("sync-timeout", NULL, NULL, 1, 7 * 24 * 3600,
                       QUORUM_SYNC_DEFAULT_SYNC_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /**
   * QuorumSync:max-listed-files:
   *
   * A remote listing naming more files than this is refused.
   */
  properties[PROP_MAX_LISTED_FILES] =
    g_param_spec_uint ("max-listed-files", NULL, NULL, 1, G_MAXUINT,
                       QUORUM_SYNC_DEFAULT_MAX_LISTED_FILES,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
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
  self->file_timeout = DEFAULT_TIMEOUT_SECONDS;
  self->min_rate = QUORUM_SYNC_DEFAULT_MIN_RATE;
  self->sync_timeout = QUORUM_SYNC_DEFAULT_SYNC_TIMEOUT;
  self->max_listed_files = QUORUM_SYNC_DEFAULT_MAX_LISTED_FILES;
  self->max_failures_in_row = QUORUM_SYNC_DEFAULT_MAX_FAILURES;
  self->expected_size = -1;
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
 *   CAs; %NULL for the system's. A relative name is the current folder's.
 */
gboolean
quorum_sync_set_ca_file (QuorumSync  *self,
                         const char  *ca_file,
                         GError     **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (QUORUM_IS_SYNC (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  if (ca_file != NULL)
    {
      /* GTlsFileDatabase wants an absolute name (else a warning, and no
       * database: every certificate would then read as untrusted). */
      ca_file = absolute = g_canonicalize_filename (ca_file, NULL);
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

void
_quorum_sync_add_item (QuorumSync       *self,
                       const char       *relpath,
                       QuorumSyncAction  action,
                       guint64           bytes,
                       const char       *message)
{
  g_ptr_array_add (self->pending_items, quorum_sync_item_new (relpath, action, bytes, message));
  if (action == QUORUM_SYNC_FAILED)
    self->failures_in_row++;
  else
    self->failures_in_row = 0;
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

/* The session for one run: timeouts, the CA to trust, no redirects. */
static void
open_session (QuorumSync *self)
{
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
                                        (GDestroyNotify) _quorum_sync_remote_file_free);
  _quorum_sync_state_load (self);
}

/* 1. List the remote: WebDAV, else index.json. Returns the listed paths,
 * sorted. */
static GPtrArray *
list_remote (QuorumSync    *self,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gboolean not_dav = FALSE;
  GHashTableIter iter;
  gpointer key;

  /* A remote listed by its index.json last time is asked for that first:
   * an idle sync is then one conditional GET. */
  if (json_object_has_member (self->listed_before, "index"))
    {
      g_autoptr(GError) index_error = NULL;

      if (_quorum_sync_list_index (self, cancellable, &index_error))
        self->listing = g_strdup ("index.json");
      else if (!g_error_matches (index_error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL))
        {
          g_propagate_error (error, g_steal_pointer (&index_error));
          return NULL;
        }
      else
        g_hash_table_remove_all (self->remote);   /* then as if for the first time */
    }
  if (self->listing == NULL)
    {
      if (!_quorum_sync_list_webdav (self, &not_dav, cancellable, error))
        return NULL;
      if (not_dav && !_quorum_sync_list_index (self, cancellable, error))
        return NULL;
      self->listing = g_strdup (not_dav ? "index.json" : "webdav");
    }

  g_hash_table_iter_init (&iter, self->remote);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, g_strdup (key));
  g_ptr_array_sort (paths, _quorum_sync_compare_strings);
  return g_steal_pointer (&paths);
}

/* Files synced before that the remote no longer lists stay here. */
static void
report_removed (QuorumSync *self)
{
  g_autoptr(GPtrArray) local = g_ptr_array_new_with_free_func (g_free);

  _quorum_sync_collect_local (self->store_path, "", local, NULL);
  g_ptr_array_sort (local, _quorum_sync_compare_strings);
  for (guint i = 0; i < local->len; i++)
    {
      const char *relpath = g_ptr_array_index (local, i);
      QuorumSyncFacts facts = {
        .local_present = TRUE,
        .synced = json_object_has_member (self->state, relpath),
        .listed = g_hash_table_contains (self->remote, relpath),
        .remote_size = -1,
        .is_decision = g_str_has_prefix (relpath, "decisions/"),
        .dry_run = self->dry_run,
      };

      if (facts.listed || quorum_sync_decide_fate (&facts) != QUORUM_SYNC_FATE_REMOVED_REMOTELY)
        continue;
      _quorum_sync_add_item (self, relpath, QUORUM_SYNC_REMOVED_REMOTELY, 0,
                             _("no longer on the remote; kept here until you remove it"));
      if (!self->dry_run)
        json_object_remove_member (self->state, relpath);
    }
}

/* The end of a run: the record, and whether every file synced. */
static gboolean
finish (QuorumSync  *self,
        GError     **error)
{
  guint failures = 0;

  for (guint i = 0; i < self->pending_items->len; i++)
    if (quorum_sync_action_is_failure (
          quorum_sync_item_get_action (g_ptr_array_index (self->pending_items, i))))
      failures++;

  if (!self->dry_run)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_quorum_sync_state_save (self, failures == 0, &local_error))
        {
          g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_LOCAL,
                       _("The sync record could not be written: %s"), local_error->message);
          return FALSE;
        }
    }
  if (self->n_not_tried > 0)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The sync stopped after %u files in a row failed: %u file "
                                "was not tried",
                                "The sync stopped after %u files in a row failed: %u files "
                                "were not tried", self->n_not_tried),
                   self->max_failures_in_row, self->n_not_tried);
      return FALSE;
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

static gboolean
run (QuorumSync    *self,
     GMainContext  *context,
     GCancellable  *cancellable,
     GError       **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) staged = g_ptr_array_new_with_free_func (
                                  (GDestroyNotify) _quorum_sync_staged_free);
  g_autoptr(GPtrArray) outbox = NULL;
  guint done = 0, total;

  open_session (self);
  if (!self->dry_run)
    _quorum_sync_sweep_staging (self);
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
  paths = list_remote (self, cancellable, error);
  if (paths == NULL)
    return FALSE;
  outbox = _quorum_sync_list_outbox (self);
  total = paths->len + outbox->len;
  report_progress (self, context, 0, total);

  /* 2. Pull into staging; a server failing file after file is given up
   * on rather than asked for every file it lists. */
  for (guint i = 0; i < paths->len; i++)
    {
      const char *relpath = g_ptr_array_index (paths, i);

      if (self->failures_in_row >= self->max_failures_in_row)
        {
          self->n_not_tried = paths->len - i;
          break;
        }

      if (!_quorum_sync_pull_file (self, relpath, g_hash_table_lookup (self->remote, relpath),
                                   staged, cancellable, error))
        return FALSE;
      report_progress (self, context, ++done, total);
    }
  report_removed (self);

  /* 3. Apply. */
  if (!self->dry_run && !_quorum_sync_apply (self, staged, cancellable, error))
    return FALSE;

  /* 4. Push. */
  for (guint i = 0; i < outbox->len; i++)
    {
      const char *pair = g_ptr_array_index (outbox, i);
      g_autofree char *package = g_strndup (pair, strchr (pair, '/') - pair);

      if (!_quorum_sync_push_decision (self, package, strchr (pair, '/') + 1, cancellable,
                                       error))
        return FALSE;
      report_progress (self, context, ++done, total);
    }
  _quorum_sync_review_decisions (self);
  return finish (self, error);
}

static void
run_prepare (QuorumSync *self)
{
  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_pointer (&self->remote, g_hash_table_unref);
  g_clear_pointer (&self->state, json_object_unref);
  g_clear_pointer (&self->listed_before, json_object_unref);
  g_clear_pointer (&self->listed_now, json_object_unref);
  g_clear_pointer (&self->listing, g_free);
  g_clear_pointer (&self->pending_items, g_ptr_array_unref);
  self->pending_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->n_requests = 0;
  self->failures_in_row = 0;
  self->n_not_tried = 0;
  self->remote_has_decisions = FALSE;
  self->expected_size = -1;
  self->sync_deadline = g_get_monotonic_time () + (gint64) self->sync_timeout * G_USEC_PER_SEC;
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
