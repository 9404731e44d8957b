/* quorum-test-servers.c: real web servers on 127.0.0.1 for the sync tests
 *
 * The CA is made with the openssl command (EC P-256 keys, valid 30 days)
 * from configuration files written next to it, so that nothing is read
 * from /etc/ssl. Each server gets a temporary folder of its own holding
 * its configuration, logs, pid file and (Apache) the lock database and
 * the password file; nothing is read from /etc/apache2 or /etc/nginx.
 *
 * A server is started in a process group of its own, so that stopping or
 * killing it reaches Apache's and nginx's worker processes too. A small
 * forked watchdog kills that group when the test program dies without
 * stopping its servers (a failed assertion aborts), so no server outlives
 * its test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE

#include "quorum-test-servers.h"
#include "quorum-test-util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define APACHE_BINARY      "/usr/sbin/apache2"
#define APACHE_MODULES_DIR "/usr/lib/apache2/modules"
#define NGINX_BINARY       "/usr/sbin/nginx"
#define OPENSSL_BINARY     "openssl"

#define START_TIMEOUT_SECONDS 10
#define STOP_TIMEOUT_SECONDS  5
#define START_ATTEMPTS        3
#define LOG_TAIL_LINES        15

/* Helpers ------------------------------------------------------------------ */

/* The account Apache serves as when the tests run as root. */
typedef struct
{
  uid_t uid;
  gid_t gid;
  char *user;
  char *group;
} ServerAccount;

static gboolean
running_as_root (void)
{
  return geteuid () == 0;
}

static const ServerAccount *
server_account (GError **error)
{
  static ServerAccount account;
  static gboolean found;
  struct passwd *pw;
  struct group *gr;

  if (found)
    return &account;

  pw = getpwnam ("nobody");
  if (pw == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "there is no user \"nobody\" for Apache to serve as");
      return NULL;
    }
  account.uid = pw->pw_uid;
  account.gid = pw->pw_gid;
  gr = getgrnam ("nogroup");
  if (gr != NULL)
    account.gid = gr->gr_gid;
  else
    gr = getgrgid (account.gid);
  if (gr == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "there is no group \"nogroup\" for Apache to serve as");
      return NULL;
    }
  account.user = g_strdup ("nobody");
  account.group = g_strdup (gr->gr_name);
  found = TRUE;
  return &account;
}

/* The last @n lines of a file, each indented, or "" if it is empty. */
static char *
tail_lines (const char *path,
            guint       n)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  guint count, first;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_string_free (out, FALSE);
  g_strchomp (text);
  if (text[0] == '\0')
    return g_string_free (out, FALSE);
  lines = g_strsplit (text, "\n", -1);
  count = g_strv_length (lines);
  first = count > n ? count - n : 0;
  g_string_append_printf (out, "\n--- %s (last %u lines) ---", path, count - first);
  for (guint i = first; i < count; i++)
    g_string_append_printf (out, "\n  %s", lines[i]);
  return g_string_free (out, FALSE);
}

static gboolean
write_file (const char  *path,
            const char  *content,
            int          mode,
            GError     **error)
{
  if (!g_file_set_contents (path, content, -1, error))
    return FALSE;
  if (g_chmod (path, mode) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot chmod %s: %s", path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Runs the openssl command with our own configuration, feeding it @input.
 * Fails with its standard error on a non-zero exit. */
static gboolean
run_openssl (const char          *conf,
             const char          *input,
             char               **output,
             GError             **error,
             const char * const  *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (conf != NULL)
    g_subprocess_launcher_setenv (launcher, "OPENSSL_CONF", conf, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return FALSE;
  if (!g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      command = g_strjoinv (" ", (char **) argv);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "`%s` failed: %s", command,
                   err != NULL ? g_strstrip (err) : "");
      return FALSE;
    }
  if (output != NULL)
    *output = g_steal_pointer (&out);
  return TRUE;
}

#define OPENSSL(conf, input, output, error, ...) \
  run_openssl (conf, input, output, error, \
               (const char * const []) { OPENSSL_BINARY, __VA_ARGS__, NULL })

static gboolean
path_is_under (const char *path,
               const char *dir)
{
  gsize n = strlen (dir);

  return strncmp (path, dir, n) == 0 && path[n] == '/';
}

static char *
real_tmp_dir (void)
{
  char *real = realpath (g_get_tmp_dir (), NULL);
  char *out = g_strdup (real != NULL ? real : g_get_tmp_dir ());

  free (real);
  return out;
}

/* Apache serves as nobody when the tests run as root: every folder above
 * @path must let nobody through. Folders in the temporary folder (the
 * tests' own, made 0700 by g_dir_make_tmp()) get o+x; any other folder
 * in the way is an error, not something to change. */
static gboolean
open_way_for_nobody (const char  *path,
                     GError     **error)
{
  const ServerAccount *account = server_account (error);
  g_autofree char *tmp = real_tmp_dir ();
  g_autofree char *dir = NULL;

  if (account == NULL)
    return FALSE;
  dir = g_path_get_dirname (path);
  while (strcmp (dir, "/") != 0 && strcmp (dir, ".") != 0)
    {
      struct stat st;
      mode_t needed;
      char *parent;

      if (g_lstat (dir, &st) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "cannot stat %s: %s", dir, g_strerror (saved));
          return FALSE;
        }
      needed = st.st_uid == account->uid ? S_IXUSR
               : st.st_gid == account->gid ? S_IXGRP : S_IXOTH;
      if ((st.st_mode & needed) == 0)
        {
          if (!path_is_under (dir, tmp))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           "Apache serves as %s and cannot reach %s: %s is not searchable "
                           "for it; put the document root under %s",
                           account->user, path, dir, tmp);
              return FALSE;
            }
          if (g_chmod (dir, (st.st_mode & 07777) | S_IXOTH) != 0)
            {
              int saved = errno;

              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                           "cannot chmod %s: %s", dir, g_strerror (saved));
              return FALSE;
            }
        }
      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }
  return TRUE;
}

