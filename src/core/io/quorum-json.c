/* quorum-json.c: a strict JSON reader that keeps positions and exact numbers
 *
 * json-glib's parser turns every number into a double or an int64 and
 * forgets where each value stood. The store format needs the number as
 * written (amounts are exact hundredths) and a line:column for every error,
 * so this reader builds the same JsonNode trees while recording both.
 * It is strict: RFC 8259 only, no duplicate members, valid UTF-8, bounded
 * nesting depth and string length.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-json.h"
#include <glib/gi18n-lib.h>
#include "quorum-error.h"

#include <errno.h>
#include <string.h>

typedef struct
{
  guint line;
  guint column;
  char *number_text;   /* owned; only for numbers */
} Location;

struct _QuorumJsonTree
{
  gatomicrefcount ref_count;
  JsonNode *root;
  GHashTable *locations;   /* JsonNode* → Location* */
};

typedef struct
{
  const char *data;
  const char *end;
  const char *p;
  guint line;
  const char *line_start;
  const char *known_at;       /* a position on this line … */
  guint known_column;         /* … and its column */
  QuorumJsonTree *tree;
  guint depth;
  GError *error;
  guint error_line;
  guint error_column;
} Reader;

static JsonNode *read_value (Reader *r);

static void
location_free (gpointer data)
{
  Location *loc = data;

  g_free (loc->number_text);
  g_free (loc);
}

static guint
reader_column (Reader     *r,
               const char *at)
{
  /* Columns count characters, not bytes, from 1. Counting on from the
   * last position asked keeps a long (minified) line linear. */
  if (r->known_at < r->line_start || r->known_at > at)
    {
      r->known_at = r->line_start;
      r->known_column = 1;
    }
  r->known_column += (guint) g_utf8_strlen (r->known_at, at - r->known_at);
  r->known_at = at;
  return r->known_column;
}

G_GNUC_PRINTF (3, 4)
static void
reader_fail (Reader     *r,
             const char *at,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (r->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  r->error_line = r->line;
  r->error_column = reader_column (r, at);
  r->error = g_error_new (QUORUM_ERROR, QUORUM_ERROR_SYNTAX, "%u:%u: %s",
                          r->error_line, r->error_column, message);
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end)
    {
      char c = *r->p;

      if (c == '\n')
        {
          r->line++;
          r->line_start = r->p + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        break;
      r->p++;
    }
}

static JsonNode *
remember (Reader     *r,
          JsonNode   *node,
          guint       line,
          guint       column,
          char       *number_text)
{
  Location *loc = g_new0 (Location, 1);

  loc->line = line;
  loc->column = column;
  loc->number_text = number_text;
  g_hash_table_insert (r->tree->locations, node, loc);

  return node;
}

static const char *
describe_char (const char *p,
               const char *end,
               char        buf[16])
{
  if (p >= end)
    return _("end of file");
  if ((guchar) *p < 0x20 || (guchar) *p >= 0x7f)
    g_snprintf (buf, 16, "byte 0x%02x", (guchar) *p);
  else
    g_snprintf (buf, 16, "“%c”", *p);
  return buf;
}

static gboolean
read_hex4 (Reader   *r,
           gunichar *out)
{
  gunichar v = 0;

  if (r->end - r->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (r->p[i]);
      if (d < 0)
        return FALSE;
      v = v * 16 + d;
    }
  r->p += 4;
  *out = v;
  return TRUE;
}

/* Reads a string starting at the opening quote; returns NULL on error. */
static char *
read_string (Reader *r)
{
  GString *out = g_string_new (NULL);
  const char *start = r->p;

  r->p++;   /* opening quote */

  while (TRUE)
    {
      const char *chunk = r->p;

      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;

      if (r->p > chunk)
        {
          const char *bad = NULL;

          if (!g_utf8_validate (chunk, r->p - chunk, &bad))
            {
              reader_fail (r, bad, _("invalid UTF-8 in a string"));
              goto fail;
            }
          g_string_append_len (out, chunk, r->p - chunk);
        }

      if (out->len > QUORUM_JSON_MAX_STRING_BYTES)
        {
          r->error_line = r->line;
          r->error_column = reader_column (r, start);
          r->error = g_error_new (QUORUM_ERROR, QUORUM_ERROR_LIMIT,
                                  _("%u:%u: string longer than %u bytes"),
                                  r->error_line, r->error_column,
                                  (guint) QUORUM_JSON_MAX_STRING_BYTES);
          goto fail;
        }

      if (r->p >= r->end)
        {
          reader_fail (r, start, _("unterminated string"));
          goto fail;
        }

      if (*r->p == '"')
        {
          r->p++;
          return g_string_free (out, FALSE);
        }

      if ((guchar) *r->p < 0x20)
        {
          reader_fail (r, r->p, _("control character in a string"));
          goto fail;
        }

      /* escape */
      r->p++;
      if (r->p >= r->end)
        {
          reader_fail (r, start, _("unterminated string"));
          goto fail;
        }
      switch (*r->p++)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            const char *esc = r->p - 2;
            gunichar c;

            if (!read_hex4 (r, &c))
              {
                reader_fail (r, esc, _("invalid \\u escape"));
                goto fail;
              }
            if (c >= 0xd800 && c < 0xdc00)
              {
                gunichar low;

                if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                  {
                    reader_fail (r, esc, _("unpaired surrogate in a \\u escape"));
                    goto fail;
                  }
                r->p += 2;
                if (!read_hex4 (r, &low) || low < 0xdc00 || low > 0xdfff)
                  {
                    reader_fail (r, esc, _("unpaired surrogate in a \\u escape"));
                    goto fail;
                  }
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (c >= 0xdc00 && c <= 0xdfff)
              {
                reader_fail (r, esc, _("unpaired surrogate in a \\u escape"));
                goto fail;
              }
            if (c == 0)
              {
                reader_fail (r, esc, _("\\u0000 is not allowed in a string"));
                goto fail;
              }
            g_string_append_unichar (out, c);
          }
          break;
        default:
          reader_fail (r, r->p - 2, _("invalid escape sequence"));
          goto fail;
        }
    }

fail:
  g_string_free (out, TRUE);
  return NULL;
}

