"""The public visit request form ("Begär ett besök")."""

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.fields import ModelMultipleChoiceField
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
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = forms.ChoiceField(label=_("Land"), choices=lambda: [("", "–"), *countries])
    contact_name = forms.CharField(
        label=_("Kontaktperson"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-post"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    starts_on = forms.DateField(
        label=_("Önskat första datum"),
        help_text=_("Till exempel 2027-03-15."),
        widget=DateInput,
    )
    ends_on = forms.DateField(
        label=_("Önskat sista datum"),
        help_text=_("Samma som första datum för ett besök på en dag."),
        widget=DateInput,
    )
    delegation_size = forms.IntegerField(
        label=_("Antal personer i delegationen"),
        min_value=1,
        max_value=DELEGATION_SIZE_MAX,
        help_text=_("Mellan 1 och %(max)d.") % {"max": DELEGATION_SIZE_MAX},
        error_messages={
            "min_value": _("Delegationen måste ha minst en person."),
            "max_value": _("Vi kan ta emot högst %(limit_value)s personer."),
        },
    )
    purpose = forms.CharField(
        label=_("Syfte med besöket"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Vad vill ni diskutera eller se, och vilka vill ni träffa?"),
    )
    topics = ModelMultipleChoiceField(
        label=_("Frågor som besöket gäller"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    has_read_privacy_notice = forms.BooleanField(
        label=_("Jag har läst hur regionen hanterar kontaktuppgifterna"),
        error_messages={
            "required": _("Bekräfta att du har läst hur vi hanterar kontaktuppgifterna.")
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
            raise forms.ValidationError(_("Välj ett datum efter dagens datum."), code="past")
        return starts_on

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on <= timezone.localdate():
            raise forms.ValidationError(_("Välj ett datum efter dagens datum."), code="past")
        return ends_on

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error(
                "ends_on", forms.ValidationError(
                    _("Det sista datumet kan inte vara före det första."), code="before_start"
                )
            )
        return cleaned
