/* quorum-report-layout.c: a report's pages on A4, laid out lazily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pagination measures every block once and keeps only where each page
 * starts and ends (slices of blocks) and each unit's height (a table row, a
 * paragraph's line, a key–value pair): a page's drawing is made when it is
 * drawn, from the report, and is not kept. Units are points (1/72 inch); a
 * GtkPrintOperation draws with use-full-page and GTK_UNIT_POINTS.
 */
#include "quorum-report-layout.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "quorum-error.h"
#include "quorum-report-private.h"

#define A4_SHORT 595.276
#define A4_LONG 841.890
#define MARGIN 42.0
#define BAND 30.0             /* header and footer bands inside the margins */
#define PAD 3.0               /* a table cell's padding */
#define INDENT 10.0           /* per depth level in a table's first column */
#define TEXT_MIN 90.0         /* a text column's narrowest before landscape */
#define FIGURE_MIN 48.0        /* a figure column's narrowest */
#define GAP 6.0               /* more air before a figure column */
#define PROGRESS_EVERY 512

typedef struct
{
  GArray *heights;            /* of float: a unit's height */
  double widths[QUORUM_REPORT_MAX_COLUMNS];
  double header_height;
  double space_before;
} BlockInfo;

typedef struct
{
  guint block;
  guint first;
  guint end;
} Slice;

struct _QuorumReportLayout
{
  GObject parent_instance;

  QuorumReport *report;
  PangoFontMap *font_map;     /* its own: its fonts go when the layout goes */
  PangoContext *context;
  PangoFontDescription *body, *bold, *heading, *small;
  PangoAttrList *tnum;
  PangoLayout *measure;
  double body_line, bold_line;   /* one line's height, once measured */

  gboolean landscape;
  double width, height;       /* the page */
  GArray *infos;              /* of BlockInfo */
  GArray *slices;             /* of Slice */
  GArray *pages;              /* of guint: a page's first slice */

  /* Pagination in steps (quorum_report_layout_paginate_step()) */
  gboolean started;
  gboolean paginated;
  guint next_block;           /* the block being measured */
  guint done, total;          /* units measured, and of the whole report */
};

