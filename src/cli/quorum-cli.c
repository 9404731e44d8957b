/* quorum-cli.c: Quorum's command-line tool
 *
 * Works on a store without a display. Exit status: 0 success, 1 the store
 * or the input has errors (printed to stderr as FILE:LINE:COLUMN: PATH:
 * message), 2 a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "quorum-core.h"

#define EXIT_OK     0
#define EXIT_ERRORS 1
#define EXIT_USAGE  2

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
  "      Record a Board decision as a new, sealed decision file.\n"
  "  sync --remote URL [--user NAME] [--password-file F | --token-file F]\n"
  "       [--password-env VAR | --token-env VAR] [--ca-file F] [--dry-run]\n"
  "      Fetch what changed on the remote, send the decisions made here.\n"
  "  publish-index\n"
  "      Write index.json, the listing a static web host serves for sync.\n"
  "  restore [--list | BACKUP-ID]\n"
  "      List the backups sync made of the files it replaced, or put one back.\n"
  "\n"
  "The store is --store DIR, else $QUORUM_STORE, else $XDG_DATA_HOME/quorum/store where it\n"
  "exists, else the bundled sample store.\n"
  "Exit status: 0 success, 1 the store or the input has errors, 2 a usage error.\n");

static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr (_("quorum-cli: %s\nTry “quorum-cli --help”.\n"), message);
  return EXIT_USAGE;
}

static GOptionContext *
new_context (const char   *parameters,
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
static gboolean
parse_options (GOptionContext *context,
               int            *argc,
               char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      usage_error ("%s", error->message);
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
        usage_error (_("unknown option “%s”"), (*argv)[i]);
        return FALSE;
      }
  return TRUE;
}

static QuorumStore *
open_store (GError **error)
{
  g_autofree char *path = globals.store ? g_strdup (globals.store)
                                        : quorum_store_dup_default_path ();
  g_autoptr(QuorumStore) store = quorum_store_new (path);

  if (!quorum_store_load (store, NULL, error))
    return NULL;
  return g_steal_pointer (&store);
}

static void
print_problem (QuorumProblem *problem)
{
  g_autofree char *text = quorum_problem_to_string (problem);

  g_printerr ("%s\n", text);
}

static guint
print_problems (QuorumStore *store,
                const char  *only_file_basename)
{
  GListModel *problems = quorum_store_get_problems (store);
  guint n = g_list_model_get_n_items (problems);
  guint printed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);

      if (only_file_basename != NULL)
        {
          g_autofree char *base = g_path_get_basename (quorum_problem_get_file (problem));

          if (!g_str_equal (base, only_file_basename))
            continue;
        }
      print_problem (problem);
      printed++;
    }
  return printed;
}

static void
add_problem_json (JsonArray     *errors,
                  QuorumProblem *problem)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "file", quorum_problem_get_file (problem));
  json_object_set_string_member (object, "path", quorum_problem_get_path (problem));
  if (quorum_problem_get_line (problem) > 0)
    {
      json_object_set_int_member (object, "line", quorum_problem_get_line (problem));
      json_object_set_int_member (object, "column", quorum_problem_get_column (problem));
    }
  else
    {
      json_object_set_null_member (object, "line");
      json_object_set_null_member (object, "column");
    }
  json_object_set_string_member (object, "message", quorum_problem_get_message (problem));
  json_array_add_object_element (errors, object);
}

static void
set_amount_member (JsonObject *object,
                   const char *member,
                   gint64      amount)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  g_autofree char *text = quorum_amount_format (amount);

  json_node_set_string (node, text);
  json_object_set_member (object, member, node);
}

static void
add_finding_json (JsonArray     *findings,
                  QuorumFinding *finding)
{
  JsonObject *object = json_object_new ();
  QuorumSeverity severity = quorum_finding_get_severity (finding);

  json_object_set_string_member (object, "severity", quorum_severity_to_string (severity));
  json_object_set_string_member (object, "document", quorum_finding_get_document_id (finding));
  json_object_set_string_member (object, "table", quorum_finding_get_table_id (finding));
  json_object_set_string_member (object, "row", quorum_finding_get_row_id (finding));
  json_object_set_string_member (object, "column", quorum_finding_get_column_id (finding));
  set_amount_member (object, "stated", quorum_finding_get_stated (finding));
  set_amount_member (object, "computed", quorum_finding_get_computed (finding));
  set_amount_member (object, "difference", quorum_finding_get_difference (finding));
  json_object_set_string_member (object, "rule",
                                 quorum_rule_to_string (quorum_finding_get_rule (finding)));
  if (quorum_finding_get_label (finding) != NULL)
    json_object_set_string_member (object, "label", quorum_finding_get_label (finding));
  json_array_add_object_element (findings, object);
}

static void
print_json (JsonNode *node)
{
  g_autofree char *text = quorum_json_node_to_string (node);

  fputs (text, stdout);
}

static int
command_check (int    argc,
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
  g_autoptr(GOptionContext) context = new_context (_("[DOCUMENT-ID…] - list the findings"),
                                                   entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 tolerance = QUORUM_DEFAULT_TOLERANCE;
  gboolean json = FALSE;
  gboolean failed = FALSE;
  GListModel *all;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return usage_error (_("--format is text or json, not “%s”"), format);
  json = g_strcmp0 (format, "json") == 0;

  if (tolerance_text != NULL)
    {
      g_autoptr(GError) amount_error = NULL;

      if (!quorum_amount_parse (tolerance_text, &tolerance, &amount_error))
        return usage_error (_("--tolerance: %s"), amount_error->message);
      if (tolerance < 0)
        return usage_error (_("--tolerance cannot be negative"));
    }

  if ((store = open_store (&error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_ERRORS;
    }

  failed = print_problems (store, NULL) > 0;

  all = quorum_store_get_documents (store);
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      {
        QuorumBudgetDocument *document = quorum_store_find_document (store, argv[i]);

        if (document == NULL)
          {
            g_printerr (_("%s: no valid budget document “%s” in this store\n"),
                        quorum_store_get_path (store), argv[i]);
            failed = TRUE;
            continue;
          }
        g_ptr_array_add (documents, g_object_ref (document));
      }
  else
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      g_ptr_array_add (documents, g_list_model_get_item (all, i));

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();
      JsonArray *errors = json_array_new ();
      JsonArray *findings = json_array_new ();
      GListModel *problems = quorum_store_get_problems (store);

      for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
        {
          g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);

          add_problem_json (errors, problem);
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

              add_finding_json (findings, finding);
            }
        }

      json_object_set_array_member (object, "errors", errors);
      json_object_set_array_member (object, "findings", findings);
      json_node_take_object (root, object);
      print_json (root);
    }
  else
    for (guint d = 0; d < documents->len; d++)
      {
        QuorumBudgetDocument *document = g_ptr_array_index (documents, d);
        GListModel *list;

        quorum_budget_document_set_tolerance (document, tolerance);
        list = quorum_budget_document_get_findings (document);
        for (guint i = 0; i < g_list_model_get_n_items (list); i++)
          {
            g_autoptr(QuorumFinding) finding = g_list_model_get_item (list, i);
            g_autofree char *stated = quorum_amount_format (quorum_finding_get_stated (finding));
            g_autofree char *computed =
              quorum_amount_format (quorum_finding_get_computed (finding));
            g_autofree char *difference =
              quorum_amount_format (quorum_finding_get_difference (finding));

            g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
                     quorum_severity_to_string (quorum_finding_get_severity (finding)),
                     quorum_finding_get_document_id (finding),
                     quorum_finding_get_table_id (finding),
                     quorum_finding_get_row_id (finding),
                     quorum_finding_get_column_id (finding),
                     stated, computed, difference);
          }
      }

  return failed ? EXIT_ERRORS : EXIT_OK;
}

static int
command_export (int    argc,
                char **argv)
{
  g_autofree char *table_id = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_id, N_("Export only this table"), "TABLE-ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: csv or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = new_context (_("DOCUMENT-ID - export a document's tables"),
                                                   entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  QuorumBudgetDocument *document;
  gboolean json;
  GListModel *list;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    return usage_error ("%s", argc < 2 ? _("export needs a DOCUMENT-ID")
                                       : _("export takes one DOCUMENT-ID"));
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return usage_error (_("--format is csv or json, not “%s”"), format);
  json = g_strcmp0 (format, "json") == 0;

  if ((store = open_store (&error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_ERRORS;
    }

  document = quorum_store_find_document (store, argv[1]);
  if (document == NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s.json", argv[1]);

      /* If the document's file failed to load, say why. */
      if (print_problems (store, file) == 0)
        g_printerr (_("%s: no budget document “%s” in this store\n"),
                    quorum_store_get_path (store), argv[1]);
      return EXIT_ERRORS;
    }

  list = quorum_budget_document_get_tables (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(QuorumTable) table = g_list_model_get_item (list, i);

      if (table_id == NULL || g_str_equal (quorum_table_get_id (table), table_id))
        g_ptr_array_add (tables, g_steal_pointer (&table));
    }
  if (table_id != NULL && tables->len == 0)
    {
      g_printerr (_("%s: no table “%s” in document “%s”\n"),
                  quorum_budget_document_get_file (document), table_id, argv[1]);
      return EXIT_ERRORS;
    }

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();
      JsonArray *array = json_array_new ();

      json_object_set_string_member (object, "document", argv[1]);
      for (guint i = 0; i < tables->len; i++)
        json_array_add_element (array, quorum_export_table_json (g_ptr_array_index (tables, i)));
      json_object_set_array_member (object, "tables", array);
      json_node_take_object (root, object);
      print_json (root);
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

  return EXIT_OK;
}

