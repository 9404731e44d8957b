/* quorum-notes.c: a store's private notes, .quorum/notes/ID.json, as a list model
 *
 * The notes are the user's own: they live in the store's private folder,
 * which sync and publish-index never send, and nothing else in the store
 * changes when a note is written. Every write (add, edit, delete) holds
 * the store's write lock and goes through a descriptor of the store, so
 * no symbolic link is followed; a file is written to a temporary file and
 * renamed into place (a new note is linked, so it never replaces one),
 * then the folder is flushed. The async variants do the disk work in a
 * thread and change the model on the caller's thread. The bundled sample
 * store is read-only: every write on it fails with
 * %QUORUM_ERROR_NOT_ALLOWED before anything is written.
 *
 * The model is sorted by target, then created. A note whose target has
 * gone stays in the list, detached (quorum_notes_resolve()): it is never
 * dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-notes.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "quorum-action-log.h"
#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-load-context.h"
#include "quorum-meeting.h"
#include "quorum-notes-private.h"
#include "quorum-problem.h"
#include "quorum-store-layout.h"
#include "quorum-store-lock.h"

/* How long a write waits for another writer, as a decision does. */
#define WRITE_LOCK_WAIT_MS 3000

struct _QuorumNotes
{
  GObject parent_instance;

  char *store_path;
  char *notes_dir;
  gboolean is_sample;
  GPtrArray *items;        /* of QuorumNote, sorted */
  GHashTable *by_target;   /* target key → GPtrArray of QuorumNote (borrowed) */
  GListStore *problems;    /* of QuorumProblem */
  QuorumStore *resolved_store;     /* what the last quorum_notes_resolve() was given */
  GListModel *resolved_meetings;
};

static void quorum_notes_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumNotes, quorum_notes, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      quorum_notes_list_model_init))

static GType
quorum_notes_get_item_type (GListModel *model)
{
  return QUORUM_TYPE_NOTE;
}

static guint
quorum_notes_get_n_items (GListModel *model)
{
  return QUORUM_NOTES (model)->items->len;
}

static gpointer
quorum_notes_get_item (GListModel *model,
                       guint       position)
{
  QuorumNotes *self = QUORUM_NOTES (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
quorum_notes_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = quorum_notes_get_item_type;
  iface->get_n_items = quorum_notes_get_n_items;
  iface->get_item = quorum_notes_get_item;
}

static void
quorum_notes_finalize (GObject *object)
{
  QuorumNotes *self = (QuorumNotes *) object;

  g_free (self->store_path);
  g_free (self->notes_dir);
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->by_target);
  g_object_unref (self->problems);
  g_clear_object (&self->resolved_store);
  g_clear_object (&self->resolved_meetings);

  G_OBJECT_CLASS (quorum_notes_parent_class)->finalize (object);
}

static void
quorum_notes_class_init (QuorumNotesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quorum_notes_finalize;
}

static void
quorum_notes_init (QuorumNotes *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  self->problems = g_list_store_new (QUORUM_TYPE_PROBLEM);
}

/**
 * quorum_notes_new:
 * @store: the store the notes are kept in (it need not be loaded)
 *
 * Returns: (transfer full): the store's notes, empty until loaded
 */
QuorumNotes *
quorum_notes_new (QuorumStore *store)
{
  QuorumNotes *self;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_NOTES, NULL);
  self->store_path = g_strdup (quorum_store_get_path (store));
  self->notes_dir = quorum_store_layout_notes (self->store_path);
  self->is_sample = quorum_store_is_sample (store);
  return self;
}

const char *
quorum_notes_get_store_path (QuorumNotes *self)
{
  g_return_val_if_fail (QUORUM_IS_NOTES (self), NULL);

  return self->store_path;
}

/**
 * quorum_notes_get_problems:
 *
 * Returns: (transfer none): the problems of the last load, one a note file
 *   that could not be read (its path, the JSON path and line:column)
 */
GListModel *
quorum_notes_get_problems (QuorumNotes *self)
{
  g_return_val_if_fail (QUORUM_IS_NOTES (self), NULL);

  return G_LIST_MODEL (self->problems);
}

/* The index by target ---------------------------------------------------- */

