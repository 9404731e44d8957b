/* quorum-cli-sync.c: quorum-cli sync, publish-index and restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-cli-private.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char *remote;
  char *user;
  char *password_file;
  char *token_file;
  char *password_env;
  char *token_env;
  char *ca_file;
  gboolean dry_run;
  int timeout;
  int file_timeout;
  int min_rate;
  int sync_timeout;
} SyncOptions;

static void
sync_options_clear (SyncOptions *options)
{
  g_clear_pointer (&options->remote, g_free);
  g_clear_pointer (&options->user, g_free);
  g_clear_pointer (&options->password_file, g_free);
  g_clear_pointer (&options->token_file, g_free);
  g_clear_pointer (&options->password_env, g_free);
  g_clear_pointer (&options->token_env, g_free);
  g_clear_pointer (&options->ca_file, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SyncOptions, sync_options_clear)

/* Reads a secret from a file (first line) or a named environment variable,
 * never from the command line, where other users could see it. */
static char *
read_secret (const char  *file,
             const char  *env,
             const char  *what,
             GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  char *end;

  if (env != NULL)
    {
      const char *value = g_getenv (env);

      if (value == NULL || *value == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("the environment variable %s named for the %s is not set"), env, what);
          return NULL;
        }
      return g_strdup (value);
    }
  if (!g_file_get_contents (file, &contents, NULL, error))
    return NULL;
  if (g_stat (file, &st) == 0 && (st.st_mode & 0077) != 0)
    cli_print_error (_("quorum-cli: warning: %s can be read by other users; "
                       "chmod 600 it\n"), file);
  end = strpbrk (contents, "\r\n");
  if (end != NULL)
    *end = '\0';
  if (contents[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: the %s is empty"), file,
                   what);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

/* Checks the options' combination; a usage error is printed here. */
static gboolean
check_sync_options (const SyncOptions *options)
{
  guint n_secrets = (options->password_file != NULL) + (options->token_file != NULL) +
                    (options->password_env != NULL) + (options->token_env != NULL);

  if (options->remote == NULL)
    cli_usage_error (_("sync needs --remote URL"));
  else if (n_secrets > 1)
    cli_usage_error (_("give one of --password-file, --token-file, --password-env and "
                       "--token-env"));
  else if ((options->password_file != NULL || options->password_env != NULL) &&
           options->user == NULL)
    cli_usage_error (_("a password needs --user NAME"));
  else if (options->timeout < 0 || options->timeout > 3600)
    cli_usage_error (_("--timeout is 1 to 3600 seconds"));
  else if (options->file_timeout < 0 || options->file_timeout > 24 * 3600)
    cli_usage_error (_("--file-timeout is 1 to 86400 seconds"));
  else if (options->min_rate < 0)
    cli_usage_error (_("--min-rate is a number of bytes per second, 1 or more"));
  else if (options->sync_timeout < 0 || options->sync_timeout > 7 * 24 * 3600)
    cli_usage_error (_("--sync-timeout is 1 to 604800 seconds"));
  else
    return TRUE;
  return FALSE;
}

/* Gives @sync the credentials and the CA the options name; an error is
 * printed here. */
static gboolean
set_up_sync (QuorumSync        *sync,
             const SyncOptions *options)
{
  g_autoptr(GError) error = NULL;
  gboolean token = options->token_file != NULL || options->token_env != NULL;
  gboolean password = options->password_file != NULL || options->password_env != NULL;

  if (token || password)
    {
      g_autofree char *secret =
        read_secret (token ? options->token_file : options->password_file,
                     token ? options->token_env : options->password_env,
                     token ? _("token") : _("password"), &error);

      if (secret == NULL)
        {
          cli_print_error ("quorum-cli: %s", error->message);
          return FALSE;
        }
      if (token)
        quorum_sync_set_bearer_token (sync, secret);
      else
        quorum_sync_set_basic_auth (sync, options->user, secret);
      memset (secret, 0, strlen (secret));
    }
  if (options->ca_file != NULL && !quorum_sync_set_ca_file (sync, options->ca_file, &error))
    {
      cli_print_error ("quorum-cli: %s", error->message);
      return FALSE;
    }
  quorum_sync_set_dry_run (sync, options->dry_run);
  if (options->timeout > 0)
    quorum_sync_set_timeouts (sync, (guint) options->timeout, (guint) options->timeout);
  if (options->file_timeout > 0)
    g_object_set (sync, "file-timeout", (guint) options->file_timeout, NULL);
  if (options->min_rate > 0)
    g_object_set (sync, "min-rate", (guint) options->min_rate, NULL);
  if (options->sync_timeout > 0)
    g_object_set (sync, "sync-timeout", (guint) options->sync_timeout, NULL);
  return TRUE;
}

/* Prints what changed, one row an item, then the counts. */
static void
print_sync_report (QuorumSync *sync,
                   gboolean    dry_run)
{
  GListModel *items = quorum_sync_get_items (sync);
  guint counts[QUORUM_SYNC_N_ACTIONS] = { 0 };
  guint64 received = quorum_sync_get_bytes_received (sync);
  guint n_requests = quorum_sync_get_n_requests (sync);
  g_autofree char *received_number = NULL;
  g_autofree char *sent_number = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *listing = cli_escape (quorum_sync_get_listing (sync) != NULL
                                           ? quorum_sync_get_listing (sync) : "-");

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);
      QuorumSyncAction action = quorum_sync_item_get_action (item);

      counts[action]++;
      if (action != QUORUM_SYNC_UNCHANGED)
        cli_print_row (quorum_sync_action_to_string (action), quorum_sync_item_get_path (item),
                       quorum_sync_item_get_message (item), NULL);
    }

  /* Numbers are formatted first: a G_GUINT64_FORMAT in a translatable
   * string would cut it short for translators. */
  received_number = g_strdup_printf ("%" G_GUINT64_FORMAT, received);
  sent_number = g_strdup_printf ("%" G_GUINT64_FORMAT, quorum_sync_get_bytes_sent (sync));
  conflicts = g_strdup_printf (ngettext ("%u conflict", "%u conflicts",
                                         counts[QUORUM_SYNC_CONFLICT]),
                               counts[QUORUM_SYNC_CONFLICT]);
  requests = g_strdup_printf (ngettext ("%u request", "%u requests", n_requests), n_requests);
  bytes = g_strdup_printf (ngettext ("%s byte received", "%s bytes received",
                                     (unsigned long) MIN (received, G_MAXULONG)),
                           received_number);
  /* Translators: the summary of a sync. The second %s is "N conflicts",
   * the third "N requests", the fourth "N bytes received", the fifth a
   * number of bytes sent, the sixth a file name, the last " — dry run,
   * nothing changed" or nothing. */
  g_print (_("%u fetched, %u unchanged, %u sent, %u refused, %s, %u failed, "
             "%u removed remotely; %s, %s, %s sent (listing: %s)%s\n"),
           counts[QUORUM_SYNC_FETCHED] + counts[QUORUM_SYNC_WOULD_FETCH],
           counts[QUORUM_SYNC_UNCHANGED],
           counts[QUORUM_SYNC_SENT] + counts[QUORUM_SYNC_ALREADY_SENT] +
             counts[QUORUM_SYNC_WOULD_SEND],
           counts[QUORUM_SYNC_REFUSED], conflicts,
           counts[QUORUM_SYNC_FAILED], counts[QUORUM_SYNC_REMOVED_REMOTELY],
           requests, bytes, sent_number, listing,
           dry_run ? _(" — dry run, nothing changed") : "");
}

