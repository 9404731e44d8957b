/* test-work-packages.c: the work packages, deciding on one, and budget pressure
 *
 * Drives the real window on temporary copies of the sample store (never on
 * the source tree, except to check that the bundled sample is left alone).
 * Runs under Xvfb (build-aux/run-tests); skips cleanly without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-core.h"
#include "quorum-decide-dialog.h"
#include "quorum-list-row.h"
#include "quorum-preferences-window.h"
#include "quorum-pressure-view.h"
#include "quorum-window.h"
#include "quorum-work-package-page.h"
#include "quorum-work-packages-view.h"
#include "quorum-ui-test-util.h"

/* The sample's packages the Board has not decided on (see
 * build-aux/generate-sample-work-packages.py): four Q4 packages and a brief. */
static const char * const awaiting[] = {
  "wp-2020-21-q4-tabasc",
  "wp-2020-21-q4-ssc",
  "wp-2020-21-q4-privacy",
  "wp-2020-21-q4-party-engagement",
  "wp-2020-21-project-security-threat-mapping",
};

static QuorumApplication *app;
static char *data_home;       /* $XDG_DATA_HOME, a temporary folder */

/* --- helpers ---------------------------------------------------------------- */

static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (out, "row:%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), "") > 0)
    g_string_append_printf (out, "subtitle:%s\n",
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  /* The overview's rows. */
  if (QUORUM_IS_LIST_ROW (widget) &&
      g_strcmp0 (quorum_list_row_get_subtitle (QUORUM_LIST_ROW (widget)), "") > 0)
    g_string_append_printf (out, "subtitle:%s\n",
                            quorum_list_row_get_subtitle (QUORUM_LIST_ROW (widget)));
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "label:%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_INSCRIPTION (widget))
    g_string_append_printf (out, "cell:%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static char *
texts_of (gpointer widget)
{
  GString *out = g_string_new (NULL);

  collect_texts (GTK_WIDGET (widget), out);
  return g_string_free (out, FALSE);
}

static gboolean
shows (gpointer    widget,
       const char *text)
{
  g_autofree char *texts = texts_of (widget);

  return strstr (texts, text) != NULL;
}

typedef struct
{
  gpointer widget;
  const char *text;
} Expected;

static gboolean
expected_shown (gpointer data)
{
  Expected *expected = data;

  return shows (expected->widget, expected->text);
}

/* Whether @widget shows @text, once the main loop has had time to lay it out. */
static gboolean
eventually_shows (gpointer    widget,
                  const char *text)
{
  Expected expected = { widget, text };

  return quorum_test_wait_for (expected_shown, &expected);
}

/* Loaded and laid out (the leaflet folds when it is first allocated),
 * whichever pane a folded window shows. */
static gboolean
store_shown_anywhere (gpointer data)
{
  GtkWidget *leaflet = quorum_test_find_type (GTK_WIDGET (data), ADW_TYPE_LEAFLET);

  return leaflet != NULL && gtk_widget_get_mapped (leaflet) && gtk_widget_get_width (leaflet) > 0;
}

static void
show_view (QuorumWindow *window,
           const char   *view)
{
  GtkWidget *row = quorum_test_find_named (GTK_WIDGET (window), view);

  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  quorum_test_iterate ();
}

static QuorumWorkPackagesView *
packages_view (QuorumWindow *window)
{
  return QUORUM_WORK_PACKAGES_VIEW (quorum_test_find_type (GTK_WIDGET (window),
                                               QUORUM_TYPE_WORK_PACKAGES_VIEW));
}

static guint
find_shown (QuorumWorkPackagesView *view,
            const char             *id)
{
  GListModel *shown = quorum_work_packages_view_get_shown (view);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(QuorumWorkPackage) wp = g_list_model_get_item (shown, i);

      if (g_str_equal (quorum_work_package_get_id (wp), id))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Opens a package's page the way a click on its row does. */
static QuorumWorkPackagePage *
open_package (QuorumWindow *window,
              const char   *id)
{
  QuorumWorkPackagesView *view = packages_view (window);
  GtkWidget *column_view = quorum_test_find_named (GTK_WIDGET (view), "work-packages-list");
  guint position = find_shown (view, id);
  QuorumWorkPackagePage *page;

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_signal_emit_by_name (column_view, "activate", position);
  quorum_test_iterate ();

  page = QUORUM_WORK_PACKAGE_PAGE (quorum_test_find_type (GTK_WIDGET (window),
                                              QUORUM_TYPE_WORK_PACKAGE_PAGE));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (quorum_work_package_get_id (quorum_work_package_page_get_work_package (page)),
                   ==, id);
  return page;
}

static void
click (gpointer    root,
       const char *name)
{
  GtkWidget *button = quorum_test_find_named (GTK_WIDGET (root), name);

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  quorum_test_iterate ();
}

static void
fill_decide_dialog (QuorumDecideDialog *dialog,
                    const char         *by,
                    const char         *role,
                    const char         *comment)
{
  GtkWidget *comment_view = quorum_test_find_named (GTK_WIDGET (dialog), "comment-view");

  gtk_editable_set_text (GTK_EDITABLE (quorum_test_find_named (GTK_WIDGET (dialog), "name-row")),
                         by);
  gtk_editable_set_text (GTK_EDITABLE (quorum_test_find_named (GTK_WIDGET (dialog), "role-row")),
                         role);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (comment_view)), comment, -1);
}

static gboolean
page_shows_pending (gpointer data)
{
  return shows (data, "label:Awaiting sync\n");
}

static gboolean
toast_shown (gpointer data)
{
  return shows (data, "label:Decision recorded: Approved\n");
}

/* The one file in decisions/ID/ of @store, which must hold exactly one. */
static char *
only_decision_file (const char *store,
                    const char *id)
{
  g_autofree char *folder = g_build_filename (store, "decisions", id, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  char *found = NULL;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_null (found);
      g_assert_true (g_str_has_suffix (name, ".json"));
      found = g_build_filename (folder, name, NULL);
    }
  g_assert_nonnull (found);
  return found;
}

/* The decision file is what was typed, and loads back as the latest. */
static void
assert_decision_written (const char *store,
                         const char *id,
                         const char *by,
                         const char *role,
                         const char *comment)
{
  g_autofree char *file = only_decision_file (store, id);
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(QuorumStore) reloaded = quorum_store_new (store);
  g_autoptr(GError) error = NULL;
  QuorumWorkPackage *wp;
  QuorumDecision *latest;
  gsize length;

  g_assert_true (g_file_get_contents (file, &data, &length, NULL));
  decision = quorum_decision_new_from_data (file, id, data, length, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (decision);
  g_assert_cmpstr (quorum_decision_get_decision (decision), ==, "approve");
  g_assert_cmpstr (quorum_decision_get_work_package (decision), ==, id);
  g_assert_cmpstr (quorum_decision_get_by (decision), ==, by);
  g_assert_cmpstr (quorum_decision_get_role (decision), ==, role);
  g_assert_cmpstr (quorum_decision_get_comment (decision), ==, comment);
  g_assert_cmpint (quorum_decision_get_seal_state (decision), ==, QUORUM_SEAL_VALID);

  g_assert_true (quorum_store_load (reloaded, NULL, &error));
  g_assert_no_error (error);
  wp = quorum_store_find_work_package (reloaded, id);
  g_assert_nonnull (wp);
  g_assert_cmpint (quorum_work_package_get_outcome (wp), ==, QUORUM_OUTCOME_APPROVED);
  latest = quorum_work_package_get_latest (wp);
  g_assert_cmpstr (quorum_decision_get_id (latest), ==, quorum_decision_get_id (decision));
  g_assert_cmpstr (quorum_decision_get_by (latest), ==, by);
  g_assert_cmpstr (quorum_decision_get_role (latest), ==, role);
  g_assert_cmpstr (quorum_decision_get_comment (latest), ==, comment);
  g_assert_true (quorum_decision_get_pending_sync (latest));
}

/* What a widget shows as its text, for find_showing(): an inscription's
 * text or a (preferences) row's title. */
static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return NULL;
}

/* The mapped widget of @type under @widget that shows @text. */
static GtkWidget *
find_showing (GtkWidget  *widget,
              GType       type,
              const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && g_strcmp0 (shown_text (widget), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_showing (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_cell (GtkWidget  *widget,
           const char *text)
{
  return find_showing (widget, GTK_TYPE_INSCRIPTION, text);
}

/* An action row, or one of the overview's QuorumListRows. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  return find_showing (widget, ADW_TYPE_PREFERENCES_ROW, title);
}

/* --- tests ------------------------------------------------------------------ */

/* Every package is listed; the outcome filter keeps the undecided ones; a
 * filter that hides all says so. Wide enough for every column (below, the
 * quarter and the committee give way: test-work-packages-layout.c). */
static void
test_list_and_filter (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  QuorumWindow *window = quorum_test_open_window (app, store, 1260, 720);
  QuorumWorkPackagesView *view;
  GListModel *shown;
  GtkWidget *outcome, *status;

  show_view (window, "work-packages");
  view = packages_view (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  shown = quorum_work_packages_view_get_shown (view);

  /* 36 quarterly packages, 3 project briefs, 1 contingency drawdown. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 40);
  g_assert_true (eventually_shows (view, "label:40 work packages\n"));
  /* In the Board's order: the first quarter first, its committees by name. */
  g_assert_true (eventually_shows (view, "cell:2020/21 Q1\n"
                                         "cell:Change Board, CSC and Working Groups support, "
                                         "April to June 2020\n"
                                         "cell:Change Board\ncell:£265,332\n"));
  /* OPSG's first quarter ran 11.4% over: signed, and marked as an error. */
  g_assert_true (eventually_shows (view, "cell:£202,802\ncell:£225,921.50\n"
                                         "cell:+£23,119.50 (+11.4%)\n"
                                         "label:Approved\ncell:Closed\n"));
  g_assert_true (gtk_widget_has_css_class (find_cell (GTK_WIDGET (view),
                                                      "+£23,119.50 (+11.4%)"), "error"));
  g_assert_true (gtk_widget_has_css_class (find_cell (GTK_WIDGET (view), "£225,921.50"),
                                           "numeric"));
  /* A package that names no committee says so, dimmed. */
  g_assert_true (eventually_shows (view, "cell:None\n"));
  g_assert_true (gtk_widget_has_css_class (find_cell (GTK_WIDGET (view), "None"), "dim-label"));
  g_assert_false (gtk_widget_has_css_class (find_cell (GTK_WIDGET (view), "Change Board"),
                                            "dim-label"));

  outcome = quorum_test_find_named (GTK_WIDGET (view), "outcome-filter");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (outcome), 1);
  quorum_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, G_N_ELEMENTS (awaiting));
  for (guint i = 0; i < G_N_ELEMENTS (awaiting); i++)
    g_assert_cmpuint (find_shown (view, awaiting[i]), !=, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(QuorumWorkPackage) wp = g_list_model_get_item (shown, i);

      g_assert_cmpint (quorum_work_package_get_outcome (wp), ==, QUORUM_OUTCOME_AWAITING);
    }
  g_assert_true (eventually_shows (view, "label:5 of 40 work packages\n"));
  g_assert_true (eventually_shows (view, "label:Awaiting Decision\n"));

  /* Nothing closed awaits a decision. */
  status = quorum_test_find_named (GTK_WIDGET (view), "status-filter");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 4);
  quorum_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (eventually_shows (view, "label:No Matching Packages\n"));

  quorum_work_packages_view_clear_filters (view);
  quorum_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 40);

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (parent);
}

/* --- figures at the default size -------------------------------------------- */

static gboolean
money_cells_shown (gpointer data)
{
  g_autoptr(GPtrArray) cells = quorum_test_find_all_named (data, "actual-cell");

  return cells->len > 0 && gtk_widget_get_width (cells->pdata[0]) > 0;
}

static gboolean
money_cells_shown_named (gpointer data)
{
  g_autoptr(GPtrArray) cells = quorum_test_find_all_named (data, "spent-cell");

  return cells->len > 0;
}

/* The precision a column of amounts calls for: two decimals when any has
 * pence. */
static guint
expected_decimals (GListModel *packages,
                   guint       column)
{
  for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(QuorumWorkPackage) wp = g_list_model_get_item (packages, i);
      gint64 amount = quorum_work_package_get_estimate (wp), percent;
      gboolean has = column == 0 ||
                     (column == 1 && quorum_work_package_get_actual (wp, &amount)) ||
                     (column == 2 && quorum_work_package_get_variance (wp, &amount, &percent));

      if (has && amount % 100 != 0)
        return 2;
    }
  return 0;
}

/* At 1100×720 the estimate, the out-turn, the variance and the outcome are
 * wholly visible, each figure column at one precision (the one the store's
 * packages call for), every percentage with one decimal. */
static void
test_figures_layout (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = quorum_window_new (app);
  static const char * const cells[] = { "estimate-cell", "actual-cell", "variance-cell" };
  QuorumWorkPackagesView *view;
  GListModel *packages;
  GtkWidget *scroller;
  g_autoptr(GPtrArray) outcomes = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  quorum_window_open_store (window, sample);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (quorum_test_wait_for (quorum_test_store_loaded, window));
  show_view (window, "work-packages");
  view = packages_view (window);
  g_assert_true (quorum_test_wait_for (money_cells_shown, view));
  quorum_test_iterate ();
  packages = quorum_work_packages_view_get_shown (view);
  scroller = gtk_widget_get_ancestor (quorum_test_find_type (GTK_WIDGET (view),
                                                             GTK_TYPE_COLUMN_VIEW),
                                      GTK_TYPE_SCROLLED_WINDOW);
  /* The sample has whole pounds and pence among its out-turns. */
  g_assert_cmpuint (expected_decimals (packages, 1), ==, 2);

  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    {
      g_autoptr(GPtrArray) shown = quorum_test_find_all_named (GTK_WIDGET (view), cells[c]);
      guint decimals = expected_decimals (packages, c);

      g_assert_cmpuint (shown->len, >, 10);
      for (guint i = 0; i < shown->len; i++)
        {
          const char *text = gtk_inscription_get_text (shown->pdata[i]);
          const char *percent = strchr (text, '(');

          quorum_test_assert_fully_visible (shown->pdata[i], scroller);
          if (c == 2 && percent != NULL)
            {
              g_autofree char *amount = g_strndup (text, percent - text);

              g_assert_cmpuint (quorum_test_decimals (amount), ==, decimals);
              g_assert_cmpuint (quorum_test_decimals (text), ==, 1);
            }
          else if (g_str_has_prefix (text, "£") || g_str_has_prefix (text, "−£"))
            g_assert_cmpuint (quorum_test_decimals (text), ==, decimals);
        }
    }

  /* The titles give way, cut in the middle so that their quarter, where
   * they differ, stays ("SSC support, Ju…o September 2020"), and whole in
   * their tooltip; at this size some are cut. */
  {
    g_autoptr(GPtrArray) titles = quorum_test_find_all_named (GTK_WIDGET (view), "line-cell");
    guint n_cut = 0;

    g_assert_cmpuint (titles->len, >, 10);
    for (guint i = 0; i < titles->len; i++)
      {
        GtkInscription *title = titles->pdata[i];
        g_autoptr(PangoLayout) layout =
          gtk_widget_create_pango_layout (titles->pdata[i], gtk_inscription_get_text (title));
        int width;

        g_assert_cmpint (gtk_inscription_get_text_overflow (title), ==,
                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
        g_assert_cmpstr (gtk_widget_get_tooltip_text (titles->pdata[i]), ==,
                         gtk_inscription_get_text (title));
        pango_layout_get_pixel_size (layout, &width, NULL);
        if (width > gtk_widget_get_width (titles->pdata[i]))
          n_cut++;
      }
    g_assert_cmpuint (n_cut, >, 0);
  }

  /* The outcomes' badges. */
  outcomes = quorum_test_find_all_named (GTK_WIDGET (view), "outcome-label");
  g_assert_cmpuint (outcomes->len, >, 10);
  for (guint i = 0; i < outcomes->len; i++)
    quorum_test_assert_fully_visible (outcomes->pdata[i], scroller);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- sorting ---------------------------------------------------------------- */

/* NULL after any text, as the view sorts. */
static int
text_order (const char *a,
            const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_utf8_collate (a, b);
}

/* Absent after any amount. */
static int
amount_order (gboolean has_a,
              gint64   a,
              gboolean has_b,
              gint64   b)
{
  if (!has_a || !has_b)
    return !has_a - !has_b;
  return (a > b) - (a < b);
}

static const char *
short_name (QuorumStore       *store,
            QuorumWorkPackage *wp)
{
  const char *id = quorum_work_package_get_committee (wp);
  QuorumCommittee *committee = id != NULL ? quorum_store_find_committee (store, id) : NULL;

  return committee != NULL ? quorum_committee_get_short_name (committee) : id;
}

/* How two packages compare in the column titled @column, worked out here
 * from the accessors. */
static int
column_order (QuorumStore       *store,
              const char        *column,
              QuorumWorkPackage *a,
              QuorumWorkPackage *b)
{
  gint64 x = 0, y = 0;
  gboolean has_x, has_y;

  if (g_str_equal (column, "Quarter"))
    return text_order (quorum_work_package_get_quarter (a), quorum_work_package_get_quarter (b));
  if (g_str_equal (column, "Package"))
    return text_order (quorum_work_package_get_title (a), quorum_work_package_get_title (b));
  if (g_str_equal (column, "Committee"))
    return text_order (short_name (store, a), short_name (store, b));
  if (g_str_equal (column, "Status"))
    return text_order (quorum_work_package_get_status (a), quorum_work_package_get_status (b));
  if (g_str_equal (column, "Outcome"))
    return amount_order (TRUE, quorum_work_package_get_outcome (a),
                         TRUE, quorum_work_package_get_outcome (b));
  if (g_str_equal (column, "Estimate"))
    return amount_order (TRUE, quorum_work_package_get_estimate (a),
                         TRUE, quorum_work_package_get_estimate (b));
  if (g_str_equal (column, "Out-turn"))
    {
      has_x = quorum_work_package_get_actual (a, &x);
      has_y = quorum_work_package_get_actual (b, &y);
      return amount_order (has_x, x, has_y, y);
    }
  g_assert_cmpstr (column, ==, "Variance");
  has_x = quorum_work_package_get_variance (a, NULL, &x);
  has_y = quorum_work_package_get_variance (b, NULL, &y);
  return amount_order (has_x, x, has_y, y);
}

/* The Board's agenda: quarter, committee, title. */
static int
agenda_order (QuorumStore       *store,
              QuorumWorkPackage *a,
              QuorumWorkPackage *b)
{
  int result = column_order (store, "Quarter", a, b);

  if (result == 0)
    result = column_order (store, "Committee", a, b);
  if (result == 0)
    result = column_order (store, "Package", a, b);
  return result;
}

/* Each column sorts both ways by its value, ties in the agenda's order;
 * unsorted, the list is in the agenda's order. */
static void
test_sort (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store_path = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  QuorumWindow *window = quorum_test_open_window (app, store_path, -1, -1);
  QuorumWorkPackagesView *view;
  GtkColumnView *column_view;
  GListModel *shown, *columns;
  QuorumStore *store;

  show_view (window, "work-packages");
  view = packages_view (window);
  store = quorum_work_packages_view_get_store (view);
  shown = quorum_work_packages_view_get_shown (view);
  column_view = GTK_COLUMN_VIEW (quorum_test_find_named (GTK_WIDGET (view),
                                                         "work-packages-list"));
  columns = gtk_column_view_get_columns (column_view);
  /* Eight, and the Package column's two-line copy shown when narrow. */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 9);

  for (guint c = 0; c <= g_list_model_get_n_items (columns); c++)
    for (int direction = 0; direction < 2; direction++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
        const char *title = column != NULL ? gtk_column_view_column_get_title (column) : NULL;
        guint distinct = 0;

        gtk_column_view_sort_by_column (column_view, column,
                                        direction == 0 ? GTK_SORT_ASCENDING
                                                       : GTK_SORT_DESCENDING);
        quorum_test_iterate ();
        g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 40);
        for (guint i = 1; i < g_list_model_get_n_items (shown); i++)
          {
            g_autoptr(QuorumWorkPackage) a = g_list_model_get_item (shown, i - 1);
            g_autoptr(QuorumWorkPackage) b = g_list_model_get_item (shown, i);
            int order = title != NULL ? column_order (store, title, a, b) : 0;

            if (direction == 1)
              order = -order;
            if (order != 0)
              distinct++;
            g_assert_cmpint (order, <=, 0);
            if (order == 0)
              g_assert_cmpint (agenda_order (store, a, b), <=, 0);
          }
        /* The sample tells its packages apart in every column. */
        if (title != NULL)
          g_assert_cmpuint (distinct, >=, 1);
      }

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (parent);
}

/* The overview's link to the work packages says how many there are and
 * opens them. */
static void
test_overview_link (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  QuorumWindow *window = quorum_test_open_window (app, store, -1, -1);
  GtkWidget *row;

  show_view (window, "overview");
  g_assert_true (eventually_shows (window, "subtitle:40 packages to review and decide on\n"));
  row = find_row (GTK_WIDGET (window), "Work Packages");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_true (gtk_widget_activate (row));
  quorum_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (packages_view (window))));

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (parent);
}

