/* export-test-util.h: the clipboard as the Copy tests read it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-window.h"

G_BEGIN_DECLS

char *quorum_test_clipboard_text (GdkClipboard  *clipboard);
char *quorum_test_clipboard_html (GdkClipboard  *clipboard);
void  quorum_test_copy_and_read  (QuorumWindow  *window,
                                  char         **tsv,
                                  char         **html);
char *quorum_test_html_row       (const char    *tsv);

G_END_DECLS
