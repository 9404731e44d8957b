/* test-meeting-read.c: the direct meeting reader against the strict loader
 *
 * quorum-meeting-read.c reads a meeting file straight into its model and
 * gives up on anything the strict loader (quorum-meeting-load.c) would
 * report; the strict loader then reads it again. Here both read the same
 * files, good and bad, and must agree: a file the direct reader reads, the
 * strict loader loads without a problem, into the same meeting (every
 * field, list and position); a file the strict loader loads, the direct
 * reader reads too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-meetings-private.h"
#include "quorum-meeting-dump.h"
#include "quorum-test-util.h"

#include <json-glib/json-glib.h>

#include <string.h>

#define FILE_NAME "store/meetings/m.json"

/* Every kind of member a meeting has, each list with more than one entry. */
static const char seed[] =
  "{'format': 'quorum.meeting/1', 'id': 'm', 'committee': 'sec-panel', 'number': 39,"
  " 'reference': 'SECP39', 'title': 'Panel 39', 'date': '2017-01-13', 'start': '10:00',"
  " 'end': '12:30', 'venue': 'Gemserv', 'note': 'a “note” ünïcode \\\\ \\u00e9',"
  " 'status': 'held', 'minutes': 'draft', 'classification': 'amber',"
  " 'attendance': [{'name': 'A', 'category': 'Chair', 'role': 'member', 'presence': 'part'},"
  "                {'name': 'B', 'role': 'secretariat', 'presence': 'present'}],"
  " 'items': [{'number': '1', 'title': 'Budget', 'presenter': 'SECAS', 'summary': 'S',"
  "            'papers': [{'title': 'P0'},"
  "                       {'title': 'P1', 'ref': {'document': 'd', 'table': 't', 'row': 'r',"
  "                                               'column': 'c'}},"
  "                       {'title': 'P2', 'ref': {'work_package': 'wp'}}],"
  "            'outcomes': [{'kind': 'noted', 'text': 'T'},"
  "                         {'kind': 'approved', 'text': 'U', 'by': 'Chair'}]},"
  "           {'number': '1a', 'title': 'Other'}],"
  " 'actions': [{'ref': 'SECP39/01', 'item': '1', 'owner': 'SECAS', 'text': 'do',"
  "              'due': '2017-02-01', 'status': 'open'},"
  "             {'ref': 'SECP39/02', 'text': 'done', 'status': 'closed'}],"
  " 'action_updates': [{'ref': 'SECP38/01', 'status': 'closed', 'text': 'closed'},"
  "                    {'ref': 'SECP38/02', 'status': 'open'}]}";

/* Reads TEXT both ways: they must agree. Returns whether it loads. */
static gboolean
assert_same_reading (const char *file,
                     const char *text,
                     gsize       length)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumMeeting) direct = _quorum_meeting_read (file, text, length);
  g_autoptr(QuorumMeeting) strict = _quorum_meeting_load_strict (file, text, length, problems);

  if (strict == NULL)
    {
      g_assert_cmpuint (problems->len, >, 0);
      if (direct != NULL)
        g_error ("the direct reader reads what the strict loader refuses (%s):\n%.*s",
                 quorum_problem_get_message (g_ptr_array_index (problems, 0)), (int) length,
                 text);
      return FALSE;
    }
  g_assert_cmpuint (problems->len, ==, 0);
  if (direct == NULL)
    g_error ("the direct reader gives up on a file the strict loader loads:\n%.*s",
             (int) length, text);
  {
    g_autofree char *direct_dump = quorum_meeting_dump (direct);
    g_autofree char *strict_dump = quorum_meeting_dump (strict);

    g_assert_cmpstr (direct_dump, ==, strict_dump);
  }
  return TRUE;
}

