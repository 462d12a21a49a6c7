/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-progress"

#include "config.h"

#include <string.h>

#include "model/jp-progress.h"

/* ------------------------------------------------------------ project */

struct _JpProgressProject
{
  GObject   parent_instance;

  gint64    id;
  gint64    section;
  gint64    chapter;
  char     *number;
  char     *title[JP_N_LANGS];
  char     *section_label[JP_N_LANGS];
  char     *team;
  GArray   *areas;          /* gint64 */
  JpStatus  status;
  JpPhase   phase;
  char     *progress_date;
};

G_DEFINE_FINAL_TYPE (JpProgressProject, jp_progress_project, G_TYPE_OBJECT)

static void
jp_progress_project_finalize (GObject *object)
{
  JpProgressProject *self = JP_PROGRESS_PROJECT (object);

  for (guint i = 0; i < JP_N_LANGS; i++)
    {
      g_free (self->title[i]);
      g_free (self->section_label[i]);
    }
  g_free (self->number);
  g_free (self->team);
  g_free (self->progress_date);
  g_array_unref (self->areas);

  G_OBJECT_CLASS (jp_progress_project_parent_class)->finalize (object);
}

static void
jp_progress_project_class_init (JpProgressProjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_progress_project_finalize;
}

static void
jp_progress_project_init (JpProgressProject *self)
{
  self->areas = g_array_new (FALSE, FALSE, sizeof (gint64));
}

gint64
jp_progress_project_get_id (JpProgressProject *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), 0);
  return self->id;
}

const char *
jp_progress_project_get_number (JpProgressProject *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), NULL);
  return self->number;
}

/* A language's text, or the other's when it has none. */
static const char *
either (char * const texts[JP_N_LANGS],
        JpLang       lang)
{
  g_assert (lang < JP_N_LANGS);
  if (texts[lang] != NULL && *texts[lang] != '\0')
    return texts[lang];
  return texts[1 - lang] ? texts[1 - lang] : "";
}

const char *
jp_progress_project_get_title (JpProgressProject *self,
                               JpLang             lang)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), NULL);
  g_return_val_if_fail (lang < JP_N_LANGS, NULL);
  return either (self->title, lang);
}

const char *
jp_progress_project_get_section_label (JpProgressProject *self,
                                       JpLang             lang)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), NULL);
  g_return_val_if_fail (lang < JP_N_LANGS, NULL);
  return either (self->section_label, lang);
}

gint64
jp_progress_project_get_section (JpProgressProject *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), 0);
  return self->section;
}

gint64
jp_progress_project_get_chapter (JpProgressProject *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), 0);
  return self->chapter;
}

const char *
jp_progress_project_get_team (JpProgressProject *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), NULL);
  return self->team;
}

gboolean
jp_progress_project_serves_area (JpProgressProject *self,
                                 gint64             area)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), FALSE);
  for (guint i = 0; i < self->areas->len; i++)
    if (g_array_index (self->areas, gint64, i) == area)
      return TRUE;
  return FALSE;
}

JpStatus
jp_progress_project_get_status (JpProgressProject *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), JP_STATUS_NONE);
  return self->status;
}

JpPhase
jp_progress_project_get_phase (JpProgressProject *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), JP_PHASE_NONE);
  return self->phase;
}

const char *
jp_progress_project_get_progress_date (JpProgressProject *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), NULL);
  return self->progress_date;
}

