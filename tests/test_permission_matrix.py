"""Every URL and API endpoint × every role: the status each role must get, and that enterprise B
never sees enterprise A's objects.

The URL list comes from the resolver, so a new page or endpoint fails test_every_url_is_classified
until it is given a row here. Record kinds (core.records.KINDS) are classified from their
own description: officials-only kinds, and kinds owned by an enterprise or park-wide.
"""

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.records import KINDS
from targets.approval import approve_year
from targets.models import Plan, YearApproval
from targets.recompute import recompute
from tests.factories import EnterpriseFactory, UserFactory

ROLES = ("anonymous", "ent_a", "ent_b", "unit", "api", "official")
LOGIN = "login"  # a redirect to the login page
PDF = b"%PDF-1.4 matrix"


def expect(anonymous, ent_a, ent_b, unit, api, official) -> dict[str, object]:
    return dict(zip(ROLES, (anonymous, ent_a, ent_b, unit, api, official), strict=True))


OFFICIALS = expect(LOGIN, 403, 403, 403, 403, 200)
PORTAL = expect(LOGIN, 200, 200, 403, 403, 200)  # lists and park-wide pages: each enterprise sees its own
A_OBJECT = expect(LOGIN, 200, 404, 403, 403, 200)  # one of enterprise A's objects
SUPERVISION = expect(LOGIN, 403, 403, 200, 403, 200)
ENTERPRISE_ONLY = expect(LOGIN, 200, 200, 403, 403, 403)
SIGNED_IN = expect(LOGIN, 200, 200, 200, 200, 200)
PUBLIC = expect(200, 200, 200, 200, 200, 200)
OFFICIALS_POST_ONLY = expect(LOGIN, 403, 403, 403, 403, 405)
# Officials with targets.approve_figures only (their GET is redirected to the year's indicator list).
APPROVERS = expect(LOGIN, 403, 403, 403, 403, 403)

# The API: anonymous 401; member units have no API; API clients and officials read everything.
API_LIST = expect(401, 200, 200, 403, 200, 200)
API_A_OBJECT = expect(401, 200, 404, 403, 200, 200)
API_PARK_OBJECT = expect(401, 200, 200, 403, 200, 200)
API_OFFICIALS_OBJECT = expect(401, 404, 404, 403, 200, 200)  # kinds enterprise users have no pages for
API_PUBLIC = expect(200, 200, 200, 200, 200, 200)


def _submission_kwargs(o):
    return {"kind": "plan", "pk": o["workplan"].pk}


