/* export-test-util.c: the clipboard as the Copy tests read it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "export-test-util.h"
#include "quorum-ui-test-util.h"

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* The clipboard's text (text/plain;charset=utf-8), read back. */
char *
quorum_test_clipboard_text (GdkClipboard *clipboard)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  gdk_clipboard_read_text_async (clipboard, NULL, got_result_cb, &result);
  g_assert_true (quorum_test_wait_for (result_set, &result));
  text = gdk_clipboard_read_text_finish (clipboard, result, &error);
  g_assert_no_error (error);
  return text;
}

/* The clipboard's text/html, read back. */
char *
quorum_test_clipboard_html (GdkClipboard *clipboard)
{
  static const char *mime_types[] = { "text/html", NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) spliced = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  const char *mime_type = NULL;

  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, got_result_cb,
                            &result);
  g_assert_true (quorum_test_wait_for (result_set, &result));
  stream = gdk_clipboard_read_finish (clipboard, result, &mime_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime_type, ==, "text/html");
  g_output_stream_splice_async (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, G_PRIORITY_DEFAULT, NULL,
                                got_result_cb, &spliced);
  g_assert_true (quorum_test_wait_for (result_set, &spliced));
  g_output_stream_splice_finish (memory, spliced, &error);
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
}

/* Ctrl+C's action, then both forms read back: @tsv and @html set. */
void
quorum_test_copy_and_read (QuorumWindow  *window,
                           char         **tsv,
                           char         **html)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GdkContentFormats *formats;

  gdk_clipboard_set_text (clipboard, "nothing copied yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy", NULL));
  quorum_test_iterate ();
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/html"));
  *tsv = quorum_test_clipboard_text (clipboard);
  *html = quorum_test_clipboard_html (clipboard);
}

/* The HTML row of @tsv's cells: text cells, then amounts right-aligned. */
char *
quorum_test_html_row (const char *tsv)
{
  g_auto(GStrv) cells = g_strsplit (tsv, "\t", -1);
  GString *row = g_string_new ("<tr>");

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (cells[i], -1);
      gboolean amount = g_regex_match_simple ("^-?[0-9]+\\.[0-9][0-9]$", cells[i], 0, 0);

      g_string_append_printf (row, amount ? "<td align=\"right\">%s</td>" : "<td>%s</td>",
                              escaped);
    }
  g_string_append (row, "</tr>");
  return g_string_free (row, FALSE);
}
