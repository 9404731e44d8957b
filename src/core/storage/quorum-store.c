/* quorum-store.c: a store folder: committees, budgets, work packages, decisions
 *
 * Loading reads every file on a worker thread into plain arrays, then
 * publishes them into the list models on the caller's thread, so views
 * bound to the models only ever see complete changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-store.h"
#include <glib/gi18n-lib.h>
#include "quorum-model-private.h"
#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-load-context.h"
#include "quorum-store-layout.h"
#include "quorum-store-lock.h"
#include "quorum-work-package.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
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
  gsize bytes_left;           /* of the store's memory budget */
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

/* Reads a whole file through one descriptor, refusing a symbolic link, a
 * special file, a file over the size limit or one that would take the
 * store over its memory budget (see quorum-load-context.h). */
static char *
read_file (const char  *path,
           gsize       *length,
           LoadResult  *result)
{
  g_autoptr(GError) error = NULL;
  gsize limit = MIN ((gsize) QUORUM_MAX_FILE_BYTES, result->bytes_left);
  g_autofree char *over = NULL;
  const char *message;
  char *data = NULL;

  if (!_quorum_file_read_bounded (AT_FDCWD, path, limit, &data, length, &error))
    {
      message = error->message;
      if (limit < QUORUM_MAX_FILE_BYTES &&
          g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_LIMIT))
        message = over = g_strdup_printf (_("not loaded: the store is over its memory budget "
                                            "(%d MiB of files in all)"),
                                          QUORUM_MAX_STORE_BYTES / (1024 * 1024));
      else if (g_str_has_prefix (message, path) && message[strlen (path)] == ':')
        message += strlen (path) + 2;
      add_problem (result->problems, path, message);
      return NULL;
    }
  result->bytes_left -= *length;
  return data;
}

/* Parses a committee register; on success its committees go to @out. */
static gboolean
parse_committees (const char *path,
                  const char *data,
                  gsize       length,
                  GPtrArray  *problems,
                  GPtrArray  *out)
{
  QuorumLoadContext ctx = { .file = path, .problems = problems };
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(GPtrArray) committees = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *root;
  JsonArray *list;

  root = _quorum_ctx_open (&ctx, data, length, "quorum.committees", 1, &tree);
  if (root == NULL)
    return FALSE;

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

  if (ctx.n_errors > 0)
    return FALSE;
  if (out != NULL)
    g_ptr_array_extend_and_steal (out, g_steal_pointer (&committees));
  return TRUE;
}

static void
load_committees (const char *store_path,
                 LoadResult *result)
{
  g_autofree char *path = g_build_filename (store_path, "committees.json", NULL);
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      add_problem (result->problems, path, _("the committee register is missing"));
      return;
    }
  if ((data = read_file (path, &length, result)) == NULL)
    return;
  parse_committees (path, data, length, result->problems, result->committees);
}

/**
 * quorum_store_path_is_valid:
 * @relpath: a path inside a store, with `/` separators
 *
 * Returns: %TRUE for the paths a store holds: `committees.json`,
 *   `budgets/ID.json`, `work-packages/ID.json`,
 *   `decisions/WORK-PACKAGE-ID/ID.json`
 */
gboolean
quorum_store_path_is_valid (const char *relpath)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  if (relpath == NULL || !g_str_has_suffix (relpath, ".json"))
    return FALSE;
  if (g_str_equal (relpath, "committees.json"))
    return TRUE;

  parts = g_strsplit (relpath, "/", 4);
  n = g_strv_length (parts);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = i + 1 == n ? g_strndup (parts[i], strlen (parts[i]) - 5)
                                       : g_strdup (parts[i]);

      if (i > 0 && !quorum_id_is_valid (id))
        return FALSE;
    }
  if (n == 2)
    return g_str_equal (parts[0], "budgets") || g_str_equal (parts[0], "work-packages");
  return n == 3 && g_str_equal (parts[0], "decisions");
}

/**
 * quorum_store_validate_data:
 * @relpath: where the file goes in the store (see quorum_store_path_is_valid())
 * @file: the file name problems are reported against; its base name must
 *   be @relpath's
 * @problems: (element-type QuorumProblem): where problems are appended
 *
 * Checks a file's content exactly as loading the store would, without
 * writing anything; sync uses it before a downloaded file replaces a local
 * one.
 *
 * Returns: %TRUE if the file is valid
 */
