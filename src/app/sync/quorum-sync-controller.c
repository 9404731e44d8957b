/* quorum-sync-controller.c: when and how the app syncs its store
 *
 * Reads the remote's address, sign-in method, user, trusted certificates
 * and backups kept from the settings, looks the password or token up in
 * the keyring (no secret when the keyring has none or cannot be reached:
 * the server says whether it needs one), runs a QuorumSync on a worker
 * thread and, when files came in or decisions went out, reloads the store
 * so the window shows them. Syncs at start-up when `sync-on-start` is set
 * and every `sync-interval` minutes; never two at once. A failure is a
 * state with words for it, never a dialog: Quorum works offline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-controller.h"
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-secret.h"
#include "quorum-sync-texts.h"

G_DEFINE_ENUM_TYPE (QuorumSyncState, quorum_sync_state,
                    G_DEFINE_ENUM_VALUE (QUORUM_SYNC_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (QUORUM_SYNC_STATE_SYNCING, "syncing"),
                    G_DEFINE_ENUM_VALUE (QUORUM_SYNC_STATE_SUCCEEDED, "succeeded"),
                    G_DEFINE_ENUM_VALUE (QUORUM_SYNC_STATE_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (QUORUM_SYNC_STATE_NOT_CONFIGURED, "not-configured"))

/* One sync, from the keyring look-up to the store's reload. It holds the
 * controller weakly: closing the window cancels the sync and drops it. */
typedef struct
{
  GWeakRef controller;
  QuorumSync *sync;
  GCancellable *cancellable;
  char *user;
  gboolean token;
  GError *result;         /* the sync's error, kept while the store reloads */
} Run;

struct _QuorumSyncController
{
  GObject parent_instance;

  GSettings *settings;    /* nullable: no schema, no sync */
  QuorumStore *store;
  gulong work_packages_handler;

  QuorumSyncState state;
  guint files_done;
  guint files_total;
  guint64 bytes;
  char *status_text;
  char *last_sync;
  GError *error;
  gboolean cancelled;
  gboolean bad_ca_file;   /* the last run could not use the trusted certificates */
  gboolean had_secret;    /* the last run sent a password or token */
  gboolean token;         /* …and it was a token */
  gboolean background;    /* the last run was started by a timer, not the member */
  GListStore *items;      /* of QuorumSyncItem */
  guint n_awaiting;

  Run *run;               /* the sync running, or NULL */
  gboolean start_pending; /* sync-on-start, once a store is set */
  guint start_id;
  guint interval_id;
  guint tick_id;
  GSimpleActionGroup *actions;
};

G_DEFINE_FINAL_TYPE (QuorumSyncController, quorum_sync_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  PROP_STATE,
  PROP_PROGRESS,
  PROP_FILES_DONE,
  PROP_FILES_TOTAL,
  PROP_BYTES,
  PROP_STATUS_TEXT,
  PROP_LAST_SYNC,
  PROP_ERROR,
  PROP_ITEMS,
  PROP_N_AWAITING,
  PROP_REMOTE_URL,
  PROP_SUMMARY_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
run_free (Run *run)
{
  g_weak_ref_clear (&run->controller);
  g_clear_object (&run->sync);
  g_clear_object (&run->cancellable);
  g_free (run->user);
  g_clear_error (&run->result);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static char *
dup_setting (QuorumSyncController *self,
             const char           *key)
{
  return self->settings != NULL ? g_settings_get_string (self->settings, key) : g_strdup ("");
}

static gboolean
is_configured (QuorumSyncController *self)
{
  g_autofree char *url = dup_setting (self, "remote-url");

  return *url != '\0';
}

/* Status in words ----------------------------------------------------------- */

static char *
compute_status_text (QuorumSyncController *self)
{
  switch (self->state)
    {
    case QUORUM_SYNC_STATE_NOT_CONFIGURED:
      return g_strdup (_("Sync is not set up"));
    case QUORUM_SYNC_STATE_SYNCING:
      if (self->files_total == 0)
        return g_strdup (_("Syncing…"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Syncing… %u of %u file",
                                           "Syncing… %u of %u files", self->files_total),
                              self->files_done, self->files_total);
    case QUORUM_SYNC_STATE_FAILED:
      return quorum_sync_text_failure (self->error, G_LIST_MODEL (self->items), self->n_awaiting,
                                       self->had_secret, self->token, self->bad_ca_file);
    case QUORUM_SYNC_STATE_IDLE:
      if (self->cancelled)
        return g_strdup (_("Sync cancelled"));
      G_GNUC_FALLTHROUGH;
    case QUORUM_SYNC_STATE_SUCCEEDED:
    default:
      return quorum_sync_text_synced_when (self->last_sync);
    }
}

static void
update_actions (QuorumSyncController *self)
{
  GAction *now = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "now");
  GAction *cancel = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "cancel");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (now),
                               self->state != QUORUM_SYNC_STATE_SYNCING &&
                               self->state != QUORUM_SYNC_STATE_NOT_CONFIGURED &&
                               self->store != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (cancel),
                               self->state == QUORUM_SYNC_STATE_SYNCING);
}

