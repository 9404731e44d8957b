/* quorum-window-export.c: Export… and Copy in the window
 *
 *   win.export   Ctrl+Shift+E: the table open in Budgets, the Checks list,
 *                the work packages or the actions, to a CSV or JSON file
 *                (src/app/export/quorum-exporter.c)
 *   win.copy     Ctrl+C: the cell or rows selected there, as tab-separated
 *                text and an HTML table, for a spreadsheet
 *
 * Both are enabled only on those four views. Ctrl+C in a text entry (or a
 * selectable label) still copies its text: the focus widget's own
 * clipboard.copy goes first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-exporter.h"
#include "quorum-window-private.h"

/* The view shown (built, since it is shown), or NULL for the overview. */
static GtkWidget *
shown_view (QuorumWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  if (page == NULL || !ADW_IS_BIN (page))
    return NULL;
  return adw_bin_get_child (ADW_BIN (page));
}

static QuorumExportSource *
shown_source (QuorumWindow *self)
{
  if (self->store == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "store") != 0)
    return NULL;
  return quorum_export_source_new_for_view (shown_view (self), self->store, self->notes);
}

static void
exported_cb (QuorumWindow   *self,
             const char     *path,
             gboolean        written,
             QuorumExporter *exporter)
{
  g_autofree char *name = NULL;

  if (!written)
    return;
  name = g_path_get_basename (path);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("Exported to %s"), name));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  g_autoptr(QuorumExportSource) source = shown_source (self);
  g_autoptr(QuorumExporter) exporter = NULL;

  if (source == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Open a table to export it")));
      return;
    }
  exporter = quorum_exporter_new (GTK_WINDOW (self), source);
  g_signal_connect_object (exporter, "finished", G_CALLBACK (exported_cb), self,
                           G_CONNECT_SWAPPED);
  quorum_exporter_run (exporter);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autoptr(QuorumExportSource) source = NULL;
  g_autoptr(QuorumGrid) grid = NULL;
  g_autoptr(GdkContentProvider) content = NULL;

  /* An entry's text, a label's selection: theirs to copy. */
  if (focus != NULL && gtk_widget_activate_action (focus, "clipboard.copy", NULL))
    return;
  if ((source = shown_source (self)) == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Open a table to copy its rows")));
      return;
    }
  if ((grid = quorum_export_source_dup_selected (source)) == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Select a row to copy it")));
      return;
    }
  content = quorum_export_content_new (grid);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), content);
}

/**
 * _quorum_window_update_export:
 *
 * Enables Export… and Copy on the views that have something to export.
 */
void
_quorum_window_update_export (QuorumWindow *self)
{
  GtkWidget *view = shown_view (self);
  gboolean enabled = self->store != NULL && view != NULL &&
                     (QUORUM_IS_BUDGETS_VIEW (view) || QUORUM_IS_CHECKS_VIEW (view) ||
                      QUORUM_IS_WORK_PACKAGES_VIEW (view) || QUORUM_IS_ACTIONS_VIEW (view));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy", enabled);
}

void
_quorum_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
}
