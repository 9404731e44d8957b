/* quorum-searchable.h: a view the window's Search (Ctrl+F) can search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_SEARCHABLE (quorum_searchable_get_type ())

G_DECLARE_INTERFACE (QuorumSearchable, quorum_searchable, QUORUM, SEARCHABLE, GtkWidget)

struct _QuorumSearchableInterface
{
  GTypeInterface parent_iface;

  gboolean (*focus_search) (QuorumSearchable  *self,
                            const char       **why_not);
};

gboolean quorum_searchable_focus_search (QuorumSearchable  *self,
                                         const char       **why_not);

G_END_DECLS
