/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-change-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/jp-field-titles.h"
#include "ui/jp-change-ui.h"
#include "ui/jp-kind-ui.h"

const char *
jp_text_field_get_title (JpTextField field,
                         JpKind      kind)
{
  return jp_text_field_title (field, kind, JP_N_LANGS);
}

const char *
jp_field_get_title (JpField field)
{
  return jp_field_title (field, JP_N_LANGS);
}

/* The name of what @change changed in its item. */
static const char *
change_subject (const JpChange *change,
                JpKind          kind)
{
  switch (change->kind)
    {
    case JP_CHANGE_TEXT:
      return jp_text_field_get_title (change->detail / JP_N_LANGS, kind);
    case JP_CHANGE_FIELD:
      return jp_field_get_title (change->detail);
    case JP_CHANGE_PHASE:
      return _("Phase");
    case JP_CHANGE_STATUS:
      return _("Status");
    case JP_CHANGE_LINK:
      return _("Policy Areas");
    case JP_CHANGE_NONE:
    case JP_CHANGE_ADD:
    case JP_CHANGE_REMOVE:
    case JP_CHANGE_MOVE:
    case JP_CHANGE_IMPORT:
    case JP_CHANGE_NEW_PLAN:
    case JP_CHANGE_CLOSE_YEAR:
    default:
      return "";
    }
}

char *
jp_change_describe (const JpChange *change,
                    JpStore        *store,
                    gboolean        redo)
{
  g_autoptr(JpItem) item = NULL;
  g_autofree char *short_label = NULL;
  const char *label = change->label ? change->label : "";
  JpKind kind = JP_KIND_PLAN;

  g_return_val_if_fail (change != NULL, NULL);
  g_return_val_if_fail (JP_IS_STORE (store), NULL);

  /* The item as it reads now; the label noted with the change if it is
   * gone; its kind's name if it has no text yet. */
  if (change->item != 0)
    item = jp_store_lookup (store, change->item);
  if (item != NULL)
    {
      kind = jp_item_get_kind (item);
      if (*jp_item_get_label (item))
        label = jp_item_get_label (item);
    }
  else if (change->kind == JP_CHANGE_ADD || change->kind == JP_CHANGE_REMOVE)
    kind = change->detail;
  if (*label == '\0')
    label = jp_kind_get_title (kind);
  /* A toast has room for the start of a long text. */
  if (g_utf8_strlen (label, -1) > 40)
    {
      g_autofree char *start = g_strndup (label, g_utf8_offset_to_pointer (label, 39) - label);

      label = short_label = g_strconcat (start, "…", NULL);
    }

  switch (change->kind)
    {
    case JP_CHANGE_TEXT:
    case JP_CHANGE_FIELD:
    case JP_CHANGE_PHASE:
    case JP_CHANGE_STATUS:
    case JP_CHANGE_LINK:
      /* Translators: a toast after undo: "Phone of “L. Willems” restored";
       * the first %s names a text or value, the second the item. */
      return redo ? g_strdup_printf (_("%s of “%s” changed again"), change_subject (change, kind), label)
                  : g_strdup_printf (_("%s of “%s” restored"), change_subject (change, kind), label);
    case JP_CHANGE_ADD:
      return redo ? g_strdup_printf (_("“%s” added again"), label)
                  : g_strdup_printf (_("Adding “%s” undone"), label);
    case JP_CHANGE_REMOVE:
      return redo ? g_strdup_printf (_("“%s” removed again"), label)
                  : g_strdup_printf (_("“%s” restored"), label);
    case JP_CHANGE_MOVE:
      return redo ? g_strdup_printf (_("“%s” moved again"), label)
                  : g_strdup_printf (_("“%s” moved back"), label);
    case JP_CHANGE_IMPORT:
      /* Translators: %s is the name of the file that was imported. */
      return redo ? g_strdup_printf (_("Import of “%s” redone"), change->label)
                  : g_strdup_printf (_("Import of “%s” undone"), change->label);
    case JP_CHANGE_NEW_PLAN:
      /* Translators: %s is the year of the plan made from the last one. */
      return redo ? g_strdup_printf (_("Annual plan %s made again"), change->label)
                  : g_strdup_printf (_("Making the annual plan %s undone"), change->label);
    case JP_CHANGE_CLOSE_YEAR:
      /* Undoing a reopening closes the year again, and so on. */
      return (change->detail != 0) == redo ? g_strdup_printf (_("Annual plan %s closed again"), change->label)
                                           : g_strdup_printf (_("Annual plan %s reopened"), change->label);
    case JP_CHANGE_NONE:
    default:
      return g_strdup (redo ? _("Last change redone") : _("Last change undone"));
    }
}
