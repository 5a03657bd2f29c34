"""The HTTP service: a thin FastAPI shell over ``Pipeline``. Core errors become 4xx here only."""

from __future__ import annotations

import hmac
import logging
import os
import threading
import uuid
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from qa.errors import InvalidRequestError, RebuildInProgressError
from qa.ingest.files import SkipFile, read_source
from qa.pipeline import Pipeline
from qa.records import Document
from qa.serve.schemas import (
    AskRequest,
    AskResponse,
    DocumentOut,
    DocumentTextOut,
    ErrorResponse,
    HealthResponse,
    IndexStatusOut,
    RebuildRequest,
    document_out,
    document_text_out,
    index_status,
    to_response,
)
from qa.serve.service import Service
from qa.serve.suggest import suggest_questions

WEB = Path(__file__).parent / "web"
log = logging.getLogger("qa.serve.api")


def current_service(request: Request) -> Service:
    return request.app.state.service


def current_pipeline(request: Request) -> Pipeline:
    """The pipeline serving now; a rebuild swaps it on the service in one assignment."""
    return request.app.state.service.pipeline


def require_admin(
    request: Request,
    service: Annotated[Service, Depends(current_service)],
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """Bearer-token check for the admin routes; they are off while no token is configured.

    A token in the query string is refused: query strings end up in access logs and browser history.
    """
    if any(key.lower() in ("token", "access_token", "authorization", "key") for key in request.query_params):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "send the token in the Authorization header, never the URL")
    expected = service.settings.admin_token
    if not expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "rebuilding over HTTP is disabled: set QA_ADMIN_TOKEN")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "send the admin token as 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the admin token is wrong")


PipelineDep = Annotated[Pipeline, Depends(current_pipeline)]
ServiceDep = Annotated[Service, Depends(current_service)]


def create_app(target: Pipeline | Service) -> FastAPI:
    app = FastAPI(
        title="qa",
        summary="Answers questions over a folder of documents with exact, cited spans.",
        version="0.1.0",
    )
    app.state.service = target if isinstance(target, Service) else Service(target)
    app.state.suggestions = ("", [])
    _install_error_handlers(app)
    _install_load_shedding(app, app.state.service.settings.max_pending)
    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB / "index.html")

    @app.get("/view/{doc_id:path}", include_in_schema=False)
    def view_page(doc_id: str) -> FileResponse:
        return FileResponse(WEB / "index.html")

    @app.post(
        "/ask", response_model=AskResponse, responses={400: {"model": ErrorResponse}, 422: {"model": ErrorResponse}}
    )
    def ask(body: AskRequest, pipeline: PipelineDep, service: ServiceDep) -> Response:
        """Answer a question with cited spans, or say there is no answer."""
        with service.answering():
            return _json(to_response(pipeline.ask(body.question, body.top_n, documents=body.documents)))

    @app.get(
        "/ask", response_model=AskResponse, responses={400: {"model": ErrorResponse}, 422: {"model": ErrorResponse}}
    )
    def ask_get(
        pipeline: PipelineDep,
        service: ServiceDep,
        q: Annotated[str, Query(description="The question.")],
        top_n: Annotated[int | None, Query(description="How many answers to return at most.")] = None,
        documents: Annotated[
            list[str] | None, Query(description="Search only these documents (ids or glob patterns; repeatable).")
        ] = None,
    ) -> Response:
        """Answer a question given as the `q` query parameter."""
        with service.answering():
            return _json(to_response(pipeline.ask(q, top_n, documents=documents)))

    @app.get("/health", response_model=HealthResponse)
    def health(pipeline: PipelineDep, service: ServiceDep) -> HealthResponse:
        """Service status and what the loaded index holds."""
        manifest = pipeline.index.manifest
        return HealthResponse(
            status="degraded" if service.fallback else "ok",
            documents=manifest.counts["documents"],
            chunks=manifest.counts["chunks"],
            index_version=manifest.version,
            index_built_at=manifest.created_at,
            model=manifest.model,
            rebuilding=service.status().running,
            fallback=service.fallback,
            worker=os.getpid(),
        )

    @app.get("/index/status", response_model=IndexStatusOut)
    def index_status_route(service: ServiceDep) -> IndexStatusOut:
        """The outcome of the last rebuild, or the progress of the one running."""
        return index_status(service.status(), service.pipeline.index.version)

    @app.post(
        "/index/rebuild",
        status_code=status.HTTP_202_ACCEPTED,
        response_model=IndexStatusOut,
        dependencies=[Depends(require_admin)],
        responses={401: {"model": ErrorResponse}, 403: {"model": ErrorResponse}, 409: {"model": ErrorResponse}},
    )
    def rebuild(service: ServiceDep, body: RebuildRequest | None = None) -> IndexStatusOut:
        """Rebuild the index from the seeds folder in the background (needs the admin token)."""
        started = service.rebuild(full=bool(body and body.full), trigger="api")
        return index_status(started, service.pipeline.index.version)

    @app.delete(
        "/index/rebuild",
        response_model=IndexStatusOut,
        status_code=202,
        dependencies=[Depends(require_admin)],
        responses={401: {"model": ErrorResponse}, 403: {"model": ErrorResponse}, 409: {"model": ErrorResponse}},
    )
    def cancel_rebuild(service: ServiceDep) -> IndexStatusOut:
        """Cancel the running rebuild at its next batch; the current index keeps serving (409 if none runs)."""
        return index_status(service.cancel(), service.pipeline.index.version)

    @app.get("/documents", response_model=list[DocumentOut])
    def documents(pipeline: PipelineDep) -> list[DocumentOut]:
        """The documents in the loaded index."""
        entries = pipeline.index.manifest.documents
        return [document_out(d, entries[d.doc_id].chunks) for d in pipeline.index.documents.values()]

    @app.get(
        "/documents/{doc_id:path}/source",
        response_class=Response,
        responses={404: {"model": ErrorResponse}, 409: {"model": ErrorResponse}},
    )
    def document_source(doc_id: str, pipeline: PipelineDep) -> Response:
        """The original file of an indexed document, with its content type (as it was indexed)."""
        d = _indexed(pipeline, doc_id)
        try:
            data = read_source(pipeline.settings.seeds_dir, d.doc_id, d.sha256)
        except SkipFile as exc:
            raise HTTPException(status.HTTP_409_CONFLICT, f"the source of {d.doc_id!r} is {exc}") from exc
        headers = {
            # A saved web page is somebody else's HTML: it may be looked at, never run as part of this site.
            "Content-Security-Policy": "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
            "X-Content-Type-Options": "nosniff",
            "Content-Disposition": f"inline; filename*=UTF-8''{quote(Path(d.doc_id).name)}",
        }
        return Response(data, media_type=media_type(d.doc_id), headers=headers)

    @app.get("/documents/{doc_id:path}", response_model=DocumentTextOut, responses={404: {"model": ErrorResponse}})
    def document(doc_id: str, pipeline: PipelineDep) -> DocumentTextOut:
        """One indexed document with its full text and locations (by document id, never by file path)."""
        d = _indexed(pipeline, doc_id)
        return document_text_out(d, pipeline.index.manifest.documents[doc_id].chunks)

    @app.get("/suggestions", response_model=list[str])
    def suggestions(request: Request, pipeline: PipelineDep) -> list[str]:
        """Example questions about the current documents that the service can answer."""
        version, questions = request.app.state.suggestions
        if version != pipeline.index.version:
            questions = suggest_questions(pipeline)
            request.app.state.suggestions = (pipeline.index.version, questions)
        return questions

    return app


