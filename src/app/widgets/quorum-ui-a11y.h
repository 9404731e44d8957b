/* quorum-ui-a11y.h: what a screen reader hears of the views, and Tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void quorum_ui_a11y_prepare          (GtkWidget     *root);
void quorum_ui_a11y_set_text         (GtkWidget     *widget,
                                      const char    *text);
void quorum_ui_a11y_set_label_column (GtkColumnView *column_view,
                                      const char    *title);

G_END_DECLS
