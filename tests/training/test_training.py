"""Trainings and attendance sheets, the IP staff roster (M5) and the talent pool."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.test import APIClient

from targets.models import IndicatorValue
from targets.recompute import recompute
from training.models import Attendance, Person, Talent, Training

from ..factories import EnterpriseFactory

pytestmark = pytest.mark.django_db
D = dt.date
JUNE = D(2025, 6, 1)


def m5(year: int = 2025) -> IndicatorValue:
    recompute([year])
    return IndicatorValue.objects.get(indicator__code="M5", year=year)


def training(day: dt.date = JUNE, title: str = "专利挖掘与布局实务") -> Training:
    return Training.objects.get_or_create(date=day, title=title)[0]


def attend(person: Person, day: dt.date = JUNE) -> None:
    Attendance.objects.create(training=training(day), person=person)


@pytest.fixture
def high_tech():
    return EnterpriseFactory(name="高企甲", high_tech=True)


# --- M5 ---------------------------------------------------------------------------------------


def test_m5_share_of_key_enterprises_ip_staff_trained_in_the_year(high_tech):
    sme = EnterpriseFactory(tech_sme=True)
    plain = EnterpriseFactory()  # no flag: not covered by M5
    trained = Person.objects.create(enterprise=high_tech, name="张伟")
    untrained = Person.objects.create(enterprise=sme, name="李娜")
    not_ip = Person.objects.create(enterprise=high_tech, name="王磊", is_ip_staff=False)
    outsider = Person.objects.create(enterprise=plain, name="刘洋")
    attend(trained)
    attend(not_ip)
    attend(outsider)
    attend(untrained, D(2024, 12, 31))  # trained, but in the year before
    value = m5()
    assert (value.numerator, value.denominator, value.value) == (1, 2, Decimal(50))


@pytest.mark.parametrize("flag", ["high_tech", "specialised", "listing_reserve", "tech_sme"])
def test_m5_covers_each_key_enterprise_flag(flag):
    person = Person.objects.create(enterprise=EnterpriseFactory(**{flag: True}), name="陈静")
    attend(person)
    assert m5().value == 100


def test_m5_moves_as_attendance_is_recorded_and_removed(high_tech):
    person = Person.objects.create(enterprise=high_tech, name="张伟")
    assert m5().value == 0
    attend(person)
    assert m5().value == 100
    Attendance.objects.all().delete()
    assert m5().value == 0


def test_m5_without_ip_staff_is_null_with_a_reason():
    value = m5()
    assert value.value is None
    assert value.reason


@pytest.mark.django_db(transaction=True)
def test_adding_attendees_on_the_training_form_recomputes_m5(reference_data, official_client, high_tech):
    person = Person.objects.create(enterprise=high_tech, name="张伟")
    assert IndicatorValue.objects.get(indicator__code="M5", year=2025).value == 0
    response = official_client.post(
        reverse("training:training-create"),
        {"date": "2025-09-01", "title": "商标品牌培训", "format": "online", "attendees": [person.pk]},
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator__code="M5", year=2025).value == 100


# --- imports ----------------------------------------------------------------------------------


def test_attendance_sheet_creates_training_people_and_attendances(tmp_path, high_tech):
    other = EnterpriseFactory(specialised=True)
    path = tmp_path / "sheet.csv"
    path.write_text(
        "培训名称,培训日期,姓名,统一社会信用代码,知识产权工作人员,职务,主办单位,培训形式\n"
        f"专利导航实务,2025/5/20,张伟,{high_tech.credit_code},是,知识产权专员,高新区知识产权局,线下\n"
        f"专利导航实务,2025/5/20,李娜,{other.credit_code},否,研发经理,高新区知识产权局,线下\n"
        f"专利导航实务,2025年5月20日,王磊,{other.credit_code},Y,,高新区知识产权局,线下\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("import_records", "training_attendance", str(path), "--lang", "en", stdout=out)
    assert "3 new" in out.getvalue()
    course = Training.objects.get()
    assert (course.organiser, course.format, course.attendees.count()) == ("高新区知识产权局", "offline", 3)
    assert set(Person.objects.filter(is_ip_staff=True).values_list("name", flat=True)) == {"张伟", "王磊"}
    assert m5().value == 100
    call_command("import_records", "training_attendance", str(path), "--lang", "en", stdout=out)
    assert "3 unchanged" in out.getvalue()
    assert Attendance.objects.count() == 3


def test_attendance_sheet_marks_a_known_person_as_ip_staff(tmp_path, high_tech):
    Person.objects.create(enterprise=high_tech, name="张伟", is_ip_staff=False)
    path = tmp_path / "sheet.csv"
    path.write_text(
        f"培训名称,培训日期,姓名,统一社会信用代码,知识产权工作人员\n专利检索,2025-03-01,张伟,{high_tech.credit_code},是\n",
        encoding="utf-8",
    )
    call_command("import_records", "training_attendance", str(path), "--lang", "en", stdout=StringIO())
    assert Person.objects.get().is_ip_staff is True


def test_attendance_sheet_refuses_an_enterprise_outside_the_park(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(
        f"培训名称,培训日期,姓名,统一社会信用代码\n专利检索,2025-03-01,张伟,{EnterpriseFactory.build().credit_code}\n",
        encoding="utf-8",
    )
    out = StringIO()
    with pytest.raises(CommandError, match="1 invalid row"):
        call_command("import_records", "training_attendance", str(path), "--lang", "en", stdout=out, stderr=out)
    assert "no park enterprise has this credit code" in out.getvalue()
    assert Training.objects.count() == 0


def test_roster_import_is_idempotent_and_exports_in_its_format(tmp_path, high_tech, official_client):
    path = tmp_path / "roster.csv"
    path.write_text(
        f"姓名,统一社会信用代码,职务,联系电话\n张伟,{high_tech.credit_code},知识产权专员,0724-1234567\n"
        f"李娜,{high_tech.credit_code},法务,\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("import_records", "ip_staff", str(path), "--lang", "en", stdout=out)
    assert "2 new" in out.getvalue()
    assert Person.objects.filter(is_ip_staff=True).count() == 2
    call_command("import_records", "ip_staff", str(path), "--lang", "en", stdout=out)
    assert "2 unchanged" in out.getvalue()
    response = official_client.get(reverse("training:person-export") + "?format=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0] == "姓名,统一社会信用代码,企业名称,知识产权工作人员,职务,联系电话"
    assert f"张伟,{high_tech.credit_code},{high_tech.name},是,知识产权专员,0724-1234567" in text


def test_talent_import_requires_a_patent_attorneys_qualification(tmp_path):
    path = tmp_path / "talent.csv"
    path.write_text(
        "姓名,类别,工作单位,专业领域,资格证号\n赵敏,专利代理师,荆门某专利代理事务所,化工,\n"
        "孙强,专家库专家,武汉理工大学,材料,\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError):
        call_command("import_records", "talents", str(path), "--lang", "en", stdout=StringIO(), stderr=StringIO())
    path.write_text(
        "姓名,类别,工作单位,专业领域,资格证号\n赵敏,专利代理师,荆门某专利代理事务所,化工,4201234567.8\n"
        "孙强,专家库专家,武汉理工大学,材料,\n",
        encoding="utf-8",
    )
    call_command("import_records", "talents", str(path), "--lang", "en", stdout=StringIO())
    assert set(Talent.objects.values_list("category", flat=True)) == {"patent_attorney", "expert"}


# --- pages ------------------------------------------------------------------------------------


def test_untrained_page_lists_key_ip_staff_without_a_training_in_the_year(official_client, high_tech):
    trained = Person.objects.create(enterprise=high_tech, name="张伟")
    waiting = Person.objects.create(enterprise=high_tech, name="李娜")
    Person.objects.create(enterprise=EnterpriseFactory(), name="王磊")  # enterprise not covered by M5
    attend(trained)
    response = official_client.get(reverse("training:untrained"), {"year": 2025})
    assert list(response.context["object_list"]) == [waiting]
    assert (response.context["trained"], response.context["total"]) == (1, 2)
    earlier = official_client.get(reverse("training:untrained"), {"year": 2024}).context["object_list"]
    assert set(earlier) == {trained, waiting}


def test_official_adds_a_roster_entry_from_the_enterprise_page(official_client, high_tech):
    page = official_client.get(high_tech.get_absolute_url()).content.decode()
    assert f"{reverse('training:person-create')}?enterprise={high_tech.pk}" in page
    response = official_client.post(
        reverse("training:person-create"), {"enterprise": high_tech.pk, "name": " 张  伟 ", "is_ip_staff": "on"}
    )
    assert response.status_code == 302
    assert Person.objects.get().name == "张 伟"
    assert "张 伟" in official_client.get(high_tech.get_absolute_url()).content.decode()


def test_person_name_is_unique_within_an_enterprise(official_client, high_tech):
    Person.objects.create(enterprise=high_tech, name="张伟")
    response = official_client.post(reverse("training:person-create"), {"enterprise": high_tech.pk, "name": "张伟"})
    assert response.status_code == 200
    assert Person.objects.count() == 1


def test_training_page_lists_its_attendees(official_client, high_tech):
    person = Person.objects.create(enterprise=high_tech, name="张伟")
    attend(person)
    course = Training.objects.get()
    assert "张伟" in official_client.get(course.get_absolute_url()).content.decode()
    listing = official_client.get(reverse("training:training-list")).content.decode()
    assert course.title in listing


# --- access -----------------------------------------------------------------------------------

SLUGS = ["training", "person", "talent"]


@pytest.mark.parametrize("slug", SLUGS)
def test_officials_reach_the_training_pages(official_client, slug):
    assert official_client.get(reverse(f"training:{slug}-list")).status_code == 200
    assert official_client.get(reverse(f"training:{slug}-create")).status_code == 200
    assert official_client.get(reverse(f"training:{slug}-export")).status_code == 200


@pytest.mark.parametrize("slug", SLUGS)
def test_enterprise_user_is_refused_the_training_pages(client_a, enterprise_a, slug):
    person = Person.objects.create(enterprise=enterprise_a, name="张伟")
    assert client_a.get(reverse(f"training:{slug}-list")).status_code == 403
    assert client_a.get(reverse(f"training:{slug}-create")).status_code == 403
    assert client_a.get(reverse(f"training:{slug}-export")).status_code == 403
    assert client_a.get(person.get_absolute_url()).status_code == 403
    assert client_a.get(reverse("training:untrained")).status_code == 403


def test_enterprise_user_sees_no_roster_in_the_api(user_a, enterprise_a):
    person = Person.objects.create(enterprise=enterprise_a, name="张伟")
    api = APIClient()
    api.force_authenticate(user_a)
    assert api.get("/api/v1/ip-staff/").json()["count"] == 0
    assert api.get(f"/api/v1/ip-staff/{person.pk}/").status_code == 404


@pytest.mark.parametrize("prefix", ["trainings", "ip-staff", "talents"])
def test_api_client_reads_but_cannot_write(api_token, enterprise_a, prefix):
    attend(Person.objects.create(enterprise=enterprise_a, name="张伟"))
    Talent.objects.create(name="赵敏", category="expert")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    assert api.get(f"/api/v1/{prefix}/").json()["count"] == 1
    assert api.post(f"/api/v1/{prefix}/", {}).status_code in (403, 405)


def test_menu_lists_the_new_pages_among_the_records(official_client):
    from ipportal.navigation import OFFICIALS, registry

    groups = {code: [item.url_name for item in items] for code, _label, items in registry.for_audience(OFFICIALS)}
    for name in (
        "enterprises:certification-list",
        "enterprises:pilot-list",
        "enterprises:honour-list",
        "enterprises:qualifying",
        "training:training-list",
        "training:person-list",
        "training:untrained",
        "training:talent-list",
    ):
        assert name in groups["records"]
    page = official_client.get(reverse("home")).content.decode()
    assert reverse("enterprises:qualifying") in page and reverse("training:untrained") in page


def test_m5_denominator_is_the_larger_of_declared_staff_and_roster(high_tech):
    high_tech.ip_staff_count = 10  # declares ten IP staff, one of them on the roster
    high_tech.save()
    attend(Person.objects.create(enterprise=high_tech, name="张伟"))
    roster_larger = EnterpriseFactory(tech_sme=True, ip_staff_count=1)
    for name in ("李娜", "王磊"):
        Person.objects.create(enterprise=roster_larger, name=name)
    value = m5()
    assert (value.numerator, value.denominator) == (1, 12)


def test_m5_covers_little_giants():
    giant = EnterpriseFactory(little_giant=True, ip_staff_count=2)
    attend(Person.objects.create(enterprise=giant, name="陈静"))
    assert m5().value == 50


def test_m5_takes_the_titles_as_they_stood_in_the_year():
    expired = EnterpriseFactory(high_tech=True, high_tech_year=2019)  # certificate valid 2019–2021
    recognised_later = EnterpriseFactory(specialised=True, specialised_year=2026)
    for enterprise in (expired, recognised_later):
        attend(Person.objects.create(enterprise=enterprise, name="赵强"))
    assert m5().reason == "zero_denominator"
    assert m5(2021).denominator == 1


def test_an_attendance_sheet_refuses_a_training_title_or_organiser_too_long_for_the_training(tmp_path, high_tech):
    """The sheet's training title and organiser are stored on the training, not the attendance:
    their limits are checked too, as row errors, and nothing is stored."""
    path = tmp_path / "sheet.csv"
    path.write_text(
        "培训名称,培训日期,姓名,统一社会信用代码,主办单位\n"
        f"{'专' * 201},2025/5/20,张伟,{high_tech.credit_code},高新区知识产权局\n"
        f"专利导航实务,2025/5/20,李娜,{high_tech.credit_code},{'局' * 201}\n",
        encoding="utf-8",
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_records", "training_attendance", str(path), "--lang", "en", stdout=StringIO(), stderr=err)
    lines = err.getvalue().strip().splitlines()
    assert lines[0].startswith("row 2") and "培训名称" in lines[0] and "at most 200" in lines[0]
    assert lines[1].startswith("row 3") and "主办单位" in lines[1] and "at most 200" in lines[1]
    assert not Training.objects.exists() and not Attendance.objects.exists()
