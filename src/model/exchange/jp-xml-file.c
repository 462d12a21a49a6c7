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

/* Whether @data holds the whole prolog that _jp_xml_find_doctype()
 * reads (white space, processing instructions, comments) and what
 * follows it, so that the checks made before parsing see in it what
 * they would see in the whole file. */
static gboolean
prolog_is_whole (const guint8 *data,
                 gsize         size)
{
  const char *c = (const char *) data, *end = c + size;

  if (size >= 3 && memcmp (c, "\xef\xbb\xbf", 3) == 0)
    c += 3;
  while (c < end)
    {
      const char *close;

      if (g_ascii_isspace (*c))
        {
          c++;
          continue;
        }
      /* Room for "<!DOCTYPE". */
      if (end - c < 9)
        return FALSE;
      if (memcmp (c, "<?", 2) == 0)
        close = g_strstr_len (c, end - c, "?>");
      else if (memcmp (c, "<!--", 4) == 0)
        close = g_strstr_len (c, end - c, "-->");
      else
        return TRUE;
      if (close == NULL)
        return FALSE;
      c = close + 2;
    }
  return FALSE;
}

struct _JpXmlFile {
  GBytes       *bytes;        /* the whole file, when read whole */
  /* An ordinary file, read again as the parser asks for it. */
  int           fd;
  struct stat   st;
  GByteArray   *head;         /* its beginning, for the checks */
  gsize         size;         /* as the first pass read it */
  gsize         offset;       /* how far the parser has read */
  GCancellable *cancellable;
  char         *name;
  GError       *error;        /* why the parser could not read on */
};

static JpXmlFile *
file_new_whole (GBytes *bytes)
{
  JpXmlFile *self = g_new0 (JpXmlFile, 1);

  self->bytes = bytes;
  self->fd = -1;
  return self;
}

JpXmlFile *
_jp_xml_file_new_for_bytes (GBytes *bytes)
{
  return file_new_whole (g_bytes_ref (bytes));
}

void
_jp_xml_file_free (JpXmlFile *self)
{
  if (self->fd >= 0)
    close (self->fd);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->head, g_byte_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->name, g_free);
  g_clear_error (&self->error);
  g_free (self);
}

/* A first pass over an ordinary file: its size, and its beginning as
 * far as the checks before parsing need it.  A file that would need
 * more of itself for those checks (a late zero byte, a prolog with no
 * end) is read whole instead, as any file that is not ordinary.
 * Returns FALSE with @error set, or TRUE with @whole set if so. */
static gboolean
scan_regular (JpXmlFile  *self,
              gboolean   *whole,
              GError    **error)
{
  guint8 chunk[65536];
  gboolean head_done = FALSE;

  *whole = FALSE;
  self->head = g_byte_array_new ();
  for (;;)
    {
      ssize_t n;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
      n = read (self->fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return read_failed (self->name, errno, error);
      if (n == 0)
        break;
      if (self->size + (gsize) n > JP_XML_MAX_SIZE)
        return too_large (self->name, error);
      if (self->size == 0 && !_jp_xml_looks_wide (chunk, n) && memchr (chunk, 0, n) != NULL)
        {
          g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_MALFORMED,
                       _("%s: the file holds binary data, not text: it is not a plan file."), self->name);
          return FALSE;
        }
      self->size += n;
      if (!head_done)
        {
          g_byte_array_append (self->head, chunk, n);
          head_done = self->head->len >= 1024 && prolog_is_whole (self->head->data, self->head->len);
          continue;
        }
      if (memchr (chunk, 0, n) != NULL && memchr (self->head->data, 0, self->head->len) == NULL)
        {
          *whole = TRUE;
          return TRUE;
        }
    }
  /* Never done: the beginning is the whole file. */
  *whole = !head_done;
  return TRUE;
}

static gboolean
same_file (const struct stat *a,
           const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

static gboolean
file_changed (JpXmlFile  *self,
              GError    **error)
{
  g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ,
               _("%s changed while it was being imported; nothing was imported. Import it again."), self->name);
  return FALSE;
}

