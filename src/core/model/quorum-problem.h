/* quorum-problem.h: an error found while loading a store file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_PROBLEM (quorum_problem_get_type ())

G_DECLARE_FINAL_TYPE (QuorumProblem, quorum_problem, QUORUM, PROBLEM, GObject)

QuorumProblem *quorum_problem_new         (const char    *file,
                                           const char    *path,
                                           guint          line,
                                           guint          column,
                                           const char    *message);
QuorumProblem *quorum_problem_new_caused_by (const char  *file,
                                           const char    *path,
                                           guint          line,
                                           guint          column,
                                           const char    *message,
                                           const char    *caused_by);
const char    *quorum_problem_get_file    (QuorumProblem *self);
const char    *quorum_problem_get_path    (QuorumProblem *self);
guint          quorum_problem_get_line    (QuorumProblem *self);
guint          quorum_problem_get_column  (QuorumProblem *self);
const char    *quorum_problem_get_message (QuorumProblem *self);
const char    *quorum_problem_get_caused_by (QuorumProblem *self);
char          *quorum_problem_to_string   (QuorumProblem *self);

G_END_DECLS
