/* quorum-sync-http.c: one request to the remote: authentication, retries with backoff,
 * transport failures in plain words, a size limit on bodies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-private.h"
#include <glib/gi18n-lib.h>

#include <string.h>

char *
_quorum_sync_url_for (QuorumSync *self,
                      const char *relpath)
{
  g_autoptr(GString) out = g_string_new (self->remote_url);
  g_auto(GStrv) parts = g_strsplit (relpath, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (parts[i], NULL, FALSE);

      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, escaped);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Emitted when the certificate failed the usual checks: notes why, for
 * the message, and refuses it (there is no way to accept one). */
static gboolean
refuse_certificate (SoupMessage          *message,
                    GTlsCertificate      *certificate,
                    GTlsCertificateFlags  errors,
                    QuorumSync           *self)
{
  self->tls_errors = errors;
  return FALSE;
}

static SoupMessage *
new_message (QuorumSync *self,
             const char *method,
             const char *url)
{
  SoupMessage *message = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  /* Never follow a redirect: credentials go only to the server named. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect (message, "accept-certificate", G_CALLBACK (refuse_certificate), self);
  if (self->secret != NULL)
    {
      g_autofree char *value = NULL;

      if (self->bearer)
        value = g_strconcat ("Bearer ", self->secret, NULL);
      else
        {
          g_autofree char *pair = g_strconcat (self->user != NULL ? self->user : "", ":",
                                               self->secret, NULL);
          g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

          value = g_strconcat ("Basic ", encoded, NULL);
          memset (pair, 0, strlen (pair));
        }
      soup_message_headers_replace (headers, "Authorization", value);
      memset (value, 0, strlen (value));
    }
  return message;
}

static gboolean
is_transient_status (guint status)
{
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

static gboolean
is_transient_error (GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
         g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE) ||
         /* A handshake cut short (the server going away), not a bad certificate. */
         g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_EOF) ||
         g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_MISC) ||
         g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING) ||
         g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING);
}

/* Why a certificate was refused, in words: the first reason that applies. */
static char *
describe_certificate_errors (QuorumSync           *self,
                             GTlsCertificateFlags  errors)
{
  if (errors & G_TLS_CERTIFICATE_EXPIRED)
    return g_strdup (_("it has expired"));
  if (errors & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return g_strdup (_("it is not valid yet; check this computer's clock"));
  if (errors & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return g_strdup_printf (_("it was issued for another host name than %s"),
                            g_uri_get_host (self->base));
  if (errors & G_TLS_CERTIFICATE_REVOKED)
    return g_strdup (_("it has been revoked"));
  if (errors & G_TLS_CERTIFICATE_INSECURE)
    return g_strdup (_("it uses an insecure algorithm"));
  if (errors & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return g_strdup (_("it is not signed by a trusted certificate authority: self-signed, or "
                       "by a CA this computer does not know (name it with a CA file)"));
  return NULL;
}

/* Turns a transport failure into words a member understands. */
static GError *
transport_error (QuorumSync *self,
                 GError     *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) ||
      g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_CERTIFICATE_REQUIRED))
    {
      g_autofree char *why = describe_certificate_errors (self, self->tls_errors);

      return g_error_new (QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CERTIFICATE,
                          _("The server's certificate is not trusted (%s): its identity "
                            "cannot be checked, so nothing was sent or received"),
                          why != NULL ? why : error->message);
    }
  if (error->domain == G_TLS_ERROR)
    return g_error_new (QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_UNREACHABLE,
                        _("The secure connection to %s failed (%s)"), self->remote_url,
                        error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_UNREACHABLE,
                        _("%s did not answer in time (%s)"), self->remote_url, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      error->domain == G_RESOLVER_ERROR)
    return g_error_new (QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_OFFLINE,
                        _("Offline: %s cannot be reached (%s)"), self->remote_url,
                        error->message);
  return g_error_new (QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_UNREACHABLE,
                      _("%s cannot be reached (%s)"), self->remote_url, error->message);
}

static void
backoff (QuorumSync   *self,
         guint         attempt,
         GCancellable *cancellable)
{
  guint64 wait_ms = (guint64) self->backoff_ms << MIN (attempt, 10u);
  gint64 until = g_get_monotonic_time () + (gint64) wait_ms * 1000;

  while (g_get_monotonic_time () < until && !g_cancellable_is_cancelled (cancellable))
    g_usleep (10 * 1000);
}

/* A sync past its deadline stops, whatever it was doing. */
static gboolean
check_sync_deadline (QuorumSync  *self,
                     GError     **error)
{
  if (g_get_monotonic_time () <= self->sync_deadline)
    return TRUE;
  g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_DEADLINE,
               _("The sync took longer than its deadline of %u s and was stopped; nothing "
                 "was changed locally"), self->sync_timeout);
  return FALSE;
}

/* One file's deadline: the file timeout plus its size at the slowest
 * rate accepted. The size is the declared one, else the listed one, else
 * the size limit. */
static gint64
file_deadline (QuorumSync  *self,
               gint64       started,
               goffset      declared)
{
  guint64 size = declared > 0 ? (guint64) declared
                 : self->expected_size >= 0 ? (guint64) self->expected_size
                 : self->max_file_size;

  return started + (gint64) self->file_timeout * G_USEC_PER_SEC +
         (gint64) (size * G_USEC_PER_SEC / MAX (self->min_rate, 1u));
}

/* Reads a body, refusing one over the limit without reading it all, and
 * giving up past the file's deadline (checked between reads; each read is
 * bounded by the read timeout). */
