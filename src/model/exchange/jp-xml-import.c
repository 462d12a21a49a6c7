/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/jp-model-private.h"
#include "model/store/jp-connection-apply.h"
#include "model/store/jp-connection-exchange.h"
#include "model/exchange/jp-xml-private.h"
#include "model/exchange/jp-xml-merge.h"

typedef JpRecord Record;
typedef JpXmlReader Reader;

/* ---------------------------------------------------------------- report */

JpImportReport *
jp_import_report_new (void)
{
  JpImportReport *report = g_new0 (JpImportReport, 1);

  report->conflicts = g_ptr_array_new_with_free_func (_jp_import_conflict_free);
  return report;
}

void
jp_import_report_free (JpImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->scope_uid);
  g_free (report->scope_label);
  g_free (report->unchecked);
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_clear_pointer (&report->differences, jp_differences_free);
  g_free (report);
}

guint
jp_import_report_removed_total (const JpImportReport *report)
{
  return jp_import_report_total (report, report->removed);
}

GHashTable *
jp_import_choices_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
jp_import_choices_set (GHashTable     *choices,
                       const char     *uid,
                       JpImportChoice  choice)
{
  g_return_if_fail (choices != NULL && uid != NULL);
  g_hash_table_replace (choices, g_strdup (uid), GINT_TO_POINTER (choice));
}

static GHashTable *
choices_copy (GHashTable *choices)
{
  GHashTable *copy = jp_import_choices_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (choices == NULL)
    return copy;
  g_hash_table_iter_init (&iter, choices);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (copy, g_strdup (key), value);
  return copy;
}

static const char *
conflict_kind_text (JpConflictKind kind)
{
  switch (kind)
    {
    case JP_CONFLICT_CHANGED:
      return _("changed in the file and in this database");
    case JP_CONFLICT_ADDED:
      return _("added in the file and in this database, differently");
    case JP_CONFLICT_REMOVED_IN_FILE:
      return _("removed in the file, changed in this database");
    case JP_CONFLICT_REMOVED_IN_DATABASE:
      return _("changed in the file, removed in this database");
    case JP_CONFLICT_ORDER:
      return _("its items were put in another order in the file and in this database");
    default:
      return "";
    }
}

char *
jp_import_report_describe_conflicts (const JpImportReport *report)
{
  GString *s;

  g_return_val_if_fail (report != NULL, NULL);
  if (report->conflicts == NULL || report->conflicts->len == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      JpImportConflict *c = report->conflicts->pdata[i];

      /* Translators: a conflicting item, then what happened to it. */
      g_string_append_printf (s, _("%s %s: %s\n"), jp_kind_to_string (c->item_kind), c->label,
                              conflict_kind_text (c->kind));
      /* Translators: the version of an item in the imported file. */
      g_string_append_printf (s, _("  in the file: %s\n"), c->theirs);
      /* Translators: the version of an item in the user's own database. */
      g_string_append_printf (s, _("  in this database: %s\n"), c->mine);
    }
  return g_string_free (s, FALSE);
}

guint
jp_import_report_total (const JpImportReport *report,
                        const guint          *counts)
{
  guint total = 0;

  for (guint k = 0; k < JP_N_KINDS; k++)
    total += counts[k];
  return total;
}

char *
jp_import_counts_describe (guint added,
                           guint changed,
                           guint removed)
{
  /* Translators: counts of items that an import adds, changes and
   * removes, joined as "added 3, changed 5, removed 1". */
  g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "added %u", "added %u", added), added);
  g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "changed %u", "changed %u", changed), changed);
  g_autofree char *r = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "removed %u", "removed %u", removed), removed);

  return g_strdup_printf ("%s, %s, %s", a, c, r);
}

