/* fuzz-replay.c: every committed fuzzing input, run as a test
 *
 * Runs each file of tests/fuzz/corpus and tests/fuzz/regressions through
 * the fuzzing entry point, one GLib test per regression input, so that a
 * crash the fuzzer once found stays fixed (and is caught by the
 * sanitizer build) without a fuzzer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "fuzz-store.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (quorum_fuzz_store_one_input ((const guint8 *) contents, length), ==, 0);
}

static void
replay_corpus (gconstpointer data)
{
  const char *folder = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      replay_file (path);
      n++;
    }
  g_test_message ("%u corpus inputs", n);
  g_assert_cmpuint (n, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *corpus = NULL;
  g_autofree char *regressions = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  corpus = g_test_build_filename (G_TEST_DIST, "corpus", NULL);
  regressions = g_test_build_filename (G_TEST_DIST, "regressions", NULL);

  g_test_add_data_func ("/fuzz/corpus", corpus, replay_corpus);
  if ((dir = g_dir_open (regressions, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      g_ptr_array_add (paths, g_strdup (name));
  g_ptr_array_sort (paths, compare_names);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *file = g_ptr_array_index (paths, i);
      g_autofree char *test = g_strconcat ("/fuzz/regression/", file, NULL);

      g_test_add_data_func_full (test, g_build_filename (regressions, file, NULL), replay_file,
                                 g_free);
    }

  return g_test_run ();
}