gboolean
quorum_store_validate_data (const char *relpath,
                            const char *file,
                            const char *data,
                            gsize       length,
                            GPtrArray  *problems)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (relpath != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!quorum_store_path_is_valid (relpath))
    {
      if (problems != NULL)
        g_ptr_array_add (problems, quorum_problem_new (file, "$", 0, 0,
                                                       _("not a file a store holds")));
      return FALSE;
    }
  if (length > QUORUM_MAX_FILE_BYTES)
    {
      if (problems != NULL)
        g_ptr_array_add (problems, quorum_problem_new (file, "$", 0, 0,
                                                       _("over the 16 MiB limit")));
      return FALSE;
    }

  parts = g_strsplit (relpath, "/", 3);
  if (g_str_equal (parts[0], "committees.json"))
    return parse_committees (file, data, length, problems, NULL);
  if (g_str_equal (parts[0], "budgets"))
    {
      g_autoptr(QuorumBudgetDocument) document =
        quorum_budget_document_new_from_data (file, data, length, problems);

      return document != NULL;
    }
  if (g_str_equal (parts[0], "work-packages"))
    {
      g_autoptr(QuorumWorkPackage) package =
        quorum_work_package_new_from_data (file, data, length, problems);

      return package != NULL;
    }
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(QuorumDecision) decision =
      quorum_decision_new_from_data (file, parts[1], data, length, found);

    /* A broken seal is reported but loads; for a download it is a refusal. */
    if (problems != NULL)
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (problems, g_object_ref (g_ptr_array_index (found, i)));
    return decision != NULL && found->len == 0;
  }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Says why an entry of a store folder is not loaded: a symbolic link (which
 * may loop, or lead to /dev/zero or out of the store), a FIFO, a device,
 * or a folder named like a file. @st is its lstat(), or NULL with errno
 * set. */
