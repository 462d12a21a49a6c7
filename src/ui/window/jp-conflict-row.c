/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-conflict-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/window/jp-conflict-row.h"

struct _JpConflictRow
{
  GtkListBoxRow    parent_instance;

  char            *uid;

  GtkLabel        *title_label;
  GtkLabel        *kind_label;
  GtkLabel        *mine_label;
  GtkLabel        *theirs_label;
  GtkToggleButton *mine_button;
  GtkToggleButton *theirs_button;
};

G_DEFINE_FINAL_TYPE (JpConflictRow, jp_conflict_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CHOICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
describe_kind (JpConflictKind kind)
{
  switch (kind)
    {
    case JP_CONFLICT_ADDED:
      return _("Added in this plan and in the file, differently.");
    case JP_CONFLICT_REMOVED_IN_FILE:
      return _("Removed in the file, changed in this plan since it was sent.");
    case JP_CONFLICT_REMOVED_IN_DATABASE:
      return _("Changed in the file, removed from this plan since it was sent.");
    case JP_CONFLICT_ORDER:
      return _("Put in another order in the file and in this plan.");
    case JP_CONFLICT_CHANGED:
    default:
      return _("Changed in the file and in this plan since it was sent.");
    }
}

static void
on_toggled (JpConflictRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
}

static void
jp_conflict_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JpConflictRow *self = JP_CONFLICT_ROW (object);

  switch (prop_id)
    {
    case PROP_CHOICE:
      g_value_set_int (value, jp_conflict_row_get_choice (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_conflict_row_finalize (GObject *object)
{
  JpConflictRow *self = JP_CONFLICT_ROW (object);

  g_free (self->uid);
  G_OBJECT_CLASS (jp_conflict_row_parent_class)->finalize (object);
}

static void
jp_conflict_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_CONFLICT_ROW);
  G_OBJECT_CLASS (jp_conflict_row_parent_class)->dispose (object);
}

static void
jp_conflict_row_class_init (JpConflictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = jp_conflict_row_get_property;
  object_class->dispose = jp_conflict_row_dispose;
  object_class->finalize = jp_conflict_row_finalize;

  properties[PROP_CHOICE] =
    g_param_spec_int ("choice", NULL, NULL, JP_CHOICE_NONE, JP_CHOICE_MINE, JP_CHOICE_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "jp-conflict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpConflictRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, JpConflictRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, JpConflictRow, mine_label);
  gtk_widget_class_bind_template_child (widget_class, JpConflictRow, theirs_label);
  gtk_widget_class_bind_template_child (widget_class, JpConflictRow, mine_button);
  gtk_widget_class_bind_template_child (widget_class, JpConflictRow, theirs_button);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled);
}

static void
jp_conflict_row_init (JpConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_conflict_row_new (const JpImportConflict *conflict)
{
  JpConflictRow *self;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);

  self = g_object_new (JP_TYPE_CONFLICT_ROW, NULL);
  self->uid = g_strdup (conflict->uid);
  gtk_label_set_label (self->title_label, conflict->label ? conflict->label : conflict->uid);
  gtk_label_set_label (self->kind_label, describe_kind (conflict->kind));
  /* Translators: the version of an item in this database. */
  mine = g_strdup_printf (_("This plan: %s"), conflict->mine ? conflict->mine : "");
  /* Translators: the version of an item in the imported file. */
  theirs = g_strdup_printf (_("The file: %s"), conflict->theirs ? conflict->theirs : "");
  gtk_label_set_label (self->mine_label, mine);
  gtk_label_set_label (self->theirs_label, theirs);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  conflict->label ? conflict->label : conflict->uid, -1);
  return GTK_WIDGET (self);
}

const char *
jp_conflict_row_get_uid (JpConflictRow *self)
{
  g_return_val_if_fail (JP_IS_CONFLICT_ROW (self), NULL);
  return self->uid;
}

JpImportChoice
jp_conflict_row_get_choice (JpConflictRow *self)
{
  g_return_val_if_fail (JP_IS_CONFLICT_ROW (self), JP_CHOICE_NONE);

  if (gtk_toggle_button_get_active (self->mine_button))
    return JP_CHOICE_MINE;
  if (gtk_toggle_button_get_active (self->theirs_button))
    return JP_CHOICE_THEIRS;
  return JP_CHOICE_NONE;
}

void
jp_conflict_row_set_choice (JpConflictRow  *self,
                            JpImportChoice  choice)
{
  g_return_if_fail (JP_IS_CONFLICT_ROW (self));

  if (choice == JP_CHOICE_MINE)
    gtk_toggle_button_set_active (self->mine_button, TRUE);
  else if (choice == JP_CHOICE_THEIRS)
    gtk_toggle_button_set_active (self->theirs_button, TRUE);
}
