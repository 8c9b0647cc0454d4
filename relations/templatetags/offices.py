"""The unit's offices, from the Office model, for the site-wide footer and contact page.

``{% load offices %}{% footer_offices %}`` renders the compact address list of the footer;
``{% office_cards %}`` the cards of the contact page (address, task, phone, e-mail, map link).
Both run one query and read the address in the page's language.
"""

from django import template

from relations.models import Office

register = template.Library()


@register.inclusion_tag("relations/includes/footer_offices.html")
def footer_offices():
    return {"offices": list(Office.objects.all())}


@register.inclusion_tag("relations/includes/office_cards.html")
def office_cards():
    return {"offices": list(Office.objects.all())}