static void
report_entry (GPtrArray         *problems,
              const char        *path,
              const struct stat *st)
{
  g_autofree char *message = NULL;

  if (st == NULL)
    message = g_strdup_printf (_("could not be read: %s"), g_strerror (errno));
  else if (S_ISLNK (st->st_mode))
    message = g_strdup (_("a symbolic link, which Quorum does not follow in a store; "
                          "not loaded"));
  else if (S_ISDIR (st->st_mode))
    message = g_strdup (_("a folder named like a file; not loaded"));
  else if (S_ISREG (st->st_mode))
    message = g_strdup (_("a file where the store holds a folder; not loaded"));
  else
    message = g_strdup_printf (_("%s, which a store does not hold; not loaded"),
                               _quorum_file_describe_type (st->st_mode));
  add_problem (problems, path, message);
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
  GStatBuf st;

  /* A missing folder is an empty one (load_budgets() reports budgets/). */
  if (g_lstat (folder, &st) != 0)
    {
      if (errno != ENOENT)
        report_entry (problems, folder, NULL);
      return names;
    }
  if (!S_ISDIR (st.st_mode))
    {
      report_entry (problems, folder, &st);
      return names;
    }

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
      if (g_lstat (full, &st) != 0)
        report_entry (problems, full, NULL);
      else if (want_folders ? S_ISDIR (st.st_mode)
                            : S_ISREG (st.st_mode) && g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
      /* Other files and folders (notes, a README) are not the store's;
       * anything else is reported, as is a folder named like a file. */
      else if (!S_ISREG (st.st_mode) &&
               !(S_ISDIR (st.st_mode) && !g_str_has_suffix (name, ".json")))
        report_entry (problems, full, &st);
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
  g_autoptr(GPtrArray) names = NULL;

  if (!g_file_test (folder, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    add_problem (result->problems, folder, _("the budgets folder is missing"));
  names = list_json_files (folder, result->problems, FALSE);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      QuorumBudgetDocument *document;
      gsize length;

      if (g_cancellable_is_cancelled (cancellable))
        return;
      if ((data = read_file (path, &length, result)) == NULL)
        continue;
      document = quorum_budget_document_new_from_data (path, data, length, result->problems);
      if (document != NULL)
        g_ptr_array_add (result->documents, document);
    }
}

/* A decision written here and not yet sent to the remote has a marker in
 * STORE/.quorum/outbox/WORK-PACKAGE/DECISION.json; sync removes it. */
static char *
outbox_path (const char *store_path,
             const char *package_id,
             const char *decision_id)
{
  return quorum_store_layout_outbox (store_path, package_id, decision_id);
}

static gboolean
outbox_has (const char *store_path,
            const char *package_id,
            const char *decision_id)
{
  g_autofree char *path = outbox_path (store_path, package_id, decision_id);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
add_ref_problem (GPtrArray         *problems,
                 QuorumWorkPackage *package,
                 const char        *path,
                 const char        *message)
{
  g_ptr_array_add (problems,
                   quorum_problem_new (quorum_work_package_get_file (package), path, 0, 0,
                                       message));
  _quorum_work_package_set_budget_problem (package, message);
}

static const char * const phase_preference[] = {
  "approved", "estimated", "draft", "outturn", "actual", NULL
};

static guint
phase_rank (const char *phase)
{
  for (guint i = 0; phase_preference[i] != NULL; i++)
    if (g_strcmp0 (phase, phase_preference[i]) == 0)
      return i;
  return G_N_ELEMENTS (phase_preference);
}

/* The column holding the year's provision: the one named in budget_ref, or
 * among the table's columns for the quarter's year the best phase
 * (approved, then estimated, …), and within it a sum column (the line's
 * total) over its parts. Difference columns are variances, never a
 * provision. NULL, with *ambiguous set, when two columns tie. */
static QuorumColumn *
pick_column (QuorumTable *table,
             const char  *year,
             gboolean    *ambiguous)
{
  GListModel *columns = quorum_table_get_columns (table);
  QuorumColumn *best = NULL;
  guint best_rank = G_MAXUINT;
  guint n = g_list_model_get_n_items (columns);

  *ambiguous = FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);
      guint rank;

      if (g_strcmp0 (quorum_column_get_year (column), year) != 0 ||
          quorum_column_get_formula (column) == QUORUM_FORMULA_DIFFERENCE)
        continue;
      rank = phase_rank (quorum_column_get_phase (column)) * 2 +
             (quorum_column_get_formula (column) == QUORUM_FORMULA_SUM ? 0 : 1);
      if (rank < best_rank)
        {
          best = column;
          best_rank = rank;
          *ambiguous = FALSE;
        }
      else if (rank == best_rank)
        *ambiguous = TRUE;
    }
  return *ambiguous ? NULL : best;
}

static char *
dup_years (QuorumTable *table)
{
  GListModel *columns = quorum_table_get_columns (table);
  g_autoptr(GString) years = g_string_new (NULL);
  guint n = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);
      const char *year = quorum_column_get_year (column);

      if (year == NULL || strstr (years->str, year) != NULL)
        continue;
      if (years->len > 0)
        g_string_append (years, ", ");
      g_string_append (years, year);
    }
  return years->len > 0 ? g_strdup (years->str) : g_strdup (_("none"));
}

