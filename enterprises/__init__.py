"""Enterprises and their IP: the park's enterprises and members, IP records, filings.

- ``models/``: enterprises and memberships, patents, trademarks and other rights (``held`` has what
  every held record shares), certifications/pilots/honours, filings, import runs, annuity reminders.
- ``importing/``: this app's import kinds (``enterprises``, ``rights``, ``management``) and the
  life of an import run (``runs``); ``tasks.py`` queues and runs them.
- ``indicators.py``: C1–C9, M1–M4 and the high-value rule; ``qualifying.py``: close to qualifying.
- ``filings.py`` (kinds of filing, review, merge into the registry), ``reconciliation.py``
  (declared against imported), ``matching.py`` (holders to enterprises), ``annuities.py`` (lapse risk),
  ``codes.py`` (credit codes, patent numbers).
- Registration: ``import_kinds``, ``record_kinds``, ``menu``, ``dashboards``; pages in ``views/``, API in ``api/``.
"""
