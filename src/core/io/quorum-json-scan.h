/* quorum-json-scan.h: a JSON text's strings and numbers, and its errors
 *
 * What the readers of JSON text share: the tree reader (quorum-json.c) and
 * the cursor (quorum-json-cursor.c) read strings and numbers alike, with the
 * same limits, and word their errors alike. Private to the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  QUORUM_JSON_SCAN_SYNTAX,        /* not well-formed: the message says why */
  QUORUM_JSON_SCAN_LONG_STRING,   /* over QUORUM_JSON_MAX_STRING_BYTES */
  QUORUM_JSON_SCAN_LONG_NUMBER,   /* over QUORUM_JSON_MAX_NUMBER_LENGTH */
  QUORUM_JSON_SCAN_TOO_DEEP,      /* over QUORUM_JSON_MAX_DEPTH */
} QuorumJsonScanProblem;

/* An error found while scanning: where, and for a syntax error, why. */
typedef struct
{
  QuorumJsonScanProblem problem;
  const char *at;
  char *message;
} QuorumJsonScanError;

void        _quorum_json_scan_fail      (QuorumJsonScanError  *error,
                                         const char           *at,
                                         const char           *format,
                                         ...) G_GNUC_PRINTF (3, 4);
void        _quorum_json_scan_limit     (QuorumJsonScanError  *error,
                                         QuorumJsonScanProblem problem,
                                         const char           *at);
GError     *_quorum_json_scan_to_gerror (QuorumJsonScanError  *error,
                                         const char           *data,
                                         gsize                 bom,
                                         guint                *line,
                                         guint                *column);
void        _quorum_json_locate         (const char           *data,
                                         gsize                 bom,
                                         const char           *at,
                                         guint                *line,
                                         guint                *column);
const char *_quorum_json_describe_char  (const char           *p,
                                         const char           *end,
                                         char                  buf[16]);
gboolean    _quorum_json_scan_string    (const char          **p,
                                         const char           *end,
                                         GString              *out,
                                         QuorumJsonScanError  *error);
const char *_quorum_json_scan_number    (const char           *p,
                                         const char           *end,
                                         gboolean             *is_integer,
                                         QuorumJsonScanError  *error);

G_END_DECLS
