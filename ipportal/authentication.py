"""Token authentication for the API with the token → user lookup kept in the cache.

The city and province systems poll the indicator API with a token; without the cache every call
costs two queries (the token with its user, then the user's groups) before any work is done.
A cached entry lives TOKEN_CACHE_SECONDS and is dropped at once when the token is deleted (how a
token is revoked), or when its user, the user's groups (changed from the user's side or the
group's), a group itself (renamed or deleted) or the user's membership change. That only reaches
every process when they share the cache (Redis): with a per-process cache the settings turn the
token cache off (TOKEN_CACHE_SECONDS = 0), so a token revoked in one process is refused at once
by all the others too.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from .roles import enterprise_of, unit_of


def _key(token_key: str) -> str:
    return "auth:token:" + hashlib.sha256(token_key.encode()).hexdigest()


class CachedTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        if not settings.TOKEN_CACHE_SECONDS:
            return super().authenticate_credentials(key)
        cache_key = _key(key)
        user = cache.get(cache_key)
        if user is not None:
            return user, key
        user, token = super().authenticate_credentials(key)
        # Resolve the roles now, so the cached user answers is_official / enterprise_of without queries.
        user._portal_groups = set(user.groups.values_list("name", flat=True))
        enterprise_of(user)
        unit_of(user)
        cache.set(cache_key, user, settings.TOKEN_CACHE_SECONDS)
        return user, token


def forget_user(user_id: int) -> None:
    """Drop the cached token lookups of one user (its roles or state changed)."""
    forget_users([user_id])


def forget_users(user_ids) -> None:
    """Drop the cached token lookups of these users."""
    keys = [_key(key) for key in Token.objects.filter(user_id__in=list(user_ids)).values_list("key", flat=True)]
    if keys:
        cache.delete_many(keys)


@receiver(post_delete, sender=Token)
def _token_deleted(sender, instance, **kwargs):
    cache.delete(_key(instance.key))


@receiver(post_save, sender=get_user_model())
def _user_saved(sender, instance, **kwargs):
    forget_user(instance.pk)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A user's groups changed, from the user's side (user.groups) or the group's
    (group.user_set.add/remove/clear, as scripts and bulk tools do): forget every user touched."""
    if not reverse:
        forget_user(instance.pk)
    elif action == "pre_clear":  # the members are gone after the clear: read them first
        forget_users(instance.user_set.values_list("pk", flat=True))
    elif pk_set:
        forget_users(pk_set)


@receiver(pre_delete, sender=Group)
@receiver(post_save, sender=Group)
def _group_changed(sender, instance, **kwargs):
    """A group deleted (its memberships go with it, without m2m signals) or renamed (roles are
    group names): its members' roles change."""
    if instance.pk:
        forget_users(instance.user_set.values_list("pk", flat=True))


def _membership_changed(sender, instance, **kwargs):  # connected in IpportalConfig.ready()
    forget_user(instance.user_id)
