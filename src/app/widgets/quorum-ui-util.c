/* quorum-ui-util.c: how the app shows amounts, dates and outcomes
 *
 * Shared by the views so that a figure, a date or an outcome reads the same
 * everywhere: money through quorum_amount_format_display(), a sign on every
 * variance (so that an overspend is never told by colour alone), dates in
 * the user's time zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "quorum-slot-model.h"
#include "quorum-ui-util.h"

static const char * const pill_kinds[] = { "success", "error", "warning", "accent", "neutral" };

/**
 * quorum_ui_display_path:
 * @path: a file or folder
 *
 * Returns: (transfer full): @path for people: in UTF-8, with `~` for the
 *   home folder
 */
char *
quorum_ui_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  g_autofree char *display = g_filename_display_name (path);

  if (home != NULL && g_str_has_prefix (display, home) && display[strlen (home)] == '/')
    return g_strconcat ("~", display + strlen (home), NULL);
  return g_steal_pointer (&display);
}

/**
 * quorum_ui_format_amount:
 *
 * Returns: (transfer full): @hundredths of a pound, e.g. `£202,802` or `−£5.50`
 */
char *
quorum_ui_format_amount (gint64 hundredths)
{
  return quorum_amount_format_display (hundredths, "GBP");
}

/* @hundredths of a pound with its sign and @decimals decimals, e.g.
 * `+£23,119.50`, `−£1,000.00` or `£0`. */
