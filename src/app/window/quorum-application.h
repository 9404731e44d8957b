/* quorum-application.h: the Quorum application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_APPLICATION (quorum_application_get_type ())

G_DECLARE_FINAL_TYPE (QuorumApplication, quorum_application, QUORUM, APPLICATION,
                      AdwApplication)

QuorumApplication *quorum_application_new          (void);
GSettings         *quorum_application_get_settings (QuorumApplication *self);

G_END_DECLS
