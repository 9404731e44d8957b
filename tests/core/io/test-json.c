/* test-json.c: the strict JSON reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-json-private.h"

#include <string.h>

static QuorumJsonTree *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  QuorumJsonTree *tree = quorum_json_tree_parse (text, strlen (text), NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tree);
  return tree;
}

static void
assert_location (QuorumJsonTree *tree,
                 JsonNode       *node,
                 guint           line,
                 guint           column)
{
  guint l = 0, c = 0;

  g_assert_nonnull (node);
  g_assert_true (quorum_json_tree_get_location (tree, node, &l, &c));
  g_assert_cmpuint (l, ==, line);
  g_assert_cmpuint (c, ==, column);
}

static void
test_locations (void)
{
  const char *text =
    "{\n"
    "  \"a\": 1,\n"
    "  \"b\": [true, null, \"x\"],\n"
    "  \"c\": {\"d\": -0.50},\n"
    "  \"é\": \"ü\"\n"
    "}\n";
  g_autoptr(QuorumJsonTree) tree = parse_ok (text);
  JsonNode *root = quorum_json_tree_get_root (tree);
  JsonObject *object;
  JsonArray *array;
  JsonNode *c;
  guint line = 99, column = 99;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  assert_location (tree, root, 1, 1);
  assert_location (tree, json_object_get_member (object, "a"), 2, 8);

  array = json_object_get_array_member (object, "b");
  assert_location (tree, json_object_get_member (object, "b"), 3, 8);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  assert_location (tree, json_array_get_element (array, 0), 3, 9);
  assert_location (tree, json_array_get_element (array, 1), 3, 15);
  assert_location (tree, json_array_get_element (array, 2), 3, 21);
  g_assert_true (json_array_get_boolean_element (array, 0));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_array_get_element (array, 1)));
  g_assert_cmpstr (json_array_get_string_element (array, 2), ==, "x");

  c = json_object_get_member (object, "c");
  assert_location (tree, c, 4, 8);
  assert_location (tree, json_object_get_member (json_node_get_object (c), "d"), 4, 14);

  /* columns count characters, not bytes */
  assert_location (tree, json_object_get_member (object, "é"), 5, 8);
  g_assert_cmpstr (json_object_get_string_member (object, "é"), ==, "ü");

  /* a node of another tree has no location here */
  {
    g_autoptr(JsonNode) other = json_node_new (JSON_NODE_NULL);

    g_assert_false (quorum_json_tree_get_location (tree, other, &line, &column));
    g_assert_cmpuint (line, ==, 99);
    g_assert_cmpuint (column, ==, 99);
    g_assert_false (quorum_json_tree_get_location (tree, NULL, NULL, NULL));
  }
}

static void
test_number_text (void)
{
  const char *text =
    "[-0.50, 1e3, 1E+2, 0.1000, 7, -0, 123456789012345678901234567890, "
    "9223372036854775807, 9223372036854775808, 1.5e-1, \"1.50\", true, null]";
  static const char * const expected[] = {
    "-0.50", "1e3", "1E+2", "0.1000", "7", "-0", "123456789012345678901234567890",
    "9223372036854775807", "9223372036854775808", "1.5e-1",
  };
  g_autoptr(QuorumJsonTree) tree = parse_ok (text);
  JsonArray *array = json_node_get_array (quorum_json_tree_get_root (tree));

  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (expected) + 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (quorum_json_tree_get_number_text (tree, json_array_get_element (array, i)),
                     ==, expected[i]);

  /* strings, booleans and null have no number text */
  for (guint i = G_N_ELEMENTS (expected); i < json_array_get_length (array); i++)
    g_assert_null (quorum_json_tree_get_number_text (tree, json_array_get_element (array, i)));
  g_assert_null (quorum_json_tree_get_number_text (tree, quorum_json_tree_get_root (tree)));

  /* the nodes hold the values json-glib would give */
  g_assert_cmpfloat (json_array_get_double_element (array, 0), ==, -0.5);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 4)), ==,
                   G_TYPE_INT64);
  g_assert_cmpint (json_array_get_int_element (array, 4), ==, 7);
  g_assert_cmpint (json_array_get_int_element (array, 7), ==, G_MAXINT64);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 8)), ==,
                   G_TYPE_DOUBLE);
}

static void
test_strings (void)
{
  const char *text =
    "[\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\", \"\\u00e9\\u20AC\", \"\\ud83d\\ude00\", \"\", "
    "\"raw é 😀\"]";
  g_autoptr(QuorumJsonTree) tree = parse_ok (text);
  JsonArray *array = json_node_get_array (quorum_json_tree_get_root (tree));

  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "q\" b\\ s/ \b\f\n\r\t");
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "é€");
  g_assert_cmpstr (json_array_get_string_element (array, 2), ==, "😀");
  g_assert_cmpstr (json_array_get_string_element (array, 3), ==, "");
  g_assert_cmpstr (json_array_get_string_element (array, 4), ==, "raw é 😀");
}

