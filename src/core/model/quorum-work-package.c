/* quorum-work-package.c: a quarterly work package and its decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-work-package.h"
#include <glib/gi18n-lib.h>
#include "quorum-amount.h"
#include "quorum-error.h"
#include "quorum-load-context.h"

#include <stdlib.h>
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
  char *budget_ref_column;
  gint64 estimate;
  GHashTable *estimate_days;   /* grade → gint64* hundredths */
  gboolean has_actual;
  gint64 actual;
  GHashTable *actual_days;
  char *reported;
  GPtrArray *grades;           /* estimate's grades in file order, then the actual's */
  char *classification;
  char *budget_column;         /* resolved by the store */
  char *budget_label;
  gboolean has_provision;
  gint64 provision;
  char *budget_problem;
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
  PROP_ESTIMATE,
  PROP_HAS_ACTUAL,
  PROP_ACTUAL,
  PROP_VARIANCE_PERCENT,
  PROP_OUTCOME_VALUE,
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
  g_free (self->budget_ref_column);
  g_clear_pointer (&self->estimate_days, g_hash_table_unref);
  g_clear_pointer (&self->actual_days, g_hash_table_unref);
  g_free (self->reported);
  g_clear_pointer (&self->grades, g_ptr_array_unref);
  g_free (self->classification);
  g_free (self->budget_column);
  g_free (self->budget_label);
  g_free (self->budget_problem);
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
  gint64 number = 0;

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
    case PROP_ESTIMATE: g_value_set_int64 (value, self->estimate); break;
    case PROP_HAS_ACTUAL: g_value_set_boolean (value, self->has_actual); break;
    case PROP_ACTUAL: g_value_set_int64 (value, self->has_actual ? self->actual : 0); break;
    case PROP_VARIANCE_PERCENT:
      quorum_work_package_get_variance (self, NULL, &number);
      g_value_set_int64 (value, number);
      break;
    case PROP_OUTCOME_VALUE:
      g_value_set_int (value, quorum_work_package_get_outcome (self));
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
  /* Read-only views of the accessors, for expressions (sorters, list cells). */
  properties[PROP_ESTIMATE] =
    g_param_spec_int64 ("estimate", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_HAS_ACTUAL] = g_param_spec_boolean ("has-actual", NULL, NULL, FALSE, flags);
  /* 0 while none is reported */
  properties[PROP_ACTUAL] =
    g_param_spec_int64 ("actual", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  /* quorum_work_package_get_variance()'s percentage; 0 while no out-turn is reported */
  properties[PROP_VARIANCE_PERCENT] =
    g_param_spec_int64 ("variance-percent", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  /* quorum_work_package_get_outcome() as a QuorumOutcome number; notified with :outcome */
  properties[PROP_OUTCOME_VALUE] =
    g_param_spec_int ("outcome-value", NULL, NULL, QUORUM_OUTCOME_AWAITING,
                      QUORUM_OUTCOME_DEFERRED, QUORUM_OUTCOME_AWAITING,
                      flags | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_work_package_init (QuorumWorkPackage *self)
{
  self->decisions = g_list_store_new (QUORUM_TYPE_DECISION);
  self->grades = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->grades, NULL);
}

static void
add_grades (QuorumWorkPackage *self,
            GHashTable        *days,
            JsonNode          *object_node)
{
  JsonObjectIter iter;
  const char *grade;
  JsonNode *value;

  if (days == NULL || object_node == NULL || !JSON_NODE_HOLDS_OBJECT (object_node))
    return;
  json_object_iter_init_ordered (&iter, json_node_get_object (object_node));
  while (json_object_iter_next_ordered (&iter, &grade, &value))
    {
      gboolean known = FALSE;

      for (guint i = 0; i + 1 < self->grades->len; i++)
        known = known || g_str_equal (g_ptr_array_index (self->grades, i), grade);
      if (!known && g_hash_table_contains (days, grade))
        g_ptr_array_insert (self->grades, self->grades->len - 1, g_strdup (grade));
    }
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
  if (g_strcmp0 (self->kind, "quarterly") == 0 && quorum_quarter_is_valid (self->quarter))
    {
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      JsonObject *object = json_node_get_object (root);

      quorum_quarter_get_dates (self->quarter, &first, &last);
      if (self->start != NULL && strcmp (self->start, first) < 0)
        _quorum_ctx_error (&ctx, json_object_get_member (object, "start"), "$.start",
                           _("the start %s is before its quarter, %s (%s to %s)"),
                           self->start, self->quarter, first, last);
      if (self->end != NULL && strcmp (self->end, last) > 0)
        _quorum_ctx_error (&ctx, json_object_get_member (object, "end"), "$.end",
                           _("the end %s is after its quarter, %s (%s to %s)"),
                           self->end, self->quarter, first, last);
    }
  _quorum_ctx_member (&ctx, root, "$", "status", TRUE);
  _quorum_ctx_enum (&ctx, root, "$", "status", statuses, &self->status);
  _quorum_ctx_enum (&ctx, root, "$", "classification", classifications,
                   &self->classification);

  ref = _quorum_ctx_member (&ctx, root, "$", "budget_ref", FALSE);
  if (ref != NULL && _quorum_ctx_object (&ctx, ref, "$.budget_ref") != NULL)
    {
      _quorum_ctx_id (&ctx, ref, "$.budget_ref", "document", TRUE, &self->budget_document);
      _quorum_ctx_id (&ctx, ref, "$.budget_ref", "table", TRUE, &self->budget_table);
      _quorum_ctx_id (&ctx, ref, "$.budget_ref", "row", TRUE, &self->budget_row);
      _quorum_ctx_id (&ctx, ref, "$.budget_ref", "column", FALSE, &self->budget_ref_column);
    }

  estimate = _quorum_ctx_member (&ctx, root, "$", "estimate", TRUE);
  if (estimate != NULL && _quorum_ctx_object (&ctx, estimate, "$.estimate") != NULL)
    {
      read_cost (&ctx, estimate, "$.estimate", &self->estimate);
      self->estimate_days = read_days (&ctx, estimate, "$.estimate");
      add_grades (self, self->estimate_days,
                  json_object_get_member (json_node_get_object (estimate), "days"));
    }

  actual = _quorum_ctx_member (&ctx, root, "$", "actual", FALSE);
  if (actual != NULL && _quorum_ctx_object (&ctx, actual, "$.actual") != NULL)
    {
      self->has_actual = read_cost (&ctx, actual, "$.actual", &self->actual);
      self->actual_days = read_days (&ctx, actual, "$.actual");
      add_grades (self, self->actual_days,
                  json_object_get_member (json_node_get_object (actual), "days"));
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
GETTER (file)
GETTER (service_area)
GETTER (description)
GETTER (start)
GETTER (end)
GETTER (reported)
GETTER (budget_problem)

const char *
quorum_work_package_get_classification (QuorumWorkPackage *self)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), NULL);
  return self->classification != NULL ? self->classification : "white";
}

/**
 * quorum_work_package_get_grades:
 *
 * Returns: (transfer none): the grades with days in the estimate or the
 *   out-turn, in the order the file lists them
 */
const char * const *
quorum_work_package_get_grades (QuorumWorkPackage *self)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), NULL);
  return (const char * const *) self->grades->pdata;
}