static char *
format_signed_amount (gint64 hundredths,
                      guint  decimals)
{
  g_autofree char *text = quorum_amount_format_decimals (hundredths, "GBP", decimals);

  if (hundredths > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

/**
 * quorum_ui_format_days:
 * @hundredths: a number of days in hundredths
 *
 * Returns: (transfer full): e.g. `5.5 days`
 */
char *
quorum_ui_format_days (gint64 hundredths)
{
  g_autofree char *number = quorum_amount_format_display (hundredths, "count");
  gulong n = hundredths % 100 == 0 ? (gulong) ABS (hundredths / 100) : 2;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", n), number);
}

/**
 * quorum_ui_format_date:
 * @date: (nullable): `YYYY-MM-DD`
 *
 * Returns: (transfer full) (nullable): e.g. `1 April 2020`, or %NULL
 *   when @date is %NULL or not a date
 */
char *
quorum_ui_format_date (const char *date)
{
  g_autoptr(GDateTime) when = NULL;
  int year, month, day;
  char end;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    return NULL;
  when = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (when == NULL)
    return NULL;
  /* TRANSLATORS: a date, as g_date_time_format() writes it, e.g. "1 April 2020" */
  return g_date_time_format (when, _("%-d %B %Y"));
}

/**
 * quorum_ui_format_timestamp:
 * @timestamp: (nullable): RFC 3339, e.g. `2020-03-12T10:31:00Z`
 *
 * Returns: (transfer full) (nullable): the moment in the local time zone,
 *   e.g. `12 March 2020, 10:31`, or %NULL when @timestamp is not one
 */
char *
quorum_ui_format_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  /* TRANSLATORS: a date and time, as g_date_time_format() writes it,
   * e.g. "12 March 2020, 10:31" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/**
 * quorum_ui_format_variance:
 * @css_class: (out) (optional): `error` when the out-turn is more than
 *   %QUORUM_UI_OVERSPEND_ERROR_PERCENT over the estimate, `warning` when it
 *   is over at all, otherwise %NULL
 *
 * Returns: (transfer full) (nullable): the out-turn less the estimate and
 *   that as a percentage of the estimate, e.g. `+£23,119.50 (+11.4%)`, or
 *   %NULL while no out-turn is reported
 */
char *
quorum_ui_format_variance (QuorumWorkPackage  *work_package,
                           const char        **css_class)
{
  return quorum_ui_format_variance_decimals (work_package, 0, css_class);
}

/**
 * quorum_ui_format_variance_decimals:
 * @decimals: the amount's decimals, as quorum_amount_decimals() decides
 *   for a column of variances (pence are shown where there are some
 *   whatever it says)
 * @css_class: (out) (optional): as for quorum_ui_format_variance()
 *
 * Returns: (transfer full) (nullable): the variance, its percentage with
 *   the one precision of every percentage (quorum_amount_format_percent())
 */
char *
quorum_ui_format_variance_decimals (QuorumWorkPackage  *work_package,
                                    guint               decimals,
                                    const char        **css_class)
{
  g_autofree char *amount_text = NULL;
  g_autofree char *percent_text = NULL;
  gint64 amount, percent;

  if (css_class != NULL)
    *css_class = NULL;
  if (!quorum_work_package_get_variance (work_package, &amount, &percent))
    return NULL;

  if (css_class != NULL && amount > 0)
    *css_class = percent > QUORUM_UI_OVERSPEND_ERROR_PERCENT ? "error" : "warning";
  amount_text = format_signed_amount (amount, decimals);
  percent_text = quorum_amount_format_percent (percent);
  /* TRANSLATORS: a variance: an amount, then a percentage, e.g. "+£23,119.50 (+11.4%)" */
  return g_strdup_printf (_("%s (%s)"), amount_text, percent_text);
}

/**
 * quorum_ui_outcome_icon_name:
 *
 * Returns: the symbolic icon shown beside @outcome
 */
const char *
quorum_ui_outcome_icon_name (QuorumOutcome outcome)
{
  switch (outcome)
    {
    case QUORUM_OUTCOME_APPROVED: return "object-select-symbolic";
    case QUORUM_OUTCOME_REJECTED: return "window-close-symbolic";
    case QUORUM_OUTCOME_DEFERRED: return "alarm-symbolic";
    case QUORUM_OUTCOME_AWAITING:
    default: return "user-status-pending-symbolic";
    }
}

/**
 * quorum_ui_outcome_css_class:
 *
 * Returns: the kind of pill (see quorum_ui_set_pill()) for @outcome
 */
const char *
quorum_ui_outcome_css_class (QuorumOutcome outcome)
{
  switch (outcome)
    {
    case QUORUM_OUTCOME_APPROVED: return "success";
    case QUORUM_OUTCOME_REJECTED: return "error";
    case QUORUM_OUTCOME_DEFERRED: return "warning";
    case QUORUM_OUTCOME_AWAITING:
    default: return "accent";
    }
}

/**
 * quorum_ui_decision_outcome:
 * @decision: (nullable): `approve`, `reject` or `defer`
 *
 * Returns: the outcome @decision gives its package
 */
QuorumOutcome
quorum_ui_decision_outcome (const char *decision)
{
  if (g_strcmp0 (decision, "approve") == 0)
    return QUORUM_OUTCOME_APPROVED;
  if (g_strcmp0 (decision, "reject") == 0)
    return QUORUM_OUTCOME_REJECTED;
  if (g_strcmp0 (decision, "defer") == 0)
    return QUORUM_OUTCOME_DEFERRED;
  return QUORUM_OUTCOME_AWAITING;
}

/**
 * quorum_ui_decision_label:
 * @decision: `approve`, `reject` or `defer`
 *
 * Returns: what the decision made the package, e.g. “Approved”
 */
const char *
quorum_ui_decision_label (const char *decision)
{
  return quorum_outcome_get_label (quorum_ui_decision_outcome (decision));
}

/**
 * quorum_ui_decision_icon_name:
 * @decision: `approve`, `reject` or `defer`
 *
 * Returns: the symbolic icon shown beside @decision
 */
const char *
quorum_ui_decision_icon_name (const char *decision)
{
  return quorum_ui_outcome_icon_name (quorum_ui_decision_outcome (decision));
}

/**
 * quorum_ui_status_label:
 * @status: (nullable): a work package's status
 *
 * Returns: the secretariat's status of a work package, for people
 */
const char *
quorum_ui_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("work package status", "Draft");
  if (g_strcmp0 (status, "submitted") == 0)
    return C_("work package status", "Submitted");
  if (g_strcmp0 (status, "withdrawn") == 0)
    return C_("work package status", "Withdrawn");
  if (g_strcmp0 (status, "closed") == 0)
    return C_("work package status", "Closed");
  return C_("work package status", "Not stated");
}

/**
 * quorum_ui_kind_label:
 * @kind: (nullable): a work package's kind
 *
 * Returns: the kind of a work package, for people
 */
const char *
quorum_ui_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "quarterly") == 0)
    return _("Quarterly work package");
  if (g_strcmp0 (kind, "project-brief") == 0)
    return _("Project brief");
  if (g_strcmp0 (kind, "contingency-drawdown") == 0)
    return _("Contingency drawdown");
  return _("Not stated");
}

/**
 * quorum_ui_grade_label:
 * @grade: a grade id, e.g. `grade-4`
 *
 * Returns: (transfer full): e.g. “Grade 4”; another id as it is
 */
