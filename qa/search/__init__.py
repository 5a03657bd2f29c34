"""Search: hybrid retrieval over a built index behind one backend contract.

Modules: ``contract`` (``SearchBackend``, hit assembly), ``fuse`` (RRF, weighted), ``local`` (FAISS + BM25), ``milvus``.
"""
