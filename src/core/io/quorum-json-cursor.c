/* quorum-json-cursor.c: a strict JSON reader that hands out one token at a time
 *
 * A pull reader over the text, for a loader that builds its model as it
 * reads rather than from a tree: each quorum_json_cursor_next () reads one
 * token (an object or array opened or closed, a member's name, a value),
 * and nothing is kept of what has been read but the names of the open
 * objects' members. It is as strict as the tree reader (quorum-json.c),
 * with which it shares its strings and numbers (quorum-json-scan.c): RFC
 * 8259 only, no duplicate members, valid UTF-8, bounded nesting depth and
 * string length; an error says the same, at the same line:column. Numbers
 * are handed out as written.
 *
 * Positions are worked out only when asked: a token's line:column from
 * the line it is on (lines are counted as white space is skipped), an
 * error's from the start of the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-json-cursor.h"
#include <glib/gi18n-lib.h>
#include "quorum-json-private.h"
#include "quorum-json-scan.h"

#include <string.h>

/* An object with more members than this finds its duplicates by hashing. */
#define FEW_MEMBERS 16

typedef struct
{
  guint32 offset;          /* in the cursor's names, nul-terminated */
  guint32 length;
} Name;

typedef struct
{
  gboolean object;
  guint first_name;        /* an object's names: name_index[first_name …] */
  GHashTable *many;        /* of its names, once it has more than FEW_MEMBERS */
} Level;

typedef enum
{
  EXPECT_VALUE,
  EXPECT_FIRST_MEMBER,     /* after { */
  EXPECT_FIRST_ELEMENT,    /* after [ */
  EXPECT_NEXT,             /* after a value: a comma, the container's end or the text's */
  EXPECT_NOTHING,          /* after the text's end or an error */
} Expect;

struct _QuorumJsonCursor
{
  const char *data;
  const char *end;
  const char *p;
  gsize bom;
  guint line;              /* of p, and the first byte of that line */
  const char *line_start;
  Expect expect;
  QuorumJsonToken token;
  const char *token_start;
  guint token_line;
  const char *token_line_start;
  const char *known_at;    /* the last token whose column was asked for */
  guint known_column;
  GString *value;          /* a STRING decoded, a NUMBER as written */
  GString *names;          /* the open objects' members' names */
  Name *name_index;        /* n_names of them, room for names_size */
  guint n_names;
  guint names_size;
  Level levels[QUORUM_JSON_MAX_DEPTH];   /* the open containers */
  guint depth;
  GError *error;
  guint error_line;
  guint error_column;
};

/**
 * quorum_json_cursor_new:
 * @data: a JSON text, which must outlive the cursor (it is not copied)
 * @length: its length in bytes
 *
 * A cursor before the text's first token. A UTF-8 byte order mark is
 * skipped.
 *
 * Returns: (transfer full): the cursor
 */
QuorumJsonCursor *
quorum_json_cursor_new (const char *data,
                        gsize       length)
{
  QuorumJsonCursor *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (length < G_MAXUINT32, NULL);

  self = g_new0 (QuorumJsonCursor, 1);
  self->data = data != NULL ? data : "";
  self->end = self->data + length;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    self->bom = 3;
  self->p = self->data + self->bom;
  self->line = 1;
  self->line_start = self->data;
  self->token_start = self->p;
  self->token_line = 1;
  self->token_line_start = self->data;
  self->expect = EXPECT_VALUE;
  self->value = g_string_sized_new (256);
  self->names = g_string_sized_new (256);
  return self;
}

void
quorum_json_cursor_free (QuorumJsonCursor *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->depth; i++)
    g_clear_pointer (&self->levels[i].many, g_hash_table_unref);
  g_string_free (self->value, TRUE);
  g_string_free (self->names, TRUE);
  g_free (self->name_index);
  g_clear_error (&self->error);
  g_free (self);
}

static QuorumJsonToken
take_error (QuorumJsonCursor    *self,
            QuorumJsonScanError *error)
{
  self->error = _quorum_json_scan_to_gerror (error, self->data, self->bom, &self->error_line,
                                             &self->error_column);
  self->expect = EXPECT_NOTHING;
  return self->token = QUORUM_JSON_TOKEN_ERROR;
}

G_GNUC_PRINTF (3, 4)
static QuorumJsonToken
syntax_error (QuorumJsonCursor *self,
              const char       *at,
              const char       *format,
              ...)
{
  QuorumJsonScanError error = { QUORUM_JSON_SCAN_SYNTAX, at, NULL };
  va_list args;

  va_start (args, format);
  error.message = g_strdup_vprintf (format, args);
  va_end (args);
  return take_error (self, &error);
}

