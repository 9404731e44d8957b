/* test-sync-ui.c: the sync controller and the header bar's sync button
 *
 * Runs a QuorumSyncController against an in-process SoupServer on
 * 127.0.0.1 that serves a copy of the sample store like a static host
 * (index.json, ETags, PUT of new decisions), with the settings in memory
 * (GSETTINGS_BACKEND=memory), and shows it in a QuorumSyncButton in a
 * window: a sync that works, a password refused, a sync cancelled half-way,
 * files refused, and no remote set at all.
 *
 * The password comes from the keyring: when gnome-keyring-daemon is
 * installed and no keyring runs on the session bus (dbus-run-session), the
 * test starts its own, in a temporary folder, and stops it at the end.
 * Without one, the parts that need a saved password are skipped.
 *
 * Runs under Xvfb (build-aux/run-tests); skips cleanly without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "quorum-core.h"
#include "quorum-secret.h"
#include "quorum-sync-button.h"
#include "quorum-sync-controller.h"
#include "quorum-ui-test-util.h"

#define USER "clerk"
#define PASSWORD "correct horse: battery staple"
#define CHANGED_PATH "budgets/sec-budget-2020-23.json"
#define DECIDED_PACKAGE "wp-2020-21-q4-ssc"

static AdwApplication *app;
static GSettings *settings;
static GPtrArray *made;           /* temporary folders, removed at the end */
static GSubprocess *keyring;      /* our own gnome-keyring-daemon, if any */
static gboolean have_keyring;     /* a secret can be saved and found */
static guint preferences_activated;

/* --- the remote --------------------------------------------------------------- */

typedef enum
{
  FAULT_NONE,
  FAULT_HANG,            /* every file but index.json hangs until the client goes */
  FAULT_INVALID_JSON,    /* CHANGED_PATH is not JSON */
} Fault;

typedef struct
{
  SoupServer *server;
  char *root;
  char *url;
  Fault fault;
  const char *password;  /* Basic auth for USER, or NULL for none */
  guint n_requests;
  GPtrArray *puts;
  GPtrArray *hung;       /* of SoupServerMessage, paused */
} Remote;

static char *
make_tmp (const char *template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_ptr_array_add (made, g_strdup (dir));
  return dir;
}

/* A copy of the sample store in a temporary folder. */
static char *
copy_sample (void)
{
  g_autofree char *parent = make_tmp ("quorum-sync-ui-XXXXXX");

  return quorum_test_copy_sample (parent);
}

static gboolean
authorized (Remote            *remote,
            SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *given = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *pair = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *expected = NULL;

  if (remote->password == NULL)
    return TRUE;
  pair = g_strconcat (USER, ":", remote->password, NULL);
  encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  expected = g_strconcat ("Basic ", encoded, NULL);
  return g_strcmp0 (given, expected) == 0;
}

/* Ends a hung request whose client is still there, as the remote goes. */
static void
unpause (gpointer data)
{
  SoupServerMessage *message = data;

  if (!g_object_get_data (G_OBJECT (message), "gone"))
    {
      soup_server_message_set_status (message, 500, NULL);
      soup_server_message_unpause (message);
    }
  g_object_unref (message);
}

static void
mark_gone (SoupServerMessage *message)
{
  g_object_set_data (G_OBJECT (message), "gone", GINT_TO_POINTER (TRUE));
}

/* A static host: files with ETags, 304 for If-None-Match, no WebDAV. */
static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Remote *remote = user_data;
  const char *method = soup_server_message_get_method (message);
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  const char *relpath;
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *etag = NULL;
  gsize length;

  remote->n_requests++;
  if (!g_str_has_prefix (path, "/store/"))
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }
  relpath = path + strlen ("/store/");
  if (!authorized (remote, message))
    {
      soup_server_message_set_status (message, 401, NULL);
      soup_message_headers_replace (headers, "WWW-Authenticate", "Basic realm=\"quorum\"");
      return;
    }
  if (g_str_equal (method, "PROPFIND"))
    {
      soup_server_message_set_status (message, 405, NULL);
      return;
    }
  if (g_str_equal (method, "PUT"))
    {
      /* Kept, and listed from now on, as a host that takes uploads does. */
      SoupMessageBody *body = soup_server_message_get_request_body (message);
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      g_autofree char *target = g_build_filename (remote->root, relpath, NULL);
      g_autofree char *folder = g_path_get_dirname (target);

      if (g_file_test (target, G_FILE_TEST_EXISTS))
        {
          soup_server_message_set_status (message, 412, NULL);
          return;
        }
      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (target, g_bytes_get_data (bytes, NULL),
                                          (gssize) g_bytes_get_size (bytes), NULL));
      g_assert_true (quorum_sync_write_index (remote->root, NULL));
      g_ptr_array_add (remote->puts, g_strdup (relpath));
      soup_server_message_set_status (message, 201, NULL);
      return;
    }
  if (remote->fault == FAULT_HANG && !g_str_equal (relpath, "index.json"))
    {
      g_signal_connect (message, "disconnected", G_CALLBACK (mark_gone), NULL);
      soup_server_message_pause (message);
      /* However long the client takes to give up: no timer that would
       * answer first on a loaded machine. */
      g_ptr_array_add (remote->hung, g_object_ref (message));
      return;
    }

  file = g_build_filename (remote->root, relpath, NULL);
  if (!g_file_get_contents (file, &data, &length, NULL))
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  etag = g_strdup_printf ("\"%s\"", digest);
  if (g_strcmp0 (soup_message_headers_get_one (request_headers, "If-None-Match"), etag) == 0)
    {
      soup_server_message_set_status (message, 304, NULL);
      return;
    }
  soup_message_headers_replace (headers, "ETag", etag);
  if (remote->fault == FAULT_INVALID_JSON && g_str_equal (relpath, CHANGED_PATH))
    {
      g_free (data);
      data = g_strdup ("{\"format\": \"quorum.budget/1\", \"id\": ");
      length = strlen (data);
    }
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, data,
                                    length);
}

