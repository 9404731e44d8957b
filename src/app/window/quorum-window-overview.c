/* quorum-window-overview.c: the window's overview of its store
 *
 * What a member looks at first: the headline total of each year as it
 * moved from one budget document to the next (estimated, approved, out-turn),
 * each document with the number of figures that do not add up (opening the
 * Checks view on it), the other views with what is in them, the committees,
 * and every file that could not be loaded, each with the place of the error.
 * Above them, the next meeting and how many actions are open and overdue,
 * made again when the store reloads and when the action log's today moves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-meetings-calendar.h"
#include "quorum-list-row.h"
#include "quorum-ui-util.h"
#include "quorum-window-private.h"

/**
 * _quorum_window_path_in_store:
 *
 * Returns: (transfer none): @file's path inside the store, which is what
 *   people recognise, or @file when it is outside
 */
const char *
_quorum_window_path_in_store (QuorumWindow *self,
                              const char   *file)
{
  const char *root = quorum_store_get_path (self->store);
  gsize len = strlen (root);

  if (g_str_has_prefix (file, root) && file[len] == '/')
    return file + len + 1;
  return file;
}

static char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return g_strdup (_("Draft"));
  if (g_strcmp0 (status, "consultation") == 0)
    return g_strdup (_("In consultation"));
  if (g_strcmp0 (status, "approved") == 0)
    return g_strdup (_("Approved"));
  if (g_strcmp0 (status, "superseded") == 0)
    return g_strdup (_("Superseded"));
  return g_strdup (_("Status not stated"));
}

/* A row of the documents list: the document whose findings to show. */
static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  QuorumBudgetDocument *document = item;
  QuorumWindow *self = user_data;
  guint n_findings = quorum_budget_document_get_n_findings (document);
  guint n_mismatches = quorum_budget_document_get_n_mismatches (document);
  guint n_tables = g_list_model_get_n_items (quorum_budget_document_get_tables (document));
  g_autofree char *status = status_label (quorum_budget_document_get_status (document));
  g_autofree char *years = quorum_budget_document_dup_years (document);
  g_autofree char *tables = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u table",
                                                          "%u tables", n_tables), n_tables);
  g_autofree char *subtitle = NULL;
  g_autofree char *badge_text = NULL;
  g_autofree char *badge_description = NULL;
  GtkWidget *row = quorum_list_row_new ();
  GtkWidget *badge;
  GString *parts = g_string_new (status);

  if (years != NULL)
    g_string_append_printf (parts, " · %s", years);
  if (quorum_budget_document_get_version (document) != NULL)
    {
      g_string_append (parts, " · ");
      /* TRANSLATORS: a document's version, e.g. "version 3.1" */
      g_string_append_printf (parts, _("version %s"),
                              quorum_budget_document_get_version (document));
    }
  g_string_append_printf (parts, " · %s · %s", tables,
                          _quorum_window_path_in_store (
                            self, quorum_budget_document_get_file (document)));
  subtitle = g_string_free (parts, FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 quorum_budget_document_get_title (document));
  quorum_list_row_set_subtitle (QUORUM_LIST_ROW (row), subtitle);
  quorum_list_row_set_subtitle_lines (QUORUM_LIST_ROW (row), 2);

  badge_text = quorum_ui_findings_badge_text (n_findings, n_mismatches);
  if (n_findings == 0)
    badge_description = g_strdup (_("Every checked figure adds up"));
  else
    badge_description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%u figure does not add up: %u beyond "
                                                      "the tolerance, %u within it (rounding)",
                                                      "%u figures do not add up: %u beyond "
                                                      "the tolerance, %u within it (rounding)",
                                                      n_findings),
                                         n_findings, n_mismatches, n_findings - n_mismatches);

  badge = gtk_label_new (badge_text);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "findings-badge");
  gtk_widget_add_css_class (badge, n_mismatches > 0 ? "mismatch"
                                   : n_findings > 0 ? "rounding" : "clean");
  quorum_ui_set_tooltip_text (badge, badge_description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, badge_description, -1);
  quorum_list_row_add_suffix (QUORUM_LIST_ROW (row), badge);

  /* Activated, the row shows the document's findings in the Checks view. */
  if (n_findings > 0)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      quorum_list_row_add_suffix (QUORUM_LIST_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      quorum_ui_set_tooltip_text (row, _("Show the findings of this document"));
    }

  return row;
}

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer user_data)
{
  QuorumProblem *problem = item;
  QuorumWindow *self = user_data;
  GtkWidget *row = quorum_list_row_new ();
  const char *cause = quorum_problem_get_caused_by (problem);
  GtkWidget *icon = gtk_image_new_from_icon_name (cause != NULL ? "dialog-information-symbolic"
                                                                : "dialog-warning-symbolic");
  g_autofree char *subtitle = NULL;

  /* A knock-on problem: the file loads, but lacks what a broken one held. */
  if (cause != NULL)
    subtitle = g_strdup_printf (_("Affected by %s, which has errors; this file still loads\n%s"),
                                _quorum_window_path_in_store (self, cause),
                                quorum_problem_get_message (problem));
  else if (quorum_problem_get_line (problem) > 0)
    subtitle = g_strdup_printf (_("Line %u, column %u · %s\n%s"),
                                quorum_problem_get_line (problem),
                                quorum_problem_get_column (problem),
                                quorum_problem_get_path (problem),
                                quorum_problem_get_message (problem));
  else
    subtitle = g_strdup_printf ("%s\n%s", quorum_problem_get_path (problem),
                                quorum_problem_get_message (problem));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _quorum_window_path_in_store (self,
                                                               quorum_problem_get_file (problem)));
  quorum_list_row_set_subtitle (QUORUM_LIST_ROW (row), subtitle);
  quorum_list_row_set_subtitle_lines (QUORUM_LIST_ROW (row), 4);
  gtk_widget_add_css_class (icon, cause != NULL ? "dim-label" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cause != NULL ? _("Affected") : _("Error"), -1);
  quorum_list_row_add_prefix (QUORUM_LIST_ROW (row), icon);

  return row;
}