/* The CA ------------------------------------------------------------------- */

struct _QuorumTestCa
{
  char *dir;
  gboolean own_dir;
  char *ca_file;
  char *server_cert;
  char *server_key;
  char *untrusted_cert;
  char *untrusted_key;
};

static const char ca_conf[] =
  "# The test CA (quorum-test-servers.c)\n"
  "[req]\n"
  "distinguished_name = dn\n"
  "prompt = no\n"
  "x509_extensions = v3_ca\n"
  "[dn]\n"
  "CN = Quorum test CA\n"
  "[v3_ca]\n"
  "basicConstraints = critical, CA:TRUE\n"
  "keyUsage = critical, keyCertSign, cRLSign\n"
  "subjectKeyIdentifier = hash\n";

/* For the CA-signed server certificate (x509 -extensions) and for the
 * self-signed untrusted one (req -x509): the same names, so that the only
 * thing wrong with the untrusted one is who signed it. */
static const char server_conf[] =
  "# The test servers' certificates (quorum-test-servers.c)\n"
  "[req]\n"
  "distinguished_name = dn\n"
  "prompt = no\n"
  "x509_extensions = v3_server\n"
  "[dn]\n"
  "CN = localhost\n"
  "[v3_server]\n"
  "basicConstraints = critical, CA:FALSE\n"
  "keyUsage = critical, digitalSignature\n"
  "extendedKeyUsage = serverAuth\n"
  "subjectAltName = DNS:localhost, IP:127.0.0.1\n"
  "subjectKeyIdentifier = hash\n"
  "authorityKeyIdentifier = keyid\n";

static gboolean
make_key (const char  *conf,
          const char  *path,
          GError     **error)
{
  return OPENSSL (conf, NULL, NULL, error, "genpkey", "-algorithm", "EC",
                  "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path);
}

/**
 * quorum_test_ca_new:
 * @dir: (nullable): the folder to write to (it must exist), or %NULL for a
 *   new temporary folder that quorum_test_ca_free() removes
 *
 * Makes a test CA (`ca.pem`, `ca.key`), a server certificate it signs
 * (`server.pem`, `server.key`) and a self-signed one that nothing trusts
 * (`untrusted.pem`, `untrusted.key`), both for DNS:localhost and
 * IP:127.0.0.1, with the openssl command. Takes about half a second.
 *
 * Returns: (transfer full): the CA, or %NULL with @error set
 */
QuorumTestCa *
quorum_test_ca_new (const char  *dir,
                    GError     **error)
{
  g_autoptr(QuorumTestCa) ca = g_new0 (QuorumTestCa, 1);
  g_autofree char *ca_key = NULL;
  g_autofree char *ca_cnf = NULL;
  g_autofree char *server_cnf = NULL;
  g_autofree char *csr = NULL;
  g_autofree char *serial = NULL;

  if (dir == NULL)
    {
      ca->dir = g_dir_make_tmp ("quorum-test-ca-XXXXXX", error);
      if (ca->dir == NULL)
        return NULL;
      ca->own_dir = TRUE;
    }
  else
    ca->dir = g_strdup (dir);

  ca->ca_file = g_build_filename (ca->dir, "ca.pem", NULL);
  ca->server_cert = g_build_filename (ca->dir, "server.pem", NULL);
  ca->server_key = g_build_filename (ca->dir, "server.key", NULL);
  ca->untrusted_cert = g_build_filename (ca->dir, "untrusted.pem", NULL);
  ca->untrusted_key = g_build_filename (ca->dir, "untrusted.key", NULL);
  ca_key = g_build_filename (ca->dir, "ca.key", NULL);
  ca_cnf = g_build_filename (ca->dir, "ca.cnf", NULL);
  server_cnf = g_build_filename (ca->dir, "server.cnf", NULL);
  csr = g_build_filename (ca->dir, "server.csr", NULL);
  serial = g_strdup_printf ("0x%08x%08x", g_random_int () & 0x7fffffff, g_random_int ());

  if (!write_file (ca_cnf, ca_conf, 0644, error)
      || !write_file (server_cnf, server_conf, 0644, error)
      || !make_key (ca_cnf, ca_key, error)
      || !OPENSSL (ca_cnf, NULL, NULL, error, "req", "-config", ca_cnf, "-new", "-x509",
                   "-key", ca_key, "-days", "30", "-out", ca->ca_file)
      || !make_key (server_cnf, ca->server_key, error)
      || !OPENSSL (server_cnf, NULL, NULL, error, "req", "-config", server_cnf, "-new",
                   "-key", ca->server_key, "-out", csr)
      || !OPENSSL (server_cnf, NULL, NULL, error, "x509", "-req", "-in", csr,
                   "-CA", ca->ca_file, "-CAkey", ca_key, "-set_serial", serial,
                   "-days", "30", "-extfile", server_cnf, "-extensions", "v3_server",
                   "-out", ca->server_cert)
      || !make_key (server_cnf, ca->untrusted_key, error)
      || !OPENSSL (server_cnf, NULL, NULL, error, "req", "-config", server_cnf, "-new",
                   "-x509", "-key", ca->untrusted_key, "-days", "30",
                   "-out", ca->untrusted_cert))
    {
      g_prefix_error (error, "cannot make the test CA in %s: ", ca->dir);
      return NULL;
    }
  return g_steal_pointer (&ca);
}

/* The folder holding the files. */
const char *
quorum_test_ca_get_dir (QuorumTestCa *ca)
{
  g_return_val_if_fail (ca != NULL, NULL);
  return ca->dir;
}

/* The CA certificate, `ca.pem`: the one to trust. */
const char *
quorum_test_ca_get_ca_file (QuorumTestCa *ca)
{
  g_return_val_if_fail (ca != NULL, NULL);
  return ca->ca_file;
}

/* `server.pem`, signed by the CA. */
const char *
quorum_test_ca_get_server_cert (QuorumTestCa *ca)
{
  g_return_val_if_fail (ca != NULL, NULL);
  return ca->server_cert;
}

/* `server.key` */
const char *
quorum_test_ca_get_server_key (QuorumTestCa *ca)
{
  g_return_val_if_fail (ca != NULL, NULL);
  return ca->server_key;
}

/* `untrusted.pem`, self-signed, for the same names as `server.pem`. */
const char *
quorum_test_ca_get_untrusted_cert (QuorumTestCa *ca)
{
  g_return_val_if_fail (ca != NULL, NULL);
  return ca->untrusted_cert;
}

/* `untrusted.key` */
const char *
quorum_test_ca_get_untrusted_key (QuorumTestCa *ca)
{
  g_return_val_if_fail (ca != NULL, NULL);
  return ca->untrusted_key;
}

/* Frees @ca; removes its folder if quorum_test_ca_new() made it. */
void
quorum_test_ca_free (QuorumTestCa *ca)
{
  if (ca == NULL)
    return;
  if (ca->own_dir)
    quorum_test_rm_rf (ca->dir);
  g_free (ca->dir);
  g_free (ca->ca_file);
  g_free (ca->server_cert);
  g_free (ca->server_key);
  g_free (ca->untrusted_cert);
  g_free (ca->untrusted_key);
  g_free (ca);
}

/* Processes ---------------------------------------------------------------- */

typedef enum
{
  SERVER_APACHE,
  SERVER_NGINX,
} ServerKind;

struct _QuorumTestServer
{
  ServerKind kind;
  char *dir;            /* configuration, logs, pid file */
  char *document_root;
  char *url;
  char *error_log;
  char *stderr_log;     /* the server's standard output and error */
  char *ca_file;        /* the CA to trust, for the pause message */
  char *user;           /* Apache's Basic auth user, for the same */
  char **argv;
  guint16 port;
  GPid pid;             /* also its process group; 0 when not running */
  GPid watchdog;        /* 0 when none */
};

static const char *
server_name (QuorumTestServer *self)
{
  return self->kind == SERVER_APACHE ? "Apache" : "nginx";
}

/* A port that was free on 127.0.0.1 a moment ago. */
static guint16
pick_port (GError **error)
{
  struct sockaddr_in addr = { 0 };
  socklen_t length = sizeof addr;
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  guint16 port = 0;

  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (fd >= 0
      && bind (fd, (struct sockaddr *) &addr, sizeof addr) == 0
      && getsockname (fd, (struct sockaddr *) &addr, &length) == 0)
    port = ntohs (addr.sin_port);
  else
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot find a free port on 127.0.0.1: %s", g_strerror (saved));
    }
  if (fd >= 0)
    close (fd);
  return port;
}

