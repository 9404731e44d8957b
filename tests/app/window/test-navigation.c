/* test-navigation.c: the window's views, settings, stores and shortcuts
 *
 * The real window under Xvfb, on the sample store (read only) and on
 * temporary copies of it where a test writes: every view of the sidebar
 * shows what the store's files say, the window's size and last view are
 * kept, another store opens, a file changed on disk is reloaded, a broken
 * one is named in the banner, the Checks view lists and filters the
 * findings of tests/data/expected/, and the shortcuts window lists the
 * accelerators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-budgets-view.h"
#include "quorum-checks-view.h"
#include "quorum-committees-view.h"
#include "quorum-core.h"
#include "quorum-meetings-view.h"
#include "quorum-pressure-view.h"
#include "quorum-list-row.h"
#include "quorum-sync-button.h"
#include "quorum-text-cell.h"
#include "quorum-window.h"
#include "quorum-work-package-page.h"
#include "quorum-ui-test-util.h"

static QuorumApplication *app;

static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (out, "row:%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    g_string_append_printf (out, "subtitle:%s\n",
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (QUORUM_IS_LIST_ROW (widget))
    g_string_append_printf (out, "subtitle:%s\n",
                            quorum_list_row_get_subtitle (QUORUM_LIST_ROW (widget)));
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "label:%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_INSCRIPTION (widget))
    g_string_append_printf (out, "cell:%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  if (QUORUM_IS_TEXT_CELL (widget))
    g_string_append_printf (out, "cell:%s\n",
                            quorum_text_cell_get_text (QUORUM_TEXT_CELL (widget)));
  /* Only the page a stack shows: during a crossfade the page left stays
   * mapped for a moment, and what it shows is not on screen any more. */
  if (GTK_IS_STACK (widget))
    {
      GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (widget));

      if (shown != NULL)
        collect_texts (shown, out);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static char *
window_texts (QuorumWindow *window)
{
  GString *out = g_string_new (NULL);

  collect_texts (GTK_WIDGET (window), out);
  return g_string_free (out, FALSE);
}

static gboolean
shows (QuorumWindow *window,
       const char   *text)
{
  g_autofree char *texts = window_texts (window);

  return strstr (texts, text) != NULL;
}

typedef struct
{
  QuorumWindow *window;
  const char *text;
} Shown;

static gboolean
text_shown (gpointer data)
{
  Shown *shown = data;

  return shows (shown->window, shown->text);
}

/* Runs the main loop until @text is shown, quorum_test_wait_for()'s time
 * at most. */
static gboolean
wait_for_text (QuorumWindow *window,
               const char   *text)
{
  Shown shown = { window, text };

  return quorum_test_wait_for (text_shown, &shown);
}

static QuorumWindow *
open_window (const char *path)
{
  QuorumWindow *window = quorum_window_new (app);

  quorum_window_open_store (window, path);
  gtk_window_present (GTK_WINDOW (window));
  /* The sidebar is shown once the store has loaded. */
  g_assert_true (wait_for_text (window, "label:Budget Pressure\n"));
  return window;
}

static void
show_view (QuorumWindow *window,
           const char   *view)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", view));
  quorum_test_iterate ();
}

static const char *
visible_view (QuorumWindow *window)
{
  GtkWidget *row = quorum_test_find_named (GTK_WIDGET (window), "overview");
  GtkListBox *sidebar = GTK_LIST_BOX (gtk_widget_get_parent (row));
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (sidebar);

  return selected != NULL ? gtk_widget_get_name (GTK_WIDGET (selected)) : NULL;
}

static JsonObject *
read_json (JsonParser *parser,
           const char *relpath)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *file = g_build_filename (sample, relpath, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, file, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The headline total of a year, as the document's first budget table states it. */
static char *
headline_from_json (const char *relpath,
                    const char *column)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *document = read_json (parser, relpath);
  JsonArray *tables = json_object_get_array_member (document, "tables");
  JsonObject *table = json_array_get_object_element (tables, 0);
  JsonObject *total = json_object_get_object_member (table, "total");
  JsonObject *values = json_object_get_object_member (total, "values");

  g_assert_cmpstr (json_object_get_string_member (table, "role"), ==, "budget");
  return quorum_amount_format_display (json_object_get_int_member (values, column) * 100, "GBP");
}

