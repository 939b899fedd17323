"""What asked for a recomputation, in the reader's language.

A RecomputeRun's (and a ValueChange's) `trigger` is written by the code that asks for the run, in
a fixed English form that scripts and the API can match (targets.tasks.request_recompute's
callers): ``import run 12 (patents)``, ``import patents FILE (command line)``, ``filing approval
7``, ``edit enterprises.Patent 42``, ``button (USER)``, ``holder alias``, ``nightly``, ``command``,
``seed_demo``, each possibly followed by `` (in request)`` when the queue could not be reached.
`trigger_label` turns it into a sentence for people; an unknown form is shown as it is.
"""

import re

from django.apps import apps
from django.utils.translation import gettext as _

IN_REQUEST = " (in request)"


def _kind_label(name: str) -> str:
    from core.importing import KINDS

    kind = KINDS.get(name)
    return str(kind.label) if kind else name


def _model_label(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def _label(text: str) -> str:
    fixed = {
        "nightly": _("nightly recomputation"),
        "task": _("scheduled recomputation"),
        "change": _("a record changed"),
        "command": _("command line (recompute_indicators)"),
        "manual": _("recomputation asked for directly"),
        "seed_demo": _("demo data loaded"),
        "holder alias": _("a holder name linked to an enterprise"),
    }
    if text in fixed:
        return fixed[text]
    if match := re.fullmatch(r"import run (\d+) \((\w+)\)", text):
        return _("import run %(number)s (%(kind)s)") % {"number": match[1], "kind": _kind_label(match[2])}
    if match := re.fullmatch(r"import (\w+) (.+) \(command line\)", text):
        return _("import of %(file)s (%(kind)s, command line)") % {"file": match[2], "kind": _kind_label(match[1])}
    if match := re.fullmatch(r"filing approval (\d+)", text):
        return _("approval of filing %(number)s") % {"number": match[1]}
    if match := re.fullmatch(r"edit (\w+\.\w+)(?: (\S+))?", text):
        return _("edit of %(record)s %(number)s") % {"record": _model_label(match[1]), "number": match[2] or ""}
    if match := re.fullmatch(r"button \((.*)\)", text):
        return _("recompute button (%(user)s)") % {"user": match[1]}
    return text


def trigger_label(trigger: str) -> str:
    """The trigger as a phrase in the active language, e.g. "import run 3 (patents)" → "导入批次 3（专利）"."""
    if trigger.endswith(IN_REQUEST):
        return _("%(trigger)s, run in the request") % {"trigger": _label(trigger[: -len(IN_REQUEST)])}
    return _label(trigger)
