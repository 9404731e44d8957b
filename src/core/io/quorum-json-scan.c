/* quorum-json-scan.c: a JSON text's strings and numbers, and its errors
 *
 * Strings are read strictly (valid UTF-8, no control characters, every
 * escape of RFC 8259, surrogates paired, no \u0000, at most
 * QUORUM_JSON_MAX_STRING_BYTES decoded); numbers are checked as RFC 8259
 * writes them and kept as text by the caller. Plain runs of a string are
 * found eight bytes at a time. An error records where it is; its
 * line:column is worked out only when it is turned into a GError.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-json-scan.h"
#include <glib/gi18n-lib.h>
#include "quorum-error.h"
#include "quorum-json-private.h"

#include <string.h>

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

void
_quorum_json_scan_fail (QuorumJsonScanError *error,
                        const char          *at,
                        const char          *format,
                        ...)
{
  va_list args;

  if (error == NULL)
    return;
  error->problem = QUORUM_JSON_SCAN_SYNTAX;
  error->at = at;
  va_start (args, format);
  g_free (error->message);
  error->message = g_strdup_vprintf (format, args);
  va_end (args);
}

void
_quorum_json_scan_limit (QuorumJsonScanError   *error,
                         QuorumJsonScanProblem  problem,
                         const char            *at)
{
  if (error == NULL)
    return;
  error->problem = problem;
  error->at = at;
  g_clear_pointer (&error->message, g_free);
}

/* For an error: one scan from the start. */
void
_quorum_json_locate (const char *data,
                     gsize       bom,
                     const char *at,
                     guint      *line,
                     guint      *column)
{
  const char *line_start = data;
  const char *nl;

  *line = 1;
  while ((nl = memchr (line_start, '\n', at - line_start)) != NULL)
    {
      (*line)++;
      line_start = nl + 1;
    }
  _quorum_json_column_of (data, bom, line_start, at, column);
}

/**
 * _quorum_json_scan_to_gerror:
 * @data: the text @error was found in; @bom, the length of its byte order mark
 *
 * Returns: (transfer full): @error as the readers report it, its message
 *   starting with `LINE:COLUMN: `; @error's message is freed
 */
GError *
_quorum_json_scan_to_gerror (QuorumJsonScanError *error,
                             const char          *data,
                             gsize                bom,
                             guint               *line,
                             guint               *column)
{
  g_autofree char *message = g_steal_pointer (&error->message);

  _quorum_json_locate (data, bom, error->at, line, column);
  switch (error->problem)
    {
    case QUORUM_JSON_SCAN_LONG_STRING:
      return g_error_new (QUORUM_ERROR, QUORUM_ERROR_LIMIT,
                          _("%u:%u: string longer than %u bytes"), *line, *column,
                          (guint) QUORUM_JSON_MAX_STRING_BYTES);
    case QUORUM_JSON_SCAN_LONG_NUMBER:
      return g_error_new (QUORUM_ERROR, QUORUM_ERROR_LIMIT,
                          _("%u:%u: number longer than 512 characters"), *line, *column);
    case QUORUM_JSON_SCAN_TOO_DEEP:
      return g_error_new (QUORUM_ERROR, QUORUM_ERROR_LIMIT,
                          _("%u:%u: nested deeper than %u levels"), *line, *column,
                          QUORUM_JSON_MAX_DEPTH);
    case QUORUM_JSON_SCAN_SYNTAX:
    default:
      return g_error_new (QUORUM_ERROR, QUORUM_ERROR_SYNTAX, "%u:%u: %s", *line, *column,
                          message != NULL ? message : "");
    }
}

const char *
_quorum_json_describe_char (const char *p,
                            const char *end,
                            char        buf[16])
{
  if (p >= end)
    return _("end of file");
  if ((guchar) *p < 0x20 || (guchar) *p >= 0x7f)
    g_snprintf (buf, 16, "byte 0x%02x", (guchar) *p);
  else
    g_snprintf (buf, 16, "“%c”", *p);
  return buf;
}

