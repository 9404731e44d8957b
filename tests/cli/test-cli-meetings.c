/* test-cli-meetings.c: quorum-cli meetings, actions and calendar on the sample store
 *
 * Every expected line is worked out here from the sample's meeting files,
 * read with json-glib, so that data the CLI mishandles fails the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-run.h"
#include "quorum-core.h"

#include <string.h>

#define TODAY "2017-02-01"

/* The sample's meeting files, parsed, sorted as the CLI lists them: by
 * date, then start time (none first), then id. */
static GPtrArray *
sample_meetings (void)
{
  g_autofree char *store = quorum_store_dup_sample_path ();
  g_autofree char *dir = g_build_filename (store, "meetings", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_file (parser, path, NULL));
      g_ptr_array_add (meetings, json_node_ref (json_parser_get_root (parser)));
    }
  return meetings;
}

static const char *
member (JsonNode   *node,
        const char *name)
{
  return json_object_get_string_member_with_default (json_node_get_object (node), name, NULL);
}

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  JsonNode *x = *(JsonNode **) a, *y = *(JsonNode **) b;
  int c = g_strcmp0 (member (x, "date"), member (y, "date"));

  if (c == 0)
    c = g_strcmp0 (member (x, "start"), member (y, "start"));
  return c != 0 ? c : g_strcmp0 (member (x, "id"), member (y, "id"));
}

static char *
expected_meetings_text (GPtrArray  *meetings,
                        const char *committee,
                        const char *from)
{
  GString *text = g_string_new (NULL);

  g_ptr_array_sort (meetings, compare_meetings);
  for (guint i = 0; i < meetings->len; i++)
    {
      JsonNode *m = g_ptr_array_index (meetings, i);
      const char *start = member (m, "start");
      const char *minutes = member (m, "minutes");

      if ((committee != NULL && g_strcmp0 (member (m, "committee"), committee) != 0) ||
          (from != NULL && g_strcmp0 (member (m, "date"), from) < 0))
        continue;
      g_string_append_printf (text, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", member (m, "date"),
                              start != NULL ? start : "-", member (m, "committee"),
                              member (m, "id"), member (m, "status"),
                              minutes != NULL ? minutes : "none", member (m, "title"));
    }
  return g_string_free (text, FALSE);
}

static void
test_meetings (void)
{
  g_autoptr(GPtrArray) meetings = sample_meetings ();
  g_autofree char *all = expected_meetings_text (meetings, NULL, NULL);
  g_autofree char *panel = expected_meetings_text (meetings, "sec-panel", "2017-01-01");
  g_auto(Run) run;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *list;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "meetings"), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, all);

  g_assert_cmpint (run_cli (&run, "meetings", "--committee", "sec-panel", "--from", "2017-01-01"),
                   ==, 0);
  g_assert_cmpstr (run.out, ==, panel);
  g_assert_cmpstr (panel, !=, "");

  g_assert_cmpint (run_cli (&run, "meetings", "--format", "json"), ==, 0);
  root = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_node_get_object (root), "errors")), ==, 0);
  list = json_object_get_array_member (json_node_get_object (root), "meetings");
  g_assert_cmpuint (json_array_get_length (list), ==, meetings->len);
  for (guint i = 0; i < meetings->len; i++)
    {
      JsonObject *got = json_array_get_object_element (list, i);
      JsonObject *want = json_node_get_object (g_ptr_array_index (meetings, i));
      JsonArray *items = json_object_get_array_member (want, "items");
      JsonArray *actions = json_object_get_array_member (want, "actions");

      g_assert_cmpstr (json_object_get_string_member (got, "id"), ==,
                       json_object_get_string_member (want, "id"));
      g_assert_cmpint (json_object_get_int_member (got, "items"), ==,
                       items != NULL ? json_array_get_length (items) : 0);
      g_assert_cmpint (json_object_get_int_member (got, "actions"), ==,
                       actions != NULL ? json_array_get_length (actions) : 0);
    }

  /* Usage errors and unknown committees. */
  g_assert_cmpint (run_cli (&run, "meetings", "--from", "2017-02-30"), ==, 2);
  g_assert_nonnull (strstr (run.err, "2017-02-30"));
  g_assert_cmpint (run_cli (&run, "meetings", "--format", "xml"), ==, 2);
  g_assert_cmpint (run_cli (&run, "meetings", "--committee", "no-such"), ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such"));
}

