/* quorum-note.c: a private note, read strictly from .quorum/notes/ID.json
 *
 * A note is the user's own: it names its target (a budget document,
 * optionally narrowed to a table, row and column; a work package; a
 * meeting, optionally one of its agenda items; an action) by ids, and
 * keeps them when the target is gone: QuorumNotes then shows it as
 * detached. Loading reports every error with the file, the JSON path and
 * the line:column, as every store file does. A note read from a file
 * keeps its parsed tree, so that rewriting it (an edit) keeps every member
 * this Quorum does not know, unchanged and in its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-note.h"
#include <glib/gi18n-lib.h>
#include "quorum-action.h"
#include "quorum-decision.h"
#include "quorum-error.h"
#include "quorum-load-context.h"
#include "quorum-notes-private.h"

#include <string.h>

struct _QuorumNote
{
  GObject parent_instance;

  char *id;
  char *file;
  QuorumNoteTargetKind kind;
  char *target[4];         /* per kind: document, table, row, column; work package;
                            * meeting, item; action */
  char *key;
  char *text;
  char *created;
  char *updated;
  gboolean detached;
  char *label;
  QuorumJsonTree *tree;    /* the file as read, for rewriting it; NULL for a new note */
};

G_DEFINE_FINAL_TYPE (QuorumNote, quorum_note, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (QuorumNoteTargetKind, quorum_note_target_kind,
  G_DEFINE_ENUM_VALUE (QUORUM_NOTE_TARGET_DOCUMENT, "document"),
  G_DEFINE_ENUM_VALUE (QUORUM_NOTE_TARGET_WORK_PACKAGE, "work-package"),
  G_DEFINE_ENUM_VALUE (QUORUM_NOTE_TARGET_MEETING, "meeting"),
  G_DEFINE_ENUM_VALUE (QUORUM_NOTE_TARGET_ACTION, "action"))

enum {
  PROP_0,
  PROP_ID,
  PROP_TARGET_KIND,
  PROP_DOCUMENT,
  PROP_TABLE,
  PROP_ROW,
  PROP_COLUMN,
  PROP_WORK_PACKAGE,
  PROP_MEETING,
  PROP_ITEM,
  PROP_ACTION,
  PROP_TEXT,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_DETACHED,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The target's members in the file, per kind; the first names the kind. */
static const char * const members[][4] = {
  [QUORUM_NOTE_TARGET_DOCUMENT] = { "document", "table", "row", "column" },
  [QUORUM_NOTE_TARGET_WORK_PACKAGE] = { "work_package", NULL, NULL, NULL },
  [QUORUM_NOTE_TARGET_MEETING] = { "meeting", "item", NULL, NULL },
  [QUORUM_NOTE_TARGET_ACTION] = { "action", NULL, NULL, NULL },
};

/**
 * quorum_note_target_kind_to_string:
 *
 * Returns: the member that names a target of @kind: `document`,
 *   `work_package`, `meeting` or `action`
 */
const char *
quorum_note_target_kind_to_string (QuorumNoteTargetKind kind)
{
  g_return_val_if_fail (kind <= QUORUM_NOTE_TARGET_ACTION, NULL);

  return members[kind][0];
}

static void
quorum_note_finalize (GObject *object)
{
  QuorumNote *self = (QuorumNote *) object;

  g_free (self->id);
  g_free (self->file);
  for (guint i = 0; i < G_N_ELEMENTS (self->target); i++)
    g_free (self->target[i]);
  g_free (self->key);
  g_free (self->text);
  g_free (self->created);
  g_free (self->updated);
  g_free (self->label);
  g_clear_pointer (&self->tree, quorum_json_tree_unref);

  G_OBJECT_CLASS (quorum_note_parent_class)->finalize (object);
}

/* The target's field named @member, or NULL if this kind has no such field. */
static const char *
target_field (QuorumNote *self,
              const char *member)
{
  for (guint i = 0; i < 4; i++)
    if (g_strcmp0 (members[self->kind][i], member) == 0)
      return self->target[i];
  return NULL;
}

static void
quorum_note_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  QuorumNote *self = QUORUM_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TARGET_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_DOCUMENT: g_value_set_string (value, target_field (self, "document")); break;
    case PROP_TABLE: g_value_set_string (value, target_field (self, "table")); break;
    case PROP_ROW: g_value_set_string (value, target_field (self, "row")); break;
    case PROP_COLUMN: g_value_set_string (value, target_field (self, "column")); break;
    case PROP_WORK_PACKAGE:
      g_value_set_string (value, target_field (self, "work_package"));
      break;
    case PROP_MEETING: g_value_set_string (value, target_field (self, "meeting")); break;
    case PROP_ITEM: g_value_set_string (value, target_field (self, "item")); break;
    case PROP_ACTION: g_value_set_string (value, target_field (self, "action")); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_CREATED: g_value_set_string (value, self->created); break;
    case PROP_UPDATED: g_value_set_string (value, self->updated); break;
    case PROP_DETACHED: g_value_set_boolean (value, self->detached); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
quorum_note_class_init (QuorumNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = quorum_note_finalize;
  object_class->get_property = quorum_note_get_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_TARGET_KIND] =
    g_param_spec_enum ("target-kind", NULL, NULL, QUORUM_TYPE_NOTE_TARGET_KIND,
                       QUORUM_NOTE_TARGET_DOCUMENT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] = string_property ("document");
  properties[PROP_TABLE] = string_property ("table");
  properties[PROP_ROW] = string_property ("row");
  properties[PROP_COLUMN] = string_property ("column");
  properties[PROP_WORK_PACKAGE] = string_property ("work-package");
  properties[PROP_MEETING] = string_property ("meeting");
  properties[PROP_ITEM] = string_property ("item");
  properties[PROP_ACTION] = string_property ("action");
  properties[PROP_TEXT] = string_property ("text");
  properties[PROP_CREATED] = string_property ("created");
  properties[PROP_UPDATED] = string_property ("updated");
  properties[PROP_DETACHED] =
    g_param_spec_boolean ("detached", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_note_init (QuorumNote *self)
{
}

/**
 * quorum_note_target_key:
 * @first: (nullable): the document, work package, meeting or action
 * @second: (nullable): the table, or the agenda item
 * @third: (nullable): the row
 * @fourth: (nullable): the column
 *
 * Returns: (transfer full): the key QuorumNotes files a note on this
 *   target under (quorum_notes_lookup())
 */
char *
quorum_note_target_key (QuorumNoteTargetKind  kind,
                        const char           *first,
                        const char           *second,
                        const char           *third,
                        const char           *fourth)
{
  g_return_val_if_fail (kind <= QUORUM_NOTE_TARGET_ACTION, NULL);

  /* U+001F, the unit separator, is in no id, item number or ref. */
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s", members[kind][0],
                          first ? first : "", second ? second : "", third ? third : "",
                          fourth ? fourth : "");
}

static QuorumNote *
note_new (QuorumNoteTargetKind  kind,
          const char           *first,
          const char           *second,
          const char           *third,
          const char           *fourth)
{
  QuorumNote *self = g_object_new (QUORUM_TYPE_NOTE, NULL);

  self->kind = kind;
  self->target[0] = g_strdup (first);
  self->target[1] = g_strdup (second);
  self->target[2] = g_strdup (third);
  self->target[3] = g_strdup (fourth);
  self->key = quorum_note_target_key (kind, first, second, third, fourth);
  self->detached = FALSE;
  return self;
}

/**
 * quorum_note_new_on_document:
 * @table: (nullable): narrows the note to a table
 * @row: (nullable): and to a row of it
 * @column: (nullable): and to a column (a cell, with @row)
 *
 * Returns: (transfer full): a note not yet written: quorum_notes_add()
 *   checks its target, gives it its id and text and writes it
 */
QuorumNote *
quorum_note_new_on_document (const char *document,
                             const char *table,
                             const char *row,
                             const char *column)
{
  g_return_val_if_fail (document != NULL, NULL);

  return note_new (QUORUM_NOTE_TARGET_DOCUMENT, document, table, row, column);
}

QuorumNote *
quorum_note_new_on_work_package (const char *work_package)
{
  g_return_val_if_fail (work_package != NULL, NULL);

  return note_new (QUORUM_NOTE_TARGET_WORK_PACKAGE, work_package, NULL, NULL, NULL);
}

/* @item: (nullable): an agenda item's number, such as "6" or "6a" */
QuorumNote *
quorum_note_new_on_meeting (const char *meeting,
                            const char *item)
{
  g_return_val_if_fail (meeting != NULL, NULL);

  return note_new (QUORUM_NOTE_TARGET_MEETING, meeting, item, NULL, NULL);
}

QuorumNote *
quorum_note_new_on_action (const char *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return note_new (QUORUM_NOTE_TARGET_ACTION, ref, NULL, NULL, NULL);
}

/* An agenda item's number: short, printable, no spaces ("6", "6a", "10.2"). */
static gboolean
item_is_valid (const char *item)
{
  gsize length = strlen (item);

  if (length < 1 || length > 16)
    return FALSE;
  for (const char *p = item; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

/* Why field @i of the target is not valid, or NULL if it is. */
static char *
field_problem (QuorumNoteTargetKind  kind,
               guint                 i,
               const char           *value)
{
  if (kind == QUORUM_NOTE_TARGET_ACTION)
    return quorum_action_ref_is_valid (value) ? NULL :
      g_strdup_printf (_("“%s” is not an action ref like SECP39/07"), value);
  if (kind == QUORUM_NOTE_TARGET_MEETING && i == 1)
    return item_is_valid (value) ? NULL :
      g_strdup_printf (_("“%s” is not an agenda item's number like 6 or 6a"), value);
  return quorum_id_is_valid (value) ? NULL :
    g_strdup_printf (_("“%s” is not a valid id: use 1 to 64 lowercase letters, digits and "
                       "hyphens, starting with a letter or digit"), value);
}

/* Checks a new note's target before it is written: valid ids, and a row
 * or column only within a table. */
gboolean
_quorum_note_check_target (QuorumNote  *self,
                           GError     **error)
{
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *problem = NULL;

      if (self->target[i] == NULL)
        continue;
      if ((problem = field_problem (self->kind, i, self->target[i])) != NULL)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, "%s: %s", members[self->kind][i],
                       problem);
          return FALSE;
        }
    }
  if (self->kind == QUORUM_NOTE_TARGET_DOCUMENT && self->target[1] == NULL &&
      (self->target[2] != NULL || self->target[3] != NULL))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("a note on a row or a column names its table"));
      return FALSE;
    }
  return TRUE;
}

