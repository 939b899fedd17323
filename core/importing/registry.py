"""The import kinds, by name: each app registers its own from its ``import_kinds`` module."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import ImportKind

KINDS: dict[str, "ImportKind"] = {}


def register(kind: "ImportKind") -> "ImportKind":
    KINDS[kind.name] = kind
    return kind


def get_kind(name: str) -> "ImportKind":
    return KINDS[name]
