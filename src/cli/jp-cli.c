/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "cli/jp-cli.h"
#include "cli/jp-cli-history.h"
#include "cli/jp-cli-changes.h"
#include "cli/jp-cli-import.h"
#include "model/print/jp-contacts-pdf.h"
#include "model/print/jp-publication-changes.h"
#include "model/print/jp-publication-odt.h"
#include "model/print/jp-publication-pdf.h"
#include "model/print/jp-report-csv.h"
#include "model/jp-version-name.h"
#include "model/jp-year-compare.h"
#include "model/store/jp-database.h"
#include "model/exchange/jp-xml.h"
#include "jp-i18n.h"

typedef struct {
  char     *database;
  char     *import;
  char     *export;
  char     *chapter;
  char     *section;
  gboolean  contacts;
  char     *contacts_pdf;
  char     *pdf;
  char     *odt;
  char     *report;
  char     *language;
  char     *parts;
  gboolean  with_status;
  int       year;
  int       new_plan;
  int       compare_year;
  char     *changes_pdf;
  int       close_year;
  int       reopen_year;
  char     *changes_since;
  gboolean  dry_run;
  gboolean  force;
  char     *only;
  char     *except;
  gboolean  version;
  JpCliHistory history;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->database);
  g_free (o->import);
  g_free (o->export);
  g_free (o->chapter);
  g_free (o->section);
  g_free (o->contacts_pdf);
  g_free (o->pdf);
  g_free (o->odt);
  g_free (o->report);
  g_free (o->language);
  g_free (o->parts);
  g_free (o->only);
  g_free (o->except);
  g_free (o->changes_pdf);
  jp_cli_history_clear (&o->history);
  g_free (o->changes_since);
}

static int
fail (const GError *error)
{
  g_printerr ("jaarplan: %s\n", error->message);
  return 1;
}

static JpItem *
export_scope (JpDatabase  *db,
              Options     *o,
              GError     **error)
{
  if (o->chapter)
    {
      JpItem *item = jp_store_find_numbered (JP_STORE (db), JP_KIND_CHAPTER, o->chapter);
      if (item == NULL)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("The plan has no chapter %s."), o->chapter);
      return item;
    }
  if (o->section)
    {
      JpItem *item = jp_store_find_numbered (JP_STORE (db), JP_KIND_SECTION, o->section);
      if (item == NULL)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("The plan has no section %s."), o->section);
      return item;
    }
  if (o->contacts)
    {
      g_autoptr(JpItem) root = jp_store_get_root (JP_STORE (db));
      return jp_store_find_child (JP_STORE (db), root, JP_KIND_CONTACTS);
    }
  return jp_store_get_root (JP_STORE (db));
}

static gboolean
is_stdout (const char *target)
{
  return g_strcmp0 (target, "-") == 0;
}

/* What the command did goes to standard output, unless the plan or the
 * PDF goes there. */
static void G_GNUC_PRINTF (2, 3)
say (Options    *o,
     const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (is_stdout (o->export) || is_stdout (o->contacts_pdf) || is_stdout (o->pdf) || is_stdout (o->odt) ||
      is_stdout (o->report))
    g_printerr ("%s", text);
  else
    g_print ("%s", text);
}

static gboolean
write_stdout (GBytes  *bytes,
              GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if ((size > 0 && fwrite (data, 1, size, stdout) != size) || fflush (stdout) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Standard output could not be written: %s."), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Only a plan file: an in-memory database or a URI would take the
 * changes somewhere they are lost or not looked for. */
static gboolean
check_database_path (const char  *path,
                     GError     **error)
{
  if (*path == '\0' || g_strcmp0 (path, ":memory:") == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--database needs the path of a plan file: an in-memory database would be thrown "
                     "away when the command ends."));
      return FALSE;
    }
  if (g_str_has_prefix (path, "file:"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--database needs the path of a plan file, not a URI (“%s”). For a file whose name "
                     "starts with “file:”, write “./%s”."), path, path);
      return FALSE;
    }
  return TRUE;
}

