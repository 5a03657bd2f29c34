"""Serve: the HTTP layer over a ``Service`` (current pipeline, background rebuilds), and the web page.

Modules: ``api`` (FastAPI app), ``service`` (``Service``, rebuilds, watch), ``suggest`` (example questions), ``web/``.
"""