static void
update_status (QuorumSyncController *self)
{
  g_autofree char *text = compute_status_text (self);

  if (g_strcmp0 (text, self->status_text) == 0)
    return;
  g_free (self->status_text);
  self->status_text = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
}

static void
set_state (QuorumSyncController *self,
           QuorumSyncState       state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY_TEXT]);
    }
  update_actions (self);
  update_status (self);
}

static void
set_error (QuorumSyncController *self,
           const GError         *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_progress (QuorumSyncController *self,
              guint                 done,
              guint                 total,
              guint64               bytes)
{
  gboolean changed = self->files_done != done || self->files_total != total;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->files_done != done)
    {
      self->files_done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILES_DONE]);
    }
  if (self->files_total != total)
    {
      self->files_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILES_TOTAL]);
    }
  if (self->bytes != bytes)
    {
      self->bytes = bytes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES]);
    }
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  update_status (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
refresh_last_sync (QuorumSyncController *self)
{
  g_autofree char *last_sync = NULL;

  if (self->store != NULL && !quorum_store_is_sample (self->store))
    last_sync = quorum_sync_dup_last_sync (quorum_store_get_path (self->store));
  if (g_strcmp0 (last_sync, self->last_sync) == 0)
    return;
  g_free (self->last_sync);
  self->last_sync = g_steal_pointer (&last_sync);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
}

/* The state when nothing runs: configured or not. */
static void
reset_state (QuorumSyncController *self)
{
  if (self->state == QUORUM_SYNC_STATE_SYNCING)
    return;
  set_error (self, NULL);
  self->cancelled = FALSE;
  g_list_store_remove_all (self->items);
  set_state (self, is_configured (self) ? QUORUM_SYNC_STATE_IDLE
                                        : QUORUM_SYNC_STATE_NOT_CONFIGURED);
}

/* Decisions awaiting sync --------------------------------------------------- */

static void
count_awaiting (QuorumSyncController *self)
{
  guint n = 0;

  if (self->store != NULL)
    {
      GListModel *packages = quorum_store_get_work_packages (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
        {
          g_autoptr(QuorumWorkPackage) package = g_list_model_get_item (packages, i);
          GListModel *decisions = quorum_work_package_get_decisions (package);

          for (guint j = 0; j < g_list_model_get_n_items (decisions); j++)
            {
              g_autoptr(QuorumDecision) decision = g_list_model_get_item (decisions, j);

              n += quorum_decision_get_pending_sync (decision);
            }
        }
    }

  if (n == self->n_awaiting)
    return;
  self->n_awaiting = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_AWAITING]);
  /* "Offline — decisions wait to be sent" depends on it. */
  update_status (self);
}

/* A new decision is added to its package, which notifies its outcome. */
static void
work_packages_changed_cb (GListModel           *packages,
                          guint                 position,
                          guint                 removed,
                          guint                 added,
                          QuorumSyncController *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(QuorumWorkPackage) package = g_list_model_get_item (packages, i);

      if (g_signal_handler_find (package, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0,
                                 NULL, (gpointer) count_awaiting, self) == 0)
        g_signal_connect_object (package, "notify::outcome", G_CALLBACK (count_awaiting), self,
                                 G_CONNECT_SWAPPED);
    }
  count_awaiting (self);
}