/* Resolves the budget line a package draws on, or says why it cannot. */
static void
resolve_budget_ref (QuorumWorkPackage *package,
                    GHashTable        *documents,
                    GPtrArray         *problems)
{
  const char *document_id, *table_id, *row_id, *column_id;
  QuorumBudgetDocument *document;
  QuorumTable *table;
  QuorumRow *row;
  QuorumColumn *column;
  const QuorumValue *value;
  g_autofree char *year = NULL;
  g_autofree char *message = NULL;
  gboolean ambiguous = FALSE;

  if (!quorum_work_package_get_budget_ref (package, &document_id, &table_id, &row_id,
                                           &column_id))
    return;

  if ((document = g_hash_table_lookup (documents, document_id)) == NULL)
    {
      message = g_strdup_printf (_("there is no budget document “%s” in the store"),
                                 document_id);
      add_ref_problem (problems, package, "$.budget_ref.document", message);
      return;
    }
  if ((table = quorum_budget_document_find_table (document, table_id)) == NULL)
    {
      message = g_strdup_printf (_("%s has no table “%s”"), document_id, table_id);
      add_ref_problem (problems, package, "$.budget_ref.table", message);
      return;
    }
  if ((row = quorum_table_find_row (table, row_id)) == NULL)
    {
      message = g_strdup_printf (_("table “%s” of %s has no row “%s”"),
                                 table_id, document_id, row_id);
      add_ref_problem (problems, package, "$.budget_ref.row", message);
      return;
    }

  year = g_strndup (quorum_work_package_get_quarter (package), 7);
  if (column_id != NULL)
    {
      if ((column = quorum_table_find_column (table, column_id)) == NULL)
        {
          message = g_strdup_printf (_("table “%s” of %s has no column “%s”"),
                                     table_id, document_id, column_id);
          add_ref_problem (problems, package, "$.budget_ref.column", message);
          return;
        }
      if (g_strcmp0 (quorum_column_get_year (column), year) != 0)
        {
          message = g_strdup_printf (_("the quarter %s is out of range: column “%s” is for %s"),
                                     quorum_work_package_get_quarter (package), column_id,
                                     quorum_column_get_year (column) != NULL
                                       ? quorum_column_get_year (column) : _("no year"));
          add_ref_problem (problems, package, "$.quarter", message);
          return;
        }
    }
  else if ((column = pick_column (table, year, &ambiguous)) == NULL)
    {
      g_autofree char *years = dup_years (table);

      if (ambiguous)
        message = g_strdup_printf (_("table “%s” of %s has several columns for %s; name one "
                                     "in budget_ref.column"), table_id, document_id, year);
      else
        message = g_strdup_printf (_("the quarter %s is out of range: table “%s” of %s has no "
                                     "column for %s (its years: %s)"),
                                   quorum_work_package_get_quarter (package), table_id,
                                   document_id, year, years);
      add_ref_problem (problems, package, ambiguous ? "$.budget_ref" : "$.quarter", message);
      return;
    }

  value = quorum_row_get_effective (row, quorum_column_get_index (column));
  if (value == NULL || value->kind == QUORUM_VALUE_ABSENT)
    {
      message = g_strdup_printf (_("row “%s” of table “%s” of %s states no provision for %s"),
                                 row_id, table_id, document_id,
                                 quorum_column_get_label (column));
      add_ref_problem (problems, package, "$.budget_ref.row", message);
      return;
    }
  _quorum_work_package_set_budget_line (package, quorum_column_get_id (column),
                                        quorum_row_get_label (row),
                                        value->kind == QUORUM_VALUE_AMOUNT ? value->amount : 0);
}

static void
resolve_budget_refs (LoadResult *result)
{
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < result->documents->len; i++)
    {
      QuorumBudgetDocument *document = g_ptr_array_index (result->documents, i);

      g_hash_table_insert (documents, (char *) quorum_budget_document_get_id (document),
                           document);
    }
  for (guint i = 0; i < result->work_packages->len; i++)
    resolve_budget_ref (g_ptr_array_index (result->work_packages, i), documents,
                        result->problems);
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
      if ((data = read_file (path, &length, result)) == NULL)
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
          if ((data = read_file (path, &length, result)) == NULL)
            continue;
          decision = quorum_decision_new_from_data (path, package_id, data, length,
                                                    result->problems);
          if (decision == NULL)
            continue;
          if (outbox_has (store_path, package_id, quorum_decision_get_id (decision)))
            _quorum_decision_set_pending_sync (decision, TRUE);
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
  result->bytes_left = QUORUM_MAX_STORE_BYTES;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("%s: the store folder does not exist or is not a folder"), path);
      return NULL;
    }

  load_committees (path, result);
  load_budgets (path, result, cancellable);
  load_work_packages (path, result, cancellable);
  resolve_budget_refs (result);

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
 * quorum_store_find_work_package:
 *
 * Returns: (transfer none) (nullable): the work package
 */
