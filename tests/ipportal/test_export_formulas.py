"""Every spreadsheet the portal writes neutralises text a spreadsheet would run as a formula
(= + - @, tab, CR), in headers and series names as in rows, and in the admin's exports too."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.contrib import admin
from django.urls import reverse
from import_export.admin import ExportMixin

from core.importing import KINDS, run_import
from ipportal.exports import FORMULA_PREFIXES, FormulaSafeResource
from targets.models import Plan
from targets.reports import report_content, xlsx_bytes
from tests.factories import EnterpriseFactory, UserFactory, valid_credit_code
from tests.targets.records import pledge

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example","x")', "@SUM(A1:A9)", "+1+2", "-2+3", "\t=1", "\r=1"]


def live_formulas(cells) -> list:
    return [cell for cell in cells if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES)]


def xlsx_cells(content: bytes) -> list:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row]


@pytest.fixture
def lenders(enterprise_a):
    for name in FORMULAS:
        record = pledge(enterprise_a, dt.date(2025, 3, 1), 100)
        record.pledgee_name = name
        record.save()


def test_chart_data_xlsx_neutralises_lender_names(official_client, lenders):
    response = official_client.get(reverse("targets:chart-data", args=["pledges"]), {"year": "2025"})
    cells = xlsx_cells(response.content)
    assert live_formulas(cells) == []
    assert "'" + FORMULAS[0] in cells


def test_annual_report_xlsx_neutralises_series_names(lenders):
    plan = Plan.objects.current()
    cells = xlsx_cells(xlsx_bytes(report_content(plan, 2025)))
    assert live_formulas(cells) == []
    assert "'" + FORMULAS[0] in cells


def test_rejected_rows_file_neutralises_the_files_own_header(tmp_path):
    source = tmp_path / "list.csv"
    source.write_text(
        f"企业名称,统一社会信用代码,=cmd|'/c calc'!A0\n坏企业,91350100M000100Y44,x\n好,{valid_credit_code()},y\n",
        encoding="utf-8",
    )
    rejects = tmp_path / "rejects.csv"
    run_import(KINDS["enterprises"], source, skip_invalid=True, rejects_path=rejects)
    header = next(csv.reader(io.StringIO(rejects.read_text(encoding="utf-8-sig"))))
    assert live_formulas(header) == []


@pytest.mark.parametrize("file_format, position", [("csv", "0"), ("xlsx", "1")])
def test_admin_export_neutralises_every_formula_start(client, file_format, position):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    for name in FORMULAS:
        EnterpriseFactory(name=name, industry=name[:32])
    response = client.post(
        reverse("admin:enterprises_enterprise_export"),
        {
            "format": position,
            "resource": "0",
            "enterpriseresource_name": "on",
            "enterpriseresource_credit_code": "on",
            "enterpriseresource_industry": "on",
        },
    )
    assert response.status_code == 200
    if file_format == "csv":
        cells = [cell for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig"))) for cell in row]
    else:
        cells = xlsx_cells(response.content)
    assert live_formulas(cells) == []
    for name in FORMULAS:
        assert "'" + name in cells or "'" + name.replace("\r", "\n") in cells  # XML reads CR back as LF


def test_every_admin_export_uses_the_formula_safe_resource():
    exporting = [model_admin for model_admin in admin.site._registry.values() if isinstance(model_admin, ExportMixin)]
    assert exporting
    for model_admin in exporting:
        for resource in model_admin.get_export_resource_classes(None):
            assert issubclass(resource, FormulaSafeResource), resource
