/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-model: times the model on a (large) plan.  Each command prints
 * "key=value" lines that build-aux/bench reads; times are in seconds,
 * latencies in milliseconds, memory in KiB.
 *
 *   bench-model create-empty DB      a new database holding no plan
 *   bench-model create-bundled DB    a new database holding the 2013 plan
 *   bench-model import  XML DB       import XML into a new, empty DB
 *   bench-model export  DB XML       export the whole plan of DB
 *   bench-model search  DB QUERIES   p50/p95 latency of the queries
 *   bench-model tree    DB           the sidebar's list models on the
 *                                    largest policy area
 *   bench-model memory  DB           peak RSS after opening DB and
 *                                    loading the tree's first levels
 */
#define G_LOG_DOMAIN "jp-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <glib/gstdio.h>

#include "model/store/jp-database.h"
#include "model/exchange/jp-xml.h"

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-model: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

/* Peak resident set size of this process, in KiB. */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmHWM:")) != NULL)
    return strtol (line + strlen ("VmHWM:"), NULL, 10);
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static JpDatabase *
open_db (const char          *path,
         JpDatabaseOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  JpDatabase *db = jp_database_open (path, flags, &error);

  if (db == NULL)
    die (path, error);
  return db;
}

static int
cmd_import (const char *xml,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_autoptr(JpDatabase) db = NULL;
  g_autoptr(JpImportReport) report = NULL;
  gint64 start;

  db = open_db (path, JP_DATABASE_OPEN_DEFAULT);
  start = g_get_monotonic_time ();
  if (!jp_xml_import (db, file, FALSE, &report, NULL, &error))
    die (xml, error);
  printf ("import_s=%.4f\n", (g_get_monotonic_time () - start) / 1e6);
  printf ("added=%u\n", jp_import_report_total (report, report->added));
  printf ("rss_kib=%ld\n", peak_rss_kib ());
  return 0;
}

