/* test-cli-hostile.c: what a hostile store or argument cannot make
 * quorum-cli print
 *
 * File names that are not UTF-8 or hold line breaks and terminal escapes,
 * titles with escapes, --by names that forge lines or display reversed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-run.h"
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

/* A store with a committee register and one submitted work package. */
static char *
make_decidable_store (const char *title)
{
  char *store = make_tmp ();
  g_autofree char *budgets = g_build_filename (store, "budgets", NULL);
  g_autofree char *package =
    g_strdup_printf ("{'format': 'quorum.work-package/1', 'id': 'wp-a', 'kind': 'quarterly',"
                     " 'quarter': '2020/21 Q1', 'title': '%s', 'estimate': {'cost': 100},"
                     " 'status': 'submitted'}", title);

  write_file (store, "committees.json",
              "{'format': 'quorum.committees/1', 'committees': [{'id': 'opsg'}]}");
  write_file (store, "work-packages/wp-a.json", package);
  /* A store without budgets/ is reported as such. */
  g_assert_cmpint (g_mkdir_with_parents (budgets, 0700), ==, 0);
  return store;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* A file name that is not UTF-8 is U+FFFD in JSON, which stays JSON. */
static void
test_json_file_names (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_decidable_store ("T");
  g_autoptr(JsonNode) root = NULL;
  static const char * const commands[][3] = {
    { "check", "--format", "json" },
    { "work-packages", "--format", "json" },
  };

  write_file (store, "budgets/x\xffy.json", "{bad");
  run_init (&run);
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      JsonArray *errors;
      gboolean found = FALSE;

      g_assert_cmpint (run_cli (&run, "--store", store, commands[c][0], commands[c][1],
                                commands[c][2]), ==, 1);
      g_assert_true (g_utf8_validate (run.out, -1, NULL));
      g_clear_pointer (&root, json_node_unref);
      root = parse_json (run.out);
      errors = json_object_get_array_member (json_node_get_object (root), "errors");
      for (guint i = 0; i < json_array_get_length (errors); i++)
        {
          JsonObject *error = json_array_get_object_element (errors, i);

          found |= g_str_has_suffix (json_object_get_string_member (error, "file"),
                                     "/budgets/x\xef\xbf\xbdy.json");
        }
      g_assert_true (found);
      /* text output shows the byte as \xff */
      g_assert_nonnull (strstr (run.err, "/budgets/x\\xffy.json:1:2: $: "));
    }

  quorum_test_rm_rf (store);
}

/* A line break or an escape in a file name is escaped: one problem, one
 * line, and no escape reaches the terminal. */
static void
test_text_file_names (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_decidable_store ("T");

  write_file (store, "budgets/a\nb\x1b[31m.json", "{bad");
  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "check"), ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_null (strchr (run.err, '\x1b'));
  g_assert_nonnull (strstr (run.err, "/budgets/a\\nb\\x1b[31m.json:1:2: $: "));
  g_assert_cmpuint (count_lines (run.err), ==, 1);

  /* an argument echoed in an error is escaped too */
  g_assert_cmpint (run_cli (&run, "--store", store, "export", "x\x1b]0;pwned\x07"), ==, 1);
  g_assert_null (strchr (run.err, '\x1b'));
  g_assert_nonnull (strstr (run.err, "x\\x1b]0;pwned\\x07"));

  quorum_test_rm_rf (store);
}

/* Escapes and bidi controls in a title are escaped in the table; a line
 * break or a tab is a space, as before. */
static void
test_text_titles (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_decidable_store ("Evil\\u001b[2J \\u202eitle\\u0085!");
  g_auto(GStrv) fields = NULL;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages"), ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  run.out[strlen (run.out) - 1] = '\0';
  fields = g_strsplit (run.out, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 10);
  g_assert_cmpstr (fields[9], ==, "Evil\\x1b[2J \\u202eitle\\u0085!");

  quorum_test_rm_rf (store);
}

/* A store folder named with a line break cannot add a line to decide's
 * confirmation. */
static void
test_decide_confirmation (void)
{
  g_auto(Run) run;
  g_autofree char *parent = make_tmp ();
  g_autofree char *made = make_decidable_store ("T");
  g_autofree char *store = g_build_filename (parent, "st\nOutcome: rejected", NULL);

  g_assert_cmpint (g_rename (made, store), ==, 0);
  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-a", "approve",
                            "--by", "A Member"), ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 3);
  g_assert_nonnull (strstr (run.out, "/st\\nOutcome: rejected/decisions/wp-a/"));
  g_assert_true (g_str_has_suffix (run.out, "\nOutcome: approved (awaiting sync)\n"));

  quorum_test_rm_rf (parent);
}

/* --by and --role refuse control and bidi controls, --comment control
 * characters other than line breaks and tabs; nothing is written. */