/**
 * quorum_note_validate_text:
 *
 * Checks that @text can be a note's: UTF-8 whose only control characters
 * are line feeds and tabs (a carriage return, an escape or any other
 * control character is refused, as in a decision's comment).
 *
 * Returns: %TRUE if @text is allowed, else %FALSE with
 *   %QUORUM_ERROR_INVALID naming the character and its place
 */
gboolean
quorum_note_validate_text (const char  *text,
                           GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return _quorum_validate_text (text, QUORUM_TEXT_NOTE, error);
}

/* Reads $.target: one kind, its fields, nothing of another kind. */
static gboolean
read_target (QuorumLoadContext *ctx,
             QuorumNote        *self,
             JsonNode          *target)
{
  JsonObject *object = json_node_get_object (target);
  int kind = -1;

  for (guint k = 0; k < G_N_ELEMENTS (members); k++)
    if (json_object_has_member (object, members[k][0]))
      {
        if (kind >= 0)
          {
            _quorum_ctx_error (ctx, target, "$.target",
                               _("the target names both “%s” and “%s”; a note has one target"),
                               members[kind][0], members[k][0]);
            return FALSE;
          }
        kind = (int) k;
      }
  if (kind < 0)
    {
      _quorum_ctx_error (ctx, target, "$.target",
                         _("the target names nothing: give one of “document”, "
                           "“work_package”, “meeting” or “action”"));
      return FALSE;
    }
  self->kind = (QuorumNoteTargetKind) kind;

  for (guint k = 0; k < G_N_ELEMENTS (members); k++)
    for (guint i = 1; i < 4 && k != (guint) kind; i++)
      if (members[k][i] != NULL && json_object_has_member (object, members[k][i]))
        {
          g_autofree char *path = quorum_path_member ("$.target", members[k][i]);

          _quorum_ctx_error (ctx, json_object_get_member (object, members[k][i]), path,
                             _("“%s” narrows a “%s” target, not a “%s” one"),
                             members[k][i], members[k][0], members[kind][0]);
        }

  for (guint i = 0; i < 4 && members[kind][i] != NULL; i++)
    {
      g_autofree char *path = quorum_path_member ("$.target", members[kind][i]);
      g_autofree char *problem = NULL;

      if (!_quorum_ctx_string (ctx, target, "$.target", members[kind][i], i == 0,
                               &self->target[i]) ||
          self->target[i] == NULL)
        continue;
      if ((problem = field_problem (self->kind, i, self->target[i])) != NULL)
        _quorum_ctx_error (ctx, json_object_get_member (object, members[kind][i]), path,
                           "%s", problem);
    }
  if (self->kind == QUORUM_NOTE_TARGET_DOCUMENT && self->target[1] == NULL &&
      (self->target[2] != NULL || self->target[3] != NULL))
    _quorum_ctx_error (ctx, target, "$.target", _("a row or a column needs its “table”"));
  return TRUE;
}

