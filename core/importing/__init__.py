"""The import engine: ``reader`` (spreadsheets and text tables), ``values`` (cells), ``engine``
(rows, chunks, the result), ``headers`` (which field each column holds: synonyms, the header row,
saved column layouts), ``merge`` (COPY and merge), ``registry`` (the import kinds
by name; each app registers its own from its ``import_kinds`` module)."""

from .engine import Column, ImportKind, ImportResult, RowError, RowInvalid, run_import
from .registry import KINDS, get_kind, register

__all__ = [
    "KINDS",
    "Column",
    "ImportKind",
    "ImportResult",
    "RowError",
    "RowInvalid",
    "get_kind",
    "register",
    "run_import",
]
