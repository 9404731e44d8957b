/* bench-sync.c: first sync and a sync with nothing changed, on a 1,000-file store
 *
 * Not a test: prints figures (build-aux/bench-sync runs it). Makes a store
 * of 1,000 files (the sample's 83 plus synthetic work packages), serves it
 * with Apache httpd (WebDAV, TLS, Basic auth) and with nginx (static,
 * index.json), and syncs an empty local store from each twice: a first
 * sync, then an idle one. For Apache, once more with every served file
 * touched just before the first sync, so that it lists weak ETags
 * (W/"…", which Apache gives a file changed within the last second) and
 * the idle sync then sees the same ETags strong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-servers.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <utime.h>

#define N_FILES 1000

static guint
count_files (const char *root,
             const char *rel)
{
  g_autofree char *folder = g_build_filename (root, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (rel, name, NULL);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        n += count_files (root, child);
      else if (g_str_has_suffix (name, ".json") && !g_str_equal (child, "index.json"))
        n++;
    }
  return n;
}

static void
fill_store (const char *root)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  guint have, i = 0;

  g_assert_true (quorum_test_copy_tree (sample, root, NULL));
  have = count_files (root, "");
  for (; have < N_FILES; have++, i++)
    {
      g_autofree char *relpath = g_strdup_printf ("work-packages/wp-bench-%04u.json", i);
      g_autofree char *text =
        g_strdup_printf ("{\n  \"format\": \"quorum.work-package/1\",\n"
                         "  \"id\": \"wp-bench-%04u\",\n  \"kind\": \"quarterly\",\n"
                         "  \"quarter\": \"2021/22 Q%u\",\n"
                         "  \"title\": \"Benchmark package %u\",\n"
                         "  \"description\": \"Synthetic, for build-aux/bench-sync.\",\n"
                         "  \"estimate\": { \"cost\": %u.%02u },\n"
                         "  \"status\": \"submitted\"\n}\n",
                         i, i % 4 + 1, i, 1000 + i * 37, i % 100);

      quorum_test_write_served_file (root, relpath, text, -1);
    }
}

/* Sets every served file's times to now: Apache httpd then serves weak
 * ETags (W/"…") for them for the next second. */
static void
touch_tree (const char *root,
            const char *rel)
{
  g_autofree char *folder = g_build_filename (root, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (rel, name, NULL);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        touch_tree (root, child);
      else
        g_assert_cmpint (g_utime (full, NULL), ==, 0);
    }
}

static void
sync_once (const char   *label,
           const char   *round,
           const char   *local,
           const char   *url,
           QuorumTestCa *ca,
           const char   *user,
           const char   *password)
{
  g_autoptr(QuorumSync) sync = quorum_sync_new (local, url, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *items;
  guint fetched = 0;
  gint64 start;
  double seconds;

  if (user != NULL)
    quorum_sync_set_basic_auth (sync, user, password);
  g_assert_true (quorum_sync_set_ca_file (sync, quorum_test_ca_get_ca_file (ca), NULL));
  start = g_get_monotonic_time ();
  if (!quorum_sync_run (sync, NULL, &error))
    g_error ("%s: %s", label, error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  items = quorum_sync_get_items (sync);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);

      fetched += quorum_sync_item_get_action (item) == QUORUM_SYNC_FETCHED;
    }
  printf ("%-28s %-12s %7.2f s %6u requests %6u files fetched %10" G_GUINT64_FORMAT
          " bytes downloaded\n", label, round, seconds, quorum_sync_get_n_requests (sync),
          fetched, quorum_sync_get_bytes_received (sync));
}

/* A first sync and an idle one; with @touch_root, the served files are
 * touched just before the first, so that it sees weak ETags. */
static void
run_twice (const char   *label,
           const char   *url,
           QuorumTestCa *ca,
           const char   *user,
           const char   *password,
           const char   *touch_root)
{
  g_autofree char *local = g_dir_make_tmp ("quorum-bench-local-XXXXXX", NULL);

  if (touch_root != NULL)
    touch_tree (touch_root, "");
  sync_once (label, touch_root != NULL ? "first, weak" : "first", local, url, ca, user,
             password);
  sync_once (label, touch_root != NULL ? "idle, weak" : "idle", local, url, ca, user,
             password);
  quorum_test_rm_rf (local);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("quorum-bench-served-XXXXXX", NULL);
  g_autofree char *root = g_build_filename (parent, "store", NULL);
  g_autoptr(QuorumTestCa) ca = quorum_test_ca_new (NULL, &error);

  g_assert_no_error (error);
  fill_store (root);
  g_assert_true (quorum_sync_write_index (root, &error));
  g_assert_true (quorum_test_fix_served_permissions (root, &error));
  printf ("store: %u files\n", count_files (root, ""));

  {
    g_autoptr(QuorumTestServer) apache =
      quorum_test_apache_start (root, ca, "bench", "bench-password", FALSE, &error);

    g_assert_no_error (error);
    run_twice ("Apache httpd (WebDAV)", quorum_test_server_get_url (apache), ca, "bench",
               "bench-password", NULL);
    run_twice ("Apache httpd (WebDAV)", quorum_test_server_get_url (apache), ca, "bench",
               "bench-password", root);
  }
  {
    g_autoptr(QuorumTestServer) nginx = quorum_test_nginx_start (root, ca, &error);

    g_assert_no_error (error);
    run_twice ("nginx (static, index.json)", quorum_test_server_get_url (nginx), ca, NULL,
               NULL, NULL);
  }
  quorum_test_rm_rf (parent);
  return 0;
}