QuorumWorkPackage *
quorum_store_find_work_package (QuorumStore *self,
                                const char  *work_package_id)
{
  guint n;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (work_package_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->work_packages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumWorkPackage) package =
        g_list_model_get_item (G_LIST_MODEL (self->work_packages), i);

      if (g_str_equal (quorum_work_package_get_id (package), work_package_id))
        return package;
    }
  return NULL;
}

/* The same folder by identity (device and inode), not by path: a bind
 * mount, a symbolic link or a second name all lead to the same one. */
static gboolean
same_folder (const char *a,
             const char *b)
{
  GStatBuf st_a, st_b;

  return g_stat (a, &st_a) == 0 && g_stat (b, &st_b) == 0 && S_ISDIR (st_a.st_mode) &&
         st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

/**
 * quorum_store_is_sample:
 *
 * Returns: %TRUE if this is the bundled sample store, which Quorum never
 *   writes to
 */
gboolean
quorum_store_is_sample (QuorumStore *self)
{
  g_autofree char *sample = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);

  sample = quorum_store_dup_sample_path ();
  return same_folder (self->path, sample) ||
         same_folder (self->path, QUORUM_SAMPLE_STORE_DIR) ||
         same_folder (self->path, QUORUM_SOURCE_SAMPLE_STORE_DIR);
}

/* Picks the decision's file name in @dir_fd: its id, or the id with -2,
 * -3, … when the same person decided the same package in the same second. */
static char *
free_decision_name (int             dir_fd,
                    QuorumDecision *decision,
                    const char     *base,
                    guint          *attempt)
{
  for (; *attempt < 100; (*attempt)++)
    {
      g_autofree char *id = *attempt == 1 ? g_strdup (base)
                                          : g_strdup_printf ("%s-%u", base, *attempt);
      g_autofree char *name = NULL;

      if (!quorum_id_is_valid (id))
        break;
      name = g_strconcat (id, ".json", NULL);
      if (faccessat (dir_fd, name, F_OK, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT)
        {
          _quorum_decision_set_id (decision, id);
          return g_steal_pointer (&name);
        }
    }
  return NULL;
}

/* How long a write waits for another writer to finish before giving up. */
#define WRITE_LOCK_WAIT_MS 3000

/* The decision and its outbox marker, each in its folder of the store. */
typedef struct
{
  int decisions_fd;
  int outbox_fd;
} DecisionFolders;

static void
decision_folders_clear (DecisionFolders *folders)
{
  if (folders->decisions_fd >= 0)
    close (folders->decisions_fd);
  if (folders->outbox_fd >= 0)
    close (folders->outbox_fd);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DecisionFolders, decision_folders_clear)

/* Opens (creating) decisions/PACKAGE/ and .quorum/outbox/PACKAGE/ through
 * one descriptor of the store, never following a symbolic link. */
static gboolean
open_decision_folders (const char       *store_path,
                       const char       *package_id,
                       DecisionFolders  *folders,
                       GError          **error)
{
  g_autofree char *decisions = g_build_filename ("decisions", package_id, NULL);
  g_autofree char *outbox = g_build_filename (QUORUM_STORE_PRIVATE_DIR, "outbox", package_id,
                                              NULL);
  int root_fd;

  if ((root_fd = _quorum_dir_open (store_path, error)) < 0)
    return FALSE;
  folders->decisions_fd = _quorum_dir_open_at (root_fd, store_path, decisions, TRUE, error);
  if (folders->decisions_fd >= 0)
    folders->outbox_fd = _quorum_dir_open_at (root_fd, store_path, outbox, TRUE, error);
  close (root_fd);
  return folders->outbox_fd >= 0;
}

/* Writes a new decision file, never replacing one; runs on any thread. */
static gboolean
write_decision (const char      *store_path,
                QuorumDecision  *decision,
                GCancellable    *cancellable,
                GError         **error)
{
  const char *package_id = quorum_decision_get_work_package (decision);
  g_autofree char *folder = g_build_filename (store_path, "decisions", package_id, NULL);
  g_autofree char *base = g_strdup (quorum_decision_get_id (decision));
  g_autoptr(QuorumStoreLock) lock = NULL;
  g_auto(DecisionFolders) folders = { -1, -1 };
  guint attempt = 1;

  lock = quorum_store_lock_acquire (store_path, WRITE_LOCK_WAIT_MS, cancellable, error);
  if (lock == NULL)
    return FALSE;
  if (!open_decision_folders (store_path, package_id, &folders, error))
    return FALSE;

  for (;;)
    {
      g_autofree char *name = free_decision_name (folders.decisions_fd, decision, base,
                                                  &attempt);
      g_autofree char *path = NULL;
      g_autofree char *marker = NULL;
      g_autofree char *marker_name = NULL;
      g_autofree char *marker_data = NULL;
      g_autofree char *data = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (name == NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO,
                       _("%s: too many decisions with the same name in the same second"),
                       folder);
          return FALSE;
        }
      path = g_build_filename (folder, name, NULL);

      /* The outbox marker first: a crash between the two leaves a marker
       * without a decision, which sync ignores, rather than a decision
       * that would never be sent. */
      marker = outbox_path (store_path, package_id, quorum_decision_get_id (decision));
      marker_name = g_path_get_basename (marker);
      marker_data = g_strdup_printf ("{\n  \"format\": \"quorum.outbox/1\",\n"
                                     "  \"seal\": \"%s\"\n}\n",
                                     quorum_decision_get_seal (decision));
      if (!_quorum_file_replace_at (folders.outbox_fd, marker_name, marker, marker_data,
                                    strlen (marker_data), error))
        return FALSE;

      data = quorum_decision_to_data (decision, &length);
      if (_quorum_file_write_new_at (folders.decisions_fd, name, path, data, length,
                                     &local_error))
        {
          _quorum_decision_set_file (decision, path);
          _quorum_decision_set_pending_sync (decision, TRUE);
          return TRUE;
        }
      unlinkat (folders.outbox_fd, marker_name, 0);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Someone took the name since we looked: try the next one. */
      attempt++;
    }
}

