/* test-sync-servers.c: sync against Apache httpd (WebDAV) and nginx (static) on 127.0.0.1
 *
 * Real servers, started here with a test CA made at test time (see
 * quorum-test-servers.h): pull, a second sync that downloads nothing,
 * push, a 412 conflict, wrong credentials, an untrusted certificate, a
 * server killed mid-sync, backups and restore; nginx serves a static store
 * with index.json (pull only). After every failure the local store is byte
 * for byte what it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-servers.h"
#include "quorum-test-util.h"
#include "sync-test-items.h"

#include <glib/gstdio.h>
#include <string.h>

#define USER     "panel"
#define PASSWORD "correct horse battery staple"

typedef struct
{
  QuorumTestCa *ca;
  char *root;           /* the remote store, served */
  char *local;          /* the local store */
  QuorumTestServer *server;
} Fixture;

static char *
make_tmp (const char *template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *parent = make_tmp ("quorum-served-XXXXXX");

  fixture->ca = quorum_test_ca_new (NULL, &error);
  g_assert_no_error (error);
  fixture->root = g_build_filename (parent, "store", NULL);
  g_assert_true (quorum_test_copy_tree (sample, fixture->root, &error));
  g_assert_no_error (error);
  fixture->local = make_tmp ("quorum-local-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (fixture->root);

  g_clear_pointer (&fixture->server, quorum_test_server_free);
  g_clear_pointer (&fixture->ca, quorum_test_ca_free);
  quorum_test_rm_rf (parent);
  quorum_test_rm_rf (fixture->local);
  g_free (fixture->root);
  g_free (fixture->local);
}

static gboolean
start_apache (Fixture  *fixture,
              gboolean  untrusted)
{
  g_autoptr(GError) error = NULL;

  if (quorum_test_skip_without_apache ())
    return FALSE;
  fixture->server = quorum_test_apache_start (fixture->root, fixture->ca, USER, PASSWORD,
                                              untrusted, &error);
  g_assert_no_error (error);
  return TRUE;
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
  guint progress;
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

static void
progressed (QuorumSync *sync,
            guint       done,
            guint       total,
            guint64     bytes,
            Result     *result)
{
  result->progress++;
}

static QuorumSync *
new_sync (Fixture    *fixture,
          const char *password,
          gboolean    with_ca)
{
  g_autoptr(GError) error = NULL;
  QuorumSync *sync = quorum_sync_new (fixture->local, quorum_test_server_get_url (fixture->server),
                                      &error);

  g_assert_no_error (error);
  if (password != NULL)
    quorum_sync_set_basic_auth (sync, USER, password);
  if (with_ca)
    {
      g_assert_true (quorum_sync_set_ca_file (sync, quorum_test_ca_get_ca_file (fixture->ca),
                                              &error));
      g_assert_no_error (error);
    }
  quorum_sync_set_timeouts (sync, 5, 5);
  quorum_sync_set_retries (sync, 1, 50);
  return sync;
}

/* Runs @sync on a worker thread; @during runs once it has made progress. */
static gboolean
run_sync (QuorumSync  *sync,
          void       (*during) (gpointer),
          gpointer     during_data,
          GError     **error)
{
  Result result = { 0 };
  gboolean called = FALSE;

  g_signal_connect (sync, "progress", G_CALLBACK (progressed), &result);
  quorum_sync_run_async (sync, NULL, ran, &result);
  while (!result.done)
    {
      g_main_context_iteration (NULL, TRUE);
      if (during != NULL && !called && result.progress > 0)
        {
          called = TRUE;
          during (during_data);
        }
    }
  g_signal_handlers_disconnect_by_data (sync, &result);
  if (result.error != NULL)
    g_propagate_error (error, result.error);
  return result.ok;
}

/* The store's own files that sync carries: not Quorum's state in .quorum/,
 * index.json, nor a folder sync does not know (meetings/, until it does). */
static GHashTable *
store_checksums (const char *dir)
{
  GHashTable *all = quorum_test_tree_checksums (dir);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!quorum_store_path_is_valid (key))
      g_hash_table_iter_remove (&iter);
  return all;
}

static guint
count_decision_folders (const char *root)
{
  g_autofree char *folder = g_build_filename (root, "decisions", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
first_sync (Fixture *fixture)
{
  g_autoptr(QuorumSync) sync = new_sync (fixture, PASSWORD, TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_true (run_sync (sync, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Tests -------------------------------------------------------------------- */

static void
test_apache_pull (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(QuorumSync) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) remote = NULL;
  g_autoptr(GHashTable) local = NULL;
  g_autoptr(QuorumStore) store = NULL;
  guint listing_requests;

  if (!start_apache (fixture, FALSE))
    return;

  sync = new_sync (fixture, PASSWORD, TRUE);
  g_assert_true (run_sync (sync, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_sync_get_listing (sync), ==, "webdav");
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_FETCHED), >, 80);

  /* Byte for byte the remote, and a valid store. */
  remote = store_checksums (fixture->root);
  local = store_checksums (fixture->local);
  quorum_test_assert_same_tree (remote, local);
  store = quorum_store_new (fixture->local);
  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 0);

  /* Nothing changed: only the listing (the store and its four folders:
   * budgets, work-packages, meetings, decisions; each package's
   * decisions/WP/ folder has the ETag it had, so it is not listed again),
   * no file requested. */
  again = new_sync (fixture, PASSWORD, TRUE);
  g_assert_true (run_sync (again, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_decision_folders (fixture->root), >, 0);
  listing_requests = 5;
  g_assert_cmpuint (quorum_sync_get_n_requests (again), ==, listing_requests);
  g_assert_cmpuint (count_action (again, QUORUM_SYNC_FETCHED), ==, 0);
  g_test_message ("second sync: %u requests, %" G_GUINT64_FORMAT " bytes",
                  quorum_sync_get_n_requests (again), quorum_sync_get_bytes_received (again));
}

static void
test_apache_push (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *relpath = NULL;
  g_autofree char *served = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *marker = NULL;

  if (!start_apache (fixture, FALSE))
    return;
  first_sync (fixture);

  store = quorum_store_new (fixture->local);
  g_assert_true (quorum_store_load (store, NULL, &error));
  decision = quorum_store_decide (store, "wp-2020-21-q4-tabasc", "approve", "Adam Carden",
                                  "SECCo Board", "Within the provision.", NULL, &error);
  g_assert_no_error (error);
  relpath = g_strdup_printf ("decisions/wp-2020-21-q4-tabasc/%s.json",
                             quorum_decision_get_id (decision));
  marker = g_strdup_printf ("%s/.quorum/outbox/wp-2020-21-q4-tabasc/%s.json", fixture->local,
                            quorum_decision_get_id (decision));
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));

  sync = new_sync (fixture, PASSWORD, TRUE);
  g_assert_true (run_sync (sync, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_SENT), ==, 1);

  /* On the server, the same bytes; no longer awaiting sync here. */
  served = g_build_filename (fixture->root, relpath, NULL);
  g_assert_true (g_file_get_contents (quorum_decision_get_file (decision), &mine, NULL, NULL));
  g_assert_true (g_file_get_contents (served, &theirs, NULL, NULL));
  g_assert_cmpstr (mine, ==, theirs);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
}

/* A decision of the same name already on the server: 412, then compare. */
static void
test_apache_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *relpath = NULL;
  g_autofree char *served = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *marker = NULL;
  const char *other = "{\"format\": \"quorum.decision/1\", \"different\": true}\n";

  if (!start_apache (fixture, FALSE))
    return;
  first_sync (fixture);

  store = quorum_store_new (fixture->local);
  g_assert_true (quorum_store_load (store, NULL, &error));
  decision = quorum_store_decide (store, "wp-2020-21-q4-ssc", "reject", "Priya Natarajan",
                                  NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  relpath = g_strdup_printf ("decisions/wp-2020-21-q4-ssc/%s.json",
                             quorum_decision_get_id (decision));
  marker = g_strdup_printf ("%s/.quorum/outbox/wp-2020-21-q4-ssc/%s.json", fixture->local,
                            quorum_decision_get_id (decision));
  quorum_test_write_served_file (fixture->root, relpath, other, -1);

  sync = new_sync (fixture, PASSWORD, TRUE);
  g_assert_false (run_sync (sync, NULL, NULL, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_CONFLICT), >=, 1);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_SENT), ==, 0);

  /* Neither side changed; the decision still waits to be sent. */
  served = g_build_filename (fixture->root, relpath, NULL);
  g_assert_true (g_file_get_contents (served, &theirs, NULL, NULL));
  g_assert_cmpstr (theirs, ==, other);
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (quorum_decision_get_file (decision), G_FILE_TEST_EXISTS));
}

