/* quorum-file-util.c: crash-safe writes, bounded reads
 *
 * A store arrives as a folder, a tarball, a clone or a sync, so whoever
 * made it controls its symbolic links, special files and names. Writes
 * therefore go through a descriptor of a folder: each path component
 * below it is opened O_DIRECTORY | O_NOFOLLOW, so no symbolic link inside
 * a store is ever followed. Every file Quorum writes goes to a temporary
 * file of a random name, created O_EXCL | O_NOFOLLOW in the same folder,
 * is fsynced, and then takes its name in one step (renameat, or linkat
 * when the name must not exist yet); the folder is fsynced after. A crash
 * at any point leaves either the old file or the new one, never a
 * mixture, and at worst a stray `.NAME.XXXXXX.tmp` that loading ignores.
 * Only the writer's own temporary file is ever removed.
 *
 * Reads take one descriptor (O_NOFOLLOW | O_NONBLOCK), accept only a
 * regular file and read at most the limit plus one byte, so a FIFO, a
 * device, /dev/zero behind a link or a file whose size lies is refused
 * without waiting or exhausting memory.
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
#include <sys/stat.h>
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

static gboolean
sync_fd (int          fd,
         const char  *folder,
         GError     **error)
{
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      set_io_error (error, errno, folder, _("could not flush the folder to disk"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_quorum_folder_sync (const char  *folder,
                     GError     **error)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    {
      set_io_error (error, errno, folder, _("could not open the folder"));
      return FALSE;
    }
  ok = sync_fd (fd, folder, error);
  close (fd);
  return ok;
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

/**
 * _quorum_dir_open:
 * @path: a folder the caller named (a symbolic link to it is followed)
 *
 * Returns: a descriptor of the folder, or -1 with @error set
 */
int
_quorum_dir_open (const char  *path,
                  GError     **error)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    set_io_error (error, errno, path, _("could not open the folder"));
  return fd;
}

static void
set_component_error (GError     **error,
                     int          saved_errno,
                     const char  *root_name,
                     const char  *relpath)
{
  g_autofree char *display = g_build_filename (root_name, relpath, NULL);

  if (saved_errno == ELOOP || saved_errno == ENOTDIR)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED,
                 _("%s: not a folder (a symbolic link or another kind of file), which "
                   "Quorum does not follow or write through"), display);
  else
    set_io_error (error, saved_errno, display, _("could not open the folder"));
}

/**
 * _quorum_dir_open_at:
 * @root_fd: a folder's descriptor
 * @root_name: its name, for messages
 * @relpath: a path below it, with `/` separators
 * @create: whether to create missing folders (each parent that gains one
 *   is fsynced)
 *
 * Opens @relpath one component at a time, O_DIRECTORY | O_NOFOLLOW: a
 * symbolic link or anything else that is not a folder is refused.
 *
 * Returns: a descriptor of the folder, or -1 with @error set
 */
int
_quorum_dir_open_at (int          root_fd,
                     const char  *root_name,
                     const char  *relpath,
                     gboolean     create,
                     GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (relpath, "/", -1);
  g_autoptr(GString) done = g_string_new (NULL);
  int fd = dup (root_fd);

  if (fd < 0)
    {
      set_io_error (error, errno, root_name, _("could not open the folder"));
      return -1;
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
      int next;

      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (done->len > 0)
        g_string_append_c (done, '/');
      g_string_append (done, parts[i]);
      if (g_str_equal (parts[i], ".."))
        {
          close (fd);
          set_component_error (error, ENOTDIR, root_name, done->str);
          return -1;
        }
      next = openat (fd, parts[i], flags);
      if (next < 0 && errno == ENOENT && create)
        {
          if (mkdirat (fd, parts[i], 0755) != 0 && errno != EEXIST)
            {
              g_autofree char *display = g_build_filename (root_name, done->str, NULL);

              set_io_error (error, errno, display, _("could not create the folder"));
              close (fd);
              return -1;
            }
          if (!sync_fd (fd, root_name, error))
            {
              close (fd);
              return -1;
            }
          next = openat (fd, parts[i], flags);
        }
      if (next < 0)
        {
          set_component_error (error, errno, root_name, done->str);
          close (fd);
          return -1;
        }
      close (fd);
      fd = next;
    }
  return fd;
}

