/* quorum-calendar.h: meetings as iCalendar (RFC 5545), written with libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_CALENDAR_TIMEZONE     "Europe/London"
#define QUORUM_CALENDAR_DEFAULT_HOST "quorum.local"

char *quorum_calendar_export (GListModel  *meetings,
                              GListModel  *committees,
                              const char  *host,
                              guint       *n_left_out,
                              GError     **error);

gboolean quorum_calendar_write        (GListModel          *meetings,
                                      GListModel          *committees,
                                      const char          *host,
                                      const char          *path,
                                      guint               *n_left_out,
                                      GError             **error);
void     quorum_calendar_write_async  (GListModel          *meetings,
                                      GListModel          *committees,
                                      const char          *host,
                                      const char          *path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean quorum_calendar_write_finish (GAsyncResult        *result,
                                      guint               *n_left_out,
                                      GError             **error);

G_END_DECLS
