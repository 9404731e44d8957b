/* test-sync-faults.c: sync against an in-process server that misbehaves
 *
 * A SoupServer on 127.0.0.1 serves a remote store like a static host
 * (index.json, ETags, conditional GETs; PROPFIND is not supported) and
 * injects one fault at a time: 500s, 401, an answer slower than the
 * timeout, a truncated body, invalid JSON, no ETag, a file over the size
 * limit, a redirect to another host, and a cancel in the middle. After
 * every failure the local store must be byte for byte what it was, and
 * the error must say what happened. The real servers (Apache httpd with
 * WebDAV, nginx) are in tests/core/sync/ too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-util.h"
#include "sync-test-items.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

typedef enum
{
  FAULT_NONE,
  FAULT_500,
  FAULT_500_ONCE,
  FAULT_401,
  FAULT_SLOW,
  FAULT_TRUNCATED,
  FAULT_INVALID_JSON,
  FAULT_NO_ETAG,
  FAULT_TOO_LARGE,
  FAULT_REDIRECT,
  FAULT_HANG_AFTER_LISTING,
} Fault;

typedef struct
{
  SoupServer *server;
  char *root;            /* the remote store's files */
  char *url;
  Fault fault;
  const char *fault_path;  /* the file the fault applies to, or NULL for all */
  guint n_requests;
  guint n_bodies;        /* 200s with a body */
  guint n_500;
  GPtrArray *puts;       /* paths PUT */
  SoupServer *other;     /* "another host", for the redirect */
  char *other_url;
  guint other_requests;
} Remote;

static GPtrArray *made;

static char *
make_tmp (const char *template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_ptr_array_add (made, g_strdup (dir));
  return dir;
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_mkdir_with_parents (to, 0755);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *a = g_build_filename (from, name, NULL);
      g_autofree char *b = g_build_filename (to, name, NULL);

      if (g_file_test (a, G_FILE_TEST_IS_DIR))
        copy_tree (a, b);
      else
        {
          g_autofree char *data = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (a, &data, &length, NULL));
          g_assert_true (g_file_set_contents (b, data, (gssize) length, NULL));
        }
    }
}

/* path → sha256 of every file under @dir, the store's own state included. */
static void
checksums_into (const char *root,
                const char *rel,
                GHashTable *out)
{
  g_autofree char *folder = g_build_filename (root, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = rel[0] ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        checksums_into (root, child, out);
      else
        {
          g_autofree char *data = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (full, &data, &length, NULL));
          g_hash_table_insert (out, g_steal_pointer (&child),
                               g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                            (const guchar *) data, length));
        }
    }
}

static GHashTable *
checksums (const char *root)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  checksums_into (root, "", out);
  return out;
}

/* The store's files (not its .quorum state, which a failed sync may touch
 * only by a lock file) are exactly as before. */
static void
assert_same_store (GHashTable *before,
                   GHashTable *after)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_str_has_prefix (key, ".quorum/"))
      {
        if (g_strcmp0 (g_hash_table_lookup (after, key), value) != 0)
          g_error ("%s changed", (char *) key);
      }
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_str_has_prefix (key, ".quorum/") && !g_hash_table_contains (before, key))
      g_error ("%s appeared", (char *) key);
}

static void
mark_gone (SoupServerMessage *message)
{
  g_object_set_data (G_OBJECT (message), "gone", GINT_TO_POINTER (TRUE));
}

