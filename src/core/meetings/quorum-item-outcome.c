/* quorum-item-outcome.c: what a meeting resolved on an agenda item
 *
 * The minutes print an outcome as a verb in capitals and the rest of the
 * sentence: "The SEC Panel NOTED the contents of this paper". The store
 * keeps the verb as `kind` and the rest as `text`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-item-outcome.h"
#include "quorum-meetings-private.h"

struct _QuorumItemOutcome
{
  GObject parent_instance;

  QuorumItemOutcomeKind kind;
  char *text;
  char *by;
};

G_DEFINE_FINAL_TYPE (QuorumItemOutcome, quorum_item_outcome, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_VERB,
  PROP_TEXT,
  PROP_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of QuorumItemOutcomeKind, as the store writes them. */
const char * const _quorum_item_outcome_kinds[] = {
  "noted", "agreed", "approved", "rejected", "deferred", "other", NULL
};

static const char * const verbs[] = {
  "NOTED", "AGREED", "APPROVED", "REJECTED", "DEFERRED", "",
};

static void
quorum_item_outcome_finalize (GObject *object)
{
  QuorumItemOutcome *self = (QuorumItemOutcome *) object;

  g_free (self->text);
  g_free (self->by);

  G_OBJECT_CLASS (quorum_item_outcome_parent_class)->finalize (object);
}

static void
quorum_item_outcome_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QuorumItemOutcome *self = QUORUM_ITEM_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_string (value, quorum_item_outcome_get_kind_name (self)); break;
    case PROP_VERB: g_value_set_string (value, quorum_item_outcome_get_verb (self)); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_BY: g_value_set_string (value, self->by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_item_outcome_class_init (QuorumItemOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_item_outcome_finalize;
  object_class->get_property = quorum_item_outcome_get_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_VERB] = g_param_spec_string ("verb", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_BY] = g_param_spec_string ("by", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_item_outcome_init (QuorumItemOutcome *self)
{
}

/* Takes ownership of TEXT and BY. */
QuorumItemOutcome *
_quorum_item_outcome_new (QuorumItemOutcomeKind  kind,
                          char                  *text,
                          char                  *by)
{
  QuorumItemOutcome *self = g_object_new (QUORUM_TYPE_ITEM_OUTCOME, NULL);

  self->kind = kind;
  self->text = text;
  self->by = by;
  return self;
}

QuorumItemOutcomeKind
quorum_item_outcome_get_kind (QuorumItemOutcome *self)
{
  g_return_val_if_fail (QUORUM_IS_ITEM_OUTCOME (self), QUORUM_ITEM_OUTCOME_KIND_OTHER);
  return self->kind;
}

/* "noted", "agreed"… as in the store. */
const char *
quorum_item_outcome_get_kind_name (QuorumItemOutcome *self)
{
  g_return_val_if_fail (QUORUM_IS_ITEM_OUTCOME (self), NULL);
  return quorum_item_outcome_kind_to_string (self->kind);
}

/* The minutes' verb, "NOTED"…; empty for "other". Not translated: it is the
 * document's word. */
const char *
quorum_item_outcome_get_verb (QuorumItemOutcome *self)
{
  g_return_val_if_fail (QUORUM_IS_ITEM_OUTCOME (self), NULL);
  return quorum_item_outcome_kind_verb (self->kind);
}

const char *
quorum_item_outcome_get_text (QuorumItemOutcome *self)
{
  g_return_val_if_fail (QUORUM_IS_ITEM_OUTCOME (self), NULL);
  return self->text;
}

const char *
quorum_item_outcome_get_by (QuorumItemOutcome *self)
{
  g_return_val_if_fail (QUORUM_IS_ITEM_OUTCOME (self), NULL);
  return self->by;
}

const char *
quorum_item_outcome_kind_to_string (QuorumItemOutcomeKind kind)
{
  g_return_val_if_fail (kind <= QUORUM_ITEM_OUTCOME_KIND_OTHER, NULL);
  return _quorum_item_outcome_kinds[kind];
}

const char *
quorum_item_outcome_kind_verb (QuorumItemOutcomeKind kind)
{
  g_return_val_if_fail (kind <= QUORUM_ITEM_OUTCOME_KIND_OTHER, NULL);
  return verbs[kind];
}
