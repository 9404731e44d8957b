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

/* A document's findings, taken as it was read: the store need not keep
 * the document (quorum_store_load_each_document()). */
typedef struct
{
  char *id;
  GPtrArray *findings;   /* of QuorumFinding */
} Checked;

static void
checked_free (Checked *checked)
{
  g_free (checked->id);
  g_ptr_array_unref (checked->findings);
  g_free (checked);
}

typedef struct
{
  gint64 tolerance;
  GPtrArray *documents;  /* of Checked, in the store's order */
} CheckData;

static void
check_document (QuorumBudgetDocument *document,
                gpointer              user_data)
{
  CheckData *data = user_data;
  Checked *checked = g_new0 (Checked, 1);
  GListModel *list;
  guint n;

  quorum_budget_document_set_tolerance (document, data->tolerance);
  list = quorum_budget_document_get_findings (document);
  n = g_list_model_get_n_items (list);
  checked->id = g_strdup (quorum_budget_document_get_id (document));
  checked->findings = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (checked->findings, g_list_model_get_item (list, i));
  g_ptr_array_add (data->documents, checked);
}

/* The documents named on the command line, or all of them; a name that is
 * not a valid document is an error printed here, *failed set. */
static GPtrArray *
collect_documents (QuorumStore  *store,
                   GPtrArray    *checked,
                   int           argc,
                   char        **argv,
                   gboolean     *failed)
{
  GPtrArray *documents = g_ptr_array_new ();

  if (argc <= 1)
    {
      g_ptr_array_extend (documents, checked, NULL, NULL);
      return documents;
    }

  for (int i = 1; i < argc; i++)
    {
      Checked *found = NULL;

      for (guint d = 0; d < checked->len && found == NULL; d++)
        if (g_str_equal (((Checked *) g_ptr_array_index (checked, d))->id, argv[i]))
          found = g_ptr_array_index (checked, d);
      if (found == NULL)
        {
          cli_print_error (_("%s: no valid budget document “%s” in this store\n"),
                           quorum_store_get_path (store), argv[i]);
          *failed = TRUE;
          continue;
        }
      g_ptr_array_add (documents, found);
    }
  return documents;
}

static void
print_findings (QuorumStore *store,
                GPtrArray   *documents,
                gboolean     json)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (json)
    builder = cli_json_new_list (store, "findings");
  for (guint d = 0; d < documents->len; d++)
    {
      GPtrArray *findings = ((Checked *) g_ptr_array_index (documents, d))->findings;

      for (guint i = 0; i < findings->len; i++)
        {
          QuorumFinding *finding = g_ptr_array_index (findings, i);

          if (json)
            cli_json_node (builder, NULL, quorum_export_finding_json (finding));
          else
            print_finding_text (finding);
        }
    }
  if (json)
    cli_json_print_list (builder);
}

/* The store, read a document at a time: each document's findings are
 * taken as it is read, and the document is not kept unless something in
 * the store refers to it. */
static QuorumStore *
open_store_checking (CheckData *data)
{
  g_autofree char *path = cli_dup_store_path ();
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(GError) error = NULL;

  if (!quorum_store_load_each_document (store, check_document, data, NULL, &error))
    {
      cli_print_error ("%s", error->message);
      return NULL;
    }
  return g_steal_pointer (&store);
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
  g_autoptr(GPtrArray) checked = g_ptr_array_new_with_free_func ((GDestroyNotify) checked_free);
  CheckData data = { QUORUM_DEFAULT_TOLERANCE, checked };
  gint64 tolerance = QUORUM_DEFAULT_TOLERANCE;
  gboolean failed = FALSE;
  gboolean json = FALSE;
  int status = EXIT_USAGE;

  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  if (!cli_check_format (format, &json, &status))
    return status;

  if (tolerance_text != NULL)
    {
      g_autoptr(GError) amount_error = NULL;

      if (!quorum_amount_parse (tolerance_text, &tolerance, &amount_error))
        return cli_usage_error (_("--tolerance: %s"), amount_error->message);
      if (tolerance < 0)
        return cli_usage_error (_("--tolerance cannot be negative"));
    }

  data.tolerance = tolerance;
  if ((store = open_store_checking (&data)) == NULL)
    return EXIT_ERRORS;

  failed = cli_print_problems (store, NULL) > 0;
  documents = collect_documents (store, checked, argc, argv, &failed);
  print_findings (store, documents, json);

  return failed ? EXIT_ERRORS : EXIT_OK;
}
