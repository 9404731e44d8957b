/* quorum-window-notes.c: the window keeps the store's private notes
 *
 * The window owns a QuorumNotes for its store: loaded once the store has
 * loaded, resolved again (labels, detached targets) whenever the store
 * changes, and given to the views through their "notes" property, or
 * found by them through the window's (quorum_notes_ui_for_widget()).
 * Notes are added, edited and deleted here, in the note editor, with the
 * writes run off the main thread:
 *
 *   win.edit-note(('KIND','ID','ID','ID','ID'))  the editor for that target
 *   win.note-selection                            the same for what is
 *                                                 selected (Ctrl+Alt+N)
 *
 * The bundled sample store is read-only: a note written there is refused,
 * and the user's own copy is offered, as for a decision; once the copy has
 * loaded, the editor opens again there with the text typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-note-editor.h"
#include "quorum-notes-ui.h"
#include "quorum-table-view-notes.h"
#include "quorum-window-private.h"

typedef enum
{
  NOTE_ADD,
  NOTE_EDIT,
  NOTE_DELETE,
} NoteWrite;

typedef struct
{
  QuorumWindow *window;     /* owned */
  QuorumNotes *notes;       /* owned: the notes written to */
  QuorumNote *note;         /* owned */
  GVariant *target;         /* owned */
  char *text;
  NoteWrite write;
} NoteData;

static void
note_data_free (NoteData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->notes);
  g_clear_object (&data->note);
  g_clear_pointer (&data->target, g_variant_unref);
  g_free (data->text);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NoteData, note_data_free)

static void
note_data_closure_free (gpointer  data,
                        GClosure *closure)
{
  note_data_free (data);
}

static void open_editor (QuorumWindow *self,
                         GVariant     *target,
                         const char   *text);

static void
set_resume (QuorumWindow *self,
            GVariant     *target,
            const char   *text)
{
  g_clear_pointer (&self->resume_note_target, g_variant_unref);
  g_free (self->resume_note_text);
  self->resume_note_target = target != NULL ? g_variant_ref_sink (target) : NULL;
  self->resume_note_text = g_strdup (text);
}

static void
copy_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  NoteData         *data)
{
  QuorumWindow *self = data->window;

  if (!g_str_equal (response, "copy") || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  set_resume (self, data->target, data->text);
  _quorum_window_copy_sample (self);
}

static char *
note_offer_body (gboolean    exists,
                 const char *shown)
{
  if (exists)
    return g_strdup_printf (_("Notes are not written into the bundled sample store. Your own "
                              "store at %s opens instead, and your note is kept there."), shown);
  return g_strdup_printf (_("Notes are not written into the bundled sample store. Make your "
                            "own copy of it at %s to keep your note there; the sample stays "
                            "as it is."), shown);
}

/* Notes are not written into the bundled sample: offer the user's own copy. */
static void
offer_copy (QuorumWindow *self,
            NoteData     *data)
{
  AdwMessageDialog *dialog = _quorum_window_copy_offer_new (self, note_offer_body);

  g_signal_connect_data (dialog, "response", G_CALLBACK (copy_response_cb), data,
                         note_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retry_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   NoteData         *data)
{
  if (g_str_equal (response, "retry") && data->notes == data->window->notes)
    open_editor (data->window, data->target, data->text);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  QuorumNotes *notes = QUORUM_NOTES (object);
  g_autoptr(NoteData) data = user_data;
  QuorumWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gboolean done;

  if (data->write == NOTE_ADD)
    done = quorum_notes_add_finish (notes, result, &error);
  else if (data->write == NOTE_EDIT)
    done = quorum_notes_edit_finish (notes, result, &error);
  else
    done = quorum_notes_delete_finish (notes, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (done)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (data->write == NOTE_DELETE
                                                  ? _("Note deleted") : _("Note saved")));
      return;
    }
  if (g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED) &&
      self->store != NULL && quorum_store_is_sample (self->store))
    {
      offer_copy (self, g_steal_pointer (&data));
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       data->write == NOTE_DELETE
                                                       ? _("The Note Was Not Deleted")
                                                       : _("The Note Was Not Saved"),
                                                       error->message));
  adw_message_dialog_add_responses (dialog, "close", _("_Close"), "retry", _("_Try Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_data (dialog, "response", G_CALLBACK (retry_response_cb),
                         g_steal_pointer (&data), note_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
editor_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    NoteData         *closure_data)
{
  QuorumWindow *self = closure_data->window;
  NoteData *data;

  if (g_str_equal (response, "cancel") || self->notes != closure_data->notes)
    return;

  data = g_new0 (NoteData, 1);
  data->window = g_object_ref (self);
  data->notes = g_object_ref (self->notes);
  data->target = g_variant_ref (closure_data->target);
  data->text = quorum_note_editor_dup_text (dialog);
  /* The note on the target now, which may have been added since the editor opened. */
  data->note = quorum_notes_ui_lookup_target (self->notes, data->target);
  if (data->note != NULL)
    g_object_ref (data->note);

  if (g_str_equal (response, "delete"))
    {
      data->write = NOTE_DELETE;
      if (data->note == NULL)
        {
          note_data_free (data);
          return;
        }
      quorum_notes_delete_async (self->notes, data->note, self->decide_cancellable, write_cb,
                                 data);
    }
  else if (data->note != NULL)
    {
      data->write = NOTE_EDIT;
      quorum_notes_edit_async (self->notes, data->note, data->text, self->decide_cancellable,
                               write_cb, data);
    }
  else
    {
      data->write = NOTE_ADD;
      data->note = quorum_notes_ui_new_note (data->target);
      quorum_notes_add_async (self->notes, data->note, data->text, self->decide_cancellable,
                              write_cb, data);
    }
}

/* The editor for the note on @target, with @text when given (a note that
 * was not saved), else the note's. */
static void
open_editor (QuorumWindow *self,
             GVariant     *target,
             const char   *text)
{
  QuorumNote *note;
  g_autoptr(QuorumNote) unsaved = NULL;
  g_autofree char *title = NULL;
  AdwMessageDialog *dialog;
  NoteData *data;

  if (self->notes == NULL)
    return;
  note = quorum_notes_ui_lookup_target (self->notes, target);
  if (note == NULL)
    unsaved = quorum_notes_ui_new_note (target);
  if (note == NULL && unsaved == NULL)
    return;
  title = quorum_notes_ui_dup_title (note != NULL ? note : unsaved);
  dialog = quorum_note_editor_new (GTK_WINDOW (self), title,
                                   text != NULL ? text
                                   : note != NULL ? quorum_note_get_text (note) : NULL,
                                   note != NULL);
  data = g_new0 (NoteData, 1);
  data->window = g_object_ref (self);
  data->notes = g_object_ref (self->notes);
  data->target = g_variant_ref_sink (target);
  g_signal_connect_data (dialog, "response", G_CALLBACK (editor_response_cb), data,
                         note_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (QUORUM_WINDOW (widget), parameter, NULL);
}

/* What Ctrl+Alt+N notes on: the package shown, or the cell, row or table
 * selected in the table shown. */
static GVariant *
selection_target (QuorumWindow *self)
{
  QuorumWorkPackage *package = _quorum_window_get_package (self);
  const char *view = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->content_leaflet), "package") == 0 &&
      package != NULL)
    return g_variant_new ("(sssss)",
                          quorum_note_target_kind_to_string (QUORUM_NOTE_TARGET_WORK_PACKAGE),
                          quorum_work_package_get_id (package), "", "", "");
  if (g_strcmp0 (view, "budgets") == 0 && self->budgets_view != NULL)
    {
      QuorumTableView *table = quorum_budgets_view_get_table_view (self->budgets_view);

      if (table != NULL && gtk_widget_get_mapped (GTK_WIDGET (table)))
        return quorum_table_view_dup_note_target (table);
    }
  return NULL;
}

