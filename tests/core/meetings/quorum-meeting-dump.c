/* quorum-meeting-dump.c: a meeting as text, to compare two readings of a file
 *
 * Shared by test-meeting-read and the fuzz target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-meeting-dump.h"
#include "quorum-core.h"
#include "quorum-meetings-private.h"

static void
dump_string (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append_printf (out, "%s=%s%s%s\n", name, value != NULL ? "“" : "",
                          value != NULL ? value : "NULL", value != NULL ? "”" : "");
}

typedef const char *(*GetText) (gpointer object);
typedef void (*DumpFunc) (GString *out,
                          gpointer object);

/* A text an object holds, and how to get it. */
typedef struct
{
  const char *name;
  GetText get;
} Text;

static void
dump_texts (GString    *out,
            gpointer    object,
            const Text *texts,
            guint       n_texts)
{
  for (guint i = 0; i < n_texts; i++)
    dump_string (out, texts[i].name, texts[i].get (object));
}

/* Each object of LIST, numbered, as FUNC writes it. */
static void
dump_list (GString    *out,
           GListModel *list,
           DumpFunc    func)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);

      g_string_append_printf (out, "[%u] ", i);
      func (out, object);
    }
}

static const Text paper_texts[] = {
  { "title", (GetText) quorum_paper_get_title },
  { "document", (GetText) quorum_paper_get_document },
  { "table", (GetText) quorum_paper_get_table },
  { "row", (GetText) quorum_paper_get_row },
  { "column", (GetText) quorum_paper_get_column },
  { "work_package", (GetText) quorum_paper_get_work_package },
};

static void
dump_paper (GString *out,
            gpointer object)
{
  guint line = 0, column = 0;
  const char *path = _quorum_paper_get_location (object, &line, &column);

  g_string_append_printf (out, "paper kind=%d at %s %u:%u\n",
                          quorum_paper_get_ref_kind (object), path, line, column);
  dump_texts (out, object, paper_texts, G_N_ELEMENTS (paper_texts));
}

static const Text outcome_texts[] = {
  { "text", (GetText) quorum_item_outcome_get_text },
  { "by", (GetText) quorum_item_outcome_get_by },
};

static void
dump_outcome (GString *out,
              gpointer object)
{
  g_string_append_printf (out, "outcome kind=%d\n", quorum_item_outcome_get_kind (object));
  dump_texts (out, object, outcome_texts, G_N_ELEMENTS (outcome_texts));
}

static const Text item_texts[] = {
  { "meeting", (GetText) quorum_agenda_item_get_meeting },
  { "number", (GetText) quorum_agenda_item_get_number },
  { "title", (GetText) quorum_agenda_item_get_title },
  { "presenter", (GetText) quorum_agenda_item_get_presenter },
  { "summary", (GetText) quorum_agenda_item_get_summary },
};

static void
dump_item (GString *out,
           gpointer object)
{
  dump_texts (out, object, item_texts, G_N_ELEMENTS (item_texts));
  dump_list (out, quorum_agenda_item_get_papers (object), dump_paper);
  dump_list (out, quorum_agenda_item_get_outcomes (object), dump_outcome);
}

static const Text attendee_texts[] = {
  { "name", (GetText) quorum_attendee_get_name },
  { "category", (GetText) quorum_attendee_get_category },
  { "role", (GetText) quorum_attendee_get_role },
  { "presence", (GetText) quorum_attendee_get_presence },
};

static void
dump_attendee (GString *out,
               gpointer object)
{
  dump_texts (out, object, attendee_texts, G_N_ELEMENTS (attendee_texts));
}

static const Text action_texts[] = {
  { "ref", (GetText) quorum_action_get_ref },
  { "meeting", (GetText) quorum_action_get_meeting },
  { "date", (GetText) quorum_action_get_date },
  { "committee", (GetText) quorum_action_get_committee },
  { "item", (GetText) quorum_action_get_item },
  { "owner", (GetText) quorum_action_get_owner },
  { "text", (GetText) quorum_action_get_text },
  { "due", (GetText) quorum_action_get_due },
  { "status", (GetText) quorum_action_get_raised_status },
};

static void
dump_action (GString *out,
             gpointer object)
{
  guint line = 0, column = 0;

  _quorum_action_get_location (object, &line, &column);
  g_string_append_printf (out, "action at %u:%u\n", line, column);
  dump_texts (out, object, action_texts, G_N_ELEMENTS (action_texts));
}

static const Text update_texts[] = {
  { "ref", (GetText) quorum_action_update_get_ref },
  { "meeting", (GetText) quorum_action_update_get_meeting },
  { "date", (GetText) quorum_action_update_get_date },
  { "status", (GetText) quorum_action_update_get_status },
  { "text", (GetText) quorum_action_update_get_text },
};

static void
dump_update (GString *out,
             gpointer object)
{
  g_string_append_printf (out, "update index=%u\n", quorum_action_update_get_index (object));
  dump_texts (out, object, update_texts, G_N_ELEMENTS (update_texts));
}

/**
 * quorum_meeting_dump:
 *
 * Returns: (transfer full): all that @meeting holds, as text: every
 *   field, list and position, to compare two readings of a file
 */
char *
quorum_meeting_dump (QuorumMeeting *meeting)
{
  GString *out = g_string_new (NULL);

  dump_string (out, "id", meeting->id);
  dump_string (out, "file", meeting->file);
  dump_string (out, "committee", meeting->committee);
  g_string_append_printf (out, "committee at %u:%u\nnumber=%" G_GINT64_FORMAT "\n",
                          meeting->committee_line, meeting->committee_column, meeting->number);
  dump_string (out, "reference", meeting->reference);
  dump_string (out, "title", meeting->title);
  dump_string (out, "date", meeting->date);
  dump_string (out, "start", meeting->start);
  dump_string (out, "end", meeting->end);
  dump_string (out, "venue", meeting->venue);
  dump_string (out, "note", meeting->note);
  dump_string (out, "status", meeting->status);
  dump_string (out, "minutes", meeting->minutes);
  dump_string (out, "classification", meeting->classification);
  dump_list (out, quorum_meeting_get_attendance (meeting), dump_attendee);
  dump_list (out, quorum_meeting_get_items (meeting), dump_item);
  dump_list (out, quorum_meeting_get_actions (meeting), dump_action);
  dump_list (out, quorum_meeting_get_action_updates (meeting), dump_update);
  return g_string_free (out, FALSE);
}