/* Sent, but the answer was lost: the next sync finds the same bytes there. */
static void
test_apache_already_sent (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *relpath = NULL;
  g_autofree char *mine = NULL;
  gsize length;

  if (!start_apache (fixture, FALSE))
    return;
  first_sync (fixture);

  store = quorum_store_new (fixture->local);
  g_assert_true (quorum_store_load (store, NULL, &error));
  decision = quorum_store_decide (store, "wp-2020-21-q4-ssc", "approve", "A Member", NULL,
                                  NULL, NULL, &error);
  g_assert_no_error (error);
  relpath = g_strdup_printf ("decisions/wp-2020-21-q4-ssc/%s.json",
                             quorum_decision_get_id (decision));
  g_assert_true (g_file_get_contents (quorum_decision_get_file (decision), &mine, &length,
                                      NULL));
  quorum_test_write_served_file (fixture->root, relpath, mine, (gssize) length);

  sync = new_sync (fixture, PASSWORD, TRUE);
  g_assert_true (run_sync (sync, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_ALREADY_SENT) +
                    count_action (sync, QUORUM_SYNC_UNCHANGED), >, 0);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_CONFLICT), ==, 0);
}

static void
assert_fails_unchanged (Fixture    *fixture,
                        const char *password,
                        gboolean    with_ca,
                        int         code,
                        const char *text)
{
  g_autoptr(GHashTable) before = quorum_test_tree_checksums (fixture->local);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(QuorumSync) sync = new_sync (fixture, password, with_ca);
  g_autoptr(GError) error = NULL;

  g_assert_false (run_sync (sync, NULL, NULL, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, text));
  g_assert_null (strstr (error->message, "horse"));
  after = quorum_test_tree_checksums (fixture->local);
  quorum_test_assert_same_tree (before, after);
}