char *
quorum_ui_grade_label (const char *grade)
{
  if (g_str_has_prefix (grade, "grade-") && grade[6] != '\0')
    /* TRANSLATORS: a staff grade, e.g. "Grade 4" */
    return g_strdup_printf (_("Grade %s"), grade + 6);
  return g_strdup (grade);
}

/**
 * quorum_ui_committee_short_name:
 * @store: (nullable): the store whose register names the committee
 * @committee_id: (nullable): a committee id
 *
 * Returns: (nullable): the committee's short name from the register, else
 *   @committee_id itself
 */
const char *
quorum_ui_committee_short_name (QuorumStore *store,
                                const char  *committee_id)
{
  QuorumCommittee *committee = NULL;

  if (committee_id == NULL)
    return NULL;
  if (store != NULL)
    committee = quorum_store_find_committee (store, committee_id);
  return committee != NULL ? quorum_committee_get_short_name (committee) : committee_id;
}

/**
 * quorum_ui_has_pending_sync:
 *
 * Returns: %TRUE when a decision on @work_package was written here and is
 *   not yet sent to the remote
 */
gboolean
quorum_ui_has_pending_sync (QuorumWorkPackage *work_package)
{
  GListModel *decisions = quorum_work_package_get_decisions (work_package);
  guint n = g_list_model_get_n_items (decisions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumDecision) decision = g_list_model_get_item (decisions, i);

      if (quorum_decision_get_pending_sync (decision))
        return TRUE;
    }
  return FALSE;
}

/**
 * quorum_ui_watch_outcomes:
 * @work_packages: a model of #QuorumWorkPackage
 * @position: the first item to watch
 * @n_items: how many
 * @callback: called as `callback (object)` when the outcome of one changes
 * @object: a #GObject; the handlers go when it does
 *
 * Connects @callback to `notify::outcome` of the items, once per item.
 * Call it from the model's `items-changed` handler with the added items.
 */
void
quorum_ui_watch_outcomes (GListModel *work_packages,
                          guint       position,
                          guint       n_items,
                          GCallback   callback,
                          gpointer    object)
{
  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(QuorumWorkPackage) work_package = g_list_model_get_item (work_packages, i);

      if (g_signal_handler_find (work_package, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                 0, 0, NULL, callback, object) == 0)
        g_signal_connect_object (work_package, "notify::outcome", callback, object,
                                 G_CONNECT_SWAPPED);
    }
}

/**
 * quorum_ui_pill_new:
 *
 * Returns: (transfer floating): a rounded status pill, an icon and a text;
 *   see quorum_ui_pill_set()
 */
GtkWidget *
quorum_ui_pill_new (void)
{
  GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new ();

  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_set_halign (pill, GTK_ALIGN_START);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (pill), icon);
  gtk_box_append (GTK_BOX (pill), gtk_label_new (NULL));
  return pill;
}

/**
 * quorum_ui_pill_set:
 * @pill: from quorum_ui_pill_new()
 * @icon_name: (nullable): a symbolic icon, or %NULL for none
 * @text: (nullable): the words, or %NULL for an icon alone (give the pill an
 *   accessible label and a tooltip then)
 * @kind: `success`, `error`, `warning`, `accent` or `neutral` (see style.css)
 *
 * The text always says what the colour says.
 */
void
quorum_ui_pill_set (GtkWidget  *pill,
                    const char *icon_name,
                    const char *text,
                    const char *kind)
{
  GtkWidget *icon = gtk_widget_get_first_child (pill);
  GtkWidget *label = gtk_widget_get_last_child (pill);

  for (guint i = 0; i < G_N_ELEMENTS (pill_kinds); i++)
    gtk_widget_remove_css_class (pill, pill_kinds[i]);
  gtk_widget_add_css_class (pill, kind);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_set_visible (icon, icon_name != NULL);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_visible (label, text != NULL);
}

/**
 * quorum_ui_pill_set_outcome:
 * @pill: from quorum_ui_pill_new()
 *
 * Shows @outcome in @pill, e.g. “Approved” with a tick.
 */
void
quorum_ui_pill_set_outcome (GtkWidget     *pill,
                            QuorumOutcome  outcome)
{
  quorum_ui_pill_set (pill, quorum_ui_outcome_icon_name (outcome),
                      quorum_outcome_get_label (outcome), quorum_ui_outcome_css_class (outcome));
}

