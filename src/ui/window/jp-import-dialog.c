/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-import-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/jp-difference-ui.h"
#include "ui/jp-kind-ui.h"
#include "ui/window/jp-conflict-row.h"
#include "ui/window/jp-export-dialog.h"
#include "ui/window/jp-import-dialog.h"

struct _JpImportDialog
{
  AdwMessageDialog   parent_instance;

  GFile             *file;
  JpImportFlags      flags;
  guint              n_conflicts;

  GtkLabel          *note_label;
  GtkScrolledWindow *conflicts_scroller;
  GtkListBox        *conflicts;
  GtkWidget         *review_box;
  GtkLabel          *review_label;
  GtkListBox        *differences;
};

G_DEFINE_FINAL_TYPE (JpImportDialog, jp_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
jp_import_dialog_dispose (GObject *object)
{
  JpImportDialog *self = JP_IMPORT_DIALOG (object);

  g_clear_object (&self->file);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (jp_import_dialog_parent_class)->dispose (object);
}

static GtkCheckButton *
row_check (GtkWidget *row)
{
  return jp_difference_row_get_check (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

static void
set_all_checks (JpImportDialog *self,
                gboolean        active)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->differences));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      gtk_check_button_set_active (row_check (row), active);
}

static void
on_select_all (JpImportDialog *self)
{
  set_all_checks (self, TRUE);
}

static void
on_select_none (JpImportDialog *self)
{
  set_all_checks (self, FALSE);
}

/* A click anywhere on a difference takes it or leaves it. */
static void
on_difference_activated (JpImportDialog *self,
                         GtkListBoxRow  *row)
{
  GtkCheckButton *check = row_check (GTK_WIDGET (row));

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
jp_import_dialog_class_init (JpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "jp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, conflicts_scroller);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, conflicts);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, review_box);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, review_label);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, differences);
  gtk_widget_class_bind_template_callback (widget_class, on_select_all);
  gtk_widget_class_bind_template_callback (widget_class, on_select_none);
  gtk_widget_class_bind_template_callback (widget_class, on_difference_activated);
}

static void
jp_import_dialog_init (JpImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Importing waits for a choice on every conflicting item. */
static void
update_import (JpImportDialog *self)
{
  gboolean all = TRUE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts));
       row != NULL && all; row = gtk_widget_get_next_sibling (row))
    if (JP_IS_CONFLICT_ROW (row) && jp_conflict_row_get_choice (JP_CONFLICT_ROW (row)) == JP_CHOICE_NONE)
      all = FALSE;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import", all);
}

static void
show_note (JpImportDialog *self,
           const char     *note)
{
  gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');
}

static void
fill_conflicts (JpImportDialog       *self,
                const JpImportReport *report)
{
  g_autofree char *body = NULL;

  self->n_conflicts = report->conflicts ? report->conflicts->len : 0;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Since this file was sent, %u item was changed both in the file and "
                                       "in this plan. Choose for it which version to keep; nothing is "
                                       "imported until you do.",
                                       "Since this file was sent, %u items were changed both in the file "
                                       "and in this plan. Choose for each which version to keep; nothing is "
                                       "imported until you do.",
                                       self->n_conflicts), self->n_conflicts);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  for (guint i = 0; i < self->n_conflicts; i++)
    {
      GtkWidget *row = jp_conflict_row_new (report->conflicts->pdata[i]);

      g_signal_connect_object (row, "notify::choice", G_CALLBACK (update_import), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->conflicts, row);
    }
  /* Wrapped labels make a list's natural height unreliable: room for
   * up to two conflicts is asked for, more scroll. */
  gtk_scrolled_window_set_min_content_height (self->conflicts_scroller, MIN (self->n_conflicts, 2) * 190);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_scroller), self->n_conflicts > 0);
  update_import (self);
}

