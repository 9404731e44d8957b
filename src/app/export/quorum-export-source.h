/* quorum-export-source.h: what the view shown offers to Export… and Copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"

G_BEGIN_DECLS

typedef enum
{
  QUORUM_EXPORT_FORMAT_CSV,
  QUORUM_EXPORT_FORMAT_JSON,
} QuorumExportFormat;

#define QUORUM_TYPE_EXPORT_SOURCE (quorum_export_source_get_type ())

G_DECLARE_FINAL_TYPE (QuorumExportSource, quorum_export_source, QUORUM, EXPORT_SOURCE, GObject)

QuorumExportSource *quorum_export_source_new_for_view (GtkWidget          *view,
                                                       QuorumStore        *store,
                                                       QuorumNotes        *notes);
QuorumExportKind    quorum_export_source_get_kind     (QuorumExportSource *self);
const char         *quorum_export_source_get_name     (QuorumExportSource *self);
const char         *quorum_export_source_get_title    (QuorumExportSource *self);
gboolean            quorum_export_source_get_red      (QuorumExportSource *self);
gboolean            quorum_export_source_has_notes    (QuorumExportSource *self);
GBytes             *quorum_export_source_to_bytes     (QuorumExportSource *self,
                                                       QuorumExportFormat  format,
                                                       gboolean            with_notes);
QuorumGrid         *quorum_export_source_dup_selected (QuorumExportSource *self);
GdkContentProvider *quorum_export_content_new         (QuorumGrid         *grid);

G_END_DECLS
