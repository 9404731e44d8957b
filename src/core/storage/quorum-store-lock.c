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
 * Some file systems have no locks at all: on the document portal's FUSE
 * mount (a Flatpak's view of a folder the user picked) flock(2) and
 * fcntl(2) locks both fail with ENOSYS, so when flock fails with ENOSYS,
 * ENOLCK or EOPNOTSUPP fcntl is not tried: the lock is STORE/.quorum/
 * lock.excl instead, a file created with O_CREAT | O_EXCL (which such file
 * systems still honour) and removed on release. It records the holder's
 * line, then its process id, host name, boot id (from
 * /proc/sys/kernel/random/boot_id) and process id namespace, one
 * "key=value" a line. A file whose holder ran on this host, since this
 * boot, in this namespace and whose process is gone is stale: it is
 * removed and the lock retaken (get_was_stale() is then %TRUE). Any other
 * holder, on another computer, before a restart or in another sandbox
 * (Flatpak gives each app its own process ids), cannot be checked from
 * here: the writer waits and then says who holds it and which file to
 * remove if that program is gone. Between checking a stale file and
 * removing it another writer could replace it; the file's inode is
 * compared just before, which narrows that window to two calls but cannot
 * close it without a lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-store-lock.h"
#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-store-layout.h"

#define EXCL_NAME "lock.excl"

struct _QuorumStoreLock
{
  GObject parent_instance;

  int fd;                 /* the flock()ed lock, or lock.excl in the fallback */
  int dir_fd;             /* STORE/.quorum */
  ino_t excl_ino;         /* lock.excl's, to remove only our own */
  char *path;
  gboolean exclusive;     /* the fallback: lock.excl rather than a flock() */
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

  if (self->exclusive && self->held)
    {
      struct stat st;

      /* Removed only if it is still ours. */
      if (fstatat (self->dir_fd, EXCL_NAME, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
          st.st_ino == self->excl_ino && unlinkat (self->dir_fd, EXCL_NAME, 0) != 0)
        g_debug ("%s: could not remove the lock: %s", self->path, g_strerror (errno));
    }
  /* Empty means "released cleanly"; then the kernel drops the lock. */
  else if (self->held && ftruncate (self->fd, 0) != 0)
    g_debug ("%s: could not clear the lock: %s", self->path, g_strerror (errno));
  if (self->fd >= 0)
    close (self->fd);
  if (self->dir_fd >= 0)
    close (self->dir_fd);
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
  self->dir_fd = -1;
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

/* QUORUM_TEST_LOCK_FALLBACK=1 is for the tests only (test-store-lock): it
 * makes flock(2) fail with ENOSYS, as on the document portal, so that the
 * fallback runs on any file system. Returns 0 or an errno. */
static int
try_flock (int fd,
           int operation)
{
  if (g_strcmp0 (g_getenv ("QUORUM_TEST_LOCK_FALLBACK"), "1") == 0)
    return ENOSYS;
  return flock (fd, operation) == 0 ? 0 : errno;
}

/* Errors meaning "this file system has no locks" (EOPNOTSUPP is ENOTSUP). */
static gboolean
locks_unavailable (int err)
{
  return err == ENOSYS || err == ENOLCK || err == EOPNOTSUPP;
}

static char *
read_first_line (const char *path)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_strdup ("unknown");
  text[strcspn (text, "\n")] = '\0';
  return g_steal_pointer (&text);
}

/* What says, in lock.excl, which process on which computer holds it. */
typedef struct
{
  int pid;
  char *host;
  char *boot;
  char *pidns;
} Identity;

static void
identity_clear (Identity *id)
{
  g_clear_pointer (&id->host, g_free);
  g_clear_pointer (&id->boot, g_free);
  g_clear_pointer (&id->pidns, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Identity, identity_clear)

static void
identity_self (Identity *id)
{
  id->pid = (int) getpid ();
  id->host = g_strdup (g_get_host_name ());
  id->boot = read_first_line ("/proc/sys/kernel/random/boot_id");
  id->pidns = g_file_read_link ("/proc/self/ns/pid", NULL);
  if (id->pidns == NULL)
    id->pidns = g_strdup ("unknown");
}

static void
identity_parse (Identity   *id,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *value = strchr (lines[i], '=');
      gint64 pid;

      if (value == NULL)
        continue;
      *value++ = '\0';
      if (g_str_equal (lines[i], "pid") && g_ascii_string_to_signed (value, 10, 1, G_MAXINT,
                                                                    &pid, NULL))
        id->pid = (int) pid;
      else if (g_str_equal (lines[i], "host"))
        {
          g_free (id->host);
          id->host = g_strdup (value);
        }
      else if (g_str_equal (lines[i], "boot"))
        {
          g_free (id->boot);
          id->boot = g_strdup (value);
        }
      else if (g_str_equal (lines[i], "pidns"))
        {
          g_free (id->pidns);
          id->pidns = g_strdup (value);
        }
    }
}

/* Our holder's line, as read_holder() and the BUSY error show it. */
static char *
holder_line (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *since = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  return g_strdup_printf (_("%s, process %d on %s, since %s\n"),
                          g_get_prgname () != NULL ? g_get_prgname () : "quorum",
                          (int) getpid (), g_get_host_name (), since);
}

typedef enum
{
  EXCL_GONE,      /* no lock.excl */
  EXCL_HELD,      /* held by a live process here, or one that has not said yet */
  EXCL_STALE,     /* its process, on this host since this boot, is gone */
  EXCL_ELSEWHERE, /* held on another host, before a restart or in another sandbox */
  EXCL_BAD,       /* not a regular file */
} ExclState;

/* Reads lock.excl (@name under @dir_fd): its holder's line and inode, and
 * whether its holder is provably gone. */
static ExclState
examine_excl (int         dir_fd,
              const char *name,
              char      **holder,
              ino_t      *ino)
{
  g_auto(Identity) them = { 0 };
  g_auto(Identity) us = { 0 };
  char buffer[2048];
  struct stat st;
  gssize n;
  int fd;

  fd = _quorum_open_nofollow_at (dir_fd, name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return errno == ENOENT ? EXCL_GONE : EXCL_BAD;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return EXCL_BAD;
    }
  *ino = st.st_ino;
  *holder = read_holder (fd);
  n = pread (fd, buffer, sizeof buffer - 1, 0);
  close (fd);
  buffer[MAX (n, 0)] = '\0';
  identity_parse (&them, buffer);
  /* Being written right now, or cut short: nothing to check. */
  if (them.pid <= 0 || them.host == NULL || them.boot == NULL || them.pidns == NULL)
    return EXCL_HELD;
  identity_self (&us);
  if (!g_str_equal (them.host, us.host) || !g_str_equal (them.boot, us.boot) ||
      !g_str_equal (them.pidns, us.pidns) || g_str_equal (us.boot, "unknown") ||
      g_str_equal (us.pidns, "unknown"))
    return EXCL_ELSEWHERE;
  if (them.pid != us.pid && kill (them.pid, 0) != 0 && errno == ESRCH)
    return EXCL_STALE;
  return EXCL_HELD;
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
  int fd, err;

  g_return_val_if_fail (store_path != NULL, NULL);

  path = lock_path (store_path);
  fd = _quorum_open_nofollow_at (AT_FDCWD, path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return NULL;
    }
  /* Held only if we cannot take it ourselves. */
  err = try_flock (fd, LOCK_EX | LOCK_NB);
  if (err == 0)
    flock (fd, LOCK_UN);
  else if (locks_unavailable (err))
    {
      g_autofree char *excl = g_build_filename (store_path, QUORUM_STORE_PRIVATE_DIR, EXCL_NAME,
                                                NULL);
      ExclState state;
      ino_t ino;

      state = examine_excl (AT_FDCWD, excl, &holder, &ino);
      if (state != EXCL_HELD && state != EXCL_ELSEWHERE)
        g_clear_pointer (&holder, g_free);
    }
  else
    holder = read_holder (fd);
  close (fd);
  return g_steal_pointer (&holder);
}

/* Opens (creating) STORE/.quorum without following a symbolic link
 * anywhere below the store. */
static int
open_private_dir (const char  *store_path,
                  GError     **error)
{
  int root_fd, dir_fd;

  if ((root_fd = _quorum_dir_open (store_path, error)) < 0)
    return -1;
  dir_fd = _quorum_dir_open_at (root_fd, store_path, QUORUM_STORE_PRIVATE_DIR, TRUE, error);
  close (root_fd);
  return dir_fd;
}

static void
set_not_regular (GError    **error,
                 const char *path)
{
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED,
               _("%s: the lock is not a regular file of its own (a FIFO, a device, a "
                 "folder or a hard link); remove it to write to this store"), path);
}

/* Opens (creating) .quorum/lock under @dir_fd, and accepts only a regular
 * file of one link: a lock that is a link, a FIFO or a hard link to
 * another file would make taking it truncate or block on something that
 * is not the store's. */
static int
open_lock (int          dir_fd,
           const char  *path,
           GError     **error)
{
  struct stat st;
  int fd;

  fd = _quorum_open_nofollow_at (dir_fd, "lock",
                                 O_RDWR | O_CREAT | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0644);
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
      set_not_regular (error, path);
      close (fd);
      return -1;
    }
  return fd;
}