static void
index_add (QuorumNotes *self,
           QuorumNote  *note)
{
  const char *key = quorum_note_get_target_key (note);
  GPtrArray *notes = g_hash_table_lookup (self->by_target, key);

  if (notes == NULL)
    {
      notes = g_ptr_array_new ();
      g_hash_table_insert (self->by_target, g_strdup (key), notes);
    }
  g_ptr_array_add (notes, note);
}

static void
index_remove (QuorumNotes *self,
              QuorumNote  *note)
{
  const char *key = quorum_note_get_target_key (note);
  GPtrArray *notes = g_hash_table_lookup (self->by_target, key);

  if (notes == NULL)
    return;
  g_ptr_array_remove (notes, note);
  if (notes->len == 0)
    g_hash_table_remove (self->by_target, key);
}

/* Where @note goes in the sorted list. */
static guint
sorted_position (QuorumNotes *self,
                 QuorumNote  *note)
{
  guint low = 0, high = self->items->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (quorum_note_compare (g_ptr_array_index (self->items, middle), note) <= 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Once resolved, a note added or loaded is resolved against the same
 * store and meetings, so it has its label at once. */
static void
resolve_again (QuorumNotes *self,
               GPtrArray   *notes)
{
  if (self->resolved_store != NULL)
    _quorum_notes_resolve_notes (notes, self->resolved_store, self->resolved_meetings);
}

static void
insert_note (QuorumNotes *self,
             QuorumNote  *note)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  guint position = sorted_position (self, note);

  g_ptr_array_add (one, note);
  resolve_again (self, one);

  g_ptr_array_insert (self->items, (int) position, g_object_ref (note));
  index_add (self, note);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
remove_note (QuorumNotes *self,
             QuorumNote  *note)
{
  guint position;

  if (!g_ptr_array_find (self->items, note, &position))
    return;
  index_remove (self, note);
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/**
 * quorum_notes_resolve:
 * @store: the loaded store: its budget documents and work packages
 * @meetings: (nullable) (element-type QuorumMeeting): the store's meetings,
 *   which give the meetings, their agenda items and the actions; %NULL
 *   while the store does not load meetings: a meeting is then found by its
 *   file, meetings/ID.json, and an action is never taken for gone
 *
 * Sets each note's label and whether it is detached (its target is gone).
 * A detached note stays in the list. Notes added or loaded later are
 * resolved against the same @store and @meetings; call it again when they
 * change.
 */
void
quorum_notes_resolve (QuorumNotes *self,
                      QuorumStore *store,
                      GListModel  *meetings)
{
  g_return_if_fail (QUORUM_IS_NOTES (self));
  g_return_if_fail (QUORUM_IS_STORE (store));
  g_return_if_fail (meetings == NULL || G_IS_LIST_MODEL (meetings));

  g_set_object (&self->resolved_store, store);
  g_set_object (&self->resolved_meetings, meetings);
  _quorum_notes_resolve_notes (self->items, store, meetings);
}

/**
 * quorum_notes_lookup:
 * @target_key: a key from quorum_note_target_key()
 *
 * Finds the notes on exactly this target, in constant time: what a view
 * asks for each cell, row or package it shows.
 *
 * Returns: (transfer none) (nullable) (element-type QuorumNote): the
 *   notes, or %NULL if there are none
 */
GPtrArray *
quorum_notes_lookup (QuorumNotes *self,
                     const char  *target_key)
{
  g_return_val_if_fail (QUORUM_IS_NOTES (self), NULL);
  g_return_val_if_fail (target_key != NULL, NULL);

  return g_hash_table_lookup (self->by_target, target_key);
}

/**
 * quorum_notes_lookup_document:
 * @table: (nullable)
 * @row: (nullable)
 * @column: (nullable)
 *
 * Returns: (transfer none) (nullable) (element-type QuorumNote): the notes
 *   on exactly this document, table, row or cell
 */
GPtrArray *
quorum_notes_lookup_document (QuorumNotes *self,
                              const char  *document,
                              const char  *table,
                              const char  *row,
                              const char  *column)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (QUORUM_IS_NOTES (self), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  key = quorum_note_target_key (QUORUM_NOTE_TARGET_DOCUMENT, document, table, row, column);
  return g_hash_table_lookup (self->by_target, key);
}

/**
 * quorum_notes_find:
 *
 * Returns: (transfer none) (nullable): the note with this id
 */
QuorumNote *
quorum_notes_find (QuorumNotes *self,
                   const char  *id)
{
  g_return_val_if_fail (QUORUM_IS_NOTES (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (quorum_note_get_id (g_ptr_array_index (self->items, i)), id) == 0)
      return g_ptr_array_index (self->items, i);
  return NULL;
}

/* Loading ---------------------------------------------------------------- */

/* Whether @relpath exists below @root_fd, not following a link. */
static gboolean
exists_at (int         root_fd,
           const char *relpath)
{
  struct stat st;

  return fstatat (root_fd, relpath, &st, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  return quorum_note_compare (*(QuorumNote * const *) a, *(QuorumNote * const *) b);
}

static char **
list_note_files (int dir_fd)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int fd = dup (dir_fd);
  DIR *dir = fd >= 0 ? fdopendir (fd) : NULL;
  struct dirent *entry;

  if (dir == NULL && fd >= 0)
    close (fd);
  while (dir != NULL && (entry = readdir (dir)) != NULL)
    if (entry->d_name[0] != '.' && g_str_has_suffix (entry->d_name, ".json"))
      g_ptr_array_add (names, g_strdup (entry->d_name));
  if (dir != NULL)
    closedir (dir);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* A problem from a GError whose message starts with the file's name. */
static QuorumProblem *
problem_from_error (const char *file,
                    const char *name,
                    GError     *error)
{
  const char *message = error->message;

  if (g_str_has_prefix (message, name) && g_str_has_prefix (message + strlen (name), ": "))
    message += strlen (name) + 2;
  return quorum_problem_new (file, "$", 0, 0, message);
}

/* Reads every note file; runs on any thread. A file that cannot be read
 * is a problem naming it; the others load. The notes have the store's
 * memory budget of their own: 64 MiB of files in all. */
static gboolean
load_notes (const char    *store_path,
            const char    *notes_dir,
            GPtrArray     *notes,
            GPtrArray     *problems,
            GCancellable  *cancellable,
            GError       **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize bytes_left = QUORUM_MAX_STORE_BYTES;
  int root_fd, dir_fd;

  if ((root_fd = _quorum_dir_open (store_path, error)) < 0)
    return FALSE;
  if (!exists_at (root_fd, QUORUM_STORE_PRIVATE_DIR) ||
      !exists_at (root_fd, QUORUM_STORE_PRIVATE_DIR "/notes"))
    {
      close (root_fd);
      return TRUE;
    }
  dir_fd = _quorum_dir_open_at (root_fd, store_path, QUORUM_STORE_PRIVATE_DIR "/notes", FALSE,
                                &local_error);
  close (root_fd);
  if (dir_fd < 0)
    {
      g_ptr_array_add (problems, quorum_problem_new (notes_dir, "$", 0, 0, local_error->message));
      return TRUE;
    }

  names = list_note_files (dir_fd);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *file = g_build_filename (notes_dir, names[i], NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) read_error = NULL;
      QuorumNote *note;
      gsize length;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (dir_fd);
          return FALSE;
        }
      if (!_quorum_file_read_bounded (dir_fd, names[i], MIN (QUORUM_MAX_FILE_BYTES, bytes_left),
                                      &data, &length, &read_error))
        {
          if (bytes_left < QUORUM_MAX_FILE_BYTES &&
              g_error_matches (read_error, QUORUM_ERROR, QUORUM_ERROR_LIMIT))
            {
              g_autofree char *over = g_strdup_printf (
                _("not loaded: the notes are over their memory budget (%d MiB of files in all)"),
                QUORUM_MAX_STORE_BYTES / (1024 * 1024));

              g_ptr_array_add (problems, quorum_problem_new (file, "$", 0, 0, over));
            }
          else
            g_ptr_array_add (problems, problem_from_error (file, names[i], read_error));
          continue;
        }
      bytes_left -= length;
      if ((note = quorum_note_new_from_data (file, data, length, problems)) != NULL)
        g_ptr_array_add (notes, note);
    }
  close (dir_fd);
  return TRUE;
}

static void
replace_all (QuorumNotes *self,
             GPtrArray   *notes,
             GPtrArray   *problems)
{
  guint removed = self->items->len;

  g_hash_table_remove_all (self->by_target);
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_sort (notes, compare_notes);
  for (guint i = 0; i < notes->len; i++)
    {
      g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (notes, i)));
      index_add (self, g_ptr_array_index (notes, i));
    }
  g_list_store_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       problems->pdata, problems->len);
  resolve_again (self, self->items);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

/* One operation: done on a thread (run), then applied to the model on the
 * caller's thread (apply). */
typedef enum { OP_LOAD, OP_ADD, OP_EDIT, OP_DELETE } OpKind;

typedef struct
{
  OpKind kind;
  char *store_path;
  char *notes_dir;
  QuorumNote *note;
  char *text;
  char *data;              /* an edit's new file */
  gsize length;
  char *id;                /* an add's: chosen when written */
  char *file;
  char *created;
  char *updated;
  GPtrArray *notes;        /* a load's */
  GPtrArray *problems;
} Op;

static void
op_free (Op *op)
{
  g_free (op->store_path);
  g_free (op->notes_dir);
  g_clear_object (&op->note);
  g_free (op->text);
  g_free (op->data);
  g_free (op->id);
  g_free (op->file);
  g_free (op->created);
  g_free (op->updated);
  g_clear_pointer (&op->notes, g_ptr_array_unref);
  g_clear_pointer (&op->problems, g_ptr_array_unref);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Op, op_free)

static Op *
op_new (QuorumNotes *self,
        OpKind       kind,
        QuorumNote  *note,
        const char  *text)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->store_path = g_strdup (self->store_path);
  op->notes_dir = g_strdup (self->notes_dir);
  op->note = note != NULL ? g_object_ref (note) : NULL;
  op->text = g_strdup (text);
  return op;
}