static gboolean
unpause_later (gpointer user_data)
{
  g_autoptr(SoupServerMessage) message = user_data;

  /* The client gave up (timeout, cancel) and the connection is gone. */
  if (g_object_get_data (G_OBJECT (message), "gone"))
    return G_SOURCE_REMOVE;
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, "{}", 2);
  soup_server_message_unpause (message);
  return G_SOURCE_REMOVE;
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Remote *remote = user_data;
  const char *method = soup_server_message_get_method (message);
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  const char *relpath = path + strlen ("/store/");
  gboolean applies;
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;
  g_autofree char *etag = NULL;
  gsize length;

  remote->n_requests++;
  applies = remote->fault_path == NULL || g_str_equal (remote->fault_path, relpath);

  if (!g_str_has_prefix (path, "/store/"))
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }
  if (remote->fault == FAULT_401)
    {
      soup_server_message_set_status (message, 401, NULL);
      soup_message_headers_replace (headers, "WWW-Authenticate", "Basic realm=\"quorum\"");
      return;
    }
  if (g_str_equal (method, "PROPFIND"))
    {
      soup_server_message_set_status (message, 405, NULL);
      return;
    }
  if (g_str_equal (method, "PUT"))
    {
      g_ptr_array_add (remote->puts, g_strdup (relpath));
      soup_server_message_set_status (message, 201, NULL);
      return;
    }
  if (applies && (remote->fault == FAULT_500 ||
                  (remote->fault == FAULT_500_ONCE && remote->n_500 == 0)))
    {
      remote->n_500++;
      soup_server_message_set_status (message, 500, NULL);
      return;
    }
  if (applies && remote->fault == FAULT_REDIRECT)
    {
      g_autofree char *target = g_strconcat (remote->other_url, relpath, NULL);

      soup_server_message_set_redirect (message, 302, target);
      return;
    }
  if (applies && remote->fault == FAULT_SLOW && !g_str_equal (relpath, "index.json"))
    {
      /* Answer after the client's 1 s timeout. */
      g_signal_connect (message, "disconnected", G_CALLBACK (mark_gone), NULL);
      soup_server_message_pause (message);
      g_timeout_add_seconds (3, unpause_later, g_object_ref (message));
      return;
    }
  if (remote->fault == FAULT_HANG_AFTER_LISTING && !g_str_equal (relpath, "index.json"))
    {
      g_signal_connect (message, "disconnected", G_CALLBACK (mark_gone), NULL);
      soup_server_message_pause (message);
      g_timeout_add_seconds (5, unpause_later, g_object_ref (message));
      return;
    }

  file = g_build_filename (remote->root, relpath, NULL);
  if (!g_file_get_contents (file, &data, &length, NULL))
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }
  {
    g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                           (const guchar *) data, length);

    etag = g_strdup_printf ("\"%s\"", digest);
  }
  if (g_strcmp0 (soup_message_headers_get_one (request_headers, "If-None-Match"), etag) == 0)
    {
      soup_server_message_set_status (message, 304, NULL);
      return;
    }
  if (!(applies && remote->fault == FAULT_NO_ETAG))
    soup_message_headers_replace (headers, "ETag", etag);

  if (applies && remote->fault == FAULT_INVALID_JSON && !g_str_equal (relpath, "index.json"))
    {
      g_free (data);
      data = g_strdup ("{\"format\": \"quorum.budget/1\", \"id\": ");
      length = strlen (data);
    }
  if (applies && remote->fault == FAULT_TOO_LARGE && !g_str_equal (relpath, "index.json"))
    {
      g_free (data);
      length = 17 * 1024 * 1024;
      data = g_malloc0 (length);
      memset (data, ' ', length);
    }
  if (applies && remote->fault == FAULT_TRUNCATED && !g_str_equal (relpath, "index.json"))
    {
      /* Promise more than is sent; the connection closes mid-body. */
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CONTENT_LENGTH);
      soup_message_headers_set_content_length (headers, (goffset) length);
      soup_server_message_set_status (message, 200, NULL);
      soup_message_body_append (soup_server_message_get_response_body (message),
                                SOUP_MEMORY_COPY, data, length / 2);
      soup_message_body_complete (soup_server_message_get_response_body (message));
      soup_message_headers_replace (headers, "Connection", "close");
      remote->n_bodies++;
      return;
    }
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, data,
                                    length);
  remote->n_bodies++;
}

static void
handle_other (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Remote *remote = user_data;

  remote->other_requests++;
  soup_server_message_set_status (message, 200, NULL);
}

static char *
listen_loopback (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *text = NULL;

  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  text = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (text, "http://127.0.0.1:"));
  return g_strconcat (text, g_str_has_suffix (text, "/") ? "" : "/", "store/", NULL);
}

static Remote *
remote_new (void)
{
  Remote *remote = g_new0 (Remote, 1);
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autoptr(GError) error = NULL;

  remote->root = make_tmp ("quorum-remote-XXXXXX");
  copy_tree (sample, remote->root);
  g_assert_true (quorum_sync_write_index (remote->root, &error));
  g_assert_no_error (error);

  remote->puts = g_ptr_array_new_with_free_func (g_free);
  remote->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (remote->server, NULL, handle, remote, NULL);
  remote->url = listen_loopback (remote->server);
  remote->other = soup_server_new (NULL, NULL);
  soup_server_add_handler (remote->other, NULL, handle_other, remote, NULL);
  remote->other_url = listen_loopback (remote->other);
  return remote;
}

