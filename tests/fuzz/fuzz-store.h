/* fuzz-store.h: the fuzzing entry point, shared by the fuzzer and the replay test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int quorum_fuzz_store_one_input (const guint8 *data,
                                 gsize         size);

G_END_DECLS
