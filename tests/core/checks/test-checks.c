/* test-checks.c: effective values and findings, as the store format defines them
 *
 * Each case is a small budget document; its findings are compared one by
 * one, in order, and chosen cells' stated, computed and effective values
 * are checked. JSON is written with single quotes for legibility; they are
 * turned into double quotes before parsing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"
#include "quorum-test-util.h"

#include <string.h>

#define MAX_FINDINGS 8
#define MAX_CELLS 12

#define NONE { QUORUM_VALUE_ABSENT, 0 }
#define NA { QUORUM_VALUE_NA, 0 }
#define AMT(x) { QUORUM_VALUE_AMOUNT, (x) }

#define ROUNDING QUORUM_SEVERITY_ROUNDING
#define MISMATCH QUORUM_SEVERITY_MISMATCH
#define GROUP QUORUM_RULE_GROUP
#define TOTAL QUORUM_RULE_TOTAL
#define PERCENT QUORUM_RULE_PERCENT
#define COLUMN QUORUM_RULE_COLUMN
#define CROSS QUORUM_RULE_CROSS_CHECK

typedef struct
{
  QuorumSeverity severity;
  QuorumRule rule;
  const char *table;
  const char *row;
  const char *column;
  gint64 stated;
  gint64 computed;
  gint64 difference;
  const char *label;      /* cross-checks only */
} ExpectedFinding;

typedef struct
{
  const char *table;
  const char *row;
  const char *column;
  QuorumValue stated;
  QuorumValue computed;
  QuorumValue effective;
} ExpectedCell;

typedef struct
{
  const char *name;
  const char *tables;     /* the members of "tables": [ … ] */
  const char *checks;     /* the members of "checks": [ … ], or NULL */
  ExpectedFinding findings[MAX_FINDINGS];   /* up to the first with table NULL */
  ExpectedCell cells[MAX_CELLS];
} CheckCase;

static char *
document_text (const char *tables,
               const char *checks)
{
  g_autofree char *t = quorum_test_dq (tables);
  g_autofree char *c = checks ? quorum_test_dq (checks) : NULL;

  if (c != NULL)
    return g_strdup_printf ("{\"format\": \"quorum.budget/1\", \"id\": \"t\",\n"
                            "\"tables\": [%s],\n\"checks\": [%s]}\n", t, c);
  return g_strdup_printf ("{\"format\": \"quorum.budget/1\", \"id\": \"t\",\n"
                          "\"tables\": [%s]}\n", t);
}