static gboolean
lookup_days (GHashTable *days,
             const char *grade,
             gint64     *out)
{
  gint64 *value;

  if (days == NULL || grade == NULL || (value = g_hash_table_lookup (days, grade)) == NULL)
    return FALSE;
  if (out != NULL)
    *out = *value;
  return TRUE;
}

/**
 * quorum_work_package_get_estimate_days:
 * @days: (out) (optional): hundredths of a day
 *
 * Returns: %TRUE if the estimate states days for @grade
 */
gboolean
quorum_work_package_get_estimate_days (QuorumWorkPackage *self,
                                       const char        *grade,
                                       gint64            *days)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), FALSE);
  return lookup_days (self->estimate_days, grade, days);
}

/**
 * quorum_work_package_get_actual_days:
 * @days: (out) (optional): hundredths of a day
 *
 * Returns: %TRUE if the out-turn states days for @grade
 */
gboolean
quorum_work_package_get_actual_days (QuorumWorkPackage *self,
                                     const char        *grade,
                                     gint64            *days)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), FALSE);
  return self->has_actual && lookup_days (self->actual_days, grade, days);
}

/**
 * quorum_work_package_get_variance:
 * @amount: (out) (optional): out-turn − estimate, in hundredths
 * @percent_hundredths: (out) (optional): that as a percentage of the
 *   estimate, in hundredths of a percent rounded half away from zero; 0
 *   when the estimate is 0
 *
 * Returns: %TRUE if the out-turn has been reported
 */
