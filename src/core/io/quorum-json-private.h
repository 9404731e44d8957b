/* quorum-json-private.h: the reader's tree, shared by its two files
 *
 * quorum-json.c reads the text; quorum-json-tree.c answers positions,
 * numbers and compact members, goes through lazy arrays' elements, and
 * writes the tree back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-json.h"

G_BEGIN_DECLS

typedef struct
{
  JsonNode *node;
  guint32 offset;          /* of the node's first byte in the text */
  guint32 number_length;   /* a number's length in bytes; 0 for other nodes */
} Entry;

struct _QuorumJsonTree
{
  gatomicrefcount ref_count;
  JsonNode *root;
  char *text;              /* a copy of the text, for numbers and positions */
  gsize length;
  gsize bom;               /* 3 if the text starts with a byte order mark */
  GArray *entries;         /* of Entry, sorted by node once parsed; those of */
  guint n_sorted_entries;  /* elements read lazily follow the sorted ones */
  GArray *line_starts;     /* of guint32, built the first time a line is asked */
  guint known_line;        /* the line, offset and column last asked, so a long */
  guint32 known_offset;    /* (minified) line is counted once when positions on */
  guint known_column;      /* it are asked in order */
  GHashTable *number_texts;   /* JsonNode* → char*, for get_number_text () */
  GArray *members;         /* of QuorumJsonMember: the compact objects' members */
  GArray *compacts;        /* of Compact, sorted by node once parsed, as entries */
  guint n_sorted_compacts;
  GArray *lazies;          /* of Lazy: the arrays left in the text */
  gboolean compact_values; /* as parsed, for the elements read lazily */
};

/* A budget's "rows" array left in the text (_quorum_json_tree_parse_take ()
 * with @lazy_rows): its node holds an empty JsonArray, and its elements are
 * read one at a time (quorum_json_tree_elements_next ()). */
typedef struct
{
  JsonNode *node;
  guint32 offset;          /* of its "[" */
  guint32 depth;           /* the reader's depth inside it */
} Lazy;

/* An object read compactly (see read_compact_values ()): its node holds no
 * JsonObject, its members are members[first … first + n - 1]. */
typedef struct
{
  JsonNode *node;
  guint32 first;
  guint32 n;
} Compact;

/* The most members and the longest name a compact object may have: a
 * larger one is read as a JsonObject (duplicates are found pairwise). */
#define COMPACT_MAX_MEMBERS 64
#define COMPACT_MAX_NAME    QUORUM_JSON_COMPACT_MAX_NAME

int  _quorum_json_compare_entries  (gconstpointer   a,
                                    gconstpointer   b);
int  _quorum_json_compare_compacts (gconstpointer   a,
                                    gconstpointer   b);
void _quorum_json_tree_reparse     (QuorumJsonTree *self);
QuorumJsonTree *_quorum_json_tree_parse_take (char     *text,
                                              gsize     length,
                                              guint     max_rows_per_table,
                                              gboolean  compact_values,
                                              gboolean  lazy_rows,
                                              guint    *error_line,
                                              guint    *error_column,
                                              char    **error_path,
                                              GError  **error);
JsonNode *_quorum_json_tree_read_element (QuorumJsonTree *self,
                                          guint32         depth,
                                          guint32         offset,
                                          guint32        *next);
guint32 _quorum_json_tree_next_value (QuorumJsonTree *self,
                                      guint32         offset);
void _quorum_json_column_of        (const char     *data,
                                    gsize           bom,
                                    const char     *line_start,
                                    const char     *at,
                                    guint          *column);

G_END_DECLS
