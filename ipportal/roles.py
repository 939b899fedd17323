"""The portal's roles, all built on Django's users and groups.

- official: member of the officials group (or a superuser): all park data, read and write.
- enterprise user: has a Membership; sees and changes only that enterprise's data.
- member unit: has a UnitMembership; sees and reports on its own key tasks of the plan only.
- API client: member of the api_clients group; reads all park data through the API only.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def _in_group(user, name: str) -> bool:
    if not user.is_authenticated:
        return False
    cache = getattr(user, "_portal_groups", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._portal_groups = cache
    return name in cache


def _membership(user, relation: str, target: str):
    """The user's row of a one-to-one membership model, reached through the user model's reverse
    relation `relation` (enterprises.Membership is "membership", targets.UnitMembership
    "unit_membership"), with its `target` joined in the same query; None when there is none.
    The roles stay below the domain apps: this module names their relations, not their models."""
    model = user._meta.get_field(relation).related_model
    return model.objects.select_related(target).filter(user=user).first()


def is_official(user: AbstractBaseUser | AnonymousUser) -> bool:
    return user.is_authenticated and (user.is_superuser or _in_group(user, settings.OFFICIALS_GROUP))


def is_api_client(user: AbstractBaseUser | AnonymousUser) -> bool:
    return _in_group(user, settings.API_CLIENTS_GROUP)


def has_web_pages(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether a signed-in user may use a web session. API clients read through the API with a
    token only, unless they also hold a role with pages; a user linked to nothing yet keeps the
    page that says so."""
    if not is_api_client(user):
        return True
    return is_official(user) or enterprise_of(user) is not None or unit_of(user) is not None


def sees_all_park_data(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Officials and API clients read every enterprise's records."""
    return is_official(user) or is_api_client(user)


def enterprise_of(user: AbstractBaseUser | AnonymousUser):
    """The enterprise an enterprise user belongs to, or None."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_portal_enterprise"):
        membership = _membership(user, "membership", "enterprise")
        user._portal_enterprise = membership.enterprise if membership else None
    return user._portal_enterprise


def unit_of(user: AbstractBaseUser | AnonymousUser):
    """The member unit of the leading group a user reports for, or None."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_portal_unit"):
        membership = _membership(user, "unit_membership", "unit")
        user._portal_unit = membership.unit if membership else None
    return user._portal_unit


def role_of(user: AbstractBaseUser | AnonymousUser) -> str:
    if not user.is_authenticated:
        return "anonymous"
    if is_official(user):
        return "official"
    if enterprise_of(user) is not None:
        return "enterprise"
    if unit_of(user) is not None:
        return "member_unit"
    if is_api_client(user):
        return "api_client"
    return "none"
