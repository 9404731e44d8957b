/* test-reports.c: printable reports, read back from the PDF with poppler-utils
 *
 * Every figure checked is read from the store's files with json-glib and
 * looked for in `pdftotext -layout` of the PDF, page by page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quorum-core.h"
#include "quorum-test-util.h"

#define PRINTED "2031-02-03"

static const char *
sample_store (void)
{
  const char *path = g_getenv ("QUORUM_SAMPLE_STORE");

  /* meson test sets it, as for every test reading the sample. */
  g_assert_nonnull (path);
  return path;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");

  if (pdftotext != NULL && pdffonts != NULL)
    return TRUE;
  g_test_skip ("poppler-utils is not installed (build-aux/install-deps)");
  return FALSE;
}

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* The text of each page of @pdf, laid out as printed. */
static GPtrArray *
pdf_pages (const char *pdf)
{
  g_autofree char *text = run ((const char * const []) { "pdftotext", "-layout", pdf, "-",
                                                          NULL });
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  /* pdftotext ends every page with a form feed: the last piece is empty. */
  for (guint i = 0; pages[i] != NULL && pages[i + 1] != NULL; i++)
    g_ptr_array_add (list, g_strdup (pages[i]));
  return list;
}

static QuorumStore *
load_store (const char *path)
{
  g_autoptr(QuorumStore) store = quorum_store_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_store_load (store, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static JsonNode *
read_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Rounds half away from zero (the figures have at most two decimals). */
static gint64
hundredths_of (double value)
{
  return (gint64) (value * 100 + (value < 0 ? -0.5 : 0.5));
}

/* A figure as the report prints it, from the number in the file. */
static char *
figure_text (JsonNode   *node,
             const char *unit)
{
  gint64 hundredths;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("N/A");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    hundredths = json_node_get_int (node) * 100;
  else
    hundredths = hundredths_of (json_node_get_double (node));
  return quorum_amount_format_display (hundredths, unit);
}

static void
assert_page_furniture (GPtrArray  *pages,
                       const char *classification)
{
  for (guint p = 0; p < pages->len; p++)
    {
      const char *page = g_ptr_array_index (pages, p);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, pages->len);

      g_assert_nonnull (strstr (page, number));
      g_assert_nonnull (strstr (page, "Printed " PRINTED));
      g_assert_nonnull (strstr (page, classification));
    }
}

/* @text with every run of white space as one space: a heading that wraps
 * reads as one line. */
static char *
flatten (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

/* Some page holds @label's start and every figure of its row. */
static void
assert_row_on_one_page (GPtrArray  *pages,
                        const char *label,
                        GPtrArray  *figures)
{
  g_autofree char *start = g_strndup (label, 14);

  for (guint p = 0; p < pages->len; p++)
    {
      const char *page = g_ptr_array_index (pages, p);
      gboolean all = strstr (page, start) != NULL;

      for (guint f = 0; all && f < figures->len; f++)
        all = strstr (page, g_ptr_array_index (figures, f)) != NULL;
      if (all)
        return;
    }
  g_printerr ("row “%s”: its label and figures are on no one page\n", label);
  g_assert_not_reached ();
}

static guint
check_rows (GPtrArray  *pages,
            JsonArray  *rows,
            const char *unit)
{
  guint n = 0;

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonObject *values = json_object_has_member (row, "values")
                             ? json_object_get_object_member (row, "values") : NULL;
      g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GList) members = values ? json_object_get_members (values) : NULL;

      for (GList *m = members; m != NULL; m = m->next)
        g_ptr_array_add (figures, figure_text (json_object_get_member (values, m->data), unit));
      assert_row_on_one_page (pages, json_object_get_string_member (row, "label"), figures);
      n += figures->len;
      if (json_object_has_member (row, "rows"))
        n += check_rows (pages, json_object_get_array_member (row, "rows"), unit);
    }
  return n;
}

