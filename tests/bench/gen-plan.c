/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gen-plan: writes a synthetic plan of a given size in the exchange
 * format (valid against data/jaarplan.rng), deterministically: the same
 * size and seed always give the same bytes.
 *
 *   gen-plan [--size N] [--seed S] --xml OUT.xml [--sql OUT.sql] [--queries OUT.txt]
 *
 * N is the number of projects plus working groups.  The plan has seven
 * policy areas, eight chapters, a section per twenty projects and groups,
 * objectives, sub-items, nested groups with codes such as
 * "SENN/POL-STRAT", contacts, and texts in Dutch and French of realistic
 * length.  --sql writes the same rows as SQL statements for the sqlite3
 * shell (into the schema of an empty plan database whose item table is
 * empty); --queries writes 100 typical search queries, one a line.
 */
#define G_LOG_DOMAIN "jp-gen-plan"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

/* ------------------------------------------------------------ randomness */

static guint64 rng_state;

static guint64
rng_next (void)
{
  /* splitmix64: small, fast, the same everywhere */
  guint64 z = (rng_state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* A number in [lo, hi]. */
static guint
rng_range (guint lo,
           guint hi)
{
  return lo + (guint) (rng_next () % (guint64) (hi - lo + 1));
}

static double
rng_unit (void)
{
  return (rng_next () >> 11) * (1.0 / 9007199254740992.0);
}

static gboolean
rng_chance (double p)
{
  return rng_unit () < p;
}

/* ------------------------------------------------------------ vocabulary */

static const char * const nl_words[] = {
  "de", "het", "een", "en", "van", "in", "op", "te", "voor", "met", "door", "over", "bij", "naar",
  "om", "aan", "tussen", "binnen", "rond", "zoals", "ook", "die", "dat", "wordt", "worden", "zijn",
  "heeft", "hebben", "kan", "moet", "zal", "nog", "meer", "verder", "samen", "drie", "landen",
  "Benelux", "Benelux-Unie", "samenwerking", "grensoverschrijdende", "grens", "overheden", "ministers",
  "werkgroep", "commissie", "overleg", "beleid", "ontwikkeling", "duurzame", "energie", "markt",
  "interne", "economische", "unie", "justitie", "binnenlandse", "zaken", "veiligheid", "politie",
  "mobiliteit", "vervoer", "goederen", "diensten", "consumenten", "ondernemingen", "arbeidsmarkt",
  "onderwijs", "diploma's", "erkenning", "gezondheidszorg", "geneesmiddelen", "voedselveiligheid",
  "milieu", "natuur", "klimaat", "water", "ruimtelijke", "ordening", "netwerk", "infrastructuur",
  "uitwisseling", "goede", "praktijken", "informatie", "gegevens", "regelgeving", "richtlijn",
  "verordening", "Europese", "EU", "Verdrag", "Comité", "Raad", "Secretariaat-Generaal", "voorstel",
  "aanbeveling", "beschikking", "studie", "onderzoek", "evaluatie", "uitvoering", "opvolging",
  "versterken", "bevorderen", "uitwerken", "onderzoeken", "verbeteren", "vereenvoudigen", "afstemmen",
  "coördineren", "ondersteunen", "ontwikkelen", "voortzetten", "organiseren", "voorbereiden",
  "concrete", "praktische", "nieuwe", "bestaande", "regionale", "nationale", "gezamenlijke",
  "knelpunten", "burgers", "pendelaars", "grensarbeiders", "bedrijven", "inspectie", "handhaving",
  "crisisbeheersing", "rampenbestrijding", "brandweer", "ambulance", "fraude", "mensenhandel",
  "drugs", "criminaliteit", "rijbewijzen", "kentekens", "voertuigen", "spoorwegen", "binnenvaart",
  "havens", "luchtvaart", "elektriciteit", "gas", "windenergie", "octrooien", "merken", "tekeningen",
  "intellectuele", "eigendom", "statistiek", "digitale", "agenda", "e-overheid", "administratieve",
  "lasten", "jaarplan", "werkprogramma", "doelstelling", "ambitie", "prioriteit", "resultaten",
};

static const char * const fr_words[] = {
  "le", "la", "les", "de", "des", "du", "et", "en", "à", "au", "aux", "pour", "par", "sur", "dans",
  "avec", "entre", "vers", "ainsi", "aussi", "qui", "que", "est", "sont", "sera", "peut", "doit",
  "encore", "plus", "trois", "pays", "Benelux", "Union", "coopération", "transfrontalière",
  "frontière", "autorités", "ministres", "groupe", "travail", "commission", "concertation",
  "politique", "développement", "durable", "énergie", "marché", "intérieur", "économique", "justice",
  "affaires", "intérieures", "sécurité", "police", "mobilité", "transport", "marchandises",
  "services", "consommateurs", "entreprises", "emploi", "enseignement", "diplômes", "reconnaissance",
  "santé", "médicaments", "sécurité alimentaire", "environnement", "nature", "climat", "eau",
  "aménagement", "territoire", "réseau", "infrastructure", "échange", "bonnes", "pratiques",
  "information", "données", "réglementation", "directive", "règlement", "européenne", "UE", "Traité",
  "Comité", "Conseil", "Secrétariat", "général", "proposition", "recommandation", "décision", "étude",
  "recherche", "évaluation", "mise", "œuvre", "suivi", "renforcer", "promouvoir", "élaborer",
  "examiner", "améliorer", "simplifier", "harmoniser", "coordonner", "soutenir", "développer",
  "poursuivre", "organiser", "préparer", "concrètes", "pratiques", "nouvelles", "existantes",
  "régionale", "nationale", "commune", "obstacles", "citoyens", "navetteurs", "frontaliers",
  "inspection", "contrôle", "gestion", "crise", "catastrophes", "pompiers", "ambulances", "fraude",
  "traite", "êtres", "humains", "drogues", "criminalité", "permis", "conduire", "véhicules",
  "chemins", "fer", "navigation", "intérieure", "ports", "aviation", "électricité", "gaz",
  "éolienne", "brevets", "marques", "dessins", "propriété", "intellectuelle", "statistique",
  "numérique", "administration", "charges", "administratives", "plan", "annuel", "programme",
  "objectif", "ambition", "priorité", "résultats", "l'Union", "d'un", "l'échange", "d'information",
};

static const char * const nl_syllables[] = {
  "ver", "ont", "wik", "ke", "ling", "sa", "men", "wer", "king", "be", "leid", "grens", "over",
  "schrij", "dend", "han", "del", "stel", "sel", "raad", "ge", "meen", "schap", "pe", "lijk",
  "heid", "zorg", "vei", "lig", "uit", "voe", "ring", "af", "spraak", "toe", "zicht", "net",
  "werk", "land", "bouw", "ver", "keer", "mid", "del", "en", "ar", "beid", "recht", "ma", "tig",
};

static const char * const fr_syllables[] = {
  "co", "opé", "ra", "tion", "dé", "ve", "lop", "pe", "ment", "trans", "fron", "ta", "lier",
  "ré", "gle", "men", "tai", "re", "pro", "gram", "mi", "nis", "té", "riel", "con", "cer",
  "ter", "ri", "to", "rial", "sé", "cu", "ri", "té", "ges", "tion", "ad", "mi", "nis", "tra",
  "tif", "po", "li", "tique", "en", "vi", "ron", "ne", "mental", "com", "mu", "nau",
};

static const char * const code_first[] = {
  "SENN", "VET", "GS", "VE", "BEN", "JBZ", "IME", "DO", "MOB", "ENER", "WG", "COM", "PENTA", "GAS",
};
static const char * const code_second[] = {
  "POL", "CT", "SA", "DV", "GRENS", "DIR", "TECH", "JUR", "ADM", "OPS", "STAT", "NET", "INFO",
};
static const char * const code_third[] = {
  "STRAT", "DIR", "CVO", "AA", "DIV", "WG1", "WG2", "SG", "EXP", "COORD", "PLEN", "BUR",
};

static const char * const surnames[] = {
  "Janssens", "Peeters", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
  "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos",
  "Dupont", "Lambert", "Dubois", "Martin", "Simon", "Laurent", "Leroy", "Renard", "Lejeune",
  "Schmit", "Muller", "Weber", "Wagner", "Hoffmann", "Thill", "Kieffer", "Reuter", "Schroeder",
};

static const char * const area_titles[7][2] = {
  { "Interne markt en economische unie", "Marché intérieur et union économique" },
  { "Energie", "Énergie" },
  { "Mobiliteit en vervoer", "Mobilité et transport" },
  { "Duurzame ontwikkeling", "Développement durable" },
  { "Veiligheid", "Sécurité" },
  { "Justitie en binnenlandse zaken", "Justice et affaires intérieures" },
  { "Grensoverschrijdende samenwerking", "Coopération transfrontalière" },
};

static const char * const team_titles[5][2] = {
  { "Leden van het College", "Membres du Collège" },
  { "Interne markt en economische unie", "Marché intérieur et union économique" },
  { "Duurzame ontwikkeling", "Développement durable" },
  { "Justitie en binnenlandse zaken", "Justice et affaires intérieures" },
  { "Stafbureau", "Bureau d'état-major" },
};
static const char * const team_uids[5] = {
  "team-college", "team-ime", "team-do", "team-jbz", "team-staf",
};

/* A word: mostly a common one (the first ones most often), sometimes a
 * composed one, so that the vocabulary grows with the plan. */
static void
append_word (GString *s,
             gboolean fr)
{
  const char * const *words = fr ? fr_words : nl_words;
  guint n_words = fr ? G_N_ELEMENTS (fr_words) : G_N_ELEMENTS (nl_words);

  if (rng_chance (0.8))
    {
      double u = rng_unit ();
      g_string_append (s, words[(guint) (u * u * n_words)]);
    }
  else
    {
      const char * const *syll = fr ? fr_syllables : nl_syllables;
      guint n_syll = fr ? G_N_ELEMENTS (fr_syllables) : G_N_ELEMENTS (nl_syllables);
      guint n = rng_range (2, 4);

      for (guint i = 0; i < n; i++)
        g_string_append (s, syll[rng_next () % n_syll]);
    }
}

static char *
make_text (gboolean fr,
           guint    min_words,
           guint    max_words,
           gboolean sentence)
{
  GString *s = g_string_new (NULL);
  guint n = rng_range (min_words, max_words);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      append_word (s, fr);
      if (sentence && i + 1 < n && rng_chance (0.06))
        g_string_append_c (s, ',');
    }
  if (s->len > 0)
    {
      /* Capitalise an ASCII first letter. */
      s->str[0] = g_ascii_toupper (s->str[0]);
      if (sentence)
        g_string_append_c (s, rng_chance (0.7) ? '.' : ';');
    }
  return g_string_free (s, FALSE);
}

static char *
make_code (void)
{
  GString *s = g_string_new (code_first[rng_next () % G_N_ELEMENTS (code_first)]);

  g_string_append_c (s, '/');
  g_string_append (s, code_second[rng_next () % G_N_ELEMENTS (code_second)]);
  if (rng_chance (0.8))
    {
      g_string_append_c (s, '-');
      g_string_append (s, code_third[rng_next () % G_N_ELEMENTS (code_third)]);
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ output */

typedef struct {
  FILE    *xml;
  FILE    *sql;
  guint64  next_id;
  guint    depth;
  guint    n_items;
  guint    n_texts;
} Out;

/* The innermost open item: its id and the next child's position. */
typedef struct {
  guint64 id;
  guint   next_position;
} Frame;

static Frame stack[64];
static guint stack_len;

/* The ids of the seven areas, for the sections' links. */
static guint64 area_ids[8];

static void
indent (Out *out)
{
  for (guint i = 0; i < out->depth; i++)
    fputs ("  ", out->xml);
}

static void
xml_escaped (FILE       *f,
             const char *s)
{
  g_autofree char *escaped = g_markup_escape_text (s, -1);
  fputs (escaped, f);
}

static void
sql_quoted (FILE       *f,
            const char *s)
{
  if (s == NULL)
    {
      fputs ("NULL", f);
      return;
    }
  fputc ('\'', f);
  for (const char *p = s; *p; p++)
    {
      if (*p == '\'')
        fputc ('\'', f);
      fputc (*p, f);
    }
  fputc ('\'', f);
}

typedef struct {
  const char *phase, *status, *number, *code, *person, *email, *phone, *valid_from, *valid_until, *team;
  const char *areas;   /* a section's area uids, separated by spaces */
} Attrs;

/* Opens an item: writes its start tag and its row. */
static void
open_item (Out         *out,
           const char  *kind,
           const char  *uid,
           const Attrs *a)
{
  static const Attrs none = { 0, };
  guint64 id = ++out->next_id;
  guint64 parent = stack_len ? stack[stack_len - 1].id : 0;
  guint position = stack_len ? stack[stack_len - 1].next_position++ : 0;
  gboolean is_plan = strcmp (kind, "plan") == 0;

  if (a == NULL)
    a = &none;
  out->n_items++;

  indent (out);
  if (is_plan)
    fprintf (out->xml, "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"%s\"",
             a->number ? a->number : "2013");
  else if (strcmp (kind, "contacts") == 0)
    fputs ("<contacts", out->xml);
  else
    fprintf (out->xml, "<%s id=\"%s\"", kind, uid);
#define ATTR(name, value) \
  if (value) { fputs (" " name "=\"", out->xml); xml_escaped (out->xml, value); fputc ('"', out->xml); }
  if (!is_plan)
    ATTR ("number", a->number);
  ATTR ("team", a->team);
  ATTR ("areas", a->areas);
  ATTR ("phase", a->phase);
  ATTR ("status", a->status);
  ATTR ("code", a->code);
  ATTR ("person", a->person);
  ATTR ("email", a->email);
  ATTR ("phone", a->phone);
  ATTR ("valid-from", a->valid_from);
  ATTR ("valid-until", a->valid_until);
#undef ATTR
  fputs (">\n", out->xml);

  if (out->sql)
    {
      FILE *f = out->sql;

      fprintf (f, "INSERT INTO item (id,uid,kind,parent,position,phase,status,number,code,person,email,phone,"
                  "valid_from,valid_until,team) VALUES (%" G_GUINT64_FORMAT ",", id);
      sql_quoted (f, is_plan ? "plan" : uid);
      fputc (',', f);
      sql_quoted (f, kind);
      if (parent)
        fprintf (f, ",%" G_GUINT64_FORMAT ",%u,", parent, position);
      else
        fprintf (f, ",NULL,%u,", position);
      sql_quoted (f, a->phase);     fputc (',', f);
      sql_quoted (f, a->status);    fputc (',', f);
      sql_quoted (f, a->number);    fputc (',', f);
      sql_quoted (f, a->code);      fputc (',', f);
      sql_quoted (f, a->person);    fputc (',', f);
      sql_quoted (f, a->email);     fputc (',', f);
      sql_quoted (f, a->phone);     fputc (',', f);
      sql_quoted (f, a->valid_from);  fputc (',', f);
      sql_quoted (f, a->valid_until); fputc (',', f);
      sql_quoted (f, a->team);
      fputs (");\n", f);
    }

  stack[stack_len].id = id;
  stack[stack_len].next_position = 0;
  stack_len++;
  out->depth++;
}

static void
close_item (Out        *out,
            const char *kind)
{
  stack_len--;
  out->depth--;
  indent (out);
  fprintf (out->xml, "</%s>\n", kind);
}

/* An item without attributes or children other than @texts. */
static void
text (Out        *out,
      const char *element,
      const char *lang,
      const char *value)
{
  indent (out);
  fprintf (out->xml, "<%s xml:lang=\"%s\">", element, lang);
  xml_escaped (out->xml, value);
  fprintf (out->xml, "</%s>\n", element);
  out->n_texts++;

  if (out->sql)
    {
      fprintf (out->sql, "INSERT INTO text (item,field,lang,value) VALUES (%" G_GUINT64_FORMAT ",'%s','%s',",
               stack[stack_len - 1].id, element, lang);
      sql_quoted (out->sql, value);
      fputs (");\n", out->sql);
    }
}

/* Both languages (the French one missing now and then). */
static void
texts (Out        *out,
       const char *element,
       guint       min_words,
       guint       max_words,
       gboolean    sentence)
{
  g_autofree char *nl = make_text (FALSE, min_words, max_words, sentence);

  text (out, element, "nl", nl);
  if (rng_chance (0.85))
    {
      g_autofree char *fr = make_text (TRUE, min_words, max_words, sentence);
      text (out, element, "fr", fr);
    }
}

static void
sub_items (Out        *out,
           const char *parent_uid,
           guint       n,
           guint       level)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = g_strdup_printf ("%s-%u", parent_uid, i + 1);

      open_item (out, "item", uid, NULL);
      texts (out, "text", 10, 40, TRUE);
      if (level < 2 && rng_chance (0.08))
        sub_items (out, uid, rng_range (1, 3), level + 1);
      close_item (out, "item");
    }
}

static void
group (Out        *out,
       const char *uid,
       guint       n_children)
{
  g_autofree char *code = rng_chance (0.75) ? make_code () : NULL;
  Attrs a = { .code = code };

  open_item (out, "group", uid, &a);
  texts (out, "title", 3, 12, FALSE);
  if (rng_chance (0.05))
    texts (out, "note", 5, 20, TRUE);
  for (guint i = 0; i < n_children; i++)
    {
      g_autofree char *child = g_strdup_printf ("%s-%u", uid, i + 1);
      group (out, child, 0);
    }
  close_item (out, "group");
}

static const char * const statuses[] = { "planned", "in-progress", "done", "postponed", "dropped" };

/* Writes a section with about @budget projects and groups; returns how
 * many it wrote. */
static guint
section (Out        *out,
         guint       chapter,
         guint       number,
         const char *areas,
         guint       budget)
{
  g_autofree char *uid = g_strdup_printf ("sec-%u.%u", chapter, number);
  g_autofree char *num = g_strdup_printf ("%u.%u", chapter, number);
  Attrs a = { .number = num, .areas = areas };
  guint n_projects = budget * 6 / 10, n_groups, written = 0;

  open_item (out, "section", uid, &a);
  if (out->sql && areas)
    {
      g_auto(GStrv) list = g_strsplit (areas, " ", -1);

      for (guint i = 0; list[i]; i++)
        fprintf (out->sql, "INSERT INTO link (section,area) VALUES (%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ");\n",
                 out->next_id, area_ids[g_ascii_strtoull (list[i] + strlen ("area-"), NULL, 10)]);
    }
  texts (out, "title", 3, 12, FALSE);
  if (rng_chance (0.3))
    texts (out, "text", 20, 80, TRUE);

  for (guint i = 0, n = rng_range (1, 3); i < n; i++)
    {
      g_autofree char *ouid = g_strdup_printf ("%s-o%u", uid, i + 1);

      open_item (out, "objective", ouid, NULL);
      texts (out, "text", 15, 50, TRUE);
      close_item (out, "objective");
    }

  for (guint i = 0; i < n_projects; i++)
    {
      g_autofree char *puid = g_strdup_printf ("%s-p%u", uid, i + 1);
      gboolean ongoing = rng_chance (0.5);
      Attrs pa = {
        .phase = ongoing ? "ongoing" : "new",
        .status = ongoing ? statuses[rng_range (1, 4)] : statuses[rng_chance (0.8) ? 0 : rng_range (0, 4)],
      };

      open_item (out, "project", puid, &pa);
      texts (out, "text", 20, 80, TRUE);
      if (rng_chance (0.05))
        texts (out, "note", 5, 25, TRUE);
      if (rng_chance (0.3))
        sub_items (out, puid, rng_range (1, 4), 1);
      close_item (out, "project");
      written++;
    }

  /* Groups: top-level ones, some with nested ones, until the budget. */
  n_groups = budget - n_projects;
  for (guint i = 0; n_groups > 0; i++)
    {
      g_autofree char *guid = g_strdup_printf ("%s-g%u", uid, i + 1);
      guint children = rng_chance (0.25) ? rng_range (1, 4) : 0;

      children = MIN (children, n_groups - 1);

      group (out, guid, children);
      n_groups -= children + 1;
      written += children + 1;
    }

  close_item (out, "section");
  return written;
}

