/* test-store-lock.c: the store lock where the file system has no locks
 *
 * On the document portal's FUSE mount flock(2) fails with ENOSYS and the
 * lock is STORE/.quorum/lock.excl instead (see quorum-store-lock.c). These
 * tests force that fallback on any file system with the test-only
 * QUORUM_TEST_LOCK_FALLBACK=1: taking and releasing it, a lock left by a
 * dead process retaken, a live holder making a second writer wait and time
 * out naming it, and a holder elsewhere never taken as stale. The holders
 * are fork()ed children, as in test-crash-safe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *
make_store (void)
{
  g_autoptr(GError) error = NULL;
  char *store = g_dir_make_tmp ("quorum-lock-XXXXXX", &error);

  g_assert_no_error (error);
  return store;
}

static char *
excl_path (const char *store)
{
  return g_build_filename (store, ".quorum", "lock.excl", NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static char *
boot_id (void)
{
  g_autofree char *text = read_text ("/proc/sys/kernel/random/boot_id");

  return g_strdup (g_strstrip (text));
}

/* A child that takes the lock and tells the parent through a pipe; then
 * it waits to be killed (@hold) or ends at once without releasing it. */
static pid_t
fork_holder (const char *store,
             gboolean    hold)
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
      lock = quorum_store_lock_acquire (store, 0, NULL, NULL);
      if (lock == NULL || write (fds[1], "L", 1) != 1)
        _exit (3);
      /* Ends as a crash would, holding it: SIGKILL, so that no leak check
       * (valgrind's, in the child too) runs on what it still holds. */
      if (!hold)
        kill (getpid (), SIGKILL);
      for (;;)
        pause ();
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &byte, 1), ==, 1);
  close (fds[0]);
  return pid;
}

static void
test_take_release (void)
{
  g_autofree char *store = make_store ();
  g_autofree char *excl = excl_path (store);
  g_autofree char *text = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *boot = boot_id ();
  g_autofree char *want = NULL;
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  lock = quorum_store_lock_acquire (store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (quorum_store_lock_get_was_stale (lock));

  /* The file says who holds it, and from where. */
  text = read_text (excl);
  want = g_strdup_printf ("\npid=%d\nhost=%s\nboot=%s\npidns=", (int) getpid (),
                          g_get_host_name (), boot);
  g_assert_nonnull (strstr (text, want));
  holder = quorum_store_lock_dup_holder (store);
  g_assert_nonnull (holder);
  g_clear_pointer (&want, g_free);
  want = g_strdup_printf ("process %d on %s", (int) getpid (), g_get_host_name ());
  g_assert_nonnull (strstr (holder, want));

  /* Released: the file is gone, nobody holds it, it can be taken again. */
  g_clear_object (&lock);
  g_assert_false (g_file_test (excl, G_FILE_TEST_EXISTS));
  g_assert_null (quorum_store_lock_dup_holder (store));
  lock = quorum_store_lock_acquire (store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (quorum_store_lock_get_was_stale (lock));
  g_clear_object (&lock);
  quorum_test_rm_rf (store);
}

static void
test_stale (void)
{
  g_autofree char *store = make_store ();
  g_autofree char *excl = excl_path (store);
  g_autofree char *text = NULL;
  g_autofree char *mine = g_strdup_printf ("\npid=%d\n", (int) getpid ());
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  pid_t pid;

  /* The child ends holding it: its file stays, naming a process now gone. */
  pid = fork_holder (store, FALSE);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_assert_true (g_file_test (excl, G_FILE_TEST_IS_REGULAR));
  g_assert_null (quorum_store_lock_dup_holder (store));

  lock = quorum_store_lock_acquire (store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_lock_get_was_stale (lock));
  text = read_text (excl);
  g_assert_nonnull (strstr (text, mine));
  g_clear_object (&lock);
  g_assert_false (g_file_test (excl, G_FILE_TEST_EXISTS));
  quorum_test_rm_rf (store);
}

static void
test_live_holder (void)
{
  g_autofree char *store = make_store ();
  g_autofree char *excl = excl_path (store);
  g_autofree char *holder = NULL;
  g_autofree char *names = NULL;
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, waited;
  int status;
  pid_t pid;

  pid = fork_holder (store, TRUE);
  names = g_strdup_printf ("quorum-test-holder, process %d on %s", (int) pid,
                           g_get_host_name ());
  holder = quorum_store_lock_dup_holder (store);
  g_assert_nonnull (holder);
  g_assert_true (g_str_has_prefix (holder, names));

  /* The second writer waits as long as it was told to, then names the holder. */
  start = g_get_monotonic_time ();
  lock = quorum_store_lock_acquire (store, 150, NULL, &error);
  waited = g_get_monotonic_time () - start;
  g_assert_null (lock);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, names));
  g_assert_nonnull (strstr (error->message, store));
  g_assert_cmpint (waited, >=, 150 * 1000);
  g_assert_true (g_file_test (excl, G_FILE_TEST_IS_REGULAR));
  g_clear_error (&error);

  /* Killed: the lock is stale and taken over at once. */
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  lock = quorum_store_lock_acquire (store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_lock_get_was_stale (lock));
  g_clear_object (&lock);
  quorum_test_rm_rf (store);
}

