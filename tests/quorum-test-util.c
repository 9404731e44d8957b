/* quorum-test-util.c: helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

/**
 * quorum_test_dq:
 *
 * Turns single quotes into double quotes: JSON fixtures written in C
 * strings are easier to read that way.
 *
 * Returns: (transfer full): the text
 */
char *
quorum_test_dq (const char *text)
{
  char *out = g_strdup (text);

  g_strdelimit (out, "'", '"');
  return out;
}

/* Writes @content to @dir/@relpath, making the folders on the way. */
void
quorum_test_write_file (const char *dir,
                        const char *relpath,
                        const char *content,
                        gssize      length)
{
  g_autofree char *path = g_build_filename (dir, relpath, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, content, length, &error);
  g_assert_no_error (error);
}

/* Removes a file or a folder and everything in it, not following links. */
void
quorum_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          quorum_test_rm_rf (child);
        }
    }
  g_remove (path);
}

/**
 * quorum_test_read_expected:
 * @document_ids: the documents whose `tests/data/expected/ID.findings` to read
 *
 * The sample store's findings, computed by hand from the source documents:
 * one tab-separated line each, as `quorum-cli check` prints them. Comment
 * (`#`) and empty lines are skipped.
 *
 * Returns: (transfer full) (element-type utf8): the lines
 */
GPtrArray *
quorum_test_read_expected (const char * const *document_ids)
{
  GPtrArray *expected = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; document_ids[d] != NULL; d++)
    {
      g_autofree char *name = g_strdup_printf ("%s.findings", document_ids[d]);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "expected", name,
                                                     NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strchomp (lines[i]);
          if (lines[i][0] == '\0' || lines[i][0] == '#')
            continue;
          g_ptr_array_add (expected, g_strdup (lines[i]));
        }
    }
  return expected;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Compares two sets of lines, listing every difference before failing;
 * a line that stands twice in @got fails too. Sorts both arrays. */
void
quorum_test_assert_same_lines (GPtrArray *got,
                               GPtrArray *expected)
{
  guint i = 0, j = 0, differences = 0;

  g_ptr_array_sort (got, compare_strings);
  g_ptr_array_sort (expected, compare_strings);
  while (i < got->len || j < expected->len)
    {
      int order = i >= got->len ? 1 : j >= expected->len ? -1
                  : strcmp (g_ptr_array_index (got, i), g_ptr_array_index (expected, j));

      if (order == 0)
        {
          i++, j++;
          continue;
        }
      differences++;
      if (order < 0)
        g_test_message ("not expected: %s", (char *) g_ptr_array_index (got, i++));
      else
        g_test_message ("missing:      %s", (char *) g_ptr_array_index (expected, j++));
    }
  g_assert_cmpuint (differences, ==, 0);

  for (guint k = 1; k < got->len; k++)
    g_assert_cmpstr (g_ptr_array_index (got, k - 1), !=, g_ptr_array_index (got, k));
}
