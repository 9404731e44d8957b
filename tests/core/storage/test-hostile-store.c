/* test-hostile-store.c: a store made by someone else
 *
 * A store arrives as a folder, a tarball, a clone or a sync, so whoever
 * made it controls its symbolic links, special files and names. These
 * tests make the real things (symbolic links to files outside the store
 * and to /dev/zero, loops, FIFOs, sparse files, a bind mount) and check
 * that loading reports each and carries on, and that writing never goes
 * through a link or removes a file it did not make.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-core.h"
#include "quorum-file-util.h"
#include "quorum-load-context.h"
#include "quorum-test-util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

/* A package of the sample store that is awaiting a decision. */
#define PACKAGE "wp-2020-21-q4-tabasc"

static GPtrArray *made;

static char *
make_tmp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("quorum-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  g_ptr_array_add (made, g_strdup (dir));
  return dir;
}

/* A copy of the sample store, in a folder of its own. */
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

static QuorumStore *
load_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  QuorumStore *store = quorum_store_new (path);
  GListModel *problems;

  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  problems = quorum_store_get_problems (store);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *text = quorum_problem_to_string (problem);

      g_test_message ("problem: %s", text);
    }
  return store;
}

/* The problem reported against @file, which must be the only one. */
static QuorumProblem *
problem_for (QuorumStore *store,
             const char  *file)
{
  GListModel *problems = quorum_store_get_problems (store);
  QuorumProblem *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);

      if (g_str_equal (quorum_problem_get_file (problem), file))
        {
          g_assert_null (found);
          found = g_object_ref (problem);
        }
    }
  if (found == NULL)
    g_error ("no problem names %s", file);
  return found;
}

static void
assert_problem (QuorumStore *store,
                const char  *file,
                const char  *words)
{
  g_autoptr(QuorumProblem) problem = problem_for (store, file);

  if (strstr (quorum_problem_get_message (problem), words) == NULL)
    g_error ("%s: “%s” does not say “%s”", file, quorum_problem_get_message (problem), words);
}

static QuorumDecision *
decide (const char  *store_path,
        GError     **error)
{
  g_autoptr(QuorumStore) store = load_store (store_path);

  return quorum_store_decide (store, PACKAGE, "approve", "X", NULL, NULL, NULL, error);
}

static void
make_fifo (const char *path)
{
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
}

static void
make_link (const char *target,
           const char *path)
{
  g_assert_cmpint (symlink (target, path), ==, 0);
}

/* The lock --------------------------------------------------------------- */

/* The lock is a link to a file outside: the write is refused, the file
 * is left as it was; a dangling link creates nothing at its target. */
static void
test_lock_symlink (void)
{
  g_autofree char *store = copy_sample ();
  g_autofree char *outside = make_tmp ();
  g_autofree char *precious = g_build_filename (outside, "precious.txt", NULL);
  g_autofree char *nothing = g_build_filename (outside, "nothing.txt", NULL);
  g_autofree char *folder = g_build_filename (store, ".quorum", NULL);
  g_autofree char *lock = g_build_filename (folder, "lock", NULL);
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;

  quorum_test_write_file (outside, "precious.txt", "precious\n", -1);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  make_link (precious, lock);

  decision = decide (store, &error);
  g_assert_null (decision);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, lock));
  g_assert_true (g_file_get_contents (precious, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "precious\n");
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (lock), ==, 0);
  make_link (nothing, lock);
  decision = decide (store, &error);
  g_assert_null (decision);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));
}

/* A FIFO or a hard link to another file as the lock is refused at once. */
static void
test_lock_special (void)
{
  g_autofree char *store = copy_sample ();
  g_autofree char *folder = g_build_filename (store, ".quorum", NULL);
  g_autofree char *lock = g_build_filename (folder, "lock", NULL);
  g_autofree char *precious = g_build_filename (store, "precious.txt", NULL);
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  make_fifo (lock);
  decision = decide (store, &error);
  g_assert_null (decision);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, lock));
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (lock), ==, 0);
  quorum_test_write_file (store, "precious.txt", "precious\n", -1);
  g_assert_cmpint (link (precious, lock), ==, 0);
  decision = decide (store, &error);
  g_assert_null (decision);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_assert_true (g_file_get_contents (precious, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "precious\n");
}

/* Writing ---------------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in a folder, sorted, one a line. */
static char *
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (char *) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* A decision's folder, or the outbox's, is a link to a folder outside:
 * nothing is written there and nothing of its is removed. */
