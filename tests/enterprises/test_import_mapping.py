"""Any column layout, once (issue 14 §2): the mapping step of the upload page, saved layouts
applied by their header set on the page and the command line, the layouts' pages, the upload
page choosing the kind a file fits, and an export-style list imported with no options."""

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.importing import KINDS, run_import
from core.importing.headers import guess_mapping, header_fingerprint, save_layout
from core.models import ImportLayout
from enterprises.models import ImportRun, Patent
from targets.models import IndicatorValue, MemberUnit, YearlyFigure
from targets.recompute import recompute
from tests.factories import EnterpriseFactory, UserFactory

from .test_import_layouts import number, workbook

pytestmark = pytest.mark.django_db

PATENTS = KINDS["patents"]


NUMBERS = [number(f"20231012346{n}") for n in range(5)]


def export_rows(holder_header: str = "申请（专利权）人") -> list[list]:
    """A patent list as a search system exports it: title and 填报单位 lines above a header on
    row 3, synonym headers, holders by name with co-applicants and no credit codes, status
    words of the vocabulary, dates as text, as 8-digit numbers and as date cells."""
    return [
        ["2024年度荆门高新区企业专利统计表"],
        ["填报单位：荆门高新区知识产权局", None, None, None, "填报日期：2025年1月10日"],
        ["专利申请号", "发明名称", "申请日期", "授权日", holder_header, "当前法律状态", "备注"],
        [NUMBERS[0], "一种方法甲", "2023-01-05", 20240609, "荆门示例化工有限公司;武汉大学", "有权", ""],
        [NUMBERS[1], "一种方法乙", 20230105, "2024年6月9日", "武汉大学、荆门示例化工有限公司", "专利权维持", ""],
        [NUMBERS[2], "一种方法丙", dt.date(2023, 1, 5), "2024/6/9", "荆门示例化工有限公司", "未缴年费专利权终止", ""],
        [NUMBERS[3], "一种方法丁", "2023年1月5日", None, "荆门示例化工有限公司\n外地某公司", "实质审查", ""],
        [NUMBERS[4], "一种方法戊", "20230105", 20240609, "外地某公司", "授权", ""],
    ]


def own_rows(enterprise) -> list[list]:
    """The same patents in the portal's own format (import-formats.md), by credit code."""
    rows = [PATENTS.template_header()]
    for n, status, granted, holder, code in [
        (0, "有效", "2024-06-09", enterprise.name, enterprise.credit_code),
        (1, "有效", "2024-06-09", enterprise.name, enterprise.credit_code),
        (2, "失效", "2024-06-09", enterprise.name, enterprise.credit_code),
        (3, "审中", "", enterprise.name, enterprise.credit_code),
        (4, "有效", "2024-06-09", "外地某公司", ""),
    ]:
        rows.append([NUMBERS[n], "x", "发明", "2023-01-05", granted, holder, code, status])
    return rows


def indicator_values(year: int = 2024) -> dict:
    recompute([year])
    return dict(IndicatorValue.objects.filter(year=year).values_list("indicator__code", "value"))


@pytest.fixture
def enterprise(db):
    YearlyFigure.objects.create(year=2024, population=100000)
    return EnterpriseFactory(name="荆门示例化工有限公司")


def test_an_export_style_list_imports_on_the_command_line_with_no_options_as_the_own_format(tmp_path, enterprise):
    out = StringIO()
    call_command("import_records", "patents", str(workbook(tmp_path / "导出.xlsx", export_rows())), stdout=out)
    assert "3" in out.getvalue() and Patent.objects.count() == 5
    assert dict(Patent.objects.values_list("application_number", "legal_status")) == {
        NUMBERS[0]: "valid",
        NUMBERS[1]: "valid",
        NUMBERS[2]: "lapsed",
        NUMBERS[3]: "pending",
        NUMBERS[4]: "valid",
    }
    assert set(Patent.objects.values_list("application_date", flat=True)) == {dt.date(2023, 1, 5)}
    assert Patent.objects.filter(enterprise=enterprise).count() == 4  # co-applicants: the park holder's
    exported = indicator_values()
    assert exported["C1"] == 3  # granted in 2024 by the park enterprise, counted once each

    Patent.objects.all().delete()
    call_command("import_records", "patents", str(workbook(tmp_path / "own.xlsx", own_rows(enterprise))), stdout=out)
    assert indicator_values() == exported


