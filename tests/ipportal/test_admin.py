"""The Django admin is usable by superusers for every model, in both languages."""

import pytest
from django.contrib import admin
from django.urls import reverse

from ..factories import UserFactory

pytestmark = pytest.mark.django_db
PORTAL_APPS = {"enterprises", "finance", "targets", "training", "enforcement"}


def portal_models():
    from django.apps import apps

    return [m for m in apps.get_models() if m._meta.app_label in PORTAL_APPS and not m._meta.auto_created]


def test_every_portal_model_is_in_the_admin_with_a_list_display():
    missing = [m._meta.label for m in portal_models() if m not in admin.site._registry]
    helper_only = {
        "enterprises.Membership",
        "training.Attendance",
        "enforcement.SurveyResponse",
        "finance.PledgedItem",
        "finance.ClaimLine",
    }
    assert set(missing) <= helper_only, missing
    bare = [
        m._meta.label
        for m, ma in admin.site._registry.items()
        if m._meta.app_label in PORTAL_APPS and tuple(ma.list_display) == ("__str__",)
    ]
    assert bare == []


@pytest.mark.parametrize("language, word", [("zh-hans", "修改"), ("en", "Change")])
def test_superuser_opens_every_changelist_and_search(client, reference_data, language, word):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PORTAL_APPS:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        query = "?q=荆门" if model_admin.search_fields else ""
        response = client.get(url + query, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, (model._meta.label, response.status_code)
        assert word in response.content.decode(), model._meta.label
