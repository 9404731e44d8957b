/* quorum-meeting-load.c: reading meetings/<id>.json strictly
 *
 * Every error names the file, the JSON path and the line:column; a file
 * with errors is not loaded, and the rest of the store is. What a meeting
 * names elsewhere in the store (its committee, its papers' refs, action
 * refs raised twice) is checked once the whole store has loaded, in
 * quorum-meeting-links.c.
 *
 * A file is read first by quorum-meeting-read.c, straight into its model
 * without a JSON tree; only a file it gives up on (one with an error, or
 * anything it is unsure of) is read here, as a tree, to report every
 * problem. The two accept the same files and build the same meetings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-meeting.h"
#include <glib/gi18n-lib.h>
#include "quorum-load-context.h"
#include "quorum-meetings-private.h"

#include <string.h>

static void
location (QuorumLoadContext *ctx,
          JsonNode          *node,
          guint             *line,
          guint             *column)
{
  *line = *column = 0;
  if (ctx->tree != NULL && node != NULL)
    quorum_json_tree_get_location (ctx->tree, node, line, column);
}

/* ARRAY's elements, or NULL (with an error) past the documented limit. */
static JsonArray *
entries (QuorumLoadContext *ctx,
         JsonNode          *object_node,
         const char        *path,
         const char        *member)
{
  JsonNode *node = NULL;
  JsonArray *array = _quorum_ctx_array (ctx, object_node, path, member, FALSE, &node);

  if (array != NULL && json_array_get_length (array) > QUORUM_MAX_MEETING_ENTRIES)
    {
      g_autofree char *member_path = quorum_path_member (path, member);

      _quorum_ctx_error (ctx, node, member_path, _("more than %u entries"),
                         QUORUM_MAX_MEETING_ENTRIES);
      return NULL;
    }
  return array;
}

static void
read_number (QuorumLoadContext *ctx,
             QuorumMeeting     *self,
             JsonNode          *root)
{
  JsonNode *node = _quorum_ctx_member (ctx, root, "$", "number", FALSE);

  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) > 0)
    self->number = json_node_get_int (node);
  else
    _quorum_ctx_error (ctx, node, "$.number", _("expected a whole number above 0"));
}

static void
read_time (QuorumLoadContext  *ctx,
           JsonNode           *root,
           const char         *member,
           char              **out)
{
  g_autofree char *path = quorum_path_member ("$", member);

  _quorum_ctx_string (ctx, root, "$", member, FALSE, out);
  if (*out != NULL && !quorum_time_is_valid (*out))
    {
      _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (root), member),
                         path, _("“%s” is not a time written like 10:00"), *out);
      g_clear_pointer (out, g_free);
    }
}

static void
read_header (QuorumLoadContext *ctx,
             QuorumMeeting     *self,
             JsonNode          *root)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *committee;

  _quorum_ctx_file_id (ctx, root, &self->id);
  _quorum_ctx_id (ctx, root, "$", "committee", TRUE, &self->committee);
  committee = json_object_get_member (object, "committee");
  location (ctx, committee, &self->committee_line, &self->committee_column);
  read_number (ctx, self, root);
  _quorum_ctx_string (ctx, root, "$", "reference", FALSE, &self->reference);
  _quorum_ctx_string (ctx, root, "$", "title", TRUE, &self->title);
  _quorum_ctx_date (ctx, root, "$", "date", TRUE, &self->date);
  read_time (ctx, root, "start", &self->start);
  read_time (ctx, root, "end", &self->end);
  if (self->start != NULL && self->end != NULL && strcmp (self->end, self->start) < 0)
    _quorum_ctx_error (ctx, json_object_get_member (object, "end"), "$.end",
                       _("the end %s is before the start %s"), self->end, self->start);
  _quorum_ctx_string (ctx, root, "$", "venue", FALSE, &self->venue);
  _quorum_ctx_string (ctx, root, "$", "note", FALSE, &self->note);
  _quorum_ctx_member (ctx, root, "$", "status", TRUE);
  _quorum_ctx_enum (ctx, root, "$", "status", _quorum_meeting_statuses, &self->status);
  _quorum_ctx_enum (ctx, root, "$", "minutes", _quorum_meeting_minutes_states, &self->minutes);
  if (self->minutes != NULL && !g_str_equal (self->minutes, "none") &&
      self->status != NULL && !g_str_equal (self->status, "held"))
    _quorum_ctx_error (ctx, json_object_get_member (object, "minutes"), "$.minutes",
                       _("a %s meeting has no minutes; only a held one can"), self->status);
  _quorum_ctx_enum (ctx, root, "$", "classification", _quorum_meeting_classifications,
                    &self->classification);
}

