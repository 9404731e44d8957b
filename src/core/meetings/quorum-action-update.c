/* quorum-action-update.c: progress on an action, reported at a meeting
 *
 * An update names an action by its ref, which may have been raised at this
 * meeting, an earlier one, or before the store's records begin. `index` is
 * its place in its meeting's `action_updates`, the tie-break between
 * updates reported at one meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-action-update.h"
#include "quorum-meetings-private.h"

struct _QuorumActionUpdate
{
  GObject parent_instance;

  char *ref;
  char *meeting;
  char *date;
  char *status;
  char *text;
  guint index;
};

G_DEFINE_FINAL_TYPE (QuorumActionUpdate, quorum_action_update, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_MEETING,
  PROP_DATE,
  PROP_STATUS,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_action_update_finalize (GObject *object)
{
  QuorumActionUpdate *self = (QuorumActionUpdate *) object;

  g_free (self->ref);
  g_free (self->meeting);
  g_free (self->date);
  g_free (self->status);
  g_free (self->text);

  G_OBJECT_CLASS (quorum_action_update_parent_class)->finalize (object);
}

static void
quorum_action_update_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumActionUpdate *self = QUORUM_ACTION_UPDATE (object);

  switch (prop_id)
    {
    case PROP_REF: g_value_set_string (value, self->ref); break;
    case PROP_MEETING: g_value_set_string (value, self->meeting); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_action_update_class_init (QuorumActionUpdateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_action_update_finalize;
  object_class->get_property = quorum_action_update_get_property;

  properties[PROP_REF] = g_param_spec_string ("ref", NULL, NULL, NULL, flags);
  properties[PROP_MEETING] = g_param_spec_string ("meeting", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_action_update_init (QuorumActionUpdate *self)
{
}

/* Takes ownership of ref, status and text. */
QuorumActionUpdate *
_quorum_action_update_new (char       *ref,
                           const char *meeting,
                           const char *date,
                           char       *status,
                           char       *text,
                           guint       index)
{
  QuorumActionUpdate *self = g_object_new (QUORUM_TYPE_ACTION_UPDATE, NULL);

  self->ref = ref;
  self->meeting = g_strdup (meeting);
  self->date = g_strdup (date);
  self->status = status;
  self->text = text;
  self->index = index;
  return self;
}

#define GETTER(field) \
  const char * \
  quorum_action_update_get_##field (QuorumActionUpdate *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_ACTION_UPDATE (self), NULL); \
    return self->field; \
  }

GETTER (ref)
GETTER (meeting)
GETTER (date)
GETTER (status)
GETTER (text)

guint
quorum_action_update_get_index (QuorumActionUpdate *self)
{
  g_return_val_if_fail (QUORUM_IS_ACTION_UPDATE (self), 0);
  return self->index;
}

/* Orders updates as the spec does: by meeting date, then meeting id (two
 * meetings on one day), then place in the file. */
int
_quorum_action_update_compare (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data)
{
  QuorumActionUpdate *x = (QuorumActionUpdate *) a;
  QuorumActionUpdate *y = (QuorumActionUpdate *) b;
  int c = g_strcmp0 (x->date, y->date);

  if (c == 0)
    c = g_strcmp0 (x->meeting, y->meeting);
  if (c == 0)
    c = (x->index > y->index) - (x->index < y->index);
  return c;
}
