/* quorum-secret.h: the remote's password or token, in the desktop keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      quorum_secret_store_async   (const char           *remote_url,
                                       const char           *user,
                                       const char           *secret,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  quorum_secret_store_finish  (GAsyncResult         *result,
                                       GError              **error);
void      quorum_secret_lookup_async  (const char           *remote_url,
                                       const char           *user,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char     *quorum_secret_lookup_finish (GAsyncResult         *result,
                                       GError              **error);
void      quorum_secret_clear_async   (const char           *remote_url,
                                       const char           *user,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  quorum_secret_clear_finish  (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
