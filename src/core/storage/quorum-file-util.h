/* quorum-file-util.h: crash-safe writes, and removing a folder's tree
 *
 * Private to the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean _quorum_file_write_new     (const char  *path,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error);
gboolean _quorum_file_replace       (const char  *path,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error);
gboolean _quorum_folder_sync        (const char  *folder,
                                     GError     **error);
gboolean _quorum_folder_make        (const char  *folder,
                                     GError     **error);
void     _quorum_remove_tree        (const char  *path);

G_END_DECLS
