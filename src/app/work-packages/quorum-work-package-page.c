/* quorum-work-package-page.c: one work package, its figures and its decisions
 *
 * Shows a package as the Board reviews it: what it is, its estimate and
 * out-turn, the budget line it draws on, and every decision on it, newest
 * first. Its Approve, Reject and Defer buttons emit ::decide; writing the
 * decision is the window's. The back button uses the window's `win.back`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-note-button.h"
#include "quorum-ui-util.h"
#include "quorum-work-package-page.h"

struct _QuorumWorkPackagePage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  GtkLabel *title_label;
  GtkBox *outcome_box;
  GtkWidget *approve_button;
  GtkWidget *reject_button;
  GtkWidget *defer_button;
  GtkWidget *spinner;
  GtkWidget *reason_box;
  GtkLabel *reason_label;
  GtkLabel *latest_label;
  GtkWidget *change_label;
  GtkWidget *change_button;
  GtkListBox *summary_list;
  GtkListBox *estimate_list;
  GtkListBox *actual_list;
  GtkListBox *budget_list;
  GtkListBox *history_list;
  GtkWidget *preferences_page;        /* the box of groups */
  GtkScrolledWindow *scroller;

  /* owned by outcome_box */
  GtkWidget *outcome_pill;
  /* owned by the Notes group */
  GtkWidget *note_button;

  /* owned */
  QuorumStore *store;
  QuorumWorkPackage *work_package;
  gboolean busy;
  gboolean show_start_title_buttons;
};

