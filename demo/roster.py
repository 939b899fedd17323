"""The demo's IP staff roster, trainings with attendees, talents, certifications, pilots and honours."""

import datetime as dt
import random
from decimal import Decimal

from enterprises.models import (
    Certification,
    Enterprise,
    Honour,
    InnovationPilot,
)
from training.models import Attendance, Person, Talent, Training

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
