/* quorum-meeting-read.c: a valid meetings/<id>.json read straight into its model
 *
 * Most meeting files are valid, and most of a store's bytes can be
 * meetings. This reader takes the file a token at a time
 * (QuorumJsonCursor) and builds the meeting as it reads: no JSON tree, no
 * JSON path, and no line:column but those the model keeps (its committee,
 * its papers' and actions' refs, for what quorum-meeting-links.c may say
 * of them once the store has loaded).
 *
 * It checks all that the strict loader (quorum-meeting-load.c) checks, but
 * says nothing: at the first thing wrong, or anything it is unsure of
 * (a format other than exactly quorum.meeting/1), it gives up, and the
 * strict loader reads the file again to report every problem in its
 * words. So it must refuse every file the strict loader refuses, and build
 * what the strict loader builds: tests/core/meetings reads files both
 * ways and compares, and so does the fuzz target.
 *
 * Members may come in any order: what needs the meeting's id, date or
 * committee, or all of its items (actions name one), is built once the
 * root object has been read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-meeting.h"
#include "quorum-json-cursor.h"
#include "quorum-load-context.h"
#include "quorum-meetings-private.h"

#include <errno.h>
#include <string.h>

#define FORMAT "quorum.meeting/1"

typedef enum
{
  FIELD_STRING,
  FIELD_ID,
  FIELD_DATE,
  FIELD_TIME,
  FIELD_ENUM,
  FIELD_ACTION_REF,
} FieldKind;

/* A member whose value is a string, read into a record's char * at
 * `offset`; with `line` ≥ 0, its value's line:column into the record's
 * guints at `line` and `column`. */
typedef struct
{
  const char *name;
  FieldKind kind;
  gboolean required;
  const char * const *allowed;   /* FIELD_ENUM's values */
  goffset offset;
  goffset line;
  goffset column;
} Field;

typedef struct
{
  char *document, *table, *row, *column, *work_package;
} RefRecord;

typedef struct
{
  char *title;
  gboolean has_ref;
  RefRecord ref;
  guint line, column;
} PaperRecord;

typedef struct
{
  char *kind, *text, *by;
} OutcomeRecord;

typedef struct
{
  char *name, *category, *role, *presence;
} AttendeeRecord;

typedef struct
{
  char *number, *title, *presenter, *summary;
  guint index;
  GPtrArray *papers;       /* of QuorumPaper */
  GPtrArray *outcomes;     /* of QuorumItemOutcome */
} ItemRecord;

typedef struct
{
  char *ref, *item, *owner, *text, *due, *status;
  guint line, column;
} ActionRecord;

typedef struct
{
  char *ref, *status, *text;
} UpdateRecord;

/* Records read into an array, each by the same fields. */
typedef struct
{
  GArray *records;
  const Field *fields;
  guint n_fields;
} RecordList;

typedef struct
{
  QuorumJsonCursor *cursor;
  QuorumMeeting *meeting;
  gboolean has_format;
  GPtrArray *attendance;   /* of QuorumAttendee */
  GArray *items;           /* of ItemRecord */
  GHashTable *numbers;     /* the items' numbers, borrowed from the records */
  RecordList actions;      /* of ActionRecord */
  RecordList updates;      /* of UpdateRecord */
} Reader;

typedef gboolean (*OtherFunc)   (Reader     *r,
                                 const char *name,
                                 gpointer    data);
typedef gboolean (*ElementFunc) (Reader     *r,
                                 guint       index,
                                 gpointer    data);