/* Opens (creating) .quorum/notes/ through a descriptor of the store. */
static int
open_notes_folder (const char  *store_path,
                   GError     **error)
{
  int root_fd, dir_fd;

  if ((root_fd = _quorum_dir_open (store_path, error)) < 0)
    return -1;
  dir_fd = _quorum_dir_open_at (root_fd, store_path, QUORUM_STORE_PRIVATE_DIR "/notes", TRUE,
                                error);
  close (root_fd);
  return dir_fd;
}

/* Writes a new note under a fresh id: the UTC moment and four random hex
 * digits, another four if someone has that name. */
static gboolean
write_new_note (Op            *op,
                int            dir_fd,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dt%H%M%Sz");

  op->created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  op->updated = g_strdup (op->created);
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = NULL;
      g_autofree char *data = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_free (op->id);
      op->id = g_strdup_printf ("%s-%04x", stamp, (guint) g_random_int_range (0, 0x10000));
      name = g_strconcat (op->id, ".json", NULL);
      g_free (op->file);
      op->file = g_build_filename (op->notes_dir, name, NULL);
      data = _quorum_note_to_data (op->note, op->id, op->text, op->created, op->updated,
                                   &length);
      if (_quorum_file_write_new_at (dir_fd, name, op->file, data, length, &local_error))
        return TRUE;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO,
               _("%s: no free name for a new note in this second"), op->notes_dir);
  return FALSE;
}

