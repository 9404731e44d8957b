/* quorum-store.c: a store folder: committees, budgets, work packages, decisions
 *
 * Loading reads every file on a worker thread into plain arrays, then
 * publishes them into the list models on the caller's thread, so views
 * bound to the models only ever see complete changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-store.h"
#include <glib/gi18n-lib.h>
#include "quorum-model-private.h"
#include "quorum-error.h"
#include "quorum-load-context.h"
#include "quorum-work-package.h"

#include <string.h>

struct _QuorumStore
{
  GObject parent_instance;

  char *path;
  GListStore *committees;     /* of QuorumCommittee */
  GListStore *documents;      /* of QuorumBudgetDocument */
  GListStore *work_packages;  /* of QuorumWorkPackage */
  GListStore *problems;       /* of QuorumProblem */
};

G_DEFINE_FINAL_TYPE (QuorumStore, quorum_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GPtrArray *committees;
  GPtrArray *documents;
  GPtrArray *work_packages;
  GPtrArray *problems;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_ptr_array_unref (result->committees);
  g_ptr_array_unref (result->documents);
  g_ptr_array_unref (result->work_packages);
  g_ptr_array_unref (result->problems);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

static void
quorum_store_finalize (GObject *object)
{
  QuorumStore *self = (QuorumStore *) object;

  g_free (self->path);
  g_clear_object (&self->committees);
  g_clear_object (&self->documents);
  g_clear_object (&self->work_packages);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (quorum_store_parent_class)->finalize (object);
}

static void
quorum_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QuorumStore *self = QUORUM_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH: g_value_set_string (value, self->path); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  QuorumStore *self = QUORUM_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH: self->path = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_store_class_init (QuorumStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_store_finalize;
  object_class->get_property = quorum_store_get_property;
  object_class->set_property = quorum_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_store_init (QuorumStore *self)
{
  self->committees = g_list_store_new (QUORUM_TYPE_COMMITTEE);
  self->documents = g_list_store_new (QUORUM_TYPE_BUDGET_DOCUMENT);
  self->work_packages = g_list_store_new (QUORUM_TYPE_WORK_PACKAGE);
  self->problems = g_list_store_new (QUORUM_TYPE_PROBLEM);
}

/**
 * quorum_store_new:
 * @path: the store folder
 *
 * Returns: (transfer full): a store, not yet loaded
 */
QuorumStore *
quorum_store_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (QUORUM_TYPE_STORE, "path", path, NULL);
}

const char *
quorum_store_get_path (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return self->path;
}

static void
add_problem (GPtrArray  *problems,
             const char *file,
             const char *message)
{
  g_ptr_array_add (problems, quorum_problem_new (file, "$", 0, 0, message));
}

/* Reads a whole file, refusing one over the size limit before reading it. */
static char *
read_file (const char  *path,
           gsize       *length,
           GPtrArray   *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  char *data = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  if (info == NULL)
    {
      add_problem (problems, path, error->message);
      return NULL;
    }
  if (g_file_info_get_size (info) > QUORUM_MAX_FILE_BYTES)
    {
      g_autofree char *message =
        g_strdup_printf ("file of %" G_GOFFSET_FORMAT " bytes is over the 16 MiB limit",
                         g_file_info_get_size (info));
      add_problem (problems, path, message);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, length, &error))
    {
      add_problem (problems, path, error->message);
      return NULL;
    }
  return data;
}

static void
load_committees (const char *store_path,
                 LoadResult *result)
{
  g_autofree char *path = g_build_filename (store_path, "committees.json", NULL);
  QuorumLoadContext ctx = { .file = path, .problems = result->problems };
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(GPtrArray) committees = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *data = NULL;
  JsonNode *root;
  JsonArray *list;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      add_problem (result->problems, path, _("the committee register is missing"));
      return;
    }
  if ((data = read_file (path, &length, result->problems)) == NULL)
    return;
  root = _quorum_ctx_open (&ctx, data, length, "quorum.committees", 1, &tree);
  if (root == NULL)
    return;

  list = _quorum_ctx_array (&ctx, root, "$", "committees", TRUE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *item = quorum_path_index ("$.committees", i);
      g_autofree char *id = NULL, *short_name = NULL, *name = NULL;
      g_autofree char *service_area = NULL, *established = NULL, *meets = NULL, *note = NULL;

      if (_quorum_ctx_object (&ctx, node, item) == NULL)
        continue;
      _quorum_ctx_id (&ctx, node, item, "id", TRUE, &id);
      _quorum_ctx_string (&ctx, node, item, "short", FALSE, &short_name);
      _quorum_ctx_string (&ctx, node, item, "name", FALSE, &name);
      _quorum_ctx_string (&ctx, node, item, "service_area", FALSE, &service_area);
      _quorum_ctx_date (&ctx, node, item, "established", FALSE, &established);
      _quorum_ctx_string (&ctx, node, item, "meets", FALSE, &meets);
      _quorum_ctx_string (&ctx, node, item, "note", FALSE, &note);
      if (id == NULL)
        continue;

      for (guint j = 0; j < committees->len; j++)
        if (g_str_equal (quorum_committee_get_id (g_ptr_array_index (committees, j)), id))
          {
            _quorum_ctx_error (&ctx, node, item, _("committee id “%s” is used twice"), id);
            g_clear_pointer (&id, g_free);
            break;
          }
      if (id != NULL)
        g_ptr_array_add (committees, _quorum_committee_new (id, short_name, name, service_area,
                                                            established, meets, note));
    }

  if (ctx.n_errors == 0)
    g_ptr_array_extend_and_steal (result->committees, g_steal_pointer (&committees));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The .json files of a folder, sorted, so loading is deterministic. */
