/* quorum-figure-columns.c: a view's columns of figures, their cells made,
 * kept while bound and shown again on demand
 *
 * Each column shows one kind of figure at one precision, which the view
 * works out from every row: when a precision (or a width) changes, every
 * cell bound is shown again. This gives each column a factory, makes its
 * cells (a right-aligned GtkInscription named after the kind), keeps the
 * items bound with their kind, and calls the view back to show one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-figure-columns.h"

#include "quorum-ui-util.h"

struct _QuorumFigureColumns
{
  GObject parent_instance;

  GPtrArray *factories;          /* a GtkListItemFactory a kind, in order */
  const char * const *cell_names; /* a kind's cells' widget name */
  const guint *chars;            /* a kind's cells' width in characters, the view's */
  QuorumFigureColumnsShowFunc show;
  gpointer view;                 /* not owned: it owns this */
  GHashTable *items;             /* GtkListItem bound → its kind, one more */
};

G_DEFINE_FINAL_TYPE (QuorumFigureColumns, quorum_figure_columns, G_TYPE_OBJECT)

/* Which kind of figure @factory makes the cells of. */
static guint
kind_of_factory (QuorumFigureColumns *self,
                 GtkListItemFactory  *factory)
{
  guint kind;

  if (g_ptr_array_find (self->factories, factory, &kind))
    return kind;
  g_return_val_if_reached (0);
}

static void
setup_cb (GtkListItemFactory  *factory,
          GtkListItem         *item,
          QuorumFigureColumns *self)
{
  guint kind = kind_of_factory (self, factory);
  GtkWidget *cell = quorum_ui_cell_new (1, self->chars[kind]);

  gtk_widget_set_name (cell, self->cell_names[kind]);
  gtk_list_item_set_child (item, cell);
}

static void
show_item (QuorumFigureColumns *self,
           GtkListItem         *item)
{
  guint kind = GPOINTER_TO_UINT (g_hash_table_lookup (self->items, item)) - 1;

  self->show (self->view, item, kind);
}

/* The cells bound are kept, to be shown again when a precision changes. */
static void
bind_cb (GtkListItemFactory  *factory,
         GtkListItem         *item,
         QuorumFigureColumns *self)
{
  g_hash_table_insert (self->items, item, GUINT_TO_POINTER (kind_of_factory (self, factory) + 1));
  show_item (self, item);
}

static void
unbind_cb (GtkListItemFactory  *factory,
           GtkListItem         *item,
           QuorumFigureColumns *self)
{
  g_hash_table_remove (self->items, item);
}

static void
quorum_figure_columns_finalize (GObject *object)
{
  QuorumFigureColumns *self = QUORUM_FIGURE_COLUMNS (object);

  g_ptr_array_unref (self->factories);
  g_hash_table_unref (self->items);
  G_OBJECT_CLASS (quorum_figure_columns_parent_class)->finalize (object);
}

static void
quorum_figure_columns_class_init (QuorumFigureColumnsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quorum_figure_columns_finalize;
}

static void
quorum_figure_columns_init (QuorumFigureColumns *self)
{
  self->factories = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_hash_table_new (NULL, NULL);
}

/**
 * quorum_figure_columns_new:
 * @columns: (array length=n_kinds): the view's columns of figures, a kind each
 * @cell_names: (array length=n_kinds): each kind's cells' widget name
 * @chars: (array length=n_kinds): each kind's cells' width in characters
 *   when made; read then, so it must live as long as the result (the view's)
 * @n_kinds: how many kinds of figure
 * @show: shows an item's figure in its cell, when bound and on
 *   quorum_figure_columns_show_all()
 * @view: passed to @show; not referenced: the view owns the result
 *
 * Gives each column a factory of figure cells.
 */
QuorumFigureColumns *
quorum_figure_columns_new (GtkColumnViewColumn * const *columns,
                           const char * const          *cell_names,
                           const guint                 *chars,
                           guint                        n_kinds,
                           QuorumFigureColumnsShowFunc  show,
                           gpointer                     view)
{
  QuorumFigureColumns *self;

  g_return_val_if_fail (columns != NULL && cell_names != NULL && chars != NULL, NULL);
  g_return_val_if_fail (show != NULL, NULL);

  self = g_object_new (QUORUM_TYPE_FIGURE_COLUMNS, NULL);
  self->cell_names = cell_names;
  self->chars = chars;
  self->show = show;
  self->view = view;
  for (guint k = 0; k < n_kinds; k++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_ptr_array_add (self->factories, factory);
      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
      g_signal_connect_object (factory, "teardown", G_CALLBACK (unbind_cb), self, 0);
      gtk_column_view_column_set_factory (columns[k], factory);
    }
  return self;
}

/* Shows every cell bound again: after a precision or a width changed. */
void
quorum_figure_columns_show_all (QuorumFigureColumns *self)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (QUORUM_IS_FIGURE_COLUMNS (self));

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    show_item (self, item);
}