/* Counts the lines of the expected findings, by severity. */
static void
count_expected (guint *mismatches,
                guint *rounding)
{
  const char *files[] = { "sec-budget-2018-21.findings", "sec-budget-2020-23.findings" };

  *mismatches = *rounding = 0;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (QUORUM_TEST_EXPECTED_DIR, files[i], NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      lines = g_strsplit (contents, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        if (g_str_has_prefix (lines[l], "mismatch\t"))
          (*mismatches)++;
        else if (g_str_has_prefix (lines[l], "rounding\t"))
          (*rounding)++;
    }
}

/* Every view of the sidebar opens and shows what the store's files say. */
static void
test_views (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *headline = headline_from_json ("budgets/sec-budget-2020-23.json",
                                                  "2021-22-estimated");
  g_autofree char *headline_text = g_strdup_printf ("label:%s\n", headline);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *package = read_json (parser, "work-packages/wp-2020-21-q1-tag.json");
  g_autofree char *package_text =
    g_strdup_printf ("cell:%s\n", json_object_get_string_member (package, "title"));
  g_autoptr(JsonParser) document_parser = json_parser_new ();
  JsonObject *document = read_json (document_parser, "budgets/sec-budget-2018-21.json");
  g_autofree char *document_title =
    g_strdup (json_object_get_string_member (document, "title"));
  g_autoptr(JsonParser) committees_parser = json_parser_new ();
  JsonObject *register_ = read_json (committees_parser, "committees.json");
  JsonObject *committee = json_array_get_object_element (
    json_object_get_array_member (register_, "committees"), 0);
  g_autofree char *committee_name =
    g_strdup (json_object_get_string_member (committee, "name"));
  QuorumWindow *window = open_window (sample);

  show_view (window, "overview");
  g_assert_cmpstr (visible_view (window), ==, "overview");
  g_assert_true (shows (window, "label:Headline Totals by Year\n"));
  g_assert_true (shows (window, headline_text));
  g_assert_true (shows (window, "label:2021/22\n"));
  g_assert_true (shows (window, "label:Estimated\n"));
  /* 2020/21 moved from £6,888,043 (2018–21) to £8,349,486 (2020–23). */
  g_assert_true (shows (window, "label:+£1,461,443 (+21.2%)\n"));
  g_assert_true (shows (window, "label:4 mismatches · 1 rounding\n"));
  g_assert_true (shows (window, "row:Checks\n"));
  g_assert_true (shows (window, "row:Work Packages\n"));

  /* A committee of the overview opens its page in the Committees view. */
  {
    JsonObject *last = json_array_get_object_element (
      json_object_get_array_member (register_, "committees"),
      json_array_get_length (json_object_get_array_member (register_, "committees")) - 1);
    const char *id = json_object_get_string_member (last, "id");
    GtkWidget *row = quorum_test_find_named (GTK_WIDGET (window), id);
    GtkWidget *view;

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_get_mapped (row));
    g_assert_true (gtk_widget_activate (row));
    quorum_test_iterate ();
    g_assert_cmpstr (visible_view (window), ==, "committees");
    view = quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_COMMITTEES_VIEW);
    g_assert_cmpstr (quorum_committees_view_get_committee (QUORUM_COMMITTEES_VIEW (view)), ==,
                     id);
    g_assert_true (wait_for_text (window, json_object_get_string_member (last, "name")));
    show_view (window, "overview");
  }

  show_view (window, "budgets");
  g_assert_cmpstr (visible_view (window), ==, "budgets");
  g_assert_true (wait_for_text (window, document_title));

  show_view (window, "committees");
  g_assert_cmpstr (visible_view (window), ==, "committees");
  g_assert_true (wait_for_text (window, committee_name));

  /* Meetings: the calendar first, the forecast in a tab of its own. */
  show_view (window, "meetings");
  g_assert_cmpstr (visible_view (window), ==, "meetings");
  g_assert_true (wait_for_text (window, "SEC Panel Meeting 39"));
  quorum_meetings_view_show_forecast (
    QUORUM_MEETINGS_VIEW (quorum_test_find_type (GTK_WIDGET (window),
                                                 QUORUM_TYPE_MEETINGS_VIEW)));
  g_assert_true (wait_for_text (window, "Meeting Forecast"));

  show_view (window, "actions");
  g_assert_cmpstr (visible_view (window), ==, "actions");
  g_assert_true (wait_for_text (window, "SECP39/07"));

  show_view (window, "checks");
  g_assert_cmpstr (visible_view (window), ==, "checks");
  g_assert_true (wait_for_text (window, "cell:SEC Panel Budget 2020–2023\n"));
  g_assert_true (shows (window, "label:29 findings\n"));

  show_view (window, "work-packages");
  g_assert_cmpstr (visible_view (window), ==, "work-packages");
  g_assert_true (wait_for_text (window, package_text));

  show_view (window, "budget-pressure");
  g_assert_cmpstr (visible_view (window), ==, "budget-pressure");
  {
    GtkWidget *pressure = quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_PRESSURE_VIEW);

    g_assert_true (gtk_widget_get_mapped (pressure));
    g_assert_cmpuint (g_list_model_get_n_items (
                        quorum_pressure_view_get_lines (QUORUM_PRESSURE_VIEW (pressure))), >, 0);
  }

  /* An unknown view changes nothing. */
  show_view (window, "no-such-view");
  g_assert_cmpstr (visible_view (window), ==, "budget-pressure");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A condition: the list @data has fewer than the 29 findings. */
static gboolean
fewer_than_29 (gpointer data)
{
  return g_list_model_get_n_items (data) < 29;
}

