/* quorum-cli-decide.c: quorum-cli decide, a Board decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-cli-private.h"

/* Checks --by, --role and --comment before the store is opened: a name or
 * role with a control or bidi control character, or a comment with a
 * control character other than a line break or a tab, is a usage error. */
static gboolean
check_texts (char *by,
             char *role,
             char *comment)
{
  g_autoptr(GError) error = NULL;

  /* @by is trimmed already; the core trims all three too, so what is
   * checked is what is recorded. */
  if (role != NULL)
    g_strstrip (role);
  if (comment != NULL)
    g_strstrip (comment);
  if (!g_utf8_validate (by, -1, NULL) || (role && !g_utf8_validate (role, -1, NULL)) ||
      (comment && !g_utf8_validate (comment, -1, NULL)))
    {
      cli_usage_error (_("--by, --role and --comment must be UTF-8 text"));
      return FALSE;
    }
  if (!quorum_decision_validate_person (by, &error))
    {
      cli_usage_error (_("--by: %s"), error->message);
      return FALSE;
    }
  if (role != NULL && !quorum_decision_validate_person (role, &error))
    {
      cli_usage_error (_("--role: %s"), error->message);
      return FALSE;
    }
  if (comment != NULL && !quorum_decision_validate_comment (comment, &error))
    {
      cli_usage_error (_("--comment: %s"), error->message);
      return FALSE;
    }
  return TRUE;
}

int
cli_command_decide (int    argc,
                    char **argv)
{
  g_autofree char *by = NULL;
  g_autofree char *role = NULL;
  g_autofree char *comment = NULL;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Who decides (required; no control or bidi control characters)"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("Their role, e.g. “SECCo Board” (no control or bidi control characters)"), "ROLE" },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment,
      N_("Why (line breaks and tabs allowed, no other control characters)"), "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    cli_new_context (_("WORK-PACKAGE-ID approve|reject|defer - record a Board decision"),
                     entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumDecision) decision = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *file = NULL;
  QuorumWorkPackage *package;
  const char *verb;

  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 3)
    return cli_usage_error (argc < 3 ? _("decide needs a WORK-PACKAGE-ID and approve, reject "
                                         "or defer")
                                     : _("decide takes two arguments; “%s” is extra"),
                            argc > 3 ? argv[3] : "");
  verb = argv[2];
  if (!g_str_equal (verb, "approve") && !g_str_equal (verb, "reject") &&
      !g_str_equal (verb, "defer"))
    return cli_usage_error (_("the decision is approve, reject or defer, not “%s”"), verb);
  if (by == NULL || g_strstrip (by)[0] == '\0')
    return cli_usage_error (_("decide needs --by NAME: who decides"));
  if (!check_texts (by, role, comment))
    return EXIT_USAGE;

  if ((store = cli_open_store ()) == NULL)
    return EXIT_ERRORS;
  decision = quorum_store_decide (store, argv[1], verb, by, role, comment, NULL, &error);
  if (decision == NULL)
    {
      cli_print_error ("%s", error->message);
      return EXIT_ERRORS;
    }

  package = quorum_store_find_work_package (store, argv[1]);
  by_text = cli_escape (quorum_decision_get_by (decision));
  file = cli_escape (quorum_decision_get_file (decision));
  g_print (_("Recorded %s on %s by %s at %s\n"), verb, argv[1],
           by_text, quorum_decision_get_at (decision));
  g_print (_("File: %s\n"), file);
  g_print (_("Outcome: %s (awaiting sync)\n"),
           quorum_outcome_to_string (quorum_work_package_get_outcome (package)));
  return EXIT_OK;
}
