/* test-notes.c: private notes: loading, writing, resolving, looking up
 *
 * Each test works on its own copy of the sample store in $TMPDIR, except
 * the one that checks the bundled sample store itself is never written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

typedef struct
{
  char *path;
  QuorumStore *store;
  QuorumNotes *notes;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  int status = 0;

  fixture->path = g_dir_make_tmp ("quorum-notes-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_build_filename (fixture->path, "store", NULL);
  {
    const char *argv[] = { "cp", "-R", sample, copy, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  fixture->store = quorum_store_new (copy);
  g_assert_true (quorum_store_load (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (quorum_store_is_sample (fixture->store));
  fixture->notes = quorum_notes_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->notes);
  g_clear_object (&fixture->store);
  quorum_test_rm_rf (fixture->path);
  g_free (fixture->path);
}

static char *
notes_dir (Fixture *fixture)
{
  return quorum_store_layout_notes (quorum_store_get_path (fixture->store));
}

static void
write_note (Fixture    *fixture,
            const char *name,
            const char *content)
{
  g_autofree char *relpath = g_build_filename (".quorum", "notes", name, NULL);
  g_autofree char *text = quorum_test_dq (content);

  quorum_test_write_file (quorum_store_get_path (fixture->store), relpath, text, -1);
}

static char *
read_note_file (QuorumNote *note)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (quorum_note_get_file (note), &data, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&data);
}

static void
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_notes_load (fixture->notes, NULL, &error));
  g_assert_no_error (error);
}

static QuorumNote *
add (Fixture    *fixture,
     QuorumNote *note,
     const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_notes_add (fixture->notes, note, text, NULL, &error));
  g_assert_no_error (error);
  return note;
}

static QuorumNote *
item (Fixture *fixture,
      guint    position)
{
  QuorumNote *note = g_list_model_get_item (G_LIST_MODEL (fixture->notes), position);

  /* The model holds a reference; the tests borrow. */
  g_object_unref (note);
  return note;
}

static const char cell_note[] =
  "{'format': 'quorum.note/1', 'id': '20261206t101500z-3f9c',\n"
  " 'target': {'document': 'sec-budget-2020-23', 'table': 'overview',\n"
  "            'row': 'projects', 'column': '2019-20-approved', 'colour': 'amber'},\n"
  " 'text': 'Ask SECAS why this is above Table 6.',\n"
  " 'created': '2026-12-06T10:15:00Z', 'updated': '2026-12-06T10:15:00Z',\n"
  " 'weight': 1.50, 'tags': ['budget', 2]}\n";

static const char package_note[] =
  "{'format': 'quorum.note/1', 'id': '20261201t090000z-0001',\n"
  " 'target': {'work_package': 'wp-2020-21-q1-opsg'}, 'text': 'Check the days.',\n"
  " 'created': '2026-12-01T09:00:00Z', 'updated': '2026-12-02T09:00:00Z'}\n";

static const char document_note[] =
  "{'format': 'quorum.note/1', 'id': '20261207t090000z-00ff',\n"
  " 'target': {'document': 'sec-budget-2020-23'}, 'text': 'Whole document.',\n"
  " 'created': '2026-12-07T09:00:00Z', 'updated': '2026-12-07T09:00:00Z'}\n";

