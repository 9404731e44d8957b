/* quorum-table-view-search.c: a table's rows filtered as you type
 *
 * Searching looks at each row's label, note and id (casefolded once per
 * table, on the first search, into an array with each row after its parent:
 * a query is two passes over it). A row is shown when it matches, when a row above it
 * matches (a group shows its rows) or when a row beneath it matches (a
 * group is kept, and expanded, for the matches in it). Enter goes to the
 * first match; Escape closes the search and shows every row again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-table-view-private.h"

/* More groups than this opened at once are opened away from the view. */
#define BULK_GROUPS 8

/* Text for searching, in place of @text (freed): casefolded and
 * normalised, so that "Sme" finds "SME". ASCII text (most labels, notes
 * and ids) is only lowercased in place: normalising and casefolding ASCII
 * change nothing else, and a table's first search folds every row. */
static char *
fold_take (char *text)
{
  g_autofree char *owned = text;
  g_autofree char *normal = NULL;
  gboolean ascii = TRUE;

  for (char *p = text; *p != '\0' && ascii; p++)
    ascii = (guchar) *p < 0x80;
  if (ascii)
    {
      for (char *p = text; *p != '\0'; p++)
        *p = g_ascii_tolower (*p);
      return g_steal_pointer (&owned);
    }
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
}

static void
clear_search_row (gpointer data)
{
  g_free (((QuorumSearchRow *) data)->haystack);
  g_clear_object (&((QuorumSearchRow *) data)->tree_row);
}

/* @text: (transfer full): the row's text for searching, before folding */
static void
add_search_row (QuorumTableView *self,
                QuorumRow       *row,
                char            *text,
                int              parent,
                guint            index)
{
  QuorumSearchRow entry = { row, NULL, fold_take (text), parent, index, FALSE, FALSE, FALSE,
                            TRUE };

  g_array_append_val (self->search_rows, entry);
  g_hash_table_insert (self->search_index, row, GUINT_TO_POINTER (self->search_rows->len));
}

/* @rows and the rows beneath them, each after its parent. */
static void
add_search_rows (QuorumTableView *self,
                 GListModel      *rows,
                 int              parent)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      GListModel *children = quorum_row_get_children (row);

      add_search_row (self, row, g_strjoin ("\n", quorum_row_get_label (row) ?: "",
                                            quorum_row_get_note (row) ?: "",
                                            quorum_row_get_id (row) ?: "", NULL),
                      parent, i);
      if (children != NULL)
        add_search_rows (self, children, (int) self->search_rows->len - 1);
    }
}

/* The rows' search text, casefolded once per table. */
static void
ensure_search_rows (QuorumTableView *self)
{
  QuorumRow *total;
  GListModel *rows;

  if (self->search_rows != NULL)
    return;
  self->search_rows = g_array_new (FALSE, FALSE, sizeof (QuorumSearchRow));
  g_array_set_clear_func (self->search_rows, clear_search_row);
  self->search_index = g_hash_table_new (NULL, NULL);
  self->search_tree_rows = g_hash_table_new (NULL, NULL);
  rows = quorum_table_get_rows (self->table);
  add_search_rows (self, rows, -1);
  total = quorum_table_get_total (self->table);
  if (total != NULL)
    add_search_row (self, total, g_strjoin ("\n", quorum_row_get_label (total) ?: "",
                                            quorum_row_get_id (total), NULL),
                    -1, g_list_model_get_n_items (rows));
}

static QuorumSearchRow *
lookup_search_row (QuorumTableView *self,
                   QuorumRow       *row)
{
  guint position = self->search_index != NULL
                   ? GPOINTER_TO_UINT (g_hash_table_lookup (self->search_index, row)) : 0;

  return position > 0 ? &g_array_index (self->search_rows, QuorumSearchRow, position - 1) : NULL;
}

static gboolean
row_matches (QuorumTableView *self,
             QuorumRow       *row)
{
  QuorumSearchRow *entry = lookup_search_row (self, row);

  return entry != NULL && self->query != NULL && entry->matches;
}

static gboolean
row_shown (QuorumTableView *self,
           QuorumRow       *row)
{
  QuorumSearchRow *entry = lookup_search_row (self, row);

  return entry != NULL && entry->shown;
}

/* Marks the rows @self->query shows, in two passes over the rows and no
 * allocation; @change is how the rows shown differ from those shown
 * before, if they do (@changed: else the filter need not look again). */
