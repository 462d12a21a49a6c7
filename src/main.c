/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jaarplan"

#include "config.h"

#include "cli/jp-cli.h"
#include "jp-application.h"
#include "jp-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JpApplication) app = NULL;
  JpCliResult cli;
  g_autofree char *database = NULL;
  char *app_argv[] = { argv[0], NULL };

  jp_i18n_init ();

  /* Import, export and the like need no display: handle them first. */
  if (jp_cli_run (argc, argv, &cli))
    return cli.exit_status;

  database = cli.database ? cli.database : jp_database_default_path ();
  app = jp_application_new (database);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
