/* quorum-window-private.h: the main window's instance, shared by its files
 *
 * quorum-window.c opens stores and navigates between the views;
 * quorum-window-decide.c takes decisions on work packages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-core.h"
#include "quorum-pressure-view.h"
#include "quorum-window.h"
#include "quorum-work-package-page.h"
#include "quorum-work-packages-view.h"

G_BEGIN_DECLS

struct _QuorumWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  AdwStatusPage *error_page;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar_list;
  AdwLeaflet *content_leaflet;
  AdwWindowTitle *window_title;
  GtkStack *content_stack;
  AdwPreferencesGroup *problems_group;
  GtkListBox *problems_list;
  AdwPreferencesGroup *documents_group;
  GtkListBox *documents_list;
  AdwPreferencesGroup *committees_group;
  GtkListBox *committees_list;
  QuorumWorkPackagesView *work_packages_view;
  QuorumPressureView *pressure_view;
  QuorumWorkPackagePage *package_page;

  /* owned */
  QuorumStore *store;
  GCancellable *cancellable;         /* loading the store */
  GCancellable *decide_cancellable;  /* decisions and copies; cancelled when the window goes */

  /* The comment of the last decision that was not recorded, offered again
   * the next time the same package is decided on. */
  char *draft_work_package;
  char *draft_comment;

  /* A decision to take once the store being opened has loaded (after the
   * sample store was copied). */
  char *resume_work_package;
  char *resume_decision;
};

GSettings *_quorum_window_get_settings      (QuorumWindow      *self);
void       _quorum_window_show_package      (QuorumWindow      *self,
                                             QuorumWorkPackage *work_package);
void       _quorum_window_decide            (QuorumWindow      *self,
                                             const char        *decision);
void       _quorum_window_resume_decision   (QuorumWindow      *self);
void       _quorum_window_clear_decide_state (QuorumWindow     *self);

G_END_DECLS