/* Creates a temporary file of a random name in @dir_fd, never following
 * or reusing an existing name, and writes @data to it, fsynced. */
static char *
write_temporary (int          dir_fd,
                 const char  *name,
                 const char  *display,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autofree char *temporary = NULL;
  gsize done = 0;
  int fd = -1;

  for (guint attempt = 0; attempt < 100 && fd < 0; attempt++)
    {
      g_free (temporary);
      temporary = g_strdup_printf (".%s.%08x.tmp", name, g_random_int ());
      fd = openat (dir_fd, temporary,
                   O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
      if (fd < 0 && errno != EEXIST)
        break;
    }
  if (fd < 0)
    {
      set_io_error (error, errno, display, _("could not create a temporary file"));
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
          unlinkat (dir_fd, temporary, 0);
          set_io_error (error, saved_errno, display, _("could not write"));
          return NULL;
        }
      done += (gsize) written;
    }

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      unlinkat (dir_fd, temporary, 0);
      set_io_error (error, saved_errno, display, _("could not flush to disk"));
      return NULL;
    }
  if (close (fd) != 0)
    {
      int saved_errno = errno;

      unlinkat (dir_fd, temporary, 0);
      set_io_error (error, saved_errno, display, _("could not write"));
      return NULL;
    }
  return g_steal_pointer (&temporary);
}

/* Writes a temporary file, then gives it @name in one step: renameat()
 * replaces whatever has the name (a symbolic link is replaced, never
 * followed); linkat() takes the name only if nobody has it. */
static gboolean
put_file (int          dir_fd,
          const char  *name,
          const char  *display,
          const char  *data,
          gsize        length,
          gboolean     replace,
          GError     **error)
{
  g_autofree char *temporary = NULL;
  int saved_errno;

  if ((temporary = write_temporary (dir_fd, name, display, data, length, error)) == NULL)
    return FALSE;
  if (replace ? renameat (dir_fd, temporary, dir_fd, name) == 0
              : linkat (dir_fd, temporary, dir_fd, name, 0) == 0)
    {
      if (!replace)
        unlinkat (dir_fd, temporary, 0);
      return sync_fd (dir_fd, display, error);
    }
  saved_errno = errno;
  unlinkat (dir_fd, temporary, 0);
  if (!replace && saved_errno == EEXIST)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s: the file already exists"),
                 display);
  else
    set_io_error (error, saved_errno, display,
                  replace ? _("could not replace") : _("could not create"));
  return FALSE;
}

/**
 * _quorum_file_write_new_at:
 * @dir_fd: the folder
 * @name: a file name in it (no `/`)
 * @display: the file's name in messages
 *
 * Writes a file that must not exist yet, crash-safely. Fails with
 * %G_IO_ERROR_EXISTS (never overwriting, nor following a symbolic link
 * of that name) if @name exists.
 */
gboolean
_quorum_file_write_new_at (int          dir_fd,
                           const char  *name,
                           const char  *display,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  return put_file (dir_fd, name, display, data, length, FALSE, error);
}

/**
 * _quorum_file_replace_at:
 *
 * Writes @name in @dir_fd crash-safely, replacing any file of that name
 * (a symbolic link of that name is replaced, never followed).
 */
gboolean
_quorum_file_replace_at (int          dir_fd,
                         const char  *name,
                         const char  *display,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  return put_file (dir_fd, name, display, data, length, TRUE, error);
}

typedef gboolean (*WriteAtFunc) (int, const char *, const char *, const char *, gsize,
                                 GError **);

/* Opens @path's folder (as the caller named it) and writes through it. */
static gboolean
write_in_folder (WriteAtFunc   func,
                 const char   *path,
                 const char   *data,
                 gsize         length,
                 GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  gboolean ok;
  int dir_fd;

  if ((dir_fd = _quorum_dir_open (folder, error)) < 0)
    return FALSE;
  ok = func (dir_fd, base, path, data, length, error);
  close (dir_fd);
  return ok;
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
  return write_in_folder (_quorum_file_write_new_at, path, data, length, error);
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
  return write_in_folder (_quorum_file_replace_at, path, data, length, error);
}

