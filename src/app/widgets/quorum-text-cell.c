/* quorum-text-cell.c: a list cell's text, laid out once per text
 *
 * What a GtkLabel in a list's cell shows (start-aligned, on one line cut
 * short with "…" or wrapped between words, or characters where a word does
 * not fit), drawn by one widget that lays its text out as few times as it
 * can. GTK 4.8's column view keeps some 200 rows made and binds each of
 * them again when a search changes which items they show; each label then
 * lays its text out four or five times (its width on one line and at a
 * width of zero, its height, its allocation), and a wrapping label's
 * layout at a width of zero, a line per character, costs some forty
 * times one layout: that was most of the frame after a keystroke in the
 * Actions view.
 *
 * Here a text is laid out once on a single line, which gives the natural
 * width (the whole text, as a label's with natural-wrap-mode none), the
 * minimum width (the ellipsis, or for wrapped text its widest character)
 * and the height of a line; a wrapped text wider than its cell is laid out
 * once more at the cell's width. Those sizes, the wrapped heights at the
 * last N_WRAPS widths, are kept for each text and font (up to MAX_TEXTS
 * texts a font), so that a row bound again to an action shown before (as
 * a search is typed and erased, which moves the columns' widths and back)
 * is measured without Pango; the text is laid out for drawing only when
 * it is drawn, that is in view. Nothing is laid out again until the text,
 * its font or the cell's width changes.
 *
 * Its CSS name is "label", so that it is styled as a label is, and it
 * says its text to a screen reader (quorum_ui_a11y_set_text()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "quorum-text-cell.h"
#include "quorum-ui-a11y.h"

/* A wrapped text's height at a width. */
typedef struct
{
  int width;                  /* -1: none */
  int height;
  int baseline;
} Wrap;

/* The widths a text's wrapped heights are kept at: the width a column view
 * gives a wrapping column moves as the rows shown change, and back as a
 * search is erased, and each width costs a layout of the text. */
#define N_WRAPS 4

/* What a text measures in a font. */
typedef struct
{
  int natural;                /* on one line */
  int minimum;                /* the ellipsis, or for wrapped text its widest character */
  int line_height;
  int line_baseline;
  Wrap wraps[N_WRAPS];        /* at the last widths it was wrapped at */
  guint next_wrap;            /* the one to replace next */
} Sizes;

/* The sizes of the texts measured, kept across cells: a font key (see
 * font_key()) → its texts' sizes (char * → Sizes *). A font's texts are
 * forgotten when there are more than MAX_TEXTS of them. */
static GHashTable *fonts;
#define MAX_TEXTS 20000

struct _QuorumTextCell
{
  GtkWidget parent_instance;

  char *text;                 /* never NULL */
  gboolean wrap;
  PangoLayout *layout;        /* made for the font: drawn, and lays out texts not known */
  guint serial;               /* of the widget's Pango context, when it was made */
  GHashTable *texts;          /* (unowned) the sizes of texts in that font, from fonts */
  int ellipsis;               /* the width of "…" in that font; -1: not known yet */
  Sizes sizes;                /* the text's */
  gboolean measured;          /* whether sizes are the text's */
};

G_DEFINE_FINAL_TYPE (QuorumTextCell, quorum_text_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_WRAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What sizes text in @layout: its font (and the fonts installed), its
 * resolution and options, its attributes from CSS, its language, and
 * whether it wraps. */
static char *
font_key (PangoLayout *layout,
          gboolean     wrap)
{
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontMap *font_map = pango_context_get_font_map (context);
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  PangoAttrList *attributes = pango_layout_get_attributes (layout);
  g_autofree char *font = pango_font_description_to_string (
    pango_context_get_font_description (context));
  g_autofree char *attributes_text = attributes != NULL
                                     ? pango_attr_list_to_string (attributes) : NULL;

  return g_strdup_printf ("%s|%u|%g|%lu|%s|%s|%d", font,
                          font_map != NULL ? pango_font_map_get_serial (font_map) : 0,
                          pango_cairo_context_get_resolution (context),
                          options != NULL ? cairo_font_options_hash (options) : 0,
                          attributes_text != NULL ? attributes_text : "",
                          pango_language_to_string (pango_context_get_language (context)),
                          wrap);
}

/* The layout and the sizes known in its font, found again when the
 * widget's font has changed (its Pango context's serial moves then; a
 * change of colour does not). */
static void
ensure_font (QuorumTextCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (widget));
  g_autofree char *key = NULL;

  if (self->layout != NULL && self->serial == serial)
    return;
  g_clear_object (&self->layout);
  self->layout = gtk_widget_create_pango_layout (widget, self->text);
  self->serial = serial;
  self->ellipsis = -1;
  self->measured = FALSE;
  if (self->wrap)
    pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  else
    pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (self->layout,
                              gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                              ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  if (fonts == NULL)
    fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_hash_table_unref);
  key = font_key (self->layout, self->wrap);
  self->texts = g_hash_table_lookup (fonts, key);
  if (self->texts == NULL)
    {
      self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (fonts, g_steal_pointer (&key), self->texts);
    }
}

