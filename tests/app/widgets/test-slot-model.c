/* test-slot-model.c: QuorumSlotModel against the models it wraps
 *
 * A mirror of the slot model is kept from its items-changed alone; after
 * each random change to the source, the mirror must be the slot model
 * (the same slot objects at the same places: the slots that stayed were
 * not replaced), every slot must show the source's item at its place, and
 * each slot's notify::item must have told of its latest item. Every
 * emission only adds or only removes, and only where the source's length
 * changed. Slots nobody asked for are made when asked for, with the item
 * then at their place. No display is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "quorum-slot-model.h"

typedef struct
{
  GListModel *slots;
  GPtrArray *mirror;    /* of QuorumSlot (a reference each), NULL where not asked for yet */
  guint n_emissions;
} Mirror;

static void
mirror_free (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
slot_notified (QuorumSlot *slot)
{
  g_object_set_data (G_OBJECT (slot), "seen", quorum_slot_get_item (slot));
}

static void
mirror_slots_changed (GListModel *slots,
                      guint       position,
                      guint       removed,
                      guint       added,
                      Mirror     *m)
{
  g_assert_true (removed == 0 || added == 0);
  g_assert_cmpuint (removed + added, >, 0);
  g_assert_cmpuint (position + removed, <=, m->mirror->len);
  g_ptr_array_remove_range (m->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (m->mirror, position + i, NULL);
  m->n_emissions++;
}

/* Checks the slot model against the mirror and @source. The mirror then
 * holds every slot (so that those stay watched), or with @some, only some
 * of them, the others being left for the slot model to make later. */
static void
check (Mirror     *m,
       GListModel *source,
       gboolean    some)
{
  guint n = g_list_model_get_n_items (source);

  g_assert_cmpuint (g_list_model_get_n_items (m->slots), ==, n);
  g_assert_cmpuint (m->mirror->len, ==, n);
  g_assert_null (g_list_model_get_item (m->slots, n));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumSlot) slot = NULL;
      g_autoptr(GObject) item = NULL;

      if (some && g_ptr_array_index (m->mirror, i) == NULL && g_random_boolean ())
        continue;
      slot = g_list_model_get_item (m->slots, i);
      item = g_list_model_get_item (source, i);
      g_assert_true (QUORUM_IS_SLOT (slot));
      g_assert_true (quorum_slot_get_item (slot) == item);
      if (g_ptr_array_index (m->mirror, i) != NULL)
        {
          g_assert_true (g_ptr_array_index (m->mirror, i) == slot);
          g_assert_true (g_object_get_data (G_OBJECT (slot), "seen") == item);
          continue;
        }
      g_ptr_array_index (m->mirror, i) = g_object_ref (slot);
      g_object_set_data (G_OBJECT (slot), "seen", item);
      g_signal_connect (slot, "notify::item", G_CALLBACK (slot_notified), NULL);
    }
}

static void
mirror_init (Mirror     *m,
             GListModel *source)
{
  m->slots = G_LIST_MODEL (quorum_slot_model_new (g_object_ref (source)));
  m->mirror = g_ptr_array_new_with_free_func (mirror_free);
  for (guint i = 0; i < g_list_model_get_n_items (source); i++)
    g_ptr_array_add (m->mirror, NULL);
  m->n_emissions = 0;
  g_assert_true (g_list_model_get_item_type (m->slots) == QUORUM_TYPE_SLOT);
  g_signal_connect (m->slots, "items-changed", G_CALLBACK (mirror_slots_changed), m);
}

static void
mirror_clear (Mirror *m)
{
  g_clear_pointer (&m->mirror, g_ptr_array_unref);
  g_clear_object (&m->slots);
}

static GObject *
number_new (guint value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  return G_OBJECT (gtk_string_object_new (text));
}

/* Replaces @removed items at a random place with @added new ones. */
static void
random_splice (GListStore *store,
               guint       removed,
               guint       added)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint position = g_random_int_range (0, n + 1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  removed = MIN (removed, n - position);
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, number_new (g_random_int_range (0, 1000)));
  g_list_store_splice (store, position, removed, items->pdata, added);
}

/* A list store: random insertions, removals and replacements. The length
 * changes only where the emissions say; a change that keeps it emits
 * nothing. */
static void
test_list_store (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  Mirror m;

  random_splice (store, 0, 50);
  mirror_init (&m, G_LIST_MODEL (store));
  check (&m, G_LIST_MODEL (store), FALSE);
  for (guint round = 0; round < 400; round++)
    {
      guint before = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint emissions = m.n_emissions;
      guint removed = g_random_int_range (0, 12);
      guint added = g_random_int_range (0, 12);
      guint after;

      if (round % 5 == 0)
        added = removed;
      random_splice (store, removed, added);
      after = g_list_model_get_n_items (G_LIST_MODEL (store));
      g_assert_cmpuint (m.n_emissions, ==, emissions + (before != after));
      check (&m, G_LIST_MODEL (store), FALSE);
    }
  /* A new source: the slots stay, showing its items. */
  {
    g_autoptr(GListStore) other = g_list_store_new (G_TYPE_OBJECT);

    random_splice (other, 0, 7);
    quorum_slot_model_set_model (QUORUM_SLOT_MODEL (m.slots), G_LIST_MODEL (other));
    check (&m, G_LIST_MODEL (other), FALSE);
    quorum_slot_model_set_model (QUORUM_SLOT_MODEL (m.slots), NULL);
    g_assert_cmpuint (g_list_model_get_n_items (m.slots), ==, 0);
    g_assert_cmpuint (m.mirror->len, ==, 0);
  }
  mirror_clear (&m);
}

static guint filter_mask;

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  guint value = atoi (gtk_string_object_get_string (item));

  return (value & filter_mask) == 0;
}

/* A filter model, as the views have: filters changed at random, and the
 * store under it changed too. */
static void
test_filter_model (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  GtkCustomFilter *filter = gtk_custom_filter_new (filter_func, NULL, NULL);
  g_autoptr(GtkFilterListModel) filtered = NULL;
  Mirror m;

  random_splice (store, 0, 300);
  filter_mask = 0;
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)),
                                        GTK_FILTER (filter));
  mirror_init (&m, G_LIST_MODEL (filtered));
  check (&m, G_LIST_MODEL (filtered), TRUE);
  for (guint round = 0; round < 300; round++)
    {
      if (round % 3 == 0)
        random_splice (store, g_random_int_range (0, 20), g_random_int_range (0, 20));
      else
        {
          filter_mask = g_random_int_range (0, 1024) & g_random_int_range (0, 1024);
          gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
        }
      check (&m, G_LIST_MODEL (filtered), TRUE);
    }
  mirror_clear (&m);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slot-model/list-store", test_list_store);
  g_test_add_func ("/slot-model/filter-model", test_filter_model);

  return g_test_run ();
}
