import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import call_command
from django.http import HttpRequest

from demo.seed import DEMO_PASSWORD
from enterprises.models import Enterprise, Membership
from targets.models import YearlyFigure

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_prints_the_logins(capsys):
    call_command("seed_demo")
    counts = (Enterprise.objects.count(), Membership.objects.count(), YearlyFigure.objects.count())
    call_command("seed_demo")
    assert (Enterprise.objects.count(), Membership.objects.count(), YearlyFigure.objects.count()) == counts
    out = capsys.readouterr().out
    for username in ("official", "office_head", "ent_a", "ent_b", "api_client"):
        assert username in out
        assert authenticate(HttpRequest(), username=username, password=DEMO_PASSWORD) is not None


def test_the_demo_office_head_may_approve_figures_and_the_official_may_not():
    call_command("seed_demo")
    assert User.objects.get(username="office_head").has_perm("targets.approve_figures")
    assert not User.objects.get(username="official").has_perm("targets.approve_figures")


def test_demo_enterprise_users_belong_to_different_enterprises():
    call_command("seed_demo")
    a = Membership.objects.get(user__username="ent_a").enterprise
    b = Membership.objects.get(user__username="ent_b").enterprise
    assert a != b


def test_demo_gives_the_management_indicators_values():
    from targets.models import IndicatorValue
    from targets.recompute import recompute

    call_command("seed_demo")
    call_command("seed_demo")  # idempotent here too
    recompute([2025])
    values = dict(
        IndicatorValue.objects.filter(year=2025, indicator__code__in=["M1", "M2", "M3", "M4", "M5"]).values_list(
            "indicator__code", "value"
        )
    )
    assert all(values[code] for code in ("M1", "M2", "M3", "M4", "M5")), values


def test_demo_has_supervision_to_show():
    from core.models import ReviewState
    from targets.models import AssessmentScore, FollowUp, ProgressReport

    call_command("seed_demo")
    call_command("seed_demo")
    report = ProgressReport.objects.get(period="h1")
    assert report.state == ReviewState.RETURNED and report.events.count() == 2
    year_report = ProgressReport.objects.get(period="year")
    assert year_report.state == ReviewState.APPROVED and year_report.attachment
    assert FollowUp.objects.count() == 2 and FollowUp.objects.open().count() == 1
    assert AssessmentScore.objects.count() == 3