G_DEFINE_FINAL_TYPE (QuorumReportLayout, quorum_report_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
info_clear (gpointer data)
{
  BlockInfo *info = data;

  g_clear_pointer (&info->heights, g_array_unref);
}

static void
quorum_report_layout_finalize (GObject *object)
{
  QuorumReportLayout *self = (QuorumReportLayout *) object;

  g_clear_object (&self->report);
  g_clear_object (&self->measure);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->body, pango_font_description_free);
  g_clear_pointer (&self->bold, pango_font_description_free);
  g_clear_pointer (&self->heading, pango_font_description_free);
  g_clear_pointer (&self->small, pango_font_description_free);
  g_clear_pointer (&self->tnum, pango_attr_list_unref);
  g_clear_pointer (&self->infos, g_array_unref);
  g_clear_pointer (&self->slices, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (quorum_report_layout_parent_class)->finalize (object);
}

static void
quorum_report_layout_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumReportLayout *self = QUORUM_REPORT_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_REPORT: g_value_set_object (value, self->report); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_report_layout_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QuorumReportLayout *self = QUORUM_REPORT_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_REPORT: self->report = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_report_layout_class_init (QuorumReportLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_report_layout_finalize;
  object_class->get_property = quorum_report_layout_get_property;
  object_class->set_property = quorum_report_layout_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, QUORUM_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_report_layout_init (QuorumReportLayout *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: what is measured here is what a PDF or a printer
   * draws, whatever the scale. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  self->body = pango_font_description_from_string ("DejaVu Sans, Sans 8.5");
  self->bold = pango_font_description_from_string ("DejaVu Sans, Sans Bold 8.5");
  self->heading = pango_font_description_from_string ("DejaVu Sans, Sans Bold 12");
  self->small = pango_font_description_from_string ("DejaVu Sans, Sans 7.5");
  self->tnum = pango_attr_list_new ();
  pango_attr_list_insert (self->tnum, pango_attr_font_features_new ("tnum 1"));
  self->measure = pango_layout_new (self->context);

  self->width = A4_SHORT;
  self->height = A4_LONG;
  self->infos = g_array_new (FALSE, TRUE, sizeof (BlockInfo));
  g_array_set_clear_func (self->infos, info_clear);
  self->slices = g_array_new (FALSE, FALSE, sizeof (Slice));
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * quorum_report_layout_new:
 *
 * Returns: (transfer full): a layout of @report; quorum_report_layout_paginate()
 *   before anything else
 */
QuorumReportLayout *
quorum_report_layout_new (QuorumReport *report)
{
  g_return_val_if_fail (QUORUM_IS_REPORT (report), NULL);
  return g_object_new (QUORUM_TYPE_REPORT_LAYOUT, "report", report, NULL);
}

QuorumReport *
quorum_report_layout_get_report (QuorumReportLayout *self)
{
  g_return_val_if_fail (QUORUM_IS_REPORT_LAYOUT (self), NULL);
  return self->report;
}

/* Sets up a layout for one text; width < 0 is one line, unwrapped. */
static void
setup (QuorumReportLayout         *self,
       PangoLayout                *layout,
       const PangoFontDescription *font,
       const char                 *text,
       double                      width,
       gboolean                    figures)
{
  pango_layout_set_font_description (layout, font);
  /* Figures in tabular digits, so that they line up in a column. */
  pango_layout_set_attributes (layout, figures ? self->tnum : NULL);
  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));
  /* A word longer than its column breaks inside the word: never cut. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
}

static void
measure (QuorumReportLayout         *self,
         const PangoFontDescription *font,
         const char                 *text,
         double                      width,
         gboolean                    figures,
         double                     *out_width,
         double                     *out_height)
{
  int w, h;

  setup (self, self->measure, font, text, width, figures);
  pango_layout_get_size (self->measure, &w, &h);
  if (out_width != NULL)
    *out_width = (double) w / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) h / PANGO_SCALE;
}

static double
content_width (QuorumReportLayout *self)
{
  return self->width - 2 * MARGIN;
}

static double
content_top (void)
{
  return MARGIN + BAND;
}

static double
content_bottom (QuorumReportLayout *self)
{
  return self->height - MARGIN - BAND;
}

static const char *
cell_text (const QuorumReportRow *row,
           guint                  column,
           char                 **owned)
{
  if (row->marks == NULL || row->marks[column] == QUORUM_REPORT_MARK_NONE)
    return row->cells[column];
  *owned = g_strdup_printf ("%s %s", quorum_report_mark_symbol (row->marks[column]),
                            row->cells[column]);
  return *owned;
}

/* The natural width of a column: its longest text (in characters: figures
 * are in tabular digits), and its header's longest word. */
static double
column_natural (QuorumReportLayout      *self,
                const QuorumReportBlock *block,
                guint                    column)
{
  const QuorumReportRow *longest = NULL;
  glong longest_length = -1;
  double width = 0, word_width;
  g_auto(GStrv) words = g_strsplit (block->headers[column], " ", -1);
  gboolean figures = (block->figures & (1u << column)) != 0;

  for (guint r = 0; r < block->rows->len; r++)
    {
      const QuorumReportRow *row = &g_array_index (block->rows, QuorumReportRow, r);
      glong length = g_utf8_strlen (row->cells[column], -1)
                     + (row->marks != NULL && row->marks[column] ? 2 : 0)
                     + (column == 0 ? row->depth * 2 : 0);

      if (length > longest_length)
        {
          longest = row;
          longest_length = length;
        }
    }
  if (longest != NULL)
    {
      g_autofree char *owned = NULL;

      measure (self, self->bold, cell_text (longest, column, &owned), -1, figures, &width, NULL);
      if (column == 0)
        width += longest->depth * INDENT;
    }
  for (guint i = 0; words[i] != NULL; i++)
    {
      measure (self, self->bold, words[i], -1, FALSE, &word_width, NULL);
      width = MAX (width, word_width);
    }
  /* Figures keep a little air between them, and room for a header's words. */
  return (figures ? MAX (width, FIGURE_MIN) + GAP : width) + 2 * PAD;
}

/* Column widths for a page this wide; FALSE when even the narrowest text
 * columns leave the figures too little room. */
static gboolean
table_widths (QuorumReportLayout      *self,
              const QuorumReportBlock *block,
              double                   available,
              double                  *widths)
{
  double natural[QUORUM_REPORT_MAX_COLUMNS];
  double figures = 0, narrowest = 0, total = 0, spare, wanted = 0;
  int first_text = -1;

  for (guint c = 0; c < block->n_columns; c++)
    {
      natural[c] = column_natural (self, block, c);
      total += natural[c];
      if (block->figures & (1u << c))
        {
          widths[c] = natural[c];
          figures += natural[c];
          continue;
        }
      /* A text column wraps down to TEXT_MIN, or its natural width if less. */
      widths[c] = MIN (natural[c], TEXT_MIN);
      narrowest += widths[c];
      wanted += natural[c] - widths[c];
      if (first_text < 0)
        first_text = (int) c;
    }
  if (total <= available)
    {
      /* Everything fits: room to spare goes to the first text column. */
      for (guint c = 0; c < block->n_columns; c++)
        widths[c] = natural[c];
      if (first_text >= 0)
        widths[first_text] += available - total;
      return TRUE;
    }
  spare = available - figures - narrowest;
  if (spare < 0)
    return FALSE;
  /* Text columns share what is left, each by how much more it would take. */
  for (guint c = 0; c < block->n_columns; c++)
    if (!(block->figures & (1u << c)) && wanted > 0)
      widths[c] += spare * (natural[c] - widths[c]) / wanted;
  return TRUE;
}

/* One line of @font: every figure cell, and a short label in plain ASCII
 * (DejaVu has every glyph of it: no fallback font makes the line taller). */
static double
line_height (QuorumReportLayout         *self,
             const PangoFontDescription *font)
{
  double *cached = font == self->bold ? &self->bold_line : &self->body_line;

  if (*cached <= 0)
    measure (self, font, "0", -1, TRUE, NULL, cached);
  return *cached;
}

static gboolean
fits_one_line (const PangoFontDescription *font,
               const char                 *text,
               double                      width)
{
  double em = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  gsize length = strlen (text);

  /* No glyph of DejaVu Sans in ASCII is wider than 1.05 em. */
  return g_str_is_ascii (text) && strchr (text, '\n') == NULL && length * em * 1.05 <= width;
}

static double
row_height (QuorumReportLayout      *self,
            const QuorumReportBlock *block,
            const BlockInfo         *info,
            const QuorumReportRow   *row)
{
  const PangoFontDescription *font = row->style == QUORUM_REPORT_ROW_LINE ? self->body
                                                                          : self->bold;
  double height = line_height (self, font), h;

  for (guint c = 0; c < block->n_columns; c++)
    {
      g_autofree char *owned = NULL;
      const char *text;
      double width = info->widths[c] - 2 * PAD - (c == 0 ? row->depth * INDENT : 0);

      if ((block->figures & (1u << c)) || row->cells[c][0] == '\0')
        continue;
      text = cell_text (row, c, &owned);
      if (fits_one_line (font, text, width))
        continue;
      measure (self, font, text, MAX (width, 1), FALSE, NULL, &h);
      height = MAX (height, h);
    }
  return height + 2 * PAD;
}

static double
header_height (QuorumReportLayout      *self,
               const QuorumReportBlock *block,
               const BlockInfo         *info)
{
  double height = 0, h;

  for (guint c = 0; c < block->n_columns; c++)
    {
      measure (self, self->bold, block->headers[c], MAX (info->widths[c] - 2 * PAD, 1),
               FALSE, NULL, &h);
      height = MAX (height, h);
    }
  return height + 2 * PAD + 1;
}

static void
add_height (BlockInfo *info,
            double     height)
{
  float value = (float) height;

  g_array_append_val (info->heights, value);
}

/* The key column of a key–value list. */
static double
key_width (QuorumReportLayout *self)
{
  return MIN (170.0, content_width (self) * 0.3);
}

static void
measure_paragraph (QuorumReportLayout *self,
                   const char         *text,
                   BlockInfo          *info)
{
  PangoLayoutIter *iter;

  setup (self, self->measure, self->body, text, content_width (self), FALSE);
  iter = pango_layout_get_iter (self->measure);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      add_height (info, (double) (y1 - y0) / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
measure_key_values (QuorumReportLayout      *self,
                    const QuorumReportBlock *block,
                    BlockInfo               *info)
{
  double keys = key_width (self);

  for (guint i = 0; i + 1 < block->pairs->len; i += 2)
    {
      double hk, hv;

      measure (self, self->bold, g_ptr_array_index (block->pairs, i), keys - 2 * PAD, FALSE,
               NULL, &hk);
      measure (self, self->body, g_ptr_array_index (block->pairs, i + 1),
               content_width (self) - keys, FALSE, NULL, &hv);
      add_height (info, MAX (hk, hv) + 2);
    }
}

static guint
block_units (const QuorumReportBlock *block)
{
  switch (block->kind)
    {
    case QUORUM_REPORT_BLOCK_TABLE: return block->rows->len;
    case QUORUM_REPORT_BLOCK_KEY_VALUES: return block->pairs->len / 2;
    case QUORUM_REPORT_BLOCK_HEADING:
    case QUORUM_REPORT_BLOCK_PARAGRAPH:
    default: return 1;
    }
}

/* Measures @block's units until @limit units of the report are measured:
 * a table's rows resume where the last step stopped. Returns TRUE when the
 * block is measured. */
static gboolean
measure_block (QuorumReportLayout      *self,
               const QuorumReportBlock *block,
               BlockInfo               *info,
               guint                    limit)
{
  double h;

  switch (block->kind)
    {
    case QUORUM_REPORT_BLOCK_HEADING:
      info->space_before = block->level > 1 ? 8 : 12;
      measure (self, block->level > 1 ? self->bold : self->heading, block->text,
               content_width (self), FALSE, NULL, &h);
      add_height (info, h + 4);
      break;
    case QUORUM_REPORT_BLOCK_PARAGRAPH:
      info->space_before = 4;
      measure_paragraph (self, block->text, info);
      break;
    case QUORUM_REPORT_BLOCK_KEY_VALUES:
      info->space_before = 4;
      measure_key_values (self, block, info);
      break;
    case QUORUM_REPORT_BLOCK_TABLE:
      if (info->header_height <= 0)
        {
          info->space_before = 8;
          table_widths (self, block, content_width (self), info->widths);
          info->header_height = header_height (self, block, info);
        }
      for (guint r = info->heights->len; r < block->rows->len; r++)
        {
          const QuorumReportRow *row = &g_array_index (block->rows, QuorumReportRow, r);

          if (self->done >= limit)
            return FALSE;
          add_height (info, row_height (self, block, info, row));
          self->done++;
        }
      return TRUE;
    default:
      g_assert_not_reached ();
    }
  self->done += block_units (block);
  return TRUE;
}

static void
choose_orientation (QuorumReportLayout *self)
{
  guint n_blocks = quorum_report_get_n_blocks (self->report);
  double widths[QUORUM_REPORT_MAX_COLUMNS];

  self->landscape = FALSE;
  self->width = A4_SHORT;
  self->height = A4_LONG;
  for (guint b = 0; b < n_blocks; b++)
    {
      const QuorumReportBlock *block = _quorum_report_get_block (self->report, b);

      if (block->kind == QUORUM_REPORT_BLOCK_TABLE
          && !table_widths (self, block, content_width (self), widths))
        {
          self->landscape = TRUE;
          self->width = A4_LONG;
          self->height = A4_SHORT;
          return;
        }
    }
}

/* What must fit below a heading with it: the next block's first unit. */
static double
keep_with_next (QuorumReportLayout *self,
                guint               block)
{
  const BlockInfo *next;

  if (block + 1 >= self->infos->len)
    return 0;
  next = &g_array_index (self->infos, BlockInfo, block + 1);
  if (next->heights->len == 0)
    return 0;
  return next->space_before + next->header_height + g_array_index (next->heights, float, 0);
}

static void
new_page (QuorumReportLayout *self)
{
  guint first = self->slices->len;

  g_array_append_val (self->pages, first);
}

static void
break_pages (QuorumReportLayout *self)
{
  double top = content_top (), bottom = content_bottom (self), y = top;

  g_array_set_size (self->slices, 0);
  g_array_set_size (self->pages, 0);
  new_page (self);

  for (guint b = 0; b < self->infos->len; b++)
    {
      const QuorumReportBlock *block = _quorum_report_get_block (self->report, b);
      const BlockInfo *info = &g_array_index (self->infos, BlockInfo, b);
      Slice *open = NULL;

      for (guint u = 0; u < info->heights->len; u++)
        {
          double h = g_array_index (info->heights, float, u);
          double before = (u == 0 && y > top) ? info->space_before : 0;
          double need = before + (open == NULL ? info->header_height : 0) + h;

          if (block->kind == QUORUM_REPORT_BLOCK_HEADING)
            need += keep_with_next (self, b);
          if (y + need > bottom && y > top)
            {
              new_page (self);
              y = top;
              open = NULL;
              before = 0;
            }
          if (open == NULL)
            {
              Slice slice = { b, u, u };

              g_array_append_val (self->slices, slice);
              open = &g_array_index (self->slices, Slice, self->slices->len - 1);
              y += before + info->header_height;
            }
          y += h;
          open->end = u + 1;
        }
    }
}

/**
 * quorum_report_layout_paginate_step:
 * @units: how many units (table rows, paragraphs…) to measure at most
 * @fraction: (out) (optional): how much of the report is paginated, 0 to 1
 *
 * Paginates a part of the report, for a caller that lays out a little at a
 * time (a GtkPrintOperation's #GtkPrintOperation::paginate): the first step
 * chooses the orientation, the last breaks the pages. Until it returns
 * %TRUE, the layout has no pages.
 *
 * Returns: %TRUE once the whole report is paginated
 */
gboolean
quorum_report_layout_paginate_step (QuorumReportLayout *self,
                                    guint               units,
                                    double             *fraction)
{
  guint n_blocks, limit;

  g_return_val_if_fail (QUORUM_IS_REPORT_LAYOUT (self), FALSE);

  n_blocks = quorum_report_get_n_blocks (self->report);
  if (!self->started)
    {
      self->total = 0;
      for (guint b = 0; b < n_blocks; b++)
        self->total += block_units (_quorum_report_get_block (self->report, b));
      self->total = MAX (self->total, 1);
      self->done = 0;
      self->next_block = 0;
      self->paginated = FALSE;
      self->started = TRUE;
      choose_orientation (self);
      g_array_set_size (self->infos, 0);
      g_array_set_size (self->slices, 0);
      g_array_set_size (self->pages, 0);
    }
  limit = self->done + MAX (units, 1);
  while (!self->paginated && self->next_block < n_blocks && self->done < limit)
    {
      const QuorumReportBlock *block = _quorum_report_get_block (self->report,
                                                                 self->next_block);

      if (self->infos->len == self->next_block)
        {
          BlockInfo info = { 0 };

          info.heights = g_array_new (FALSE, FALSE, sizeof (float));
          g_array_append_val (self->infos, info);
        }
      if (measure_block (self, block, &g_array_index (self->infos, BlockInfo, self->next_block),
                         limit))
        self->next_block++;
    }
  if (!self->paginated && self->next_block >= n_blocks)
    {
      break_pages (self);
      self->paginated = TRUE;
    }
  if (fraction != NULL)
    *fraction = self->paginated ? 1.0 : MIN ((double) self->done / self->total, 1.0);
  return self->paginated;
}

/**
 * quorum_report_layout_paginate:
 * @progress: (nullable) (scope call): called now and then
 *
 * Measures the report and breaks it into pages: portrait A4, or landscape
 * when a table is too wide for portrait. Tables repeat their column headers
 * on every page and no row is split across pages.
 *
 * Returns: %FALSE if @cancellable was cancelled
 */
gboolean
quorum_report_layout_paginate (QuorumReportLayout   *self,
                               QuorumReportProgress  progress,
                               gpointer              user_data,
                               GCancellable         *cancellable,
                               GError              **error)
{
  double fraction = 0;

  g_return_val_if_fail (QUORUM_IS_REPORT_LAYOUT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->started = FALSE;
  while (!quorum_report_layout_paginate_step (self, PROGRESS_EVERY, &fraction))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          self->started = FALSE;
          g_array_set_size (self->infos, 0);
          return FALSE;
        }
      if (progress != NULL)
        progress (fraction, user_data);
    }
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

guint
quorum_report_layout_get_n_pages (QuorumReportLayout *self)
{
  g_return_val_if_fail (QUORUM_IS_REPORT_LAYOUT (self), 0);
  return self->pages->len;
}

gboolean
quorum_report_layout_get_landscape (QuorumReportLayout *self)
{
  g_return_val_if_fail (QUORUM_IS_REPORT_LAYOUT (self), FALSE);
  return self->landscape;
}

/**
 * quorum_report_layout_get_page_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
quorum_report_layout_get_page_size (QuorumReportLayout *self,
                                    double             *width,
                                    double             *height)
{
  g_return_if_fail (QUORUM_IS_REPORT_LAYOUT (self));
  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

static PangoLayout *
new_layout (QuorumReportLayout         *self,
            const PangoFontDescription *font,
            const char                 *text,
            double                      width,
            gboolean                    figures)
{
  PangoLayout *layout = pango_layout_new (self->context);

  setup (self, layout, font, text, width, figures);
  return layout;
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Text ending at @right, on one line. */
static void
show_right (QuorumReportLayout         *self,
            cairo_t                    *cr,
            const PangoFontDescription *font,
            const char                 *text,
            gboolean                    figures,
            double                      right,
            double                      y)
{
  g_autoptr(PangoLayout) layout = new_layout (self, font, text, -1, figures);
  int w;

  pango_layout_get_size (layout, &w, NULL);
  show (cr, layout, right - (double) w / PANGO_SCALE, y);
}

static void
rule (cairo_t *cr,
      double   x0,
      double   x1,
      double   y,
      double   width)
{
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_header_footer (QuorumReportLayout *self,
                    cairo_t            *cr,
                    guint               page)
{
  QuorumReport *report = self->report;
  double left = MARGIN, right = self->width - MARGIN;
  const char *version = quorum_report_get_version (report);
  g_autofree char *level = g_ascii_strup (quorum_report_get_classification (report), -1);
  g_autofree char *tag = NULL, *number = NULL, *printed = NULL;
  g_autoptr(PangoLayout) title = NULL;

  tag = version != NULL ? g_strdup_printf (_("Version %s · %s"), version, level)
                        : g_strdup (level);
  title = new_layout (self, self->bold, quorum_report_get_title (report),
                      content_width (self) * 0.62, FALSE);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  show (cr, title, left, MARGIN);
  show_right (self, cr, self->bold, tag, FALSE, right, MARGIN);
  rule (cr, left, right, MARGIN + BAND - 10, 0.6);

  /* Translators: the footer of every printed page */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  printed = g_strdup_printf (_("Printed %s"), quorum_report_get_printed (report));
  rule (cr, left, right, self->height - MARGIN - BAND + 10, 0.6);
  {
    g_autoptr(PangoLayout) footer = new_layout (self, self->small, printed, -1, FALSE);

    show (cr, footer, left, self->height - MARGIN - BAND + 14);
  }
  show_right (self, cr, self->small, number, FALSE, right, self->height - MARGIN - BAND + 14);
}

static double
draw_table_header (QuorumReportLayout      *self,
                   cairo_t                 *cr,
                   const QuorumReportBlock *block,
                   const BlockInfo         *info,
                   double                   y)
{
  double x = MARGIN;

  for (guint c = 0; c < block->n_columns; c++)
    {
      g_autoptr(PangoLayout) layout =
        new_layout (self, self->bold, block->headers[c], MAX (info->widths[c] - 2 * PAD, 1),
                    FALSE);

      if (block->figures & (1u << c))
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      show (cr, layout, x + PAD, y + PAD);
      x += info->widths[c];
    }
  y += info->header_height;
  rule (cr, MARGIN, x, y - 0.5, 0.8);
  return y;
}

/* A row's figures in one layout, each ending at a right-aligned tab stop
 * at its column's right edge: one layout a row, not one a cell. */
static void
draw_figures (QuorumReportLayout         *self,
              cairo_t                    *cr,
              const QuorumReportBlock    *block,
              const BlockInfo            *info,
              const QuorumReportRow      *row,
              const PangoFontDescription *font,
              double                      y)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  PangoTabArray *tabs = pango_tab_array_new (0, FALSE);
  double x = 0;
  int n = 0;

  for (guint c = 0; c < block->n_columns; c++)
    {
      x += info->widths[c];
      if (!(block->figures & (1u << c)))
        continue;
      g_string_append_c (text, '\t');
      if (row->marks != NULL && row->marks[c] != QUORUM_REPORT_MARK_NONE)
        g_string_append_printf (text, "%s ", quorum_report_mark_symbol (row->marks[c]));
      g_string_append (text, row->cells[c]);
      pango_tab_array_set_tab (tabs, n++, PANGO_TAB_RIGHT, (int) ((x - PAD) * PANGO_SCALE));
    }
  if (n == 0)
    {
      pango_tab_array_free (tabs);
      return;
    }
  layout = new_layout (self, font, text->str, -1, TRUE);
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
  show (cr, layout, MARGIN, y + PAD);
}

static void
draw_row (QuorumReportLayout      *self,
          cairo_t                 *cr,
          const QuorumReportBlock *block,
          const BlockInfo         *info,
          const QuorumReportRow   *row,
          double                   y)
{
  const PangoFontDescription *font = row->style == QUORUM_REPORT_ROW_LINE ? self->body
                                                                          : self->bold;
  double x = MARGIN;

  if (row->style == QUORUM_REPORT_ROW_TOTAL)
    {
      double end = MARGIN;

      for (guint c = 0; c < block->n_columns; c++)
        end += info->widths[c];
      rule (cr, MARGIN, end, y + 0.3, 0.5);
    }
  draw_figures (self, cr, block, info, row, font, y);
  for (guint c = 0; c < block->n_columns; c++)
    {
      double indent = c == 0 ? row->depth * INDENT : 0;

      if (!(block->figures & (1u << c)) && row->cells[c][0] != '\0')
        {
          g_autoptr(PangoLayout) layout =
            new_layout (self, font, row->cells[c], MAX (info->widths[c] - 2 * PAD - indent, 1),
                        FALSE);

          show (cr, layout, x + PAD + indent, y + PAD);
        }
      x += info->widths[c];
    }
}

static void
draw_paragraph (QuorumReportLayout *self,
                cairo_t            *cr,
                const char         *text,
                const Slice        *slice,
                double              y)
{
  g_autoptr(PangoLayout) layout = new_layout (self, self->body, text, content_width (self),
                                              FALSE);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = 0;
  guint line = 0;

  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (line == slice->first)
        top = (double) y0 / PANGO_SCALE;
      if (line >= slice->first && line < slice->end)
        {
          cairo_move_to (cr, MARGIN,
                         y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < slice->end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
draw_slice (QuorumReportLayout *self,
            cairo_t            *cr,
            const Slice        *slice,
            double              y)
{
  const QuorumReportBlock *block = _quorum_report_get_block (self->report, slice->block);
  const BlockInfo *info = &g_array_index (self->infos, BlockInfo, slice->block);
  double keys = key_width (self);

  if (block->kind == QUORUM_REPORT_BLOCK_TABLE)
    y = draw_table_header (self, cr, block, info, y);
  if (block->kind == QUORUM_REPORT_BLOCK_PARAGRAPH)
    draw_paragraph (self, cr, block->text, slice, y);
  for (guint u = slice->first; u < slice->end; u++)
    {
      switch (block->kind)
        {
        case QUORUM_REPORT_BLOCK_HEADING:
          {
            g_autoptr(PangoLayout) layout =
              new_layout (self, block->level > 1 ? self->bold : self->heading, block->text,
                          content_width (self), FALSE);

            show (cr, layout, MARGIN, y);
          }
          break;
        case QUORUM_REPORT_BLOCK_KEY_VALUES:
          {
            g_autoptr(PangoLayout) key =
              new_layout (self, self->bold, g_ptr_array_index (block->pairs, 2 * u),
                          keys - 2 * PAD, FALSE);
            g_autoptr(PangoLayout) value =
              new_layout (self, self->body, g_ptr_array_index (block->pairs, 2 * u + 1),
                          content_width (self) - keys, FALSE);

            show (cr, key, MARGIN, y);
            show (cr, value, MARGIN + keys, y);
          }
          break;
        case QUORUM_REPORT_BLOCK_TABLE:
          draw_row (self, cr, block, info,
                    &g_array_index (block->rows, QuorumReportRow, u), y);
          break;
        case QUORUM_REPORT_BLOCK_PARAGRAPH:
        default:
          break;
        }
      y += g_array_index (info->heights, float, u);
    }
  return y;
}

/**
 * quorum_report_layout_draw_page:
 * @cr: a cairo context on a page of quorum_report_layout_get_page_size(), in
 *   points (a PDF surface's, or a GtkPrintContext's with use-full-page)
 * @page: from 0
 *
 * Draws one page: its header (title, version, classification), its blocks,
 * its footer (“Page N of M”, the date printed). Nothing of it is kept.
 */
void
quorum_report_layout_draw_page (QuorumReportLayout *self,
                                cairo_t            *cr,
                                guint               page)
{
  guint first, end;
  double y = content_top ();

  g_return_if_fail (QUORUM_IS_REPORT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  first = g_array_index (self->pages, guint, page);
  end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1)
                                    : self->slices->len;
  cairo_save (cr);
  pango_cairo_update_context (cr, self->context);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_header_footer (self, cr, page);
  for (guint s = first; s < end; s++)
    {
      const Slice *slice = &g_array_index (self->slices, Slice, s);
      const BlockInfo *info = &g_array_index (self->infos, BlockInfo, slice->block);

      if (slice->first == 0 && s > first)
        y += info->space_before;
      y = draw_slice (self, cr, slice, y);
    }
  cairo_restore (cr);
}
