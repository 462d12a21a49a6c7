/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "jp-file.h"

static gboolean
write_local (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  GStatBuf st;
  int fd, saved;

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    goto fail;
  /* Keep the mode of the file replaced. */
  if (g_stat (path, &st) == 0)
    fchmod (fd, st.st_mode & 07777);
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail_close;
      data += n;
      size -= n;
    }
  if (fsync (fd) != 0)
    goto fail_close;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail_unlink;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    goto fail_unlink;
  return TRUE;

fail_close:
  saved = errno;
  close (fd);
  errno = saved;
fail_unlink:
  saved = errno;
  g_unlink (tmp);
  errno = saved;
fail:
  saved = errno;
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
  return FALSE;
}

gboolean
jp_file_write_atomically (GFile         *file,
                          GBytes        *bytes,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return write_local (path, bytes, error);
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}
