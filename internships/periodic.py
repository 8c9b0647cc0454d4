from internships import services


def purge_expired_applications():
    removed = services.purge_expired_applications()
    orphans = services.remove_orphan_files()
    return f"{len(removed)} expired applications purged, {orphans} orphaned files removed"


JOBS = [purge_expired_applications]