# url name -> (expected per role, kwargs from the objects); None means no arguments.
PAGES: dict[str, tuple[dict, object]] = {
    "home": (expect(LOGIN, 302, 302, 302, LOGIN, 200), None),
    "healthz": (PUBLIC, None),
    "favicon": (PUBLIC, None),
    "audit-log": (OFFICIALS, None),
    "record-search": (PORTAL, None),
    "login": (PUBLIC, None),
    "logout": (expect(405, 405, 405, 405, 405, 405), None),
    "password_change": (SIGNED_IN, None),
    "password_change_done": (SIGNED_IN, None),
    "password_reset": (PUBLIC, None),
    "password_reset_done": (PUBLIC, None),
    "password_reset_confirm": (PUBLIC, lambda o: {"uidb64": "MQ", "token": "bad-token"}),
    "password_reset_complete": (PUBLIC, None),
    "login-unlock": (PUBLIC, lambda o: {"token": "bad-token"}),
    "set_language": (expect(302, 302, 302, 302, 302, 302), None),
    "enterprises:list": (OFFICIALS, None),
    "enterprises:create": (OFFICIALS, None),
    "enterprises:export": (OFFICIALS, None),
    "enterprises:mine": (expect(LOGIN, 302, 302, 403, 403, 403), None),
    "enterprises:qualifying": (OFFICIALS, None),
    "enterprises:detail": (A_OBJECT, lambda o: {"pk": o["enterprise"].pk}),
    "enterprises:edit": (A_OBJECT, lambda o: {"pk": o["enterprise"].pk}),
    "enterprises:import-list": (OFFICIALS, None),
    "enterprises:import-detail": (OFFICIALS, lambda o: {"pk": o["importrun"].pk}),
    "enterprises:import-progress": (OFFICIALS, lambda o: {"pk": o["importrun"].pk}),
    "enterprises:import-confirm": (OFFICIALS_POST_ONLY, lambda o: {"pk": o["importrun"].pk}),
    "enterprises:import-cancel": (OFFICIALS_POST_ONLY, lambda o: {"pk": o["importrun"].pk}),
    "enterprises:import-retry": (OFFICIALS_POST_ONLY, lambda o: {"pk": o["importrun"].pk}),
    "enterprises:import-rejects": (OFFICIALS, lambda o: {"pk": o["importrun"].pk}),
    "enterprises:import-template": (OFFICIALS, lambda o: {"kind": "patents"}),
    # The run of the matrix is done: its mapping step sends the official back to it.
    "enterprises:import-mapping": (expect(LOGIN, 403, 403, 403, 403, 302), lambda o: {"pk": o["importrun"].pk}),
    "enterprises:layout-list": (OFFICIALS, None),
    "enterprises:layout-rename": (OFFICIALS, lambda o: {"pk": o["layout"].pk}),
    "enterprises:layout-delete": (OFFICIALS, lambda o: {"pk": o["layout"].pk}),
    "enterprises:home": (ENTERPRISE_ONLY, None),
    "enterprises:filing-list": (PORTAL, None),
    "enterprises:filing-create": (ENTERPRISE_ONLY, None),
    "enterprises:filing-detail": (A_OBJECT, lambda o: {"pk": o["filing"].pk}),
    "enterprises:filing-edit": (expect(LOGIN, 200, 404, 403, 403, 403), lambda o: {"pk": o["filing"].pk}),
    "enterprises:filing-review": (expect(LOGIN, 405, 405, 403, 403, 405), lambda o: {"pk": o["filing"].pk}),
    "enterprises:attachment": (expect(LOGIN, 200, 404, 404, LOGIN, 200), lambda o: {"pk": o["attachment"].pk}),
    "enterprises:notifications": (SIGNED_IN, None),
    "enforcement:complaint-public": (PUBLIC, None),
    "enforcement:assistance-request": (ENTERPRISE_ONLY, None),
    "enforcement:assistance-evidence": (
        expect(LOGIN, 200, 404, 404, 404, 200),
        lambda o: {"pk": o["assistance"].pk},
    ),
    "enforcement:survey-response-create": (OFFICIALS, lambda o: {"pk": o["survey"].pk}),
    "finance:item-list": (PORTAL, None),
    "finance:item-create": (OFFICIALS, None),
    "finance:item-detail": (PORTAL, lambda o: {"pk": o["item"].pk}),
    "finance:item-edit": (OFFICIALS, lambda o: {"pk": o["item"].pk}),
    "finance:claim-create": (ENTERPRISE_ONLY, lambda o: {"item_pk": o["item"].pk}),
    "finance:claim-list": (PORTAL, None),
    "finance:claim-export": (OFFICIALS, None),
    "finance:claim-detail": (A_OBJECT, lambda o: {"pk": o["claim"].pk}),
    "finance:claim-edit": (expect(LOGIN, 200, 404, 403, 403, 403), lambda o: {"pk": o["claim"].pk}),
    "finance:claim-action": (expect(LOGIN, 405, 405, 403, 403, 405), lambda o: {"pk": o["claim"].pk}),
    "targets:indicator-list": (OFFICIALS, None),
    "targets:indicator-create": (OFFICIALS, None),
    "targets:indicator-detail": (OFFICIALS, lambda o: {"code": "C1"}),
    "targets:indicator-edit": (OFFICIALS, lambda o: {"code": "C1"}),
    "targets:recompute": (OFFICIALS_POST_ONLY, None),
    "targets:reported-attachment": (OFFICIALS, lambda o: {"pk": o["reported"].pk}),
    "targets:task-list": (SUPERVISION, None),
    "targets:task-overdue": (OFFICIALS, None),
    "targets:task-detail": (SUPERVISION, lambda o: {"number": o["workplan"].task.number}),
    "targets:task-submit": (
        expect(LOGIN, 403, 403, 405, 403, 405),
        lambda o: {"number": o["workplan"].task.number, "kind": "plan"},
    ),
    "targets:submission-attachment": (SUPERVISION, _submission_kwargs),
    "targets:submission-detail": (SUPERVISION, _submission_kwargs),
    "targets:submission-review": (OFFICIALS_POST_ONLY, _submission_kwargs),
    "targets:deadline-list": (OFFICIALS, None),
    "targets:deadline-edit": (OFFICIALS, lambda o: {"pk": o["deadline"].pk}),
    "targets:meeting-list": (OFFICIALS, None),
    "targets:meeting-detail": (OFFICIALS, lambda o: {"pk": o["meeting"].pk}),
    "targets:follow-up-done": (expect(LOGIN, 403, 403, 405, 403, 405), lambda o: {"pk": o["follow_up"].pk}),
    "targets:assessment": (OFFICIALS, None),
    "targets:assessment-export": (OFFICIALS, None),
    "targets:indicator-mute": (OFFICIALS_POST_ONLY, lambda o: {"code": "C1"}),
    "targets:warning-detail": (OFFICIALS, lambda o: {"pk": o["warning"].pk}),
    "targets:yearly-list": (OFFICIALS, None),
    "targets:yearly-create": (OFFICIALS, None),
    "targets:yearly-edit": (OFFICIALS, lambda o: {"year": o["yearly"].year}),
    "training:untrained": (OFFICIALS, None),
    "enterprises:lapse-risk": (PORTAL, None),
    "enterprises:reconciliation": (OFFICIALS, None),
    "enterprises:mark-reconciled": (OFFICIALS_POST_ONLY, lambda o: {"source": "patent", "pk": o["patent"].pk}),
    "enterprises:unmatched-holders": (OFFICIALS, None),
    "enterprises:link-holder": (OFFICIALS_POST_ONLY, None),
    "targets:forecast": (OFFICIALS, None),
    "targets:charts": (OFFICIALS, None),
    "targets:chart-data": (OFFICIALS, lambda o: {"slug": "patents"}),
    "targets:report-list": (OFFICIALS, None),
    "targets:report-detail": (OFFICIALS, lambda o: {"pk": o["report"].pk}),
    "targets:report-file": (OFFICIALS, lambda o: {"pk": o["report"].pk, "fmt": "pdf"}),
    "targets:dossier-list": (OFFICIALS, None),
    "targets:dossier-detail": (OFFICIALS, lambda o: {"pk": o["dossier"].pk}),
    "targets:dossier-file": (OFFICIALS, lambda o: {"pk": o["dossier"].pk, "fmt": "docx"}),
    "targets:dossier-narratives": (OFFICIALS, lambda o: {"period": "2025"}),
    # Approving needs the approve figures permission besides being an official (see
    # test_approving_a_year_needs_the_permission): the matrix's official has none.
    "targets:approve-year": (APPROVERS, lambda o: {"year": 2024}),
    "targets:unapprove-year": (APPROVERS, lambda o: {"year": 2024}),
    "targets:official-statistic": (OFFICIALS_POST_ONLY, lambda o: {"code": "C1"}),
    "targets:official-attachment": (OFFICIALS, lambda o: {"pk": o["official_statistic"].pk}),
}

