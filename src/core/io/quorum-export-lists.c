/* quorum-export-lists.c: findings, work packages, actions and a table's rows
 * as grids (for CSV and the clipboard) and as JSON
 *
 * A grid has one header row naming the columns, then a row per item. The
 * JSON of an item is what quorum-cli prints for it (check, work-packages,
 * actions --format json): one code for both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-export.h"

#include "quorum-amount.h"
#include "quorum-action-update.h"
#include "quorum-decision.h"

static const char * const finding_columns[] = {
  "Severity", "Document", "Table", "Row", "Column", "Stated", "Computed", "Difference", "Rule",
  "Label", NULL
};

static const char * const package_columns[] = {
  "ID", "Quarter", "Committee", "Kind", "Status", "Outcome", "Estimate", "Actual", "Variance",
  "Title", NULL
};

static const char * const action_columns[] = {
  "Ref", "Status", "Overdue", "Due", "Owner", "Raised at", "Committee", "Item", "Text", NULL
};

/**
 * quorum_export_grid_header:
 * @table: (nullable): the table, for %QUORUM_EXPORT_TABLE
 *
 * Adds a row naming the columns of a grid of @kind, and marks it as the
 * grid's header.
 */
void
quorum_export_grid_header (QuorumGrid       *grid,
                           QuorumExportKind  kind,
                           QuorumTable      *table)
{
  const char * const *names = kind == QUORUM_EXPORT_FINDINGS ? finding_columns
                              : kind == QUORUM_EXPORT_WORK_PACKAGES ? package_columns
                              : action_columns;

  g_return_if_fail (grid != NULL);
  g_return_if_fail (kind != QUORUM_EXPORT_TABLE || QUORUM_IS_TABLE (table));

  quorum_grid_begin_row (grid);
  quorum_grid_set_header (grid, TRUE);
  if (kind == QUORUM_EXPORT_TABLE)
    {
      GListModel *columns = quorum_table_get_columns (table);

      quorum_grid_add_text (grid, "Row");
      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);

          quorum_grid_add_text (grid, quorum_column_get_label (column));
        }
      return;
    }
  for (guint i = 0; names[i] != NULL; i++)
    quorum_grid_add_text (grid, names[i]);
}

static void
grid_finding (QuorumGrid    *grid,
              QuorumFinding *finding)
{
  quorum_grid_add_text (grid, quorum_severity_to_string (quorum_finding_get_severity (finding)));
  quorum_grid_add_text (grid, quorum_finding_get_document_id (finding));
  quorum_grid_add_text (grid, quorum_finding_get_table_id (finding));
  quorum_grid_add_text (grid, quorum_finding_get_row_id (finding));
  quorum_grid_add_text (grid, quorum_finding_get_column_id (finding));
  quorum_grid_add_amount (grid, quorum_finding_get_stated (finding));
  quorum_grid_add_amount (grid, quorum_finding_get_computed (finding));
  quorum_grid_add_amount (grid, quorum_finding_get_difference (finding));
  quorum_grid_add_text (grid, quorum_rule_to_string (quorum_finding_get_rule (finding)));
  quorum_grid_add_text (grid, quorum_finding_get_label (finding));
}

static void
grid_package (QuorumGrid        *grid,
              QuorumWorkPackage *package)
{
  gint64 amount, percent;

  quorum_grid_add_text (grid, quorum_work_package_get_id (package));
  quorum_grid_add_text (grid, quorum_work_package_get_quarter (package));
  quorum_grid_add_text (grid, quorum_work_package_get_committee (package));
  quorum_grid_add_text (grid, quorum_work_package_get_kind (package));
  quorum_grid_add_text (grid, quorum_work_package_get_status (package));
  quorum_grid_add_text (grid,
                        quorum_outcome_to_string (quorum_work_package_get_outcome (package)));
  quorum_grid_add_amount (grid, quorum_work_package_get_estimate (package));
  if (quorum_work_package_get_actual (package, &amount))
    quorum_grid_add_amount (grid, amount);
  else
    quorum_grid_add_text (grid, NULL);
  if (quorum_work_package_get_variance (package, &amount, &percent))
    quorum_grid_add_amount (grid, amount);
  else
    quorum_grid_add_text (grid, NULL);
  quorum_grid_add_text (grid, quorum_work_package_get_title (package));
}

