/* quorum-notes-view.c: every private note, by what it is on
 *
 * A list of the store's notes (QuorumNotes, in its order: by target), each
 * with what it is on, its text, when it was last changed and, when what it
 * was on is gone from the store, a "Detached" mark: such a note is listed,
 * never dropped, and can still be edited or deleted. Activating a note
 * shows what it is on through the window's actions (win.show-paper,
 * win.show-work-package, win.show-meeting, win.show-action); a detached
 * note opens in the editor instead. The search matches what a note is on
 * and its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-note-row.h"
#include "quorum-notes-ui.h"
#include "quorum-notes-view.h"
#include "quorum-searchable.h"

struct _QuorumNotesView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkListBox *list;

  /* owned */
  QuorumStore *store;
  QuorumNotes *notes;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  char *query;                  /* casefolded; NULL when not searching */
};

static void searchable_iface_init (QuorumSearchableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumNotesView, quorum_notes_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (QUORUM_TYPE_SEARCHABLE,
                                                      searchable_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
contains_casefolded (const char *text,
                     const char *query)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, query) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  QuorumNotesView *self = user_data;
  QuorumNote *note = item;
  g_autofree char *title = NULL;

  if (self->query == NULL)
    return TRUE;
  title = quorum_notes_ui_dup_title (note);
  return contains_casefolded (title, self->query) ||
         contains_casefolded (quorum_note_get_text (note), self->query);
}

static void
update_page (QuorumNotesView *self)
{
  const char *page = "list";

  if (self->notes == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->notes)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-match";
  gtk_stack_set_visible_child_name (self->stack, page);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return quorum_note_row_new (QUORUM_NOTE (item));
}

static void
row_activated_cb (QuorumNotesView *self,
                  GtkListBoxRow   *row)
{
  QuorumNote *note = quorum_note_row_get_note (QUORUM_NOTE_ROW (row));

  /* What a detached note was on is gone: the note itself is what is left. */
  if (quorum_note_get_detached (note))
    gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.edit-note",
                                        quorum_notes_ui_target (note));
  else
    quorum_notes_ui_open_target (GTK_WIDGET (self), note);
}

static void
search_changed_cb (QuorumNotesView *self)
{
  quorum_notes_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/**
 * quorum_notes_view_set_search:
 * @text: (nullable): what to search for; %NULL or empty shows every note
 */
void
quorum_notes_view_set_search (QuorumNotesView *self,
                              const char      *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (QUORUM_IS_NOTES_VIEW (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_clear_pointer (&self->query, g_free);
  if (*stripped != '\0')
    self->query = g_utf8_casefold (stripped, -1);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                 text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

/**
 * quorum_notes_view_get_notes:
 *
 * Returns: (transfer none) (nullable): the notes listed
 */
QuorumNotes *
quorum_notes_view_get_notes (QuorumNotesView *self)
{
  g_return_val_if_fail (QUORUM_IS_NOTES_VIEW (self), NULL);
  return self->notes;
}

/**
 * quorum_notes_view_set_notes:
 * @notes: (nullable): the store's notes
 */
void
quorum_notes_view_set_notes (QuorumNotesView *self,
                             QuorumNotes     *notes)
{
  g_return_if_fail (QUORUM_IS_NOTES_VIEW (self));
  g_return_if_fail (notes == NULL || QUORUM_IS_NOTES (notes));

  if (self->notes == notes)
    return;
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_data (self->notes, self);
  g_set_object (&self->notes, notes);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (notes));
  if (notes != NULL)
    g_signal_connect_swapped (notes, "items-changed", G_CALLBACK (update_page), self);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * quorum_notes_view_get_list:
 *
 * Returns: (transfer none): the list of notes, a row per note named by its id
 */
GtkListBox *
quorum_notes_view_get_list (QuorumNotesView *self)
{
  g_return_val_if_fail (QUORUM_IS_NOTES_VIEW (self), NULL);
  return self->list;
}

static void
quorum_notes_view_dispose (GObject *object)
{
  QuorumNotesView *self = QUORUM_NOTES_VIEW (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_data (self->notes, self);
  g_clear_object (&self->notes);
  g_clear_object (&self->store);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_NOTES_VIEW);

  G_OBJECT_CLASS (quorum_notes_view_parent_class)->dispose (object);
}

static void
quorum_notes_view_finalize (GObject *object)
{
  QuorumNotesView *self = QUORUM_NOTES_VIEW (object);

  g_free (self->query);

  G_OBJECT_CLASS (quorum_notes_view_parent_class)->finalize (object);
}

static void
quorum_notes_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumNotesView *self = QUORUM_NOTES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_NOTES: g_value_set_object (value, self->notes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_notes_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumNotesView *self = QUORUM_NOTES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      /* The labels come from the store through the notes (resolved by the window). */
      if (g_set_object (&self->store, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_NOTES:
      quorum_notes_view_set_notes (self, g_value_get_object (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_notes_view_class_init (QuorumNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_notes_view_dispose;
  object_class->finalize = quorum_notes_view_finalize;
  object_class->get_property = quorum_notes_view_get_property;
  object_class->set_property = quorum_notes_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_object ("notes", NULL, NULL, QUORUM_TYPE_NOTES,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/quorum-notes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumNotesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuorumNotesView, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumNotesView, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
quorum_notes_view_init (QuorumNotesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_page), self);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  update_page (self);
}

/* --- QuorumSearchable ---------------------------------------------------------------- */

static gboolean
focus_search (QuorumSearchable  *searchable,
              const char       **why_not)
{
  gtk_widget_grab_focus (GTK_WIDGET (QUORUM_NOTES_VIEW (searchable)->search_entry));
  return TRUE;
}

static void
searchable_iface_init (QuorumSearchableInterface *iface)
{
  iface->focus_search = focus_search;
}
