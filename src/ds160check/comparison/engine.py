"""The trap-field checks: two applications in, findings and changes out.

Each ``_check_*`` method is one family of checks; what they compare, with
which matcher and at which severity, comes from ``field_rules/compare``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ds160check.application import Application, Span
from ds160check.comparison.codes import Code
from ds160check.comparison.matchers import item_blocking, item_scorer, match_scalar
from ds160check.comparison.model import Change, Evidence, Finding, Refusal, Value
from ds160check.extraction import PRINT_HEADER
from ds160check.matching import Match, align
from ds160check.matching.ocr_shapes import ocr_explains
from ds160check.model import TRUSTED_OCR
from ds160check.rules import Rules
from ds160check.rules.compare_rules import CircumstanceRule, HistoryRule
from ds160check.wording import describe

OLD = "old"
NEW = "new"
# Two list items are the same item from this alignment score (0-100) on.
ITEM_ALIGN_THRESHOLD = 70.0
DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class Side:
    """One application of the pair, with the file it came from."""

    app: Application
    role: str
    # Facts from documents about this application (confirmation page): key → (value, evidence).
    facts: dict[str, tuple[Any, Evidence]] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return self.app.document.path

    def get(self, key: str) -> Any:
        if key in self.facts:
            return self.facts[key][0]
        return self.app.get(key)

    def has(self, key: str) -> bool:
        return key in self.facts or key in self.app.fields

    def span(self, key: str) -> Span | None:
        found = self.app.fields.get(key)
        return found.span if found is not None else None

    def raw(self, key: str) -> str | None:
        span = self.span(key)
        if span is not None:
            return span.raw
        value = self.get(key)
        return None if value is None else describe(value)

    def value(self, key: str) -> Value | None:
        if not self.has(key):
            return None
        return Value(self.raw(key), self.get(key))

    def evidence(self, key: str) -> list[Evidence]:
        if key in self.facts:
            return [self.facts[key][1]]
        found = self.app.fields.get(key)
        if found is None:
            return []
        if found.span is not None:
            return [Evidence.of(self.file, self.role, found.span)]
        return [Evidence(self.file, self.role, describe(found.value))]

    def date(self) -> dt.date | None:
        """When this application was filed (confirmation page, else print date)."""
        return to_date(self.get("application.submitted_at"))

    def date_source(self) -> str | None:
        """How :meth:`date` is known: ``submitted`` (the form, its confirmation page) or ``printed``."""
        key = "application.submitted_at"
        if self.get(key) is None:
            return None
        found = self.app.fields.get(key)
        printed = (key not in self.facts and found is not None and found.span is not None
                   and found.span.label == PRINT_HEADER)
        return "printed" if printed else "submitted"


def to_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 12
        day = int(parts[2]) if len(parts) > 2 else 28
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


@dataclass(frozen=True)
class Contradiction:
    """A supporting document that says otherwise than the new application.

    ``code`` is EVIDENCE_CONTRADICTS unless the document only spells a name
    another way (NAME_VARIANT, with its ``variant`` of codes.yaml); ``severity``
    overrides the code's (a passport data page: critical for the number).
    """

    field: str | None
    message: str
    document_value: Value | None
    evidence: tuple[Evidence, ...]
    severity: str | None = None
    code: Code = Code.EVIDENCE_CONTRADICTS
    variant: str | None = None


# Links the supporting documents to the changes: sets each change's
# evidence_status and evidence, and returns what the documents contradict.
Linker = Callable[[list[Change], "Side"], list[Contradiction]]


@dataclass
class CaseFacts:
    """What is known about the case beyond the two forms."""

    refusal: Refusal | None = None
    min_days: int | None = None
    linker: Linker | None = None
    # A CEAC page of the old application says its visa was issued: no refusal to hide.
    old_issued: bool = False


class Comparison:
    """All checks of one old/new pair."""

    def __init__(self, old: Side, new: Side, rules: Rules, facts: CaseFacts) -> None:
        self.old = old
        self.new = new
        self.rules = rules
        self.compare = rules.compare
        self.facts = facts
        self.findings: list[Finding] = []
        self._unsure_lists: set[tuple[str, str]] = set()  # (list key, side) reported unsure
        self.changes: list[Change] = []
        self._change_evidence: dict[str, list[Evidence]] = {}

    # --- building findings -------------------------------------------------------

    def _label(self, key: str) -> str:
        """The label as printed, unless one printed row gave several keys ("Name Provided")."""
        for side in (self.new, self.old):
            span = side.span(key)
            if span is not None and span.label and not self._shared_label(side, key, span.label):
                return span.label.rstrip(":?")
        return self.rules.title(key).rstrip(":?")

    @staticmethod
    def _shared_label(side: Side, key: str, label: str) -> bool:
        return any(
            other != key
            and found.span is not None
            and found.span.label == label
            and found.span.page == side.span(key).page  # type: ignore[union-attr]
            for other, found in side.app.fields.items()
        )

    def add(
        self,
        code: Code,
        key: str | None,
        *,
        old: Value | None = None,
        new: Value | None = None,
        match: Match | None = None,
        detail: str = "",
        severity: str | None = None,
        evidence: list[Evidence] | None = None,
        label: str | None = None,
        variant: str | None = None,
    ) -> Finding:
        spec = self.compare.codes[code]
        severity_of, action, message = spec.severity, spec.action, spec.message
        if variant is not None:
            severity_of, action, message = spec.variants[variant]
        catalogue = self.rules.catalogue
        trap = catalogue[key].trap if key and key in catalogue else None
        words = defaultdict(
            str,
            field=key or "",
            label=label or (self._label(key) if key else ""),
            old=_shown(old),
            new=_shown(new),
            reason=match.reason if match else "",
            detail=detail,
            min_days=str(self._min_days()),
        )
        if evidence is None:
            evidence = (self.old.evidence(key) + self.new.evidence(key)) if key else []
        finding = Finding(
            code=code,
            severity=severity or severity_of,
            trap_field=trap,
            field=key,
            old=old,
            new=new,
            score=match.score if match else None,
            message=message.format_map(words),
            action=action,
            evidence=tuple(evidence),
            reason=match.reason if match else None,
            expected=spec.expected,
        )
        self.findings.append(finding)
        return finding

    def _min_days(self) -> int:
        return (
            self.facts.min_days
            if self.facts.min_days is not None
            else self.compare.min_days_after_refusal
        )

    # --- the checks ----------------------------------------------------------------

    def run(self) -> tuple[list[Finding], list[Change]]:
        self._check_refusal()
        self._check_identity()
        self._check_declarations()
        self._check_history_lists()
        self._check_old_employer_kept()
        self._check_history_facts()
        self._check_contact_history()
        self._check_circumstances()
        self._check_renewals()
        self._link_evidence()
        self._report_changes()
        self._check_no_material_change()
        self._check_timing()
        self._check_consulate()
        self._check_simple(self.compare.trip, Code.TRIP_CHANGED)
        self._check_documents()
        self._check_unreadable()
        self.findings.sort(key=Finding.sort_key)
        return self.findings, self.changes

    def _check_refusal(self) -> None:
        key = "previous_travel.refused"
        if self.new.get(key) is not False:
            return
        refusal = self.facts.refusal
        evidence = self.new.evidence(key)
        if refusal is not None and refusal.evidence is not None:
            evidence.append(refusal.evidence)
        if refusal is not None:
            kind = refusal.name if refusal.type not in (None, "unknown") else ""
            detail = {
                "letter": f"a {kind} refusal letter is among the documents",
                "ceac_status": "a CEAC status page among the documents shows the refusal",
            }.get(refusal.source, f"a {kind} refusal was stated (--refused)").replace("a  ", "a ")
        elif self.facts.old_issued:
            return  # the old application's visa was issued: nothing refused to disclose
        elif self.old.get(key) is True:
            detail = "the old application itself answered YES"
            evidence = self.old.evidence(key) + evidence
        else:
            if self.new.get("previous_travel.visa_issued") is False:
                self.add(
                    Code.REFUSAL_UNVERIFIED,
                    key,
                    new=self.new.value(key),
                    evidence=evidence + self.new.evidence("previous_travel.visa_issued"),
                )
            return
        self.add(
            Code.UNDISCLOSED_REFUSAL,
            key,
            old=self.old.value(key),
            new=self.new.value(key),
            detail=detail,
            evidence=evidence,
        )

    def _check_identity(self) -> None:
        native = (
            self.old.get("personal.full_name_native"),
            self.new.get("personal.full_name_native"),
        )
        for rule in self.compare.identity:
            for key in rule.fields:
                if not (self.old.has(key) and self.new.has(key)):
                    continue
                match = match_scalar(
                    rule.matcher, self.old.get(key), self.new.get(key), native=native
                )
                if match.verdict == "same":
                    continue
                if match.verdict == "variant":
                    if rule.matcher == "name" and not self._read_in_part(key, name=True):
                        self.add(
                            Code.NAME_VARIANT,
                            key,
                            old=self.old.value(key),
                            new=self.new.value(key),
                            match=match,
                        )
                    continue
                if self._read_in_part(key, name=rule.matcher == "name"):
                    continue
                self.add(
                    Code.IDENTITY_MISMATCH,
                    key,
                    old=self.old.value(key),
                    new=self.new.value(key),
                    match=match,
                    severity=rule.severity,
                )

    def _read_in_part(self, key: str, keys: tuple[str, ...] | None = None, *, name: bool = False
                      ) -> bool:
        """A value OCR read on one side that is part of the other's, or the same but for letters
        that look alike or marks a scan confuses (``$5000`` for ``85000``): FIELD_UNREADABLE
        (check it by eye), not a contradiction nor a change. ``keys``: the fields the value is
        made of (an amount and its currency), ``key`` alone by default. True when so."""
        told = self._misread(key, keys, name=name)
        if told is None:
            return False
        self.add(Code.FIELD_UNREADABLE, key, old=self.old.value(key), new=self.new.value(key),
                 detail=told, variant="in_part")
        return True

    def _misread(self, key: str, keys: tuple[str, ...] | None = None, *, name: bool = False
                 ) -> str | None:
        """How OCR may have misread the value of ``key`` on one side (see :meth:`_read_in_part`),
        in words, or None when nothing OCR does explains the difference."""
        keys = keys or (key,)
        for side, other, where in ((self.old, self.new, "old"), (self.new, self.old, "new")):
            if not any((span := side.span(k)) is not None and span.ocr_confidence is not None
                       for k in keys):
                continue
            read, given = self._raw_joined(side, keys), self._raw_joined(other, keys)
            if not read or not given:
                continue
            how = ocr_explains(read, given)
            if how == "part":
                return f"the {where} application's scan reads only part of it ({read} of {given})"
            if how == "shapes":
                return (f"the {where} application's scan reads it in marks that look alike "
                        f"({read} for {given})")
            if name and any(c.isdigit() for c in read):
                # A name with digits in it is a misreading ('WAX300' for 'ШАҲЗОД', Uzbek letters
                # read in English at 78), however sure OCR was of it.
                return f"the {where} application's scan reads it with digits, which no name holds ({read})"
        return None

    def _check_declarations(self) -> None:
        for key in self.compare.declarations:
            before, after = self.old.get(key), self.new.get(key)
            if before is True and after is False:
                self.add(
                    Code.DECLARATION_REVERSED, key, old=self.old.value(key), new=self.new.value(key)
                )
            elif before is False and after is True:
                why = self._honest_yes(key)
                self.add(
                    Code.DECLARATION_NEW_YES, key, old=self.old.value(key), new=self.new.value(key),
                    variant="honest" if why else None, detail=why or "",
                )

    def _honest_yes(self, key: str) -> str | None:
        """Why a new YES is the honest answer, when the case itself explains it."""
        if key == "previous_travel.refused" and not self.facts.old_issued:
            refusal = self.facts.refusal
            named = f"the {refusal.name} refusal" if refusal is not None and refusal.type else "the refusal"
            return f"{named} of the old application is disclosed"
        if key == "previous_travel.been_in_us":
            since = self.old.date()
            visits = self.new.get("previous_travel.visits") or []
            later = [v for v in visits if isinstance(v, dict) and since is not None
                     and (to_date(v.get("arrived")) or dt.date.min) > since]
            if later:
                return f"a visit since the old application is listed ({later[0].get('arrived')})"
        return None

    def _window_start(self) -> dt.date | None:
        filed = self.new.date()
        if filed is None:
            return None
        return filed - dt.timedelta(days=round(self.compare.history_window_years * DAYS_PER_YEAR))

    def _in_window(self, item: Any) -> bool:
        """Is an old list item still inside the new application's look-back window?"""
        start = self._window_start()
        if start is None:
            return True
        seen = None
        if isinstance(item, dict):
            seen = to_date(item.get("date_to")) or to_date(item.get("date_from"))
        seen = seen or self.old.date()
        return seen is None or seen >= start

    def _check_history_lists(self) -> None:
        for rule in self.compare.history:
            if not (self.old.has(rule.field) and self.new.has(rule.field)):
                continue
            old_items = self.old.get(rule.field) or []
            new_items = self.new.get(rule.field) or []
            pairs = align(
                old_items,
                new_items,
                item_scorer(rule.matcher),
                threshold=ITEM_ALIGN_THRESHOLD,
                blocking=item_blocking(rule.matcher),
            )
            # An item OCR read unsurely may be the very item it seems to lack or contradict:
            # compared, it would make a contradiction of a misreading.
            unsure_new = [p.new_index for p in pairs if p.old_index is None and p.new_index is not None
                          and self._unsure_item(self.new, rule.field, p.new_index)]
            for pair in pairs:
                if pair.old_index is None:
                    continue
                old_item = old_items[pair.old_index]
                if pair.new_index is None:
                    if rule.window and not self._in_window(old_item):
                        continue
                    if self._unsure_item(self.old, rule.field, pair.old_index):
                        self._unsure(rule.field, self.old, pair.old_index)
                    elif unsure_new:
                        self._unsure(rule.field, self.new, unsure_new[0])
                    else:
                        self._omitted(rule, pair.old_index, old_item)
                    continue
                unsure = [(side, i) for side, i in ((self.old, pair.old_index), (self.new, pair.new_index))
                          if self._unsure_item(side, rule.field, i)]
                if unsure:
                    if any(_differing(rule, old_item, new_items[pair.new_index])):
                        self._unsure(rule.field, *unsure[0])
                    continue
                self._conflicts(
                    rule, pair.old_index, pair.new_index, old_item, new_items[pair.new_index]
                )

    def _unsure_item(self, side: Side, key: str, index: int) -> bool:
        """The item at ``index`` of ``key`` was read by OCR with a value under TRUSTED_OCR, or
        without a part every item of the other application has (a scan's social media item read
        as its platform alone: its handle was not read, not absent)."""
        found = side.app.fields.get(key)
        if found is None or found.items is None or index >= len(found.items):
            return False
        spans = found.items[index]
        read = [spans] if isinstance(spans, Span) else list(spans.values())
        if not any(s.ocr_confidence is not None for s in read):
            return False
        if any(s.ocr_confidence is not None and s.ocr_confidence < TRUSTED_OCR for s in read):
            return True
        item = found.value[index] if index < len(found.value) else None
        others = (self.new if side is self.old else self.old).get(key) or []
        if not isinstance(item, dict) or not others or not all(isinstance(o, dict) for o in others):
            return False
        return any(all(o.get(sub) not in (None, "") for o in others) and item.get(sub) in (None, "")
                   for sub in {sub for o in others for sub in o})

    def _unsure(self, key: str, side: Side, index: int) -> None:
        """FIELD_UNREADABLE for an item OCR read unsurely (once per list and side): check it by eye."""
        where = "old" if side is self.old else "new"
        if (key, where) in self._unsure_lists:
            return
        self._unsure_lists.add((key, where))
        evidence = self._item_evidence(side, key, index)
        quoted = Value(" · ".join(e.text for e in evidence), None) if evidence else None
        given = (self.new if where == "old" else self.old).value(key)  # as _check_unreadable
        self.add(
            Code.FIELD_UNREADABLE,
            key,
            old=quoted if where == "old" else given,
            new=quoted if where == "new" else given,
            detail=where,
            label=f"An item of {self._label(key)} (read by OCR unsurely or in part)",
            evidence=evidence + (self.new if where == "old" else self.old).evidence(key),
        )

    def _item_evidence(self, side: Side, key: str, index: int) -> list[Evidence]:
        found = side.app.fields.get(key)
        if found is None or found.items is None or index >= len(found.items):
            return []
        spans = found.items[index]
        if isinstance(spans, Span):
            return [Evidence.of(side.file, side.role, spans)]
        return [Evidence.of(side.file, side.role, s) for s in spans.values()]

    def _omitted(self, rule: HistoryRule, index: int, item: Any) -> None:
        evidence = self._item_evidence(self.old, rule.field, index)
        self.add(
            Code.HISTORY_OMITTED,
            rule.field,
            old=Value(describe(item), item),
            new=None,
            evidence=evidence + self.new.evidence(rule.field),
        )

    def _conflicts(self, rule: HistoryRule, i: int, j: int, old_item: Any, new_item: Any) -> None:
        for sub, match in _differing(rule, old_item, new_item):
            what = describe({k: v for k, v in old_item.items() if k not in rule.conflict})
            self.add(
                Code.HISTORY_CONFLICT,
                rule.field,
                old=Value(describe(old_item[sub]), old_item[sub]),
                new=Value(describe(new_item[sub]), new_item[sub]),
                match=match,
                label=f"{self._label(rule.field)} ({sub.replace('_', ' ')} of {what})",
                evidence=self._item_evidence(self.old, rule.field, i)
                + self._item_evidence(self.new, rule.field, j),
            )

    def _check_old_employer_kept(self) -> None:
        """The old present employer must reappear among the new previous employers."""
        key, history = "work.present_employer", "work.previous_employers"
        before, after = self.old.get(key), self.new.get(key)
        if not before or not self.new.has(history):
            return
        if after and match_scalar("organization", before, after).verdict != "different":
            return
        # A student's "employer" is the school: the new form may list it among schools attended.
        kept = [*(self.new.get(history) or []), *(self.new.get("education.institutions") or [])]
        for item in kept:
            name = item.get("name") if isinstance(item, dict) else None
            if name and match_scalar("organization", before, name).verdict != "different":
                return
        if not self._in_window({"date_to": self.old.get("application.submitted_at")}):
            return
        unsure = self._unsure_target(((history, None), ("education.institutions", None)))
        if unsure is not None:
            # A previous employer the scan read unsurely may be the old employer misread.
            if unsure[1] is not None:
                self._unsure(unsure[0], self.new, unsure[1])
            return
        self.add(
            Code.HISTORY_OMITTED,
            history,
            old=self.old.value(key),
            new=None,
            label="Previous employers",
            detail=" (it was the present employer in the old application)",
            evidence=self.old.evidence(key) + self.new.evidence(history),
        )

    def _check_history_facts(self) -> None:
        for fact in self.compare.history_facts:
            if fact.newer_when_later:
                before = to_date(self.old.get(fact.newer_when_later))
                after = to_date(self.new.get(fact.newer_when_later))
                if before and after and after > before:
                    continue
            for key in fact.fields:
                if not (self.old.get(key) and self.new.get(key)):
                    continue
                matcher = "date" if self.rules.catalogue[key].type == "date" else "id"
                match = match_scalar(matcher, self.old.get(key), self.new.get(key))
                if match.verdict == "different":
                    self.add(
                        Code.HISTORY_CONFLICT,
                        key,
                        old=self.old.value(key),
                        new=self.new.value(key),
                        match=match,
                    )

    def _check_contact_history(self) -> None:
        if not self._in_window({}):
            return
        for rule in self.compare.contact_history:
            targets: list[Any] = []
            for key, sub in rule.targets:
                value = self.new.get(key)
                values = value if isinstance(value, list) else [value] if value else []
                if sub is not None:
                    values = [v.get(sub) for v in values if isinstance(v, dict) and v.get(sub)]
                targets.extend(values)
            if not any(self.new.has(key) for key, _ in rule.targets):
                continue
            unsure = self._unsure_target(rule.targets)
            for key in rule.sources:
                value = self.old.get(key)
                if not value:
                    continue
                if any(
                    match_scalar(rule.matcher, value, t).verdict != "different" for t in targets
                ):
                    continue
                if unsure is not None:
                    # The old number may be the very one the scan read unsurely: not omitted.
                    if unsure[1] is not None:
                        self._unsure(unsure[0], self.new, unsure[1])
                    continue
                self.add(
                    Code.HISTORY_OMITTED,
                    rule.report_as,
                    old=self.old.value(key),
                    new=None,
                    detail=f" (it was the {self._label(key).lower()} in the old application)",
                    evidence=self.old.evidence(key) + self.new.evidence(rule.report_as),
                )

    def _unsure_target(self, targets: tuple[tuple[str, str | None], ...]
                       ) -> tuple[str, int | None] | None:
        """Where the new application holds a value OCR could not read surely among ``targets``:
        (a list's key, the item's index), or (a field's key, None) for a field left unreadable
        (its FIELD_UNREADABLE is told already); None when every target was read surely."""
        for key, _sub in targets:
            if key in self.new.app.unreadable:
                return key, None
            found = self.new.app.fields.get(key)
            if found is not None and found.items is not None:
                for index in range(len(found.items)):
                    if self._unsure_item(self.new, key, index):
                        return key, index
        return None

    def _joined(self, side: Side, keys: tuple[str, ...]) -> Any:
        values = [side.get(k) for k in keys if side.get(k) not in (None, "", [])]
        if len(keys) == 1:
            return side.get(keys[0]) if side.has(keys[0]) else None
        return ", ".join(str(v) for v in values) or None

    def _check_circumstances(self) -> None:
        for rule in self.compare.circumstances:
            before, after = self._joined(self.old, rule.keys), self._joined(self.new, rule.keys)
            if before is None and after is None:
                continue
            if rule.both_required and (before is None or after is None):
                continue
            if not self._has_or_none(self.old, rule) or not self._has_or_none(self.new, rule):
                continue
            if before is not None and after is not None:
                match = match_scalar(
                    rule.matcher, before, after, tolerance=self.compare.money_tolerance
                )
                if match.verdict != "different" or self._read_in_part(rule.keys[0], rule.keys):
                    continue
            self._changed(rule, before, after)

    def _check_renewals(self) -> None:
        """A document renewed since (a new passport): a change for the documents to prove.

        Told as DOCUMENT_CHANGED (see :meth:`_check_documents`), not as a
        changed circumstance.
        """
        for rule in self.compare.renewals:
            key = rule.keys[0]
            before, after = self.old.get(key), self.new.get(key)
            if before and after and match_scalar(rule.matcher, before, after).verdict == "different" \
                    and self._misread(key) is None:  # a scan's misread number is no renewal
                self._changed(rule, before, after)

    def _renewal_names(self) -> set[str]:
        return {rule.name for rule in self.compare.renewals}

    @staticmethod
    def _has_or_none(side: Side, rule: CircumstanceRule) -> bool:
        """The side prints the circumstance, or prints that it has none (NOT EMPLOYED)."""
        if any(side.has(k) for k in rule.keys):
            return True
        if rule.none_when is None:
            return False
        key, values = rule.none_when
        value = side.get(key)
        return isinstance(value, str) and value.upper() in values

    def _changed(self, rule: CircumstanceRule, before: Any, after: Any) -> None:
        key = rule.keys[0]
        old = Value(self._raw_joined(self.old, rule.keys), before)
        new = Value(self._raw_joined(self.new, rule.keys), after)
        evidence = [
            e for k in (*rule.keys, *rule.also) for e in self.old.evidence(k) + self.new.evidence(k)
        ]
        change = Change(
            rule.name,
            rule.title,
            key,
            old,
            new,
            self.rules.catalogue[key].kind,
            rule.material,
            evidence=[],
        )
        self.changes.append(change)
        self._change_evidence[rule.name] = evidence

    def _report_changes(self) -> None:
        """CIRCUMSTANCE_CHANGED for each change, CHANGE_UNSUPPORTED for a material one nothing proves."""
        renewals = self._renewal_names()
        for change in self.changes:
            if change.name in renewals:
                continue
            label = change.title[:1].upper() + change.title[1:]
            evidence = self._change_evidence.get(change.name, []) + change.evidence
            self.add(
                Code.CIRCUMSTANCE_CHANGED,
                change.field,
                old=change.old,
                new=change.new,
                label=label,
                evidence=evidence,
                detail=f" ({change.evidence_status})",
                variant=change.evidence_status if change.evidence_status != "unsupported" else None,
            )
            if change.material and change.evidence_status == "unsupported":
                self.add(
                    Code.CHANGE_UNSUPPORTED,
                    change.field,
                    old=change.old,
                    new=change.new,
                    label=label,
                    evidence=evidence,
                    detail=self._unsupported_detail(),
                )

    def _unsupported_detail(self) -> str:
        if self.facts.linker is None:
            return "no document was given for it; bring one that proves it"
        return "none of the documents given proves it; bring one that does"

    def _link_evidence(self) -> None:
        """Let the supporting documents prove or contradict each change (see ds160check.evidence)."""
        if self.facts.linker is None:
            return
        for contradiction in self.facts.linker(self.changes, self.new):
            self.add(
                contradiction.code,
                contradiction.field,
                old=contradiction.document_value,
                new=self.new.value(contradiction.field) if contradiction.field else None,
                detail=contradiction.message,
                evidence=list(contradiction.evidence),
                label=contradiction.message,
                severity=contradiction.severity,
                variant=contradiction.variant,
            )

    def _raw_joined(self, side: Side, keys: tuple[str, ...]) -> str | None:
        raws = [side.raw(k) for k in keys if side.has(k)]
        texts = [r for r in raws if r]
        return ", ".join(texts) if texts else None

    def _check_no_material_change(self) -> None:
        refusal = self.facts.refusal
        if (refusal is not None and refusal.type == "221g") or self.facts.old_issued:
            return  # no decision yet, or no refusal at all: nothing to have changed since
        if any(change.material for change in self.changes):
            return
        compared = [
            r
            for r in self.compare.circumstances
            if r.material and any(self.old.has(k) and self.new.has(k) for k in r.keys)
        ]
        if not compared:
            return
        evidence = [e for r in compared for e in self.new.evidence(r.keys[0])]
        self.add(Code.NO_MATERIAL_CHANGE, None, evidence=evidence)

    def _check_timing(self) -> None:
        filed = self.new.date()
        refusal = self.facts.refusal
        refused_on = to_date(refusal.date) if refusal and refusal.date else None
        if refused_on is None and "application.submitted_at" in self.old.facts:
            # The refusal came after the first filing (known from its confirmation page):
            # fewer days since that filing means fewer days since the refusal too.
            # A print date is no filing date: people print their form at any time.
            refused_on = self.old.date()
        if filed is None or refused_on is None:
            return
        days = (filed - refused_on).days
        if 0 <= days < self._min_days():
            evidence = self.new.evidence("application.submitted_at")
            if refusal is not None and refusal.evidence is not None:
                evidence.append(refusal.evidence)
            self.add(
                Code.REAPPLIED_TOO_SOON,
                "application.submitted_at",
                old=Value(refused_on.isoformat(), refused_on.isoformat()),
                new=self.new.value("application.submitted_at"),
                detail=f"{days} day(s)",
                evidence=evidence,
            )

    def _check_consulate(self) -> None:
        key = "application.location"
        after = self.new.get(key)
        before = self.old.get(key)
        evidence = self.old.evidence(key)
        refusal = self.facts.refusal
        if not before and refusal is not None and refusal.post:
            before = refusal.post
            evidence = [refusal.evidence] if refusal.evidence else []
        if not before or not after:
            return
        if _same_post(str(before), str(after)):
            return
        self.add(
            Code.CONSULATE_CHANGED,
            key,
            old=Value(str(before), before),
            new=self.new.value(key),
            evidence=evidence + self.new.evidence(key),
        )

    def _check_simple(self, rules: Any, code: Code, detail: str = "") -> None:
        for rule in rules:
            if not (self.old.has(rule.field) and self.new.has(rule.field)):
                continue
            before, after = self.old.get(rule.field), self.new.get(rule.field)
            if before == after:
                continue
            match = match_scalar(rule.matcher, before, after)
            if match.verdict == "different" and not self._read_in_part(rule.field):
                self.add(
                    code,
                    rule.field,
                    old=self.old.value(rule.field),
                    new=self.new.value(rule.field),
                    match=match,
                    detail=detail,
                )

    def _check_documents(self) -> None:
        renewed = "passport.number"
        changed = (
            self.old.get(renewed)
            and self.new.get(renewed)
            and (
                match_scalar("id", self.old.get(renewed), self.new.get(renewed)).verdict
                == "different"
            )
        )
        rules = [r for r in self.compare.document if not changed or r.field == renewed]
        self._check_simple(
            rules,
            Code.DOCUMENT_CHANGED,
            detail=" (a new passport: normal after a renewal)" if changed else "",
        )
        self._cite_renewal_proof()

    def _cite_renewal_proof(self) -> None:
        """A renewal a document proves: its DOCUMENT_CHANGED finding quotes that document too."""
        proven = {c.field: c.evidence for c in self.changes
                  if c.name in self._renewal_names() and c.evidence_status == "supported"}
        self.findings = [
            replace(f, evidence=(*f.evidence, *proven[f.field]))
            if f.code == Code.DOCUMENT_CHANGED and f.field in proven else f
            for f in self.findings
        ]

    def _check_unreadable(self) -> None:
        for side, other, where in ((self.old, self.new, "old"), (self.new, self.old, "new")):
            for key, problem in sorted(side.app.unreadable.items()):
                base = key.split("[", 1)[0]
                if base not in self.rules.catalogue or not other.has(base):
                    continue
                # What could not be read on its side (nothing, when a label had no answer beside
                # it), and what the other application says: "TBILISI. -> (nothing)" read as if
                # the new application had dropped the city.
                raw = Value(problem.raw, None) if problem.raw else None
                given = other.value(base)
                ev = [Evidence.of(side.file, side.role, problem.span, problem.raw)]
                self.add(
                    Code.FIELD_UNREADABLE,
                    base,
                    old=raw if where == "old" else given,
                    new=raw if where == "new" else given,
                    detail=where,
                    evidence=ev + other.evidence(base),
                )


