/* test-cli-sync.c: quorum-cli sync's and publish-index's options and messages
 *
 * A relative --ca-file is the current folder's, with no GLib warning and
 * no misleading "not trusted"; publish-index names each entry it leaves
 * out of index.json (a looping link, a FIFO). Nothing here reaches beyond
 * 127.0.0.1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "cli-run.h"
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void
make_ca (const char *dir)
{
  const char *argv[] = {
    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
    "-subj", "/CN=Quorum test CA", "-days", "1", "-out", "ca.pem", NULL
  };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (dir, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Nothing listens on 127.0.0.1:1, so the sync fails to connect: after the
 * CA file was read, which is what this is about. */
static void
test_relative_ca_file (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *store = g_build_filename (dir, "store", NULL);
  g_autofree char *here = g_get_current_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.pem", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) bad = { 0 };

  make_ca (dir);
  g_assert_cmpint (g_mkdir (store, 0755), ==, 0);
  g_assert_cmpint (g_chdir (dir), ==, 0);

  run_init (&run);
  /* 127.0.0.1 only: no proxy, whatever the environment says. */
  run_setenv (&run, "GIO_USE_PROXY_RESOLVER", "dummy");
  run_cli (&run, "--store", store, "sync", "--remote", "https://127.0.0.1:1/store/",
           "--ca-file", "ca.pem", "--timeout", "1");
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "cannot be reached"));
  g_assert_null (strstr (run.err, "not trusted"));
  g_assert_null (strstr (run.err, "WARNING"));
  g_assert_null (strstr (run.err, "CRITICAL"));

  /* A relative name that is not there is named in full. */
  run_init (&bad);
  run_setenv (&bad, "GIO_USE_PROXY_RESOLVER", "dummy");
  run_cli (&bad, "--store", store, "sync", "--remote", "https://127.0.0.1:1/store/",
           "--ca-file", "missing.pem");
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, missing));
  g_assert_null (strstr (bad.err, "CRITICAL"));

  g_assert_cmpint (g_chdir (here), ==, 0);
  quorum_test_rm_rf (dir);
}

/* `ln -s . budgets/a` and a FIFO budgets/x.json: publish-index finishes
 * and names both on stderr. */
static void
test_publish_index_names_skipped (void)
{
  g_autofree char *store = make_tmp ();
  g_autofree char *budgets = g_build_filename (store, "budgets", NULL);
  g_autofree char *loop = g_build_filename (store, "budgets", "a", NULL);
  g_autofree char *fifo = g_build_filename (store, "budgets", "x.json", NULL);
  g_auto(Run) run = { 0 };

  write_file (store, "committees.json",
              "{'format': 'quorum.committees/1', 'committees': [{'id': 'opsg'}]}");
  g_assert_cmpint (g_mkdir (budgets, 0755), ==, 0);
  g_assert_cmpint (symlink (".", loop), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  run_init (&run);
  run_cli (&run, "--store", store, "publish-index");
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (run.timed_out);
  g_assert_nonnull (strstr (run.err, "budgets/a: is a symbolic link, which is not followed"));
  g_assert_nonnull (strstr (run.err, "budgets/x.json: is a FIFO"));
  quorum_test_rm_rf (store);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/sync/relative-ca-file", test_relative_ca_file);
  g_test_add_func ("/cli/publish-index/names-skipped", test_publish_index_names_skipped);
  return g_test_run ();
}
