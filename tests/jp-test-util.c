/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "jp-test-util.h"

void
jp_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        jp_test_remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

char *
jp_test_replace (const char *haystack,
                 const char *needle,
                 const char *replacement)
{
  GString *s = g_string_new (haystack);

  g_assert_nonnull (strstr (haystack, needle));
  g_string_replace (s, needle, replacement, 1);
  return g_string_free (s, FALSE);
}

void
jp_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
