"""spaCy's token Matcher without spaCy: the same matches, in the same order.

A port of ``find_matches`` in spaCy's ``matcher.pyx``: at each token a state starts for every
pattern (in the order they were added); each state asks what its pattern node says of the token
(``get_action``: match, advance, retry, extend...) and the states that survive move on. ``+`` is
a node then the same node with ``*``; ``{n,m}`` is n nodes then m - n with ``?``; ``!`` is a node
that must not match. Matches are de-duplicated by (key, start, end) in the order found, and a
key added with ``greedy`` keeps its longest (or first) non-overlapping matches, as spaCy does.

Every attribute a pattern may test depends on the token's text alone (``evidence.lexical``), so
what a node says of a text is worked out once per text, as spaCy keeps one lexeme per text. Two
shortcuts change no result: a state whose first node must match a token it does not match is
rejected by spaCy at once, so it is not started; and the nodes' answers are remembered per text
(for the last MAX_REMEMBERED_TEXTS texts, so that a long batch does not grow a worker).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from ds160check.evidence.lexical import Getter

__all__ = ["GREEDY", "Matcher", "PatternError"]

ONE, ZERO, ZERO_ONE, ZERO_PLUS = "1", "!", "?", "*"
FINAL: Final = "final"
_OPERATORS: Final = {"*": (ZERO_PLUS,), "+": (ONE, ZERO_PLUS), "?": (ZERO_ONE,), "1": (ONE,),
                     "!": (ZERO,)}
GREEDY: Final = ("FIRST", "LONGEST")
_COMPARISONS: Final[Mapping[str, Callable[[Any, Any], bool]]] = {
    "==": operator.eq, "!=": operator.ne, ">=": operator.ge, "<=": operator.le, ">": operator.gt,
    "<": operator.lt,
}
OP_KEY: Final = "OP"
# Texts whose node answers a matcher keeps (a few bytes per node each); then it starts again.
MAX_REMEMBERED_TEXTS: Final = 50_000
_UNKNOWN, _NO, _YES = 0, 1, 2

# get_action's answers (spaCy's names).
REJECT, MATCH, ADVANCE, RETRY, RETRY_ADVANCE, RETRY_EXTEND = range(6)
MATCH_EXTEND, MATCH_REJECT, MATCH_DOUBLE = range(6, 9)
_RETRIES: Final = (RETRY, RETRY_ADVANCE, RETRY_EXTEND)

Test = Callable[[str], bool]


class PatternError(ValueError):
    """A token pattern the light matcher cannot read (the rule loader should have refused it)."""


@dataclass(frozen=True, slots=True)
class _Node:
    quantifier: str
    index: int  # its test in Matcher.tests, its answer's place in a text's answers


@dataclass(frozen=True, slots=True)
class _Pattern:
    key: str
    nodes: tuple[_Node, ...]  # the last is FINAL, as in spaCy's compiled patterns


class Matcher:
    """Token patterns by key; called on a list of token texts, gives (key, start, end)."""

    def __init__(self, getters: Mapping[str, Getter]) -> None:
        self.getters = getters
        self.patterns: list[_Pattern] = []
        self.greedy: dict[str, str | None] = {}
        self.tests: list[Test] = []  # by node index
        self._answers: dict[str, bytearray] = {}  # text -> per node: _UNKNOWN, _NO or _YES

    def add(self, key: str, patterns: Sequence[Sequence[Mapping[str, Any]]],
            greedy: str | None = None) -> None:
        if greedy is not None and greedy not in GREEDY:
            raise PatternError(f"greedy must be one of {', '.join(GREEDY)}, not {greedy!r}")
        for pattern in patterns:
            if not pattern:
                raise PatternError(f"{key}: an empty pattern")
            nodes = [node for spec in pattern for node in self._nodes(spec)]
            self.patterns.append(_Pattern(key, (*nodes, self._node(FINAL, _never))))
        self.greedy[key] = greedy

    def __call__(self, texts: Sequence[str]) -> list[tuple[str, int, int]]:
        found = _find_matches(self.patterns, [self._answers_of(text) for text in texts], self.tests,
                              texts)
        final: list[tuple[str, int, int]] = []
        greedy_pairs: dict[str, list[tuple[int, int]]] = {}
        for key, start, end in found:
            if self.greedy.get(key) is None:
                final.append((key, start, end))
            else:
                greedy_pairs.setdefault(key, []).append((start, end))
        for key, pairs in greedy_pairs.items():
            final.extend((key, start, end) for start, end in _greedy(pairs, self.greedy[key]))
        return final

    def _answers_of(self, text: str) -> bytearray:
        found = self._answers.get(text)
        if found is None or len(found) < len(self.tests):  # (a pattern added since)
            if len(self._answers) >= MAX_REMEMBERED_TEXTS:
                self._answers.clear()
            found = self._answers[text] = bytearray(len(self.tests))
        return found

    def _nodes(self, spec: Mapping[str, Any]) -> list[_Node]:
        test = self._test(spec)
        return [self._node(quantifier, test) for quantifier in _quantifiers(spec.get(OP_KEY))]

    def _node(self, quantifier: str, test: Test) -> _Node:
        self.tests.append(test)
        return _Node(quantifier, len(self.tests) - 1)

    def _test(self, spec: Mapping[str, Any]) -> Test:
        checks: list[Test] = []
        for name, value in spec.items():
            if name == OP_KEY:
                continue
            getter = self.getters.get(name)
            if getter is None:
                raise PatternError(f"unknown token attribute {name!r}")
            if isinstance(value, Mapping):
                checks.extend(_predicate(getter, predicate, argument)
                              for predicate, argument in value.items())
            else:
                checks.append(_equals(getter, value))
        return lambda text: all(check(text) for check in checks)


def _never(text: str) -> bool:
    return False


def _equals(getter: Getter, value: Any) -> Test:
    return lambda text: getter(text) == value


def _predicate(getter: Getter, predicate: str, argument: Any) -> Test:
    if predicate in ("IN", "NOT_IN"):
        members = frozenset(argument)
        if predicate == "IN":
            return lambda text: getter(text) in members
        return lambda text: getter(text) not in members
    if predicate == "REGEX":
        search = re.compile(argument).search
        return lambda text: bool(search(str(getter(text))))
    compare = _COMPARISONS.get(predicate)
    if compare is None:
        raise PatternError(f"unknown predicate {predicate!r}")
    return lambda text: bool(compare(getter(text), argument))


def _quantifiers(op: Any) -> tuple[str, ...]:
    """spaCy's _get_operators: ``+`` is ONE then ZERO_PLUS; ``{n,m}`` n ONEs and m - n ZERO_ONEs."""
    if op is None:
        return (ONE,)
    if op in _OPERATORS:
        return _OPERATORS[op]
    if isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        inside = op[1:-1]
        low, high = (inside if "," in inside else f"{inside},{inside}").split(",")
        if (not low.isdecimal() and not high.isdecimal()) or (
                low.isdecimal() and high.isdecimal() and int(low) > int(high)):
            raise PatternError(f"OP {op!r}: n and m must be integers with n <= m")
        head = (ONE,) * int(low or 0)
        tail = (ZERO_ONE,) * (int(high) - int(low or 0)) if high else (ZERO_PLUS,)
        return head + tail
    raise PatternError(f"OP must be one of ! ? + * {{n,m}}, not {op!r}")


