/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "model/jp-field-titles.h"

const char *
jp_field_title (JpField field,
                JpLang  lang)
{
  /* Translators: the values of an item, as the panes name them. */
  static const char * const titles[JP_N_FIELDS] = {
    [JP_FIELD_NUMBER]      = N_("Number"),
    [JP_FIELD_CODE]        = N_("Code"),
    [JP_FIELD_PERSON]      = N_("Name"),
    [JP_FIELD_EMAIL]       = N_("E-mail"),
    [JP_FIELD_PHONE]       = N_("Phone"),
    [JP_FIELD_VALID_FROM]  = N_("Valid From"),
    [JP_FIELD_VALID_UNTIL] = N_("Valid Until"),
    [JP_FIELD_TEAM]        = N_("Owning Team"),
    [JP_FIELD_PROGRESS_DATE] = N_("Progress Updated"),
  };

  if ((guint) field >= JP_N_FIELDS)
    return "";
  return jp_i18n_translate (lang, NULL, titles[field]);
}

const char *
jp_text_field_title (JpTextField field,
                     JpKind      kind,
                     JpLang      lang)
{
  const char *msgid;

  switch (field)
    {
    case JP_TEXT_TITLE:
      if (kind == JP_KIND_TEAM)
        msgid = N_("Team Name");
      else if (kind == JP_KIND_SUBJECT)
        msgid = N_("Role or Subject");
      else
        msgid = N_("Title");
      break;
    case JP_TEXT_BODY:
      msgid = kind == JP_KIND_CHAPTER ? N_("Introduction") : N_("Text");
      break;
    case JP_TEXT_NOTE:
      msgid = N_("Notes");
      break;
    case JP_TEXT_AMBITION:
      msgid = N_("Ambition");
      break;
    case JP_TEXT_LEGITIMATION:
      msgid = N_("Legitimation");
      break;
    case JP_TEXT_REFERENCE:
      msgid = N_("Reference");
      break;
    case JP_TEXT_PROGRESS:
      msgid = N_("Progress");
      break;
    case JP_N_TEXTS:
    default:
      msgid = N_("Text");
      break;
    }
  return jp_i18n_translate (lang, NULL, msgid);
}
