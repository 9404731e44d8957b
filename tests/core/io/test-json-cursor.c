/* test-json-cursor.c: the JSON cursor, token by token, against the tree reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-json-cursor.h"

#include <string.h>

/* Reads TEXT to its end or its first error. */
static QuorumJsonToken
read_all (QuorumJsonCursor *cursor)
{
  QuorumJsonToken token;

  while ((token = quorum_json_cursor_next (cursor)) != QUORUM_JSON_TOKEN_END &&
         token != QUORUM_JSON_TOKEN_ERROR)
    ;
  return token;
}

/* The cursor accepts TEXT exactly when the tree reader does, and refuses
 * it with the same error at the same line:column. */
static void
assert_same_as_tree (const char *text,
                     gsize       length)
{
  g_autoptr(QuorumJsonCursor) cursor = quorum_json_cursor_new (text, length);
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(GError) tree_error = NULL;
  guint tree_line = 0, tree_column = 0, line = 0, column = 0;
  QuorumJsonToken token = read_all (cursor);
  const GError *error = quorum_json_cursor_get_error (cursor, &line, &column);

  tree = quorum_json_tree_parse (text, length, &tree_line, &tree_column, &tree_error);
  if (tree != NULL)
    {
      if (token != QUORUM_JSON_TOKEN_END)
        g_error ("the cursor refuses %.*s: %s", (int) length, text, error->message);
      g_assert_null (error);
      return;
    }
  if (token != QUORUM_JSON_TOKEN_ERROR)
    g_error ("the cursor accepts %.*s: %s", (int) length, text, tree_error->message);
  g_assert_nonnull (error);
  g_assert_true (error->domain == tree_error->domain);
  g_assert_cmpint (error->code, ==, tree_error->code);
  g_assert_cmpstr (error->message, ==, tree_error->message);
  g_assert_cmpuint (line, ==, tree_line);
  g_assert_cmpuint (column, ==, tree_column);
}

/* Texts that use every kind of token, escape and number, on one line and
 * on several, with and without a byte order mark. */
static const char * const seeds[] = {
  "{\"a\": [1, -2.5e3, 0, 1E+2, true, false, null], \"b\\u00e9\": {\"c\": "
  "\"x\\\"y\\\\\\/\\b\\f\\n\\r\\t\\u20ac\\ud83d\\ude00\", \"d\": []}, \"e\": {}}",
  "{\n  \"é\": \"ü€ and 😀\",\n\t\"n\": [0.5, 10e-2, -0],\r\n  \"o\": {\"p\": [[], [{}]]}\n}\n",
  "\xef\xbb\xbf[\"a\", {\"b\": \"c\"}]",
  "{\"m01\": 1, \"m02\": 2, \"m03\": 3, \"m04\": 4, \"m05\": 5, \"m06\": 6, \"m07\": 7, "
  "\"m08\": 8, \"m09\": 9, \"m10\": 10, \"m11\": 11, \"m12\": 12, \"m13\": 13, \"m14\": 14, "
  "\"m15\": 15, \"m16\": 16, \"m17\": 17, \"m18\": 18, \"m19\": 19}",
  "\"a long string, longer than a word of eight bytes, to be read eight at a time\"",
};

/* Bytes that make or break JSON, put in every place of every seed. */
static const char mutations[] = "\"\\,:{}[]\n\x01\xff\xc3 0-.eu1a";

static void
test_same_errors_as_tree (void)
{
  guint n = 0;

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      const char *seed = seeds[s];
      gsize length = strlen (seed);
      g_autofree char *text = g_malloc (length + 2);

      assert_same_as_tree (seed, length);
      for (gsize i = 0; i <= length; i++)
        {
          /* cut short */
          assert_same_as_tree (seed, i);
          if (i == length)
            break;
          /* a byte left out */
          memcpy (text, seed, i);
          memcpy (text + i, seed + i + 1, length - i - 1);
          assert_same_as_tree (text, length - 1);
          for (gsize m = 0; m < sizeof mutations - 1; m++)
            {
              /* a byte changed */
              memcpy (text, seed, length);
              text[i] = mutations[m];
              assert_same_as_tree (text, length);
              /* a byte added */
              memcpy (text, seed, i);
              text[i] = mutations[m];
              memcpy (text + i + 1, seed + i, length - i);
              assert_same_as_tree (text, length + 1);
              n += 2;
            }
          n += 2;
        }
    }
  g_test_message ("%u texts", n);
}

