/* bench-launch.c: time from launch to the first frame
 *
 *   bench-launch            (built as bench-launch-quorum and as
 *                            bench-launch-minimal)
 *
 * Built twice from this file. bench-launch-quorum runs the real
 * QuorumApplication, as main.c does, on the store its settings name (the
 * bundled sample store in a fresh session); bench-launch-minimal runs an
 * AdwApplication whose window holds only a header bar and a label, the
 * least a libadwaita app draws. Each prints one line:
 *
 *   map=S first=S content=S cpu_first=S cpu_content=S main_first=S main_content=S
 *
 * The wall times are counted from $QUORUM_BENCH_T0 (CLOCK_MONOTONIC
 * microseconds, taken by the caller just before it started the process;
 * from the start of main() if unset): "map" when the window is mapped,
 * "first" its first painted frame, "content" the first frame painted once
 * the store is loaded and shown (for the minimal window, its first frame).
 * "cpu_" is the process's user and system time at those frames (every
 * thread, from exec, dynamic linking included: getrusage), "main_" the
 * main thread's alone: on a loaded machine they vary far less than wall
 * times. The process then quits; with QUORUM_BENCH_QUIT=first it quits at
 * the first frame, whatever it shows (to profile that frame alone, e.g.
 * under `valgrind --tool=callgrind --separate-threads=yes`, with
 * QUORUM_BENCH_GIVE_UP=600: it gives up after 60 s without the frame).
 * build-aux/bench-launch runs both, alternately, and prints the figures.
 * Not a test: it asserts nothing about times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#ifndef QUORUM_BENCH_MINIMAL
#include "quorum-application.h"
#endif

static gint64 t0;
static gint64 mapped;
static gint64 first_frame;
static double cpu_first;
static double main_first;
static GApplication *application;

/* The process's user and system time so far, every thread, in seconds. */
static double
process_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / (double) G_USEC_PER_SEC;
}

/* The calling thread's CPU time so far, in seconds. */
static double
thread_cpu (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static double
since_t0 (gint64 when)
{
  return (when - t0) / (double) G_USEC_PER_SEC;
}

/* TRUE once the window shows what a user came for: for Quorum, the store's
 * views (the window's stack shows its "store" page, not "loading"). */
static gboolean
shows_content (GtkWidget *widget)
{
#ifdef QUORUM_BENCH_MINIMAL
  return TRUE;
#else
  if (GTK_IS_STACK (widget))
    {
      const char *name = gtk_stack_get_visible_child_name (GTK_STACK (widget));

      if (name != NULL && g_str_equal (name, "store"))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_content (child))
      return TRUE;
  return FALSE;
#endif
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkWidget *window = user_data;
  gint64 now = g_get_monotonic_time ();

  /* A frame before the window's first layout drew nothing (seen under
   * valgrind): not the first frame. */
  if (gtk_widget_get_width (window) == 0)
    return;
  if (first_frame == 0)
    {
      first_frame = now;
      cpu_first = process_cpu ();
      main_first = thread_cpu ();
    }
  if (!shows_content (window) && g_strcmp0 (g_getenv ("QUORUM_BENCH_QUIT"), "first") != 0)
    return;

  g_print ("map=%.4f first=%.4f content=%.4f cpu_first=%.4f cpu_content=%.4f "
           "main_first=%.4f main_content=%.4f\n",
           since_t0 (mapped), since_t0 (first_frame), since_t0 (now), cpu_first,
           process_cpu (), main_first, thread_cpu ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  g_application_quit (application);
}

static void
map_cb (GtkWidget *window,
        gpointer   user_data)
{
  if (mapped == 0)
    mapped = g_get_monotonic_time ();
}

static void
realize_cb (GtkWidget *window,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    map_cb (GTK_WIDGET (window), NULL);
  else
    g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), NULL);
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_printerr ("no frame within %u s\n", GPOINTER_TO_UINT (user_data));
  exit (1);
}

#ifdef QUORUM_BENCH_MINIMAL
static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Quorum");

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* The size Quorum opens at in a fresh session (its settings' defaults). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
}
#endif

int
main (int    argc,
      char **argv)
{
  g_autoptr(GApplication) app = NULL;
  const char *from = g_getenv ("QUORUM_BENCH_T0");
  guint give_up;

  t0 = from != NULL ? g_ascii_strtoll (from, NULL, 10) : g_get_monotonic_time ();

#ifdef QUORUM_BENCH_MINIMAL
  app = G_APPLICATION (adw_application_new ("org.gnome.QuorumBenchMinimal",
                                            G_APPLICATION_NON_UNIQUE));
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
#else
  app = G_APPLICATION (quorum_application_new ());
  g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
#endif
  application = app;
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  give_up = g_getenv ("QUORUM_BENCH_GIVE_UP") != NULL
              ? (guint) g_ascii_strtoull (g_getenv ("QUORUM_BENCH_GIVE_UP"), NULL, 10) : 60;
  g_timeout_add_seconds (give_up, give_up_cb, GUINT_TO_POINTER (give_up));

  return g_application_run (app, 1, argv);
}
