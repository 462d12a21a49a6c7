/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/print/jp-pdf.h"
#include "model/print/jp-publication-changes.h"
#include "ui/jp-difference-ui.h"
#include "ui/jp-print.h"
#include "ui/jp-kind-ui.h"
#include "ui/window/jp-compare-dialog.h"
#include "ui/window/jp-export-dialog.h"
#include "ui/window/jp-file-chooser.h"
#include "ui/window/jp-window-private.h"

/* A list of differences (two years, or any other): one row per
 * difference under a heading per section, in the new side's order. */

/* One line of the list: a section's heading or a difference. */
#define JP_TYPE_COMPARE_ENTRY (jp_compare_entry_get_type ())
G_DECLARE_FINAL_TYPE (JpCompareEntry, jp_compare_entry, JP, COMPARE_ENTRY, GObject)

struct _JpCompareEntry
{
  GObject             parent_instance;
  const JpDifference *difference; /* owned by the dialog */
  char               *heading;  /* or NULL for a difference */
};

G_DEFINE_FINAL_TYPE (JpCompareEntry, jp_compare_entry, G_TYPE_OBJECT)

static void
jp_compare_entry_finalize (GObject *object)
{
  g_free (JP_COMPARE_ENTRY (object)->heading);
  G_OBJECT_CLASS (jp_compare_entry_parent_class)->finalize (object);
}

static void
jp_compare_entry_class_init (JpCompareEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_compare_entry_finalize;
}

static void
jp_compare_entry_init (JpCompareEntry *self)
{
}

struct _JpCompareDialog
{
  AdwWindow         parent_instance;

  JpWindow         *window;     /* weak */
  JpDatabase       *db;
  JpLang            lang;
  guint             from;
  guint             to;
  GCancellable     *cancellable;
  JpYearComparison *comparison;   /* two years, else NULL */
  JpDifferences    *differences;  /* any other differences, else NULL */
  char             *subtitle;     /* what is compared, or NULL */
  gboolean          ready;
  GListStore       *entries;
  GtkNativeDialog  *chooser;

  AdwWindowTitle   *title;
  GtkToggleButton  *hide_status;
  GtkStack         *stack;
  AdwStatusPage    *empty;
  GtkListView      *list;
};

