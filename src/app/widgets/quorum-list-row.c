/* quorum-list-row.c: a list row with a title, a subtitle, prefixes and suffixes
 *
 * What an AdwActionRow shows, and looks the same (style.css gives its grids
 * the margins and spacing libadwaita gives the action row's boxes), laid
 * out in two GtkGrids rather than in nested boxes: GTK 4.8 measures a box
 * holding a box of wrapping labels by searching for a width at each of the
 * heights it tries, which laid out each label of an AdwActionRow some thirty
 * times in the window's first frame (the overview's rows were a fifth of
 * its work); in a grid each is laid out once for each width it is given.
 *
 *   row
 *   └ grid.header   [prefixes] [icon] [grid.title: title / subtitle] [suffixes]
 *
 * The title is the AdwPreferencesRow's: rows are found and read by it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-list-row.h"

struct _QuorumListRow
{
  AdwPreferencesRow parent_instance;

  GtkGrid   *header;
  GtkWidget *icon;
  GtkWidget *labels;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *last_suffix;   /* the rightmost child of the header */
  int        first_column;  /* the header's leftmost: a prefix's, or the icon's 0 */
};

G_DEFINE_FINAL_TYPE (QuorumListRow, quorum_list_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A label of the row: wrapped at words, left-aligned. Not at characters
 * too, as an AdwActionRow's: a label that may break a word anywhere is as
 * narrow as its widest character, and to find that width and the height
 * at it, Pango 1.50 lays the text out a character a line, shaping the rest
 * of the text again at each line: some 14,000 shapings for the overview's
 * rows, most of the text's work in the window's first frame. Wrapped at
 * words, a label is as narrow as its widest word, and the window, at least
 * 360px wide, leaves the rows more than that. */
static GtkWidget *
row_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
title_changed_cb (QuorumListRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_widget_set_visible (self->title, title != NULL && *title != '\0');
}

static void
quorum_list_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QuorumListRow *self = QUORUM_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE: g_value_set_string (value, quorum_list_row_get_subtitle (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_list_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QuorumListRow *self = QUORUM_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE: quorum_list_row_set_subtitle (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_list_row_class_init (QuorumListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = quorum_list_row_get_property;
  object_class->set_property = quorum_list_row_set_property;

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_list_row_init (QuorumListRow *self)
{
  self->header = GTK_GRID (gtk_grid_new ());
  self->icon = gtk_image_new ();
  self->labels = gtk_grid_new ();
  self->title = row_label ("title");
  self->subtitle = row_label ("subtitle");
  self->last_suffix = self->labels;

  gtk_widget_add_css_class (GTK_WIDGET (self->header), "header");
  gtk_widget_set_valign (GTK_WIDGET (self->header), GTK_ALIGN_CENTER);
  /* libadwaita's 6px after an action row's icon, by its side. */
  gtk_widget_add_css_class (self->icon, "icon");
  gtk_widget_set_margin_end (self->icon, 6);
  gtk_widget_set_valign (self->icon, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->icon, FALSE);
  /* The labels take the header's height (at least 50px) and sit in its
   * middle, as in an AdwActionRow; the header keeps their expanding to
   * itself. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->header), FALSE);
  gtk_widget_add_css_class (self->labels, "title");
  gtk_widget_set_valign (self->labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (self->labels, TRUE);
  gtk_widget_set_vexpand (self->labels, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->title), GTK_WIDGET (self));

  gtk_grid_attach (GTK_GRID (self->labels), self->title, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->labels), self->subtitle, 0, 1, 1, 1);
  gtk_grid_attach (self->header, self->icon, 0, 0, 1, 1);
  gtk_grid_attach (self->header, self->labels, 1, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), GTK_WIDGET (self->header));

  /* As an AdwActionRow: named by its title, described by its subtitle. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle, NULL,
                                  -1);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}

/**
 * quorum_list_row_new:
 *
 * Returns: (transfer floating): a row without a title or a subtitle
 */
GtkWidget *
quorum_list_row_new (void)
{
  return g_object_new (QUORUM_TYPE_LIST_ROW, NULL);
}

/**
 * quorum_list_row_get_subtitle:
 *
 * Returns: (transfer none): the subtitle, "" when there is none
 */
const char *
quorum_list_row_get_subtitle (QuorumListRow *self)
{
  g_return_val_if_fail (QUORUM_IS_LIST_ROW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->subtitle));
}

/**
 * quorum_list_row_set_subtitle:
 * @subtitle: (nullable): plain text, shown under the title
 */
void
quorum_list_row_set_subtitle (QuorumListRow *self,
                              const char    *subtitle)
{
  g_return_if_fail (QUORUM_IS_LIST_ROW (self));

  if (g_strcmp0 (quorum_list_row_get_subtitle (self), subtitle != NULL ? subtitle : "") == 0)
    return;
  gtk_label_set_text (GTK_LABEL (self->subtitle), subtitle);
  gtk_widget_set_visible (self->subtitle, subtitle != NULL && *subtitle != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * quorum_list_row_set_subtitle_lines:
 * @lines: the most lines the subtitle takes, ellipsized after them; 0 for
 *   no limit
 */
void
quorum_list_row_set_subtitle_lines (QuorumListRow *self,
                                    int            lines)
{
  g_return_if_fail (QUORUM_IS_LIST_ROW (self));
  g_return_if_fail (lines >= 0);

  gtk_label_set_lines (GTK_LABEL (self->subtitle), lines);
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle),
                           lines == 0 ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  /* Ellipsized, it is as narrow as the ellipsis whatever its wrapping, and
   * the text before it is laid out once: a long path breaks anywhere to
   * fill its lines rather than run past the row's edge. */
  gtk_label_set_wrap_mode (GTK_LABEL (self->subtitle),
                           lines == 0 ? PANGO_WRAP_WORD : PANGO_WRAP_WORD_CHAR);
}

/**
 * quorum_list_row_set_icon_name:
 * @icon_name: (nullable): the icon before the title, or %NULL for none
 */
void
quorum_list_row_set_icon_name (QuorumListRow *self,
                               const char    *icon_name)
{
  g_return_if_fail (QUORUM_IS_LIST_ROW (self));

  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_name);
  gtk_widget_set_visible (self->icon, icon_name != NULL && *icon_name != '\0');
}

/**
 * quorum_list_row_add_prefix:
 * @widget: a widget shown before the icon and the title; each new one
 *   before the others, as in an AdwActionRow
 */
void
quorum_list_row_add_prefix (QuorumListRow *self,
                            GtkWidget     *widget)
{
  g_return_if_fail (QUORUM_IS_LIST_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* libadwaita's 6px after the prefixes, on the one nearest the title. */
  if (self->first_column == 0)
    gtk_widget_set_margin_end (widget, 6);
  gtk_grid_attach (self->header, widget, --self->first_column, 0, 1, 1);
}

/**
 * quorum_list_row_add_suffix:
 * @widget: a widget shown at the end, after the others
 */
void
quorum_list_row_add_suffix (QuorumListRow *self,
                            GtkWidget     *widget)
{
  g_return_if_fail (QUORUM_IS_LIST_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_grid_attach_next_to (self->header, widget, self->last_suffix, GTK_POS_RIGHT, 1, 1);
  self->last_suffix = widget;
}
