"""What ``ds160check serve`` runs with: address, token, pool size, queue bound and input limits.

The settings check themselves: a non-loopback address without a token is refused here, so that
no caller (the CLI, a test, an embedding program) can open the service to a network by mistake.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ds160check.errors import OptionError
from ds160check.limits import DEFAULT_LIMITS, MB, Limits

DEFAULT_HOST: Final = "127.0.0.1"
DEFAULT_PORT: Final = 8160
# Requests admitted beyond the cases being checked (uploading or waiting for a worker); past it
# the service answers 503 at once instead of holding uploads it cannot check soon.
DEFAULT_QUEUE: Final = 100
# A shorter token can be guessed by a client on the same network.
MIN_TOKEN_CHARS: Final = 16
# Supporting documents one case may upload (a real case has about ten).
MAX_DOCUMENTS: Final = 50
# All files of one request together: this many times --max-size (a case's scans add up).
REQUEST_FILES_FACTOR: Final = 4
LOOPBACK_NAMES: Final = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


@dataclass(frozen=True)
class ServiceSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    # The bearer token requests must carry (None: none needed; loopback only).
    token: str | None = field(default=None, repr=False)
    jobs: int = 1
    queue: int = DEFAULT_QUEUE
    limits: Limits = DEFAULT_LIMITS

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise OptionError(f"--jobs must be 1 or more, not {self.jobs}")
        if self.queue < 0:
            raise OptionError(f"--queue must be 0 or more, not {self.queue}")
        if self.token is None and not is_loopback(self.host):
            raise OptionError(
                f"--host {self.host}: not a loopback address, so anyone who reaches it could upload "
                "cases; give --token-file FILE to require a bearer token"
            )

    @property
    def max_file_bytes(self) -> int:
        return int(self.limits.max_size_mb * MB)

    @property
    def max_request_bytes(self) -> int:
        return self.max_file_bytes * REQUEST_FILES_FACTOR

    @property
    def admitted(self) -> int:
        """Requests handled at once: the cases being checked and those waiting."""
        return self.jobs + self.queue


def is_loopback(host: str) -> bool:
    """``127.0.0.1``, ``::1``, ``localhost``: reachable from this machine only."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def read_token(path: Path) -> str:
    """The token in ``path`` (surrounding white space dropped); a usage error names the file."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise OptionError(f"--token-file {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise OptionError(f"--token-file {path}: cannot read it ({reason})") from None
    if len(text) < MIN_TOKEN_CHARS or any(c.isspace() for c in text):
        raise OptionError(f"--token-file {path}: the token must be one word of at least "
                          f"{MIN_TOKEN_CHARS} characters (e.g. from `openssl rand -hex 32`)")
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise OptionError(f"--token-file {path}: readable by other users; make it yours only "
                          f"(chmod 600 {path})")
    return text
