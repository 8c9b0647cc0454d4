"""The portal's own models in the admin, kept beside each model's module."""

from portal.media import admin as media_admin  # noqa: F401
from portal.pages import admin as pages_admin  # noqa: F401
from portal.redirects import admin as redirects_admin  # noqa: F401
