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
 * offsets alone (read_compact_values ()).
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
} Reader;

static JsonNode *read_value (Reader *r);

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

/* Reads a string starting at the opening quote; returns NULL on error. */
static char *
read_string (Reader *r)
{
  QuorumJsonScanError error = { 0 };
  GString *out = g_string_new (NULL);

  if (!_quorum_json_scan_string (&r->p, r->end, out, &error))
    {
      reader_take (r, &error);
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static JsonNode *
read_number (Reader *r)
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
      return NULL;
    }
  r->p = end;

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

  return remember (r, node, start, r->p - start);
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
 * (or any error) returns NULL with the reader where it was, and the object
 * is read as usual, so every error is reported exactly as before. */
static JsonNode *
read_compact_values (Reader *r)
{
  const char *p, *start, *end = r->end;
  GArray *members = r->tree->members;
  guint first = members->len;
  Compact compact;

  skip_space (r);
  p = start = r->p;
  if (p >= end || *p != '{' || r->depth + 1 > QUORUM_JSON_MAX_DEPTH)
    return NULL;

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
  compact.node = json_node_new (JSON_NODE_OBJECT);
  compact.first = first;
  compact.n = members->len - first;
  g_array_append_val (r->tree->compacts, compact);
  return remember (r, compact.node, start, 0);

fallback:
  g_array_set_size (members, first);
  return NULL;
}

static JsonNode *
read_object (Reader *r)
{
  const char *start = r->p;
  Role role = r->object_role;
  g_autoptr(JsonObject) object = NULL;
  JsonNode *node;
  char buf[16];

  if (!enter (r, r->p))
    return NULL;
  if (role == ROLE_ROW && !count_row (r, start))
    return NULL;
  if (role == ROLE_TABLE)
    r->n_rows = 0;
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
        r->object_role = ROLE_NONE;
        r->array_role = ROLE_NONE;
        if (role == ROLE_ROOT && strcmp (key, "tables") == 0)
          r->array_role = ROLE_TABLES;
        else if ((role == ROLE_TABLE || role == ROLE_ROW) && strcmp (key, "rows") == 0)
          r->array_role = ROLE_ROWS;
        value = NULL;
        if (role == ROLE_ROW && r->compact_values && strcmp (key, "values") == 0)
          value = read_compact_values (r);
        if (value == NULL)
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
  return remember (r, node, start, 0);
}

static JsonNode *
read_array (Reader *r)
{
  const char *start = r->p;
  Role role = r->array_role;
  g_autoptr(JsonArray) array = NULL;
  JsonNode *node;
  guint index = 0;
  char buf[16];

  if (!enter (r, r->p))
    return NULL;
  if (role == ROLE_ROWS)
    r->rows_level++;
  r->p++;
  array = json_array_new ();
  skip_space (r);

  if (r->p < r->end && *r->p == ']')
    r->p++;
  else
    while (TRUE)
      {
        JsonNode *value;

        r->object_role = role == ROLE_TABLES ? ROLE_TABLE : role == ROLE_ROWS ? ROLE_ROW
                                                                               : ROLE_NONE;
        r->array_role = ROLE_NONE;
        if (role == ROLE_TABLES)
          r->table_index = index;
        else if (role == ROLE_ROWS)
          r->rows_index[r->rows_level - 1] = index;
        index++;
        value = read_value (r);
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
  if (role == ROLE_ROWS)
    r->rows_level--;
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, array);
  return remember (r, node, start, 0);
}

static JsonNode *
read_value (Reader *r)
{
  const char *start;
  char buf[16];

  skip_space (r);
  start = r->p;

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
        return remember (r, node, start, 0);
      }
    case 't':
      if (read_literal (r, "true"))
        return remember (r, json_node_init_boolean (json_node_alloc (), TRUE), start, 0);
      break;
    case 'f':
      if (read_literal (r, "false"))
        return remember (r, json_node_init_boolean (json_node_alloc (), FALSE), start, 0);
      break;
    case 'n':
      if (read_literal (r, "null"))
        return remember (r, json_node_init_null (json_node_alloc ()), start, 0);
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
static JsonNode *
parse_text (QuorumJsonTree  *tree,
            guint            max_rows,
            gboolean         compact_values,
            guint           *error_line,
            guint           *error_column,
            char           **error_path,
            GError         **error)
{
  Reader r = { 0 };
  JsonNode *root;

  r.data = tree->text;
  r.p = tree->text;
  r.end = tree->text + tree->length;
  r.bom = tree->bom;
  r.p += r.bom;
  r.tree = tree;
  r.object_role = ROLE_ROOT;
  r.max_rows = max_rows;
  r.compact_values = compact_values;
  if (tree->members == NULL)
    tree->members = g_array_new (FALSE, FALSE, sizeof (QuorumJsonMember));
  if (tree->compacts == NULL)
    tree->compacts = g_array_new (FALSE, FALSE, sizeof (Compact));

  root = read_value (&r);
  if (root != NULL)
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
  return _quorum_json_tree_parse_take (text, length, max_rows_per_table, compact_values,
                                       error_line, error_column, error_path, error);
}

/* As quorum_json_tree_parse_full (), keeping @text (nul-terminated at
 * @length) rather than a copy: a file's bytes as read are the tree's, and a
 * large file is not held twice. @text is freed on error. */
QuorumJsonTree *
_quorum_json_tree_parse_take (char        *text,
                              gsize        length,
                              guint        max_rows_per_table,
                              gboolean     compact_values,
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
   * with compact values has a node for every 40 to 80 bytes (it grows if
   * need be). */
  tree->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry),
                                     (compact_values ? length / 96 : length / 12) + 16);
  tree->root = parse_text (tree, max_rows_per_table, compact_values, error_line, error_column,
                           error_path, error);
  if (tree->root == NULL)
    return NULL;

  return g_steal_pointer (&tree);
}

QuorumJsonTree *
quorum_json_tree_ref (QuorumJsonTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * quorum_json_tree_release_nodes:
 *
 * Frees the nodes, keeping only the text: what a loader calls once it has
 * built its model. Afterwards the tree has no root and knows no node's
 * position; quorum_json_tree_to_string () reads the text again.
 */
void
quorum_json_tree_release_nodes (QuorumJsonTree *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->number_texts, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->members, g_array_unref);
  g_clear_pointer (&self->compacts, g_array_unref);
  g_clear_pointer (&self->line_starts, g_array_unref);
}

void
quorum_json_tree_unref (QuorumJsonTree *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      quorum_json_tree_release_nodes (self);
      g_free (self->text);
      g_free (self);
    }
}

/**
 * quorum_json_tree_get_root:
 *
 * Returns: (transfer none) (nullable): the root node, or %NULL once the
 *   nodes are released
 */
JsonNode *
quorum_json_tree_get_root (QuorumJsonTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->root;
}

/* Parses the text again after quorum_json_tree_release_nodes (): it parsed
 * once, so it parses again. */
void
_quorum_json_tree_reparse (QuorumJsonTree *self)
{
  g_autoptr(GError) error = NULL;

  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), self->length / 12 + 16);
  self->root = parse_text (self, 0, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}
