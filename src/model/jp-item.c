/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-item"

#include "config.h"

#include <string.h>

#include "model/jp-item-private.h"

struct _JpItem
{
  GObject     parent_instance;
  JpItemData  data;
  JpLang      lang;
  gboolean    removed;
  char       *label;
};

G_DEFINE_FINAL_TYPE (JpItem, jp_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_KIND,
  PROP_PARENT_ID,
  PROP_POSITION,
  PROP_REVISION,
  PROP_REMOVED,
  PROP_PHASE,
  PROP_STATUS,
  PROP_NUMBER,
  PROP_CODE,
  PROP_PERSON,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_VALID_FROM,
  PROP_VALID_UNTIL,
  PROP_TEAM,
  PROP_PROGRESS_DATE,
  PROP_LABEL,
  PROP_TITLE,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The property of each JpField, in the same order. */
static const guint field_props[JP_N_FIELDS] = {
  PROP_NUMBER, PROP_CODE, PROP_PERSON, PROP_EMAIL, PROP_PHONE,
  PROP_VALID_FROM, PROP_VALID_UNTIL, PROP_TEAM, PROP_PROGRESS_DATE,
};

void
_jp_item_data_clear (JpItemData *data)
{
  g_clear_pointer (&data->uid, g_free);
  for (guint f = 0; f < JP_N_FIELDS; f++)
    g_clear_pointer (&data->fields[f], g_free);
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      g_clear_pointer (&data->texts[t][l], g_free);
}

static void
jp_item_finalize (GObject *object)
{
  JpItem *self = JP_ITEM (object);

  _jp_item_data_clear (&self->data);
  g_free (self->label);

  G_OBJECT_CLASS (jp_item_parent_class)->finalize (object);
}

static void
jp_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JpItem *self = JP_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->data.id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->data.uid);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->data.kind);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->data.parent_id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->data.position);
      break;
    case PROP_REVISION:
      g_value_set_int64 (value, self->data.revision);
      break;
    case PROP_REMOVED:
      g_value_set_boolean (value, self->removed);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->data.phase);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->data.status);
      break;
    case PROP_NUMBER:
    case PROP_CODE:
    case PROP_PERSON:
    case PROP_EMAIL:
    case PROP_PHONE:
    case PROP_VALID_FROM:
    case PROP_VALID_UNTIL:
    case PROP_TEAM:
    case PROP_PROGRESS_DATE:
      for (guint f = 0; f < JP_N_FIELDS; f++)
        if (field_props[f] == prop_id)
          g_value_set_string (value, jp_item_get_field (self, f));
      break;
    case PROP_LABEL:
      g_value_set_string (value, jp_item_get_label (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, jp_item_get_display_text (self, JP_TEXT_TITLE, self->lang, NULL));
      break;
    case PROP_BODY:
      g_value_set_string (value, jp_item_get_display_text (self, JP_TEXT_BODY, self->lang, NULL));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_item_class_init (JpItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jp_item_finalize;
  object_class->get_property = jp_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, JP_TYPE_KIND, JP_KIND_PLAN, ro);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_REVISION] = g_param_spec_int64 ("revision", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_REMOVED] = g_param_spec_boolean ("removed", NULL, NULL, FALSE, ro);
  properties[PROP_PHASE] = g_param_spec_enum ("phase", NULL, NULL, JP_TYPE_PHASE, JP_PHASE_NONE, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, JP_TYPE_STATUS, JP_STATUS_NONE, ro);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, ro);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, ro);
  properties[PROP_PERSON] = g_param_spec_string ("person", NULL, NULL, NULL, ro);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, ro);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, ro);
  properties[PROP_VALID_FROM] = g_param_spec_string ("valid-from", NULL, NULL, NULL, ro);
  properties[PROP_VALID_UNTIL] = g_param_spec_string ("valid-until", NULL, NULL, NULL, ro);
  properties[PROP_TEAM] = g_param_spec_string ("team", NULL, NULL, NULL, ro);
  properties[PROP_PROGRESS_DATE] = g_param_spec_string ("progress-date", NULL, NULL, NULL, ro);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jp_item_init (JpItem *self)
{
}

JpItem *
_jp_item_new (JpItemData *data,
              JpLang      lang)
{
  JpItem *self = g_object_new (JP_TYPE_ITEM, NULL);

  self->data = *data;
  memset (data, 0, sizeof *data);
  self->lang = lang;
  return self;
}

