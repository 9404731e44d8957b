/* quorum-meeting-links.h: what meetings name elsewhere in the store
 *
 * Private to the core: the store calls it once every file has loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void _quorum_meetings_link (GPtrArray *meetings,
                            GPtrArray *committees,
                            GPtrArray *documents,
                            GPtrArray *work_packages,
                            GPtrArray *problems);
void _quorum_meetings_link_full (GPtrArray  *meetings,
                                 GPtrArray  *committees,
                                 GPtrArray  *documents,
                                 GPtrArray  *work_packages,
                                 GHashTable *broken,
                                 GPtrArray  *problems);

G_END_DECLS