/* Running a sync ------------------------------------------------------------ */

/* The controller @run belongs to, or NULL (and @run freed) when it has
 * gone or moved on. */
static QuorumSyncController *
run_get_owner (Run *run)
{
  QuorumSyncController *self = g_weak_ref_get (&run->controller);

  if (self != NULL && self->run == run)
    return self;
  g_clear_object (&self);
  run_free (run);
  return NULL;
}

static void
finish_run (QuorumSyncController *self,
            Run                  *run,
            const GError         *error)
{
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  self->run = NULL;

  /* What the run did with each file, even when it stopped half-way. */
  if (run->sync != NULL)
    {
      GListModel *done = quorum_sync_get_items (run->sync);
      guint n = g_list_model_get_n_items (done);
      guint handled = 0;
      g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        {
          QuorumSyncItem *item = g_list_model_get_item (done, i);

          handled += quorum_sync_item_get_action (item) != QUORUM_SYNC_REMOVED_REMOTELY;
          g_ptr_array_add (copy, item);
        }
      g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                           copy->pdata, copy->len);

      /* Progress comes coalesced and the last of it is dropped when the run
       * ends: the final figures are the run's own. */
      if (error == NULL || g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES))
        {
          guint total = MAX (self->files_total, handled);

          set_progress (self, total, total, quorum_sync_get_bytes_received (run->sync) +
                                            quorum_sync_get_bytes_sent (run->sync));
        }
      else
        set_progress (self, self->files_done, self->files_total,
                      quorum_sync_get_bytes_received (run->sync) +
                      quorum_sync_get_bytes_sent (run->sync));
    }

  g_object_freeze_notify (G_OBJECT (self));
  refresh_last_sync (self);
  self->cancelled = cancelled;
  set_error (self, cancelled ? NULL : error);
  if (cancelled)
    set_state (self, is_configured (self) ? QUORUM_SYNC_STATE_IDLE
                                          : QUORUM_SYNC_STATE_NOT_CONFIGURED);
  else
    set_state (self, error != NULL ? QUORUM_SYNC_STATE_FAILED : QUORUM_SYNC_STATE_SUCCEEDED);
  g_object_thaw_notify (G_OBJECT (self));

  count_awaiting (self);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
  run_free (run);
}

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(QuorumSyncController) self = NULL;
  g_autoptr(GError) error = NULL;

  if (!quorum_store_load_finish (QUORUM_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The store did not reload after the sync: %s", error->message);

  if ((self = run_get_owner (run)) == NULL)
    return;
  finish_run (self, run, run->result);
}

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(QuorumSyncController) self = NULL;
  GError *error = NULL;

  if (!quorum_sync_run_finish (QUORUM_SYNC (object), result, &error))
    run->result = error;

  if ((self = run_get_owner (run)) == NULL)
    return;
  g_signal_handlers_disconnect_by_data (run->sync, self);

  /* Files came in or decisions went out: show them. */
  if ((error == NULL || g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES)) &&
      self->store != NULL)
    {
      quorum_store_load_async (self->store, run->cancellable, reloaded_cb, run);
      return;
    }
  finish_run (self, run, run->result);
}

static void
progress_cb (QuorumSync           *sync,
             guint                 done,
             guint                 total,
             guint64               bytes,
             QuorumSyncController *self)
{
  if (self->run != NULL && self->run->sync == sync)
    set_progress (self, done, total, bytes);
}

static void
secret_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(QuorumSyncController) self = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = quorum_secret_lookup_finish (result, &error);

  if ((self = run_get_owner (run)) == NULL || g_cancellable_is_cancelled (run->cancellable))
    {
      if (secret != NULL)
        {
          memset (secret, 0, strlen (secret));
          g_free (secret);
        }
      if (self != NULL)
        {
          g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                             "cancelled");

          finish_run (self, run, cancelled);
        }
      return;
    }

  /* No keyring (or nothing in it) is no credentials: the server says
   * whether it needs them. */
  if (error != NULL)
    g_debug ("The keyring could not be read: %s", error->message);

  self->had_secret = secret != NULL;
  self->token = run->token;
  if (secret != NULL)
    {
      if (run->token)
        quorum_sync_set_bearer_token (run->sync, secret);
      else
        quorum_sync_set_basic_auth (run->sync, run->user, secret);
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }

  g_signal_connect_object (run->sync, "progress", G_CALLBACK (progress_cb), self, 0);
  quorum_sync_run_async (run->sync, run->cancellable, ran_cb, run);
}