static QuorumDecision *
prepare_decision (QuorumStore        *self,
                  const char         *work_package_id,
                  const char         *decision,
                  const char         *by,
                  const char         *role,
                  const char         *comment,
                  QuorumWorkPackage **out_package,
                  GError            **error)
{
  QuorumWorkPackage *package;

  if ((package = quorum_store_find_work_package (self, work_package_id)) == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("there is no work package “%s” in the store %s"),
                   work_package_id, self->path);
      return NULL;
    }
  if (quorum_store_is_sample (self))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED,
                   _("%s is the bundled sample store, which is read-only; make a copy of it "
                     "to record decisions"), self->path);
      return NULL;
    }
  if (!quorum_work_package_can_decide (package, error))
    return NULL;

  *out_package = package;
  return quorum_decision_new (work_package_id, decision, by, role, comment, NULL, error);
}

/**
 * quorum_store_decide:
 * @decision: `approve`, `reject` or `defer`
 * @role: (nullable)
 * @comment: (nullable)
 *
 * Records a decision on a submitted package as a new, sealed file
 * (written crash-safely, never replacing a file) and marks it as
 * awaiting sync. Blocks on disk I/O: the app uses
 * quorum_store_decide_async().
 *
 * Returns: (transfer full) (nullable): the decision, now also the
 *   package's latest
 */