static void
remote_free (Remote *remote)
{
  soup_server_disconnect (remote->server);
  soup_server_disconnect (remote->other);
  g_object_unref (remote->server);
  g_object_unref (remote->other);
  g_ptr_array_unref (remote->puts);
  g_free (remote->root);
  g_free (remote->url);
  g_free (remote->other_url);
  g_free (remote);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Remote, remote_free)

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Result;

static void
ran (GObject      *object,
     GAsyncResult *result,
     gpointer      user_data)
{
  Result *out = user_data;

  out->ok = quorum_sync_run_finish (QUORUM_SYNC (object), result, &out->error);
  out->done = TRUE;
}

/* Runs a sync (the server answers on this thread's main context). */
static gboolean
sync_now (const char    *store,
          Remote        *remote,
          GCancellable  *cancellable,
          guint          cancel_after_requests,
          QuorumSync   **out_sync,
          GError       **error)
{
  g_autoptr(QuorumSync) sync = NULL;
  Result result = { 0 };

  sync = quorum_sync_new (store, remote->url, error);
  g_assert_nonnull (sync);
  quorum_sync_set_basic_auth (sync, "member", "s3cret-passw0rd");
  quorum_sync_set_timeouts (sync, 1, 1);
  quorum_sync_set_retries (sync, 2, 10);
  quorum_sync_run_async (sync, cancellable, ran, &result);
  while (!result.done)
    {
      g_main_context_iteration (NULL, TRUE);
      if (cancel_after_requests > 0 && remote->n_requests >= cancel_after_requests)
        g_cancellable_cancel (cancellable);
    }
  if (out_sync != NULL)
    *out_sync = g_steal_pointer (&sync);
  if (result.error != NULL)
    g_propagate_error (error, result.error);
  return result.ok;
}