static GPtrArray *
list_json_files (const char *folder,
                 GPtrArray  *problems,
                 gboolean    want_folders)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return names;

  if ((dir = g_dir_open (folder, 0, &error)) == NULL)
    {
      add_problem (problems, folder, error->message);
      return names;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = NULL;

      if (name[0] == '.')
        continue;
      full = g_build_filename (folder, name, NULL);
      if (want_folders)
        {
          if (g_file_test (full, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (names, g_strdup (name));
        }
      else if (g_str_has_suffix (name, ".json") && g_file_test (full, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
load_budgets (const char   *store_path,
              LoadResult   *result,
              GCancellable *cancellable)
{
  g_autofree char *folder = g_build_filename (store_path, "budgets", NULL);
  g_autoptr(GPtrArray) names = list_json_files (folder, result->problems, FALSE);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      QuorumBudgetDocument *document;
      gsize length;

      if (g_cancellable_is_cancelled (cancellable))
        return;
      if ((data = read_file (path, &length, result->problems)) == NULL)
        continue;
      document = quorum_budget_document_new_from_data (path, data, length, result->problems);
      if (document != NULL)
        g_ptr_array_add (result->documents, document);
    }
}

static void
load_work_packages (const char   *store_path,
                    LoadResult   *result,
                    GCancellable *cancellable)
{
  g_autofree char *folder = g_build_filename (store_path, "work-packages", NULL);
  g_autofree char *decisions_folder = g_build_filename (store_path, "decisions", NULL);
  g_autoptr(GPtrArray) names = list_json_files (folder, result->problems, FALSE);
  g_autoptr(GPtrArray) decision_folders = list_json_files (decisions_folder, result->problems,
                                                           TRUE);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      QuorumWorkPackage *package;
      gsize length;

      if (g_cancellable_is_cancelled (cancellable))
        return;
      if ((data = read_file (path, &length, result->problems)) == NULL)
        continue;
      package = quorum_work_package_new_from_data (path, data, length, result->problems);
      if (package != NULL)
        {
          g_ptr_array_add (result->work_packages, package);
          g_hash_table_insert (by_id, (char *) quorum_work_package_get_id (package), package);
        }
    }

  for (guint i = 0; i < decision_folders->len; i++)
    {
      const char *package_id = g_ptr_array_index (decision_folders, i);
      g_autofree char *sub = g_build_filename (decisions_folder, package_id, NULL);
      g_autoptr(GPtrArray) files = list_json_files (sub, result->problems, FALSE);
      QuorumWorkPackage *package = g_hash_table_lookup (by_id, package_id);

      for (guint j = 0; j < files->len; j++)
        {
          g_autofree char *path = g_build_filename (sub, g_ptr_array_index (files, j), NULL);
          g_autofree char *data = NULL;
          g_autoptr(QuorumDecision) decision = NULL;
          gsize length;

          if (g_cancellable_is_cancelled (cancellable))
            return;
          if ((data = read_file (path, &length, result->problems)) == NULL)
            continue;
          decision = quorum_decision_new_from_data (path, package_id, data, length,
                                                    result->problems);
          if (decision == NULL)
            continue;
          if (package == NULL)
            {
              g_autofree char *message =
                g_strdup_printf (_("a decision on “%s”, but there is no work package "
                                 "with that id; the decision is kept but not shown"),
                                 package_id);
              g_ptr_array_add (result->problems,
                               quorum_problem_new (path, "$.work_package", 0, 0, message));
              continue;
            }
          quorum_work_package_add_decision (package, decision);
        }
    }
}

static LoadResult *
load_store (const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);

  result->committees = g_ptr_array_new_with_free_func (g_object_unref);
  result->documents = g_ptr_array_new_with_free_func (g_object_unref);
  result->work_packages = g_ptr_array_new_with_free_func (g_object_unref);
  result->problems = g_ptr_array_new_with_free_func (g_object_unref);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("%s: the store folder does not exist or is not a folder"), path);
      return NULL;
    }

  load_committees (path, result);
  load_budgets (path, result, cancellable);
  load_work_packages (path, result, cancellable);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&result);
}

