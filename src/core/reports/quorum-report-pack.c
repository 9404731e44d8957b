/* quorum-report-pack.c: a work package's report and a meeting's pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-report-builders-private.h"

#include <glib/gi18n.h>

#include "quorum-action-log.h"
#include "quorum-amount.h"
#include "quorum-agenda-item.h"
#include "quorum-decision.h"
#include "quorum-error.h"
#include "quorum-item-outcome.h"
#include "quorum-paper.h"
#include "quorum-pressure-line.h"

static void
add_amount (QuorumReport *report,
            const char   *key,
            gint64        amount)
{
  g_autofree char *text = _quorum_report_amount (amount);

  quorum_report_add_key_value (report, key, text);
}

static QuorumPressureLine *
find_pressure (GListModel        *lines,
               QuorumWorkPackage *work_package)
{
  const char *document, *table, *row, *column_ref, *column;

  if (!quorum_work_package_get_budget_ref (work_package, &document, &table, &row, &column_ref)
      || !quorum_work_package_get_budget_line (work_package, &column, NULL, NULL))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(QuorumPressureLine) line = g_list_model_get_item (lines, i);

      if (g_strcmp0 (quorum_pressure_line_get_document (line), document) == 0
          && g_strcmp0 (quorum_pressure_line_get_table (line), table) == 0
          && g_strcmp0 (quorum_pressure_line_get_row (line), row) == 0
          && g_strcmp0 (quorum_pressure_line_get_column (line), column) == 0)
        return g_steal_pointer (&line);
    }
  return NULL;
}

static void
add_pressure (QuorumReport       *report,
              QuorumStore        *store,
              QuorumWorkPackage  *work_package)
{
  g_autoptr(GListModel) lines = quorum_pressure_compute (quorum_store_get_documents (store),
                                                         quorum_store_get_work_packages (store));
  g_autoptr(QuorumPressureLine) line = find_pressure (lines, work_package);
  const char *headers[] = { _("Budget line"), _("Provision"), _("Committed"), _("Spent"),
                            _("Projected"), _("Remaining"), NULL };
  g_autofree char *provision = NULL, *committed = NULL, *spent = NULL;
  g_autofree char *projected = NULL, *remaining = NULL, *label = NULL;
  const char *cells[7];
  QuorumReportMark marks[6] = { 0 };

  if (line == NULL)
    return;
  provision = _quorum_report_amount (quorum_pressure_line_get_provision (line));
  committed = _quorum_report_amount (quorum_pressure_line_get_committed (line));
  spent = _quorum_report_amount (quorum_pressure_line_get_spent (line));
  projected = _quorum_report_amount (quorum_pressure_line_get_projected (line));
  remaining = _quorum_report_amount (quorum_pressure_line_get_remaining (line));
  label = g_strdup_printf ("%s (%s)", quorum_pressure_line_get_label (line),
                           quorum_pressure_line_get_over (line) ? _("over provision")
                                                                : _("within provision"));
  cells[0] = label;
  cells[1] = provision;
  cells[2] = committed;
  cells[3] = spent;
  cells[4] = projected;
  cells[5] = remaining;
  cells[6] = NULL;
  quorum_report_add_subheading (report, _("Budget pressure"));
  quorum_report_begin_table (report, headers, 0x3e);
  quorum_report_add_row (report, cells, marks, 0, QUORUM_REPORT_ROW_LINE);
}

static void
add_decisions (QuorumReport      *report,
               QuorumWorkPackage *work_package)
{
  GListModel *decisions = quorum_work_package_get_decisions (work_package);
  const char *headers[] = { _("When"), _("Decision"), _("By"), _("Role"), _("Comment"), NULL };

  quorum_report_add_subheading (report, _("Decision history"));
  if (decisions == NULL || g_list_model_get_n_items (decisions) == 0)
    {
      quorum_report_add_paragraph (report, _("No decision yet."));
      return;
    }
  quorum_report_begin_table (report, headers, 0);
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(QuorumDecision) decision = g_list_model_get_item (decisions, i);
      const char *cells[] = {
        quorum_decision_get_at (decision),
        quorum_decision_get_seal_state (decision) == QUORUM_SEAL_BROKEN
          ? _("(changed after it was written: not counted)")
          : quorum_decision_get_decision (decision),
        quorum_decision_get_by (decision),
        quorum_decision_get_role (decision) != NULL ? quorum_decision_get_role (decision) : "",
        quorum_decision_get_comment (decision) != NULL ? quorum_decision_get_comment (decision)
                                                       : "",
        NULL
      };

      quorum_report_add_row (report, cells, NULL, 0, QUORUM_REPORT_ROW_LINE);
    }
}

/**
 * _quorum_report_add_package:
 *
 * Adds a work package: its estimate, out-turn and variance, the budget line
 * it draws on and that line's pressure, and its decision history.
 */
