/* quorum-file-util.h: crash-safe writes, bounded reads, and removing a folder's tree
 *
 * Private to the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sys/types.h>

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

int      _quorum_open_nofollow_at   (int          dir_fd,
                                     const char  *path,
                                     int          flags,
                                     mode_t       mode);
int      _quorum_dir_open           (const char  *path,
                                     GError     **error);
int      _quorum_dir_open_at        (int          root_fd,
                                     const char  *root_name,
                                     const char  *relpath,
                                     gboolean     create,
                                     GError     **error);
gboolean _quorum_file_write_new_at  (int          dir_fd,
                                     const char  *name,
                                     const char  *display,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error);
gboolean _quorum_file_replace_at    (int          dir_fd,
                                     const char  *name,
                                     const char  *display,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error);
gboolean _quorum_file_read_bounded  (int          dir_fd,
                                     const char  *path,
                                     gsize        limit,
                                     char       **out_data,
                                     gsize       *out_length,
                                     GError     **error);
gboolean _quorum_store_file_replace (const char  *store_path,
                                     const char  *relpath,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error);
gboolean _quorum_store_file_read   (const char  *store_path,
                                     const char  *relpath,
                                     gsize        limit,
                                     char       **out_data,
                                     gsize       *out_length,
                                     GError     **error);
const char *_quorum_file_describe_type (mode_t mode);

G_END_DECLS
