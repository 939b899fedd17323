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