static void
test_scalars_and_bom (void)
{
  g_autoptr(QuorumJsonTree) number = parse_ok (" 42 ");
  g_autoptr(QuorumJsonTree) string = parse_ok ("\n\"s\"\n");
  g_autoptr(QuorumJsonTree) null = parse_ok ("null");
  g_autoptr(QuorumJsonTree) bom = parse_ok ("\xef\xbb\xbf{\"a\": 1}");

  g_assert_cmpstr (quorum_json_tree_get_number_text (number, quorum_json_tree_get_root (number)),
                   ==, "42");
  assert_location (number, quorum_json_tree_get_root (number), 1, 2);
  g_assert_cmpstr (json_node_get_string (quorum_json_tree_get_root (string)), ==, "s");
  assert_location (string, quorum_json_tree_get_root (string), 2, 1);
  g_assert_true (JSON_NODE_HOLDS_NULL (quorum_json_tree_get_root (null)));
  /* a byte order mark is skipped and not counted as a column */
  assert_location (bom, quorum_json_tree_get_root (bom), 1, 1);
  assert_location (bom,
                   json_object_get_member (json_node_get_object (quorum_json_tree_get_root (bom)),
                                           "a"),
                   1, 7);
}

static void
test_ref (void)
{
  QuorumJsonTree *tree = parse_ok ("{\"a\": [1]}");
  QuorumJsonTree *ref = quorum_json_tree_ref (tree);

  g_assert_true (ref == tree);
  quorum_json_tree_unref (tree);
  /* still alive through the second reference */
  g_assert_true (JSON_NODE_HOLDS_OBJECT (quorum_json_tree_get_root (ref)));
  quorum_json_tree_unref (ref);
}

/* Syntax errors ----------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *text;
  gssize length;          /* -1: strlen */
  guint line;
  guint column;
  QuorumError code;
  const char *message;    /* a substring */
} BadJson;

