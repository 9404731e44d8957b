/* quorum-decision.c: a Board decision on a work package (append-only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "quorum-decision.h"
#include <glib/gi18n-lib.h>
#include "quorum-error.h"
#include "quorum-load-context.h"

#include <string.h>

struct _QuorumDecision
{
  GObject parent_instance;

  char *id;
  char *work_package;
  char *decision;
  char *by;
  char *role;
  char *at;
  char *comment;
  char *meeting;
  char *seal;
  QuorumSealState seal_state;
  gboolean pending_sync;
  char *file;
};

G_DEFINE_FINAL_TYPE (QuorumDecision, quorum_decision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WORK_PACKAGE,
  PROP_DECISION,
  PROP_BY,
  PROP_ROLE,
  PROP_AT,
  PROP_COMMENT,
  PROP_MEETING,
  PROP_SEAL_STATE,
  PROP_PENDING_SYNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const decisions[] = { "approve", "reject", "defer", NULL };

static void
quorum_decision_finalize (GObject *object)
{
  QuorumDecision *self = (QuorumDecision *) object;

  g_free (self->id);
  g_free (self->work_package);
  g_free (self->decision);
  g_free (self->by);
  g_free (self->role);
  g_free (self->at);
  g_free (self->comment);
  g_free (self->meeting);
  g_free (self->seal);
  g_free (self->file);

  G_OBJECT_CLASS (quorum_decision_parent_class)->finalize (object);
}

static void
quorum_decision_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QuorumDecision *self = QUORUM_DECISION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_WORK_PACKAGE: g_value_set_string (value, self->work_package); break;
    case PROP_DECISION: g_value_set_string (value, self->decision); break;
    case PROP_BY: g_value_set_string (value, self->by); break;
    case PROP_ROLE: g_value_set_string (value, self->role); break;
    case PROP_AT: g_value_set_string (value, self->at); break;
    case PROP_COMMENT: g_value_set_string (value, self->comment); break;
    case PROP_MEETING: g_value_set_string (value, self->meeting); break;
    case PROP_SEAL_STATE: g_value_set_int (value, self->seal_state); break;
    case PROP_PENDING_SYNC: g_value_set_boolean (value, self->pending_sync); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_decision_class_init (QuorumDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_decision_finalize;
  object_class->get_property = quorum_decision_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_WORK_PACKAGE] = g_param_spec_string ("work-package", NULL, NULL, NULL, flags);
  properties[PROP_DECISION] = g_param_spec_string ("decision", NULL, NULL, NULL, flags);
  properties[PROP_BY] = g_param_spec_string ("by", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_AT] = g_param_spec_string ("at", NULL, NULL, NULL, flags);
  properties[PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, NULL, flags);
  properties[PROP_MEETING] = g_param_spec_string ("meeting", NULL, NULL, NULL, flags);
  properties[PROP_SEAL_STATE] =
    g_param_spec_int ("seal-state", NULL, NULL, QUORUM_SEAL_NONE, QUORUM_SEAL_BROKEN,
                      QUORUM_SEAL_NONE, flags);
  properties[PROP_PENDING_SYNC] =
    g_param_spec_boolean ("pending-sync", NULL, NULL, FALSE, flags | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_decision_init (QuorumDecision *self)
{
}

/**
 * quorum_timestamp_is_valid:
 *
 * Returns: %TRUE for an RFC 3339 timestamp in UTC, `2020-03-12T10:31:00Z`
 *   (fractions of a second allowed)
 */
