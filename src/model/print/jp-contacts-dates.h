/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-item.h"

G_BEGIN_DECLS

/* A contact's dates as people read them.  The store keeps a contact's
 * validity as an inclusive "valid-from" and an exclusive "valid-until"
 * (the first day no longer valid), as the XML does; a person reads and
 * edits the last valid day. */

/* "1 March 2013" in the interface language, from "2013-03-01"; NULL when
 * @iso is not a date.  The _in() forms write in @lang, whatever the
 * interface's language (a French printout from a Dutch window);
 * JP_N_LANGS for the interface's. */
char    *jp_contacts_format_date       (const char *iso);
char    *jp_contacts_format_date_in    (const char *iso,
                                        JpLang      lang);
/* The stored valid-until is exclusive (the first day no longer valid, in
 * the database as in the XML); people read and type the last valid day.
 * "2013-02-28" from "2013-03-01" and back; NULL when not a date. */
char    *jp_contacts_until_to_last_day (const char *until);
char    *jp_contacts_last_day_to_until (const char *last_day);
/* "through 28 February 2013" (the last valid day), "from 1 March 2013",
 * "from … through …", or NULL when the contact is always valid. */
char    *jp_contacts_format_validity   (JpItem     *contact);
char    *jp_contacts_format_validity_in (JpItem    *contact,
                                         JpLang     lang);
/* Whether @contact is valid on @date ("YYYY-MM-DD"): from is inclusive,
 * until exclusive (the 2013 plan hands a post over "until 1 March" to
 * "from 1 March"). */
gboolean jp_contacts_is_valid_on       (JpItem     *contact,
                                        const char *date);

G_END_DECLS