int
cli_command_sync (int    argc,
                  char **argv)
{
  g_auto(SyncOptions) options = { 0 };
  GOptionEntry entries[] = {
    { "remote", 0, 0, G_OPTION_ARG_STRING, &options.remote,
      N_("The remote store's URL (https://, or http:// to this computer only)"), "URL" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &options.user, N_("User name for HTTP Basic"), "NAME" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &options.password_file,
      N_("Read the password (or app password) from this file's first line"), "FILE" },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &options.token_file,
      N_("Read a bearer token from this file's first line"), "FILE" },
    { "password-env", 0, 0, G_OPTION_ARG_STRING, &options.password_env,
      N_("Read the password from this environment variable"), "VAR" },
    { "token-env", 0, 0, G_OPTION_ARG_STRING, &options.token_env,
      N_("Read a bearer token from this environment variable"), "VAR" },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &options.ca_file,
      N_("Trust the CA certificates in this PEM file instead of the system's"), "FILE" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &options.dry_run,
      N_("Only say what would be fetched and sent"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &options.timeout,
      N_("Seconds to wait for the server (default 30)"), "SECONDS" },
    { "file-timeout", 0, 0, G_OPTION_ARG_INT, &options.file_timeout,
      N_("Seconds each file may take, plus its size at the minimum rate (default 30)"),
      "SECONDS" },
    { "min-rate", 0, 0, G_OPTION_ARG_INT, &options.min_rate,
      N_("The slowest transfer accepted, in bytes per second (default 1024)"), "BYTES" },
    { "sync-timeout", 0, 0, G_OPTION_ARG_INT, &options.sync_timeout,
      N_("Seconds the whole sync may take (default 3600)"), "SECONDS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    cli_new_context (_("- sync the store with a remote server"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  if (!cli_parse_options_only (context, "sync", &argc, &argv))
    return EXIT_USAGE;
  if (!check_sync_options (&options))
    return EXIT_USAGE;

  path = cli_dup_store_path ();
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      cli_print_error (_("%s: the store folder does not exist or is not a folder\n"), path);
      return EXIT_ERRORS;
    }
  if ((sync = quorum_sync_new (path, options.remote, &error)) == NULL)
    return cli_usage_error ("%s", error->message);
  if (!set_up_sync (sync, &options))
    return EXIT_ERRORS;

  ok = quorum_sync_run (sync, NULL, &error);
  print_sync_report (sync, options.dry_run);
  if (!ok)
    {
      cli_print_error ("quorum-cli: %s", error->message);
      return EXIT_ERRORS;
    }
  return EXIT_OK;
}