/* A failure before anything ran (no store to sync, an unusable address). */
static void
fail_at_once (QuorumSyncController *self,
              const GError         *error)
{
  g_list_store_remove_all (self->items);
  self->cancelled = FALSE;
  g_object_freeze_notify (G_OBJECT (self));
  set_error (self, error);
  set_state (self, QUORUM_SYNC_STATE_FAILED);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

/* @background: started by a timer (at start-up, every few minutes, back
 * online), not by the member. */
static void
start_sync (QuorumSyncController *self,
            gboolean              background)
{
  g_autofree char *url = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *ca_file = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  Run *run;

  if (self->run != NULL)
    return;
  self->background = background;
  if (!is_configured (self))
    {
      reset_state (self);
      return;
    }
  if (self->store == NULL)
    return;
  if (quorum_store_is_sample (self->store))
    {
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("%s is the bundled sample store, which is read-only and never "
                             "synced; sync works on a store of your own"),
                           quorum_store_get_path (self->store));
      fail_at_once (self, error);
      return;
    }

  url = dup_setting (self, "remote-url");
  sync = quorum_sync_new (quorum_store_get_path (self->store), url, &error);
  ca_file = dup_setting (self, "remote-ca-file");
  self->bad_ca_file = sync != NULL && *ca_file != '\0' &&
                      !quorum_sync_set_ca_file (sync, ca_file, &error);
  if (error != NULL)
    {
      fail_at_once (self, error);
      return;
    }
  quorum_sync_set_backups_kept (sync, g_settings_get_uint (self->settings, "backups-kept"));

  auth = dup_setting (self, "remote-auth");
  run = g_new0 (Run, 1);
  g_weak_ref_init (&run->controller, self);
  run->sync = g_steal_pointer (&sync);
  run->cancellable = g_cancellable_new ();
  run->token = g_str_equal (auth, "token");
  run->user = run->token ? g_strdup ("") : dup_setting (self, "remote-user");
  self->run = run;

  g_object_freeze_notify (G_OBJECT (self));
  self->cancelled = FALSE;
  set_error (self, NULL);
  set_state (self, QUORUM_SYNC_STATE_SYNCING);
  set_progress (self, 0, 0, 0);
  g_object_thaw_notify (G_OBJECT (self));

  quorum_secret_lookup_async (url, run->user, run->cancellable, secret_found_cb, run);
}

/**
 * quorum_sync_controller_sync:
 *
 * Syncs the store with the remote in the settings, unless a sync is
 * running already. Without a remote address the state becomes
 * %QUORUM_SYNC_STATE_NOT_CONFIGURED. The sync is the member's, not one in
 * the background.
 */
void
quorum_sync_controller_sync (QuorumSyncController *self)
{
  g_return_if_fail (QUORUM_IS_SYNC_CONTROLLER (self));
  start_sync (self, FALSE);
}

/**
 * quorum_sync_controller_get_background:
 *
 * Returns: whether the sync running, or the last one, was started in the
 *   background (at start-up, by the interval, back online) rather than by
 *   the member
 */
gboolean
quorum_sync_controller_get_background (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), FALSE);
  return self->background;
}

/**
 * quorum_sync_controller_cancel:
 *
 * Stops the sync running, if any. The local store stays as it was: files
 * are only replaced once the whole pull is in.
 */
void
quorum_sync_controller_cancel (QuorumSyncController *self)
{
  g_return_if_fail (QUORUM_IS_SYNC_CONTROLLER (self));

  if (self->run != NULL)
    g_cancellable_cancel (self->run->cancellable);
}