/* Every figure of every table of the document file @file. */
static guint
check_document_figures (GPtrArray  *pages,
                        const char *file,
                        const char *only_table)
{
  g_autoptr(JsonNode) root = read_json (file);
  JsonArray *tables = json_object_get_array_member (json_node_get_object (root), "tables");
  guint n = 0;

  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      JsonObject *table = json_array_get_object_element (tables, t);
      const char *unit = json_object_get_string_member (table, "unit");
      g_autoptr(JsonArray) total = json_array_new ();

      if (only_table != NULL && g_strcmp0 (json_object_get_string_member (table, "id"),
                                           only_table) != 0)
        continue;
      n += check_rows (pages, json_object_get_array_member (table, "rows"), unit);
      if (json_object_has_member (table, "total"))
        {
          JsonObject *row = json_object_get_object_member (table, "total");

          json_array_add_object_element (total, json_object_ref (row));
          n += check_rows (pages, total, unit);
        }
    }
  return n;
}

static void
test_table_figures (void)
{
  g_autoptr(QuorumStore) store = load_store (sample_store ());
  g_autofree char *dir = g_dir_make_tmp ("quorum-reports-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "budget.pdf", NULL);
  g_autofree char *file = g_build_filename (sample_store (), "budgets", "sec-budget-2020-23.json",
                                            NULL);
  QuorumReportOptions options = { .printed = PRINTED };
  g_autoptr(QuorumReport) report = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;

  if (!have_poppler ())
    return;
  report = quorum_report_new_for_table (quorum_store_find_document (store, "sec-budget-2020-23"),
                                        NULL, &options, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_report_write_pdf (report, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  pages = pdf_pages (pdf);
  g_assert_cmpuint (pages->len, >, 1);
  assert_page_furniture (pages, "WHITE");
  g_assert_cmpuint (check_document_figures (pages, file, NULL), >, 100);
  /* Findings are marked, and the legend explains the marks. */
  g_assert_nonnull (strstr (g_ptr_array_index (pages, pages->len - 1), "Legend"));

  /* Every font is embedded: pdffonts' "emb" column says yes on every line. */
  fonts = run ((const char * const []) { "pdffonts", pdf, NULL });
  lines = g_strsplit (fonts, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 3);
  for (guint i = 2; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (lines[i], " ", -1);
      guint n = 0;
      const char *emb = NULL;

      /* name type… encoding emb sub uni object ID: emb is the fifth from the end */
      for (guint f = 0; fields[f] != NULL; f++)
        n += fields[f][0] != '\0';
      for (guint f = 0, seen = 0; fields[f] != NULL; f++)
        if (fields[f][0] != '\0' && ++seen == n - 4)
          emb = fields[f];
      g_assert_cmpstr (emb, ==, "yes");
    }
  quorum_test_rm_rf (dir);
}

/* A store with one long table: 4 groups of 60 lines, a label of many words
 * and a word longer than its column. */
static char *
write_long_store (const char *classification,
                  guint       n_columns)
{
  g_autofree char *register_path = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-reports-XXXXXX", NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *committees = NULL;
  guint seed = 7;

  g_string_append_printf (json, "{\"format\": \"quorum.budget/1\", \"id\": \"long\", "
                          "\"title\": \"A long budget\", \"version\": \"2.5\", "
                          "\"classification\": \"%s\", \"currency\": \"GBP\", \"tables\": [{"
                          "\"id\": \"lines\", \"title\": \"Lines\", \"role\": \"budget\", "
                          "\"unit\": \"GBP\", \"columns\": [", classification);
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (json, "%s{\"id\": \"c%u\", \"label\": \"Year%u Budget\"}",
                            c ? ", " : "", c, 2040 + c);
  g_string_append (json, "], \"rows\": [");
  for (guint g = 0; g < 4; g++)
    {
      g_string_append_printf (json, "%s{\"id\": \"g%u\", \"label\": \"Group %u\", \"rows\": [",
                              g ? ", " : "", g, g + 1);
      for (guint i = 0; i < 60; i++)
        {
          g_string_append_printf (json, "%s{\"id\": \"g%u-%u\", \"label\": \"", i ? ", " : "",
                                  g, i);
          if (g == 1 && i == 7)
            g_string_append (json, "A label of many words that is much longer than its column "
                             "can hold on one line and so must wrap onto several lines without "
                             "losing a single word of what it says about this line");
          else if (g == 2 && i == 3)
            g_string_append (json, "Unbreakable"
                             "Supercalifragilisticexpialidociouslylongwordthatneverendsatall"
                             "AndKeepsGoingWellPastTheEdge");
          else
            g_string_append_printf (json, "Line %u.%u", g + 1, i + 1);
          g_string_append (json, "\", \"values\": {");
          for (guint c = 0; c < n_columns; c++)
            {
              seed = seed * 1103515245u + 12345u;
              g_string_append_printf (json, "%s\"c%u\": %u.%02u", c ? ", " : "", c,
                                      (seed >> 8) % 900000, (seed >> 4) % 100);
            }
          g_string_append (json, "}}");
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}]}\n");
  quorum_test_write_file (dir, "budgets/long.json", json->str, -1);
  register_path = g_build_filename (sample_store (), "committees.json", NULL);
  g_file_get_contents (register_path, &committees, NULL, NULL);
  quorum_test_write_file (dir, "committees.json", committees, -1);
  return g_steal_pointer (&dir);
}

static void
test_table_pages (void)
{
  g_autofree char *dir = write_long_store ("amber", 4);
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *file = g_build_filename (dir, "budgets", "long.json", NULL);
  g_autoptr(QuorumStore) store = load_store (dir);
  QuorumReportOptions options = { .printed = PRINTED };
  g_autoptr(QuorumReport) report = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (!have_poppler ())
    return;
  g_assert_cmpuint (g_list_model_get_n_items (quorum_store_get_problems (store)), ==, 0);
  report = quorum_report_new_for_table (quorum_store_find_document (store, "long"), NULL,
                                        &options, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_report_write_pdf (report, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  pages = pdf_pages (pdf);
  g_assert_cmpuint (pages->len, >=, 4);
  assert_page_furniture (pages, "AMBER");
  for (guint p = 0; p < pages->len; p++)
    {
      const char *page = g_ptr_array_index (pages, p);

      /* The column headers on every page, and the version. */
      for (guint c = 0; c < 4; c++)
        {
          g_autofree char *header = g_strdup_printf ("Year%u", 2040 + c);

          g_assert_nonnull (strstr (page, header));
        }
      g_assert_nonnull (strstr (page, "Version 2.5"));
      g_string_append (all, page);
    }
  /* Every figure on the page of its row's label: no row is split. */
  g_assert_cmpuint (check_document_figures (pages, file, NULL), ==, 4 * 60 * 4);

  /* The long label wraps: every word of it is printed, on one page. */
  words = g_strsplit ("A label of many words that is much longer than its column can hold on "
                      "one line and so must wrap onto several lines without losing a single "
                      "word of what it says about this line", " ", -1);
  for (guint p = 0; p < pages->len; p++)
    if (strstr (g_ptr_array_index (pages, p), "A label of many") != NULL)
      for (guint w = 0; words[w] != NULL; w++)
        g_assert_nonnull (strstr (g_ptr_array_index (pages, p), words[w]));
  /* The long word breaks inside itself rather than being cut: all its
   * letters are there, in order, across the lines it takes. */
  {
    const char *word = "UnbreakableSupercalifragilisticexpialidociouslylongwordthatneverendsatall"
                       "AndKeepsGoingWellPastTheEdge";
    const char *at = strstr (all->str, "Unbreakable");
    g_autoptr(GString) letters = g_string_new (NULL);

    /* The label column comes first: each line's first piece of text. */
    for (const char *p = at; p != NULL && *p && letters->len < strlen (word); )
      {
        g_string_append_len (letters, p, strcspn (p, " \n"));
        if ((p = strchr (p, '\n')) != NULL)
          for (p++; *p == ' '; p++)
            ;
      }
    g_assert_cmpstr (letters->str, ==, word);
  }
  quorum_test_rm_rf (dir);
}

static void
test_landscape (void)
{
  g_autofree char *dir = write_long_store ("white", 11);
  g_autoptr(QuorumStore) store = load_store (dir);
  g_autoptr(QuorumReport) report = NULL;
  g_autoptr(QuorumReportLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  double width, height;

  report = quorum_report_new_for_table (quorum_store_find_document (store, "long"), NULL, NULL,
                                        &error);
  g_assert_no_error (error);
  layout = quorum_report_layout_new (report);
  g_assert_true (quorum_report_layout_paginate (layout, NULL, NULL, NULL, &error));
  g_assert_true (quorum_report_layout_get_landscape (layout));
  quorum_report_layout_get_page_size (layout, &width, &height);
  g_assert_cmpfloat (width, >, height);
  quorum_test_rm_rf (dir);
}

static void
on_progress (double   fraction,
             gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_progress_cancel (void)
{
  g_autofree char *dir = write_long_store ("white", 4);
  g_autoptr(QuorumStore) store = load_store (dir);
  g_autoptr(QuorumReport) report = NULL;
  g_autoptr(QuorumReportLayout) layout = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (dir, "cancelled.pdf", NULL);
  double last = 0;

  report = quorum_report_new_for_table (quorum_store_find_document (store, "long"), NULL, NULL,
                                        &error);
  layout = quorum_report_layout_new (report);
  g_assert_true (quorum_report_layout_paginate (layout, on_progress, &last, NULL, &error));
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (quorum_report_layout_get_n_pages (layout), >, 1);

  g_cancellable_cancel (cancellable);
  g_assert_false (quorum_report_write_pdf (report, pdf, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  quorum_test_rm_rf (dir);
}

static void
test_red_refused (void)
{
  g_autofree char *dir = write_long_store ("red", 3);
  g_autoptr(QuorumStore) store = load_store (dir);
  QuorumBudgetDocument *document = quorum_store_find_document (store, "long");
  QuorumReportOptions options = { 0 };
  g_autoptr(QuorumReport) refused = NULL;
  g_autoptr(QuorumReport) allowed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (quorum_budget_document_get_classification (document), ==, "red");
  refused = quorum_report_new_for_table (document, NULL, &options, &error);
  g_assert_null (refused);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_null (quorum_report_new_for_checks (quorum_store_get_documents (store), &options,
                                               &error));
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  options.allow_red = TRUE;
  allowed = quorum_report_new_for_table (document, NULL, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_report_get_classification (allowed), ==, "red");
  quorum_test_rm_rf (dir);
}

static void
test_variance (void)
{
  g_autoptr(QuorumStore) store = load_store (sample_store ());
  g_autofree char *dir = g_dir_make_tmp ("quorum-reports-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "variance.pdf", NULL);
  g_autofree char *file = g_build_filename (sample_store (), "budgets", "sec-budget-2020-23.json",
                                            NULL);
  QuorumBudgetDocument *document = quorum_store_find_document (store, "sec-budget-2020-23");
  QuorumReportOptions options = { .printed = PRINTED, .variance_from = "2020-21-approved",
                                  .variance_to = "2022-23-estimated" };
  g_autoptr(QuorumReport) report = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = read_json (file);
  JsonObject *table = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "tables"), 0);
  JsonArray *rows = json_object_get_array_member (table, "rows");

  if (!have_poppler ())
    return;
  g_assert_cmpstr (json_object_get_string_member (table, "id"), ==, "projections");
  report = quorum_report_new_for_table (document,
                                        quorum_budget_document_find_table (document,
                                                                           "projections"),
                                        &options, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_report_write_pdf (report, pdf, NULL, NULL, NULL, &error));
  pages = pdf_pages (pdf);
  g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), "% change"));
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *values = json_object_get_object_member (
        json_array_get_object_element (rows, r), "values");
      gint64 from = hundredths_of (json_object_get_double_member (values, "2020-21-approved"));
      gint64 to = hundredths_of (json_object_get_double_member (values, "2022-23-estimated"));
      g_autofree char *difference = quorum_amount_format_display (to - from, "GBP");

      g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), difference));
    }

  /* A column the table does not have is an error naming it. */
  options.variance_to = "no-such-column";
  g_clear_object (&report);
  report = quorum_report_new_for_table (document, NULL, &options, &error);
  g_assert_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-column"));
  quorum_test_rm_rf (dir);
}

