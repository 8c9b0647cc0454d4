"""Site search: one query over everything the apps list in their ``search`` hook modules.

Each app's ``search.py`` names its searchable models in ``SEARCHABLE``, a list of
``Searchable``; this module is the portal's own (pages and documents) and gathers the rest
through config.registry, so it imports no app. The models take
``portal.search_index.SearchIndexed``, whose stored, trigger-kept ``tsvector`` columns and
trigram names it queries on PostgreSQL:

- Swedish stemming on the Swedish site, English on the English one ("praktikanter" finds
  "praktikant"); title above lead above the rest (the weights A, B, C);
- typos and missing accents in names by trigram word similarity ("Ostersjo" finds
  "Östersjökommissionen");
- at most ``CANDIDATES`` matches of a type are counted and ranked, so that a word found in
  half the archive costs no more than a rare one; the excerpt is made for shown results only.

SQLite (``make run`` without PostgreSQL) gets a containment match, newest first.
"""

import difflib
import functools
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connections, transaction
from django.db.models import BooleanField, F, Func, IntegerField, Q, QuerySet, Value
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from config.registry import app_modules
from portal.i18n import localized
from portal.search_index import SEARCH_CONFIGS, SEARCH_FIELDS

# Longer queries are refused by the search forms; the same bound for callers.
MAX_QUERY_LENGTH = 200
# How many matches of one type are counted and ranked at most.
CANDIDATES = 1000
# A search whose words find fewer than this many in all is made again with similar names.
FEW_MATCHES = 5
# How similar (pg_trgm's word similarity) a name must be to the words to be found by them.
NAME_SIMILARITY = 0.7
# How similar a name must be to offer it as "did you mean" when nothing matches.
SUGGESTION_SIMILARITY = 0.4
# How many names of a type "did you mean" compares at most: a misspelt common beginning
# ("nordflwo") is that similar to a hundred thousand news titles at the huge scale, and
# comparing them all took 1.5 s; the closest of the first thousand is a fair suggestion.
SUGGESTION_CANDIDATES = 1000

# Around the matched words of an excerpt: characters no text of the site contains, replaced
# by <mark> once the excerpt is escaped.
_MARK_START, _MARK_END = "\ue000", "\ue001"
# Markdown that would show as punctuation in an excerpt: [dokument:12], [bild:3], **, #,
# a quote's ">" at the start of a line, and a link's address.
_MARKUP = re.compile(
    r"\[(?:dokument|bild|video):\d+\]|[*_#`]+|^\s*>|\[([^\]]*)\]\([^)]*\)", re.MULTILINE
)


@dataclass(frozen=True)
class Searchable:
    """A kind of thing the site search finds."""

    key: str  # the type filter's value: ?typ=nyheter
    label: str  # the results' heading: "Nyheter"
    public: Callable  # () -> the QuerySet of what the public may find
    order: int  # where its results and filter stand among the types: news first
    excerpt_fields: tuple = ("lead", "body")
    title: Callable = field(default=lambda obj: localized(obj, "title"))
    date: Callable = field(default=lambda obj: None)


def searchables():
    """Every searchable type, in the order of the apps and their lists."""
    found = [
        searchable for module in app_modules("search")
        for searchable in getattr(module, "SEARCHABLE", ())
    ]
    return sorted(found, key=lambda searchable: searchable.order)


def normalize(text):
    return " ".join((text or "").split())[:MAX_QUERY_LENGTH]


def is_postgresql(queryset):
    return connections[queryset.db].vendor == "postgresql"


class Position(Func):
    """Where a row's key stands in ``keys`` (PostgreSQL): ordering by it keeps a ranking's
    order. A JSON object from key to place answers each row by a binary search, where
    ``array_position`` reads the array from its start for every row."""

    arg_joiner = "::jsonb ->> "
    template = "(%(expressions)s::text)::integer"
    output_field = IntegerField()

    def __init__(self, keys):
        places = json.dumps({str(key): place for place, key in enumerate(keys)})
        super().__init__(Value(places), F("pk"))