static void
test_write_symlinked_folder (gconstpointer data)
{
  const char *relpath = data;
  g_autofree char *store = copy_sample ();
  g_autofree char *outside = make_tmp ();
  g_autofree char *link_path = g_build_filename (store, relpath, NULL);
  g_autofree char *parent = g_path_get_dirname (link_path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;

  quorum_test_write_file (outside, ".keep.abc.tmp", "someone else's\n", -1);
  quorum_test_write_file (outside, "notes.txt", "notes\n", -1);
  before = list_folder (outside);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  make_link (outside, link_path);

  decision = decide (store, &error);
  g_assert_null (decision);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, relpath));
  after = list_folder (outside);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
}

/* A temporary-looking file that is not the writer's own stays. */
static void
test_write_keeps_others_temporary_files (void)
{
  g_autofree char *store = copy_sample ();
  g_autofree char *folder = g_build_filename (store, "decisions", PACKAGE, NULL);
  g_autofree char *other = g_build_filename (folder, ".keep.abc.tmp", NULL);
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;

  quorum_test_write_file (folder, ".keep.abc.tmp", "someone else's\n", -1);
  decision = decide (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decision);
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));

  /* the folder holds that file and the decision, and nothing else */
  written = g_path_get_basename (quorum_decision_get_file (decision));
  expected = g_strdup_printf (".keep.abc.tmp\n%s", written);
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, expected);
}

/* Reading ---------------------------------------------------------------- */

/* The register as a link to /dev/zero, or as a FIFO: reported, not read. */
static void
test_read_special_register (void)
{
  g_autofree char *store = copy_sample ();
  g_autofree char *path = g_build_filename (store, "committees.json", NULL);
  g_autoptr(QuorumStore) loaded = NULL;
  g_autoptr(QuorumStore) again = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  make_link ("/dev/zero", path);
  loaded = load_store (store);
  assert_problem (loaded, path, "symbolic link");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (loaded)), >, 0);

  g_assert_cmpint (g_unlink (path), ==, 0);
  make_fifo (path);
  again = load_store (store);
  assert_problem (again, path, "FIFO");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (again)), >, 0);
}

/* Every entry of budgets/ that is not loaded is a problem naming it. */
static void
test_read_budget_entries (void)
{
  g_autofree char *store = copy_sample ();
  g_autofree char *budgets = g_build_filename (store, "budgets", NULL);
  g_autofree char *fifo = g_build_filename (budgets, "fifo.json", NULL);
  g_autofree char *pipe = g_build_filename (budgets, "pipe", NULL);
  g_autofree char *folder = g_build_filename (budgets, "folder.json", NULL);
  g_autofree char *zero = g_build_filename (budgets, "zero.json", NULL);
  g_autofree char *loop = g_build_filename (budgets, "loop.json", NULL);
  g_autofree char *loop_a = g_build_filename (budgets, "loop-a.json", NULL);
  g_autofree char *loop_b = g_build_filename (budgets, "loop-b.json", NULL);
  g_autoptr(QuorumStore) clean = load_store (store);
  g_autoptr(QuorumStore) loaded = NULL;
  guint n_clean = g_list_model_get_n_items (quorum_store_get_problems (clean));

  make_fifo (fifo);
  make_fifo (pipe);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  make_link ("/dev/zero", zero);
  make_link ("loop.json", loop);
  make_link ("loop-b.json", loop_a);
  make_link ("loop-a.json", loop_b);

  loaded = load_store (store);
  assert_problem (loaded, fifo, "FIFO");
  assert_problem (loaded, pipe, "FIFO");
  assert_problem (loaded, folder, "folder");
  assert_problem (loaded, zero, "symbolic link");
  assert_problem (loaded, loop, "symbolic link");
  assert_problem (loaded, loop_a, "symbolic link");
  assert_problem (loaded, loop_b, "symbolic link");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (loaded)), ==,
                    n_clean + 7);
  /* the rest of the store loads as before */
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (loaded)), ==,
                    g_list_model_get_n_items (quorum_store_get_documents (clean)));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_work_packages (loaded)), ==,
                    g_list_model_get_n_items (quorum_store_get_work_packages (clean)));
}

/* A missing budgets/ folder is reported; a linked one is reported and not
 * followed. */
static void
test_read_budgets_folder (void)
{
  g_autofree char *store = copy_sample ();
  g_autofree char *budgets = g_build_filename (store, "budgets", NULL);
  g_autofree char *moved = g_build_filename (store, "elsewhere", NULL);
  g_autoptr(QuorumStore) missing = NULL;
  g_autoptr(QuorumStore) linked = NULL;

  g_assert_cmpint (g_rename (budgets, moved), ==, 0);
  missing = load_store (store);
  assert_problem (missing, budgets, "missing");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (missing)), ==, 0);

  make_link ("elsewhere", budgets);
  linked = load_store (store);
  assert_problem (linked, budgets, "symbolic link");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_documents (linked)), ==, 0);
}