/* The secretariat has published version 1.1 of a budget since the sample. */
static Remote *
remote_new (void)
{
  Remote *remote = g_new0 (Remote, 1);
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *budget = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *text = NULL;
  g_autofree char *parent = make_tmp ("quorum-remote-XXXXXX");

  remote->root = g_build_filename (parent, "store", NULL);
  g_assert_true (quorum_store_copy_folder (sample, remote->root, NULL, &error));
  g_assert_no_error (error);
  budget = g_build_filename (remote->root, CHANGED_PATH, NULL);
  g_assert_true (g_file_get_contents (budget, &data, NULL, NULL));
  changed = g_string_new (data);
  g_assert_cmpuint (g_string_replace (changed, "\"version\": \"1.0\"", "\"version\": \"1.1\"",
                                      1), ==, 1);
  g_assert_true (g_file_set_contents (budget, changed->str, -1, NULL));
  g_assert_true (quorum_sync_write_index (remote->root, &error));
  g_assert_no_error (error);

  remote->puts = g_ptr_array_new_with_free_func (g_free);
  remote->hung = g_ptr_array_new_with_free_func (unpause);
  remote->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (remote->server, NULL, handle, remote, NULL);
  g_assert_true (soup_server_listen_local (remote->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (remote->server);
  text = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (text, "http://127.0.0.1:"));
  remote->url = g_strconcat (text, g_str_has_suffix (text, "/") ? "" : "/", "store/", NULL);
  return remote;
}

static void
remote_free (Remote *remote)
{
  g_ptr_array_unref (remote->hung);
  soup_server_disconnect (remote->server);
  g_object_unref (remote->server);
  g_ptr_array_unref (remote->puts);
  g_free (remote->root);
  g_free (remote->url);
  g_free (remote);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Remote, remote_free)

/* --- the store on disk ----------------------------------------------------------- */

/* path → SHA-256 of every file of the store, its .quorum folder left out. */
static void
checksums_into (const char *root,
                const char *rel,
                GHashTable *out)
{
  g_autofree char *folder = g_build_filename (root, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = rel[0] ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_str_equal (child, ".quorum"))
        continue;
      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        checksums_into (root, child, out);
      else
        {
          g_autofree char *data = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (full, &data, &length, NULL));
          g_hash_table_insert (out, g_steal_pointer (&child),
                               g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                            (const guchar *) data, length));
        }
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The store's files and their checksums, one a line. */
static char *
snapshot (const char *root)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;

  checksums_into (root, "", sums);
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_paths);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (out, "%s %s\n", (char *) g_ptr_array_index (keys, i),
                            (char *) g_hash_table_lookup (sums, g_ptr_array_index (keys, i)));
  return g_string_free (out, FALSE);
}

/* --- the keyring --------------------------------------------------------------- */

static gboolean
secrets_owned (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 2000,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
  char *secret;
} SecretResult;

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SecretResult *out = user_data;

  out->ok = quorum_secret_store_finish (result, &out->error);
  out->done = TRUE;
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  SecretResult *out = user_data;

  out->ok = quorum_secret_clear_finish (result, &out->error);
  out->done = TRUE;
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SecretResult *out = user_data;

  out->secret = quorum_secret_lookup_finish (result, &out->error);
  out->ok = out->error == NULL;
  out->done = TRUE;
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* A keyring that wants to prompt (to create or unlock a collection) does
 * not answer in time: then there is none to use. */
static gboolean
save_secret (const char *url,
             const char *user,
             const char *secret)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  SecretResult result = { 0 };
  guint timeout = g_timeout_add_seconds (10, cancel_cb, cancellable);

  quorum_secret_store_async (url, user, secret, cancellable, stored_cb, &result);
  g_assert_true (quorum_test_wait_until (quorum_test_flag_is_set, &result.done));
  if (!g_cancellable_is_cancelled (cancellable))
    g_source_remove (timeout);
  if (result.error != NULL)
    g_test_message ("the keyring did not save the secret: %s", result.error->message);
  g_clear_error (&result.error);
  return result.ok;
}

