"""Demo data for a newcomer's portal (`make demo`, `manage.py seed_demo`).

- ``seed.py``: users and roles, enterprises, yearly figures; ``seed`` runs everything, idempotently.
- ``records.py``: IP records of park and outside holders, pledges; ``roster.py``: IP staff, trainings,
  talents, certifications, pilots and honours.
- ``park.py``: the park-level records of every area (utilisation, protection, publicity), a
  filing and claims under review; ``supervision.py``: a unit's accepted plan and returned report,
  a leading-group meeting with follow-ups, and an assessment rubric with scores.
- ``management/commands/seed_demo.py``: runs both, idempotently, recomputes, prints the logins.
"""
