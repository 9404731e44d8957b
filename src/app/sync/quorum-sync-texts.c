/* quorum-sync-texts.c: a sync's state in plain words
 *
 * Functions of what the controller knows, without a widget: the status
 * line ("Synced 3 minutes ago", "Offline — decisions wait to be sent")
 * and the summary of a run ("83 files fetched · 1 decision sent").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-texts.h"
#include <glib/gi18n.h>

#include "quorum-core.h"

/**
 * quorum_sync_text_synced_when:
 * @last_sync: (nullable): the last complete sync, RFC 3339
 *
 * Returns: (transfer full): "Synced 3 minutes ago", "Not synced yet"…
 */
char *
quorum_sync_text_synced_when (const char *last_sync)
{
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = NULL;
  GTimeSpan ago;
  guint n;

  if (last_sync == NULL || (then = g_date_time_new_from_iso8601 (last_sync, NULL)) == NULL)
    return g_strdup (_("Not synced yet"));

  ago = g_date_time_difference (now, then);
  if (ago < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Synced just now"));
  if (ago < G_TIME_SPAN_HOUR)
    {
      n = (guint) (ago / G_TIME_SPAN_MINUTE);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced %u minute ago",
                                           "Synced %u minutes ago", n), n);
    }
  if (ago < G_TIME_SPAN_DAY)
    {
      n = (guint) (ago / G_TIME_SPAN_HOUR);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced %u hour ago",
                                           "Synced %u hours ago", n), n);
    }
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (then);

    /* TRANSLATORS: g_date_time_format(), e.g. "12 March 2026, 10:31" */
    date = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
  }
  /* TRANSLATORS: %s is a date and time, e.g. "12 March 2026, 10:31" */
  return g_strdup_printf (_("Last synced %s"), date);
}

/* Files, not items: a decision in conflict is met when pulling and again
 * when pushing. */
guint
quorum_sync_count_failed_files (GListModel *items)
{
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QuorumSyncItem) item = g_list_model_get_item (items, i);

      if (quorum_sync_action_is_failure (quorum_sync_item_get_action (item)))
        g_hash_table_add (paths, g_strdup (quorum_sync_item_get_path (item)));
    }
  return g_hash_table_size (paths);
}

/**
 * quorum_sync_text_failure:
 * @error: (nullable): why the last sync failed
 * @items: what it did with each file
 * @n_awaiting: decisions awaiting sync
 * @had_secret: it sent a password or token
 * @token: …a token
 * @bad_ca_file: the trusted certificates file could not be used
 *
 * Returns: (transfer full): the status of a failed sync, in plain words
 */
char *
quorum_sync_text_failure (const GError *error,
                          GListModel   *items,
                          guint         n_awaiting,
                          gboolean      had_secret,
                          gboolean      token,
                          gboolean      bad_ca_file)
{
  guint n;

  if (error == NULL)
    return g_strdup (_("The sync failed"));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return g_strdup (_("The sample store is read-only and is not synced"));
  if (error->domain != QUORUM_SYNC_ERROR)
    return g_strdup (_("The sync failed"));

  switch ((QuorumSyncError) error->code)
    {
    case QUORUM_SYNC_ERROR_URL:
      return g_strdup (_("The server address cannot be used"));
    case QUORUM_SYNC_ERROR_OFFLINE:
      if (n_awaiting > 0)
        return g_strdup (_("Offline — decisions wait to be sent"));
      return g_strdup (_("Offline — the store is as last synced"));
    case QUORUM_SYNC_ERROR_UNREACHABLE:
      return g_strdup (_("The server could not be reached"));
    case QUORUM_SYNC_ERROR_CREDENTIALS:
      if (!had_secret)
        return g_strdup (token ? _("The server asks for a token, and none is saved")
                               : _("The server asks for a password, and none is saved"));
      return g_strdup (token ? _("The server refused the access token")
                             : _("The server refused the user name or password"));
    case QUORUM_SYNC_ERROR_CERTIFICATE:
      if (bad_ca_file)
        return g_strdup (_("The trusted certificates file cannot be used"));
      return g_strdup (_("The server’s certificate is not trusted"));
    case QUORUM_SYNC_ERROR_SERVER:
      return g_strdup (_("The server answered with an error"));
    case QUORUM_SYNC_ERROR_PROTOCOL:
      return g_strdup (_("The server’s answer could not be understood"));
    case QUORUM_SYNC_ERROR_FILES:
      n = quorum_sync_count_failed_files (items);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file could not be synced",
                                           "%u files could not be synced", n), n);
    case QUORUM_SYNC_ERROR_LOCAL:
      return g_strdup (_("The store on this computer could not be written"));
    default:
      return g_strdup (_("The sync failed"));
    }
}

/**
 * quorum_sync_text_summary:
 * @items: what the last sync did with each file
 * @succeeded: it synced everything
 *
 * Returns: (transfer full): "83 files fetched · 1 decision sent", "" when
 *   there is nothing to say
 */
char *
quorum_sync_text_summary (GListModel *items,
                          gboolean    succeeded)
{
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
  if (text->len == 0 && succeeded)
    g_string_append (text, _("Everything was already up to date"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