/* Loading: every field, sorted by target then created. */
static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  QuorumNote *note;

  write_note (fixture, "20261206t101500z-3f9c.json", cell_note);
  write_note (fixture, "20261201t090000z-0001.json", package_note);
  write_note (fixture, "20261207t090000z-00ff.json", document_note);
  load (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_notes_get_problems (fixture->notes)), ==, 0);

  /* Documents before work packages; a whole document before its cells. */
  note = item (fixture, 0);
  g_assert_cmpstr (quorum_note_get_id (note), ==, "20261207t090000z-00ff");
  g_assert_null (quorum_note_get_table (note));
  note = item (fixture, 1);
  g_assert_cmpstr (quorum_note_get_id (note), ==, "20261206t101500z-3f9c");
  g_assert_cmpint (quorum_note_get_target_kind (note), ==, QUORUM_NOTE_TARGET_DOCUMENT);
  g_assert_cmpstr (quorum_note_get_document (note), ==, "sec-budget-2020-23");
  g_assert_cmpstr (quorum_note_get_table (note), ==, "overview");
  g_assert_cmpstr (quorum_note_get_row (note), ==, "projects");
  g_assert_cmpstr (quorum_note_get_column (note), ==, "2019-20-approved");
  g_assert_null (quorum_note_get_work_package (note));
  g_assert_cmpstr (quorum_note_get_text (note), ==, "Ask SECAS why this is above Table 6.");
  g_assert_cmpstr (quorum_note_get_created (note), ==, "2026-12-06T10:15:00Z");
  g_assert_true (g_str_has_suffix (quorum_note_get_file (note), "20261206t101500z-3f9c.json"));
  note = item (fixture, 2);
  g_assert_cmpint (quorum_note_get_target_kind (note), ==, QUORUM_NOTE_TARGET_WORK_PACKAGE);
  g_assert_cmpstr (quorum_note_get_work_package (note), ==, "wp-2020-21-q1-opsg");
  g_assert_cmpstr (quorum_note_get_updated (note), ==, "2026-12-02T09:00:00Z");

  /* The properties the views bind to. */
  {
    g_autofree char *text = NULL;
    QuorumNoteTargetKind kind;

    g_object_get (note, "text", &text, "target-kind", &kind, NULL);
    g_assert_cmpstr (text, ==, "Check the days.");
    g_assert_cmpint (kind, ==, QUORUM_NOTE_TARGET_WORK_PACKAGE);
  }
}