#define STRING_FIELD(type, name, required) \
  { #name, FIELD_STRING, required, NULL, G_STRUCT_OFFSET (type, name), -1, -1 }
#define FIELD(type, name, kind, required, allowed) \
  { #name, kind, required, allowed, G_STRUCT_OFFSET (type, name), -1, -1 }

static const Field header_fields[] = {
  FIELD (QuorumMeeting, id, FIELD_ID, TRUE, NULL),
  { "committee", FIELD_ID, TRUE, NULL, G_STRUCT_OFFSET (QuorumMeeting, committee),
    G_STRUCT_OFFSET (QuorumMeeting, committee_line),
    G_STRUCT_OFFSET (QuorumMeeting, committee_column) },
  STRING_FIELD (QuorumMeeting, reference, FALSE),
  STRING_FIELD (QuorumMeeting, title, TRUE),
  FIELD (QuorumMeeting, date, FIELD_DATE, TRUE, NULL),
  FIELD (QuorumMeeting, start, FIELD_TIME, FALSE, NULL),
  FIELD (QuorumMeeting, end, FIELD_TIME, FALSE, NULL),
  STRING_FIELD (QuorumMeeting, venue, FALSE),
  STRING_FIELD (QuorumMeeting, note, FALSE),
  FIELD (QuorumMeeting, status, FIELD_ENUM, TRUE, _quorum_meeting_statuses),
  FIELD (QuorumMeeting, minutes, FIELD_ENUM, FALSE, _quorum_meeting_minutes_states),
  FIELD (QuorumMeeting, classification, FIELD_ENUM, FALSE, _quorum_meeting_classifications),
};

static const Field attendee_fields[] = {
  STRING_FIELD (AttendeeRecord, name, TRUE),
  STRING_FIELD (AttendeeRecord, category, FALSE),
  FIELD (AttendeeRecord, role, FIELD_ENUM, TRUE, _quorum_attendee_roles),
  FIELD (AttendeeRecord, presence, FIELD_ENUM, TRUE, _quorum_attendee_presences),
};

static const Field item_fields[] = {
  STRING_FIELD (ItemRecord, number, TRUE),
  STRING_FIELD (ItemRecord, title, TRUE),
  STRING_FIELD (ItemRecord, presenter, FALSE),
  STRING_FIELD (ItemRecord, summary, FALSE),
};

static const Field paper_fields[] = {
  STRING_FIELD (PaperRecord, title, TRUE),
};

static const Field ref_fields[] = {
  FIELD (RefRecord, document, FIELD_ID, FALSE, NULL),
  FIELD (RefRecord, table, FIELD_ID, FALSE, NULL),
  FIELD (RefRecord, row, FIELD_ID, FALSE, NULL),
  FIELD (RefRecord, column, FIELD_ID, FALSE, NULL),
  FIELD (RefRecord, work_package, FIELD_ID, FALSE, NULL),
};

static const Field outcome_fields[] = {
  FIELD (OutcomeRecord, kind, FIELD_ENUM, TRUE, _quorum_item_outcome_kinds),
  STRING_FIELD (OutcomeRecord, text, TRUE),
  STRING_FIELD (OutcomeRecord, by, FALSE),
};

static const Field action_fields[] = {
  { "ref", FIELD_ACTION_REF, TRUE, NULL, G_STRUCT_OFFSET (ActionRecord, ref),
    G_STRUCT_OFFSET (ActionRecord, line), G_STRUCT_OFFSET (ActionRecord, column) },
  STRING_FIELD (ActionRecord, item, FALSE),
  STRING_FIELD (ActionRecord, owner, FALSE),
  STRING_FIELD (ActionRecord, text, TRUE),
  FIELD (ActionRecord, due, FIELD_DATE, FALSE, NULL),
  FIELD (ActionRecord, status, FIELD_ENUM, TRUE, _quorum_action_statuses),
};

static const Field update_fields[] = {
  FIELD (UpdateRecord, ref, FIELD_ACTION_REF, TRUE, NULL),
  FIELD (UpdateRecord, status, FIELD_ENUM, TRUE, _quorum_action_statuses),
  STRING_FIELD (UpdateRecord, text, FALSE),
};

#undef STRING_FIELD
#undef FIELD

static void
clear_fields (gpointer     record,
              const Field *fields,
              guint        n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    g_clear_pointer ((char **) G_STRUCT_MEMBER_P (record, fields[i].offset), g_free);
}

static gboolean
field_is_valid (const Field *field,
                const char  *text)
{
  switch (field->kind)
    {
    case FIELD_ID:
      return quorum_id_is_valid (text);
    case FIELD_DATE:
      return quorum_date_is_valid (text);
    case FIELD_TIME:
      return quorum_time_is_valid (text);
    case FIELD_ENUM:
      return g_strv_contains (field->allowed, text);
    case FIELD_ACTION_REF:
      return quorum_action_ref_is_valid (text);
    case FIELD_STRING:
    default:
      return TRUE;
    }
}

/* A member's value into @record, if it is a string and a valid one. */
static gboolean
read_field (Reader      *r,
            const Field *field,
            gpointer     record)
{
  if (quorum_json_cursor_next (r->cursor) != QUORUM_JSON_TOKEN_STRING ||
      !field_is_valid (field, quorum_json_cursor_get_string (r->cursor, NULL)))
    return FALSE;
  if (field->line >= 0)
    quorum_json_cursor_get_location (r->cursor, G_STRUCT_MEMBER_P (record, field->line),
                                     G_STRUCT_MEMBER_P (record, field->column));
  *(char **) G_STRUCT_MEMBER_P (record, field->offset) = quorum_json_cursor_dup_string (r->cursor);
  return TRUE;
}

/* The members of the object just begun, up to its end: @fields into
 * @record, any other member to @other (skipped if it is %NULL). Members
 * come at most once: the cursor refuses a duplicate. */
static gboolean
read_members (Reader      *r,
              const Field *fields,
              guint        n_fields,
              gpointer     record,
              OtherFunc    other,
              gpointer     data)
{
  QuorumJsonToken token;
  guint32 seen = 0;

  g_assert (n_fields <= 32);
  while ((token = quorum_json_cursor_next (r->cursor)) == QUORUM_JSON_TOKEN_MEMBER)
    {
      const char *name = quorum_json_cursor_get_string (r->cursor, NULL);
      guint i = 0;

      while (i < n_fields && strcmp (fields[i].name, name) != 0)
        i++;
      if (i < n_fields)
        {
          if (!read_field (r, &fields[i], record))
            return FALSE;
          seen |= 1u << i;
        }
      else if (other != NULL ? !other (r, name, data) : !quorum_json_cursor_skip (r->cursor))
        return FALSE;
    }
  if (token != QUORUM_JSON_TOKEN_END_OBJECT)
    return FALSE;
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].required && (seen & (1u << i)) == 0)
      return FALSE;
  return TRUE;
}

