/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publish-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/window/jp-publish-dialog.h"

/* The options of the published plan, asked in a window of their own
 * rather than in a tab of the print dialog: exporting as PDF asks the
 * same, and the print portal of a sandboxed application shows no tab of
 * the application's. */

struct _JpPublishDialog
{
  AdwWindow       parent_instance;

  JpItem         *scope;
  char           *number;
  gboolean        print;
  gboolean        report;
  gboolean        responded;

  AdwWindowTitle *window_title;
  GtkWidget      *print_button;
  GtkWidget      *export_button;
  GtkWidget      *parts_group;
  GtkWidget      *scope_group;
  GtkWidget      *status_group;
  AdwActionRow   *scope_row;
  GtkCheckButton *plan_check;
  GtkCheckButton *programme_check;
  GtkCheckButton *contacts_check;
  GtkCheckButton *nl_check;
  GtkCheckButton *fr_check;
  GtkSwitch      *status_switch;
};

G_DEFINE_FINAL_TYPE (JpPublishDialog, jp_publish_dialog, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
jp_publish_dialog_respond (JpPublishDialog *self,
                           const char      *response)
{
  g_return_if_fail (JP_IS_PUBLISH_DIALOG (self));

  if (self->responded)
    return;
  self->responded = TRUE;
  g_object_ref (self);
  g_signal_emit (self, signals[RESPONSE], 0, response);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_cancel_clicked (JpPublishDialog *self)
{
  jp_publish_dialog_respond (self, "cancel");
}

static void
on_accept_clicked (JpPublishDialog *self)
{
  jp_publish_dialog_respond (self, self->print ? "print" : "export");
}

/* Without any part there is nothing to print. */
static void
update_accept (JpPublishDialog *self)
{
  gboolean any = JP_IS_ITEM (self->scope) && jp_item_get_kind (self->scope) != JP_KIND_PLAN;

  any = any || gtk_check_button_get_active (self->plan_check) ||
        gtk_check_button_get_active (self->programme_check) ||
        gtk_check_button_get_active (self->contacts_check);
  gtk_widget_set_sensitive (self->print_button, any);
  gtk_widget_set_sensitive (self->export_button, any);
}

/* Closed (Escape, the window manager): cancelled; GTK destroys it. */
static gboolean
close_request (GtkWindow *window)
{
  JpPublishDialog *self = JP_PUBLISH_DIALOG (window);

  if (!self->responded)
    {
      self->responded = TRUE;
      g_signal_emit (self, signals[RESPONSE], 0, "cancel");
    }
  return FALSE;
}

static void
jp_publish_dialog_dispose (GObject *object)
{
  JpPublishDialog *self = JP_PUBLISH_DIALOG (object);

  g_clear_object (&self->scope);
  g_clear_pointer (&self->number, g_free);
  G_OBJECT_CLASS (jp_publish_dialog_parent_class)->dispose (object);
}

static void
jp_publish_dialog_class_init (JpPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jp_publish_dialog_dispose;
  window_class->close_request = close_request;

  signals[RESPONSE] = g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, parts_group);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, scope_group);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, plan_check);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, programme_check);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, contacts_check);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, nl_check);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, fr_check);
  gtk_widget_class_bind_template_child (widget_class, JpPublishDialog, status_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jp_publish_dialog_init (JpPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->plan_check, "notify::active", G_CALLBACK (update_accept), self);
  g_signal_connect_swapped (self->programme_check, "notify::active", G_CALLBACK (update_accept), self);
  g_signal_connect_swapped (self->contacts_check, "notify::active", G_CALLBACK (update_accept), self);
}

/* The title: what is done, and to what. */
static const char *
describe_action (JpKind   kind,
                 gboolean print)
{
  switch (kind)
    {
    case JP_KIND_SECTION:
      return print ? _("Print Section") : _("Export Section as PDF");
    case JP_KIND_CHAPTER:
      return print ? _("Print Chapter") : _("Export Chapter as PDF");
    default:
      return print ? _("Print Plan") : _("Export Plan as PDF");
    }
}

