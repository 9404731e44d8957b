/* quorum-window-desktop.c: the window's part in the desktop
 *
 * A store folder dropped on the window opens as one chosen with Open Store…
 * does (anything else gets the store's usual error page); a store opened is
 * also added to GNOME's recent files; a background sync's notifications
 * (QuorumSyncNotifier) are sent for the window's syncs, and can open the
 * sync's status here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-window-private.h"

/* Files dragged from a file manager come as a list; one GFile from others. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         QuorumWindow  *self)
{
  GFile *file = NULL;
  g_autofree char *path = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return FALSE;

  /* A folder is remembered as Open Store… remembers it (a folder that is
   * not a store shows why it could not be opened); anything else only
   * shows why it is not a store. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    _quorum_window_open_and_remember (self, path);
  else
    quorum_window_open_store (self, path);
  return TRUE;
}

/**
 * _quorum_window_init_desktop:
 *
 * Makes the window a drop target for store folders and, when it syncs,
 * notifies of what its background syncs bring.
 */
void
_quorum_window_init_desktop (QuorumWindow      *self,
                             QuorumApplication *application)
{
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  /* style.css outlines it while something is dragged over it. */
  gtk_widget_add_css_class (GTK_WIDGET (self->toast_overlay), "store-drop-target");
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));

  if (self->sync != NULL)
    self->sync_notifier = quorum_sync_notifier_new (G_APPLICATION (application), self->sync);
}

/**
 * _quorum_window_add_recent:
 * @path: a store folder the member opened
 *
 * Adds @path to GNOME's recent files, where file choosers and the Files
 * app list it, beside the app's own Recent Stores.
 */
void
_quorum_window_add_recent (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_path_get_basename (path);
  const char *application = g_get_application_name ();
  GtkRecentData data = {
    .display_name = name,
    .mime_type = (char *) "inode/directory",
    .app_name = (char *) (application != NULL ? application : "Quorum"),
    .app_exec = (char *) "quorum %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/**
 * quorum_window_show_sync_status:
 *
 * Opens the sync button's popover: what the last sync did, file by file.
 */
void
quorum_window_show_sync_status (QuorumWindow *self)
{
  g_return_if_fail (QUORUM_IS_WINDOW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->sync_button)))
    quorum_sync_button_popup (self->sync_button);
}
