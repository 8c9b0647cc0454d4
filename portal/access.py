"""Who may open a page outside the admin: anyone, or staff who have passed the second factor.

Every URL pattern's view is marked by one of the two decorators below, and a test walks the
URLconf and fails on a pattern marked by neither, so that a new staff page cannot be left
behind the password alone by forgetting a check in the view.
"""

from functools import wraps

from django.contrib import admin

PUBLIC = "public"
STAFF = "staff"


def public_view(view):
    """Mark ``view`` as open to anyone: a page, a feed, a form, or a link with its own token."""

    @wraps(view)
    def public(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    public.access = PUBLIC
    return public


def staff_view(view):
    """Put ``view`` behind the admin's own gate and mark it as a staff page.

    The gate lets in active staff who, where ``STAFF_2FA_REQUIRED``, have passed a device this
    session; everyone else goes to the staff login. The page is never cached.
    """
    gated = admin.site.admin_view(view)
    gated.access = STAFF
    return gated
