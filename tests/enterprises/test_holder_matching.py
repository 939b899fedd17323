"""Holders matched by name (issue 14 §1): normalisation, former names, co-applicants, aliases
from the unmatched-holders worklist, ambiguous names never guessed."""

import datetime as dt

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from core.importing import KINDS, run_import
from enterprises.codes import patent_check_digit
from enterprises.matching import normalize_holder_name, split_holders, unmatched_holders
from enterprises.models import HolderAlias, Patent
from finance.models import Pledge
from targets.models import IndicatorValue, YearlyFigure
from targets.recompute import recompute
from tests.factories import EnterpriseFactory, UserFactory, valid_credit_code

pytestmark = pytest.mark.django_db

HEADER = ["申请号", "专利名称", "申请日", "授权公告日", "专利权人", "法律状态"]


def number(n: int) -> str:
    digits = f"20231012{n:04d}"
    return f"{digits}.{patent_check_digit(digits)}"


def patents(tmp_path, holders: list[str], name="p.xlsx"):
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for n, holder in enumerate(holders):
        book.active.append([number(n), f"方法{n}", "2023-01-05", "2024-06-09", holder, "有效"])
    book.save(tmp_path / name)
    return run_import(KINDS["patents"], tmp_path / name)


def c1(year: int = 2024):
    recompute([year])
    return IndicatorValue.objects.get(indicator__code="C1", year=year).value


@pytest.fixture(autouse=True)
def population(db):
    YearlyFigure.objects.create(year=2024, population=100000)


@pytest.mark.parametrize(
    ("listed", "registered"),
    [
        ("湖北示例（荆门）化工有限公司", "湖北示例(荆门)化工有限公司"),
        ("ＡＢＣ新材料有限公司", "abc新材料有限公司"),
        (" 荆门 示例 化工有限公司。", "荆门示例化工有限公司"),
        ("荆门示例化工有限公司\u200b", "荆门示例化工有限公司"),
        ("荆门示例【集团】有限公司", "荆门示例(集团)有限公司"),
    ],
)
def test_names_compare_as_users_expect(listed, registered):
    assert normalize_holder_name(listed) == normalize_holder_name(registered)


def test_a_holder_cell_splits_on_every_separator():
    assert split_holders("甲公司;乙大学；丙研究所、丁公司\n戊公司") == [
        "甲公司",
        "乙大学",
        "丙研究所",
        "丁公司",
        "戊公司",
    ]


def test_holders_without_codes_are_matched_by_name(tmp_path):
    chemicals = EnterpriseFactory(name="湖北示例(荆门)化工有限公司")
    result = patents(tmp_path, ["湖北示例（荆门）化工有限公司", "武汉某大学"])
    assert result.committed and result.extra == {"matched_by_name": 1, "not_in_park": 1}
    assert Patent.objects.get(holder_name__startswith="湖北示例").enterprise == chemicals
    assert c1() == 1


def test_co_applicants_belong_to_each_park_holder_and_count_once(tmp_path, client):
    first, second = EnterpriseFactory(name="甲化工有限公司"), EnterpriseFactory(name="乙材料有限公司")
    patents(tmp_path, ["武汉某大学；甲化工有限公司、乙材料有限公司"])
    record = Patent.objects.get()
    assert record.enterprise == first and set(record.co_holders.all()) == {first, second}
    assert c1() == 1
    user = UserFactory()
    second.memberships.create(user=user)
    assert list(Patent.objects.for_user(user)) == [record]
    client.force_login(user)
    assert client.get(record.get_absolute_url()).status_code == 200


def test_a_credit_code_wins_over_the_name(tmp_path):
    named, coded = EnterpriseFactory(name="甲化工有限公司"), EnterpriseFactory(name="乙材料有限公司")
    book = openpyxl.Workbook()
    book.active.append([*HEADER, "统一社会信用代码"])
    book.active.append([number(1), "x", "2023-01-05", "", "甲化工有限公司", "有效", coded.credit_code])
    book.save(tmp_path / "p.xlsx")
    result = run_import(KINDS["patents"], tmp_path / "p.xlsx")
    assert result.extra == {"matched_by_code": 1}
    assert Patent.objects.get().enterprise == coded != named


def test_former_names_are_imported_and_match_records_in_either_order(tmp_path):
    patents(tmp_path, ["荆门旧名化工厂"])
    assert Patent.objects.get().enterprise is None
    code = valid_credit_code()
    enterprises = tmp_path / "e.csv"
    enterprises.write_text(
        f"企业名称,统一社会信用代码,曾用名\n荆门新名化工有限公司,{code},荆门旧名化工厂；荆门更早名称厂\n",
        encoding="utf-8",
    )
    assert run_import(KINDS["enterprises"], enterprises).committed
    assert Patent.objects.get().enterprise.credit_code == code
    result = patents(tmp_path, ["荆门旧名化工厂", "荆门更早名称厂"], name="later.xlsx")
    assert result.extra == {"matched_by_former_name": 2}
    assert c1() == 2


def test_editing_former_names_links_the_records(tmp_path, official_client):
    patents(tmp_path, ["荆门旧名化工厂"])
    enterprise = EnterpriseFactory(name="荆门新名化工有限公司")
    data = {"name": enterprise.name, "former_names": "荆门旧名化工厂", "credit_code": enterprise.credit_code}
    response = official_client.post(reverse("enterprises:edit", args=[enterprise.pk]), data)
    assert response.status_code == 302
    assert Patent.objects.get().enterprise == enterprise


