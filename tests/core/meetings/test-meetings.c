/* test-meetings.c: meetings, their strict loading, links and the action log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-meeting-links.h"
#include "quorum-meetings-private.h"
#include "quorum-test-util.h"

#include <json-glib/json-glib.h>

#include <string.h>

/* Helpers ------------------------------------------------------------------ */

/* A held Panel meeting with two items, one paper linked to a table and one
 * to a work package, one unlinked, two actions and an update. Each %s is
 * spliced in: extra header members, then extra actions. */
static const char meeting_template[] =
  "{'format': 'quorum.meeting/1', 'id': '%s', 'committee': 'sec-panel', 'number': 39,\n"
  " 'title': 'SEC Panel Meeting 39', 'date': '%s', 'start': '10:00', 'end': '13:00',\n"
  " 'status': 'held', 'minutes': 'final', %s\n"
  " 'attendance': [\n"
  "   {'name': 'Peter Davies', 'category': 'SEC Panel Chair', 'role': 'member',\n"
  "    'presence': 'present'},\n"
  "   {'name': 'Eric Graham', 'role': 'member', 'presence': 'apologies'}],\n"
  " 'items': [\n"
  "   {'number': '6', 'title': 'Draft SEC Panel Budget 2017-2020', 'presenter': 'SECAS',\n"
  "    'papers': [{'title': 'Draft budget'},\n"
  "               {'title': 'Table 2', 'ref': {'document': 'sec-budget-2020-23',\n"
  "                                            'table': 'overview', 'row': 'projects'}}],\n"
  "    'outcomes': [{'kind': 'noted', 'text': 'the contents of this paper'},\n"
  "                 {'kind': 'approved', 'text': 'that the Draft Budget is issued',\n"
  "                  'by': 'SEC Panel Chair'}]},\n"
  "   {'number': '6a', 'title': 'Work packages',\n"
  "    'papers': [{'title': 'OPSG', 'ref': {'work_package': '%s'}}]}],\n"
  " 'actions': [\n"
  "   {'ref': '%s', 'item': '6', 'owner': 'SECAS', 'text': 'issue the Draft Budget',\n"
  "    'due': '2017-01-31', 'status': 'open'}%s],\n"
  " 'action_updates': [\n"
  "   {'ref': 'SECP38/07', 'status': 'closed', 'text': 'can now be closed'}]}\n";

static char *
meeting_text (const char *id,
              const char *date,
              const char *header,
              const char *package,
              const char *action_ref,
              const char *more_actions)
{
  g_autofree char *text = g_strdup_printf (meeting_template, id, date, header, package,
                                           action_ref, more_actions);

  return quorum_test_dq (text);
}

static QuorumMeeting *
parse (const char *id,
       const char *text,
       GPtrArray  *problems)
{
  g_autofree char *file = g_strdup_printf ("store/meetings/%s.json", id);

  return quorum_meeting_new_from_data (file, text, strlen (text), problems);
}

/* Parses TEXT, which must fail, and checks the one problem's path and text. */
static void
assert_refused (const char *id,
                const char *text,
                const char *path,
                const char *message_part)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumMeeting) meeting = parse (id, text, problems);
  QuorumProblem *problem;

  g_assert_null (meeting);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_true (g_str_has_suffix (quorum_problem_get_file (problem), "/meetings/m.json"));
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, path);
  g_assert_cmpuint (quorum_problem_get_line (problem), >, 0);
  g_assert_cmpuint (quorum_problem_get_column (problem), >, 0);
  if (strstr (quorum_problem_get_message (problem), message_part) == NULL)
    g_error ("“%s” does not say “%s”", quorum_problem_get_message (problem), message_part);
}

/* TEXT with the first FROM replaced by TO, both written with single quotes. */
static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_autofree char *from_dq = quorum_test_dq (from);
  g_autofree char *to_dq = quorum_test_dq (to);
  const char *at = strstr (text, from_dq);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to_dq, at + strlen (from_dq));
}

