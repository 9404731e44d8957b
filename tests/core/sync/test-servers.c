/* test-servers.c: the sync tests' web servers, tried with libsoup
 *
 * Starts Apache httpd and nginx on 127.0.0.1 with quorum-test-servers
 * and checks with plain libsoup 3 requests that they behave as the sync
 * tests expect: WebDAV with Basic auth and conditional requests on
 * Apache, static files with ETags and no writing on nginx, a certificate
 * the session refuses, a server killed mid-transfer and restarted, and
 * the tree checksums.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE

#include "quorum-test-servers.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <unistd.h>

#define USER     "clerk"
#define PASSWORD "correct horse: battery staple"

static QuorumTestCa *ca;     /* made by the first test that needs one */
static GPtrArray *made;      /* folders to remove at the end */

static const char index_json[] =
  "{\"format\": \"quorum.index/1\", \"files\": [\"committees.json\"]}\n";

/* Helpers ------------------------------------------------------------------ */

static QuorumTestCa *
get_ca (void)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (ca != NULL)
    return ca;
  start = g_get_monotonic_time ();
  ca = quorum_test_ca_new (NULL, &error);
  g_assert_no_error (error);
  g_test_message ("test CA made in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  return ca;
}

static const char *
sample_store (void)
{
  const char *store = g_getenv ("QUORUM_SAMPLE_STORE");

  g_assert_nonnull (store);  /* set by tests/meson.build */
  return store;
}

/* A temporary folder holding a copy of the sample store and an index. */
static char *
make_document_root (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("quorum-servers-XXXXXX", &error);
  char *root;

  g_assert_no_error (error);
  g_ptr_array_add (made, g_strdup (tmp));
  root = g_build_filename (tmp, "store", NULL);
  quorum_test_copy_tree (sample_store (), root, &error);
  g_assert_no_error (error);
  quorum_test_write_served_file (root, "index.json", index_json, -1);
  return root;
}

static QuorumTestServer *
start_apache (const char *root,
              gboolean    untrusted)
{
  g_autoptr(GError) error = NULL;
  QuorumTestServer *server;
  gint64 start = g_get_monotonic_time ();

  server = quorum_test_apache_start (root, get_ca (), USER, PASSWORD, untrusted, &error);
  g_assert_no_error (error);
  g_test_message ("Apache (pid %d) listening at %s after %" G_GINT64_FORMAT " ms",
                  (int) quorum_test_server_get_pid (server), quorum_test_server_get_url (server),
                  (g_get_monotonic_time () - start) / 1000);
  return server;
}

static QuorumTestServer *
start_nginx (const char *root)
{
  g_autoptr(GError) error = NULL;
  QuorumTestServer *server;
  gint64 start = g_get_monotonic_time ();

  server = quorum_test_nginx_start (root, get_ca (), &error);
  g_assert_no_error (error);
  g_test_message ("nginx (pid %d) listening at %s after %" G_GINT64_FORMAT " ms",
                  (int) quorum_test_server_get_pid (server), quorum_test_server_get_url (server),
                  (g_get_monotonic_time () - start) / 1000);
  return server;
}

/* A session that trusts the test CA and nothing else. */
static SoupSession *
make_session (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) database = NULL;

  database = g_tls_file_database_new (quorum_test_ca_get_ca_file (get_ca ()), &error);
  g_assert_no_error (error);
  /* No proxy, whatever the environment says: the servers are on 127.0.0.1. */
  return soup_session_new_with_options ("tls-database", database, "proxy-resolver", NULL,
                                        "timeout", 20, NULL);
}