/* The layout, showing the text. */
static PangoLayout *
text_layout (QuorumTextCell *self)
{
  ensure_font (self);
  if (strcmp (pango_layout_get_text (self->layout), self->text) != 0)
    pango_layout_set_text (self->layout, self->text, -1);
  return self->layout;
}

/* The widest character of the text on one line: where wrapping at a
 * width of zero would leave the text's widest line. */
static int
widest_cluster (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;
  int widest = 0;

  do
    {
      pango_layout_iter_get_cluster_extents (iter, NULL, &logical);
      widest = MAX (widest, logical.width);
    }
  while (pango_layout_iter_next_cluster (iter));
  pango_layout_iter_free (iter);
  return PANGO_PIXELS_CEIL (widest);
}

static int
ellipsis_width (QuorumTextCell *self)
{
  if (self->ellipsis < 0)
    {
      g_autoptr(PangoLayout) ellipsis = pango_layout_copy (self->layout);
      PangoRectangle logical;

      pango_layout_set_text (ellipsis, "…", -1);
      pango_layout_set_width (ellipsis, -1);
      pango_layout_get_extents (ellipsis, NULL, &logical);
      self->ellipsis = PANGO_PIXELS_CEIL (logical.width);
    }
  return self->ellipsis;
}

/* The text's sizes on one line: known from a cell that showed it in the
 * same font, or laid out here and kept. */
static void
measure_line (QuorumTextCell *self)
{
  PangoLayout *layout;
  PangoRectangle logical;
  Sizes *known;

  ensure_font (self);
  if (self->measured)
    return;
  self->measured = TRUE;
  known = g_hash_table_lookup (self->texts, self->text);
  if (known != NULL)
    {
      self->sizes = *known;
      return;
    }
  layout = text_layout (self);
  pango_layout_set_width (layout, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  self->sizes.natural = PANGO_PIXELS_CEIL (logical.width);
  pango_layout_get_pixel_size (layout, NULL, &self->sizes.line_height);
  self->sizes.line_baseline = pango_layout_get_baseline (layout) / PANGO_SCALE;
  if (*self->text == '\0')
    self->sizes.minimum = 0;
  else if (self->wrap)
    self->sizes.minimum = MIN (widest_cluster (layout), self->sizes.natural);
  else
    self->sizes.minimum = MIN (ellipsis_width (self), self->sizes.natural);
  for (guint i = 0; i < N_WRAPS; i++)
    self->sizes.wraps[i].width = -1;
  self->sizes.next_wrap = 0;
  if (g_hash_table_size (self->texts) >= MAX_TEXTS)
    g_hash_table_remove_all (self->texts);
  g_hash_table_insert (self->texts, g_strdup (self->text),
                       g_memdup2 (&self->sizes, sizeof self->sizes));
}

/* The height of the text wrapped at @width, which it does not fit: kept
 * from before at that width, or laid out here and kept. */
static const Wrap *
measure_wrapped (QuorumTextCell *self,
                 int             width)
{
  PangoLayout *layout;
  Sizes *known;
  Wrap *wrap;

  for (guint i = 0; i < N_WRAPS; i++)
    if (self->sizes.wraps[i].width == width)
      return &self->sizes.wraps[i];
  layout = text_layout (self);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  wrap = &self->sizes.wraps[self->sizes.next_wrap];
  self->sizes.next_wrap = (self->sizes.next_wrap + 1) % N_WRAPS;
  pango_layout_get_pixel_size (layout, NULL, &wrap->height);
  wrap->baseline = pango_layout_get_baseline (layout) / PANGO_SCALE;
  wrap->width = width;
  known = g_hash_table_lookup (self->texts, self->text);
  if (known != NULL)
    *known = self->sizes;
  return wrap;
}

static void
quorum_text_cell_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  QuorumTextCell *self = QUORUM_TEXT_CELL (widget);
  const Wrap *wrap;

  measure_line (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->sizes.minimum;
      *natural = self->sizes.natural;
      return;
    }
  /* On one line, cut short or not, unless wrapped text does not fit. */
  if (!self->wrap || for_size < 0 || for_size >= self->sizes.natural)
    {
      *minimum = *natural = self->sizes.line_height;
      *minimum_baseline = *natural_baseline = self->sizes.line_baseline;
      return;
    }
  wrap = measure_wrapped (self, for_size);
  *minimum = *natural = wrap->height;
  *minimum_baseline = *natural_baseline = wrap->baseline;
}

