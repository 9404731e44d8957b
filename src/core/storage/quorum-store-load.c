/* quorum-store-load.c: reading a store's files
 *
 * Runs on a worker thread: scans the folders of _quorum_store_folders,
 * reads and parses the files that changed since the last load (see
 * quorum-store-private.h) and hands them to _quorum_store_apply() on the
 * caller's thread, so views bound to the models only ever see complete
 * changes. Also validates single files for sync, and resolves a work
 * package's budget reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-store-private.h"
#include <glib/gi18n-lib.h>
#include "quorum-model-private.h"
#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-load-context.h"
#include "quorum-meeting.h"
#include "quorum-store-layout.h"
#include "quorum-work-package.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

static void
add_problem (GPtrArray  *problems,
             const char *file,
             const char *message)
{
  g_ptr_array_add (problems, quorum_problem_new (file, "$", 0, 0, message));
}

/* The store's memory budget (QUORUM_MAX_STORE_BYTES). The tests lower it
 * through QUORUM_TEST_STORE_BUDGET_MIB, to cross it with small files. */
static gsize
store_budget_bytes (void)
{
  const char *test = g_getenv ("QUORUM_TEST_STORE_BUDGET_MIB");
  guint64 mib;

  if (test != NULL && g_ascii_string_to_unsigned (test, 10, 1, QUORUM_MAX_STORE_BYTES >> 20,
                                                  &mib, NULL))
    return (gsize) mib << 20;
  return QUORUM_MAX_STORE_BYTES;
}

/* Reads a whole file through one descriptor, refusing a symbolic link, a
 * special file, a file over the size limit or one that would take the
 * store over its memory budget (@bytes_left; see quorum-load-context.h). */
static char *
read_file (const char  *path,
           gsize       *length,
           GPtrArray   *problems,
           gsize       *bytes_left)
{
  g_autoptr(GError) error = NULL;
  gsize limit = MIN ((gsize) QUORUM_MAX_FILE_BYTES, *bytes_left);
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
                                          (int) (store_budget_bytes () >> 20));
      else if (g_str_has_prefix (message, path) && message[strlen (path)] == ':')
        message += strlen (path) + 2;
      add_problem (problems, path, message);
      return NULL;
    }
  *bytes_left -= *length;
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

/**
 * quorum_store_path_is_valid:
 * @relpath: a path inside a store, with `/` separators
 *
 * Returns: %TRUE for the paths a store holds: `committees.json`,
 *   `budgets/ID.json`, `work-packages/ID.json`, `meetings/ID.json`,
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
    return g_str_equal (parts[0], "budgets") || g_str_equal (parts[0], "work-packages") ||
           g_str_equal (parts[0], "meetings");
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
  if (g_str_equal (parts[0], "meetings"))
    {
      g_autoptr(QuorumMeeting) meeting = quorum_meeting_new_from_data (file, data, length,
                                                                       problems);

      return meeting != NULL;
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

/* A decision written here and not yet sent to the remote has a marker in
 * STORE/.quorum/outbox/WORK-PACKAGE/DECISION.json; sync removes it. */
