/* quorum-exporter.c: one Export…, from the save dialog to the file written
 *
 * Export… (Ctrl+Shift+E) asks first, in an AdwMessageDialog, when what is
 * exported holds an item classified red: a red item is never exported
 * without an explicit confirmation. Then a save dialog
 * (GtkFileChooserNative, a portal's where there is one) offers CSV and
 * JSON: the file's extension chooses the format, else the filter chosen,
 * whose extension is added. Private notes are left out unless asked for:
 * the dialog offers to include them when the store has any. The export is
 * laid out on the main thread from what the source kept, and written
 * crash-safely on a worker thread
 * (quorum_export_write_async()). A file that cannot be written is named in
 * a dialog with the reason; "finished" is emitted either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-exporter.h"

#include <glib/gi18n.h>

struct _QuorumExporter
{
  GObject parent_instance;

  GtkWindow *parent;            /* weak */
  QuorumExportSource *source;
  GtkFileChooserNative *chooser;
  GtkFileFilter *csv_filter;
  GtkFileFilter *json_filter;
  GFile *file;                  /* to write once confirmed; NULL: ask for it */
  gboolean with_notes;          /* add the private notes on what is exported */
  gboolean notes_offered;       /* the save dialog has the choice */
  GCancellable *cancellable;
};

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (QuorumExporter, quorum_exporter, G_TYPE_OBJECT)

static void
quorum_exporter_dispose (GObject *object)
{
  QuorumExporter *self = QUORUM_EXPORTER (object);

  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  self->parent = NULL;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->csv_filter);
  g_clear_object (&self->json_filter);
  g_clear_object (&self->source);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (quorum_exporter_parent_class)->dispose (object);
}

static void
quorum_exporter_class_init (QuorumExporterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = quorum_exporter_dispose;

  /**
   * QuorumExporter::finished:
   * @path: (nullable): the file written, or that could not be
   * @written: whether it was written
   *
   * The export is over: written, failed (the dialog saying why is shown),
   * or cancelled (@path %NULL).
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
quorum_exporter_init (QuorumExporter *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * quorum_exporter_new:
 * @parent: the window the dialogs belong to
 * @source: what to export
 */
QuorumExporter *
quorum_exporter_new (GtkWindow          *parent,
                     QuorumExportSource *source)
{
  QuorumExporter *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QUORUM_IS_EXPORT_SOURCE (source), NULL);

  self = g_object_new (QUORUM_TYPE_EXPORTER, NULL);
  self->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
  self->source = g_object_ref (source);
  return self;
}

/**
 * quorum_export_format_for_name:
 * @name: a file name
 * @known: (out) (optional): whether its extension names a format
 *
 * Returns: JSON for a name ending in `.json`, else CSV
 */
QuorumExportFormat
quorum_export_format_for_name (const char *name,
                               gboolean   *known)
{
  g_autofree char *folded = g_utf8_casefold (name != NULL ? name : "", -1);
  gboolean json = g_str_has_suffix (folded, ".json");

  if (known != NULL)
    *known = json || g_str_has_suffix (folded, ".csv");
  return json ? QUORUM_EXPORT_FORMAT_JSON : QUORUM_EXPORT_FORMAT_CSV;
}

/* Drops the reference the operation held, once it is over. */
static void
finish (QuorumExporter *self,
        const char     *path,
        gboolean        written)
{
  g_signal_emit (self, signals[FINISHED], 0, path, written);
  g_object_unref (self);
}

static void
show_error (QuorumExporter *self,
            const char     *path,
            const GError   *error)
{
  g_autofree char *body = g_strdup_printf (_("%s could not be written: %s"), path,
                                           error->message);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("Export Failed"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  QuorumExporter *self = user_data;
  g_autofree char *path = g_file_get_path (self->file);
  g_autoptr(GError) error = NULL;

  if (!quorum_export_write_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->parent != NULL)
        show_error (self, path, error);
      finish (self, path, FALSE);
      return;
    }
  finish (self, path, TRUE);
}

static void
write_file (QuorumExporter *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autoptr(GBytes) bytes = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("only local files can be written"));

      show_error (self, uri, error);
      finish (self, uri, FALSE);
      return;
    }
  bytes = quorum_export_source_to_bytes (self->source,
                                         quorum_export_format_for_name (path, NULL),
                                         self->with_notes);
  quorum_export_write_async (path, bytes, self->cancellable, write_cb, self);
}

static void
chooser_response_cb (QuorumExporter       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  gboolean known;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    {
      finish (self, NULL, FALSE);
      return;
    }
  self->with_notes =
    self->notes_offered &&
    g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "notes"), "true") == 0;
  /* The extension chooses the format; without one, the filter does. */
  basename = g_file_get_basename (file);
  quorum_export_format_for_name (basename, &known);
  if (!known)
    {
      gboolean json = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)) ==
                      self->json_filter;
      g_autofree char *named = g_strconcat (basename, json ? ".json" : ".csv", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      g_clear_object (&file);
      file = g_file_get_child (parent, named);
    }
  g_set_object (&self->file, file);
  write_file (self);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern,
            const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

static void
show_chooser (QuorumExporter *self)
{
  g_autofree char *name = g_strconcat (quorum_export_source_get_name (self->source), ".csv",
                                       NULL);

  self->chooser = gtk_file_chooser_native_new (_("Export"), self->parent,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  self->csv_filter = new_filter (_("CSV (comma-separated values)"), "*.csv", "text/csv");
  self->json_filter = new_filter (_("JSON"), "*.json", "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), self->csv_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), self->json_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), self->csv_filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  self->notes_offered = quorum_export_source_has_notes (self->source);
  if (self->notes_offered)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "notes",
                                   _("Include my private notes"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "notes", "false");
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* After the confirmation (when one was needed): the file, asked for or given. */
static void
go_on (QuorumExporter *self)
{
  if (self->parent == NULL)
    finish (self, NULL, FALSE);
  else if (self->file != NULL)
    write_file (self);
  else
    show_chooser (self);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     QuorumExporter   *self)
{
  if (g_str_equal (response, "export"))
    go_on (self);
  else
    finish (self, NULL, FALSE);
}

static void
start (QuorumExporter *self)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_object_ref (self);
  if (!quorum_export_source_get_red (self->source))
    {
      go_on (self);
      return;
    }
  body = g_strdup_printf (_("%s holds items classified RED, to be shared only with the people "
                            "named. Export it all the same?"),
                          quorum_export_source_get_title (self->source));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("Export Red Items?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", _("_Export"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * quorum_exporter_run:
 *
 * Exports the source: the confirmation for a red item, the save dialog,
 * the file written.
 */
void
quorum_exporter_run (QuorumExporter *self)
{
  g_return_if_fail (QUORUM_IS_EXPORTER (self));
  g_return_if_fail (self->chooser == NULL);

  start (self);
}

/**
 * quorum_exporter_save:
 * @file: the file to write, its format chosen by its extension (`.json`,
 *   else CSV)
 *
 * Exports the source to @file without the save dialog (the confirmation
 * for a red item is still asked).
 */
void
quorum_exporter_save (QuorumExporter *self,
                      GFile          *file)
{
  g_return_if_fail (QUORUM_IS_EXPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  start (self);
}

/**
 * quorum_exporter_set_with_notes:
 * @with_notes: whether to add the private notes on what is exported (the
 *   save dialog's choice sets it too)
 */
void
quorum_exporter_set_with_notes (QuorumExporter *self,
                                gboolean        with_notes)
{
  g_return_if_fail (QUORUM_IS_EXPORTER (self));
  self->with_notes = with_notes;
}
