"""Messages the system writes and keeps (a payment note, why an import failed or a row was refused).

They are stored as a code, the message's English msgid, with its parameters, and rendered in the
reader's language when shown, so an English reader never sees the Chinese text of a message
written while a Chinese user was active, and the other way round. Text stored before, or written by
people, is shown as it is.
"""

from typing import Any

from django.utils.translation import gettext


def coded(msgid: str, **params: Any) -> dict:
    """A message to store: mark the msgid with gettext_noop so that it is translated."""
    return {"code": msgid, "params": {name: str(value) for name, value in params.items()}}


def render(message: Any) -> str:
    """A stored message in the active language; anything that is not a coded message, as text."""
    if isinstance(message, dict) and "code" in message:
        text = gettext(message["code"])
        params = message.get("params") or {}
        try:
            return text % params if params else text
        except (KeyError, ValueError, TypeError):
            return message["code"] % params if params else message["code"]
    return "" if message is None else str(message)