typedef struct
{
  char *status;
  char *due;
  char *owner;
  char *date;      /* of the update that set the status */
} Want;

static void
want_free (Want *want)
{
  g_free (want->status);
  g_free (want->due);
  g_free (want->owner);
  g_free (want->date);
  g_free (want);
}

/* ref → Want: each action's current status is its latest update's (by
 * meeting date), else its own. */
static GHashTable *
expected_actions (GPtrArray *meetings)
{
  GHashTable *wants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) want_free);

  for (guint i = 0; i < meetings->len; i++)
    {
      JsonObject *m = json_node_get_object (g_ptr_array_index (meetings, i));
      JsonArray *list = json_object_get_array_member (m, "actions");

      for (guint k = 0; list != NULL && k < json_array_get_length (list); k++)
        {
          JsonObject *a = json_array_get_object_element (list, k);
          Want *want = g_new0 (Want, 1);

          want->status = g_strdup (json_object_get_string_member (a, "status"));
          want->due = g_strdup (json_object_get_string_member_with_default (a, "due", NULL));
          want->owner = g_strdup (json_object_get_string_member_with_default (a, "owner", NULL));
          g_hash_table_insert (wants, g_strdup (json_object_get_string_member (a, "ref")), want);
        }
    }
  for (guint i = 0; i < meetings->len; i++)
    {
      JsonObject *m = json_node_get_object (g_ptr_array_index (meetings, i));
      JsonArray *list = json_object_get_array_member (m, "action_updates");
      const char *date = json_object_get_string_member (m, "date");

      for (guint k = 0; list != NULL && k < json_array_get_length (list); k++)
        {
          JsonObject *u = json_array_get_object_element (list, k);
          const char *ref = json_object_get_string_member (u, "ref");
          Want *want = g_hash_table_lookup (wants, ref);

          if (want == NULL)
            g_hash_table_insert (wants, g_strdup (ref), (want = g_new0 (Want, 1)));
          if (want->date != NULL && strcmp (want->date, date) > 0)
            continue;
          g_free (want->date);
          want->date = g_strdup (date);
          g_free (want->status);
          want->status = g_strdup (json_object_get_string_member (u, "status"));
        }
    }
  return wants;
}

/* The refs the CLI printed, each line's fields checked against @wants. */
static guint
check_action_lines (const char *out,
                    GHashTable *wants,
                    gboolean    only_overdue)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      Want *want;

      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      want = g_hash_table_lookup (wants, fields[0]);
      g_assert_nonnull (want);
      g_assert_cmpstr (fields[1], ==, want->status);
      g_assert_cmpstr (fields[2], ==, want->due != NULL ? want->due : "-");
      g_assert_cmpstr (fields[3], ==, want->owner != NULL ? want->owner : "-");
      if (only_overdue)
        g_assert_true (want->due != NULL && strcmp (want->due, TODAY) < 0 &&
                       g_str_equal (want->status, "open"));
      n++;
    }
  return n;
}

