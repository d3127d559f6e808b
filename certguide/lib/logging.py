"""Logging helpers used by the LOGGING setting."""

from __future__ import annotations

import logging


class WithoutTraceback(logging.Filter):
    """Keep the message, drop the traceback: for expected noise such as scanners' Host headers."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