def unrecognised_rows() -> list[list]:
    """The export with its holder column under a header no synonym knows (案卷权属单位)."""
    return export_rows(holder_header="案卷权属单位")


def test_a_file_whose_required_column_is_unknown_is_refused_on_the_command_line(tmp_path, enterprise):
    with pytest.raises(CommandError, match=r"缺少必填列：专利权人（权利人） 请在导入页面对应一次各列"):
        call_command("import_records", "patents", str(workbook(tmp_path / "p.xlsx", unrecognised_rows())))
    assert not Patent.objects.exists()


def saved(name: str = "检索系统导出") -> ImportLayout:
    header = unrecognised_rows()[2]
    mapping = guess_mapping(PATENTS, header) | {4: "holder_name"}
    return save_layout(PATENTS, header, mapping, name)


def test_the_command_line_detects_a_saved_layout_from_the_headers(tmp_path, enterprise):
    saved()
    out = StringIO()
    call_command("import_records", "patents", str(workbook(tmp_path / "p.xlsx", unrecognised_rows())), stdout=out)
    assert "检索系统导出" in out.getvalue()
    assert Patent.objects.filter(enterprise=enterprise).count() == 4


def test_the_command_line_takes_a_layout_by_name(tmp_path, enterprise):
    saved()
    rows = unrecognised_rows()
    rows[2] = [*rows[2][:6], "另一备注"]  # another header set: not detected, but the layout fits by name
    path = workbook(tmp_path / "p.xlsx", rows)
    with pytest.raises(CommandError):
        call_command("import_records", "patents", str(path))
    out = StringIO()
    call_command("import_records", "patents", str(path), "--layout", "检索系统导出", stdout=out)
    assert Patent.objects.filter(enterprise=enterprise).count() == 4


def test_the_command_line_refuses_an_unknown_layout_or_one_of_another_kind(tmp_path, enterprise):
    saved()
    path = workbook(tmp_path / "p.xlsx", unrecognised_rows())
    with pytest.raises(CommandError, match="没有名为“nope”的已保存列布局"):
        call_command("import_records", "patents", str(path), "--layout", "nope")
    with pytest.raises(CommandError, match="检索系统导出"):
        call_command("import_records", "trademarks", str(path), "--layout", "检索系统导出")
    assert not Patent.objects.exists()


def test_the_header_set_is_the_layouts_key_whatever_the_order_and_spacing():
    assert header_fingerprint(["申请号", "名称 ", "案卷权属单位"]) == header_fingerprint(
        ["案卷权属单位", "名称", "申请号"]
    )
    assert header_fingerprint(["申请号", "名称"]) != header_fingerprint(["申请号", "名称", "案卷权属单位"])


def test_the_mapping_step_guesses_by_synonyms_then_by_similarity():
    guesses = guess_mapping(PATENTS, ["专利申请号码", "发明名称", "申请日", "案卷权属单位", "法律状态"])
    assert guesses == {0: "application_number", 1: "title", 2: "application_date", 4: "legal_status"}


# The upload page


def upload(client, path: Path, kind: str = "patents"):
    file = SimpleUploadedFile(path.name, path.read_bytes())
    return client.post(reverse("enterprises:import-list"), {"kind": kind, "file": file})


@pytest.fixture
def mapping_run(official_client, tmp_path, enterprise, django_capture_on_commit_callbacks) -> ImportRun:
    """An uploaded export whose holder column is unknown, checked: waiting for its mapping."""
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, workbook(tmp_path / "p.xlsx", unrecognised_rows()))
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.MAPPING
    return run


