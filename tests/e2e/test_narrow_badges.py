"""Status badges stay on one line in narrow tables (a phone's 390 px width)."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission

from targets.approval import approve_year
from targets.models import Plan
from targets.recompute import recompute

from ..targets.records import patent
from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

# The page's badges that are taller than a copy of themselves on one line: [as laid out on the
# page, as laid out in a box 1 px wide (the narrowest a table squeezes a column)].
WRAPPED_BADGES = """() => {
  const box = document.createElement('div');
  box.style.cssText = 'width:1px';
  document.body.appendChild(box);
  const taller = (badge, laidOut) => {
    const loose = badge.cloneNode(true);
    loose.style.cssText = 'position:absolute; left:0; top:0; white-space:nowrap';
    document.body.appendChild(loose);
    const oneLine = loose.getBoundingClientRect().height;
    loose.remove();
    return laidOut.getBoundingClientRect().height > oneLine + 0.5;
  };
  const squeezed = (badge) => taller(badge, box.appendChild(badge.cloneNode(true)));
  const badges = [...document.querySelectorAll('main .badge')];
  const wrapped = [badges.filter((badge) => taller(badge, badge)), badges.filter(squeezed)];
  box.remove();
  return wrapped.map((list) => list.map((badge) => badge.textContent));
}"""


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_badges_do_not_wrap_in_the_indicator_list_at_390_px(page, official, enterprise_a, language):
    patent(enterprise_a, granted=dt.date(2025, 3, 1))
    recompute()
    official.user_permissions.add(Permission.objects.get(codename="approve_figures"))
    approve_year(Plan.objects.current(), 2025, type(official).objects.get(pk=official.pk))
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "official")
    if language == "en":
        page.click("button[name=language][value=en]")
        page.wait_for_load_state()
    for path in ("/targets/?year=2025", "/targets/indicators/C1/", "/?year=2025"):
        page.goto(path)
        page.wait_for_selector(".badge")
        assert page.evaluate(WRAPPED_BADGES) == [[], []], path
    page.goto("/targets/?year=2025")
    page.locator("table").first.screenshot(path=str(screenshot(page, f"indicator-list-390-{language}")))
