/* quorum-json.c: a strict JSON reader that keeps positions and exact numbers
 *
 * json-glib's parser turns every number into a double or an int64 and
 * forgets where each value stood. The store format needs the number as
 * written (amounts are exact hundredths) and a line:column for every error,
 * so this reader builds the same JsonNode trees while recording both.
 * It records them compactly: each node's byte offset (and a number's
 * length) in one array, sorted by node once the text is read; the text
 * itself is kept, so a number's digits are read from it and a line:column
 * is worked out only when one is asked for (an error, quorum-json-tree.c).
 * A budget row's "values", most of a budget's nodes, can be kept as
 * offsets alone (read_compact_values ()), and a budget's "rows" can be
 * checked without building anything and read a row at a time later, when
 * the loader asks for them (read_array (), _quorum_json_tree_read_element ()).
 * It is strict: RFC 8259 only, no duplicate members, valid UTF-8, bounded
 * nesting depth and string length.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-json-private.h"
#include <glib/gi18n-lib.h>
#include "quorum-error.h"
#include "quorum-json-scan.h"

#include <errno.h>
#include <string.h>

/* What a container is, for counting a budget's rows while reading:
 * $.tables[T].rows[R].rows[S]… */
typedef enum
{
  ROLE_NONE,
  ROLE_ROOT,      /* the root object */
  ROLE_TABLES,    /* its "tables" array */
  ROLE_TABLE,     /* an object in that */
  ROLE_ROWS,      /* a table's or a row's "rows" array */
  ROLE_ROW,       /* an object in that */
} Role;

typedef struct
{
  const char *data;
  const char *end;
  const char *p;
  gsize bom;
  QuorumJsonTree *tree;
  guint depth;
  GError *error;
  guint error_line;
  guint error_column;
  char *error_path;
  /* the next value's role, if it is an object or if it is an array */
  Role object_role;
  Role array_role;
  /* rows counted in the current table, 0 for no limit */
  guint max_rows;
  guint n_rows;
  guint table_index;
  guint rows_index[QUORUM_JSON_MAX_DEPTH];   /* per level of "rows" */
  guint rows_level;
  gboolean compact_values;   /* read a row's "values" compactly */
  gboolean lazy_rows;        /* leave a budget's "rows" arrays in the text (Lazy) */
  gboolean skip;             /* check the text without building nodes */
  gboolean valid;            /* the text was read once without error: an element */
                             /* read lazily, whose "rows" are only skipped */
  GString *scratch;          /* a string's decoded bytes */
} Reader;

static gboolean read_value (Reader    *r,
                            JsonNode **out);

/* For a syntax error: one scan from the start. */
static void
reader_locate (Reader     *r,
               const char *at,
               guint      *line,
               guint      *column)
{
  _quorum_json_locate (r->data, r->bom, at, line, column);
}

/* An error found by quorum-json-scan.c, unless there is one already. */
static void
reader_take (Reader              *r,
             QuorumJsonScanError *error)
{
  if (r->error != NULL)
    {
      g_clear_pointer (&error->message, g_free);
      return;
    }
  r->error = _quorum_json_scan_to_gerror (error, r->data, r->bom, &r->error_line,
                                          &r->error_column);
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

  reader_locate (r, at, &r->error_line, &r->error_column);
  r->error = g_error_new (QUORUM_ERROR, QUORUM_ERROR_SYNTAX, "%u:%u: %s",
                          r->error_line, r->error_column, message);
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end)
    {
      char c = *r->p;

      if (c != ' ' && c != '\n' && c != '\t' && c != '\r')
        break;
      r->p++;
    }
}

static JsonNode *
remember (Reader     *r,
          JsonNode   *node,
          const char *at,
          gsize       number_length)
{
  Entry entry = { node, (guint32) (at - r->data), (guint32) number_length };

  g_array_append_val (r->tree->entries, entry);
  return node;
}

static const char *
describe_char (const char *p,
               const char *end,
               char        buf[16])
{
  return _quorum_json_describe_char (p, end, buf);
}

/* After a member or an element: a comma (*more set) or @close (*more
 * unset), read; anything else is an error. Inlined, as the loops it
 * came from were: it runs after every member and element. */
