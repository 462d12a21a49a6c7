/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-progress"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/print/jp-contacts-dates.h"
#include "ui/jp-kind-ui.h"
#include "ui/progress/jp-progress-page.h"

struct _JpProgressPage
{
  AdwBin              parent_instance;

  JpProgress         *progress;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  /* What each drop-down's rows stand for, by position (the first: all). */
  GPtrArray          *team_uids;   /* char* */
  GArray             *scope_ids;   /* gint64 */
  GArray             *area_ids;    /* gint64 */
  char               *since;       /* YYYY-MM-DD or NULL */
  JpProgressFilter    current;
  guint               counts[JP_PROGRESS_N_STATUSES];
  guint               total;
  /* Set while the drop-downs are filled: their changes are not the user's. */
  gboolean            filling;
  GtkWidget          *legend_labels[JP_PROGRESS_N_STATUSES];

  AdwWindowTitle     *title;
  GtkLabel           *summary_label;
  GtkDrawingArea     *bar;
  GtkFlowBox         *legend;
  GtkDropDown        *team_dropdown;
  GtkDropDown        *scope_dropdown;
  GtkDropDown        *area_dropdown;
  GtkDropDown        *status_dropdown;
  GtkMenuButton      *since_button;
  GtkCalendar        *calendar;
  GtkWidget          *clear_button;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (JpProgressPage, jp_progress_page, ADW_TYPE_BIN)

enum {
  GO_BACK,
  PROJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The statuses' colours, from the GNOME palette: grey, blue, green,
 * orange, red. */
static const GdkRGBA status_colours[JP_PROGRESS_N_STATUSES] = {
  [JP_STATUS_NONE]        = { 0.87, 0.87, 0.85, 1 },
  [JP_STATUS_PLANNED]     = { 0.60, 0.60, 0.59, 1 },
  [JP_STATUS_IN_PROGRESS] = { 0.21, 0.52, 0.89, 1 },
  [JP_STATUS_DONE]        = { 0.18, 0.76, 0.49, 1 },
  [JP_STATUS_POSTPONED]   = { 1.00, 0.47, 0.00, 1 },
  [JP_STATUS_DROPPED]     = { 0.88, 0.11, 0.14, 1 },
};

static JpLang
page_language (JpProgressPage *self)
{
  return jp_store_get_language (jp_progress_get_store (self->progress));
}

/* "12 in progress": a count with its status, as the legend says it. */
static char *
describe_count (JpStatus status,
                guint    n)
{
  switch (status)
    {
    case JP_STATUS_PLANNED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u planned", "%u planned", n), n);
    case JP_STATUS_IN_PROGRESS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in progress", "%u in progress", n), n);
    case JP_STATUS_DONE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u done", "%u done", n), n);
    case JP_STATUS_POSTPONED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u postponed", "%u postponed", n), n);
    case JP_STATUS_DROPPED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dropped", "%u dropped", n), n);
    case JP_STATUS_NONE:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u without status", "%u without status", n), n);
    }
}

/* ---------------------------------------------------------------- bar */

static void
rounded_rectangle (cairo_t *cr,
                   double   width,
                   double   height)
{
  double r = MIN (height / 2, 6);

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - r, r, r, -G_PI / 2, 0);
  cairo_arc (cr, width - r, height - r, r, 0, G_PI / 2);
  cairo_arc (cr, r, height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        data)
{
  JpProgressPage *self = data;
  double x = 0;

  rounded_rectangle (cr, width, height);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, &status_colours[JP_STATUS_NONE]);
  cairo_paint (cr);
  if (self->total == 0)
    return;
  for (guint s = 0; s < JP_PROGRESS_N_STATUSES; s++)
    {
      double w = (double) width * self->counts[s] / self->total;

      if (self->counts[s] == 0)
        continue;
      gdk_cairo_set_source_rgba (cr, &status_colours[s]);
      cairo_rectangle (cr, x, 0, w, height);
      cairo_fill (cr);
      x += w;
    }
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  JpStatus status = GPOINTER_TO_UINT (data);

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &status_colours[status]);
  cairo_fill (cr);
}

static GtkWidget *
new_swatch (JpStatus status)
{
  /* Decoration: the label beside it says the status. */
  GtkWidget *swatch = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, GUINT_TO_POINTER (status), NULL);
  return swatch;
}

