/* quorum-decide-dialog.h: asks who decides, in what role, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_DECIDE_DIALOG (quorum_decide_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QuorumDecideDialog, quorum_decide_dialog, QUORUM, DECIDE_DIALOG,
                      AdwMessageDialog)

QuorumDecideDialog *quorum_decide_dialog_new           (GtkWindow          *parent,
                                                        QuorumWorkPackage  *work_package,
                                                        const char         *decision);
QuorumWorkPackage  *quorum_decide_dialog_get_work_package (QuorumDecideDialog *self);
const char         *quorum_decide_dialog_get_decision  (QuorumDecideDialog *self);
char               *quorum_decide_dialog_dup_by        (QuorumDecideDialog *self);
char               *quorum_decide_dialog_dup_role      (QuorumDecideDialog *self);
char               *quorum_decide_dialog_dup_comment   (QuorumDecideDialog *self);
void                quorum_decide_dialog_set_member    (QuorumDecideDialog *self,
                                                        const char         *by,
                                                        const char         *role);
void                quorum_decide_dialog_set_comment   (QuorumDecideDialog *self,
                                                        const char         *comment);

G_END_DECLS
