/* quorum-window-decide.c: the main window takes decisions on work packages
 *
 * Asks who decides and why (QuorumDecideDialog), then writes the decision
 * with quorum_store_decide_async() while the package page waits. The
 * bundled sample store is read-only: deciding there first offers to copy
 * it to the user's own store, opens that, and goes on deciding there. A
 * comment typed for a decision that could not be recorded is offered again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "quorum-decide-dialog.h"
#include "quorum-ui-util.h"
#include "quorum-window-private.h"

typedef struct
{
  QuorumWindow *window;     /* owned */
  QuorumStore *store;       /* owned: the store decided in */
  char *work_package;
  char *decision;
  char *by;
  char *role;
} DecideData;

static void
decide_data_free (DecideData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->store);
  g_free (data->work_package);
  g_free (data->decision);
  g_free (data->by);
  g_free (data->role);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DecideData, decide_data_free)

static void
decide_data_closure_free (gpointer  data,
                          GClosure *closure)
{
  decide_data_free (data);
}

static void offer_copy (QuorumWindow *self,
                        const char   *work_package_id,
                        const char   *decision);
static void open_decide_dialog (QuorumWindow      *self,
                                QuorumWorkPackage *work_package,
                                const char        *decision);

static void
set_draft (QuorumWindow *self,
           const char   *work_package_id,
           const char   *comment)
{
  g_free (self->draft_work_package);
  g_free (self->draft_comment);
  self->draft_work_package = g_strdup (work_package_id);
  self->draft_comment = g_strdup (comment);
}

static void
set_resume (QuorumWindow *self,
            const char   *work_package_id,
            const char   *decision)
{
  g_free (self->resume_work_package);
  g_free (self->resume_decision);
  self->resume_work_package = g_strdup (work_package_id);
  self->resume_decision = g_strdup (decision);
}

/* The page waits while the package it shows is being decided on. */
static void
set_busy (QuorumWindow *self,
          const char   *work_package_id,
          gboolean      busy)
{
  QuorumWorkPackage *shown = _quorum_window_get_package (self);

  if (self->package_page != NULL &&
      (!busy || (shown != NULL &&
                 g_strcmp0 (quorum_work_package_get_id (shown), work_package_id) == 0)))
    quorum_work_package_page_set_busy (self->package_page, busy);
}

static void
show_error (QuorumWindow *self,
            const char   *heading,
            const char   *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retry_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   DecideData       *data)
{
  QuorumWindow *self = data->window;
  QuorumWorkPackage *work_package;

  if (!g_str_equal (response, "retry") || data->store != self->store)
    return;
  work_package = quorum_store_find_work_package (self->store, data->work_package);
  if (work_package != NULL)
    open_decide_dialog (self, work_package, data->decision);
}

static void
decide_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  QuorumStore *store = QUORUM_STORE (object);
  g_autoptr(DecideData) data = user_data;
  QuorumWindow *self = data->window;
  g_autoptr(QuorumDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *settings;
  AdwMessageDialog *dialog;

  decision = quorum_store_decide_finish (store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, data->work_package, FALSE);

  if (g_error_matches (error, QUORUM_ERROR, QUORUM_ERROR_NOT_ALLOWED) &&
      quorum_store_is_sample (store))
    {
      offer_copy (self, data->work_package, data->decision);
      return;
    }

  if (error != NULL)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("The Decision Was Not Recorded"),
                                                           error->message));
      adw_message_dialog_add_responses (dialog,
                                        "close", _("_Close"),
                                        "retry", _("_Try Again"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "retry");
      g_signal_connect_data (dialog, "response", G_CALLBACK (retry_response_cb),
                             g_steal_pointer (&data), decide_data_closure_free, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Recorded: the comment is spent, the name and role are kept for next time. */
  if (g_strcmp0 (self->draft_work_package, data->work_package) == 0)
    set_draft (self, NULL, NULL);
  settings = _quorum_window_get_settings (self);
  if (settings != NULL)
    {
      g_settings_set_string (settings, "member-name", data->by);
      g_settings_set_string (settings, "member-role", data->role != NULL ? data->role : "");
    }
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("Decision recorded: %s"),
                                                     quorum_ui_decision_label (data->decision)));
}

