/* quorum-note-row.c: one note in the Notes view
 *
 * What the row shows of its note: what the note is on (the title), its
 * text (up to three lines), when it was last changed, a "Detached" mark
 * when what it was on is gone from the store, and an Edit Note… button.
 * The row follows its note: it shows the note again whenever it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-note-row.h"
#include "quorum-notes-ui.h"

struct _QuorumNoteRow
{
  AdwActionRow parent_instance;

  /* template widgets */
  GtkLabel *detached;
  GtkLabel *updated;
  GtkButton *edit;

  /* owned */
  QuorumNote *note;
};

G_DEFINE_FINAL_TYPE (QuorumNoteRow, quorum_note_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (QuorumNoteRow *self)
{
  g_autofree char *title = quorum_notes_ui_dup_title (self->note);
  g_autofree char *when = quorum_notes_ui_dup_updated (self->note);
  /* TRANSLATORS: %s is a date and time */
  g_autofree char *changed = g_strdup_printf (_("Changed %s"), when);

  gtk_widget_set_name (GTK_WIDGET (self), quorum_note_get_id (self->note));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), quorum_note_get_text (self->note));
  gtk_label_set_text (self->updated, when);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->updated), changed);
  gtk_widget_set_visible (GTK_WIDGET (self->detached), quorum_note_get_detached (self->note));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit),
                                          quorum_notes_ui_target (self->note));
}

static void
set_note (QuorumNoteRow *self,
          QuorumNote    *note)
{
  g_return_if_fail (QUORUM_IS_NOTE (note));
  g_return_if_fail (self->note == NULL);

  self->note = g_object_ref (note);
  g_signal_connect_object (note, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
quorum_note_row_dispose (GObject *object)
{
  QuorumNoteRow *self = QUORUM_NOTE_ROW (object);

  g_clear_object (&self->note);
  G_OBJECT_CLASS (quorum_note_row_parent_class)->dispose (object);
}

static void
quorum_note_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QuorumNoteRow *self = QUORUM_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_note_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QuorumNoteRow *self = QUORUM_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      set_note (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_note_row_class_init (QuorumNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_note_row_dispose;
  object_class->get_property = quorum_note_row_get_property;
  object_class->set_property = quorum_note_row_set_property;

  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL,
                         QUORUM_TYPE_NOTE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/quorum-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumNoteRow, detached);
  gtk_widget_class_bind_template_child (widget_class, QuorumNoteRow, updated);
  gtk_widget_class_bind_template_child (widget_class, QuorumNoteRow, edit);
}

static void
quorum_note_row_init (QuorumNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_note_row_new:
 * @note: the note the row shows
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
quorum_note_row_new (QuorumNote *note)
{
  g_return_val_if_fail (QUORUM_IS_NOTE (note), NULL);

  return g_object_new (QUORUM_TYPE_NOTE_ROW, "note", note, NULL);
}

/**
 * quorum_note_row_get_note:
 *
 * Returns: (transfer none): the note the row shows
 */
QuorumNote *
quorum_note_row_get_note (QuorumNoteRow *self)
{
  g_return_val_if_fail (QUORUM_IS_NOTE_ROW (self), NULL);

  return self->note;
}