static void
test_decide_refused_text (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_decidable_store ("T");
  g_autofree char *decisions = g_build_filename (store, "decisions", NULL);
  static const struct {
    const char *option, *value, *message;
  } cases[] = {
    { "--by", "Evil\nOutcome: rejected", "--by: character 5 is U+000A, a control character" },
    { "--by", "\xe2\x80\xae" "nairB", "--by: character 1 is U+202E, a bidirectional" },
    { "--by", "Brian\xe2\x81\xa6", "--by: character 6 is U+2066, a bidirectional" },
    { "--by", "A\x7f", "--by: character 2 is U+007F, a control character" },
    { "--role", "Board\x1b[2J", "--role: character 6 is U+001B, a control character" },
    { "--role", "\xe2\x80\xaa" "Board", "--role: character 1 is U+202A, a bidirectional" },
    { "--comment", "ok\x1b[2J", "--comment: character 3 is U+001B, a control character" },
    { "--comment", "ok\r\nnot", "--comment: character 3 is U+000D" },
  };

  run_init (&run);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (g_str_equal (cases[i].option, "--by"))
        g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-a", "approve",
                                  "--by", cases[i].value), ==, 2);
      else
        g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-a", "approve",
                                  "--by", "A Member", cases[i].option, cases[i].value), ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].message));
      g_assert_null (strchr (run.err, '\x1b'));
      g_assert_false (g_file_test (decisions, G_FILE_TEST_EXISTS));
    }

  /* line breaks and tabs are a comment's own */
  g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-a", "approve",
                            "--by", "A Member", "--comment", "One.\n\tTwo."), ==, 0);
  g_assert_true (g_file_test (decisions, G_FILE_TEST_IS_DIR));

  quorum_test_rm_rf (store);
}

/* --by typed decomposed is recorded composed (NFC), with the same id. */
static void
test_decide_normalized (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_decidable_store ("T");
  g_autoptr(JsonNode) root = NULL;
  JsonArray *packages, *decisions;
  JsonObject *decision;

  run_init (&run);
  g_assert_cmpint (run_cli (&run, "--store", store, "decide", "wp-a", "defer",
                            "--by", "Rene\xcc\x81 Dupont", "--role", "Ame\xcc\x81lie"), ==, 0);
  g_assert_nonnull (strstr (run.out, " by Ren\xc3\xa9 Dupont at "));
  g_assert_nonnull (strstr (run.out, "-rene-dupont.json\n"));

  g_assert_cmpint (run_cli (&run, "--store", store, "work-packages", "--format", "json"), ==, 0);
  root = parse_json (run.out);
  packages = json_object_get_array_member (json_node_get_object (root), "work_packages");
  decisions = json_object_get_array_member (json_array_get_object_element (packages, 0),
                                            "decisions");
  g_assert_cmpuint (json_array_get_length (decisions), ==, 1);
  decision = json_array_get_object_element (decisions, 0);
  g_assert_cmpstr (json_object_get_string_member (decision, "by"), ==, "Ren\xc3\xa9 Dupont");
  g_assert_cmpstr (json_object_get_string_member (decision, "role"), ==, "Am\xc3\xa9lie");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (decision, "id"),
                                   "-rene-dupont"));
  g_assert_cmpstr (json_object_get_string_member (decision, "seal"), ==, "valid");

  quorum_test_rm_rf (store);
}

/* A server that answers one request with 401 and a one-byte body. */
static gpointer
refuse_once (gpointer data)
{
  g_autoptr(GSocket) listener = data;
  g_autoptr(GSocket) client = NULL;
  g_autoptr(GString) request = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  static const char answer[] =
    "HTTP/1.1 401 Unauthorized\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx";
  char buffer[4096];

  client = g_socket_accept (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_set_timeout (client, 30);
  while (strstr (request->str, "\r\n\r\n") == NULL)
    {
      gssize n = g_socket_receive (client, buffer, sizeof buffer, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_string_append_len (request, buffer, n);
    }
  g_socket_send (client, answer, strlen (answer), NULL, &error);
  g_assert_no_error (error);
  g_socket_close (client, NULL);
  return NULL;
}

/* One request is "1 request". */
static void
test_sync_plural (void)
{
  g_auto(Run) run;
  g_autofree char *store = make_decidable_store ("T");
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GThread *thread;

  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                           &error);
  g_assert_no_error (error);
  g_socket_set_timeout (listener, 30);
  g_socket_bind (listener, any, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  thread = g_thread_new ("refuse-once", refuse_once, g_object_ref (listener));

  run_init (&run);
  /* no desktop proxy settings (their schemas are not in the isolated
   * $XDG_DATA_DIRS) for a request to 127.0.0.1 */
  run_setenv (&run, "GIO_USE_PROXY_RESOLVER", "dummy");
  g_assert_cmpint (run_cli (&run, "--store", store, "sync", "--remote", url), ==, 1);
  g_thread_join (thread);
  g_assert_nonnull (strstr (run.out, " 0 conflicts, "));
  g_assert_nonnull (strstr (run.out, "; 1 request, "));
  g_assert_nonnull (strstr (run.err, "refused the credentials"));

  quorum_test_rm_rf (store);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/hostile/json-file-names", test_json_file_names);
  g_test_add_func ("/cli/hostile/text-file-names", test_text_file_names);
  g_test_add_func ("/cli/hostile/text-titles", test_text_titles);
  g_test_add_func ("/cli/hostile/decide-confirmation", test_decide_confirmation);
  g_test_add_func ("/cli/hostile/decide-refused-text", test_decide_refused_text);
  g_test_add_func ("/cli/hostile/decide-normalized", test_decide_normalized);
  g_test_add_func ("/cli/hostile/sync-plural", test_sync_plural);
  return g_test_run ();
}