static GtkWidget *
create_committee_row (gpointer item,
                      gpointer user_data)
{
  QuorumCommittee *committee = item;
  GtkWidget *row = quorum_list_row_new ();
  g_autofree char *title = NULL;
  GString *subtitle = g_string_new (NULL);

  if (g_strcmp0 (quorum_committee_get_short_name (committee),
                 quorum_committee_get_name (committee)) == 0)
    title = g_strdup (quorum_committee_get_name (committee));
  else
    title = g_strdup_printf ("%s — %s", quorum_committee_get_short_name (committee),
                             quorum_committee_get_name (committee));

  if (quorum_committee_get_service_area (committee) != NULL)
    g_string_append (subtitle, quorum_committee_get_service_area (committee));
  if (quorum_committee_get_meets (committee) != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* TRANSLATORS: how often a committee meets, from the store, e.g.
       * "meets monthly" */
      g_string_append_printf (subtitle, _("meets %s"), quorum_committee_get_meets (committee));
    }

  /* The note, a paragraph, is in full on the committee's page, which the
   * row opens; here it is the tooltip (laying out fourteen paragraphs was
   * much of the work of the window's first frame). */
  if (quorum_committee_get_note (committee) != NULL)
    quorum_ui_set_tooltip_text (row, quorum_committee_get_note (committee));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  quorum_list_row_add_suffix (QUORUM_LIST_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  /* Not read here (activation looks the committee up by the row's index):
   * the tests find the row by its name. */
  gtk_widget_set_name (row, quorum_committee_get_id (committee));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  quorum_list_row_set_subtitle (QUORUM_LIST_ROW (row), subtitle->str);
  g_string_free (subtitle, TRUE);

  return row;
}

/* The committees list is bound to the store's committees: a row's index
 * is its committee's. */
static void
committee_row_activated_cb (QuorumWindow  *self,
                            GtkListBoxRow *row)
{
  g_autoptr(QuorumCommittee) committee =
    g_list_model_get_item (quorum_store_get_committees (self->store),
                           gtk_list_box_row_get_index (row));

  if (committee == NULL)
    return;
  _quorum_window_show_view (self, "committees");
  quorum_committees_view_show_committee (self->committees_view,
                                         quorum_committee_get_id (committee));
}

/* The documents list is bound to the store's documents: a row's index is
 * its document's. */
static void
document_row_activated_cb (QuorumWindow  *self,
                           GtkListBoxRow *row)
{
  g_autoptr(QuorumBudgetDocument) document =
    g_list_model_get_item (quorum_store_get_documents (self->store),
                           gtk_list_box_row_get_index (row));

  if (document == NULL)
    return;
  /* Shown first: the view is given the store when first shown. */
  _quorum_window_show_view (self, "checks");
  quorum_checks_view_set_severity (self->checks_view, QUORUM_CHECKS_SEVERITY_ALL);
  quorum_checks_view_set_document (self->checks_view, quorum_budget_document_get_id (document));
}

static const char *
phase_label (const char *phase)
{
  if (g_strcmp0 (phase, "estimated") == 0)
    return _("Estimated");
  if (g_strcmp0 (phase, "approved") == 0)
    return _("Approved");
  if (g_strcmp0 (phase, "outturn") == 0 || g_strcmp0 (phase, "out-turn") == 0)
    return _("Out-turn");
  return phase != NULL ? phase : _("Phase not stated");
}

/* Only the titles and changes wrap: a wrapping label in a grid is measured
 * at many widths, which made this grid most of the first frame's work. */
static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* @hundredths of a pound with its sign: `+£23,119.50`, `−£1,000`. */
static char *
format_signed_amount (gint64 hundredths)
{
  g_autofree char *text = quorum_ui_format_amount (hundredths);

  if (hundredths > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

/* How a year's total moved since the document before: the sign in words,
 * an icon, the difference and the percentage. A grid: GTK 4.8 lays a
 * wrapping label out at many widths in a horizontal box. */
static GtkWidget *
change_box (QuorumFigure *previous,
            QuorumFigure *figure)
{
  GtkWidget *box = gtk_grid_new ();
  GtkWidget *label;
  gint64 from = quorum_figure_get_amount (previous);
  gint64 to = quorum_figure_get_amount (figure);
  gint64 difference = 0;
  gint64 percent = 0;
  gboolean has_percent = quorum_amount_change (from, to, &difference, &percent);
  g_autofree char *amount = format_signed_amount (difference);
  g_autofree char *percent_text = has_percent ? quorum_amount_format_percent (percent) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  const char *icon_name;
  const char *css_class;

  if (difference > 0)
    {
      icon_name = "go-up-symbolic";
      css_class = "change-up";
      description = g_strdup_printf (_("Up %s since %s"), amount,
                                     quorum_figure_get_document_title (previous));
    }
  else if (difference < 0)
    {
      icon_name = "go-down-symbolic";
      css_class = "change-down";
      description = g_strdup_printf (_("Down %s since %s"), amount,
                                     quorum_figure_get_document_title (previous));
    }
  else
    {
      icon_name = "equal-symbolic";
      css_class = "change-none";
      description = g_strdup_printf (_("Unchanged since %s"),
                                     quorum_figure_get_document_title (previous));
    }

  if (difference == 0)
    text = g_strdup (_("unchanged"));
  else if (percent_text != NULL)
    text = g_strdup_printf ("%s (%s)", amount, percent_text);
  else
    text = g_strdup (amount);

  gtk_widget_add_css_class (box, "headline-change");
  gtk_widget_add_css_class (box, css_class);
  gtk_grid_set_column_spacing (GTK_GRID (box), 4);
  gtk_grid_attach (GTK_GRID (box), gtk_image_new_from_icon_name (icon_name), 0, 0, 1, 1);
  label = grid_label (text, 0, "numeric");
  /* The longest text of a cell: it wraps in a narrow window. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_grid_attach (GTK_GRID (box), label, 1, 0, 1, 1);
  quorum_ui_set_tooltip_text (box, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return box;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A grid: a line a year, a column a document (oldest first), each cell the
 * year's headline total in that document, its phase, and its change. */
static GtkWidget *
build_headline_grid (GListModel *figures)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();  /* ids, in order */
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  /* GTK 4.8 sends no table interface over AT-SPI (no header cells, no
   * row or column index): the grid is a table and each cell is named with
   * its year and document, "2019/20, SEC Panel Budget 2018–2021: £1,082,102,
   * Approved". */
  GtkWidget *grid = g_object_new (GTK_TYPE_GRID, "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE,
                                  NULL);
  guint n = g_list_model_get_n_items (figures);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumFigure) figure = g_list_model_get_item (figures, i);
      const char *document = quorum_figure_get_document (figure);
      const char *year = quorum_figure_get_year (figure);

      if (!g_ptr_array_find_with_equal_func (documents, document, g_str_equal, NULL))
        {
          g_ptr_array_add (documents, (gpointer) document);
          g_ptr_array_add (titles, (gpointer) quorum_figure_get_document_title (figure));
        }
      if (!g_ptr_array_find_with_equal_func (years, year, g_str_equal, NULL))
        g_ptr_array_add (years, (gpointer) year);
    }
  g_ptr_array_sort (years, compare_strings);

  gtk_widget_add_css_class (grid, "headline-grid");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Headline totals by year"), -1);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), grid_label (_("Year"), 0, "heading"), 0, 0, 1, 1);
  for (guint d = 0; d < documents->len; d++)
    {
      GtkWidget *title = grid_label (g_ptr_array_index (titles, d), 0, "heading");

      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_grid_attach (GTK_GRID (grid), title, d + 1, 0, 1, 1);
    }

  for (guint y = 0; y < years->len; y++)
    {
      const char *year = g_ptr_array_index (years, y);
      QuorumFigure *previous = NULL;

      gtk_grid_attach (GTK_GRID (grid), grid_label (year, 0, "heading"), 0, y + 1, 1, 1);
      for (guint d = 0; d < documents->len; d++)
        {
          QuorumFigure *figure = NULL;
          GtkWidget *cell = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL,
                                          "spacing", 2,
                                          "accessible-role", GTK_ACCESSIBLE_ROLE_CELL, NULL);
          const char *title = g_ptr_array_index (titles, d);
          GtkWidget *label;
          g_autofree char *amount = NULL;
          g_autofree char *name = NULL;

          for (guint i = 0; i < n && figure == NULL; i++)
            {
              QuorumFigure *candidate = g_list_model_get_item (figures, i);

              if (g_str_equal (quorum_figure_get_year (candidate), year) &&
                  g_str_equal (quorum_figure_get_document (candidate),
                               g_ptr_array_index (documents, d)))
                figure = candidate;
              g_object_unref (candidate);  /* the model keeps it */
            }
          gtk_grid_attach (GTK_GRID (grid), cell, d + 1, y + 1, 1, 1);
          if (figure == NULL)
            {
              GtkWidget *none = grid_label ("—", 0, "dim-label");

              quorum_ui_set_tooltip_text (none, _("Not in this document"));
              gtk_box_append (GTK_BOX (cell), none);
              /* TRANSLATORS: a cell of the headline totals, for a screen reader */
              name = g_strdup_printf (_("%s, %s: not in this document"), year, title);
              gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
              continue;
            }

          amount = quorum_ui_format_amount (quorum_figure_get_amount (figure));
          label = grid_label (amount, 0, "headline-amount");
          gtk_widget_add_css_class (label, "numeric");
          gtk_box_append (GTK_BOX (cell), label);
          label = grid_label (phase_label (quorum_figure_get_phase (figure)), 0, "caption");
          gtk_widget_add_css_class (label, "dim-label");
          gtk_box_append (GTK_BOX (cell), label);
          if (previous != NULL)
            gtk_box_append (GTK_BOX (cell), change_box (previous, figure));
          previous = figure;
          /* TRANSLATORS: a cell of the headline totals, for a screen reader:
           * its year, its document, the total and its phase */
          name = g_strdup_printf (_("%s, %s: %s, %s"), year, title, amount,
                                  phase_label (quorum_figure_get_phase (figure)));
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
        }
    }
  return grid;
}