static void
notify_label (JpItem *self)
{
  g_clear_pointer (&self->label, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

static void
notify_text (JpItem      *self,
             JpTextField  field)
{
  if (field == JP_TEXT_TITLE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  else if (field == JP_TEXT_BODY)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
  if (field == JP_TEXT_TITLE || field == JP_TEXT_BODY)
    notify_label (self);
}

void
_jp_item_update (JpItem     *self,
                 JpItemData *data)
{
  JpItemData old = self->data;

  g_return_if_fail (data->id == old.id);

  self->data = *data;
  memset (data, 0, sizeof *data);

  g_object_freeze_notify (G_OBJECT (self));
  /* The row is back (an undo of its removal). */
  if (self->removed)
    {
      self->removed = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOVED]);
    }
  if (old.parent_id != self->data.parent_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
  if (old.position != self->data.position)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  if (old.revision != self->data.revision)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
  if (old.phase != self->data.phase)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
  if (old.status != self->data.status)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (g_strcmp0 (old.uid, self->data.uid) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
  for (guint f = 0; f < JP_N_FIELDS; f++)
    if (g_strcmp0 (old.fields[f], self->data.fields[f]) != 0)
      {
        g_object_notify_by_pspec (G_OBJECT (self), properties[field_props[f]]);
        if (f == JP_FIELD_NUMBER || f == JP_FIELD_PERSON || f == JP_FIELD_CODE)
          notify_label (self);
      }
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      if (g_strcmp0 (old.texts[t][l], self->data.texts[t][l]) != 0)
        notify_text (self, t);
  g_object_thaw_notify (G_OBJECT (self));

  _jp_item_data_clear (&old);
}

void
_jp_item_set_text (JpItem      *self,
                   JpTextField  field,
                   JpLang       lang,
                   const char  *value,
                   gint64       revision)
{
  char **slot = &self->data.texts[field][lang];

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (*slot, value) != 0)
    {
      g_free (*slot);
      *slot = (value && *value) ? g_strdup (value) : NULL;
      notify_text (self, field);
    }
  if (self->data.revision != revision)
    {
      self->data.revision = revision;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_jp_item_set_lang (JpItem *self,
                   JpLang  lang)
{
  if (self->lang == lang)
    return;
  self->lang = lang;
  g_object_freeze_notify (G_OBJECT (self));
  notify_text (self, JP_TEXT_TITLE);
  notify_text (self, JP_TEXT_BODY);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_jp_item_set_removed (JpItem *self)
{
  if (self->removed)
    return;
  self->removed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOVED]);
}

gint64
jp_item_get_id (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), 0);
  return self->data.id;
}

const char *
jp_item_get_uid (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);
  return self->data.uid;
}

JpKind
jp_item_get_kind (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), JP_KIND_ITEM);
  return self->data.kind;
}

gint64
jp_item_get_parent_id (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), 0);
  return self->data.parent_id;
}

guint
jp_item_get_position (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), 0);
  return self->data.position;
}

gint64
jp_item_get_revision (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), 0);
  return self->data.revision;
}

gboolean
jp_item_get_removed (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), TRUE);
  return self->removed;
}

JpPhase
jp_item_get_phase (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), JP_PHASE_NONE);
  return self->data.phase;
}

JpStatus
jp_item_get_status (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), JP_STATUS_NONE);
  return self->data.status;
}

const char *
jp_item_get_field (JpItem  *self,
                   JpField  field)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);
  g_return_val_if_fail ((guint) field < JP_N_FIELDS, NULL);
  return self->data.fields[field];
}

const char *
jp_item_get_text (JpItem      *self,
                  JpTextField  field,
                  JpLang       lang)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);
  g_return_val_if_fail ((guint) field < JP_N_TEXTS, NULL);
  g_return_val_if_fail ((guint) lang < JP_N_LANGS, NULL);
  return self->data.texts[field][lang];
}

const char *
jp_item_get_display_text (JpItem      *self,
                          JpTextField  field,
                          JpLang       lang,
                          gboolean    *fallback)
{
  const char *text;

  g_return_val_if_fail (JP_IS_ITEM (self), "");

  if (fallback)
    *fallback = FALSE;
  text = jp_item_get_text (self, field, lang);
  if (text && *text)
    return text;
  text = jp_item_get_text (self, field, lang == JP_LANG_NL ? JP_LANG_FR : JP_LANG_NL);
  if (text && *text)
    {
      if (fallback)
        *fallback = TRUE;
      return text;
    }
  return "";
}

static char *
first_line (const char *text)
{
  const char *end = strchr (text, '\n');
  gsize len = end ? (gsize) (end - text) : strlen (text);

  if (len > 160)
    {
      const char *cut = g_utf8_find_prev_char (text, text + 160);
      return g_strdup_printf ("%.*s…", (int) (cut - text), text);
    }
  return g_strndup (text, len);
}

const char *
jp_item_get_label (JpItem *self)
{
  const char *number, *title;

  g_return_val_if_fail (JP_IS_ITEM (self), "");

  if (self->label)
    return self->label;

  number = self->data.fields[JP_FIELD_NUMBER];
  title = jp_item_get_display_text (self, JP_TEXT_TITLE, self->lang, NULL);
  if (!*title)
    title = jp_item_get_display_text (self, JP_TEXT_BODY, self->lang, NULL);
  if (!*title && self->data.fields[JP_FIELD_PERSON])
    title = self->data.fields[JP_FIELD_PERSON];
  if (!*title && self->data.fields[JP_FIELD_CODE])
    title = self->data.fields[JP_FIELD_CODE];

  {
    g_autofree char *line = first_line (title);
    if (number && *number && self->data.kind != JP_KIND_PLAN)
      self->label = g_strdup_printf ("%s %s", number, line);
    else
      self->label = g_steal_pointer (&line);
  }
  return self->label;
}

void
jp_item_count_texts (JpItem *self,
                     guint  *n_texts,
                     guint  *n_translated)
{
  guint texts = 0, translated = 0;

  g_return_if_fail (JP_IS_ITEM (self));

  for (guint t = 0; t < JP_N_TEXTS; t++)
    {
      gboolean nl = self->data.texts[t][JP_LANG_NL] != NULL;
      gboolean fr = self->data.texts[t][JP_LANG_FR] != NULL;
      if (nl || fr)
        texts++;
      if (nl && fr)
        translated++;
    }
  if (n_texts)
    *n_texts = texts;
  if (n_translated)
    *n_translated = translated;
}
