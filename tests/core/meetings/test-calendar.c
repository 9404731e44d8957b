/* test-calendar.c: meetings as iCalendar, read back by libical and by
 * python3-icalendar, an independent parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <libical/ical.h>
#include <string.h>

typedef struct
{
  const char *id;
  const char *date;
  const char *start;      /* NULL: all day */
  const char *end;
  const char *status;
  const char *classification;
  /* expected */
  const char *ical_start;
  const char *ical_end;
  int utc_offset;
  const char *ical_status;
} Case;

static const Case cases[] = {
  /* Winter: London is on GMT. */
  { "secp-39", "2016-12-09", "10:00", "13:00", "held", "white",
    "2016-12-09T10:00:00", "2016-12-09T13:00:00", 0, "CONFIRMED" },
  /* Summer: BST, an hour ahead of UTC. */
  { "tabasc-20", "2017-06-01", "10:30", NULL, "scheduled", "white",
    "2017-06-01T10:30:00", NULL, 3600, "CONFIRMED" },
  /* No time: an all-day event. */
  { "smki-pma-30", "2017-01-17", NULL, NULL, "scheduled", "green",
    "2017-01-17", "2017-01-18", 0, "CONFIRMED" },
  { "secp-40", "2017-01-13", "10:00", "16:00", "cancelled", "white",
    "2017-01-13T10:00:00", "2017-01-13T16:00:00", 0, "CANCELLED" },
  /* Red: never exported. */
  { "secco-red", "2017-02-01", "09:00", "10:00", "held", "red", NULL, NULL, 0, NULL },
};

static GListModel *
meetings (void)
{
  GListStore *store = g_list_store_new (QUORUM_TYPE_MEETING);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *times = c->start == NULL ? g_strdup ("")
        : c->end == NULL ? g_strdup_printf ("'start': '%s',", c->start)
        : g_strdup_printf ("'start': '%s', 'end': '%s',", c->start, c->end);
      g_autofree char *text =
        g_strdup_printf ("{'format': 'quorum.meeting/1', 'id': '%s', 'committee': 'tabasc',\n"
                         " 'title': 'Meeting %s', 'date': '%s', %s 'status': '%s',\n"
                         " 'classification': '%s', 'venue': 'Fenchurch Place',\n"
                         " 'items': [{'number': '1', 'title': 'Minutes'}]}",
                         c->id, c->id, c->date, times, c->status, c->classification);
      g_autofree char *json = quorum_test_dq (text);
      g_autofree char *file = g_strdup_printf ("s/meetings/%s.json", c->id);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(QuorumMeeting) meeting = quorum_meeting_new_from_data (file, json, strlen (json),
                                                                       problems);

      g_assert_cmpuint (problems->len, ==, 0);
      g_list_store_append (store, meeting);
    }
  return G_LIST_MODEL (store);
}

