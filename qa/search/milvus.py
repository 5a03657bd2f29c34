"""The Milvus backend: the same hybrid retrieval (dense + BM25, fused by RRF or weights) run by Milvus.

Each chunk is one row: a stable 63-bit key, ``doc_id``, the document's sha256, raw offsets, the
text and its dense vector. Milvus turns the text into BM25 sparse vectors itself (a ``Function`` of
type BM25 on an analyzed text field) and fuses both legs with ``hybrid_search``. Milvus Lite (a local
file, ``pip install pymilvus milvus-lite``) runs in-process; a cluster is a change of URI and token.

The chunk table, the documents' text and the sentence vectors stay in the local index: hits are
mapped back to its ``Chunk`` records by key, so the reader works unchanged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from qa.config import Settings
from qa.errors import ConfigError
from qa.index.embed import Embedder
from qa.index.store import Index
from qa.records import Chunk
from qa.search.contract import Searched, SyncReport, assemble_hits, document_changes

log = logging.getLogger("qa.search.milvus")

MAX_TEXT = 65_535
BATCH = 512


def bm25_score(distance: float) -> float:
    """Milvus Lite reports BM25 relevance negated (as a distance); servers report it positive."""
    return abs(float(distance))


def chunk_key(chunk: Chunk) -> int:
    """A stable primary key from the chunk's place and text (63 bits, positive)."""
    digest = hashlib.blake2b(f"{chunk.doc_id}\0{chunk.start}\0{chunk.end}\0{chunk.text}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big") >> 1


