/* quorum-report-pdf.c: a report written as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-report-pdf.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "quorum-error.h"
#include "quorum-file-util.h"

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  QuorumReportProgress progress;
  gpointer user_data;
} Progress;

/* Pagination is the first half of the work, drawing the second. */
static void
half_progress (double   fraction,
               gpointer data)
{
  Progress *progress = data;

  progress->progress (fraction / 2, progress->user_data);
}

/**
 * quorum_report_write_pdf:
 * @path: the PDF to write; replaced atomically (a temporary file in the same
 *   folder, renamed over it), so a reader never sees half a file
 * @progress: (nullable) (scope call): called now and then
 *
 * Lays the report out on A4 and writes it as PDF, its fonts embedded.
 *
 * Returns: %FALSE with @error set (naming @path) if the file cannot be
 *   written, or if @cancellable was cancelled
 */
gboolean
quorum_report_write_pdf (QuorumReport         *report,
                         const char           *path,
                         QuorumReportProgress  progress,
                         gpointer              user_data,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(QuorumReportLayout) layout = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  Progress halves = { progress, user_data };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (QUORUM_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = quorum_report_layout_new (report);
  if (!quorum_report_layout_paginate (layout, progress != NULL ? half_progress : NULL, &halves,
                                      cancellable, error))
    return FALSE;
  n_pages = quorum_report_layout_get_n_pages (layout);
  quorum_report_layout_get_page_size (layout, &width, &height);

  surface = cairo_pdf_surface_create_for_stream (append, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  quorum_report_get_title (report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Quorum " QUORUM_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      quorum_report_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
      if (progress != NULL && (page % 16 == 15 || page + 1 == n_pages))
        progress (0.5 + 0.5 * (page + 1) / n_pages, user_data);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, _("%s: cannot make the PDF: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  if (!_quorum_file_replace (path, (const char *) bytes->data, bytes->len, error))
    {
      g_prefix_error (error, _("cannot write %s: "), path);
      return FALSE;
    }
  return TRUE;
}
