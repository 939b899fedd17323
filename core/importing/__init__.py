"""Imports of the lists officials receive. Each app registers its kinds in AppConfig.ready()."""

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
