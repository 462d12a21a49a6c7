/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/jp-types.h"

G_BEGIN_DECLS

/* The pane that shows an item of @kind, or G_TYPE_INVALID for a kind
 * without a pane of its own. */
GType jp_pane_type_for_kind (JpKind kind);

G_END_DECLS