/* A local store that has synced once, and is then one file behind. */
static char *
make_synced_store (Remote *remote)
{
  char *store = make_tmp ("quorum-local-XXXXXX");
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *budget = g_build_filename (remote->root, "budgets",
                                              "sec-budget-2020-23.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GString) changed = NULL;

  g_assert_true (sync_now (store, remote, NULL, 0, &sync, &error));
  g_assert_no_error (error);

  /* The secretariat corrects a title on the remote. */
  g_assert_true (g_file_get_contents (budget, &data, NULL, NULL));
  changed = g_string_new (data);
  g_assert_cmpuint (g_string_replace (changed, "\"version\": \"1.0\"", "\"version\": \"1.1\"",
                                      1), ==, 1);
  g_assert_true (g_file_set_contents (budget, changed->str, -1, NULL));
  g_assert_true (quorum_sync_write_index (remote->root, NULL));
  return store;
}

static const char *changed_path = "budgets/sec-budget-2020-23.json";

/* Tests -------------------------------------------------------------------- */

static void
test_pull_twice (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store = make_tmp ("quorum-local-XXXXXX");
  g_autoptr(QuorumSync) first = NULL;
  g_autoptr(QuorumSync) second = NULL;
  g_autoptr(QuorumStore) loaded = quorum_store_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) mine = NULL;
  g_autoptr(GHashTable) theirs = NULL;
  g_autofree char *last = NULL;
  GHashTableIter iter;
  gpointer key;
  guint bodies, requests;

  g_assert_true (sync_now (store, remote, NULL, 0, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_sync_get_listing (first), ==, "index.json");
  g_assert_cmpuint (count_action (first, QUORUM_SYNC_FETCHED), >, 40);
  g_assert_true (quorum_store_load (loaded, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (loaded)), ==, 0);

  /* The store's files are the remote's, byte for byte. */
  mine = checksums (store);
  theirs = checksums (remote->root);
  /* Of the remote's files, those the protocol carries: not index.json, nor a
   * folder sync does not know (meetings/, until it does). */
  g_hash_table_iter_init (&iter, theirs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!quorum_store_path_is_valid (key))
      g_hash_table_iter_remove (&iter);
  assert_same_store (theirs, mine);

  /* Nothing changed: no bodies, not even the listing (index.json is asked
   * for with If-None-Match, and answers 304), and one request. */
  bodies = remote->n_bodies;
  requests = remote->n_requests;
  g_assert_true (sync_now (store, remote, NULL, 0, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (remote->n_bodies - bodies, ==, 0);
  g_assert_cmpuint (remote->n_requests - requests, ==, 1);
  g_assert_cmpuint (quorum_sync_get_n_requests (second), ==, 1);
  g_assert_cmpuint (count_action (second, QUORUM_SYNC_FETCHED), ==, 0);
  last = quorum_sync_dup_last_sync (store);
  g_assert_nonnull (last);
}

static void
check_fault_keeps_store (Fault        fault,
                         const char  *fault_path,
                         int          expected_code,
                         const char  *expected_text,
                         const char  *item_text)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store = make_synced_store (remote);
  g_autoptr(GHashTable) before = checksums (store);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;

  remote->fault = fault;
  remote->fault_path = fault_path;
  g_assert_false (sync_now (store, remote, NULL, 0, &sync, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, expected_code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected_text));
  /* The password never shows. */
  g_assert_null (strstr (error->message, "s3cret"));
  if (item_text != NULL)
    {
      const char *message = item_message (sync, fault_path);

      g_assert_nonnull (message);
      g_test_message ("%s: %s", fault_path, message);
      g_assert_nonnull (strstr (message, item_text));
      g_assert_null (strstr (message, "s3cret"));
    }

  after = checksums (store);
  assert_same_store (before, after);
}

static void
test_fault_500 (void)
{
  check_fault_keeps_store (FAULT_500, changed_path, QUORUM_SYNC_ERROR_FILES,
                           "1 file could not be synced", "500");
}

static void
test_fault_500_listing (void)
{
  check_fault_keeps_store (FAULT_500, NULL, QUORUM_SYNC_ERROR_SERVER, "500", NULL);
}

static void
test_fault_401 (void)
{
  check_fault_keeps_store (FAULT_401, NULL, QUORUM_SYNC_ERROR_CREDENTIALS,
                           "refused the credentials", NULL);
}

static void
test_fault_slow (void)
{
  check_fault_keeps_store (FAULT_SLOW, changed_path, QUORUM_SYNC_ERROR_FILES,
                           "could not be synced", "did not answer in time");
}

static void
test_fault_truncated (void)
{
  check_fault_keeps_store (FAULT_TRUNCATED, changed_path, QUORUM_SYNC_ERROR_FILES,
                           "could not be synced", NULL);
}

/* Damaged on the way: the body does not match index.json's checksum. */
static void
test_fault_damaged (void)
{
  check_fault_keeps_store (FAULT_INVALID_JSON, changed_path, QUORUM_SYNC_ERROR_FILES,
                           "could not be synced", "does not match the checksum");
}

/* The remote really holds an invalid file: it is refused by validation. */
static void
test_fault_invalid_json (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store = make_synced_store (remote);
  g_autoptr(GHashTable) before = checksums (store);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (remote->root, changed_path, NULL);
  const char *message;

  g_assert_true (g_file_set_contents (file, "{\"format\": \"quorum.budget/1\", \"id\": ", -1,
                                      NULL));
  g_assert_true (quorum_sync_write_index (remote->root, NULL));
  g_assert_false (sync_now (store, remote, NULL, 0, &sync, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES);
  message = item_message (sync, changed_path);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "the remote file is invalid, so the local copy was kept"));
  g_assert_nonnull (strstr (message, "sec-budget-2020-23.json:1:"));
  /* Named as the remote's file, not the local copy's (which is fine). */
  {
    g_autofree char *remote_file = g_strconcat (remote->url, changed_path, ":1:", NULL);

    g_assert_nonnull (strstr (message, remote_file));
    g_assert_null (strstr (message, store));
  }
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_REFUSED), ==, 1);
  after = checksums (store);
  assert_same_store (before, after);
}

static void
test_fault_too_large (void)
{
  check_fault_keeps_store (FAULT_TOO_LARGE, changed_path, QUORUM_SYNC_ERROR_FILES,
                           "could not be synced", "size limit");
}

static void
test_fault_redirect (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store = make_synced_store (remote);
  g_autoptr(GHashTable) before = checksums (store);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;

  remote->fault = FAULT_REDIRECT;
  remote->fault_path = changed_path;
  g_assert_false (sync_now (store, remote, NULL, 0, NULL, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "redirected"));
  g_assert_nonnull (strstr (error->message, remote->other_url));
  /* Not a single request reached the other host. */
  g_assert_cmpuint (remote->other_requests, ==, 0);
  after = checksums (store);
  assert_same_store (before, after);
}

