/* quorum-cli-print.c: quorum-cli print and pack, reports as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-cli-private.h"

#include <string.h>

static gboolean
write_report (QuorumReport *report,
              const char   *output)
{
  g_autoptr(GError) error = NULL;

  if (!quorum_report_write_pdf (report, output, NULL, NULL, NULL, &error))
    {
      cli_print_error ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static int
report_error (GError *error)
{
  cli_print_error ("%s\n", error->message);
  if (g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED))
    cli_print_error (_("Give --allow-red to print it all the same.\n"));
  return EXIT_ERRORS;
}

static gboolean
split_variance (const char  *variance,
                char       **from,
                char       **to)
{
  const char *colon;

  if (variance == NULL)
    return TRUE;
  colon = strchr (variance, ':');
  if (colon == NULL || colon == variance || colon[1] == '\0' || strchr (colon + 1, ':'))
    return FALSE;
  *from = g_strndup (variance, colon - variance);
  *to = g_strdup (colon + 1);
  return TRUE;
}

int
cli_command_print (int    argc,
                   char **argv)
{
  g_autofree char *table_id = NULL, *variance = NULL, *output = NULL;
  g_autofree char *from = NULL, *to = NULL;
  gboolean allow_red = FALSE, collapsed = FALSE;
  GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_id, N_("Print only this table"), "TABLE-ID" },
    { "variance", 0, 0, G_OPTION_ARG_STRING, &variance,
      N_("Add the difference and % change between two columns"), "FROM-COLUMN:TO-COLUMN" },
    { "collapsed", 0, 0, G_OPTION_ARG_NONE, &collapsed, N_("Print group rows only"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE.pdf" },
    { "allow-red", 0, 0, G_OPTION_ARG_NONE, &allow_red,
      N_("Print a document classified red (refused otherwise)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    cli_new_context (_("DOCUMENT-ID - print a document's tables as PDF"), entries);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumReport) report = NULL;
  g_autoptr(GError) error = NULL;
  QuorumReportOptions options = { 0 };
  QuorumBudgetDocument *document;
  QuorumTable *table = NULL;

  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("%s", argc < 2 ? _("print needs a DOCUMENT-ID")
                                           : _("print takes one DOCUMENT-ID"));
  if (output == NULL)
    return cli_usage_error ("%s", _("print needs --output FILE.pdf"));
  if (!split_variance (variance, &from, &to))
    return cli_usage_error (_("--variance is FROM-COLUMN:TO-COLUMN, not “%s”"), variance);

  if ((store = cli_open_store ()) == NULL)
    return EXIT_ERRORS;
  if ((document = cli_find_document (store, argv[1])) == NULL)
    return EXIT_ERRORS;
  if (table_id != NULL
      && (table = quorum_budget_document_find_table (document, table_id)) == NULL)
    {
      cli_print_error (_("%s: no table “%s” in document “%s”\n"),
                       quorum_budget_document_get_file (document), table_id, argv[1]);
      return EXIT_ERRORS;
    }

  options.allow_red = allow_red;
  options.collapsed = collapsed;
  options.variance_from = from;
  options.variance_to = to;
  report = quorum_report_new_for_table (document, table, &options, &error);
  if (report == NULL)
    return report_error (error);
  return write_report (report, output) ? EXIT_OK : EXIT_ERRORS;
}

int
cli_command_pack (int    argc,
                  char **argv)
{
  g_autofree char *output = NULL;
  gboolean allow_red = FALSE, with_notes = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE.pdf" },
    { "with-notes", 0, 0, G_OPTION_ARG_NONE, &with_notes,
      N_("Print the private notes kept on this computer next to what they are on"), NULL },
    { "allow-red", 0, 0, G_OPTION_ARG_NONE, &allow_red,
      N_("Print a meeting or paper classified red (refused otherwise)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    cli_new_context (_("MEETING-ID - print a meeting's pack as PDF"), entries);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumNotes) notes = NULL;
  g_autoptr(GArray) list = NULL;
  g_autoptr(QuorumReport) report = NULL;
  g_autoptr(GError) error = NULL;
  QuorumReportOptions options = { 0 };
  QuorumMeeting *meeting;

  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("%s", argc < 2 ? _("pack needs a MEETING-ID")
                                           : _("pack takes one MEETING-ID"));
  if (output == NULL)
    return cli_usage_error ("%s", _("pack needs --output FILE.pdf"));

  if ((store = cli_open_store ()) == NULL)
    return EXIT_ERRORS;
  meeting = quorum_store_find_meeting (store, argv[1]);
  if (meeting == NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s.json", argv[1]);

      if (cli_print_problems (store, file) == 0)
        cli_print_error (_("%s: no meeting “%s” in this store\n"),
                         quorum_store_get_path (store), argv[1]);
      return EXIT_ERRORS;
    }

  options.allow_red = allow_red;
  if (with_notes)
    {
      notes = quorum_notes_new (store);
      if (!quorum_notes_load (notes, NULL, &error))
        return report_error (error);
      list = quorum_report_notes_for_meeting (notes, meeting);
      options.notes = (const QuorumReportNote *) list->data;
      options.n_notes = list->len;
    }
  report = quorum_report_new_for_meeting (store, meeting, &options, &error);
  if (report == NULL)
    return report_error (error);
  return write_report (report, output) ? EXIT_OK : EXIT_ERRORS;
}
