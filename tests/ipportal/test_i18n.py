import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_chinese_is_the_default_language(official_client):
    content = official_client.get(reverse("enterprises:list")).content.decode()
    assert '<html lang="zh-hans">' in content
    assert "企业" in content and "统一社会信用代码" in content


def test_language_switch_renders_english_then_chinese(official_client):
    response = official_client.post(reverse("set_language"), {"language": "en", "next": reverse("enterprises:list")})
    assert response.status_code == 302
    content = official_client.get(reverse("enterprises:list")).content.decode()
    assert '<html lang="en">' in content and "Unified Social Credit Code" in content

    official_client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    content = official_client.get(reverse("enterprises:list")).content.decode()
    assert "统一社会信用代码" in content and "Unified Social Credit Code" not in content


def test_every_page_has_the_language_switcher(client):
    content = client.get(reverse("login")).content.decode()
    assert 'name="language" value="en"' in content and 'name="language" value="zh-hans"' in content


def test_money_is_shown_in_wan_yuan_with_separators(official_client):
    from targets.models import YearlyFigure

    YearlyFigure.objects.create(year=2024, population=318200, public_budget=3890005000)
    content = official_client.get(reverse("targets:yearly-list")).content.decode()
    assert "389,000.50 万元" in content
    assert "318,200" in content


def test_dates_are_shown_as_iso(enterprise_a, client_a):
    content = client_a.get(enterprise_a.get_absolute_url()).content.decode()
    assert enterprise_a.updated_at.astimezone().strftime("%Y-") in content
