/* quorum-window-meetings.c: the window opens what meetings name
 *
 * A meeting's page names papers (a budget table, maybe a row and column,
 * or a work package) and actions; the Actions view names meetings. These
 * window actions open each in its own view, so the views need not know
 * one another:
 *
 *   win.show-meeting('ID')                    the meeting's page
 *   win.show-action('REF')                    the action, selected in Actions
 *   win.show-paper(('DOC','TABLE','ROW','COLUMN'))  the table, the cell selected
 *   win.show-work-package('ID')               the package's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-window-private.h"

static void
show_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  GtkWidget *view = _quorum_window_ensure_view (self, "meetings");

  if (QUORUM_IS_MEETINGS_VIEW (view))
    quorum_meetings_view_show_meeting (QUORUM_MEETINGS_VIEW (view),
                                       g_variant_get_string (parameter, NULL));
}

static void
show_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  GtkWidget *view = _quorum_window_ensure_view (self, "actions");

  if (!QUORUM_IS_ACTIONS_VIEW (view))
    return;
  /* Shown whatever the filters said before. */
  quorum_actions_view_set_show (QUORUM_ACTIONS_VIEW (view), QUORUM_ACTIONS_SHOW_ALL);
  quorum_actions_view_set_committee (QUORUM_ACTIONS_VIEW (view), NULL);
  quorum_actions_view_set_owner (QUORUM_ACTIONS_VIEW (view), NULL);
  quorum_actions_view_set_search (QUORUM_ACTIONS_VIEW (view), NULL);
  quorum_actions_view_select (QUORUM_ACTIONS_VIEW (view), g_variant_get_string (parameter, NULL));
}

static void
show_paper_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  const char *document, *table, *row, *column;
  GtkWidget *view;

  g_variant_get (parameter, "(&s&s&s&s)", &document, &table, &row, &column);
  view = _quorum_window_ensure_view (self, "budgets");
  if (!QUORUM_IS_BUDGETS_VIEW (view))
    return;
  if (*table == '\0')
    quorum_budgets_view_show_document (QUORUM_BUDGETS_VIEW (view), document);
  else if (*row == '\0')
    quorum_budgets_view_show_table (QUORUM_BUDGETS_VIEW (view), document, table);
  else
    quorum_budgets_view_show_cell (QUORUM_BUDGETS_VIEW (view), document, table, row,
                                   *column != '\0' ? column : NULL);
}

static void
show_work_package_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  QuorumWorkPackage *package;

  if (self->store == NULL)
    return;
  package = quorum_store_find_work_package (self->store, g_variant_get_string (parameter, NULL));
  if (package != NULL)
    _quorum_window_show_package (self, package);
}

void
_quorum_window_class_init_meetings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-meeting", "s", show_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.show-action", "s", show_action_action);
  gtk_widget_class_install_action (widget_class, "win.show-paper", "(ssss)", show_paper_action);
  gtk_widget_class_install_action (widget_class, "win.show-work-package", "s",
                                   show_work_package_action);
}