/* Add, edit and delete, each a file in .quorum/notes/ and a model change. */
static void
test_add_edit_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(QuorumNote) note = quorum_note_new_on_work_package ("wp-2020-21-q1-opsg");
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *content = NULL;
  g_autoptr(QuorumNotes) again = quorum_notes_new (fixture->store);

  load (fixture);

  add (fixture, note, "First thought.\nSecond line.");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 1);
  g_assert_true (item (fixture, 0) == note);
  g_assert_nonnull (quorum_note_get_id (note));
  g_assert_cmpstr (quorum_note_get_created (note), ==, quorum_note_get_updated (note));
  file = g_strdup (quorum_note_get_file (note));
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  /* What was written reads back the same. */
  quorum_notes_load (again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  {
    g_autoptr(QuorumNote) read_back = g_list_model_get_item (G_LIST_MODEL (again), 0);

    g_assert_cmpstr (quorum_note_get_text (read_back), ==, "First thought.\nSecond line.");
  }

  g_assert_true (quorum_notes_edit (fixture->notes, note, "Changed my mind.", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_note_get_text (note), ==, "Changed my mind.");
  content = read_note_file (note);
  g_assert_nonnull (strstr (content, "\"text\": \"Changed my mind.\""));
  g_assert_nonnull (strstr (content, "\"work_package\": \"wp-2020-21-q1-opsg\""));

  /* A control character other than a line break or tab is refused. */
  g_assert_false (quorum_notes_edit (fixture->notes, note, "bell\a", NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (quorum_notes_delete (fixture->notes, note, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 0);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
}

/* An edit keeps the members this Quorum does not know, numbers as written. */
static void
test_edit_keeps_unknown (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  QuorumNote *note;

  write_note (fixture, "20261206t101500z-3f9c.json", cell_note);
  load (fixture);
  note = item (fixture, 0);
  g_assert_true (quorum_notes_edit (fixture->notes, note, "New text", NULL, &error));
  g_assert_no_error (error);

  content = read_note_file (note);
  g_assert_nonnull (strstr (content, "\"weight\": 1.50"));
  g_assert_nonnull (strstr (content, "\"colour\": \"amber\""));
  g_assert_nonnull (strstr (content, "\"budget\",\n    2\n"));
  g_assert_nonnull (strstr (content, "\"text\": \"New text\""));
  g_assert_nonnull (strstr (content, "\"created\": \"2026-12-06T10:15:00Z\""));
  g_assert_null (strstr (content, "Ask SECAS"));
  /* Members stay in their order: text before created. */
  g_assert_true (strstr (content, "\"text\"") < strstr (content, "\"created\""));
  g_assert_cmpstr (quorum_note_get_updated (note), !=, "2026-12-06T10:15:00Z");
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Waited;

static void
finished (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Waited *waited = user_data;
  QuorumNotes *notes = QUORUM_NOTES (object);

  if (g_async_result_is_tagged (result, quorum_notes_add_async))
    waited->ok = quorum_notes_add_finish (notes, result, &waited->error);
  else if (g_async_result_is_tagged (result, quorum_notes_edit_async))
    waited->ok = quorum_notes_edit_finish (notes, result, &waited->error);
  else if (g_async_result_is_tagged (result, quorum_notes_delete_async))
    waited->ok = quorum_notes_delete_finish (notes, result, &waited->error);
  else
    waited->ok = quorum_notes_load_finish (notes, result, &waited->error);
  waited->done = TRUE;
}

static void
wait_for (Waited *waited)
{
  while (!waited->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (waited->error);
  g_assert_true (waited->ok);
  *waited = (Waited) { 0 };
}

/* The async variants: the model changes only when the call finishes. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(QuorumNote) note = quorum_note_new_on_meeting ("secp-39", "6");
  Waited waited = { 0 };

  write_note (fixture, "20261201t090000z-0001.json", package_note);
  quorum_notes_load_async (fixture->notes, NULL, finished, &waited);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 0);
  wait_for (&waited);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 1);

  quorum_notes_add_async (fixture->notes, note, "Async", NULL, finished, &waited);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 1);
  wait_for (&waited);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 2);
  g_assert_true (g_file_test (quorum_note_get_file (note), G_FILE_TEST_IS_REGULAR));

  quorum_notes_edit_async (fixture->notes, note, "Edited", NULL, finished, &waited);
  g_assert_cmpstr (quorum_note_get_text (note), ==, "Async");
  wait_for (&waited);
  g_assert_cmpstr (quorum_note_get_text (note), ==, "Edited");

  quorum_notes_delete_async (fixture->notes, note, NULL, finished, &waited);
  wait_for (&waited);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 1);
  g_assert_false (g_file_test (quorum_note_get_file (note), G_FILE_TEST_EXISTS));
}

/* The names in .quorum/notes/, sorted, temporary files included. */
static char *
list_notes_dir (Fixture *fixture)
{
  g_autofree char *dir_path = notes_dir (fixture);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A write cut short (the file system refuses the bytes) leaves the note
 * as it was, and no stray file. Files over RLIMIT_FSIZE fail for root too. */
static void
test_failed_write (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names_before = NULL;
  g_autofree char *names_after = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'x');
  g_autoptr(QuorumNote) added = quorum_note_new_on_action ("SECP39/07");
  struct rlimit saved, limit;
  void (*old_handler) (int);
  QuorumNote *note;
  gboolean ok, added_ok;

  write_note (fixture, "20261206t101500z-3f9c.json", cell_note);
  load (fixture);
  note = item (fixture, 0);
  before = read_note_file (note);
  names_before = list_notes_dir (fixture);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 4096;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = quorum_notes_edit (fixture->notes, note, big, NULL, &error);
  added_ok = !ok && quorum_notes_add (fixture->notes, added, big, NULL, NULL);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (ok);
  g_assert_false (added_ok);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "20261206t101500z-3f9c.json"));
  after = read_note_file (note);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (quorum_note_get_text (note), ==, "Ask SECAS why this is above Table 6.");
  names_after = list_notes_dir (fixture);
  g_assert_cmpstr (names_after, ==, names_before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 1);
}

/* A read-only notes folder (for a user other than root). */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = notes_dir (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  QuorumNote *note;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into a read-only folder");
      return;
    }
  write_note (fixture, "20261206t101500z-3f9c.json", cell_note);
  load (fixture);
  note = item (fixture, 0);
  before = read_note_file (note);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (quorum_notes_edit (fixture->notes, note, "lost", NULL, &error));
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_IO);
  after = read_note_file (note);
  g_assert_cmpstr (after, ==, before);
}

/* The bundled sample store is never written: every write is refused. */
static void
test_sample_refused (void)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autofree char *dir = quorum_store_layout_notes (sample);
  g_autofree char *private_dir = quorum_store_layout_private_dir (sample);
  g_autoptr(QuorumStore) store = quorum_store_new (sample);
  g_autoptr(QuorumNotes) notes = NULL;
  g_autoptr(QuorumNote) note = quorum_note_new_on_work_package ("wp-2020-21-q1-opsg");
  g_autoptr(GError) error = NULL;
  gboolean had_private = g_file_test (private_dir, G_FILE_TEST_EXISTS);
  Waited waited = { 0 };

  g_assert_true (quorum_store_is_sample (store));
  notes = quorum_notes_new (store);
  g_assert_true (quorum_notes_load (notes, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (quorum_notes_add (notes, note, "Mine", NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "sample"));
  g_clear_error (&error);

  quorum_notes_add_async (notes, note, "Mine", NULL, finished, &waited);
  while (!waited.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (waited.ok);
  g_assert_error (waited.error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_clear_error (&waited.error);

  g_assert_null (quorum_note_get_id (note));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (notes)), ==, 0);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_file_test (private_dir, G_FILE_TEST_EXISTS), ==, had_private);
}

static QuorumProblem *
find_problem (QuorumNotes *notes,
              const char  *basename)
{
  GListModel *problems = quorum_notes_get_problems (notes);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(QuorumProblem) problem = g_list_model_get_item (problems, i);

      if (g_str_has_suffix (quorum_problem_get_file (problem), basename))
        return problem;
    }
  return NULL;
}

/* A broken file is a problem naming it, its JSON path and line:column;
 * the other notes load. */
static void
test_broken_file (Fixture       *fixture,
                  gconstpointer  data)
{
  QuorumProblem *problem;
  g_autofree char *dir = notes_dir (fixture);
  g_autofree char *expected = g_build_filename (dir, "20261202t000000z-0002.json", NULL);
  g_autofree char *text = NULL;

  write_note (fixture, "20261201t090000z-0001.json", package_note);
  write_note (fixture, "20261202t000000z-0002.json",
              "{'format': 'quorum.note/1', 'id': '20261202t000000z-0002',\n"
              " 'target': {'work_package': 'wp-x'},\n"
              " 'text': 'a', 'created': 'yesterday', 'updated': '2026-12-02T00:00:00Z'}\n");
  write_note (fixture, "20261203t000000z-0003.json", "{'format': 'quorum.note/1',\n 'id': }");
  write_note (fixture, "20261204t000000z-0004.json",
              "{'format': 'quorum.note/1', 'id': '20261204t000000z-0004',\n"
              " 'target': {'document': 'd', 'meeting': 'm'},\n"
              " 'text': 'a', 'created': '2026-12-02T00:00:00Z',\n"
              " 'updated': '2026-12-02T00:00:00Z'}\n");
  write_note (fixture, "20261205t000000z-0005.json",
              "{'format': 'quorum.note/1', 'id': '20261205t000000z-0005',\n"
              " 'target': {'action': 'not a ref'},\n"
              " 'text': 'a', 'created': '2026-12-02T00:00:00Z',\n"
              " 'updated': '2026-12-02T00:00:00Z'}\n");
  load (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_notes_get_problems (fixture->notes)), ==, 4);

  problem = find_problem (fixture->notes, "20261202t000000z-0002.json");
  g_assert_nonnull (problem);
  g_assert_cmpstr (quorum_problem_get_file (problem), ==, expected);
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$.created");
  g_assert_cmpuint (quorum_problem_get_line (problem), ==, 3);
  g_assert_cmpuint (quorum_problem_get_column (problem), ==, 26);
  text = quorum_problem_to_string (problem);
  g_assert_true (g_str_has_prefix (text, expected));
  g_assert_nonnull (strstr (text, ":3:26: $.created: "));

  problem = find_problem (fixture->notes, "20261203t000000z-0003.json");
  g_assert_cmpuint (quorum_problem_get_line (problem), ==, 2);
  g_assert_cmpuint (quorum_problem_get_column (problem), ==, 8);

  problem = find_problem (fixture->notes, "20261204t000000z-0004.json");
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$.target");
  g_assert_cmpuint (quorum_problem_get_line (problem), ==, 2);

  problem = find_problem (fixture->notes, "20261205t000000z-0005.json");
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$.target.action");
}