gboolean
quorum_timestamp_is_valid (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  gsize len;

  if (text == NULL || (len = strlen (text)) < 20 || text[len - 1] != 'Z' || text[10] != 'T')
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

/**
 * quorum_decision_new_from_data:
 * @file: the file's path; its base name less `.json` must equal the id
 * @work_package_id: the folder the file is in, which the decision must name
 *
 * Returns: (transfer full) (nullable): the decision, or %NULL with every
 *   problem appended to @problems
 */
QuorumDecision *
quorum_decision_new_from_data (const char *file,
                               const char *work_package_id,
                               const char *data,
                               gsize       length,
                               GPtrArray  *problems)
{
  QuorumLoadContext ctx = { .file = file, .problems = problems };
  g_autoptr(QuorumJsonTree) tree = NULL;
  g_autoptr(QuorumDecision) self = NULL;
  JsonNode *root;

  g_return_val_if_fail (file != NULL, NULL);

  root = _quorum_ctx_open (&ctx, data, length, "quorum.decision", 1, &tree);
  if (root == NULL)
    return NULL;

  self = g_object_new (QUORUM_TYPE_DECISION, NULL);
  self->file = g_strdup (file);
  _quorum_ctx_file_id (&ctx, root, &self->id);
  if (_quorum_ctx_id (&ctx, root, "$", "work_package", TRUE, &self->work_package) &&
      self->work_package != NULL && work_package_id != NULL &&
      !g_str_equal (self->work_package, work_package_id))
    _quorum_ctx_error (&ctx, json_object_get_member (json_node_get_object (root), "work_package"),
                       "$.work_package",
                       _("the decision names “%s” but is filed under decisions/%s/"),
                       self->work_package, work_package_id);

  _quorum_ctx_member (&ctx, root, "$", "decision", TRUE);
  _quorum_ctx_enum (&ctx, root, "$", "decision", decisions, &self->decision);
  _quorum_ctx_string (&ctx, root, "$", "by", TRUE, &self->by);
  if (self->by != NULL && g_strstrip (self->by)[0] == '\0')
    _quorum_ctx_error (&ctx, json_object_get_member (json_node_get_object (root), "by"), "$.by",
                       _("who decided must be named"));
  _quorum_ctx_string (&ctx, root, "$", "role", FALSE, &self->role);
  _quorum_ctx_string (&ctx, root, "$", "at", TRUE, &self->at);
  if (self->at != NULL && !quorum_timestamp_is_valid (self->at))
    _quorum_ctx_error (&ctx, json_object_get_member (json_node_get_object (root), "at"), "$.at",
                       _("“%s” is not an RFC 3339 timestamp in UTC like 2020-03-12T10:31:00Z"),
                       self->at);
  _quorum_ctx_string (&ctx, root, "$", "comment", FALSE, &self->comment);
  _quorum_ctx_id (&ctx, root, "$", "meeting", FALSE, &self->meeting);
  _quorum_ctx_string (&ctx, root, "$", "seal", FALSE, &self->seal);

  if (ctx.n_errors > 0)
    return NULL;

  if (self->seal != NULL)
    {
      g_autofree char *expected =
        quorum_decision_compute_seal (self->id, self->work_package, self->decision, self->by,
                                      self->role, self->at, self->comment, self->meeting);

      self->seal_state = g_str_equal (expected, self->seal) ? QUORUM_SEAL_VALID
                                                            : QUORUM_SEAL_BROKEN;
      if (self->seal_state == QUORUM_SEAL_BROKEN && problems != NULL)
        g_ptr_array_add (problems,
                         quorum_problem_new (file, "$.seal", 0, 0,
                                             _("the decision was changed after it was written "
                                               "(its content no longer matches its seal); it "
                                               "is shown but not counted")));
    }

  return g_steal_pointer (&self);
}

static void
seal_field (GString    *out,
            const char *value)
{
  if (value == NULL)
    g_string_append (out, "-\n");
  else
    g_string_append_printf (out, "%" G_GSIZE_FORMAT ":%s\n", strlen (value), value);
}

/**
 * quorum_decision_compute_seal:
 *
 * The seal Quorum writes into every decision file it creates: `sha256:`
 * and the SHA-256 of each field (format, id, work_package, decision, by,
 * role, at, comment) written as `LENGTH:BYTES\n`, or `-\n` when absent,
 * then, only where the decision names the meeting that took it, `meeting`
 * the same way (so the seals of decisions without one are unchanged).
 * A file whose fields no longer match its seal was changed after it was
 * written.
 *
 * Returns: (transfer full): the seal
 */
char *
quorum_decision_compute_seal (const char *id,
                              const char *work_package,
                              const char *decision,
                              const char *by,
                              const char *role,
                              const char *at,
                              const char *comment,
                              const char *meeting)
{
  g_autoptr(GString) canonical = g_string_new (NULL);
  g_autofree char *digest = NULL;

  seal_field (canonical, "quorum.decision/1");
  seal_field (canonical, id);
  seal_field (canonical, work_package);
  seal_field (canonical, decision);
  seal_field (canonical, by);
  seal_field (canonical, role);
  seal_field (canonical, at);
  seal_field (canonical, comment);
  if (meeting != NULL)
    seal_field (canonical, meeting);

  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) canonical->str,
                                        canonical->len);
  return g_strconcat ("sha256:", digest, NULL);
}