static void
mark_all (QuorumTableView *self,
          GtkFilterChange *change,
          gboolean        *changed)
{
  QuorumSearchRow *rows = (QuorumSearchRow *) (gpointer) self->search_rows->data;
  guint n = self->search_rows->len;
  guint n_hidden = 0, n_revealed = 0;

  self->n_matches = 0;
  /* Down: each row after its parent. */
  for (guint i = 0; i < n; i++)
    {
      QuorumSearchRow *entry = &rows[i];
      QuorumSearchRow *parent = entry->parent >= 0 ? &rows[entry->parent] : NULL;

      entry->matches = strstr (entry->haystack, self->query) != NULL;
      entry->inherited = parent != NULL && (parent->matches || parent->inherited);
      entry->below = FALSE;
      self->n_matches += entry->matches ? 1 : 0;
    }
  /* Up: each row before its parent. */
  for (guint i = n; i-- > 0;)
    {
      QuorumSearchRow *entry = &rows[i];
      gboolean shown;

      if (entry->parent >= 0 && (entry->matches || entry->below))
        rows[entry->parent].below = TRUE;
      /* Its children, after it, are done: below is final. */
      shown = entry->matches || entry->inherited || entry->below;
      n_hidden += entry->shown && !shown ? 1 : 0;
      n_revealed += !entry->shown && shown ? 1 : 0;
      entry->shown = shown;
    }
  /* Only the rows shown need a look when no row comes back, and only those
   * hidden when none goes. */
  *changed = n_hidden > 0 || n_revealed > 0;
  *change = n_revealed == 0 ? GTK_FILTER_CHANGE_MORE_STRICT
            : n_hidden == 0 ? GTK_FILTER_CHANGE_LESS_STRICT
            : GTK_FILTER_CHANGE_DIFFERENT;
}

/* Counts the groups with matches beneath them that are closed (not
 * looking below a closed one), or opens them all if @open: only those
 * groups' tree rows are looked at, each found from its parent's. */
static guint
open_groups (QuorumTableView *self,
             gboolean         open)
{
  QuorumSearchRow *rows = (QuorumSearchRow *) (gpointer) self->search_rows->data;
  g_autoptr(GHashTable) tree_rows = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  guint n = self->search_rows->len;
  guint closed = 0;

  /* Parents first: a group's tree row is there when its rows are. */
  for (guint i = 0; i < n; i++)
    {
      QuorumSearchRow *entry = &rows[i];
      GtkTreeListRow *parent_row = NULL;
      GtkTreeListRow *tree_row;

      if (!entry->below)
        continue;
      if (entry->parent >= 0 &&
          (parent_row = g_hash_table_lookup (tree_rows, GINT_TO_POINTER (entry->parent))) == NULL)
        continue;
      tree_row = parent_row != NULL ? gtk_tree_list_row_get_child_row (parent_row, entry->index)
                 : gtk_tree_list_model_get_child_row (self->tree, entry->index);
      if (tree_row == NULL)
        continue;
      if (!gtk_tree_list_row_get_expanded (tree_row))
        {
          closed++;
          if (!open)
            {
              g_object_unref (tree_row);
              continue;
            }
          gtk_tree_list_row_set_expanded (tree_row, TRUE);
        }
      g_hash_table_insert (tree_rows, GUINT_TO_POINTER (i), tree_row);
    }
  return closed;
}

/* Keeps @tree_row, the tree's row of @entry, while searching: the next
 * keystroke's look finds it made (the tree would make it anew), and finds
 * the entry from it. */
static void
keep_tree_row (QuorumTableView *self,
               QuorumSearchRow *entry,
               GtkTreeListRow  *tree_row)
{
  guint position = entry - (QuorumSearchRow *) (gpointer) self->search_rows->data;

  if (entry->tree_row != NULL)
    g_hash_table_remove (self->search_tree_rows, entry->tree_row);
  g_set_object (&entry->tree_row, tree_row);
  g_hash_table_insert (self->search_tree_rows, tree_row, GUINT_TO_POINTER (position + 1));
}

static gboolean
filter_func (gpointer tree_row,
             gpointer user_data)
{
  QuorumTableView *self = user_data;
  g_autoptr(QuorumTableItem) item = NULL;
  QuorumSearchRow *entry;
  guint position;

  if (self->query == NULL)
    return TRUE;
  /* A tree row seen before: its entry at once, without asking the tree
   * for its item (a look-up in its group's rows), as 20,000 rows are
   * looked at again when a keystroke hides or shows one. */
  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->search_tree_rows, tree_row));
  if (position > 0)
    return g_array_index (self->search_rows, QuorumSearchRow, position - 1).shown;
  item = _quorum_table_view_row_item (tree_row);
  entry = item != NULL ? lookup_search_row (self, quorum_table_item_get_row (item)) : NULL;
  if (entry == NULL)
    return FALSE;
  keep_tree_row (self, entry, tree_row);
  return entry->shown;
}

void
_quorum_table_view_update_match_label (QuorumTableView *self)
{
  g_autofree char *text = NULL;

  if (self->query != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matching row", "%u matching rows",
                                         self->n_matches), self->n_matches);
  gtk_label_set_text (self->match_label, text);
}

