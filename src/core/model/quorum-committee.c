/* quorum-committee.c: one entry of the committee register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-model-private.h"

struct _QuorumCommittee
{
  GObject parent_instance;

  char *id;
  char *short_name;
  char *name;
  char *service_area;
  char *established;
  char *meets;
  char *note;
};

G_DEFINE_FINAL_TYPE (QuorumCommittee, quorum_committee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SHORT_NAME,
  PROP_NAME,
  PROP_SERVICE_AREA,
  PROP_ESTABLISHED,
  PROP_MEETS,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_committee_finalize (GObject *object)
{
  QuorumCommittee *self = (QuorumCommittee *) object;

  g_free (self->id);
  g_free (self->short_name);
  g_free (self->name);
  g_free (self->service_area);
  g_free (self->established);
  g_free (self->meets);
  g_free (self->note);

  G_OBJECT_CLASS (quorum_committee_parent_class)->finalize (object);
}

static void
quorum_committee_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QuorumCommittee *self = QUORUM_COMMITTEE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_SHORT_NAME: g_value_set_string (value, self->short_name); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SERVICE_AREA: g_value_set_string (value, self->service_area); break;
    case PROP_ESTABLISHED: g_value_set_string (value, self->established); break;
    case PROP_MEETS: g_value_set_string (value, self->meets); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_committee_class_init (QuorumCommitteeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_committee_finalize;
  object_class->get_property = quorum_committee_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_SHORT_NAME] = g_param_spec_string ("short-name", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE_AREA] = g_param_spec_string ("service-area", NULL, NULL, NULL, flags);
  properties[PROP_ESTABLISHED] = g_param_spec_string ("established", NULL, NULL, NULL, flags);
  properties[PROP_MEETS] = g_param_spec_string ("meets", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_committee_init (QuorumCommittee *self)
{
}

QuorumCommittee *
_quorum_committee_new (const char *id,
                       const char *short_name,
                       const char *name,
                       const char *service_area,
                       const char *established,
                       const char *meets,
                       const char *note)
{
  QuorumCommittee *self = g_object_new (QUORUM_TYPE_COMMITTEE, NULL);

  self->id = g_strdup (id);
  self->short_name = g_strdup (short_name ? short_name : id);
  self->name = g_strdup (name ? name : self->short_name);
  self->service_area = g_strdup (service_area);
  self->established = g_strdup (established);
  self->meets = g_strdup (meets);
  self->note = g_strdup (note);

  return self;
}

#define GETTER(field) \
  const char * \
  quorum_committee_get_##field (QuorumCommittee *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_COMMITTEE (self), NULL); \
    return self->field; \
  }

GETTER (id)
GETTER (short_name)
GETTER (name)
GETTER (service_area)
GETTER (established)
GETTER (meets)
GETTER (note)