/* The Checks view: the 29 findings of tests/data/expected/, filtered. */
static void
test_checks (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = open_window (sample);
  QuorumChecksView *view;
  GListModel *shown;
  GtkWidget *severity, *document, *focus;
  guint mismatches, rounding;

  count_expected (&mismatches, &rounding);
  g_assert_cmpuint (mismatches, ==, 10);
  g_assert_cmpuint (rounding, ==, 19);

  show_view (window, "checks");
  view = QUORUM_CHECKS_VIEW (quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_CHECKS_VIEW));
  shown = quorum_checks_view_get_shown (view);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, mismatches + rounding);

  severity = quorum_test_find_named (GTK_WIDGET (view), "severity-filter");
  document = quorum_test_find_named (GTK_WIDGET (view), "document-filter");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (severity), QUORUM_CHECKS_SEVERITY_MISMATCH);
  quorum_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, mismatches);
  g_assert_true (shows (window, "label:10 of 29 findings\n"));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (shown, i);

      g_assert_cmpint (quorum_finding_get_severity (finding), ==, QUORUM_SEVERITY_MISMATCH);
    }
  g_assert_true (shows (window, "label:Mismatch\n"));
  g_assert_false (shows (window, "label:Rounding\n"));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (severity), QUORUM_CHECKS_SEVERITY_ROUNDING);
  quorum_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, rounding);

  /* The documents come in the store's order: 2018–21 has 1 rounding. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (document))),
                    ==, 3);
  quorum_checks_view_set_document (view, "sec-budget-2018-21");
  quorum_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (severity), QUORUM_CHECKS_SEVERITY_ALL);
  quorum_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  /* Pence on every figure: some of the findings' figures have them. */
  g_assert_true (shows (window, "cell:+£60,000.00\n"));
  quorum_checks_view_set_document (view, "sec-budget-2020-23");
  quorum_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 24);
  quorum_checks_view_set_document (view, NULL);
  quorum_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 29);

  /* Ctrl+F (win.search) goes to the view's search entry; a search narrows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  quorum_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY)),
                         "contingency");
  /* Once the entry's pause in typing is over. */
  g_assert_true (quorum_test_wait_until (fewer_than_29, shown));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 29);

  /* The overview's document row opens the checks of that document. */
  show_view (window, "overview");
  quorum_checks_view_set_document (view, NULL);
  {
    GtkWidget *row = NULL;
    GtkWidget *list = quorum_test_find_named (GTK_WIDGET (window), "documents-list");

    g_assert_nonnull (list);
    row = gtk_widget_get_first_child (list);
    g_assert_true (GTK_IS_LIST_BOX_ROW (row));
    g_signal_emit_by_name (list, "row-activated", row);
    quorum_test_iterate ();
  }
  g_assert_cmpstr (visible_view (window), ==, "checks");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A condition: the table view @data shows a table with a row selected. */
static gboolean
row_selected (gpointer data)
{
  return quorum_table_view_get_table (data) != NULL &&
         quorum_table_view_get_selected_row (data) != NULL;
}

/* Activating a finding opens its table in the Budgets view, on its row. */
static void
test_finding_to_budgets (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = open_window (sample);
  QuorumChecksView *view;
  QuorumBudgetsView *budgets;
  QuorumTableView *table_view;
  GListModel *shown;
  GtkWidget *column_view;
  guint position = G_MAXUINT;
  QuorumRow *selected;

  show_view (window, "checks");
  view = QUORUM_CHECKS_VIEW (quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_CHECKS_VIEW));
  quorum_checks_view_set_document (view, "sec-budget-2018-21");
  quorum_checks_view_set_severity (view, QUORUM_CHECKS_SEVERITY_MISMATCH);
  quorum_test_iterate ();
  shown = quorum_checks_view_get_shown (view);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (shown, i);

      if (g_str_equal (quorum_finding_get_table_id (finding), "overview") &&
          g_str_equal (quorum_finding_get_row_id (finding), "projects"))
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  /* Enter on the finding's row. */
  column_view = quorum_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  g_signal_emit_by_name (column_view, "activate", position);
  quorum_test_iterate ();

  g_assert_cmpstr (visible_view (window), ==, "budgets");
  budgets = QUORUM_BUDGETS_VIEW (quorum_test_find_type (GTK_WIDGET (window),
                                                       QUORUM_TYPE_BUDGETS_VIEW));
  table_view = quorum_budgets_view_get_table_view (budgets);
  g_assert_true (quorum_test_wait_for (row_selected, table_view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (table_view)));
  g_assert_cmpstr (quorum_table_get_id (quorum_table_view_get_table (table_view)), ==,
                   "overview");
  selected = quorum_table_view_get_selected_row (table_view);
  g_assert_nonnull (selected);
  g_assert_cmpstr (quorum_row_get_id (selected), ==, "projects");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An illustrative Board meeting's papers open what they name: a budget
 * table (its row selected) in Budgets, a work package in its page. The
 * papers are the meeting page's own (its open-paper signal is what a
 * paper row emits), taken from the first Board meeting with both. */