# API endpoints that are not one record kind's list or detail.
API = {
    "api-root": (API_LIST, None),
    "api-schema": (API_PUBLIC, None),
    "api-docs": (API_PUBLIC, None),
    "enterprise-list": (API_LIST, None),
    "enterprise-detail": (API_A_OBJECT, lambda o: {"pk": o["enterprise"].pk}),
    "filing-list": (API_LIST, None),
    "filing-detail": (API_A_OBJECT, lambda o: {"pk": o["filing"].pk}),
    "filing-review": (expect(401, 405, 405, 403, 405, 405), lambda o: {"pk": o["filing"].pk}),
    "support-item-list": (API_LIST, None),
    "support-item-detail": (API_PARK_OBJECT, lambda o: {"pk": o["item"].pk}),
    "claim-list": (API_LIST, None),
    "claim-detail": (API_A_OBJECT, lambda o: {"pk": o["claim"].pk}),
    "claim-transition": (expect(401, 405, 405, 403, 405, 405), lambda o: {"pk": o["claim"].pk}),
    "indicator-list": (API_LIST, None),
    "indicator-detail": (API_LIST, lambda o: {"code": "C1"}),
    "indicator-forecast": (API_LIST, None),
    "indicator-history": (API_LIST, lambda o: {"code": "C1"}),
    "lapse-risk-list": (API_LIST, None),
}


