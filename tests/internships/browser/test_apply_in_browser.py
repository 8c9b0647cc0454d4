"""The application flow in a real browser, by keyboard-reachable controls only."""

import pytest
from django.core import mail

from internships.models import Application
from internships.samples import minimal_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_fill_upload_submit_and_see_the_receipt_and_the_mail(live_server, page, open_call):
    page.goto(live_server.url + open_call.get_absolute_url())
    page.get_by_role("link", name="Ansök till den här praktiken").click()
    page.get_by_label("Förnamn").fill("Elin")
    page.get_by_label("Efternamn").fill("Andersson")
    page.get_by_label("E-postadress").fill("elin.andersson@student.example.se")
    page.get_by_label("Telefonnummer").fill("070-123 45 67")
    page.get_by_label("Lärosäte").fill("Göteborgs universitet")
    page.get_by_label("Utbildningsprogram eller huvudämne").fill("Masterprogram i statsvetenskap")
    page.get_by_label("Nivå").select_option("master")
    page.get_by_label("Beräknad examen").fill("juni 2027")
    page.get_by_label("Språkkunskaper").fill("svenska, engelska")
    page.get_by_label("Personligt brev").fill("Jag vill lära mig hur regionen arbetar med EU.")
    page.get_by_label("CV", exact=True).set_input_files(
        {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf(["CV", "Elin"])}
    )

    # Without the box ticked the form comes back with the message, the input and the CV kept.
    page.get_by_role("button", name="Skicka ansökan").click()
    assert page.get_by_text("Kryssa i rutan för att visa").first.is_visible()
    assert page.get_by_label("Förnamn").input_value() == "Elin"
    assert page.get_by_text("cv.pdf").first.is_visible()
    assert not Application.objects.exists()

    page.get_by_label("Jag har läst informationen").check()
    page.get_by_role("button", name="Skicka ansökan").click()

    page.get_by_role("heading", name="Ansökan skickad").wait_for()
    application = Application.objects.get()
    assert application.reference in page.content()
    assert application.cv
    assert [message.to for message in mail.outbox] == [["elin.andersson@student.example.se"]]
    assert application.reference in mail.outbox[0].subject
