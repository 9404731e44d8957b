/* test-notes-private.c: notes stay on this computer
 *
 * Writing notes changes nothing outside .quorum/notes/ (but the write
 * lock's file); publish-index lists no note; a sync against an in-process
 * server on 127.0.0.1 sends no note (it sends the decision waiting to go),
 * and a remote that lists a file under .quorum/notes/ does not get it into
 * the local notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-servers.h"
#include "quorum-test-util.h"

#include <libsoup/soup.h>
#include <string.h>

#define SECRET "my-private-thought-3f9c"

typedef struct
{
  SoupServer *server;
  char *root;
  char *url;
  GPtrArray *requests;    /* "METHOD path" */
  GPtrArray *bodies;      /* what was sent, as text */
} Remote;

static char *
make_tmp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("quorum-notes-private-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A copy of the sample store in @parent. */
static char *
copy_sample (const char *parent,
             const char *name)
{
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autoptr(GError) error = NULL;
  char *store = g_build_filename (parent, name, NULL);

  g_assert_true (quorum_test_copy_tree (sample, store, &error));
  g_assert_no_error (error);
  return store;
}

/* Adds a note of each kind, edits one and deletes another. */
static QuorumNotes *
write_notes (const char *store_path)
{
  g_autoptr(QuorumStore) store = quorum_store_new (store_path);
  QuorumNotes *notes;
  g_autoptr(QuorumNote) cell = quorum_note_new_on_document ("sec-budget-2020-23", "overview",
                                                            "projects", "2019-20-approved");
  g_autoptr(QuorumNote) package = quorum_note_new_on_work_package ("wp-2020-21-q1-opsg");
  g_autoptr(QuorumNote) meeting = quorum_note_new_on_meeting ("secp-39", "6");
  g_autoptr(QuorumNote) action = quorum_note_new_on_action ("SECP39/07");
  g_autoptr(GError) error = NULL;

  notes = quorum_notes_new (store);
  g_assert_true (quorum_notes_load (notes, NULL, &error));
  g_assert_true (quorum_notes_add (notes, cell, SECRET " cell", NULL, &error));
  g_assert_true (quorum_notes_add (notes, package, SECRET " package", NULL, &error));
  g_assert_true (quorum_notes_add (notes, meeting, SECRET " meeting", NULL, &error));
  g_assert_true (quorum_notes_add (notes, action, SECRET " action", NULL, &error));
  g_assert_true (quorum_notes_edit (notes, cell, SECRET " cell, edited", NULL, &error));
  g_assert_true (quorum_notes_delete (notes, action, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (notes)), ==, 3);
  return notes;
}

static char *
publish_index (const char *store)
{
  g_autofree char *index_file = g_build_filename (store, "index.json", NULL);
  g_autoptr(GError) error = NULL;
  char *index = NULL;

  g_assert_true (quorum_sync_write_index (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (index_file, &index, NULL, NULL));
  g_assert_nonnull (strstr (index, "\"path\": \"budgets/sec-budget-2020-23.json\""));
  g_assert_null (strstr (index, ".quorum"));
  g_assert_null (strstr (index, "notes"));
  return index;
}

/* Leaves out the notes, the lock's file and the folders holding them. */
static void
drop_notes_and_lock (GHashTable *checksums)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, checksums);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, ".quorum/notes") || g_str_equal (key, ".quorum/lock") ||
        g_str_equal (key, ".quorum"))
      g_hash_table_iter_remove (&iter);
}

/* Writing notes changes nothing outside .quorum/notes/ but the lock, and
 * publish-index lists none of them: the index is the same as without. */
