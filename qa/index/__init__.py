"""Index: chunk documents, embed chunks and sentences, and build, store and load versioned indexes.

Modules: ``chunk`` (sentences, chunks), ``embed`` (the ``Embedder`` protocol), ``bm25``, ``store`` (build and load).
"""
