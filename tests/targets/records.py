"""Small builders for hand-computed indicator data sets."""

import datetime as dt
import itertools
from decimal import Decimal

from django.utils import timezone

from enterprises.codes import patent_check_digit
from enterprises.models import Filing, Patent, Trademark, default_expiry
from finance.models import IPTransaction, Pledge, PledgedItem, SupportItem

_serial = itertools.count(1)


def patent_number(year: int = 2020, type_digit: str = "1") -> str:
    digits = f"{year}{type_digit}{next(_serial):07d}"
    return f"{digits}.{patent_check_digit(digits)}"


def patent(
    enterprise, *, type_digit="1", granted=None, status="valid", lapsed=None, applied=dt.date(2020, 1, 1), **extra
):
    number = patent_number(applied.year, type_digit)
    patent_type = {"1": "invention", "8": "invention", "2": "utility_model", "9": "utility_model", "3": "design"}[
        type_digit
    ]
    return Patent.objects.create(
        application_number=number,
        patent_type=patent_type,
        pct_entry=type_digit in "89",
        title="一种测试方法",
        application_date=applied,
        grant_date=granted,
        legal_status=status,
        lapse_date=lapsed,
        holder_name=enterprise.name if enterprise else "园区外公司",
        holder_credit_code=enterprise.credit_code if enterprise else "",
        enterprise=enterprise,
        **extra,
    )


def trademark(
    enterprise, registered, *, number=None, nice_class=1, status="valid", expiry=None, gi=False, invalid_date=None
):
    return Trademark.objects.create(
        registration_number=number or str(next(_serial) + 10000000),
        nice_class=nice_class,
        mark="测试",
        registration_date=registered,
        expiry_date=expiry or default_expiry(registered),
        status=status,
        geographical_indication=gi,
        invalid_date=invalid_date,
        holder_name=enterprise.name if enterprise else "园区外公司",
        enterprise=enterprise,
    )


def pledge(enterprise, registered, amount_wan, *, ip_type="patent", numbers=()):
    record = Pledge.objects.create(
        registration_number=f"Y{next(_serial):08d}",
        pledgor_name=enterprise.name if enterprise else "园区外公司",
        enterprise=enterprise,
        pledgee_name="中国银行荆门分行",
        ip_type=ip_type,
        amount=Decimal(amount_wan) * 10000,
        registration_date=registered,
    )
    for position, number in enumerate(numbers):
        linked = Patent.objects.filter(application_number=number).first()
        PledgedItem.objects.create(pledge=record, number=number, position=position, patent=linked)
    return record


def deal(number: str, amount_wan, day: dt.date, enterprise=None) -> IPTransaction:
    """An IP transfer of the amount in 万元; with an enterprise, a park party."""
    return IPTransaction.objects.create(
        contract_number=number,
        kind="transfer",
        ip_type="patent",
        seller="甲",
        buyer="乙",
        enterprise=enterprise,
        amount=Decimal(str(amount_wan)) * 10000,
        contract_date=day,
    )


def support_item() -> SupportItem:
    """A fixed-amount support item open today, for claims."""
    today = timezone.localdate()
    return SupportItem.objects.create(
        year=today.year,
        name="资助",
        target="invention_grant",
        rule="fixed",
        fixed_amount=1,
        budget=10,
        opens_on=today,
        closes_on=today,
    )


def trademark_filing(enterprise, submitted_by, state: str = "submitted") -> Filing:
    """An enterprise's filing of a trademark registered on 1 May 2024 (class 9)."""
    return Filing.objects.create(
        enterprise=enterprise,
        kind=Filing.Kind.TRADEMARK,
        number="70000001",
        title="甲商标",
        event_date=dt.date(2024, 5, 1),
        submitted_by=submitted_by,
        state=state,
        nice_class=9,
    )
