/* test-checks-layout.c: the Checks view at the default size and narrow
 *
 * The real window under Xvfb on the sample store, at 1100×720 and at
 * 403×720: the figures' columns are wholly inside the visible part of the
 * list and their text is not cut; every figure shows the same precision,
 * the one the store's findings call for; each finding says why it is
 * flagged (a cross-check by its label, read from the store's file), and at
 * the default size its rule is read whole (a cross-check's long label at
 * least begins to be, whole in the tooltip), as is each row's name; the
 * filter bar stays on one line with the longest document chosen. Narrow,
 * each finding is a card: its row, and beneath it its column and its rule,
 * wrapped and read whole, inside the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-checks-view.h"
#include "quorum-core.h"
#include "quorum-window.h"
#include "quorum-ui-test-util.h"

static QuorumApplication *app;

static const char * const figure_cells[] = { "stated-cell", "computed-cell", "difference-cell" };

static QuorumWindow *
open_checks (int width)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  QuorumWindow *window = quorum_test_open_window (app, sample, width, 720);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "checks"));
  g_assert_true (quorum_test_wait_width (window, width));
  /* Findings are shown, in cells of a width. */
  g_assert_true (quorum_test_wait_laid_out (window, "computed-cell"));
  return window;
}

/* The shown figures' cells: wholly visible, at one precision: two
 * decimals when any figure of the store's findings has pence, else none. */
static void
assert_figures (QuorumChecksView *view,
                gboolean          narrow)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (
    quorum_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW), GTK_TYPE_SCROLLED_WINDOW);
  GListModel *shown = quorum_checks_view_get_shown (view);
  guint expected = 0, n_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (shown, i);

      if (quorum_finding_get_stated (finding) % 100 != 0 ||
          quorum_finding_get_computed (finding) % 100 != 0)
        expected = 2;
    }
  /* The sample store has both whole pounds and pence among its figures. */
  g_assert_cmpuint (expected, ==, 2);

  for (guint f = 0; f < G_N_ELEMENTS (figure_cells); f++)
    {
      g_autoptr(GPtrArray) cells = quorum_test_find_all_named (GTK_WIDGET (view),
                                                               figure_cells[f]);

      /* Narrow, the stated figure gives way; the computed and the
       * difference stay. */
      if (narrow && f == 0)
        {
          g_assert_cmpuint (cells->len, ==, 0);
          continue;
        }
      /* Narrow, a finding's card is taller: fewer fit in the window. */
      g_assert_cmpuint (cells->len, >, narrow ? 3 : 5);
      for (guint i = 0; i < cells->len; i++)
        {
          const char *text = gtk_inscription_get_text (cells->pdata[i]);

          g_assert_nonnull (text);
          g_assert_cmpuint (quorum_test_decimals (text), ==, expected);
          quorum_test_assert_fully_visible (cells->pdata[i], scroller);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >, narrow ? 7 : 10);
}