static void
test_apache_401 (Fixture       *fixture,
                 gconstpointer  data)
{
  if (!start_apache (fixture, FALSE))
    return;
  first_sync (fixture);
  assert_fails_unchanged (fixture, "wrong horse", TRUE, QUORUM_SYNC_ERROR_CREDENTIALS,
                          "refused the credentials");
  assert_fails_unchanged (fixture, NULL, TRUE, QUORUM_SYNC_ERROR_CREDENTIALS,
                          "refused the credentials");
}

static void
test_apache_untrusted (Fixture       *fixture,
                       gconstpointer  data)
{
  if (!start_apache (fixture, TRUE))
    return;
  /* Not signed by the CA named, nor by any of the system's. */
  assert_fails_unchanged (fixture, PASSWORD, TRUE, QUORUM_SYNC_ERROR_CERTIFICATE,
                          "not trusted");
  assert_fails_unchanged (fixture, PASSWORD, FALSE, QUORUM_SYNC_ERROR_CERTIFICATE,
                          "not trusted");
}

static void
restart_later (gpointer user_data)
{
  QuorumTestServer *server = user_data;

  quorum_test_server_kill (server);
}

/* The server dies in the middle of a sync: nothing here changes. */
static void
test_apache_killed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;

  if (!start_apache (fixture, FALSE))
    return;
  first_sync (fixture);

  /* Every budget and package changes on the remote. */
  budget = g_build_filename (fixture->root, "budgets", "sec-budget-2018-21.json", NULL);
  g_assert_true (g_file_get_contents (budget, &text, NULL, NULL));
  changed = g_string_new (text);
  g_string_replace (changed, "\"version\": \"1.0\"", "\"version\": \"1.1\"", 1);
  quorum_test_write_served_file (fixture->root, "budgets/sec-budget-2018-21.json",
                                 changed->str, -1);

  before = quorum_test_tree_checksums (fixture->local);
  sync = new_sync (fixture, PASSWORD, TRUE);
  g_assert_false (run_sync (sync, restart_later, fixture->server, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_UNREACHABLE);
  g_test_message ("%s", error->message);
  after = quorum_test_tree_checksums (fixture->local);
  g_hash_table_remove (after, ".quorum/lock");
  g_hash_table_remove (before, ".quorum/lock");
  quorum_test_assert_same_tree (before, after);
}