/**
 * quorum_ui_cell_new:
 * @xalign: 0 for text, 1 for figures
 * @chars: how wide, in characters
 *
 * Returns: (transfer floating): a one-line column view cell (a
 *   #GtkInscription) @chars wide, whatever it shows, so that columns do not
 *   change width as rows scroll in; what does not fit is ellipsized
 */
GtkWidget *
quorum_ui_cell_new (float xalign,
                    guint chars)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), xalign);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* Given a taller row, an inscription would wrap onto more lines. */
  gtk_widget_set_valign (inscription, GTK_ALIGN_CENTER);
  if (xalign == 1)
    gtk_widget_add_css_class (inscription, "numeric");
  return inscription;
}

/**
 * quorum_ui_cell_set_text:
 * @item: a list item whose child is from quorum_ui_cell_new()
 */
void
quorum_ui_cell_set_text (GtkListItem *item,
                         const char  *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

/* An AdwBin that lays its child out itself, to know its width. */

static GQuark
fold_quark (void)
{
  return g_quark_from_static_string ("quorum-ui-fold");
}

static void
fold_bin_measure (GtkWidget      *bin,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (bin));

  *minimum = *natural = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

static void
fold_bin_size_allocate (GtkWidget *bin,
                        int        width,
                        int        height,
                        int        baseline)
{
  QuorumUiFoldFunc fold = g_type_get_qdata (G_OBJECT_TYPE (bin), fold_quark ());
  GtkWidget *child = adw_bin_get_child (ADW_BIN (bin));

  fold (bin, width);
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/**
 * quorum_ui_bin_class_fold_on_width:
 * @widget_class: the class of an #AdwBin subclass
 * @fold: called with the bin's width before its child is allocated, to
 *   fold its columns when narrow
 *
 * Makes the bin lay its child out itself, so that it knows its width;
 * each instance calls gtk_widget_set_layout_manager (bin, NULL) in its
 * init, after its template.
 */
void
quorum_ui_bin_class_fold_on_width (GtkWidgetClass   *widget_class,
                                   QuorumUiFoldFunc  fold)
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), fold_quark (), fold);
  widget_class->measure = fold_bin_measure;
  widget_class->size_allocate = fold_bin_size_allocate;
}

/* Which of its steps a view's columns are folded to. */
typedef enum
{
  FOLD_WIDE,
  FOLD_MEDIUM,
  FOLD_NARROW,
} Fold;

struct _QuorumUiColumnFold
{
  int medium_width;
  int narrow_width;
  GPtrArray *medium_hides;      /* of GtkColumnViewColumn, hidden below medium_width */
  GPtrArray *narrow_hides;      /* hidden below narrow_width */
  GPtrArray *narrow_shows;      /* shown below narrow_width only */
  Fold fold;
};

static GPtrArray *
column_array_new (GtkColumnViewColumn * const *list)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    g_ptr_array_add (array, g_object_ref (list[i]));
  return array;
}

static void
set_columns_visible (GPtrArray *columns,
                     gboolean   visible)
{
  for (guint i = 0; i < columns->len; i++)
    gtk_column_view_column_set_visible (columns->pdata[i], visible);
}

static void
show_fold (QuorumUiColumnFold *fold)
{
  set_columns_visible (fold->medium_hides, fold->fold == FOLD_WIDE);
  set_columns_visible (fold->narrow_hides, fold->fold != FOLD_NARROW);
  set_columns_visible (fold->narrow_shows, fold->fold == FOLD_NARROW);
}

/**
 * quorum_ui_column_fold_new:
 * @medium_width: narrower than this, the medium step (0: none)
 * @narrow_width: narrower than this, the narrow step
 *
 * The columns a view folds at its width, in two steps or three, for the
 * view's fold function (quorum_ui_bin_class_fold_on_width()) to apply;
 * it starts wide, with no column (quorum_ui_column_fold_set_columns()).
 *
 * Returns: (transfer full): the fold, for quorum_ui_column_fold_free()
 */
QuorumUiColumnFold *
quorum_ui_column_fold_new (int medium_width,
                           int narrow_width)
{
  QuorumUiColumnFold *fold = g_new0 (QuorumUiColumnFold, 1);

  fold->medium_width = medium_width;
  fold->narrow_width = narrow_width;
  fold->medium_hides = column_array_new (NULL);
  fold->narrow_hides = column_array_new (NULL);
  fold->narrow_shows = column_array_new (NULL);
  return fold;
}

