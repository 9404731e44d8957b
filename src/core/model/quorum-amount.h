/* quorum-amount.h: exact amounts in 64-bit integers of hundredths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Magnitudes of 10^13 units (10^15 hundredths) or more are refused. */
#define QUORUM_AMOUNT_LIMIT G_GINT64_CONSTANT (1000000000000000)

gboolean  quorum_amount_parse            (const char  *text,
                                          gint64      *out_hundredths,
                                          GError     **error);
char     *quorum_amount_format           (gint64       hundredths);
char     *quorum_amount_format_display   (gint64       hundredths,
                                          const char  *unit);
guint     quorum_amount_decimals         (const gint64 *amounts,
                                          gsize        n_amounts,
                                          const char  *unit);
char     *quorum_amount_format_decimals  (gint64       hundredths,
                                          const char  *unit,
                                          guint        decimals);
char     *quorum_amount_format_percent   (gint64       hundredths);
gboolean  quorum_amount_mul_hundredths   (gint64       amount,
                                          gint64       factor_hundredths,
                                          gint64      *out);
gboolean  quorum_amount_percent_of       (gint64       amount,
                                          gint64       percent_hundredths,
                                          gint64      *out);
gboolean  quorum_amount_add              (gint64       a,
                                          gint64       b,
                                          gint64      *out);
gboolean  quorum_amount_ratio_percent    (gint64       numerator,
                                          gint64       denominator,
                                          gint64      *out);

G_END_DECLS