static void
update_review_label (JpImportDialog *self)
{
  guint total = 0, taken = 0;
  g_autofree char *text = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->differences));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      {
        total++;
        taken += gtk_check_button_get_active (row_check (row));
      }
  /* Translators: how many of the differences of a file, listed below,
   * are ticked to be imported. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u change to import",
                                       "%u of %u changes to import", total), taken, total);
  gtk_label_set_label (self->review_label, text);
}

/* Each section's differences under its number and title. */
static void
section_header (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       user_data)
{
  const char *group = g_object_get_data (G_OBJECT (row), "jp-group");
  GtkWidget *label;

  if (before && g_strcmp0 (group, g_object_get_data (G_OBJECT (before), "jp-group")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (g_object_get_data (G_OBJECT (row), "jp-group-label"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_header (row, label);
}

/* Every difference of the file, each ticked to be imported. */
static void
fill_differences (JpImportDialog       *self,
                  const JpImportReport *report,
                  JpLang                lang)
{
  GPtrArray *all = report->differences ? report->differences->differences : NULL;

  gtk_widget_set_visible (self->review_box, all != NULL && all->len > 0);
  if (all == NULL || all->len == 0)
    return;
  gtk_list_box_set_header_func (self->differences, section_header, NULL, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      const JpDifference *d = all->pdata[i];
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *child = jp_difference_row_new (d, lang, TRUE);
      g_autofree char *group = NULL;

      if (d->group && *d->group)
        group = jp_difference_describe_item (d->group_number, d->group_titles, lang, JP_KIND_SECTION);
      else
        group = g_strdup (_("The plan"));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "jp-uid", g_strdup (d->uid), g_free);
      g_object_set_data_full (G_OBJECT (row), "jp-group", g_strdup (d->group), g_free);
      g_object_set_data_full (G_OBJECT (row), "jp-group-label", g_steal_pointer (&group), g_free);
      g_signal_connect_object (jp_difference_row_get_check (child), "notify::active",
                               G_CALLBACK (update_review_label), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->differences, row);
    }
  update_review_label (self);
}

static char *
describe_kept (const JpImportReport *report)
{
  GString *note = g_string_new (NULL);

  if (report->unchecked)
    g_string_append (note, report->unchecked);
  if (report->kept > 0)
    {
      if (note->len > 0)
        g_string_append_c (note, '\n');
      g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u item changed in this plan since the file was sent keeps "
                                                 "this plan’s version.",
                                                 "%u items changed in this plan since the file was sent keep "
                                                 "this plan’s version.", report->kept), report->kept);
    }
  return g_string_free (note, FALSE);
}

char *
jp_import_report_describe_kinds (const JpImportReport *report)
{
  GString *lines = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  for (JpKind k = 0; k < JP_N_KINDS; k++)
    {
      g_autofree char *counts = NULL;

      if (report->added[k] + report->changed[k] + report->removed[k] == 0)
        continue;
      counts = jp_import_counts_describe (report->added[k], report->changed[k], report->removed[k]);
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      /* Translators: a kind of item ("Project"), then what an import
       * did to those of that kind ("added 1, changed 0, removed 2"). */
      g_string_append_printf (lines, C_("import counts of one kind", "%s: %s"), jp_kind_get_title (k), counts);
    }
  return g_string_free (lines, FALSE);
}

/* The counts, then the same per kind of item. */
static char *
describe_all (const JpImportReport *report)
{
  g_autofree char *what = jp_import_report_describe (report);
  g_autofree char *kinds = jp_import_report_describe_kinds (report);

  return *kinds ? g_strdup_printf ("%s\n\n%s", what, kinds) : g_steal_pointer (&what);
}

/* @body, then what would change per kind of item. */
static void
set_body_with_kinds (JpImportDialog       *self,
                     const char           *body,
                     const JpImportReport *report)
{
  g_autofree char *kinds = jp_import_report_describe_kinds (report);
  g_autofree char *full = *kinds ? g_strdup_printf ("%s\n\n%s", body, kinds) : NULL;

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), full ? full : body);
}

