import datetime
import itertools
import random

import factory
from django.contrib.auth.models import User

from enterprises.codes import CREDIT_CODE_ALPHABET, credit_code_check_char
from enterprises.models import Enterprise, Industry

_serial = itertools.count()


def valid_credit_code() -> str:
    rng = random.Random(next(_serial))
    body = "91420804" + "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    return body + credit_code_check_char(body)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("correct-horse-battery")


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    name = factory.Sequence(lambda n: f"荆门测试企业{n}有限公司")
    credit_code = factory.LazyFunction(valid_credit_code)
    industry = Industry.GREEN_CHEMICALS


_patent_serial = itertools.count(1)


def valid_patent_number(year: int = 2023, type_digit: str = "1") -> str:
    from enterprises.codes import patent_check_digit

    digits = f"{year}{type_digit}{next(_patent_serial):07d}"
    return f"{digits}.{patent_check_digit(digits)}"


class PatentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "enterprises.Patent"

    application_number = factory.LazyFunction(valid_patent_number)
    patent_type = "invention"
    title = factory.Sequence(lambda n: f"一种测试装置{n}")
    application_date = datetime.date(2023, 3, 1)
    grant_date = datetime.date(2024, 6, 1)
    legal_status = "valid"
    holder_name = factory.LazyAttribute(lambda p: p.enterprise.name if p.enterprise else "园区外单位")
    holder_credit_code = factory.LazyAttribute(lambda p: p.enterprise.credit_code if p.enterprise else "")
    enterprise = None


class TrademarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "enterprises.Trademark"

    registration_number = factory.Sequence(lambda n: str(20000000 + n))
    nice_class = 1
    mark = factory.Sequence(lambda n: f"商标{n}")
    registration_date = datetime.date(2022, 5, 1)
    expiry_date = datetime.date(2032, 4, 30)
    status = "valid"
    holder_name = factory.LazyAttribute(lambda t: t.enterprise.name if t.enterprise else "园区外单位")
    holder_credit_code = factory.LazyAttribute(lambda t: t.enterprise.credit_code if t.enterprise else "")
    enterprise = None


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "finance.Pledge"

    registration_number = factory.Sequence(lambda n: f"Y2025{n:06d}")
    pledgor_name = factory.LazyAttribute(lambda p: p.enterprise.name if p.enterprise else "园区外单位")
    pledgor_credit_code = factory.LazyAttribute(lambda p: p.enterprise.credit_code if p.enterprise else "")
    pledgee_name = "中国银行荆门分行"
    ip_type = "patent"
    amount = 5000000
    registration_date = datetime.date(2025, 3, 1)
    enterprise = None
