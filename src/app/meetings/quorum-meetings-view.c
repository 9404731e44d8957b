/* quorum-meetings-view.c: the meetings: their calendar, a meeting's page, the forecast
 *
 * Two tabs. Calendar: the store's meetings, upcoming and past
 * (QuorumMeetingsCalendar); activating one opens its page
 * (QuorumMeetingPage) in a leaflet, with Back (Alt+Left, or a swipe) to
 * the calendar. Forecast: each document's meeting forecast
 * (QuorumForecastView), as before.
 *
 * A paper that names a budget table or a work package, and an action, are
 * opened by the window's actions (win.show-cell, win.show-work-package,
 * win.show-action), so this view needs to know nothing of the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-forecast-view.h"
#include "quorum-meeting-page.h"
#include "quorum-meetings-calendar.h"
#include "quorum-meetings-view.h"

struct _QuorumMeetingsView
{
  AdwBin parent_instance;

  /* template widgets */
  AdwViewStack *view_stack;
  AdwLeaflet *leaflet;
  QuorumMeetingsCalendar *calendar;
  QuorumMeetingPage *meeting_page;
  GtkWidget *page_box;
  QuorumForecastView *forecast;

  /* owned */
  QuorumStore *store;
  QuorumMeeting *shown;
  GBinding *today;                /* the log's today, on the calendar */
};

G_DEFINE_FINAL_TYPE (QuorumMeetingsView, quorum_meetings_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SHOWN_MEETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_page (QuorumMeetingsView *self,
           QuorumMeeting      *meeting)
{
  g_set_object (&self->shown, meeting);
  quorum_meeting_page_set_meeting (self->meeting_page, meeting);
  adw_view_stack_set_visible_child_name (self->view_stack, "calendar");
  adw_leaflet_set_visible_child (self->leaflet, self->page_box);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_MEETING]);
}

static void
meeting_activated_cb (QuorumMeetingsView *self,
                      QuorumMeeting      *meeting)
{
  show_page (self, meeting);
}

static void
back_cb (QuorumMeetingsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
open_paper_cb (QuorumMeetingsView *self,
               QuorumPaper        *paper)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (quorum_paper_get_ref_kind (paper) == QUORUM_PAPER_REF_WORK_PACKAGE)
    {
      gtk_widget_activate_action (widget, "win.show-work-package", "s",
                                  quorum_paper_get_work_package (paper));
      return;
    }
  gtk_widget_activate_action (widget, "win.show-paper", "(ssss)",
                              quorum_paper_get_document (paper),
                              quorum_paper_get_table (paper) != NULL
                                ? quorum_paper_get_table (paper) : "",
                              quorum_paper_get_row (paper) != NULL
                                ? quorum_paper_get_row (paper) : "",
                              quorum_paper_get_column (paper) != NULL
                                ? quorum_paper_get_column (paper) : "");
}

static void
action_activated_cb (QuorumMeetingsView *self,
                     const char         *ref)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-action", "s", ref);
}

static void
quorum_meetings_view_dispose (GObject *object)
{
  QuorumMeetingsView *self = QUORUM_MEETINGS_VIEW (object);

  quorum_meetings_view_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_MEETINGS_VIEW);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (quorum_meetings_view_parent_class)->dispose (object);
}

static void
quorum_meetings_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumMeetingsView *self = QUORUM_MEETINGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_SHOWN_MEETING:
      g_value_set_string (value, quorum_meetings_view_get_shown_meeting (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_meetings_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QuorumMeetingsView *self = QUORUM_MEETINGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: quorum_meetings_view_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_meetings_view_class_init (QuorumMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_meetings_view_dispose;
  object_class->get_property = quorum_meetings_view_get_property;
  object_class->set_property = quorum_meetings_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The id of the meeting whose page is shown: what Print prints. */
  properties[PROP_SHOWN_MEETING] =
    g_param_spec_string ("shown-meeting", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_MEETINGS_CALENDAR);
  g_type_ensure (QUORUM_TYPE_MEETING_PAGE);
  g_type_ensure (QUORUM_TYPE_FORECAST_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsView, calendar);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsView, meeting_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsView, page_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumMeetingsView, forecast);
  gtk_widget_class_bind_template_callback (widget_class, meeting_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_paper_cb);
  gtk_widget_class_bind_template_callback (widget_class, action_activated_cb);
}

static void
shown_changed_cb (QuorumMeetingsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_MEETING]);
}

static void
quorum_meetings_view_init (QuorumMeetingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (shown_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (shown_changed_cb), self, G_CONNECT_SWAPPED);
}

QuorumStore *
quorum_meetings_view_get_store (QuorumMeetingsView *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETINGS_VIEW (self), NULL);
  return self->store;
}

/**
 * quorum_meetings_view_set_store:
 * @store: (nullable): the store to show
 */
void
quorum_meetings_view_set_store (QuorumMeetingsView *self,
                                QuorumStore        *store)
{
  QuorumActionLog *log = NULL;
  GListModel *committees = NULL;

  g_return_if_fail (QUORUM_IS_MEETINGS_VIEW (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->today, g_binding_unbind);
  if (store != NULL)
    {
      log = quorum_store_get_action_log (store);
      committees = quorum_store_get_committees (store);
      self->today = g_object_bind_property (log, "today", self->calendar, "today",
                                            G_BINDING_SYNC_CREATE);
    }
  quorum_meetings_calendar_set_committees (self->calendar, committees);
  quorum_meetings_calendar_set_meetings (self->calendar,
                                         store != NULL ? quorum_store_get_meetings (store)
                                                       : NULL);
  quorum_meeting_page_set_committees (self->meeting_page, committees);
  quorum_meeting_page_set_action_log (self->meeting_page, log);
  /* A meeting shown from another store is shown no more. */
  if (self->shown != NULL &&
      (store == NULL || quorum_store_find_meeting (store,
                                                   quorum_meeting_get_id (self->shown)) == NULL))
    {
      g_clear_object (&self->shown);
      quorum_meeting_page_set_meeting (self->meeting_page, NULL);
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->calendar));
    }
  g_object_set (self->forecast, "store", store, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Shows the page of the meeting @meeting_id; FALSE where the store has none. */
gboolean
quorum_meetings_view_show_meeting (QuorumMeetingsView *self,
                                   const char         *meeting_id)
{
  QuorumMeeting *meeting;

  g_return_val_if_fail (QUORUM_IS_MEETINGS_VIEW (self), FALSE);
  g_return_val_if_fail (meeting_id != NULL, FALSE);

  meeting = self->store != NULL ? quorum_store_find_meeting (self->store, meeting_id) : NULL;
  if (meeting == NULL)
    return FALSE;
  show_page (self, meeting);
  return TRUE;
}

void
quorum_meetings_view_show_forecast (QuorumMeetingsView *self)
{
  g_return_if_fail (QUORUM_IS_MEETINGS_VIEW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, "forecast");
}

/* The id of the meeting whose page is shown, or NULL on the calendar. */
const char *
quorum_meetings_view_get_shown_meeting (QuorumMeetingsView *self)
{
  g_return_val_if_fail (QUORUM_IS_MEETINGS_VIEW (self), NULL);

  if (self->shown == NULL ||
      adw_leaflet_get_visible_child (self->leaflet) != self->page_box ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "calendar") != 0)
    return NULL;
  return quorum_meeting_get_id (self->shown);
}
