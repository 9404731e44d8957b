/* quorum-sync-button.c: the header bar's sync button and its popover
 *
 * The button's icon says the state of a QuorumSyncController: synced, a
 * spinner while syncing, offline, a warning when some files could not be
 * synced, an error otherwise, with the number of decisions awaiting sync
 * as a badge. Its popover says where the store syncs with, when it last
 * did, the status in plain words, the progress with a Cancel button, and
 * behind Details the full error and every file that was not synced. Sync
 * Now and Cancel are the controller's `sync.now` and `sync.cancel`
 * actions, inserted on the button; Set Up Sync… is `app.preferences`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-button.h"
#include <glib/gi18n.h>

#include "quorum-ui-util.h"

struct _QuorumSyncButton
{
  AdwBin parent_instance;

  /* template widgets */
  GtkMenuButton *menu_button;
  GtkStack *icon_stack;
  GtkImage *state_icon;
  GtkSpinner *spinner;
  GtkLabel *badge_label;
  GtkPopover *popover;
  GtkLabel *address_label;
  GtkImage *status_icon;
  GtkLabel *status_label;
  GtkLabel *hint_label;
  GtkLabel *last_sync_label;
  GtkLabel *summary_label;
  GtkLabel *awaiting_label;
  GtkWidget *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_label;
  GtkExpander *details_expander;
  GtkLabel *error_label;
  GtkListBox *items_list;
  GtkLabel *more_label;
  GtkButton *setup_button;
  GtkButton *sync_button;

  /* owned */
  QuorumSyncController *controller;
  GListStore *notable;            /* the items worth a look, one per file */
  GtkSliceListModel *shown;       /* the first MAX_ROWS of them */
};

G_DEFINE_FINAL_TYPE (QuorumSyncButton, quorum_sync_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTROLLER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A popover has no room for more. */
#define MAX_ROWS 5

/* A badge needs a style of its own; it stays with the widget. */
static const char badge_css[] =
  "quorumsyncbutton .sync-badge {\n"
  "  background-color: @accent_bg_color;\n"
  "  color: @accent_fg_color;\n"
  "  border-radius: 999px;\n"
  "  min-width: 8px;\n"
  "  min-height: 12px;\n"
  "  padding: 0 3px;\n"
  "  font-size: 8pt;\n"
  "  font-weight: bold;\n"
  "  font-feature-settings: \"tnum\";\n"
  "  box-shadow: 0 0 0 1px @headerbar_bg_color;\n"
  /* Out to the button's corner, off the icon. */
  "  margin-top: -5px;\n"
  "  margin-right: -7px;\n"
  "}\n"
  "quorumsyncbutton popover .sync-status {\n"
  "  font-weight: bold;\n"
  "}\n";

/* The files that were not synced, and those kept here though gone there. */
static gboolean
is_notable (QuorumSyncItem *item)
{
  QuorumSyncAction action = quorum_sync_item_get_action (item);

  return quorum_sync_action_is_failure (action) || action == QUORUM_SYNC_REMOVED_REMOTELY;
}

/* One row per file: a decision in conflict is met both when pulling and
 * when pushing; the last word (why it was not sent) is kept. */
static void
refresh_notable (QuorumSyncButton *self)
{
  GListModel *items = quorum_sync_controller_get_items (self->controller);
  guint n = g_list_model_get_n_items (items);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);

      if (is_notable (item))
        g_hash_table_insert (last, (gpointer) quorum_sync_item_get_path (item),
                             GUINT_TO_POINTER (i));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);

      if (is_notable (item) &&
          GPOINTER_TO_UINT (g_hash_table_lookup (last, quorum_sync_item_get_path (item))) == i)
        g_ptr_array_add (kept, g_steal_pointer (&item));
    }
  g_list_store_splice (self->notable, 0, g_list_model_get_n_items (G_LIST_MODEL (self->notable)),
                       kept->pdata, kept->len);
}

static void
action_look (QuorumSyncAction   action,
             const char       **label,
             const char       **icon_name,
             const char       **css_class)
{
  switch (action)
    {
    case QUORUM_SYNC_REFUSED:
      *label = _("Refused: the server’s copy is not valid; this one was kept");
      *icon_name = "dialog-error-symbolic";
      *css_class = "error";
      break;
    case QUORUM_SYNC_CONFLICT:
      *label = _("Conflict: both sides have a different file; neither was changed");
      *icon_name = "dialog-warning-symbolic";
      *css_class = "warning";
      break;
    case QUORUM_SYNC_FAILED:
      *label = _("Failed: nothing changed");
      *icon_name = "network-error-symbolic";
      *css_class = "error";
      break;
    case QUORUM_SYNC_REMOVED_REMOTELY:
      *label = _("Removed from the server: kept here");
      *icon_name = "user-trash-symbolic";
      *css_class = "dim-label";
      break;
    default:
      *label = quorum_sync_action_to_string (action);
      *icon_name = "emblem-synchronizing-symbolic";
      *css_class = "dim-label";
      break;
    }
}

