/* quorum-error.h: the error domain of the Quorum core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QUORUM_ERROR (quorum_error_quark ())

typedef enum
{
  QUORUM_ERROR_SYNTAX,       /* the bytes are not well-formed JSON */
  QUORUM_ERROR_INVALID,      /* well-formed, but not what the format says */
  QUORUM_ERROR_FORMAT,       /* unknown format, or a newer version */
  QUORUM_ERROR_LIMIT,        /* over a documented limit (size, depth, count) */
  QUORUM_ERROR_LOOP,         /* references that refer to each other */
  QUORUM_ERROR_NOT_FOUND,    /* no such document, table or file */
  QUORUM_ERROR_NOT_ALLOWED,  /* the action is not open (e.g. deciding a withdrawn package) */
  QUORUM_ERROR_IO,           /* reading or writing a file failed */
  QUORUM_ERROR_BUSY,         /* another program is writing the store */
} QuorumError;

GQuark quorum_error_quark (void);

G_END_DECLS
