/* quorum-preferences-window.c: the member, the remote and backups
 *
 * Every setting applies at once (GSettings bindings). The password or
 * token goes to the desktop keyring when applied, never to settings. The
 * Restore group lists the store's backups; restoring runs on a worker
 * thread and the store reloads through its file monitor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-preferences-window.h"
#include <glib/gi18n.h>

#include "quorum-core.h"
#include "quorum-secret.h"
#include "quorum-window.h"

struct _QuorumPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template */
  AdwComboRow *style_row;
  AdwEntryRow *name_row;
  AdwEntryRow *role_row;
  AdwEntryRow *url_row;
  AdwComboRow *auth_row;
  AdwEntryRow *user_row;
  AdwPasswordEntryRow *secret_row;
  AdwActionRow *ca_row;
  GtkButton *ca_clear_button;
  GtkButton *ca_choose_button;
  GtkSwitch *sync_on_start_switch;
  AdwComboRow *interval_row;
  GtkSpinButton *backups_spin;
  AdwPreferencesGroup *backups_group;
  GtkListBox *backups_list;

  /* owned */
  GSettings *settings;
  char *store_path;
  GListModel *backups;         /* of QuorumBackup: what backups_list shows */
  char *restore_id;            /* the backup the Restore dialog asks about */
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (QuorumPreferencesWindow, quorum_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint intervals[] = { 0, 15, 30, 60, 240 };

static void refresh_backups (QuorumPreferencesWindow *self);

static void
toast (QuorumPreferencesWindow *self,
       const char              *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static gboolean
using_token (QuorumPreferencesWindow *self)
{
  return adw_combo_row_get_selected (self->auth_row) == 1;
}

/* The URL row says at once whether Quorum will accept the address. */
static void
url_changed_cb (QuorumPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumSync) sync = NULL;

  if (*text == '\0' || (sync = quorum_sync_new ("/", text, &error)) != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->url_row), NULL);
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->url_row), error->message);
}

static void
secret_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(QuorumPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (quorum_secret_store_finish (result, &error))
    toast (self, using_token (self) ? _("Token saved in the keyring")
                                    : _("Password saved in the keyring"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("The keyring could not save it: %s"),
                                               error->message);

      toast (self, text);
    }
}

static void
secret_apply_cb (QuorumPreferencesWindow *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  const char *user = using_token (self) ? ""
                                        : gtk_editable_get_text (GTK_EDITABLE (self->user_row));

  if (*url == '\0')
    {
      toast (self, _("Enter the server address first"));
      return;
    }
  quorum_secret_store_async (url, user, secret, self->cancellable, secret_stored_cb,
                             g_object_ref (self));
}

static void
secret_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(QuorumPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = quorum_secret_lookup_finish (result, &error);

  if (secret != NULL)
    {
      /* Shown as dots; applying it again stores the same secret. */
      gtk_editable_set_text (GTK_EDITABLE (self->secret_row), secret);
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
}

static void
auth_changed_cb (QuorumPreferencesWindow *self)
{
  gboolean token = using_token (self);

  g_settings_set_string (self->settings, "remote-auth", token ? "token" : "basic");
  gtk_widget_set_visible (GTK_WIDGET (self->user_row), !token);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row),
                                 token ? _("_Token") : _("_Password"));
}

static void
interval_changed_cb (QuorumPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->interval_row);

  if (selected < G_N_ELEMENTS (intervals))
    g_settings_set_uint (self->settings, "sync-interval", intervals[selected]);
}

static void
update_ca_row (QuorumPreferencesWindow *self)
{
  g_autofree char *ca = g_settings_get_string (self->settings, "remote-ca-file");

  adw_action_row_set_subtitle (self->ca_row, *ca != '\0'
                                               ? ca
                                               : _("The system’s certificate authorities"));
  gtk_widget_set_visible (GTK_WIDGET (self->ca_clear_button), *ca != '\0');
}

static void
ca_chosen_cb (QuorumPreferencesWindow *self,
              int                      response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      /* Only a file of certificates is accepted. */
      database = g_tls_file_database_new (path, &error);
      if (database == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("%s holds no certificates"), path);

          toast (self, text);
        }
      else
        g_settings_set_string (self->settings, "remote-ca-file", path);
    }
  g_clear_object (&self->chooser);
  update_ca_row (self);
}

