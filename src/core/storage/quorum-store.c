/* quorum-store.c: a store folder: committees, budgets, work packages, decisions
 *
 * The class and its list models. Loading (quorum-store-load.c) reads the
 * files on a worker thread; applying a load here, on the caller's thread,
 * keeps the objects of the files that did not change and changes the
 * models only at the positions that did, so views bound to the models
 * keep their state (see quorum-store-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-store-private.h"
#include <glib/gi18n-lib.h>
#include "quorum-meeting-links.h"
#include "quorum-model-private.h"
#include "quorum-problem.h"
#include "quorum-work-package.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

G_DEFINE_FINAL_TYPE (QuorumStore, quorum_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
quorum_store_dispose (GObject *object)
{
  QuorumStore *self = (QuorumStore *) object;

  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (quorum_store_parent_class)->dispose (object);
}

static void
quorum_store_finalize (GObject *object)
{
  QuorumStore *self = (QuorumStore *) object;

  g_free (self->path);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_object (&self->committees);
  g_clear_object (&self->documents);
  g_clear_object (&self->work_packages);
  g_clear_object (&self->problems);
  g_clear_object (&self->action_log);
  g_clear_object (&self->meetings);

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

  object_class->dispose = quorum_store_dispose;
  object_class->finalize = quorum_store_finalize;
  object_class->get_property = quorum_store_get_property;
  object_class->set_property = quorum_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumStore::changed:
   *
   * A load or reload was applied: the list models have changed where
   * needed, and so may have what is worked out from several files
   * (budget lines, outcomes, problems). Emitted on the main thread.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * QuorumStore::load-failed:
   * @error: why
   *
   * A reload after files changed on disk (see quorum_store_watch()) failed:
   * the folder itself went or cannot be read. The models keep what they had.
   */
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
quorum_store_init (QuorumStore *self)
{
  self->committees = g_list_store_new (QUORUM_TYPE_COMMITTEE);
  self->documents = g_list_store_new (QUORUM_TYPE_BUDGET_DOCUMENT);
  self->work_packages = g_list_store_new (QUORUM_TYPE_WORK_PACKAGE);
  self->problems = g_list_store_new (QUORUM_TYPE_PROBLEM);
  self->meetings = g_list_store_new (QUORUM_TYPE_MEETING);
  self->action_log = quorum_action_log_new (G_LIST_MODEL (self->meetings));
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) _quorum_store_file_unref);
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

/* Changes @store into @items at the positions that differ only: the items
 * of both that are the same object, in the same order, stay, and each run
 * of items between them is one items-changed. */
static void
update_list (GListStore *store,
             GPtrArray  *items)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) old = g_ptr_array_new_full (n_old, g_object_unref);
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  guint i = 0, j = 0, position = 0;

  for (guint k = 0; k < n_old; k++)
    g_ptr_array_add (old, g_list_model_get_item (model, k));
  for (guint k = 0; k < items->len; k++)
    g_hash_table_insert (index, g_ptr_array_index (items, k), GUINT_TO_POINTER (k + 1));

  while (i < n_old || j < items->len)
    {
      guint next_i = i, next_j = items->len;

      /* The next old item still there, after the new items placed so far. */
      for (; next_i < n_old; next_i++)
        {
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index,
                                                            g_ptr_array_index (old, next_i)));

          if (at > j)
            {
              next_j = at - 1;
              break;
            }
        }
      /* items->pdata is NULL when there are no new items. */
      if (next_i > i || next_j > j)
        g_list_store_splice (store, position, next_i - i,
                             next_j > j ? items->pdata + j : NULL, next_j - j);
      position += next_j - j;
      i = next_i;
      j = next_j;
      if (i < n_old)
        {
          i++;
          j++;
          position++;
        }
    }
}

/* Says the item at @item's position changed (it stays the same object). */
static void
resignal_item (GListStore *store,
               gpointer    item)
{
  guint position;

  if (g_list_store_find (store, item, &position))
    g_list_store_splice (store, position, 1, &item, 1);
}