static void
write_plan (Out   *out,
            guint  size)
{
  static const char * const chapter_teams[8] = {
    NULL, NULL, "team-ime", "team-ime", "team-do", "team-jbz", "team-staf", "team-staf",
  };
  guint n_sections = MAX (size / 20, 8);   /* at most 999 a chapter */
  guint written = 0, sec_done = 0;
  guint n_contacts = MAX (30, size / 100);
  Attrs plan = { .number = "2013" };

  open_item (out, "plan", "plan", &plan);
  text (out, "title", "nl", "Jaarplan 2013 (synthetisch)");
  text (out, "title", "fr", "Plan annuel 2013 (synthétique)");
  text (out, "reference", "nl", "Benelux-Publicatieblad, jaargang 2013, nummer 2");

  /* The programme: two parts, the seven areas with objectives. */
  open_item (out, "programme", "wp", NULL);
  text (out, "title", "nl", "Gemeenschappelijk Werkprogramma 2013-2016");
  text (out, "title", "fr", "Programme de travail commun 2013-2016");
  for (guint p = 1; p <= 2; p++)
    {
      g_autofree char *uid = g_strdup_printf ("wp-%u", p);
      g_autofree char *num = g_strdup_printf ("%u", p);
      Attrs a = { .number = num };

      open_item (out, "part", uid, &a);
      texts (out, "title", 3, 12, FALSE);
      texts (out, "text", 60, 200, TRUE);
      close_item (out, "part");
    }
  for (guint k = 0; k < 7; k++)
    {
      g_autofree char *uid = g_strdup_printf ("area-%u", k + 1);
      g_autofree char *num = g_strdup_printf ("%u", k + 1);
      Attrs a = { .number = num };

      open_item (out, "area", uid, &a);
      area_ids[k + 1] = out->next_id;
      text (out, "title", "nl", area_titles[k][0]);
      text (out, "title", "fr", area_titles[k][1]);
      texts (out, "ambition", 40, 120, TRUE);
      texts (out, "legitimation", 40, 120, TRUE);
      for (guint o = 0, n = rng_range (3, 10); o < n; o++)
        {
          g_autofree char *ouid = g_strdup_printf ("%s-o%u", uid, o + 1);

          open_item (out, "objective", ouid, NULL);
          texts (out, "text", 15, 50, TRUE);
          if (rng_chance (0.5))
            sub_items (out, ouid, rng_range (1, 5), 1);
          close_item (out, "objective");
        }
      close_item (out, "area");
    }
  close_item (out, "programme");

  /* Eight chapters; chapters 1 and 2 are introductions, 3 to 8 hold the
   * sections (in proportion), 8 a few. */
  for (guint c = 1; c <= 8; c++)
    {
      g_autofree char *uid = g_strdup_printf ("ch-%u", c);
      g_autofree char *num = g_strdup_printf ("%u", c);
      Attrs a = { .number = num, .team = chapter_teams[c - 1] };
      guint sec_here;

      if (c <= 2)
        sec_here = 1;
      else if (c == 8)
        sec_here = MAX (1, n_sections / 40);
      else
        sec_here = (n_sections - 2 - MAX (1, n_sections / 40)) / 5 +
                   (c == 7 ? (n_sections - 2 - MAX (1, n_sections / 40)) % 5 : 0);

      open_item (out, "chapter", uid, &a);
      texts (out, "title", 3, 12, FALSE);
      texts (out, "text", 40, 150, TRUE);
      for (guint s = 1; s <= sec_here; s++)
        {
          GString *areas = g_string_new (NULL);
          guint left = size - written, sections_left = n_sections - sec_done;
          guint budget = sections_left > 1 ? left / sections_left : left;

          /* Budgets vary around the mean: 3..2×mean-3 (same total). */
          if (sections_left > 1 && budget >= 6)
            budget = rng_range (3, 2 * budget - 3);
          budget = MIN (MAX (budget, 1), left);
          if (c > 2)
            {
              guint area = rng_range (1, 7);
              g_string_append_printf (areas, "area-%u", area);
              if (rng_chance (0.15))
                g_string_append_printf (areas, " area-%u", area % 7 + 1);
            }
          written += section (out, c, s, areas->len ? areas->str : NULL, budget);
          sec_done++;
          g_string_free (areas, TRUE);
        }
      close_item (out, "chapter");
    }

  /* Contacts: the five teams, subjects of one to three people. */
  open_item (out, "contacts", "contacts", NULL);
  for (guint t = 0, made = 0; t < 5; t++)
    {
      guint per_team = n_contacts / 5;

      open_item (out, "team", team_uids[t], NULL);
      text (out, "title", "nl", team_titles[t][0]);
      text (out, "title", "fr", team_titles[t][1]);
      for (guint s = 1, done = 0; done < per_team; s++)
        {
          g_autofree char *suid = g_strdup_printf ("%s-s%u", team_uids[t], s);

          open_item (out, "subject", suid, NULL);
          texts (out, "title", 2, 6, FALSE);
          for (guint p = 0, n = rng_range (1, 3); p < n && done < per_team; p++, done++, made++)
            {
              g_autofree char *cuid = g_strdup_printf ("%s-c%u", suid, p + 1);
              const char *surname = surnames[rng_next () % G_N_ELEMENTS (surnames)];
              char initial = 'A' + rng_range (0, 25);
              g_autofree char *person = g_strdup_printf ("%c. %s", initial, surname);
              g_autofree char *login = g_ascii_strdown (surname, -1);
              g_autofree char *email = NULL;
              g_autofree char *phone = g_strdup_printf ("+32 (0)2 519 %02u %02u", rng_range (30, 39), rng_range (0, 99));
              Attrs a = { .person = person, .phone = phone };

              g_strdelimit (login, " ", '.');
              email = g_strdup_printf ("%c.%s%u@benelux.int", g_ascii_tolower (initial), login, made);
              a.email = email;
              if (rng_chance (0.05))
                a.valid_until = "2013-03-01";
              else if (rng_chance (0.05))
                a.valid_from = "2013-03-01";
              open_item (out, "contact", cuid, &a);
              close_item (out, "contact");
            }
          close_item (out, "subject");
        }
      close_item (out, "team");
    }
  close_item (out, "contacts");
  close_item (out, "plan");
}