/* Preferences lists the window's store's backups, bound to them: none at
 * first, then the one a sync made, whose Restore… button asks first. */
static void
test_preferences_backups (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  QuorumWindow *window = quorum_test_open_window (app, store, -1, -1);
  GSettings *settings = quorum_application_get_settings (app);
  QuorumPreferencesWindow *preferences;
  g_autoptr(QuorumBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row, *button;

  preferences = quorum_preferences_window_new (GTK_WINDOW (window), settings);
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (eventually_shows (preferences, "row:No backups yet\n"));
  gtk_window_destroy (GTK_WINDOW (preferences));

  backup = quorum_backup_begin (store, "sync", &error);
  g_assert_no_error (error);
  g_assert_true (quorum_backup_keep (backup, "committees.json", &error));
  g_assert_no_error (error);
  g_assert_true (quorum_backup_finish (backup, QUORUM_DEFAULT_BACKUPS_KEPT, &error));
  g_assert_no_error (error);

  preferences = quorum_preferences_window_new (GTK_WINDOW (window), settings);
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (eventually_shows (preferences, "subtitle:1 file · sync\n"));
  g_assert_false (shows (preferences, "row:No backups yet\n"));
  row = find_row (GTK_WIDGET (preferences), quorum_backup_get_created (backup));
  g_assert_nonnull (row);
  button = quorum_test_find_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (quorum_test_wait_for (quorum_test_dialog_shown,
                                       (gpointer) "Restore These Files?"));
  gtk_window_destroy (GTK_WINDOW (quorum_test_find_dialog ("Restore These Files?")));

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (parent);
}

static void
record_page_cb (GtkStack  *stack,
                GParamSpec *pspec,
                GString   *pages)
{
  g_string_append_printf (pages, "%s\n", gtk_stack_get_visible_child_name (stack));
}

static gboolean
store_is_loaded (gpointer data)
{
  return quorum_store_is_loaded (quorum_window_get_store (data));
}

/* Switching stores with the list shown: while the other store loads the
 * list says so, and never that the store has no work packages. */
static void
test_loading_state (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = quorum_test_open_window (app, sample, -1, -1);
  QuorumWorkPackagesView *view;
  GtkWidget *stack;
  g_autoptr(GString) pages = g_string_new (NULL);

  show_view (window, "work-packages");
  view = packages_view (window);
  stack = quorum_test_find_type (GTK_WIDGET (view), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "packages");
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (record_page_cb), pages);

  quorum_window_open_store (window, store);
  g_assert_false (quorum_store_is_loaded (quorum_window_get_store (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "loading");
  g_assert_true (quorum_test_wait_for (store_is_loaded, window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "packages");
  g_test_message ("pages shown: %s", pages->str);
  g_assert_null (strstr (pages->str, "empty"));
  g_assert_nonnull (strstr (pages->str, "loading"));

  g_signal_handlers_disconnect_by_data (stack, pages);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (quorum_application_get_settings (app), "last-view");
  g_settings_reset (quorum_application_get_settings (app), "store-path");
  g_settings_reset (quorum_application_get_settings (app), "recent-stores");
  quorum_test_rm_rf (parent);
}

/* The view last shown comes back; a name that is not a view is ignored. */
static void
test_last_view (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  GSettings *settings = quorum_application_get_settings (app);
  QuorumWindow *window;

  g_settings_set_string (settings, "last-view", "budget-pressure");
  window = quorum_test_open_window (app, store, -1, -1);
  g_assert_true (gtk_widget_get_mapped (quorum_test_find_type (GTK_WIDGET (window),
                                                   QUORUM_TYPE_PRESSURE_VIEW)));
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (
    quorum_test_find_named (GTK_WIDGET (window), "budget-pressure"))));
  show_view (window, "work-packages");
  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_iterate ();
  {
    g_autofree char *saved = g_settings_get_string (settings, "last-view");

    g_assert_cmpstr (saved, ==, "work-packages");
  }

  g_settings_set_string (settings, "last-view", "no-such-view");
  window = quorum_test_open_window (app, store, -1, -1);
  g_assert_true (eventually_shows (window, "label:Budget Documents\n"));
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "last-view");
  quorum_test_rm_rf (parent);
}