char *
jp_import_report_describe (const JpImportReport *report)
{
  guint added = jp_import_report_total (report, report->added);
  guint changed = jp_import_report_total (report, report->changed);
  guint removed = jp_import_report_total (report, report->removed);
  g_autofree char *counts = NULL;

  counts = jp_import_counts_describe (added, changed, removed);
  if (report->scope_label && *report->scope_label)
    /* Translators: the counts, then the chapter or section they are in. */
    return g_strdup_printf (_("%s in %s"), counts, report->scope_label);
  return g_steal_pointer (&counts);
}

/* ---------------------------------------------------------------- applying */

typedef struct {
  JpConnection   *connection;
  Reader         *reader;
  JpImportReport *report;
  JpImportFlags   flags;
  GHashTable     *choices;      /* uid → JpImportChoice, or NULL */
  JpSnapshot     *snapshot;     /* the scope as it is */
} Apply;

/* Finds the item the file replaces, and where it hangs. */
static gboolean
find_scope (Apply    *apply,
            gint64   *root_id,
            gint64   *scope_parent,
            gint64   *root_position,
            GError  **error)
{
  Record *top = &g_array_index (apply->reader->records, Record, 0);
  JpKind kind = JP_KIND_ITEM;

  apply->report->scope = apply->reader->scope;
  if (apply->reader->scope == JP_SCOPE_PLAN)
    {
      if (!_jp_connection_plan_root (apply->connection, root_id, error))
        return FALSE;
      if (*root_id == 0)
        return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, 0, _("the database holds no plan."));
      return TRUE;
    }

  *root_id = _jp_connection_lookup_uid (apply->connection, top->uid, &kind);
  if (*root_id == 0 || kind != top->kind)
    {
      const char *number = top->fields[JP_FIELD_NUMBER];

      if (top->kind == JP_KIND_SECTION)
        return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, top->line,
                        _("section %s (id “%s”) does not exist in this plan; only an existing section can be "
                          "replaced by a file that holds one section."), number ? number : "?", top->uid);
      if (top->kind == JP_KIND_CHAPTER)
        return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, top->line,
                        _("chapter %s (id “%s”) does not exist in this plan; only an existing chapter can be "
                          "replaced by a file that holds one chapter."), number ? number : "?", top->uid);
      return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, top->line,
                      _("the database has no contacts to replace."));
    }
  /* The replaced chapter or section keeps its place. */
  return _jp_connection_item_place (apply->connection, *root_id, scope_parent, root_position, error);
}

static char *
scope_label (Record *top)
{
  const char *number = top->fields[JP_FIELD_NUMBER];
  const char *title = top->texts[JP_TEXT_TITLE][JP_LANG_NL] ? top->texts[JP_TEXT_TITLE][JP_LANG_NL]
                                                            : top->texts[JP_TEXT_TITLE][JP_LANG_FR];

  if (top->kind == JP_KIND_CONTACTS)
    return g_strdup (_("the contacts"));
  if (number && title)
    return g_strdup_printf ("%s %s", number, title);
  return g_strdup (number ? number : title);
}

/* Puts what kept the store from writing the records in words. */
static gboolean
fail_apply (Apply               *apply,
            const JpApplyResult *result,
            GError             **error)
{
  Record *r = &g_array_index (apply->reader->records, Record, result->record);
  const char *number = r->fields[JP_FIELD_NUMBER] ? r->fields[JP_FIELD_NUMBER] : r->uid;

  switch (result->problem)
    {
    case JP_APPLY_KIND_CLASH:
      return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                      _("the id “%s” belongs to a %s in the plan, but to a %s in the file."),
                      r->uid, jp_kind_to_string (result->kind), jp_kind_to_string (r->kind));
    case JP_APPLY_UID_TAKEN:
      return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                      _("the id “%s” is already used by another item of the plan, outside what this "
                        "file replaces."), r->uid);
    case JP_APPLY_NO_AREA:
      return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                      _("section %s serves the policy area “%s”, which does not exist."),
                      number, result->detail);
    case JP_APPLY_NO_TEAM:
      return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                      _("chapter %s belongs to the team “%s”, which does not exist."),
                      number, result->detail);
    case JP_APPLY_OK:
    default:
      g_assert_not_reached ();
    }
}