static void
test_publish_index (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *store = copy_sample (tmp, "store");
  g_autofree char *index_before = publish_index (store);
  g_autofree char *index_after = NULL;
  g_autoptr(GHashTable) before = quorum_test_tree_checksums (store);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(QuorumNotes) notes = write_notes (store);

  g_assert_nonnull (notes);  /* held to the end: the notes written */
  after = quorum_test_tree_checksums (store);
  drop_notes_and_lock (before);
  drop_notes_and_lock (after);
  g_assert_cmpuint (g_hash_table_size (after), >, 0);
  quorum_test_assert_same_tree (before, after);

  index_after = publish_index (store);
  g_assert_cmpstr (index_after, ==, index_before);
  quorum_test_rm_rf (tmp);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Remote *remote = user_data;
  const char *method = soup_server_message_get_method (message);
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *etag = NULL;
  gsize length;

  g_ptr_array_add (remote->requests, g_strdup_printf ("%s %s", method, path));
  if (body != NULL && body->length > 0)
    g_ptr_array_add (remote->bodies, g_strndup (body->data, body->length));
  if (!g_str_has_prefix (path, "/store/") || g_str_equal (method, "PROPFIND"))
    {
      soup_server_message_set_status (message, g_str_equal (method, "PROPFIND") ? 405 : 404,
                                      NULL);
      return;
    }
  if (g_str_equal (method, "PUT") || g_str_equal (method, "MKCOL"))
    {
      soup_server_message_set_status (message, 201, NULL);
      return;
    }
  file = g_build_filename (remote->root, path + strlen ("/store/"), NULL);
  if (!g_file_get_contents (file, &data, &length, NULL))
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  etag = g_strdup_printf ("\"%s\"", digest);
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "ETag",
                                etag);
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, data,
                                    length);
}

