from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render

from portal.redirects.models import Redirect


class RedirectFallbackMiddleware:
    """A page not found may be one that moved (301) or was removed (410 Gone).

    Like django.contrib.redirects' middleware, it looks only at 404 responses, so the store
    costs nothing on pages that exist, and a live page always wins over an old redirect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        redirect = Redirect.objects.filter(old_path=request.path).first()
        if redirect is None:
            return response
        if redirect.is_gone:
            # No hreflang alternates: the page is gone in every language.
            return render(request, "410.html", {"alternates": {}}, status=410)
        return HttpResponsePermanentRedirect(redirect.target)
