/* quorum-cli-meetings.c: quorum-cli meetings, actions and calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-cli-private.h"

#include <stdio.h>
#include <string.h>

/* YYYY-MM-DD, a real day. */
static gboolean
date_is_valid (const char *text)
{
  unsigned int year, month, day;
  char end;

  return strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
         sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
         g_date_valid_dmy (day, month, year);
}

static gboolean
check_date_option (const char *option,
                   const char *value,
                   int        *status)
{
  if (value == NULL || date_is_valid (value))
    return TRUE;
  *status = cli_usage_error (_("%s: “%s” is not a date written like 2017-01-31"), option, value);
  return FALSE;
}

/* The store's meetings of COMMITTEE (or all) from FROM to TO (inclusive,
 * either may be NULL), by date. */
static GListStore *
select_meetings (QuorumStore *store,
                 const char  *committee,
                 const char  *from,
                 const char  *to)
{
  GListModel *all = quorum_store_get_meetings (store);
  GListStore *selected = g_list_store_new (QUORUM_TYPE_MEETING);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (all, i);
      const char *date = quorum_meeting_get_date (meeting);

      if ((committee == NULL || g_str_equal (committee, quorum_meeting_get_committee (meeting))) &&
          (from == NULL || g_strcmp0 (date, from) >= 0) &&
          (to == NULL || g_strcmp0 (date, to) <= 0))
        g_list_store_append (selected, meeting);
    }
  return selected;
}

static const char *
or_dash (const char *text)
{
  return text != NULL ? text : "-";
}

static void
print_meetings (QuorumStore *store,
                GListModel  *meetings,
                gboolean     json)
{
  g_autoptr(JsonBuilder) builder = NULL;
  guint n = g_list_model_get_n_items (meetings);

  if (json)
    builder = cli_json_new_list (store, "meetings");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumMeeting) m = g_list_model_get_item (meetings, i);

      if (!json)
        {
          cli_print_row (quorum_meeting_get_date (m), or_dash (quorum_meeting_get_start (m)),
                         quorum_meeting_get_committee (m), quorum_meeting_get_id (m),
                         quorum_meeting_get_status (m), quorum_meeting_get_minutes (m),
                         quorum_meeting_get_title (m), NULL);
          continue;
        }
      json_builder_begin_object (builder);
      cli_json_string (builder, "id", quorum_meeting_get_id (m));
      cli_json_string (builder, "committee", quorum_meeting_get_committee (m));
      cli_json_string (builder, "date", quorum_meeting_get_date (m));
      cli_json_string (builder, "start", quorum_meeting_get_start (m));
      cli_json_string (builder, "end", quorum_meeting_get_end (m));
      cli_json_string (builder, "status", quorum_meeting_get_status (m));
      cli_json_string (builder, "minutes", quorum_meeting_get_minutes (m));
      cli_json_string (builder, "title", quorum_meeting_get_title (m));
      cli_json_int (builder, "items", g_list_model_get_n_items (quorum_meeting_get_items (m)));
      cli_json_int (builder, "actions",
                    g_list_model_get_n_items (quorum_meeting_get_actions (m)));
      json_builder_end_object (builder);
    }
  if (json)
    cli_json_print_list (builder);
}

int
cli_command_meetings (int    argc,
                      char **argv)
{
  g_autofree char *committee = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "committee", 0, 0, G_OPTION_ARG_STRING, &committee,
      N_("Only meetings of this committee id"), "ID" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only meetings on or after this date"),
      "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only meetings on or before this date"), "DATE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = cli_new_context (_("- list the meetings by date"),
                                                       entries);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GListStore) meetings = NULL;
  gboolean json = FALSE;
  int status = EXIT_USAGE;
  guint n_problems;

  if (!cli_parse_options_only (context, "meetings", &argc, &argv))
    return EXIT_USAGE;
  if (!cli_check_format (format, &json, &status) ||
      !check_date_option ("--from", from, &status) || !check_date_option ("--to", to, &status))
    return status;
  if ((store = cli_open_store_for (committee)) == NULL)
    return EXIT_ERRORS;

  meetings = select_meetings (store, committee, from, to);
  n_problems = cli_print_problems (store, NULL);
  print_meetings (store, G_LIST_MODEL (meetings), json);
  return n_problems > 0 ? EXIT_ERRORS : EXIT_OK;
}

typedef struct
{
  gboolean open;
  gboolean overdue;
  char *owner;
  char *committee;
} ActionFilter;

static gboolean
action_wanted (QuorumAction       *action,
               const ActionFilter *filter)
{
  if (filter->open && !quorum_action_get_open (action))
    return FALSE;
  if (filter->overdue && !quorum_action_get_overdue (action))
    return FALSE;
  if (filter->owner != NULL && g_strcmp0 (filter->owner, quorum_action_get_owner (action)) != 0)
    return FALSE;
  return filter->committee == NULL ||
         g_strcmp0 (filter->committee, quorum_action_get_committee (action)) == 0;
}

