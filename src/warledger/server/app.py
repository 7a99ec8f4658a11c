"""The HTTP API and the web UI: `create_app(db, token)` -> a FastAPI app.

Every read endpoint calls the functions behind the CLI's queries (`warledger.resolve.queries`) or
their browsing companions (`warledger.resolve.browse`); uploads go through `ingest_into`, the code
path of `warledger ingest`. One DuckDB connection serves every request, one at a time.
"""

from __future__ import annotations

import logging
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPBearer
from pydantic import BaseModel
from spacy.language import Language
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware

from warledger import __version__
from warledger.document import Document
from warledger.errors import InputError, QueryError, WarledgerError
from warledger.resolve import browse, queries
from warledger.server.guards import BodyLimit, RateLimit, RateLimiter, SecurityHeaders, WriteToken
from warledger.settings import Settings
from warledger.store import Store

log = logging.getLogger("warledger.server")
T = TypeVar("T")
STATIC = Path(__file__).resolve().parent / "static"
"""Where `make setup` builds the UI (npm ci && npm run build in web/); not in git."""
CERTAINTIES = ["asserted", "reported", "hedged", "alleged", "speculative", "denied"]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
HINTS = {
    "country": "an ISO3 country code such as LBY",
    "since": "an ISO date: YYYY, YYYY-MM or YYYY-MM-DD",
    "until": "an ISO date: YYYY, YYYY-MM or YYYY-MM-DD",
    "certainty": "one of " + ", ".join(CERTAINTIES),
    "min_sources": "a whole number from 1",
    "type": "an upper-case type such as DEPLOY or SUPPORTS",
    "limit": "a whole number from 1 to 1000",
    "offset": "a whole number from 0",
}


class Error(BaseModel):
    error: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "a bad parameter; the message says which and why"},
    404: {"model": Error, "description": "no such record"},
    429: {"model": Error, "description": "too many requests"},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": Error, "description": "no token, or a wrong one"},
    413: {"model": Error, "description": "request body too large"},
}

Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description=HINTS["country"])]
Since = Annotated[str | None, Query(pattern=DATE, description="from this date (ISO)")]
Until = Annotated[str | None, Query(pattern=DATE, description="up to this date (ISO)")]
Certainty = Annotated[
    str | None, Query(pattern="^(" + "|".join(CERTAINTIES) + ")$", description="at least this firm")
]
MinSources = Annotated[int | None, Query(ge=1, le=1_000_000, description=HINTS["min_sources"])]
Kind = Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,40}$")]
Text = Annotated[str | None, Query(max_length=200)]
EventType = Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,40}$", description=HINTS["type"])]


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _check_date(name: str, value: str | None) -> str | None:
    """The ISO date (YYYY, YYYY-MM or YYYY-MM-DD) if it is a real one; 400 otherwise."""
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        raise ApiError(400, f"bad parameter {name}={value!r}: not a real date") from None
    return value


def _validation_message(exc: RequestValidationError) -> str:
    problems = []
    for err in exc.errors():
        where = [str(p) for p in err.get("loc", []) if p not in ("query", "path", "body")]
        name = ".".join(where) or "request"
        if err.get("type") == "missing":
            hint = "required"
        else:
            hint = HINTS.get(where[-1] if where else "", err.get("msg", "invalid"))
        problems.append(f"bad parameter {name}: {hint}")
    return "; ".join(problems) or "bad request"


class Api:
    """The state behind the routes: the store, the lock that serialises its use, settings."""

    def __init__(self, store: Store, settings: Settings, nlp: Language | None) -> None:
        self.store = store
        self.settings = settings
        self.lock = threading.RLock()
        self._nlp = nlp

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.lock:
            return fn(self.store, *args, **kwargs)

    def nlp(self) -> Language:
        with self.lock:
            if self._nlp is None:
                from warledger.nlp import load_nlp

                self._nlp = load_nlp()
            return self._nlp


