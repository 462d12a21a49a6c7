/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlwriter.h>

#include "model/print/jp-publication.h"

G_BEGIN_DECLS

/* One part of the package being written, and what the writer of the
 * content needs to know on the way. */
typedef struct {
  xmlTextWriterPtr  writer;
  xmlBufferPtr      buffer;
  JpPublication    *pub;
  JpStore          *store;
  guint             open_lists;       /* list levels open, 0: none */
  guint             max_group_depth;  /* the deepest working group */
  guint             n_tables;         /* tables so far, for their names */
  gboolean          written_any;      /* something is on the first page */
  gboolean          failed;
} JpOdt;

/* Every namespace the parts use, on a part's root element. */
void        _jp_odt_namespaces   (JpOdt       *o);
void        _jp_odt_start        (JpOdt       *o,
                                  const char  *name,
                                  ...) G_GNUC_NULL_TERMINATED;
/* An element without content: its attributes, as name-value pairs. */
void        _jp_odt_empty        (JpOdt       *o,
                                  const char  *name,
                                  ...) G_GNUC_NULL_TERMINATED;
void        _jp_odt_end          (JpOdt       *o);
/* Text, with its line breaks, tabs and runs of spaces as elements. */
void        _jp_odt_text         (JpOdt       *o,
                                  const char  *text);

/* "nl", "BE" and the like: see jp-publication-odt-styles.c. */
void        _jp_odt_locale       (JpLang       lang,
                                  const char **language,
                                  const char **country);
/* The name of the character style of a text in @lang. */
const char *_jp_odt_lang_style   (JpLang       lang);

/* styles.xml, whole; content.xml's automatic styles. */
void        _jp_odt_write_styles (JpOdt       *o);
void        _jp_odt_write_automatic_styles (JpOdt *o);

G_END_DECLS
