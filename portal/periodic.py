from portal.audit import purge_old_entries
from portal.form_protection import purge_kept_files, purge_old_submissions

JOBS = [purge_old_submissions, purge_kept_files, purge_old_entries]
