/* quorum-model-test-json.c: the sample store's JSON, for the model tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-model-test-json.h"

/* A JSON number in hundredths, exactly; FALSE for null (N/A). */
gboolean
quorum_model_test_json_hundredths (JsonNode *node,
                                   gint64   *out)
{
  char text[64];

  if (JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node) * 100;
      return TRUE;
    }
  g_ascii_formatd (text, sizeof text, "%.2f", json_node_get_double (node));
  g_assert_true (quorum_amount_parse (text, out, NULL));
  return TRUE;
}

JsonObject *
quorum_model_test_read_document (const char *id,
                                 JsonParser *parser)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (sample, "budgets", name, NULL);

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  return json_node_get_object (json_parser_get_root (parser));
}