/* The notes have a memory budget: files past 64 MiB in all are problems. */
static void
test_memory_budget (Fixture       *fixture,
                    gconstpointer  data)
{
  const gsize size = 15 * 1024 * 1024;
  g_autofree char *filler = g_malloc (size + 1);
  QuorumProblem *problem;

  /* Five files of 15 MiB of blanks: four read, each a syntax error, the
   * fifth over what is left of the budget and not read; a small note
   * still fits. */
  memset (filler, ' ', size);
  filler[size] = '\0';
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("20261201t00000%uz-0000.json", i);
      g_autofree char *relpath = g_build_filename (".quorum", "notes", name, NULL);

      quorum_test_write_file (quorum_store_get_path (fixture->store), relpath, filler, size);
    }
  write_note (fixture, "20261201t090000z-0001.json", package_note);
  load (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->notes)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_notes_get_problems (fixture->notes)), ==, 5);
  problem = find_problem (fixture->notes, "20261201t000004z-0000.json");
  g_assert_null (strstr (quorum_problem_get_message (problem), "budget"));
  problem = find_problem (fixture->notes, "20261201t000005z-0000.json");
  g_assert_nonnull (strstr (quorum_problem_get_message (problem), "memory budget (64 MiB"));
  g_assert_null (find_problem (fixture->notes, "20261201t090000z-0001.json"));
}

