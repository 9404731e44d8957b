/* quorum-sync-listing.c: what the remote holds (WebDAV PROPFIND, or a static host's
 * index.json), what the local store holds, and `publish-index`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "quorum-sync-private.h"
#include <glib/gi18n-lib.h>

#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "quorum-error.h"
#include "quorum-file-util.h"
#include "quorum-json.h"
#include "quorum-load-context.h"
#include "quorum-store.h"
#include "quorum-store-lock.h"
#include "quorum-sync-fate.h"

void
_quorum_sync_remote_file_free (RemoteFile *file)
{
  g_free (file->etag);
  g_free (file->sha256);
  g_free (file);
}

typedef struct
{
  QuorumSync *self;
  const char *base_path;   /* the URL path the hrefs are relative to */
  GString *text;
  char *href;
  char *etag;
  gint64 size;
  gboolean collection;
  gboolean in_response;
  GPtrArray *folders;      /* relative folder paths found */
  GHashTable *folder_etags;  /* relative folder path → its ETag */
  GHashTable *files;       /* relpath → RemoteFile */
  guint n_responses;
} DavParse;

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

static void
dav_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  DavParse *parse = user_data;
  const char *name = local_name (element);

  g_string_truncate (parse->text, 0);
  if (g_str_equal (name, "response"))
    {
      parse->in_response = TRUE;
      g_clear_pointer (&parse->href, g_free);
      g_clear_pointer (&parse->etag, g_free);
      parse->size = -1;
      parse->collection = FALSE;
    }
  else if (g_str_equal (name, "collection") && parse->in_response)
    parse->collection = TRUE;
}

/* An href, made relative to the listing's base; NULL if outside it. */
static char *
relative_href (DavParse   *parse,
               const char *href)
{
  g_autofree char *path = NULL;
  g_autofree char *decoded = NULL;
  g_autoptr(GUri) uri = g_uri_parse (href, G_URI_FLAGS_ENCODED_PATH, NULL);
  const char *rest;

  path = uri != NULL ? g_strdup (g_uri_get_path (uri)) : g_strdup (href);
  decoded = g_uri_unescape_string (path, NULL);
  if (decoded == NULL || !g_str_has_prefix (decoded, parse->base_path))
    return NULL;
  rest = decoded + strlen (parse->base_path);
  return g_strdup (rest);
}

static void
dav_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  DavParse *parse = user_data;
  const char *name = local_name (element);

  if (!parse->in_response)
    return;
  if (g_str_equal (name, "href") && parse->href == NULL)
    parse->href = g_strstrip (g_strdup (parse->text->str));
  else if (g_str_equal (name, "getetag"))
    {
      g_free (parse->etag);
      parse->etag = g_strstrip (g_strdup (parse->text->str));
    }
  else if (g_str_equal (name, "getcontentlength"))
    parse->size = g_ascii_strtoll (parse->text->str, NULL, 10);
  else if (g_str_equal (name, "response"))
    {
      g_autofree char *relpath = parse->href != NULL ? relative_href (parse, parse->href) : NULL;

      parse->in_response = FALSE;
      parse->n_responses++;
      if (relpath == NULL)
        return;
      if (parse->collection)
        {
          if (g_str_has_suffix (relpath, "/"))
            relpath[strlen (relpath) - 1] = '\0';
          if (relpath[0] != '\0' && parse->etag != NULL && parse->etag[0] != '\0')
            g_hash_table_replace (parse->folder_etags, g_strdup (relpath),
                                  g_strdup (parse->etag));
          if (relpath[0] != '\0')
            g_ptr_array_add (parse->folders, g_steal_pointer (&relpath));
        }
      else if (quorum_store_path_is_valid (relpath))
        {
          RemoteFile *file = g_new0 (RemoteFile, 1);

          file->etag = parse->etag != NULL && parse->etag[0] != '\0'
                         ? g_steal_pointer (&parse->etag) : NULL;
          file->size = parse->size;
          g_hash_table_replace (parse->files, g_steal_pointer (&relpath), file);
        }
    }
}

static void
dav_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  DavParse *parse = user_data;

  if (parse->text->len + length < 64 * 1024)
    g_string_append_len (parse->text, text, (gssize) length);
}