static void
test_sample_store (void)
{
  g_autofree char *store = quorum_store_dup_sample_path ();
  g_autofree char *folder = g_build_filename (store, "meetings", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      g_assert_true (assert_same_reading (path, text, length));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* Where a mutation applies: the steps from the root, each a member's name
 * or an element's index. */
typedef struct
{
  GPtrArray *names;        /* of char *, NULL for an index */
  GArray *indices;         /* of guint */
} Place;

static void
collect_places (JsonNode  *node,
                Place     *at,
                GPtrArray *places)
{
  guint n = JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;
  g_autoptr(GList) members = NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    members = json_object_get_members (json_node_get_object (node));
  n += g_list_length (members);
  for (guint i = 0; i < n; i++)
    {
      GList *member = g_list_nth (members, i);
      Place *place = g_new0 (Place, 1);
      JsonNode *child;

      place->names = g_ptr_array_copy (at->names, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
      g_ptr_array_set_free_func (place->names, g_free);
      place->indices = g_array_copy (at->indices);
      g_ptr_array_add (place->names, member != NULL ? g_strdup (member->data) : NULL);
      g_array_append_val (place->indices, i);
      g_ptr_array_add (places, place);
      child = member != NULL ? json_object_get_member (json_node_get_object (node), member->data)
                             : json_array_get_element (json_node_get_array (node), i);
      collect_places (child, place, places);
    }
}

static void
place_free (gpointer data)
{
  Place *place = data;

  g_ptr_array_unref (place->names);
  g_array_unref (place->indices);
  g_free (place);
}

typedef enum { REMOVE, REPLACE, TO_END, DOUBLE } Change;

/* The seed with CHANGE at PLACE (VALUE for REPLACE), as text. */
static char *
mutate (JsonNode   *root,
        Place      *place,
        Change      change,
        JsonNode   *value)
{
  g_autofree char *text = json_to_string (root, FALSE);
  g_autoptr(JsonNode) copy = json_from_string (text, NULL);
  JsonNode *parent = copy;
  guint last = place->indices->len - 1;
  const char *name = g_ptr_array_index (place->names, last);
  guint index = g_array_index (place->indices, guint, last);

  for (guint i = 0; i < last; i++)
    {
      const char *step = g_ptr_array_index (place->names, i);

      parent = step != NULL ? json_object_get_member (json_node_get_object (parent), step)
                            : json_array_get_element (json_node_get_array (parent),
                                                      g_array_index (place->indices, guint, i));
    }
  if (name != NULL)
    {
      JsonObject *object = json_node_get_object (parent);
      g_autoptr(JsonNode) old = json_node_ref (json_object_get_member (object, name));

      /* a member is replaced where it stands, moved last, or left out */
      if (change == REPLACE)
        json_object_set_member (object, name, json_node_copy (value));
      else
        json_object_remove_member (object, name);
      if (change == TO_END || change == DOUBLE)
        json_object_set_member (object, name, g_steal_pointer (&old));
    }
  else
    {
      JsonArray *array = json_node_get_array (parent);
      g_autoptr(JsonArray) rebuilt = json_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (i != index || change == DOUBLE)
          json_array_add_element (rebuilt, json_node_copy (json_array_get_element (array, i)));
        else if (change == REPLACE)
          json_array_add_element (rebuilt, json_node_copy (value));
      if (change == DOUBLE || change == TO_END)
        json_array_add_element (rebuilt, json_node_copy (json_array_get_element (array, index)));
      json_node_set_array (parent, rebuilt);
    }
  return json_to_string (copy, FALSE);
}

/* Values that some member takes, and some refuses. */
static const char * const values[] = {
  "null", "true", "0", "3", "-1", "1.5", "1e2", "''", "'x'", "'m'", "'2017-01-31'",
  "'2017-02-30'", "'10:00'", "'09:00'", "'25:00'", "'SECP1/01'", "'SECP39/01'", "'held'",
  "'scheduled'", "'none'", "'final'", "'white'", "'member'", "'present'", "'open'", "'noted'",
  "'wp-x'", "'Not An Id'", "'1'", "'1a'", "{}", "[]", "[{}]", "{'work_package': 'wp'}",
  "{'document': 'd'}", "{'document': 'd', 'row': 'r'}",
};

/* Each member and element of the seed left out, replaced by each value,
 * moved last, or doubled: both readers agree on every one. */
static void
test_mutations (void)
{
  g_autofree char *text = quorum_test_dq (seed);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (place_free);
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  Place top = { g_ptr_array_new (), g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint loaded = 0, refused = 0;

  g_assert_nonnull (root);
  g_assert_true (assert_same_reading (FILE_NAME, text, strlen (text)));
  collect_places (root, &top, places);
  g_ptr_array_unref (top.names);
  g_array_unref (top.indices);
  for (guint v = 0; v < G_N_ELEMENTS (values); v++)
    {
      g_autofree char *value = quorum_test_dq (values[v]);

      g_ptr_array_add (parsed, json_from_string (value, NULL));
    }

  for (guint p = 0; p < places->len; p++)
    for (guint c = REMOVE; c <= DOUBLE; c++)
      for (guint v = 0; v < (c == REPLACE ? parsed->len : 1); v++)
        {
          g_autofree char *mutant = mutate (root, g_ptr_array_index (places, p), c,
                                            g_ptr_array_index (parsed, v));

          if (assert_same_reading (FILE_NAME, mutant, strlen (mutant)))
            loaded++;
          else
            refused++;
        }
  g_test_message ("%u places: %u mutants loaded, %u refused", places->len, loaded, refused);
  g_assert_cmpuint (loaded, >, 100);
  g_assert_cmpuint (refused, >, 100);
}

/* Every object's members in the reverse order. */
static void
reverse_members (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      reverse_members (json_array_get_element (json_node_get_array (node), i));
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(JsonObject) reversed = json_object_new ();
      g_autoptr(GList) members = g_list_reverse (json_object_get_members (object));

      for (GList *m = members; m != NULL; m = m->next)
        {
          reverse_members (json_object_get_member (object, m->data));
          json_object_set_member (reversed, m->data,
                                  json_node_copy (json_object_get_member (object, m->data)));
        }
      json_node_set_object (node, reversed);
    }
}

/* The same meeting written otherwise: the same model (but for positions). */
static void
test_layouts (void)
{
  g_autofree char *text = quorum_test_dq (seed);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  g_autofree char *compact = json_to_string (root, FALSE);
  g_autofree char *pretty = json_to_string (root, TRUE);
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", pretty, NULL);
  g_autofree char *reversed = NULL;
  g_autofree char *unknown = NULL;

  g_assert_true (assert_same_reading (FILE_NAME, compact, strlen (compact)));
  g_assert_true (assert_same_reading (FILE_NAME, pretty, strlen (pretty)));
  g_assert_true (assert_same_reading (FILE_NAME, bom, strlen (bom)));
  /* actions before the items they name, the id after what needs it */
  reverse_members (root);
  reversed = json_to_string (root, TRUE);
  g_assert_true (assert_same_reading (FILE_NAME, reversed, strlen (reversed)));
  /* members the format does not know, at every level, are left alone */
  unknown = quorum_test_dq ("{'format': 'quorum.meeting/1', 'id': 'm', 'x': [{'y': null}],"
                            " 'committee': 'c', 'title': 't', 'date': '2017-01-01',"
                            " 'status': 'held', 'attendance': [{'name': 'n', 'role': 'member',"
                            " 'presence': 'part', 'x': {}}], 'items': [{'number': '1',"
                            " 'title': 't', 'x': 1, 'papers': [{'title': 't', 'x': [],"
                            " 'ref': {'work_package': 'w', 'x': true}}], 'outcomes': [{'kind':"
                            " 'other', 'text': 't', 'x': 'y'}]}], 'actions': [{'ref': 'A1/1',"
                            " 'text': 't', 'status': 'open', 'x': -1}], 'action_updates':"
                            " [{'ref': 'A1/1', 'status': 'open', 'x': 2.5}]}");
  g_assert_true (assert_same_reading (FILE_NAME, unknown, strlen (unknown)));
}

/* Refused by both: what only the text shows. */
static void
test_refused (void)
{
  g_autofree char *text = quorum_test_dq (seed);
  const char *body = strchr (text, ',');
  const char * const heads[] = {
    "{'format': 'quorum.meeting/2'", "{'format': 'quorum.meeting/0'",
    "{'format': 'quorum.budget/1'", "{'format': 'quorum.meeting/1', 'format': 'x'",
    "{'format': 'quorum.meeting/1', 'id': 'n'",
  };
  g_autofree char *trailing = g_strconcat (text, " x", NULL);
  g_autofree char *twice = g_strconcat (text, text, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autofree char *head = quorum_test_dq (heads[i]);
      g_autofree char *bad = g_strconcat (head, body, NULL);

      g_assert_false (assert_same_reading (FILE_NAME, bad, strlen (bad)));
    }
  g_assert_false (assert_same_reading (FILE_NAME, trailing, strlen (trailing)));
  g_assert_false (assert_same_reading (FILE_NAME, twice, strlen (twice)));
  g_assert_false (assert_same_reading (FILE_NAME, text, strlen (text) - 1));
  g_assert_false (assert_same_reading ("store/meetings/other.json", text, strlen (text)));
  g_assert_false (assert_same_reading (FILE_NAME, "", 0));
  g_assert_false (assert_same_reading (FILE_NAME, "[]", 2));
}

/* An item number used three times: twice an error, never a number freed
 * with its item and compared after (the fuzzer found one). */
static void
test_number_thrice (void)
{
  g_autofree char *text = quorum_test_dq (seed);
  g_autofree char *thrice = NULL;
  g_autoptr(GString) bad = g_string_new (text);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumMeeting) meeting = NULL;
  const char *other = "{\"number\": \"1a\", \"title\": \"Other\"}";
  const char *at = strstr (bad->str, other);

  g_assert_nonnull (at);
  thrice = g_strdup_printf ("%s, %s, %s", other, other, other);
  g_string_erase (bad, at - bad->str, strlen (other));
  g_string_insert (bad, at - bad->str, thrice);
  g_assert_false (assert_same_reading (FILE_NAME, bad->str, bad->len));
  meeting = quorum_meeting_new_from_data (FILE_NAME, bad->str, bad->len, problems);
  g_assert_null (meeting);
  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < problems->len; i++)
    g_assert_nonnull (strstr (quorum_problem_get_message (g_ptr_array_index (problems, i)),
                              "“1a” is used twice"));
}

/* A list of QUORUM_MAX_MEETING_ENTRIES is read; one more is refused. */
static void
test_entries_limit (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"quorum.meeting/1\", \"id\": \"m\","
                                          " \"committee\": \"c\", \"title\": \"t\","
                                          " \"date\": \"2017-01-01\", \"status\": \"held\","
                                          " \"action_updates\": [");

  for (guint i = 0; i < QUORUM_MAX_MEETING_ENTRIES; i++)
    g_string_append_printf (text, "%s{\"ref\": \"A1/%u\", \"status\": \"open\"}",
                            i > 0 ? ", " : "", i);
  g_string_append (text, "]}");
  g_assert_true (assert_same_reading (FILE_NAME, text->str, text->len));
  g_string_truncate (text, text->len - 2);
  g_string_append (text, ", {\"ref\": \"A1/1\", \"status\": \"open\"}]}");
  g_assert_false (assert_same_reading (FILE_NAME, text->str, text->len));
}