/* Writes the records over the scope, counting in the report. */
static gboolean
apply_changes (Apply   *apply,
               gint64   scope_parent,
               GError **error)
{
  JpApplyResult result = { 0, };
  GError *local_error = NULL;
  gboolean ok;

  ok = _jp_connection_apply_records (apply->connection, apply->reader->records, apply->snapshot, scope_parent,
                                     &result, &local_error);
  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      apply->report->added[k] += result.added[k];
      apply->report->changed[k] += result.changed[k];
      apply->report->removed[k] += result.removed[k];
    }
  if (!ok && local_error)
    g_propagate_error (error, local_error);
  else if (!ok)
    fail_apply (apply, &result, error);
  _jp_apply_result_clear (&result);
  return ok;
}

/* A file names the plan and its single items (the contacts) by fixed
 * uids; in the database they are the open year's. */
static void
year_uids (Apply *apply)
{
  JpXmlReader *reader = apply->reader;

  for (guint i = 0; i < reader->records->len; i++)
    {
      Record *r = &g_array_index (reader->records, Record, i);
      g_autofree char *uid = NULL;

      if (r->kind != JP_KIND_PLAN && !jp_kind_has_flag (r->kind, JP_KIND_FLAG_SINGLE))
        continue;
      uid = _jp_connection_year_uid (apply->connection, r->kind);
      if (uid == NULL || g_strcmp0 (uid, r->uid) == 0 || g_hash_table_contains (reader->uids, uid))
        continue;
      g_hash_table_remove (reader->uids, r->uid);
      g_free (r->uid);
      r->uid = g_steal_pointer (&uid);
      g_hash_table_insert (reader->uids, r->uid, GINT_TO_POINTER ((int) i));
    }
}

/* What the records would make of the scope, against the database. */
static void
review_differences (Apply *apply)
{
  g_autoptr(JpSnapshot) incoming = _jp_xml_records_snapshot (apply->reader->records, apply->snapshot);

  g_clear_pointer (&apply->report->differences, jp_differences_free);
  apply->report->differences = jp_differences_compute (apply->snapshot, incoming, NULL, JP_DIFFERENCES_DEFAULT);
}

/* A dry run refused for conflicts still lists the other differences:
 * merged again with this database's version of each conflicting item. */
static void
review_despite_conflicts (Apply *apply)
{
  g_autoptr(GHashTable) choices = choices_copy (apply->choices);
  g_autoptr(JpImportReport) scratch = jp_import_report_new ();

  for (guint i = 0; i < apply->report->conflicts->len; i++)
    {
      JpImportConflict *c = apply->report->conflicts->pdata[i];

      if (!g_hash_table_contains (choices, c->uid))
        jp_import_choices_set (choices, c->uid, JP_CHOICE_MINE);
    }
  if (_jp_exchange_merge (apply->connection, apply->reader, apply->snapshot, choices, scratch, NULL))
    review_differences (apply);
}