G_DEFINE_FINAL_TYPE (JpCompareDialog, jp_compare_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------ the rows */

/* A row holds a heading and a place for a difference; binding shows one. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (heading, 4);
  gtk_widget_set_margin_start (heading, 6);
  gtk_box_append (GTK_BOX (outer), heading);
  gtk_box_append (GTK_BOX (outer), slot);
  gtk_list_item_set_child (list_item, outer);
  g_object_set_data (G_OBJECT (outer), "heading", heading);
  g_object_set_data (G_OBJECT (outer), "slot", slot);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  JpCompareDialog *self = user_data;
  JpCompareEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *outer = gtk_list_item_get_child (list_item);
  GtkWidget *heading = g_object_get_data (G_OBJECT (outer), "heading");
  GtkWidget *slot = g_object_get_data (G_OBJECT (outer), "slot");
  GtkWidget *child, *row;
  const char *label = NULL;

  while ((child = gtk_widget_get_first_child (slot)) != NULL)
    gtk_box_remove (GTK_BOX (slot), child);
  gtk_widget_set_visible (heading, entry->heading != NULL);
  gtk_widget_set_visible (slot, entry->heading == NULL);
  /* A heading is no stop of the keyboard, and does nothing. */
  gtk_list_item_set_activatable (list_item, entry->heading == NULL);
  gtk_list_item_set_selectable (list_item, FALSE);
  if (entry->heading)
    {
      gtk_label_set_text (GTK_LABEL (heading), entry->heading);
      gtk_accessible_update_property (GTK_ACCESSIBLE (outer), GTK_ACCESSIBLE_PROPERTY_LABEL, entry->heading, -1);
      return;
    }
  row = jp_difference_row_new_full (entry->difference, self->lang, FALSE, self->from, self->to);
  gtk_box_append (GTK_BOX (slot), row);
  /* The row's whole sentence, read as the list item's. */
  label = g_object_get_data (G_OBJECT (row), "jp-difference-accessible");
  if (label)
    gtk_accessible_update_property (GTK_ACCESSIBLE (outer), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* ------------------------------------------------------------ the list */

static const JpDifferences *
shown (JpCompareDialog *self)
{
  return self->comparison ? self->comparison->differences : self->differences;
}

/* Whether @difference is only what a new year's carrying over does: a
 * status or a phase (and the date a status was set), nothing of the
 * item's content. */
static gboolean
is_status_only (const JpDifference *difference)
{
  if (difference->kind != JP_DIFFERENCE_CHANGED)
    return FALSE;
  for (guint i = 0; difference->values && i < difference->values->len; i++)
    {
      const JpValueChange *value = g_ptr_array_index (difference->values, i);

      if (value->kind != JP_VALUE_STATUS && value->kind != JP_VALUE_PHASE &&
          !(value->kind == JP_VALUE_FIELD && value->field == JP_FIELD_PROGRESS_DATE))
        return FALSE;
    }
  return TRUE;
}

static void
show_empty (JpCompareDialog *self,
            guint            n)
{
  g_autofree char *description = NULL;

  if (n == 0)
    {
      if (self->comparison)
        description = g_strdup_printf (_("The plans of %u and %u are the same."), self->from, self->to);
      adw_status_page_set_title (self->empty, _("No Differences"));
    }
  else
    {
      if (self->comparison)
        description = g_strdup_printf (_("Only statuses and phases differ between %u and %u."),
                                       self->from, self->to);
      adw_status_page_set_title (self->empty, _("No Changes of Content"));
    }
  adw_status_page_set_description (self->empty, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
fill (JpCompareDialog *self)
{
  const JpDifferences *differences = shown (self);
  const char *group = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;
  guint n = differences->differences->len;
  gboolean hide_status = gtk_toggle_button_get_active (self->hide_status);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u difference", "%u differences", n), n);
  if (self->subtitle)
    {
      /* Translators: what a list of changes compares, and how many it holds. */
      g_autofree char *subtitle = g_strdup_printf (C_("list of changes", "%s — %s"), self->subtitle, count);

      adw_window_title_set_subtitle (self->title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->title, count);
  gtk_widget_set_visible (GTK_WIDGET (self->hide_status), n > 0);

  for (guint i = 0; i < n; i++)
    {
      const JpDifference *difference = g_ptr_array_index (differences->differences, i);
      JpCompareEntry *entry;

      if (hide_status && is_status_only (difference))
        continue;

      if (group == NULL || g_strcmp0 (group, difference->group) != 0)
        {
          entry = g_object_new (JP_TYPE_COMPARE_ENTRY, NULL);
          if (*difference->group)
            entry->heading = jp_difference_describe_item (difference->group_number, difference->group_titles,
                                                          self->lang, JP_KIND_SECTION);
          else
            /* Translators: the heading of changes outside every chapter: the
             * policy areas, the programme, the contacts. */
            entry->heading = g_strdup (_("Work Programme and Contacts"));
          g_ptr_array_add (entries, entry);
          group = difference->group;
        }
      entry = g_object_new (JP_TYPE_COMPARE_ENTRY, NULL);
      entry->difference = difference;
      g_ptr_array_add (entries, entry);
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.print", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-pdf", n > 0);
  if (entries->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    show_empty (self, n);
}

static void
hide_status_toggled_cb (JpCompareDialog *self)
{
  if (self->ready)
    fill (self);
}

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JpCompareDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  JpYearComparison *comparison = jp_year_compare_finish (JP_DATABASE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (comparison == NULL)
    {
      if (self->window)
        jp_window_report_error (self->window, error);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  self->comparison = comparison;
  self->ready = TRUE;
  fill (self);
}

/* The item @id in the window, in the year it is in. */
static void
open_item (JpCompareDialog *self,
           gint64           id)
{
  g_autoptr(JpItem) item = NULL;

  if (self->window == NULL || id == 0)
    return;
  item = jp_store_lookup (JP_STORE (self->db), id);
  if (item == NULL)
    return;
  _jp_window_show_year_of (self->window, item);
  jp_window_show_plan (self->window);
  jp_window_open_item (self->window, item);
  gtk_window_present (GTK_WINDOW (self->window));
}

void
jp_compare_dialog_open_change (JpCompareDialog    *self,
                               const JpYearChange *change)
{
  g_return_if_fail (JP_IS_COMPARE_DIALOG (self));
  g_return_if_fail (change != NULL);

  /* The item in the later year, or the earlier year's for one that
   * was not carried over. */
  open_item (self, change->kind == JP_YEAR_CHANGE_REMOVED ? change->previous : change->id);
}

void
jp_compare_dialog_open_difference (JpCompareDialog    *self,
                                   const JpDifference *difference)
{
  g_return_if_fail (JP_IS_COMPARE_DIALOG (self));
  g_return_if_fail (difference != NULL);

  open_item (self, difference->kind == JP_DIFFERENCE_REMOVED ? difference->old_id : difference->new_id);
}

static void
activate_cb (GtkListView *list,
             guint        position,
             gpointer     user_data)
{
  JpCompareDialog *self = user_data;
  g_autoptr(JpCompareEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (entry && entry->difference)
    jp_compare_dialog_open_difference (self, entry->difference);
}

gboolean
jp_compare_dialog_is_ready (JpCompareDialog *self)
{
  g_return_val_if_fail (JP_IS_COMPARE_DIALOG (self), FALSE);
  return self->ready;
}

const JpDifferences *
jp_compare_dialog_get_differences (JpCompareDialog *self)
{
  g_return_val_if_fail (JP_IS_COMPARE_DIALOG (self), NULL);
  return self->ready ? shown (self) : NULL;
}

const JpYearComparison *
jp_compare_dialog_get_comparison (JpCompareDialog *self)
{
  g_return_val_if_fail (JP_IS_COMPARE_DIALOG (self), NULL);
  return self->comparison;
}

/* ------------------------------------------------------------ on paper */

/* What a print of the list holds: the dialog (its differences and
 * titles) and the pages laid out. */
typedef struct {
  JpCompareDialog *dialog;
  JpChangesLayout *layout;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_pointer (&job->layout, jp_changes_layout_free);
  g_object_unref (job->dialog);
  g_free (job);
}

static guint
print_layout (gpointer      data,
              PangoContext *context,
              double        width,
              double        height)
{
  PrintJob *job = data;
  JpCompareDialog *self = job->dialog;

  g_clear_pointer (&job->layout, jp_changes_layout_free);
  job->layout = jp_changes_layout_new (shown (self), gtk_window_get_title (GTK_WINDOW (self)), self->subtitle,
                                       self->lang, context, width, height);
  return jp_changes_layout_get_n_pages (job->layout);
}

static void
print_draw_page (gpointer  data,
                 cairo_t  *cr,
                 guint     page)
{
  PrintJob *job = data;

  if (job->layout)
    jp_changes_layout_draw_page (job->layout, cr, page);
}

static void
print_clear (gpointer data)
{
  g_clear_pointer (&((PrintJob *) data)->layout, jp_changes_layout_free);
}

static gboolean
print_export_pdf (gpointer   data,
                  GFile     *file,
                  GError   **error)
{
  return jp_compare_dialog_export_pdf (((PrintJob *) data)->dialog, file, error);
}

static const JpPrintable changes_printable = {
  print_layout, print_draw_page, print_clear, print_export_pdf,
};

gboolean
jp_compare_dialog_export_pdf (JpCompareDialog  *self,
                              GFile            *file,
                              GError          **error)
{
  g_return_val_if_fail (JP_IS_COMPARE_DIALOG (self), FALSE);
  g_return_val_if_fail (self->ready, FALSE);

  return jp_publication_changes_export (shown (self), gtk_window_get_title (GTK_WINDOW (self)), self->subtitle,
                                        self->lang, file, NULL, error);
}

static void
print_done (GError   *error,
            gpointer  user_data)
{
  g_autoptr(JpCompareDialog) self = user_data;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->window)
    _jp_window_report_failure (self->window, _("Printing Failed"), error);
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  JpCompareDialog *self = JP_COMPARE_DIALOG (widget);
  PrintJob *job;
  GtkPrintOperation *op;

  if (!self->ready || self->window == NULL)
    return;
  job = g_new0 (PrintJob, 1);
  job->dialog = g_object_ref (self);
  op = jp_print_operation_new (&changes_printable, job, print_job_free, self->window->settings,
                               gtk_window_get_title (GTK_WINDOW (self)));
  jp_print_run (op, GTK_WINDOW (self), print_done, g_object_ref (self));
}

static void
pdf_chosen (GtkNativeDialog *chooser,
            GFile           *file,
            gpointer         user_data)
{
  JpCompareDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  self->chooser = NULL;
  if (file == NULL)
    return;
  if (!jp_compare_dialog_export_pdf (self, file, &error))
    {
      if (self->window)
        jp_window_report_error (self->window, error);
      return;
    }
  if (self->window)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);

      _jp_window_show_toast (self->window, title);
    }
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  JpCompareDialog *self = JP_COMPARE_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = jp_pdf_file_filter_new ();

  if (!self->ready || self->chooser != NULL)
    return;
  self->chooser = jp_file_chooser_new (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export PDF…"),
                                       _("_Export"), filter, pdf_chosen, self);
  /* Translators: a file name. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("changes.pdf"));
  gtk_native_dialog_show (self->chooser);
}

/* ------------------------------------------------------------ the object */

static void
jp_compare_dialog_dispose (GObject *object)
{
  JpCompareDialog *self = JP_COMPARE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser)
    jp_file_chooser_close (&self->chooser, self);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->db);
  g_clear_object (&self->entries);
  G_OBJECT_CLASS (jp_compare_dialog_parent_class)->dispose (object);
}

static void
jp_compare_dialog_finalize (GObject *object)
{
  JpCompareDialog *self = JP_COMPARE_DIALOG (object);

  g_clear_pointer (&self->comparison, jp_year_comparison_free);
  g_clear_pointer (&self->differences, jp_differences_free);
  g_free (self->subtitle);
  G_OBJECT_CLASS (jp_compare_dialog_parent_class)->finalize (object);
}

static void
jp_compare_dialog_class_init (JpCompareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_compare_dialog_dispose;
  object_class->finalize = jp_compare_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "compare.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "compare.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "compare.print", NULL);
}

static void
jp_compare_dialog_init (JpCompareDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *loading = gtk_spinner_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  self->cancellable = g_cancellable_new ();
  self->entries = g_list_store_new (JP_TYPE_COMPARE_ENTRY);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->hide_status = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Hide Status Changes")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->hide_status),
                               _("Leave out the items whose only difference is their status or phase, "
                                 "as carrying a plan over into a new year sets them"));
  gtk_widget_set_visible (GTK_WIDGET (self->hide_status), FALSE);
  g_signal_connect_swapped (self->hide_status, "toggled", G_CALLBACK (hide_status_toggled_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->hide_status));
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    GtkWidget *button = gtk_menu_button_new ();

    g_menu_append (menu, _("Print…"), "compare.print");
    g_menu_append (menu, _("_Export PDF…"), "compare.export-pdf");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-print-symbolic");
    gtk_widget_set_tooltip_text (button, _("Print…"));
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-pdf", FALSE);
  gtk_box_append (GTK_BOX (content), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (loading), TRUE);
  gtk_widget_set_size_request (loading, 32, 32);
  gtk_widget_set_halign (loading, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, loading, "loading");

  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty, "object-select-symbolic");
  adw_status_page_set_title (self->empty, _("No Differences"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty), "empty");

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)))),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect (self->list, "activate", G_CALLBACK (activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_set_visible_child_name (self->stack, "loading");

  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), content);
}