static char *
dup_problem_key (QuorumProblem *problem)
{
  return g_strdup_printf ("%s\x1f%s\x1f%u:%u\x1f%s\x1f%s", quorum_problem_get_file (problem),
                          quorum_problem_get_path (problem), quorum_problem_get_line (problem),
                          quorum_problem_get_column (problem),
                          quorum_problem_get_message (problem),
                          quorum_problem_get_caused_by (problem) != NULL
                            ? quorum_problem_get_caused_by (problem) : "");
}

/* A problem that was already listed keeps its object. */
static void
reuse_problems (GListModel *before,
                GPtrArray  *problems)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       g_object_unref);
  guint n = g_list_model_get_n_items (before);

  for (guint i = 0; i < n; i++)
    {
      QuorumProblem *problem = g_list_model_get_item (before, i);

      g_hash_table_insert (known, dup_problem_key (problem), problem);
    }
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *key = dup_problem_key (g_ptr_array_index (problems, i));
      gpointer known_key = NULL, same = NULL;

      if (g_hash_table_steal_extended (known, key, &known_key, &same))
        {
          g_free (known_key);
          g_object_unref (g_ptr_array_index (problems, i));
          problems->pdata[i] = same;
        }
    }
}

static char *
dup_budget_state (QuorumWorkPackage *package)
{
  const char *column = NULL, *label = NULL;
  gint64 provision = 0;

  quorum_work_package_get_budget_line (package, &column, &label, &provision);
  return g_strdup_printf ("%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s", column, label, provision,
                          quorum_work_package_get_budget_problem (package));
}

/* Which files the store now holds, in loading order: @result's, each
 * either the file last applied (its objects kept) or the new one. */
static GPtrArray *
adopt_files (QuorumStore           *self,
             QuorumStoreLoadResult *result,
             GHashTable            *files,
             GHashTable            *fresh)
{
  GPtrArray *order = g_ptr_array_new ();
  GHashTableIter iter;
  QuorumStoreFile *file;

  for (guint i = 0; i < result->files->len; i++)
    {
      QuorumStoreFile *scanned = g_ptr_array_index (result->files, i);
      QuorumStoreFile *last = g_hash_table_lookup (self->files, scanned->path);

      file = scanned;
      if (!scanned->parsed && last == NULL)
        continue;   /* gone since it was scanned */
      if (last != NULL && (!scanned->parsed ||
                           _quorum_store_stamp_same_content (&last->stamp, &scanned->stamp)))
        {
          /* Unchanged, or read again with the same content (a racily
           * clean file; a decision written here since the scan began):
           * its objects stay, under the newer stamp. */
          file = last;
          _quorum_store_stamp_copy (&last->stamp, &scanned->stamp);
          if (scanned->parsed)
            g_hash_table_insert (fresh, last, scanned);
          last->pending = scanned->pending;
        }
      else
        file->serial = ++self->serial;
      g_hash_table_insert (files, file->path, _quorum_store_file_ref (file));
      g_ptr_array_add (order, file);
    }

  /* A decision written here since the scan began is kept. */
  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &file))
    if (file->serial > result->serial && !g_hash_table_contains (files, file->path))
      {
        g_hash_table_insert (files, file->path, _quorum_store_file_ref (file));
        g_ptr_array_add (order, file);
      }
  return order;
}

/* Gives each package the decisions on it: a package kept adds those that
 * came; one that lost or changed a decision is replaced by its new reading
 * (the loader reads it again for that). */