/* Another writer holds it and @deadline has passed. */
static void
set_busy (GError    **error,
          const char *store_path,
          const char *holder,
          const char *remove_path)
{
  if (remove_path != NULL)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_BUSY,
                 _("%s is being changed by another program (%s), which Quorum cannot check "
                   "from here (another computer, another sandbox or before a restart); try "
                   "again when it has finished, or remove %s if it is no longer running"),
                 store_path, holder != NULL ? holder : _("it did not say which"), remove_path);
  else
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_BUSY,
                 _("%s is being changed by another program (%s); try again when it "
                   "has finished"),
                 store_path, holder != NULL ? holder : _("it did not say which"));
}

/* Creates lock.excl with our holder's line and identity. */
static gboolean
create_excl (QuorumStoreLock  *self,
             const char       *excl_path,
             GError          **error)
{
  g_auto(Identity) us = { 0 };
  g_autofree char *line = holder_line ();
  g_autofree char *record = NULL;
  struct stat st;

  self->fd = openat (self->dir_fd, EXCL_NAME,
                     O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0644);
  if (self->fd < 0)
    {
      if (errno != EEXIST)
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO,
                     _("%s: could not create the lock: %s"), excl_path, g_strerror (errno));
      return FALSE;
    }
  self->held = TRUE;
  if (fstat (self->fd, &st) == 0)
    self->excl_ino = st.st_ino;
  identity_self (&us);
  record = g_strdup_printf ("%spid=%d\nhost=%s\nboot=%s\npidns=%s\n",
                            line, us.pid, us.host, us.boot, us.pidns);
  if (pwrite (self->fd, record, strlen (record), 0) != (gssize) strlen (record))
    g_debug ("%s: could not record the holder: %s", excl_path, g_strerror (errno));
  return TRUE;
}