JpCompareDialog *
jp_compare_dialog_new (JpWindow *window,
                       guint     from,
                       guint     to)
{
  JpCompareDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (JP_IS_WINDOW (window), NULL);
  g_return_val_if_fail (jp_window_get_database (window) != NULL, NULL);

  self = g_object_new (JP_TYPE_COMPARE_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->db = g_object_ref (jp_window_get_database (window));
  self->lang = jp_database_get_language (self->db);
  self->from = MIN (from, to);
  self->to = MAX (from, to);
  title = g_strdup_printf (_("Changes from %u to %u"), self->from, self->to);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  jp_year_compare_async (self->db, self->from, self->to, self->cancellable, compared_cb, g_object_ref (self));
  return self;
}

JpCompareDialog *
jp_compare_dialog_new_for_differences (JpWindow      *window,
                                       JpDifferences *differences,
                                       const char    *title,
                                       const char    *subtitle)
{
  JpCompareDialog *self;

  g_return_val_if_fail (JP_IS_WINDOW (window), NULL);
  g_return_val_if_fail (jp_window_get_database (window) != NULL, NULL);
  g_return_val_if_fail (differences != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (JP_TYPE_COMPARE_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->db = g_object_ref (jp_window_get_database (window));
  self->lang = jp_database_get_language (self->db);
  self->differences = differences;
  self->subtitle = g_strdup (subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  self->ready = TRUE;
  fill (self);
  return self;
}

guint
jp_compare_dialog_other_year (JpDatabase *db)
{
  g_autoptr(GArray) years = jp_database_list_years (db);
  guint open = jp_database_get_year (db);
  guint other = 0;

  /* The year before the open one, else the one after it. */
  for (guint i = 0; i < years->len; i++)
    {
      guint year = g_array_index (years, guint, i);

      if (year < open)
        other = year;
      else if (year > open && other == 0)
        return year;
    }
  return other;
}

void
jp_compare_dialog_show (JpWindow *window,
                        guint     other)
{
  JpDatabase *db = jp_window_get_database (window);

  if (db == NULL || (other == 0 && (other = jp_compare_dialog_other_year (db)) == 0))
    return;
  gtk_window_present (GTK_WINDOW (jp_compare_dialog_new (window, other, jp_database_get_year (db))));
}