static void
replace_all (GListStore *store,
             GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static void
publish (QuorumStore *self,
         LoadResult  *result)
{
  replace_all (self->committees, result->committees);
  replace_all (self->documents, result->documents);
  replace_all (self->work_packages, result->work_packages);
  replace_all (self->problems, result->problems);
}

/**
 * quorum_store_load:
 *
 * Loads (or reloads) the whole store. A file with errors is left out and
 * its problems listed in quorum_store_get_problems(); the rest loads.
 *
 * Returns: %FALSE only if the folder itself cannot be read, or on
 *   cancellation
 */
gboolean
quorum_store_load (QuorumStore   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(LoadResult) result = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = load_store (self->path, cancellable, error);
  if (result == NULL)
    return FALSE;

  publish (self, result);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  LoadResult *result = load_store (path, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/**
 * quorum_store_load_async:
 *
 * Loads the store on a worker thread; the models change when
 * quorum_store_load_finish() is called.
 */
void
quorum_store_load_async (QuorumStore         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (QUORUM_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_store_load_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
quorum_store_load_finish (QuorumStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(LoadResult) loaded = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;

  publish (self, loaded);
  return TRUE;
}

/**
 * quorum_store_get_committees:
 *
 * Returns: (transfer none): a list of #QuorumCommittee
 */
GListModel *
quorum_store_get_committees (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->committees);
}

/**
 * quorum_store_get_documents:
 *
 * Returns: (transfer none): a list of #QuorumBudgetDocument, by file name
 */
GListModel *
quorum_store_get_documents (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->documents);
}

/**
 * quorum_store_get_work_packages:
 *
 * Returns: (transfer none): a list of #QuorumWorkPackage, by file name
 */
GListModel *
quorum_store_get_work_packages (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->work_packages);
}

/**
 * quorum_store_get_problems:
 *
 * Returns: (transfer none): a list of #QuorumProblem
 */
GListModel *
quorum_store_get_problems (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->problems);
}

/**
 * quorum_store_find_committee:
 *
 * Returns: (transfer none) (nullable): the committee
 */
QuorumCommittee *
quorum_store_find_committee (QuorumStore *self,
                             const char  *committee_id)
{
  guint n;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (committee_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->committees));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumCommittee) committee =
        g_list_model_get_item (G_LIST_MODEL (self->committees), i);

      if (g_str_equal (quorum_committee_get_id (committee), committee_id))
        return committee;
    }
  return NULL;
}

/**
 * quorum_store_find_document:
 *
 * Returns: (transfer none) (nullable): the budget document
 */
QuorumBudgetDocument *
quorum_store_find_document (QuorumStore *self,
                            const char  *document_id)
{
  guint n;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumBudgetDocument) document =
        g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (g_str_equal (quorum_budget_document_get_id (document), document_id))
        return document;
    }
  return NULL;
}

/**
 * quorum_store_dup_sample_path:
 *
 * Returns: (transfer full): the bundled sample store: `$QUORUM_SAMPLE_STORE`
 *   where set, else the installed copy, else the source tree's (for an
 *   uninstalled build)
 */
char *
quorum_store_dup_sample_path (void)
{
  const char *env = g_getenv ("QUORUM_SAMPLE_STORE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (QUORUM_SAMPLE_STORE_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (QUORUM_SAMPLE_STORE_DIR);
  return g_strdup (QUORUM_SOURCE_SAMPLE_STORE_DIR);
}

/**
 * quorum_store_dup_default_path:
 *
 * The store used when none is named: `$QUORUM_STORE`, else the user's
 * store (`$XDG_DATA_HOME/quorum/store`) where one exists, else the bundled
 * sample store.
 *
 * Returns: (transfer full): a folder path
 */
char *
quorum_store_dup_default_path (void)
{
  const char *env = g_getenv ("QUORUM_STORE");
  g_autofree char *user = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  user = g_build_filename (g_get_user_data_dir (), "quorum", "store", NULL);
  if (g_file_test (user, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&user);

  return quorum_store_dup_sample_path ();
}