static void
build_legend (JpProgressPage *self)
{
  for (JpStatus s = JP_STATUS_PLANNED; s < JP_PROGRESS_N_STATUSES; s++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      self->legend_labels[s] = gtk_label_new (NULL);
      gtk_box_append (GTK_BOX (box), new_swatch (s));
      gtk_box_append (GTK_BOX (box), self->legend_labels[s]);
      gtk_flow_box_append (self->legend, box);
      gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
    }
}

static void
update_counts (JpProgressPage *self)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *summary = NULL;
  guint n = jp_progress_count (self->progress, NULL, NULL);

  self->total = jp_progress_count (self->progress, &self->current, self->counts);
  for (JpStatus s = JP_STATUS_PLANNED; s < JP_PROGRESS_N_STATUSES; s++)
    {
      g_autofree char *text = describe_count (s, self->counts[s]);

      gtk_label_set_text (GTK_LABEL (self->legend_labels[s]), text);
      gtk_widget_set_opacity (gtk_widget_get_parent (self->legend_labels[s]), self->counts[s] ? 1.0 : 0.55);
      if (self->counts[s] > 0)
        g_string_append_printf (all, "%s%s", all->len ? ", " : "", text);
    }
  if (self->total == n)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);
  else
    /* Translators: how many projects match the filters, of how many. */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u project", "%u of %u projects", n),
                               self->total, n);
  gtk_label_set_text (self->summary_label, summary);
  /* The bar says in words what it shows. */
  g_string_prepend (all, ": ");
  g_string_prepend (all, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, all->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->bar));
  gtk_stack_set_visible_child_name (self->list_stack, self->total > 0 || n == 0 ? "list" : "empty");
}

/* ------------------------------------------------------------ filters */

static gboolean
has_filter (JpProgressPage *self)
{
  return self->current.scope != 0 || self->current.team != NULL || self->current.area != 0 ||
         self->current.status != JP_STATUS_NONE || self->current.since != NULL;
}

static void
update_since_label (JpProgressPage *self)
{
  g_autofree char *date = self->since ? jp_contacts_format_date (self->since) : NULL;
  g_autofree char *label = NULL;

  if (date == NULL)
    {
      gtk_menu_button_set_label (self->since_button, _("Not Updated Since…"));
      return;
    }
  /* Translators: a filter: the projects whose progress was last updated
   * before a day ("Not updated since 1 June 2013"). */
  label = g_strdup_printf (_("Not updated since %s"), date);
  gtk_menu_button_set_label (self->since_button, label);
}

