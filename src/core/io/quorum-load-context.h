/* quorum-load-context.h: strict reading of store files, collecting every problem
 *
 * Private to the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-json.h"
#include "quorum-problem.h"
#include "quorum-value.h"

G_BEGIN_DECLS

/* Documented limits (README, "Limits"). */
#define QUORUM_MAX_FILE_BYTES        (16 * 1024 * 1024)
/* The whole store's memory budget: the total size of the files one load
 * reads (a loaded file takes up to about 40 times its size in memory). The
 * file that would cross it is refused, as a problem naming it. */
#define QUORUM_MAX_STORE_BYTES       (64 * 1024 * 1024)
#define QUORUM_MAX_TABLES            1000
#define QUORUM_MAX_COLUMNS           256
#define QUORUM_MAX_ROWS_PER_TABLE    100000
#define QUORUM_MAX_PROBLEMS_PER_FILE 100

typedef struct
{
  const char *file;        /* as shown to the user */
  QuorumJsonTree *tree;    /* borrowed */
  GPtrArray *problems;     /* of QuorumProblem, borrowed, may be NULL */
  guint n_errors;
  guint max_rows_per_table;   /* a budget's, counted while parsing; 0: none */
  gboolean compact_values;    /* a budget's rows' values read compactly */
  gboolean lazy_rows;         /* a budget's rows read one at a time from the text */
} QuorumLoadContext;

void         _quorum_ctx_error        (QuorumLoadContext  *ctx,
                                       JsonNode           *node,
                                       const char         *path,
                                       const char         *format,
                                       ...) G_GNUC_PRINTF (4, 5);
void         _quorum_ctx_error_at     (QuorumLoadContext  *ctx,
                                       guint32             offset,
                                       const char         *path,
                                       const char         *format,
                                       ...) G_GNUC_PRINTF (4, 5);
gboolean     _quorum_ctx_amount_text  (QuorumLoadContext  *ctx,
                                       const QuorumJsonMember *member,
                                       const char         *path,
                                       const char         *name,
                                       QuorumValue        *out);
gboolean     _quorum_ctx_parse        (QuorumLoadContext  *ctx,
                                       const char         *data,
                                       gsize               length,
                                       QuorumJsonTree    **out_tree);
gboolean     _quorum_ctx_check_format (QuorumLoadContext  *ctx,
                                       JsonNode           *root,
                                       const char         *kind,
                                       guint               version);
JsonNode    *_quorum_ctx_open         (QuorumLoadContext  *ctx,
                                       const char         *data,
                                       gsize               length,
                                       const char         *kind,
                                       guint               version,
                                       QuorumJsonTree    **out_tree);
JsonNode    *_quorum_ctx_open_take    (QuorumLoadContext  *ctx,
                                       char               *data,
                                       gsize               length,
                                       const char         *kind,
                                       guint               version,
                                       QuorumJsonTree    **out_tree);
gboolean     _quorum_ctx_file_id      (QuorumLoadContext  *ctx,
                                       JsonNode           *root,
                                       char              **out);
JsonObject  *_quorum_ctx_object       (QuorumLoadContext  *ctx,
                                       JsonNode           *node,
                                       const char         *path);
JsonNode    *_quorum_ctx_member       (QuorumLoadContext  *ctx,
                                       JsonNode           *object_node,
                                       const char         *path,
                                       const char         *member,
                                       gboolean            required);
gboolean     _quorum_ctx_string       (QuorumLoadContext  *ctx,
                                       JsonNode           *object_node,
                                       const char         *path,
                                       const char         *member,
                                       gboolean            required,
                                       char              **out);
gboolean     _quorum_ctx_id           (QuorumLoadContext  *ctx,
                                       JsonNode           *object_node,
                                       const char         *path,
                                       const char         *member,
                                       gboolean            required,
                                       char              **out);
gboolean     _quorum_ctx_enum         (QuorumLoadContext  *ctx,
                                       JsonNode           *object_node,
                                       const char         *path,
                                       const char         *member,
                                       const char * const *allowed,
                                       char              **out);
gboolean     _quorum_ctx_date         (QuorumLoadContext  *ctx,
                                       JsonNode           *object_node,
                                       const char         *path,
                                       const char         *member,
                                       gboolean            required,
                                       char              **out);
gboolean     _quorum_ctx_amount_node  (QuorumLoadContext  *ctx,
                                       JsonNode           *node,
                                       const char         *path,
                                       gboolean            allow_null,
                                       QuorumValue        *out);
gboolean     _quorum_ctx_amount_member_node (QuorumLoadContext  *ctx,
                                             JsonNode           *node,
                                             const char         *path,
                                             const char         *member,
                                             gboolean            allow_null,
                                             QuorumValue        *out);
gboolean     _quorum_ctx_amount       (QuorumLoadContext  *ctx,
                                       JsonNode           *object_node,
                                       const char         *path,
                                       const char         *member,
                                       QuorumValue        *out);
JsonArray   *_quorum_ctx_array        (QuorumLoadContext  *ctx,
                                       JsonNode           *object_node,
                                       const char         *path,
                                       const char         *member,
                                       gboolean            required,
                                       JsonNode          **out_node);
GStrv        _quorum_ctx_id_list      (QuorumLoadContext  *ctx,
                                       JsonNode           *object_node,
                                       const char         *path,
                                       const char         *member,
                                       gboolean            required);

gboolean     quorum_id_is_valid       (const char         *id);
gboolean     quorum_date_is_valid     (const char         *text);
gboolean     quorum_year_is_valid     (const char         *text);
char        *quorum_path_member       (const char         *path,
                                       const char         *member);
char        *quorum_path_index        (const char         *path,
                                       guint               index);

G_END_DECLS
