/* quorum-ui-test-util.c: helpers shared by the UI test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-ui-test-util.h"

/* Runs what is pending in the main loop, without waiting. */
void
quorum_test_iterate (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The first widget at or under @widget whose name is @name. */
GtkWidget *
quorum_test_find_named (GtkWidget  *widget,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = quorum_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget at or under @widget of @type or a subtype. */
GtkWidget *
quorum_test_find_type (GtkWidget *widget,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = quorum_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}
