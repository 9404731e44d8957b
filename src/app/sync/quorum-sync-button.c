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
 * Every widget is bound to the controller's properties (bind_widgets ()):
 * one property through a GBindingGroup with a transform, several through
 * a GtkExpression closure looked up from the button's "controller"; the
 * files are a GListModel bound to the list box.
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
  GBindingGroup *bindings;        /* widgets showing one property of the controller */
  GPtrArray *watches;             /* GtkExpressionWatch: those showing several */
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

/* The files that were not synced, and those kept here though gone there. */
static gboolean
is_notable (QuorumSyncItem *item)
{
  QuorumSyncAction action = quorum_sync_item_get_action (item);

  return quorum_sync_action_is_failure (action) || action == QUORUM_SYNC_REMOVED_REMOTELY ||
         action == QUORUM_SYNC_TO_REVIEW;
}

/* One row per file: a decision in conflict is met both when pulling and
 * when pushing; the last word (why it was not sent) is kept. */
static void
refresh_notable (QuorumSyncButton *self)
{
  GListModel *items = self->controller != NULL
                        ? quorum_sync_controller_get_items (self->controller) : NULL;
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;
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
    case QUORUM_SYNC_TO_REVIEW:
      *label = _("To review: members decided this package differently");
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

/* The look of the state --------------------------------------------------- */

/* The icon for the state; @css_class says its colour. */
static const char *
state_icon_name (QuorumSyncState   state,
                 const GError     *error,
                 const char      **css_class)
{
  *css_class = NULL;
  switch (state)
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

/* In the header bar, only what needs attention stands out. */
static const char *
header_icon_name (QuorumSyncState   state,
                  const GError     *error,
                  const char      **css_class)
{
  if (state == QUORUM_SYNC_STATE_SUCCEEDED || state == QUORUM_SYNC_STATE_NOT_CONFIGURED)
    {
      *css_class = NULL;
      return "emblem-synchronizing-symbolic";
    }
  return state_icon_name (state, error, css_class);
}

/* A failure the Preferences can fix. */
static gboolean
needs_settings (QuorumSyncState  state,
                const GError    *error)
{
  return state == QUORUM_SYNC_STATE_FAILED &&
         (g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_URL) ||
          g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CREDENTIALS) ||
          g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CERTIFICATE));
}

/* @widget's style classes with those of @managed replaced by @css_class. */
static GStrv
with_class (GtkWidget         *widget,
            const char * const *managed,
            const char         *css_class)
{
  g_auto(GStrv) current = gtk_widget_get_css_classes (widget);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; current[i] != NULL; i++)
    if (!g_strv_contains (managed, current[i]))
      g_strv_builder_add (builder, current[i]);
  if (css_class != NULL)
    g_strv_builder_add (builder, css_class);
  return g_strv_builder_end (builder);
}

static const char * const status_classes[] = { "error", "warning", "success", "dim-label", NULL };
static const char * const suggested_class[] = { "suggested-action", NULL };

static char *
awaiting_text (guint n_awaiting)
{
  if (n_awaiting == 0)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision awaits sync",
                                       "%u decisions await sync", n_awaiting), n_awaiting);
}

/* One property of the controller: GBinding transforms ---------------------- */

#define TRANSFORM(name) \
  static gboolean name (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)

TRANSFORM (state_to_stack_page)
{
  g_value_set_string (to, g_value_get_enum (from) == QUORUM_SYNC_STATE_SYNCING ? "spinner"
                                                                               : "icon");
  return TRUE;
}

TRANSFORM (state_is_syncing)
{
  g_value_set_boolean (to, g_value_get_enum (from) == QUORUM_SYNC_STATE_SYNCING);
  return TRUE;
}

TRANSFORM (state_is_configured)
{
  g_value_set_boolean (to, g_value_get_enum (from) != QUORUM_SYNC_STATE_NOT_CONFIGURED);
  return TRUE;
}

TRANSFORM (state_is_not_configured)
{
  g_value_set_boolean (to, g_value_get_enum (from) == QUORUM_SYNC_STATE_NOT_CONFIGURED);
  return TRUE;
}

