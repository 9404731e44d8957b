/* quorum-meetings-private.h: constructors and fields shared by the meetings
 * loader, the links to the rest of the store and the action log
 *
 * Private to the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-action.h"
#include "quorum-action-update.h"
#include "quorum-agenda-item.h"
#include "quorum-attendee.h"
#include "quorum-meeting.h"
#include "quorum-item-outcome.h"
#include "quorum-paper.h"

G_BEGIN_DECLS

/* Documented limits (docs/store-format.md, "Limits"). */
#define QUORUM_MAX_MEETING_ENTRIES 10000   /* attendees, items, actions or updates */

extern const char * const _quorum_meeting_statuses[];
extern const char * const _quorum_meeting_minutes_states[];
extern const char * const _quorum_meeting_classifications[];
extern const char * const _quorum_item_outcome_kinds[];
extern const char * const _quorum_attendee_roles[];
extern const char * const _quorum_attendee_presences[];
extern const char * const _quorum_action_statuses[];

struct _QuorumMeeting
{
  GObject parent_instance;

  char *id;
  char *file;
  char *committee;
  gint64 number;          /* 0: none */
  char *reference;
  char *title;
  char *date;
  char *start;
  char *end;
  char *venue;
  char *note;
  char *status;
  char *minutes;
  char *classification;
  guint committee_line, committee_column;
  GListStore *attendance;       /* of QuorumAttendee */
  GListStore *items;            /* of QuorumAgendaItem */
  GListStore *actions;          /* of QuorumAction raised here */
  GListStore *action_updates;   /* of QuorumActionUpdate reported here */
};

QuorumItemOutcome  *_quorum_item_outcome_new     (QuorumItemOutcomeKind kind,
                                                  char               *text,
                                                  char               *by);
QuorumPaper        *_quorum_paper_new            (char               *title,
                                                  QuorumPaperRefKind  ref_kind,
                                                  char               *document,
                                                  char               *table,
                                                  char               *row,
                                                  char               *column,
                                                  char               *work_package);
void                _quorum_paper_set_location   (QuorumPaper        *self,
                                                  guint               item_index,
                                                  guint               index,
                                                  guint               line,
                                                  guint               column);
const char         *_quorum_paper_get_location   (QuorumPaper        *self,
                                                  guint              *line,
                                                  guint              *column);
void                _quorum_paper_set_linked     (QuorumPaper        *self,
                                                  gboolean            linked);
QuorumAttendee     *_quorum_attendee_new         (char               *name,
                                                  char               *category,
                                                  char               *role,
                                                  char               *presence);
QuorumAgendaItem   *_quorum_agenda_item_new      (const char         *meeting,
                                                  char               *number,
                                                  char               *title,
                                                  char               *presenter,
                                                  char               *summary);
void                _quorum_agenda_item_set_lists (QuorumAgendaItem *self,
                                                   GPtrArray        *papers,
                                                   GPtrArray        *outcomes);
GPtrArray          *_quorum_agenda_item_peek_papers (QuorumAgendaItem *self);
QuorumActionUpdate *_quorum_action_update_new    (char               *ref,
                                                  const char         *meeting,
                                                  const char         *date,
                                                  char               *status,
                                                  char               *text,
                                                  guint               index);
int                 _quorum_action_update_compare (gconstpointer      a,
                                                   gconstpointer      b,
                                                   gpointer           user_data);
QuorumAction       *_quorum_action_new           (char               *ref,
                                                  const char         *meeting,
                                                  const char         *date,
                                                  const char         *committee,
                                                  char               *item,
                                                  char               *owner,
                                                  char               *text,
                                                  char               *due,
                                                  char               *status);
void                _quorum_action_set_location  (QuorumAction       *self,
                                                  guint               line,
                                                  guint               column);
void                _quorum_action_get_location  (QuorumAction       *self,
                                                  guint              *line,
                                                  guint              *column);
void                _quorum_action_set_updates   (QuorumAction       *self,
                                                  GPtrArray          *updates);
void                _quorum_action_set_today     (QuorumAction       *self,
                                                  const char         *today);
GListModel         *_quorum_meetings_list_model  (GListStore        **store,
                                                  GType               type,
                                                  GPtrArray          *list);
QuorumMeeting      *_quorum_meeting_read         (const char         *file,
                                                  const char         *data,
                                                  gsize               length);
QuorumMeeting      *_quorum_meeting_load_strict  (const char         *file,
                                                  const char         *data,
                                                  gsize               length,
                                                  GPtrArray          *problems);

G_END_DECLS
