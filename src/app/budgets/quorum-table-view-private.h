/* quorum-table-view-private.h: what the files of QuorumTableView share
 *
 * QuorumTableView is split by concern around this header, as GNOME Text
 * Editor splits its window:
 *
 *   quorum-table-view.c           the class, its columns and cells, the details,
 *                                 showing a cell, set_table()
 *   quorum-table-view-select.c    rows selected (several), the focused cell and
 *                                 the cells selected: clicks, ← → and Shift
 *   quorum-table-view-sort.c      sorting by a column, the Sort menu
 *   quorum-table-view-expand.c    the tree: opening and closing groups, the
 *                                 + − * keys, bulk changes away from the view
 *   quorum-table-view-search.c    filtering as you type, Enter and Escape
 *   quorum-table-view-variance.c  two columns compared row by row
 *
 * Each concern keeps its own state across a reload (the store loaded again:
 * new objects for the same table) by ids, in one save and one restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-table-cell.h"
#include "quorum-table-details.h"
#include "quorum-table-item.h"
#include "quorum-table-view.h"

G_BEGIN_DECLS

/* A column of the table's figures. */
typedef struct
{
  QuorumTableView *self;
  GtkColumnViewColumn *column;      /* not a reference: the column view has it */
  char *id;                         /* the table column's id */
  guint index;
  guint chars;                      /* the widest figure, in digits */
} QuorumValueColumn;

/* A row as the search sees it (quorum-table-view-search.c). */
typedef struct
{
  QuorumRow *row;                   /* not a reference: the table has it */
  GtkTreeListRow *tree_row;         /* the last the filter saw, kept: or the tree
                                     * would make it anew for each look */
  char *haystack;                   /* casefolded label, note and id */
  int parent;                       /* its position in search_rows, or -1 */
  guint index;                      /* its position among its parent's rows */
  gboolean matches;                 /* for the query: the row itself */
  gboolean inherited;               /* a row above it matches */
  gboolean below;                   /* a row beneath it matches */
  gboolean shown;                   /* what the filter says of it now */
} QuorumSearchRow;

struct _QuorumTableView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkToggleButton *table_button;
  GtkToggleButton *variance_button;
  GtkToggleButton *search_button;
  GtkToggleButton *details_button;
  GtkMenuButton *menu_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *match_label;
  AdwFlap *flap;
  GtkStack *content_stack;
  GtkScrolledWindow *table_scroll;
  GtkColumnView *column_view;
  GtkColumnViewColumn *label_column;
  GtkDropDown *from_dropdown;
  GtkDropDown *to_dropdown;
  GtkColumnView *variance_view;
  GtkColumnViewColumn *variance_label_column;
  GtkColumnViewColumn *from_column;
  GtkColumnViewColumn *to_column;
  GtkColumnViewColumn *difference_column;
  GtkColumnViewColumn *change_column;
  QuorumTableDetails *details;

  /* owned */
  GSimpleActionGroup *actions;
  QuorumStore *store;
  QuorumBudgetDocument *document;
  QuorumTable *table;
  GtkTreeListModel *tree;
  GtkCustomFilter *filter;
  GtkFilterListModel *filter_model;
  GtkSorter *row_sorter;            /* the total last, then the column view's, by level */
  GtkSortListModel *sort_model;
  GtkMultiSelection *selection;     /* of slots of sort_model: rows rebind, not rebuilt */
  GtkSorter *variance_row_sorter;
  GtkSortListModel *variance_sort_model;
  GtkMultiSelection *variance_selection; /* of slots of variance_sort_model */
  GPtrArray *value_columns;         /* of QuorumValueColumn, one per table column */
  GHashTable *cells;                /* the figure cells made, not references */

  /* searching */
  GArray *search_rows;              /* of QuorumSearchRow, parents before children */
  GHashTable *search_index;         /* QuorumRow* → its position in search_rows + 1 */
  GHashTable *search_tree_rows;     /* an entry's tree_row → its position + 1 */
  char *query;                      /* casefolded; NULL when not searching */
  guint n_matches;

  /* the variance */
  guint from_index;
  guint to_index;
  GArray *variance_choices;         /* of guint: the columns the drop-downs offer */
  guint variance_chars;

  /* sorting: which column's sorter the column view asks first */
  int probed_column;                /* -1: none yet; 0: the label; else a column + 1 */
  gboolean probing;
  guint sync_idle;

  /* the focused cell, in the row the cursor is on: the one show_cell()
   * asked for, clicked, or moved to with ← → */
  QuorumRow *target_row;            /* not a reference */
  QuorumTableItem *target_item;
  int target_column;
  /* the cells selected: the columns from range_anchor to target_column, in
   * every row selected; -1: none (rows are copied whole) */
  int range_anchor;
  int range_first;                  /* as the cells were told */
  int range_last;
  GtkColumnView *scroll_view;       /* a row to scroll to there, at scroll_position */
  guint scroll_position;
  gboolean scroll_target;           /* the target cell's column to scroll into view */
  guint scroll_tick;
  guint scroll_tries;

  /* groups opened or closed by the dozen */
  guint bulk;                       /* bulk_begin() depth */
  gboolean bulk_had_focus;
};