static gboolean
port_accepts (guint16 port)
{
  struct sockaddr_in addr = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  addr.sin_port = htons (port);
  ok = connect (fd, (struct sockaddr *) &addr, sizeof addr) == 0;
  close (fd);
  return ok;
}

/* Runs in the server's process between fork and exec. */
static void
own_process_group (gpointer user_data)
{
  setpgid (0, 0);
}

/* Forks a process that kills the server's process group once this process
 * is gone (its parent changes). Only async-signal-safe calls after the
 * fork: the test program may have threads. */
static GPid
start_watchdog (GPid server)
{
  pid_t parent = getpid ();
  pid_t pid = fork ();

  if (pid == 0)
    {
      const struct timespec pause = { 0, 200 * 1000 * 1000 };
      int null = open ("/dev/null", O_RDWR | O_CLOEXEC);

      if (null >= 0)
        {
          dup2 (null, STDIN_FILENO);
          dup2 (null, STDOUT_FILENO);
          dup2 (null, STDERR_FILENO);
        }
#ifdef SYS_close_range
      /* Hold on to none of the test's pipes and sockets. */
      syscall (SYS_close_range, 3U, ~0U, 0U);
#endif
      while (getppid () == parent)
        nanosleep (&pause, NULL);
      kill (-server, SIGKILL);
      _exit (0);
    }
  return pid > 0 ? pid : 0;
}

static void
stop_watchdog (QuorumTestServer *self)
{
  if (self->watchdog == 0)
    return;
  kill (self->watchdog, SIGKILL);
  while (waitpid (self->watchdog, NULL, 0) < 0 && errno == EINTR)
    ;
  self->watchdog = 0;
}

/* Whether the server's main process has exited; it is left unreaped (its
 * pid, which names the process group, stays taken). */