/* Timers and settings -------------------------------------------------------- */

static gboolean
interval_cb (gpointer user_data)
{
  start_sync (QUORUM_SYNC_CONTROLLER (user_data), TRUE);
  return G_SOURCE_CONTINUE;
}

static void
arm_interval (QuorumSyncController *self)
{
  guint minutes = self->settings != NULL ? g_settings_get_uint (self->settings,
                                                                "sync-interval") : 0;

  /* The key has no upper bound; a week is as good as never. */
  minutes = MIN (minutes, 7 * 24 * 60);

  g_clear_handle_id (&self->interval_id, g_source_remove);
  if (minutes > 0)
    {
      self->interval_id = g_timeout_add_seconds (minutes * 60, interval_cb, self);
      g_source_set_name_by_id (self->interval_id, "[quorum] sync interval");
    }
}

static gboolean
start_cb (gpointer user_data)
{
  QuorumSyncController *self = user_data;

  self->start_id = 0;
  start_sync (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
maybe_start (QuorumSyncController *self)
{
  if (!self->start_pending || self->store == NULL)
    return;
  self->start_pending = FALSE;
  self->start_id = g_idle_add (start_cb, self);
  g_source_set_name_by_id (self->start_id, "[quorum] sync on start");
}

/* "Synced 5 minutes ago" moves on with the clock. */
static gboolean
tick_cb (gpointer user_data)
{
  update_status (QUORUM_SYNC_CONTROLLER (user_data));
  return G_SOURCE_CONTINUE;
}

static void
settings_changed_cb (GSettings            *settings,
                     const char           *key,
                     QuorumSyncController *self)
{
  if (g_str_equal (key, "sync-interval"))
    arm_interval (self);
  else if (g_str_equal (key, "remote-url"))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_URL]);
      reset_state (self);
    }
}

/* Back online after a sync found none: try again. */
static void
network_changed_cb (GNetworkMonitor      *monitor,
                    gboolean              available,
                    QuorumSyncController *self)
{
  if (available && self->state == QUORUM_SYNC_STATE_FAILED &&
      g_error_matches (self->error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_OFFLINE))
    start_sync (self, TRUE);
}

static void
now_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  quorum_sync_controller_sync (QUORUM_SYNC_CONTROLLER (user_data));
}

static void
cancel_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  quorum_sync_controller_cancel (QUORUM_SYNC_CONTROLLER (user_data));
}

/* Class ---------------------------------------------------------------------- */

static void
quorum_sync_controller_constructed (GObject *object)
{
  QuorumSyncController *self = QUORUM_SYNC_CONTROLLER (object);

  G_OBJECT_CLASS (quorum_sync_controller_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb),
                               self, 0);
      self->start_pending = g_settings_get_boolean (self->settings, "sync-on-start");
    }
  g_signal_connect_object (g_network_monitor_get_default (), "network-changed",
                           G_CALLBACK (network_changed_cb), self, 0);
  arm_interval (self);
  self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
  g_source_set_name_by_id (self->tick_id, "[quorum] sync status clock");
  reset_state (self);
  maybe_start (self);
}

static void
quorum_sync_controller_dispose (GObject *object)
{
  QuorumSyncController *self = QUORUM_SYNC_CONTROLLER (object);

  /* The run finishes on its own, without us. */
  if (self->run != NULL)
    {
      g_cancellable_cancel (self->run->cancellable);
      if (self->run->sync != NULL)
        g_signal_handlers_disconnect_by_data (self->run->sync, self);
      self->run = NULL;
    }
  g_clear_handle_id (&self->start_id, g_source_remove);
  g_clear_handle_id (&self->interval_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->work_packages_handler,
                            quorum_store_get_work_packages (self->store));
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (quorum_sync_controller_parent_class)->dispose (object);
}

static void
quorum_sync_controller_finalize (GObject *object)
{
  QuorumSyncController *self = QUORUM_SYNC_CONTROLLER (object);

  g_free (self->status_text);
  g_free (self->last_sync);
  g_clear_error (&self->error);
  g_clear_object (&self->items);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (quorum_sync_controller_parent_class)->finalize (object);
}