static void
assert_next (QuorumJsonCursor *cursor,
             QuorumJsonToken   token,
             const char       *text)
{
  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, token);
  g_assert_cmpstr (quorum_json_cursor_get_string (cursor, NULL), ==, text);
}

static void
test_tokens (void)
{
  const char *text = seeds[0];
  g_autoptr(QuorumJsonCursor) cursor = quorum_json_cursor_new (text, strlen (text));
  g_autofree char *copy = NULL;
  gsize length = 0;

  g_assert_cmpuint (quorum_json_cursor_get_depth (cursor), ==, 0);
  assert_next (cursor, QUORUM_JSON_TOKEN_BEGIN_OBJECT, NULL);
  g_assert_cmpuint (quorum_json_cursor_get_depth (cursor), ==, 1);
  assert_next (cursor, QUORUM_JSON_TOKEN_MEMBER, "a");
  g_assert_true (quorum_json_cursor_string_is (cursor, "a"));
  assert_next (cursor, QUORUM_JSON_TOKEN_BEGIN_ARRAY, NULL);
  g_assert_cmpuint (quorum_json_cursor_get_depth (cursor), ==, 2);
  /* numbers as written */
  assert_next (cursor, QUORUM_JSON_TOKEN_NUMBER, "1");
  assert_next (cursor, QUORUM_JSON_TOKEN_NUMBER, "-2.5e3");
  assert_next (cursor, QUORUM_JSON_TOKEN_NUMBER, "0");
  assert_next (cursor, QUORUM_JSON_TOKEN_NUMBER, "1E+2");
  assert_next (cursor, QUORUM_JSON_TOKEN_TRUE, NULL);
  assert_next (cursor, QUORUM_JSON_TOKEN_FALSE, NULL);
  assert_next (cursor, QUORUM_JSON_TOKEN_NULL, NULL);
  assert_next (cursor, QUORUM_JSON_TOKEN_END_ARRAY, NULL);
  g_assert_cmpuint (quorum_json_cursor_get_depth (cursor), ==, 1);
  /* escapes decoded, in names too */
  assert_next (cursor, QUORUM_JSON_TOKEN_MEMBER, "bé");
  assert_next (cursor, QUORUM_JSON_TOKEN_BEGIN_OBJECT, NULL);
  assert_next (cursor, QUORUM_JSON_TOKEN_MEMBER, "c");
  assert_next (cursor, QUORUM_JSON_TOKEN_STRING, "x\"y\\/\b\f\n\r\t€😀");
  g_assert_cmpstr (quorum_json_cursor_get_string (cursor, &length), ==, "x\"y\\/\b\f\n\r\t€😀");
  g_assert_cmpuint (length, ==, strlen ("x\"y\\/\b\f\n\r\t€😀"));
  copy = quorum_json_cursor_dup_string (cursor);
  g_assert_cmpstr (copy, ==, "x\"y\\/\b\f\n\r\t€😀");
  assert_next (cursor, QUORUM_JSON_TOKEN_MEMBER, "d");
  assert_next (cursor, QUORUM_JSON_TOKEN_BEGIN_ARRAY, NULL);
  assert_next (cursor, QUORUM_JSON_TOKEN_END_ARRAY, NULL);
  assert_next (cursor, QUORUM_JSON_TOKEN_END_OBJECT, NULL);
  /* "c" and "d" were the inner object's: "d" may be a name here */
  assert_next (cursor, QUORUM_JSON_TOKEN_MEMBER, "e");
  assert_next (cursor, QUORUM_JSON_TOKEN_BEGIN_OBJECT, NULL);
  assert_next (cursor, QUORUM_JSON_TOKEN_END_OBJECT, NULL);
  assert_next (cursor, QUORUM_JSON_TOKEN_END_OBJECT, NULL);
  g_assert_cmpuint (quorum_json_cursor_get_depth (cursor), ==, 0);
  assert_next (cursor, QUORUM_JSON_TOKEN_END, NULL);
  /* and the end again */
  assert_next (cursor, QUORUM_JSON_TOKEN_END, NULL);
  g_assert_null (quorum_json_cursor_get_error (cursor, NULL, NULL));
  g_assert_cmpuint (quorum_json_cursor_get_offset (cursor), ==, strlen (text));
}