static gboolean
apply_records (Apply   *apply,
               GError **error)
{
  GArray *records = apply->reader->records;
  gint64 root_id = 0, scope_parent = 0, root_position = 0;
  g_autofree char *outside = NULL;
  g_autofree char *outside_after = NULL;
  g_autoptr(GArray) file_fps = NULL;
  Record *top;

  apply->report->n_items = _jp_connection_count_items (apply->connection);
  year_uids (apply);
  if (!find_scope (apply, &root_id, &scope_parent, &root_position, error))
    return FALSE;
  top = &g_array_index (records, Record, 0);
  if (apply->reader->scope != JP_SCOPE_PLAN)
    {
      apply->report->scope_uid = g_strdup (top->uid);
      apply->report->scope_label = scope_label (top);
      /* A scope can only change itself: what lies outside is counted
       * now and every write watched, before the import is kept. */
      outside = _jp_connection_outside_counts (apply->connection, root_id, error);
      if (outside == NULL || !_jp_connection_watch_begin (apply->connection, root_id, error))
        return FALSE;
    }
  /* The file's year is the plan's, unless the database holds several:
   * then the open year keeps its own. */
  else if (apply->reader->year && _jp_connection_count_plans (apply->connection) < 2)
    {
      g_free (top->fields[JP_FIELD_NUMBER]);
      top->fields[JP_FIELD_NUMBER] = g_strdup (apply->reader->year);
    }

  apply->snapshot = _jp_connection_load_snapshot (apply->connection, root_id, error);
  if (apply->snapshot == NULL)
    return FALSE;

  if (_jp_exchange_kind_has_record (top->kind) && apply->reader->scope != JP_SCOPE_PLAN)
    {
      if (apply->reader->sent)
        file_fps = _jp_exchange_file_fingerprints (apply->reader);
      if (!_jp_exchange_merge (apply->connection, apply->reader, apply->snapshot, apply->choices, apply->report,
                               error))
        {
          if ((apply->flags & JP_IMPORT_DRY_RUN) && apply->report->conflicts->len > 0)
            review_despite_conflicts (apply);
          return FALSE;
        }
    }
  if (apply->flags & JP_IMPORT_DRY_RUN)
    review_differences (apply);
  _jp_xml_leave_out (apply->reader, apply->snapshot, apply->choices);
  if (file_fps)
    _jp_xml_leave_out_fingerprints (file_fps, apply->snapshot, apply->choices);
  records = apply->reader->records;
  top = &g_array_index (records, Record, 0);
  top->position = root_position;

  if (!apply_changes (apply, scope_parent, error))
    return FALSE;

  if (outside)
    {
      gboolean written_outside = FALSE;

      outside_after = _jp_connection_outside_counts (apply->connection, root_id, error);
      if (outside_after == NULL ||
          !_jp_connection_watch_end (apply->connection, root_id, &written_outside, error))
        return FALSE;
      if (written_outside || strcmp (outside, outside_after) != 0)
        {
          g_debug ("Outside the scope before: %s; after: %s", outside, outside_after);
          return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_OUTSIDE_SCOPE, 0,
                                  _("importing %s would have changed the plan outside it; nothing was imported."),
                                  apply->report->scope_label);
        }
    }

  if (apply->reader->scope == JP_SCOPE_PLAN && !(apply->flags & JP_IMPORT_FORCE))
    {
      guint removed = jp_import_report_removed_total (apply->report);

      if ((guint64) removed * 2 > (guint64) apply->report->n_items)
        return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_MASS_REMOVAL, 0,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "importing this plan would remove %u of the %u items of the plan; "
                                             "nothing was imported. To replace the plan with it anyway, import "
                                             "it with --force.",
                                             "importing this plan would remove %u of the %u items of the plan; "
                                             "nothing was imported. To replace the plan with it anyway, import "
                                             "it with --force.", removed),
                                removed, apply->report->n_items);
    }

  if (file_fps && !_jp_exchange_store_import (apply->connection, apply->reader, top->uid, file_fps, error))
    return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------- entry points */

/* Refusals that come with a report the caller shows (the conflicts,
 * or the counts of what would be removed). */
static gboolean
error_has_report (const GError *error)
{
  return error && error->domain == JP_XML_ERROR &&
         (error->code == JP_XML_ERROR_EDIT_CONFLICT || error->code == JP_XML_ERROR_MASS_REMOVAL);
}

