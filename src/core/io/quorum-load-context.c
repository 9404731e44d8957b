/* quorum-load-context.c: strict reading of store files, collecting every problem
 *
 * Every reader of a store file goes through these helpers, so every error
 * names the file, the JSON path and, where the reader knows it, the line
 * and column; reading goes on after an error so one pass reports them all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-load-context.h"
#include "quorum-json-private.h"
#include <glib/gi18n-lib.h>
#include "quorum-amount.h"
#include "quorum-error.h"

#include <string.h>

static void ctx_error_valist (QuorumLoadContext *ctx,
                              JsonNode          *node,
                              gboolean           has_offset,
                              guint32            offset,
                              const char        *path,
                              const char        *format,
                              va_list            args) G_GNUC_PRINTF (6, 0);

/* An error at @node, or at @offset in the text when @node is NULL and
 * @has_offset. */
static void
ctx_error_valist (QuorumLoadContext *ctx,
                  JsonNode          *node,
                  gboolean           has_offset,
                  guint32            offset,
                  const char        *path,
                  const char        *format,
                  va_list            args)
{
  g_autofree char *message = NULL;
  guint line = 0, column = 0;

  ctx->n_errors++;
  if (ctx->problems == NULL)
    return;

  if (ctx->n_errors > QUORUM_MAX_PROBLEMS_PER_FILE)
    return;

  if (ctx->n_errors == QUORUM_MAX_PROBLEMS_PER_FILE)
    {
      g_ptr_array_add (ctx->problems,
                       quorum_problem_new (ctx->file, "$", 0, 0,
                                           _("too many errors; the rest are not listed")));
      return;
    }

  message = g_strdup_vprintf (format, args);

  if (ctx->tree != NULL && node != NULL)
    quorum_json_tree_get_location (ctx->tree, node, &line, &column);
  else if (ctx->tree != NULL && has_offset)
    quorum_json_tree_get_offset_location (ctx->tree, offset, &line, &column);

  g_ptr_array_add (ctx->problems, quorum_problem_new (ctx->file, path, line, column, message));
}

void
_quorum_ctx_error (QuorumLoadContext *ctx,
                   JsonNode          *node,
                   const char        *path,
                   const char        *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  ctx_error_valist (ctx, node, FALSE, 0, path, format, args);
  va_end (args);
}

/* As _quorum_ctx_error (), at a byte offset of the text: for the members of
 * an object read compactly, which have no node. */
void
_quorum_ctx_error_at (QuorumLoadContext *ctx,
                      guint32            offset,
                      const char        *path,
                      const char        *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  ctx_error_valist (ctx, NULL, TRUE, offset, path, format, args);
  va_end (args);
}

/* Parses @data, or @take (which it then owns) as JSON; a syntax error is
 * recorded with its position. */
static gboolean
ctx_parse (QuorumLoadContext  *ctx,
           const char         *data,
           char               *take,
           gsize               length,
           QuorumJsonTree    **out_tree)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *error_path = NULL;
  guint line = 0, column = 0;
  QuorumJsonTree *tree;

  if (length > QUORUM_MAX_FILE_BYTES)
    {
      g_free (take);
      ctx->n_errors++;
      if (ctx->problems)
        g_ptr_array_add (ctx->problems,
                         quorum_problem_new (ctx->file, "$", 0, 0,
                                             _("file larger than the 16 MiB limit")));
      return FALSE;
    }

  if (take == NULL)
    {
      take = g_malloc (length + 1);
      if (length > 0)
        memcpy (take, data, length);
      take[length] = '\0';
    }
  tree = _quorum_json_tree_parse_take (take, length, ctx->max_rows_per_table,
                                       ctx->compact_values, ctx->lazy_rows, &line, &column,
                                       &error_path, &error);
  if (tree == NULL)
    {
      const char *message = error->message;
      const char *colon;

      /* The parser's message starts with "LINE:COLUMN: ". */
      if ((colon = strstr (message, ": ")) != NULL)
        message = colon + 2;
      ctx->n_errors++;
      if (ctx->problems)
        g_ptr_array_add (ctx->problems,
                         quorum_problem_new (ctx->file, error_path ? error_path : "$",
                                             line, column, message));
      return FALSE;
    }

  *out_tree = tree;
  return TRUE;
}