gboolean
jp_progress_project_matches (JpProgressProject      *self,
                             const JpProgressFilter *filter)
{
  g_return_val_if_fail (JP_IS_PROGRESS_PROJECT (self), FALSE);

  if (filter == NULL)
    return TRUE;
  if (filter->scope != 0 && filter->scope != self->section && filter->scope != self->chapter)
    return FALSE;
  if (filter->team != NULL && g_strcmp0 (filter->team, self->team) != 0)
    return FALSE;
  if (filter->area != 0 && !jp_progress_project_serves_area (self, filter->area))
    return FALSE;
  if (filter->status != JP_STATUS_NONE && filter->status != self->status)
    return FALSE;
  /* Dates are ISO 8601: they compare as strings. */
  if (filter->since != NULL && *filter->since != '\0' &&
      self->progress_date != NULL && strcmp (self->progress_date, filter->since) >= 0)
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------ the list */

struct _JpProgress
{
  GObject     parent_instance;

  JpStore    *store;
  guint       year;
  GPtrArray  *projects;   /* JpProgressProject* */
  GPtrArray  *units[JP_N_KINDS];
  GHashTable *by_id;      /* id → JpProgressUnit* */
  /* The live items of the projects and sections, to hear their edits. */
  GHashTable *watched;    /* id → JpItem* */
  guint       idle_id;
};

static void jp_progress_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JpProgress, jp_progress, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jp_progress_list_model_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const JpKind unit_kinds[] = { JP_KIND_CHAPTER, JP_KIND_SECTION, JP_KIND_AREA, JP_KIND_TEAM };

static void
unit_free (gpointer data)
{
  JpProgressUnit *unit = data;

  g_free (unit->uid);
  g_free (unit->number);
  for (guint i = 0; i < JP_N_LANGS; i++)
    g_free (unit->title[i]);
  g_free (unit);
}

static GType
jp_progress_get_item_type (GListModel *model)
{
  return JP_TYPE_PROGRESS_PROJECT;
}

static guint
jp_progress_get_n_items (GListModel *model)
{
  return JP_PROGRESS (model)->projects->len;
}

static gpointer
jp_progress_get_item (GListModel *model,
                      guint       position)
{
  JpProgress *self = JP_PROGRESS (model);

  if (position >= self->projects->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->projects, position));
}

static void
jp_progress_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jp_progress_get_item_type;
  iface->get_n_items = jp_progress_get_n_items;
  iface->get_item = jp_progress_get_item;
}

static char *
first_line (const char *text)
{
  const char *end;

  if (text == NULL)
    return NULL;
  end = strchr (text, '\n');
  return end ? g_strndup (text, end - text) : g_strdup (text);
}

static JpProgressUnit *
add_unit (JpProgress     *self,
          JpSnapshotItem *item,
          gint64          parent)
{
  JpProgressUnit *unit = g_new0 (JpProgressUnit, 1);
  const JpItemData *data = &item->data;

  unit->kind = data->kind;
  unit->id = data->id;
  unit->uid = g_strdup (data->uid);
  unit->number = g_strdup (data->fields[JP_FIELD_NUMBER]);
  for (guint i = 0; i < JP_N_LANGS; i++)
    unit->title[i] = first_line (data->texts[JP_TEXT_TITLE][i]);
  unit->parent = parent;
  g_ptr_array_add (self->units[data->kind], unit);
  g_hash_table_insert (self->by_id, &unit->id, unit);
  return unit;
}

static char *
unit_label (const JpProgressUnit *unit,
            JpLang                lang)
{
  const char *title = either ((char **) unit->title, lang);

  if (unit->number == NULL || *unit->number == '\0')
    return g_strdup (title);
  return g_strdup_printf ("%s %s", unit->number, title);
}

static JpProgressProject *
new_project (JpSnapshotItem       *item,
             const JpProgressUnit *chapter,
             const JpProgressUnit *section,
             guint                 place)
{
  JpProgressProject *project = g_object_new (JP_TYPE_PROGRESS_PROJECT, NULL);
  const JpItemData *data = &item->data;
  const char *date = data->fields[JP_FIELD_PROGRESS_DATE];

  project->id = data->id;
  project->section = section->id;
  project->chapter = chapter->id;
  project->number = g_strdup_printf ("%s.%u", section->number ? section->number : "", place);
  for (guint i = 0; i < JP_N_LANGS; i++)
    {
      project->title[i] = first_line (data->texts[JP_TEXT_BODY][i]);
      project->section_label[i] = unit_label (section, i);
    }
  project->status = data->status;
  project->phase = data->phase;
  project->progress_date = date && *date ? g_strdup (date) : NULL;
  return project;
}

/* The areas a section serves, as ids, once the areas are known. */
static void
set_areas (JpProgress     *self,
           GPtrArray      *projects,
           guint           from,
           JpSnapshotItem *section)
{
  if (section->areas == NULL)
    return;
  for (guint a = 0; a < section->areas->len; a++)
    for (guint i = 0; i < self->units[JP_KIND_AREA]->len; i++)
      {
        JpProgressUnit *area = g_ptr_array_index (self->units[JP_KIND_AREA], i);

        if (g_strcmp0 (area->uid, g_ptr_array_index (section->areas, a)) != 0)
          continue;
        for (guint p = from; p < projects->len; p++)
          g_array_append_val (JP_PROGRESS_PROJECT (g_ptr_array_index (projects, p))->areas, area->id);
      }
}

