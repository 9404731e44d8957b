/* test-slot-model.c: QuorumSlotModel against the models it wraps
 *
 * A mirror of the slot model is kept from its items-changed alone; after
 * each random change to the source, the mirror must be the slot model
 * (the same slot objects at the same places: the slots that stayed were
 * not replaced), every slot must show the source's item at its place, and
 * each slot's notify::item must have told of its latest item. Every
 * emission only adds or only removes, and only where the source's length
 * changed. Slots nobody asked for are made when asked for, with the item
 * then at their place. A multi-selection over the slots keeps exactly the
 * items it selected that are still shown, wherever they go, through random
 * filters and changes to the store, and its cursor stays on its item while
 * selected; the cursor follows what the user selects last. No display is
 * needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "quorum-slot-model.h"
#include "quorum-ui-util.h"

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

/* The items @selection selects, as a set of the source's items. */
static GHashTable *
selected_items (GtkSelectionModel *selection,
                GListModel        *source)
{
  GHashTable *items = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (selection);
  GtkBitsetIter iter;
  guint i;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, set, &i);
       more;
       more = gtk_bitset_iter_next (&iter, &i))
    g_hash_table_add (items, g_list_model_get_item (source, i));
  return items;
}

/* Of @items, those @source shows. */
static void
keep_shown (GHashTable *items,
            GListModel *source)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer item;

  for (guint i = 0; i < g_list_model_get_n_items (source); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (source, i);

      g_hash_table_add (shown, object);
    }
  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (!g_hash_table_contains (shown, item))
      g_hash_table_iter_remove (&iter);
}

static void
assert_same_items (GHashTable *a,
                   GHashTable *b)
{
  GHashTableIter iter;
  gpointer item;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    g_assert_true (g_hash_table_contains (b, item));
}

/* The cursor is a selected item at the position it says, or none when
 * nothing is selected. */
static void
assert_cursor (QuorumSlotModel   *slots,
               GtkSelectionModel *selection,
               GListModel        *source)
{
  gpointer cursor = quorum_slot_model_get_cursor_item (slots);
  guint position = quorum_slot_model_get_cursor_position (slots);
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (selection);
  g_autoptr(GObject) at = NULL;

  if (gtk_bitset_is_empty (set))
    {
      g_assert_null (cursor);
      return;
    }
  g_assert_nonnull (cursor);
  g_assert_true (gtk_selection_model_is_selected (selection, position));
  at = g_list_model_get_item (source, position);
  g_assert_true (at == cursor);
}

/* A user's selection at random: a row, a row added or taken away, a run. */
static void
random_select (GtkSelectionModel *selection,
               guint              n)
{
  guint position = g_random_int_range (0, n);

  switch (g_random_int_range (0, 5))
    {
    case 0:
      gtk_selection_model_select_item (selection, position, TRUE);
      break;
    case 1:
      gtk_selection_model_select_item (selection, position, FALSE);
      break;
    case 2:
      gtk_selection_model_unselect_item (selection, position);
      break;
    case 3:
      gtk_selection_model_select_range (selection, position,
                                        g_random_int_range (1, n - position + 1), FALSE);
      break;
    default:
      if (g_random_int_range (0, 8) == 0)
        gtk_selection_model_select_all (selection);
      break;
    }
}

/* A multi-selection over slots of a filter model: random selections, then
 * random filters and changes to the store; the items selected still shown
 * stay selected, and only they, and the cursor stays on its item. */