static void
quorum_sync_controller_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  QuorumSyncController *self = QUORUM_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    case PROP_PROGRESS:
      g_value_set_double (value, quorum_sync_controller_get_progress (self));
      break;
    case PROP_FILES_DONE: g_value_set_uint (value, self->files_done); break;
    case PROP_FILES_TOTAL: g_value_set_uint (value, self->files_total); break;
    case PROP_BYTES: g_value_set_uint64 (value, self->bytes); break;
    case PROP_STATUS_TEXT: g_value_set_string (value, self->status_text); break;
    case PROP_LAST_SYNC: g_value_set_string (value, self->last_sync); break;
    case PROP_ERROR: g_value_set_boxed (value, self->error); break;
    case PROP_ITEMS: g_value_set_object (value, self->items); break;
    case PROP_N_AWAITING: g_value_set_uint (value, self->n_awaiting); break;
    case PROP_REMOTE_URL: g_value_take_string (value, dup_setting (self, "remote-url")); break;
    case PROP_SUMMARY_TEXT:
      g_value_take_string (value,
                           quorum_sync_text_summary (G_LIST_MODEL (self->items),
                                                     self->state == QUORUM_SYNC_STATE_SUCCEEDED));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_sync_controller_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  QuorumSyncController *self = QUORUM_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: self->settings = g_value_dup_object (value); break;
    case PROP_STORE: quorum_sync_controller_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_sync_controller_class_init (QuorumSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = quorum_sync_controller_constructed;
  object_class->dispose = quorum_sync_controller_dispose;
  object_class->finalize = quorum_sync_controller_finalize;
  object_class->get_property = quorum_sync_controller_get_property;
  object_class->set_property = quorum_sync_controller_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, QUORUM_TYPE_SYNC_STATE,
                       QUORUM_SYNC_STATE_NOT_CONFIGURED, read_only);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, read_only);
  properties[PROP_FILES_DONE] =
    g_param_spec_uint ("files-done", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_FILES_TOTAL] =
    g_param_spec_uint ("files-total", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_BYTES] =
    g_param_spec_uint64 ("bytes", NULL, NULL, 0, G_MAXUINT64, 0, read_only);
  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL, NULL, read_only);
  properties[PROP_LAST_SYNC] =
    g_param_spec_string ("last-sync", NULL, NULL, NULL, read_only);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, read_only);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_AWAITING] =
    g_param_spec_uint ("n-awaiting", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  /* Derived, for the views to bind: the address from the settings, "" if
   * none; what the last sync did, in words ("83 files fetched"). */
  properties[PROP_REMOTE_URL] =
    g_param_spec_string ("remote-url", NULL, NULL, "", read_only);
  properties[PROP_SUMMARY_TEXT] =
    g_param_spec_string ("summary-text", NULL, NULL, "", read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumSyncController::finished:
   *
   * A sync has ended (synced, failed or cancelled), after the store
   * reloaded when it did.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
notify_summary_text (QuorumSyncController *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY_TEXT]);
}

static void
quorum_sync_controller_init (QuorumSyncController *self)
{
  static const GActionEntry entries[] = {
    { "now", now_action_cb },
    { "cancel", cancel_action_cb },
  };

  self->state = QUORUM_SYNC_STATE_NOT_CONFIGURED;
  self->items = g_list_store_new (QUORUM_TYPE_SYNC_ITEM);
  g_signal_connect_swapped (self->items, "items-changed", G_CALLBACK (notify_summary_text), self);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
}

/**
 * quorum_sync_controller_new:
 * @settings: (nullable): the application's settings; without them there
 *   is nothing to sync with
 * @store: (nullable): the store to sync
 *
 * Returns: (transfer full): a controller
 */
QuorumSyncController *
quorum_sync_controller_new (GSettings   *settings,
                            QuorumStore *store)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || QUORUM_IS_STORE (store), NULL);

  return g_object_new (QUORUM_TYPE_SYNC_CONTROLLER, "settings", settings, "store", store, NULL);
}

GSettings *
quorum_sync_controller_get_settings (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), NULL);
  return self->settings;
}

QuorumStore *
quorum_sync_controller_get_store (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), NULL);
  return self->store;
}

