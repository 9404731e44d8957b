/* quorum-application.c: the Quorum application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-application.h"
#include "quorum-core.h"
#include "quorum-preferences-window.h"
#include "quorum-window.h"

struct _QuorumApplication
{
  AdwApplication parent_instance;

  /* owned */
  GSettings *settings;   /* nullable: only when the schema is installed */
};

G_DEFINE_FINAL_TYPE (QuorumApplication, quorum_application, ADW_TYPE_APPLICATION)

static char *
dup_store_path (QuorumApplication *self)
{
  g_autofree char *chosen = NULL;

  if (self->settings != NULL)
    chosen = g_settings_get_string (self->settings, "store-path");
  if (chosen != NULL && *chosen != '\0' && g_getenv ("QUORUM_STORE") == NULL)
    return g_steal_pointer (&chosen);
  return quorum_store_dup_default_path ();
}

static void
present_window (QuorumApplication *self,
                const char        *store_path)
{
  QuorumWindow *window = quorum_window_new (self);

  quorum_window_open_store (window, store_path);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quorum_application_activate (GApplication *app)
{
  QuorumApplication *self = QUORUM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = dup_store_path (self);
  present_window (self, path);
}

static void
quorum_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        present_window (QUORUM_APPLICATION (app), path);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Quorum authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Quorum"),
                         "application-icon", QUORUM_APP_ID,
                         "version", QUORUM_VERSION,
                         "comments", _("Budget and committee oversight for the SEC Panel"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Quorum authors",
                         NULL);
}

/* The user guide (help/C, installed by gnome.yelp), shown by Yelp. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri (window, "help:quorum", GDK_CURRENT_TIME);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  QuorumApplication *self = QUORUM_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  QuorumPreferencesWindow *preferences;

  if (self->settings == NULL)
    return;
  /* Restore works on the store the window shows. */
  preferences = quorum_preferences_window_new (parent, self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* The window showing the store at @path, or a new one opening it. */
static QuorumWindow *
window_for_store (QuorumApplication *self,
                  const char        *path)
{
  QuorumWindow *window;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      QuorumStore *store;

      if (!QUORUM_IS_WINDOW (l->data))
        continue;
      store = quorum_window_get_store (l->data);
      if (store != NULL && g_strcmp0 (quorum_store_get_path (store), path) == 0)
        return l->data;
    }
  window = quorum_window_new (self);
  quorum_window_open_store (window, path);
  return window;
}

/* A notification's: ((STORE, ID)), ID "" for the list of packages. */
static void
show_work_package_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  const char *path, *id;
  QuorumWindow *window;
  QuorumStore *store;

  g_variant_get (parameter, "(&s&s)", &path, &id);
  window = window_for_store (QUORUM_APPLICATION (user_data), path);
  store = quorum_window_get_store (window);
  /* The list when the package is not (yet: a new window loads) there. */
  if (*id != '\0' && store != NULL && quorum_store_find_work_package (store, id) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-work-package", "s", id);
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "work-packages");
  gtk_window_present (GTK_WINDOW (window));
}

/* A notification's: (STORE), what its last sync did. */
static void
show_sync_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  QuorumWindow *window = window_for_store (QUORUM_APPLICATION (user_data),
                                           g_variant_get_string (parameter, NULL));

  gtk_window_present (GTK_WINDOW (window));
  quorum_window_show_sync_status (window);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "help", help_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
  { "show-work-package", show_work_package_action, "(ss)" },
  { "show-sync", show_sync_action, "s" },
};

/* The "style" setting: follow the system, or force light or dark. */
static void
style_changed_cb (GSettings  *settings,
                  const char *key,
                  gpointer    user_data)
{
  g_autofree char *style = g_settings_get_string (settings, "style");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (style, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (style, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
quorum_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *reload_accels[] = { "<Control>r", "F5", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *back_accels[] = { "<Alt>Left", NULL };
  static const char *sync_accels[] = { "<Shift><Control>s", NULL };
  static const char *note_accels[] = { "<Control><Alt>n", NULL };
  static const char *export_accels[] = { "<Shift><Control>e", NULL };
  static const char *copy_accels[] = { "<Control>c", NULL };
  /* As GTK sets it for a help overlay it finds (the window builds its own). */
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  /* Alt+1…9: the views in the sidebar's order (Notes is after Actions in the
   * sidebar, but keeps the next free key). */
  static const char *views[] = { "overview", "budgets", "committees", "meetings", "actions",
                                 "checks", "work-packages", "budget-pressure", "notes" };

  G_APPLICATION_CLASS (quorum_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.reload", reload_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open-store", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.back", back_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.sync", sync_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.note-selection",
                                         note_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.copy", copy_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-view('%s')", views[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (app), detailed, accels);
    }
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                            "preferences")),
                               QUORUM_APPLICATION (app)->settings != NULL);
  if (QUORUM_APPLICATION (app)->settings != NULL)
    {
      g_signal_connect_object (QUORUM_APPLICATION (app)->settings, "changed::style",
                               G_CALLBACK (style_changed_cb), app, 0);
      style_changed_cb (QUORUM_APPLICATION (app)->settings, "style", app);
    }
}

static void
quorum_application_finalize (GObject *object)
{
  QuorumApplication *self = (QuorumApplication *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (quorum_application_parent_class)->finalize (object);
}

static void
quorum_application_class_init (QuorumApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = quorum_application_finalize;
  app_class->activate = quorum_application_activate;
  app_class->open = quorum_application_open;
  app_class->startup = quorum_application_startup;
}

static void
quorum_application_init (QuorumApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, QUORUM_APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (QUORUM_APP_ID);
  else
    g_warning ("The settings schema %s is not installed; window state will not be kept. "
               "Run from the build tree with “meson devenv -C build quorum”.", QUORUM_APP_ID);
}

QuorumApplication *
quorum_application_new (void)
{
  return g_object_new (QUORUM_TYPE_APPLICATION,
                       "application-id", QUORUM_APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/secpanel/Quorum",
                       NULL);
}

/**
 * quorum_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the
 *   schema is not installed
 */
GSettings *
quorum_application_get_settings (QuorumApplication *self)
{
  g_return_val_if_fail (QUORUM_IS_APPLICATION (self), NULL);
  return self->settings;
}
