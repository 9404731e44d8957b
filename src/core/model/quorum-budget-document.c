/* quorum-budget-document.c: one published budget, with its tables and findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-model-private.h"
#include <glib/gi18n-lib.h>
#include "quorum-amount.h"
#include "quorum-finding.h"
#include "quorum-load-context.h"

#include <string.h>

G_DEFINE_FINAL_TYPE (QuorumBudgetDocument, quorum_budget_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_VERSION,
  PROP_STATUS,
  PROP_EFFECTIVE,
  PROP_SOURCE,
  PROP_FILE,
  PROP_YEARS,
  PROP_N_FINDINGS,
  PROP_N_MISMATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const statuses[] = { "draft", "consultation", "approved", "superseded", NULL };
static const char * const roles[] = {
  "budget", "committee-costs", "staffing", "meetings", "projects", "other", NULL
};
static const char * const units[] = { "GBP", "count", "fte", NULL };
static const char * const phases[] = {
  "draft", "estimated", "approved", "outturn", "actual", NULL
};
static const char * const components[] = {
  "core-team", "sme", "independent-chair", "support", "accommodation", "discount", "other", NULL
};
static const char * const rate_units[] = { "meeting", "day", "month", "year", "fte", NULL };
static const char * const classifications[] = { "white", "green", "amber", "red", NULL };

static void
cross_check_free (gpointer data)
{
  QuorumCrossCheck *check = data;

  g_free (check->label);
  g_free (check->left);
  g_free (check->right);
  g_free (check->json_path);
  g_free (check);
}

static void
quorum_budget_document_finalize (GObject *object)
{
  QuorumBudgetDocument *self = (QuorumBudgetDocument *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->version);
  g_free (self->status);
  g_free (self->effective);
  g_free (self->currency);
  g_free (self->source);
  g_free (self->classification);
  g_free (self->file);
  g_clear_object (&self->tables);
  g_clear_pointer (&self->cross_checks, g_ptr_array_unref);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->tree, quorum_json_tree_unref);

  G_OBJECT_CLASS (quorum_budget_document_parent_class)->finalize (object);
}

static void
quorum_budget_document_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  QuorumBudgetDocument *self = QUORUM_BUDGET_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_VERSION: g_value_set_string (value, self->version); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_EFFECTIVE: g_value_set_string (value, self->effective); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_FILE: g_value_set_string (value, self->file); break;
    case PROP_YEARS: g_value_take_string (value, quorum_budget_document_dup_years (self)); break;
    case PROP_N_FINDINGS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->findings)));
      break;
    case PROP_N_MISMATCHES: g_value_set_uint (value, self->n_mismatches); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_budget_document_class_init (QuorumBudgetDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_budget_document_finalize;
  object_class->get_property = quorum_budget_document_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_EFFECTIVE] = g_param_spec_string ("effective", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, flags);
  properties[PROP_YEARS] = g_param_spec_string ("years", NULL, NULL, NULL, flags);
  properties[PROP_N_FINDINGS] =
    g_param_spec_uint ("n-findings", NULL, NULL, 0, G_MAXUINT, 0,
                       flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_MISMATCHES] =
    g_param_spec_uint ("n-mismatches", NULL, NULL, 0, G_MAXUINT, 0,
                       flags | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_budget_document_init (QuorumBudgetDocument *self)
{
  self->tables = g_list_store_new (QUORUM_TYPE_TABLE);
  self->findings = g_list_store_new (QUORUM_TYPE_FINDING);
  self->cross_checks = g_ptr_array_new_with_free_func (cross_check_free);
  self->tolerance = QUORUM_DEFAULT_TOLERANCE;
}

/* Loading ---------------------------------------------------------------- */

/* A row's values as the reader kept them compactly (most rows): the same
 * checks and errors as for a JsonObject, in the same order. FALSE if
 * @values_node was read as usual. */
static gboolean
read_compact_values (QuorumLoadContext *ctx,
                     QuorumTable       *table,
                     QuorumRow         *row,
                     JsonNode          *values_node,
                     const char        *values_path)
{
  const char *text = quorum_json_tree_get_text (ctx->tree);
  const QuorumJsonMember *members;
  guint n;

  members = quorum_json_tree_get_members (ctx->tree, values_node, &n);
  if (members == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      char name[QUORUM_JSON_COMPACT_MAX_NAME + 1];
      QuorumColumn *column;

      g_assert (members[i].name_length <= QUORUM_JSON_COMPACT_MAX_NAME);
      memcpy (name, text + members[i].name_offset, members[i].name_length);
      name[members[i].name_length] = '\0';
      column = quorum_table_find_column (table, name);

      if (column == NULL)
        {
          g_autofree char *value_path = quorum_path_member (values_path, name);

          _quorum_ctx_error_at (ctx, members[i].value_offset, value_path,
                                _("no column “%s” in table “%s”"), name, table->id);
          continue;
        }
      _quorum_ctx_amount_text (ctx, &members[i], values_path, name,
                               &row->stated[column->index]);
    }
  return TRUE;
}

