"""An official's acceptance of a credit code that fails its checksum: who, when, why; used by imports."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.importing import KINDS, run_import
from enterprises.codes import credit_code_check_char
from enterprises.models import Enterprise, Patent, accepted_credit_code
from tests.targets.records import patent_number

from ..factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

BODY = "91420804MA4999999"
GOOD = BODY + credit_code_check_char(BODY)
BAD = BODY + ("0" if credit_code_check_char(BODY) != "0" else "1")


def form_data(**changes):
    data = {"name": "荆门异码科技有限公司", "credit_code": BAD, "industry": "biomedicine"}
    data.update(changes)
    return data


@pytest.fixture
def overridden(official):
    from django.utils import timezone

    return EnterpriseFactory(
        name="荆门异码科技有限公司",
        credit_code=BAD,
        credit_code_override_reason="营业执照原件核对无误",
        credit_code_override_by=official,
        credit_code_override_at=timezone.now(),
    )


def test_failing_code_without_acceptance_is_refused_with_the_way_out(official_client):
    response = official_client.post(reverse("enterprises:create"), form_data(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "tick the box below" in response.content.decode()
    assert not Enterprise.objects.exists()


def test_acceptance_needs_a_reason(official_client):
    response = official_client.post(
        reverse("enterprises:create"), form_data(accept_failing_checksum="on"), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "Say why the code is accepted" in response.content.decode()
    assert not Enterprise.objects.exists()


def test_official_accepts_a_failing_code_and_who_when_why_are_recorded(official_client, official):
    response = official_client.post(
        reverse("enterprises:create"),
        form_data(accept_failing_checksum="on", override_reason="营业执照原件核对无误"),
    )
    assert response.status_code == 302
    enterprise = Enterprise.objects.get()
    assert enterprise.credit_code == BAD and enterprise.credit_code_overridden
    assert enterprise.credit_code_override_by == official
    assert enterprise.credit_code_override_reason == "营业执照原件核对无误"
    assert enterprise.credit_code_override_at is not None


def test_a_wrong_length_cannot_be_accepted(official_client):
    response = official_client.post(
        reverse("enterprises:create"),
        form_data(credit_code=BAD[:-1], accept_failing_checksum="on", override_reason="x"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200 and not Enterprise.objects.exists()


def test_correcting_the_code_clears_the_acceptance(official_client, overridden):
    response = official_client.post(reverse("enterprises:edit", args=[overridden.pk]), form_data(credit_code=GOOD))
    assert response.status_code == 302
    overridden.refresh_from_db()
    assert overridden.credit_code == GOOD and not overridden.credit_code_overridden


def test_editing_an_overridden_enterprise_keeps_the_acceptance(official_client, overridden, official):
    response = official_client.post(
        reverse("enterprises:edit", args=[overridden.pk]),
        form_data(name="新名称", accept_failing_checksum="on", override_reason="营业执照原件核对无误"),
    )
    assert response.status_code == 302
    overridden.refresh_from_db()
    assert overridden.name == "新名称" and overridden.credit_code_overridden


def test_the_model_refuses_a_failing_code_without_acceptance():
    with pytest.raises(ValidationError):
        Enterprise(name="x", credit_code=BAD).full_clean()


def test_badge_on_list_detail_and_record_pages(official_client, overridden):
    record = Patent.objects.create(
        application_number=patent_number(),
        patent_type="invention",
        title="一种方法",
        application_date="2020-01-01",
        legal_status="pending",
        holder_name=overridden.name,
        holder_credit_code=BAD,
        enterprise=overridden,
    )
    for url in (
        reverse("enterprises:list"),
        overridden.get_absolute_url(),
        record.get_absolute_url(),
        reverse("enterprises:patent-list"),
    ):
        text = official_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "credit code accepted despite its checksum" in text, url
    assert "营业执照原件核对无误" in official_client.get(overridden.get_absolute_url()).content.decode()


def test_accepted_code_helper(overridden):
    assert accepted_credit_code(BAD.lower()) == BAD
    other = "91420804MA4888888"
    wrong = other + ("0" if credit_code_check_char(other) != "0" else "1")
    with pytest.raises(ValidationError):
        accepted_credit_code(wrong)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_enterprise_import_accepts_an_overridden_code_and_refuses_others(tmp_path, overridden):
    other = "91420804MA4888888"
    wrong = other + ("0" if credit_code_check_char(other) != "0" else "1")
    path = write(tmp_path, "e.csv", f"企业名称,统一社会信用代码\n改名公司,{BAD}\n别的公司,{wrong}\n")
    result = run_import(KINDS["enterprises"], path)
    assert len(result.errors) == 1 and result.errors[0].row == 3
    result = run_import(KINDS["enterprises"], write(tmp_path, "f.csv", f"企业名称,统一社会信用代码\n改名公司,{BAD}\n"))
    assert not result.errors
    overridden.refresh_from_db()
    assert overridden.name == "改名公司"


def test_patent_import_matches_the_holder_by_an_overridden_code(tmp_path, overridden):
    number = patent_number()
    text = f"申请号,专利名称,申请日,专利权人,统一社会信用代码,法律状态\n{number},一种方法,2020-01-01,{overridden.name},{BAD},审中\n"
    result = run_import(KINDS["patents"], write(tmp_path, "p.csv", text))
    assert not result.errors
    assert Patent.objects.get(application_number=number).enterprise == overridden