/* The labels of the store's cross-checks, from its files. */
static GPtrArray *
cross_check_labels (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *dir_path = g_build_filename (sample, "budgets", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;
      JsonArray *checks;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (json_parser_load_from_file (parser, path, NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      checks = json_object_has_member (root, "checks")
               ? json_object_get_array_member (root, "checks") : NULL;
      for (guint i = 0; checks != NULL && i < json_array_get_length (checks); i++)
        g_ptr_array_add (labels, g_strdup (json_object_get_string_member (
          json_array_get_object_element (checks, i), "label")));
    }
  g_assert_cmpuint (labels->len, >, 0);
  return labels;
}

/* Each shown finding says why it is flagged; a cross-check by its label. */
static void
assert_rules (QuorumChecksView *view)
{
  g_autoptr(GPtrArray) cells = quorum_test_find_all_named (GTK_WIDGET (view), "rule-cell");
  g_autoptr(GPtrArray) labels = cross_check_labels ();
  guint n_cross_checks = 0;

  g_assert_cmpuint (cells->len, >, 5);
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = gtk_inscription_get_text (cells->pdata[i]);
      const char *tooltip = gtk_widget_get_tooltip_text (cells->pdata[i]);

      g_assert_nonnull (text);
      g_assert_nonnull (strchr (text, ':'));
      g_assert_cmpstr (tooltip, ==, text);
      for (guint l = 0; l < labels->len; l++)
        {
          g_autofree char *expected = g_strconcat ("Cross-check: ", labels->pdata[l], NULL);

          if (g_str_equal (text, expected))
            n_cross_checks++;
        }
    }
  g_assert_cmpuint (n_cross_checks, >, 0);
}

/* Whether @cell, an inscription, shows its whole text in the lines it is
 * given, as GTK lays it out: wrapped, and cut on its last line. */
static gboolean
shows_whole_text (GtkWidget *cell)
{
  GtkInscription *inscription = GTK_INSCRIPTION (cell);
  g_autoptr(PangoLayout) layout =
    gtk_widget_create_pango_layout (cell, gtk_inscription_get_text (inscription));

  g_assert_cmpint (gtk_widget_get_width (cell), >, 0);
  pango_layout_set_width (layout, gtk_widget_get_width (cell) * PANGO_SCALE);
  pango_layout_set_wrap (layout, gtk_inscription_get_wrap_mode (inscription));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -(int) MAX (1, gtk_inscription_get_min_lines (inscription)));
  return !pango_layout_is_ellipsized (layout);
}

/* At the default size, each rule is read whole; a cross-check, whose label
 * is a sentence of the document's own, shows at least its first words. */
static void
assert_rules_read (QuorumChecksView *view)
{
  g_autoptr(GPtrArray) cells = quorum_test_find_all_named (GTK_WIDGET (view), "rule-cell");
  guint n_whole = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = gtk_inscription_get_text (cells->pdata[i]);

      if (g_str_has_prefix (text, "Cross-check: "))
        {
          g_autoptr(PangoLayout) start = gtk_widget_create_pango_layout (cells->pdata[i], text);
          int width;

          /* "Cross-check: Table 2" fits on the cell's first line. */
          pango_layout_set_text (start, text, strlen ("Cross-check: Table 2"));
          pango_layout_get_pixel_size (start, &width, NULL);
          g_assert_cmpint (width, <=, gtk_widget_get_width (cells->pdata[i]));
          continue;
        }
      if (!shows_whole_text (cells->pdata[i]))
        g_error ("the rule “%s” is cut in a cell %d pixels wide", text,
                 gtk_widget_get_width (cells->pdata[i]));
      n_whole++;
    }
  g_assert_cmpuint (n_whole, >, 5);

  /* The rows' names, what each finding is about, are read whole too. */
  {
    g_autoptr(GPtrArray) rows = quorum_test_find_all_named (GTK_WIDGET (view), "row-cell");

    g_assert_cmpuint (rows->len, >, 5);
    for (guint i = 0; i < rows->len; i++)
      if (!shows_whole_text (rows->pdata[i]))
        g_error ("the row “%s” is cut in a cell %d pixels wide",
                 gtk_inscription_get_text (rows->pdata[i]),
                 gtk_widget_get_width (rows->pdata[i]));
  }
}

/* Whether @label, wrapped, shows all its text: not cut, its lines in its
 * height and width, and wholly inside @area and the window across. */
static void
assert_label_whole (GtkWidget *label,
                    GtkWidget *area)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  GtkWidget *containers[] = { area, GTK_WIDGET (gtk_widget_get_root (label)) };
  int width, height;

  g_assert_false (pango_layout_is_ellipsized (layout));
  pango_layout_get_pixel_size (layout, &width, &height);
  if (width > gtk_widget_get_width (label) || height > gtk_widget_get_height (label))
    g_error ("“%s” needs %d×%d px, has %d×%d", text, width, height,
             gtk_widget_get_width (label), gtk_widget_get_height (label));
  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (label, containers[i], &bounds));
      if (bounds.origin.x < 0 ||
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (containers[i]) + 0.5)
        g_error ("“%s” is at %g–%g, outside 0–%d", text, bounds.origin.x,
                 bounds.origin.x + bounds.size.width, gtk_widget_get_width (containers[i]));
    }
}

/* Narrow, each finding shown is a card: its row, and beneath it its
 * column and the rule it breaks, whole, as the store's findings say it. */