static gboolean
outbox_has (const char *store_path,
            const char *package_id,
            const char *decision_id)
{
  g_autofree char *path = quorum_store_layout_outbox (store_path, package_id, decision_id);

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

/* The package loads, but its budget line is in a document whose own file
 * has errors: a knock-on problem, caused by that file. */
static void
add_knock_on_problem (GPtrArray         *problems,
                      QuorumWorkPackage *package,
                      const char        *document_id,
                      const char        *broken_file)
{
  g_autofree char *message =
    g_strdup_printf (_("budget document “%s” could not be loaded, so the package has no "
                       "budget line"), document_id);

  g_ptr_array_add (problems,
                   quorum_problem_new_caused_by (quorum_work_package_get_file (package),
                                                 "$.budget_ref.document", 0, 0, message,
                                                 broken_file));
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

/* Resolves the budget line a package draws on, or says why it cannot.
 * @broken maps the id of a budget document whose file could not be loaded
 * to that file. */
void
_quorum_store_resolve_budget_ref (QuorumWorkPackage *package,
                                  GHashTable        *documents,
                                  GHashTable        *broken,
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

  if ((document = g_hash_table_lookup (documents, document_id)) == NULL &&
      broken != NULL && g_hash_table_contains (broken, document_id))
    {
      add_knock_on_problem (problems, package, document_id,
                            g_hash_table_lookup (broken, document_id));
      return;
    }
  if (document == NULL)
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


/* What a store holds, in loading order. A new folder is one line here
 * (and its kind parsed in parse_file()); the monitor watches them all. */
const QuorumStoreFolder _quorum_store_folders[] = {
  { QUORUM_STORE_FILE_COMMITTEES, "committees.json", FALSE, FALSE },
  { QUORUM_STORE_FILE_BUDGET, "budgets", TRUE, FALSE },
  { QUORUM_STORE_FILE_WORK_PACKAGE, "work-packages", TRUE, FALSE },
  { QUORUM_STORE_FILE_DECISION, "decisions", TRUE, TRUE },
  { QUORUM_STORE_FILE_MEETING, "meetings", TRUE, FALSE },
};
const guint _quorum_store_n_folders = G_N_ELEMENTS (_quorum_store_folders);

QuorumStoreFile *
_quorum_store_file_new (QuorumStoreFileKind  kind,
                        const char          *path,
                        const char          *owner)
{
  QuorumStoreFile *file = g_rc_box_new0 (QuorumStoreFile);

  file->kind = kind;
  file->path = g_strdup (path);
  file->owner = g_strdup (owner);
  file->objects = g_ptr_array_new_with_free_func (g_object_unref);
  file->problems = g_ptr_array_new_with_free_func (g_object_unref);
  return file;
}

QuorumStoreFile *
_quorum_store_file_ref (QuorumStoreFile *file)
{
  return g_rc_box_acquire (file);
}

static void
store_file_clear (QuorumStoreFile *file)
{
  g_free (file->path);
  g_free (file->owner);
  g_free (file->stamp.checksum);
  g_ptr_array_unref (file->objects);
  g_ptr_array_unref (file->problems);
}

void
_quorum_store_file_unref (QuorumStoreFile *file)
{
  g_rc_box_release_full (file, (GDestroyNotify) store_file_clear);
}

void
_quorum_store_load_result_free (QuorumStoreLoadResult *result)
{
  g_ptr_array_unref (result->files);
  g_ptr_array_unref (result->problems);
  g_free (result);
}

/* The files as last applied, without their objects: safe to hand to a
 * worker thread. */
GHashTable *
_quorum_store_dup_stamps (QuorumStore *self)
{
  GHashTable *stamps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) _quorum_store_file_unref);
  GHashTableIter iter;
  QuorumStoreFile *file;

  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &file))
    {
      QuorumStoreFile *copy = _quorum_store_file_new (file->kind, file->path, file->owner);

      _quorum_store_stamp_copy (&copy->stamp, &file->stamp);
      g_hash_table_insert (stamps, copy->path, copy);
    }
  return stamps;
}

