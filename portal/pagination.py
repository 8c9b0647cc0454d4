from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import cached_property


class ForgivingPaginationMixin:
    """For list views: ``?page=abc`` shows the first page and ``?page=99999`` the last.

    A mistyped or outdated page number in a shared link is no reason for an error page.
    """

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


def rows_by_keys(queryset, start, stop):
    """``queryset[start:stop]``, read in two steps: the database orders and slices the
    primary keys alone (from an index, when one holds the filters and the order), then
    reads and joins the rows of those keys only. Sliced at once, it would read, join and
    sort every wide row of a long list to keep a page of them.
    """
    return queryset.filter(pk__in=queryset.values("pk")[start:stop])


class RowsByKeysPaginator(Paginator):
    """Pages of a queryset read by ``rows_by_keys``."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.rows(bottom, top), number, self)

    def rows(self, bottom, top):
        return rows_by_keys(self.object_list, bottom, top)


class UpcomingThenPastPaginator(RowsByKeysPaginator):
    """Pages of a list in ``portal.calendars.upcoming_then_past`` order, whose keys are read
    from its two parts apart: what is not over yet by its start, then the past by its start
    backwards, each in the order of an index on the start. The list's own order (which part,
    then the start) is in no index: the database read and sorted the whole archive for it to
    keep the twenty rows of a page."""

    def rows(self, bottom, top):
        now = timezone.now()
        unordered = self.object_list.order_by()
        upcoming = unordered.filter(ends_at__gte=now).order_by("starts_at", "-pk")
        past = unordered.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
        # The list is every upcoming key, then the past ones: its first ``top`` are among the
        # first ``top`` of each part.
        keys = [
            *upcoming.values_list("pk", flat=True)[:top],
            *past.values_list("pk", flat=True)[:top],
        ]
        return self.object_list.filter(pk__in=keys[bottom:top])


class BoundedPaginator(Paginator):
    """Counts at most ``max_items`` + 1 rows (a LIMIT, never a full COUNT) and offers the
    pages up to ``max_items``: a page of a list costs the same however long the archive
    grows, and no page reads ten thousand rows past to reach its own. Older items are found
    through the list's own filters (a year, a topic) and the search.
    """

    max_items = 1000

    @cached_property
    def counted(self):
        if not isinstance(self.object_list, QuerySet):
            return len(self.object_list[: self.max_items + 1])
        # Which rows a LIMIT keeps depends on the order, how many it keeps does not: sorting
        # them first (a search's ranking) would be work for nothing.
        return self.object_list.order_by()[: self.max_items + 1].count()

    @cached_property
    def count(self):
        return min(self.counted, self.max_items)

    @property
    def is_capped(self):
        """More items than the pages offer."""
        return self.counted > self.max_items
