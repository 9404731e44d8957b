/* bench-budgets.c: how the budgets view copes with a 20,000-row table
 *
 *   bench-budgets STORE [QUERY]
 *
 * Opens the first table of the store's largest document (by rows) in a
 * window and prints, in seconds: the time to the first frame showing it,
 * to expand every group (and draw), each keystroke of a typed query ("line
 * 42", then erased a key at a time) and of a narrowing QUERY (default
 * "group 17"): the work from the entry's change to the models settling
 * (p50, p95, max; the entry's pause in typing is not counted) and the time
 * to the next frame; the frame times of a scroll from the top to the
 * bottom of the expanded rows, a page a frame (p50, p95, max of the time
 * from a frame's start to its end, the main thread's CPU time in it, and
 * of the interval between frames); the work of a keystroke is also given in
 * the main thread's CPU time, which a loaded machine moves much less;
 * clearing the search, sorting by the first column, collapsing
 * everything, and the peak resident memory (after loading the store, and
 * at the end) against the document's file size.
 * build-aux/bench-budgets makes the store and runs this under Xvfb. Not a
 * test: it asserts nothing about times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "quorum-application.h"
#include "quorum-budgets-view.h"
#include "quorum-core.h"
#include "quorum-table-view.h"
#include "quorum-ui-a11y.h"
#include "quorum-ui-test-util.h"

static guint n_paints;
static gint64 frame_start;
static gint64 last_paint;
static GArray *frame_works;         /* of double, ms: a frame's start to its end */
static GArray *frame_gaps;          /* of double, ms: one frame's end to the next's */
static GArray *frame_cpus;          /* of double, ms: the main thread's CPU in a frame */
static double frame_start_cpu;

/* The CPU time this thread has had, in ms: on a loaded machine the wall
 * times also count the time other processes had the cores. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
  frame_start_cpu = thread_cpu_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  n_paints++;
  if (frame_works != NULL)
    {
      double work = (now - frame_start) / 1000.0;
      double gap = (now - last_paint) / 1000.0;
      double cpu = thread_cpu_ms () - frame_start_cpu;

      g_array_append_val (frame_works, work);
      g_array_append_val (frame_cpus, cpu);
      if (last_paint != 0)
        g_array_append_val (frame_gaps, gap);
    }
  last_paint = now;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p th percentile of @values (sorted in place), nearest rank. */
static double
percentile (GArray *values,
            double  p)
{
  guint rank;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  rank = (guint) MAX (1.0, (p / 100.0) * values->len + 0.999999);
  return g_array_index (values, double, MIN (rank, values->len) - 1);
}

static void
print_spread (const char *label,
              GArray     *ms)
{
  g_print ("%-30s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms  (%u)\n", label,
           percentile (ms, 50), percentile (ms, 95), percentile (ms, 100), ms->len);
}

