"""The relations app's periodic jobs (run by ``manage.py run_periodic``)."""

from relations import services


def remind_follow_ups():
    """Remind officers of agreement follow-ups due within a month."""
    return f"follow-up reminders sent for {services.send_follow_up_reminders()} agreements"


def remind_renewals():
    """Remind the relations officers of memberships to be renewed within two months."""
    return f"renewal reminders sent for {services.send_renewal_reminders()} memberships"


def follow_project_dates():
    """Move projects from planned to ongoing to completed as their dates pass."""
    return f"status changed for {services.update_project_statuses()} projects"


JOBS = [remind_follow_ups, remind_renewals, follow_project_dates]
