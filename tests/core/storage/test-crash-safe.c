/* test-crash-safe.c: writers killed at random points, and one writer at a time
 *
 * A child process writes in a loop (decisions, and a file replaced with
 * one of two contents) and is killed with SIGKILL after a random delay,
 * many times over. After every kill each file must be either its old or
 * its new content, never a mixture or empty, and the store must load
 * without a single problem. The lock tests hold the store's lock in a
 * child and check that a second writer is refused, names the holder, and
 * takes over at once when the holder is killed.
 *
 * The children are fork()ed without exec: only the synchronous core API
 * runs in them, and no thread has been started before the fork.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-file-util.h"
#include "quorum-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static GPtrArray *made;   /* folders to remove at the end */

static const char committees[] =
  "{'format': 'quorum.committees/1', 'committees': [\n"
  "  {'id': 'opsg', 'short': 'OPSG', 'name': 'Operations Group'}]}\n";

static const char package[] =
  "{'format': 'quorum.work-package/1', 'id': 'wp', 'kind': 'quarterly',\n"
  " 'quarter': '2020/21 Q1', 'title': 'OPSG support', 'committee': 'opsg',\n"
  " 'estimate': {'cost': 178000}, 'status': 'submitted'}\n";

static char *
make_store (void)
{
  g_autoptr(GError) error = NULL;
  char *store = g_dir_make_tmp ("quorum-crash-XXXXXX", &error);
  g_autofree char *c = quorum_test_dq (committees);
  g_autofree char *p = quorum_test_dq (package);

  g_assert_no_error (error);
  quorum_test_write_file (store, "committees.json", c, -1);
  quorum_test_write_file (store, "work-packages/wp.json", p, -1);
  quorum_test_write_file (store, "budgets/.keep", "", -1);
  g_ptr_array_add (made, g_strdup (store));
  return store;
}

/* Two contents of very different sizes, so that a torn write shows. */
static char *
content (char fill,
         gsize size)
{
  GString *out = g_string_new ("{\"format\": \"quorum.test/1\", \"fill\": \"");

  for (gsize i = 0; i < size; i++)
    g_string_append_c (out, fill);
  g_string_append (out, "\"}\n");
  return g_string_free (out, FALSE);
}

static void
load_without_problems (const char *path,
                       guint      *n_decisions)
{
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(GError) error = NULL;
  GListModel *problems;
  QuorumWorkPackage *wp;

  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  problems = quorum_store_get_problems (store);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *text = quorum_problem_to_string (problem);

      g_test_message ("%s", text);
    }
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);

  wp = quorum_store_find_work_package (store, "wp");
  g_assert_nonnull (wp);
  *n_decisions = g_list_model_get_n_items (quorum_work_package_get_decisions (wp));
  for (guint i = 0; i < *n_decisions; i++)
    {
      g_autoptr(QuorumDecision) decision =
        g_list_model_get_item (quorum_work_package_get_decisions (wp), i);

      g_assert_cmpint (quorum_decision_get_seal_state (decision), ==, QUORUM_SEAL_VALID);
    }
}

/* The child: write until killed, telling the parent through @progress
 * after each round. Exits 0 only if it ran out of work. */
static void G_GNUC_NORETURN
writer (const char *path,
        const char *replaced,
        const char *small,
        const char *large,
        int         progress)
{
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(GError) error = NULL;

  if (!quorum_store_load (store, NULL, &error))
    {
      fprintf (stderr, "writer: %s\n", error->message);
      _exit (3);
    }
  for (guint i = 0; i < 100000; i++)
    {
      g_autoptr(QuorumDecision) decision = NULL;
      const char *text = (i % 2 == 0) ? large : small;
      /* A name per round: one name may decide a package at most 99 times
       * in a second, which a fast machine reaches here. */
      g_autofree char *by = g_strdup_printf ("A Member %u", i);

      if (!_quorum_file_replace (replaced, text, strlen (text), &error))
        {
          fprintf (stderr, "writer: %s\n", error->message);
          _exit (4);
        }
      decision = quorum_store_decide (store, "wp", (i % 2 == 0) ? "defer" : "approve",
                                      by, "SECCo Board", "Killed any moment now.", NULL,
                                      &error);
      if (decision == NULL)
        {
          fprintf (stderr, "writer: %s\n", error->message);
          _exit (5);
        }
      if (write (progress, "w", 1) != 1)
        _exit (6);
    }
  _exit (0);
}

