/* test-cli-portal.c: quorum-cli writing through the document portal
 *
 * A Flatpak sees a folder the user picked through the document portal's
 * FUSE mount ($XDG_RUNTIME_DIR/doc/ID/…), where flock(2) fails with
 * ENOSYS; the store lock then falls back to .quorum/lock.excl. This test
 * starts the real xdg-document-portal on a private D-Bus bus with its own
 * $XDG_RUNTIME_DIR, exports a copy of the sample store's folder through
 * org.freedesktop.portal.Documents.AddFull, and runs `quorum-cli decide`
 * on the portal's path: it must succeed, the decision must appear in the
 * real folder, and no lock file may be left behind.
 *
 * It is skipped, saying why, without /dev/fuse, without the portal
 * (Debian's xdg-desktop-portal: /usr/libexec/xdg-document-portal, or
 * $QUORUM_DOCUMENT_PORTAL) or its permission store, or when the portal
 * cannot mount (no FUSE permission in a container).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "cli-run.h"
#include "quorum-test-util.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixfdlist.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#define DOCUMENTS "org.freedesktop.portal.Documents"
#define DOCUMENTS_PATH "/org/freedesktop/portal/documents"
#define ADD_REUSE_EXISTING 1
#define ADD_PERSISTENT 2
#define ADD_EXPORT_DIRECTORY 8

static const char *
find_program (const char *env,
              const char *path)
{
  const char *override = g_getenv (env);

  if (override != NULL)
    return override;
  return g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) ? path : NULL;
}

static void
name_appeared (GDBusConnection *connection,
               const char      *name,
               const char      *owner,
               gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
portal_exited (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* Waits until the portal owns its name, or has ended, or 30 s have passed. */
static gboolean
wait_for_portal (GDBusConnection *connection,
                 const gboolean  *exited)
{
  gboolean appeared = FALSE, timed_out = FALSE;
  guint watch, timeout;

  watch = g_bus_watch_name_on_connection (connection, DOCUMENTS, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          name_appeared, NULL, &appeared, NULL);
  timeout = g_timeout_add_seconds (30, flag_timeout, &timed_out);
  while (!appeared && !timed_out && !*exited)
    g_main_context_iteration (NULL, TRUE);
  g_bus_unwatch_name (watch);
  if (!timed_out)
    g_source_remove (timeout);
  return appeared;
}

/* Ends the portal and makes sure its mount is gone before anything under
 * @tmp is removed (removing through the mount would reach the export). */
static void
stop_portal (GSubprocess    *portal,
             const gboolean *exited,
             const char     *mount)
{
  struct stat st, parent_st;
  g_autofree char *parent = g_path_get_dirname (mount);

  g_subprocess_send_signal (portal, SIGTERM);
  while (!*exited)
    g_main_context_iteration (NULL, TRUE);
  if (stat (mount, &st) != 0 ? errno == ENOENT
      : stat (parent, &parent_st) == 0 && st.st_dev == parent_st.st_dev)
    return;
  /* Still mounted (the portal was killed before unmounting, or stat fails
   * with ENOTCONN): detach it. */
  if (umount2 (mount, MNT_DETACH) != 0)
    {
      const char *argv[] = { "fusermount3", "-u", "-z", mount, NULL };
      int status = -1;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                    &status, NULL);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
}

/* Exports @folder as a directory document; returns its id. */
static char *
export_folder (GDBusConnection *connection,
               const char      *folder)
{
  g_autoptr(GUnixFDList) fds = g_unix_fd_list_new ();
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) ids = NULL;
  g_autoptr(GError) error = NULL;
  const char *none[] = { NULL };
  const char *id;
  int fd = open (folder, O_PATH | O_CLOEXEC);
  int handle;

  g_assert_cmpint (fd, >=, 0);
  handle = g_unix_fd_list_append (fds, fd, &error);
  g_assert_no_error (error);
  close (fd);
  reply = g_dbus_connection_call_with_unix_fd_list_sync (
    connection, DOCUMENTS, DOCUMENTS_PATH, DOCUMENTS, "AddFull",
    g_variant_new ("(@ahus^as)", g_variant_new_fixed_array (G_VARIANT_TYPE_HANDLE, &handle, 1,
                                                            sizeof (gint32)),
                   ADD_REUSE_EXISTING | ADD_PERSISTENT | ADD_EXPORT_DIRECTORY, "", none),
    G_VARIANT_TYPE ("(asa{sv})"), G_DBUS_CALL_FLAGS_NONE, 30000, fds, NULL, NULL, &error);
  g_assert_no_error (error);
  ids = g_variant_get_child_value (reply, 0);
  g_assert_cmpuint (g_variant_n_children (ids), ==, 1);
  g_variant_get_child (ids, 0, "&s", &id);
  return g_strdup (id);
}

static char *
mount_point (GDBusConnection *connection)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  reply = g_dbus_connection_call_sync (connection, DOCUMENTS, DOCUMENTS_PATH, DOCUMENTS,
                                       "GetMountPoint", NULL, G_VARIANT_TYPE ("(ay)"),
                                       G_DBUS_CALL_FLAGS_NONE, 30000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(^&ay)", &path);
  return g_strdup (path);
}