static QuorumBudgetDocument *
load_document (const char *tables,
               const char *checks)
{
  g_autofree char *text = document_text (tables, checks);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  QuorumBudgetDocument *document;

  document = quorum_budget_document_new_from_data ("budgets/t.json", text, strlen (text),
                                                   problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *problem = quorum_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("unexpected problem: %s", problem);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (document);
  g_assert_cmpstr (quorum_budget_document_get_id (document), ==, "t");
  g_assert_cmpstr (quorum_budget_document_get_file (document), ==, "budgets/t.json");
  return document;
}

static QuorumRow *
find_cell (QuorumBudgetDocument *document,
           const char           *table_id,
           const char           *row_id,
           const char           *column_id,
           guint                *column_index)
{
  QuorumTable *table = quorum_budget_document_find_table (document, table_id);
  QuorumColumn *column;
  QuorumRow *row;

  g_assert_nonnull (table);
  row = quorum_table_find_row (table, row_id);
  g_assert_nonnull (row);
  column = quorum_table_find_column (table, column_id);
  g_assert_nonnull (column);
  *column_index = quorum_column_get_index (column);
  return row;
}

static void
assert_value (const QuorumValue *value,
              const QuorumValue *expected,
              const char        *what)
{
  g_test_message ("  %s: kind %d amount %" G_GINT64_FORMAT, what, value->kind, value->amount);
  g_assert_cmpint (value->kind, ==, expected->kind);
  if (expected->kind == QUORUM_VALUE_AMOUNT)
    g_assert_cmpint (value->amount, ==, expected->amount);
}

static void
assert_cell (QuorumBudgetDocument *document,
             const ExpectedCell   *cell)
{
  guint c;
  QuorumRow *row = find_cell (document, cell->table, cell->row, cell->column, &c);

  g_test_message ("cell %s/%s/%s", cell->table, cell->row, cell->column);
  assert_value (quorum_row_get_stated (row, c), &cell->stated, "stated");
  assert_value (quorum_row_get_computed (row, c), &cell->computed, "computed");
  assert_value (quorum_row_get_effective (row, c), &cell->effective, "effective");
}

static void
assert_finding (QuorumBudgetDocument  *document,
                QuorumFinding         *finding,
                const ExpectedFinding *expected)
{
  GPtrArray *on_cell;
  QuorumRow *row;
  guint c;

  g_test_message ("finding %s %s %s/%s/%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                  quorum_severity_to_string (quorum_finding_get_severity (finding)),
                  quorum_rule_to_string (quorum_finding_get_rule (finding)),
                  quorum_finding_get_table_id (finding), quorum_finding_get_row_id (finding),
                  quorum_finding_get_column_id (finding), quorum_finding_get_stated (finding),
                  quorum_finding_get_computed (finding));
  g_assert_cmpint (quorum_finding_get_severity (finding), ==, expected->severity);
  g_assert_cmpint (quorum_finding_get_rule (finding), ==, expected->rule);
  g_assert_cmpstr (quorum_finding_get_document_id (finding), ==, "t");
  g_assert_cmpstr (quorum_finding_get_table_id (finding), ==, expected->table);
  g_assert_cmpstr (quorum_finding_get_row_id (finding), ==, expected->row);
  g_assert_cmpstr (quorum_finding_get_column_id (finding), ==, expected->column);
  g_assert_cmpint (quorum_finding_get_stated (finding), ==, expected->stated);
  g_assert_cmpint (quorum_finding_get_computed (finding), ==, expected->computed);
  g_assert_cmpint (quorum_finding_get_difference (finding), ==, expected->difference);
  g_assert_cmpstr (quorum_finding_get_label (finding), ==, expected->label);

  /* the finding is also on its cell */
  row = find_cell (document, expected->table, expected->row, expected->column, &c);
  on_cell = quorum_row_get_findings (row, c);
  g_assert_nonnull (on_cell);
  g_assert_true (g_ptr_array_find (on_cell, finding, NULL));
}

static void
assert_findings (QuorumBudgetDocument  *document,
                 const ExpectedFinding *expected)
{
  GListModel *findings = quorum_budget_document_get_findings (document);
  guint n_expected = 0, n_mismatches = 0;

  while (n_expected < MAX_FINDINGS && expected[n_expected].table != NULL)
    {
      if (expected[n_expected].severity == MISMATCH)
        n_mismatches++;
      n_expected++;
    }

  for (guint i = 0; i < MIN (n_expected, g_list_model_get_n_items (findings)); i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (findings, i);

      assert_finding (document, finding, &expected[i]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, n_expected);
  g_assert_cmpuint (quorum_budget_document_get_n_findings (document), ==, n_expected);
  g_assert_cmpuint (quorum_budget_document_get_n_mismatches (document), ==, n_mismatches);
}

static void
test_case (gconstpointer data)
{
  const CheckCase *test = data;
  g_autoptr(QuorumBudgetDocument) document = load_document (test->tables, test->checks);

  assert_findings (document, test->findings);
  for (guint i = 0; i < MAX_CELLS && test->cells[i].table != NULL; i++)
    assert_cell (document, &test->cells[i]);
}

static const CheckCase cases[] = {
  {
    "group/mismatch",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g', 'values': {'a': 10}, 'rows': ["
    "   {'id': 'x', 'values': {'a': 3}}, {'id': 'y', 'values': {'a': 4}}]}]}",
    NULL,
    { { MISMATCH, GROUP, "t", "g", "a", 1000, 700, 300 } },
    {
      { "t", "g", "a", AMT (1000), AMT (700), AMT (1000) },
      { "t", "x", "a", AMT (300), NONE, AMT (300) },
    },
  },
  {
    /* one wrong subtotal is one finding: the total uses its stated value */
    "group/no-cascade",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g', 'values': {'a': 10}, 'rows': ["
    "   {'id': 'x', 'values': {'a': 3}}, {'id': 'y', 'values': {'a': 4}}]},"
    " {'id': 'z', 'values': {'a': 5}}],"
    " 'total': {'values': {'a': 15}}}",
    NULL,
    { { MISMATCH, GROUP, "t", "g", "a", 1000, 700, 300 } },
    {
      { "t", "@total", "a", AMT (1500), AMT (1500), AMT (1500) },
    },
  },
  {
    /* … and a total that is wrong as well is a second, separate finding */
    "group/and-total",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g', 'values': {'a': 10}, 'rows': ["
    "   {'id': 'x', 'values': {'a': 3}}, {'id': 'y', 'values': {'a': 4}}]},"
    " {'id': 'z', 'values': {'a': 5}}],"
    " 'total': {'values': {'a': 12}}}",
    NULL,
    {
      { MISMATCH, GROUP, "t", "g", "a", 1000, 700, 300 },
      { MISMATCH, TOTAL, "t", "@total", "a", 1200, 1500, -300 },
    },
  },
  {
    "group/nested",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g1', 'values': {'a': 6}, 'rows': ["
    "   {'id': 'g2', 'values': {'a': 5}, 'rows': ["
    "     {'id': 'x', 'values': {'a': 2}}, {'id': 'y', 'values': {'a': 2}}]},"
    "   {'id': 'z', 'values': {'a': 1}}]}]}",
    NULL,
    { { ROUNDING, GROUP, "t", "g2", "a", 500, 400, 100 } },
    {
      { "t", "g1", "a", AMT (600), AMT (600), AMT (600) },
      { "t", "g2", "a", AMT (500), AMT (400), AMT (500) },
    },
  },
  {
    /* a group that states nothing takes its computed value */
    "group/not-stated",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g1', 'rows': [{'id': 'g2', 'rows': [{'id': 'x', 'values': {'a': 1}}]},"
    "                       {'id': 'y', 'values': {'a': 2.5}}]},"
    " {'id': 'z', 'values': {'a': 0.5}}],"
    " 'total': {'values': {'a': 4}}}",
    NULL,
    { { 0 } },
    {
      { "t", "g2", "a", NONE, AMT (100), AMT (100) },
      { "t", "g1", "a", NONE, AMT (350), AMT (350) },
      { "t", "@total", "a", AMT (400), AMT (400), AMT (400) },
    },
  },
  {
    /* no children's values in a column: nothing to check there */
    "group/children-without-values",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}], 'rows': ["
    " {'id': 'g', 'values': {'a': 5, 'b': 7}, 'rows': [{'id': 'x', 'values': {'a': 5}}]},"
    " {'id': 'h', 'values': {'a': 3}, 'rows': [{'id': 'y', 'values': {'a': null}}]}]}",
    NULL,
    { { 0 } },
    {
      { "t", "g", "a", AMT (500), AMT (500), AMT (500) },
      { "t", "g", "b", AMT (700), NONE, AMT (700) },
      { "t", "x", "b", NONE, NONE, NONE },
      { "t", "h", "a", AMT (300), NONE, AMT (300) },
      { "t", "y", "a", NA, NONE, NA },
    },
  },
  {
    /* rules with no operands: an empty group, a total of no rows */
    "group/empty",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g', 'values': {'a': 5}, 'rows': []}],"
    " 'total': {'values': {'a': 5}}},"
    "{'id': 'u', 'columns': [{'id': 'a'}], 'rows': [], 'total': {'values': {'a': 9}}}",
    NULL,
    { { 0 } },
    {
      { "t", "g", "a", AMT (500), NONE, AMT (500) },
      { "t", "@total", "a", AMT (500), AMT (500), AMT (500) },
      { "u", "@total", "a", AMT (900), NONE, AMT (900) },
    },
  },
  {
    "group/negative",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g', 'values': {'a': -1}, 'rows': ["
    "   {'id': 'x', 'values': {'a': -3}}, {'id': 'y', 'values': {'a': 1}}]},"
    " {'id': 'h', 'values': {'a': -5}, 'rows': ["
    "   {'id': 'z', 'values': {'a': -3}}, {'id': 'w', 'values': {'a': 1}}]},"
    " {'id': 'k', 'values': {'a': -0.05}, 'rows': [{'id': 'v', 'values': {'a': 0.05}}]}],"
    " 'total': {'values': {'a': -6.05}}}",
    NULL,
    {
      { ROUNDING, GROUP, "t", "g", "a", -100, -200, 100 },
      { MISMATCH, GROUP, "t", "h", "a", -500, -200, -300 },
      { ROUNDING, GROUP, "t", "k", "a", -5, 5, -10 },
    },
    {
      { "t", "@total", "a", AMT (-605), AMT (-605), AMT (-605) },
    },
  },
  {
    /* exactly the tolerance is rounding, a penny more a mismatch, both ways */
    "total/tolerance-boundary",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}, {'id': 'c'}, {'id': 'd'}, {'id': 'e'}],"
    " 'rows': [{'id': 'x', 'values': {'a': 1, 'b': 1, 'c': 1, 'd': 1, 'e': 1}},"
    "          {'id': 'y', 'values': {'a': 2, 'b': 2, 'c': 2, 'd': 2, 'e': 2}}],"
    " 'total': {'values': {'a': 4, 'b': 4.01, 'c': 2, 'd': 1.99, 'e': 3}}}",
    NULL,
    {
      { ROUNDING, TOTAL, "t", "@total", "a", 400, 300, 100 },
      { MISMATCH, TOTAL, "t", "@total", "b", 401, 300, 101 },
      { ROUNDING, TOTAL, "t", "@total", "c", 200, 300, -100 },
      { MISMATCH, TOTAL, "t", "@total", "d", 199, 300, -101 },
    },
    {
      { "t", "@total", "e", AMT (300), AMT (300), AMT (300) },
    },
  },
  {
    /* 5% of 0.10 is 0.005, which rounds away from zero to 0.01 */
    "percent/rounding",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}, {'id': 'c'}, {'id': 'd'}], 'rows': ["
    " {'id': 'x', 'values': {'a': 0.05, 'b': -0.05, 'c': 0.04, 'd': 0.05}},"
    " {'id': 'y', 'values': {'a': 0.05, 'b': -0.05, 'c': 0.04, 'd': 0.05}},"
    " {'id': 'p', 'label': 'Contingency (5%)', 'percent': 5, 'of': ['x', 'y'],"
    "  'values': {'a': 0, 'b': 0, 'c': 0.01, 'd': 0.01}}]}",
    NULL,
    {
      { ROUNDING, PERCENT, "t", "p", "a", 0, 1, -1 },
      { ROUNDING, PERCENT, "t", "p", "b", 0, -1, 1 },
      { ROUNDING, PERCENT, "t", "p", "c", 1, 0, 1 },
    },
    {
      { "t", "p", "a", AMT (0), AMT (1), AMT (0) },
      { "t", "p", "b", AMT (0), AMT (-1), AMT (0) },
      { "t", "p", "c", AMT (1), AMT (0), AMT (1) },
      { "t", "p", "d", AMT (1), AMT (1), AMT (1) },
    },
  },
  {
    "percent/mismatch",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}], 'rows': ["
    " {'id': 'x', 'values': {'a': 100, 'b': 1000}},"
    " {'id': 'y', 'values': {'a': 300}},"
    " {'id': 'p', 'percent': 5, 'of': ['x', 'y'], 'values': {'a': 25}},"
    " {'id': 'q', 'percent': 2.5, 'of': ['x'], 'values': {'b': 25}}]}",
    NULL,
    { { MISMATCH, PERCENT, "t", "p", "a", 2500, 2000, 500 } },
    {
      { "t", "p", "b", NONE, AMT (5000), AMT (5000) },
      { "t", "q", "b", AMT (2500), AMT (2500), AMT (2500) },
      { "t", "q", "a", NONE, AMT (250), AMT (250) },
    },
  },
  {
    /* a percentage states nothing: its computed value counts in the total */
    "percent/not-stated",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'x', 'values': {'a': 100}},"
    " {'id': 'p', 'percent': 5, 'of': ['x']}],"
    " 'total': {'values': {'a': 105}}}",
    NULL,
    { { 0 } },
    {
      { "t", "p", "a", NONE, AMT (500), AMT (500) },
      { "t", "@total", "a", AMT (10500), AMT (10500), AMT (10500) },
    },
  },
  {
    /* `of` rows without values in a column: not checked there */
    "percent/of-without-values",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}, {'id': 'c'}], 'rows': ["
    " {'id': 'x', 'values': {'a': 100, 'c': null}},"
    " {'id': 'p', 'percent': 5, 'of': ['x'], 'values': {'a': 5, 'b': 3, 'c': 4}}]}",
    NULL,
    { { 0 } },
    {
      { "t", "p", "a", AMT (500), AMT (500), AMT (500) },
      { "t", "p", "b", AMT (300), NONE, AMT (300) },
      { "t", "p", "c", AMT (400), NONE, AMT (400) },
    },
  },
  {
    /* of a group, of a row nested in another group, and N/A counted as 0 */
    "percent/of-groups",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g', 'rows': [{'id': 'x', 'values': {'a': 100}}, {'id': 'n', 'values': {'a': null}},"
    "                      {'id': 'y', 'values': {'a': 100}}]},"
    " {'id': 'h', 'values': {'a': 80}, 'rows': [{'id': 'z', 'values': {'a': 50}},"
    "   {'id': 'p', 'percent': 10, 'of': ['g', 'z', 'n'], 'values': {'a': 25}}]}],"
    " 'total': {'values': {'a': 280}}}",
    NULL,
    { { MISMATCH, GROUP, "t", "h", "a", 8000, 7500, 500 } },
    {
      { "t", "g", "a", NONE, AMT (20000), AMT (20000) },
      { "t", "p", "a", AMT (2500), AMT (2500), AMT (2500) },
      { "t", "@total", "a", AMT (28000), AMT (28000), AMT (28000) },
    },
  },
  {
    /* a percentage of a percentage, declared before it */
    "percent/chain",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'p2', 'percent': 50, 'of': ['p1'], 'values': {'a': 2.5}},"
    " {'id': 'p1', 'percent': 5, 'of': ['x']},"
    " {'id': 'x', 'values': {'a': 100}}]}",
    NULL,
    { { 0 } },
    {
      { "t", "p1", "a", NONE, AMT (500), AMT (500) },
      { "t", "p2", "a", AMT (250), AMT (250), AMT (250) },
    },
  },
  {
    /* in a computed column every row, groups and the total included, comes
     * from the column's formula, and only the column rule checks it */
    "column/sum",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}, {'id': 's', 'sum': ['a', 'b']}],"
    " 'rows': ["
    " {'id': 'x', 'values': {'a': 1, 'b': 2, 's': 3}},"
    " {'id': 'y', 'values': {'a': 1, 'b': 2, 's': 4}},"
    " {'id': 'z', 'values': {'a': 1, 'b': 2}},"
    " {'id': 'g', 'values': {'s': 10}, 'rows': ["
    "   {'id': 'u', 'values': {'a': 1, 's': 7}}, {'id': 'v', 'values': {'b': 2}}]}],"
    " 'total': {'values': {'a': 4, 'b': 8, 's': 11}}}",
    NULL,
    {
      { ROUNDING, COLUMN, "t", "y", "s", 400, 300, 100 },
      { MISMATCH, COLUMN, "t", "g", "s", 1000, 300, 700 },
      { MISMATCH, COLUMN, "t", "u", "s", 700, 100, 600 },
      { ROUNDING, COLUMN, "t", "@total", "s", 1100, 1200, -100 },
    },
    {
      { "t", "z", "s", NONE, AMT (300), AMT (300) },
      { "t", "g", "a", NONE, AMT (100), AMT (100) },
      { "t", "g", "s", AMT (1000), AMT (300), AMT (1000) },
      { "t", "v", "s", NONE, AMT (200), AMT (200) },
      { "t", "@total", "a", AMT (400), AMT (400), AMT (400) },
      { "t", "@total", "s", AMT (1100), AMT (1200), AMT (1100) },
    },
  },
  {
    "column/difference",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}, {'id': 'v', 'difference': ['a', 'b']}],"
    " 'rows': ["
    " {'id': 'x', 'values': {'a': 5, 'b': 3, 'v': 2}},"
    " {'id': 'y', 'values': {'a': 3, 'b': 5, 'v': 2}},"
    " {'id': 'z', 'values': {'a': 1}},"
    " {'id': 'w', 'values': {'b': 1}},"
    " {'id': 'n', 'values': {'a': null, 'b': null}},"
    " {'id': 'm', 'values': {'v': 7}},"
    " {'id': 'k', 'values': {'a': -0.05, 'b': 0.05, 'v': -0.1}}]}",
    NULL,
    { { MISMATCH, COLUMN, "t", "y", "v", 200, -200, 400 } },
    {
      { "t", "z", "v", NONE, AMT (100), AMT (100) },
      { "t", "w", "v", NONE, AMT (-100), AMT (-100) },
      { "t", "n", "v", NONE, NA, NA },
      { "t", "m", "v", AMT (700), NONE, AMT (700) },
      { "t", "k", "v", AMT (-10), AMT (-10), AMT (-10) },
    },
  },
  {
    /* a difference with an N/A operand does not apply: N/A, never checked,
     * whatever is stated; a sum still counts N/A as 0 and is checked */
    "column/difference-na",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}, {'id': 'v', 'difference': ['a', 'b']},"
    "                        {'id': 's', 'sum': ['a', 'b']}],"
    " 'rows': ["
    " {'id': 'x', 'values': {'a': 5, 'b': null, 'v': 7, 's': 5}},"
    " {'id': 'y', 'values': {'a': null, 'b': 3}},"
    " {'id': 'z', 'values': {'a': 4, 'b': null, 's': 9}}]}",
    NULL,
    { { MISMATCH, COLUMN, "t", "z", "s", 900, 400, 500 } },
    {
      { "t", "x", "v", AMT (700), NA, AMT (700) },
      { "t", "x", "s", AMT (500), AMT (500), AMT (500) },
      { "t", "y", "v", NONE, NA, NA },
      { "t", "y", "s", NONE, AMT (300), AMT (300) },
      { "t", "z", "v", NONE, NA, NA },
    },
  },
  {
    /* a column computed from a computed column declared after it */
    "column/chain",
    "{'id': 't', 'columns': [{'id': 'd', 'difference': ['c', 'a']}, {'id': 'a'}, {'id': 'b'},"
    "                        {'id': 'c', 'sum': ['a', 'b']}],"
    " 'rows': [{'id': 'x', 'values': {'a': 1, 'b': 2, 'd': 5}},"
    "          {'id': 'y', 'values': {'a': 1, 'b': 2, 'c': 10}}]}",
    NULL,
    {
      { MISMATCH, COLUMN, "t", "x", "d", 500, 200, 300 },
      { MISMATCH, COLUMN, "t", "y", "c", 1000, 300, 700 },
    },
    {
      { "t", "x", "c", NONE, AMT (300), AMT (300) },
      /* d uses c's effective value: the stated 10 */
      { "t", "y", "d", NONE, AMT (900), AMT (900) },
    },
  },
  {
    /* a percentage row in a computed column is checked by the column rule */
    "column/percent-row",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}, {'id': 's', 'sum': ['a', 'b']}],"
    " 'rows': [{'id': 'x', 'values': {'a': 100, 'b': 100}},"
    "          {'id': 'p', 'percent': 10, 'of': ['x'], 'values': {'s': 25}}]}",
    NULL,
    { { MISMATCH, COLUMN, "t", "p", "s", 2500, 2000, 500 } },
    {
      { "t", "p", "a", NONE, AMT (1000), AMT (1000) },
    },
  },
  {
    /* 12 meetings at £1,000 each */
    "cross-check/factor",
    "{'id': 'meetings', 'unit': 'count', 'columns': [{'id': 'y'}],"
    " 'rows': [{'id': 'm', 'values': {'y': 12}}]},"
    "{'id': 'acc', 'columns': [{'id': 'y'}],"
    " 'rows': [{'id': 'hire', 'values': {'y': 13000}}, {'id': 'other', 'values': {'y': 5}}],"
    " 'total': {'values': {'y': 13005}}}",
    "{'label': 'Rooms at £1,000 a meeting', 'left': 'acc/hire/y', 'right': 'meetings/m/y',"
    " 'factor': 1000},"
    "{'label': 'Holds', 'left': 'acc/other/y', 'right': 'acc/other/y'}",
    { { MISMATCH, CROSS, "acc", "hire", "y", 1300000, 1200000, 100000,
        "Rooms at £1,000 a meeting" } },
    { { NULL } },
  },
  {
    /* the largest products held, either sign */
    "cross-check/near-the-limit",
    "{'id': 't', 'columns': [{'id': 'y'}], 'rows': ["
    " {'id': 'm', 'values': {'y': 9999999999.99}},"
    " {'id': 'big', 'values': {'y': 9999999999990}},"
    " {'id': 'neg', 'values': {'y': -9999999999999.99}}]}",
    "{'left': 't/big/y', 'right': 't/m/y', 'factor': 1000},"
    "{'left': 't/neg/y', 'right': 't/m/y', 'factor': -1000}",
    { { MISMATCH, CROSS, "t", "neg", "y", G_GINT64_CONSTANT (-999999999999999),
        G_GINT64_CONSTANT (-999999999999000), -999 } },
    { { NULL } },
  },
  {
    /* a contractual discount of minus 10% */
    "cross-check/negative-factor",
    "{'id': 't', 'columns': [{'id': 'y'}, {'id': 'z'}], 'rows': ["
    " {'id': 'core', 'values': {'y': 6027378, 'z': 0.05}},"
    " {'id': 'discount', 'values': {'y': -602738, 'z': 0}}]}",
    "{'label': 'Discount', 'left': 't/discount/y', 'right': 't/core/y', 'factor': -0.1},"
    "{'label': 'Half a penny', 'left': 't/discount/z', 'right': 't/core/z', 'factor': -0.1}",
    {
      { ROUNDING, CROSS, "t", "discount", "y", -60273800, -60273780, -20, "Discount" },
      { ROUNDING, CROSS, "t", "discount", "z", 0, -1, 1, "Half a penny" },
    },
    { { NULL } },
  },
  {
    /* @total on either side, the default factor, N/A and computed sides */
    "cross-check/sides",
    "{'id': 'one', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'x', 'values': {'a': 10}},"
    " {'id': 'g', 'rows': [{'id': 'gx', 'values': {'a': 12}}]},"
    " {'id': 'blank', 'values': {}}],"
    " 'total': {'values': {'a': 22}}},"
    "{'id': 'two', 'columns': [{'id': 'b'}], 'rows': ["
    " {'id': 'y', 'values': {'b': 12}},"
    " {'id': 'n', 'values': {'b': null}}],"
    " 'total': {'label': 'All'}}",
    "{'left': 'one/@total/a', 'right': 'two/@total/b'},"
    "{'left': 'one/x/a', 'right': 'two/y/b', 'factor': 1},"
    "{'left': 'one/x/a', 'right': 'two/n/b'},"
    "{'left': 'two/n/b', 'right': 'one/x/a'},"
    "{'left': 'one/blank/a', 'right': 'one/x/a'},"
    "{'left': 'one/g/a', 'right': 'two/y/b'},"
    "{'left': 'two/@total/b', 'right': 'one/g/a'}",
    {
      { MISMATCH, CROSS, "one", "@total", "a", 2200, 1200, 1000 },
      { MISMATCH, CROSS, "one", "x", "a", 1000, 1200, -200 },
    },
    {
      { "two", "@total", "b", NONE, AMT (1200), AMT (1200) },
      { "one", "g", "a", NONE, AMT (1200), AMT (1200) },
    },
  },
  {
    /* N/A is never checked and counts as 0 */
    "na",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}], 'rows': ["
    " {'id': 'g', 'values': {'a': 5}, 'rows': ["
    "   {'id': 'x', 'values': {'a': null}}, {'id': 'y', 'values': {'a': 5}}]},"
    " {'id': 'h', 'values': {'a': null}, 'rows': [{'id': 'z', 'values': {'a': 3}}]},"
    " {'id': 'p', 'percent': 50, 'of': ['g'], 'values': {'a': null}},"
    " {'id': 'w', 'values': {'b': null}}],"
    " 'total': {'values': {'a': 5, 'b': 0}}}",
    NULL,
    { { 0 } },
    {
      { "t", "x", "a", NA, NONE, NA },
      { "t", "g", "a", AMT (500), AMT (500), AMT (500) },
      { "t", "h", "a", NA, AMT (300), NA },
      { "t", "p", "a", NA, AMT (250), NA },
      { "t", "@total", "a", AMT (500), AMT (500), AMT (500) },
      { "t", "@total", "b", AMT (0), NONE, AMT (0) },
    },
  },
};

