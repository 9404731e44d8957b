/* quorum-ui-test-util.h: helpers shared by the UI test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-application.h"
#include "quorum-test-util.h"
#include "quorum-window.h"

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
void       quorum_test_press_key  (GtkWidget  *widget,
                                   const char *key);

/* How long quorum_test_wait_until(), _wait_for(), _wait_frame() and
 * _wait_still() wait at most, in seconds: generous, for a loaded machine. */
#define QUORUM_TEST_WAIT_SECONDS 60

typedef gboolean (*QuorumTestCondition) (gpointer data);

gboolean          quorum_test_wait_until           (QuorumTestCondition   condition,
                                                    gpointer              data);
gboolean          quorum_test_wait_for             (QuorumTestCondition   condition,
                                                    gpointer              data);
void              quorum_test_wait_frame_at        (gpointer              widget,
                                                    const char           *place);
void              quorum_test_wait_still_at        (gpointer              widget,
                                                    const char           *place);

/* Until the window holding @widget has laid out and painted a frame. */
#define quorum_test_wait_frame(widget) quorum_test_wait_frame_at ((widget), G_STRLOC)
/* The same, then until no transition of that window runs. */
#define quorum_test_wait_still(widget) quorum_test_wait_still_at ((widget), G_STRLOC)
gboolean          quorum_test_wait_width           (gpointer              widget,
                                                    int                   width);
gboolean          quorum_test_wait_laid_out        (gpointer              widget,
                                                    const char           *name);
gboolean          quorum_test_label_shown          (gpointer              widget,
                                                    const char           *text);
gboolean          quorum_test_wait_label           (gpointer              widget,
                                                    const char           *text);
gboolean          quorum_test_store_loaded         (gpointer              window);
QuorumWindow     *quorum_test_open_window          (QuorumApplication    *app,
                                                    const char           *path,
                                                    int                   width,
                                                    int                   height);
AdwMessageDialog *quorum_test_find_dialog          (const char           *heading);
AdwMessageDialog *quorum_test_find_dialog_of_type  (GType                 type);
gboolean          quorum_test_dialog_shown         (gpointer              heading);
gboolean          quorum_test_dialog_of_type_shown (gpointer              type);
void              quorum_test_respond              (gpointer              dialog,
                                                    const char           *label);
char             *quorum_test_copy_sample          (const char           *parent);
char             *quorum_test_copy_sample_to_tmp   (const char           *tmpl,
                                                    char                **out_parent);
gboolean          quorum_test_set_flag_cb          (gpointer              flag);
gboolean          quorum_test_flag_is_set          (gpointer              flag);
QuorumApplication *quorum_test_app_init            (int                  *argc,
                                                    char               ***argv,
                                                    char                **out_data_home);

G_END_DECLS
