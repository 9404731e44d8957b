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
 * knowing, so the model keeps a multi-selection following its items
 * (quorum_slot_model_follow_selection): each selected item to where it is
 * after a change, or nowhere when it is gone, as a selection over the
 * source would. A selected slot is made at once, so that its item is known
 * when the source changes.
 *
 * Of the items selected, the model also says which one the user is on
 * ("cursor-item"; GTK 4.8 does not say which row has the focus), for a
 * details pane: the one selected last (clicked or Ctrl+clicked, the far end
 * of a Shift+click's or a Shift+arrow's range), kept while it stays
 * selected and when everything is selected (Ctrl+A); when it is
 * unselected, the selected item nearest to it. Items are compared, not
 * positions: a filter or a sort moves the cursor with its item.
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
  GWeakRef selection;   /* GtkMultiSelection over the slots, following its items */
  GHashTable *selected; /* the items selected when last seen (references) */
  GObject *cursor;      /* nullable: of those, the one the user is on */
  guint cursor_position;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumSlotModel, quorum_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_CURSOR_ITEM,
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

/* Returns: (nullable): the items of the slots selected in [position,
 * position + n), before the slots change */
static GHashTable *
dup_selected_items (QuorumSlotModel   *self,
                    GtkSelectionModel *selection,
                    guint              position,
                    guint              n)
{
  g_autoptr(GtkBitset) selected = NULL;
  GHashTable *items = NULL;
  GtkBitsetIter iter;
  guint i;

  if (selection == NULL || n == 0)
    return NULL;
  selected = gtk_selection_model_get_selection_in_range (selection, position, n);
  for (gboolean more = gtk_bitset_iter_init_at (&iter, selected, position, &i);
       more && i < position + n;
       more = gtk_bitset_iter_next (&iter, &i))
    {
      QuorumSlot *slot = i < self->slots->len ? g_ptr_array_index (self->slots, i) : NULL;
      GObject *item = slot != NULL ? quorum_slot_get_item (slot) : NULL;

      if (item == NULL)
        continue;
      if (items == NULL)
        items = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
      g_hash_table_add (items, g_object_ref (item));
    }
  return items;
}

static void update_cursor (QuorumSlotModel   *self,
                           GtkSelectionModel *selection);

/* Selects, in [position, position + n) after a change, the slots that show
 * one of @items, and unselects the others there. */
static void
reselect (QuorumSlotModel   *self,
          GtkSelectionModel *selection,
          GHashTable        *items,
          guint              position,
          guint              n)
{
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = gtk_bitset_new_range (position, n);
  guint left = g_hash_table_size (items);

  for (guint i = position; i < position + n && left > 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

      if (g_hash_table_contains (items, item))
        {
          gtk_bitset_add (selected, i);
          left--;
        }
    }
  gtk_selection_model_set_selection (selection, selected, mask);
  /* Whether or not the selection said it changed. */
  update_cursor (self, selection);
}

static void
source_changed (QuorumSlotModel *self,
                guint            position,
                guint            removed,
                guint            added)
{
  g_autoptr(GtkSelectionModel) selection = g_weak_ref_get (&self->selection);
  guint kept = MIN (removed, added);
  g_autoptr(GHashTable) selected = dup_selected_items (self, selection, position, removed);

  if (removed > added)
    g_ptr_array_remove_range (self->slots, position + kept, removed - kept);
  else if (added > removed)
    insert_empty (self->slots, position + kept, added - kept);
  refill (self, position, kept);
  if (self->cursor_position != GTK_INVALID_LIST_POSITION &&
      self->cursor_position >= position + removed)
    self->cursor_position = self->cursor_position - removed + added;
  if (removed != added)
    g_list_model_items_changed (G_LIST_MODEL (self), position + kept, removed - kept,
                                added - kept);
  if (selected != NULL)
    reselect (self, selection, selected, position, added);
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

/* --- the cursor ---------------------------------------------------------------- */

static void
set_cursor (QuorumSlotModel *self,
            GObject         *item,
            guint            position)
{
  self->cursor_position = item != NULL ? position : GTK_INVALID_LIST_POSITION;
  if (self->cursor == item)
    return;
  g_set_object (&self->cursor, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_ITEM]);
}

static guint
distance (guint a,
          guint b)
{
  return a > b ? a - b : b - a;
}

/* The position in @set nearest to @position (the lower of two as near),
 * or GTK_INVALID_LIST_POSITION when @set is empty. */
static guint
nearest (GtkBitset *set,
         guint      position)
{
  GtkBitsetIter iter;
  guint after, before;

  if (gtk_bitset_is_empty (set))
    return GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION)
    return gtk_bitset_get_minimum (set);
  if (!gtk_bitset_iter_init_at (&iter, set, position, &after))
    return gtk_bitset_get_maximum (set);
  if (after == position || !gtk_bitset_iter_previous (&iter, &before))
    return after;
  return distance (position, before) <= distance (position, after) ? before : after;
}

/* The items selected now, and the cursor among them (see the top of the
 * file). Each selected slot is made on the way. */
