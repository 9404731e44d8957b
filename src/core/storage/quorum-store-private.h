/* quorum-store-private.h: QuorumStore's instance and its files' internals
 *
 * quorum-store.c is the class, its list models and applying a load to them;
 * quorum-store-load.c reads the store's files (on a worker thread);
 * quorum-store-stamp.c tells which of them changed since the last load;
 * quorum-store-write.c records decisions and copies stores;
 * quorum-store-monitor.c watches the folders and reloads.
 *
 * A load scans every file the store holds (the folders of
 * _quorum_store_folders) into QuorumStoreFile records. A file whose stamp
 * (device, inode, size, modification and status change times) is the one
 * last loaded is not read again, unless it was racily clean when read
 * (quorum-store-stamp.c); any other file is read, and parsed unless its
 * last reading kept a checksum (racily clean) that its content matches.
 * Applying the load on the main thread keeps the objects of every
 * unchanged file and replaces only those of changed files, then works out
 * again what depends on several files (decisions on their packages,
 * budget references, problems).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-action-log.h"
#include "quorum-store.h"
#include "quorum-store-monitor.h"

G_BEGIN_DECLS

typedef enum
{
  QUORUM_STORE_FILE_COMMITTEES,
  QUORUM_STORE_FILE_BUDGET,
  QUORUM_STORE_FILE_WORK_PACKAGE,
  QUORUM_STORE_FILE_DECISION,
  QUORUM_STORE_FILE_MEETING,
} QuorumStoreFileKind;

/* What a store holds, in loading order: a file at the top of the store, a
 * folder of files, or a folder of such folders, one per work package. */
typedef struct
{
  QuorumStoreFileKind kind;
  const char *name;
  gboolean is_folder;
  gboolean per_package;
} QuorumStoreFolder;

extern const QuorumStoreFolder _quorum_store_folders[];
extern const guint _quorum_store_n_folders;

/* How close to the moment it was read a file's last change makes it
 * racily clean: file systems keep times to the nanosecond (ext4, XFS,
 * btrfs), to the microsecond or, FAT, to 2 s; and a network file
 * system's clock is not quite ours. */
#define QUORUM_STORE_RACY_SECONDS 2

/* A file's identity on disk: while it is the same, the file is not read
 * again, unless it has a checksum (quorum-store-stamp.c). */
typedef struct
{
  guint64 device;
  guint64 inode;
  goffset size;
  gint64 mtime_nsec;
  gint64 ctime_nsec;
  gboolean valid;      /* read whole: the stamp can be trusted */
  char *checksum;      /* SHA-256 of the content, of a racily clean file only */
} QuorumStoreStamp;

/* One file of the store, as scanned; reference counted (g_rc_box). */
typedef struct
{
  QuorumStoreFileKind kind;
  char *path;
  char *owner;         /* a decision's work package id (its folder's name) */
  QuorumStoreStamp stamp;
  gboolean parsed;     /* read and parsed by this scan */
  gboolean pending;    /* a decision with an outbox marker */
  guint64 serial;      /* the store's serial when it was added to its table */
  GPtrArray *objects;  /* what it holds; empty when it is broken */
  GPtrArray *problems; /* its own problems */
} QuorumStoreFile;

QuorumStoreFile *_quorum_store_file_new   (QuorumStoreFileKind kind,
                                           const char         *path,
                                           const char         *owner);
QuorumStoreFile *_quorum_store_file_ref   (QuorumStoreFile    *file);
void             _quorum_store_file_unref (QuorumStoreFile    *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumStoreFile, _quorum_store_file_unref)

typedef struct
{
  GPtrArray *files;       /* of QuorumStoreFile, in loading order */
  GPtrArray *problems;    /* not of one file: a folder that cannot be read */
  guint64 serial;         /* the store's serial when the scan began */
  gsize bytes_left;       /* of the store's memory budget (QUORUM_MAX_STORE_BYTES) */
  QuorumStoreDocumentFunc each_document;   /* called on each document read */
  gpointer each_data;
  gboolean drop_documents;   /* and not kept: nothing in the store refers to them */
} QuorumStoreLoadResult;

void _quorum_store_load_result_free (QuorumStoreLoadResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumStoreLoadResult, _quorum_store_load_result_free)

struct _QuorumStore
{
  GObject parent_instance;

  char *path;
  GListStore *committees;     /* of QuorumCommittee */
  GListStore *documents;      /* of QuorumBudgetDocument */
  GListStore *work_packages;  /* of QuorumWorkPackage */
  GListStore *problems;       /* of QuorumProblem */
  GListStore *meetings;       /* of QuorumMeeting, by date */
  QuorumActionLog *action_log;
  GHashTable *files;          /* path → QuorumStoreFile, as last applied */
  guint64 serial;             /* counts the changes to files */
  gboolean loaded;            /* a load has been applied */
  QuorumStoreMonitor *monitor;
};

/* quorum-store-stamp.c */
gboolean _quorum_store_stamp_file         (const char             *path,
                                           QuorumStoreStamp       *stamp);
gboolean _quorum_store_stamp_unchanged    (const QuorumStoreStamp *last,
                                           const QuorumStoreStamp *now);
gboolean _quorum_store_stamp_read         (QuorumStoreStamp       *stamp,
                                           const QuorumStoreStamp *last,
                                           const char             *data,
                                           gsize                   length);
gboolean _quorum_store_stamp_same_content (const QuorumStoreStamp *last,
                                           const QuorumStoreStamp *now);
void     _quorum_store_stamp_copy         (QuorumStoreStamp       *dest,
                                           const QuorumStoreStamp *src);
void     _quorum_store_stamp_forget       (QuorumStoreStamp       *stamp);

/* quorum-store-load.c */
GHashTable            *_quorum_store_dup_stamps   (QuorumStore        *self);
QuorumStoreLoadResult *_quorum_store_scan         (const char         *path,
                                                   GHashTable         *stamps,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
void                   _quorum_store_resolve_budget_ref (QuorumWorkPackage *package,
                                                   GHashTable         *documents,
                                                   GHashTable         *broken,
                                                   GPtrArray          *problems);
void                   _quorum_store_reload_async (QuorumStore        *self,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);

/* quorum-store.c */
void _quorum_store_apply       (QuorumStore           *self,
                                QuorumStoreLoadResult *result);
void _quorum_store_add_written (QuorumStore           *self,
                                QuorumStoreFile       *file);

G_END_DECLS
