/* quorum-meeting-links.c: what meetings name elsewhere in the store
 *
 * Once the whole store has loaded:
 *   - a meeting whose committee is not in the register is an error: the
 *     meeting is left out;
 *   - an action ref raised at two meetings is an error on the later one
 *     (by date, then id), which is left out;
 *   - a paper whose ref names nothing in the store is a problem on the
 *     meeting, which still loads, with the paper shown unlinked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-meeting-links.h"
#include <glib/gi18n-lib.h>
#include "quorum-budget-document.h"
#include "quorum-committee.h"
#include "quorum-meetings-private.h"
#include "quorum-problem.h"
#include "quorum-table.h"
#include "quorum-work-package.h"

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  return quorum_meeting_compare (*(QuorumMeeting **) a, *(QuorumMeeting **) b);
}

/* What papers and meetings name, by id: the committees, the documents
 * and the work packages (borrowed). */
typedef struct
{
  GHashTable *committees;
  GHashTable *documents;
  GHashTable *packages;
} Index;

typedef const char *(*GetId) (gpointer object);

/* OBJECTS by the id GET_ID gives; the first of an id wins, as a search
 * from the start would find it. */
static GHashTable *
index_by_id (GPtrArray *objects,
             GetId      get_id)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = objects != NULL ? objects->len : 0; i > 0; i--)
    g_hash_table_insert (index, (gpointer) get_id (g_ptr_array_index (objects, i - 1)),
                         g_ptr_array_index (objects, i - 1));
  return index;
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->committees, g_hash_table_unref);
  g_clear_pointer (&index->documents, g_hash_table_unref);
  g_clear_pointer (&index->packages, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Index, index_clear)

/* NULL when the paper's ref names something the store holds, else why not;
 * *@cause is the file of a document named that could not be loaded. */
static char *
paper_problem (QuorumPaper *paper,
               Index       *index,
               GHashTable  *broken,
               const char **cause)
{
  const char *id = quorum_paper_get_document (paper);
  const char *table_id = quorum_paper_get_table (paper);
  QuorumBudgetDocument *document;
  QuorumTable *table;

  if (quorum_paper_get_ref_kind (paper) == QUORUM_PAPER_REF_WORK_PACKAGE)
    {
      id = quorum_paper_get_work_package (paper);
      return g_hash_table_contains (index->packages, id)
             ? NULL : g_strdup_printf (_("no work package “%s” in the store"), id);
    }
  document = g_hash_table_lookup (index->documents, id);
  *cause = document == NULL && broken != NULL ? g_hash_table_lookup (broken, id) : NULL;
  if (*cause != NULL)
    return g_strdup_printf (_("budget document “%s” could not be loaded, so the paper is "
                              "not linked"), id);
  if (document == NULL)
    return g_strdup_printf (_("no budget document “%s” in the store"), id);
  if (table_id == NULL)
    return NULL;
  table = quorum_budget_document_find_table (document, table_id);
  if (table == NULL)
    return g_strdup_printf (_("no table “%s” in %s"), table_id, id);
  if (quorum_paper_get_row (paper) != NULL &&
      quorum_table_find_row (table, quorum_paper_get_row (paper)) == NULL)
    return g_strdup_printf (_("no row “%s” in table %s of %s"),
                            quorum_paper_get_row (paper), table_id, id);
  if (quorum_paper_get_column (paper) != NULL &&
      quorum_table_find_column (table, quorum_paper_get_column (paper)) == NULL)
    return g_strdup_printf (_("no column “%s” in table %s of %s"),
                            quorum_paper_get_column (paper), table_id, id);
  return NULL;
}

static void
link_papers (QuorumMeeting *meeting,
             Index         *index,
             GHashTable    *broken,
             GPtrArray     *problems)
{
  GListModel *items = quorum_meeting_get_items (meeting);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (items, i);
      GPtrArray *papers = _quorum_agenda_item_peek_papers (item);

      for (guint j = 0; papers != NULL && j < papers->len; j++)
        {
          QuorumPaper *paper = g_ptr_array_index (papers, j);
          g_autofree char *why = NULL;
          const char *path, *cause = NULL;
          guint line, column;

          if (quorum_paper_get_ref_kind (paper) == QUORUM_PAPER_REF_NONE)
            continue;
          why = paper_problem (paper, index, broken, &cause);
          _quorum_paper_set_linked (paper, why == NULL);
          if (why == NULL)
            continue;
          path = _quorum_paper_get_location (paper, &line, &column);
          if (problems != NULL && cause != NULL)
            g_ptr_array_add (problems,
                             quorum_problem_new_caused_by (quorum_meeting_get_file (meeting),
                                                           path, line, column, why, cause));
          else if (problems != NULL)
            g_ptr_array_add (problems,
                             quorum_problem_new (quorum_meeting_get_file (meeting), path, line,
                                                 column, why));
        }
    }
}

