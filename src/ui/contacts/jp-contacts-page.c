/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/print/jp-contacts-pdf.h"
#include "ui/contacts/jp-contacts-block.h"
#include "ui/contacts/jp-contacts-page.h"
#include "ui/contacts/jp-contacts-person.h"
#include "ui/contacts/jp-contacts-print.h"
#include "ui/contacts/jp-contacts-children.h"
#include "ui/contacts/jp-contacts-private.h"
#include "ui/window/jp-export-dialog.h"
#include "ui/window/jp-file-chooser.h"
#include "jp-settings.h"

struct _JpContactsPage
{
  AdwBin              parent_instance;

  JpStore            *store;
  GSettings          *settings;
  JpItem             *contacts;
  GListModel         *teams;
  JpContactsChildren *children;
  GtkNativeDialog    *chooser;

  AdwToastOverlay    *toast_overlay;
  AdwPreferencesPage *preferences_page;
  GtkSwitch          *hide_switch;
};

G_DEFINE_FINAL_TYPE (JpContactsPage, jp_contacts_page, ADW_TYPE_BIN)

/* Shared editing helpers ------------------------------------------------- */

void
_jp_contacts_show_toast (GtkWidget  *widget,
                         const char *message,
                         gboolean    undo)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, JP_TYPE_CONTACTS_PAGE);
  AdwToast *toast;

  if (page == NULL)
    {
      g_warning ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("Undo"));
      adw_toast_set_action_name (toast, "contacts.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (JP_CONTACTS_PAGE (page)->toast_overlay, toast);
}

void
_jp_contacts_remove_item (GtkWidget  *widget,
                          JpStore    *db,
                          JpItem     *item,
                          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  /* The widget may go with the item: keep what the toast needs. */
  g_autoptr(GtkWidget) page = NULL;

  if (gtk_widget_get_ancestor (widget, JP_TYPE_CONTACTS_PAGE))
    page = g_object_ref (gtk_widget_get_ancestor (widget, JP_TYPE_CONTACTS_PAGE));
  /* Translators: a toast after removing a team, subject line or person. */
  message = g_strdup_printf (_("Removed “%s”"), name);
  if (!jp_store_remove_item (db, item, &error))
    _jp_contacts_show_toast (page ? page : widget, error->message, FALSE);
  else if (page)
    _jp_contacts_show_toast (page, message, TRUE);
}

static gboolean
find_sibling (JpStore     *db,
              JpItem      *item,
              GListModel **siblings,
              guint       *position)
{
  g_autoptr(JpItem) parent = jp_store_get_parent (db, item);
  guint n;

  if (parent == NULL)
    return FALSE;
  *siblings = jp_store_get_children (db, parent, JP_KIND_MASK (jp_item_get_kind (item)));
  n = g_list_model_get_n_items (*siblings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) sibling = g_list_model_get_item (*siblings, i);

      if (sibling == item)
        {
          *position = i;
          return TRUE;
        }
    }
  g_clear_object (siblings);
  return FALSE;
}

gboolean
_jp_contacts_can_move (JpStore    *db,
                       JpItem     *item,
                       int         delta)
{
  g_autoptr(GListModel) siblings = NULL;
  guint position;

  if (!find_sibling (db, item, &siblings, &position))
    return FALSE;
  return delta < 0 ? position > 0 : position + 1 < g_list_model_get_n_items (siblings);
}

void
_jp_contacts_move_item (GtkWidget  *widget,
                        JpStore    *db,
                        JpItem     *item,
                        int         delta)
{
  g_autoptr(GListModel) siblings = NULL;
  g_autoptr(JpItem) parent = NULL;
  g_autoptr(JpItem) before = NULL;
  g_autoptr(GError) error = NULL;
  guint position, n;

  if (!find_sibling (db, item, &siblings, &position))
    return;
  n = g_list_model_get_n_items (siblings);
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;
  parent = jp_store_get_parent (db, item);
  /* Up: before the one above; down: before the one after the next. */
  if (delta < 0)
    before = g_list_model_get_item (siblings, position - 1);
  else if (position + 2 < n)
    before = g_list_model_get_item (siblings, position + 2);
  if (!jp_store_move_item (db, item, parent, before, &error))
    _jp_contacts_show_toast (widget, error->message, FALSE);
}

