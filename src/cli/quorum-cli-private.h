/* quorum-cli-private.h: what quorum-cli's command files share
 *
 * quorum-cli.c has main (), the options every command takes, the store
 * lookup and the exit codes; quorum-cli-output.c the one JSON writer and
 * the one text-table writer every command prints through; each command is
 * in quorum-cli-COMMAND.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>

#include "quorum-core.h"

G_BEGIN_DECLS

#define EXIT_OK     0
#define EXIT_ERRORS 1
#define EXIT_USAGE  2

/* quorum-cli.c: options, the store, errors */

int             cli_usage_error         (const char     *format,
                                         ...) G_GNUC_PRINTF (1, 2);
GOptionContext *cli_new_context         (const char     *parameters,
                                         GOptionEntry   *entries);
gboolean        cli_parse_options       (GOptionContext *context,
                                         int            *argc,
                                         char         ***argv);
gboolean        cli_parse_options_only  (GOptionContext *context,
                                         const char     *command,
                                         int            *argc,
                                         char         ***argv);
char           *cli_dup_store_path      (void);
QuorumStore    *cli_open_store          (void);
QuorumStore    *cli_open_store_for      (const char     *committee);
gboolean        cli_check_format        (const char     *format,
                                         gboolean       *json,
                                         int            *status);
guint           cli_print_problems      (QuorumStore    *store,
                                         const char     *only_file_basename);
QuorumBudgetDocument *cli_find_document (QuorumStore    *store,
                                         const char     *id);

/* quorum-cli-output.c: text that reaches a terminal */

char           *cli_escape              (const char     *text);
void            cli_print_error         (const char     *format,
                                         ...) G_GNUC_PRINTF (1, 2);
void            cli_print_row           (const char     *field,
                                         ...) G_GNUC_NULL_TERMINATED;

/* quorum-cli-output.c: JSON, built with a JsonBuilder */

JsonBuilder    *cli_json_new            (void);
void            cli_json_string         (JsonBuilder    *builder,
                                         const char     *member,
                                         const char     *value);
void            cli_json_amount         (JsonBuilder    *builder,
                                         const char     *member,
                                         gint64          amount);
void            cli_json_int            (JsonBuilder    *builder,
                                         const char     *member,
                                         gint64          value);
void            cli_json_boolean        (JsonBuilder    *builder,
                                         const char     *member,
                                         gboolean        value);
void            cli_json_null           (JsonBuilder    *builder,
                                         const char     *member);
void            cli_json_node           (JsonBuilder    *builder,
                                         const char     *member,
                                         JsonNode       *node);
void            cli_json_begin_object   (JsonBuilder    *builder,
                                         const char     *member);
void            cli_json_begin_array    (JsonBuilder    *builder,
                                         const char     *member);
void            cli_json_problems       (JsonBuilder    *builder,
                                         QuorumStore    *store);
void            cli_json_add_problems   (JsonBuilder    *builder,
                                         GListModel     *problems);
void            cli_json_print          (JsonBuilder    *builder);
JsonBuilder    *cli_json_new_list       (QuorumStore    *store,
                                         const char     *member);
void            cli_json_print_list     (JsonBuilder    *builder);

/* the commands */

int             cli_command_check         (int    argc,
                                           char **argv);
int             cli_command_export        (int    argc,
                                           char **argv);
int             cli_command_work_packages (int    argc,
                                           char **argv);
int             cli_command_decide        (int    argc,
                                           char **argv);
int             cli_command_sync          (int    argc,
                                           char **argv);
int             cli_command_publish_index (int    argc,
                                           char **argv);
int             cli_command_restore       (int    argc,
                                           char **argv);
int             cli_command_meetings      (int    argc,
                                           char **argv);
int             cli_command_actions       (int    argc,
                                           char **argv);
int             cli_command_calendar      (int    argc,
                                           char **argv);
int             cli_command_notes         (int    argc,
                                           char **argv);
int             cli_command_print         (int    argc,
                                           char **argv);
int             cli_command_pack          (int    argc,
                                           char **argv);

G_END_DECLS
