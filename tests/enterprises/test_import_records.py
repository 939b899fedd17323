"""Patents, trademarks, pledges and the simpler rights through import_records."""

import csv
import datetime as dt
from decimal import Decimal
from io import StringIO

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from enterprises.codes import normalize_patent_number, patent_check_digit
from enterprises.models import Copyright, Enterprise, GIProduct, Patent, Trademark
from finance.models import Pledge, PledgedItem

from ..factories import valid_credit_code

pytestmark = pytest.mark.django_db

PATENT_HEADER = [
    "申请号",
    "专利名称",
    "专利类型",
    "申请日",
    "授权公告日",
    "专利权人",
    "统一社会信用代码",
    "法律状态",
    "失效日",
    "PCT申请号",
    "PCT申请日",
    "战略性新兴产业",
    "海外同族",
]
TRADEMARK_HEADER = [
    "注册号",
    "商标名称",
    "国际分类",
    "申请日",
    "注册日",
    "专用期限截止日",
    "注册人",
    "统一社会信用代码",
    "商标状态",
    "地理标志",
]
PLEDGE_HEADER = [
    "质押登记号",
    "出质人",
    "统一社会信用代码",
    "质权人",
    "质押标的类型",
    "质押标的号",
    "融资金额(万元)",
    "登记日",
    "质押期限截止日",
]


def number(digits: str) -> str:
    return f"{digits}.{patent_check_digit(digits)}"