/* Changing the tolerance recomputes every severity, not the findings. */
static void
test_tolerance (void)
{
  g_autoptr(QuorumBudgetDocument) document = load_document (
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'b'}, {'id': 'c'}, {'id': 'd'}, {'id': 'e'}],"
    " 'rows': [{'id': 'x', 'values': {'a': 1, 'b': 1, 'c': 1, 'd': 1, 'e': 1}}],"
    " 'total': {'values': {'a': 1.01, 'b': 2, 'c': 2.01, 'd': 4, 'e': -4}}}", NULL);
  static const gint64 differences[] = { 1, 100, 101, 300, -500 };
  static const struct
  {
    gint64 tolerance;
    guint n_mismatches;
    QuorumSeverity severities[5];
  } steps[] = {
    { QUORUM_DEFAULT_TOLERANCE, 3, { ROUNDING, ROUNDING, MISMATCH, MISMATCH, MISMATCH } },
    { 0, 5, { MISMATCH, MISMATCH, MISMATCH, MISMATCH, MISMATCH } },
    { 1, 4, { ROUNDING, MISMATCH, MISMATCH, MISMATCH, MISMATCH } },
    { 300, 1, { ROUNDING, ROUNDING, ROUNDING, ROUNDING, MISMATCH } },
    { 500, 0, { ROUNDING, ROUNDING, ROUNDING, ROUNDING, ROUNDING } },
    { QUORUM_DEFAULT_TOLERANCE, 3, { ROUNDING, ROUNDING, MISMATCH, MISMATCH, MISMATCH } },
  };
  QuorumTable *table = quorum_budget_document_find_table (document, "t");
  QuorumRow *total = quorum_table_get_total (table);

  g_assert_cmpint (quorum_budget_document_get_tolerance (document), ==, 100);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      GListModel *findings;

      quorum_budget_document_set_tolerance (document, steps[s].tolerance);
      g_assert_cmpint (quorum_budget_document_get_tolerance (document), ==, steps[s].tolerance);
      findings = quorum_budget_document_get_findings (document);
      g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 5);
      g_assert_cmpuint (quorum_budget_document_get_n_mismatches (document), ==,
                        steps[s].n_mismatches);
      g_assert_cmpuint (quorum_table_get_n_findings (table), ==, 5);

      for (guint i = 0; i < 5; i++)
        {
          g_autoptr(QuorumFinding) finding = g_list_model_get_item (findings, i);
          GPtrArray *on_cell = quorum_row_get_findings (total, i);

          g_assert_cmpint (quorum_finding_get_rule (finding), ==, TOTAL);
          g_assert_cmpint (quorum_finding_get_difference (finding), ==, differences[i]);
          g_assert_cmpint (quorum_finding_get_severity (finding), ==, steps[s].severities[i]);
          /* the cell holds the new finding, and only it */
          g_assert_nonnull (on_cell);
          g_assert_cmpuint (on_cell->len, ==, 1);
          g_assert_true (g_ptr_array_index (on_cell, 0) == finding);
        }
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_tolerance_notify (void)
{
  g_autoptr(QuorumBudgetDocument) document = load_document (
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x', 'values': {'a': 1}}],"
    " 'total': {'values': {'a': 3}}}", NULL);
  guint n_mismatches_notified = 0;
  guint n_mismatches = 99;

  g_signal_connect (document, "notify::n-mismatches", G_CALLBACK (count_notify),
                    &n_mismatches_notified);

  g_object_get (document, "n-mismatches", &n_mismatches, NULL);
  g_assert_cmpuint (n_mismatches, ==, 1);

  quorum_budget_document_set_tolerance (document, 200);
  g_assert_cmpuint (n_mismatches_notified, ==, 1);
  g_object_get (document, "n-mismatches", &n_mismatches, NULL);
  g_assert_cmpuint (n_mismatches, ==, 0);

  /* the same tolerance again changes nothing */
  quorum_budget_document_set_tolerance (document, 200);
  g_assert_cmpuint (n_mismatches_notified, ==, 1);
}