static const BadJson bad_json[] = {
  { "empty", "", -1, 1, 1, QUORUM_ERROR_SYNTAX, "unexpected end of file" },
  { "only-space", "  \n\t\n", -1, 3, 1, QUORUM_ERROR_SYNTAX, "unexpected end of file" },
  { "unterminated-string", "{\"a\": \"abc", -1, 1, 7, QUORUM_ERROR_SYNTAX,
    "unterminated string" },
  { "unterminated-escape", "[\"ab\\", -1, 1, 2, QUORUM_ERROR_SYNTAX, "unterminated string" },
  { "newline-in-string", "{\n  \"a\": \"abc\n\"}", -1, 2, 12, QUORUM_ERROR_SYNTAX,
    "control character in a string" },
  { "tab-in-string", "[\"a\tb\"]", -1, 1, 4, QUORUM_ERROR_SYNTAX,
    "control character in a string" },
  { "control-char", "[\"\x01\"]", -1, 1, 3, QUORUM_ERROR_SYNTAX,
    "control character in a string" },
  { "trailing-comma-array", "[1, 2,]", -1, 1, 7, QUORUM_ERROR_SYNTAX,
    "expected a value, found “]”" },
  { "trailing-comma-object", "{\"a\": 1,}", -1, 1, 9, QUORUM_ERROR_SYNTAX,
    "expected a member name in quotes, found “}”" },
  { "missing-colon", "{\"a\" 1}", -1, 1, 6, QUORUM_ERROR_SYNTAX,
    "expected “:” after the member name, found “1”" },
  { "missing-comma", "{\"a\": 1 \"b\": 2}", -1, 1, 9, QUORUM_ERROR_SYNTAX,
    "expected “,” or “}”, found “\"”" },
  { "missing-bracket", "[1, 2", -1, 1, 6, QUORUM_ERROR_SYNTAX,
    "expected “,” or “]”, found end of file" },
  { "unquoted-name", "{a: 1}", -1, 1, 2, QUORUM_ERROR_SYNTAX,
    "expected a member name in quotes, found “a”" },
  { "single-quotes", "{'a': 1}", -1, 1, 2, QUORUM_ERROR_SYNTAX,
    "expected a member name in quotes" },
  { "garbage-after", "{} x", -1, 1, 4, QUORUM_ERROR_SYNTAX,
    "unexpected “x” after the end of the JSON text" },
  { "second-value", "1 2", -1, 1, 3, QUORUM_ERROR_SYNTAX, "after the end of the JSON text" },
  { "extra-brace", "{}}", -1, 1, 3, QUORUM_ERROR_SYNTAX, "after the end of the JSON text" },
  { "garbage-later-line", "{}\n\n  x", -1, 3, 3, QUORUM_ERROR_SYNTAX,
    "after the end of the JSON text" },
  { "nul-after", "{}\0", 3, 1, 3, QUORUM_ERROR_SYNTAX, "unexpected byte 0x00 after the end" },
  { "comment", "// x\n{}", -1, 1, 1, QUORUM_ERROR_SYNTAX, "expected a value, found “/”" },
  { "leading-zero", "[01]", -1, 1, 2, QUORUM_ERROR_SYNTAX, "numbers may not have leading zeros" },
  { "leading-zero-negative", "{\"a\": -012}", -1, 1, 7, QUORUM_ERROR_SYNTAX,
    "numbers may not have leading zeros" },
  { "plus", "[+1]", -1, 1, 2, QUORUM_ERROR_SYNTAX, "expected a value, found “+”" },
  { "bare-point", "[.5]", -1, 1, 2, QUORUM_ERROR_SYNTAX, "expected a value, found “.”" },
  { "point-no-digit", "[1.]", -1, 1, 4, QUORUM_ERROR_SYNTAX,
    "expected a digit after the decimal point" },
  { "exponent-no-digit", "[1e]", -1, 1, 4, QUORUM_ERROR_SYNTAX,
    "expected a digit in the exponent" },
  { "minus-alone", "-", -1, 1, 2, QUORUM_ERROR_SYNTAX, "expected a digit, found end of file" },
  { "nan", "[NaN]", -1, 1, 2, QUORUM_ERROR_SYNTAX, "expected a value, found “N”" },
  { "bad-literal", "[tru]", -1, 1, 2, QUORUM_ERROR_SYNTAX, "expected a value, found “t”" },
  { "capital-literal", "True", -1, 1, 1, QUORUM_ERROR_SYNTAX, "expected a value, found “T”" },
  { "literal-suffix", "[nullx]", -1, 1, 6, QUORUM_ERROR_SYNTAX, "expected “,” or “]”" },
  { "invalid-escape", "[\"\\x\"]", -1, 1, 3, QUORUM_ERROR_SYNTAX, "invalid escape sequence" },
  { "invalid-escape-later", "{\"k\": \"ab\\'\"}", -1, 1, 10, QUORUM_ERROR_SYNTAX,
    "invalid escape sequence" },
  { "bad-hex", "[\"ab\\u12G4\"]", -1, 1, 5, QUORUM_ERROR_SYNTAX, "invalid \\u escape" },
  { "short-hex", "[\"\\u12\"]", -1, 1, 3, QUORUM_ERROR_SYNTAX, "invalid \\u escape" },
  { "nul-escape", "[\"\\u0000\"]", -1, 1, 3, QUORUM_ERROR_SYNTAX, "\\u0000 is not allowed" },
  { "lone-high-surrogate", "[\"\\ud800\"]", -1, 1, 3, QUORUM_ERROR_SYNTAX,
    "unpaired surrogate" },
  { "lone-low-surrogate", "[\"\\udc00\"]", -1, 1, 3, QUORUM_ERROR_SYNTAX,
    "unpaired surrogate" },
  { "high-then-letter", "[\"x\\ud800\\u0041\"]", -1, 1, 4, QUORUM_ERROR_SYNTAX,
    "unpaired surrogate" },
  { "high-then-escape", "[\"\\ud83d\\n\"]", -1, 1, 3, QUORUM_ERROR_SYNTAX,
    "unpaired surrogate" },
  { "high-at-end", "[\"\\ud83d", -1, 1, 3, QUORUM_ERROR_SYNTAX, "unpaired surrogate" },
  { "invalid-utf8", "[\"a\xff\"]", -1, 1, 4, QUORUM_ERROR_SYNTAX, "invalid UTF-8 in a string" },
  { "truncated-utf8", "[\"\xc3(\"]", -1, 1, 3, QUORUM_ERROR_SYNTAX, "invalid UTF-8" },
  { "overlong-utf8", "[\"\xc0\xaf\"]", -1, 1, 3, QUORUM_ERROR_SYNTAX, "invalid UTF-8" },
  { "surrogate-utf8", "[\"\xed\xa0\x80\"]", -1, 1, 3, QUORUM_ERROR_SYNTAX, "invalid UTF-8" },
  { "utf8-after-char", "[\"é\xff\"]", -1, 1, 4, QUORUM_ERROR_SYNTAX, "invalid UTF-8" },
  { "invalid-utf8-name", "{\"\xff\": 1}", -1, 1, 3, QUORUM_ERROR_SYNTAX, "invalid UTF-8" },
  { "non-ascii-outside", "é", -1, 1, 1, QUORUM_ERROR_SYNTAX,
    "expected a value, found byte 0xc3" },
  { "duplicate-member", "{\"a\": 1, \"a\": 2}", -1, 1, 10, QUORUM_ERROR_SYNTAX,
    "duplicate member “a”" },
  { "duplicate-nested", "{\"x\": {\"b\": 1,\n \"b\": [2]}}", -1, 2, 2, QUORUM_ERROR_SYNTAX,
    "duplicate member “b”" },
  { "error-on-line-3", "{\n  \"a\": 1,\n  \"b\": tru\n}", -1, 3, 8, QUORUM_ERROR_SYNTAX,
    "expected a value, found “t”" },
  { "column-counts-characters", "{\"é€😀\": x}", -1, 1, 9, QUORUM_ERROR_SYNTAX,
    "expected a value, found “x”" },
  { "error-after-bom", "\xef\xbb\xbf{\"a\": x}", -1, 1, 7, QUORUM_ERROR_SYNTAX,
    "expected a value, found “x”" },
  { "crlf", "{\r\n\"a\":\r\n}", -1, 3, 1, QUORUM_ERROR_SYNTAX, "expected a value, found “}”" },
};

