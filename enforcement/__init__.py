"""IP protection: cases (P1), satisfaction surveys (P2), rights assistance and public complaints.

``models.py``, ``importing.py`` (the lists), ``indicators.py`` (P1, P2), ``views.py``; registration
modules ``import_kinds``, ``record_kinds``, ``menu``; API in ``api/``.
"""