static GtkSizeRequestMode
quorum_text_cell_get_request_mode (GtkWidget *widget)
{
  return QUORUM_TEXT_CELL (widget)->wrap ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH
                                         : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* Placed as a start-aligned, vertically centred GtkLabel places its text. */
static void
quorum_text_cell_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  QuorumTextCell *self = QUORUM_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int baseline = gtk_widget_get_allocated_baseline (widget);
  float xalign = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1 : 0;
  PangoLayout *layout;
  PangoRectangle logical;
  float x, y;

  if (*self->text == '\0')
    return;
  measure_line (self);
  layout = text_layout (self);
  /* At the cell's width only when it does not fit: else on one line. */
  pango_layout_set_width (layout, self->sizes.natural > width ? width * PANGO_SCALE : -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = floor (xalign * (width - logical.width) - logical.x);
  if (baseline != -1)
    y = baseline - pango_layout_get_baseline (layout) / PANGO_SCALE;
  else
    y = floor ((height - logical.height) * 0.5);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x, y, layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
quorum_text_cell_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  QuorumTextCell *self = QUORUM_TEXT_CELL (widget);

  if (self->layout != NULL)
    pango_layout_set_alignment (self->layout,
                                gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  gtk_widget_queue_draw (widget);
}

static void
quorum_text_cell_finalize (GObject *object)
{
  QuorumTextCell *self = QUORUM_TEXT_CELL (object);

  g_free (self->text);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (quorum_text_cell_parent_class)->finalize (object);
}

static void
quorum_text_cell_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QuorumTextCell *self = QUORUM_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_WRAP: g_value_set_boolean (value, self->wrap); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_text_cell_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QuorumTextCell *self = QUORUM_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT: quorum_text_cell_set_text (self, g_value_get_string (value)); break;
    case PROP_WRAP: quorum_text_cell_set_wrap (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_text_cell_class_init (QuorumTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = quorum_text_cell_finalize;
  object_class->get_property = quorum_text_cell_get_property;
  object_class->set_property = quorum_text_cell_set_property;
  widget_class->measure = quorum_text_cell_measure;
  widget_class->get_request_mode = quorum_text_cell_get_request_mode;
  widget_class->snapshot = quorum_text_cell_snapshot;
  widget_class->direction_changed = quorum_text_cell_direction_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WRAP] =
    g_param_spec_boolean ("wrap", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
quorum_text_cell_init (QuorumTextCell *self)
{
  self->text = g_strdup ("");
  self->ellipsis = -1;
}

/**
 * quorum_text_cell_new:
 * @wrap: whether the text wraps, rather than being cut short with "…"
 */
GtkWidget *
quorum_text_cell_new (gboolean wrap)
{
  return g_object_new (QUORUM_TYPE_TEXT_CELL, "wrap", wrap, NULL);
}

/**
 * quorum_text_cell_get_text:
 * Returns: (transfer none): the text shown, "" for none
 */
const char *
quorum_text_cell_get_text (QuorumTextCell *self)
{
  g_return_val_if_fail (QUORUM_IS_TEXT_CELL (self), NULL);
  return self->text;
}

/**
 * quorum_text_cell_set_text:
 * @text: (nullable): plain text to show
 *
 * Does nothing when @text is shown already.
 */
void
quorum_text_cell_set_text (QuorumTextCell *self,
                           const char     *text)
{
  g_return_if_fail (QUORUM_IS_TEXT_CELL (self));

  if (text == NULL)
    text = "";
  if (strcmp (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  self->measured = FALSE;
  quorum_ui_a11y_set_text (GTK_WIDGET (self), self->text);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gboolean
quorum_text_cell_get_wrap (QuorumTextCell *self)
{
  g_return_val_if_fail (QUORUM_IS_TEXT_CELL (self), FALSE);
  return self->wrap;
}

/**
 * quorum_text_cell_set_wrap:
 * @wrap: whether the text wraps (between words, or characters where a
 *   word does not fit), rather than being cut short with "…"
 */
void
quorum_text_cell_set_wrap (QuorumTextCell *self,
                           gboolean        wrap)
{
  g_return_if_fail (QUORUM_IS_TEXT_CELL (self));

  wrap = !!wrap;
  if (self->wrap == wrap)
    return;
  self->wrap = wrap;
  g_clear_object (&self->layout);
  self->measured = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRAP]);
}
