/* test-sync-notify.c: notifications for syncs in the background
 *
 * The real window and application sync a copy of the sample store with
 * nginx on 127.0.0.1 (tests/core/sync/quorum-test-servers), at start-up,
 * as a sync in the background. The notifications are observed where the
 * desktop would see them: the test owns org.gtk.Notifications on the
 * private session bus of dbus-run-session, as GNOME Shell does, and GIO's
 * notification backend sends AddNotification and RemoveNotification there.
 *
 * - a new package awaiting a decision is notified; the notification's
 *   action opens its page; a sync the member starts withdraws it;
 * - a background sync that fails is notified, its action opens the sync's
 *   popover, and the next one that succeeds withdraws it;
 * - a conflict (the remote changed a decision) is notified as such;
 * - a sync the member starts that fails is not notified.
 *
 * Runs under Xvfb and dbus-run-session; skips without a display, a session
 * bus or nginx.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-core.h"
#include "quorum-sync-button.h"
#include "quorum-test-servers.h"
#include "quorum-test-util.h"
#include "quorum-ui-test-util.h"
#include "quorum-window.h"
#include "quorum-work-package-page.h"

#define NEW_PACKAGE "wp-2021-22-q1-notify-test"
#define NEW_TITLE "Notification test: a package published since the sample"
#define SOURCE_PACKAGE "work-packages/wp-2020-21-contingency-opsg.json"

static QuorumApplication *app;
static GPtrArray *calls;      /* "add ID" and "remove ID", in order */
static GHashTable *shown;     /* ID → a{sv}: sent and not withdrawn */

/* --- org.gtk.Notifications -------------------------------------------------- */

static const char introspection[] =
  "<node><interface name='org.gtk.Notifications'>"
  "<method name='AddNotification'><arg type='s' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='a{sv}' direction='in'/></method>"
  "<method name='RemoveNotification'><arg type='s' direction='in'/>"
  "<arg type='s' direction='in'/></method>"
  "</interface></node>";

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  const char *app_id, *id;
  GVariant *notification = NULL;

  if (g_str_equal (method_name, "AddNotification"))
    {
      g_variant_get (parameters, "(&s&s@a{sv})", &app_id, &id, &notification);
      g_hash_table_insert (shown, g_strdup (id), notification);
      g_ptr_array_add (calls, g_strdup_printf ("add %s", id));
    }
  else
    {
      g_variant_get (parameters, "(&s&s)", &app_id, &id);
      g_hash_table_remove (shown, id);
      g_ptr_array_add (calls, g_strdup_printf ("remove %s", id));
    }
  g_assert_cmpstr (app_id, ==, g_application_get_application_id (G_APPLICATION (app)));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_shown (gpointer id)
{
  return g_hash_table_contains (shown, id);
}

static gboolean
was_called (gpointer call)
{
  for (guint i = 0; i < calls->len; i++)
    if (g_str_equal (g_ptr_array_index (calls, i), call))
      return TRUE;
  return FALSE;
}

/* Everything the application has sent so far has been received: a call
 * of our own after it, on the same connection, has arrived (the bus keeps
 * one sender's messages in order). */
static void
barrier (void)
{
  static guint n;
  g_autofree char *id = g_strdup_printf ("barrier-%u", ++n);
  g_autofree char *call = g_strdup_printf ("remove %s", id);

  g_dbus_connection_call (g_application_get_dbus_connection (G_APPLICATION (app)),
                          "org.gtk.Notifications", "/org/gtk/Notifications",
                          "org.gtk.Notifications", "RemoveNotification",
                          g_variant_new ("(ss)",
                                         g_application_get_application_id (G_APPLICATION (app)),
                                         id),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
  g_assert_true (quorum_test_wait_until (was_called, call));
}

static gboolean
own_notifications (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection, NULL);
  static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };
  gboolean acquired = FALSE;

  if (bus == NULL)
    return FALSE;
  g_assert_cmpuint (g_dbus_connection_register_object (bus, "/org/gtk/Notifications",
                                                       info->interfaces[0], &vtable,
                                                       NULL, NULL, NULL), >, 0);
  g_bus_own_name_on_connection (bus, "org.gtk.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                name_acquired_cb, NULL, &acquired, NULL);
  return quorum_test_wait_until (quorum_test_flag_is_set, &acquired);
}

