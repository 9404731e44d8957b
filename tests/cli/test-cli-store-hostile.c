/* test-cli-store-hostile.c: quorum-cli on a store made by someone else
 *
 * The store's maker controls its symbolic links, special files and names:
 * quorum-cli must end, say what it did not load, and never write through
 * a link, whatever it finds. Real symbolic links, FIFOs and (where a mount
 * namespace is permitted) a bind mount; nothing is mocked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A package of the sample store that is awaiting a decision. */
#define PACKAGE "wp-2020-21-q4-tabasc"

static GPtrArray *made;

typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs @argv (NULL-terminated) with $QUORUM_SAMPLE_STORE set to @sample
 * (unset when NULL), and waits for it. */
static void
run (Result             *result,
     const char         *sample,
     const char * const *argv)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  env = g_environ_unsetenv (env, "QUORUM_STORE");
  if (sample != NULL)
    env = g_environ_setenv (env, "QUORUM_SAMPLE_STORE", sample, TRUE);
  result_clear (result);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &result->out, &result->err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("%s: %s", argv[0], result->err);
  result->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
}

static void
run_cli (Result     *result,
         const char *store,
         const char *command)
{
  const char *cli = g_getenv ("QUORUM_CLI");
  const char *argv[] = { cli, "--store", store, command, NULL, NULL, NULL, NULL, NULL };

  if (g_str_equal (command, "decide"))
    {
      argv[4] = PACKAGE;
      argv[5] = "approve";
      argv[6] = "--by";
      argv[7] = "X";
    }
  run (result, NULL, argv);
}

static char *
make_tmp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("quorum-cli-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  g_ptr_array_add (made, g_strdup (dir));
  return dir;
}

static char *
copy_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = make_tmp ();
  g_autofree char *sample = quorum_store_dup_sample_path ();
  char *store = g_build_filename (base, "store", NULL);

  g_assert_true (quorum_store_copy_folder (sample, store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A folder's entries and their contents, for "nothing changed here". */
static char *
describe_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *content = NULL;

      g_file_get_contents (file, &content, NULL, NULL);
      g_string_append_printf (out, "%s: %s\n", (char *) g_ptr_array_index (names, i),
                              content != NULL ? content : "(not a file)");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* `ln -s ~/precious.txt S/.quorum/lock`: decide fails, naming the lock,
 * and precious.txt keeps its content; a dangling link creates nothing. */
static void
test_lock_symlink (void)
{
  g_auto(Result) result = { 0 };
  g_autofree char *store = copy_sample ();
  g_autofree char *outside = make_tmp ();
  g_autofree char *precious = g_build_filename (outside, "precious.txt", NULL);
  g_autofree char *nothing = g_build_filename (outside, "nothing.txt", NULL);
  g_autofree char *folder = g_build_filename (store, ".quorum", NULL);
  g_autofree char *lock = g_build_filename (folder, "lock", NULL);
  g_autofree char *content = NULL;

  quorum_test_write_file (outside, "precious.txt", "precious\n", -1);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (symlink (precious, lock), ==, 0);

  run_cli (&result, store, "decide");
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, lock));
  g_assert_true (g_file_get_contents (precious, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "precious\n");

  g_assert_cmpint (g_unlink (lock), ==, 0);
  g_assert_cmpint (symlink (nothing, lock), ==, 0);
  run_cli (&result, store, "decide");
  g_assert_cmpint (result.status, !=, 0);
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));
}

/* decisions/PACKAGE, or .quorum/outbox/PACKAGE, a link to a folder
 * outside: decide fails and the folder is left exactly as it was. */
static void
test_write_symlinked_folder (gconstpointer data)
{
  const char *relpath = data;
  g_auto(Result) result = { 0 };
  g_autofree char *store = copy_sample ();
  g_autofree char *outside = make_tmp ();
  g_autofree char *link_path = g_build_filename (store, relpath, NULL);
  g_autofree char *parent = g_path_get_dirname (link_path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  quorum_test_write_file (outside, ".keep.abc.tmp", "someone else's\n", -1);
  before = describe_folder (outside);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_cmpint (symlink (outside, link_path), ==, 0);

  run_cli (&result, store, "decide");
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, relpath));
  after = describe_folder (outside);
  g_assert_cmpstr (after, ==, before);
}