static void
read_values (QuorumLoadContext *ctx,
             QuorumTable       *table,
             QuorumRow         *row,
             JsonNode          *row_node,
             const char        *path)
{
  g_autofree char *values_path = quorum_path_member (path, "values");
  JsonNode *values_node = _quorum_ctx_member (ctx, row_node, path, "values", FALSE);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (values_node == NULL)
    return;
  if (read_compact_values (ctx, table, row, values_node, values_path))
    return;
  if (_quorum_ctx_object (ctx, values_node, values_path) == NULL)
    return;

  json_object_iter_init_ordered (&iter, json_node_get_object (values_node));
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      QuorumColumn *column = quorum_table_find_column (table, name);

      if (column == NULL)
        {
          g_autofree char *value_path = quorum_path_member (values_path, name);

          _quorum_ctx_error (ctx, value, value_path, _("no column “%s” in table “%s”"),
                             name, table->id);
          continue;
        }
      /* The value's path is formatted only for an error. */
      _quorum_ctx_amount_member_node (ctx, value, values_path, name, TRUE,
                                      &row->stated[column->index]);
    }
}

/* A table being read. The reader leaves a budget's rows in the text and
 * they are read one at a time (quorum_json_tree_elements_next ()), each
 * row's nodes freed once it is read, so that the whole table is never held
 * as nodes: what is needed of them afterwards is kept here, and each row
 * keeps its own position (QuorumRow.offset). */
typedef struct
{
  QuorumTable *table;
  guint n_rows;
  GHashTable *of_places;    /* QuorumRow* → OfPlaces, for each percentage */
} TableReading;

/* Where a percentage row and its “of” ids stand, for its problems once
 * the ids are resolved. */
typedef struct
{
  char *path;              /* the row's */
  guint32 offsets[];       /* of each id in the text */
} OfPlaces;

static void
of_places_free (gpointer data)
{
  OfPlaces *places = data;

  g_free (places->path);
  g_free (places);
}

