/* quorum-json-cursor.h: a strict JSON reader that hands out one token at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  QUORUM_JSON_TOKEN_ERROR,          /* the text is not valid: see get_error () */
  QUORUM_JSON_TOKEN_END,            /* the end of the text, after its value */
  QUORUM_JSON_TOKEN_BEGIN_OBJECT,
  QUORUM_JSON_TOKEN_END_OBJECT,
  QUORUM_JSON_TOKEN_BEGIN_ARRAY,
  QUORUM_JSON_TOKEN_END_ARRAY,
  QUORUM_JSON_TOKEN_MEMBER,         /* a member's name; its value is the next token */
  QUORUM_JSON_TOKEN_STRING,
  QUORUM_JSON_TOKEN_NUMBER,
  QUORUM_JSON_TOKEN_TRUE,
  QUORUM_JSON_TOKEN_FALSE,
  QUORUM_JSON_TOKEN_NULL,
} QuorumJsonToken;

typedef struct _QuorumJsonCursor QuorumJsonCursor;

QuorumJsonCursor *quorum_json_cursor_new          (const char        *data,
                                                   gsize              length);
void              quorum_json_cursor_free         (QuorumJsonCursor  *self);
QuorumJsonToken   quorum_json_cursor_next         (QuorumJsonCursor  *self);
gboolean          quorum_json_cursor_skip         (QuorumJsonCursor  *self);
const char       *quorum_json_cursor_get_string   (QuorumJsonCursor  *self,
                                                   gsize             *length);
char             *quorum_json_cursor_dup_string   (QuorumJsonCursor  *self);
gboolean          quorum_json_cursor_string_is    (QuorumJsonCursor  *self,
                                                   const char        *text);
guint             quorum_json_cursor_get_depth    (QuorumJsonCursor  *self);
gsize             quorum_json_cursor_get_offset   (QuorumJsonCursor  *self);
void              quorum_json_cursor_get_location (QuorumJsonCursor  *self,
                                                   guint             *line,
                                                   guint             *column);
const GError     *quorum_json_cursor_get_error    (QuorumJsonCursor  *self,
                                                   guint             *line,
                                                   guint             *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumJsonCursor, quorum_json_cursor_free)

G_END_DECLS