JpXmlFile *
_jp_xml_file_open (GFile         *file,
                   GCancellable  *cancellable,
                   char         **name,
                   GError       **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(JpXmlFile) self = NULL;
  GByteArray *buffer;
  gboolean whole;
  int fd;

  *name = g_filename_display_name (basename ? basename : "?");
  if (path == NULL)
    {
      GBytes *bytes = read_stream_file (file, *name, cancellable, error);

      return bytes ? file_new_whole (bytes) : NULL;
    }

  /* Not blocking: a pipe without a writer must not hold the import. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      read_failed (*name, errno, error);
      return NULL;
    }
  self = g_new0 (JpXmlFile, 1);
  self->fd = fd;
  self->name = g_strdup (*name);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  if (fstat (fd, &self->st) != 0)
    {
      read_failed (*name, errno, error);
      return NULL;
    }
  if (S_ISDIR (self->st.st_mode))
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ, _("%s is a folder, not a plan file."), *name);
      return NULL;
    }
  if (S_ISREG (self->st.st_mode))
    {
      if (self->st.st_size > JP_XML_MAX_SIZE)
        {
          g_autofree char *size = g_format_size (self->st.st_size);
          g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ,
                       _("%s: the file is too large to be a plan (%s)."), *name, size);
          return NULL;
        }
      fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
      /* An ordinary file is read twice rather than held whole: first
       * for the checks made before parsing, then by the parser. */
      if (!scan_regular (self, &whole, error))
        return NULL;
      if (!whole)
        {
          if (lseek (fd, 0, SEEK_SET) != 0)
            {
              read_failed (*name, errno, error);
              return NULL;
            }
          return g_steal_pointer (&self);
        }
      g_clear_pointer (&self->head, g_byte_array_unref);
      self->size = 0;
      if (lseek (fd, 0, SEEK_SET) != 0)
        {
          read_failed (*name, errno, error);
          return NULL;
        }
    }
  buffer = g_byte_array_sized_new (S_ISREG (self->st.st_mode) ? (guint) self->st.st_size + 1 : 65536);
  if (!read_bounded (fd, S_ISREG (self->st.st_mode), *name, buffer, cancellable, error))
    {
      g_byte_array_unref (buffer);
      return NULL;
    }
  close (fd);
  self->fd = -1;
  self->bytes = g_byte_array_free_to_bytes (buffer);
  return g_steal_pointer (&self);
}

GBytes *
_jp_xml_file_get_bytes (JpXmlFile *self)
{
  return self->bytes;
}

const char *
_jp_xml_file_get_head (JpXmlFile *self,
                       gsize     *head_size,
                       gsize     *size)
{
  if (self->bytes)
    {
      const char *data = g_bytes_get_data (self->bytes, head_size);

      *size = *head_size;
      return data;
    }
  *head_size = self->head->len;
  *size = self->size;
  return (const char *) self->head->data;
}

int
_jp_xml_file_read (void *user_data,
                   char *buffer,
                   int   len)
{
  JpXmlFile *self = user_data;
  ssize_t n;

  if (self->error)
    return -1;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, &self->error))
    return -1;
  /* One byte more than the first pass found tells a file that grew. */
  len = (int) MIN ((gsize) len, self->size - self->offset + 1);
  do
    n = read (self->fd, buffer, len);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      read_failed (self->name, errno, &self->error);
      return -1;
    }
  self->offset += n;
  if (self->offset > self->size || (n == 0 && self->offset < self->size))
    {
      file_changed (self, &self->error);
      return -1;
    }
  return (int) n;
}

gboolean
_jp_xml_file_done (JpXmlFile  *self,
                   gboolean    read_all,
                   GError    **error)
{
  struct stat st;

  if (self->bytes)
    return TRUE;
  if (self->error)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  /* Read to its end by the parser, and the same file as at first. */
  if (read_all && (self->offset != self->size || fstat (self->fd, &st) != 0 || !same_file (&st, &self->st)))
    return file_changed (self, error);
  return TRUE;
}
