/* quorum-problem.c: an error found while loading a store file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-problem.h"

struct _QuorumProblem
{
  GObject parent_instance;

  char *file;
  char *path;
  guint line;
  guint column;
  char *message;
  char *caused_by;
};

G_DEFINE_FINAL_TYPE (QuorumProblem, quorum_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_PATH,
  PROP_LINE,
  PROP_COLUMN,
  PROP_MESSAGE,
  PROP_CAUSED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quorum_problem_finalize (GObject *object)
{
  QuorumProblem *self = (QuorumProblem *) object;

  g_free (self->file);
  g_free (self->path);
  g_free (self->message);
  g_free (self->caused_by);

  G_OBJECT_CLASS (quorum_problem_parent_class)->finalize (object);
}

static void
quorum_problem_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QuorumProblem *self = QUORUM_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_FILE: g_value_set_string (value, self->file); break;
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_LINE: g_value_set_uint (value, self->line); break;
    case PROP_COLUMN: g_value_set_uint (value, self->column); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    case PROP_CAUSED_BY: g_value_set_string (value, self->caused_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_problem_class_init (QuorumProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_problem_finalize;
  object_class->get_property = quorum_problem_get_property;

  properties[PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COLUMN] = g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  /* The file whose own error caused this problem; NULL for a root cause. */
  properties[PROP_CAUSED_BY] = g_param_spec_string ("caused-by", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_problem_init (QuorumProblem *self)
{
}

/**
 * quorum_problem_new:
 * @file: the file, as a path the user can find
 * @path: (nullable): the JSON path inside it, e.g. `$.tables[2].rows[0]`
 * @line: the line, or 0 if not known
 * @column: the column, or 0 if not known
 * @message: what is wrong
 *
 * Returns: (transfer full): a new problem
 */
QuorumProblem *
quorum_problem_new (const char *file,
                    const char *path,
                    guint       line,
                    guint       column,
                    const char *message)
{
  QuorumProblem *self;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (QUORUM_TYPE_PROBLEM, NULL);
  self->file = g_strdup (file);
  self->path = g_strdup (path ? path : "$");
  self->line = line;
  self->column = column;
  self->message = g_strdup (message);

  return self;
}

/**
 * quorum_problem_new_caused_by:
 * @file: the file the problem is reported on; it still loads
 * @path: (nullable): the JSON path inside it
 * @line: the line, or 0 if not known
 * @column: the column, or 0 if not known
 * @message: what is wrong
 * @caused_by: the file whose own error caused this problem (a budget
 *   document that could not be loaded, for a package that draws on it)
 *
 * A knock-on problem: @file itself is fine and loads, but lacks something
 * because @caused_by could not be loaded. Fixing @caused_by fixes it.
 *
 * Returns: (transfer full): a new problem
 */
QuorumProblem *
quorum_problem_new_caused_by (const char *file,
                              const char *path,
                              guint       line,
                              guint       column,
                              const char *message,
                              const char *caused_by)
{
  QuorumProblem *self;

  g_return_val_if_fail (caused_by != NULL, NULL);

  self = quorum_problem_new (file, path, line, column, message);
  if (self != NULL)
    self->caused_by = g_strdup (caused_by);
  return self;
}

const char *
quorum_problem_get_file (QuorumProblem *self)
{
  g_return_val_if_fail (QUORUM_IS_PROBLEM (self), NULL);
  return self->file;
}

const char *
quorum_problem_get_path (QuorumProblem *self)
{
  g_return_val_if_fail (QUORUM_IS_PROBLEM (self), NULL);
  return self->path;
}

guint
quorum_problem_get_line (QuorumProblem *self)
{
  g_return_val_if_fail (QUORUM_IS_PROBLEM (self), 0);
  return self->line;
}

guint
quorum_problem_get_column (QuorumProblem *self)
{
  g_return_val_if_fail (QUORUM_IS_PROBLEM (self), 0);
  return self->column;
}

const char *
quorum_problem_get_message (QuorumProblem *self)
{
  g_return_val_if_fail (QUORUM_IS_PROBLEM (self), NULL);
  return self->message;
}

/**
 * quorum_problem_get_caused_by:
 *
 * Returns: (nullable): the file whose error caused this problem, or %NULL
 *   when the problem is a root cause (an error in its own file)
 */
const char *
quorum_problem_get_caused_by (QuorumProblem *self)
{
  g_return_val_if_fail (QUORUM_IS_PROBLEM (self), NULL);
  return self->caused_by;
}

/**
 * quorum_problem_to_string:
 *
 * Formats the problem as quorum-cli prints it:
 * `FILE:LINE:COLUMN: JSON-PATH: message`, without the position when it is
 * not known.
 *
 * Returns: (transfer full): the text
 */
char *
quorum_problem_to_string (QuorumProblem *self)
{
  g_return_val_if_fail (QUORUM_IS_PROBLEM (self), NULL);

  if (self->line > 0)
    return g_strdup_printf ("%s:%u:%u: %s: %s", self->file, self->line, self->column,
                            self->path, self->message);
  return g_strdup_printf ("%s: %s: %s", self->file, self->path, self->message);
}