static void
copy_sample (const char *to)
{
  const char *argv[] = { "cp", "-R", g_getenv ("QUORUM_SAMPLE_STORE"), to, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* The decision recorded through the portal, and nothing else left behind. */
static void
decide_through (const char *portal_store,
                const char *real_store)
{
  g_auto(Run) run;
  g_auto(GStrv) lines = NULL;
  g_autofree char *excl = g_build_filename (real_store, ".quorum", "lock.excl", NULL);
  g_autofree char *lock = g_build_filename (portal_store, ".quorum", "lock", NULL);
  g_autofree char *prefix = g_strconcat (portal_store, G_DIR_SEPARATOR_S, NULL);
  const char *file = NULL;
  int fd, status;

  run_init (&run);
  status = run_cli (&run, "--store", portal_store, "decide", "wp-2020-21-q4-tabasc", "approve",
                    "--by", "Portal Test");
  g_test_message ("quorum-cli decide on %s: exit %d\n%s%s", portal_store, status, run.out,
                  run.err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "File: "))
      file = lines[i] + 6;
  g_assert_nonnull (file);
  g_assert_true (g_str_has_prefix (file, prefix));
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *real = g_build_filename (real_store, file + strlen (prefix), NULL);

    g_assert_true (g_file_test (real, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_false (g_file_test (excl, G_FILE_TEST_EXISTS));

  /* The premise: this mount has no flock(2). */
  fd = open (lock, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    g_test_message ("flock(2) works on this portal mount: the fallback was not needed");
  else
    g_test_message ("flock(2) on the portal mount: %s", g_strerror (errno));
  close (fd);
}

static void
test_decide_on_portal (void)
{
  const char *portal_bin = find_program ("QUORUM_DOCUMENT_PORTAL",
                                         "/usr/libexec/xdg-document-portal");
  const char *store_bin = find_program ("QUORUM_PERMISSION_STORE",
                                        "/usr/libexec/xdg-permission-store");
  g_autofree char *tmp = NULL;
  g_autofree char *runtime = NULL, *data = NULL, *services = NULL, *export = NULL;
  g_autofree char *service = NULL, *mount = NULL, *id = NULL, *portal_store = NULL;
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) portal = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exited = FALSE;

  if (!g_file_test ("/dev/fuse", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/fuse: the document portal cannot mount here");
      return;
    }
  if (portal_bin == NULL || store_bin == NULL)
    {
      g_test_skip ("no /usr/libexec/xdg-document-portal or xdg-permission-store (Debian "
                   "package xdg-desktop-portal; or set $QUORUM_DOCUMENT_PORTAL)");
      return;
    }

  tmp = make_tmp ();
  runtime = g_build_filename (tmp, "run", NULL);
  data = g_build_filename (tmp, "data", NULL);
  services = g_build_filename (tmp, "services", NULL);
  export = g_build_filename (tmp, "export", "store", NULL);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (export, 0700), ==, 0);
  g_assert_cmpint (g_rmdir (export), ==, 0);
  copy_sample (export);

  /* A private bus, which starts the permission store on demand with this
   * environment (the portal's database goes under @tmp). */
  service = g_strdup_printf ("[D-BUS Service]\nName=org.freedesktop.impl.portal."
                             "PermissionStore\nExec=%s\n", store_bin);
  write_file (services, "org.freedesktop.impl.portal.PermissionStore.service", service);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_add_service_dir (bus, services);
  g_test_dbus_up (bus);
  connection = g_dbus_connection_new_for_address_sync (
    g_test_dbus_get_bus_address (bus),
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION, NULL, NULL, &error);
  g_assert_no_error (error);

  /* g_test_dbus_up() unsets $XDG_RUNTIME_DIR: the portal is given its own. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS",
                                g_test_dbus_get_bus_address (bus), TRUE);
  portal = g_subprocess_launcher_spawn (launcher, &error, portal_bin, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (portal, NULL, portal_exited, &exited);
  if (!wait_for_portal (connection, &exited))
    {
      /* Ended at once: it could not mount (no FUSE permission here). */
      g_test_skip ("the document portal did not start (see its messages above): "
                   "no FUSE mount possible here?");
      g_free (mount);
      mount = g_build_filename (runtime, "doc", NULL);
      stop_portal (portal, &exited, mount);
    }
  else
    {
      mount = mount_point (connection);
      g_assert_true (g_str_has_prefix (mount, runtime));
      id = export_folder (connection, export);
      portal_store = g_build_filename (mount, id, "store", NULL);
      g_test_message ("exported %s as %s", export, portal_store);
      decide_through (portal_store, export);
      stop_portal (portal, &exited, mount);
    }

  g_clear_object (&connection);
  g_test_dbus_down (bus);
  quorum_test_rm_rf (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/portal/decide", test_decide_on_portal);

  return g_test_run ();
}
