"""Moving a filing or a claim from one review state to another: the timeline and the notices.

Every transition is one ReviewEvent (who, when, from, to, why). The other side is told, on the
portal and by e-mail (Django's mail backend; the console by default): an enterprise's move
notifies the officials, an official's move notifies the enterprise's members.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ipportal.coded import render, stored
from ipportal.roles import is_official

from .models import Attachment, Notification, ReviewEvent, ReviewState


class TransitionRefused(Exception):
    """Not allowed from the current state, for this user, or without what it needs."""


def move(
    subject, to_state: str, actor, comment: str = "", *, allowed_from, officials_only: bool, note: dict | None = None
) -> ReviewEvent:
    """Record the transition (the subject's state is saved with it) and notify the other side.
    `note` is what the portal itself says about the step, coded (ipportal.coded) to be read in any language."""
    if officials_only != is_official(actor):
        raise PermissionDenied
    if subject.state not in allowed_from:
        raise TransitionRefused(
            _("This cannot be done while it is %(state)s.") % {"state": subject.get_state_display()}
        )
    event = ReviewEvent.objects.create(
        subject=subject,
        from_state=subject.state,
        to_state=to_state,
        actor=actor,
        comment=comment.strip(),
        note=note or {},
    )
    subject.state = to_state
    subject.save()
    notify(event, subject, to_officials=not officials_only)
    return event


def officials():
    """The active officials (the office): members of the officials group and superusers."""
    users = get_user_model().objects.filter(is_active=True)
    return users.filter(Q(groups__name=settings.OFFICIALS_GROUP) | Q(is_superuser=True)).distinct()


def recipients(subject, to_officials: bool):
    """Who hears of a move: the officials, or the subject's side. A subject that is not an
    enterprise's (a member unit's plan or report) says who its side is with `review_recipients(users)`."""
    if to_officials:
        return officials()
    users = get_user_model().objects.filter(is_active=True)
    if hasattr(subject, "review_recipients"):
        return subject.review_recipients(users)
    return users.filter(membership__enterprise=subject.enterprise_id)


def notify(event: ReviewEvent, subject, *, to_officials: bool) -> None:
    people = list(recipients(subject, to_officials).exclude(pk=event.actor_id))
    Notification.objects.bulk_create(Notification(user=user, event=event, created_at=event.at) for user in people)
    addresses = [user.email for user in people if user.email]
    if not addresses:
        return
    with translation.override(settings.LANGUAGE_CODE):
        title = _("%(subject)s: %(state)s") % {"subject": subject, "state": event.get_to_state_display()}
        body = render_to_string("enterprises/email/review_event.txt", {"event": event, "subject": subject})
    messages = [(str(title), body, None, [address]) for address in addresses]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))


def rendered_in_site_language(message: dict | str) -> str:
    """A coded message as the e-mails are written: in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return render(message)


def announce(users, title: dict | str, body: str, url: str = "") -> int:
    """A plain notice (not a review step) to each user, on the portal and by e-mail. The title is a
    coded message (ipportal.coded), kept coded so that each reader reads it in their language and
    e-mailed in the site's language; the body is given ready in the language it is sent in.
    Returns how many users it reached."""
    people = list(users)
    kept = stored(title)
    if len(kept) > 300:  # a title too long for its column is kept as the site's text, cut
        kept = rendered_in_site_language(title)[:300]
    Notification.objects.bulk_create(Notification(user=user, title=kept, body=body, url=url) for user in people)
    title = rendered_in_site_language(title)
    link = f"{settings.SITE_URL.rstrip('/')}{url}" if url.startswith("/") else url
    text = f"{body}\n\n{link}\n" if link else body
    messages = [(title, text, None, [user.email]) for user in people if user.email]
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
    return len(people)


def attach(subject, files, user) -> None:
    for upload in files:
        Attachment.objects.create(
            subject=subject, file=upload, name=upload.name[:200], size=upload.size, uploaded_by=user
        )


def timeline(subject):
    return subject.events.select_related("actor")


OPEN = (ReviewState.SUBMITTED, ReviewState.UNDER_REVIEW)
