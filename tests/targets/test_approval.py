"""Approving a year: frozen values, the current computation beside them, the drift, withdrawal."""

import datetime as dt
import io
import json
from decimal import Decimal
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from enterprises.models import Patent
from targets.approval import ApprovalRefused, approve_year, drift, unapprove_year
from targets.models import ApprovedValue, IndicatorValue, Plan, YearApproval, YearlyFigure
from targets.recompute import recompute
from targets.reports import report_content, xlsx_bytes
from targets.values import value_rows

from ..files import patent_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return Plan.objects.current()


@pytest.fixture
def head(official):
    """The office head: an official with the approve figures permission."""
    official.user_permissions.add(Permission.objects.get(codename="approve_figures"))
    return type(official).objects.get(pk=official.pk)  # a fresh object: no cached permissions


def import_patents(tmp_path, enterprise, rows: int, first: int, name: str) -> None:
    """Invention patents of the enterprise granted in 2024 (applied in 2023, granted 400 days later)."""
    path = tmp_path / f"{name}.csv"
    path.write_text(
        patent_csv(rows, holder_code=enterprise.credit_code, first=first, applied_from=dt.date(2023, 1, 1)),
        encoding="utf-8",
    )
    call_command("import_records", "patents", str(path), "--lang", "en", stdout=StringIO())


def c1_row(plan, year=2024):
    return next(row for row in value_rows(plan, year) if row["code"] == "C1")


def api_c1(client, year=2024):
    response = client.get("/api/v1/indicators/", {"year": year})
    return next(row for row in response.json() if row["code"] == "C1")


def test_approved_year_stays_put_while_the_current_computation_moves(
    plan, head, enterprise_a, tmp_path, official_client, django_capture_on_commit_callbacks
):
    import_patents(tmp_path, enterprise_a, 3, 0, "first")
    recompute([2024])
    approve_year(plan, 2024, head)
    before_api = api_c1(official_client)
    import_patents(tmp_path, enterprise_a, 2, 100, "second")
    new_numbers = set(Patent.objects.order_by("-pk")[:2].values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):  # the values generation moves on commit
        recompute([2024])

    row = c1_row(plan)
    assert row["value"] == 3 and row["approved"] is True
    assert row["computed"] == 5 and row["difference"] == 2
    assert IndicatorValue.objects.get(indicator__code="C1", year=2024).value == 5
    report = next(r for r in report_content(plan, 2024).rows if r["code"] == "C1")
    assert report["value"] == 3 and report["approved"] is True
    after_api = api_c1(official_client)
    assert after_api["value"] == before_api["value"] == 3
    assert after_api["approved"] is True and after_api["computed"] == 5

    detail = official_client.get("/api/v1/indicators/C1/").json()
    year_2024 = next(v for v in detail["values"] if v["year"] == 2024)
    assert {item["pk"] for item in year_2024["drift"]["added"]} == new_numbers
    assert year_2024["drift"]["removed"] == [] and year_2024["drift"]["changed"] == []
    assert all(item["url"].startswith("/") for item in year_2024["drift"]["added"])


def test_withdrawing_restores_the_live_values_and_keeps_the_snapshot(
    plan, head, enterprise_a, tmp_path, official_client
):
    import_patents(tmp_path, enterprise_a, 3, 0, "first")
    recompute([2024])
    approve_year(plan, 2024, head)
    import_patents(tmp_path, enterprise_a, 2, 100, "second")
    recompute([2024])
    with pytest.raises(ApprovalRefused):
        unapprove_year(plan, 2024, head, "  ")
    unapprove_year(plan, 2024, head, "Two patents of 2024 arrived late")

    row = c1_row(plan)
    assert row["value"] == 5 and row["approved"] is False
    approval = YearApproval.objects.get()
    assert approval.withdrawal_reason == "Two patents of 2024 arrived late" and approval.withdrawn_by == head
    assert ApprovedValue.objects.get(approval=approval, indicator__code="C1").value == 3
    entry = LogEntry.objects.get_for_object(approval).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == head and "withdrawal_reason" in entry.changes_dict
    history = official_client.get("/api/v1/indicators/C1/history/").json()
    assert [(a["year"], a["value"], a["withdrawal_reason"]) for a in history["approvals"]] == [
        (2024, 3, "Two patents of 2024 arrived late")
    ]
    assert [(c["year"], c["value"], c["new_value"]) for c in history["changes"] if c["year"] == 2024] == [(2024, 3, 5)]
    page = official_client.get(reverse("targets:indicator-detail", args=["C1"]), HTTP_ACCEPT_LANGUAGE="en").content
    assert "Two patents of 2024 arrived late" in page.decode()


