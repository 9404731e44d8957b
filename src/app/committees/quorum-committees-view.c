/* quorum-committees-view.c: every committee of the register, its figures, and a comparison
 *
 * A list of the register's committees (bound to the register's model)
 * beside a page for the one selected (QuorumCommitteePage): what it is, and
 * every figure the budgets give about it. A committee that no document has
 * a figure for says so, in the list and on its page.
 *
 * The list's first entry compares the committees
 * (QuorumCommitteeComparisonView): one document's table of costs by
 * committee, as a chart of stacked bars by component and as a column view
 * that sorts on the figures.
 *
 * On a narrow window the list and the page fold into one pane; the page
 * then has a button back to the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-committee-comparison-view.h"
#include "quorum-committee-page.h"
#include "quorum-committees-view.h"
#include "quorum-figure-ui.h"
#include "quorum-ui-util.h"

#define COMPARE_ROW_NAME "compare"
#define COMMITTEE_ROW_PREFIX "committee-"

struct _QuorumCommitteesView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwLeaflet *leaflet;
  GtkListBox *list_box;
  GtkWidget *back_bar;
  GtkStack *content_stack;
  QuorumCommitteePage *committee_page;
  QuorumCommitteeComparisonView *comparison_view;

  /* owned */
  QuorumStore *store;
  char *committee_id;          /* the committee shown; NULL for the comparison */
  guint rebuild_id;
  GListModel *entries;         /* the list's: the comparison, then each QuorumCommittee */
};

G_DEFINE_FINAL_TYPE (QuorumCommitteesView, quorum_committees_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- the list ----------------------------------------------------------------- */

static GtkWidget *
caption_label_new (const char *text,
                   gboolean     dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
compare_row_new (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("view-grid-symbolic");
  GtkWidget *label = gtk_label_new (_("Compare Committees"));

  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Compare Committees"), -1);
  gtk_widget_set_name (row, COMPARE_ROW_NAME);
  return row;
}

static gboolean
has_figures (QuorumCommitteesView *self,
             const char           *committee_id)
{
  g_autoptr(GListModel) figures =
    quorum_figures_for_committee (quorum_store_get_documents (self->store), committee_id);

  return g_list_model_get_n_items (figures) > 0;
}

static GtkWidget *
committee_row_new (QuorumCommitteesView *self,
                   QuorumCommittee      *committee)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *short_name = gtk_label_new (quorum_committee_get_short_name (committee));
  const char *name = quorum_committee_get_name (committee);
  const char *area = quorum_committee_get_service_area (committee);
  g_autofree char *row_name = g_strconcat (COMMITTEE_ROW_PREFIX,
                                           quorum_committee_get_id (committee), NULL);
  GString *accessible = g_string_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (short_name), 0);
  gtk_label_set_wrap (GTK_LABEL (short_name), TRUE);
  gtk_widget_add_css_class (short_name, "heading");
  gtk_box_append (GTK_BOX (box), short_name);
  if (name != NULL && g_strcmp0 (name, quorum_committee_get_short_name (committee)) != 0)
    gtk_box_append (GTK_BOX (box), caption_label_new (name, FALSE));
  if (area != NULL)
    gtk_box_append (GTK_BOX (box), caption_label_new (area, TRUE));
  g_string_append (accessible, quorum_committee_get_short_name (committee));
  if (name != NULL && g_strcmp0 (name, quorum_committee_get_short_name (committee)) != 0)
    g_string_append_printf (accessible, ", %s", name);
  if (area != NULL)
    g_string_append_printf (accessible, ", %s", area);
  if (!has_figures (self, quorum_committee_get_id (committee)))
    {
      GtkWidget *none = caption_label_new (_("No figures in any document"), TRUE);

      gtk_widget_set_name (none, "no-figures");
      gtk_box_append (GTK_BOX (box), none);
      g_string_append_printf (accessible, ", %s", _("No figures in any document"));
    }
  /* One sentence for the row, not a label at a time. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible->str, -1);
  g_string_free (accessible, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, row_name);
  return row;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return QUORUM_IS_COMMITTEE (item) ? committee_row_new (user_data, item) : compare_row_new ();
}

/* The committee of a row of the list; NULL for the comparison. */
static const char *
row_committee_id (QuorumCommitteesView *self,
                  GtkListBoxRow        *row)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->entries,
                                                   gtk_list_box_row_get_index (row));

  /* The register holds the committee: its id outlives this reference. */
  return QUORUM_IS_COMMITTEE (item) ? quorum_committee_get_id (QUORUM_COMMITTEE (item)) : NULL;
}