static gboolean
has_exited (QuorumTestServer *self)
{
  siginfo_t info = { 0 };

  if (waitid (P_PID, self->pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0)
    return errno == ECHILD;
  return info.si_pid == self->pid;
}

/* Kills what is left of the process group and reaps the main process. */
static void
reap (QuorumTestServer *self)
{
  int status;

  kill (-self->pid, SIGKILL);
  while (waitpid (self->pid, &status, 0) < 0 && errno == EINTR)
    ;
  self->pid = 0;
  stop_watchdog (self);
}

/* Waits until nothing listens on the port any more: SIGKILLed worker
 * processes may take a moment to go, and tests of a killed server expect
 * "connection refused" at once. */
static void
wait_port_closed (QuorumTestServer *self)
{
  gint64 deadline = g_get_monotonic_time () + STOP_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (port_accepts (self->port) && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
}

static char *
server_logs (QuorumTestServer *self)
{
  g_autofree char *err = tail_lines (self->error_log, LOG_TAIL_LINES);
  g_autofree char *out = tail_lines (self->stderr_log, LOG_TAIL_LINES);

  return g_strconcat (err, out, NULL);
}

static gboolean
spawn_server (QuorumTestServer  *self,
              GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  int null = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  int log = open (self->stderr_log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  gboolean ok = FALSE;
  GPid pid = 0;

  if (null >= 0 && log >= 0)
    ok = g_spawn_async_with_fds (self->dir, self->argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 own_process_group, NULL, &pid, null, log, log,
                                 &local_error);
  else
    {
      int saved = errno;

      g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot open %s or /dev/null: %s", self->stderr_log, g_strerror (saved));
    }
  if (null >= 0)
    close (null);
  if (log >= 0)
    close (log);
  if (!ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "cannot start %s: ", server_name (self));
      return FALSE;
    }
  /* Also here, so that the group exists before the first kill (-pid). */
  setpgid (pid, pid);
  self->pid = pid;
  self->watchdog = start_watchdog (pid);
  return TRUE;
}

/* Polls until the port accepts connections; fails (and kills the server)
 * if the server exits first or takes longer than the deadline. */
static gboolean
wait_listening (QuorumTestServer  *self,
                GError           **error)
{
  gint64 deadline = g_get_monotonic_time () + START_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  g_autofree char *logs = NULL;
  gboolean exited;

  for (;;)
    {
      exited = has_exited (self);
      if (!exited && port_accepts (self->port) && !has_exited (self))
        return TRUE;
      if (exited || g_get_monotonic_time () >= deadline)
        break;
      g_usleep (20 * 1000);
    }
  reap (self);
  logs = server_logs (self);
  /* The folder goes with the server unless QUORUM_TEST_KEEP_SERVER_FILES
   * is set; the end of the logs is in the message. */
  if (exited)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 "%s exited before listening on 127.0.0.1:%u (files in %s)%s",
                 server_name (self), self->port, self->dir, logs);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                 "%s did not listen on 127.0.0.1:%u within %d s (files in %s)%s",
                 server_name (self), self->port, START_TIMEOUT_SECONDS, self->dir, logs);
  return FALSE;
}

/* With QUORUM_TEST_SERVER_PAUSE=SECONDS, every server started waits that
 * long (or until Enter, on a terminal) so that it can be tried by hand. */
static void
maybe_pause (QuorumTestServer *self)
{
  const char *value = g_getenv ("QUORUM_TEST_SERVER_PAUSE");
  gint64 seconds;

  if (value == NULL || value[0] == '\0')
    return;
  seconds = g_ascii_strtoll (value, NULL, 10);
  if (seconds <= 0)
    seconds = 600;
  g_printerr ("\nquorum-test-servers: %s (pid %d) serves %s\n"
              "  at %s\n"
              "  config, logs: %s\n"
              "  try: curl --cacert %s%s%s%s %s%s%s\n"
              "  paused for %" G_GINT64_FORMAT " s%s\n",
              server_name (self), (int) self->pid, self->document_root, self->url,
              self->dir, self->ca_file, self->user != NULL ? " -u '" : "",
              self->user != NULL ? self->user : "", self->user != NULL ? ":PASSWORD'" : "",
              self->kind == SERVER_APACHE ? "-X PROPFIND -H 'Depth: 1' " : "", self->url,
              self->kind == SERVER_APACHE ? "" : "FILE",
              seconds, isatty (STDIN_FILENO) ? "; press Enter to go on" : "");
  if (isatty (STDIN_FILENO))
    {
      GPollFD fd = { STDIN_FILENO, G_IO_IN, 0 };

      if (g_poll (&fd, 1, (int) MIN (seconds, G_MAXINT / 1000) * 1000) > 0)
        {
          char line[256];

          if (fgets (line, sizeof line, stdin) == NULL)
            clearerr (stdin);
        }
    }
  else
    g_usleep ((gulong) MIN (seconds, 3600) * G_USEC_PER_SEC);
}

/* Writes the server's configuration for its port; returns its command. */
typedef char **(*WriteConfig) (QuorumTestServer  *self,
                               gpointer           data,
                               GError           **error);

/* Picks a port, writes the configuration, starts the server and waits for
 * it to listen, trying another port when the first was taken meanwhile. */