/* Findings are listed tables first, rows depth-first with the total last,
 * then the cross-checks; a cross-check counts on its left side's table. */
static void
test_order_and_counts (void)
{
  g_autoptr(QuorumBudgetDocument) document = load_document (
    "{'id': 'one', 'columns': [{'id': 'a'}, {'id': 'b'}], 'rows': ["
    " {'id': 'g', 'values': {'a': 1, 'b': 1}, 'rows': ["
    "   {'id': 'h', 'values': {'a': 1}, 'rows': [{'id': 'x', 'values': {'a': 2, 'b': 2}}]}]},"
    " {'id': 'y', 'values': {'a': 1}}],"
    " 'total': {'values': {'a': 9}}},"
    "{'id': 'two', 'columns': [{'id': 'c'}], 'rows': [{'id': 'z', 'values': {'c': 4}}],"
    " 'total': {'values': {'c': 5}}}",
    "{'left': 'two/z/c', 'right': 'one/y/a'}, {'left': 'one/y/a', 'right': 'two/z/c'}");
  static const char * const order[] = {
    "group one g b", "group one h a", "total one @total a", "total two @total c",
    "cross-check two z c", "cross-check one y a",
  };
  GListModel *findings = quorum_budget_document_get_findings (document);

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *text =
        g_strdup_printf ("%s %s %s %s",
                         quorum_rule_to_string (quorum_finding_get_rule (finding)),
                         quorum_finding_get_table_id (finding),
                         quorum_finding_get_row_id (finding),
                         quorum_finding_get_column_id (finding));

      g_assert_cmpstr (text, ==, order[i]);
    }

  /* one: g b, h a, total a, and the cross-check on y */
  g_assert_cmpuint (quorum_table_get_n_findings (quorum_budget_document_find_table (document,
                                                                                    "one")),
                    ==, 4);
  g_assert_cmpuint (quorum_table_get_n_findings (quorum_budget_document_find_table (document,
                                                                                    "two")),
                    ==, 2);

  /* the rules' names */
  g_assert_cmpstr (quorum_rule_to_string (GROUP), ==, "group");
  g_assert_cmpstr (quorum_rule_to_string (TOTAL), ==, "total");
  g_assert_cmpstr (quorum_rule_to_string (PERCENT), ==, "percent");
  g_assert_cmpstr (quorum_rule_to_string (COLUMN), ==, "column");
  g_assert_cmpstr (quorum_rule_to_string (CROSS), ==, "cross-check");
  g_assert_cmpstr (quorum_severity_to_string (ROUNDING), ==, "rounding");
  g_assert_cmpstr (quorum_severity_to_string (MISMATCH), ==, "mismatch");
}

