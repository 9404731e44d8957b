/* cli-run.h: running quorum-cli as a process, for the cli tests
 *
 * The executable is $QUORUM_CLI. Every run has a time limit, so a hang is
 * a failure rather than a stuck test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  char **env;             /* the child's environment */
  int status;             /* exit status */
  char *out;
  char *err;
  gboolean done;
  gboolean timed_out;
} Run;

void      run_clear  (Run                *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

void      write_file (const char         *dir,
                      const char         *relpath,
                      const char         *content);
char     *make_tmp   (void);
void      run_init   (Run                *run);
void      run_setenv (Run                *run,
                      const char         *name,
                      const char         *value);
int       run_argv   (Run                *run,
                      const char * const *argv);
JsonNode *parse_json (const char         *text);

#define run_cli(run, ...) run_argv ((run), (const char * const []) { __VA_ARGS__, NULL })