static void
assert_location (QuorumJsonCursor *cursor,
                 QuorumJsonToken   token,
                 guint             line,
                 guint             column)
{
  guint l = 0, c = 0;

  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, token);
  quorum_json_cursor_get_location (cursor, &l, &c);
  g_assert_cmpuint (l, ==, line);
  g_assert_cmpuint (c, ==, column);
}

/* Positions as the tree reader gives them (test-json.c's), a token's first
 * byte: lines from 1, columns in characters from 1, after a byte order
 * mark; asked for some tokens and not others. */
static void
test_locations (void)
{
  const char *text =
    "\xef\xbb\xbf{\n"
    "  \"a\": 1,\n"
    "  \"b\": [true, null, \"x\"],\n"
    "  \"c\": {\"d\": -0.50},\n"
    "  \"é\": \"ü\", \"€😀\": \"f\"\n"
    "}\n";
  g_autoptr(QuorumJsonCursor) cursor = quorum_json_cursor_new (text, strlen (text));

  assert_location (cursor, QUORUM_JSON_TOKEN_BEGIN_OBJECT, 1, 1);
  assert_location (cursor, QUORUM_JSON_TOKEN_MEMBER, 2, 3);
  assert_location (cursor, QUORUM_JSON_TOKEN_NUMBER, 2, 8);
  assert_location (cursor, QUORUM_JSON_TOKEN_MEMBER, 3, 3);
  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_TRUE);
  assert_location (cursor, QUORUM_JSON_TOKEN_NULL, 3, 15);
  assert_location (cursor, QUORUM_JSON_TOKEN_STRING, 3, 21);
  assert_location (cursor, QUORUM_JSON_TOKEN_END_ARRAY, 3, 24);
  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_MEMBER);
  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_MEMBER);
  assert_location (cursor, QUORUM_JSON_TOKEN_NUMBER, 4, 14);
  assert_location (cursor, QUORUM_JSON_TOKEN_END_OBJECT, 4, 19);
  assert_location (cursor, QUORUM_JSON_TOKEN_MEMBER, 5, 3);
  assert_location (cursor, QUORUM_JSON_TOKEN_STRING, 5, 8);
  /* on the same line, counted on from the last */
  assert_location (cursor, QUORUM_JSON_TOKEN_MEMBER, 5, 13);
  assert_location (cursor, QUORUM_JSON_TOKEN_STRING, 5, 19);
  assert_location (cursor, QUORUM_JSON_TOKEN_END_OBJECT, 6, 1);
  assert_location (cursor, QUORUM_JSON_TOKEN_END, 7, 1);
}

/* A member is where its name is, wherever its colon is. */
static void
test_locations_of_names (void)
{
  const char *text = "{\"a\"\n  : 1, \n\"b\"\t:\n[\n\"c\"]}";
  g_autoptr(QuorumJsonCursor) cursor = quorum_json_cursor_new (text, strlen (text));

  assert_location (cursor, QUORUM_JSON_TOKEN_BEGIN_OBJECT, 1, 1);
  assert_location (cursor, QUORUM_JSON_TOKEN_MEMBER, 1, 2);
  assert_location (cursor, QUORUM_JSON_TOKEN_NUMBER, 2, 5);
  assert_location (cursor, QUORUM_JSON_TOKEN_MEMBER, 3, 1);
  assert_location (cursor, QUORUM_JSON_TOKEN_BEGIN_ARRAY, 4, 1);
  assert_location (cursor, QUORUM_JSON_TOKEN_STRING, 5, 1);
  assert_location (cursor, QUORUM_JSON_TOKEN_END_ARRAY, 5, 4);
}

/* One long line (a minified file): columns counted on, not again. */
static void
test_locations_one_line (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(QuorumJsonCursor) cursor = NULL;
  guint column = 2;

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, i == 0 ? "\"é\"" : ", \"é\"");
  g_string_append (text, "]");
  cursor = quorum_json_cursor_new (text->str, text->len);
  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_BEGIN_ARRAY);
  for (guint i = 0; i < 2000; i++, column += 5)
    if (i % 7 == 0)
      assert_location (cursor, QUORUM_JSON_TOKEN_STRING, 1, column);
    else
      g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_STRING);
  assert_location (cursor, QUORUM_JSON_TOKEN_END_ARRAY, 1, column - 2);
}

