"""Newsletter lists: an issue goes to the subscribers of its list; existing subscribers keep
the general newsletter."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from newsroom.newsletter import delivery, subscriptions
from newsroom.newsletter.factories import NewsletterIssueFactory, SubscriberFactory
from newsroom.newsletter.models import Delivery, NewsletterList, Subscriber
from newsroom.personal_data import find

pytestmark = pytest.mark.django_db


def test_an_issue_goes_only_to_the_subscribers_of_its_list(issue, mailoutbox):
    general = SubscriberFactory(email="allmant@example.se")
    monitoring = SubscriberFactory(email="eu@example.se", lists=[NewsletterList.EU_MONITORING])
    both = SubscriberFactory(
        email="bada@example.se", lists=[NewsletterList.GENERAL, NewsletterList.EU_MONITORING]
    )
    SubscriberFactory(email="ingen@example.se", lists=[])
    eu_issue = NewsletterIssueFactory(newsletter_list=NewsletterList.EU_MONITORING,
                                      news=[issue.items.first()])

    delivery.send_issue(issue)
    delivery.send_issue(eu_issue)

    def recipients(each):
        return set(Delivery.objects.filter(issue=each).values_list("subscriber__email",
                                                                   flat=True))

    assert recipients(issue) == {general.email, both.email}
    assert recipients(eu_issue) == {monitoring.email, both.email}
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [general.email, both.email, monitoring.email, both.email]
    )


def test_subscribing_chooses_lists_and_a_new_sign_up_replaces_the_choice():
    subscriber = subscriptions.subscribe(
        "anna@example.se", language="sv",
        newsletter_lists=[NewsletterList.INTERNSHIPS, NewsletterList.EVENTS],
    )
    assert sorted(subscriber.newsletter_lists) == ["events", "internships"]
    subscriptions.subscribe("anna@example.se", language="sv")
    assert subscriber.newsletter_lists == ["general"]


def test_the_personal_data_tool_shows_the_chosen_lists():
    SubscriberFactory(email="anna@example.se",
                      lists=[NewsletterList.GENERAL, NewsletterList.EU_MONITORING])
    record, = find("anna@example.se")
    assert set(record.data["Listor"].split(", ")) == {"Nyhetsbrevet", "EU-bevakning"}


@pytest.mark.django_db(transaction=True)
def test_existing_subscribers_keep_the_general_list(require_postgres):
    # PostgreSQL only: SQLite rebuilds a table to drop a foreign key on the way back, and the
    # rebuild would create the PostgreSQL-only search indexes the state held then.
    before = [("newsroom", "0005_bounces")]
    after = [("newsroom", "0006_newsletter_lists")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    old_apps.get_model("newsroom", "Subscriber").objects.create(
        email="gammal@example.se", email_hash="x" * 64, status="confirmed"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    subscriber = Subscriber.objects.get(email="gammal@example.se")
    assert subscriber.newsletter_lists == [NewsletterList.GENERAL]
