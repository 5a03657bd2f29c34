"""The access log never keeps a secret or a huge query string."""

import logging

import uvicorn

from qa.serve import logs
from qa.serve.logs import AccessLogFilter, safe_path


def test_secret_values_are_masked_and_long_queries_cut():
    assert safe_path("/health") == "/health"
    assert safe_path("/index/rebuild?token=s3cret&full=1") == "/index/rebuild?token=%2A%2A%2A&full=1"
    long = safe_path("/ask?q=" + "x" * 60_000)
    assert len(long) < 300 and long.endswith("(60002 chars)")
    assert "s3cret" not in safe_path("/x?Access_Token=s3cret&API_KEY=s3cret")


def test_uvicorns_access_records_are_rewritten_after_its_logging_is_configured(caplog):
    uvicorn.Config(lambda scope, receive, send: None, log_level="info")  # configures uvicorn's loggers
    logs.install()
    logs.install()  # idempotent
    logger = logging.getLogger("uvicorn.access")
    assert sum(isinstance(f, AccessLogFilter) for f in logger.filters) == 1
    record = logger.makeRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/ask?q=hi&token=s3cret", "1.1", 200), None,
    )  # fmt: skip
    for f in logger.filters:
        f.filter(record)
    assert "s3cret" not in record.getMessage() and "/ask?q=hi" in record.getMessage()