static gboolean
sidebar_shown (gpointer data)
{
  return gtk_widget_get_mapped (quorum_test_find_named (GTK_WIDGET (data), "overview"));
}

static gboolean
sidebar_hidden (gpointer data)
{
  return !sidebar_shown (data);
}

/* On a narrow window the sidebar folds away behind a back button. */
static void
test_narrow (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  GSettings *settings = quorum_application_get_settings (app);
  QuorumWindow *window = quorum_window_new (app);
  AdwLeaflet *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  quorum_window_open_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (quorum_test_wait_for (store_shown_anywhere, window));

  leaflet = ADW_LEAFLET (quorum_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  /* Once its fold animation ends, the content pane alone is shown. */
  g_assert_true (quorum_test_wait_for (sidebar_hidden, window));
  g_assert_true (eventually_shows (window, "label:Budget Documents\n"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_true (quorum_test_wait_for (sidebar_shown, window));
  show_view (window, "work-packages");
  g_assert_true (quorum_test_wait_for (sidebar_hidden, window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (packages_view (window))));

  gtk_window_destroy (GTK_WINDOW (window));
  /* The size is kept in settings, like the user's. */
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  quorum_test_rm_rf (parent);
}

/* Approving a package awaiting a decision: the dialog, the file, the history. */
/* Ctrl+Enter (or Enter) pressed in @dialog's comment: whether it was handled. */
static gboolean
press_enter_in_comment (QuorumDecideDialog *dialog,
                        GdkModifierType     state)
{
  GtkWidget *comment_view = quorum_test_find_named (GTK_WIDGET (dialog), "comment-view");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (comment_view);
  gboolean handled = FALSE;
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      /* Ours is the one in the capture phase (the text view's own bubble). */
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 36, state, &handled);
          found = TRUE;
        }
    }
  g_assert_true (found);
  quorum_test_iterate ();
  return handled;
}

