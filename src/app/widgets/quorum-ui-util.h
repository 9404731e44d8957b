/* quorum-ui-util.h: how the app shows amounts, dates and outcomes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "quorum-core.h"
#include "quorum-slot-model.h"

G_BEGIN_DECLS

/* The columns a view folds when narrow: quorum_ui_column_fold_new(). */
typedef struct _QuorumUiColumnFold QuorumUiColumnFold;

/* Called with a bin's width before its child is laid out. */
typedef void (*QuorumUiFoldFunc) (GtkWidget *bin,
                                  int        width);

/* A package more than this far over its estimate (hundredths of a percent)
 * is marked as an error, not a warning. */
#define QUORUM_UI_OVERSPEND_ERROR_PERCENT 1000

char       *quorum_ui_display_path          (const char        *path);
char       *quorum_ui_format_amount         (gint64             hundredths);
char       *quorum_ui_findings_badge_text   (guint              n_findings,
                                             guint              n_mismatches);
char       *quorum_ui_format_days           (gint64             hundredths);
char       *quorum_ui_format_date           (const char        *date);
char       *quorum_ui_format_timestamp      (const char        *timestamp);
char       *quorum_ui_format_variance       (QuorumWorkPackage *work_package,
                                             const char       **css_class);
char       *quorum_ui_format_variance_decimals (QuorumWorkPackage *work_package,
                                                guint              decimals,
                                                const char       **css_class);

const char *quorum_ui_outcome_icon_name     (QuorumOutcome      outcome);
const char *quorum_ui_outcome_css_class     (QuorumOutcome      outcome);
QuorumOutcome quorum_ui_decision_outcome    (const char        *decision);
const char *quorum_ui_decision_label        (const char        *decision);
const char *quorum_ui_decision_icon_name    (const char        *decision);
const char *quorum_ui_status_label          (const char        *status);
const char *quorum_ui_kind_label            (const char        *kind);
char       *quorum_ui_grade_label           (const char        *grade);
const char *quorum_ui_committee_short_name  (QuorumStore       *store,
                                             const char        *committee_id);

gboolean    quorum_ui_has_pending_sync      (QuorumWorkPackage *work_package);
void        quorum_ui_watch_outcomes        (GListModel        *work_packages,
                                             guint              position,
                                             guint              n_items,
                                             GCallback          callback,
                                             gpointer           object);

GtkWidget  *quorum_ui_pill_new              (void);
void        quorum_ui_pill_set              (GtkWidget         *pill,
                                             const char        *icon_name,
                                             const char        *text,
                                             const char        *kind);
void        quorum_ui_pill_set_outcome      (GtkWidget         *pill,
                                             QuorumOutcome      outcome);
void        quorum_ui_bin_class_fold_on_width (GtkWidgetClass   *widget_class,
                                               QuorumUiFoldFunc  fold);
QuorumUiColumnFold *quorum_ui_column_fold_new (int                          medium_width,
                                               int                          narrow_width);
void        quorum_ui_column_fold_free        (QuorumUiColumnFold          *fold);
void        quorum_ui_column_fold_set_columns (QuorumUiColumnFold          *fold,
                                               GtkColumnViewColumn * const *medium_hides,
                                               GtkColumnViewColumn * const *narrow_hides,
                                               GtkColumnViewColumn * const *narrow_shows);
void        quorum_ui_column_fold_apply       (QuorumUiColumnFold          *fold,
                                               int                          width);
GtkWidget  *quorum_ui_cell_new              (float              xalign,
                                             guint              chars);
void        quorum_ui_cell_set_text         (GtkListItem       *item,
                                             const char        *text);
void        quorum_ui_clear_list_box        (GtkListBox        *list_box);
void        quorum_ui_add_css_resource      (const char        *resource_path);
void        quorum_ui_set_tooltip_text      (GtkWidget         *widget,
                                             const char        *text);
void        quorum_ui_value_row_update      (GtkWidget         *row,
                                             const char        *title,
                                             const char        *value);
GtkWidget  *quorum_ui_add_text_row          (GtkListBox        *list_box,
                                             const char        *title,
                                             const char        *subtitle);
GtkWidget  *quorum_ui_add_value_row         (GtkListBox        *list_box,
                                             const char        *title,
                                             const char        *value);
GtkMultiSelection *quorum_ui_slot_selection_new       (GListModel        *model);
QuorumSlotModel   *quorum_ui_slot_selection_get_slots (GtkMultiSelection *selection);
void               quorum_ui_column_view_fix_ctrl_click (GtkColumnView   *view);

G_END_DECLS