static QuorumTestServer *
start_server (ServerKind     kind,
              const char    *document_root,
              QuorumTestCa  *ca,
              const char    *user,
              WriteConfig    write_config,
              gpointer       data,
              GError       **error)
{
  g_autoptr(QuorumTestServer) self = g_new0 (QuorumTestServer, 1);
  char *real = realpath (document_root, NULL);

  self->kind = kind;
  self->ca_file = g_strdup (ca->ca_file);
  self->user = g_strdup (user);
  if (real == NULL || !g_file_test (real, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   "the document root %s is not a folder", document_root);
      free (real);
      return NULL;
    }
  self->document_root = g_strdup (real);
  free (real);
  self->dir = g_dir_make_tmp (kind == SERVER_APACHE ? "quorum-apache-XXXXXX"
                              : "quorum-nginx-XXXXXX", error);
  if (self->dir == NULL)
    return NULL;
  self->error_log = g_build_filename (self->dir, "error.log", NULL);
  self->stderr_log = g_build_filename (self->dir, "stderr.log", NULL);

  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *logs = NULL;

      self->port = pick_port (error);
      if (self->port == 0)
        return NULL;
      g_free (self->url);
      self->url = g_strdup_printf ("https://127.0.0.1:%u/store/", self->port);
      g_strfreev (self->argv);
      self->argv = NULL;
      g_remove (self->error_log);
      g_remove (self->stderr_log);
      self->argv = write_config (self, data, error);
      if (self->argv == NULL)
        return NULL;
      if (!spawn_server (self, error))
        return NULL;
      if (wait_listening (self, &local_error))
        break;
      logs = server_logs (self);
      if (attempt >= START_ATTEMPTS || strstr (logs, "in use") == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  maybe_pause (self);
  return g_steal_pointer (&self);
}

/* Apache ------------------------------------------------------------------- */

typedef struct
{
  QuorumTestCa *ca;
  const char *user;
  const char *password;
  gboolean untrusted_cert;
} ApacheData;

static const char * const apache_modules[] = {
  "mpm_event", "authn_core", "authn_file", "auth_basic", "authz_core", "authz_user",
  "alias", "dav", "dav_fs", "dir", "mime", "socache_shmcb", "ssl", NULL
};

static gboolean
missing_file (const char *path,
              const char *package)
{
  g_autofree char *message = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  message = g_strdup_printf ("%s is missing (Debian package %s; build-aux/install-deps)",
                             path, package);
  g_test_skip (message);
  return TRUE;
}

static gboolean
missing_openssl (void)
{
  g_autofree char *openssl = g_find_program_in_path (OPENSSL_BINARY);

  if (openssl != NULL)
    return FALSE;
  g_test_skip ("the openssl command is missing (Debian package openssl)");
  return TRUE;
}

/**
 * quorum_test_skip_without_apache:
 *
 * Calls g_test_skip() if Apache httpd, one of the modules the tests load,
 * or the openssl command is missing.
 *
 * Returns: %TRUE if the test was skipped and should return
 */
gboolean
quorum_test_skip_without_apache (void)
{
  if (missing_file (APACHE_BINARY, "apache2-bin") || missing_openssl ())
    return TRUE;
  for (guint i = 0; apache_modules[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("mod_%s.so", apache_modules[i]);
      g_autofree char *path = g_build_filename (APACHE_MODULES_DIR, name, NULL);

      if (missing_file (path, "apache2-bin"))
        return TRUE;
    }
  return FALSE;
}

/**
 * quorum_test_skip_without_nginx:
 *
 * Calls g_test_skip() if nginx or the openssl command is missing.
 *
 * Returns: %TRUE if the test was skipped and should return
 */
gboolean
quorum_test_skip_without_nginx (void)
{
  return missing_file (NGINX_BINARY, "nginx") || missing_openssl ();
}

static char *
apache_config_text (QuorumTestServer *self,
                    ApacheData       *data,
                    const char       *passwords,
                    const char       *lock_dir,
                    const char       *run_dir,
                    const char       *user,
                    const char       *group)
{
  GString *conf = g_string_new (NULL);
  QuorumTestCa *ca = data->ca;

  g_string_append_printf (conf,
    "# Apache httpd for a Quorum sync test (tests/core/sync/quorum-test-servers.c)\n"
    "ServerRoot \"%s\"\n"
    "DefaultRuntimeDir \"%s\"\n"
    "ServerName localhost\n"
    "Listen 127.0.0.1:%u\n"
    "PidFile \"%s/httpd.pid\"\n"
    "ErrorLog \"%s\"\n"
    "LogLevel warn\n"
    "LogFormat \"%%h %%u %%t \\\"%%r\\\" %%>s %%b \\\"%%{If-None-Match}i\\\"\" quorum\n"
    "CustomLog \"%s/access.log\" quorum\n",
    self->dir, run_dir, self->port, self->dir, self->error_log, self->dir);
  for (guint i = 0; apache_modules[i] != NULL; i++)
    g_string_append_printf (conf, "LoadModule %s_module %s/mod_%s.so\n",
                            apache_modules[i], APACHE_MODULES_DIR, apache_modules[i]);
  if (user != NULL)
    g_string_append_printf (conf, "# The tests run as root; Apache will not serve as root.\n"
                                  "User %s\nGroup %s\n", user, group);
  g_string_append_printf (conf,
    "StartServers 1\n"
    "ServerLimit 2\n"
    "ThreadsPerChild 16\n"
    "MinSpareThreads 4\n"
    "MaxSpareThreads 32\n"
    "MaxRequestWorkers 32\n"
    "TypesConfig /dev/null\n"
    "AddType application/json .json\n"
    "SSLEngine on\n"
    "SSLCertificateFile \"%s\"\n"
    "SSLCertificateKeyFile \"%s\"\n"
    "SSLSessionCache \"shmcb:%s/ssl_scache(512000)\"\n"
    "DavLockDB \"%s/DavLock\"\n"
    "<Directory />\n"
    "  AllowOverride None\n"
    "  Require all denied\n"
    "</Directory>\n"
    "Alias /store \"%s\"\n"
    "<Directory \"%s\">\n"
    "  Options None\n"
    "  AllowOverride None\n"
    "  DAV On\n"
    "  AuthType Basic\n"
    "  AuthName \"Quorum test store\"\n"
    "  AuthBasicProvider file\n"
    "  AuthUserFile \"%s\"\n"
    "  Require valid-user\n"
    "</Directory>\n",
    data->untrusted_cert ? ca->untrusted_cert : ca->server_cert,
    data->untrusted_cert ? ca->untrusted_key : ca->server_key,
    run_dir, lock_dir, self->document_root, self->document_root, passwords);
  return g_string_free (conf, FALSE);
}

static char **
write_apache_config (QuorumTestServer  *self,
                     gpointer           user_data,
                     GError           **error)
{
  ApacheData *data = user_data;
  const ServerAccount *account = NULL;
  g_autofree char *conf_path = g_build_filename (self->dir, "httpd.conf", NULL);
  g_autofree char *passwords = g_build_filename (self->dir, "htpasswd", NULL);
  g_autofree char *lock_dir = g_build_filename (self->dir, "davlock", NULL);
  g_autofree char *run_dir = g_build_filename (self->dir, "run", NULL);
  g_autofree char *hash = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *conf = NULL;
  const char * const argv[] = {
    APACHE_BINARY, "-d", self->dir, "-f", conf_path, "-DFOREGROUND", NULL
  };

  if (running_as_root ())
    {
      account = server_account (error);
      if (account == NULL
          || !open_way_for_nobody (self->dir, error)
          || !open_way_for_nobody (self->document_root, error)
          || !quorum_test_fix_served_permissions (self->document_root, error))
        return NULL;
    }
  if (!OPENSSL (NULL, data->password, &hash, error, "passwd", "-apr1", "-stdin"))
    return NULL;
  entry = g_strdup_printf ("%s:%s\n", data->user, g_strstrip (hash));
  if (!write_file (passwords, entry, 0644, error))
    return NULL;
  g_mkdir (lock_dir, 0755);
  g_mkdir (run_dir, 0755);
  /* Apache's children (as nobody) look up the password file per request
   * and write the lock database. */
  g_chmod (self->dir, 0755);
  if (account != NULL
      && (lchown (lock_dir, account->uid, account->gid) != 0
          || lchown (run_dir, account->uid, account->gid) != 0))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "cannot chown %s: %s", lock_dir, g_strerror (errno));
      return NULL;
    }
  conf = apache_config_text (self, data, passwords, lock_dir, run_dir,
                             account != NULL ? account->user : NULL,
                             account != NULL ? account->group : NULL);
  if (!write_file (conf_path, conf, 0644, error))
    return NULL;
  return g_strdupv ((char **) argv);
}