/**
 * quorum_sync_controller_set_store:
 * @store: (nullable)
 *
 * Syncs @store from now on. A sync of the previous store is cancelled.
 */
void
quorum_sync_controller_set_store (QuorumSyncController *self,
                                  QuorumStore          *store)
{
  g_return_if_fail (QUORUM_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (self->store == store)
    return;

  quorum_sync_controller_cancel (self);
  if (self->store != NULL)
    g_clear_signal_handler (&self->work_packages_handler,
                            quorum_store_get_work_packages (self->store));
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      GListModel *packages = quorum_store_get_work_packages (store);

      self->work_packages_handler =
        g_signal_connect_object (packages, "items-changed",
                                 G_CALLBACK (work_packages_changed_cb), self, 0);
      work_packages_changed_cb (packages, 0, 0, g_list_model_get_n_items (packages), self);
    }
  else
    count_awaiting (self);

  g_object_freeze_notify (G_OBJECT (self));
  refresh_last_sync (self);
  reset_state (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_thaw_notify (G_OBJECT (self));
  maybe_start (self);
}

QuorumSyncState
quorum_sync_controller_get_state (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), QUORUM_SYNC_STATE_NOT_CONFIGURED);
  return self->state;
}

/**
 * quorum_sync_controller_get_progress:
 *
 * Returns: the share of files handled by the sync running, 0 to 1 (0
 *   while the remote is listed)
 */
double
quorum_sync_controller_get_progress (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), 0.0);

  if (self->files_total == 0)
    return 0.0;
  return CLAMP ((double) self->files_done / self->files_total, 0.0, 1.0);
}

guint
quorum_sync_controller_get_files_done (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), 0);
  return self->files_done;
}

guint
quorum_sync_controller_get_files_total (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), 0);
  return self->files_total;
}

/**
 * quorum_sync_controller_get_bytes:
 *
 * Returns: the bytes received and sent by the sync running (or the last)
 */
guint64
quorum_sync_controller_get_bytes (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), 0);
  return self->bytes;
}

/**
 * quorum_sync_controller_get_status_text:
 *
 * Returns: the state in plain words, e.g. "Synced 5 minutes ago",
 *   "Syncing… 12 of 83 files", "Offline — decisions wait to be sent"
 */
const char *
quorum_sync_controller_get_status_text (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), NULL);
  return self->status_text;
}

/**
 * quorum_sync_controller_get_last_sync:
 *
 * Returns: (nullable): when the store last synced completely (RFC 3339,
 *   UTC), or %NULL if never
 */
const char *
quorum_sync_controller_get_last_sync (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), NULL);
  return self->last_sync;
}

/**
 * quorum_sync_controller_get_error:
 *
 * Returns: (nullable): why the last sync failed (%QUORUM_SYNC_ERROR, or
 *   %G_IO_ERROR_READ_ONLY for the sample store), in full
 */
const GError *
quorum_sync_controller_get_error (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), NULL);
  return self->error;
}

/**
 * quorum_sync_controller_get_items:
 *
 * Returns: (transfer none): a list of #QuorumSyncItem: what the last sync
 *   did with each file; the same list for the controller's life
 */
GListModel *
quorum_sync_controller_get_items (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * quorum_sync_controller_get_n_awaiting:
 *
 * Returns: how many decisions written here have not reached the remote
 */
guint
quorum_sync_controller_get_n_awaiting (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), 0);
  return self->n_awaiting;
}

/**
 * quorum_sync_controller_dup_remote_url:
 *
 * Returns: (transfer full): the remote's address from the settings, "" if
 *   none
 */
char *
quorum_sync_controller_dup_remote_url (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), NULL);
  return dup_setting (self, "remote-url");
}

/**
 * quorum_sync_controller_get_actions:
 *
 * Returns: (transfer none): the actions `now` (sync) and `cancel`, enabled
 *   when they can be used; insert them as the `sync` group
 */
GActionGroup *
quorum_sync_controller_get_actions (QuorumSyncController *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_CONTROLLER (self), NULL);
  return G_ACTION_GROUP (self->actions);
}