/* A store's meetings, read from its files (until the store loads them). */
static GListModel *
load_meetings (Fixture *fixture)
{
  g_autofree char *dir_path = g_build_filename (quorum_store_get_path (fixture->store),
                                                "meetings", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GListStore *meetings = g_list_store_new (QUORUM_TYPE_MEETING);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir_path, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(QuorumMeeting) meeting = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (file, &data, &length, NULL));
      meeting = quorum_meeting_new_from_data (file, data, length, NULL);
      g_assert_nonnull (meeting);
      g_list_store_append (meetings, meeting);
    }
  return G_LIST_MODEL (meetings);
}

static QuorumNote *
add_resolved (Fixture    *fixture,
              QuorumNote *note)
{
  add (fixture, note, "n");
  g_object_unref (note);
  return note;
}

/* Labels, and detached notes: listed, never dropped. */
static void
test_resolve_detached (Fixture       *fixture,
                       gconstpointer  data)
{
  QuorumBudgetDocument *document = quorum_store_find_document (fixture->store,
                                                               "sec-budget-2020-23");
  QuorumTable *table = quorum_budget_document_find_table (document, "overview");
  QuorumRow *row = quorum_table_find_row (table, "projects");
  QuorumColumn *column = quorum_table_find_column (table, "2019-20-approved");
  QuorumWorkPackage *package = quorum_store_find_work_package (fixture->store,
                                                               "wp-2020-21-q1-opsg");
  g_autoptr(GListModel) meetings = load_meetings (fixture);
  g_autofree char *cell_label = NULL;
  g_autofree char *meeting_label = NULL;
  g_autoptr(QuorumMeeting) first = g_list_model_get_item (meetings, 0);
  QuorumNote *cell, *gone_row, *package_note_, *gone_package, *meeting, *gone_item;
  QuorumNote *gone_meeting, *action, *gone_action;
  g_autoptr(QuorumNotes) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (row);
  g_assert_nonnull (column);
  cell = add_resolved (fixture, quorum_note_new_on_document ("sec-budget-2020-23", "overview",
                                                             "projects", "2019-20-approved"));
  gone_row = add_resolved (fixture, quorum_note_new_on_document ("sec-budget-2020-23",
                                                                 "overview", "no-such-row",
                                                                 NULL));
  package_note_ = add_resolved (fixture,
                                quorum_note_new_on_work_package ("wp-2020-21-q1-opsg"));
  gone_package = add_resolved (fixture, quorum_note_new_on_work_package ("wp-gone"));
  meeting = add_resolved (fixture, quorum_note_new_on_meeting (quorum_meeting_get_id (first),
                                                               NULL));
  gone_item = add_resolved (fixture, quorum_note_new_on_meeting (quorum_meeting_get_id (first),
                                                                 "99z"));
  gone_meeting = add_resolved (fixture, quorum_note_new_on_meeting ("no-such-meeting", "1"));
  action = add_resolved (fixture, quorum_note_new_on_action ("SECP39/07"));
  gone_action = add_resolved (fixture, quorum_note_new_on_action ("SECP99/01"));

  /* Without the meetings: a meeting is known by its file, an action not at all. */
  quorum_notes_resolve (fixture->notes, fixture->store, NULL);
  g_assert_false (quorum_note_get_detached (meeting));
  g_assert_false (quorum_note_get_detached (gone_item));
  g_assert_true (quorum_note_get_detached (gone_meeting));
  g_assert_false (quorum_note_get_detached (gone_action));

  quorum_notes_resolve (fixture->notes, fixture->store, meetings);
  cell_label = g_strdup_printf ("%s · %s · %s · %s",
                                quorum_budget_document_get_title (document),
                                quorum_table_get_title (table), quorum_row_get_label (row),
                                quorum_column_get_label (column));
  g_assert_cmpstr (quorum_note_get_label (cell), ==, cell_label);
  g_assert_false (quorum_note_get_detached (cell));
  g_assert_true (quorum_note_get_detached (gone_row));
  g_assert_true (g_str_has_suffix (quorum_note_get_label (gone_row), " · no-such-row"));
  g_assert_cmpstr (quorum_note_get_label (package_note_), ==,
                   quorum_work_package_get_title (package));
  g_assert_false (quorum_note_get_detached (package_note_));
  g_assert_true (quorum_note_get_detached (gone_package));
  g_assert_cmpstr (quorum_note_get_label (gone_package), ==, "wp-gone");
  g_assert_cmpstr (quorum_note_get_label (meeting), ==, quorum_meeting_get_title (first));
  g_assert_false (quorum_note_get_detached (meeting));
  meeting_label = g_strdup_printf ("%s · item 99z", quorum_meeting_get_title (first));
  g_assert_cmpstr (quorum_note_get_label (gone_item), ==, meeting_label);
  g_assert_true (quorum_note_get_detached (gone_item));
  g_assert_true (quorum_note_get_detached (gone_meeting));
  g_assert_cmpstr (quorum_note_get_label (action), ==, "SECP39/07");
  g_assert_false (quorum_note_get_detached (action));
  g_assert_true (quorum_note_get_detached (gone_action));

  /* A note added since is resolved against the same store and meetings. */
  {
    g_autoptr(QuorumNote) late = quorum_note_new_on_work_package ("wp-late");

    add (fixture, late, "late");
    g_assert_cmpstr (quorum_note_get_label (late), ==, "wp-late");
    g_assert_true (quorum_note_get_detached (late));
    g_assert_true (quorum_notes_delete (fixture->notes, late, NULL, NULL));
  }

  /* Reloaded and resolved again: every note is still there. */
  again = quorum_notes_new (fixture->store);
  g_assert_true (quorum_notes_load (again, NULL, &error));
  g_assert_no_error (error);
  quorum_notes_resolve (again, fixture->store, meetings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 9);
  {
    guint n_detached = 0;

    for (guint i = 0; i < 9; i++)
      {
        g_autoptr(QuorumNote) note = g_list_model_get_item (G_LIST_MODEL (again), i);

        n_detached += quorum_note_get_detached (note);
      }
    g_assert_cmpuint (n_detached, ==, 5);
  }
}