/**
 * quorum_test_apache_start:
 * @document_root: the folder to serve at `/store/`
 * @ca: the test CA
 * @user: the user name for Basic auth
 * @password: its password
 * @untrusted_cert: serve the self-signed certificate instead of the one
 *   the CA signed
 *
 * Starts Apache httpd on 127.0.0.1 at a free port, serving @document_root
 * over WebDAV at `https://127.0.0.1:PORT/store/`, every method behind
 * Basic auth, and waits until it accepts connections (10 s at most).
 *
 * When the tests run as root Apache serves as nobody: @document_root and
 * everything in it is then chowned to nobody, and folders in the
 * temporary folder above it made searchable. Files a test adds later must
 * be written with quorum_test_write_served_file() (or fixed with
 * quorum_test_fix_served_permissions()) for Apache to be able to write
 * over them or into their folders.
 *
 * Returns: (transfer full): the server, or %NULL with @error set (with the
 *   end of Apache's error log if it failed to start)
 */
QuorumTestServer *
quorum_test_apache_start (const char    *document_root,
                          QuorumTestCa  *ca,
                          const char    *user,
                          const char    *password,
                          gboolean       untrusted_cert,
                          GError       **error)
{
  ApacheData data = { ca, user, password, untrusted_cert };

  g_return_val_if_fail (document_root != NULL, NULL);
  g_return_val_if_fail (ca != NULL, NULL);
  g_return_val_if_fail (user != NULL && strchr (user, ':') == NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return start_server (SERVER_APACHE, document_root, ca, user, write_apache_config, &data,
                       error);
}

/* nginx -------------------------------------------------------------------- */

static char **
write_nginx_config (QuorumTestServer  *self,
                    gpointer           user_data,
                    GError           **error)
{
  QuorumTestCa *ca = user_data;
  g_autofree char *conf_path = g_build_filename (self->dir, "nginx.conf", NULL);
  g_autofree char *conf = NULL;
  const char * const argv[] = {
    NGINX_BINARY, "-p", self->dir, "-c", conf_path, "-e", self->error_log,
    "-g", "daemon off;", NULL
  };

  conf = g_strdup_printf (
    "# nginx for a Quorum sync test (tests/core/sync/quorum-test-servers.c)\n"
    "%s"
    "worker_processes 1;\n"
    "pid %s/nginx.pid;\n"
    "lock_file %s/nginx.lock;\n"
    "error_log %s notice;\n"
    "events {\n"
    "  worker_connections 64;\n"
    "}\n"
    "http {\n"
    "  types {\n"
    "    application/json json;\n"
    "    text/plain txt;\n"
    "  }\n"
    "  default_type application/octet-stream;\n"
    "  log_format quorum '$remote_addr \"$request\" $status $body_bytes_sent "
    "\"$http_if_none_match\"';\n"
    "  access_log %s/access.log quorum;\n"
    "  client_body_temp_path %s/client_body_temp;\n"
    "  proxy_temp_path %s/proxy_temp;\n"
    "  fastcgi_temp_path %s/fastcgi_temp;\n"
    "  uwsgi_temp_path %s/uwsgi_temp;\n"
    "  scgi_temp_path %s/scgi_temp;\n"
    "  server {\n"
    "    listen 127.0.0.1:%u ssl;\n"
    "    server_name localhost;\n"
    "    ssl_certificate %s;\n"
    "    ssl_certificate_key %s;\n"
    "    location /store/ {\n"
    "      alias %s/;\n"
    "    }\n"
    "  }\n"
    "}\n",
    running_as_root () ? "# The tests run as root: the workers read what the tests wrote.\n"
                         "user root root;\n" : "",
    self->dir, self->dir, self->error_log, self->dir, self->dir, self->dir, self->dir,
    self->dir, self->dir, self->port, ca->server_cert, ca->server_key, self->document_root);
  if (!write_file (conf_path, conf, 0644, error))
    return NULL;
  return g_strdupv ((char **) argv);
}

/**
 * quorum_test_nginx_start:
 * @document_root: the folder to serve at `/store/`
 * @ca: the test CA
 *
 * Starts nginx on 127.0.0.1 at a free port, serving @document_root
 * statically at `https://127.0.0.1:PORT/store/` with the CA-signed
 * certificate: GET and HEAD with ETags, no authentication, anything that
 * writes answered with 405. Waits until it accepts connections (10 s at
 * most).
 *
 * Returns: (transfer full): the server, or %NULL with @error set
 */
QuorumTestServer *
quorum_test_nginx_start (const char    *document_root,
                         QuorumTestCa  *ca,
                         GError       **error)
{
  g_return_val_if_fail (document_root != NULL, NULL);
  g_return_val_if_fail (ca != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return start_server (SERVER_NGINX, document_root, ca, NULL, write_nginx_config, ca, error);
}

/* The server --------------------------------------------------------------- */

/* `https://127.0.0.1:PORT/store/` */
const char *
quorum_test_server_get_url (QuorumTestServer *server)
{
  g_return_val_if_fail (server != NULL, NULL);
  return server->url;
}

guint16
quorum_test_server_get_port (QuorumTestServer *server)
{
  g_return_val_if_fail (server != NULL, 0);
  return server->port;
}

/* The main process (it leads the server's process group), or 0 once
 * stopped or killed. */
GPid
quorum_test_server_get_pid (QuorumTestServer *server)
{
  g_return_val_if_fail (server != NULL, 0);
  return server->pid;
}

/* The served folder, with symbolic links resolved. */
const char *
quorum_test_server_get_document_root (QuorumTestServer *server)
{
  g_return_val_if_fail (server != NULL, NULL);
  return server->document_root;
}

/* The server's own folder: configuration, logs, pid file. */
const char *
quorum_test_server_get_dir (QuorumTestServer *server)
{
  g_return_val_if_fail (server != NULL, NULL);
  return server->dir;
}

const char *
quorum_test_server_get_error_log (QuorumTestServer *server)
{
  g_return_val_if_fail (server != NULL, NULL);
  return server->error_log;
}

/* Whether the main process is still running (it may have died on its
 * own, in which case this reaps it). */
gboolean
quorum_test_server_is_running (QuorumTestServer *server)
{
  g_return_val_if_fail (server != NULL, FALSE);
  if (server->pid == 0)
    return FALSE;
  if (!has_exited (server))
    return TRUE;
  reap (server);
  return FALSE;
}

/**
 * quorum_test_server_stop:
 * @server: a server
 *
 * Sends SIGTERM to the server's processes and waits for them to exit,
 * with SIGKILL after 5 s; returns once the port refuses connections.
 * Does nothing if the server is not running.
 */
void
quorum_test_server_stop (QuorumTestServer *server)
{
  gint64 deadline;

  g_return_if_fail (server != NULL);
  if (server->pid == 0)
    return;
  deadline = g_get_monotonic_time () + STOP_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  kill (-server->pid, SIGTERM);
  while (!has_exited (server) && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
  if (!has_exited (server))
    g_test_message ("%s (pid %d) ignored SIGTERM for %d s; killing it",
                    server_name (server), (int) server->pid, STOP_TIMEOUT_SECONDS);
  reap (server);
  wait_port_closed (server);
}

/**
 * quorum_test_server_kill:
 * @server: a server
 *
 * Kills all of the server's processes at once with SIGKILL, as a crash or
 * a pulled plug would: connections in progress are cut. Returns once the
 * port refuses connections. Does nothing if the server is not running.
 */
void
quorum_test_server_kill (QuorumTestServer *server)
{
  g_return_if_fail (server != NULL);
  if (server->pid == 0)
    return;
  reap (server);
  wait_port_closed (server);
}

/**
 * quorum_test_server_restart:
 * @server: a stopped or killed server (stopped first if running)
 * @error: return location for a #GError
 *
 * Starts the server again with the same configuration, on the same port.
 *
 * Returns: %TRUE once it accepts connections again
 */
gboolean
quorum_test_server_restart (QuorumTestServer  *server,
                            GError           **error)
{
  g_return_val_if_fail (server != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  quorum_test_server_stop (server);
  return spawn_server (server, error) && wait_listening (server, error);
}

/**
 * quorum_test_server_free:
 * @server: (nullable): a server
 *
 * Stops the server and removes its folder, unless the test has failed
 * (g_test_failed()) or `QUORUM_TEST_KEEP_SERVER_FILES` is set: then the
 * folder (configuration and logs) is kept and named in a test message.
 * The document root is the caller's and is never touched.
 */
void
quorum_test_server_free (QuorumTestServer *server)
{
  if (server == NULL)
    return;
  quorum_test_server_stop (server);
  if (server->dir != NULL)
    {
      if (g_test_failed () || g_getenv ("QUORUM_TEST_KEEP_SERVER_FILES") != NULL)
        g_test_message ("%s's configuration and logs are kept in %s",
                        server_name (server), server->dir);
      else
        quorum_test_rm_rf (server->dir);
    }
  g_free (server->dir);
  g_free (server->document_root);
  g_free (server->url);
  g_free (server->error_log);
  g_free (server->stderr_log);
  g_free (server->ca_file);
  g_free (server->user);
  g_strfreev (server->argv);
  g_free (server);
}

/* Document roots ----------------------------------------------------------- */

static gboolean
fix_one (const char           *path,
         const ServerAccount  *account,
         GError              **error)
{
  struct stat st;
  mode_t mode;

  if (g_lstat (path, &st) != 0)
    goto failed;
  if (account != NULL && lchown (path, account->uid, account->gid) != 0)
    goto failed;
  if (S_ISLNK (st.st_mode))
    return TRUE;
  mode = (st.st_mode & 07777) | (S_ISDIR (st.st_mode) ? 0755 : 0644);
  if (mode != (st.st_mode & 07777) && g_chmod (path, mode) != 0)
    goto failed;
  return TRUE;

failed:
  {
    int saved = errno;

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 "cannot fix the permissions of %s: %s", path, g_strerror (saved));
    return FALSE;
  }
}

static gboolean
fix_tree (const char           *path,
          const ServerAccount  *account,
          GError              **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!fix_one (path, account, error))
    return FALSE;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return TRUE;
  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!fix_tree (child, account, error))
        return FALSE;
    }
  return TRUE;
}

