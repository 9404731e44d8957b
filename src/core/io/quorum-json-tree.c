/* quorum-json-tree.c: what a parsed tree answers, and writing it back
 *
 * Positions are worked out from a node's byte offset only when one is
 * asked for (an error); numbers are read from the kept text; an object
 * read compactly gives its members as offsets into that text; the
 * elements of an array left in the text are read one at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-json-private.h"

#include <string.h>

/* The line and column of @at: lines count from 1, columns count characters
 * (not bytes) from 1, a byte order mark not included. @line_start is the
 * line's first byte. */
void
_quorum_json_column_of (const char *data,
                        gsize       bom,
                        const char *line_start,
                        const char *at,
                        guint      *column)
{
  if (line_start < data + bom)
    line_start = data + bom;
  *column = 1 + (guint) g_utf8_strlen (line_start, at - line_start);
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
  g_clear_pointer (&self->lazies, g_array_unref);
  g_clear_pointer (&self->line_starts, g_array_unref);
  self->n_sorted_entries = 0;
  self->n_sorted_compacts = 0;
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

int
_quorum_json_compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  return x->node < y->node ? -1 : x->node > y->node;
}

int
_quorum_json_compare_compacts (gconstpointer a,
                  gconstpointer b)
{
  const Compact *x = a, *y = b;

  return x->node < y->node ? -1 : x->node > y->node;
}

/* @key's record in @array (of Entry or Compact): the first @n_sorted are
 * sorted by node, then come those of the elements being read lazily, a
 * few, the latest last. */
static gconstpointer
find_by_node (GArray        *array,
              guint          n_sorted,
              gconstpointer  key,
              GCompareFunc   compare)
{
  guint size = g_array_get_element_size (array);
  gconstpointer found = NULL;

  if (n_sorted > 0)
    found = bsearch (key, array->data, n_sorted, size, compare);
  for (guint i = array->len; found == NULL && i > n_sorted; i--)
    if (compare (key, array->data + (i - 1) * size) == 0)
      found = array->data + (i - 1) * size;
  return found;
}

static const Entry *
find_entry (QuorumJsonTree *self,
            JsonNode       *node)
{
  Entry key = { node, 0, 0 };

  if (node == NULL || self->entries == NULL)
    return NULL;
  return find_by_node (self->entries, self->n_sorted_entries, &key,
                       _quorum_json_compare_entries);
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
  const Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  if ((entry = find_entry (self, node)) == NULL)
    return FALSE;
  quorum_json_tree_get_offset_location (self, entry->offset, line, column);
  return TRUE;
}

/**
 * quorum_json_tree_get_offset:
 * @node: a node of this tree
 * @offset: (out): the byte offset of its first character in the text
 *
 * Returns: %TRUE if the position of @node is known
 */
gboolean
quorum_json_tree_get_offset (QuorumJsonTree *self,
                             JsonNode       *node,
                             guint32        *offset)
{
  const Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (offset != NULL, FALSE);

  if ((entry = find_entry (self, node)) == NULL)
    return FALSE;
  *offset = entry->offset;
  return TRUE;
}

/**
 * quorum_json_tree_get_offset_location:
 * @offset: a byte offset in the text, such as a #QuorumJsonMember's
 *
 * The line and column of @offset, as quorum_json_tree_get_location () gives
 * them for a node.
 */
void
quorum_json_tree_get_offset_location (QuorumJsonTree *self,
                                      guint32         offset,
                                      guint          *line,
                                      guint          *column)
{
  const guint32 *starts;
  guint lo, hi;

  g_return_if_fail (self != NULL);
  g_return_if_fail (offset <= self->length);

  if (self->line_starts == NULL)
    {
      const char *p = self->text, *end = self->text + self->length;
      guint32 zero = 0;

      self->line_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_val (self->line_starts, zero);
      while ((p = memchr (p, '\n', end - p)) != NULL)
        {
          guint32 start = (guint32) (++p - self->text);

          g_array_append_val (self->line_starts, start);
        }
    }

  /* The last line starting at or before the node. */
  starts = (const guint32 *) self->line_starts->data;
  lo = 0;
  hi = self->line_starts->len;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (starts[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }

  if (lo + 1 == self->known_line && offset >= self->known_offset)
    self->known_column += (guint) g_utf8_strlen (self->text + self->known_offset,
                                                 offset - self->known_offset);
  else
    _quorum_json_column_of (self->text, self->bom, self->text + starts[lo], self->text + offset,
               &self->known_column);
  self->known_line = lo + 1;
  self->known_offset = offset;

  if (line)
    *line = self->known_line;
  if (column)
    *column = self->known_column;
}

/**
 * quorum_json_tree_get_members:
 * @node: a node of this tree
 * @n_members: (out): how many members it has
 *
 * Returns: (nullable) (array length=n_members): the members of @node if it
 *   is an object read compactly (quorum_json_tree_parse_full ()), or %NULL
 */
const QuorumJsonMember *
quorum_json_tree_get_members (QuorumJsonTree *self,
                              JsonNode       *node,
                              guint          *n_members)
{
  Compact key = { node, 0, 0 };
  const Compact *found;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_members != NULL, NULL);

  *n_members = 0;
  if (node == NULL || self->compacts == NULL)
    return NULL;
  found = find_by_node (self->compacts, self->n_sorted_compacts, &key,
                        _quorum_json_compare_compacts);
  /* An object with no members has no place in the array (which may have
   * no storage at all). */
  if (found == NULL || found->n == 0)
    return NULL;
  *n_members = found->n;
  return &g_array_index (self->members, QuorumJsonMember, found->first);
}

/**
 * quorum_json_tree_get_text:
 *
 * Returns: the text as read, nul-terminated; #QuorumJsonMember offsets
 *   are into it
 */
