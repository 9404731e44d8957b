/* quorum-cli-output.c: how quorum-cli prints what a store holds
 *
 * A store is anyone's files: its file names, ids, titles and messages may
 * hold bytes that are not UTF-8, line breaks and terminal escapes.
 *
 * Text output (the tab-separated tables, error lines, confirmations) shows
 * them escaped, so one line stays one line and nothing reaches the terminal
 * as a command: \n, \r and \t, \xNN for other control characters (U+0000 to
 * U+001F, U+007F) and for bytes that are not UTF-8, \uNNNN for C1 controls
 * (U+0080 to U+009F) and bidi controls (U+202A to U+202E, U+2066 to
 * U+2069). A backslash is printed as it is. In a table's fields a tab or a
 * line break is a space instead, as it always was.
 *
 * JSON output is valid UTF-8: bytes that are not UTF-8 become U+FFFD, the
 * replacement character; control characters are JSON escapes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-cli-private.h"

#include <stdio.h>
#include <string.h>

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Appends @text escaped; with @field, tabs and line breaks are spaces. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    field)
{
  const char *p = text;
  const char *end = text + strlen (text);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c < 0x20 || c == 0x7F)
        {
          if (field && (c == '\t' || c == '\n' || c == '\r'))
            g_string_append_c (out, ' ');
          else if (c == '\n')
            g_string_append (out, "\\n");
          else if (c == '\r')
            g_string_append (out, "\\r");
          else if (c == '\t')
            g_string_append (out, "\\t");
          else
            g_string_append_printf (out, "\\x%02x", c);
        }
      else if ((c >= 0x80 && c <= 0x9F) || is_bidi_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
}

/**
 * cli_escape:
 * @text: (nullable): text from the store
 *
 * Returns: (transfer full): @text as it can be shown on a terminal, its
 *   control characters escaped (see the top of this file); "" for %NULL
 */
char *
cli_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text != NULL)
    append_escaped (out, text, FALSE);
  return g_string_free (out, FALSE);
}

/**
 * cli_print_error:
 *
 * Prints a line to standard error, escaped as a whole: a message about a
 * file named with a line break is still one line. A newline at the end of
 * the format is the line's own.
 */
void
cli_print_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  gsize length;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  length = strlen (message);
  if (length > 0 && message[length - 1] == '\n')
    message[length - 1] = '\0';
  line = cli_escape (message);
  g_printerr ("%s\n", line);
}

/**
 * cli_print_row:
 * @field: the first field, then the others, %NULL after the last
 *
 * Prints a row of a table to standard output: the fields escaped (tabs
 * and line breaks as spaces), separated by tabs.
 */
void
cli_print_row (const char *field,
               ...)
{
  g_autoptr(GString) row = g_string_new (NULL);
  va_list args;
  guint n = 0;

  va_start (args, field);
  for (const char *text = field; text != NULL; text = va_arg (args, const char *))
    {
      if (n++ > 0)
        g_string_append_c (row, '\t');
      append_escaped (row, text, TRUE);
    }
  va_end (args);
  g_string_append_c (row, '\n');
  fwrite (row->str, 1, row->len, stdout);
}

/* JSON -------------------------------------------------------------------- */

/**
 * cli_json_new:
 *
 * Returns: (transfer full): a builder with the top-level object begun;
 *   cli_json_print() ends it
 */
JsonBuilder *
cli_json_new (void)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  return builder;
}

static void
set_member (JsonBuilder *builder,
            const char  *member)
{
  if (member != NULL)
    json_builder_set_member_name (builder, member);
}

/**
 * cli_json_string:
 * @member: (nullable): the member's name; %NULL in an array
 * @value: (nullable): the value; %NULL is a JSON null
 *
 * Adds a string, made valid UTF-8 (invalid bytes become U+FFFD).
 */
void
cli_json_string (JsonBuilder *builder,
                 const char  *member,
                 const char  *value)
{
  quorum_export_json_string (builder, member, value);
}

/* An amount is a string, "-1234.56", so that no reader rounds it. */
void
cli_json_amount (JsonBuilder *builder,
                 const char  *member,
                 gint64       amount)
{
  g_autofree char *text = quorum_amount_format (amount);

  cli_json_string (builder, member, text);
}

void
cli_json_int (JsonBuilder *builder,
              const char  *member,
              gint64       value)
{
  set_member (builder, member);
  json_builder_add_int_value (builder, value);
}

void
cli_json_boolean (JsonBuilder *builder,
                  const char  *member,
                  gboolean     value)
{
  set_member (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
cli_json_null (JsonBuilder *builder,
               const char  *member)
{
  set_member (builder, member);
  json_builder_add_null_value (builder);
}

/* Adds @node, taking it. */
void
cli_json_node (JsonBuilder *builder,
               const char  *member,
               JsonNode    *node)
{
  set_member (builder, member);
  json_builder_add_value (builder, node);
}

void
cli_json_begin_object (JsonBuilder *builder,
                       const char  *member)
{
  set_member (builder, member);
  json_builder_begin_object (builder);
}

void
cli_json_begin_array (JsonBuilder *builder,
                      const char  *member)
{
  set_member (builder, member);
  json_builder_begin_array (builder);
}

/* Adds each of @problems (of QuorumProblem) to the array begun. */
void
cli_json_add_problems (JsonBuilder *builder,
                       GListModel  *problems)
{
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);

      json_builder_begin_object (builder);
      cli_json_string (builder, "file", quorum_problem_get_file (problem));
      cli_json_string (builder, "path", quorum_problem_get_path (problem));
      if (quorum_problem_get_line (problem) > 0)
        {
          cli_json_int (builder, "line", quorum_problem_get_line (problem));
          cli_json_int (builder, "column", quorum_problem_get_column (problem));
        }
      else
        {
          cli_json_null (builder, "line");
          cli_json_null (builder, "column");
        }
      cli_json_string (builder, "message", quorum_problem_get_message (problem));
      /* A knock-on problem names the file whose error caused it. */
      if (quorum_problem_get_caused_by (problem) != NULL)
        cli_json_string (builder, "caused_by", quorum_problem_get_caused_by (problem));
      json_builder_end_object (builder);
    }
}

/**
 * cli_json_problems:
 *
 * Adds the member "errors": the store's problems, each with its file, JSON
 * path, line and column (null when not known) and message.
 */
void
cli_json_problems (JsonBuilder *builder,
                   QuorumStore *store)
{
  cli_json_begin_array (builder, "errors");
  cli_json_add_problems (builder, quorum_store_get_problems (store));
  json_builder_end_array (builder);
}

/* Ends the top-level object and prints it, indented, to standard output. */
void
cli_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = quorum_json_node_to_string (root);
  fputs (text, stdout);
}

/**
 * cli_json_new_list:
 * @member: the list's member, e.g. "meetings"
 *
 * Returns: (transfer full): a builder with the top-level object begun, the
 *   store's problems added ("errors") and the array @member begun, for
 *   each item to be added to; cli_json_print_list() ends and prints it
 */
JsonBuilder *
cli_json_new_list (QuorumStore *store,
                   const char  *member)
{
  JsonBuilder *builder = cli_json_new ();

  cli_json_problems (builder, store);
  cli_json_begin_array (builder, member);
  return builder;
}

/* Ends the array of cli_json_new_list() and prints the whole. */
void
cli_json_print_list (JsonBuilder *builder)
{
  json_builder_end_array (builder);
  cli_json_print (builder);
}
