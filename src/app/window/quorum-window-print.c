/* quorum-window-print.c: the main window prints what it shows (Ctrl+P)
 *
 * win.print prints the view shown: the budget table as displayed, the
 * Checks list, the open work package with its decision history, or the
 * meeting whose page is open, as its pack. Elsewhere there is nothing to
 * print and the action is disabled. What to print is taken, with
 * references to its objects, when printing starts (QuorumPrintJob); the
 * QuorumPrintController asks about red, shows the print dialog and draws
 * the core's pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-print-controller.h"
#include "quorum-window-private.h"

/* The job for what the window shows, or NULL if nothing there prints; with
 * @make FALSE, only whether there is one (a non-NULL dummy). */
static QuorumPrintJob *
shown_job (QuorumWindow *self,
           gboolean      make)
{
  static QuorumPrintJob *const can = (QuorumPrintJob *) 1;
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  if (self->store == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                        "store") != 0)
    return NULL;
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->content_leaflet), "package") == 0)
    {
      QuorumWorkPackage *package = _quorum_window_get_package (self);

      if (package == NULL)
        return NULL;
      return make ? quorum_print_job_new_for_work_package (self->store, package) : can;
    }
  if (page == GTK_WIDGET (self->budgets_page) && self->budgets_view != NULL
      && g_strcmp0 (quorum_budgets_view_get_page (self->budgets_view), "table") == 0)
    {
      QuorumTableView *view = quorum_budgets_view_get_table_view (self->budgets_view);

      if (quorum_table_view_get_table (view) == NULL)
        return NULL;
      return make ? quorum_print_job_new_for_table_view (view) : can;
    }
  if (page == GTK_WIDGET (self->checks_page) && self->checks_view != NULL)
    return make ? quorum_print_job_new_for_checks (quorum_store_get_documents (self->store))
                : can;
  if (page == GTK_WIDGET (self->meetings_page) && self->meetings_view != NULL)
    {
      const char *id = quorum_meetings_view_get_shown_meeting (self->meetings_view);
      QuorumMeeting *meeting = id != NULL ? quorum_store_find_meeting (self->store, id) : NULL;

      if (meeting == NULL)
        return NULL;
      return make ? quorum_print_job_new_for_meeting (self->store, meeting, self->notes) : can;
    }
  return NULL;
}

static void
update_print (QuorumWindow *self)
{
  /* The views built since: their own pages open and close, their table
   * or meeting goes with a reload. */
  if (self->budgets_view != NULL && !self->print_hooked_budgets)
    {
      QuorumTableView *view = quorum_budgets_view_get_table_view (self->budgets_view);

      self->print_hooked_budgets = TRUE;
      g_signal_connect_object (self->budgets_view, "notify::page", G_CALLBACK (update_print),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "notify::table", G_CALLBACK (update_print), self,
                               G_CONNECT_SWAPPED);
    }
  if (self->meetings_view != NULL && !self->print_hooked_meetings)
    {
      self->print_hooked_meetings = TRUE;
      g_signal_connect_object (self->meetings_view, "notify::shown-meeting",
                               G_CALLBACK (update_print), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", shown_job (self, FALSE) != NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  g_autoptr(QuorumPrintJob) job = shown_job (self, TRUE);

  if (job == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Open a table, a meeting, a work package or "
                                                    "the checks to print them")));
      return;
    }
  quorum_print_controller_print (_quorum_window_get_print_controller (self), job);
}

/**
 * _quorum_window_get_print_controller:
 *
 * Returns: (transfer none): the window's printing
 */
QuorumPrintController *
_quorum_window_get_print_controller (QuorumWindow *self)
{
  if (self->print == NULL)
    self->print = quorum_print_controller_new (GTK_WINDOW (self));
  return self->print;
}

void
_quorum_window_init_print (QuorumWindow *self)
{
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (update_print), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  /* After view_changed_cb (), which builds the view shown. */
  g_signal_connect_object (self->content_stack, "notify::visible-child-name",
                           G_CALLBACK (update_print), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->content_leaflet, "notify::visible-child",
                           G_CALLBACK (update_print), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect (self, "notify::store", G_CALLBACK (update_print), NULL);
  update_print (self);
}

void
_quorum_window_print_dispose (QuorumWindow *self)
{
  if (self->print != NULL)
    quorum_print_controller_cancel (self->print);
  g_clear_object (&self->print);
}

void
_quorum_window_class_init_print (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
}
