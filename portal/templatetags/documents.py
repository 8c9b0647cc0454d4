from django import template

from portal.media.documents import Document

register = template.Library()


@register.inclusion_tag("portal/includes/inaccessible_documents.html")
def inaccessible_documents():
    """The public documents that are not accessible, which the accessibility statement
    must name."""
    return {"documents": Document.objects.inaccessible().order_by("title")}


@register.inclusion_tag("portal/includes/documents.html")
def document_list(documents):
    """The documents attached to a page's subject, with type and size beside each link."""
    return {"documents": documents}
