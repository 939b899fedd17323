"""The site navigation, grouped by what people do: overview, review queues, imports, records,
plan and supervision, settings — most used first.

Each app adds the pages it owns in its `menu.py` (`registry.add(...)`), naming the group, the
audience (officials, enterprise users, member units) and a rank within the group (lower first).
Records carry a section (the plan's area) shown as a sub-heading. A group without pages for the
reader is not shown, so the menu never points at a page that does not exist or is refused.

The sidebar's HTML is the same for every reader of one audience and language on pages that mark
the same link as current: `Registry.sidebar` keeps it in the process (the registry and the URLs
are fixed once the apps are loaded), so a page renders it once, not on every request.
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language
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
    # (audience, language, script prefix, URLconf, current URL) -> the sidebar's HTML; (audience,
    # script prefix, URLconf) -> every link's URL (URLs depend on both). Emptied when a page is registered.
    _sidebars: dict[tuple, SafeString] = field(default_factory=dict, repr=False)
    _urls: dict[tuple, list[str]] = field(default_factory=dict, repr=False)

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
        self._sidebars.clear()
        self._urls.clear()

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
        return self._menu(audience, self.current_url(audience, path))

    def _menu(self, audience: str, current: str) -> list[NavGroup]:
        groups = []
        for code, label, items in self.for_audience(audience):
            sections: dict[str, list[NavLink]] = {}
            for item in items:
                sections.setdefault(item.section, []).append(NavLink(item.label, reverse(item.url_name)))
            headings = dict(SECTIONS)
            groups.append(NavGroup(code, label, [(headings[s], links) for s, links in sections.items()]))
        links = [link for group in groups for link in group.links]
        for link in links:
            link.current = link.url == current
        short = len(links) <= SHORT_MENU
        for group in groups:
            group.open = short or group.code in OPEN_GROUPS or any(link.current for link in group.links)
        return groups

    def current_url(self, audience: str, path: str) -> str:
        """The URL of the audience's link that is current on the page at `path` (the longest
        prefix of the path; the home page "/" only on itself), or "" for none."""
        key = (audience, get_script_prefix(), get_urlconf())
        urls = self._urls.get(key)
        if urls is None:
            urls = [reverse(item.url_name) for _code, _label, items in self.for_audience(audience) for item in items]
            self._urls[key] = urls
        matches = [url for url in urls if path == url or (url != "/" and path.startswith(url))]
        return max(matches, key=len) if matches else ""

    def sidebar(self, audience: str, path: str) -> SafeString:
        """The sidebar's HTML for the audience on the page at `path`, in the current language:
        the record search for officials and enterprise users, then the menu (`menu`)."""
        current = self.current_url(audience, path)
        key = (audience, get_language() or "", get_script_prefix(), get_urlconf(), current)
        html = self._sidebars.get(key)
        if html is None:
            html = render_to_string(
                "includes/sidebar.html",
                {"nav_menu": self._menu(audience, current), "record_search": audience in (OFFICIALS, ENTERPRISES)},
            )
            self._sidebars[key] = html
        return html


registry = Registry()