def test_an_official_without_the_permission_cannot_approve(plan, official):
    recompute([2024])
    with pytest.raises(PermissionDenied):
        approve_year(plan, 2024, official)
    assert not YearApproval.objects.exists()


def test_a_year_is_approved_once_and_only_when_computed(plan, head):
    with pytest.raises(ApprovalRefused):
        approve_year(plan, 2024, head)
    recompute([2024])
    approve_year(plan, 2024, head)
    with pytest.raises(ApprovalRefused):
        approve_year(plan, 2024, head)
    with pytest.raises(ApprovalRefused):
        approve_year(plan, 2031, head)


def test_approval_freezes_inputs_figures_and_records(plan, head, enterprise_a, tmp_path):
    YearlyFigure.objects.create(year=2024, population=20000)
    import_patents(tmp_path, enterprise_a, 3, 0, "first")
    recompute([2024])
    approval = approve_year(plan, 2024, head)
    assert approval.figures["population"] == "20000"
    c1 = ApprovedValue.objects.get(approval=approval, indicator__code="C1")
    assert c1.record_count == 3 and c1.records["kind"] == "patent"
    assert set(c1.records["items"]) == {str(pk) for pk in Patent.objects.values_list("pk", flat=True)}
    c3 = ApprovedValue.objects.get(approval=approval, indicator__code="C3")
    assert c3.numerator is not None and c3.denominator == 20000


def test_an_edited_record_shows_as_changed(plan, head, enterprise_a, tmp_path):
    import_patents(tmp_path, enterprise_a, 2, 0, "first")
    recompute([2024])
    approve_year(plan, 2024, head)
    patent = Patent.objects.first()
    patent.title = "改过的名称"
    patent.save()
    approved = ApprovedValue.objects.get(indicator__code="C1")
    found = drift(approved, approved.indicator, 2024)
    assert [item["pk"] for item in found.changed] == [patent.pk] and not found.added and not found.removed


def test_commands_approve_and_withdraw_and_show_indicators_says_so(plan, head, enterprise_a, tmp_path):
    import_patents(tmp_path, enterprise_a, 3, 0, "first")
    recompute([2024])
    out = StringIO()
    call_command("approve_year", "2024", "--user", head.username, "--lang", "en", stdout=out)
    assert "2024 approved by" in out.getvalue()
    import_patents(tmp_path, enterprise_a, 1, 100, "second")
    recompute([2024])
    out = StringIO()
    call_command("show_indicators", "--year", "2024", "--format", "json", stdout=out)
    c1 = next(row for row in json.loads(out.getvalue()) if row["code"] == "C1")
    assert (c1["value"], c1["approved"], c1["computed"]) == (3, True, 4)
    out = StringIO()
    call_command("show_indicators", "--year", "2024", "--lang", "en", stdout=out)
    c1_line = next(line for line in out.getvalue().splitlines() if line.startswith("C1 "))
    assert c1_line.endswith("approved (4)")
    with pytest.raises(CommandError):
        call_command("unapprove_year", "2024", "--user", head.username, "--reason", " ", stdout=StringIO())
    call_command("unapprove_year", "2024", "--user", head.username, "--reason", "late records", stdout=StringIO())
    out = StringIO()
    call_command("show_indicators", "--year", "2024", "--format", "json", stdout=out)
    c1 = next(row for row in json.loads(out.getvalue()) if row["code"] == "C1")
    assert (c1["value"], c1["approved"], c1["computed"]) == (4, False, 4)