/* committees.json as a link to /dev/zero, or as a FIFO: check ends at
 * once and says why the register was not read. */
static void
test_special_register (void)
{
  g_auto(Result) result = { 0 };
  g_autofree char *store = copy_sample ();
  g_autofree char *path = g_build_filename (store, "committees.json", NULL);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  run_cli (&result, store, "check");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, path));
  g_assert_nonnull (strstr (result.err, "symbolic link"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  run_cli (&result, store, "check");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, path));
  g_assert_nonnull (strstr (result.err, "FIFO"));
}

/* A budgets/ entry that is a FIFO, a folder named x.json, a link to
 * /dev/zero or a link loop: each named, and check fails. A missing
 * budgets/ folder is reported too. */
static void
test_budget_entries (void)
{
  g_auto(Result) result = { 0 };
  g_autofree char *store = copy_sample ();
  g_autofree char *budgets = g_build_filename (store, "budgets", NULL);
  g_autofree char *fifo = g_build_filename (budgets, "fifo.json", NULL);
  g_autofree char *folder = g_build_filename (budgets, "x.json", NULL);
  g_autofree char *zero = g_build_filename (budgets, "zero.json", NULL);
  g_autofree char *loop = g_build_filename (budgets, "loop.json", NULL);
  g_autofree char *moved = g_build_filename (store, "moved", NULL);
  const char * const entries[] = { fifo, folder, zero, loop };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_cmpint (symlink ("loop.json", loop), ==, 0);

  run_cli (&result, store, "check");
  g_assert_cmpint (result.status, ==, 1);
  for (gsize i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: $: ", entries[i]);

      g_assert_nonnull (strstr (result.err, line));
    }

  g_assert_cmpint (g_rename (budgets, moved), ==, 0);
  run_cli (&result, store, "check");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, budgets));
  g_assert_nonnull (strstr (result.err, "budgets folder is missing"));
}

/* `mount --bind SAMPLE X; quorum-cli --store X decide …` is refused like
 * the sample itself. The mount is made by unshare(1) in a mount namespace
 * of the command's own; skipped where that is not permitted. */
static void
test_sample_bind_mount (void)
{
  g_auto(Result) result = { 0 };
  g_autofree char *sample = copy_sample ();
  g_autofree char *base = make_tmp ();
  g_autofree char *other = g_build_filename (base, "other", NULL);
  g_autofree char *decisions = g_build_filename (sample, "decisions", NULL);
  g_autofree char *before = describe_folder (decisions);
  g_autofree char *after = NULL;
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  const char *argv[] = {
    unshare, "--mount", "sh", "-c",
    "mount --bind \"$0\" \"$1\" || exit 77; "
    "exec \"$2\" --store \"$1\" decide " PACKAGE " approve --by X",
    sample, other, g_getenv ("QUORUM_CLI"), NULL
  };

  if (unshare == NULL)
    {
      g_test_skip ("unshare(1) is not installed");
      return;
    }
  g_assert_cmpint (g_mkdir (other, 0755), ==, 0);
  run (&result, sample, argv);
  if (result.status == 77 || strstr (result.err, "unshare:") != NULL)
    {
      g_test_skip ("mount namespaces are not permitted here");
      return;
    }
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "sample store"));
  after = describe_folder (decisions);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  made = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/cli-hostile/lock-symlink", test_lock_symlink);
  g_test_add_data_func ("/cli-hostile/decisions-link", "decisions/" PACKAGE,
                        test_write_symlinked_folder);
  g_test_add_data_func ("/cli-hostile/outbox-link", ".quorum/outbox/" PACKAGE,
                        test_write_symlinked_folder);
  g_test_add_func ("/cli-hostile/special-register", test_special_register);
  g_test_add_func ("/cli-hostile/budget-entries", test_budget_entries);
  g_test_add_func ("/cli-hostile/sample-bind-mount", test_sample_bind_mount);

  status = g_test_run ();
  if (status == 0)
    for (guint i = 0; i < made->len; i++)
      quorum_test_rm_rf (g_ptr_array_index (made, i));
  g_ptr_array_unref (made);
  return status;
}