def _indexed(pipeline: Pipeline, doc_id: str) -> Document:
    d = pipeline.index.documents.get(doc_id)
    if d is None:
        shown = doc_id if len(doc_id) <= 200 else doc_id[:200] + "…"  # never echo a huge id back
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no document {shown!r} in the index; see GET /documents")
    return d


def media_type(doc_id: str) -> str:
    suffix = Path(doc_id).suffix.lower()
    return _MEDIA_TYPES.get(suffix, "application/octet-stream")


_MEDIA_TYPES = {
    ".txt": "text/plain; charset=utf-8",
    ".text": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".markdown": "text/markdown; charset=utf-8",
    ".pdf": "application/pdf",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _json(model: AskResponse) -> Response:
    """The response built once from its typed model, not validated and encoded a second time by the route."""
    return Response(content=model.model_dump_json(), media_type="application/json")


def _install_load_shedding(app: FastAPI, capacity: int) -> None:
    """At most ``capacity`` questions in the server at once; past that, an immediate 503 with Retry-After.

    A bounded queue: a client beyond the machine's capacity learns it at once and can come back,
    instead of every client waiting seconds in an unbounded thread-pool queue.
    """
    slots = threading.BoundedSemaphore(capacity)
    app.state.ask_slots = slots
    app.add_middleware(LoadShedding, slots=slots, capacity=capacity)


class LoadShedding:
    """Plain ASGI middleware (Starlette's ``BaseHTTPMiddleware`` costs every request a task and a stream)."""

    def __init__(self, app: ASGIApp, slots: threading.BoundedSemaphore, capacity: int) -> None:
        self.app, self.slots, self.capacity = app, slots, capacity

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/ask":
            await self.app(scope, receive, send)
            return
        if not self.slots.acquire(blocking=False):
            busy = JSONResponse(
                status_code=503,
                content={"error": f"the server is answering {self.capacity} questions already; retry in a second"},
                headers={"Retry-After": "1"},
            )
            await busy(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.slots.release()


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        """Anything unforeseen: a JSON 500 with a request id, and one log line with the same id."""
        request_id = uuid.uuid4().hex[:12]
        log.error(
            "request %s %s failed (%s): %s: %s", request_id, request.url.path, request.method, type(exc).__name__, exc
        )
        return JSONResponse(
            status_code=500,
            content={"error": "internal error; the server log has the details", "request_id": request_id},
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(status_code=exc.status_code, content={"error": exc.detail}, headers=exc.headers)

    @app.exception_handler(RebuildInProgressError)
    async def busy(_: Request, exc: RebuildInProgressError) -> JSONResponse:
        return JSONResponse(status_code=409, content={"error": str(exc)})

    @app.exception_handler(InvalidRequestError)
    async def invalid(_: Request, exc: InvalidRequestError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"error": str(exc)})

    @app.exception_handler(RequestValidationError)
    async def validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")} for e in exc.errors()
        ]
        summary = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        return JSONResponse(status_code=422, content={"error": f"invalid request: {summary}", "detail": problems})