static void
update_cursor (QuorumSlotModel   *self,
               GtkSelectionModel *selection)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (selection);
  GHashTable *selected = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  guint first_added = GTK_INVALID_LIST_POSITION, last_added = GTK_INVALID_LIST_POSITION;
  guint at = GTK_INVALID_LIST_POSITION, from, pick;
  g_autoptr(QuorumSlot) slot = NULL;
  GtkBitsetIter iter;
  guint i;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, set, &i);
       more && i < self->slots->len;
       more = gtk_bitset_iter_next (&iter, &i))
    {
      g_autoptr(QuorumSlot) selected_slot = g_list_model_get_item (G_LIST_MODEL (self), i);
      GObject *item = quorum_slot_get_item (selected_slot);

      if (item == NULL)
        continue;
      if (item == self->cursor)
        at = i;
      else if (!g_hash_table_contains (self->selected, item))
        {
          if (first_added == GTK_INVALID_LIST_POSITION)
            first_added = i;
          last_added = i;
        }
      g_hash_table_add (selected, g_object_ref (item));
    }
  g_hash_table_unref (self->selected);
  self->selected = selected;

  from = at != GTK_INVALID_LIST_POSITION ? at : self->cursor_position;
  if (first_added != GTK_INVALID_LIST_POSITION &&
      (at == GTK_INVALID_LIST_POSITION || gtk_bitset_get_size (set) < self->slots->len))
    /* The far end of what was added. */
    pick = from == GTK_INVALID_LIST_POSITION ||
           distance (from, last_added) >= distance (from, first_added) ? last_added
                                                                        : first_added;
  else if (at != GTK_INVALID_LIST_POSITION)
    pick = at;
  else
    pick = nearest (set, self->cursor_position);
  if (pick != GTK_INVALID_LIST_POSITION)
    slot = g_list_model_get_item (G_LIST_MODEL (self), pick);
  set_cursor (self, slot != NULL ? quorum_slot_get_item (slot) : NULL, pick);
}

static void
selection_changed_cb (GtkSelectionModel *selection,
                      guint              position,
                      guint              n_items,
                      QuorumSlotModel   *self)
{
  update_cursor (self, selection);
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
  g_hash_table_unref (QUORUM_SLOT_MODEL (object)->selected);
  g_clear_object (&QUORUM_SLOT_MODEL (object)->cursor);
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
    case PROP_CURSOR_ITEM: g_value_set_object (value, QUORUM_SLOT_MODEL (object)->cursor); break;
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
  /* Of the items selected, the one the user is on. */
  properties[PROP_CURSOR_ITEM] =
    g_param_spec_object ("cursor-item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_slot_model_init (QuorumSlotModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (slot_free);
  self->selected = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->cursor_position = GTK_INVALID_LIST_POSITION;
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
 * @selection: (nullable): a multi-selection over @self
 *
 * Keeps @selection on the items it selects when the source changes: each
 * where it is then, or unselected when it is gone; and follows which of
 * them the user is on ("cursor-item"). @self holds no reference to
 * @selection (which holds @self).
 */
void
quorum_slot_model_follow_selection (QuorumSlotModel   *self,
                                    GtkSelectionModel *selection)
{
  g_autoptr(GtkSelectionModel) old = NULL;

  g_return_if_fail (QUORUM_IS_SLOT_MODEL (self));
  g_return_if_fail (selection == NULL || GTK_IS_SELECTION_MODEL (selection));

  old = g_weak_ref_get (&self->selection);
  if (old == selection)
    return;
  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, selection_changed_cb, self);
  g_weak_ref_set (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                               self, 0);
      update_cursor (self, selection);
    }
  else
    set_cursor (self, NULL, GTK_INVALID_LIST_POSITION);
}

/**
 * quorum_slot_model_get_cursor_item:
 *
 * Returns: (transfer none) (nullable): of the items selected, the one the
 *   user is on: the item a slot shows, not the slot
 */
gpointer
quorum_slot_model_get_cursor_item (QuorumSlotModel *self)
{
  g_return_val_if_fail (QUORUM_IS_SLOT_MODEL (self), NULL);
  return self->cursor;
}

/**
 * quorum_slot_model_get_cursor_position:
 *
 * Returns: where the cursor's item is, or %GTK_INVALID_LIST_POSITION
 */
guint
quorum_slot_model_get_cursor_position (QuorumSlotModel *self)
{
  g_return_val_if_fail (QUORUM_IS_SLOT_MODEL (self), GTK_INVALID_LIST_POSITION);
  return self->cursor_position;
}

/**
 * quorum_slot_model_set_cursor:
 * @position: a selected position
 *
 * Puts the cursor on the item at @position, when it is selected.
 */
void
quorum_slot_model_set_cursor (QuorumSlotModel *self,
                              guint            position)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  g_autoptr(QuorumSlot) slot = NULL;

  g_return_if_fail (QUORUM_IS_SLOT_MODEL (self));

  selection = g_weak_ref_get (&self->selection);
  if (selection == NULL || position >= self->slots->len ||
      !gtk_selection_model_is_selected (selection, position))
    return;
  slot = g_list_model_get_item (G_LIST_MODEL (self), position);
  set_cursor (self, quorum_slot_get_item (slot), position);
}