static void
clear_secret (const char *url,
              const char *user)
{
  SecretResult result = { 0 };

  quorum_secret_clear_async (url, user, NULL, cleared_cb, &result);
  g_assert_true (quorum_test_wait_until (quorum_test_flag_is_set, &result.done));
  g_clear_error (&result.error);
}

typedef struct
{
  gboolean owned;       /* org.freedesktop.secrets has an owner */
  gboolean exited;      /* the daemon has exited */
} KeyringStart;

static void
secrets_appeared_cb (GDBusConnection *connection,
                     const char      *name,
                     const char      *owner,
                     gpointer         data)
{
  ((KeyringStart *) data)->owned = TRUE;
}

static void
keyring_exited_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  ((KeyringStart *) data)->exited = TRUE;
}

static gboolean
keyring_started_or_gone (gpointer data)
{
  KeyringStart *start = data;

  return start->owned || start->exited;
}

/* Runs the main loop until the daemon @keyring owns the secrets' name on
 * @bus, or has exited (then there is no keyring). */
static void
wait_for_secrets (GDBusConnection *bus,
                  GSubprocess     *daemon)
{
  /* Static: the wait for the daemon's exit outlives this function. */
  static KeyringStart start;
  guint watch = g_bus_watch_name_on_connection (bus, "org.freedesktop.secrets",
                                                G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                secrets_appeared_cb, NULL, &start, NULL);

  g_subprocess_wait_async (daemon, NULL, keyring_exited_cb, &start);
  if (!quorum_test_wait_until (keyring_started_or_gone, &start))
    g_test_message ("gnome-keyring-daemon did not take org.freedesktop.secrets");
  g_bus_unwatch_name (watch);
}

/* Our own gnome-keyring-daemon, unlocked with a throw-away password, its
 * keyrings in a temporary folder; only on a session bus without one. */
static void
start_keyring (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *home = NULL;
  g_autofree char *runtime = NULL;
  GOutputStream *input;

  if (bus == NULL || daemon == NULL)
    {
      g_test_message ("no session bus or no gnome-keyring-daemon: no keyring");
      return;
    }
  if (!secrets_owned (bus))
    {
      home = make_tmp ("quorum-keyring-XXXXXX");
      runtime = g_build_filename (home, "run", NULL);
      g_assert_cmpint (g_mkdir (runtime, 0700), ==, 0);
      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                            G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                            G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
      keyring = g_subprocess_launcher_spawn (launcher, &error, daemon, "--foreground",
                                             "--unlock", "--components=secrets", NULL);
      if (keyring == NULL)
        {
          g_test_message ("gnome-keyring-daemon did not start: %s", error->message);
          return;
        }
      input = g_subprocess_get_stdin_pipe (keyring);
      g_output_stream_write_all (input, "quorum-test", strlen ("quorum-test"), NULL, NULL, NULL);
      g_output_stream_close (input, NULL, NULL);
      wait_for_secrets (bus, keyring);
    }

  /* Usable only if a secret goes in and comes out (no prompt). */
  if (save_secret ("http://127.0.0.1:1/probe/", "probe", "probe"))
    {
      SecretResult result = { 0 };

      quorum_secret_lookup_async ("http://127.0.0.1:1/probe/", "probe", NULL, found_cb,
                                  &result);
      g_assert_true (quorum_test_wait_until (quorum_test_flag_is_set, &result.done));
      have_keyring = g_strcmp0 (result.secret, "probe") == 0;
      g_free (result.secret);
      g_clear_error (&result.error);
      clear_secret ("http://127.0.0.1:1/probe/", "probe");
    }
  g_test_message ("keyring: %s", have_keyring ? "usable" : "not usable");
}

static void
stop_keyring (void)
{
  if (keyring == NULL)
    return;
  g_subprocess_send_signal (keyring, SIGTERM);
  g_subprocess_wait (keyring, NULL, NULL);
  g_clear_object (&keyring);
}

/* --- the window ------------------------------------------------------------------ */