/* quorum-table-view.c */
QuorumTableItem    *_quorum_table_view_row_item            (gpointer            tree_row);
GtkTreeListRow     *_quorum_table_view_tree_row            (gpointer            slot);
gboolean            _quorum_table_view_showing_variance    (QuorumTableView    *self);
void                _quorum_table_view_update_content_page (QuorumTableView    *self);
void                _quorum_table_view_update_details      (QuorumTableView    *self);
void                _quorum_table_view_set_target          (QuorumTableView    *self,
                                                            QuorumRow          *row,
                                                            QuorumTableItem    *item,
                                                            int                 column);
void                _quorum_table_view_scroll_to_target    (QuorumTableView    *self);
void                _quorum_table_view_scroll_to           (QuorumTableView    *self,
                                                            GtkColumnView      *view,
                                                            guint               position);
GtkWidget          *_quorum_table_view_setup_cell          (QuorumTableView    *self,
                                                            GtkListItem        *list_item,
                                                            QuorumTableCellKind kind,
                                                            guint               column,
                                                            guint               chars);
char               *_quorum_table_view_wrap_title          (const char         *label);
void                _quorum_table_view_notify_variance     (QuorumTableView    *self);

/* quorum-table-view-select.c */
void                _quorum_table_view_init_select         (QuorumTableView    *self);
GtkMultiSelection  *_quorum_table_view_shown_selection     (QuorumTableView    *self);
GtkTreeListRow     *_quorum_table_view_cursor_tree_row     (GtkMultiSelection  *selection);
guint               _quorum_table_view_cursor_position     (GtkMultiSelection  *selection);
QuorumRow          *_quorum_table_view_cursor_row          (GtkMultiSelection  *selection);
gboolean            _quorum_table_view_select_row          (QuorumTableView    *self,
                                                            QuorumRow          *row,
                                                            gboolean            focus);
void                _quorum_table_view_select_rows         (QuorumTableView    *self,
                                                            GHashTable         *rows,
                                                            QuorumRow          *cursor);
GHashTable         *_quorum_table_view_dup_selected_rows   (QuorumTableView    *self,
                                                            GtkMultiSelection  *selection);
char              **_quorum_table_view_save_selection      (QuorumTableView    *self);
void                _quorum_table_view_restore_selection   (QuorumTableView    *self,
                                                            char              **ids);
void                _quorum_table_view_set_range           (QuorumTableView    *self,
                                                            int                 anchor);
void                _quorum_table_view_update_range        (QuorumTableView    *self);
gboolean            _quorum_table_view_move_cell           (QuorumTableView    *self,
                                                            int                 step,
                                                            gboolean            extend);

/* quorum-table-view-sort.c */
void                _quorum_table_view_init_sort           (QuorumTableView    *self);
GtkSorter          *_quorum_table_view_row_sorter_new      (GtkColumnView      *view);
GtkSorter          *_quorum_table_view_value_sorter_new    (QuorumValueColumn  *column);
int                 _quorum_table_view_compare_keys        (gboolean            has_a,
                                                            gint64              a,
                                                            gboolean            has_b,
                                                            gint64              b);
void                _quorum_table_view_sort_by_action      (GSimpleAction      *action,
                                                            GVariant           *value,
                                                            gpointer            user_data);
void                _quorum_table_view_sort_descending_action (GSimpleAction   *action,
                                                            GVariant           *value,
                                                            gpointer            user_data);

/* quorum-table-view-expand.c */
void                _quorum_table_view_class_init_expand   (GtkWidgetClass     *widget_class);
void                _quorum_table_view_init_expand         (QuorumTableView    *self);
void                _quorum_table_view_attach_views        (QuorumTableView    *self);
void                _quorum_table_view_bulk_begin          (QuorumTableView    *self);
void                _quorum_table_view_bulk_end            (QuorumTableView    *self);
void                _quorum_table_view_expand_groups       (QuorumTableView    *self,
                                                            GHashTable         *only);
GtkTreeListRow     *_quorum_table_view_reveal_row          (QuorumTableView    *self,
                                                            QuorumRow          *row);
void                _quorum_table_view_set_tree            (QuorumTableView    *self,
                                                            QuorumTable        *table);
GHashTable         *_quorum_table_view_save_expanded       (QuorumTableView    *self);
void                _quorum_table_view_restore_expanded    (QuorumTableView    *self,
                                                            GHashTable         *ids);

/* quorum-table-view-search.c */
void                _quorum_table_view_class_init_search   (GtkWidgetClass     *widget_class);
void                _quorum_table_view_init_search         (QuorumTableView    *self);
void                _quorum_table_view_clear_search        (QuorumTableView    *self);
void                _quorum_table_view_reset_search        (QuorumTableView    *self);
void                _quorum_table_view_apply_query         (QuorumTableView    *self,
                                                            const char         *text);
gboolean            _quorum_table_view_row_hidden          (QuorumTableView    *self,
                                                            QuorumRow          *row);
void                _quorum_table_view_update_match_label  (QuorumTableView    *self);

/* quorum-table-view-variance.c */
void                _quorum_table_view_class_init_variance (GtkWidgetClass     *widget_class);
void                _quorum_table_view_init_variance       (QuorumTableView    *self);
void                _quorum_table_view_update_variance     (QuorumTableView    *self);
char              **_quorum_table_view_save_variance       (QuorumTableView    *self);
void                _quorum_table_view_restore_variance    (QuorumTableView    *self,
                                                            char              **ids);

G_END_DECLS
