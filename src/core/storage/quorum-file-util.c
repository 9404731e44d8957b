/* quorum-file-util.c: crash-safe writes
 *
 * Every file Quorum writes goes to a temporary file in the same folder,
 * is fsynced, and then takes its name in one step (rename, or link when
 * the name must not exist yet); the folder is fsynced after. A crash at
 * any point leaves either the old file or the new one, never a mixture,
 * and at worst a stray `.NAME.XXXXXX.tmp` that loading ignores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-file-util.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "quorum-error.h"

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path,
              const char  *what)
{
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, "%s: %s: %s", path, what,
               g_strerror (saved_errno));
}

gboolean
_quorum_folder_sync (const char  *folder,
                     GError     **error)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved_errno;

  if (fd < 0)
    {
      set_io_error (error, errno, folder, _("could not open the folder"));
      return FALSE;
    }
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      saved_errno = errno;
      close (fd);
      set_io_error (error, saved_errno, folder, _("could not flush the folder to disk"));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * _quorum_folder_make:
 *
 * Creates @folder and its parents, fsyncing each parent that gained an
 * entry so that the new folder survives a crash.
 */
gboolean
_quorum_folder_make (const char  *folder,
                     GError     **error)
{
  g_autofree char *parent = NULL;

  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;
  parent = g_path_get_dirname (folder);
  if (!g_str_equal (parent, folder) && !_quorum_folder_make (parent, error))
    return FALSE;
  if (g_mkdir (folder, 0755) != 0 && errno != EEXIST)
    {
      set_io_error (error, errno, folder, _("could not create the folder"));
      return FALSE;
    }
  return _quorum_folder_sync (parent, error);
}

static char *
write_temporary (const char  *path,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX.tmp", base);
  g_autofree char *temporary = g_build_filename (folder, template, NULL);
  int fd;
  gsize done = 0;

  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_io_error (error, errno, path, _("could not create a temporary file"));
      return NULL;
    }

  while (done < length)
    {
      gssize written = write (fd, data + done, length - done);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          int saved_errno = written < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (temporary);
          set_io_error (error, saved_errno, path, _("could not write"));
          return NULL;
        }
      done += (gsize) written;
    }

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (temporary);
      set_io_error (error, saved_errno, path, _("could not flush to disk"));
      return NULL;
    }
  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      set_io_error (error, saved_errno, path, _("could not write"));
      return NULL;
    }
  return g_steal_pointer (&temporary);
}

/**
 * _quorum_file_write_new:
 *
 * Writes a file that must not exist yet, crash-safely. Fails with
 * %G_IO_ERROR_EXISTS (never overwriting) if @path exists.
 */
gboolean
_quorum_file_write_new (const char  *path,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *temporary = NULL;

  if ((temporary = write_temporary (path, data, length, error)) == NULL)
    return FALSE;

  /* link() takes the name only if nobody has it: create-only, atomically. */
  if (link (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      if (saved_errno == EEXIST)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s: the file already exists"),
                     path);
      else
        set_io_error (error, saved_errno, path, _("could not create"));
      return FALSE;
    }
  g_unlink (temporary);
  return _quorum_folder_sync (folder, error);
}

/**
 * _quorum_file_replace:
 *
 * Writes @path crash-safely, replacing any file of that name.
 */
gboolean
_quorum_file_replace (const char  *path,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *temporary = NULL;

  if ((temporary = write_temporary (path, data, length, error)) == NULL)
    return FALSE;
  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      set_io_error (error, saved_errno, path, _("could not replace"));
      return FALSE;
    }
  return _quorum_folder_sync (folder, error);
}

/**
 * _quorum_remove_tree:
 * @path: a file or folder
 *
 * Removes @path and, if it is a folder, everything in it, as far as it
 * can. A symbolic link is removed, never followed. Errors are ignored:
 * for temporary and stale folders only.
 */
void
_quorum_remove_tree (const char *path)
{
  g_return_if_fail (path != NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          _quorum_remove_tree (child);
        }
    }
  g_remove (path);
}