static SoupMessage *
new_message (const char       *method,
             QuorumTestServer *server,
             const char       *relpath,
             const char       *user,
             const char       *password)
{
  g_autofree char *url = g_strconcat (quorum_test_server_get_url (server), relpath, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  g_assert_nonnull (msg);
  if (user != NULL)
    {
      g_autofree char *plain = g_strdup_printf ("%s:%s", user, password);
      g_autofree char *encoded = g_base64_encode ((const guchar *) plain, strlen (plain));
      g_autofree char *value = g_strconcat ("Basic ", encoded, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    value);
    }
  return msg;
}

static void
set_header (SoupMessage *msg,
            const char  *name,
            const char  *value)
{
  soup_message_headers_replace (soup_message_get_request_headers (msg), name, value);
}

static const char *
get_header (SoupMessage *msg,
            const char  *name)
{
  return soup_message_headers_get_one (soup_message_get_response_headers (msg), name);
}

static void
set_body (SoupMessage *msg,
          const char  *type,
          const char  *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  soup_message_set_request_body_from_bytes (msg, type, bytes);
}

/* Sends @msg, which must get an answer; returns its status and body. */
static guint
send_message (SoupSession  *session,
              SoupMessage  *msg,
              char        **body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read (session, msg, NULL, &error);

  g_assert_no_error (error);
  if (body != NULL)
    *body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return soup_message_get_status (msg);
}

/* Sends a request with no body and returns the status. */
static guint
request (SoupSession      *session,
         const char       *method,
         QuorumTestServer *server,
         const char       *relpath,
         gboolean          auth)
{
  g_autoptr(SoupMessage) msg = new_message (method, server, relpath,
                                            auth ? USER : NULL, PASSWORD);

  return send_message (session, msg, NULL);
}

static guint
put (SoupSession      *session,
     QuorumTestServer *server,
     const char       *relpath,
     const char       *text,
     const char       *if_none_match)
{
  g_autoptr(SoupMessage) msg = new_message ("PUT", server, relpath, USER, PASSWORD);

  set_body (msg, "application/json", text);
  if (if_none_match != NULL)
    set_header (msg, "If-None-Match", if_none_match);
  return send_message (session, msg, NULL);
}

static char *
read_text (const char *dir,
           const char *relpath)
{
  g_autofree char *path = g_build_filename (dir, relpath, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Apache ------------------------------------------------------------------- */

static const char propfind_body[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<D:propfind xmlns:D=\"DAV:\"><D:prop>"
  "<D:resourcetype/><D:getetag/><D:getcontentlength/><D:getlastmodified/>"
  "</D:prop></D:propfind>\n";

static void
test_apache_webdav (void)
{
  g_autofree char *root = NULL;
  g_autoptr(QuorumTestServer) server = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;

  if (quorum_test_skip_without_apache ())
    return;
  root = make_document_root ();
  before = quorum_test_tree_checksums (root);
  server = start_apache (root, FALSE);
  session = make_session ();

  g_assert_true (g_str_has_prefix (quorum_test_server_get_url (server), "https://127.0.0.1:"));
  g_assert_true (quorum_test_server_is_running (server));

  /* PROPFIND, Depth 1: the store's top level. */
  {
    g_autoptr(SoupMessage) msg = new_message ("PROPFIND", server, "", USER, PASSWORD);

    set_header (msg, "Depth", "1");
    set_body (msg, "application/xml", propfind_body);
    g_assert_cmpuint (send_message (session, msg, &listing), ==, 207);
    g_assert_nonnull (strstr (listing, "/store/committees.json</D:href>"));
    g_assert_nonnull (strstr (listing, "/store/index.json</D:href>"));
    g_assert_nonnull (strstr (listing, "/store/budgets/</D:href>"));
    g_assert_nonnull (strstr (listing, ":getetag>\""));
    /* Depth 1 only: nothing from inside the folders. */
    g_assert_null (strstr (listing, "sec-budget-2020-23.json"));
  }

  /* No credentials, wrong ones: 401 for every method. */
  {
    g_autoptr(SoupMessage) msg = new_message ("PROPFIND", server, "", NULL, NULL);
    g_autoptr(SoupMessage) wrong = new_message ("GET", server, "committees.json", USER, "no");

    set_header (msg, "Depth", "1");
    g_assert_cmpuint (send_message (session, msg, NULL), ==, 401);
    g_assert_true (g_str_has_prefix (get_header (msg, "WWW-Authenticate"), "Basic"));
    g_assert_cmpuint (send_message (session, wrong, NULL), ==, 401);
    g_assert_cmpuint (request (session, "GET", server, "committees.json", FALSE), ==, 401);
    g_assert_cmpuint (request (session, "DELETE", server, "index.json", FALSE), ==, 401);
  }

  /* PUT a new file only if there is none. */
  g_assert_cmpuint (put (session, server, "new.json", "{\"n\": 1}\n", "*"), ==, 201);
  g_assert_cmpuint (put (session, server, "new.json", "{\"n\": 2}\n", "*"), ==, 412);
  text = read_text (root, "new.json");
  g_assert_cmpstr (text, ==, "{\"n\": 1}\n");

  /* A folder, then a file in it. */
  g_assert_cmpuint (request (session, "MKCOL", server, "drafts/", TRUE), ==, 201);
  g_assert_cmpuint (request (session, "MKCOL", server, "drafts/", TRUE), ==, 405);
  g_assert_cmpuint (put (session, server, "drafts/one.json", "{}\n", "*"), ==, 201);
  g_assert_true (g_file_test (quorum_test_server_get_document_root (server),
                              G_FILE_TEST_IS_DIR));

  /* GET, then GET again with the ETag: 304. */
  {
    g_autoptr(SoupMessage) msg = new_message ("GET", server, "committees.json", USER,
                                              PASSWORD);
    g_autoptr(SoupMessage) again = new_message ("GET", server, "committees.json", USER,
                                                PASSWORD);
    g_autofree char *body = NULL;
    g_autofree char *expected = read_text (root, "committees.json");

    g_assert_cmpuint (send_message (session, msg, &body), ==, 200);
    g_assert_cmpstr (body, ==, expected);
    etag = g_strdup (get_header (msg, "ETag"));
    g_assert_nonnull (etag);
    g_assert_true (etag[0] == '"' || g_str_has_prefix (etag, "W/\""));
    set_header (again, "If-None-Match", etag);
    g_assert_cmpuint (send_message (session, again, NULL), ==, 304);
  }

  /* A folder and a file the test writes itself (as root in CI): Apache
   * must be able to replace the file and delete it. */
  quorum_test_write_served_file (root, "remote/edits/a.json", "{\"a\": 1}\n", -1);
  g_assert_cmpuint (put (session, server, "remote/edits/a.json", "{\"a\": 2}\n", NULL), ==,
                    204);
  g_assert_cmpuint (put (session, server, "remote/edits/b.json", "{\"b\": 1}\n", "*"), ==,
                    201);
  g_assert_cmpuint (request (session, "DELETE", server, "remote/edits/a.json", TRUE), ==, 204);
  g_assert_cmpuint (request (session, "GET", server, "remote/edits/a.json", TRUE), ==, 404);

  /* Nothing else changed in the document root. */
  after = quorum_test_tree_checksums (root);
  g_assert_true (g_hash_table_remove (after, "new.json"));
  g_assert_true (g_hash_table_remove (after, "drafts"));
  g_assert_true (g_hash_table_remove (after, "drafts/one.json"));
  g_assert_true (g_hash_table_remove (after, "remote"));
  g_assert_true (g_hash_table_remove (after, "remote/edits"));
  g_assert_true (g_hash_table_remove (after, "remote/edits/b.json"));
  quorum_test_assert_same_tree (before, after);

  quorum_test_server_stop (server);
  g_assert_false (quorum_test_server_is_running (server));
  g_assert_cmpint (quorum_test_server_get_pid (server), ==, 0);
}

/* The untrusted, self-signed certificate: libsoup must refuse it. */
static void
test_apache_untrusted (void)
{
  g_autofree char *root = NULL;
  g_autoptr(QuorumTestServer) server = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  if (quorum_test_skip_without_apache ())
    return;
  root = make_document_root ();
  server = start_apache (root, TRUE);
  session = make_session ();

  msg = new_message ("PROPFIND", server, "", USER, PASSWORD);
  set_header (msg, "Depth", "1");
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_assert_cmpint (soup_message_get_tls_peer_certificate_errors (msg)
                   & G_TLS_CERTIFICATE_UNKNOWN_CA, !=, 0);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_NONE);
}

/* A server that cannot start: the error says why, with the end of its
 * log, and nothing is left running. */
static void
test_apache_fails (void)
{
  g_autofree char *root = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(QuorumTestCa) broken = NULL;
  g_autoptr(QuorumTestServer) server = NULL;
  g_autoptr(GError) error = NULL;

  if (quorum_test_skip_without_apache ())
    return;
  root = make_document_root ();
  dir = g_dir_make_tmp ("quorum-ca-XXXXXX", &error);
  g_assert_no_error (error);
  g_ptr_array_add (made, g_strdup (dir));
  broken = quorum_test_ca_new (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_test_ca_get_dir (broken), ==, dir);
  g_assert_true (g_str_has_prefix (quorum_test_ca_get_server_key (broken), dir));
  g_assert_cmpint (g_remove (quorum_test_ca_get_server_key (broken)), ==, 0);

  server = quorum_test_apache_start (root, broken, USER, PASSWORD, FALSE, &error);
  g_assert_null (server);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Apache exited before listening"));
  g_assert_nonnull (strstr (error->message, "server.key"));
  g_clear_error (&error);

  server = quorum_test_apache_start ("/nonexistent/store", get_ca (), USER, PASSWORD, FALSE,
                                     &error);
  g_assert_null (server);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
}

/* nginx -------------------------------------------------------------------- */

static void
test_nginx_static (void)
{
  g_autofree char *root = NULL;
  g_autoptr(QuorumTestServer) server = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(SoupMessage) again = NULL;
  g_autofree char *body = NULL;
  const char *etag;

  if (quorum_test_skip_without_nginx ())
    return;
  root = make_document_root ();
  server = start_nginx (root);
  session = make_session ();

  msg = new_message ("GET", server, "index.json", NULL, NULL);
  g_assert_cmpuint (send_message (session, msg, &body), ==, 200);
  g_assert_cmpstr (body, ==, index_json);
  g_assert_cmpstr (get_header (msg, "Content-Type"), ==, "application/json");
  etag = get_header (msg, "ETag");
  g_assert_nonnull (etag);

  again = new_message ("GET", server, "index.json", NULL, NULL);
  set_header (again, "If-None-Match", etag);
  g_assert_cmpuint (send_message (session, again, NULL), ==, 304);

  g_assert_cmpuint (request (session, "GET", server, "budgets/sec-budget-2020-23.json", FALSE),
                    ==, 200);
  g_assert_cmpuint (request (session, "GET", server, "missing.json", FALSE), ==, 404);
  g_assert_cmpuint (put (session, server, "index.json", "{}", NULL), ==, 405);
  g_assert_cmpuint (put (session, server, "new.json", "{}", "*"), ==, 405);
  g_assert_cmpuint (request (session, "DELETE", server, "index.json", FALSE), ==, 405);
  g_assert_true (g_file_test (quorum_test_server_get_error_log (server), G_FILE_TEST_EXISTS));
}

/* Killed and restarted --------------------------------------------------- */

/* nginx killed with SIGKILL in the middle of a large download: the read
 * fails (or stops short), the next request is refused, and after a
 * restart on the same port the server answers again. */
static void
test_killed_mid_transfer (void)
{
  const gsize size = 32 * 1024 * 1024;
  g_autofree char *root = NULL;
  g_autofree char *big = NULL;
  g_autoptr(QuorumTestServer) server = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *buffer = g_malloc (64 * 1024);
  gsize total = 0;
  guint16 port;

  if (quorum_test_skip_without_nginx ())
    return;
  root = make_document_root ();
  big = g_malloc (size);
  memset (big, 'x', size);
  quorum_test_write_served_file (root, "big.json", big, size);
  server = start_nginx (root);
  port = quorum_test_server_get_port (server);
  session = make_session ();

  msg = new_message ("GET", server, "big.json", NULL, NULL);
  stream = soup_session_send (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  total = g_input_stream_read (stream, buffer, 64 * 1024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, >, 0);

  quorum_test_server_kill (server);
  g_assert_false (quorum_test_server_is_running (server));
  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, 64 * 1024, NULL, &error);

      if (n <= 0)
        break;
      total += n;
    }
  g_test_message ("read %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes before: %s",
                  total, size, error != NULL ? error->message : "end of stream");
  g_assert_cmpuint (total, <, size);
  g_clear_error (&error);
  g_clear_object (&stream);

  /* Refused while down. */
  {
    g_autoptr(SoupMessage) down = new_message ("GET", server, "index.json", NULL, NULL);
    g_autoptr(GBytes) body = soup_session_send_and_read (session, down, NULL, &error);

    g_assert_null (body);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
    g_clear_error (&error);
  }

  quorum_test_server_restart (server, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_test_server_get_port (server), ==, port);
  g_assert_cmpuint (request (session, "GET", server, "index.json", FALSE), ==, 200);
}

/* The processes of a process group that have not exited (zombies, which
 * a container's init may be slow to reap, do not count). */
static guint
live_processes_in_group (GPid group)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (proc);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;
      const char *end;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &stat, NULL, NULL))
        continue;
      /* "pid (comm) state ppid pgrp ...": comm may hold spaces. */
      end = strrchr (stat, ')');
      if (end == NULL)
        continue;
      fields = g_strsplit (end + 2, " ", 4);
      if (g_strv_length (fields) >= 3 && strcmp (fields[0], "Z") != 0
          && g_ascii_strtoll (fields[2], NULL, 10) == group)
        count++;
    }
  return count;
}

