"""The sidebar: grouped by what people do, the current page marked, and only pages the reader
may open (ipportal.navigation and each app's menu.py)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from ipportal.navigation import ENTERPRISES, OFFICIALS, UNITS, registry
from targets.models import MemberUnit

from ..factories import PatentFactory, UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<nav class="sidebar".*?</nav>', re.S)


def sidebar(response) -> str:
    return LINK.search(response.content.decode()).group(0)


def menu_urls(audience: str) -> list[str]:
    return [link.url for group in registry.menu(audience, "/") for link in group.links]


def test_groups_follow_what_people_do_with_imports_before_records():
    codes = [code for code, _label, _items in registry.for_audience(OFFICIALS)]
    assert codes == ["overview", "review", "imports", "records", "plan", "settings"]
    imports = {code: items for code, _label, items in registry.for_audience(OFFICIALS)}["imports"]
    assert imports[0].url_name == "enterprises:import-list"


def test_review_queues_list_claims_then_filings():
    review = {code: items for code, _label, items in registry.for_audience(OFFICIALS)}["review"]
    assert [item.url_name for item in review[:2]] == ["finance:claim-list", "enterprises:filing-list"]


def test_current_page_is_marked_and_its_group_open(official_client):
    html = sidebar(official_client.get(reverse("enterprises:trademark-list")))
    assert html.count('aria-current="page"') == 1
    assert f'<a href="{reverse("enterprises:trademark-list")}" aria-current="page">' in html
    assert re.search(r'<details class="nav-group" data-group="records" open>', html)
    assert re.search(r'<details class="nav-group" data-group="settings">', html)  # folded


def test_a_record_page_marks_its_list(official_client, enterprise_a):
    patent = PatentFactory(enterprise=enterprise_a)
    html = sidebar(official_client.get(patent.get_absolute_url()))
    assert f'<a href="{reverse("enterprises:patent-list")}" aria-current="page">' in html
    # the lapse-risk list lives under /enterprises/patents/ too, but is not this page's list
    assert html.count('aria-current="page"') == 1


def test_home_is_current_only_on_itself(official_client):
    assert 'href="/" aria-current="page"' in sidebar(official_client.get("/"))
    assert 'href="/" aria-current="page"' not in sidebar(official_client.get(reverse("targets:forecast")))


@pytest.mark.parametrize("audience", [OFFICIALS, ENTERPRISES, UNITS])
def test_no_url_twice_in_one_menu(audience):
    urls = menu_urls(audience)
    assert len(urls) == len(set(urls))


def test_every_link_of_the_officials_menu_opens(official_client):
    for url in menu_urls(OFFICIALS):
        assert official_client.get(url).status_code == 200, url


def test_every_link_of_the_enterprise_menu_opens_and_none_is_officials_only(client_a):
    urls = menu_urls(ENTERPRISES)
    for url in urls:
        assert client_a.get(url).status_code == 200, url
    html = sidebar(client_a.get(reverse("enterprises:home")))
    for name in ("enterprises:import-list", "enterprises:list", "audit-log", "targets:indicator-list"):
        assert f'href="{reverse(name)}"' not in html
    assert 'role="search"' in html


def test_member_unit_menu_is_its_tasks_without_record_search(client):
    user = UserFactory(username="finance_officer")
    MemberUnit.objects.get(name="区财政局").members.create(user=user)
    client.force_login(user)
    html = sidebar(client.get(reverse("targets:task-list")))
    assert menu_urls(UNITS) == [reverse("targets:task-list")]
    assert 'aria-current="page"' in html and 'role="search"' not in html


def test_page_has_skip_link_menu_toggle_and_main_landmark(official_client):
    html = official_client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert 'aria-controls="sidebar" aria-expanded="false"' in html
    assert '<main id="main"' in html
    assert "<script>" not in html and " style=" not in html  # CSP: no inline script or style


def test_the_kept_sidebar_follows_the_language_and_the_page(official_client):
    """The sidebar's HTML is kept per audience, language and current link (Registry.sidebar)."""
    english = sidebar(official_client.get(reverse("enterprises:trademark-list"), HTTP_ACCEPT_LANGUAGE="en"))
    chinese = sidebar(official_client.get(reverse("enterprises:trademark-list"), HTTP_ACCEPT_LANGUAGE="zh-hans"))
    assert "Review queues" in english and "Review queues" not in chinese
    other_page = sidebar(official_client.get(reverse("enterprises:patent-list"), HTTP_ACCEPT_LANGUAGE="en"))
    assert f'<a href="{reverse("enterprises:patent-list")}" aria-current="page">' in other_page
    assert f'<a href="{reverse("enterprises:trademark-list")}" aria-current="page">' not in other_page


def test_an_enterprise_user_never_gets_the_officials_kept_sidebar(official_client, user_a):
    official_client.get(reverse("record-search"), HTTP_ACCEPT_LANGUAGE="en")
    enterprise = Client()
    enterprise.force_login(user_a)
    html = sidebar(enterprise.get(reverse("record-search"), HTTP_ACCEPT_LANGUAGE="en"))
    assert f'href="{reverse("enterprises:import-list")}"' not in html


def test_a_page_added_after_the_menu_was_shown_appears_in_it():
    from ipportal.navigation import Registry

    menu = Registry()
    menu.add("records", "专利", "enterprises:patent-list", section="creation")
    assert [link.url for group in menu.menu(OFFICIALS, "/") for link in group.links] == ["/enterprises/patents/"]
    menu.add("records", "商标", "enterprises:trademark-list", section="creation", rank=60)
    urls = [link.url for group in menu.menu(OFFICIALS, "/enterprises/trademarks/") for link in group.links]
    assert urls == ["/enterprises/patents/", "/enterprises/trademarks/"]


def test_the_current_link_follows_each_page_not_the_first_one_shown():
    first = [link for group in registry.menu(OFFICIALS, reverse("enterprises:patent-list")) for link in group.links]
    second = [link for group in registry.menu(OFFICIALS, reverse("enterprises:trademark-list")) for link in group.links]
    assert [link.url for link in first if link.current] == [reverse("enterprises:patent-list")]
    assert [link.url for link in second if link.current] == [reverse("enterprises:trademark-list")]
