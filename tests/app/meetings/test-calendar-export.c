/* test-calendar-export.c: Add to Calendar and Export Calendar…
 *
 * Exports without the file dialog (quorum_meeting_page_export_to(),
 * quorum_meetings_calendar_export_to()) and reads the file back with
 * libical: one meeting gives one VEVENT with its UID, the calendar gives
 * one for every meeting shown (the committee chosen) that is not
 * classified red, counted from the meeting files. Saving where no file can
 * be made (under /dev/null, which fails as root too) reports the error in
 * a dialog naming the file and writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <string.h>

#include "quorum-meeting-page.h"
#include "quorum-meetings-calendar.h"
#include "quorum-ui-test-util.h"
#include "meetings-test-util.h"

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Export;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Export *export = data;

  export->ok = quorum_meetings_export_finish (result, &export->error);
  export->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((Export *) data)->done;
}

/* The UIDs of @path's VEVENTs, parsed by libical. */
static GPtrArray *
read_uids (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);
  icalcomponent *calendar;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                   ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_ptr_array_add (uids, g_strdup (icalcomponent_get_uid (event)));
  icalcomponent_free (calendar);
  return uids;
}

/* Meeting ids from the files: of @committee (all when NULL), not red. */
static GPtrArray *
expected_ids (const char *committee)
{
  g_autofree char *dir = meetings_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      root = read_meeting_json (parser, name);
      if (committee != NULL &&
          g_strcmp0 (json_object_get_string_member (root, "committee"), committee) != 0)
        continue;
      if (g_strcmp0 (json_object_get_string_member_with_default (root, "classification",
                                                                 "white"), "red") == 0)
        continue;
      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (root, "id")));
    }
  return ids;
}

static void
assert_uids (GPtrArray *uids,
             GPtrArray *ids)
{
  g_assert_cmpuint (uids->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *uid = g_strdup_printf ("%s@%s", (char *) ids->pdata[i],
                                              QUORUM_CALENDAR_DEFAULT_HOST);

      g_assert_true (g_ptr_array_find_with_equal_func (uids, uid, g_str_equal, NULL));
    }
}

static QuorumStore *
load_store (void)
{
  g_autofree char *path = quorum_store_dup_sample_path ();
  QuorumStore *store = quorum_store_new (path);

  g_assert_true (quorum_store_load (store, NULL, NULL));
  quorum_action_log_set_today (quorum_store_get_action_log (store), TODAY);
  return store;
}

/* @view in a toast overlay, in a window. */
static GtkWindow *
host (GtkWidget *view)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  return show_in_window (overlay, "Export", 900, 700);
}