/* 100 typical queries: common and rare words of both languages, codes
 * and parts of codes, prefixes as typed, two words, people. */
static void
write_queries (FILE *f)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GString) q = g_string_new (NULL);

      switch (i % 10)
        {
        case 0: case 1:   /* a word */
          append_word (q, i % 2);
          break;
        case 2:           /* a prefix, as typed so far */
          append_word (q, i % 4 == 0);
          if (g_utf8_strlen (q->str, -1) > 4)
            g_string_truncate (q, g_utf8_offset_to_pointer (q->str, 4) - q->str);
          break;
        case 3: case 4:   /* two words */
          append_word (q, i % 2);
          g_string_append_c (q, ' ');
          append_word (q, i % 2);
          break;
        case 5: {         /* a code */
          g_autofree char *code = make_code ();
          g_string_append (q, code);
          break;
          }
        case 6:           /* the start of a code */
          g_string_append (q, code_first[rng_next () % G_N_ELEMENTS (code_first)]);
          if (rng_chance (0.5))
            {
              g_string_append_c (q, '/');
              g_string_append (q, code_second[rng_next () % G_N_ELEMENTS (code_second)]);
            }
          break;
        case 7:           /* a person */
          g_string_append (q, surnames[rng_next () % G_N_ELEMENTS (surnames)]);
          break;
        case 8: {         /* a rare, composed word */
          const char * const *syll = (i % 4 == 0) ? fr_syllables : nl_syllables;
          guint n = (i % 4 == 0) ? G_N_ELEMENTS (fr_syllables) : G_N_ELEMENTS (nl_syllables);
          g_string_append (q, syll[rng_next () % n]);
          g_string_append (q, syll[rng_next () % n]);
          g_string_append (q, syll[rng_next () % n]);
          break;
          }
        default:          /* a short prefix */
          append_word (q, i % 3 == 0);
          if (g_utf8_strlen (q->str, -1) > 2)
            g_string_truncate (q, g_utf8_offset_to_pointer (q->str, 2) - q->str);
          break;
        }
      fprintf (f, "%s\n", q->str);
    }
}