static void
update_headline (QuorumWindow *self)
{
  g_autoptr(GListModel) figures =
    quorum_figures_headline (quorum_store_get_documents (self->store));
  GtkWidget *card;

  gtk_widget_set_visible (self->headline_group, g_list_model_get_n_items (figures) > 0);
  if (g_list_model_get_n_items (figures) == 0)
    {
      adw_bin_set_child (self->headline_bin, NULL);
      return;
    }

  card = build_headline_grid (figures);
  gtk_widget_add_css_class (card, "card");
  adw_bin_set_child (self->headline_bin, card);
}

/* The other views the overview links to, in order. */
static const struct {
  const char *view;
  const char *icon_name;
  const char *title;
} links[] = {
  { "budgets", "x-office-spreadsheet-symbolic", N_("Budgets") },
  { "committees", "system-users-symbolic", N_("Committees") },
  { "meetings", "x-office-calendar-symbolic", N_("Meetings") },
  { "checks", "emblem-important-symbolic", N_("Checks") },
  { "work-packages", "view-list-bullet-symbolic", N_("Work Packages") },
  { "budget-pressure", "power-profile-performance-symbolic", N_("Budget Pressure") },
};

/* What is in the view @link, for its row's subtitle. */
static char *
link_subtitle (QuorumWindow *self,
               guint         link)
{
  GListModel *documents = quorum_store_get_documents (self->store);
  guint n_documents = g_list_model_get_n_items (documents);
  guint n_findings = 0;
  guint n_mismatches = 0;
  guint n_packages = g_list_model_get_n_items (quorum_store_get_work_packages (self->store));
  guint n_committees = g_list_model_get_n_items (quorum_store_get_committees (self->store));

  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, i);

      n_findings += quorum_budget_document_get_n_findings (document);
      n_mismatches += quorum_budget_document_get_n_mismatches (document);
    }

  switch (link)
    {
    case 0:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every table of %u document",
                                           "Every table of %u documents", n_documents),
                              n_documents);
    case 1:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u committee and its budget lines",
                                           "%u committees and their budget lines",
                                           n_committees), n_committees);
    case 2:
      return g_strdup (_("Meetings forecast for each committee"));
    case 3:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u figure does not add up: %u beyond the "
                                           "tolerance, %u rounding",
                                           "%u figures do not add up: %u beyond the "
                                           "tolerance, %u rounding", n_findings),
                              n_findings, n_mismatches, n_findings - n_mismatches);
    case 4:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u package to review and decide on",
                                           "%u packages to review and decide on",
                                           n_packages), n_packages);
    default:
      return g_strdup (_("Committed, spent and projected against each budget line"));
    }
}

