/* quorum-sync-notifier.c: desktop notifications for syncs in the background
 *
 * A sync the member did not start (at start-up, every few minutes, back
 * online) can bring work packages awaiting a decision, meet a conflict or
 * fail while nobody looks at the header bar. Each of those becomes a
 * GNotification sent through the application; its default action opens
 * the place concerned: `app.show-work-package((STORE, ID))` (ID "" for
 * the list) or `app.show-sync(STORE)`, the sync button's popover.
 *
 * A notification is withdrawn once it is stale: a sync the member starts
 * withdraws them all (the header bar shows the outcome), and a background
 * sync that succeeds withdraws the failure and conflict ones. Being
 * offline and the read-only sample store are not news: the first is
 * retried when the network is back, the second never syncs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-notifier.h"
#include <glib/gi18n.h>

/* At most this many package titles in a notification's body. */
#define MAX_TITLES 5

struct _QuorumSyncNotifier
{
  GObject parent_instance;

  GApplication *application;
  QuorumSyncController *controller;
  GHashTable *awaiting_before;  /* ids of the packages awaiting a decision as the sync began */
};

G_DEFINE_FINAL_TYPE (QuorumSyncNotifier, quorum_sync_notifier, G_TYPE_OBJECT)

static const char *kinds[] = { "awaiting", "conflict", "failed" };

static char *
notification_id (const char *kind,
                 const char *path)
{
  return g_strdup_printf ("sync-%s:%s", kind, path);
}

/* Withdrawn whether sent or not: it may have been sent by the window
 * that was on the store before. */
static void
withdraw (QuorumSyncNotifier *self,
          const char         *kind)
{
  QuorumStore *store = quorum_sync_controller_get_store (self->controller);
  g_autofree char *id = NULL;

  if (store == NULL)
    return;
  id = notification_id (kind, quorum_store_get_path (store));
  g_application_withdraw_notification (self->application, id);
}

static void
withdraw_all (QuorumSyncNotifier *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    withdraw (self, kinds[i]);
}

static void
send (QuorumSyncNotifier *self,
      const char         *kind,
      const char         *path,
      GNotification      *notification)
{
  g_autofree char *id = notification_id (kind, path);

  g_application_send_notification (self->application, id, notification);
}

/* The packages of @store awaiting a decision, by id (values: the packages). */
static GHashTable *
collect_awaiting (QuorumStore *store)
{
  GHashTable *awaiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                g_object_unref);
  GListModel *packages = store != NULL ? quorum_store_get_work_packages (store) : NULL;

  for (guint i = 0; packages != NULL && i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(QuorumWorkPackage) package = g_list_model_get_item (packages, i);

      char *id = g_strdup (quorum_work_package_get_id (package));

      if (quorum_work_package_get_outcome (package) == QUORUM_OUTCOME_AWAITING)
        g_hash_table_insert (awaiting, id, g_steal_pointer (&package));
      else
        g_free (id);
    }
  return awaiting;
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  QuorumWorkPackage *first = *(QuorumWorkPackage * const *) a;
  QuorumWorkPackage *second = *(QuorumWorkPackage * const *) b;

  return g_utf8_collate (quorum_work_package_get_title (first),
                         quorum_work_package_get_title (second));
}

/* The packages that came in awaiting a decision, by title. */
static void
notify_awaiting (QuorumSyncNotifier *self,
                 const char         *path,
                 GHashTable         *awaiting)
{
  g_autoptr(GPtrArray) arrived = g_ptr_array_new ();
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  GString *body = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, awaiting);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (self->awaiting_before == NULL || !g_hash_table_contains (self->awaiting_before, key))
      g_ptr_array_add (arrived, value);
  if (arrived->len == 0)
    {
      g_string_free (body, TRUE);
      return;
    }
  g_ptr_array_sort (arrived, compare_titles);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u new work package awaits a decision",
                                        "%u new work packages await a decision", arrived->len),
                           arrived->len);
  for (guint i = 0; i < arrived->len && i < MAX_TITLES; i++)
    g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "",
                            quorum_work_package_get_title (g_ptr_array_index (arrived, i)));
  if (arrived->len > MAX_TITLES)
    {
      guint more = arrived->len - MAX_TITLES;

      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                 "and %u more", more), more);
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  /* One package opens its page; several, the list. */
  g_notification_set_default_action_and_target (
    notification, "app.show-work-package", "(ss)", path,
    arrived->len == 1 ? quorum_work_package_get_id (g_ptr_array_index (arrived, 0)) : "");
  g_string_free (body, TRUE);
  send (self, "awaiting", path, notification);
}

