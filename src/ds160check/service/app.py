"""The ASGI application: routes, the bearer token, admission, uploads to a private folder.

A request is admitted (503 past ``--jobs`` plus ``--queue`` requests at once, before its body
is read), checked for the token, streamed into a folder of its own under the limits, and handed
to the pool as a job; the folder is removed before the answer is sent, whatever happened.
Every error is JSON ``{"error": "one line"}``.
"""

from __future__ import annotations

import contextlib
import hmac
import shutil
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from ds160check import __version__
from ds160check.errors import OptionError
from ds160check.render.json import dumps
from ds160check.service.jobs import BAD_OPTION, Answer, Named, error, job_with_options
from ds160check.service.openapi import openapi_document
from ds160check.service.pool import Pool
from ds160check.service.settings import MAX_DOCUMENTS, ServiceSettings
from ds160check.service.uploads import FormSpec, UploadError, UploadReader, boundary_of, read_form

COMPARE_FORM = FormSpec(
    files={"old": (1, 1), "new": (1, 1), "documents": (0, MAX_DOCUMENTS)},
    options=frozenset({"refused", "refusal_date", "min_days", "password", "redact"}),
)
EXTRACT_FORM = FormSpec(files={"file": (1, 1)}, options=frozenset({"password", "backend", "redact"}))
# The multipart framing around the files: boundaries and part headers.
FRAMING_BYTES = 1024 * 1024
TEMP_PREFIX = "ds160check-serve-"
BUSY_RETRY_S = "1"
# An upload that sends nothing for this long is given up (a slow client still sends something).
UPLOAD_IDLE_S = 60.0


def json_response(status: int, body: str, headers: dict[str, str] | None = None) -> Response:
    # no-store: a report names a person; no proxy or browser cache should keep it.
    return Response(body, status_code=status, media_type="application/json",
                    headers={"Cache-Control": "no-store", **(headers or {})})


def answer_response(answer: Answer) -> Response:
    return json_response(answer.status, answer.body)


class Service:
    """The routes' state: the settings, the pool, and how many requests are admitted now."""

    def __init__(self, settings: ServiceSettings, announce: str | None = None) -> None:
        self.settings = settings
        self.announce = announce
        self.pool: Pool | None = None
        self.admitted = 0

    @contextlib.asynccontextmanager
    async def lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        self.pool = Pool(self.settings.jobs, self.settings.limits)
        await self.pool.start()
        if self.announce:
            print(self.announce, file=sys.stderr, flush=True)
        try:
            yield
        finally:
            await self.pool.stop()

    # --- routes

    async def healthz(self, _request: Request) -> Response:
        pool = self.pool
        body = {"status": "ok", "version": __version__, "jobs": self.settings.jobs,
                "busy": pool.busy if pool else 0, "idle": pool.idle if pool else 0,
                "admitted": self.admitted, "workers_replaced": pool.replaced if pool else 0}
        return json_response(200, dumps(body))

    async def openapi(self, request: Request) -> Response:
        self._authorize(request)
        return json_response(200, dumps(openapi_document(self.settings.token is not None)))

    async def compare(self, request: Request) -> Response:
        return await self._check(request, "compare", COMPARE_FORM)

    async def extract(self, request: Request) -> Response:
        return await self._check(request, "extract", EXTRACT_FORM)

    # --- a checking request

    async def _check(self, request: Request, kind: str, spec: FormSpec) -> Response:
        self._authorize(request)
        if self.admitted >= self.settings.admitted:
            busy = error(503, f"busy: {self.admitted} requests are being checked or wait for it; "
                              "try again shortly")
            return json_response(busy.status, busy.body, {"Retry-After": BUSY_RETRY_S})
        self.admitted += 1
        try:
            return await self._admitted(request, kind, spec)
        finally:
            self.admitted -= 1

    async def _admitted(self, request: Request, kind: str, spec: FormSpec) -> Response:
        folder = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
        try:
            try:
                form = await self._upload(request, folder, spec)
                files = {field: [Named(str(u.path), u.name) for u in group]
                         for field, group in form.files.items()}
                job = job_with_options(kind, files, form.options)
            except UploadError as exc:
                return json_response(exc.status, dumps({"error": exc.reason}),
                                     {"Connection": "close"} if exc.status in (408, 413) else None)
            except ClientDisconnect:  # the client went away mid-upload: nobody to answer
                return Response(status_code=400)
            except OptionError as exc:
                return answer_response(error(BAD_OPTION, str(exc)))
            assert self.pool is not None
            return answer_response(await self.pool.run(job))
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    async def _upload(self, request: Request, folder: Path, spec: FormSpec) -> Any:
        settings = self.settings
        boundary = boundary_of(request.headers.get("content-type"))
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > settings.max_request_bytes + FRAMING_BYTES:
            raise UploadError(413, f"the request is {int(declared) / 2**20:.1f} MB, more than this service "
                                   f"takes ({settings.max_request_bytes / 2**20:g} MB: 4 times --max-size)")
        reader = UploadReader(folder, spec, boundary, max_file_bytes=settings.max_file_bytes,
                              max_request_bytes=settings.max_request_bytes)
        return await read_form(request.stream(), reader, UPLOAD_IDLE_S)

    def _authorize(self, request: Request) -> None:
        token = self.settings.token
        if token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        # compare_digest: the time taken does not tell how much of a guess was right.
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "a bearer token is required (Authorization: Bearer <token>)",
                                headers={"WWW-Authenticate": "Bearer"})


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return json_response(exc.status_code, dumps({"error": exc.detail}), dict(exc.headers or {}))


def create_app(settings: ServiceSettings, announce: str | None = None) -> Starlette:
    """The application for ``settings``; ``announce`` is printed once the workers are ready."""
    service = Service(settings, announce)
    routes = [
        Route("/v1/compare", service.compare, methods=["POST"]),
        Route("/v1/extract", service.extract, methods=["POST"]),
        Route("/healthz", service.healthz, methods=["GET"]),
        Route("/openapi.json", service.openapi, methods=["GET"]),
    ]
    return Starlette(routes=routes, lifespan=service.lifespan,
                     exception_handlers={HTTPException: _http_error})
