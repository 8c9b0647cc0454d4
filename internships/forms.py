from django import forms
from django.utils.translation import gettext_lazy as _

from internships.models import COVER_LETTER_MAX_LENGTH, Application
from internships.pdf import MAX_FILE_SIZE, validate_pdf
from portal.form_protection import GuardedFormMixin

# static/js/upload-limit.js warns in the browser before a file over its limit is sent.
PDF_INPUT_ATTRS = {
    "accept": "application/pdf,.pdf",
    "data-max-bytes": MAX_FILE_SIZE,
    "data-max-message": _("Filen är för stor: den får vara högst 5 MB."),
}


class ApplicationForm(GuardedFormMixin, forms.ModelForm):
    """The public application form. Asks for nothing beyond what recruiting needs."""

    information_confirmed = forms.BooleanField(
        label=_(
            "Jag har läst informationen ovan om hur ansökan och mina personuppgifter hanteras."
        ),
        error_messages={
            "required": _("Kryssa i rutan för att visa att du har läst informationen.")
        },
    )
    cover_letter = forms.CharField(
        label=_("Personligt brev"),
        widget=forms.Textarea(attrs={"rows": 14}),
        error_messages={"required": _("Skriv ditt personliga brev.")},
    )

    class Meta:
        model = Application
        fields = [
            *Application.PERSONAL_FIELDS,
            "cover_letter",
            "cv",
            "transcript",
            "information_confirmed",
        ]
        labels = {
            "first_name": _("Förnamn"),
            "last_name": _("Efternamn"),
            "email": _("E-postadress"),
            "phone": _("Telefonnummer"),
            "university": _("Lärosäte"),
            "programme": _("Utbildningsprogram eller huvudämne"),
            "level": _("Nivå"),
            "expected_graduation": _("Beräknad examen"),
            "languages": _("Språkkunskaper"),
            "cv": _("CV"),
            "transcript": _("Studieintyg eller utdrag ur Ladok (frivilligt)"),
        }
        help_texts = {
            "cv": _("En pdf-fil på högst 5 MB."),
            "transcript": _("En pdf-fil på högst 5 MB."),
            "email": _("Hit skickar vi bekräftelsen och besked om din ansökan."),
            "expected_graduation": _("Till exempel ”juni 2027”."),
            "languages": _("Till exempel ”svenska och engelska flytande, franska grundläggande”."),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "university": forms.TextInput(attrs={"autocomplete": "organization"}),
            "cv": forms.ClearableFileInput(attrs=PDF_INPUT_ATTRS),
            "transcript": forms.ClearableFileInput(attrs=PDF_INPUT_ATTRS),
        }
        # Each message says what to do, so that it reads alone in the error summary.
        error_messages = {
            "first_name": {"required": _("Skriv ditt förnamn.")},
            "last_name": {"required": _("Skriv ditt efternamn.")},
            "email": {
                "required": _("Skriv din e-postadress."),
                "invalid": _("Skriv en giltig e-postadress, till exempel namn@exempel.se."),
            },
            "phone": {"required": _("Skriv ditt telefonnummer.")},
            "university": {"required": _("Skriv vilket lärosäte du studerar vid.")},
            "programme": {
                "required": _("Skriv vilket utbildningsprogram eller huvudämne du läser.")
            },
            "level": {"required": _("Välj vilken nivå du studerar på.")},
            "expected_graduation": {"required": _("Skriv när du beräknar att ta examen.")},
            "languages": {"required": _("Skriv vilka språk du kan och hur väl.")},
            "cv": {"required": _("Bifoga ditt CV som pdf.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set per request, so that the help is in the page's language.
        self.fields["cover_letter"].help_text = _(
            "Högst %(limit)s tecken. Berätta varför du söker och vad du vill lära dig."
        ) % {"limit": COVER_LETTER_MAX_LENGTH}
        self.fields["cover_letter"].widget.attrs["maxlength"] = COVER_LETTER_MAX_LENGTH
        self.fields["level"].choices = [("", _("Välj nivå"))] + list(Application.Level.choices)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_cover_letter(self):
        # Browsers count a line break as one character and send two; count it as one.
        text = self.cleaned_data["cover_letter"].replace("\r\n", "\n")
        if len(text) > COVER_LETTER_MAX_LENGTH:
            raise forms.ValidationError(
                _("Det personliga brevet är %(length)s tecken; det får vara högst %(limit)s.")
                % {"length": len(text), "limit": COVER_LETTER_MAX_LENGTH},
                code="too_long",
            )
        return text

    def clean_cv(self):
        cv = self.cleaned_data.get("cv")
        if cv:
            validate_pdf(cv)
        return cv

    def clean_transcript(self):
        transcript = self.cleaned_data.get("transcript")
        if transcript:
            validate_pdf(transcript)
        return transcript
