/* quorum-figure-line.c: a line of a view's table of figures, a cell per column
 *
 * The committees' comparison and the meeting forecasts
 * (QuorumCommitteeComparison, QuorumMeetingForecast) are lists of these, a
 * line per row of a budget table: a label and, for each column of the
 * table, an amount (to sort by), its text
 * for people (a figure, "N/A" or nothing), an optional tooltip, and whether
 * the figure does not add up. The label and detail are properties, for
 * views to bind to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-committee.h"
#include "quorum-figure-line.h"

typedef struct
{
  gboolean has_amount;
  gint64 amount;
  char *text;
  char *tooltip;
  gboolean warning;
} Cell;

struct _QuorumFigureLine
{
  GObject parent_instance;

  QuorumFigureLineKind kind;
  char *id;
  char *label;
  char *detail;
  Cell *cells;
  guint n_cells;
};

G_DEFINE_FINAL_TYPE (QuorumFigureLine, quorum_figure_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_DETAIL,
  PROP_HAS_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_figure_line_finalize (GObject *object)
{
  QuorumFigureLine *self = (QuorumFigureLine *) object;

  for (guint i = 0; i < self->n_cells; i++)
    {
      g_free (self->cells[i].text);
      g_free (self->cells[i].tooltip);
    }
  g_free (self->cells);
  g_free (self->id);
  g_free (self->label);
  g_free (self->detail);

  G_OBJECT_CLASS (quorum_figure_line_parent_class)->finalize (object);
}

static void
quorum_figure_line_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumFigureLine *self = QUORUM_FIGURE_LINE (object);

  switch (prop_id)
    {
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_DETAIL: g_value_set_string (value, self->detail); break;
    case PROP_HAS_DETAIL: g_value_set_boolean (value, self->detail != NULL); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_figure_line_class_init (QuorumFigureLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_figure_line_finalize;
  object_class->get_property = quorum_figure_line_get_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_HAS_DETAIL] = g_param_spec_boolean ("has-detail", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_figure_line_init (QuorumFigureLine *self)
{
}

/**
 * quorum_figure_line_new:
 * @id: (nullable): the document's row id, if the line is one
 * @label: what the line is about, e.g. a committee
 * @n_cells: how many columns
 *
 * Returns: (transfer full): a line with every cell empty
 */
QuorumFigureLine *
quorum_figure_line_new (QuorumFigureLineKind  kind,
                        const char           *id,
                        const char           *label,
                        guint                 n_cells)
{
  QuorumFigureLine *self = g_object_new (QUORUM_TYPE_FIGURE_LINE, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->n_cells = n_cells;
  self->cells = g_new0 (Cell, n_cells);
  return self;
}

QuorumFigureLineKind
quorum_figure_line_get_kind (QuorumFigureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE_LINE (self), QUORUM_FIGURE_LINE_ROW);
  return self->kind;
}

const char *
quorum_figure_line_get_id (QuorumFigureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE_LINE (self), NULL);
  return self->id;
}

const char *
quorum_figure_line_get_label (QuorumFigureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE_LINE (self), NULL);
  return self->label;
}

/**
 * quorum_figure_line_get_detail:
 *
 * Returns: (nullable): a second line under the label, e.g. the committees
 *   a row covers
 */
const char *
quorum_figure_line_get_detail (QuorumFigureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE_LINE (self), NULL);
  return self->detail;
}

void
quorum_figure_line_set_detail (QuorumFigureLine *self,
                               const char       *detail)
{
  g_return_if_fail (QUORUM_IS_FIGURE_LINE (self));

  if (g_strcmp0 (self->detail, detail) == 0)
    return;
  g_free (self->detail);
  self->detail = g_strdup (detail);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DETAIL]);
}

guint
quorum_figure_line_get_n_cells (QuorumFigureLine *self)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE_LINE (self), 0);
  return self->n_cells;
}

/**
 * quorum_figure_line_set_cell:
 * @amount: the figure in hundredths, to sort by (0 for N/A)
 * @text: (nullable): the figure for people; %NULL when there is none
 * @tooltip: (nullable): more about the figure
 * @warning: whether the figure does not add up
 */
void
quorum_figure_line_set_cell (QuorumFigureLine *self,
                             guint             cell,
                             gint64            amount,
                             const char       *text,
                             const char       *tooltip,
                             gboolean          warning)
{
  Cell *c;

  g_return_if_fail (QUORUM_IS_FIGURE_LINE (self));
  g_return_if_fail (cell < self->n_cells);

  c = &self->cells[cell];
  c->has_amount = text != NULL;
  c->amount = amount;
  g_free (c->text);
  c->text = g_strdup (text);
  g_free (c->tooltip);
  c->tooltip = g_strdup (tooltip);
  c->warning = warning;
}

/**
 * quorum_figure_line_get_amount:
 * @amount: (out) (optional): the figure
 *
 * Returns: %FALSE when the cell has no figure
 */
gboolean
quorum_figure_line_get_amount (QuorumFigureLine *self,
                               guint             cell,
                               gint64           *amount)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE_LINE (self), FALSE);
  g_return_val_if_fail (cell < self->n_cells, FALSE);

  if (amount != NULL)
    *amount = self->cells[cell].amount;
  return self->cells[cell].has_amount;
}

/**
 * quorum_figure_line_get_text:
 *
 * Returns: (nullable): the cell's figure for people
 */
const char *
quorum_figure_line_get_text (QuorumFigureLine *self,
                             guint             cell)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE_LINE (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);
  return self->cells[cell].text;
}

const char *
quorum_figure_line_get_tooltip (QuorumFigureLine *self,
                                guint             cell)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE_LINE (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);
  return self->cells[cell].tooltip;
}

gboolean
quorum_figure_line_get_warning (QuorumFigureLine *self,
                                guint             cell)
{
  g_return_val_if_fail (QUORUM_IS_FIGURE_LINE (self), FALSE);
  g_return_val_if_fail (cell < self->n_cells, FALSE);
  return self->cells[cell].warning;
}

/**
 * quorum_committee_short_names:
 * @committees: (nullable): the register, a list of #QuorumCommittee
 * @ids: (nullable): committee ids
 *
 * Returns: (transfer full) (nullable): their short names from the register
 *   (else the id itself), e.g. “SEC Panel, SECCo Board, PFCG”
 */
char *
quorum_committee_short_names (GListModel         *committees,
                              const char * const *ids)
{
  GString *names;

  if (ids == NULL || ids[0] == NULL)
    return NULL;
  names = g_string_new (NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *name = ids[i];

      for (guint c = 0; committees != NULL && c < g_list_model_get_n_items (committees); c++)
        {
          g_autoptr(QuorumCommittee) committee = g_list_model_get_item (committees, c);

          if (g_strcmp0 (quorum_committee_get_id (committee), ids[i]) == 0)
            {
              name = quorum_committee_get_short_name (committee);
              break;
            }
        }
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
    }
  return g_string_free (names, FALSE);
}
