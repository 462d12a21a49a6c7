/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "model/exchange/jp-xml-private.h"

G_BEGIN_DECLS

/* Attributes as the schema reads them: a string as written; a token
 * (token, date, integer, <value>) with its white space collapsed. */
char       *_jp_xml_attr_string     (xmlNodePtr    node,
                                     const char   *name);
char       *_jp_xml_attr_token      (xmlNodePtr    node,
                                     const char   *name);
/* The attribute @field is written as, and its value on @node read as
 * the schema types it. */
const char *_jp_xml_field_attribute (JpField       field);
char       *_jp_xml_attr_field      (xmlNodePtr    node,
                                     JpField       field);
char       *_jp_xml_attr_lang       (xmlNodePtr    node);
/* A year of four digits, from the Benelux treaty's year on. */
gboolean    _jp_xml_valid_year      (const char   *value);
/* What is wrong with one element's attributes, in words, or NULL. */
char       *_jp_xml_explain_item    (xmlNodePtr    node,
                                     JpKind        kind);

gboolean    _jp_xml_is_blank        (const char   *data,
                                     gsize         size);
/* UTF-16 or UTF-32, by a byte order mark or by the zero bytes around
 * the first "<". */
gboolean    _jp_xml_looks_wide      (const guchar *u,
                                     gsize         size);
/* Refuses, in words, an encoding other than UTF-8 or UTF-16 with a byte
 * order mark. */
gboolean    _jp_xml_check_encoding  (JpXmlReader  *reader,
                                     const char   *data,
                                     gsize         size,
                                     GError      **error);
/* The line of a document type declaration in the prolog, or 0. */
int         _jp_xml_find_doctype    (const char   *data,
                                     gsize         size);

G_END_DECLS