int
main (int    argc,
      char **argv)
{
  gint64 size = 1000, seed = 2013;
  g_autofree char *xml_path = NULL, *sql_path = NULL, *queries_path = NULL;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_INT64, &size, "Number of projects and working groups", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator", "S" },
    { "xml", 0, 0, G_OPTION_ARG_FILENAME, &xml_path, "Where to write the plan", "FILE" },
    { "sql", 0, 0, G_OPTION_ARG_FILENAME, &sql_path, "Where to write the same rows as SQL", "FILE" },
    { "queries", 0, 0, G_OPTION_ARG_FILENAME, &queries_path, "Where to write 100 search queries", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- write a synthetic plan");
  g_autoptr(GError) error = NULL;
  Out out = { 0, };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (xml_path == NULL || size < 1 || size > 10000000)
    {
      g_printerr ("gen-plan: --xml FILE is needed, and --size between 1 and 10000000\n");
      return 2;
    }

  rng_state = (guint64) seed;
  out.xml = fopen (xml_path, "w");
  if (out.xml == NULL)
    {
      g_printerr ("gen-plan: cannot write %s\n", xml_path);
      return 1;
    }
  if (sql_path)
    {
      out.sql = fopen (sql_path, "w");
      if (out.sql == NULL)
        {
          g_printerr ("gen-plan: cannot write %s\n", sql_path);
          return 1;
        }
      fputs ("PRAGMA foreign_keys = ON;\nBEGIN;\n", out.sql);
    }

  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out.xml);
  write_plan (&out, (guint) size);

  if (queries_path)
    {
      FILE *q = fopen (queries_path, "w");
      if (q == NULL)
        {
          g_printerr ("gen-plan: cannot write %s\n", queries_path);
          return 1;
        }
      write_queries (q);
      fclose (q);
    }

  if (fclose (out.xml) != 0 || (out.sql && (fputs ("COMMIT;\n", out.sql), fclose (out.sql)) != 0))
    {
      g_printerr ("gen-plan: writing failed\n");
      return 1;
    }
  g_printerr ("gen-plan: %u items, %u texts\n", out.n_items, out.n_texts);
  return 0;
}
