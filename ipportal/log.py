"""Logging filters (used by settings.LOGGING)."""

import logging


class RefusalsWithoutTraceback(logging.Filter):
    """A refused request (403 permission denied, 404 not found, other 4xx) is logged as its one line:
    the traceback of the exception that refused it says nothing an operator needs. Server errors (5xx)
    keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
