/* bench-budgets.c: how the budgets view copes with a 20,000-row table
 *
 *   bench-budgets STORE [QUERY]
 *
 * Opens the first table of the store's largest document (by rows) in a
 * window and prints, in seconds: the time to the first frame showing it,
 * to expand every group (and draw), each keystroke of QUERY typed into the
 * search (the model settled and a frame drawn), clearing the search,
 * sorting by the first column, collapsing everything, and the peak
 * resident memory (after loading the store, and at the end).
 * build-aux/bench-budgets makes the store and runs this under Xvfb. Not a
 * test: it asserts nothing about times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>
#include <sys/resource.h>

#include "quorum-application.h"
#include "quorum-budgets-view.h"
#include "quorum-core.h"
#include "quorum-table-view.h"
#include "quorum-ui-test-util.h"

static guint n_paints;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  n_paints++;
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

static void
idle_for (int ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
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
  double slowest = 0, sum = 0;
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
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  gtk_window_present (window);
  wait_for_frame ();
  g_print ("first frame:                  %8.3f s\n", since (start));
  idle_for (300);

  table_view = quorum_budgets_view_get_table_view (QUORUM_BUDGETS_VIEW (view));
  column_view = quorum_test_find_type (GTK_WIDGET (table_view), GTK_TYPE_COLUMN_VIEW);
  shown = quorum_table_view_get_rows (table_view);

  start = g_get_monotonic_time ();
  quorum_table_view_expand_all (table_view);
  wait_for_frame ();
  g_print ("expand all:                   %8.3f s  (%u rows shown)\n", since (start),
           g_list_model_get_n_items (shown));
  idle_for (300);
  /* A query typed a character at a time: each keystroke until the model
   * has settled and a frame is drawn. */
  for (guint i = 1; i <= strlen (query); i++)
    {
      g_autofree char *prefix = g_strndup (query, i);
      double took;

      start = g_get_monotonic_time ();
      quorum_table_view_set_search_text (table_view, prefix);
      wait_for_frame ();
      took = since (start);
      sum += took;
      slowest = MAX (slowest, took);
      g_print ("  keystroke %-2u \"%s\":%*s %8.3f s  (%u rows shown)\n", i, prefix,
               (int) (14 - strlen (prefix)), "", took, g_list_model_get_n_items (shown));
    }
  g_print ("filter per keystroke:         %8.3f s mean, %.3f s slowest\n",
           sum / strlen (query), slowest);

  start = g_get_monotonic_time ();
  quorum_table_view_set_search_text (table_view, NULL);
  wait_for_frame ();
  g_print ("search cleared:               %8.3f s  (%u rows shown)\n", since (start),
           g_list_model_get_n_items (shown));
  idle_for (300);

  {
    g_autoptr(GtkColumnViewColumn) column =
      g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view)), 1);

    start = g_get_monotonic_time ();
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), column, GTK_SORT_DESCENDING);
    wait_for_frame ();
    g_print ("sort by a column:             %8.3f s\n", since (start));
    idle_for (300);
  }

  start = g_get_monotonic_time ();
  quorum_table_view_collapse_all (table_view);
  wait_for_frame ();
  g_print ("collapse all (sorted):        %8.3f s  (%u rows shown)\n", since (start),
           g_list_model_get_n_items (shown));

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory (ru_maxrss):      %8.1f MiB\n", usage.ru_maxrss / 1024.0);

  gtk_window_destroy (window);
  return 0;
}
