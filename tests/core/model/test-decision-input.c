/* test-decision-input.c: what a decision's name, role and comment may hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-core.h"

#include <string.h>

typedef struct
{
  const char *text;
  const char *message;   /* NULL: allowed */
} Case;

static const Case person_cases[] = {
  { "Zoë O'Brien", NULL },
  { "SECCo Board", NULL },
  { "\xd8\xb3\xd8\xa7\xd8\xb1\xd8\xa9", NULL },                   /* Arabic, no controls */
  { "Rene\xcc\x81", NULL },                                       /* decomposed é */
  { "Evil\nOutcome: rejected", "character 5 is U+000A, a control character" },
  { "Tab\tbed", "character 4 is U+0009, a control character" },
  { "\r", "character 1 is U+000D" },
  { "A\x1b[2J", "character 2 is U+001B" },
  { "A\x7f", "character 2 is U+007F" },
  { "A\xc2\x85", "character 2 is U+0085" },
  { "A\xc2\x9f", "character 2 is U+009F" },
  { "\xe2\x80\xaa" "x", "character 1 is U+202A, a bidirectional text control" },
  { "\xe2\x80\xab" "x", "character 1 is U+202B, a bidirectional text control" },
  { "\xe2\x80\xac" "x", "character 1 is U+202C, a bidirectional text control" },
  { "\xe2\x80\xad" "x", "character 1 is U+202D, a bidirectional text control" },
  { "Bri\xe2\x80\xae" "na", "character 4 is U+202E, a bidirectional text control" },
  { "x\xe2\x81\xa6", "character 2 is U+2066, a bidirectional text control" },
  { "x\xe2\x81\xa7", "character 2 is U+2067, a bidirectional text control" },
  { "x\xe2\x81\xa8", "character 2 is U+2068, a bidirectional text control" },
  { "x\xe2\x81\xa9", "character 2 is U+2069, a bidirectional text control" },
  { "\xff", "not UTF-8" },
};

static const Case comment_cases[] = {
  { "Within provision.\nSee minutes.", NULL },
  { "Items:\n\t1. cost\n\t2. time", NULL },
  { "\xe2\x80\xae" "reversed", NULL },          /* a comment may hold bidi controls */
  { "a\r\nb", "character 2 is U+000D, a control character" },
  { "ok\x1b[2J", "character 3 is U+001B, a control character" },
  { "\x07", "character 1 is U+0007" },
  { "A\xc2\x9b" "2J", "character 2 is U+009B" },
  { "\xc3", "not UTF-8" },
};

static void
check_cases (const Case *cases,
             guint       n,
             gboolean  (*validate) (const char *, GError **))
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = validate (cases[i].text, &error);

      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_test_message ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_validate_person (void)
{
  check_cases (person_cases, G_N_ELEMENTS (person_cases), quorum_decision_validate_person);
}

static void
test_validate_comment (void)
{
  check_cases (comment_cases, G_N_ELEMENTS (comment_cases), quorum_decision_validate_comment);
}

/* The same name typed composed or decomposed makes the same decision. */
static void
test_new_normalizes (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 12, 6, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumDecision) composed = NULL;
  g_autoptr(QuorumDecision) decomposed = NULL;

  composed = quorum_decision_new ("wp-a", "approve", "Ren\xc3\xa9 Dupont", "Am\xc3\xa9lie",
                                  "Caf\xc3\xa9", at, &error);
  g_assert_no_error (error);
  decomposed = quorum_decision_new ("wp-a", "approve", " Rene\xcc\x81 Dupont\n",
                                    "Ame\xcc\x81lie", "Cafe\xcc\x81", at, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (quorum_decision_get_id (composed), ==, "20261206t120000z-rene-dupont");
  g_assert_cmpstr (quorum_decision_get_id (decomposed), ==, quorum_decision_get_id (composed));
  g_assert_cmpstr (quorum_decision_get_by (decomposed), ==, "Ren\xc3\xa9 Dupont");
  g_assert_cmpstr (quorum_decision_get_role (decomposed), ==, "Am\xc3\xa9lie");
  g_assert_cmpstr (quorum_decision_get_comment (decomposed), ==, "Caf\xc3\xa9");
  g_assert_cmpstr (quorum_decision_get_seal (decomposed), ==,
                   quorum_decision_get_seal (composed));
}

/* quorum_decision_new() refuses what the validators refuse. */
static void
test_new_refuses (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 12, 6, 12, 0, 0);
  static const struct {
    const char *by, *role, *comment, *message;
  } cases[] = {
    { "Evil\nOutcome: rejected", NULL, NULL, "U+000A" },
    { "\xe2\x80\xae" "nairB", NULL, NULL, "U+202E" },
    { "Brian", "Board\x1b[2J", NULL, "U+001B" },
    { "Brian", "\xe2\x81\xa7" "Board", NULL, "U+2067" },
    { "Brian", NULL, "a\x1b" "b", "U+001B" },
    { " \t", NULL, NULL, "who decided must be named" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumDecision) decision =
        quorum_decision_new ("wp-a", "approve", cases[i].by, cases[i].role, cases[i].comment,
                             at, &error);

      g_assert_null (decision);
      g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decision-input/validate-person", test_validate_person);
  g_test_add_func ("/decision-input/validate-comment", test_validate_comment);
  g_test_add_func ("/decision-input/new-normalizes", test_new_normalizes);
  g_test_add_func ("/decision-input/new-refuses", test_new_refuses);
  return g_test_run ();
}