static void
table_reading_clear (TableReading *reading)
{
  g_clear_pointer (&reading->of_places, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TableReading, table_reading_clear)

/* Where @row (at @path) and each id of its “of” (valid, read into
 * the row's extra “of”) stand. */
static void
keep_of_places (QuorumLoadContext *ctx,
                TableReading      *reading,
                QuorumRow         *row,
                JsonNode          *node,
                const char        *path)
{
  JsonArray *of = json_object_get_array_member (json_node_get_object (node), "of");
  guint n = json_array_get_length (of);
  OfPlaces *places = g_malloc0 (sizeof (OfPlaces) + n * sizeof (guint32));

  places->path = g_strdup (path);
  for (guint i = 0; i < n; i++)
    quorum_json_tree_get_offset (ctx->tree, json_array_get_element (of, i),
                                 &places->offsets[i]);
  if (reading->of_places == NULL)
    reading->of_places = g_hash_table_new_full (NULL, NULL, NULL, of_places_free);
  g_hash_table_insert (reading->of_places, row, places);
}

static QuorumRow *read_row (QuorumLoadContext *ctx,
                            TableReading      *reading,
                            JsonNode          *node,
                            const char        *path,
                            guint              depth);

/* The rows of a table or of a group, @rows_node, into @list. */
static void
read_rows (QuorumLoadContext *ctx,
           TableReading      *reading,
           JsonNode          *rows_node,
           const char        *rows_path,
           guint              depth,
           QuorumRowList     *list)
{
  QuorumJsonElements elements;
  JsonNode *element;

  quorum_json_tree_elements_init (ctx->tree, rows_node, &elements);
  for (guint i = 0; (element = quorum_json_tree_elements_next (ctx->tree, &elements)); i++)
    {
      g_autofree char *row_path = quorum_path_index (rows_path, i);
      g_autoptr(QuorumRow) row = read_row (ctx, reading, element, row_path, depth);

      if (row != NULL)
        _quorum_row_list_append (list, row);
    }
}

static QuorumRow *
read_row (QuorumLoadContext *ctx,
          TableReading      *reading,
          JsonNode          *node,
          const char        *path,
          guint              depth)
{
  QuorumTable *table = reading->table;
  g_autoptr(QuorumRow) row = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  QuorumRowExtra extra = { 0 };
  JsonNode *rows_node = NULL;
  JsonNode *percent_node;
  QuorumValue rate;

  if (_quorum_ctx_object (ctx, node, path) == NULL)
    return NULL;

  if (++reading->n_rows > QUORUM_MAX_ROWS_PER_TABLE)
    {
      if (reading->n_rows == QUORUM_MAX_ROWS_PER_TABLE + 1)
        _quorum_ctx_error (ctx, node, path, _("more than %u rows in one table"),
                           QUORUM_MAX_ROWS_PER_TABLE);
      return NULL;
    }

  _quorum_ctx_id (ctx, node, path, "id", TRUE, &id);
  _quorum_ctx_string (ctx, node, path, "label", FALSE, &label);
  row = _quorum_row_new (table->n_columns, id, label != NULL ? label : id);
  row->depth = depth;
  quorum_json_tree_get_offset (ctx->tree, node, &row->offset);

  _quorum_ctx_string (ctx, node, path, "note", FALSE, &extra.note);
  _quorum_ctx_id (ctx, node, path, "committee", FALSE, &extra.committee);
  extra.committees = _quorum_ctx_id_list (ctx, node, path, "committees", FALSE);
  _quorum_ctx_string (ctx, node, path, "service_area", FALSE, &extra.service_area);
  _quorum_ctx_enum (ctx, node, path, "component", components, &extra.component);
  if (_quorum_ctx_amount (ctx, node, path, "rate", &rate) && rate.kind == QUORUM_VALUE_AMOUNT)
    {
      extra.has_rate = TRUE;
      extra.rate = rate.amount;
    }
  _quorum_ctx_enum (ctx, node, path, "rate_unit", rate_units, &extra.rate_unit);
  _quorum_row_take_extra (row, &extra);

  if (id != NULL)
    {
      if (_quorum_row_index_lookup (table->row_index, id) != NULL)
        _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "id"),
                           path, _("row id “%s” is used twice in table “%s”"), id, table->id);
      else
        _quorum_row_index_add (table->row_index, row);
    }

  read_values (ctx, table, row, node, path);

  _quorum_ctx_array (ctx, node, path, "rows", FALSE, &rows_node);
  percent_node = _quorum_ctx_member (ctx, node, path, "percent", FALSE);

  if (percent_node != NULL || json_object_has_member (json_node_get_object (node), "of"))
    {
      QuorumRowExtra *more = _quorum_row_extra_mut (row);
      QuorumValue percent;

      row->kind = QUORUM_ROW_PERCENTAGE;
      if (rows_node != NULL)
        _quorum_ctx_error (ctx, node, path,
                           _("a row is a group (“rows”) or a percentage (“percent”), not both"));
      if (percent_node == NULL)
        _quorum_ctx_error (ctx, node, path, _("“of” needs a “percent”"));
      else if (_quorum_ctx_amount_member_node (ctx, percent_node, path, "percent", FALSE,
                                               &percent))
        more->percent = percent.amount;
      more->of = _quorum_ctx_id_list (ctx, node, path, "of", TRUE);
      if (more->of != NULL && more->of[0] == NULL)
        _quorum_ctx_error (ctx, node, path, _("“of” names no rows"));
      if (more->of != NULL)
        keep_of_places (ctx, reading, row, node, path);
    }
  else if (rows_node != NULL)
    {
      g_autofree char *rows_path = quorum_path_member (path, "rows");

      row->kind = QUORUM_ROW_GROUP;
      QuorumRowList *children = _quorum_row_list_new ();

      _quorum_row_extra_mut (row)->children = children;
      read_rows (ctx, reading, rows_node, rows_path, depth + 1, children);
    }

  return g_steal_pointer (&row);
}

/* Resolves each percentage's “of” ids, in document order so problems are
 * listed in the order they stand in the file. */
static void
resolve_percentages (QuorumLoadContext *ctx,
                     TableReading      *reading,
                     GListModel        *rows)
{
  QuorumTable *table = reading->table;
  guint n_rows = g_list_model_get_n_items (rows);

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, r);
      const OfPlaces *places;
      QuorumRowExtra *extra;
      guint n;

      if (_quorum_row_children (row) != NULL)
        resolve_percentages (ctx, reading, _quorum_row_children (row));
      if (row->kind != QUORUM_ROW_PERCENTAGE || _quorum_row_extra (row)->of == NULL)
        continue;

      extra = _quorum_row_extra_mut (row);
      places = g_hash_table_lookup (reading->of_places, row);
      n = g_strv_length (extra->of);
      extra->of_rows = g_new0 (QuorumRow *, n + 1);
      for (guint i = 0; i < n; i++)
        {
          extra->of_rows[i] = _quorum_row_index_lookup (table->row_index, extra->of[i]);
          if (extra->of_rows[i] == NULL)
            {
              g_autofree char *of_path = quorum_path_member (places->path, "of");
              g_autofree char *item_path = quorum_path_index (of_path, i);

              _quorum_ctx_error_at (ctx, places->offsets[i], item_path,
                                    _("no row “%s” in table “%s”"), extra->of[i],
                                    table->id);
            }
        }
    }
}