def test_an_ambiguous_name_is_never_guessed(tmp_path):
    EnterpriseFactory(name="荆门示例有限公司")
    EnterpriseFactory(name="荆门示例有限公司。")
    result = patents(tmp_path, ["荆门示例有限公司"])
    assert result.extra == {"not_in_park": 1} and Patent.objects.get().enterprise is None
    [holder] = unmatched_holders()
    assert holder.name == "荆门示例有限公司" and len(holder.ambiguous) == 2


def test_the_worklist_suggests_and_an_alias_links_now_and_later(tmp_path, official_client):
    enterprise = EnterpriseFactory(name="荆门示例化工有限公司")
    patents(tmp_path, ["荆门示例化工公司", "荆门示例化工公司", "武汉某大学"])
    with translation.override("en"):
        page = official_client.get(reverse("enterprises:unmatched-holders"), HTTP_ACCEPT_LANGUAGE="en")
    body = page.content.decode()
    assert "荆门示例化工公司" in body and "荆门示例化工有限公司 (" in body
    assert [(h.name, h.records) for h in page.context["page_obj"]] == [("荆门示例化工公司", 2), ("武汉某大学", 1)]

    response = official_client.post(
        reverse("enterprises:link-holder"), {"name": "荆门示例化工公司", "enterprise": enterprise.pk}
    )
    assert response.status_code == 302
    assert HolderAlias.objects.get().enterprise == enterprise
    assert Patent.objects.filter(enterprise=enterprise).count() == 2
    assert c1() == 2
    assert [h.name for h in unmatched_holders()] == ["武汉某大学"]

    Patent.objects.all().delete()
    result = patents(tmp_path, ["荆门示例化工公司"], name="again.xlsx")
    assert result.extra == {"matched_by_alias": 1}


def test_a_link_by_credit_code_and_a_refusal_without_an_enterprise(tmp_path, official_client):
    enterprise = EnterpriseFactory(name="荆门示例化工有限公司")
    patents(tmp_path, ["某化工厂"])
    url = reverse("enterprises:link-holder")
    official_client.post(url, {"name": "某化工厂", "credit_code": "91420800MA4F0A1B22"})
    assert not HolderAlias.objects.exists()
    official_client.post(url, {"name": "某化工厂", "credit_code": enterprise.credit_code.lower()})
    assert Patent.objects.get().enterprise == enterprise


def test_enterprise_users_cannot_use_the_worklist(client_a):
    assert client_a.get(reverse("enterprises:unmatched-holders")).status_code == 403
    assert client_a.post(reverse("enterprises:link-holder"), {"name": "x"}).status_code == 403


def test_pledgors_are_matched_by_name(tmp_path):
    enterprise = EnterpriseFactory(name="荆门示例化工有限公司")
    path = tmp_path / "pledges.csv"
    path.write_text(
        "质押登记号,出质人,质权人,质押标的类型,质押标的号,融资金额(万元),登记日\n"
        f"Y2024001,荆门示例化工有限公司。,某银行,专利,{number(1)},100,2024-03-01\n",
        encoding="utf-8",
    )
    result = run_import(KINDS["pledges"], path)
    assert result.committed and result.extra == {"matched_by_name": 1}
    assert Pledge.objects.get().enterprise == enterprise


def test_an_export_with_co_applicants_and_no_codes_gives_the_portal_format_figures(tmp_path):
    chemicals = EnterpriseFactory(name="荆门示例化工有限公司")
    materials = EnterpriseFactory(name="荆门示例新材料有限公司")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2024年专利统计表"])
    sheet.append(["填报单位：荆门高新区"])
    sheet.append(["申请号/专利号", "发明名称", "申请日期", "授权日", "申请（专利权）人", "法律状态/事件"])
    sheet.append([number(1), "甲", 20230105, "2024-06-09", "荆门示例化工有限公司；武汉某大学", "有权"])
    sheet.append([number(2), "乙", "2023/1/5", dt.date(2024, 6, 9), "武汉某大学\n荆门示例新材料有限公司", "专利权维持"])
    sheet.append(
        [number(3), "丙", dt.date(2023, 1, 5), 20240609, "荆门示例化工有限公司、荆门示例新材料有限公司", "授权"]
    )
    sheet.append([number(4), "丁", "2023-01-05", None, "武汉某大学", "实质审查"])
    book.save(tmp_path / "export.xlsx")
    result = run_import(KINDS["patents"], tmp_path / "export.xlsx")
    assert result.committed and result.header_row == 3
    recompute([2024])
    exported = dict(IndicatorValue.objects.filter(year=2024).values_list("indicator__code", "value"))

    Patent.objects.all().delete()
    own = tmp_path / "own.csv"
    rows = [
        (1, chemicals, "2024-06-09", "有效"),
        (2, materials, "2024-06-09", "有效"),
        (3, chemicals, "2024-06-09", "有效"),
        (4, None, "", "审中"),
    ]
    lines = ["申请号,专利名称,专利类型,申请日,授权公告日,专利权人,统一社会信用代码,法律状态"]
    for n, holder, granted, status in rows:
        code = holder.credit_code if holder else ""
        lines.append(
            f"{number(n)},x,发明,2023-01-05,{granted},{holder.name if holder else '武汉某大学'},{code},{status}"
        )
    own.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run_import(KINDS["patents"], own).committed
    recompute([2024])
    assert dict(IndicatorValue.objects.filter(year=2024).values_list("indicator__code", "value")) == exported
    assert exported["C1"] == 3