static void
test_follow_selection (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  GtkCustomFilter *filter = gtk_custom_filter_new (filter_func, NULL, NULL);
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkMultiSelection) selection = NULL;
  GtkSelectionModel *model;
  QuorumSlotModel *slots;

  random_splice (store, 0, 300);
  filter_mask = 0;
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)),
                                        GTK_FILTER (filter));
  selection = quorum_ui_slot_selection_new (g_object_ref (G_LIST_MODEL (filtered)));
  model = GTK_SELECTION_MODEL (selection);
  slots = quorum_ui_slot_selection_get_slots (selection);
  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GHashTable) before = NULL;
      g_autoptr(GHashTable) after = NULL;
      g_autoptr(GObject) cursor = NULL;
      guint n = g_list_model_get_n_items (G_LIST_MODEL (filtered));

      for (guint i = 0; n > 0 && i < 3; i++)
        random_select (model, n);
      assert_cursor (slots, model, G_LIST_MODEL (filtered));
      before = selected_items (model, G_LIST_MODEL (filtered));
      cursor = quorum_slot_model_get_cursor_item (slots);
      if (cursor != NULL)
        g_object_ref (cursor);

      if (round % 3 == 0)
        random_splice (store, g_random_int_range (0, 20), g_random_int_range (0, 20));
      else
        {
          filter_mask = g_random_int_range (0, 1024) & g_random_int_range (0, 1024);
          gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
        }
      keep_shown (before, G_LIST_MODEL (filtered));
      after = selected_items (model, G_LIST_MODEL (filtered));
      assert_same_items (before, after);
      assert_cursor (slots, model, G_LIST_MODEL (filtered));
      if (cursor != NULL && g_hash_table_contains (after, cursor))
        g_assert_true (quorum_slot_model_get_cursor_item (slots) == cursor);
    }
}

static gpointer
cursor_at (QuorumSlotModel *slots,
           GListModel      *source,
           guint            position)
{
  g_autoptr(GObject) item = g_list_model_get_item (source, position);

  return quorum_slot_model_get_cursor_item (slots) == item ? item : NULL;
}

/* The cursor is on the row the user selected last: clicked, Ctrl+clicked,
 * the far end of a Shift+click's run; kept on Ctrl+A; when it is taken
 * away, the nearest selected row. */
static void
test_cursor (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GtkMultiSelection) selection = NULL;
  GtkSelectionModel *model;
  QuorumSlotModel *slots;
  GListModel *source = G_LIST_MODEL (store);

  random_splice (store, 0, 20);
  selection = quorum_ui_slot_selection_new (g_object_ref (source));
  model = GTK_SELECTION_MODEL (selection);
  slots = quorum_ui_slot_selection_get_slots (selection);
  g_assert_null (quorum_slot_model_get_cursor_item (slots));

  gtk_selection_model_select_item (model, 5, TRUE);
  g_assert_nonnull (cursor_at (slots, source, 5));
  gtk_selection_model_select_item (model, 9, FALSE);
  g_assert_nonnull (cursor_at (slots, source, 9));
  /* Shift+click from 9 up to 2: the far end. */
  gtk_selection_model_select_range (model, 2, 8, TRUE);
  g_assert_nonnull (cursor_at (slots, source, 2));
  gtk_selection_model_select_all (model);
  g_assert_nonnull (cursor_at (slots, source, 2));
  g_assert_cmpuint (quorum_slot_model_get_cursor_position (slots), ==, 2);
  gtk_selection_model_unselect_range (model, 0, 4);
  g_assert_nonnull (cursor_at (slots, source, 4));
  /* Moved by a change above it, the cursor goes along. */
  g_list_store_remove (store, 0);
  g_assert_nonnull (cursor_at (slots, source, 3));
  quorum_slot_model_set_cursor (slots, 10);
  g_assert_nonnull (cursor_at (slots, source, 10));
  gtk_selection_model_unselect_all (model);
  g_assert_null (quorum_slot_model_get_cursor_item (slots));
  g_assert_cmpuint (quorum_slot_model_get_cursor_position (slots), ==, GTK_INVALID_LIST_POSITION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slot-model/list-store", test_list_store);
  g_test_add_func ("/slot-model/filter-model", test_filter_model);
  g_test_add_func ("/slot-model/follow-selection", test_follow_selection);
  g_test_add_func ("/slot-model/cursor", test_cursor);

  return g_test_run ();
}
