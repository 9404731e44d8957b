/* quorum-table-details.c: everything about one row of a budget table
 *
 * The side pane of a table: the row's label, what kind of row it is, the
 * document's note on it, its committees, service area, component and
 * rate, then every figure: stated, computed and the one the table uses
 * (the effective figure), with each finding spelt out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "quorum-note-button.h"
#include "quorum-table-details.h"
#include "quorum-table-item.h"
#include "quorum-table-view-notes.h"
#include "quorum-ui-util.h"

struct _QuorumTableDetails
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkScrolledWindow *scrolled_window;
  GtkLabel *title_label;
  GtkLabel *kind_label;
  GtkLabel *note_label;
  AdwPreferencesGroup *about_group;
  GtkListBox *about_list;
  GtkListBox *values_list;

  /* owned */
  QuorumRow *row;
  QuorumTable *table;
  GPtrArray *value_rows;  /* of GtkWidget*, the first row of each column; borrowed */
  int target_column;
  GtkWidget *note_button;  /* after note_label: the private note on the row or cell */
};

G_DEFINE_FINAL_TYPE (QuorumTableDetails, quorum_table_details, ADW_TYPE_BIN)

static const char *
component_label (const char *component)
{
  if (g_strcmp0 (component, "core-team") == 0)
    return _("Core team");
  if (g_strcmp0 (component, "sme") == 0)
    return _("Subject matter experts");
  if (g_strcmp0 (component, "independent-chair") == 0)
    return _("Independent chairs and members");
  if (g_strcmp0 (component, "support") == 0)
    return _("Support");
  if (g_strcmp0 (component, "accommodation") == 0)
    return _("Accommodation");
  if (g_strcmp0 (component, "discount") == 0)
    return _("Discount");
  if (g_strcmp0 (component, "other") == 0)
    return _("Other");
  return component;
}

/* A committee by short name and name, e.g. "OPSG — Operations Group". */
static char *
committee_text (QuorumStore *store,
                const char  *committee_id)
{
  QuorumCommittee *committee = store != NULL ? quorum_store_find_committee (store, committee_id)
                                             : NULL;

  if (committee == NULL)
    return g_strdup (committee_id);
  if (quorum_committee_get_name (committee) == NULL ||
      g_strcmp0 (quorum_committee_get_name (committee),
                 quorum_committee_get_short_name (committee)) == 0)
    return g_strdup (quorum_committee_get_short_name (committee));
  return g_strdup_printf ("%s — %s", quorum_committee_get_short_name (committee),
                          quorum_committee_get_name (committee));
}

static char *
kind_text (QuorumTable *table,
           QuorumRow   *row)
{
  GListModel *children = quorum_row_get_children (row);
  guint n_children = children != NULL ? g_list_model_get_n_items (children) : 0;
  gint64 percent;

  switch (quorum_row_get_kind (row))
    {
    case QUORUM_ROW_GROUP:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "A group of %u row, added up",
                                           "A group of %u rows, added up", n_children),
                              n_children);
    case QUORUM_ROW_PERCENTAGE:
      {
        const char * const *of = quorum_row_get_of (row);
        g_autofree char *number = NULL;
        g_autofree char *joined = NULL;
        GString *labels = g_string_new (NULL);

        quorum_row_get_percent (row, &percent);
        number = quorum_amount_format_display (percent, "count");
        for (guint i = 0; of != NULL && of[i] != NULL; i++)
          {
            QuorumRow *of_row = quorum_table_find_row (table, of[i]);

            if (i > 0)
              g_string_append (labels, ", ");
            g_string_append (labels, of_row != NULL ? quorum_row_get_label (of_row) : of[i]);
          }
        joined = g_string_free (labels, FALSE);
        /* TRANSLATORS: a percentage row, e.g. "5% of Projects, SECAS Services" */
        return g_strdup_printf (_("%s%% of %s"), number, joined);
      }
    case QUORUM_ROW_TOTAL:
      return g_strdup (_("The table’s stated total"));
    case QUORUM_ROW_LINE:
    default:
      return g_strdup (_("A line"));
    }
}

static void
add_about_row (QuorumTableDetails *self,
               const char         *title,
               const char         *value)
{
  if (value == NULL || *value == '\0')
    return;
  quorum_ui_add_value_row (self->about_list, title, value);
}

/* "£1,000 per meeting": the row's rate_unit, else what the table says it
 * counts; a rate whose unit nobody states is shown alone. */
