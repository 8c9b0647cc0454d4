from config.formguard import purge_old_submissions

JOBS = [purge_old_submissions]