/* Parses @data, which it takes. */
static void
parse_file (QuorumStoreFile *file,
            char            *data,
            gsize            length)
{
  g_autofree char *owned = data;

  GObject *object = NULL;

  switch (file->kind)
    {
    case QUORUM_STORE_FILE_COMMITTEES:
      parse_committees (file->path, data, length, file->problems, file->objects);
      return;
    case QUORUM_STORE_FILE_BUDGET:
      /* A budget's bytes become its document's text: not held twice. */
      object = G_OBJECT (_quorum_budget_document_new_take_data (file->path,
                                                                g_steal_pointer (&owned),
                                                                length, file->problems));
      break;
    case QUORUM_STORE_FILE_WORK_PACKAGE:
      object = G_OBJECT (quorum_work_package_new_from_data (file->path, data, length,
                                                            file->problems));
      break;
    case QUORUM_STORE_FILE_DECISION:
      object = G_OBJECT (quorum_decision_new_from_data (file->path, file->owner, data, length,
                                                        file->problems));
      break;
    case QUORUM_STORE_FILE_MEETING:
      object = G_OBJECT (quorum_meeting_new_from_data (file->path, data, length,
                                                       file->problems));
      break;
    default:
      g_assert_not_reached ();
    }
  if (object != NULL)
    g_ptr_array_add (file->objects, object);
}

/* Reads and parses @file, unless it is the one last loaded (@last): the
 * same stamp, or a racily clean file (the only ones with a checksum) of
 * the same content. */
static void
read_store_file (QuorumStoreFile       *file,
                 const QuorumStoreFile *last,
                 gsize                 *bytes_left)
{
  g_autofree char *data = NULL;
  gboolean stamped;
  gsize length;

  stamped = _quorum_store_stamp_file (file->path, &file->stamp);
  if (stamped && last != NULL && _quorum_store_stamp_unchanged (&last->stamp, &file->stamp))
    {
      /* Not read again, but its objects are still held. */
      *bytes_left -= MIN ((gsize) MAX (file->stamp.size, 0), *bytes_left);
      file->stamp.valid = TRUE;
      return;
    }
  file->parsed = TRUE;
  if ((data = read_file (file->path, &length, file->problems, bytes_left)) == NULL)
    return;
  if (stamped && _quorum_store_stamp_read (&file->stamp, last != NULL ? &last->stamp : NULL,
                                           data, length))
    file->parsed = FALSE;   /* the same content: the objects last loaded stay */
  else
    parse_file (file, g_steal_pointer (&data), length);
}

/* A file's name without `.json`: the id a decision takes from it. */
static char *
dup_file_id (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_strndup (base, strlen (base) - strlen (".json"));
}

static void
scan_one (const char            *store_path,
          QuorumStoreLoadResult *result,
          GHashTable            *stamps,
          QuorumStoreFileKind    kind,
          const char            *path,
          const char            *owner)
{
  QuorumStoreFile *file = _quorum_store_file_new (kind, path, owner);
  gsize bytes_left = result->bytes_left;

  read_store_file (file, stamps != NULL ? g_hash_table_lookup (stamps, path) : NULL,
                   &result->bytes_left);
  if (kind == QUORUM_STORE_FILE_BUDGET && result->each_document != NULL &&
      file->objects->len > 0)
    {
      result->each_document (g_ptr_array_index (file->objects, 0), result->each_data);
      /* Held like a broken file's: without objects, and without problems. */
      if (result->drop_documents)
        g_ptr_array_set_size (file->objects, 0);
    }
  /* A document read and not kept (or not valid) holds nothing once done
   * with: the budget counts what is held at once, so it takes its bytes
   * back. */
  if (kind == QUORUM_STORE_FILE_BUDGET && result->drop_documents && file->parsed)
    result->bytes_left = bytes_left;
  if (kind == QUORUM_STORE_FILE_DECISION)
    {
      g_autofree char *id = dup_file_id (path);

      file->pending = outbox_has (store_path, owner, id);
    }
  g_ptr_array_add (result->files, file);
}