static QuorumColumn *
read_column (QuorumLoadContext *ctx,
             JsonNode          *node,
             const char        *path)
{
  g_autoptr(QuorumColumn) column = NULL;
  JsonNode *sum_node, *difference_node;

  if (_quorum_ctx_object (ctx, node, path) == NULL)
    return NULL;

  column = _quorum_column_new ();
  column->json_path = g_strdup (path);
  column->node = node;
  _quorum_ctx_id (ctx, node, path, "id", TRUE, &column->id);
  _quorum_ctx_string (ctx, node, path, "label", FALSE, &column->label);
  if (column->label == NULL)
    column->label = g_strdup (column->id);
  _quorum_ctx_string (ctx, node, path, "year", FALSE, &column->year);
  if (column->year != NULL && !quorum_year_is_valid (column->year))
    {
      g_autofree char *year_path = quorum_path_member (path, "year");

      _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "year"),
                         year_path, _("“%s” is not a regulatory year written like 2020/21"),
                         column->year);
    }
  _quorum_ctx_enum (ctx, node, path, "phase", phases, &column->phase);
  _quorum_ctx_enum (ctx, node, path, "component", components, &column->component);
  _quorum_ctx_string (ctx, node, path, "grade", FALSE, &column->grade);

  sum_node = _quorum_ctx_member (ctx, node, path, "sum", FALSE);
  difference_node = _quorum_ctx_member (ctx, node, path, "difference", FALSE);

  if (sum_node != NULL && difference_node != NULL)
    _quorum_ctx_error (ctx, node, path, _("a column has “sum” or “difference”, not both"));
  else if (sum_node != NULL)
    {
      column->formula = QUORUM_FORMULA_SUM;
      column->operands = _quorum_ctx_id_list (ctx, node, path, "sum", TRUE);
      if (column->operands != NULL && column->operands[0] == NULL)
        {
          g_autofree char *sum_path = quorum_path_member (path, "sum");

          _quorum_ctx_error (ctx, sum_node, sum_path, _("“sum” names no columns"));
        }
    }
  else if (difference_node != NULL)
    {
      column->formula = QUORUM_FORMULA_DIFFERENCE;
      column->operands = _quorum_ctx_id_list (ctx, node, path, "difference", TRUE);
      if (column->operands != NULL && g_strv_length (column->operands) != 2)
        {
          g_autofree char *difference_path = quorum_path_member (path, "difference");

          _quorum_ctx_error (ctx, difference_node, difference_path,
                             _("“difference” names exactly two columns, a and b, for a − b"));
        }
    }

  return g_steal_pointer (&column);
}

static void
resolve_columns (QuorumLoadContext *ctx,
                 QuorumTable       *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (G_LIST_MODEL (table->columns), i);
      JsonNode *list_node;
      guint n;

      if (column->operands == NULL)
        continue;

      n = g_strv_length (column->operands);
      column->operand_index = g_new0 (guint, n);
      list_node = json_object_get_member (json_node_get_object (column->node),
                                          column->formula == QUORUM_FORMULA_SUM ? "sum"
                                                                                : "difference");
      for (guint j = 0; j < n; j++)
        {
          QuorumColumn *operand = quorum_table_find_column (table, column->operands[j]);
          g_autofree char *list_path =
            quorum_path_member (column->json_path,
                                column->formula == QUORUM_FORMULA_SUM ? "sum" : "difference");
          g_autofree char *item_path = quorum_path_index (list_path, j);

          if (operand == NULL)
            _quorum_ctx_error (ctx, json_array_get_element (json_node_get_array (list_node), j),
                               item_path, _("no column “%s” in table “%s”"),
                               column->operands[j], table->id);
          else
            column->operand_index[j] = operand->index;
        }
    }
}

/* Appends the path of @row under @rows to @path, if it is there. */
static gboolean
append_row_path (GListModel *rows,
                 QuorumRow  *row,
                 GString    *path)
{
  guint n = g_list_model_get_n_items (rows);
  gsize length = path->len;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) item = g_list_model_get_item (rows, i);

      g_string_append_printf (path, ".rows[%u]", i);
      if (item == row ||
          (_quorum_row_children (item) != NULL &&
           append_row_path (_quorum_row_children (item), row, path)))
        return TRUE;
      g_string_truncate (path, length);
    }
  return FALSE;
}

/* The JSON path of @row of @table, which read cleanly: every element of
 * its rows is a row, so a row's place in the model is its place in the
 * file. */
