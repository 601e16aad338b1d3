"""The batch's own rule files (``folders.yaml``, ``cross_case.yaml``): a mapping of known keys.

    >>> data = read_mapping(path, ("old", "new"), "unknown list", "the lists old, new")

A file that cannot be read or parsed, is not a mapping, or names a key that is not known raises
:class:`RuleError` naming the file, with a "did you mean" for a misspelt key.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ds160check.errors import RuleError
from ds160check.rules.load import suggest


def read_mapping(path: Path, known: Sequence[str], unknown: str, expected: str) -> dict[str, Any]:
    """``path`` as a mapping whose keys are all in ``known``; ``unknown`` names a wrong key ("unknown
    list"), ``expected`` what the file should hold ("a mapping of the lists ...")."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(path, None, f"cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleError(path, None, f"expected {expected}")
    for key in data:
        if key not in known:
            raise RuleError(path, None, f"{unknown} {key!r}{suggest(str(key), known)}; "
                                        f"known: {', '.join(known)}")
    return data