JpPublishDialog *
jp_publish_dialog_new (GtkWindow *parent,
                       JpItem    *scope,
                       JpLang     lang,
                       gboolean   print)
{
  JpPublishDialog *self;
  JpKind kind;
  gboolean whole;

  g_return_val_if_fail (JP_IS_ITEM (scope), NULL);

  self = g_object_new (JP_TYPE_PUBLISH_DIALOG, "transient-for", parent, NULL);
  self->scope = g_object_ref (scope);
  self->print = print;
  kind = jp_item_get_kind (scope);
  whole = kind != JP_KIND_SECTION && kind != JP_KIND_CHAPTER;
  if (!whole)
    self->number = g_strdup (jp_item_get_field (scope, JP_FIELD_NUMBER));

  gtk_window_set_title (GTK_WINDOW (self), describe_action (kind, print));
  adw_window_title_set_title (self->window_title, describe_action (kind, print));
  adw_window_title_set_subtitle (self->window_title, whole ? NULL : jp_item_get_label (scope));
  gtk_widget_set_visible (self->print_button, print);
  gtk_widget_set_visible (self->export_button, !print);
  gtk_widget_set_visible (self->parts_group, whole);
  gtk_widget_set_visible (self->scope_group, !whole);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row), jp_item_get_label (scope));
  gtk_check_button_set_active (lang == JP_LANG_FR ? self->fr_check : self->nl_check, TRUE);
  update_accept (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), print ? self->print_button : self->export_button);
  /* Enter goes on, never to Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), print ? self->print_button : self->export_button);
  return self;
}

JpPublishDialog *
jp_publish_dialog_new_report (GtkWindow *parent,
                              JpItem    *root,
                              JpLang     lang,
                              gboolean   print)
{
  JpPublishDialog *self;
  const char *title;

  g_return_val_if_fail (JP_IS_ITEM (root), NULL);

  self = jp_publish_dialog_new (parent, root, lang, print);
  self->report = TRUE;
  title = print ? _("Print Annual Report") : _("Export Annual Report");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  /* The year reported on. */
  adw_window_title_set_subtitle (self->window_title, jp_item_get_field (root, JP_FIELD_NUMBER));
  /* The report is every project's status and progress: only its
   * language is asked. */
  gtk_widget_set_visible (self->parts_group, FALSE);
  gtk_widget_set_visible (self->status_group, FALSE);
  return self;
}

JpItem *
jp_publish_dialog_get_scope (JpPublishDialog *self)
{
  g_return_val_if_fail (JP_IS_PUBLISH_DIALOG (self), NULL);
  return self->scope;
}

void
jp_publish_dialog_get_options (JpPublishDialog      *self,
                               JpPublicationOptions *options)
{
  g_return_if_fail (JP_IS_PUBLISH_DIALOG (self));
  g_return_if_fail (options != NULL);

  *options = (JpPublicationOptions) { 0, };
  options->lang = gtk_check_button_get_active (self->fr_check) ? JP_LANG_FR : JP_LANG_NL;
  options->with_status = gtk_switch_get_active (self->status_switch);
  options->report = self->report;
  if (self->report)
    options->with_status = FALSE;
  else if (jp_item_get_kind (self->scope) == JP_KIND_SECTION)
    options->section = self->number;
  else if (jp_item_get_kind (self->scope) == JP_KIND_CHAPTER)
    options->chapter = self->number;
  else
    {
      if (gtk_check_button_get_active (self->plan_check))
        options->parts |= JP_PUBLICATION_PART_PLAN;
      if (gtk_check_button_get_active (self->programme_check))
        options->parts |= JP_PUBLICATION_PART_PROGRAMME;
      if (gtk_check_button_get_active (self->contacts_check))
        options->parts |= JP_PUBLICATION_PART_CONTACTS;
    }
}

void
jp_publish_dialog_set_options (JpPublishDialog            *self,
                               const JpPublicationOptions *options)
{
  JpPublicationParts parts;

  g_return_if_fail (JP_IS_PUBLISH_DIALOG (self));
  g_return_if_fail (options != NULL);

  parts = options->parts ? options->parts : JP_PUBLICATION_PARTS_ALL;
  gtk_check_button_set_active (self->plan_check, (parts & JP_PUBLICATION_PART_PLAN) != 0);
  gtk_check_button_set_active (self->programme_check, (parts & JP_PUBLICATION_PART_PROGRAMME) != 0);
  gtk_check_button_set_active (self->contacts_check, (parts & JP_PUBLICATION_PART_CONTACTS) != 0);
  gtk_check_button_set_active (options->lang == JP_LANG_FR ? self->fr_check : self->nl_check, TRUE);
  gtk_switch_set_active (self->status_switch, options->with_status);
}
