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
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connections, transaction
from django.db.models import F, Func, IntegerField, Q, TextField, Value
from django.db.models.functions import Coalesce, Concat, NullIf
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
# A type whose text matches fewer than this many is searched by similar names too.
FEW_MATCHES = 5
# How similar (pg_trgm's word similarity) a name must be to the words to be found by them.
NAME_SIMILARITY = 0.7
# How similar a name must be to offer it as "did you mean" when nothing matches.
SUGGESTION_SIMILARITY = 0.4

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


# The words as a text search query, and as the stored ``search_name`` columns hold names.
_WORDS = "websearch_to_tsquery(%s::regconfig, %s)"
_NAME = "portal_unaccent(lower(%s))"
_NAME_SIMILARITY = f"word_similarity({_NAME}, search_names)"


class Search:
    """One visitor's words on the site of one language."""

    def __init__(self, text, language):
        self.text = normalize(text)
        self.language = language
        self.config = SEARCH_CONFIGS[language]
        self.vector = f"search_{language}"
        # websearch syntax takes anything typed ("quotes", -minus, or) without a syntax error.
        self.query = SearchQuery(self.text, config=self.config, search_type="websearch")
        # The types counted by similar names too (see tally).
        self.by_name = set()
        # Each type's public rows as SQL, by its key (see _public).
        self._compiled = {}

    def __bool__(self):
        return bool(self.text)

    def ranked_alone(self, queryset):
        """``queryset`` narrowed to its best ``CANDIDATES`` matches, best first: the site
        search's ranking for a list of one type (the news list)."""
        key = queryset.model._meta.label
        keys = self.tally({key: queryset}, keep={key: CANDIDATES})[key].keys
        # No arrays in SQLite: newest first, as its ranking is.
        order = Position(keys) if is_postgresql(queryset) else F("pk").desc()
        return queryset.filter(pk__in=keys).order_by(order)

    def results(self, searchable, keys):
        """What a result list shows of the objects of ``searchable`` with ``keys``."""
        return results(searchable, self.found(searchable, keys))

    def found(self, searchable, keys):
        """The objects of ``searchable`` with ``keys``, in that order, with their excerpts."""
        model = searchable.public().model
        columns = {field.name for field in model._meta.concrete_fields}
        # The excerpt is made in the database: the texts it is made from (a PDF's may be
        # long) need not leave it.
        texts = [
            name for field in searchable.excerpt_fields for name in (field, f"{field}_en")
            if name in columns
        ]
        rows = self.with_excerpts(
            model._default_manager.filter(pk__in=keys).defer(*SEARCH_FIELDS, *texts),
            searchable.excerpt_fields,
        )
        by_key = {obj.pk: obj for obj in rows}
        return [by_key[key] for key in keys if key in by_key]

    def with_excerpts(self, queryset, fields):
        """``queryset`` with ``search_excerpt``: its text around the matched words."""
        fields = [self._localized(queryset.model, name) for name in fields]
        text = Concat(
            *(part for name in fields for part in (name, Value(" "))), output_field=TextField()
        )
        if not is_postgresql(queryset):
            return queryset.annotate(search_excerpt=text)
        return queryset.annotate(search_excerpt=SearchHeadline(
            text, self.query, config=self.config, start_sel=_MARK_START,
            stop_sel=_MARK_END, max_words=30, min_words=15,
        ))

    def tally(self, querysets, keep):
        """For each of ``querysets`` (key to QuerySet), a ``Tally``: how many match, counted
        up to ``CANDIDATES + 1`` ("more than 1,000"), and the keys of the ``keep[key]`` best
        of them (none where ``keep`` has no number), best first.

        One query for all of them, and one more for the types where the words find fewer
        than ``FEW_MATCHES``: those are searched again with names like the words
        (``self.by_name`` says which). Comparing names costs a trigram check per row, worth
        it for a misspelt name, not for a word found in half the archive."""
        tallies = self._tally(querysets, keep, names=False)
        self.by_name = {
            key for key, tally in tallies.items()
            if tally.count < FEW_MATCHES and is_postgresql(querysets[key])
        }
        tallies.update(self._tally(
            {key: querysets[key] for key in self.by_name}, keep, names=True
        ))
        return tallies

    def _tally(self, querysets, keep, names):
        if not querysets:
            return {}
        if not is_postgresql(next(iter(querysets.values()))):
            return {
                key: self._tally_without_ranks(queryset, keep.get(key, 0))
                for key, queryset in querysets.items()
            }
        parts, params = [], []
        for key, queryset in querysets.items():
            wanted = keep.get(key, 0)
            sql, candidate_params = self.candidates(key, queryset, names, ranked=bool(wanted))
            # Only the count and the best keys leave the database.
            parts.append(
                "SELECT %s, count(*), "  # noqa: S608 - SQL of our own; the values are parameters
                "(array_agg(search_key ORDER BY search_rank DESC, search_key DESC))[1:%s] "
                f"FROM ({sql}) AS candidates"
            )
            params += [key, wanted, *candidate_params]
        with connections[next(iter(querysets.values())).db].cursor() as cursor:
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

    def candidates(self, key, queryset, names, ranked):
        """The SQL and parameters of the first ``CANDIDATES + 1`` rows of ``queryset`` that
        match (no ordering, so a LIMIT stops early), as ``search_key`` and, if ``ranked``,
        ``search_rank``: computed while the matches are read, from the stored vector."""
        public, public_params = self._public(key, queryset)
        condition, condition_params = self._matching(names)
        rank, rank_params = self._ranking(names) if ranked else ("0", [])
        return (
            f"SELECT search_key, {rank} AS search_rank FROM ({public}) AS public "  # noqa: S608
            f"WHERE {condition} LIMIT {CANDIDATES + 1}",
            [*rank_params, *public_params, *condition_params],
        )

    def _public(self, key, queryset):
        """``queryset``'s SQL with the columns the search reads, compiled once per search."""
        if key not in self._compiled:
            self._compiled[key] = queryset.order_by().values(
                search_key=F("pk"), search_vector=F(self.vector), search_names=F("search_name")
            ).query.sql_with_params()
        return self._compiled[key]

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
        querysets = {searchable.key: searchable.public() for searchable in searchables}
        if not querysets or not is_postgresql(next(iter(querysets.values()))):
            return None
        parts, params = [], []
        for key, queryset in querysets.items():
            public, public_params = self._public(key, queryset)
            similar, similar_params = self._similar_names(SUGGESTION_SIMILARITY)
            parts.append(
                f"(SELECT %s, search_key, {_NAME_SIMILARITY} AS similarity "  # noqa: S608
                f"FROM ({public}) AS public WHERE {similar} "
                "ORDER BY similarity DESC LIMIT 1)"
            )
            params += [key, self.text, *public_params, *similar_params]
        database = next(iter(querysets.values())).db
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
        return closest_words(
            self.text, searchable.title(querysets[key].model._default_manager.get(pk=pk))
        )

    def _containment(self, model):
        condition = Q()
        names = {f.name for f in model._meta.concrete_fields}
        for name in ("title", "name", "lead", "body", "summary", "description"):
            for variant in (name, f"{name}_en"):
                if variant in names:
                    condition |= Q(**{f"{variant}__icontains": self.text})
        return condition

    def _localized(self, model, name):
        """The field's English twin, where there is one and it is filled, on the English site."""
        twin = f"{name}_en"
        if self.language == "en" and twin in {f.name for f in model._meta.concrete_fields}:
            return Coalesce(NullIf(F(twin), Value("")), F(name), output_field=TextField())
        return F(name)


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
