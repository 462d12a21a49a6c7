/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "model/exchange/jp-xml-check.h"

/* How long a pipe or a device may take to deliver a whole file. */
#define READ_TIMEOUT_MS 10000

/* Reading a plan file into memory, bounded in size and in time. */

static gboolean
read_failed (const char  *name,
             int          saved_errno,
             GError     **error)
{
  g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ, _("%s cannot be read: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
too_large (const char  *name,
           GError     **error)
{
  g_autofree char *limit = g_format_size (JP_XML_MAX_SIZE);

  g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ,
               _("%s: the file is too large to be a plan (more than %s)."), name, limit);
  return FALSE;
}

/* Reads @fd to its end, never more than the size limit, and a pipe or
 * a device only for as long as READ_TIMEOUT_MS. */
static gboolean
read_bounded (int            fd,
              gboolean       regular,
              const char    *name,
              GByteArray    *buffer,
              GCancellable  *cancellable,
              GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + READ_TIMEOUT_MS * G_GINT64_CONSTANT (1000);
  guint8 chunk[65536];

  for (;;)
    {
      ssize_t n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EAGAIN && !regular)
        {
          struct pollfd pfd = { .fd = fd, .events = POLLIN };
          gint64 left = (deadline - g_get_monotonic_time ()) / 1000;

          if (left <= 0)
            {
              g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%s: the file did not deliver its contents within %d second; a plan is "
                                        "imported from an ordinary file.",
                                        "%s: the file did not deliver its contents within %d seconds; a plan is "
                                        "imported from an ordinary file.", READ_TIMEOUT_MS / 1000),
                           name, READ_TIMEOUT_MS / 1000);
              return FALSE;
            }
          if (poll (&pfd, 1, (int) MIN (left, 250)) < 0 && errno != EINTR)
            return read_failed (name, errno, error);
          continue;
        }
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return read_failed (name, errno, error);
        }
      if (n == 0)
        return TRUE;
      if (buffer->len + (gsize) n > JP_XML_MAX_SIZE)
        return too_large (name, error);
      g_byte_array_append (buffer, chunk, n);
      /* A device of random or zero bytes is not read to the limit. */
      if (buffer->len == (guint) n && !_jp_xml_looks_wide (buffer->data, buffer->len) &&
          memchr (buffer->data, 0, buffer->len) != NULL)
        {
          g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_MALFORMED,
                       _("%s: the file holds binary data, not text: it is not a plan file."), name);
          return FALSE;
        }
    }
}

static GBytes *
read_stream_file (GFile         *file,
                  const char    *name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, &local_error);
  GByteArray *buffer;

  if (stream == NULL)
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ, _("%s cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  buffer = g_byte_array_new ();
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, &local_error);

      if (n < 0)
        {
          g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ, _("%s cannot be read: %s"), name, local_error->message);
          g_byte_array_unref (buffer);
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > JP_XML_MAX_SIZE)
        {
          too_large (name, error);
          g_byte_array_unref (buffer);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
    }
  return g_byte_array_free_to_bytes (buffer);
}

GBytes *
_jp_xml_read_file (GFile         *file,
                   GCancellable  *cancellable,
                   char         **name,
                   GError       **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *path = g_file_get_path (file);
  GByteArray *buffer;
  struct stat st;
  int fd;

  *name = g_filename_display_name (basename ? basename : "?");
  if (path == NULL)
    return read_stream_file (file, *name, cancellable, error);

  /* Not blocking: a pipe without a writer must not hold the import. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      read_failed (*name, errno, error);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      read_failed (*name, errno, error);
      close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ, _("%s is a folder, not a plan file."), *name);
      close (fd);
      return NULL;
    }
  if (S_ISREG (st.st_mode))
    {
      if (st.st_size > JP_XML_MAX_SIZE)
        {
          g_autofree char *size = g_format_size (st.st_size);
          g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ,
                       _("%s: the file is too large to be a plan (%s)."), *name, size);
          close (fd);
          return NULL;
        }
      fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
    }
  buffer = g_byte_array_sized_new (S_ISREG (st.st_mode) ? (guint) st.st_size + 1 : 65536);
  if (!read_bounded (fd, S_ISREG (st.st_mode), *name, buffer, cancellable, error))
    {
      g_byte_array_unref (buffer);
      close (fd);
      return NULL;
    }
  close (fd);
  return g_byte_array_free_to_bytes (buffer);
}
