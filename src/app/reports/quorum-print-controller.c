/* quorum-print-controller.c: prints a job through GtkPrintOperation
 *
 * The report is built by the core from the job's objects when printing
 * starts (quorum_print_job_build()), so a store reloading meanwhile changes
 * nothing printed. Something classified red is printed only after an
 * explicit confirmation. The print dialog is GTK's (its Print to File
 * writes PDF), with a Notes tab for a meeting pack ("Include my private
 * notes"). The pages are the core's QuorumReportLayout, drawn with
 * use-full-page in points: A4, each page in the report's orientation,
 * paginated a few thousand rows at a time in the paginate signal while GTK
 * shows its progress, with Cancel. An error (a file that cannot be
 * written) is shown in a dialog naming the file.
 *
 * With an export filename (for tests), the job is written there as PDF by
 * GtkPrintOperation without a dialog (GTK_PRINT_OPERATION_ACTION_EXPORT).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-print-controller.h"

#include <glib/gi18n.h>

/* Rows (or other units) laid out each time GTK asks to paginate. */
#define PAGINATE_UNITS 2000

struct _QuorumPrintController
{
  GObject parent_instance;

  GtkWindow *parent;                /* weak */
  char *export_filename;
  gboolean include_notes;
  GtkPrintSettings *settings;       /* the last dialog's, offered again */

  /* While printing (or asking whether to) */
  QuorumPrintJob *job;
  gboolean allow_red;
  QuorumReport *report;
  QuorumReportLayout *layout;
  GtkPrintOperation *operation;
  GCancellable *cancellable;
  AdwMessageDialog *confirm;        /* weak: the red question, while asked */
};

G_DEFINE_FINAL_TYPE (QuorumPrintController, quorum_print_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_INCLUDE_NOTES,
  PROP_EXPORT_FILENAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_job (QuorumPrintController *self)
{
  if (self->confirm != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->confirm), (gpointer *) &self->confirm);
      gtk_window_destroy (GTK_WINDOW (self->confirm));
      self->confirm = NULL;
    }
  if (self->operation != NULL)
    g_signal_handlers_disconnect_by_data (self->operation, self);
  g_clear_object (&self->operation);
  g_clear_object (&self->layout);
  g_clear_object (&self->report);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
  self->allow_red = FALSE;
}

/* The job is over: printed, cancelled or failed. */
static void
finish (QuorumPrintController   *self,
        GtkPrintOperationResult  result)
{
  if (self->job == NULL)
    return;
  clear_job (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_signal_emit (self, signals[FINISHED], 0, (int) result);
}

static void
show_error (QuorumPrintController *self,
            const char            *file,
            const GError          *error)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("Could Not Print"), NULL));

  if (file != NULL)
    adw_message_dialog_format_body (dialog, _("“%s” could not be written: %s"), file,
                                    error->message);
  else
    adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file printed to, when printing to a file. */
static char *
output_file (QuorumPrintController *self,
             GtkPrintOperation     *operation,
             const GError          *error)
{
  GtkPrintSettings *settings;
  const char *uri;

  if (self->export_filename != NULL)
    return g_strdup (self->export_filename);
  settings = gtk_print_operation_get_print_settings (operation);
  uri = settings != NULL ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI)
                         : NULL;
  if (uri == NULL || error == NULL || error->domain != G_IO_ERROR)
    return NULL;
  return g_filename_from_uri (uri, NULL, NULL);
}

static void
operation_finished (QuorumPrintController   *self,
                    GtkPrintOperation       *operation,
                    GtkPrintOperationResult  result)
{
  g_autoptr(GError) error = NULL;

  if (operation != self->operation)
    return;
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->settings, gtk_print_operation_get_print_settings (operation));
  /* GTK keeps an error only with that result (and asserts it has one). */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      g_autofree char *file = output_file (self, operation, error);

      show_error (self, file, error);
    }
  finish (self, result);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         QuorumPrintController   *self)
{
  operation_finished (self, operation, result);
}