static void
test_bad (gconstpointer data)
{
  const BadJson *bad = data;
  gsize length = bad->length < 0 ? strlen (bad->text) : (gsize) bad->length;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("%u:%u: ", bad->line, bad->column);
  guint line = 0, column = 0;
  QuorumJsonTree *tree;

  tree = quorum_json_tree_parse (bad->text, length, &line, &column, &error);
  g_assert_null (tree);
  g_assert_error (error, QUORUM_ERROR, (gint) bad->code);
  g_test_message ("message: %s", error->message);
  g_assert_cmpuint (line, ==, bad->line);
  g_assert_cmpuint (column, ==, bad->column);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, bad->message));
}

static void
test_bad_without_position (void)
{
  g_autoptr(GError) error = NULL;

  /* the position pointers are optional */
  g_assert_null (quorum_json_tree_parse ("[1,]", 4, NULL, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "1:4: "));

  /* and so is the error */
  g_assert_null (quorum_json_tree_parse ("[1,]", 4, NULL, NULL, NULL));
  /* NULL data is an empty text */
  g_clear_error (&error);
  g_assert_null (quorum_json_tree_parse (NULL, 0, NULL, NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_SYNTAX);
}

/* The length given is respected: the bytes after it are not read. */
static void
test_length (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "[1, 2] trailing";
  g_autoptr(QuorumJsonTree) tree = quorum_json_tree_parse (text, 6, NULL, NULL, &error);
  guint line = 0, column = 0;

  g_assert_no_error (error);
  g_assert_nonnull (tree);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (quorum_json_tree_get_root (tree))),
                    ==, 2);

  /* a string cut short by the length is unterminated */
  g_assert_null (quorum_json_tree_parse ("[\"abc\"]", 4, &line, &column, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "unterminated string"));
  g_assert_cmpuint (column, ==, 2);
}

static char *
nested (const char *open,
        const char *inner,
        const char *close,
        guint       depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  g_string_append (text, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);
  return g_string_free (text, FALSE);
}