void
quorum_ui_column_fold_free (QuorumUiColumnFold *fold)
{
  if (fold == NULL)
    return;
  g_ptr_array_unref (fold->medium_hides);
  g_ptr_array_unref (fold->narrow_hides);
  g_ptr_array_unref (fold->narrow_shows);
  g_free (fold);
}

/**
 * quorum_ui_column_fold_set_columns:
 * @medium_hides: (nullable): a %NULL-terminated list of the columns hidden
 *   below the medium width (and below the narrow one)
 * @narrow_hides: (nullable): those hidden below the narrow width
 * @narrow_shows: (nullable): those shown below the narrow width only
 *
 * Names the columns @fold folds, replacing those it had (when a view's
 * columns change), and shows them as the width last applied calls for.
 */
void
quorum_ui_column_fold_set_columns (QuorumUiColumnFold          *fold,
                                   GtkColumnViewColumn * const *medium_hides,
                                   GtkColumnViewColumn * const *narrow_hides,
                                   GtkColumnViewColumn * const *narrow_shows)
{
  g_return_if_fail (fold != NULL);

  g_ptr_array_unref (fold->medium_hides);
  g_ptr_array_unref (fold->narrow_hides);
  g_ptr_array_unref (fold->narrow_shows);
  fold->medium_hides = column_array_new (medium_hides);
  fold->narrow_hides = column_array_new (narrow_hides);
  fold->narrow_shows = column_array_new (narrow_shows);
  show_fold (fold);
}

/**
 * quorum_ui_column_fold_apply:
 * @fold: (nullable): a fold, or %NULL (a view disposed of) for nothing
 * @width: the view's width
 *
 * Folds the columns as @width calls for; does nothing when they are
 * folded so already.
 */
void
quorum_ui_column_fold_apply (QuorumUiColumnFold *fold,
                             int                 width)
{
  Fold step;

  if (fold == NULL)
    return;
  step = width < fold->narrow_width ? FOLD_NARROW
         : width < fold->medium_width ? FOLD_MEDIUM
         : FOLD_WIDE;
  if (step == fold->fold)
    return;
  fold->fold = step;
  show_fold (fold);
}

/**
 * quorum_ui_add_css_resource:
 * @resource_path: a style sheet in the app's resources
 *
 * Adds the style sheet to the default display, at the application's
 * priority, the first time it is asked for (on the main thread); does
 * nothing without a display.
 */
void
quorum_ui_add_css_resource (const char *resource_path)
{
  static GHashTable *added;     /* of resource paths */
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  g_return_if_fail (resource_path != NULL);

  if (display == NULL)
    return;
  if (added == NULL)
    added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_add (added, g_strdup (resource_path)))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource_path);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/**
 * quorum_ui_clear_list_box:
 *
 * Removes every row of @list_box (GTK 4.8 has no gtk_list_box_remove_all()).
 */
void
quorum_ui_clear_list_box (GtkListBox *list_box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);
}

/**
 * quorum_ui_set_tooltip_text:
 * @widget: a widget (one in no container yet is quick to set)
 * @text: (nullable): its tooltip, %NULL for none
 *
 * Sets @widget's tooltip as gtk_widget_set_tooltip_text () does, without
 * the pointer query: GTK 4.8 asks the display where the pointer is (on X11
 * a round trip to the server, two requests) each time a visible widget's
 * tooltip is set, to show the new tooltip at once if the pointer is over
 * it. A widget in no container is under no pointer: it is set hidden, so
 * that the overview's rows, built before the window's first frame, wait
 * for no server.
 */
void
quorum_ui_set_tooltip_text (GtkWidget  *widget,
                            const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_parent (widget) != NULL || GTK_IS_ROOT (widget) ||
      !gtk_widget_get_visible (widget))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}

/**
 * quorum_ui_value_row_update:
 * @row: a row showing @title and @value
 *
 * Names @row with its value too ("Quarter: 2020/21 Q1"): a screen reader
 * would read its title alone.
 */
void
quorum_ui_value_row_update (GtkWidget  *row,
                            const char *title,
                            const char *value)
{
  /* TRANSLATORS: a property row's accessible name: "Quarter: 2020/21 Q1" */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), title, value != NULL ? value : "");

  /* Not also labelled by its title: GTK 4.8 would read both. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * quorum_ui_add_text_row:
 * @list_box: (nullable): where to append the row
 * @title: what the text is
 * @subtitle: the text, shown whole (wrapped, never cut short)
 *
 * Returns: (transfer none): the row, appended to @list_box if given
 *   (else floating, for the caller to add)
 */