/* A row of the links list: activated, it runs win.show-view on its view. */
static GtkWidget *
create_link_row (gpointer item,
                 gpointer user_data)
{
  QuorumWindow *self = user_data;
  const char *view = gtk_string_object_get_string (item);
  GtkWidget *row = quorum_list_row_new ();
  g_autofree char *subtitle = NULL;
  guint link = 0;

  while (link + 1 < G_N_ELEMENTS (links) && !g_str_equal (links[link].view, view))
    link++;
  subtitle = link_subtitle (self, link);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(links[link].title));
  quorum_list_row_set_subtitle (QUORUM_LIST_ROW (row), subtitle);
  quorum_list_row_set_icon_name (QUORUM_LIST_ROW (row), links[link].icon_name);
  quorum_list_row_add_suffix (QUORUM_LIST_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", view);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-view");
  return row;
}

/* The other views, with what is in each: the links list shows the views
 * the window has, each row made from the store as it is now. */
static void
update_links (QuorumWindow *self)
{
  g_autoptr(GtkStringList) views = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    if (gtk_stack_get_child_by_name (self->content_stack, links[i].view) != NULL)
      gtk_string_list_append (views, links[i].view);
  gtk_list_box_bind_model (self->links_list, G_LIST_MODEL (views), create_link_row, self, NULL);
}