static void
grid_action (QuorumGrid   *grid,
             QuorumAction *action)
{
  quorum_grid_add_text (grid, quorum_action_get_ref (action));
  quorum_grid_add_text (grid, quorum_action_get_status (action));
  quorum_grid_add_text (grid, quorum_action_get_overdue (action) ? "yes" : "no");
  quorum_grid_add_text (grid, quorum_action_get_due (action));
  quorum_grid_add_text (grid, quorum_action_get_owner (action));
  quorum_grid_add_text (grid, quorum_action_get_meeting (action));
  quorum_grid_add_text (grid, quorum_action_get_committee (action));
  quorum_grid_add_text (grid, quorum_action_get_item (action));
  quorum_grid_add_text (grid, quorum_action_get_text (action));
}

/**
 * quorum_export_grid_item:
 * @table: (nullable): the table of the row, for %QUORUM_EXPORT_TABLE
 * @item: a #QuorumRow of @table, a #QuorumFinding, a #QuorumWorkPackage or
 *   a #QuorumAction, as @kind says
 *
 * Adds a row for @item (a table's row alone, without its children): its
 * label and its values, effective ones for a table.
 */
void
quorum_export_grid_item (QuorumGrid       *grid,
                         QuorumExportKind  kind,
                         QuorumTable      *table,
                         gpointer          item)
{
  g_return_if_fail (grid != NULL);

  quorum_grid_begin_row (grid);
  switch (kind)
    {
    case QUORUM_EXPORT_TABLE:
      g_return_if_fail (QUORUM_IS_TABLE (table) && QUORUM_IS_ROW (item));
      quorum_grid_add_text (grid, quorum_row_get_label (item));
      for (guint c = 0; c < quorum_table_get_n_columns (table); c++)
        quorum_export_grid_value (grid, quorum_row_get_effective (item, c));
      break;
    case QUORUM_EXPORT_FINDINGS:
      g_return_if_fail (QUORUM_IS_FINDING (item));
      grid_finding (grid, item);
      break;
    case QUORUM_EXPORT_WORK_PACKAGES:
      g_return_if_fail (QUORUM_IS_WORK_PACKAGE (item));
      grid_package (grid, item);
      break;
    case QUORUM_EXPORT_ACTIONS:
    default:
      g_return_if_fail (QUORUM_IS_ACTION (item));
      grid_action (grid, item);
      break;
    }
}

static void
append_notes (GString    *out,
              GPtrArray  *notes,
              const char *prefix)
{
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (prefix != NULL)
        g_string_append_printf (out, "%s: ", prefix);
      g_string_append (out, quorum_note_get_text (g_ptr_array_index (notes, i)));
    }
}

static GPtrArray *
lookup (QuorumNotes          *notes,
        QuorumNoteTargetKind  kind,
        const char           *id)
{
  g_autofree char *key = quorum_note_target_key (kind, id, NULL, NULL, NULL);

  return quorum_notes_lookup (notes, key);
}

/**
 * quorum_export_dup_note:
 * @notes: the store's private notes
 * @document_id: (nullable): the table's document, for %QUORUM_EXPORT_TABLE
 * @table: (nullable): the row's table, for %QUORUM_EXPORT_TABLE
 * @item: a row, a finding, a work package or an action, as @kind says
 *
 * Returns: (transfer full) (nullable): the text of the notes on @item, one
 *   a line (a row's, then each of its cells' after the column's label; a
 *   finding's cell's), or %NULL when it has none
 */
