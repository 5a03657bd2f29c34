"""What the access log may say about a request: its path, a short query string, never a secret.

uvicorn logs every request line as it came, query string and all. A 60 KB question would fill the
log, and a token pasted into a URL would be kept there (the admin routes refuse it, but only after
it was logged). ``AccessLogFilter`` rewrites the logged path before the line is written.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl, urlencode

SECRET_KEYS = frozenset({"token", "access_token", "authorization", "key", "api_key", "apikey", "password", "secret"})
MAX_QUERY_CHARS = 200


def safe_path(full_path: str, max_query: int = MAX_QUERY_CHARS) -> str:
    """``full_path`` with secret query values replaced by ``***`` and the query cut to ``max_query`` characters."""
    path, sep, query = full_path.partition("?")
    if not sep:
        return path
    pairs = [(k, "***" if k.lower() in SECRET_KEYS else v) for k, v in parse_qsl(query, keep_blank_values=True)]
    cleaned = urlencode(pairs)
    if len(cleaned) > max_query:
        cleaned = f"{cleaned[:max_query]}…({len(query)} chars)"
    return f"{path}?{cleaned}"


class AccessLogFilter(logging.Filter):
    """Rewrites the path argument of uvicorn's access-log records (client, method, path, version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], safe_path(args[2]), *args[3:])
        return True


def install() -> None:
    """Add the filter to uvicorn's access logger (once); call before the server starts."""
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, AccessLogFilter) for f in logger.filters):
        logger.addFilter(AccessLogFilter())
