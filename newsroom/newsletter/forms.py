"""The public newsletter form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.newsletter.subscriptions import CONSENT_TEXT
from portal.form_protection import GuardedFormMixin


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
