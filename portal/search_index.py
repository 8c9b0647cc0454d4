"""The stored search columns of searchable models, and the PostgreSQL triggers that fill them.

A searchable model takes ``SearchIndexed`` and one ``SearchTrigger`` in a migration. On
PostgreSQL a trigger keeps, on every insert and on every update of a searched column (by
``save()``, ``update()``, ``COPY`` or hand-written SQL alike):

- ``search_sv`` and ``search_en``: the weighted ``tsvector`` of the Swedish and the English
  site (the ``swedish`` and ``english`` configurations: stemming, stop words), NULL where
  the item is not on that site;
- ``search_name``: its names (title, acronym …) in both languages, lower-cased and without
  accents, for typo-tolerant matching by trigrams ("ostersjo" finds "Östersjökommissionen").

Each has its GIN index. SQLite (development) has the columns but neither triggers nor
indexes; portal/search.py searches it with a plain containment match instead.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.migrations.operations.base import Operation

SEARCH_FIELDS = ("search_sv", "search_en", "search_name")

# The text search configuration of each language of the site.
SEARCH_CONFIGS = {"sv": "swedish", "en": "english"}


class SearchIndexed(models.Model):
    search_sv = SearchVectorField(null=True, editable=False)
    search_en = SearchVectorField(null=True, editable=False)
    # NULL like the vectors, until the trigger has filled it.
    search_name = models.TextField(null=True, editable=False)  # noqa: DJ001

    class Meta:
        abstract = True


# unaccent() is only STABLE (its dictionary could change), so no index may use it; this
# wrapper names the dictionary and is declared IMMUTABLE, as the pg_trgm documentation advises.
UNACCENT_FUNCTION = """
CREATE OR REPLACE FUNCTION portal_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
"""


class CreateUnaccentFunction(Operation):
    """``portal_unaccent(text)``, on PostgreSQL only."""

    reversible = True

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(UNACCENT_FUNCTION)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("DROP FUNCTION IF EXISTS portal_unaccent(text)")

    def describe(self):
        return "Create the IMMUTABLE function portal_unaccent(text) on PostgreSQL"


def search_extensions():
    """The operations a first searchable model's migration starts with."""
    return [TrigramExtension(), UnaccentExtension(), CreateUnaccentFunction()]


