/* quorum-work-package.c: a quarterly work package and its decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-work-package.h"
#include <glib/gi18n-lib.h>
#include "quorum-load-context.h"

#include <string.h>

struct _QuorumWorkPackage
{
  GObject parent_instance;

  char *id;
  char *kind;
  char *quarter;
  char *title;
  char *committee;
  char *service_area;
  char *description;
  char *start;
  char *end;
  char *status;
  char *budget_document;
  char *budget_table;
  char *budget_row;
  gint64 estimate;
  GHashTable *estimate_days;   /* grade → gint64* hundredths */
  gboolean has_actual;
  gint64 actual;
  GHashTable *actual_days;
  char *reported;
  GListStore *decisions;       /* of QuorumDecision, oldest first */
  char *file;
};

G_DEFINE_FINAL_TYPE (QuorumWorkPackage, quorum_work_package, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_QUARTER,
  PROP_TITLE,
  PROP_COMMITTEE,
  PROP_STATUS,
  PROP_OUTCOME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = {
  "quarterly", "project-brief", "contingency-drawdown", NULL
};
static const char * const statuses[] = { "draft", "submitted", "withdrawn", "closed", NULL };
static const char * const classifications[] = { "white", "green", "amber", "red", NULL };

static void
quorum_work_package_finalize (GObject *object)
{
  QuorumWorkPackage *self = (QuorumWorkPackage *) object;

  g_free (self->id);
  g_free (self->kind);
  g_free (self->quarter);
  g_free (self->title);
  g_free (self->committee);
  g_free (self->service_area);
  g_free (self->description);
  g_free (self->start);
  g_free (self->end);
  g_free (self->status);
  g_free (self->budget_document);
  g_free (self->budget_table);
  g_free (self->budget_row);
  g_clear_pointer (&self->estimate_days, g_hash_table_unref);
  g_clear_pointer (&self->actual_days, g_hash_table_unref);
  g_free (self->reported);
  g_clear_object (&self->decisions);
  g_free (self->file);

  G_OBJECT_CLASS (quorum_work_package_parent_class)->finalize (object);
}

static void
quorum_work_package_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  QuorumWorkPackage *self = QUORUM_WORK_PACKAGE (object);
  QuorumDecision *latest;

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_QUARTER: g_value_set_string (value, self->quarter); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_COMMITTEE: g_value_set_string (value, self->committee); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_OUTCOME:
      latest = quorum_work_package_get_latest (self);
      g_value_set_string (value, latest ? quorum_decision_get_decision (latest) : NULL);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_work_package_class_init (QuorumWorkPackageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_work_package_finalize;
  object_class->get_property = quorum_work_package_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_QUARTER] = g_param_spec_string ("quarter", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_COMMITTEE] = g_param_spec_string ("committee", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL, flags | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_work_package_init (QuorumWorkPackage *self)
{
  self->decisions = g_list_store_new (QUORUM_TYPE_DECISION);
}

/**
 * quorum_quarter_is_valid:
 *
 * Returns: %TRUE for a quarter written like `2020/21 Q1`
 */
gboolean
quorum_quarter_is_valid (const char *text)
{
  g_autofree char *year = NULL;

  if (text == NULL || strlen (text) != 10 || text[7] != ' ' || text[8] != 'Q' ||
      text[9] < '1' || text[9] > '4')
    return FALSE;
  year = g_strndup (text, 7);
  return quorum_year_is_valid (year);
}

static GHashTable *
read_days (QuorumLoadContext *ctx,
           JsonNode          *parent,
           const char        *path)
{
  g_autofree char *days_path = quorum_path_member (path, "days");
  JsonNode *node = _quorum_ctx_member (ctx, parent, path, "days", FALSE);
  GHashTable *days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObjectIter iter;
  const char *grade;
  JsonNode *value;

  if (node == NULL || _quorum_ctx_object (ctx, node, days_path) == NULL)
    return days;

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &grade, &value))
    {
      g_autofree char *grade_path = quorum_path_member (days_path, grade);
      QuorumValue amount;

      if (_quorum_ctx_amount_node (ctx, value, grade_path, FALSE, &amount))
        {
          if (amount.amount < 0)
            _quorum_ctx_error (ctx, value, grade_path, _("days cannot be negative"));
          g_hash_table_insert (days, g_strdup (grade),
                               g_memdup2 (&amount.amount, sizeof (gint64)));
        }
    }
  return days;
}

static gboolean
read_cost (QuorumLoadContext *ctx,
           JsonNode          *parent,
           const char        *path,
           gint64            *cost)
{
  QuorumValue value;

  if (_quorum_ctx_member (ctx, parent, path, "cost", TRUE) == NULL)
    return FALSE;
  if (!_quorum_ctx_amount (ctx, parent, path, "cost", &value))
    return FALSE;
  *cost = value.amount;
  return TRUE;
}

/**
 * quorum_work_package_new_from_data:
 * @file: the file's path; its base name less `.json` must equal the id
 *
 * Returns: (transfer full) (nullable): the package, or %NULL with every
 *   problem appended to @problems
 */