/**
 * _quorum_ctx_parse:
 *
 * Parses @data as JSON; a syntax error is recorded with its position.
 */
gboolean
_quorum_ctx_parse (QuorumLoadContext  *ctx,
                   const char         *data,
                   gsize               length,
                   QuorumJsonTree    **out_tree)
{
  return ctx_parse (ctx, data, NULL, length, out_tree);
}

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL)
    return _("nothing");
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a string");
        case G_TYPE_BOOLEAN: return _("a boolean");
        default: return _("a number");
        }
    default: return _("something else");
    }
}

gboolean
_quorum_ctx_check_format (QuorumLoadContext *ctx,
                          JsonNode          *root,
                          const char        *kind,
                          guint              version)
{
  g_autofree char *format = NULL;
  g_autofree char *prefix = g_strconcat (kind, "/", NULL);
  JsonNode *node;

  if (_quorum_ctx_object (ctx, root, "$") == NULL)
    return FALSE;
  if (!_quorum_ctx_string (ctx, root, "$", "format", TRUE, &format))
    return FALSE;

  node = json_object_get_member (json_node_get_object (root), "format");

  if (g_str_has_prefix (format, prefix))
    {
      const char *v = format + strlen (prefix);
      guint64 n = 0;

      if (g_ascii_string_to_unsigned (v, 10, 1, G_MAXUINT, &n, NULL))
        {
          if (n == version)
            return TRUE;
          if (n > version)
            {
              _quorum_ctx_error (ctx, node, "$.format",
                                 _("format “%s” is newer than this version of Quorum "
                                 "understands (%s%u); the file is left untouched"),
                                 format, prefix, version);
              return FALSE;
            }
        }
    }

  _quorum_ctx_error (ctx, node, "$.format", _("unknown format “%s”, expected “%s%u”"),
                     format, prefix, version);
  return FALSE;
}

static JsonNode *
ctx_open (QuorumLoadContext  *ctx,
          const char         *data,
          char               *take,
          gsize               length,
          const char         *kind,
          guint               version,
          QuorumJsonTree    **out_tree)
{
  JsonNode *root;

  if (!ctx_parse (ctx, data, take, length, out_tree))
    return NULL;
  ctx->tree = *out_tree;
  root = quorum_json_tree_get_root (*out_tree);
  if (!_quorum_ctx_check_format (ctx, root, kind, version))
    return NULL;
  return root;
}

/**
 * _quorum_ctx_open:
 *
 * Parses a store file and checks its format; on success sets ctx->tree and
 * returns the root object's node.
 */
JsonNode *
_quorum_ctx_open (QuorumLoadContext  *ctx,
                  const char         *data,
                  gsize               length,
                  const char         *kind,
                  guint               version,
                  QuorumJsonTree    **out_tree)
{
  return ctx_open (ctx, data, NULL, length, kind, version, out_tree);
}

/**
 * _quorum_ctx_open_take:
 * @data: (transfer full): the file's bytes, nul-terminated at @length
 *
 * As _quorum_ctx_open (), the tree keeping @data itself rather than a copy.
 */
JsonNode *
_quorum_ctx_open_take (QuorumLoadContext  *ctx,
                       char               *data,
                       gsize               length,
                       const char         *kind,
                       guint               version,
                       QuorumJsonTree    **out_tree)
{
  return ctx_open (ctx, NULL, data, length, kind, version, out_tree);
}

/**
 * _quorum_ctx_file_id:
 *
 * Reads the file's required `id`, which must equal its file name less
 * `.json`.
 */
