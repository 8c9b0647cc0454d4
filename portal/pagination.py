class ForgivingPaginationMixin:
    """For list views: ``?page=abc`` shows the first page and ``?page=99999`` the last.

    A mistyped or outdated page number in a shared link is no reason for an error page.
    """

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