/* Reads a required RFC 3339 UTC moment. */
static void
read_moment (QuorumLoadContext  *ctx,
             JsonNode           *root,
             const char         *member,
             char              **out)
{
  g_autofree char *path = quorum_path_member ("$", member);

  if (!_quorum_ctx_string (ctx, root, "$", member, TRUE, out) || *out == NULL)
    return;
  if (!quorum_timestamp_is_valid (*out))
    _quorum_ctx_error (ctx, json_object_get_member (json_node_get_object (root), member), path,
                       _("“%s” is not an RFC 3339 timestamp in UTC like 2020-03-12T10:31:00Z"),
                       *out);
}

/**
 * quorum_note_new_from_data:
 * @file: the file's name, as shown in problems; its base name less
 *   `.json` must be the note's id
 * @problems: (element-type QuorumProblem) (nullable): where each problem
 *   is appended, with the JSON path and line:column
 *
 * Returns: (transfer full) (nullable): the note, or %NULL if the file has
 *   errors
 */
QuorumNote *
quorum_note_new_from_data (const char *file,
                           const char *data,
                           gsize       length,
                           GPtrArray  *problems)
{
  QuorumLoadContext ctx = { .file = file, .problems = problems };
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(QuorumNote) self = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root, *target;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  root = _quorum_ctx_open (&ctx, data, length, QUORUM_NOTE_FORMAT, 1, &tree);
  if (root == NULL)
    return NULL;

  self = g_object_new (QUORUM_TYPE_NOTE, NULL);
  self->file = g_strdup (file);
  _quorum_ctx_file_id (&ctx, root, &self->id);
  target = _quorum_ctx_member (&ctx, root, "$", "target", TRUE);
  if (target != NULL && _quorum_ctx_object (&ctx, target, "$.target") != NULL)
    read_target (&ctx, self, target);
  if (_quorum_ctx_string (&ctx, root, "$", "text", TRUE, &self->text) && self->text != NULL &&
      !quorum_note_validate_text (self->text, &error))
    _quorum_ctx_error (&ctx, json_object_get_member (json_node_get_object (root), "text"),
                       "$.text", "%s", error->message);
  read_moment (&ctx, root, "created", &self->created);
  read_moment (&ctx, root, "updated", &self->updated);

  if (ctx.n_errors > 0)
    return NULL;
  self->key = quorum_note_target_key (self->kind, self->target[0], self->target[1],
                                      self->target[2], self->target[3]);
  self->tree = g_steal_pointer (&tree);
  return g_steal_pointer (&self);
}

