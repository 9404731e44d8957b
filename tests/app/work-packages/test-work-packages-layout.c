/* test-work-packages-layout.c: Work Packages and Budget Pressure, default and narrow
 *
 * The real window under Xvfb on the sample store, at 1100×720 and at
 * 403×720: every figure and every status shown in the two lists is wholly
 * inside the visible part of its list and its text is not cut. Narrow, the
 * less important columns give way (a package's quarter, committee and
 * figures, which its page shows, for its outcome and status; a line's
 * year, provision, commitment, spending, projection and approvals) and
 * come back when wider again; a package's title wraps onto two lines and
 * shows at least TITLE_CHARS of its characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "quorum-application.h"
#include "quorum-core.h"
#include "quorum-pressure-view.h"
#include "quorum-window.h"
#include "quorum-work-packages-view.h"
#include "quorum-ui-test-util.h"

static QuorumApplication *app;

/* Narrow, a package's title shows at least this many characters (or all
 * of a shorter one). On one line at 403 px the sample's titles showed 14
 * ("Change …ne 2020"); on two, the fewest is 19 ("Party / Engage…ne 2020"). */
#define TITLE_CHARS 18

typedef struct
{
  const char *view;                 /* the sidebar row */
  const char *widest_only[3];       /* cells shown only wider than the default size
                                       (their text may be cut, with a tooltip) */
  const char *wide_only[5];         /* cells shown at the default size, not narrow */
  const char *always[4];            /* figure and status cells always shown */
} ViewCase;

/* At the default size the quarter and the committee give way to the
 * package's title, which names both. */
static const ViewCase work_packages = {
  "work-packages",
  { "quarter-cell", "committee-cell", NULL },
  { "estimate-cell", "actual-cell", "variance-cell", NULL },
  { "outcome-label", "status-cell", NULL },
};

/* At the default size the committed estimates give way to the line's
 * name. Either name would otherwise be cut to a few letters. */
static const ViewCase pressure = {
  "budget-pressure",
  { "committed-cell", NULL },
  { "provision-cell", "spent-cell", "projected-cell", NULL },
  { "remaining-cell", "pressure-status", NULL },
};

typedef enum
{
  NARROW,
  DEFAULT_SIZE,
  WIDEST,
} Width;

static GtkWidget *
open_view (QuorumWindow *window,
           int           width,
           int           which)
{
  const ViewCase *c = which == 0 ? &work_packages : &pressure;
  GtkWidget *row;
  GtkWidget *view;

  row = quorum_test_find_named (GTK_WIDGET (window), c->view);
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  view = quorum_test_find_type (GTK_WIDGET (window), which == 0
                                                     ? QUORUM_TYPE_WORK_PACKAGES_VIEW
                                                     : QUORUM_TYPE_PRESSURE_VIEW);
  g_assert_nonnull (view);
  g_assert_true (quorum_test_wait_width (window, width));
  /* The list's figures are laid out: a status cell has a width. */
  g_assert_true (quorum_test_wait_laid_out (view, c->always[0]));
  return view;
}

static QuorumWindow *
open_window (int width)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();

  return quorum_test_open_window (app, sample, width, 720);
}

/* Resizes @window to @width and waits until @view's list is laid out
 * again at that width. */
static void
resize (QuorumWindow *window,
        GtkWidget    *view,
        int           which,
        int           width)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  g_assert_true (quorum_test_wait_width (window, width));
  g_assert_true (quorum_test_wait_laid_out (view, (which == 0 ? &work_packages
                                                              : &pressure)->always[0]));
}

/* The cells named in @names are all hidden (!@shown), or all shown and
 * wholly visible in @scroller (if not NULL); returns how many were checked. */
static guint
assert_cells (GtkWidget         *view,
              GtkWidget         *scroller,
              const char * const names[],
              gboolean           shown)
{
  guint n_checked = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) cells = quorum_test_find_all_named (view, names[i]);

      if (!shown)
        {
          g_assert_cmpuint (cells->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (cells->len, >, 5);
      for (guint k = 0; k < cells->len && scroller != NULL; k++, n_checked++)
        quorum_test_assert_fully_visible (cells->pdata[k], scroller);
    }
  return n_checked;
}

/* How many characters of its text @cell, an inscription, shows in the lines
 * it is given, as GTK lays it out at its width: its glyphs, less the
 * ellipsis where the text is cut. */