/* An array of objects, at most QUORUM_MAX_MEETING_ENTRIES, each read by
 * @element once begun. */
static gboolean
read_list (Reader      *r,
           ElementFunc  element,
           gpointer     data)
{
  QuorumJsonToken token;
  guint n = 0;

  if (quorum_json_cursor_next (r->cursor) != QUORUM_JSON_TOKEN_BEGIN_ARRAY)
    return FALSE;
  while ((token = quorum_json_cursor_next (r->cursor)) == QUORUM_JSON_TOKEN_BEGIN_OBJECT)
    if (++n > QUORUM_MAX_MEETING_ENTRIES || !element (r, n - 1, data))
      return FALSE;
  return token == QUORUM_JSON_TOKEN_END_ARRAY;
}

static gboolean
read_attendee (Reader   *r,
               guint     index,
               gpointer  data)
{
  AttendeeRecord a = { 0 };

  if (!read_members (r, attendee_fields, G_N_ELEMENTS (attendee_fields), &a, NULL, NULL))
    {
      clear_fields (&a, attendee_fields, G_N_ELEMENTS (attendee_fields));
      return FALSE;
    }
  g_ptr_array_add (r->attendance, _quorum_attendee_new (a.name, a.category, a.role,
                                                        a.presence));
  return TRUE;
}

/* A paper's `ref`: a document (maybe narrowed to a table, row and column)
 * or a work package, one or the other. */
static gboolean
read_ref (Reader      *r,
          PaperRecord *paper)
{
  RefRecord *ref = &paper->ref;

  if (quorum_json_cursor_next (r->cursor) != QUORUM_JSON_TOKEN_BEGIN_OBJECT)
    return FALSE;
  paper->has_ref = TRUE;
  quorum_json_cursor_get_location (r->cursor, &paper->line, &paper->column);
  return read_members (r, ref_fields, G_N_ELEMENTS (ref_fields), ref, NULL, NULL) &&
         (ref->document != NULL) != (ref->work_package != NULL) &&
         (ref->table != NULL || (ref->row == NULL && ref->column == NULL));
}

static gboolean
read_paper_other (Reader     *r,
                  const char *name,
                  gpointer    data)
{
  if (strcmp (name, "ref") == 0)
    return read_ref (r, data);
  return quorum_json_cursor_skip (r->cursor);
}

static gboolean
read_paper (Reader   *r,
            guint     index,
            gpointer  data)
{
  ItemRecord *item = data;
  PaperRecord p = { 0 };
  RefRecord *ref = &p.ref;
  QuorumPaperRefKind kind = QUORUM_PAPER_REF_NONE;
  QuorumPaper *paper;

  if (!read_members (r, paper_fields, G_N_ELEMENTS (paper_fields), &p, read_paper_other, &p))
    {
      clear_fields (&p, paper_fields, G_N_ELEMENTS (paper_fields));
      clear_fields (ref, ref_fields, G_N_ELEMENTS (ref_fields));
      return FALSE;
    }
  if (p.has_ref)
    kind = ref->document != NULL ? QUORUM_PAPER_REF_DOCUMENT : QUORUM_PAPER_REF_WORK_PACKAGE;
  paper = _quorum_paper_new (p.title, kind, ref->document, ref->table, ref->row, ref->column,
                             ref->work_package);
  _quorum_paper_set_location (paper, item->index, index, p.line, p.column);
  g_ptr_array_add (item->papers, paper);
  return TRUE;
}