def mapping_post(client, run, header: list[str], **changes) -> object:
    data = {f"column_{i}": key for i, key in guess_mapping(PATENTS, header).items()}
    data.update(name="检索系统导出", column_4="holder_name")
    data.update(changes)
    return client.post(reverse("enterprises:import-mapping", args=[run.pk]), data)


def test_an_upload_with_an_unknown_required_column_goes_to_the_mapping_step(
    official_client, tmp_path, enterprise, django_capture_on_commit_callbacks
):
    path = workbook(tmp_path / "导出.xlsx", unrecognised_rows())
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, path)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.MAPPING and run.header_row == 3
    holder = next(column for column in PATENTS.columns if column.key == "holder_name")
    assert run.mapping_request["missing"] == [PATENTS.field_name(holder)]
    response = official_client.get(run.get_absolute_url())  # the run's page sends the official to the step
    assert response.url == reverse("enterprises:import-mapping", args=[run.pk])

    page = official_client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "案卷权属单位" in page and "holder (专利权人) *" in page and "holder_name)" not in page
    assert '<option value="application_number" selected>' in page  # pre-filled with the guesses
    assert "荆门示例化工有限公司;武汉大学 · 武汉大学、荆门示例化工有限公司" in page  # the column's first values

    with django_capture_on_commit_callbacks(execute=True):
        response = mapping_post(official_client, run, unrecognised_rows()[2])
    run.refresh_from_db()
    assert response.url == run.get_absolute_url()
    assert run.status == ImportRun.Status.PREVIEWED and run.new == 5 and run.invalid == 0
    assert run.layout_name == "检索系统导出"
    layout = ImportLayout.objects.get()
    assert (layout.kind, layout.mapping["案卷权属单位"], layout.created_by.username) == (
        "patents",
        "holder_name",
        "official",
    )
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Columns read with the saved layout “检索系统导出”" in page