static void
scan_folder (const char            *store_path,
             const QuorumStoreFolder *folder,
             QuorumStoreLoadResult *result,
             GHashTable            *stamps,
             GCancellable          *cancellable)
{
  g_autofree char *top = g_build_filename (store_path, folder->name, NULL);
  g_autoptr(GPtrArray) owners = NULL;

  if (!folder->is_folder)
    {
      if (g_file_test (top, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        scan_one (store_path, result, stamps, folder->kind, top, NULL);
      else if (folder->kind == QUORUM_STORE_FILE_COMMITTEES)
        add_problem (result->problems, top, _("the committee register is missing"));
      return;
    }

  if (folder->kind == QUORUM_STORE_FILE_BUDGET &&
      !g_file_test (top, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    add_problem (result->problems, top, _("the budgets folder is missing"));
  if (folder->per_package)
    owners = list_json_files (top, result->problems, TRUE);
  else
    g_ptr_array_add ((owners = g_ptr_array_new_with_free_func (g_free)), NULL);

  for (guint i = 0; i < owners->len; i++)
    {
      const char *owner = g_ptr_array_index (owners, i);
      g_autofree char *sub = g_build_filename (top, owner, NULL);
      g_autoptr(GPtrArray) names = list_json_files (sub, result->problems, FALSE);

      for (guint j = 0; j < names->len; j++)
        {
          g_autofree char *path = g_build_filename (sub, g_ptr_array_index (names, j), NULL);

          if (g_cancellable_is_cancelled (cancellable))
            return;
          scan_one (store_path, result, stamps, folder->kind, path, owner);
        }
    }
}

/* A package whose decisions changed or went (not merely came) is read
 * again, so that applying can replace it with one holding the right ones. */
static void
reread_packages (QuorumStoreLoadResult *result,
                 GHashTable            *stamps)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  QuorumStoreFile *file;

  for (guint i = 0; i < result->files->len; i++)
    {
      file = g_ptr_array_index (result->files, i);
      g_hash_table_add (seen, file->path);
      if (file->kind == QUORUM_STORE_FILE_DECISION && file->parsed &&
          g_hash_table_contains (stamps, file->path))
        g_hash_table_add (owners, file->owner);
    }
  g_hash_table_iter_init (&iter, stamps);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &file))
    if (file->kind == QUORUM_STORE_FILE_DECISION && !g_hash_table_contains (seen, file->path))
      g_hash_table_add (owners, file->owner);
  if (g_hash_table_size (owners) == 0)
    return;

  for (guint i = 0; i < result->files->len; i++)
    {
      g_autofree char *id = NULL;

      file = g_ptr_array_index (result->files, i);
      if (file->kind != QUORUM_STORE_FILE_WORK_PACKAGE || file->parsed)
        continue;
      id = dup_file_id (file->path);
      if (g_hash_table_contains (owners, id))
        {
          /* Its size already counts against the store's budget. */
          gsize again = QUORUM_MAX_FILE_BYTES;

          read_store_file (file, NULL, &again);
        }
    }
}

static QuorumStoreLoadResult *
load_result_new (void)
{
  QuorumStoreLoadResult *result = g_new0 (QuorumStoreLoadResult, 1);

  result->files = g_ptr_array_new_with_free_func ((GDestroyNotify) _quorum_store_file_unref);
  result->problems = g_ptr_array_new_with_free_func (g_object_unref);
  result->bytes_left = store_budget_bytes ();
  return result;
}

static gboolean
scan_into (QuorumStoreLoadResult  *result,
           const char             *path,
           GHashTable             *stamps,
           GCancellable           *cancellable,
           GError                **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("%s: the store folder does not exist or is not a folder"), path);
      return FALSE;
    }

  for (guint i = 0; i < _quorum_store_n_folders; i++)
    scan_folder (path, &_quorum_store_folders[i], result, stamps, cancellable);
  if (stamps != NULL)
    reread_packages (result, stamps);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * _quorum_store_scan:
 * @stamps: (nullable): the files last loaded (_quorum_store_dup_stamps()),
 *   each taken as unchanged, without reading it, while its stamp is the
 *   same (see quorum-store-private.h); %NULL reads and parses every file
 *
 * Runs on any thread.
 */
QuorumStoreLoadResult *
_quorum_store_scan (const char    *path,
                    GHashTable    *stamps,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(QuorumStoreLoadResult) result = load_result_new ();

  if (!scan_into (result, path, stamps, cancellable, error))
    return NULL;
  return g_steal_pointer (&result);
}