char *
quorum_export_dup_note (QuorumNotes      *notes,
                        QuorumExportKind  kind,
                        const char       *document_id,
                        QuorumTable      *table,
                        gpointer          item)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (QUORUM_IS_NOTES (notes), NULL);

  if (kind == QUORUM_EXPORT_TABLE)
    {
      GListModel *columns = quorum_table_get_columns (table);
      const char *table_id = quorum_table_get_id (table);
      const char *row_id = quorum_row_get_id (item);

      append_notes (out, quorum_notes_lookup_document (notes, document_id, table_id, row_id,
                                                       NULL), NULL);
      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, c);

          append_notes (out, quorum_notes_lookup_document (notes, document_id, table_id, row_id,
                                                           quorum_column_get_id (column)),
                        quorum_column_get_label (column));
        }
    }
  else if (kind == QUORUM_EXPORT_FINDINGS)
    append_notes (out, quorum_notes_lookup_document (notes,
                                                     quorum_finding_get_document_id (item),
                                                     quorum_finding_get_table_id (item),
                                                     quorum_finding_get_row_id (item),
                                                     quorum_finding_get_column_id (item)),
                  NULL);
  else if (kind == QUORUM_EXPORT_WORK_PACKAGES)
    append_notes (out, lookup (notes, QUORUM_NOTE_TARGET_WORK_PACKAGE,
                               quorum_work_package_get_id (item)), NULL);
  else
    append_notes (out, lookup (notes, QUORUM_NOTE_TARGET_ACTION, quorum_action_get_ref (item)),
                  NULL);
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/**
 * quorum_export_list_grid:
 * @kind: %QUORUM_EXPORT_FINDINGS, %QUORUM_EXPORT_WORK_PACKAGES or
 *   %QUORUM_EXPORT_ACTIONS
 * @items: a list of the items @kind says, in the order to write them
 *
 * Returns: (transfer full): a header row, then a row per item
 */
QuorumGrid *
quorum_export_list_grid (QuorumExportKind  kind,
                         GListModel       *items)
{
  return quorum_export_list_grid_full (kind, items, NULL);
}

/**
 * quorum_export_list_grid_full:
 * @notes: (nullable): private notes to add in a last column, `Note`;
 *   %NULL leaves them out, as every export does unless asked
 *
 * Returns: (transfer full): quorum_export_list_grid()'s grid, with the notes
 *   on each item when @notes is given
 */
QuorumGrid *
quorum_export_list_grid_full (QuorumExportKind  kind,
                              GListModel       *items,
                              QuorumNotes      *notes)
{
  QuorumGrid *grid;

  g_return_val_if_fail (kind != QUORUM_EXPORT_TABLE, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (notes == NULL || QUORUM_IS_NOTES (notes), NULL);

  grid = quorum_grid_new ();
  quorum_export_grid_header (grid, kind, NULL);
  if (notes != NULL)
    quorum_grid_add_text (grid, "Note");
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      quorum_export_grid_item (grid, kind, NULL, item);
      if (notes != NULL)
        {
          g_autofree char *note = quorum_export_dup_note (notes, kind, NULL, NULL, item);

          quorum_grid_add_text (grid, note);
        }
    }
  return grid;
}

/* --- JSON ------------------------------------------------------------------ */

/**
 * quorum_export_json_string:
 * @member: (nullable): the member's name; %NULL in an array
 * @value: (nullable): the value; %NULL is a JSON null
 *
 * Adds a string to @builder, made valid UTF-8 (invalid bytes become
 * U+FFFD): quorum-cli's JSON and the app's exports write strings so.
 */
void
quorum_export_json_string (JsonBuilder *builder,
                           const char  *member,
                           const char  *value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));

  if (member != NULL)
    json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else if (g_utf8_validate (value, -1, NULL))
    json_builder_add_string_value (builder, value);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      json_builder_add_string_value (builder, valid);
    }
}

static void
json_string (JsonBuilder *builder,
             const char  *member,
             const char  *value)
{
  quorum_export_json_string (builder, member, value);
}

static void
json_amount (JsonBuilder *builder,
             const char  *member,
             gint64       amount)
{
  g_autofree char *text = quorum_amount_format (amount);

  json_string (builder, member, text);
}

static void
json_null (JsonBuilder *builder,
           const char  *member)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_null_value (builder);
}

