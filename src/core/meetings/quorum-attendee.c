/* quorum-attendee.c: one line of a meeting's attendance
 *
 * `role` is member, alternate, observer, participant, secretary or
 * secretariat; `presence` is present, part (for part of the meeting) or
 * apologies. `category` is the constituency or organisation as the minutes
 * print it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-attendee.h"
#include "quorum-meetings-private.h"

struct _QuorumAttendee
{
  GObject parent_instance;

  char *name;
  char *category;
  char *role;
  char *presence;
};

G_DEFINE_FINAL_TYPE (QuorumAttendee, quorum_attendee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_ROLE,
  PROP_PRESENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char * const _quorum_attendee_roles[] = {
  "member", "alternate", "observer", "participant", "secretary", "secretariat", NULL
};

const char * const _quorum_attendee_presences[] = { "present", "part", "apologies", NULL };

static void
quorum_attendee_finalize (GObject *object)
{
  QuorumAttendee *self = (QuorumAttendee *) object;

  g_free (self->name);
  g_free (self->category);
  g_free (self->role);
  g_free (self->presence);

  G_OBJECT_CLASS (quorum_attendee_parent_class)->finalize (object);
}

static void
quorum_attendee_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QuorumAttendee *self = QUORUM_ATTENDEE (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_ROLE: g_value_set_string (value, self->role); break;
    case PROP_PRESENCE: g_value_set_string (value, self->presence); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_attendee_class_init (QuorumAttendeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_attendee_finalize;
  object_class->get_property = quorum_attendee_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_PRESENCE] = g_param_spec_string ("presence", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_attendee_init (QuorumAttendee *self)
{
}

/* Takes ownership of every string. */
QuorumAttendee *
_quorum_attendee_new (char *name,
                      char *category,
                      char *role,
                      char *presence)
{
  QuorumAttendee *self = g_object_new (QUORUM_TYPE_ATTENDEE, NULL);

  self->name = name;
  self->category = category;
  self->role = role;
  self->presence = presence;
  return self;
}

#define GETTER(field) \
  const char * \
  quorum_attendee_get_##field (QuorumAttendee *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_ATTENDEE (self), NULL); \
    return self->field; \
  }

GETTER (name)
GETTER (category)
GETTER (role)
GETTER (presence)
