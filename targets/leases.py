"""Leases of the documents a Celery task makes (targets.models.GeneratedFiles: the annual report,
the dossier). A document is leased to the process making it: for TASK_QUEUED_LEASE_SECONDS after
it is asked for (the broker may hold it that long), then for TASK_RUNNING_LEASE_SECONDS after
each step. One still queued or being made past its lease lost that process (killed, restarted):
`find_lost` fails it with `worker_lost`, and its page offers to make it again."""

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from ipportal.coded import coded, stored

from .models.reports import GeneratedFiles

logger = logging.getLogger(__name__)


def lease(seconds: int) -> dt.datetime:
    """The end of a lease starting now."""
    return timezone.now() + dt.timedelta(seconds=seconds)


def queued_lease() -> dt.datetime:
    """The lease of a document just asked for, while it waits for a worker."""
    return lease(settings.TASK_QUEUED_LEASE_SECONDS)


def find_lost(candidates: QuerySet) -> int:
    """Fail the documents of `candidates` (a queryset of a GeneratedFiles model) still queued or
    being made past their lease (or, without one, queued longer than the queued lease), marked as
    lost by their process; returns how many."""
    now = timezone.now()
    queued_since = now - dt.timedelta(seconds=settings.TASK_QUEUED_LEASE_SECONDS)
    active = (GeneratedFiles.State.QUEUED, GeneratedFiles.State.RUNNING)
    return candidates.filter(
        Q(lease_until__lt=now) | Q(lease_until=None, created_at__lt=queued_since), state__in=active
    ).update(state=GeneratedFiles.State.FAILED, worker_lost=True, finished_at=now)


def start(document: GeneratedFiles) -> None:
    """Mark the document as being made by this process, leased for one step."""
    document.state, document.progress, document.worker_lost = GeneratedFiles.State.RUNNING, 5, False
    document.lease_until = lease(settings.TASK_RUNNING_LEASE_SECONDS)
    document.save(update_fields=["state", "progress", "worker_lost", "lease_until"])


def step(document: GeneratedFiles, progress: int) -> None:
    """Record the progress (per cent) and renew the lease for the next step."""
    document.progress = progress
    document.lease_until = lease(settings.TASK_RUNNING_LEASE_SECONDS)
    type(document).objects.filter(pk=document.pk).update(progress=progress, lease_until=document.lease_until)


def make_files(
    document: GeneratedFiles,
    content: Callable[[], Any],
    files: Iterable[tuple[str, str, int, Callable[[Any], bytes]]],
) -> GeneratedFiles:
    """Make a document's files in this process, in the portal's language (Chinese): `content()`
    gathers what they show, then each (file field, file name, progress per cent, render) of `files`
    renews the lease, renders the content to bytes and saves it. The document ends done; a failure
    is logged with its traceback and recorded on it as failed, not raised. Its message is a coded
    one (ipportal.coded) naming a reference that the log line carries too: the error's own text
    can name files, fonts or values, and is for the log only."""
    start(document)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            gathered = content()
            for field_name, name, progress, render in files:
                step(document, progress)
                getattr(document, field_name).save(name, ContentFile(render(gathered)), save=False)
        document.state, document.progress, document.finished_at = GeneratedFiles.State.DONE, 100, timezone.now()
        document.save()
    except Exception:
        reference = f"{document._meta.model_name}-{document.pk}"
        logger.exception("%s %s failed (reference %s)", type(document).__name__, document.pk, reference)
        document.message = stored(
            coded(
                gettext_noop("The file could not be made; the error was logged (reference %(reference)s)."),
                reference=reference,
            )
        )
        document.state, document.finished_at = GeneratedFiles.State.FAILED, timezone.now()
        document.save(update_fields=["state", "message", "finished_at"])
    return document