GtkWidget *
quorum_ui_add_text_row (GtkListBox *list_box,
                        const char *title,
                        const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (list_box != NULL)
    gtk_list_box_append (list_box, row);
  return row;
}

/**
 * quorum_ui_add_value_row:
 * @title: what the value is
 * @value: the value
 *
 * Appends a row showing @title with @value at its end.
 *
 * Returns: (transfer none): the value's label, to style
 */
GtkWidget *
quorum_ui_add_value_row (GtkListBox *list_box,
                         const char *title,
                         const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Wrapped only when long: a short value keeps to one line. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (g_utf8_strlen (value, -1), 28));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "row-value");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (list_box, row);
  quorum_ui_value_row_update (row, title, value);

  return label;
}

/**
 * quorum_ui_findings_badge_text:
 * @n_findings: a document's findings
 * @n_mismatches: how many of them are beyond the tolerance
 *
 * Returns: (transfer full): a findings badge's words: "Adds up",
 *   "2 mismatches", "5 rounding" or "2 mismatches · 5 rounding"
 */
char *
quorum_ui_findings_badge_text (guint n_findings,
                               guint n_mismatches)
{
  guint n_rounding = n_findings - n_mismatches;
  g_autofree char *mismatches = NULL;
  g_autofree char *rounding = NULL;

  if (n_findings == 0)
    return g_strdup (_("Adds up"));
  mismatches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mismatch", "%u mismatches",
                                             n_mismatches), n_mismatches);
  rounding = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rounding", "%u rounding",
                                           n_rounding), n_rounding);
  if (n_mismatches == 0)
    return g_steal_pointer (&rounding);
  if (n_rounding == 0)
    return g_steal_pointer (&mismatches);
  /* TRANSLATORS: a badge: "2 mismatches" · "5 rounding" */
  return g_strdup_printf (_("%s · %s"), mismatches, rounding);
}

/* --- a selection over slots that follows its items ------------------------------- */

/**
 * quorum_ui_slot_selection_new:
 * @model: (transfer full): what to show
 *
 * A multi-selection (nothing selected at first: a click selects a row,
 * Ctrl+click and Shift+click several, Ctrl+A all) over a #QuorumSlotModel
 * of @model, for a list or column view whose rows are to be rebound rather
 * than built again when @model changes. A slot kept is given another item
 * without the selection knowing: so the selection follows the items
 * selected, to where they are after a change, and drops those gone, as a
 * selection over @model itself would. The slot model's "cursor-item" is
 * the selected item a details pane shows.
 *
 * Returns: (transfer full): the selection; its model is the slot model
 */
GtkMultiSelection *
quorum_ui_slot_selection_new (GListModel *model)
{
  QuorumSlotModel *slots;
  GtkMultiSelection *selection;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  slots = quorum_slot_model_new (model);
  selection = gtk_multi_selection_new (G_LIST_MODEL (slots));
  quorum_slot_model_follow_selection (slots, GTK_SELECTION_MODEL (selection));
  return selection;
}

/**
 * quorum_ui_slot_selection_get_slots:
 * @selection: a selection made by quorum_ui_slot_selection_new()
 *
 * Returns: (transfer none): its slot model
 */
QuorumSlotModel *
quorum_ui_slot_selection_get_slots (GtkMultiSelection *selection)
{
  g_return_val_if_fail (GTK_IS_MULTI_SELECTION (selection), NULL);
  return QUORUM_SLOT_MODEL (gtk_multi_selection_get_model (selection));
}

/* --- Ctrl+click in a column view ------------------------------------------------------ */

/* GTK 4.8's column view selects on a click's release from the cell and
 * again from its row: Ctrl+click toggles the row twice and so does
 * nothing. The release is taken here first and the row toggled once,
 * through the cell's own listitem.select. */
static void
ctrl_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkWidget       *view)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked;

  if (n_press != 1 || (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != GDK_CONTROL_MASK)
    return;
  picked = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  if (picked == NULL || gtk_widget_get_ancestor (picked, GTK_TYPE_LIST_VIEW) == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (picked, "listitem.select", "(bb)", TRUE, FALSE);
}

/**
 * quorum_ui_column_view_fix_ctrl_click:
 *
 * Makes Ctrl+click add a row to @view's multi-selection, or take it away,
 * as it should (see ctrl_released_cb()).
 */
void
quorum_ui_column_view_fix_ctrl_click (GtkColumnView *view)
{
  GtkGesture *click;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (ctrl_released_cb), view);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));
}
