/* quorum-searchable.c: a view the window's Search (Ctrl+F) can search
 *
 * The window shows its Search button, and enables win.search, on a view
 * that implements this interface, and asks the view to focus its search
 * when the user searches: the window needs to know nothing of the view's
 * widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-searchable.h"

G_DEFINE_INTERFACE (QuorumSearchable, quorum_searchable, GTK_TYPE_WIDGET)

static void
quorum_searchable_default_init (QuorumSearchableInterface *iface)
{
}

/**
 * quorum_searchable_focus_search:
 * @why_not: (out) (optional) (transfer none): when there is nothing to
 *   search now, why, in words for the user
 *
 * Moves the keyboard focus to the view's search.
 *
 * Returns: %TRUE if the search has the focus; %FALSE with @why_not set
 *   when the view has nothing to search now
 */
gboolean
quorum_searchable_focus_search (QuorumSearchable  *self,
                                const char       **why_not)
{
  QuorumSearchableInterface *iface;
  const char *reason = NULL;
  gboolean focused;

  g_return_val_if_fail (QUORUM_IS_SEARCHABLE (self), FALSE);

  iface = QUORUM_SEARCHABLE_GET_IFACE (self);
  g_return_val_if_fail (iface->focus_search != NULL, FALSE);
  focused = iface->focus_search (self, &reason);
  if (why_not != NULL)
    *why_not = focused ? NULL : reason;
  return focused;
}
