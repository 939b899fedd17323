"""Demo data: realistic, fictional park enterprises and the four kinds of login.

Idempotent: running it again updates the same rows instead of adding more.
"""

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import transaction
from rest_framework.authtoken.models import Token

from enterprises.codes import CREDIT_CODE_ALPHABET, credit_code_check_char, patent_check_digit
from enterprises.models import (
    Certification,
    Copyright,
    Enterprise,
    GIProduct,
    Honour,
    ICLayoutDesign,
    Industry,
    InnovationPilot,
    Membership,
    Patent,
    PlantVariety,
    Trademark,
    default_expiry,
)
from finance.matching import link_pledged_patents
from finance.models import Pledge, PledgedItem
from targets.models import MemberUnit, UnitMembership, YearlyFigure
from training.models import Attendance, Person, Talent, Training

from .park import seed_park_records

DEMO_PASSWORD = "jmgx-demo-2025"

# Fictional enterprises in the park's industries (names made up for the demo).
ENTERPRISES = [
    ("荆门宏拓精细化工有限公司", Industry.GREEN_CHEMICALS),
    ("湖北楚绿新材料股份有限公司", Industry.NEW_ENERGY_MATERIALS),
    ("荆门锂源电池材料有限公司", Industry.NEW_ENERGY_MATERIALS),
    ("掇刀智能装备制造有限公司", Industry.HIGH_END_EQUIPMENT),
    ("荆门恒瑞生物医药科技有限公司", Industry.BIOMEDICINE),
    ("湖北荆力汽车零部件有限公司", Industry.HIGH_END_EQUIPMENT),
    ("荆门中科催化剂有限公司", Industry.GREEN_CHEMICALS),
    ("荆门天元储能技术有限公司", Industry.NEW_ENERGY_MATERIALS),
    ("湖北象山精密机械有限公司", Industry.HIGH_END_EQUIPMENT),
    ("荆门康泰制药有限公司", Industry.BIOMEDICINE),
    ("荆门绿源环保科技有限公司", Industry.GREEN_CHEMICALS),
    ("湖北东宝石墨烯科技有限公司", Industry.NEW_ENERGY_MATERIALS),
    ("荆门漳河电子科技有限公司", Industry.OTHER),
    ("荆门高新数字信息有限公司", Industry.OTHER),
    ("湖北荆楚航空装备有限公司", Industry.HIGH_END_EQUIPMENT),
    ("荆门明珠新能源有限公司", Industry.NEW_ENERGY_MATERIALS),
    ("荆门磷化工研究院有限公司", Industry.GREEN_CHEMICALS),
    ("湖北仁和医疗器械有限公司", Industry.BIOMEDICINE),
    ("荆门华智机器人有限公司", Industry.HIGH_END_EQUIPMENT),
    ("荆门凤凰农业科技有限公司", Industry.OTHER),
    ("湖北荆门光电材料有限公司", Industry.NEW_ENERGY_MATERIALS),
    ("荆门长宁化学有限公司", Industry.GREEN_CHEMICALS),
    ("荆门屈家岭食品有限公司", Industry.OTHER),
    ("湖北龙泉生物技术有限公司", Industry.BIOMEDICINE),
]

YEARLY = {
    # year: (population, public budget 万元, IP funding 万元, R&D 万元, special fund 万元)
    2022: (312000, 356000, 980, 30200, 800),
    2023: (315500, 372000, 1150, 32400, 1000),
    2024: (318200, 389000, 1260, 34100, 1200),
    2025: (321000, 401000, 1400, 36000, 1500),
}


def demo_credit_code(index: int) -> str:
    rng = random.Random(f"enterprise-{index}")
    body = "91420804" + "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    return body + credit_code_check_char(body)


@dataclass
class Login:
    role: str
    username: str
    password: str
    note: str = ""


def _user(username: str, *, email: str, first_name: str = "", is_superuser: bool = False) -> User:
    user, _ = User.objects.get_or_create(username=username, defaults={"email": email})
    user.email = email
    user.first_name = first_name
    user.is_staff = user.is_superuser = is_superuser
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


