/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-error-report"

#include "config.h"

#include "ui/window/jp-error-report.h"

void
jp_widget_report_error (GtkWidget    *widget,
                        const GError *error)
{
  g_return_if_fail (error != NULL);

  if (widget == NULL ||
      !gtk_widget_activate_action (widget, JP_REPORT_ERROR_ACTION, JP_REPORT_ERROR_PARAM_TYPE,
                                   g_quark_to_string (error->domain), error->code, error->message))
    g_warning ("%s", error->message);
}

GError *
jp_error_report_from_variant (GVariant *parameter)
{
  const char *domain, *message;
  int code;

  g_return_val_if_fail (g_variant_is_of_type (parameter, G_VARIANT_TYPE (JP_REPORT_ERROR_PARAM_TYPE)), NULL);

  g_variant_get (parameter, "(&si&s)", &domain, &code, &message);
  return g_error_new_literal (g_quark_from_string (domain), code, message);
}