static char *
dup_rate_text (const char *amount,
               const char *rate_unit,
               const char *role,
               const char *unit)
{
  if (rate_unit == NULL && g_strcmp0 (role, "meetings") == 0)
    rate_unit = "meeting";
  else if (rate_unit == NULL && g_strcmp0 (unit, "fte") == 0)
    rate_unit = "fte";

  if (g_strcmp0 (rate_unit, "meeting") == 0)
    /* TRANSLATORS: a rate, e.g. "£1,000 per meeting" */
    return g_strdup_printf (_("%s per meeting"), amount);
  if (g_strcmp0 (rate_unit, "day") == 0)
    /* TRANSLATORS: a rate, e.g. "£1,000 per day" */
    return g_strdup_printf (_("%s per day"), amount);
  if (g_strcmp0 (rate_unit, "month") == 0)
    /* TRANSLATORS: a rate, e.g. "£1,000 per month" */
    return g_strdup_printf (_("%s per month"), amount);
  if (g_strcmp0 (rate_unit, "year") == 0)
    /* TRANSLATORS: a rate, e.g. "£1,000 per year" */
    return g_strdup_printf (_("%s per year"), amount);
  if (g_strcmp0 (rate_unit, "fte") == 0)
    /* TRANSLATORS: a rate, e.g. "£60,000 per full-time equivalent" */
    return g_strdup_printf (_("%s per full-time equivalent"), amount);
  return g_strdup (amount);
}

static void
fill_about (QuorumTableDetails *self,
            QuorumStore        *store)
{
  const char * const *committees = quorum_row_get_committees (self->row);
  const char *role = quorum_table_get_role (self->table);
  const char *unit = quorum_table_get_unit (self->table);
  gint64 rate;

  quorum_ui_clear_list_box (self->about_list);

  if (quorum_row_get_committee (self->row) != NULL)
    {
      g_autofree char *text = committee_text (store, quorum_row_get_committee (self->row));

      add_about_row (self, _("Committee"), text);
    }
  if (committees != NULL && committees[0] != NULL)
    {
      GString *text = g_string_new (NULL);
      g_autofree char *joined = NULL;

      for (guint i = 0; committees[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, quorum_ui_committee_short_name (store, committees[i]));
        }
      joined = g_string_free (text, FALSE);
      add_about_row (self, g_strv_length ((char **) committees) == 1 ? _("Committee")
                                                                     : _("Committees"),
                     joined);
    }
  add_about_row (self, _("Service area"), quorum_row_get_service_area (self->row));
  add_about_row (self, _("Component"), component_label (quorum_row_get_component (self->row)));
  if (quorum_row_get_rate (self->row, &rate))
    {
      g_autofree char *amount = quorum_amount_format_display (rate, "GBP");
      g_autofree char *text = NULL;

      text = dup_rate_text (amount, quorum_row_get_rate_unit (self->row), role, unit);
      add_about_row (self, _("Rate"), text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->about_group),
                          gtk_list_box_get_row_at_index (self->about_list, 0) != NULL);
}

static char *
value_text (const QuorumValue *value,
            const char        *unit)
{
  switch (value->kind)
    {
    case QUORUM_VALUE_AMOUNT: return quorum_amount_format_display (value->amount, unit);
    case QUORUM_VALUE_NA: return g_strdup (C_("figure", "N/A"));
    case QUORUM_VALUE_ABSENT:
    default: return NULL;
    }
}

static void
add_value_rows (QuorumTableDetails *self,
                QuorumColumn       *column,
                guint               index)
{
  const char *unit = quorum_table_get_unit (self->table);
  g_autofree char *stated = value_text (quorum_row_get_stated (self->row, index), unit);
  g_autofree char *computed = value_text (quorum_row_get_computed (self->row, index), unit);
  g_autofree char *effective = value_text (quorum_row_get_effective (self->row, index), unit);
  g_autofree char *subtitle = NULL;
  GPtrArray *findings = quorum_row_get_findings (self->row, index);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  /* TRANSLATORS: in the details of a row: the figure the document states and
   * the one Quorum computes, e.g. "Stated: £664,239 · Computed: £664,238" */
  subtitle = g_strdup_printf (_("Stated: %s · Computed: %s"),
                              /* TRANSLATORS: no figure stated, or none computable */
                              stated != NULL ? stated : C_("figure", "none"),
                              computed != NULL ? computed : C_("figure", "none"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quorum_column_get_label (column));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  label = gtk_label_new (effective != NULL ? effective : "—");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "row-value");
  if (effective == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  /* TRANSLATORS: the accessible description of a figure in the row details */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The figure the table uses"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->values_list, row);
  g_ptr_array_add (self->value_rows, row);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      QuorumFinding *finding = g_ptr_array_index (findings, i);
      QuorumSeverity severity = quorum_finding_get_severity (finding);
      g_autofree char *text = quorum_table_describe_finding (finding, unit);
      g_autofree char *title = g_strdup_printf ("%s — %s", quorum_column_get_label (column),
                                                quorum_table_severity_label (severity));
      /* The title says what kind of finding it is; the lines after, the figures. */
      const char *figures = strchr (text, '\n') != NULL ? strchr (text, '\n') + 1 : text;
      GtkWidget *finding_row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (quorum_table_severity_icon_name (severity));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (finding_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (finding_row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (finding_row), figures);
      gtk_widget_add_css_class (icon, severity == QUORUM_SEVERITY_MISMATCH ? "error" : "warning");
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (finding_row), icon);
      gtk_widget_add_css_class (finding_row, "finding");
      gtk_list_box_append (self->values_list, finding_row);
    }
}

