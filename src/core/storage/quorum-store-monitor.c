/* quorum-store-monitor.c: watches a store's folders and reloads what changed
 *
 * Watches the store folder (for committees.json and for the folders to
 * appear) and each folder of _quorum_store_folders, with a folder in it
 * per package where the store keeps one (decisions/WORK-PACKAGE/); the
 * folders are looked at again after each reload, for new ones. A change
 * starts a QUORUM_STORE_MONITOR_DELAY_MS timer, started again by every
 * change after it, so that a sync or a decision writing several files
 * causes one reload. The reload runs on a worker thread (cancelled by the
 * next one) and, as every load, trusts the stamps of the files
 * (quorum-store-private.h): only files whose stamp changed are parsed
 * again (of racily clean ones, only those whose content changed). Files
 * under STORE/.quorum/ and hidden or backup (`~`) files are ignored.
 *
 * The store owns its monitor (quorum_store_watch()); the monitor does not
 * hold the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-store-monitor.h"
#include "quorum-store-layout.h"
#include "quorum-store-private.h"

struct _QuorumStoreMonitor
{
  GObject parent_instance;

  QuorumStore *store;          /* not owned: it owns the monitor */
  GHashTable *monitors;        /* folder path → GFileMonitor */
  GCancellable *cancellable;   /* the reload running */
  guint reload_source;
  gulong changed_id;
};

G_DEFINE_FINAL_TYPE (QuorumStoreMonitor, quorum_store_monitor, G_TYPE_OBJECT)

static void watch_folders (QuorumStoreMonitor *self);

static void
quorum_store_monitor_dispose (GObject *object)
{
  QuorumStoreMonitor *self = QUORUM_STORE_MONITOR (object);
  GHashTableIter iter;
  gpointer monitor;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  self->store = NULL;
  if (self->monitors != NULL)
    {
      g_hash_table_iter_init (&iter, self->monitors);
      while (g_hash_table_iter_next (&iter, NULL, &monitor))
        g_file_monitor_cancel (monitor);
      g_clear_pointer (&self->monitors, g_hash_table_unref);
    }

  G_OBJECT_CLASS (quorum_store_monitor_parent_class)->dispose (object);
}

static void
quorum_store_monitor_class_init (QuorumStoreMonitorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = quorum_store_monitor_dispose;
}

static void
quorum_store_monitor_init (QuorumStoreMonitor *self)
{
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* Files the store writes for itself, and editors' temporary files. */
static gboolean
is_ignored (GFile *file)
{
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (basename == NULL || basename[0] == '.' || g_str_has_suffix (basename, "~"))
    return TRUE;
  return path != NULL && quorum_store_layout_is_private (path);
}

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(QuorumStoreMonitor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (quorum_store_load_finish (QUORUM_STORE (object), result, &error))
    return;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->store != NULL)
    g_signal_emit_by_name (self->store, "load-failed", error);
}

static gboolean
reload_cb (gpointer user_data)
{
  QuorumStoreMonitor *self = user_data;

  self->reload_source = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _quorum_store_reload_async (self->store, self->cancellable, reloaded_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (GFileMonitor       *monitor,
                   GFile              *file,
                   GFile              *other_file,
                   GFileMonitorEvent   event,
                   QuorumStoreMonitor *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_CHANGED:
      break;
    default:
      return;
    }
  if (is_ignored (file) && (other_file == NULL || is_ignored (other_file)))
    return;

  /* A sync or a decision writes several files: one reload for all. */
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (QUORUM_STORE_MONITOR_DELAY_MS, reload_cb, self);
}

static void
watch_folder (QuorumStoreMonitor *self,
              GHashTable         *wanted,
              char               *path)
{
  g_autoptr(GFile) folder = NULL;
  GFileMonitor *monitor;

  g_hash_table_add (wanted, path);
  if (g_hash_table_contains (self->monitors, path))
    return;
  folder = g_file_new_for_path (path);
  monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;
  g_signal_connect_object (monitor, "changed", G_CALLBACK (folder_changed_cb), self, 0);
  g_hash_table_insert (self->monitors, g_strdup (path), monitor);
}

/* Watches the folders there are now, and no longer those that went. */
static void
watch_folders (QuorumStoreMonitor *self)
{
  const char *root = quorum_store_get_path (self->store);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer path, monitor;

  watch_folder (self, wanted, g_strdup (root));
  for (guint i = 0; i < _quorum_store_n_folders; i++)
    {
      const QuorumStoreFolder *kind = &_quorum_store_folders[i];
      char *folder = g_build_filename (root, kind->name, NULL);
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (!kind->is_folder || !g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_free (folder);
          continue;
        }
      watch_folder (self, wanted, folder);
      dir = kind->per_package ? g_dir_open (folder, 0, NULL) : NULL;
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          char *sub = g_build_filename (folder, name, NULL);

          if (name[0] != '.' && g_file_test (sub, G_FILE_TEST_IS_DIR))
            watch_folder (self, wanted, sub);
          else
            g_free (sub);
        }
    }

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, &path, &monitor))
    if (!g_hash_table_contains (wanted, path))
      {
        g_file_monitor_cancel (monitor);
        g_hash_table_iter_remove (&iter);
      }
}

/**
 * quorum_store_monitor_new:
 * @store: the store to watch and reload; it must outlive the monitor (it
 *   owns it: see quorum_store_watch())
 *
 * Returns: (transfer full): a monitor, watching at once
 */
QuorumStoreMonitor *
quorum_store_monitor_new (QuorumStore *store)
{
  QuorumStoreMonitor *self;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_STORE_MONITOR, NULL);
  self->store = store;
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (watch_folders),
                                               self);
  watch_folders (self);
  return self;
}
