/* quorum-action-log.c: every action across meetings, with its current status
 *
 * A GListModel of QuorumAction built from a list model of meetings: each
 * action raised at a meeting, plus one for each ref that meetings report
 * on but none raised ("raised before the store's records begin"), each
 * with its updates oldest first. Actions are listed by the date they were
 * raised (those before the records first), then by ref, numbers compared
 * as numbers (SECP39/2 before SECP39/10).
 *
 * "today", for overdue actions, is the local date unless set (tests set
 * it). The log follows its meetings model: a change there rebuilds it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-action-log.h"
#include "quorum-meetings-private.h"

#include <stdlib.h>
#include <string.h>

struct _QuorumActionLog
{
  GObject parent_instance;

  GListModel *meetings;
  GPtrArray *actions;       /* of QuorumAction */
  GHashTable *by_ref;       /* ref → QuorumAction, borrowed */
  char *today;
  gboolean today_set;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QuorumActionLog, quorum_action_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MEETINGS,
  PROP_TODAY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return QUORUM_TYPE_ACTION;
}

static guint
get_n_items (GListModel *model)
{
  return QUORUM_ACTION_LOG (model)->actions->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  QuorumActionLog *self = QUORUM_ACTION_LOG (model);

  if (position >= self->actions->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->actions, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Compares two refs: the prefix as text, the numbers as numbers. */
int
quorum_action_ref_compare (const char *a,
                           const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          char *end_a, *end_b;
          guint64 x = g_ascii_strtoull (a, &end_a, 10);
          guint64 y = g_ascii_strtoull (b, &end_b, 10);

          if (x != y)
            return x < y ? -1 : 1;
          a = end_a;
          b = end_b;
          continue;
        }
      if (*a != *b)
        return (guchar) *a < (guchar) *b ? -1 : 1;
      a++;
      b++;
    }
  return (*a != '\0') - (*b != '\0');
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b)
{
  QuorumAction *x = *(QuorumAction **) a;
  QuorumAction *y = *(QuorumAction **) b;
  int c = g_strcmp0 (quorum_action_get_date (x), quorum_action_get_date (y));

  return c != 0 ? c : quorum_action_ref_compare (quorum_action_get_ref (x),
                                                 quorum_action_get_ref (y));
}

static char *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The updates reported at every meeting, by ref. */
static GHashTable *
collect_updates (GListModel *meetings)
{
  GHashTable *updates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  guint n = meetings != NULL ? g_list_model_get_n_items (meetings) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (meetings, i);
      GListModel *list = quorum_meeting_get_action_updates (meeting);

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          QuorumActionUpdate *update = g_list_model_get_item (list, j);
          const char *ref = quorum_action_update_get_ref (update);
          GPtrArray *for_ref = g_hash_table_lookup (updates, ref);

          if (for_ref == NULL)
            {
              for_ref = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (updates, (gpointer) ref, for_ref);
            }
          g_ptr_array_add (for_ref, update);
        }
    }
  return updates;
}

/* Each meeting's committee, by the meeting's id (the first meeting of an
 * id wins); the meetings are held by their model. */
static GHashTable *
committees_by_meeting (GListModel *meetings)
{
  GHashTable *committees = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = g_list_model_get_n_items (meetings); i > 0; i--)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (meetings, i - 1);

      g_hash_table_insert (committees, (gpointer) quorum_meeting_get_id (meeting),
                           (gpointer) quorum_meeting_get_committee (meeting));
    }
  return committees;
}

/* A ref reported on but raised at no meeting in the store: it takes the
 * committee of the meeting that first reported on it (*@committees, made
 * the first time one is needed). */
