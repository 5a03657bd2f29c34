"""Read: find the answer span inside retrieved passages.

Modules: ``question`` (analysis), ``rules`` (rule reader, candidates, merge), ``span`` (span model), ``learned``.
"""
