/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jaarplan"

#include "config.h"

#include <libxml/parser.h>

#include "jp-application.h"
#include "jp-i18n.h"
#include "model/store/jp-schema.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JpApplication) app = NULL;

  jp_i18n_init ();
  /* libxml2 sets itself up on first use, which is not safe when that
   * first use is in two threads at once (an import and an export). */
  xmlInitParser ();
  /* Ready by the time the plan file opens, while GTK starts. */
  jp_schema_prepare_in_background ();

  /* The options, the command line's actions included, are the
   * application's: see jp_application_handle_local_options(). */
  app = jp_application_new (NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
