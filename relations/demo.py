"""Demo content of the relations app: the unit's networks, programmes, projects and offices,
agreements with their follow-ups, and positions.

The content is in ``demo.json``. Idempotent: every row is found by its slug (or natural
key) and brought up to date, so running ``load_demo`` twice changes nothing. The other
apps look these rows up by slug.
"""

from portal.demo import read_data, save_row
from relations.models import (
    Agreement,
    AgreementFollowUp,
    AreaResult,
    Contact,
    DevelopmentArea,
    Forum,
    Membership,
    Office,
    Organisation,
    Position,
    Programme,
    Project,
    Topic,
)


def load():
    data = read_data(__file__)
    topics = {row["slug"]: save_row(Topic, row, "slug") for row in data["topics"]}

    organisations = {}
    for row in data["organisations"]:
        topic_slugs = row.pop("topics")
        organisation = save_row(Organisation, row, "slug")
        organisation.topics.set([topics[slug] for slug in topic_slugs])
        organisations[organisation.slug] = organisation

    for row in data["memberships"]:
        topic_slugs = row.pop("topics")
        row["organisation"] = organisations[row["organisation"]]
        membership = save_row(Membership, row, "organisation", "since")
        membership.topics.set([topics[slug] for slug in topic_slugs])

    programmes = {row["slug"]: save_row(Programme, row, "slug") for row in data["programmes"]}

    for row in data["projects"]:
        topic_slugs, partner_slugs = row.pop("topics"), row.pop("partners")
        row["programme"] = programmes[row["programme"]]
        row["lead_partner"] = organisations.get(row["lead_partner"])
        project = save_row(Project, row, "slug")
        project.partners.set([organisations[slug] for slug in partner_slugs])
        project.topics.set([topics[slug] for slug in topic_slugs])

    offices = {row["slug"]: save_row(Office, row, "slug") for row in data["offices"]}

    for row in data["contacts"]:
        topic_slugs = row.pop("topics")
        row["office"] = offices[row["office"]]
        contact = save_row(Contact, row, "email")
        contact.topics.set([topics[slug] for slug in topic_slugs])

    for row in data["agreements"]:
        load_agreement(row, organisations)

    for row in data["positions"]:
        topic_slugs = row.pop("topics")
        position = save_row(Position, row, "slug")
        position.topics.set([topics[slug] for slug in topic_slugs])


def load_agreement(row, organisations):
    party_slugs, area_rows = row.pop("parties"), row.pop("development_areas")
    forum_rows, follow_up_rows = row.pop("forums"), row.pop("follow_ups")
    agreement = save_row(Agreement, row, "slug")
    agreement.parties.set([organisations[slug] for slug in party_slugs])
    areas = {}
    for area in area_rows:
        area["agreement"] = agreement
        areas[area["number"]] = save_row(DevelopmentArea, area, "agreement", "number")
    for forum in forum_rows:
        forum["agreement"] = agreement
        save_row(Forum, forum, "agreement", "name")
    for follow_up_row in follow_up_rows:
        results = follow_up_row.pop("results")
        follow_up_row["agreement"] = agreement
        follow_up = save_row(AgreementFollowUp, follow_up_row, "agreement", "year")
        for result in results:
            result |= {"follow_up": follow_up, "area": areas[result["area"]]}
            save_row(AreaResult, result, "follow_up", "area")


def topics_by_slug():
    """The topics by slug, for the other apps' demo content (which load after this one)."""
    return Topic.objects.in_bulk(field_name="slug")