/* What --export-pdf and --export-odt publish. */
static JpPublicationOptions
publication_options (Options *o)
{
  JpPublicationOptions options = { 0, jp_i18n_get_plan_language (), o->with_status, o->chapter, o->section };

  /* Checked before the database was opened. */
  if (o->language)
    jp_lang_from_string (o->language, &options.lang);
  if (o->parts)
    jp_publication_parts_from_string (o->parts, &options.parts);
  return options;
}

/* --export-pdf: the published plan, a chapter or a section. */
static gboolean
export_publication (JpDatabase  *db,
                    Options     *o,
                    GError     **error)
{
  JpPublicationOptions options = publication_options (o);
  JpLang shown = jp_database_get_language (db);
  g_autoptr(GBytes) pdf = NULL;
  guint n_pages = 0;
  gboolean ok;

  /* The contacts page prints its teams in the database's language. */
  jp_database_set_language (db, options.lang);
  if (is_stdout (o->pdf))
    {
      pdf = jp_publication_pdf_render (db, &options, &n_pages, error);
      ok = pdf != NULL && write_stdout (pdf, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->pdf);

      ok = jp_publication_pdf_export (db, &options, file, &n_pages, error);
    }
  jp_database_set_language (db, shown);
  if (!ok)
    return FALSE;
  if (is_stdout (o->pdf))
    say (o, g_dngettext (GETTEXT_PACKAGE, "Wrote the plan to standard output (%u page)\n",
                         "Wrote the plan to standard output (%u pages)\n", n_pages), n_pages);
  else
    say (o, g_dngettext (GETTEXT_PACKAGE, "Wrote the plan to %s (%u page)\n",
                         "Wrote the plan to %s (%u pages)\n", n_pages), o->pdf, n_pages);
  return TRUE;
}

/* --export-odt: the same, as an OpenDocument text. */
static gboolean
export_odt (JpDatabase  *db,
            Options     *o,
            GError     **error)
{
  JpPublicationOptions options = publication_options (o);

  if (is_stdout (o->odt))
    {
      g_autoptr(GBytes) odt = jp_publication_odt_render (JP_STORE (db), &options, error);

      if (odt == NULL || !write_stdout (odt, error))
        return FALSE;
      say (o, _("Wrote the plan to standard output\n"));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->odt);

      if (!jp_publication_odt_export (JP_STORE (db), &options, file, error))
        return FALSE;
      say (o, _("Wrote the plan to %s\n"), o->odt);
    }
  return TRUE;
}

/* --new-plan YEAR: the plan of YEAR from the latest one. */
static gboolean
make_new_plan (JpDatabase  *db,
               Options     *o,
               GError     **error)
{
  JpNewPlanSummary summary;
  g_autofree char *text = NULL;

  /* The rules applied are said before anything is made. */
  if (!jp_database_plan_new_year (db, (guint) o->new_plan, &summary, error))
    return FALSE;
  text = jp_new_plan_summary_describe (&summary);
  if (o->dry_run)
    {
      /* Translators: a trial run; %s is what it would do. */
      say (o, _("The plan for %u would be made from %u: %s (nothing was changed)\n"),
           summary.year, summary.from_year, text);
      return TRUE;
    }
  say (o, _("Making the plan for %u from %u: %s\n"), summary.year, summary.from_year, text);
  if (!jp_database_new_plan (db, (guint) o->new_plan, &summary, error))
    return FALSE;
  /* What follows works on the latest year, the new one, unless told. */
  return o->year != 0 || jp_database_set_year (db, summary.year, error);
}

/* The language of a printed list of changes: --language, else the plan's. */
static JpLang
changes_language (Options *o)
{
  JpLang lang = jp_i18n_get_plan_language ();

  if (o->language)
    jp_lang_from_string (o->language, &lang);
  return lang;
}

/* --export-changes: the list of @differences as a PDF titled @title. */
static gboolean
export_changes (Options        *o,
                JpDifferences  *differences,
                const char     *title,
                JpLang          lang,
                GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->changes_pdf);
  guint n_pages = 0;

  if (!jp_publication_changes_export (differences, title, NULL, lang, file, &n_pages, error))
    return FALSE;
  say (o, g_dngettext (GETTEXT_PACKAGE, "Wrote the changes to %s (%u page)\n",
                       "Wrote the changes to %s (%u pages)\n", n_pages), o->changes_pdf, n_pages);
  return TRUE;
}

