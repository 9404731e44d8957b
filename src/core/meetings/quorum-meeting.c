/* quorum-meeting.c: a meeting, its attendance, agenda, outcomes and actions
 *
 * A meeting of the Panel, the SECCo Board or a sub-committee, scheduled,
 * held or cancelled, with its minutes transcribed as the minutes print
 * them. Loading is in quorum-meeting-load.c; what a meeting names elsewhere
 * in the store is checked in quorum-meeting-links.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-meeting.h"
#include "quorum-meetings-private.h"

#include <string.h>

G_DEFINE_FINAL_TYPE (QuorumMeeting, quorum_meeting, G_TYPE_OBJECT)

/* @list as a model in *@store, made the first time it is asked for, on
 * any thread: most items' papers and outcomes, and most actions' updates,
 * are never shown, and a GListStore for each would be most of what they
 * cost to load. */
GListModel *
_quorum_meetings_list_model (GListStore **store,
                             GType        type,
                             GPtrArray   *list)
{
  GListStore *made = g_atomic_pointer_get (store);

  if (made != NULL)
    return G_LIST_MODEL (made);
  made = g_list_store_new (type);
  if (list != NULL)
    g_list_store_splice (made, 0, 0, list->pdata, list->len);
  if (!g_atomic_pointer_compare_and_exchange (store, NULL, made))
    g_object_unref (made);
  return G_LIST_MODEL (g_atomic_pointer_get (store));
}

const char * const _quorum_meeting_statuses[] = { "scheduled", "held", "cancelled", NULL };
const char * const _quorum_meeting_minutes_states[] = { "none", "draft", "final", NULL };
const char * const _quorum_meeting_classifications[] = {
  "white", "green", "amber", "red", NULL
};

enum {
  PROP_0,
  PROP_ID,
  PROP_COMMITTEE,
  PROP_NUMBER,
  PROP_REFERENCE,
  PROP_TITLE,
  PROP_DATE,
  PROP_START,
  PROP_END,
  PROP_VENUE,
  PROP_NOTE,
  PROP_STATUS,
  PROP_MINUTES,
  PROP_CLASSIFICATION,
  PROP_ATTENDANCE,
  PROP_ITEMS,
  PROP_ACTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_meeting_finalize (GObject *object)
{
  QuorumMeeting *self = (QuorumMeeting *) object;

  g_free (self->id);
  g_free (self->file);
  g_free (self->committee);
  g_free (self->reference);
  g_free (self->title);
  g_free (self->date);
  g_free (self->start);
  g_free (self->end);
  g_free (self->venue);
  g_free (self->note);
  g_free (self->status);
  g_free (self->minutes);
  g_free (self->classification);
  g_clear_object (&self->attendance);
  g_clear_object (&self->items);
  g_clear_object (&self->actions);
  g_clear_object (&self->action_updates);

  G_OBJECT_CLASS (quorum_meeting_parent_class)->finalize (object);
}

static void
quorum_meeting_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QuorumMeeting *self = QUORUM_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_COMMITTEE: g_value_set_string (value, self->committee); break;
    case PROP_NUMBER: g_value_set_int64 (value, self->number); break;
    case PROP_REFERENCE: g_value_set_string (value, self->reference); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_START: g_value_set_string (value, self->start); break;
    case PROP_END: g_value_set_string (value, self->end); break;
    case PROP_VENUE: g_value_set_string (value, self->venue); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_MINUTES: g_value_set_string (value, quorum_meeting_get_minutes (self)); break;
    case PROP_CLASSIFICATION:
      g_value_set_string (value, quorum_meeting_get_classification (self));
      break;
    case PROP_ATTENDANCE: g_value_set_object (value, self->attendance); break;
    case PROP_ITEMS: g_value_set_object (value, self->items); break;
    case PROP_ACTIONS: g_value_set_object (value, self->actions); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_meeting_class_init (QuorumMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_meeting_finalize;
  object_class->get_property = quorum_meeting_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_COMMITTEE] = g_param_spec_string ("committee", NULL, NULL, NULL, flags);
  properties[PROP_NUMBER] = g_param_spec_int64 ("number", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_string ("start", NULL, NULL, NULL, flags);
  properties[PROP_END] = g_param_spec_string ("end", NULL, NULL, NULL, flags);
  properties[PROP_VENUE] = g_param_spec_string ("venue", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_MINUTES] = g_param_spec_string ("minutes", NULL, NULL, NULL, flags);
  properties[PROP_CLASSIFICATION] = g_param_spec_string ("classification", NULL, NULL, NULL,
                                                         flags);
  properties[PROP_ATTENDANCE] = g_param_spec_object ("attendance", NULL, NULL,
                                                     G_TYPE_LIST_MODEL, flags);
  properties[PROP_ITEMS] = g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_ACTIONS] = g_param_spec_object ("actions", NULL, NULL, G_TYPE_LIST_MODEL,
                                                  flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_meeting_init (QuorumMeeting *self)
{
  self->attendance = g_list_store_new (QUORUM_TYPE_ATTENDEE);
  self->items = g_list_store_new (QUORUM_TYPE_AGENDA_ITEM);
  self->actions = g_list_store_new (QUORUM_TYPE_ACTION);
  self->action_updates = g_list_store_new (QUORUM_TYPE_ACTION_UPDATE);
}

#define GETTER(field) \
  const char * \
  quorum_meeting_get_##field (QuorumMeeting *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_MEETING (self), NULL); \
    return self->field; \
  }

GETTER (id)
GETTER (file)
GETTER (committee)
GETTER (reference)
GETTER (title)
GETTER (date)
GETTER (start)
GETTER (end)
GETTER (venue)
GETTER (note)
GETTER (status)

/* The meeting's number in its committee's series, or 0 where none is given. */
gint64
quorum_meeting_get_number (QuorumMeeting *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING (self), 0);
  return self->number;
}