/* g_string_append_len () without a call where there is room. */
static inline void
append (GString    *out,
        const char *p,
        gsize       n)
{
  if (out->len + n < out->allocated_len)
    {
      memcpy (out->str + out->len, p, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, p, n);
}

/* The end of the plain run at @p: up to a quote, a backslash, a control
 * byte or @end. *@ascii is cleared if the run has a byte over 0x7f. */
static const char *
scan_plain (const char *p,
            const char *end,
            gboolean   *ascii)
{
  guint64 seen = 0;

  /* A word holds a byte below 0x20, a quote or a backslash when one of
   * these subtractions borrows into the high bit of a byte that had it
   * clear (bytes over 0x7f never match). */
  while (end - p >= 8)
    {
      guint64 v;

      memcpy (&v, p, sizeof v);
      if ((((v - ONES * 0x20) | ((v ^ (ONES * '"')) - ONES) | ((v ^ (ONES * '\\')) - ONES)) &
           ~v & HIGHS) != 0)
        break;
      seen |= v;
      p += 8;
    }
  while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
    seen |= (guchar) *p++;
  if ((seen & HIGHS) != 0)
    *ascii = FALSE;
  return p;
}

static gboolean
read_hex4 (const char **p,
           const char  *end,
           gunichar    *out)
{
  gunichar v = 0;

  if (end - *p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value ((*p)[i]);
      if (d < 0)
        return FALSE;
      v = v * 16 + d;
    }
  *p += 4;
  *out = v;
  return TRUE;
}

/* A \u escape at @esc (its backslash), @p after the `u`: the character,
 * or 0 with @error set. */
static gunichar
read_unicode_escape (const char         **p,
                     const char          *end,
                     const char          *esc,
                     QuorumJsonScanError *error)
{
  gunichar c, low;

  if (!read_hex4 (p, end, &c))
    {
      _quorum_json_scan_fail (error, esc, _("invalid \\u escape"));
      return 0;
    }
  if (c >= 0xd800 && c < 0xdc00)
    {
      if (end - *p < 2 || (*p)[0] != '\\' || (*p)[1] != 'u')
        {
          _quorum_json_scan_fail (error, esc, _("unpaired surrogate in a \\u escape"));
          return 0;
        }
      *p += 2;
      if (!read_hex4 (p, end, &low) || low < 0xdc00 || low > 0xdfff)
        {
          _quorum_json_scan_fail (error, esc, _("unpaired surrogate in a \\u escape"));
          return 0;
        }
      c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
    }
  else if (c >= 0xdc00 && c <= 0xdfff)
    {
      _quorum_json_scan_fail (error, esc, _("unpaired surrogate in a \\u escape"));
      return 0;
    }
  if (c == 0)
    _quorum_json_scan_fail (error, esc, _("\\u0000 is not allowed in a string"));
  return c;
}

/**
 * _quorum_json_scan_string:
 * @p: (inout): the string's opening quote; on return, past its closing one
 * @out: the decoded string is appended to it
 *
 * Returns: %FALSE with @error set if the string is not valid
 */
gboolean
_quorum_json_scan_string (const char          **p,
                          const char           *end,
                          GString              *out,
                          QuorumJsonScanError  *error)
{
  const char *start = *p;
  const char *s = start + 1;
  gsize base = out->len;

  while (TRUE)
    {
      const char *chunk = s;
      gboolean ascii = TRUE;
      char c;

      s = scan_plain (s, end, &ascii);
      if (s > chunk)
        {
          const char *bad = NULL;

          if (!ascii && !g_utf8_validate (chunk, s - chunk, &bad))
            {
              _quorum_json_scan_fail (error, bad, _("invalid UTF-8 in a string"));
              return FALSE;
            }
          append (out, chunk, s - chunk);
        }
      if (out->len - base > QUORUM_JSON_MAX_STRING_BYTES)
        {
          _quorum_json_scan_limit (error, QUORUM_JSON_SCAN_LONG_STRING, start);
          return FALSE;
        }
      if (s >= end)
        {
          _quorum_json_scan_fail (error, start, _("unterminated string"));
          return FALSE;
        }
      if (*s == '"')
        {
          *p = s + 1;
          return TRUE;
        }
      if ((guchar) *s < 0x20)
        {
          _quorum_json_scan_fail (error, s, _("control character in a string"));
          return FALSE;
        }

      /* an escape */
      if (++s >= end)
        {
          _quorum_json_scan_fail (error, start, _("unterminated string"));
          return FALSE;
        }
      switch ((c = *s++))
        {
        case '"': case '\\': case '/': g_string_append_c (out, c); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar u = read_unicode_escape (&s, end, s - 2, error);

            if (u == 0)
              return FALSE;
            g_string_append_unichar (out, u);
          }
          break;
        default:
          _quorum_json_scan_fail (error, s - 2, _("invalid escape sequence"));
          return FALSE;
        }
    }
}

/**
 * _quorum_json_scan_number:
 * @p: a number's first character
 * @is_integer: (out) (optional): whether it has neither a fraction nor an
 *   exponent
 * @error: (nullable): where to say why it is not a number
 *
 * Returns: (nullable): the end of the number, or %NULL if it is not one as
 *   RFC 8259 writes them, or is longer than QUORUM_JSON_MAX_NUMBER_LENGTH
 */
const char *
_quorum_json_scan_number (const char          *p,
                          const char          *end,
                          gboolean            *is_integer,
                          QuorumJsonScanError *error)
{
  const char *start = p;
  gboolean integer = TRUE;
  char buf[16];

  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    {
      if (error != NULL)
        _quorum_json_scan_fail (error, p, _("expected a digit, found %s"),
                                _quorum_json_describe_char (p, end, buf));
      return NULL;
    }
  if (*p == '0')
    {
      if (++p < end && g_ascii_isdigit (*p))
        {
          _quorum_json_scan_fail (error, start, _("numbers may not have leading zeros"));
          return NULL;
        }
    }
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;

  if (p < end && *p == '.')
    {
      integer = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        {
          _quorum_json_scan_fail (error, p, _("expected a digit after the decimal point"));
          return NULL;
        }
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        {
          _quorum_json_scan_fail (error, p, _("expected a digit in the exponent"));
          return NULL;
        }
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p - start > QUORUM_JSON_MAX_NUMBER_LENGTH)
    {
      _quorum_json_scan_limit (error, QUORUM_JSON_SCAN_LONG_NUMBER, start);
      return NULL;
    }
  if (is_integer != NULL)
    *is_integer = integer;
  return p;
}
