/* quorum-figure-test-util.h: what the committees and meetings tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "quorum-core.h"

G_BEGIN_DECLS

JsonObject *quorum_figure_test_load_json         (const char *relpath);
GPtrArray  *quorum_figure_test_load_budgets      (void);
gboolean    quorum_figure_test_json_hundredths   (JsonNode   *node,
                                                  gint64     *out);
void        quorum_figure_test_collect_json_rows (JsonArray  *rows,
                                                  GPtrArray  *out);
gboolean    quorum_figure_test_meeting_rate      (JsonObject *budget,
                                                  const char *table_id,
                                                  gint64     *rate);
char       *quorum_figure_test_format            (gint64      hundredths,
                                                  const char *unit);
void        quorum_figure_test_wait_until_drawn  (GtkWidget  *widget);
char       *quorum_figure_test_texts_of          (gpointer    widget);
void        quorum_figure_test_assert_shows      (gpointer    widget,
                                                  const char *text);
GtkWindow  *quorum_figure_test_host              (GtkWidget  *view,
                                                  const char *title,
                                                  int         width,
                                                  int         height);
GdkTexture *quorum_figure_test_render            (GtkWidget  *widget);
void        quorum_figure_test_save_screenshot   (GtkWidget  *widget,
                                                  const char *name);
void        quorum_figure_test_destroy           (GtkWindow  *window);

G_END_DECLS
