"""Every public list and detail page runs as many queries with 50 rows as with 5."""

import pytest
from django.urls import reverse
from django.utils import translation

from relations.factories import (
    AgreementFactory,
    AgreementFollowUpFactory,
    AreaResultFactory,
    ContactFactory,
    DevelopmentAreaFactory,
    ForumFactory,
    MembershipFactory,
    OfficeFactory,
    OrganisationFactory,
    PositionFactory,
    ProgrammeFactory,
    ProjectFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

# Generous enough for the related sections other apps add to the detail pages; the point is
# that the count does not grow with the rows.
BUDGET = 20


def build_base():
    """The rows every page looks up by slug."""
    return {
        "topic": TopicFactory(slug="bredband"),
        "programme": ProgrammeFactory(slug="interreg"),
        "hub": OrganisationFactory(slug="nav"),
        "office": OfficeFactory(),
        "project": ProjectFactory(slug="forsta", programme=ProgrammeFactory()),
        "follow_up": AgreementFollowUpFactory(agreement__slug="avtal", year=2000),
        "position": PositionFactory(slug="svar"),
    }


def add_rows(base, rows):
    """``rows`` more organisations, memberships, projects, contacts, offices, agreements and
    positions around them."""
    topic, hub, follow_up = base["topic"], base["hub"], base["follow_up"]
    agreement = follow_up.agreement
    for number in range(rows):
        extra_topic = TopicFactory()
        organisation = OrganisationFactory()
        organisation.topics.add(topic, extra_topic)
        MembershipFactory(organisation=organisation).topics.add(topic, extra_topic)
        MembershipFactory(organisation=hub, is_public=number % 2 == 0).topics.add(topic)
        project = ProjectFactory(programme=base["programme"], lead_partner=hub)
        project.partners.add(organisation, hub)
        project.topics.add(topic, extra_topic)
        base["project"].partners.add(organisation)
        base["project"].topics.add(extra_topic)
        ContactFactory(office=base["office"]).topics.add(topic, extra_topic)
        OfficeFactory(slug=f"kontor-{OfficeFactory._meta.model.objects.count()}", name="Kontor")
        base["office"].partners.add(organisation)
        AgreementFactory().parties.add(organisation, hub)
        agreement.parties.add(organisation)
        ForumFactory(agreement=agreement)
        area = DevelopmentAreaFactory(agreement=agreement)
        AreaResultFactory(follow_up=follow_up, area=area)
        AreaResultFactory(follow_up__agreement=agreement, area=area)
        follow_up.projects.add(project)
        PositionFactory().topics.add(topic, extra_topic)


def urls(language):
    with translation.override(language):
        return [
            reverse("relations:index"),
            reverse("relations:organisation-list"),
            reverse("relations:organisation-list") + "?kind=network&topic=bredband",
            reverse("relations:organisation-list") + "?page=2",
            reverse("relations:organisation-detail", kwargs={"slug": "nav"}),
            reverse("relations:programme-list"),
            reverse("relations:programme-detail", kwargs={"slug": "interreg"}),
            reverse("relations:project-list"),
            reverse("relations:project-list") + "?programme=interreg&status=ongoing",
            reverse("relations:project-detail", kwargs={"slug": "forsta"}),
            reverse("relations:topic-list"),
            reverse("relations:topic-detail", kwargs={"slug": "bredband"}),
            reverse("relations:office-list"),
            reverse("relations:agreement-list"),
            reverse("relations:agreement-detail", kwargs={"slug": "avtal"}),
            reverse("relations:follow-up-detail", kwargs={"slug": "avtal", "year": 2000}),
            reverse("relations:position-list"),
            reverse("relations:position-list") + "?kind=position&topic=bredband&year=2025",
            reverse("relations:position-detail", kwargs={"slug": "svar"}),
            reverse("relations:position-feed"),
            reverse("home"),
        ]


def query_counts(client, assert_max, language):
    counts = {}
    for url in urls(language):
        with assert_max(BUDGET) as captured:
            assert client.get(url).status_code == 200
        counts[url] = len(captured)
    return counts


@pytest.mark.parametrize("language", ["sv", "en"])
def test_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries, language):
    base = build_base()
    add_rows(base, 5)
    five = query_counts(client, django_assert_max_num_queries, language)
    add_rows(base, 45)
    fifty = query_counts(client, django_assert_max_num_queries, language)
    assert five == fifty
