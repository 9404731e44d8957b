/* quorum-exporter.h: one Export…, from the save dialog to the file written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-export-source.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_EXPORTER (quorum_exporter_get_type ())

G_DECLARE_FINAL_TYPE (QuorumExporter, quorum_exporter, QUORUM, EXPORTER, GObject)

QuorumExporter     *quorum_exporter_new        (GtkWindow          *parent,
                                                QuorumExportSource *source);
void                quorum_exporter_run        (QuorumExporter     *self);
void                quorum_exporter_save       (QuorumExporter     *self,
                                                GFile              *file);
void                quorum_exporter_set_with_notes (QuorumExporter *self,
                                                    gboolean        with_notes);
QuorumExportFormat  quorum_export_format_for_name (const char      *name,
                                                   gboolean        *known);

G_END_DECLS