/* While syncing, Cancel is what can be done. */
TRANSFORM (state_can_sync_now)
{
  QuorumSyncState state = g_value_get_enum (from);

  g_value_set_boolean (to, state != QUORUM_SYNC_STATE_NOT_CONFIGURED &&
                           state != QUORUM_SYNC_STATE_SYNCING);
  return TRUE;
}

TRANSFORM (state_to_setup_label)
{
  g_value_set_string (to, g_value_get_enum (from) != QUORUM_SYNC_STATE_NOT_CONFIGURED
                            ? _("_Preferences…") : _("_Set Up Sync…"));
  return TRUE;
}

TRANSFORM (state_to_setup_classes)
{
  g_autoptr(GObject) target = g_binding_dup_target (binding);

  g_value_take_boxed (to, with_class (GTK_WIDGET (target), suggested_class,
                                      g_value_get_enum (from) == QUORUM_SYNC_STATE_NOT_CONFIGURED
                                        ? "suggested-action" : NULL));
  return TRUE;
}

TRANSFORM (state_to_default_widget)
{
  QuorumSyncButton *self = user_data;

  g_value_set_object (to, g_value_get_enum (from) != QUORUM_SYNC_STATE_NOT_CONFIGURED
                            ? GTK_WIDGET (self->sync_button) : GTK_WIDGET (self->setup_button));
  return TRUE;
}

TRANSFORM (count_is_positive)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

TRANSFORM (count_to_badge)
{
  guint n = g_value_get_uint (from);

  g_value_take_string (to, n > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", n));
  return TRUE;
}

TRANSFORM (count_to_awaiting)
{
  g_autofree char *text = awaiting_text (g_value_get_uint (from));

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

TRANSFORM (last_sync_to_text)
{
  g_autofree char *last = quorum_ui_format_timestamp (g_value_get_string (from));

  if (last != NULL)
    /* TRANSLATORS: %s is a date and time, e.g. "12 March 2026, 10:31" */
    g_value_take_string (to, g_strdup_printf (_("Last synced %s"), last));
  else
    g_value_set_string (to, _("Never synced"));
  return TRUE;
}

TRANSFORM (url_to_address)
{
  const char *url = g_value_get_string (from);

  g_value_set_string (to, url != NULL && *url != '\0' ? url : _("No server set"));
  return TRUE;
}

TRANSFORM (url_to_tooltip)
{
  const char *url = g_value_get_string (from);

  g_value_set_string (to, url != NULL && *url != '\0' ? url : NULL);
  return TRUE;
}

TRANSFORM (error_to_message)
{
  const GError *error = g_value_get_boxed (from);

  g_value_set_string (to, error != NULL ? error->message : "");
  return TRUE;
}

/* "2 files could not be synced" is already the status; the list says which. */
TRANSFORM (error_is_worth_words)
{
  const GError *error = g_value_get_boxed (from);

  g_value_set_boolean (to, error != NULL &&
                           !g_error_matches (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_FILES));
  return TRUE;
}

TRANSFORM (notable_beyond_rows)
{
  g_value_set_boolean (to, g_value_get_uint (from) > MAX_ROWS);
  return TRUE;
}

TRANSFORM (notable_to_more)
{
  guint n = g_value_get_uint (from);

  if (n <= MAX_ROWS)
    return FALSE;
  g_value_take_string (to, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more file",
                                                         "and %u more files", n - MAX_ROWS),
                                            n - MAX_ROWS));
  return TRUE;
}

#undef TRANSFORM

/* Several properties of the controller: GtkExpression closures ------------- */

/* @values are the parameters' values, in order; @target the widget bound. */
typedef void (*DeriveFunc) (const GValue *values,
                            GValue       *result,
                            gpointer      target);

static void
derive_marshal (GClosure     *closure,
                GValue       *return_value,
                guint         n_param_values,
                const GValue *param_values,
                gpointer      invocation_hint,
                gpointer      marshal_data)
{
  DeriveFunc derive = (DeriveFunc) ((GCClosure *) closure)->callback;

  /* The first value is the expression's `this`, the button. */
  derive (param_values + 1, return_value, closure->data);
}

