/* quorum-backup.h: the previous versions of files a sync replaced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_DEFAULT_BACKUPS_KEPT 5   /* as the app's backups-kept setting */

#define QUORUM_TYPE_BACKUP (quorum_backup_get_type ())

G_DECLARE_FINAL_TYPE (QuorumBackup, quorum_backup, QUORUM, BACKUP, GObject)

QuorumBackup       *quorum_backup_begin        (const char    *store_path,
                                                const char    *reason,
                                                GError       **error);
gboolean            quorum_backup_keep         (QuorumBackup  *self,
                                                const char    *relpath,
                                                GError       **error);
gboolean            quorum_backup_finish       (QuorumBackup  *self,
                                                guint          keep,
                                                GError       **error);
const char         *quorum_backup_get_id       (QuorumBackup  *self);
const char         *quorum_backup_get_created  (QuorumBackup  *self);
const char         *quorum_backup_get_reason   (QuorumBackup  *self);
const char * const *quorum_backup_get_files    (QuorumBackup  *self);

GListModel         *quorum_backup_list         (const char    *store_path,
                                                GError       **error);
gboolean            quorum_backup_restore      (const char    *store_path,
                                                const char    *backup_id,
                                                guint          keep,
                                                GStrv         *restored,
                                                GCancellable  *cancellable,
                                                GError       **error);

G_END_DECLS
