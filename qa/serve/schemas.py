"""The HTTP schemas and the one mapper from records to them, shared by the API and ``qa ask --json``."""

from __future__ import annotations

from dataclasses import asdict

from pydantic import BaseModel, ConfigDict, Field

from qa.index.store import BuildReport
from qa.records import Answer, Citation, Document, Hit, Response, Sentence
from qa.serve.service import RebuildStatus


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Limits (length, top_n range) are the pipeline's, from Settings, and come back as 400s.
    question: str = Field(description="The question, in plain words (at most `max_question_chars`).")
    top_n: int | None = Field(None, description="How many answers to return at most (default from settings).")
    documents: list[str] | None = Field(
        None,
        description="Search only these documents: ids or glob patterns such as `reports/2024-*.pdf` "
        "(a filter that matches no document is a 400).",
    )


class CitationOut(BaseModel):
    doc_id: str
    start: int
    end: int
    location: dict[str, int | str] = Field(
        default_factory=dict,
        description='Where the answer stands in the original file: `{"page": 3}` for a PDF, '
        '`{"heading": "Results > Table 2"}` for HTML, Word and Markdown; empty for plain text.',
    )


class ContextOut(BaseModel):
    text: str
    doc_id: str
    start: int
    end: int
    highlight_start: int = Field(description="Start of the answer inside `text`.")
    highlight_end: int


class SupportOut(BaseModel):
    text: str
    doc_id: str
    start: int
    end: int


class ScoresOut(BaseModel):
    retrieval: float = Field(description="The passage's fused retrieval score, relative to the best, in [0, 1].")
    sentence: float = Field(description="How well the answer's sentence matches the question, in [0, 1].")
    span: float = Field(description="The reader's own confidence in the span, in [0, 1].")
    reader: float = Field(description="The reader's raw score (span model: span minus no-answer logit margin).")
    passage: int = Field(description="Rank of the passage the answer came from (1 = best).")
    verifier: dict[str, float] = Field(
        description="Each feature of the answer check and its contribution to the log-odds of `score`."
    )


class AnswerOut(BaseModel):
    text: str
    score: float
    citation: CitationOut
    context: ContextOut
    scores: ScoresOut
    also_at: list[CitationOut]
    support: SupportOut | None = Field(
        default=None,
        description="The sentence that says what was asked when it is not the answer's own: the quotation whose "
        "speaker the answer names (for 'Who said …?'); null otherwise.",
    )


class PassageOut(BaseModel):
    doc_id: str
    chunk_id: int
    start: int
    end: int
    text: str
    score: float
    dense_rank: int | None
    dense_score: float | None
    bm25_rank: int | None
    bm25_score: float | None


class AskResponse(BaseModel):
    question: str
    asked: str = Field(
        description="The question as it was read and searched for: the same as `question`, or a plain form of it "
        '("Can you tell me who Hung is?" → "Who is Witman Hung Wai-man?").'
    )
    answers: list[AnswerOut]
    no_answer: bool
    evidence: SupportOut | None = Field(
        default=None,
        description="For a yes/no question, which no span of a document answers (`no_answer` is true): the "
        "sentence that bears on it, to read, when one holds its names and most of its terms; null otherwise.",
    )
    passages: list[PassageOut]
    timings_ms: dict[str, float]
    index_version: str


class HealthResponse(BaseModel):
    status: str
    documents: int
    chunks: int
    index_version: str
    index_built_at: str
    model: str
    rebuilding: bool = Field(description="Whether a rebuild is running now (the current index keeps serving).")
    fallback: str | None = Field(
        None, description="Set while an older index version serves because the current one is damaged."
    )
    worker: int = Field(0, description="The id of the process that answered (one of `qa serve --workers N`).")


class RebuildRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    full: bool = Field(False, description="Re-embed everything instead of reusing unchanged chunks.")


class BuildReportOut(BaseModel):
    version: str
    rebuilt: bool
    full: bool
    reason: str
    added: list[str]
    changed: list[str]
    removed: list[str]
    unchanged: int
    skipped: list[dict[str, str]]
    chunks: int
    embedded_texts: int
    reused_vectors: int
    seconds: float


class ProgressOut(BaseModel):
    phase: str = Field(description="reading, embedding or writing")
    done: int = Field(description="Texts embedded so far.")
    total: int = Field(description="Texts to embed in this rebuild (unchanged text reuses its vectors).")
    rate: float = Field(description="Texts embedded per second.")
    eta_seconds: float | None


class IndexStatusOut(BaseModel):
    state: str = Field(description="idle, running, succeeded, failed or cancelled (of the last rebuild).")
    trigger: str | None
    full: bool
    started_at: str | None
    finished_at: str | None
    error: str | None
    report: BuildReportOut | None
    progress: ProgressOut | None
    serving_version: str


