"""Machinery every domain app uses; it imports no domain app.

- ``importing/``: the import engine. ``reader`` opens CSV/XLSX files, ``values`` parses cells,
  ``engine`` validates rows and writes them in chunks, ``merge`` COPYs a chunk into a staging
  table and merges it; ``__init__`` is the registry of import kinds (``register``, ``KINDS``).
- ``records/``: the record-kind registry (``RecordKind``, ``register``, ``KINDS``), the generic
  list/detail/form/export views and ``record_urls`` (``views``), the API viewset factory
  (``api``), the one filter helper (``filters``), shared querysets and the abstract model for
  the reconciled fields (``models``), the search over every kind a user may see (``search``).
- ``review.py``: the review-state machine of filings, claims and the member units' plans and
  reports (``move``, the timeline, notices) and ``announce`` for plain notices (reminders,
  warnings); ``models.py`` holds the review events, notifications and attachments.
"""
