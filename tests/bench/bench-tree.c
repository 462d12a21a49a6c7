/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-tree: the sidebar on a large plan, in a window.  Expands the
 * policy area that holds the most sections, then every section under it,
 * then scrolls to the end of the list one page a frame, and reports the
 * frame times (the time between two painted frames, so that work done
 * outside a frame counts too).
 *
 *   bench-tree DB [--no-scroll]
 *
 * Prints key=value lines; run it under Xvfb (build-aux/bench does).
 */
#define G_LOG_DOMAIN "jp-bench-tree"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "ui/sidebar/jp-sidebar.h"
#include "model/store/jp-database.h"

#define MAX_FRAMES 1500

typedef struct {
  GtkWidget     *window;
  GtkWidget     *sidebar;
  GtkAdjustment *adjustment;
  gint64         last_paint;   /* monotonic µs of the last after-paint */
  guint          n_paints;
  GArray        *gaps;         /* double, ms between painted frames */
  gboolean       scrolling;
  gboolean       done;
} Bench;

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *b)
{
  gint64 now = g_get_monotonic_time ();

  if (b->scrolling && b->last_paint)
    {
      double gap = (now - b->last_paint) / 1e3;
      g_array_append_val (b->gaps, gap);
    }
  b->last_paint = now;
  b->n_paints++;
}

/* Runs the main loop until @n_paints frames more have been painted. */
static gint64
wait_paints (Bench *b,
             guint  n)
{
  guint target = b->n_paints + n;

  if (g_getenv ("BENCH_VERBOSE"))
    g_printerr ("waiting for %u frame(s) after %u\n", n, b->n_paints);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (b->n_paints < target && g_get_monotonic_time () < deadline)
    {
      guint before = b->n_paints;

      gtk_widget_queue_draw (b->window);
      while (b->n_paints == before && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }
  if (b->n_paints < target)
    {
      g_printerr ("bench-tree: no frame was painted\n");
      exit (1);
    }
  return b->last_paint;
}

static gboolean
report_progress (gpointer user_data)
{
  Bench *b = user_data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (b->window);

  g_printerr ("paints %u, frame counter %" G_GINT64_FORMAT ", mapped %d\n", b->n_paints,
              clock ? gdk_frame_clock_get_frame_counter (clock) : -1, gtk_widget_get_mapped (b->window));
  return G_SOURCE_CONTINUE;
}

static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled (child);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *b = user_data;
  double value = gtk_adjustment_get_value (b->adjustment);
  double page = gtk_adjustment_get_page_size (b->adjustment);
  double end = gtk_adjustment_get_upper (b->adjustment) - page;

  if (value >= end || b->gaps->len >= MAX_FRAMES)
    {
      b->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (b->adjustment, MIN (value + page, end));
  return G_SOURCE_CONTINUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = NULL;
  GListModel *rows;
  GdkFrameClock *clock;
  GtkTreeListRow *area_row = NULL;
  guint best = 0, area_pos = 0, n_before, n_area, n_all;
  gint64 start, end;
  Bench b = { 0, };
  double worst = 0, median = 0;

  if (argc != 2 && !(argc == 3 && g_str_equal (argv[2], "--no-scroll")))
    {
      g_printerr ("usage: bench-tree DB [--no-scroll]\n");
      return 2;
    }
  adw_init ();
  db = jp_database_open (argv[1], JP_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_printerr ("bench-tree: %s\n", error->message);
      return 1;
    }

  b.gaps = g_array_new (FALSE, FALSE, sizeof (double));
  b.window = adw_window_new ();
  b.sidebar = jp_sidebar_new (JP_STORE (db));
  adw_window_set_content (ADW_WINDOW (b.window), b.sidebar);
  gtk_window_set_default_size (GTK_WINDOW (b.window), 360, 760);
  gtk_window_present (GTK_WINDOW (b.window));
  while (!gtk_widget_get_mapped (b.window))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (b.window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &b);
  if (g_getenv ("BENCH_VERBOSE"))
    g_timeout_add_seconds (2, report_progress, &b);
  wait_paints (&b, 2);
  b.adjustment = gtk_scrolled_window_get_vadjustment (find_scrolled (b.sidebar));

  /* The area with the most sections. */
  rows = jp_sidebar_get_model (JP_SIDEBAR (b.sidebar));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (JP_IS_ITEM (item) && jp_item_get_kind (JP_ITEM (item)) == JP_KIND_AREA)
        {
          g_autoptr(GListModel) sections = jp_database_get_area_sections (db, JP_ITEM (item));

          if (g_list_model_get_n_items (sections) > best)
            {
              best = g_list_model_get_n_items (sections);
              g_set_object (&area_row, row);
              area_pos = i;
            }
        }
    }
  if (area_row == NULL)
    {
      g_printerr ("bench-tree: the tree shows no policy area\n");
      return 1;
    }

  /* Expanding the area, to the frame that shows it. */
  n_before = g_list_model_get_n_items (rows);
  start = g_get_monotonic_time ();
  gtk_tree_list_row_set_expanded (area_row, TRUE);
  printf ("expand_call_ms=%.1f\n", (g_get_monotonic_time () - start) / 1e3);
  end = wait_paints (&b, 1);
  n_area = g_list_model_get_n_items (rows) - n_before;
  printf ("rows_area=%u\n", n_area);
  printf ("expand_ms=%.1f\n", (end - start) / 1e3);

  /* Expanding every section under it. */
  start = g_get_monotonic_time ();
  for (guint i = area_pos + 1; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

      if (gtk_tree_list_row_get_depth (row) <= gtk_tree_list_row_get_depth (area_row))
        break;
      if (gtk_tree_list_row_get_depth (row) == gtk_tree_list_row_get_depth (area_row) + 1)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  end = wait_paints (&b, 1);
  n_all = g_list_model_get_n_items (rows) - n_before;
  printf ("rows=%u\n", n_all);
  printf ("expand_all_ms=%.1f\n", (end - start) / 1e3);

  /* Scrolling to the end, a page a frame. */
  if (argc == 3)
    return 0;
  gtk_adjustment_set_value (b.adjustment, 0);
  wait_paints (&b, 2);
  b.scrolling = TRUE;
  b.last_paint = 0;
  gtk_widget_add_tick_callback (b.sidebar, on_tick, &b, NULL);
  while (!b.done)
    g_main_context_iteration (NULL, TRUE);
  wait_paints (&b, 1);
  b.scrolling = FALSE;

  if (b.gaps->len)
    {
      g_array_sort (b.gaps, compare_doubles);
      worst = g_array_index (b.gaps, double, b.gaps->len - 1);
      median = g_array_index (b.gaps, double, b.gaps->len / 2);
    }
  printf ("frames=%u\n", b.gaps->len);
  printf ("median_frame_ms=%.1f\n", median);
  printf ("worst_frame_ms=%.1f\n", worst);
  printf ("end_position=%.0f/%.0f\n", gtk_adjustment_get_value (b.adjustment),
          gtk_adjustment_get_upper (b.adjustment) - gtk_adjustment_get_page_size (b.adjustment));

  g_clear_object (&area_row);
  gtk_window_destroy (GTK_WINDOW (b.window));
  g_array_unref (b.gaps);
  return 0;
}
