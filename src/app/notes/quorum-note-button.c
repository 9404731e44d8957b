/* quorum-note-button.c: Add Note… or Edit Note… on one target
 *
 * A button for a page's work package, an agenda item or an action: it
 * activates win.edit-note with its target, says Add Note… or Edit Note…,
 * and carries the note in its tooltip and accessible description ("Has a
 * note: …"). It follows its window's notes (the "notes" property) while it
 * is rooted, so it changes as notes are added, edited or deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-note-button.h"
#include "quorum-notes-ui.h"

struct _QuorumNoteButton
{
  GtkButton parent_instance;

  GVariant *target;         /* nullable: the button is hidden */
  QuorumNotes *notes;       /* while rooted */
  QuorumNote *note;         /* the note shown, while rooted */
  gulong root_handler;
};

G_DEFINE_FINAL_TYPE (QuorumNoteButton, quorum_note_button, GTK_TYPE_BUTTON)

static void update (QuorumNoteButton *self);

static void
set_note (QuorumNoteButton *self,
          QuorumNote       *note)
{
  if (self->note == note)
    return;
  if (self->note != NULL)
    g_signal_handlers_disconnect_by_data (self->note, self);
  g_set_object (&self->note, note);
  if (note != NULL)
    g_signal_connect_swapped (note, "notify::text", G_CALLBACK (update), self);
}

static void
update (QuorumNoteButton *self)
{
  QuorumNote *note = NULL;

  if (self->target != NULL)
    note = quorum_notes_ui_lookup_target (self->notes, self->target);
  set_note (self, note);
  gtk_widget_set_visible (GTK_WIDGET (self), self->target != NULL);
  gtk_button_set_label (GTK_BUTTON (self), note != NULL ? _("Edit Note…") : _("Add Note…"));
  if (note != NULL)
    {
      g_autofree char *marker = quorum_notes_ui_dup_marker (note);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self), marker);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, marker, -1);
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                                   _("Add a private note, kept on this computer"));
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
set_notes (QuorumNoteButton *self,
           QuorumNotes      *notes)
{
  if (self->notes != notes)
    {
      if (self->notes != NULL)
        g_signal_handlers_disconnect_by_data (self->notes, self);
      g_set_object (&self->notes, notes);
      if (notes != NULL)
        g_signal_connect_swapped (notes, "items-changed", G_CALLBACK (update), self);
    }
  update (self);
}

static void
root_notes_changed_cb (QuorumNoteButton *self)
{
  set_notes (self, quorum_notes_ui_for_widget (GTK_WIDGET (self)));
}

static void
quorum_note_button_root (GtkWidget *widget)
{
  QuorumNoteButton *self = QUORUM_NOTE_BUTTON (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (quorum_note_button_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (root), "notes") != NULL)
    self->root_handler = g_signal_connect_swapped (root, "notify::notes",
                                                   G_CALLBACK (root_notes_changed_cb), self);
  root_notes_changed_cb (self);
}

static void
quorum_note_button_unroot (GtkWidget *widget)
{
  QuorumNoteButton *self = QUORUM_NOTE_BUTTON (widget);

  if (self->root_handler != 0)
    g_clear_signal_handler (&self->root_handler, gtk_widget_get_root (widget));
  set_notes (self, NULL);

  GTK_WIDGET_CLASS (quorum_note_button_parent_class)->unroot (widget);
}

static void
quorum_note_button_dispose (GObject *object)
{
  QuorumNoteButton *self = QUORUM_NOTE_BUTTON (object);

  set_note (self, NULL);
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_data (self->notes, self);
  g_clear_object (&self->notes);
  g_clear_pointer (&self->target, g_variant_unref);

  G_OBJECT_CLASS (quorum_note_button_parent_class)->dispose (object);
}

static void
quorum_note_button_class_init (QuorumNoteButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_note_button_dispose;
  widget_class->root = quorum_note_button_root;
  widget_class->unroot = quorum_note_button_unroot;
}

static void
quorum_note_button_init (QuorumNoteButton *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  update (self);
}

/**
 * quorum_note_button_new:
 *
 * Returns: (transfer floating): a button for the note on a target, hidden
 *   until it has one (quorum_note_button_set_target())
 */
GtkWidget *
quorum_note_button_new (void)
{
  return g_object_new (QUORUM_TYPE_NOTE_BUTTON, NULL);
}

/**
 * quorum_note_button_set_target:
 * @target: (nullable): the target, as win.edit-note's parameter `(sssss)`
 */
void
quorum_note_button_set_target (QuorumNoteButton *self,
                               GVariant         *target)
{
  g_return_if_fail (QUORUM_IS_NOTE_BUTTON (self));
  g_return_if_fail (target == NULL || g_variant_is_of_type (target, G_VARIANT_TYPE ("(sssss)")));

  if (target != NULL)
    g_variant_ref_sink (target);
  g_clear_pointer (&self->target, g_variant_unref);
  self->target = target;
  /* The target first: the action takes a parameter. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), target != NULL ? "win.edit-note" : NULL);
  update (self);
}

/**
 * quorum_note_button_get_target:
 *
 * Returns: (transfer none) (nullable): the target
 */
GVariant *
quorum_note_button_get_target (QuorumNoteButton *self)
{
  g_return_val_if_fail (QUORUM_IS_NOTE_BUTTON (self), NULL);
  return self->target;
}
