/* quorum-row-index.c: a table's rows by id, at every depth
 *
 * A hash set of rows, open addressing with linear probing, keyed by the
 * row's id: eight bytes a slot, where a GHashTable from id to row takes
 * twenty (key, value and hash); a table read from a large file has a row
 * per line. Rows are borrowed (the table's tree holds them), only added,
 * while the table is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-model-private.h"
#include "quorum-row-index.h"

struct _QuorumRowIndex
{
  QuorumRow **slots;      /* NULL where empty */
  guint n_slots;          /* a power of two, or 0 */
  guint n_rows;
};

QuorumRowIndex *
_quorum_row_index_new (void)
{
  return g_new0 (QuorumRowIndex, 1);
}

void
_quorum_row_index_free (QuorumRowIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->slots);
  g_free (index);
}

/* Where @id is, or the empty slot where it would go. */
static guint
find_slot (QuorumRow  **slots,
           guint        n_slots,
           const char  *id)
{
  guint mask = n_slots - 1;
  guint i = g_str_hash (id) & mask;

  while (slots[i] != NULL && !g_str_equal (_quorum_row_id (slots[i]), id))
    i = (i + 1) & mask;
  return i;
}

QuorumRow *
_quorum_row_index_lookup (QuorumRowIndex *index,
                          const char     *id)
{
  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (index->n_rows == 0)
    return NULL;
  return index->slots[find_slot (index->slots, index->n_slots, id)];
}

/* Doubles the slots: at most three quarters are taken, so that a probe
 * ends soon on an empty one. */
static void
grow (QuorumRowIndex *index)
{
  guint n_slots = index->n_slots != 0 ? index->n_slots * 2 : 16;
  QuorumRow **slots = g_new0 (QuorumRow *, n_slots);

  for (guint i = 0; i < index->n_slots; i++)
    if (index->slots[i] != NULL)
      slots[find_slot (slots, n_slots, _quorum_row_id (index->slots[i]))] = index->slots[i];
  g_free (index->slots);
  index->slots = slots;
  index->n_slots = n_slots;
}

/* Adds @row, which has an id that no row of @index has. */
void
_quorum_row_index_add (QuorumRowIndex *index,
                       QuorumRow      *row)
{
  guint slot;

  g_return_if_fail (index != NULL);
  g_return_if_fail (QUORUM_IS_ROW (row));
  g_return_if_fail (_quorum_row_id (row) != NULL);

  if ((index->n_rows + 1) * 4 > index->n_slots * 3)
    grow (index);
  slot = find_slot (index->slots, index->n_slots, _quorum_row_id (row));
  g_return_if_fail (index->slots[slot] == NULL);
  index->slots[slot] = row;
  index->n_rows++;
}

/* Calls @func on every row, in no particular order. */
void
_quorum_row_index_foreach (QuorumRowIndex *index,
                           GFunc           func,
                           gpointer        user_data)
{
  g_return_if_fail (index != NULL);

  for (guint i = 0; i < index->n_slots; i++)
    if (index->slots[i] != NULL)
      func (index->slots[i], user_data);
}
