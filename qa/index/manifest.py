"""The typed manifest of an index version: what was built, from what, with which settings and checksums."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from qa.config import Settings

FORMAT_VERSION = 2  # 2: BM25's weighted matrix and vocabulary are stored, not rebuilt at load
TOKENIZER = "terms-v1"


@dataclass(frozen=True)
class DocumentEntry:
    sha256: str
    size: int
    chunks: int


@dataclass(frozen=True)
class Manifest:
    format_version: int
    version: str
    created_at: str
    model: str
    dim: int
    chunking: dict[str, int]
    dense: dict[str, Any]
    bm25: dict[str, Any]
    counts: dict[str, int]
    documents: dict[str, DocumentEntry]
    files: dict[str, str]  # file name → sha256
    skipped: list[dict[str, str]] = field(default_factory=list)
    libraries: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        """From the parsed ``manifest.json``; a missing or mistyped field raises ``KeyError``/``TypeError``."""
        values = dict(data)
        values["documents"] = {doc_id: DocumentEntry(**entry) for doc_id, entry in data["documents"].items()}
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def mismatch(manifest: Manifest, settings: Settings, model: str, dim: int | None) -> str | None:
    """Why an index built under ``manifest`` cannot serve or be updated under these settings (None: it can)."""
    if manifest.format_version != FORMAT_VERSION:
        return f"index format changed ({manifest.format_version} → {FORMAT_VERSION})"
    if manifest.model != model:
        return f"embedding model changed ({manifest.model} → {model})"
    if dim is not None and manifest.dim != dim:
        return f"embedding dimension changed ({manifest.dim} → {dim})"
    if manifest.chunking != settings.chunking:
        return f"chunking parameters changed ({manifest.chunking} → {settings.chunking})"
    built = manifest.dense.get("chunk_vectors", "embedded")
    if built != settings.chunk_vectors:
        return f"chunk vectors changed ({built} → {settings.chunk_vectors})"
    if manifest.bm25.get("tokenizer") != TOKENIZER:
        return "BM25 tokenizer changed"
    return None
