"""The site navigation, grouped by what people do: overview, review queues, imports, records,
plan and supervision, settings — most used first.

Each app adds the pages it owns in its `menu.py` (`registry.add(...)`), naming the group, the
audience (officials, enterprise users, member units) and a rank within the group (lower first).
Records carry a section (the plan's area) shown as a sub-heading. A group without pages for the
reader is not shown, so the menu never points at a page that does not exist or is refused.
"""

from dataclasses import dataclass, field

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _

OFFICIALS = "official"
ENTERPRISES = "enterprise"
UNITS = "unit"
AUDIENCES = (OFFICIALS, ENTERPRISES, UNITS)

GROUPS: list[tuple[str, str]] = [
    ("overview", _("Overview")),
    ("review", _("Review queues")),
    ("imports", _("Imports")),
    ("records", _("Records")),
    ("plan", _("Plan and supervision")),
    ("settings", _("Settings")),
]
# Shown open when the page loads; the others open when they hold the current page.
OPEN_GROUPS = {"overview", "review"}
# A menu this short is shown whole: folding it would only hide links.
SHORT_MENU = 15

SECTIONS: list[tuple[str, str]] = [
    ("", ""),
    ("creation", _("IP rights")),
    ("management", _("Enterprises & certification")),
    ("utilization", _("Utilization")),
    ("protection", _("Protection")),
    ("publicity", _("Publicity & training")),
]


@dataclass(frozen=True)
class NavItem:
    """One registered page: `url_name` is reversed without arguments."""

    group: str
    label: str
    url_name: str
    audiences: tuple[str, ...]
    section: str = ""
    rank: int = 50


@dataclass
class NavLink:
    label: str
    url: str
    current: bool = False


@dataclass
class NavGroup:
    """A group as shown: `sections` is [(sub-heading or "", [NavLink])], `open` whether the
    <details> starts open."""

    code: str
    label: str
    sections: list[tuple[str, list[NavLink]]]
    open: bool = False

    @property
    def links(self) -> list[NavLink]:
        return [link for _heading, links in self.sections for link in links]


@dataclass
class Registry:
    items: list[NavItem] = field(default_factory=list)
    # Each audience's menu as (group code, label, [(heading, [(label, url)])]), worked out on first
    # use: reversing every URL name and sorting on each page was about 2 ms of a page's CPU time.
    # Keyed by audience, script prefix and URLconf (which URLs depend on); `add` empties it.
    _layouts: dict[tuple, list] = field(default_factory=dict, repr=False)

    def add(
        self,
        group: str,
        label: str,
        url_name: str,
        *,
        audiences: tuple[str, ...] = (OFFICIALS,),
        section: str = "",
        rank: int = 50,
    ) -> None:
        """Register a page. Raises AssertionError for an unknown group, section or audience."""
        assert group in dict(GROUPS), group
        assert section in dict(SECTIONS), section
        assert audiences and set(audiences) <= set(AUDIENCES), audiences
        self.items.append(NavItem(group, label, url_name, tuple(audiences), section, rank))
        self._layouts.clear()

    def for_audience(self, audience: str) -> list[tuple[str, str, list[NavItem]]]:
        """[(group code, group label, [NavItem])] for one audience, groups in GROUPS order, items
        by section then rank (ties keep the order of registration)."""
        section_order = {code: index for index, (code, _label) in enumerate(SECTIONS)}
        menu = []
        for code, label in GROUPS:
            entries = [i for i in self.items if i.group == code and audience in i.audiences]
            entries.sort(key=lambda i: (section_order[i.section], i.rank))
            if entries:
                menu.append((code, label, entries))
        return menu

    def menu(self, audience: str, path: str) -> list[NavGroup]:
        """The menu as shown on the page at `path`: the link whose URL is the longest prefix of
        the path is current (the home page "/" only on itself), and its group starts open."""
        groups = [
            NavGroup(code, label, [(heading, [NavLink(*link) for link in links]) for heading, links in sections])
            for code, label, sections in self._layout(audience)
        ]
        links = [link for group in groups for link in group.links]
        matches = [link for link in links if path == link.url or (link.url != "/" and path.startswith(link.url))]
        if matches:
            max(matches, key=lambda link: len(link.url)).current = True
        short = len(links) <= SHORT_MENU
        for group in groups:
            group.open = short or group.code in OPEN_GROUPS or any(link.current for link in group.links)
        return groups

    def _layout(self, audience: str) -> list[tuple[str, str, list[tuple[str, list[tuple[str, str]]]]]]:
        """The audience's groups as (code, label, [(section heading, [(link label, URL)])]), kept."""
        key = (audience, get_script_prefix(), get_urlconf())
        layout = self._layouts.get(key)
        if layout is None:
            headings = dict(SECTIONS)
            layout = []
            for code, label, items in self.for_audience(audience):
                sections: dict[str, list[tuple[str, str]]] = {}
                for item in items:
                    sections.setdefault(item.section, []).append((item.label, reverse(item.url_name)))
                layout.append((code, label, [(headings[s], links) for s, links in sections.items()]))
            self._layouts[key] = layout
        return layout


registry = Registry()
