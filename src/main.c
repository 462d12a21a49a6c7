/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jaarplan"

#include "config.h"

#include "jp-application.h"
#include "jp-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JpApplication) app = NULL;

  jp_i18n_init ();

  /* The options, the command line's actions included, are the
   * application's: see jp_application_handle_local_options(). */
  app = jp_application_new (NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
