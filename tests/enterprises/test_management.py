"""Certifications (M1), ISO 56005 pilots (M2), honours (M2–M4) and the close-to-qualifying list."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.test import APIClient

from enterprises.models import Certification, Honour, InnovationPilot
from targets.models import IndicatorValue
from targets.recompute import recompute

from ..factories import EnterpriseFactory

pytestmark = pytest.mark.django_db
D = dt.date


def stored(code: str, year: int = 2025) -> IndicatorValue:
    recompute([year])
    return IndicatorValue.objects.get(indicator__code=code, year=year)


def certify(
    enterprise, issued: dt.date, expires: dt.date, standard: str = "gbt_29490", number: str = ""
) -> Certification:
    return Certification.objects.create(
        enterprise=enterprise,
        standard=standard,
        certificate_number=number or f"C{Certification.objects.count() + 1:05d}",
        certification_body="中知(北京)认证有限公司",
        issue_date=issued,
        expiry_date=expires,
    )


# --- M1 ---------------------------------------------------------------------------------------


def test_m1_counts_enterprises_with_a_certificate_valid_on_31_december(enterprise_a, enterprise_b):
    certify(enterprise_a, D(2023, 5, 1), D(2026, 4, 30))
    certify(enterprise_a, D(2024, 5, 1), D(2027, 4, 30), standard="iso_56005")  # same enterprise: once
    certify(enterprise_b, D(2022, 12, 1), D(2025, 12, 31))  # expires on the day: still valid
    assert stored("M1").value == 2


def test_m1_certificate_expired_before_31_december_does_not_count(enterprise_a):
    certify(enterprise_a, D(2022, 12, 1), D(2025, 12, 30))
    assert stored("M1").value == 0
    assert stored("M1", 2024).value == 1


def test_m1_certificate_issued_after_the_year_does_not_count(enterprise_a):
    certify(enterprise_a, D(2026, 1, 1), D(2029, 1, 1))
    assert stored("M1").value == 0


def test_m1_moves_when_a_certification_is_added_and_deleted(enterprise_a):
    assert stored("M1").value == 0
    certification = certify(enterprise_a, D(2025, 3, 1), D(2028, 2, 28))
    assert stored("M1").value == 1
    certification.delete()
    assert stored("M1").value == 0


# --- M2 ---------------------------------------------------------------------------------------


def test_m2_share_of_national_ip_and_little_giant_enterprises_in_the_pilot():
    advantage, giant, flagged, provincial = EnterpriseFactory.create_batch(4)
    Honour.objects.create(enterprise=advantage, kind="national_advantage", year=2024)
    Honour.objects.create(enterprise=giant, kind="little_giant", year=2025)
    flagged.little_giant = True
    flagged.save()
    Honour.objects.create(enterprise=provincial, kind="provincial_demonstration", year=2024)  # not in M2
    InnovationPilot.objects.create(enterprise=advantage, start_date=D(2025, 3, 1))
    InnovationPilot.objects.create(enterprise=provincial, start_date=D(2025, 3, 1))
    value = stored("M2")
    assert (value.numerator, value.denominator) == (1, 3)
    assert round(value.value, 2) == Decimal("33.33")


def test_m2_counts_a_pilot_from_its_start_and_an_honour_from_its_year(enterprise_a):
    Honour.objects.create(enterprise=enterprise_a, kind="national_demonstration", year=2024)
    InnovationPilot.objects.create(enterprise=enterprise_a, start_date=D(2025, 6, 1))
    assert stored("M2").value == 100
    assert stored("M2", 2024).value == 0


def test_m2_without_such_enterprises_is_null_with_a_reason(enterprise_a):
    InnovationPilot.objects.create(enterprise=enterprise_a, start_date=D(2025, 6, 1))
    value = stored("M2")
    assert value.value is None
    assert value.reason


# --- M3, M4 -----------------------------------------------------------------------------------


def test_m3_counts_national_ip_enterprises_honoured_from_2023_each_once():
    a, b, c, d = EnterpriseFactory.create_batch(4)
    Honour.objects.create(enterprise=a, kind="national_advantage", year=2022)  # before the plan
    Honour.objects.create(enterprise=b, kind="national_advantage", year=2023)
    Honour.objects.create(enterprise=b, kind="national_demonstration", year=2025)  # same enterprise
    Honour.objects.create(enterprise=c, kind="national_demonstration", year=2024)
    Honour.objects.create(enterprise=d, kind="provincial_demonstration", year=2024)
    assert stored("M3", 2023).value == 1
    assert stored("M3", 2025).value == 2


def test_m3_counts_only_first_time_honours_in_the_period():
    again, lower_after_higher, promoted, first = EnterpriseFactory.create_batch(4)
    Honour.objects.create(enterprise=again, kind="national_advantage", year=2020)
    Honour.objects.create(enterprise=again, kind="national_advantage", year=2024)  # held it before: not new
    Honour.objects.create(enterprise=lower_after_higher, kind="national_demonstration", year=2021)
    Honour.objects.create(enterprise=lower_after_higher, kind="national_advantage", year=2024)  # held a higher one
    Honour.objects.create(enterprise=promoted, kind="national_advantage", year=2019)
    Honour.objects.create(enterprise=promoted, kind="national_demonstration", year=2024)  # a higher honour: new
    Honour.objects.create(enterprise=first, kind="national_advantage", year=2025)
    assert stored("M3", 2024).value == 1
    assert stored("M3", 2025).value == 2


def test_m4_counts_provincial_demonstration_enterprises_cumulatively(enterprise_a, enterprise_b):
    Honour.objects.create(enterprise=enterprise_a, kind="provincial_demonstration", year=2022)
    assert stored("M4", 2025).value == 0
    Honour.objects.create(enterprise=enterprise_b, kind="provincial_demonstration", year=2024)
    assert stored("M4", 2023).value == 0
    assert stored("M4", 2025).value == 1


# --- imports ----------------------------------------------------------------------------------


def test_certifications_import_matches_park_enterprises_and_is_idempotent(tmp_path, enterprise_a):
    path = tmp_path / "certs.csv"
    path.write_text(
        "统一社会信用代码,企业名称,认证标准,证书编号,认证机构,发证日期,有效期至\n"
        f"{enterprise_a.credit_code},{enterprise_a.name},GB/T 29490,165ip230001r0m,中知认证,2023/5/1,2026年4月30日\n"
        f"{enterprise_a.credit_code},{enterprise_a.name},ISO56005,ISO-2025-01,中知认证,2025-01-10,2028-01-09\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("import_records", "certifications", str(path), "--lang", "en", stdout=out)
    assert "2 new" in out.getvalue()
    assert Certification.objects.get(standard="gbt_29490").certificate_number == "165IP230001R0M"
    call_command("import_records", "certifications", str(path), "--lang", "en", stdout=out)
    assert "2 unchanged" in out.getvalue()


def test_certifications_import_refuses_unknown_enterprise_and_reversed_dates(tmp_path, enterprise_a):
    outsider = EnterpriseFactory.build().credit_code
    path = tmp_path / "certs.csv"
    path.write_text(
        "统一社会信用代码,认证标准,证书编号,认证机构,发证日期,有效期至\n"
        f"{outsider},GB/T 29490,A1,中知认证,2023-05-01,2026-04-30\n"
        f"{enterprise_a.credit_code},GB/T 29490,A2,中知认证,2023-05-01,2022-04-30\n",
        encoding="utf-8",
    )
    out = StringIO()
    with pytest.raises(CommandError, match="2 invalid rows"):
        call_command("import_records", "certifications", str(path), "--lang", "en", stdout=out, stderr=out)
    assert "no park enterprise has this credit code" in out.getvalue()
    assert "before the issue date" in out.getvalue()
    assert Certification.objects.count() == 0


def test_honours_import(tmp_path, enterprise_a, enterprise_b):
    path = tmp_path / "honours.csv"
    path.write_text(
        "统一社会信用代码,荣誉称号,认定年度,认定文件\n"
        f"{enterprise_a.credit_code},国家知识产权优势企业,2024年,国知办函〔2024〕1号\n"
        f"{enterprise_b.credit_code},省级知识产权示范建设企业,2025,\n",
        encoding="utf-8",
    )
    call_command("import_records", "honours", str(path), "--lang", "en", stdout=StringIO())
    assert set(Honour.objects.values_list("kind", "year")) == {
        ("national_advantage", 2024),
        ("provincial_demonstration", 2025),
    }
    assert stored("M4").value == 1


# --- pages ------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_official_adds_a_certification_and_m1_moves(reference_data, official_client, enterprise_a):
    response = official_client.post(
        reverse("enterprises:certification-create"),
        {
            "enterprise": enterprise_a.pk,
            "standard": "gbt_29490",
            "certificate_number": "GB-1",
            "certification_body": "中知认证",
            "issue_date": "2025-02-01",
            "expiry_date": "2028-01-31",
        },
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator__code="M1", year=2025).value == 1


def test_certification_form_refuses_expiry_before_issue(official_client, enterprise_a):
    response = official_client.post(
        reverse("enterprises:certification-create"),
        {
            "enterprise": enterprise_a.pk,
            "standard": "gbt_29490",
            "certificate_number": "GB-1",
            "certification_body": "中知认证",
            "issue_date": "2025-02-01",
            "expiry_date": "2024-01-31",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "The expiry date is before the issue date." in response.content.decode()
    assert Certification.objects.count() == 0


def test_create_form_is_prefilled_from_the_link(official_client, enterprise_a):
    response = official_client.get(reverse("enterprises:certification-create"), {"enterprise": enterprise_a.pk})
    assert response.context["form"].initial["enterprise"] == str(enterprise_a.pk)


def test_close_to_qualifying_lists_what_is_missing(official_client):
    uncertified = EnterpriseFactory(name="未贯标高企", high_tech=True)
    certified = EnterpriseFactory(name="已贯标高企", high_tech=True)
    certify(certified, D(2024, 1, 1), D(2099, 1, 1))
    giant = EnterpriseFactory(name="小巨人未试点", little_giant=True)
    piloting = EnterpriseFactory(name="优势已试点")
    Honour.objects.create(enterprise=piloting, kind="national_advantage", year=2023)
    InnovationPilot.objects.create(enterprise=piloting, start_date=D(2024, 1, 1))
    response = official_client.get(reverse("enterprises:qualifying"))
    assert list(response.context["uncertified"]) == [uncertified]
    assert list(response.context["without_pilot"]) == [giant]
    content = response.content.decode()
    assert f"{reverse('enterprises:certification-create')}?enterprise={uncertified.pk}" in content
    assert f"{reverse('enterprises:pilot-create')}?enterprise={giant.pk}" in content


def test_close_to_qualifying_lists_certificates_to_renew(official_client, enterprise_a, enterprise_b):
    from django.utils import timezone

    today = timezone.localdate()
    soon = certify(enterprise_a, today - dt.timedelta(days=1000), today + dt.timedelta(days=30))
    certify(enterprise_b, today - dt.timedelta(days=1000), today + dt.timedelta(days=30))
    certify(enterprise_b, today, today + dt.timedelta(days=1000))  # already renewed
    response = official_client.get(reverse("enterprises:qualifying"))
    assert list(response.context["expiring"]) == [soon]


def test_enterprise_page_shows_certifications_and_honours(official_client, enterprise_a):
    certify(enterprise_a, D(2024, 1, 1), D(2027, 1, 1), number="CERT-777")
    Honour.objects.create(enterprise=enterprise_a, kind="provincial_demonstration", year=2024)
    content = official_client.get(enterprise_a.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "CERT-777" in content
    assert "provincial IP demonstration enterprise" in content


# --- access -----------------------------------------------------------------------------------

SLUGS = ["certification", "pilot", "honour"]


@pytest.mark.parametrize("slug", SLUGS)
def test_officials_reach_the_management_pages(official_client, slug):
    assert official_client.get(reverse(f"enterprises:{slug}-list")).status_code == 200
    assert official_client.get(reverse(f"enterprises:{slug}-create")).status_code == 200
    assert official_client.get(reverse(f"enterprises:{slug}-export")).status_code == 200


@pytest.mark.parametrize("slug", SLUGS)
def test_enterprise_user_is_refused_the_management_pages(client_a, enterprise_a, slug):
    honour = Honour.objects.create(enterprise=enterprise_a, kind="little_giant", year=2024)
    assert client_a.get(reverse(f"enterprises:{slug}-list")).status_code == 403
    assert client_a.get(reverse(f"enterprises:{slug}-create")).status_code == 403
    assert client_a.get(reverse(f"enterprises:{slug}-export")).status_code == 403
    assert client_a.get(reverse("enterprises:honour-detail", args=[honour.pk])).status_code == 403
    assert client_a.get(reverse("enterprises:qualifying")).status_code == 403


def test_enterprise_user_sees_nothing_of_them_in_the_api(client_a, enterprise_a):
    honour = Honour.objects.create(enterprise=enterprise_a, kind="little_giant", year=2024)
    api = APIClient()
    api.force_authenticate(client_a.session and enterprise_a.memberships.get().user)
    assert api.get("/api/v1/honours/").json()["count"] == 0
    assert api.get(f"/api/v1/honours/{honour.pk}/").status_code == 404


@pytest.mark.parametrize("prefix", ["certifications", "innovation-pilots", "honours"])
def test_api_client_reads_but_cannot_write(api_token, enterprise_a, prefix):
    certify(enterprise_a, D(2024, 1, 1), D(2027, 1, 1))
    InnovationPilot.objects.create(enterprise=enterprise_a, start_date=D(2025, 1, 1))
    Honour.objects.create(enterprise=enterprise_a, kind="little_giant", year=2024)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    body = api.get(f"/api/v1/{prefix}/").json()
    assert body["count"] == 1 and body["results"][0]["enterprise_name"] == enterprise_a.name
    assert api.post(f"/api/v1/{prefix}/", {}).status_code in (403, 405)