static void
test_board_meeting_papers (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = open_window (sample);
  QuorumStore *store = quorum_window_get_store (window);
  GListModel *meetings = quorum_store_get_meetings (store);
  g_autoptr(QuorumPaper) table_paper = NULL;
  g_autoptr(QuorumPaper) package_paper = NULL;
  const char *meeting_id = NULL;
  QuorumMeetingsView *view;
  GtkWidget *page;
  QuorumTableView *table_view;
  QuorumWorkPackagePage *package_page;

  for (guint m = 0; m < g_list_model_get_n_items (meetings) && meeting_id == NULL; m++)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (meetings, m);
      GListModel *items = quorum_meeting_get_items (meeting);

      if (g_strcmp0 (quorum_meeting_get_committee (meeting), "secco-board") != 0)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (items, i);
          GListModel *papers = quorum_agenda_item_get_papers (item);

          for (guint k = 0; k < g_list_model_get_n_items (papers); k++)
            {
              g_autoptr(QuorumPaper) paper = g_list_model_get_item (papers, k);

              if (!quorum_paper_get_linked (paper))
                continue;
              if (quorum_paper_get_ref_kind (paper) == QUORUM_PAPER_REF_DOCUMENT &&
                  quorum_paper_get_row (paper) != NULL && table_paper == NULL)
                table_paper = g_object_ref (paper);
              if (quorum_paper_get_ref_kind (paper) == QUORUM_PAPER_REF_WORK_PACKAGE &&
                  package_paper == NULL)
                package_paper = g_object_ref (paper);
            }
        }
      if (table_paper != NULL && package_paper != NULL)
        meeting_id = quorum_meeting_get_id (meeting);
    }
  g_assert_nonnull (meeting_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-meeting", "s",
                                             meeting_id));
  g_assert_cmpstr (visible_view (window), ==, "meetings");
  view = QUORUM_MEETINGS_VIEW (quorum_test_find_type (GTK_WIDGET (window),
                                                      QUORUM_TYPE_MEETINGS_VIEW));
  g_assert_cmpstr (quorum_meetings_view_get_shown_meeting (view), ==, meeting_id);
  page = quorum_test_find_named (GTK_WIDGET (view), "meeting-page");
  g_assert_nonnull (page);

  /* The table paper: Budgets, its table, its row selected. */
  g_signal_emit_by_name (page, "open-paper", table_paper);
  g_assert_cmpstr (visible_view (window), ==, "budgets");
  table_view = quorum_budgets_view_get_table_view (
    QUORUM_BUDGETS_VIEW (quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_BUDGETS_VIEW)));
  g_assert_true (quorum_test_wait_for (row_selected, table_view));
  g_assert_cmpstr (quorum_table_get_id (quorum_table_view_get_table (table_view)), ==,
                   quorum_paper_get_table (table_paper));
  g_assert_cmpstr (quorum_row_get_id (quorum_table_view_get_selected_row (table_view)), ==,
                   quorum_paper_get_row (table_paper));

  /* The package paper: the package's page. */
  g_signal_emit_by_name (page, "open-paper", package_paper);
  package_page = QUORUM_WORK_PACKAGE_PAGE (quorum_test_find_type (GTK_WIDGET (window),
                                                                  QUORUM_TYPE_WORK_PACKAGE_PAGE));
  g_assert_nonnull (quorum_work_package_page_get_work_package (package_page));
  g_assert_cmpstr (quorum_work_package_get_id (
                     quorum_work_package_page_get_work_package (package_page)), ==,
                   quorum_paper_get_work_package (package_paper));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether a window manager maximises windows (X11: says it can). */
static gboolean
can_maximize (GtkWidget *window)
{
  GdkDisplay *display = gtk_widget_get_display (window);

  if (GDK_IS_X11_DISPLAY (display))
    return gdk_x11_screen_supports_net_wm_hint (gdk_x11_display_get_screen (display),
                                                "_NET_WM_STATE_MAXIMIZED_VERT");
  return TRUE;
}

/* A condition: the window @data is maximised. */
static gboolean
is_maximized (gpointer data)
{
  return gtk_window_is_maximized (data);
}

/* The size and the last view are kept in the settings and come back. */
static void
test_settings (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  GSettings *settings = quorum_application_get_settings (app);
  QuorumWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_string (settings, "last-view", "checks");
  window = open_window (sample);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (visible_view (window), ==, "checks");
  g_assert_true (wait_for_text (window, "label:29 findings\n"));

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  show_view (window, "work-packages");
  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  {
    g_autofree char *last = g_settings_get_string (settings, "last-view");

    g_assert_cmpstr (last, ==, "work-packages");
  }

  window = open_window (sample);
  g_assert_cmpstr (visible_view (window), ==, "work-packages");
  gtk_window_maximize (GTK_WINDOW (window));
  /* Xvfb has no window manager to maximise, and nothing will change: with
   * one, the window is maximised once it says so. The setting follows. */
  if (can_maximize (GTK_WIDGET (window)))
    g_assert_true (quorum_test_wait_until (is_maximized, window));
  g_assert_cmpint (g_settings_get_boolean (settings, "window-maximized"), ==,
                   gtk_window_is_maximized (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "last-view");
}

/* Another store opens in the same window; Recent Stores keeps it. */
static void
test_open_store (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-nav-XXXXXX", &parent);
  g_autofree char *other = g_build_filename (parent, "other", NULL);
  g_autofree char *budgets = g_build_filename (other, "budgets", NULL);
  g_autofree char *document = g_build_filename (budgets, "only.json", NULL);
  GSettings *settings = quorum_application_get_settings (app);
  QuorumWindow *window = open_window (sample);
  g_auto(GStrv) recent = NULL;
  g_autofree char *store_path = NULL;

  g_settings_reset (settings, "recent-stores");
  /* The Budgets view is shown (and so given the sample store) first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "budgets"));
  g_assert_true (wait_for_text (window, "row:SEC Panel Budget 2020–2023\n"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "overview"));
  g_assert_cmpint (g_mkdir_with_parents (budgets, 0700), ==, 0);
  g_assert_true (g_file_set_contents (document,
                                      "{\"format\": \"quorum.budget/1\", \"id\": \"only\",\n"
                                      " \"title\": \"The Only Budget\", \"status\": \"draft\",\n"
                                      " \"tables\": [{\"id\": \"t\", \"role\": \"budget\", "
                                      "\"columns\": [{\"id\": \"a\", "
                                      "\"year\": \"2030/31\", \"phase\": \"estimated\"}],\n"
                                      "  \"rows\": [{\"id\": \"x\", \"values\": {\"a\": 5}}],\n"
                                      "  \"total\": {\"values\": {\"a\": 5}}}]}\n", -1, NULL));

  /* The Open Store… chooser ends in the same action as Recent Stores. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s",
                                             other));
  g_assert_true (wait_for_text (window, "row:The Only Budget\n"));
  g_assert_true (wait_for_text (window, "label:2030/31\n"));
  g_assert_false (shows (window, "row:SEC Panel Budget 2020–2023\n"));
  g_assert_cmpstr (quorum_store_get_path (quorum_window_get_store (window)), ==, other);
  g_assert_cmpstr (quorum_store_get_path (quorum_window_get_store (window)), ==, other);
  /* Views shown before, and views not yet shown, show the new store. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "budgets"));
  g_assert_true (wait_for_text (window, "row:The Only Budget\n"));
  g_assert_false (shows (window, "row:SEC Panel Budget 2020–2023\n"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "checks"));
  /* The Checks view offers the new store's document (it has no findings,
   * so the drop-down is where its title shows). */
  quorum_checks_view_set_document (
    QUORUM_CHECKS_VIEW (quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_CHECKS_VIEW)),
    "only");
  g_assert_true (wait_for_text (window, "The Only Budget"));
  g_assert_false (shows (window, "SEC Panel Budget 2020–2023"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "overview"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s",
                                             store));
  g_assert_true (wait_for_text (window, "row:SEC Panel Budget 2020–2023\n"));
  store_path = g_settings_get_string (settings, "store-path");
  g_assert_cmpstr (store_path, ==, store);
  recent = g_settings_get_strv (settings, "recent-stores");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, store);   /* newest first */
  g_assert_cmpstr (recent[1], ==, other);

  /* Opening without remembering (as at start-up) changes no setting. */
  quorum_window_open_store (window, other);
  g_assert_true (wait_for_text (window, "row:The Only Budget\n"));
  g_clear_pointer (&store_path, g_free);
  store_path = g_settings_get_string (settings, "store-path");
  g_assert_cmpstr (store_path, ==, store);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "store-path");
  g_settings_reset (settings, "recent-stores");
  quorum_test_rm_rf (parent);
}

