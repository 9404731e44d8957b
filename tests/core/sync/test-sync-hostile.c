/* test-sync-hostile.c: a hostile server and a hostile local store
 *
 * A SoupServer on 127.0.0.1 plays a static host that drips a file one
 * byte at a time (the file's deadline, then the sync's, must end it), that
 * lists more files than a store may have, or that lists files it then
 * does not have (the pull must stop after a run of failures). The local
 * store holds what a crash or a hostile user leaves: stale staging files,
 * a symbolic link looping back to its folder, a FIFO named like a store
 * file. Deadlines are shortened through QuorumSync's properties; nothing
 * here sleeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-core.h"
#include "quorum-test-servers.h"
#include "quorum-test-util.h"
#include "sync-test-items.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#define DRIP_SIZE     890
#define DRIP_INTERVAL 50   /* ms a byte: 20 bytes per second */
#define SOME_SHA256   "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

typedef enum
{
  MODE_DRIP,       /* index.json lists budgets/slow.json, served a byte at a time */
  MODE_MISSING,    /* index.json lists n_missing files, none of them there */
} Mode;

typedef struct
{
  SoupServer *server;
  char *url;
  Mode mode;
  guint n_missing;
  guint n_requests;
  guint bytes_dripped;
} Remote;

typedef struct
{
  SoupServerMessage *message;
  Remote *remote;
  guint sent;
  gboolean gone;
} Drip;

static void
drip_gone (SoupServerMessage *message,
           Drip              *drip)
{
  drip->gone = TRUE;
}

static gboolean
drip_one (gpointer user_data)
{
  Drip *drip = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (drip->message);

  if (drip->gone)
    return G_SOURCE_REMOVE;
  soup_message_body_append (body, SOUP_MEMORY_COPY, " ", 1);
  drip->sent++;
  drip->remote->bytes_dripped++;
  if (drip->sent == DRIP_SIZE)
    soup_message_body_complete (body);
  soup_server_message_unpause (drip->message);
  return drip->sent < DRIP_SIZE ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
drip_free (gpointer data)
{
  Drip *drip = data;

  g_signal_handlers_disconnect_by_data (drip->message, drip);
  g_object_unref (drip->message);
  g_free (drip);
}

static void
start_drip (Remote            *remote,
            SoupServerMessage *message)
{
  Drip *drip = g_new0 (Drip, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  drip->message = g_object_ref (message);
  drip->remote = remote;
  soup_server_message_set_status (message, 200, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CONTENT_LENGTH);
  soup_message_headers_set_content_length (headers, DRIP_SIZE);
  soup_message_headers_replace (headers, "Content-Type", "application/json");
  g_signal_connect (message, "disconnected", G_CALLBACK (drip_gone), drip);
  g_signal_connect (message, "finished", G_CALLBACK (drip_gone), drip);
  soup_server_message_pause (message);
  g_timeout_add_full (G_PRIORITY_DEFAULT, DRIP_INTERVAL, drip_one, drip, drip_free);
}

static char *
index_json (Remote *remote)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"quorum.index/1\", \"files\": [");

  if (remote->mode == MODE_DRIP)
    g_string_append_printf (text, "{\"path\": \"budgets/slow.json\", \"size\": %u, "
                            "\"sha256\": \"%s\"}", DRIP_SIZE, SOME_SHA256);
  for (guint i = 0; remote->mode == MODE_MISSING && i < remote->n_missing; i++)
    g_string_append_printf (text, "%s{\"path\": \"budgets/missing-%05u.json\", \"size\": 10, "
                            "\"sha256\": \"%s\"}", i > 0 ? ", " : "", i, SOME_SHA256);
  g_string_append (text, "]}\n");
  return g_string_free (g_steal_pointer (&text), FALSE);
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

  remote->n_requests++;
  if (g_str_equal (method, "PROPFIND"))
    soup_server_message_set_status (message, 405, NULL);
  else if (g_str_equal (path, "/store/index.json"))
    {
      g_autofree char *text = index_json (remote);

      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, text,
                                        strlen (text));
    }
  else if (remote->mode == MODE_DRIP && g_str_equal (path, "/store/budgets/slow.json"))
    start_drip (remote, message);
  else
    soup_server_message_set_status (message, 404, NULL);
}