/* Links a paper of agenda item @number of @meeting_file to @ref. */
static void
link_paper (JsonObject *meeting,
            const char *number,
            JsonObject *ref)
{
  JsonArray *items = json_object_get_array_member (meeting, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "number"), number))
        {
          JsonObject *paper = json_array_get_object_element (
            json_object_get_array_member (item, "papers"), 0);

          json_object_set_object_member (paper, "ref", ref);
          return;
        }
    }
  g_assert_not_reached ();
}

static char *
write_pack_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quorum-reports-XXXXXX", NULL);
  g_autofree char *store = g_build_filename (dir, "store", NULL);
  g_autofree char *file = g_build_filename (store, "meetings", "secp-39.json", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *document = json_object_new ();
  JsonObject *package = json_object_new ();

  g_assert_true (quorum_store_copy_folder (sample_store (), store, NULL, &error));
  g_assert_no_error (error);
  root = read_json (file);
  json_object_set_string_member (document, "document", "sec-budget-2020-23");
  json_object_set_string_member (document, "table", "projections");
  link_paper (json_node_get_object (root), "6", document);
  json_object_set_string_member (package, "work_package", "wp-2020-21-q1-opsg");
  link_paper (json_node_get_object (root), "7", package);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, file, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&dir);
}

static void
test_meeting_pack (void)
{
  g_autofree char *dir = write_pack_store ();
  g_autofree char *path = g_build_filename (dir, "store", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *budget = g_build_filename (path, "budgets", "sec-budget-2020-23.json", NULL);
  g_autofree char *meeting_file = g_build_filename (path, "meetings", "secp-39.json", NULL);
  g_autofree char *package_file = g_build_filename (path, "work-packages",
                                                    "wp-2020-21-q1-opsg.json", NULL);
  g_autoptr(QuorumStore) store = load_store (path);
  QuorumMeeting *meeting = quorum_store_find_meeting (store, "secp-39");
  QuorumReportNote notes[] = {
    { "6", "Item 6", "Ask why the contingency line rounds differently" },
    { "some-other-meeting", NULL, "A note on a meeting this pack does not print" },
  };
  QuorumReportOptions options = { .printed = PRINTED, .notes = notes, .n_notes = 2 };
  GListModel *log = G_LIST_MODEL (quorum_store_get_action_log (store));
  g_autoptr(QuorumReport) report = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL, package = NULL;
  g_autofree char *estimate = NULL, *flat = NULL;
  JsonArray *items;
  guint n_open = 0;

  if (!have_poppler ())
    return;
  g_assert_nonnull (meeting);
  report = quorum_report_new_for_meeting (store, meeting, &options, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_report_write_pdf (report, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  pages = pdf_pages (pdf);
  assert_page_furniture (pages, "WHITE");
  for (guint p = 0; p < pages->len; p++)
    g_string_append (all, g_ptr_array_index (pages, p));

  /* The agenda: every item's title, as a heading before its papers. */
  flat = flatten (all->str);
  root = read_json (meeting_file);
  items = json_object_get_array_member (json_node_get_object (root), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *heading = g_strdup_printf ("%s. %s",
                                                  json_object_get_string_member (item, "number"),
                                                  json_object_get_string_member (item, "title"));

      g_assert_nonnull (strstr (flat, heading));
    }
  /* The linked table's every figure; the linked package's estimate. */
  g_assert_cmpuint (check_document_figures (pages, budget, "projections"), >, 10);
  package = read_json (package_file);
  estimate = figure_text (json_object_get_member (
                            json_object_get_object_member (json_node_get_object (package),
                                                           "estimate"), "cost"), "GBP");
  g_assert_nonnull (strstr (all->str, estimate));
  g_assert_nonnull (strstr (all->str, "Decision history"));
  /* The committee's open actions. */
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(QuorumAction) action = g_list_model_get_item (log, i);

      if (g_strcmp0 (quorum_action_get_committee (action),
                     quorum_meeting_get_committee (meeting)) != 0)
        continue;
      if (quorum_action_get_open (action))
        n_open++;
      g_assert_true ((strstr (all->str, quorum_action_get_ref (action)) != NULL)
                     == quorum_action_get_open (action));
    }
  g_assert_cmpuint (n_open, >, 0);
  /* The note next to its item; a note on something else left out. */
  g_assert_nonnull (strstr (all->str, "Ask why the contingency line"));
  g_assert_null (strstr (all->str, "this pack does not print"));
  g_assert_cmpint (strstr (all->str, "Ask why the contingency line") - all->str, >,
                   strstr (all->str, "6. Draft SEC Panel Budget") - all->str);
  quorum_test_rm_rf (dir);
}

/* The text of @report as printed. */
static char *
printed_text (QuorumReport *report)
{
  g_autofree char *dir = g_dir_make_tmp ("quorum-reports-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (quorum_report_write_pdf (report, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  pages = pdf_pages (pdf);
  assert_page_furniture (pages, "WHITE");
  for (guint p = 0; p < pages->len; p++)
    g_string_append (all, g_ptr_array_index (pages, p));
  quorum_test_rm_rf (dir);
  return flatten (all->str);
}

static void
test_collapsed (void)
{
  g_autoptr(QuorumStore) store = load_store (sample_store ());
  g_autofree char *file = g_build_filename (sample_store (), "budgets", "sec-budget-2020-23.json",
                                            NULL);
  QuorumBudgetDocument *document = quorum_store_find_document (store, "sec-budget-2020-23");
  QuorumReportOptions options = { .printed = PRINTED, .collapsed = TRUE };
  g_autoptr(QuorumReport) report = NULL;
  g_autoptr(JsonNode) root = read_json (file);
  g_autofree char *text = NULL;
  JsonArray *rows = NULL, *tables;
  guint n_children = 0;

  if (!have_poppler ())
    return;
  tables = json_object_get_array_member (json_node_get_object (root), "tables");
  for (guint t = 0; t < json_array_get_length (tables); t++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (tables, t),
                                                    "id"), "overview"))
      rows = json_object_get_array_member (json_array_get_object_element (tables, t), "rows");
  g_assert_nonnull (rows);
  report = quorum_report_new_for_table (document,
                                        quorum_budget_document_find_table (document, "overview"),
                                        &options, NULL);
  text = printed_text (report);
  /* The group rows are printed, their lines are not. */
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);

      g_assert_nonnull (strstr (text, json_object_get_string_member (row, "label")));
      if (!json_object_has_member (row, "rows"))
        continue;
      for (guint c = 0; c < json_array_get_length (json_object_get_array_member (row, "rows"));
           c++)
        {
          JsonObject *child = json_array_get_object_element (
            json_object_get_array_member (row, "rows"), c);

          g_assert_null (strstr (text, json_object_get_string_member (child, "label")));
          n_children++;
        }
    }
  g_assert_cmpuint (n_children, >, 0);
}