static void
ca_choose_cb (QuorumPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Choose Trusted Certificates"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PEM certificates"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (ca_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ca_clear_cb (QuorumPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "remote-ca-file", "");
  update_ca_row (self);
}

/* Restore ------------------------------------------------------------------ */

typedef struct
{
  char *store_path;
  char *backup_id;
  guint keep;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_free (data->store_path);
  g_free (data->backup_id);
  g_free (data);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreData *data = task_data;
  g_auto(GStrv) restored = NULL;
  GError *error = NULL;

  if (quorum_backup_restore (data->store_path, data->backup_id, data->keep, &restored,
                             cancellable, &error))
    g_task_return_int (task, g_strv_length (restored));
  else
    g_task_return_error (task, error);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  QuorumPreferencesWindow *self = QUORUM_PREFERENCES_WINDOW (object);
  g_autoptr(GError) error = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);

  if (n < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%d file restored",
                                                          "%d files restored", (gulong) n),
                                             (int) n);

    toast (self, text);
  }
  refresh_backups (self);
}

static void
restore_response_cb (AdwMessageDialog        *dialog,
                     const char              *response,
                     QuorumPreferencesWindow *self)
{
  const char *backup_id = self->restore_id;
  g_autoptr(GTask) task = NULL;
  RestoreData *data;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  data = g_new0 (RestoreData, 1);
  data->store_path = g_strdup (self->store_path);
  data->backup_id = g_strdup (backup_id);
  data->keep = g_settings_get_uint (self->settings, "backups-kept");
  task = g_task_new (self, self->cancellable, restored_cb, NULL);
  g_task_set_source_tag (task, restore_response_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) restore_data_free);
  g_task_run_in_thread (task, restore_thread);
}

/* backups.restore: a backup's Restore… button, its id the target. */
static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QuorumPreferencesWindow *self = QUORUM_PREFERENCES_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(QuorumBackup) backup = NULL;
  const char * const *files;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; self->backups != NULL && i < g_list_model_get_n_items (self->backups); i++)
    {
      g_autoptr(QuorumBackup) candidate = g_list_model_get_item (self->backups, i);

      if (g_strcmp0 (quorum_backup_get_id (candidate), id) == 0)
        backup = g_steal_pointer (&candidate);
    }
  if (backup == NULL)
    return;
  files = quorum_backup_get_files (backup);

  for (guint i = 0; files[i] != NULL && i < 8; i++)
    g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", files[i]);
  if (g_strv_length ((GStrv) files) > 8)
    g_string_append (body, "\n…");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore These Files?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("They go back to how they were before the sync of %s:\n\n%s"),
                                  quorum_backup_get_created (backup), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_free (self->restore_id);
  self->restore_id = g_strdup (id);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A row of backups_list: when the backup was made, what it holds, and a
 * button to put it back. */
static GtkWidget *
create_backup_row (gpointer item,
                   gpointer user_data)
{
  QuorumBackup *backup = item;
  guint n = g_strv_length ((GStrv) quorum_backup_get_files (backup));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
  g_autofree char *subtitle =
    g_strdup_printf (g_dngettext (NULL, "%u file · %s", "%u files · %s", n), n,
                     quorum_backup_get_reason (backup) != NULL
                       ? quorum_backup_get_reason (backup) : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quorum_backup_get_created (backup));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", quorum_backup_get_id (backup));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* Lists the store's backups again (the list box is bound to them; with
 * none, its placeholder says so). */
static void
refresh_backups (QuorumPreferencesWindow *self)
{
  GListModel *backups = self->store_path != NULL ? quorum_backup_list (self->store_path, NULL)
                                                 : NULL;

  g_clear_object (&self->backups);
  self->backups = backups != NULL ? backups : G_LIST_MODEL (g_list_store_new (QUORUM_TYPE_BACKUP));
  gtk_list_box_bind_model (self->backups_list, self->backups, create_backup_row, self, NULL);
}

/* Class -------------------------------------------------------------------- */

/* The style row's items, in the "style" setting's words. */
static const char * const styles[] = { "default", "light", "dark" };

static void
style_selected_cb (QuorumPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->style_row);

  if (selected < G_N_ELEMENTS (styles))
    g_settings_set_string (self->settings, "style", styles[selected]);
}

