/* quorum-agenda-item.c: an item on a meeting's agenda, its papers and outcomes
 *
 * `number` is a string ("6", "6a"), unique in its meeting; items keep the
 * minutes' order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-agenda-item.h"
#include "quorum-meetings-private.h"
#include "quorum-item-outcome.h"
#include "quorum-paper.h"

struct _QuorumAgendaItem
{
  GObject parent_instance;

  char *meeting;
  char *number;
  char *title;
  char *presenter;
  char *summary;
  GPtrArray *paper_list;     /* of QuorumPaper, or NULL for none */
  GPtrArray *outcome_list;   /* of QuorumItemOutcome, or NULL for none */
  GListStore *papers;        /* the lists as models, made when first asked for */
  GListStore *outcomes;
};

G_DEFINE_FINAL_TYPE (QuorumAgendaItem, quorum_agenda_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEETING,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_PRESENTER,
  PROP_SUMMARY,
  PROP_PAPERS,
  PROP_OUTCOMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_agenda_item_finalize (GObject *object)
{
  QuorumAgendaItem *self = (QuorumAgendaItem *) object;

  g_free (self->meeting);
  g_free (self->number);
  g_free (self->title);
  g_free (self->presenter);
  g_free (self->summary);
  g_clear_pointer (&self->paper_list, g_ptr_array_unref);
  g_clear_pointer (&self->outcome_list, g_ptr_array_unref);
  g_clear_object (&self->papers);
  g_clear_object (&self->outcomes);

  G_OBJECT_CLASS (quorum_agenda_item_parent_class)->finalize (object);
}

static void
quorum_agenda_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuorumAgendaItem *self = QUORUM_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_MEETING: g_value_set_string (value, self->meeting); break;
    case PROP_NUMBER: g_value_set_string (value, self->number); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_PRESENTER: g_value_set_string (value, self->presenter); break;
    case PROP_SUMMARY: g_value_set_string (value, self->summary); break;
    case PROP_PAPERS: g_value_set_object (value, quorum_agenda_item_get_papers (self)); break;
    case PROP_OUTCOMES:
      g_value_set_object (value, quorum_agenda_item_get_outcomes (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_agenda_item_class_init (QuorumAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_agenda_item_finalize;
  object_class->get_property = quorum_agenda_item_get_property;

  properties[PROP_MEETING] = g_param_spec_string ("meeting", NULL, NULL, NULL, flags);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PRESENTER] = g_param_spec_string ("presenter", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_PAPERS] = g_param_spec_object ("papers", NULL, NULL, G_TYPE_LIST_MODEL,
                                                 flags);
  properties[PROP_OUTCOMES] = g_param_spec_object ("outcomes", NULL, NULL, G_TYPE_LIST_MODEL,
                                                   flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_agenda_item_init (QuorumAgendaItem *self)
{
}

/* Takes ownership of every string; papers and outcomes are set after. */
QuorumAgendaItem *
_quorum_agenda_item_new (const char *meeting,
                         char       *number,
                         char       *title,
                         char       *presenter,
                         char       *summary)
{
  QuorumAgendaItem *self = g_object_new (QUORUM_TYPE_AGENDA_ITEM, NULL);

  self->meeting = g_strdup (meeting);
  self->number = number;
  self->title = title;
  self->presenter = presenter;
  self->summary = summary;
  return self;
}

static void
set_list (GPtrArray  **list,
          GListStore  *store,
          GPtrArray   *items)
{
  g_clear_pointer (list, g_ptr_array_unref);
  *list = g_ptr_array_ref (items);
  if (store != NULL)
    g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                         items->pdata, items->len);
}

/* The item's papers and outcomes (of QuorumPaper and QuorumItemOutcome,
 * referenced, not copied). */
void
_quorum_agenda_item_set_lists (QuorumAgendaItem *self,
                               GPtrArray        *papers,
                               GPtrArray        *outcomes)
{
  set_list (&self->paper_list, self->papers, papers);
  set_list (&self->outcome_list, self->outcomes, outcomes);
}

/* The papers, without making their model: NULL for none. */
GPtrArray *
_quorum_agenda_item_peek_papers (QuorumAgendaItem *self)
{
  return self->paper_list;
}



#define GETTER(field) \
  const char * \
  quorum_agenda_item_get_##field (QuorumAgendaItem *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_AGENDA_ITEM (self), NULL); \
    return self->field; \
  }

GETTER (meeting)
GETTER (number)
GETTER (title)
GETTER (presenter)
GETTER (summary)

/**
 * quorum_agenda_item_get_papers:
 * Returns: (transfer none): a list model of #QuorumPaper, in the minutes' order
 */
GListModel *
quorum_agenda_item_get_papers (QuorumAgendaItem *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_ITEM (self), NULL);
  return _quorum_meetings_list_model (&self->papers, QUORUM_TYPE_PAPER, self->paper_list);
}

/**
 * quorum_agenda_item_get_outcomes:
 * Returns: (transfer none): a list model of #QuorumItemOutcome, in the minutes' order
 */
GListModel *
quorum_agenda_item_get_outcomes (QuorumAgendaItem *self)
{
  g_return_val_if_fail (QUORUM_IS_AGENDA_ITEM (self), NULL);
  return _quorum_meetings_list_model (&self->outcomes, QUORUM_TYPE_ITEM_OUTCOME,
                                      self->outcome_list);
}
