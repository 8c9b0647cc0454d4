"""The newsroom's periodic jobs (run by ``manage.py run_periodic``)."""

from newsroom.newsletter import (
    purge_unconfirmed,
    resume_stalled_sendings,
    send_scheduled_issues,
)

JOBS = [send_scheduled_issues, resume_stalled_sendings, purge_unconfirmed]
