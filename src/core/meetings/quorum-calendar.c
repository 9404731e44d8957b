/* quorum-calendar.c: meetings as iCalendar (RFC 5545), written with libical
 *
 * One VEVENT per meeting:
 *   - UID is MEETING-ID@HOST (the store's remote host, else quorum.local),
 *     so a calendar that imports the file twice updates the event rather
 *     than adding a second one;
 *   - DTSTART and DTEND are local times in Europe/London, with the zone's
 *     VTIMEZONE in the calendar; a meeting with a start and no end gets
 *     DTSTART alone; a meeting with no time is an all-day event
 *     (DTSTART;VALUE=DATE and DTEND the next day);
 *   - STATUS is CANCELLED for a cancelled meeting and CONFIRMED otherwise;
 *   - SUMMARY is the title, LOCATION the venue, CATEGORIES the committee's
 *     short name, DESCRIPTION the committee's name, the note and the agenda.
 * A meeting classified red is left out (the store format: a red item is
 * never exported); @n_left_out says how many were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-calendar.h"
#include <glib/gi18n-lib.h>
#include "quorum-committee.h"
#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-meeting.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static QuorumCommittee *
find_committee (GListModel *committees,
                const char *id)
{
  guint n = committees != NULL ? g_list_model_get_n_items (committees) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumCommittee) committee = g_list_model_get_item (committees, i);

      if (g_strcmp0 (quorum_committee_get_id (committee), id) == 0)
        return committee;
    }
  return NULL;
}

/* Europe/London's VTIMEZONE, its TZID the plain zone name. */
static icalcomponent *
london_vtimezone (icaltimezone **zone,
                  GError       **error)
{
  icalcomponent *vtimezone;
  icalproperty *tzid;

  *zone = icaltimezone_get_builtin_timezone (QUORUM_CALENDAR_TIMEZONE);
  if (*zone == NULL || icaltimezone_get_component (*zone) == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("the time zone %s is not known to libical (is tzdata installed?)"),
                   QUORUM_CALENDAR_TIMEZONE);
      return NULL;
    }
  vtimezone = icalcomponent_new_clone (icaltimezone_get_component (*zone));
  tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, QUORUM_CALENDAR_TIMEZONE);
  else
    icalcomponent_add_property (vtimezone, icalproperty_new_tzid (QUORUM_CALENDAR_TIMEZONE));
  return vtimezone;
}

static struct icaltimetype
local_time (const char *date,
            const char *time)
{
  g_autofree char *text = NULL;

  if (time == NULL)
    {
      struct icaltimetype day = icaltime_from_string (date);

      day.is_date = 1;
      return day;
    }
  text = g_strdup_printf ("%.4s%.2s%.2sT%.2s%.2s00", date, date + 5, date + 8, time, time + 3);
  return icaltime_from_string (text);
}

static icalproperty *
zoned (icalproperty *property)
{
  icalproperty_add_parameter (property, icalparameter_new_tzid (QUORUM_CALENDAR_TIMEZONE));
  return property;
}

static char *
description (QuorumMeeting   *meeting,
             QuorumCommittee *committee)
{
  GString *text = g_string_new (NULL);
  GListModel *items = quorum_meeting_get_items (meeting);

  if (committee != NULL)
    g_string_append (text, quorum_committee_get_name (committee));
  if (quorum_meeting_get_note (meeting) != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "",
                            quorum_meeting_get_note (meeting));
  if (g_list_model_get_n_items (items) > 0)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "", _("Agenda:"));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (items, i);

      g_string_append_printf (text, "\n%s. %s", quorum_agenda_item_get_number (item),
                              quorum_agenda_item_get_title (item));
    }
  return g_string_free (text, FALSE);
}

static icalcomponent *
meeting_event (QuorumMeeting   *meeting,
               QuorumCommittee *committee,
               const char      *host,
               struct icaltimetype stamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *uid = g_strdup_printf ("%s@%s", quorum_meeting_get_id (meeting), host);
  g_autofree char *text = description (meeting, committee);
  const char *date = quorum_meeting_get_date (meeting);
  const char *start = quorum_meeting_get_start (meeting);
  const char *end = quorum_meeting_get_end (meeting);
  gboolean cancelled = g_strcmp0 (quorum_meeting_get_status (meeting), "cancelled") == 0;

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  if (start != NULL)
    {
      icalcomponent_add_property (event, zoned (icalproperty_new_dtstart (local_time (date,
                                                                                       start))));
      if (end != NULL)
        icalcomponent_add_property (event, zoned (icalproperty_new_dtend (local_time (date,
                                                                                       end))));
    }
  else
    {
      struct icaltimetype next = local_time (date, NULL);

      icaltime_adjust (&next, 1, 0, 0, 0);
      icalcomponent_add_property (event, icalproperty_new_dtstart (local_time (date, NULL)));
      icalcomponent_add_property (event, icalproperty_new_dtend (next));
    }
  icalcomponent_add_property (event, icalproperty_new_summary (quorum_meeting_get_title (meeting)));
  if (quorum_meeting_get_venue (meeting) != NULL)
    icalcomponent_add_property (event,
                                icalproperty_new_location (quorum_meeting_get_venue (meeting)));
  if (committee != NULL)
    icalcomponent_add_property (event,
                                icalproperty_new_categories (quorum_committee_get_short_name (
                                                               committee)));
  if (*text != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (text));
  icalcomponent_add_property (event, icalproperty_new_status (cancelled
                                                              ? ICAL_STATUS_CANCELLED
                                                              : ICAL_STATUS_CONFIRMED));
  return event;
}

