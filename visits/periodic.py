from visits.services import purge_personal_data


def purge_visit_personal_data():
    """Remove participants and requesters' contact data whose retention has ended."""
    count = purge_personal_data()
    return f"personal data removed from {count} visits"


JOBS = [purge_visit_personal_data]