int
cli_command_publish_index (int    argc,
                           char **argv)
{
  g_autoptr(GOptionContext) context =
    cli_new_context (_("- write index.json for a static web host"), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *index = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GPtrArray) skipped = NULL;

  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return cli_usage_error (_("publish-index takes no arguments; “%s” is extra"), argv[1]);

  path = cli_dup_store_path ();
  if (!quorum_sync_write_index_report (path, &skipped, &error))
    {
      cli_print_error ("%s", error->message);
      return EXIT_ERRORS;
    }
  for (guint i = 0; i < skipped->len; i++)
    cli_print_error (_("warning: %s\n"), (const char *) g_ptr_array_index (skipped, i));
  index = g_build_filename (path, "index.json", NULL);
  shown = cli_escape (index);
  g_print ("%s\n", shown);
  return EXIT_OK;
}

int
cli_command_restore (int    argc,
                     char **argv)
{
  gboolean list = FALSE;
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the backups, newest first"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    cli_new_context (_("[BACKUP-ID] - put back the files of a backup"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) restored = NULL;

  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if ((list && argc != 1) || (!list && argc != 2))
    return cli_usage_error (_("restore takes --list or one BACKUP-ID"));

  path = cli_dup_store_path ();
  if (list)
    {
      g_autoptr(GListModel) backups = quorum_backup_list (path, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
        {
          g_autoptr(QuorumBackup) backup = g_list_model_get_item (backups, i);
          const char * const *files = quorum_backup_get_files (backup);
          const char *reason = quorum_backup_get_reason (backup);
          g_autofree char *n_files = g_strdup_printf ("%u", g_strv_length ((GStrv) files));

          cli_print_row (quorum_backup_get_id (backup), quorum_backup_get_created (backup),
                         n_files, reason != NULL ? reason : "", NULL);
        }
      return EXIT_OK;
    }

  if (!quorum_backup_restore (path, argv[1], QUORUM_DEFAULT_BACKUPS_KEPT, &restored, NULL,
                              &error))
    {
      cli_print_error ("%s", error->message);
      return EXIT_ERRORS;
    }
  for (guint i = 0; restored[i] != NULL; i++)
    {
      g_autofree char *file = cli_escape (restored[i]);

      g_print (_("restored\t%s\n"), file);
    }
  return EXIT_OK;
}