static guint
shown_chars (GtkWidget *cell)
{
  GtkInscription *inscription = GTK_INSCRIPTION (cell);
  g_autoptr(PangoLayout) layout =
    gtk_widget_create_pango_layout (cell, gtk_inscription_get_text (inscription));
  PangoEllipsizeMode ellipsize[] = {
    [GTK_INSCRIPTION_OVERFLOW_CLIP] = PANGO_ELLIPSIZE_NONE,
    [GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_START] = PANGO_ELLIPSIZE_START,
    [GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE] = PANGO_ELLIPSIZE_MIDDLE,
    [GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END] = PANGO_ELLIPSIZE_END,
  };
  int lines = (int) MAX (1, gtk_inscription_get_min_lines (inscription));
  guint n = 0;

  g_assert_cmpint (gtk_widget_get_width (cell), >, 0);
  pango_layout_set_width (layout, gtk_widget_get_width (cell) * PANGO_SCALE);
  pango_layout_set_wrap (layout, gtk_inscription_get_wrap_mode (inscription));
  pango_layout_set_ellipsize (layout,
                              ellipsize[gtk_inscription_get_text_overflow (inscription)]);
  pango_layout_set_height (layout, -lines);
  for (int i = 0; i < MIN (lines, pango_layout_get_line_count (layout)); i++)
    for (GSList *r = pango_layout_get_line_readonly (layout, i)->runs; r != NULL; r = r->next)
      n += ((PangoGlyphItem *) r->data)->glyphs->num_glyphs;
  return pango_layout_is_ellipsized (layout) ? n - 1 : n;
}

/* Narrow, each package's title shows TITLE_CHARS characters at least. */
static void
assert_titles (GtkWidget *view)
{
  g_autoptr(GPtrArray) lines = quorum_test_find_all_named (view, "line-cell");

  g_assert_cmpuint (lines->len, >, 5);
  for (guint k = 0; k < lines->len; k++)
    {
      const char *title = gtk_inscription_get_text (lines->pdata[k]);
      guint shown = shown_chars (lines->pdata[k]);

      if (shown < MIN (TITLE_CHARS, g_utf8_strlen (title, -1)))
        g_error ("“%s” shows %u characters in %d px", title, shown,
                 gtk_widget_get_width (lines->pdata[k]));
    }
}

/* Every figure and status cell shown is wholly visible; the others are
 * shown only when wide enough. A line's name keeps a sixth of the list at
 * least, however many columns are shown. */
static void
assert_layout (GtkWidget *view,
               int        which,
               Width      width)
{
  const ViewCase *c = which == 0 ? &work_packages : &pressure;
  GtkWidget *list = quorum_test_find_type (view, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GPtrArray) lines = quorum_test_find_all_named (view, "line-cell");
  guint n_checked = 0;

  assert_cells (view, NULL, c->widest_only, width == WIDEST);
  n_checked += assert_cells (view, scroller, c->wide_only, width != NARROW);
  n_checked += assert_cells (view, scroller, c->always, TRUE);
  g_assert_cmpuint (n_checked, >, 15);
  g_assert_cmpuint (lines->len, >, 5);
  for (guint k = 0; k < lines->len; k++)
    g_assert_cmpint (gtk_widget_get_width (lines->pdata[k]), >=,
                     gtk_widget_get_width (list) / 6);
}

static void
test_default_size (gconstpointer data)
{
  int which = GPOINTER_TO_INT (data);
  QuorumWindow *window = open_window (1100);
  GtkWidget *view = open_view (window, 1100, which);

  assert_layout (view, which, DEFAULT_SIZE);

  /* Wider, every column is shown. */
  resize (window, view, which, 1260);
  assert_layout (view, which, WIDEST);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow (gconstpointer data)
{
  int which = GPOINTER_TO_INT (data);
  QuorumWindow *window = open_window (403);
  GtkWidget *view = open_view (window, 403, which);

  assert_layout (view, which, NARROW);
  if (which == 0)
    assert_titles (view);

  /* Wider again, the columns are back. */
  resize (window, view, which, 1100);
  assert_layout (view, which, DEFAULT_SIZE);
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

  g_test_add_data_func ("/work-packages-layout/packages/default-size", GINT_TO_POINTER (0),
                        test_default_size);
  g_test_add_data_func ("/work-packages-layout/packages/narrow", GINT_TO_POINTER (0),
                        test_narrow);
  g_test_add_data_func ("/work-packages-layout/pressure/default-size", GINT_TO_POINTER (1),
                        test_default_size);
  g_test_add_data_func ("/work-packages-layout/pressure/narrow", GINT_TO_POINTER (1),
                        test_narrow);

  status = g_test_run ();
  g_object_unref (app);
  quorum_test_rm_rf (data_home);
  return status;
}
