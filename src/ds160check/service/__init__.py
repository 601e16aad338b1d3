"""``ds160check serve``: the checks as an HTTP service for case-review pipelines.

    POST /v1/compare   multipart: old, new, documents (repeated), options as fields
    POST /v1/extract   multipart: file, options as fields
    GET  /healthz      open, even with a token
    GET  /openapi.json

The answers are the JSON of ``compare``/``extract --format json``, the uploaded file names as
the paths. Modules: ``settings`` (address, token, pool, limits; refuses a non-loopback address
without a token), ``uploads`` (streamed multipart into a private folder, limits checked while it
arrives), ``jobs`` (what a worker runs: the command line's code path), ``pool`` (the bounded
worker processes), ``app`` (routes and admission), ``openapi``. The ASGI stack (Starlette,
uvicorn, python-multipart: the ``serve`` extra) is imported here only.
"""

from __future__ import annotations

import socket
from typing import Final

from ds160check.errors import OptionError
from ds160check.service.settings import ServiceSettings

# Connections the kernel holds while the server is busy accepting.
BACKLOG: Final = 256
GRACEFUL_SHUTDOWN_S: Final = 10


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; an address that cannot be had is one usage line."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise OptionError(f"--host {host}: {exc.strerror}") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(BACKLOG)
    except OSError as exc:
        sock.close()
        raise OptionError(f"--host {host} --port {port}: cannot listen there ({exc.strerror})") from None
    return sock


def address_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(settings: ServiceSettings) -> None:
    """Run the service until interrupted (Ctrl-C or SIGTERM end it gracefully)."""
    try:
        import uvicorn

        from ds160check.service.app import create_app
    except ImportError as exc:
        raise OptionError(f"serve needs the serve extra ({exc.name} is not installed): "
                          "pip install 'ds160check[serve]'") from None
    sock = bind(settings.host, settings.port)
    token = "bearer token required" if settings.token else "no token: loopback only"
    announce = (f"ds160check serve: listening on {address_of(sock)} ({settings.jobs} worker"
                f"{'s' if settings.jobs > 1 else ''}; {token})")
    config = uvicorn.Config(create_app(settings, announce), log_level="warning", access_log=False,
                            lifespan="on", timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
                            server_header=False)
    uvicorn.Server(config).run(sockets=[sock])


__all__ = ["ServiceSettings", "serve"]