static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (out, "row:%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), "") > 0)
    g_string_append_printf (out, "subtitle:%s\n",
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "label:%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *content;   /* beside the button, not in it */
  QuorumSyncController *controller;
  QuorumStore *store;
  GString *states;      /* every state entered, as nicks */
  double max_progress;
  guint n_finished;
} Fixture;

static char *
popover_texts (Fixture *f)
{
  GString *out = g_string_new (NULL);

  collect_texts (f->popover, out);
  return g_string_free (out, FALSE);
}

static void
state_cb (Fixture *f)
{
  g_autoptr(GEnumClass) enums = g_type_class_ref (QUORUM_TYPE_SYNC_STATE);
  GEnumValue *value = g_enum_get_value (enums,
                                        quorum_sync_controller_get_state (f->controller));

  g_string_append_printf (f->states, "%s%s", f->states->len ? "," : "", value->value_nick);
}

static void
progress_cb (Fixture *f)
{
  f->max_progress = MAX (f->max_progress, quorum_sync_controller_get_progress (f->controller));
}

static void
finished_cb (Fixture *f)
{
  f->n_finished++;
}

static void
fixture_set_up (Fixture    *f,
                const char *store_path)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GError) error = NULL;

  f->store = quorum_store_new (store_path);
  g_assert_true (quorum_store_load (f->store, NULL, &error));
  g_assert_no_error (error);
  f->controller = quorum_sync_controller_new (settings, f->store);
  f->states = g_string_new (NULL);
  state_cb (f);
  g_signal_connect_swapped (f->controller, "notify::state", G_CALLBACK (state_cb), f);
  g_signal_connect_swapped (f->controller, "notify::progress", G_CALLBACK (progress_cb), f);
  g_signal_connect_swapped (f->controller, "finished", G_CALLBACK (finished_cb), f);

  f->window = adw_application_window_new (GTK_APPLICATION (app));
  /* Clear of Xvfb's pointer, in the middle of the screen: no crossing
   * events, no tooltips outliving the window (a GTK 4.8 critical). */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 360);
  f->button = quorum_sync_button_new (f->controller);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), f->button);
  gtk_box_append (GTK_BOX (box), header);
  f->content = adw_status_page_new ();
  gtk_box_append (GTK_BOX (box), f->content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), box);
  /* As the window does, for its accelerator. */
  gtk_widget_insert_action_group (f->window, "sync",
                                  quorum_sync_controller_get_actions (f->controller));
  gtk_window_present (GTK_WINDOW (f->window));
  f->popover = quorum_test_find_named (f->button, "sync-popover");
  g_assert_true (GTK_IS_POPOVER (f->popover));
  quorum_test_iterate ();
}

static void
fixture_tear_down (Fixture *f)
{
  gtk_popover_popdown (GTK_POPOVER (f->popover));
  quorum_test_iterate ();
  gtk_window_destroy (GTK_WINDOW (f->window));
  quorum_test_iterate ();
  g_signal_handlers_disconnect_by_data (f->controller, f);
  g_clear_object (&f->controller);
  g_clear_object (&f->store);
  g_string_free (f->states, TRUE);
  g_settings_reset (settings, "remote-url");
  g_settings_reset (settings, "remote-user");
  g_settings_reset (settings, "remote-auth");
  g_settings_reset (settings, "sync-on-start");
  g_settings_reset (settings, "sync-interval");
}

static gboolean
finished (gpointer data)
{
  Fixture *f = data;

  return f->n_finished > 0;
}

typedef struct
{
  Fixture *f;
  guint before;
} Finishes;

static gboolean
finished_again (gpointer data)
{
  Finishes *finishes = data;

  return finishes->f->n_finished > finishes->before;
}

/* Syncs and waits for the end; the store has reloaded by then. */
static void
sync_and_wait (Fixture *f)
{
  Finishes finishes = { f, f->n_finished };

  quorum_sync_controller_sync (f->controller);
  g_assert_true (quorum_test_wait_for (finished_again, &finishes));
}

static void
open_popover (Fixture *f)
{
  quorum_sync_button_popup (QUORUM_SYNC_BUTTON (f->button));
  quorum_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (f->popover));
}

static gboolean
shows (Fixture    *f,
       const char *text)
{
  g_autofree char *texts = popover_texts (f);

  if (strstr (texts, text) != NULL)
    return TRUE;
  g_test_message ("the popover shows:\n%s", texts);
  return FALSE;
}

static gboolean
visible (Fixture    *f,
         const char *name)
{
  GtkWidget *widget = quorum_test_find_named (f->popover, name);

  g_assert_nonnull (widget);
  return gtk_widget_get_mapped (widget);
}

static guint
count_action (QuorumSyncController *controller,
              QuorumSyncAction      action,
              const char           *path_prefix)
{
  GListModel *items = quorum_sync_controller_get_items (controller);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);

      n += quorum_sync_item_get_action (item) == action &&
           g_str_has_prefix (quorum_sync_item_get_path (item), path_prefix);
    }
  return n;
}

/* --- tests -------------------------------------------------------------------- */

/* A decision made here goes out, the new budget comes in, and the window's
 * store shows both. */