def _differing(rule: HistoryRule, old_item: Any, new_item: Any) -> Iterator[tuple[str, Match]]:
    """The rule's conflict sub-values (dates) the two items both give and give differently."""
    if not (isinstance(old_item, dict) and isinstance(new_item, dict)):
        return
    for sub, matcher in rule.conflict.items():
        if sub in old_item and sub in new_item:
            match = match_scalar(matcher, old_item[sub], new_item[sub])
            if match.verdict == "different":
                yield sub, match


def _shown(value: Value | None) -> str:
    if value is None:
        return "(not given)"
    if value.raw:
        return value.raw
    return describe(value.normalized)


def _same_post(a: str, b: str) -> bool:
    """``ALMATY`` and ``KAZAKHSTAN, ALMATY`` name one post; ``ASTANA`` and ``ALMATY`` do not."""

    def words(text: str) -> set[str]:
        return {
            w
            for w in "".join(c if c.isalnum() else " " for c in text.upper()).split()
            if w not in _POST_NOISE
        }

    left, right = words(a), words(b)
    return bool(left) and bool(right) and (left <= right or right <= left)


_POST_NOISE = frozenset(
    {
        "US",
        "U",
        "S",
        "EMBASSY",
        "CONSULATE",
        "GENERAL",
        "OF",
        "THE",
        "IN",
        "AT",
        "UNITED",
        "STATES",
        "AMERICA",
        "CONSULAR",
        "SECTION",
    }
)