static void
read_section (JpProgress           *self,
              GPtrArray            *projects,
              JpSnapshotItem       *item,
              const JpProgressUnit *chapter,
              const char           *team)
{
  const JpProgressUnit *section = add_unit (self, item, chapter->id);
  guint from = projects->len, place = 0;

  for (guint i = 0; i < item->children->len; i++)
    {
      JpSnapshotItem *child = g_ptr_array_index (item->children, i);
      JpProgressProject *project;

      if (child->data.kind != JP_KIND_PROJECT)
        continue;
      project = new_project (child, chapter, section, ++place);
      project->team = g_strdup (team);
      g_ptr_array_add (projects, project);
    }
  set_areas (self, projects, from, item);
}

/* The programme's areas and the teams first: the sections name them. */
static void
read_units (JpProgress     *self,
            JpSnapshotItem *root)
{
  for (guint i = 0; i < root->children->len; i++)
    {
      JpSnapshotItem *child = g_ptr_array_index (root->children, i);

      if (child->data.kind != JP_KIND_PROGRAMME && child->data.kind != JP_KIND_CONTACTS)
        continue;
      for (guint j = 0; j < child->children->len; j++)
        {
          JpSnapshotItem *unit = g_ptr_array_index (child->children, j);

          if (unit->data.kind == JP_KIND_AREA || unit->data.kind == JP_KIND_TEAM)
            add_unit (self, unit, 0);
        }
    }
}

static void
read_chapters (JpProgress     *self,
               GPtrArray      *projects,
               JpSnapshotItem *root)
{
  for (guint i = 0; i < root->children->len; i++)
    {
      JpSnapshotItem *item = g_ptr_array_index (root->children, i);
      const JpProgressUnit *chapter;
      const char *team = item->data.fields[JP_FIELD_TEAM];

      if (item->data.kind != JP_KIND_CHAPTER)
        continue;
      chapter = add_unit (self, item, 0);
      for (guint j = 0; j < item->children->len; j++)
        {
          JpSnapshotItem *child = g_ptr_array_index (item->children, j);

          if (child->data.kind == JP_KIND_SECTION)
            read_section (self, projects, child, chapter, team && *team ? team : NULL);
        }
    }
}

static void schedule (JpProgress *self);

static void
watch (JpProgress *self,
       gint64      id)
{
  g_autoptr(JpItem) item = NULL;

  if (g_hash_table_contains (self->watched, &id))
    return;
  item = jp_store_lookup (self->store, id);
  if (item == NULL)
    return;
  g_signal_connect_object (item, "notify", G_CALLBACK (schedule), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->watched, g_memdup2 (&id, sizeof id), g_steal_pointer (&item));
}

static gboolean
unwatch_gone (gpointer key,
              gpointer value,
              gpointer user_data)
{
  JpProgress *self = user_data;
  gint64 id = *(gint64 *) key;

  /* A project removed and brought back by undo is another JpItem. */
  if (jp_item_get_removed (value))
    {
      g_signal_handlers_disconnect_by_data (value, self);
      return TRUE;
    }
  if (g_hash_table_contains (self->by_id, &id))
    return FALSE;
  for (guint i = 0; i < self->projects->len; i++)
    if (JP_PROGRESS_PROJECT (g_ptr_array_index (self->projects, i))->id == id)
      return FALSE;
  g_signal_handlers_disconnect_by_data (value, self);
  return TRUE;
}

/* Hears the edits of every project and section read. */
static void
watch_all (JpProgress *self)
{
  g_hash_table_foreach_remove (self->watched, unwatch_gone, self);
  for (guint i = 0; i < self->projects->len; i++)
    watch (self, JP_PROGRESS_PROJECT (g_ptr_array_index (self->projects, i))->id);
  for (guint i = 0; i < self->units[JP_KIND_SECTION]->len; i++)
    watch (self, ((JpProgressUnit *) g_ptr_array_index (self->units[JP_KIND_SECTION], i))->id);
}

static void
clear_units (JpProgress *self)
{
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < G_N_ELEMENTS (unit_kinds); i++)
    g_ptr_array_set_size (self->units[unit_kinds[i]], 0);
}

