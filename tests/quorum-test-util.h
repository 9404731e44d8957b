/* quorum-test-util.h: helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char      *quorum_test_dq                (const char         *text);
void       quorum_test_write_file        (const char         *dir,
                                          const char         *relpath,
                                          const char         *content,
                                          gssize              length);
void       quorum_test_rm_rf             (const char         *path);
GPtrArray *quorum_test_read_expected     (const char * const *document_ids);
void       quorum_test_assert_same_lines (GPtrArray          *got,
                                          GPtrArray          *expected);

G_END_DECLS
