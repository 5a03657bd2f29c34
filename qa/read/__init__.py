"""Read: find the answer span inside retrieved passages.

Modules: ``asked`` (a typed query as the plain question), ``question`` (analysis), ``rules`` (rule reader,
candidates, merge), ``span`` (span model), ``learned``.
"""