gboolean
jp_progress_reload (JpProgress  *self,
                    GError     **error)
{
  g_autoptr(JpItem) root = NULL;
  g_autoptr(JpSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) old = NULL;
  GPtrArray *projects = g_ptr_array_new_with_free_func (g_object_unref);
  const char *year;

  g_return_val_if_fail (JP_IS_PROGRESS (self), FALSE);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  root = jp_store_get_root (self->store);
  if (root != NULL)
    {
      snapshot = jp_store_load_snapshot (self->store, jp_item_get_id (root), error);
      if (snapshot == NULL)
        {
          g_ptr_array_unref (projects);
          return FALSE;
        }
    }
  clear_units (self);
  self->year = 0;
  if (snapshot != NULL && snapshot->root != NULL)
    {
      year = snapshot->root->data.fields[JP_FIELD_NUMBER];
      self->year = year ? (guint) g_ascii_strtoull (year, NULL, 10) : 0;
      read_units (self, snapshot->root);
      read_chapters (self, projects, snapshot->root);
    }
  old = g_steal_pointer (&self->projects);
  self->projects = projects;
  watch_all (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, projects->len);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
reload_idle (gpointer data)
{
  JpProgress *self = data;
  g_autoptr(GError) error = NULL;

  self->idle_id = 0;
  if (!jp_progress_reload (self, &error))
    g_warning ("Could not read the projects' progress: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule (JpProgress *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (reload_idle, self);
}

static void
jp_progress_dispose (GObject *object)
{
  JpProgress *self = JP_PROGRESS (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->watched != NULL)
    {
      GHashTableIter iter;
      gpointer item;

      /* Deaf to the items first; removing them frees the ids and drops
       * the references. */
      g_hash_table_iter_init (&iter, self->watched);
      while (g_hash_table_iter_next (&iter, NULL, &item))
        g_signal_handlers_disconnect_by_data (item, self);
      g_hash_table_remove_all (self->watched);
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jp_progress_parent_class)->dispose (object);
}

static void
jp_progress_finalize (GObject *object)
{
  JpProgress *self = JP_PROGRESS (object);

  g_ptr_array_unref (self->projects);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->watched);
  for (guint i = 0; i < JP_N_KINDS; i++)
    g_clear_pointer (&self->units[i], g_ptr_array_unref);

  G_OBJECT_CLASS (jp_progress_parent_class)->finalize (object);
}

static void
jp_progress_class_init (JpProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_progress_dispose;
  object_class->finalize = jp_progress_finalize;

  /* After the projects were read again (items-changed was emitted). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jp_progress_init (JpProgress *self)
{
  self->projects = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->watched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (unit_kinds); i++)
    self->units[unit_kinds[i]] = g_ptr_array_new_with_free_func (unit_free);
}

/* Read at once; what fails to read leaves it empty (and says why). */
JpProgress *
jp_progress_new (JpStore *store)
{
  JpProgress *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);

  self = g_object_new (JP_TYPE_PROGRESS, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (schedule), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "structure-changed", G_CALLBACK (schedule), self, G_CONNECT_SWAPPED);
  if (!jp_progress_reload (self, &error))
    g_warning ("Could not read the projects' progress: %s", error->message);
  return self;
}

JpStore *
jp_progress_get_store (JpProgress *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS (self), NULL);
  return self->store;
}

guint
jp_progress_get_year (JpProgress *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS (self), 0);
  return self->year;
}

GPtrArray *
jp_progress_get_units (JpProgress *self,
                       JpKind      kind)
{
  g_return_val_if_fail (JP_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (kind < JP_N_KINDS && self->units[kind] != NULL, NULL);
  return self->units[kind];
}

const JpProgressUnit *
jp_progress_find_unit (JpProgress *self,
                       gint64      id)
{
  g_return_val_if_fail (JP_IS_PROGRESS (self), NULL);
  return g_hash_table_lookup (self->by_id, &id);
}

guint
jp_progress_count (JpProgress             *self,
                   const JpProgressFilter *filter,
                   guint                   counts[JP_PROGRESS_N_STATUSES])
{
  guint total = 0;

  g_return_val_if_fail (JP_IS_PROGRESS (self), 0);

  if (counts != NULL)
    memset (counts, 0, sizeof (guint) * JP_PROGRESS_N_STATUSES);
  for (guint i = 0; i < self->projects->len; i++)
    {
      JpProgressProject *project = g_ptr_array_index (self->projects, i);

      if (!jp_progress_project_matches (project, filter))
        continue;
      total++;
      if (counts != NULL && project->status < JP_PROGRESS_N_STATUSES)
        counts[project->status]++;
    }
  return total;
}