/* Each finding says why it is flagged: its rule in words, a cross-check by
 * its label. */
static void
test_rule_description (void)
{
  g_autoptr(QuorumBudgetDocument) document = load_document (
    "{'id': 'one', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g', 'values': {'a': 1}, 'rows': [{'id': 'x', 'values': {'a': 2}}]}],"
    " 'total': {'values': {'a': 9}}},"
    "{'id': 'two', 'columns': [{'id': 'c'}], 'rows': [{'id': 'z', 'values': {'c': 4}}]}",
    "{'label': 'Table one equals table two', 'left': 'two/z/c', 'right': 'one/x/a'}");
  static const char * const rules[] = {
    "group", "Group sum: the rows beneath it added up",
    "total", "Total: the table’s rows added up",
    "cross-check", "Cross-check: Table one equals table two",
  };
  GListModel *findings = quorum_budget_document_get_findings (document);
  g_autoptr(QuorumFinding) unlabelled = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, G_N_ELEMENTS (rules) / 2);
  for (guint i = 0; i < G_N_ELEMENTS (rules) / 2; i++)
    {
      g_autoptr(QuorumFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *described = quorum_finding_describe_rule (finding);
      g_autofree char *property = NULL;

      g_object_get (finding, "rule-description", &property, NULL);
      g_assert_cmpstr (quorum_rule_to_string (quorum_finding_get_rule (finding)), ==,
                       rules[2 * i]);
      g_assert_cmpstr (described, ==, rules[2 * i + 1]);
      g_assert_cmpstr (property, ==, described);
    }

  /* A cross-check without a label, and the other rules. */
  unlabelled = quorum_finding_new (MISMATCH, CROSS, "d", "t", "r", "c", 1, 2);
  text = quorum_finding_describe_rule (unlabelled);
  g_assert_cmpstr (text, ==, "Cross-check: a figure in another table");
  for (QuorumRule rule = GROUP; rule <= CROSS; rule++)
    {
      g_autoptr(QuorumFinding) finding = quorum_finding_new (ROUNDING, rule, "d", "t", "r", "c",
                                                             1, 2);
      g_autofree char *described = quorum_finding_describe_rule (finding);

      g_assert_true (described != NULL && described[0] != '\0');
      g_assert_nonnull (strchr (described, ':'));
    }
}