/* Reads the controls into the filter and narrows the list. */
static void
apply_filter (JpProgressPage *self)
{
  guint team = gtk_drop_down_get_selected (self->team_dropdown);
  guint scope = gtk_drop_down_get_selected (self->scope_dropdown);
  guint area = gtk_drop_down_get_selected (self->area_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  self->current.team = team < self->team_uids->len ? g_ptr_array_index (self->team_uids, team) : NULL;
  self->current.scope = scope < self->scope_ids->len ? g_array_index (self->scope_ids, gint64, scope) : 0;
  self->current.area = area < self->area_ids->len ? g_array_index (self->area_ids, gint64, area) : 0;
  self->current.status = status < JP_PROGRESS_N_STATUSES ? (JpStatus) status : JP_STATUS_NONE;
  self->current.since = self->since;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_sensitive (self->clear_button, has_filter (self));
  update_since_label (self);
  update_counts (self);
}

static void
on_filter_changed (JpProgressPage *self)
{
  if (!self->filling)
    apply_filter (self);
}

static gboolean
match_project (gpointer item,
               gpointer data)
{
  JpProgressPage *self = data;

  return jp_progress_project_matches (item, &self->current);
}

static char *
unit_label (const JpProgressUnit *unit,
            JpLang                lang,
            const char           *indent)
{
  const char *title = unit->title[lang] && *unit->title[lang] ? unit->title[lang] : unit->title[1 - lang];

  return g_strdup_printf ("%s%s%s%s", indent, unit->number ? unit->number : "", unit->number ? " " : "",
                          title ? title : "");
}

static gboolean
holds_projects (JpProgressPage       *self,
                const JpProgressUnit *unit)
{
  JpProgressFilter filter = { 0 };

  if (unit->kind == JP_KIND_AREA)
    filter.area = unit->id;
  else
    filter.scope = unit->id;
  return jp_progress_count (self->progress, &filter, NULL) > 0;
}

/* Fills @dropdown with "all" and the units of @kind, keeping the one
 * chosen (by id) when it is still there. */
static void
fill_units (JpProgressPage *self,
            GtkDropDown    *dropdown,
            GArray         *ids,
            const char     *all,
            JpKind          kind,
            gboolean        with_sections)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GPtrArray *units = jp_progress_get_units (self->progress, kind);
  GPtrArray *sections = jp_progress_get_units (self->progress, JP_KIND_SECTION);
  guint chosen = gtk_drop_down_get_selected (dropdown);
  gint64 was = chosen < ids->len ? g_array_index (ids, gint64, chosen) : 0;
  gint64 none = 0;
  JpLang lang = page_language (self);

  g_array_set_size (ids, 0);
  chosen = 0;
  gtk_string_list_append (strings, all);
  g_array_append_val (ids, none);
  for (guint i = 0; i < units->len; i++)
    {
      const JpProgressUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *label = unit_label (unit, lang, "");

      /* What holds no project would only ever show none. */
      if (!holds_projects (self, unit))
        continue;
      if (unit->id == was)
        chosen = ids->len;
      gtk_string_list_append (strings, label);
      g_array_append_val (ids, unit->id);
      for (guint s = 0; with_sections && s < sections->len; s++)
        {
          const JpProgressUnit *section = g_ptr_array_index (sections, s);
          g_autofree char *indented = NULL;

          if (section->parent != unit->id || !holds_projects (self, section))
            continue;
          /* Under its chapter, set in by two em spaces. */
          indented = unit_label (section, lang, "\u2003\u2003");
          if (section->id == was)
            chosen = ids->len;
          gtk_string_list_append (strings, indented);
          g_array_append_val (ids, section->id);
        }
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, chosen);
}

/* The teams that hold a chapter with projects. */
static void
fill_teams (JpProgressPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GPtrArray *teams = jp_progress_get_units (self->progress, JP_KIND_TEAM);
  guint chosen = gtk_drop_down_get_selected (self->team_dropdown);
  g_autofree char *was = g_strdup (chosen < self->team_uids->len ? g_ptr_array_index (self->team_uids, chosen) : NULL);
  JpLang lang = page_language (self);

  g_ptr_array_set_size (self->team_uids, 0);
  chosen = 0;
  gtk_string_list_append (strings, _("All Teams"));
  g_ptr_array_add (self->team_uids, NULL);
  for (guint i = 0; i < teams->len; i++)
    {
      const JpProgressUnit *team = g_ptr_array_index (teams, i);
      JpProgressFilter filter = { .team = team->uid };
      g_autofree char *label = NULL;

      if (jp_progress_count (self->progress, &filter, NULL) == 0)
        continue;
      if (g_strcmp0 (team->uid, was) == 0)
        chosen = self->team_uids->len;
      label = unit_label (team, lang, "");
      gtk_string_list_append (strings, label);
      g_ptr_array_add (self->team_uids, g_strdup (team->uid));
    }
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->team_dropdown, chosen);
}

static void
fill_statuses (JpProgressPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, _("All Statuses"));
  for (JpStatus s = JP_STATUS_PLANNED; s < JP_PROGRESS_N_STATUSES; s++)
    gtk_string_list_append (strings, jp_status_get_title (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (strings));
}

/* The drop-downs' button: short, cut with "…"; their list: longer. */
static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (data));
  gtk_list_item_set_child (item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  /* The button shows a section without the indent it has in the list. */
  while (data != NULL && g_str_has_prefix (text, "\u2003"))
    text += strlen ("\u2003");
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static GtkListItemFactory *
choice_factory (int      width,
                gboolean button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (width));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), button ? factory : NULL);
  return factory;
}

static void
set_up_dropdown (JpProgressPage *self,
                 GtkDropDown    *dropdown)
{
  g_autoptr(GtkListItemFactory) button = choice_factory (22, TRUE);
  g_autoptr(GtkListItemFactory) list = choice_factory (60, FALSE);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
}

