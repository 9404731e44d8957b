/* quorum-amount.c: exact amounts in 64-bit integers of hundredths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-amount.h"
#include <glib/gi18n-lib.h>
#include "quorum-error.h"

#include <string.h>

G_DEFINE_QUARK (quorum-error-quark, quorum_error)

static gboolean
fits (gint64 v)
{
  return v > -QUORUM_AMOUNT_LIMIT && v < QUORUM_AMOUNT_LIMIT;
}

/* *out = a × b / den rounded half away from zero, exactly, in 64 bits; den
 * in 1..10^4. With a = qa·den + ra and b = qb·den + rb (C division, so a
 * quotient and its remainder share the sign of what was divided), a × b /
 * den = qa·qb·den + qa·rb + ra·qb + ra·rb / den, where every term has the
 * sign of a × b: none can overflow unless the result is out of range.
 * Returns FALSE when the result is not below QUORUM_AMOUNT_LIMIT. */
static gboolean
mul_div_round (gint64  a,
               gint64  b,
               gint64  den,
               gint64 *out)
{
  gint64 qa = a / den, ra = a % den;
  gint64 qb = b / den, rb = b % den;
  gint64 small = ra * rb;      /* |small| < den² ≤ 10^8 */
  gint64 rest = small % den;
  gint64 sum, term;

  if (__builtin_mul_overflow (qa, qb, &sum) ||
      __builtin_mul_overflow (sum, den, &sum) ||
      __builtin_mul_overflow (qa, rb, &term) ||
      __builtin_add_overflow (sum, term, &sum) ||
      __builtin_mul_overflow (ra, qb, &term) ||
      __builtin_add_overflow (sum, term, &sum) ||
      __builtin_add_overflow (sum, small / den, &sum))
    return FALSE;

  if (2 * (rest < 0 ? -rest : rest) >= den &&
      __builtin_add_overflow (sum, small < 0 ? -1 : 1, &sum))
    return FALSE;

  if (!fits (sum))
    return FALSE;
  *out = sum;
  return TRUE;
}

/* Appends a significant digit; zeros are held back until a non-zero digit
 * follows, so trailing zeros, however many, take no room. */
static gboolean
push_digit (char  *digits,
            gsize  size,
            gsize *n_digits,
            gsize *n_zeros,
            char   digit)
{
  if (digit == '0')
    {
      (*n_zeros)++;
      return TRUE;
    }
  if (*n_zeros >= size || *n_digits + *n_zeros >= size)
    return FALSE;
  memset (digits + *n_digits, '0', *n_zeros);
  *n_digits += *n_zeros;
  *n_zeros = 0;
  digits[(*n_digits)++] = digit;
  return TRUE;
}

/**
 * quorum_amount_parse:
 * @text: a JSON number as written, e.g. `602737.8`, `-0.05`, `1e3`
 * @out_hundredths: (out): the value in hundredths
 * @error: return location for a #GError
 *
 * Parses a JSON number exactly. The value must be a whole number of
 * hundredths (at most two significant decimals) and its magnitude below
 * 10^13; no floating point is involved.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_amount_parse (const char  *text,
                     gint64      *out_hundredths,
                     GError     **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  char digits[64];
  gsize n_digits = 0;
  gsize n_zeros = 0;       /* zeros not yet appended to digits */
  gint64 point = 0;        /* digits before the decimal point */
  gint64 exponent = 0;
  gint64 scale;
  gint64 value = 0;        /* below 10^15: scale <= 15 */

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_hundredths != NULL, FALSE);

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (!g_ascii_isdigit (*p))
    goto not_a_number;

  if (*p == '0' && g_ascii_isdigit (p[1]))
    goto not_a_number;

  /* Integer part; leading zeros carry no value. */
  while (g_ascii_isdigit (*p))
    {
      if (n_digits > 0 || *p != '0')
        {
          if (!push_digit (digits, sizeof digits, &n_digits, &n_zeros, *p))
            goto too_large;
          point++;
        }
      p++;
    }

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        goto not_a_number;
      while (g_ascii_isdigit (*p))
        {
          if (n_digits == 0 && *p == '0')
            point--;
          else if (!push_digit (digits, sizeof digits, &n_digits, &n_zeros, *p))
            goto too_precise;
          p++;
        }
    }

  if (*p == 'e' || *p == 'E')
    {
      gboolean exp_negative = FALSE;

      p++;
      if (*p == '+' || *p == '-')
        exp_negative = (*p++ == '-');
      if (!g_ascii_isdigit (*p))
        goto not_a_number;
      while (g_ascii_isdigit (*p))
        {
          if (exponent < 100000)
            exponent = exponent * 10 + (*p - '0');
          p++;
        }
      if (exp_negative)
        exponent = -exponent;
    }

  if (*p != '\0')
    goto not_a_number;

  /* Trailing zeros carry no precision: those held back are dropped. */
  if (n_digits == 0)
    {
      *out_hundredths = 0;
      return TRUE;
    }

  /* value = 0.d1d2…dn × 10^(point + exponent); in hundredths we need the
   * digits shifted by point + exponent + 2. */
  scale = point + exponent + 2;
  if (scale < (gint64) n_digits)
    goto too_precise;
  if (scale > 15)
    goto too_large;

  for (gsize i = 0; i < n_digits; i++)
    value = value * 10 + (digits[i] - '0');
  for (gint64 i = n_digits; i < scale; i++)
    value *= 10;

  if (!fits (value))
    goto too_large;

  *out_hundredths = negative ? -value : value;
  return TRUE;