/* TEXT is refused with an error CODE at LINE:COLUMN that SAYS so, as the
 * tree reader refuses it. */
static void
assert_refused (const char *text,
                gsize       length,
                QuorumError code,
                guint       line,
                guint       column,
                const char *says)
{
  g_autoptr(QuorumJsonCursor) cursor = quorum_json_cursor_new (text, length);
  guint l = 0, c = 0;
  const GError *error;

  g_assert_cmpint (read_all (cursor), ==, QUORUM_JSON_TOKEN_ERROR);
  error = quorum_json_cursor_get_error (cursor, &l, &c);
  g_assert_error (error, QUORUM_ERROR, (gint) code);
  g_assert_cmpuint (l, ==, line);
  g_assert_cmpuint (c, ==, column);
  g_assert_nonnull (strstr (error->message, says));
  assert_same_as_tree (text, length);
}

static void
assert_limit (const char *text,
              gsize       length,
              guint       line,
              guint       column,
              const char *says)
{
  assert_refused (text, length, QUORUM_ERROR_LIMIT, line, column, says);
}

static void
assert_accepted (const char *text,
                 gsize       length)
{
  g_autoptr(QuorumJsonCursor) cursor = quorum_json_cursor_new (text, length);

  g_assert_cmpint (read_all (cursor), ==, QUORUM_JSON_TOKEN_END);
}

static void
test_limits (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint max_string = QUORUM_JSON_MAX_STRING_BYTES;

  /* nesting: 64 levels are read, the 65th is refused where it opens */
  for (guint i = 0; i < QUORUM_JSON_MAX_DEPTH; i++)
    g_string_append (text, i % 2 == 0 ? "[" : "{\"k\":");
  g_string_append (text, "1");
  for (guint i = QUORUM_JSON_MAX_DEPTH; i > 0; i--)
    g_string_append_c (text, (i - 1) % 2 == 0 ? ']' : '}');
  assert_accepted (text->str, text->len);
  g_string_truncate (text, 0);
  for (guint i = 0; i <= QUORUM_JSON_MAX_DEPTH; i++)
    g_string_append_c (text, '[');
  assert_limit (text->str, text->len, 1, QUORUM_JSON_MAX_DEPTH + 1, "nested deeper");

  /* a string's length, decoded: a \u00e9 is two bytes */
  g_string_assign (text, "[1, \"");
  for (guint i = 0; i < max_string; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "\"]");
  assert_accepted (text->str, text->len);
  g_string_insert (text, 6, "b");
  assert_limit (text->str, text->len, 1, 5, "string longer than");
  g_string_assign (text, "{\"");
  for (guint i = 0; i < max_string / 2; i++)
    g_string_append (text, "\\u00e9");
  g_string_append (text, "\": 1}");
  assert_accepted (text->str, text->len);
  g_string_insert (text, 2, "x");
  assert_limit (text->str, text->len, 1, 2, "string longer than");

  /* a number's length, as written */
  g_string_assign (text, "[-");
  for (guint i = 0; i < QUORUM_JSON_MAX_NUMBER_LENGTH - 3; i++)
    g_string_append_c (text, '1');
  g_string_append (text, ".5]");
  assert_accepted (text->str, text->len);
  g_string_insert (text, 3, "2");
  assert_limit (text->str, text->len, 1, 2, "number longer than");
}

/* TEXT is refused as having a duplicate member at LINE:COLUMN. */
static void
assert_duplicate (const char *text,
                  guint       line,
                  guint       column,
                  const char *name)
{
  g_autofree char *says = g_strdup_printf ("duplicate member “%s”", name);

  assert_refused (text, strlen (text), QUORUM_ERROR_SYNTAX, line, column, says);
}