/* After the dialog: the pack again with the notes, if asked; its layout. */
static void
begin_print_cb (GtkPrintOperation     *operation,
                GtkPrintContext       *context,
                QuorumPrintController *self)
{
  if (self->include_notes && quorum_print_job_get_offers_notes (self->job))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumReport) report = quorum_print_job_build (self->job, self->allow_red, TRUE,
                                                               &error);

      if (report == NULL)
        {
          show_error (self, NULL, error);
          gtk_print_operation_cancel (operation);
          return;
        }
      g_set_object (&self->report, report);
    }
  g_clear_object (&self->layout);
  self->layout = quorum_report_layout_new (self->report);
}

/* A few thousand rows each time, until the report is laid out. */
static gboolean
paginate_cb (GtkPrintOperation     *operation,
             GtkPrintContext       *context,
             QuorumPrintController *self)
{
  if (self->layout == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      gtk_print_operation_cancel (operation);
      return TRUE;
    }
  if (!quorum_report_layout_paginate_step (self->layout, PAGINATE_UNITS, NULL))
    return FALSE;
  gtk_print_operation_set_n_pages (operation,
                                   MAX (quorum_report_layout_get_n_pages (self->layout), 1));
  return TRUE;
}

static void
request_page_setup_cb (GtkPrintOperation     *operation,
                       GtkPrintContext       *context,
                       int                    page,
                       GtkPageSetup          *setup,
                       QuorumPrintController *self)
{
  if (self->layout == NULL)
    return;
  gtk_page_setup_set_orientation (setup, quorum_report_layout_get_landscape (self->layout)
                                           ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                           : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation     *operation,
              GtkPrintContext       *context,
              int                    page,
              QuorumPrintController *self)
{
  if (self->layout == NULL || page < 0
      || (guint) page >= quorum_report_layout_get_n_pages (self->layout))
    return;
  quorum_report_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context),
                                  (guint) page);
}

/* The Notes tab of the print dialog, for a meeting pack. */
static GObject *
create_custom_widget_cb (GtkPrintOperation     *operation,
                         QuorumPrintController *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("Include my _private notes"));
  GtkWidget *label = gtk_label_new (_("Each note is printed next to what it is on. Your notes "
                                      "are kept on this computer only: anyone who sees the "
                                      "paper will read them."));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  g_object_set (grid, "margin-top", 18, "margin-bottom", 18, "margin-start", 18,
                "margin-end", 18, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->include_notes);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 28);
  gtk_grid_attach (GTK_GRID (grid), check, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  label, NULL, -1);
  return G_OBJECT (grid);
}

static void
custom_widget_apply_cb (GtkPrintOperation     *operation,
                        GtkWidget             *widget,
                        QuorumPrintController *self)
{
  GtkWidget *check = gtk_grid_get_child_at (GTK_GRID (widget), 0, 0);

  quorum_print_controller_set_include_notes (
    self, gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static GtkPrintOperation *
new_operation (QuorumPrintController *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GtkPrintSettings) settings = self->settings != NULL
                                           ? gtk_print_settings_copy (self->settings)
                                           : gtk_print_settings_new ();
  g_autofree char *basename = g_strdelimit (g_strdup (quorum_print_job_get_title (self->job)),
                                            "/\\", '-');

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* Print to File offers the job's title as the file's name, in the
   * folder printed to last. */
  if (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI) != NULL)
    {
      g_autoptr(GFile) last = g_file_new_for_uri (
        gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI));
      g_autoptr(GFile) folder = g_file_get_parent (last);
      g_autofree char *folder_uri = folder != NULL ? g_file_get_uri (folder) : NULL;

      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, folder_uri);
      gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
    }
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_job_name (operation, quorum_print_job_get_title (self->job));
  /* The core's layout is in points from the paper's corner. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  if (self->export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, self->export_filename);
  if (quorum_print_job_get_offers_notes (self->job))
    {
      gtk_print_operation_set_custom_tab_label (operation, _("Notes"));
      g_signal_connect (operation, "create-custom-widget",
                        G_CALLBACK (create_custom_widget_cb), self);
      g_signal_connect (operation, "custom-widget-apply",
                        G_CALLBACK (custom_widget_apply_cb), self);
    }
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "paginate", G_CALLBACK (paginate_cb), self);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), self);
  return operation;
}

static void
run (QuorumPrintController *self,
     QuorumReport          *report)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_set_object (&self->report, report);
  operation = new_operation (self);
  self->operation = g_object_ref (operation);
  result = gtk_print_operation_run (operation,
                                    self->export_filename != NULL
                                      ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                      : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    self->parent, NULL);
  /* Run synchronously (an export), "done" may have finished it already. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    operation_finished (self, operation, result);
}

/* Builds the report, red allowed or not; runs the operation, or says why
 * not. */