void
_jp_contacts_sync_entry (AdwEntryRow *row,
                         const char  *value)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value ? value : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
}

gboolean
_jp_contacts_apply_entry (AdwEntryRow *row,
                          JpStore     *db,
                          JpItem      *item,
                          gboolean     is_text,
                          guint        field,
                          GtkLabel    *error_label)
{
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return _jp_contacts_apply_value (row, db, item, is_text, field, value, error_label);
}

gboolean
_jp_contacts_apply_value (AdwEntryRow *row,
                          JpStore     *db,
                          JpItem      *item,
                          gboolean     is_text,
                          guint        field,
                          const char  *value,
                          GtkLabel    *error_label)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (is_text)
    ok = jp_store_set_text (db, item, field, jp_store_get_language (db), value, &error);
  else
    ok = jp_store_set_field (db, item, field, value, &error);

  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      if (error_label)
        gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
      return TRUE;
    }

  /* What was typed stays, to be corrected; the refusal says why. */
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  if (error_label)
    {
      gtk_label_set_text (error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
    }
  else
    _jp_contacts_show_toast (GTK_WIDGET (row), error->message, FALSE);
  return FALSE;
}

/* The page ----------------------------------------------------------------- */

static gboolean
get_hide_expired (JpContactsPage *self)
{
  return g_settings_get_boolean (self->settings, "hide-expired-contacts");
}

static void
update_teams (JpContactsPage *self)
{
  GPtrArray *teams;

  if (self->children == NULL)
    return;
  teams = jp_contacts_children_get (self->children);
  for (guint i = 0; i < teams->len; i++)
    {
      JpContactsBlock *team = jp_contacts_block_get_for_widget (teams->pdata[i]);

      jp_contacts_block_set_hide_expired (team, get_hide_expired (self));
      jp_contacts_block_refresh (team);
    }
}

static GtkWidget *
create_team (JpStore    *db,
             JpItem     *item,
             gpointer    owner)
{
  return jp_contacts_block_new (db, item, JP_KIND_SUBJECT);
}

static void
add_team (gpointer   owner,
          GtkWidget *child)
{
  JpContactsPage *self = owner;

  adw_preferences_page_add (self->preferences_page, ADW_PREFERENCES_GROUP (child));
}

static void
remove_team (gpointer   owner,
             GtkWidget *child)
{
  JpContactsPage *self = owner;

  adw_preferences_page_remove (self->preferences_page, ADW_PREFERENCES_GROUP (child));
}

static void
clear_teams (JpContactsPage *self)
{
  if (self->teams)
    g_signal_handlers_disconnect_by_data (self->teams, self);
  g_clear_pointer (&self->children, jp_contacts_children_free);
  g_clear_object (&self->teams);
  g_clear_object (&self->contacts);
}

/* (Re)reads the contacts: at first, and after an undo, import or reload
 * may have replaced them. */
static void
load_teams (JpContactsPage *self)
{
  g_autoptr(JpItem) root = jp_store_get_root (self->store);

  if (self->children)
    {
      GPtrArray *teams = jp_contacts_children_get (self->children);

      for (guint i = 0; i < teams->len; i++)
        remove_team (self, teams->pdata[i]);
    }
  clear_teams (self);
  self->contacts = root ? jp_store_find_child (self->store, root, JP_KIND_CONTACTS) : NULL;
  if (self->contacts == NULL)
    return;
  self->teams = jp_store_get_children (self->store, self->contacts, JP_KIND_MASK (JP_KIND_TEAM));
  self->children = jp_contacts_children_new (self->store, self->teams, self,
                                             create_team, add_team, remove_team);
  g_signal_connect_swapped (self->teams, "items-changed", G_CALLBACK (update_teams), self);
  update_teams (self);
}