/* Skips white space, counting lines; the next token starts where it stops. */
static void
skip_space (QuorumJsonCursor *self)
{
  const char *p = self->p;

  while (p < self->end && (guchar) *p <= ' ')
    {
      if (*p == '\n')
        {
          self->line++;
          self->line_start = p + 1;
        }
      else if (*p != ' ' && *p != '\t' && *p != '\r')
        break;
      p++;
    }
  self->p = p;
  self->token_start = p;
  self->token_line = self->line;
  self->token_line_start = self->line_start;
}

static QuorumJsonToken
emit (QuorumJsonCursor *self,
      QuorumJsonToken   token,
      Expect            expect)
{
  self->expect = expect;
  return self->token = token;
}

static QuorumJsonToken
open_container (QuorumJsonCursor *self,
                gboolean          object)
{
  if (self->depth + 1 > QUORUM_JSON_MAX_DEPTH)
    {
      QuorumJsonScanError error = { QUORUM_JSON_SCAN_TOO_DEEP, self->p, NULL };

      return take_error (self, &error);
    }
  self->levels[self->depth++] = (Level) { object, self->n_names, NULL };
  self->p++;
  return object ? emit (self, QUORUM_JSON_TOKEN_BEGIN_OBJECT, EXPECT_FIRST_MEMBER)
                : emit (self, QUORUM_JSON_TOKEN_BEGIN_ARRAY, EXPECT_FIRST_ELEMENT);
}

static QuorumJsonToken
close_container (QuorumJsonCursor *self)
{
  Level *level = &self->levels[--self->depth];

  if (level->object && level->first_name < self->n_names)
    {
      g_string_truncate (self->names, self->name_index[level->first_name].offset);
      self->n_names = level->first_name;
    }
  g_clear_pointer (&level->many, g_hash_table_unref);
  self->p++;
  return emit (self, level->object ? QUORUM_JSON_TOKEN_END_OBJECT : QUORUM_JSON_TOKEN_END_ARRAY,
               EXPECT_NEXT);
}

static gboolean
read_literal (QuorumJsonCursor *self,
              const char       *word,
              gsize             length)
{
  if ((gsize) (self->end - self->p) >= length && memcmp (self->p, word, length) == 0)
    {
      self->p += length;
      return TRUE;
    }
  return FALSE;
}

static QuorumJsonToken
read_value (QuorumJsonCursor *self)
{
  QuorumJsonScanError error = { 0 };
  const char *start;
  char buf[16];

  skip_space (self);
  start = self->p;
  if (start >= self->end)
    return syntax_error (self, start, _("unexpected end of file, expected a value"));

  switch (*start)
    {
    case '{':
      return open_container (self, TRUE);
    case '[':
      return open_container (self, FALSE);
    case '"':
      g_string_truncate (self->value, 0);
      if (!_quorum_json_scan_string (&self->p, self->end, self->value, &error))
        return take_error (self, &error);
      return emit (self, QUORUM_JSON_TOKEN_STRING, EXPECT_NEXT);
    case 't':
      if (read_literal (self, "true", 4))
        return emit (self, QUORUM_JSON_TOKEN_TRUE, EXPECT_NEXT);
      break;
    case 'f':
      if (read_literal (self, "false", 5))
        return emit (self, QUORUM_JSON_TOKEN_FALSE, EXPECT_NEXT);
      break;
    case 'n':
      if (read_literal (self, "null", 4))
        return emit (self, QUORUM_JSON_TOKEN_NULL, EXPECT_NEXT);
      break;
    default:
      if (*start == '-' || g_ascii_isdigit (*start))
        {
          const char *end = _quorum_json_scan_number (start, self->end, NULL, &error);

          if (end == NULL)
            return take_error (self, &error);
          g_string_truncate (self->value, 0);
          g_string_append_len (self->value, start, end - start);
          self->p = end;
          return emit (self, QUORUM_JSON_TOKEN_NUMBER, EXPECT_NEXT);
        }
      break;
    }

  return syntax_error (self, start, _("expected a value, found %s"),
                       _quorum_json_describe_char (start, self->end, buf));
}

/* Whether the object being read has a member named as names[offset …]
 * already (the name itself is not in name_index yet). */
