/* quorum-window-private.h: the main window's instance, shared by its files
 *
 * quorum-window.c opens stores (which watch themselves) and navigates
 * between the views; quorum-window-overview.c fills the overview;
 * quorum-window-decide.c takes decisions on work packages;
 * quorum-window-meetings.c opens what meetings name: papers, actions;
 * quorum-window-notes.c keeps the store's private notes and writes them;
 * quorum-window-print.c prints what the window shows;
 * quorum-window-export.c exports and copies what the view shown has;
 * quorum-window-desktop.c takes dropped folders, adds to GNOME's recent
 * files and opens what notifications are about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-actions-view.h"
#include "quorum-budgets-view.h"
#include "quorum-checks-view.h"
#include "quorum-committees-view.h"
#include "quorum-core.h"
#include "quorum-meetings-view.h"
#include "quorum-notes-view.h"
#include "quorum-pressure-view.h"
#include "quorum-print-controller.h"
#include "quorum-sync-button.h"
#include "quorum-sync-controller.h"
#include "quorum-sync-notifier.h"
#include "quorum-window.h"
#include "quorum-work-package-page.h"
#include "quorum-work-packages-view.h"

G_BEGIN_DECLS

/* The text of the question before writing into the bundled sample. */
typedef char *(*QuorumCopyOfferBody) (gboolean    exists,
                                      const char *shown);

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
  GtkButton *search_button;
  QuorumSyncButton *sync_button;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GMenu *recent_section;
  GMenuModel *primary_menu;
  GtkMenuButton *loading_menu_button;
  GtkMenuButton *error_menu_button;
  GtkMenuButton *menu_button;
  GtkStack *content_stack;
  GtkScrolledWindow *overview_scroller;
  GtkWidget *headline_group;
  AdwBin *headline_bin;
  GtkListBox *links_list;
  GtkListBox *agenda_list;
  GtkWidget *problems_group;
  GtkListBox *problems_list;
  GtkWidget *documents_group;
  GtkLabel *documents_description;
  GtkListBox *documents_list;
  GtkWidget *committees_group;
  GtkLabel *committees_description;
  GtkListBox *committees_list;
  AdwBin *budgets_page;
  AdwBin *committees_page;
  AdwBin *meetings_page;
  AdwBin *actions_page;
  AdwBin *checks_page;
  AdwBin *work_packages_page;
  AdwBin *pressure_page;
  AdwBin *notes_page;
  AdwBin *package_bin;
  QuorumWorkPackagePage *package_page;  /* in package_bin once a package is first opened */

  /* The views, each in its page once first shown (NULL until then). */
  QuorumWorkPackagesView *work_packages_view;
  QuorumPressureView *pressure_view;
  QuorumChecksView *checks_view;
  QuorumBudgetsView *budgets_view;
  QuorumCommitteesView *committees_view;
  QuorumMeetingsView *meetings_view;
  QuorumActionsView *actions_view;
  QuorumNotesView *notes_view;

  /* owned */
  QuorumStore *store;
  GCancellable *cancellable;         /* loading the store */
  GHashTable *attached;              /* the views given the store (a reference each) */
  GtkFileChooserNative *chooser;     /* Open Store… while it is open */
  QuorumSyncController *sync;        /* nullable: only with settings */
  QuorumSyncNotifier *sync_notifier; /* nullable: with the sync controller */
  GCancellable *decide_cancellable;  /* decisions and copies; cancelled when the window goes */

  /* The comment of the last decision that was not recorded, offered again
   * the next time the same package is decided on. */
  char *draft_work_package;
  char *draft_comment;

  /* A decision to take once the store being opened has loaded (after the
   * sample store was copied). */
  char *resume_work_package;
  char *resume_decision;

  /* The store's private notes (quorum-window-notes.c), and a note the
   * sample store refused, to write once the user's own copy has loaded. */
  QuorumNotes *notes;
  GCancellable *notes_cancellable;   /* loading the notes */
  GVariant *resume_note_target;
  char *resume_note_text;

  /* Printing (quorum-window-print.c): made when first asked for. */
  QuorumPrintController *print;
  gboolean print_hooked_budgets;
  gboolean print_hooked_meetings;

  /* Whether a frame was painted, e.g. the loading page's (show_page ()). */
  gboolean painted;
  gulong paint_handler;              /* on the frame clock until the first frame */
  GtkSpinner *loading_spinner;
  guint spinner_source;              /* starts the spinner while the loading page shows */
};

GSettings *_quorum_window_get_settings      (QuorumWindow      *self);
const char *_quorum_window_path_in_store    (QuorumWindow      *self,
                                             const char        *file);
void       _quorum_window_show_view         (QuorumWindow      *self,
                                             const char        *view);
void       _quorum_window_init_overview     (QuorumWindow      *self);
void       _quorum_window_bind_overview     (QuorumWindow      *self);
void       _quorum_window_update_overview   (QuorumWindow      *self);
void       _quorum_window_show_package      (QuorumWindow      *self,
                                             QuorumWorkPackage *work_package);
QuorumWorkPackage *_quorum_window_get_package (QuorumWindow    *self);
void       _quorum_window_decide            (QuorumWindow      *self,
                                             const char        *decision);
void       _quorum_window_resume_decision   (QuorumWindow      *self);
void       _quorum_window_clear_decide_state (QuorumWindow     *self);
GtkWidget *_quorum_window_ensure_view       (QuorumWindow      *self,
                                             const char        *name);
void       _quorum_window_class_init_meetings (GtkWidgetClass  *widget_class);
void       _quorum_window_copy_sample       (QuorumWindow      *self);
AdwMessageDialog *_quorum_window_copy_offer_new (QuorumWindow        *self,
                                                 QuorumCopyOfferBody  body);
void       _quorum_window_notes_open_store  (QuorumWindow      *self);
void       _quorum_window_notes_store_loaded (QuorumWindow     *self);
void       _quorum_window_notes_store_changed (QuorumWindow    *self);
void       _quorum_window_notes_dispose     (QuorumWindow      *self);
void       _quorum_window_class_init_notes  (GtkWidgetClass    *widget_class);
void       _quorum_window_class_init_print  (GtkWidgetClass    *widget_class);
void       _quorum_window_init_print        (QuorumWindow      *self);
void       _quorum_window_print_dispose     (QuorumWindow      *self);
QuorumPrintController *_quorum_window_get_print_controller (QuorumWindow *self);
void       _quorum_window_update_export     (QuorumWindow      *self);
void       _quorum_window_class_init_export (GtkWidgetClass    *widget_class);
void       _quorum_window_open_and_remember (QuorumWindow      *self,
                                             const char        *path);
void       _quorum_window_init_desktop      (QuorumWindow      *self,
                                             QuorumApplication *application);
void       _quorum_window_add_recent        (const char        *path);

G_END_DECLS