/**
 * _quorum_store_file_replace:
 * @store_path: a store folder (followed if a symbolic link: the caller named it)
 * @relpath: a file in it, with `/` separators
 *
 * Replaces @relpath crash-safely through a descriptor of the store,
 * creating its folders, never following a symbolic link below the store.
 */
gboolean
_quorum_store_file_replace (const char  *store_path,
                            const char  *relpath,
                            const char  *data,
                            gsize        length,
                            GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (relpath);
  g_autofree char *base = g_path_get_basename (relpath);
  g_autofree char *display = g_build_filename (store_path, relpath, NULL);
  gboolean ok;
  int root_fd, dir_fd;

  if ((root_fd = _quorum_dir_open (store_path, error)) < 0)
    return FALSE;
  dir_fd = _quorum_dir_open_at (root_fd, store_path, folder, TRUE, error);
  close (root_fd);
  if (dir_fd < 0)
    return FALSE;
  ok = _quorum_file_replace_at (dir_fd, base, display, data, length, error);
  close (dir_fd);
  return ok;
}

/**
 * _quorum_store_file_read:
 * @store_path: a store folder (followed if a symbolic link: the caller named it)
 * @relpath: a file in it, with `/` separators
 *
 * Reads @relpath as _quorum_file_read_bounded() does, through a descriptor
 * of the store, never following a symbolic link below the store. Errors
 * name the file's full path.
 */
gboolean
_quorum_store_file_read (const char  *store_path,
                         const char  *relpath,
                         gsize        limit,
                         char       **out_data,
                         gsize       *out_length,
                         GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (relpath);
  g_autofree char *base = g_path_get_basename (relpath);
  g_autofree char *display = g_build_filename (store_path, relpath, NULL);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;
  int root_fd, dir_fd;

  if ((root_fd = _quorum_dir_open (store_path, error)) < 0)
    return FALSE;
  dir_fd = _quorum_dir_open_at (root_fd, store_path, folder, FALSE, error);
  close (root_fd);
  if (dir_fd < 0)
    return FALSE;
  ok = _quorum_file_read_bounded (dir_fd, base, limit, out_data, out_length, &local_error);
  close (dir_fd);
  if (!ok)
    {
      /* Name the whole path, not only the file's name. */
      g_autofree char *message = g_str_has_prefix (local_error->message, base)
                                   ? g_strconcat (display, local_error->message + strlen (base),
                                                  NULL)
                                   : g_strdup (local_error->message);

      g_set_error_literal (error, local_error->domain, local_error->code, message);
    }
  return ok;
}

/**
 * _quorum_file_describe_type:
 * @mode: a file's st_mode
 *
 * Returns: what kind of file it is, for messages ("a FIFO (named pipe)")
 */
const char *
_quorum_file_describe_type (mode_t mode)
{
  if (S_ISREG (mode))
    return _("a regular file");
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISLNK (mode))
    return _("a symbolic link");
  if (S_ISFIFO (mode))
    return _("a FIFO (named pipe)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("an unknown kind of file");
}

static void
set_open_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  if (saved_errno == ELOOP)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED,
                 _("%s: is a symbolic link, which Quorum does not follow in a store"), path);
  else if (saved_errno == ENOENT)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND, "%s: %s", path,
                 g_strerror (saved_errno));
  else
    set_io_error (error, saved_errno, path, _("could not open"));
}

static void
set_too_large (GError     **error,
               const char  *path,
               gsize        limit,
               goffset      size)
{
  g_autofree char *limit_text = NULL;

  if (limit % (1024 * 1024) == 0)
    limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT " MiB", limit / (1024 * 1024));
  else
    limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT "-byte", limit);
  if (size >= 0)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT,
                 _("%s: file too large: %lld bytes is over the %s limit"),
                 path, (long long) size, limit_text);
  else
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT,
                 _("%s: file too large: over the %s limit"), path, limit_text);
}