static void
derive_status_icon (const GValue *values,
                    GValue       *result,
                    gpointer      target)
{
  const char *css_class;

  g_value_set_string (result, state_icon_name (g_value_get_enum (&values[0]),
                                               g_value_get_boxed (&values[1]), &css_class));
}

static void
derive_status_classes (const GValue *values,
                       GValue       *result,
                       gpointer      target)
{
  const char *css_class;

  state_icon_name (g_value_get_enum (&values[0]), g_value_get_boxed (&values[1]), &css_class);
  g_value_take_boxed (result, with_class (target, status_classes, css_class));
}

static void
derive_header_icon (const GValue *values,
                    GValue       *result,
                    gpointer      target)
{
  const char *css_class;

  g_value_set_string (result, header_icon_name (g_value_get_enum (&values[0]),
                                                g_value_get_boxed (&values[1]), &css_class));
}

static void
derive_header_classes (const GValue *values,
                       GValue       *result,
                       gpointer      target)
{
  const char *css_class;

  header_icon_name (g_value_get_enum (&values[0]), g_value_get_boxed (&values[1]), &css_class);
  g_value_take_boxed (result, with_class (target, status_classes, css_class));
}

/* The status, and the decisions awaiting sync. */
static void
derive_tooltip (const GValue *values,
                GValue       *result,
                gpointer      target)
{
  const char *status = g_value_get_string (&values[0]);
  g_autofree char *awaiting = awaiting_text (g_value_get_uint (&values[1]));

  g_value_take_string (result, awaiting != NULL ? g_strdup_printf ("%s\n%s", status, awaiting)
                                                : g_strdup (status));
}

static void
derive_summary_visible (const GValue *values,
                        GValue       *result,
                        gpointer      target)
{
  const char *summary = g_value_get_string (&values[0]);
  QuorumSyncState state = g_value_get_enum (&values[1]);

  g_value_set_boolean (result, summary != NULL && *summary != '\0' &&
                               (state == QUORUM_SYNC_STATE_SUCCEEDED ||
                                state == QUORUM_SYNC_STATE_FAILED));
}

/* Files and bytes, or the listing before the files are known. */
static void
derive_progress_text (const GValue *values,
                      GValue       *result,
                      gpointer      target)
{
  guint done = g_value_get_uint (&values[0]);
  guint total = g_value_get_uint (&values[1]);
  g_autofree char *size = g_format_size (g_value_get_uint64 (&values[2]));

  if (total == 0)
    g_value_set_string (result, _("Listing the server…"));
  else
    g_value_take_string (result,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file · %s",
                                                       "%u of %u files · %s", total),
                                          done, total, size));
}

/* While listing, the bar pulses with each piece of progress. */
static void
derive_listing (const GValue *values,
                GValue       *result,
                gpointer      target)
{
  g_value_set_boolean (result, g_value_get_enum (&values[0]) == QUORUM_SYNC_STATE_SYNCING &&
                               g_value_get_uint (&values[1]) == 0);
}

/* The detail, one click away. */
static void
derive_details_visible (const GValue *values,
                        GValue       *result,
                        gpointer      target)
{
  g_value_set_boolean (result, g_value_get_enum (&values[0]) != QUORUM_SYNC_STATE_SYNCING &&
                               (g_value_get_boxed (&values[1]) != NULL ||
                                g_value_get_uint (&values[2]) > 0));
}

static void
derive_setup_visible (const GValue *values,
                      GValue       *result,
                      gpointer      target)
{
  QuorumSyncState state = g_value_get_enum (&values[0]);

  g_value_set_boolean (result, state == QUORUM_SYNC_STATE_NOT_CONFIGURED ||
                               needs_settings (state, g_value_get_boxed (&values[1])));
}

/* The closure of @derive over the controller's properties named, NULL
 * terminated ("n-notable": the number of notable items). */
