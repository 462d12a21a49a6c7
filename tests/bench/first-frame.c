/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * first-frame: runs a program on the X display and prints how long it
 * took from exec to the first frame drawn into its first large window,
 * and the program's peak RSS a moment later.  It watches the root
 * window for the map of a top-level window at least 200×200 pixels
 * large, then for the first XDamage report on it after which the window
 * holds more than one colour (a frame with content, not a background
 * fill).  Then it ends the program.
 *
 *   first-frame [--settle MS] -- PROGRAM ARGS...
 *
 * Prints first_frame_ms=…, map_ms=… and rss_kib=… .
 */
#define G_LOG_DOMAIN "jp-first-frame"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#define MIN_SIZE   200
#define TIMEOUT_MS 120000

static long
rss_of (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents (path, &status, NULL, NULL) && (line = strstr (status, "VmHWM:")))
    return strtol (line + strlen ("VmHWM:"), NULL, 10);
  return -1;
}

/* Does the window show more than one colour (sampled on a grid)? */
static gboolean
has_content (Display *dpy,
             Window   window)
{
  XWindowAttributes attrs;
  XImage *image;
  gboolean content = FALSE;
  unsigned long first;

  if (!XGetWindowAttributes (dpy, window, &attrs))
    return FALSE;
  image = XGetImage (dpy, window, 0, 0, attrs.width, attrs.height, AllPlanes, ZPixmap);
  if (image == NULL)
    return FALSE;
  first = XGetPixel (image, 0, 0);
  /* a grid of every fourth pixel */
  for (int y = 0; y < attrs.height && !content; y += 4)
    for (int x = 0; x < attrs.width && !content; x += 4)
      content = XGetPixel (image, x, y) != first;
  XDestroyImage (image);
  return content;
}

/* Waits for an X event up to @deadline (monotonic µs); FALSE on timeout. */
static gboolean
next_event (Display *dpy,
            XEvent  *event,
            gint64   deadline)
{
  while (!XPending (dpy))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (200);
    }
  XNextEvent (dpy, event);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  Display *dpy;
  Window root, target = None;
  int damage_event, damage_error, first = 1;
  long settle_ms = 500;
  gint64 start, mapped = 0, drawn = 0, deadline;
  pid_t pid;
  XEvent event;
  int status;

  while (first < argc && strcmp (argv[first], "--") != 0)
    {
      if (strcmp (argv[first], "--settle") == 0 && first + 1 < argc)
        settle_ms = atol (argv[++first]);
      first++;
    }
  if (first + 1 >= argc)
    {
      fprintf (stderr, "usage: first-frame [--settle MS] -- PROGRAM ARGS...\n");
      return 2;
    }

  dpy = XOpenDisplay (NULL);
  if (dpy == NULL || !XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      fprintf (stderr, "first-frame: no X display with the DAMAGE extension\n");
      return 2;
    }
  root = DefaultRootWindow (dpy);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, False);

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      execvp (argv[first + 1], argv + first + 1);
      _exit (127);
    }
  deadline = start + (gint64) TIMEOUT_MS * 1000;

  while (drawn == 0 && next_event (dpy, &event, deadline))
    {
      if (event.type == MapNotify && target == None && event.xmap.event == root)
        {
          XWindowAttributes attrs;

          if (XGetWindowAttributes (dpy, event.xmap.window, &attrs) &&
              attrs.width >= MIN_SIZE && attrs.height >= MIN_SIZE)
            {
              target = event.xmap.window;
              mapped = g_get_monotonic_time ();
              XDamageCreate (dpy, target, XDamageReportRawRectangles);
              XSync (dpy, False);
            }
        }
      else if (event.type == damage_event + XDamageNotify &&
               ((XDamageNotifyEvent *) &event)->drawable == target)
        {
          gint64 now = g_get_monotonic_time ();

          if (has_content (dpy, target))
            drawn = now;
        }
    }

  if (drawn)
    {
      long rss;

      g_usleep (settle_ms * 1000);
      rss = rss_of (pid);
      printf ("first_frame_ms=%.1f\n", (drawn - start) / 1e3);
      printf ("map_ms=%.1f\n", (mapped - start) / 1e3);
      printf ("rss_kib=%ld\n", rss);
    }
  else
    fprintf (stderr, "first-frame: no window was drawn within %d s\n", TIMEOUT_MS / 1000);

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  XCloseDisplay (dpy);
  return drawn ? 0 : 1;
}