static void
read_attendance (QuorumLoadContext *ctx,
                 QuorumMeeting     *self,
                 JsonNode          *root)
{
  JsonArray *list = entries (ctx, root, "$", "attendance");

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *path = quorum_path_index ("$.attendance", i);
      char *name = NULL, *category = NULL, *role = NULL, *presence = NULL;
      gboolean ok;

      if (_quorum_ctx_object (ctx, node, path) == NULL)
        continue;
      ok = _quorum_ctx_string (ctx, node, path, "name", TRUE, &name);
      ok &= _quorum_ctx_string (ctx, node, path, "category", FALSE, &category);
      ok &= _quorum_ctx_member (ctx, node, path, "role", TRUE) != NULL;
      ok &= _quorum_ctx_enum (ctx, node, path, "role", _quorum_attendee_roles, &role);
      ok &= _quorum_ctx_member (ctx, node, path, "presence", TRUE) != NULL;
      ok &= _quorum_ctx_enum (ctx, node, path, "presence", _quorum_attendee_presences,
                              &presence);
      if (ok)
        {
          g_autoptr(QuorumAttendee) attendee = _quorum_attendee_new (name, category, role,
                                                                     presence);

          g_list_store_append (self->attendance, attendee);
        }
      else
        {
          g_free (name);
          g_free (category);
          g_free (role);
          g_free (presence);
        }
    }
}

/* A paper's `ref`: a budget document (maybe narrowed to a table, row and
 * column), or a work package; one or the other. */
static QuorumPaper *
read_paper (QuorumLoadContext *ctx,
            JsonNode          *node,
            const char        *path,
            guint              item_index,
            guint              index)
{
  g_autofree char *ref_path = quorum_path_member (path, "ref");
  g_autofree char *title = NULL;
  char *document = NULL, *table = NULL, *row = NULL, *column = NULL, *package = NULL;
  QuorumPaperRefKind kind = QUORUM_PAPER_REF_NONE;
  QuorumPaper *paper;
  JsonNode *ref;
  guint line, col;

  if (_quorum_ctx_object (ctx, node, path) == NULL ||
      !_quorum_ctx_string (ctx, node, path, "title", TRUE, &title))
    return NULL;
  ref = _quorum_ctx_member (ctx, node, path, "ref", FALSE);
  if (ref != NULL && _quorum_ctx_object (ctx, ref, ref_path) != NULL)
    {
      JsonObject *object = json_node_get_object (ref);
      gboolean has_document = json_object_has_member (object, "document");
      gboolean has_package = json_object_has_member (object, "work_package");

      if (has_document == has_package)
        {
          _quorum_ctx_error (ctx, ref, ref_path,
                             _("a paper's ref names either a document or a work_package"));
          return NULL;
        }
      kind = has_document ? QUORUM_PAPER_REF_DOCUMENT : QUORUM_PAPER_REF_WORK_PACKAGE;
      _quorum_ctx_id (ctx, ref, ref_path, "document", FALSE, &document);
      _quorum_ctx_id (ctx, ref, ref_path, "table", FALSE, &table);
      _quorum_ctx_id (ctx, ref, ref_path, "row", FALSE, &row);
      _quorum_ctx_id (ctx, ref, ref_path, "column", FALSE, &column);
      _quorum_ctx_id (ctx, ref, ref_path, "work_package", FALSE, &package);
      if ((row != NULL || column != NULL) && table == NULL)
        _quorum_ctx_error (ctx, ref, ref_path, _("a row or column needs its table"));
    }
  paper = _quorum_paper_new (g_steal_pointer (&title), kind, document, table, row, column,
                             package);
  location (ctx, ref, &line, &col);
  _quorum_paper_set_location (paper, item_index, index, line, col);
  return paper;
}