static char *
dup_slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  return g_string_free (slug, FALSE);
}

static char *
dup_optional_text (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return copy[0] == '\0' ? NULL : g_steal_pointer (&copy);
}

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * _quorum_validate_text:
 * @kind: what @text is: a name or role, a decision's comment or a note
 *
 * Checks @text: UTF-8 without a control character (a comment or a note may
 * hold line feeds and tabs) and, for a name or role, without a bidi
 * control; the error names the character, its place and what @text is.
 */
gboolean
_quorum_validate_text (const char      *text,
                       QuorumTextKind   kind,
                       GError         **error)
{
  gboolean person = kind == QUORUM_TEXT_PERSON;
  guint position = 0;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID, _("the text is not UTF-8"));
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);

      position++;
      if (!person && (c == '\n' || c == '\t'))
        continue;
      if (control && kind == QUORUM_TEXT_COMMENT)
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("character %u is U+%04X, a control character; a comment can hold line "
                       "breaks and tabs but no other control character"), position, c);
      else if (control && kind == QUORUM_TEXT_NOTE)
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("character %u is U+%04X, a control character; a note can hold line "
                       "breaks and tabs but no other control character"), position, c);
      else if (control)
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("character %u is U+%04X, a control character (such as a line break); "
                       "a name or role cannot hold one"), position, c);
      else if (person && is_bidi_control (c))
        g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                     _("character %u is U+%04X, a bidirectional text control; a name or "
                       "role cannot hold one"), position, c);
      else
        continue;
      return FALSE;
    }
  return TRUE;
}

/**
 * quorum_decision_validate_person:
 * @text: a name or a role, as typed
 *
 * Checks that @text can name who decided, or their role: UTF-8 text with
 * no control character (U+0000 to U+001F, U+007F to U+009F: a line break
 * would let a name forge lines of output) and no bidirectional text
 * control (U+202A to U+202E, U+2066 to U+2069: a name shown reversed
 * would get the same decision id as the genuine one). quorum_decision_new()
 * refuses such text; a form can check it as it is typed.
 *
 * Returns: %TRUE if @text is allowed, else %FALSE with
 *   %QUORUM_ERROR_INVALID naming the character and its place
 */
gboolean
quorum_decision_validate_person (const char  *text,
                                 GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _quorum_validate_text (text, QUORUM_TEXT_PERSON, error);
}

/**
 * quorum_decision_validate_comment:
 * @text: a comment, as typed
 *
 * Checks that @text can be a decision's comment: UTF-8 text whose only
 * control characters are line feeds (U+000A) and tabs (U+0009). Carriage
 * returns, escapes and the other control characters are refused;
 * bidirectional text controls are allowed.
 *
 * Returns: %TRUE if @text is allowed, else %FALSE with
 *   %QUORUM_ERROR_INVALID naming the character and its place
 */
gboolean
quorum_decision_validate_comment (const char  *text,
                                  GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _quorum_validate_text (text, QUORUM_TEXT_COMMENT, error);
}