/* The first action of MEETING raised already at an earlier meeting, and
 * its index in the meeting's actions. */
static QuorumAction *
find_raised_twice (QuorumMeeting *meeting,
                   GHashTable    *raised,
                   guint         *index)
{
  GListModel *actions = quorum_meeting_get_actions (meeting);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(QuorumAction) action = g_list_model_get_item (actions, i);

      *index = i;
      if (g_hash_table_contains (raised, quorum_action_get_ref (action)))
        return action;
    }
  return NULL;
}

static void
add_problem (GPtrArray     *problems,
             QuorumMeeting *meeting,
             const char    *path,
             guint          line,
             guint          column,
             const char    *message)
{
  if (problems != NULL)
    g_ptr_array_add (problems, quorum_problem_new (quorum_meeting_get_file (meeting), path,
                                                   line, column, message));
}

/**
 * _quorum_meetings_link:
 * @meetings: (element-type QuorumMeeting): the meetings loaded; on return,
 *   the meetings kept, by date
 *
 * Checks what each meeting names in the rest of the store, and links its
 * papers.
 */
void
_quorum_meetings_link (GPtrArray *meetings,
                       GPtrArray *committees,
                       GPtrArray *documents,
                       GPtrArray *work_packages,
                       GPtrArray *problems)
{
  _quorum_meetings_link_full (meetings, committees, documents, work_packages, NULL, problems);
}

/**
 * _quorum_meetings_link_full:
 * @broken: (nullable): budget document id → the file of it that could not
 *   be loaded; a paper naming one has a problem caused by that file
 *
 * As _quorum_meetings_link().
 */
void
_quorum_meetings_link_full (GPtrArray  *meetings,
                            GPtrArray  *committees,
                            GPtrArray  *documents,
                            GPtrArray  *work_packages,
                            GHashTable *broken,
                            GPtrArray  *problems)
{
  g_autoptr(GHashTable) raised = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Index) ids = { 0 };
  guint i = 0;

  g_return_if_fail (meetings != NULL);

  ids.committees = index_by_id (committees, (GetId) quorum_committee_get_id);
  ids.documents = index_by_id (documents, (GetId) quorum_budget_document_get_id);
  ids.packages = index_by_id (work_packages, (GetId) quorum_work_package_get_id);
  g_ptr_array_sort (meetings, compare_meetings);
  while (i < meetings->len)
    {
      QuorumMeeting *meeting = g_ptr_array_index (meetings, i);
      QuorumAction *twice;
      g_autofree char *message = NULL;
      guint index = 0;
      GListModel *actions;

      if (!g_hash_table_contains (ids.committees, quorum_meeting_get_committee (meeting)))
        {
          message = g_strdup_printf (_("committee “%s” is not in the register"),
                                     quorum_meeting_get_committee (meeting));
          add_problem (problems, meeting, "$.committee", meeting->committee_line,
                       meeting->committee_column, message);
          g_ptr_array_remove_index (meetings, i);
          continue;
        }
      twice = find_raised_twice (meeting, raised, &index);
      if (twice != NULL)
        {
          g_autofree char *action_path = g_strdup_printf ("$.actions[%u].ref", index);
          guint line, column;

          _quorum_action_get_location (twice, &line, &column);
          message = g_strdup_printf (_("action %s was raised already, at %s"),
                                     quorum_action_get_ref (twice),
                                     (char *) g_hash_table_lookup (raised,
                                                                   quorum_action_get_ref (twice)));
          add_problem (problems, meeting, action_path, line, column, message);
          g_ptr_array_remove_index (meetings, i);
          continue;
        }
      actions = quorum_meeting_get_actions (meeting);
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(QuorumAction) action = g_list_model_get_item (actions, j);

          g_hash_table_insert (raised, (gpointer) quorum_action_get_ref (action),
                               (gpointer) quorum_meeting_get_id (meeting));
        }
      link_papers (meeting, &ids, broken, problems);
      i++;
    }
}