G_DEFINE_FINAL_TYPE (QuorumWorkPackagePage, quorum_work_package_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORK_PACKAGE,
  PROP_BUSY,
  PROP_SHOW_START_TITLE_BUTTONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_DECIDE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_prefix_icon (GtkWidget  *row,
                 const char *icon_name,
                 const char *css_class,
                 const char *description)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  if (css_class != NULL)
    gtk_widget_add_css_class (icon, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
}

static void
add_amount_row (GtkListBox *list_box,
                const char *title,
                gint64      hundredths)
{
  g_autofree char *text = quorum_ui_format_amount (hundredths);

  gtk_widget_add_css_class (quorum_ui_add_value_row (list_box, title, text), "numeric");
}

static void
add_days_rows (QuorumWorkPackagePage *self,
               GtkListBox            *list_box,
               gboolean               actual)
{
  const char * const *grades = quorum_work_package_get_grades (self->work_package);

  for (guint i = 0; grades != NULL && grades[i] != NULL; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;
      gint64 days;
      gboolean known = actual
        ? quorum_work_package_get_actual_days (self->work_package, grades[i], &days)
        : quorum_work_package_get_estimate_days (self->work_package, grades[i], &days);

      if (!known)
        continue;
      title = quorum_ui_grade_label (grades[i]);
      text = quorum_ui_format_days (days);
      gtk_widget_add_css_class (quorum_ui_add_value_row (list_box, title, text), "numeric");
    }
}

static void
fill_summary (QuorumWorkPackagePage *self)
{
  QuorumWorkPackage *wp = self->work_package;
  const char *committee_id = quorum_work_package_get_committee (wp);
  const char *classification = quorum_work_package_get_classification (wp);
  g_autofree char *start = quorum_ui_format_date (quorum_work_package_get_start (wp));
  g_autofree char *end = quorum_ui_format_date (quorum_work_package_get_end (wp));

  quorum_ui_add_value_row (self->summary_list, _("Kind"),
                           quorum_ui_kind_label (quorum_work_package_get_kind (wp)));
  if (quorum_work_package_get_quarter (wp) != NULL)
    quorum_ui_add_value_row (self->summary_list, _("Quarter"),
                             quorum_work_package_get_quarter (wp));
  if (start != NULL || end != NULL)
    {
      /* TRANSLATORS: a timescale from one date to another */
      g_autofree char *timescale = g_strdup_printf (_("%s – %s"), start ? start : "…",
                                                    end ? end : "…");

      quorum_ui_add_value_row (self->summary_list, _("Timescale"), timescale);
    }
  if (committee_id != NULL)
    {
      QuorumCommittee *committee = quorum_store_find_committee (self->store, committee_id);
      g_autofree char *text = NULL;

      if (committee == NULL)
        text = g_strdup (committee_id);
      else if (g_strcmp0 (quorum_committee_get_short_name (committee),
                          quorum_committee_get_name (committee)) == 0)
        text = g_strdup (quorum_committee_get_name (committee));
      else
        text = g_strdup_printf ("%s — %s", quorum_committee_get_short_name (committee),
                                quorum_committee_get_name (committee));
      quorum_ui_add_value_row (self->summary_list, _("Committee"), text);
    }
  if (quorum_work_package_get_service_area (wp) != NULL)
    quorum_ui_add_value_row (self->summary_list, _("Service area"),
                             quorum_work_package_get_service_area (wp));
  quorum_ui_add_value_row (self->summary_list, _("Status"),
                           quorum_ui_status_label (quorum_work_package_get_status (wp)));
  if (classification != NULL && !g_str_equal (classification, "white"))
    quorum_ui_add_value_row (self->summary_list, _("Classification"), classification);
  if (quorum_work_package_get_description (wp) != NULL)
    quorum_ui_add_text_row (self->summary_list, _("Description"),
                            quorum_work_package_get_description (wp));
}

static void
fill_estimate (QuorumWorkPackagePage *self)
{
  add_amount_row (self->estimate_list, _("Cost"),
                  quorum_work_package_get_estimate (self->work_package));
  add_days_rows (self, self->estimate_list, FALSE);
}

static void
fill_actual (QuorumWorkPackagePage *self)
{
  QuorumWorkPackage *wp = self->work_package;
  g_autofree char *reported = quorum_ui_format_date (quorum_work_package_get_reported (wp));
  g_autofree char *variance = NULL;
  const char *variance_class = NULL;
  gint64 cost;

  if (!quorum_work_package_get_actual (wp, &cost))
    {
      GtkWidget *row =
        quorum_ui_add_text_row (self->actual_list, _("Not reported yet"),
                                _("The out-turn is reported once the work is done."));

      add_prefix_icon (row, "user-status-pending-symbolic", "dim-label", _("Not reported"));
      return;
    }

  add_amount_row (self->actual_list, _("Cost"), cost);
  add_days_rows (self, self->actual_list, TRUE);
  if (reported != NULL)
    quorum_ui_add_value_row (self->actual_list, _("Reported"), reported);

  variance = quorum_ui_format_variance (wp, &variance_class);
  if (variance != NULL)
    {
      GtkWidget *label = quorum_ui_add_value_row (self->actual_list,
                                                  _("Variance against the estimate"), variance);

      gtk_widget_add_css_class (label, "numeric");
      if (variance_class != NULL)
        {
          gtk_widget_add_css_class (label, variance_class);
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_set_tooltip_text (label, _("The out-turn is over the estimate"));
        }
    }
}

static void
fill_budget_line (QuorumWorkPackagePage *self)
{
  QuorumWorkPackage *wp = self->work_package;
  const char *document_id = NULL, *table_id = NULL, *row_id = NULL, *column_ref = NULL;
  const char *column_id = NULL, *label = NULL;
  QuorumBudgetDocument *document = NULL;
  QuorumTable *table = NULL;
  QuorumColumn *column = NULL;
  gint64 provision = 0;
  GtkWidget *row;

  if (!quorum_work_package_get_budget_ref (wp, &document_id, &table_id, &row_id, &column_ref))
    {
      quorum_ui_add_text_row (self->budget_list, _("No budget line"),
                              _("This package does not name the budget line it draws on."));
      return;
    }

  if (!quorum_work_package_get_budget_line (wp, &column_id, &label, &provision))
    {
      const char *problem = quorum_work_package_get_budget_problem (wp);
      g_autofree char *where = g_strdup_printf ("%s / %s / %s", document_id, table_id, row_id);

      row = quorum_ui_add_text_row (self->budget_list, where,
                                    problem != NULL ? problem
                                    : _("The budget line cannot be found."));
      add_prefix_icon (row, "dialog-warning-symbolic", "warning", _("Warning"));
      gtk_widget_add_css_class (row, "budget-problem");
      return;
    }

  document = quorum_store_find_document (self->store, document_id);
  if (document != NULL)
    table = quorum_budget_document_find_table (document, table_id);
  if (table != NULL && column_id != NULL)
    column = quorum_table_find_column (table, column_id);

  quorum_ui_add_value_row (self->budget_list, _("Document"),
                           document ? quorum_budget_document_get_title (document) : document_id);
  quorum_ui_add_value_row (self->budget_list, _("Table"),
                           table ? quorum_table_get_title (table) : table_id);
  quorum_ui_add_value_row (self->budget_list, _("Line"), label ? label : row_id);
  if (column != NULL && quorum_column_get_year (column) != NULL)
    {
      /* TRANSLATORS: %s is a regulatory year, e.g. "2020/21" */
      g_autofree char *title = g_strdup_printf (_("Provision for %s"),
                                                quorum_column_get_year (column));

      add_amount_row (self->budget_list, title, provision);
    }
  else
    add_amount_row (self->budget_list, _("Provision"), provision);
}

static GtkWidget *
create_decision_row (QuorumDecision *decision)
{
  gboolean broken = quorum_decision_get_seal_state (decision) == QUORUM_SEAL_BROKEN;
  const char *verdict = quorum_decision_get_decision (decision);
  const char *role = quorum_decision_get_role (decision);
  const char *comment = quorum_decision_get_comment (decision);
  g_autofree char *when = quorum_ui_format_timestamp (quorum_decision_get_at (decision));
  GtkWidget *row = adw_action_row_new ();
  GString *subtitle = g_string_new (NULL);

  if (broken)
    g_string_append_printf (subtitle, "%s\n",
                            _("Changed after it was written: not counted"));
  g_string_append (subtitle, quorum_decision_get_by (decision));
  if (role != NULL)
    g_string_append_printf (subtitle, " — %s", role);
  g_string_append_printf (subtitle, " · %s",
                          when != NULL ? when : quorum_decision_get_at (decision));
  if (comment != NULL)
    g_string_append_printf (subtitle, "\n%s", comment);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quorum_ui_decision_label (verdict));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_string_free (subtitle, TRUE);

  if (broken)
    {
      GtkWidget *pill = quorum_ui_pill_new ();

      add_prefix_icon (row, "dialog-warning-symbolic", "warning",
                       _("Changed after it was written"));
      quorum_ui_pill_set (pill, NULL, _("Not counted"), "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
      gtk_widget_add_css_class (row, "broken-seal");
    }
  else
    {
      add_prefix_icon (row, quorum_ui_decision_icon_name (verdict),
                       quorum_ui_outcome_css_class (quorum_ui_decision_outcome (verdict)),
                       quorum_ui_decision_label (verdict));
    }

  if (quorum_decision_get_pending_sync (decision))
    {
      GtkWidget *pill = quorum_ui_pill_new ();

      quorum_ui_pill_set (pill, "emblem-synchronizing-symbolic", _("Awaiting sync"), "accent");
      gtk_widget_set_tooltip_text (pill, _("Written on this computer and not yet sent to the "
                                           "remote server"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
    }

  return row;
}

/* The history shows the package's decisions newest first: they are kept
 * oldest first, in quorum_decision_compare()'s order. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return quorum_decision_compare ((QuorumDecision *) b, (QuorumDecision *) a);
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  return create_decision_row (item);
}

/* The history list bound to the package's decisions, newest first; its
 * placeholder says when there are none. */
static void
bind_history (QuorumWorkPackagePage *self)
{
  GListModel *decisions = quorum_work_package_get_decisions (self->work_package);
  g_autoptr(GtkSortListModel) history =
    gtk_sort_list_model_new (g_object_ref (decisions),
                             GTK_SORTER (gtk_custom_sorter_new (compare_newest_first,
                                                                NULL, NULL)));

  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (history), create_history_row,
                           NULL, NULL);
}

/* "Approved by Adam Carden (SECCo Board) on 12 March 2020: “…”" */
static void
update_latest (QuorumWorkPackagePage *self)
{
  QuorumDecision *latest = quorum_work_package_get_latest (self->work_package);
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  const char *decision, *role, *comment, *by;

  gtk_widget_set_visible (GTK_WIDGET (self->latest_label), latest != NULL);
  gtk_widget_set_visible (self->change_label, latest != NULL);
  gtk_widget_set_visible (self->change_button, latest != NULL);
  if (latest == NULL)
    return;
  when = quorum_ui_format_timestamp (quorum_decision_get_at (latest));
  decision = quorum_decision_get_decision (latest);
  role = quorum_decision_get_role (latest);
  comment = quorum_decision_get_comment (latest);
  by = quorum_decision_get_by (latest);
  if (g_str_equal (decision, "approve"))
    /* TRANSLATORS: "Approved by NAME on DATE" */
    text = g_strdup_printf (_("Approved by %s on %s"), by, when);
  else if (g_str_equal (decision, "reject"))
    text = g_strdup_printf (_("Rejected by %s on %s"), by, when);
  else
    text = g_strdup_printf (_("Deferred by %s on %s"), by, when);
  if (role != NULL && *role != '\0')
    {
      g_autofree char *with_role = g_strdup_printf ("%s · %s", text, role);

      g_free (text);
      text = g_steal_pointer (&with_role);
    }
  if (comment != NULL && *comment != '\0')
    {
      /* TRANSLATORS: a decision, then its comment in quotes */
      g_autofree char *with_comment = g_strdup_printf (_("%s: “%s”"), text, comment);

      g_free (text);
      text = g_steal_pointer (&with_comment);
    }
  gtk_label_set_text (self->latest_label, text);
}

static void
update_decide_state (QuorumWorkPackagePage *self)
{
  g_autofree char *reason = NULL;
  gboolean can_decide;
  QuorumOutcome outcome = quorum_work_package_get_outcome (self->work_package);

  quorum_ui_pill_set_outcome (self->outcome_pill, outcome);
  update_latest (self);
  /* Once approved, approving again is not what the page suggests. */
  if (outcome == QUORUM_OUTCOME_APPROVED)
    gtk_widget_remove_css_class (self->approve_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->approve_button, "suggested-action");

  reason = quorum_work_package_dup_cannot_decide_reason (self->work_package);
  can_decide = reason == NULL;

  gtk_widget_set_sensitive (self->approve_button, can_decide && !self->busy);
  gtk_widget_set_sensitive (self->reject_button, can_decide && !self->busy);
  gtk_widget_set_sensitive (self->defer_button, can_decide && !self->busy);
  gtk_widget_set_sensitive (self->change_button, can_decide && !self->busy);
  gtk_widget_set_tooltip_text (self->change_button,
                               reason != NULL ? reason
                               : _("Approve, reject or defer again: the new decision "
                                   "supersedes this one"));
  gtk_widget_set_tooltip_text (self->approve_button, reason);
  gtk_widget_set_tooltip_text (self->reject_button, reason);
  gtk_widget_set_tooltip_text (self->defer_button, reason);
  gtk_label_set_text (self->reason_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (self->reason_box, reason != NULL);
  gtk_widget_set_visible (self->spinner, self->busy);
}

static void
decisions_changed_cb (QuorumWorkPackagePage *self)
{
  update_decide_state (self);
}

static void
emit_decide (QuorumWorkPackagePage *self,
             const char            *decision)
{
  if (self->work_package != NULL && !self->busy)
    g_signal_emit (self, signals[SIGNAL_DECIDE], 0, decision);
}

static void
approve_clicked_cb (QuorumWorkPackagePage *self)
{
  emit_decide (self, "approve");
}

static void
reject_clicked_cb (QuorumWorkPackagePage *self)
{
  emit_decide (self, "reject");
}

static void
defer_clicked_cb (QuorumWorkPackagePage *self)
{
  emit_decide (self, "defer");
}

/* Change Decision… leads to the decision buttons: the first, focused (the
 * scrolled window brings it into view); each opens the decide dialog. */
static void
change_clicked_cb (QuorumWorkPackagePage *self)
{
  GtkWidget *buttons[] = { self->approve_button, self->reject_button, self->defer_button };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (gtk_widget_is_sensitive (buttons[i]))
      {
        gtk_widget_grab_focus (buttons[i]);
        return;
      }
}

static void
scroll_to_top (QuorumWorkPackagePage *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
disconnect_work_package (QuorumWorkPackagePage *self)
{
  if (self->work_package == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->work_package, self);
  g_signal_handlers_disconnect_by_data (quorum_work_package_get_decisions (self->work_package),
                                        self);
}

static void
quorum_work_package_page_dispose (GObject *object)
{
  QuorumWorkPackagePage *self = (QuorumWorkPackagePage *) object;

  disconnect_work_package (self);
  g_clear_object (&self->work_package);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_WORK_PACKAGE_PAGE);

  G_OBJECT_CLASS (quorum_work_package_page_parent_class)->dispose (object);
}

static void
quorum_work_package_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  QuorumWorkPackagePage *self = QUORUM_WORK_PACKAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORK_PACKAGE: g_value_set_object (value, self->work_package); break;
    case PROP_BUSY: g_value_set_boolean (value, self->busy); break;
    case PROP_SHOW_START_TITLE_BUTTONS:
      g_value_set_boolean (value, self->show_start_title_buttons);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_work_package_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  QuorumWorkPackagePage *self = QUORUM_WORK_PACKAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY: quorum_work_package_page_set_busy (self, g_value_get_boolean (value)); break;
    case PROP_SHOW_START_TITLE_BUTTONS:
      if (self->show_start_title_buttons != g_value_get_boolean (value))
        {
          self->show_start_title_buttons = g_value_get_boolean (value);
          adw_header_bar_set_show_start_title_buttons (self->header_bar,
                                                       self->show_start_title_buttons);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_work_package_page_class_init (QuorumWorkPackagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_work_package_page_dispose;
  object_class->get_property = quorum_work_package_page_get_property;
  object_class->set_property = quorum_work_package_page_set_property;

  properties[PROP_WORK_PACKAGE] =
    g_param_spec_object ("work-package", NULL, NULL, QUORUM_TYPE_WORK_PACKAGE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE while a decision is being written: the buttons wait. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the header bar shows the window buttons at its start (when the
   * window's sidebar is folded away). */
  properties[PROP_SHOW_START_TITLE_BUTTONS] =
    g_param_spec_boolean ("show-start-title-buttons", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumWorkPackagePage::decide:
   * @decision: `approve`, `reject` or `defer`
   *
   * The user asks to take @decision on the package shown.
   */
  signals[SIGNAL_DECIDE] =
    g_signal_new ("decide", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-work-package-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, reject_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, defer_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, reason_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, reason_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, latest_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, change_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, change_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, summary_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, estimate_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, actual_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, budget_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, history_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumWorkPackagePage, scroller);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reject_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, defer_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_clicked_cb);
}

static void
quorum_work_package_page_init (QuorumWorkPackagePage *self)
{
  GtkWidget *none, *notes_group;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->outcome_pill = quorum_ui_pill_new ();
  gtk_widget_set_name (self->outcome_pill, "outcome-pill");
  gtk_box_insert_child_after (self->outcome_box, self->outcome_pill,
                              gtk_widget_get_prev_sibling (self->change_button));

  none = quorum_ui_add_text_row (NULL, _("No decisions yet"),
                                 _("The Board has not decided on this package."));
  add_prefix_icon (none, quorum_ui_outcome_icon_name (QUORUM_OUTCOME_AWAITING), "dim-label",
                   _("Awaiting decision"));
  gtk_list_box_set_placeholder (self->history_list, none);

  /* The user's private note on the package (quorum-window-notes.c writes it). */
  notes_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (notes_group), _("Notes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (notes_group),
                                         _("Private, kept on this computer"));
  self->note_button = quorum_note_button_new ();
  gtk_widget_set_name (self->note_button, "note-button");
  gtk_widget_set_halign (self->note_button, GTK_ALIGN_START);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (notes_group), self->note_button);
  gtk_box_append (GTK_BOX (self->preferences_page), notes_group);
}

/**
 * quorum_work_package_page_get_work_package:
 *
 * Returns: (transfer none) (nullable): the package shown
 */
QuorumWorkPackage *
quorum_work_package_page_get_work_package (QuorumWorkPackagePage *self)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE_PAGE (self), NULL);
  return self->work_package;
}

/**
 * quorum_work_package_page_set_work_package:
 * @store: the store holding @work_package, for its committees and budgets
 * @work_package: the package to show
 *
 * Shows @work_package; the page follows its decisions as they are added.
 */
void
quorum_work_package_page_set_work_package (QuorumWorkPackagePage *self,
                                           QuorumStore           *store,
                                           QuorumWorkPackage     *work_package)
{
  const char *quarter;
  const char *committee;
  g_autofree char *subtitle = NULL;
  gboolean same;

  g_return_if_fail (QUORUM_IS_WORK_PACKAGE_PAGE (self));
  g_return_if_fail (QUORUM_IS_STORE (store));
  g_return_if_fail (QUORUM_IS_WORK_PACKAGE (work_package));

  /* The same package again, e.g. from the store reloaded: keep the place. */
  same = self->work_package != NULL &&
         g_strcmp0 (quorum_work_package_get_id (self->work_package),
                    quorum_work_package_get_id (work_package)) == 0;

  disconnect_work_package (self);
  g_set_object (&self->store, store);
  g_set_object (&self->work_package, work_package);

  g_signal_connect_object (work_package, "notify::outcome",
                           G_CALLBACK (update_decide_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (quorum_work_package_get_decisions (work_package), "items-changed",
                           G_CALLBACK (decisions_changed_cb), self, G_CONNECT_SWAPPED);

  quarter = quorum_work_package_get_quarter (work_package);
  committee = quorum_ui_committee_short_name (store,
                                              quorum_work_package_get_committee (work_package));
  if (quarter != NULL && committee != NULL)
    subtitle = g_strdup_printf ("%s · %s", quarter, committee);
  else
    subtitle = g_strdup (quarter != NULL ? quarter : committee);
  adw_window_title_set_title (self->window_title, quorum_work_package_get_title (work_package));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_label_set_text (self->title_label, quorum_work_package_get_title (work_package));

  quorum_ui_clear_list_box (self->summary_list);
  quorum_ui_clear_list_box (self->estimate_list);
  quorum_ui_clear_list_box (self->actual_list);
  quorum_ui_clear_list_box (self->budget_list);
  fill_summary (self);
  fill_estimate (self);
  fill_actual (self);
  fill_budget_line (self);
  bind_history (self);
  update_decide_state (self);
  quorum_note_button_set_target (QUORUM_NOTE_BUTTON (self->note_button),
                                 g_variant_new ("(sssss)", "work_package",
                                                quorum_work_package_get_id (work_package),
                                                "", "", ""));
  if (!same)
    scroll_to_top (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORK_PACKAGE]);
}

/**
 * quorum_work_package_page_get_busy:
 *
 * Returns: %TRUE while a decision on the package is being written
 */
gboolean
quorum_work_package_page_get_busy (QuorumWorkPackagePage *self)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE_PAGE (self), FALSE);
  return self->busy;
}

/**
 * quorum_work_package_page_set_busy:
 *
 * While @busy, the decide buttons are insensitive and a spinner turns.
 */
void
quorum_work_package_page_set_busy (QuorumWorkPackagePage *self,
                                   gboolean               busy)
{
  g_return_if_fail (QUORUM_IS_WORK_PACKAGE_PAGE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  if (self->work_package != NULL)
    update_decide_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}