def test_a_second_upload_with_the_same_headers_uses_the_layout_without_asking(
    official_client, tmp_path, enterprise, django_capture_on_commit_callbacks
):
    saved()
    rows = unrecognised_rows()
    rows[2] = [rows[2][i] for i in (1, 0, 2, 3, 4, 5, 6)]  # same header set, other order
    rows[3:] = [[row[i] for i in (1, 0, 2, 3, 4, 5, 6)] for row in rows[3:]]
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, workbook(tmp_path / "二次.xlsx", rows))
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.PREVIEWED and run.layout_name == "检索系统导出" and run.new == 5
    page = official_client.get(run.get_absolute_url()).content.decode()
    assert "已按保存的列布局" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"column_4": ""}, "Choose a column for every required field"),
        ({"column_1": "application_number"}, "is chosen for several columns"),
    ],
)
def test_the_mapping_step_refuses_a_mapping_without_a_required_field_or_with_a_field_twice(
    official_client, mapping_run, changes, message
):
    run = mapping_run
    response = official_client.post(
        reverse("enterprises:import-mapping", args=[run.pk]),
        {
            **{f"column_{i}": key for i, key in guess_mapping(PATENTS, unrecognised_rows()[2]).items()},
            "name": "x",
            "column_4": "holder_name",
            **changes,
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400 and message in response.content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.MAPPING and not ImportLayout.objects.exists()


def test_the_mapping_step_refuses_the_name_of_another_layout(official_client, mapping_run):
    save_layout(PATENTS, ["a", "b"], {0: "application_number"}, "检索系统导出")
    response = mapping_post(official_client, mapping_run, unrecognised_rows()[2])
    assert response.status_code == 400 and "已有其他列布局使用此名称" in response.content.decode()


def test_a_file_with_too_few_columns_for_its_required_fields_is_refused_without_a_mapping_step(
    official_client, tmp_path, enterprise, django_capture_on_commit_callbacks
):
    rows = [row[:4] for row in export_rows()]  # no holder column, and no spare column to map
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, workbook(tmp_path / "p.xlsx", rows))
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.REFUSED_FILE and "专利权人" in run.message


def test_the_mapping_step_of_a_run_already_checked_goes_back_to_the_run(official_client, tmp_path, enterprise):
    run = ImportRun.objects.create(kind="patents", original_name="p.xlsx", status=ImportRun.Status.DONE)
    response = official_client.get(reverse("enterprises:import-mapping", args=[run.pk]))
    assert response.url == run.get_absolute_url()


def test_a_run_waiting_for_its_mapping_can_be_cancelled(official_client, mapping_run):
    run = mapping_run
    official_client.post(reverse("enterprises:import-cancel", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CANCELLED


def test_an_upload_with_the_wrong_kind_offers_the_form_again_with_the_detected_kind(
    official_client, tmp_path, enterprise, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, workbook(tmp_path / "p.xlsx", export_rows()), kind="trademarks")
    run = ImportRun.objects.get()
    assert (run.status, run.detected_kind) == (ImportRun.Status.REFUSED_FILE, "patents")
    page = official_client.get(run.get_absolute_url()).content.decode()
    assert "这看起来是“专利”清单，而不是“商标”清单" in page
    again = reverse("enterprises:import-list") + "?kind=patents"
    assert f'href="{again}">按“专利”重新上传</a>' in page
    assert '<option value="patents" selected>' in official_client.get(again).content.decode()
    assert not Patent.objects.exists()


# The layouts' pages


def test_an_official_lists_renames_and_deletes_layouts(official_client):
    layout = saved()
    page = official_client.get(reverse("enterprises:layout-list")).content.decode()
    assert "检索系统导出" in page and "案卷权属单位 → 专利权人" in page
    official_client.post(reverse("enterprises:layout-rename", args=[layout.pk]), {"name": "专利检索导出"})
    layout.refresh_from_db()
    assert layout.name == "专利检索导出"
    official_client.post(reverse("enterprises:layout-delete", args=[layout.pk]))
    assert not ImportLayout.objects.exists()


@pytest.mark.parametrize(
    ("language", "renamed", "deleted"),
    [
        ("zh-hans", "列布局已重命名为“专利检索导出”。", "列布局“专利检索导出”已删除。"),
        ("en", "The column layout is renamed “专利检索导出”.", "The column layout “专利检索导出” is deleted."),
    ],
)
def test_renaming_and_deleting_a_layout_say_so(official_client, language, renamed, deleted):
    layout = saved()
    rename = reverse("enterprises:layout-rename", args=[layout.pk])
    response = official_client.post(rename, {"name": "专利检索导出"}, follow=True, HTTP_ACCEPT_LANGUAGE=language)
    assert renamed in response.content.decode()
    delete = reverse("enterprises:layout-delete", args=[layout.pk])
    response = official_client.post(delete, follow=True, HTTP_ACCEPT_LANGUAGE=language)
    assert deleted in response.content.decode() and not ImportLayout.objects.exists()


@pytest.fixture
def unit_user(db):
    user = UserFactory(username="unit_officer")
    MemberUnit.objects.get(name="区财政局").members.create(user=user)
    return user


@pytest.mark.parametrize("who", ["user_a", "unit_user"])
def test_enterprise_and_unit_users_cannot_see_rename_or_delete_layouts(client, request, who):
    layout = saved()
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("enterprises:layout-list")).status_code == 403
    assert client.get(reverse("enterprises:layout-rename", args=[layout.pk])).status_code == 403
    assert client.post(reverse("enterprises:layout-rename", args=[layout.pk]), {"name": "x"}).status_code == 403
    assert client.post(reverse("enterprises:layout-delete", args=[layout.pk])).status_code == 403
    layout.refresh_from_db()
    assert layout.name == "检索系统导出"


@pytest.mark.parametrize("who", ["user_a", "unit_user"])
def test_enterprise_and_unit_users_cannot_map_columns(client, request, who, official, tmp_path, enterprise):
    run = ImportRun.objects.create(kind="patents", original_name="p.xlsx", status=ImportRun.Status.MAPPING)
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("enterprises:import-mapping", args=[run.pk])).status_code == 403
    assert client.post(reverse("enterprises:import-mapping", args=[run.pk]), {"name": "x"}).status_code == 403
    assert not ImportLayout.objects.exists()


# Columns without a header (a blank header cell: a spacer between named columns, or trailing
# blank header cells with data under them).


def unnamed_holder_rows() -> list[list]:
    """The export with its holder column under a blank header cell, and no other spare column."""
    return [row[:6] for row in export_rows(holder_header=None)]


def test_a_column_with_data_under_a_blank_header_goes_to_the_mapping_step_and_its_layout_is_used_again(
    official_client, tmp_path, enterprise, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, workbook(tmp_path / "p.xlsx", unnamed_holder_rows()))
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.MAPPING
    english = official_client.get(run.get_absolute_url(), follow=True, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "(column 5, no header)" in english
    chinese = official_client.get(run.get_absolute_url(), follow=True, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "（第5列，无表头）" in chinese

    header = run.mapping_request["header"]
    with django_capture_on_commit_callbacks(execute=True):
        mapping_post(official_client, run, header)  # column 5 (index 4) holds the holder
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED and run.new == 5 and run.invalid == 0
    layouts = official_client.get(reverse("enterprises:layout-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "(column 5, no header)" in layouts

    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, workbook(tmp_path / "again.xlsx", unnamed_holder_rows()))
    again = ImportRun.objects.latest("pk")
    assert again.status == ImportRun.Status.PREVIEWED and again.new == 5 and again.invalid == 0


def test_two_unnamed_columns_of_a_layout_keep_each_its_field(tmp_path, enterprise):
    rows = unnamed_holder_rows()
    rows[2][1] = None  # the title's header is blank too
    header = [str(cell or "") for cell in rows[2]]
    save_layout(PATENTS, header, guess_mapping(PATENTS, header) | {1: "title", 4: "holder_name"}, "两列无表头")
    out = StringIO()
    call_command("import_records", "patents", str(workbook(tmp_path / "p.xlsx", rows)), stdout=out)
    assert set(Patent.objects.values_list("title", flat=True)) == {row[1] for row in rows[3:]}
    assert Patent.objects.filter(enterprise=enterprise).count() == 4


def test_trailing_cells_wider_than_a_csv_header_go_to_the_mapping_step(
    official_client, tmp_path, enterprise, django_capture_on_commit_callbacks
):
    rows = unnamed_holder_rows()[2:]
    lines = [",".join(str(cell or "") for cell in row[:4]) for row in rows[:1]]  # the header stops at column 4
    lines += [",".join(str(cell or "").replace("\n", " ") for cell in row) for row in rows[1:]]
    path = tmp_path / "p.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, path)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.MAPPING, run.message
    assert run.mapping_request["header"] == ["专利申请号", "发明名称", "申请日期", "授权日", "", ""]


@pytest.mark.parametrize(("language", "note"), [("en", "(column 2, no header)"), ("zh-hans", "（第2列，无表头）")])
def test_a_spacer_column_without_a_header_is_ignored_with_a_note_when_every_required_field_is_found(
    official_client, tmp_path, enterprise, django_capture_on_commit_callbacks, language, note
):
    rows = export_rows()[2:]
    rows = [[row[0], None if i == 0 else "间隔", *row[1:]] for i, row in enumerate(rows)]
    with django_capture_on_commit_callbacks(execute=True):
        upload(official_client, workbook(tmp_path / "p.xlsx", rows))
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.PREVIEWED and run.new == 5 and run.invalid == 0
    page = official_client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert note in page


def test_an_empty_column_without_a_header_is_not_noted(tmp_path, enterprise):
    rows = [[*row, None, None] for row in export_rows()]  # trailing blank header cells, nothing under them
    rows[2][-1] = None
    result = run_import(PATENTS, workbook(tmp_path / "p.xlsx", rows), dry_run=True)
    assert not result.file_problem and result.ignored_columns == ["备注"]