/**
 * _quorum_open_nofollow_at:
 *
 * openat (@dir_fd, @path, @flags | O_NOFOLLOW, @mode), also where
 * O_NOFOLLOW fails on every file: the document portal's FUSE mount (a
 * Flatpak's view of a folder the user picked) reopens files through
 * /proc/self/fd, so there O_NOFOLLOW fails with ELOOP on a regular file.
 * On ELOOP the name is checked with fstatat (AT_SYMLINK_NOFOLLOW): a real
 * symbolic link still fails with ELOOP; anything else is opened without
 * O_NOFOLLOW (nor O_CREAT) and kept only if it is the very file checked
 * (same device and inode), so a link swapped in between is not followed.
 *
 * Returns: the descriptor, or -1 with errno set
 */
int
_quorum_open_nofollow_at (int         dir_fd,
                          const char *path,
                          int         flags,
                          mode_t      mode)
{
  struct stat before, after;
  int fd = openat (dir_fd, path, flags | O_NOFOLLOW, mode);

  if (fd >= 0 || errno != ELOOP)
    return fd;
  if (fstatat (dir_fd, path, &before, AT_SYMLINK_NOFOLLOW) != 0 || S_ISLNK (before.st_mode))
    {
      errno = ELOOP;
      return -1;
    }
  fd = openat (dir_fd, path, flags & ~(O_CREAT | O_EXCL), mode);
  if (fd < 0)
    return -1;
  if (fstat (fd, &after) != 0 || after.st_dev != before.st_dev || after.st_ino != before.st_ino)
    {
      close (fd);
      errno = ELOOP;
      return -1;
    }
  return fd;
}

/**
 * _quorum_file_read_bounded:
 * @dir_fd: the folder @path is relative to, or AT_FDCWD
 * @path: the file; if a symbolic link, it is refused
 * @limit: the most bytes accepted
 * @out_data: (out): the contents, NUL-terminated
 * @out_length: (out) (optional): their length
 *
 * Reads a whole file through one descriptor, opened O_NOFOLLOW |
 * O_NONBLOCK: only a regular file is accepted, and at most @limit + 1
 * bytes are read, so a file larger than its size says (a /proc file) is
 * caught as well as one that says so. Errors name @path:
 * %QUORUM_ERROR_LIMIT when over @limit, %QUORUM_ERROR_NOT_ALLOWED for a
 * symbolic link or a special file.
 */
gboolean
_quorum_file_read_bounded (int          dir_fd,
                           const char  *path,
                           gsize        limit,
                           char       **out_data,
                           gsize       *out_length,
                           GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize capacity, target, done = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_data != NULL, FALSE);
  g_return_val_if_fail (limit < G_MAXSIZE - 16, FALSE);

  fd = _quorum_open_nofollow_at (dir_fd, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_open_error (error, errno, path);
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      set_io_error (error, errno, path, _("could not read"));
      close (fd);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED,
                   _("%s: is %s, not a regular file"), path,
                   _quorum_file_describe_type (st.st_mode));
      close (fd);
      return FALSE;
    }

  if (st.st_size > 0 && (guint64) st.st_size > limit)
    {
      set_too_large (error, path, limit, st.st_size);
      close (fd);
      return FALSE;
    }

  /* Trust st_size only as a first guess: read up to limit + 1 bytes, in
   * requests of multiples of 8 bytes (some /proc files refuse others). */
  target = (limit + 8) & ~(gsize) 7;
  capacity = MIN (((gsize) MAX (st.st_size, 0) + 4096) & ~(gsize) 4095, target);
  data = g_malloc (capacity + 1);
  for (;;)
    {
      gssize n;

      if (done == capacity)
        {
          if (done > limit)
            break;
          capacity = MIN (capacity * 2, target);
          data = g_realloc (data, capacity + 1);
        }
      n = read (fd, data + done, capacity - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, errno, path, _("could not read"));
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      done += (gsize) n;
    }
  close (fd);

  if (done > limit)
    {
      set_too_large (error, path, limit, -1);
      return FALSE;
    }
  data[done] = '\0';
  if (out_length != NULL)
    *out_length = done;
  *out_data = g_steal_pointer (&data);
  return TRUE;
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
