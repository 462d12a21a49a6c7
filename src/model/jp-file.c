/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "model/jp-file.h"

/* The files of a database in use never to be replaced.  Databases
 * register themselves; writes may come from any thread. */
static GMutex protected_lock;
static GPtrArray *protected_paths;   /* char*: a database's real path, once per open */

static const char * const database_suffixes[] = { "", "-wal", "-shm", "-journal" };

static char *
absolute_path (const char *path)
{
  g_autofree char *cwd = NULL;

  if (g_path_is_absolute (path))
    return g_strdup (path);
  cwd = g_get_current_dir ();
  return g_build_filename (cwd, path, NULL);
}

gpointer
jp_file_protect_database (const char *path)
{
  char *real;

  g_return_val_if_fail (path != NULL, NULL);

  /* SQLite keeps the -wal and -shm beside the file a link points to. */
  real = realpath (path, NULL);
  if (real == NULL)
    real = absolute_path (path);
  g_mutex_lock (&protected_lock);
  if (protected_paths == NULL)
    protected_paths = g_ptr_array_new ();
  g_ptr_array_add (protected_paths, real);
  g_mutex_unlock (&protected_lock);
  return real;
}

void
jp_file_unprotect_database (gpointer handle)
{
  if (handle == NULL)
    return;
  g_mutex_lock (&protected_lock);
  if (protected_paths && g_ptr_array_remove_fast (protected_paths, handle))
    free (handle);
  g_mutex_unlock (&protected_lock);
}

/* Follows the links of the last part of @path, the way opening it would,
 * and gives the file finally written: *exists says whether it is there
 * (then *st describes it). */
static char *
resolve_links (const char  *path,
               GStatBuf    *st,
               gboolean    *exists,
               int         *saved_errno)
{
  g_autofree char *current = absolute_path (path);

  for (guint depth = 0; depth < 40; depth++)
    {
      g_autofree char *target = NULL;
      g_autofree char *dir = NULL;

      if (g_lstat (current, st) != 0)
        {
          *saved_errno = errno;
          if (errno != ENOENT)
            return NULL;
          *exists = FALSE;
          return g_steal_pointer (&current);
        }
      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          return g_steal_pointer (&current);
        }
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        {
          *saved_errno = errno ? errno : EINVAL;
          return NULL;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_steal_pointer (&target) : g_build_filename (dir, target, NULL);
    }
  *saved_errno = ELOOP;
  return NULL;
}

static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether @path (links followed; @st when it exists) is the file of a
 * database in use, by another name or not, or would take the place of
 * its -wal, -shm or -journal. */
static gboolean
is_protected (const char     *path,
              const GStatBuf *st,
              gboolean        exists)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  GStatBuf dir_st;
  gboolean have_dir, found = FALSE;

  have_dir = g_stat (dir, &dir_st) == 0;
  g_mutex_lock (&protected_lock);
  for (guint i = 0; protected_paths && i < protected_paths->len && !found; i++)
    {
      const char *db = protected_paths->pdata[i];
      g_autofree char *db_dir = g_path_get_dirname (db);
      g_autofree char *db_base = g_path_get_basename (db);
      GStatBuf other;
      gboolean same_dir;

      same_dir = have_dir && g_stat (db_dir, &other) == 0 && same_file (&dir_st, &other);
      for (guint s = 0; s < G_N_ELEMENTS (database_suffixes) && !found; s++)
        {
          g_autofree char *name = g_strconcat (db, database_suffixes[s], NULL);

          if (exists && g_stat (name, &other) == 0 && same_file (st, &other))
            found = TRUE;
          else if (same_dir && g_str_has_prefix (base, db_base) &&
                   g_str_equal (base + strlen (db_base), database_suffixes[s]))
            found = TRUE;
        }
    }
  g_mutex_unlock (&protected_lock);
  return found;
}

/* Says why the file at @path may not be replaced, if so. */
static gboolean
check_target (const char      *path,
              const GStatBuf  *st,
              gboolean         exists,
              GError         **error)
{
  if (exists && S_ISDIR (st->st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("it is a folder, not a file; nothing was changed."));
      return FALSE;
    }
  if (exists && S_ISFIFO (st->st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("it is a pipe, not a regular file; nothing was changed."));
      return FALSE;
    }
  if (exists && S_ISSOCK (st->st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("it is a socket, not a regular file; nothing was changed."));
      return FALSE;
    }
  if (exists && !S_ISREG (st->st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("it is a device, not a regular file; nothing was changed."));
      return FALSE;
    }
  if (is_protected (path, st, exists))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("it is the plan database in use, or one of its working files; nothing was "
                             "changed. Choose another file."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_local (const char  *target,
             GBytes      *bytes,
             GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  GStatBuf st;
  gboolean exists = FALSE;
  int fd, saved = 0;

  /* A link stays a link: the file it leads to is replaced, through a
   * temporary file in that file's folder. */
  path = resolve_links (target, &st, &exists, &saved);
  if (path == NULL)
    {
      errno = saved;
      goto fail;
    }
  if (!check_target (path, &st, exists, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    goto fail;
  /* Keep the mode of the file replaced. */
  if (exists)
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