# --- find_matches, transition_states, finish_states, get_action ------------------------------

# A state: (pattern, node index, start, length).
_State = tuple[_Pattern, int, int, int]


class _Token:
    """What the nodes say of one token: asked once per text, remembered in its answers."""

    __slots__ = ("answers", "tests", "text")

    def __init__(self, text: str, answers: bytearray, tests: list[Test]) -> None:
        self.text, self.answers, self.tests = text, answers, tests

    def matches(self, node: _Node) -> bool:
        answer = self.answers[node.index]
        if answer == _UNKNOWN:
            answer = _YES if self.tests[node.index](self.text) else _NO
            self.answers[node.index] = answer
        return answer == _YES


def _find_matches(patterns: list[_Pattern], answers: list[bytearray], tests: list[Test],
                  texts: Sequence[str]) -> list[tuple[str, int, int]]:
    states: list[_State] = []
    matches: list[tuple[str, int, int]] = []  # (key, start, length)
    # Each pattern's first node, and the answer it needs for a state to start (_START_NEEDS).
    starts = [(p, p.nodes[0], _START_NEEDS.get(p.nodes[0].quantifier)) for p in patterns]
    for i, text in enumerate(texts):
        token = _Token(text, answers[i], tests)
        says = token.matches
        states.extend((p, 0, i, 0) for p, first, needs in starts if needs is None or says(first) is needs)
        states = _transition(states, matches, token)
    _finish(states, matches)
    seen: set[tuple[str, int, int]] = set()
    out = []
    for key, start, length in matches:
        match = (key, start, start + length)
        # One match reached by two paths (.?.? on one token) is one match; none is empty.
        if match not in seen and length > 0:
            out.append(match)
            seen.add(match)
    return out