static int
cmd_export (const char *path,
            const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_autoptr(JpDatabase) db = open_db (path, JP_DATABASE_OPEN_DEFAULT);
  g_autoptr(JpItem) root = jp_database_get_root (db);
  gint64 start;

  start = g_get_monotonic_time ();
  if (!jp_xml_export (db, root, file, NULL, &error))
    die (xml, error);
  printf ("export_s=%.4f\n", (g_get_monotonic_time () - start) / 1e6);
  printf ("rss_kib=%ld\n", peak_rss_kib ());
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* The value below which @p of the sorted @values lie (nearest rank). */
static double
percentile (GArray *values,
            double  p)
{
  guint rank = (guint) (p * values->len + 0.999999);

  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

/* This thread's CPU time, in microseconds: unlike the wall clock, it
 * does not count the time other processes took the CPU. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

/* As many as the sidebar asks for (src/jp-sidebar.c). */
#define SEARCH_LIMIT  2000
#define SEARCH_ROUNDS 5

static int
cmd_search (const char *path,
            const char *queries_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = open_db (path, JP_DATABASE_OPEN_DEFAULT);
  g_autofree char *contents = NULL;
  g_auto(GStrv) queries = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) round = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_round = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 0, hits = 0;
  double worst = 0;
  char *worst_query = NULL;

  if (!g_file_get_contents (queries_path, &contents, NULL, &error))
    die (queries_path, error);
  queries = g_strsplit (g_strchomp (contents), "\n", -1);

  /* A first pass warms the page cache and the prepared statement. */
  for (guint i = 0; queries[i]; i++)
    g_array_unref (jp_database_search (db, queries[i], SEARCH_LIMIT, NULL));

  /* Each query's latency is the median of its rounds. */
  for (guint i = 0; queries[i]; i++, n++)
    {
      double ms;

      g_array_set_size (round, 0);
      g_array_set_size (cpu_round, 0);
      for (guint r = 0; r < SEARCH_ROUNDS; r++)
        {
          gint64 start = g_get_monotonic_time ();
          gint64 cpu_start = thread_cpu_us ();
          g_autoptr(GArray) ids = jp_database_search (db, queries[i], SEARCH_LIMIT, &error);
          double cpu_ms = (thread_cpu_us () - cpu_start) / 1e3;

          if (error)
            die (queries[i], error);
          ms = (g_get_monotonic_time () - start) / 1e3;
          g_array_append_val (round, ms);
          g_array_append_val (cpu_round, cpu_ms);
          if (r == 0)
            hits += ids->len;
        }
      g_array_sort (round, compare_doubles);
      g_array_sort (cpu_round, compare_doubles);
      ms = g_array_index (round, double, SEARCH_ROUNDS / 2);
      g_array_append_val (latencies, ms);
      g_array_append_val (cpu, g_array_index (cpu_round, double, SEARCH_ROUNDS / 2));
      if (g_getenv ("BENCH_VERBOSE"))
        printf ("query_ms=%.3f cpu_ms=%.3f %s\n", ms, g_array_index (cpu_round, double, SEARCH_ROUNDS / 2),
                queries[i]);
      if (ms > worst)
        {
          worst = ms;
          worst_query = queries[i];
        }
    }
  g_array_sort (latencies, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  printf ("queries=%u\n", n);
  printf ("limit=%u\n", SEARCH_LIMIT);
  printf ("mean_hits=%.1f\n", n ? (double) hits / n : 0.0);
  printf ("p50_ms=%.3f\n", percentile (latencies, 0.50));
  printf ("p95_ms=%.3f\n", percentile (latencies, 0.95));
  printf ("max_ms=%.3f\n", worst);
  /* The same from the CPU time the search took, for a busy machine. */
  printf ("cpu_p50_ms=%.3f\n", percentile (cpu, 0.50));
  printf ("cpu_p95_ms=%.3f\n", percentile (cpu, 0.95));
  printf ("worst_query=%s\n", worst_query ? worst_query : "");
  return 0;
}

static guint changes;

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  changes++;
}

/* Touches every item of @list, as a list view binding its rows would. */
static void
get_all (GListModel *list)
{
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    g_object_unref (g_list_model_get_item (list, i));
}

static int
cmd_tree (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = open_db (path, JP_DATABASE_OPEN_DEFAULT);
  g_autoptr(JpItem) root = jp_database_get_root (db);
  g_autoptr(JpItem) programme = jp_database_find_child (db, root, JP_KIND_PROGRAMME);
  g_autoptr(GListModel) areas = jp_database_get_children (db, programme, JP_KIND_MASK (JP_KIND_AREA));
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JpItem) area = NULL;
  g_autoptr(JpItem) first = NULL;
  g_autoptr(JpItem) added = NULL;
  guint best = 0, rows = 0, n_changes;
  gint64 start, t_sections, t_items, t_children, t_change;
  const guint child_kinds = JP_KIND_MASK (JP_KIND_OBJECTIVE) | JP_KIND_MASK (JP_KIND_PROJECT) |
                            JP_KIND_MASK (JP_KIND_GROUP) | JP_KIND_MASK (JP_KIND_ITEM);

  /* The policy area that holds the most sections. */
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(JpItem) a = g_list_model_get_item (areas, i);
      g_autoptr(GListModel) s = jp_database_get_area_sections (db, a);

      if (area == NULL || g_list_model_get_n_items (s) > best)
        {
          g_set_object (&area, a);
          best = g_list_model_get_n_items (s);
        }
    }
  if (area == NULL)
    die ("the plan has no policy areas", NULL);

  /* Expanding the area: its sections' list, then a row for each. */
  start = g_get_monotonic_time ();
  sections = jp_database_get_area_sections (db, area);
  t_sections = g_get_monotonic_time () - start;
  start = g_get_monotonic_time ();
  get_all (sections);
  t_items = g_get_monotonic_time () - start;
  rows = g_list_model_get_n_items (sections);

  /* Expanding every section under it: the children's lists and rows. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JpItem) section = g_list_model_get_item (sections, i);
      GListModel *list = jp_database_get_children (db, section, child_kinds);

      g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), NULL);
      get_all (list);
      rows += g_list_model_get_n_items (list);
      g_ptr_array_add (children, list);
    }
  t_children = g_get_monotonic_time () - start;

  /* One edit while all of it is alive: a project added to the first
   * section must reach exactly one list, at once. */
  first = g_list_model_get_item (sections, 0);
  start = g_get_monotonic_time ();
  added = jp_database_add_item (db, first, JP_KIND_PROJECT, NULL, &error);
  if (added == NULL)
    die ("adding a project", error);
  t_change = g_get_monotonic_time () - start;
  n_changes = changes;
  /* The plan is left as it was, for the next benchmark. */
  if (!jp_database_undo (db, &error))
    die ("undoing the new project", error);

  printf ("area_sections=%u\n", g_list_model_get_n_items (sections));
  printf ("rows=%u\n", rows);
  printf ("sections_list_ms=%.3f\n", t_sections / 1e3);
  printf ("sections_items_ms=%.3f\n", t_items / 1e3);
  printf ("children_ms=%.3f\n", t_children / 1e3);
  printf ("expand_all_ms=%.3f\n", (t_sections + t_items + t_children) / 1e3);
  printf ("edit_ms=%.3f\n", t_change / 1e3);
  printf ("items_changed=%u\n", n_changes);
  printf ("rss_kib=%ld\n", peak_rss_kib ());
  return 0;
}

