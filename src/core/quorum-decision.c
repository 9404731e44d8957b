/* quorum-decision.c: a Board decision on a work package (append-only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-decision.h"
#include <glib/gi18n-lib.h>
#include "quorum-load-context.h"

#include <string.h>

struct _QuorumDecision
{
  GObject parent_instance;

  char *id;
  char *work_package;
  char *decision;
  char *by;
  char *role;
  char *at;
  char *comment;
  char *file;
};

G_DEFINE_FINAL_TYPE (QuorumDecision, quorum_decision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WORK_PACKAGE,
  PROP_DECISION,
  PROP_BY,
  PROP_ROLE,
  PROP_AT,
  PROP_COMMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const decisions[] = { "approve", "reject", "defer", NULL };

static void
quorum_decision_finalize (GObject *object)
{
  QuorumDecision *self = (QuorumDecision *) object;

  g_free (self->id);
  g_free (self->work_package);
  g_free (self->decision);
  g_free (self->by);
  g_free (self->role);
  g_free (self->at);
  g_free (self->comment);
  g_free (self->file);

  G_OBJECT_CLASS (quorum_decision_parent_class)->finalize (object);
}

static void
quorum_decision_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QuorumDecision *self = QUORUM_DECISION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_WORK_PACKAGE: g_value_set_string (value, self->work_package); break;
    case PROP_DECISION: g_value_set_string (value, self->decision); break;
    case PROP_BY: g_value_set_string (value, self->by); break;
    case PROP_ROLE: g_value_set_string (value, self->role); break;
    case PROP_AT: g_value_set_string (value, self->at); break;
    case PROP_COMMENT: g_value_set_string (value, self->comment); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_decision_class_init (QuorumDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_decision_finalize;
  object_class->get_property = quorum_decision_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_WORK_PACKAGE] = g_param_spec_string ("work-package", NULL, NULL, NULL, flags);
  properties[PROP_DECISION] = g_param_spec_string ("decision", NULL, NULL, NULL, flags);
  properties[PROP_BY] = g_param_spec_string ("by", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_AT] = g_param_spec_string ("at", NULL, NULL, NULL, flags);
  properties[PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_decision_init (QuorumDecision *self)
{
}

/**
 * quorum_timestamp_is_valid:
 *
 * Returns: %TRUE for an RFC 3339 timestamp in UTC, `2020-03-12T10:31:00Z`
 *   (fractions of a second allowed)
 */
gboolean
quorum_timestamp_is_valid (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  gsize len;

  if (text == NULL || (len = strlen (text)) < 20 || text[len - 1] != 'Z' || text[10] != 'T')
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

/**
 * quorum_decision_new_from_data:
 * @file: the file's path; its base name less `.json` must equal the id
 * @work_package_id: the folder the file is in, which the decision must name
 *
 * Returns: (transfer full) (nullable): the decision, or %NULL with every
 *   problem appended to @problems
 */
QuorumDecision *
quorum_decision_new_from_data (const char *file,
                               const char *work_package_id,
                               const char *data,
                               gsize       length,
                               GPtrArray  *problems)
{
  QuorumLoadContext ctx = { .file = file, .problems = problems };
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(QuorumDecision) self = NULL;
  JsonNode *root;

  g_return_val_if_fail (file != NULL, NULL);

  root = _quorum_ctx_open (&ctx, data, length, "quorum.decision", 1, &tree);
  if (root == NULL)
    return NULL;

  self = g_object_new (QUORUM_TYPE_DECISION, NULL);
  self->file = g_strdup (file);
  _quorum_ctx_file_id (&ctx, root, &self->id);
  if (_quorum_ctx_id (&ctx, root, "$", "work_package", TRUE, &self->work_package) &&
      self->work_package != NULL && work_package_id != NULL &&
      !g_str_equal (self->work_package, work_package_id))
    _quorum_ctx_error (&ctx, json_object_get_member (json_node_get_object (root), "work_package"),
                       "$.work_package",
                       _("the decision names “%s” but is filed under decisions/%s/"),
                       self->work_package, work_package_id);

  _quorum_ctx_member (&ctx, root, "$", "decision", TRUE);
  _quorum_ctx_enum (&ctx, root, "$", "decision", decisions, &self->decision);
  _quorum_ctx_string (&ctx, root, "$", "by", TRUE, &self->by);
  if (self->by != NULL && g_strstrip (self->by)[0] == '\0')
    _quorum_ctx_error (&ctx, json_object_get_member (json_node_get_object (root), "by"), "$.by",
                       _("who decided must be named"));
  _quorum_ctx_string (&ctx, root, "$", "role", FALSE, &self->role);
  _quorum_ctx_string (&ctx, root, "$", "at", TRUE, &self->at);
  if (self->at != NULL && !quorum_timestamp_is_valid (self->at))
    _quorum_ctx_error (&ctx, json_object_get_member (json_node_get_object (root), "at"), "$.at",
                       _("“%s” is not an RFC 3339 timestamp in UTC like 2020-03-12T10:31:00Z"),
                       self->at);
  _quorum_ctx_string (&ctx, root, "$", "comment", FALSE, &self->comment);

  if (ctx.n_errors > 0)
    return NULL;
  return g_steal_pointer (&self);
}

#define GETTER(field) \
  const char * \
  quorum_decision_get_##field (QuorumDecision *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_DECISION (self), NULL); \
    return self->field; \
  }

GETTER (id)
GETTER (work_package)
GETTER (decision)
GETTER (by)
GETTER (role)
GETTER (at)
GETTER (comment)
GETTER (file)

/**
 * quorum_decision_compare:
 *
 * Orders decisions by time, then by id, so two decisions with the same
 * timestamp still have one, deterministic, latest.
 */
int
quorum_decision_compare (QuorumDecision *a,
                         QuorumDecision *b)
{
  g_autoptr(GDateTime) ta = g_date_time_new_from_iso8601 (a->at, NULL);
  g_autoptr(GDateTime) tb = g_date_time_new_from_iso8601 (b->at, NULL);
  int order = g_date_time_compare (ta, tb);

  return order != 0 ? order : strcmp (a->id, b->id);
}