static void
test_success (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store_path = copy_sample ();
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  const char *tooltip;
  QuorumBudgetDocument *document;
  Fixture f = { 0 };

  g_settings_set_string (settings, "remote-url", remote->url);
  fixture_set_up (&f, store_path);
  g_assert_cmpstr (f.states->str, ==, "idle");
  g_assert_cmpstr (quorum_sync_controller_get_status_text (f.controller), ==, "Not synced yet");
  g_assert_null (quorum_sync_controller_get_last_sync (f.controller));

  decision = quorum_store_decide (f.store, DECIDED_PACKAGE, "approve", "A Member", NULL, NULL,
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_sync_controller_get_n_awaiting (f.controller), ==, 1);
  g_assert_true (gtk_widget_get_visible (quorum_test_find_named (f.button, "sync-badge")));

  quorum_sync_controller_sync (f.controller);
  g_assert_cmpint (quorum_sync_controller_get_state (f.controller), ==,
                   QUORUM_SYNC_STATE_SYNCING);
  /* Never two at once. */
  quorum_sync_controller_sync (f.controller);
  g_assert_true (g_str_has_prefix (quorum_sync_controller_get_status_text (f.controller),
                                   "Syncing…"));
  g_assert_false (g_action_group_get_action_enabled (
                    quorum_sync_controller_get_actions (f.controller), "now"));
  g_assert_true (quorum_test_wait_for (finished, &f));
  open_popover (&f);

  g_assert_cmpuint (f.n_finished, ==, 1);
  g_assert_cmpstr (f.states->str, ==, "idle,syncing,succeeded");
  g_assert_null (quorum_sync_controller_get_error (f.controller));
  g_assert_cmpfloat (f.max_progress, ==, 1.0);
  g_assert_cmpuint (quorum_sync_controller_get_files_total (f.controller), >, 40);
  g_assert_cmpuint (quorum_sync_controller_get_bytes (f.controller), >, 0);
  g_assert_cmpuint (count_action (f.controller, QUORUM_SYNC_FETCHED, CHANGED_PATH), ==, 1);
  g_assert_cmpuint (count_action (f.controller, QUORUM_SYNC_FETCHED, ""), ==, 1);
  g_assert_cmpuint (count_action (f.controller, QUORUM_SYNC_SENT, "decisions/" DECIDED_PACKAGE),
                    ==, 1);
  g_assert_cmpuint (count_action (f.controller, QUORUM_SYNC_UNCHANGED, ""), >, 40);
  g_assert_cmpuint (remote->puts->len, ==, 1);
  g_assert_nonnull (quorum_sync_controller_get_last_sync (f.controller));
  g_assert_cmpstr (quorum_sync_controller_get_status_text (f.controller), ==, "Synced just now");

  /* The store reloaded: the new version, and the decision no longer waits. */
  document = quorum_store_find_document (f.store, "sec-budget-2020-23");
  g_assert_nonnull (document);
  g_assert_cmpstr (quorum_budget_document_get_version (document), ==, "1.1");
  g_assert_cmpuint (quorum_sync_controller_get_n_awaiting (f.controller), ==, 0);
  g_assert_false (gtk_widget_get_visible (quorum_test_find_named (f.button, "sync-badge")));

  /* The popover says so in words. */
  g_assert_true (shows (&f, "label:Synced just now\n"));
  g_assert_true (shows (&f, "label:1 file fetched · 1 decision sent\n"));
  g_assert_true (shows (&f, remote->url));
  g_assert_true (shows (&f, "label:Last synced "));
  g_assert_false (visible (&f, "sync-cancel-button"));
  g_assert_false (visible (&f, "sync-details"));
  g_assert_false (visible (&f, "sync-setup-button"));
  g_assert_true (visible (&f, "sync-now-button"));
  g_assert_true (gtk_widget_is_sensitive (quorum_test_find_named (f.popover, "sync-now-button")));
  tooltip = gtk_widget_get_tooltip_text (quorum_test_find_named (f.button, "sync-menu-button"));
  g_assert_cmpstr (tooltip, ==, "Synced just now");

  /* Sync Now, as clicked: nothing new to fetch or send. */
  f.n_finished = 0;
  g_signal_emit_by_name (quorum_test_find_named (f.popover, "sync-now-button"), "clicked");
  g_assert_true (quorum_test_wait_for (finished, &f));
  g_assert_cmpstr (f.states->str, ==, "idle,syncing,succeeded,syncing,succeeded");
  g_assert_cmpuint (remote->puts->len, ==, 1);
  g_assert_true (shows (&f, "label:Everything was already up to date\n"));

  /* The window's accelerator reaches `sync.now` from anywhere in it. */
  f.n_finished = 0;
  g_assert_true (gtk_widget_activate_action (f.content, "sync.now", NULL));
  g_assert_true (quorum_test_wait_for (finished, &f));
  g_assert_cmpint (quorum_sync_controller_get_state (f.controller), ==,
                   QUORUM_SYNC_STATE_SUCCEEDED);

  fixture_tear_down (&f);
}

static void
set_password_auth (Remote *remote)
{
  g_settings_set_string (settings, "remote-url", remote->url);
  g_settings_set_string (settings, "remote-auth", "basic");
  g_settings_set_string (settings, "remote-user", USER);
  remote->password = PASSWORD;
}

