"""Publicity and training: publicity events (P3), trainings and the IP staff roster (M5), talents.

``models.py``, ``importing.py`` (the lists), ``indicators.py`` (P3, M5); registration modules
``import_kinds``, ``record_kinds``, ``menu``; API in ``api/``.
"""
