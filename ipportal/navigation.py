"""The site navigation, grouped by the plan's areas.

Each app adds the pages it owns to an area; an area without pages is not shown, so the menu
never points at a page that does not exist.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

AREAS: list[tuple[str, str]] = [
    ("creation", _("Creation")),
    ("utilization", _("Utilization")),
    ("protection", _("Protection")),
    ("management", _("Management")),
    ("publicity", _("Publicity & training")),
    ("targets", _("Targets")),
]


@dataclass(frozen=True)
class NavItem:
    area: str
    label: str
    url_name: str
    officials_only: bool = True


@dataclass
class Registry:
    items: list[NavItem] = field(default_factory=list)

    def add(self, area: str, label: str, url_name: str, *, officials_only: bool = True) -> None:
        assert area in dict(AREAS), area
        self.items.append(NavItem(area, label, url_name, officials_only))

    def for_user(self, official: bool) -> list[tuple[str, str, list[NavItem]]]:
        menu = []
        for code, label in AREAS:
            entries = [i for i in self.items if i.area == code and (official or not i.officials_only)]
            if entries:
                menu.append((code, label, entries))
        return menu


registry = Registry()