static int
compare_packages (gconstpointer a,
                  gconstpointer b)
{
  QuorumWorkPackage *pa = *(QuorumWorkPackage **) a;
  QuorumWorkPackage *pb = *(QuorumWorkPackage **) b;
  int order = g_strcmp0 (quorum_work_package_get_quarter (pa),
                         quorum_work_package_get_quarter (pb));

  if (order == 0)
    order = g_strcmp0 (quorum_work_package_get_committee (pa),
                       quorum_work_package_get_committee (pb));
  if (order == 0)
    order = g_strcmp0 (quorum_work_package_get_id (pa), quorum_work_package_get_id (pb));
  return order;
}

static char *
dup_percent (gint64 hundredths)
{
  return quorum_amount_format (hundredths);
}

static const char *
seal_state_to_string (QuorumSealState state)
{
  switch (state)
    {
    case QUORUM_SEAL_VALID: return "valid";
    case QUORUM_SEAL_BROKEN: return "broken";
    case QUORUM_SEAL_NONE:
    default: return "none";
    }
}

static void
set_string_or_null (JsonObject *object,
                    const char *member,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static JsonObject *
decision_json (QuorumDecision *decision)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", quorum_decision_get_id (decision));
  json_object_set_string_member (object, "decision", quorum_decision_get_decision (decision));
  json_object_set_string_member (object, "by", quorum_decision_get_by (decision));
  set_string_or_null (object, "role", quorum_decision_get_role (decision));
  json_object_set_string_member (object, "at", quorum_decision_get_at (decision));
  set_string_or_null (object, "comment", quorum_decision_get_comment (decision));
  json_object_set_string_member (object, "seal",
                                 seal_state_to_string (quorum_decision_get_seal_state (decision)));
  json_object_set_boolean_member (object, "pending_sync",
                                  quorum_decision_get_pending_sync (decision));
  json_object_set_string_member (object, "file", quorum_decision_get_file (decision));
  return object;
}