/* Items and lists are live: they followed the undo or reload already.
 * Only a different contacts item (an import replaced it) needs a new
 * start. */
static void
on_reloaded (JpContactsPage *self)
{
  g_autoptr(JpItem) root = jp_store_get_root (self->store);
  g_autoptr(JpItem) contacts = root ? jp_store_find_child (self->store, root, JP_KIND_CONTACTS) : NULL;

  if (contacts != self->contacts)
    load_teams (self);
  else
    update_teams (self);
}

static void
add_team_cb (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  JpContactsPage *self = JP_CONTACTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) team = NULL;
  GPtrArray *teams;

  if (self->contacts == NULL)
    {
      g_autoptr(JpItem) root = jp_store_get_root (self->store);
      g_autoptr(JpItem) contacts = jp_store_add_item (self->store, root, JP_KIND_CONTACTS, NULL, &error);

      if (contacts == NULL)
        {
          _jp_contacts_show_toast (widget, error->message, FALSE);
          return;
        }
      load_teams (self);
    }
  team = jp_store_add_item (self->store, self->contacts, JP_KIND_TEAM, NULL, &error);
  if (team == NULL)
    {
      _jp_contacts_show_toast (widget, error->message, FALSE);
      return;
    }
  teams = jp_contacts_children_get (self->children);
  for (guint i = 0; i < teams->len; i++)
    if (jp_contacts_block_get_item (jp_contacts_block_get_for_widget (teams->pdata[i])) == team)
      gtk_widget_grab_focus (teams->pdata[i]);
}

/* The toast's undo is the window's, which says what it undid; on its
 * own the page undoes itself. */
static void
undo_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  JpContactsPage *self = JP_CONTACTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (gtk_widget_activate_action (widget, "win.undo", NULL))
    return;
  if (!jp_store_undo (self->store, &error))
    _jp_contacts_show_toast (widget, error->message, FALSE);
}

static JpContactsLayoutFlags
get_layout_flags (JpContactsPage *self)
{
  return get_hide_expired (self) ? JP_CONTACTS_LAYOUT_VALID_ONLY : JP_CONTACTS_LAYOUT_DEFAULT;
}

static void
print_done (GError   *error,
            gpointer  user_data)
{
  g_autoptr(JpContactsPage) self = user_data;

  if (error)
    _jp_contacts_show_toast (GTK_WIDGET (self), error->message, FALSE);
}

static void
print_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  JpContactsPage *self = JP_CONTACTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  jp_contacts_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                     self->settings, get_layout_flags (self), print_done, g_object_ref (self));
}

static void
on_pdf_chosen (GtkNativeDialog *chooser,
               GFile           *file,
               gpointer         user_data)
{
  JpContactsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n_pages = 0;

  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  name = g_file_get_basename (file);
  if (!jp_contacts_pdf_export_with_flags (JP_DATABASE (self->store), file, get_layout_flags (self), &n_pages, &error))
    {
      _jp_contacts_show_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }
  /* Translators: a toast after exporting the contacts as PDF. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved “%s” (%u page)", "Saved “%s” (%u pages)", n_pages),
                             name, n_pages);
  _jp_contacts_show_toast (GTK_WIDGET (self), message, FALSE);
}

static void
export_pdf_cb (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  JpContactsPage *self = JP_CONTACTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = jp_pdf_file_filter_new ();

  if (self->chooser)
    return;
  self->chooser = jp_file_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Contacts as PDF"), _("_Export"),
                                       filter, on_pdf_chosen, self);
  g_object_ref (self->chooser);  /* the page's, besides the one its response drops */
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the file name offered when exporting the contacts. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("contacts.pdf"));
  gtk_native_dialog_show (self->chooser);
}