/* A listing naming more files than a store may hold is refused, rather
 * than asked for file by file. */
static gboolean
check_listing_size (QuorumSync  *self,
                    const char  *url,
                    guint        n_files,
                    GError     **error)
{
  if (n_files <= self->max_listed_files)
    return TRUE;
  g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
               _("%s lists more than %u files, the most a synced store may have; nothing "
                 "was fetched"), url, self->max_listed_files);
  return FALSE;
}

static const char propfind_body[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<D:propfind xmlns:D=\"DAV:\"><D:prop>"
  "<D:resourcetype/><D:getetag/><D:getcontentlength/>"
  "</D:prop></D:propfind>\n";

/* PROPFIND one folder. Returns FALSE with @error for a fatal failure; sets
 * *not_dav when the server does not do WebDAV there. */
static gboolean
propfind (QuorumSync    *self,
          const char    *folder,
          GPtrArray     *subfolders,
          GHashTable    *folder_etags,
          gboolean      *not_dav,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *url = folder[0] == '\0' ? g_strdup (self->remote_url)
                                           : g_strconcat (self->remote_url, folder, "/", NULL);
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) body = g_bytes_new_static (propfind_body, sizeof propfind_body - 1);
  g_auto(Response) response = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *base_path = NULL;
  g_autoptr(GUri) uri = NULL;
  GMarkupParser parser = { dav_start, dav_end, dav_text, NULL, NULL };
  DavParse parse = { 0 };
  const char *data;
  gsize size;
  gboolean ok;

  *not_dav = FALSE;
  g_hash_table_insert (headers, (char *) "Depth", (char *) "1");
  if (!_quorum_sync_send (self, "PROPFIND", url, headers, body, "application/xml", TRUE, &response,
                          cancellable, error))
    return FALSE;
  if (!_quorum_sync_check_status (self, &response, folder[0] ? folder : _("the store"), error))
    return FALSE;
  if (response.status != 207)
    {
      *not_dav = TRUE;
      return TRUE;
    }
  if (response.too_large || response.body == NULL)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s: the WebDAV listing is over the size limit"), url);
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_PATH, NULL);
  base_path = g_uri_unescape_string (g_uri_get_path (self->base), NULL);
  parse.self = self;
  parse.base_path = base_path;
  parse.text = g_string_new (NULL);
  parse.folders = subfolders;
  parse.folder_etags = folder_etags;
  parse.files = self->remote;
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &parse, NULL);
  data = g_bytes_get_data (response.body, &size);
  ok = g_markup_parse_context_parse (context, data, (gssize) size, &parse_error) &&
       g_markup_parse_context_end_parse (context, &parse_error);
  g_string_free (parse.text, TRUE);
  g_free (parse.href);
  g_free (parse.etag);
  if (!ok || parse.n_responses == 0)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s: the WebDAV listing cannot be read: %s"), url,
                   parse_error != NULL ? parse_error->message : _("no entries"));
      return FALSE;
    }
  return check_listing_size (self, url, g_hash_table_size (self->remote), error);
}

/* The files of the last sync's listing of @folder, as it was then. */
static void
restore_folder (QuorumSync *self,
                JsonObject *files)
{
  JsonObjectIter iter;
  const char *relpath;
  JsonNode *node;

  json_object_iter_init (&iter, files);
  while (json_object_iter_next (&iter, &relpath, &node))
    {
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      RemoteFile *file;

      if (entry == NULL || !quorum_store_path_is_valid (relpath))
        continue;
      file = g_new0 (RemoteFile, 1);
      file->etag = g_strdup (json_object_get_string_member_with_default (entry, "etag", NULL));
      file->size = json_object_get_int_member_with_default (entry, "size", -1);
      g_hash_table_replace (self->remote, g_strdup (relpath), file);
    }
}