@transaction.atomic
def seed() -> list[Login]:
    enterprises = []
    for index, (name, industry) in enumerate(ENTERPRISES):
        rng = random.Random(f"flags-{index}")
        enterprise, _ = Enterprise.objects.update_or_create(
            credit_code=demo_credit_code(index),
            defaults={
                "name": name,
                "industry": industry,
                "high_tech": rng.random() < 0.6,
                "specialised": rng.random() < 0.35,
                "little_giant": rng.random() < 0.15,
                "listing_reserve": rng.random() < 0.2,
                "tech_sme": rng.random() < 0.5,
                "ip_staff_count": rng.randint(1, 8),
                "contact_name": rng.choice(["张伟", "李娜", "王磊", "刘洋", "陈静", "杨帆"]),
                "contact_phone": f"0724-{rng.randint(2000000, 8999999)}",
            },
        )
        enterprises.append(enterprise)

    for year, (population, budget, funding, rd, fund) in YEARLY.items():
        YearlyFigure.objects.update_or_create(
            year=year,
            defaults={
                "population": population,
                "public_budget": Decimal(budget) * 10000,
                "ip_funding": Decimal(funding) * 10000,
                "rd_expenditure": Decimal(rd) * 10000,
                "special_fund": Decimal(fund) * 10000,
                "note": "演示数据 demo figures",
            },
        )

    officials = Group.objects.get(name=settings.OFFICIALS_GROUP)
    api_clients = Group.objects.get(name=settings.API_CLIENTS_GROUP)

    admin = _user("admin", email="admin@jmgxq.example", is_superuser=True)
    official = _user("official", email="official@jmgxq.example", first_name="周科长")
    official.groups.set([officials])
    logins = [
        Login("superuser", admin.username, DEMO_PASSWORD, "/admin/"),
        Login("official", official.username, DEMO_PASSWORD),
    ]
    for username, enterprise in (("ent_a", enterprises[0]), ("ent_b", enterprises[1])):
        user = _user(username, email=f"{username}@enterprise.example")
        user.groups.clear()
        Membership.objects.update_or_create(user=user, defaults={"enterprise": enterprise})
        logins.append(Login("enterprise", username, DEMO_PASSWORD, enterprise.name))
    unit_user = _user("unit_finance", email="finance@jmgxq.example")
    unit_user.groups.clear()
    UnitMembership.objects.update_or_create(user=unit_user, defaults={"unit": MemberUnit.objects.get(name="区财政局")})
    logins.append(Login("member_unit", unit_user.username, DEMO_PASSWORD, "区财政局"))
    client = _user("api_client", email="api@jingmen.example")
    client.groups.set([api_clients])
    token, _ = Token.objects.get_or_create(user=client)
    logins.append(Login("api_client", client.username, DEMO_PASSWORD, f"token {token.key}"))
    seed_records(enterprises)

    seed_park_records(enterprises, official, User.objects.get(username="ent_a"))
    return logins


TITLES = {
    Industry.GREEN_CHEMICALS: [
        "一种磷石膏综合利用方法",
        "一种精细化工中间体的合成工艺",
        "一种废水中有机物的催化降解装置",
        "一种高纯度磷酸的提纯方法",
        "一种环保型表面活性剂及其制备方法",
    ],
    Industry.NEW_ENERGY_MATERIALS: [
        "一种锂离子电池正极材料及其制备方法",
        "一种高镍三元前驱体的连续合成装置",
        "一种石墨烯导电浆料",
        "一种固态电解质膜",
        "一种储能电池热管理系统",
    ],
    Industry.HIGH_END_EQUIPMENT: [
        "一种智能焊接机器人",
        "一种数控机床主轴冷却结构",
        "一种汽车底盘轻量化支架",
        "一种自动化装配生产线",
        "一种精密减速器",
    ],
    Industry.BIOMEDICINE: [
        "一种中药提取物及其应用",
        "一种缓释注射剂的制备方法",
        "一种医用导管",
        "一种检测试剂盒",
        "一种药物晶型",
    ],
    Industry.OTHER: ["一种农产品保鲜装置", "一种数据采集终端", "一种包装盒", "一种智能仓储管理方法", "一种照明灯具"],
}
OUTSIDE_HOLDERS = [
    "武汉理工大学",
    "华中科技大学",
    "湖北工业大学",
    "宜昌某某精细化工有限公司",
    "襄阳某某汽车部件有限公司",
]
BANKS = ["中国银行荆门分行", "湖北银行荆门分行", "交通银行荆门分行", "农业银行荆门分行", "建设银行荆门分行"]
MARK_WORDS = [
    "宏拓",
    "楚绿",
    "锂源",
    "掇刀",
    "恒瑞",
    "荆力",
    "中科",
    "天元",
    "象山",
    "康泰",
    "绿源",
    "东宝",
    "漳河",
    "高新",
    "荆楚",
    "明珠",
    "磷研",
    "仁和",
    "华智",
    "凤凰",
    "光电",
    "长宁",
    "屈家岭",
    "龙泉",
]


