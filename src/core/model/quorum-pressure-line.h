/* quorum-pressure-line.h: one budget line's provision against the packages drawing on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_PRESSURE_LINE (quorum_pressure_line_get_type ())

G_DECLARE_FINAL_TYPE (QuorumPressureLine, quorum_pressure_line, QUORUM, PRESSURE_LINE, GObject)

GListModel *quorum_pressure_compute                  (GListModel         *documents,
                                                      GListModel         *work_packages);

const char *quorum_pressure_line_get_document        (QuorumPressureLine *self);
const char *quorum_pressure_line_get_table           (QuorumPressureLine *self);
const char *quorum_pressure_line_get_row             (QuorumPressureLine *self);
const char *quorum_pressure_line_get_column          (QuorumPressureLine *self);
const char *quorum_pressure_line_get_year            (QuorumPressureLine *self);
const char *quorum_pressure_line_get_label           (QuorumPressureLine *self);
gboolean    quorum_pressure_line_get_is_project      (QuorumPressureLine *self);
gint64      quorum_pressure_line_get_provision       (QuorumPressureLine *self);
gint64      quorum_pressure_line_get_committed       (QuorumPressureLine *self);
gint64      quorum_pressure_line_get_spent           (QuorumPressureLine *self);
gint64      quorum_pressure_line_get_projected       (QuorumPressureLine *self);
gint64      quorum_pressure_line_get_remaining       (QuorumPressureLine *self);
gboolean    quorum_pressure_line_get_over            (QuorumPressureLine *self);
gboolean    quorum_pressure_line_get_released        (QuorumPressureLine *self);
guint       quorum_pressure_line_get_n_packages      (QuorumPressureLine *self);
guint       quorum_pressure_line_get_n_approved      (QuorumPressureLine *self);

G_END_DECLS
