/* test-sync-fate.c: what a sync does with one file, without a server
 *
 * quorum_sync_decide_fate() is the pull's decision of docs/sync.md: one
 * row per branch of it, each a file as the local store, the record of the
 * last sync and the remote's listing see it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define ETAG_1 "\"1-abc\""
#define ETAG_2 "\"2-def\""
#define WEAK_ETAG_1 "W/\"1-abc\""

typedef struct
{
  const char *name;
  QuorumSyncFacts facts;
  QuorumSyncFate expected;
} Case;

static const Case cases[] = {
  /* Not listed by the remote. */
  { "synced before, gone from the remote: kept, reported",
    { .local_present = TRUE, .synced = TRUE, .synced_etag = ETAG_1, .synced_sha256 = SHA_A,
      .remote_size = -1 },
    QUORUM_SYNC_FATE_REMOVED_REMOTELY },
  { "gone from the remote, in a dry run: reported all the same",
    { .local_present = TRUE, .synced = TRUE, .remote_size = -1, .dry_run = TRUE },
    QUORUM_SYNC_FATE_REMOVED_REMOTELY },
  { "never synced and not on the remote: local only",
    { .local_present = TRUE, .remote_size = -1 },
    QUORUM_SYNC_FATE_LOCAL_ONLY },
  { "a decision made here, never synced: local only (the push sends it)",
    { .local_present = TRUE, .local_sha256 = SHA_A, .is_decision = TRUE, .in_outbox = TRUE,
      .remote_size = -1 },
    QUORUM_SYNC_FATE_LOCAL_ONLY },
  { "in the record, gone on both sides: nothing",
    { .synced = TRUE, .synced_sha256 = SHA_A, .remote_size = -1 },
    QUORUM_SYNC_FATE_LOCAL_ONLY },

  /* A decision awaiting sync. */
  { "a decision awaiting sync that the remote lists: the push's business",
    { .local_present = TRUE, .local_sha256 = SHA_A, .listed = TRUE, .remote_etag = ETAG_1,
      .remote_size = 10, .is_decision = TRUE, .in_outbox = TRUE },
    QUORUM_SYNC_FATE_PUSH },
  { "a decision awaiting sync, in a dry run: still the push's",
    { .local_present = TRUE, .local_sha256 = SHA_A, .listed = TRUE, .remote_etag = ETAG_1,
      .remote_size = 10, .is_decision = TRUE, .in_outbox = TRUE, .dry_run = TRUE },
    QUORUM_SYNC_FATE_PUSH },
  { "an outbox marker without its decision here: fetched",
    { .listed = TRUE, .remote_etag = ETAG_1, .remote_size = 10, .is_decision = TRUE,
      .in_outbox = TRUE },
    QUORUM_SYNC_FATE_FETCH },
  { "not a decision: an outbox marker means nothing",
    { .local_present = TRUE, .local_sha256 = SHA_A, .listed = TRUE, .remote_sha256 = SHA_B,
      .remote_size = 10, .in_outbox = TRUE },
    QUORUM_SYNC_FATE_FETCH },

  /* Unchanged by the listing: no request. */
  { "index.json: the same SHA-256 as the local copy",
    { .local_present = TRUE, .local_sha256 = SHA_A, .listed = TRUE, .remote_sha256 = SHA_A,
      .remote_size = 10 },
    QUORUM_SYNC_FATE_KEEP },
  { "index.json: the same SHA-256, in a dry run",
    { .local_present = TRUE, .local_sha256 = SHA_A, .listed = TRUE, .remote_sha256 = SHA_A,
      .remote_size = 10, .dry_run = TRUE },
    QUORUM_SYNC_FATE_KEEP },
  { "index.json: the same SHA-256 for a decision here (not awaiting sync)",
    { .local_present = TRUE, .local_sha256 = SHA_A, .listed = TRUE, .remote_sha256 = SHA_A,
      .remote_size = 10, .is_decision = TRUE },
    QUORUM_SYNC_FATE_KEEP },
  { "WebDAV: the same ETag as last time, the local copy as that sync left it",
    { .local_present = TRUE, .local_sha256 = SHA_A, .synced = TRUE, .synced_etag = ETAG_1,
      .synced_sha256 = SHA_A, .listed = TRUE, .remote_etag = ETAG_1, .remote_size = 10 },
    QUORUM_SYNC_FATE_KEEP },
  { "WebDAV: the same ETag made weak (Apache, a file changed within the second)",
    { .local_present = TRUE, .local_sha256 = SHA_A, .synced = TRUE, .synced_etag = ETAG_1,
      .synced_sha256 = SHA_A, .listed = TRUE, .remote_etag = WEAK_ETAG_1, .remote_size = 10 },
    QUORUM_SYNC_FATE_KEEP },
  { "WebDAV: a weak ETag last time, the same one strong now",
    { .local_present = TRUE, .local_sha256 = SHA_A, .synced = TRUE,
      .synced_etag = WEAK_ETAG_1, .synced_sha256 = SHA_A, .listed = TRUE,
      .remote_etag = ETAG_1, .remote_size = 10 },
    QUORUM_SYNC_FATE_KEEP },

  /* Fetched, conditionally or not. */
  { "WebDAV: the same ETag, but the local copy was changed since",
    { .local_present = TRUE, .local_sha256 = SHA_B, .synced = TRUE, .synced_etag = ETAG_1,
      .synced_sha256 = SHA_A, .listed = TRUE, .remote_etag = ETAG_1, .remote_size = 10 },
    QUORUM_SYNC_FATE_FETCH },
  { "WebDAV: a new ETag, the local copy untouched: If-None-Match",
    { .local_present = TRUE, .local_sha256 = SHA_A, .synced = TRUE, .synced_etag = ETAG_1,
      .synced_sha256 = SHA_A, .listed = TRUE, .remote_etag = ETAG_2, .remote_size = 10 },
    QUORUM_SYNC_FATE_REVALIDATE },
  { "WebDAV: a new ETag, weak: still If-None-Match (weak compare is by tag only)",
    { .local_present = TRUE, .local_sha256 = SHA_A, .synced = TRUE, .synced_etag = ETAG_1,
      .synced_sha256 = SHA_A, .listed = TRUE, .remote_etag = "W/" ETAG_2, .remote_size = 10 },
    QUORUM_SYNC_FATE_REVALIDATE },
  { "no ETag in the listing, the local copy untouched: If-None-Match",
    { .local_present = TRUE, .local_sha256 = SHA_A, .synced = TRUE, .synced_etag = ETAG_1,
      .synced_sha256 = SHA_A, .listed = TRUE, .remote_size = 10 },
    QUORUM_SYNC_FATE_REVALIDATE },
  { "untouched since the last sync, which saw no ETag: a plain GET",
    { .local_present = TRUE, .local_sha256 = SHA_A, .synced = TRUE, .synced_sha256 = SHA_A,
      .listed = TRUE, .remote_etag = ETAG_2, .remote_size = 10 },
    QUORUM_SYNC_FATE_FETCH },
  { "index.json: a different SHA-256",
    { .local_present = TRUE, .local_sha256 = SHA_A, .synced = TRUE, .synced_sha256 = SHA_A,
      .listed = TRUE, .remote_sha256 = SHA_B, .remote_size = 10 },
    QUORUM_SYNC_FATE_FETCH },
  { "not here yet",
    { .listed = TRUE, .remote_etag = ETAG_1, .remote_size = 10 },
    QUORUM_SYNC_FATE_FETCH },
  { "not here, though the record has it (removed locally): fetched again",
    { .synced = TRUE, .synced_etag = ETAG_1, .synced_sha256 = SHA_A, .listed = TRUE,
      .remote_etag = ETAG_1, .remote_size = 10 },
    QUORUM_SYNC_FATE_FETCH },
  { "a decision here, different on the remote: fetched to compare",
    { .local_present = TRUE, .local_sha256 = SHA_A, .listed = TRUE, .remote_sha256 = SHA_B,
      .remote_size = 10, .is_decision = TRUE },
    QUORUM_SYNC_FATE_FETCH },

  /* A dry run says what it would do. */
  { "dry run: a changed file would be fetched",
    { .local_present = TRUE, .local_sha256 = SHA_A, .listed = TRUE, .remote_sha256 = SHA_B,
      .remote_size = 10, .dry_run = TRUE },
    QUORUM_SYNC_FATE_WOULD_FETCH },
  { "dry run: a new decision would be fetched",
    { .listed = TRUE, .remote_etag = ETAG_1, .remote_size = 10, .is_decision = TRUE,
      .dry_run = TRUE },
    QUORUM_SYNC_FATE_WOULD_FETCH },
  { "dry run: a decision different on both sides is a conflict",
    { .local_present = TRUE, .local_sha256 = SHA_A, .listed = TRUE, .remote_sha256 = SHA_B,
      .remote_size = 10, .is_decision = TRUE, .dry_run = TRUE },
    QUORUM_SYNC_FATE_CONFLICT },
  { "dry run: untouched with a new ETag would be fetched, not revalidated",
    { .local_present = TRUE, .local_sha256 = SHA_A, .synced = TRUE, .synced_etag = ETAG_1,
      .synced_sha256 = SHA_A, .listed = TRUE, .remote_etag = ETAG_2, .remote_size = 10,
      .dry_run = TRUE },
    QUORUM_SYNC_FATE_WOULD_FETCH },
};