/* The account files are chowned to: nobody when root, none otherwise. */
static gboolean
served_account (const ServerAccount **account,
                GError              **error)
{
  *account = NULL;
  if (!running_as_root ())
    return TRUE;
  *account = server_account (error);
  return *account != NULL;
}

/**
 * quorum_test_fix_served_permissions:
 * @path: a file or folder in a document root
 * @error: return location for a #GError
 *
 * Makes @path and everything in it readable and writable for the user a
 * server runs as: when the tests run as root, chowns it all to nobody
 * (Apache serves as nobody); always adds u+rw, go+r and, for folders,
 * a+x. Symbolic links are not followed.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_test_fix_served_permissions (const char  *path,
                                    GError     **error)
{
  const ServerAccount *account;

  g_return_val_if_fail (path != NULL, FALSE);
  return served_account (&account, error) && fix_tree (path, account, error);
}

static gboolean
copy_tree (GFile   *source,
           GFile   *dest,
           GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    return g_file_copy (source, dest, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                        NULL, NULL, NULL, error);

  if (!g_file_make_directory (dest, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  children = g_file_enumerate_children (source, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (children == NULL)
    return FALSE;
  for (;;)
    {
      GFileInfo *child_info;
      GFile *child;
      g_autoptr(GFile) target = NULL;

      if (!g_file_enumerator_iterate (children, &child_info, &child, NULL, error))
        return FALSE;
      if (child_info == NULL)
        break;
      target = g_file_get_child (dest, g_file_info_get_name (child_info));
      if (!copy_tree (child, target, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * quorum_test_copy_tree:
 * @source: a folder (a store)
 * @dest: the folder to copy it into (made if missing; files already there
 *   are overwritten)
 * @error: return location for a #GError
 *
 * Copies @source into @dest recursively (symbolic links as links), then
 * fixes the permissions of @dest for the servers, as
 * quorum_test_fix_served_permissions() does.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_test_copy_tree (const char  *source,
                       const char  *dest,
                       GError     **error)
{
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  from = g_file_new_for_path (source);
  to = g_file_new_for_path (dest);
  if (!copy_tree (from, to, error))
    {
      g_prefix_error (error, "cannot copy %s to %s: ", source, dest);
      return FALSE;
    }
  return quorum_test_fix_served_permissions (dest, error);
}

/**
 * quorum_test_write_served_file:
 * @document_root: a served folder
 * @relpath: the file's path in it
 * @content: the bytes
 * @length: their length, or -1 for a NUL-terminated string
 *
 * Writes a file into a document root (making the folders on the way) and
 * fixes the permissions of what it made, so that the server can read and
 * replace it. Fails the test on any error.
 */
