/* quorum-paper.c: a paper on a meeting's agenda, perhaps linked to the store
 *
 * A paper is a title, with an optional reference to a budget document (and
 * maybe one of its tables, rows and columns) or a work package. Whether the
 * reference names something in the store is known only once the whole store
 * has loaded (quorum-meeting-links.c); until then, and when it does not,
 * the paper is unlinked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-paper.h"
#include "quorum-meetings-private.h"

struct _QuorumPaper
{
  GObject parent_instance;

  char *title;
  QuorumPaperRefKind ref_kind;
  char *document;
  char *table;
  char *row;
  char *column;
  char *work_package;
  gboolean linked;
  guint item_index;    /* $.items[item_index].papers[index].ref, for problems */
  guint index;
  char *path;          /* that path, once asked for */
  guint line, column_number;
};

G_DEFINE_FINAL_TYPE (QuorumPaper, quorum_paper, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DOCUMENT,
  PROP_TABLE,
  PROP_ROW,
  PROP_COLUMN,
  PROP_WORK_PACKAGE,
  PROP_LINKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_paper_finalize (GObject *object)
{
  QuorumPaper *self = (QuorumPaper *) object;

  g_free (self->title);
  g_free (self->document);
  g_free (self->table);
  g_free (self->row);
  g_free (self->column);
  g_free (self->work_package);
  g_free (self->path);

  G_OBJECT_CLASS (quorum_paper_parent_class)->finalize (object);
}

static void
quorum_paper_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QuorumPaper *self = QUORUM_PAPER (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DOCUMENT: g_value_set_string (value, self->document); break;
    case PROP_TABLE: g_value_set_string (value, self->table); break;
    case PROP_ROW: g_value_set_string (value, self->row); break;
    case PROP_COLUMN: g_value_set_string (value, self->column); break;
    case PROP_WORK_PACKAGE: g_value_set_string (value, self->work_package); break;
    case PROP_LINKED: g_value_set_boolean (value, self->linked); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_paper_class_init (QuorumPaperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_paper_finalize;
  object_class->get_property = quorum_paper_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT] = g_param_spec_string ("document", NULL, NULL, NULL, flags);
  properties[PROP_TABLE] = g_param_spec_string ("table", NULL, NULL, NULL, flags);
  properties[PROP_ROW] = g_param_spec_string ("row", NULL, NULL, NULL, flags);
  properties[PROP_COLUMN] = g_param_spec_string ("column", NULL, NULL, NULL, flags);
  properties[PROP_WORK_PACKAGE] = g_param_spec_string ("work-package", NULL, NULL, NULL, flags);
  properties[PROP_LINKED] = g_param_spec_boolean ("linked", NULL, NULL, FALSE,
                                                  flags | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_paper_init (QuorumPaper *self)
{
}

/* Takes ownership of every string. */
QuorumPaper *
_quorum_paper_new (char               *title,
                   QuorumPaperRefKind  ref_kind,
                   char               *document,
                   char               *table,
                   char               *row,
                   char               *column,
                   char               *work_package)
{
  QuorumPaper *self = g_object_new (QUORUM_TYPE_PAPER, NULL);

  self->title = title;
  self->ref_kind = ref_kind;
  self->document = document;
  self->table = table;
  self->row = row;
  self->column = column;
  self->work_package = work_package;
  return self;
}

/* Where the paper's ref is: the paper is $.items[ITEM_INDEX].papers[INDEX]
 * (the path is written only if a problem needs it), the ref at LINE:COLUMN
 * (0:0 for none). */
void
_quorum_paper_set_location (QuorumPaper *self,
                            guint        item_index,
                            guint        index,
                            guint        line,
                            guint        column)
{
  g_clear_pointer (&self->path, g_free);
  self->item_index = item_index;
  self->index = index;
  self->line = line;
  self->column_number = column;
}

const char *
_quorum_paper_get_location (QuorumPaper *self,
                            guint       *line,
                            guint       *column)
{
  *line = self->line;
  *column = self->column_number;
  if (self->path == NULL)
    self->path = g_strdup_printf ("$.items[%u].papers[%u].ref", self->item_index, self->index);
  return self->path;
}

void
_quorum_paper_set_linked (QuorumPaper *self,
                          gboolean     linked)
{
  linked = !!linked;
  if (self->linked == linked)
    return;
  self->linked = linked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKED]);
}

#define GETTER(field) \
  const char * \
  quorum_paper_get_##field (QuorumPaper *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_PAPER (self), NULL); \
    return self->field; \
  }

GETTER (title)
GETTER (document)
GETTER (table)
GETTER (row)
GETTER (column)
GETTER (work_package)

QuorumPaperRefKind
quorum_paper_get_ref_kind (QuorumPaper *self)
{
  g_return_val_if_fail (QUORUM_IS_PAPER (self), QUORUM_PAPER_REF_NONE);
  return self->ref_kind;
}

/* Whether the reference names something the store holds. */
gboolean
quorum_paper_get_linked (QuorumPaper *self)
{
  g_return_val_if_fail (QUORUM_IS_PAPER (self), FALSE);
  return self->linked;
}