/* The window's drop target: the first one found under @widget. */
static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropTarget *found = find_drop_target (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
drop (GtkDropTarget *target,
      const GValue  *value)
{
  gboolean accepted = FALSE;

  g_signal_emit_by_name (target, "drop", value, 20.0, 20.0, &accepted);
  return accepted;
}

/* GNOME's recent files as the manager has saved them (in a private
 * XDG_DATA_HOME: see main), or NULL before it has. */
static GBookmarkFile *
load_gnome_recent (void)
{
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autoptr(GBookmarkFile) bookmarks = g_bookmark_file_new ();

  if (!g_bookmark_file_load_from_file (bookmarks, file, NULL))
    return NULL;
  return g_steal_pointer (&bookmarks);
}

/* A condition: GNOME's recent files, saved, list @uri. */
static gboolean
saved_in_gnome_recent (gpointer uri)
{
  g_autoptr(GBookmarkFile) bookmarks = load_gnome_recent ();

  return bookmarks != NULL && g_bookmark_file_has_item (bookmarks, uri);
}

/* GNOME's recent files list @uri as a folder opened by this program, once
 * the manager has saved them. */
static void
assert_in_gnome_recent (const char *uri)
{
  g_autoptr(GBookmarkFile) bookmarks = NULL;
  g_autofree char *mime = NULL;

  g_assert_true (quorum_test_wait_until (saved_in_gnome_recent, (gpointer) uri));
  bookmarks = load_gnome_recent ();
  mime = g_bookmark_file_get_mime_type (bookmarks, uri, NULL);
  g_assert_cmpstr (mime, ==, "inode/directory");
  g_assert_true (g_bookmark_file_has_application (bookmarks, uri, g_get_application_name (),
                                                  NULL));
}

/* GNOME's recent files do not list @uri. Rather than waiting for nothing
 * to happen: @sentinel (a file's URI) is added now, after anything that
 * could have added @uri, and the manager saves all it holds at once; once
 * the sentinel is saved, @uri would be too. */
static void
assert_not_in_gnome_recent (const char *uri,
                            const char *sentinel)
{
  GtkRecentData data = { NULL, NULL, (char *) "text/plain", (char *) g_get_prgname (),
                         (char *) "true", NULL, FALSE };
  g_autoptr(GBookmarkFile) bookmarks = NULL;

  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), sentinel,
                                              &data));
  g_assert_true (quorum_test_wait_until (saved_in_gnome_recent, (gpointer) sentinel));
  bookmarks = load_gnome_recent ();
  g_assert_false (g_bookmark_file_has_item (bookmarks, uri));
}

/* A store folder dropped on the window opens as from Open Store… and goes
 * to the recent stores, the app's and GNOME's; a file that is not a store
 * gets the usual error, and is remembered nowhere. */