class AmongKeys(Func):
    """The row's key is one of ``keys`` (PostgreSQL): one array parameter, where ``pk__in``
    writes a thousand, which cost more to write and parse than the query does to run."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()

    def __init__(self, keys):
        super().__init__(F("pk"), Value(list(keys)))


# The words as a text search query, and as the stored ``search_name`` columns hold names.
_WORDS = "websearch_to_tsquery(%s::regconfig, %s)"
_NAME = "portal_unaccent(lower(%s))"
_NAME_SIMILARITY = f"word_similarity({_NAME}, search_names)"


@dataclass(frozen=True)
class Rows:
    """The rows of one type that a search reads: a QuerySet, and on PostgreSQL its SQL with
    the columns the search needs (``search_key``, ``search_vector``, ``search_names``)."""

    queryset: QuerySet
    sql: str = ""
    params: tuple = ()

    @classmethod
    def of(cls, queryset, language):
        if not is_postgresql(queryset):
            return cls(queryset)
        sql, params = queryset.order_by().values(
            search_key=F("pk"), search_vector=F(f"search_{language}"),
            search_names=F("search_name"),
        ).query.sql_with_params()
        return cls(queryset, sql, params)

    @property
    def ranks(self):
        """Whether the database counts and ranks (PostgreSQL), or the fallback does."""
        return bool(self.sql)


@functools.cache
def public_rows(searchable, language):
    """``Rows`` of what the public may find of ``searchable`` on the site of ``language``.

    Built and compiled once per process: that cost more than the database's own work in
    every search. It holds because what is public is the same SQL at every moment (the
    public querysets ask the database for the time; a test checks every type)."""
    with translation.override(language):
        return Rows.of(searchable.public(), language)


@functools.cache
def _excerpts_sql(model, excerpt_fields, language):
    """SQL for the rows of ``model`` with the keys of a parameter, with ``search_excerpt``
    (their text around the matched words) in place of the texts it is made from and the
    search columns, which can be longer than the rest of the row."""
    columns = {field.name: field for field in model._meta.concrete_fields}
    texts = [
        name for field in excerpt_fields for name in (field, f"{field}_en") if name in columns
    ]
    read = [
        field.column for name, field in columns.items()
        if name not in texts and name not in SEARCH_FIELDS
    ]
    quote = connections[model._default_manager.db].ops.quote_name

    def localized(name):
        # The English twin, where there is one and it is filled, on the English site.
        if language == "en" and f"{name}_en" in columns:
            twin = quote(columns[f"{name}_en"].column)
            return f"coalesce(nullif({twin}, ''), {quote(columns[name].column)})"
        return quote(columns[name].column)

    text = "concat_ws(' ', {})".format(", ".join(localized(name) for name in excerpt_fields))
    return (
        f"SELECT {', '.join(quote(column) for column in read)}, "  # noqa: S608 - our own SQL
        f"ts_headline(%s::regconfig, {text}, {_WORDS}, %s) AS search_excerpt "
        f"FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} = ANY(%s)"
    )


_EXCERPT_OPTIONS = f"StartSel={_MARK_START}, StopSel={_MARK_END}, MaxWords=30, MinWords=15"


class Search:
    """One visitor's words on the site of one language."""

    def __init__(self, text, language):
        self.text = normalize(text)
        self.language = language
        self.config = SEARCH_CONFIGS[language]

    def __bool__(self):
        return bool(self.text)

    def ranked_alone(self, queryset):
        """``queryset`` narrowed to its best ``CANDIDATES`` matches, best first: the site
        search's ranking for a list of one type (the news list)."""
        key = queryset.model._meta.label
        tallies = self.tally({key: Rows.of(queryset, self.language)}, keep={key: CANDIDATES})
        keys = tallies[key].keys
        if not is_postgresql(queryset):
            # No arrays in SQLite: newest first, as its ranking is.
            return queryset.filter(pk__in=keys).order_by("-pk")
        return queryset.filter(AmongKeys(keys)).order_by(Position(keys))

    def public(self, searchables):
        """What the public may find of each of ``searchables``, by key, for ``tally``."""
        return {item.key: public_rows(item, self.language) for item in searchables}

    def results(self, searchable, keys):
        """What a result list shows of the objects of ``searchable`` with ``keys``."""
        return results(searchable, self.found(searchable, keys))

    def found(self, searchable, keys):
        """The objects of ``searchable`` with ``keys``, in that order, with their excerpts."""
        rows = public_rows(searchable, self.language)
        model = rows.queryset.model
        if rows.ranks:
            # The excerpt is made in the database: the texts it is made from (a PDF's may be
            # long) need not leave it.
            objects = model._default_manager.raw(
                _excerpts_sql(model, searchable.excerpt_fields, self.language),
                [self.config, self.config, self.text, _EXCERPT_OPTIONS, list(keys)],
            )
        else:
            objects = list(model._default_manager.filter(pk__in=keys))
            for obj in objects:
                obj.search_excerpt = " ".join(
                    localized(obj, name) or "" for name in searchable.excerpt_fields
                )
        by_key = {obj.pk: obj for obj in objects}
        return [by_key[key] for key in keys if key in by_key]

    def tally(self, sources, keep):
        """For each of ``sources`` (key to ``Rows``), a ``Tally``: how many match, counted
        up to ``CANDIDATES + 1`` ("more than 1,000"), and the keys of the ``keep[key]`` best
        of them (none where ``keep`` has no number), best first.

        One query for all of them, and where the words find fewer than ``FEW_MATCHES`` in
        all, one more that finds names like the words too (a misspelt name). Comparing
        names costs a trigram check per row and the planning of every type again: worth it
        when the words find (almost) nothing, not when they lead somewhere already."""
        tallies = self._tally(sources, keep, names=False)
        if sum(tally.count for tally in tallies.values()) < FEW_MATCHES:
            tallies.update(self._tally(
                {key: rows for key, rows in sources.items() if rows.ranks}, keep, names=True
            ))
        return tallies

    def _tally(self, sources, keep, names):
        if not sources:
            return {}
        if not next(iter(sources.values())).ranks:
            return {
                key: self._tally_without_ranks(rows.queryset, keep.get(key, 0))
                for key, rows in sources.items()
            }
        parts, params = [], []
        for key, rows in sources.items():
            wanted = keep.get(key, 0)
            sql, candidate_params = self.candidates(rows, names, ranked=bool(wanted))
            # Only the count and the best keys leave the database.
            parts.append(
                "SELECT %s, count(*), "  # noqa: S608 - SQL of our own; the values are parameters
                "(array_agg(search_key ORDER BY search_rank DESC, search_key DESC))[1:%s] "
                f"FROM ({sql}) AS candidates"
            )
            params += [key, wanted, *candidate_params]
        with connections[next(iter(sources.values())).queryset.db].cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            return {key: Tally(count, keys or []) for key, count, keys in cursor.fetchall()}

    def _tally_without_ranks(self, queryset, wanted):
        # SQLite: a containment match, newest first.
        matches = queryset.filter(self._containment(queryset.model)).order_by()
        return Tally(
            matches[: CANDIDATES + 1].count(),
            list(matches.order_by("-pk").values_list("pk", flat=True)[:wanted]),
        )

    # PostgreSQL: the words' conditions and ranks are written here once, as SQL around each
    # type's public rows, rather than compiled by the ORM for every type and phase of every
    # search (which cost more than the database's own work).

    def candidates(self, rows, names, ranked):
        """The SQL and parameters of the first ``CANDIDATES + 1`` of ``rows`` that match
        (no ordering, so a LIMIT stops early), as ``search_key`` and, if ``ranked``,
        ``search_rank``: computed while the matches are read, from the stored vector."""
        condition, condition_params = self._matching(names)
        rank, rank_params = self._ranking(names) if ranked else ("0", [])
        return (
            f"SELECT search_key, {rank} AS search_rank FROM ({rows.sql}) AS public "  # noqa: S608
            f"WHERE {condition} LIMIT {CANDIDATES + 1}",
            [*rank_params, *rows.params, *condition_params],
        )

    def _matching(self, names):
        sql, params = f"search_vector @@ {_WORDS}", [self.config, self.text]
        if not names:
            return sql, params
        similar, similar_params = self._similar_names(NAME_SIMILARITY)
        return f"({sql} OR {similar})", [*params, *similar_params]

    def _ranking(self, names):
        sql, params = f"coalesce(ts_rank(search_vector, {_WORDS}), 0)", [self.config, self.text]
        if not names:
            return sql, params
        return f"{sql} + 0.3 * {_NAME_SIMILARITY}", [*params, self.text]

    def _similar_names(self, at_least):
        # ``search_names %> words`` (pg_trgm's word_similarity_threshold, 0.6) is what the
        # trigram index answers; the stricter bar, checked on those rows only, keeps "interrg"
        # from finding "internship".
        return (
            f"(search_names %%> {_NAME} AND {_NAME_SIMILARITY} >= %s)",
            [self.text, self.text, at_least],
        )

    def suggestion(self, searchables):
        """Words from the name most like the words, for "did you mean", or None: the most
        similar name of each type in one query, then the best of them read."""
        sources = self.public(searchables)
        if not sources or not next(iter(sources.values())).ranks:
            return None
        parts, params = [], []
        for key, rows in sources.items():
            similar, similar_params = self._similar_names(SUGGESTION_SIMILARITY)
            parts.append(
                "(SELECT %s, search_key, similarity FROM ("  # noqa: S608 - SQL of our own
                f"SELECT search_key, {_NAME_SIMILARITY} AS similarity "
                f"FROM ({rows.sql}) AS public WHERE {similar} LIMIT {SUGGESTION_CANDIDATES}"
                ") AS candidates ORDER BY similarity DESC LIMIT 1)"
            )
            params += [key, self.text, *rows.params, *similar_params]
        database = next(iter(sources.values())).queryset.db
        with transaction.atomic(using=database), connections[database].cursor() as cursor:
            # A lower bar for the index than the search's own, for this transaction only.
            cursor.execute(
                "SET LOCAL pg_trgm.word_similarity_threshold = %s", [SUGGESTION_SIMILARITY]
            )
            cursor.execute(" UNION ALL ".join(parts), params)
            found = max(cursor.fetchall(), key=lambda row: row[2], default=None)
        if found is None or found[2] <= SUGGESTION_SIMILARITY:
            return None
        key, pk, _similarity = found
        searchable = next(item for item in searchables if item.key == key)
        model = sources[key].queryset.model
        return closest_words(self.text, searchable.title(model._default_manager.get(pk=pk)))

    def _containment(self, model):
        condition = Q()
        names = {f.name for f in model._meta.concrete_fields}
        for name in ("title", "name", "lead", "body", "summary", "description"):
            for variant in (name, f"{name}_en"):
                if variant in names:
                    condition |= Q(**{f"{variant}__icontains": self.text})
        return condition


