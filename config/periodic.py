from config.audit import purge_old_entries
from config.formguard import purge_old_submissions

JOBS = [purge_old_submissions, purge_old_entries]
