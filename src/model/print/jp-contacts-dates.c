/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-dates"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "model/print/jp-contacts-dates.h"

static gboolean
parse_date (const char *iso,
            guint      *year,
            guint      *month,
            guint      *day)
{
  if (iso == NULL || strlen (iso) != 10 || sscanf (iso, "%4u-%2u-%2u", year, month, day) != 3)
    return FALSE;
  return g_date_valid_dmy (*day, *month, *year);
}

char *
jp_contacts_format_date_in (const char *iso,
                            JpLang      lang)
{
  /* The month names come from the translations, not from the C library:
   * a fresh machine has no Dutch or French locale. */
  static const char * const months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  guint year, month, day;
  const char *name;

  if (!parse_date (iso, &year, &month, &day))
    return NULL;
  name = jp_i18n_translate (lang, "month", months[month - 1]);
  if (day == 1)
    /* Translators: the first day of a month: month name (%1$s), year
     * (%2$u), as in "1 March 2013": French writes "1er %1$s %2$u", Dutch
     * "1 %1$s %2$u". */
    return g_strdup_printf (jp_i18n_translate (lang, "the first day of a month",
                                               NC_("the first day of a month", "1 %1$s %2$u")),
                            name, year);
  /* Translators: a date: day (%1$u), month name (%2$s), year (%3$u), as in
   * "2 March 2013".  Reorder them if your language wants it. */
  return g_strdup_printf (jp_i18n_translate (lang, "date", NC_("date", "%1$u %2$s %3$u")),
                          day, name, year);
}

char *
jp_contacts_format_date (const char *iso)
{
  return jp_contacts_format_date_in (iso, JP_N_LANGS);
}

char *
jp_contacts_until_to_last_day (const char *until)
{
  guint year, month, day;
  g_autoptr(GDate) date = NULL;

  if (!parse_date (until, &year, &month, &day))
    return NULL;
  date = g_date_new_dmy (day, month, year);
  if (g_date_get_julian (date) <= 1)
    return NULL;
  g_date_subtract_days (date, 1);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
jp_contacts_last_day_to_until (const char *last_day)
{
  guint year, month, day;
  g_autoptr(GDate) date = NULL;

  if (!parse_date (last_day, &year, &month, &day))
    return NULL;
  date = g_date_new_dmy (day, month, year);
  g_date_add_days (date, 1);
  if (g_date_get_year (date) > 9999)
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
jp_contacts_format_validity_in (JpItem *contact,
                                JpLang  lang)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *last_day = NULL;

  g_return_val_if_fail (JP_IS_ITEM (contact), NULL);

  /* The stored end is the first day no longer valid: what is read is the
   * last valid day, with words that include it, so that "through 28
   * February" never overlaps the successor's "from 1 March". */
  last_day = jp_contacts_until_to_last_day (jp_item_get_field (contact, JP_FIELD_VALID_UNTIL));
  from = jp_contacts_format_date_in (jp_item_get_field (contact, JP_FIELD_VALID_FROM), lang);
  until = jp_contacts_format_date_in (last_day, lang);
  if (from && until)
    /* Translators: how long a person is the contact, both days included,
     * e.g. "from 1 March 2013 through 31 May 2013" ("van 1 maart 2013 tot
     * en met 31 mei 2013", "du 1er mars 2013 au 31 mai 2013"). */
    return g_strdup_printf (jp_i18n_translate (lang, NULL, N_("from %s through %s")), from, until);
  if (until)
    /* Translators: the last day a person is the contact, included, e.g.
     * "through 28 February 2013" ("tot en met 28 februari 2013",
     * "jusqu’au 28 février 2013"). */
    return g_strdup_printf (jp_i18n_translate (lang, NULL, N_("through %s")), until);
  if (from)
    /* Translators: e.g. "from 1 March 2013" ("vanaf 1 maart 2013"). */
    return g_strdup_printf (jp_i18n_translate (lang, NULL, N_("from %s")), from);
  return NULL;
}

char *
jp_contacts_format_validity (JpItem *contact)
{
  return jp_contacts_format_validity_in (contact, JP_N_LANGS);
}

gboolean
jp_contacts_is_valid_on (JpItem     *contact,
                         const char *date)
{
  const char *from, *until;

  g_return_val_if_fail (JP_IS_ITEM (contact), TRUE);

  from = jp_item_get_field (contact, JP_FIELD_VALID_FROM);
  until = jp_item_get_field (contact, JP_FIELD_VALID_UNTIL);
  if (from && *from && strcmp (date, from) < 0)
    return FALSE;
  if (until && *until && strcmp (date, until) >= 0)
    return FALSE;
  return TRUE;
}
