/* quorum-notes-ui.c: what views share about private notes
 *
 * The window owns the store's QuorumNotes (its "notes" property); a view
 * finds it through its root. A note's target travels as the window
 * actions' parameter `(sssss)`: the kind (`document`, `work_package`,
 * `meeting`, `action`) and up to four ids, empty when absent:
 *
 *   win.edit-note(('document','DOC','TABLE','ROW','COLUMN'))
 *   win.edit-note(('work_package','ID','','',''))
 *   win.edit-note(('meeting','MEETING','ITEM','',''))
 *   win.edit-note(('action','REF','','',''))
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-notes-ui.h"

/**
 * quorum_notes_ui_for_widget:
 *
 * Returns: (transfer none) (nullable): the notes of the window @widget is in
 */
QuorumNotes *
quorum_notes_ui_for_widget (GtkWidget *widget)
{
  GtkRoot *root;
  QuorumNotes *notes = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  if (root == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (root), "notes") == NULL)
    return NULL;
  g_object_get (root, "notes", &notes, NULL);
  /* The window keeps its reference. */
  if (notes != NULL)
    g_object_unref (notes);
  return notes;
}

/**
 * quorum_notes_ui_first:
 * @notes: (nullable) (element-type QuorumNote): what a lookup found
 *
 * Returns: (transfer none) (nullable): the first note, or %NULL
 */
QuorumNote *
quorum_notes_ui_first (GPtrArray *notes)
{
  return notes != NULL && notes->len > 0 ? g_ptr_array_index (notes, 0) : NULL;
}

/* The ids of a target, as a path, for a note whose target has no label. */
static char *
dup_ids (QuorumNote *note)
{
  const char *ids[5] = { NULL };
  guint n = 0;

  switch (quorum_note_get_target_kind (note))
    {
    case QUORUM_NOTE_TARGET_DOCUMENT:
      ids[n++] = quorum_note_get_document (note);
      ids[n++] = quorum_note_get_table (note);
      ids[n++] = quorum_note_get_row (note);
      ids[n++] = quorum_note_get_column (note);
      break;
    case QUORUM_NOTE_TARGET_WORK_PACKAGE:
      ids[n++] = quorum_note_get_work_package (note);
      break;
    case QUORUM_NOTE_TARGET_MEETING:
      ids[n++] = quorum_note_get_meeting (note);
      ids[n++] = quorum_note_get_item (note);
      break;
    case QUORUM_NOTE_TARGET_ACTION:
    default:
      ids[n++] = quorum_note_get_action (note);
      break;
    }
  /* The ids given stop at the first absent one. */
  for (guint i = 0; i < n; i++)
    if (ids[i] == NULL)
      {
        ids[i] = NULL;
        break;
      }
  return g_strjoinv (" › ", (char **) ids);
}

/**
 * quorum_notes_ui_dup_title:
 *
 * Returns: (transfer full): what @note is on, in words: its label, or its
 *   target's ids when the target has not been found
 */
char *
quorum_notes_ui_dup_title (QuorumNote *note)
{
  const char *label;

  g_return_val_if_fail (QUORUM_IS_NOTE (note), NULL);

  label = quorum_note_get_label (note);
  if (label != NULL && *label != '\0')
    return g_strdup (label);
  return dup_ids (note);
}

/**
 * quorum_notes_ui_dup_updated:
 *
 * Returns: (transfer full): when @note was last changed, in the local time
 */
