/* bench-actions.c: how the Actions view's search copes with 10,000 actions
 *
 *   bench-actions STORE [QUERY…]     the search, typed a character at a time
 *   bench-actions --load STORE       only the store's load time
 *
 * Loads STORE, shows its action log in a QuorumActionsView and types each
 * QUERY into the view's search a character at a time, then deletes it a
 * character at a time (quorum_actions_view_set_search). Each keystroke is
 * timed until the filter and sort models have settled (nothing pending),
 * and separately until the next frame is drawn; each also in the main
 * thread's CPU time, which a loaded machine moves much less. Prints every
 * keystroke, then p50, p95 and max of each. With --load it prints the wall and CPU
 * seconds that quorum_store_load took, for build-aux/bench-meetings to take
 * medians of.
 * Not a test: it asserts nothing about times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>
#include <time.h>

#include "quorum-actions-view.h"
#include "quorum-core.h"

/* Frames drawn so far: the window's frame clock counts them. */
static guint n_paints;

static void
count_paint (GdkFrameClock *clock,
             guint         *paints)
{
  (*paints)++;
}

/* Runs the main loop until a frame is painted after FROM paints (10 s at most). */
static void
wait_for_frame (guint from)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (; n_paints == from && g_get_monotonic_time () < deadline;)
    g_main_context_iteration (NULL, TRUE);
}

/* Whether the filter and sort models under the view's selection, in
 * whichever order they are stacked, have nothing pending. */
static gboolean
settled (GListModel *shown)
{
  GListModel *model = GTK_IS_SINGLE_SELECTION (shown)
                      ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown)) : shown;

  while (model != NULL)
    {
      if (GTK_IS_FILTER_LIST_MODEL (model))
        {
          if (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (model)) > 0)
            return FALSE;
          model = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (model));
        }
      else if (GTK_IS_SORT_LIST_MODEL (model))
        {
          if (gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (model)) > 0)
            return FALSE;
          model = gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (model));
        }
      else
        break;
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile P of the N sorted values. */
static double
percentile (const double *sorted,
            guint         n,
            guint         p)
{
  guint rank = (p * n + 99) / 100;

  return sorted[MAX (rank, 1) - 1];
}

static void
print_summary (const char *what,
               GArray     *times)
{
  double *values = (double *) times->data;

  g_array_sort (times, compare_doubles);
  g_print ("%-28s p50 %6.2f ms, p95 %6.2f ms, max %6.2f ms  (%u keystrokes)\n", what,
           percentile (values, times->len, 50), percentile (values, times->len, 95),
           values[times->len - 1], times->len);
}

static double
cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* Prints the wall and CPU seconds of loading the store at PATH. */
static int
time_load (const char *path)
{
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(GError) error = NULL;
  double cpu = cpu_seconds ();
  gint64 start = g_get_monotonic_time ();

  if (!quorum_store_load (store, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%.6f %.6f\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
           cpu_seconds () - cpu);
  return 0;
}

/* The CPU time this thread has had, in ms: on a loaded machine the wall
 * times also count the time other processes had the cores. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* One keystroke: the search set to TEXT, timed until settled and until
 * drawn, each in wall and in CPU time. */
static void
keystroke (QuorumActionsView *view,
           const char        *text,
           GArray            *filter_ms,
           GArray            *filter_cpu_ms,
           GArray            *frame_ms,
           GArray            *frame_cpu_ms)
{
  GListModel *shown = quorum_actions_view_get_shown (view);
  guint paints = n_paints;
  gint64 start = g_get_monotonic_time ();
  double start_cpu = thread_cpu_ms ();
  double filtered, filtered_cpu, drawn, drawn_cpu;

  quorum_actions_view_set_search (view, text);
  while (!settled (shown))
    g_main_context_iteration (NULL, TRUE);
  filtered = (g_get_monotonic_time () - start) / 1000.0;
  filtered_cpu = thread_cpu_ms () - start_cpu;
  wait_for_frame (paints);
  drawn = (g_get_monotonic_time () - start) / 1000.0;
  drawn_cpu = thread_cpu_ms () - start_cpu;
  g_array_append_val (filter_ms, filtered);
  g_array_append_val (filter_cpu_ms, filtered_cpu);
  g_array_append_val (frame_ms, drawn);
  g_array_append_val (frame_cpu_ms, drawn_cpu);
  g_print ("  %-24s %7.2f ms filtered (%.2f ms CPU), %7.2f ms drawn (%.2f ms CPU)  (%u shown)\n",
           text, filtered, filtered_cpu, drawn, drawn_cpu, g_list_model_get_n_items (shown));
}

int
main (int    argc,
      char **argv)
{
  const char *default_queries[] = { "contingency", "dcc release", "syn42/", "secas", NULL };
  const char * const *queries = default_queries;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  QuorumActionsView *view;
  GtkWindow *window;
  gint64 start;

  if (argc == 3 && g_str_equal (argv[1], "--load"))
    return time_load (argv[2]);
  if (argc < 2)
    {
      g_printerr ("usage: %s STORE [QUERY…] | --load STORE\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    queries = (const char * const *) argv + 2;
  if (!gtk_init_check ())
    {
      g_printerr ("no display\n");
      return 1;
    }
  adw_init ();

  start = g_get_monotonic_time ();
  store = quorum_store_new (argv[1]);
  if (!quorum_store_load (store, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("store loaded in %.3f s: %u actions\n",
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
           g_list_model_get_n_items (G_LIST_MODEL (quorum_store_get_action_log (store))));

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  view = QUORUM_ACTIONS_VIEW (quorum_actions_view_new ());
  quorum_actions_view_set_store (view, store);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (count_paint), &n_paints);
  gtk_window_present (window);
  wait_for_frame (0);
  /* One more frame, so that the view has settled before the first keystroke. */
  gtk_widget_queue_draw (GTK_WIDGET (window));
  wait_for_frame (n_paints);

  for (guint q = 0; queries[q] != NULL; q++)
    {
      gsize length = strlen (queries[q]);

      for (gsize i = 1; i <= length; i++)
        {
          g_autofree char *prefix = g_strndup (queries[q], i);

          keystroke (view, prefix, filter_ms, filter_cpu_ms, frame_ms, frame_cpu_ms);
        }
      for (gsize i = length - 1; i + 1 > 0; i--)
        {
          g_autofree char *prefix = g_strndup (queries[q], i);

          keystroke (view, prefix, filter_ms, filter_cpu_ms, frame_ms, frame_cpu_ms);
        }
      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_for_frame (n_paints);
    }
  print_summary ("filter per keystroke:", filter_ms);
  print_summary ("  in CPU time:", filter_cpu_ms);
  print_summary ("to the next frame:", frame_ms);
  print_summary ("  in CPU time:", frame_cpu_ms);
  gtk_window_destroy (window);
  return 0;
}
