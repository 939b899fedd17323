"""IP finance: pledges, utilisation records, insurance and the special IP fund.

- ``models/``: ``pledges``, ``utilization``, ``insurance``, ``fund`` (support items and claims).
- ``claims.py``: a claim's life cycle; ``filings.py``: award and pledge filings (into enterprises');
  ``matching.py``: pledges to enterprises and pledged numbers to patents; ``importing.py``: the lists.
- ``indicators.py``: U1–U11, M6 and the pledge and award high-value rules.
- Registration: ``import_kinds``, ``record_kinds``, ``menu``, ``dashboards``; API in ``api/``.
"""