static GPtrArray *
array_of (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static QuorumStore *
sample_store (void)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  QuorumStore *store = quorum_store_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* Links MEETINGS against the sample store. */
static void
link_with_sample (GPtrArray *meetings,
                  GPtrArray *problems)
{
  g_autoptr(QuorumStore) store = sample_store ();
  g_autoptr(GPtrArray) committees = array_of (quorum_store_get_committees (store));
  g_autoptr(GPtrArray) documents = array_of (quorum_store_get_documents (store));
  g_autoptr(GPtrArray) packages = array_of (quorum_store_get_work_packages (store));

  _quorum_meetings_link (meetings, committees, documents, packages, problems);
}

static const char *
first_package_id (void)
{
  static char *id;

  if (id == NULL)
    {
      g_autoptr(QuorumStore) store = sample_store ();
      g_autoptr(QuorumWorkPackage) package =
        g_list_model_get_item (quorum_store_get_work_packages (store), 0);

      id = g_strdup (quorum_work_package_get_id (package));
    }
  return id;
}

/* Loading ------------------------------------------------------------------- */

static void
test_load (void)
{
  g_autofree char *text = meeting_text ("m", "2016-12-09", "'venue': 'Gemserv',",
                                        first_package_id (), "SECP39/07", "");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumMeeting) meeting = parse ("m", text, problems);
  g_autoptr(QuorumAgendaItem) item = NULL;
  g_autoptr(QuorumItemOutcome) outcome = NULL;
  g_autoptr(QuorumAttendee) attendee = NULL;
  g_autoptr(QuorumAction) action = NULL;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (meeting);
  g_assert_cmpstr (quorum_meeting_get_id (meeting), ==, "m");
  g_assert_cmpstr (quorum_meeting_get_committee (meeting), ==, "sec-panel");
  g_assert_cmpint (quorum_meeting_get_number (meeting), ==, 39);
  g_assert_cmpstr (quorum_meeting_get_venue (meeting), ==, "Gemserv");
  g_assert_cmpstr (quorum_meeting_get_start (meeting), ==, "10:00");
  g_assert_cmpstr (quorum_meeting_get_end (meeting), ==, "13:00");
  g_assert_cmpstr (quorum_meeting_get_minutes (meeting), ==, "final");
  g_assert_cmpstr (quorum_meeting_get_classification (meeting), ==, "white");

  g_assert_cmpuint (g_list_model_get_n_items (quorum_meeting_get_attendance (meeting)), ==, 2);
  attendee = g_list_model_get_item (quorum_meeting_get_attendance (meeting), 1);
  g_assert_cmpstr (quorum_attendee_get_name (attendee), ==, "Eric Graham");
  g_assert_cmpstr (quorum_attendee_get_presence (attendee), ==, "apologies");
  g_assert_null (quorum_attendee_get_category (attendee));

  g_assert_cmpuint (g_list_model_get_n_items (quorum_meeting_get_items (meeting)), ==, 2);
  item = g_list_model_get_item (quorum_meeting_get_items (meeting), 0);
  g_assert_true (quorum_meeting_find_item (meeting, "6a") != NULL);
  g_assert_null (quorum_meeting_find_item (meeting, "7"));
  g_assert_cmpstr (quorum_agenda_item_get_number (item), ==, "6");
  g_assert_cmpstr (quorum_agenda_item_get_meeting (item), ==, "m");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_agenda_item_get_papers (item)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_agenda_item_get_outcomes (item)), ==, 2);
  outcome = g_list_model_get_item (quorum_agenda_item_get_outcomes (item), 1);
  g_assert_cmpint (quorum_item_outcome_get_kind (outcome), ==, QUORUM_ITEM_OUTCOME_KIND_APPROVED);
  g_assert_cmpstr (quorum_item_outcome_get_verb (outcome), ==, "APPROVED");
  g_assert_cmpstr (quorum_item_outcome_get_by (outcome), ==, "SEC Panel Chair");

  action = g_list_model_get_item (quorum_meeting_get_actions (meeting), 0);
  g_assert_cmpstr (quorum_action_get_ref (action), ==, "SECP39/07");
  g_assert_cmpstr (quorum_action_get_meeting (action), ==, "m");
  g_assert_cmpstr (quorum_action_get_committee (action), ==, "sec-panel");
  g_assert_cmpstr (quorum_action_get_due (action), ==, "2017-01-31");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_meeting_get_action_updates (meeting)), ==, 1);
}