/* A file replaced by sync is kept in a backup and can be put back. */
static void
test_apache_backup_restore (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(QuorumBackup) backup = NULL;
  g_auto(GStrv) restored = NULL;
  g_autofree char *path = NULL;
  g_autofree char *original = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GString) changed = NULL;

  if (!start_apache (fixture, FALSE))
    return;
  first_sync (fixture);

  path = g_build_filename (fixture->local, "committees.json", NULL);
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  changed = g_string_new (original);
  g_assert_cmpuint (g_string_replace (changed, "\"committees\": [",
                                      "\"committees\": [\n    {\"id\": \"new-group\"},", 1),
                    ==, 1);
  quorum_test_write_served_file (fixture->root, "committees.json", changed->str, -1);

  sync = new_sync (fixture, PASSWORD, TRUE);
  g_assert_true (run_sync (sync, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_FETCHED), ==, 1);
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, changed->str);
  g_clear_pointer (&now, g_free);

  backups = quorum_backup_list (fixture->local, &error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  backup = g_list_model_get_item (backups, 0);
  g_assert_cmpstrv (quorum_backup_get_files (backup),
                    ((const char * const []) { "committees.json", NULL }));

  g_assert_true (quorum_backup_restore (fixture->local, quorum_backup_get_id (backup), 5,
                                        &restored, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, original);
}

/* A package without decisions on the server: PUT (409), MKCOL of its
 * folder only (decisions/ was listed, so it is not made again), PUT. */
static void
test_apache_push_new_folder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *served = g_build_filename (fixture->root, "decisions", "wp-2020-21-q4-tabasc",
                                              NULL);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;

  quorum_test_rm_rf (served);
  if (!start_apache (fixture, FALSE))
    return;
  first_sync (fixture);
  store = quorum_store_new (fixture->local);
  g_assert_true (quorum_store_load (store, NULL, &error));
  decision = quorum_store_decide (store, "wp-2020-21-q4-tabasc", "approve", "Adam Carden",
                                  "SECCo Board", "Within the provision.", NULL, &error);
  g_assert_no_error (error);

  sync = new_sync (fixture, PASSWORD, TRUE);
  g_assert_true (run_sync (sync, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_SENT), ==, 1);
  /* The listing (5: the store, budgets, work-packages, meetings,
   * decisions), PUT → 409, MKCOL decisions/wp-…/, PUT → 201. */
  g_assert_cmpuint (quorum_sync_get_n_requests (sync), ==, 5 + 3);
  g_assert_true (g_file_test (served, G_FILE_TEST_IS_DIR));
}

/* Two members decide the same package differently, and one sync brings
 * both decisions together: it says so, for someone to review. */