def owned_by_enterprise(model) -> bool:
    return any(f.name == "enterprise" for f in model._meta.concrete_fields)


def routed_kinds() -> set[str]:
    from ipportal.urls import API_ROUTERS

    return {basename for _app, router in API_ROUTERS for _prefix, _viewset, basename in router.registry}


API_KINDS = routed_kinds()


def record_kind_rules() -> tuple[dict, dict]:
    pages, api = {}, {}
    for slug, kind in KINDS.items():
        owned = owned_by_enterprise(kind.model)
        one = (lambda s: lambda o: {"pk": o[s].pk})(slug)
        listing = PORTAL if kind.enterprise_visible else OFFICIALS
        detail = (A_OBJECT if owned else PORTAL) if kind.enterprise_visible else OFFICIALS
        ns = kind.namespace
        pages[f"{ns}:{slug}-list"] = (listing, None)
        pages[f"{ns}:{slug}-export"] = (listing, None)
        pages[f"{ns}:{slug}-detail"] = (detail, one)
        pages[f"{ns}:{slug}-create"] = (OFFICIALS, None)
        pages[f"{ns}:{slug}-edit"] = (OFFICIALS, one)
        if slug not in API_KINDS:
            continue
        api[f"{slug}-list"] = (API_LIST, None)
        if not kind.enterprise_visible:
            api[f"{slug}-detail"] = (API_OFFICIALS_OBJECT, one)
        else:
            api[f"{slug}-detail"] = (API_A_OBJECT if owned else API_PARK_OBJECT, one)
    return pages, api


RECORD_PAGES, RECORD_API = record_kind_rules()
ALL_PAGES = {**PAGES, **RECORD_PAGES}
ALL_API = {**API, **RECORD_API}


def walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name, pattern


def resolver_urls() -> tuple[set[str], set[str], list[str]]:
    """(page names, API names, routes without a name) outside the admin, format suffixes left out."""
    pages, api, unnamed = set(), set(), []
    for route, name, pattern in walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            continue
        if "format" in pattern.pattern.regex.groupindex:
            continue
        if name is None:
            unnamed.append(route)
        elif route.startswith("api/v1/"):
            api.add(name)
        else:
            pages.add(name)
    return pages, api, unnamed


def test_every_url_is_classified():
    pages, api, unnamed = resolver_urls()
    assert unnamed == []
    assert sorted(pages - ALL_PAGES.keys()) == [], "pages without a row in the permission matrix"
    assert sorted(api - ALL_API.keys()) == [], "API endpoints without a row in the permission matrix"
    assert sorted(ALL_PAGES.keys() - pages) == [] and sorted(ALL_API.keys() - api) == [], "rows for no URL"