static GtkExpression *
derived (QuorumSyncButton *self,
         GType             type,
         DeriveFunc        derive,
         gpointer          target,
         const char       *first,
         ...)
{
  GtkExpression *button = gtk_property_expression_new (QUORUM_TYPE_SYNC_BUTTON, NULL,
                                                       "controller");
  GtkExpression *params[4];
  GClosure *closure;
  const char *name = first;
  guint n = 0;
  va_list args;

  va_start (args, first);
  for (; name != NULL && n < G_N_ELEMENTS (params); name = va_arg (args, const char *))
    {
      if (g_str_equal (name, "n-notable"))
        params[n++] = gtk_property_expression_new (
                        G_TYPE_LIST_STORE, gtk_object_expression_new (G_OBJECT (self->notable)),
                        "n-items");
      else
        params[n++] = gtk_property_expression_new (QUORUM_TYPE_SYNC_CONTROLLER,
                                                   gtk_expression_ref (button), name);
    }
  va_end (args);
  gtk_expression_unref (button);

  closure = g_cclosure_new (G_CALLBACK (derive), target, NULL);
  g_closure_set_marshal (closure, derive_marshal);
  return gtk_closure_expression_new (type, closure, n, params);
}

static void
bind_derived (QuorumSyncButton *self,
              gpointer          target,
              const char       *property,
              GtkExpression    *expression)
{
  GtkExpressionWatch *watch = gtk_expression_bind (expression, target, property, self);

  g_ptr_array_add (self->watches, gtk_expression_watch_ref (watch));
}

static void
unwatch (gpointer watch)
{
  gtk_expression_watch_unwatch (watch);
  gtk_expression_watch_unref (watch);
}

static void
pulse_cb (gpointer user_data)
{
  QuorumSyncButton *self = user_data;

  if (self->controller != NULL &&
      quorum_sync_controller_get_state (self->controller) == QUORUM_SYNC_STATE_SYNCING &&
      quorum_sync_controller_get_files_total (self->controller) == 0)
    gtk_progress_bar_pulse (self->progress_bar);
}