/* Records @folder's ETag and files in this sync's listing. */
static void
record_folder (QuorumSync *self,
               const char *folder,
               const char *etag)
{
  g_autofree char *prefix = g_strconcat (folder, "/", NULL);
  JsonObject *folders = json_object_get_object_member (self->listed_now, "folders");
  JsonObject *record = json_object_new ();
  JsonObject *files = json_object_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->remote);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RemoteFile *file = value;
      JsonObject *entry;

      if (!g_str_has_prefix (key, prefix) || strchr ((char *) key + strlen (prefix), '/'))
        continue;
      entry = json_object_new ();
      if (file->etag != NULL)
        json_object_set_string_member (entry, "etag", file->etag);
      json_object_set_int_member (entry, "size", file->size);
      json_object_set_object_member (files, key, entry);
    }
  json_object_set_string_member (record, "etag", etag);
  json_object_set_object_member (record, "files", files);
  json_object_set_object_member (folders, folder, record);
}

/* A decisions/WP/ folder: its files only change by being added (decisions
 * are never changed), which changes the folder's ETag, so a folder whose
 * ETag is the one of the last sync is not listed again. */
static gboolean
list_decision_folder (QuorumSync    *self,
                      const char    *folder,
                      const char    *etag,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) ignored_etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               g_free);
  JsonNode *folders = json_object_get_member (self->listed_before, "folders");
  JsonObject *before = folders != NULL && JSON_NODE_HOLDS_OBJECT (folders)
                         ? json_node_get_object (folders) : NULL;
  JsonNode *node = before != NULL ? json_object_get_member (before, folder) : NULL;
  JsonObject *record = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                         ? json_node_get_object (node) : NULL;
  gboolean not_dav;

  if (record != NULL && etag != NULL &&
      quorum_sync_etags_match (etag, json_object_get_string_member_with_default (record, "etag",
                                                                              NULL)) &&
      json_object_has_member (record, "files") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (record, "files")))
    restore_folder (self, json_object_get_object_member (record, "files"));
  else if (!propfind (self, folder, ignored, ignored_etags, &not_dav, cancellable, error))
    return FALSE;
  if (etag != NULL)
    record_folder (self, folder, etag);
  return check_listing_size (self, self->remote_url, g_hash_table_size (self->remote), error);
}

gboolean
_quorum_sync_list_webdav (QuorumSync    *self,
                          gboolean      *not_dav,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean sub_not_dav;

  if (!propfind (self, "", top, etags, not_dav, cancellable, error) || *not_dav)
    return !*not_dav ? FALSE : TRUE;

  json_object_set_object_member (self->listed_now, "folders", json_object_new ());
  for (guint i = 0; i < top->len; i++)
    {
      const char *folder = g_ptr_array_index (top, i);

      if (g_str_equal (folder, "budgets") || g_str_equal (folder, "work-packages") ||
          g_str_equal (folder, "meetings"))
        {
          if (!propfind (self, folder, ignored, etags, &sub_not_dav, cancellable, error))
            return FALSE;
        }
      else if (g_str_equal (folder, "decisions"))
        {
          self->remote_has_decisions = TRUE;
          if (!propfind (self, folder, decisions, etags, &sub_not_dav, cancellable, error))
            return FALSE;
        }
    }
  for (guint i = 0; i < decisions->len; i++)
    {
      const char *folder = g_ptr_array_index (decisions, i);
      const char *name = strchr (folder, '/') != NULL ? strchr (folder, '/') + 1 : "";

      if (g_str_has_prefix (folder, "decisions/") && quorum_id_is_valid (name) &&
          !list_decision_folder (self, folder, g_hash_table_lookup (etags, folder), cancellable,
                                 error))
        return FALSE;
    }
  return TRUE;
}

/* index.json's $.files into self->remote. */
static gboolean
take_index_files (QuorumSync  *self,
                  const char  *url,
                  JsonArray   *files,
                  GError     **error)
{
  if (!check_listing_size (self, url, json_array_get_length (files), error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *path = entry ? json_object_get_string_member_with_default (entry, "path",
                                                                            NULL) : NULL;
      const char *sha256 = entry ? json_object_get_string_member_with_default (entry,
                                                                              "sha256", NULL)
                                 : NULL;
      RemoteFile *file;

      if (!quorum_store_path_is_valid (path) || sha256 == NULL || strlen (sha256) != 64)
        {
          g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                       _("%s: $.files[%u] is not a store file with its sha256"), url, i);
          return FALSE;
        }
      file = g_new0 (RemoteFile, 1);
      file->sha256 = g_ascii_strdown (sha256, -1);
      file->size = json_object_get_int_member_with_default (entry, "size", -1);
      g_hash_table_replace (self->remote, g_strdup (path), file);
    }
  return TRUE;
}