JpImportDialog *
jp_import_dialog_new (GtkWindow            *parent,
                      GFile                *file,
                      const JpImportReport *report,
                      const GError         *refusal,
                      JpLang                lang)
{
  JpImportDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *what = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (JP_TYPE_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  heading = g_strdup_printf (_("Import “%s”?"), name);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  what = jp_import_report_describe (report);
  note = describe_kept (report);

  if (refusal && g_error_matches (refusal, JP_XML_ERROR, JP_XML_ERROR_MASS_REMOVAL))
    {
      g_autofree char *body = NULL;
      guint removed = jp_import_report_removed_total (report);

      self->flags = JP_IMPORT_FORCE;
      /* Translators: the first %u is a count of items, the second the
       * plan's items in all. */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "This file holds a whole plan. Importing it removes %u of the %u item of "
                                           "this plan: %s. You can undo the import afterwards.",
                                           "This file holds a whole plan. Importing it removes %u of the %u items of "
                                           "this plan: %s. You can undo the import afterwards.", report->n_items),
                              removed, report->n_items, what);
      set_body_with_kinds (self, body, report);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "import", _("_Import and Remove"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "import", ADW_RESPONSE_DESTRUCTIVE);
    }
  else if (refusal && g_error_matches (refusal, JP_XML_ERROR, JP_XML_ERROR_EDIT_CONFLICT))
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "import", _("_Import"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "import", ADW_RESPONSE_SUGGESTED);
      fill_conflicts (self, report);
    }
  else
    {
      g_autofree char *body = NULL;

      /* Translators: %s says what would change, e.g. "added 3, changed 5,
       * removed 1 in 4.2 Natuur". */
      body = g_strdup_printf (_("This file changes the plan: %s. You can undo the import afterwards."), what);
      set_body_with_kinds (self, body, report);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "import", _("_Import"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "import");
    }
  show_note (self, note);
  fill_differences (self, report, lang);
  return self;
}

GFile *
jp_import_dialog_get_file (JpImportDialog *self)
{
  g_return_val_if_fail (JP_IS_IMPORT_DIALOG (self), NULL);
  return self->file;
}

JpImportFlags
jp_import_dialog_get_flags (JpImportDialog *self)
{
  g_return_val_if_fail (JP_IS_IMPORT_DIALOG (self), JP_IMPORT_DEFAULT);
  return self->flags;
}

GHashTable *
jp_import_dialog_get_choices (JpImportDialog *self)
{
  GHashTable *choices;

  g_return_val_if_fail (JP_IS_IMPORT_DIALOG (self), NULL);

  choices = jp_import_choices_new ();
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (JP_IS_CONFLICT_ROW (row))
      jp_import_choices_set (choices, jp_conflict_row_get_uid (JP_CONFLICT_ROW (row)),
                             jp_conflict_row_get_choice (JP_CONFLICT_ROW (row)));
  /* What is not ticked is left out. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->differences));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && !gtk_check_button_get_active (row_check (row)))
      jp_import_choices_set (choices, g_object_get_data (G_OBJECT (row), "jp-uid"), JP_CHOICE_LEAVE_OUT);
  if (g_hash_table_size (choices) == 0)
    g_clear_pointer (&choices, g_hash_table_unref);
  return choices;
}

gboolean
jp_import_dialog_is_wanted (const JpImportReport *report,
                            const GError         *refusal)
{
  if (refusal == NULL)
    return TRUE;
  return report != NULL && (g_error_matches (refusal, JP_XML_ERROR, JP_XML_ERROR_EDIT_CONFLICT) ||
                            g_error_matches (refusal, JP_XML_ERROR, JP_XML_ERROR_MASS_REMOVAL));
}

GtkWidget *
jp_import_done_dialog_new (GtkWindow            *parent,
                           GFile                *file,
                           const JpImportReport *report)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *what = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  name = g_file_get_basename (file);
  heading = g_strdup_printf (_("Imported “%s”"), name);
  what = describe_all (report);
  dialog = adw_message_dialog_new (parent, heading, what);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  return dialog;
}

GtkNativeDialog *
jp_import_chooser_new (GtkWindow        *parent,
                       JpFileChosenFunc  chosen,
                       gpointer          user_data)
{
  g_autoptr(GtkFileFilter) filter = jp_xml_file_filter_new ();

  return jp_file_chooser_new (parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import"), _("_Open"), filter,
                              chosen, user_data);
}
