/* quorum-store-lock.c: one writer at a time on a store
 *
 * Every write to a store (a decision, a sync, a restore) holds
 * STORE/.quorum/lock: an advisory flock(2) on that file, plus a line in it
 * saying who holds it (program, process id, host, since when) so that a
 * second writer can say who is in the way. The kernel drops the flock when
 * its process ends, however it ends, so a lock left by a crashed process is
 * not a lock at all: the next writer takes it straight away, sees the dead
 * holder's line still in the file and knows the last write was cut short
 * (quorum_store_lock_get_was_stale()). Reading a store never takes the
 * lock, so it never waits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-store-lock.h"
#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-store-layout.h"

struct _QuorumStoreLock
{
  GObject parent_instance;

  int fd;
  char *path;
  gboolean held;
  gboolean was_stale;
};

G_DEFINE_FINAL_TYPE (QuorumStoreLock, quorum_store_lock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_WAS_STALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_store_lock_finalize (GObject *object)
{
  QuorumStoreLock *self = (QuorumStoreLock *) object;

  if (self->fd >= 0)
    {
      /* Empty means "released cleanly"; then the kernel drops the lock. */
      if (self->held && ftruncate (self->fd, 0) != 0)
        g_debug ("%s: could not clear the lock: %s", self->path, g_strerror (errno));
      close (self->fd);
    }
  g_free (self->path);

  G_OBJECT_CLASS (quorum_store_lock_parent_class)->finalize (object);
}

static void
quorum_store_lock_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumStoreLock *self = QUORUM_STORE_LOCK (object);

  switch (prop_id)
    {
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_WAS_STALE: g_value_set_boolean (value, self->was_stale); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_store_lock_class_init (QuorumStoreLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_store_lock_finalize;
  object_class->get_property = quorum_store_lock_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_WAS_STALE] = g_param_spec_boolean ("was-stale", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_store_lock_init (QuorumStoreLock *self)
{
  self->fd = -1;
}

static char *
lock_path (const char *store_path)
{
  return quorum_store_layout_lock (store_path);
}

/* The holder's line, at most 1 KiB, with anything unprintable dropped. */
static char *
read_holder (int fd)
{
  char buffer[1024];
  gssize n = pread (fd, buffer, sizeof buffer - 1, 0);
  GString *out;

  if (n <= 0)
    return NULL;
  buffer[n] = '\0';
  out = g_string_new (NULL);
  for (gssize i = 0; i < n && buffer[i] != '\n'; i++)
    if (g_ascii_isprint (buffer[i]))
      g_string_append_c (out, buffer[i]);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/**
 * quorum_store_lock_dup_holder:
 *
 * Returns: (transfer full) (nullable): who holds the store's lock, as they
 *   wrote it ("quorum-cli, process 1234 on host, since 2026-12-01T14:02:11Z"),
 *   or %NULL when nobody does
 */
char *
quorum_store_lock_dup_holder (const char *store_path)
{
  g_autofree char *path = NULL;
  g_autofree char *holder = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (store_path != NULL, NULL);

  path = lock_path (store_path);
  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return NULL;
    }
  /* Held only if we cannot take it ourselves. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    holder = read_holder (fd);
  else
    flock (fd, LOCK_UN);
  close (fd);
  return g_steal_pointer (&holder);
}

/* Opens (creating) STORE/.quorum/lock without following a symbolic link
 * anywhere below the store, and accepts only a regular file of one link:
 * a lock that is a link, a FIFO or a hard link to another file would make
 * taking it truncate or block on something that is not the store's. */
static int
open_lock (const char  *store_path,
           const char  *path,
           GError     **error)
{
  struct stat st;
  int root_fd, dir_fd, fd;

  if ((root_fd = _quorum_dir_open (store_path, error)) < 0)
    return -1;
  dir_fd = _quorum_dir_open_at (root_fd, store_path, QUORUM_STORE_PRIVATE_DIR, TRUE, error);
  close (root_fd);
  if (dir_fd < 0)
    return -1;
  fd = openat (dir_fd, "lock",
               O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0644);
  close (dir_fd);
  if (fd < 0)
    {
      if (errno == ELOOP)
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED,
                     _("%s: the lock is a symbolic link; Quorum does not follow it (remove "
                       "it to write to this store)"), path);
      else
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, _("%s: could not open the lock: %s"),
                     path, g_strerror (errno));
      return -1;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_nlink != 1)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED,
                   _("%s: the lock is not a regular file of its own (a FIFO, a device, a "
                     "folder or a hard link); remove it to write to this store"), path);
      close (fd);
      return -1;
    }
  return fd;
}

/**
 * quorum_store_lock_acquire:
 * @wait_ms: how long to keep trying while another writer holds it
 *
 * Takes the store's write lock, creating STORE/.quorum/ if need be. Drop
 * the returned object to release it.
 *
 * Returns: (transfer full) (nullable): the lock, or %NULL with
 *   %QUORUM_ERROR_BUSY naming the holder, or an I/O error
 */
QuorumStoreLock *
quorum_store_lock_acquire (const char    *store_path,
                           guint          wait_ms,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(QuorumStoreLock) self = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *since = NULL;
  gint64 deadline;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (QUORUM_TYPE_STORE_LOCK, NULL);
  self->path = lock_path (store_path);
  if ((self->fd = open_lock (store_path, self->path, error)) < 0)
    return NULL;

  deadline = g_get_monotonic_time () + (gint64) wait_ms * 1000;
  while (flock (self->fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno != EWOULDBLOCK && errno != EINTR)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, _("%s: could not lock: %s"),
                       self->path, g_strerror (errno));
          return NULL;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *holder = read_holder (self->fd);

          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_BUSY,
                       _("%s is being changed by another program (%s); try again when it "
                         "has finished"),
                       store_path, holder != NULL ? holder : _("it did not say which"));
          return NULL;
        }
      g_usleep (20 * 1000);
    }

  self->held = TRUE;

  /* A holder's line left behind means its process ended without releasing. */
  previous = read_holder (self->fd);
  self->was_stale = previous != NULL;
  if (self->was_stale)
    g_debug ("%s: taking over the lock left by %s", self->path, previous);

  now = g_date_time_new_now_utc ();
  since = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  line = g_strdup_printf (_("%s, process %d on %s, since %s\n"),
                          g_get_prgname () != NULL ? g_get_prgname () : "quorum",
                          (int) getpid (), g_get_host_name (), since);
  if (ftruncate (self->fd, 0) != 0 || pwrite (self->fd, line, strlen (line), 0) < 0)
    g_debug ("%s: could not record the holder: %s", self->path, g_strerror (errno));

  return g_steal_pointer (&self);
}

/**
 * quorum_store_lock_get_was_stale:
 *
 * Returns: %TRUE if the previous holder's process ended while holding the
 *   lock (a crash or a kill); its write, if any, was cut short
 */
gboolean
quorum_store_lock_get_was_stale (QuorumStoreLock *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE_LOCK (self), FALSE);
  return self->was_stale;
}