static char *
dup_row_path (QuorumTable *table,
              QuorumRow   *row)
{
  GString *path = g_string_new (table->json_path);

  if (row == table->total)
    g_string_append (path, ".total");
  else if (!append_row_path (G_LIST_MODEL (table->rows), row, path))
    g_assert_not_reached ();
  return g_string_free (path, FALSE);
}

static QuorumTable *
read_table (QuorumLoadContext *ctx,
            JsonNode          *node,
            const char        *path)
{
  g_autoptr(QuorumTable) table = NULL;
  g_auto(TableReading) reading = { 0 };
  JsonArray *columns;
  JsonNode *rows_node, *total_node;
  guint errors_before = ctx->n_errors;

  if (_quorum_ctx_object (ctx, node, path) == NULL)
    return NULL;

  table = reading.table = _quorum_table_new ();
  table->json_path = g_strdup (path);
  _quorum_ctx_id (ctx, node, path, "id", TRUE, &table->id);
  _quorum_ctx_string (ctx, node, path, "title", FALSE, &table->title);
  if (table->title == NULL)
    table->title = g_strdup (table->id);
  _quorum_ctx_enum (ctx, node, path, "role", roles, &table->role);
  if (table->role == NULL)
    table->role = g_strdup ("other");
  _quorum_ctx_enum (ctx, node, path, "unit", units, &table->unit);
  if (table->unit == NULL)
    table->unit = g_strdup ("GBP");

  columns = _quorum_ctx_array (ctx, node, path, "columns", TRUE, NULL);
  if (columns != NULL)
    {
      g_autofree char *columns_path = quorum_path_member (path, "columns");
      guint n = json_array_get_length (columns);

      if (n == 0)
        _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "columns"),
                           columns_path, _("a table needs at least one column"));
      if (n > QUORUM_MAX_COLUMNS)
        {
          _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "columns"),
                             columns_path, _("more than %u columns"), QUORUM_MAX_COLUMNS);
          return NULL;
        }

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *column_path = quorum_path_index (columns_path, i);
          g_autoptr(QuorumColumn) column =
            read_column (ctx, json_array_get_element (columns, i), column_path);

          if (column == NULL || column->id == NULL)
            continue;
          if (quorum_table_find_column (table, column->id) != NULL)
            {
              _quorum_ctx_error (ctx, json_array_get_element (columns, i), column_path,
                                 _("column id “%s” is used twice in table “%s”"),
                                 column->id, table->id);
              continue;
            }
          column->index = table->n_columns++;
          g_list_store_append (table->columns, column);
          g_hash_table_insert (table->column_index, column->id, column);
        }
      resolve_columns (ctx, table);
    }

  _quorum_ctx_array (ctx, node, path, "rows", TRUE, &rows_node);
  if (rows_node != NULL)
    {
      g_autofree char *rows_path = quorum_path_member (path, "rows");

      read_rows (ctx, &reading, rows_node, rows_path, 0, table->rows);
    }

  total_node = _quorum_ctx_member (ctx, node, path, "total", FALSE);
  if (total_node != NULL)
    {
      g_autofree char *total_path = quorum_path_member (path, "total");

      if (_quorum_ctx_object (ctx, total_node, total_path) != NULL)
        {
          g_autofree char *label = NULL;
          QuorumRowExtra extra = { 0 };

          _quorum_ctx_string (ctx, total_node, total_path, "label", FALSE, &label);
          table->total = _quorum_row_new (table->n_columns, "@total",
                                          label != NULL ? label : "Total");
          table->total->kind = QUORUM_ROW_TOTAL;
          quorum_json_tree_get_offset (ctx->tree, total_node, &table->total->offset);
          _quorum_ctx_string (ctx, total_node, total_path, "note", FALSE, &extra.note);
          _quorum_row_take_extra (table->total, &extra);
          read_values (ctx, table, table->total, total_node, total_path);
        }
    }

  resolve_percentages (ctx, &reading, G_LIST_MODEL (table->rows));

  /* Only a table that read cleanly is evaluated: loops are found here. */
  if (ctx->n_errors == errors_before)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *error_path = NULL;
      QuorumRow *error_row = NULL;
      JsonNode *error_node = NULL;

      if (!_quorum_table_evaluate (table, &error_path, &error_row, &error_node, &error))
        {
          if (error_row != NULL)
            {
              g_autofree char *row_path = dup_row_path (table, error_row);

              _quorum_ctx_error_at (ctx, error_row->offset, row_path, "%s", error->message);
            }
          else
            _quorum_ctx_error (ctx, error_node ? error_node : node,
                               error_path ? error_path : path, "%s", error->message);
        }
    }

  return g_steal_pointer (&table);
}

