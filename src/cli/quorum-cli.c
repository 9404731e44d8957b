/* quorum-cli.c: Quorum's command-line tool
 *
 * Works on a store without a display. Exit status: 0 success, 1 the store
 * or the input has errors (printed to stderr as FILE:LINE:COLUMN: PATH:
 * message), 2 a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-cli-private.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  char *store;
  char *store_option;   /* a --store after the command, moved into store */
} Globals;

static Globals globals;

static const char *usage_text = N_(
  "Usage: quorum-cli [--store DIR] COMMAND [OPTION…]\n"
  "\n"
  "Commands:\n"
  "  check [--tolerance AMOUNT] [--format text|json] [DOCUMENT-ID…]\n"
  "      List the figures of every budget document (or those named) that do not add up.\n"
  "  export DOCUMENT-ID [--table TABLE-ID] [--format csv|json]\n"
  "      Write a document's tables as displayed, with stated, computed and effective values.\n"
  "  work-packages [--quarter Q] [--outcome O] [--committee C] [--format text|json]\n"
  "      List the work packages with their estimates, out-turns and the Board's outcome.\n"
  "  decide WORK-PACKAGE-ID approve|reject|defer --by NAME [--role ROLE] [--comment TEXT]\n"
  "      Record a Board decision as a new, sealed decision file. NAME and ROLE cannot hold\n"
  "      control characters or bidi controls (U+202A–U+202E, U+2066–U+2069); TEXT can hold\n"
  "      line breaks and tabs but no other control characters.\n"
  "  sync --remote URL [--user NAME] [--password-file F | --token-file F]\n"
  "       [--password-env VAR | --token-env VAR] [--ca-file F] [--dry-run]\n"
  "      Fetch what changed on the remote, send the decisions made here.\n"
  "  publish-index\n"
  "      Write index.json, the listing a static web host serves for sync.\n"
  "  restore [--list | BACKUP-ID]\n"
  "      List the backups sync made of the files it replaced, or put one back.\n"
  "  notes [--format text|json]\n"
  "      List the private notes kept on this computer, with their targets.\n"
  "  meetings [--committee ID] [--from DATE] [--to DATE] [--format text|json]\n"
  "      List the meetings by date.\n"
  "  actions [--open] [--overdue] [--owner TEXT] [--committee ID] [--today DATE]\n"
  "          [--format text|json]\n"
  "      List every action raised at meetings, with its current status.\n"
  "  calendar [--committee ID] [--from DATE] [--remote URL]\n"
  "      Write the meetings as iCalendar to standard output (red ones left out).\n"
  "  print DOCUMENT-ID [--table TABLE-ID] [--variance FROM-COLUMN:TO-COLUMN] [--collapsed]\n"
  "        --output FILE.pdf [--allow-red]\n"
  "      Print a document's tables as displayed to an A4 PDF.\n"
  "  pack MEETING-ID --output FILE.pdf [--with-notes] [--allow-red]\n"
  "      Print a meeting's pack to an A4 PDF: the agenda, each paper's figures, the\n"
  "      committee's open actions, and with --with-notes the private notes.\n"
  "      Nothing classified red is printed without --allow-red.\n"
  "\n"
  "The store is --store DIR, else $QUORUM_STORE, else $XDG_DATA_HOME/quorum/store where it\n"
  "exists, else the bundled sample store.\n"
  "Text output shows control characters in what the store holds as \\n, \\r, \\t, \\xNN or\n"
  "\\uNNNN (a tab or line break inside a table's field as a space); JSON output is UTF-8,\n"
  "with bytes that are not UTF-8 as U+FFFD.\n"
  "Exit status: 0 success, 1 the store or the input has errors, 2 a usage error.\n");

/* Prints a usage error (the arguments escaped, as any text the CLI
 * prints) and returns EXIT_USAGE. */
int
cli_usage_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  escaped = cli_escape (message);
  g_printerr (_("quorum-cli: %s\nTry “quorum-cli --help”.\n"), escaped);
  return EXIT_USAGE;
}

GOptionContext *
cli_new_context (const char   *parameters,
             GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);
  GOptionEntry store_entries[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &globals.store_option,
      N_("The store folder"), "DIR" },
    { NULL }
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  g_option_context_add_main_entries (context, store_entries, NULL);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  return context;
}

/* Parses a subcommand's options; a failure is a usage error. */
gboolean
cli_parse_options (GOptionContext *context,
               int            *argc,
               char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cli_usage_error ("%s", error->message);
      return FALSE;
    }

  /* A --store after the command replaces one given before it; GOption
   * would overwrite that one without freeing it. */
  if (globals.store_option != NULL)
    {
      g_free (globals.store);
      globals.store = g_steal_pointer (&globals.store_option);
    }

  /* Anything left that looks like an option was not recognised. */
  for (int i = 1; i < *argc; i++)
    if ((*argv)[i][0] == '-' && (*argv)[i][1] != '\0')
      {
        cli_usage_error (_("unknown option “%s”"), (*argv)[i]);
        return FALSE;
      }
  return TRUE;
}

