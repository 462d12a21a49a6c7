/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Widgets hand what went wrong up to their window through one action,
 * "win.report-error", whose parameter is (error domain, code, message):
 * they need not know the window. */
#define JP_REPORT_ERROR_ACTION      "win.report-error"
#define JP_REPORT_ERROR_PARAM_TYPE  "(sis)"

/* Activates the action on @widget; a warning when nothing takes it. */
void     jp_widget_report_error       (GtkWidget    *widget,
                                       const GError *error);
/* The error a parameter of the action carries. */
GError  *jp_error_report_from_variant (GVariant     *parameter);

G_END_DECLS