static void
test_drop_store (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-nav-XXXXXX", &parent);
  g_autofree char *text_file = g_build_filename (parent, "minutes.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (store);
  g_autoptr(GFile) file = g_file_new_for_path (text_file);
  g_autofree char *uri = g_file_get_uri (folder);
  g_autofree char *file_uri = g_file_get_uri (file);
  g_autofree char *sentinel_path = g_build_filename (parent, "sentinel.txt", NULL);
  g_autofree char *sentinel_uri = g_filename_to_uri (sentinel_path, NULL, NULL);
  g_autofree char *error_text = NULL;
  GSettings *settings = quorum_application_get_settings (app);
  QuorumWindow *window = open_window (sample);
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  GSList files = { folder, NULL };
  GValue list = G_VALUE_INIT;
  GValue single = G_VALUE_INIT;
  g_auto(GStrv) recent = NULL;
  gsize n_types = 0;
  const GType *types;

  g_settings_reset (settings, "recent-stores");
  g_assert_nonnull (target);
  types = gtk_drop_target_get_gtypes (target, &n_types);
  g_assert_cmpuint (n_types, ==, 2);
  g_assert_true (types[0] == GDK_TYPE_FILE_LIST && types[1] == G_TYPE_FILE);
  /* style.css outlines it while a drag is over it. */
  g_assert_true (gtk_widget_has_css_class (
    gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "store-drop-target"));

  g_value_init (&list, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&list, gdk_file_list_new_from_list (&files));
  g_assert_true (drop (target, &list));
  g_value_unset (&list);
  g_assert_true (wait_for_text (window, "row:SEC Panel Budget 2020–2023\n"));
  g_assert_cmpstr (quorum_store_get_path (quorum_window_get_store (window)), ==, store);
  recent = g_settings_get_strv (settings, "recent-stores");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, store);
  assert_in_gnome_recent (uri);

  g_assert_true (g_file_set_contents (text_file, "Not a store.\n", -1, NULL));
  g_value_init (&single, G_TYPE_FILE);
  g_value_set_object (&single, file);
  g_assert_true (drop (target, &single));
  g_value_unset (&single);
  error_text = g_strdup_printf ("%s: the store folder does not exist or is not a folder",
                                text_file);
  g_assert_true (wait_for_text (window, error_text));
  g_clear_pointer (&recent, g_strfreev);
  recent = g_settings_get_strv (settings, "recent-stores");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  assert_not_in_gnome_recent (file_uri, sentinel_uri);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "store-path");
  g_settings_reset (settings, "recent-stores");
  quorum_test_rm_rf (parent);
}

/* A condition: the revealer @data is asked to hide its child. */
static gboolean
banner_hidden (gpointer data)
{
  return !gtk_revealer_get_reveal_child (data);
}

/* A package written by someone else shows up; a broken file is named in
 * the banner while the rest stays; fixed, the banner goes. */
