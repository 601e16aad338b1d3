"""Where the declarative rule files (``field_rules/``) live.

An installed wheel carries them inside the package (``ds160check/field_rules``,
see ``[tool.hatch.build.targets.wheel.force-include]``); a source checkout or an
editable install reads the repository's top-level ``field_rules/`` folder.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ds160check.errors import RuleError

RULES_DIR_NAME = "field_rules"

# src/ds160check/rules_path.py -> parents[2] is the repository root.
_SOURCE_ROOT_DEPTH = 2


def _packaged_rules_dir() -> Path | None:
    """The ``field_rules`` folder inside the installed package, when there is one."""
    candidate = resources.files("ds160check") / RULES_DIR_NAME
    # A regular (non-zipped) install gives a real filesystem path.
    if isinstance(candidate, Path) and candidate.is_dir():
        return candidate
    return None


def _source_rules_dir() -> Path:
    return Path(__file__).resolve().parents[_SOURCE_ROOT_DEPTH] / RULES_DIR_NAME


def rules_dir() -> Path:
    """The folder holding the rule files; raises :class:`RuleError` when neither exists."""
    packaged = _packaged_rules_dir()
    if packaged is not None:
        return packaged
    source = _source_rules_dir()
    if source.is_dir():
        return source
    raise RuleError(
        source,
        None,
        f"the {RULES_DIR_NAME}/ folder is missing: it is neither inside the installed "
        f"package nor at the top of a source checkout; reinstall ds160check",
    )
