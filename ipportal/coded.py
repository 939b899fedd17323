"""Messages the system writes and keeps (a payment note, why an import failed or a row was refused).

They are stored as a code, the message's English msgid, with its parameters, and rendered in the
reader's language when shown, so an English reader never sees the Chinese text of a message
written while a Chinese user was active, and the other way round. Text stored before, or written by
people, is shown as it is.

- In a JSONField the message is the dict itself (``coded``); in a text column it is that dict as
  JSON text (``stored``), which ``render`` recognises.
- A parameter that is itself translatable (a lazy msgid such as a kind's label) is kept coded too
  and translated when shown; whole numbers stay numbers (so ``%(count)d`` works); a list
  parameter (of text or coded messages) reads as its items joined by commas.
- A message pairing two names of one thing (a field's label and its header, ``coded_pair``) reads
  as the one name when both read the same in the reader's language.
- A Django ``ValidationError`` of a validator (``gettext_lazy`` message with params) becomes a
  coded message through ``from_validation_error``.
"""

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext, override


def msgid_of(text: Promise | str) -> str:
    """The untranslated msgid of a lazy translation (its text with no language active)."""
    with override(None):
        return str(text)


def _param(value: Any) -> Any:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, Promise):
        return {"code": msgid_of(value), "params": {}}
    if isinstance(value, dict) and "code" in value:
        return value
    if isinstance(value, list | tuple):
        return [_param(item) for item in value]
    return str(value)


def _rendered(value: Any) -> Any:
    if isinstance(value, dict):
        return render(value)
    if isinstance(value, list):
        return ", ".join(render(item) if isinstance(item, dict) else str(item) for item in value)
    return value


def coded(msgid: str, **params: Any) -> dict:
    """A message to store: mark the msgid with gettext_noop so that it is translated."""
    return {"code": msgid, "params": {name: _param(value) for name, value in params.items()}}


def coded_pair(msgid: str, **params: Any) -> dict:
    """Like coded(), for a message naming one thing twice ("%(label)s (%(header)s)": a field by its
    translated label and by its header): when every parameter reads the same in the reader's
    language, the message is that text alone, so the thing is not named twice."""
    return {**coded(msgid, **params), "pair": True}


def coded_plural(singular: str, plural: str, number: int, **params: Any) -> dict:
    """A message whose wording depends on a count (ngettext), stored like coded(); mark both with
    gettext_noop or as an ngettext_lazy pair in the source so that they are translated."""
    return {**coded(singular, **params), "plural": plural, "number": number}


def from_validation_error(error: ValidationError) -> dict | list[dict]:
    """A validator's refusal as a coded message (several as a list), rendered in the reader's language."""
    messages = [
        coded(msgid_of(item.message), **(item.params or {})) if isinstance(item.message, Promise) else str(item.message)
        for item in error.error_list
    ]
    return messages[0] if len(messages) == 1 else messages


def stored(message: dict | str) -> str:
    """A message for a text column: a coded message as JSON text, text as it is."""
    return json.dumps(message, ensure_ascii=False) if isinstance(message, dict) else message


def _parsed(text: str) -> Any:
    if text.startswith('{"code"'):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


def render(message: Any) -> str:
    """A stored message in the active language; anything that is not a coded message, as text."""
    if isinstance(message, str):
        message = _parsed(message)
    if isinstance(message, list):
        return " ".join(render(item) for item in message)
    if isinstance(message, dict) and "code" in message:
        if "plural" in message:
            text = ngettext(message["code"], message["plural"], message.get("number", 1))
        else:
            text = gettext(message["code"])
        params = {name: _rendered(value) for name, value in (message.get("params") or {}).items()}
        if message.get("pair") and len({str(value) for value in params.values()}) == 1:
            return str(next(iter(params.values())))
        try:
            return text % params if params else text
        except (KeyError, ValueError, TypeError):
            try:
                return message["code"] % params if params else message["code"]  # a translation that lost a parameter
            except (KeyError, ValueError, TypeError):
                return message["code"]
    return "" if message is None else str(message)