/* @text trimmed and in Unicode normal form C, or NULL if blank: the same
 * name typed composed or decomposed gets the same id and seal. */
static char *
dup_normalized_text (const char *text)
{
  g_autofree char *nfc = NULL;

  if (text == NULL)
    return NULL;
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return dup_optional_text (nfc);
}

/**
 * quorum_decision_new:
 * @work_package_id: the package decided
 * @decision: `approve`, `reject` or `defer`
 * @by: who decided; must not be blank
 * @role: (nullable): their role
 * @comment: (nullable): why
 * @at: (nullable): when (to the second); %NULL for now
 *
 * Creates a new decision, sealed, with the id `YYYYMMDDtHHMMSSz-NAME`.
 * Blank role and comment are left out. @by, @role and @comment are
 * trimmed and put in Unicode normal form C before the id and the seal are
 * made; then @by and @role must pass quorum_decision_validate_person() and
 * @comment quorum_decision_validate_comment().
 *
 * Returns: (transfer full) (nullable): the decision, or %NULL with
 *   %QUORUM_ERROR_INVALID
 */
QuorumDecision *
quorum_decision_new (const char  *work_package_id,
                     const char  *decision,
                     const char  *by,
                     const char  *role,
                     const char  *comment,
                     GDateTime   *at,
                     GError     **error)
{
  g_autoptr(QuorumDecision) self = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (work_package_id != NULL, NULL);
  g_return_val_if_fail (decision != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!quorum_id_is_valid (work_package_id))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("“%s” is not a work package id"), work_package_id);
      return NULL;
    }
  if (!g_strv_contains (decisions, decision))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("“%s” is not a decision: use approve, reject or defer"), decision);
      return NULL;
    }
  if (by == NULL || !g_utf8_validate (by, -1, NULL) ||
      (role != NULL && !g_utf8_validate (role, -1, NULL)) ||
      (comment != NULL && !g_utf8_validate (comment, -1, NULL)))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("the name, role and comment must be UTF-8 text"));
      return NULL;
    }

  self = g_object_new (QUORUM_TYPE_DECISION, NULL);
  self->by = dup_normalized_text (by);
  self->role = dup_normalized_text (role);
  self->comment = dup_normalized_text (comment);
  if (self->by == NULL)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("who decided must be named"));
      return NULL;
    }
  if (!quorum_decision_validate_person (self->by, error) ||
      (self->role != NULL && !quorum_decision_validate_person (self->role, error)) ||
      (self->comment != NULL && !quorum_decision_validate_comment (self->comment, error)))
    return NULL;
  slug = dup_slug (self->by);
  if (slug[0] == '\0')
    {
      g_free (slug);
      slug = g_strdup ("member");
    }
  if (strlen (slug) > 40)
    slug[40] = '\0';
  while (strlen (slug) > 0 && slug[strlen (slug) - 1] == '-')
    slug[strlen (slug) - 1] = '\0';

  when = at != NULL ? g_date_time_to_utc (at) : g_date_time_new_now_utc ();
  self->at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
  stamp = g_date_time_format (when, "%Y%m%dt%H%M%Sz");
  id = g_strconcat (stamp, "-", slug, NULL);

  self->work_package = g_strdup (work_package_id);
  self->decision = g_strdup (decision);
  _quorum_decision_set_id (self, id);
  self->seal_state = QUORUM_SEAL_VALID;

  return g_steal_pointer (&self);
}

void
_quorum_decision_set_id (QuorumDecision *self,
                         const char     *id)
{
  g_return_if_fail (QUORUM_IS_DECISION (self));
  g_return_if_fail (quorum_id_is_valid (id));

  g_free (self->id);
  self->id = g_strdup (id);
  g_free (self->seal);
  self->seal = quorum_decision_compute_seal (self->id, self->work_package, self->decision,
                                             self->by, self->role, self->at, self->comment,
                                             self->meeting);
}

void
_quorum_decision_set_file (QuorumDecision *self,
                           const char     *file)
{
  g_return_if_fail (QUORUM_IS_DECISION (self));
  g_free (self->file);
  self->file = g_strdup (file);
}

