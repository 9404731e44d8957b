/* quorum-print-job.c: what a view shows, to print: the objects it needs, held
 *
 * A job is made when printing starts, from what the view shows then: a
 * budget table's rows as displayed (groups open or closed, sorted,
 * filtered; the variance's two columns), the Checks list, a work package,
 * a meeting. It holds references to those objects, so that a store that
 * reloads while the job waits (for a confirmation, for the print dialog)
 * changes nothing it prints; the report is built from them by the core
 * (quorum_report_new_for_*()), again with red allowed once confirmed, or
 * with the private notes when asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-print-job.h"

#include <glib/gi18n.h>

#include "quorum-table-item.h"

typedef enum
{
  JOB_TABLE,
  JOB_CHECKS,
  JOB_WORK_PACKAGE,
  JOB_MEETING,
} JobKind;

struct _QuorumPrintJob
{
  GObject parent_instance;

  JobKind kind;
  char *title;
  QuorumStore *store;
  QuorumBudgetDocument *document;
  QuorumTable *table;
  GPtrArray *rows;                /* of QuorumRow, as the view shows them */
  char *variance_from;
  char *variance_to;
  GListModel *documents;          /* the store's documents when the job was made */
  QuorumWorkPackage *work_package;
  QuorumMeeting *meeting;
  QuorumNotes *notes;
};

G_DEFINE_FINAL_TYPE (QuorumPrintJob, quorum_print_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_print_job_finalize (GObject *object)
{
  QuorumPrintJob *self = QUORUM_PRINT_JOB (object);

  g_free (self->title);
  g_clear_object (&self->store);
  g_clear_object (&self->document);
  g_clear_object (&self->table);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->variance_from);
  g_free (self->variance_to);
  g_clear_object (&self->documents);
  g_clear_object (&self->work_package);
  g_clear_object (&self->meeting);
  g_clear_object (&self->notes);

  G_OBJECT_CLASS (quorum_print_job_parent_class)->finalize (object);
}

static void
quorum_print_job_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QuorumPrintJob *self = QUORUM_PRINT_JOB (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_print_job_class_init (QuorumPrintJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_print_job_finalize;
  object_class->get_property = quorum_print_job_get_property;

  /* The print job's name, as the print queue shows it. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_print_job_init (QuorumPrintJob *self)
{
}

static QuorumPrintJob *
job_new (JobKind     kind,
         const char *title)
{
  QuorumPrintJob *self = g_object_new (QUORUM_TYPE_PRINT_JOB, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  return self;
}

/* The rows of @model (of GtkTreeListRow), as QuorumRows. */
static GPtrArray *
shown_rows (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, i);
      g_autoptr(QuorumTableItem) item = gtk_tree_list_row_get_item (tree_row);

      if (item != NULL && quorum_table_item_get_row (item) != NULL)
        g_ptr_array_add (rows, g_object_ref (quorum_table_item_get_row (item)));
    }
  return rows;
}

static char *
column_id (QuorumTable *table,
           guint        index)
{
  g_autoptr(QuorumColumn) column = NULL;

  if (index >= quorum_table_get_n_columns (table))
    return NULL;
  column = g_list_model_get_item (quorum_table_get_columns (table), index);
  return g_strdup (quorum_column_get_id (column));
}

/**
 * quorum_print_job_new_for_table_view:
 *
 * The table @view shows, as it shows it: its rows in their order (groups
 * open or closed, sorted, filtered), and in the variance the two columns
 * compared with their difference.
 *
 * Returns: (transfer full) (nullable): the job, or %NULL when @view shows
 *   no table
 */
QuorumPrintJob *
quorum_print_job_new_for_table_view (QuorumTableView *view)
{
  QuorumPrintJob *self;
  QuorumBudgetDocument *document;
  QuorumTable *table;
  gboolean variance;
  g_autofree char *title = NULL;

  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (view), NULL);

  document = quorum_table_view_get_document (view);
  table = quorum_table_view_get_table (view);
  if (document == NULL || table == NULL)
    return NULL;
  /* Translators: a print job's name: the document's title, a table's title */
  title = g_strdup_printf (_("%s — %s"), quorum_budget_document_get_title (document),
                           quorum_table_get_title (table));
  self = job_new (JOB_TABLE, title);
  self->document = g_object_ref (document);
  self->table = g_object_ref (table);
  variance = quorum_table_view_get_variance (view);
  if (variance)
    {
      guint from = G_MAXUINT, to = G_MAXUINT;

      g_object_get (view, "variance-from", &from, "variance-to", &to, NULL);
      self->variance_from = column_id (table, from);
      self->variance_to = column_id (table, to);
      variance = self->variance_from != NULL && self->variance_to != NULL;
    }
  self->rows = shown_rows (variance ? quorum_table_view_get_variance_rows (view)
                                    : quorum_table_view_get_rows (view));
  return self;
}