static gboolean
is_duplicate (QuorumJsonCursor *self,
              guint32           offset,
              guint32           length)
{
  Level *level = &self->levels[self->depth - 1];
  const char *name = self->names->str + offset;
  const Name *names = self->name_index;
  guint n = self->n_names;

  if (level->many != NULL)
    return !g_hash_table_add (level->many, g_strdup (name));
  for (guint i = level->first_name; i < n; i++)
    if (names[i].length == length &&
        memcmp (self->names->str + names[i].offset, name, length) == 0)
      return TRUE;
  if (n - level->first_name + 1 >= FEW_MEMBERS)
    {
      level->many = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = level->first_name; i < n; i++)
        g_hash_table_add (level->many, g_strdup (self->names->str + names[i].offset));
      g_hash_table_add (level->many, g_strdup (name));
    }
  return FALSE;
}

static QuorumJsonToken
read_member (QuorumJsonCursor *self)
{
  QuorumJsonScanError error = { 0 };
  Name name = { (guint32) self->names->len, 0 };
  const char *start, *line_start;
  guint line;
  char buf[16];

  skip_space (self);
  start = self->p;
  line = self->token_line;
  line_start = self->token_line_start;
  if (start >= self->end || *start != '"')
    return syntax_error (self, start, _("expected a member name in quotes, found %s"),
                         _quorum_json_describe_char (start, self->end, buf));
  if (!_quorum_json_scan_string (&self->p, self->end, self->names, &error))
    return take_error (self, &error);
  name.length = (guint32) (self->names->len - name.offset);
  g_string_append_c (self->names, '\0');
  if (is_duplicate (self, name.offset, name.length))
    return syntax_error (self, start, _("duplicate member “%s”"),
                         self->names->str + name.offset);
  if (self->n_names == self->names_size)
    {
      self->names_size = MAX (32, 2 * self->names_size);
      self->name_index = g_renew (Name, self->name_index, self->names_size);
    }
  self->name_index[self->n_names++] = name;

  skip_space (self);
  if (self->p >= self->end || *self->p != ':')
    return syntax_error (self, self->p, _("expected “:” after the member name, found %s"),
                         _quorum_json_describe_char (self->p, self->end, buf));
  /* the token is the name, wherever the colon is */
  self->p++;
  self->token_start = start;
  self->token_line = line;
  self->token_line_start = line_start;
  return emit (self, QUORUM_JSON_TOKEN_MEMBER, EXPECT_VALUE);
}

/* After a value: a comma and the next member or element, the container's
 * end, or the text's. */
static QuorumJsonToken
read_next (QuorumJsonCursor *self)
{
  const Level *level;
  char buf[16];

  skip_space (self);
  if (self->depth == 0)
    {
      if (self->p < self->end)
        return syntax_error (self, self->p, _("unexpected %s after the end of the JSON text"),
                             _quorum_json_describe_char (self->p, self->end, buf));
      return emit (self, QUORUM_JSON_TOKEN_END, EXPECT_NOTHING);
    }

  level = &self->levels[self->depth - 1];
  if (self->p < self->end && *self->p == ',')
    {
      self->p++;
      return level->object ? read_member (self) : read_value (self);
    }
  if (self->p < self->end && *self->p == (level->object ? '}' : ']'))
    return close_container (self);
  if (level->object)
    return syntax_error (self, self->p, _("expected “,” or “}”, found %s"),
                         _quorum_json_describe_char (self->p, self->end, buf));
  return syntax_error (self, self->p, _("expected “,” or “]”, found %s"),
                       _quorum_json_describe_char (self->p, self->end, buf));
}

/**
 * quorum_json_cursor_next:
 *
 * Reads the next token. After %QUORUM_JSON_TOKEN_END or
 * %QUORUM_JSON_TOKEN_ERROR it returns the same again.
 *
 * Returns: the token read
 */
QuorumJsonToken
quorum_json_cursor_next (QuorumJsonCursor *self)
{
  g_return_val_if_fail (self != NULL, QUORUM_JSON_TOKEN_ERROR);

  switch (self->expect)
    {
    case EXPECT_VALUE:
      return read_value (self);
    case EXPECT_FIRST_MEMBER:
      skip_space (self);
      if (self->p < self->end && *self->p == '}')
        return close_container (self);
      return read_member (self);
    case EXPECT_FIRST_ELEMENT:
      skip_space (self);
      if (self->p < self->end && *self->p == ']')
        return close_container (self);
      return read_value (self);
    case EXPECT_NEXT:
      return read_next (self);
    case EXPECT_NOTHING:
    default:
      return self->token;
    }
}