/* One 500, then fine: a transient failure is retried. */
static void
test_fault_500_once (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store = make_synced_store (remote);
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;

  remote->fault = FAULT_500_ONCE;
  remote->fault_path = changed_path;
  g_assert_true (sync_now (store, remote, NULL, 0, &sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (remote->n_500, ==, 1);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_FETCHED), ==, 1);
}

/* No ETag: still synced, and the checksum in index.json still avoids a
 * download next time. */
static void
test_fault_no_etag (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store = make_synced_store (remote);
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  guint bodies;

  remote->fault = FAULT_NO_ETAG;
  g_assert_true (sync_now (store, remote, NULL, 0, &sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_FETCHED), ==, 1);
  g_clear_object (&sync);
  bodies = remote->n_bodies;
  g_assert_true (sync_now (store, remote, NULL, 0, &sync, &error));
  g_assert_cmpuint (remote->n_bodies - bodies, ==, 1);
}

/* Cancelled while the server is slow: nothing changes. */
static void
test_cancel (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store = make_synced_store (remote);
  g_autoptr(GHashTable) before = checksums (store);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint listing = remote->n_requests;

  remote->fault = FAULT_HANG_AFTER_LISTING;
  g_assert_false (sync_now (store, remote, cancellable, listing + 3, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = checksums (store);
  assert_same_store (before, after);
}

/* A dry run says what it would do and changes nothing. */
static void
test_dry_run (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store = make_synced_store (remote);
  g_autoptr(GHashTable) before = checksums (store);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(QuorumSync) sync = quorum_sync_new (store, remote->url, NULL);
  Result result = { 0 };
  guint bodies = remote->n_bodies;

  quorum_sync_set_dry_run (sync, TRUE);
  quorum_sync_run_async (sync, NULL, ran, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (result.ok);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_WOULD_FETCH), ==, 1);
  g_assert_cmpuint (remote->n_bodies - bodies, ==, 1);   /* index.json only */
  after = checksums (store);
  assert_same_store (before, after);
}

/* A decision made here is sent once, then no more. */
static void
test_push (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store = make_synced_store (remote);
  g_autoptr(QuorumStore) loaded = quorum_store_new (store);
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(QuorumStore) again = NULL;
  QuorumWorkPackage *package;

  g_assert_true (quorum_store_load (loaded, NULL, &error));
  decision = quorum_store_decide (loaded, "wp-2020-21-q4-ssc", "approve", "A Member", NULL,
                                  NULL, NULL, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("decisions/wp-2020-21-q4-ssc/%s.json",
                              quorum_decision_get_id (decision));

  g_assert_true (sync_now (store, remote, NULL, 0, &sync, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (remote->puts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (remote->puts, 0), ==, expected);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_SENT), ==, 1);

  /* No longer awaiting sync, and not sent again. */
  again = quorum_store_new (store);
  g_assert_true (quorum_store_load (again, NULL, &error));
  package = quorum_store_find_work_package (again, "wp-2020-21-q4-ssc");
  g_assert_false (quorum_decision_get_pending_sync (quorum_work_package_get_latest (package)));
  g_clear_object (&sync);
  g_assert_true (sync_now (store, remote, NULL, 0, &sync, &error));
  g_assert_cmpuint (remote->puts->len, ==, 1);
}

static void
test_urls (void)
{
  const char *refused[] = {
    "http://example.org/store/", "ftp://127.0.0.1/", "https://user:pw@example.org/",
    "https://example.org/?q=1", "not a url", "https://", NULL
  };
  const char *accepted[] = {
    "https://example.org/store", "http://127.0.0.1:8080/", "http://[::1]/s/",
    "http://localhost/", NULL
  };

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumSync) sync = quorum_sync_new ("/tmp", refused[i], &error);

      g_assert_null (sync);
      g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_URL);
      g_assert_null (strstr (error->message, "pw@"));
    }
  for (guint i = 0; accepted[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumSync) sync = quorum_sync_new ("/tmp", accepted[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (sync);
    }
}

typedef struct
{
  gboolean done;
  int status;
  char *out;
  char *err;
} CliRun;

static void
cli_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CliRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err,
                                        &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
  run->done = TRUE;
}