void
_quorum_decision_set_pending_sync (QuorumDecision *self,
                                   gboolean        pending)
{
  g_return_if_fail (QUORUM_IS_DECISION (self));

  pending = !!pending;
  if (self->pending_sync == pending)
    return;
  self->pending_sync = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_SYNC]);
}

/**
 * quorum_decision_to_data:
 *
 * Returns: (transfer full): the decision as its file's content: the
 *   spec's fields in order, then the seal, 2-space indented, with a final
 *   newline
 */
char *
quorum_decision_to_data (QuorumDecision *self,
                         gsize          *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char *data;

  g_return_val_if_fail (QUORUM_IS_DECISION (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "quorum.decision/1");
#define MEMBER(name, field) \
  if (self->field != NULL) \
    { \
      json_builder_set_member_name (builder, name); \
      json_builder_add_string_value (builder, self->field); \
    }
  MEMBER ("id", id)
  MEMBER ("work_package", work_package)
  MEMBER ("decision", decision)
  MEMBER ("by", by)
  MEMBER ("role", role)
  MEMBER ("at", at)
  MEMBER ("comment", comment)
  MEMBER ("meeting", meeting)
  MEMBER ("seal", seal)
#undef MEMBER
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = quorum_json_node_to_string (root);
  data = g_strconcat (text, "\n", NULL);
  if (length != NULL)
    *length = strlen (data);
  return data;
}

#define GETTER(field) \
  const char * \
  quorum_decision_get_##field (QuorumDecision *self) \
  { \
    g_return_val_if_fail (QUORUM_IS_DECISION (self), NULL); \
    return self->field; \
  }

GETTER (id)
GETTER (work_package)
GETTER (decision)
GETTER (by)
GETTER (role)
GETTER (at)
GETTER (comment)
GETTER (meeting)
GETTER (file)
GETTER (seal)

QuorumSealState
quorum_decision_get_seal_state (QuorumDecision *self)
{
  g_return_val_if_fail (QUORUM_IS_DECISION (self), QUORUM_SEAL_NONE);
  return self->seal_state;
}

gboolean
quorum_decision_get_pending_sync (QuorumDecision *self)
{
  g_return_val_if_fail (QUORUM_IS_DECISION (self), FALSE);
  return self->pending_sync;
}

/* Compares ids with runs of digits as numbers, so that the decision a
 * person made tenth in one second (`…-10`) comes after the ninth (`…-9`). */
static int
compare_ids (const char *a,
             const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *ea = a, *eb = b;
          gsize la, lb;
          int order;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (ea = a; g_ascii_isdigit (*ea); ea++)
            ;
          for (eb = b; g_ascii_isdigit (*eb); eb++)
            ;
          la = (gsize) (ea - a);
          lb = (gsize) (eb - b);
          if (la != lb)
            return la < lb ? -1 : 1;
          if ((order = strncmp (a, b, la)) != 0)
            return order;
          a = ea;
          b = eb;
          continue;
        }
      if (*a != *b)
        return (guchar) *a < (guchar) *b ? -1 : 1;
      a++;
      b++;
    }
  return *a == *b ? 0 : (*a == '\0' ? -1 : 1);
}

/**
 * quorum_decision_compare:
 *
 * Orders decisions by time, then by id (runs of digits compared as
 * numbers), so two decisions with the same timestamp still have one,
 * deterministic, latest.
 */
int
quorum_decision_compare (QuorumDecision *a,
                         QuorumDecision *b)
{
  g_autoptr(GDateTime) ta = g_date_time_new_from_iso8601 (a->at, NULL);
  g_autoptr(GDateTime) tb = g_date_time_new_from_iso8601 (b->at, NULL);
  int order = g_date_time_compare (ta, tb);

  if (order == 0)
    order = compare_ids (a->id, b->id);
  return order != 0 ? order : strcmp (a->id, b->id);
}