/* Many adds in the same second: every id different, every file there. */
static void
test_unique_ids (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRegex) pattern = g_regex_new ("^[0-9]{8}t[0-9]{6}z-[0-9a-f]{4}$", 0, 0, NULL);
  g_autoptr(QuorumNotes) again = quorum_notes_new (fixture->store);
  const guint n = 300;

  load (fixture);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumNote) note = quorum_note_new_on_action ("SECP39/07");

      add (fixture, note, "same");
      g_assert_true (g_regex_match (pattern, quorum_note_get_id (note), 0, NULL));
      g_assert_true (g_hash_table_add (ids, (gpointer) quorum_note_get_id (note)));
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, n);
  g_assert_true (quorum_notes_load (again, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, n);
}

/* The views' question: does this cell (row, package…) have a note? */
static void
test_lookup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(QuorumNote) first = quorum_note_new_on_document ("sec-budget-2020-23", "overview",
                                                             "projects", "2019-20-approved");
  g_autoptr(QuorumNote) second = quorum_note_new_on_document ("sec-budget-2020-23",
                                                              "overview", "projects",
                                                              "2019-20-approved");
  g_autoptr(QuorumNote) row = quorum_note_new_on_document ("sec-budget-2020-23", "overview",
                                                           "projects", NULL);
  g_autoptr(QuorumNote) package = quorum_note_new_on_work_package ("wp-2020-21-q1-opsg");
  g_autofree char *key = quorum_note_target_key (QUORUM_NOTE_TARGET_WORK_PACKAGE,
                                                 "wp-2020-21-q1-opsg", NULL, NULL, NULL);
  GPtrArray *found;

  load (fixture);
  add (fixture, first, "one");
  add (fixture, second, "two");
  add (fixture, row, "row");
  add (fixture, package, "package");

  found = quorum_notes_lookup_document (fixture->notes, "sec-budget-2020-23", "overview",
                                        "projects", "2019-20-approved");
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 2);
  found = quorum_notes_lookup_document (fixture->notes, "sec-budget-2020-23", "overview",
                                        "projects", NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (g_ptr_array_index (found, 0) == row);
  g_assert_null (quorum_notes_lookup_document (fixture->notes, "sec-budget-2020-23", "overview",
                                               "projects", "2020-21-approved"));
  g_assert_null (quorum_notes_lookup_document (fixture->notes, "sec-budget-2020-23", NULL,
                                               NULL, NULL));
  found = quorum_notes_lookup (fixture->notes, key);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (quorum_note_get_target_key (package), ==, key);

  g_assert_true (quorum_notes_delete (fixture->notes, first, NULL, NULL));
  found = quorum_notes_lookup_document (fixture->notes, "sec-budget-2020-23", "overview",
                                        "projects", "2019-20-approved");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (g_ptr_array_index (found, 0) == second);
  g_assert_true (quorum_notes_delete (fixture->notes, second, NULL, NULL));
  g_assert_null (quorum_notes_lookup_document (fixture->notes, "sec-budget-2020-23", "overview",
                                               "projects", "2019-20-approved"));
  g_assert_true (quorum_notes_find (fixture->notes, quorum_note_get_id (row)) == row);
}