static GtkListBoxRow *
find_row (QuorumCommitteesView *self,
          const char           *committee_id)
{
  for (guint i = 0; self->entries != NULL && i < g_list_model_get_n_items (self->entries); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->entries, i);

      if (committee_id == NULL ? !QUORUM_IS_COMMITTEE (item)
          : QUORUM_IS_COMMITTEE (item) &&
            g_strcmp0 (quorum_committee_get_id (QUORUM_COMMITTEE (item)), committee_id) == 0)
        return gtk_list_box_get_row_at_index (self->list_box, i);
    }
  return NULL;
}

/* The comparison's entry, then the register's committees. */
static GListModel *
entries_new (QuorumStore *store)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) compare = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkStringObject) entry = gtk_string_object_new (COMPARE_ROW_NAME);

  g_list_store_append (compare, entry);
  g_list_store_append (parts, compare);
  g_list_store_append (parts, quorum_store_get_committees (store));
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  /* A heading between the comparison and the register. */
  if (before != NULL && g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (before)),
                                   COMPARE_ROW_NAME) == 0)
    {
      GtkWidget *header = gtk_label_new (_("Register"));

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_set_margin_top (header, 12);
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_bottom (header, 3);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_list_box_row_set_header (row, header);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
show_page (QuorumCommitteesView *self,
           const char           *committee_id)
{
  QuorumCommittee *committee = committee_id != NULL && self->store != NULL
                               ? quorum_store_find_committee (self->store, committee_id)
                               : NULL;

  g_free (self->committee_id);
  self->committee_id = committee != NULL ? g_strdup (committee_id) : NULL;
  if (committee != NULL)
    {
      quorum_committee_page_show (self->committee_page, self->store, committee);
      gtk_stack_set_visible_child_name (self->content_stack, "committee");
    }
  else
    {
      quorum_committee_comparison_view_reload (self->comparison_view, self->store);
      gtk_stack_set_visible_child_name (self->content_stack, "compare");
    }
}

/* --- the comparison ----------------------------------------------------------- */

/* --- the whole view ----------------------------------------------------------- */

static void
update_back_bar (QuorumCommitteesView *self)
{
  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet));
}

static void
folded_changed_cb (QuorumCommitteesView *self)
{
  update_back_bar (self);
}