static void
test_checks_and_package (void)
{
  g_autoptr(QuorumStore) store = load_store (sample_store ());
  g_autofree char *file = g_build_filename (sample_store (), "work-packages",
                                            "wp-2020-21-q1-opsg.json", NULL);
  QuorumReportOptions options = { .printed = PRINTED };
  g_autoptr(QuorumReport) checks = NULL, package = NULL;
  g_autoptr(JsonNode) root = read_json (file);
  JsonObject *object = json_node_get_object (root);
  g_autofree char *text = NULL, *estimate = NULL, *actual = NULL;
  GListModel *documents = quorum_store_get_documents (store);
  guint n_findings = 0;

  if (!have_poppler ())
    return;
  /* The Checks list: every finding's difference, marked. */
  checks = quorum_report_new_for_checks (documents, &options, NULL);
  text = printed_text (checks);
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(QuorumBudgetDocument) document = g_list_model_get_item (documents, d);
      GListModel *findings = quorum_budget_document_get_findings (document);

      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(QuorumFinding) finding = g_list_model_get_item (findings, i);
          g_autofree char *difference = quorum_amount_format_display (
            quorum_finding_get_difference (finding),
            quorum_table_get_unit (quorum_budget_document_find_table (
              document, quorum_finding_get_table_id (finding))));
          g_autofree char *marked = g_strdup_printf (
            "%s %s", quorum_report_mark_symbol (
              quorum_finding_get_severity (finding) == QUORUM_SEVERITY_MISMATCH
                ? QUORUM_REPORT_MARK_MISMATCH : QUORUM_REPORT_MARK_ROUNDING), difference);

          g_assert_nonnull (strstr (text, marked));
          n_findings++;
        }
    }
  g_assert_cmpuint (n_findings, >, 0);
  g_assert_nonnull (strstr (text, "Legend"));
  g_clear_pointer (&text, g_free);

  /* A work package: its estimate and out-turn from its file, its decisions. */
  package = quorum_report_new_for_work_package (
    store, quorum_store_find_work_package (store, "wp-2020-21-q1-opsg"), &options, NULL);
  text = printed_text (package);
  estimate = figure_text (json_object_get_member (
    json_object_get_object_member (object, "estimate"), "cost"), "GBP");
  actual = figure_text (json_object_get_member (
    json_object_get_object_member (object, "actual"), "cost"), "GBP");
  g_assert_nonnull (strstr (text, json_object_get_string_member (object, "title")));
  g_assert_nonnull (strstr (text, estimate));
  g_assert_nonnull (strstr (text, actual));
  g_assert_nonnull (strstr (text, "Budget pressure"));
  g_assert_nonnull (strstr (text, "Decision history"));
}