static JsonNode *
string_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

static JsonNode *
new_target_node (QuorumNote *self)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < 4; i++)
    if (members[self->kind][i] != NULL && self->target[i] != NULL)
      json_object_set_member (object, members[self->kind][i], string_node (self->target[i]));
  json_node_take_object (node, object);
  return node;
}

/**
 * _quorum_note_to_data:
 * @id: the note's id (a new note has none yet)
 *
 * Returns: (transfer full): the note's file with @text and the moments
 *   given, the object unchanged. A note read from a file is written
 *   member for member as it was read, unknown members included, with its
 *   `text` and `updated` replaced.
 */
char *
_quorum_note_to_data (QuorumNote *self,
                      const char *id,
                      const char *text,
                      const char *created,
                      const char *updated,
                      gsize      *length)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  char *data;

  json_node_take_object (root, object);
  if (self->tree != NULL)
    {
      JsonNode *file_root = quorum_json_tree_get_root (self->tree);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      /* The tree's own nodes, so its numbers keep their text. */
      json_object_iter_init_ordered (&iter, json_node_get_object (file_root));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (g_str_equal (name, "text"))
          json_object_set_member (object, name, string_node (text));
        else if (g_str_equal (name, "updated"))
          json_object_set_member (object, name, string_node (updated));
        else
          json_object_set_member (object, name, json_node_ref (member));
    }
  else
    {
      json_object_set_member (object, "format", string_node (QUORUM_NOTE_FORMAT "/1"));
      json_object_set_member (object, "id", string_node (id));
      json_object_set_member (object, "target", new_target_node (self));
      json_object_set_member (object, "text", string_node (text));
      json_object_set_member (object, "created", string_node (created));
      json_object_set_member (object, "updated", string_node (updated));
    }
  data = quorum_json_tree_to_string (self->tree, root);
  if (length != NULL)
    *length = strlen (data);
  return data;
}