static void
build_and_run (QuorumPrintController *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumReport) report = quorum_print_job_build (self->job, self->allow_red, FALSE,
                                                           &error);

  if (report == NULL)
    {
      show_error (self, NULL, error);
      finish (self, GTK_PRINT_OPERATION_RESULT_ERROR);
      return;
    }
  run (self, report);
}

static void
confirm_response_cb (AdwMessageDialog      *dialog,
                     const char            *response,
                     QuorumPrintController *self)
{
  if (self->confirm != dialog)
    return;
  g_object_remove_weak_pointer (G_OBJECT (self->confirm), (gpointer *) &self->confirm);
  self->confirm = NULL;
  if (!g_str_equal (response, "print"))
    {
      finish (self, GTK_PRINT_OPERATION_RESULT_CANCEL);
      return;
    }
  self->allow_red = TRUE;
  build_and_run (self);
}

/* "A red item is never printed or exported without an explicit
 * confirmation." */
static void
confirm_red (QuorumPrintController *self)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("Print a Red Document?"), NULL));

  adw_message_dialog_format_body (dialog,
                                  _("“%s” is classified RED: for its named recipients "
                                    "only. Print it only if no one else can see the paper."),
                                  quorum_print_job_get_title (self->job));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "print", _("_Print"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "print", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  self->confirm = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->confirm);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * quorum_print_controller_print:
 * @job: what to print
 *
 * Prints @job: asks first if it is classified red, then shows the print
 * dialog (or, with an export filename, writes the PDF there). Does nothing
 * while another job is printing.
 */
void
quorum_print_controller_print (QuorumPrintController *self,
                               QuorumPrintJob        *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumReport) report = NULL;

  g_return_if_fail (QUORUM_IS_PRINT_CONTROLLER (self));
  g_return_if_fail (QUORUM_IS_PRINT_JOB (job));

  if (self->job != NULL)
    {
      if (self->confirm != NULL)
        gtk_window_present (GTK_WINDOW (self->confirm));
      return;
    }
  self->job = g_object_ref (job);
  self->cancellable = g_cancellable_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  report = quorum_print_job_build (job, FALSE, FALSE, &error);
  if (g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED))
    {
      confirm_red (self);
      return;
    }
  if (report == NULL)
    {
      show_error (self, NULL, error);
      finish (self, GTK_PRINT_OPERATION_RESULT_ERROR);
      return;
    }
  run (self, report);
}

/**
 * quorum_print_controller_cancel:
 *
 * Stops the job printing, if any: its question, its pagination, its
 * operation.
 */