/* A column's figures show one precision: pence on all when one has them
 * (a computed total's too), none otherwise. */
static void
test_table_decimals (void)
{
  g_autoptr(QuorumBudgetDocument) document = load_document (
    "{'id': 't', 'columns': [{'id': 'whole'}, {'id': 'pence'}, {'id': 'sum'}], 'rows': ["
    " {'id': 'x', 'values': {'whole': 1, 'pence': 2.5, 'sum': 0.25}},"
    " {'id': 'y', 'values': {'whole': 3, 'pence': 4, 'sum': 1}}],"
    " 'total': {}}",
    NULL);
  QuorumTable *table = quorum_budget_document_find_table (document, "t");

  g_assert_nonnull (table);
  g_assert_cmpuint (quorum_table_get_decimals (table, 0), ==, 0);
  g_assert_cmpuint (quorum_table_get_decimals (table, 1), ==, 2);
  g_assert_cmpuint (quorum_table_get_decimals (table, 2), ==, 2);
  /* Worked out once: the same again. */
  g_assert_cmpuint (quorum_table_get_decimals (table, 1), ==, 2);
}

/* Row kinds and the other things a document says about its rows. */
static void
test_row_kinds (void)
{
  g_autoptr(QuorumBudgetDocument) document = load_document (
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g', 'label': 'Group', 'rows': [{'id': 'x', 'rate': 1000, 'values': {'a': 1}}]},"
    " {'id': 'p', 'percent': 2.5, 'of': ['g', 'x']}],"
    " 'total': {'values': {}}}", NULL);
  QuorumTable *table = quorum_budget_document_find_table (document, "t");
  QuorumRow *g = quorum_table_find_row (table, "g");
  QuorumRow *x = quorum_table_find_row (table, "x");
  QuorumRow *p = quorum_table_find_row (table, "p");
  QuorumRow *total = quorum_table_get_total (table);
  gint64 value = 0;

  g_assert_cmpint (quorum_row_get_kind (g), ==, QUORUM_ROW_GROUP);
  g_assert_cmpint (quorum_row_get_kind (x), ==, QUORUM_ROW_LINE);
  g_assert_cmpint (quorum_row_get_kind (p), ==, QUORUM_ROW_PERCENTAGE);
  g_assert_cmpint (quorum_row_get_kind (total), ==, QUORUM_ROW_TOTAL);
  g_assert_true (quorum_table_find_row (table, "@total") == total);
  g_assert_null (quorum_table_find_row (table, "nope"));
  g_assert_cmpuint (quorum_row_get_depth (g), ==, 0);
  g_assert_cmpuint (quorum_row_get_depth (x), ==, 1);
  g_assert_cmpstr (quorum_row_get_label (g), ==, "Group");
  g_assert_cmpstr (quorum_row_get_label (x), ==, "x");
  g_assert_cmpstr (quorum_row_get_label (total), ==, "Total");
  g_assert_true (quorum_row_get_rate (x, &value));
  g_assert_cmpint (value, ==, 100000);
  g_assert_false (quorum_row_get_rate (g, &value));
  g_assert_true (quorum_row_get_percent (p, &value));
  g_assert_cmpint (value, ==, 250);
  g_assert_cmpstrv (quorum_row_get_of (p), ((const char * const[]) { "g", "x", NULL }));
  g_assert_cmpuint (g_list_model_get_n_items (quorum_row_get_children (g)), ==, 1);
  g_assert_null (quorum_row_get_children (x));
  /* 2.5% of (1.00 + 1.00) = 0.05 */
  g_assert_cmpint (quorum_row_get_effective (p, 0)->amount, ==, 5);
  g_assert_cmpint (quorum_row_get_effective (total, 0)->amount, ==, 105);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_budget_document_get_findings (document)),
                    ==, 0);
}