/* --- the next meeting and the open actions ---------------------------------------- */

/* The first meeting on or after the action log's today that is not
 * cancelled; borrowed from the store's meetings. */
static QuorumMeeting *
next_meeting (QuorumWindow *self)
{
  GListModel *meetings = quorum_store_get_meetings (self->store);
  const char *today = quorum_action_log_get_today (quorum_store_get_action_log (self->store));
  QuorumMeeting *next = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (meetings, i);

      if (g_strcmp0 (quorum_meeting_get_date (meeting), today) < 0 ||
          g_strcmp0 (quorum_meeting_get_status (meeting), "cancelled") == 0)
        continue;
      if (next == NULL || quorum_meeting_compare (meeting, next) < 0)
        next = meeting;
    }
  return next;
}

static GtkWidget *
agenda_row (const char *name,
            const char *icon_name,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = quorum_list_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  quorum_list_row_set_subtitle (QUORUM_LIST_ROW (row), subtitle);
  quorum_list_row_set_icon_name (QUORUM_LIST_ROW (row), icon_name);
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  quorum_list_row_add_suffix (QUORUM_LIST_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static GtkWidget *
next_meeting_row (QuorumWindow *self)
{
  QuorumMeeting *meeting = next_meeting (self);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  const char *committee;
  GtkWidget *row;

  if (meeting == NULL)
    {
      row = agenda_row ("next-meeting", "x-office-calendar-symbolic",
                        _("No meetings scheduled"), _("Open the meetings calendar"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "meetings");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-view");
      return row;
    }
  when = quorum_meeting_format_when (meeting);
  committee = quorum_ui_committee_short_name (self->store, quorum_meeting_get_committee (meeting));
  /* TRANSLATORS: the overview's next meeting, e.g. "Next: SEC Panel meeting 40" */
  title = g_strdup_printf (_("Next: %s"), quorum_meeting_get_title (meeting));
  /* TRANSLATORS: when and where the next meeting is, then its committee,
   * e.g. "Friday 10 February 2017, 10:00 · SEC Panel" */
  subtitle = g_strdup_printf (_("%s · %s"), when,
                              committee != NULL ? committee
                                                : quorum_meeting_get_committee (meeting));
  row = agenda_row ("next-meeting", "x-office-calendar-symbolic", title, subtitle);
  quorum_list_row_set_subtitle_lines (QUORUM_LIST_ROW (row), 2);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", quorum_meeting_get_id (meeting));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-meeting");
  return row;
}

static GtkWidget *
open_actions_row (QuorumWindow *self)
{
  guint n_overdue = 0;
  guint n_open = quorum_action_log_count_open (quorum_store_get_action_log (self->store), NULL,
                                               &n_overdue);
  /* TRANSLATORS: how many actions are open, the start of "3 open actions, 1 overdue" */
  g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open action",
                                                        "%u open actions", n_open), n_open);
  /* TRANSLATORS: how many of the open actions are overdue: "3 open actions, 1 overdue" */
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u overdue",
                                                         "%s, %u overdue", n_overdue),
                                            open, n_overdue);
  GtkWidget *row = agenda_row ("open-actions",
                               n_overdue > 0 ? "dialog-warning-symbolic"
                                             : "object-select-symbolic",
                               title, _("Actions raised at meetings and not yet closed"));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "actions");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-view");
  return row;
}