static JsonNode *
read_number (Reader *r)
{
  const char *start = r->p;
  guint column = reader_column (r, start);
  g_autofree char *text = NULL;
  JsonNode *node;
  gboolean is_integer = TRUE;
  char buf[16];

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    {
      reader_fail (r, r->p, _("expected a digit, found %s"), describe_char (r->p, r->end, buf));
      return NULL;
    }
  if (*r->p == '0')
    {
      r->p++;
      if (r->p < r->end && g_ascii_isdigit (*r->p))
        {
          reader_fail (r, start, _("numbers may not have leading zeros"));
          return NULL;
        }
    }
  else
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;

  if (r->p < r->end && *r->p == '.')
    {
      is_integer = FALSE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        {
          reader_fail (r, r->p, _("expected a digit after the decimal point"));
          return NULL;
        }
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      is_integer = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        {
          reader_fail (r, r->p, _("expected a digit in the exponent"));
          return NULL;
        }
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  if (r->p - start > 512)
    {
      r->error_line = r->line;
      r->error_column = column;
      r->error = g_error_new (QUORUM_ERROR, QUORUM_ERROR_LIMIT,
                              _("%u:%u: number longer than 512 characters"),
                              r->line, column);
      return NULL;
    }

  text = g_strndup (start, r->p - start);
  node = json_node_new (JSON_NODE_VALUE);

  if (is_integer)
    {
      char *endp = NULL;
      gint64 v;

      errno = 0;
      v = g_ascii_strtoll (text, &endp, 10);
      if (errno == 0 && *endp == '\0')
        json_node_set_int (node, v);
      else
        json_node_set_double (node, g_ascii_strtod (text, NULL));
    }
  else
    json_node_set_double (node, g_ascii_strtod (text, NULL));

  return remember (r, node, r->line, column, g_steal_pointer (&text));
}

static gboolean
read_literal (Reader     *r,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) >= len && memcmp (r->p, word, len) == 0)
    {
      r->p += len;
      return TRUE;
    }
  return FALSE;
}

