/* quorum-decision.h: a Board decision on a work package (append-only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * QuorumSealState:
 * @QUORUM_SEAL_NONE: the file carries no seal (written by another tool)
 * @QUORUM_SEAL_VALID: the content is what was first written
 * @QUORUM_SEAL_BROKEN: the file was changed after it was written; the
 *   decision is shown but does not count towards the outcome
 */
typedef enum
{
  QUORUM_SEAL_NONE,
  QUORUM_SEAL_VALID,
  QUORUM_SEAL_BROKEN,
} QuorumSealState;

#define QUORUM_TYPE_DECISION (quorum_decision_get_type ())

G_DECLARE_FINAL_TYPE (QuorumDecision, quorum_decision, QUORUM, DECISION, GObject)

QuorumDecision *quorum_decision_new                (const char     *work_package_id,
                                                    const char     *decision,
                                                    const char     *by,
                                                    const char     *role,
                                                    const char     *comment,
                                                    GDateTime      *at,
                                                    GError        **error);
QuorumDecision *quorum_decision_new_from_data      (const char     *file,
                                                    const char     *work_package_id,
                                                    const char     *data,
                                                    gsize           length,
                                                    GPtrArray      *problems);
const char     *quorum_decision_get_id             (QuorumDecision *self);
const char     *quorum_decision_get_work_package   (QuorumDecision *self);
const char     *quorum_decision_get_decision       (QuorumDecision *self);
const char     *quorum_decision_get_by             (QuorumDecision *self);
const char     *quorum_decision_get_role           (QuorumDecision *self);
const char     *quorum_decision_get_at             (QuorumDecision *self);
const char     *quorum_decision_get_comment        (QuorumDecision *self);
const char     *quorum_decision_get_meeting        (QuorumDecision *self);
const char     *quorum_decision_get_file           (QuorumDecision *self);
const char     *quorum_decision_get_seal           (QuorumDecision *self);
QuorumSealState quorum_decision_get_seal_state     (QuorumDecision *self);
gboolean        quorum_decision_get_pending_sync   (QuorumDecision *self);
char           *quorum_decision_to_data            (QuorumDecision *self,
                                                    gsize          *length);
int             quorum_decision_compare            (QuorumDecision *a,
                                                    QuorumDecision *b);

gboolean        quorum_decision_validate_person    (const char     *text,
                                                    GError        **error);
gboolean        quorum_decision_validate_comment   (const char     *text,
                                                    GError        **error);
gboolean        quorum_timestamp_is_valid          (const char     *text);
char           *quorum_decision_compute_seal       (const char     *id,
                                                    const char     *work_package,
                                                    const char     *decision,
                                                    const char     *by,
                                                    const char     *role,
                                                    const char     *at,
                                                    const char     *comment,
                                                    const char     *meeting);

/* Private to the core: what a text checked by _quorum_validate_text() is. */
typedef enum
{
  QUORUM_TEXT_PERSON,   /* a name or a role */
  QUORUM_TEXT_COMMENT,  /* a decision's comment */
  QUORUM_TEXT_NOTE,     /* a private note */
} QuorumTextKind;

gboolean        _quorum_validate_text              (const char     *text,
                                                    QuorumTextKind  kind,
                                                    GError        **error);

/* Private to the core: the store sets these while loading or writing. */
void            _quorum_decision_set_file          (QuorumDecision *self,
                                                    const char     *file);
void            _quorum_decision_set_pending_sync  (QuorumDecision *self,
                                                    gboolean        pending);
void            _quorum_decision_set_id            (QuorumDecision *self,
                                                    const char     *id);

G_END_DECLS