static void
json_boolean (JsonBuilder *builder,
              const char  *member,
              gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static JsonNode *
json_end (JsonBuilder *builder)
{
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * quorum_export_finding_json:
 *
 * Returns: (transfer full): the finding as `quorum-cli check --format json`
 *   prints it
 */
JsonNode *
quorum_export_finding_json (QuorumFinding *finding)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  QuorumSeverity severity;

  g_return_val_if_fail (QUORUM_IS_FINDING (finding), NULL);

  severity = quorum_finding_get_severity (finding);
  json_builder_begin_object (builder);
  json_string (builder, "severity", quorum_severity_to_string (severity));
  json_string (builder, "document", quorum_finding_get_document_id (finding));
  json_string (builder, "table", quorum_finding_get_table_id (finding));
  json_string (builder, "row", quorum_finding_get_row_id (finding));
  json_string (builder, "column", quorum_finding_get_column_id (finding));
  json_amount (builder, "stated", quorum_finding_get_stated (finding));
  json_amount (builder, "computed", quorum_finding_get_computed (finding));
  json_amount (builder, "difference", quorum_finding_get_difference (finding));
  json_string (builder, "rule", quorum_rule_to_string (quorum_finding_get_rule (finding)));
  if (quorum_finding_get_label (finding) != NULL)
    json_string (builder, "label", quorum_finding_get_label (finding));
  return json_end (builder);
}

static const char *
seal_state_to_string (QuorumSealState state)
{
  switch (state)
    {
    case QUORUM_SEAL_VALID: return "valid";
    case QUORUM_SEAL_BROKEN: return "broken";
    case QUORUM_SEAL_NONE:
    default: return "none";
    }
}

static void
json_decision (JsonBuilder    *builder,
               QuorumDecision *decision)
{
  json_builder_begin_object (builder);
  json_string (builder, "id", quorum_decision_get_id (decision));
  json_string (builder, "decision", quorum_decision_get_decision (decision));
  json_string (builder, "by", quorum_decision_get_by (decision));
  json_string (builder, "role", quorum_decision_get_role (decision));
  json_string (builder, "at", quorum_decision_get_at (decision));
  json_string (builder, "comment", quorum_decision_get_comment (decision));
  json_string (builder, "seal", seal_state_to_string (quorum_decision_get_seal_state (decision)));
  json_boolean (builder, "pending_sync", quorum_decision_get_pending_sync (decision));
  json_string (builder, "file", quorum_decision_get_file (decision));
  json_builder_end_object (builder);
}

static void
json_budget_ref (JsonBuilder       *builder,
                 QuorumWorkPackage *package)
{
  const char *document, *table, *row, *column, *line_column, *label;
  gint64 provision;

  if (!quorum_work_package_get_budget_ref (package, &document, &table, &row, &column))
    {
      json_null (builder, "budget_ref");
      return;
    }

  json_builder_set_member_name (builder, "budget_ref");
  json_builder_begin_object (builder);
  json_string (builder, "document", document);
  json_string (builder, "table", table);
  json_string (builder, "row", row);
  if (quorum_work_package_get_budget_line (package, &line_column, &label, &provision))
    {
      json_string (builder, "column", line_column);
      json_string (builder, "label", label);
      json_amount (builder, "provision", provision);
    }
  else
    {
      json_string (builder, "column", column);
      json_null (builder, "provision");
    }
  json_string (builder, "problem", quorum_work_package_get_budget_problem (package));
  json_builder_end_object (builder);
}

/**
 * quorum_export_work_package_json:
 *
 * Returns: (transfer full): the package with its decisions, as
 *   `quorum-cli work-packages --format json` prints it
 */
JsonNode *
quorum_export_work_package_json (QuorumWorkPackage *package)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *model;
  gint64 actual, variance, percent;

  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (package), NULL);

  model = quorum_work_package_get_decisions (package);
  json_builder_begin_object (builder);
  json_string (builder, "id", quorum_work_package_get_id (package));
  json_string (builder, "quarter", quorum_work_package_get_quarter (package));
  json_string (builder, "kind", quorum_work_package_get_kind (package));
  json_string (builder, "title", quorum_work_package_get_title (package));
  json_string (builder, "committee", quorum_work_package_get_committee (package));
  json_string (builder, "service_area", quorum_work_package_get_service_area (package));
  json_string (builder, "status", quorum_work_package_get_status (package));
  json_string (builder, "outcome",
               quorum_outcome_to_string (quorum_work_package_get_outcome (package)));
  json_amount (builder, "estimate", quorum_work_package_get_estimate (package));
  if (quorum_work_package_get_actual (package, &actual))
    json_amount (builder, "actual", actual);
  else
    json_null (builder, "actual");
  if (quorum_work_package_get_variance (package, &variance, &percent))
    {
      json_amount (builder, "variance", variance);
      json_amount (builder, "variance_percent", percent);
    }
  else
    {
      json_null (builder, "variance");
      json_null (builder, "variance_percent");
    }
  json_budget_ref (builder, package);

  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(QuorumDecision) decision = g_list_model_get_item (model, i);

      json_decision (builder, decision);
    }
  json_builder_end_array (builder);
  return json_end (builder);
}

