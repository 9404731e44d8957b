/* bench-json-baseline.c: the same work as `quorum-cli check`, with json-glib
 *
 * For build-aux/bench-cli: parses every .json file in STORE/budgets in turn
 * with json-glib's JsonParser, adds up every number in it and frees the
 * tree before the next file. It prints the number of values and their sum
 * so the work cannot be optimised away. Not a test.
 *
 *     bench-json-baseline STORE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <stdio.h>

static void
sum_node (JsonNode *node,
          guint64  *n_values,
          double   *sum)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          sum_node (member, n_values, sum);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          sum_node (json_array_get_element (array, i), n_values, sum);
      }
      break;
    case JSON_NODE_VALUE:
      (*n_values)++;
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE
          || json_node_get_value_type (node) == G_TYPE_INT64)
        *sum += json_node_get_double (node);
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint64 n_values = 0;
  double sum = 0;
  const char *name;

  if (argc != 2)
    {
      g_printerr ("usage: %s STORE\n", argv[0]);
      return 2;
    }

  folder = g_build_filename (argv[1], "budgets", NULL);
  if ((dir = g_dir_open (folder, 0, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (!json_parser_load_from_mapped_file (parser, g_ptr_array_index (names, i), &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      sum_node (json_parser_get_root (parser), &n_values, &sum);
    }

  printf ("%" G_GUINT64_FORMAT " values, sum %.2f\n", n_values, sum);
  return 0;
}