static gboolean
read_outcome (Reader   *r,
              guint     index,
              gpointer  data)
{
  ItemRecord *item = data;
  OutcomeRecord o = { 0 };
  guint k = 0;

  if (!read_members (r, outcome_fields, G_N_ELEMENTS (outcome_fields), &o, NULL, NULL))
    {
      clear_fields (&o, outcome_fields, G_N_ELEMENTS (outcome_fields));
      return FALSE;
    }
  while (!g_str_equal (_quorum_item_outcome_kinds[k], o.kind))
    k++;
  g_free (o.kind);
  g_ptr_array_add (item->outcomes, _quorum_item_outcome_new (k, o.text, o.by));
  return TRUE;
}

static gboolean
read_item_other (Reader     *r,
                 const char *name,
                 gpointer    data)
{
  if (strcmp (name, "papers") == 0)
    return read_list (r, read_paper, data);
  if (strcmp (name, "outcomes") == 0)
    return read_list (r, read_outcome, data);
  return quorum_json_cursor_skip (r->cursor);
}

static void
clear_item (gpointer data)
{
  ItemRecord *item = data;

  clear_fields (item, item_fields, G_N_ELEMENTS (item_fields));
  g_clear_pointer (&item->papers, g_ptr_array_unref);
  g_clear_pointer (&item->outcomes, g_ptr_array_unref);
}

/* An agenda item, kept as a record until the meeting's id is known. */
static gboolean
read_item (Reader   *r,
           guint     index,
           gpointer  data)
{
  ItemRecord *item;

  g_array_set_size (r->items, r->items->len + 1);
  item = &g_array_index (r->items, ItemRecord, r->items->len - 1);
  item->index = index;
  item->papers = g_ptr_array_new_with_free_func (g_object_unref);
  item->outcomes = g_ptr_array_new_with_free_func (g_object_unref);
  return read_members (r, item_fields, G_N_ELEMENTS (item_fields), item, read_item_other,
                       item) &&
         *item->number != '\0' && g_hash_table_add (r->numbers, item->number);
}

static void
clear_action (gpointer data)
{
  clear_fields (data, action_fields, G_N_ELEMENTS (action_fields));
}

static void
clear_update (gpointer data)
{
  clear_fields (data, update_fields, G_N_ELEMENTS (update_fields));
}

/* An action or an update, kept as a record until the header is known. */
static gboolean
read_record (Reader   *r,
             guint     index,
             gpointer  data)
{
  RecordList *list = data;
  gsize size = g_array_get_element_size (list->records);

  g_array_set_size (list->records, list->records->len + 1);
  return read_members (r, list->fields, list->n_fields,
                       list->records->data + (list->records->len - 1) * size, NULL, NULL);
}

/* `number`: a whole number above 0, as the strict loader reads it (an
 * integer that fits in 64 bits; no fraction or exponent, even if 0). */
static gboolean
read_meeting_number (Reader *r)
{
  const char *text, *p;
  char *end = NULL;
  gint64 number;

  if (quorum_json_cursor_next (r->cursor) != QUORUM_JSON_TOKEN_NUMBER)
    return FALSE;
  text = quorum_json_cursor_get_string (r->cursor, NULL);
  for (p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  errno = 0;
  number = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || *end != '\0' || number <= 0)
    return FALSE;
  r->meeting->number = number;
  return TRUE;
}

static gboolean
read_root_other (Reader     *r,
                 const char *name,
                 gpointer    data)
{
  if (strcmp (name, "format") == 0)
    return (r->has_format = quorum_json_cursor_next (r->cursor) == QUORUM_JSON_TOKEN_STRING &&
                            quorum_json_cursor_string_is (r->cursor, FORMAT));
  if (strcmp (name, "number") == 0)
    return read_meeting_number (r);
  if (strcmp (name, "attendance") == 0)
    return read_list (r, read_attendee, NULL);
  if (strcmp (name, "items") == 0)
    return read_list (r, read_item, NULL);
  if (strcmp (name, "actions") == 0)
    return read_list (r, read_record, &r->actions);
  if (strcmp (name, "action_updates") == 0)
    return read_list (r, read_record, &r->updates);
  return quorum_json_cursor_skip (r->cursor);
}

/* What the strict loader checks across members, once all are read. */
static gboolean
header_is_valid (QuorumMeeting *self)
{
  g_autofree char *basename = g_path_get_basename (self->file);

  if (g_str_has_suffix (basename, ".json"))
    basename[strlen (basename) - strlen (".json")] = '\0';
  return g_str_equal (self->id, basename) &&
         (self->start == NULL || self->end == NULL || strcmp (self->end, self->start) >= 0) &&
         (self->minutes == NULL || g_str_equal (self->minutes, "none") ||
          g_str_equal (self->status, "held"));
}