not_a_number:
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("“%s” is not a number"), text);
  return FALSE;

too_precise:
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
               _("%s has more than two decimal places"), text);
  return FALSE;

too_large:
  g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
               _("%s is too large: magnitudes of 10^13 or more are not allowed"), text);
  return FALSE;
}

/**
 * quorum_amount_format:
 * @hundredths: an amount
 *
 * Formats an amount the way quorum-cli prints it: two decimals, no
 * separators, a leading minus for negatives (`-0.05`, `6888043.05`).
 *
 * Returns: (transfer full): the text
 */
char *
quorum_amount_format (gint64 hundredths)
{
  guint64 magnitude = hundredths < 0 ? (guint64) -(hundredths + 1) + 1 : (guint64) hundredths;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          hundredths < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

/**
 * quorum_amount_format_display:
 * @hundredths: an amount
 * @unit: (nullable): `GBP`, `count` or `fte`
 *
 * Formats an amount for people: thousands separators, a pound sign for
 * money, decimals only where there are any (money always has two when it
 * has pence), and a real minus sign for negatives.
 *
 * Returns: (transfer full): the text
 */
char *
quorum_amount_format_display (gint64      hundredths,
                              const char *unit)
{
  return quorum_amount_format_decimals (hundredths, unit,
                                        quorum_amount_decimals (&hundredths, 1, unit));
}

/* The decimals @hundredths needs: 0, 1 or 2. */
static guint
needed_decimals (gint64 hundredths)
{
  gint64 cents = hundredths % 100;

  if (cents == 0)
    return 0;
  return cents % 10 == 0 ? 1 : 2;
}

/**
 * quorum_amount_decimals:
 * @amounts: (array length=n_amounts): the amounts of a column of figures
 * @unit: (nullable): `GBP`, `count` or `fte`
 *
 * How many decimals a column of figures shows, so that every figure in it
 * has the same: none when all are whole, else two for money (pence) and as
 * many as the most precise figure needs for other units.
 *
 * Returns: 0, 1 or 2
 */
guint
quorum_amount_decimals (const gint64 *amounts,
                        gsize         n_amounts,
                        const char   *unit)
{
  guint decimals = 0;

  g_return_val_if_fail (amounts != NULL || n_amounts == 0, 0);

  for (gsize i = 0; i < n_amounts && decimals < 2; i++)
    decimals = MAX (decimals, needed_decimals (amounts[i]));
  if (decimals > 0 && (g_strcmp0 (unit, "GBP") == 0 || unit == NULL))
    decimals = 2;
  return decimals;
}

/**
 * quorum_amount_format_decimals:
 * @hundredths: an amount
 * @unit: (nullable): `GBP`, `count` or `fte`
 * @decimals: 0, 1 or 2, e.g. from quorum_amount_decimals()
 *
 * Formats an amount for people, as quorum_amount_format_display() does,
 * with @decimals decimals (more where the amount needs them: nothing is
 * rounded away).
 *
 * Returns: (transfer full): the text, e.g. `£262,148.00`
 */
char *
quorum_amount_format_decimals (gint64      hundredths,
                               const char *unit,
                               guint       decimals)
{
  guint64 magnitude = hundredths < 0 ? (guint64) -(hundredths + 1) + 1 : (guint64) hundredths;
  guint64 whole = magnitude / 100;
  guint cents = magnitude % 100;
  g_autofree char *whole_text = g_strdup_printf ("%" G_GUINT64_FORMAT, whole);
  GString *out = g_string_new (NULL);
  gsize len = strlen (whole_text);
  gboolean money = g_strcmp0 (unit, "GBP") == 0 || unit == NULL;

  decimals = MAX (MIN (decimals, 2), needed_decimals (hundredths));
  if (money && decimals == 1)
    decimals = 2;
  if (hundredths < 0)
    g_string_append (out, "−");
  if (money)
    g_string_append (out, "£");

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, whole_text[i]);
    }

  if (decimals == 1)
    g_string_append_printf (out, ".%u", cents / 10);
  else if (decimals == 2)
    g_string_append_printf (out, ".%02u", cents);

  return g_string_free (out, FALSE);
}