static void show_year_in_calendar (JpProgressPage *self);

static void
on_day_selected (JpProgressPage *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->filling)
    return;
  day = gtk_calendar_get_date (self->calendar);

  g_free (self->since);
  self->since = g_date_time_format (day, "%Y-%m-%d");
  apply_filter (self);
}

static void
on_any_day (JpProgressPage *self)
{
  g_clear_pointer (&self->since, g_free);
  gtk_menu_button_popdown (self->since_button);
  self->filling = TRUE;
  show_year_in_calendar (self);
  self->filling = FALSE;
  apply_filter (self);
}

void
jp_progress_page_clear_filters (JpProgressPage *self)
{
  g_return_if_fail (JP_IS_PROGRESS_PAGE (self));

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->team_dropdown, 0);
  gtk_drop_down_set_selected (self->scope_dropdown, 0);
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  g_clear_pointer (&self->since, g_free);
  show_year_in_calendar (self);
  self->filling = FALSE;
  apply_filter (self);
}

/* ---------------------------------------------------------- the list */

static void
setup_label (JpProgressPage *self,
             GtkListItem    *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* A number is short, and read whole. */
static void
setup_number (JpProgressPage *self,
              GtkListItem    *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
set_cell (GtkListItem *item,
          const char  *text,
          gboolean     tooltip)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_tooltip_text (label, tooltip ? text : NULL);
}

static void
bind_number (JpProgressPage *self,
             GtkListItem    *item)
{
  set_cell (item, jp_progress_project_get_number (gtk_list_item_get_item (item)), FALSE);
}

static void
bind_title (JpProgressPage *self,
            GtkListItem    *item)
{
  set_cell (item, jp_progress_project_get_title (gtk_list_item_get_item (item), page_language (self)), TRUE);
}

static void
bind_section (JpProgressPage *self,
              GtkListItem    *item)
{
  set_cell (item, jp_progress_project_get_section_label (gtk_list_item_get_item (item), page_language (self)),
            TRUE);
}

static void
bind_date (JpProgressPage *self,
           GtkListItem    *item)
{
  const char *iso = jp_progress_project_get_progress_date (gtk_list_item_get_item (item));
  g_autofree char *date = iso ? jp_contacts_format_date (iso) : NULL;

  /* Translators: the progress of a project was never updated. */
  set_cell (item, date ? date : C_("progress date", "Never"), FALSE);
}

static void
setup_status (JpProgressPage *self,
              GtkListItem    *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = new_swatch (JP_STATUS_NONE);

  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
bind_status (JpProgressPage *self,
             GtkListItem    *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  JpStatus status = jp_progress_project_get_status (gtk_list_item_get_item (item));

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, GUINT_TO_POINTER (status), NULL);
  gtk_widget_queue_draw (swatch);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), jp_status_get_title (status));
}

static void
on_activate (JpProgressPage *self,
             guint           position)
{
  g_autoptr(JpProgressProject) project = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  g_autoptr(JpItem) item = NULL;

  if (project == NULL)
    return;
  item = jp_store_lookup (jp_progress_get_store (self->progress), jp_progress_project_get_id (project));
  if (item != NULL)
    g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, item);
}

void
jp_progress_page_go_back (JpProgressPage *self)
{
  g_return_if_fail (JP_IS_PROGRESS_PAGE (self));
  g_signal_emit (self, signals[GO_BACK], 0);
}

/* ---------------------------------------------------------- the year */

/* With no day chosen, the calendar opens on today's date in the plan's
 * year: the months a manager looks back on. */