/* Every word of @label is in @text; or, not @present, some word of it is
 * not (so the label is not printed). */
static void
assert_words (const char *text,
              const char *label,
              gboolean    present)
{
  g_auto(GStrv) words = g_strsplit (label, " ", -1);
  guint n_absent = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (present)
        g_assert_nonnull (strstr (text, words[i]));
      else
        n_absent += strstr (text, words[i]) == NULL;
    }
  if (!present)
    g_assert_cmpuint (n_absent, >, 0);
}

/* The rows a view shows, in its order: the last group open, the first
 * closed and after it, the total; the variance's two columns only. */
static void
test_as_displayed (void)
{
  g_autoptr(QuorumStore) store = load_store (sample_store ());
  QuorumBudgetDocument *document = quorum_store_find_document (store, "sec-budget-2020-23");
  QuorumTable *table = quorum_budget_document_find_table (document, "secco-ops");
  GListModel *rows = quorum_table_get_rows (table);
  GListModel *columns = quorum_table_get_columns (table);
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(QuorumRow) first = g_list_model_get_item (rows, 0);
  g_autoptr(QuorumRow) last = g_list_model_get_item (rows, n - 1);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(QuorumColumn) from = g_list_model_get_item (columns, 0);
  g_autoptr(QuorumColumn) to = g_list_model_get_item (columns, 2);
  g_autoptr(QuorumColumn) left_out = g_list_model_get_item (columns, 1);
  QuorumReportOptions options = { .printed = PRINTED };
  g_autoptr(QuorumReport) report = NULL;
  g_autofree char *text = NULL;
  GListModel *children;
  const char *first_label, *last_label;

  if (!have_poppler ())
    return;
  g_assert_cmpuint (n, >, 1);
  g_ptr_array_add (shown, g_object_ref (last));
  children = quorum_row_get_children (last);
  g_assert_nonnull (children);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    g_ptr_array_add (shown, g_list_model_get_item (children, i));
  g_ptr_array_add (shown, g_object_ref (first));
  g_ptr_array_add (shown, g_object_ref (quorum_table_get_total (table)));
  options.rows = (QuorumRow * const *) shown->pdata;
  options.n_rows = shown->len;
  options.variance_from = quorum_column_get_id (from);
  options.variance_to = quorum_column_get_id (to);
  options.variance_only = TRUE;

  report = quorum_report_new_for_table (document, table, &options, NULL);
  g_assert_nonnull (report);
  text = printed_text (report);
  first_label = quorum_row_get_label (first);
  last_label = quorum_row_get_label (last);
  /* In the view's order: the last group before the first. */
  g_assert_nonnull (strstr (text, first_label));
  g_assert_nonnull (strstr (text, last_label));
  g_assert_true (strstr (text, last_label) < strstr (text, first_label));
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

      g_assert_nonnull (strstr (text, quorum_row_get_label (child)));
    }
  /* The first group is closed: none of its lines. */
  children = quorum_row_get_children (first);
  g_assert_nonnull (children);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(QuorumRow) child = g_list_model_get_item (children, i);

      g_assert_null (strstr (text, quorum_row_get_label (child)));
    }
  /* The two columns compared and their difference, no other column: a
   * header wraps in its column, so word by word. */
  assert_words (text, quorum_column_get_label (from), TRUE);
  assert_words (text, quorum_column_get_label (to), TRUE);
  g_assert_nonnull (strstr (text, "Difference"));
  assert_words (text, quorum_column_get_label (left_out), FALSE);
}

