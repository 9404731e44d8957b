/* quorum-model-test-json.h: the sample store's JSON, for the model tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "quorum-core.h"

G_BEGIN_DECLS

gboolean    quorum_model_test_json_hundredths (JsonNode   *node,
                                               gint64     *out);
JsonObject *quorum_model_test_read_document   (const char *id,
                                               JsonParser *parser);

G_END_DECLS
