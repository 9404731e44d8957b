/* quorum-decide-dialog.c: asks who decides, in what role, and why
 *
 * A message dialog for one decision on one work package: the heading names
 * the decision and the package, the body its estimate. Its responses are
 * “cancel” and the decision itself (“approve”, “reject” or “defer”), which
 * stays disabled while no name is given. Writing the decision is the
 * caller's: see QuorumWindow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-decide-dialog.h"
#include "quorum-ui-util.h"

struct _QuorumDecideDialog
{
  AdwMessageDialog parent_instance;

  /* template widgets */
  AdwEntryRow *name_row;
  AdwEntryRow *role_row;
  GtkTextView *comment_view;
  GtkLabel *hint_label;

  /* owned */
  QuorumWorkPackage *work_package;
  char *decision;
};

G_DEFINE_FINAL_TYPE (QuorumDecideDialog, quorum_decide_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_WORK_PACKAGE,
  PROP_DECISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_stripped (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* The confirming response needs a name, and to reject or defer a comment
 * (why); the hint says what is missing. */
static void
name_changed_cb (QuorumDecideDialog *self)
{
  g_autofree char *by = quorum_decide_dialog_dup_by (self);
  g_autofree char *comment = quorum_decide_dialog_dup_comment (self);
  gboolean needs_comment = g_strcmp0 (self->decision, "approve") != 0;
  const char *hint = NULL;

  if (self->decision == NULL)
    return;
  if (by == NULL)
    hint = _("Enter your name to record the decision.");
  else if (needs_comment && comment == NULL)
    hint = g_str_equal (self->decision, "reject")
           ? _("Say why in a comment to reject the package.")
           : _("Say why in a comment to defer the package.");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), self->decision,
                                           hint == NULL);
  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

/* Ctrl+Enter in the comment records the decision, as the default response
 * does from the name and role; Enter alone is a new line. */
static gboolean
comment_key_pressed_cb (QuorumDecideDialog    *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & GDK_CONTROL_MASK) == 0)
    return FALSE;
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), self->decision))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), self->decision);
  return TRUE;
}

/* "It supersedes the decision of 12 March 2020 (Approved by Adam Carden)." */
static char *
dup_supersedes_text (QuorumDecideDialog *self)
{
  QuorumDecision *latest = quorum_work_package_get_latest (self->work_package);
  g_autofree char *when = NULL;
  const char *decision;
  const char *verb;

  if (latest == NULL)
    return g_strdup ("");
  when = quorum_ui_format_timestamp (quorum_decision_get_at (latest));
  decision = quorum_decision_get_decision (latest);
  verb = g_str_equal (decision, "approve") ? _("approved")
         : g_str_equal (decision, "reject") ? _("rejected") : _("deferred");
  /* TRANSLATORS: e.g. " It supersedes the decision of 12 March 2020, when
   * Adam Carden approved the package." (starts with a space) */
  return g_strdup_printf (_(" It supersedes the decision of %s, when %s %s the package."),
                          when, quorum_decision_get_by (latest), verb);
}

static void
quorum_decide_dialog_constructed (GObject *object)
{
  QuorumDecideDialog *self = QUORUM_DECIDE_DIALOG (object);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  const char *title = quorum_work_package_get_title (self->work_package);
  const char *quarter = quorum_work_package_get_quarter (self->work_package);
  g_autofree char *estimate =
    quorum_ui_format_amount (quorum_work_package_get_estimate (self->work_package));
  g_autofree char *cost = NULL;
  g_autofree char *supersedes = NULL;
  const char *label;
  AdwResponseAppearance appearance;
  GtkEventController *keys;

  G_OBJECT_CLASS (quorum_decide_dialog_parent_class)->constructed (object);

  if (g_str_equal (self->decision, "approve"))
    {
      adw_message_dialog_format_heading (dialog, _("Approve “%s”?"), title);
      label = _("_Approve");
      appearance = ADW_RESPONSE_SUGGESTED;
    }
  else if (g_str_equal (self->decision, "reject"))
    {
      adw_message_dialog_format_heading (dialog, _("Reject “%s”?"), title);
      label = _("_Reject");
      appearance = ADW_RESPONSE_DESTRUCTIVE;
    }
  else
    {
      adw_message_dialog_format_heading (dialog, _("Defer “%s”?"), title);
      label = _("_Defer");
      appearance = ADW_RESPONSE_SUGGESTED;
    }

  if (quarter != NULL)
    /* TRANSLATORS: e.g. "The estimate is £209,042 for 2020/21 Q4." */
    cost = g_strdup_printf (_("The estimate is %s for %s."), estimate, quarter);
  else
    cost = g_strdup_printf (_("The estimate is %s."), estimate);
  supersedes = dup_supersedes_text (self);
  adw_message_dialog_format_body (dialog, "%s %s%s", cost,
                                  _("The decision is recorded with your name, role and "
                                    "comment, and cannot be changed afterwards: a change of "
                                    "mind is a new decision."), supersedes);

  adw_message_dialog_add_response (dialog, self->decision, label);
  adw_message_dialog_set_response_appearance (dialog, self->decision, appearance);
  adw_message_dialog_set_default_response (dialog, self->decision);

  g_signal_connect_object (gtk_text_view_get_buffer (self->comment_view), "changed",
                           G_CALLBACK (name_changed_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (comment_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->comment_view), keys);
  name_changed_cb (self);
}

static void
quorum_decide_dialog_show (GtkWidget *widget)
{
  QuorumDecideDialog *self = QUORUM_DECIDE_DIALOG (widget);
  g_autofree char *by = quorum_decide_dialog_dup_by (self);

  GTK_WIDGET_CLASS (quorum_decide_dialog_parent_class)->show (widget);

  /* Straight to the first thing to fill in. */
  if (by == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->comment_view));
}