static GtkWidget *
add_wrapped_label (GtkBox     *box,
                   const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

/* A file that was not synced: its path, what happened, and why. */
static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  const char *label, *icon_name, *css_class;
  const char *message = quorum_sync_item_get_message (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon;
  g_autofree char *description = NULL;

  action_look (quorum_sync_item_get_action (item), &label, &icon_name, &css_class);
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, css_class);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), icon);

  add_wrapped_label (GTK_BOX (texts), quorum_sync_item_get_path (item), NULL);
  add_wrapped_label (GTK_BOX (texts), label, "caption");
  if (message != NULL && *message != '\0')
    {
      GtkWidget *why = add_wrapped_label (GTK_BOX (texts), message, "dim-label");

      gtk_widget_add_css_class (why, "caption");
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  description = message != NULL && *message != '\0'
                  ? g_strdup_printf ("%s. %s", label, message) : g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  quorum_sync_item_get_path (item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return row;
}

static void
set_icon (GtkImage   *image,
          const char *icon_name,
          const char *css_class)
{
  gtk_image_set_from_icon_name (image, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (image), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (image), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (image), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (image), "dim-label");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (image), css_class);
}

/* The icon for the state; @css_class says its colour. */
static const char *
state_icon_name (QuorumSyncController  *controller,
                 const char           **css_class)
{
  const GError *error = quorum_sync_controller_get_error (controller);

  *css_class = NULL;
  switch (quorum_sync_controller_get_state (controller))
    {
    case QUORUM_SYNC_STATE_NOT_CONFIGURED:
      *css_class = "dim-label";
      return "emblem-synchronizing-symbolic";
    case QUORUM_SYNC_STATE_SUCCEEDED:
      *css_class = "success";
      return "emblem-ok-symbolic";
    case QUORUM_SYNC_STATE_FAILED:
      if (g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_OFFLINE))
        return "network-offline-symbolic";
      if (g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
        {
          *css_class = "warning";
          return "dialog-warning-symbolic";
        }
      *css_class = "error";
      if (error != NULL && error->domain == QUORUM_SYNC_ERROR &&
          error->code != QUORUM_SYNC_ERROR_LOCAL)
        return "network-error-symbolic";
      return "dialog-error-symbolic";
    case QUORUM_SYNC_STATE_IDLE:
    case QUORUM_SYNC_STATE_SYNCING:
    default:
      return "emblem-synchronizing-symbolic";
    }
}

/* A failure the Preferences can fix. */
static gboolean
needs_settings (QuorumSyncController *controller)
{
  const GError *error = quorum_sync_controller_get_error (controller);

  return quorum_sync_controller_get_state (controller) == QUORUM_SYNC_STATE_FAILED &&
         (g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_URL) ||
          g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CREDENTIALS) ||
          g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CERTIFICATE));
}

