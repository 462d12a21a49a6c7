/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "cli/jp-cli-history.h"
#include "model/exchange/jp-xml.h"
#include "model/jp-file.h"
#include "model/store/jp-database.h"
#include "model/store/jp-history.h"
#include "jp-i18n.h"

void
jp_cli_history_read (JpCliHistory *self,
                     GVariantDict *options)
{
  g_variant_dict_lookup (options, "save-version", "s", &self->save_version);
  g_variant_dict_lookup (options, "list-versions", "b", &self->list_versions);
  g_variant_dict_lookup (options, "export-version", "s", &self->export_version);
  g_variant_dict_lookup (options, "history", "s", &self->history);
}

void
jp_cli_history_clear (JpCliHistory *self)
{
  g_clear_pointer (&self->save_version, g_free);
  g_clear_pointer (&self->export_version, g_free);
  g_clear_pointer (&self->history, g_free);
}

gboolean
jp_cli_history_wanted (JpCliHistory *self)
{
  return self->save_version || self->list_versions || self->export_version || self->history;
}

static int
fail (const GError *error)
{
  g_printerr ("jaarplan: %s\n", error->message);
  return 1;
}

static char *
format_local (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
version_kind (JpVersionKind kind)
{
  switch (kind)
    {
    case JP_VERSION_EXPORT:
      /* Translators: a version noted at an export, in --list-versions. */
      return _("export");
    case JP_VERSION_IMPORT:
      /* Translators: a version noted at an import, in --list-versions. */
      return _("import");
    default:
      /* Translators: a version a person saved, in --list-versions. */
      return _("saved");
    }
}

static int
list_versions (JpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = jp_database_list_versions (db, &error);

  if (versions == NULL)
    return fail (error);
  for (guint i = 0; i < versions->len; i++)
    {
      JpVersion *version = versions->pdata[i];
      g_autofree char *time = format_local (version->time);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", version->id, time, version->who,
               version_kind (version->kind), version->name);
    }
  return 0;
}

static int
export_version (JpDatabase *db,
                const char *id_text,
                const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpVersion) version = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 id = 0;

  if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr ("jaarplan: ");
      g_printerr (_("There is no version %s."), id_text);
      g_printerr ("\n");
      return 1;
    }
  version = jp_database_get_version (db, id, &error);
  if (version == NULL)
    return fail (error);
  if (version->year != jp_database_get_year (db) && !jp_database_set_year (db, version->year, &error))
    return fail (error);
  bytes = jp_xml_export_plan_at (db, version->seq, &error);
  if (bytes == NULL)
    return fail (error);
  file = g_file_new_for_commandline_arg (target);
  if (!jp_file_write_atomically (file, bytes, NULL, &error))
    {
      g_printerr ("jaarplan: ");
      g_printerr (_("“%s” could not be written: %s"), target, error->message);
      g_printerr ("\n");
      return 1;
    }
  g_print (_("Exported the version “%s” to %s\n"), version->name, target);
  return 0;
}

/* What a change changed, in words: the text, value or place. */
static char *
describe_what (const JpHistoryEntry *entry)
{
  switch (entry->kind)
    {
    case JP_CHANGE_TEXT:
      return g_strdup_printf ("%s (%s)", jp_text_field_to_string (entry->detail / JP_N_LANGS),
                              jp_lang_to_string (entry->detail % JP_N_LANGS));
    case JP_CHANGE_FIELD:
      return g_strdup (jp_field_to_string (entry->detail));
    case JP_CHANGE_PHASE:
      return g_strdup (_("phase"));
    case JP_CHANGE_STATUS:
      return g_strdup (_("status"));
    case JP_CHANGE_ADD:
      return g_strdup (_("added"));
    case JP_CHANGE_REMOVE:
      return g_strdup (_("removed"));
    case JP_CHANGE_MOVE:
      return g_strdup (_("moved"));
    case JP_CHANGE_LINK:
      return g_strdup (_("policy area"));
    default:
      return g_strdup ("?");
    }
}

static int
print_history (JpDatabase *db,
               const char *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);
  g_autoptr(GPtrArray) history = NULL;

  if (item == NULL)
    {
      g_printerr ("jaarplan: ");
      g_printerr (_("The plan has no item “%s”."), uid);
      g_printerr ("\n");
      return 1;
    }
  history = jp_database_get_item_history (db, jp_item_get_id (item), &error);
  if (history == NULL)
    return fail (error);
  for (guint i = 0; i < history->len; i++)
    {
      JpHistoryEntry *entry = history->pdata[i];
      g_autofree char *time = format_local (entry->time);
      g_autofree char *what = describe_what (entry);
      gboolean values = entry->kind != JP_CHANGE_ADD && entry->kind != JP_CHANGE_REMOVE &&
                        entry->kind != JP_CHANGE_MOVE;

      g_print ("%s\t%s\t%s", time, entry->who, what);
      if (values)
        g_print (": %s → %s", entry->old_value ? entry->old_value : "—", entry->new_value ? entry->new_value : "—");
      if (entry->source)
        g_print ("\t%s", entry->source);
      if (entry->undone)
        /* Translators: after a change in --history whose step was undone. */
        g_print ("\t%s", _("(undone)"));
      g_print ("\n");
    }
  return 0;
}

int
jp_cli_history_run (JpCliHistory *self,
                    const char   *database,
                    int           year,
                    const char   *argument)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = NULL;
  g_autofree char *path = database ? g_strdup (database) : jp_database_default_path ();

  jp_i18n_apply_saved_language ();
  if ((self->export_version == NULL) != (argument == NULL))
    {
      g_printerr ("jaarplan: %s\n", argument ? _("Unexpected argument") :
                  _("--export-version takes a version’s number and a file: --export-version ID FILE.xml"));
      return 2;
    }
  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  if (db && jp_database_is_new (db) && !jp_xml_import_bundled (db, &error))
    g_clear_object (&db);
  if (db == NULL)
    return fail (error);
  jp_database_set_language (db, jp_i18n_get_plan_language ());
  if (year && !jp_database_set_year (db, (guint) year, &error))
    return fail (error);

  if (self->save_version)
    {
      g_autoptr(JpVersion) version = jp_database_save_version (db, self->save_version, &error);
      g_autofree char *number = NULL;

      if (version == NULL)
        return fail (error);
      number = g_strdup_printf ("%" G_GINT64_FORMAT, version->id);
      /* Translators: the version's name, then its number. */
      g_print (_("Saved the version “%s” (%s)\n"), version->name, number);
    }
  if (self->list_versions && list_versions (db) != 0)
    return 1;
  if (self->export_version && export_version (db, self->export_version, argument) != 0)
    return 1;
  if (self->history && print_history (db, self->history) != 0)
    return 1;
  return 0;
}
