from portal.audit import purge_old_entries
from portal.formguard import purge_old_submissions

JOBS = [purge_old_submissions, purge_old_entries]
