"""Full-text search of news items.

On PostgreSQL: the language's text search configuration (Swedish stemming on the Swedish
site, so "praktikanter" finds "praktikant"), ranked, answered from the GIN index whose
expression is ``newsroom.db.search_vector``. Elsewhere (SQLite in development and the
plain test run): a case-insensitive containment match, newest first.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import Q

from newsroom.db import SEARCH_CONFIGS, search_vector

# Longer queries are refused by the search form; this is the same bound, for callers.
MAX_QUERY_LENGTH = 200


def search(queryset, text, language):
    """``queryset`` (items of ``language``) narrowed to those matching ``text``, best first."""
    text = " ".join((text or "").split())[:MAX_QUERY_LENGTH]
    if not text:
        return queryset
    queryset = queryset.filter(language=language)
    if connections[queryset.db].vendor == "postgresql":
        config = SEARCH_CONFIGS[language]
        # websearch syntax accepts anything a visitor types ("quotes", -minus, or) without
        # ever raising a syntax error.
        query = SearchQuery(text, config=config, search_type="websearch")
        vector = search_vector(config)
        return (
            queryset.annotate(search_document=vector)
            .filter(search_document=query)
            .annotate(rank=SearchRank(vector, query))
            .order_by("-rank", "-publish_at", "-pk")
        )
    return queryset.filter(
        Q(title__icontains=text) | Q(lead__icontains=text) | Q(body__icontains=text)
    )