/* Returns: whether a search hides @row */
gboolean
_quorum_table_view_row_hidden (QuorumTableView *self,
                               QuorumRow       *row)
{
  return self->query != NULL && !row_shown (self, row);
}

/* Forgets the search's results (the entry keeps its text). */
void
_quorum_table_view_clear_search (QuorumTableView *self)
{
  g_clear_pointer (&self->search_tree_rows, g_hash_table_unref);
  g_clear_pointer (&self->search_rows, g_array_unref);
  g_clear_pointer (&self->search_index, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  self->n_matches = 0;
}

static void
stop_filtering (QuorumTableView *self)
{
  g_clear_pointer (&self->query, g_free);
  self->n_matches = 0;
  gtk_filter_list_model_set_filter (self->filter_model, NULL);
  /* Without the filter, every row is shown; its tree rows go. */
  if (self->search_tree_rows != NULL)
    g_hash_table_remove_all (self->search_tree_rows);
  for (guint i = 0; self->search_rows != NULL && i < self->search_rows->len; i++)
    {
      g_array_index (self->search_rows, QuorumSearchRow, i).shown = TRUE;
      g_clear_object (&g_array_index (self->search_rows, QuorumSearchRow, i).tree_row);
    }
}

/* Applies a search at once (the entry waits for a pause in typing). */
void
_quorum_table_view_apply_query (QuorumTableView *self,
                                const char      *text)
{
  g_autofree char *needle = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  GtkFilterChange change;
  gboolean changed, bulk;
  guint closed;

  if (self->table == NULL)
    return;
  if (*stripped != '\0')
    needle = fold_take (g_strdup (stripped));
  if (g_strcmp0 (needle, self->query) == 0)
    return;

  if (needle == NULL)
    stop_filtering (self);
  else
    {
      ensure_search_rows (self);
      g_free (self->query);
      self->query = g_steal_pointer (&needle);
      mark_all (self, &change, &changed);

      /* Filter first, so that the rows expanded next are filtered as they
       * come; groups to open by the dozen are opened away from the view. */
      closed = open_groups (self, FALSE);
      bulk = closed > BULK_GROUPS;
      if (bulk)
        _quorum_table_view_bulk_begin (self);
      if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
        gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
      else if (changed)
        gtk_filter_changed (GTK_FILTER (self->filter), change);
      /* Opening a few groups is done in view. */
      if (closed > 0)
        open_groups (self, TRUE);
      if (bulk)
        _quorum_table_view_bulk_end (self);
    }
  _quorum_table_view_update_match_label (self);
  _quorum_table_view_update_content_page (self);
}

/* A new table: no search. */
void
_quorum_table_view_reset_search (QuorumTableView *self)
{
  g_signal_handlers_block_matched (self->search_bar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                   self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  g_signal_handlers_unblock_matched (self->search_bar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);
}

static void
search_changed_cb (QuorumTableView *self)
{
  _quorum_table_view_apply_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search goes to the first match. */
static void
search_activate_cb (QuorumTableView *self)
{
  GListModel *rows = quorum_table_view_get_rows (self);
  guint n = g_list_model_get_n_items (rows);

  search_changed_cb (self);
  if (self->query == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (rows, i);
      g_autoptr(QuorumTableItem) item = _quorum_table_view_row_item (tree_row);
      QuorumRow *row = item != NULL ? quorum_table_item_get_row (item) : NULL;

      if (row != NULL && row_matches (self, row))
        {
          _quorum_table_view_select_row (self, row, TRUE);
          return;
        }
    }
}

static void
stop_search_cb (QuorumTableView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_cb (QuorumTableView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      _quorum_table_view_apply_query (self, NULL);
    }
}

void
_quorum_table_view_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

void
_quorum_table_view_init_search (QuorumTableView *self)
{
  /* No key capture: + and − open and close groups. Ctrl+F searches. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
}

/**
 * quorum_table_view_set_search_text:
 * @text: (nullable): what to search for; %NULL or empty for every row
 *
 * Opens the search bar with @text and applies it at once.
 */
void
quorum_table_view_set_search_text (QuorumTableView *self,
                                   const char      *text)
{
  g_return_if_fail (QUORUM_IS_TABLE_VIEW (self));

  if (text != NULL && *text != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  /* Replacing the entry's text empties it first, and an empty search entry
   * says so at once: unheard, that would show every row again just to
   * filter them all once more. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  _quorum_table_view_apply_query (self, text);
}

/**
 * quorum_table_view_get_n_matches:
 *
 * Returns: how many rows match the search themselves (not counting the
 *   groups kept for them)
 */
guint
quorum_table_view_get_n_matches (QuorumTableView *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_VIEW (self), 0);
  return self->n_matches;
}
