"""The import engine: ``reader`` (CSV/XLSX), ``values`` (cells), ``engine`` (rows, chunks, the
result), ``merge`` (COPY and merge). This module is the registry of import kinds; each app
registers its own from its ``import_kinds`` module."""

from .engine import Column, ImportKind, ImportResult, RowError, RowInvalid, run_import

KINDS: dict[str, ImportKind] = {}


def register(kind: ImportKind) -> ImportKind:
    KINDS[kind.name] = kind
    return kind


def get_kind(name: str) -> ImportKind:
    return KINDS[name]


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