/* Rejecting an approved package: a comment is required, the dialog says it
 * supersedes the approval, and Ctrl+Enter records it. */
static void
change_decision (QuorumWindow          *window,
                 QuorumWorkPackagePage *page)
{
  QuorumDecideDialog *dialog;
  GtkWidget *hint;
  GtkTextBuffer *buffer;
  GtkWidget *change = quorum_test_find_named (GTK_WIDGET (page), "change-decision-button");
  GtkWidget *approve = quorum_test_find_named (GTK_WIDGET (page), "approve-button");
  GtkWidget *latest = quorum_test_find_named (GTK_WIDGET (page), "latest-decision");
  graphene_point_t at_change, at_latest;

  /* Change Decision… is at the top, beside the outcome and above the
   * latest decision, and leads to the decision buttons. */
  g_assert_true (gtk_widget_get_mapped (change));
  g_assert_true (gtk_widget_compute_point (change, GTK_WIDGET (page),
                                           &GRAPHENE_POINT_INIT (0, 0), &at_change));
  g_assert_true (gtk_widget_compute_point (latest, GTK_WIDGET (page),
                                           &GRAPHENE_POINT_INIT (0, 0), &at_latest));
  g_assert_cmpfloat (at_change.y, <, at_latest.y);
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (approve)) != approve);
  click (page, "change-decision-button");
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (approve)) == approve);

  click (page, "reject-button");
  dialog = QUORUM_DECIDE_DIALOG (quorum_test_find_dialog_of_type (QUORUM_TYPE_DECIDE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "It supersedes the decision of "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Grace Ilori approved the package."));
  fill_decide_dialog (dialog, "Grace Ilori", "SECCo Board", "  ");
  quorum_test_iterate ();
  /* A name but no comment: no rejection, and the hint says why. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "reject"));
  hint = quorum_test_find_named (GTK_WIDGET (dialog), "decide-hint");
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==,
                   "Say why in a comment to reject the package.");
  /* Ctrl+Enter does nothing yet (and inserts no new line). */
  g_assert_true (press_enter_in_comment (dialog, GDK_CONTROL_MASK));
  g_assert_true (quorum_test_find_dialog_of_type (QUORUM_TYPE_DECIDE_DIALOG) ==
                 ADW_MESSAGE_DIALOG (dialog));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (quorum_test_find_named (GTK_WIDGET (dialog),
                                                                            "comment-view")));
  gtk_text_buffer_set_text (buffer, "The questionnaire is late.", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "reject"));
  g_assert_false (gtk_widget_get_visible (hint));
  /* Enter alone is the text view's: a new line, not a decision. */
  g_assert_false (press_enter_in_comment (dialog, 0));
  g_assert_true (press_enter_in_comment (dialog, GDK_CONTROL_MASK));
  g_assert_true (eventually_shows (page, "label:Rejected by Grace Ilori on "));
  g_assert_true (gtk_widget_has_css_class (quorum_test_find_named (GTK_WIDGET (page),
                                                                   "approve-button"),
                                           "suggested-action"));
  (void) window;
}