static void
print_actions (QuorumStore        *store,
               const ActionFilter *filter,
               gboolean            json)
{
  GListModel *log = G_LIST_MODEL (quorum_store_get_action_log (store));
  g_autoptr(JsonBuilder) builder = NULL;

  if (json)
    builder = cli_json_new_list (store, "actions");
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(QuorumAction) action = g_list_model_get_item (log, i);

      if (!action_wanted (action, filter))
        continue;
      if (json)
        cli_json_node (builder, NULL, quorum_export_action_json (action));
      else
        cli_print_row (quorum_action_get_ref (action), quorum_action_get_status (action),
                       or_dash (quorum_action_get_due (action)),
                       or_dash (quorum_action_get_owner (action)),
                       or_dash (quorum_action_get_meeting (action)),
                       or_dash (quorum_action_get_text (action)), NULL);
    }
  if (json)
    cli_json_print_list (builder);
}

int
cli_command_actions (int    argc,
                     char **argv)
{
  ActionFilter filter = { 0 };
  g_autofree char *owner = NULL;
  g_autofree char *committee = NULL;
  g_autofree char *today = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &filter.open, N_("Only open actions"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &filter.overdue,
      N_("Only overdue actions: open, and due before today"), NULL },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Only actions of this owner"), "TEXT" },
    { "committee", 0, 0, G_OPTION_ARG_STRING, &committee,
      N_("Only actions of this committee id"), "ID" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("The day against which actions are overdue (default: the local date)"), "DATE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    cli_new_context (_("- list every action raised at meetings, with its current status"),
                     entries);
  g_autoptr(QuorumStore) store = NULL;
  gboolean json = FALSE;
  int status = EXIT_USAGE;
  guint n_problems;

  if (!cli_parse_options_only (context, "actions", &argc, &argv))
    return EXIT_USAGE;
  if (!cli_check_format (format, &json, &status) ||
      !check_date_option ("--today", today, &status))
    return status;
  if ((store = cli_open_store_for (committee)) == NULL)
    return EXIT_ERRORS;

  quorum_action_log_set_today (quorum_store_get_action_log (store), today);
  filter.owner = owner;
  filter.committee = committee;
  n_problems = cli_print_problems (store, NULL);
  print_actions (store, &filter, json);
  return n_problems > 0 ? EXIT_ERRORS : EXIT_OK;
}

/* The host of a --remote URL, for the events' UIDs. */
static char *
remote_host (const char  *remote,
             int         *status)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;

  if (remote == NULL)
    return g_strdup (QUORUM_CALENDAR_DEFAULT_HOST);
  uri = g_uri_parse (remote, G_URI_FLAGS_NONE, &error);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    {
      *status = cli_usage_error (_("--remote: “%s” is not a URL"), remote);
      return NULL;
    }
  return g_strdup (g_uri_get_host (uri));
}

int
cli_command_calendar (int    argc,
                      char **argv)
{
  g_autofree char *committee = NULL;
  g_autofree char *from = NULL;
  g_autofree char *remote = NULL;
  GOptionEntry entries[] = {
    { "committee", 0, 0, G_OPTION_ARG_STRING, &committee,
      N_("Only meetings of this committee id"), "ID" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only meetings on or after this date"),
      "DATE" },
    { "remote", 0, 0, G_OPTION_ARG_STRING, &remote,
      N_("The store's remote URL, whose host makes the events' UIDs (default quorum.local)"),
      "URL" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    cli_new_context (_("- write the meetings as iCalendar (RFC 5545) to standard output"),
                     entries);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GListStore) meetings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *host = NULL;
  g_autofree char *text = NULL;
  int status = EXIT_USAGE;
  guint n_problems, left_out = 0;

  if (!cli_parse_options_only (context, "calendar", &argc, &argv))
    return EXIT_USAGE;
  if (!check_date_option ("--from", from, &status) ||
      (host = remote_host (remote, &status)) == NULL)
    return status;
  if ((store = cli_open_store_for (committee)) == NULL)
    return EXIT_ERRORS;

  meetings = select_meetings (store, committee, from, NULL);
  n_problems = cli_print_problems (store, NULL);
  text = quorum_calendar_export (G_LIST_MODEL (meetings), quorum_store_get_committees (store),
                                 host, &left_out, &error);
  if (text == NULL)
    {
      cli_print_error ("%s\n", error->message);
      return EXIT_ERRORS;
    }
  fputs (text, stdout);
  if (left_out > 0)
    cli_print_error (g_dngettext (GETTEXT_PACKAGE,
                                  "%u meeting classified red was left out\n",
                                  "%u meetings classified red were left out\n", left_out),
                     left_out);
  return n_problems > 0 ? EXIT_ERRORS : EXIT_OK;
}