static void
test_apache_decided_differently (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *other = make_tmp ("quorum-local-other-XXXXXX");
  char *mine = fixture->local;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumStore) other_store = NULL;
  g_autoptr(QuorumDecision) approve = NULL;
  g_autoptr(QuorumDecision) defer = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;
  guint n_review = 0;

  if (!start_apache (fixture, FALSE))
    return;
  first_sync (fixture);

  /* The other member syncs, approves and sends it. */
  fixture->local = other;
  first_sync (fixture);
  other_store = quorum_store_new (other);
  g_assert_true (quorum_store_load (other_store, NULL, &error));
  approve = quorum_store_decide (other_store, "wp-2020-21-q4-tabasc", "approve",
                                 "Helen Ogundipe", "SECCo Board", NULL, NULL, &error);
  g_assert_no_error (error);
  first_sync (fixture);
  fixture->local = mine;

  /* This member defers the same package, offline, then syncs. */
  store = quorum_store_new (fixture->local);
  g_assert_true (quorum_store_load (store, NULL, &error));
  defer = quorum_store_decide (store, "wp-2020-21-q4-tabasc", "defer", "Adam Carden",
                               "SECCo Board", NULL, NULL, &error);
  g_assert_no_error (error);
  sync = new_sync (fixture, PASSWORD, TRUE);
  g_assert_true (run_sync (sync, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_SENT), ==, 1);
  g_assert_cmpuint (count_action (sync, QUORUM_SYNC_FETCHED), ==, 1);

  items = quorum_sync_get_items (sync);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);
      const char *message = quorum_sync_item_get_message (item);

      if (quorum_sync_item_get_action (item) != QUORUM_SYNC_TO_REVIEW)
        continue;
      n_review++;
      g_test_message ("%s: %s", quorum_sync_item_get_path (item), message);
      g_assert_cmpstr (quorum_sync_item_get_path (item), ==, "decisions/wp-2020-21-q4-tabasc/");
      g_assert_nonnull (strstr (message, "approve by Helen Ogundipe"));
      g_assert_nonnull (strstr (message, "defer by Adam Carden"));
    }
  g_assert_cmpuint (n_review, ==, 1);
  quorum_test_rm_rf (other);
}

static void
test_nginx_static (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(QuorumSync) again = NULL;
  g_autoptr(QuorumSync) push = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) remote = NULL;
  g_autoptr(GHashTable) local = NULL;

  if (quorum_test_skip_without_nginx ())
    return;
  g_assert_true (quorum_sync_write_index (fixture->root, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_test_fix_served_permissions (fixture->root, &error));
  fixture->server = quorum_test_nginx_start (fixture->root, fixture->ca, &error);
  g_assert_no_error (error);

  sync = new_sync (fixture, NULL, TRUE);
  g_assert_true (run_sync (sync, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_sync_get_listing (sync), ==, "index.json");
  remote = store_checksums (fixture->root);
  local = store_checksums (fixture->local);
  quorum_test_assert_same_tree (remote, local);

  /* Nothing changed: index.json asked for with If-None-Match, answered
   * 304 (the remote listed by index.json last time is not asked for
   * WebDAV first), nothing else. */
  again = new_sync (fixture, NULL, TRUE);
  g_assert_true (run_sync (again, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_sync_get_n_requests (again), ==, 1);
  g_assert_cmpuint (quorum_sync_get_bytes_received (again), ==, 0);
  g_assert_cmpuint (count_action (again, QUORUM_SYNC_FETCHED), ==, 0);

  /* A static host takes no decisions: it stays awaiting sync. */
  store = quorum_store_new (fixture->local);
  g_assert_true (quorum_store_load (store, NULL, &error));
  decision = quorum_store_decide (store, "wp-2020-21-q4-ssc", "defer", "A Member", NULL, NULL,
                                  NULL, &error);
  g_assert_no_error (error);
  push = new_sync (fixture, NULL, TRUE);
  g_assert_false (run_sync (push, NULL, NULL, &error));
  g_assert_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES);
  g_assert_cmpuint (count_action (push, QUORUM_SYNC_FAILED), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync-servers/apache/pull", test_apache_pull);
  ADD ("/sync-servers/apache/push", test_apache_push);
  ADD ("/sync-servers/apache/push-new-folder", test_apache_push_new_folder);
  ADD ("/sync-servers/apache/decided-differently", test_apache_decided_differently);
  ADD ("/sync-servers/apache/conflict", test_apache_conflict);
  ADD ("/sync-servers/apache/already-sent", test_apache_already_sent);
  ADD ("/sync-servers/apache/401", test_apache_401);
  ADD ("/sync-servers/apache/untrusted", test_apache_untrusted);
  ADD ("/sync-servers/apache/killed", test_apache_killed);
  ADD ("/sync-servers/apache/backup-restore", test_apache_backup_restore);
  ADD ("/sync-servers/nginx/static", test_nginx_static);
#undef ADD

  return g_test_run ();
}