/* Each bad input is an error naming the file, the JSON path and line:column. */
static void
test_bad_input (void)
{
  g_autofree char *good = meeting_text ("m", "2016-12-09", "", "wp", "SECP39/07", "");
  struct {
    const char *from, *to, *path, *says;
  } cases[] = {
    { "'number': '6a'", "'number': '6'", "$.items[1].number", "used twice" },
    { "'SECP39/07'", "'SECP39-07'", "$.actions[0].ref", "not an action ref" },
    { "'SECP38/07'", "'secp38/07'", "$.action_updates[0].ref", "not an action ref" },
    { "'status': 'open'", "'status': 'pending'", "$.actions[0].status", "not one of" },
    { "'status': 'held'", "'status': 'postponed'", "$.status", "not one of" },
    { "'presence': 'apologies'", "'presence': 'absent'", "$.attendance[1].presence",
      "not one of" },
    { "'role': 'member', 'presence': 'apologies'", "'role': 'chair', 'presence': 'apologies'",
      "$.attendance[1].role", "not one of" },
    { "'end': '13:00'", "'end': '09:30'", "$.end", "before the start" },
    { "'start': '10:00'", "'start': '25:00'", "$.start", "not a time" },
    { "'status': 'held'", "'status': 'scheduled'", "$.minutes", "only a held one" },
    { "'kind': 'noted'", "'kind': 'resolved'", "$.items[0].outcomes[0].kind", "not one of" },
    { "'item': '6'", "'item': '9'", "$.actions[0].item", "no agenda item" },
    { "'ref': {'work_package': 'wp'}", "'ref': {'work_package': 'wp', 'document': 'd'}",
      "$.items[1].papers[0].ref", "either a document or a work_package" },
    { "'date': '2016-12-09'", "'date': '2016-13-09'", "$.date", "" },
    { "'number': 39", "'number': -1", "$.number", "whole number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = replace (good, cases[i].from, cases[i].to);

      g_test_message ("case %u: %s", i, cases[i].to);
      assert_refused ("m", bad, cases[i].path, cases[i].says);
    }
}

/* Links ---------------------------------------------------------------------- */

static void
test_unknown_committee (void)
{
  g_autofree char *good = meeting_text ("m", "2016-12-09", "", first_package_id (),
                                        "SECP39/07", "");
  g_autofree char *text = replace (good, "'sec-panel'", "'secret-panel'");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  QuorumProblem *problem;

  g_ptr_array_add (meetings, parse ("m", text, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  link_with_sample (meetings, problems);
  g_assert_cmpuint (meetings->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$.committee");
  g_assert_cmpuint (quorum_problem_get_line (problem), ==, 1);
  g_assert_nonnull (strstr (quorum_problem_get_message (problem), "secret-panel"));
}

/* A paper's ref that names nothing is a problem on the meeting, which loads;
 * the others link. */
static void
test_paper_refs (void)
{
  g_autofree char *good = meeting_text ("m", "2016-12-09", "", first_package_id (),
                                        "SECP39/07", "");
  g_autofree char *text = replace (good, "'row': 'projects'", "'row': 'no-such-row'");
  g_autofree char *other = meeting_text ("n", "2016-12-10", "", "wp-none", "SECP39/08", "");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumAgendaItem) item = NULL;
  g_autoptr(QuorumAgendaItem) item_6a = NULL;
  g_autoptr(QuorumPaper) unlinked = NULL;
  g_autoptr(QuorumPaper) table = NULL;
  g_autoptr(QuorumPaper) package = NULL;

  g_ptr_array_add (meetings, parse ("m", text, problems));
  g_ptr_array_add (meetings, parse ("n", other, problems));
  link_with_sample (meetings, problems);
  g_assert_cmpuint (meetings->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (quorum_problem_get_path (g_ptr_array_index (problems, 0)), ==,
                   "$.items[0].papers[1].ref");
  g_assert_nonnull (strstr (quorum_problem_get_message (g_ptr_array_index (problems, 0)),
                            "no-such-row"));
  g_assert_cmpstr (quorum_problem_get_path (g_ptr_array_index (problems, 1)), ==,
                   "$.items[1].papers[0].ref");
  g_assert_true (g_str_has_suffix (quorum_problem_get_file (g_ptr_array_index (problems, 1)),
                                   "/n.json"));

  item = g_list_model_get_item (quorum_meeting_get_items (g_ptr_array_index (meetings, 0)), 0);
  unlinked = g_list_model_get_item (quorum_agenda_item_get_papers (item), 0);
  table = g_list_model_get_item (quorum_agenda_item_get_papers (item), 1);
  g_assert_cmpint (quorum_paper_get_ref_kind (unlinked), ==, QUORUM_PAPER_REF_NONE);
  g_assert_false (quorum_paper_get_linked (unlinked));
  g_assert_false (quorum_paper_get_linked (table));
  item_6a = g_list_model_get_item (quorum_meeting_get_items (g_ptr_array_index (meetings, 0)), 1);
  package = g_list_model_get_item (quorum_agenda_item_get_papers (item_6a), 0);
  g_assert_true (quorum_paper_get_linked (package));
  g_assert_cmpstr (quorum_paper_get_work_package (package), ==, first_package_id ());
}

/* An action ref raised at two meetings is an error on the later one. */
static void
test_ref_raised_twice (void)
{
  g_autofree char *early = meeting_text ("z-early", "2016-11-01", "", first_package_id (),
                                         "SECP39/07", "");
  g_autofree char *late = meeting_text ("a-late", "2016-12-09", "", first_package_id (),
                                        "SECP39/08",
                                        ", {'ref': 'SECP39/07', 'text': 'again', "
                                        "'status': 'open'}");
  g_autofree char *late_dq = quorum_test_dq (late);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  QuorumProblem *problem;

  g_ptr_array_add (meetings, parse ("a-late", late_dq, problems));
  g_ptr_array_add (meetings, parse ("z-early", early, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  link_with_sample (meetings, problems);
  g_assert_cmpuint (meetings->len, ==, 1);
  g_assert_cmpstr (quorum_meeting_get_id (g_ptr_array_index (meetings, 0)), ==, "z-early");
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_true (g_str_has_suffix (quorum_problem_get_file (problem), "/a-late.json"));
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$.actions[1].ref");
  g_assert_cmpuint (quorum_problem_get_line (problem), >, 1);
  g_assert_nonnull (strstr (quorum_problem_get_message (problem), "z-early"));
}

/* The action log ---------------------------------------------------------------- */

static GListModel *
meetings_model (const char * const *texts)
{
  GListStore *store = g_list_store_new (QUORUM_TYPE_MEETING);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      const char *at = strstr (texts[i], "'id': '") + strlen ("'id': '");
      g_autofree char *id = g_strndup (at, strchr (at, '\'') - at);
      g_autofree char *text = quorum_test_dq (texts[i]);
      g_autoptr(QuorumMeeting) meeting = parse (id, text, problems);

      if (meeting == NULL)
        g_error ("%s", quorum_problem_get_message (g_ptr_array_index (problems, 0)));
      g_list_store_append (store, meeting);
    }
  return G_LIST_MODEL (store);
}

#define MEETING(id, date, actions, updates) \
  "{'format': 'quorum.meeting/1', 'id': '" id "', 'committee': 'tabasc', 'title': 'T',\n" \
  " 'date': '" date "', 'status': 'held', 'items': [{'number': '1', 'title': 'I'}],\n" \
  " 'actions': [" actions "], 'action_updates': [" updates "]}"

static void
test_action_status (void)
{
  /* m0 is the latest meeting; updates at m0 outrank those at m1 whatever the
   * files' order, and within m0 the later update wins. */
  const char * const texts[] = {
    MEETING ("m0", "2017-03-01", "",
             "{'ref': 'T1/1', 'status': 'closed'}, {'ref': 'T1/2', 'status': 'closed'},"
             "{'ref': 'T1/2', 'status': 'open', 'text': 'reopened'}"),
    MEETING ("m1", "2017-02-01",
             "{'ref': 'T1/1', 'text': 'a', 'due': '2017-02-15', 'status': 'open'},"
             "{'ref': 'T1/2', 'text': 'b', 'due': '2017-02-15', 'status': 'open'},"
             "{'ref': 'T1/10', 'text': 'c', 'due': '2017-02-15', 'status': 'open'},"
             "{'ref': 'T1/3', 'text': 'd', 'status': 'closed'}",
             "{'ref': 'T0/4', 'status': 'open'}, {'ref': 'T1/10', 'status': 'closed'}"),
    NULL,
  };
  g_autoptr(GListModel) meetings = meetings_model (texts);
  g_autoptr(QuorumActionLog) log = quorum_action_log_new (meetings);
  QuorumAction *one, *two, *ten, *old;
  const char *order[] = { "T0/4", "T1/1", "T1/2", "T1/3", "T1/10" };
  guint n_overdue = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(QuorumAction) action = g_list_model_get_item (G_LIST_MODEL (log), i);

      g_assert_cmpstr (quorum_action_get_ref (action), ==, order[i]);
    }

  one = quorum_action_log_find (log, "T1/1");
  two = quorum_action_log_find (log, "T1/2");
  ten = quorum_action_log_find (log, "T1/10");
  old = quorum_action_log_find (log, "T0/4");
  g_assert_cmpstr (quorum_action_get_status (one), ==, "closed");
  g_assert_cmpstr (quorum_action_get_raised_status (one), ==, "open");
  g_assert_cmpstr (quorum_action_get_status (two), ==, "open");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_action_get_updates (two)), ==, 2);
  g_assert_cmpstr (quorum_action_get_status (ten), ==, "closed");
  g_assert_cmpstr (quorum_action_get_status (quorum_action_log_find (log, "T1/3")), ==,
                   "closed");

  /* Raised before the store's records: kept, with the reporting
   * meeting's committee, not an error. */
  g_assert_true (quorum_action_get_before_records (old));
  g_assert_null (quorum_action_get_meeting (old));
  g_assert_cmpstr (quorum_action_get_committee (old), ==, "tabasc");
  g_assert_cmpstr (quorum_action_get_status (old), ==, "open");

  /* Overdue: open, and due before today. */
  quorum_action_log_set_today (log, "2017-02-15");
  g_assert_false (quorum_action_get_overdue (two));
  quorum_action_log_set_today (log, "2017-02-16");
  g_assert_true (quorum_action_get_overdue (two));
  g_assert_false (quorum_action_get_overdue (one));     /* closed */
  g_assert_false (quorum_action_get_overdue (ten));     /* closed */
  g_assert_false (quorum_action_get_overdue (old));     /* no due date */
  g_assert_cmpuint (quorum_action_log_count_open (log, NULL, &n_overdue), ==, 2);
  g_assert_cmpuint (n_overdue, ==, 1);
  g_assert_cmpuint (quorum_action_log_count_open (log, "ssc", &n_overdue), ==, 0);
  g_assert_cmpuint (n_overdue, ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* "overdue" is notified when today moves past the due date, and the log
 * follows its meetings. */
static void
test_action_log_follows (void)
{
  const char * const first[] = {
    MEETING ("m0", "2017-02-01", "{'ref': 'T1/1', 'text': 'a', 'due': '2017-02-15', "
             "'status': 'open'}", ""),
    NULL,
  };
  const char * const second[] = {
    MEETING ("m1", "2017-03-01", "", "{'ref': 'T1/1', 'status': 'closed'}"),
    NULL,
  };
  g_autoptr(GListModel) meetings = meetings_model (first);
  g_autoptr(GListModel) later = meetings_model (second);
  g_autoptr(QuorumActionLog) log = quorum_action_log_new (meetings);
  g_autoptr(QuorumMeeting) m1 = g_list_model_get_item (later, 0);
  QuorumAction *action = quorum_action_log_find (log, "T1/1");
  guint overdue_notified = 0;

  quorum_action_log_set_today (log, "2017-02-01");
  g_signal_connect (action, "notify::overdue", G_CALLBACK (count_notify), &overdue_notified);
  quorum_action_log_set_today (log, "2017-03-01");
  g_assert_cmpuint (overdue_notified, ==, 1);
  g_assert_true (quorum_action_get_overdue (action));

  g_list_store_append (G_LIST_STORE (meetings), m1);
  g_assert_true (quorum_action_log_find (log, "T1/1") == action);
  g_assert_cmpstr (quorum_action_get_status (action), ==, "closed");
  g_assert_false (quorum_action_get_overdue (action));
  g_assert_cmpuint (overdue_notified, ==, 2);
}

static void
test_ref_compare (void)
{
  g_assert_cmpint (quorum_action_ref_compare ("SECP39/2", "SECP39/10"), <, 0);
  g_assert_cmpint (quorum_action_ref_compare ("SECP9/13", "SECP39/01"), <, 0);
  g_assert_cmpint (quorum_action_ref_compare ("SECP39/07", "SECP39/7"), ==, 0);
  g_assert_cmpint (quorum_action_ref_compare ("PMA1/1", "SECP1/1"), <, 0);
  g_assert_true (quorum_action_ref_is_valid ("SECP39/07"));
  g_assert_true (quorum_action_ref_is_valid ("T1/1"));
  g_assert_false (quorum_action_ref_is_valid ("SECP/07"));
  g_assert_false (quorum_action_ref_is_valid ("secp39/07"));
  g_assert_false (quorum_action_ref_is_valid ("SECP39/"));
  g_assert_false (quorum_action_ref_is_valid ("SECP39/07a"));
  g_assert_false (quorum_action_ref_is_valid ("1SECP39/07"));
  g_assert_true (quorum_time_is_valid ("23:59"));
  g_assert_false (quorum_time_is_valid ("24:00"));
  g_assert_false (quorum_time_is_valid ("9:30"));
  g_assert_false (quorum_time_is_valid ("09:60"));
}

/* A search matches the ref, owner or text, casefolded as g_utf8_casefold()
 * folds the search: ASCII and other text alike. */
static void
test_action_matches (void)
{
  g_autoptr(QuorumAction) action = _quorum_action_new (g_strdup ("SECP39/07"), "M1",
                                                       "2017-01-10", "secp", NULL,
                                                       g_strdup ("J. SMITH"),
                                                       g_strdup ("Review the STRASSE "
                                                                 "contract, Ærø and Σ"),
                                                       NULL, g_strdup ("open"));
  const char *searches[] = { "SECP39", "p39/0", "j. smith", "STRASSE contract",
                             "Ærø", "ærø", "σ", "Straße", "secp39/07 ", "smith2" };
  const gboolean matches[] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
                               FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *folded = g_utf8_casefold (searches[i], -1);

      g_assert_cmpint (quorum_action_matches (action, folded), ==, matches[i]);
    }
}

/* The store ------------------------------------------------------------------ */

/* The sample store loads every meeting file, by date, and its action log
 * holds every ref the files raise or report on. */
static void
test_store_sample (void)
{
  g_autoptr(QuorumStore) store = sample_store ();
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *dir = g_build_filename (sample, "meetings", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *meetings = quorum_store_get_meetings (store);
  QuorumActionLog *log = quorum_store_get_action_log (store);
  guint n_files = 0;
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;
      const char *lists[] = { "actions", "action_updates" };

      g_assert_true (json_parser_load_from_file (parser, path, NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      n_files++;
      g_assert_nonnull (quorum_store_find_meeting (store,
                                                   json_object_get_string_member (root, "id")));
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          JsonArray *list = json_object_get_array_member (root, lists[l]);

          for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
            g_hash_table_add (refs, g_strdup (json_object_get_string_member (
                                json_array_get_object_element (list, i), "ref")));
        }
    }
  g_assert_cmpuint (n_files, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, n_files);
  for (guint i = 1; i < n_files; i++)
    {
      g_autoptr(QuorumMeeting) a = g_list_model_get_item (meetings, i - 1);
      g_autoptr(QuorumMeeting) b = g_list_model_get_item (meetings, i);

      g_assert_cmpint (quorum_meeting_compare (a, b), <, 0);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, g_hash_table_size (refs));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 0);
}

/* A decision taken at a meeting the store does not hold is a problem on
 * the decision, which still counts; at one it holds, none. */
static void
test_store_decision_meeting (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quorum-meetings-XXXXXX", NULL);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  QuorumWorkPackage *package;
  QuorumProblem *problem;
#define DECISION "{'format': 'quorum.decision/1', 'id': '%s', 'work_package': 'wp-a', " \
                 "'decision': '%s', 'by': 'A Person', 'at': '%s', 'meeting': '%s'}"
  g_autofree char *unknown = g_strdup_printf (DECISION, "d1", "approve",
                                              "2020-03-12T10:31:00Z", "secco-board-1999-01-01");
  g_autofree char *known = g_strdup_printf (DECISION, "d0", "defer",
                                            "2020-03-01T10:31:00Z", "m");
#undef DECISION
  g_autofree char *meeting = meeting_text ("m", "2020-03-01", "", "wp-a", "SECB1/1", "");
  g_autofree char *unknown_dq = quorum_test_dq (unknown);
  g_autofree char *known_dq = quorum_test_dq (known);
  g_autofree char *committees = quorum_test_dq (
    "{'format': 'quorum.committees/1', 'committees': [{'id': 'sec-panel'}]}");
  g_autofree char *package_text = quorum_test_dq (
    "{'format': 'quorum.work-package/1', 'id': 'wp-a', 'kind': 'quarterly', "
    "'quarter': '2019/20 Q4', 'title': 'A', 'estimate': {'cost': 100}, 'status': 'submitted'}");

  quorum_test_write_file (dir, "committees.json", committees, -1);
  quorum_test_write_file (dir, "budgets/.keep", "", 0);
  quorum_test_write_file (dir, "work-packages/wp-a.json", package_text, -1);
  quorum_test_write_file (dir, "decisions/wp-a/d0.json", known_dq, -1);
  quorum_test_write_file (dir, "decisions/wp-a/d1.json", unknown_dq, -1);
  quorum_test_write_file (dir, "meetings/m.json", meeting, -1);

  store = quorum_store_new (dir);
  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (quorum_store_find_meeting (store, "m"));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), >=, 1);
  problem = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (quorum_store_get_problems (store)); i++)
    {
      g_autoptr(QuorumProblem) p = g_list_model_get_item (quorum_store_get_problems (store), i);

      if (g_str_equal (quorum_problem_get_path (p), "$.meeting"))
        {
          g_assert_null (problem);
          problem = p;
          g_assert_true (g_str_has_suffix (quorum_problem_get_file (p), "/d1.json"));
          g_assert_nonnull (strstr (quorum_problem_get_message (p), "secco-board-1999-01-01"));
        }
    }
  g_assert_nonnull (problem);
  /* The decision counts: the package's outcome is its approval. */
  package = quorum_store_find_work_package (store, "wp-a");
  g_assert_nonnull (package);
  g_assert_cmpint (quorum_work_package_get_outcome (package), ==, QUORUM_OUTCOME_APPROVED);
  quorum_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meetings/load", test_load);
  g_test_add_func ("/meetings/bad-input", test_bad_input);
  g_test_add_func ("/meetings/unknown-committee", test_unknown_committee);
  g_test_add_func ("/meetings/paper-refs", test_paper_refs);
  g_test_add_func ("/meetings/ref-raised-twice", test_ref_raised_twice);
  g_test_add_func ("/meetings/action-status", test_action_status);
  g_test_add_func ("/meetings/action-log-follows", test_action_log_follows);
  g_test_add_func ("/meetings/ref-compare", test_ref_compare);
  g_test_add_func ("/meetings/action-matches", test_action_matches);
  g_test_add_func ("/meetings/store-sample", test_store_sample);
  g_test_add_func ("/meetings/store-decision-meeting", test_store_decision_meeting);

  return g_test_run ();
}