static gboolean
parse_reference (QuorumBudgetDocument  *self,
                 const char            *reference,
                 QuorumTable          **table,
                 QuorumRow            **row,
                 guint                 *column,
                 char                 **message)
{
  g_auto(GStrv) parts = g_strsplit (reference, "/", -1);
  QuorumColumn *col;

  if (g_strv_length (parts) != 3)
    {
      *message = g_strdup_printf (_("“%s” is not a reference written TABLE/ROW/COLUMN"),
                                  reference);
      return FALSE;
    }
  *table = quorum_budget_document_find_table (self, parts[0]);
  if (*table == NULL)
    {
      *message = g_strdup_printf (_("“%s”: no table “%s”"), reference, parts[0]);
      return FALSE;
    }
  *row = quorum_table_find_row (*table, parts[1]);
  if (*row == NULL)
    {
      *message = g_strdup_printf (_("“%s”: no row “%s” in table “%s”"), reference, parts[1],
                                  parts[0]);
      return FALSE;
    }
  col = quorum_table_find_column (*table, parts[2]);
  if (col == NULL)
    {
      *message = g_strdup_printf (_("“%s”: no column “%s” in table “%s”"), reference, parts[2],
                                  parts[0]);
      return FALSE;
    }
  *column = col->index;
  return TRUE;
}

static void
read_cross_check (QuorumLoadContext    *ctx,
                  QuorumBudgetDocument *self,
                  JsonNode             *node,
                  const char           *path)
{
  QuorumCrossCheck *check;
  QuorumValue factor;
  g_autofree char *message = NULL;
  gboolean resolved;

  if (_quorum_ctx_object (ctx, node, path) == NULL)
    return;

  check = g_new0 (QuorumCrossCheck, 1);
  check->json_path = g_strdup (path);
  check->factor = 100;
  g_ptr_array_add (self->cross_checks, check);

  _quorum_ctx_string (ctx, node, path, "label", FALSE, &check->label);
  _quorum_ctx_string (ctx, node, path, "left", TRUE, &check->left);
  _quorum_ctx_string (ctx, node, path, "right", TRUE, &check->right);
  if (_quorum_ctx_amount (ctx, node, path, "factor", &factor) &&
      factor.kind == QUORUM_VALUE_AMOUNT)
    check->factor = factor.amount;

  resolved = check->left != NULL && check->right != NULL;
  if (check->left != NULL &&
      !parse_reference (self, check->left, &check->left_table, &check->left_row,
                        &check->left_column, &message))
    {
      g_autofree char *left_path = quorum_path_member (path, "left");

      resolved = FALSE;

      _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "left"),
                         left_path, "%s", message);
    }
  g_clear_pointer (&message, g_free);
  if (check->right != NULL &&
      !parse_reference (self, check->right, &check->right_table, &check->right_row,
                        &check->right_column, &message))
    {
      g_autofree char *right_path = quorum_path_member (path, "right");

      resolved = FALSE;
      _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "right"),
                         right_path, "%s", message);
    }

  /* The tables are evaluated by now. A product out of range would make
   * _quorum_cross_check_evaluate() skip the check without a word. */
  if (resolved)
    {
      const QuorumValue *right = _quorum_row_effective (check->right_row,
                                                          check->right_column);
      gint64 product;

      if (right->kind == QUORUM_VALUE_AMOUNT &&
          !quorum_amount_mul_hundredths (right->amount, check->factor, &product))
        {
          g_autofree char *factor_text = quorum_amount_format (check->factor);

          _quorum_ctx_error (ctx, node, path, _("“%s” × %s is out of range: magnitudes of 10^13 "
                             "or more are not allowed"), check->right, factor_text);
        }
    }
}

