"""The newsroom's periodic jobs (run by ``manage.py run_periodic``)."""

from newsroom.newsletter.announcements import announce_opened_internship_calls
from newsroom.newsletter.delivery import resume_stalled_sendings, send_scheduled_issues
from newsroom.newsletter.subscriptions import purge_unconfirmed

JOBS = [
    send_scheduled_issues,
    announce_opened_internship_calls,
    resume_stalled_sendings,
    purge_unconfirmed,
]