static QuorumAction *
action_before_records (const char  *ref,
                       GPtrArray   *updates,
                       GListModel  *meetings,
                       GHashTable **committees)
{
  QuorumActionUpdate *first = NULL;
  const char *meeting;

  for (guint i = 0; i < updates->len; i++)
    if (first == NULL || _quorum_action_update_compare (g_ptr_array_index (updates, i),
                                                        first, NULL) < 0)
      first = g_ptr_array_index (updates, i);
  if (*committees == NULL)
    *committees = committees_by_meeting (meetings);
  meeting = quorum_action_update_get_meeting (first);
  return _quorum_action_new (g_strdup (ref), NULL, NULL,
                             meeting != NULL ? g_hash_table_lookup (*committees, meeting) : NULL,
                             NULL, NULL, NULL, NULL, NULL);
}

static void
rebuild (QuorumActionLog *self)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) updates = collect_updates (self->meetings);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GHashTable) committees = NULL;
  guint n = self->meetings != NULL ? g_list_model_get_n_items (self->meetings) : 0;
  guint removed = self->actions->len;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (self->by_ref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumMeeting) meeting = g_list_model_get_item (self->meetings, i);
      GListModel *raised = quorum_meeting_get_actions (meeting);

      for (guint j = 0; j < g_list_model_get_n_items (raised); j++)
        {
          QuorumAction *action = g_list_model_get_item (raised, j);

          /* A ref raised twice is refused when the store loads; here the
           * first one raised wins. */
          if (g_hash_table_contains (self->by_ref, quorum_action_get_ref (action)))
            {
              g_object_unref (action);
              continue;
            }
          g_hash_table_insert (self->by_ref, (gpointer) quorum_action_get_ref (action), action);
          g_ptr_array_add (actions, action);
        }
    }
  g_hash_table_iter_init (&iter, updates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (self->by_ref, key))
      {
        QuorumAction *action = action_before_records (key, value, self->meetings,
                                                      &committees);

        g_hash_table_insert (self->by_ref, (gpointer) quorum_action_get_ref (action), action);
        g_ptr_array_add (actions, action);
      }
  for (guint i = 0; i < actions->len; i++)
    {
      QuorumAction *action = g_ptr_array_index (actions, i);
      GPtrArray *for_ref = g_hash_table_lookup (updates, quorum_action_get_ref (action));

      _quorum_action_set_updates (action, for_ref != NULL ? for_ref : none);
      _quorum_action_set_today (action, self->today);
    }
  g_ptr_array_sort (actions, compare_actions);

  g_ptr_array_unref (self->actions);
  self->actions = g_steal_pointer (&actions);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->actions->len);
  if (removed != self->actions->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
meetings_changed_cb (QuorumActionLog *self)
{
  rebuild (self);
}

static void
quorum_action_log_dispose (GObject *object)
{
  QuorumActionLog *self = (QuorumActionLog *) object;

  if (self->meetings != NULL)
    g_signal_handlers_disconnect_by_func (self->meetings, meetings_changed_cb, self);
  g_clear_object (&self->meetings);

  G_OBJECT_CLASS (quorum_action_log_parent_class)->dispose (object);
}

static void
quorum_action_log_finalize (GObject *object)
{
  QuorumActionLog *self = (QuorumActionLog *) object;

  g_hash_table_unref (self->by_ref);
  g_ptr_array_unref (self->actions);
  g_free (self->today);

  G_OBJECT_CLASS (quorum_action_log_parent_class)->finalize (object);
}

static void
quorum_action_log_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumActionLog *self = QUORUM_ACTION_LOG (object);

  switch (prop_id)
    {
    case PROP_MEETINGS: g_value_set_object (value, self->meetings); break;
    case PROP_TODAY: g_value_set_string (value, self->today); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->actions->len); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_action_log_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumActionLog *self = QUORUM_ACTION_LOG (object);

  switch (prop_id)
    {
    case PROP_MEETINGS: quorum_action_log_set_meetings (self, g_value_get_object (value)); break;
    case PROP_TODAY: quorum_action_log_set_today (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_action_log_class_init (QuorumActionLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quorum_action_log_dispose;
  object_class->finalize = quorum_action_log_finalize;
  object_class->get_property = quorum_action_log_get_property;
  object_class->set_property = quorum_action_log_set_property;

  properties[PROP_MEETINGS] =
    g_param_spec_object ("meetings", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* YYYY-MM-DD; NULL sets it back to the local date. */
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_action_log_init (QuorumActionLog *self)
{
  self->actions = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  self->today = local_today ();
}

/**
 * quorum_action_log_new:
 * @meetings: (nullable): a list model of #QuorumMeeting
 */
QuorumActionLog *
quorum_action_log_new (GListModel *meetings)
{
  g_return_val_if_fail (meetings == NULL || G_IS_LIST_MODEL (meetings), NULL);

  return g_object_new (QUORUM_TYPE_ACTION_LOG, "meetings", meetings, NULL);
}

/**
 * quorum_action_log_get_meetings:
 * Returns: (transfer none) (nullable): the meetings the log follows
 */
GListModel *
quorum_action_log_get_meetings (QuorumActionLog *self)
{
  g_return_val_if_fail (QUORUM_IS_ACTION_LOG (self), NULL);
  return self->meetings;
}

void
quorum_action_log_set_meetings (QuorumActionLog *self,
                                GListModel      *meetings)
{
  g_return_if_fail (QUORUM_IS_ACTION_LOG (self));
  g_return_if_fail (meetings == NULL || G_IS_LIST_MODEL (meetings));

  if (self->meetings == meetings)
    return;
  if (self->meetings != NULL)
    g_signal_handlers_disconnect_by_func (self->meetings, meetings_changed_cb, self);
  g_set_object (&self->meetings, meetings);
  if (meetings != NULL)
    g_signal_connect_swapped (meetings, "items-changed", G_CALLBACK (meetings_changed_cb), self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETINGS]);
}

const char *
quorum_action_log_get_today (QuorumActionLog *self)
{
  g_return_val_if_fail (QUORUM_IS_ACTION_LOG (self), NULL);
  return self->today;
}

/**
 * quorum_action_log_set_today:
 * @today: (nullable): YYYY-MM-DD, or %NULL for the local date
 *
 * Sets the day against which actions are overdue.
 */
void
quorum_action_log_set_today (QuorumActionLog *self,
                             const char      *today)
{
  g_autofree char *value = NULL;

  g_return_if_fail (QUORUM_IS_ACTION_LOG (self));

  value = today != NULL ? g_strdup (today) : local_today ();
  if (g_strcmp0 (value, self->today) == 0)
    return;
  g_free (self->today);
  self->today = g_steal_pointer (&value);
  for (guint i = 0; i < self->actions->len; i++)
    _quorum_action_set_today (g_ptr_array_index (self->actions, i), self->today);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

/**
 * quorum_action_log_find:
 * Returns: (transfer none) (nullable): the action @ref
 */
QuorumAction *
quorum_action_log_find (QuorumActionLog *self,
                        const char      *ref)
{
  g_return_val_if_fail (QUORUM_IS_ACTION_LOG (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  return g_hash_table_lookup (self->by_ref, ref);
}

/**
 * quorum_action_log_count_open:
 * @committee: (nullable): only the actions of this committee
 * @n_overdue: (out) (optional): how many of them are overdue
 *
 * Returns: how many actions are open
 */
guint
quorum_action_log_count_open (QuorumActionLog *self,
                              const char      *committee,
                              guint           *n_overdue)
{
  guint open = 0, overdue = 0;

  g_return_val_if_fail (QUORUM_IS_ACTION_LOG (self), 0);

  for (guint i = 0; i < self->actions->len; i++)
    {
      QuorumAction *action = g_ptr_array_index (self->actions, i);

      if (committee != NULL && g_strcmp0 (quorum_action_get_committee (action), committee) != 0)
        continue;
      open += quorum_action_get_open (action);
      overdue += quorum_action_get_overdue (action);
    }
  if (n_overdue != NULL)
    *n_overdue = overdue;
  return open;
}