static void
test_decide (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  GSettings *settings = quorum_application_get_settings (app);
  const char *id = "wp-2020-21-q4-tabasc";
  const char *comment = "Approved for the TABASC review.\nReport the questionnaire in April.";
  QuorumWindow *window;
  QuorumWorkPackagePage *page;
  QuorumDecideDialog *dialog;
  g_autofree char *member_name = NULL;
  g_autofree char *member_role = NULL;
  GtkWidget *outcome_pill;
  GListModel *shown;

  g_settings_set_string (settings, "member-name", "");
  g_settings_set_string (settings, "member-role", "");
  window = quorum_test_open_window (app, store, -1, -1);
  show_view (window, "work-packages");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (quorum_test_find_named (GTK_WIDGET (window),
                                                                    "outcome-filter")),
                              1);
  quorum_test_iterate ();
  shown = quorum_work_packages_view_get_shown (packages_view (window));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);

  page = open_package (window, id);
  g_assert_true (eventually_shows (page, "label:TABASC support, January to March 2021\n"));
  g_assert_true (eventually_shows (page, "row:No decisions yet\n"));
  g_assert_true (eventually_shows (page, "row:Not reported yet\n"));
  g_assert_true (eventually_shows (page, "label:Awaiting Decision\n"));
  /* Table 3's TABASC line, the year's provision. */
  g_assert_true (eventually_shows (page, "label:Line\nlabel:TABASC\n"));
  g_assert_true (eventually_shows (page, "label:Provision for 2020/21\nlabel:£677,666\n"));

  click (page, "approve-button");
  dialog = QUORUM_DECIDE_DIALOG (quorum_test_find_dialog_of_type (QUORUM_TYPE_DECIDE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Approve “TABASC support, January to March 2021”?");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   "The estimate is £168,569 for 2020/21 Q4."));
  /* No name, no decision. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "approve"));
  fill_decide_dialog (dialog, "Grace Ilori", "SECCo Board", comment);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "approve"));
  quorum_test_respond (dialog, "_Approve");

  g_assert_true (quorum_test_wait_for (page_shows_pending, page));
  /* The toast comes with the write's callback, like the pending mark; look
   * for it at once, before it times out on a slow machine. */
  g_assert_true (quorum_test_wait_for (toast_shown, window));
  outcome_pill = quorum_test_find_named (GTK_WIDGET (page), "outcome-pill");
  g_assert_true (eventually_shows (outcome_pill, "label:Approved\n"));
  g_assert_true (eventually_shows (page, "row:Approved\n"));
  g_assert_true (eventually_shows (page, "Grace Ilori — SECCo Board · "));
  g_assert_true (eventually_shows (page, "\nApproved for the TABASC review.\n"
                                         "Report the questionnaire in April.\n"));
  g_assert_false (shows (page, "row:No decisions yet\n"));
  /* The name and role are offered next time. */
  member_name = g_settings_get_string (settings, "member-name");
  member_role = g_settings_get_string (settings, "member-role");
  g_assert_cmpstr (member_name, ==, "Grace Ilori");
  g_assert_cmpstr (member_role, ==, "SECCo Board");

  assert_decision_written (store, id, "Grace Ilori", "SECCo Board",
                           "Approved for the TABASC review.\n"
                           "Report the questionnaire in April.");

  /* The list follows: the package no longer awaits a decision. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  g_assert_cmpuint (find_shown (packages_view (window), id), ==, GTK_INVALID_LIST_POSITION);

  /* The latest decision is at the top; approving is no longer suggested. */
  g_assert_true (eventually_shows (page, "label:Approved by Grace Ilori on "));
  g_assert_false (gtk_widget_has_css_class (quorum_test_find_named (GTK_WIDGET (page),
                                                                    "approve-button"),
                                            "suggested-action"));
  change_decision (window, page);

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (parent);
}

/* A decision that cannot be written: the error is shown, nothing changes,
 * and trying again offers the comment typed before. */
static void
test_decide_fails (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  const char *id = "wp-2020-21-q4-privacy";
  g_autofree char *blocker = g_build_filename (store, "decisions", id, NULL);
  g_autofree char *kept = NULL;
  QuorumWindow *window;
  QuorumWorkPackagePage *page;
  QuorumDecideDialog *dialog;
  AdwMessageDialog *error_dialog;

  /* A file where the package's decisions folder would go. */
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));

  window = quorum_test_open_window (app, store, -1, -1);
  show_view (window, "work-packages");
  page = open_package (window, id);
  click (page, "defer-button");
  dialog = QUORUM_DECIDE_DIALOG (quorum_test_find_dialog_of_type (QUORUM_TYPE_DECIDE_DIALOG));
  g_assert_nonnull (dialog);
  fill_decide_dialog (dialog, "Grace Ilori", "SECCo Board", "Defer until the Controls Framework "
                                                            "update is out.");
  quorum_test_respond (dialog, "_Defer");

  g_assert_true (quorum_test_wait_for (quorum_test_dialog_of_type_shown,
                                       GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  error_dialog = quorum_test_find_dialog_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (error_dialog), ==,
                   "The Decision Was Not Recorded");
  g_assert_true (strstr (adw_message_dialog_get_body (error_dialog), id) != NULL);
  g_assert_false (quorum_work_package_page_get_busy (page));
  g_assert_true (gtk_widget_is_sensitive (
                   quorum_test_find_named (GTK_WIDGET (page), "defer-button")));
  g_assert_true (eventually_shows (quorum_test_find_named (GTK_WIDGET (page), "outcome-pill"),
                                   "label:Awaiting Decision\n"));
  g_assert_true (eventually_shows (page, "row:No decisions yet\n"));

  quorum_test_respond (error_dialog, "_Try Again");
  dialog = QUORUM_DECIDE_DIALOG (quorum_test_find_dialog_of_type (QUORUM_TYPE_DECIDE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (quorum_decide_dialog_get_decision (dialog), ==, "defer");
  kept = quorum_decide_dialog_dup_comment (dialog);
  g_assert_cmpstr (kept, ==, "Defer until the Controls Framework update is out.");
  quorum_test_respond (dialog, "_Cancel");

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (parent);
}

/* A decision changed after it was written is shown with a warning and does
 * not count: wp-2020-21-q2-tag was rejected, then approved; with the
 * approval's comment edited by hand, the package reads Rejected again. */
static void
test_broken_seal (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  g_autofree char *file = g_build_filename (store, "decisions", "wp-2020-21-q2-tag",
                                            "20200625t090600z-priya-natarajan.json", NULL);
  g_autofree char *data = NULL;
  g_autofree char *edited = NULL;
  g_auto(GStrv) parts = NULL;
  QuorumWindow *window;
  QuorumWorkPackagePage *page;

  g_assert_true (g_file_get_contents (file, &data, NULL, NULL));
  parts = g_strsplit (data, "Revised estimate approved.", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strjoinv ("Revised estimate approved in full.", parts);
  g_assert_true (g_file_set_contents (file, edited, -1, NULL));

  window = quorum_test_open_window (app, store, -1, -1);
  show_view (window, "work-packages");
  page = open_package (window, "wp-2020-21-q2-tag");
  g_assert_true (eventually_shows (quorum_test_find_named (GTK_WIDGET (page), "outcome-pill"),
                                   "label:Rejected\n"));
  g_assert_true (eventually_shows (page, "subtitle:Changed after it was written: not counted\n"
                                         "Priya Natarajan — SECCo Board · "));
  g_assert_true (eventually_shows (page, "label:Not counted\n"));

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (parent);
}

/* A closed package cannot be decided on, and the page says why. */
static void
test_cannot_decide (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  QuorumWindow *window = quorum_test_open_window (app, store, -1, -1);
  QuorumWorkPackagePage *page;

  show_view (window, "work-packages");
  page = open_package (window, "wp-2020-21-q1-opsg");
  g_assert_false (gtk_widget_is_sensitive (
                    quorum_test_find_named (GTK_WIDGET (page), "approve-button")));
  g_assert_false (gtk_widget_is_sensitive (
                    quorum_test_find_named (GTK_WIDGET (page), "reject-button")));
  g_assert_false (gtk_widget_is_sensitive (
                    quorum_test_find_named (GTK_WIDGET (page), "defer-button")));
  {
    /* Named by its title, not its id. */
    g_autofree char *closed = g_strdup_printf ("label:“%s” is closed: its quarter is over and "
                                               "its out-turn reported\n",
                                               quorum_work_package_get_title (
                                                 quorum_work_package_page_get_work_package (page)));

    g_assert_true (eventually_shows (page, closed));
    g_assert_false (shows (page, "wp-2020-21-q1-opsg"));
  }
  /* Its out-turn: 11.4% over the estimate. */
  g_assert_true (eventually_shows (page, "label:Variance against the estimate\n"
                                         "label:+£23,119.50 (+11.4%)\n"));
  g_assert_true (eventually_shows (page, "label:Reported\nlabel:21 July 2020\n"));

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (parent);
}

/* OPSG is the line over its provision, as worked out by hand from the sample:
 * Table 3 provides £832,007 for 2020/21; Q1–Q3 out-turns £225,921.50 +
 * £220,000.50 + £235,801.50 = £681,723.50 spent, plus the approved Q4
 * estimate £209,042 = £890,765.50 projected, £58,758.50 over. The four
 * approved estimates commit £832,008. */
static void
test_pressure (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *store = quorum_test_copy_sample_to_tmp ("quorum-wp-XXXXXX", &parent);
  /* Wide enough for every column, the committed one included. */
  QuorumWindow *window = quorum_test_open_window (app, store, 1260, 720);
  GtkWidget *view;
  GListModel *lines;
  guint n_over = 0;

  show_view (window, "budget-pressure");
  view = quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_PRESSURE_VIEW);
  g_assert_true (gtk_widget_get_mapped (view));
  lines = quorum_pressure_view_get_lines (QUORUM_PRESSURE_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (lines), >, 0);

  /* One precision a column: the Spent column's pence give every figure in
   * it two decimals; the Provision's whole pounds none. */
  {
    static const char * const cells[] = { "provision-cell", "spent-cell" };

    for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
      {
        g_autoptr(GPtrArray) shown = NULL;
        guint decimals = 0;

        for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
          {
            g_autoptr(QuorumPressureLine) line = g_list_model_get_item (lines, i);
            gint64 amount = c == 0 ? quorum_pressure_line_get_provision (line)
                                   : quorum_pressure_line_get_spent (line);

            if (amount % 100 != 0)
              decimals = 2;
          }
        g_assert_cmpuint (decimals, ==, c == 0 ? 0 : 2);
        g_assert_true (quorum_test_wait_for (money_cells_shown_named, (gpointer) view));
        shown = quorum_test_find_all_named (view, cells[c]);
        g_assert_cmpuint (shown->len, >, 5);
        for (guint i = 0; i < shown->len; i++)
          g_assert_cmpuint (quorum_test_decimals (gtk_inscription_get_text (shown->pdata[i])),
                            ==, decimals);
      }
  }

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(QuorumPressureLine) line = g_list_model_get_item (lines, i);

      if (!quorum_pressure_line_get_over (line))
        continue;
      n_over++;
      g_assert_cmpstr (quorum_pressure_line_get_table (line), ==, "costs-by-committee");
      g_assert_cmpstr (quorum_pressure_line_get_row (line), ==, "opsg");
      g_assert_cmpstr (quorum_pressure_line_get_year (line), ==, "2020/21");
      g_assert_cmpint (quorum_pressure_line_get_provision (line), ==, 83200700);
      g_assert_cmpint (quorum_pressure_line_get_committed (line), ==, 83200800);
      g_assert_cmpint (quorum_pressure_line_get_spent (line), ==, 68172350);
      g_assert_cmpint (quorum_pressure_line_get_projected (line), ==, 89076550);
      g_assert_cmpint (quorum_pressure_line_get_remaining (line), ==, -5875850);
    }
  g_assert_cmpuint (n_over, ==, 1);

  g_assert_true (eventually_shows (view, "label:1 budget line is over its provision: "
                                         "OPSG (2020/21)\n"));
  /* Shown in words, with its figures; the shortfall carries its minus sign. */
  g_assert_true (eventually_shows (view, "cell:OPSG\n"));
  g_assert_true (eventually_shows (view, "cell:£832,007\ncell:£832,008\ncell:£681,723.50\n"
                                         "cell:£890,765.50\ncell:−£58,758.50\ncell:4 of 4\n"
                                         "label:Over provision\n"));
  g_assert_true (eventually_shows (view, "label:Within provision\n"));
  g_assert_true (eventually_shows (view, "label:Not released\n"));
  g_assert_true (gtk_widget_has_css_class (find_cell (view, "−£58,758.50"), "error"));
  g_assert_false (gtk_widget_has_css_class (find_cell (view, "£832,007"), "error"));
  /* The line: its label in bold when over, its document under it, where it
   * is in the tooltip, in the names the store gives them. */
  {
    QuorumStore *loaded = quorum_window_get_store (window);
    g_autoptr(QuorumPressureLine) over = NULL;
    QuorumBudgetDocument *document;
    QuorumTable *table;
    GtkWidget *label, *line_box;
    g_autofree char *where = NULL;

    for (guint i = 0; over == NULL && i < g_list_model_get_n_items (lines); i++)
      {
        g_autoptr(QuorumPressureLine) line = g_list_model_get_item (lines, i);

        if (quorum_pressure_line_get_over (line))
          over = g_steal_pointer (&line);
      }
    document = quorum_store_find_document (loaded, quorum_pressure_line_get_document (over));
    table = quorum_budget_document_find_table (document, quorum_pressure_line_get_table (over));
    where = g_strdup_printf ("%s · %s · %s", quorum_budget_document_get_title (document),
                             quorum_table_get_title (table), quorum_pressure_line_get_year (over));
    label = find_cell (view, "OPSG");
    g_assert_true (gtk_widget_has_css_class (label, "heading"));
    /* Cut in the middle, where lines differ, when it must be cut. */
    g_assert_cmpint (gtk_inscription_get_text_overflow (GTK_INSCRIPTION (label)), ==,
                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
    line_box = gtk_widget_get_parent (gtk_widget_get_parent (label));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (line_box), ==, where);
    g_assert_nonnull (find_cell (gtk_widget_get_parent (label),
                                 quorum_budget_document_get_title (document)));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  quorum_test_rm_rf (parent);
}

/* The bundled sample is read-only: deciding there offers the user's own
 * copy, and the source tree is never written to. */
static gboolean
has_window_subtitle (GtkWidget  *widget,
                     const char *subtitle)
{
  if (ADW_IS_WINDOW_TITLE (widget) &&
      g_strcmp0 (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)), subtitle) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_window_subtitle (child, subtitle))
      return TRUE;
  return FALSE;
}