void
quorum_print_controller_cancel (QuorumPrintController *self)
{
  g_return_if_fail (QUORUM_IS_PRINT_CONTROLLER (self));

  if (self->job == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  if (self->operation != NULL)
    gtk_print_operation_cancel (self->operation);
  /* A dialog's operation ends in "done"; a question, or an operation
   * already gone, ends here. */
  if (self->operation == NULL
      || gtk_print_operation_get_status (self->operation) == GTK_PRINT_STATUS_FINISHED_ABORTED)
    finish (self, GTK_PRINT_OPERATION_RESULT_CANCEL);
}

gboolean
quorum_print_controller_get_busy (QuorumPrintController *self)
{
  g_return_val_if_fail (QUORUM_IS_PRINT_CONTROLLER (self), FALSE);
  return self->job != NULL;
}

gboolean
quorum_print_controller_get_include_notes (QuorumPrintController *self)
{
  g_return_val_if_fail (QUORUM_IS_PRINT_CONTROLLER (self), FALSE);
  return self->include_notes;
}

/**
 * quorum_print_controller_set_include_notes:
 * @include: a meeting pack prints the private notes
 *
 * The print dialog's Notes tab sets it; off until the user asks.
 */
void
quorum_print_controller_set_include_notes (QuorumPrintController *self,
                                           gboolean               include)
{
  g_return_if_fail (QUORUM_IS_PRINT_CONTROLLER (self));

  include = !!include;
  if (self->include_notes == include)
    return;
  self->include_notes = include;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_NOTES]);
}

const char *
quorum_print_controller_get_export_filename (QuorumPrintController *self)
{
  g_return_val_if_fail (QUORUM_IS_PRINT_CONTROLLER (self), NULL);
  return self->export_filename;
}

/**
 * quorum_print_controller_set_export_filename:
 * @path: (nullable): a PDF to write without a dialog; %NULL for the print
 *   dialog
 */
void
quorum_print_controller_set_export_filename (QuorumPrintController *self,
                                             const char            *path)
{
  g_return_if_fail (QUORUM_IS_PRINT_CONTROLLER (self));

  if (g_strcmp0 (self->export_filename, path) == 0)
    return;
  g_free (self->export_filename);
  self->export_filename = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORT_FILENAME]);
}

static void
quorum_print_controller_dispose (GObject *object)
{
  QuorumPrintController *self = QUORUM_PRINT_CONTROLLER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->operation != NULL)
    gtk_print_operation_cancel (self->operation);
  clear_job (self);
  g_clear_object (&self->settings);
  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  self->parent = NULL;

  G_OBJECT_CLASS (quorum_print_controller_parent_class)->dispose (object);
}

static void
quorum_print_controller_finalize (GObject *object)
{
  QuorumPrintController *self = QUORUM_PRINT_CONTROLLER (object);

  g_free (self->export_filename);

  G_OBJECT_CLASS (quorum_print_controller_parent_class)->finalize (object);
}

static void
quorum_print_controller_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  QuorumPrintController *self = QUORUM_PRINT_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_BUSY: g_value_set_boolean (value, self->job != NULL); break;
    case PROP_INCLUDE_NOTES: g_value_set_boolean (value, self->include_notes); break;
    case PROP_EXPORT_FILENAME: g_value_set_string (value, self->export_filename); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_print_controller_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  QuorumPrintController *self = QUORUM_PRINT_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_INCLUDE_NOTES:
      quorum_print_controller_set_include_notes (self, g_value_get_boolean (value));
      break;
    case PROP_EXPORT_FILENAME:
      quorum_print_controller_set_export_filename (self, g_value_get_string (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_print_controller_class_init (QuorumPrintControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quorum_print_controller_dispose;
  object_class->finalize = quorum_print_controller_finalize;
  object_class->get_property = quorum_print_controller_get_property;
  object_class->set_property = quorum_print_controller_set_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_NOTES] =
    g_param_spec_boolean ("include-notes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPORT_FILENAME] =
    g_param_spec_string ("export-filename", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumPrintController::finished:
   * @result: a #GtkPrintOperationResult: printed (APPLY), cancelled, failed
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
quorum_print_controller_init (QuorumPrintController *self)
{
}

/**
 * quorum_print_controller_new:
 * @parent: the window the dialogs belong to
 */
QuorumPrintController *
quorum_print_controller_new (GtkWindow *parent)
{
  QuorumPrintController *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (QUORUM_TYPE_PRINT_CONTROLLER, NULL);
  self->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
  return self;
}