static guint
count_conflicts (GListModel *items)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);

      n += quorum_sync_item_get_action (item) == QUORUM_SYNC_CONFLICT;
    }
  return n;
}

static void
notify_problem (QuorumSyncNotifier *self,
                const char         *path,
                const char         *kind,
                const char         *title)
{
  g_autoptr(GNotification) notification = g_notification_new (title);

  g_notification_set_body (notification,
                           quorum_sync_controller_get_status_text (self->controller));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-sync", "s", path);
  send (self, kind, path, notification);
}

static void
finished_cb (QuorumSyncNotifier *self)
{
  QuorumStore *store = quorum_sync_controller_get_store (self->controller);
  const GError *error = quorum_sync_controller_get_error (self->controller);
  guint n_conflicts;
  const char *path;

  if (!quorum_sync_controller_get_background (self->controller) || store == NULL)
    return;
  path = quorum_store_get_path (store);
  n_conflicts = count_conflicts (quorum_sync_controller_get_items (self->controller));

  if (n_conflicts > 0)
    {
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sync found %u conflict",
                                      "Sync found %u conflicts", n_conflicts), n_conflicts);

      notify_problem (self, path, "conflict", title);
    }
  else
    withdraw (self, "conflict");

  if (quorum_sync_controller_get_state (self->controller) == QUORUM_SYNC_STATE_FAILED &&
      n_conflicts == 0 &&
      !g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_OFFLINE) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    notify_problem (self, path, "failed", _("Sync failed"));
  else if (quorum_sync_controller_get_state (self->controller) == QUORUM_SYNC_STATE_SUCCEEDED)
    withdraw (self, "failed");

  if (self->awaiting_before != NULL)
    {
      g_autoptr(GHashTable) awaiting = collect_awaiting (store);

      notify_awaiting (self, path, awaiting);
    }
  g_clear_pointer (&self->awaiting_before, g_hash_table_unref);
}

/* As a sync begins: what awaits a decision already is not news. A sync
 * the member starts makes every notification stale. */
static void
state_cb (QuorumSyncNotifier *self)
{
  if (quorum_sync_controller_get_state (self->controller) != QUORUM_SYNC_STATE_SYNCING)
    return;
  g_clear_pointer (&self->awaiting_before, g_hash_table_unref);
  if (!quorum_sync_controller_get_background (self->controller))
    {
      withdraw_all (self);
      return;
    }
  self->awaiting_before = collect_awaiting (quorum_sync_controller_get_store (self->controller));
}

static void
quorum_sync_notifier_finalize (GObject *object)
{
  QuorumSyncNotifier *self = QUORUM_SYNC_NOTIFIER (object);

  g_clear_object (&self->application);
  g_clear_object (&self->controller);
  g_clear_pointer (&self->awaiting_before, g_hash_table_unref);

  G_OBJECT_CLASS (quorum_sync_notifier_parent_class)->finalize (object);
}

static void
quorum_sync_notifier_class_init (QuorumSyncNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quorum_sync_notifier_finalize;
}

static void
quorum_sync_notifier_init (QuorumSyncNotifier *self)
{
}

/**
 * quorum_sync_notifier_new:
 * @application: sends the notifications; its actions `show-work-package`
 *   and `show-sync` open what they are about
 * @controller: the syncs to follow
 *
 * Returns: (transfer full): a notifier, which notifies for as long as it
 *   lives
 */
QuorumSyncNotifier *
quorum_sync_notifier_new (GApplication         *application,
                          QuorumSyncController *controller)
{
  QuorumSyncNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (controller), NULL);

  self = g_object_new (QUORUM_TYPE_SYNC_NOTIFIER, NULL);
  self->application = g_object_ref (application);
  self->controller = g_object_ref (controller);
  g_signal_connect_object (controller, "notify::state", G_CALLBACK (state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "finished", G_CALLBACK (finished_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