void
quorum_test_write_served_file (const char *document_root,
                               const char *relpath,
                               const char *content,
                               gssize      length)
{
  g_autofree char *path = g_build_filename (document_root, relpath, NULL);
  g_auto(GStrv) parts = g_strsplit (relpath, "/", -1);
  g_autofree char *dir = g_strdup (document_root);
  g_autoptr(GError) error = NULL;
  const ServerAccount *account;

  g_assert_false (g_path_is_absolute (relpath));
  served_account (&account, &error);
  g_assert_no_error (error);
  /* The folders on the way, each made (or fixed) for the server. */
  for (guint i = 0; parts[i] != NULL && parts[i + 1] != NULL; i++)
    {
      char *next;

      if (parts[i][0] == '\0')
        continue;
      next = g_build_filename (dir, parts[i], NULL);
      g_free (dir);
      dir = next;
      g_assert_true (g_mkdir (dir, 0755) == 0 || errno == EEXIST);
      fix_one (dir, account, &error);
      g_assert_no_error (error);
    }
  g_file_set_contents (path, content, length, &error);
  g_assert_no_error (error);
  fix_one (path, account, &error);
  g_assert_no_error (error);
}

/* Checksums ---------------------------------------------------------------- */

static void
checksum_tree (GHashTable *sums,
               const char *root,
               const char *relpath)
{
  g_autofree char *path = relpath[0] != '\0' ? g_build_filename (root, relpath, NULL)
                                             : g_strdup (root);
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *target = g_file_read_link (path, &error);

      g_assert_no_error (error);
      g_hash_table_insert (sums, g_strdup (relpath), g_strconcat ("symlink:", target, NULL));
    }
  else if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;

      g_assert_no_error (error);
      if (relpath[0] != '\0')
        g_hash_table_insert (sums, g_strdup (relpath), g_strdup ("directory"));
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = relpath[0] != '\0' ? g_build_filename (relpath, name, NULL)
                                                      : g_strdup (name);

          checksum_tree (sums, root, child);
        }
    }
  else if (S_ISREG (st.st_mode))
    {
      g_autofree char *content = NULL;
      gsize length;

      g_file_get_contents (path, &content, &length, &error);
      g_assert_no_error (error);
      g_hash_table_insert (sums, g_strdup (relpath),
                           g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                        (const guchar *) content, length));
    }
  else
    g_hash_table_insert (sums, g_strdup (relpath), g_strdup ("special"));
}

/**
 * quorum_test_tree_checksums:
 * @dir: a folder
 *
 * Every file, folder and symbolic link under @dir (hidden ones too), by
 * path relative to @dir: the SHA-256 of a file's bytes (hex), "directory"
 * for a folder, "symlink:TARGET" for a link. Fails the test on any error.
 *
 * Returns: (transfer full) (element-type utf8 utf8): the manifest
 */
GHashTable *
quorum_test_tree_checksums (const char *dir)
{
  GHashTable *sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (dir != NULL, NULL);
  checksum_tree (sums, dir, "");
  return sums;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * quorum_test_assert_same_tree:
 * @before: a manifest from quorum_test_tree_checksums()
 * @after: another
 *
 * Fails the test if the manifests differ, after listing every path that
 * was changed, removed or added on standard error (sorted; standard error,
 * not test messages, so that the list shows in every mode).
 */
void
quorum_test_assert_same_tree (GHashTable *before,
                              GHashTable *after)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  guint differences = 0;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, key);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (before, key))
      g_ptr_array_add (paths, key);
  g_ptr_array_sort (paths, compare_strings);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      const char *old = g_hash_table_lookup (before, path);
      const char *new = g_hash_table_lookup (after, path);

      if (old != NULL && new != NULL && strcmp (old, new) == 0)
        continue;
      differences++;
      g_printerr ("%s %s\n", old == NULL ? "added:  " : new == NULL ? "removed:"
                                                                     : "changed:", path);
    }
  if (differences > 0)
    g_printerr ("%u of %u paths differ\n", differences, paths->len);
  g_assert_cmpuint (differences, ==, 0);
}
