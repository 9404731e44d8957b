/* quorum-test-servers.h: real web servers on 127.0.0.1 for the sync tests
 *
 * A test CA made with the openssl command, Apache httpd serving a folder
 * over WebDAV (TLS, Basic auth) and nginx serving one statically (TLS,
 * read-only), each with its own configuration in a temporary folder.
 * See "Test servers" in HACKING.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The test CA -------------------------------------------------------------- */

typedef struct _QuorumTestCa QuorumTestCa;

QuorumTestCa     *quorum_test_ca_new                   (const char        *dir,
                                                        GError           **error);
const char       *quorum_test_ca_get_dir               (QuorumTestCa      *ca);
const char       *quorum_test_ca_get_ca_file           (QuorumTestCa      *ca);
const char       *quorum_test_ca_get_server_cert       (QuorumTestCa      *ca);
const char       *quorum_test_ca_get_server_key        (QuorumTestCa      *ca);
const char       *quorum_test_ca_get_untrusted_cert    (QuorumTestCa      *ca);
const char       *quorum_test_ca_get_untrusted_key     (QuorumTestCa      *ca);
void              quorum_test_ca_free                  (QuorumTestCa      *ca);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumTestCa, quorum_test_ca_free)

/* The servers -------------------------------------------------------------- */

typedef struct _QuorumTestServer QuorumTestServer;

gboolean          quorum_test_skip_without_apache      (void);
gboolean          quorum_test_skip_without_nginx       (void);

QuorumTestServer *quorum_test_apache_start             (const char        *document_root,
                                                        QuorumTestCa      *ca,
                                                        const char        *user,
                                                        const char        *password,
                                                        gboolean           untrusted_cert,
                                                        GError           **error);
QuorumTestServer *quorum_test_nginx_start              (const char        *document_root,
                                                        QuorumTestCa      *ca,
                                                        GError           **error);

const char       *quorum_test_server_get_url           (QuorumTestServer  *server);
guint16           quorum_test_server_get_port          (QuorumTestServer  *server);
GPid              quorum_test_server_get_pid           (QuorumTestServer  *server);
const char       *quorum_test_server_get_document_root (QuorumTestServer  *server);
const char       *quorum_test_server_get_dir           (QuorumTestServer  *server);
const char       *quorum_test_server_get_error_log     (QuorumTestServer  *server);
gboolean          quorum_test_server_is_running        (QuorumTestServer  *server);

void              quorum_test_server_stop              (QuorumTestServer  *server);
void              quorum_test_server_kill              (QuorumTestServer  *server);
gboolean          quorum_test_server_restart           (QuorumTestServer  *server,
                                                        GError           **error);
void              quorum_test_server_free              (QuorumTestServer  *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuorumTestServer, quorum_test_server_free)

/* Document roots and trees ------------------------------------------------- */

gboolean          quorum_test_copy_tree                (const char        *source,
                                                        const char        *dest,
                                                        GError           **error);
gboolean          quorum_test_fix_served_permissions   (const char        *path,
                                                        GError           **error);
void              quorum_test_write_served_file        (const char        *document_root,
                                                        const char        *relpath,
                                                        const char        *content,
                                                        gssize             length);

GHashTable       *quorum_test_tree_checksums           (const char        *dir);
void              quorum_test_assert_same_tree         (GHashTable        *before,
                                                        GHashTable        *after);

G_END_DECLS
