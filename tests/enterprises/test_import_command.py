"""import_records for enterprises and yearly figures: the behaviour officials rely on."""

import csv
from decimal import Decimal
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from enterprises.models import Enterprise
from targets.models import YearlyFigure

from ..factories import valid_credit_code

pytestmark = pytest.mark.django_db

HEADER = ["企业名称", "统一社会信用代码", "所属产业", "高新技术企业", "专精特新企业", "知识产权工作人员数"]


def write_csv(path, rows, header=HEADER, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run(*args, lang="en"):
    out, err = StringIO(), StringIO()
    call_command("import_records", *map(str, args), "--lang", lang, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def codes():
    return [valid_credit_code() for _ in range(3)]


@pytest.fixture
def good_file(tmp_path, codes):
    return write_csv(
        tmp_path / "enterprises.csv",
        [
            ["荆门一号化工有限公司", codes[0], "绿色化工", "是", "否", "3"],
            ["荆门二号材料有限公司", codes[1].lower(), "新能源新材料", "Y", "N", ""],
            ["荆门三号装备有限公司", f" {codes[2]} ", "高端装备制造", "true", "1", "0"],
        ],
    )


def test_good_file_is_imported_with_counts(good_file, codes):
    out, _ = run("enterprises", good_file)
    assert "3 rows: 3 new, 0 updated, 0 unchanged, 0 skipped" in out
    first = Enterprise.objects.get(credit_code=codes[0])
    assert (first.industry, first.high_tech, first.specialised, first.ip_staff_count) == (
        "green_chemicals",
        True,
        False,
        3,
    )
    assert Enterprise.objects.get(credit_code=codes[1]).ip_staff_count is None


def test_reimporting_the_same_file_changes_nothing(good_file):
    run("enterprises", good_file)
    before = list(Enterprise.objects.values().order_by("pk"))
    out, _ = run("enterprises", good_file)
    assert "0 new, 0 updated, 3 unchanged" in out
    assert list(Enterprise.objects.values().order_by("pk")) == before


def test_changed_row_is_updated_by_credit_code(good_file, tmp_path, codes):
    run("enterprises", good_file)
    changed = write_csv(tmp_path / "changed.csv", [["荆门一号化工股份有限公司", codes[0], "绿色化工", "是", "是", "5"]])
    out, _ = run("enterprises", changed)
    assert "0 new, 1 updated" in out
    assert Enterprise.objects.get(credit_code=codes[0]).name == "荆门一号化工股份有限公司"


def test_bad_rows_are_listed_with_row_numbers_and_nothing_is_stored(tmp_path, codes):
    bad = write_csv(
        tmp_path / "bad.csv",
        [
            ["好企业", codes[0], "绿色化工", "是", "否", "1"],
            ["校验错误企业", codes[1][:-1] + ("0" if codes[1][-1] != "0" else "1"), "", "", "", ""],
            ["", codes[2], "", "", "", ""],
            ["布尔错误企业", valid_credit_code(), "", "maybe", "", "-1"],
            ["产业错误企业", valid_credit_code(), "钢铁", "", "", ""],
        ],
    )
    with pytest.raises(CommandError, match="4 invalid rows; nothing was stored"):
        run("enterprises", bad)
    assert not Enterprise.objects.exists()


def test_each_bad_row_is_one_line_naming_row_column_value_and_reason(tmp_path, codes):
    wrong = codes[1][:-1] + ("0" if codes[1][-1] != "0" else "1")
    bad = write_csv(
        tmp_path / "bad.csv",
        [["好企业", codes[0], "", "", "", ""], ["坏企业", wrong, "", "是", "", "x"]],
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_records", "enterprises", str(bad), "--lang", "en", stdout=StringIO(), stderr=err)
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("row 3:")
    assert f'统一社会信用代码 = "{wrong}"' in lines[0] and "checksum" in lines[0]
    assert '知识产权工作人员数 = "x"' in lines[0] and "not a number" in lines[0]


def test_messages_are_in_chinese_by_default(tmp_path):
    bad = write_csv(tmp_path / "bad.csv", [["坏企业", "91350100M000100Y44", "", "", "", ""]])
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_records", "enterprises", str(bad), stdout=StringIO(), stderr=err)
    assert "第 2 行" in err.getvalue() or "第2行" in err.getvalue()


def test_skip_invalid_stores_valid_rows_and_writes_rejects(tmp_path, codes):
    bad = write_csv(
        tmp_path / "mixed.csv",
        [["好企业", codes[0], "", "", "", ""], ["坏企业", "91350100M000100Y44", "", "", "", ""]],
    )
    rejects = tmp_path / "rejects.csv"
    out, _ = run("enterprises", bad, "--skip-invalid", "--rejects", rejects)
    assert "1 new" in out and "1 skipped" in out
    assert list(Enterprise.objects.values_list("credit_code", flat=True)) == [codes[0]]
    with open(rejects, encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["企业名称", "统一社会信用代码"]
    assert rows[1][1] == "91350100M000100Y44" and rows[1][-2] == "3"
    assert "checksum" in rows[1][-1]


def test_skip_invalid_writes_rejects_next_to_the_input_by_default(tmp_path, codes):
    bad = write_csv(tmp_path / "mixed.csv", [["坏企业", "123", "", "", "", ""]])
    run("enterprises", bad, "--skip-invalid")
    assert (tmp_path / "mixed.csv.rejects.csv").exists()


def test_rejects_file_reimports_after_correction(tmp_path, codes):
    bad = write_csv(tmp_path / "mixed.csv", [["坏企业", "91350100M000100Y44", "", "", "", ""]])
    rejects = tmp_path / "rejects.csv"
    run("enterprises", bad, "--skip-invalid", "--rejects", rejects)
    text = rejects.read_text(encoding="utf-8-sig").replace("91350100M000100Y44", "91350100M000100Y43")
    rejects.write_text(text, encoding="utf-8-sig")
    out, _ = run("enterprises", rejects)
    assert "1 new" in out
    assert "Ignored columns" in out


def test_dry_run_stores_nothing(good_file):
    out, _ = run("enterprises", good_file, "--dry-run")
    assert "3 new" in out and "Dry run" in out
    assert not Enterprise.objects.exists()


def test_gb18030_file_is_read(tmp_path, codes):
    path = write_csv(
        tmp_path / "gbk.csv", [["荆门国标编码企业", codes[0], "生物医药", "是", "否", "2"]], encoding="gb18030"
    )
    run("enterprises", path)
    assert Enterprise.objects.get().name == "荆门国标编码企业"


def test_utf8_with_bom_is_read(tmp_path, codes):
    path = write_csv(tmp_path / "bom.csv", [["荆门带签名企业", codes[0], "", "", "", ""]], encoding="utf-8-sig")
    run("enterprises", path)
    assert Enterprise.objects.get().name == "荆门带签名企业"


def test_english_aliases_in_any_order_with_extra_columns(tmp_path, codes):
    path = write_csv(
        tmp_path / "en.csv",
        [["x", "1", codes[0], "Green Chemicals", "NO", "Acme Ltd"]],
        header=["remark", "ip_staff", "credit_code", "industry", "high_tech", "name"],
    )
    out, _ = run("enterprises", path)
    assert "Ignored columns: remark" in out
    enterprise = Enterprise.objects.get()
    assert (enterprise.name, enterprise.industry, enterprise.ip_staff_count) == ("Acme Ltd", "green_chemicals", 1)


def test_missing_required_column_is_refused(tmp_path):
    path = write_csv(tmp_path / "nocode.csv", [["荆门企业"]], header=["企业名称"])
    with pytest.raises(
        CommandError, match="Required columns are missing: Unified Social Credit Code \\(统一社会信用代码\\)"
    ):
        run("enterprises", path)


def test_same_code_twice_in_a_file_is_refused(tmp_path, codes):
    path = write_csv(tmp_path / "twice.csv", [["甲", codes[0], "", "", "", ""], ["乙", codes[0], "", "", "", ""]])
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_records", "enterprises", str(path), "--lang", "en", stdout=StringIO(), stderr=err)
    assert "row 3" in err.getvalue() and "first in row 2" in err.getvalue()


def test_xlsx_file_is_read(tmp_path, codes):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["荆门表格企业", codes[0], "其他", True, "否", 4])
    path = tmp_path / "enterprises.xlsx"
    workbook.save(path)
    run("enterprises", path)
    enterprise = Enterprise.objects.get()
    assert (enterprise.name, enterprise.industry, enterprise.high_tech, enterprise.ip_staff_count) == (
        "荆门表格企业",
        "other",
        True,
        4,
    )


def test_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\xff\xfe\x00\x00" * 100)
    with pytest.raises(CommandError):
        run("enterprises", path)


class TestYearly:
    header = ["年份", "常住人口", "一般公共预算支出(万元)", "知识产权工作经费(万元)", "研发经费(万元)"]

    def test_amounts_in_ten_thousand_yuan_are_stored_in_yuan(self, tmp_path):
        path = write_csv(tmp_path / "yearly.csv", [["2024", "318200", "389000.5", "1,260", ""]], header=self.header)
        run("yearly", path)
        figure = YearlyFigure.objects.get(year=2024)
        assert figure.population == 318200
        assert figure.public_budget == Decimal("3890005000.00")
        assert figure.ip_funding == Decimal("12600000.00")
        assert figure.rd_expenditure is None

    def test_full_width_header_parentheses_and_digits(self, tmp_path):
        header = ["年份", "常住人口", "一般公共预算支出（万元）"]
        path = write_csv(tmp_path / "yearly.csv", [["２０２３", "３１５５００", "３７２０００"]], header=header)
        run("yearly", path)
        assert YearlyFigure.objects.get(year=2023).public_budget == Decimal("3720000000")

    def test_missing_population_is_refused(self, tmp_path):
        path = write_csv(tmp_path / "yearly.csv", [["2024", "", "1"]], header=self.header[:3])
        with pytest.raises(CommandError):
            run("yearly", path)
        assert not YearlyFigure.objects.exists()

    def test_xlsx_with_numeric_cells(self, tmp_path):
        workbook = openpyxl.Workbook()
        workbook.active.append(self.header)
        workbook.active.append([2025, 321000, 401000, 1400.25, 1215000])
        path = tmp_path / "yearly.xlsx"
        workbook.save(path)
        run("yearly", path)
        figure = YearlyFigure.objects.get(year=2025)
        assert figure.ip_funding == Decimal("14002500")
        assert figure.rd_expenditure == Decimal("12150000000")


def test_export_reimports_unchanged(official_client, good_file, tmp_path):
    run("enterprises", good_file)
    response = official_client.get("/enterprises/export.csv")
    exported = tmp_path / "exported.csv"
    exported.write_bytes(b"".join(response.streaming_content) if response.streaming else response.content)
    out, _ = run("enterprises", exported)
    assert "0 new, 0 updated, 3 unchanged" in out


def test_a_file_of_many_chunks_is_counted_exactly_and_refused_whole(tmp_path, monkeypatch):
    monkeypatch.setattr("core.importing.engine.CHUNK_SIZE", 2)
    codes = [valid_credit_code() for _ in range(7)]
    rows = [[f"企业{i}", code, "绿色化工", "是", "否", "1"] for i, code in enumerate(codes)]
    out, _ = run("enterprises", write_csv(tmp_path / "many.csv", rows))
    assert "7 rows: 7 new, 0 updated, 0 unchanged, 0 skipped" in out
    rows[4][0] = "改名"
    rows.append(["坏企业", "91420800MA0000000X", "绿色化工", "是", "否", "1"])
    with pytest.raises(CommandError):
        run("enterprises", write_csv(tmp_path / "bad.csv", rows))
    assert not Enterprise.objects.filter(name="改名").exists()
    rows.pop()
    out, _ = run("enterprises", write_csv(tmp_path / "again.csv", rows))
    assert "7 rows: 0 new, 1 updated, 6 unchanged, 0 skipped" in out


def test_a_file_with_a_header_and_no_rows_is_refused_as_nothing_to_import(tmp_path):
    path = write_csv(tmp_path / "empty.csv", [])
    with pytest.raises(CommandError, match="there is nothing to import"):
        run("enterprises", str(path))