static void
update_target (QuorumTableDetails *self)
{
  for (guint i = 0; i < self->value_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->value_rows, i);

      if ((int) i == self->target_column)
        gtk_widget_add_css_class (row, "target");
      else
        gtk_widget_remove_css_class (row, "target");
    }
}

static void
quorum_table_details_dispose (GObject *object)
{
  QuorumTableDetails *self = (QuorumTableDetails *) object;

  g_clear_object (&self->row);
  g_clear_object (&self->table);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_TABLE_DETAILS);

  G_OBJECT_CLASS (quorum_table_details_parent_class)->dispose (object);
}

static void
quorum_table_details_finalize (GObject *object)
{
  QuorumTableDetails *self = (QuorumTableDetails *) object;

  g_clear_pointer (&self->value_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_table_details_parent_class)->finalize (object);
}

static void
quorum_table_details_class_init (QuorumTableDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_table_details_dispose;
  object_class->finalize = quorum_table_details_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-table-details.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumTableDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableDetails, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableDetails, kind_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableDetails, note_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableDetails, about_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableDetails, about_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumTableDetails, values_list);
}

static void
quorum_table_details_init (QuorumTableDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->value_rows = g_ptr_array_new ();
  self->target_column = -1;
  self->note_button = quorum_note_button_new ();
  gtk_widget_set_name (self->note_button, "details-note-button");
  gtk_widget_set_halign (self->note_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->note_button, 6);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->note_label))),
                              self->note_button, GTK_WIDGET (self->note_label));
}

/* The note button follows what Ctrl+Alt+N notes on: the cell or row selected. */
static void
update_note_button (QuorumTableDetails *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), QUORUM_TYPE_TABLE_VIEW);

  quorum_note_button_set_target (QUORUM_NOTE_BUTTON (self->note_button),
                                 view != NULL && self->row != NULL
                                 ? quorum_table_view_dup_note_target (QUORUM_TABLE_VIEW (view))
                                 : NULL);
}

/**
 * quorum_table_details_set_row:
 * @store: (nullable): the store, whose register names committees
 * @table: (nullable): the row's table
 * @row: (nullable): the row to show, or %NULL for none
 */
void
quorum_table_details_set_row (QuorumTableDetails *self,
                              QuorumStore        *store,
                              QuorumTable        *table,
                              QuorumRow          *row)
{
  g_autofree char *kind = NULL;
  GListModel *columns;
  guint n;

  g_return_if_fail (QUORUM_IS_TABLE_DETAILS (self));
  g_return_if_fail (row == NULL || QUORUM_IS_TABLE (table));

  if (self->row == row && self->table == table)
    return;
  g_set_object (&self->row, row);
  g_set_object (&self->table, table);
  self->target_column = -1;
  g_ptr_array_set_size (self->value_rows, 0);
  quorum_ui_clear_list_box (self->values_list);

  if (row == NULL)
    {
      quorum_ui_clear_list_box (self->about_list);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_text (self->title_label, quorum_row_get_label (row));
  kind = kind_text (table, row);
  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->note_label, quorum_row_get_note (row));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), quorum_row_get_note (row) != NULL);
  fill_about (self, store);

  columns = quorum_table_get_columns (table);
  n = g_list_model_get_n_items (columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumColumn) column = g_list_model_get_item (columns, i);

      add_value_rows (self, column, i);
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->stack, "row");
}

/**
 * quorum_table_details_get_row:
 *
 * Returns: (transfer none) (nullable): the row shown
 */
QuorumRow *
quorum_table_details_get_row (QuorumTableDetails *self)
{
  g_return_val_if_fail (QUORUM_IS_TABLE_DETAILS (self), NULL);
  return self->row;
}

/**
 * quorum_table_details_set_target_column:
 * @column: the index of the column to highlight, or -1 for none
 */
void
quorum_table_details_set_target_column (QuorumTableDetails *self,
                                        int                 column)
{
  g_return_if_fail (QUORUM_IS_TABLE_DETAILS (self));

  self->target_column = column;
  update_target (self);
  update_note_button (self);
}
