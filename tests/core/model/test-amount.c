/* test-amount.c: exact amounts in 64-bit integers of hundredths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"

#include <string.h>

typedef struct
{
  const char *text;
  gint64 hundredths;
} Good;

static const Good good_amounts[] = {
  { "0", 0 },
  { "1", 100 },
  { "-1", -100 },
  { "7", 700 },
  { "1082102", 108210200 },
  { "1.5", 150 },
  { "602737.8", 60273780 },
  { "0.85", 85 },
  { "1.23", 123 },
  { "-0.05", -5 },
  { "0.10", 10 },
  /* trailing zeros carry no precision */
  { "1.230", 123 },
  { "1.2300000", 123 },
  { "5.000", 500 },
  { "0.000", 0 },
  /* exponents, exactly */
  { "1e3", 100000 },
  { "1E3", 100000 },
  { "1e+3", 100000 },
  { "1.5e1", 1500 },
  { "1e-2", 1 },
  { "123e-2", 123 },
  { "100e-4", 1 },
  { "0.001e1", 1 },
  { "-2.5e-1", -25 },
  { "0e99", 0 },
  { "0e-99", 0 },
  /* minus zero is zero */
  { "-0", 0 },
  { "-0.0", 0 },
  { "-0e5", 0 },
  /* the largest magnitudes allowed */
  { "9999999999999.99", G_GINT64_CONSTANT (999999999999999) },
  { "-9999999999999.99", G_GINT64_CONSTANT (-999999999999999) },
  { "9999999999999", G_GINT64_CONSTANT (999999999999900) },
  { "9.99999999999999e12", G_GINT64_CONSTANT (999999999999999) },
};

static void
test_parse_good (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (good_amounts); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = G_GINT64_CONSTANT (0x5555555555);
      gboolean ok;

      g_test_message ("parsing \"%s\"", good_amounts[i].text);
      ok = quorum_amount_parse (good_amounts[i].text, &value, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (value, ==, good_amounts[i].hundredths);
    }
}

typedef struct
{
  const char *text;
  const char *message;   /* a substring of the error message */
} Bad;

static const Bad bad_amounts[] = {
  /* more than two decimals */
  { "1.005", "more than two decimal places" },
  { "0.001", "more than two decimal places" },
  { "-0.001", "more than two decimal places" },
  { "0.125", "more than two decimal places" },
  { "1e-3", "more than two decimal places" },
  { "1.5e-2", "more than two decimal places" },
  { "12345.678", "more than two decimal places" },
  { "1e-99999999", "more than two decimal places" },
  /* magnitude of 10^13 or more */
  { "10000000000000", "too large" },
  { "-10000000000000", "too large" },
  { "1e13", "too large" },
  { "-1e13", "too large" },
  { "10000000000000.00", "too large" },
  { "0.1e14", "too large" },
  { "99999999999999999999999999", "too large" },
  { "1e99999999999", "too large" },
  /* not numbers at all */
  { "abc", "is not a number" },
  { "", "is not a number" },
  { "1.", "is not a number" },
  { ".5", "is not a number" },
  { "01", "is not a number" },
  { "-01", "is not a number" },
  { "+1", "is not a number" },
  { "1e", "is not a number" },
  { "1e+", "is not a number" },
  { "1E-", "is not a number" },
  { " 1", "is not a number" },
  { "1 ", "is not a number" },
  { "-", "is not a number" },
  { "--1", "is not a number" },
  { "1..2", "is not a number" },
  { "1.2.3", "is not a number" },
  { "1e5.5", "is not a number" },
  { "0x10", "is not a number" },
  { "1,5", "is not a number" },
  { "NaN", "is not a number" },
  { "Infinity", "is not a number" },
  { "1f", "is not a number" },
};

static void
test_parse_bad (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bad_amounts); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 4242;

      g_test_message ("parsing \"%s\"", bad_amounts[i].text);
      g_assert_false (quorum_amount_parse (bad_amounts[i].text, &value, &error));
      g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad_amounts[i].message));
      /* the text itself is named */
      if (*bad_amounts[i].text != '\0')
        g_assert_nonnull (strstr (error->message, bad_amounts[i].text));
      /* a failed parse leaves the output alone */
      g_assert_cmpint (value, ==, 4242);
    }
}