static void
test_fate_case (gconstpointer data)
{
  const Case *c = data;
  QuorumSyncFate fate = quorum_sync_decide_fate (&c->facts);

  g_test_message ("%s", c->name);
  g_assert_cmpstr (quorum_sync_fate_to_string (fate), ==,
                   quorum_sync_fate_to_string (c->expected));
  g_assert_cmpint (fate, ==, c->expected);
}

/* Every fate is reached by some row above, and each has a name of its own. */
static void
test_fate_coverage (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean reached[QUORUM_SYNC_FATE_REMOVED_REMOTELY + 1] = { FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    reached[quorum_sync_decide_fate (&cases[i].facts)] = TRUE;
  for (guint fate = 0; fate <= QUORUM_SYNC_FATE_REMOVED_REMOTELY; fate++)
    {
      const char *name = quorum_sync_fate_to_string (fate);

      g_assert_true (reached[fate]);
      g_assert_cmpstr (name, !=, "unknown");
      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, (gpointer) name);
    }
}

/* RFC 9110 section 8.8.3.2's table of weak comparison. */
static void
test_etags_weak_compare (void)
{
  g_assert_false (quorum_sync_etags_match ("W/\"1\"", "W/\"2\""));
  g_assert_true (quorum_sync_etags_match ("W/\"1\"", "W/\"1\""));
  g_assert_false (quorum_sync_etags_match ("W/\"1\"", "\"2\""));
  g_assert_true (quorum_sync_etags_match ("W/\"1\"", "\"1\""));
  g_assert_true (quorum_sync_etags_match ("\"1\"", "W/\"1\""));
  g_assert_false (quorum_sync_etags_match (NULL, "\"1\""));
  g_assert_false (quorum_sync_etags_match ("\"1\"", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sync/fate/%02u", i);

      g_test_add_data_func (path, &cases[i], test_fate_case);
    }
  g_test_add_func ("/sync/fate/coverage", test_fate_coverage);
  g_test_add_func ("/sync/fate/etags-weak-compare", test_etags_weak_compare);
  return g_test_run ();
}