/**
 * quorum_export_action_json:
 *
 * Returns: (transfer full): the action with its updates, as
 *   `quorum-cli actions --format json` prints it
 */
JsonNode *
quorum_export_action_json (QuorumAction *action)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *updates;

  g_return_val_if_fail (QUORUM_IS_ACTION (action), NULL);

  updates = quorum_action_get_updates (action);
  json_builder_begin_object (builder);
  json_string (builder, "ref", quorum_action_get_ref (action));
  json_string (builder, "status", quorum_action_get_status (action));
  json_boolean (builder, "overdue", quorum_action_get_overdue (action));
  json_string (builder, "due", quorum_action_get_due (action));
  json_string (builder, "owner", quorum_action_get_owner (action));
  json_string (builder, "raised_at", quorum_action_get_meeting (action));
  json_string (builder, "committee", quorum_action_get_committee (action));
  json_string (builder, "item", quorum_action_get_item (action));
  json_string (builder, "text", quorum_action_get_text (action));
  json_builder_set_member_name (builder, "updates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(QuorumActionUpdate) update = g_list_model_get_item (updates, i);

      json_builder_begin_object (builder);
      json_string (builder, "meeting", quorum_action_update_get_meeting (update));
      json_string (builder, "date", quorum_action_update_get_date (update));
      json_string (builder, "status", quorum_action_update_get_status (update));
      json_string (builder, "text", quorum_action_update_get_text (update));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_end (builder);
}

/**
 * quorum_export_list_json:
 * @kind: %QUORUM_EXPORT_FINDINGS, %QUORUM_EXPORT_WORK_PACKAGES or
 *   %QUORUM_EXPORT_ACTIONS
 * @items: a list of the items @kind says
 *
 * Returns: (transfer full): `{"findings": […]}`, `{"work_packages": […]}`
 *   or `{"actions": […]}`, the members as quorum-cli prints them
 */
JsonNode *
quorum_export_list_json (QuorumExportKind  kind,
                         GListModel       *items)
{
  return quorum_export_list_json_full (kind, items, NULL);
}

static JsonNode *
item_json (QuorumExportKind  kind,
           GObject          *item,
           QuorumNotes      *notes)
{
  JsonNode *node = kind == QUORUM_EXPORT_FINDINGS
                   ? quorum_export_finding_json (QUORUM_FINDING (item))
                   : kind == QUORUM_EXPORT_WORK_PACKAGES
                   ? quorum_export_work_package_json (QUORUM_WORK_PACKAGE (item))
                   : quorum_export_action_json (QUORUM_ACTION (item));

  if (notes != NULL)
    {
      g_autofree char *note = quorum_export_dup_note (notes, kind, NULL, NULL, item);

      if (note != NULL)
        json_object_set_string_member (json_node_get_object (node), "note", note);
      else
        json_object_set_null_member (json_node_get_object (node), "note");
    }
  return node;
}

/**
 * quorum_export_list_json_full:
 * @notes: (nullable): private notes to add to each item as `"note"`;
 *   %NULL leaves them out, as every export does unless asked
 *
 * Returns: (transfer full): quorum_export_list_json()'s object, with the
 *   notes on each item when @notes is given
 */
JsonNode *
quorum_export_list_json_full (QuorumExportKind  kind,
                              GListModel       *items,
                              QuorumNotes      *notes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (kind != QUORUM_EXPORT_TABLE, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (notes == NULL || QUORUM_IS_NOTES (notes), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, kind == QUORUM_EXPORT_FINDINGS ? "findings"
                                         : kind == QUORUM_EXPORT_WORK_PACKAGES ? "work_packages"
                                         : "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      json_builder_add_value (builder, item_json (kind, item, notes));
    }
  json_builder_end_array (builder);
  return json_end (builder);
}