G_ALWAYS_INLINE static inline gboolean
read_separator (Reader   *r,
                char      close,
                gboolean *more)
{
  char buf[16];

  skip_space (r);
  if (r->p < r->end && (*r->p == ',' || *r->p == close))
    {
      *more = *r->p++ == ',';
      return TRUE;
    }
  if (close == '}')
    reader_fail (r, r->p, _("expected “,” or “}”, found %s"), describe_char (r->p, r->end, buf));
  else
    reader_fail (r, r->p, _("expected “,” or “]”, found %s"), describe_char (r->p, r->end, buf));
  return FALSE;
}

/* Reads a string starting at the opening quote into @out (its bytes
 * replaced); FALSE on error. */
static gboolean
read_string (Reader  *r,
             GString *out)
{
  QuorumJsonScanError error = { 0 };

  g_string_truncate (out, 0);
  if (!_quorum_json_scan_string (&r->p, r->end, out, &error))
    {
      reader_take (r, &error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_number (Reader    *r,
             JsonNode **out)
{
  QuorumJsonScanError error = { 0 };
  const char *start = r->p;
  char text[QUORUM_JSON_MAX_NUMBER_LENGTH + 1];
  JsonNode *node;
  gboolean is_integer = TRUE;
  const char *end = _quorum_json_scan_number (start, r->end, &is_integer, &error);

  if (end == NULL)
    {
      reader_take (r, &error);
      return FALSE;
    }
  r->p = end;

  *out = NULL;
  if (r->skip)
    return TRUE;

  memcpy (text, start, r->p - start);
  text[r->p - start] = '\0';
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

  *out = remember (r, node, start, r->p - start);
  return TRUE;
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
      QuorumJsonScanError error = { QUORUM_JSON_SCAN_TOO_DEEP, at, NULL };

      reader_take (r, &error);
      return FALSE;
    }
  return TRUE;
}

/* A budget's row limit, found as soon as it is crossed: the row's path is
 * the one the loader would give it. */
static gboolean
count_row (Reader     *r,
           const char *at)
{
  g_autoptr(GString) path = NULL;

  if (r->max_rows == 0 || ++r->n_rows <= r->max_rows)
    return TRUE;

  path = g_string_new (NULL);
  g_string_printf (path, "$.tables[%u]", r->table_index);
  for (guint i = 0; i < r->rows_level; i++)
    g_string_append_printf (path, ".rows[%u]", r->rows_index[i]);
  r->error_path = g_string_free (g_steal_pointer (&path), FALSE);
  reader_locate (r, at, &r->error_line, &r->error_column);
  r->error = g_error_new (QUORUM_ERROR, QUORUM_ERROR_LIMIT,
                          _("%u:%u: more than %u rows in one table"),
                          r->error_line, r->error_column, r->max_rows);
  return FALSE;
}

/* Scans a number as read_number () would accept it, without building
 * anything; NULL if it would not (read_number () then says why). */
static const char *
scan_number (const char *p,
             const char *end)
{
  return _quorum_json_scan_number (p, end, NULL, NULL);
}

/* A budget row's "values": most of a budget's nodes. When the object holds
 * only numbers and nulls under short plain-ASCII names, none twice, it is
 * kept as offsets into the text (QuorumJsonMember) behind a node holding no
 * JsonObject: no node, hash table or name copy per value. Anything else
 * (or any error) returns FALSE with the reader where it was, and the object
 * is read as usual, so every error is reported exactly as before. */
static gboolean
read_compact_values (Reader    *r,
                     JsonNode **out)
{
  const char *p, *start, *end = r->end;
  GArray *members = r->tree->members;
  guint first = members->len;
  Compact compact;

  skip_space (r);
  p = start = r->p;
  if (p >= end || *p != '{' || r->depth + 1 > QUORUM_JSON_MAX_DEPTH)
    return FALSE;

#define SKIP_SPACE() \
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')) p++
  p++;
  SKIP_SPACE ();
  if (p < end && *p == '}')
    p++;
  else
    while (TRUE)
      {
        QuorumJsonMember m;
        const char *name, *value;

        SKIP_SPACE ();
        if (p >= end || *p != '"' || members->len - first >= COMPACT_MAX_MEMBERS)
          goto fallback;
        name = ++p;
        while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20 && (guchar) *p < 0x80)
          p++;
        if (p >= end || *p != '"' || p - name > COMPACT_MAX_NAME)
          goto fallback;
        m.name_offset = (guint32) (name - r->data);
        m.name_length = (guint8) (p - name);
        for (guint i = first; i < members->len; i++)
          {
            const QuorumJsonMember *o = &g_array_index (members, QuorumJsonMember, i);

            if (o->name_length == m.name_length &&
                memcmp (r->data + o->name_offset, name, m.name_length) == 0)
              goto fallback;
          }
        p++;
        SKIP_SPACE ();
        if (p >= end || *p != ':')
          goto fallback;
        p++;
        SKIP_SPACE ();
        value = p;
        if (end - p >= 4 && memcmp (p, "null", 4) == 0)
          {
            p += 4;
            m.value_length = 0;
          }
        else if ((p = scan_number (p, end)) == NULL)
          goto fallback;
        else
          m.value_length = (guint16) (p - value);
        m.value_offset = (guint32) (value - r->data);
        g_array_append_val (members, m);
        SKIP_SPACE ();
        if (p < end && *p == ',')
          {
            p++;
            continue;
          }
        if (p < end && *p == '}')
          {
            p++;
            break;
          }
        goto fallback;
      }
#undef SKIP_SPACE

  r->p = p;
  *out = NULL;
  if (r->skip)
    {
      g_array_set_size (members, first);
      return TRUE;
    }
  compact.node = json_node_new (JSON_NODE_OBJECT);
  compact.first = first;
  compact.n = members->len - first;
  g_array_append_val (r->tree->compacts, compact);
  *out = remember (r, compact.node, start, 0);
  return TRUE;

fallback:
  g_array_set_size (members, first);
  return FALSE;
}

/* The member names of an object checked without building it, to find a
 * duplicate: a few in an array, more in a hash table. */
#define FEW_NAMES 8

typedef struct
{
  char *few[FEW_NAMES];
  guint n_few;
  GHashTable *many;
} Names;

static void
names_clear (Names *names)
{
  for (guint i = 0; i < names->n_few; i++)
    g_free (names->few[i]);
  g_clear_pointer (&names->many, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

/* Adds @name; FALSE if the object has it already. */
static gboolean
names_add (Names      *names,
           const char *name)
{
  if (names->many == NULL)
    {
      for (guint i = 0; i < names->n_few; i++)
        if (strcmp (names->few[i], name) == 0)
          return FALSE;
      if (names->n_few < FEW_NAMES)
        {
          names->few[names->n_few++] = g_strdup (name);
          return TRUE;
        }
      names->many = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < names->n_few; i++)
        g_hash_table_add (names->many, names->few[i]);
      names->n_few = 0;
    }
  if (g_hash_table_contains (names->many, name))
    return FALSE;
  g_hash_table_add (names->many, g_strdup (name));
  return TRUE;
}

static gboolean
read_object (Reader    *r,
             JsonNode **out)
{
  const char *start = r->p;
  Role role = r->object_role;
  g_autoptr(JsonObject) object = NULL;
  g_auto(Names) names = { 0 };
  JsonNode *node;
  char buf[16];

  if (!enter (r, r->p))
    return FALSE;
  if (role == ROLE_ROW && !count_row (r, start))
    return FALSE;
  if (role == ROLE_TABLE)
    r->n_rows = 0;
  r->p++;
  if (!r->skip)
    object = json_object_new ();
  skip_space (r);

  if (r->p < r->end && *r->p == '}')
    r->p++;
  else
    while (TRUE)
      {
        const char *key_at;
        const char *key;
        g_autofree char *owned_key = NULL;
        JsonNode *value = NULL;
        gboolean more;

        skip_space (r);
        key_at = r->p;
        if (r->p >= r->end || *r->p != '"')
          {
            reader_fail (r, r->p, _("expected a member name in quotes, found %s"),
                         describe_char (r->p, r->end, buf));
            return FALSE;
          }
        if (!read_string (r, r->scratch))
          return FALSE;
        /* Checked without building the object, the name is not needed once
         * its value is read. */
        key = r->scratch->str;
        if (object != NULL)
          key = owned_key = g_strndup (r->scratch->str, r->scratch->len);
        if (object != NULL ? json_object_has_member (object, key) : !names_add (&names, key))
          {
            reader_fail (r, key_at, _("duplicate member “%s”"), key);
            return FALSE;
          }
        skip_space (r);
        if (r->p >= r->end || *r->p != ':')
          {
            reader_fail (r, r->p, _("expected “:” after the member name, found %s"),
                         describe_char (r->p, r->end, buf));
            return FALSE;
          }
        r->p++;
        r->object_role = ROLE_NONE;
        r->array_role = ROLE_NONE;
        if (role == ROLE_ROOT && strcmp (key, "tables") == 0)
          r->array_role = ROLE_TABLES;
        else if ((role == ROLE_TABLE || role == ROLE_ROW) && strcmp (key, "rows") == 0)
          r->array_role = ROLE_ROWS;
        if (!(role == ROLE_ROW && r->compact_values && strcmp (key, "values") == 0 &&
              read_compact_values (r, &value)) &&
            !read_value (r, &value))
          return FALSE;
        if (object != NULL)
          json_object_set_member (object, owned_key, value);
        if (!read_separator (r, '}', &more))
          return FALSE;
        if (!more)
          break;
      }

  r->depth--;
  *out = NULL;
  if (object == NULL)
    return TRUE;
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  *out = remember (r, node, start, 0);
  return TRUE;
}

/* Skips the array or object at @p in a text read once without error. */
static const char *
skip_valid_container (const char *p)
{
  guint depth = 0;

  do
    {
      switch (*p++)
        {
        case '"':
          for (; *p != '"'; p++)
            if (*p == '\\')
              p++;
          p++;
          break;
        case '[':
        case '{':
          depth++;
          break;
        case ']':
        case '}':
          depth--;
          break;
        default:
          break;
        }
    }
  while (depth > 0);
  return p;
}

/* A "rows" array left in the text: a node holding an empty array, whose
 * elements are read when they are asked for. */
static JsonNode *
remember_lazy (Reader     *r,
               const char *start)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  Lazy lazy = { node, (guint32) (start - r->data), r->depth + 1 };

  json_node_take_array (node, json_array_new ());
  g_array_append_val (r->tree->lazies, lazy);
  return remember (r, node, start, 0);
}

static gboolean
read_array (Reader    *r,
            JsonNode **out)
{
  const char *start = r->p;
  Role role = r->array_role;
  gboolean lazy = role == ROLE_ROWS && r->lazy_rows && !r->skip;
  g_autoptr(JsonArray) array = NULL;
  JsonNode *node;
  guint index = 0;

  if (!enter (r, r->p))
    return FALSE;
  if (lazy && r->valid)
    {
      /* In an element read lazily: its rows were checked with the rest. */
      r->p = skip_valid_container (r->p);
      r->depth--;
      *out = remember_lazy (r, start);
      return TRUE;
    }
  if (role == ROLE_ROWS)
    r->rows_level++;
  r->p++;
  /* A budget's rows are checked (and counted) now, and read later. */
  if (lazy)
    r->skip = TRUE;
  else if (!r->skip)
    array = json_array_new ();
  skip_space (r);

  if (r->p < r->end && *r->p == ']')
    r->p++;
  else
    while (TRUE)
      {
        JsonNode *value;
        gboolean more;

        r->object_role = role == ROLE_TABLES ? ROLE_TABLE : role == ROLE_ROWS ? ROLE_ROW
                                                                               : ROLE_NONE;
        r->array_role = ROLE_NONE;
        if (role == ROLE_TABLES)
          r->table_index = index;
        else if (role == ROLE_ROWS)
          r->rows_index[r->rows_level - 1] = index;
        index++;
        if (!read_value (r, &value))
          return FALSE;
        if (array != NULL)
          json_array_add_element (array, value);
        if (!read_separator (r, ']', &more))
          return FALSE;
        if (!more)
          break;
      }

  r->depth--;
  if (role == ROLE_ROWS)
    r->rows_level--;
  *out = NULL;
  if (lazy)
    {
      r->skip = FALSE;
      *out = remember_lazy (r, start);
    }
  if (array == NULL)
    return TRUE;
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  *out = remember (r, node, start, 0);
  return TRUE;
}

/* A literal's node, unless the text is only checked. */
static gboolean
read_literal_value (Reader     *r,
                    const char *start,
                    JsonNode   *(*init) (JsonNode *node),
                    gboolean    value,
                    JsonNode  **out)
{
  JsonNode *node;

  *out = NULL;
  if (r->skip)
    return TRUE;
  node = init != NULL ? init (json_node_alloc ())
                      : json_node_init_boolean (json_node_alloc (), value);
  *out = remember (r, node, start, 0);
  return TRUE;
}

static gboolean
read_value (Reader    *r,
            JsonNode **out)
{
  const char *start;
  char buf[16];

  skip_space (r);
  start = r->p;

  if (r->p >= r->end)
    {
      reader_fail (r, r->p, _("unexpected end of file, expected a value"));
      return FALSE;
    }

  switch (*r->p)
    {
    case '{':
      return read_object (r, out);
    case '[':
      return read_array (r, out);
    case '"':
      {
        JsonNode *node;

        if (!read_string (r, r->scratch))
          return FALSE;
        *out = NULL;
        if (r->skip)
          return TRUE;
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_string (node, r->scratch->str);
        *out = remember (r, node, start, 0);
        return TRUE;
      }
    case 't':
      if (read_literal (r, "true"))
        return read_literal_value (r, start, NULL, TRUE, out);
      break;
    case 'f':
      if (read_literal (r, "false"))
        return read_literal_value (r, start, NULL, FALSE, out);
      break;
    case 'n':
      if (read_literal (r, "null"))
        return read_literal_value (r, start, json_node_init_null, FALSE, out);
      break;
    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        return read_number (r, out);
      break;
    }

  reader_fail (r, r->p, _("expected a value, found %s"), describe_char (r->p, r->end, buf));
  return FALSE;
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
static JsonNode *
parse_text (QuorumJsonTree  *tree,
            guint            max_rows,
            gboolean         compact_values,
            gboolean         lazy_rows,
            guint           *error_line,
            guint           *error_column,
            char           **error_path,
            GError         **error)
{
  Reader r = { 0 };
  JsonNode *root = NULL;
  gboolean read;

  r.data = tree->text;
  r.p = tree->text;
  r.end = tree->text + tree->length;
  r.bom = tree->bom;
  r.p += r.bom;
  r.tree = tree;
  r.object_role = ROLE_ROOT;
  r.max_rows = max_rows;
  r.compact_values = compact_values;
  r.lazy_rows = lazy_rows;
  r.scratch = g_string_new (NULL);
  tree->compact_values = compact_values;
  if (tree->members == NULL)
    tree->members = g_array_new (FALSE, FALSE, sizeof (QuorumJsonMember));
  if (tree->compacts == NULL)
    tree->compacts = g_array_new (FALSE, FALSE, sizeof (Compact));
  if (tree->lazies == NULL)
    tree->lazies = g_array_new (FALSE, FALSE, sizeof (Lazy));

  read = read_value (&r, &root);
  g_string_free (r.scratch, TRUE);
  if (read)
    {
      char buf[16];

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
       * freed on the way out. */
      g_clear_pointer (&root, json_node_unref);
      g_array_set_size (tree->entries, 0);
      g_array_set_size (tree->members, 0);
      g_array_set_size (tree->compacts, 0);
      g_array_set_size (tree->lazies, 0);
      if (error_line)
        *error_line = r.error_line;
      if (error_column)
        *error_column = r.error_column;
      if (error_path)
        *error_path = g_steal_pointer (&r.error_path);
      g_free (r.error_path);
      g_propagate_error (error, r.error);
      return NULL;
    }

  g_array_sort (tree->entries, _quorum_json_compare_entries);
  g_array_sort (tree->compacts, _quorum_json_compare_compacts);
  tree->n_sorted_entries = tree->entries->len;
  tree->n_sorted_compacts = tree->compacts->len;
  return root;
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
  return quorum_json_tree_parse_budget (data, length, 0, error_line, error_column, NULL, error);
}

/**
 * quorum_json_tree_parse_budget:
 * @max_rows_per_table: the most rows a table of a budget document may have
 *   (`$.tables[T].rows[R].rows[S]…`, every depth), or 0 for no limit
 * @error_path: (out) (optional) (transfer full): the JSON path of the row
 *   over the limit, if that was the error
 *
 * As quorum_json_tree_parse (), counting a budget's rows as it reads, so
 * a file over the limit is refused as soon as it is crossed (a
 * %QUORUM_ERROR_LIMIT error, at the first row too many).
 *
 * Returns: (transfer full) (nullable): the tree
 */
QuorumJsonTree *
quorum_json_tree_parse_budget (const char  *data,
                               gsize        length,
                               guint        max_rows_per_table,
                               guint       *error_line,
                               guint       *error_column,
                               char       **error_path,
                               GError     **error)
{
  return quorum_json_tree_parse_full (data, length, max_rows_per_table, FALSE, error_line,
                                      error_column, error_path, error);
}

/**
 * quorum_json_tree_parse_full:
 * @compact_values: read a budget row's `values` compactly where it can be:
 *   a node holding no #JsonObject, whose members are read with
 *   quorum_json_tree_get_members ()
 *
 * As quorum_json_tree_parse_budget ().
 *
 * Returns: (transfer full) (nullable): the tree
 */
QuorumJsonTree *
quorum_json_tree_parse_full (const char  *data,
                             gsize        length,
                             guint        max_rows_per_table,
                             gboolean     compact_values,
                             guint       *error_line,
                             guint       *error_column,
                             char       **error_path,
                             GError     **error)
{
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (length < G_MAXUINT32, NULL);

  text = g_malloc (length + 1);
  if (length > 0)
    memcpy (text, data, length);
  text[length] = '\0';
  return _quorum_json_tree_parse_take (text, length, max_rows_per_table, compact_values, FALSE,
                                       error_line, error_column, error_path, error);
}

/* As quorum_json_tree_parse_full (), keeping @text (nul-terminated at
 * @length) rather than a copy: a file's bytes as read are the tree's, and a
 * large file is not held twice. @text is freed on error.
 *
 * With @lazy_rows, a budget's "rows" arrays (a table's and a row's) are
 * checked and counted as the rest, but left in the text: each is a node
 * holding an empty array, whose rows are read one at a time with
 * quorum_json_tree_elements_next (), so a loader keeps one row's nodes at a
 * time rather than every row's. */
QuorumJsonTree *
_quorum_json_tree_parse_take (char        *text,
                              gsize        length,
                              guint        max_rows_per_table,
                              gboolean     compact_values,
                              gboolean     lazy_rows,
                              guint       *error_line,
                              guint       *error_column,
                              char       **error_path,
                              GError     **error)
{
  g_autoptr(QuorumJsonTree) tree = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (text[length] == '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (length < G_MAXUINT32, NULL);

  tree = g_new0 (QuorumJsonTree, 1);
  g_atomic_ref_count_init (&tree->ref_count);
  tree->text = text;
  tree->length = length;
  /* A UTF-8 byte order mark, as some editors write, is tolerated. */
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    tree->bom = 3;
  /* About a node for every 12 bytes of a typical store file; a budget
   * with compact values has a node for every 40 to 80 bytes, and with lazy
   * rows few besides its rows' (it grows if need be). */
  tree->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry),
                                     lazy_rows ? 256 :
                                     (compact_values ? length / 96 : length / 12) + 16);
  tree->root = parse_text (tree, max_rows_per_table, compact_values, lazy_rows, error_line,
                           error_column, error_path, error);
  if (tree->root == NULL)
    return NULL;

  return g_steal_pointer (&tree);
}

/* Parses the text again after quorum_json_tree_release_nodes (): it parsed
 * once, so it parses again. */
void
_quorum_json_tree_reparse (QuorumJsonTree *self)
{
  g_autoptr(GError) error = NULL;

  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), self->length / 12 + 16);
  self->root = parse_text (self, 0, FALSE, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Reads the element of a lazy array at @offset (its reader's @depth), in a
 * text read once without error (so it cannot fail); @next is where the
 * next element starts, 0 after the last. */
JsonNode *
_quorum_json_tree_read_element (QuorumJsonTree *self,
                                guint32         depth,
                                guint32         offset,
                                guint32        *next)
{
  Reader r = { 0 };
  JsonNode *element = NULL;

  r.data = self->text;
  r.p = self->text + offset;
  r.end = self->text + self->length;
  r.bom = self->bom;
  r.tree = self;
  r.depth = depth;
  r.object_role = ROLE_ROW;
  r.compact_values = self->compact_values;
  r.lazy_rows = TRUE;
  r.valid = TRUE;
  r.scratch = g_string_new (NULL);
  read_value (&r, &element);
  g_assert_no_error (r.error);
  g_string_free (r.scratch, TRUE);

  skip_space (&r);
  *next = *r.p == ',' ? _quorum_json_tree_next_value (self, (guint32) (r.p + 1 - r.data)) : 0;
  return element;
}