static void
test_actions (void)
{
  g_autoptr(GPtrArray) meetings = sample_meetings ();
  g_autoptr(GHashTable) wants = expected_actions (meetings);
  g_auto(Run) run;
  GHashTableIter iter;
  gpointer key, value;
  guint n_open = 0, n_overdue = 0, n_secas = 0;

  g_hash_table_iter_init (&iter, wants);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Want *want = value;

      n_open += g_str_equal (want->status, "open");
      n_overdue += g_str_equal (want->status, "open") && want->due != NULL &&
                   strcmp (want->due, TODAY) < 0;
      n_secas += g_strcmp0 (want->owner, "SECAS") == 0;
    }
  g_assert_cmpuint (n_overdue, >, 0);

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "actions", "--today", TODAY), ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (check_action_lines (run.out, wants, FALSE), ==, g_hash_table_size (wants));
  g_assert_cmpint (run_cli (&run, "actions", "--open", "--today", TODAY), ==, 0);
  g_assert_cmpuint (check_action_lines (run.out, wants, FALSE), ==, n_open);
  g_assert_cmpint (run_cli (&run, "actions", "--overdue", "--today", TODAY), ==, 0);
  g_assert_cmpuint (check_action_lines (run.out, wants, TRUE), ==, n_overdue);
  g_assert_cmpint (run_cli (&run, "actions", "--overdue", "--today", "2017-01-01"), ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run_cli (&run, "actions", "--owner", "SECAS", "--today", TODAY), ==, 0);
  g_assert_cmpuint (check_action_lines (run.out, wants, FALSE), ==, n_secas);

  /* JSON: every action with its updates; raised_at null before the records. */
  g_assert_cmpint (run_cli (&run, "actions", "--format", "json", "--today", TODAY), ==, 0);
  {
    g_autoptr(JsonNode) root = parse_json (run.out);
    JsonArray *list = json_object_get_array_member (json_node_get_object (root), "actions");

    g_assert_cmpuint (json_array_get_length (list), ==, g_hash_table_size (wants));
    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *a = json_array_get_object_element (list, i);
        Want *want = g_hash_table_lookup (wants, json_object_get_string_member (a, "ref"));

        g_assert_nonnull (want);
        g_assert_cmpstr (json_object_get_string_member (a, "status"), ==, want->status);
        g_assert_true (json_object_has_member (a, "updates"));
        g_assert_true (json_object_get_boolean_member (a, "overdue") ==
                       (g_str_equal (want->status, "open") && want->due != NULL &&
                        strcmp (want->due, TODAY) < 0));
      }
  }
  g_assert_cmpint (run_cli (&run, "actions", "--today", "yesterday"), ==, 2);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_calendar (void)
{
  g_autoptr(GPtrArray) meetings = sample_meetings ();
  g_auto(Run) run;
  guint n_panel = 0;

  for (guint i = 0; i < meetings->len; i++)
    n_panel += g_strcmp0 (member (g_ptr_array_index (meetings, i), "committee"),
                          "sec-panel") == 0;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "calendar"), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpuint (count (run.out, "BEGIN:VEVENT"), ==, meetings->len);
  g_assert_cmpuint (count (run.out, "TZID:Europe/London\r\n"), ==, 1);
  g_assert_nonnull (strstr (run.out, "UID:secp-39@quorum.local\r\n"));
  g_assert_nonnull (strstr (run.out, "DTSTART;TZID=Europe/London:20161209T100000\r\n"));

  g_assert_cmpint (run_cli (&run, "calendar", "--committee", "sec-panel", "--remote",
                            "https://panel.example.org/store/"), ==, 0);
  g_assert_cmpuint (count (run.out, "BEGIN:VEVENT"), ==, n_panel);
  g_assert_nonnull (strstr (run.out, "UID:secp-39@panel.example.org\r\n"));
  g_assert_cmpint (run_cli (&run, "calendar", "--from", "2099-01-01"), ==, 0);
  g_assert_cmpuint (count (run.out, "BEGIN:VEVENT"), ==, 0);
  g_assert_cmpint (run_cli (&run, "calendar", "--remote", "not a url"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/meetings", test_meetings);
  g_test_add_func ("/cli/actions", test_actions);
  g_test_add_func ("/cli/calendar", test_calendar);

  return g_test_run ();
}