void
_quorum_report_add_package (QuorumReport      *report,
                            QuorumStore       *store,
                            QuorumWorkPackage *work_package)
{
  const char *column, *label;
  gint64 actual, provision, variance, percent;

  quorum_report_add_heading (report, quorum_work_package_get_title (work_package));
  quorum_report_add_key_value (report, _("Work package"),
                               quorum_work_package_get_id (work_package));
  quorum_report_add_key_value (report, _("Committee"),
                               quorum_work_package_get_committee (work_package));
  quorum_report_add_key_value (report, _("Quarter"),
                               quorum_work_package_get_quarter (work_package));
  quorum_report_add_key_value (report, _("Outcome"), quorum_outcome_get_label (
                                 quorum_work_package_get_outcome (work_package)));
  add_amount (report, _("Estimate"), quorum_work_package_get_estimate (work_package));
  if (quorum_work_package_get_actual (work_package, &actual))
    add_amount (report, _("Out-turn"), actual);
  else
    quorum_report_add_key_value (report, _("Out-turn"), _("not reported"));
  if (quorum_work_package_get_variance (work_package, &variance, &percent))
    {
      g_autofree char *amount = _quorum_report_amount (variance);
      g_autofree char *number = quorum_amount_format_display (percent, "count");
      g_autofree char *text = g_strdup_printf ("%s (%s%s%%)", amount, percent > 0 ? "+" : "",
                                               number);

      quorum_report_add_key_value (report, _("Variance"), text);
    }
  if (quorum_work_package_get_budget_line (work_package, &column, &label, &provision))
    {
      quorum_report_add_key_value (report, _("Budget line"), label);
      add_amount (report, _("Provision"), provision);
    }
  else
    quorum_report_add_key_value (report, _("Budget line"),
                                 quorum_work_package_get_budget_problem (work_package));
  add_pressure (report, store, work_package);
  add_decisions (report, work_package);
}

/**
 * quorum_report_new_for_work_package:
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 *   (%QUORUM_ERROR_NOT_ALLOWED for a red package without allow_red)
 */
QuorumReport *
quorum_report_new_for_work_package (QuorumStore                *store,
                                    QuorumWorkPackage          *work_package,
                                    const QuorumReportOptions  *options,
                                    GError                    **error)
{
  static const QuorumReportOptions defaults = { 0 };
  g_autoptr(QuorumReport) report = NULL;
  const char *classification;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (work_package), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options = options != NULL ? options : &defaults;
  classification = quorum_work_package_get_classification (work_package);
  if (!_quorum_report_allow (classification, quorum_work_package_get_file (work_package),
                             options, error))
    return NULL;
  report = quorum_report_new (quorum_work_package_get_title (work_package), NULL,
                              classification, options->printed);
  _quorum_report_add_package (report, store, work_package);
  return g_steal_pointer (&report);
}

typedef struct
{
  QuorumReport *report;
  QuorumStore *store;
  QuorumMeeting *meeting;
  const QuorumReportOptions *options;
  gboolean *used;           /* per note: printed already */
} Pack;