static char *
export (GListModel *model,
        guint      *left_out)
{
  g_autoptr(GError) error = NULL;
  char *text = quorum_calendar_export (model, NULL, "panel.example.org", left_out, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static const char *
tzid_of (icalproperty *property)
{
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);

  return tzid != NULL ? icalparameter_get_tzid (tzid) : NULL;
}

/* libical parses what it wrote, with every event as the cases say. */
static void
test_libical (void)
{
  g_autoptr(GListModel) model = meetings ();
  guint left_out = 0;
  g_autofree char *text = export (model, &left_out);
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *zone, *event;
  guint n_events = 0;

  g_assert_cmpuint (left_out, ==, 1);
  g_assert_nonnull (calendar);
  g_assert_true (strstr (text, "\r\n") != NULL);
  zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (zone);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (zone,
                                                                            ICAL_TZID_PROPERTY)),
                   ==, "Europe/London");

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (event);
      icalproperty *start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalproperty *end = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
      const Case *c = NULL;
      struct icaltimetype t;

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *want = g_strdup_printf ("%s@panel.example.org", cases[i].id);

          if (g_str_equal (uid, want))
            c = &cases[i];
        }
      g_assert_nonnull (c);
      g_assert_nonnull (c->ical_status);
      n_events++;

      t = icalproperty_get_dtstart (start);
      if (c->start == NULL)
        {
          g_assert_true (t.is_date);
          g_assert_null (tzid_of (start));
        }
      else
        {
          g_assert_false (t.is_date);
          g_assert_cmpstr (tzid_of (start), ==, "Europe/London");
          g_assert_cmpint (t.hour * 60 + t.minute, ==,
                           atoi (c->start) * 60 + atoi (c->start + 3));
        }
      g_assert_cmpint (t.year * 10000 + t.month * 100 + t.day, ==,
                       atoi (c->date) * 10000 + atoi (c->date + 5) * 100 + atoi (c->date + 8));
      g_assert_true ((end != NULL) == (c->ical_end != NULL));
      g_assert_cmpint (icalcomponent_get_status (event), ==,
                       g_str_equal (c->ical_status, "CANCELLED") ? ICAL_STATUS_CANCELLED
                                                                 : ICAL_STATUS_CONFIRMED);
      g_assert_cmpstr (icalcomponent_get_summary (event), ==,
                       strstr (icalcomponent_get_summary (event), c->id) - strlen ("Meeting "));
    }
  g_assert_cmpuint (n_events, ==, G_N_ELEMENTS (cases) - 1);
  icalcomponent_free (calendar);
}

static GPtrArray *
uids (const char *text)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "UID:"))
      g_ptr_array_add (found, g_strdup (lines[i] + 4));
  return found;
}

/* The same meetings get the same UIDs, whatever the export. */
static void
test_stable_uid (void)
{
  g_autoptr(GListModel) model = meetings ();
  g_autofree char *first = export (model, NULL);
  g_autofree char *second = export (model, NULL);
  g_autoptr(GPtrArray) a = uids (first);
  g_autoptr(GPtrArray) b = uids (second);

  g_assert_cmpuint (a->len, ==, G_N_ELEMENTS (cases) - 1);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
  g_assert_cmpstr (g_ptr_array_index (a, 0), ==, "secp-39@panel.example.org");
}

/* python3-icalendar reads every event's start, end, zone and status. */
static void
test_independent_parser (void)
{
  g_autoptr(GListModel) model = meetings ();
  g_autofree char *text = export (model, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quorum-calendar-XXXXXX", NULL);
  g_autofree char *ics = g_build_filename (dir, "meetings.ics", NULL);
  g_autofree char *json = g_build_filename (dir, "expected.json", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "core", "meetings",
                                                   "check-calendar.py", NULL);
  g_autoptr(GString) expected = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  /* Debian's Python, which python3-icalendar installs into. */
  const char *argv[] = { "/usr/bin/python3", script, ics, json, NULL };
  int status = -1;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *end = c->ical_end != NULL ? g_strdup_printf ("\"%s\"", c->ical_end)
                                                 : g_strdup ("null");

      if (c->ical_status == NULL)
        continue;
      g_string_append_printf (expected,
                              "%s{\"uid\": \"%s@panel.example.org\", \"start\": \"%s\", "
                              "\"end\": %s, \"utc_offset\": %d, \"status\": \"%s\", "
                              "\"all_day\": %s}",
                              expected->len > 1 ? ", " : "", c->id, c->ical_start, end,
                              c->utc_offset, c->ical_status, c->start == NULL ? "true" : "false");
    }
  g_string_append (expected, "]");
  g_assert_true (g_file_set_contents (ics, text, -1, NULL));
  g_assert_true (g_file_set_contents (json, expected->str, -1, NULL));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-calendar.py: %s%s", out, err);
  quorum_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/libical", test_libical);
  g_test_add_func ("/calendar/stable-uid", test_stable_uid);
  g_test_add_func ("/calendar/independent-parser", test_independent_parser);

  return g_test_run ();
}