/* 401: a state with plain words, and the settings one click away. */
static void
test_credentials (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store_path = copy_sample ();
  g_autofree char *before = snapshot (store_path);
  g_autofree char *after = NULL;
  g_autofree char *texts = NULL;
  const GError *error;
  Fixture f = { 0 };

  set_password_auth (remote);
  clear_secret (remote->url, USER);
  fixture_set_up (&f, store_path);

  /* No password saved: none sent. */
  sync_and_wait (&f);
  g_assert_cmpstr (f.states->str, ==, "idle,syncing,failed");
  error = quorum_sync_controller_get_error (f.controller);
  g_assert_error ((GError *) error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CREDENTIALS);
  g_assert_cmpstr (quorum_sync_controller_get_status_text (f.controller), ==,
                   "The server asks for a password, and none is saved");
  open_popover (&f);
  g_assert_true (shows (&f, "label:The server asks for a password, and none is saved\n"));
  g_assert_true (visible (&f, "sync-details"));
  g_assert_true (visible (&f, "sync-setup-button"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (quorum_test_find_named (f.popover,
                                                                 "sync-setup-button"))),
                   ==, "_Preferences…");
  /* The error's detail, one click away. */
  texts = popover_texts (&f);
  g_assert_null (strstr (texts, error->message));
  gtk_expander_set_expanded (GTK_EXPANDER (quorum_test_find_named (f.popover, "sync-details")),
                             TRUE);
  quorum_test_iterate ();
  g_assert_true (visible (&f, "sync-error"));
  g_assert_true (shows (&f, error->message));
  after = snapshot (store_path);
  g_assert_true (g_str_equal (before, after));

  if (!have_keyring)
    {
      fixture_tear_down (&f);
      g_test_skip ("no keyring to save a password in");
      return;
    }

  /* A wrong password is refused. */
  g_assert_true (save_secret (remote->url, USER, "not the password"));
  sync_and_wait (&f);
  g_assert_cmpint (quorum_sync_controller_get_state (f.controller), ==,
                   QUORUM_SYNC_STATE_FAILED);
  g_assert_error ((GError *) quorum_sync_controller_get_error (f.controller),
                  QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CREDENTIALS);
  g_assert_cmpstr (quorum_sync_controller_get_status_text (f.controller), ==,
                   "The server refused the user name or password");
  g_assert_true (shows (&f, "label:The server refused the user name or password\n"));

  /* The right one, from the keyring, gets in. */
  g_assert_true (save_secret (remote->url, USER, PASSWORD));
  sync_and_wait (&f);
  g_assert_cmpstr (f.states->str, ==, "idle,syncing,failed,syncing,failed,syncing,succeeded");
  g_assert_cmpuint (count_action (f.controller, QUORUM_SYNC_FETCHED, CHANGED_PATH), ==, 1);
  g_assert_false (visible (&f, "sync-setup-button"));
  clear_secret (remote->url, USER);

  fixture_tear_down (&f);
}

static gboolean
request_hangs (gpointer data)
{
  Remote *remote = data;

  /* PROPFIND, index.json, then the changed budget, which hangs. */
  return remote->n_requests >= 3;
}

/* Cancel while a file is coming in: the store is as it was. */
static void
test_cancel (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store_path = copy_sample ();
  g_autofree char *before = snapshot (store_path);
  g_autofree char *after = NULL;
  QuorumBudgetDocument *document;
  Fixture f = { 0 };

  g_settings_set_string (settings, "remote-url", remote->url);
  remote->fault = FAULT_HANG;
  fixture_set_up (&f, store_path);

  quorum_sync_controller_sync (f.controller);
  open_popover (&f);
  g_assert_true (quorum_test_wait_for (request_hangs, remote));
  g_assert_cmpint (quorum_sync_controller_get_state (f.controller), ==,
                   QUORUM_SYNC_STATE_SYNCING);
  g_assert_true (visible (&f, "sync-cancel-button"));
  g_assert_true (visible (&f, "sync-progress"));
  g_signal_emit_by_name (quorum_test_find_named (f.popover, "sync-cancel-button"), "clicked");
  g_assert_true (quorum_test_wait_for (finished, &f));

  g_assert_cmpstr (f.states->str, ==, "idle,syncing,idle");
  g_assert_null (quorum_sync_controller_get_error (f.controller));
  g_assert_cmpstr (quorum_sync_controller_get_status_text (f.controller), ==, "Sync cancelled");
  g_assert_null (quorum_sync_controller_get_last_sync (f.controller));
  g_assert_true (shows (&f, "label:Sync cancelled\n"));
  g_assert_false (visible (&f, "sync-cancel-button"));
  g_assert_true (gtk_widget_is_sensitive (quorum_test_find_named (f.popover, "sync-now-button")));

  after = snapshot (store_path);
  g_assert_true (g_str_equal (before, after));
  document = quorum_store_find_document (f.store, "sec-budget-2020-23");
  g_assert_cmpstr (quorum_budget_document_get_version (document), ==, "1.0");

  fixture_tear_down (&f);
}

/* A file the store would not load is refused: the rest syncs, and the
 * popover lists it. */
