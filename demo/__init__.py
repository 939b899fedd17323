"""Demo data for a newcomer's portal (`make demo`, `manage.py seed_demo`).

- ``seed.py``: users and roles, enterprises, IP records, pledges, the roster and trainings.
- ``park.py``: the park-level records of every area (utilisation, protection, publicity), a
  filing and claims under review.
- ``management/commands/seed_demo.py``: runs both, idempotently, recomputes, prints the logins.
"""
