/* quorum-report.c: a printable report, blocks of text and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-report-private.h"

#include <glib/gi18n.h>

struct _QuorumReport
{
  GObject parent_instance;

  char *title;
  char *version;
  char *classification;
  char *printed;
  GPtrArray *blocks;        /* of QuorumReportBlock */
  gboolean used[QUORUM_REPORT_MARK_MISMATCH + 1];
};

G_DEFINE_FINAL_TYPE (QuorumReport, quorum_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VERSION,
  PROP_CLASSIFICATION,
  PROP_PRINTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str () is GLib 2.76. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
row_clear (gpointer data)
{
  QuorumReportRow *row = data;

  g_strfreev (row->cells);
  g_free (row->marks);
}

static void
block_free (gpointer data)
{
  QuorumReportBlock *block = data;

  g_free (block->text);
  g_clear_pointer (&block->pairs, g_ptr_array_unref);
  g_strfreev (block->headers);
  g_clear_pointer (&block->rows, g_array_unref);
  g_free (block);
}

static void
quorum_report_finalize (GObject *object)
{
  QuorumReport *self = (QuorumReport *) object;

  g_free (self->title);
  g_free (self->version);
  g_free (self->classification);
  g_free (self->printed);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (quorum_report_parent_class)->finalize (object);
}

static void
quorum_report_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumReport *self = QUORUM_REPORT (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_VERSION: g_value_set_string (value, self->version); break;
    case PROP_CLASSIFICATION: g_value_set_string (value, self->classification); break;
    case PROP_PRINTED: g_value_set_string (value, self->printed); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_report_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QuorumReport *self = QUORUM_REPORT (object);

  switch (prop_id)
    {
    case PROP_TITLE: set_str (&self->title, g_value_get_string (value)); break;
    case PROP_VERSION: set_str (&self->version, g_value_get_string (value)); break;
    case PROP_CLASSIFICATION:
      quorum_report_set_classification (self, g_value_get_string (value));
      break;
    case PROP_PRINTED: set_str (&self->printed, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_report_class_init (QuorumReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_report_finalize;
  object_class->get_property = quorum_report_get_property;
  object_class->set_property = quorum_report_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_CLASSIFICATION] =
    g_param_spec_string ("classification", NULL, NULL, "white", flags);
  properties[PROP_PRINTED] = g_param_spec_string ("printed", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_report_init (QuorumReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

/**
 * quorum_report_new:
 * @title: the document's title, on every page's header
 * @version: (nullable): its version, on every page's header
 * @classification: (nullable): `white` (the default), `green`, `amber` or `red`
 * @printed: (nullable): the date printed, on every page's footer; today when %NULL
 *
 * Returns: (transfer full): an empty report
 */
QuorumReport *
quorum_report_new (const char *title,
                   const char *version,
                   const char *classification,
                   const char *printed)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  if (printed == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      printed = today = g_date_time_format (now, "%Y-%m-%d");
    }
  return g_object_new (QUORUM_TYPE_REPORT,
                       "title", title,
                       "version", version,
                       "classification", classification != NULL ? classification : "white",
                       "printed", printed,
                       NULL);
}

#define GETTER(name) \
  const char * \
  quorum_report_get_##name (QuorumReport *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_REPORT (self), NULL); \
    return self->name; \
  }

GETTER (title)
GETTER (version)
GETTER (classification)
GETTER (printed)

/**
 * quorum_report_classification_rank:
 * @classification: (nullable): a classification
 *
 * Returns: 0 for white (or %NULL or unknown), 1 green, 2 amber, 3 red
 */
int
quorum_report_classification_rank (const char *classification)
{
  static const char * const levels[] = { "white", "green", "amber", "red" };

  for (int i = G_N_ELEMENTS (levels) - 1; i > 0; i--)
    if (g_strcmp0 (classification, levels[i]) == 0)
      return i;
  return 0;
}

/**
 * quorum_report_set_classification:
 *
 * Sets the classification printed on every page (a report that gathers
 * several items takes the highest of theirs).
 */
void
quorum_report_set_classification (QuorumReport *self,
                                  const char   *classification)
{
  g_return_if_fail (QUORUM_IS_REPORT (self));

  if (set_str (&self->classification, classification != NULL ? classification : "white"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASSIFICATION]);
}

guint
quorum_report_get_n_blocks (QuorumReport *self)
{
  g_return_val_if_fail (QUORUM_IS_REPORT (self), 0);
  return self->blocks->len;
}

const QuorumReportBlock *
_quorum_report_get_block (QuorumReport *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

static QuorumReportBlock *
add_block (QuorumReport          *self,
           QuorumReportBlockKind  kind,
           const char            *text)
{
  QuorumReportBlock *block = g_new0 (QuorumReportBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
quorum_report_add_heading (QuorumReport *self,
                           const char   *text)
{
  g_return_if_fail (QUORUM_IS_REPORT (self));
  g_return_if_fail (text != NULL);
  add_block (self, QUORUM_REPORT_BLOCK_HEADING, text)->level = 1;
}

/**
 * quorum_report_add_subheading:
 *
 * Adds a heading under a heading (a paper, a part of a work package).
 */
void
quorum_report_add_subheading (QuorumReport *self,
                              const char   *text)
{
  g_return_if_fail (QUORUM_IS_REPORT (self));
  g_return_if_fail (text != NULL);
  add_block (self, QUORUM_REPORT_BLOCK_HEADING, text)->level = 2;
}

void
quorum_report_add_paragraph (QuorumReport *self,
                             const char   *text)
{
  g_return_if_fail (QUORUM_IS_REPORT (self));
  g_return_if_fail (text != NULL);
  add_block (self, QUORUM_REPORT_BLOCK_PARAGRAPH, text);
}

/**
 * quorum_report_add_key_value:
 * @value: (nullable): shown as “—” when %NULL
 *
 * Adds a pair to the key–value list the last block is, or starts one.
 */
void
quorum_report_add_key_value (QuorumReport *self,
                             const char   *key,
                             const char   *value)
{
  QuorumReportBlock *block = NULL;

  g_return_if_fail (QUORUM_IS_REPORT (self));
  g_return_if_fail (key != NULL);

  if (self->blocks->len > 0)
    block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  if (block == NULL || block->kind != QUORUM_REPORT_BLOCK_KEY_VALUES)
    {
      block = add_block (self, QUORUM_REPORT_BLOCK_KEY_VALUES, NULL);
      block->pairs = g_ptr_array_new_with_free_func (g_free);
    }
  g_ptr_array_add (block->pairs, g_strdup (key));
  g_ptr_array_add (block->pairs, g_strdup (value != NULL && *value ? value : "—"));
}

/**
 * quorum_report_begin_table:
 * @headers: the column headers, %NULL-terminated (at most
 *   %QUORUM_REPORT_MAX_COLUMNS); repeated on every page the table spans
 * @figure_columns: bit c set when column c holds figures (right-aligned, in
 *   tabular figures); other columns are text that wraps
 *
 * Starts a table; quorum_report_add_row() adds its rows.
 */
void
quorum_report_begin_table (QuorumReport       *self,
                           const char * const *headers,
                           guint32             figure_columns)
{
  QuorumReportBlock *block;

  g_return_if_fail (QUORUM_IS_REPORT (self));
  g_return_if_fail (headers != NULL && headers[0] != NULL);
  g_return_if_fail (g_strv_length ((char **) headers) <= QUORUM_REPORT_MAX_COLUMNS);

  block = add_block (self, QUORUM_REPORT_BLOCK_TABLE, NULL);
  block->headers = g_strdupv ((char **) headers);
  block->n_columns = g_strv_length (block->headers);
  block->figures = figure_columns;
  block->rows = g_array_new (FALSE, FALSE, sizeof (QuorumReportRow));
  g_array_set_clear_func (block->rows, row_clear);
}

/**
 * quorum_report_add_row:
 * @cells: one text per column (%NULL entries print as nothing); the array
 *   may be shorter than the table is wide when it is %NULL-terminated early
 * @marks: (nullable) (array): one #QuorumReportMark per column
 * @depth: the indent of the first column (a group's lines are one deeper)
 *
 * Adds a row to the table quorum_report_begin_table() started last.
 */
void
quorum_report_add_row (QuorumReport           *self,
                       const char * const     *cells,
                       const QuorumReportMark *marks,
                       guint                   depth,
                       QuorumReportRowStyle    style)
{
  QuorumReportBlock *block;
  QuorumReportRow row = { 0 };
  gboolean ended = FALSE;

  g_return_if_fail (QUORUM_IS_REPORT (self));
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->blocks->len > 0);
  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  g_return_if_fail (block->kind == QUORUM_REPORT_BLOCK_TABLE);

  row.cells = g_new0 (char *, block->n_columns + 1);
  for (guint c = 0; c < block->n_columns; c++)
    {
      ended = ended || cells[c] == NULL;
      row.cells[c] = g_strdup (ended ? "" : cells[c]);
      if (marks != NULL && marks[c] != QUORUM_REPORT_MARK_NONE)
        {
          if (row.marks == NULL)
            row.marks = g_new0 (guint8, block->n_columns);
          row.marks[c] = (guint8) marks[c];
          self->used[MIN (marks[c], QUORUM_REPORT_MARK_MISMATCH)] = TRUE;
        }
    }
  row.depth = (guint8) MIN (depth, 8);
  row.style = (guint8) style;
  g_array_append_val (block->rows, row);
}

/**
 * quorum_report_mark_symbol:
 *
 * Returns: the symbol printed before a marked figure: ◆ a mismatch, ◇ a
 *   rounding difference, "" none
 */
const char *
quorum_report_mark_symbol (QuorumReportMark mark)
{
  switch (mark)
    {
    case QUORUM_REPORT_MARK_MISMATCH: return "◆";
    case QUORUM_REPORT_MARK_ROUNDING: return "◇";
    case QUORUM_REPORT_MARK_NONE:
    default: return "";
    }
}

/**
 * quorum_report_add_legend:
 *
 * Adds a legend explaining each finding mark used so far; nothing when none was.
 */
void
quorum_report_add_legend (QuorumReport *self)
{
  g_return_if_fail (QUORUM_IS_REPORT (self));

  if (!self->used[QUORUM_REPORT_MARK_MISMATCH] && !self->used[QUORUM_REPORT_MARK_ROUNDING])
    return;
  quorum_report_add_heading (self, _("Legend"));
  if (self->used[QUORUM_REPORT_MARK_MISMATCH])
    quorum_report_add_key_value (self, quorum_report_mark_symbol (QUORUM_REPORT_MARK_MISMATCH),
                                 _("Mismatch: the stated figure differs from the one "
                                   "computed from its parts by more than the tolerance"));
  if (self->used[QUORUM_REPORT_MARK_ROUNDING])
    quorum_report_add_key_value (self, quorum_report_mark_symbol (QUORUM_REPORT_MARK_ROUNDING),
                                 _("Rounding: the stated figure differs from the computed "
                                   "one within the tolerance"));
}