static void
read_outcomes (QuorumLoadContext *ctx,
               GPtrArray         *outcomes,
               JsonNode          *node,
               const char        *path)
{
  g_autofree char *list_path = quorum_path_member (path, "outcomes");
  JsonArray *list = entries (ctx, node, path, "outcomes");

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *element = json_array_get_element (list, i);
      g_autofree char *element_path = quorum_path_index (list_path, i);
      g_autofree char *kind = NULL, *text = NULL, *by = NULL;
      gboolean ok;

      if (_quorum_ctx_object (ctx, element, element_path) == NULL)
        continue;
      ok = _quorum_ctx_member (ctx, element, element_path, "kind", TRUE) != NULL;
      ok &= _quorum_ctx_enum (ctx, element, element_path, "kind", _quorum_item_outcome_kinds,
                              &kind);
      ok &= _quorum_ctx_string (ctx, element, element_path, "text", TRUE, &text);
      ok &= _quorum_ctx_string (ctx, element, element_path, "by", FALSE, &by);
      if (!ok)
        continue;
      for (guint k = 0; _quorum_item_outcome_kinds[k] != NULL; k++)
        if (g_str_equal (_quorum_item_outcome_kinds[k], kind))
          g_ptr_array_add (outcomes, _quorum_item_outcome_new (k, g_steal_pointer (&text),
                                                               g_steal_pointer (&by)));
    }
}

static QuorumAgendaItem *
read_item (QuorumLoadContext *ctx,
           QuorumMeeting     *self,
           JsonNode          *node,
           const char        *path,
           guint              index)
{
  g_autofree char *papers_path = quorum_path_member (path, "papers");
  char *number = NULL, *title = NULL, *presenter = NULL, *summary = NULL;
  g_autoptr(QuorumAgendaItem) item = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *papers;
  gboolean ok;

  ok = _quorum_ctx_string (ctx, node, path, "number", TRUE, &number);
  ok &= _quorum_ctx_string (ctx, node, path, "title", TRUE, &title);
  ok &= _quorum_ctx_string (ctx, node, path, "presenter", FALSE, &presenter);
  ok &= _quorum_ctx_string (ctx, node, path, "summary", FALSE, &summary);
  if (number != NULL && *number == '\0')
    {
      _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "number"),
                         path, _("an item's number is empty"));
      ok = FALSE;
    }
  item = _quorum_agenda_item_new (self->id, number, title, presenter, summary);
  if (!ok)
    return NULL;

  papers = entries (ctx, node, path, "papers");
  for (guint i = 0; papers != NULL && i < json_array_get_length (papers); i++)
    {
      g_autofree char *paper_path = quorum_path_index (papers_path, i);
      QuorumPaper *paper = read_paper (ctx, json_array_get_element (papers, i), paper_path,
                                       index, i);

      if (paper != NULL)
        g_ptr_array_add (list, paper);
    }
  read_outcomes (ctx, outcomes, node, path);
  _quorum_agenda_item_set_lists (item, list, outcomes);
  return g_steal_pointer (&item);
}

static void
read_items (QuorumLoadContext *ctx,
            QuorumMeeting     *self,
            JsonNode          *root)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *list = entries (ctx, root, "$", "items");

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *path = quorum_path_index ("$.items", i);
      g_autoptr(QuorumAgendaItem) item = NULL;
      const char *number;

      if (_quorum_ctx_object (ctx, node, path) == NULL)
        continue;
      item = read_item (ctx, self, node, path, i);
      if (item == NULL)
        continue;
      number = quorum_agenda_item_get_number (item);
      /* Not g_hash_table_add (), which would keep this item's number, freed
       * with the item, in place of the first's. */
      if (g_hash_table_contains (numbers, number))
        {
          g_autofree char *number_path = quorum_path_member (path, "number");

          _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "number"),
                             number_path, _("item number “%s” is used twice in this meeting"),
                             number);
          continue;
        }
      g_hash_table_add (numbers, (gpointer) number);
      g_list_store_append (self->items, item);
    }
}

static gboolean
read_ref (QuorumLoadContext  *ctx,
          JsonNode           *node,
          const char         *path,
          char              **out)
{
  g_autofree char *ref_path = quorum_path_member (path, "ref");

  if (!_quorum_ctx_string (ctx, node, path, "ref", TRUE, out))
    return FALSE;
  if (quorum_action_ref_is_valid (*out))
    return TRUE;
  _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "ref"), ref_path,
                     _("“%s” is not an action ref written like SECP39/07"), *out);
  g_clear_pointer (out, g_free);
  return FALSE;
}

