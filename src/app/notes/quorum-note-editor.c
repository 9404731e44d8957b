/* quorum-note-editor.c: the dialog that writes a private note
 *
 * An AdwMessageDialog naming what the note is on, with the note's text in
 * a text view and three answers: Cancel, Delete (for a note that exists)
 * and Save, which needs some text. The window writes what is answered
 * (quorum-window-notes.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-note-editor.h"

struct _QuorumNoteEditor
{
  AdwMessageDialog parent_instance;

  /* template widgets */
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (QuorumNoteEditor, quorum_note_editor, ADW_TYPE_MESSAGE_DIALOG)

static void
text_changed_cb (QuorumNoteEditor *self)
{
  g_autofree char *text = quorum_note_editor_dup_text (ADW_MESSAGE_DIALOG (self));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save",
                                           *g_strstrip (text) != '\0');
}

static void
quorum_note_editor_class_init (QuorumNoteEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumNoteEditor, text_view);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
}

static void
quorum_note_editor_init (QuorumNoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_note_editor_new:
 * @target: what the note is on, in words
 * @text: (nullable): the note's text so far
 * @existing: whether the note is saved already (it can then be deleted)
 *
 * Returns: (transfer none): the dialog, to present; it answers `cancel`,
 *   `delete` or `save`
 */
AdwMessageDialog *
quorum_note_editor_new (GtkWindow  *parent,
                        const char *target,
                        const char *text,
                        gboolean    existing)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  dialog = g_object_new (QUORUM_TYPE_NOTE_EDITOR,
                         "transient-for", parent,
                         "heading", existing ? _("Edit Note") : _("Add Note"),
                         NULL);
  /* TRANSLATORS: %s is what the note is on, e.g. a budget cell */
  adw_message_dialog_format_body (dialog, _("A private note on %s, kept on this computer "
                                            "and never synced."), target);

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (existing)
    {
      adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "save", _("_Save"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  quorum_note_editor_set_text (dialog, text != NULL ? text : "");
  text_changed_cb (QUORUM_NOTE_EDITOR (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (QUORUM_NOTE_EDITOR (dialog)->text_view));
  return dialog;
}

/**
 * quorum_note_editor_dup_text:
 * @dialog: a #QuorumNoteEditor
 *
 * Returns: (transfer full): the text typed
 */
char *
quorum_note_editor_dup_text (AdwMessageDialog *dialog)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (QUORUM_IS_NOTE_EDITOR (dialog), NULL);

  buffer = gtk_text_view_get_buffer (QUORUM_NOTE_EDITOR (dialog)->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * quorum_note_editor_set_text:
 * @dialog: a #QuorumNoteEditor
 * @text: the note's text
 */
void
quorum_note_editor_set_text (AdwMessageDialog *dialog,
                             const char       *text)
{
  g_return_if_fail (QUORUM_IS_NOTE_EDITOR (dialog));
  g_return_if_fail (text != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (QUORUM_NOTE_EDITOR (dialog)->text_view),
                            text, -1);
}