/* The last sync's index.json, as {etag, files}, or NULL. */
static JsonObject *
index_before (QuorumSync *self)
{
  JsonNode *node = json_object_get_member (self->listed_before, "index");
  JsonObject *index = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node)
                                                                    : NULL;

  if (index == NULL || json_object_get_string_member_with_default (index, "etag", NULL) == NULL ||
      !json_object_has_member (index, "files") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (index, "files")))
    return NULL;
  return index;
}

static void
record_index (QuorumSync *self,
              const char *etag,
              JsonArray  *files)
{
  JsonObject *index;

  if (etag == NULL)
    return;
  index = json_object_new ();
  json_object_set_string_member (index, "etag", etag);
  json_object_set_array_member (index, "files", json_array_ref (files));
  json_object_set_object_member (self->listed_now, "index", index);
}

/* index.json, with If-None-Match: the ETag of the last sync's copy; a 304
 * lists what that copy listed. */
gboolean
_quorum_sync_list_index (QuorumSync    *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *url = g_strconcat (self->remote_url, "index.json", NULL);
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Response) response = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  JsonObject *before = index_before (self);
  JsonObject *root;
  const char *data;
  gsize size;

  if (before != NULL)
    g_hash_table_insert (headers, (char *) "If-None-Match",
                         (char *) json_object_get_string_member (before, "etag"));
  if (!_quorum_sync_send (self, "GET", url, headers, NULL, NULL, TRUE, &response, cancellable,
                          error) ||
      !_quorum_sync_check_status (self, &response, "index.json", error))
    return FALSE;
  if (response.status == 304 && before != NULL)
    {
      JsonArray *files = json_object_get_array_member (before, "files");

      record_index (self, json_object_get_string_member (before, "etag"), files);
      return take_index_files (self, url, files, error);
    }
  if (response.status == 404)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s is not a Quorum store: it speaks neither WebDAV nor has an "
                     "index.json (a static host needs `quorum-cli publish-index`)"),
                   self->remote_url);
      return FALSE;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (response.status))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_SERVER,
                   _("%s: the server answered %u %s"), url, response.status,
                   _quorum_sync_status_phrase (response.status));
      return FALSE;
    }
  if (response.too_large)
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s is over the size limit"), url);
      return FALSE;
    }

  data = g_bytes_get_data (response.body, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, &parse_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s is not valid JSON: %s"), url,
                   parse_error != NULL ? parse_error->message : _("not an object"));
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""),
                 "quorum.index/1") != 0 ||
      !json_object_has_member (root, "files") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "files")))
    {
      g_set_error (error, QUORUM_SYNC_ERROR, QUORUM_SYNC_ERROR_PROTOCOL,
                   _("%s: $.format is not “quorum.index/1”, or $.files is missing"), url);
      return FALSE;
    }
  if (!take_index_files (self, url, json_object_get_array_member (root, "files"), error))
    return FALSE;
  record_index (self, response.etag, json_object_get_array_member (root, "files"));
  return TRUE;
}

/* Store paths are at most FOLDER/WP/ID.json: no need to look deeper. */
#define MAX_FOLDER_DEPTH 2