static void
test_one_meeting (void)
{
  g_autoptr(QuorumStore) store = load_store ();
  g_autofree char *dir = g_dir_make_tmp ("quorum-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "secp-39.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QuorumMeeting *meeting = quorum_store_find_meeting (store, "secp-39");
  GtkWidget *page = quorum_meeting_page_new ();
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Export export = { 0 };
  GtkWindow *window;

  g_assert_nonnull (meeting);
  quorum_meeting_page_set_committees (QUORUM_MEETING_PAGE (page),
                                      quorum_store_get_committees (store));
  quorum_meeting_page_set_action_log (QUORUM_MEETING_PAGE (page),
                                      quorum_store_get_action_log (store));
  quorum_meeting_page_set_meeting (QUORUM_MEETING_PAGE (page), meeting);
  window = host (page);
  g_assert_nonnull (quorum_test_find_named (GTK_WIDGET (window), "meeting-export"));

  quorum_meeting_page_export_to (QUORUM_MEETING_PAGE (page), file, exported_cb, &export);
  g_assert_true (quorum_test_wait_until (export_done, &export));
  g_assert_no_error (export.error);
  g_assert_true (export.ok);
  uids = read_uids (path);
  g_ptr_array_add (ids, g_strdup ("secp-39"));
  assert_uids (uids, ids);
  g_assert_true (quorum_test_wait_label (GTK_WIDGET (window), "Saved to secp-39.ics"));

  gtk_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
export_calendar (QuorumMeetingsCalendar *calendar,
                 const char             *path,
                 const char             *committee)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(GPtrArray) ids = expected_ids (committee);
  Export export = { 0 };

  quorum_meetings_calendar_set_committee (calendar, committee);
  quorum_meetings_calendar_export_to (calendar, file, exported_cb, &export);
  g_assert_true (quorum_test_wait_until (export_done, &export));
  g_assert_no_error (export.error);
  g_assert_true (export.ok);
  uids = read_uids (path);
  g_assert_cmpuint (ids->len, >, 0);
  assert_uids (uids, ids);
}

static void
test_all_meetings (void)
{
  g_autoptr(QuorumStore) store = load_store ();
  g_autofree char *dir = g_dir_make_tmp ("quorum-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "meetings.ics", NULL);
  GtkWidget *calendar = quorum_meetings_calendar_new ();
  g_autoptr(GListStore) none = g_list_store_new (QUORUM_TYPE_MEETING);
  GtkWidget *button;
  GtkWindow *window;

  quorum_meetings_calendar_set_today (QUORUM_MEETINGS_CALENDAR (calendar), TODAY);
  quorum_meetings_calendar_set_committees (QUORUM_MEETINGS_CALENDAR (calendar),
                                           quorum_store_get_committees (store));
  quorum_meetings_calendar_set_meetings (QUORUM_MEETINGS_CALENDAR (calendar),
                                         quorum_store_get_meetings (store));
  window = host (calendar);
  button = quorum_test_find_named (GTK_WIDGET (window), "calendar-export");
  g_assert_nonnull (button);

  export_calendar (QUORUM_MEETINGS_CALENDAR (calendar), path, NULL);
  g_assert_true (quorum_test_wait_label (GTK_WIDGET (window), "Saved to meetings.ics"));
  /* The committee filter: only its meetings, the file replaced. */
  export_calendar (QUORUM_MEETINGS_CALENDAR (calendar), path, "sec-panel");
  /* Nothing shown, nothing to export. */
  g_assert_true (gtk_widget_get_sensitive (button));
  quorum_meetings_calendar_set_meetings (QUORUM_MEETINGS_CALENDAR (calendar),
                                         G_LIST_MODEL (none));
  g_assert_false (gtk_widget_get_sensitive (button));

  gtk_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_error_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), "export-error") == 0)
        return window;
    }
  return NULL;
}

static gboolean
error_dialog_shown (gpointer data)
{
  return find_error_dialog () != NULL;
}

static void
test_unwritable (void)
{
  g_autoptr(QuorumStore) store = load_store ();
  /* Not a folder: no file can be made under it, as root either. */
  const char *path = "/dev/null/meetings.ics";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *calendar = quorum_meetings_calendar_new ();
  GtkWidget *dialog;
  GtkWindow *window;
  Export export = { 0 };

  quorum_meetings_calendar_set_meetings (QUORUM_MEETINGS_CALENDAR (calendar),
                                         quorum_store_get_meetings (store));
  window = host (calendar);
  quorum_meetings_calendar_export_to (QUORUM_MEETINGS_CALENDAR (calendar), file, exported_cb,
                                      &export);
  g_assert_true (quorum_test_wait_until (export_done, &export));
  g_assert_false (export.ok);
  g_assert_nonnull (export.error);
  g_test_message ("%s", export.error->message);
  g_assert_nonnull (strstr (export.error->message, "/dev/null"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (quorum_test_wait_until (error_dialog_shown, NULL));
  dialog = find_error_dialog ();
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            "meetings.ics"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   export.error->message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
  g_clear_error (&export.error);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/calendar-export/one-meeting", test_one_meeting);
  g_test_add_func ("/calendar-export/all-meetings", test_all_meetings);
  g_test_add_func ("/calendar-export/unwritable", test_unwritable);

  return g_test_run ();
}