/* Apache, killed and restarted: all its processes go at once. */
static void
test_apache_kill_restart (void)
{
  g_autofree char *root = NULL;
  g_autoptr(QuorumTestServer) server = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GPid pid;

  if (quorum_test_skip_without_apache ())
    return;
  root = make_document_root ();
  server = start_apache (root, FALSE);
  session = make_session ();
  g_assert_cmpuint (request (session, "GET", server, "index.json", TRUE), ==, 200);

  pid = quorum_test_server_get_pid (server);
  g_assert_cmpuint (live_processes_in_group (pid), >=, 2);
  quorum_test_server_kill (server);
  g_assert_cmpuint (live_processes_in_group (pid), ==, 0);
  {
    g_autoptr(SoupMessage) down = new_message ("GET", server, "index.json", USER, PASSWORD);
    g_autoptr(GBytes) body = soup_session_send_and_read (session, down, NULL, &error);

    g_assert_null (body);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
    g_clear_error (&error);
  }
  quorum_test_server_restart (server, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quorum_test_server_get_pid (server), !=, pid);
  g_assert_cmpuint (put (session, server, "after-restart.json", "{}\n", "*"), ==, 201);
}

/* Tree checksums ----------------------------------------------------------- */

static char *
make_tree (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("quorum-tree-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *link = g_build_filename (dir, "link", NULL);

  g_assert_no_error (error);
  g_ptr_array_add (made, g_strdup (dir));
  quorum_test_write_file (dir, "a.json", "abc", -1);
  quorum_test_write_file (dir, "sub/b.json", "{}", -1);
  quorum_test_write_file (dir, ".hidden/c", "", 0);
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_cmpint (symlink ("a.json", link), ==, 0);
  return dir;
}

static void
test_tree_checksums (void)
{
  g_autofree char *dir = make_tree ();
  g_autoptr(GHashTable) sums = quorum_test_tree_checksums (dir);
  g_autoptr(GHashTable) again = quorum_test_tree_checksums (dir);

  g_assert_cmpuint (g_hash_table_size (sums), ==, 7);
  g_assert_cmpstr (g_hash_table_lookup (sums, "a.json"), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (g_hash_table_lookup (sums, ".hidden/c"), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpstr (g_hash_table_lookup (sums, "sub"), ==, "directory");
  g_assert_cmpstr (g_hash_table_lookup (sums, "empty"), ==, "directory");
  g_assert_cmpstr (g_hash_table_lookup (sums, "link"), ==, "symlink:a.json");
  g_assert_true (g_hash_table_contains (sums, "sub/b.json"));
  g_assert_true (g_hash_table_contains (sums, ".hidden"));
  quorum_test_assert_same_tree (sums, again);
}

/* A changed, a removed and an added file are each named, then the test
 * fails. */
static void
test_tree_differences (void)
{
  g_autofree char *tree = NULL;

  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("QUORUM_TEST_TREE");
      g_autoptr(GHashTable) before = quorum_test_tree_checksums (dir);
      g_autoptr(GHashTable) after = NULL;
      g_autofree char *gone = g_build_filename (dir, "sub", "b.json", NULL);

      quorum_test_write_file (dir, "a.json", "abd", -1);
      g_assert_cmpint (g_remove (gone), ==, 0);
      quorum_test_write_file (dir, "empty/new", "", 0);
      after = quorum_test_tree_checksums (dir);
      quorum_test_assert_same_tree (before, after);
      return;
    }
  /* Made here, so that it is removed although the subprocess aborts. */
  tree = make_tree ();
  g_setenv ("QUORUM_TEST_TREE", tree, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*changed: a.json*removed: sub/b.json*");
  g_test_trap_assert_stderr ("*added:   empty/new*3 of 8 paths differ*");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  made = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/sync/servers/tree-checksums", test_tree_checksums);
  g_test_add_func ("/sync/servers/tree-differences", test_tree_differences);
  g_test_add_func ("/sync/servers/apache-webdav", test_apache_webdav);
  g_test_add_func ("/sync/servers/apache-untrusted", test_apache_untrusted);
  g_test_add_func ("/sync/servers/apache-kill-restart", test_apache_kill_restart);
  g_test_add_func ("/sync/servers/apache-fails", test_apache_fails);
  g_test_add_func ("/sync/servers/nginx-static", test_nginx_static);
  g_test_add_func ("/sync/servers/killed-mid-transfer", test_killed_mid_transfer);

  status = g_test_run ();

  for (guint i = 0; i < made->len; i++)
    quorum_test_rm_rf (g_ptr_array_index (made, i));
  g_ptr_array_unref (made);
  g_clear_pointer (&ca, quorum_test_ca_free);
  return status;
}
