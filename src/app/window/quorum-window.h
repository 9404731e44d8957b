/* quorum-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-application.h"
#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_WINDOW (quorum_window_get_type ())

G_DECLARE_FINAL_TYPE (QuorumWindow, quorum_window, QUORUM, WINDOW, AdwApplicationWindow)

QuorumWindow *quorum_window_new        (QuorumApplication *application);
void          quorum_window_open_store (QuorumWindow      *self,
                                        const char        *path);
QuorumStore  *quorum_window_get_store  (QuorumWindow      *self);
QuorumNotes  *quorum_window_get_notes  (QuorumWindow      *self);
void          quorum_window_show_sync_status  (QuorumWindow *self);

G_END_DECLS
