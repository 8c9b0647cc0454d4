import logging

from internships import services

logger = logging.getLogger("portal")


def purge_expired_applications():
    removed = services.purge_expired_applications()
    orphans = services.remove_orphan_files()
    missing = services.applications_missing_files()
    if missing:
        # A row without its file cannot be mended here: someone must restore it from backup.
        logger.error("Applications whose files are missing: %s", ", ".join(missing))
    return (
        f"{len(removed)} expired applications purged, {orphans} orphaned files removed, "
        f"{len(missing)} applications missing files"
    )


JOBS = [purge_expired_applications]