/* Loops ------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *tables;
  const char *path;       /* the JSON path of the problem */
  const char *message;    /* a substring of its message */
} LoopCase;

static const LoopCase loops[] = {
  {
    "percent-in-own-of",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'x', 'values': {'a': 1}}, {'id': 'p', 'percent': 5, 'of': ['x', 'p']}]}",
    "$.tables[0].rows[1]", "row “p” refers to itself",
  },
  {
    "percent-mutual",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'p', 'percent': 5, 'of': ['q']}, {'id': 'x', 'values': {'a': 1}},"
    " {'id': 'q', 'percent': 5, 'of': ['p', 'x']}]}",
    "$.tables[0].rows[0]", "row “p” refers to itself",
  },
  {
    "percent-of-ancestor",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g', 'rows': [{'id': 'x', 'values': {'a': 1}},"
    "                      {'id': 'p', 'percent': 5, 'of': ['g']}]}]}",
    "$.tables[0].rows[0]", "row “g” refers to itself",
  },
  {
    "percent-of-grandparent",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'x', 'values': {'a': 1}},"
    " {'id': 'g1', 'rows': [{'id': 'g2', 'rows': ["
    "   {'id': 'p', 'percent': 5, 'of': ['x', 'g1']}]}]}]}",
    "$.tables[0].rows[1]", "row “g1” refers to itself",
  },
  {
    "percent-through-groups",
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'g', 'rows': [{'id': 'p', 'percent': 5, 'of': ['h']}]},"
    " {'id': 'h', 'rows': [{'id': 'q', 'percent': 5, 'of': ['g']}]}]}",
    "$.tables[0].rows[0]", "row “g” refers to itself",
  },
  {
    "sum-column-in-own-operands",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'c', 'sum': ['a', 'c']}], 'rows': ["
    " {'id': 'x', 'values': {'a': 1}}]}",
    "$.tables[0].columns[1]", "column “c” is computed from itself",
  },
  {
    "difference-column-in-own-operands",
    "{'id': 't', 'columns': [{'id': 'v', 'difference': ['v', 'a']}, {'id': 'a'}], 'rows': []}",
    "$.tables[0].columns[0]", "column “v” is computed from itself",
  },
  {
    "columns-mutual",
    "{'id': 't', 'columns': [{'id': 'a'}, {'id': 'c', 'sum': ['a', 'd']},"
    "                        {'id': 'd', 'difference': ['c', 'a']}], 'rows': ["
    " {'id': 'x', 'values': {'a': 1}}]}",
    "$.tables[0].columns[1]", "column “c” is computed from itself",
  },
  {
    "columns-three",
    "{'id': 't', 'columns': [{'id': 'c1', 'sum': ['c3']}, {'id': 'c2', 'sum': ['c1']},"
    "                        {'id': 'c3', 'sum': ['c2']}], 'rows': []}",
    "$.tables[0].columns[0]", "column “c1” is computed from itself",
  },
  {
    "loop-in-second-table",
    "{'id': 'ok', 'columns': [{'id': 'a'}], 'rows': [{'id': 'x', 'values': {'a': 1}}]},"
    "{'id': 't', 'columns': [{'id': 'a'}], 'rows': ["
    " {'id': 'p', 'percent': 100, 'of': ['p']}]}",
    "$.tables[1].rows[0]", "row “p” refers to itself",
  },
};

static void
test_loop (gconstpointer data)
{
  const LoopCase *loop = data;
  g_autofree char *text = document_text (loop->tables, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumBudgetDocument) document = NULL;
  QuorumProblem *problem;

  document = quorum_budget_document_new_from_data ("budgets/t.json", text, strlen (text),
                                                   problems);
  g_assert_null (document);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_test_message ("problem: %s", quorum_problem_get_message (problem));
  g_assert_cmpstr (quorum_problem_get_file (problem), ==, "budgets/t.json");
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, loop->path);
  /* and where it stands in the file */
  g_assert_cmpuint (quorum_problem_get_line (problem), >, 0);
  g_assert_cmpuint (quorum_problem_get_column (problem), >, 0);
  g_assert_nonnull (strstr (quorum_problem_get_message (problem), "loop"));
  g_assert_nonnull (strstr (quorum_problem_get_message (problem), loop->message));

  /* without a list to report to, it fails just the same */
  g_assert_null (quorum_budget_document_new_from_data ("budgets/t.json", text, strlen (text),
                                                       NULL));
}