# ---------------------------------------------------------------------------------------------
# One object of every kind, belonging to enterprise A where the kind belongs to an enterprise.

_serial = itertools.count(1)


def filler(field: models.Field, enterprise):
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.ForeignKey):
        if field.related_model._meta.label == "enterprises.Enterprise":
            return enterprise
        raise LookupError(field)
    if isinstance(field, models.DateField):
        return dt.date(2024, 3, 1)
    if isinstance(field, models.DecimalField):
        return Decimal(1000)
    if isinstance(field, models.IntegerField):
        return 2024 if field.name == "year" else 1
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.CharField | models.TextField):
        text = f"A{next(_serial)}"
        if "name" in field.name or field.name in {"seller", "party", "holder_name", "pledgor_name"}:
            text = enterprise.name
        return text[: field.max_length] if field.max_length else text
    raise LookupError(field)


def build(model, enterprise, **values):
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in values:
            continue
        if field.name == "enterprise" or not (field.null or field.blank or field.has_default()):
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                continue
            values[field.name] = filler(field, enterprise)
    if model._meta.label == "enterprises.Patent":
        from tests.factories import valid_patent_number

        values["application_number"] = valid_patent_number()
    return model.objects.create(**values)


@pytest.fixture
def world(db, settings, tmp_path):
    from core.models import Attachment, ImportLayout
    from enforcement.models import AssistanceRequest
    from enterprises.models import Filing, ImportRun
    from finance.models import Claim, SupportItem
    from targets.models import (
        AnnualReport,
        Deadline,
        Dossier,
        EarlyWarning,
        Indicator,
        KeyTask,
        Meeting,
        MemberUnit,
        OfficialStatistic,
        Plan,
        ReportedValue,
        UnitMembership,
        WorkPlan,
        YearlyFigure,
    )

    a = EnterpriseFactory(name="荆门甲矩阵测试有限公司")
    b = EnterpriseFactory(name="荆门乙矩阵测试有限公司")
    users = {"ent_a": UserFactory(username="matrix_a"), "ent_b": UserFactory(username="matrix_b")}
    a.memberships.create(user=users["ent_a"])
    b.memberships.create(user=users["ent_b"])
    users["official"] = UserFactory(username="matrix_official")
    users["official"].groups.add(Group.objects.get(name=settings.OFFICIALS_GROUP))
    users["api"] = UserFactory(username="matrix_api")
    users["api"].groups.add(Group.objects.get(name=settings.API_CLIENTS_GROUP))
    task = KeyTask.objects.order_by("number").first()
    unit = task.units.first() if hasattr(task, "units") else MemberUnit.objects.first()
    users["unit"] = UserFactory(username="matrix_unit")
    UnitMembership.objects.create(user=users["unit"], unit=unit)

    objects = {"enterprise": a}
    for slug, kind in KINDS.items():
        objects[slug] = build(kind.model, a)
    today = dt.date.today()
    objects["item"] = SupportItem.objects.create(
        year=today.year,
        name="矩阵资助",
        target="invention_grant",
        rule="fixed",
        fixed_amount=Decimal(5000),
        budget=Decimal(100000),
        opens_on=dt.date(today.year, 1, 1),
        closes_on=dt.date(today.year, 12, 31),
    )
    objects["claim"] = Claim.objects.create(enterprise=a, item=objects["item"], created_by=users["ent_a"])
    objects["filing"] = Filing.objects.create(
        enterprise=a,
        kind=Filing.Kind.COPYRIGHT,
        number="2025SR0000001",
        subtype="software",
        title="甲的软件著作权",
        event_date=dt.date(2025, 1, 2),
        submitted_by=users["ent_a"],
        state="returned",
    )
    objects["attachment"] = Attachment.objects.create(
        subject=objects["filing"],
        file=ContentFile(PDF, name="a.pdf"),
        name="a.pdf",
        size=len(PDF),
        uploaded_by=users["ent_a"],
    )
    objects["assistance"] = objects.get("assistance") or build(AssistanceRequest, a)
    objects["assistance"].attachment.save("e.pdf", ContentFile(PDF))
    run = ImportRun.objects.create(kind="patents", original_name="p.csv", created_by=users["official"])
    run.file.save("p.csv", ContentFile(b"x"), save=False)
    run.rejects_file.save("r.csv", ContentFile(b"x"), save=False)
    run.status = ImportRun.Status.DONE
    run.save()
    objects["importrun"] = run
    objects["layout"] = ImportLayout.objects.create(
        name="布局", kind="patents", mapping={"案卷号": "application_number"}
    )
    objects["reported"] = ReportedValue.objects.create(
        indicator=Indicator.objects.get(code="C1"),
        year=2024,
        value=Decimal(1),
        note="n",
        entered_by=users["official"],
        attachment=ContentFile(PDF, name="r.pdf"),
    )
    objects["official_statistic"] = OfficialStatistic.objects.create(
        indicator=Indicator.objects.get(code="C1"),
        year=2024,
        value=Decimal(1),
        source="国家知识产权局",
        published_on=dt.date(2025, 3, 1),
        entered_by=users["official"],
        attachment=ContentFile(PDF, name="o.pdf"),
    )
    objects["workplan"] = WorkPlan.objects.create(
        task=task, unit=unit, year=2025, text="计划", attachment=ContentFile(PDF, name="w.pdf")
    )
    objects["yearly"] = YearlyFigure.objects.create(year=2024, population=100000)
    objects["deadline"] = Deadline.objects.create(year=2025, kind="plan", due=dt.date(2025, 2, 10))
    objects["meeting"] = Meeting.objects.create(
        plan=Plan.objects.current(), date=dt.date(2025, 3, 1), title="领导小组会议", attendees="组长"
    )
    decision = objects["meeting"].decisions.create(number=1, text="决定")
    objects["follow_up"] = decision.follow_ups.create(unit=unit, action="落实", due=dt.date(2025, 4, 1))
    objects["warning"] = EarlyWarning.objects.create(changes=[])
    objects["report"] = AnnualReport.objects.create(
        plan=Plan.objects.current(),
        year=2025,
        state=AnnualReport.State.DONE,
        pdf=ContentFile(PDF, name="report.pdf"),
        created_by=users["official"],
    )
    objects["dossier"] = Dossier.objects.create(
        plan=Plan.objects.current(),
        year=2025,
        state=Dossier.State.DONE,
        docx=ContentFile(b"PK matrix", name="dossier.docx"),
        created_by=users["official"],
    )
    tokens = {"api": Token.objects.create(user=users["api"]).key}
    return {"a": a, "b": b, "users": users, "objects": objects, "tokens": tokens}


