/* quorum-slot-model.c: a list model of stable slots over another list model
 *
 * Slot i shows the source's item i. When the source's items change, the
 * slots over the positions that are still there keep their identity and
 * are only given their new item (notify::item); items-changed is emitted
 * only for the slots added or removed. A list view over this model keeps
 * its rows' widgets and rebinds them, where GTK 4.8's list views would
 * destroy and build again every row whose item is another one.
 *
 * Slots are made when asked for; one nobody asked for costs a NULL.
 *
 * A slot kept is given another item without a selection over the slots
 * knowing, so the model can keep a selection following its item
 * (quorum_slot_model_follow_selection): to where the item is after a
 * change, or nowhere when it is gone, as a selection over the source would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "quorum-slot-model.h"

struct _QuorumSlotModel
{
  GObject parent_instance;

  GListModel *model;
  GPtrArray *slots;     /* of QuorumSlot, NULL where not made yet */
  GWeakRef selection;   /* GtkSingleSelection over the slots, following its item */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumSlotModel, quorum_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slot_free (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

/* Inserts @n NULL slots at @position. */
static void
insert_empty (GPtrArray *slots,
              guint      position,
              guint      n)
{
  guint old_len = slots->len;

  g_ptr_array_set_size (slots, old_len + n);
  memmove (slots->pdata + position + n, slots->pdata + position,
           (old_len - position) * sizeof (gpointer));
  memset (slots->pdata + position, 0, n * sizeof (gpointer));
}

/* Gives the slots made in [position, position + n) their new items. */
static void
refill (QuorumSlotModel *self,
        guint            position,
        guint            n)
{
  for (guint i = position; i < position + n; i++)
    {
      QuorumSlot *slot = g_ptr_array_index (self->slots, i);
      g_autoptr(GObject) item = NULL;

      if (slot == NULL)
        continue;
      item = g_list_model_get_item (self->model, i);
      quorum_slot_set_item (slot, item);
    }
}

/* The item the selection over the slots selects, before the slots change. */
static GObject *
dup_selected_item (QuorumSlotModel    *self,
                   GtkSingleSelection *selection,
                   guint              *position)
{
  QuorumSlot *slot;

  *position = selection != NULL ? gtk_single_selection_get_selected (selection)
                                : GTK_INVALID_LIST_POSITION;
  if (*position >= self->slots->len)
    return NULL;
  slot = g_ptr_array_index (self->slots, *position);
  return slot != NULL && quorum_slot_get_item (slot) != NULL
         ? g_object_ref (quorum_slot_get_item (slot)) : NULL;
}

/* Where @item, at @was before the source's change, is now. */
static guint
find_after_change (QuorumSlotModel *self,
                   GObject         *item,
                   guint            was,
                   guint            position,
                   guint            removed,
                   guint            added)
{
  if (was < position)
    return was;
  if (was >= position + removed)
    return was - removed + added;
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (self->model, i);

      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
source_changed (QuorumSlotModel *self,
                guint            position,
                guint            removed,
                guint            added)
{
  g_autoptr(GtkSingleSelection) selection = g_weak_ref_get (&self->selection);
  guint kept = MIN (removed, added);
  guint was;
  g_autoptr(GObject) selected = dup_selected_item (self, selection, &was);

  if (removed > added)
    g_ptr_array_remove_range (self->slots, position + kept, removed - kept);
  else if (added > removed)
    insert_empty (self->slots, position + kept, added - kept);
  refill (self, position, kept);
  if (removed != added)
    g_list_model_items_changed (G_LIST_MODEL (self), position + kept, removed - kept,
                                added - kept);
  if (selected != NULL)
    gtk_single_selection_set_selected (selection, find_after_change (self, selected, was,
                                                                     position, removed, added));
}

static void
items_changed_cb (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  QuorumSlotModel *self)
{
  source_changed (self, position, removed, added);
}

static GType
get_item_type (GListModel *list)
{
  return QUORUM_TYPE_SLOT;
}

static guint
get_n_items (GListModel *list)
{
  return QUORUM_SLOT_MODEL (list)->slots->len;
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  QuorumSlotModel *self = QUORUM_SLOT_MODEL (list);
  QuorumSlot *slot;

  if (position >= self->slots->len)
    return NULL;
  slot = g_ptr_array_index (self->slots, position);
  if (slot == NULL)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

      slot = quorum_slot_new (item);
      g_ptr_array_index (self->slots, position) = slot;
    }
  return g_object_ref (slot);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
quorum_slot_model_dispose (GObject *object)
{
  QuorumSlotModel *self = QUORUM_SLOT_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->slots, 0);

  G_OBJECT_CLASS (quorum_slot_model_parent_class)->dispose (object);
}

static void
quorum_slot_model_finalize (GObject *object)
{
  g_ptr_array_unref (QUORUM_SLOT_MODEL (object)->slots);
  g_weak_ref_clear (&QUORUM_SLOT_MODEL (object)->selection);

  G_OBJECT_CLASS (quorum_slot_model_parent_class)->finalize (object);
}

static void
quorum_slot_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MODEL: g_value_set_object (value, QUORUM_SLOT_MODEL (object)->model); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_slot_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_MODEL:
      quorum_slot_model_set_model (QUORUM_SLOT_MODEL (object), g_value_get_object (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_slot_model_class_init (QuorumSlotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quorum_slot_model_dispose;
  object_class->finalize = quorum_slot_model_finalize;
  object_class->get_property = quorum_slot_model_get_property;
  object_class->set_property = quorum_slot_model_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_slot_model_init (QuorumSlotModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (slot_free);
  g_weak_ref_init (&self->selection, NULL);
}

/**
 * quorum_slot_model_new:
 * @model: (nullable) (transfer full): the source
 */
QuorumSlotModel *
quorum_slot_model_new (GListModel *model)
{
  g_autoptr(GListModel) source = model;

  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);
  return g_object_new (QUORUM_TYPE_SLOT_MODEL, "model", source, NULL);
}

/**
 * quorum_slot_model_get_model:
 * Returns: (transfer none) (nullable): the source
 */
GListModel *
quorum_slot_model_get_model (QuorumSlotModel *self)
{
  g_return_val_if_fail (QUORUM_IS_SLOT_MODEL (self), NULL);
  return self->model;
}

/**
 * quorum_slot_model_set_model:
 * @model: (nullable): the source
 *
 * The slots there were keep their places and show the new source's items.
 */
void
quorum_slot_model_set_model (QuorumSlotModel *self,
                             GListModel      *model)
{
  guint removed;

  g_return_if_fail (QUORUM_IS_SLOT_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);
  removed = self->slots->len;
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  source_changed (self, 0, removed, model != NULL ? g_list_model_get_n_items (model) : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * quorum_slot_model_follow_selection:
 * @selection: (nullable): a selection over @self
 *
 * Keeps @selection on the item it selects when the source changes: where
 * the item is then, or nothing when it is gone. @self holds no reference
 * to @selection (which holds @self).
 */
void
quorum_slot_model_follow_selection (QuorumSlotModel    *self,
                                    GtkSingleSelection *selection)
{
  g_return_if_fail (QUORUM_IS_SLOT_MODEL (self));
  g_return_if_fail (selection == NULL || GTK_IS_SINGLE_SELECTION (selection));

  g_weak_ref_set (&self->selection, selection);
}