/* Long runs of digits never overflow a buffer and are judged by value. */
static void
test_parse_long (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  /* 0.000…0001: 200 zeros */
  g_string_append (text, "0.");
  for (int i = 0; i < 200; i++)
    g_string_append_c (text, '0');
  g_string_append_c (text, '1');
  g_assert_false (quorum_amount_parse (text->str, &value, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "more than two decimal places"));
  g_clear_error (&error);

  /* 1.000…000 is exactly 1.00, however many zeros are written */
  g_string_assign (text, "1.");
  for (int i = 0; i < 200; i++)
    g_string_append_c (text, '0');
  g_assert_true (quorum_amount_parse (text->str, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 100);

  /* 1000…000e-200 is exactly 1.00 too */
  g_string_assign (text, "1");
  for (int i = 0; i < 200; i++)
    g_string_append_c (text, '0');
  g_string_append (text, "e-200");
  g_assert_true (quorum_amount_parse (text->str, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 100);

  /* 0.000…00012e202 = 12.00 */
  g_string_assign (text, "0.");
  for (int i = 0; i < 200; i++)
    g_string_append_c (text, '0');
  g_string_append (text, "12e202");
  g_assert_true (quorum_amount_parse (text->str, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 1200);

  /* 200 significant digits: too large */
  g_string_assign (text, "");
  for (int i = 0; i < 200; i++)
    g_string_append_c (text, '1' + i % 9);
  g_assert_false (quorum_amount_parse (text->str, &value, &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "too large"));
}

typedef struct
{
  gint64 hundredths;
  const char *text;
} Formatted;

static void
test_format (void)
{
  static const Formatted cases[] = {
    { 0, "0.00" },
    { 5, "0.05" },
    { -5, "-0.05" },
    { 10, "0.10" },
    { -10, "-0.10" },
    { 100, "1.00" },
    { -100, "-1.00" },
    { 688804305, "6888043.05" },
    { -60273780, "-602737.80" },
    { G_GINT64_CONSTANT (999999999999999), "9999999999999.99" },
    { G_GINT64_CONSTANT (-999999999999999), "-9999999999999.99" },
    { G_MAXINT64, "92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08" },
    { G_MININT64 + 1, "-92233720368547758.07" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = quorum_amount_format (cases[i].hundredths);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Whatever is formatted parses back to the same amount. */
static void
test_format_round_trip (void)
{
  static const gint64 amounts[] = {
    0, 1, -1, 99, -99, 100, 12345, -12345, 60273780,
    G_GINT64_CONSTANT (999999999999999), G_GINT64_CONSTANT (-999999999999999),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = quorum_amount_format (amounts[i]);
      g_autoptr(GError) error = NULL;
      gint64 back = 0;

      g_assert_true (quorum_amount_parse (text, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, amounts[i]);
    }
}

typedef struct
{
  gint64 hundredths;
  const char *unit;
  const char *text;
} Displayed;

static void
test_format_display (void)
{
  static const Displayed cases[] = {
    { 0, "GBP", "£0" },
    { 0, NULL, "£0" },
    { 100, "GBP", "£1" },
    { 150, "GBP", "£1.50" },
    { 5, "GBP", "£0.05" },
    { -5, "GBP", "−£0.05" },
    { 99999, "GBP", "£999.99" },
    { 100000, "GBP", "£1,000" },
    { 123456789, "GBP", "£1,234,567.89" },
    { 688804305, NULL, "£6,888,043.05" },
    { -60273780, "GBP", "−£602,737.80" },
    { 100000000, "GBP", "£1,000,000" },
    { G_GINT64_CONSTANT (999999999999999), "GBP", "£9,999,999,999,999.99" },
    { 150, "fte", "1.5" },
    { 105, "fte", "1.05" },
    { 1200, "fte", "12" },
    { -250, "fte", "−2.5" },
    { 1200, "count", "12" },
    { 123456700, "count", "1,234,567" },
    { G_MININT64, "GBP", "−£92,233,720,368,547,758.08" },
    { G_MAXINT64, "count", "92,233,720,368,547,758.07" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = quorum_amount_format_display (cases[i].hundredths, cases[i].unit);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* A column of figures shows one precision: pence on every figure when one
 * has them, none when none has. */
static void
test_decimals (void)
{
  static const gint64 whole[] = { 26214800, 20280200, -318400 };
  static const gint64 pence[] = { 26214800, 22592150, -318400 };
  static const gint64 tenths[] = { 120, 150, 200 };
  static const gint64 hundredths[] = { 120, 105 };
  static const struct {
    gint64 amount;
    const char *unit;
    guint decimals;
    const char *text;
  } cases[] = {
    { 26214800, "GBP", 2, "£262,148.00" },
    { 22592150, "GBP", 2, "£225,921.50" },
    { -318400, "GBP", 2, "−£3,184.00" },
    { 26214800, "GBP", 0, "£262,148" },
    { 22592150, "GBP", 0, "£225,921.50" },   /* never rounded away */
    { 200, "fte", 1, "2.0" },
    { 105, "fte", 1, "1.05" },
    { 0, NULL, 2, "£0.00" },
    { 1200, "count", 3, "12.00" },           /* at most two */
  };

  g_assert_cmpuint (quorum_amount_decimals (whole, G_N_ELEMENTS (whole), "GBP"), ==, 0);
  g_assert_cmpuint (quorum_amount_decimals (pence, G_N_ELEMENTS (pence), "GBP"), ==, 2);
  g_assert_cmpuint (quorum_amount_decimals (pence, G_N_ELEMENTS (pence), NULL), ==, 2);
  g_assert_cmpuint (quorum_amount_decimals (tenths, G_N_ELEMENTS (tenths), "GBP"), ==, 2);
  g_assert_cmpuint (quorum_amount_decimals (tenths, G_N_ELEMENTS (tenths), "fte"), ==, 1);
  g_assert_cmpuint (quorum_amount_decimals (hundredths, G_N_ELEMENTS (hundredths), "fte"),
                    ==, 2);
  g_assert_cmpuint (quorum_amount_decimals (NULL, 0, "GBP"), ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = quorum_amount_format_decimals (cases[i].amount, cases[i].unit,
                                                             cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Every percentage has one decimal, rounded half away from zero. */
static void
test_format_percent (void)
{
  static const struct {
    gint64 hundredths;
    const char *text;
  } cases[] = {
    { -800, "−8.0%" },
    { -120, "−1.2%" },
    { 1140, "+11.4%" },
    { 1145, "+11.5%" },
    { -1145, "−11.5%" },
    { 1144, "+11.4%" },
    { 0, "0.0%" },
    { 4, "0.0%" },
    { -4, "0.0%" },
    { 5, "+0.1%" },
    { 100000, "+1,000.0%" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = quorum_amount_format_percent (cases[i].hundredths);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

typedef struct
{
  gint64 amount;
  gint64 factor;
  gint64 result;
} Product;

static void
test_percent_of (void)
{
  static const Product cases[] = {
    /* 5% of 0.10 is 0.005, which rounds away from zero to 0.01 */
    { 10, 500, 1 },
    { -10, 500, -1 },
    /* 5% of 0.08 is 0.004: down */
    { 8, 500, 0 },
    { -8, 500, 0 },
    /* 5% of 0.30 is 0.015: away from zero */
    { 30, 500, 2 },
    { -30, 500, -2 },
    /* 5% of 7951892.00 is 397594.60 */
    { 795189200, 500, 39759460 },
    /* 5% of 7752741.00 is 387637.05 */
    { 775274100, 500, 38763705 },
    /* 2.5% of 100.00 */
    { 10000, 250, 250 },
    /* 100%, 0%, −10% */
    { 12345, 10000, 12345 },
    { 12345, 0, 0 },
    { 12345, -1000, -1235 },
    { 0, 500, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 out = 777;

      g_assert_true (quorum_amount_percent_of (cases[i].amount, cases[i].factor, &out));
      g_assert_cmpint (out, ==, cases[i].result);
    }
}

static void
test_mul_hundredths (void)
{
  static const Product cases[] = {
    /* × 1 */
    { 12345, 100, 12345 },
    /* 12 meetings at £1,000 */
    { 1200, 100000, 1200000 },
    /* −10% of 6027378.00 is −602737.80 */
    { 602737800, -10, -60273780 },
    /* −10% of 5533122.00 is −553312.20 */
    { 553312200, -10, -55331220 },
    /* 0.05 × 0.1 = 0.005: away from zero */
    { 5, 10, 1 },
    { -5, 10, -1 },
    { 5, -10, -1 },
    { -5, -10, 1 },
    /* 0.04 × 0.1 = 0.004: towards zero */
    { 4, 10, 0 },
    { -4, 10, 0 },
    /* 0.15 × 0.5 = 0.075 → 0.08 */
    { 15, 50, 8 },
    { -15, 50, -8 },
    { 0, -10, 0 },
    { 12345, 0, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 out = 777;

      g_assert_true (quorum_amount_mul_hundredths (cases[i].amount, cases[i].factor, &out));
      g_assert_cmpint (out, ==, cases[i].result);
    }
}

static void
test_out_of_range (void)
{
  gint64 out = 777;

  /* Results of 10^13 or more are refused, never wrapped. */
  g_assert_false (quorum_amount_mul_hundredths (G_MAXINT64, 200, &out));
  g_assert_false (quorum_amount_mul_hundredths (G_MININT64, 200, &out));
  g_assert_false (quorum_amount_mul_hundredths (QUORUM_AMOUNT_LIMIT, 100, &out));
  g_assert_false (quorum_amount_mul_hundredths (-QUORUM_AMOUNT_LIMIT, 100, &out));
  g_assert_false (quorum_amount_percent_of (G_MAXINT64, 10000, &out));
  g_assert_false (quorum_amount_percent_of (QUORUM_AMOUNT_LIMIT, 10000, &out));
  g_assert_cmpint (out, ==, 777);

  /* The largest amount held is kept … */
  g_assert_true (quorum_amount_mul_hundredths (QUORUM_AMOUNT_LIMIT - 1, 100, &out));
  g_assert_cmpint (out, ==, QUORUM_AMOUNT_LIMIT - 1);
  g_assert_true (quorum_amount_percent_of (QUORUM_AMOUNT_LIMIT - 1, 10000, &out));
  g_assert_cmpint (out, ==, QUORUM_AMOUNT_LIMIT - 1);

  /* … but one that only reaches 10^13 by rounding is refused too:
   * 19999999999999.99 × 0.5 = 9999999999999.995 → 10000000000000.00 */
  out = 777;
  g_assert_false (quorum_amount_mul_hundredths (2 * QUORUM_AMOUNT_LIMIT - 1, 50, &out));
  g_assert_false (quorum_amount_mul_hundredths (-(2 * QUORUM_AMOUNT_LIMIT - 1), 50, &out));
  g_assert_false (quorum_amount_percent_of (2 * QUORUM_AMOUNT_LIMIT - 1, 5000, &out));
  g_assert_false (quorum_amount_percent_of (-(2 * QUORUM_AMOUNT_LIMIT - 1), 5000, &out));
  g_assert_cmpint (out, ==, 777);
  /* 19999999999999.97 × 0.5 = 9999999999999.985 → 9999999999999.99 */
  g_assert_true (quorum_amount_mul_hundredths (2 * QUORUM_AMOUNT_LIMIT - 3, 50, &out));
  g_assert_cmpint (out, ==, QUORUM_AMOUNT_LIMIT - 1);
}

/* Products beyond 64 bits are computed exactly or refused, never wrapped:
 * (10^15 − 1) × 9999 ≈ 10^19 is past G_MAXINT64, yet × 99.99% fits. */
static void
test_overflow (void)
{
  gint64 out = 777;

  g_assert_true (quorum_amount_percent_of (QUORUM_AMOUNT_LIMIT - 1, 9999, &out));
  g_assert_cmpint (out, ==, G_GINT64_CONSTANT (999899999999999));
  g_assert_true (quorum_amount_percent_of (-(QUORUM_AMOUNT_LIMIT - 1), 9999, &out));
  g_assert_cmpint (out, ==, -G_GINT64_CONSTANT (999899999999999));
  g_assert_true (quorum_amount_percent_of (QUORUM_AMOUNT_LIMIT - 1, -9999, &out));
  g_assert_cmpint (out, ==, -G_GINT64_CONSTANT (999899999999999));
  g_assert_true (quorum_amount_percent_of (0, G_MAXINT64, &out));
  g_assert_cmpint (out, ==, 0);
  g_assert_true (quorum_amount_mul_hundredths (G_MININT64, 0, &out));
  g_assert_cmpint (out, ==, 0);
  /* 0.01 × 92233720368547758.07% = 922337203685477.5807 → …478 */
  g_assert_true (quorum_amount_percent_of (1, G_MAXINT64, &out));
  g_assert_cmpint (out, ==, G_GINT64_CONSTANT (922337203685478));
  g_assert_true (quorum_amount_percent_of (-1, G_MAXINT64, &out));
  g_assert_cmpint (out, ==, -G_GINT64_CONSTANT (922337203685478));

  out = 777;
  g_assert_false (quorum_amount_percent_of (QUORUM_AMOUNT_LIMIT - 1, 10001, &out));
  g_assert_false (quorum_amount_percent_of (G_MAXINT64, G_MAXINT64, &out));
  g_assert_false (quorum_amount_percent_of (G_MININT64, G_MININT64, &out));
  g_assert_false (quorum_amount_percent_of (G_MININT64, G_MAXINT64, &out));
  g_assert_false (quorum_amount_mul_hundredths (G_MININT64, -1, &out));
  g_assert_false (quorum_amount_mul_hundredths (-1, G_MININT64, &out));
  g_assert_false (quorum_amount_mul_hundredths (G_MAXINT64, G_MAXINT64, &out));
  g_assert_false (quorum_amount_mul_hundredths (G_GINT64_CONSTANT (4294967296),
                                                G_GINT64_CONSTANT (4294967296), &out));
  g_assert_cmpint (out, ==, 777);
}

/* Exact percentages by long division, past where n × 10^4 fits 64 bits. */
static void
test_ratio_percent (void)
{
  const struct { gint64 n, d, result; } cases[] = {
    { 1, 3, 3333 },
    { 2, 3, 6667 },
    { -1, 3, -3333 },
    { 1, -3, -3333 },
    { -5, 200, -250 },
    { 1, 20000, 1 },          /* 0.5 of a hundredth: half away from zero */
    { -1, 20000, -1 },
    { 12345, -6789, -18184 },
    { 1, 2 * QUORUM_AMOUNT_LIMIT, 0 },
    { QUORUM_AMOUNT_LIMIT - 1, QUORUM_AMOUNT_LIMIT - 2, 10000 },
    { QUORUM_AMOUNT_LIMIT - 1, 7, G_GINT64_CONSTANT (1428571428571427143) },
    { QUORUM_AMOUNT_LIMIT, 1, G_MAXINT64 },           /* clamped */
    { -QUORUM_AMOUNT_LIMIT, 1, G_MININT64 },
    { G_MININT64, -1, G_MAXINT64 },
  };
  gint64 out = 777;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (quorum_amount_ratio_percent (cases[i].n, cases[i].d, &out));
      g_assert_cmpint (out, ==, cases[i].result);
    }
  out = 777;
  g_assert_false (quorum_amount_ratio_percent (5, 0, &out));
  g_assert_cmpint (out, ==, 777);
}

static void
test_add (void)
{
  gint64 out = 0;

  const gint64 largest = G_MAXINT64 - QUORUM_AMOUNT_LIMIT;

  g_assert_true (quorum_amount_add (150, -275, &out));
  g_assert_cmpint (out, ==, -125);
  g_assert_true (quorum_amount_add (G_MININT64, G_MAXINT64, &out));
  g_assert_cmpint (out, ==, -1);

  /* sums stay 10^15 hundredths inside the 64-bit range, so that an amount
   * read minus a sum can always be held */
  g_assert_true (quorum_amount_add (largest - 1, 1, &out));
  g_assert_cmpint (out, ==, largest);
  g_assert_true (quorum_amount_add (-largest + 1, -1, &out));
  g_assert_cmpint (out, ==, -largest);

  out = 5;
  g_assert_false (quorum_amount_add (largest, 1, &out));
  g_assert_false (quorum_amount_add (-largest, -1, &out));
  g_assert_false (quorum_amount_add (G_MAXINT64, 1, &out));
  g_assert_false (quorum_amount_add (G_MININT64, -1, &out));
  g_assert_cmpint (out, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/amount/parse/good", test_parse_good);
  g_test_add_func ("/amount/parse/bad", test_parse_bad);
  g_test_add_func ("/amount/parse/long", test_parse_long);
  g_test_add_func ("/amount/format", test_format);
  g_test_add_func ("/amount/format/round-trip", test_format_round_trip);
  g_test_add_func ("/amount/format-display", test_format_display);
  g_test_add_func ("/amount/decimals", test_decimals);
  g_test_add_func ("/amount/format-percent", test_format_percent);
  g_test_add_func ("/amount/percent-of", test_percent_of);
  g_test_add_func ("/amount/mul-hundredths", test_mul_hundredths);
  g_test_add_func ("/amount/out-of-range", test_out_of_range);
  g_test_add_func ("/amount/overflow", test_overflow);
  g_test_add_func ("/amount/ratio-percent", test_ratio_percent);
  g_test_add_func ("/amount/add", test_add);

  return g_test_run ();
}
