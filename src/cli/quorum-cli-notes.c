/* quorum-cli-notes.c: quorum-cli notes, the private notes and their targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-cli-private.h"

static void
add_target_json (JsonBuilder *builder,
                 QuorumNote  *note)
{
  cli_json_begin_object (builder, "target");
  switch (quorum_note_get_target_kind (note))
    {
    case QUORUM_NOTE_TARGET_DOCUMENT:
      cli_json_string (builder, "document", quorum_note_get_document (note));
      if (quorum_note_get_table (note) != NULL)
        cli_json_string (builder, "table", quorum_note_get_table (note));
      if (quorum_note_get_row (note) != NULL)
        cli_json_string (builder, "row", quorum_note_get_row (note));
      if (quorum_note_get_column (note) != NULL)
        cli_json_string (builder, "column", quorum_note_get_column (note));
      break;
    case QUORUM_NOTE_TARGET_WORK_PACKAGE:
      cli_json_string (builder, "work_package", quorum_note_get_work_package (note));
      break;
    case QUORUM_NOTE_TARGET_MEETING:
      cli_json_string (builder, "meeting", quorum_note_get_meeting (note));
      if (quorum_note_get_item (note) != NULL)
        cli_json_string (builder, "item", quorum_note_get_item (note));
      break;
    case QUORUM_NOTE_TARGET_ACTION:
      cli_json_string (builder, "action", quorum_note_get_action (note));
      break;
    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (builder);
}

static void
add_note_json (JsonBuilder *builder,
               QuorumNote  *note)
{
  json_builder_begin_object (builder);
  cli_json_string (builder, "id", quorum_note_get_id (note));
  add_target_json (builder, note);
  cli_json_string (builder, "label", quorum_note_get_label (note));
  cli_json_string (builder, "text", quorum_note_get_text (note));
  cli_json_string (builder, "created", quorum_note_get_created (note));
  cli_json_string (builder, "updated", quorum_note_get_updated (note));
  cli_json_boolean (builder, "detached", quorum_note_get_detached (note));
  json_builder_end_object (builder);
}

static void
print_notes (QuorumStore *store,
             QuorumNotes *notes,
             gboolean     json)
{
  GListModel *model = G_LIST_MODEL (notes);
  g_autoptr(JsonBuilder) builder = NULL;

  if (!json)
    {
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(QuorumNote) note = g_list_model_get_item (model, i);

          cli_print_row (quorum_note_get_id (note),
                         quorum_note_get_label (note),
                         quorum_note_get_updated (note),
                         quorum_note_get_detached (note) ? "yes" : "no",
                         quorum_note_get_text (note),
                         NULL);
        }
      return;
    }

  builder = cli_json_new ();
  /* The store's problems (a note on a broken document is detached), then the notes'. */
  cli_json_begin_array (builder, "errors");
  cli_json_add_problems (builder, quorum_store_get_problems (store));
  cli_json_add_problems (builder, quorum_notes_get_problems (notes));
  json_builder_end_array (builder);
  cli_json_begin_array (builder, "notes");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QuorumNote) note = g_list_model_get_item (model, i);

      add_note_json (builder, note);
    }
  json_builder_end_array (builder);
  cli_json_print (builder);
}

int
cli_command_notes (int    argc,
                   char **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    cli_new_context (_("- list the private notes and their targets"), entries);
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumNotes) notes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *problems;
  gboolean json = FALSE;
  int status = EXIT_USAGE;
  guint n_problems;

  if (!cli_parse_options_only (context, "notes", &argc, &argv))
    return EXIT_USAGE;
  if (!cli_check_format (format, &json, &status))
    return status;

  if ((store = cli_open_store ()) == NULL)
    return EXIT_ERRORS;
  notes = quorum_notes_new (store);
  if (!quorum_notes_load (notes, NULL, &error))
    {
      cli_print_error ("%s", error->message);
      return EXIT_ERRORS;
    }
  /* Meetings and actions: pass the store's meetings here once it loads them. */
  quorum_notes_resolve (notes, store, quorum_store_get_meetings (store));

  n_problems = cli_print_problems (store, NULL);
  problems = quorum_notes_get_problems (notes);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *text = quorum_problem_to_string (problem);

      cli_print_error ("%s", text);
      n_problems++;
    }
  print_notes (store, notes, json);

  return n_problems > 0 ? EXIT_ERRORS : EXIT_OK;
}