static void
test_files_refused (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store_path = copy_sample ();
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };

  g_settings_set_string (settings, "remote-url", remote->url);
  remote->fault = FAULT_INVALID_JSON;
  fixture_set_up (&f, store_path);
  decision = quorum_store_decide (f.store, DECIDED_PACKAGE, "defer", "A Member", NULL, NULL,
                                  NULL, &error);
  g_assert_no_error (error);

  sync_and_wait (&f);
  g_assert_cmpstr (f.states->str, ==, "idle,syncing,failed");
  g_assert_error ((GError *) quorum_sync_controller_get_error (f.controller),
                  QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES);
  g_assert_cmpstr (quorum_sync_controller_get_status_text (f.controller), ==,
                   "1 file could not be synced");
  g_assert_cmpuint (count_action (f.controller, QUORUM_SYNC_REFUSED, CHANGED_PATH), ==, 1);
  /* The decision went out all the same, and the store reloaded. */
  g_assert_cmpuint (remote->puts->len, ==, 1);
  g_assert_cmpuint (quorum_sync_controller_get_n_awaiting (f.controller), ==, 0);
  /* Not a complete sync, and there was none before: no "last synced" time. */
  g_assert_null (quorum_sync_controller_get_last_sync (f.controller));

  open_popover (&f);
  g_assert_true (shows (&f, "label:1 file could not be synced\n"));
  g_assert_true (shows (&f, "label:1 decision sent\n"));
  g_assert_true (visible (&f, "sync-details"));
  g_assert_false (visible (&f, "sync-setup-button"));
  gtk_expander_set_expanded (GTK_EXPANDER (quorum_test_find_named (f.popover, "sync-details")),
                             TRUE);
  quorum_test_iterate ();
  g_assert_true (shows (&f, "label:" CHANGED_PATH "\n"));
  g_assert_true (shows (&f, "label:Refused: the server’s copy is not valid; this one was "
                            "kept\n"));

  fixture_tear_down (&f);
}

static void
preferences_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  preferences_activated++;
}

/* No remote: nothing runs, and the popover offers to set it up. */
static void
test_not_configured (void)
{
  g_autofree char *store_path = copy_sample ();
  g_autofree char *before = snapshot (store_path);
  g_autofree char *after = NULL;
  GtkWidget *setup;
  Fixture f = { 0 };

  g_settings_set_string (settings, "remote-url", "");
  fixture_set_up (&f, store_path);
  g_assert_cmpint (quorum_sync_controller_get_state (f.controller), ==,
                   QUORUM_SYNC_STATE_NOT_CONFIGURED);
  g_assert_cmpstr (quorum_sync_controller_get_status_text (f.controller), ==,
                   "Sync is not set up");
  g_assert_false (g_action_group_get_action_enabled (
                    quorum_sync_controller_get_actions (f.controller), "now"));

  quorum_sync_controller_sync (f.controller);
  quorum_test_iterate ();
  g_assert_cmpstr (f.states->str, ==, "not-configured");
  g_assert_cmpuint (f.n_finished, ==, 0);

  open_popover (&f);
  g_assert_true (shows (&f, "label:Sync is not set up\n"));
  g_assert_true (shows (&f, "label:No server set\n"));
  g_assert_false (visible (&f, "sync-now-button"));
  g_assert_false (visible (&f, "sync-details"));
  setup = quorum_test_find_named (f.popover, "sync-setup-button");
  g_assert_true (gtk_widget_get_mapped (setup));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (setup)), ==, "_Set Up Sync…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (setup)), ==,
                   "app.preferences");
  g_assert_true (gtk_widget_is_sensitive (setup));
  preferences_activated = 0;
  g_signal_emit_by_name (setup, "clicked");
  quorum_test_iterate ();
  g_assert_cmpuint (preferences_activated, ==, 1);
  /* The popover closes: it does not stay on top of Preferences. */
  g_assert_false (gtk_widget_get_visible (f.popover));
  open_popover (&f);

  /* Setting an address makes it ready at once. */
  g_settings_set_string (settings, "remote-url", "https://files.example.org/quorum/");
  quorum_test_iterate ();
  g_assert_cmpint (quorum_sync_controller_get_state (f.controller), ==,
                   QUORUM_SYNC_STATE_IDLE);
  g_assert_true (visible (&f, "sync-now-button"));
  g_assert_false (visible (&f, "sync-setup-button"));

  after = snapshot (store_path);
  g_assert_true (g_str_equal (before, after));
  fixture_tear_down (&f);
}

/* A trusted certificates file that holds none: said so, before any request. */
static void
test_bad_ca_file (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store_path = copy_sample ();
  g_autofree char *ca_file = g_build_filename (store_path, "committees.json", NULL);
  Fixture f = { 0 };

  g_settings_set_string (settings, "remote-url", remote->url);
  g_settings_set_string (settings, "remote-ca-file", ca_file);
  fixture_set_up (&f, store_path);
  sync_and_wait (&f);
  g_assert_cmpstr (f.states->str, ==, "idle,failed");
  g_assert_error ((GError *) quorum_sync_controller_get_error (f.controller),
                  QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CERTIFICATE);
  g_assert_cmpstr (quorum_sync_controller_get_status_text (f.controller), ==,
                   "The trusted certificates file cannot be used");
  g_assert_cmpuint (remote->n_requests, ==, 0);
  open_popover (&f);
  g_assert_true (visible (&f, "sync-setup-button"));
  g_assert_true (visible (&f, "sync-details"));
  g_settings_reset (settings, "remote-ca-file");
  fixture_tear_down (&f);
}