gboolean
_jp_xml_apply (JpConnection     *connection,
               JpXmlReader      *reader,
               JpImportFlags     flags,
               GHashTable       *choices,
               gboolean          log_undo,
               GCancellable     *cancellable,
               JpImportReport  **report_out,
               GError          **error)
{
  g_autoptr(JpImportReport) report = jp_import_report_new ();
  gboolean dry_run = (flags & JP_IMPORT_DRY_RUN) != 0;
  GError *local_error = NULL;
  Apply apply = { 0, };
  gboolean ok = FALSE;

  apply.connection = connection;
  apply.reader = reader;
  apply.report = report;
  apply.flags = flags;
  apply.choices = choices;

  if (reader->scope != JP_SCOPE_PLAN && !_jp_connection_watch_setup (connection, error))
    goto out;
  /* The changes are the file author's, from the file. */
  _jp_connection_set_origin (connection, reader->author, reader->name);
  if (!_jp_connection_begin_step (connection, log_undo && !dry_run, error))
    goto out;
  if (log_undo && !dry_run)
    {
      JpChange change = { JP_CHANGE_IMPORT, 0, 0, reader->scope, (char *) reader->name };

      if (!_jp_connection_note_step (connection, &change, error))
        {
          _jp_connection_rollback (connection);
          goto out;
        }
    }
  /* Statements are done with before the transaction ends. */
  if (!apply_records (&apply, &local_error))
    {
      _jp_connection_release_statements (connection);
      _jp_connection_rollback (connection);
      if (error_has_report (local_error) && report_out)
        *report_out = g_steal_pointer (&report);
      g_propagate_error (error, local_error);
      goto out;
    }
  _jp_connection_release_statements (connection);
  if (dry_run)
    _jp_connection_rollback (connection);
  else if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      _jp_connection_rollback (connection);
      goto out;
    }
  else if (!_jp_connection_commit_step (connection, error))
    goto out;
  ok = TRUE;
  if (log_undo && !dry_run)
    _jp_connection_note_import (connection, reader->name, reader->scope == JP_SCOPE_PLAN ? NULL : report->scope_uid);
  if (report_out)
    *report_out = g_steal_pointer (&report);

out:
  _jp_connection_set_origin (connection, NULL, NULL);
  g_clear_pointer (&apply.snapshot, _jp_snapshot_free);
  return ok;
}

static gboolean
import_on_connection (JpConnection     *connection,
                      JpXmlFile        *file,
                      const char       *name,
                      JpImportFlags     flags,
                      GHashTable       *choices,
                      gboolean          log_undo,
                      GCancellable     *cancellable,
                      JpImportReport  **report_out,
                      GError          **error)
{
  Reader reader;
  gboolean ok;

  _jp_xml_reader_init (&reader, name);
  ok = _jp_xml_read (&reader, file, error) &&
       _jp_xml_apply (connection, &reader, flags, choices, log_undo, cancellable, report_out, error);
  _jp_xml_reader_clear (&reader);
  return ok;
}

static gboolean
import_file (JpDatabase      *db,
             JpXmlFile       *file,
             const char      *name,
             JpImportFlags    flags,
             GHashTable      *choices,
             JpImportReport **report,
             GError         **error)
{
  g_autofree char *valid_name = g_utf8_make_valid (name ? name : "?", -1);

  if (!import_on_connection (_jp_database_get_connection (db), file, valid_name,
                             flags, choices,
                             TRUE, NULL, report, error))
    return FALSE;
  if (!(flags & JP_IMPORT_DRY_RUN))
    jp_database_reload (db);
  return TRUE;
}

gboolean
jp_xml_import_bytes_full (JpDatabase      *db,
                          GBytes          *bytes,
                          const char      *name,
                          JpImportFlags    flags,
                          GHashTable      *choices,
                          JpImportReport **report,
                          GError         **error)
{
  g_autoptr(JpXmlFile) file = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  file = _jp_xml_file_new_for_bytes (bytes);
  return import_file (db, file, name, flags, choices, report, error);
}

gboolean
jp_xml_import_bytes (JpDatabase      *db,
                     GBytes          *bytes,
                     const char      *name,
                     JpImportFlags    flags,
                     JpImportReport **report,
                     GError         **error)
{
  return jp_xml_import_bytes_full (db, bytes, name, flags, NULL, report, error);
}