static Remote *
remote_new (Mode mode)
{
  Remote *remote = g_new0 (Remote, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *text = NULL;

  remote->mode = mode;
  remote->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (remote->server, NULL, handle, remote, NULL);
  g_assert_true (soup_server_listen_local (remote->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (remote->server);
  text = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (text, "http://127.0.0.1:"));
  remote->url = g_strconcat (text, g_str_has_suffix (text, "/") ? "" : "/", "store/", NULL);
  return remote;
}

static void
remote_free (Remote *remote)
{
  soup_server_disconnect (remote->server);
  g_object_unref (remote->server);
  g_free (remote->url);
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

/* Runs @sync while this thread's main context serves the remote. */
static gboolean
run (QuorumSync  *sync,
     GError     **error)
{
  Result result = { 0 };

  quorum_sync_run_async (sync, NULL, ran, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  if (result.error != NULL)
    g_propagate_error (error, result.error);
  return result.ok;
}

static QuorumSync *
new_sync (const char *store,
          const char *url)
{
  g_autoptr(GError) error = NULL;
  QuorumSync *sync = quorum_sync_new (store, url, &error);

  g_assert_no_error (error);
  quorum_sync_set_timeouts (sync, 1, 1);
  quorum_sync_set_retries (sync, 0, 10);
  return sync;
}

static char *
make_tmp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("quorum-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Tests -------------------------------------------------------------------- */

/* 890 bytes at 20 bytes a second would take 44 s; with a 1 s file timeout
 * and at least 1,000 bytes a second expected, the file's deadline is 1.89 s
 * (each byte comes well within the 1 s read timeout). */
static void
test_slow_file_deadline (void)
{
  g_autoptr(Remote) remote = remote_new (MODE_DRIP);
  g_autofree char *store = make_tmp ();
  g_autoptr(QuorumSync) sync = new_sync (store, remote->url);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  g_object_set (sync, "file-timeout", 1u, "min-rate", 1000u, NULL);
  g_assert_false (run (sync, &error));
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_FAILED), ==, 1);
  g_assert_nonnull (strstr (item_message (sync, "budgets/slow.json"), "too slow"));
  g_assert_cmpuint (remote->bytes_dripped, <, DRIP_SIZE);
  g_assert_cmpfloat (seconds, <, 20.0);
  g_test_message ("given up after %.1f s, %u bytes dripped", seconds, remote->bytes_dripped);
  quorum_test_rm_rf (store);
}

/* The same server, a generous file deadline, and a 1 s deadline for the
 * sync: it stops, and says why. */
static void
test_sync_deadline (void)
{
  g_autoptr(Remote) remote = remote_new (MODE_DRIP);
  g_autofree char *store = make_tmp ();
  g_autoptr(QuorumSync) sync = new_sync (store, remote->url);
  g_autoptr(GError) error = NULL;
  g_autofree char *budgets = g_build_filename (store, "budgets", NULL);
  guint sync_timeout = 0;

  g_object_set (sync, "file-timeout", 600u, "sync-timeout", 1u, NULL);
  g_object_get (sync, "sync-timeout", &sync_timeout, NULL);
  g_assert_cmpuint (sync_timeout, ==, 1);
  g_assert_false (run (sync, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_DEADLINE);
  g_assert_nonnull (strstr (error->message, "deadline of 1 s"));
  g_assert_cmpuint (remote->bytes_dripped, <, DRIP_SIZE);
  g_assert_false (g_file_test (budgets, G_FILE_TEST_EXISTS));
  quorum_test_rm_rf (store);
}

/* A listing over the cap is refused before any file is asked for. */
static void
test_listing_cap (void)
{
  g_autoptr(Remote) remote = remote_new (MODE_MISSING);
  g_autofree char *store = make_tmp ();
  g_autoptr(QuorumSync) sync = new_sync (store, remote->url);
  g_autoptr(GError) error = NULL;
  guint max = 0;

  g_object_get (sync, "max-listed-files", &max, NULL);
  g_assert_cmpuint (max, ==, 20000);
  remote->n_missing = 50;
  g_object_set (sync, "max-listed-files", 10u, NULL);
  g_assert_false (run (sync, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "lists more than 10 files"));
  g_assert_cmpuint (remote->n_requests, ==, 2);  /* PROPFIND, index.json */
  quorum_test_rm_rf (store);
}

/* 50 listed files that are not there: 20 are asked for, then the pull
 * stops and says once how many were not tried. */
static void
test_failures_in_row (void)
{
  g_autoptr(Remote) remote = remote_new (MODE_MISSING);
  g_autofree char *store = make_tmp ();
  g_autoptr(QuorumSync) sync = new_sync (store, remote->url);
  g_autoptr(GError) error = NULL;

  remote->n_missing = 50;
  g_assert_false (run (sync, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES);
  g_assert_nonnull (strstr (error->message, "after 20 files in a row failed: 30 files were "
                                            "not tried"));
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_FAILED), ==, 20);
  g_assert_cmpuint (remote->n_requests, ==, 2 + 20);
  quorum_test_rm_rf (store);
}

/* A sync killed with kill -9 leaves staged files: the next sync removes
 * those older than a sync may last, and only those. */
static void
test_staging_swept (void)
{
  g_autofree char *store = make_tmp ();
  g_autofree char *staging = g_build_filename (store, ".quorum", "staging", "budgets", NULL);
  g_autofree char *stale = g_build_filename (staging, "stale.json", NULL);
  g_autofree char *fresh = g_build_filename (staging, "fresh.json", NULL);
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf old = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (staging, 0755), ==, 0);
  g_assert_true (g_file_set_contents (stale, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "{}", -1, NULL));
  old.actime = old.modtime = time (NULL) - 2 * 3600;
  g_assert_cmpint (g_utime (stale, &old), ==, 0);

  /* Nothing listens on port 1: the sync fails, after the sweep. */
  sync = new_sync (store, "http://127.0.0.1:1/store/");
  g_assert_false (run (sync, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_UNREACHABLE);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  quorum_test_rm_rf (store);
}

/* `ln -s . budgets/a` and a FIFO named budgets/x.json: publish-index and
 * a sync finish, list neither, and publish-index names both and why. */
static void
test_store_links_and_fifo (void)
{
  g_autofree char *parent = make_tmp ();
  g_autofree char *store = g_build_filename (parent, "store", NULL);
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *loop = g_build_filename (store, "budgets", "a", NULL);
  g_autofree char *fifo = g_build_filename (store, "budgets", "x.json", NULL);
  g_autofree char *index = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Remote) remote = remote_new (MODE_MISSING);
  g_autoptr(QuorumSync) sync = NULL;

  g_assert_true (quorum_test_copy_tree (sample, store, &error));
  g_assert_cmpint (symlink (".", loop), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  g_assert_true (quorum_sync_write_index_report (store, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 2);
  for (guint i = 0; i < skipped->len; i++)
    {
      const char *message = g_ptr_array_index (skipped, i);

      g_test_message ("%s", message);
      g_assert_true ((g_str_has_prefix (message, "budgets/a: ") &&
                      strstr (message, "not followed") != NULL) ||
                     (g_str_has_prefix (message, "budgets/x.json: ") &&
                      strstr (message, "FIFO") != NULL));
    }
  index = g_build_filename (store, "index.json", NULL);
  g_assert_true (g_file_get_contents (index, &text, NULL, NULL));
  g_assert_null (strstr (text, "budgets/x.json"));
  g_assert_null (strstr (text, "budgets/a/"));
  g_assert_nonnull (strstr (text, "\"budgets/"));

  /* A sync walks the local store too (for files gone remotely). */
  sync = new_sync (store, remote->url);
  g_assert_true (run (sync, &error));
  g_assert_no_error (error);
  quorum_test_rm_rf (parent);
}

/* TLS: each certificate failure named ----------------------------------------- */

typedef struct
{
  GSocketService *service;
  GTlsCertificate *certificate;
  char *url;
} TlsServer;

static void
handshaken (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  /* The client refuses the certificate: the handshake fails, as it must. */
  g_tls_connection_handshake_finish (G_TLS_CONNECTION (object), result, NULL);
  g_object_unref (object);
}

static gboolean
tls_incoming (GSocketService    *service,
              GSocketConnection *connection,
              GObject           *source,
              TlsServer         *server)
{
  GIOStream *tls = g_tls_server_connection_new (G_IO_STREAM (connection), server->certificate,
                                                NULL);

  if (tls != NULL)
    g_tls_connection_handshake_async (G_TLS_CONNECTION (tls), G_PRIORITY_DEFAULT, NULL,
                                      handshaken, NULL);
  return TRUE;
}

/* A TLS server on 127.0.0.1 presenting @cert. */
static TlsServer *
tls_server_new (const char *cert,
                const char *key)
{
  TlsServer *server = g_new0 (TlsServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  server->certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  server->service = g_socket_service_new ();
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &bound, &error));
  g_assert_no_error (error);
  g_signal_connect (server->service, "incoming", G_CALLBACK (tls_incoming), server);
  server->url = g_strdup_printf ("https://127.0.0.1:%u/store/",
                                 g_inet_socket_address_get_port (
                                   G_INET_SOCKET_ADDRESS (bound)));
  return server;
}

static void
tls_server_free (TlsServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_object_unref (server->service);
  g_object_unref (server->certificate);
  g_free (server->url);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlsServer, tls_server_free)

static void
openssl (const char *dir,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) "openssl");
  va_start (args, dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openssl %s failed: %s", (char *) argv->pdata[1], err);
}

static void
assert_certificate_refused (const char *cert,
                            const char *key,
                            const char *ca_file,
                            const char *why)
{
  g_autoptr(TlsServer) server = tls_server_new (cert, key);
  g_autofree char *store = make_tmp ();
  g_autoptr(QuorumSync) sync = new_sync (store, server->url);
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_sync_set_ca_file (sync, ca_file, &error));
  g_assert_false (run (sync, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, "not trusted"));
  g_assert_nonnull (strstr (error->message, why));
  quorum_test_rm_rf (store);
}

/* An unknown CA, an expired certificate and one for another host name
 * each say what is wrong. The expired and the wrong-host ones are signed
 * by the trusted test CA, so that is the only thing wrong with them. */
static void
test_tls_failures_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumTestCa) ca = quorum_test_ca_new (NULL, &error);
  const char *dir;
  g_autofree char *conf = NULL;
  g_autofree char *ca_key = NULL;

  g_assert_no_error (error);
  dir = quorum_test_ca_get_dir (ca);
  ca_key = g_build_filename (dir, "ca.key", NULL);
  conf = g_build_filename (dir, "hostile-ca.cnf", NULL);
  g_assert_true (g_file_set_contents (conf,
                                      "[ ca ]\ndefault_ca = test\n[ test ]\n"
                                      "database = hostile-index.txt\nnew_certs_dir = .\n"
                                      "serial = hostile-serial\ndefault_md = sha256\n"
                                      "policy = any\ncopy_extensions = copy\n"
                                      "[ any ]\ncommonName = supplied\n", -1, NULL));
  quorum_test_write_file (dir, "hostile-index.txt", "", -1);
  quorum_test_write_file (dir, "hostile-serial", "4242\n", -1);

  openssl (dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "expired.key",
           "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
           "-out", "expired.csr", NULL);
  openssl (dir, "ca", "-batch", "-config", conf, "-cert", quorum_test_ca_get_ca_file (ca),
           "-keyfile", ca_key, "-in", "expired.csr", "-out", "expired.pem", "-notext",
           "-startdate", "20200101000000Z", "-enddate", "20200201000000Z", NULL);
  openssl (dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "wrong-host.key",
           "-subj", "/CN=wrong.example", "-addext", "subjectAltName=DNS:wrong.example",
           "-out", "wrong-host.csr", NULL);
  openssl (dir, "ca", "-batch", "-config", conf, "-cert", quorum_test_ca_get_ca_file (ca),
           "-keyfile", ca_key, "-in", "wrong-host.csr", "-out", "wrong-host.pem", "-notext",
           "-days", "30", NULL);