/**
 * quorum_calendar_export:
 * @meetings: a list model of #QuorumMeeting
 * @committees: (nullable): the register, for the committees' names
 * @host: (nullable): the UIDs' host, else %QUORUM_CALENDAR_DEFAULT_HOST
 * @n_left_out: (out) (optional): how many red meetings were left out
 *
 * Returns: (transfer full): the iCalendar text, with CRLF line ends
 */
char *
quorum_calendar_export (GListModel  *meetings,
                        GListModel  *committees,
                        const char  *host,
                        guint       *n_left_out,
                        GError     **error)
{
  g_autoptr(icalcomponent) calendar = NULL;
  icalcomponent *vtimezone;
  icaltimezone *zone = NULL;
  struct icaltimetype stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());
  guint left_out = 0;
  char *ical;
  char *text;

  g_return_val_if_fail (G_IS_LIST_MODEL (meetings), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  vtimezone = london_vtimezone (&zone, error);
  if (vtimezone == NULL)
    return NULL;
  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//SEC Panel//Quorum " QUORUM_VERSION
                                                           "//EN"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  (void *) 0);
  icalcomponent_add_component (calendar, vtimezone);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (meetings, i);

      if (g_str_equal (quorum_meeting_get_classification (meeting), "red"))
        {
          left_out++;
          continue;
        }
      icalcomponent_add_component (calendar,
                                   meeting_event (meeting,
                                                  find_committee (committees,
                                                                  quorum_meeting_get_committee (
                                                                    meeting)),
                                                  host != NULL ? host
                                                               : QUORUM_CALENDAR_DEFAULT_HOST,
                                                  stamp));
    }
  if (n_left_out != NULL)
    *n_left_out = left_out;
  ical = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (ical);
  free (ical);
  return text;
}

/**
 * quorum_calendar_write:
 * @meetings: a list model of #QuorumMeeting
 * @committees: (nullable): the register, for the committees' names
 * @host: (nullable): the UIDs' host, else %QUORUM_CALENDAR_DEFAULT_HOST
 * @path: the file to write (replaced if it exists)
 * @n_left_out: (out) (optional): how many red meetings were left out
 *
 * Writes quorum_calendar_export()'s text to @path crash-safely: a
 * temporary file beside it, synced, then renamed over it. On an error
 * @path is left as it was and the error names it.
 */
gboolean
quorum_calendar_write (GListModel  *meetings,
                       GListModel  *committees,
                       const char  *host,
                       const char  *path,
                       guint       *n_left_out,
                       GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (meetings), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = quorum_calendar_export (meetings, committees, host, n_left_out, error);
  return text != NULL && _quorum_file_replace (path, text, strlen (text), error);
}

typedef struct
{
  char *path;
  char *text;
  guint n_left_out;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->path);
  g_free (data->text);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (_quorum_file_replace (data->path, data->text, strlen (data->text), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * quorum_calendar_write_async:
 * @meetings: a list model of #QuorumMeeting
 * @committees: (nullable): the register, for the committees' names
 * @host: (nullable): the UIDs' host, else %QUORUM_CALENDAR_DEFAULT_HOST
 * @path: the file to write (replaced if it exists)
 *
 * quorum_calendar_write() with the writing on a worker thread: the text is
 * made here, from the meetings as they are now, and written there.
 */
void
quorum_calendar_write_async (GListModel          *meetings,
                             GListModel          *committees,
                             const char          *host,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  WriteData *data;

  g_return_if_fail (G_IS_LIST_MODEL (meetings));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, quorum_calendar_write_async);
  data = g_new0 (WriteData, 1);
  data->path = g_strdup (path);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  data->text = quorum_calendar_export (meetings, committees, host, &data->n_left_out, &error);
  if (data->text == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, write_thread);
}

/**
 * quorum_calendar_write_finish:
 * @n_left_out: (out) (optional): how many red meetings were left out
 *
 * Returns: whether the file was written
 */
gboolean
quorum_calendar_write_finish (GAsyncResult  *result,
                              guint         *n_left_out,
                              GError       **error)
{
  WriteData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_left_out != NULL)
    *n_left_out = data->n_left_out;
  return g_task_propagate_boolean (G_TASK (result), error);
}