static void
quorum_decide_dialog_finalize (GObject *object)
{
  QuorumDecideDialog *self = (QuorumDecideDialog *) object;

  g_clear_object (&self->work_package);
  g_free (self->decision);

  G_OBJECT_CLASS (quorum_decide_dialog_parent_class)->finalize (object);
}

static void
quorum_decide_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QuorumDecideDialog *self = QUORUM_DECIDE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORK_PACKAGE: g_value_set_object (value, self->work_package); break;
    case PROP_DECISION: g_value_set_string (value, self->decision); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_decide_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QuorumDecideDialog *self = QUORUM_DECIDE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORK_PACKAGE: self->work_package = g_value_dup_object (value); break;
    case PROP_DECISION: self->decision = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_decide_dialog_class_init (QuorumDecideDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = quorum_decide_dialog_constructed;
  object_class->finalize = quorum_decide_dialog_finalize;
  object_class->get_property = quorum_decide_dialog_get_property;
  object_class->set_property = quorum_decide_dialog_set_property;
  widget_class->show = quorum_decide_dialog_show;

  properties[PROP_WORK_PACKAGE] =
    g_param_spec_object ("work-package", NULL, NULL, QUORUM_TYPE_WORK_PACKAGE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "approve", "reject" or "defer": also the id of the confirming response. */
  properties[PROP_DECISION] =
    g_param_spec_string ("decision", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secpanel/Quorum/"
                                               "quorum-decide-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumDecideDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDecideDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, QuorumDecideDialog, comment_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumDecideDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
quorum_decide_dialog_init (QuorumDecideDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_decide_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @decision: `approve`, `reject` or `defer`
 *
 * Returns: (transfer floating): a dialog asking to confirm @decision on
 *   @work_package
 */
QuorumDecideDialog *
quorum_decide_dialog_new (GtkWindow         *parent,
                          QuorumWorkPackage *work_package,
                          const char        *decision)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QUORUM_IS_WORK_PACKAGE (work_package), NULL);
  g_return_val_if_fail (g_strcmp0 (decision, "approve") == 0 ||
                        g_strcmp0 (decision, "reject") == 0 ||
                        g_strcmp0 (decision, "defer") == 0, NULL);

  return g_object_new (QUORUM_TYPE_DECIDE_DIALOG,
                       "transient-for", parent,
                       "work-package", work_package,
                       "decision", decision,
                       NULL);
}

/**
 * quorum_decide_dialog_get_work_package:
 *
 * Returns: (transfer none): the package decided on
 */
QuorumWorkPackage *
quorum_decide_dialog_get_work_package (QuorumDecideDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_DECIDE_DIALOG (self), NULL);
  return self->work_package;
}

/**
 * quorum_decide_dialog_get_decision:
 *
 * Returns: `approve`, `reject` or `defer`: also the confirming response's id
 */
const char *
quorum_decide_dialog_get_decision (QuorumDecideDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_DECIDE_DIALOG (self), NULL);
  return self->decision;
}

/**
 * quorum_decide_dialog_dup_by:
 *
 * Returns: (transfer full) (nullable): the name given, without surrounding
 *   spaces, or %NULL when none is
 */
char *
quorum_decide_dialog_dup_by (QuorumDecideDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_DECIDE_DIALOG (self), NULL);
  return dup_stripped (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

/**
 * quorum_decide_dialog_dup_role:
 *
 * Returns: (transfer full) (nullable): the role given, or %NULL when none is
 */
char *
quorum_decide_dialog_dup_role (QuorumDecideDialog *self)
{
  g_return_val_if_fail (QUORUM_IS_DECIDE_DIALOG (self), NULL);
  return dup_stripped (gtk_editable_get_text (GTK_EDITABLE (self->role_row)));
}

/**
 * quorum_decide_dialog_dup_comment:
 *
 * Returns: (transfer full) (nullable): the comment as typed, without
 *   surrounding white space, or %NULL when there is none
 */
char *
quorum_decide_dialog_dup_comment (QuorumDecideDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (QUORUM_IS_DECIDE_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->comment_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return dup_stripped (text);
}

/**
 * quorum_decide_dialog_set_member:
 * @by: (nullable): the name to offer
 * @role: (nullable): the role to offer
 */
void
quorum_decide_dialog_set_member (QuorumDecideDialog *self,
                                 const char         *by,
                                 const char         *role)
{
  g_return_if_fail (QUORUM_IS_DECIDE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), by != NULL ? by : "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), role != NULL ? role : "");
}

/**
 * quorum_decide_dialog_set_comment:
 * @comment: (nullable): a comment to start from, e.g. the one typed before
 *   an attempt that failed
 */
void
quorum_decide_dialog_set_comment (QuorumDecideDialog *self,
                                  const char         *comment)
{
  g_return_if_fail (QUORUM_IS_DECIDE_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view),
                            comment != NULL ? comment : "", -1);
}
