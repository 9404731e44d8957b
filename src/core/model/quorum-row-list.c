/* quorum-row-list.c: the rows of a table or of a group, a list model
 *
 * A GListStore keeps a node of its own for each item; a table read from a
 * large file has one row per line, so its rows are kept in an array, eight
 * bytes each. Rows are only appended, while the table is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-row-list.h"

struct _QuorumRowList
{
  GObject parent_instance;

  GPtrArray *rows;        /* of QuorumRow, owned */
};

static void quorum_row_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumRowList, quorum_row_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      quorum_row_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
quorum_row_list_get_item_type (GListModel *model)
{
  return QUORUM_TYPE_ROW;
}

static guint
quorum_row_list_get_n_items (GListModel *model)
{
  return QUORUM_ROW_LIST (model)->rows->len;
}

static gpointer
quorum_row_list_get_item (GListModel *model,
                          guint       position)
{
  QuorumRowList *self = QUORUM_ROW_LIST (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
quorum_row_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = quorum_row_list_get_item_type;
  iface->get_n_items = quorum_row_list_get_n_items;
  iface->get_item = quorum_row_list_get_item;
}

static void
quorum_row_list_finalize (GObject *object)
{
  QuorumRowList *self = (QuorumRowList *) object;

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (quorum_row_list_parent_class)->finalize (object);
}

static void
quorum_row_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QuorumRowList *self = QUORUM_ROW_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE: g_value_set_gtype (value, QUORUM_TYPE_ROW); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->rows->len); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_row_list_class_init (QuorumRowListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_row_list_finalize;
  object_class->get_property = quorum_row_list_get_property;

  properties[PROP_ITEM_TYPE] = g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_row_list_init (QuorumRowList *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

QuorumRowList *
_quorum_row_list_new (void)
{
  return g_object_new (QUORUM_TYPE_ROW_LIST, NULL);
}

void
_quorum_row_list_append (QuorumRowList *self,
                         QuorumRow     *row)
{
  g_return_if_fail (QUORUM_IS_ROW_LIST (self));
  g_return_if_fail (QUORUM_IS_ROW (row));

  g_ptr_array_add (self->rows, g_object_ref (row));
  g_list_model_items_changed (G_LIST_MODEL (self), self->rows->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