static JsonObject *
package_json (QuorumWorkPackage *package)
{
  JsonObject *object = json_object_new ();
  JsonArray *decisions = json_array_new ();
  GListModel *model = quorum_work_package_get_decisions (package);
  const char *document, *table, *row, *column, *line_column, *label;
  gint64 actual, variance, percent, provision;

  json_object_set_string_member (object, "id", quorum_work_package_get_id (package));
  json_object_set_string_member (object, "quarter", quorum_work_package_get_quarter (package));
  json_object_set_string_member (object, "kind", quorum_work_package_get_kind (package));
  json_object_set_string_member (object, "title", quorum_work_package_get_title (package));
  set_string_or_null (object, "committee", quorum_work_package_get_committee (package));
  set_string_or_null (object, "service_area", quorum_work_package_get_service_area (package));
  json_object_set_string_member (object, "status", quorum_work_package_get_status (package));
  json_object_set_string_member (object, "outcome",
                                 quorum_outcome_to_string (
                                   quorum_work_package_get_outcome (package)));
  set_amount_member (object, "estimate", quorum_work_package_get_estimate (package));
  if (quorum_work_package_get_actual (package, &actual))
    set_amount_member (object, "actual", actual);
  else
    json_object_set_null_member (object, "actual");
  if (quorum_work_package_get_variance (package, &variance, &percent))
    {
      g_autofree char *percent_text = dup_percent (percent);

      set_amount_member (object, "variance", variance);
      json_object_set_string_member (object, "variance_percent", percent_text);
    }
  else
    {
      json_object_set_null_member (object, "variance");
      json_object_set_null_member (object, "variance_percent");
    }

  if (quorum_work_package_get_budget_ref (package, &document, &table, &row, &column))
    {
      JsonObject *ref = json_object_new ();

      json_object_set_string_member (ref, "document", document);
      json_object_set_string_member (ref, "table", table);
      json_object_set_string_member (ref, "row", row);
      if (quorum_work_package_get_budget_line (package, &line_column, &label, &provision))
        {
          json_object_set_string_member (ref, "column", line_column);
          json_object_set_string_member (ref, "label", label);
          set_amount_member (ref, "provision", provision);
        }
      else
        {
          set_string_or_null (ref, "column", column);
          json_object_set_null_member (ref, "provision");
        }
      set_string_or_null (ref, "problem", quorum_work_package_get_budget_problem (package));
      json_object_set_object_member (object, "budget_ref", ref);
    }
  else
    json_object_set_null_member (object, "budget_ref");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QuorumDecision) decision = g_list_model_get_item (model, i);

      json_array_add_object_element (decisions, decision_json (decision));
    }
  json_object_set_array_member (object, "decisions", decisions);
  return object;
}