/**
 * quorum_amount_format_percent:
 * @hundredths: a percentage in hundredths of a percent (`-120` is −1.2%)
 *
 * Formats a change in percent with one decimal, rounded half away from
 * zero, and its sign: `+11.4%`, `−8.0%`, `0.0%`. Every percentage the app
 * shows has this one precision.
 *
 * Returns: (transfer full): the text
 */
char *
quorum_amount_format_percent (gint64 hundredths)
{
  gint64 tenths = (hundredths < 0 ? hundredths - 5 : hundredths + 5) / 10;
  g_autofree char *number = quorum_amount_format_decimals (tenths * 10, "count", 1);

  /* TRANSLATORS: a percentage; the first %s is "+" or nothing, the second a
   * number that carries its own minus sign, e.g. "+" and "11.4" */
  return g_strdup_printf (_("%s%s%%"), tenths > 0 ? "+" : "", number);
}

/**
 * quorum_amount_mul_hundredths:
 * @amount: an amount in hundredths
 * @factor_hundredths: a factor in hundredths (`100` is ×1)
 * @out: (out): amount × factor, rounded half away from zero to the hundredth
 *
 * Returns: %FALSE if the result is out of range
 */
gboolean
quorum_amount_mul_hundredths (gint64  amount,
                              gint64  factor_hundredths,
                              gint64 *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  /* Rounding can carry a product just below the limit onto it: the rounded
   * result is what is checked. */
  return mul_div_round (amount, factor_hundredths, 100, out);
}

/**
 * quorum_amount_percent_of:
 * @amount: an amount in hundredths
 * @percent_hundredths: a percentage in hundredths (`500` is 5%)
 * @out: (out): the percentage of @amount, rounded half away from zero
 *
 * Returns: %FALSE if the result is out of range
 */
gboolean
quorum_amount_percent_of (gint64  amount,
                          gint64  percent_hundredths,
                          gint64 *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  return mul_div_round (amount, percent_hundredths, 10000, out);
}

/**
 * quorum_amount_add:
 * @a: an amount
 * @b: an amount
 * @out: (out): a + b
 *
 * Adds two amounts. Every amount read is below 10^15 hundredths, so a sum
 * can only leave the 64-bit range after ~9000 such terms; this refuses it
 * rather than wrapping. It also refuses the last 10^15 hundredths before
 * that, so that an amount read minus a sum (a finding's difference) can
 * always be held.
 *
 * Returns: %FALSE on overflow
 */
gboolean
quorum_amount_add (gint64  a,
                   gint64  b,
                   gint64 *out)
{
  const gint64 limit = G_MAXINT64 - QUORUM_AMOUNT_LIMIT;
  gint64 sum;

  if (__builtin_add_overflow (a, b, &sum) || sum > limit || sum < -limit)
    return FALSE;
  *out = sum;
  return TRUE;
}

/* r × 10 mod d and its quotient, for r < d, without overflow. */
static guint
times_ten_mod (guint64  r,
               guint64  d,
               guint64 *rest)
{
  guint64 t = 0;
  guint digit = 0;

  for (int i = 0; i < 10; i++)
    {
      if (r >= d - t)
        {
          t -= d - r;
          digit++;
        }
      else
        t += r;
    }
  *rest = t;
  return digit;
}

/**
 * quorum_amount_ratio_percent:
 * @numerator: an amount
 * @denominator: an amount, not 0
 * @out: (out): @numerator as a percentage of @denominator, in hundredths
 *   of a percent, rounded half away from zero; clamped to the gint64 range
 *
 * Exact, by long division in 64 bits: no wider type, no floating point.
 *
 * Returns: %FALSE when @denominator is 0 (@out is left alone)
 */
gboolean
quorum_amount_ratio_percent (gint64  numerator,
                             gint64  denominator,
                             gint64 *out)
{
  gboolean negative = (numerator < 0) != (denominator < 0);
  guint64 n = numerator < 0 ? -(guint64) numerator : (guint64) numerator;
  guint64 d = denominator < 0 ? -(guint64) denominator : (guint64) denominator;
  guint64 q, r;
  gboolean overflow = FALSE;

  g_return_val_if_fail (out != NULL, FALSE);

  if (d == 0)
    return FALSE;
  q = n / d;
  r = n % d;
  /* Four decimal places: hundredths of a percent. */
  for (int i = 0; i < 4; i++)
    {
      guint digit = times_ten_mod (r, d, &r);

      overflow = overflow || __builtin_mul_overflow (q, 10, &q) ||
                 __builtin_add_overflow (q, digit, &q);
    }
  if (r >= d - r)
    overflow = overflow || __builtin_add_overflow (q, 1, &q);

  if (overflow || q > (guint64) G_MAXINT64)
    *out = negative ? G_MININT64 : G_MAXINT64;
  else
    *out = negative ? -(gint64) q : (gint64) q;
  return TRUE;
}
