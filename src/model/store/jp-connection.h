/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One connection to the store: the database's own, or a worker's second
 * one.  What the model does on a connection it asks of the store with
 * one of these; only the store sees inside. */
typedef struct _JpConnection JpConnection;

G_END_DECLS
