/* main.c: the quorum application's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>

#include "quorum-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(QuorumApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, QUORUM_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = quorum_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