static void
test_depth (void)
{
  g_autofree char *ok_arrays = nested ("[", "1", "]", QUORUM_JSON_MAX_DEPTH);
  g_autofree char *deep_arrays = nested ("[", "1", "]", QUORUM_JSON_MAX_DEPTH + 1);
  g_autofree char *ok_objects = nested ("{\"a\":", "1", "}", QUORUM_JSON_MAX_DEPTH);
  g_autofree char *deep_objects = nested ("{\"a\":", "1", "}", QUORUM_JSON_MAX_DEPTH + 1);
  g_autofree char *hostile = nested ("[", "", "", 1000000);
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;

  tree = quorum_json_tree_parse (ok_arrays, strlen (ok_arrays), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tree);
  g_clear_pointer (&tree, quorum_json_tree_unref);

  tree = quorum_json_tree_parse (ok_objects, strlen (ok_objects), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tree);
  g_clear_pointer (&tree, quorum_json_tree_unref);

  /* one level too many: a documented limit, not a syntax error */
  g_assert_null (quorum_json_tree_parse (deep_arrays, strlen (deep_arrays), &line, &column,
                                         &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, QUORUM_JSON_MAX_DEPTH + 1);
  g_assert_nonnull (strstr (error->message, "nested deeper than 64 levels"));
  g_clear_error (&error);

  g_assert_null (quorum_json_tree_parse (deep_objects, strlen (deep_objects), &line, &column,
                                         &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT);
  g_assert_cmpuint (column, ==, QUORUM_JSON_MAX_DEPTH * 5 + 1);
  g_clear_error (&error);

  /* a million brackets cost no stack */
  g_assert_null (quorum_json_tree_parse (hostile, strlen (hostile), &line, &column, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT);
  g_assert_cmpuint (column, ==, QUORUM_JSON_MAX_DEPTH + 1);
}

static void
test_long_tokens (void)
{
  g_autoptr(GString) text = g_string_new ("[1, \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumJsonTree) tree = NULL;
  guint line = 0, column = 0;

  /* a string of exactly the limit is fine … */
  for (guint i = 0; i < QUORUM_JSON_MAX_STRING_BYTES; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"]");
  tree = quorum_json_tree_parse (text->str, text->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tree);
  g_clear_pointer (&tree, quorum_json_tree_unref);

  /* … one byte more is not */
  g_string_truncate (text, text->len - 2);
  g_string_append (text, "x\"]");
  g_assert_null (quorum_json_tree_parse (text->str, text->len, &line, &column, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "string longer than"));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 5);
  g_clear_error (&error);

  /* numbers are bounded too */
  g_string_assign (text, "[");
  for (guint i = 0; i < 600; i++)
    g_string_append_c (text, '7');
  g_string_append (text, "]");
  g_assert_null (quorum_json_tree_parse (text->str, text->len, &line, &column, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "number longer than 512 characters"));
  g_assert_cmpuint (column, ==, 2);
}

/* A minified file is one long line: reading it must stay linear. */
static void
test_long_line (void)
{
  const guint n = 200000;
  g_autoptr(GString) text = g_string_sized_new (n * 8);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  guint line = 0, column = 0;

  g_string_append (text, "[\"é\"");
  for (guint i = 1; i < n; i++)
    g_string_append (text, ",{\"a\":1}");
  g_string_append (text, "]");

  tree = quorum_json_tree_parse (text->str, text->len, NULL, NULL, &error);
  g_assert_no_error (error);
  array = json_node_get_array (quorum_json_tree_get_root (tree));
  g_assert_cmpuint (json_array_get_length (array), ==, n);
  /* the last object starts at character 1 + 3 + 8 × (n − 2) + 2 */
  g_assert_true (quorum_json_tree_get_location (tree, json_array_get_element (array, n - 1),
                                                &line, &column));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1 + 3 + 8 * (n - 2) + 2);

  /* an error at the end of it is placed just as well */
  g_string_truncate (text, text->len - 1);
  g_string_append (text, "x");
  g_clear_pointer (&tree, quorum_json_tree_unref);
  g_assert_null (quorum_json_tree_parse (text->str, text->len, &line, &column, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_SYNTAX);
  g_assert_cmpuint (column, ==, 1 + 3 + 8 * (n - 1) + 1);

  /* Seconds, not the hours a quadratic count of columns would take: the
   * test's time limit catches that; the time itself is for the log only. */
  g_test_message ("%u values on one line: %.2f s", n, g_timer_elapsed (timer, NULL));
}

/* Writing ----------------------------------------------------------------- */

/* Text already in the writer's layout comes back byte for byte: member
 * order, unknown members and the numbers' text all survive. */
static void
test_round_trip (void)
{
  const char *text =
    "{\n"
    "  \"zeta\": 1,\n"
    "  \"format\": \"quorum.budget/1\",\n"
    "  \"alpha\": {\n"
    "    \"numbers\": [\n"
    "      1.50,\n"
    "      1e3,\n"
    "      -0,\n"
    "      1E+2,\n"
    "      0.1000,\n"
    "      123456789012345678901234567890,\n"
    "      -0.0e-0,\n"
    "      602737.8\n"
    "    ],\n"
    "    \"nested\": {\n"
    "      \"deep\": {\n"
    "        \"x\": null,\n"
    "        \"t\": true,\n"
    "        \"f\": false\n"
    "      }\n"
    "    },\n"
    "    \"empty_object\": {},\n"
    "    \"empty_array\": []\n"
    "  },\n"
    "  \"text\": \"quote \\\" backslash \\\\ newline \\n return \\r tab \\t é 😀 \\u0001\",\n"
    "  \"mid\": 2,\n"
    "  \"a\": \"last\"\n"
    "}\n";
  g_autoptr(QuorumJsonTree) tree = parse_ok (text);
  g_autofree char *out = quorum_json_tree_to_string (tree, NULL);
  g_autoptr(QuorumJsonTree) again = parse_ok (out);
  g_autofree char *out_again = quorum_json_tree_to_string (again, NULL);

  g_assert_cmpstr (out, ==, text);
  g_assert_cmpstr (out_again, ==, text);
}

/* Any other layout is rewritten in the writer's, keeping order and numbers. */
static void
test_rewrite (void)
{
  const char *text = "{\"b\":[1.0,{\"c\":\"\\/\\u00e9\\b\\f\"}],\"a\":{},\"n\":-5e-1}";
  const char *expected =
    "{\n"
    "  \"b\": [\n"
    "    1.0,\n"
    "    {\n"
    "      \"c\": \"/é\\u0008\\u000c\"\n"
    "    }\n"
    "  ],\n"
    "  \"a\": {},\n"
    "  \"n\": -5e-1\n"
    "}\n";
  const char *expected_b =
    "[\n"
    "  1.0,\n"
    "  {\n"
    "    \"c\": \"/é\\u0008\\u000c\"\n"
    "  }\n"
    "]\n";
  g_autoptr(QuorumJsonTree) tree = parse_ok (text);
  g_autofree char *out = quorum_json_tree_to_string (tree, NULL);
  JsonNode *b = json_object_get_member (json_node_get_object (quorum_json_tree_get_root (tree)),
                                        "b");
  g_autofree char *out_b = quorum_json_tree_to_string (tree, b);

  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (out_b, ==, expected_b);
}

static void
test_node_to_string (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const char *expected =
    "{\n"
    "  \"int\": 42,\n"
    "  \"negative\": -7,\n"
    "  \"tenth\": 0.1,\n"
    "  \"half\": 2.5,\n"
    "  \"string\": \"a \\\"b\\\" \\\\ \\n\\u0002 é\",\n"
    "  \"yes\": true,\n"
    "  \"no\": false,\n"
    "  \"nothing\": null,\n"
    "  \"list\": [],\n"
    "  \"object\": {}\n"
    "}\n";

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "int");
  json_builder_add_int_value (builder, 42);
  json_builder_set_member_name (builder, "negative");
  json_builder_add_int_value (builder, -7);
  json_builder_set_member_name (builder, "tenth");
  json_builder_add_double_value (builder, 0.1);
  json_builder_set_member_name (builder, "half");
  json_builder_add_double_value (builder, 2.5);
  json_builder_set_member_name (builder, "string");
  json_builder_add_string_value (builder, "a \"b\" \\ \n\x02 é");
  json_builder_set_member_name (builder, "yes");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "no");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "nothing");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "list");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "object");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = quorum_json_node_to_string (root);
  g_assert_cmpstr (text, ==, expected);
}

