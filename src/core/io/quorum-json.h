/* quorum-json.h: a strict JSON reader that keeps positions and exact numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Documented limits: a hostile file costs bounded time and memory. */
#define QUORUM_JSON_MAX_DEPTH        64
#define QUORUM_JSON_MAX_STRING_BYTES (256 * 1024)
#define QUORUM_JSON_MAX_NUMBER_LENGTH 512
/* The longest member name of an object read compactly. */
#define QUORUM_JSON_COMPACT_MAX_NAME 64

typedef struct _QuorumJsonTree QuorumJsonTree;

/* A member of an object read compactly: a number or null under a name,
 * as byte offsets into the tree's text (12 bytes a member). */
typedef struct
{
  guint32 name_offset;
  guint32 value_offset;
  guint16 value_length;    /* the number's length; 0 for null */
  guint8 name_length;      /* at most QUORUM_JSON_COMPACT_MAX_NAME */
} QuorumJsonMember;

/* The elements of an array node, one at a time: those of an array the
 * reader left in the text are read as they are asked for, and each is
 * freed when the next is asked for (see quorum_json_tree_elements_next ()). */
typedef struct
{
  /*< private >*/
  JsonNode *array;
  guint index;
  gboolean lazy;
  guint32 next;            /* lazy: the next element's offset, 0 after the last */
  guint32 depth;
  JsonNode *element;       /* lazy: the element last read */
  guint marks[4];          /* the tree's arrays' lengths before it was read */
} QuorumJsonElements;

QuorumJsonTree *quorum_json_tree_parse           (const char      *data,
                                                  gsize            length,
                                                  guint           *error_line,
                                                  guint           *error_column,
                                                  GError         **error);
QuorumJsonTree *quorum_json_tree_parse_budget    (const char      *data,
                                                  gsize            length,
                                                  guint            max_rows_per_table,
                                                  guint           *error_line,
                                                  guint           *error_column,
                                                  char           **error_path,
                                                  GError         **error);
QuorumJsonTree *quorum_json_tree_parse_full      (const char      *data,
                                                  gsize            length,
                                                  guint            max_rows_per_table,
                                                  gboolean         compact_values,
                                                  guint           *error_line,
                                                  guint           *error_column,
                                                  char           **error_path,
                                                  GError         **error);
QuorumJsonTree *quorum_json_tree_ref             (QuorumJsonTree  *self);
void            quorum_json_tree_unref           (QuorumJsonTree  *self);
void            quorum_json_tree_release_nodes   (QuorumJsonTree  *self);
JsonNode       *quorum_json_tree_get_root        (QuorumJsonTree  *self);
gboolean        quorum_json_tree_get_location    (QuorumJsonTree  *self,
                                                  JsonNode        *node,
                                                  guint           *line,
                                                  guint           *column);
void            quorum_json_tree_get_offset_location (QuorumJsonTree *self,
                                                      guint32         offset,
                                                      guint          *line,
                                                      guint          *column);
const QuorumJsonMember *quorum_json_tree_get_members (QuorumJsonTree *self,
                                                      JsonNode       *node,
                                                      guint          *n_members);
gboolean        quorum_json_tree_get_offset      (QuorumJsonTree  *self,
                                                  JsonNode        *node,
                                                  guint32         *offset);
void            quorum_json_tree_elements_init   (QuorumJsonTree     *self,
                                                  JsonNode           *array,
                                                  QuorumJsonElements *elements);
JsonNode       *quorum_json_tree_elements_next   (QuorumJsonTree     *self,
                                                  QuorumJsonElements *elements);
void            quorum_json_tree_elements_clear  (QuorumJsonTree     *self,
                                                  QuorumJsonElements *elements);
const char     *quorum_json_tree_get_text        (QuorumJsonTree  *self);
const char     *quorum_json_tree_get_number_text (QuorumJsonTree  *self,
                                                  JsonNode        *node);
const char     *quorum_json_tree_peek_number     (QuorumJsonTree  *self,
                                                  JsonNode        *node,
                                                  gsize           *length);
char           *quorum_json_tree_to_string       (QuorumJsonTree  *self,
                                                  JsonNode        *node);
char           *quorum_json_node_to_string       (JsonNode        *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumJsonTree, quorum_json_tree_unref)

G_END_DECLS
