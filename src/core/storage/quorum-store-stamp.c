/* quorum-store-stamp.c: whether a store's file changed since it was read
 *
 * As git's index does ("racy git"): a file's stamp is its device, inode,
 * size, and modification and status change times to the nanosecond, taken
 * before it is read. A file whose stamp is unchanged is unchanged, unless
 * it was racily clean when read: changed less than
 * QUORUM_STORE_RACY_SECONDS before the moment it was read (or after it),
 * so that a change in the same tick of the file system's clock would leave
 * its stamp as it was. Only such a file keeps the SHA-256 of its content,
 * and is read again on each load until that is no longer so; the rest are
 * never hashed.
 *
 * A file whose stamp changed is read again. Its content is compared with
 * the last only when the last reading kept a checksum; otherwise it counts
 * as changed, even if its bytes are the same (a `touch`, an editor saving
 * without a change, a copy over it): its objects are then replaced with
 * equal ones. That is the price of not hashing every file on every load
 * (the hash was over half of what meetings add to a load); nothing else in
 * the store holds a file's bytes to compare with, except a budget's
 * document, and the status change time cannot be put back, so a rewrite
 * never goes unseen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-store-private.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <time.h>

#define NSEC_PER_SEC G_GINT64_CONSTANT (1000000000)

static gint64
timespec_nsec (const struct timespec *time)
{
  return (gint64) time->tv_sec * NSEC_PER_SEC + time->tv_nsec;
}

/* The stamp of a file as it is now, not valid until the file is read
 * (_quorum_store_stamp_read); FALSE when it cannot be taken. */
gboolean
_quorum_store_stamp_file (const char       *path,
                          QuorumStoreStamp *stamp)
{
  GStatBuf buf;

  stamp->valid = FALSE;
  g_clear_pointer (&stamp->checksum, g_free);
  if (g_stat (path, &buf) != 0)
    return FALSE;
  stamp->device = buf.st_dev;
  stamp->inode = buf.st_ino;
  stamp->size = buf.st_size;
  stamp->mtime_nsec = timespec_nsec (&buf.st_mtim);
  stamp->ctime_nsec = timespec_nsec (&buf.st_ctim);
  return TRUE;
}

static gboolean
same_stamp (const QuorumStoreStamp *a,
            const QuorumStoreStamp *b)
{
  return a->device == b->device && a->inode == b->inode && a->size == b->size &&
         a->mtime_nsec == b->mtime_nsec && a->ctime_nsec == b->ctime_nsec;
}

/* Whether the file last read under @last, stamped @now (not read yet), is
 * unchanged without reading it: the same stamp, and not racily clean. */
gboolean
_quorum_store_stamp_unchanged (const QuorumStoreStamp *last,
                               const QuorumStoreStamp *now)
{
  return last->valid && last->checksum == NULL && same_stamp (last, now);
}

/* Whether @stamp changed so close to now (taken after the reading) that a
 * change in the same tick of the file system's clock would not show in
 * it. The file system's clock is coarse (ticks of a few milliseconds,
 * 2 s on FAT), and a network file system's is not quite ours. */
static gboolean
is_racy (const QuorumStoreStamp *stamp)
{
  struct timespec now;

  clock_gettime (CLOCK_REALTIME, &now);
  return MAX (stamp->mtime_nsec, stamp->ctime_nsec) >=
         timespec_nsec (&now) - QUORUM_STORE_RACY_SECONDS * NSEC_PER_SEC;
}

static char *
checksum_of (const char *data,
             gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/**
 * _quorum_store_stamp_read:
 * @stamp: taken (_quorum_store_stamp_file) before the file was read
 * @last: (nullable): the stamp of its last reading
 * @data: what was read
 *
 * Makes @stamp valid, with a checksum if the file is racily clean. The
 * file is hashed only then, or to compare with the checksum @last kept.
 *
 * Returns: whether @data is the content @last was taken of, as its
 *   checksum tells
 */
gboolean
_quorum_store_stamp_read (QuorumStoreStamp       *stamp,
                          const QuorumStoreStamp *last,
                          const char             *data,
                          gsize                   length)
{
  g_autofree char *digest = NULL;
  gboolean same = FALSE;

  if (last != NULL && last->valid && last->checksum != NULL && last->size == (goffset) length)
    {
      digest = checksum_of (data, length);
      same = g_str_equal (digest, last->checksum);
    }
  stamp->valid = TRUE;
  g_clear_pointer (&stamp->checksum, g_free);
  if (is_racy (stamp))
    stamp->checksum = digest != NULL ? g_steal_pointer (&digest) : checksum_of (data, length);
  return same;
}

/* Whether the file read under @now holds what it held when read under
 * @last: the same checksum, or an unchanged stamp. */
gboolean
_quorum_store_stamp_same_content (const QuorumStoreStamp *last,
                                  const QuorumStoreStamp *now)
{
  if (!now->valid)
    return FALSE;
  if (last->valid && last->checksum != NULL && now->checksum != NULL)
    return g_str_equal (last->checksum, now->checksum);
  return _quorum_store_stamp_unchanged (last, now);
}

void
_quorum_store_stamp_copy (QuorumStoreStamp       *dest,
                          const QuorumStoreStamp *src)
{
  g_free (dest->checksum);
  *dest = *src;
  dest->checksum = g_strdup (src->checksum);
}

/* Makes the next load read the file again. */
void
_quorum_store_stamp_forget (QuorumStoreStamp *stamp)
{
  stamp->valid = FALSE;
  g_clear_pointer (&stamp->checksum, g_free);
}