static gboolean
enter (Reader     *r,
       const char *at)
{
  if (++r->depth > QUORUM_JSON_MAX_DEPTH)
    {
      r->error_line = r->line;
      r->error_column = reader_column (r, at);
      r->error = g_error_new (QUORUM_ERROR, QUORUM_ERROR_LIMIT,
                              _("%u:%u: nested deeper than %u levels"),
                              r->error_line, r->error_column, QUORUM_JSON_MAX_DEPTH);
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
read_object (Reader *r)
{
  guint line = r->line;
  guint column = reader_column (r, r->p);
  g_autoptr(JsonObject) object = NULL;
  JsonNode *node;
  char buf[16];

  if (!enter (r, r->p))
    return NULL;
  r->p++;
  object = json_object_new ();
  skip_space (r);

  if (r->p < r->end && *r->p == '}')
    r->p++;
  else
    while (TRUE)
      {
        const char *key_at;
        g_autofree char *key = NULL;
        JsonNode *value;

        skip_space (r);
        key_at = r->p;
        if (r->p >= r->end || *r->p != '"')
          {
            reader_fail (r, r->p, _("expected a member name in quotes, found %s"),
                         describe_char (r->p, r->end, buf));
            return NULL;
          }
        key = read_string (r);
        if (key == NULL)
          return NULL;
        if (json_object_has_member (object, key))
          {
            reader_fail (r, key_at, _("duplicate member “%s”"), key);
            return NULL;
          }
        skip_space (r);
        if (r->p >= r->end || *r->p != ':')
          {
            reader_fail (r, r->p, _("expected “:” after the member name, found %s"),
                         describe_char (r->p, r->end, buf));
            return NULL;
          }
        r->p++;
        value = read_value (r);
        if (value == NULL)
          return NULL;
        json_object_set_member (object, key, value);
        skip_space (r);
        if (r->p < r->end && *r->p == ',')
          {
            r->p++;
            continue;
          }
        if (r->p < r->end && *r->p == '}')
          {
            r->p++;
            break;
          }
        reader_fail (r, r->p, _("expected “,” or “}”, found %s"),
                     describe_char (r->p, r->end, buf));
        return NULL;
      }

  r->depth--;
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return remember (r, node, line, column, NULL);
}

static JsonNode *
read_array (Reader *r)
{
  guint line = r->line;
  guint column = reader_column (r, r->p);
  g_autoptr(JsonArray) array = NULL;
  JsonNode *node;
  char buf[16];

  if (!enter (r, r->p))
    return NULL;
  r->p++;
  array = json_array_new ();
  skip_space (r);

  if (r->p < r->end && *r->p == ']')
    r->p++;
  else
    while (TRUE)
      {
        JsonNode *value = read_value (r);

        if (value == NULL)
          return NULL;
        json_array_add_element (array, value);
        skip_space (r);
        if (r->p < r->end && *r->p == ',')
          {
            r->p++;
            continue;
          }
        if (r->p < r->end && *r->p == ']')
          {
            r->p++;
            break;
          }
        reader_fail (r, r->p, _("expected “,” or “]”, found %s"),
                     describe_char (r->p, r->end, buf));
        return NULL;
      }

  r->depth--;
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  return remember (r, node, line, column, NULL);
}

static JsonNode *
read_value (Reader *r)
{
  guint line;
  guint column;
  char buf[16];

  skip_space (r);
  line = r->line;
  column = reader_column (r, r->p);

  if (r->p >= r->end)
    {
      reader_fail (r, r->p, _("unexpected end of file, expected a value"));
      return NULL;
    }

  switch (*r->p)
    {
    case '{':
      return read_object (r);
    case '[':
      return read_array (r);
    case '"':
      {
        char *s = read_string (r);
        JsonNode *node;

        if (s == NULL)
          return NULL;
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_string (node, s);
        g_free (s);
        return remember (r, node, line, column, NULL);
      }
    case 't':
      if (read_literal (r, "true"))
        return remember (r, json_node_init_boolean (json_node_alloc (), TRUE), line, column, NULL);
      break;
    case 'f':
      if (read_literal (r, "false"))
        return remember (r, json_node_init_boolean (json_node_alloc (), FALSE),
                         line, column, NULL);
      break;
    case 'n':
      if (read_literal (r, "null"))
        return remember (r, json_node_init_null (json_node_alloc ()), line, column, NULL);
      break;
    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        return read_number (r);
      break;
    }

  reader_fail (r, r->p, _("expected a value, found %s"), describe_char (r->p, r->end, buf));
  return NULL;
}

/**
 * quorum_json_tree_parse:
 * @data: the bytes of a JSON text
 * @length: their length
 * @error_line: (out) (optional): where a syntax error was found
 * @error_column: (out) (optional): where a syntax error was found
 * @error: return location for a #GError
 *
 * Parses one JSON text strictly. On error the message starts with
 * `LINE:COLUMN: ` and the position is also returned.
 *
 * Returns: (transfer full) (nullable): the tree
 */
QuorumJsonTree *
quorum_json_tree_parse (const char  *data,
                        gsize        length,
                        guint       *error_line,
                        guint       *error_column,
                        GError     **error)
{
  g_autoptr(QuorumJsonTree) tree = NULL;
  Reader r = { 0 };
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tree = g_new0 (QuorumJsonTree, 1);
  g_atomic_ref_count_init (&tree->ref_count);
  tree->locations = g_hash_table_new_full (NULL, NULL, NULL, location_free);

  r.data = data;
  r.p = data;
  r.end = data + length;
  r.line = 1;
  r.line_start = data;
  r.tree = tree;

  /* A UTF-8 byte order mark, as some editors write, is tolerated. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    r.p += 3, r.line_start += 3;
  r.known_at = r.line_start;
  r.known_column = 1;

  root = read_value (&r);
  if (root != NULL)
    {
      char buf[16];

      tree->root = root;
      skip_space (&r);
      if (r.p < r.end)
        reader_fail (&r, r.p, _("unexpected %s after the end of the JSON text"),
                     describe_char (r.p, r.end, buf));
    }
  else if (r.error == NULL)
    reader_fail (&r, r.p, _("not a JSON text"));

  if (r.error != NULL)
    {
      /* Nodes built before the error are owned by their parents, which were
       * freed on the way out; only the root (if any) is left. */
      g_hash_table_remove_all (tree->locations);
      if (error_line)
        *error_line = r.error_line;
      if (error_column)
        *error_column = r.error_column;
      g_propagate_error (error, r.error);
      return NULL;
    }

  return g_steal_pointer (&tree);
}

QuorumJsonTree *
quorum_json_tree_ref (QuorumJsonTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
quorum_json_tree_unref (QuorumJsonTree *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->locations);
      g_clear_pointer (&self->root, json_node_unref);
      g_free (self);
    }
}