static void
attach_decisions (QuorumStore *self,
                  GPtrArray   *order,
                  GHashTable  *files,
                  GHashTable  *fresh,
                  GHashTable  *by_id,
                  GHashTable  *kept,
                  GHashTable  *touched,
                  GPtrArray   *problems)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < order->len; i++)
    {
      QuorumStoreFile *file = g_ptr_array_index (order, i);
      GPtrArray *list;

      if (file->kind != QUORUM_STORE_FILE_DECISION || file->objects->len == 0)
        continue;
      _quorum_decision_set_pending_sync (g_ptr_array_index (file->objects, 0), file->pending);
      if (!g_hash_table_contains (by_id, file->owner))
        {
          g_autofree char *message =
            g_strdup_printf (_("a decision on “%s”, but there is no work package "
                             "with that id; the decision is kept but not shown"),
                             file->owner);

          g_ptr_array_add (problems,
                           quorum_problem_new (file->path, "$.work_package", 0, 0, message));
          continue;
        }
      if ((list = g_hash_table_lookup (wanted, file->owner)) == NULL)
        g_hash_table_insert (wanted, file->owner, (list = g_ptr_array_new ()));
      g_ptr_array_add (list, g_ptr_array_index (file->objects, 0));
    }

  for (guint i = 0; i < order->len; i++)
    {
      QuorumStoreFile *file = g_ptr_array_index (order, i);
      QuorumStoreFile *reread = g_hash_table_lookup (fresh, file);
      QuorumWorkPackage *package;
      GListModel *held;
      GPtrArray *list;
      guint n_held;
      gboolean lost = FALSE;

      if (file->kind != QUORUM_STORE_FILE_WORK_PACKAGE || file->objects->len == 0)
        continue;
      package = g_ptr_array_index (file->objects, 0);
      if (g_hash_table_lookup (by_id, quorum_work_package_get_id (package)) != package)
        continue;
      list = g_hash_table_lookup (wanted, quorum_work_package_get_id (package));
      held = quorum_work_package_get_decisions (package);
      n_held = g_list_model_get_n_items (held);
      for (guint k = 0; k < n_held && !lost; k++)
        {
          g_autoptr(QuorumDecision) decision = g_list_model_get_item (held, k);

          lost = list == NULL || !g_ptr_array_find (list, decision, NULL);
        }
      if (lost && reread != NULL && reread->objects->len > 0)
        {
          /* Its new reading replaces it, as a changed file would. */
          g_hash_table_insert (files, reread->path, _quorum_store_file_ref (reread));
          reread->serial = ++self->serial;
          order->pdata[i] = reread;
          package = g_ptr_array_index (reread->objects, 0);
          g_hash_table_insert (by_id, (char *) quorum_work_package_get_id (package), package);
        }
      else if (lost)
        _quorum_store_stamp_forget (&file->stamp);   /* read again next time */
      for (guint k = 0; list != NULL && k < list->len; k++)
        if (!g_list_store_find (G_LIST_STORE (quorum_work_package_get_decisions (package)),
                                g_ptr_array_index (list, k), NULL))
          {
            quorum_work_package_add_decision (package, g_ptr_array_index (list, k));
            if (g_hash_table_contains (kept, package))
              g_hash_table_add (touched, package);
          }
    }
}

/* The budget documents whose files could not be loaded, by id (a file's
 * id is its name): what the packages and meetings naming them lack is
 * caused by that file. */
static GHashTable *
dup_broken_documents (GPtrArray *order)
{
  GHashTable *broken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < order->len; i++)
    {
      QuorumStoreFile *file = g_ptr_array_index (order, i);
      g_autofree char *name = NULL;

      if (file->kind != QUORUM_STORE_FILE_BUDGET || file->objects->len > 0)
        continue;
      name = g_path_get_basename (file->path);
      if (g_str_has_suffix (name, ".json"))
        name[strlen (name) - 5] = '\0';
      g_hash_table_insert (broken, g_steal_pointer (&name), file->path);
    }
  return broken;
}

/* Resolves every package's budget line again; a package kept whose line
 * changed is touched. */
static void
resolve_budget_refs (GHashTable *broken,
                     GPtrArray  *documents,
                     GPtrArray  *packages,
                     GHashTable *kept,
                     GHashTable *touched,
                     GPtrArray  *problems)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < documents->len; i++)
    g_hash_table_insert (by_id,
                         (char *) quorum_budget_document_get_id (documents->pdata[i]),
                         documents->pdata[i]);
  for (guint i = 0; i < packages->len; i++)
    {
      QuorumWorkPackage *package = g_ptr_array_index (packages, i);
      g_autofree char *was = dup_budget_state (package);
      g_autofree char *now = NULL;

      _quorum_work_package_set_budget_line (package, NULL, NULL, 0);
      _quorum_work_package_set_budget_problem (package, NULL);
      _quorum_store_resolve_budget_ref (package, by_id, broken, problems);
      now = dup_budget_state (package);
      if (g_hash_table_contains (kept, package) && !g_str_equal (was, now))
        g_hash_table_add (touched, package);
    }
}

