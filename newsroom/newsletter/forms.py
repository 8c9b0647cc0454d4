"""The public newsletter forms: subscribing, and choosing lists by the link in every mail."""

from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.newsletter.models import NewsletterList
from newsroom.newsletter.subscriptions import CONSENT_TEXT
from portal.form_protection import GuardedFormMixin


class NewsletterListsField(forms.MultipleChoiceField):
    """The lists to receive, each with what it brings; at least one."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Vad vill du få?"))
        kwargs.setdefault("error_messages", {"required": _("Välj minst en lista.")})
        super().__init__(choices=self.described_choices, **kwargs)

    @staticmethod
    def described_choices():
        return [(value, f"{value.label}: {value.description}") for value in NewsletterList]


class SubscribeForm(GuardedFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        help_text=_("Vi skickar ett mejl med en länk som du klickar på för att bekräfta."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv en e-postadress i formen namn@exempel.se."),
        },
    )
    newsletter_lists = NewsletterListsField(initial=[NewsletterList.GENERAL])
    consent = forms.BooleanField(
        label=_("Jag vill få nyhetsbrevet med e-post"),
        # The text stored with the subscription as what the subscriber agreed to.
        help_text=CONSENT_TEXT,
        # Never pre-ticked: consent is given by ticking it.
        initial=False,
        error_messages={
            "required": _("Kryssa i rutan för att visa att du vill få nyhetsbrevet.")
        },
    )


class PreferencesForm(GuardedFormMixin, forms.Form):
    newsletter_lists = NewsletterListsField(
        label=_("Det här vill jag få"),
        error_messages={
            "required": _(
                "Välj minst en lista. Vill du inte få något alls kan du avsluta "
                "prenumerationen längre ner på sidan."
            )
        },
    )
