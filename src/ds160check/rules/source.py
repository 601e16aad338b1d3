"""YAML reading that remembers line numbers, so rule errors can name file and line."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ds160check.errors import RuleError

SUGGESTION_CUTOFF = 0.6


@dataclass
class Problem:
    """One thing wrong with a rule file."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass
class Node:
    """A YAML value with the line it starts on (1-based)."""

    value: Any
    line: int


@dataclass
class Source:
    """A parsed rule file: its nodes and the problems found while checking it."""

    path: Path
    root: Node
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.display, line, message))

    @property
    def display(self) -> str:
        parts = self.path.parts
        if "field_rules" in parts:
            return "/".join(parts[parts.index("field_rules") :])
        return str(self.path)


def suggest(word: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for the closest choice, or ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=SUGGESTION_CUTOFF)
    return f" (did you mean {close[0]!r}?)" if close else ""


# libyaml when present: rule loading is on the start-up path of every command.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _convert(node: yaml.Node, loader: Any) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(loader.construct_object(key_node))
            if key in mapping:
                # YAML keeps the last of two equal keys: a rule would silently lose half.
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is written twice in one mapping", key_node.start_mark)
            mapping[key] = _convert(value_node, loader)
            mapping[f"__line__{key}"] = Node(key_node.start_mark.line + 1, line)
        return Node(mapping, line)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, loader) for item in node.value], line)
    return Node(loader.construct_object(node), line)


def load_source(path: Path) -> Source:
    """Parse one YAML rule file; a syntax error is a :class:`RuleError` with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(path, None, f"cannot read the rule file ({exc.strerror})") from exc
    loader = _Loader(text)
    try:
        composed = loader.get_single_node()
        root = _convert(composed, loader) if composed is not None else Node({}, 1)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise RuleError(path, line, f"not valid YAML: {reason}") from exc
    finally:
        loader.dispose()
    return Source(path, root)


def key_line(mapping: dict[str, Node], key: str) -> int:
    """The line where ``key`` is written in a mapping."""
    marker = mapping.get(f"__line__{key}")
    return int(marker.value) if marker is not None else mapping[key].line


def keys_of(mapping: dict[str, Node]) -> list[str]:
    """The real keys of a converted mapping (without line markers)."""
    return [key for key in mapping if not key.startswith("__line__")]


def plain(node: Node) -> Any:
    """The Python value of a node, without line information."""
    value = node.value
    if isinstance(value, dict):
        return {key: plain(value[key]) for key in keys_of(value)}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value