gboolean
_quorum_ctx_file_id (QuorumLoadContext  *ctx,
                     JsonNode           *root,
                     char              **out)
{
  g_autofree char *basename = g_path_get_basename (ctx->file);

  if (!_quorum_ctx_id (ctx, root, "$", "id", TRUE, out) || *out == NULL)
    return FALSE;

  if (g_str_has_suffix (basename, ".json"))
    basename[strlen (basename) - 5] = '\0';
  if (!g_str_equal (*out, basename))
    {
      _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (root), "id"), "$.id",
                         _("the id “%s” does not match the file name “%s.json”"), *out, basename);
      return FALSE;
    }
  return TRUE;
}

JsonObject *
_quorum_ctx_object (QuorumLoadContext *ctx,
                    JsonNode          *node,
                    const char        *path)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _quorum_ctx_error (ctx, node, path, _("expected an object, found %s"),
                         node_type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

JsonNode *
_quorum_ctx_member (QuorumLoadContext *ctx,
                    JsonNode          *object_node,
                    const char        *path,
                    const char        *member,
                    gboolean           required)
{
  JsonObject *object = json_node_get_object (object_node);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    _quorum_ctx_error (ctx, object_node, path, _("required member “%s” is missing"), member);
  return node;
}

gboolean
_quorum_ctx_string (QuorumLoadContext  *ctx,
                    JsonNode           *object_node,
                    const char         *path,
                    const char         *member,
                    gboolean            required,
                    char              **out)
{
  JsonNode *node = _quorum_ctx_member (ctx, object_node, path, member, required);

  *out = NULL;
  if (node == NULL)
    return !required;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *member_path = quorum_path_member (path, member);

      _quorum_ctx_error (ctx, node, member_path, _("expected a string, found %s"),
                         node_type_name (node));
      return FALSE;
    }

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
quorum_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;
  len = strlen (id);
  if (len < 1 || len > 64)
    return FALSE;
  if (!(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!(g_ascii_islower (id[i]) || g_ascii_isdigit (id[i]) || id[i] == '-'))
      return FALSE;
  return TRUE;
}

/* The strings that must be written one way. */
typedef enum
{
  STRING_ONE_OF,                /* one of a list of values */
  STRING_ID,
  STRING_DATE,
} StringKind;

/* The string @member of @object_node, reported at the member unless it is
 * written as @kind requires (for STRING_ONE_OF, one of @allowed). */
static gboolean
ctx_checked_string (QuorumLoadContext  *ctx,
                    JsonNode           *object_node,
                    const char         *path,
                    const char         *member,
                    gboolean            required,
                    StringKind          kind,
                    const char * const *allowed,
                    char              **out)
{
  g_autofree char *value = NULL;
  g_autofree char *member_path = NULL;
  JsonNode *node;

  *out = NULL;
  if (!_quorum_ctx_string (ctx, object_node, path, member, required, &value))
    return FALSE;
  if (value == NULL ||
      (kind == STRING_ID ? quorum_id_is_valid (value)
       : kind == STRING_DATE ? quorum_date_is_valid (value)
       : g_strv_contains (allowed, value)))
    {
      *out = g_steal_pointer (&value);
      return TRUE;
    }

  member_path = quorum_path_member (path, member);
  node = json_object_get_member (json_node_get_object (object_node), member);
  if (kind == STRING_ID)
    _quorum_ctx_error (ctx, node, member_path,
                       _("“%s” is not a valid id: use 1 to 64 lowercase letters, digits and "
                       "hyphens, starting with a letter or digit"), value);
  else if (kind == STRING_DATE)
    _quorum_ctx_error (ctx, node, member_path, _("“%s” is not a date written YYYY-MM-DD"),
                       value);
  else
    {
      g_autofree char *list = g_strjoinv (", ", (char **) allowed);

      _quorum_ctx_error (ctx, node, member_path, _("“%s” is not one of: %s"), value, list);
    }
  return FALSE;
}

gboolean
_quorum_ctx_id (QuorumLoadContext  *ctx,
                JsonNode           *object_node,
                const char         *path,
                const char         *member,
                gboolean            required,
                char              **out)
{
  return ctx_checked_string (ctx, object_node, path, member, required, STRING_ID, NULL, out);
}

gboolean
_quorum_ctx_enum (QuorumLoadContext  *ctx,
                  JsonNode           *object_node,
                  const char         *path,
                  const char         *member,
                  const char * const *allowed,
                  char              **out)
{
  return ctx_checked_string (ctx, object_node, path, member, FALSE, STRING_ONE_OF, allowed, out);
}

gboolean
quorum_date_is_valid (const char *text)
{
  guint64 y, m, d;
  char buf[5];

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  memcpy (buf, text, 4); buf[4] = '\0';
  y = g_ascii_strtoull (buf, NULL, 10);
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');

  return y >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* A regulatory year, written `2020/21`: two consecutive years. */
gboolean
quorum_year_is_valid (const char *text)
{
  guint first, second;

  if (text == NULL || strlen (text) != 7 || text[4] != '/')
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;

  first = (guint) g_ascii_strtoull (text, NULL, 10);
  second = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  return (first + 1) % 100 == second;
}

gboolean
_quorum_ctx_date (QuorumLoadContext  *ctx,
                  JsonNode           *object_node,
                  const char         *path,
                  const char         *member,
                  gboolean            required,
                  char              **out)
{
  return ctx_checked_string (ctx, object_node, path, member, required, STRING_DATE, NULL, out);
}

/**
 * _quorum_ctx_amount_member_node:
 * @node: the value of @path's @member, or of @path itself if @member is %NULL
 *
 * As _quorum_ctx_amount_node (); the value's path is formatted only if
 * there is an error to report.
 */
gboolean
_quorum_ctx_amount_member_node (QuorumLoadContext *ctx,
                                JsonNode          *node,
                                const char        *path,
                                const char        *member,
                                gboolean           allow_null,
                                QuorumValue       *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *member_path = NULL;
  char text[QUORUM_JSON_MAX_NUMBER_LENGTH + 1];
  const char *number = NULL;
  gsize length = 0;

  out->kind = QUORUM_VALUE_ABSENT;
  out->amount = 0;

  if (JSON_NODE_HOLDS_NULL (node) && allow_null)
    {
      out->kind = QUORUM_VALUE_NA;
      return TRUE;
    }

  if (ctx->tree != NULL)
    number = quorum_json_tree_peek_number (ctx->tree, node, &length);
  if (number != NULL && length < sizeof text)
    {
      memcpy (text, number, length);
      text[length] = '\0';
      if (quorum_amount_parse (text, &out->amount, &error))
        {
          out->kind = QUORUM_VALUE_AMOUNT;
          return TRUE;
        }
    }

  if (member != NULL)
    path = member_path = quorum_path_member (path, member);
  if (error != NULL)
    _quorum_ctx_error (ctx, node, path, "%s", error->message);
  else if (allow_null)
    _quorum_ctx_error (ctx, node, path, _("expected a number or null, found %s"),
                       node_type_name (node));
  else
    _quorum_ctx_error (ctx, node, path, _("expected a number, found %s"),
                       node_type_name (node));
  return FALSE;
}

/**
 * _quorum_ctx_amount_text:
 * @member: a member of an object read compactly, a number or null
 * @path: the object's path; @name is the member's name
 *
 * As _quorum_ctx_amount_member_node () with null allowed, for a member
 * that has no node.
 */
gboolean
_quorum_ctx_amount_text (QuorumLoadContext      *ctx,
                         const QuorumJsonMember *member,
                         const char             *path,
                         const char             *name,
                         QuorumValue            *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *member_path = NULL;
  char text[QUORUM_JSON_MAX_NUMBER_LENGTH + 1];

  out->kind = QUORUM_VALUE_ABSENT;
  out->amount = 0;
  if (member->value_length == 0)
    {
      out->kind = QUORUM_VALUE_NA;
      return TRUE;
    }

  g_assert (member->value_length < sizeof text);
  memcpy (text, quorum_json_tree_get_text (ctx->tree) + member->value_offset,
          member->value_length);
  text[member->value_length] = '\0';
  if (quorum_amount_parse (text, &out->amount, &error))
    {
      out->kind = QUORUM_VALUE_AMOUNT;
      return TRUE;
    }

  member_path = quorum_path_member (path, name);
  _quorum_ctx_error_at (ctx, member->value_offset, member_path, "%s", error->message);
  return FALSE;
}

gboolean
_quorum_ctx_amount_node (QuorumLoadContext *ctx,
                         JsonNode          *node,
                         const char        *path,
                         gboolean           allow_null,
                         QuorumValue       *out)
{
  return _quorum_ctx_amount_member_node (ctx, node, path, NULL, allow_null, out);
}

gboolean
_quorum_ctx_amount (QuorumLoadContext *ctx,
                    JsonNode          *object_node,
                    const char        *path,
                    const char        *member,
                    QuorumValue       *out)
{
  JsonNode *node = _quorum_ctx_member (ctx, object_node, path, member, FALSE);

  out->kind = QUORUM_VALUE_ABSENT;
  if (node == NULL)
    return TRUE;

  return _quorum_ctx_amount_member_node (ctx, node, path, member, FALSE, out);
}

JsonArray *
_quorum_ctx_array (QuorumLoadContext  *ctx,
                   JsonNode           *object_node,
                   const char         *path,
                   const char         *member,
                   gboolean            required,
                   JsonNode          **out_node)
{
  JsonNode *node = _quorum_ctx_member (ctx, object_node, path, member, required);

  if (out_node)
    *out_node = node;
  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *member_path = quorum_path_member (path, member);

      _quorum_ctx_error (ctx, node, member_path, _("expected an array, found %s"),
                         node_type_name (node));
      if (out_node)
        *out_node = NULL;
      return NULL;
    }
  return json_node_get_array (node);
}

GStrv
_quorum_ctx_id_list (QuorumLoadContext *ctx,
                     JsonNode          *object_node,
                     const char        *path,
                     const char        *member,
                     gboolean           required)
{
  g_autofree char *member_path = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  gboolean ok = TRUE;

  array = _quorum_ctx_array (ctx, object_node, path, member, required, NULL);
  if (array == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gboolean is_string = JSON_NODE_HOLDS_VALUE (node) &&
                           json_node_get_value_type (node) == G_TYPE_STRING;
      g_autofree char *item_path = NULL;

      if (is_string && quorum_id_is_valid (json_node_get_string (node)))
        {
          g_strv_builder_add (builder, json_node_get_string (node));
          continue;
        }

      /* The paths are only needed for an error. */
      if (member_path == NULL)
        member_path = quorum_path_member (path, member);
      item_path = quorum_path_index (member_path, i);
      if (!is_string)
        _quorum_ctx_error (ctx, node, item_path, _("expected a string, found %s"),
                           node_type_name (node));
      else
        _quorum_ctx_error (ctx, node, item_path, _("“%s” is not a valid id"),
                           json_node_get_string (node));
      ok = FALSE;
    }

  return ok ? g_strv_builder_end (builder) : NULL;
}

static gboolean
is_identifier (const char *s)
{
  if (!g_ascii_isalpha (*s) && *s != '_')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '_')
      return FALSE;
  return TRUE;
}

/**
 * quorum_path_member:
 *
 * Returns: (transfer full): `PATH.member`, or `PATH["member-x"]` where the
 *   name is not a plain identifier
 */
char *
quorum_path_member (const char *path,
                    const char *member)
{
  g_autoptr(GString) escaped = NULL;

  if (is_identifier (member))
    return g_strdup_printf ("%s.%s", path, member);

  escaped = g_string_new (NULL);
  for (const char *p = member; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (escaped, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (escaped, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (escaped, *p);
    }
  return g_strdup_printf ("%s[\"%s\"]", path, escaped->str);
}

char *
quorum_path_index (const char *path,
                   guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}
