/* quorum-json-private.h: the reader's tree, shared by its two files
 *
 * quorum-json.c reads the text; quorum-json-tree.c answers positions,
 * numbers and compact members, and writes the tree back.
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
  GArray *entries;         /* of Entry, sorted by node once parsed */
  GArray *line_starts;     /* of guint32, built the first time a line is asked */
  guint known_line;        /* the line, offset and column last asked, so a long */
  guint32 known_offset;    /* (minified) line is counted once when positions on */
  guint known_column;      /* it are asked in order */
  GHashTable *number_texts;   /* JsonNode* → char*, for get_number_text () */
  GArray *members;         /* of QuorumJsonMember: the compact objects' members */
  GArray *compacts;        /* of Compact, sorted by node once parsed */
};

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
                                              guint    *error_line,
                                              guint    *error_column,
                                              char    **error_path,
                                              GError  **error);
void _quorum_json_column_of        (const char     *data,
                                    gsize           bom,
                                    const char     *line_start,
                                    const char     *at,
                                    guint          *column);

G_END_DECLS
