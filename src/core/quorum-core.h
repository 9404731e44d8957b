/* quorum-core.h: everything the app, the CLI and the tests use of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "quorum-amount.h"
#include "quorum-backup.h"
#include "quorum-budget-document.h"
#include "quorum-column.h"
#include "quorum-committee.h"
#include "quorum-decision.h"
#include "quorum-error.h"
#include "quorum-export.h"
#include "quorum-figure.h"
#include "quorum-finding.h"
#include "quorum-json.h"
#include "quorum-pressure-line.h"
#include "quorum-problem.h"
#include "quorum-row.h"
#include "quorum-store.h"
#include "quorum-store-layout.h"
#include "quorum-store-lock.h"
#include "quorum-store-monitor.h"
#include "quorum-sync.h"
#include "quorum-sync-item.h"
#include "quorum-table.h"
#include "quorum-value.h"
#include "quorum-work-package.h"