gboolean
quorum_work_package_get_variance (QuorumWorkPackage *self,
                                  gint64            *amount,
                                  gint64            *percent_hundredths)
{
  gint64 difference;

  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), FALSE);

  if (!self->has_actual)
    return FALSE;
  /* Both are below 10^15 hundredths, so neither this nor the product below overflows. */
  difference = self->actual - self->estimate;
  if (amount != NULL)
    *amount = difference;
  if (percent_hundredths != NULL)
    {
      if (!quorum_amount_ratio_percent (difference, self->estimate, percent_hundredths))
        *percent_hundredths = 0;  /* no estimate */
    }
  return TRUE;
}

/**
 * quorum_work_package_get_budget_ref:
 * @document: (out) (optional) (nullable)
 * @table: (out) (optional) (nullable)
 * @row: (out) (optional) (nullable)
 * @column: (out) (optional) (nullable): the column named in the file, if any
 *
 * Returns: %TRUE if the package names the budget line it draws on
 */
gboolean
quorum_work_package_get_budget_ref (QuorumWorkPackage  *self,
                                    const char        **document,
                                    const char        **table,
                                    const char        **row,
                                    const char        **column)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), FALSE);

  if (document != NULL)
    *document = self->budget_document;
  if (table != NULL)
    *table = self->budget_table;
  if (row != NULL)
    *row = self->budget_row;
  if (column != NULL)
    *column = self->budget_ref_column;
  return self->budget_row != NULL;
}

/**
 * quorum_work_package_get_budget_line:
 * @column: (out) (optional): the column holding the year's provision
 * @label: (out) (optional): the budget line's label
 * @provision: (out) (optional): the year's provision, in hundredths
 *
 * Returns: %TRUE once the store has resolved the line the package draws on
 */
gboolean
quorum_work_package_get_budget_line (QuorumWorkPackage  *self,
                                     const char        **column,
                                     const char        **label,
                                     gint64             *provision)
{
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), FALSE);

  if (self->budget_column == NULL)
    return FALSE;
  if (column != NULL)
    *column = self->budget_column;
  if (label != NULL)
    *label = self->budget_label;
  if (provision != NULL)
    *provision = self->provision;
  return TRUE;
}

void
_quorum_work_package_set_budget_line (QuorumWorkPackage *self,
                                      const char        *column,
                                      const char        *label,
                                      gint64             provision)
{
  g_return_if_fail (QUORUM_IS_WORK_PACKAGE (self));

  g_free (self->budget_column);
  self->budget_column = g_strdup (column);
  g_free (self->budget_label);
  self->budget_label = g_strdup (label);
  self->provision = provision;
  self->has_provision = column != NULL;
}

void
_quorum_work_package_set_budget_problem (QuorumWorkPackage *self,
                                         const char        *problem)
{
  g_return_if_fail (QUORUM_IS_WORK_PACKAGE (self));

  g_free (self->budget_problem);
  self->budget_problem = g_strdup (problem);
}

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
  for (guint i = n; i > 0; i--)
    {
      g_clear_object (&latest);
      latest = g_list_model_get_item (G_LIST_MODEL (self->decisions), i - 1);
      if (quorum_decision_get_seal_state (latest) != QUORUM_SEAL_BROKEN)
        return latest;
    }
  return NULL;
}

/**
 * quorum_work_package_get_outcome:
 *
 * Returns: the Board's outcome: the latest decision whose seal is not
 *   broken
 */
QuorumOutcome
quorum_work_package_get_outcome (QuorumWorkPackage *self)
{
  QuorumDecision *latest;
  const char *decision;

  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), QUORUM_OUTCOME_AWAITING);

  if ((latest = quorum_work_package_get_latest (self)) == NULL)
    return QUORUM_OUTCOME_AWAITING;
  decision = quorum_decision_get_decision (latest);
  if (g_str_equal (decision, "approve"))
    return QUORUM_OUTCOME_APPROVED;
  if (g_str_equal (decision, "reject"))
    return QUORUM_OUTCOME_REJECTED;
  return QUORUM_OUTCOME_DEFERRED;
}

