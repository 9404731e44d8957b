/* quorum-action.c: a numbered action, followed up across meetings
 *
 * An action is raised at a meeting (SECP39/07: owner, text, maybe a due
 * date, a status) and later meetings report progress on it. Its current
 * status is that of its latest update (by meeting date, then the update's
 * order in its file), else its own. An action known only from updates was
 * raised before the store's records begin: it has no meeting, owner or due
 * date, and takes the committee of the meeting that first reported on it.
 * It is overdue when it is open and its due date is before today.
 *
 * The action log (QuorumActionLog) builds these across meetings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-action.h"
#include "quorum-action-update.h"
#include "quorum-meetings-private.h"

#include <string.h>

struct _QuorumAction
{
  GObject parent_instance;

  char *ref;
  char *meeting;          /* NULL: raised before the store's records */
  char *date;
  char *committee;
  char *item;
  char *owner;
  char *text;
  char *due;
  char *raised_status;
  GPtrArray *update_list; /* of QuorumActionUpdate, oldest first; NULL for none */
  GListStore *updates;    /* that list as a model, made when first asked for */
  char *today;
  guint line, column;
  char *folded[3];        /* ref, owner, text casefolded, on first search */
};

G_DEFINE_FINAL_TYPE (QuorumAction, quorum_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_MEETING,
  PROP_DATE,
  PROP_COMMITTEE,
  PROP_ITEM,
  PROP_OWNER,
  PROP_TEXT,
  PROP_DUE,
  PROP_STATUS,
  PROP_OPEN,
  PROP_OVERDUE,
  PROP_BEFORE_RECORDS,
  PROP_UPDATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char * const _quorum_action_statuses[] = { "open", "closed", NULL };

static void
quorum_action_finalize (GObject *object)
{
  QuorumAction *self = (QuorumAction *) object;

  g_free (self->ref);
  g_free (self->meeting);
  g_free (self->date);
  g_free (self->committee);
  g_free (self->item);
  g_free (self->owner);
  g_free (self->text);
  g_free (self->due);
  g_free (self->raised_status);
  g_free (self->today);
  for (guint i = 0; i < G_N_ELEMENTS (self->folded); i++)
    g_free (self->folded[i]);
  g_clear_pointer (&self->update_list, g_ptr_array_unref);
  g_clear_object (&self->updates);

  G_OBJECT_CLASS (quorum_action_parent_class)->finalize (object);
}

static void
quorum_action_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QuorumAction *self = QUORUM_ACTION (object);

  switch (prop_id)
    {
    case PROP_REF: g_value_set_string (value, self->ref); break;
    case PROP_MEETING: g_value_set_string (value, self->meeting); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_COMMITTEE: g_value_set_string (value, self->committee); break;
    case PROP_ITEM: g_value_set_string (value, self->item); break;
    case PROP_OWNER: g_value_set_string (value, self->owner); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_DUE: g_value_set_string (value, self->due); break;
    case PROP_STATUS: g_value_set_string (value, quorum_action_get_status (self)); break;
    case PROP_OPEN: g_value_set_boolean (value, quorum_action_get_open (self)); break;
    case PROP_OVERDUE: g_value_set_boolean (value, quorum_action_get_overdue (self)); break;
    case PROP_BEFORE_RECORDS: g_value_set_boolean (value, self->meeting == NULL); break;
    case PROP_UPDATES: g_value_set_object (value, quorum_action_get_updates (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_action_class_init (QuorumActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_action_finalize;
  object_class->get_property = quorum_action_get_property;

  properties[PROP_REF] = g_param_spec_string ("ref", NULL, NULL, NULL, flags);
  properties[PROP_MEETING] = g_param_spec_string ("meeting", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_COMMITTEE] = g_param_spec_string ("committee", NULL, NULL, NULL, flags);
  properties[PROP_ITEM] = g_param_spec_string ("item", NULL, NULL, NULL, flags);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL,
                                                 flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPEN] = g_param_spec_boolean ("open", NULL, NULL, FALSE,
                                                flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE,
                                                   flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BEFORE_RECORDS] = g_param_spec_boolean ("before-records", NULL, NULL, FALSE,
                                                          flags);
  properties[PROP_UPDATES] = g_param_spec_object ("updates", NULL, NULL, G_TYPE_LIST_MODEL,
                                                  flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_action_init (QuorumAction *self)
{
}

/* An action raised at MEETING (NULL: before the store's records). Takes
 * ownership of ref, item, owner, text, due and status. */
QuorumAction *
_quorum_action_new (char       *ref,
                    const char *meeting,
                    const char *date,
                    const char *committee,
                    char       *item,
                    char       *owner,
                    char       *text,
                    char       *due,
                    char       *status)
{
  QuorumAction *self = g_object_new (QUORUM_TYPE_ACTION, NULL);

  self->ref = ref;
  self->meeting = g_strdup (meeting);
  self->date = g_strdup (date);
  self->committee = g_strdup (committee);
  self->item = item;
  self->owner = owner;
  self->text = text;
  self->due = due;
  self->raised_status = status;
  return self;
}

void
_quorum_action_set_location (QuorumAction *self,
                             guint         line,
                             guint         column)
{
  self->line = line;
  self->column = column;
}

void
_quorum_action_get_location (QuorumAction *self,
                             guint        *line,
                             guint        *column)
{
  *line = self->line;
  *column = self->column;
}

static void
notify_status (QuorumAction *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

static int
compare_update_pointers (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return _quorum_action_update_compare (*(gpointer *) a, *(gpointer *) b, NULL);
}

/* Replaces the action's updates with UPDATES (of QuorumActionUpdate, in any
 * order); they are kept oldest first. */
void
_quorum_action_set_updates (QuorumAction *self,
                            GPtrArray    *updates)
{
  /* the old list holds the old status until it is compared */
  g_autoptr(GPtrArray) old = NULL;
  const char *old_status = quorum_action_get_status (self);
  gboolean was_overdue = quorum_action_get_overdue (self);

  old = g_steal_pointer (&self->update_list);
  if (updates->len > 0)
    {
      self->update_list = g_ptr_array_new_full (updates->len, g_object_unref);
      for (guint i = 0; i < updates->len; i++)
        g_ptr_array_add (self->update_list, g_object_ref (g_ptr_array_index (updates, i)));
      g_ptr_array_sort_with_data (self->update_list, compare_update_pointers, NULL);
    }
  if (self->updates != NULL)
    g_list_store_splice (self->updates, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->updates)),
                         self->update_list != NULL ? self->update_list->pdata : NULL,
                         self->update_list != NULL ? self->update_list->len : 0);
  if (g_strcmp0 (old_status, quorum_action_get_status (self)) != 0 ||
      was_overdue != quorum_action_get_overdue (self))
    notify_status (self);
}

/* TODAY is YYYY-MM-DD; see quorum_action_get_overdue(). */
void
_quorum_action_set_today (QuorumAction *self,
                          const char   *today)
{
  gboolean was_overdue = quorum_action_get_overdue (self);

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  if (was_overdue != quorum_action_get_overdue (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

#define GETTER(field) \
  const char * \
  quorum_action_get_##field (QuorumAction *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_ACTION (self), NULL); \
    return self->field; \
  }

GETTER (ref)
GETTER (meeting)
GETTER (date)
GETTER (committee)
GETTER (item)
GETTER (owner)
GETTER (text)
GETTER (due)
GETTER (raised_status)

/* The status of the latest update, else the action's own; an action known
 * only from updates that state none is open. */
const char *
quorum_action_get_status (QuorumAction *self)
{
  GPtrArray *list;

  g_return_val_if_fail (QUORUM_IS_ACTION (self), NULL);

  list = self->update_list;
  if (list != NULL && list->len > 0)
    return quorum_action_update_get_status (g_ptr_array_index (list, list->len - 1));
  return self->raised_status != NULL ? self->raised_status : "open";
}

gboolean
quorum_action_get_open (QuorumAction *self)
{
  g_return_val_if_fail (QUORUM_IS_ACTION (self), FALSE);
  return g_strcmp0 (quorum_action_get_status (self), "open") == 0;
}

/**
 * quorum_action_is_overdue_on:
 * @today: a date, YYYY-MM-DD
 *
 * Returns: whether the action is open and its due date is before @today
 */
gboolean
quorum_action_is_overdue_on (QuorumAction *self,
                             const char   *today)
{
  g_return_val_if_fail (QUORUM_IS_ACTION (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return self->due != NULL && quorum_action_get_open (self) && strcmp (self->due, today) < 0;
}

/* Overdue against the log's "today" (QuorumActionLog:today). */
gboolean
quorum_action_get_overdue (QuorumAction *self)
{
  g_return_val_if_fail (QUORUM_IS_ACTION (self), FALSE);
  return self->today != NULL && quorum_action_is_overdue_on (self, self->today);
}

gboolean
quorum_action_get_before_records (QuorumAction *self)
{
  g_return_val_if_fail (QUORUM_IS_ACTION (self), FALSE);
  return self->meeting == NULL;
}

/**
 * quorum_action_get_updates:
 * Returns: (transfer none): a list model of #QuorumActionUpdate, oldest first
 */
GListModel *
quorum_action_get_updates (QuorumAction *self)
{
  g_return_val_if_fail (QUORUM_IS_ACTION (self), NULL);
  return _quorum_meetings_list_model (&self->updates, QUORUM_TYPE_ACTION_UPDATE,
                                      self->update_list);
}

/* @text casefolded, as g_utf8_casefold() folds it: ASCII text (most refs,
 * owners and texts) is folded byte by byte, which comes to the same without
 * g_utf8_casefold()'s cost per character, at the first keystroke of a
 * search over thousands of actions. */
static char *
fold_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return g_utf8_casefold (text, -1);
  return g_ascii_strdown (text, -1);
}

/**
 * quorum_action_matches:
 * @needle: a search, already casefolded (g_utf8_casefold)
 *
 * Whether the action's ref, owner or text contains @needle, compared
 * casefolded. The casefolded texts are worked out on the first call and
 * kept (they never change), so a search typed a letter at a time over
 * thousands of actions folds each text once, not once per keystroke.
 */
gboolean
quorum_action_matches (QuorumAction *self,
                       const char   *needle)
{
  const char *texts[G_N_ELEMENTS (self->folded)];

  g_return_val_if_fail (QUORUM_IS_ACTION (self), FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  texts[0] = self->ref;
  texts[1] = self->owner;
  texts[2] = self->text;
  for (guint i = 0; i < G_N_ELEMENTS (self->folded); i++)
    {
      if (texts[i] == NULL)
        continue;
      if (self->folded[i] == NULL)
        self->folded[i] = fold_text (texts[i]);
      if (strstr (self->folded[i], needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* `^[A-Z][A-Z0-9]*[0-9]+/[0-9]+$`, as SECP39/07. */
gboolean
quorum_action_ref_is_valid (const char *ref)
{
  const char *p = ref;
  const char *slash;

  if (ref == NULL || !g_ascii_isupper (*p))
    return FALSE;
  slash = strchr (ref, '/');
  if (slash == NULL || !g_ascii_isdigit (slash[-1]) || slash[1] == '\0')
    return FALSE;
  for (p = ref + 1; p < slash; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
      return FALSE;
  for (p = slash + 1; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}
