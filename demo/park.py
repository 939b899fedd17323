"""Demo data for the park-level records (utilization, protection, publicity) and self-service.

Deterministic and safe to run again: records are keyed by their natural keys or, where a kind
has none, by all the fields that make it up.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.models import ReviewState
from core.review import move
from enforcement.models import Case, Survey, SurveyResponse
from enterprises.models import Enterprise, Filing, Patent, PatentType
from finance import claims as rules
from finance.models import (
    Award,
    Claim,
    InsurancePolicy,
    IPTransaction,
    MajorProject,
    NavigationProject,
    OperationPlatform,
    RiskFundEntry,
    ServiceInstitution,
    SupportItem,
    TechContract,
)
from training.models import PublicityEvent

from .records import seed_recent_records

D = dt.date
YEARS = (2022, 2023, 2024, 2025)


def seed_park_records(enterprises: list[Enterprise], official, enterprise_user) -> None:
    rng = random.Random(426)
    with transaction.atomic():
        _utilization(rng, enterprises)
        _protection(rng, enterprises)
        _publicity(rng)
        _fund(rng, enterprises, official, enterprise_user)


def _day(rng: random.Random, year: int) -> dt.date:
    return D(year, 1, 1) + dt.timedelta(days=rng.randint(0, 360))


def _utilization(rng, enterprises) -> None:

    for year in YEARS:
        for n in range(6 + (year - 2022) * 3):
            seller = rng.choice(enterprises)
            IPTransaction.objects.update_or_create(
                contract_number=f"ZLJY-{year}-{n + 1:03d}",
                defaults={
                    "kind": rng.choice(["transfer", "licence"]),
                    "ip_type": "patent",
                    "seller": seller.name,
                    "buyer": rng.choice(["武汉某某科技有限公司", "宜昌某某材料有限公司", "襄阳某某装备有限公司"]),
                    "enterprise": seller,
                    "amount": Decimal(rng.randint(20, 400) * 10000),
                    "contract_date": _day(rng, year),
                },
            )
        for n in range(15 + (year - 2022) * 5):
            seller = rng.choice(enterprises)
            TechContract.objects.update_or_create(
                registration_number=f"{year}4208{n + 1:05d}",
                defaults={
                    "title": rng.choice(["技术开发合同", "技术服务合同", "技术转让合同", "技术咨询合同"]),
                    "seller": seller.name,
                    "enterprise": seller,
                    "turnover": Decimal(rng.randint(10, 800) * 10000),
                    "registration_date": _day(rng, year),
                },
            )
        for n in range(10):
            MajorProject.objects.get_or_create(
                name=f"{year}年重大项目{n + 1}",
                defaults={
                    "category": rng.choice(["industrial_plan", "investment", "research", "talent"]),
                    "project_date": _day(rng, year),
                    "ip_review": rng.random() < 0.4 + 0.15 * (year - 2022),
                },
            )
        for n in range(1 + year - 2022):
            enterprise = rng.choice(enterprises)
            NavigationProject.objects.get_or_create(
                name=f"{enterprise.name}专利导航项目（{year}-{n + 1}）",
                defaults={
                    "kind": "enterprise",
                    "enterprise": enterprise,
                    "start_date": _day(rng, year),
                    "funding": Decimal(200000),
                },
            )
    NavigationProject.objects.get_or_create(
        name="荆门高新区新能源新材料产业专利导航", defaults={"kind": "industry", "start_date": D(2023, 4, 1)}
    )
    winners = list(Patent.objects.filter(enterprise__isnull=False, patent_type=PatentType.INVENTION)[:6])
    for index, (kind, year) in enumerate(
        [("hubei", 2023), ("hubei", 2024), ("china_excellence", 2024), ("hubei", 2025), ("china_excellence", 2025)]
    ):
        if index < len(winners):
            patent = winners[index]
            Award.objects.get_or_create(
                kind=kind,
                title=patent.title,
                award_date=D(year, 11, 20),
                enterprise=patent.enterprise,
                defaults={"patent": patent},
            )
    for name, opened in (("荆门高新区知识产权运营中心", D(2023, 6, 1)), ("湖北磷化工专利运营平台", D(2024, 9, 1))):
        OperationPlatform.objects.get_or_create(name=name, defaults={"operator": "高新区科技局", "opened_date": opened})
    for index, name in enumerate(
        ["荆门知远专利代理事务所", "湖北楚天知识产权服务有限公司", "武汉某某知识产权代理有限公司荆门分公司"]
    ):
        ServiceInstitution.objects.get_or_create(
            name=name,
            defaults={
                "services": "专利代理、商标代理",
                "office_opened": D(2022 + index, 5, 1),
                "introduced_date": D(2022 + index, 5, 1),
            },
        )
    for n, enterprise in enumerate(enterprises[:8]):
        InsurancePolicy.objects.get_or_create(
            policy_number=f"PICC-ZSCQ-{2024 + n % 2}-{n + 1:03d}",
            defaults={
                "kind": rng.choice(["enforcement", "liability", "pledge"]),
                "insurer": rng.choice(["人保财险荆门分公司", "平安财险荆门中心支公司"]),
                "enterprise": enterprise,
                "coverage": Decimal(rng.choice([300000, 500000, 1000000])),
                "premium": Decimal(rng.choice([6000, 10000, 15000])),
                "subsidy": Decimal(3000),
                "start_date": D(2024 + n % 2, 3, 1),
                "end_date": D(2025 + n % 2, 2, 28),
            },
        )
    for party, amount, day in (("高新区财政局", 5000000, D(2023, 3, 1)), ("湖北银行荆门分行", 1000000, D(2023, 6, 1))):
        RiskFundEntry.objects.get_or_create(kind="contribution", party=party, amount=Decimal(amount), entry_date=day)
    RiskFundEntry.objects.get_or_create(
        kind="compensation", party="湖北银行荆门分行", amount=Decimal("320000"), entry_date=D(2025, 8, 15)
    )


def _protection(rng, enterprises) -> None:

    for year in YEARS:
        for n in range(8 + (year - 2022) * 2):
            claimant = rng.choice(enterprises)
            Case.objects.update_or_create(
                case_number=f"荆高知执〔{year}〕{n + 1}号",
                defaults={
                    "title": rng.choice(["假冒专利案", "商标侵权案", "专利侵权纠纷", "著作权侵权纠纷"]),
                    "kind": rng.choice(["administrative", "adjudication", "judicial", "mediation"]),
                    "ip_type": rng.choice(["patent", "trademark", "copyright"]),
                    "claimant": claimant.name,
                    "claimant_enterprise": claimant,
                    "respondent": "某某商贸有限公司",
                    "filed_date": _day(rng, year),
                    "stage": "closed",
                    "closed_date": D(year, 12, 20),
                    "group": rng.random() < 0.1,
                    "repeated": rng.random() < 0.1,
                    "malicious": rng.random() < 0.05,
                },
            )
    for year in YEARS:
        survey, _ = Survey.objects.get_or_create(year=year, defaults={"title": f"{year}年知识产权保护满意度调查"})
        if survey.responses.exists():
            continue
        share = 0.82 + 0.03 * (year - 2022)
        SurveyResponse.objects.bulk_create(
            SurveyResponse(
                survey=survey,
                respondent_ref=f"{year}-{n + 1:03d}",
                satisfied=rng.random() < share,
                respondent_group=rng.choice(["企业", "高校院所", "服务机构"]),
                answered_on=D(year, 11, 10),
            )
            for n in range(120)
        )


def _publicity(rng) -> None:

    titles = [
        ("world_ip_day", "4·26世界知识产权日宣传活动"),
        ("consumer_day", "3·15消费者权益日知识产权维权宣传"),
        ("patent_week", "全国知识产权宣传周园区专场"),
        ("campus", "知识产权进企业专题讲座"),
        ("science_week", "科技活动周知识产权展示"),
    ]
    for year in YEARS:
        for n in range(6 + (year - 2022) * 2):
            theme, title = titles[n % len(titles)]
            PublicityEvent.objects.get_or_create(
                date=_day(rng, year),
                title=f"{title}（{n + 1}）",
                defaults={"theme": theme, "attendance": rng.randint(40, 300), "organiser": "高新区知识产权办公室"},
            )


ROUND_DAYS = 90  # how long the current round of support items stays open after the demo is seeded


def _fund(rng, enterprises, official, enterprise_user) -> None:
    """The fund's items for the plan's last year and for the current round, and the demo's claims.

    The current round follows the clock: its items are for this year's records and stay open from
    the start of the year until at least ROUND_DAYS after the seeding day, and the enterprise user
    has records of this year to claim for and a returned claim to fix and resubmit, whatever the day.
    """
    today = timezone.localdate()
    items = {}
    for year in sorted({YEARS[-1], today.year}):
        current = year == today.year
        period = {
            "opens_on": D(year, 1, 1),
            "closes_on": max(D(year, 12, 31), today + dt.timedelta(days=ROUND_DAYS)) if current else D(year, 12, 31),
        }
        items[year, "invention"], _ = SupportItem.objects.update_or_create(
            year=year,
            name="发明专利授权资助",
            defaults=period,
            create_defaults={
                **period,
                "target": "invention_grant",
                "rule": "fixed",
                "fixed_amount": Decimal(5000),
                "budget": Decimal(800000),
                "evidence": "授权公告文本；专利证书；缴费凭证",
            },
        )
        items[year, "pledge"], _ = SupportItem.objects.update_or_create(
            year=year,
            name="知识产权质押贷款贴息",
            defaults=period,
            create_defaults={
                **period,
                "target": "pledge",
                "rule": "share",
                "rate": Decimal(50),
                "cap": Decimal(200000),
                "budget": Decimal(1500000),
                "evidence": "质押登记通知书；借款合同；利息支付凭证",
            },
        )
    enterprise = enterprises[0]
    recent = seed_recent_records(enterprise, today)
    support = items[today.year, "invention"]
    if Claim.objects.filter(enterprise=enterprise, item=support).exists():
        return
    # The returned claim holds two of this year's patents; the others stay free for a new claim.
    claimed = [p for p in rules.eligible_records(support, enterprise) if p.pk in {r.pk for r in recent[:2]}]
    if claimed:
        claim = Claim.objects.create(
            enterprise=enterprise, item=support, created_by=enterprise_user, note=f"{today.year}年授权发明专利"
        )
        rules.save_lines(claim, [rules.Choice(p, None) for p in claimed])
        claim.submitted_at = timezone.now()
        claim.save(update_fields=["submitted_at"])
        move(claim, ReviewState.SUBMITTED, enterprise_user, allowed_from=(ReviewState.DRAFT,), officials_only=False)
        move(claim, ReviewState.UNDER_REVIEW, official, allowed_from=(ReviewState.SUBMITTED,), officials_only=True)
        move(
            claim,
            ReviewState.RETURNED,
            official,
            "请补充专利证书扫描件",
            allowed_from=(ReviewState.UNDER_REVIEW,),
            officials_only=True,
        )
    filing = Filing.objects.create(
        enterprise=enterprise,
        kind=Filing.Kind.COPYRIGHT,
        number="2025SR0426001",
        subtype="software",
        title="园区企业知识产权管理系统V1.0",
        event_date=D(2025, 4, 26),
        submitted_by=enterprise_user,
        state=ReviewState.DRAFT,
    )
    move(filing, ReviewState.SUBMITTED, enterprise_user, allowed_from=(ReviewState.DRAFT,), officials_only=False)
