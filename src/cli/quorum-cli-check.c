/* quorum-cli-check.c: quorum-cli check, the figures that do not add up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-cli-private.h"

static void
print_finding_text (QuorumFinding *finding)
{
  g_autofree char *stated = quorum_amount_format (quorum_finding_get_stated (finding));
  g_autofree char *computed = quorum_amount_format (quorum_finding_get_computed (finding));
  g_autofree char *difference = quorum_amount_format (quorum_finding_get_difference (finding));

  cli_print_row (quorum_severity_to_string (quorum_finding_get_severity (finding)),
                 quorum_finding_get_document_id (finding),
                 quorum_finding_get_table_id (finding),
                 quorum_finding_get_row_id (finding),
                 quorum_finding_get_column_id (finding),
                 stated, computed, difference, NULL);
}

/* The documents named on the command line, or all of them; a name that is
 * not a valid document is an error printed here, *failed set. */
static GPtrArray *
collect_documents (QuorumStore  *store,
                   int           argc,
                   char        **argv,
                   gboolean     *failed)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all = quorum_store_get_documents (store);

  if (argc <= 1)
    {
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (documents, g_list_model_get_item (all, i));
      return documents;
    }

  for (int i = 1; i < argc; i++)
    {
      QuorumBudgetDocument *document = quorum_store_find_document (store, argv[i]);

      if (document == NULL)
        {
          cli_print_error (_("%s: no valid budget document “%s” in this store\n"),
                           quorum_store_get_path (store), argv[i]);
          *failed = TRUE;
          continue;
        }
      g_ptr_array_add (documents, g_object_ref (document));
    }
  return documents;
}

static void
print_findings (QuorumStore *store,
                GPtrArray   *documents,
                gint64       tolerance,
                gboolean     json)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (json)
    {
      builder = cli_json_new ();
      cli_json_problems (builder, store);
      cli_json_begin_array (builder, "findings");
    }
  for (guint d = 0; d < documents->len; d++)
    {
      QuorumBudgetDocument *document = g_ptr_array_index (documents, d);
      GListModel *list;

      quorum_budget_document_set_tolerance (document, tolerance);
      list = quorum_budget_document_get_findings (document);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(QuorumFinding) finding = g_list_model_get_item (list, i);

          if (json)
            cli_json_node (builder, NULL, quorum_export_finding_json (finding));
          else
            print_finding_text (finding);
        }
    }
  if (json)
    {
      json_builder_end_array (builder);
      cli_json_print (builder);
    }
}

int
cli_command_check (int    argc,
                   char **argv)
{
  g_autofree char *tolerance_text = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "tolerance", 0, 0, G_OPTION_ARG_STRING, &tolerance_text,
      N_("Differences up to this are “rounding”, above it “mismatch” (default 1.00)"), "AMOUNT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_new_context (_("[DOCUMENT-ID…] - list the findings"),
                                                       entries);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  gint64 tolerance = QUORUM_DEFAULT_TOLERANCE;
  gboolean failed = FALSE;

  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return cli_usage_error (_("--format is text or json, not “%s”"), format);

  if (tolerance_text != NULL)
    {
      g_autoptr(GError) amount_error = NULL;

      if (!quorum_amount_parse (tolerance_text, &tolerance, &amount_error))
        return cli_usage_error (_("--tolerance: %s"), amount_error->message);
      if (tolerance < 0)
        return cli_usage_error (_("--tolerance cannot be negative"));
    }

  if ((store = cli_open_store ()) == NULL)
    return EXIT_ERRORS;

  failed = cli_print_problems (store, NULL) > 0;
  documents = collect_documents (store, argc, argv, &failed);
  print_findings (store, documents, tolerance, g_strcmp0 (format, "json") == 0);

  return failed ? EXIT_ERRORS : EXIT_OK;
}