static void
quorum_preferences_window_constructed (GObject *object)
{
  QuorumPreferencesWindow *self = QUORUM_PREFERENCES_WINDOW (object);
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *auth = NULL;
  guint interval;

  G_OBJECT_CLASS (quorum_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "member-name", self->name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "member-role", self->role_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "remote-url", self->url_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "remote-user", self->user_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-on-start", self->sync_on_start_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backups-kept", self->backups_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  {
    g_autofree char *style = g_settings_get_string (self->settings, "style");

    for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
      if (g_str_equal (style, styles[i]))
        adw_combo_row_set_selected (self->style_row, i);
    g_signal_connect_swapped (self->style_row, "notify::selected",
                              G_CALLBACK (style_selected_cb), self);
  }

  auth = g_settings_get_string (self->settings, "remote-auth");
  adw_combo_row_set_selected (self->auth_row, g_str_equal (auth, "token") ? 1 : 0);
  interval = g_settings_get_uint (self->settings, "sync-interval");
  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    if (intervals[i] == interval)
      adw_combo_row_set_selected (self->interval_row, i);

  g_signal_connect_swapped (self->url_row, "changed", G_CALLBACK (url_changed_cb), self);
  g_signal_connect_swapped (self->secret_row, "apply", G_CALLBACK (secret_apply_cb), self);
  g_signal_connect_swapped (self->auth_row, "notify::selected",
                            G_CALLBACK (auth_changed_cb), self);
  g_signal_connect_swapped (self->interval_row, "notify::selected",
                            G_CALLBACK (interval_changed_cb), self);
  g_signal_connect_swapped (self->ca_choose_button, "clicked", G_CALLBACK (ca_choose_cb), self);
  g_signal_connect_swapped (self->ca_clear_button, "clicked", G_CALLBACK (ca_clear_cb), self);

  url_changed_cb (self);
  auth_changed_cb (self);
  update_ca_row (self);
  refresh_backups (self);

  url = g_settings_get_string (self->settings, "remote-url");
  user = g_settings_get_string (self->settings, "remote-user");
  /* Until sync is set up, the server's address is what is missing. */
  if (*url == '\0')
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->url_row));
  if (*url != '\0')
    quorum_secret_lookup_async (url, g_str_equal (auth, "token") ? "" : user,
                                self->cancellable, secret_found_cb, g_object_ref (self));
}

static void
quorum_preferences_window_dispose (GObject *object)
{
  QuorumPreferencesWindow *self = QUORUM_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (quorum_preferences_window_parent_class)->dispose (object);
}

static void
quorum_preferences_window_finalize (GObject *object)
{
  QuorumPreferencesWindow *self = QUORUM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->backups);
  g_free (self->restore_id);
  g_free (self->store_path);

  G_OBJECT_CLASS (quorum_preferences_window_parent_class)->finalize (object);
}

static void
quorum_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  QuorumPreferencesWindow *self = QUORUM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_STORE_PATH:
      g_free (self->store_path);
      self->store_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  QuorumPreferencesWindow *self = QUORUM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    case PROP_STORE_PATH: g_value_set_string (value, self->store_path); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_preferences_window_class_init (QuorumPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = quorum_preferences_window_constructed;
  object_class->dispose = quorum_preferences_window_dispose;
  object_class->finalize = quorum_preferences_window_finalize;
  object_class->set_property = quorum_preferences_window_set_property;
  object_class->get_property = quorum_preferences_window_get_property;

  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_action);

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_PATH] =
    g_param_spec_string ("store-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, auth_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, secret_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, ca_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow,
                                        ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow,
                                        ca_choose_button);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow,
                                        sync_on_start_switch);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, backups_spin);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, QuorumPreferencesWindow, backups_list);
}

static void
quorum_preferences_window_init (QuorumPreferencesWindow *self)
{
  GtkWidget *none = adw_action_row_new ();

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none), _("No backups yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (none),
                               _("A backup is made when a sync replaces files"));
  gtk_list_box_set_placeholder (self->backups_list, none);
}

/**
 * quorum_preferences_window_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): a preferences window for the store @parent
 *   shows, if it is a #QuorumWindow with a store
 */
QuorumPreferencesWindow *
quorum_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  QuorumStore *store = QUORUM_IS_WINDOW (parent) ? quorum_window_get_store (QUORUM_WINDOW (parent))
                                                 : NULL;
  const char *store_path = store != NULL ? quorum_store_get_path (store) : NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (QUORUM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       "store-path", store_path,
                       NULL);
}