/* The private notes on @target, next to it. */
static void
add_notes (Pack       *pack,
           const char *target)
{
  for (guint i = 0; i < pack->options->n_notes; i++)
    {
      const QuorumReportNote *note = &pack->options->notes[i];

      if (pack->used[i] || g_strcmp0 (note->target, target) != 0)
        continue;
      pack->used[i] = TRUE;
      quorum_report_add_key_value (pack->report, _("Private note"), note->text);
    }
}

static char *
outcomes_text (QuorumAgendaItem *item)
{
  GListModel *outcomes = quorum_agenda_item_get_outcomes (item);
  GString *text = g_string_new (NULL);

  for (guint i = 0; outcomes != NULL && i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(QuorumItemOutcome) outcome = g_list_model_get_item (outcomes, i);
      g_autofree char *verb = g_utf8_strup (quorum_item_outcome_get_verb (outcome), -1);

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, "%s %s", verb, quorum_item_outcome_get_text (outcome));
    }
  return g_string_free (text, FALSE);
}

static void
add_agenda (Pack *pack)
{
  GListModel *items = quorum_meeting_get_items (pack->meeting);
  const char *headers[] = { _("No."), _("Item"), _("Presenter"), _("Outcome"), NULL };
  g_autofree char *when = NULL;

  quorum_report_add_heading (pack->report, _("Agenda"));
  when = quorum_meeting_get_start (pack->meeting) != NULL
           ? g_strdup_printf ("%s %s", quorum_meeting_get_date (pack->meeting),
                              quorum_meeting_get_start (pack->meeting))
           : g_strdup (quorum_meeting_get_date (pack->meeting));
  quorum_report_add_key_value (pack->report, _("Date"), when);
  quorum_report_add_key_value (pack->report, _("Venue"), quorum_meeting_get_venue (pack->meeting));
  quorum_report_add_key_value (pack->report, _("Status"),
                               quorum_meeting_get_status (pack->meeting));
  add_notes (pack, quorum_meeting_get_id (pack->meeting));
  quorum_report_begin_table (pack->report, headers, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (items, i);
      g_autofree char *outcomes = outcomes_text (item);
      const char *presenter = quorum_agenda_item_get_presenter (item);
      const char *cells[] = { quorum_agenda_item_get_number (item),
                              quorum_agenda_item_get_title (item),
                              presenter != NULL ? presenter : "", outcomes, NULL };

      quorum_report_add_row (pack->report, cells, NULL, 0, QUORUM_REPORT_ROW_LINE);
    }
}

static gboolean
add_paper (Pack         *pack,
           QuorumPaper  *paper,
           GError      **error)
{
  QuorumReportOptions table_options = *pack->options;

  /* A pack prints linked tables as they are, without a variance. */
  table_options.variance_from = table_options.variance_to = NULL;
  quorum_report_add_subheading (pack->report, quorum_paper_get_title (paper));
  if (!quorum_paper_get_linked (paper))
    return TRUE;
  if (quorum_paper_get_ref_kind (paper) == QUORUM_PAPER_REF_DOCUMENT)
    {
      QuorumBudgetDocument *document =
        quorum_store_find_document (pack->store, quorum_paper_get_document (paper));
      GListModel *tables;

      if (document == NULL)
        return TRUE;
      tables = quorum_budget_document_get_tables (document);
      for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
        {
          g_autoptr(QuorumTable) table = g_list_model_get_item (tables, i);

          if (quorum_paper_get_table (paper) != NULL
              && g_strcmp0 (quorum_paper_get_table (paper), quorum_table_get_id (table)) != 0)
            continue;
          if (!_quorum_report_add_table (pack->report, document, table, &table_options, error))
            return FALSE;
        }
      add_notes (pack, quorum_budget_document_get_id (document));
    }
  else if (quorum_paper_get_ref_kind (paper) == QUORUM_PAPER_REF_WORK_PACKAGE)
    {
      QuorumWorkPackage *package =
        quorum_store_find_work_package (pack->store, quorum_paper_get_work_package (paper));

      if (package != NULL)
        {
          _quorum_report_add_package (pack->report, pack->store, package);
          add_notes (pack, quorum_work_package_get_id (package));
        }
    }
  return TRUE;
}