static void
jp_contacts_page_dispose (GObject *object)
{
  JpContactsPage *self = JP_CONTACTS_PAGE (object);

  clear_teams (self);
  jp_file_chooser_close (&self->chooser, self);
  /* Through AdwBin, which would otherwise unparent its child a second
   * time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_CONTACTS_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jp_contacts_page_parent_class)->dispose (object);
}

static void
jp_contacts_page_class_init (JpContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_contacts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpContactsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JpContactsPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, JpContactsPage, hide_switch);

  gtk_widget_class_install_action (widget_class, "contacts.add-team", NULL, add_team_cb);
  gtk_widget_class_install_action (widget_class, "contacts.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "contacts.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "contacts.export-pdf", NULL, export_pdf_cb);
}

static void
jp_contacts_page_init (JpContactsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_contacts_page_new (JpStore    *store,
                      GSettings  *settings)
{
  JpContactsPage *self;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JP_TYPE_CONTACTS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->settings = settings ? g_object_ref (settings) : jp_settings_new ();
  g_settings_bind (self->settings, "hide-expired-contacts", self->hide_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::hide-expired-contacts",
                           G_CALLBACK (update_teams), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (on_reloaded), self, G_CONNECT_SWAPPED);
  load_teams (self);
  return GTK_WIDGET (self);
}

/* ------------------------------------------------------------- reveal */

/* The person's own row takes the focus, or else the first thing in it. */
static gboolean
focus_when_mapped (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  guint *frames = data;

  /* A person hidden (not valid today) is not waited for long. */
  if (!gtk_widget_get_mapped (widget))
    return ++*frames < 60 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

/* The person (or the first person of a team or subject line) the
 * contacts page shows for @item takes the focus, which scrolls to it. */
static gboolean
focus_contact (GtkWidget *widget,
               JpStore   *store,
               JpItem    *item)
{
  if (JP_IS_CONTACTS_PERSON (widget))
    {
      g_autoptr(JpItem) current = g_object_ref (jp_contacts_person_get_item (JP_CONTACTS_PERSON (widget)));

      while (current != NULL && current != item)
        {
          JpItem *parent = jp_store_get_parent (store, current);
          g_object_unref (current);
          current = parent;
        }
      if (current != NULL)
        {
          /* The subject line holding the person opens. */
          for (GtkWidget *up = gtk_widget_get_parent (widget); up; up = gtk_widget_get_parent (up))
            if (ADW_IS_EXPANDER_ROW (up))
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (up), TRUE);
          /* Once the rows that open are shown. */
          gtk_widget_add_tick_callback (widget, focus_when_mapped, g_new0 (guint, 1), g_free);
          return TRUE;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (focus_contact (child, store, item))
      return TRUE;
  return FALSE;
}

typedef struct {
  JpContactsPage *page;
  JpItem         *item;
} Reveal;

static void
reveal_free (gpointer data)
{
  Reveal *reveal = data;

  g_object_unref (reveal->page);
  g_object_unref (reveal->item);
  g_free (reveal);
}

/* Once the page is shown and laid out. */
static gboolean
reveal_idle (gpointer data)
{
  Reveal *reveal = data;

  focus_contact (GTK_WIDGET (reveal->page), reveal->page->store, reveal->item);
  return G_SOURCE_REMOVE;
}

void
jp_contacts_page_reveal_item (JpContactsPage *self,
                              JpItem         *item)
{
  Reveal *reveal;

  g_return_if_fail (JP_IS_CONTACTS_PAGE (self));
  g_return_if_fail (JP_IS_ITEM (item));

  reveal = g_new0 (Reveal, 1);
  reveal->page = g_object_ref (self);
  reveal->item = g_object_ref (item);
  g_idle_add_full (G_PRIORITY_LOW, reveal_idle, reveal, reveal_free);
}