/* none, draft or final; none unless stated. */
const char *
quorum_meeting_get_minutes (QuorumMeeting *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING (self), NULL);
  return self->minutes != NULL ? self->minutes : "none";
}

const char *
quorum_meeting_get_classification (QuorumMeeting *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING (self), NULL);
  return self->classification != NULL ? self->classification : "white";
}

/**
 * quorum_meeting_get_attendance:
 * Returns: (transfer none): a list model of #QuorumAttendee, as the minutes list them
 */
GListModel *
quorum_meeting_get_attendance (QuorumMeeting *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->attendance);
}

/**
 * quorum_meeting_get_items:
 * Returns: (transfer none): a list model of #QuorumAgendaItem, in the minutes' order
 */
GListModel *
quorum_meeting_get_items (QuorumMeeting *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * quorum_meeting_find_item:
 * Returns: (transfer none) (nullable): the agenda item numbered @number
 */
QuorumAgendaItem *
quorum_meeting_find_item (QuorumMeeting *self,
                          const char    *number)
{
  guint n;

  g_return_val_if_fail (QUORUM_IS_MEETING (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_str_equal (quorum_agenda_item_get_number (item), number))
        return item;
    }
  return NULL;
}

/**
 * quorum_meeting_get_actions:
 * Returns: (transfer none): a list model of the #QuorumAction raised at the meeting
 */
GListModel *
quorum_meeting_get_actions (QuorumMeeting *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->actions);
}

/**
 * quorum_meeting_get_action_updates:
 * Returns: (transfer none): a list model of the #QuorumActionUpdate reported at
 *   the meeting, in the file's order
 */
GListModel *
quorum_meeting_get_action_updates (QuorumMeeting *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->action_updates);
}

/* Meetings by date, then start time (a meeting with no time first), then id. */
int
quorum_meeting_compare (QuorumMeeting *a,
                        QuorumMeeting *b)
{
  int c;

  g_return_val_if_fail (QUORUM_IS_MEETING (a), 0);
  g_return_val_if_fail (QUORUM_IS_MEETING (b), 0);

  c = g_strcmp0 (a->date, b->date);
  if (c == 0)
    c = g_strcmp0 (a->start, b->start);
  if (c == 0)
    c = g_strcmp0 (a->id, b->id);
  return c;
}

/* HH:MM, 00:00 to 23:59. */
gboolean
quorum_time_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':')
    return FALSE;
  for (guint i = 0; i < 5; i++)
    if (i != 2 && !g_ascii_isdigit (text[i]))
      return FALSE;
  return (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] < '6';
}