/* A decisions/ entry that is a link to a folder is reported, not read. */
static void
test_read_decisions_link (void)
{
  g_autofree char *store = copy_sample ();
  g_autofree char *outside = make_tmp ();
  g_autofree char *link_path = g_build_filename (store, "decisions", PACKAGE, NULL);
  g_autoptr(QuorumStore) loaded = NULL;

  quorum_test_write_file (outside, "d.json", "not even JSON", -1);
  make_link (outside, link_path);
  loaded = load_store (store);
  assert_problem (loaded, link_path, "symbolic link");
}

/* The bounded read: one descriptor, a regular file, at most limit + 1
 * bytes, whatever the file's size says. */
static void
test_read_bounded (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  int dir_fd;

  quorum_test_write_file (dir, "file", "0123456789", -1);
  g_assert_true (_quorum_file_read_bounded (AT_FDCWD, file, 10, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 10);
  g_assert_cmpstr (data, ==, "0123456789");
  g_clear_pointer (&data, g_free);

  /* relative to a folder's descriptor */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_assert_cmpint (dir_fd, >=, 0);
  g_assert_true (_quorum_file_read_bounded (dir_fd, "file", 10, &data, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (data, ==, "0123456789");
  g_clear_pointer (&data, g_free);
  close (dir_fd);

  g_assert_false (_quorum_file_read_bounded (AT_FDCWD, file, 9, &data, &length, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, file));
  g_assert_nonnull (strstr (error->message, "too large"));
  g_assert_null (data);
  g_clear_error (&error);

  /* /proc files say they are empty; what they hold is caught as it is read */
  g_assert_false (_quorum_file_read_bounded (AT_FDCWD, "/proc/self/maps", 16, &data, NULL,
                                             &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT);
  g_clear_error (&error);
  g_assert_false (_quorum_file_read_bounded (AT_FDCWD, "/proc/self/pagemap", 1024 * 1024,
                                             &data, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "/proc/self/pagemap"));
  g_clear_error (&error);

  /* a FIFO nobody writes to is refused at once, not waited on */
  make_fifo (fifo);
  g_assert_false (_quorum_file_read_bounded (AT_FDCWD, fifo, 1024, &data, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, fifo));
  g_clear_error (&error);

  g_assert_false (_quorum_file_read_bounded (AT_FDCWD, "/dev/zero", 1024, &data, NULL,
                                             &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_false (_quorum_file_read_bounded (AT_FDCWD, dir, 1024, &data, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  make_link (file, link_path);
  g_assert_false (_quorum_file_read_bounded (AT_FDCWD, link_path, 1024, &data, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, link_path));
}

/* Sparse files of the per-file limit, one after another, until the store
 * crosses its memory budget: that file is refused, as a problem naming it. */
static void
test_memory_budget (void)
{
  g_autofree char *store = make_tmp ();
  g_autofree char *register_path = g_build_filename (store, "committees.json", NULL);
  g_autofree char *crossing = NULL;
  g_autoptr(QuorumStore) loaded = NULL;
  GStatBuf st;
  guint64 total;
  guint n = QUORUM_MAX_STORE_BYTES / QUORUM_MAX_FILE_BYTES + 2;

  quorum_test_write_file (store, "committees.json",
                          "{\"format\": \"quorum.committees/1\", \"committees\": []}", -1);
  g_assert_cmpint (g_stat (register_path, &st), ==, 0);
  total = (guint64) st.st_size;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("budgets/b%02u.json", i);
      g_autofree char *path = g_build_filename (store, name, NULL);
      int fd;

      quorum_test_write_file (store, name, "", -1);
      fd = open (path, O_WRONLY | O_CLOEXEC);
      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (ftruncate (fd, QUORUM_MAX_FILE_BYTES), ==, 0);
      close (fd);
      /* files are read in name order: the first to take the total over */
      if (crossing == NULL && total + QUORUM_MAX_FILE_BYTES > QUORUM_MAX_STORE_BYTES)
        crossing = g_steal_pointer (&path);
      total += QUORUM_MAX_FILE_BYTES;
    }
  g_assert_nonnull (crossing);

  loaded = load_store (store);
  assert_problem (loaded, crossing, "memory budget");
}

/* The bundled sample ----------------------------------------------------- */

/* Reached through a bind mount, the sample is still the sample: its
 * identity is its folder's device and inode, not its path. Needs a mount
 * namespace of its own (root, or user namespaces); skipped without. */
static void
sample_by_identity_child (void)
{
  const char *sample = g_getenv ("QUORUM_SAMPLE_STORE");
  const char *other = g_getenv ("QUORUM_TEST_BIND_TARGET");
  const char *marker = g_getenv ("QUORUM_TEST_MARKER");
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;

  if (unshare (CLONE_NEWNS) != 0 ||
      /* "none": the type is ignored for these, but valgrind reads it. */
      mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount (sample, other, "none", MS_BIND, NULL) != 0)
    {
      g_printerr ("no mount namespace: %s\n", g_strerror (errno));
      return;
    }
  store = load_store (other);
  g_assert_true (quorum_store_is_sample (store));
  decision = quorum_store_decide (store, PACKAGE, "approve", "X", NULL, NULL, NULL, &error);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_assert_null (decision);
  g_assert_true (g_file_set_contents (marker, "refused", -1, NULL));
}

/* Reached through a bind mount, the sample is still the sample: its
 * identity is its folder's device and inode, not its path. The mount is
 * made in a child with a mount namespace of its own (root, or user
 * namespaces); skipped where that is not permitted. */
static void
test_sample_by_identity (void)
{
  g_autofree char *sample = NULL;
  g_autofree char *base = NULL;
  g_autofree char *other = NULL;
  g_autofree char *linked = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *decisions = NULL;
  g_autoptr(QuorumStore) through_link = NULL;
  g_autoptr(QuorumStore) copied = NULL;

  if (g_test_subprocess ())
    {
      sample_by_identity_child ();
      return;
    }

  sample = copy_sample ();
  base = make_tmp ();
  other = g_build_filename (base, "other", NULL);
  linked = g_build_filename (base, "linked", NULL);
  marker = g_build_filename (base, "marker", NULL);
  decisions = g_build_filename (sample, "decisions", NULL);
  listing = list_folder (decisions);
  g_setenv ("QUORUM_SAMPLE_STORE", sample, TRUE);
  g_setenv ("QUORUM_TEST_BIND_TARGET", other, TRUE);
  g_setenv ("QUORUM_TEST_MARKER", marker, TRUE);

  /* a second name for it, and a copy of it, which is not the sample */
  make_link (sample, linked);
  through_link = quorum_store_new (linked);
  g_assert_true (quorum_store_is_sample (through_link));
  copy = copy_sample ();
  copied = quorum_store_new (copy);
  g_assert_false (quorum_store_is_sample (copied));

  g_assert_cmpint (g_mkdir (other, 0755), ==, 0);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  if (!g_file_test (marker, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("mount namespaces are not permitted here");
      return;
    }
  /* nothing was written into the sample */
  {
    g_autofree char *after = list_folder (decisions);

    g_assert_cmpstr (after, ==, listing);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* No G_TEST_OPTION_ISOLATE_DIRS: nothing here uses the user's folders, and
   * without it the fast unwinder serves under AddressSanitizer. */
  g_test_init (&argc, &argv, NULL);
  made = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/hostile/lock/symlink", test_lock_symlink);
  g_test_add_func ("/hostile/lock/special", test_lock_special);
  g_test_add_data_func ("/hostile/write/decisions-link", "decisions/" PACKAGE,
                        test_write_symlinked_folder);
  g_test_add_data_func ("/hostile/write/outbox-link", ".quorum/outbox/" PACKAGE,
                        test_write_symlinked_folder);
  g_test_add_data_func ("/hostile/write/private-link", ".quorum",
                        test_write_symlinked_folder);
  g_test_add_func ("/hostile/write/others-temporary-files",
                   test_write_keeps_others_temporary_files);
  g_test_add_func ("/hostile/read/special-register", test_read_special_register);
  g_test_add_func ("/hostile/read/budget-entries", test_read_budget_entries);
  g_test_add_func ("/hostile/read/budgets-folder", test_read_budgets_folder);
  g_test_add_func ("/hostile/read/decisions-link", test_read_decisions_link);
  g_test_add_func ("/hostile/read/bounded", test_read_bounded);
  g_test_add_func ("/hostile/read/memory-budget", test_memory_budget);
  g_test_add_func ("/hostile/sample-by-identity", test_sample_by_identity);

  status = g_test_run ();
  if (status == 0)
    for (guint i = 0; i < made->len; i++)
      quorum_test_rm_rf (g_ptr_array_index (made, i));
  g_ptr_array_unref (made);
  return status;
}