/* --compare-year: one line per difference between two years' plans. */
static gboolean
compare_years (JpDatabase  *db,
               Options     *o,
               GError     **error)
{
  g_autoptr(JpYearComparison) comparison = NULL;

  comparison = jp_year_compare (db, jp_database_get_year (db), (guint) o->compare_year, error);
  if (comparison == NULL)
    return FALSE;
  for (guint i = 0; i < comparison->changes->len; i++)
    {
      g_autofree char *line = jp_year_change_to_line (g_ptr_array_index (comparison->changes, i));

      g_print ("%s\n", line);
    }
  say (o, g_dngettext (GETTEXT_PACKAGE, "%u difference from %u to %u\n", "%u differences from %u to %u\n",
                       comparison->changes->len),
       comparison->changes->len, comparison->from, comparison->to);
  if (o->changes_pdf)
    {
      JpLang lang = changes_language (o);
      g_autofree char *title = g_strdup_printf (jp_i18n_translate (lang, NULL, "Changes from %u to %u"),
                                                comparison->from, comparison->to);

      return export_changes (o, comparison->differences, title, lang, error);
    }
  return TRUE;
}

/* --changes-since: one line per difference from a version or a day
 * until now. */
static gboolean
print_changes_since (JpDatabase  *db,
                     Options     *o,
                     GError     **error)
{
  g_autoptr(JpVersion) version = NULL;
  g_autoptr(JpDifferences) differences = jp_cli_changes_since (db, o->changes_since, &version, error);
  g_autofree char *since = NULL;
  guint n_lines = 0;

  if (differences == NULL)
    return FALSE;
  /* A version by its name, a day as given. */
  since = version ? jp_version_name (db, version, JP_N_LANGS) : g_strdup (o->changes_since);
  for (guint i = 0; i < differences->differences->len; i++)
    {
      g_autoptr(GPtrArray) lines = jp_difference_to_lines (g_ptr_array_index (differences->differences, i));

      for (guint j = 0; j < lines->len; j++)
        g_print ("%s\n", (char *) g_ptr_array_index (lines, j));
      n_lines += lines->len;
    }
  say (o, g_dngettext (GETTEXT_PACKAGE, "%u change since %s\n", "%u changes since %s\n", n_lines),
       n_lines, since);
  if (o->changes_pdf)
    {
      JpLang lang = changes_language (o);
      g_autofree char *in_lang = version ? jp_version_name (db, version, lang) : g_strdup (o->changes_since);
      g_autofree char *title = g_strdup_printf (jp_i18n_translate (lang, NULL, "Changes since %s"), in_lang);

      return export_changes (o, differences, title, lang, error);
    }
  return TRUE;
}

/* What --export-report writes, by the file's name: "pdf" or "csv"; NULL
 * for any other.  Standard output takes the CSV. */
static const char *
report_format (const char *target)
{
  g_autofree char *lower = NULL;

  if (is_stdout (target))
    return "csv";
  lower = g_utf8_strdown (target, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    return "pdf";
  if (g_str_has_suffix (lower, ".csv"))
    return "csv";
  return NULL;
}

/* --export-report: the annual report of the open year, as CSV or PDF. */
/* --close-year and --reopen-year: a closed year is read only. */
static gboolean
set_year_closed (JpDatabase  *db,
                 Options     *o,
                 guint        year,
                 gboolean     closed,
                 GError     **error)
{
  if (!jp_database_set_year_closed (db, year, closed, error))
    return FALSE;
  if (closed)
    say (o, _("Closed the annual plan %u: it can be read and exported, not changed\n"), year);
  else
    say (o, _("Reopened the annual plan %u\n"), year);
  return TRUE;
}

/* --export-report: the annual report as CSV. */
static gboolean
export_report (JpDatabase  *db,
               Options     *o,
               GError     **error)
{
  JpPublicationOptions options = publication_options (o);

  if (g_str_equal (report_format (o->report), "pdf"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->report);
      guint n_pages = 0;

      options.report = TRUE;
      if (!jp_publication_pdf_export (db, &options, file, &n_pages, error))
        return FALSE;
      say (o, g_dngettext (GETTEXT_PACKAGE, "Wrote the annual report to %s (%u page)\n",
                           "Wrote the annual report to %s (%u pages)\n", n_pages), o->report, n_pages);
      return TRUE;
    }
  if (is_stdout (o->report))
    {
      g_autoptr(GBytes) csv = jp_report_csv_render (JP_STORE (db), options.lang, error);

      if (csv == NULL || !write_stdout (csv, error))
        return FALSE;
      say (o, _("Wrote the annual report to standard output\n"));
      return TRUE;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->report);

      if (!jp_report_csv_export (JP_STORE (db), options.lang, file, error))
        return FALSE;
      say (o, _("Wrote the annual report to %s\n"), o->report);
      return TRUE;
    }
}