/* "83 files fetched · 1 decision sent", after a sync. */
static char *
summary_text (QuorumSyncController *controller)
{
  GListModel *items = quorum_sync_controller_get_items (controller);
  guint fetched = 0, sent = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);
      QuorumSyncAction action = quorum_sync_item_get_action (item);

      fetched += action == QUORUM_SYNC_FETCHED;
      sent += action == QUORUM_SYNC_SENT || action == QUORUM_SYNC_ALREADY_SENT;
    }

  if (fetched > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u file fetched",
                                               "%u files fetched", fetched), fetched);
  if (sent > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u decision sent",
                                                 "%u decisions sent", sent), sent);
    }
  if (text->len == 0 &&
      quorum_sync_controller_get_state (controller) == QUORUM_SYNC_STATE_SUCCEEDED)
    g_string_append (text, _("Everything was already up to date"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update (QuorumSyncButton *self)
{
  QuorumSyncController *controller = self->controller;
  QuorumSyncState state;
  const GError *error;
  const char *status;
  const char *css_class;
  const char *icon_name;
  g_autofree char *url = NULL;
  g_autofree char *last = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *awaiting = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *tooltip = NULL;
  guint n_awaiting, n_notable;
  gboolean syncing, configured;

  if (controller == NULL)
    return;

  state = quorum_sync_controller_get_state (controller);
  error = quorum_sync_controller_get_error (controller);
  status = quorum_sync_controller_get_status_text (controller);
  n_awaiting = quorum_sync_controller_get_n_awaiting (controller);
  syncing = state == QUORUM_SYNC_STATE_SYNCING;
  configured = state != QUORUM_SYNC_STATE_NOT_CONFIGURED;

  /* The button. */
  icon_name = state_icon_name (controller, &css_class);
  set_icon (self->status_icon, icon_name, css_class);
  /* In the header bar, only what needs attention stands out. */
  if (state == QUORUM_SYNC_STATE_SUCCEEDED || state == QUORUM_SYNC_STATE_NOT_CONFIGURED)
    set_icon (self->state_icon, "emblem-synchronizing-symbolic", NULL);
  else
    set_icon (self->state_icon, icon_name, css_class);
  gtk_stack_set_visible_child_name (self->icon_stack, syncing ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->spinner, syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), n_awaiting > 0);
  if (n_awaiting > 0)
    {
      g_autofree char *count = n_awaiting > 99 ? g_strdup ("99+")
                                               : g_strdup_printf ("%u", n_awaiting);

      gtk_label_set_label (self->badge_label, count);
      awaiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision awaits sync",
                                               "%u decisions await sync", n_awaiting),
                                  n_awaiting);
    }

  tooltip = awaiting != NULL ? g_strdup_printf ("%s\n%s", status, awaiting) : g_strdup (status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);

  /* The popover. */
  url = quorum_sync_controller_dup_remote_url (controller);
  gtk_label_set_label (self->address_label, *url != '\0' ? url : _("No server set"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->address_label), *url != '\0' ? url : NULL);
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), !configured);

  last = quorum_ui_format_timestamp (quorum_sync_controller_get_last_sync (controller));
  if (last != NULL)
    /* TRANSLATORS: %s is a date and time, e.g. "12 March 2026, 10:31" */
    last_text = g_strdup_printf (_("Last synced %s"), last);
  else
    last_text = g_strdup (_("Never synced"));
  gtk_label_set_label (self->last_sync_label, last_text);
  gtk_widget_set_visible (GTK_WIDGET (self->last_sync_label), configured);

  summary = summary_text (controller);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label),
                          *summary != '\0' && !syncing &&
                          (state == QUORUM_SYNC_STATE_SUCCEEDED ||
                           state == QUORUM_SYNC_STATE_FAILED));

  gtk_label_set_label (self->awaiting_label, awaiting != NULL ? awaiting : "");
  gtk_widget_set_visible (GTK_WIDGET (self->awaiting_label), awaiting != NULL);

  /* Progress, files and bytes. */
  gtk_widget_set_visible (self->progress_box, syncing);
  if (syncing)
    {
      guint total = quorum_sync_controller_get_files_total (controller);
      g_autofree char *size = g_format_size (quorum_sync_controller_get_bytes (controller));
      g_autofree char *text = NULL;

      if (total == 0)
        {
          gtk_progress_bar_pulse (self->progress_bar);
          text = g_strdup (_("Listing the server…"));
        }
      else
        {
          gtk_progress_bar_set_fraction (self->progress_bar,
                                         quorum_sync_controller_get_progress (controller));
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file · %s",
                                               "%u of %u files · %s", total),
                                  quorum_sync_controller_get_files_done (controller), total,
                                  size);
        }
      gtk_label_set_label (self->progress_label, text);
    }

  /* The detail, one click away. */
  n_notable = g_list_model_get_n_items (G_LIST_MODEL (self->notable));
  gtk_widget_set_visible (GTK_WIDGET (self->details_expander),
                          !syncing && (error != NULL || n_notable > 0));
  /* "2 files could not be synced" is already the status; the list says which. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label),
                          error != NULL &&
                          !g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES));
  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->items_list), n_notable > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), n_notable > MAX_ROWS);
  if (n_notable > MAX_ROWS)
    {
      g_autofree char *more =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more file", "and %u more files",
                                      n_notable - MAX_ROWS), n_notable - MAX_ROWS);

      gtk_label_set_label (self->more_label, more);
    }

  /* What can be done. */
  gtk_widget_set_visible (GTK_WIDGET (self->setup_button),
                          !configured || needs_settings (controller));
  gtk_button_set_label (self->setup_button,
                        configured ? _("_Preferences…") : _("_Set Up Sync…"));
  if (configured)
    gtk_widget_remove_css_class (GTK_WIDGET (self->setup_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->setup_button), "suggested-action");
  /* While syncing, Cancel is what can be done. */
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), configured && !syncing);
  if (configured)
    gtk_popover_set_default_widget (self->popover, GTK_WIDGET (self->sync_button));
  else
    gtk_popover_set_default_widget (self->popover, GTK_WIDGET (self->setup_button));
}

/* Opens towards the middle of the window, from a header bar's start or
 * end alike, instead of off its edge. */