/* One field of tab-separated output: tabs and line breaks become spaces. */
static char *
dup_field (const char *text)
{
  char *field = g_strdup (text != NULL ? text : "-");

  g_strdelimit (field, "\t\r\n", ' ');
  return field;
}

static void
print_package_text (QuorumWorkPackage *package)
{
  g_autofree char *title = dup_field (quorum_work_package_get_title (package));
  g_autofree char *estimate = quorum_amount_format (quorum_work_package_get_estimate (package));
  g_autofree char *actual = NULL;
  g_autofree char *variance = NULL;
  gint64 amount, percent;
  QuorumDecision *latest = quorum_work_package_get_latest (package);
  const char *committee = quorum_work_package_get_committee (package);

  if (quorum_work_package_get_actual (package, &amount))
    actual = quorum_amount_format (amount);
  if (quorum_work_package_get_variance (package, &amount, &percent))
    variance = quorum_amount_format (amount);

  g_print ("%s\t%s\t%s\t%s\t%s\t%s%s\t%s\t%s\t%s\t%s\n",
           quorum_work_package_get_id (package),
           quorum_work_package_get_quarter (package),
           committee != NULL ? committee : "-",
           quorum_work_package_get_kind (package),
           quorum_work_package_get_status (package),
           quorum_outcome_to_string (quorum_work_package_get_outcome (package)),
           latest != NULL && quorum_decision_get_pending_sync (latest) ? "*" : "",
           estimate,
           actual != NULL ? actual : "-",
           variance != NULL ? variance : "-",
           title);
}