class SearchTrigger(Operation):
    """Create (or replace) the trigger and the GIN indexes of a ``SearchIndexed`` model.

    ``weights`` maps "A" (the title), "B" (a lead or summary) and "C" (the rest) to the
    Swedish columns; a column's ``<column>_en`` twin, where the model has one, is the English
    text, with the Swedish as the fallback. ``english``:

    - ``"twins"``: on the English site with the English twins, or the Swedish text;
    - ``"translated"``: on the English site only when the first "A" column's twin is filled
      (a page without an English version is not on the English site);
    - ``"row"``: the row is in the one language of its ``language`` column.

    ``names`` are the columns of ``search_name`` (with their twins). Running it again with
    other columns replaces the trigger, so a migration that changes the searched fields says
    so with one more SearchTrigger. Nothing happens on other databases.
    """

    reversible = True

    def __init__(self, model_name, weights, names, english="twins"):
        self.model_name = model_name
        self.weights = weights
        self.names = names
        self.english = english

    def deconstruct(self):
        return (
            self.__class__.__name__,
            [],
            {
                "model_name": self.model_name,
                "weights": self.weights,
                "names": self.names,
                "english": self.english,
            },
        )

    def state_forwards(self, app_label, state):
        pass

    def describe(self):
        return f"Keep the search columns of {self.model_name} by a trigger (PostgreSQL)"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = to_state.apps.get_model(app_label, self.model_name)
        for statement in self.statements(model):
            schema_editor.execute(statement)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = model_table(from_state.apps.get_model(app_label, self.model_name))
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_search ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_search()")
        for column in SEARCH_FIELDS:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_{column}")

    # The SQL ---------------------------------------------------------------------------------

    def statements(self, model):
        table = model_table(model)
        columns = {field.column for field in model._meta.concrete_fields}

        def twin(column):
            return f"{column}_en" if f"{column}_en" in columns else None

        def english_text(column):
            english = twin(column)
            if english and self.english != "translated":
                return f"coalesce(nullif(NEW.{english}, ''), NEW.{column})"
            return f"NEW.{english or column}"

        swedish = self.vector("swedish", lambda column: f"NEW.{column}")
        english = self.vector("english", english_text)
        if self.english == "row":
            swedish = f"CASE WHEN NEW.language = 'sv' THEN {swedish} END"
            english = f"CASE WHEN NEW.language = 'en' THEN {english} END"
        elif self.english == "translated":
            first = twin(self.weights["A"][0])
            english = f"CASE WHEN NEW.{first} <> '' THEN {english} END"
        names = [f"NEW.{column}" for column in self.names]
        names += [f"NEW.{twin(column)}" for column in self.names if twin(column)]
        searched = [
            *(column for group in self.weights.values() for column in group),
            *self.names,
        ]
        searched += [twin(column) for column in searched if twin(column)]
        if self.english == "row":
            searched.append("language")
        searched = sorted(set(searched))
        return [
            f"""
            CREATE OR REPLACE FUNCTION {table}_search() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.search_sv := {swedish};
                NEW.search_en := {english};
                NEW.search_name := portal_unaccent(lower(concat_ws(' ', {', '.join(names)})));
                RETURN NEW;
            END
            $$
            """,
            f"DROP TRIGGER IF EXISTS {table}_search ON {table}",
            f"""
            CREATE TRIGGER {table}_search
            BEFORE INSERT OR UPDATE OF {', '.join(searched)} ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_search()
            """,
            # Fills the columns of the rows already there.
            f"UPDATE {table} SET {searched[0]} = {searched[0]}",  # noqa: S608 - names, no input
            f"CREATE INDEX IF NOT EXISTS {table}_search_sv ON {table} USING gin (search_sv)",
            f"CREATE INDEX IF NOT EXISTS {table}_search_en ON {table} USING gin (search_en)",
            f"CREATE INDEX IF NOT EXISTS {table}_search_name ON {table} "
            "USING gin (search_name gin_trgm_ops)",
            name_statistics(table),
        ]

    def vector(self, config, text_of):
        return " || ".join(
            f"setweight(to_tsvector('{config}', coalesce({text_of(column)}, '')), '{weight}')"
            for weight, group in sorted(self.weights.items())
            for column in group
        )


def model_table(model):
    return model._meta.db_table


# The planner estimates a trigram condition on names by trying it on the column's most common
# values and histogram: up to 200 names by default, for every type, on every plan of a search
# that looks for similar names. Ten of each estimate as well for a condition this selective;
# a misspelt word's site search spent 44 ms in the database with the default, 31 ms with ten
# (large scale, one search after another), most of the difference in planning.
NAME_STATISTICS = 10


def name_statistics(table):
    return f"ALTER TABLE {table} ALTER COLUMN search_name SET STATISTICS {NAME_STATISTICS}"


class SearchNameStatistics(Operation):
    """Keep few statistics of a ``SearchIndexed`` model's ``search_name`` (see
    ``NAME_STATISTICS``); ``SearchTrigger`` does so for the models it is run for from now on.
    Nothing happens on other databases."""

    reversible = True

    def __init__(self, model_name):
        self.model_name = model_name

    def deconstruct(self):
        return (self.__class__.__name__, [], {"model_name": self.model_name})

    def state_forwards(self, app_label, state):
        pass

    def describe(self):
        return f"Keep few statistics of the search names of {self.model_name} (PostgreSQL)"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            table = model_table(to_state.apps.get_model(app_label, self.model_name))
            schema_editor.execute(name_statistics(table))
            schema_editor.execute(f"ANALYZE {table} (search_name)")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            table = model_table(from_state.apps.get_model(app_label, self.model_name))
            schema_editor.execute(
                f"ALTER TABLE {table} ALTER COLUMN search_name SET STATISTICS -1"
            )
