"""Editorial workflow of the site's content: revisions, drafts of published items, review.

A model opts in by inheriting ``EditorialModel`` (``portal.editorial.models``) and its admin
by inheriting ``EditorialAdmin`` (``portal.editorial.admin``). Every save through the admin
keeps a revision (django-reversion); an edit of a published item is kept as a draft beside
the live row until a publisher publishes it; with ``EDITORIAL_REVIEW`` only the group
``PUBLISHERS`` (and superusers) publish, unpublish and schedule.
"""

PUBLISHERS = "Publicerare"