static GBytes *
read_body (QuorumSync    *self,
           SoupMessage   *message,
           GInputStream  *stream,
           const char    *url,
           gint64         started,
           gboolean      *too_large,
           GCancellable  *cancellable,
           GError       **error)
{
  goffset declared = soup_message_headers_get_content_length (
                       soup_message_get_response_headers (message));
  gint64 deadline = file_deadline (self, started, declared);
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 buffer[16384];

  *too_large = FALSE;
  if (declared > 0 && (guint64) declared > self->max_file_size)
    {
      *too_large = TRUE;
      g_input_stream_close (stream, NULL, NULL);
      return NULL;
    }
  for (;;)
    {
      gssize n;

      if (!check_sync_deadline (self, error))
        return NULL;
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_UNREACHABLE,
                       _("%s: too slow, given up after %ld s (%u bytes "
                         "received; at least %u bytes per second are expected)"), url,
                       (long) ((g_get_monotonic_time () - started) / G_USEC_PER_SEC), body->len,
                       self->min_rate);
          return NULL;
        }
      n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (body->len + (gsize) n > self->max_file_size)
        {
          *too_large = TRUE;
          g_input_stream_close (stream, NULL, NULL);
          return NULL;
        }
      g_byte_array_append (body, buffer, (guint) n);
      self->bytes_received += (guint64) n;
    }
  if (!g_input_stream_close (stream, cancellable, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

void
_quorum_sync_response_clear (Response *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->etag, g_free);
  g_clear_pointer (&response->location, g_free);
}

/* Sends one request, retrying transient failures. A non-2xx status is not
 * an error here; a transport failure is (already in plain words). */
gboolean
_quorum_sync_send (QuorumSync    *self,
                   const char    *method,
                   const char    *url,
                   GHashTable    *headers,
                   GBytes        *request_body,
                   const char    *content_type,
                   gboolean       want_body,
                   Response      *response,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GError) last_error = NULL;

  memset (response, 0, sizeof *response);
  for (guint attempt = 0; attempt <= self->retries; attempt++)
    {
      g_autoptr(SoupMessage) message = new_message (self, method, url);
      g_autoptr(GInputStream) stream = NULL;
      GHashTableIter iter;
      gpointer name, value;
      gint64 started;

      if (attempt > 0)
        backoff (self, attempt - 1, cancellable);
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !check_sync_deadline (self, error))
        return FALSE;

      if (headers != NULL)
        {
          g_hash_table_iter_init (&iter, headers);
          while (g_hash_table_iter_next (&iter, &name, &value))
            soup_message_headers_replace (soup_message_get_request_headers (message), name,
                                          value);
        }
      if (request_body != NULL)
        {
          soup_message_set_request_body_from_bytes (message, content_type, request_body);
          self->bytes_sent += g_bytes_get_size (request_body);
        }

      self->n_requests++;
      g_clear_error (&last_error);
      self->tls_errors = 0;
      started = g_get_monotonic_time ();
      stream = soup_session_send (self->session, message, cancellable, &last_error);
      if (stream != NULL)
        {
          SoupMessageHeaders *response_headers = soup_message_get_response_headers (message);

          response->status = soup_message_get_status (message);
          if (is_transient_status (response->status) && attempt < self->retries)
            {
              g_input_stream_close (stream, NULL, NULL);
              continue;
            }
          g_free (response->etag);
          response->etag = g_strdup (soup_message_headers_get_one (response_headers, "ETag"));
          g_free (response->location);
          response->location = g_strdup (soup_message_headers_get_one (response_headers,
                                                                       "Location"));
          if (want_body && SOUP_STATUS_IS_SUCCESSFUL (response->status))
            {
              response->body = read_body (self, message, stream, url, started,
                                          &response->too_large, cancellable, &last_error);
              if (response->body == NULL && !response->too_large)
                {
                  /* Too slow, cancelled or past the sync's deadline: no retry. */
                  if (last_error->domain == QUORUM_SYNC_ERROR)
                    {
                      g_propagate_error (error, g_steal_pointer (&last_error));
                      return FALSE;
                    }
                  if (g_error_matches (last_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                    break;
                  /* A body cut short: retry like any transport failure. */
                  if (attempt < self->retries)
                    continue;
                  break;
                }
            }
          else
            g_input_stream_close (stream, NULL, NULL);
          return TRUE;
        }
      if (g_error_matches (last_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          !is_transient_error (last_error))
        break;
    }

  if (g_error_matches (last_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&last_error));
  else
    g_propagate_error (error, transport_error (self, last_error));
  return FALSE;
}

/* An answer that stops the whole sync: credentials, redirects, errors. */
gboolean
_quorum_sync_check_status (QuorumSync  *self,
                           Response    *response,
                           const char  *what,
                           GError     **error)
{
  if (response->status == 401 || response->status == 403)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_CREDENTIALS,
                   response->status == 401
                     ? _("%s refused the credentials (HTTP 401): check the user name and "
                         "password or token")
                     : _("%s refused access (HTTP 403): the account may not read this store"),
                   self->remote_url);
      return FALSE;
    }
  if (SOUP_STATUS_IS_REDIRECTION (response->status) && response->status != 304)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s redirected %s to %s: Quorum does not follow redirects, so that "
                     "credentials only go to the server named; use the new address if it "
                     "is right"), self->remote_url, what,
                   response->location != NULL ? response->location : _("another address"));
      return FALSE;
    }
  return TRUE;
}

const char *
_quorum_sync_status_phrase (guint status)
{
  const char *phrase = soup_status_get_phrase (status);

  return phrase != NULL ? phrase : "";
}