def client_for(role: str, world, api: bool = False):
    client = APIClient()
    if role == "api":
        if api:
            client.credentials(HTTP_AUTHORIZATION=f"Token {world['tokens']['api']}")
        else:
            client.force_login(world["users"]["api"])
    elif role != "anonymous":
        client.force_login(world["users"][role])
    return client


def check(response, expected, url: str, role: str) -> str | None:
    if expected == LOGIN:
        ok = response.status_code == 302 and response.url.startswith(reverse("login"))
        got = f"{response.status_code} {response.get('Location', '')}"
    else:
        ok = response.status_code == expected
        got = response.status_code
    return None if ok else f"{role}: {url} expected {expected}, got {got}"


def assert_b_sees_nothing_of_a(response, world, url):
    if response.status_code != 200 or response.get("Content-Type", "").startswith(("application/pdf",)):
        return
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", "replace")
    a = world["a"]
    assert a.name not in text and a.credit_code not in text, f"enterprise B sees A's name or code at {url}"


@pytest.mark.parametrize("name", sorted(ALL_PAGES))
def test_page_access_by_role(world, name):
    expected, kwargs = ALL_PAGES[name]
    # An API client's web session is ended before any view runs (ipportal.security): every page
    # answers it as it answers anonymous users, whatever its row says.
    expected = {**expected, "api": expected["anonymous"]}
    url = reverse(name, kwargs=kwargs(world["objects"]) if kwargs else None)
    problems = []
    for role in ROLES:
        response = client_for(role, world).get(url, HTTP_ACCEPT_LANGUAGE="en")
        problems.append(check(response, expected[role], url, role))
        if role == "ent_b":
            assert_b_sees_nothing_of_a(response, world, url)
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(ALL_API))
def test_api_access_by_role(world, name):
    expected, kwargs = ALL_API[name]
    url = reverse(name, kwargs=kwargs(world["objects"]) if kwargs else None)
    problems = []
    for role in ROLES:
        response = client_for(role, world, api=True).get(url)
        problems.append(check(response, expected[role], url, role))
        if role == "ent_b":
            assert_b_sees_nothing_of_a(response, world, url)
            if name.endswith("-list") and response.status_code == 200:
                model_slug = name.removesuffix("-list")
                owned = model_slug in KINDS and owned_by_enterprise(KINDS[model_slug].model)
                if owned or model_slug in {"enterprise", "filing", "claim"}:
                    ids = {row["id"] for row in response.json()["results"] if "id" in row}
                    mine = {world["b"].pk} if model_slug == "enterprise" else set()
                    assert ids <= mine, f"enterprise B lists ids {ids} at {url}"
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(n for n in ALL_API if n.endswith("-list") or n.endswith("-detail")))
def test_api_clients_cannot_write(world, name):
    _expected, kwargs = ALL_API[name]
    url = reverse(name, kwargs=kwargs(world["objects"]) if kwargs else None)
    client = client_for("api", world, api=True)
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(url, {}, format="json")
        assert response.status_code in {403, 405}, f"{method} {url}: {response.status_code}"


