"""Demo users and roles, the park's enterprises and yearly figures; `seed` runs everything, idempotently."""

import random
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.db import transaction
from rest_framework.authtoken.models import Token

from enterprises.codes import CREDIT_CODE_ALPHABET, credit_code_check_char
from enterprises.models import (
    Enterprise,
    Industry,
    Membership,
)
from targets.models import MemberUnit, UnitMembership, YearlyFigure

from .park import seed_park_records
from .records import seed_records
from .supervision import seed_supervision

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
    head = _user("office_head", email="head@jmgxq.example", first_name="王主任")
    head.groups.set([officials])
    head.user_permissions.add(Permission.objects.get(codename="approve_figures", content_type__app_label="targets"))
    logins = [
        Login("superuser", admin.username, DEMO_PASSWORD, "/admin/"),
        Login("official", official.username, DEMO_PASSWORD),
        Login("office_head", head.username, DEMO_PASSWORD, "approves a year's figures"),
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
    seed_supervision(official, unit_user)
    return logins