static void
test_watch (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-nav-XXXXXX", &parent);
  g_autofree char *package = g_build_filename (store, "work-packages", "wp-2099-new.json", NULL);
  g_autofree char *broken = g_build_filename (store, "budgets", "broken.json", NULL);
  g_autofree char *hidden = g_build_filename (store, "work-packages", ".wp-tmp.json", NULL);
  QuorumWindow *window = open_window (store);
  GListModel *packages = quorum_store_get_work_packages (quorum_window_get_store (window));
  GtkRevealer *banner;

  g_assert_cmpuint (g_list_model_get_n_items (packages), ==, 40);
  show_view (window, "work-packages");

  /* A temporary dot-file is not a reason to reload. */
  g_assert_true (g_file_set_contents (hidden, "{", -1, NULL));
  {
    g_autofree char *original = g_build_filename (store, "work-packages",
                                                  "wp-2020-21-q1-tag.json", NULL);
    g_autofree char *contents = NULL;
    GString *changed;

    g_assert_true (g_file_get_contents (original, &contents, NULL, NULL));
    changed = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (changed, "wp-2020-21-q1-tag", "wp-2099-new", 0), ==, 1);
    g_assert_cmpuint (g_string_replace (changed, "TAG support, April to June 2020",
                                        "A package from another machine", 0), ==, 1);
    g_assert_true (g_file_set_contents (package, changed->str, -1, NULL));
    g_string_free (changed, TRUE);
  }
  g_assert_true (wait_for_text (window, "cell:A package from another machine\n"));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_work_packages (
                      quorum_window_get_store (window))), ==, 41);
  g_unlink (hidden);

  banner = GTK_REVEALER (quorum_test_find_type (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_true (g_file_set_contents (broken, "{\"format\": \"quorum.budget/1\", \"id\": 7}",
                                      -1, NULL));
  g_assert_true (wait_for_text (window, "label:budgets/broken.json could not be loaded: "));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  /* The rest of the store is still there. */
  g_assert_true (shows (window, "cell:A package from another machine\n"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  quorum_test_iterate ();
  g_assert_cmpstr (visible_view (window), ==, "overview");
  g_assert_true (shows (window, "row:budgets/broken.json\n"));

  g_unlink (broken);
  /* Once the store has seen the file go and loaded again. */
  g_assert_true (quorum_test_wait_until (banner_hidden, banner));

  /* Ctrl+R reloads the same store; nothing changed on disk, so every
   * package keeps its object. */
  {
    QuorumStore *shown = quorum_window_get_store (window);
    g_autoptr(GObject) first = g_list_model_get_item (packages, 0);
    g_autoptr(GObject) again = NULL;
    gboolean reloaded = FALSE;
    gulong id = g_signal_connect_swapped (shown, "changed", G_CALLBACK (quorum_test_set_flag_cb),
                                          &reloaded);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
    g_assert_true (quorum_test_wait_for (quorum_test_flag_is_set, &reloaded));
    g_signal_handler_disconnect (shown, id);
    g_assert_true (quorum_window_get_store (window) == shown);
    again = g_list_model_get_item (packages, 0);
    g_assert_true (again == first);
    g_assert_cmpuint (g_list_model_get_n_items (packages), ==, 41);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (parent);
}

/* Opens @path in a new window of @width × 720, once it has loaded. */
static QuorumWindow *
open_window_sized (const char *path,
                   int         width)
{
  QuorumWindow *window = quorum_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  quorum_window_open_store (window, path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_text (window, "label:Budget Pressure\n"));
  return window;
}

/* How many meetings have a paper on the budget document @id. */
static guint
count_meetings_naming (QuorumStore *store,
                       const char  *id)
{
  GListModel *meetings = quorum_store_get_meetings (store);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (meetings, i);
      GListModel *items = quorum_meeting_get_items (meeting);
      gboolean names = FALSE;

      for (guint k = 0; k < g_list_model_get_n_items (items) && !names; k++)
        {
          g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (items, k);
          GListModel *papers = quorum_agenda_item_get_papers (item);

          for (guint p = 0; p < g_list_model_get_n_items (papers) && !names; p++)
            {
              g_autoptr(QuorumPaper) paper = g_list_model_get_item (papers, p);

              names = g_strcmp0 (quorum_paper_get_document (paper), id) == 0;
            }
        }
      n += names ? 1 : 0;
    }
  return n;
}

/* One broken budget document: the banner is one line naming it, with how
 * many packages it affects (they load); Show Problems lists it first. At
 * 403 px the banner does not make the window wider. */
static void
test_broken_store (void)
{
  const char *id = "sec-budget-2020-23";
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-nav-XXXXXX", &parent);
  g_autofree char *file = g_build_filename (store, "budgets", "sec-budget-2020-23.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) broken = NULL;
  const int widths[] = { 1100, 403 };
  const char * const keys[] = { "window-width", "window-height", "window-maximized",
                                "store-path", "recent-stores", "last-view" };
  guint n_packages = 0, n_meetings = 0;

  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  broken = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (broken, "\"title\":", "\"title\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (file, broken->str, -1, NULL));

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      QuorumWindow *window = open_window_sized (store, widths[w]);
      QuorumStore *loaded = quorum_window_get_store (window);
      GListModel *packages = quorum_store_get_work_packages (loaded);
      GtkRevealer *banner = GTK_REVEALER (quorum_test_find_type (GTK_WIDGET (window),
                                                                GTK_TYPE_REVEALER));
      GtkWidget *label = NULL;
      g_autoptr(QuorumProblem) first = NULL;

      /* The packages drawing on the document, every one still loaded. */
      n_packages = 0;
      for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
        {
          g_autoptr(QuorumWorkPackage) package = g_list_model_get_item (packages, i);
          const char *document = NULL;

          if (quorum_work_package_get_budget_ref (package, &document, NULL, NULL, NULL) &&
              g_strcmp0 (document, id) == 0)
            n_packages++;
        }
      n_meetings = count_meetings_naming (loaded, id);
      g_assert_cmpuint (n_packages, >, 1);
      g_assert_cmpuint (n_meetings, >, 1);
      g_clear_pointer (&expected, g_free);
      expected = g_strdup_printf ("label:budgets/%s.json has errors; %u work packages and %u "
                                  "meetings are affected\n", id, n_packages, n_meetings);
      if (!wait_for_text (window, expected))
        {
          g_autofree char *texts = window_texts (window);

          g_test_message ("shown: %s; %u problems", texts,
                          g_list_model_get_n_items (quorum_store_get_problems (loaded)));
          g_assert_not_reached ();
        }
      g_assert_true (gtk_revealer_get_reveal_child (banner));

      /* One line, whatever the width. */
      for (GtkWidget *child = gtk_widget_get_first_child (gtk_revealer_get_child (banner));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child))
          label = child;
      g_assert_nonnull (label);
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))),
                       ==, 1);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, widths[w]);

      /* The root cause comes first, with its place in the file. */
      first = g_list_model_get_item (quorum_store_get_problems (loaded), 0);
      g_assert_null (quorum_problem_get_caused_by (first));
      g_assert_true (g_str_has_suffix (quorum_problem_get_file (first), "sec-budget-2020-23.json"));
      g_assert_cmpuint (quorum_problem_get_line (first), >, 0);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
      quorum_test_iterate ();
      g_assert_true (shows (window, "row:budgets/sec-budget-2020-23.json\n"));
      g_assert_true (shows (window, "subtitle:Affected by budgets/sec-budget-2020-23.json"));
      gtk_window_destroy (GTK_WINDOW (window));
    }
  /* A window keeps its size and store in the settings: not for the next test. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (quorum_application_get_settings (app), keys[i]);
  quorum_test_rm_rf (parent);
}

static void
collect_accelerators (GtkWidget *widget,
                      GString   *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;

      g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
      g_string_append_printf (out, "%s=%s\n", title, accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, out);
}

/* The number of pages (a GtkStack's children) of the shortcuts section. */
static guint
count_section_pages (GtkWidget *widget)
{
  if (GTK_IS_SHORTCUTS_SECTION (widget))
    {
      GtkWidget *stack = quorum_test_find_type (widget, GTK_TYPE_STACK);
      guint n = 0;

      g_assert_nonnull (stack);
      for (GtkWidget *page = gtk_widget_get_first_child (stack); page != NULL;
           page = gtk_widget_get_next_sibling (page))
        n++;
      return n;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint n = count_section_pages (child);

      if (n > 0)
        return n;
    }
  return 0;
}