/**
 * quorum_print_job_new_for_checks:
 * @documents: of #QuorumBudgetDocument: the store's
 *
 * Returns: (transfer full): the Checks list, of the documents in
 *   @documents now
 */
QuorumPrintJob *
quorum_print_job_new_for_checks (GListModel *documents)
{
  QuorumPrintJob *self;
  GListStore *list;

  g_return_val_if_fail (G_IS_LIST_MODEL (documents), NULL);

  self = job_new (JOB_CHECKS, _("Checks"));
  list = g_list_store_new (QUORUM_TYPE_BUDGET_DOCUMENT);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, i);

      g_list_store_append (list, document);
    }
  self->documents = G_LIST_MODEL (list);
  return self;
}

/**
 * quorum_print_job_new_for_work_package:
 *
 * Returns: (transfer full): a work package with its figures, budget
 *   pressure and decision history
 */
QuorumPrintJob *
quorum_print_job_new_for_work_package (QuorumStore       *store,
                                       QuorumWorkPackage *work_package)
{
  QuorumPrintJob *self;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (work_package), NULL);

  self = job_new (JOB_WORK_PACKAGE, quorum_work_package_get_title (work_package) != NULL
                                      ? quorum_work_package_get_title (work_package)
                                      : quorum_work_package_get_id (work_package));
  self->store = g_object_ref (store);
  self->work_package = g_object_ref (work_package);
  return self;
}

/**
 * quorum_print_job_new_for_meeting:
 * @notes: (nullable): the store's private notes, printed when asked
 *
 * Returns: (transfer full): a meeting's pack: its agenda, papers, the
 *   committee's open actions and, when asked, the notes
 */
QuorumPrintJob *
quorum_print_job_new_for_meeting (QuorumStore   *store,
                                  QuorumMeeting *meeting,
                                  QuorumNotes   *notes)
{
  QuorumPrintJob *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (QUORUM_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (notes == NULL || QUORUM_IS_NOTES (notes), NULL);

  /* Translators: a print job's name: a meeting's title or id */
  title = g_strdup_printf (_("%s — Meeting Pack"), quorum_meeting_get_title (meeting) != NULL
                                                     ? quorum_meeting_get_title (meeting)
                                                     : quorum_meeting_get_id (meeting));
  self = job_new (JOB_MEETING, title);
  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);
  self->notes = notes != NULL ? g_object_ref (notes) : NULL;
  return self;
}

const char *
quorum_print_job_get_title (QuorumPrintJob *self)
{
  g_return_val_if_fail (QUORUM_IS_PRINT_JOB (self), NULL);
  return self->title;
}

/* Whether the job can print private notes: a meeting pack can. */
gboolean
quorum_print_job_get_offers_notes (QuorumPrintJob *self)
{
  g_return_val_if_fail (QUORUM_IS_PRINT_JOB (self), FALSE);
  return self->kind == JOB_MEETING && self->notes != NULL;
}

/**
 * quorum_print_job_build:
 * @allow_red: print what is classified red (confirmed by the user)
 * @with_notes: a meeting pack with the private notes
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 *   (%QUORUM_ERROR_NOT_ALLOWED for something red without @allow_red)
 */
QuorumReport *
quorum_print_job_build (QuorumPrintJob  *self,
                        gboolean         allow_red,
                        gboolean         with_notes,
                        GError         **error)
{
  static QuorumRow *const no_rows[1] = { NULL };
  QuorumReportOptions options = { .allow_red = allow_red };
  g_autoptr(GArray) notes = NULL;

  g_return_val_if_fail (QUORUM_IS_PRINT_JOB (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (self->kind)
    {
    case JOB_TABLE:
      /* No rows shown (a search that matches none) prints none. */
      options.rows = self->rows->len > 0 ? (QuorumRow * const *) self->rows->pdata : no_rows;
      options.n_rows = self->rows->len;
      options.variance_from = self->variance_from;
      options.variance_to = self->variance_to;
      options.variance_only = self->variance_from != NULL;
      return quorum_report_new_for_table (self->document, self->table, &options, error);
    case JOB_CHECKS:
      return quorum_report_new_for_checks (self->documents, &options, error);
    case JOB_WORK_PACKAGE:
      return quorum_report_new_for_work_package (self->store, self->work_package, &options,
                                                 error);
    case JOB_MEETING:
      if (with_notes && self->notes != NULL)
        {
          notes = quorum_report_notes_for_meeting (self->notes, self->meeting);
          options.notes = (const QuorumReportNote *) notes->data;
          options.n_notes = notes->len;
        }
      return quorum_report_new_for_meeting (self->store, self->meeting, &options, error);
    default:
      g_assert_not_reached ();
    }
}
