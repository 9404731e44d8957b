/* meetings-test-util.h: the sample store's meetings, for the meetings' UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include <json-glib/json-glib.h>

#include "quorum-core.h"

G_BEGIN_DECLS

/* "Today" in these tests, so that overdue and upcoming mean the same on
 * every run. */
#define TODAY "2017-02-01"

typedef struct
{
  GHashTable *status;    /* ref → "open"/"closed", the current status */
  GHashTable *due;       /* ref → due date */
  GHashTable *owner;     /* ref → owner */
} Expected;

char       *meetings_dir          (void);
void        link_meetings         (QuorumStore *store,
                                   GPtrArray   *meetings);
GListModel *load_meetings         (QuorumStore *store);
JsonObject *read_meeting_json     (JsonParser  *parser,
                                   const char  *name);

void        expected_read         (Expected    *expected);
void        expected_clear        (Expected    *expected);
gboolean    expected_overdue      (Expected    *expected,
                                   const char  *ref);

GtkWindow  *show_in_window        (GtkWidget   *view,
                                   const char  *title,
                                   int          width,
                                   int          height);
void        save_screenshot       (GtkWidget   *widget,
                                   const char  *name);

G_END_DECLS
