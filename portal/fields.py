"""Model fields the apps share."""

from django.db import models


class HttpsURLField(models.URLField):
    """A URL whose form field completes an address typed without a scheme with https://.

    Django 6.0 makes https the default; until then every form URL field must say so.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})