/* A budget's rows are counted while parsing: the first row over the limit
 * is the error, with its path and position; rows elsewhere are not counted. */
static void
test_row_limit (void)
{
  const char *text =
    "{\"tables\": [\n"
    "  {\"rows\": [{}, {}, {}], \"total\": {\"rows\": [{}, {}, {}, {}]}},\n"
    "  {\"other\": {\"rows\": [{}, {}, {}, {}]},\n"
    "   \"rows\": [{\"rows\": [1, {}]}, {\"rows\": [{}]}]}\n"
    "], \"rows\": [{}, {}, {}, {}]}\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint line = 0, column = 0;
  QuorumJsonTree *tree;

  /* Three rows per table at most: table 0 has 3, table 1 has 4. */
  tree = quorum_json_tree_parse_budget (text, strlen (text), 3, &line, &column, &path, &error);
  g_assert_null (tree);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "4:42: more than 3 rows in one table");
  g_assert_cmpstr (path, ==, "$.tables[1].rows[1].rows[0]");
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 42);
  g_clear_error (&error);
  g_clear_pointer (&path, g_free);

  /* Within the limit, or with no limit, it parses. */
  tree = quorum_json_tree_parse_budget (text, strlen (text), 4, NULL, NULL, &path, &error);
  g_assert_no_error (error);
  g_assert_null (path);
  quorum_json_tree_unref (tree);
  tree = quorum_json_tree_parse_budget (text, strlen (text), 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  quorum_json_tree_unref (tree);
}

/* A row's values kept as offsets: the members and their positions; an
 * object the compact reading does not take (a string, a duplicate, an
 * escaped name, an error) is read as usual, with the same error. */
static void
test_compact_values (void)
{
  const char *text =
    "{\"tables\": [{\"rows\": [\n"
    "  {\"values\": {\"a\": 1.5, \"b\": null, \"c\": -2e3}},\n"
    "  {\"values\": {\"a\": \"x\"}},\n"
    "  {\"values\": {\"\\u0061\": 1}}]}]}\n";
  const char *duplicate = "{\"tables\": [{\"rows\": [{\"values\": {\"a\": 1, \"a\": 2}}]}]}";
  const char *bad = "{\"tables\": [{\"rows\": [{\"values\": {\"a\": 01}}]}]}";
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) plain_error = NULL;
  const QuorumJsonMember *members;
  JsonArray *rows;
  JsonNode *values;
  guint n = 0, line = 0, column = 0;

  tree = quorum_json_tree_parse_full (text, strlen (text), 10, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  rows = json_object_get_array_member (
    json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (quorum_json_tree_get_root (tree)),
                                    "tables"), 0), "rows");

  values = json_object_get_member (json_array_get_object_element (rows, 0), "values");
  members = quorum_json_tree_get_members (tree, values, &n);
  g_assert_nonnull (members);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpmem (text + members[0].name_offset, members[0].name_length, "a", 1);
  g_assert_cmpmem (text + members[0].value_offset, members[0].value_length, "1.5", 3);
  g_assert_cmpmem (text + members[1].name_offset, members[1].name_length, "b", 1);
  g_assert_cmpuint (members[1].value_length, ==, 0);
  g_assert_cmpmem (text + members[2].value_offset, members[2].value_length, "-2e3", 4);
  quorum_json_tree_get_offset_location (tree, members[2].value_offset, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 41);
  g_assert_true (quorum_json_tree_get_location (tree, values, &line, &column));
  g_assert_cmpuint (column, ==, 14);

  /* A string, and an escaped name: read as JsonObjects. */
  for (guint i = 1; i < 3; i++)
    {
      values = json_object_get_member (json_array_get_object_element (rows, i), "values");
      g_assert_null (quorum_json_tree_get_members (tree, values, &n));
      g_assert_cmpuint (json_object_get_size (json_node_get_object (values)), ==, 1);
    }

  /* Errors are the usual reader's, whether values are compact or not. */
  g_assert_null (quorum_json_tree_parse_full (duplicate, strlen (duplicate), 10, TRUE,
                                              NULL, NULL, NULL, &error));
  g_assert_null (quorum_json_tree_parse_full (duplicate, strlen (duplicate), 10, FALSE,
                                              NULL, NULL, NULL, &plain_error));
  g_assert_cmpstr (error->message, ==, "1:43: duplicate member “a”");
  g_assert_cmpstr (error->message, ==, plain_error->message);
  g_clear_error (&error);
  g_clear_error (&plain_error);
  g_assert_null (quorum_json_tree_parse_full (bad, strlen (bad), 10, TRUE,
                                              NULL, NULL, NULL, &error));
  g_assert_null (quorum_json_tree_parse_full (bad, strlen (bad), 10, FALSE,
                                              NULL, NULL, NULL, &plain_error));
  g_assert_cmpstr (error->message, ==, plain_error->message);
  g_assert_true (strstr (error->message, "leading zeros") != NULL);
}

/* A budget's rows left in the text and read a row at a time, the way the
 * loader reads them, with @lazy_rows; NULL and the error otherwise. */