def write(path, header, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_records", *map(str, args), "--lang", "en", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(*args) -> list[str]:
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_records", *map(str, args), "--lang", "en", stdout=StringIO(), stderr=err)
    return err.getvalue().strip().splitlines()


def patent_row(digits="202310123456", **changes):
    row = dict(
        zip(
            PATENT_HEADER,
            [
                number(digits),
                "一种锂电池正极材料",
                "发明",
                "2023-03-05",
                "2024-06-01",
                "荆门甲化工有限公司",
                "",
                "有效",
                "",
                "",
                "",
                "是",
                "否",
            ],
            strict=True,
        )
    )
    row.update(changes)
    return [row[h] for h in PATENT_HEADER]


class TestPatentNumbers:
    def test_prefixes_full_width_and_missing_dot(self):
        canonical = number("202310123456")
        for raw in [
            f"CN{canonical}",
            f"ZL{canonical}",
            canonical.replace(".", ""),
            f" zl {canonical} ",
            "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else "．" for c in canonical),
        ]:
            assert normalize_patent_number(raw) == canonical

    def test_x_check_digit(self):
        digits = next(f"2021101{n:05d}" for n in range(10000) if patent_check_digit(f"2021101{n:05d}") == "X")
        assert normalize_patent_number(f"{digits}.x") == f"{digits}.X"
        with pytest.raises(ValidationError):
            normalize_patent_number(f"{digits}.0")

    def test_eight_digit_pre_2003_form(self):
        assert patent_check_digit("97100123") == "5"
        assert normalize_patent_number("CN97100123.5") == "97100123.5"
        with pytest.raises(ValidationError):
            normalize_patent_number("97100123.4")

    def test_wrong_check_digit_says_the_right_one(self):
        with translation.override("en"), pytest.raises(ValidationError, match="should end in 6"):
            normalize_patent_number("202310123456.7")


class TestPatentImport:
    def test_every_date_and_boolean_spelling(self, tmp_path):
        dates = ["2024-03-05", "2024/3/5", "2024.03.05", "2024年3月5日", "２０２４年３月５日"]
        yes = ["是", "Y", "yes", "true", "1"]
        rows = [
            patent_row(f"20231012345{i}", **{"申请日": "2023-01-01", "授权公告日": d, "战略性新兴产业": b})
            for i, (d, b) in enumerate(zip(dates, yes, strict=True))
        ]
        run("patents", write(tmp_path / "p.csv", PATENT_HEADER, rows))
        assert set(Patent.objects.values_list("grant_date", flat=True)) == {dt.date(2024, 3, 5)}
        assert Patent.objects.filter(strategic_emerging=True).count() == 5

    def test_holder_in_the_park_is_matched_and_others_counted(self, tmp_path, enterprise_a):
        rows = [
            patent_row("202310123456", **{"统一社会信用代码": enterprise_a.credit_code.lower()}),
            patent_row("202310123457", **{"专利权人": "武汉某大学", "统一社会信用代码": ""}),
        ]
        out, _ = run("patents", write(tmp_path / "p.csv", PATENT_HEADER, rows))
        assert "1 not in the park" in out
        assert Patent.objects.get(application_number=number("202310123456")).enterprise == enterprise_a
        assert Patent.objects.get(application_number=number("202310123457")).enterprise is None

    def test_records_become_park_records_when_their_enterprise_is_imported(self, tmp_path):
        code = valid_credit_code()
        run("patents", write(tmp_path / "p.csv", PATENT_HEADER, [patent_row(**{"统一社会信用代码": code})]))
        assert Patent.objects.get().enterprise is None
        enterprises = tmp_path / "e.csv"
        write(enterprises, ["企业名称", "统一社会信用代码"], [["荆门后到企业", code]])
        run("enterprises", enterprises)
        assert Patent.objects.get().enterprise == Enterprise.objects.get(credit_code=code)

    def test_type_is_derived_and_pct_entry_flagged(self, tmp_path):
        rows = [patent_row("202380123456", **{"专利类型": ""}), patent_row("202320123457", **{"专利类型": "实用新型"})]
        run("patents", write(tmp_path / "p.csv", PATENT_HEADER, rows))
        pct = Patent.objects.get(application_number=number("202380123456"))
        assert (pct.patent_type, pct.pct_entry) == ("invention", True)
        assert Patent.objects.get(application_number=number("202320123457")).patent_type == "utility_model"

    def test_each_kind_of_bad_value_is_refused_whole_with_row_numbers(self, tmp_path):
        rows = [
            patent_row("202310000001"),  # row 2: good
            patent_row("202310000002", **{"申请号": "12345"}),  # 3: not a number
            patent_row("202310000003", **{"申请号": "202310000003.0"}),  # 4: check digit
            patent_row("202310000004", **{"专利类型": "外观设计"}),  # 5: type disagrees
            patent_row("202310000005", **{"授权公告日": "2024-02-30"}),  # 6: no such date
            patent_row("202310000006", **{"战略性新兴产业": "maybe"}),  # 7: boolean
            patent_row("202310000007", **{"法律状态": "有效期内"}),  # 8: status
            patent_row("202310000008", **{"PCT申请号": "PCT/CN2023/000001"}),  # 9: PCT without date
            patent_row("202310000009", **{"统一社会信用代码": "91350100M000100Y44"}),  # 10: credit code
            patent_row("202310000010", **{"授权公告日": "2022-01-01"}),  # 11: granted before applied
            patent_row("202310000011", **{"专利名称": ""}),  # 12: required
        ]
        lines = refused("patents", write(tmp_path / "bad.csv", PATENT_HEADER, rows))
        assert [line.split(":")[0] for line in lines] == [f"row {n}" for n in range(3, 13)]
        assert "check digit" in lines[1]
        assert "disagrees with the number" in lines[2] and "invention" in lines[2]
        assert "PCT申请日" in lines[6] and "checksum" in lines[7]
        assert not Patent.objects.exists()

    def test_skip_invalid_stores_the_rest_with_a_rejects_file(self, tmp_path):
        rows = [patent_row("202310000001"), patent_row("202310000002", **{"申请号": "x"})]
        rejects = tmp_path / "rejects.csv"
        out, _ = run("patents", write(tmp_path / "p.csv", PATENT_HEADER, rows), "--skip-invalid", "--rejects", rejects)
        assert "1 new" in out and "1 skipped" in out
        assert Patent.objects.count() == 1
        assert "x" in rejects.read_text(encoding="utf-8-sig")

    def test_reimport_is_idempotent(self, tmp_path):
        path = write(tmp_path / "p.csv", PATENT_HEADER, [patent_row("202310000001"), patent_row("202310000002")])
        run("patents", path)
        out, _ = run("patents", path)
        assert "0 new, 0 updated, 2 unchanged" in out

    def test_xlsx_with_real_date_cells(self, tmp_path):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(PATENT_HEADER)
        row = patent_row("202310000001")
        row[3], row[4] = dt.date(2023, 3, 5), dt.datetime(2024, 6, 1)
        sheet.append(row)
        path = tmp_path / "p.xlsx"
        workbook.save(path)
        run("patents", path)
        patent = Patent.objects.get()
        assert (patent.application_date, patent.grant_date) == (dt.date(2023, 3, 5), dt.date(2024, 6, 1))

    def test_gb18030_csv(self, tmp_path):
        run("patents", write(tmp_path / "p.csv", PATENT_HEADER, [patent_row()], encoding="gb18030"))
        assert Patent.objects.get().title == "一种锂电池正极材料"


class TestTrademarkImport:
    def row(self, **changes):
        row = dict(
            zip(
                TRADEMARK_HEADER,
                ["12345678", "宏拓", "1", "2019-01-01", "2020-02-29", "", "荆门甲化工有限公司", "", "有效", "否"],
                strict=True,
            )
        )
        row.update(changes)
        return [row[h] for h in TRADEMARK_HEADER]

    def test_number_and_class_are_the_key_and_expiry_defaults(self, tmp_path):
        rows = [self.row(), self.row(**{"国际分类": "2", "注册日": "2021-05-10"})]
        out, _ = run("trademarks", write(tmp_path / "t.csv", TRADEMARK_HEADER, rows))
        assert "2 new" in out
        assert Trademark.objects.get(nice_class=1).expiry_date == dt.date(2030, 2, 28)
        assert Trademark.objects.get(nice_class=2).expiry_date == dt.date(2031, 5, 9)
        out, _ = run("trademarks", write(tmp_path / "t.csv", TRADEMARK_HEADER, rows))
        assert "2 unchanged" in out

    def test_bad_class_and_status_are_refused(self, tmp_path):
        rows = [self.row(**{"国际分类": "46"}), self.row(**{"商标状态": "过期"}), self.row(**{"注册号": "1234567890"})]
        lines = refused("trademarks", write(tmp_path / "t.csv", TRADEMARK_HEADER, rows))
        assert [line.split(":")[0] for line in lines] == ["row 2", "row 3", "row 4"]
        assert not Trademark.objects.exists()


class TestPledgeImport:
    def test_amount_in_wan_yuan_and_numbers_split(self, tmp_path, enterprise_a):
        rows = [
            [
                "Y2025000001",
                enterprise_a.name,
                enterprise_a.credit_code,
                "中国银行荆门分行",
                "专利",
                f"ZL{number('202310000001')}；{number('202310000002')}、{number('202310000001')}",
                "1,200.5",
                "2025-03-01",
                "2026-02-28",
            ]
        ]
        run("pledges", write(tmp_path / "p.csv", PLEDGE_HEADER, rows))
        pledge = Pledge.objects.get()
        assert pledge.amount == Decimal("12005000.00") and pledge.enterprise == enterprise_a
        assert list(pledge.items.values_list("number", flat=True)) == [number("202310000001"), number("202310000002")]

    @pytest.mark.parametrize("pledges_first", [True, False])
    def test_links_to_patents_in_either_import_order(self, tmp_path, pledges_first):
        pledges = write(
            tmp_path / "pl.csv",
            PLEDGE_HEADER,
            [["Y1", "甲", "", "银行", "专利", number("202310000001"), "100", "2025-01-01", ""]],
        )
        patents = write(tmp_path / "pa.csv", PATENT_HEADER, [patent_row("202310000001")])
        for kind, path in (("pledges", pledges), ("patents", patents))[:: 1 if pledges_first else -1]:
            run(kind, path)
        item = PledgedItem.objects.get()
        assert item.patent == Patent.objects.get()

    def test_bad_numbers_amount_and_type_are_refused(self, tmp_path):
        rows = [
            ["Y1", "甲", "", "银行", "专利", "202310000001.0", "100", "2025-01-01", ""],
            ["Y2", "甲", "", "银行", "专利", number("202310000001"), "-5", "2025-01-01", ""],
            ["Y3", "甲", "", "银行", "股权", "1", "5", "2025-01-01", ""],
            ["Y4", "甲", "", "银行", "商标", "12a", "5", "2025-01-01", ""],
        ]
        lines = refused("pledges", write(tmp_path / "p.csv", PLEDGE_HEADER, rows))
        assert [line.split(":")[0] for line in lines] == ["row 2", "row 3", "row 4", "row 5"]
        assert not Pledge.objects.exists()

    def test_changed_numbers_update_the_pledge(self, tmp_path):
        first = [["Y1", "甲", "", "银行", "商标", "123;456", "100", "2025-01-01", ""]]
        run("pledges", write(tmp_path / "p.csv", PLEDGE_HEADER, first))
        out, _ = run("pledges", write(tmp_path / "p.csv", PLEDGE_HEADER, [[*first[0][:5], "123", *first[0][6:]]]))
        assert "1 updated" in out
        assert list(PledgedItem.objects.values_list("number", flat=True)) == ["123"]


class TestSimpleRights:
    def test_copyrights_and_gi_products(self, tmp_path, enterprise_a):
        path = write(
            tmp_path / "c.csv",
            ["登记号", "作品名称", "类别", "登记日期", "著作权人", "统一社会信用代码"],
            [["2023SR0123456", "园区管理软件V1.0", "软件", "2023/5/6", enterprise_a.name, enterprise_a.credit_code]],
        )
        run("copyrights", path)
        assert Copyright.objects.get().enterprise == enterprise_a
        path = write(
            tmp_path / "g.csv",
            ["公告号", "产品名称", "保护范围", "批准日"],
            [["2024-17", "屈家岭葡萄", "屈家岭", "2024-08-01"]],
        )
        run("giproducts", path)
        assert GIProduct.objects.get().approval_date == dt.date(2024, 8, 1)