/* The lock where there are no locks: see the top of this file. */
static gboolean
acquire_excl (QuorumStoreLock  *self,
              const char       *store_path,
              gint64            deadline,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autofree char *excl_path = g_build_filename (store_path, QUORUM_STORE_PRIVATE_DIR,
                                                 EXCL_NAME, NULL);

  self->exclusive = TRUE;
  for (;;)
    {
      g_autofree char *holder = NULL;
      GError *create_error = NULL;
      ExclState state;
      struct stat st;
      ino_t ino = 0;

      if (create_excl (self, excl_path, &create_error))
        return TRUE;
      if (create_error != NULL)
        {
          g_propagate_error (error, create_error);
          return FALSE;
        }
      state = examine_excl (self->dir_fd, EXCL_NAME, &holder, &ino);
      if (state == EXCL_BAD)
        {
          set_not_regular (error, excl_path);
          return FALSE;
        }
      if (state == EXCL_STALE)
        {
          g_debug ("%s: taking over the lock left by %s", excl_path, holder);
          if (fstatat (self->dir_fd, EXCL_NAME, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
              st.st_ino == ino && unlinkat (self->dir_fd, EXCL_NAME, 0) != 0 && errno != ENOENT)
            {
              g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO,
                           _("%s: could not remove the lock left by %s: %s"),
                           excl_path, holder != NULL ? holder : "?", g_strerror (errno));
              return FALSE;
            }
          self->was_stale = TRUE;
          continue;
        }
      if (state == EXCL_GONE)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (g_get_monotonic_time () >= deadline)
        {
          set_busy (error, store_path, holder,
                    state == EXCL_ELSEWHERE || holder == NULL ? excl_path : NULL);
          return FALSE;
        }
      g_usleep (20 * 1000);
    }
}

/**
 * quorum_store_lock_acquire:
 * @wait_ms: how long to keep trying while another writer holds it
 *
 * Takes the store's write lock, creating STORE/.quorum/ if need be. Drop
 * the returned object to release it. Where the file system has no locks,
 * takes STORE/.quorum/lock.excl instead (see the top of this file).
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
  gint64 deadline;
  int err;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (QUORUM_TYPE_STORE_LOCK, NULL);
  self->path = lock_path (store_path);
  if ((self->dir_fd = open_private_dir (store_path, error)) < 0 ||
      (self->fd = open_lock (self->dir_fd, self->path, error)) < 0)
    return NULL;

  deadline = g_get_monotonic_time () + (gint64) wait_ms * 1000;
  while ((err = try_flock (self->fd, LOCK_EX | LOCK_NB)) != 0)
    {
      if (locks_unavailable (err))
        {
          g_debug ("%s: %s; using %s instead", self->path, g_strerror (err), EXCL_NAME);
          close (self->fd);
          self->fd = -1;
          if (!acquire_excl (self, store_path, deadline, cancellable, error))
            return NULL;
          return g_steal_pointer (&self);
        }
      if (err != EWOULDBLOCK && err != EINTR)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, _("%s: could not lock: %s"),
                       self->path, g_strerror (err));
          return NULL;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *holder = read_holder (self->fd);

          set_busy (error, store_path, holder, NULL);
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

  line = holder_line ();
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
