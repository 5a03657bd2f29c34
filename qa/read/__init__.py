"""Read: find the answer span inside retrieved passages.

Modules: ``asked`` (a typed query as the plain question), ``question`` (analysis), ``sentences`` (ranking),
``base`` (Reader, citation check, merge), ``rules`` (rule reader, typed candidates), ``span`` (span model),
``learned`` (the learned reader), ``names`` (names and sentences in a text), ``posts`` (posts and their holders),
``premise`` (what a question takes as given), ``shape`` (spans shaped and checked), ``units``, ``speakers``,
``credits``, ``verify`` (the answer check).
"""