static void
decide_response_cb (QuorumDecideDialog *dialog,
                    const char         *response,
                    QuorumWindow       *self)
{
  QuorumWorkPackage *work_package = quorum_decide_dialog_get_work_package (dialog);
  const char *decision = quorum_decide_dialog_get_decision (dialog);
  g_autofree char *comment = quorum_decide_dialog_dup_comment (dialog);
  DecideData *data;

  /* Kept until the decision is recorded, whatever happens to it. */
  set_draft (self, quorum_work_package_get_id (work_package), comment);

  if (!g_str_equal (response, decision))
    return;

  data = g_new0 (DecideData, 1);
  data->window = g_object_ref (self);
  data->store = g_object_ref (self->store);
  data->work_package = g_strdup (quorum_work_package_get_id (work_package));
  data->decision = g_strdup (decision);
  data->by = quorum_decide_dialog_dup_by (dialog);
  data->role = quorum_decide_dialog_dup_role (dialog);

  set_busy (self, data->work_package, TRUE);
  quorum_store_decide_async (self->store, data->work_package, data->decision, data->by,
                             data->role, comment, self->decide_cancellable, decide_cb, data);
}

static void
open_decide_dialog (QuorumWindow      *self,
                    QuorumWorkPackage *work_package,
                    const char        *decision)
{
  QuorumDecideDialog *dialog = quorum_decide_dialog_new (GTK_WINDOW (self), work_package,
                                                         decision);
  GSettings *settings = _quorum_window_get_settings (self);

  if (settings != NULL)
    {
      g_autofree char *by = g_settings_get_string (settings, "member-name");
      g_autofree char *role = g_settings_get_string (settings, "member-role");

      quorum_decide_dialog_set_member (dialog, by, role);
    }
  if (g_strcmp0 (self->draft_work_package, quorum_work_package_get_id (work_package)) == 0)
    quorum_decide_dialog_set_comment (dialog, self->draft_comment);

  g_signal_connect_object (dialog, "response", G_CALLBACK (decide_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- copying the sample store ----------------------------------------------- */

typedef struct
{
  char *from;
  char *to;
} CopyPaths;

static void
copy_paths_free (CopyPaths *paths)
{
  g_free (paths->from);
  g_free (paths->to);
  g_free (paths);
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CopyPaths *paths = task_data;
  GError *error = NULL;

  /* The user's own store is never overwritten: when there is one, it is used. */
  if (g_file_test (paths->to, G_FILE_TEST_IS_DIR) ||
      quorum_store_copy_folder (paths->from, paths->to, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
copy_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  QuorumWindow *self = QUORUM_WINDOW (object);
  CopyPaths *paths = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GSettings *settings;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Your Copy Could Not Be Made"), error->message);
      set_resume (self, NULL, NULL);
      return;
    }

  settings = _quorum_window_get_settings (self);
  if (settings != NULL)
    g_settings_set_string (settings, "store-path", paths->to);
  /* The decision is taken once the copy has loaded: see _quorum_window_resume_decision(). */
  quorum_window_open_store (self, paths->to);
}

static void
copy_and_decide (QuorumWindow *self,
                 const char   *work_package_id,
                 const char   *decision)
{
  g_autoptr(GTask) task = g_task_new (self, self->decide_cancellable, copy_cb, NULL);
  CopyPaths *paths = g_new0 (CopyPaths, 1);

  paths->from = g_strdup (quorum_store_get_path (self->store));
  paths->to = quorum_store_dup_user_path ();
  set_resume (self, work_package_id, decision);

  g_task_set_source_tag (task, copy_and_decide);
  g_task_set_task_data (task, paths, (GDestroyNotify) copy_paths_free);
  g_task_run_in_thread (task, copy_thread);
}

typedef struct
{
  char *work_package;
  char *decision;
} CopyOffer;

static void
copy_offer_free (CopyOffer *offer)
{
  g_free (offer->work_package);
  g_free (offer->decision);
  g_free (offer);
}

static void
copy_offer_closure_free (gpointer  data,
                         GClosure *closure)
{
  copy_offer_free (data);
}

static void
copy_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  CopyOffer        *offer)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  /* The window may have gone while the question was up. */
  if (g_str_equal (response, "copy") && QUORUM_IS_WINDOW (parent))
    copy_and_decide (QUORUM_WINDOW (parent), offer->work_package, offer->decision);
}

static char *
decide_offer_body (gboolean    exists,
                   const char *shown)
{
  if (exists)
    return g_strdup_printf (_("Decisions are not written into the bundled sample store. Your "
                              "own store at %s opens instead, and you decide there."), shown);
  return g_strdup_printf (_("Decisions are not written into the bundled sample store. Make "
                            "your own copy of it at %s to decide there; the sample stays as it "
                            "is."), shown);
}

/* Decisions cannot be written into the bundled sample: offer the user's own copy. */
static void
offer_copy (QuorumWindow *self,
            const char   *work_package_id,
            const char   *decision)
{
  AdwMessageDialog *dialog = _quorum_window_copy_offer_new (self, decide_offer_body);
  CopyOffer *offer = g_new0 (CopyOffer, 1);

  offer->work_package = g_strdup (work_package_id);
  offer->decision = g_strdup (decision);
  g_signal_connect_data (dialog, "response", G_CALLBACK (copy_response_cb), offer,
                         copy_offer_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- private API ------------------------------------------------------------ */

/**
 * _quorum_window_copy_offer_new:
 * @body: the question's text, given whether the user's own store exists
 *   and where it is, for display
 *
 * Returns: (transfer none): the question asked before writing into the
 *   bundled sample, to connect to and present: it answers `cancel`, or
 *   `copy` to make the user's own copy (or open it when it is there)
 */
AdwMessageDialog *
_quorum_window_copy_offer_new (QuorumWindow        *self,
                               QuorumCopyOfferBody  body)
{
  g_autofree char *user_path = quorum_store_dup_user_path ();
  g_autofree char *shown = quorum_ui_display_path (user_path);
  gboolean exists = g_file_test (user_path, G_FILE_TEST_IS_DIR);
  g_autofree char *text = body (exists, shown);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The Sample Store Is Read-Only"),
                                                       text));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "copy", exists ? _("_Open My Store") : _("_Make My Own Copy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "copy");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/**
 * _quorum_window_copy_sample:
 *
 * Copies the sample store shown to the user's own store (or keeps the one
 * there), then opens it; no decision waits for it.
 */
void
_quorum_window_copy_sample (QuorumWindow *self)
{
  copy_and_decide (self, NULL, NULL);
}

/**
 * _quorum_window_decide:
 * @decision: `approve`, `reject` or `defer`
 *
 * Takes @decision on the package shown, asking for the name, role and
 * comment first.
 */
void
_quorum_window_decide (QuorumWindow *self,
                       const char   *decision)
{
  QuorumWorkPackage *work_package = _quorum_window_get_package (self);

  g_return_if_fail (work_package != NULL);

  if (quorum_store_is_sample (self->store))
    offer_copy (self, quorum_work_package_get_id (work_package), decision);
  else
    open_decide_dialog (self, work_package, decision);
}

/**
 * _quorum_window_resume_decision:
 *
 * Once a store has loaded: goes on with the decision that was asked for
 * before the sample store was copied, if any.
 */
void
_quorum_window_resume_decision (QuorumWindow *self)
{
  g_autofree char *work_package_id = g_steal_pointer (&self->resume_work_package);
  g_autofree char *decision = g_steal_pointer (&self->resume_decision);
  QuorumWorkPackage *work_package;

  if (work_package_id == NULL)
    return;

  work_package = quorum_store_find_work_package (self->store, work_package_id);
  if (work_package == NULL)
    {
      g_autofree char *shown = quorum_ui_display_path (quorum_store_get_path (self->store));
      /* TRANSLATORS: the first %s is a folder, the second a work package id */
      g_autofree char *body = g_strdup_printf (_("Your store at %s has no work package “%s”, "
                                                 "so no decision was taken."),
                                               shown, work_package_id);

      show_error (self, _("The Package Is Not in Your Store"), body);
      return;
    }

  _quorum_window_show_package (self, work_package);
  _quorum_window_decide (self, decision);
}

/**
 * _quorum_window_clear_decide_state:
 *
 * Forgets the draft comment and any decision waiting for a store to load.
 */
void
_quorum_window_clear_decide_state (QuorumWindow *self)
{
  set_draft (self, NULL, NULL);
  set_resume (self, NULL, NULL);
}