#define IN_DIR(name) g_build_filename (dir, name, NULL)
  {
    g_autofree char *expired = IN_DIR ("expired.pem");
    g_autofree char *expired_key = IN_DIR ("expired.key");
    g_autofree char *wrong = IN_DIR ("wrong-host.pem");
    g_autofree char *wrong_key = IN_DIR ("wrong-host.key");

    assert_certificate_refused (quorum_test_ca_get_untrusted_cert (ca),
                                quorum_test_ca_get_untrusted_key (ca),
                                quorum_test_ca_get_ca_file (ca),
                                "not signed by a trusted certificate authority");
    assert_certificate_refused (expired, expired_key, quorum_test_ca_get_ca_file (ca),
                                "has expired");
    assert_certificate_refused (wrong, wrong_key, quorum_test_ca_get_ca_file (ca),
                                "another host name than 127.0.0.1");
  }
#undef IN_DIR
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sync-hostile/slow-file-deadline", test_slow_file_deadline);
  g_test_add_func ("/sync-hostile/sync-deadline", test_sync_deadline);
  g_test_add_func ("/sync-hostile/listing-cap", test_listing_cap);
  g_test_add_func ("/sync-hostile/failures-in-row", test_failures_in_row);
  g_test_add_func ("/sync-hostile/staging-swept", test_staging_swept);
  g_test_add_func ("/sync-hostile/store-links-and-fifo", test_store_links_and_fifo);
  g_test_add_func ("/sync-hostile/tls-failures-named", test_tls_failures_named);
  return g_test_run ();
}
