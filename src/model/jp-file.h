/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @bytes to @file through a temporary file in the same folder,
 * synced and renamed over the target only when complete: a crash or a
 * full disk never leaves half a file.  (GLib 2.74's
 * g_file_replace_contents renames its temporary file even after a failed
 * write.)  Files that are not local go through g_file_replace_contents. */
gboolean jp_file_write_atomically (GFile         *file,
                                   GBytes        *bytes,
                                   GCancellable  *cancellable,
                                   GError       **error);

/* An atomic write never replaces the database at @path while it is
 * protected, nor its -wal, -shm or -journal, under whatever name or link;
 * nor does it replace anything but a regular file (a link is followed and
 * the file it leads to replaced).  The handle returned ends the
 * protection. */
gpointer jp_file_protect_database   (const char *path);
void     jp_file_unprotect_database (gpointer    handle);

G_END_DECLS