def _label(item: Document | InputError, names: dict[str, str]) -> Document | InputError:
    """Name an uploaded input `upload:FILENAME` rather than by its temporary path."""
    for path, label in names.items():
        if isinstance(item, Document) and item.input and item.input.startswith(path):
            item.input = label + item.input[len(path) :]
        elif isinstance(item, InputError):
            current = getattr(item, "input", None)
            if isinstance(current, str) and current.startswith(path):
                item.input = label + current[len(path) :]  # type: ignore[attr-defined]
            item.message = item.message.replace(path, label)
            item.args = (item.message,)
    return item


def _safe_name(name: str | None, index: int) -> str:
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name or "").name)[-120:].lstrip(".")
    return base or f"upload-{index}.txt"


def create_app(
    db: str | Path | Store,
    token: str | None = None,
    *,
    cors: list[str] | None = None,
    rate_limit: RateLimit | None = None,
    max_body: int | None = None,
    nlp: Language | None = None,
    static: Path | None = None,
) -> Any:
    """The ASGI app serving the database `db` (a path, or an open Store). Writes need `token`
    (none: read-only). `cors` lists the origins allowed to call it from a browser (none by
    default); `rate_limit` caps API requests per client; `max_body` caps request bodies."""
    settings = Settings.load()
    store = db if isinstance(db, Store) else Store.open(db)
    api = Api(store, settings, nlp)
    static_root = (static or STATIC).resolve()
    app = FastAPI(
        title="warledger",
        version=__version__,
        description="The cross-document record of who did what to whom, with its evidence. "
        "Reads are open; writes need `Authorization: Bearer TOKEN`.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.api = api
    bearer = HTTPBearer(auto_error=False, description="the token given to `warledger serve`")

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    @app.exception_handler(QueryError)
    async def _not_found(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=404)

    @app.exception_handler(WarledgerError)
    async def _bad_input(request: Request, exc: WarledgerError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": _validation_message(exc)}, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        return JSONResponse({"error": message}, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"error": "internal error; the server's log has the details"}, status_code=500
        )

    # --- reads ----------------------------------------------------------------------------------

    @app.get("/api/events", responses=ERRORS, tags=["record"])
    def get_events(
        type: EventType = None,
        actor: Text = None,
        country: Country = None,
        since: Since = None,
        until: Until = None,
        certainty: Certainty = None,
        min_sources: MinSources = None,
    ) -> list[dict[str, Any]]:
        """Global events, oldest first, each with `point` (where it is on the map, or null)."""
        rows = api.read(
            queries.events,
            type=type,
            actor=actor,
            country=country,
            since=_check_date("since", since),
            until=_check_date("until", until),
            certainty=certainty,
            min_sources=min_sources,
        )
        return api.read(browse.locate_events, rows)

    @app.get("/api/events/{event_id}", responses=ERRORS, tags=["record"])
    def get_event(event_id: str) -> dict[str, Any]:
        """One event with its reports, evidence sentences and contradictions."""
        return api.read(browse.event_evidence, event_id)

    @app.get("/api/actors", responses=ERRORS, tags=["record"])
    def get_actors(
        name: Text = None,
        kind: Kind = None,
        country: Country = None,
        limit: Annotated[int | None, Query(ge=1, le=100_000)] = None,
    ) -> list[dict[str, Any]]:
        """Corpus-wide actors, most documented first; `name` matches names and aliases."""
        return api.read(queries.actors, name, kind, country, limit)

    @app.get("/api/actors/{actor_id}", responses=ERRORS, tags=["record"])
    def get_actor(actor_id: str) -> dict[str, Any]:
        """One actor (by id, name or alias): records, relations over time, events, sources."""
        return api.read(queries.actor, actor_id)

    @app.get("/api/actors/{actor_id}/evidence", responses=ERRORS, tags=["evidence"])
    def get_actor_evidence(actor_id: str) -> dict[str, Any]:
        """The sentences behind an actor's events and relations."""
        return api.read(browse.actor_evidence, actor_id)

    @app.get("/api/flows", responses=ERRORS, tags=["record"])
    def get_flows(
        actor: Text = None,
        country: Country = None,
        since: Since = None,
        until: Until = None,
        min_sources: MinSources = None,
    ) -> list[dict[str, Any]]:
        """Fighter flows with their map end points and size (the largest reported number)."""
        rows = api.read(
            queries.flows,
            actor=actor,
            country=country,
            since=_check_date("since", since),
            until=_check_date("until", until),
            min_sources=min_sources,
        )
        return api.read(browse.locate_flows, rows)

    @app.get("/api/flows/{flow_id}", responses=ERRORS, tags=["evidence"])
    def get_flow(flow_id: str) -> dict[str, Any]:
        """One flow with the evidence sentences of its events and their contradictions."""
        return api.read(browse.flow_evidence, flow_id)

    @app.get("/api/network", responses=ERRORS, tags=["record"])
    def get_network(
        actor: Text = None,
        type: EventType = None,
        since: Since = None,
        until: Until = None,
        country: Country = None,
        certainty: Certainty = None,
    ) -> list[dict[str, Any]]:
        """Edges between actors with the intervals in which each is reported."""
        return api.read(
            queries.network,
            actor=actor,
            type=type,
            since=_check_date("since", since),
            until=_check_date("until", until),
            country=country,
            certainty=certainty,
        )

    @app.get("/api/network/evidence", responses=ERRORS, tags=["evidence"])
    def get_edge(
        source: Annotated[str, Query(max_length=200)],
        target: Annotated[str, Query(max_length=200)],
        type: Annotated[str, Query(pattern=r"^[A-Za-z_]{1,40}$")],
    ) -> dict[str, Any]:
        """One edge: the stated relations and implying events, with their sentences."""
        return api.read(browse.edge_evidence, source, target, type)

    @app.get("/api/contradictions", responses=ERRORS, tags=["record"])
    def get_contradictions(
        event: Text = None, field: Kind = None, conflicts: bool = False
    ) -> list[dict[str, Any]]:
        """Values on which the reports of one event disagree, side by side."""
        return api.read(queries.contradictions, event, field, conflicts)

    @app.get("/api/judgements", responses=ERRORS, tags=["record"])
    def get_judgements(
        kind: Annotated[str | None, Query(pattern="^(actor|event)$")] = None,
        global_id: Text = None,
    ) -> list[dict[str, Any]]:
        """Every merge judgement: rule and evidence; undone ones marked."""
        return api.read(queries.judgements, kind, global_id)

    @app.get("/api/documents", responses=ERRORS, tags=["documents"])
    def get_documents(
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> list[dict[str, Any]]:
        """Stored documents, newest first, without their text."""
        return api.read(browse.documents, limit, offset)

    @app.get("/api/documents/{document_id}", responses=ERRORS, tags=["documents"])
    def get_document(document_id: str) -> dict[str, Any]:
        """One document's text with its actors, places and events marked as spans."""
        return api.read(browse.document, document_id)

    @app.get("/api/documents/{document_id}/report", responses=ERRORS, tags=["documents"])
    def get_report(document_id: str) -> dict[str, Any]:
        """The document's report, `warledger.report/1` (the JSON Schema `warledger schema` prints)."""
        return api.read(browse.report, document_id)

    @app.get("/api/failures", responses=ERRORS, tags=["documents"])
    def get_failures(resolved: bool = False) -> list[dict[str, Any]]:
        """Inputs that could not be read or processed (and, with resolved=true, those since read)."""
        return api.read(browse.failures, resolved)

    @app.get("/api/search", responses=ERRORS, tags=["record"])
    def get_search(q: Annotated[str, Query(max_length=200)]) -> dict[str, Any]:
        """Actors and places whose names hold `q`."""
        return api.read(browse.search, q)

    # --- writes (need the token; guards.WriteToken refuses them before the body is read) ----------

    @app.post("/api/documents", responses=WRITE_ERRORS, tags=["writes"])
    def post_documents(
        files: Annotated[list[UploadFile], File(description="articles: text, HTML, JSONL, ...")],
        published: Annotated[str | None, Form(max_length=40)] = None,
        outlet: Annotated[str | None, Form(max_length=200)] = None,
        resolve: Annotated[bool, Form()] = False,
    ) -> dict[str, Any]:
        """Ingest uploaded articles as `warledger ingest` does (same limits per document); with
        resolve=true, bring the cross-document record up to date after."""
        from warledger.ingest.into_store import ingest_into
        from warledger.ingest.read import read_inputs

        if not files:
            raise ApiError(400, "bad parameter files: give at least one file")
        with tempfile.TemporaryDirectory(prefix="warledger-upload-") as tmp:
            names: dict[str, str] = {}
            paths = []
            for i, upload in enumerate(files):
                path = Path(tmp) / f"{i:03d}-{_safe_name(upload.filename, i)}"
                path.write_bytes(upload.file.read(settings.max_bytes + 1))
                names[str(path)] = f"upload:{upload.filename or path.name}"
                paths.append(path)
            items = (
                _label(item, names)
                for item in read_inputs(
                    paths, published=published, outlet=outlet, settings=settings
                )
            )
            nlp_ = api.nlp()
            with api.lock:
                summary = ingest_into(store, items, nlp_, max_seconds=settings.max_seconds)
                resolved = _resolve(store) if resolve else None
        return {
            "read": summary.read,
            "stored": summary.stored,
            "duplicates": summary.duplicates,
            "failures": [asdict(p) for p in summary.failures],
            "resolved": resolved,
        }

    @app.post("/api/resolve", responses=WRITE_ERRORS, tags=["writes"])
    def post_resolve() -> dict[str, Any]:
        """Bring the cross-document record up to date (as `warledger resolve`)."""
        with api.lock:
            return _resolve(store)

    @app.post("/api/judgements/{judgement_id}/undo", responses=WRITE_ERRORS, tags=["writes"])
    def post_undo(judgement_id: str) -> dict[str, Any]:
        """Undo a merge judgement: its record stays on its own from now on; then re-resolve."""
        from warledger.resolve import undo

        with api.lock:
            return asdict(undo(store, judgement_id))

    @app.post("/api/judgements/{judgement_id}/redo", responses=WRITE_ERRORS, tags=["writes"])
    def post_redo(judgement_id: str) -> dict[str, Any]:
        """Let an undone merge happen again; then re-resolve."""
        from warledger.resolve import redo

        with api.lock:
            return asdict(redo(store, judgement_id))

    _document_security(app, bearer)  # the check itself is guards.WriteToken

    # --- the UI ---------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return _static(static_root, "index.html")

    @app.get("/{path:path}", include_in_schema=False)
    def asset(path: str) -> Response:
        if path.startswith("api/") or path == "api":
            return JSONResponse({"error": f"no API path /{path}"}, status_code=404)
        return _static(static_root, path)

    guarded: Any = app
    guarded = WriteToken(guarded, token)
    if cors:
        guarded = CORSMiddleware(
            guarded, allow_origins=cors, allow_methods=["GET", "POST"], allow_headers=["*"]
        )
    guarded = RateLimiter(guarded, rate_limit or RateLimit())
    guarded = BodyLimit(guarded, max_body or settings.max_bytes + 1_000_000)
    guarded = SecurityHeaders(guarded)
    guarded.fastapi = app
    guarded.store = store
    return guarded


def _resolve(store: Store) -> dict[str, Any]:
    from warledger.resolve import resolve

    return asdict(resolve(store))


def _document_security(app: FastAPI, bearer: HTTPBearer) -> None:
    """Mark the POST operations as needing the bearer token in the OpenAPI document."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        schema.setdefault("components", {}).setdefault("securitySchemes", {})["bearer"] = {
            "type": "http",
            "scheme": "bearer",
            "description": bearer.scheme_name or "the token given to `warledger serve`",
        }
        for path in schema.get("paths", {}).values():
            if "post" in path:
                path["post"]["security"] = [{"bearer": []}]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _static(root: Path, path: str) -> Response:
    """A file of the built UI; a path that leaves the folder is 404, a route without a file
    extension gets index.html (the single page)."""
    if not (root / "index.html").is_file():
        return JSONResponse(
            {"error": "the web UI is not built; run `make setup` (npm ci && npm run build)"},
            status_code=404,
        )
    if "\x00" in path or "\\" in path:
        return JSONResponse({"error": "not found"}, status_code=404)
    candidate = (root / path).resolve()
    if not candidate.is_relative_to(root):
        return JSONResponse({"error": "not found"}, status_code=404)
    if candidate.is_file():
        return FileResponse(candidate)
    if "." not in Path(path).name:
        return FileResponse(root / "index.html")
    return JSONResponse({"error": "not found"}, status_code=404)
