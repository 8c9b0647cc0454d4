from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect

from portal.media.documents import Document


def document_file(request, pk, slug, extension):
    """A public document's file; 404 while nothing public refers to it. An old title in
    the address is forwarded to the current one."""
    document = get_object_or_404(Document.objects.public(), pk=pk)
    if (slug, extension) != (document.slug, document.extension):
        return redirect(document, permanent=True)
    return FileResponse(
        document.file.open("rb"),
        content_type=document.media_type,
        filename=f"{document.slug}.{document.extension}",
    )