static void
show_year_in_calendar (JpProgressPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = NULL;
  guint year = jp_progress_get_year (self->progress);

  if (self->since != NULL || year == 0 || year > 9999)
    return;
  day = g_date_time_new_local (year, g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  /* 29 February in a year without one. */
  if (day == NULL)
    day = g_date_time_new_local (year, g_date_time_get_month (now), 28, 0, 0, 0);
  if (day != NULL)
    gtk_calendar_select_day (self->calendar, day);
}

static void
on_progress_changed (JpProgressPage *self)
{
  g_autofree char *year = g_strdup_printf ("%u", jp_progress_get_year (self->progress));
  g_autofree char *plan = NULL;

  self->filling = TRUE;
  fill_teams (self);
  fill_units (self, self->scope_dropdown, self->scope_ids, _("All Chapters"), JP_KIND_CHAPTER, TRUE);
  fill_units (self, self->area_dropdown, self->area_ids, _("All Policy Areas"), JP_KIND_AREA, FALSE);
  show_year_in_calendar (self);
  self->filling = FALSE;
  plan = g_strdup_printf (C_("window title", "Annual Plan %s"), year);
  adw_window_title_set_subtitle (self->title, plan);
  apply_filter (self);
}

void
jp_progress_page_reload (JpProgressPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JP_IS_PROGRESS_PAGE (self));
  if (!jp_progress_reload (self->progress, &error))
    g_warning ("Could not read the projects' progress: %s", error->message);
}

static void
jp_progress_page_dispose (GObject *object)
{
  JpProgressPage *self = JP_PROGRESS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PROGRESS_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (jp_progress_page_parent_class)->dispose (object);
}

static void
jp_progress_page_finalize (GObject *object)
{
  JpProgressPage *self = JP_PROGRESS_PAGE (object);

  g_ptr_array_unref (self->team_uids);
  g_array_unref (self->scope_ids);
  g_array_unref (self->area_ids);
  g_free (self->since);

  G_OBJECT_CLASS (jp_progress_page_parent_class)->finalize (object);
}

static void
jp_progress_page_class_init (JpProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_progress_page_dispose;
  object_class->finalize = jp_progress_page_finalize;

  signals[GO_BACK] = g_signal_new ("go-back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PROJECT_ACTIVATED] = g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, JP_TYPE_ITEM);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "go-back", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, title);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, bar);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, legend);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, since_button);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, JpProgressPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, jp_progress_page_go_back);
  gtk_widget_class_bind_template_callback (widget_class, jp_progress_page_clear_filters);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_any_day);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_label);
  gtk_widget_class_bind_template_callback (widget_class, setup_number);
  gtk_widget_class_bind_template_callback (widget_class, setup_status);
  gtk_widget_class_bind_template_callback (widget_class, bind_number);
  gtk_widget_class_bind_template_callback (widget_class, bind_title);
  gtk_widget_class_bind_template_callback (widget_class, bind_section);
  gtk_widget_class_bind_template_callback (widget_class, bind_status);
  gtk_widget_class_bind_template_callback (widget_class, bind_date);
}

static void
jp_progress_page_init (JpProgressPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->team_uids = g_ptr_array_new_with_free_func (g_free);
  self->scope_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drawing_area_set_draw_func (self->bar, draw_bar, self, NULL);
  build_legend (self);
  fill_statuses (self);
  for (GtkDropDown **d = (GtkDropDown *[]) { self->team_dropdown, self->scope_dropdown, self->area_dropdown,
                                              self->status_dropdown, NULL };
       *d; d++)
    set_up_dropdown (self, *d);
}

GtkWidget *
jp_progress_page_new (JpStore *store)
{
  JpProgressPage *self;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);

  self = g_object_new (JP_TYPE_PROGRESS_PAGE, NULL);
  self->progress = jp_progress_new (store);
  self->filter = gtk_custom_filter_new (match_project, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->progress)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->progress, "changed", G_CALLBACK (on_progress_changed), self, G_CONNECT_SWAPPED);
  on_progress_changed (self);
  return GTK_WIDGET (self);
}

JpProgress *
jp_progress_page_get_progress (JpProgressPage *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PAGE (self), NULL);
  return self->progress;
}

GListModel *
jp_progress_page_get_projects (JpProgressPage *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

void
jp_progress_page_get_filter (JpProgressPage   *self,
                             JpProgressFilter *filter)
{
  g_return_if_fail (JP_IS_PROGRESS_PAGE (self));
  g_return_if_fail (filter != NULL);
  *filter = self->current;
}

guint
jp_progress_page_get_counts (JpProgressPage *self,
                             guint           counts[JP_PROGRESS_N_STATUSES])
{
  g_return_val_if_fail (JP_IS_PROGRESS_PAGE (self), 0);
  if (counts != NULL)
    memcpy (counts, self->counts, sizeof self->counts);
  return self->total;
}