static void
collect_objects (GPtrArray           *order,
                 QuorumStoreFileKind  kind,
                 GPtrArray           *out)
{
  for (guint i = 0; i < order->len; i++)
    {
      QuorumStoreFile *file = g_ptr_array_index (order, i);

      if (file->kind == kind)
        for (guint k = 0; k < file->objects->len; k++)
          g_ptr_array_add (out, g_object_ref (g_ptr_array_index (file->objects, k)));
    }
}

/* A decision taken at a meeting the store does not hold is a problem on
 * the decision, which still counts. */
static void
check_decision_meetings (GPtrArray *order,
                         GPtrArray *meetings,
                         GPtrArray *problems)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < meetings->len; i++)
    g_hash_table_add (ids, (char *) quorum_meeting_get_id (g_ptr_array_index (meetings, i)));
  for (guint i = 0; i < order->len; i++)
    {
      QuorumStoreFile *file = g_ptr_array_index (order, i);
      const char *meeting;
      g_autofree char *message = NULL;

      if (file->kind != QUORUM_STORE_FILE_DECISION || file->objects->len == 0)
        continue;
      meeting = quorum_decision_get_meeting (g_ptr_array_index (file->objects, 0));
      if (meeting == NULL || g_hash_table_contains (ids, meeting))
        continue;
      message = g_strdup_printf (_("taken at meeting “%s”, which is not in the store; the "
                                   "decision still counts"), meeting);
      g_ptr_array_add (problems, quorum_problem_new (file->path, "$.meeting", 0, 0, message));
    }
}

/**
 * _quorum_store_apply:
 *
 * Makes the store hold what @result scanned, on the main thread: see
 * quorum-store-private.h. Emits #QuorumStore::changed.
 */
void
_quorum_store_apply (QuorumStore           *self,
                     QuorumStoreLoadResult *result)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) _quorum_store_file_unref);
  g_autoptr(GHashTable) fresh = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) order = adopt_files (self, result, files, fresh);
  g_autoptr(GHashTable) broken = dup_broken_documents (order);
  g_autoptr(GPtrArray) committees = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) derived = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer package;
  guint n;

  for (guint i = 0; i < order->len; i++)
    {
      QuorumStoreFile *file = g_ptr_array_index (order, i);

      if (file->kind == QUORUM_STORE_FILE_WORK_PACKAGE && file->objects->len > 0)
        g_hash_table_insert (by_id, (char *) quorum_work_package_get_id (file->objects->pdata[0]),
                             file->objects->pdata[0]);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->work_packages));
  for (guint i = 0; i < n; i++)
    {
      /* The models hold a reference, for as long as this runs. */
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->work_packages), i);

      g_hash_table_add (kept, item);
    }
  attach_decisions (self, order, files, fresh, by_id, kept, touched, derived);

  collect_objects (order, QUORUM_STORE_FILE_COMMITTEES, committees);
  collect_objects (order, QUORUM_STORE_FILE_BUDGET, documents);
  collect_objects (order, QUORUM_STORE_FILE_WORK_PACKAGE, packages);
  resolve_budget_refs (broken, documents, packages, kept, touched, derived);
  collect_objects (order, QUORUM_STORE_FILE_MEETING, meetings);
  _quorum_meetings_link_full (meetings, committees, documents, packages, broken, derived);
  check_decision_meetings (order, meetings, derived);

  for (guint i = 0; i < result->problems->len; i++)
    g_ptr_array_add (problems, g_object_ref (g_ptr_array_index (result->problems, i)));
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *own = ((QuorumStoreFile *) g_ptr_array_index (order, i))->problems;

      for (guint k = 0; k < own->len; k++)
        g_ptr_array_add (problems, g_object_ref (g_ptr_array_index (own, k)));
    }
  g_ptr_array_extend_and_steal (problems, g_steal_pointer (&derived));
  reuse_problems (G_LIST_MODEL (self->problems), problems);

  g_hash_table_unref (self->files);
  self->files = g_steal_pointer (&files);

  update_list (self->committees, committees);
  update_list (self->documents, documents);
  update_list (self->work_packages, packages);
  update_list (self->meetings, meetings);
  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &package, NULL))
    resignal_item (self->work_packages, package);
  update_list (self->problems, problems);
  self->loaded = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A file written here (a decision), its objects already in the models. */