static void
note_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  QuorumWindow *self = QUORUM_WINDOW (widget);
  g_autoptr(GVariant) target = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "store") != 0)
    return;
  target = selection_target (self);
  if (target == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Open a table or a work package to add a "
                                                    "note on it")));
      return;
    }
  g_variant_ref_sink (target);
  open_editor (self, target, NULL);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  QuorumNotes *notes = QUORUM_NOTES (object);
  g_autoptr(QuorumWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *text = NULL;
  g_autofree char *user_path = NULL;

  if (!quorum_notes_load_finish (notes, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new_format (_("Notes could not be loaded: %s"),
                                                           error->message));
      return;
    }
  if (notes != self->notes)
    return;
  quorum_notes_resolve (notes, self->store, quorum_store_get_meetings (self->store));

  /* A note that the sample store refused, once the user's own copy is open. */
  user_path = quorum_store_dup_user_path ();
  if (self->resume_note_target == NULL ||
      g_strcmp0 (quorum_store_get_path (self->store), user_path) != 0)
    return;
  target = g_steal_pointer (&self->resume_note_target);
  text = g_steal_pointer (&self->resume_note_text);
  open_editor (self, target, text);
}

/**
 * _quorum_window_notes_open_store:
 *
 * A new store is shown: its notes, loaded once the store is.
 */
void
_quorum_window_notes_open_store (QuorumWindow *self)
{
  g_cancellable_cancel (self->notes_cancellable);
  g_clear_object (&self->notes_cancellable);
  g_clear_object (&self->notes);
  self->notes = quorum_notes_new (self->store);
}

/**
 * _quorum_window_notes_store_loaded:
 *
 * The store has loaded: the notes load, and are resolved against it.
 */
void
_quorum_window_notes_store_loaded (QuorumWindow *self)
{
  g_cancellable_cancel (self->notes_cancellable);
  g_clear_object (&self->notes_cancellable);
  self->notes_cancellable = g_cancellable_new ();
  quorum_notes_load_async (self->notes, self->notes_cancellable, load_cb, g_object_ref (self));
}

/**
 * _quorum_window_notes_store_changed:
 *
 * The store has changed: what the notes are on may have gone, or come back.
 */
void
_quorum_window_notes_store_changed (QuorumWindow *self)
{
  if (self->notes != NULL && self->store != NULL)
    quorum_notes_resolve (self->notes, self->store, quorum_store_get_meetings (self->store));
}

void
_quorum_window_notes_dispose (QuorumWindow *self)
{
  g_cancellable_cancel (self->notes_cancellable);
  g_clear_object (&self->notes_cancellable);
  g_clear_object (&self->notes);
  set_resume (self, NULL, NULL);
}

/**
 * quorum_window_get_notes:
 *
 * Returns: (transfer none) (nullable): the private notes of the store shown
 */
QuorumNotes *
quorum_window_get_notes (QuorumWindow *self)
{
  g_return_val_if_fail (QUORUM_IS_WINDOW (self), NULL);
  return self->notes;
}

void
_quorum_window_class_init_notes (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-note", "(sssss)", edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.note-selection", NULL,
                                   note_selection_action);
}