static void
assert_cards (QuorumChecksView *view)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (
    quorum_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW), GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GPtrArray) cards = quorum_test_find_all_named (GTK_WIDGET (view), "card-cell");
  GListModel *shown = quorum_checks_view_get_shown (view);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (shown, i);

      g_ptr_array_add (rules, quorum_finding_describe_rule (finding));
    }
  g_assert_cmpuint (cards->len, >, 3);
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *row = quorum_test_find_named (cards->pdata[i], "card-row");
      GtkWidget *detail = quorum_test_find_named (cards->pdata[i], "card-detail");
      const char *text = gtk_label_get_text (GTK_LABEL (detail));
      gboolean has_rule = FALSE;

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row)), !=, "");
      for (guint r = 0; r < rules->len; r++)
        has_rule |= g_str_has_suffix (text, rules->pdata[r]);
      if (!has_rule)
        g_error ("the card “%s” does not say its rule", text);
      assert_label_whole (row, scroller);
      assert_label_whole (detail, scroller);
    }
}

/* The filter bar: one line, whichever document is chosen. */
static void
assert_one_line_bar (QuorumChecksView *view)
{
  GtkWidget *document = quorum_test_find_named (GTK_WIDGET (view), "document-filter");
  GtkWidget *severity = quorum_test_find_named (GTK_WIDGET (view), "severity-filter");
  GListModel *names = gtk_drop_down_get_model (GTK_DROP_DOWN (document));
  guint longest = 0;
  graphene_point_t a, b;

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);
      g_autoptr(GtkStringObject) best = g_list_model_get_item (names, longest);

      if (strlen (gtk_string_object_get_string (name)) >
          strlen (gtk_string_object_get_string (best)))
        longest = i;
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (document), longest);
  quorum_test_wait_frame (view);
  g_assert_true (gtk_widget_compute_point (document, GTK_WIDGET (view),
                                           &GRAPHENE_POINT_INIT (0, 0), &a));
  g_assert_true (gtk_widget_compute_point (severity, GTK_WIDGET (view),
                                           &GRAPHENE_POINT_INIT (0, 0), &b));
  g_assert_cmpfloat (a.y, ==, b.y);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (document), 0);
  quorum_test_wait_frame (view);
}

static void
test_default_size (void)
{
  QuorumWindow *window = open_checks (1100);
  QuorumChecksView *view =
    QUORUM_CHECKS_VIEW (quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_CHECKS_VIEW));
  g_autoptr(GPtrArray) documents = quorum_test_find_all_named (GTK_WIDGET (view),
                                                               "document-cell");
  g_autoptr(GPtrArray) cards = quorum_test_find_all_named (GTK_WIDGET (view), "card-cell");

  assert_figures (view, FALSE);
  g_assert_cmpuint (cards->len, ==, 0);
  assert_rules (view);
  assert_rules_read (view);
  assert_one_line_bar (view);
  g_assert_cmpuint (documents->len, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow (void)
{
  QuorumWindow *window = open_checks (403);
  QuorumChecksView *view =
    QUORUM_CHECKS_VIEW (quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_CHECKS_VIEW));
  g_autoptr(GPtrArray) documents = quorum_test_find_all_named (GTK_WIDGET (view),
                                                               "document-cell");
  g_autoptr(GPtrArray) rows = quorum_test_find_all_named (GTK_WIDGET (view), "row-cell");

  assert_figures (view, TRUE);
  g_assert_cmpuint (documents->len, ==, 0);
  /* The row is in the card, with its column and rule. */
  g_assert_cmpuint (rows->len, ==, 0);
  assert_cards (view);

  /* Wider again, every column is back. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_assert_true (quorum_test_wait_width (window, 1100));
  g_assert_true (quorum_test_wait_laid_out (view, "computed-cell"));
  assert_figures (view, FALSE);
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

  g_test_add_func ("/checks-layout/default-size", test_default_size);
  g_test_add_func ("/checks-layout/narrow", test_narrow);

  status = g_test_run ();
  g_object_unref (app);
  quorum_test_rm_rf (data_home);
  return status;
}