/* Why a package named @name cannot be decided, or NULL if it can. */
static char *
dup_cannot_decide (QuorumWorkPackage *self,
                   const char        *name)
{
  if (g_str_equal (self->status, "submitted"))
    return NULL;
  if (g_str_equal (self->status, "draft"))
    return g_strdup_printf (_("%s is a draft: the secretariat has not submitted it for a "
                              "decision yet"), name);
  if (g_str_equal (self->status, "withdrawn"))
    return g_strdup_printf (_("%s was withdrawn by the secretariat: there is nothing to decide"),
                            name);
  return g_strdup_printf (_("%s is closed: its quarter is over and its out-turn reported"),
                          name);
}

/**
 * quorum_work_package_can_decide:
 *
 * The Board decides submitted packages only: a draft is not ready, a
 * withdrawn one is no longer asked for, and a closed one is finished.
 *
 * Returns: %TRUE if a decision may be recorded; else %FALSE with
 *   %QUORUM_ERROR_NOT_ALLOWED saying why (naming the package by its id)
 */
gboolean
quorum_work_package_can_decide (QuorumWorkPackage  *self,
                                GError            **error)
{
  g_autofree char *why = NULL;

  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  why = dup_cannot_decide (self, self->id);
  if (why == NULL)
    return TRUE;
  g_set_error_literal (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED, why);
  return FALSE;
}

/**
 * quorum_work_package_dup_cannot_decide_reason:
 *
 * As quorum_work_package_can_decide(), for people: the package is named by
 * its title, in quotes.
 *
 * Returns: (transfer full) (nullable): why the package cannot be decided,
 *   or %NULL when it can
 */
char *
quorum_work_package_dup_cannot_decide_reason (QuorumWorkPackage *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (self), NULL);

  /* TRANSLATORS: a package's title in quotes */
  name = g_strdup_printf (_("“%s”"), self->title);
  return dup_cannot_decide (self, name);
}

/**
 * quorum_quarter_get_dates:
 * @first_day: (out) (optional): `YYYY-MM-DD`
 * @last_day: (out) (optional): `YYYY-MM-DD`
 *
 * Returns: %TRUE for a valid quarter
 */
gboolean
quorum_quarter_get_dates (const char  *quarter,
                          char       **first_day,
                          char       **last_day)
{
  static const char * const firsts[] = { "04-01", "07-01", "10-01", "01-01" };
  static const char * const lasts[] = { "06-30", "09-30", "12-31", "03-31" };
  int year, q;

  if (!quorum_quarter_is_valid (quarter))
    return FALSE;
  year = atoi (quarter);
  q = quarter[9] - '1';
  if (q == 3)
    year++;
  if (first_day != NULL)
    *first_day = g_strdup_printf ("%04d-%s", year, firsts[q]);
  if (last_day != NULL)
    *last_day = g_strdup_printf ("%04d-%s", year, lasts[q]);
  return TRUE;
}

static const char * const outcome_names[] = { "awaiting", "approved", "rejected", "deferred" };

/**
 * quorum_outcome_to_string:
 *
 * Returns: `awaiting`, `approved`, `rejected` or `deferred`
 */
const char *
quorum_outcome_to_string (QuorumOutcome outcome)
{
  g_return_val_if_fail (outcome <= QUORUM_OUTCOME_DEFERRED, NULL);
  return outcome_names[outcome];
}

gboolean
quorum_outcome_from_string (const char    *text,
                            QuorumOutcome *outcome)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcome_names); i++)
    if (g_strcmp0 (text, outcome_names[i]) == 0)
      {
        *outcome = (QuorumOutcome) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * quorum_outcome_get_label:
 *
 * Returns: the outcome for people, translated
 */
const char *
quorum_outcome_get_label (QuorumOutcome outcome)
{
  switch (outcome)
    {
    case QUORUM_OUTCOME_AWAITING: return _("Awaiting Decision");
    case QUORUM_OUTCOME_APPROVED: return _("Approved");
    case QUORUM_OUTCOME_REJECTED: return _("Rejected");
    case QUORUM_OUTCOME_DEFERRED: return _("Deferred");
    default: g_return_val_if_reached (NULL);
    }
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME_VALUE]);
}