static void
read_actions (QuorumLoadContext *ctx,
              QuorumMeeting     *self,
              JsonNode          *root)
{
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *list = entries (ctx, root, "$", "actions");

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *path = quorum_path_index ("$.actions", i);
      char *ref = NULL, *item = NULL, *owner = NULL, *text = NULL, *due = NULL, *status = NULL;
      g_autoptr(QuorumAction) action = NULL;
      gboolean ok;
      guint line, column;

      if (_quorum_ctx_object (ctx, node, path) == NULL)
        continue;
      ok = read_ref (ctx, node, path, &ref);
      ok &= _quorum_ctx_string (ctx, node, path, "item", FALSE, &item);
      ok &= _quorum_ctx_string (ctx, node, path, "owner", FALSE, &owner);
      ok &= _quorum_ctx_string (ctx, node, path, "text", TRUE, &text);
      ok &= _quorum_ctx_date (ctx, node, path, "due", FALSE, &due);
      ok &= _quorum_ctx_member (ctx, node, path, "status", TRUE) != NULL;
      ok &= _quorum_ctx_enum (ctx, node, path, "status", _quorum_action_statuses, &status);
      if (ok && item != NULL && quorum_meeting_find_item (self, item) == NULL)
        {
          g_autofree char *item_path = quorum_path_member (path, "item");

          _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "item"),
                             item_path, _("no agenda item is numbered “%s”"), item);
          ok = FALSE;
        }
      if (ok && g_hash_table_contains (refs, ref))
        {
          g_autofree char *ref_path = quorum_path_member (path, "ref");

          _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (node), "ref"),
                             ref_path, _("action %s is raised twice in this meeting"), ref);
          ok = FALSE;
        }
      action = _quorum_action_new (ref, self->id, self->date, self->committee, item, owner,
                                   text, due, status);
      if (!ok)
        continue;
      g_hash_table_add (refs, g_strdup (ref));
      location (ctx, json_object_get_member (json_node_get_object (node), "ref"), &line, &column);
      _quorum_action_set_location (action, line, column);
      g_list_store_append (self->actions, action);
    }
}

static void
read_updates (QuorumLoadContext *ctx,
              QuorumMeeting     *self,
              JsonNode          *root)
{
  JsonArray *list = entries (ctx, root, "$", "action_updates");

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *path = quorum_path_index ("$.action_updates", i);
      char *ref = NULL, *status = NULL, *text = NULL;
      g_autoptr(QuorumActionUpdate) update = NULL;
      gboolean ok;

      if (_quorum_ctx_object (ctx, node, path) == NULL)
        continue;
      ok = read_ref (ctx, node, path, &ref);
      ok &= _quorum_ctx_member (ctx, node, path, "status", TRUE) != NULL;
      ok &= _quorum_ctx_enum (ctx, node, path, "status", _quorum_action_statuses, &status);
      ok &= _quorum_ctx_string (ctx, node, path, "text", FALSE, &text);
      update = _quorum_action_update_new (ref, self->id, self->date, status, text, i);
      if (ok)
        g_list_store_append (self->action_updates, update);
    }
}

/* The strict loader: reads the file as a tree and reports every problem,
 * with its JSON path and line:column. */
QuorumMeeting *
_quorum_meeting_load_strict (const char *file,
                             const char *data,
                             gsize       length,
                             GPtrArray  *problems)
{
  QuorumLoadContext ctx = { .file = file, .problems = problems };
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(QuorumMeeting) self = NULL;
  JsonNode *root;

  root = _quorum_ctx_open (&ctx, data, length, "quorum.meeting", 1, &tree);
  if (root == NULL)
    return NULL;

  self = g_object_new (QUORUM_TYPE_MEETING, NULL);
  self->file = g_strdup (file);
  read_header (&ctx, self, root);
  read_attendance (&ctx, self, root);
  read_items (&ctx, self, root);
  read_actions (&ctx, self, root);
  read_updates (&ctx, self, root);

  if (ctx.n_errors > 0)
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * quorum_meeting_new_from_data:
 * @file: the file's path; its base name less `.json` must equal the id
 *
 * Returns: (transfer full) (nullable): the meeting, or %NULL with every
 *   problem appended to @problems
 */
QuorumMeeting *
quorum_meeting_new_from_data (const char *file,
                              const char *data,
                              gsize       length,
                              GPtrArray  *problems)
{
  QuorumMeeting *self;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* A valid file, as most are, is read straight into its model; one that
   * the direct reader gives up on is read again here, which says why. */
  if ((self = _quorum_meeting_read (file, data, length)) != NULL)
    return self;
  return _quorum_meeting_load_strict (file, data, length, problems);
}