/* Runs the main loop until a frame is painted after now. */
static void
wait_for_frame (void)
{
  guint from = n_paints;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (n_paints == from && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static guint
count_rows (GListModel *rows)
{
  guint n = g_list_model_get_n_items (rows);
  guint total = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      if (quorum_row_get_children (row) != NULL)
        total += count_rows (quorum_row_get_children (row));
    }
  return total;
}

/* Types @query a key at a time (then erases it a key at a time if @erase),
 * printing the work of each keystroke: from the entry's change until the
 * models have settled, without the pause the entry waits for. */
static void
type_query (QuorumTableView *table_view,
            GListModel      *shown,
            const char      *query,
            gboolean         erase,
            const char      *label)
{
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) to_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint len = strlen (query);
  guint steps = erase ? 2 * len : len;

  g_print ("%s \"%s\":\n", label, query);
  for (guint i = 1; i <= steps; i++)
    {
      g_autofree char *prefix = g_strndup (query, i <= len ? i : steps - i);
      gint64 start = g_get_monotonic_time ();
      double start_cpu = thread_cpu_ms ();
      double took, drawn, cpu;

      /* The filter and sort models are not incremental: they have settled
       * when this returns. */
      quorum_table_view_set_search_text (table_view, prefix);
      took = since (start) * 1000;
      cpu = thread_cpu_ms () - start_cpu;
      wait_for_frame ();
      drawn = since (start) * 1000;
      g_array_append_val (work, took);
      g_array_append_val (to_frame, drawn);
      g_array_append_val (work_cpu, cpu);
      g_print ("  keystroke %-2u \"%s\":%*s %8.2f ms work (%.2f ms CPU), %8.2f ms to a frame"
               "  (%u rows)\n", i, prefix, (int) (14 - strlen (prefix)), "", took, cpu, drawn,
               g_list_model_get_n_items (shown));
    }
  print_spread ("  per keystroke, work:", work);
  print_spread ("  per keystroke, work (CPU):", work_cpu);
  print_spread ("  per keystroke, to a frame:", to_frame);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkAdjustment *adjustment = user_data;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double bottom = gtk_adjustment_get_upper (adjustment) - page;

  if (value >= bottom)
    {
      g_object_set_data (G_OBJECT (widget), "bench-scrolled", GINT_TO_POINTER (TRUE));
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (adjustment, MIN (bottom, value + page));
  return G_SOURCE_CONTINUE;
}

/* Scrolls @view from the top to the bottom, a page a frame, and prints the
 * frame times the frame clock saw. */
static void
scroll_through (GtkColumnView *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  gint64 start;

  gtk_adjustment_set_value (adjustment, 0);
  wait_for_frame ();
  frame_works = g_array_new (FALSE, FALSE, sizeof (double));
  frame_gaps = g_array_new (FALSE, FALSE, sizeof (double));
  frame_cpus = g_array_new (FALSE, FALSE, sizeof (double));
  last_paint = 0;
  start = g_get_monotonic_time ();
  g_object_set_data (G_OBJECT (view), "bench-scrolled", NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (view), scroll_tick_cb, adjustment, NULL);
  while (g_object_get_data (G_OBJECT (view), "bench-scrolled") == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame ();
  g_print ("scroll top to bottom:         %8.3f s  (%.0f px, a page of %.0f px a frame)\n",
           since (start), gtk_adjustment_get_upper (adjustment),
           gtk_adjustment_get_page_size (adjustment));
  print_spread ("  frame time (start to end):", frame_works);
  print_spread ("  frame time (main thread CPU):", frame_cpus);
  print_spread ("  frame interval:", frame_gaps);
  g_clear_pointer (&frame_works, g_array_unref);
  g_clear_pointer (&frame_gaps, g_array_unref);
  g_clear_pointer (&frame_cpus, g_array_unref);
}

int
main (int    argc,
      char **argv)
{
  const char *query = argc > 2 ? argv[2] : "group 17";
  g_autoptr(QuorumApplication) app = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  QuorumBudgetDocument *largest = NULL;
  g_autoptr(QuorumTable) table = NULL;
  GListModel *documents;
  guint most = 0;
  GtkWindow *window;
  GtkWidget *view;
  QuorumTableView *table_view;
  GtkWidget *column_view;
  GListModel *shown;
  struct rusage usage;
  GStatBuf stat_buf;
  gint64 start;

  if (argc < 2)
    {
      g_printerr ("usage: %s STORE [QUERY]\n", argv[0]);
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("no display\n");
      return 1;
    }
  adw_init ();
  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  start = g_get_monotonic_time ();
  store = quorum_store_new (argv[1]);
  if (!quorum_store_load (store, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  getrusage (RUSAGE_SELF, &usage);
  g_print ("store loaded:                 %8.3f s  (peak memory %.1f MiB)\n", since (start),
           usage.ru_maxrss / 1024.0);

  documents = quorum_store_get_documents (store);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, i);
      g_autoptr(QuorumTable) first = g_list_model_get_item (
        quorum_budget_document_get_tables (document), 0);
      guint n = first != NULL ? count_rows (quorum_table_get_rows (first)) : 0;

      if (n > most)
        {
          most = n;
          largest = document;
          g_set_object (&table, first);
        }
    }
  if (largest == NULL)
    {
      g_printerr ("no table\n");
      return 1;
    }
  g_print ("table:                        %s / %s, %u rows × %u columns\n",
           quorum_budget_document_get_id (largest), quorum_table_get_id (table), most,
           quorum_table_get_n_columns (table));

  /* The first frame of a window showing the table. */
  start = g_get_monotonic_time ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  view = quorum_budgets_view_new ();
  quorum_budgets_view_set_store (QUORUM_BUDGETS_VIEW (view), store);
  quorum_budgets_view_show_table (QUORUM_BUDGETS_VIEW (view),
                                  quorum_budget_document_get_id (largest),
                                  quorum_table_get_id (table));
  gtk_window_set_child (window, view);
  gtk_widget_realize (GTK_WIDGET (window));
  /* What the app's window adds: names for a screen reader, every frame. */
  if (g_getenv ("QUORUM_BENCH_A11Y") != NULL)
    quorum_ui_a11y_prepare (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  gtk_window_present (window);
  wait_for_frame ();
  g_print ("first frame:                  %8.3f s\n", since (start));
  quorum_test_wait_still (GTK_WIDGET (window));

  table_view = quorum_budgets_view_get_table_view (QUORUM_BUDGETS_VIEW (view));
  column_view = quorum_test_find_type (GTK_WIDGET (table_view), GTK_TYPE_COLUMN_VIEW);
  shown = quorum_table_view_get_rows (table_view);

  start = g_get_monotonic_time ();
  quorum_table_view_expand_all (table_view);
  wait_for_frame ();
  g_print ("expand all:                   %8.3f s  (%u rows shown)\n", since (start),
           g_list_model_get_n_items (shown));
  quorum_test_wait_still (GTK_WIDGET (window));
  type_query (table_view, shown, "line 42", TRUE, "typed query, then erased");
  type_query (table_view, shown, query, FALSE, "narrowing query");
  quorum_test_wait_still (GTK_WIDGET (window));

  start = g_get_monotonic_time ();
  quorum_table_view_set_search_text (table_view, NULL);
  wait_for_frame ();
  g_print ("search cleared:               %8.3f s  (%u rows shown)\n", since (start),
           g_list_model_get_n_items (shown));
  quorum_test_wait_still (GTK_WIDGET (window));
  scroll_through (GTK_COLUMN_VIEW (column_view));
  quorum_test_wait_still (GTK_WIDGET (window));

  {
    g_autoptr(GtkColumnViewColumn) column =
      g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view)), 1);

    start = g_get_monotonic_time ();
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), column, GTK_SORT_DESCENDING);
    wait_for_frame ();
    g_print ("sort by a column:             %8.3f s\n", since (start));
    quorum_test_wait_still (GTK_WIDGET (window));
  }

  start = g_get_monotonic_time ();
  quorum_table_view_collapse_all (table_view);
  wait_for_frame ();
  g_print ("collapse all (sorted):        %8.3f s  (%u rows shown)\n", since (start),
           g_list_model_get_n_items (shown));

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory (ru_maxrss):      %8.1f MiB\n", usage.ru_maxrss / 1024.0);
  if (g_stat (quorum_budget_document_get_file (largest), &stat_buf) == 0)
    g_print ("document file:                %8.1f MiB  (peak memory %.1f× the file)\n",
             stat_buf.st_size / 1048576.0,
             usage.ru_maxrss * 1024.0 / MAX (stat_buf.st_size, 1));

  gtk_window_destroy (window);
  return 0;
}