static gboolean
delete_note_file (Op          *op,
                  int          dir_fd,
                  GError     **error)
{
  g_autofree char *name = g_strconcat (quorum_note_get_id (op->note), ".json", NULL);

  if (unlinkat (dir_fd, name, 0) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_IO, _("%s: could not delete: %s"),
                   quorum_note_get_file (op->note), g_strerror (saved_errno));
      return FALSE;
    }
  return _quorum_folder_sync (op->notes_dir, error);
}

static gboolean
edit_note_file (Op      *op,
                int      dir_fd,
                GError **error)
{
  g_autofree char *name = g_strconcat (quorum_note_get_id (op->note), ".json", NULL);
  struct stat st;

  /* Someone deleted it since it was loaded: an edit does not bring it back. */
  if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("%s: the note is no longer there"), quorum_note_get_file (op->note));
      return FALSE;
    }
  return _quorum_file_replace_at (dir_fd, name, quorum_note_get_file (op->note), op->data,
                                  op->length, error);
}

/* The disk work; runs on any thread and touches no model. */
static gboolean
op_run (Op            *op,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(QuorumStoreLock) lock = NULL;
  gboolean ok = FALSE;
  int dir_fd;

  if (op->kind == OP_LOAD)
    {
      op->notes = g_ptr_array_new_with_free_func (g_object_unref);
      op->problems = g_ptr_array_new_with_free_func (g_object_unref);
      return load_notes (op->store_path, op->notes_dir, op->notes, op->problems, cancellable,
                         error);
    }

  lock = quorum_store_lock_acquire (op->store_path, WRITE_LOCK_WAIT_MS, cancellable, error);
  if (lock == NULL || (dir_fd = open_notes_folder (op->store_path, error)) < 0)
    return FALSE;
  switch (op->kind)
    {
    case OP_ADD: ok = write_new_note (op, dir_fd, cancellable, error); break;
    case OP_EDIT: ok = edit_note_file (op, dir_fd, error); break;
    case OP_DELETE: ok = delete_note_file (op, dir_fd, error); break;
    case OP_LOAD:
    default: g_assert_not_reached ();
    }
  close (dir_fd);
  return ok;
}

