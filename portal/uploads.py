"""Limits on uploads, applied before a request body is read.

A class-based view that takes files says how much it accepts in its ``upload_limits``
attribute, ``(total, per_file)`` in bytes. ``UploadLimitMiddleware`` (before the CSRF
middleware, which reads the body) then

- answers 413, a page in the layout naming the limit, when the request declares a
  ``Content-Length`` over ``total``: nothing of the body is read;
- puts ``SizeLimitedUploadHandler`` in front of Django's upload handlers, so that a file
  is stored only up to ``per_file`` bytes: the rest is read and dropped, and the form gets
  an empty file of the size received, which its validation refuses as too large.

The web server in front should cap bodies a little above the largest ``total`` (README).
"""

import io

from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat


class OversizedFile(UploadedFile):
    """What is left of a file past its limit: no content, and the size that was sent."""

    def __init__(self, name, content_type, size):
        super().__init__(io.BytesIO(), name, content_type, size)


class SizeLimitedUploadHandler(FileUploadHandler):
    """Passes a file's data on to the storing handlers until it passes ``limit`` bytes."""

    def __init__(self, request, limit):
        super().__init__(request)
        self.limit = limit

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            return None  # the handlers after this one store nothing more of this file
        return raw_data

    def file_complete(self, file_size):
        if self.received > self.limit:
            return OversizedFile(self.file_name, self.content_type, self.received)
        return None


class UploadLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        limits = getattr(getattr(view_func, "view_class", None), "upload_limits", None)
        if limits is None or request.method != "POST":
            return None
        total, per_file = limits
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > total:
            return render(request, "413.html", {"limit": filesizeformat(total)}, status=413)
        request.upload_handlers.insert(0, SizeLimitedUploadHandler(request, per_file))
        return None
