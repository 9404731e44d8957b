/* quorum-print-controller.h: prints a job through GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-print-job.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_PRINT_CONTROLLER (quorum_print_controller_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPrintController, quorum_print_controller, QUORUM, PRINT_CONTROLLER,
                      GObject)

QuorumPrintController *quorum_print_controller_new       (GtkWindow             *parent);
void        quorum_print_controller_print               (QuorumPrintController *self,
                                                         QuorumPrintJob        *job);
void        quorum_print_controller_cancel              (QuorumPrintController *self);
gboolean    quorum_print_controller_get_busy            (QuorumPrintController *self);
gboolean    quorum_print_controller_get_include_notes   (QuorumPrintController *self);
void        quorum_print_controller_set_include_notes   (QuorumPrintController *self,
                                                         gboolean               include);
const char *quorum_print_controller_get_export_filename (QuorumPrintController *self);
void        quorum_print_controller_set_export_filename (QuorumPrintController *self,
                                                         const char            *path);

G_END_DECLS