/* --- the store and the remote ------------------------------------------------- */

/* The remote: the sample and a package published since, awaiting a decision. */
static void
write_remote (const char *root)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *source = g_build_filename (root, SOURCE_PACKAGE, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GString) package = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_store_copy_folder (sample, root, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &data, NULL, NULL));
  package = g_string_new (data);
  g_assert_cmpuint (g_string_replace (package, "\"wp-2020-21-contingency-opsg\"",
                                      "\"" NEW_PACKAGE "\"", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (package, "\"Contingency drawdown: OPSG support above "
                                      "provision\"", "\"" NEW_TITLE "\"", 0), ==, 1);
  quorum_test_write_served_file (root, "work-packages/" NEW_PACKAGE ".json", package->str, -1);
  g_assert_true (quorum_sync_write_index (root, &error));
  g_assert_no_error (error);
  g_assert_true (quorum_test_fix_served_permissions (root, &error));
  g_assert_no_error (error);
}

/* The remote changes one of the store's decisions (the first found):
 * decisions are never replaced, so the next sync meets a conflict. */
static void
change_remote_decision (const char *root)
{
  g_autofree char *decisions = g_build_filename (root, "decisions", NULL);
  g_autoptr(GDir) packages = g_dir_open (decisions, 0, NULL);
  g_autoptr(GError) error = NULL;
  const char *package;

  g_assert_nonnull (packages);
  while ((package = g_dir_read_name (packages)) != NULL)
    {
      g_autofree char *folder = g_build_filename (decisions, package, NULL);
      g_autoptr(GDir) files = g_dir_open (folder, 0, NULL);
      const char *name = files != NULL ? g_dir_read_name (files) : NULL;

      if (name != NULL && g_str_has_suffix (name, ".json"))
        {
          g_autofree char *relpath = g_build_filename ("decisions", package, name, NULL);

          quorum_test_write_served_file (root, relpath,
                                         "{\"format\": \"quorum.decision/1\", "
                                         "\"different\": true}\n", -1);
          g_assert_true (quorum_sync_write_index (root, &error));
          g_assert_no_error (error);
          g_assert_true (quorum_test_fix_served_permissions (root, &error));
          g_assert_no_error (error);
          return;
        }
    }
  g_assert_not_reached ();
}

/* A window on @store: with sync-on-start set, it syncs in the background. */
static QuorumWindow *
open_window (const char *store)
{
  QuorumWindow *window = quorum_window_new (app);

  quorum_window_open_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static QuorumSyncController *
window_controller (QuorumWindow *window)
{
  GtkWidget *button = quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_SYNC_BUTTON);

  g_assert_nonnull (button);
  return quorum_sync_button_get_controller (QUORUM_SYNC_BUTTON (button));
}

/* The member's own sync, from the window's action, to its end. */
static void
sync_by_hand (QuorumWindow *window)
{
  QuorumSyncController *controller = window_controller (window);
  gboolean finished = FALSE;
  gulong handler = g_signal_connect_swapped (controller, "finished",
                                             G_CALLBACK (quorum_test_set_flag_cb), &finished);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL));
  g_assert_false (quorum_sync_controller_get_background (controller));
  g_assert_true (quorum_test_wait_until (quorum_test_flag_is_set, &finished));
  g_signal_handler_disconnect (controller, handler);
}

static const char *
lookup_string (GVariant   *notification,
               const char *key)
{
  const char *value = NULL;

  g_assert_true (g_variant_lookup (notification, key, "&s", &value));
  return value;
}

