/* quorum-notes-resolve.c: whether each note's target is still there, and its label
 *
 * A target is looked up by its ids in the store: a budget document, its
 * table, row and column; a work package; a meeting and its agenda item;
 * an action. The label names it as the views do ("SEC Panel Budget
 * 2020–2023 · Table 2: … · Projects · 2019/20 Approved Budget", "SEC
 * Panel Meeting 39 · item 6", "SECP39/07"); where a part is gone, the
 * label shows its id and the note is detached, never dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-notes.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <sys/stat.h>

#include "quorum-action-log.h"
#include "quorum-meeting.h"
#include "quorum-notes-private.h"

typedef struct
{
  QuorumStore *store;
  GListModel *meetings;          /* NULL: the store does not load meetings */
  GHashTable *meeting_index;     /* id → QuorumMeeting (borrowed) */
  QuorumActionLog *actions;
} Resolver;

/* Appends " · " and @part, or @id when the part was not found. */
static void
append_part (GString    *label,
             const char *part,
             const char *id)
{
  if (label->len > 0)
    g_string_append (label, " · ");
  g_string_append (label, part != NULL && part[0] != '\0' ? part : id);
}

static gboolean
resolve_document (Resolver   *resolver,
                  QuorumNote *note,
                  GString    *label)
{
  const char *table_id = quorum_note_get_table (note);
  const char *row_id = quorum_note_get_row (note);
  const char *column_id = quorum_note_get_column (note);
  QuorumBudgetDocument *document;
  QuorumTable *table = NULL;
  QuorumRow *row = NULL;
  QuorumColumn *column = NULL;
  gboolean found;

  document = quorum_store_find_document (resolver->store, quorum_note_get_document (note));
  if (document != NULL && table_id != NULL)
    table = quorum_budget_document_find_table (document, table_id);
  if (table != NULL && row_id != NULL)
    row = quorum_table_find_row (table, row_id);
  if (table != NULL && column_id != NULL)
    column = quorum_table_find_column (table, column_id);

  append_part (label, document ? quorum_budget_document_get_title (document) : NULL,
               quorum_note_get_document (note));
  if (table_id != NULL)
    append_part (label, table ? quorum_table_get_title (table) : NULL, table_id);
  if (row_id != NULL)
    append_part (label, row ? quorum_row_get_label (row) : NULL, row_id);
  if (column_id != NULL)
    append_part (label, column ? quorum_column_get_label (column) : NULL, column_id);

  found = document != NULL && (table_id == NULL || table != NULL) &&
          (row_id == NULL || row != NULL) && (column_id == NULL || column != NULL);
  return !found;
}

static gboolean
resolve_work_package (Resolver   *resolver,
                      QuorumNote *note,
                      GString    *label)
{
  const char *id = quorum_note_get_work_package (note);
  QuorumWorkPackage *package = quorum_store_find_work_package (resolver->store, id);

  append_part (label, package ? quorum_work_package_get_title (package) : NULL, id);
  return package == NULL;
}

/* Without the store's meetings: whether STORE/meetings/ID.json is there
 * (a symbolic link or a folder is not a meeting). */
static gboolean
meeting_file_exists (Resolver   *resolver,
                     const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (quorum_store_get_path (resolver->store), "meetings",
                                            name, NULL);
  GStatBuf st;

  return g_lstat (path, &st) == 0 && S_ISREG (st.st_mode);
}

static gboolean
resolve_meeting (Resolver   *resolver,
                 QuorumNote *note,
                 GString    *label)
{
  const char *id = quorum_note_get_meeting (note);
  const char *item_number = quorum_note_get_item (note);
  QuorumMeeting *meeting;
  g_autofree char *item_text = NULL;

  if (resolver->meetings == NULL)
    {
      append_part (label, NULL, id);
      if (item_number != NULL)
        {
          item_text = g_strdup_printf (_("item %s"), item_number);
          append_part (label, item_text, item_number);
        }
      return !meeting_file_exists (resolver, id);
    }

  meeting = g_hash_table_lookup (resolver->meeting_index, id);
  append_part (label, meeting ? quorum_meeting_get_title (meeting) : NULL, id);
  if (item_number == NULL)
    return meeting == NULL;
  item_text = g_strdup_printf (_("item %s"), item_number);
  append_part (label, item_text, item_number);
  return meeting == NULL || quorum_meeting_find_item (meeting, item_number) == NULL;
}

static gboolean
resolve_action (Resolver   *resolver,
                QuorumNote *note,
                GString    *label)
{
  const char *ref = quorum_note_get_action (note);

  append_part (label, NULL, ref);
  if (resolver->actions == NULL)
    return FALSE;   /* not known until the store loads its meetings */
  return quorum_action_log_find (resolver->actions, ref) == NULL;
}

/**
 * _quorum_notes_resolve_notes:
 * @notes: (element-type QuorumNote): the notes to resolve
 * @store: the loaded store: its budget documents and work packages
 * @meetings: (nullable) (element-type QuorumMeeting): see
 *   quorum_notes_resolve()
 *
 * Sets each note's label and whether it is detached.
 */
void
_quorum_notes_resolve_notes (GPtrArray   *notes,
                             QuorumStore *store,
                             GListModel  *meetings)
{
  g_autoptr(GHashTable) meeting_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(QuorumActionLog) actions = NULL;
  Resolver resolver = { store, meetings, meeting_index, NULL };

  if (meetings != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
        {
          g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (meetings, i);

          /* The list holds a reference: the index borrows it. */
          g_hash_table_insert (meeting_index, (gpointer) quorum_meeting_get_id (meeting),
                               meeting);
        }
      /* The store's own meetings have their action log already. */
      if (meetings == quorum_store_get_meetings (store))
        resolver.actions = quorum_store_get_action_log (store);
      else
        resolver.actions = actions = quorum_action_log_new (meetings);
    }

  for (guint i = 0; i < notes->len; i++)
    {
      QuorumNote *note = g_ptr_array_index (notes, i);
      g_autoptr(GString) label = g_string_new (NULL);
      gboolean detached = FALSE;

      switch (quorum_note_get_target_kind (note))
        {
        case QUORUM_NOTE_TARGET_DOCUMENT:
          detached = resolve_document (&resolver, note, label);
          break;
        case QUORUM_NOTE_TARGET_WORK_PACKAGE:
          detached = resolve_work_package (&resolver, note, label);
          break;
        case QUORUM_NOTE_TARGET_MEETING:
          detached = resolve_meeting (&resolver, note, label);
          break;
        case QUORUM_NOTE_TARGET_ACTION:
          detached = resolve_action (&resolver, note, label);
          break;
        default:
          g_assert_not_reached ();
        }
      _quorum_note_set_resolved (note, detached, label->str);
    }
}