static void
test_duplicates (void)
{
  const char *nested = "{\"a\": {\"a\": {\"a\": 1}, \"b\": 2}, \"b\": [{\"b\": 1}, {\"b\": 2}]}";
  g_autoptr(GString) many = g_string_new ("{");

  assert_duplicate ("{\"a\": 1, \"b\": 2, \"a\": 3}", 1, 18, "a");
  /* names are compared decoded */
  assert_duplicate ("{\"a\": 1, \"\\u0061\": 2}", 1, 10, "a");
  assert_duplicate ("{\"é\": 1, \"\\u00e9\": 2}", 1, 10, "é");
  /* an inner object's names are its own, and gone once it ends */
  assert_accepted (nested, strlen (nested));
  assert_duplicate ("{\"a\": {\"b\": 1}, \"c\": {\"b\": 1, \"b\": 2}}", 1, 31, "b");
  /* a large object's names are hashed: a duplicate of the first, and of
   * one added once they are */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (many, "%s\"n%u\": %u", i > 0 ? ", " : "", i, i);
  g_string_append (many, "}");
  assert_accepted (many->str, many->len);
  g_string_truncate (many, many->len - 1);
  g_string_append (many, ", \"n0\": 0}");
  assert_duplicate (many->str, 1, many->len - 7, "n0");
  g_string_truncate (many, many->len - 10);
  g_string_append (many, ", \"n39\": 0}");
  assert_duplicate (many->str, 1, many->len - 8, "n39");
}

static void
test_skip (void)
{
  const char *text = "{\"x\": {\"deep\": [1, {\"y\": [2, \"z\"]}]}, \"s\": \"t\", \"z\": [], "
                     "\"bad\": [1, {\"u\": 1, \"u\": 2}]}";
  g_autoptr(QuorumJsonCursor) cursor = quorum_json_cursor_new (text, strlen (text));

  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_BEGIN_OBJECT);
  /* a member's value, from its name */
  assert_next (cursor, QUORUM_JSON_TOKEN_MEMBER, "x");
  g_assert_true (quorum_json_cursor_skip (cursor));
  g_assert_cmpuint (quorum_json_cursor_get_depth (cursor), ==, 1);
  /* a scalar, once read */
  assert_next (cursor, QUORUM_JSON_TOKEN_MEMBER, "s");
  assert_next (cursor, QUORUM_JSON_TOKEN_STRING, "t");
  g_assert_true (quorum_json_cursor_skip (cursor));
  /* a value once begun */
  assert_next (cursor, QUORUM_JSON_TOKEN_MEMBER, "z");
  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_true (quorum_json_cursor_skip (cursor));
  /* skipped, but read as strictly */
  assert_next (cursor, QUORUM_JSON_TOKEN_MEMBER, "bad");
  g_assert_false (quorum_json_cursor_skip (cursor));
  g_assert_error (quorum_json_cursor_get_error (cursor, NULL, NULL), QUORUM_ERROR,
                  QUORUM_ERROR_SYNTAX);
  /* the error stays */
  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_ERROR);
  g_assert_false (quorum_json_cursor_skip (cursor));
}

static void
test_empty (void)
{
  g_autoptr(QuorumJsonCursor) cursor = quorum_json_cursor_new (NULL, 0);
  guint line = 0, column = 0;

  g_assert_cmpint (quorum_json_cursor_next (cursor), ==, QUORUM_JSON_TOKEN_ERROR);
  g_assert_error (quorum_json_cursor_get_error (cursor, &line, &column), QUORUM_ERROR,
                  QUORUM_ERROR_SYNTAX);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  assert_same_as_tree ("", 0);
  assert_same_as_tree ("\xef\xbb\xbf", 3);
  assert_same_as_tree ("{}\0", 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-cursor/tokens", test_tokens);
  g_test_add_func ("/json-cursor/locations", test_locations);
  g_test_add_func ("/json-cursor/locations-of-names", test_locations_of_names);
  g_test_add_func ("/json-cursor/locations-one-line", test_locations_one_line);
  g_test_add_func ("/json-cursor/limits", test_limits);
  g_test_add_func ("/json-cursor/duplicates", test_duplicates);
  g_test_add_func ("/json-cursor/skip", test_skip);
  g_test_add_func ("/json-cursor/empty", test_empty);
  g_test_add_func ("/json-cursor/same-errors-as-tree", test_same_errors_as_tree);

  return g_test_run ();
}