static void
popover_show_cb (QuorumSyncButton *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  float middle = gtk_widget_get_width (GTK_WIDGET (self)) / 2.f;
  graphene_point_t at;

  if (root == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self), root, &GRAPHENE_POINT_INIT (middle, 0), &at))
    return;
  if (gtk_widget_get_direction (root) == GTK_TEXT_DIR_RTL)
    at.x = gtk_widget_get_width (root) - at.x;
  gtk_widget_set_halign (GTK_WIDGET (self->popover),
                         at.x < gtk_widget_get_width (root) / 2.f ? GTK_ALIGN_START
                                                                  : GTK_ALIGN_END);
}

static void
ensure_css (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "quorum-sync-button-css"))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, badge_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "quorum-sync-button-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/**
 * quorum_sync_button_set_controller:
 * @controller: (nullable)
 *
 * Shows @controller's state and inserts its actions as the `sync` group.
 */
void
quorum_sync_button_set_controller (QuorumSyncButton     *self,
                                   QuorumSyncController *controller)
{
  g_return_if_fail (QUORUM_IS_SYNC_BUTTON (self));
  g_return_if_fail (controller == NULL || QUORUM_IS_SYNC_CONTROLLER (controller));

  if (self->controller == controller)
    return;

  if (self->controller != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->controller, self);
      g_signal_handlers_disconnect_by_data (quorum_sync_controller_get_items (self->controller),
                                            self);
    }
  gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->shown);
  g_clear_object (&self->notable);
  g_set_object (&self->controller, controller);

  gtk_widget_insert_action_group (GTK_WIDGET (self), "sync",
                                  controller != NULL
                                    ? quorum_sync_controller_get_actions (controller) : NULL);
  if (controller != NULL)
    {
      self->notable = g_list_store_new (QUORUM_TYPE_SYNC_ITEM);
      g_signal_connect_object (quorum_sync_controller_get_items (controller), "items-changed",
                               G_CALLBACK (refresh_notable), self, G_CONNECT_SWAPPED);
      refresh_notable (self);
      self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->notable)), 0,
                                              MAX_ROWS);
      gtk_list_box_bind_model (self->items_list, G_LIST_MODEL (self->shown),
                               create_item_row, NULL, NULL);
      g_signal_connect_object (controller, "notify", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->notable, "items-changed", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROLLER]);
}

QuorumSyncController *
quorum_sync_button_get_controller (QuorumSyncButton *self)
{
  g_return_val_if_fail (QUORUM_IS_SYNC_BUTTON (self), NULL);
  return self->controller;
}

/**
 * quorum_sync_button_popup:
 *
 * Opens the popover.
 */
void
quorum_sync_button_popup (QuorumSyncButton *self)
{
  g_return_if_fail (QUORUM_IS_SYNC_BUTTON (self));
  gtk_menu_button_popup (self->menu_button);
}

static void
quorum_sync_button_dispose (GObject *object)
{
  QuorumSyncButton *self = QUORUM_SYNC_BUTTON (object);

  if (self->items_list != NULL)
    gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);
  if (self->controller != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->controller, self);
      g_signal_handlers_disconnect_by_data (quorum_sync_controller_get_items (self->controller),
                                            self);
    }
  g_clear_object (&self->shown);
  g_clear_object (&self->notable);
  g_clear_object (&self->controller);

  /* The menu button is AdwBin's child as well as a template child:
   * gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_SYNC_BUTTON);

  G_OBJECT_CLASS (quorum_sync_button_parent_class)->dispose (object);
}

static void
quorum_sync_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumSyncButton *self = QUORUM_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER: g_value_set_object (value, self->controller); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_sync_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QuorumSyncButton *self = QUORUM_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER:
      quorum_sync_button_set_controller (self, g_value_get_object (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_sync_button_class_init (QuorumSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_sync_button_dispose;
  object_class->get_property = quorum_sync_button_get_property;
  object_class->set_property = quorum_sync_button_set_property;

  properties[PROP_CONTROLLER] =
    g_param_spec_object ("controller", NULL, NULL, QUORUM_TYPE_SYNC_CONTROLLER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "quorumsyncbutton");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, state_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, spinner);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, badge_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, popover);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, address_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, status_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, status_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, hint_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, last_sync_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, awaiting_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, progress_box);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, progress_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, details_expander);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, error_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, items_list);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, more_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, setup_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumSyncButton, sync_button);
}

static void
quorum_sync_button_init (QuorumSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  ensure_css ();
}

/**
 * quorum_sync_button_new:
 * @controller: (nullable)
 *
 * Returns: (transfer floating): a sync button for a header bar
 */
GtkWidget *
quorum_sync_button_new (QuorumSyncController *controller)
{
  return g_object_new (QUORUM_TYPE_SYNC_BUTTON, "controller", controller, NULL);
}