/* A target that cannot be written is refused before anything is. */
static void
test_bad_target (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(QuorumNote) no_table = quorum_note_new_on_document ("sec-budget-2020-23", NULL,
                                                                "projects", NULL);
  g_autoptr(QuorumNote) bad_ref = quorum_note_new_on_action ("secp39/07");
  g_autoptr(QuorumNote) bad_id = quorum_note_new_on_work_package ("../../etc");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = notes_dir (fixture);

  load (fixture);
  g_assert_false (quorum_notes_add (fixture->notes, no_table, "x", NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (quorum_notes_add (fixture->notes, bad_ref, "x", NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (quorum_notes_add (fixture->notes, bad_id, "x", NULL, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/notes/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("load", test_load);
  ADD ("add-edit-delete", test_add_edit_delete);
  ADD ("edit-keeps-unknown", test_edit_keeps_unknown);
  ADD ("async", test_async);
  ADD ("failed-write", test_failed_write);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("broken-file", test_broken_file);
  ADD ("memory-budget", test_memory_budget);
  ADD ("resolve-detached", test_resolve_detached);
  ADD ("unique-ids", test_unique_ids);
  ADD ("lookup", test_lookup);
  ADD ("bad-target", test_bad_target);
#undef ADD
  g_test_add_func ("/notes/sample-refused", test_sample_refused);
  return g_test_run ();
}