/* The bundled sample store is never synced into. */
static void
test_sample_store (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *before = snapshot (sample);
  g_autofree char *after = NULL;
  Fixture f = { 0 };

  g_settings_set_string (settings, "remote-url", remote->url);
  fixture_set_up (&f, sample);
  sync_and_wait (&f);
  g_assert_cmpstr (f.states->str, ==, "idle,failed");
  g_assert_error ((GError *) quorum_sync_controller_get_error (f.controller),
                  G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_cmpstr (quorum_sync_controller_get_status_text (f.controller), ==,
                   "The sample store is read-only and is not synced");
  g_assert_cmpuint (remote->n_requests, ==, 0);
  after = snapshot (sample);
  g_assert_true (g_str_equal (before, after));
  fixture_tear_down (&f);
}

/* sync-on-start: the controller syncs as soon as it has a store. */
static void
test_sync_on_start (void)
{
  g_autoptr(Remote) remote = remote_new ();
  g_autofree char *store_path = copy_sample ();
  Fixture f = { 0 };

  g_settings_set_string (settings, "remote-url", remote->url);
  g_settings_set_boolean (settings, "sync-on-start", TRUE);
  fixture_set_up (&f, store_path);
  g_assert_true (quorum_test_wait_for (finished, &f));
  g_assert_cmpint (quorum_sync_controller_get_state (f.controller), ==,
                   QUORUM_SYNC_STATE_SUCCEEDED);
  g_assert_cmpuint (count_action (f.controller, QUORUM_SYNC_FETCHED, CHANGED_PATH), ==, 1);
  fixture_tear_down (&f);
}

/* Nothing answers: a state, with words, and the store untouched. */
static void
test_unreachable (void)
{
  g_autofree char *store_path = copy_sample ();
  g_autofree char *before = snapshot (store_path);
  g_autofree char *after = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  Fixture f = { 0 };

  /* A port that was free a moment ago refuses connections. */
  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/store/",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  g_settings_set_string (settings, "remote-url", url);
  fixture_set_up (&f, store_path);
  sync_and_wait (&f);
  g_assert_cmpstr (f.states->str, ==, "idle,syncing,failed");
  g_assert_error ((GError *) quorum_sync_controller_get_error (f.controller),
                  QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_UNREACHABLE);
  g_assert_cmpstr (quorum_sync_controller_get_status_text (f.controller), ==,
                   "The server could not be reached");
  after = snapshot (store_path);
  g_assert_true (g_str_equal (before, after));
  fixture_tear_down (&f);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autoptr(GSimpleAction) preferences = NULL;
  int status;

  /* The user's own store and keyring stay out of it; no proxy for 127.0.0.1. */
  data_home = g_dir_make_tmp ("quorum-data-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's XDG_DATA_DIRS
   * (icons); settings are in memory (GSETTINGS_BACKEND). */
  g_test_init (&argc, &argv, NULL);
  made = g_ptr_array_new_with_free_func (g_free);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under Xvfb (build-aux/run-tests does)");
      quorum_test_rm_rf (data_home);
      return 77;
    }
  adw_init ();

  settings = g_settings_new ("io.github.secpanel.Quorum");
  app = adw_application_new ("io.github.secpanel.Quorum.TestSyncUi", G_APPLICATION_NON_UNIQUE);
  preferences = g_simple_action_new ("preferences", NULL);
  g_signal_connect (preferences, "activate", G_CALLBACK (preferences_cb), NULL);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (preferences));
  g_application_register (G_APPLICATION (app), NULL, NULL);
  start_keyring ();

  g_test_add_func ("/sync-ui/success", test_success);
  g_test_add_func ("/sync-ui/credentials", test_credentials);
  g_test_add_func ("/sync-ui/cancel", test_cancel);
  g_test_add_func ("/sync-ui/files-refused", test_files_refused);
  g_test_add_func ("/sync-ui/not-configured", test_not_configured);
  g_test_add_func ("/sync-ui/bad-ca-file", test_bad_ca_file);
  g_test_add_func ("/sync-ui/sample-store", test_sample_store);
  g_test_add_func ("/sync-ui/sync-on-start", test_sync_on_start);
  g_test_add_func ("/sync-ui/unreachable", test_unreachable);

  status = g_test_run ();

  stop_keyring ();
  g_clear_object (&settings);
  g_clear_object (&app);
  for (guint i = 0; i < made->len; i++)
    quorum_test_rm_rf (g_ptr_array_index (made, i));
  g_ptr_array_unref (made);
  quorum_test_rm_rf (data_home);
  return status;
}