/* Parses the options of @command, which takes no arguments: anything
 * left is a usage error. */
gboolean
cli_parse_options_only (GOptionContext *context,
                        const char     *command,
                        int            *argc,
                        char         ***argv)
{
  if (!cli_parse_options (context, argc, argv))
    return FALSE;
  if (*argc <= 1)
    return TRUE;
  /* TRANSLATORS: %1$s is a command, e.g. "meetings"; %2$s what was given after it */
  cli_usage_error (_("%1$s takes no arguments, only options; “%2$s” is extra"), command,
                   (*argv)[1]);
  return FALSE;
}

/* The store: --store DIR, else $QUORUM_STORE, else the default. */
char *
cli_dup_store_path (void)
{
  return globals.store ? g_strdup (globals.store) : quorum_store_dup_default_path ();
}

/* Loads the store, or prints why it could not be loaded and returns NULL. */
QuorumStore *
cli_open_store (void)
{
  g_autofree char *path = cli_dup_store_path ();
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(GError) error = NULL;

  if (!quorum_store_load (store, NULL, &error))
    {
      cli_print_error ("%s", error->message);
      return NULL;
    }
  return g_steal_pointer (&store);
}

/* Opens the store, checking a --committee (if not NULL) against its
 * register. */
QuorumStore *
cli_open_store_for (const char *committee)
{
  g_autoptr(QuorumStore) store = cli_open_store ();

  if (store != NULL && committee != NULL &&
      quorum_store_find_committee (store, committee) == NULL)
    {
      cli_print_error (_("%s: there is no committee “%s” in the register\n"),
                       quorum_store_get_path (store), committee);
      return NULL;
    }
  return g_steal_pointer (&store);
}

/* A --format: text (or none) or json, which sets *json; anything else sets
 * *status to the usage error it prints. */
gboolean
cli_check_format (const char *format,
                  gboolean   *json,
                  int        *status)
{
  if (format == NULL || g_str_equal (format, "text"))
    return TRUE;
  if (g_str_equal (format, "json"))
    return *json = TRUE;
  *status = cli_usage_error (_("--format is text or json, not “%s”"), format);
  return FALSE;
}

/* Prints the store's problems (those of one file, if given), one a line,
 * and returns how many it printed. */
guint
cli_print_problems (QuorumStore *store,
                    const char  *only_file_basename)
{
  GListModel *problems = quorum_store_get_problems (store);
  guint n = g_list_model_get_n_items (problems);
  guint printed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *text = NULL;

      if (only_file_basename != NULL)
        {
          g_autofree char *base = g_path_get_basename (quorum_problem_get_file (problem));

          if (!g_str_equal (base, only_file_basename))
            continue;
        }
      text = quorum_problem_to_string (problem);
      cli_print_error ("%s", text);
      printed++;
    }
  return printed;
}

/* The store's document @id; if it has none, says why (the problems of its
 * file, or that there is no such document) and returns NULL. */
QuorumBudgetDocument *
cli_find_document (QuorumStore *store,
                   const char  *id)
{
  QuorumBudgetDocument *document = quorum_store_find_document (store, id);
  g_autofree char *file = NULL;

  if (document != NULL)
    return document;
  file = g_strdup_printf ("%s.json", id);
  if (cli_print_problems (store, file) == 0)
    cli_print_error (_("%s: no budget document “%s” in this store\n"),
                     quorum_store_get_path (store), id);
  return NULL;
}


typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "check", cli_command_check },
  { "export", cli_command_export },
  { "work-packages", cli_command_work_packages },
  { "decide", cli_command_decide },
  { "sync", cli_command_sync },
  { "publish-index", cli_command_publish_index },
  { "restore", cli_command_restore },
  { "notes", cli_command_notes },
  { "meetings", cli_command_meetings },
  { "actions", cli_command_actions },
  { "calendar", cli_command_calendar },
  { "print", cli_command_print },
  { "pack", cli_command_pack },
};

int
main (int    argc,
      char **argv)
{
  int first = 1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, QUORUM_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A --store given before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          fputs (_(usage_text), stdout);
          return EXIT_OK;
        }
      if (g_str_equal (argv[first], "--version"))
        {
          g_print ("quorum-cli %s\n", QUORUM_VERSION);
          return EXIT_OK;
        }
      if (g_str_equal (argv[first], "--store") && first + 1 < argc)
        {
          g_free (globals.store);
          globals.store = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--store="))
        {
          g_free (globals.store);
          globals.store = g_strdup (argv[first] + strlen ("--store="));
          first += 1;
        }
      else
        return cli_usage_error (_("unknown option “%s”"), argv[first]);
    }

  if (first >= argc)
    {
      fputs (_(usage_text), stderr);
      return EXIT_USAGE;
    }

  status = -1;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[first], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("quorum-cli %s", commands[i].name);

        g_set_prgname (prgname);
        status = commands[i].run (argc - first, argv + first);
        break;
      }

  if (status < 0)
    status = cli_usage_error (_("unknown command “%s”"), argv[first]);

  g_free (globals.store);
  return status;
}
