/* quorum-sync-fate.c: what a sync does with one file
 *
 * The decision of docs/sync.md ("Pull"), apart from the requests that
 * carry it out, so that it can be tested without a server: given what the
 * local store, the record of the last sync and the remote's listing say of
 * a file, what is to be done with it. No I/O here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-sync-fate.h"

/* The listing alone shows the file unchanged: the same checksum as the
 * local copy (index.json), or the same ETag as at the last sync while the
 * local copy is still what that sync wrote (WebDAV). */
static gboolean
unchanged_by_listing (const QuorumSyncFacts *facts,
                      gboolean               local_untouched)
{
  if (facts->remote_sha256 != NULL && g_strcmp0 (facts->remote_sha256, facts->local_sha256) == 0)
    return TRUE;
  return facts->remote_etag != NULL && local_untouched &&
         quorum_sync_etags_match (facts->remote_etag, facts->synced_etag);
}

/**
 * quorum_sync_etags_match:
 *
 * RFC 9110's weak comparison, for deciding that a file is unchanged:
 * `W/"x"` matches `"x"` (Apache httpd serves a file changed within the
 * last second with a weak ETag, and the same tag strong later).
 *
 * Returns: whether @a and @b name the same version
 */
gboolean
quorum_sync_etags_match (const char *a,
                         const char *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (g_str_has_prefix (a, "W/"))
    a += 2;
  if (g_str_has_prefix (b, "W/"))
    b += 2;
  return g_str_equal (a, b);
}

/**
 * quorum_sync_decide_fate:
 * @facts: what is known of one file
 *
 * Returns: what the sync is to do with it
 */
QuorumSyncFate
quorum_sync_decide_fate (const QuorumSyncFacts *facts)
{
  gboolean local_untouched;

  g_return_val_if_fail (facts != NULL, QUORUM_SYNC_FATE_LOCAL_ONLY);

  if (!facts->listed)
    return facts->local_present && facts->synced ? QUORUM_SYNC_FATE_REMOVED_REMOTELY
                                                 : QUORUM_SYNC_FATE_LOCAL_ONLY;

  /* A decision made here and still to be sent is the push's business: it
   * reports it once, sent, already there, or in conflict. */
  if (facts->is_decision && facts->local_sha256 != NULL && facts->in_outbox)
    return QUORUM_SYNC_FATE_PUSH;

  local_untouched = facts->local_sha256 != NULL &&
                    g_strcmp0 (facts->local_sha256, facts->synced_sha256) == 0;
  if (unchanged_by_listing (facts, local_untouched))
    return QUORUM_SYNC_FATE_KEEP;
  if (facts->dry_run)
    return facts->is_decision && facts->local_sha256 != NULL ? QUORUM_SYNC_FATE_CONFLICT
                                                             : QUORUM_SYNC_FATE_WOULD_FETCH;
  if (local_untouched && facts->synced_etag != NULL)
    return QUORUM_SYNC_FATE_REVALIDATE;
  return QUORUM_SYNC_FATE_FETCH;
}

/**
 * quorum_sync_fate_to_string:
 *
 * Returns: the fate's name, for messages and tests (`keep`, `fetch`…)
 */
const char *
quorum_sync_fate_to_string (QuorumSyncFate fate)
{
  switch (fate)
    {
    case QUORUM_SYNC_FATE_LOCAL_ONLY: return "local-only";
    case QUORUM_SYNC_FATE_PUSH: return "push";
    case QUORUM_SYNC_FATE_KEEP: return "keep";
    case QUORUM_SYNC_FATE_FETCH: return "fetch";
    case QUORUM_SYNC_FATE_REVALIDATE: return "revalidate";
    case QUORUM_SYNC_FATE_WOULD_FETCH: return "would-fetch";
    case QUORUM_SYNC_FATE_CONFLICT: return "conflict";
    case QUORUM_SYNC_FATE_REMOVED_REMOTELY: return "removed-remotely";
    default: return "unknown";
    }
}
