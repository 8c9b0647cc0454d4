from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Question, Registration
from portal.form_protection import GuardedFormMixin
from portal.i18n import localized

YES_NO = [("ja", _("Ja")), ("nej", _("Nej"))]


class RegistrationForm(GuardedFormMixin, forms.ModelForm):
    """The public registration form: the fixed fields, then the event's own questions."""

    class Meta:
        model = Registration
        fields = [
            "name", "email", "organisation", "organisation_type", "role", "dietary_needs",
            "accessibility_needs",
        ]
        labels = {
            "name": _("Namn"),
            "email": _("E-postadress"),
            "organisation": _("Organisation"),
            "organisation_type": _("Typ av organisation"),
            "role": _("Roll eller titel"),
            "dietary_needs": _("Kost, allergier (frivilligt)"),
            "accessibility_needs": _("Behov för att kunna delta (frivilligt)"),
        }
        help_texts = {
            "email": _("Hit skickar vi bekräftelsen, kalenderfilen och länken för att avboka."),
            "dietary_needs": _("Raderas dagen efter evenemanget."),
            "accessibility_needs": _(
                "Till exempel hörslinga, teckenspråkstolk eller ledsagare. Raderas dagen "
                "efter evenemanget."
            ),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }
        error_messages = {
            "name": {"required": _("Skriv ditt namn.")},
            "email": {
                "required": _("Skriv din e-postadress."),
                "invalid": _("Skriv en giltig e-postadress, till exempel namn@exempel.se."),
            },
            "organisation_type": {"required": _("Välj vilken typ av organisation du kommer från.")},
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["organisation_type"].choices = [("", _("Välj typ"))] + list(
            Registration.OrganisationType.choices
        )
        self.questions = list(event.questions.all())
        for question in self.questions:
            self.fields[question.field_name] = self.question_field(question)
        # The honeypot and the token stay last, after the event's questions.
        for name in ("form_token", "website"):
            self.fields[name] = self.fields.pop(name)

    def question_field(self, question):
        label = localized(question, "text")
        required = {"required": _("Svara på frågan.")}
        if question.kind == Question.Kind.TEXT:
            return forms.CharField(
                label=label, required=question.required, max_length=1000,
                widget=forms.Textarea(attrs={"rows": 3}), error_messages=required,
            )
        choices = (
            YES_NO if question.kind == Question.Kind.YES_NO
            else [(choice, choice) for choice in question.choice_list]
        )
        return forms.ChoiceField(
            label=label, required=question.required, choices=choices,
            widget=forms.RadioSelect, error_messages=required,
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def answers(self):
        """Question to answer, for the questions answered."""
        return {
            question: self.cleaned_data[question.field_name]
            for question in self.questions
            if self.cleaned_data.get(question.field_name)
        }


class EventAdminForm(forms.ModelForm):
    """The times are typed, and shown, in the event's own time zone (the admin supplies the
    model and the fields)."""

    TIME_FIELDS = ["starts_at", "ends_at", "registration_opens_at", "registration_closes_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self.instance.zone
        for name in self.TIME_FIELDS:
            value = self.initial.get(name)
            if value and timezone.is_aware(value):
                self.initial[name] = timezone.make_naive(value, zone)

    def clean(self):
        cleaned = super().clean()
        time_zone = cleaned.get("time_zone")
        if time_zone:
            zone = Event(time_zone=time_zone).zone
            for name in self.TIME_FIELDS:
                value = cleaned.get(name)
                if value:
                    cleaned[name] = timezone.make_aware(timezone.make_naive(value), zone)
        return cleaned


class MessageForm(forms.Form):
    """The staff's mail to everyone registered, shown as a preview before it goes."""

    subject = forms.CharField(label=_("Ämne"), max_length=200)
    body = forms.CharField(label=_("Meddelande"), widget=forms.Textarea(attrs={"rows": 10}))
    include_waiting = forms.BooleanField(
        label=_("Skicka även till dem på väntelistan"), required=False
    )