static QuorumBudgetDocument *
read_document (QuorumLoadContext *ctx,
               JsonNode          *root)
{
  g_autoptr(QuorumBudgetDocument) self = NULL;
  JsonArray *tables, *checks;

  self = g_object_new (QUORUM_TYPE_BUDGET_DOCUMENT, NULL);

  _quorum_ctx_file_id (ctx, root, &self->id);

  _quorum_ctx_string (ctx, root, "$", "title", FALSE, &self->title);
  if (self->title == NULL)
    self->title = g_strdup (self->id);
  _quorum_ctx_string (ctx, root, "$", "version", FALSE, &self->version);
  _quorum_ctx_enum (ctx, root, "$", "status", statuses, &self->status);
  _quorum_ctx_date (ctx, root, "$", "effective", FALSE, &self->effective);
  _quorum_ctx_string (ctx, root, "$", "currency", FALSE, &self->currency);
  if (self->currency != NULL && !g_str_equal (self->currency, "GBP"))
    _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (root), "currency"),
                       "$.currency", _("currency “%s” is not supported: amounts are in GBP"),
                       self->currency);
  _quorum_ctx_string (ctx, root, "$", "source", FALSE, &self->source);
  _quorum_ctx_enum (ctx, root, "$", "classification", classifications, &self->classification);

  tables = _quorum_ctx_array (ctx, root, "$", "tables", TRUE, NULL);
  if (tables != NULL)
    {
      if (json_array_get_length (tables) > QUORUM_MAX_TABLES)
        {
          _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (root), "tables"),
                             "$.tables", _("more than %u tables"), QUORUM_MAX_TABLES);
          return NULL;
        }

      for (guint i = 0; i < json_array_get_length (tables); i++)
        {
          g_autofree char *table_path = quorum_path_index ("$.tables", i);
          g_autoptr(QuorumTable) table =
            read_table (ctx, json_array_get_element (tables, i), table_path);

          if (table == NULL || table->id == NULL)
            continue;
          if (quorum_budget_document_find_table (self, table->id) != NULL)
            {
              _quorum_ctx_error (ctx, json_array_get_element (tables, i), table_path,
                                 _("table id “%s” is used twice"), table->id);
              continue;
            }
          g_list_store_append (self->tables, table);
        }
    }

  checks = _quorum_ctx_array (ctx, root, "$", "checks", FALSE, NULL);
  for (guint i = 0; checks != NULL && i < json_array_get_length (checks); i++)
    {
      g_autofree char *check_path = quorum_path_index ("$.checks", i);

      read_cross_check (ctx, self, json_array_get_element (checks, i), check_path);
    }

  if (ctx->n_errors > 0)
    return NULL;

  return g_steal_pointer (&self);
}

/* The model's borrowed nodes are freed with the tree's: clear them. */
static void
forget_nodes (QuorumBudgetDocument *self)
{
  guint n_tables = g_list_model_get_n_items (G_LIST_MODEL (self->tables));

  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(QuorumTable) table = g_list_model_get_item (G_LIST_MODEL (self->tables), t);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autoptr(QuorumColumn) column =
            g_list_model_get_item (G_LIST_MODEL (table->columns), c);

          column->node = NULL;
        }
    }
}

/**
 * quorum_budget_document_new_from_data:
 * @file: the file's path, as shown in errors; its base name (less `.json`)
 *   must equal the document's id
 * @data: the file's bytes
 * @length: their length
 * @problems: (element-type QuorumProblem) (nullable): where every problem
 *   found is appended
 *
 * Reads and validates a budget document, evaluates its tables and
 * computes its findings at the default tolerance.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL if the file
 *   has errors (each appended to @problems)
 */
static QuorumBudgetDocument *
document_new (const char *file,
              const char *data,
              char       *take,
              gsize       length,
              GPtrArray  *problems)
{
  QuorumLoadContext ctx = {
    .file = file, .problems = problems, .max_rows_per_table = QUORUM_MAX_ROWS_PER_TABLE,
    .compact_values = TRUE, .lazy_rows = TRUE
  };
  g_autoptr(QuorumJsonTree) tree = NULL;
  QuorumBudgetDocument *self;
  JsonNode *root;

  if (take != NULL)
    root = _quorum_ctx_open_take (&ctx, take, length, "quorum.budget", 1, &tree);
  else
    root = _quorum_ctx_open (&ctx, data, length, "quorum.budget", 1, &tree);
  if (root == NULL)
    return NULL;

  self = read_document (&ctx, root);
  if (self == NULL)
    return NULL;

  /* Positions are only needed while loading: keep the text, not the nodes. */
  forget_nodes (self);
  quorum_json_tree_release_nodes (tree);
  self->tree = g_steal_pointer (&tree);

  self->file = g_strdup (file);
  _quorum_document_collect_findings (self);

  return self;
}

/**
 * quorum_budget_document_new_from_data:
 * @file: the file's path, as shown in errors; its base name (less `.json`)
 *   must equal the document's id
 * @data: the file's bytes
 * @length: their length
 * @problems: (element-type QuorumProblem) (nullable): where every problem
 *   found is appended
 *
 * Reads and validates a budget document, evaluates its tables and
 * computes its findings at the default tolerance.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL if the file
 *   has errors (each appended to @problems)
 */
QuorumBudgetDocument *
quorum_budget_document_new_from_data (const char *file,
                                      const char *data,
                                      gsize       length,
                                      GPtrArray  *problems)
{
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return document_new (file, data, NULL, length, problems);
}

/**
 * _quorum_budget_document_new_take_data:
 * @data: (transfer full): the file's bytes, nul-terminated at @length
 *
 * As quorum_budget_document_new_from_data (), keeping @data as the
 * document's text rather than a copy of it (the store's loader).
 */