static int
command_work_packages (int    argc,
                       char **argv)
{
  g_autofree char *quarter = NULL;
  g_autofree char *outcome_text = NULL;
  g_autofree char *committee = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter,
      N_("Only packages of this quarter, like “2020/21 Q1”"), "QUARTER" },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome_text,
      N_("Only packages with this outcome: awaiting, approved, rejected or deferred"),
      "OUTCOME" },
    { "committee", 0, 0, G_OPTION_ARG_STRING, &committee,
      N_("Only packages of this committee id"), "COMMITTEE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    new_context (_("- list the work packages and their outcomes"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func (g_object_unref);
  QuorumOutcome outcome = QUORUM_OUTCOME_AWAITING;
  gboolean json = FALSE;
  GListModel *all;
  guint n_problems;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (_("work-packages takes no arguments, only options; “%s” is extra"),
                        argv[1]);
  if (format != NULL && !(json = g_str_equal (format, "json")) && !g_str_equal (format, "text"))
    return usage_error (_("--format is text or json, not “%s”"), format);
  if (quarter != NULL && !quorum_quarter_is_valid (quarter))
    return usage_error (_("--quarter: “%s” is not a quarter written like “2020/21 Q1”"),
                        quarter);
  if (outcome_text != NULL && !quorum_outcome_from_string (outcome_text, &outcome))
    return usage_error (_("--outcome is awaiting, approved, rejected or deferred, not “%s”"),
                        outcome_text);

  if ((store = open_store (&error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_ERRORS;
    }
  if (committee != NULL && quorum_store_find_committee (store, committee) == NULL)
    {
      g_printerr (_("%s: there is no committee “%s” in the register\n"),
                  quorum_store_get_path (store), committee);
      return EXIT_ERRORS;
    }

  all = quorum_store_get_work_packages (store);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(QuorumWorkPackage) package = g_list_model_get_item (all, i);

      if (quarter != NULL && !g_str_equal (quarter, quorum_work_package_get_quarter (package)))
        continue;
      if (outcome_text != NULL && quorum_work_package_get_outcome (package) != outcome)
        continue;
      if (committee != NULL &&
          g_strcmp0 (committee, quorum_work_package_get_committee (package)) != 0)
        continue;
      g_ptr_array_add (packages, g_steal_pointer (&package));
    }
  g_ptr_array_sort (packages, compare_packages);

  n_problems = print_problems (store, NULL);
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();
      JsonArray *errors = json_array_new ();
      JsonArray *list = json_array_new ();
      GListModel *problems = quorum_store_get_problems (store);

      for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
        {
          g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);

          add_problem_json (errors, problem);
        }
      for (guint i = 0; i < packages->len; i++)
        json_array_add_object_element (list, package_json (g_ptr_array_index (packages, i)));
      json_object_set_array_member (object, "errors", errors);
      json_object_set_array_member (object, "work_packages", list);
      json_node_take_object (root, object);
      print_json (root);
    }
  else
    for (guint i = 0; i < packages->len; i++)
      print_package_text (g_ptr_array_index (packages, i));

  return n_problems > 0 ? EXIT_ERRORS : EXIT_OK;
}

