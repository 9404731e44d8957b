/* cli-run.c: running quorum-cli as a process, for the cli tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-run.h"
#include "quorum-test-util.h"

#include <string.h>

#define RUN_TIMEOUT_MS 30000

void
run_clear (Run *run)
{
  g_clear_pointer (&run->env, g_strfreev);
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Writes a fixture, its single quotes turned into double quotes. */
void
write_file (const char *dir,
            const char *relpath,
            const char *content)
{
  g_autofree char *text = quorum_test_dq (content);

  quorum_test_write_file (dir, relpath, text, -1);
}

char *
make_tmp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("quorum-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The environment of a run: the test's own, without $QUORUM_STORE. With
 * G_TEST_OPTION_ISOLATE_DIRS, $XDG_DATA_HOME is a fresh folder. */
void
run_init (Run *run)
{
  const char *asan;

  memset (run, 0, sizeof *run);
  run->env = g_get_environ ();
  run->env = g_environ_unsetenv (run->env, "QUORUM_STORE");

  /* quorum-cli does not isolate its directories and needs no full unwind
   * (see tests/meson.build); under AddressSanitizer that saves minutes */
  asan = g_environ_getenv (run->env, "ASAN_OPTIONS");
  if (asan != NULL)
    {
      g_autofree char *fast = g_strconcat (asan, ":fast_unwind_on_malloc=1", NULL);

      run->env = g_environ_setenv (run->env, "ASAN_OPTIONS", fast, TRUE);
    }
}

void
run_setenv (Run        *run,
            const char *name,
            const char *value)
{
  if (value == NULL)
    run->env = g_environ_unsetenv (run->env, name);
  else
    run->env = g_environ_setenv (run->env, name, value, TRUE);
}

/* @text less the lines valgrind adds ("==PID== …") when the tests run
 * under it and it follows quorum-cli: its notes on memory a library keeps
 * (Pango's, fontconfig's) are not quorum-cli's output. Takes @text. */
static char *
without_valgrind (char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];

      if (g_str_has_prefix (p, "=="))
        {
          for (p += 2; g_ascii_isdigit (*p); p++)
            ;
          if (p > lines[i] + 2 && g_str_has_prefix (p, "=="))
            continue;
        }
      if (lines[i + 1] != NULL || lines[i][0] != '\0')
        g_string_append_printf (kept, "%s%s", lines[i], lines[i + 1] != NULL ? "\n" : "");
    }
  g_free (text);
  return g_string_free (kept, FALSE);
}

static void
communicated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &out, &err, &error);
  g_assert_no_error (error);
  /* an empty output may have no data at all */
  data = g_bytes_get_data (out, &size);
  run->out = size > 0 ? g_strndup (data, size) : g_strdup ("");
  g_assert_cmpuint (strlen (run->out), ==, size);
  data = g_bytes_get_data (err, &size);
  run->err = without_valgrind (size > 0 ? g_strndup (data, size) : g_strdup (""));
  run->done = TRUE;
}

static gboolean
timed_out (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs quorum-cli with @argv (NULL-terminated, without the program) and
 * returns its exit status; a crash or a hang fails the test. */
int
run_argv (Run                *run,
          const char * const *argv)
{
  const char *cli = g_getenv ("QUORUM_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timeout = g_timeout_source_new (RUN_TIMEOUT_MS);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  command = g_strjoinv (" ", (char **) args->pdata);
  g_test_message ("running: %s", command);

  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->done = run->timed_out = FALSE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, run->env);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  g_main_context_push_thread_default (context);
  g_source_set_callback (timeout, timed_out, run, NULL);
  g_source_attach (timeout, context);
  g_subprocess_communicate_async (process, NULL, NULL, communicated, run);
  while (!run->done && !run->timed_out)
    g_main_context_iteration (context, TRUE);
  if (run->timed_out)
    {
      g_subprocess_force_exit (process);
      while (!run->done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  if (run->out[0] != '\0')
    g_test_message ("stdout:\n%s", run->out);
  if (run->err[0] != '\0')
    g_test_message ("stderr:\n%s", run->err);

  if (run->timed_out)
    g_error ("%s did not finish within %d s", command, RUN_TIMEOUT_MS / 1000);
  if (g_subprocess_get_if_signaled (process))
    g_error ("%s was killed by signal %d", command, g_subprocess_get_term_sig (process));
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  return run->status;
}


/* Parses a JSON output and returns its root object. */
JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_steal_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