void
_quorum_store_add_written (QuorumStore     *self,
                           QuorumStoreFile *file)
{
  file->serial = ++self->serial;
  g_hash_table_insert (self->files, file->path, _quorum_store_file_ref (file));
}

/**
 * quorum_store_watch:
 *
 * Watches the store's files from now on (until the store is freed): a
 * change on disk (a decision taken with quorum-cli, an editor, a sync) is
 * reloaded QUORUM_STORE_MONITOR_DELAY_MS after the last of a burst of
 * changes, on a worker thread, and applied as quorum_store_load() does:
 * only what changed changes. Files under `.quorum/` and hidden or backup
 * files are not watched. A reload that fails emits
 * #QuorumStore::load-failed.
 */
void
quorum_store_watch (QuorumStore *self)
{
  g_return_if_fail (QUORUM_IS_STORE (self));

  if (self->monitor == NULL)
    self->monitor = quorum_store_monitor_new (self);
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

/**
 * quorum_store_get_meetings:
 *
 * Returns: (transfer none): a list model of #QuorumMeeting, by date (then
 *   start time, then id)
 */
GListModel *
quorum_store_get_meetings (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->meetings);
}

/**
 * quorum_store_find_meeting:
 *
 * Returns: (transfer none) (nullable): the meeting @meeting_id
 */
QuorumMeeting *
quorum_store_find_meeting (QuorumStore *self,
                           const char  *meeting_id)
{
  guint n;

  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->meetings),
                                                                i);

      if (g_str_equal (quorum_meeting_get_id (meeting), meeting_id))
        return meeting;
    }
  return NULL;
}

/**
 * quorum_store_get_action_log:
 *
 * Returns: (transfer none): every action raised at the store's meetings,
 *   with its current status; it follows the meetings as they reload
 */
QuorumActionLog *
quorum_store_get_action_log (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), NULL);
  return self->action_log;
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

/* The installed sample store, found from the running executable
 * (<prefix>/<bindir>/quorum → <prefix>/<datadir>/quorum/sample-store) so that
 * a moved install still finds its own; else the configured prefix's. */
static char *
dup_installed_sample_path (void)
{
  g_autofree char *exe = NULL;

  if (QUORUM_BINDIR_TO_SAMPLE_STORE[0] != '\0')
    exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    {
      g_autofree char *bindir = g_path_get_dirname (exe);
      g_autofree char *path = g_canonicalize_filename (QUORUM_BINDIR_TO_SAMPLE_STORE, bindir);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&path);
    }
  return g_strdup (QUORUM_SAMPLE_STORE_DIR);
}

/**
 * quorum_store_is_loaded:
 *
 * Returns: %TRUE once a load has been applied (#QuorumStore::changed was
 *   emitted): until then the store's lists are empty because it is
 *   loading, not because the store holds nothing
 */
gboolean
quorum_store_is_loaded (QuorumStore *self)
{
  g_return_val_if_fail (QUORUM_IS_STORE (self), FALSE);
  return self->loaded;
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
  if (same_folder (self->path, sample))
    return TRUE;
  /* $QUORUM_SAMPLE_STORE may name a copy: the installed one is still the
   * sample. */
  g_clear_pointer (&sample, g_free);
  sample = dup_installed_sample_path ();
  return same_folder (self->path, sample);
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
 *   where set (`meson devenv` and `meson test` set it to the source tree's),
 *   else the installed copy beside the running executable
 */
char *
quorum_store_dup_sample_path (void)
{
  const char *env = g_getenv ("QUORUM_SAMPLE_STORE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return dup_installed_sample_path ();
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