/**
 * quorum_json_cursor_skip:
 *
 * Skips the value just begun (the token read last was its first), or the
 * value of the member just named, reading it as strictly as any other.
 *
 * Returns: %FALSE if the text is not valid
 */
gboolean
quorum_json_cursor_skip (QuorumJsonCursor *self)
{
  QuorumJsonToken token;
  guint depth;

  g_return_val_if_fail (self != NULL, FALSE);

  token = self->token;
  if (token == QUORUM_JSON_TOKEN_MEMBER)
    token = quorum_json_cursor_next (self);
  if (token != QUORUM_JSON_TOKEN_BEGIN_OBJECT && token != QUORUM_JSON_TOKEN_BEGIN_ARRAY)
    return token != QUORUM_JSON_TOKEN_ERROR;

  depth = self->depth;
  while (self->depth >= depth)
    if (quorum_json_cursor_next (self) == QUORUM_JSON_TOKEN_ERROR)
      return FALSE;
  return TRUE;
}

/**
 * quorum_json_cursor_get_string:
 * @length: (out) (optional): its length in bytes
 *
 * Returns: (nullable): the name of a member, a string decoded or a number
 *   as written, nul-terminated; valid until the next token is read
 */
const char *
quorum_json_cursor_get_string (QuorumJsonCursor *self,
                               gsize            *length)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->token == QUORUM_JSON_TOKEN_MEMBER)
    {
      const Name *name = &self->name_index[self->n_names - 1];

      if (length != NULL)
        *length = name->length;
      return self->names->str + name->offset;
    }
  if (self->token == QUORUM_JSON_TOKEN_STRING || self->token == QUORUM_JSON_TOKEN_NUMBER)
    {
      if (length != NULL)
        *length = self->value->len;
      return self->value->str;
    }
  return NULL;
}

/**
 * quorum_json_cursor_dup_string:
 *
 * Returns: (transfer full) (nullable): a copy of quorum_json_cursor_get_string ()
 */
char *
quorum_json_cursor_dup_string (QuorumJsonCursor *self)
{
  gsize length = 0;
  const char *text = quorum_json_cursor_get_string (self, &length);

  return text != NULL ? g_strndup (text, length) : NULL;
}

/* Whether the token is a name, string or number that reads @text. */
gboolean
quorum_json_cursor_string_is (QuorumJsonCursor *self,
                              const char       *text)
{
  const char *string = quorum_json_cursor_get_string (self, NULL);

  return string != NULL && text != NULL && strcmp (string, text) == 0;
}

/* How many objects and arrays are open. */
guint
quorum_json_cursor_get_depth (QuorumJsonCursor *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->depth;
}

/* The byte offset of the token's first byte (a member's: its name's quote). */
gsize
quorum_json_cursor_get_offset (QuorumJsonCursor *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->token_start - self->data;
}

/**
 * quorum_json_cursor_get_location:
 *
 * The line and column of the token's first byte, as the tree reader gives
 * them: lines count from 1, columns count characters from 1, a byte order
 * mark not included. A column is counted on from the last one asked for
 * on the same line (a minified text is one long line).
 */
void
quorum_json_cursor_get_location (QuorumJsonCursor *self,
                                 guint            *line,
                                 guint            *column)
{
  const char *at;

  g_return_if_fail (self != NULL);

  /* Tokens only move forward. */
  at = self->token_start;
  if (self->known_at != NULL && self->known_at >= self->token_line_start)
    self->known_column += (guint) g_utf8_strlen (self->known_at, at - self->known_at);
  else
    _quorum_json_column_of (self->data, self->bom, self->token_line_start, at,
                            &self->known_column);
  self->known_at = at;

  if (line != NULL)
    *line = self->token_line;
  if (column != NULL)
    *column = self->known_column;
}

/**
 * quorum_json_cursor_get_error:
 * @line: (out) (optional): where the error is
 * @column: (out) (optional): where the error is
 *
 * Returns: (nullable) (transfer none): why the text is not valid, a
 *   %QUORUM_ERROR whose message starts with `LINE:COLUMN: `, as the tree
 *   reader's does; %NULL while no error was found
 */
const GError *
quorum_json_cursor_get_error (QuorumJsonCursor *self,
                              guint            *line,
                              guint            *column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (line != NULL)
    *line = self->error != NULL ? self->error_line : 0;
  if (column != NULL)
    *column = self->error != NULL ? self->error_column : 0;
  return self->error;
}
