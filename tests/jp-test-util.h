/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes a temporary folder made by a test, and the files in it. */
void jp_test_remove_dir (const char *dir);

G_END_DECLS