/* The model's change, on the caller's thread, once the disk is written. */
static void
op_apply (QuorumNotes *self,
          Op          *op)
{
  switch (op->kind)
    {
    case OP_LOAD:
      replace_all (self, op->notes, op->problems);
      break;
    case OP_ADD:
      _quorum_note_set_saved (op->note, op->id, op->file, op->text, op->created, op->updated);
      insert_note (self, op->note);
      break;
    case OP_EDIT:
      _quorum_note_set_text (op->note, op->text, op->updated);
      break;
    case OP_DELETE:
      remove_note (self, op->note);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
refuse_sample (QuorumNotes  *self,
               GError      **error)
{
  if (!self->is_sample)
    return FALSE;
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED,
               _("%s is the bundled sample store, which is read-only; make a copy of it "
                 "to keep notes"), self->store_path);
  return TRUE;
}

/* Checks what can be checked before the disk: NULL with @error set if
 * the operation cannot be done. */
static Op *
op_prepare (QuorumNotes  *self,
            OpKind        kind,
            QuorumNote   *note,
            const char   *text,
            GError      **error)
{
  g_autoptr(Op) op = NULL;

  if (kind != OP_LOAD && refuse_sample (self, error))
    return NULL;
  if (text != NULL && !quorum_note_validate_text (text, error))
    return NULL;
  if (kind == OP_ADD && quorum_note_get_id (note) != NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("the note %s has been written already"), quorum_note_get_id (note));
      return NULL;
    }
  if (kind == OP_ADD && !_quorum_note_check_target (note, error))
    return NULL;
  if ((kind == OP_EDIT || kind == OP_DELETE) &&
      !g_ptr_array_find (self->items, note, NULL))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("the note is not one of the notes of %s"), self->store_path);
      return NULL;
    }

  op = op_new (self, kind, note, text);
  if (kind == OP_EDIT)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      op->updated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
      op->data = _quorum_note_to_data (note, quorum_note_get_id (note), text,
                                       quorum_note_get_created (note), op->updated,
                                       &op->length);
    }
  return g_steal_pointer (&op);
}

static gboolean
op_sync (QuorumNotes   *self,
         OpKind         kind,
         QuorumNote    *note,
         const char    *text,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(Op) op = op_prepare (self, kind, note, text, error);

  if (op == NULL || !op_run (op, cancellable, error))
    return FALSE;
  op_apply (self, op);
  return TRUE;
}