gboolean
jp_xml_import_bundled (JpDatabase  *db,
                       GError     **error)
{
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(JpXmlFile) file = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (jp_database_is_new (db), FALSE);

  bundled = g_resources_lookup_data (RESOURCE_PATH "jaarplan-2013.xml", 0, NULL);
  if (bundled == NULL)
    {
      g_warning ("The bundled plan is missing from the resources");
      return TRUE;
    }
  file = _jp_xml_file_new_for_bytes (bundled);
  if (!import_on_connection (_jp_database_get_connection (db), file, "jaarplan-2013.xml",
                             JP_IMPORT_FORCE, NULL, FALSE, NULL, NULL, error))
    return FALSE;
  jp_database_reload (db);
  return TRUE;
}

gboolean
jp_xml_import_full (JpDatabase      *db,
                    GFile           *file,
                    JpImportFlags    flags,
                    GHashTable      *choices,
                    JpImportReport **report,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_autoptr(JpXmlFile) xml = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Read as it is parsed: the file is not held whole. */
  xml = _jp_xml_file_open (file, cancellable, &name, error);
  if (xml == NULL)
    return FALSE;
  return import_file (db, xml, name, flags, choices, report, error);
}

gboolean
jp_xml_import (JpDatabase      *db,
               GFile           *file,
               JpImportFlags    flags,
               JpImportReport **report,
               GCancellable    *cancellable,
               GError         **error)
{
  return jp_xml_import_full (db, file, flags, NULL, report, cancellable, error);
}

typedef struct {
  GFile          *file;
  JpImportFlags   flags;
  GHashTable     *choices;
  JpImportReport *refused;   /* the report of a refusal that has one */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->choices, g_hash_table_unref);
  g_clear_pointer (&job->refused, jp_import_report_free);
  g_free (job);
}

static void
import_worker (GTask        *task,
               JpConnection *connection,
               gpointer      data,
               GCancellable *cancellable)
{
  ImportJob *job = data;
  g_autoptr(JpXmlFile) file = NULL;
  g_autofree char *name = NULL;
  JpImportReport *report = NULL;
  GError *error = NULL;

  /* Cancelled once committed, the import is reported as done: it was. */
  g_task_set_check_cancellable (task, FALSE);
  file = _jp_xml_file_open (job->file, cancellable, &name, &error);
  if (file == NULL)
    g_task_return_error (task, error);
  else if (import_on_connection (connection, file, name, job->flags, job->choices, TRUE, cancellable,
                                 &report, &error))
    g_task_return_pointer (task, report, (GDestroyNotify) jp_import_report_free);
  else
    {
      job->refused = report;
      g_task_return_error (task, error);
    }
}

void
jp_xml_import_full_async (JpDatabase          *db,
                          GFile               *file,
                          JpImportFlags        flags,
                          GHashTable          *choices,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  ImportJob *job;

  g_return_if_fail (JP_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->flags = flags;
  job->choices = choices_copy (choices);
  _jp_database_run_in_worker (db, jp_xml_import_async, job, import_job_free, import_worker,
                              cancellable, callback, user_data);
}

void
jp_xml_import_async (JpDatabase          *db,
                     GFile               *file,
                     JpImportFlags        flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  jp_xml_import_full_async (db, file, flags, NULL, cancellable, callback, user_data);
}

gboolean
jp_xml_import_finish (JpDatabase       *db,
                      GAsyncResult     *result,
                      JpImportReport  **report,
                      GError          **error)
{
  ImportJob *job;
  JpImportReport *r;

  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);

  job = _jp_database_worker_get_job (G_TASK (result));
  r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    {
      if (report && job->refused)
        *report = g_steal_pointer (&job->refused);
      return FALSE;
    }
  /* The worker may have written through a connection of its own:
   * re-read what this one shows. */
  if (!(job->flags & JP_IMPORT_DRY_RUN))
    jp_database_reload (db);
  if (report)
    *report = r;
  else
    jp_import_report_free (r);
  return TRUE;
}
