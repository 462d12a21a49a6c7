/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The SQLite store's private declarations, by the name the exchange
 * code includes them. */
#include "model/store/jp-database-private.h"