static int
run_actions (Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = NULL;
  g_autofree char *path = o->database ? g_strdup (o->database) : jp_database_default_path ();
  JpDatabaseOpenFlags flags = JP_DATABASE_OPEN_DEFAULT;

  /* Messages, the contacts PDF and the plan's texts follow the language
   * chosen in the window. */
  jp_i18n_apply_saved_language ();
  /* A trial run works on a copy in memory: the file is neither created,
   * nor upgraded, nor changed. */
  if (o->dry_run)
    flags |= JP_DATABASE_OPEN_COPY;
  db = jp_database_open (path, flags, &error);
  /* A new plan holds the bundled one, as a first start shows it. */
  if (db && jp_database_is_new (db) && !jp_xml_import_bundled (db, &error))
    g_clear_object (&db);
  if (db == NULL)
    return fail (error);
  jp_database_set_language (db, jp_i18n_get_plan_language ());

  if (o->year && !jp_database_set_year (db, (guint) o->year, &error))
    return fail (error);
  if (o->new_plan && !make_new_plan (db, o, &error))
    return fail (error);
  if (o->reopen_year && !set_year_closed (db, o, (guint) o->reopen_year, FALSE, &error))
    return fail (error);

  if (o->import)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->import);
      g_autoptr(JpImportReport) report = NULL;
      g_autoptr(GHashTable) choices = NULL;
      g_autofree char *summary = NULL;

      JpImportFlags flags = (o->dry_run ? JP_IMPORT_DRY_RUN : 0) | (o->force ? JP_IMPORT_FORCE : 0);

      if ((o->only || o->except) && (choices = jp_cli_import_choose (db, file, o->only, o->except, o->force, &error)) == NULL)
        return error ? fail (error) : 2;
      if (!jp_xml_import_full (db, file, flags, choices, &report, NULL, &error))
        {
          g_autofree char *conflicts = report ? jp_import_report_describe_conflicts (report) : NULL;

          if (conflicts)
            g_printerr ("%s", conflicts);
          /* A dry run still lists what else the file changes. */
          if (report && o->dry_run)
            jp_cli_import_print (report, choices);
          return fail (error);
        }
      if (report->unchecked)
        g_print ("%s\n", report->unchecked);
      if (report->kept > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, "Kept %u change made in this database since the file was sent.\n",
                              "Kept %u changes made in this database since the file was sent.\n", report->kept),
                 report->kept);
      summary = jp_import_report_describe (report);
      if (o->dry_run)
        /* Translators: a trial import; %s is what it would do. */
        {
          say (o, _("Importing %s would change the plan: %s (nothing was changed)\n"), o->import, summary);
          jp_cli_import_print (report, choices);
        }
      else
        say (o, _("Imported %s: %s\n"), o->import, summary);
    }

  if (o->export)
    {
      g_autoptr(JpItem) scope = export_scope (db, o, &error);

      if (scope == NULL)
        return fail (error);
      if (is_stdout (o->export))
        {
          g_autoptr(GBytes) bytes = jp_xml_export_bytes (db, scope, &error);

          if (bytes == NULL || !write_stdout (bytes, &error))
            return fail (error);
          say (o, _("Exported %s to standard output\n"), jp_item_get_label (scope));
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->export);

          if (!jp_xml_export (db, scope, file, NULL, &error))
            return fail (error);
          say (o, _("Exported %s to %s\n"), jp_item_get_label (scope), o->export);
        }
    }

  if (o->contacts_pdf)
    {
      guint n_pages = 0;

      if (is_stdout (o->contacts_pdf))
        {
          g_autoptr(GBytes) pdf = jp_contacts_pdf_render (db, JP_CONTACTS_LAYOUT_DEFAULT, &n_pages, &error);

          if (pdf == NULL)
            {
              g_prefix_error (&error, _("Could not make the PDF: "));
              return fail (error);
            }
          if (!write_stdout (pdf, &error))
            return fail (error);
          say (o, g_dngettext (GETTEXT_PACKAGE, "Wrote the contacts to standard output (%u page)\n",
                               "Wrote the contacts to standard output (%u pages)\n", n_pages),
               n_pages);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->contacts_pdf);

          if (!jp_contacts_pdf_export (db, file, &n_pages, &error))
            return fail (error);
          say (o, g_dngettext (GETTEXT_PACKAGE, "Wrote the contacts to %s (%u page)\n",
                               "Wrote the contacts to %s (%u pages)\n", n_pages),
               o->contacts_pdf, n_pages);
        }
    }
  if (o->pdf && !export_publication (db, o, &error))
    return fail (error);
  if (o->odt && !export_odt (db, o, &error))
    return fail (error);
  if (o->report && !export_report (db, o, &error))
    return fail (error);
  if (o->compare_year && !compare_years (db, o, &error))
    return fail (error);
  if (o->changes_since && !print_changes_since (db, o, &error))
    return fail (error);
  /* Last, so that what came before may still change the year. */
  if (o->close_year && !set_year_closed (db, o, (guint) o->close_year, TRUE, &error))
    return fail (error);
  return 0;
}

static GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the plan database at PATH (default: the user’s own)"), N_("PATH") },
  { "import", 'i', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a plan, chapter, section or contacts file"), N_("FILE") },
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: report what would change, change nothing"), NULL },
  { "year", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Work on the plan of YEAR (default: the latest)"), N_("YEAR") },
  { "new-plan", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Make the plan of YEAR from the latest one (with --dry-run: only say what it carries over)"), N_("YEAR") },
  { "compare-year", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("List what changed from the plan of YEAR to the open one (--year; default: the latest), or back"), N_("YEAR") },
  { "export-changes", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --compare-year or --changes-since: also write the list of changes to FILE as PDF, with --language"),
    N_("FILE") },
  { "changes-since", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("List what changed in the open plan since VERSION (a number, see --list-versions) or DAY (YYYY-MM-DD)"),
    N_("VERSION|DAY") },
  { "close-year", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Close the plan of YEAR: it can still be read and exported, no longer changed"), N_("YEAR") },
  { "reopen-year", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Reopen the closed plan of YEAR for changes"), N_("YEAR") },
  { "force", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: replace the plan even if that removes more than half of it"), NULL },
  { "only", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import: import only the differences of these items (ids as --dry-run lists them)"), N_("ID,ID…") },
  { "except", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import: import all differences but those of these items"), N_("ID,ID…") },
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the plan (or the scope below) to FILE; - is standard output"), N_("FILE") },
  { "chapter", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --export-pdf: only chapter N"), N_("N") },
  { "section", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --export-pdf: only section N.N"), N_("N.N") },
  { "contacts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: only the contacts"), NULL },
  { "export-contacts-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the contacts page as PDF to FILE; - is standard output"), N_("FILE") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan (or the chapter or section above) as PDF to FILE; - is standard output"), N_("FILE") },
  { "export-odt", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan as OpenDocument text to FILE, with the options of --export-pdf; - is standard output"), N_("FILE") },
  { "export-report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the annual report to FILE, as PDF or CSV by its name, with --language; - is CSV on standard output"), N_("FILE") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the language of the document, nl or fr (default: the interface’s)"), N_("LANG") },
  { "parts", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the parts of the plan, among plan, programme and contacts (default: all)"), N_("PARTS") },
  { "with-status", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: print each project’s status"), NULL },
  /* The history (jp-cli-history.c). */
  { "save-version", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Name the point the plan is at now as a version"), N_("NAME") },
  { "list-versions", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the versions of the plan: number, date, who, kind and name"), NULL },
  { "export-version", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export the plan as it was at version ID to the FILE that follows"), N_("ID") },
  { "history", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("List the changes made to the item ID, newest first"), N_("ID") },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version"), NULL },
  /* Arguments that are no option: refused below. */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

const GOptionEntry *
jp_cli_get_option_entries (void)
{
  static gboolean translated;

  /* GApplication's option group has no translation domain: the texts
   * are translated here, once, in the language the program started in. */
  if (!translated)
    {
      for (GOptionEntry *e = option_entries; e->long_name != NULL; e++)
        {
          if (e->description)
            e->description = _(e->description);
          if (e->arg_description)
            e->arg_description = _(e->arg_description);
        }
      translated = TRUE;
    }
  return option_entries;
}

const char *
jp_cli_get_summary (void)
{
  return _("Jaarplan keeps the annual plan of the Benelux Secretariat-General. "
           "Without options it opens the window.");
}

static void
options_read (Options      *o,
              GVariantDict *options)
{
  g_variant_dict_lookup (options, "database", "^ay", &o->database);
  g_variant_dict_lookup (options, "import", "^ay", &o->import);
  g_variant_dict_lookup (options, "dry-run", "b", &o->dry_run);
  g_variant_dict_lookup (options, "year", "i", &o->year);
  g_variant_dict_lookup (options, "new-plan", "i", &o->new_plan);
  g_variant_dict_lookup (options, "compare-year", "i", &o->compare_year);
  g_variant_dict_lookup (options, "export-changes", "^ay", &o->changes_pdf);
  g_variant_dict_lookup (options, "close-year", "i", &o->close_year);
  g_variant_dict_lookup (options, "changes-since", "s", &o->changes_since);
  g_variant_dict_lookup (options, "reopen-year", "i", &o->reopen_year);
  g_variant_dict_lookup (options, "force", "b", &o->force);
  g_variant_dict_lookup (options, "only", "s", &o->only);
  g_variant_dict_lookup (options, "except", "s", &o->except);
  g_variant_dict_lookup (options, "export", "^ay", &o->export);
  g_variant_dict_lookup (options, "chapter", "s", &o->chapter);
  g_variant_dict_lookup (options, "section", "s", &o->section);
  g_variant_dict_lookup (options, "contacts", "b", &o->contacts);
  g_variant_dict_lookup (options, "export-contacts-pdf", "^ay", &o->contacts_pdf);
  g_variant_dict_lookup (options, "export-pdf", "^ay", &o->pdf);
  g_variant_dict_lookup (options, "export-odt", "^ay", &o->odt);
  g_variant_dict_lookup (options, "export-report", "^ay", &o->report);
  g_variant_dict_lookup (options, "language", "s", &o->language);
  g_variant_dict_lookup (options, "parts", "s", &o->parts);
  g_variant_dict_lookup (options, "with-status", "b", &o->with_status);
  g_variant_dict_lookup (options, "version", "b", &o->version);
  jp_cli_history_read (&o->history, options);
}

/* The options of --export-pdf, before anything is opened. */
static gboolean
check_publication_options (Options *o)
{
  const char *message = NULL;
  g_autofree char *detail = NULL;
  JpPublicationParts parts;
  JpLang lang;

  if (o->pdf == NULL && o->odt == NULL && o->report == NULL && !o->language && !o->parts && !o->with_status)
    return TRUE;
  jp_i18n_apply_saved_language ();
  if (o->pdf == NULL && o->odt == NULL && (o->report == NULL || o->parts || o->with_status) &&
      !(o->changes_pdf && !o->parts && !o->with_status))
    message = _("--language, --parts and --with-status go with --export-pdf.");
  else if ((is_stdout (o->pdf) + is_stdout (o->odt) + is_stdout (o->export) + is_stdout (o->contacts_pdf) +
            is_stdout (o->report)) > 1)
    message = _("Only one export can write to standard output.");
  else if (o->report && report_format (o->report) == NULL)
    message = detail = g_strdup_printf (_("The annual report is written as PDF or CSV: “%s” ends in neither "
                                          ".pdf nor .csv."), o->report);
  else if (o->language && !jp_lang_from_string (o->language, &lang))
    message = detail = g_strdup_printf (_("Unknown language “%s”: the plan can be printed in nl or fr."), o->language);
  else if (o->parts && !jp_publication_parts_from_string (o->parts, &parts))
    message = detail = g_strdup_printf (_("Unknown part in “%s”: the parts are plan, programme and contacts."), o->parts);
  else if (o->parts && (o->chapter || o->section))
    message = _("--parts goes with the whole plan, not with --chapter or --section.");
  if (message == NULL)
    return TRUE;
  g_printerr ("jaarplan: %s\n", message);
  return FALSE;
}

static int
handle (Options     *o,
        const char  *unexpected,
        char       **database)
{
  g_autoptr(GError) error = NULL;
  int n_scopes;

  if (o->version)
    {
      g_print ("jaarplan %s\n", PACKAGE_VERSION);
      return 0;
    }

  n_scopes = (o->chapter != NULL) + (o->section != NULL) + (o->contacts != FALSE);
  if (n_scopes > 1 || (n_scopes == 1 && o->export == NULL && ((o->pdf == NULL && o->odt == NULL) || o->contacts)) ||
      (o->dry_run && o->import == NULL && !o->new_plan) || (o->force && o->import == NULL))
    {
      g_printerr ("jaarplan: %s\n",
                  _("--chapter and --section go with --export, --export-pdf or --export-odt, --contacts with --export, "
                    "one at a time; --dry-run goes with --import or --new-plan, --force with --import."));
      return 2;
    }
  if ((o->only || o->except) && (o->import == NULL || (o->only && o->except)))
    {
      g_printerr ("jaarplan: %s\n", _("--only and --except go with --import, one of them at a time."));
      return 2;
    }
  if (is_stdout (o->export) && is_stdout (o->contacts_pdf))
    {
      g_printerr ("jaarplan: %s\n", _("--export and --export-contacts-pdf cannot both write to standard output."));
      return 2;
    }
  if (!check_publication_options (o))
    return 2;
  if (o->year < 0 || o->new_plan < 0 || o->year > 9999 || o->new_plan > 9999 || (o->year && o->new_plan))
    {
      g_printerr ("jaarplan: %s\n", _("--year and --new-plan take a year, one of them at a time."));
      return 2;
    }
  if (o->compare_year < 0 || o->compare_year > 9999)
    {
      g_printerr ("jaarplan: %s\n", _("--compare-year takes a year."));
      return 2;
    }
  if (o->changes_pdf && !o->compare_year == !o->changes_since)
    {
      g_printerr ("jaarplan: %s\n", _("--export-changes goes with --compare-year or with --changes-since."));
      return 2;
    }
  if (o->close_year < 0 || o->reopen_year < 0 || o->close_year > 9999 || o->reopen_year > 9999 ||
      (o->close_year && o->reopen_year))
    {
      g_printerr ("jaarplan: %s\n", _("--close-year and --reopen-year take a year, one of them at a time."));
      return 2;
    }
  if (jp_cli_history_wanted (&o->history))
    return jp_cli_history_run (&o->history, o->database, o->year, unexpected);
  if (unexpected != NULL)
    {
      g_printerr ("jaarplan: %s “%s”\n", _("Unexpected argument"), unexpected);
      return 2;
    }

  if (o->database && !check_database_path (o->database, NULL))
    {
      jp_i18n_apply_saved_language ();
      check_database_path (o->database, &error);
      return fail (error);
    }

  if (o->import == NULL && o->export == NULL && o->contacts_pdf == NULL && o->pdf == NULL && o->odt == NULL &&
      !o->new_plan && o->report == NULL && !o->close_year && !o->reopen_year && !o->compare_year &&
      o->changes_since == NULL)
    {
      if (o->year)
        {
          g_printerr ("jaarplan: %s\n", _("--year goes with an import or an export; the window opens the latest year."));
          return 2;
        }
      *database = g_steal_pointer (&o->database);
      return -1;
    }
  return run_actions (o);
}

int
jp_cli_handle_options (GVariantDict  *options,
                       char         **database)
{
  Options o = { 0, };
  g_auto(GStrv) remaining = NULL;
  int status;

  g_return_val_if_fail (options != NULL, 1);
  g_return_val_if_fail (database != NULL && *database == NULL, 1);

  options_read (&o, options);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &remaining);
  status = handle (&o, remaining ? remaining[0] : NULL, database);
  options_clear (&o);
  return status;
}
