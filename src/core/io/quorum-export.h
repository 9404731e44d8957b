/* quorum-export.h: what Quorum exports and copies, as CSV, JSON, tab-separated
 * text and HTML: a budget table (as quorum-cli export writes it), findings,
 * work packages and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "quorum-action.h"
#include "quorum-finding.h"
#include "quorum-grid.h"
#include "quorum-notes.h"
#include "quorum-table.h"
#include "quorum-work-package.h"

G_BEGIN_DECLS

/* What a list of items is: its items' type and its grid's columns. */
typedef enum
{
  QUORUM_EXPORT_TABLE,          /* QuorumRow, of one QuorumTable */
  QUORUM_EXPORT_FINDINGS,       /* QuorumFinding */
  QUORUM_EXPORT_WORK_PACKAGES,  /* QuorumWorkPackage */
  QUORUM_EXPORT_ACTIONS,        /* QuorumAction */
} QuorumExportKind;

void        quorum_export_table_csv         (QuorumTable        *table,
                                             GString            *out);
void        quorum_export_csv_text          (GString            *out,
                                             const char         *text);
gboolean    quorum_export_text_is_formula   (const char         *text);
JsonNode   *quorum_export_table_json        (QuorumTable        *table);
JsonNode   *quorum_export_table_notes_json  (QuorumTable        *table,
                                             const char         *document_id,
                                             QuorumNotes        *notes);
QuorumGrid *quorum_export_table_grid        (QuorumTable        *table);
QuorumGrid *quorum_export_table_grid_full   (QuorumTable        *table,
                                             const char         *document_id,
                                             QuorumNotes        *notes);
void        quorum_export_grid_value        (QuorumGrid         *grid,
                                             const QuorumValue  *value);

void        quorum_export_grid_header       (QuorumGrid         *grid,
                                             QuorumExportKind    kind,
                                             QuorumTable        *table);
void        quorum_export_grid_item         (QuorumGrid         *grid,
                                             QuorumExportKind    kind,
                                             QuorumTable        *table,
                                             gpointer            item);
QuorumGrid *quorum_export_list_grid         (QuorumExportKind    kind,
                                             GListModel         *items);
QuorumGrid *quorum_export_list_grid_full    (QuorumExportKind    kind,
                                             GListModel         *items,
                                             QuorumNotes        *notes);
char       *quorum_export_dup_note          (QuorumNotes        *notes,
                                             QuorumExportKind    kind,
                                             const char         *document_id,
                                             QuorumTable        *table,
                                             gpointer            item);
JsonNode   *quorum_export_finding_json      (QuorumFinding      *finding);
JsonNode   *quorum_export_work_package_json (QuorumWorkPackage  *package);
JsonNode   *quorum_export_action_json       (QuorumAction       *action);
JsonNode   *quorum_export_list_json         (QuorumExportKind    kind,
                                             GListModel         *items);
JsonNode   *quorum_export_list_json_full    (QuorumExportKind    kind,
                                             GListModel         *items,
                                             QuorumNotes        *notes);
void        quorum_export_json_string       (JsonBuilder        *builder,
                                             const char         *member,
                                             const char         *value);

gboolean    quorum_export_write             (const char         *path,
                                             GBytes             *contents,
                                             GError            **error);
void        quorum_export_write_async       (const char         *path,
                                             GBytes             *contents,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
gboolean    quorum_export_write_finish      (GAsyncResult       *result,
                                             GError            **error);

G_END_DECLS