static int
command_decide (int    argc,
                char **argv)
{
  g_autofree char *by = NULL;
  g_autofree char *role = NULL;
  g_autofree char *comment = NULL;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who decides (required)"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Their role, e.g. “SECCo Board”"), "ROLE" },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("Why"), "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    new_context (_("WORK-PACKAGE-ID approve|reject|defer - record a Board decision"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumDecision) decision = NULL;
  QuorumWorkPackage *package;
  const char *verb;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 3)
    return usage_error (argc < 3 ? _("decide needs a WORK-PACKAGE-ID and approve, reject or "
                                     "defer")
                                 : _("decide takes two arguments; “%s” is extra"),
                        argc > 3 ? argv[3] : "");
  verb = argv[2];
  if (!g_str_equal (verb, "approve") && !g_str_equal (verb, "reject") &&
      !g_str_equal (verb, "defer"))
    return usage_error (_("the decision is approve, reject or defer, not “%s”"), verb);
  if (by == NULL || g_strstrip (by)[0] == '\0')
    return usage_error (_("decide needs --by NAME: who decides"));
  if (!g_utf8_validate (by, -1, NULL) || (role && !g_utf8_validate (role, -1, NULL)) ||
      (comment && !g_utf8_validate (comment, -1, NULL)))
    return usage_error (_("--by, --role and --comment must be UTF-8 text"));

  if ((store = open_store (&error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_ERRORS;
    }
  decision = quorum_store_decide (store, argv[1], verb, by, role, comment, NULL, &error);
  if (decision == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_ERRORS;
    }

  package = quorum_store_find_work_package (store, argv[1]);
  g_print (_("Recorded %s on %s by %s at %s\n"), verb, argv[1],
           quorum_decision_get_by (decision), quorum_decision_get_at (decision));
  g_print (_("File: %s\n"), quorum_decision_get_file (decision));
  g_print (_("Outcome: %s (awaiting sync)\n"),
           quorum_outcome_to_string (quorum_work_package_get_outcome (package)));
  return EXIT_OK;
}

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
    g_printerr (_("quorum-cli: warning: %s can be read by other users; "
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

static int
command_sync (int    argc,
              char **argv)
{
  g_autofree char *remote = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *token_file = NULL;
  g_autofree char *password_env = NULL;
  g_autofree char *token_env = NULL;
  g_autofree char *ca_file = NULL;
  g_autofree char *secret = NULL;
  gboolean dry_run = FALSE;
  int timeout = 0;
  GOptionEntry entries[] = {
    { "remote", 0, 0, G_OPTION_ARG_STRING, &remote,
      N_("The remote store's URL (https://, or http:// to this computer only)"), "URL" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("User name for HTTP Basic"), "NAME" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password (or app password) from this file's first line"), "FILE" },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &token_file,
      N_("Read a bearer token from this file's first line"), "FILE" },
    { "password-env", 0, 0, G_OPTION_ARG_STRING, &password_env,
      N_("Read the password from this environment variable"), "VAR" },
    { "token-env", 0, 0, G_OPTION_ARG_STRING, &token_env,
      N_("Read a bearer token from this environment variable"), "VAR" },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Trust the CA certificates in this PEM file instead of the system's"), "FILE" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only say what would be fetched and sent"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Seconds to wait for the server (default 30)"), "SECONDS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    new_context (_("- sync the store with a remote server"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumSync) sync = NULL;
  g_autofree char *path = NULL;
  GListModel *items;
  guint counts[QUORUM_SYNC_WOULD_SEND + 1] = { 0 };
  guint n_secrets;
  gboolean ok;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (_("sync takes no arguments, only options; “%s” is extra"), argv[1]);
  if (remote == NULL)
    return usage_error (_("sync needs --remote URL"));
  n_secrets = (password_file != NULL) + (token_file != NULL) + (password_env != NULL) +
              (token_env != NULL);
  if (n_secrets > 1)
    return usage_error (_("give one of --password-file, --token-file, --password-env and "
                          "--token-env"));
  if ((password_file != NULL || password_env != NULL) && user == NULL)
    return usage_error (_("a password needs --user NAME"));
  if (timeout < 0 || timeout > 3600)
    return usage_error (_("--timeout is 1 to 3600 seconds"));

  path = globals.store ? g_strdup (globals.store) : quorum_store_dup_default_path ();
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("%s: the store folder does not exist or is not a folder\n"), path);
      return EXIT_ERRORS;
    }
  if ((sync = quorum_sync_new (path, remote, &error)) == NULL)
    return usage_error ("%s", error->message);
  if (n_secrets == 1)
    {
      gboolean token = token_file != NULL || token_env != NULL;

      secret = read_secret (token ? token_file : password_file, token ? token_env
                                                                      : password_env,
                            token ? _("token") : _("password"), &error);
      if (secret == NULL)
        {
          g_printerr ("quorum-cli: %s\n", error->message);
          return EXIT_ERRORS;
        }
      if (token)
        quorum_sync_set_bearer_token (sync, secret);
      else
        quorum_sync_set_basic_auth (sync, user, secret);
      memset (secret, 0, strlen (secret));
    }
  if (ca_file != NULL && !quorum_sync_set_ca_file (sync, ca_file, &error))
    {
      g_printerr ("quorum-cli: %s\n", error->message);
      return EXIT_ERRORS;
    }
  quorum_sync_set_dry_run (sync, dry_run);
  if (timeout > 0)
    quorum_sync_set_timeouts (sync, (guint) timeout, (guint) timeout);

  ok = quorum_sync_run (sync, NULL, &error);

  items = quorum_sync_get_items (sync);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);
      QuorumSyncAction action = quorum_sync_item_get_action (item);
      const char *message = quorum_sync_item_get_message (item);

      counts[action]++;
      if (action == QUORUM_SYNC_UNCHANGED)
        continue;
      g_print ("%s\t%s%s%s\n", quorum_sync_action_to_string (action),
               quorum_sync_item_get_path (item), message != NULL ? "\t" : "",
               message != NULL ? message : "");
    }
  g_print (_("%u fetched, %u unchanged, %u sent, %u refused, %u conflicts, %u failed, "
             "%u removed remotely; %u requests, %" G_GUINT64_FORMAT " bytes received, "
             "%" G_GUINT64_FORMAT " sent (listing: %s)%s\n"),
           counts[QUORUM_SYNC_FETCHED] + counts[QUORUM_SYNC_WOULD_FETCH],
           counts[QUORUM_SYNC_UNCHANGED],
           counts[QUORUM_SYNC_SENT] + counts[QUORUM_SYNC_ALREADY_SENT] +
             counts[QUORUM_SYNC_WOULD_SEND],
           counts[QUORUM_SYNC_REFUSED], counts[QUORUM_SYNC_CONFLICT],
           counts[QUORUM_SYNC_FAILED], counts[QUORUM_SYNC_REMOVED_REMOTELY],
           quorum_sync_get_n_requests (sync), quorum_sync_get_bytes_received (sync),
           quorum_sync_get_bytes_sent (sync),
           quorum_sync_get_listing (sync) != NULL ? quorum_sync_get_listing (sync) : "-",
           dry_run ? _(" — dry run, nothing changed") : "");
  if (!ok)
    {
      g_printerr ("quorum-cli: %s\n", error->message);
      return EXIT_ERRORS;
    }
  return EXIT_OK;
}

