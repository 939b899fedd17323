"""The per-user cap on failed logins, which asks for an e-mailed unlock link instead of blocking.

django-axes locks a user name per address (AXES_LOCKOUT_PARAMETERS [["username", "ip_address"]],
the address from `ipportal.security.client_ip`): one address cannot try a password more than
AXES_FAILURE_LIMIT times in AXES_COOLOFF_TIME, and cannot lock the owner out from elsewhere.
Many addresses together are capped here: once a user name has failed LOGIN_USER_FAILURE_LIMIT
times within one cool-off window, from any addresses, a password alone no longer signs it in.
The login page then e-mails an unlock link to the account's address (at most one a window until
that link is used, so the cap cannot be used to flood a mailbox, nor to keep the owner out once a
link is spent); the browser that opens the link signs in with the
password as usual. The owner is never blocked outright; an attacker without the mailbox is.
The failures are counted in the shared store of `ipportal.ratelimit`, so every web process
sees the same count.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core import signing
from django.core.mail import send_mail
from django.dispatch import receiver
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from . import ratelimit

SALT = "ipportal.login-unlock"
SESSION_KEY = "login_unlocked"
LINK_VALID_SECONDS = 60 * 60


def _window_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs) -> None:
    """Each failed login (a wrong password, or a try from a locked address) counts for its user name."""
    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username")
    if username:
        ratelimit.count("login-user", username, _window_seconds())


def needs_unlock(request: HttpRequest, username: str) -> bool:
    """True when `username` has failed LOGIN_USER_FAILURE_LIMIT times in this window and this
    browser has not opened an unlock link for it."""
    failures = ratelimit.count("login-user", username, _window_seconds(), add=0)
    if failures < settings.LOGIN_USER_FAILURE_LIMIT:
        return False
    return username not in request.session.get(SESSION_KEY, [])


def send_unlock_link(request: HttpRequest, username: str) -> bool:
    """E-mail an unlock link to the active account named `username`: at most one a window for each
    link used (a used link lets the next one go out, so an attacker who keeps failing after the
    owner unlocked one browser cannot keep the owner out of another).

    Returns whether a mail went out. Says nothing to the caller's visitor either way, so the
    login page does not tell whether an account exists or has an address.
    """
    used = ratelimit.count("login-unlocked", username, _window_seconds(), add=0)
    if not ratelimit.hit("unlock-mail", f"{username}:{used}", 1, _window_seconds()):
        return False
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None or not user.email:
        return False
    token = signing.dumps({"u": user.pk, "n": secrets.token_urlsafe(8)}, salt=SALT)
    link = request.build_absolute_uri(reverse("login-unlock", args=[token]))
    body = _(
        "Someone has tried to sign in to your account %(username)s many times with a wrong password, from "
        "several places, so a password alone no longer signs it in for now.\n\n"
        "If that was you, or to sign in anyway, open this link in the browser you sign in with (it works "
        "once, for one hour), then sign in with your password:\n\n%(link)s\n\n"
        "If it was not you, your password is still safe as long as it is not guessable; consider changing it."
    ) % {"username": username, "link": link}
    send_mail(_("Unlock signing in to the IP portal"), body, None, [user.email])
    return True


def unlock(request: HttpRequest, token: str) -> str | None:
    """Use an unlock link's token: the user name it unlocks in this browser's session, or None when
    the token is forged, expired or already used."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_VALID_SECONDS)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or not ratelimit.use_once("login-unlock", token, LINK_VALID_SECONDS):
        return None
    username = user.get_username()
    ratelimit.count("login-unlocked", username, _window_seconds())
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), username]
    return username
