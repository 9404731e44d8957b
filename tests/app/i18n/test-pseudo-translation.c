/* test-pseudo-translation.c: every string the app shows is translatable
 *
 * make-pseudo-locale.py builds a locale, "xx", whose every message is its
 * own text between ⟦ and ⟧. The app runs in it (LANGUAGE=xx, the text
 * domain bound to the test's folder: the test binds it as main.c does with
 * the installed one) on the sample store, shows each view of the sidebar,
 * a committee's page and a work package's page, and reads every label
 * shown. What is left of a label once its bracketed parts are taken out
 * must be store text (every string of the sample store's files, whole or
 * in the parts the app splits it into), figures and dates (at most two
 * letters, with a digit) or punctuation. Anything else is a string the
 * app shows without passing it through gettext: it is listed, and the
 * test fails.
 *
 * Runs under Xvfb; skips without a display, xgettext or msgfmt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "quorum-application.h"
#include "quorum-budgets-view.h"
#include "quorum-committees-view.h"
#include "quorum-core.h"
#include "quorum-test-util.h"
#include "quorum-text-cell.h"
#include "quorum-ui-test-util.h"
#include "quorum-window.h"

#define OPEN "⟦"
#define CLOSE "⟧"

static QuorumApplication *app;
static guint n_checked;           /* labels read by the last check_place () */
static GHashTable *store_texts;   /* every string of the store's files, and its parts */

/* The parts a label's text is taken apart into, as the app joins them. */
static const char *separators[] = { "\n", " · ", ", ", "; ", " — ", " – ", " (", ")", ": ",
                                    " / ", " → ", " ≠", NULL };

static char **
split_parts (const char *text)
{
  g_autofree char *joined = g_strdup (text);

  for (guint i = 1; separators[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (joined, separators[i], -1);

      g_free (joined);
      joined = g_strjoinv (separators[0], pieces);
    }
  return g_strsplit (joined, separators[0], -1);
}

static void
add_store_text (const char *text)
{
  g_auto(GStrv) parts = split_parts (text);

  g_hash_table_add (store_texts, g_strdup (text));
  for (guint i = 0; parts[i] != NULL; i++)
    g_hash_table_add (store_texts, g_strstrip (g_strdup (parts[i])));
}

static void
collect_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        collect_node (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_node (json_array_get_element (array, i));
    }
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    add_store_text (json_node_get_string (node));
}

/* Every string of every file under @dir, and the files' paths in it. */
static void
collect_store_texts (const char *root,
                     const char *rel)
{
  g_autofree char *dir_path = g_build_filename (root, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = *rel ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
      g_autofree char *path = g_build_filename (root, child, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *folder = g_strconcat (child, "/", NULL);

          add_store_text (folder);
          collect_store_texts (root, child);
        }
      else
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;

          add_store_text (child);
          g_assert_true (json_parser_load_from_file (parser, path, &error));
          g_assert_no_error (error);
          collect_node (json_parser_get_root (parser));
        }
    }
}

/* @text without its bracketed parts, the innermost first. */
static char *
strip_translated (const char *text)
{
  GString *out = g_string_new (text);
  char *open;

  while ((open = g_strrstr (out->str, OPEN)) != NULL)
    {
      char *close = strstr (open, CLOSE);

      if (close == NULL)
        break;
      g_string_erase (out, open - out->str, close + strlen (CLOSE) - open);
      g_string_insert (out, open - out->str, "\n");
    }
  return g_string_free (out, FALSE);
}

/* A figure or a date: a digit, and at most two letters (Q4, 5k). */
static gboolean
is_figure (const char *part)
{
  guint letters = 0;
  gboolean digit = FALSE;

  for (const char *p = part; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      letters += g_unichar_isalpha (c);
      digit |= g_unichar_isdigit (c);
    }
  return letters == 0 || (digit && letters <= 2);
}

/* What of @text is neither translated, nor store text, nor a figure. */
static char *
untranslated_part (const char *text)
{
  g_autofree char *rest = strip_translated (text);
  g_auto(GStrv) parts = split_parts (rest);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *unwrapped = g_strjoinv (" ", lines);

  /* Store text the app wraps over lines (a table's column headers). */
  if (g_hash_table_contains (store_texts, unwrapped))
    return NULL;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (!is_figure (part) && !g_hash_table_contains (store_texts, part))
        return g_strdup (part);
    }
  return NULL;
}

static void
check_widget (GtkWidget  *widget,
              const char *where,
              GHashTable *found)
{
  const char *text = NULL;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  else if (QUORUM_IS_TEXT_CELL (widget))
    text = quorum_text_cell_get_text (QUORUM_TEXT_CELL (widget));
  n_checked += text != NULL;
  if (text != NULL && !g_hash_table_contains (found, text))
    {
      char *part = untranslated_part (text);

      /* Each text once, with the first place it is seen in. */
      if (part != NULL)
        g_hash_table_insert (found, g_strdup (text),
                             g_strdup_printf ("%s: “%s” in “%s”", where, part, text));
      g_free (part);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (child, where, found);
}

/* Checks every label the window shows, as seen in @where, once it has
 * laid out and painted what it was asked to show (a list's rows are made
 * as it is laid out). */
static void
check_place (QuorumWindow *window,
             const char   *where,
             GHashTable   *found)
{
  quorum_test_wait_frame (window);
  n_checked = 0;
  check_widget (GTK_WIDGET (window), where, found);
  g_test_message ("%s: %u labels", where, n_checked);
  g_assert_cmpuint (n_checked, >, 0);
}

/* Shows @target through @action and checks what the window shows then. */
static void
check_shown (QuorumWindow *window,
             const char   *action,
             const char   *target,
             GHashTable   *found)
{
  g_autofree char *where = g_strdup_printf ("%s('%s')", action, target);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, "s", target));
  check_place (window, where, found);
}