@dataclass(frozen=True)
class Tally:
    """How many of one type match (up to ``CANDIDATES + 1``) and the keys of the best."""

    count: int
    keys: list


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    date: object
    excerpt: str


def results(searchable, objects):
    """What a result list shows of ``objects`` (with ``search_excerpt``) of ``searchable``."""
    return [
        Result(
            searchable.title(obj), obj.get_absolute_url(), searchable.date(obj),
            excerpt_html(obj.search_excerpt),
        )
        for obj in objects
    ]


class RankedResults:
    """The ranked keys of one type for a Paginator, read a page at a time."""

    def __init__(self, search, searchable, keys):
        self.search = search
        self.searchable = searchable
        self.keys = keys

    def count(self):
        return len(self.keys)

    def __getitem__(self, page):
        return self.search.results(self.searchable, self.keys[page])


def plain(text):
    """``text`` lower-cased and without accents, as ``search_name`` holds names."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def closest_words(text, name):
    """The words of ``name`` (as many as ``text`` has) that look most like ``text``."""
    words = [word.strip(",.:;()”\"") for word in name.split()]
    wanted = len(text.split())
    spans = [" ".join(words[i:i + wanted]) for i in range(max(1, len(words) - wanted + 1))]
    return max(
        spans, key=lambda span: difflib.SequenceMatcher(None, plain(text), plain(span)).ratio()
    )


def excerpt_html(text):
    """An excerpt from the database, escaped, with its matched words in <mark>."""
    text = _MARKUP.sub(lambda match: match.group(1) or "", text or "")
    text = " ".join(text.split())
    if _MARK_START not in text and len(text) > 240:
        text = text[:240].rsplit(" ", 1)[0] + " …"
    marked = escape(text).replace(_MARK_START, "<mark>").replace(_MARK_END, "</mark>")
    return mark_safe(marked)  # noqa: S308 - escaped just above; only the marks are HTML


# The portal's own searchable things ---------------------------------------------------------


def _pages():
    from portal.pages.models import Page

    return Page.objects.public()


def _documents():
    from portal.media.documents import Document

    return Document.objects.public()


SEARCHABLE = [
    Searchable("sidor", _("Sidor"), _pages, 20, excerpt_fields=("lead", "body")),
    Searchable(
        "dokument",
        _("Dokument"),
        _documents,
        60,
        excerpt_fields=("description", "text"),
        title=lambda document: document.display_title,
        date=lambda document: document.date,
    ),
]
