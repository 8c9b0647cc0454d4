"""The relations app's periodic jobs (run by ``manage.py run_periodic``)."""

from relations import services


def remind_follow_ups():
    """Remind officers of agreement follow-ups due within a month."""
    return f"follow-up reminders sent for {services.send_follow_up_reminders()} agreements"


JOBS = [remind_follow_ups]
