"""The ASGI app (Starlette): a thin router over typed handlers, the shape of vLLM's OpenAI
server. Routes: the OpenAI chat-completions API (`taxqa/serve/chat.py`), taxqa's grounding
endpoint, the health check, the model list and the web chat page.

Every bad request gets the OpenAI error shape; /v1 routes refuse other sites' pages and need
``Authorization: Bearer KEY`` when the server has a key (`taxqa/serve/guard.py`). A client
that disconnects (while queued or while its answer streams) cancels its generation.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from taxqa.serve.chat import job_of, serve_chat
from taxqa.serve.guard import guard, read_json
from taxqa.serve.schema import APIError, ChatRequest, GroundRequest, Health, ModelCard, ModelList, parse

STATIC = Path(__file__).resolve().parent / "static"
log = logging.getLogger("taxqa.serve")


@dataclass
class ServeConfig:
    model_id: str  # what /v1/models lists and requests must name
    backend: str  # mlx | torch | upstream
    api_key: str | None = None
    max_body_bytes: int = 1_000_000
    max_tokens_limit: int = 4096
    default_max_tokens: int = 512
    ground_k: int = 4
    log_prompts: bool = False
    aliases: tuple[str, ...] = ()  # other names accepted for the model (e.g. the path as given)


def settings(request: Request) -> tuple[ServeConfig, Any]:
    return request.app.state.config, request.app.state.worker


async def case_for(config: ServeConfig, question: str, retrieve: bool = True):
    """The question read once (`taxqa.case`): its grounding and the figure check of the answer.
    The one place serve reads a question."""
    from taxqa.case import read_case

    return await asyncio.to_thread(read_case, question, k=config.ground_k, retrieve=retrieve)


def grounding_of(case) -> dict[str, Any]:
    """What a client and the model get: the Case's grounding and whether it needs checking, the
    law.go.kr key never in it (whatever the corpus holds)."""
    from taxqa.case import REFERENCE_ONLY
    from taxqa.corpus.client import OC_ENV, scrub

    # needs_check: "확인이 필요합니다: ..." while the question lacks a fact or holds one not placed;
    # reference_note: the sentence a page puts above the figure then (null when nothing is flagged)
    flagged = case.needs_check
    body = {**case.grounding(), "needs_check": flagged, "reference_note": REFERENCE_ONLY if flagged else None}
    return scrub(body, os.environ.get(OC_ENV))


def error_response(exc: APIError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)


# -- routes ------------------------------------------------------------------------------
async def index(request: Request) -> Response:
    return FileResponse(STATIC / "index.html")


async def favicon(request: Request) -> Response:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


async def health(request: Request) -> Response:
    config, worker = settings(request)
    status = worker.status()
    finished = dict(worker.finished) if getattr(worker, "finished", None) is not None else None
    body = Health(
        status=status,
        model=config.model_id,
        backend=config.backend,
        waiting=worker.waiting,
        auth=bool(config.api_key),
        finished=finished,
        error=worker.error,
    )
    return JSONResponse(body.model_dump(exclude_none=True), status_code=200 if status == "ok" else 503)


async def models(request: Request) -> Response:
    config, _ = settings(request)
    guard(request, config.api_key)
    card = ModelCard(id=config.model_id, created=request.app.state.started)
    return JSONResponse(ModelList(data=[card]).model_dump())


async def ground(request: Request) -> Response:
    config, _ = settings(request)
    guard(request, config.api_key)
    req = parse(GroundRequest, await read_json(request, config.max_body_bytes))
    case = await case_for(config, req.question)
    body: dict[str, Any] = {"question": req.question, **grounding_of(case)}
    if req.answer is not None:
        body["check"] = await asyncio.to_thread(case.figure_check, req.answer)
    return JSONResponse(body)


async def chat_completions(request: Request) -> Response:
    config, worker = settings(request)
    guard(request, config.api_key)
    req = parse(ChatRequest, await read_json(request, config.max_body_bytes))
    if req.model not in (config.model_id, *config.aliases):
        message = f"model {req.model!r} does not exist; this server serves {config.model_id!r}"
        raise APIError(404, message, code="model_not_found")
    question, job = job_of(req, config)  # every check of the request before the grounding's work
    case = await case_for(config, question, retrieve=req.ground) if req.ground or req.return_grounding else None
    job.options["grounding"] = grounding_of(case) if req.ground else None
    return await serve_chat(request, req, config, worker, job, case)


# -- errors ------------------------------------------------------------------------------
async def on_api_error(request: Request, exc: APIError) -> Response:
    return error_response(exc)


async def on_http_error(request: Request, exc: HTTPException) -> Response:
    kind = "not_found" if exc.status_code == 404 else "invalid_request_error"
    message = f"{request.method} {request.url.path}: {exc.detail}"
    return error_response(APIError(exc.status_code, message, type=kind))


async def on_error(request: Request, exc: Exception) -> Response:
    log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__)
    return error_response(APIError(500, f"internal error: {type(exc).__name__}", type="server_error"))


ROUTES = [
    Route("/", index),
    Route("/favicon.ico", favicon),
    Route("/health", health),
    Route("/v1/models", models),
    Route("/v1/chat/completions", chat_completions, methods=["POST"]),
    Route("/v1/taxqa/ground", ground, methods=["POST"]),
    Mount("/static", StaticFiles(directory=STATIC), name="static"),
]


def create_app(config: ServeConfig, worker) -> Starlette:
    handlers = {APIError: on_api_error, HTTPException: on_http_error, Exception: on_error}
    app = Starlette(routes=ROUTES, exception_handlers=handlers)
    app.state.config, app.state.worker, app.state.started = config, worker, int(time.time())
    return app