static void
test_sample_read_only (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *before = quorum_test_snapshot_tree (sample);
  g_autofree char *after = NULL;
  gboolean unchanged;
  g_autofree char *user_store = quorum_store_dup_user_path ();
  g_autofree char *store_path = NULL;
  GSettings *settings = quorum_application_get_settings (app);
  const char *id = "wp-2020-21-q4-ssc";
  QuorumWindow *window;
  QuorumWorkPackagePage *page;
  AdwMessageDialog *offer;

  g_assert_true (g_str_has_prefix (user_store, data_home));
  g_assert_false (g_file_test (user_store, G_FILE_TEST_EXISTS));

  window = quorum_test_open_window (app, sample, -1, -1);
  g_assert_true (quorum_store_is_sample (quorum_window_get_store (window)));
  show_view (window, "work-packages");
  g_assert_true (eventually_shows (window, "label:Sample store (read-only)\n"));
  page = open_package (window, id);

  /* Asked first; cancelling leaves everything as it was. */
  click (page, "approve-button");
  g_assert_null (quorum_test_find_dialog_of_type (QUORUM_TYPE_DECIDE_DIALOG));
  offer = quorum_test_find_dialog_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (offer);
  g_assert_cmpstr (adw_message_dialog_get_heading (offer), ==, "The Sample Store Is Read-Only");
  quorum_test_respond (offer, "_Cancel");
  g_assert_false (g_file_test (user_store, G_FILE_TEST_EXISTS));
  g_assert_true (quorum_store_is_sample (quorum_window_get_store (window)));

  /* Making one's own copy opens it and goes on deciding there. */
  click (page, "approve-button");
  offer = quorum_test_find_dialog_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (offer);
  quorum_test_respond (offer, "_Make My Own Copy");
  g_assert_true (quorum_test_wait_for (quorum_test_dialog_of_type_shown,
                                       GSIZE_TO_POINTER (QUORUM_TYPE_DECIDE_DIALOG)));
  g_assert_cmpstr (quorum_store_get_path (quorum_window_get_store (window)), ==, user_store);
  store_path = g_settings_get_string (settings, "store-path");
  g_assert_cmpstr (store_path, ==, user_store);
  /* Named for people, not by its folder (which is the tooltip). */
  g_assert_true (has_window_subtitle (GTK_WIDGET (window), "Your own copy"));
  page = QUORUM_WORK_PACKAGE_PAGE (quorum_test_find_type (GTK_WIDGET (window),
                                              QUORUM_TYPE_WORK_PACKAGE_PAGE));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (quorum_work_package_get_id (quorum_work_package_page_get_work_package (page)),
                   ==, id);

  fill_decide_dialog (QUORUM_DECIDE_DIALOG (quorum_test_find_dialog_of_type (
                                            QUORUM_TYPE_DECIDE_DIALOG)),
                      "Grace Ilori", "SECCo Board", "Approved in my own store.");
  quorum_test_respond (quorum_test_find_dialog_of_type (QUORUM_TYPE_DECIDE_DIALOG), "_Approve");
  g_assert_true (quorum_test_wait_for (page_shows_pending, page));
  assert_decision_written (user_store, id, "Grace Ilori", "SECCo Board",
                           "Approved in my own store.");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "store-path");

  /* Not g_assert_cmpstr(): the store is too long to print. */
  after = quorum_test_snapshot_tree (sample);
  unchanged = g_str_equal (before, after);
  g_assert_true (unchanged);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = quorum_test_app_init (&argc, &argv, &data_home);
  if (app == NULL)
    return 77;

  g_test_add_func ("/work-packages/list-and-filter", test_list_and_filter);
  g_test_add_func ("/work-packages/sort", test_sort);
  g_test_add_func ("/work-packages/figures-layout", test_figures_layout);
  g_test_add_func ("/work-packages/overview-link", test_overview_link);
  g_test_add_func ("/work-packages/preferences-backups", test_preferences_backups);
  g_test_add_func ("/work-packages/last-view", test_last_view);
  g_test_add_func ("/work-packages/loading-state", test_loading_state);
  g_test_add_func ("/work-packages/narrow", test_narrow);
  g_test_add_func ("/work-packages/decide", test_decide);
  g_test_add_func ("/work-packages/decide-fails", test_decide_fails);
  g_test_add_func ("/work-packages/cannot-decide", test_cannot_decide);
  g_test_add_func ("/work-packages/broken-seal", test_broken_seal);
  g_test_add_func ("/work-packages/pressure", test_pressure);
  g_test_add_func ("/work-packages/sample-read-only", test_sample_read_only);

  status = g_test_run ();
  g_clear_object (&app);
  quorum_test_rm_rf (data_home);
  g_free (data_home);
  return status;
}