/* The shortcuts window, built by win.show-help-overlay (Ctrl+?) the first
 * time, not with the window; shown. */
static GtkShortcutsWindow *
show_shortcuts (QuorumWindow *window)
{
  GtkShortcutsWindow *overlay;

  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay",
                                             NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  return overlay;
}

/* Shown, the shortcuts window is one page with General first, and GTK
 * warns about none of its labels (a warning is fatal in a test: two
 * pages' switcher made GTK 4.8 warn "GtkLabel … reported min width -3"). */
static void
test_shortcuts_shown (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = open_window (sample);
  GtkShortcutsWindow *overlay = show_shortcuts (window);
  GtkWidget *group;
  g_autofree char *title = NULL;

  /* Measured, laid out and drawn: where GTK would warn. */
  quorum_test_wait_frame (overlay);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  g_assert_cmpuint (count_section_pages (GTK_WIDGET (overlay)), ==, 1);
  group = quorum_test_find_type (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_GROUP);
  g_object_get (group, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "General");
  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shortcuts window is the help overlay, and lists the accelerators
 * the application sets. */
static void
test_shortcuts (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = open_window (sample);
  GtkShortcutsWindow *overlay = show_shortcuts (window);
  g_autoptr(GString) listed = g_string_new (NULL);
  const char *expected[][2] = {
    { "win.open-store", "<Control>o" },
    { "win.reload", "<Control>r" },
    { "win.reload", "F5" },
    { "win.search", "<Control>f" },
    { "win.sync", "<Shift><Control>s" },
    { "app.preferences", "<Control>comma" },
    { "app.quit", "<Control>q" },
    { "win.show-view('overview')", "<Alt>1" },
    { "win.show-view('budgets')", "<Alt>2" },
    { "win.show-view('actions')", "<Alt>5" },
    { "win.show-view('checks')", "<Alt>6" },
    { "win.show-view('budget-pressure')", "<Alt>8" },
    { "win.show-view('notes')", "<Alt>9" },
    { "win.note-selection", "<Control><Alt>n" },
    { "win.show-help-overlay", "<Control>question" },
  };

  collect_accelerators (GTK_WIDGET (overlay), listed);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    expected[i][0]);

      g_assert_true (g_strv_contains ((const char * const *) accels, expected[i][1]));
      g_assert_nonnull (strstr (listed->str, expected[i][1]));
    }
  g_assert_nonnull (strstr (listed->str, "Keyboard shortcuts=<Control>question"));
  g_assert_nonnull (strstr (listed->str, "Actions=<Alt>5"));
  g_assert_nonnull (strstr (listed->str, "Checks=<Alt>6"));
  /* The budget tables' own keys (tests/app/budgets/test-budgets.c presses them). */
  g_assert_nonnull (strstr (listed->str, "Show or hide the row’s details=F9"));
  g_assert_nonnull (strstr (listed->str, "Open the selected group=plus <Shift>Right"));
  g_assert_nonnull (strstr (listed->str, "Close the selected group=minus <Shift>Left"));
  g_assert_nonnull (strstr (listed->str, "Open everything in the selected group=asterisk"));
  /* Closed, it is kept for the next time. */
  gtk_window_close (GTK_WINDOW (overlay));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                 overlay);

  /* The sync button is in the header bar; without a server there is
   * nothing to sync, nor to cancel. */
  g_assert_nonnull (quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_SYNC_BUTTON));
  g_assert_true (gtk_widget_get_visible (quorum_test_find_type (GTK_WIDGET (window),
                                                    QUORUM_TYPE_SYNC_BUTTON)));
  {
    QuorumSyncController *sync = quorum_sync_button_get_controller (
      QUORUM_SYNC_BUTTON (quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_SYNC_BUTTON)));

    g_assert_nonnull (sync);
    g_assert_true (quorum_sync_controller_get_store (sync) == quorum_window_get_store (window));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL);
    quorum_test_iterate ();
    g_assert_cmpint (quorum_sync_controller_get_state (sync), ==,
                     QUORUM_SYNC_STATE_NOT_CONFIGURED);
  }

  /* Alt+5 is the Checks view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "checks"));
  quorum_test_iterate ();
  g_assert_cmpstr (visible_view (window), ==, "checks");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  app = quorum_test_app_init (&argc, &argv, &data_home);
  if (app == NULL)
    return 77;

  g_test_add_func ("/navigation/views", test_views);
  g_test_add_func ("/navigation/checks", test_checks);
  g_test_add_func ("/navigation/finding-to-budgets", test_finding_to_budgets);
  g_test_add_func ("/navigation/board-meeting-papers", test_board_meeting_papers);
  g_test_add_func ("/navigation/settings", test_settings);
  g_test_add_func ("/navigation/open-store", test_open_store);
  g_test_add_func ("/navigation/drop-store", test_drop_store);
  g_test_add_func ("/navigation/watch", test_watch);
  g_test_add_func ("/navigation/broken-store", test_broken_store);
  g_test_add_func ("/navigation/shortcuts", test_shortcuts);
  g_test_add_func ("/navigation/shortcuts-shown", test_shortcuts_shown);

  status = g_test_run ();
  g_clear_object (&app);
  quorum_test_rm_rf (data_home);
  return status;
}
