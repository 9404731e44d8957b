/* quorum-slot.c: a place in a QuorumSlotModel, showing one item at a time
 *
 * A list row's widgets bind to the slot's "item" rather than to the item
 * itself: when the slot is given another item, they follow it through
 * notify::item instead of being destroyed and built again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-slot.h"

struct _QuorumSlot
{
  GObject parent_instance;

  GObject *item;
};

G_DEFINE_FINAL_TYPE (QuorumSlot, quorum_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_slot_dispose (GObject *object)
{
  g_clear_object (&QUORUM_SLOT (object)->item);

  G_OBJECT_CLASS (quorum_slot_parent_class)->dispose (object);
}

static void
quorum_slot_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM: g_value_set_object (value, QUORUM_SLOT (object)->item); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_slot_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM: quorum_slot_set_item (QUORUM_SLOT (object), g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_slot_class_init (QuorumSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quorum_slot_dispose;
  object_class->get_property = quorum_slot_get_property;
  object_class->set_property = quorum_slot_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_slot_init (QuorumSlot *self)
{
}

/**
 * quorum_slot_new:
 * @item: (nullable) (type GObject): the item shown first
 */
QuorumSlot *
quorum_slot_new (gpointer item)
{
  g_return_val_if_fail (item == NULL || G_IS_OBJECT (item), NULL);
  return g_object_new (QUORUM_TYPE_SLOT, "item", item, NULL);
}

/**
 * quorum_slot_get_item:
 * Returns: (transfer none) (nullable) (type GObject): the item shown
 */
gpointer
quorum_slot_get_item (QuorumSlot *self)
{
  g_return_val_if_fail (QUORUM_IS_SLOT (self), NULL);
  return self->item;
}

/* Notifies only when the item is another one. */
void
quorum_slot_set_item (QuorumSlot *self,
                      gpointer    item)
{
  g_return_if_fail (QUORUM_IS_SLOT (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
