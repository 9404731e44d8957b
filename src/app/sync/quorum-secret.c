/* quorum-secret.c: the remote's password or token, in the desktop keyring
 *
 * Kept with libsecret under the schema io.github.secpanel.Quorum.Remote,
 * keyed by the remote URL and the user name (empty for a token), so it is
 * never in a settings file, on a command line or in a log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-secret.h"
#include <glib/gi18n.h>
#include <libsecret/secret.h>

static const SecretSchema *
remote_schema (void)
{
  static const SecretSchema schema = {
    "io.github.secpanel.Quorum.Remote", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * quorum_secret_store_async:
 *
 * Keeps @secret for the remote and user in the keyring, replacing any.
 */
void
quorum_secret_store_async (const char          *remote_url,
                           const char          *user,
                           const char          *secret,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = g_strdup_printf (_("Quorum: password for %s"), remote_url);

  g_task_set_source_tag (task, quorum_secret_store_async);
  secret_password_store (remote_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, stored_cb, task,
                         "url", remote_url, "user", user != NULL ? user : "", NULL);
}

gboolean
quorum_secret_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

/**
 * quorum_secret_lookup_async:
 *
 * Finds the secret kept for the remote and user; %NULL (no error) when
 * there is none.
 */
void
quorum_secret_lookup_async (const char          *remote_url,
                            const char          *user,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, quorum_secret_lookup_async);
  secret_password_lookup (remote_schema (), cancellable, looked_up_cb, task,
                          "url", remote_url, "user", user != NULL ? user : "", NULL);
}

/**
 * quorum_secret_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the secret; free it with
 *   secret_password_free(), which wipes it
 */
char *
quorum_secret_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
quorum_secret_clear_async (const char          *remote_url,
                           const char          *user,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, quorum_secret_clear_async);
  secret_password_clear (remote_schema (), cancellable, cleared_cb, task,
                         "url", remote_url, "user", user != NULL ? user : "", NULL);
}

gboolean
quorum_secret_clear_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
