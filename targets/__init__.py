"""The plan: its indicators and their values, supervision of the key tasks, dashboards, reports.

- ``models/``: ``plan``, ``values``, ``supervision``, ``reports``.
- ``computation.py``: the indicator engine (the apps register calculators); ``recompute.py`` stores
  values; ``tasks.py`` queues recomputation and reports; ``progress.py``, ``categories.py``,
  ``forecast.py``, ``formulas.py``, ``values.py``: status, progress categories, forecast, display.
- ``dashboards/``: tiles, attention cards and record charts; ``reports.py``: annual report files.
- ``supervision.py``: key tasks, work plans and reports; ``signals.py``: record changes ask for a
  recomputation. Pages in ``views/``, API in ``api/``.
"""
