"""The public visit request form ("Begär ett besök")."""

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.collation import countries
from portal.fields import ModelMultipleChoiceField, RenderedOnceSelect
from portal.form_protection import GuardedFormMixin
from portal.pages.models import page_url
from relations.models import Topic
from visits.models import DELEGATION_SIZE_MAX


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        # The date input needs ISO dates, whatever the page's language.
        return value.isoformat() if hasattr(value, "isoformat") else value


class VisitRequestForm(GuardedFormMixin, forms.Form):
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        error_messages={"required": _("Skriv namnet på din organisation.")},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = forms.ChoiceField(
        label=_("Land"),
        choices=lambda: [("", _("Välj land")), *countries],
        widget=RenderedOnceSelect,
        error_messages={"required": _("Välj vilket land delegationen kommer från.")},
    )
    contact_name = forms.CharField(
        label=_("Kontaktperson"),
        max_length=120,
        error_messages={"required": _("Skriv ditt namn.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv en giltig e-postadress, till exempel namn@exempel.se."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Telefonnummer (frivilligt)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    starts_on = forms.DateField(
        label=_("Önskat första datum"),
        widget=DateInput,
        error_messages={
            "required": _("Välj det första datumet för besöket."),
            "invalid": _("Skriv det första datumet som ett datum, till exempel 2027-03-15."),
        },
    )
    ends_on = forms.DateField(
        label=_("Önskat sista datum"),
        help_text=_("Samma som första datum för ett besök på en dag."),
        widget=DateInput,
        error_messages={
            "required": _("Välj det sista datumet för besöket."),
            "invalid": _("Skriv det sista datumet som ett datum, till exempel 2027-03-16."),
        },
    )
    delegation_size = forms.IntegerField(
        label=_("Antal personer i delegationen"),
        min_value=1,
        max_value=DELEGATION_SIZE_MAX,
        help_text=_("Mellan 1 och %(max)d.") % {"max": DELEGATION_SIZE_MAX},
        error_messages={
            "required": _("Skriv hur många personer som kommer."),
            "invalid": _("Skriv antalet personer med siffror."),
            "min_value": _("Skriv ett antal på minst 1."),
            "max_value": _("Skriv ett antal på högst %(limit_value)s: fler kan vi inte ta emot."),
        },
    )
    purpose = forms.CharField(
        label=_("Syfte med besöket"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Vad vill delegationen diskutera eller se, och vilka vill den träffa?"),
        error_messages={"required": _("Skriv vad besöket ska handla om.")},
    )
    topics = ModelMultipleChoiceField(
        label=_("Frågor som besöket gäller (frivilligt)"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    has_read_privacy_notice = forms.BooleanField(
        label=_("Jag har läst hur regionen hanterar kontaktuppgifterna"),
        error_messages={
            "required": _(
                "Kryssa i rutan för att visa att du har läst hur vi hanterar kontaktuppgifterna."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["has_read_privacy_notice"].help_text = format_html(
            '{} <a href="{}#visit-requests">{}</a>',
            _(
                "Regionen behandlar uppgifterna som en del av sitt uppdrag, inte med stöd av "
                "samtycke, och raderar dem tolv månader efter besöket."
            ),
            page_url("personal-data"),
            _("Så hanterar vi personuppgifter"),
        )

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if starts_on <= timezone.localdate():
            raise forms.ValidationError(
                _("Välj ett första datum efter dagens datum."), code="past"
            )
        return starts_on

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on <= timezone.localdate():
            raise forms.ValidationError(
                _("Välj ett sista datum efter dagens datum."), code="past"
            )
        return ends_on

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error(
                "ends_on", forms.ValidationError(
                    _("Välj ett sista datum som är samma som eller efter det första."),
                    code="before_start",
                )
            )
        return cleaned