QuorumBudgetDocument *
_quorum_budget_document_new_take_data (const char *file,
                                       char       *data,
                                       gsize       length,
                                       GPtrArray  *problems)
{
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  return document_new (file, NULL, data, length, problems);
}

/* Accessors -------------------------------------------------------------- */

#define GETTER(field) \
  const char * \
  quorum_budget_document_get_##field (QuorumBudgetDocument *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self), NULL); \
    return self->field; \
  }

GETTER (id)
GETTER (title)
GETTER (version)
GETTER (status)
GETTER (effective)
GETTER (currency)
GETTER (source)
GETTER (file)

/**
 * quorum_budget_document_get_classification:
 *
 * Returns: `white` (also when the file says nothing), `green`, `amber` or `red`
 */
const char *
quorum_budget_document_get_classification (QuorumBudgetDocument *self)
{
  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self), NULL);
  return self->classification != NULL ? self->classification : "white";
}

/**
 * quorum_budget_document_dup_years:
 *
 * Returns: (transfer full) (nullable): the span of regulatory years the
 *   document's columns cover, e.g. `2018/19–2020/21`
 */
char *
quorum_budget_document_dup_years (QuorumBudgetDocument *self)
{
  const char *first = NULL, *last = NULL;
  guint n_tables;

  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self), NULL);

  n_tables = g_list_model_get_n_items (G_LIST_MODEL (self->tables));
  for (guint i = 0; i < n_tables; i++)
    {
      g_autoptr(QuorumTable) table = g_list_model_get_item (G_LIST_MODEL (self->tables), i);

      for (guint j = 0; j < table->n_columns; j++)
        {
          g_autoptr(QuorumColumn) column =
            g_list_model_get_item (G_LIST_MODEL (table->columns), j);

          if (column->year == NULL)
            continue;
          if (first == NULL || strcmp (column->year, first) < 0)
            first = column->year;
          if (last == NULL || strcmp (column->year, last) > 0)
            last = column->year;
        }
    }

  if (first == NULL)
    return NULL;
  if (g_str_equal (first, last))
    return g_strdup (first);
  return g_strdup_printf ("%s–%s", first, last);
}

/**
 * quorum_budget_document_get_tables:
 *
 * Returns: (transfer none): the tables, a list of #QuorumTable
 */
GListModel *
quorum_budget_document_get_tables (QuorumBudgetDocument *self)
{
  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->tables);
}

/**
 * quorum_budget_document_find_table:
 *
 * Returns: (transfer none) (nullable): the table with that id
 */
QuorumTable *
quorum_budget_document_find_table (QuorumBudgetDocument *self,
                                   const char           *table_id)
{
  guint n;

  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self), NULL);
  g_return_val_if_fail (table_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tables));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumTable) table = g_list_model_get_item (G_LIST_MODEL (self->tables), i);

      if (g_strcmp0 (table->id, table_id) == 0)
        return table;
    }
  return NULL;
}

/**
 * quorum_budget_document_get_findings:
 *
 * Returns: (transfer none): the findings, a list of #QuorumFinding in
 *   document order
 */
GListModel *
quorum_budget_document_get_findings (QuorumBudgetDocument *self)
{
  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->findings);
}

guint
quorum_budget_document_get_n_findings (QuorumBudgetDocument *self)
{
  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->findings));
}

guint
quorum_budget_document_get_n_mismatches (QuorumBudgetDocument *self)
{
  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self), 0);
  return self->n_mismatches;
}

gint64
quorum_budget_document_get_tolerance (QuorumBudgetDocument *self)
{
  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self), 0);
  return self->tolerance;
}

/**
 * quorum_budget_document_set_tolerance:
 * @tolerance: in hundredths of a table's unit; at most this much difference
 *   is `rounding`, more is `mismatch`
 *
 * Changes the tolerance and recomputes the findings.
 */
void
quorum_budget_document_set_tolerance (QuorumBudgetDocument *self,
                                      gint64                tolerance)
{
  g_return_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self));
  g_return_if_fail (tolerance >= 0);

  if (self->tolerance == tolerance)
    return;
  self->tolerance = tolerance;
  _quorum_document_collect_findings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINDINGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MISMATCHES]);
}

/**
 * quorum_budget_document_to_json:
 *
 * Writes the document back as JSON: every member it was read with, known
 * or not, in its original order, numbers exactly as they were written.
 *
 * Returns: (transfer full): the text
 */
char *
quorum_budget_document_to_json (QuorumBudgetDocument *self)
{
  g_return_val_if_fail (QUORUM_IS_BUDGET_DOCUMENT (self), NULL);

  return quorum_json_tree_to_string (self->tree, NULL);
}