@pytest.mark.parametrize("action", ["approve-year", "unapprove-year"])
def test_approving_a_year_needs_the_permission(world, settings, action):
    """Every role but an official with targets.approve_figures is refused (nothing approved or
    withdrawn); the office head's request goes through."""
    recompute([2024])
    head = UserFactory(username="matrix_head")
    head.groups.add(Group.objects.get(name=settings.OFFICIALS_GROUP))
    head.user_permissions.add(Permission.objects.get(codename="approve_figures"))
    if action == "unapprove-year":
        approve_year(Plan.objects.current(), 2024, head)
    url = reverse(f"targets:{action}", kwargs={"year": 2024})
    before = list(YearApproval.objects.values_list("pk", "withdrawn_at"))
    for role in ROLES:
        response = client_for(role, world).post(url, {"reason": "matrix"})
        expected = LOGIN if role in ("anonymous", "api") else 403
        assert not check(response, expected, url, role)
        assert list(YearApproval.objects.values_list("pk", "withdrawn_at")) == before, role
    client = APIClient()
    client.force_login(head)
    get_expected = {**APPROVERS, "api": APPROVERS["anonymous"]}  # as in test_page_access_by_role
    for role in ROLES:  # a GET is answered as the page's row says (APPROVERS), changing nothing
        assert not check(client_for(role, world).get(url), get_expected[role], url, role)
    response = client.get(url)  # the head's GET lands on the year's indicator list, nothing changed
    assert (response.status_code, response.url) == (302, f"{reverse('targets:indicator-list')}?year=2024")
    assert list(YearApproval.objects.values_list("pk", "withdrawn_at")) == before
    assert client.post(url, {"reason": "matrix"}).status_code == 302
    assert list(YearApproval.objects.values_list("pk", "withdrawn_at")) != before