const char *
quorum_json_tree_get_text (QuorumJsonTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

/**
 * quorum_json_tree_peek_number:
 * @node: a number node of this tree
 * @length: (out): the number's length in bytes
 *
 * Returns: (nullable): the number exactly as it was written, not
 *   nul-terminated, or %NULL if @node is not a number of this tree
 */
const char *
quorum_json_tree_peek_number (QuorumJsonTree *self,
                              JsonNode       *node,
                              gsize          *length)
{
  const Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  entry = find_entry (self, node);
  if (entry == NULL || entry->number_length == 0)
    return NULL;
  *length = entry->number_length;
  return self->text + entry->offset;
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
  const char *text;
  char *copy;
  gsize length;

  g_return_val_if_fail (self != NULL, NULL);

  if ((text = quorum_json_tree_peek_number (self, node, &length)) == NULL)
    return NULL;
  if (self->number_texts == NULL)
    self->number_texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if ((copy = g_hash_table_lookup (self->number_texts, node)) == NULL)
    g_hash_table_insert (self->number_texts, node, copy = g_strndup (text, length));
  return copy;
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
        gsize length = 0;
        const char *text = tree ? quorum_json_tree_peek_number (tree, node, &length) : NULL;

        if (text != NULL)
          g_string_append_len (out, text, length);
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
 * their original order, numbers exactly as they were read. Once the
 * tree's nodes are released, the whole text is read again to write it.
 *
 * Returns: (transfer full): the text
 */
char *
quorum_json_tree_to_string (QuorumJsonTree *self,
                            JsonNode       *node)
{
  GString *out;

  g_return_val_if_fail (self != NULL || node != NULL, NULL);

  if (node == NULL && self->root == NULL)
    {
      _quorum_json_tree_reparse (self);
      out = g_string_new (NULL);
      write_node (self, out, self->root, 0);
      quorum_json_tree_release_nodes (self);
    }
  else
    {
      out = g_string_new (NULL);
      write_node (self, out, node ? node : self->root, 0);
    }
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

/* Elements read lazily ----------------------------------------------------- */

static const Lazy *
find_lazy (QuorumJsonTree *self,
           JsonNode       *array)
{
  for (guint i = self->lazies != NULL ? self->lazies->len : 0; i > 0; i--)
    if (g_array_index (self->lazies, Lazy, i - 1).node == array)
      return &g_array_index (self->lazies, Lazy, i - 1);
  return NULL;
}

/* The offset of the first value at or after @offset, or 0 if @offset is
 * at the end of an array. */
guint32
_quorum_json_tree_next_value (QuorumJsonTree *self,
                              guint32         offset)
{
  const char *p = self->text + offset;

  while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
    p++;
  return *p == ']' ? 0 : (guint32) (p - self->text);
}

/**
 * quorum_json_tree_elements_init:
 * @array: an array node of this tree
 * @elements: (out caller-allocates): the iteration
 *
 * Starts going through the elements of @array with
 * quorum_json_tree_elements_next (): the elements of an array the reader
 * left in the text (a budget's rows) are read one at a time.
 */
void
quorum_json_tree_elements_init (QuorumJsonTree     *self,
                                JsonNode           *array,
                                QuorumJsonElements *elements)
{
  const Lazy *lazy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (array != NULL && JSON_NODE_HOLDS_ARRAY (array));
  g_return_if_fail (elements != NULL);

  memset (elements, 0, sizeof *elements);
  elements->array = array;
  if ((lazy = find_lazy (self, array)) == NULL)
    return;
  elements->lazy = TRUE;
  elements->depth = lazy->depth;
  elements->next = _quorum_json_tree_next_value (self, lazy->offset + 1);
}

/**
 * quorum_json_tree_elements_next:
 *
 * The next element. One read from the text is the caller's until the next
 * call (or quorum_json_tree_elements_clear ()), which frees it and forgets
 * its nodes' positions: elements of nested arrays are gone through inside
 * out, the inner ones finished first.
 *
 * Returns: (transfer none) (nullable): the element, or %NULL after the last
 */
JsonNode *
quorum_json_tree_elements_next (QuorumJsonTree     *self,
                                QuorumJsonElements *elements)
{
  JsonArray *array;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (elements != NULL, NULL);

  quorum_json_tree_elements_clear (self, elements);
  if (!elements->lazy)
    {
      array = json_node_get_array (elements->array);
      if (elements->index >= json_array_get_length (array))
        return NULL;
      return json_array_get_element (array, elements->index++);
    }
  if (elements->next == 0)
    return NULL;

  elements->marks[0] = self->entries->len;
  elements->marks[1] = self->compacts->len;
  elements->marks[2] = self->members->len;
  elements->marks[3] = self->lazies->len;
  elements->element = _quorum_json_tree_read_element (self, elements->depth, elements->next,
                                                      &elements->next);
  elements->index++;
  return elements->element;
}

/**
 * quorum_json_tree_elements_clear:
 *
 * Frees the element last read from the text, if any, with its nodes'
 * positions (a node made later may have the same address).
 */
void
quorum_json_tree_elements_clear (QuorumJsonTree     *self,
                                 QuorumJsonElements *elements)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (elements != NULL);

  if (elements->element == NULL)
    return;
  if (self->number_texts != NULL)
    for (guint i = elements->marks[0]; i < self->entries->len; i++)
      g_hash_table_remove (self->number_texts, g_array_index (self->entries, Entry, i).node);
  g_array_set_size (self->entries, elements->marks[0]);
  g_array_set_size (self->compacts, elements->marks[1]);
  g_array_set_size (self->members, elements->marks[2]);
  g_array_set_size (self->lazies, elements->marks[3]);
  g_clear_pointer (&elements->element, json_node_unref);
}