static QuorumJsonTree *
parse_lazy (const char  *text,
            gsize        length,
            gboolean     lazy_rows,
            guint       *line,
            guint       *column,
            char       **path,
            GError     **error)
{
  char *copy = g_malloc (length + 1);

  memcpy (copy, text, length);
  copy[length] = '\0';
  return _quorum_json_tree_parse_take (copy, length, 5, TRUE, lazy_rows, line, column, path,
                                       error);
}

/* Every element of @rows, depth first, as "LINE:COLUMN" (and the members of
 * a row's compact values), reading the rows of each row inside it. */
static void
describe_rows (QuorumJsonTree *tree,
               JsonNode       *rows,
               GString        *out)
{
  QuorumJsonElements elements;
  JsonNode *element;

  quorum_json_tree_elements_init (tree, rows, &elements);
  while ((element = quorum_json_tree_elements_next (tree, &elements)) != NULL)
    {
      guint line = 0, column = 0, n = 0;

      g_assert_true (quorum_json_tree_get_location (tree, element, &line, &column));
      g_string_append_printf (out, "%u:%u", line, column);
      if (JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonObject *object = json_node_get_object (element);
          JsonNode *values = json_object_get_member (object, "values");

          if (values != NULL && quorum_json_tree_get_members (tree, values, &n) != NULL)
            g_string_append_printf (out, " values %u", n);
          if (json_object_has_member (object, "rows"))
            {
              g_string_append (out, " (");
              describe_rows (tree, json_object_get_member (object, "rows"), out);
              g_string_append (out, ")");
            }
        }
      g_string_append (out, "; ");
    }
}

/* Lazy rows: nothing built for them while parsing, each read when asked
 * for, with the positions and compact values the whole tree would have,
 * and every row's nodes and positions gone once the next is asked for. */
static void
test_lazy_rows (void)
{
  const char *text =
    "{\"tables\": [{\"id\": \"t\", \"rows\": [\n"
    "  {\"id\": \"a\", \"values\": {\"x\": 1.5, \"y\": null}},\n"
    "  {\"id\": \"g\", \"rows\": [{\"values\": {\"x\": 2}}, 3, {\"rows\": []}]},\n"
    "  \"s\", {\"values\": {\"x\": \"no\"}}]}]}\n";
  g_autoptr(QuorumJsonTree) lazy = NULL;
  g_autoptr(QuorumJsonTree) whole = NULL;
  g_autoptr(GString) lazily = g_string_new (NULL);
  g_autoptr(GString) wholly = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *rows;

  lazy = parse_lazy (text, strlen (text), TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  whole = parse_lazy (text, strlen (text), FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  rows = json_object_get_member (
    json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (quorum_json_tree_get_root (lazy)),
                                    "tables"), 0), "rows");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (rows)), ==, 0);
  assert_location (lazy, rows, 1, 33);
  describe_rows (lazy, rows, lazily);
  g_assert_cmpstr (lazily->str, ==,
                   "2:3 values 2; 3:3 (3:24 values 1; 3:46; 3:49 (); ); 4:3; 4:8; ");
  g_assert_cmpuint (lazy->entries->len, ==, lazy->n_sorted_entries);
  g_assert_cmpuint (lazy->compacts->len, ==, lazy->n_sorted_compacts);
  g_assert_cmpuint (lazy->members->len, ==, 0);
  g_assert_cmpuint (lazy->lazies->len, ==, 1);

  /* The same elements from a tree built whole. */
  rows = json_object_get_member (
    json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (quorum_json_tree_get_root (whole)),
                                    "tables"), 0), "rows");
  describe_rows (whole, rows, wholly);
  g_assert_cmpstr (wholly->str, ==, lazily->str);
}

/* Every syntax error is found when rows are only checked, as when they are
 * built: each bad text in a row, and as a row's values. */
