/* quorum-ui-test-util.h: helpers shared by the UI test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       quorum_test_iterate    (void);
GtkWidget *quorum_test_find_named (GtkWidget  *widget,
                                   const char *name);
GtkWidget *quorum_test_find_type  (GtkWidget  *widget,
                                   GType       type);
GtkWidget *quorum_test_find_label (GtkWidget  *widget,
                                   const char *text);
char      *quorum_test_snapshot_tree (const char *path);
GPtrArray *quorum_test_find_all_named (GtkWidget  *widget,
                                       const char *name);
void       quorum_test_assert_fully_visible (GtkWidget *widget,
                                             GtkWidget *area);
guint      quorum_test_decimals   (const char *text);

G_END_DECLS