def test_the_approve_command_refuses_a_user_without_the_permission(plan, official):
    recompute([2024])
    with pytest.raises(CommandError, match="may not approve"):
        call_command("approve_year", "2024", "--user", official.username, "--lang", "en", stdout=StringIO())


@pytest.mark.parametrize(
    ("language", "approve_label", "approved_note", "added"),
    [
        ("en", "Approve the figures of 2024", "were approved by", "Added since the approval"),
        ("zh-hans", "批准2024年的数据", "批准", "批准后新增"),
    ],
)
def test_the_office_head_approves_on_the_page_and_sees_the_drift(
    plan, head, enterprise_a, tmp_path, client, language, approve_label, approved_note, added
):
    import_patents(tmp_path, enterprise_a, 2, 0, "first")
    recompute([2024])
    client.force_login(head)
    listing = client.get(reverse("targets:indicator-list"), {"year": 2024}, HTTP_ACCEPT_LANGUAGE=language)
    assert approve_label in listing.content.decode()
    response = client.post(reverse("targets:approve-year", args=[2024]), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302 and YearApproval.objects.active().filter(year=2024).exists()
    import_patents(tmp_path, enterprise_a, 1, 100, "second")
    recompute([2024])
    listing = client.get(reverse("targets:indicator-list"), {"year": 2024}, HTTP_ACCEPT_LANGUAGE=language).content
    assert approved_note in listing.decode()
    page = client.get(reverse("targets:indicator-detail", args=["C1"]), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    newest = Patent.objects.order_by("-pk").first()
    assert added in page and reverse("enterprises:patent-detail", args=[newest.pk]) in page


def test_an_official_without_the_permission_sees_no_approve_button(plan, official_client):
    recompute([2024])
    listing = official_client.get(reverse("targets:indicator-list"), {"year": 2024}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Approve the figures" not in listing.content.decode()
    assert official_client.post(reverse("targets:approve-year", args=[2024])).status_code == 403


def test_withdrawing_on_the_page_needs_a_reason(plan, head, client):
    recompute([2024])
    approve_year(plan, 2024, head)
    client.force_login(head)
    response = client.post(
        reverse("targets:unapprove-year", args=[2024]), {"reason": " "}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Give the reason for withdrawing the approval." in response.content.decode()
    assert YearApproval.objects.active().exists()
    client.post(reverse("targets:unapprove-year", args=[2024]), {"reason": "wrong population"})
    assert YearApproval.objects.get().withdrawal_reason == "wrong population"


def test_u9_and_u10_definitions_say_average_annual_growth_since_2022(plan):
    for code in ("U9", "U10"):
        indicator = plan.indicators.get(code=code)
        assert "年均增长率" in indicator.definition_zh and "2022" in indicator.definition_zh
        assert indicator.definition_en.startswith("Average annual growth since the base year (2022)")


def test_u6_definition_names_the_unit_its_values_are_shown_in(plan, official_client):
    indicator = plan.indicators.get(code="U6")
    assert "单位元" not in indicator.definition_zh and "万元" in indicator.definition_zh
    assert "in yuan" not in indicator.definition_en
    page = official_client.get(reverse("targets:indicator-detail", args=["U6"])).content.decode()
    assert "以万元显示" in page


def test_the_dashboard_shows_the_approved_value_marked_approved(plan, head, enterprise_a, tmp_path, official_client):
    import_patents(tmp_path, enterprise_a, 2, 0, "first")
    recompute([2024])
    approve_year(plan, 2024, head)
    import_patents(tmp_path, enterprise_a, 1, 100, "second")
    recompute([2024])
    response = official_client.get(reverse("home"), {"year": 2024}, HTTP_ACCEPT_LANGUAGE="en")
    tile = next(t for _c, _l, tiles in response.context["areas"] for t in tiles if t.indicator.code == "C1")
    assert tile.value == 2 and tile.approved
    assert 'class="tile-approved"' in response.content.decode()


def test_approving_moves_the_values_generation_so_the_cached_api_answer_is_not_served(
    plan, head, official_client, django_capture_on_commit_callbacks
):
    recompute([2024])
    assert api_c1(official_client)["approved"] is False  # now in the cache
    with django_capture_on_commit_callbacks(execute=True):
        approve_year(plan, 2024, head)
    assert api_c1(official_client)["approved"] is True
    with django_capture_on_commit_callbacks(execute=True):
        unapprove_year(plan, 2024, head, "wrong population")
    assert api_c1(official_client)["approved"] is False


def test_a_deleted_record_shows_as_removed_without_a_link(plan, head, enterprise_a, tmp_path):
    import_patents(tmp_path, enterprise_a, 2, 0, "first")
    recompute([2024])
    approve_year(plan, 2024, head)
    gone = Patent.objects.first()
    gone_pk = gone.pk
    gone.delete()
    approved = ApprovedValue.objects.get(indicator__code="C1")
    found = drift(approved, approved.indicator, 2024)
    assert found.removed == [{"pk": gone_pk, "label": "", "url": ""}] and not found.added and not found.changed


def test_the_annual_report_of_an_approved_year_says_so(plan, head):
    recompute([2024])
    approve_year(plan, 2024, head)
    html = render_to_string("targets/report_pdf.html", {"report": report_content(plan, 2024), "number": str})
    assert 'class="meta approved"' in html and head.username in html
    recompute([2023])
    assert 'class="meta approved"' not in render_to_string(
        "targets/report_pdf.html", {"report": report_content(plan, 2023), "number": str}
    )


def test_enterprise_users_read_the_figures_but_not_the_offices_workings(
    plan, head, enterprise_a, enterprise_b, user_a, tmp_path
):
    # Another enterprise's records behind a drift, who approved and why it was withdrawn, and
    # what triggered a recomputation are the office's: the API gives them to officials and API
    # clients only, as the pages do (an enterprise user has no indicator page).
    from django.test import Client

    import_patents(tmp_path, enterprise_b, 3, 0, "first")
    recompute([2024])
    approve_year(plan, 2024, head)
    import_patents(tmp_path, enterprise_b, 2, 100, "second")
    recompute([2024])
    unapprove_year(plan, 2024, head, "B's late patents")
    approve_year(plan, 2024, head)
    import_patents(tmp_path, enterprise_b, 1, 200, "third")
    recompute([2024])
    official_client, enterprise_client = Client(), Client()
    official_client.force_login(head)
    enterprise_client.force_login(user_a)

    def read(client):
        listed = api_c1(client)
        detail = next(v for v in client.get("/api/v1/indicators/C1/").json()["values"] if v["year"] == 2024)
        history = client.get("/api/v1/indicators/C1/history/").json()
        return listed, detail, history

    listed, detail, history = read(official_client)
    assert listed["approved_by"] == head.username and detail["drift"]["added"]
    assert any(a["withdrawal_reason"] == "B's late patents" for a in history["approvals"])
    assert all(change["trigger"] for change in history["changes"])

    listed, detail, history = read(enterprise_client)
    assert listed["value"] == 5 and listed["approved"] is True  # the park's figure, as approved
    assert listed["approved_by"] is None and detail["approved_by"] is None and detail["drift"] is None
    text = json.dumps([listed, detail, history], ensure_ascii=False)
    assert "B's late patents" not in text
    assert {(a["approved_by"], a["withdrawn_by"]) for a in history["approvals"]} == {("", None)}
    assert "/enterprises/patents/" not in text and "import patents" not in text
    assert [a["year"] for a in history["approvals"]] == [2024, 2024]


@pytest.mark.parametrize(
    ("language", "marked", "note"),
    [
        ("zh-hans", "已批准", "批准数据：由 {who} 于 {when} 批准。"),
        ("en", "approved", "Approved figures: approved by {who} on {when}."),
    ],
)
def test_the_report_xlsx_marks_approved_values_and_says_who_approved_them(
    plan, head, enterprise_a, tmp_path, language, marked, note
):
    import_patents(tmp_path, enterprise_a, 3, 0, "first")
    recompute([2024, 2025])
    approval = approve_year(plan, 2024, head)
    with translation.override(language):
        approved = load_workbook(io.BytesIO(xlsx_bytes(report_content(plan, 2024)))).worksheets[0]
        live = load_workbook(io.BytesIO(xlsx_bytes(report_content(plan, 2025)))).worksheets[0]

    header = [cell.value for cell in approved[1]]
    column = header.index(marked)
    table = list(approved.iter_rows(min_row=2, values_only=True))
    rows = {row[0]: row for row in table[: table.index((None,) * len(header))]}
    assert rows["C1"][column] == marked and all(row[column] == marked for row in rows.values())
    when = timezone.localtime(approval.approved_at).strftime("%Y-%m-%d %H:%M")
    assert note.format(who=head, when=when) in {row[0] for row in approved.iter_rows(values_only=True)}

    live_rows = list(live.iter_rows(min_row=2, values_only=True))
    assert [cell.value for cell in live[1]][column] == marked
    assert all(row[column] is None for row in live_rows)
    assert not any(str(row[0]).startswith(note[:4]) for row in live_rows)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The reason can be at most 500 characters long (it has 501)."),
        ("zh-hans", "原因最多 500 个字符（现有 501 个）。"),
    ],
)
def test_a_withdrawal_reason_longer_than_500_characters_is_refused(plan, head, client, language, message):
    recompute([2024])
    approve_year(plan, 2024, head)
    client.force_login(head)
    url = reverse("targets:unapprove-year", args=[2024])
    response = client.post(url, {"reason": "x" * 501}, follow=True, HTTP_ACCEPT_LANGUAGE=language)
    assert message in response.content.decode()
    assert YearApproval.objects.active().exists()
    with pytest.raises(ApprovalRefused):
        unapprove_year(plan, 2024, head, "x" * 501)
    client.post(url, {"reason": "x" * 500})
    assert YearApproval.objects.get().withdrawal_reason == "x" * 500


def test_long_withdrawal_reasons_wrap_on_the_pages(plan, head, official_client):
    recompute([2024])
    approve_year(plan, 2024, head)
    unapprove_year(plan, 2024, head, "x" * 500)
    listing = official_client.get(reverse("targets:indicator-list"), {"year": 2024}).content.decode()
    assert 'class="help wrap-anywhere"' in listing
    indicator = YearApproval.objects.get().values.first().indicator
    detail = official_client.get(indicator.get_absolute_url()).content.decode()
    assert 'class="wrap-anywhere"' in detail


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("0.00278", "per_10k", "+0.0028"),
        ("-0.00278", "percent", "-0.0028 %"),
        ("1.5", "count", "+1.50"),
        ("-2", "count", "-2"),
        ("-12345.678", "per_million_cny", "-12,345.68"),
        ("1", "cny", "+0.00010 10k yuan"),
        ("0", "count", "0"),
        (None, "count", "—"),
    ],
)
def test_a_difference_is_shown_with_enough_decimals_to_be_non_zero(value, unit, shown):
    from django.utils import translation

    from ipportal.formatting import difference_value

    with translation.override("en"):
        assert difference_value(value, unit) == shown


def test_a_small_drift_is_not_shown_as_a_zero_difference(plan, head, official_client):
    recompute([2024])
    approve_year(plan, 2024, head)
    approved = ApprovedValue.objects.filter(value__isnull=False).exclude(indicator__unit="cny").first()
    computed = IndicatorValue.objects.get(indicator=approved.indicator, year=2024).value
    ApprovedValue.objects.filter(pk=approved.pk).update(value=computed - Decimal("0.00278"))
    for url, params in (
        (reverse("targets:indicator-list"), {"year": 2024}),
        (approved.indicator.get_absolute_url(), {}),
    ):
        page = official_client.get(url, params, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "+0.0028" in page, url