static void
collect_at (int         dir_fd,
            const char *relfolder,
            guint       depth,
            GPtrArray  *out,
            GPtrArray  *skipped)
{
  DIR *dir = fdopendir (dup (dir_fd));
  struct dirent *entry;

  if (dir == NULL)
    return;
  while ((entry = readdir (dir)) != NULL)
    {
      const char *name = entry->d_name;
      g_autofree char *relpath = relfolder[0] ? g_strconcat (relfolder, "/", name, NULL)
                                              : g_strdup (name);
      struct stat st;

      if (name[0] == '.' || fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          int child;

          if (depth >= MAX_FOLDER_DEPTH)
            continue;
          child = openat (dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
          if (child >= 0)
            {
              collect_at (child, relpath, depth + 1, out, skipped);
              close (child);
            }
        }
      else if (S_ISREG (st.st_mode))
        {
          if (quorum_store_path_is_valid (relpath))
            g_ptr_array_add (out, g_steal_pointer (&relpath));
        }
      else if (skipped != NULL)
        g_ptr_array_add (skipped,
                         g_strdup_printf (S_ISLNK (st.st_mode)
                                            ? _("%s: is %s, which is not followed; not listed")
                                            : _("%s: is %s, not a regular file; not listed"),
                                          relpath, _quorum_file_describe_type (st.st_mode)));
    }
  closedir (dir);
}

/* The store files of @store_path (under @relfolder), by path; walked
 * without following a symbolic link and no deeper than store paths go.
 * Each symbolic link or special file met is described in @skipped. */
void
_quorum_sync_collect_local (const char *store_path,
                            const char *relfolder,
                            GPtrArray  *out,
                            GPtrArray  *skipped)
{
  int root_fd, dir_fd;

  if ((root_fd = _quorum_dir_open (store_path, NULL)) < 0)
    return;
  dir_fd = relfolder[0] ? _quorum_dir_open_at (root_fd, store_path, relfolder, FALSE, NULL)
                        : dup (root_fd);
  close (root_fd);
  if (dir_fd < 0)
    return;
  collect_at (dir_fd, relfolder, 0, out, skipped);
  close (dir_fd);
}

int
_quorum_sync_compare_strings (gconstpointer a,
                              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* publish-index ---------------------------------------------------------------- */

static gboolean
is_red (const char *contents,
        gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;

  if (!json_parser_load_from_data (parser, contents, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  return g_strcmp0 (json_object_get_string_member_with_default (root, "classification", ""),
                    "red") == 0;
}

/**
 * quorum_sync_write_index_report:
 * @skipped: (out) (optional) (transfer full) (element-type utf8): each
 *   entry left out of the index that is not a store file: a symbolic link
 *   (never followed) or a special file (a FIFO…), naming it and why
 *
 * Writes STORE/index.json (`quorum.index/1`: every store file's path, size
 * and SHA-256), for a remote that is a static web host. Files classified
 * `red` are not listed: they are never published to such a host. Every
 * file is read within the size limit, through the store's descriptor.
 */
gboolean
quorum_sync_write_index_report (const char  *store_path,
                                GPtrArray  **skipped,
                                GError     **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  g_autoptr(QuorumStoreLock) lock = NULL;

  g_return_val_if_fail (store_path != NULL, FALSE);

  if (!g_file_test (store_path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_NOT_FOUND,
                   _("%s: the store folder does not exist or is not a folder"), store_path);
      return FALSE;
    }
  _quorum_sync_collect_local (store_path, "", paths, left_out);
  g_ptr_array_sort (paths, _quorum_sync_compare_strings);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "quorum.index/1");
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *relpath = g_ptr_array_index (paths, i);
      g_autofree char *contents = NULL;
      g_autofree char *sha = NULL;
      gsize length;

      if (!_quorum_store_file_read (store_path, relpath, QUORUM_MAX_FILE_BYTES, &contents,
                                    &length, error))
        return FALSE;
      if (is_red (contents, length))
        continue;
      sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, relpath);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) length);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, sha);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = quorum_json_node_to_string (root);
  data = g_strconcat (text, "\n", NULL);
  lock = quorum_store_lock_acquire (store_path, LOCK_WAIT_MS, NULL, error);
  if (lock == NULL ||
      !_quorum_store_file_replace (store_path, "index.json", data, strlen (data), error))
    return FALSE;
  if (skipped != NULL)
    *skipped = g_steal_pointer (&left_out);
  return TRUE;
}

/**
 * quorum_sync_write_index:
 *
 * quorum_sync_write_index_report() without the report.
 */
gboolean
quorum_sync_write_index (const char  *store_path,
                         GError     **error)
{
  return quorum_sync_write_index_report (store_path, NULL, error);
}