/* A percentage of a percentage of … n rows: row p0 names p1, and so on,
 * the last names a line of 1.00. Written on one line, like a script would. */
static char *
chain_document (guint n)
{
  GString *text = g_string_new ("{\"format\": \"quorum.budget/1\", \"id\": \"t\", \"tables\": "
                                "[{\"id\": \"t\", \"columns\": [{\"id\": \"a\"}], \"rows\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "{\"id\": \"p%u\", \"percent\": 100, \"of\": [\"p%u\"]}, ",
                            i, i + 1);
  g_string_append_printf (text, "{\"id\": \"p%u\", \"values\": {\"a\": 1}}]}]}", n);
  return g_string_free (text, FALSE);
}

static void
test_chain_limit (void)
{
  g_autofree char *ok = chain_document (1000);
  g_autofree char *too_long = chain_document (1001);
  g_autofree char *hostile = chain_document (99998);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumBudgetDocument) document = NULL;
  QuorumProblem *problem;
  QuorumRow *first;

  document = quorum_budget_document_new_from_data ("budgets/t.json", ok, strlen (ok), problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (document);
  first = quorum_table_find_row (quorum_budget_document_find_table (document, "t"), "p0");
  g_assert_cmpint (quorum_row_get_effective (first, 0)->amount, ==, 100);

  /* one more is refused, at the row where the chain is too long */
  g_assert_null (quorum_budget_document_new_from_data ("budgets/t.json", too_long,
                                                       strlen (too_long), problems));
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (quorum_problem_get_file (problem), ==, "budgets/t.json");
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$.tables[0].rows[1000]");
  g_assert_cmpstr (quorum_problem_get_message (problem), ==,
                   "row “p1000” is computed through a chain of more than 1000 rows");

  /* and a hostile one costs no more than that */
  g_assert_null (quorum_budget_document_new_from_data ("budgets/t.json", hostile,
                                                       strlen (hostile), problems));
  g_assert_cmpuint (problems->len, ==, 2);
}

/* The same chain listed bottom-up: p0 is the line, p1 is a percentage of
 * p0, and so on, so each row's operand is already computed when it is
 * reached and evaluation never recurses deeply. */
static char *
reversed_chain_document (guint n)
{
  GString *text = g_string_new ("{\"format\": \"quorum.budget/1\", \"id\": \"t\", \"tables\": "
                                "[{\"id\": \"t\", \"columns\": [{\"id\": \"a\"}], \"rows\": ["
                                "{\"id\": \"p0\", \"values\": {\"a\": 1}}");

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text, ", {\"id\": \"p%u\", \"percent\": 100, \"of\": [\"p%u\"]}",
                            i, i - 1);
  g_string_append (text, "]}]}");
  return g_string_free (text, FALSE);
}

static void
test_chain_limit_any_order (void)
{
  g_autofree char *ok = reversed_chain_document (1000);
  g_autofree char *too_long = reversed_chain_document (1001);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumBudgetDocument) document = NULL;
  QuorumProblem *problem;
  QuorumRow *last;

  document = quorum_budget_document_new_from_data ("budgets/t.json", ok, strlen (ok), problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (document);
  last = quorum_table_find_row (quorum_budget_document_find_table (document, "t"), "p1000");
  g_assert_cmpint (quorum_row_get_effective (last, 0)->amount, ==, 100);

  /* one more is refused as in the top-down order, at the row whose chain
   * is too long */
  g_assert_null (quorum_budget_document_new_from_data ("budgets/t.json", too_long,
                                                       strlen (too_long), problems));
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$.tables[0].rows[1001]");
  g_assert_cmpstr (quorum_problem_get_message (problem), ==,
                   "row “p1001” is computed through a chain of more than 1000 rows");
}

/* n rows of the largest amount and a total of minus that */
static char *
huge_document (guint n)
{
  GString *text = g_string_new ("{\"format\": \"quorum.budget/1\", \"id\": \"t\", \"tables\": "
                                "[{\"id\": \"t\", \"columns\": [{\"id\": \"a\"}], \"rows\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"id\": \"r%u\", \"values\": {\"a\": 9999999999999.99}}",
                            i > 0 ? ", " : "", i);
  g_string_append (text, "], \"total\": {\"values\": {\"a\": -9999999999999.99}}}]}");
  return g_string_free (text, FALSE);
}

/* Sums beyond the amounts' limit are held while a finding's difference
 * can be: 9222 rows are, 9223 are not. */
static void
test_huge_sums (void)
{
  g_autofree char *held = huge_document (9222);
  g_autofree char *too_much = huge_document (9223);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumBudgetDocument) document = NULL;
  g_autoptr(QuorumFinding) finding = NULL;
  QuorumProblem *problem;

  document = quorum_budget_document_new_from_data ("budgets/t.json", held, strlen (held),
                                                   problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (document);
  g_assert_cmpuint (quorum_budget_document_get_n_findings (document), ==, 1);
  finding = g_list_model_get_item (quorum_budget_document_get_findings (document), 0);
  g_assert_cmpint (quorum_finding_get_stated (finding), ==, G_GINT64_CONSTANT (-999999999999999));
  g_assert_cmpint (quorum_finding_get_computed (finding), ==,
                   G_GINT64_CONSTANT (9221999999999990778));
  g_assert_cmpint (quorum_finding_get_difference (finding), ==,
                   G_GINT64_CONSTANT (-9222999999999990777));
  g_assert_cmpint (quorum_finding_get_severity (finding), ==, MISMATCH);

  g_assert_null (quorum_budget_document_new_from_data ("budgets/t.json", too_much,
                                                       strlen (too_much), problems));
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (quorum_problem_get_path (problem), ==, "$.tables[0].total");
  g_assert_cmpstr (quorum_problem_get_message (problem), ==,
                   "row “@total” adds up to more than can be held");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checks/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/checks/tolerance", test_tolerance);
  g_test_add_func ("/checks/tolerance-notify", test_tolerance_notify);
  g_test_add_func ("/checks/order-and-counts", test_order_and_counts);
  g_test_add_func ("/checks/row-kinds", test_row_kinds);
  g_test_add_func ("/checks/rule-description", test_rule_description);
  g_test_add_func ("/checks/table-decimals", test_table_decimals);
  g_test_add_func ("/checks/chain-limit", test_chain_limit);
  g_test_add_func ("/checks/chain-limit-any-order", test_chain_limit_any_order);
  g_test_add_func ("/checks/huge-sums", test_huge_sums);
  for (gsize i = 0; i < G_N_ELEMENTS (loops); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checks/loop/%s", loops[i].name);

      g_test_add_data_func (path, &loops[i], test_loop);
    }

  return g_test_run ();
}