static GtkWidget *
create_agenda_row (gpointer item,
                   gpointer user_data)
{
  const char *kind = gtk_string_object_get_string (item);

  return g_str_equal (kind, "meeting") ? next_meeting_row (user_data)
                                       : open_actions_row (user_data);
}

/* The next meeting and the open actions, as the store and today are now. */
static void
update_agenda (QuorumWindow *self)
{
  const char * const kinds[] = { "meeting", "actions", NULL };
  g_autoptr(GtkStringList) rows = gtk_string_list_new (kinds);

  gtk_list_box_bind_model (self->agenda_list, G_LIST_MODEL (rows), create_agenda_row, self,
                           NULL);
}

/**
 * _quorum_window_bind_overview:
 *
 * Shows the lists of the window's (new) store on the overview.
 */
void
_quorum_window_bind_overview (QuorumWindow *self)
{
  gtk_list_box_bind_model (self->documents_list, quorum_store_get_documents (self->store),
                           create_document_row, self, NULL);
  gtk_list_box_bind_model (self->problems_list, quorum_store_get_problems (self->store),
                           create_problem_row, self, NULL);
  gtk_list_box_bind_model (self->committees_list, quorum_store_get_committees (self->store),
                           create_committee_row, self, NULL);
  /* A reload updates the whole overview; a new today, the agenda alone. */
  g_signal_connect_object (quorum_store_get_action_log (self->store), "notify::today",
                           G_CALLBACK (update_agenda), self, G_CONNECT_SWAPPED);
  update_agenda (self);
}

/**
 * _quorum_window_init_overview:
 *
 * Connects the overview's links, once.
 */
void
_quorum_window_init_overview (QuorumWindow *self)
{
  g_signal_connect_object (self->documents_list, "row-activated",
                           G_CALLBACK (document_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->committees_list, "row-activated",
                           G_CALLBACK (committee_row_activated_cb), self, G_CONNECT_SWAPPED);
}

/**
 * _quorum_window_update_overview:
 *
 * Fills the overview from the window's store, once it has (re)loaded.
 */
void
_quorum_window_update_overview (QuorumWindow *self)
{
  GListModel *documents = quorum_store_get_documents (self->store);
  GListModel *problems = quorum_store_get_problems (self->store);
  GListModel *committees = quorum_store_get_committees (self->store);
  guint n_documents = g_list_model_get_n_items (documents);
  guint n_problems = g_list_model_get_n_items (problems);
  guint n_committees = g_list_model_get_n_items (committees);
  g_autofree char *documents_text = NULL;
  g_autofree char *committees_text = NULL;

  gtk_widget_set_visible (self->problems_group, n_problems > 0);
  gtk_widget_set_visible (self->committees_group, n_committees > 0);

  if (n_documents == 0)
    documents_text = g_strdup (_("This store has no budget documents that could be loaded."));
  else
    documents_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u document in budgets/",
                                                   "%u documents in budgets/", n_documents),
                                      n_documents);
  gtk_label_set_text (self->documents_description, documents_text);

  committees_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u committee in the register",
                                                  "%u committees in the register",
                                                  n_committees), n_committees);
  gtk_label_set_text (self->committees_description, committees_text);

  update_headline (self);
  update_links (self);
  update_agenda (self);
}