static void
test_lazy_rows_errors (void)
{
  static const char * const wrappers[][2] = {
    { "{\"tables\": [{\"rows\": [{\"rows\": [", "]}]}]}" },
    { "{\"tables\": [{\"rows\": [{\"id\": \"a\"}, {\"values\": ", "}]}]}" },
    { ("{\"tables\": [{\"rows\": [{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": 6, "
       "\"g\": 7, \"h\": 8, \"i\": 9, \"x\": "), "}]}]}" },
  };
  static const char * const more[] = {
    "{\"a\": 1, \"a\": 2}",
    ("{\"x\": 1, \"b\": 1, \"c\": 1, \"d\": 1, \"e\": 1, \"f\": 1, "
     "\"g\": 1, \"h\": 1, \"i\": 1, \"j\": 1, \"i\": 1}"),
    "{\"\\u0061\": 1, \"a\": 2}",
    "{\"a\": 01}", "[{}, {}, {}, {}, {}, {}]", "{\"rows\": [{}, {}, {}, {}, {\"rows\": [{}]}]}",
    "{\"values\": {\"a\": 1, \"a\": 2}}", "{\"h\": 1}",
  };

  for (gsize w = 0; w < G_N_ELEMENTS (wrappers); w++)
    for (gsize i = 0; i < G_N_ELEMENTS (bad_json) + G_N_ELEMENTS (more); i++)
      {
        const char *bad = i < G_N_ELEMENTS (bad_json) ? bad_json[i].text
                                                        : more[i - G_N_ELEMENTS (bad_json)];
        gsize bad_length = i < G_N_ELEMENTS (bad_json) && bad_json[i].length >= 0
                           ? (gsize) bad_json[i].length : strlen (bad);
        g_autoptr(GString) text = g_string_new (wrappers[w][0]);
        g_autoptr(GError) lazy_error = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *lazy_path = NULL;
        g_autofree char *path = NULL;
        guint lazy_line = 0, lazy_column = 0, line = 0, column = 0;
        QuorumJsonTree *lazy, *whole;

        g_string_append_len (text, bad, bad_length);
        g_string_append (text, wrappers[w][1]);
        lazy = parse_lazy (text->str, text->len, TRUE, &lazy_line, &lazy_column, &lazy_path,
                           &lazy_error);
        whole = parse_lazy (text->str, text->len, FALSE, &line, &column, &path, &error);
        {
          /* Escaped where not UTF-8: a TAP reader refuses invalid UTF-8. */
          g_autofree char *shown = g_utf8_validate (text->str, text->len, NULL)
                                   ? g_strdup (text->str) : g_strescape (text->str, NULL);

          g_test_message ("%s → %s", shown, error != NULL ? error->message : "parsed");
        }
        g_assert_true ((lazy == NULL) == (whole == NULL));
        g_clear_pointer (&lazy, quorum_json_tree_unref);
        g_clear_pointer (&whole, quorum_json_tree_unref);
        if (error == NULL)
          continue;
        g_assert_error (lazy_error, error->domain, error->code);
        g_assert_cmpstr (lazy_error->message, ==, error->message);
        g_assert_cmpuint (lazy_line, ==, line);
        g_assert_cmpuint (lazy_column, ==, column);
        g_assert_cmpstr (lazy_path, ==, path);
      }
}

/* Positions asked in any order, on a line of several characters' bytes. */
static void
test_locations_any_order (void)
{
  const char *text = "[\"é\", 1, \"üü\", [2], 3]\n[4]";
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  guint line = 0, column = 0;

  /* Two texts are not one: the second is an error, at its position. */
  g_assert_null (quorum_json_tree_parse (text, strlen (text), &line, &column, &error));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 1);

  tree = parse_ok ("[\"é\", 1, \"üü\", [2], 3]");
  array = json_node_get_array (quorum_json_tree_get_root (tree));
  assert_location (tree, json_array_get_element (array, 4), 1, 21);
  assert_location (tree, json_array_get_element (array, 1), 1, 7);
  assert_location (tree, json_array_get_element (array, 2), 1, 10);
  assert_location (tree, json_array_get_element (array, 3), 1, 16);
  assert_location (tree, json_array_get_element (array, 3), 1, 16);
  assert_location (tree, json_array_get_element (array, 0), 1, 2);
  assert_location (tree, quorum_json_tree_get_root (tree), 1, 1);
  assert_location (tree, json_array_get_element (array, 4), 1, 21);
}

/* Once its nodes are released a tree keeps only its text, and writes it
 * as it did before. */
static void
test_release_nodes (void)
{
  const char *text = "{\"b\": [1.50, -0.0e-0, \"x\"], \"a\": {\"n\": 2e3}}";
  g_autoptr(QuorumJsonTree) tree = parse_ok (text);
  JsonNode *root = quorum_json_tree_get_root (tree);
  g_autofree char *before = quorum_json_tree_to_string (tree, NULL);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;

  assert_location (tree, root, 1, 1);
  quorum_json_tree_release_nodes (tree);
  g_assert_null (quorum_json_tree_get_root (tree));
  after = quorum_json_tree_to_string (tree, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (quorum_json_tree_get_root (tree));
  again = quorum_json_tree_to_string (tree, NULL);
  g_assert_cmpstr (again, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/locations", test_locations);
  g_test_add_func ("/json/number-text", test_number_text);
  g_test_add_func ("/json/strings", test_strings);
  g_test_add_func ("/json/scalars-and-bom", test_scalars_and_bom);
  g_test_add_func ("/json/ref", test_ref);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_json); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/bad/%s", bad_json[i].name);

      g_test_add_data_func (path, &bad_json[i], test_bad);
    }
  g_test_add_func ("/json/bad-without-position", test_bad_without_position);
  g_test_add_func ("/json/length", test_length);
  g_test_add_func ("/json/depth", test_depth);
  g_test_add_func ("/json/long-tokens", test_long_tokens);
  g_test_add_func ("/json/long-line", test_long_line);
  g_test_add_func ("/json/round-trip", test_round_trip);
  g_test_add_func ("/json/rewrite", test_rewrite);
  g_test_add_func ("/json/node-to-string", test_node_to_string);
  g_test_add_func ("/json/row-limit", test_row_limit);
  g_test_add_func ("/json/release-nodes", test_release_nodes);
  g_test_add_func ("/json/locations-any-order", test_locations_any_order);
  g_test_add_func ("/json/compact-values", test_compact_values);
  g_test_add_func ("/json/lazy-rows", test_lazy_rows);
  g_test_add_func ("/json/lazy-rows-errors", test_lazy_rows_errors);

  return g_test_run ();
}