class DocumentOut(BaseModel):
    doc_id: str = Field(description="The document's path inside the seeds folder (never a server path).")
    size: int
    sha256: str
    chunks: int
    format: str = Field(description="text, markdown, pdf, html or docx.")
    title: str = Field(
        description="From the PDF metadata, the HTML <title>, the Word core properties or the first heading."
    )
    pages: int = Field(description="Page count of a PDF (0 for other formats).")


class LocationOut(BaseModel):
    start: int = Field(description="The text from this offset on (to the next location) stands here.")
    page: int | None = None
    heading: str = ""


class DocumentTextOut(DocumentOut):
    text: str = Field(
        description="The document's text exactly as indexed (the extracted text for PDF, HTML and Word files); "
        "citations are offsets into it."
    )
    locations: list[LocationOut] = Field(description="Where each stretch of the text stands in the original file.")


class ErrorResponse(BaseModel):
    error: str
    detail: object | None = None


def index_status(rebuild: RebuildStatus, serving_version: str) -> IndexStatusOut:
    return IndexStatusOut(
        state=rebuild.state,
        trigger=rebuild.trigger,
        full=rebuild.full,
        started_at=rebuild.started_at,
        finished_at=rebuild.finished_at,
        error=rebuild.error,
        report=report_out(rebuild.report) if rebuild.report else None,
        progress=ProgressOut(**asdict(rebuild.progress)) if rebuild.progress else None,
        serving_version=serving_version,
    )


def report_out(report: BuildReport) -> BuildReportOut:
    return BuildReportOut(
        version=report.version,
        rebuilt=report.rebuilt,
        full=report.full,
        reason=report.reason,
        added=list(report.added),
        changed=list(report.changed),
        removed=list(report.removed),
        unchanged=len(report.unchanged),
        skipped=[{"path": s.path, "reason": s.reason} for s in report.skipped],
        chunks=report.chunks,
        embedded_texts=report.embedded_texts,
        reused_vectors=report.reused_vectors,
        seconds=round(report.seconds, 3),
    )


def to_response(response: Response) -> AskResponse:
    return AskResponse(
        question=response.question,
        asked=response.asked,
        answers=[answer_out(a) for a in response.answers],
        no_answer=response.no_answer,
        evidence=support_out(response.evidence) if response.evidence else None,
        passages=[passage_out(h) for h in response.passages],
        timings_ms=response.timings_ms,
        index_version=response.index_version,
    )


def answer_out(answer: Answer) -> AnswerOut:
    c, s = answer.citation, answer.context
    return AnswerOut(
        text=answer.text,
        score=answer.score,
        citation=citation_out(c),
        context=context_out(s, c.start, c.end),
        scores=ScoresOut(
            retrieval=answer.scores.retrieval,
            sentence=answer.scores.sentence,
            span=answer.scores.span,
            reader=answer.scores.reader,
            passage=answer.scores.passage,
            verifier=dict(answer.scores.verifier),
        ),
        also_at=[citation_out(o) for o in answer.also_at],
        support=None if answer.support is None else support_out(answer.support),
    )


def support_out(sentence: Sentence) -> SupportOut:
    return SupportOut(text=sentence.text, doc_id=sentence.doc_id, start=sentence.start, end=sentence.end)


def citation_out(citation: Citation) -> CitationOut:
    location = citation.location.as_dict() if citation.location else {}
    return CitationOut(doc_id=citation.doc_id, start=citation.start, end=citation.end, location=location)


def document_out(document: Document, chunks: int) -> DocumentOut:
    return DocumentOut(
        doc_id=document.doc_id,
        size=document.size,
        sha256=document.sha256,
        chunks=chunks,
        format=document.format,
        title=document.title,
        pages=document.pages,
    )


def document_text_out(document: Document, chunks: int) -> DocumentTextOut:
    return DocumentTextOut(
        **document_out(document, chunks).model_dump(),
        text=document.raw,
        locations=[LocationOut(start=loc.start, page=loc.page, heading=loc.heading) for loc in document.locations],
    )


def context_out(sentence: Sentence, start: int, end: int) -> ContextOut:
    return ContextOut(
        text=sentence.text,
        doc_id=sentence.doc_id,
        start=sentence.start,
        end=sentence.end,
        highlight_start=start - sentence.start,
        highlight_end=end - sentence.start,
    )


def passage_out(hit: Hit) -> PassageOut:
    chunk = hit.chunk
    return PassageOut(
        doc_id=chunk.doc_id,
        chunk_id=chunk.chunk_id,
        start=chunk.start,
        end=chunk.end,
        text=chunk.text,
        score=hit.score,
        dense_rank=hit.dense_rank,
        dense_score=hit.dense_score,
        bm25_rank=hit.bm25_rank,
        bm25_score=hit.bm25_score,
    )