/* The items, actions and updates, which need the header; FALSE if an
 * action names no item or is raised twice. */
static gboolean
build (Reader *r)
{
  QuorumMeeting *self = r->meeting;
  g_autoptr(GHashTable) refs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < r->actions.records->len; i++)
    {
      ActionRecord *a = &g_array_index (r->actions.records, ActionRecord, i);

      if ((a->item != NULL && !g_hash_table_contains (r->numbers, a->item)) ||
          !g_hash_table_add (refs, a->ref))
        return FALSE;
    }

  g_list_store_splice (self->attendance, 0, 0, r->attendance->pdata, r->attendance->len);
  for (guint i = 0; i < r->items->len; i++)
    {
      ItemRecord *item = &g_array_index (r->items, ItemRecord, i);
      QuorumAgendaItem *agenda_item = _quorum_agenda_item_new (self->id, item->number,
                                                               item->title, item->presenter,
                                                               item->summary);

      memset (item, 0, G_STRUCT_OFFSET (ItemRecord, index));
      _quorum_agenda_item_set_lists (agenda_item, item->papers, item->outcomes);
      g_ptr_array_add (list, agenda_item);
    }
  g_list_store_splice (self->items, 0, 0, list->pdata, list->len);

  g_ptr_array_set_size (list, 0);
  for (guint i = 0; i < r->actions.records->len; i++)
    {
      ActionRecord *a = &g_array_index (r->actions.records, ActionRecord, i);
      QuorumAction *action = _quorum_action_new (a->ref, self->id, self->date, self->committee,
                                                 a->item, a->owner, a->text, a->due, a->status);

      _quorum_action_set_location (action, a->line, a->column);
      memset (a, 0, sizeof *a);
      g_ptr_array_add (list, action);
    }
  g_list_store_splice (self->actions, 0, 0, list->pdata, list->len);

  g_ptr_array_set_size (list, 0);
  for (guint i = 0; i < r->updates.records->len; i++)
    {
      UpdateRecord *u = &g_array_index (r->updates.records, UpdateRecord, i);

      g_ptr_array_add (list, _quorum_action_update_new (u->ref, self->id, self->date, u->status,
                                                        u->text, i));
      memset (u, 0, sizeof *u);
    }
  g_list_store_splice (self->action_updates, 0, 0, list->pdata, list->len);
  return TRUE;
}

/**
 * _quorum_meeting_read:
 * @file: the file's path; its base name less `.json` must equal the id
 *
 * Reads a meeting file straight into its model.
 *
 * Returns: (transfer full) (nullable): the meeting, or %NULL if the file
 *   is not one that quorum-meeting-load.c would load without a problem
 *   (or this reader is unsure): that one then says why
 */
QuorumMeeting *
_quorum_meeting_read (const char *file,
                      const char *data,
                      gsize       length)
{
  g_autoptr(QuorumJsonCursor) cursor = NULL;
  g_autoptr(QuorumMeeting) self = NULL;
  g_autoptr(GPtrArray) attendance = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (ItemRecord));
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) actions = g_array_new (FALSE, TRUE, sizeof (ActionRecord));
  g_autoptr(GArray) updates = g_array_new (FALSE, TRUE, sizeof (UpdateRecord));
  Reader r = { 0 };

  g_return_val_if_fail (file != NULL, NULL);

  if (length > QUORUM_MAX_FILE_BYTES || (data == NULL && length > 0))
    return NULL;
  g_array_set_clear_func (items, clear_item);
  g_array_set_clear_func (actions, clear_action);
  g_array_set_clear_func (updates, clear_update);
  cursor = quorum_json_cursor_new (data, length);
  self = g_object_new (QUORUM_TYPE_MEETING, NULL);
  self->file = g_strdup (file);
  r = (Reader) { cursor, self, FALSE, attendance, items, numbers,
                 { actions, action_fields, G_N_ELEMENTS (action_fields) },
                 { updates, update_fields, G_N_ELEMENTS (update_fields) } };

  if (quorum_json_cursor_next (cursor) != QUORUM_JSON_TOKEN_BEGIN_OBJECT ||
      !read_members (&r, header_fields, G_N_ELEMENTS (header_fields), self, read_root_other,
                     NULL) ||
      quorum_json_cursor_next (cursor) != QUORUM_JSON_TOKEN_END ||
      !r.has_format || !header_is_valid (self) || !build (&r))
    return NULL;
  return g_steal_pointer (&self);
}
