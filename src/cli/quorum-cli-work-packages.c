/* quorum-cli-work-packages.c: quorum-cli work-packages, the packages and
 * the Board's outcomes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-cli-private.h"

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

static void
print_package_text (QuorumWorkPackage *package)
{
  g_autofree char *estimate = quorum_amount_format (quorum_work_package_get_estimate (package));
  g_autofree char *actual = NULL;
  g_autofree char *variance = NULL;
  g_autofree char *outcome = NULL;
  gint64 amount, percent;
  QuorumDecision *latest = quorum_work_package_get_latest (package);
  const char *committee = quorum_work_package_get_committee (package);
  const char *title = quorum_work_package_get_title (package);

  if (quorum_work_package_get_actual (package, &amount))
    actual = quorum_amount_format (amount);
  if (quorum_work_package_get_variance (package, &amount, &percent))
    variance = quorum_amount_format (amount);
  outcome = g_strconcat (quorum_outcome_to_string (quorum_work_package_get_outcome (package)),
                         latest != NULL && quorum_decision_get_pending_sync (latest) ? "*" : "",
                         NULL);

  cli_print_row (quorum_work_package_get_id (package),
                 quorum_work_package_get_quarter (package),
                 committee != NULL ? committee : "-",
                 quorum_work_package_get_kind (package),
                 quorum_work_package_get_status (package),
                 outcome,
                 estimate,
                 actual != NULL ? actual : "-",
                 variance != NULL ? variance : "-",
                 title != NULL ? title : "-",
                 NULL);
}

static GPtrArray *
select_packages (QuorumStore   *store,
                 const char    *quarter,
                 const char    *outcome_text,
                 QuorumOutcome  outcome,
                 const char    *committee)
{
  GPtrArray *packages = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all = quorum_store_get_work_packages (store);

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
  return packages;
}

static void
print_packages (QuorumStore *store,
                GPtrArray   *packages,
                gboolean     json)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!json)
    {
      for (guint i = 0; i < packages->len; i++)
        print_package_text (g_ptr_array_index (packages, i));
      return;
    }

  builder = cli_json_new_list (store, "work_packages");
  for (guint i = 0; i < packages->len; i++)
    cli_json_node (builder, NULL,
                   quorum_export_work_package_json (g_ptr_array_index (packages, i)));
  cli_json_print_list (builder);
}

int
cli_command_work_packages (int    argc,
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
    cli_new_context (_("- list the work packages and their outcomes"), entries);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  QuorumOutcome outcome = QUORUM_OUTCOME_AWAITING;
  gboolean json = FALSE;
  int status = EXIT_USAGE;
  guint n_problems;

  if (!cli_parse_options_only (context, "work-packages", &argc, &argv))
    return EXIT_USAGE;
  if (!cli_check_format (format, &json, &status))
    return status;
  if (quarter != NULL && !quorum_quarter_is_valid (quarter))
    return cli_usage_error (_("--quarter: “%s” is not a quarter written like “2020/21 Q1”"),
                            quarter);
  if (outcome_text != NULL && !quorum_outcome_from_string (outcome_text, &outcome))
    return cli_usage_error (_("--outcome is awaiting, approved, rejected or deferred, not “%s”"),
                            outcome_text);

  if ((store = cli_open_store_for (committee)) == NULL)
    return EXIT_ERRORS;

  packages = select_packages (store, quarter, outcome_text, outcome, committee);
  n_problems = cli_print_problems (store, NULL);
  print_packages (store, packages, json);

  return n_problems > 0 ? EXIT_ERRORS : EXIT_OK;
}