/* Runs quorum-cli while this thread's main loop serves the remote. */
static CliRun
run_cli (const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  CliRun run = { 0 };

  g_ptr_array_add (args, (char *) g_getenv ("QUORUM_CLI"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  g_subprocess_launcher_setenv (launcher, "SYNC_TEST_PASSWORD", "s3cret-passw0rd", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, cli_done, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  return run;
}

static void
test_cli (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store = make_tmp ("quorum-local-XXXXXX");
  g_autofree char *secrets = make_tmp ("quorum-secret-XXXXXX");
  g_autofree char *password_file = g_build_filename (secrets, "password", NULL);
  g_autofree char *register_file = g_build_filename (store, "committees.json", NULL);
  CliRun run;

  g_assert_nonnull (g_getenv ("QUORUM_CLI"));
  g_assert_true (g_file_set_contents (password_file, "s3cret-passw0rd\n", -1, NULL));
  g_assert_cmpint (g_chmod (password_file, 0600), ==, 0);

  /* A dry run fetches nothing and writes nothing. */
  run = run_cli ((const char * const []) { "--store", store, "sync", "--remote", remote->url,
                                           "--user", "member", "--password-file",
                                           password_file, "--dry-run", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "would-fetch\tcommittees.json\n"));
  g_assert_nonnull (strstr (run.out, "dry run, nothing changed"));
  g_assert_false (g_file_test (register_file, G_FILE_TEST_EXISTS));
  g_free (run.out);
  g_free (run.err);

  /* The real thing, the password from the environment. */
  run = run_cli ((const char * const []) { "--store", store, "sync", "--remote", remote->url,
                                           "--user", "member", "--password-env",
                                           "SYNC_TEST_PASSWORD", NULL });
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "fetched\tbudgets/sec-budget-2020-23.json\n"));
  g_assert_nonnull (strstr (run.out, "(listing: index.json)"));
  g_assert_null (strstr (run.out, "s3cret"));
  g_assert_null (strstr (run.err, "s3cret"));
  g_free (run.out);
  g_free (run.err);

  /* A failure: exit 1 and the reason, without the password. */
  remote->fault = FAULT_401;
  run = run_cli ((const char * const []) { "--store", store, "sync", "--remote", remote->url,
                                           "--user", "member", "--password-file",
                                           password_file, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "refused the credentials"));
  g_assert_null (strstr (run.err, "s3cret"));
  g_free (run.out);
  g_free (run.err);

  /* Usage errors: plain http to another host, two secrets, no --remote. */
  run = run_cli ((const char * const []) { "--store", store, "sync", "--remote",
                                           "http://example.org/store/", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "use https://"));
  g_free (run.out);
  g_free (run.err);
  run = run_cli ((const char * const []) { "--store", store, "sync", "--remote", remote->url,
                                           "--token-file", password_file, "--password-env",
                                           "X", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_free (run.out);
  g_free (run.err);
  run = run_cli ((const char * const []) { "--store", store, "sync", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_free (run.out);
  g_free (run.err);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  made = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/sync/urls", test_urls);
  g_test_add_func ("/sync/pull-twice", test_pull_twice);
  g_test_add_func ("/sync/push", test_push);
  g_test_add_func ("/sync/dry-run", test_dry_run);
  g_test_add_func ("/sync/fault/500", test_fault_500);
  g_test_add_func ("/sync/fault/500-listing", test_fault_500_listing);
  g_test_add_func ("/sync/fault/500-once", test_fault_500_once);
  g_test_add_func ("/sync/fault/401", test_fault_401);
  g_test_add_func ("/sync/fault/slow", test_fault_slow);
  g_test_add_func ("/sync/fault/truncated", test_fault_truncated);
  g_test_add_func ("/sync/fault/damaged", test_fault_damaged);
  g_test_add_func ("/sync/fault/invalid-json", test_fault_invalid_json);
  g_test_add_func ("/sync/fault/no-etag", test_fault_no_etag);
  g_test_add_func ("/sync/fault/too-large", test_fault_too_large);
  g_test_add_func ("/sync/fault/redirect", test_fault_redirect);
  g_test_add_func ("/sync/cancel", test_cancel);
  g_test_add_func ("/sync/cli", test_cli);

  status = g_test_run ();
  for (guint i = 0; i < made->len; i++)
    quorum_test_rm_rf (g_ptr_array_index (made, i));
  g_ptr_array_unref (made);
  return status;
}