QuorumWorkPackage *
quorum_work_package_new_from_data (const char *file,
                                   const char *data,
                                   gsize       length,
                                   GPtrArray  *problems)
{
  QuorumLoadContext ctx = { .file = file, .problems = problems };
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(QuorumWorkPackage) self = NULL;
  g_autofree char *classification = NULL;
  JsonNode *root, *ref, *estimate, *actual;

  g_return_val_if_fail (file != NULL, NULL);

  root = _quorum_ctx_open (&ctx, data, length, "quorum.work-package", 1, &tree);
  if (root == NULL)
    return NULL;

  self = g_object_new (QUORUM_TYPE_WORK_PACKAGE, NULL);
  self->file = g_strdup (file);
  _quorum_ctx_file_id (&ctx, root, &self->id);

  _quorum_ctx_member (&ctx, root, "$", "kind", TRUE);
  _quorum_ctx_enum (&ctx, root, "$", "kind", kinds, &self->kind);
  _quorum_ctx_string (&ctx, root, "$", "quarter", TRUE, &self->quarter);
  if (self->quarter != NULL && !quorum_quarter_is_valid (self->quarter))
    _quorum_ctx_error (&ctx, json_object_get_member (json_node_get_object (root), "quarter"),
                       "$.quarter", _("“%s” is not a quarter written like 2020/21 Q1"),
                       self->quarter);
  _quorum_ctx_string (&ctx, root, "$", "title", TRUE, &self->title);
  _quorum_ctx_id (&ctx, root, "$", "committee", FALSE, &self->committee);
  _quorum_ctx_string (&ctx, root, "$", "service_area", FALSE, &self->service_area);
  _quorum_ctx_string (&ctx, root, "$", "description", FALSE, &self->description);
  _quorum_ctx_date (&ctx, root, "$", "start", FALSE, &self->start);
  _quorum_ctx_date (&ctx, root, "$", "end", FALSE, &self->end);
  if (self->start != NULL && self->end != NULL && strcmp (self->end, self->start) < 0)
    _quorum_ctx_error (&ctx, json_object_get_member (json_node_get_object (root), "end"),
                       "$.end", _("the end %s is before the start %s"), self->end, self->start);
  _quorum_ctx_member (&ctx, root, "$", "status", TRUE);
  _quorum_ctx_enum (&ctx, root, "$", "status", statuses, &self->status);
  _quorum_ctx_enum (&ctx, root, "$", "classification", classifications, &classification);

  ref = _quorum_ctx_member (&ctx, root, "$", "budget_ref", FALSE);
  if (ref != NULL && _quorum_ctx_object (&ctx, ref, "$.budget_ref") != NULL)
    {
      _quorum_ctx_id (&ctx, ref, "$.budget_ref", "document", TRUE, &self->budget_document);
      _quorum_ctx_id (&ctx, ref, "$.budget_ref", "table", TRUE, &self->budget_table);
      _quorum_ctx_id (&ctx, ref, "$.budget_ref", "row", TRUE, &self->budget_row);
    }

  estimate = _quorum_ctx_member (&ctx, root, "$", "estimate", TRUE);
  if (estimate != NULL && _quorum_ctx_object (&ctx, estimate, "$.estimate") != NULL)
    {
      read_cost (&ctx, estimate, "$.estimate", &self->estimate);
      self->estimate_days = read_days (&ctx, estimate, "$.estimate");
    }

  actual = _quorum_ctx_member (&ctx, root, "$", "actual", FALSE);
  if (actual != NULL && _quorum_ctx_object (&ctx, actual, "$.actual") != NULL)
    {
      self->has_actual = read_cost (&ctx, actual, "$.actual", &self->actual);
      self->actual_days = read_days (&ctx, actual, "$.actual");
      _quorum_ctx_date (&ctx, actual, "$.actual", "reported", FALSE, &self->reported);
    }

  if (ctx.n_errors > 0)
    return NULL;
  return g_steal_pointer (&self);
}

#define GETTER(field) \
  const char * \
  quorum_work_package_get_##field (QuorumWorkPackage *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), NULL); \
    return self->field; \
  }

GETTER (id)
GETTER (kind)
GETTER (quarter)
GETTER (title)
GETTER (committee)
GETTER (status)

gint64
quorum_work_package_get_estimate (QuorumWorkPackage *self)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), 0);
  return self->estimate;
}

gboolean
quorum_work_package_get_actual (QuorumWorkPackage *self,
                                gint64            *cost)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), FALSE);

  if (self->has_actual && cost != NULL)
    *cost = self->actual;
  return self->has_actual;
}

/**
 * quorum_work_package_get_decisions:
 *
 * Returns: (transfer none): the decisions, oldest first
 */
GListModel *
quorum_work_package_get_decisions (QuorumWorkPackage *self)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), NULL);
  return G_LIST_MODEL (self->decisions);
}

/**
 * quorum_work_package_get_latest:
 *
 * Returns: (transfer none) (nullable): the latest decision, which is the
 *   package's outcome, or %NULL while it awaits one
 */
QuorumDecision *
quorum_work_package_get_latest (QuorumWorkPackage *self)
{
  guint n;
  g_autoptr(QuorumDecision) latest = NULL;

  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->decisions));
  if (n == 0)
    return NULL;
  latest = g_list_model_get_item (G_LIST_MODEL (self->decisions), n - 1);
  return latest;
}

static int
compare_decisions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return quorum_decision_compare ((QuorumDecision *) a, (QuorumDecision *) b);
}

void
quorum_work_package_add_decision (QuorumWorkPackage *self,
                                  QuorumDecision    *decision)
{
  g_return_if_fail (QUORUM_IS_WORK_PACKAGE (self));
  g_return_if_fail (QUORUM_IS_DECISION (decision));

  g_list_store_insert_sorted (self->decisions, decision, compare_decisions, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}