static Remote *
remote_new (const char *parent)
{
  Remote *remote = g_new0 (Remote, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *text = NULL;

  remote->root = copy_sample (parent, "remote");
  g_assert_true (quorum_sync_write_index (remote->root, &error));
  g_assert_no_error (error);
  remote->requests = g_ptr_array_new_with_free_func (g_free);
  remote->bodies = g_ptr_array_new_with_free_func (g_free);
  remote->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (remote->server, NULL, handle, remote, NULL);
  g_assert_true (soup_server_listen_local (remote->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (remote->server);
  text = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (text, "http://127.0.0.1:"));
  remote->url = g_strconcat (text, g_str_has_suffix (text, "/") ? "" : "/", "store/", NULL);
  return remote;
}

static void
remote_free (Remote *remote)
{
  soup_server_disconnect (remote->server);
  g_object_unref (remote->server);
  g_ptr_array_unref (remote->requests);
  g_ptr_array_unref (remote->bodies);
  g_free (remote->root);
  g_free (remote->url);
  g_free (remote);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Remote, remote_free)

typedef struct
{
  gboolean done;
  gboolean ok;
} Result;

static void
ran (GObject      *object,
     GAsyncResult *result,
     gpointer      user_data)
{
  Result *out = user_data;

  out->ok = quorum_sync_run_finish (QUORUM_SYNC (object), result, NULL);
  out->done = TRUE;
}

static gboolean
sync_now (const char *store,
          Remote     *remote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumSync) sync = quorum_sync_new (store, remote->url, &error);
  Result result = { 0 };

  g_assert_no_error (error);
  quorum_sync_set_timeouts (sync, 5, 5);
  quorum_sync_run_async (sync, NULL, ran, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  return result.ok;
}

/* A decision waiting to be sent, so the sync has something to send. */
static char *
decide_one (const char *store_path)
{
  g_autoptr(QuorumStore) store = quorum_store_new (store_path);
  g_autoptr(GError) error = NULL;
  GListModel *packages;

  g_assert_true (quorum_store_load (store, NULL, &error));
  packages = quorum_store_get_work_packages (store);
  for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(QuorumWorkPackage) package = g_list_model_get_item (packages, i);
      g_autoptr(QuorumDecision) decision = NULL;

      if (!quorum_work_package_can_decide (package, NULL))
        continue;
      decision = quorum_store_decide (store, quorum_work_package_get_id (package), "approve",
                                      "Test Member", NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      return g_strdup_printf ("decisions/%s/%s.json", quorum_work_package_get_id (package),
                              quorum_decision_get_id (decision));
    }
  g_assert_not_reached ();
}

static gboolean
any_contains (GPtrArray  *texts,
              const char *needle)
{
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* A sync sends the decision and no note; the notes stay as they were. */
static void
test_sync (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *store = copy_sample (tmp, "store");
  g_autoptr(Remote) remote = remote_new (tmp);
  g_autofree char *decision = decide_one (store);
  g_autofree char *put = NULL;
  g_autofree char *notes_dir = quorum_store_layout_notes (store);
  g_autoptr(QuorumNotes) notes = write_notes (store);
  g_autoptr(GHashTable) before = quorum_test_tree_checksums (notes_dir);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(QuorumStore) reopened = quorum_store_new (store);
  g_autoptr(QuorumNotes) again = quorum_notes_new (reopened);

  g_assert_nonnull (notes);  /* held to the end: the notes written */
  g_assert_true (sync_now (store, remote));
  put = g_strconcat ("PUT /store/", decision, NULL);
  g_assert_true (g_ptr_array_find_with_equal_func (remote->requests, put, g_str_equal, NULL));
  g_assert_false (any_contains (remote->requests, ".quorum"));
  g_assert_false (any_contains (remote->requests, "notes"));
  g_assert_false (any_contains (remote->bodies, SECRET));
  g_assert_false (any_contains (remote->bodies, "quorum.note/"));

  after = quorum_test_tree_checksums (notes_dir);
  quorum_test_assert_same_tree (before, after);
  g_assert_true (quorum_notes_load (again, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 3);
  quorum_test_rm_rf (tmp);
}

/* A remote that lists a note does not get it into the local notes. */
static void
test_remote_note (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *store = copy_sample (tmp, "store");
  g_autoptr(Remote) remote = remote_new (tmp);
  g_autofree char *notes_dir = quorum_store_layout_notes (store);
  g_autoptr(QuorumNotes) notes = write_notes (store);
  g_autoptr(GHashTable) before = quorum_test_tree_checksums (notes_dir);
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *index_file = g_build_filename (remote->root, "index.json", NULL);
  g_autofree char *index = NULL;
  g_autofree char *planted = NULL;
  const char note[] =
    "{\"format\": \"quorum.note/1\", \"id\": \"20261206t000000z-dead\",\n"
    " \"target\": {\"work_package\": \"wp-2020-21-q1-opsg\"}, \"text\": \"from the remote\",\n"
    " \"created\": \"2026-12-06T00:00:00Z\", \"updated\": \"2026-12-06T00:00:00Z\"}\n";
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, note, -1);
  GString *text;

  g_assert_nonnull (notes);  /* held to the end: the notes written */
  quorum_test_write_file (remote->root, ".quorum/notes/20261206t000000z-dead.json", note, -1);
  g_assert_true (g_file_get_contents (index_file, &index, NULL, NULL));
  text = g_string_new (index);
  planted = g_strdup_printf ("\"files\": [\n    {\"path\": \".quorum/notes/20261206t000000z-dead"
                             ".json\", \"size\": %zu, \"sha256\": \"%s\"},", strlen (note), sha);
  g_assert_cmpuint (g_string_replace (text, "\"files\": [", planted, 1), ==, 1);
  g_assert_true (g_file_set_contents (index_file, text->str, -1, NULL));
  g_string_free (text, TRUE);

  /* Whether the sync reports the bad entry or skips it, no note arrives. */
  sync_now (store, remote);
  g_assert_false (any_contains (remote->requests, "GET /store/.quorum"));
  after = quorum_test_tree_checksums (notes_dir);
  quorum_test_assert_same_tree (before, after);
  quorum_test_rm_rf (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/notes/private/publish-index", test_publish_index);
  g_test_add_func ("/notes/private/sync", test_sync);
  g_test_add_func ("/notes/private/remote-note", test_remote_note);
  return g_test_run ();
}