static void
op_thread (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  GError *error = NULL;

  if (op_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
op_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Back on the caller's thread: the model changes here only. */
  op_apply (QUORUM_NOTES (object), g_task_get_task_data (G_TASK (result)));
  g_task_return_boolean (task, TRUE);
}

static void
op_async (QuorumNotes         *self,
          OpKind               kind,
          gpointer             tag,
          QuorumNote          *note,
          const char          *text,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  Op *op;

  g_task_set_source_tag (task, tag);
  if ((op = op_prepare (self, kind, note, text, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  inner = g_task_new (self, cancellable, op_done, g_steal_pointer (&task));
  g_task_set_task_data (inner, op, (GDestroyNotify) op_free);
  g_task_run_in_thread (inner, op_thread);
}

static gboolean
op_finish (QuorumNotes   *self,
           GAsyncResult  *result,
           gpointer       tag,
           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * quorum_notes_load:
 *
 * Reads every note in .quorum/notes/, replacing the list. A note file
 * that cannot be read or has errors is a problem
 * (quorum_notes_get_problems()) naming it; the others load. Fails only
 * when the store folder cannot be opened, or on @cancellable.
 */
gboolean
quorum_notes_load (QuorumNotes   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (QUORUM_IS_NOTES (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return op_sync (self, OP_LOAD, NULL, NULL, cancellable, error);
}

void
quorum_notes_load_async (QuorumNotes         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (QUORUM_IS_NOTES (self));

  op_async (self, OP_LOAD, quorum_notes_load_async, NULL, NULL, cancellable, callback,
            user_data);
}

gboolean
quorum_notes_load_finish (QuorumNotes   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return op_finish (self, result, quorum_notes_load_async, error);
}

/**
 * quorum_notes_add:
 * @note: a note from quorum_note_new_on_document() and the like, not yet
 *   written
 * @text: its text: line breaks and tabs, no other control character
 *
 * Writes @note as a new file under a new id (`YYYYMMDDtHHMMSSz-XXXX`,
 * never replacing another note) and adds it to the list.
 */
gboolean
quorum_notes_add (QuorumNotes   *self,
                  QuorumNote    *note,
                  const char    *text,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (QUORUM_IS_NOTES (self), FALSE);
  g_return_val_if_fail (QUORUM_IS_NOTE (note), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return op_sync (self, OP_ADD, note, text, cancellable, error);
}

void
quorum_notes_add_async (QuorumNotes         *self,
                        QuorumNote          *note,
                        const char          *text,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (QUORUM_IS_NOTES (self));
  g_return_if_fail (QUORUM_IS_NOTE (note));
  g_return_if_fail (text != NULL);

  op_async (self, OP_ADD, quorum_notes_add_async, note, text, cancellable, callback,
            user_data);
}

gboolean
quorum_notes_add_finish (QuorumNotes   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return op_finish (self, result, quorum_notes_add_async, error);
}

/**
 * quorum_notes_edit:
 *
 * Replaces @note's text (and its `updated`), keeping every other member
 * of its file as it is.
 */
gboolean
quorum_notes_edit (QuorumNotes   *self,
                   QuorumNote    *note,
                   const char    *text,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (QUORUM_IS_NOTES (self), FALSE);
  g_return_val_if_fail (QUORUM_IS_NOTE (note), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return op_sync (self, OP_EDIT, note, text, cancellable, error);
}

void
quorum_notes_edit_async (QuorumNotes         *self,
                         QuorumNote          *note,
                         const char          *text,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (QUORUM_IS_NOTES (self));
  g_return_if_fail (QUORUM_IS_NOTE (note));
  g_return_if_fail (text != NULL);

  op_async (self, OP_EDIT, quorum_notes_edit_async, note, text, cancellable, callback,
            user_data);
}

gboolean
quorum_notes_edit_finish (QuorumNotes   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return op_finish (self, result, quorum_notes_edit_async, error);
}

/**
 * quorum_notes_delete:
 *
 * Removes @note's file and the note from the list.
 */
gboolean
quorum_notes_delete (QuorumNotes   *self,
                     QuorumNote    *note,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (QUORUM_IS_NOTES (self), FALSE);
  g_return_val_if_fail (QUORUM_IS_NOTE (note), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return op_sync (self, OP_DELETE, note, NULL, cancellable, error);
}

void
quorum_notes_delete_async (QuorumNotes         *self,
                           QuorumNote          *note,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (QUORUM_IS_NOTES (self));
  g_return_if_fail (QUORUM_IS_NOTE (note));

  op_async (self, OP_DELETE, quorum_notes_delete_async, note, NULL, cancellable, callback,
            user_data);
}

gboolean
quorum_notes_delete_finish (QuorumNotes   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return op_finish (self, result, quorum_notes_delete_async, error);
}