char *
quorum_notes_ui_dup_updated (QuorumNote *note)
{
  const char *updated;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (QUORUM_IS_NOTE (note), NULL);

  updated = quorum_note_get_updated (note);
  if (updated == NULL)
    return g_strdup ("");
  time = g_date_time_new_from_iso8601 (updated, NULL);
  if (time == NULL)
    return g_strdup (updated);
  local = g_date_time_to_local (time);
  /* TRANSLATORS: when a note was last changed; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

/**
 * quorum_notes_ui_dup_marker:
 *
 * Returns: (transfer full): a noted thing's tooltip and accessible
 *   description: "Has a note" and the note
 */
char *
quorum_notes_ui_dup_marker (QuorumNote *note)
{
  g_return_val_if_fail (QUORUM_IS_NOTE (note), NULL);

  /* TRANSLATORS: a tooltip; %s is the user's private note */
  return g_strdup_printf (_("Has a note: %s"), quorum_note_get_text (note));
}

static const char *
or_empty (const char *id)
{
  return id != NULL ? id : "";
}

/**
 * quorum_notes_ui_target:
 *
 * Returns: (transfer floating): @note's target as win.edit-note's parameter
 */
GVariant *
quorum_notes_ui_target (QuorumNote *note)
{
  QuorumNoteTargetKind kind;
  const char *ids[4] = { NULL };

  g_return_val_if_fail (QUORUM_IS_NOTE (note), NULL);

  kind = quorum_note_get_target_kind (note);
  switch (kind)
    {
    case QUORUM_NOTE_TARGET_DOCUMENT:
      ids[0] = quorum_note_get_document (note);
      ids[1] = quorum_note_get_table (note);
      ids[2] = quorum_note_get_row (note);
      ids[3] = quorum_note_get_column (note);
      break;
    case QUORUM_NOTE_TARGET_WORK_PACKAGE:
      ids[0] = quorum_note_get_work_package (note);
      break;
    case QUORUM_NOTE_TARGET_MEETING:
      ids[0] = quorum_note_get_meeting (note);
      ids[1] = quorum_note_get_item (note);
      break;
    case QUORUM_NOTE_TARGET_ACTION:
    default:
      ids[0] = quorum_note_get_action (note);
      break;
    }
  return g_variant_new ("(sssss)", quorum_note_target_kind_to_string (kind), or_empty (ids[0]),
                        or_empty (ids[1]), or_empty (ids[2]), or_empty (ids[3]));
}

/**
 * quorum_notes_ui_parse_target:
 * @target: win.edit-note's parameter
 * @kind: (out): the target's kind
 * @ids: (out caller-allocates) (array fixed-size=4): its ids, %NULL when empty
 *
 * Returns: %TRUE if @target names a kind of target
 */
gboolean
quorum_notes_ui_parse_target (GVariant             *target,
                              QuorumNoteTargetKind *kind,
                              const char          **ids)
{
  const char *name;

  g_return_val_if_fail (g_variant_is_of_type (target, G_VARIANT_TYPE ("(sssss)")), FALSE);

  g_variant_get (target, "(&s&s&s&s&s)", &name, &ids[0], &ids[1], &ids[2], &ids[3]);
  for (guint i = 0; i < 4; i++)
    if (*ids[i] == '\0')
      ids[i] = NULL;
  for (QuorumNoteTargetKind k = QUORUM_NOTE_TARGET_DOCUMENT; k <= QUORUM_NOTE_TARGET_ACTION; k++)
    if (g_str_equal (name, quorum_note_target_kind_to_string (k)))
      {
        *kind = k;
        return ids[0] != NULL;
      }
  return FALSE;
}

/**
 * quorum_notes_ui_lookup_target:
 * @notes: (nullable)
 * @target: win.edit-note's parameter
 *
 * Returns: (transfer none) (nullable): the note on @target, if any
 */
QuorumNote *
quorum_notes_ui_lookup_target (QuorumNotes *notes,
                               GVariant    *target)
{
  QuorumNoteTargetKind kind;
  const char *ids[4];
  g_autofree char *key = NULL;

  if (notes == NULL || !quorum_notes_ui_parse_target (target, &kind, ids))
    return NULL;
  key = quorum_note_target_key (kind, ids[0], ids[1], ids[2], ids[3]);
  return quorum_notes_ui_first (quorum_notes_lookup (notes, key));
}

/**
 * quorum_notes_ui_new_note:
 * @target: win.edit-note's parameter
 *
 * Returns: (transfer full) (nullable): a new, unsaved note on @target
 */
QuorumNote *
quorum_notes_ui_new_note (GVariant *target)
{
  QuorumNoteTargetKind kind;
  const char *ids[4];

  if (!quorum_notes_ui_parse_target (target, &kind, ids))
    return NULL;
  switch (kind)
    {
    case QUORUM_NOTE_TARGET_DOCUMENT:
      return quorum_note_new_on_document (ids[0], ids[1], ids[2], ids[3]);
    case QUORUM_NOTE_TARGET_WORK_PACKAGE:
      return quorum_note_new_on_work_package (ids[0]);
    case QUORUM_NOTE_TARGET_MEETING:
      return quorum_note_new_on_meeting (ids[0], ids[1]);
    case QUORUM_NOTE_TARGET_ACTION:
    default:
      return quorum_note_new_on_action (ids[0]);
    }
}

/**
 * quorum_notes_ui_open_target:
 *
 * Shows what @note is on, through the window's actions.
 *
 * Returns: %TRUE if an action was activated
 */
gboolean
quorum_notes_ui_open_target (GtkWidget  *widget,
                             QuorumNote *note)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (QUORUM_IS_NOTE (note), FALSE);

  switch (quorum_note_get_target_kind (note))
    {
    case QUORUM_NOTE_TARGET_DOCUMENT:
      return gtk_widget_activate_action (widget, "win.show-paper", "(ssss)",
                                         quorum_note_get_document (note),
                                         or_empty (quorum_note_get_table (note)),
                                         or_empty (quorum_note_get_row (note)),
                                         or_empty (quorum_note_get_column (note)));
    case QUORUM_NOTE_TARGET_WORK_PACKAGE:
      return gtk_widget_activate_action (widget, "win.show-work-package", "s",
                                         quorum_note_get_work_package (note));
    case QUORUM_NOTE_TARGET_MEETING:
      return gtk_widget_activate_action (widget, "win.show-meeting", "s",
                                         quorum_note_get_meeting (note));
    case QUORUM_NOTE_TARGET_ACTION:
    default:
      return gtk_widget_activate_action (widget, "win.show-action", "s",
                                         quorum_note_get_action (note));
    }
}
