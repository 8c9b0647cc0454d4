"""The newsroom's periodic jobs (run by ``manage.py run_periodic``)."""

from newsroom.newsletter import purge_unconfirmed, resume_stalled_sendings

JOBS = [purge_unconfirmed, resume_stalled_sendings]
