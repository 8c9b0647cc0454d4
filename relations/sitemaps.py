"""The relations pages in the sitemap, in Swedish and English.

Only pages are listed; memberships have no pages of their own, so an internal membership
cannot reach the sitemap, and internal agreements and their follow-ups are left out.
"""

from django.urls import reverse

from portal.sitemaps import I18nSitemap
from relations.models import (
    Agreement,
    AgreementFollowUp,
    Organisation,
    Position,
    Programme,
    Project,
    Topic,
)

LIST_PAGES = [
    "relations:index",
    "relations:organisation-list",
    "relations:programme-list",
    "relations:project-list",
    "relations:topic-list",
    "relations:office-list",
    "relations:agreement-list",
    "relations:position-list",
]


class RelationsPagesSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return LIST_PAGES

    def location(self, item):
        return reverse(item)


class ModelSitemap(I18nSitemap):
    changefreq = "monthly"
    model = None

    def items(self):
        return self.model.objects.order_by("pk")


class OrganisationSitemap(ModelSitemap):
    model = Organisation


class ProgrammeSitemap(ModelSitemap):
    model = Programme


class ProjectSitemap(ModelSitemap):
    model = Project


class TopicSitemap(ModelSitemap):
    model = Topic


class PositionSitemap(ModelSitemap):
    model = Position


class AgreementSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.public().order_by("pk")


class FollowUpSitemap(I18nSitemap):
    changefreq = "yearly"

    def items(self):
        return AgreementFollowUp.objects.public().select_related("agreement").order_by("pk")


SITEMAPS = {
    "relations": RelationsPagesSitemap,
    "relations-organisations": OrganisationSitemap,
    "relations-programmes": ProgrammeSitemap,
    "relations-projects": ProjectSitemap,
    "relations-topics": TopicSitemap,
    "relations-positions": PositionSitemap,
    "relations-agreements": AgreementSitemap,
    "relations-follow-ups": FollowUpSitemap,
}