static int
command_publish_index (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context =
    new_context (_("- write index.json for a static web host"), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *index = NULL;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (_("publish-index takes no arguments; “%s” is extra"), argv[1]);

  path = globals.store ? g_strdup (globals.store) : quorum_store_dup_default_path ();
  if (!quorum_sync_write_index (path, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_ERRORS;
    }
  index = g_build_filename (path, "index.json", NULL);
  g_print ("%s\n", index);
  return EXIT_OK;
}

static int
command_restore (int    argc,
                 char **argv)
{
  gboolean list = FALSE;
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the backups, newest first"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    new_context (_("[BACKUP-ID] - put back the files of a backup"), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) restored = NULL;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if ((list && argc != 1) || (!list && argc != 2))
    return usage_error (_("restore takes --list or one BACKUP-ID"));

  path = globals.store ? g_strdup (globals.store) : quorum_store_dup_default_path ();
  if (list)
    {
      g_autoptr(GListModel) backups = quorum_backup_list (path, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
        {
          g_autoptr(QuorumBackup) backup = g_list_model_get_item (backups, i);
          const char * const *files = quorum_backup_get_files (backup);

          g_print ("%s\t%s\t%u\t%s\n", quorum_backup_get_id (backup),
                   quorum_backup_get_created (backup), g_strv_length ((GStrv) files),
                   quorum_backup_get_reason (backup) != NULL
                     ? quorum_backup_get_reason (backup) : "");
        }
      return EXIT_OK;
    }

  if (!quorum_backup_restore (path, argv[1], QUORUM_DEFAULT_BACKUPS_KEPT, &restored, NULL,
                              &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_ERRORS;
    }
  for (guint i = 0; restored[i] != NULL; i++)
    g_print (_("restored\t%s\n"), restored[i]);
  return EXIT_OK;
}

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "check", command_check },
  { "export", command_export },
  { "work-packages", command_work_packages },
  { "decide", command_decide },
  { "sync", command_sync },
  { "publish-index", command_publish_index },
  { "restore", command_restore },
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
        return usage_error (_("unknown option “%s”"), argv[first]);
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
    status = usage_error (_("unknown command “%s”"), argv[first]);

  g_free (globals.store);
  return status;
}