/* The tooltip says it to the eye, the description to a screen reader. */
static void
tooltip_changed_cb (QuorumSyncButton *self)
{
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (self->menu_button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
}

static void
bind (QuorumSyncButton      *self,
      const char            *source_property,
      gpointer               target,
      const char            *target_property,
      GBindingTransformFunc  transform)
{
  g_binding_group_bind_full (self->bindings, source_property, target, target_property,
                             G_BINDING_SYNC_CREATE, transform, NULL, self, NULL);
}

/* Every widget that shows the controller is bound to it here: nothing is
 * refreshed by hand. */
static void
bind_widgets (QuorumSyncButton *self)
{
  GtkExpression *listing;

  self->bindings = g_binding_group_new ();
  bind (self, "state", self->icon_stack, "visible-child-name", state_to_stack_page);
  bind (self, "state", self->spinner, "spinning", state_is_syncing);
  bind (self, "state", self->progress_box, "visible", state_is_syncing);
  bind (self, "state", self->hint_label, "visible", state_is_not_configured);
  bind (self, "state", self->last_sync_label, "visible", state_is_configured);
  bind (self, "state", self->sync_button, "visible", state_can_sync_now);
  bind (self, "state", self->setup_button, "label", state_to_setup_label);
  bind (self, "state", self->setup_button, "css-classes", state_to_setup_classes);
  bind (self, "state", self->popover, "default-widget", state_to_default_widget);
  bind (self, "n-awaiting", self->badge_label, "visible", count_is_positive);
  bind (self, "n-awaiting", self->badge_label, "label", count_to_badge);
  bind (self, "n-awaiting", self->awaiting_label, "visible", count_is_positive);
  bind (self, "n-awaiting", self->awaiting_label, "label", count_to_awaiting);
  bind (self, "status-text", self->status_label, "label", NULL);
  bind (self, "last-sync", self->last_sync_label, "label", last_sync_to_text);
  bind (self, "remote-url", self->address_label, "label", url_to_address);
  bind (self, "remote-url", self->address_label, "tooltip-text", url_to_tooltip);
  bind (self, "summary-text", self->summary_label, "label", NULL);
  bind (self, "progress", self->progress_bar, "fraction", NULL);
  bind (self, "error", self->error_label, "label", error_to_message);
  bind (self, "error", self->error_label, "visible", error_is_worth_words);
  g_object_bind_property_full (self->notable, "n-items", self->items_list, "visible",
                               G_BINDING_SYNC_CREATE, count_is_positive, NULL, self, NULL);
  g_object_bind_property_full (self->notable, "n-items", self->more_label, "visible",
                               G_BINDING_SYNC_CREATE, notable_beyond_rows, NULL, self, NULL);
  g_object_bind_property_full (self->notable, "n-items", self->more_label, "label",
                               G_BINDING_SYNC_CREATE, notable_to_more, NULL, self, NULL);

  self->watches = g_ptr_array_new_with_free_func (unwatch);
  bind_derived (self, self->status_icon, "icon-name",
                derived (self, G_TYPE_STRING, derive_status_icon, NULL, "state", "error", NULL));
  bind_derived (self, self->status_icon, "css-classes",
                derived (self, G_TYPE_STRV, derive_status_classes, self->status_icon,
                         "state", "error", NULL));
  bind_derived (self, self->state_icon, "icon-name",
                derived (self, G_TYPE_STRING, derive_header_icon, NULL, "state", "error", NULL));
  bind_derived (self, self->state_icon, "css-classes",
                derived (self, G_TYPE_STRV, derive_header_classes, self->state_icon,
                         "state", "error", NULL));
  bind_derived (self, self->menu_button, "tooltip-text",
                derived (self, G_TYPE_STRING, derive_tooltip, NULL,
                         "status-text", "n-awaiting", NULL));
  bind_derived (self, self->summary_label, "visible",
                derived (self, G_TYPE_BOOLEAN, derive_summary_visible, NULL,
                         "summary-text", "state", NULL));
  bind_derived (self, self->progress_label, "label",
                derived (self, G_TYPE_STRING, derive_progress_text, NULL,
                         "files-done", "files-total", "bytes", NULL));
  bind_derived (self, self->details_expander, "visible",
                derived (self, G_TYPE_BOOLEAN, derive_details_visible, NULL,
                         "state", "error", "n-notable", NULL));
  bind_derived (self, self->setup_button, "visible",
                derived (self, G_TYPE_BOOLEAN, derive_setup_visible, NULL,
                         "state", "error", NULL));

  listing = derived (self, G_TYPE_BOOLEAN, derive_listing, NULL,
                     "state", "files-total", "bytes", NULL);
  g_ptr_array_add (self->watches,
                   gtk_expression_watch_ref (gtk_expression_watch (listing, self, pulse_cb,
                                                                   self, NULL)));
  gtk_expression_unref (listing);
  g_signal_connect_swapped (self->menu_button, "notify::tooltip-text",
                            G_CALLBACK (tooltip_changed_cb), self);
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
    g_signal_handlers_disconnect_by_data (quorum_sync_controller_get_items (self->controller),
                                          self);
  g_set_object (&self->controller, controller);

  gtk_widget_insert_action_group (GTK_WIDGET (self), "sync",
                                  controller != NULL
                                    ? quorum_sync_controller_get_actions (controller) : NULL);
  if (controller != NULL)
    g_signal_connect_object (quorum_sync_controller_get_items (controller), "items-changed",
                             G_CALLBACK (refresh_notable), self, G_CONNECT_SWAPPED);
  refresh_notable (self);
  /* The bindings follow: those of one property through the group, those of
   * several through the expressions' lookup of "controller". */
  g_binding_group_set_source (self->bindings, controller);
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

  g_clear_pointer (&self->watches, g_ptr_array_unref);
  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  g_clear_object (&self->bindings);
  if (self->items_list != NULL)
    gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (quorum_sync_controller_get_items (self->controller),
                                          self);
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
  /* Set Up Sync… opens Preferences: the popover does not stay on top. */
  g_signal_connect_swapped (self->setup_button, "clicked", G_CALLBACK (gtk_popover_popdown),
                            self->popover);
  /* A badge needs a style of its own; it stays with the widget. */
  quorum_ui_add_css_resource ("/io/github/secpanel/Quorum/quorum-sync-button.css");

  self->notable = g_list_store_new (QUORUM_TYPE_SYNC_ITEM);
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->notable)), 0,
                                          MAX_ROWS);
  gtk_list_box_bind_model (self->items_list, G_LIST_MODEL (self->shown), create_item_row,
                           NULL, NULL);
  bind_widgets (self);
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