static gboolean
add_papers (Pack    *pack,
            GError **error)
{
  GListModel *items = quorum_meeting_get_items (pack->meeting);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (items, i);
      GListModel *papers = quorum_agenda_item_get_papers (item);
      g_autofree char *title = g_strdup_printf ("%s. %s", quorum_agenda_item_get_number (item),
                                                quorum_agenda_item_get_title (item));

      quorum_report_add_heading (pack->report, title);
      if (quorum_agenda_item_get_summary (item) != NULL)
        quorum_report_add_paragraph (pack->report, quorum_agenda_item_get_summary (item));
      add_notes (pack, quorum_agenda_item_get_number (item));
      for (guint j = 0; papers != NULL && j < g_list_model_get_n_items (papers); j++)
        {
          g_autoptr(QuorumPaper) paper = g_list_model_get_item (papers, j);

          if (!add_paper (pack, paper, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
add_actions (Pack *pack)
{
  GListModel *log = G_LIST_MODEL (quorum_store_get_action_log (pack->store));
  const char *committee = quorum_meeting_get_committee (pack->meeting);
  const char *headers[] = { _("Ref"), _("Raised"), _("Owner"), _("Action"), _("Due"), NULL };
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);

  quorum_report_add_heading (pack->report, _("Open actions"));
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(QuorumAction) action = g_list_model_get_item (log, i);

      if (quorum_action_get_open (action)
          && g_strcmp0 (quorum_action_get_committee (action), committee) == 0)
        g_ptr_array_add (open, g_steal_pointer (&action));
    }
  if (open->len == 0)
    {
      quorum_report_add_paragraph (pack->report, _("The committee has no open action."));
      return;
    }
  quorum_report_begin_table (pack->report, headers, 0);
  for (guint i = 0; i < open->len; i++)
    {
      QuorumAction *action = g_ptr_array_index (open, i);
      g_autofree char *due = quorum_action_get_due (action) == NULL ? g_strdup ("")
                             : quorum_action_get_overdue (action)
                             ? g_strdup_printf (_("%s (overdue)"), quorum_action_get_due (action))
                             : g_strdup (quorum_action_get_due (action));
      const char *cells[] = { quorum_action_get_ref (action),
                              quorum_action_get_date (action) != NULL
                                ? quorum_action_get_date (action) : "",
                              quorum_action_get_owner (action), quorum_action_get_text (action),
                              due, NULL };

      quorum_report_add_row (pack->report, cells, NULL, 0, QUORUM_REPORT_ROW_LINE);
    }
  for (guint i = 0; i < open->len; i++)
    add_notes (pack, quorum_action_get_ref (g_ptr_array_index (open, i)));
}

/* The pack's classification is the highest of the meeting's and its linked
 * papers'; a red one is refused without allow_red. */
static gboolean
check_classification (Pack    *pack,
                      GError **error)
{
  const char *highest = quorum_meeting_get_classification (pack->meeting);
  GListModel *items = quorum_meeting_get_items (pack->meeting);

  if (!_quorum_report_allow (highest, quorum_meeting_get_file (pack->meeting), pack->options,
                             error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (items, i);
      GListModel *papers = quorum_agenda_item_get_papers (item);

      for (guint j = 0; papers != NULL && j < g_list_model_get_n_items (papers); j++)
        {
          g_autoptr(QuorumPaper) paper = g_list_model_get_item (papers, j);
          QuorumBudgetDocument *document = NULL;
          QuorumWorkPackage *package = NULL;
          const char *level, *file;

          if (quorum_paper_get_ref_kind (paper) == QUORUM_PAPER_REF_DOCUMENT)
            document = quorum_store_find_document (pack->store, quorum_paper_get_document (paper));
          else if (quorum_paper_get_ref_kind (paper) == QUORUM_PAPER_REF_WORK_PACKAGE)
            package = quorum_store_find_work_package (pack->store,
                                                      quorum_paper_get_work_package (paper));
          if (document == NULL && package == NULL)
            continue;
          level = document ? quorum_budget_document_get_classification (document)
                           : quorum_work_package_get_classification (package);
          file = document ? quorum_budget_document_get_file (document)
                          : quorum_work_package_get_file (package);
          if (!_quorum_report_allow (level, file, pack->options, error))
            return FALSE;
          if (quorum_report_classification_rank (level)
              > quorum_report_classification_rank (highest))
            highest = level;
        }
    }
  quorum_report_set_classification (pack->report, highest);
  return TRUE;
}

/**
 * quorum_report_new_for_meeting:
 *
 * A meeting pack: the agenda (items, presenters, outcomes), then each item
 * with its papers (a linked budget table as a table, a linked work package
 * with its figures, budget pressure and decisions), then the committee's
 * open actions; with @options' notes, each private note next to what it is
 * on (a note on nothing the pack prints is left out).
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 *   (%QUORUM_ERROR_NOT_ALLOWED when the meeting or a linked paper is red and
 *   allow_red is not set)
 */
QuorumReport *
quorum_report_new_for_meeting (QuorumStore                *store,
                               QuorumMeeting              *meeting,
                               const QuorumReportOptions  *options,
                               GError                    **error)
{
  static const QuorumReportOptions defaults = { 0 };
  g_autoptr(QuorumReport) report = NULL;
  g_autofree gboolean *used = NULL;
  const char *title;
  Pack pack;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (QUORUM_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options = options != NULL ? options : &defaults;
  title = quorum_meeting_get_title (meeting) != NULL ? quorum_meeting_get_title (meeting)
                                                     : quorum_meeting_get_id (meeting);
  report = quorum_report_new (title, quorum_meeting_get_reference (meeting), NULL,
                              options->printed);
  used = g_new0 (gboolean, options->n_notes + 1);
  pack = (Pack) { report, store, meeting, options, used };
  if (!check_classification (&pack, error))
    return NULL;

  add_agenda (&pack);
  if (!add_papers (&pack, error))
    return NULL;
  add_actions (&pack);
  quorum_report_add_legend (report);
  return g_steal_pointer (&report);
}

/**
 * quorum_report_notes_for_meeting:
 * @notes: the store's private notes, loaded
 *
 * The notes a pack of @meeting can print, for its options: the notes on
 * documents, work packages and actions, and on this meeting or its agenda
 * items. The entries point into the notes, which must outlive the array.
 *
 * Returns: (transfer full) (element-type QuorumReportNote): the notes
 */
GArray *
quorum_report_notes_for_meeting (QuorumNotes   *notes,
                                 QuorumMeeting *meeting)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (QuorumReportNote));

  g_return_val_if_fail (QUORUM_IS_NOTES (notes), list);
  g_return_val_if_fail (QUORUM_IS_MEETING (meeting), list);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (notes)); i++)
    {
      g_autoptr(QuorumNote) note = g_list_model_get_item (G_LIST_MODEL (notes), i);
      QuorumReportNote entry = { NULL, quorum_note_get_label (note), quorum_note_get_text (note) };

      switch (quorum_note_get_target_kind (note))
        {
        case QUORUM_NOTE_TARGET_DOCUMENT:
          entry.target = quorum_note_get_document (note);
          break;
        case QUORUM_NOTE_TARGET_WORK_PACKAGE:
          entry.target = quorum_note_get_work_package (note);
          break;
        case QUORUM_NOTE_TARGET_MEETING:
          if (g_strcmp0 (quorum_note_get_meeting (note), quorum_meeting_get_id (meeting)) == 0)
            entry.target = quorum_note_get_item (note) != NULL ? quorum_note_get_item (note)
                                                               : quorum_note_get_meeting (note);
          break;
        case QUORUM_NOTE_TARGET_ACTION:
          entry.target = quorum_note_get_action (note);
          break;
        default:
          break;
        }
      if (entry.target != NULL)
        g_array_append_val (list, entry);
    }
  return list;
}