/* A format the strict loader reads as version 1, spelled otherwise: the
 * direct reader leaves it to the strict one, through the public entry. */
static void
test_format_spelled_otherwise (void)
{
  g_autofree char *text = quorum_test_dq (seed);
  g_autofree char *other = g_strconcat ("{\"format\": \"quorum.meeting/01\"",
                                        strchr (text, ','), NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumMeeting) direct = _quorum_meeting_read (FILE_NAME, other, strlen (other));
  g_autoptr(QuorumMeeting) strict = _quorum_meeting_load_strict (FILE_NAME, other,
                                                                 strlen (other), problems);
  g_autoptr(QuorumMeeting) meeting = quorum_meeting_new_from_data (FILE_NAME, other,
                                                                   strlen (other), problems);

  g_assert_null (direct);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (strict);
  g_assert_nonnull (meeting);
  g_assert_cmpstr (quorum_meeting_get_title (meeting), ==, "Panel 39");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting-read/sample-store", test_sample_store);
  g_test_add_func ("/meeting-read/mutations", test_mutations);
  g_test_add_func ("/meeting-read/layouts", test_layouts);
  g_test_add_func ("/meeting-read/refused", test_refused);
  g_test_add_func ("/meeting-read/number-thrice", test_number_thrice);
  g_test_add_func ("/meeting-read/entries-limit", test_entries_limit);
  g_test_add_func ("/meeting-read/format-spelled-otherwise", test_format_spelled_otherwise);

  return g_test_run ();
}