/* A new note has been written as @file. */
void
_quorum_note_set_saved (QuorumNote *self,
                        const char *id,
                        const char *file,
                        const char *text,
                        const char *created,
                        const char *updated)
{
  g_free (self->id);
  self->id = g_strdup (id);
  g_free (self->file);
  self->file = g_strdup (file);
  g_free (self->created);
  self->created = g_strdup (created);
  _quorum_note_set_text (self, text, updated);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

/* The note's file now holds @text, written at @updated. */
void
_quorum_note_set_text (QuorumNote *self,
                       const char *text,
                       const char *updated)
{
  g_free (self->text);
  self->text = g_strdup (text);
  g_free (self->updated);
  self->updated = g_strdup (updated);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

void
_quorum_note_set_resolved (QuorumNote *self,
                           gboolean    detached,
                           const char *label)
{
  if (self->detached != detached)
    {
      self->detached = detached;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETACHED]);
    }
  if (g_strcmp0 (self->label, label) != 0)
    {
      g_free (self->label);
      self->label = g_strdup (label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
}

/**
 * quorum_note_compare:
 *
 * The order of QuorumNotes: by target (its kind, then its ids, a whole
 * document before its tables, a table before its rows), then created,
 * then id.
 */
int
quorum_note_compare (QuorumNote *a,
                     QuorumNote *b)
{
  int order;

  g_return_val_if_fail (QUORUM_IS_NOTE (a) && QUORUM_IS_NOTE (b), 0);

  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  for (guint i = 0; i < 4; i++)
    if ((order = g_strcmp0 (a->target[i], b->target[i])) != 0)
      return order;
  if ((order = g_strcmp0 (a->created, b->created)) != 0)
    return order;
  return g_strcmp0 (a->id, b->id);
}

#define GETTER(field) \
  const char * \
  quorum_note_get_##field (QuorumNote *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_NOTE (self), NULL); \
    return self->field; \
  }

GETTER (id)
GETTER (file)
GETTER (text)
GETTER (created)
GETTER (updated)
GETTER (label)

#undef GETTER

#define TARGET_GETTER(field, member) \
  const char * \
  quorum_note_get_##field (QuorumNote *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_NOTE (self), NULL); \
    return target_field (self, member); \
  }

TARGET_GETTER (document, "document")
TARGET_GETTER (table, "table")
TARGET_GETTER (row, "row")
TARGET_GETTER (column, "column")
TARGET_GETTER (work_package, "work_package")
TARGET_GETTER (meeting, "meeting")
TARGET_GETTER (item, "item")
TARGET_GETTER (action, "action")

#undef TARGET_GETTER

/* The key of the note's target, as quorum_note_target_key() makes it. */
const char *
quorum_note_get_target_key (QuorumNote *self)
{
  g_return_val_if_fail (QUORUM_IS_NOTE (self), NULL);

  return self->key;
}

QuorumNoteTargetKind
quorum_note_get_target_kind (QuorumNote *self)
{
  g_return_val_if_fail (QUORUM_IS_NOTE (self), QUORUM_NOTE_TARGET_DOCUMENT);

  return self->kind;
}

gboolean
quorum_note_get_detached (QuorumNote *self)
{
  g_return_val_if_fail (QUORUM_IS_NOTE (self), FALSE);

  return self->detached;
}