# A state is not started where spaCy would start it and reject it on that very token: where its
# first node must match (ONE) and does not, or must not (ZERO) and does. By the first node's
# quantifier, the answer it needs; any other starts on every token.
_START_NEEDS: Final[Mapping[str, bool]] = {ONE: True, ZERO: False}


def _transition(states: list[_State], matches: list[tuple[str, int, int]], token: _Token
                ) -> list[_State]:
    kept: list[_State] = []
    added: list[_State] = []
    for pattern, node, start, length in states:
        nodes = pattern.nodes
        action = _action(nodes, node, token)
        if action == REJECT:
            continue
        while action in _RETRIES:
            if action == RETRY_EXTEND:
                added.append((pattern, node, start, length + 1))
            elif action == RETRY_ADVANCE:
                added.append((pattern, node + 1, start, length + 1))
            node += 1
            action = _action(nodes, node, token)
        if action == ADVANCE:
            kept.append((pattern, node + 1, start, length + 1))
        elif action == MATCH:
            matches.append((pattern.key, start, length + 1))
        elif action == MATCH_DOUBLE:
            if length > 0:
                matches.append((pattern.key, start, length))
            matches.append((pattern.key, start, length + 1))
        elif action == MATCH_REJECT:
            matches.append((pattern.key, start, length))
        elif action == MATCH_EXTEND:
            matches.append((pattern.key, start, length))
            kept.append((pattern, node, start, length + 1))
    return kept + added


def _finish(states: list[_State], matches: list[tuple[str, int, int]]) -> None:
    """States that end in zero-width nodes (``?``, ``*``) match without another token."""
    for pattern, node, start, length in states:
        nodes = pattern.nodes
        while nodes[node].quantifier in (ZERO_PLUS, ZERO_ONE):
            if nodes[node + 1].quantifier == FINAL:
                matches.append((pattern.key, start, length))
                break
            node += 1


def _action(nodes: tuple[_Node, ...], index: int, token: _Token) -> int:
    current = nodes[index]
    is_match = token.matches(current)
    is_final = nodes[index + 1].quantifier == FINAL
    quantifier = current.quantifier
    if quantifier == ZERO:
        is_match, quantifier = not is_match, ONE
    if quantifier == ONE:
        if is_match:
            return MATCH if is_final else ADVANCE
        return REJECT
    if quantifier == ZERO_PLUS:
        if is_match:
            return MATCH_EXTEND if is_final else RETRY_EXTEND
        return MATCH_REJECT if is_final else RETRY
    if is_match:  # ZERO_ONE
        return MATCH_DOUBLE if is_final else RETRY_ADVANCE
    return MATCH_REJECT if is_final else RETRY


def _greedy(pairs: list[tuple[int, int]], how: str | None) -> list[tuple[int, int]]:
    """A greedy key's matches: longest (or first) first, none overlapping one kept before it."""
    if how == "FIRST":
        ordered = sorted(pairs, key=lambda p: (p[0], -p[1]))
    else:
        ordered = sorted(pairs, key=lambda p: (p[1] - p[0], -p[0]), reverse=True)
    taken: set[int] = set()
    kept = []
    for start, end in ordered:
        span = range(start, end)
        if not taken.intersection(span):
            kept.append((start, end))
            taken.update(span)
    return kept
