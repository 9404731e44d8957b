/* quorum-model-private.h: instance structs shared by the loader and the checks
 *
 * Not installed, not for the app: the app uses the public accessors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-budget-document.h"
#include "quorum-committee.h"
#include "quorum-json.h"
#include "quorum-row-index.h"
#include "quorum-row-list.h"

G_BEGIN_DECLS

struct _QuorumColumn
{
  GObject parent_instance;

  char *id;
  char *label;
  char *year;
  char *phase;
  char *component;
  char *grade;
  QuorumFormula formula;
  GStrv operands;
  guint *operand_index;   /* resolved operands, n = g_strv_length (operands) */
  guint index;
  char *json_path;
  JsonNode *node;         /* borrowed from the document's tree, for positions */
};

/* What few rows state: a row that states none of it has none (NULL).
 * row_extra_is_empty() in quorum-row.c lists every member. */
typedef struct
{
  char *note;
  char *committee;
  GStrv committees;
  char *service_area;
  char *component;
  char *rate_unit;        /* meeting, day, month, year, fte; NULL when not stated */
  gboolean has_rate;
  gint64 rate;
  gint64 percent;         /* hundredths of a percent */
  GStrv of;
  QuorumRow **of_rows;    /* resolved, borrowed from the table */
  QuorumValue *effective;  /* NULL: stated where given, else computed
                            * (_quorum_row_effective()); set only where a
                            * failed evaluation left cells unfinished */
  GPtrArray **findings;   /* per column, NULL unless the cell has one */
  QuorumRowList *children;  /* a group's rows */
} QuorumRowExtra;

/* A table has as many rows as its file has lines, so a row is kept small
 * (64 bytes): its stated values, id and label in one block, the rest in
 * @extra; _quorum_row_id(), _quorum_row_label() and _quorum_row_children()
 * read them. */
struct _QuorumRow
{
  GObject parent_instance;

  QuorumValue *stated;    /* n_values of them, then the id, then the label */
  QuorumValue *computed;  /* NULL until a cell has a computed value */
  QuorumRowExtra *extra;  /* NULL when the row states none of it */
  guint32 offset;         /* of its object in the document's text: its position */
  guint16 n_values;       /* the table's columns: at most QUORUM_MAX_COLUMNS */
  guint16 mark;           /* quorum-checks.c's, while a table is evaluated */
  guint8 kind;            /* QuorumRowKind */
  guint8 depth;           /* at most QUORUM_JSON_MAX_DEPTH */
  guint8 id_size;         /* with its NUL; 0: no id */
  guint8 has_label;
};

struct _QuorumTable
{
  GObject parent_instance;

  char *id;
  char *title;
  char *role;
  char *unit;
  GListStore *columns;    /* of QuorumColumn */
  guint n_columns;
  QuorumRowList *rows;    /* top-level QuorumRow */
  QuorumRow *total;       /* nullable */
  QuorumRowIndex *row_index;  /* by id, every depth */
  GHashTable *column_index;  /* id → QuorumColumn (borrowed) */
  guint n_findings;
  char *json_path;
  guint8 *decimals;       /* each column's precision, worked out on first use */
};

/* The tolerance in hundredths of a table's unit. */
typedef struct
{
  char *label;
  char *left;
  char *right;
  gint64 factor;          /* hundredths */
  QuorumTable *left_table;
  QuorumRow *left_row;
  guint left_column;
  QuorumTable *right_table;
  QuorumRow *right_row;
  guint right_column;
  char *json_path;
} QuorumCrossCheck;

struct _QuorumBudgetDocument
{
  GObject parent_instance;

  char *id;
  char *title;
  char *version;
  char *status;
  char *effective;
  char *currency;
  char *source;
  char *classification;   /* white, green, amber or red */
  char *file;
  GListStore *tables;     /* of QuorumTable */
  GPtrArray *cross_checks;
  GListStore *findings;   /* of QuorumFinding */
  guint n_mismatches;
  gint64 tolerance;
  QuorumJsonTree *tree;   /* the file as read: unknown members survive */
};

QuorumBudgetDocument *_quorum_budget_document_new_take_data (const char *file,
                                                             char       *data,
                                                             gsize       length,
                                                             GPtrArray  *problems);
QuorumColumn *_quorum_column_new   (void);
QuorumRow    *_quorum_row_new      (guint          n_values,
                                    const char    *id,
                                    const char    *label);
QuorumTable  *_quorum_table_new    (void);
QuorumCommittee *_quorum_committee_new (const char *id,
                                        const char *short_name,
                                        const char *name,
                                        const char *service_area,
                                        const char *established,
                                        const char *meets,
                                        const char *note);

void          _quorum_row_set_computed (QuorumRow    *row,
                                        guint         column,
                                        gint64        amount);
void          _quorum_row_set_computed_na (QuorumRow *row,
                                           guint      column);

extern const QuorumValue _quorum_value_absent;
extern const QuorumRowExtra _quorum_row_no_extra;

static inline const char *
_quorum_row_id (const QuorumRow *row)
{
  return row->id_size != 0 ? (const char *) (row->stated + row->n_values) : NULL;
}

static inline const char *
_quorum_row_label (const QuorumRow *row)
{
  return row->has_label ? (const char *) (row->stated + row->n_values) + row->id_size : NULL;
}

/* What the row states of the rarer members, all NULL or 0 when none. */
static inline const QuorumRowExtra *
_quorum_row_extra (const QuorumRow *row)
{
  return row->extra != NULL ? row->extra : &_quorum_row_no_extra;
}

/* A group's rows, or NULL. */
static inline GListModel *
_quorum_row_children (const QuorumRow *row)
{
  QuorumRowList *children = _quorum_row_extra (row)->children;

  return children != NULL ? G_LIST_MODEL (children) : NULL;
}

QuorumRowExtra *_quorum_row_extra_mut (QuorumRow      *row);
void          _quorum_row_take_extra (QuorumRow      *row,
                                      QuorumRowExtra *extra);

/* A cell's computed value: absent where nothing was computed. */
static inline const QuorumValue *
_quorum_row_computed (const QuorumRow *row,
                      guint            column)
{
  return row->computed != NULL ? &row->computed[column] : &_quorum_value_absent;
}

/* A cell's effective value: the stated one where there is one, otherwise
 * the computed one (once the table is evaluated). */
static inline const QuorumValue *
_quorum_row_effective (const QuorumRow *row,
                       guint            column)
{
  if (G_UNLIKELY (row->extra != NULL && row->extra->effective != NULL))
    return &row->extra->effective[column];
  if (row->stated[column].kind != QUORUM_VALUE_ABSENT)
    return &row->stated[column];
  return _quorum_row_computed (row, column);
}

void          _quorum_row_add_finding (QuorumRow     *row,
                                       guint          column,
                                       QuorumFinding *finding);
void          _quorum_row_clear_findings (QuorumRow  *row);

/* quorum-checks.c */
gboolean      _quorum_table_evaluate       (QuorumTable           *table,
                                            char                 **error_path,
                                            QuorumRow            **error_row,
                                            JsonNode             **error_node,
                                            GError               **error);
gboolean      _quorum_cross_check_evaluate (QuorumCrossCheck      *check,
                                            gint64                *stated,
                                            gint64                *computed);
void          _quorum_document_collect_findings (QuorumBudgetDocument *document);

G_END_DECLS
