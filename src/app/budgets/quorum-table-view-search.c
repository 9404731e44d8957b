/* quorum-table-view-search.c: a table's rows filtered as you type
 *
 * Searching looks at each row's label, note and id (casefolded once, on the
 * first search). A row is shown when it matches, when a row above it
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

/* Text for searching: casefolded and normalised, so that "Sme" finds "SME". */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
}

static void
add_haystacks (GHashTable *haystacks,
               GListModel *rows)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);
      GListModel *children = quorum_row_get_children (row);
      g_autofree char *text = g_strjoin ("\n", quorum_row_get_label (row) ?: "",
                                         quorum_row_get_note (row) ?: "",
                                         quorum_row_get_id (row) ?: "", NULL);

      g_hash_table_insert (haystacks, row, fold (text));
      if (children != NULL)
        add_haystacks (haystacks, children);
    }
}

static void
ensure_haystacks (QuorumTableView *self)
{
  QuorumRow *total;

  if (self->haystacks != NULL)
    return;
  self->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  add_haystacks (self->haystacks, quorum_table_get_rows (self->table));
  total = quorum_table_get_total (self->table);
  if (total != NULL)
    {
      g_autofree char *text = g_strjoin ("\n", quorum_row_get_label (total) ?: "",
                                         quorum_row_get_id (total), NULL);

      g_hash_table_insert (self->haystacks, total, fold (text));
    }
}

static gboolean
row_matches (QuorumTableView *self,
             QuorumRow       *row)
{
  const char *haystack = g_hash_table_lookup (self->haystacks, row);

  return haystack != NULL && self->query != NULL && strstr (haystack, self->query) != NULL;
}

/* Marks what @row's subtree shows; returns whether a row in it matches. */
static gboolean
mark_shown (QuorumTableView *self,
            QuorumRow       *row,
            gboolean         inherited,
            GHashTable      *expand)
{
  gboolean matches = row_matches (self, row);
  GListModel *children = quorum_row_get_children (row);
  gboolean below = FALSE;
  guint n = children != NULL ? g_list_model_get_n_items (children) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

      below |= mark_shown (self, child, inherited || matches, expand);
    }
  if (matches)
    self->n_matches++;
  if (inherited || matches || below)
    g_hash_table_add (self->shown_rows, row);
  if (below)
    g_hash_table_add (expand, row);
  return matches || below;
}

static gboolean
filter_func (gpointer tree_row,
             gpointer user_data)
{
  QuorumTableView *self = user_data;
  g_autoptr(QuorumTableItem) item = NULL;

  if (self->shown_rows == NULL)
    return TRUE;
  item = _quorum_table_view_row_item (tree_row);
  return item != NULL && g_hash_table_contains (self->shown_rows,
                                                quorum_table_item_get_row (item));
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
  return self->shown_rows != NULL && !g_hash_table_contains (self->shown_rows, row);
}

/* Forgets the search's results (the entry keeps its text). */
void
_quorum_table_view_clear_search (QuorumTableView *self)
{
  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_clear_pointer (&self->shown_rows, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  self->n_matches = 0;
}

static void
stop_filtering (QuorumTableView *self)
{
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->shown_rows, g_hash_table_unref);
  self->n_matches = 0;
  gtk_filter_list_model_set_filter (self->filter_model, NULL);
}

/* Marks the rows @self->query shows; returns the groups to open for it. */
static GHashTable *
mark_all (QuorumTableView *self)
{
  GHashTable *expand = g_hash_table_new (NULL, NULL);
  GListModel *rows = quorum_table_get_rows (self->table);
  guint n = g_list_model_get_n_items (rows);
  QuorumRow *total = quorum_table_get_total (self->table);

  g_clear_pointer (&self->shown_rows, g_hash_table_unref);
  self->shown_rows = g_hash_table_new (NULL, NULL);
  self->n_matches = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumRow) row = g_list_model_get_item (rows, i);

      mark_shown (self, row, FALSE, expand);
    }
  if (total != NULL)
    mark_shown (self, total, FALSE, expand);
  return expand;
}

/* Applies a search at once (the entry waits for a pause in typing). */
void
_quorum_table_view_apply_query (QuorumTableView *self,
                                const char      *text)
{
  g_autofree char *needle = NULL;
  g_autoptr(GHashTable) expand = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean more_strict, bulk;

  if (self->table == NULL)
    return;
  if (*stripped != '\0')
    needle = fold (stripped);
  if (g_strcmp0 (needle, self->query) == 0)
    return;

  if (needle == NULL)
    stop_filtering (self);
  else
    {
      ensure_haystacks (self);
      more_strict = self->query != NULL && strstr (needle, self->query) != NULL;
      g_free (self->query);
      self->query = g_steal_pointer (&needle);
      expand = mark_all (self);

      /* Filter first, so that the rows expanded next are filtered as they
       * come; groups to open by the dozen are opened away from the view. */
      bulk = g_hash_table_size (expand) > BULK_GROUPS &&
             _quorum_table_view_count_closed (self, expand) > BULK_GROUPS;
      if (bulk)
        _quorum_table_view_bulk_begin (self);
      if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
        gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
      else
        gtk_filter_changed (GTK_FILTER (self->filter), more_strict ? GTK_FILTER_CHANGE_MORE_STRICT
                                                                   : GTK_FILTER_CHANGE_DIFFERENT);
      if (g_hash_table_size (expand) > 0)
        {
          /* Opening a few groups is done in view. */
          self->bulk_off += bulk ? 0 : 1;
          _quorum_table_view_expand_groups (self, expand);
          self->bulk_off -= bulk ? 0 : 1;
        }
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
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
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