static void
test_views (void)
{
  static const char *views[] = { "overview", "budgets", "committees", "meetings", "actions",
                                 "checks", "work-packages", "budget-pressure", "notes" };
  g_autofree char *sample = quorum_store_dup_sample_path ();
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  QuorumWindow *window = quorum_window_new (app);
  QuorumStore *store;
  g_autoptr(QuorumWorkPackage) package = NULL;
  g_autoptr(QuorumMeeting) meeting = NULL;
  g_autoptr(QuorumCommittee) committee = NULL;
  g_autoptr(QuorumBudgetDocument) document = NULL;
  g_autoptr(QuorumTable) table = NULL;
  g_autoptr(GList) lines = NULL;
  GtkWidget *view;
  GListModel *documents;
  gboolean compared = FALSE;

  quorum_window_open_store (window, sample);
  gtk_window_present (GTK_WINDOW (window));
  /* The overview's heading, in the pseudo-locale, once the store is in. */
  g_assert_true (quorum_test_wait_label (window, OPEN "Budget Documents" CLOSE));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    check_shown (window, "win.show-view", views[i], found);

  /* A work package's page and a meeting's, the first of the store's. */
  store = quorum_window_get_store (window);
  package = g_list_model_get_item (quorum_store_get_work_packages (store), 0);
  g_assert_nonnull (package);
  check_shown (window, "win.show-work-package", quorum_work_package_get_id (package), found);
  meeting = g_list_model_get_item (quorum_store_get_meetings (store), 0);
  g_assert_nonnull (meeting);
  check_shown (window, "win.show-meeting", quorum_meeting_get_id (meeting), found);

  /* A committee's page, and a document's first table with its comparison. */
  committee = g_list_model_get_item (quorum_store_get_committees (store), 0);
  document = g_list_model_get_item (quorum_store_get_documents (store), 0);
  g_assert_nonnull (committee);
  g_assert_nonnull (document);
  table = g_list_model_get_item (quorum_budget_document_get_tables (document), 0);
  g_assert_nonnull (table);
  check_shown (window, "win.show-view", "committees", found);
  view = quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_COMMITTEES_VIEW);
  g_assert_true (quorum_committees_view_show_committee (QUORUM_COMMITTEES_VIEW (view),
                                                        quorum_committee_get_id (committee)));
  check_place (window, "committee page", found);
  /* The first table that compares committees. */
  documents = quorum_store_get_documents (store);
  for (guint d = 0; d < g_list_model_get_n_items (documents) && !compared; d++)
    {
      g_autoptr(QuorumBudgetDocument) of = g_list_model_get_item (documents, d);
      GListModel *tables = quorum_budget_document_get_tables (of);

      for (guint i = 0; i < g_list_model_get_n_items (tables) && !compared; i++)
        {
          g_autoptr(QuorumTable) candidate = g_list_model_get_item (tables, i);

          compared = quorum_committees_view_show_comparison (
            QUORUM_COMMITTEES_VIEW (view), quorum_budget_document_get_id (of),
            quorum_table_get_id (candidate));
        }
    }
  g_assert_true (compared);
  check_place (window, "comparison", found);
  check_shown (window, "win.show-view", "budgets", found);
  view = quorum_test_find_type (GTK_WIDGET (window), QUORUM_TYPE_BUDGETS_VIEW);
  g_assert_true (quorum_budgets_view_show_document (QUORUM_BUDGETS_VIEW (view),
                                                    quorum_budget_document_get_id (document)));
  check_place (window, "document", found);
  quorum_budgets_view_show_table (QUORUM_BUDGETS_VIEW (view),
                                  quorum_budget_document_get_id (document),
                                  quorum_table_get_id (table));
  check_place (window, "table", found);

  lines = g_list_sort (g_hash_table_get_values (found), (GCompareFunc) strcmp);
  for (GList *l = lines; l != NULL; l = l->next)
    g_printerr ("Not translated: %s\n", (char *) l->data);
  g_assert_cmpuint (g_hash_table_size (found), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The pseudo-locale in @dir; FALSE when gettext's tools are missing. */
static gboolean
make_locale (const char *dir)
{
  const char *argv[] = { QUORUM_PYTHON3, QUORUM_PSEUDO_LOCALE_SCRIPT, QUORUM_SOURCE_ROOT, dir,
                         NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_find_program_in_path ("xgettext") == NULL || g_find_program_in_path ("msgfmt") == NULL)
    return FALSE;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *locale_dir = g_dir_make_tmp ("quorum-pseudo-XXXXXX", NULL);
  g_autofree char *sample = NULL;
  int status;

  g_assert_nonnull (locale_dir);
  g_test_init (&argc, &argv, NULL);
  if (!make_locale (locale_dir))
    {
      g_test_skip ("xgettext or msgfmt is missing (Debian's gettext)");
      quorum_test_rm_rf (locale_dir);
      return 77;
    }

  /* glibc reads LANGUAGE in any locale but C itself. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "xx", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (_("Quorum"), ==, OPEN "Quorum" CLOSE);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under Xvfb (build-aux/run-tests does)");
      quorum_test_rm_rf (locale_dir);
      return 77;
    }
  adw_init ();

  store_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sample = quorum_store_dup_sample_path ();
  collect_store_texts (sample, "");

  app = quorum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/i18n/pseudo-translation", test_views);

  status = g_test_run ();
  g_clear_object (&app);
  g_hash_table_unref (store_texts);
  quorum_test_rm_rf (locale_dir);
  return status;
}