QuorumDecision *
quorum_store_decide (QuorumStore   *self,
                     const char    *work_package_id,
                     const char    *decision,
                     const char    *by,
                     const char    *role,
                     const char    *comment,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(QuorumDecision) result = NULL;
  QuorumWorkPackage *package = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (work_package_id != NULL, NULL);
  g_return_val_if_fail (decision != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = prepare_decision (self, work_package_id, decision, by, role, comment, &package,
                             error);
  if (result == NULL || !write_decision (self->path, result, cancellable, error))
    return NULL;

  quorum_work_package_add_decision (package, result);
  return g_steal_pointer (&result);
}

typedef struct
{
  char *store_path;
  QuorumDecision *decision;
  QuorumWorkPackage *package;
} DecideData;

static void
decide_data_free (DecideData *data)
{
  g_free (data->store_path);
  g_clear_object (&data->decision);
  g_clear_object (&data->package);
  g_free (data);
}

static void
decide_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DecideData *data = task_data;
  GError *error = NULL;

  if (write_decision (data->store_path, data->decision, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
decide_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DecideData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Back on the caller's thread: the models change here only. */
  quorum_work_package_add_decision (data->package, data->decision);
  g_task_return_pointer (task, g_object_ref (data->decision), g_object_unref);
}

/**
 * quorum_store_decide_async:
 *
 * Like quorum_store_decide(), writing on a worker thread. When the
 * callback runs the package already holds the new decision.
 */
void
quorum_store_decide_async (QuorumStore         *self,
                           const char          *work_package_id,
                           const char          *decision,
                           const char          *by,
                           const char          *role,
                           const char          *comment,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(QuorumDecision) prepared = NULL;
  QuorumWorkPackage *package = NULL;
  GError *error = NULL;
  DecideData *data;

  g_return_if_fail (QUORUM_IS_STORE (self));
  g_return_if_fail (work_package_id != NULL);
  g_return_if_fail (decision != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_store_decide_async);

  prepared = prepare_decision (self, work_package_id, decision, by, role, comment, &package,
                               &error);
  if (prepared == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (DecideData, 1);
  data->store_path = g_strdup (self->path);
  data->decision = g_steal_pointer (&prepared);
  data->package = g_object_ref (package);
  g_task_set_task_data (task, data, (GDestroyNotify) decide_data_free);

  worker = g_task_new (self, cancellable, decide_written_cb, g_object_ref (task));
  g_task_set_source_tag (worker, decide_thread);
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, decide_thread);
}

/**
 * quorum_store_decide_finish:
 *
 * Returns: (transfer full) (nullable): the decision recorded
 */
QuorumDecision *
quorum_store_decide_finish (QuorumStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
copy_tree (GFile         *from,
           GFile         *to,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  if (!g_file_make_directory (to, cancellable, error))
    return FALSE;
  children = g_file_enumerate_children (from, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable,
                                        error);
  if (children == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;
      g_autoptr(GFile) target = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        return TRUE;
      /* The store's own state (outbox, sync records) stays with the original. */
      if (g_file_info_get_name (info)[0] == '.')
        continue;
      target = g_file_get_child (to, g_file_info_get_name (info));
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!copy_tree (child, target, cancellable, error))
            return FALSE;
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        {
          if (!g_file_copy (child, target, G_FILE_COPY_NONE, cancellable, NULL, NULL, error))
            return FALSE;
        }
    }
}

/**
 * quorum_store_copy_folder:
 * @from: a store folder
 * @to: a folder that must not exist yet
 *
 * Copies a store (typically the sample, to start one's own) into a
 * temporary folder beside @to, then renames it into place, so @to either
 * does not exist or holds the complete copy. Blocks on disk I/O.
 */
gboolean
quorum_store_copy_folder (const char    *from,
                          const char    *to,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) staging = NULL;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s: the folder already exists"), to);
      return FALSE;
    }
  parent = g_path_get_dirname (to);
  base = g_path_get_basename (to);
  if (!_quorum_folder_make (parent, error))
    return FALSE;

  template = g_strdup_printf (".%s.XXXXXX", base);
  temporary = g_build_filename (parent, template, NULL);
  if (g_mkdtemp (temporary) == NULL || g_rmdir (temporary) != 0)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, "%s: %s", parent, g_strerror (errno));
      return FALSE;
    }

  source = g_file_new_for_path (from);
  staging = g_file_new_for_path (temporary);
  if (!copy_tree (source, staging, cancellable, error))
    {
      _quorum_remove_tree (temporary);
      return FALSE;
    }
  if (g_rename (temporary, to) != 0)
    {
      int saved_errno = errno;

      _quorum_remove_tree (temporary);
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, "%s: %s", to, g_strerror (saved_errno));
      return FALSE;
    }
  return _quorum_folder_sync (parent, error);
}

/**
 * quorum_store_dup_user_path:
 *
 * Returns: (transfer full): the user's own store, `$XDG_DATA_HOME/quorum/store`
 *   (which may not exist yet)
 */
char *
quorum_store_dup_user_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "quorum", "store", NULL);
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

  user = quorum_store_dup_user_path ();
  if (g_file_test (user, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&user);

  return quorum_store_dup_sample_path ();
}