class MilvusBackend:
    name = "milvus"

    def __init__(self, embedder: Embedder, settings: Settings) -> None:
        try:
            from pymilvus import MilvusClient
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError("the Milvus backend needs `pip install pymilvus milvus-lite`") from exc
        self.embedder = embedder
        self.settings = settings
        self.collection = settings.milvus_collection
        uri = settings.milvus_uri or str(settings.index_dir / "milvus.db")
        if "://" not in uri:
            settings.index_dir.mkdir(parents=True, exist_ok=True)
        self.client = MilvusClient(uri=uri, token=settings.milvus_token or "")
        self.index: Index | None = None
        self._chunks: dict[int, Chunk] = {}
        self._ensure_collection(embedder.dim)

    # --------------------------------------------------------------------------- collection

    def _ensure_collection(self, dim: int) -> None:
        from pymilvus import DataType, Function, FunctionType

        description = json.dumps({"model": self.embedder.name, "dim": dim, "analyzer": self._analyzer()})
        if self.client.has_collection(self.collection):
            if self.client.describe_collection(self.collection).get("description") == description:
                return
            self.client.drop_collection(self.collection)  # another model or analyzer: start over
        schema = self.client.create_schema(auto_id=False, description=description)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=1024)
        schema.add_field("doc_sha256", DataType.VARCHAR, max_length=64)
        schema.add_field("start", DataType.INT64)
        schema.add_field("end", DataType.INT64)
        schema.add_field(
            "text", DataType.VARCHAR, max_length=MAX_TEXT, enable_analyzer=True, analyzer_params=self._analyzer()
        )
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(
            Function(
                name="bm25", function_type=FunctionType.BM25, input_field_names=["text"], output_field_names=["sparse"]
            )
        )
        params = self.client.prepare_index_params()
        params.add_index("dense", index_type=self.settings.milvus_dense_index, metric_type="IP")
        params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
        self.client.create_collection(self.collection, schema=schema, index_params=params)

    def _analyzer(self) -> dict[str, Any]:
        try:
            return json.loads(self.settings.milvus_analyzer)
        except ValueError as exc:
            raise ConfigError(f"milvus_analyzer is not valid JSON: {exc}") from exc

    # --------------------------------------------------------------------------------- sync

    def held_documents(self) -> dict[str, str]:
        """``doc_id → sha256`` of what the collection holds now."""
        # An iterator, not one query: a plain query stops at Milvus's result window (16,384 rows).
        iterator = self.client.query_iterator(
            self.collection, batch_size=1000, filter="id >= 0", output_fields=["doc_id", "doc_sha256"]
        )
        held: dict[str, str] = {}
        try:
            while batch := iterator.next():
                held.update((row["doc_id"], row["doc_sha256"]) for row in batch)
        finally:
            iterator.close()
        return held

    def sync(self, index: Index) -> SyncReport:
        replace, delete, unchanged = document_changes(self.held_documents(), index)
        by_doc: dict[str, list[int]] = {}
        for row, chunk in enumerate(index.chunks):
            by_doc.setdefault(chunk.doc_id, []).append(row)
        for doc_id in delete:
            self.delete_document(doc_id)
        for doc_id in replace:
            rows = by_doc.get(doc_id, [])
            self.replace_document(
                doc_id, index.documents[doc_id].sha256, [index.chunks[r] for r in rows], index.chunk_vectors[rows]
            )
        if replace or delete:
            self.client.flush(self.collection)
        self.index = index
        self._chunks = {chunk_key(chunk): chunk for chunk in index.chunks}
        log.info("milvus sync: %d replaced, %d deleted, %d unchanged", len(replace), len(delete), unchanged)
        return SyncReport(tuple(replace), tuple(delete), unchanged)

    def replace_document(self, doc_id: str, sha256: str, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Delete the document's rows, then insert its chunks (flushed by ``sync``)."""
        self.delete_document(doc_id)
        rows = [
            {
                "id": chunk_key(chunk),
                "doc_id": doc_id,
                "doc_sha256": sha256,
                "start": chunk.start,
                "end": chunk.end,
                "text": chunk.text[:MAX_TEXT],
                "dense": vector.astype(np.float32).tolist(),
            }
            for chunk, vector in zip(chunks, vectors, strict=True)
        ]
        for first in range(0, len(rows), BATCH):
            self.client.insert(self.collection, rows[first : first + BATCH])

    def delete_document(self, doc_id: str) -> None:
        self.client.delete(self.collection, filter=f"doc_id == {json.dumps(doc_id)}")

    # ------------------------------------------------------------------------------- search

    def search(
        self, question: str, k: int, vector: np.ndarray | None = None, only: frozenset[str] | None = None
    ) -> Searched:
        from pymilvus import AnnSearchRequest, RRFRanker, WeightedRanker

        if self.index is None:
            raise ConfigError("the Milvus backend has not been synced with an index yet")
        timings: dict[str, float] = {}
        started = time.perf_counter()
        if vector is None:
            vector = self.embedder.encode([question])[0]
            timings["embed"] = _ms(started)
        n = self.settings.candidates_per_retriever
        dense_leg = {"data": [vector.astype(np.float32).tolist()], "anns_field": "dense", "limit": n}
        sparse_leg = {"data": [question], "anns_field": "sparse", "limit": n}
        dense_params, sparse_params = {"metric_type": "IP"}, {"metric_type": "BM25"}
        # A document filter is a boolean expression on the doc_id field, applied inside each leg's search.
        expr = "" if only is None else f"doc_id in {json.dumps(sorted(only))}"
        if self.settings.fusion == "rrf":
            ranker = RRFRanker(self.settings.rrf_k)
        else:
            ranker = WeightedRanker(self.settings.dense_weight, 1 - self.settings.dense_weight)
        started = time.perf_counter()
        fused = self.client.hybrid_search(
            self.collection,
            [
                AnnSearchRequest(param=dense_params, expr=expr or None, **dense_leg),
                AnnSearchRequest(param=sparse_params, expr=expr or None, **sparse_leg),
            ],
            ranker=ranker,
            limit=k,
        )[0]
        timings["hybrid"] = _ms(started)
        # Each leg again, for the ranks and scores every Hit carries.
        started = time.perf_counter()
        dense = [
            (r["id"], float(r["distance"]))
            for r in self.client.search(self.collection, search_params=dense_params, filter=expr, **dense_leg)[0]
        ]
        sparse = [
            (r["id"], bm25_score(r["distance"]))
            for r in self.client.search(self.collection, search_params=sparse_params, filter=expr, **sparse_leg)[0]
        ]
        timings["legs"] = _ms(started)
        hits = assemble_hits(
            [(r["id"], float(r["distance"])) for r in fused], dense, sparse, lambda key: self._chunks.get(key)
        )
        return Searched(tuple(hits), timings)

    def stats(self) -> dict[str, object]:
        stats = self.client.get_collection_stats(self.collection)
        return {
            "backend": self.name,
            "collection": self.collection,
            "chunks": int(stats.get("row_count", 0)),
            "documents": len(self.held_documents()),
        }


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