static void
test_kill_writers (void)
{
  g_autofree char *path = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *small = content ('s', 10);
  g_autofree char *large = content ('L', 1 << 16);
  const char *kills = g_getenv ("QUORUM_TEST_KILLS");
  /* Fewer under valgrind (build-aux/run-tests), where each round is slow. */
  guint iterations = kills != NULL ? (guint) g_ascii_strtoull (kills, NULL, 10)
                                   : g_test_slow () ? 500 : 120;
  guint n_decisions = 0, previous = 0, torn = 0, survived = 0;

  for (guint i = 0; i < iterations; i++)
    {
      g_autofree char *got = NULL;
      guint rounds = g_test_rand_int_range (0, 3);
      gint64 round_started, round_time = 20000;
      int status = 0;
      int fds[2];
      pid_t pid;

      /* A fresh store every 30 kills: the store is loaded twice a kill,
       * each time reading every decision made so far, which made the
       * test quadratic (and over its timeout under the sanitizers). */
      if (i % 30 == 0)
        {
          survived += previous;
          previous = 0;
          g_free (path);
          path = make_store ();
          g_free (replaced);
          replaced = g_build_filename (path, "replaced.json", NULL);
          g_assert_true (g_file_set_contents (replaced, small, -1, NULL));
        }

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          writer (path, replaced, small, large, fds[1]);
        }
      close (fds[1]);

      /* Let it finish a few rounds (slow under valgrind or the sanitizers,
       * so count rounds, not time), then kill it somewhere in the next:
       * before, during or after a write. */
      round_started = g_get_monotonic_time ();
      for (guint r = 0; r < rounds; r++)
        {
          char byte;

          g_assert_cmpint (read (fds[0], &byte, 1), ==, 1);
          round_time = MAX (g_get_monotonic_time () - round_started, 1000);
          round_started = g_get_monotonic_time ();
        }
      round_time = MIN (round_time, G_GINT64_CONSTANT (2000000));
      g_usleep (g_test_rand_int_range (0, (gint32) round_time));
      kill (pid, SIGKILL);
      close (fds[0]);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        g_error ("the writer was not killed: it exited with status %d", WEXITSTATUS (status));

      g_assert_true (g_file_get_contents (replaced, &got, NULL, NULL));
      if (!g_str_equal (got, small) && !g_str_equal (got, large))
        torn++;
      g_assert_cmpuint (torn, ==, 0);

      load_without_problems (path, &n_decisions);
      g_assert_cmpuint (n_decisions, >=, previous);
      previous = n_decisions;
    }
  survived += previous;
  g_test_message ("%u kills, %u decisions survived whole", iterations, survived);
  /* The kills landed while writing, not only before the first write. */
  g_assert_cmpuint (survived, >, 0);
}

static void
test_write_new_never_replaces (void)
{
  g_autofree char *path = make_store ();
  g_autofree char *file = g_build_filename (path, "once.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (_quorum_file_write_new (file, "first\n", 6, &error));
  g_assert_no_error (error);
  g_assert_false (_quorum_file_write_new (file, "second\n", 7, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (file, &got, NULL, NULL));
  g_assert_cmpstr (got, ==, "first\n");

  /* No temporary file is left behind either way. */
  dir = g_dir_open (path, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".tmp"));
}

/* Holds the lock until killed; tells the parent through a pipe. */
static pid_t
hold_lock (const char *path)
{
  int fds[2];
  pid_t pid;
  char byte;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      QuorumStoreLock *lock;

      g_set_prgname ("quorum-test-holder");
      lock = quorum_store_lock_acquire (path, 0, NULL, NULL);
      if (lock == NULL || write (fds[1], "L", 1) != 1)
        _exit (3);
      for (;;)
        pause ();
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &byte, 1), ==, 1);
  close (fds[0]);
  return pid;
}

static void
test_one_writer (void)
{
  g_autofree char *path = make_store ();
  g_autofree char *holder = NULL;
  g_autofree char *pid_text = NULL;
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(QuorumDecision) refused = NULL;
  g_autoptr(QuorumDecision) decided = NULL;
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (path, "decisions", "wp", NULL);
  int status;
  pid_t pid;

  g_assert_true (quorum_store_load (store, NULL, NULL));
  pid = hold_lock (path);
  pid_text = g_strdup_printf ("process %d ", (int) pid);

  holder = quorum_store_lock_dup_holder (path);
  g_assert_nonnull (holder);
  g_assert_true (g_str_has_prefix (holder, "quorum-test-holder, "));
  g_assert_nonnull (strstr (holder, pid_text));

  /* A second writer is refused, after waiting, and says who is writing. */
  refused = quorum_store_decide (store, "wp", "approve", "A", NULL, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, pid_text));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Reading never waits for the lock. */
  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);

  /* The holder crashes: its lock is stale and taken over at once. */
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_null (quorum_store_lock_dup_holder (path));
  lock = quorum_store_lock_acquire (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_lock_get_was_stale (lock));
  g_clear_object (&lock);

  /* Released cleanly this time, so not stale; and writing works again. */
  decided = quorum_store_decide (store, "wp", "approve", "A", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decided);
  lock = quorum_store_lock_acquire (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (quorum_store_lock_get_was_stale (lock));
}

/* Two threads of one process are two writers too. */
static void
test_lock_in_process (void)
{
  g_autofree char *path = make_store ();
  g_autoptr(QuorumStoreLock) first = NULL;
  g_autoptr(QuorumStoreLock) second = NULL;
  g_autoptr(GError) error = NULL;

  first = quorum_store_lock_acquire (path, 0, NULL, &error);
  g_assert_no_error (error);
  second = quorum_store_lock_acquire (path, 100, NULL, &error);
  g_assert_null (second);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_BUSY);
  g_clear_error (&error);
  g_clear_object (&first);
  second = quorum_store_lock_acquire (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  made = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/crash-safe/write-new-never-replaces", test_write_new_never_replaces);
  g_test_add_func ("/crash-safe/lock-in-process", test_lock_in_process);
  g_test_add_func ("/crash-safe/one-writer", test_one_writer);
  g_test_add_func ("/crash-safe/kill-writers", test_kill_writers);

  status = g_test_run ();
  for (guint i = 0; i < made->len; i++)
    quorum_test_rm_rf (g_ptr_array_index (made, i));
  g_ptr_array_unref (made);
  return status;
}
