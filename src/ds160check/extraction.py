"""``extract``: one PDF or scan in, an :class:`Application` out (reading → layout → parsing)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from ds160check.application import Application, DocumentInfo, Field, Span, Unreadable
from ds160check.errors import NotDs160Error
from ds160check.files import file_sha256
from ds160check.isolation import run_limited
from ds160check.layout import Flow, build_flow, join_tokens
from ds160check.limits import check_size
from ds160check.model import TRUSTED_OCR, Page
from ds160check.parsing.assemble import Assembler
from ds160check.parsing.completeness import check_enough, missing_parts, print_title
from ds160check.parsing.index import LabelIndex
from ds160check.parsing.walker import Walker
from ds160check.reading import DEFAULT_BACKEND, ensure_text, read_pages
from ds160check.reading.sniff import check_page_file
from ds160check.rules import LabelSet, Rules, load_rules
from ds160check.rules.labels import label_key
from ds160check.rules.model import Catalogue
from ds160check.values import ceac_countries, mend_option, mend_shape, parse_print_header_date

PRINT = "print"
CONFIRMATION = "confirmation"
# The label of a date read from the browser's print header: a print date, not a filing date.
PRINT_HEADER = "print header"
# A print-out reads at least this many fields (a real one has 100+); fewer
# means the document only mentions DS-160 words.
MIN_PRINT_FIELDS = 8
MIN_CONFIRMATION_FIELDS = 3
# An OCR value that is one of its closed question's options is trusted from this confidence on
# (0-100), below TRUSTED_OCR: a misreading would have to land on another option exactly, and
# CEAC's options are far apart. Under it Tesseract is guessing at a smudge.
OPTION_MIN_CONFIDENCE = 40.0
YES_NO = frozenset({"YES", "NO"})
HASH_CHUNK = 1 << 20


def extract(
    path: str | Path,
    *,
    password: str | None = None,
    backend: str = DEFAULT_BACKEND,
    max_pages: int | None = None,
    rules: Rules | None = None,
) -> Application:
    """Read a DS-160 print-out or confirmation page.

    Raises an :class:`~ds160check.errors.InputError` subclass when the file
    cannot be read or is not a DS-160, or is over a limit of
    :func:`~ds160check.limits.current_limits` (size, pages, time, memory):
    the reading runs in a child process (see :mod:`ds160check.isolation`).
    """
    check_size(path)
    check_page_file(path)  # a wrong or missing file is told before the rules are loaded
    rules = rules or load_rules()
    warm_caches(rules)
    return run_limited(
        path, _extract, path, password=password, backend=backend, max_pages=max_pages, rules=rules
    )


def warm_caches(rules: Rules) -> None:
    """Build what every extraction needs before the reading child forks, so it inherits it."""
    _index(rules.printout)
    _index((rules.confirmation,))
    ceac_countries()  # the country table, read when a currency or country is parsed


@dataclass(frozen=True)
class NotAnApplication:
    """A document that is no DS-160: why not, and every page of it as read, or None when only its
    first page was (a scan whose first page says it is no DS-160 is not OCR'd further)."""

    error: NotDs160Error
    pages: list[Page] | None


def _extract(
    path: str | Path, *, password: str | None, backend: str, max_pages: int | None, rules: Rules
) -> Application:
    found = application_or_pages(path, password=password, backend=backend, max_pages=max_pages, rules=rules)
    if isinstance(found, NotAnApplication):
        raise found.error
    return found


def application_or_pages(
    path: str | Path, *, password: str | None, rules: Rules, backend: str = DEFAULT_BACKEND,
    max_pages: int | None = None,
) -> Application | NotAnApplication:
    """What :func:`extract` reads, in this process; a document that is no DS-160 comes back with
    its pages, so that a caller reading it as a document need not read it again."""
    first = read_pages(path, password=password, backend=backend, max_pages=max_pages, ocr_pages=1)
    if _scanned(first) and document_kind(build_flow(first[:1], rules.layout), rules) is None:
        # A scan whose first page is no DS-160 (a bank statement, a letter): not worth OCR-ing
        # the other pages to say so.
        ensure_text(path, first[:1])
        return NotAnApplication(NotDs160Error(path, _not_ds160_reason(build_flow(first[:1], rules.layout),
                                                                      rules)), None)
    # More than the first scanned page to read (a scanned print-out, a text one with scans in it).
    more = _scanned(first) or not all(page.words for page in first)
    pages = read_pages(path, password=password, backend=backend, max_pages=max_pages,
                       read=first) if more else first
    ensure_text(path, pages)
    flow = build_flow(pages, rules.layout)
    kind = document_kind(flow, rules)
    if kind is None:
        return NotAnApplication(NotDs160Error(path, _not_ds160_reason(flow, rules)), pages)
    info = DocumentInfo(str(path), file_sha256(path), kind, flow.page_count)
    app = parse_flow(info, flow, rules)
    title = print_title(flow, rules.layout) if kind == PRINT else None
    minimum = MIN_PRINT_FIELDS if kind == PRINT else MIN_CONFIRMATION_FIELDS
    app.warnings[:0] = check_enough(path, app.fields, minimum, title)
    return app


def _trusted(fields: dict[str, Field], unreadable: dict[str, Unreadable], catalogue: Catalogue
             ) -> tuple[dict[str, Field], dict[str, Unreadable]]:
    """A value OCR was unsure of is not a value: it becomes unreadable (FIELD_UNREADABLE when the
    other application has it), never a contradiction; so does a label OCR read with nothing beside
    it (a text layer prints an empty answer as DOES NOT APPLY, a scan loses the word). Lists keep
    their items (each has its own span; only the field's first is judged here). The answer to a
    closed question read as one of its options is trusted from OPTION_MIN_CONFIDENCE on."""
    scanned = any(f.span is not None and f.span.ocr_confidence is not None for f in fields.values())
    kept, unsure = {}, dict(unreadable)
    for key, value in fields.items():
        span = value.span
        confidence = span.ocr_confidence if span is not None else None
        if confidence is not None and OPTION_MIN_CONFIDENCE <= confidence < TRUSTED_OCR \
                and _an_option(catalogue, key, value):
            kept[key] = value
        elif confidence is not None and confidence < TRUSTED_OCR and value.items is None:
            unsure[key] = Unreadable(key, span.raw if span else "", f"read by OCR with a confidence of "
                                     f"{confidence:.0f} of 100: not trusted, check it by hand", span)
        elif scanned and value.value is None and span is None and value.items is None:
            unsure[key] = Unreadable(key, "", "OCR read its label but no answer beside it: check it "
                                     "by hand", None)
        else:
            kept[key] = value
    return kept, unsure


def _mended(fields: dict[str, Field], catalogue: Catalogue) -> dict[str, Field]:
    """Identifiers OCR read, mended where the catalogue's shape fixes a character (AAOO... is
    AA00...), and answers to closed questions one letter off an option (MARRLED is MARRIED). A
    text layer's value is what was typed: never changed."""
    out = dict(fields)
    for key, value in fields.items():
        spec = catalogue.fields.get(key)
        span = value.span
        if spec is None or span is None or span.ocr_confidence is None or not isinstance(value.value, str):
            continue
        if spec.shape is not None:
            out[key] = replace(value, value=mend_shape(value.value, spec.shape))
        elif spec.options and (option := mend_option(value.value, spec.options)) is not None:
            out[key] = replace(value, value=option)
    return out


def _an_option(catalogue: Catalogue, key: str, value: Field) -> bool:
    """The value answers a closed question with one of its answers exactly: one of the catalogue's
    options, YES or NO to a yes/no question, a country CEAC lists to a country question."""
    spec = catalogue.fields.get(key)
    if spec is None or value.items is not None or value.span is None:
        return False
    if spec.options:
        return value.value in spec.options
    raw = " ".join(value.span.raw.split()).upper()
    if spec.type == "bool":
        return raw in YES_NO
    return spec.type == "country" and raw in ceac_countries()


def _scanned(pages: list[Page]) -> bool:
    """Read by OCR (its words carry confidences), or a PDF whose first page has no text layer."""
    return bool(pages) and (not pages[0].words or pages[0].words[0].confidence is not None)


def parse_flow(info: DocumentInfo, flow: Flow, rules: Rules) -> Application:
    """Fields of a document already laid out as a flow of lines, read as ``info.kind`` says.

    Whether there are enough of them for a DS-160 is :func:`check_enough`'s to say.
    """
    kind = info.kind
    label_sets = rules.printout if kind == PRINT else (rules.confirmation,)
    walker = Walker(flow.lines, _index(label_sets), rules.catalogue, rules.layout)
    assembler = Assembler(rules.catalogue)
    for row in walker.walk():
        assembler.add(row)
    fields, unreadable, warnings = assembler.finish()
    fields = _mended(_with_meta(fields, kind, flow, rules), rules.catalogue)
    fields, unreadable = _trusted(fields, unreadable, rules.catalogue)
    app = Application(info, fields, warnings, unreadable)
    app.warnings.extend(_unreadable_warnings(app))
    if kind == PRINT:
        app.warnings.extend(missing_parts(walker.rows_by_section(), fields, rules.layout))
    app.warnings.extend(walker.warnings)
    app.warnings.extend(_unknown_label_warnings(walker))
    return app


@cache
def _index(label_sets: tuple[LabelSet, ...]) -> LabelIndex:
    return LabelIndex.build(label_sets)


def document_kind(flow: Flow, rules: Rules) -> str | None:
    """``print``, ``confirmation`` or None, from the title markers of the first pages."""
    head = label_key(
        " ".join([*(line.text for line in flow.lines[:80]), *(c.text for c in flow.noise[:20])])
    )
    if any(key in head for key in _marker_keys(rules.layout.confirmation_markers)):
        return CONFIRMATION
    if any(key in head for key in _marker_keys((*rules.layout.print_titles, *rules.layout.print_markers))):
        return PRINT
    return None


@cache
def _marker_keys(markers: tuple[str, ...]) -> tuple[str, ...]:
    """The rules' title markers as label keys: made once, not for every document tried."""
    return tuple(label_key(m) for m in markers)


def _not_ds160_reason(flow: Flow, rules: Rules) -> str:
    text = " ".join(line.text for line in flow.lines).casefold()
    scores = {
        name: sum(text.count(word.casefold()) for word in words)
        for name, words in rules.layout.lookalikes.items()
    }
    best = max(scores, key=lambda name: scores[name], default=None)
    looks = f"; it looks like {best}" if best is not None and scores[best] > 0 else ""
    return f"not a DS-160 print-out or confirmation page{looks}"


def _with_meta(fields: dict[str, Field], kind: str, flow: Flow, rules: Rules) -> dict[str, Field]:
    meta = {"application.document": Field("application.document", kind, None)}
    if kind == PRINT and "application.submitted_at" not in fields:
        printed = _print_date(flow, rules)
        if printed is not None:
            meta["application.submitted_at"] = printed
    merged = {**fields, **meta}
    return {key: merged[key] for key in rules.catalogue.fields if key in merged}


def _print_date(flow: Flow, rules: Rules) -> Field | None:
    """The date of the browser's print header: the fallback submission date of a print-out."""
    for cell in flow.noise:
        match = rules.layout.print_date.search(cell.text)
        if match is None:
            continue
        try:
            value = parse_print_header_date(cell.text)
        except ValueError:
            continue
        tokens = cell.tokens
        box = tokens[0].box
        for token in tokens[1:]:
            box = box.union(token.box)
        sure = [t.confidence for t in tokens if t.confidence is not None]
        span = Span(tokens[0].page, box, join_tokens(tokens), PRINT_HEADER, min(sure) if sure else None)
        return Field("application.submitted_at", value, span)
    return None


def _unreadable_warnings(app: Application) -> list[str]:
    return [f"{u.key}: could not read {u.raw!r} ({u.reason})" for u in app.unreadable.values()]


def _unknown_label_warnings(walker: Walker) -> list[str]:
    return [
        f"page {row.label_tokens[0].page}: label not recognised: {row.label!r}"
        for row in walker.unknown
        if row.label_tokens
    ]