def _day(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))


def seed_records(enterprises: list[Enterprise]) -> dict[str, int]:
    """A few thousand realistic records across 2015–2025; the same ones on every run."""
    rng = random.Random(2025)
    patents, serials = [], {}
    for index in range(3000):
        enterprise = rng.choice(enterprises) if rng.random() < 0.9 else None
        grant_year = rng.choices(range(2016, 2026), weights=[2, 3, 3, 4, 5, 6, 7, 8, 9, 10])[0]
        type_digit = rng.choices("1238", weights=[24, 60, 15, 1])[0]
        delay = rng.randint(500, 1100) if type_digit in "18" else rng.randint(150, 360)
        granted = _day(rng, grant_year)
        applied = granted - dt.timedelta(days=delay)
        year = applied.year
        serials[year] = serials.get(year, rng.randint(100000, 200000)) + rng.randint(1, 40)
        digits = f"{year}{type_digit}{serials[year]:07d}"[:12]
        status, lapse = "valid", None
        if rng.random() < 0.12:
            status, lapse = "lapsed", granted + dt.timedelta(days=rng.randint(200, 2500))
            if lapse > dt.date(2025, 12, 31):
                status, lapse = "valid", None
        if rng.random() < 0.06:
            granted, status = None, rng.choice(["pending", "pending", "rejected", "withdrawn"])
        pct = type_digit in "18" and rng.random() < 0.05
        industry = enterprise.industry if enterprise else Industry.OTHER
        patents.append(
            Patent(
                application_number=f"{digits}.{patent_check_digit(digits)}",
                patent_type={"1": "invention", "8": "invention", "2": "utility_model", "3": "design"}[type_digit],
                pct_entry=type_digit == "8",
                title=rng.choice(TITLES[industry or Industry.OTHER]),
                application_date=applied,
                grant_date=granted,
                legal_status=status,
                lapse_date=lapse,
                pct_number=f"PCT/CN{applied.year}/{100000 + index:06d}" if pct else "",
                pct_filing_date=applied + dt.timedelta(days=rng.randint(30, 300)) if pct else None,
                strategic_emerging=type_digit in "18" and rng.random() < 0.3,
                overseas_family=type_digit in "18" and rng.random() < 0.05,
                holder_name=enterprise.name if enterprise else rng.choice(OUTSIDE_HOLDERS),
                holder_credit_code=enterprise.credit_code if enterprise else "",
                enterprise=enterprise,
            )
        )
    Patent.objects.bulk_create(patents, ignore_conflicts=True, batch_size=500)

    marks = []
    for index in range(1500):
        enterprise = rng.choice(enterprises) if rng.random() < 0.92 else None
        registered = _day(rng, rng.choices(range(2012, 2026), weights=[2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12])[0])
        marks.append(
            Trademark(
                registration_number=str(30000000 + index * 7),
                nice_class=rng.randint(1, 45),
                mark=rng.choice(MARK_WORDS) + rng.choice(["", "牌", "科技", "新材"]),
                application_date=registered - dt.timedelta(days=rng.randint(180, 400)),
                registration_date=registered,
                expiry_date=default_expiry(registered),
                status=rng.choices(["valid", "cancelled", "invalid"], weights=[92, 5, 3])[0],
                holder_name=enterprise.name if enterprise else "外地商贸有限公司",
                holder_credit_code=enterprise.credit_code if enterprise else "",
                enterprise=enterprise,
            )
        )
    qujialing = next((e for e in enterprises if "屈家岭" in e.name), enterprises[0])
    marks.append(
        Trademark(
            registration_number="29990001",
            nice_class=31,
            mark="屈家岭葡萄",
            registration_date=dt.date(2024, 9, 14),
            expiry_date=default_expiry(dt.date(2024, 9, 14)),
            status="valid",
            geographical_indication=True,
            holder_name=qujialing.name,
            holder_credit_code=qujialing.credit_code,
            enterprise=qujialing,
        )
    )
    Trademark.objects.bulk_create(marks, ignore_conflicts=True, batch_size=500)

    by_enterprise: dict[int, list[str]] = {}
    for number, enterprise_id in Patent.objects.filter(enterprise__isnull=False, grant_date__isnull=False).values_list(
        "application_number", "enterprise_id"
    ):
        by_enterprise.setdefault(enterprise_id, []).append(number)
    pledges, items = [], []
    for index in range(150):
        enterprise = rng.choice(enterprises)
        year = rng.choices(range(2019, 2026), weights=[3, 4, 5, 6, 8, 9, 10])[0]
        ip_type = rng.choices(["patent", "trademark"], weights=[85, 15])[0]
        numbers = by_enterprise.get(enterprise.pk) or []
        pledge = Pledge(
            registration_number=f"Y{year}{index:06d}",
            pledgor_name=enterprise.name,
            pledgor_credit_code=enterprise.credit_code,
            enterprise=enterprise,
            pledgee_name=rng.choice(BANKS),
            ip_type=ip_type,
            amount=Decimal(rng.randint(100, 3000)) * 10000,
            registration_date=_day(rng, year),
        )
        pledge.end_date = pledge.registration_date + dt.timedelta(days=365 * rng.randint(1, 3))
        pledges.append(pledge)
        chosen = (
            rng.sample(numbers, min(len(numbers), rng.randint(1, 3)))
            if ip_type == "patent" and numbers
            else [str(30000000 + rng.randint(0, 1499) * 7)]
        )
        items.append((pledge.registration_number, chosen))
    Pledge.objects.bulk_create(pledges, ignore_conflicts=True)
    ids = dict(
        Pledge.objects.filter(registration_number__in=[n for n, _ in items]).values_list("registration_number", "id")
    )
    PledgedItem.objects.bulk_create(
        [
            PledgedItem(pledge_id=ids[n], number=number, position=i)
            for n, numbers in items
            for i, number in enumerate(numbers)
        ],
        ignore_conflicts=True,
    )
    link_pledged_patents()

    Copyright.objects.bulk_create(
        [
            Copyright(
                registration_number=f"{2019 + i % 7}SR{1000000 + i * 13:07d}",
                title=f"{rng.choice(MARK_WORDS)}生产管理系统V{1 + i % 3}.0",
                registration_date=_day(rng, 2019 + i % 7),
                holder_name=(e := rng.choice(enterprises)).name,
                holder_credit_code=e.credit_code,
                enterprise=e,
            )
            for i in range(120)
        ],
        ignore_conflicts=True,
    )
    ICLayoutDesign.objects.bulk_create(
        [
            ICLayoutDesign(
                registration_number=f"BS.2{2050000 + i}",
                title=f"电池管理芯片布图{i + 1}",
                registration_date=_day(rng, 2021 + i),
                holder_name=enterprises[7].name,
                holder_credit_code=enterprises[7].credit_code,
                enterprise=enterprises[7],
            )
            for i in range(3)
        ],
        ignore_conflicts=True,
    )
    PlantVariety.objects.bulk_create(
        [
            PlantVariety(
                registration_number=f"CNA2023{1000 + i}.{i}",
                title=f"荆香稻{i + 1}号",
                crop="水稻",
                registration_date=_day(rng, 2023 + i),
                holder_name=enterprises[19].name,
                holder_credit_code=enterprises[19].credit_code,
                enterprise=enterprises[19],
            )
            for i in range(2)
        ],
        ignore_conflicts=True,
    )
    GIProduct.objects.get_or_create(
        registration_number="2025年第8号",
        defaults={"title": "屈家岭香稻", "region": "荆门市屈家岭管理区", "approval_date": dt.date(2025, 6, 18)},
    )
    seed_management(enterprises)
    return {
        "patents": Patent.objects.count(),
        "trademarks": Trademark.objects.count(),
        "pledges": Pledge.objects.count(),
        "copyrights": Copyright.objects.count(),
    }


SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
GIVEN_NAMES = ["伟", "娜", "磊", "静", "洋", "帆", "敏", "强", "婷", "杰", "丽", "军", "芳", "勇", "艳", "涛"]
TRAININGS = [
    (dt.date(2023, 4, 26), "企业知识产权管理规范（GB/T 29490）贯标培训", "高新区知识产权局", "offline"),
    (dt.date(2023, 10, 18), "专利挖掘与布局实务", "荆门市市场监督管理局", "online"),
    (dt.date(2024, 5, 9), "高价值专利培育与质押融资", "高新区知识产权局", "offline"),
    (dt.date(2024, 11, 6), "商业秘密保护与侵权应对", "湖北省知识产权局", "hybrid"),
    (dt.date(2025, 4, 24), "ISO 56005创新与知识产权管理国际标准解读", "高新区知识产权局", "offline"),
    (dt.date(2025, 9, 17), "专利导航与企业研发决策", "荆门市知识产权保护中心", "online"),
]


def seed_management(enterprises: list[Enterprise]) -> None:
    """Certifications, pilots, honours (M1–M4), an IP staff roster with trainings (M5), and the talent pool."""
    rng = random.Random("management")
    for index, enterprise in enumerate(enterprises[:14]):
        issued = dt.date(2021 + index % 5, 1 + index % 12, 10)
        standard = Certification.Standard.ISO_56005 if index % 5 == 4 else Certification.Standard.GBT_29490
        Certification.objects.update_or_create(
            standard=standard,
            certificate_number=f"165IP{issued:%y}{1000 + index:04d}R0M",
            defaults={
                "enterprise": enterprise,
                "certification_body": rng.choice(["中知(北京)认证有限公司", "中规(北京)认证有限公司"]),
                "issue_date": issued,
                "expiry_date": issued.replace(year=issued.year + 3) - dt.timedelta(days=1),
            },
        )
    honours = [
        (0, Honour.Kind.NATIONAL_ADVANTAGE, 2021),
        (1, Honour.Kind.NATIONAL_ADVANTAGE, 2023),
        (2, Honour.Kind.NATIONAL_ADVANTAGE, 2024),
        (3, Honour.Kind.NATIONAL_DEMONSTRATION, 2025),
        (7, Honour.Kind.LITTLE_GIANT, 2023),
        (11, Honour.Kind.LITTLE_GIANT, 2024),
        *((i, Honour.Kind.PROVINCIAL_DEMONSTRATION, 2022 + i % 4) for i in (0, 1, 4, 5, 6, 8, 9, 12)),
    ]
    for index, kind, year in honours:
        Honour.objects.get_or_create(
            enterprise=enterprises[index], kind=kind, year=year, defaults={"document": f"{year}年认定名单"}
        )
    for index, started in ((0, dt.date(2023, 6, 1)), (1, dt.date(2024, 3, 1)), (7, dt.date(2025, 3, 1))):
        InnovationPilot.objects.get_or_create(
            enterprise=enterprises[index], defaults={"start_date": started, "batch": f"{started.year}年试点企业"}
        )

    people = []
    for position, enterprise in enumerate(enterprises):
        count = enterprise.ip_staff_count or 1
        for n in range(count):
            name = SURNAMES[(position * 7 + n * 3) % len(SURNAMES)] + GIVEN_NAMES[(position + n * 5) % 16]
            person, _ = Person.objects.get_or_create(
                enterprise=enterprise,
                name=name,
                defaults={"is_ip_staff": n < max(1, count - 1), "position": "知识产权专员" if n == 0 else "研发工程师"},
            )
            people.append(person)
    for day, title, organiser, form in TRAININGS:
        training, _ = Training.objects.get_or_create(
            date=day, title=title, defaults={"organiser": organiser, "format": form, "hours": Decimal(4)}
        )
        share = {2023: 0.45, 2024: 0.55, 2025: 0.5}[day.year]
        chosen = [p for p in people if random.Random(f"{title}-{p.enterprise.credit_code}-{p.name}").random() < share]
        Attendance.objects.bulk_create([Attendance(training=training, person=p) for p in chosen], ignore_conflicts=True)

    talent = [
        ("孙立群", Talent.Category.EXPERT, "武汉理工大学", "材料科学与工程", ""),
        ("郑文涛", Talent.Category.EXPERT, "湖北工业大学", "化工工艺", ""),
        ("何晓燕", Talent.Category.PATENT_ATTORNEY, "荆门楚天专利代理事务所", "化学、生物医药", "4200123456.7"),
        ("罗建国", Talent.Category.PATENT_ATTORNEY, "荆门楚天专利代理事务所", "机械、电学", "4200123789.2"),
        ("黄佳", Talent.Category.IP_PROFESSIONAL, enterprises[1].name, "专利运营", ""),
        ("林峰", Talent.Category.IP_PROFESSIONAL, enterprises[2].name, "知识产权管理", ""),
    ]
    for name, category, employer, speciality, number in talent:
        Talent.objects.update_or_create(
            category=category,
            name=name,
            employer=employer,
            defaults={
                "speciality": speciality,
                "qualification_number": number,
                "enterprise": next((e for e in enterprises if e.name == employer), None),
            },
        )
