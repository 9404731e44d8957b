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

#define TEXT_VIEW_KEY "quorum-note-editor-text-view"

static GtkTextView *
get_text_view (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), TEXT_VIEW_KEY);
}

static void
text_changed_cb (GtkTextBuffer    *buffer,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = quorum_note_editor_dup_text (dialog);

  adw_message_dialog_set_response_enabled (dialog, "save", *g_strstrip (text) != '\0');
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
  GtkWidget *scroller, *view;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       existing ? _("Edit Note")
                                                                : _("Add Note"),
                                                       NULL));
  /* TRANSLATORS: %s is what the note is on, e.g. a budget cell */
  adw_message_dialog_format_body (dialog, _("A private note on %s, kept on this computer "
                                            "and never synced."), target);
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);
  adw_message_dialog_set_extra_child (dialog, scroller);
  g_object_set_data (G_OBJECT (dialog), TEXT_VIEW_KEY, view);

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (existing)
    {
      adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "save", _("_Save"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (text_changed_cb), dialog, 0);
  quorum_note_editor_set_text (dialog, text != NULL ? text : "");
  text_changed_cb (NULL, dialog);
  gtk_widget_grab_focus (view);
  return dialog;
}

/**
 * quorum_note_editor_dup_text:
 *
 * Returns: (transfer full): the text typed
 */
char *
quorum_note_editor_dup_text (AdwMessageDialog *dialog)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  buffer = gtk_text_view_get_buffer (get_text_view (dialog));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
quorum_note_editor_set_text (AdwMessageDialog *dialog,
                             const char       *text)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (text != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (get_text_view (dialog)), text, -1);
}
