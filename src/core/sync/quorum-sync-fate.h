/* quorum-sync-fate.h: what a sync does with one file, decided from what
 * is known of it, without any I/O
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * QuorumSyncFacts:
 * @local_present: the file exists in the local store
 * @local_sha256: (nullable): its SHA-256 (lowercase hex) when it was read;
 *   needed for a file the remote lists
 * @synced: the record of the last sync (sync-state.json, for this remote)
 *   has the file
 * @synced_etag: (nullable): the ETag that sync saw
 * @synced_sha256: (nullable): the SHA-256 of what that sync left here
 * @listed: the remote's listing has the file
 * @remote_etag: (nullable): its ETag in a WebDAV listing
 * @remote_sha256: (nullable): its SHA-256 in index.json
 * @remote_size: its size in the listing, or -1
 * @is_decision: a decision (`decisions/WP/ID.json`): append-only
 * @in_outbox: a decision made here with an outbox marker, still to send
 * @dry_run: say what would be done instead of doing it
 *
 * What is known of one file before any request about it.
 */
typedef struct
{
  gboolean    local_present;
  const char *local_sha256;
  gboolean    synced;
  const char *synced_etag;
  const char *synced_sha256;
  gboolean    listed;
  const char *remote_etag;
  const char *remote_sha256;
  gint64      remote_size;
  gboolean    is_decision;
  gboolean    in_outbox;
  gboolean    dry_run;
} QuorumSyncFacts;

/**
 * QuorumSyncFate:
 * @QUORUM_SYNC_FATE_LOCAL_ONLY: not on the remote and never synced (a
 *   decision still to send, say): nothing to pull, nothing to report
 * @QUORUM_SYNC_FATE_PUSH: a decision made here and awaiting sync: the push
 *   reports it (sent, already there, or a conflict), not the pull
 * @QUORUM_SYNC_FATE_KEEP: unchanged on both sides by the listing (the same
 *   SHA-256, or the same ETag as last time while the local copy is what
 *   that sync wrote): kept without a request
 * @QUORUM_SYNC_FATE_FETCH: GET it, unconditionally
 * @QUORUM_SYNC_FATE_REVALIDATE: GET it with If-None-Match: the ETag of the
 *   last sync (the local copy is untouched since), 304 meaning unchanged
 * @QUORUM_SYNC_FATE_WOULD_FETCH: a dry run: it would be fetched
 * @QUORUM_SYNC_FATE_CONFLICT: a dry run: a decision that differs on both
 *   sides, which is never replaced
 * @QUORUM_SYNC_FATE_REMOVED_REMOTELY: synced before and no longer listed:
 *   reported, forgotten by the record, and kept here (Quorum never removes
 *   a local file)
 */
typedef enum
{
  QUORUM_SYNC_FATE_LOCAL_ONLY,
  QUORUM_SYNC_FATE_PUSH,
  QUORUM_SYNC_FATE_KEEP,
  QUORUM_SYNC_FATE_FETCH,
  QUORUM_SYNC_FATE_REVALIDATE,
  QUORUM_SYNC_FATE_WOULD_FETCH,
  QUORUM_SYNC_FATE_CONFLICT,
  QUORUM_SYNC_FATE_REMOVED_REMOTELY,
} QuorumSyncFate;

QuorumSyncFate  quorum_sync_decide_fate    (const QuorumSyncFacts *facts);
const char     *quorum_sync_fate_to_string (QuorumSyncFate         fate);
gboolean        quorum_sync_etags_match    (const char            *a,
                                            const char            *b);

G_END_DECLS
