from portal.audit import purge_old_entries
from portal.form_protection import purge_kept_files, purge_old_submissions
from portal.mail import recover_abandoned_tasks

JOBS = [recover_abandoned_tasks, purge_old_submissions, purge_kept_files, purge_old_entries]
