"""The unit's offices, from the Office model, for the site-wide footer and contact page.

``{% load offices %}{% footer_offices %}`` renders the compact address list of the footer;
``{% office_cards %}`` the cards of the contact page (address, task, phone, e-mail, map link).
Both run one query and read names and addresses in the page's language.
"""

import logging

from django import template
from django.db import DatabaseError

from relations.models import Office

register = template.Library()
logger = logging.getLogger("portal")


def _offices():
    # The footer is also on the page that says the database is down: render it without offices
    # then, rather than fail the error page itself.
    try:
        return list(Office.objects.all())
    except DatabaseError:
        logger.warning("Offices left out of the page: the database does not answer")
        return []


@register.inclusion_tag("relations/includes/footer_offices.html")
def footer_offices():
    return {"offices": _offices()}


@register.inclusion_tag("relations/includes/office_cards.html")
def office_cards():
    return {"offices": _offices()}
