/* quorum-ui-test-util.c: helpers shared by the UI test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-ui-test-util.h"

#include <string.h>

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

/* The first label at or under @widget that reads @text, shown or not. */
GtkWidget *
quorum_test_find_label (GtkWidget  *widget,
                        const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = quorum_test_find_label (child, text);

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

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, out);
}

/* Every mapped widget at or under @widget whose name is @name, in order. */
GPtrArray *
quorum_test_find_all_named (GtkWidget  *widget,
                            const char *name)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_named (widget, name, out);
  return out;
}

/* @widget (a GtkInscription or a GtkLabel) lies wholly inside @area (a
 * scrolled window: its visible part) and inside its window, and its text
 * fits its width: nothing of it is clipped or ellipsized. */
void
quorum_test_assert_fully_visible (GtkWidget *widget,
                                  GtkWidget *area)
{
  const char *text = GTK_IS_INSCRIPTION (widget)
                     ? gtk_inscription_get_text (GTK_INSCRIPTION (widget))
                     : gtk_label_get_text (GTK_LABEL (widget));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  GtkWidget *containers[] = { area, GTK_WIDGET (gtk_widget_get_root (widget)) };
  int text_width;

  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, containers[i], &bounds));
      if (bounds.origin.x < 0 ||
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (containers[i]) + 0.5)
        g_error ("“%s” (%s) is at %g–%g, outside 0–%d of its %s", text,
                 gtk_widget_get_name (widget), bounds.origin.x,
                 bounds.origin.x + bounds.size.width, gtk_widget_get_width (containers[i]),
                 G_OBJECT_TYPE_NAME (containers[i]));
    }
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  if (text_width > gtk_widget_get_width (widget))
    g_error ("“%s” (%s) needs %d px, has %d", text, gtk_widget_get_name (widget), text_width,
             gtk_widget_get_width (widget));
}

/* How many decimals the number in @text has (the last point's digits). */
guint
quorum_test_decimals (const char *text)
{
  const char *point = strrchr (text, '.');

  return point != NULL ? (guint) strspn (point + 1, "0123456789") : 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
snapshot_into (const char *path,
               GString    *out)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_string_append_printf (out, "%s\n", child);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        snapshot_into (child, out);
      else if (g_file_get_contents (child, &contents, &length, NULL))
        g_string_append_len (out, contents, length);
    }
}

/* Every file and folder under @path with its content, sorted, to see that
 * nothing changed. */
char *
quorum_test_snapshot_tree (const char *path)
{
  GString *out = g_string_new (NULL);

  snapshot_into (path, out);
  return g_string_free (out, FALSE);
}