static void
back_clicked_cb (QuorumCommitteesView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
row_selected_cb (QuorumCommitteesView *self,
                 GtkListBoxRow        *row)
{
  if (row != NULL)
    show_page (self, row_committee_id (self, row));
}

static void
row_activated_cb (QuorumCommitteesView *self,
                  GtkListBoxRow        *row)
{
  if (gtk_list_box_get_selected_row (self->list_box) != row)
    gtk_list_box_select_row (self->list_box, row);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
rebuild (QuorumCommitteesView *self)
{
  g_autofree char *committee_id = g_strdup (self->committee_id);
  GListModel *committees = self->store != NULL ? quorum_store_get_committees (self->store) : NULL;
  guint n = committees != NULL ? g_list_model_get_n_items (committees) : 0;
  GtkListBoxRow *row;

  /* Bound afresh: a row says whether any document has figures about its
   * committee, and the documents may have changed. */
  g_clear_object (&self->entries);
  if (self->store != NULL)
    self->entries = entries_new (self->store);
  gtk_list_box_bind_model (self->list_box, self->entries, create_row_cb, self, NULL);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "committees" : "empty");
  if (self->store == NULL)
    return;

  row = find_row (self, committee_id);
  if (row == NULL)
    row = find_row (self, NULL);
  /* Selecting shows its page (row_selected_cb). */
  gtk_list_box_select_row (self->list_box, row);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  QuorumCommitteesView *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (QuorumCommitteesView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
disconnect_store (QuorumCommitteesView *self)
{
  if (self->store == NULL)
    return;
  g_signal_handlers_disconnect_by_data (quorum_store_get_committees (self->store), self);
  g_signal_handlers_disconnect_by_data (quorum_store_get_documents (self->store), self);
}

static void
quorum_committees_view_dispose (GObject *object)
{
  QuorumCommitteesView *self = (QuorumCommitteesView *) object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  disconnect_store (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->committee_id, g_free);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->entries);

  /* The bin's child is a template child: unparented here, or GTK 4.8's
   * gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_COMMITTEES_VIEW);

  G_OBJECT_CLASS (quorum_committees_view_parent_class)->dispose (object);
}

static void
quorum_committees_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  QuorumCommitteesView *self = QUORUM_COMMITTEES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_committees_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  QuorumCommitteesView *self = QUORUM_COMMITTEES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: quorum_committees_view_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_committees_view_class_init (QuorumCommitteesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_committees_view_dispose;
  object_class->get_property = quorum_committees_view_get_property;
  object_class->set_property = quorum_committees_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_COMMITTEE_PAGE);
  g_type_ensure (QUORUM_TYPE_COMMITTEE_COMPARISON_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-committees-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteesView, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteesView, list_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteesView, back_bar);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteesView, committee_page);
  gtk_widget_class_bind_template_child (widget_class, QuorumCommitteesView, comparison_view);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
quorum_committees_view_init (QuorumCommitteesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list_box, header_func, NULL, NULL);
  update_back_bar (self);
  rebuild (self);
}

/**
 * quorum_committees_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown
 */
QuorumStore *
quorum_committees_view_get_store (QuorumCommitteesView *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEES_VIEW (self), NULL);
  return self->store;
}

/**
 * quorum_committees_view_set_store:
 * @store: (nullable): the store whose committees to show
 */
void
quorum_committees_view_set_store (QuorumCommitteesView *self,
                                  QuorumStore          *store)
{
  g_return_if_fail (QUORUM_IS_COMMITTEES_VIEW (self));
  g_return_if_fail (store == NULL || QUORUM_IS_STORE (store));

  if (self->store == store)
    return;

  disconnect_store (self);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->committee_id, g_free);
  if (store != NULL)
    {
      g_signal_connect_object (quorum_store_get_committees (store), "items-changed",
                               G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (quorum_store_get_documents (store), "items-changed",
                               G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
    }
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * quorum_committees_view_get_committee:
 *
 * Returns: (nullable): the id of the committee shown, or %NULL while the
 *   comparison is
 */
const char *
quorum_committees_view_get_committee (QuorumCommitteesView *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEES_VIEW (self), NULL);
  return self->committee_id;
}

/**
 * quorum_committees_view_show_committee:
 * @committee_id: a committee of the register
 *
 * Selects the committee in the list and shows its page.
 *
 * Returns: %FALSE if the register has no such committee
 */
gboolean
quorum_committees_view_show_committee (QuorumCommitteesView *self,
                                       const char           *committee_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (QUORUM_IS_COMMITTEES_VIEW (self), FALSE);
  g_return_val_if_fail (committee_id != NULL, FALSE);

  row = find_row (self, committee_id);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->list_box, row);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  return TRUE;
}

/**
 * quorum_committees_view_show_comparison:
 * @document_id: (nullable): the document to compare the committees in, or
 *   %NULL for the one chosen
 * @table_id: (nullable): its table of costs by committee, or %NULL for the
 *   first
 *
 * Shows the comparison.
 *
 * Returns: %FALSE if there is no such document or table
 */
gboolean
quorum_committees_view_show_comparison (QuorumCommitteesView *self,
                                        const char           *document_id,
                                        const char           *table_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (QUORUM_IS_COMMITTEES_VIEW (self), FALSE);

  row = find_row (self, NULL);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->list_box, row);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  return quorum_committee_comparison_view_choose (self->comparison_view, document_id, table_id);
}

/**
 * quorum_committees_view_get_comparison:
 *
 * Returns: (transfer none): the comparison's lines in the order shown, a
 *   model of #QuorumFigureLine with a cell per column of the table (and
 *   one more, the total, when the table has no total column)
 */
GListModel *
quorum_committees_view_get_comparison (QuorumCommitteesView *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEES_VIEW (self), NULL);
  return quorum_committee_comparison_view_get_lines (self->comparison_view);
}

/**
 * quorum_committees_view_get_comparison_chart:
 *
 * Returns: (transfer none): the comparison's chart
 */
QuorumChart *
quorum_committees_view_get_comparison_chart (QuorumCommitteesView *self)
{
  g_return_val_if_fail (QUORUM_IS_COMMITTEES_VIEW (self), NULL);
  return quorum_committee_comparison_view_get_chart (self->comparison_view);
}