static gboolean
popover_shown (gpointer window)
{
  GtkWidget *button = quorum_test_find_type (window, QUORUM_TYPE_SYNC_BUTTON);
  GtkWidget *menu_button = quorum_test_find_type (button, GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

static gboolean
package_shown (gpointer window)
{
  GtkWidget *page = quorum_test_find_type (window, QUORUM_TYPE_WORK_PACKAGE_PAGE);
  QuorumWorkPackage *package = NULL;

  if (page != NULL)
    package = quorum_work_package_page_get_work_package (QUORUM_WORK_PACKAGE_PAGE (page));
  return package != NULL && gtk_widget_get_mapped (page) &&
         g_str_equal (quorum_work_package_get_id (package), NEW_PACKAGE);
}

/* --- the test ------------------------------------------------------------------ */

typedef struct
{
  char *parent;
  char *root;             /* served by nginx */
  char *store;            /* the window's */
  QuorumTestCa *ca;
  QuorumTestServer *server;
  char *awaiting_id;      /* the notifications' ids for the store */
  char *failed_id;
  char *conflict_id;
} Fixture;

/* At start-up, in the background: the new package, and it alone. Clicked,
 * it opens the package; a sync the member starts withdraws it. */
static void
check_awaiting (Fixture *f)
{
  QuorumWindow *window = open_window (f->store);
  g_autofree char *remove_awaiting = g_strdup_printf ("remove %s", f->awaiting_id);
  g_autoptr(GVariant) target = NULL;
  GVariant *notification;
  const char *path, *id;
  guint n_calls;

  g_assert_true (quorum_test_wait_until (is_shown, f->awaiting_id));
  g_assert_true (quorum_sync_controller_get_background (window_controller (window)));
  g_assert_cmpint (quorum_sync_controller_get_state (window_controller (window)), ==,
                   QUORUM_SYNC_STATE_SUCCEEDED);
  g_assert_cmpuint (g_hash_table_size (shown), ==, 1);
  notification = g_hash_table_lookup (shown, f->awaiting_id);
  g_assert_cmpstr (lookup_string (notification, "title"), ==,
                   "1 new work package awaits a decision");
  g_assert_cmpstr (lookup_string (notification, "body"), ==, NEW_TITLE);
  g_assert_cmpstr (lookup_string (notification, "default-action"), ==,
                   "app.show-work-package");
  target = g_variant_lookup_value (notification, "default-action-target", NULL);
  g_assert_nonnull (target);
  g_variant_get (target, "(&s&s)", &path, &id);
  g_assert_cmpstr (path, ==, f->store);
  g_assert_cmpstr (id, ==, NEW_PACKAGE);

  /* Clicked: the package's page, in the window already on that store. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-work-package", target);
  g_assert_true (quorum_test_wait_until (package_shown, window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* The member syncs: what was notified is stale. Nothing new is sent. */
  n_calls = calls->len;
  sync_by_hand (window);
  g_assert_true (quorum_test_wait_until (was_called, remove_awaiting));
  barrier ();
  g_assert_cmpuint (g_hash_table_size (shown), ==, 0);
  for (guint i = n_calls; i < calls->len; i++)
    g_assert_false (g_str_has_prefix (g_ptr_array_index (calls, i), "add "));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The server has gone: the member's own sync fails without a notification
 * (the header bar says so); one in the background is notified, with the
 * reason, and opens the sync's popover; back, the next one withdraws it. */
static void
check_failure (Fixture *f)
{
  g_autofree char *add_failed = g_strdup_printf ("add %s", f->failed_id);
  g_autofree char *remove_failed = g_strdup_printf ("remove %s", f->failed_id);
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *notification;
  QuorumWindow *window;

  /* The window's own start-up sync, still working, has ended (it
   * withdraws any failure as it succeeds). */
  g_ptr_array_set_size (calls, 0);
  window = open_window (f->store);
  g_assert_true (quorum_test_wait_until (was_called, remove_failed));
  quorum_test_server_stop (f->server);
  sync_by_hand (window);
  g_assert_cmpint (quorum_sync_controller_get_state (window_controller (window)), ==,
                   QUORUM_SYNC_STATE_FAILED);
  barrier ();
  g_assert_cmpuint (g_hash_table_size (shown), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window (f->store);
  g_assert_true (quorum_test_wait_until (is_shown, f->failed_id));
  notification = g_hash_table_lookup (shown, f->failed_id);
  g_assert_cmpstr (lookup_string (notification, "title"), ==, "Sync failed");
  g_assert_cmpstr (lookup_string (notification, "body"), ==,
                   quorum_sync_controller_get_status_text (window_controller (window)));
  g_assert_cmpstr (lookup_string (notification, "priority"), ==, "high");
  g_assert_cmpstr (lookup_string (notification, "default-action"), ==, "app.show-sync");
  target = g_variant_lookup_value (notification, "default-action-target", NULL);
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, f->store);
  g_assert_false (popover_shown (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-sync", target);
  g_assert_true (quorum_test_wait_until (popover_shown, window));
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_true (quorum_test_server_restart (f->server, &error));
  g_assert_no_error (error);
  g_assert_true (was_called (add_failed));
  g_ptr_array_set_size (calls, 0);
  window = open_window (f->store);
  g_assert_true (quorum_test_wait_until (was_called, remove_failed));
  g_assert_false (g_hash_table_contains (shown, f->failed_id));
  g_assert_cmpint (quorum_sync_controller_get_state (window_controller (window)), ==,
                   QUORUM_SYNC_STATE_SUCCEEDED);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A decision differs on the remote: a conflict, which says so rather than
 * that the sync failed, and opens the sync's popover too. */
static void
check_conflict (Fixture *f)
{
  QuorumWindow *window;
  GVariant *notification;

  change_remote_decision (f->root);
  g_ptr_array_set_size (calls, 0);
  window = open_window (f->store);
  g_assert_true (quorum_test_wait_until (is_shown, f->conflict_id));
  barrier ();
  g_assert_false (g_hash_table_contains (shown, f->failed_id));
  notification = g_hash_table_lookup (shown, f->conflict_id);
  g_assert_cmpstr (lookup_string (notification, "title"), ==, "Sync found 1 conflict");
  g_assert_cmpstr (lookup_string (notification, "default-action"), ==, "app.show-sync");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_background_sync (void)
{
  GSettings *settings = quorum_application_get_settings (app);
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };

  if (quorum_test_skip_without_nginx ())
    return;
  f.parent = g_dir_make_tmp ("quorum-notify-XXXXXX", NULL);
  g_assert_nonnull (f.parent);
  f.root = g_build_filename (f.parent, "remote", NULL);
  f.store = g_build_filename (f.parent, "store", NULL);
  f.ca = quorum_test_ca_new (NULL, &error);
  g_assert_no_error (error);
  write_remote (f.root);
  f.server = quorum_test_nginx_start (f.root, f.ca, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_store_copy_folder (sample, f.store, NULL, &error));
  g_assert_no_error (error);
  f.awaiting_id = g_strdup_printf ("sync-awaiting:%s", f.store);
  f.failed_id = g_strdup_printf ("sync-failed:%s", f.store);
  f.conflict_id = g_strdup_printf ("sync-conflict:%s", f.store);

  g_settings_set_string (settings, "remote-url", quorum_test_server_get_url (f.server));
  g_settings_set_string (settings, "remote-ca-file", quorum_test_ca_get_ca_file (f.ca));
  g_settings_set_boolean (settings, "sync-on-start", TRUE);

  check_awaiting (&f);
  check_failure (&f);
  check_conflict (&f);

  g_settings_reset (settings, "remote-url");
  g_settings_reset (settings, "remote-ca-file");
  g_settings_reset (settings, "sync-on-start");
  quorum_test_server_free (f.server);
  quorum_test_ca_free (f.ca);
  quorum_test_rm_rf (f.parent);
  g_free (f.parent);
  g_free (f.root);
  g_free (f.store);
  g_free (f.awaiting_id);
  g_free (f.failed_id);
  g_free (f.conflict_id);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  /* The user's own store and keyring stay out of it; no proxy for 127.0.0.1. */
  data_home = g_dir_make_tmp ("quorum-data-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_init (&argc, &argv, NULL);
  calls = g_ptr_array_new_with_free_func (g_free);
  shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) g_variant_unref);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under Xvfb (build-aux/run-tests does)");
      quorum_test_rm_rf (data_home);
      return 77;
    }
  adw_init ();
  if (!own_notifications ())
    {
      g_test_skip ("no session bus: run under dbus-run-session (build-aux/run-tests does)");
      quorum_test_rm_rf (data_home);
      return 77;
    }

  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/sync-notify/background-sync", test_background_sync);

  status = g_test_run ();
  g_clear_object (&app);
  g_ptr_array_unref (calls);
  g_hash_table_unref (shown);
  quorum_test_rm_rf (data_home);
  return status;
}
