/* quorum-cli-export.c: quorum-cli export, a document's tables as CSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-cli-private.h"

#include <stdio.h>

static void
print_tables (const char *document_id,
              GPtrArray  *tables,
              gboolean    json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = cli_json_new ();

      cli_json_string (builder, "document", document_id);
      cli_json_begin_array (builder, "tables");
      for (guint i = 0; i < tables->len; i++)
        cli_json_node (builder, NULL, quorum_export_table_json (g_ptr_array_index (tables, i)));
      json_builder_end_array (builder);
      cli_json_print (builder);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < tables->len; i++)
        {
          if (i > 0)
            g_string_append (out, "\r\n");
          quorum_export_table_csv (g_ptr_array_index (tables, i), out);
        }
      fwrite (out->str, 1, out->len, stdout);
    }
}

int
cli_command_export (int    argc,
                    char **argv)
{
  g_autofree char *table_id = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_id, N_("Export only this table"), "TABLE-ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: csv or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    cli_new_context (_("DOCUMENT-ID - export a document's tables"), entries);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  QuorumBudgetDocument *document;
  GListModel *list;

  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("%s", argc < 2 ? _("export needs a DOCUMENT-ID")
                                           : _("export takes one DOCUMENT-ID"));
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return cli_usage_error (_("--format is csv or json, not “%s”"), format);

  if ((store = cli_open_store ()) == NULL)
    return EXIT_ERRORS;

  /* If the document's file failed to load, say why. */
  if ((document = cli_find_document (store, argv[1])) == NULL)
    return EXIT_ERRORS;

  list = quorum_budget_document_get_tables (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QuorumTable) table = g_list_model_get_item (list, i);

      if (table_id == NULL || g_str_equal (quorum_table_get_id (table), table_id))
        g_ptr_array_add (tables, g_steal_pointer (&table));
    }
  if (table_id != NULL && tables->len == 0)
    {
      cli_print_error (_("%s: no table “%s” in document “%s”\n"),
                       quorum_budget_document_get_file (document), table_id, argv[1]);
      return EXIT_ERRORS;
    }

  print_tables (argv[1], tables, g_strcmp0 (format, "json") == 0);
  return EXIT_OK;
}