static gboolean
folder_has_json (const char *store_path,
                 const char *name)
{
  g_autofree char *folder = g_build_filename (store_path, name, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return g_file_test (folder, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (entry[0] != '.')
      return TRUE;
  return FALSE;
}

/**
 * quorum_store_load_each_document:
 * @func: (scope call): called on each valid budget document, in the
 *   store's order, as soon as it is read
 *
 * Loads the store as quorum_store_load() does (the same problems, in the
 * same order), for a caller that needs each document once: when nothing
 * in the store can refer to a document (it has no work packages and no
 * meetings), the documents are not kept after @func, so no more than one
 * is held at a time, and quorum_store_get_documents() is then empty. The
 * store's memory budget then counts only what is held at once: documents
 * that together go over it, each within it, are all read.
 *
 * Returns: %FALSE only if the folder itself cannot be read, or on
 *   cancellation
 */
gboolean
quorum_store_load_each_document (QuorumStore              *self,
                                 QuorumStoreDocumentFunc   func,
                                 gpointer                  user_data,
                                 GCancellable             *cancellable,
                                 GError                  **error)
{
  g_autoptr(QuorumStoreLoadResult) result = load_result_new ();
  g_autoptr(GHashTable) stamps = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result->each_document = func;
  result->each_data = user_data;
  /* Work packages and meetings are what name a document's lines; a
   * folder that cannot be listed counts as holding some. */
  result->drop_documents = !folder_has_json (self->path, "work-packages") &&
                           !folder_has_json (self->path, "meetings");
  stamps = _quorum_store_dup_stamps (self);
  if (!scan_into (result, self->path, stamps, cancellable, error))
    return FALSE;

  result->serial = self->serial;
  _quorum_store_apply (self, result);
  return TRUE;
}

/**
 * quorum_store_load:
 *
 * Loads (or reloads) the whole store. A file with errors is left out and
 * its problems listed in quorum_store_get_problems(); the rest loads. A
 * reload reads again only the files whose stamp (device, inode, size,
 * modification and status change times) changed, or that changed so
 * shortly before the last load read them that their stamp cannot tell
 * (see quorum-store-private.h); it keeps the objects of the files it
 * does not read again, and of those read again whose content it can tell
 * did not change.
 *
 * Returns: %FALSE only if the folder itself cannot be read, or on
 *   cancellation
 */
gboolean
quorum_store_load (QuorumStore   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(QuorumStoreLoadResult) result = NULL;
  g_autoptr(GHashTable) stamps = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stamps = _quorum_store_dup_stamps (self);
  result = _quorum_store_scan (self->path, stamps, cancellable, error);
  if (result == NULL)
    return FALSE;

  result->serial = self->serial;
  _quorum_store_apply (self, result);
  return TRUE;
}

typedef struct
{
  char *path;
  GHashTable *stamps;
  guint64 serial;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_hash_table_unref (data->stamps);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  QuorumStoreLoadResult *result = _quorum_store_scan (data->path, data->stamps, cancellable,
                                                      &error);

  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result->serial = data->serial;
  g_task_return_pointer (task, result, (GDestroyNotify) _quorum_store_load_result_free);
}

void
_quorum_store_reload_async (QuorumStore         *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  LoadData *data = g_new0 (LoadData, 1);

  data->path = g_strdup (self->path);
  data->stamps = _quorum_store_dup_stamps (self);
  data->serial = self->serial;
  g_task_set_source_tag (task, quorum_store_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
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
  g_return_if_fail (QUORUM_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _quorum_store_reload_async (self, cancellable, callback, user_data);
}

gboolean
quorum_store_load_finish (QuorumStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(QuorumStoreLoadResult) loaded = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;

  _quorum_store_apply (self, loaded);
  return TRUE;
}