/* A holder on another host, or on this one before a restart, cannot be
 * checked: never stale, and the message says which file to remove. */
static void
test_elsewhere (void)
{
  g_autofree char *store = make_store ();
  g_autofree char *excl = excl_path (store);
  g_autofree char *boot = boot_id ();
  g_autofree char *pidns = g_file_read_link ("/proc/self/ns/pid", NULL);
  g_autoptr(GError) error = NULL;
  int status;
  pid_t dead;

  /* A process id certainly gone: a child reaped. */
  dead = fork ();
  g_assert_cmpint (dead, >=, 0);
  if (dead == 0)
    _exit (0);
  g_assert_cmpint (waitpid (dead, &status, 0), ==, dead);
  g_assert_nonnull (pidns);
  quorum_test_write_file (store, ".quorum/lock", "", -1);

  for (guint i = 0; i < 2; i++)
    {
      const char *host = i == 0 ? "elsewhere" : g_get_host_name ();
      g_autofree char *first = g_strdup_printf ("quorum, process %d on %s, since "
                                                "2026-12-01T14:02:11Z\n", (int) dead, host);
      g_autofree char *text = NULL;
      g_autofree char *holder = NULL;
      g_autoptr(QuorumStoreLock) lock = NULL;

      text = g_strdup_printf ("%spid=%d\nhost=%s\nboot=%s\npidns=%s\n", first, (int) dead,
                              host, i == 0 ? boot : "00000000-0000-0000-0000-000000000000", pidns);
      quorum_test_write_file (store, ".quorum/lock.excl", text, -1);
      holder = quorum_store_lock_dup_holder (store);
      g_assert_nonnull (holder);
      g_assert_true (g_str_has_prefix (first, holder));

      lock = quorum_store_lock_acquire (store, 50, NULL, &error);
      g_assert_null (lock);
      g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_BUSY);
      g_assert_nonnull (strstr (error->message, holder));
      g_assert_nonnull (strstr (error->message, excl));
      g_clear_error (&error);
      g_assert_true (g_file_test (excl, G_FILE_TEST_IS_REGULAR));
    }
  quorum_test_rm_rf (store);
}

/* lock.excl as a symbolic link is refused, never followed or removed. */
static void
test_symlink (void)
{
  g_autofree char *store = make_store ();
  g_autofree char *excl = excl_path (store);
  g_autofree char *target = g_build_filename (store, "precious", NULL);
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  quorum_test_write_file (store, "precious", "keep\n", -1);
  quorum_test_write_file (store, ".quorum/.keep", "", -1);
  g_assert_cmpint (symlink (target, excl), ==, 0);
  lock = quorum_store_lock_acquire (store, 0, NULL, &error);
  g_assert_null (lock);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, excl));
  g_assert_true (g_file_test (excl, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  quorum_test_rm_rf (store);
}

/* Without the variable, flock(2) is used and lock.excl never appears. */
static void
test_flock_by_default (void)
{
  g_autofree char *store = make_store ();
  g_autofree char *excl = excl_path (store);
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  g_unsetenv ("QUORUM_TEST_LOCK_FALLBACK");
  lock = quorum_store_lock_acquire (store, 0, NULL, &error);
  g_setenv ("QUORUM_TEST_LOCK_FALLBACK", "1", TRUE);
  g_assert_no_error (error);
  g_assert_false (g_file_test (excl, G_FILE_TEST_EXISTS));
  g_clear_object (&lock);
  quorum_test_rm_rf (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("QUORUM_TEST_LOCK_FALLBACK", "1", TRUE);

  g_test_add_func ("/store-lock/fallback/take-release", test_take_release);
  g_test_add_func ("/store-lock/fallback/stale", test_stale);
  g_test_add_func ("/store-lock/fallback/live-holder", test_live_holder);
  g_test_add_func ("/store-lock/fallback/elsewhere", test_elsewhere);
  g_test_add_func ("/store-lock/fallback/symlink", test_symlink);
  g_test_add_func ("/store-lock/flock-by-default", test_flock_by_default);

  return g_test_run ();
}
