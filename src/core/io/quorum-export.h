/* quorum-export.h: a budget table as CSV or JSON, as quorum-cli export writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "quorum-table.h"

G_BEGIN_DECLS

void      quorum_export_table_csv  (QuorumTable *table,
                                    GString     *out);
void      quorum_export_csv_text   (GString     *out,
                                    const char  *text);
JsonNode *quorum_export_table_json (QuorumTable *table);

G_END_DECLS