/**
 * quorum_json_tree_get_root:
 *
 * Returns: (transfer none): the root node
 */
JsonNode *
quorum_json_tree_get_root (QuorumJsonTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->root;
}

/**
 * quorum_json_tree_get_location:
 * @node: a node of this tree
 *
 * Returns: %TRUE if the position of @node is known
 */
gboolean
quorum_json_tree_get_location (QuorumJsonTree *self,
                               JsonNode       *node,
                               guint          *line,
                               guint          *column)
{
  Location *loc;

  g_return_val_if_fail (self != NULL, FALSE);

  loc = node ? g_hash_table_lookup (self->locations, node) : NULL;
  if (loc == NULL)
    return FALSE;
  if (line)
    *line = loc->line;
  if (column)
    *column = loc->column;
  return TRUE;
}

/**
 * quorum_json_tree_get_number_text:
 * @node: a number node of this tree
 *
 * Returns: (nullable): the number exactly as it was written
 */
const char *
quorum_json_tree_get_number_text (QuorumJsonTree *self,
                                  JsonNode       *node)
{
  Location *loc;

  g_return_val_if_fail (self != NULL, NULL);

  loc = node ? g_hash_table_lookup (self->locations, node) : NULL;
  return loc ? loc->number_text : NULL;
}

static void
write_string (GString    *out,
              const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
indent (GString *out,
        guint    level)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
write_node (QuorumJsonTree *tree,
            GString        *out,
            JsonNode       *node,
            guint           level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            indent (out, level + 1);
            write_string (out, name);
            g_string_append (out, ": ");
            write_node (tree, out, member, level + 1);
          }
        if (!first)
          indent (out, level);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            indent (out, level + 1);
            write_node (tree, out, json_array_get_element (array, i), level + 1);
          }
        if (n > 0)
          indent (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      {
        const char *text = tree ? quorum_json_tree_get_number_text (tree, node) : NULL;

        if (text != NULL)
          g_string_append (out, text);
        else
          switch (json_node_get_value_type (node))
            {
            case G_TYPE_STRING:
              write_string (out, json_node_get_string (node));
              break;
            case G_TYPE_BOOLEAN:
              g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
              break;
            case G_TYPE_INT64:
              g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
              break;
            case G_TYPE_DOUBLE:
              {
                char buf[G_ASCII_DTOSTR_BUF_SIZE];
                double d = json_node_get_double (node);

                /* The shortest text that reads back as the same double. */
                for (int digits = 15; digits <= 17; digits++)
                  {
                    g_ascii_formatd (buf, sizeof buf, digits == 15 ? "%.15g" :
                                     digits == 16 ? "%.16g" : "%.17g", d);
                    if (g_ascii_strtod (buf, NULL) == d)
                      break;
                  }
                g_string_append (out, buf);
              }
              break;
            default:
              g_string_append (out, "null");
              break;
            }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * quorum_json_tree_to_string:
 * @self: (nullable): the tree @node came from, so numbers keep their text
 * @node: (nullable): the node to write, or %NULL for the root
 *
 * Writes JSON with a two-space indent and a final newline, members in
 * their original order, numbers exactly as they were read.
 *
 * Returns: (transfer full): the text
 */
char *
quorum_json_tree_to_string (QuorumJsonTree *self,
                            JsonNode       *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL || node != NULL, NULL);

  write_node (self, out, node ? node : self->root, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/**
 * quorum_json_node_to_string:
 * @node: a node built in memory
 *
 * Returns: (transfer full): @node as indented JSON text
 */
char *
quorum_json_node_to_string (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return quorum_json_tree_to_string (NULL, node);
}
