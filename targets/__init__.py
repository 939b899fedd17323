"""The plan: its indicators and their values, supervision of the key tasks, dashboards, reports.

- ``models/``: ``plan``, ``values``, ``supervision``, ``assessment``, ``reports``.
- ``computation.py``: the indicator engine (the apps register calculators); ``recompute.py`` stores
  values; ``tasks.py`` queues recomputation and reports; ``progress.py``, ``categories.py``,
  ``forecast.py``, ``formulas.py``, ``values.py``: status, progress categories, forecast, display.
- ``dashboards/``: tiles, attention cards and record charts; ``reports.py``: annual report files;
  ``dossier.py``: the assessment dossier; ``leases.py``: the lease of the process making either.
- ``supervision.py``: deadlines, overdue and late plans and reports, their hand-in and review,
  follow-ups; ``reminders.py``: deadline reminders and weekly digests (beat and
  ``send_reminders``); ``assessment.py``: the units' yearly score table; ``early_warnings.py``:
  the office's notice of indicators that got worse in a recomputation.
- ``signals.py``: record changes ask for a recomputation. Pages in ``views/`` (``supervision``,
  ``meetings``, ``assessment``, ``warnings`` among them), API in ``api/``.
"""
