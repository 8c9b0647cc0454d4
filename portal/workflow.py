"""What every workflow of the site shares: the refusal of a step and the history of steps.

A workflow (a visit's, an application's) lives on its model as methods that check a step
against the model's transitions, raise ``TransitionRefused`` for one it does not allow,
and record each step taken in a history model made from ``status_history``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TransitionRefused(ValidationError):
    """A status change the workflow does not allow (the message says why)."""


class StatusHistory(models.Model):
    """One step through a workflow: by whom and when.

    ``status_history`` adds from what status to what; a concrete history adds the object
    it follows and its ordering.
    """

    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ändrad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("tidpunkt"), default=timezone.now)

    class Meta:
        abstract = True
        verbose_name = _("statusändring")
        verbose_name_plural = _("statusändringar")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"

    @classmethod
    def record(cls, *, by, **step):
        """Write one step; a step not taken by a signed-in user (the public, a job) is nobody's."""
        return cls.objects.create(
            changed_by=by if by is not None and by.is_authenticated else None, **step
        )


def status_history(statuses):
    """The abstract ``StatusHistory`` of a workflow through ``statuses`` (a TextChoices).

    A field's choices are fixed when its model class is made, so each workflow gets its
    own abstract model with ``from_status`` and ``to_status`` choosing among its statuses.
    """

    class WorkflowStatusHistory(StatusHistory):
        from_status = models.CharField(_("från"), max_length=20, choices=statuses.choices)
        to_status = models.CharField(_("till"), max_length=20, choices=statuses.choices)

        class Meta(StatusHistory.Meta):
            abstract = True

    return WorkflowStatusHistory