static int
cmd_memory (const char *path)
{
  g_autoptr(JpDatabase) db = open_db (path, JP_DATABASE_OPEN_DEFAULT);
  g_autoptr(JpItem) root = jp_database_get_root (db);
  g_autoptr(JpItem) programme = jp_database_find_child (db, root, JP_KIND_PROGRAMME);
  g_autoptr(GListModel) areas = jp_database_get_children (db, programme, JP_KIND_MASK (JP_KIND_AREA));
  g_autoptr(GListModel) chapters = jp_database_get_children (db, root, JP_KIND_MASK (JP_KIND_CHAPTER));
  g_autoptr(GListModel) unlinked = jp_database_get_area_sections (db, NULL);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

  /* What the sidebar shows first: the areas, and under each the
   * sections that serve it (as rows, one level deep); the same for the
   * chapters. */
  get_all (unlinked);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(JpItem) area = g_list_model_get_item (areas, i);
      GListModel *sections = jp_database_get_area_sections (db, area);

      get_all (sections);
      g_ptr_array_add (keep, sections);
    }
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(JpItem) chapter = g_list_model_get_item (chapters, i);
      GListModel *sections = jp_database_get_children (db, chapter, JP_KIND_MASK (JP_KIND_SECTION));

      get_all (sections);
      g_ptr_array_add (keep, sections);
    }
  printf ("rss_kib=%ld\n", peak_rss_kib ());
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], "create-empty") == 0)
    {
      g_object_unref (open_db (argv[2], JP_DATABASE_OPEN_DEFAULT));
      return 0;
    }
  if (argc == 3 && strcmp (argv[1], "create-bundled") == 0)
    {
      g_autoptr(JpDatabase) db = open_db (argv[2], JP_DATABASE_OPEN_DEFAULT);
      g_autoptr(GError) error = NULL;

      if (jp_database_is_new (db) && !jp_xml_import_bundled (db, &error))
        die (argv[2], error);
      return 0;
    }
  if (argc == 4 && strcmp (argv[1], "import") == 0)
    return cmd_import (argv[2], argv[3]);
  if (argc == 4 && strcmp (argv[1], "export") == 0)
    return cmd_export (argv[2], argv[3]);
  if (argc == 4 && strcmp (argv[1], "search") == 0)
    return cmd_search (argv[2], argv[3]);
  if (argc == 3 && strcmp (argv[1], "tree") == 0)
    return cmd_tree (argv[2]);
  if (argc == 3 && strcmp (argv[1], "memory") == 0)
    return cmd_memory (argv[2]);

  g_printerr ("usage: bench-model create-empty DB | create-bundled DB | import XML DB | export DB XML | search DB QUERIES | tree DB | memory DB\n");
  return 2;
}
