"""Accessibility and layout, measured in Chromium: axe-core (axe-playwright-python) on the pages
people use most, in both languages, with no critical or serious violation; the pages fit a 390 px
phone screen; everything works from the keyboard; and no page logs a CSP violation."""

import datetime as dt
from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from finance.models import SupportItem
from targets.recompute import recompute

from ..factories import PatentFactory, valid_credit_code
from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ("zh-hans", "en")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}


def use_language(page, live_server, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])


def serious_violations(page) -> list[str]:
    """axe-core's critical and serious findings on the page, as "rule: selector" lines."""
    result = Axe().run(page)
    return [
        f"{violation['id']}: {node['target']}"
        for violation in result.response["violations"]
        if violation["impact"] in ("critical", "serious")
        for node in violation["nodes"]
    ]


def check(page, path: str, name: str, language: str) -> None:
    """The page at both widths: no serious axe finding, no sideways scrolling on a phone, and a
    screenshot of each (test-artifacts/)."""
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert serious_violations(page) == [], (path, language, viewport)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], (path, language, viewport, width)
        screenshot(page, f"a11y-{name}-{viewport['width']}-{language}")


@pytest.fixture
def park(official, user_a, enterprise_a):
    """An official, an enterprise user with patents and an open support item, and computed values."""
    today = timezone.localdate()
    item = SupportItem.objects.create(
        year=today.year,
        name="发明专利授权资助",
        target=SupportItem.Target.INVENTION_GRANT,
        rule=SupportItem.Rule.FIXED,
        fixed_amount=Decimal("5000"),
        budget=Decimal("200000"),
        opens_on=today - dt.timedelta(days=10),
        closes_on=today + dt.timedelta(days=10),
    )
    for day in (dt.date(2024, 6, 1), dt.date(2025, 3, 1), dt.date(today.year, 1, 10)):
        PatentFactory(enterprise=enterprise_a, grant_date=day, title="一种可访问性测试用的很长很长的专利名称")
    PatentFactory(title="园区外的专利")
    recompute()
    return item


def upload_for_check(page, tmp_path) -> str:
    """Upload an enterprises file as the official; returns the import's check page (before confirming)."""
    file = tmp_path / "园区企业名单.csv"
    file.write_text(
        f"企业名称,统一社会信用代码,所属产业,高新技术企业\n荆门无障碍测试有限公司,{valid_credit_code()},绿色化工,是\n",
        encoding="utf-8",
    )
    page.goto("/enterprises/imports/")
    page.select_option("select[name=kind]", "enterprises")
    page.set_input_files("input[name=file]", str(file))
    page.click("form[enctype='multipart/form-data'] button[type=submit]")
    page.wait_for_selector("text=确认导入")
    return page.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_pages_pass_axe_and_fit_a_phone(page, live_server, park, tmp_path, language):
    page.set_viewport_size(DESKTOP)
    use_language(page, live_server, language)
    check(page, "/accounts/login/", "login", language)

    log_in(page, "official")
    use_language(page, live_server, "zh-hans")  # the upload waits for the Chinese button
    import_check = upload_for_check(page, tmp_path)
    use_language(page, live_server, language)
    for path, name in (
        ("/", "dashboard"),
        ("/targets/indicators/C1/", "indicator"),
        ("/enterprises/patents/", "patents"),
        (import_check, "import-check"),
        ("/targets/charts/", "charts"),
        ("/search/?q=专利", "search"),
    ):
        check(page, path, name, language)
    page.context.clear_cookies()

    use_language(page, live_server, language)
    log_in(page, "user_a")
    for path, name in (("/enterprises/home/", "enterprise-home"), (f"/finance/fund/{park.pk}/claim/", "claim-form")):
        check(page, path, name, language)
    assert page.console_errors == []


def test_phone_menu_skip_link_and_forms_work_from_the_keyboard(page, live_server, park):
    page.set_viewport_size(PHONE)
    # Log in with the keyboard only: Tab to each field, Enter submits.
    page.goto("/accounts/login/")  # the user name field has the focus (autofocus)
    while page.evaluate("document.activeElement.name") != "username":
        page.keyboard.press("Tab")
    page.keyboard.type("official")
    page.keyboard.press("Tab")
    page.keyboard.type("correct-horse-battery")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-nav-toggle]")

    # The skip link comes first, is visible when focused and moves focus to the page's content.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.bounding_box()["y"] >= 0
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus visible
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # The menu is off-canvas: hidden until the toggle (the next stop) opens it; Escape closes it.
    page.goto("/")
    sidebar = page.locator("#sidebar")
    assert not sidebar.is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-nav-toggle')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(sidebar).to_be_in_viewport(ratio=1)
    assert page.get_attribute("[data-nav-toggle]", "aria-expanded") == "true"
    assert page.evaluate("document.getElementById('sidebar').contains(document.activeElement)")
    screenshot(page, "a11y-menu-open-390-zh-hans")

    # From inside the menu: Tab to the record search, type, Enter submits it.
    while page.evaluate("document.activeElement.id") != "nav-search-q":
        page.keyboard.press("Tab")
    page.keyboard.type("专利")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("[data-kind=patent]").is_visible()

    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert sidebar.is_visible()
    page.keyboard.press("Escape")
    expect(sidebar).to_be_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-nav-toggle')")
    assert page.console_errors == []


def test_the_open_phone_menu_keeps_the_keyboard_inside_it(page, live_server, park):
    """While the off-canvas menu is open, Tab and Shift+Tab go round the menu, never to the page
    behind it; closing it gives the page back."""
    page.set_viewport_size(PHONE)
    log_in(page, "official")
    page.goto("/")
    page.click("[data-nav-toggle]")
    inside = "document.getElementById('sidebar').contains(document.activeElement)"
    stops = page.evaluate(
        "[...document.querySelectorAll('#sidebar a[href], #sidebar button, #sidebar input, #sidebar summary')]"
        ".filter(e => e.offsetParent !== null).length"
    )
    for _ in range(stops + 3):
        page.keyboard.press("Tab")
        assert page.evaluate(inside), page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    for _ in range(stops + 3):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(inside), page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not page.evaluate(inside)


def test_charts_dashboard_and_api_docs_log_no_csp_violation(page, live_server, park):
    """ECharts draws its tooltips on the canvas (renderMode richText): hovering the charts, whose
    HTML tooltips used to set inline styles, logs nothing under style-src 'self'."""
    page.set_viewport_size(DESKTOP)
    log_in(page, "official")
    for path in ("/targets/charts/", "/", "/targets/indicators/C1/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        for canvas in page.locator(".chart canvas").all():
            box = canvas.bounding_box()
            for share in (0.3, 0.5, 0.7):
                page.mouse.move(box["x"] + box["width"] * share, box["y"] + box["height"] * 0.6)
                page.wait_for_timeout(100)  # let ECharts draw the tooltip
    page.goto("/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .info")
    assert page.console_errors == []