/* Paginating a few rows at a time gives the pages paginating at once does. */
static void
test_paginate_steps (void)
{
  g_autofree char *dir = write_long_store ("white", 4);
  g_autoptr(QuorumStore) store = load_store (dir);
  g_autoptr(QuorumReport) report = NULL;
  g_autoptr(QuorumReportLayout) whole = NULL, steps = NULL;
  double fraction = 0, last = 0;
  guint n_steps = 0;

  report = quorum_report_new_for_table (quorum_store_find_document (store, "long"), NULL, NULL,
                                        NULL);
  whole = quorum_report_layout_new (report);
  g_assert_true (quorum_report_layout_paginate (whole, NULL, NULL, NULL, NULL));
  steps = quorum_report_layout_new (report);
  while (!quorum_report_layout_paginate_step (steps, 10, &fraction))
    {
      g_assert_cmpuint (quorum_report_layout_get_n_pages (steps), ==, 0);
      g_assert_cmpfloat (fraction, >=, last);
      g_assert_cmpfloat (fraction, <, 1.0);
      last = fraction;
      n_steps++;
    }
  g_assert_cmpfloat (fraction, ==, 1.0);
  /* 240 lines, 4 groups and a heading, ten at a time. */
  g_assert_cmpuint (n_steps, >=, 24);
  g_assert_cmpuint (quorum_report_layout_get_n_pages (steps), >, 1);
  g_assert_cmpuint (quorum_report_layout_get_n_pages (steps), ==,
                    quorum_report_layout_get_n_pages (whole));
  g_assert_cmpint (quorum_report_layout_get_landscape (steps), ==,
                   quorum_report_layout_get_landscape (whole));
  quorum_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reports/table/figures-fonts", test_table_figures);
  g_test_add_func ("/reports/table/pages", test_table_pages);
  g_test_add_func ("/reports/table/landscape", test_landscape);
  g_test_add_func ("/reports/table/variance", test_variance);
  g_test_add_func ("/reports/table/collapsed", test_collapsed);
  g_test_add_func ("/reports/checks-and-package", test_checks_and_package);
  g_test_add_func ("/reports/meeting-pack", test_meeting_pack);
  g_test_add_func ("/reports/progress-cancel", test_progress_cancel);
  g_test_add_func ("/reports/red-refused", test_red_refused);
  g_test_add_func ("/reports/table/as-displayed", test_as_displayed);
  g_test_add_func ("/reports/paginate-steps", test_paginate_steps);
  return g_test_run ();
}
